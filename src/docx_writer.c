/*
 * The DOCX writer: the sink calls become WordprocessingML in a body buffer,
 * and finish() wraps that body into word/document.xml and adds every other
 * part of the package.
 *
 * State kept between calls, all of it about where the next block lands:
 * the open paragraph and link, the stack of open lists (each item's first
 * paragraph carries the number, later ones only the indent), the open table
 * (its column widths and alignments), open bookmarks (w:bookmarkEnd needs
 * the id of its start) and a pending page break.
 */
#include "deflate.h"
#include "docx.h"
#include "writer.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest decimal rendering of an int, with sign and NUL. */
#define INT_TEXT_MAX 16

typedef struct docx_list_frame {
  int num_id;        /* the w:num of this list instance */
  int ilvl;          /* 0-based level, clamped to the levels Word has */
  bool item_open;    /* between begin_item and end_item */
  bool item_started; /* the item's bullet/number paragraph is written */
} docx_list_frame;

typedef struct docx_bookmark {
  char *name; /* owned */
  unsigned id;
} docx_bookmark;

typedef struct docx_table {
  bool open;
  int columns;
  scr_align *align;      /* owned copy, `columns` entries */
  scr_buf cell_props;    /* each column's w:tcPr markup, one after another */
  size_t *cell_props_at; /* owned: column c's is bytes [c] to [c + 1] */
  int col;               /* the current cell's column */
  bool row_open, cell_open, cell_has_para;
  size_t outer_lists; /* list depth around the table: lists deeper than this
                         are inside a cell */
} docx_table;

typedef struct docx_writer {
  const scr_template *tpl;
  docx_model model;
  scr_xmlw body;       /* w:body children, written into body_z */
  scr_deflate *body_z; /* the body, compressed as it is written */
  bool begun, ended;
  bool in_para, in_link;
  bool page_break_pending;
  bool after_table; /* the last block written was a table */
  docx_list_frame *lists;
  size_t list_depth, list_cap;
  docx_table table;
  docx_scripts scripts; /* the language said, the paragraph's scripts */
  docx_bookmark *marks;
  size_t mark_count, mark_cap;
  unsigned next_mark_id;
  unsigned next_drawing_id;
  bool any_block;       /* a paragraph or table has been written */
  bool sectioned;       /* begin_section was called: every section then
                           names its header */
  char *section_header; /* the open section's header, or NULL */
  char last_header_rid[INT_TEXT_MAX + 4]; /* the last section's, at finish */
} docx_writer;

/* ---- helpers ------------------------------------------------------------- */

/* A writing error sticks (the XML may be cut short): report it first. A
   refused call writes nothing, so its error is only returned. */
static scr_error status(const docx_writer *dw, scr_error err) {
  return dw->body.err ? dw->body.err : err;
}

static docx_list_frame *current_list(docx_writer *dw) {
  return dw->list_depth ? &dw->lists[dw->list_depth - 1] : NULL;
}

/* The list item the next paragraph belongs to directly, or NULL (a
   paragraph in a table cell is not in the list around the table). */
static docx_list_frame *current_item(docx_writer *dw) {
  docx_list_frame *f = current_list(dw);
  if (!f || !f->item_open)
    return NULL;
  if (dw->table.open && dw->list_depth <= dw->table.outer_lists)
    return NULL;
  return f;
}

static bool in_cell(const docx_writer *dw) {
  return dw->table.open && dw->table.cell_open;
}

/* Where blocks may start: inside the document, outside paragraphs. */
static bool can_start_block(const docx_writer *dw) {
  return dw->begun && !dw->ended && !dw->in_para && !dw->body.err;
}

/* ---- paragraphs ---------------------------------------------------------- */

/*
 * Block properties (w:pPr, w:tcPr, w:tblPr...) are constant markup but for
 * a few numbers: they are gathered and written raw, in one writer call
 * (speed), the numbers escaped by libxml2 as attributes. The elements that
 * stay open from one sink call to the next (w:p, w:tbl, w:tr, w:tc,
 * w:hyperlink) are xmlTextWriter's.
 */

