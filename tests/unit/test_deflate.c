/* Unit tests: deflate streams compressed a block at a time by two threads,
   joined into zip entries, and read back by zlib and libzip. */
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

/* Text like a document's XML: tags and words from a small vocabulary, so
   that it compresses about as well as a pack's body. Caller frees. */
static char *xml_text(size_t len) {
  static const char *const WORDS[] = {
      "the",     "council", "agenda",  "item",    "report", "minutes",
      "budget",  "motion",  "carried", "member",  "of",     "and",
      "for",     "review",  "2026",    "finance", "to",     "annual",
      "meeting", "approve", "notes",   "a",       "paper",  "chair"};
  static const char OPEN[] = "<w:p><w:r><w:t xml:space=\"preserve\">";
  static const char CLOSE[] = "</w:t></w:r></w:p>\n";
  scr_buf b = SCR_BUF_INIT;
  uint32_t x = 777;
  while (b.len < len) {
    assert_int_equal(scr_buf_puts(&b, OPEN), SCR_OK);
    for (unsigned w = 0; w < 12; w++) {
      x = x * 1103515245u + 12345u;
      assert_int_equal(
          scr_buf_puts(&b, WORDS[(x >> 16) % (sizeof WORDS / sizeof *WORDS)]),
          SCR_OK);
      assert_int_equal(scr_buf_puts(&b, " "), SCR_OK);
    }
    assert_int_equal(scr_buf_puts(&b, CLOSE), SCR_OK);
  }
  size_t got = 0;
  char *s = scr_buf_detach(&b, &got);
  s[len] = '\0';
  return s;
}

/* Finish `d`, join it into a complete stream, and check that zlib inflates
   it to exactly `text` and that the CRC and size are the text's. */
static void expect_inflates_to(scr_deflate *d, const char *text, size_t len) {
  scr_deflated out;
  assert_int_equal(scr_deflate_finish(d, &out), SCR_OK);
  assert_int_equal(out.raw_len, len);
  assert_int_equal(out.crc, (uint32_t)crc32(0, (const Bytef *)text, (uInt)len));

  unsigned char *joined = NULL;
  size_t joined_len = 0, raw_len = 0;
  uint32_t crc = 0;
  assert_int_equal(
      scr_deflate_join(&out, 1, &joined, &joined_len, &crc, &raw_len), SCR_OK);
  assert_int_equal(crc, out.crc);
  assert_int_equal(raw_len, len);

  z_stream z = {0};
  assert_int_equal(inflateInit2(&z, -15), Z_OK);
  unsigned char *got = malloc(len + 1);
  assert_non_null(got);
  z.next_in = joined;
  z.avail_in = (uInt)joined_len;
  z.next_out = got;
  z.avail_out = (uInt)len + 1; /* room for a byte too many */
  assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
  assert_int_equal(z.total_out, len);
  assert_int_equal(z.avail_in, 0);
  assert_memory_equal(got, text, len);
  inflateEnd(&z);
  free(got);
  free(joined);
}

static void test_inflates_to_input(void **state) {
  (void)state;
  const size_t sizes[] = {0,
                          1,
                          SCR_DEFLATE_BLOCK - 1,
                          SCR_DEFLATE_BLOCK,
                          SCR_DEFLATE_BLOCK + 1,
                          2 * SCR_DEFLATE_BLOCK,
                          BIG,
                          7 * SCR_DEFLATE_BLOCK + 4321};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    char *text = sample_text(sizes[i]);
    scr_deflate *d = scr_deflate_new();
    assert_non_null(d);
    write_in_pieces(d, text, sizes[i]);
    expect_inflates_to(d, text, sizes[i]);
    scr_deflate_free(d);
    free(text);
  }

  /* bytes that do not compress: stored blocks, the most output per block */
  size_t len = 3 * SCR_DEFLATE_BLOCK + 5;
  char *noise = malloc(len);
  assert_non_null(noise);
  uint32_t x = 99;
  for (size_t i = 0; i < len; i++) {
    x = x * 1664525u + 1013904223u;
    noise[i] = (char)(x >> 24);
  }
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  write_in_pieces(d, noise, len);
  expect_inflates_to(d, noise, len);
  scr_deflate_free(d);
  free(noise);
}

