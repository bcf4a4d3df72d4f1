/* Unit tests: PDF appendices opened and checked (limits, encryption,
   damage qpdf would repair), their pages' sizes as shown, text and title,
   and their pages drawn as PNG, from one thread and from two. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdfin.h"
#include "pdfin_impl.h"
#include "util.h"

#include "pdf_fixture.h"

#include <cairo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const fx_page LETTER = {612, 792, 0, NULL, NULL, false};

/* The document, which must open. */
static scr_pdf *open_ok(const unsigned char *data, size_t len) {
  scr_pdf *pdf = NULL;
  char *why = NULL;
  scr_error err = scr_pdf_open(data, len, &pdf, &why);
  if (err)
    fprintf(stderr, "refused: %s\n", why ? why : "(no reason)");
  assert_int_equal(err, SCR_OK);
  assert_null(why);
  assert_non_null(pdf);
  return pdf;
}

/* The reason the file is refused, which must be `expected`. */
static void assert_refused(const unsigned char *data, size_t len,
                           const char *expected) {
  scr_pdf *pdf = (scr_pdf *)1;
  char *why = NULL;
  assert_int_equal(scr_pdf_open(data, len, &pdf, &why), SCR_E_SOURCE);
  assert_null(pdf);
  assert_non_null(why);
  assert_string_equal(why, expected);
  free(why);
}

/* The reason the file is refused. Caller frees. */
static char *refused_why(const unsigned char *data, size_t len) {
  scr_pdf *pdf = NULL;
  char *why = NULL;
  assert_int_equal(scr_pdf_open(data, len, &pdf, &why), SCR_E_SOURCE);
  assert_null(pdf);
  assert_non_null(why);
  return why;
}

static void assert_damaged(const unsigned char *data, size_t len) {
  char *why = refused_why(data, len);
  const char *tail = "; save or print it to PDF again";
  assert_true(strncmp(why, "is damaged (qpdf: ", 18) == 0);
  assert_true(strlen(why) > strlen(tail) + 20);
  assert_string_equal(why + strlen(why) - strlen(tail), tail);
  free(why);
}

static void assert_size(const scr_pdf *pdf, size_t i, double w, double h) {
  double width = 0, height = 0;
  scr_pdf_page_size(pdf, i, &width, &height);
  assert_true(width > w - 0.01 && width < w + 0.01);
  assert_true(height > h - 0.01 && height < h + 0.01);
}

static void test_two_pages(void **state) {
  (void)state;
  fx_page pages[2] = {
      {612, 792, 0, "Committee report\nItem 1: the budget", NULL, false},
      {595, 842, 0, "Second page", NULL, false}};
  size_t len;
  unsigned char *data =
      fx_pdf(pages, 2, "Slides for the committee", FX_PLAIN, &len);
  scr_pdf *pdf = open_ok(data, len);
  assert_int_equal(scr_pdf_page_count(pdf), 2);
  assert_size(pdf, 0, 612, 792);
  assert_size(pdf, 1, 595, 842);
  assert_string_equal(scr_pdf_page_text(pdf, 0),
                      "Committee report\nItem 1: the budget");
  assert_string_equal(scr_pdf_page_text(pdf, 1), "Second page");
  assert_string_equal(scr_pdf_title(pdf), "Slides for the committee");
  /* the bytes are a copy: the caller's buffer may go */
  size_t kept_len = 0;
  const unsigned char *kept = scr_pdf_data(pdf, &kept_len);
  assert_int_equal(kept_len, len);
  assert_ptr_not_equal(kept, data);
  assert_memory_equal(kept, data, len);
  memset(data, 0, len);
  free(data);
  assert_string_equal(scr_pdf_page_text(pdf, 1), "Second page");
  scr_pdf_free(pdf);
}

/* A landscape page stored portrait and turned: reported as shown; the
   crop box, not the media box, where it has one. */
static void test_rotated_and_cropped(void **state) {
  (void)state;
  fx_page pages[4] = {{612, 792, 90, "Landscape", NULL, false},
                      {612, 792, 270, NULL, NULL, false},
                      {612, 792, 180, NULL, NULL, false},
                      {612, 792, 90, NULL, "[36 36 576 756]", false}};
  size_t len;
  unsigned char *data = fx_pdf(pages, 4, NULL, FX_PLAIN, &len);
  scr_pdf *pdf = open_ok(data, len);
  assert_size(pdf, 0, 792, 612);
  assert_size(pdf, 1, 792, 612);
  assert_size(pdf, 2, 612, 792);
  assert_size(pdf, 3, 720, 540);
  assert_string_equal(scr_pdf_page_text(pdf, 0), "Landscape");
  scr_pdf_free(pdf);
  free(data);
}