/* The list part of w:pPr, gathered: the number on an item's first
   paragraph, the matching indent on the rest. */
static void list_props(docx_writer *dw) {
  docx_list_frame *item = current_item(dw);
  if (!item)
    return;
  scr_xmlw *x = &dw->body;
  if (!item->item_started) {
    scr_xmlw_markup_lit(x, "<w:numPr><w:ilvl");
    scr_xmlw_markup_attr_int(x, "w:val", item->ilvl);
    scr_xmlw_markup_lit(x, "/><w:numId");
    scr_xmlw_markup_attr_int(x, "w:val", item->num_id);
    scr_xmlw_markup_lit(x, "/></w:numPr>");
    item->item_started = true;
    return;
  }
  scr_xmlw_markup_lit(x, "<w:ind");
  scr_xmlw_markup_attr_int(x, "w:left", docx_list_indent(item->ilvl));
  scr_xmlw_markup_lit(x, "/>");
}

/* Gather the w:jc of the current cell's column, if it has one. */
static void cell_alignment(docx_writer *dw) {
  if (!in_cell(dw) || dw->table.col >= dw->table.columns)
    return;
  scr_xmlw *x = &dw->body;
  switch (dw->table.align[dw->table.col]) {
  case SCR_ALIGN_LEFT:
    scr_xmlw_markup_lit(x, "<w:jc w:val=\"left\"/>");
    break;
  case SCR_ALIGN_CENTER:
    scr_xmlw_markup_lit(x, "<w:jc w:val=\"center\"/>");
    break;
  case SCR_ALIGN_RIGHT:
    scr_xmlw_markup_lit(x, "<w:jc w:val=\"right\"/>");
    break;
  case SCR_ALIGN_NONE:
  default:
    break;
  }
}

/* Whether the next paragraph is the first of a list item, which carries
   its number. */
static bool numbers_item(docx_writer *dw) {
  docx_list_frame *item = current_item(dw);
  return item && !item->item_started;
}

/* <w:p><w:pPr> in CT_PPr order: pStyle, pageBreakBefore, numPr, bidi, ind,
   jc. A right-to-left paragraph is w:bidi, which also makes its
   alignment and indents count from the right. */
static scr_error open_paragraph(docx_writer *dw, const char *style_name) {
  if (!can_start_block(dw))
    return status(dw, SCR_E_USAGE);
  char id[DOCX_STYLE_ID_MAX];
  if (!docx_style_id(style_name, id, sizeof id))
    return status(dw, SCR_E_LIMIT);
  scr_xmlw *x = &dw->body;
  scr_xmlw_start(x, "w:p");
  /* the style id is made from our own table of style names */
  scr_xmlw_markup_lit(x, "<w:pPr><w:pStyle w:val=\"");
  scr_xmlw_markup(x, id, strlen(id));
  scr_xmlw_markup_lit(x, "\"/>");
  if (dw->page_break_pending) {
    scr_xmlw_markup_lit(x, "<w:pageBreakBefore/>");
    dw->page_break_pending = false;
  }
  bool rtl = dw->scripts.next_rtl, numbered = numbers_item(dw);
  dw->scripts.next_rtl = false;
  dw->scripts.rtl = rtl;
  dw->scripts.before = SCR_SCRIPT_NONE;
  dw->scripts.flags = 0;
  if (rtl && !numbered)
    scr_xmlw_markup_lit(x, "<w:bidi/>");
  list_props(dw);
  if (rtl && numbered)
    scr_xmlw_markup_lit(x, "<w:bidi/>");
  cell_alignment(dw);
  scr_xmlw_markup_lit(x, "</w:pPr>");
  scr_xmlw_markup_write(x);
  dw->in_para = true;
  dw->after_table = false;
  dw->any_block = true;
  if (in_cell(dw))
    dw->table.cell_has_para = true;
  return x->err;
}

static scr_error close_paragraph(docx_writer *dw) {
  if (!dw->in_para || dw->in_link)
    return status(dw, SCR_E_USAGE);
  scr_xmlw_end(&dw->body);
  dw->in_para = false;
  return dw->body.err;
}

