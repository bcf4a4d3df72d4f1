/*
 * Document properties: docProps/core.xml (title, subject, creator and
 * language, which readers and screen readers show) and docProps/app.xml
 * (the application that wrote the file).
 */
#include "docx.h"

#define NS_CP                                                                  \
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_EXTENDED                                                            \
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#define APPLICATION "scrutineer/" SCR_VERSION

/* Empty properties are left out rather than written empty. */
static void property(scr_xmlw *x, const char *name, const char *value) {
  if (value && *value)
    scr_xmlw_element(x, name, value);
}

scr_error scr_docx_core_xml(const docx_model *m, char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "cp:coreProperties");
  scr_xmlw_attr(&x, "xmlns:cp", NS_CP);
  scr_xmlw_attr(&x, "xmlns:dc", NS_DC);
  scr_xmlw_attr(&x, "xmlns:dcterms", NS_DCTERMS);
  property(&x, "dc:title", m->title);
  property(&x, "dc:subject", m->subject);
  property(&x, "dc:creator", m->creator);
  property(&x, "dc:language", m->language);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}

scr_error scr_docx_app_xml(char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "Properties");
  scr_xmlw_attr(&x, "xmlns", NS_EXTENDED);
  scr_xmlw_element(&x, "Application", APPLICATION);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
