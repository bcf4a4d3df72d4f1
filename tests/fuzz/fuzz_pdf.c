/*
 * Fuzzing harness for PDF appendices: the input is a PDF file, opened and
 * checked as an appendix is; when it opens, every page's size and text are
 * read and its first page drawn at 10 dpi. A file refused must say why; one
 * opened must keep every promise of pdfin.h (limits, clean text, a PNG of
 * the size asked for). Any crash, leak or sanitizer report is a finding.
 */
#include "pdfin.h"
#include "util.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);

/* fontconfig, which poppler asks for the fonts a PDF names but does not
   embed, reads its configuration once, at its first use, and frees it only
   in FcFini (which no library may call: others share it); leak checkers
   report 288 bytes of it lost, once a process. Not ours, and never more. */
const char *__lsan_default_suppressions(void) {
  return "leak:libfontconfig.so\n";
}

/* Text as pdfin.h promises it: valid UTF-8 without what XML forbids, no
   tab, no space or line break at either end, no space beside a line
   break nor two in a row, at most one empty line in a row; on one line
   for a title. */
static void check_clean(const char *s, bool one_line) {
  size_t n = strlen(s);
  if (n && (s[0] == ' ' || s[0] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\n'))
    abort();
  if (strstr(s, "  ") || strstr(s, " \n") || strstr(s, "\n ") ||
      strstr(s, "\n\n\n") || strchr(s, '\t') || strchr(s, '\r'))
    abort();
  if (one_line && strchr(s, '\n'))
    abort();
  for (size_t i = 0; i < n;) {
    uint32_t cp = 0;
    size_t len = scr_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!len || (cp < 0x20 && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF)
      abort();
    i += len;
  }
}

static void check_pages(const scr_pdf *pdf) {
  size_t n = scr_pdf_page_count(pdf);
  if (n < 1 || n > SCR_PDF_MAX_PAGES)
    abort();
  for (size_t i = 0; i < n; i++) {
    double w, h;
    scr_pdf_page_size(pdf, i, &w, &h);
    if (!(w >= SCR_PDF_MIN_SIDE && w <= SCR_PDF_MAX_SIDE &&
          h >= SCR_PDF_MIN_SIDE && h <= SCR_PDF_MAX_SIDE))
      abort();
    check_clean(scr_pdf_page_text(pdf, i), false);
  }
  const char *title = scr_pdf_title(pdf);
  if (title && (!*title))
    abort();
  if (title)
    check_clean(title, true);
}

/* A side of `pt` points in whole pixels at `dpi` (at least one). */
static uint32_t pixels(double pt, int dpi) {
  double px = ceil(pt * (dpi / 72.0) - 1e-6);
  return px < 1 ? 1 : (uint32_t)px;
}

static void check_render(const scr_pdf *pdf) {
  unsigned char *png = NULL;
  size_t len = 0;
  uint32_t w = 0, h = 0;
  scr_error err = scr_pdf_render_png(pdf, 0, 10, &png, &len, &w, &h);
  if (err && (err != SCR_E_SOURCE || png))
    abort();
  if (!err) {
    double wpt, hpt;
    scr_pdf_page_size(pdf, 0, &wpt, &hpt);
    /* at 10 dpi no page reaches the limits: its size is as asked */
    if (len < 8 || memcmp(png, "\x89PNG\r\n\x1a\n", 8) != 0 ||
        w != pixels(wpt, 10) || h != pixels(hpt, 10))
      abort();
  }
  free(png);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  scr_pdf *pdf = NULL;
  char *why = NULL;
  scr_error err = scr_pdf_open(data, size, &pdf, &why);
  if (err == SCR_E_SOURCE && (!why || !*why || pdf))
    abort();
  if (err != SCR_OK && err != SCR_E_SOURCE)
    abort();
  if (!err) {
    size_t len = 0;
    if (scr_pdf_data(pdf, &len) == data || len != size || why)
      abort();
    check_pages(pdf);
    check_render(pdf);
  }
  scr_pdf_free(pdf);
  free(why);
  return 0;
}
