/* A Word or LibreOffice report: its package checked, then read. */
#include "report.h"

#include "util.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* Windows names files "Budget.DOCX" as often as "budget.docx". */
static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

bool scr_report_is_office(const char *path) {
  return ends_with(path, ".docx") || ends_with(path, ".odt");
}

bool scr_report_is_pdf(const char *path) {
  return ends_with(path, ".pdf");
}

/* [Content_Types].xml, which says what the main part is: a document, a
   template, or one with macros (which a pack must not carry on). */
static scr_error check_docx_type(const scr_zpkg *p) {
  xmlDocPtr doc = NULL;
  scr_error err = scr_zpkg_read_xml(p, "[Content_Types].xml",
                                    SCR_REPORT_PART_MAX_BYTES, &doc);
  if (err)
    return err;
  if (!doc) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report has no [Content_Types].xml: it is not a Word "
                 "document");
    return SCR_E_SOURCE;
  }
  bool macros = false;
  for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *type = xmlGetProp(n, BAD_CAST "ContentType");
    macros = macros || (type && strstr((const char *)type, "macroEnabled"));
    xmlFree(type);
  }
  xmlFreeDoc(doc);
  if (macros) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report is a macro-enabled Word document (.docm); save it "
                 "in Word as a .docx document");
    return SCR_E_SOURCE;
  }
  return SCR_OK;
}

/* An ODF package's mimetype names a text; its manifest says whether its
   parts are encrypted (saved with a password). */
static scr_error check_odt_type(const scr_zpkg *p) {
  unsigned char *type = NULL, *manifest = NULL;
  size_t len = 0, mlen = 0;
  scr_error err = scr_zpkg_read(p, "mimetype", 256, &type, &len);
  if (!err)
    err = scr_zpkg_read(p, "META-INF/manifest.xml", SCR_REPORT_PART_MAX_BYTES,
                        &manifest, &mlen);
  if (!err && type &&
      strcmp((const char *)type, "application/vnd.oasis.opendocument.text") &&
      strcmp((const char *)type,
             "application/vnd.oasis.opendocument.text-template")) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report's mimetype is '%.*s', not an OpenDocument text's "
                 "(application/vnd.oasis.opendocument.text)",
                 (int)scr_printable_ascii_prefix(type, len), type);
    err = SCR_E_SOURCE;
  }
  if (!err && manifest && strstr((const char *)manifest, "encryption-data")) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report is encrypted (saved with a password): save it in "
                 "LibreOffice without one");
    err = SCR_E_SOURCE;
  }
  free(type);
  free(manifest);
  return err;
}

scr_error scr_report_markdown(const char *path, const char *picture_dir,
                              char **out, size_t *len,
                              scr_embedded_set *pictures, scr_diags *diags) {
  *out = NULL;
  *len = 0;
  *pictures = (scr_embedded_set){0};
  bool odt = ends_with(path, ".odt");
  scr_zpkg p;
  scr_error err = scr_zpkg_open(&p, path, "report", SCR_REPORT_MAX_BYTES,
                                SCR_E_SOURCE, diags);
  if (!err)
    err = odt ? check_odt_type(&p) : check_docx_type(&p);
  scr_rtext *t = err ? NULL : scr_rtext_new(path, picture_dir, diags);
  if (!err && !t)
    err = SCR_E_NOMEM;
  if (!err)
    err = odt ? scr_report_read_odt(&p, t) : scr_report_read_docx(&p, t);
  if (!err)
    err = scr_rtext_finish(t, out, len, pictures);
  if (err == SCR_E_NOMEM)
    scr_error_at(diags, path, 0, 0, "out of memory");
  scr_rtext_free(t);
  scr_zpkg_close(&p);
  return err == SCR_E_NOMEM ? SCR_E_NOMEM : err ? SCR_E_SOURCE : SCR_OK;
}
