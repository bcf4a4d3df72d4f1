/*
 * Paragraphs of the DOCX body: w:p and its w:pPr, which says where the
 * paragraph stands: its style, a pending page break, the number or indent
 * of the list item it belongs to, the alignment of its table cell.
 *
 * Block properties (w:pPr, w:tcPr, w:tblPr...) are constant markup but for
 * a few numbers: they are gathered and written raw, in one writer call
 * (speed), the numbers escaped by libxml2 as attributes. The elements that
 * stay open from one sink call to the next (w:p, w:tbl, w:tr, w:tc,
 * w:hyperlink) are xmlTextWriter's.
 */
#include "docx.h"

#include <string.h>

/* The list item the next paragraph belongs to directly, or NULL (a
   paragraph in a table cell is not in the list around the table). */
static docx_list_frame *current_item(docx_writer *dw) {
  docx_list_frame *f = docx_current_list(dw);
  if (!f || !f->item_open)
    return NULL;
  if (dw->table.open && dw->list_depth <= dw->table.outer_lists)
    return NULL;
  return f;
}

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
  if (!docx_in_cell(dw) || dw->table.col >= dw->table.columns)
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
scr_error docx_open_paragraph(docx_writer *dw, const char *style_name) {
  if (!docx_can_start_block(dw))
    return docx_status(dw, SCR_E_USAGE);
  char id[DOCX_STYLE_ID_MAX];
  if (!docx_style_id(style_name, id, sizeof id))
    return docx_status(dw, SCR_E_LIMIT);
  scr_error err = docx_settle_orientation(dw);
  if (err)
    return err;
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
  docx_note_mark(dw);
  dw->in_para = true;
  dw->after_table = false;
  dw->any_block = true;
  if (docx_in_cell(dw))
    dw->table.cell_has_para = true;
  return x->err;
}

scr_error docx_close_paragraph(docx_writer *dw) {
  if (!dw->in_para || dw->in_link)
    return docx_status(dw, SCR_E_USAGE);
  scr_xmlw_end(&dw->body);
  dw->in_para = false;
  return dw->body.err;
}

scr_error docx_start_item_if_bare(docx_writer *dw) {
  docx_list_frame *item = current_item(dw);
  if (!item || item->item_started)
    return dw->body.err;
  scr_error err = docx_open_paragraph(dw, scr_style_name(SCR_PARA_LIST));
  return err ? err : docx_close_paragraph(dw);
}
