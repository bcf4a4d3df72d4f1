/* Unit tests: appendix lettering, date and time wording, XML text cleaning,
   front matter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dates.h"
#include "model.h"
#include "source.h"
#include "util.h"
#include "xmlw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void label_is(size_t i, bool numbers, const char *want) {
  char got[16];
  scr_appendix_label(i, numbers, got, sizeof got);
  assert_string_equal(got, want);
}

static void test_appendix_letters(void **state) {
  (void)state;
  label_is(0, false, "A");
  label_is(6, false, "G");
  label_is(25, false, "Z");
  label_is(26, false, "AA");
  label_is(27, false, "AB");
  label_is(51, false, "AZ");
  label_is(52, false, "BA");
  label_is(701, false, "ZZ");
  label_is(702, false, "AAA");
  label_is(0, true, "1");
  label_is(26, true, "27");
}

static void date_is(const char *iso, enum scr_date_style style,
                    const char *want) {
  scr_date d;
  assert_true(scr_date_parse(iso, &d));
  char got[64];
  scr_date_format(d, style, got, sizeof got);
  assert_string_equal(got, want);
}

static void test_date_wording(void **state) {
  (void)state;
  date_is("2026-06-17", SCR_DATE_HEADLINE, "WEDNESDAY, 17 JUNE 2026");
  date_is("2026-04-14", SCR_DATE_HEADLINE, "TUESDAY, 14 APRIL 2026");
  date_is("2026-06-17", SCR_DATE_PLAIN, "17 June 2026");
  date_is("2027-01-27", SCR_DATE_WEEKDAY, "Wednesday, 27 January 2027");
  date_is("2024-02-29", SCR_DATE_WEEKDAY, "Thursday, 29 February 2024");
  date_is("2026-09-08", SCR_DATE_ISO, "2026-09-08");
}

static void test_bad_dates(void **state) {
  (void)state;
  scr_date d;
  assert_false(scr_date_parse("2026-02-30", &d));
  assert_false(scr_date_parse("2025-02-29", &d));
  assert_false(scr_date_parse("2026-13-01", &d));
  assert_false(scr_date_parse("2026-6-17", &d));
  assert_false(scr_date_parse("17/06/2026", &d));
  assert_false(scr_date_parse("", &d));
  assert_true(scr_date_parse("2028-02-29", &d));
}

static void time_is(const char *hhmm, const char *want) {
  int minutes;
  assert_true(scr_time_parse(hhmm, &minutes));
  char got[32];
  scr_time_format(minutes, got, sizeof got);
  assert_string_equal(got, want);
}

static void test_time_wording(void **state) {
  (void)state;
  time_is("17:30", "5:30 pm");
  time_is("09:05", "9:05 am");
  time_is("12:00", "12:00 noon");
  time_is("12:30", "12:30 pm");
  time_is("00:15", "12:15 am");
  int m;
  assert_false(scr_time_parse("25:00", &m));
  assert_false(scr_time_parse("17:60", &m));
  assert_false(scr_time_parse("5:30", &m));
}

/* Close a writer that must have succeeded; its document (caller frees). */
static char *closed_document(scr_xmlw *x) {
  char *data = NULL;
  size_t n;
  assert_int_equal(scr_xmlw_close(x, &data, &n), SCR_OK);
  return data;
}

/* The text of one element written through the XML helpers. */
static char *element_xml(const char *text, size_t len) {
  scr_xmlw x;
  assert_int_equal(scr_xmlw_open(&x), SCR_OK);
  scr_xmlw_start(&x, "t");
  scr_xmlw_text(&x, text, len);
  scr_xmlw_end(&x);
  char *data;
  size_t n;
  assert_int_equal(scr_xmlw_close(&x, &data, &n), SCR_OK);
  char *start = strstr(data, "<t>");
  assert_non_null(start);
  char *copy = strdup(start);
  free(data);
  return copy;
}

static void test_xml_escaping(void **state) {
  (void)state;
  char *got = element_xml("a & b < c > d \"e\"", 17);
  assert_string_equal(got, "<t>a &amp; b &lt; c &gt; d &quot;e&quot;</t>\n");
  free(got);
  /* controls XML 1.0 forbids are dropped; tab and newline stay */
  static const char controls[] = "x\x01y\x08z\x0B\x0C\x1F\tw\n";
  got = element_xml(controls, sizeof controls - 1);
  assert_string_equal(got, "<t>xyz\tw\n</t>\n");
  free(got);
  /* U+FFFE is not a character; invalid UTF-8 becomes U+FFFD */
  got = element_xml("a\xEF\xBF\xBE"
                    "b\xC3(",
                    7);
  assert_string_equal(got, "<t>ab\xEF\xBF\xBD(</t>\n");
  free(got);
}

