/*
 * word/footer1.xml: one paragraph in the Footer style (whose right tab stop
 * is at the text width): the footer text, a tab, "Page " and a PAGE field.
 */
#include "docx.h"

#include <string.h>

#define PAGE_LABEL "Page "
#define PAGE_FIELD " PAGE "
/* What the field shows until it is updated: right on the first page. */
#define PAGE_CACHED "1"

scr_error scr_docx_footer_xml(const docx_model *m, char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  const char *footer = m->footer ? m->footer : "";
  scr_xmlw_start(&x, "w:ftr");
  scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_attr(&x, "xmlns:r", DOCX_NS_R);
  scr_xmlw_start(&x, "w:p");
  scr_xmlw_start(&x, "w:pPr");
  docx_val_element(&x, "w:pStyle", DOCX_STYLE_FOOTER);
  scr_xmlw_end(&x);
  docx_text_run(&x, footer, strlen(footer), 0, false);
  docx_text_run(&x, "\t" PAGE_LABEL, strlen("\t" PAGE_LABEL), 0, false);
  docx_field(&x, PAGE_FIELD, PAGE_CACHED, false);
  scr_xmlw_end(&x);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
