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
#include "house.h"
#include "scrutineer.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct scr_template {
  const char *format;          /* "docx" or "odt": the format of the styles
                                  part (a loaded template: of its file) */
  const unsigned char *styles; /* DOCX: word/styles.xml (used as is);
                                  ODT: styles.xml (office:document-styles),
                                  whose font-face-decls and office:styles the
                                  writer copies */
  size_t styles_len;
  const scr_house *house; /* page, art and text that carry across formats;
                             never NULL */
  bool builtin_base;      /* the styles part is the built-in one (with the
                             house applied, for the other format's view) */
  /* Owned by a loaded template: */
  unsigned char *owned;   /* its own format's styles part, repaired */
  unsigned char *derived; /* the other format's: the built-in with the house
                             applied */
  size_t derived_len;
  scr_house *owned_house;
  char digest[SCR_DIGEST_HEX]; /* SHA-256 of the file; "" for the built-in */
  bool spacing_adds; /* a Word template whose settings keep the built-in
                        style's rule (w:doNotUseHTMLParagraphAutoSpacing):
                        the space between two paragraphs is the sum of
                        the first's after and the second's before */
} scr_template;

/** The built-in house style for "docx" or "odt"; never fails. */
scr_template scr_template_builtin(const char *format);
/** Whether `tpl`'s styles part is the built-in house style's (possibly
    with a template's house applied). */
bool scr_template_is_builtin(const scr_template *tpl);

/**
 * What the writer of `format` ("docx" or "odt") uses of `tpl` (NULL: the
 * built-in style): the template's own styles part for its own format, the
 * built-in with the house applied for the other; the house either way. The
 * view borrows from `tpl`, which must outlive it.
 */
scr_template scr_template_view(const scr_template *tpl, const char *format);

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
 * The formats (enum scr_format bits) a template of `format` styles: the
 * DOCX, the ODT and the PDF made from them, whichever it came as; 0 for
 * NULL (not a template's format).
 */
unsigned scr_template_serves(const char *format);

/** The format's name as a reader knows it: "DOCX" or "ODT". */
const char *scr_template_format_label(const char *format);

#endif
