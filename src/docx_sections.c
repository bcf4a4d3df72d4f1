/*
 * Page breaks and sections in the DOCX body. A section ends with a
 * paragraph holding its properties (its header, page size and
 * orientation; the first, a first page of its own when the house's art
 * shows there only); the document's last section's are in document.xml after
 * the body. A change of orientation is a new section with the same header,
 * made when the next block starts, so that a change undone before any
 * block is none.
 */
#include "docx.h"
#include "pdfpics.h"

#include <stdlib.h>

scr_error docx_page_break(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw))
    return docx_status(dw, SCR_E_USAGE);
  dw->page_break_pending = true;
  return SCR_OK;
}

/*
 * A section ends with a paragraph holding its properties; this one is
 * empty and a hairline high, so that it adds nothing visible to the
 * section's last page.
 */
scr_error docx_section_headers(docx_writer *dw, char *rid, char *first,
                               size_t cap) {
  const scr_house *h = dw->model.house;
  bool every_page = h->has_art && h->art.every_page;
  bool first_only = h->has_art && !h->art.every_page && !dw->first_closed;
  rid[0] = first[0] = '\0';
  dw->first_closed = true;
  scr_error err = dw->sectioned || every_page
                      ? docx_model_header(&dw->model, dw->section_header,
                                          every_page, rid, cap)
                      : SCR_OK;
  if (!err && first_only)
    err = docx_model_header(&dw->model, dw->section_header, true, first, cap);
  return err;
}

static scr_error close_section(docx_writer *dw) {
  char rid[sizeof dw->last_header_rid], first[sizeof dw->last_first_rid];
  scr_error err = docx_section_headers(dw, rid, first, sizeof rid);
  if (err)
    return docx_status(dw, err);
  scr_xmlw *x = &dw->body;
  scr_xmlw_start(x, "w:p");
  scr_xmlw_start(x, "w:pPr");
  docx_spacing_none(x, "20", "exact");
  scr_xmlw_start(x, "w:rPr");
  docx_val_element(x, "w:sz", "2");
  scr_xmlw_end(x);
  docx_section s = {&dw->model.house->page, rid[0] ? rid : NULL,
                    first[0] ? first : NULL, dw->landscape, false};
  if (dw->pdf_section)
    s = (docx_section){&dw->pdf_page, s.header_rid, NULL, false, true};
  dw->pdf_section = false;
  docx_section_props(x, &s);
  scr_xmlw_end(x); /* w:pPr */
  scr_xmlw_end(x); /* w:p */
  return x->err;
}

scr_error docx_begin_section(void *self, const char *header) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || dw->list_depth || dw->table.open)
    return docx_status(dw, SCR_E_USAGE);
  scr_error err = dw->any_block ? close_section(dw) : SCR_OK;
  if (err)
    return err;
  char *copy = header ? scr_strdup(header) : NULL;
  if (header && !copy)
    return docx_status(dw, SCR_E_NOMEM);
  free(dw->section_header);
  dw->section_header = copy;
  dw->sectioned = true;
  dw->landscape = dw->landscape_asked = false;
  /* the section starts on a new page of itself */
  dw->page_break_pending = false;
  dw->after_table = false;
  return SCR_OK;
}

scr_error docx_page_orientation(void *self, bool landscape) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || dw->list_depth || dw->table.open)
    return docx_status(dw, SCR_E_USAGE);
  dw->landscape_asked = landscape;
  return SCR_OK;
}

scr_error docx_settle_orientation(docx_writer *dw) {
  if (docx_in_cell(dw) || dw->in_note ||
      (dw->landscape_asked == dw->landscape && !dw->pdf_section))
    return dw->body.err;
  scr_error err = dw->any_block ? close_section(dw) : SCR_OK;
  dw->landscape = dw->landscape_asked;
  dw->model.footer_landscape |= dw->landscape;
  /* the new section starts its own page */
  dw->page_break_pending = false;
  dw->after_table = false;
  return err;
}

/* A zero-width bookmark: where the picture of a PDF page stands. */
static void point_bookmark(docx_writer *dw, const char *name) {
  scr_xmlw *x = &dw->body;
  unsigned id = dw->next_mark_id++;
  scr_xmlw_start(x, "w:bookmarkStart");
  scr_xmlw_attr_int(x, "w:id", (int)id);
  scr_xmlw_attr(x, "w:name", name);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "w:bookmarkEnd");
  scr_xmlw_attr_int(x, "w:id", (int)id);
  scr_xmlw_end(x);
}

/*
 * A PDF page is a section of its own: the section before it ends first,
 * then a paragraph holding the picture, with no space around it, opens
 * the PDF page's section, which the next block (or the end) closes with
 * its own page size and the page-number footer.
 */
scr_error docx_pdf_page(void *self, const scr_pdf_page *page) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || dw->list_depth || dw->table.open ||
      dw->in_note || !page->page)
    return docx_status(dw, SCR_E_USAGE);
  scr_error err = dw->any_block ? close_section(dw) : SCR_OK;
  size_t rel = 0;
  scr_image picture;
  if (!err)
    err = scr_pdf_page_picture(page, &picture);
  if (!err)
    err = docx_model_add_image(&dw->model, &picture, &rel);
  if (err)
    return docx_status(dw, err);
  dw->model.footer_page = true;
  scr_xmlw *x = &dw->body;
  scr_xmlw_start(x, "w:p");
  scr_xmlw_start(x, "w:pPr");
  docx_spacing_none(x, "240", "auto");
  docx_val_element(x, "w:jc", "center");
  scr_xmlw_start(x, "w:rPr");
  docx_val_element(x, "w:sz", "2");
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* w:pPr */
  if (page->bookmark)
    point_bookmark(dw, page->bookmark);
  docx_drawing(x, &picture, ++dw->next_drawing_id,
               rel + DOCX_RID_FIRST_DYNAMIC);
  scr_xmlw_end(x); /* w:p */
  dw->pdf_section = true;
  dw->pdf_page = *page->page;
  dw->any_block = true;
  dw->page_break_pending = false;
  dw->after_table = false;
  return x->err;
}
