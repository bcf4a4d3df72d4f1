/* Unit tests: sources read ahead on a second thread are the sources, and
   the diagnostics, that reading each in turn gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ahead.h"
#include "source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_SOURCES 24

static char *temp_source(const char *text, size_t len) {
  char *path = strdup("/tmp/scr-ahead-XXXXXX.md");
  int fd = mkstemps(path, 3);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, len), (ssize_t)len);
  close(fd);
  return path;
}

/* Source i: mostly long bodies full of the inline syntax whose parsing
   shares cmark-gfm's one table (strikethrough, autolinks), so that two
   finish together if they can; every fifth one broken in its own way. */
static char *source_text(size_t i, size_t *len) {
  size_t cap = 512 * 1024, n = 0;
  char *t = malloc(cap);
  assert_non_null(t);
  switch (i % 5) {
  case 3:
    n += (size_t)snprintf(t, cap, "no front matter in %zu\n", i);
    break;
  case 4:
    n += (size_t)snprintf(t, cap, "---\ntitle: [open %zu\nx: 1\n---\n", i);
    break;
  default:
    n += (size_t)snprintf(t, cap, "---\ntitle: Report %zu\n---\n# R%zu\n\n", i,
                          i);
    for (size_t k = 0; k < 100 + 40 * i; k++)
      n += (size_t)snprintf(t + n, cap - n,
                            "Para %zu with ~~struck %zu~~ text, www.ex%zu.org "
                            "and https://a.example/%zu, *em* and `code`.\n\n",
                            k, k, k, k);
    n += (size_t)snprintf(t + n, cap - n,
                          "| a | b |\n| - | - |\n| ~~c~~ | d |\n");
  }
  assert_true(n < cap);
  *len = n;
  return t;
}

typedef struct sources {
  char *paths[N_SOURCES];
} sources;

static void write_sources(sources *s) {
  for (size_t i = 0; i < N_SOURCES; i++) {
    size_t len;
    char *text = source_text(i, &len);
    s->paths[i] = temp_source(text, len);
    free(text);
  }
}

static void remove_sources(sources *s) {
  for (size_t i = 0; i < N_SOURCES; i++) {
    unlink(s->paths[i]);
    free(s->paths[i]);
  }
}

/* What a reading gave: each source's tree as XML (NULL when unusable), and
   every diagnostic as one line, in order. */
typedef struct reading {
  char *xml[N_SOURCES];
  char *diags;
  size_t errors;
} reading;

static char *diag_lines(const scr_diags *d) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_non_null(f);
  scr_diags_print(d, f);
  fclose(f);
  return buf;
}

static void keep(reading *r, size_t i, scr_source *src) {
  r->xml[i] = src ? cmark_render_xml(src->doc, CMARK_OPT_DEFAULT) : NULL;
  scr_source_free(src);
}

static void finish_reading(reading *r, scr_diags *d) {
  r->diags = diag_lines(d);
  r->errors = d->errors;
  scr_diags_free(d);
}

static void read_in_turn(const sources *s, reading *r) {
  scr_diags d;
  scr_diags_init(&d);
  for (size_t i = 0; i < N_SOURCES; i++)
    keep(r, i, scr_source_load(s->paths[i], true, &d));
  finish_reading(r, &d);
}

static void assert_same_reading(const reading *a, const reading *b) {
  for (size_t i = 0; i < N_SOURCES; i++) {
    assert_true((a->xml[i] == NULL) == (b->xml[i] == NULL));
    if (a->xml[i])
      assert_string_equal(a->xml[i], b->xml[i]);
  }
  assert_string_equal(a->diags, b->diags);
  assert_int_equal(a->errors, b->errors);
}

static void reading_free(reading *r) {
  for (size_t i = 0; i < N_SOURCES; i++)
    free(r->xml[i]);
  free(r->diags);
}

/* Named all at once and taken in order: the same trees and the same
   diagnostics, in the same order, as reading each in turn. Repeated, since
   which thread parses which source changes from run to run. */
static void test_ahead_reads_as_in_turn(void **state) {
  (void)state;
  sources s;
  write_sources(&s);
  reading want = {0};
  read_in_turn(&s, &want);
  assert_true(want.errors >= 2 * N_SOURCES / 5);
  assert_non_null(strstr(want.xml[0], "<strikethrough>"));
  for (int round = 0; round < 8; round++) {
    scr_ahead *a = scr_ahead_new();
    assert_non_null(a);
    for (size_t i = 0; i < N_SOURCES; i++)
      scr_ahead_want(a, s.paths[i], true);
    reading got = {0};
    scr_diags d;
    scr_diags_init(&d);
    for (size_t i = 0; i < N_SOURCES; i++)
      keep(&got, i, scr_ahead_take(a, s.paths[i], true, &d));
    finish_reading(&got, &d);
    scr_ahead_free(a);
    assert_same_reading(&want, &got);
    reading_free(&got);
  }
  reading_free(&want);
  remove_sources(&s);
}

/* Taken out of order, named twice, taken twice, asked for with another
   need for front matter, never taken: each taking gives what reading the
   file then gives, and a source never taken says nothing. */
static void test_ahead_out_of_order(void **state) {
  (void)state;
  sources s;
  write_sources(&s);
  scr_ahead *a = scr_ahead_new();
  assert_non_null(a);
  for (size_t i = 0; i < 6; i++)
    scr_ahead_want(a, s.paths[i], true);
  scr_ahead_want(a, s.paths[0], true);
  scr_ahead_want(a, s.paths[4], false);

  static const size_t order[] = {2, 0, 0, 3, 4};
  static const bool need[] = {true, true, true, false, false};
  reading want = {0}, got = {0};
  scr_diags wd, gd;
  scr_diags_init(&wd);
  scr_diags_init(&gd);
  for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
    const char *p = s.paths[order[k]];
    keep(&want, k, scr_source_load(p, need[k], &wd));
    keep(&got, k, scr_ahead_take(a, p, need[k], &gd));
  }
  finish_reading(&want, &wd);
  finish_reading(&got, &gd);
  assert_same_reading(&want, &got);
  /* source 3 has none, asked for without needing it; 4's is malformed */
  assert_int_equal(got.errors, 1);
  scr_ahead_free(a); /* sources 1 and 5 were parsed, never taken */
  reading_free(&want);
  reading_free(&got);
  remove_sources(&s);
}

/* Without a reader, taking reads the file; naming does nothing. */
static void test_ahead_none(void **state) {
  (void)state;
  char *path = temp_source("---\ntitle: t\n---\nbody\n", 21);
  scr_ahead_want(NULL, path, true);
  scr_diags d;
  scr_diags_init(&d);
  scr_source *src = scr_ahead_take(NULL, path, true, &d);
  assert_non_null(src);
  assert_string_equal(scr_meta_string(src->meta, "title"), "t");
  assert_int_equal(d.count, 0);
  scr_source_free(src);
  scr_diags_free(&d);
  scr_ahead_free(NULL);
  unlink(path);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ahead_reads_as_in_turn),
      cmocka_unit_test(test_ahead_out_of_order),
      cmocka_unit_test(test_ahead_none),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
