/* A template's package read part by part, under the limits every part of
   a template is read with: its size, its compression (a zip bomb), whole
   (its CRC checked), and XML with no network, no entities and no DTD. */
#include "diag.h"
#include "template_styles.h"

#include <libxml/parser.h>
#include <stdbool.h>
#include <stdlib.h>
#include <zip.h>

scr_error tpl_read(const tpl_package *p, const char *name, size_t max,
                   unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(p->zip, name, 0, &st) != 0)
    return SCR_OK;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > max ||
      ((st.valid & ZIP_STAT_COMP_SIZE) &&
       st.size / (st.comp_size ? st.comp_size : 1) >
           TPL_MAX_COMPRESSION_RATIO)) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "template's %s is too large or too highly compressed "
                 "(a zip bomb?)",
                 name);
    return SCR_E_TEMPLATE;
  }
  zip_file_t *f = zip_fopen(p->zip, name, 0);
  unsigned char *data = f ? malloc(st.size + 1) : NULL;
  zip_int64_t n = data ? zip_fread(f, data, st.size) : -1;
  /* libzip checks the part's CRC when a read reaches its end: read once
     more, so that a corrupted part is refused rather than used */
  unsigned char past_end;
  bool whole =
      n >= 0 && (zip_uint64_t)n == st.size && zip_fread(f, &past_end, 1) == 0;
  if (f)
    zip_fclose(f);
  if (!whole) {
    free(data);
    scr_error_at(p->diags, p->path, 0, 0, "template's %s cannot be read", name);
    return SCR_E_TEMPLATE;
  }
  data[st.size] = '\0';
  *out = data;
  *len = (size_t)st.size;
  return SCR_OK;
}

scr_error tpl_read_xml(const tpl_package *p, const char *name, xmlDocPtr *doc) {
  *doc = NULL;
  unsigned char *data = NULL;
  size_t len = 0;
  scr_error err = tpl_read(p, name, TPL_PART_MAX_BYTES, &data, &len);
  if (err || !data)
    return err;
  *doc =
      xmlReadMemory((const char *)data, (int)len, name, NULL, TPL_XML_OPTIONS);
  free(data);
  if (!*doc) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "template's %s is not well-formed XML", name);
    return SCR_E_TEMPLATE;
  }
  if ((*doc)->intSubset || (*doc)->extSubset) {
    xmlFreeDoc(*doc);
    *doc = NULL;
    scr_error_at(p->diags, p->path, 0, 0,
                 "template's %s declares a DOCTYPE, which is not allowed",
                 name);
    return SCR_E_TEMPLATE;
  }
  return SCR_OK;
}
