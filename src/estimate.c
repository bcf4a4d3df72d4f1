/*
 * The page estimator: a sink that lays text out roughly, as the default
 * house style would, to learn on which page each bookmark falls. Its
 * figures are the cached values of page references until an application
 * recomputes them; LibreOffice and Word (with updateFields) always do.
 */
#include "estimate.h"
#include "house.h"
#include "metrics.h"
#include "script.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The page is the house style's; the footer takes this much of its text
   height, in points. */
#define FOOTER_ROOM 28.5
#define LIST_INDENT 18.0
#define QUOTE_INDENT 28.0
#define CELL_PADDING 5.0
#define LINE_FACTOR 1.15 /* line height per point of font size */
/* Lines break between words, so a line holds a little less than its width
   of text: about half a word. */
#define WRAP_LOSS 1.04

typedef struct style_metrics {
  double size, before, after;
} style_metrics;

/* The styles a house template sets the size and spacing of, as the
   built-in style has them. */
typedef struct house_metrics {
  style_metrics body, title, subtitle, heading[6];
} house_metrics;

static const house_metrics BUILTIN_METRICS = {{11, 0, 6},
                                              {20, 0, 12},
                                              {14, 0, 8},
                                              {{16, 18, 6},
                                               {14, 14, 6},
                                               {13, 12, 6},
                                               {12, 10, 4},
                                               {11, 10, 4},
                                               {11, 10, 4}}};

/* `m` with what the house's text of that role sets. */
static style_metrics with_house(style_metrics m, const scr_house_text *t) {
  if (t->size != SCR_HOUSE_UNSET)
    m.size = t->size / 2.0;
  if (t->before != SCR_HOUSE_UNSET)
    m.before = t->before / 20.0;
  if (t->after != SCR_HOUSE_UNSET)
    m.after = t->after / 20.0;
  return m;
}

static house_metrics metrics_of(const scr_house *h) {
  house_metrics m = BUILTIN_METRICS;
  m.body = with_house(m.body, &h->text[SCR_HOUSE_BODY_TEXT]);
  m.title = with_house(m.title, &h->text[SCR_HOUSE_TITLE]);
  m.subtitle = with_house(m.subtitle, &h->text[SCR_HOUSE_SUBTITLE]);
  for (int i = 0; i < 6; i++)
    m.heading[i] = with_house(m.heading[i], &h->text[SCR_HOUSE_HEADING1 + i]);
  return m;
}

static style_metrics para_metrics(const house_metrics *m,
                                  scr_para_style style) {
  switch (style) {
  case SCR_PARA_TITLE:
    return m->title;
  case SCR_PARA_SUBTITLE:
    return m->subtitle;
  case SCR_PARA_CODE:
    return (style_metrics){9.5, 0, 6};
  case SCR_PARA_NOTE:
    return (style_metrics){9, 0, 3};
  case SCR_PARA_TABLE_HEADING:
  case SCR_PARA_TABLE_CONTENTS:
    return (style_metrics){m->body.size, 0, 0};
  case SCR_PARA_LIST:
    return (style_metrics){m->body.size, 0, 3};
  default:
    return m->body;
  }
}

struct scr_estimate {
  int page;
  double width[2], height[2]; /* the text's, portrait and landscape, pt */
  house_metrics styles;       /* the house style's sizes and spacing */
  double y;                   /* used height on the current page */
  style_metrics style;        /* of the open paragraph */
  bool mono, heading;
  double line_width; /* width of the open paragraph's lines */
  double lines;      /* completed lines of the open paragraph */
  double ems;        /* width of the text on the open line, in em */
  double extra;      /* image heights in the open paragraph */
  double tallest;    /* its tallest face's line height, the body's as 1 */
  scr_script before; /* the script of its text so far */
  char *language;    /* the language the text is said to be in, or NULL */
  int list_depth, quote_depth;
  /* tables */
  int columns, col;
  int *shares; /* each column's width in points */
  bool in_cell, header_row;
  double cell_height, row_height, header_height;
  bool pending_break;
  bool landscape, landscape_asked; /* the page's, and the next block's */
  /* footnotes: the paragraph a note interrupts, kept while the note's own
     paragraphs are measured; their height goes to the page with it */
  bool in_note;
  struct {
    style_metrics style;
    bool mono, heading;
    double line_width, lines, ems, extra, tallest;
    scr_script before;
  } outer;
  double note_height;
};