/* An item whose first block is a list or table still shows its bullet: on an
   empty paragraph of its own, as Word does. */
static scr_error start_item_if_bare(docx_writer *dw) {
  docx_list_frame *item = current_item(dw);
  if (!item || item->item_started)
    return dw->body.err;
  scr_error err = open_paragraph(dw, scr_style_name(SCR_PARA_LIST));
  return err ? err : close_paragraph(dw);
}

/* ---- the sink: document -------------------------------------------------- */

/* Replace *field with a copy of `s`, or of `fallback` when `s` is empty. */
static bool copy_or(char **field, const char *s, const char *fallback) {
  free(*field);
  *field = scr_strdup(s && *s ? s : fallback);
  return *field != NULL;
}

static scr_error begin_document(void *self, const scr_doc_info *info) {
  docx_writer *dw = self;
  if (dw->begun)
    return status(dw, SCR_E_USAGE);
  docx_model *m = &dw->model;
  if (!copy_or(&m->title, info->title, "") ||
      !copy_or(&m->subject, info->subject, "") ||
      !copy_or(&m->creator, info->creator, "") ||
      !copy_or(&m->language, info->language, DOCX_DEFAULT_LANGUAGE) ||
      !copy_or(&m->footer, info->footer, ""))
    return status(dw, SCR_E_NOMEM);
  m->pages_exact = info->pages_exact;
  dw->begun = true;
  return dw->body.err;
}

static scr_error end_document(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || dw->list_depth || dw->table.open)
    return status(dw, SCR_E_USAGE);
  /* A page break with nothing after it would only add an empty page. */
  dw->page_break_pending = false;
  dw->ended = true;
  return scr_xmlw_end_fragment(&dw->body);
}

/* ---- the sink: paragraphs and headings ----------------------------------- */

static scr_error begin_paragraph(void *self, scr_para_style style) {
  return open_paragraph(self, scr_style_name(style));
}

static scr_error end_paragraph(void *self) {
  return close_paragraph(self);
}

static scr_error begin_heading(void *self, int level) {
  return open_paragraph(self, scr_heading_style_name(level));
}

static scr_error end_heading(void *self) {
  return close_paragraph(self);
}

/* ---- the sink: inline content -------------------------------------------- */

static scr_error text(void *self, const char *s, size_t len, unsigned flags) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return status(dw, SCR_E_USAGE);
  docx_script_runs(&dw->body, &dw->scripts, s, len, flags, dw->in_link);
  return dw->body.err;
}

static scr_error line_break(void *self) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return status(dw, SCR_E_USAGE);
  docx_text_run(&dw->body, "\n", 1, 0, dw->in_link);
  return dw->body.err;
}

static scr_error begin_link(void *self, const char *url) {
  docx_writer *dw = self;
  if (!dw->in_para || dw->in_link)
    return status(dw, SCR_E_USAGE);
  scr_xmlw *x = &dw->body;
  if (url[0] == '#') {
    scr_xmlw_start(x, "w:hyperlink");
    scr_xmlw_attr(x, "w:anchor", url + 1);
  } else {
    /* Word takes URIs only: IRIs are encoded too */
    char *target = scr_uri_escape(url, true);
    size_t index = 0;
    scr_error err = target ? docx_model_add_rel(&dw->model, DOCX_REL_HYPERLINK,
                                                target, &index)
                           : SCR_E_NOMEM;
    if (err)
      return status(dw, err);
    scr_xmlw_start(x, "w:hyperlink");
    scr_xmlw_attrf(x, "r:id", "rId%zu", index + DOCX_RID_FIRST_DYNAMIC);
  }
  dw->in_link = true;
  return x->err;
}

static scr_error end_link(void *self) {
  docx_writer *dw = self;
  if (!dw->in_link)
    return status(dw, SCR_E_USAGE);
  scr_xmlw_end(&dw->body);
  dw->in_link = false;
  return dw->body.err;
}

