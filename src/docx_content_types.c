/*
 * [Content_Types].xml: a content type for every part, by extension
 * (Default) or by name (Override).
 */
#include "docx.h"

#include <stdio.h>
#include <string.h>

#define CT_RELS "application/vnd.openxmlformats-package.relationships+xml"
#define CT_XML "application/xml"
#define CT_PNG "image/png"
#define CT_JPEG "image/jpeg"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define CT_DOCUMENT CT_WML "document.main+xml"
#define CT_STYLES CT_WML "styles+xml"
#define CT_NUMBERING CT_WML "numbering+xml"
#define CT_SETTINGS CT_WML "settings+xml"
#define CT_FOOTER CT_WML "footer+xml"
#define CT_HEADER CT_WML "header+xml"
#define CT_FOOTNOTES CT_WML "footnotes+xml"
#define CT_CORE "application/vnd.openxmlformats-package.core-properties+xml"
#define CT_APP                                                                 \
  "application/vnd.openxmlformats-officedocument.extended-properties+xml"

static void default_type(scr_xmlw *x, const char *ext, const char *type) {
  scr_xmlw_start(x, "Default");
  scr_xmlw_attr(x, "Extension", ext);
  scr_xmlw_attr(x, "ContentType", type);
  scr_xmlw_end(x);
}

static void override_type(scr_xmlw *x, const char *part, const char *type) {
  scr_xmlw_start(x, "Override");
  scr_xmlw_attrf(x, "PartName", "/%s", part);
  scr_xmlw_attr(x, "ContentType", type);
  scr_xmlw_end(x);
}

static bool builtin_ext(const char *ext) {
  return strcmp(ext, "rels") == 0 || strcmp(ext, "xml") == 0 ||
         strcmp(ext, "png") == 0 || strcmp(ext, "jpeg") == 0;
}

/* Media of another extension ("jpg", "gif") get a Default of their own,
   once each. */
static void media_types(scr_xmlw *x, const docx_model *m) {
  for (size_t i = 0; i < m->media_count; i++) {
    const docx_media *md = &m->media[i];
    bool seen = builtin_ext(md->ext);
    for (size_t j = 0; j < i && !seen; j++)
      seen = strcmp(m->media[j].ext, md->ext) == 0;
    if (!seen)
      default_type(x, md->ext, md->mime);
  }
}

scr_error scr_docx_content_types_xml(const docx_model *m, char **xml,
                                     size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "Types");
  scr_xmlw_attr(&x, "xmlns", DOCX_NS_CONTENT_TYPES);
  default_type(&x, "rels", CT_RELS);
  default_type(&x, "xml", CT_XML);
  default_type(&x, "png", CT_PNG);
  default_type(&x, "jpeg", CT_JPEG);
  media_types(&x, m);
  override_type(&x, DOCX_PART_DOCUMENT, CT_DOCUMENT);
  override_type(&x, DOCX_PART_STYLES, CT_STYLES);
  override_type(&x, DOCX_PART_NUMBERING, CT_NUMBERING);
  override_type(&x, DOCX_PART_SETTINGS, CT_SETTINGS);
  override_type(&x, DOCX_PART_FOOTER, CT_FOOTER);
  if (m->footer_landscape)
    override_type(&x, DOCX_PART_FOOTER_LANDSCAPE, CT_FOOTER);
  if (m->footer_page)
    override_type(&x, DOCX_PART_FOOTER_PAGE, CT_FOOTER);
  if (m->footnotes)
    override_type(&x, DOCX_PART_FOOTNOTES, CT_FOOTNOTES);
  for (size_t i = 0; i < m->header_count; i++) {
    char part[sizeof DOCX_PART_HEADER_FMT + 3 * sizeof(size_t)];
    snprintf(part, sizeof part, DOCX_PART_HEADER_FMT, i + 1);
    override_type(&x, part, CT_HEADER);
  }
  override_type(&x, DOCX_PART_CORE, CT_CORE);
  override_type(&x, DOCX_PART_APP, CT_APP);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