scr_estimate *scr_estimate_new(const scr_house *house) {
  scr_estimate *e = calloc(1, sizeof *e);
  if (!e)
    return NULL;
  e->page = 1;
  if (!house)
    house = scr_house_builtin();
  e->styles = metrics_of(house);
  const scr_house_page *page = &house->page;
  for (int landscape = 0; landscape < 2; landscape++) {
    e->width[landscape] = round(scr_house_text_width(page, landscape) / 20.0);
    e->height[landscape] =
        scr_house_text_height(page, landscape) / 20.0 - FOOTER_ROOM;
  }
  return e;
}

void scr_estimate_free(scr_estimate *e) {
  if (!e)
    return;
  free(e->shares);
  free(e->language);
  free(e);
}

int scr_estimate_pages(const scr_estimate *e) {
  return e->page;
}

static double page_height(const scr_estimate *e) {
  return e->height[e->landscape];
}

static void new_page(scr_estimate *e) {
  e->page++;
  e->y = 0;
}

/* Add a block of height h that may split across pages. */
static void advance(scr_estimate *e, double h) {
  e->y += h;
  while (e->y > page_height(e)) {
    e->y -= page_height(e);
    e->page++;
  }
}

static double block_width(const scr_estimate *e) {
  double w = e->width[e->landscape] - e->list_depth * LIST_INDENT -
             e->quote_depth * QUOTE_INDENT;
  if (e->in_cell && e->shares && e->col < e->columns)
    w = e->shares[e->col] - CELL_PADDING;
  return w < 40 ? 40 : w;
}

/* A pending page break or change of orientation starts a page. */
static void take_break(scr_estimate *e) {
  bool turn = e->landscape != e->landscape_asked;
  if ((e->pending_break || turn) && e->y > 0)
    new_page(e);
  e->pending_break = false;
  e->landscape = e->landscape_asked;
}

static void open_para(scr_estimate *e, style_metrics m, bool mono) {
  if (!e->in_cell && !e->in_note)
    take_break(e);
  e->style = m;
  e->mono = mono;
  e->line_width = block_width(e);
  e->lines = 0;
  e->ems = 0;
  e->extra = 0;
  e->tallest = 1;
  e->before = SCR_SCRIPT_NONE;
}

/* The lines `ems` of text fill at the open paragraph's width. */
static double lines_of(const scr_estimate *e, double ems) {
  double per_line = e->line_width / e->style.size;
  return ceil(ems * WRAP_LOSS / (per_line < 1 ? 1 : per_line));
}

static double open_lines(const scr_estimate *e) {
  double lines = e->lines + lines_of(e, e->ems);
  return lines < 1 ? 1 : lines;
}

static scr_error close_para(scr_estimate *e) {
  double h =
      open_lines(e) * e->style.size * LINE_FACTOR * e->tallest + e->extra;
  double total = e->style.before + h + e->style.after;
  if (e->in_note) {
    e->note_height += total;
    return SCR_OK;
  }
  /* the notes the paragraph references sit at the foot of its page */
  h += e->note_height;
  total += e->note_height;
  e->note_height = 0;
  if (e->in_cell) {
    e->cell_height += total;
    return SCR_OK;
  }
  /* headings keep with the next paragraph's first lines */
  if (e->heading && e->y + total + 2 * 11 * LINE_FACTOR > page_height(e))
    new_page(e);
  advance(e, e->y == 0 ? h + e->style.after : total);
  return SCR_OK;
}

static scr_error est_begin_document(void *self, const scr_doc_info *info) {
  (void)self;
  (void)info;
  return SCR_OK;
}

static scr_error est_nothing(void *self) {
  (void)self;
  return SCR_OK;
}

static scr_error est_begin_paragraph(void *self, scr_para_style style) {
  scr_estimate *e = self;
  e->heading = false;
  open_para(e, para_metrics(&e->styles, style), style == SCR_PARA_CODE);
  return SCR_OK;
}

static scr_error est_begin_heading(void *self, int level) {
  scr_estimate *e = self;
  open_para(e,
            e->styles.heading[level < 1   ? 0
                              : level > 6 ? 5
                                          : level - 1],
            false);
  e->heading = true;
  return SCR_OK;
}