static void test_xml_attribute_escaping(void **state) {
  (void)state;
  scr_xmlw x;
  assert_int_equal(scr_xmlw_open(&x), SCR_OK);
  scr_xmlw_start(&x, "a");
  scr_xmlw_attr(&x, "v", "1 & \"2\" <3>\x02");
  scr_xmlw_end(&x);
  char *data = closed_document(&x);
  assert_non_null(strstr(data, "<a v=\"1 &amp; &quot;2&quot; &lt;3&gt;\"/>"));
  free(data);
}

/* Values that need every kind of escaping and cleaning. */
#define TRICKY_VALUE "1 & \"2\" <3>\x02\t\xC3\xA9\n\r"

/* A document written through xmlTextWriter's elements and attributes (or,
   `raw`, as gathered raw markup): caller frees. */
static char *tricky_document(bool raw) {
  scr_xmlw x;
  assert_int_equal(scr_xmlw_open(&x), SCR_OK);
  const char *text = TRICKY_VALUE;
  if (raw) {
    scr_xmlw_markup_lit(&x, "<a");
    scr_xmlw_markup_attr(&x, "v", text);
    scr_xmlw_markup_attr_int(&x, "n", -42);
    scr_xmlw_markup_lit(&x, "><t");
    scr_xmlw_markup_content(&x, text, strlen(text), "</t>");
    scr_xmlw_markup_lit(&x, "<e");
    scr_xmlw_markup_content(&x, "\x01", 1, "</e>");
    scr_xmlw_markup_lit(&x, "</a>");
    scr_xmlw_markup_write(&x);
  } else {
    scr_xmlw_start(&x, "a");
    scr_xmlw_attr(&x, "v", text);
    scr_xmlw_attr_int(&x, "n", -42);
    scr_xmlw_element(&x, "t", text);
    scr_xmlw_element(&x, "e", "\x01");
    scr_xmlw_end(&x);
  }
  return closed_document(&x);
}

/* Raw markup escapes text and values to the bytes xmlTextWriter writes. */
static void test_xml_raw_markup_escaping(void **state) {
  (void)state;
  char *written = tricky_document(false);
  char *raw = tricky_document(true);
  assert_string_equal(raw, written);
  assert_non_null(strstr(raw, "v=\"1 &amp; &quot;2&quot; &lt;3&gt;&#9;\xC3\xA9"
                              "&#10;&#13;\""));
  assert_non_null(strstr(raw, "<e/>"));
  free(written);
  free(raw);
}

/* Raw markup ends an open start tag; gathered markup must be written
   before any other call. */
static void test_xml_raw_markup_order(void **state) {
  (void)state;
  scr_xmlw x;
  assert_int_equal(scr_xmlw_open(&x), SCR_OK);
  scr_xmlw_start(&x, "p");
  scr_xmlw_raw_lit(&x, "<x/>");
  scr_xmlw_end(&x);
  char *data = closed_document(&x);
  assert_non_null(strstr(data, "<p><x/></p>"));
  free(data);
  assert_int_equal(scr_xmlw_open(&x), SCR_OK);
  scr_xmlw_markup_lit(&x, "<x/>");
  scr_xmlw_start(&x, "p");
  assert_int_equal(x.err, SCR_E_USAGE);
  scr_xmlw_discard(&x);
}

/* Write `text` to a temporary .md file; returns its path (caller frees). */
static char *temp_source(const char *text) {
  char *path = strdup("/tmp/scr-unit-XXXXXX.md");
  int fd = mkstemps(path, 3);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  return path;
}

/* A loaded source, its diagnostics and its temporary file, for a test. */
typedef struct loaded {
  scr_source *src;
  scr_diags diags;
  char *path;
} loaded;

/* Load `text` as a source with front matter; it must load. */
static void load_text(loaded *l, const char *text) {
  l->path = temp_source(text);
  scr_diags_init(&l->diags);
  l->src = scr_source_load(l->path, true, &l->diags);
  assert_non_null(l->src);
}

static void unload(loaded *l) {
  scr_source_free(l->src);
  scr_diags_free(&l->diags);
  unlink(l->path);
  free(l->path);
}

static void test_front_matter(void **state) {
  (void)state;
  loaded l;
  load_text(&l, "\xEF\xBB\xBF---\r\ndate: 2026-06-17\r\n"
                "members: [A, \"B, C\"]\r\n---\r\n## Item\r\n");
  scr_source *src = l.src;
  scr_diags d = l.diags;
  assert_int_equal(d.errors, 0);
  assert_string_equal(scr_meta_string(src->meta, "date"), "2026-06-17");
  const scr_ynode *m = scr_meta_get(src->meta, "members");
  assert_non_null(m);
  assert_int_equal(m->count, 2);
  assert_string_equal(m->items[1]->scalar, "B, C");
  assert_int_equal(m->line, 3);
  cmark_node *h = cmark_node_first_child(src->doc);
  assert_int_equal(scr_source_line(src, h), 5);
  unload(&l);
}

