/* House style: built-in templates and reference documents. */
#include "template.h"
#include "diag.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

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