static scr_error begin_bookmark(void *self, const char *name) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return status(dw, SCR_E_USAGE);
  bool room = !scr_reserve(&dw->marks, &dw->mark_cap, dw->mark_count + 1,
                           sizeof *dw->marks);
  char *copy = room ? scr_strdup(name) : NULL;
  if (!copy)
    return status(dw, SCR_E_NOMEM);
  unsigned id = dw->next_mark_id++;
  dw->marks[dw->mark_count++] = (docx_bookmark){copy, id};
  scr_xmlw *x = &dw->body;
  scr_xmlw_markup_lit(x, "<w:bookmarkStart");
  scr_xmlw_markup_attr_int(x, "w:id", id);
  scr_xmlw_markup_attr(x, "w:name", name);
  scr_xmlw_markup_lit(x, "/>");
  scr_xmlw_markup_write(x);
  return x->err;
}

static scr_error end_bookmark(void *self, const char *name) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return status(dw, SCR_E_USAGE);
  /* the innermost open bookmark of that name */
  size_t i = dw->mark_count;
  while (i > 0 && strcmp(dw->marks[i - 1].name, name) != 0)
    i--;
  if (i == 0)
    return status(dw, SCR_E_USAGE);
  docx_bookmark mark = dw->marks[i - 1];
  memmove(&dw->marks[i - 1], &dw->marks[i],
          (dw->mark_count - i) * sizeof *dw->marks);
  dw->mark_count--;
  free(mark.name);
  scr_xmlw *x = &dw->body;
  scr_xmlw_markup_lit(x, "<w:bookmarkEnd");
  scr_xmlw_markup_attr_int(x, "w:id", mark.id);
  scr_xmlw_markup_lit(x, "/>");
  scr_xmlw_markup_write(x);
  return x->err;
}

static scr_error page_ref(void *self, const char *bookmark, int cached) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return status(dw, SCR_E_USAGE);
  /* \h: the result is also a link to the bookmark */
  char *instr = scr_asprintf(" PAGEREF %s \\h ", bookmark);
  char value[INT_TEXT_MAX];
  snprintf(value, sizeof value, "%d", cached);
  if (!instr)
    return status(dw, SCR_E_NOMEM);
  docx_field(&dw->body, instr, value, dw->in_link);
  free(instr);
  return dw->body.err;
}

static scr_error image(void *self, const scr_image *img) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return status(dw, SCR_E_USAGE);
  size_t rel = 0;
  scr_error err = docx_model_add_image(&dw->model, img, &rel);
  if (err)
    return status(dw, err);
  docx_drawing(&dw->body, img, ++dw->next_drawing_id,
               rel + DOCX_RID_FIRST_DYNAMIC);
  return dw->body.err;
}

/* ---- the sink: lists ----------------------------------------------------- */

static scr_error begin_list(void *self, bool ordered, int start) {
  docx_writer *dw = self;
  if (!can_start_block(dw))
    return status(dw, SCR_E_USAGE);
  scr_error err = start_item_if_bare(dw);
  if (err)
    return err;
  /* Levels past the ninth share the ninth's look: Word has no tenth. */
  int ilvl = dw->list_depth < DOCX_LIST_LEVELS ? (int)dw->list_depth
                                               : DOCX_LIST_LEVELS - 1;
  int num_id = 0;
  if (scr_reserve(&dw->lists, &dw->list_cap, dw->list_depth + 1,
                  sizeof *dw->lists))
    return status(dw, SCR_E_NOMEM);
  err = docx_model_add_num(&dw->model, ordered, ilvl, start, &num_id);
  if (err)
    return status(dw, err);
  dw->lists[dw->list_depth++] = (docx_list_frame){num_id, ilvl, false, false};
  return SCR_OK;
}

static scr_error end_list(void *self) {
  docx_writer *dw = self;
  docx_list_frame *f = current_list(dw);
  if (!can_start_block(dw) || !f || f->item_open ||
      (dw->table.open && dw->list_depth <= dw->table.outer_lists))
    return status(dw, SCR_E_USAGE);
  dw->list_depth--;
  return SCR_OK;
}