static void test_page_without_text(void **state) {
  (void)state;
  fx_page page = LETTER;
  page.mark = true;
  size_t len;
  unsigned char *data = fx_pdf1(page, &len);
  scr_pdf *pdf = open_ok(data, len);
  assert_string_equal(scr_pdf_page_text(pdf, 0), "");
  assert_null(scr_pdf_title(pdf));
  scr_pdf_free(pdf);
  free(data);
}

static void test_titles(void **state) {
  (void)state;
  static const struct {
    const char *title, *read; /* NULL: none */
  } cases[] = {
      {"  Budget\n monitoring \t Q2  ", "Budget monitoring Q2"},
      {"Réunion du conseil – été", "Réunion du conseil – été"},
      {" \t\n ", NULL},
      {"", NULL},
  };
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    size_t len;
    unsigned char *data = fx_pdf(&LETTER, 1, cases[c].title, FX_PLAIN, &len);
    scr_pdf *pdf = open_ok(data, len);
    if (cases[c].read)
      assert_string_equal(scr_pdf_title(pdf), cases[c].read);
    else
      assert_null(scr_pdf_title(pdf));
    scr_pdf_free(pdf);
    free(data);
  }
}

static void test_encrypted(void **state) {
  (void)state;
  static const char *const why = "is encrypted (it has a password or "
                                 "restrictions); save or print it to PDF "
                                 "again without them";
  fx_page page = LETTER;
  page.text = "Secret";
  for (fx_lock lock = FX_PASSWORD; lock <= FX_RESTRICTED; lock++) {
    size_t len;
    unsigned char *data = fx_pdf(&page, 1, NULL, lock, &len);
    assert_refused(data, len, why);
    free(data);
  }
}

/* Damage qpdf would repair without a word: refused. */
static void test_damaged(void **state) {
  (void)state;
  fx_page page = LETTER;
  page.text = "Whole";
  size_t len;
  unsigned char *data = fx_pdf1(page, &len);
  for (size_t cut = len - 10; cut > 100; cut = cut * 2 / 3)
    assert_damaged(data, cut);
  /* the cross-reference table moved: startxref points at nothing */
  char *start = (char *)data + len - 30;
  char *at = strstr(start, "startxref\n");
  assert_non_null(at);
  at[10] = at[10] == '1' ? '2' : '1';
  assert_damaged(data, len);
  free(data);
}

/* A page count poppler reads otherwise than qpdf: refused. */
static void test_counts_differ(void **state) {
  (void)state;
  size_t len;
  unsigned char *data = fx_pdf1(LETTER, &len);
  unsigned char *count = NULL;
  for (size_t i = 0; i + 9 < len && !count; i++)
    if (memcmp(data + i, "/Count 1 ", 9) == 0)
      count = data + i;
  assert_non_null(count);
  count[7] = '2';
  assert_refused(data, len,
                 "is damaged (poppler: it reads 2 pages where qpdf reads 1); "
                 "save or print it to PDF again");
  free(data);
}

static void test_not_pdf(void **state) {
  (void)state;
  static const char *const why = "is not a PDF (it does not begin with %PDF-)";
  static const unsigned char png[] = {0x89, 'P',  'N', 'G', '\r', '\n',
                                      0x1a, '\n', 0,   0,   0,    13,
                                      'I',  'H',  'D', 'R'};
  static const unsigned char zip[] = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
  assert_refused(png, sizeof png, why);
  assert_refused(zip, sizeof zip, why);
  assert_refused((const unsigned char *)"", 0, why);
  assert_refused((const unsigned char *)"%PDF", 4, why);
  /* the header must be at the very start */
  size_t len;
  unsigned char *data = fx_pdf1(LETTER, &len);
  unsigned char *shifted = malloc(len + 1);
  assert_non_null(shifted);
  shifted[0] = ' ';
  memcpy(shifted + 1, data, len);
  assert_refused(shifted, len + 1, why);
  free(shifted);
  free(data);
}

static void test_no_pages(void **state) {
  (void)state;
  size_t len;
  unsigned char *data = fx_pdf(NULL, 0, NULL, FX_PLAIN, &len);
  assert_refused(data, len, "has no pages");
  free(data);
}

