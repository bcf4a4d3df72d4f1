/*
 * The house style as both formats know it: what a template says of its
 * text styles, its page and its header art, read from a .docx or an .odt
 * (template_house_docx.c, template_house_odt.c) and applied to the other
 * format's built-in styles, and to the page both writers lay out. The
 * template's own styles part stays the base for its own format; this is
 * what carries across.
 *
 * Lengths are in twips (twentieths of a point), font sizes in half-points,
 * as WordprocessingML counts them; the ODT side converts.
 */
#ifndef SCR_HOUSE_H
#define SCR_HOUSE_H

#include "image.h"

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/* The styles whose text carries across, by the role the writers give them. */
typedef enum scr_house_role {
  SCR_HOUSE_BODY,      /* the default paragraph style: Word's Normal over its
                          document defaults; LibreOffice's Default Paragraph
                          Style (Standard) over its default style */
  SCR_HOUSE_BODY_TEXT, /* Body Text (LibreOffice: Text body) */
  SCR_HOUSE_TITLE,
  SCR_HOUSE_SUBTITLE,
  SCR_HOUSE_HEADING1, /* ... to Heading 6, in order */
  SCR_HOUSE_HEADING2,
  SCR_HOUSE_HEADING3,
  SCR_HOUSE_HEADING4,
  SCR_HOUSE_HEADING5,
  SCR_HOUSE_HEADING6,
  SCR_HOUSE_LIST,           /* List Paragraph */
  SCR_HOUSE_QUOTE,          /* Quote */
  SCR_HOUSE_FRONT_SHEET,    /* Front Sheet */
  SCR_HOUSE_TABLE_HEADING,  /* Table Heading */
  SCR_HOUSE_TABLE_CONTENTS, /* Table Contents */
  SCR_HOUSE_NOTE,           /* Note */
  SCR_HOUSE_SIGNATURE,      /* Signature */
  SCR_HOUSE_ROLES
} scr_house_role;

/* A property the template does not set (the built-in style's stays). */
#define SCR_HOUSE_UNSET (-1)

/* The text of one style as it shows: each property resolved through the
   style's parents (w:basedOn, style:parent-style-name) and the document
   defaults, so that a heading that inherits the body's font names it. */
typedef struct scr_house_text {
  char font[64];     /* Latin font family, resolved from Word's theme
                        fonts (minorHAnsi...); "" unset */
  int size;          /* half-points; SCR_HOUSE_UNSET */
  char colour[7];    /* "RRGGBB", upper case; "" unset (or automatic) */
  int bold, italic;  /* 0 or 1; SCR_HOUSE_UNSET */
  int before, after; /* paragraph spacing, twips; SCR_HOUSE_UNSET */
  int line;          /* proportional line height in 240ths of a single
                        line (276 = 115%); SCR_HOUSE_UNSET, also for an
                        exact or at-least height */
  int contextual;    /* 1: no space between paragraphs of the style (Word's
                        w:contextualSpacing, ODF's style:contextual-spacing),
                        0; SCR_HOUSE_UNSET */
} scr_house_text;

/* The page of the template's first (Word: last, the body's) section, its
   portrait size; a landscape page turns it. */
typedef struct scr_house_page {
  int width, height;            /* twips */
  int top, bottom, left, right; /* margins: the edge to the body text */
  int header, footer;           /* the edge to the header, to the footer */
} scr_house_page;

/* A picture in the template's header, the council's logo. */
typedef struct scr_house_art {
  scr_image image; /* data owned by the house (image.data is malloc'd), its
                      width_mm100/height_mm100 the size it has in the
                      template; image.alt owned too (may be "") */
  int align;       /* of its paragraph: 0 start, 1 centre, 2 end */
  bool every_page; /* from the default header: on every page; from the
                      first-page header: on each document's first page */
} scr_house_art;

typedef struct scr_house {
  scr_house_text text[SCR_HOUSE_ROLES];
  scr_house_page page;
  bool has_art;
  scr_house_art art;
} scr_house;

/** The built-in house style, read only. */
const scr_house *scr_house_builtin(void);
/** Set `h` to the built-in house style: A4, 2 cm margins, header and footer 1
   cm from the edge, every text property unset, no art. */
void scr_house_default(scr_house *h);
/** Free what `h` owns (the art) and reset it to the default. */
void scr_house_free(scr_house *h);

/** The text width of the page, in twips, portrait or landscape. */
int scr_house_text_width(const scr_house_page *p, bool landscape);
/** The text height of the page, in twips, portrait or landscape. */
int scr_house_text_height(const scr_house_page *p, bool landscape);

/** Word's largest page side, 22 in, in twips: larger PDF pages are shown
    scaled down to it. */
#define SCR_PAGE_MAX_SIDE 31680
/** The smallest shorter side of a PDF appendix's page, 3 in, in twips:
    smaller PDF pages are shown scaled up to it, so that the margins fit. */
#define SCR_PAGE_MIN_SIDE 4320
/** The side margins of a PDF appendix's pages: 5 mm, in twips. */
#define SCR_PDF_PAGE_EDGE 283

/**
 * The page a PDF page of `width_pt` by `height_pt` points is shown on in a
 * pack of house page `house`, into *page: its own size (scaled, keeping its
 * shape, into Word's range), the house's top and bottom margins and header
 * and footer distances, SCR_PDF_PAGE_EDGE at the sides; and the size of the
 * picture of it there, in hundredths of a millimetre, the largest that
 * keeps its shape within the margins.
 */
void scr_pdf_page_fit(const scr_house_page *house, double width_pt,
                      double height_pt, scr_house_page *page,
                      int32_t *width_mm100, int32_t *height_mm100);

/** The style name of a role ("Heading 3"), as the README lists it. */
const char *scr_house_role_name(scr_house_role role);

#endif