static scr_error begin_item(void *self) {
  docx_writer *dw = self;
  docx_list_frame *f = current_list(dw);
  if (!can_start_block(dw) || !f || f->item_open)
    return status(dw, SCR_E_USAGE);
  f->item_open = true;
  f->item_started = false;
  return SCR_OK;
}

static scr_error end_item(void *self) {
  docx_writer *dw = self;
  docx_list_frame *f = current_list(dw);
  if (!can_start_block(dw) || !f || !f->item_open)
    return status(dw, SCR_E_USAGE);
  /* an empty item still shows its bullet */
  scr_error err = start_item_if_bare(dw);
  f->item_open = false;
  return err;
}

/* ---- the sink: tables ---------------------------------------------------- */

/* Gather w:tblPr. */
static void table_props(scr_xmlw *x) {
  scr_xmlw_markup_lit(x, "<w:tblPr><w:tblStyle w:val=\"" DOCX_STYLE_TABLE_GRID
                         "\"/><w:tblW");
  scr_xmlw_markup_attr_int(x, "w:w", DOCX_TABLE_FULL_WIDTH_PCT);
  /* fixed: keep the equal grid instead of fitting columns to content */
  scr_xmlw_markup_lit(x, " w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
                         "</w:tblPr>");
}

/* Gather w:tblGrid. */
static void table_grid(scr_xmlw *x, int columns, const int *twips) {
  scr_xmlw_markup_lit(x, "<w:tblGrid>");
  for (int c = 0; c < columns; c++) {
    scr_xmlw_markup_lit(x, "<w:gridCol");
    scr_xmlw_markup_attr_int(x, "w:w", twips[c]);
    scr_xmlw_markup_lit(x, "/>");
  }
  scr_xmlw_markup_lit(x, "</w:tblGrid>");
}

/* Each column's w:tcPr, with the column's width, gathered once per table
   and then written raw for every cell of the column (speed). */
static void make_cell_props(scr_xmlw *x, docx_table *t, const int *twips) {
  for (int c = 0; c < t->columns; c++) {
    t->cell_props_at[c] = t->cell_props.len;
    scr_xmlw_markup_lit(x, "<w:tcPr><w:tcW");
    scr_xmlw_markup_attr_int(x, "w:w", twips[c]);
    scr_xmlw_markup_lit(x, " w:type=\"dxa\"/></w:tcPr>");
    scr_xmlw_markup_take(x, &t->cell_props);
  }
  t->cell_props_at[t->columns] = t->cell_props.len;
}

static void free_table(docx_table *t) {
  free(t->align);
  free(t->cell_props_at);
  scr_buf_free(&t->cell_props);
  *t = (docx_table){0};
}

static scr_error begin_table(void *self, int columns, const scr_align *align,
                             const int *widths) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || dw->table.open || columns < 1)
    return status(dw, SCR_E_USAGE);
  if (columns > DOCX_TEXT_WIDTH)
    return status(dw, SCR_E_LIMIT);
  scr_error err = start_item_if_bare(dw);
  if (err)
    return err;
  scr_align *copy = calloc((size_t)columns, sizeof *copy);
  int *twips = calloc((size_t)columns, sizeof *twips);
  size_t *props_at = calloc((size_t)columns + 1, sizeof *props_at);
  if (!copy || !twips || !props_at) {
    free(copy);
    free(twips);
    free(props_at);
    return status(dw, SCR_E_NOMEM);
  }
  scr_column_shares(widths, columns, DOCX_TEXT_WIDTH, twips);
  if (align)
    memcpy(copy, align, (size_t)columns * sizeof *copy);
  scr_xmlw *x = &dw->body;
  dw->any_block = true;
  /* Word joins two tables with nothing between into one */
  if (dw->after_table)
    scr_xmlw_raw_lit(x, "<w:p/>");
  dw->table = (docx_table){.open = true,
                           .columns = columns,
                           .align = copy,
                           .cell_props_at = props_at,
                           .outer_lists = dw->list_depth};
  make_cell_props(x, &dw->table, twips);
  scr_xmlw_start(x, "w:tbl");
  table_props(x);
  table_grid(x, columns, twips);
  scr_xmlw_markup_write(x);
  free(twips);
  return x->err;
}

