/*
 * The document sink: the seam between composing and writing.
 *
 * Composers (the Markdown walker, the pack, minutes and tracker layouts)
 * describe a document as a sequence of calls on a sink; each writer (DOCX,
 * ODT, the page estimator) implements the calls. A new output format is a
 * new writer and nothing else changes.
 *
 * Nesting rules the composers keep, so writers need not check them:
 *   - text, line_break, links, bookmarks, page_ref and image occur only
 *     inside a paragraph or heading;
 *   - paragraphs and headings never nest; block content (paragraphs, lists,
 *     tables) sits at top level, inside list items or inside table cells;
 *   - a table cell holds one or more paragraphs (never another table);
 *   - page_break and begin_section come between blocks and apply to the
 *     next block.
 * Every op returns SCR_OK or an error. Composers call the ops through the
 * scr_sink_* wrappers below: the sink keeps the first error, every call
 * after it does nothing, and scr_sink_error says how it went, so a
 * composer reads straight down and checks once at its end.
 */
#ifndef SCR_SINK_H
#define SCR_SINK_H

#include "image.h"
#include "scrutineer.h"

#include <stdbool.h>
#include <stdint.h>

/** Paragraph styles. Names (scr_style_name) are stable: templates define them.
 */
typedef enum scr_para_style {
  SCR_PARA_BODY,           /* "Body Text": ordinary paragraphs */
  SCR_PARA_TITLE,          /* "Title": the document's title */
  SCR_PARA_SUBTITLE,       /* "Subtitle": council name, meeting line */
  SCR_PARA_LIST,           /* "List Paragraph": paragraphs in list items */
  SCR_PARA_QUOTE,          /* "Quote": block quotes */
  SCR_PARA_CODE,           /* "Source Code": code blocks, lines split by
                              line_break, spaces kept */
  SCR_PARA_TABLE_HEADING,  /* "Table Heading": header-row cells */
  SCR_PARA_TABLE_CONTENTS, /* "Table Contents": body cells */
  SCR_PARA_FRONT_MATTER,   /* "Front Sheet": date/time/place lines */
  SCR_PARA_NOTE,           /* "Note": footnote text, small print */
  SCR_PARA_SIGNATURE,      /* "Signature": the chair's signature line */
  SCR_PARA_RULE,           /* "Horizontal Line": a thematic break (empty) */
  SCR_PARA_COUNT
} scr_para_style;

/** Character formatting, as bits. */
enum scr_run_flags {
  SCR_RUN_BOLD = 1u << 0,
  SCR_RUN_ITALIC = 1u << 1,
  SCR_RUN_STRIKE = 1u << 2,
  SCR_RUN_CODE = 1u << 3,        /* character style "Source Text" */
  SCR_RUN_SUPERSCRIPT = 1u << 4, /* footnote marks, <sup> */
  SCR_RUN_SUBSCRIPT = 1u << 5    /* <sub> */
};

/** Column alignment, as GFM tables give it. */
typedef enum scr_align {
  SCR_ALIGN_NONE,
  SCR_ALIGN_LEFT,
  SCR_ALIGN_CENTER,
  SCR_ALIGN_RIGHT
} scr_align;

/** Facts about the whole document. Strings are borrowed for the call. */
typedef struct scr_doc_info {
  const char *title;    /* document title (core.xml / meta.xml) */
  const char *subject;  /* e.g. "Agenda pack" */
  const char *creator;  /* the council */
  const char *language; /* BCP 47, "en-GB" */
  const char *footer;   /* text beside the page number in every footer */
  /* The cached page references are the pages of LibreOffice's layout, so
     Word need not be asked to update fields on opening. */
  bool pages_exact;
} scr_doc_info;

struct scr_house_page;

struct scr_pdf_pictures;

/**
 * A page of a PDF appendix, shown whole on a page of its own: the page
 * (its size the PDF page's, within Word's range) with its margins and
 * header and footer distances, and the picture of the PDF page, its size
 * on the page the largest that fits within the margins (scr_pdf_page_fit).
 * The footer holds the page number alone; the header is the section's.
 * Writers that embed the picture have it drawn (pdfpics.h); one that only
 * lays out (the estimator) does not.
 */
typedef struct scr_pdf_page {
  const struct scr_house_page *page; /* twips */
  struct scr_pdf_pictures *pictures; /* where page `index` is drawn */
  size_t index;                      /* 0-based, in the PDF */
  int32_t width_mm100, height_mm100; /* the picture's size on the page */
  const char *alt;                   /* its alt text: the page's text */
  const char *bookmark;              /* NULL, or a bookmark at the picture */
} scr_pdf_page;