/* Every byte that is not printable ASCII ends the prefix, wherever it
   falls in or after the eight-byte words. */
static void test_printable_ascii_prefix(void **state) {
  (void)state;
  static const unsigned char stops[] = {0x00, '\t', '\n', '\r',
                                        0x1F, 0x80, 0xC3, 0xFF};
  unsigned char text[40];
  for (size_t len = 0; len <= sizeof text; len++) {
    memset(text, 'a', sizeof text);
    text[len % 3 ? len / 2 : 0] = 0x7F; /* printable as far as XML goes */
    text[len / 3] = ' ';
    assert_int_equal(scr_printable_ascii_prefix(text, len), len);
    for (size_t at = 0; at < len; at++)
      for (size_t k = 0; k < sizeof stops; k++) {
        unsigned char keep = text[at];
        text[at] = stops[k];
        assert_int_equal(scr_printable_ascii_prefix(text, len), at);
        text[at] = keep;
      }
  }
}

/* CRLF and lone CR become LF, wherever they fall; lines keep their
   numbers. */
static void test_line_endings(void **state) {
  (void)state;
  loaded l;
  load_text(&l, "---\r\ntitle: t\r---\n\rone\r\n\r\ntwo\rthree\r");
  scr_source *src = l.src;
  assert_string_equal(src->text, "---\ntitle: t\n---\n\none\n\ntwo\nthree\n");
  assert_int_equal(src->len, strlen(src->text));
  cmark_node *p = cmark_node_next(cmark_node_first_child(src->doc));
  assert_int_equal(scr_source_line(src, p), 7); /* "two" */
  unload(&l);
}

/* The image nodes of `doc` in document order, at most `max`; how many. */
static size_t image_nodes(cmark_node *doc, cmark_node **out, size_t max) {
  size_t n = 0;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER &&
        cmark_node_get_type(node) == CMARK_NODE_IMAGE && n < max)
      out[n++] = node;
  }
  cmark_iter_free(it);
  return n;
}

/* A released tree parses again to the same tree, and its nodes get back the
   user data they had. */
static void test_release_and_reparse(void **state) {
  (void)state;
  loaded l;
  load_text(&l, "---\ntitle: t\n---\n# One\n\n![a](x.png) and "
                "[b](c.md)\n\n| h |\n| - |\n| ![d](y.png) |\n");
  scr_source *src = l.src;
  char *before = cmark_render_xml(src->doc, CMARK_OPT_DEFAULT);
  int marks[2];
  cmark_node *images[3];
  assert_int_equal(image_nodes(src->doc, images, 3), 2);
  for (size_t i = 0; i < 2; i++) {
    cmark_node_set_user_data(images[i], &marks[i]);
    src->n_attached++;
  }
  scr_source_release_tree(src);
  assert_null(src->doc);
  assert_int_equal(src->n_detached, 2);
  assert_ptr_equal(scr_source_detached(src, 1), &marks[1]);
  assert_int_equal(scr_source_reparse(src), SCR_OK);
  char *after = cmark_render_xml(src->doc, CMARK_OPT_DEFAULT);
  assert_string_equal(before, after);
  assert_int_equal(image_nodes(src->doc, images, 3), 2);
  for (size_t i = 0; i < 2; i++)
    assert_ptr_equal(cmark_node_get_user_data(images[i]), &marks[i]);
  free(before);
  free(after);
  unload(&l);
}

/* Each bad source gives an error at the expected line. */
static void bad_source(const char *text, int line) {
  char *path = temp_source(text);
  scr_diags d;
  scr_diags_init(&d);
  scr_source *src = scr_source_load(path, true, &d);
  assert_null(src);
  assert_true(d.errors >= 1);
  assert_int_equal(d.items[0].line, line);
  scr_diags_free(&d);
  unlink(path);
  free(path);
}

static void test_bad_front_matter(void **state) {
  (void)state;
  bad_source("no front matter\n", 1);
  bad_source("---\ndate: 2026-06-17\n", 1);              /* unterminated */
  bad_source("---\ndate: [2026\nx: 1\n---\n", 2);        /* [ left open */
  bad_source("---\na: &x [1]\nb: *x\n---\n", 3);         /* alias */
  bad_source("---\ntitle: ok\n---\nbad \xFF byte\n", 4); /* invalid UTF-8 */
  bad_source("---\ndate: 2026-06-17\nx: 1\ndate: 2026-09-08\n---\n", 4);
  bad_source("---\nc:\n  - {name: A, name: B}\n---\n", 3); /* nested */
}

