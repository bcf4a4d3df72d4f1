/* The house style's defaults and page arithmetic. */
#include "house.h"

#include <stdlib.h>
#include <string.h>

/* A4 with 2 cm margins; the header and footer 1 cm from the edge. */
#define A4_WIDTH 11906
#define A4_HEIGHT 16838
#define MARGIN_2CM 1134
#define DISTANCE_1CM 567

/* Every property of a role's text unset. */
#define UNSET_TEXT                                                             \
  {                                                                            \
    .size = SCR_HOUSE_UNSET, .bold = SCR_HOUSE_UNSET,                          \
    .italic = SCR_HOUSE_UNSET, .before = SCR_HOUSE_UNSET,                      \
    .after = SCR_HOUSE_UNSET, .line = SCR_HOUSE_UNSET,                         \
    .contextual = SCR_HOUSE_UNSET                                              \
  }

static const scr_house BUILTIN = {
    .text = {UNSET_TEXT, UNSET_TEXT, UNSET_TEXT, UNSET_TEXT, UNSET_TEXT,
             UNSET_TEXT, UNSET_TEXT, UNSET_TEXT, UNSET_TEXT, UNSET_TEXT,
             UNSET_TEXT, UNSET_TEXT, UNSET_TEXT, UNSET_TEXT, UNSET_TEXT,
             UNSET_TEXT, UNSET_TEXT},
    .page = {A4_WIDTH, A4_HEIGHT, MARGIN_2CM, MARGIN_2CM, MARGIN_2CM,
             MARGIN_2CM, DISTANCE_1CM, DISTANCE_1CM},
};
_Static_assert(SCR_HOUSE_ROLES == 17, "one UNSET_TEXT per role");

const scr_house *scr_house_builtin(void) {
  return &BUILTIN;
}

void scr_house_default(scr_house *h) {
  *h = BUILTIN;
}

void scr_house_free(scr_house *h) {
  if (h->has_art) {
    free((void *)h->art.image.data);
    free((void *)h->art.image.alt);
  }
  scr_house_default(h);
}

int scr_house_text_width(const scr_house_page *p, bool landscape) {
  return (landscape ? p->height : p->width) - p->left - p->right;
}

int scr_house_text_height(const scr_house_page *p, bool landscape) {
  return (landscape ? p->width : p->height) - p->top - p->bottom;
}

/* The factor that brings a page's sides into Word's range. */
static double page_scale(double w, double h) {
  double longer = w > h ? w : h, shorter = w > h ? h : w;
  if (longer > SCR_PAGE_MAX_SIDE)
    return SCR_PAGE_MAX_SIDE / longer;
  if (shorter < SCR_PAGE_MIN_SIDE) {
    double up = SCR_PAGE_MIN_SIDE / shorter;
    return longer * up > SCR_PAGE_MAX_SIDE ? SCR_PAGE_MAX_SIDE / longer : up;
  }
  return 1;
}

void scr_pdf_page_fit(const scr_house_page *house, double width_pt,
                      double height_pt, scr_house_page *page,
                      int32_t *width_mm100, int32_t *height_mm100) {
  /* the smallest room left for the picture: a tenth of an inch */
  enum { LEAST = 144 };
  double w = width_pt > 1 ? width_pt * 20 : 20;
  double h = height_pt > 1 ? height_pt * 20 : 20;
  double s = page_scale(w, h);
  *page = *house;
  page->width = (int)(w * s + 0.5);
  page->height = (int)(h * s + 0.5);
  page->left = page->right = SCR_PDF_PAGE_EDGE;
  double room_w = page->width - 2 * SCR_PDF_PAGE_EDGE;
  /* less a line, which the picture's paragraph may add below it */
  double room_h = page->height - page->top - page->bottom - 240;
  if (room_w < LEAST)
    room_w = LEAST;
  if (room_h < LEAST)
    room_h = LEAST;
  double fit = room_w / w < room_h / h ? room_w / w : room_h / h;
  /* a twip is 2540/1440 hundredths of a millimetre; rounded down, so that
     the picture never overflows its room */
  *width_mm100 = (int32_t)(w * fit * 2540.0 / 1440.0);
  *height_mm100 = (int32_t)(h * fit * 2540.0 / 1440.0);
}

const char *scr_house_role_name(scr_house_role role) {
  static const char *const NAMES[SCR_HOUSE_ROLES] = {
      [SCR_HOUSE_BODY] = "the default paragraph style",
      [SCR_HOUSE_BODY_TEXT] = "Body Text",
      [SCR_HOUSE_TITLE] = "Title",
      [SCR_HOUSE_SUBTITLE] = "Subtitle",
      [SCR_HOUSE_HEADING1] = "Heading 1",
      [SCR_HOUSE_HEADING2] = "Heading 2",
      [SCR_HOUSE_HEADING3] = "Heading 3",
      [SCR_HOUSE_HEADING4] = "Heading 4",
      [SCR_HOUSE_HEADING5] = "Heading 5",
      [SCR_HOUSE_HEADING6] = "Heading 6",
      [SCR_HOUSE_LIST] = "List Paragraph",
      [SCR_HOUSE_QUOTE] = "Quote",
      [SCR_HOUSE_FRONT_SHEET] = "Front Sheet",
      [SCR_HOUSE_TABLE_HEADING] = "Table Heading",
      [SCR_HOUSE_TABLE_CONTENTS] = "Table Contents",
      [SCR_HOUSE_NOTE] = "Note",
      [SCR_HOUSE_SIGNATURE] = "Signature",
  };
  return (unsigned)role < SCR_HOUSE_ROLES ? NAMES[role] : "";
}
