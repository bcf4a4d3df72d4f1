/*
 * meta.xml: office:document-meta. Title, subject, language and creator make
 * the document describable to assistive technology and to search. No dates:
 * the same sources give the same bytes.
 */
#include "odt.h"

#include <string.h>

static const char *const META_NS[] = {"office", "meta", "dc", NULL};

/* An element holding `text`, left out when there is no text. */
static void optional_element(scr_xmlw *x, const char *name, const char *text) {
  if (text && *text)
    scr_xmlw_element(x, name, text);
}

scr_error scr_odt_meta_xml(const odt_doc *doc, char **data, size_t *len) {
  scr_xmlw x = {0};
  scr_error err =
      scr_odt_part_open(&x, "office:document-meta", META_NS, "office:version");
  if (err)
    return err;
  scr_xmlw_start(&x, "office:meta");
  scr_xmlw_element(&x, "meta:generator", ODT_GENERATOR);
  optional_element(&x, "dc:title", doc->title);
  optional_element(&x, "dc:subject", doc->subject);
  optional_element(&x, "meta:initial-creator", doc->creator);
  optional_element(&x, "dc:creator", doc->creator);
  /* dc:language must be a language tag; anything else is left out. */
  if (scr_odt_language_ok(doc->language))
    scr_xmlw_element(&x, "dc:language", doc->language);
  scr_xmlw_end(&x); /* office:meta */
  scr_xmlw_end(&x); /* office:document-meta */
  return scr_xmlw_close(&x, data, len);
}