static void uri_is(const char *url, bool ascii, const char *want) {
  char *got = scr_uri_escape(url, ascii);
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

/* A '%' that begins no escape is encoded, escapes already made are kept,
   and IRIs keep their UTF-8 unless only URIs will do. */
static void test_uri_escape(void **state) {
  (void)state;
  uri_is("https://example.com/100%zz", true, "https://example.com/100%25zz");
  uri_is("https://example.com/a%20b%2F", true, "https://example.com/a%20b%2F");
  uri_is("50%", false, "50%25");
  uri_is("5%a", false, "5%25a");
  uri_is("a b<c>{d}", false, "a%20b%3Cc%3E%7Bd%7D");
  uri_is("caf\xC3\xA9", false, "caf\xC3\xA9");
  uri_is("caf\xC3\xA9", true, "caf%C3%A9");
}

/* Arrays grow from nothing to 4, then double, keeping what they hold; room
   already there costs nothing; a size that overflows is refused. */
static void test_reserve(void **state) {
  (void)state;
  int *a = NULL;
  size_t cap = 0;
  assert_int_equal(scr_reserve(&a, &cap, 1, sizeof *a), SCR_OK);
  assert_non_null(a);
  assert_int_equal(cap, 4);
  for (int i = 0; i < 4; i++)
    a[i] = i;
  assert_int_equal(scr_reserve(&a, &cap, 5, sizeof *a), SCR_OK);
  assert_int_equal(cap, 8);
  assert_int_equal(scr_reserve(&a, &cap, 9, sizeof *a), SCR_OK);
  assert_int_equal(cap, 16);
  assert_int_equal(scr_reserve(&a, &cap, 40, sizeof *a), SCR_OK);
  assert_int_equal(cap, 64);
  for (int i = 0; i < 4; i++)
    assert_int_equal(a[i], i);

  int *before = a;
  assert_int_equal(scr_reserve(&a, &cap, 10, sizeof *a), SCR_OK);
  assert_ptr_equal(a, before);
  assert_int_equal(cap, 64);
  assert_int_equal(scr_reserve(&a, &cap, 64, sizeof *a), SCR_OK);
  assert_ptr_equal(a, before);
  assert_int_equal(cap, 64);

  assert_int_equal(scr_reserve(&a, &cap, SIZE_MAX / sizeof *a + 1, sizeof *a),
                   SCR_E_NOMEM);
  assert_int_equal(scr_reserve(&a, &cap, SIZE_MAX, 2), SCR_E_NOMEM);
  assert_ptr_equal(a, before);
  assert_int_equal(cap, 64);
  for (int i = 0; i < 4; i++)
    assert_int_equal(a[i], i);
  free(a);

  /* a small capacity left by hand still grows to at least 4 */
  char *c = NULL;
  size_t small = 0;
  assert_int_equal(scr_reserve(&c, &small, 0, 1), SCR_OK);
  assert_null(c);
  assert_int_equal(small, 0);
  assert_int_equal(scr_reserve(&c, &small, 3, 1), SCR_OK);
  assert_int_equal(small, 4);
  assert_int_equal(scr_reserve(&c, &small, 5, 1), SCR_OK);
  assert_int_equal(small, 8);
  free(c);
}

/* Every error code has its own sentence; a code out of range has one too. */
static void test_every_error_has_a_sentence(void **state) {
  (void)state;
  for (int i = 0; i < SCR_E_COUNT; i++) {
    const char *text = scr_strerror((scr_error)i);
    assert_non_null(text);
    assert_true(strlen(text) > 0);
    for (int j = 0; j < i; j++)
      assert_string_not_equal(text, scr_strerror((scr_error)j));
  }
  assert_string_equal(scr_strerror(SCR_E_COUNT), "unknown error");
  assert_string_equal(scr_strerror((scr_error)-1), "unknown error");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_appendix_letters),
      cmocka_unit_test(test_date_wording),
      cmocka_unit_test(test_bad_dates),
      cmocka_unit_test(test_time_wording),
      cmocka_unit_test(test_xml_escaping),
      cmocka_unit_test(test_xml_attribute_escaping),
      cmocka_unit_test(test_xml_raw_markup_escaping),
      cmocka_unit_test(test_xml_raw_markup_order),
      cmocka_unit_test(test_front_matter),
      cmocka_unit_test(test_printable_ascii_prefix),
      cmocka_unit_test(test_line_endings),
      cmocka_unit_test(test_release_and_reparse),
      cmocka_unit_test(test_bad_front_matter),
      cmocka_unit_test(test_uri_escape),
      cmocka_unit_test(test_every_error_has_a_sentence),
      cmocka_unit_test(test_reserve),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
