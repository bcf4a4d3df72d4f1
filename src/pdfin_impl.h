/*
 * What the PDF reader's files share (pdfin.c opens and checks, pdfin_text.c
 * cleans text, pdfin_render.c draws pages): the document and its text's
 * cleaning (the lock is in pdfin.h).
 */
#ifndef SCR_PDFIN_IMPL_H
#define SCR_PDFIN_IMPL_H

#include "pdfin.h"

#include <poppler.h>

#include <stdbool.h>

typedef struct scr_pdf_page {
  double width_pt, height_pt; /* as shown: crop box, rotation applied */
  char *text;                 /* cleaned; never NULL once open */
} scr_pdf_page;

struct scr_pdf {
  unsigned char *data; /* the file's bytes, our copy */
  size_t len;
  GBytes *bytes; /* over data, for poppler */
  PopplerDocument *doc;
  scr_pdf_page *pages;
  size_t n_pages;
  char *title; /* NULL when none */
};

/**
 * `text` (len bytes, any bytes) as valid UTF-8 without what XML 1.0 forbids
 * (invalid UTF-8 becomes U+FFFD), each run of spaces and tabs one space,
 * each line trimmed, at most one empty line in a row, no empty line first
 * or last. With `one_line`, line breaks are spaces too. Caller frees; NULL
 * when out of memory.
 */
char *scr_pdf_clean_text(const char *text, size_t len, bool one_line);

#endif
