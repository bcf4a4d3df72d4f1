/* House style: built-in templates and reference documents. */
#include "template.h"
#include "diag.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <zip.h>

/* Generated from templates/ by tools/embed.c. */
extern const struct {
  const char *name;
  const unsigned char *data;
  size_t len;
} scr_embedded_templates[];

static const unsigned char *embedded(const char *name, size_t *len) {
  for (size_t i = 0; scr_embedded_templates[i].name; i++)
    if (strcmp(scr_embedded_templates[i].name, name) == 0) {
      *len = scr_embedded_templates[i].len;
      return scr_embedded_templates[i].data;
    }
  *len = 0;
  return NULL;
}

scr_template scr_template_builtin(const char *format) {
  scr_template t = {0};
  t.format = strcmp(format, "odt") == 0 ? "odt" : "docx";
  t.styles = embedded(strcmp(t.format, "odt") == 0 ? "odt/styles.xml"
                                                   : "docx/styles.xml",
                      &t.styles_len);
  return t;
}

void scr_template_free(scr_template *tpl) {
  free(tpl->owned);
  *tpl = (scr_template){0};
}

/* A styles part larger than this is not a house style. */
#define STYLES_MAX_BYTES (8u * 1024u * 1024u)
/* Deflate rarely beats 100:1 on XML; far beyond it is a zip bomb. */
#define MAX_COMPRESSION_RATIO 200

static const char *format_of(const char *path) {
  const char *dot = strrchr(path, '.');
  if (dot && strcmp(dot, ".docx") == 0)
    return "docx";
  if (dot && strcmp(dot, ".odt") == 0)
    return "odt";
  return NULL;
}

/* Read one member of a zip, refusing oversized or bomb-like entries. */
static scr_error read_member(zip_t *z, const char *name, const char *path,
                             scr_diags *diags, unsigned char **out,
                             size_t *len) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name, 0, &st) != 0) {
    scr_error_at(diags, path, 0, 0,
                 "template has no %s: it is not a %s document", name,
                 strcmp(name, "styles.xml") == 0 ? "LibreOffice (.odt)"
                                                 : "Word (.docx)");
    return SCR_E_TEMPLATE;
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > STYLES_MAX_BYTES ||
      ((st.valid & ZIP_STAT_COMP_SIZE) &&
       st.size / (st.comp_size ? st.comp_size : 1) > MAX_COMPRESSION_RATIO)) {
    scr_error_at(diags, path, 0, 0,
                 "template's %s is too large or too highly compressed "
                 "(a zip bomb?)",
                 name);
    return SCR_E_TEMPLATE;
  }
  zip_file_t *f = zip_fopen(z, name, 0);
  unsigned char *data = f ? malloc(st.size + 1) : NULL;
  zip_int64_t n = data ? zip_fread(f, data, st.size) : -1;
  if (f)
    zip_fclose(f);
  if (n < 0 || (zip_uint64_t)n != st.size) {
    free(data);
    scr_error_at(diags, path, 0, 0, "template's %s cannot be read", name);
    return SCR_E_TEMPLATE;
  }
  data[st.size] = '\0';
  *out = data;
  *len = (size_t)st.size;
  return SCR_OK;
}

/* The styles must be plain XML: no DTD, no entities, no network. */
static scr_error check_styles_xml(const unsigned char *data, size_t len,
                                  const char *path, scr_diags *diags) {
  xmlDocPtr doc =
      xmlReadMemory((const char *)data, (int)len, "styles.xml", NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  scr_error err = SCR_OK;
  if (!doc) {
    scr_error_at(diags, path, 0, 0, "template's styles are not valid XML");
    err = SCR_E_TEMPLATE;
  } else if (doc->intSubset || doc->extSubset) {
    scr_error_at(diags, path, 0, 0,
                 "template's styles declare a DOCTYPE, which is not allowed");
    err = SCR_E_TEMPLATE;
  }
  xmlFreeDoc(doc);
  return err;
}

scr_error scr_template_load(const char *path, scr_template *tpl,
                            scr_diags *diags) {
  *tpl = (scr_template){0};
  const char *format = format_of(path);
  if (!format) {
    scr_error_at(diags, path, 0, 0,
                 "a template must be a .docx or .odt document");
    return SCR_E_TEMPLATE;
  }
  int zerr = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (!z) {
    scr_error_at(diags, path, 0, 0,
                 zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN
                     ? "template cannot be opened"
                     : "template is not a zip package (.docx and .odt "
                       "files are zip packages)");
    return SCR_E_TEMPLATE;
  }
  const char *member =
      strcmp(format, "docx") == 0 ? "word/styles.xml" : "styles.xml";
  unsigned char *data = NULL;
  size_t len = 0;
  scr_error err = read_member(z, member, path, diags, &data, &len);
  zip_discard(z);
  if (!err)
    err = check_styles_xml(data, len, path, diags);
  if (err) {
    free(data);
    return err;
  }
  tpl->format = format;
  tpl->styles = data;
  tpl->styles_len = len;
  tpl->owned = data;
  return SCR_OK;
}
