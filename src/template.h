/*
 * House style: the styles part of a reference document. The default style
 * is built into the binary from templates/; --template takes the styles
 * from a .docx or .odt a council edited in Word or LibreOffice.
 */
#ifndef SCR_TEMPLATE_H
#define SCR_TEMPLATE_H

#include "scrutineer.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct scr_template {
  const char *format;          /* "docx" or "odt" */
  const unsigned char *styles; /* DOCX: word/styles.xml (used as is);
                                  ODT: styles.xml (office:document-styles),
                                  whose font-face-decls and office:styles the
                                  writer copies */
  size_t styles_len;
  unsigned char *owned; /* non-NULL when loaded from a file */
} scr_template;

/** The built-in house style for "docx" or "odt"; never fails. */
scr_template scr_template_builtin(const char *format);
/** Whether `tpl` holds the built-in house style's own bytes. */
bool scr_template_is_builtin(const scr_template *tpl);

struct scr_diags;
/**
 * Load the styles of the reference document at `path` (.docx or .odt) into
 * `*tpl`. Bad templates (not a zip, no styles part, oversized or a zip bomb,
 * XML that does not parse) are reported as diagnostics and return
 * SCR_E_TEMPLATE. Free with scr_template_free.
 */
scr_error scr_template_load(const char *path, scr_template *tpl,
                            struct scr_diags *diags);
void scr_template_free(scr_template *tpl);

#endif