/* A stream flushed after every short write is many blocks, each ended as a
   sync flush would end it. Where libdeflate's bits end in the last byte
   varies with the bytes, so the empty block after it starts in that byte
   or the next: every length here must still read back. */
static void test_flushed_after_every_write(void **state) {
  (void)state;
  size_t len = 40000;
  char *text = sample_text(len);
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  size_t at = 0;
  for (size_t n = 1; at + n <= len; at += n, n = n % 97 + 1) {
    assert_int_equal(scr_deflate_write(d, text + at, n), SCR_OK);
    char *got = NULL;
    size_t got_len = 0;
    assert_int_equal(scr_deflate_contents(d, &got, &got_len), SCR_OK);
    assert_int_equal(got_len, at + n);
    assert_memory_equal(got, text, got_len);
    free(got);
  }
  expect_inflates_to(d, text, at);
  scr_deflate_free(d);
  free(text);
}

/* Blocks are compressed by whichever thread gets to them first, so the
   split varies from run to run; the bytes must not. Written at full speed,
   the queue fills and the writer compresses blocks too; written a block at
   a time with a flush between, it holds one block and either thread may
   take it. */
static void test_same_bytes_whichever_thread(void **state) {
  (void)state;
  size_t len = 12 * SCR_DEFLATE_BLOCK + 999;
  char *text = xml_text(len);
  size_t want_len = 0;
  unsigned char *want = NULL; /* the first run's bytes */
  for (int run = 0; run < 6; run++) {
    scr_deflate *d = scr_deflate_new();
    assert_non_null(d);
    if (run % 2 == 0) {
      write_in_pieces(d, text, len);
    } else {
      for (size_t at = 0; at < len; at += SCR_DEFLATE_BLOCK) {
        size_t n = len - at < SCR_DEFLATE_BLOCK ? len - at : SCR_DEFLATE_BLOCK;
        write_in_pieces(d, text + at, n);
        char *got = NULL;
        size_t got_len = 0;
        assert_int_equal(scr_deflate_contents(d, &got, &got_len), SCR_OK);
        assert_int_equal(got_len, at + n);
        free(got);
      }
    }
    scr_deflated out;
    assert_int_equal(scr_deflate_finish(d, &out), SCR_OK);
    if (!want) {
      want_len = out.len;
      want = malloc(want_len);
      assert_non_null(want);
      memcpy(want, out.data, want_len);
    }
    assert_int_equal(out.len, want_len);
    assert_memory_equal(out.data, want, want_len);
    expect_inflates_to(d, text, len);
    scr_deflate_free(d);
  }
  free(want);
  free(text);
}

/* Compressing blocks apart, each without the one before as its dictionary,
   costs little: within 15% of zlib deflating the whole text in one call at
   the same level. This text repeats itself more than a pack does (12% here;
   a pack's XML comes out 3 to 6% larger than with zlib: bench/RESULTS.md). */
static void test_size_near_one_call(void **state) {
  (void)state;
  size_t len = 6u * 1024u * 1024u + 17u;
  char *text = xml_text(len);
  scr_deflate *d = scr_deflate_new();
  assert_non_null(d);
  write_in_pieces(d, text, len);
  scr_deflated out;
  assert_int_equal(scr_deflate_finish(d, &out), SCR_OK);

  z_stream z = {0};
  assert_int_equal(deflateInit2(&z, SCR_DEFLATE_LEVEL, Z_DEFLATED, -15, 9,
                                Z_DEFAULT_STRATEGY),
                   Z_OK);
  size_t cap = deflateBound(&z, len);
  unsigned char *whole = malloc(cap);
  assert_non_null(whole);
  z.next_in = (Bytef *)text;
  z.avail_in = (uInt)len;
  z.next_out = whole;
  z.avail_out = (uInt)cap;
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  size_t one_call = z.total_out;
  deflateEnd(&z);
  assert_true(out.len * 100 <= one_call * 115);
  assert_true(out.len * 4 < len); /* the text did compress */
  free(whole);
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
      cmocka_unit_test(test_inflates_to_input),
      cmocka_unit_test(test_same_bytes_whichever_thread),
      cmocka_unit_test(test_flushed_after_every_write),
      cmocka_unit_test(test_size_near_one_call),
      cmocka_unit_test(test_contents_midway),
      cmocka_unit_test(test_joined_around),
      cmocka_unit_test(test_zip_entry_reads_back),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