static scr_error est_end_block(void *self) {
  scr_estimate *e = self;
  scr_error err = close_para(e);
  e->heading = false;
  return err;
}

/* How much taller than the body font's a line set in `face` is, as
   LibreOffice lays out the test pack of every script (tests/e2e/scripts.sh):
   Nastaliq's letters climb, and the Indic faces have tall ascenders and
   descenders. */
static double line_height(scr_face face) {
  switch (face) {
  case SCR_FACE_BODY:
    return 1.0;
  case SCR_FACE_NASTALIQ:
    return 2.3;
  case SCR_FACE_NASKH:
    return 1.45;
  case SCR_FACE_HEBREW:
  case SCR_FACE_ARMENIAN:
  case SCR_FACE_GEORGIAN:
  case SCR_FACE_ETHIOPIC:
    return 1.1;
  case SCR_FACE_CJK_SC:
  case SCR_FACE_CJK_TC:
  case SCR_FACE_CJK_HK:
  case SCR_FACE_CJK_JP:
  case SCR_FACE_CJK_KR:
    return 1.15;
  default:
    return 1.25;
  }
}

static scr_error est_text(void *self, const char *text, size_t len,
                          unsigned flags) {
  scr_estimate *e = self;
  scr_metric_face face = e->mono || (flags & SCR_RUN_CODE) ? SCR_METRIC_MONO
                         : e->heading || (flags & SCR_RUN_BOLD)
                             ? SCR_METRIC_BOLD
                             : SCR_METRIC_REGULAR;
  e->ems += scr_text_em(text, len, face);
  for (size_t at = 0; at < len;) {
    scr_script script;
    at += scr_script_run(text + at, len - at, e->before, true, &script);
    double h = line_height(scr_script_describe(script, e->language).face);
    if (h > e->tallest)
      e->tallest = h;
    if (script != SCR_SCRIPT_NONE)
      e->before = script;
  }
  return SCR_OK;
}

static scr_error est_language(void *self, const char *tag) {
  scr_estimate *e = self;
  char *copy = tag ? scr_strdup(tag) : NULL;
  if (tag && !copy)
    return SCR_E_NOMEM;
  free(e->language);
  e->language = copy;
  return SCR_OK;
}

static scr_error est_line_break(void *self) {
  scr_estimate *e = self;
  e->lines += e->ems > 0 ? lines_of(e, e->ems) : 1;
  e->ems = 0;
  return SCR_OK;
}

static scr_error est_link(void *self, const char *url) {
  (void)self;
  (void)url;
  return SCR_OK;
}

static scr_error est_begin_bookmark(void *self, const char *name) {
  (void)self;
  (void)name;
  return SCR_OK;
}

static scr_error est_end_bookmark(void *self, const char *name) {
  (void)self;
  (void)name;
  return SCR_OK;
}

static scr_error est_page_ref(void *self, const char *bookmark, int cached) {
  scr_estimate *e = self;
  (void)bookmark;
  (void)cached;
  e->ems += 3 * scr_char_em('0', SCR_METRIC_REGULAR);
  return SCR_OK;
}

static scr_error est_image(void *self, const scr_image *image) {
  scr_estimate *e = self;
  e->extra += image->height_mm100 * 72.0 / 2540.0;
  return SCR_OK;
}

static scr_error est_begin_list(void *self, bool ordered, int start) {
  scr_estimate *e = self;
  (void)ordered;
  (void)start;
  e->list_depth++;
  return SCR_OK;
}

static scr_error est_end_list(void *self) {
  scr_estimate *e = self;
  e->list_depth--;
  return SCR_OK;
}

static scr_error est_begin_table(void *self, int columns,
                                 const scr_align *align, const int *widths) {
  scr_estimate *e = self;
  (void)align;
  take_break(e);
  free(e->shares);
  e->shares = calloc((size_t)columns, sizeof *e->shares);
  if (!e->shares)
    return SCR_E_NOMEM;
  scr_column_shares(widths, columns, (int)e->width[e->landscape], e->shares);
  e->columns = columns;
  e->header_height = 0;
  return SCR_OK;
}

static scr_error est_end_table(void *self) {
  scr_estimate *e = self;
  e->columns = 0;
  free(e->shares);
  e->shares = NULL;
  advance(e, 6);
  return SCR_OK;
}

