/*
 * PDF appendices: a PDF a pack links (slides, a scanned letter, a sheet
 * printed to PDF) opened and checked, and what the pack needs read from
 * it: its pages' sizes and text, its title, its pages drawn as PNG.
 *
 * qpdf checks the file strictly first (it refuses what it would have to
 * repair); poppler then reads it. Every qpdf, poppler and cairo call is
 * made behind one lock (scr_pdf_lock): poppler's global state is not safe
 * to set up from two threads, and qpdf's documents share an object that
 * each one's end writes to.
 */
#ifndef SCR_PDFIN_H
#define SCR_PDFIN_H

#include "scrutineer.h"

#include <qpdf/qpdf-c.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCR_PDF_MAX_BYTES ((size_t)100 << 20) /* 100 MB */
#define SCR_PDF_MAX_PAGES 500
#define SCR_PDF_MIN_SIDE 36.0    /* points (half an inch) */
#define SCR_PDF_MAX_SIDE 14400.0 /* points (200 in, PDF's own largest page) */
#define SCR_PDF_MAX_PIXELS (40u * 1000 * 1000) /* a rendered page, at most */
/* A picture in the PDF, at most: poppler reads every row of a picture to
   draw it, however small it is shown (a 10 gigapixel one takes most of a
   minute). A page scanned at 600 dpi is some 35 megapixels. */
#define SCR_PDF_MAX_PICTURE_PIXELS (250ll * 1000 * 1000)
/* A rendered page's longest side in pixels: cairo's image surfaces go no
   further. */
#define SCR_PDF_MAX_PIXEL_SIDE 32767u

typedef struct scr_pdf scr_pdf;

/* Open and check the PDF in data[0..len) (copied: the caller keeps its
   buffer).
   SCR_OK: *out is the document (free with scr_pdf_free).
   SCR_E_SOURCE: the file cannot be a pack's appendix; *why is a sentence
   saying why, in plain words with the fix where there is one, starting
   with a verb so that the caller can write "appendix 'x.pdf' <why>", e.g.
     "is not a PDF (it does not begin with %PDF-)"
     "is encrypted (it has a password or restrictions); save or print it to
      PDF again without them"
     "is damaged (qpdf: <qpdf's first warning or error text>); save or print
      it to PDF again"
     "has no pages"
     "has 612 pages; a PDF appendix may have at most 500"
     "is 140 MB; a PDF appendix may be at most 100 MB"
     "has a page 3 of 0.1 by 11.0 inches; a page must be 0.5 to 200 inches a
      side"
   (*why: caller frees). SCR_E_NOMEM: out of memory (*why NULL). */
scr_error scr_pdf_open(const unsigned char *data, size_t len, scr_pdf **out,
                       char **why);
void scr_pdf_free(scr_pdf *pdf);
size_t scr_pdf_page_count(const scr_pdf *pdf);
/* Page i's size as it is shown: its crop box (default media box), with
   /Rotate applied (a landscape page stored portrait and rotated 90 reports
   width > height). */
void scr_pdf_page_size(const scr_pdf *pdf, size_t i, double *width_pt,
                       double *height_pt);
/* Page i's text: valid UTF-8 without the characters XML 1.0 forbids, each
   run of spaces/tabs one space, lines kept (at most one empty line in a
   row), trimmed; "" when the page has no text (a scanned page). Borrowed
   from pdf. */
const char *scr_pdf_page_text(const scr_pdf *pdf, size_t i);
/* The document's title (Info /Title, as poppler gives it), cleaned as the
   text is and on one line, or NULL when none or only whitespace. Borrowed
   from pdf. */
const char *scr_pdf_title(const scr_pdf *pdf);
/* The file's bytes. Borrowed from pdf. */
const unsigned char *scr_pdf_data(const scr_pdf *pdf, size_t *len);
/* Page i drawn at `dpi` on white, as a PNG (RGB, no alpha). The resolution
   is lowered for a page so large that it would exceed SCR_PDF_MAX_PIXELS
   (or SCR_PDF_MAX_PIXEL_SIDE a side). *png: caller frees;
   *width_px and *height_px: its size. SCR_E_NOMEM; SCR_E_SOURCE if
   poppler/cairo fail; SCR_E_USAGE for a page past the last or a dpi below
   1. Safe to call from two threads at once on the same or different
   documents. */
scr_error scr_pdf_render_png(const scr_pdf *pdf, size_t i, int dpi,
                             unsigned char **png, size_t *png_len,
                             uint32_t *width_px, uint32_t *height_px);

/* The lock held around every qpdf, poppler and cairo call made here. Code
   elsewhere that calls those libraries while a PDF may be read on another
   thread holds it too (not around calls of this module: it is not
   recursive). */
void scr_pdf_lock(void);
void scr_pdf_unlock(void);

/* The keys of qpdf dictionary `d` (none when it is not one) into *keys
   and *n: qpdf has one key iterator, so they are taken before any is used.
   Caller frees each and the array. False when out of memory (nothing to
   free). Call behind the lock. */
bool scr_qpdf_keys(qpdf_data q, qpdf_oh d, char ***keys, size_t *n);

#endif
