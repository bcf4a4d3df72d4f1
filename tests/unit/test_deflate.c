/* Unit tests: deflate streams made on a second thread, joined into zip
   entries, and read back by zlib and libzip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "deflate.h"
#include "package.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

/* Far more than one block of the stream, so its thread does the work. */
#define BIG (700u * 1024u + 123u)

/* Text like a document's XML, varied enough not to compress to nothing;
   the same on every call. Caller frees. */
static char *sample_text(size_t len) {
  char *s = malloc(len + 1);
  assert_non_null(s);
  uint32_t x = 12345;
  for (size_t i = 0; i < len; i++) {
    x = x * 1103515245u + 12345u;
    s[i] = (x >> 16) % 7 == 0 ? '<' : (char)('a' + (x >> 20) % 26);
  }
  s[len] = '\0';
  return s;
}

/* Write `text` in uneven pieces, as xmlTextWriter hands it over. */
static void write_in_pieces(scr_deflate *d, const char *text, size_t len) {
  for (size_t at = 0, piece = 1; at < len; piece = piece * 7 % 5003 + 1) {
    size_t n = len - at < piece ? len - at : piece;
    assert_int_equal(scr_deflate_write(d, text + at, n), SCR_OK);
    at += n;
  }
}

static void test_stream_is_one_zlib_stream(void **state) {
  (void)state;
  char *text = sample_text(BIG);
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  write_in_pieces(d, text, BIG);
  scr_deflated out;
  assert_int_equal(scr_deflate_finish(d, &out), SCR_OK);

  /* the same bytes zlib makes from the whole text in one call */
  z_stream z = {0};
  assert_int_equal(deflateInit2(&z, SCR_DEFLATE_LEVEL, Z_DEFLATED, -15, 9,
                                Z_DEFAULT_STRATEGY),
                   Z_OK);
  size_t cap = deflateBound(&z, BIG) + 64;
  unsigned char *want = malloc(cap);
  assert_non_null(want);
  z.next_in = (unsigned char *)text;
  z.avail_in = BIG;
  z.next_out = want;
  z.avail_out = (uInt)cap;
  assert_int_equal(deflate(&z, Z_SYNC_FLUSH), Z_OK);
  assert_int_equal(out.len, z.total_out);
  assert_memory_equal(out.data, want, out.len);
  deflateEnd(&z);

  assert_int_equal(out.raw_len, BIG);
  assert_int_equal(out.crc, (uint32_t)crc32(0, (unsigned char *)text, BIG));
  free(want);
  scr_deflate_free(d);
  free(text);
}

static void test_contents_midway(void **state) {
  (void)state;
  char *text = sample_text(BIG);
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  size_t half = BIG / 2;
  write_in_pieces(d, text, half);
  char *got = NULL;
  size_t len = 0;
  assert_int_equal(scr_deflate_contents(d, &got, &len), SCR_OK);
  assert_int_equal(len, half);
  assert_memory_equal(got, text, half);
  free(got);

  write_in_pieces(d, text + half, BIG - half);
  assert_int_equal(scr_deflate_contents(d, &got, &len), SCR_OK);
  assert_int_equal(len, BIG);
  assert_memory_equal(got, text, BIG);
  free(got);
  scr_deflated out;
  assert_int_equal(scr_deflate_finish(d, &out), SCR_OK);
  assert_int_equal(scr_deflate_write(d, "x", 1), SCR_E_USAGE);
  scr_deflate_free(d);
  free(text);
}

/* The part `outer` with `inner` at `at`, read back from the package. */
static void expect_around(const char *outer, size_t at, const char *inner) {
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  write_in_pieces(d, inner, strlen(inner));
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(
      scr_package_add_around(pkg, "part.xml", outer, strlen(outer), at, d),
      SCR_OK);
  scr_deflate_free(d);

  scr_buf want = SCR_BUF_INIT;
  assert_int_equal(scr_buf_append(&want, outer, at), SCR_OK);
  assert_int_equal(scr_buf_puts(&want, inner), SCR_OK);
  assert_int_equal(scr_buf_puts(&want, outer + at), SCR_OK);
  size_t len = 0;
  const char *got = scr_package_get(pkg, "part.xml", &len);
  assert_non_null(got);
  assert_int_equal(len, want.len);
  assert_memory_equal(got, want.data, len);
  scr_buf_free(&want);
  scr_package_free(pkg);
}

static void test_joined_around(void **state) {
  (void)state;
  char *body = sample_text(BIG);
  expect_around("<doc><body></body></doc>\n", 11, body);
  expect_around("<doc/>", 0, "<first/>");
  expect_around("<doc/>", 6, "");
  free(body);
}

/* libzip reads the entry back and checks its CRC as it does. */
static void test_zip_entry_reads_back(void **state) {
  (void)state;
  char *body = sample_text(BIG);
  static const char OUTER[] = "<w:document><w:body></w:body></w:document>";
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  write_in_pieces(d, body, BIG);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(
      scr_package_add_copy(pkg, "mimetype", "text/plain", 10, true), SCR_OK);
  assert_int_equal(scr_package_add_around(pkg, "word/document.xml", OUTER,
                                          strlen(OUTER), 20, d),
                   SCR_OK);
  scr_deflate_free(d);

  char dir[] = "/tmp/test_deflate.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[sizeof dir + sizeof "/pack.zip"];
  snprintf(path, sizeof path, "%s/pack.zip", dir);
  assert_int_equal(scr_package_write(pkg, path), SCR_OK);
  scr_package_free(pkg);

  int zerr = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  assert_non_null(z);
  zip_stat_t st;
  assert_int_equal(zip_stat(z, "word/document.xml", 0, &st), 0);
  assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);
  assert_int_equal(st.size, strlen(OUTER) + BIG);
  char *got = malloc(st.size);
  assert_non_null(got);
  zip_file_t *f = zip_fopen(z, "word/document.xml", 0);
  assert_non_null(f);
  assert_int_equal(zip_fread(f, got, st.size), (zip_int64_t)st.size);
  char extra;
  assert_int_equal(zip_fread(f, &extra, 1), 0); /* end: the CRC matched */
  assert_int_equal(zip_fclose(f), 0);
  assert_memory_equal(got, OUTER, 20);
  assert_memory_equal(got + 20, body, BIG);
  assert_memory_equal(got + 20 + BIG, OUTER + 20, strlen(OUTER) - 20);
  free(got);
  zip_discard(z);
  unlink(path);
  rmdir(dir);
  free(body);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stream_is_one_zlib_stream),
      cmocka_unit_test(test_contents_midway),
      cmocka_unit_test(test_joined_around),
      cmocka_unit_test(test_zip_entry_reads_back),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