static scr_error est_begin_row(void *self, bool header) {
  scr_estimate *e = self;
  e->header_row = header;
  e->row_height = 0;
  e->col = -1;
  return SCR_OK;
}

static scr_error est_end_row(void *self) {
  scr_estimate *e = self;
  double h = e->row_height + CELL_PADDING;
  if (e->header_row)
    e->header_height += h;
  /* rows do not split: one that does not fit goes to the next page,
     unless it is taller than a page */
  if (e->y + h > page_height(e) && h < page_height(e)) {
    /* the row moves to the next page, under the repeated header rows */
    new_page(e);
    if (!e->header_row)
      e->y = e->header_height;
  }
  advance(e, h);
  return SCR_OK;
}

static scr_error est_begin_cell(void *self) {
  scr_estimate *e = self;
  e->in_cell = true;
  e->cell_height = 0;
  e->col++;
  return SCR_OK;
}

static scr_error est_end_cell(void *self) {
  scr_estimate *e = self;
  e->in_cell = false;
  /* a row is as tall as its tallest cell */
  if (e->cell_height > e->row_height)
    e->row_height = e->cell_height;
  return SCR_OK;
}

static scr_error est_page_break(void *self) {
  scr_estimate *e = self;
  e->pending_break = true;
  return SCR_OK;
}

/* A running header takes a line from every page of the section; the
   estimate counts only the new page. */
static scr_error est_begin_section(void *self, const char *header) {
  scr_estimate *e = self;
  (void)header;
  e->landscape_asked = false;
  return est_page_break(self);
}

static scr_error est_begin_note(void *self, const char *label) {
  scr_estimate *e = self;
  (void)label;
  e->ems += scr_text_em("0", 1, SCR_METRIC_REGULAR);
  e->outer.style = e->style;
  e->outer.mono = e->mono;
  e->outer.heading = e->heading;
  e->outer.line_width = e->line_width;
  e->outer.lines = e->lines;
  e->outer.ems = e->ems;
  e->outer.tallest = e->tallest;
  e->outer.before = e->before;
  e->outer.extra = e->extra;
  e->in_note = true;
  return SCR_OK;
}

static scr_error est_end_note(void *self) {
  scr_estimate *e = self;
  e->in_note = false;
  e->style = e->outer.style;
  e->mono = e->outer.mono;
  e->heading = e->outer.heading;
  e->line_width = e->outer.line_width;
  e->lines = e->outer.lines;
  e->ems = e->outer.ems;
  e->tallest = e->outer.tallest;
  e->before = e->outer.before;
  e->extra = e->outer.extra;
  return SCR_OK;
}

static scr_error est_page_orientation(void *self, bool landscape) {
  scr_estimate *e = self;
  e->landscape_asked = landscape;
  return SCR_OK;
}

/* A PDF page fills a page of its own, whatever its size. */
static scr_error est_pdf_page(void *self, const scr_pdf_page *page) {
  scr_estimate *e = self;
  (void)page;
  take_break(e);
  if (e->y > 0)
    new_page(e);
  e->y = page_height(e);
  e->pending_break = true;
  return SCR_OK;
}

const scr_sink_ops scr_estimate_ops = {
    .begin_document = est_begin_document,
    .end_document = est_nothing,
    .begin_paragraph = est_begin_paragraph,
    .end_paragraph = est_end_block,
    .begin_heading = est_begin_heading,
    .end_heading = est_end_block,
    .text = est_text,
    .line_break = est_line_break,
    .begin_link = est_link,
    .end_link = est_nothing,
    .begin_bookmark = est_begin_bookmark,
    .end_bookmark = est_end_bookmark,
    .page_ref = est_page_ref,
    .image = est_image,
    .begin_note = est_begin_note,
    .end_note = est_end_note,
    .begin_list = est_begin_list,
    .end_list = est_end_list,
    .begin_item = est_nothing,
    .end_item = est_nothing,
    .begin_table = est_begin_table,
    .end_table = est_end_table,
    .begin_row = est_begin_row,
    .end_row = est_end_row,
    .begin_cell = est_begin_cell,
    .end_cell = est_end_cell,
    .page_break = est_page_break,
    .begin_section = est_begin_section,
    .page_orientation = est_page_orientation,
    .pdf_page = est_pdf_page,
    .language = est_language,
};
