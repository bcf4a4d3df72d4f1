/*
 * Fuzzing harness for PDF appendices: the input is a PDF file, opened and
 * checked as an appendix is; when it opens, every page's size and text are
 * read and its first page drawn at 10 dpi. A file refused must say why; one
 * opened must keep every promise of pdfin.h (limits, clean text, a PNG of
 * the size asked for). Any crash, leak or sanitizer report is a finding.
 *
 * Byte 0, bit 0: the rest is the file as it is (0), or (1) its objects and
 * then its trailer dictionary ("trailer << ... >>"), to which the harness
 * adds the cross-reference table: mutations of the objects then keep
 * offsets qpdf accepts, and so reach poppler's reading of the pages.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif

#include "pdfin.h"
#include "util.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
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

/* Whether an object's header ("num gen obj" at a line's start) begins at
   s[i]; its number and generation in *num and *gen. */
static bool object_at(const char *s, size_t n, size_t i, size_t *num,
                      size_t *gen) {
  if (i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r')
    return false;
  size_t value[2] = {0, 0};
  for (int part = 0; part < 2; part++) {
    size_t start = i;
    while (i < n && i - start < 6 && s[i] >= '0' && s[i] <= '9')
      value[part] = value[part] * 10 + (size_t)(s[i++] - '0');
    if (i == start || i >= n || s[i] != ' ')
      return false;
    i++;
  }
  if (n - i < 3 || memcmp(s + i, "obj", 3) != 0)
    return false;
  *num = value[0];
  *gen = value[1];
  return true;
}

/* Room for the objects numbered below this in a made table. */
#define TABLE_OBJECTS 4096

/* The objects in s[0..body), a cross-reference table of every object
   header found in them (the last of a number wins), then s[body..n) (the
   trailer), startxref and %%EOF, as a new buffer. */
static char *with_xref(const char *s, size_t body, size_t n, size_t *len) {
  static size_t offset[TABLE_OBJECTS], generation[TABLE_OBJECTS];
  static bool found[TABLE_OBJECTS];
  size_t count = 1;
  memset(found, 0, sizeof found);
  for (size_t i = 0; i < body; i++) {
    size_t num, gen;
    if (object_at(s, body, i, &num, &gen) && num > 0 && num < TABLE_OBJECTS &&
        gen < 65535) {
      found[num] = true;
      offset[num] = i;
      generation[num] = gen;
      if (num >= count)
        count = num + 1;
    }
  }
  size_t cap = n + 64 + 20 * count;
  char *out = malloc(cap);
  if (!out)
    abort();
  memcpy(out, s, body);
  size_t at = body;
  at += (size_t)snprintf(out + at, cap - at, "xref\n0 %zu\n", count);
  for (size_t i = 0; i < count; i++) {
    if (!found[i])
      at += (size_t)snprintf(out + at, cap - at, "0000000000 65535 f \n");
    else
      at += (size_t)snprintf(out + at, cap - at, "%010zu %05zu n \n", offset[i],
                             generation[i]);
  }
  memcpy(out + at, s + body, n - body);
  at += n - body;
  at +=
      (size_t)snprintf(out + at, cap - at, "\nstartxref\n%zu\n%%%%EOF\n", body);
  *len = at;
  return out;
}

/* The PDF the input describes: its bytes as they are, or its objects and
   trailer with the table made. *owned is what to free. */
static const uint8_t *the_pdf(const uint8_t *data, size_t size, size_t *len,
                              char **owned) {
  *owned = NULL;
  *len = size - 1;
  if (!(data[0] & 1))
    return data + 1;
  const char *s = (const char *)data + 1;
  const char *trailer = NULL;
  for (const char *t = s;
       (t = memmem(t, size - 1 - (size_t)(t - s), "trailer", 7)); t++)
    trailer = t;
  if (!trailer)
    return data + 1;
  *owned = with_xref(s, (size_t)(trailer - s), size - 1, len);
  return (const uint8_t *)*owned;
}

static void open_and_read(const uint8_t *data, size_t size) {
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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  size_t len;
  char *owned;
  const uint8_t *pdf = the_pdf(data, size, &len, &owned);
  open_and_read(pdf, len);
  free(owned);
  return 0;
}
