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
