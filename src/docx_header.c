/*
 * word/header<n>.xml: the running header of a section, one centred bold
 * line ("NOT FOR PUBLICATION"), or an empty paragraph. Once a document has
 * sections every section names its header, since Word would otherwise
 * carry the previous section's header on.
 */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

scr_error docx_model_header(docx_model *m, const char *text, char *rid,
                            size_t cap) {
  const char *want = text ? text : "";
  size_t i = 0;
  while (i < m->header_count && strcmp(m->headers[i].text, want) != 0)
    i++;
  if (i == m->header_count) {
    if (scr_reserve(&m->headers, &m->header_cap, m->header_count + 1,
                    sizeof *m->headers))
      return SCR_E_NOMEM;
    char *copy = scr_strdup(want);
    char *target = scr_asprintf("header%zu.xml", i + 1);
    if (!copy || !target) {
      free(copy);
      free(target);
      return SCR_E_NOMEM;
    }
    size_t rel = 0;
    /* the relationship takes `target`, even when it fails */
    scr_error err = docx_model_add_rel(m, DOCX_REL_HEADER, target, &rel);
    if (err) {
      free(copy);
      return err;
    }
    m->headers[m->header_count++] = (docx_header){copy, rel};
  }
  snprintf(rid, cap, "rId%zu", m->headers[i].rel + DOCX_RID_FIRST_DYNAMIC);
  return SCR_OK;
}

scr_error scr_docx_header_xml(const docx_header *h, char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:hdr");
  scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_attr(&x, "xmlns:r", DOCX_NS_R);
  scr_xmlw_start(&x, "w:p");
  if (*h->text) {
    scr_xmlw_start(&x, "w:pPr");
    docx_val_element(&x, "w:jc", "center");
    scr_xmlw_end(&x);
    docx_text_run(&x, h->text, strlen(h->text), SCR_RUN_BOLD, false);
  }
  scr_xmlw_end(&x);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
