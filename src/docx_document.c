/*
 * word/document.xml around the body the sink wrote: the root with its
 * namespaces, then after the body the last section's properties (the
 * house's page and margins, the footer on every page; a header when the
 * document has sections or the house's art shows on every page).
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

static void reference(scr_xmlw *x, const char *name, const char *type,
                      const char *rid) {
  scr_xmlw_start(x, name);
  scr_xmlw_attr(x, "w:type", type);
  scr_xmlw_attr(x, "r:id", rid);
  scr_xmlw_end(x);
}

static void page_size(scr_xmlw *x, const docx_section *s) {
  const scr_house_page *p = s->page;
  scr_xmlw_start(x, "w:pgSz");
  scr_xmlw_attr_int(x, "w:w", s->landscape ? p->height : p->width);
  scr_xmlw_attr_int(x, "w:h", s->landscape ? p->width : p->height);
  /* a PDF's landscape page is its own size, wider than high */
  if (s->landscape || p->width > p->height)
    scr_xmlw_attr(x, "w:orient", "landscape");
  scr_xmlw_end(x);
}

static void page_margins(scr_xmlw *x, const scr_house_page *p) {
  scr_xmlw_start(x, "w:pgMar");
  scr_xmlw_attr_int(x, "w:top", p->top);
  scr_xmlw_attr_int(x, "w:right", p->right);
  scr_xmlw_attr_int(x, "w:bottom", p->bottom);
  scr_xmlw_attr_int(x, "w:left", p->left);
  scr_xmlw_attr_int(x, "w:header", p->header);
  scr_xmlw_attr_int(x, "w:footer", p->footer);
  scr_xmlw_attr(x, "w:gutter", "0");
  scr_xmlw_end(x);
}

/* w:sectPr children in CT_SectPr order; a first page of its own keeps the
   footer of the others. */
void docx_section_props(scr_xmlw *x, const docx_section *s) {
  const char *footer = s->page_only   ? DOCX_RID_FOOTER_PAGE
                       : s->landscape ? DOCX_RID_FOOTER_LANDSCAPE
                                      : DOCX_RID_FOOTER;
  scr_xmlw_start(x, "w:sectPr");
  if (s->header_rid)
    reference(x, "w:headerReference", "default", s->header_rid);
  if (s->first_rid)
    reference(x, "w:headerReference", "first", s->first_rid);
  reference(x, "w:footerReference", "default", footer);
  if (s->first_rid)
    reference(x, "w:footerReference", "first", footer);
  page_size(x, s);
  page_margins(x, s->page);
  if (s->first_rid)
    docx_empty_element(x, "w:titlePg");
  scr_xmlw_end(x);
}

scr_error scr_docx_document_xml(const docx_section *last, char **xml,
                                size_t *len, size_t *body_at) {
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
  docx_section_props(&x, last);
  scr_xmlw_end(&x);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
