/*
 * Relationships: _rels/.rels (the package's: document, core and app
 * properties) and word/_rels/document.xml.rels (the document's: styles,
 * numbering, settings, footer, then hyperlinks, images and headers in order
 * of use).
 */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REL_BASE                                                               \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL_OFFICE_DOCUMENT REL_BASE "officeDocument"
#define REL_EXTENDED_PROPERTIES REL_BASE "extended-properties"
#define REL_CORE_PROPERTIES                                                    \
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"     \
  "core-properties"
#define REL_STYLES REL_BASE "styles"
#define REL_NUMBERING REL_BASE "numbering"
#define REL_SETTINGS REL_BASE "settings"
#define REL_FOOTER REL_BASE "footer"
#define REL_HYPERLINK REL_BASE "hyperlink"
#define REL_IMAGE REL_BASE "image"
#define REL_HEADER REL_BASE "header"
#define REL_FOOTNOTES REL_BASE "footnotes"
#define RID_FOOTNOTES "rIdFootnotes"
#define TARGET_FOOTNOTES "footnotes.xml"

/* Ids in _rels/.rels */
#define PKG_RID_DOCUMENT "rId1"
#define PKG_RID_CORE "rId2"
#define PKG_RID_APP "rId3"

/* Targets in word/_rels are relative to word/. */
#define TARGET_STYLES "styles.xml"
#define TARGET_NUMBERING "numbering.xml"
#define TARGET_SETTINGS "settings.xml"
#define TARGET_FOOTER "footer1.xml"
#define TARGET_FOOTER_LANDSCAPE "footer2.xml"
#define TARGET_FOOTER_PAGE "footer3.xml"

scr_error docx_model_add_rel(docx_model *m, docx_rel_kind kind, char *target,
                             size_t *index) {
  if (scr_reserve(&m->rels, &m->rel_cap, m->rel_count + 1, sizeof *m->rels)) {
    free(target);
    return SCR_E_NOMEM;
  }
  m->rels[m->rel_count] = (docx_rel){kind, target};
  *index = m->rel_count++;
  return SCR_OK;
}

static void relationship(scr_xmlw *x, const char *id, const char *type,
                         const char *target, bool external) {
  scr_xmlw_start(x, "Relationship");
  scr_xmlw_attr(x, "Id", id);
  scr_xmlw_attr(x, "Type", type);
  scr_xmlw_attr(x, "Target", target);
  if (external)
    scr_xmlw_attr(x, "TargetMode", "External");
  scr_xmlw_end(x);
}

static void start_relationships(scr_xmlw *x) {
  scr_xmlw_start(x, "Relationships");
  scr_xmlw_attr(x, "xmlns", DOCX_NS_PKG_RELS);
}

scr_error scr_docx_package_rels_xml(char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  start_relationships(&x);
  relationship(&x, PKG_RID_DOCUMENT, REL_OFFICE_DOCUMENT, DOCX_PART_DOCUMENT,
               false);
  relationship(&x, PKG_RID_CORE, REL_CORE_PROPERTIES, DOCX_PART_CORE, false);
  relationship(&x, PKG_RID_APP, REL_EXTENDED_PROPERTIES, DOCX_PART_APP, false);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}

static void dynamic_relationship(scr_xmlw *x, const docx_rel *rel,
                                 size_t index) {
  char id[sizeof "rId" + 3 * sizeof(size_t)];
  snprintf(id, sizeof id, "rId%zu", index + DOCX_RID_FIRST_DYNAMIC);
  if (rel->kind == DOCX_REL_HYPERLINK)
    relationship(x, id, REL_HYPERLINK, rel->target, true);
  else if (rel->kind == DOCX_REL_HEADER)
    relationship(x, id, REL_HEADER, rel->target, false);
  else
    relationship(x, id, REL_IMAGE, rel->target, false);
}

/* The document's relationships, or those the notes' content may use: the
   same ids, without the parts only the document names. */
static scr_error relationships(const docx_model *m, bool document, char **xml,
                               size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  start_relationships(&x);
  if (document) {
    relationship(&x, DOCX_RID_STYLES, REL_STYLES, TARGET_STYLES, false);
    relationship(&x, DOCX_RID_NUMBERING, REL_NUMBERING, TARGET_NUMBERING,
                 false);
    relationship(&x, DOCX_RID_SETTINGS, REL_SETTINGS, TARGET_SETTINGS, false);
    relationship(&x, DOCX_RID_FOOTER, REL_FOOTER, TARGET_FOOTER, false);
    if (m->footer_landscape)
      relationship(&x, DOCX_RID_FOOTER_LANDSCAPE, REL_FOOTER,
                   TARGET_FOOTER_LANDSCAPE, false);
    if (m->footer_page)
      relationship(&x, DOCX_RID_FOOTER_PAGE, REL_FOOTER, TARGET_FOOTER_PAGE,
                   false);
    if (m->footnotes)
      relationship(&x, RID_FOOTNOTES, REL_FOOTNOTES, TARGET_FOOTNOTES, false);
  }
  for (size_t i = 0; i < m->rel_count; i++)
    if (document || m->rels[i].kind != DOCX_REL_HEADER)
      dynamic_relationship(&x, &m->rels[i], i);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}

scr_error scr_docx_document_rels_xml(const docx_model *m, char **xml,
                                     size_t *len) {
  return relationships(m, true, xml, len);
}

scr_error scr_docx_footnotes_rels_xml(const docx_model *m, char **xml,
                                      size_t *len) {
  return relationships(m, false, xml, len);
}
