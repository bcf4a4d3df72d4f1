/*
 * PDFs for the unit tests, made with qpdf's C API: pages of any size,
 * rotation and crop box, each with lines of text in Helvetica (a standard
 * Type 1 font, never embedded) and, where asked, a black mark in its
 * lower left corner; a title; a password or restrictions.
 */
#ifndef SCR_TEST_PDF_FIXTURE_H
#define SCR_TEST_PDF_FIXTURE_H

#include <qpdf/qpdf-c.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fx_page {
  double width, height; /* the media box, points */
  int rotate;           /* /Rotate, 0 for none */
  const char *text;     /* lines, split at '\n'; NULL for no text */
  const char *crop;     /* "[x0 y0 x1 y1]", or NULL for none */
  bool mark;            /* a black 100 by 50 pt box at the origin */
} fx_page;

typedef enum fx_lock {
  FX_PLAIN,
  FX_PASSWORD,  /* a password to open it */
  FX_RESTRICTED /* opens without one, but printing is not allowed */
} fx_lock;

/* The content stream drawing `page`'s mark and text. Caller frees. */
static char *fx_content(const fx_page *page) {
  size_t cap = 256 + (page->text ? 16 * strlen(page->text) : 0);
  char *s = malloc(cap);
  if (!s)
    abort();
  size_t n =
      (size_t)snprintf(s, cap, "%s", page->mark ? "0 0 100 50 re f\n" : "");
  if (page->text) {
    n += (size_t)snprintf(s + n, cap - n, "BT /F1 12 Tf 14 TL 72 %g Td (",
                          page->height - 72);
    for (const char *c = page->text; *c; c++) {
      if (*c == '(' || *c == ')' || *c == '\\')
        abort(); /* not escaped here: not in the tests' texts */
      n +=
          (size_t)snprintf(s + n, cap - n, *c == '\n' ? ") Tj T* (" : "%c", *c);
    }
    snprintf(s + n, cap - n, ") Tj ET\n");
  }
  return s;
}

static qpdf_oh fx_new_page(qpdf_data q, qpdf_oh font, const fx_page *page) {
  char dict[256];
  snprintf(dict, sizeof dict,
           "<< /Type /Page /MediaBox [0 0 %g %g] /Rotate %d >>", page->width,
           page->height, page->rotate);
  qpdf_oh p = qpdf_oh_parse(q, dict);
  if (page->crop)
    qpdf_oh_replace_key(q, p, "/CropBox", qpdf_oh_parse(q, page->crop));
  qpdf_oh fonts = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, fonts, "/F1", font);
  qpdf_oh resources = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, resources, "/Font", fonts);
  qpdf_oh_replace_key(q, p, "/Resources", resources);
  char *content = fx_content(page);
  qpdf_oh stream = qpdf_oh_new_stream(q);
  qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)content,
                              strlen(content), qpdf_oh_new_null(q),
                              qpdf_oh_new_null(q));
  free(content);
  qpdf_oh_replace_key(q, p, "/Contents", stream);
  return qpdf_make_indirect_object(q, p);
}

static void fx_set_title(qpdf_data q, const char *title) {
  /* made first as a plain string, so that qpdf makes the Info dictionary,
     then as a text string (UTF-16 where it needs to be) */
  qpdf_set_info_key(q, "/Title", "");
  qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
  qpdf_oh_replace_key(q, info, "/Title", qpdf_oh_new_unicode_string(q, title));
}

static void fx_lock_with(qpdf_data q, fx_lock lock) {
  if (lock == FX_PASSWORD)
    qpdf_set_r6_encryption_parameters2(q, "user", "owner", QPDF_TRUE, QPDF_TRUE,
                                       QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                       QPDF_TRUE, qpdf_r3p_full, QPDF_TRUE);
  else if (lock == FX_RESTRICTED)
    qpdf_set_r6_encryption_parameters2(q, "", "owner", QPDF_TRUE, QPDF_TRUE,
                                       QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                       QPDF_TRUE, qpdf_r3p_none, QPDF_TRUE);
}

/* A PDF of `n` pages (none when 0), with `title` unless NULL, locked as
   asked: a new buffer of *len bytes (caller frees). Aborts on failure. */
static unsigned char *fx_pdf(const fx_page *pages, size_t n, const char *title,
                             fx_lock lock, size_t *len) {
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  if (qpdf_empty_pdf(q) != QPDF_SUCCESS)
    abort();
  qpdf_oh font = qpdf_make_indirect_object(
      q, qpdf_oh_parse(q, "<< /Type /Font /Subtype /Type1 /BaseFont "
                          "/Helvetica /Encoding /WinAnsiEncoding >>"));
  for (size_t i = 0; i < n; i++)
    if (qpdf_add_page(q, q, fx_new_page(q, font, &pages[i]), QPDF_FALSE) !=
        QPDF_SUCCESS)
      abort();
  if (title)
    fx_set_title(q, title);
  if (qpdf_init_write_memory(q) != QPDF_SUCCESS)
    abort();
  /* the same bytes every run; qpdf cannot derive an encrypted file's ID so */
  if (lock == FX_PLAIN)
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
  fx_lock_with(q, lock);
  if (qpdf_write(q) != QPDF_SUCCESS || qpdf_has_error(q))
    abort();
  *len = qpdf_get_buffer_length(q);
  unsigned char *pdf = malloc(*len);
  if (!pdf)
    abort();
  memcpy(pdf, qpdf_get_buffer(q), *len);
  qpdf_cleanup(&q);
  return pdf;
}

/* A PDF of one page. */
static unsigned char *fx_pdf1(fx_page page, size_t *len) {
  return fx_pdf(&page, 1, NULL, FX_PLAIN, len);
}

#endif
