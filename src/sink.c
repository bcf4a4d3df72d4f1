/* Stable style names shared by every writer and every template. */
#include "sink.h"

static const char *const PARA_STYLE_NAMES[SCR_PARA_COUNT] = {
    [SCR_PARA_BODY] = "Body Text",
    [SCR_PARA_TITLE] = "Title",
    [SCR_PARA_SUBTITLE] = "Subtitle",
    [SCR_PARA_LIST] = "List Paragraph",
    [SCR_PARA_QUOTE] = "Quote",
    [SCR_PARA_CODE] = "Source Code",
    [SCR_PARA_TABLE_HEADING] = "Table Heading",
    [SCR_PARA_TABLE_CONTENTS] = "Table Contents",
    [SCR_PARA_FRONT_MATTER] = "Front Sheet",
    [SCR_PARA_NOTE] = "Note",
    [SCR_PARA_SIGNATURE] = "Signature",
    [SCR_PARA_RULE] = "Horizontal Line",
};

static const char *const HEADING_STYLE_NAMES[6] = {
    "Heading 1", "Heading 2", "Heading 3",
    "Heading 4", "Heading 5", "Heading 6",
};

const char *scr_style_name(scr_para_style style) {
  if ((unsigned)style >= SCR_PARA_COUNT)
    return PARA_STYLE_NAMES[SCR_PARA_BODY];
  return PARA_STYLE_NAMES[style];
}

const char *scr_heading_style_name(int level) {
  if (level < 1)
    level = 1;
  if (level > 6)
    level = 6;
  return HEADING_STYLE_NAMES[level - 1];
}

void scr_column_shares(const int *widths, int columns, int total, int *out) {
  long long sum = 0;
  for (int i = 0; i < columns; i++)
    sum += widths && widths[i] > 0 ? widths[i] : 1;
  int given = 0;
  for (int i = 0; i < columns; i++) {
    long long w = widths && widths[i] > 0 ? widths[i] : 1;
    out[i] = (int)(total * w / sum);
    given += out[i];
  }
  for (int i = 0; given < total && columns > 0; i = (i + 1) % columns) {
    out[i]++;
    given++;
  }
}