static void test_page_limit(void **state) {
  (void)state;
  size_t n = SCR_PDF_MAX_PAGES + 1;
  fx_page *pages = calloc(n, sizeof *pages);
  assert_non_null(pages);
  for (size_t i = 0; i < n; i++)
    pages[i] = (fx_page){72, 72, 0, NULL, NULL, false};
  size_t len;
  unsigned char *data = fx_pdf(pages, n, NULL, FX_PLAIN, &len);
  assert_refused(data, len,
                 "has 501 pages; a PDF appendix may have at most 500");
  free(data);
  data = fx_pdf(pages, n - 1, NULL, FX_PLAIN, &len);
  scr_pdf *pdf = open_ok(data, len);
  assert_int_equal(scr_pdf_page_count(pdf), SCR_PDF_MAX_PAGES);
  scr_pdf_free(pdf);
  free(data);
  free(pages);
}

/* Refused on its size alone, before any parsing: the rest is zeros. */
static void test_too_big(void **state) {
  (void)state;
  size_t len = SCR_PDF_MAX_BYTES + 1;
  unsigned char *data = calloc(len, 1);
  assert_non_null(data);
  memcpy(data, "%PDF-1.7\n", 9);
  assert_refused(data, len, "is 101 MB; a PDF appendix may be at most 100 MB");
  free(data);
  len = (size_t)140 << 20;
  data = calloc(len, 1);
  assert_non_null(data);
  memcpy(data, "%PDF-1.7\n", 9);
  assert_refused(data, len, "is 140 MB; a PDF appendix may be at most 100 MB");
  free(data);
}

static void test_page_sides(void **state) {
  (void)state;
  fx_page tiny[2] = {LETTER, {7.2, 792, 0, NULL, NULL, false}};
  size_t len;
  unsigned char *data = fx_pdf(tiny, 2, NULL, FX_PLAIN, &len);
  assert_refused(data, len,
                 "has a page 2 of 0.1 by 11.0 inches; a page must be 0.5 to "
                 "200 inches a side");
  free(data);
  fx_page huge = {612, 15000, 90, NULL, NULL, false};
  data = fx_pdf1(huge, &len);
  assert_refused(data, len,
                 "has a page 1 of 208.3 by 8.5 inches; a page must be 0.5 "
                 "to 200 inches a side");
  free(data);
  /* the limits themselves are allowed */
  fx_page edges = {SCR_PDF_MIN_SIDE, SCR_PDF_MAX_SIDE, 0, NULL, NULL, false};
  data = fx_pdf1(edges, &len);
  scr_pdf *pdf = open_ok(data, len);
  assert_size(pdf, 0, SCR_PDF_MIN_SIDE, SCR_PDF_MAX_SIDE);
  scr_pdf_free(pdf);
  free(data);
}

/* Text as the pack keeps it, from whatever bytes poppler gives. */
static void test_clean_text(void **state) {
  (void)state;
  static const struct {
    const char *raw, *lines, *one_line;
  } cases[] = {
      {"  a \t b  ", "a b", "a b"},
      {"a\r\nb\rc\nd", "a\nb\nc\nd", "a b c d"},
      {"\n\n a \n\n\n\n b \n \n", "a\n\nb", "a b"},
      {"a \f b\vc", "a\nb\nc", "a b c"},
      {"a\x01\x1b"
       "b",
       "ab", "ab"},
      {"x\xef\xbf\xbey\xef\xbf\xbfz", "xyz", "xyz"},
      {"bad \xff byte \xc3", "bad \xef\xbf\xbd byte \xef\xbf\xbd",
       "bad \xef\xbf\xbd byte \xef\xbf\xbd"},
      {"caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80", "café – 😀", "café – 😀"},
      {" \t\r\n ", "", ""},
      {"", "", ""},
  };
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    const char *raw = cases[c].raw;
    char *lines = scr_pdf_clean_text(raw, strlen(raw), false);
    char *one = scr_pdf_clean_text(raw, strlen(raw), true);
    assert_non_null(lines);
    assert_non_null(one);
    assert_string_equal(lines, cases[c].lines);
    assert_string_equal(one, cases[c].one_line);
    free(lines);
    free(one);
  }
  /* a NUL is a control like any other */
  char *s = scr_pdf_clean_text("a\0b", 3, false);
  assert_string_equal(s, "ab");
  free(s);
}

/* ---- rendering ------------------------------------------------------ */

typedef struct png_reader {
  const unsigned char *data;
  size_t len, at;
} png_reader;