/** The calls. `self` is the writer's own state. */
typedef struct scr_sink_ops {
  scr_error (*begin_document)(void *self, const scr_doc_info *info);
  scr_error (*end_document)(void *self);

  scr_error (*begin_paragraph)(void *self, scr_para_style style);
  scr_error (*end_paragraph)(void *self);
  /* level 1..6, style "Heading n" */
  scr_error (*begin_heading)(void *self, int level);
  scr_error (*end_heading)(void *self);

  /* UTF-8 text, already valid; writers still drop what XML 1.0 forbids. */
  scr_error (*text)(void *self, const char *text, size_t len, unsigned flags);
  scr_error (*line_break)(void *self);
  scr_error (*begin_link)(void *self, const char *url);
  scr_error (*end_link)(void *self);
  /* A named place (letters, digits, '_'), around the text it marks. */
  scr_error (*begin_bookmark)(void *self, const char *name);
  scr_error (*end_bookmark)(void *self, const char *name);
  /* A live field showing the page of `bookmark`; `cached` is the value
     shown until the application recomputes it (always >= 1). */
  scr_error (*page_ref)(void *self, const char *bookmark, int cached);
  scr_error (*image)(void *self, const scr_image *image);
  /* A footnote, at this point of the open paragraph or heading: its mark
     `label` (borrowed for the call) here, and the paragraphs between
     begin_note and end_note at the foot of the page. Notes do not nest. */
  scr_error (*begin_note)(void *self, const char *label);
  scr_error (*end_note)(void *self);

  /* ordered lists number from `start`; nesting is by calls */
  scr_error (*begin_list)(void *self, bool ordered, int start);
  scr_error (*end_list)(void *self);
  scr_error (*begin_item)(void *self);
  scr_error (*end_item)(void *self);

  /* `align` has `columns` entries; `widths` (NULL: equal columns) has
     `columns` relative weights. Both borrowed for the call. */
  scr_error (*begin_table)(void *self, int columns, const scr_align *align,
                           const int *widths);
  scr_error (*end_table)(void *self);
  /* header rows come first and repeat on every page */
  scr_error (*begin_row)(void *self, bool header);
  scr_error (*end_row)(void *self);
  scr_error (*begin_cell)(void *self);
  scr_error (*end_cell)(void *self);

  /* The next block starts on a new page. */
  scr_error (*page_break)(void *self);
  /* The next block starts a new page and a new section: `header` (NULL:
     none) is printed at the top of every page of it, up to the next
     begin_section or the end. Page numbers run on. Comes between blocks,
     like page_break, and replaces it. */
  scr_error (*begin_section)(void *self, const char *header);
  /* The pages from the next block on are landscape (a table too wide for
     a portrait page) or portrait again, in the same section, with its
     header; the change starts a new page. Comes between blocks; a change
     back that no block follows is no change. begin_section turns pages
     back to portrait. */
  scr_error (*page_orientation)(void *self, bool landscape);
  /* A page of a PDF appendix (scr_pdf_page), after which the next block
     starts a new page in the section's own page and orientation. Comes
     between blocks, like page_break. */
  scr_error (*pdf_page)(void *self, const scr_pdf_page *page);

  /* Optional: NULL in a writer that has no use for them (the page
     estimator has none for right_to_left), and the wrappers then do
     nothing. */
  /* The language (BCP 47, borrowed for the call) the text written from
     here on is said to be in, until the next call; NULL: none said, the
     document's. Writers tag the text of that language's script with it
     (script.h). May come anywhere. */
  scr_error (*language)(void *self, const char *tag);
  /* The next paragraph or heading reads right to left (its first strong
     character does, UAX #9 P2): it is laid out from the right. Comes
     before its begin_paragraph or begin_heading, or before the begin_cell
     of the cell that paragraph opens. */
  scr_error (*right_to_left)(void *self);
} scr_sink_ops;

/* A writer seen through its ops: {ops, self, SCR_OK, page}. */
typedef struct scr_sink {
  const scr_sink_ops *ops;
  void *self;
  scr_error err; /* the first failure; calls after it do nothing */
  /* The page the writer lays out, which table columns are planned across;
     NULL: the built-in house style's */
  const struct scr_house_page *page;
} scr_sink;

/** The first error of the calls made on `s` (SCR_OK: none). */
static inline scr_error scr_sink_error(const scr_sink *s) {
  return s->err;
}

/** Record a failure outside the sink (an allocation, a parse) mid-way
    through composing; as with the ops, only the first error is kept. */
static inline void scr_sink_fail(scr_sink *s, scr_error err) {
  if (!s->err)
    s->err = err;
}

/* One wrapper per op, named after it; the text op is scr_sink_text_len
   (scr_sink_text in render.h writes a C string). */