static scr_error end_table(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || !dw->table.open || dw->table.row_open)
    return status(dw, SCR_E_USAGE);
  scr_xmlw_end(&dw->body);
  free_table(&dw->table);
  dw->after_table = true;
  return dw->body.err;
}

static scr_error begin_row(void *self, bool header) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || !dw->table.open || dw->table.row_open)
    return status(dw, SCR_E_USAGE);
  scr_xmlw *x = &dw->body;
  scr_xmlw_start(x, "w:tr");
  if (header)
    scr_xmlw_raw_lit(x, "<w:trPr><w:tblHeader/></w:trPr>");
  dw->table.row_open = true;
  dw->table.col = 0;
  return x->err;
}

static scr_error open_cell(docx_writer *dw) {
  scr_xmlw *x = &dw->body;
  const docx_table *t = &dw->table;
  scr_xmlw_start(x, "w:tc");
  if (!x->err) {
    size_t from = t->cell_props_at[t->col], to = t->cell_props_at[t->col + 1];
    scr_xmlw_raw(x, t->cell_props.data + from, to - from);
  }
  dw->table.cell_open = true;
  dw->table.cell_has_para = false;
  return x->err;
}

/* Word refuses a cell without a paragraph. */
static scr_error close_cell(docx_writer *dw) {
  scr_xmlw *x = &dw->body;
  if (!dw->table.cell_has_para)
    scr_xmlw_raw_lit(x, "<w:p/>");
  scr_xmlw_end(x);
  dw->table.cell_open = false;
  dw->table.col++;
  return x->err;
}

static scr_error end_row(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || !dw->table.row_open || dw->table.cell_open)
    return status(dw, SCR_E_USAGE);
  /* a short row is padded so that every row fills the grid */
  while (dw->table.col < dw->table.columns && !dw->body.err) {
    open_cell(dw);
    close_cell(dw);
  }
  scr_xmlw_end(&dw->body);
  dw->table.row_open = false;
  return dw->body.err;
}

static scr_error begin_cell(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || !dw->table.row_open || dw->table.cell_open ||
      dw->table.col >= dw->table.columns)
    return status(dw, SCR_E_USAGE);
  return open_cell(dw);
}

static scr_error end_cell(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || !in_cell(dw) ||
      dw->list_depth > dw->table.outer_lists)
    return status(dw, SCR_E_USAGE);
  return close_cell(dw);
}

static scr_error page_break(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw))
    return status(dw, SCR_E_USAGE);
  dw->page_break_pending = true;
  return SCR_OK;
}

/*
 * A section ends with a paragraph holding its properties; this one is
 * empty and a hairline high, so that it adds nothing visible to the
 * section's last page.
 */
static scr_error close_section(docx_writer *dw) {
  char rid[sizeof dw->last_header_rid];
  scr_error err =
      docx_model_header(&dw->model, dw->section_header, rid, sizeof rid);
  if (err)
    return status(dw, err);
  scr_xmlw *x = &dw->body;
  scr_xmlw_start(x, "w:p");
  scr_xmlw_start(x, "w:pPr");
  scr_xmlw_start(x, "w:spacing");
  scr_xmlw_attr(x, "w:before", "0");
  scr_xmlw_attr(x, "w:after", "0");
  scr_xmlw_attr(x, "w:line", "20");
  scr_xmlw_attr(x, "w:lineRule", "exact");
  scr_xmlw_end(x);
  scr_xmlw_start(x, "w:rPr");
  docx_val_element(x, "w:sz", "2");
  scr_xmlw_end(x);
  docx_section_props(x, rid);
  scr_xmlw_end(x); /* w:pPr */
  scr_xmlw_end(x); /* w:p */
  return x->err;
}

