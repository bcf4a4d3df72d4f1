/*
 * word/footer1.xml (and footer2.xml, across landscape pages; footer3.xml,
 * the page number alone, on a PDF appendix's pages): a table of
 * one row without borders, the document's name in the Footer style in one
 * cell and "Page " with a PAGE field in the other, set right. A long name
 * wraps in its own cell, so the page number stays on the footer's first
 * line whatever the house style's font; a paragraph of no height follows,
 * as Word ends every story with one.
 */
#include "docx.h"

#include <string.h>

#define PAGE_LABEL "Page "
#define PAGE_FIELD " PAGE "
/* What the field shows until it is updated: right on the first page. */
#define PAGE_CACHED "1"
/* The page number's column: "Page 9999" in up to 12pt (2.5 cm); the name
   has the rest of the text width. */
#define PAGE_COLUMN 1417
/* The closing paragraph's height, in twentieths of a point. */
#define CLOSING_LINE "20"

static void width(scr_xmlw *x, const char *name, int twips) {
  scr_xmlw_start(x, name);
  scr_xmlw_attr_int(x, "w:w", twips);
  scr_xmlw_attr(x, "w:type", "dxa");
  scr_xmlw_end(x);
}

/* No borders, whatever the template's default table style draws, and no
   cell margins at the sides, so the text lines up with the body's. */
static void table_props(scr_xmlw *x, int text_width) {
  static const char *const BORDERS[] = {"w:top",   "w:left",    "w:bottom",
                                        "w:right", "w:insideH", "w:insideV"};
  scr_xmlw_start(x, "w:tblPr");
  width(x, "w:tblW", text_width);
  scr_xmlw_start(x, "w:tblBorders");
  for (size_t i = 0; i < sizeof BORDERS / sizeof *BORDERS; i++)
    docx_val_element(x, BORDERS[i], "nil");
  scr_xmlw_end(x);
  scr_xmlw_start(x, "w:tblLayout");
  scr_xmlw_attr(x, "w:type", "fixed");
  scr_xmlw_end(x);
  scr_xmlw_start(x, "w:tblCellMar");
  width(x, "w:left", 0);
  width(x, "w:right", 0);
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* w:tblPr */
  scr_xmlw_start(x, "w:tblGrid");
  scr_xmlw_start(x, "w:gridCol");
  scr_xmlw_attr_int(x, "w:w", text_width - PAGE_COLUMN);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "w:gridCol");
  scr_xmlw_attr_int(x, "w:w", PAGE_COLUMN);
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* w:tblGrid */
}

/* A cell opened on a Footer paragraph, set right when `right`. */
static void open_cell(scr_xmlw *x, int twips, bool right) {
  scr_xmlw_start(x, "w:tc");
  scr_xmlw_start(x, "w:tcPr");
  width(x, "w:tcW", twips);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "w:p");
  scr_xmlw_start(x, "w:pPr");
  docx_val_element(x, "w:pStyle", DOCX_STYLE_FOOTER);
  if (right)
    docx_val_element(x, "w:jc", "right");
  scr_xmlw_end(x);
}

static void close_cell(scr_xmlw *x) {
  scr_xmlw_end(x); /* w:p */
  scr_xmlw_end(x); /* w:tc */
}

static void closing_paragraph(scr_xmlw *x) {
  scr_xmlw_start(x, "w:p");
  scr_xmlw_start(x, "w:pPr");
  docx_val_element(x, "w:pStyle", DOCX_STYLE_FOOTER);
  docx_spacing_none(x, CLOSING_LINE, "exact");
  scr_xmlw_end(x); /* w:pPr */
  scr_xmlw_end(x); /* w:p */
}

/* The footer across `text_width` twips. */
static scr_error footer_xml(const docx_model *m, int text_width, char **xml,
                            size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  const char *footer = m->footer ? m->footer : "";
  scr_xmlw_start(&x, "w:ftr");
  scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_attr(&x, "xmlns:r", DOCX_NS_R);
  scr_xmlw_start(&x, "w:tbl");
  table_props(&x, text_width);
  scr_xmlw_start(&x, "w:tr");
  open_cell(&x, text_width - PAGE_COLUMN, false);
  docx_text_run(&x, footer, strlen(footer), 0, false);
  close_cell(&x);
  open_cell(&x, PAGE_COLUMN, true);
  docx_text_run(&x, PAGE_LABEL, strlen(PAGE_LABEL), 0, false);
  docx_field(&x, PAGE_FIELD, PAGE_CACHED, false);
  close_cell(&x);
  scr_xmlw_end(&x); /* w:tr */
  scr_xmlw_end(&x); /* w:tbl */
  closing_paragraph(&x);
  scr_xmlw_end(&x); /* w:ftr */
  return scr_xmlw_close(&x, xml, len);
}

scr_error scr_docx_footer_xml(const docx_model *m, char **xml, size_t *len) {
  return footer_xml(m, scr_house_text_width(&m->house->page, false), xml, len);
}

scr_error scr_docx_footer_page_xml(const docx_model *m, char **xml,
                                   size_t *len) {
  (void)m;
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:ftr");
  scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_attr(&x, "xmlns:r", DOCX_NS_R);
  scr_xmlw_start(&x, "w:p");
  scr_xmlw_start(&x, "w:pPr");
  docx_val_element(&x, "w:pStyle", DOCX_STYLE_FOOTER);
  docx_val_element(&x, "w:jc", "right");
  scr_xmlw_end(&x); /* w:pPr */
  docx_text_run(&x, PAGE_LABEL, strlen(PAGE_LABEL), 0, false);
  docx_field(&x, PAGE_FIELD, PAGE_CACHED, false);
  scr_xmlw_end(&x); /* w:p */
  scr_xmlw_end(&x); /* w:ftr */
  return scr_xmlw_close(&x, xml, len);
}

scr_error scr_docx_footer_landscape_xml(const docx_model *m, char **xml,
                                        size_t *len) {
  return footer_xml(m, scr_house_text_width(&m->house->page, true), xml, len);
}
