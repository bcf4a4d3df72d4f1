/*
 * The ODT writer's tables: table:table with a column style per share of
 * the width, header rows LibreOffice repeats on each page, and cells that
 * draw each border once.
 */
#include "odt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows and cells are written with raw markup: their names and styles are
   constant, and the table around them, which xmlTextWriter opened, keeps
   the text in them escaped. Neither is ever empty (end_row fills a row
   with cells, end_cell gives a cell a paragraph), so each has its closing
   tag, as xmlTextWriter would write it. */
#define CELL_START(style)                                                      \
  "<table:table-cell table:style-name=\"" style                                \
  "\" office:value-type=\"string\">"

static const struct {
  const char *tag;
  size_t len;
} CELL_START_TAG[ODT_CELL_EDGE_COUNT] = {
#define CELL_TAG(edge, style)                                                  \
  [edge] = {CELL_START(style), sizeof CELL_START(style) - 1}
    CELL_TAG(ODT_CELL_INNER, ODT_CELL_STYLE_INNER),
    CELL_TAG(ODT_CELL_TOP, ODT_CELL_STYLE_TOP),
    CELL_TAG(ODT_CELL_LEFT, ODT_CELL_STYLE_LEFT),
    CELL_TAG(ODT_CELL_TOP_LEFT, ODT_CELL_STYLE_TOP_LEFT),
#undef CELL_TAG
};

/* The table's style: the plain one, one opening a new page, or one
   starting a master page (a new section or orientation). */
static const char *table_style(odt_writer *w) {
  const char *master = scr_odt_take_master(w);
  bool page_break = w->page_break;
  w->page_break = false;
  if (master) {
    const char *name = scr_odt_table_master_auto(&w->autos, master);
    if (!name)
      odt_fail(w, SCR_E_NOMEM);
    w->table_style_name[0] = '\0';
    if (name)
      snprintf(w->table_style_name, sizeof w->table_style_name,
               ODT_AUTO_TABLE_MASTER_FMT, name);
    return w->table_style_name;
  }
  if (page_break)
    w->autos.table_break = true;
  else
    w->autos.table = true;
  return page_break ? ODT_AUTO_TABLE_BREAK : ODT_AUTO_TABLE;
}

scr_error scr_odt_begin_table(void *self, int columns, const scr_align *align,
                              const int *widths) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w) || w->table.open || columns < 1)
    return odt_fail(w, SCR_E_USAGE);
  odt_table *t = &w->table;
  *t = (odt_table){0};
  t->align = calloc((size_t)columns, sizeof *t->align);
  t->twips = calloc((size_t)columns, sizeof *t->twips);
  if (!t->align || !t->twips)
    return odt_fail(w, SCR_E_NOMEM);
  t->landscape = w->landscape;
  scr_column_shares(widths, columns,
                    scr_odt_text_twips(w->tpl->house, t->landscape), t->twips);
  for (int i = 0; i < columns; i++)
    if (scr_odt_columns_auto(&w->autos, t->twips[i]))
      return odt_fail(w, SCR_E_NOMEM);
  for (int i = 0; align && i < columns; i++)
    t->align[i] = align[i];
  t->columns = columns;
  t->open = true;
  t->list_base = w->nlists;
  scr_odt_suspend_lists(w);
  scr_xmlw *x = &w->body;
  /* Two tables with nothing between have an empty paragraph between, as
     the DOCX must (Word would join them into one), so that the two
     formats lay out alike; none where the second starts a section. */
  if (w->after_table && !w->section_master) {
    scr_xmlw_start(x, "text:p");
    scr_xmlw_end(x);
  }
  scr_xmlw_start(x, "table:table");
  scr_xmlw_attrf(x, "table:name", ODT_TABLE_NAME_FMT, ++w->tables);
  scr_xmlw_attr(x, "table:style-name", table_style(w));
  for (int i = 0; i < columns; i++) {
    scr_xmlw_start(x, "table:table-column");
    scr_xmlw_attrf(x, "table:style-name", ODT_AUTO_COLUMN_FMT, t->twips[i]);
    scr_xmlw_end(x);
  }
  return odt_status(w);
}

scr_error scr_odt_end_table(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->open || t->row_open)
    return odt_fail(w, SCR_E_USAGE);
  if (t->header_group)
    scr_xmlw_end(&w->body);
  scr_xmlw_end(&w->body);
  free(t->align);
  free(t->twips);
  *t = (odt_table){0};
  w->after_table = true;
  return odt_status(w);
}

/* Header rows sit in table:table-header-rows, which LibreOffice repeats at
   the top of every page the table runs onto. Only rows at the top of the
   table can be header rows. */
scr_error scr_odt_begin_row(void *self, bool header) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->open || t->row_open)
    return odt_fail(w, SCR_E_USAGE);
  if (header && !t->header_group && t->row == 0) {
    scr_xmlw_start(&w->body, "table:table-header-rows");
    t->header_group = true;
  } else if (!header && t->header_group) {
    scr_xmlw_end(&w->body);
    t->header_group = false;
  }
  scr_xmlw_raw_lit(&w->body,
                   "<table:table-row table:style-name=\"" ODT_AUTO_ROW "\">");
  t->header_row = header;
  t->row_open = true;
  t->cell = 0;
  return odt_status(w);
}

static odt_cell_edge cell_edge(const odt_table *t) {
  if (t->row == 0)
    return t->cell == 0 ? ODT_CELL_TOP_LEFT : ODT_CELL_TOP;
  return t->cell == 0 ? ODT_CELL_LEFT : ODT_CELL_INNER;
}

scr_error scr_odt_begin_cell(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->row_open || t->cell_open)
    return odt_fail(w, SCR_E_USAGE);
  odt_cell_edge edge = cell_edge(t);
  scr_xmlw_raw(&w->body, CELL_START_TAG[edge].tag, CELL_START_TAG[edge].len);
  t->cell_open = true;
  t->cell_has_paragraph = false;
  return odt_status(w);
}

/* A cell must hold a paragraph; an empty one gets an empty paragraph. */
scr_error scr_odt_end_cell(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->cell_open || odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  if (!t->cell_has_paragraph) {
    scr_odt_begin_paragraph(w, t->header_row ? SCR_PARA_TABLE_HEADING
                                             : SCR_PARA_TABLE_CONTENTS);
    scr_odt_end_paragraph(w);
  }
  scr_xmlw_raw_lit(&w->body, "</table:table-cell>");
  t->cell_open = false;
  t->cell++;
  return odt_status(w);
}

/* Short rows are filled with empty cells, so the grid stays whole. */
scr_error scr_odt_end_row(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->row_open || t->cell_open)
    return odt_fail(w, SCR_E_USAGE);
  while (t->cell < t->columns && !odt_status(w)) {
    scr_odt_begin_cell(w);
    scr_odt_end_cell(w);
  }
  scr_xmlw_raw_lit(&w->body, "</table:table-row>");
  t->row_open = false;
  t->row++;
  return odt_status(w);
}