static scr_error begin_section(void *self, const char *header) {
  docx_writer *dw = self;
  if (!can_start_block(dw) || dw->list_depth || dw->table.open)
    return status(dw, SCR_E_USAGE);
  scr_error err = dw->any_block ? close_section(dw) : SCR_OK;
  if (err)
    return err;
  char *copy = header ? scr_strdup(header) : NULL;
  if (header && !copy)
    return status(dw, SCR_E_NOMEM);
  free(dw->section_header);
  dw->section_header = copy;
  dw->sectioned = true;
  /* the section starts on a new page of itself */
  dw->page_break_pending = false;
  dw->after_table = false;
  return SCR_OK;
}

/* ---- the sink: scripts --------------------------------------------------- */

static scr_error language(void *self, const char *tag) {
  docx_writer *dw = self;
  char *copy = tag ? scr_strdup(tag) : NULL;
  if (tag && !copy)
    return status(dw, SCR_E_NOMEM);
  free(dw->scripts.language);
  dw->scripts.language = copy;
  return dw->body.err;
}

static scr_error right_to_left(void *self) {
  docx_writer *dw = self;
  if (!can_start_block(dw))
    return status(dw, SCR_E_USAGE);
  dw->scripts.next_rtl = true;
  return SCR_OK;
}

static const scr_sink_ops DOCX_OPS = {
    .begin_document = begin_document,
    .end_document = end_document,
    .begin_paragraph = begin_paragraph,
    .end_paragraph = end_paragraph,
    .begin_heading = begin_heading,
    .end_heading = end_heading,
    .text = text,
    .line_break = line_break,
    .begin_link = begin_link,
    .end_link = end_link,
    .begin_bookmark = begin_bookmark,
    .end_bookmark = end_bookmark,
    .page_ref = page_ref,
    .image = image,
    .begin_list = begin_list,
    .end_list = end_list,
    .begin_item = begin_item,
    .end_item = end_item,
    .begin_table = begin_table,
    .end_table = end_table,
    .begin_row = begin_row,
    .end_row = end_row,
    .begin_cell = begin_cell,
    .end_cell = end_cell,
    .page_break = page_break,
    .begin_section = begin_section,
    .language = language,
    .right_to_left = right_to_left,
};

/* ---- the writer class ---------------------------------------------------- */

void docx_model_free(docx_model *m) {
  free(m->title);
  free(m->subject);
  free(m->creator);
  free(m->language);
  free(m->footer);
  for (size_t i = 0; i < m->rel_count; i++)
    free(m->rels[i].target);
  free(m->rels);
  for (size_t i = 0; i < m->media_count; i++) {
    free(m->media[i].part);
    free(m->media[i].ext);
    free(m->media[i].mime);
    free(m->media[i].data);
  }
  free(m->media);
  free(m->nums);
  for (size_t i = 0; i < m->header_count; i++)
    free(m->headers[i].text);
  free(m->headers);
  *m = (docx_model){0};
}

static void docx_destroy(void *self) {
  docx_writer *dw = self;
  if (!dw)
    return;
  scr_xmlw_discard(&dw->body);
  scr_deflate_free(dw->body_z);
  docx_model_free(&dw->model);
  free(dw->section_header);
  free(dw->scripts.language);
  free(dw->lists);
  free_table(&dw->table);
  for (size_t i = 0; i < dw->mark_count; i++)
    free(dw->marks[i].name);
  free(dw->marks);
  free(dw);
}

/* The body goes to its stream as the writer flushes it. */
static scr_error open_body(docx_writer *dw) {
  dw->body_z = scr_deflate_new();
  return dw->body_z ? scr_xmlw_open_fragment(&dw->body, dw->body_z)
                    : SCR_E_NOMEM;
}

/* Returns a new writer (free with docx_destroy) or NULL. */
static void *docx_create(const scr_template *tpl) {
  docx_writer *dw = calloc(1, sizeof *dw);
  if (!dw)
    return NULL;
  dw->tpl = tpl;
  if (open_body(dw) != SCR_OK) {
    docx_destroy(dw);
    return NULL;
  }
  return dw;
}

/* Caller frees. NULL when out of memory or after a writing error. */
static char *docx_body_xml(void *self) {
  docx_writer *dw = self;
  scr_xmlw_flush(&dw->body);
  char *xml = NULL;
  size_t len = 0;
  if (dw->body.err || scr_deflate_contents(dw->body_z, &xml, &len) != SCR_OK)
    return NULL;
  return xml;
}