static inline void scr_sink_begin_document(scr_sink *s,
                                           const scr_doc_info *info) {
  if (!s->err)
    s->err = s->ops->begin_document(s->self, info);
}
static inline void scr_sink_end_document(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_document(s->self);
}
static inline void scr_sink_begin_paragraph(scr_sink *s, scr_para_style style) {
  if (!s->err)
    s->err = s->ops->begin_paragraph(s->self, style);
}
static inline void scr_sink_end_paragraph(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_paragraph(s->self);
}
static inline void scr_sink_begin_heading(scr_sink *s, int level) {
  if (!s->err)
    s->err = s->ops->begin_heading(s->self, level);
}
static inline void scr_sink_end_heading(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_heading(s->self);
}
static inline void scr_sink_text_len(scr_sink *s, const char *text, size_t len,
                                     unsigned flags) {
  if (!s->err)
    s->err = s->ops->text(s->self, text, len, flags);
}
static inline void scr_sink_line_break(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->line_break(s->self);
}
static inline void scr_sink_begin_link(scr_sink *s, const char *url) {
  if (!s->err)
    s->err = s->ops->begin_link(s->self, url);
}
static inline void scr_sink_end_link(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_link(s->self);
}
static inline void scr_sink_begin_bookmark(scr_sink *s, const char *name) {
  if (!s->err)
    s->err = s->ops->begin_bookmark(s->self, name);
}
static inline void scr_sink_end_bookmark(scr_sink *s, const char *name) {
  if (!s->err)
    s->err = s->ops->end_bookmark(s->self, name);
}
static inline void scr_sink_page_ref(scr_sink *s, const char *bookmark,
                                     int cached) {
  if (!s->err)
    s->err = s->ops->page_ref(s->self, bookmark, cached);
}
static inline void scr_sink_image(scr_sink *s, const scr_image *image) {
  if (!s->err)
    s->err = s->ops->image(s->self, image);
}
static inline void scr_sink_begin_list(scr_sink *s, bool ordered, int start) {
  if (!s->err)
    s->err = s->ops->begin_list(s->self, ordered, start);
}
static inline void scr_sink_end_list(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_list(s->self);
}
static inline void scr_sink_begin_item(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->begin_item(s->self);
}
static inline void scr_sink_end_item(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_item(s->self);
}
static inline void scr_sink_begin_table(scr_sink *s, int columns,
                                        const scr_align *align,
                                        const int *widths) {
  if (!s->err)
    s->err = s->ops->begin_table(s->self, columns, align, widths);
}
static inline void scr_sink_end_table(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_table(s->self);
}
static inline void scr_sink_begin_row(scr_sink *s, bool header) {
  if (!s->err)
    s->err = s->ops->begin_row(s->self, header);
}
static inline void scr_sink_end_row(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_row(s->self);
}
static inline void scr_sink_begin_cell(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->begin_cell(s->self);
}
static inline void scr_sink_end_cell(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_cell(s->self);
}
static inline void scr_sink_page_break(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->page_break(s->self);
}
static inline void scr_sink_begin_section(scr_sink *s, const char *header) {
  if (!s->err)
    s->err = s->ops->begin_section(s->self, header);
}
static inline void scr_sink_language(scr_sink *s, const char *tag) {
  if (!s->err && s->ops->language)
    s->err = s->ops->language(s->self, tag);
}
static inline void scr_sink_right_to_left(scr_sink *s) {
  if (!s->err && s->ops->right_to_left)
    s->err = s->ops->right_to_left(s->self);
}

static inline void scr_sink_begin_note(scr_sink *s, const char *label) {
  if (!s->err)
    s->err = s->ops->begin_note(s->self, label);
}

static inline void scr_sink_end_note(scr_sink *s) {
  if (!s->err)
    s->err = s->ops->end_note(s->self);
}

static inline void scr_sink_page_orientation(scr_sink *s, bool landscape) {
  if (!s->err)
    s->err = s->ops->page_orientation(s->self, landscape);
}

static inline void scr_sink_pdf_page(scr_sink *s, const scr_pdf_page *page) {
  if (!s->err)
    s->err = s->ops->pdf_page(s->self, page);
}

/** The stable display name of a paragraph style ("Body Text"). */
const char *scr_style_name(scr_para_style style);
/** Display name of heading level n ("Heading 2"); n is clamped to 1..6. */
const char *scr_heading_style_name(int level);
/**
 * Share `total` among `columns` columns in proportion to `widths` (NULL:
 * equally) into out[0..columns-1]; what does not divide evenly goes to the
 * first columns, so the shares always sum to `total`.
 */
void scr_column_shares(const int *widths, int columns, int total, int *out);

/** Character style names used for SCR_RUN_CODE. */
#define SCR_STYLE_SOURCE_TEXT "Source Text"
#define SCR_STYLE_HYPERLINK "Hyperlink"

#endif
