/*
 * Tables in the DOCX body: w:tbl in the TableGrid style across the text
 * width, its columns' widths in w:tblGrid and in each cell's w:tcPr, a
 * header row repeated on every page, every row filled to the grid. The
 * paragraphs in a cell take its column's alignment (docx_paragraphs.c).
 */
#include "docx.h"

#include <stdlib.h>
#include <string.h>

/* w:tblW in fiftieths of a percent: 5000 is the full text width. */
#define TABLE_FULL_WIDTH_PCT 5000

/* Gather one side of w:tblCellMar. */
static void cell_margin(scr_xmlw *x, const char *side, int twips) {
  scr_xmlw_markup_lit(x, "<");
  scr_xmlw_markup(x, side, strlen(side));
  scr_xmlw_markup_attr_int(x, "w:w", twips);
  scr_xmlw_markup_lit(x, " w:type=\"dxa\"/>");
}

/* Gather w:tblPr: the cell margins are the table's own, not the
   template's, so that they stay the ODT's. */
static void table_props(scr_xmlw *x) {
  scr_xmlw_markup_lit(x, "<w:tblPr><w:tblStyle w:val=\"" DOCX_STYLE_TABLE_GRID
                         "\"/><w:tblW");
  scr_xmlw_markup_attr_int(x, "w:w", TABLE_FULL_WIDTH_PCT);
  /* fixed: keep the grid sized from the content (columns.c) rather than
     let each application fit it its own way */
  scr_xmlw_markup_lit(x, " w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
                         "<w:tblCellMar>");
  cell_margin(x, "w:top", DOCX_CELL_MARGIN_TOP);
  cell_margin(x, "w:left", DOCX_CELL_MARGIN_SIDE);
  cell_margin(x, "w:bottom", DOCX_CELL_MARGIN_TOP);
  cell_margin(x, "w:right", DOCX_CELL_MARGIN_SIDE);
  scr_xmlw_markup_lit(x, "</w:tblCellMar></w:tblPr>");
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

void docx_table_free(docx_table *t) {
  free(t->align);
  free(t->cell_props_at);
  scr_buf_free(&t->cell_props);
  *t = (docx_table){0};
}

scr_error docx_begin_table(void *self, int columns, const scr_align *align,
                           const int *widths) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || dw->table.open || columns < 1)
    return docx_status(dw, SCR_E_USAGE);
  const scr_house_page *page = &dw->model.house->page;
  if (columns > scr_house_text_width(page, false))
    return docx_status(dw, SCR_E_LIMIT);
  scr_error err = docx_start_item_if_bare(dw);
  if (!err)
    err = docx_settle_orientation(dw);
  if (err)
    return err;
  scr_align *copy = calloc((size_t)columns, sizeof *copy);
  int *twips = calloc((size_t)columns, sizeof *twips);
  size_t *props_at = calloc((size_t)columns + 1, sizeof *props_at);
  if (!copy || !twips || !props_at) {
    free(copy);
    free(twips);
    free(props_at);
    return docx_status(dw, SCR_E_NOMEM);
  }
  scr_column_shares(widths, columns, scr_house_text_width(page, dw->landscape),
                    twips);
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

scr_error docx_end_table(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || !dw->table.open || dw->table.row_open)
    return docx_status(dw, SCR_E_USAGE);
  scr_xmlw_end(&dw->body);
  docx_table_free(&dw->table);
  dw->after_table = true;
  return dw->body.err;
}

scr_error docx_begin_row(void *self, bool header) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || !dw->table.open || dw->table.row_open)
    return docx_status(dw, SCR_E_USAGE);
  scr_xmlw *x = &dw->body;
  scr_xmlw_start(x, "w:tr");
  /* a row is never split across pages (Word still splits one taller
     than a page); header rows repeat on each page */
  if (header)
    scr_xmlw_raw_lit(x, "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
  else
    scr_xmlw_raw_lit(x, "<w:trPr><w:cantSplit/></w:trPr>");
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

scr_error docx_end_row(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || !dw->table.row_open || dw->table.cell_open)
    return docx_status(dw, SCR_E_USAGE);
  /* a short row is padded so that every row fills the grid */
  while (dw->table.col < dw->table.columns && !dw->body.err) {
    open_cell(dw);
    close_cell(dw);
  }
  scr_xmlw_end(&dw->body);
  dw->table.row_open = false;
  return dw->body.err;
}

scr_error docx_begin_cell(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || !dw->table.row_open || dw->table.cell_open ||
      dw->table.col >= dw->table.columns)
    return docx_status(dw, SCR_E_USAGE);
  return open_cell(dw);
}

scr_error docx_end_cell(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || !docx_in_cell(dw) ||
      dw->list_depth > dw->table.outer_lists)
    return docx_status(dw, SCR_E_USAGE);
  return close_cell(dw);
}
