/*
 * Finishing a DOCX: the body wrapped into word/document.xml, and every
 * other part built from the writer's model, added to the package.
 */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>

/* Builds one part and adds it to the package (which takes the bytes). */
typedef scr_error (*model_part_fn)(const docx_model *m, char **xml,
                                   size_t *len);

static scr_error add_model_part(scr_package *pkg, const char *name,
                                model_part_fn fn, const docx_model *m) {
  char *xml = NULL;
  size_t len = 0;
  scr_error err = fn(m, &xml, &len);
  if (err)
    return err;
  return scr_package_add(pkg, name, xml, len, false);
}

static scr_error add_document(docx_writer *dw, scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0, body_at = 0;
  docx_section last = {&dw->model.house->page,
                       dw->last_header_rid[0] ? dw->last_header_rid : NULL,
                       dw->last_first_rid[0] ? dw->last_first_rid : NULL,
                       dw->landscape, false};
  if (dw->pdf_section)
    last = (docx_section){&dw->pdf_page, last.header_rid, NULL, false, true};
  scr_error err = scr_docx_document_xml(&last, &xml, &len, &body_at);
  if (!err)
    err = scr_package_add_around(pkg, DOCX_PART_DOCUMENT, xml, len, body_at,
                                 dw->body_z);
  free(xml);
  return err;
}

static scr_error add_fixed_parts(scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0;
  scr_error err = scr_docx_package_rels_xml(&xml, &len);
  if (!err)
    err = scr_package_add(pkg, DOCX_PART_PACKAGE_RELS, xml, len, false);
  if (!err)
    err = scr_docx_app_xml(&xml, &len);
  if (!err)
    err = scr_package_add(pkg, DOCX_PART_APP, xml, len, false);
  return err;
}

static scr_error add_media(const docx_model *m, scr_package *pkg) {
  scr_error err = SCR_OK;
  for (size_t i = 0; i < m->media_count && !err; i++)
    err = scr_package_add_copy(pkg, m->media[i].part, m->media[i].data,
                               m->media[i].size, false);
  return err;
}

/* Each header part, and the relationships of those showing the art. */
static scr_error add_headers(const docx_model *m, scr_package *pkg) {
  scr_error err = SCR_OK;
  for (size_t i = 0; i < m->header_count && !err; i++) {
    char part[sizeof DOCX_PART_HEADER_RELS_FMT + 3 * sizeof(size_t)];
    snprintf(part, sizeof part, DOCX_PART_HEADER_FMT, i + 1);
    char *xml = NULL;
    size_t len = 0;
    err = scr_docx_header_xml(m, i, &xml, &len);
    if (!err)
      err = scr_package_add(pkg, part, xml, len, false);
    if (err || !m->headers[i].art)
      continue;
    snprintf(part, sizeof part, DOCX_PART_HEADER_RELS_FMT, i + 1);
    err = scr_docx_header_rels_xml(m, i, &xml, &len);
    if (!err)
      err = scr_package_add(pkg, part, xml, len, false);
  }
  return err;
}

static scr_error add_footnotes(docx_writer *dw, scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0;
  scr_error err = scr_docx_footnotes_xml(dw, &xml, &len);
  if (!err)
    err = scr_package_add(pkg, DOCX_PART_FOOTNOTES, xml, len, false);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_FOOTNOTES_RELS,
                         scr_docx_footnotes_rels_xml, &dw->model);
  return err;
}

scr_error docx_finish(void *self, scr_package *pkg) {
  docx_writer *dw = self;
  if (!dw->ended)
    return SCR_E_USAGE;
  if (!dw->tpl || !dw->tpl->styles || dw->tpl->styles_len == 0)
    return SCR_E_TEMPLATE;
  /* the last section's headers, before the parts that list every part */
  if (!dw->last_header_rid[0] && !dw->last_first_rid[0]) {
    scr_error err =
        docx_section_headers(dw, dw->last_header_rid, dw->last_first_rid,
                             sizeof dw->last_header_rid);
    if (err)
      return err;
  }
  const docx_model *m = &dw->model;
  scr_error err = add_model_part(pkg, DOCX_PART_CONTENT_TYPES,
                                 scr_docx_content_types_xml, m);
  if (!err)
    err = add_fixed_parts(pkg);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_CORE, scr_docx_core_xml, m);
  if (!err)
    err = add_document(dw, pkg);
  if (!err)
    err = scr_package_add_copy(pkg, DOCX_PART_STYLES, dw->tpl->styles,
                               dw->tpl->styles_len, false);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_NUMBERING, scr_docx_numbering_xml, m);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_SETTINGS, scr_docx_settings_xml, m);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_FOOTER, scr_docx_footer_xml, m);
  if (!err && m->footer_landscape)
    err = add_model_part(pkg, DOCX_PART_FOOTER_LANDSCAPE,
                         scr_docx_footer_landscape_xml, m);
  if (!err && m->footer_page)
    err =
        add_model_part(pkg, DOCX_PART_FOOTER_PAGE, scr_docx_footer_page_xml, m);
  if (!err)
    err = add_model_part(pkg, DOCX_PART_DOCUMENT_RELS,
                         scr_docx_document_rels_xml, m);
  if (!err)
    err = add_media(m, pkg);
  if (!err)
    err = add_headers(m, pkg);
  if (!err && m->footnotes)
    err = add_footnotes(dw, pkg);
  return err;
}
