/*
 * House style: the styles part of a reference document. The default style
 * is built into the binary from templates/; a council's own comes from a
 * .docx or .odt edited in Word or LibreOffice, named once in committee.md
 * (`template:`) or for one run with --template.
 *
 * A template is checked as it is loaded (template.c) and then repaired
 * (template_docx.c, template_odt.c): what real templates commonly lack or
 * carry is put right once, each repair a warning, so that every style the
 * writers use exists and no heading is numbered by lists the documents do
 * not carry. The writers then copy the repaired part as it is.
 */
#ifndef SCR_TEMPLATE_H
#define SCR_TEMPLATE_H

#include "digest.h"
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
  unsigned char *owned;        /* non-NULL when loaded from a file */
  char digest[SCR_DIGEST_HEX]; /* SHA-256 of the file; "" for the built-in */
} scr_template;

/** The built-in house style for "docx" or "odt"; never fails. */
scr_template scr_template_builtin(const char *format);
/** Whether `tpl` holds the built-in house style's own bytes. */
bool scr_template_is_builtin(const scr_template *tpl);

struct scr_diags;
/**
 * Load the styles of the reference document at `path` (.docx or .odt) into
 * `*tpl`, repaired (scr_template_repair), each repair a warning naming the
 * file. Bad templates (not a zip, not a text document, no styles part,
 * oversized or a zip bomb, XML that does not parse or is not the format's
 * styles part) are reported as errors naming the part and return
 * SCR_E_TEMPLATE. Free with scr_template_free.
 */
scr_error scr_template_load(const char *path, scr_template *tpl,
                            struct scr_diags *diags);
void scr_template_free(scr_template *tpl);

/**
 * Repair a styles part of `format` ("docx" or "odt"), already checked to be
 * that format's styles part: list numbering on the styles the documents use
 * removed; styles the template has under another name (LibreOffice's
 * "Text body") used under the documents' name; a default paragraph style
 * and every style the writers use that is missing, added from the built-in
 * style. Each repair is a warning against `path`. `*out` is the repaired
 * part (caller frees), or NULL when nothing needed repair. SCR_E_TEMPLATE
 * when the part does not parse, SCR_E_NOMEM.
 */
scr_error scr_template_repair(const char *format, const unsigned char *styles,
                              size_t len, const char *path,
                              struct scr_diags *diags, unsigned char **out,
                              size_t *out_len);

/** The format a template of this file name is: "docx" for .docx, "odt" for
    .odt, else NULL. */
const char *scr_template_format_of(const char *path);

/**
 * The formats (enum scr_format bits) a template of `format` styles: its
 * own, and the PDF, which is made from the document that carries it. The
 * other editable format keeps the built-in style.
 */
unsigned scr_template_serves(const char *format);

/** The format's name as a reader knows it: "DOCX" or "ODT". */
const char *scr_template_format_label(const char *format);

#endif
