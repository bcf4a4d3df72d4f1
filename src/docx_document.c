/*
 * word/document.xml: the body the sink wrote, then the last section's
 * properties (A4 portrait, 2 cm margins, the footer on every page; a
 * header when the document has sections).
 */
#include "docx.h"

scr_error docx_part_open(scr_xmlw *x) {
  *x = (scr_xmlw){0};
  scr_error err = scr_xmlw_open(x);
  if (err)
    scr_xmlw_discard(x);
  return err;
}

/* Every prefix the body may use is declared once, on the root. */
static void namespaces(scr_xmlw *x) {
  scr_xmlw_attr(x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_attr(x, "xmlns:r", DOCX_NS_R);
  scr_xmlw_attr(x, "xmlns:wp", DOCX_NS_WP);
  scr_xmlw_attr(x, "xmlns:a", DOCX_NS_A);
  scr_xmlw_attr(x, "xmlns:pic", DOCX_NS_PIC);
}

static void footer_reference(scr_xmlw *x) {
  scr_xmlw_start(x, "w:footerReference");
  scr_xmlw_attr(x, "w:type", "default");
  scr_xmlw_attr(x, "r:id", DOCX_RID_FOOTER);
  scr_xmlw_end(x);
}

static void page_size(scr_xmlw *x) {
  scr_xmlw_start(x, "w:pgSz");
  scr_xmlw_attrf(x, "w:w", "%d", DOCX_PAGE_WIDTH);
  scr_xmlw_attrf(x, "w:h", "%d", DOCX_PAGE_HEIGHT);
  scr_xmlw_end(x);
}

static void page_margins(scr_xmlw *x) {
  scr_xmlw_start(x, "w:pgMar");
  scr_xmlw_attrf(x, "w:top", "%d", DOCX_MARGIN);
  scr_xmlw_attrf(x, "w:right", "%d", DOCX_MARGIN);
  scr_xmlw_attrf(x, "w:bottom", "%d", DOCX_MARGIN);
  scr_xmlw_attrf(x, "w:left", "%d", DOCX_MARGIN);
  scr_xmlw_attrf(x, "w:header", "%d", DOCX_HEADER_DISTANCE);
  scr_xmlw_attrf(x, "w:footer", "%d", DOCX_FOOTER_DISTANCE);
  scr_xmlw_attr(x, "w:gutter", "0");
  scr_xmlw_end(x);
}

/* w:sectPr children in CT_SectPr order. */
void docx_section_props(scr_xmlw *x, const char *header_rid) {
  scr_xmlw_start(x, "w:sectPr");
  if (header_rid) {
    scr_xmlw_start(x, "w:headerReference");
    scr_xmlw_attr(x, "w:type", "default");
    scr_xmlw_attr(x, "r:id", header_rid);
    scr_xmlw_end(x);
  }
  footer_reference(x);
  page_size(x);
  page_margins(x);
  scr_xmlw_end(x);
}

scr_error docx_document_part(const char *body, size_t body_len,
                             const char *header_rid, char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:document");
  namespaces(&x);
  scr_xmlw_start(&x, "w:body");
  scr_xmlw_raw(&x, body, body_len);
  docx_section_props(&x, header_rid);
  scr_xmlw_end(&x);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
