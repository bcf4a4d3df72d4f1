/*
 * word/header<n>.xml: the running header of a section, one centred bold
 * line ("NOT FOR PUBLICATION"), or an empty paragraph; above it, when the
 * house has header art that shows on this page, the art in its own
 * paragraph, its picture one media part for the whole package, named by
 * the header's own relationships (word/_rels/header<n>.xml.rels). Once a
 * document has sections every section names its header, since Word would
 * otherwise carry the previous section's header on.
 */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REL_IMAGE                                                              \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

/* The art's picture as a media part, added once. */
static scr_error add_art_media(docx_model *m) {
  if (m->art_added)
    return SCR_OK;
  scr_error err = docx_model_add_media(m, &m->house->art.image, &m->art_media);
  m->art_added = !err;
  return err;
}

scr_error docx_model_header(docx_model *m, const char *text, bool art,
                            char *rid, size_t cap) {
  const char *want = text ? text : "";
  art = art && m->house->has_art;
  size_t i = 0;
  while (i < m->header_count &&
         (strcmp(m->headers[i].text, want) != 0 || m->headers[i].art != art))
    i++;
  if (i == m->header_count) {
    scr_error err = art ? add_art_media(m) : SCR_OK;
    if (err || scr_reserve(&m->headers, &m->header_cap, m->header_count + 1,
                           sizeof *m->headers))
      return err ? err : SCR_E_NOMEM;
    char *copy = scr_strdup(want);
    char *target = scr_asprintf("header%zu.xml", i + 1);
    if (!copy || !target) {
      free(copy);
      free(target);
      return SCR_E_NOMEM;
    }
    size_t rel = 0;
    /* the relationship takes `target`, even when it fails */
    err = docx_model_add_rel(m, DOCX_REL_HEADER, target, &rel);
    if (err) {
      free(copy);
      return err;
    }
    m->headers[m->header_count++] = (docx_header){copy, rel, art};
  }
  snprintf(rid, cap, "rId%zu", m->headers[i].rel + DOCX_RID_FIRST_DYNAMIC);
  return SCR_OK;
}

/* The art in a paragraph of its own, in its alignment, with no space
   around it but the picture's height. */
static void art_paragraph(scr_xmlw *x, const docx_model *m, size_t index) {
  static const char *const JC[] = {NULL, "center", "right"};
  const scr_house_art *art = &m->house->art;
  const char *jc = art->align >= 0 && art->align <= 2 ? JC[art->align] : NULL;
  scr_xmlw_start(x, "w:p");
  scr_xmlw_start(x, "w:pPr");
  docx_spacing_none(x, "240", "auto");
  if (jc)
    docx_val_element(x, "w:jc", jc);
  scr_xmlw_end(x); /* w:pPr */
  docx_drawing(x, &art->image, DOCX_ART_DRAWING_ID + (unsigned)index,
               DOCX_RID_ART);
  scr_xmlw_end(x); /* w:p */
}

scr_error scr_docx_header_xml(const docx_model *m, size_t index, char **xml,
                              size_t *len) {
  const docx_header *h = &m->headers[index];
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:hdr");
  if (h->art) {
    docx_namespaces(&x);
    art_paragraph(&x, m, index);
  } else {
    scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
    scr_xmlw_attr(&x, "xmlns:r", DOCX_NS_R);
  }
  /* a header of the art alone ends with it: Word ends every story with a
     paragraph, and the art's is one */
  if (*h->text || !h->art) {
    scr_xmlw_start(&x, "w:p");
    if (*h->text) {
      scr_xmlw_start(&x, "w:pPr");
      docx_val_element(&x, "w:jc", "center");
      scr_xmlw_end(&x);
      docx_text_run(&x, h->text, strlen(h->text), SCR_RUN_BOLD, false);
    }
    scr_xmlw_end(&x);
  }
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}

scr_error scr_docx_header_rels_xml(const docx_model *m, size_t index,
                                   char **xml, size_t *len) {
  (void)index;
  const docx_media *md = &m->media[m->art_media];
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "Relationships");
  scr_xmlw_attr(&x, "xmlns", DOCX_NS_PKG_RELS);
  scr_xmlw_start(&x, "Relationship");
  scr_xmlw_attrf(&x, "Id", "rId%d", DOCX_RID_ART);
  scr_xmlw_attr(&x, "Type", REL_IMAGE);
  /* relative to word/, where the header is */
  scr_xmlw_attr(&x, "Target", md->part + strlen(DOCX_PART_WORD_DIR));
  scr_xmlw_end(&x);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