static cairo_status_t read_png(void *closure, unsigned char *data,
                               unsigned int length) {
  png_reader *r = closure;
  if (r->len - r->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy(data, r->data + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG decoded (by cairo), which must be RGB of `w` by `h`. */
static cairo_surface_t *decode(const unsigned char *png, size_t len, uint32_t w,
                               uint32_t h) {
  assert_true(len > 33);
  assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
  assert_memory_equal(png + 12, "IHDR", 4);
  assert_int_equal(png[24], 8); /* bits per channel */
  assert_int_equal(png[25], 2); /* colour type RGB: no alpha */
  png_reader r = {png, len, 0};
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_png, &r);
  assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  assert_int_equal(cairo_image_surface_get_format(s), CAIRO_FORMAT_RGB24);
  assert_int_equal(cairo_image_surface_get_width(s), w);
  assert_int_equal(cairo_image_surface_get_height(s), h);
  return s;
}

/* The pixel at x, y as 0xRRGGBB. */
static uint32_t pixel(cairo_surface_t *s, int x, int y) {
  const unsigned char *row =
      cairo_image_surface_get_data(s) +
      (size_t)y * (size_t)cairo_image_surface_get_stride(s);
  return ((const uint32_t *)row)[x] & 0xFFFFFF;
}

static void render(const scr_pdf *pdf, size_t i, int dpi, unsigned char **png,
                   size_t *len, uint32_t *w, uint32_t *h) {
  assert_int_equal(scr_pdf_render_png(pdf, i, dpi, png, len, w, h), SCR_OK);
  assert_non_null(*png);
}

/* The one page `page` drawn at `dpi`, decoded: its size in *w, *h.
   Caller frees with cairo_surface_destroy. */
static cairo_surface_t *drawn(fx_page page, int dpi, uint32_t *w, uint32_t *h) {
  size_t len, png_len;
  unsigned char *data = fx_pdf1(page, &len);
  scr_pdf *pdf = open_ok(data, len);
  unsigned char *png;
  render(pdf, 0, dpi, &png, &png_len, w, h);
  cairo_surface_t *s = decode(png, png_len, *w, *h);
  free(png);
  scr_pdf_free(pdf);
  free(data);
  return s;
}

static void test_render_letter(void **state) {
  (void)state;
  fx_page page = LETTER;
  page.mark = true;
  page.text = "Rendered";
  uint32_t w, h;
  cairo_surface_t *s = drawn(page, 150, &w, &h);
  assert_int_equal(w, 1275);
  assert_int_equal(h, 1650);
  /* white, but for the mark: 100 by 50 pt from the lower left corner */
  assert_int_equal(pixel(s, 1000, 100), 0xFFFFFF);
  assert_int_equal(pixel(s, 10, h - 10), 0x000000);
  assert_int_equal(pixel(s, 200, h - 10), 0x000000);
  assert_int_equal(pixel(s, 220, h - 10), 0xFFFFFF);
  assert_int_equal(pixel(s, 10, h - 110), 0xFFFFFF);
  cairo_surface_destroy(s);
}

/* The page drawn as shown: turned a quarter clockwise, the lower left
   corner's mark is at the upper left, standing. */
static void test_render_rotated(void **state) {
  (void)state;
  fx_page page = LETTER;
  page.rotate = 90;
  page.mark = true;
  uint32_t w, h;
  cairo_surface_t *s = drawn(page, 72, &w, &h);
  assert_int_equal(w, 792);
  assert_int_equal(h, 612);
  assert_int_equal(pixel(s, 10, 10), 0x000000);
  assert_int_equal(pixel(s, 40, 90), 0x000000);
  assert_int_equal(pixel(s, 60, 10), 0xFFFFFF);
  assert_int_equal(pixel(s, 10, 110), 0xFFFFFF);
  assert_int_equal(pixel(s, 700, 500), 0xFFFFFF);
  cairo_surface_destroy(s);
}

/* A page too large for its dpi drawn at a lower one: within the pixels
   allowed, and within cairo's longest side. */
static void test_render_limits(void **state) {
  (void)state;
  fx_page pages[2] = {{1000, 1000, 0, NULL, NULL, false},
                      {SCR_PDF_MAX_SIDE, 36, 0, NULL, NULL, false}};
  size_t len;
  unsigned char *data = fx_pdf(pages, 2, NULL, FX_PLAIN, &len);
  scr_pdf *pdf = open_ok(data, len);
  unsigned char *png;
  size_t png_len;
  uint32_t w, h;
  render(pdf, 0, 600, &png, &png_len, &w, &h);
  assert_true((uint64_t)w * h <= SCR_PDF_MAX_PIXELS);
  assert_true((uint64_t)w * h > SCR_PDF_MAX_PIXELS * 0.99);
  assert_int_equal(w, h);
  free(png);
  render(pdf, 1, 1200, &png, &png_len, &w, &h);
  assert_true(w <= SCR_PDF_MAX_PIXEL_SIDE && w > SCR_PDF_MAX_PIXEL_SIDE - 2);
  assert_int_equal(h, (uint32_t)(36.0 * w / SCR_PDF_MAX_SIDE));
  free(png);
  /* the smallest: a pixel, not none */
  render(pdf, 1, 1, &png, &png_len, &w, &h);
  assert_int_equal(w, 200);
  assert_int_equal(h, 1);
  free(png);
  assert_int_equal(scr_pdf_render_png(pdf, 0, 0, &png, &png_len, &w, &h),
                   SCR_E_USAGE);
  assert_null(png);
  assert_int_equal(scr_pdf_render_png(pdf, 2, 72, &png, &png_len, &w, &h),
                   SCR_E_USAGE);
  assert_null(png);
  scr_pdf_free(pdf);
  free(data);
}

/* ---- two threads ---------------------------------------------------- */

typedef struct job {
  const unsigned char *data; /* the file, opened by the thread */
  size_t len;
  const scr_pdf *pdf; /* else a document opened already */
  unsigned char *png; /* what it drew of page 0 at 100 dpi */
  size_t png_len;
  scr_error err;
} job;

static void *run_job(void *arg) {
  job *j = arg;
  scr_pdf *own = NULL;
  char *why = NULL;
  const scr_pdf *pdf = j->pdf;
  if (!pdf) {
    j->err = scr_pdf_open(j->data, j->len, &own, &why);
    free(why);
    pdf = own;
  }
  uint32_t w, h;
  for (int round = 0; round < 3 && !j->err; round++) {
    free(j->png);
    j->err = scr_pdf_render_png(pdf, 0, 100, &j->png, &j->png_len, &w, &h);
  }
  scr_pdf_free(own);
  return NULL;
}

static void run_two(job *a, job *b) {
  pthread_t ta, tb;
  assert_int_equal(pthread_create(&ta, NULL, run_job, a), 0);
  assert_int_equal(pthread_create(&tb, NULL, run_job, b), 0);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  assert_int_equal(a->err, SCR_OK);
  assert_int_equal(b->err, SCR_OK);
}

static void assert_same_png(const job *j, const unsigned char *png,
                            size_t len) {
  assert_int_equal(j->png_len, len);
  assert_memory_equal(j->png, png, len);
}

static void test_two_threads(void **state) {
  (void)state;
  fx_page one = LETTER, two = LETTER;
  one.text = "First document";
  one.mark = true;
  two.text = "Second document\nturned";
  two.rotate = 90;
  size_t len1, len2;
  unsigned char *data1 = fx_pdf1(one, &len1);
  unsigned char *data2 = fx_pdf1(two, &len2);
  /* opened and drawn on two threads at once, each its own document */
  job a = {data1, len1, NULL, NULL, 0, SCR_OK};
  job b = {data2, len2, NULL, NULL, 0, SCR_OK};
  run_two(&a, &b);
  /* the same document on both */
  scr_pdf *pdf = open_ok(data1, len1);
  job c = {NULL, 0, pdf, NULL, 0, SCR_OK};
  job d = {NULL, 0, pdf, NULL, 0, SCR_OK};
  run_two(&c, &d);
  /* each as drawn alone */
  unsigned char *png;
  size_t png_len;
  uint32_t w, h;
  render(pdf, 0, 100, &png, &png_len, &w, &h);
  assert_same_png(&a, png, png_len);
  assert_same_png(&c, png, png_len);
  assert_same_png(&d, png, png_len);
  free(png);
  scr_pdf *pdf2 = open_ok(data2, len2);
  render(pdf2, 0, 100, &png, &png_len, &w, &h);
  assert_same_png(&b, png, png_len);
  free(png);
  scr_pdf_free(pdf2);
  scr_pdf_free(pdf);
  free(a.png);
  free(b.png);
  free(c.png);
  free(d.png);
  free(data1);
  free(data2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      /* first: poppler's global state is set up by two threads at once */
      cmocka_unit_test(test_two_threads),
      cmocka_unit_test(test_two_pages),
      cmocka_unit_test(test_rotated_and_cropped),
      cmocka_unit_test(test_page_without_text),
      cmocka_unit_test(test_titles),
      cmocka_unit_test(test_encrypted),
      cmocka_unit_test(test_damaged),
      cmocka_unit_test(test_counts_differ),
      cmocka_unit_test(test_not_pdf),
      cmocka_unit_test(test_no_pages),
      cmocka_unit_test(test_page_limit),
      cmocka_unit_test(test_too_big),
      cmocka_unit_test(test_page_sides),
      cmocka_unit_test(test_clean_text),
      cmocka_unit_test(test_render_letter),
      cmocka_unit_test(test_render_rotated),
      cmocka_unit_test(test_render_limits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
