/*
 * word/document.xml around the body the sink wrote: the root with its
 * namespaces, then after the body the last section's properties (A4
 * portrait, 2 cm margins, the footer on every page; a header when the
 * document has sections).
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
void docx_namespaces(scr_xmlw *x) {
  scr_xmlw_attr(x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_attr(x, "xmlns:r", DOCX_NS_R);
  scr_xmlw_attr(x, "xmlns:wp", DOCX_NS_WP);
  scr_xmlw_attr(x, "xmlns:a", DOCX_NS_A);
  scr_xmlw_attr(x, "xmlns:pic", DOCX_NS_PIC);
}

static void footer_reference(scr_xmlw *x, bool landscape) {
  scr_xmlw_start(x, "w:footerReference");
  scr_xmlw_attr(x, "w:type", "default");
  scr_xmlw_attr(x, "r:id",
                landscape ? DOCX_RID_FOOTER_LANDSCAPE : DOCX_RID_FOOTER);
  scr_xmlw_end(x);
}

static void page_size(scr_xmlw *x, bool landscape) {
  scr_xmlw_start(x, "w:pgSz");
  scr_xmlw_attr_int(x, "w:w", landscape ? DOCX_PAGE_HEIGHT : DOCX_PAGE_WIDTH);
  scr_xmlw_attr_int(x, "w:h", landscape ? DOCX_PAGE_WIDTH : DOCX_PAGE_HEIGHT);
  if (landscape)
    scr_xmlw_attr(x, "w:orient", "landscape");
  scr_xmlw_end(x);
}

static void page_margins(scr_xmlw *x) {
  scr_xmlw_start(x, "w:pgMar");
  scr_xmlw_attr_int(x, "w:top", DOCX_MARGIN);
  scr_xmlw_attr_int(x, "w:right", DOCX_MARGIN);
  scr_xmlw_attr_int(x, "w:bottom", DOCX_MARGIN);
  scr_xmlw_attr_int(x, "w:left", DOCX_MARGIN);
  scr_xmlw_attr_int(x, "w:header", DOCX_HEADER_DISTANCE);
  scr_xmlw_attr_int(x, "w:footer", DOCX_FOOTER_DISTANCE);
  scr_xmlw_attr(x, "w:gutter", "0");
  scr_xmlw_end(x);
}

/* w:sectPr children in CT_SectPr order. */
void docx_section_props(scr_xmlw *x, const char *header_rid, bool landscape) {
  scr_xmlw_start(x, "w:sectPr");
  if (header_rid) {
    scr_xmlw_start(x, "w:headerReference");
    scr_xmlw_attr(x, "w:type", "default");
    scr_xmlw_attr(x, "r:id", header_rid);
    scr_xmlw_end(x);
  }
  footer_reference(x, landscape);
  page_size(x, landscape);
  page_margins(x);
  scr_xmlw_end(x);
}

scr_error scr_docx_document_xml(const char *header_rid, bool landscape,
                                char **xml, size_t *len, size_t *body_at) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:document");
  docx_namespaces(&x);
  scr_xmlw_start(&x, "w:body");
  err = scr_xmlw_mark(&x, body_at);
  if (err) {
    scr_xmlw_discard(&x);
    return err;
  }
  docx_section_props(&x, header_rid, landscape);
  scr_xmlw_end(&x);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