/* Builds one part and adds it to the package (which takes the bytes). */
typedef scr_error (*model_part_fn)(const docx_model *m, char **xml,
                                   size_t *len);

static scr_error add_model_part(scr_package *pkg, const char *name,
                                model_part_fn fn, const docx_model *m) {
  char *xml = NULL;
  size_t len = 0;
  scr_error err = fn(m, &xml, &len);
  if (err)
    return err;
  return scr_package_add(pkg, name, xml, len, false);
}

static scr_error add_document(docx_writer *dw, scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0, body_at = 0;
  scr_error err = scr_docx_document_xml(
      dw->sectioned ? dw->last_header_rid : NULL, &xml, &len, &body_at);
  if (!err)
    err = scr_package_add_around(pkg, DOCX_PART_DOCUMENT, xml, len, body_at,
                                 dw->body_z);
  free(xml);
  return err;
}

static scr_error add_fixed_parts(scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0;
  scr_error err = scr_docx_package_rels_xml(&xml, &len);
  if (!err)
    err = scr_package_add(pkg, DOCX_PART_PACKAGE_RELS, xml, len, false);
  if (!err)
    err = scr_docx_app_xml(&xml, &len);
  if (!err)
    err = scr_package_add(pkg, DOCX_PART_APP, xml, len, false);
  return err;
}

static scr_error add_media(const docx_model *m, scr_package *pkg) {
  scr_error err = SCR_OK;
  for (size_t i = 0; i < m->media_count && !err; i++)
    err = scr_package_add_copy(pkg, m->media[i].part, m->media[i].data,
                               m->media[i].size, false);
  return err;
}

static scr_error add_headers(const docx_model *m, scr_package *pkg) {
  scr_error err = SCR_OK;
  for (size_t i = 0; i < m->header_count && !err; i++) {
    char part[sizeof DOCX_PART_HEADER_FMT + 3 * sizeof(size_t)];
    snprintf(part, sizeof part, DOCX_PART_HEADER_FMT, i + 1);
    char *xml = NULL;
    size_t len = 0;
    err = scr_docx_header_xml(&m->headers[i], &xml, &len);
    if (!err)
      err = scr_package_add(pkg, part, xml, len, false);
  }
  return err;
}

static scr_error docx_finish(void *self, scr_package *pkg) {
  docx_writer *dw = self;
  if (!dw->ended)
    return SCR_E_USAGE;
  if (!dw->tpl || !dw->tpl->styles || dw->tpl->styles_len == 0)
    return SCR_E_TEMPLATE;
  /* the last section's header, before the parts that list every part */
  if (dw->sectioned && !dw->last_header_rid[0]) {
    scr_error err =
        docx_model_header(&dw->model, dw->section_header, dw->last_header_rid,
                          sizeof dw->last_header_rid);
    if (err)
      return err;
  }
  const docx_model *m = &dw->model;
  scr_error err = add_model_part(pkg, DOCX_PART_CONTENT_TYPES,
                                 scr_docx_content_types_xml, m);
  if (!err)
    err = add_fixed_parts(pkg);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_CORE, scr_docx_core_xml, m);
  if (!err)
    err = add_document(dw, pkg);
  if (!err)
    err = scr_package_add_copy(pkg, DOCX_PART_STYLES, dw->tpl->styles,
                               dw->tpl->styles_len, false);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_NUMBERING, scr_docx_numbering_xml, m);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_SETTINGS, scr_docx_settings_xml, m);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_FOOTER, scr_docx_footer_xml, m);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_DOCUMENT_RELS,
                         scr_docx_document_rels_xml, m);
  if (!err)
    err = add_media(m, pkg);
  if (!err)
    err = add_headers(m, pkg);
  return err;
}

const scr_writer_class scr_docx_writer = {
    .extension = "docx",
    .create = docx_create,
    .ops = &DOCX_OPS,
    .finish = docx_finish,
    .body_xml = docx_body_xml,
    .destroy = docx_destroy,
};
