/* Unit tests: attribute blocks read strictly, at the right column, and the
   edit distance behind "did you mean". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "attrs.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const scr_field SPEC[] = {
    {.name = "exempt", .type = SCR_FIELD_CHOICE, .example = "exempt=3"},
    {.name = "to-follow", .type = SCR_FIELD_FLAG, .example = "to-follow"},
    {.name = NULL}};

typedef struct seen {
  char text[256];
  int line, col; /* of the last attribute */
} seen;

static void note(void *ctx, const char *key, const char *value, int line,
                 int col) {
  seen *s = ctx;
  size_t n = strlen(s->text);
  snprintf(s->text + n, sizeof s->text - n, "%s%s=%s", n ? " " : "", key,
           value ? value : "(flag)");
  s->line = line;
  s->col = col;
}

/* The first heading of `body` (after two lines of front matter) read with
   SPEC: the result, what was applied, the heading's text after, and the
   first diagnostic. */
typedef struct outcome {
  scr_attr_result result;
  seen seen;
  char title[128];
  char message[256];
  int line, col;
} outcome;

static outcome read_heading(const char *body) {
  char path[] = "/tmp/scr-attrs-XXXXXX.md";
  int fd = mkstemps(path, 3);
  assert_true(fd >= 0);
  char *text = scr_asprintf("---\ntitle: t\n---\n%s", body);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  free(text);
  scr_diags d;
  scr_diags_init(&d);
  scr_source *src = scr_source_load(path, true, &d);
  assert_non_null(src);
  scr_attr_place p;
  scr_attr_place_init(&p, src, &d, "item heading");
  outcome o = {0};
  cmark_node *h = cmark_node_first_child(src->doc);
  o.result = scr_take_attributes(h, SPEC, note, &o.seen, &p);
  char *title = scr_node_text(h);
  snprintf(o.title, sizeof o.title, "%s", title);
  free(title);
  if (d.count) {
    snprintf(o.message, sizeof o.message, "%s", d.items[0].message);
    o.line = d.items[0].line;
    o.col = d.items[0].col;
  }
  scr_source_free(src);
  scr_diags_free(&d);
  unlink(path);
  return o;
}

static void test_well_formed(void **state) {
  (void)state;
  outcome o = read_heading("## Staffing review {exempt=3}\n");
  assert_int_equal(o.result, SCR_ATTRS_TAKEN);
  assert_string_equal(o.seen.text, "exempt=3");
  assert_string_equal(o.title, "Staffing review");
  assert_int_equal(o.seen.line, 4);
  assert_int_equal(o.seen.col, 21);
  o = read_heading("## Budget {  to-follow exempt=\"5\" }\n");
  assert_int_equal(o.result, SCR_ATTRS_TAKEN);
  assert_string_equal(o.seen.text, "to-follow=(flag) exempt=5");
  assert_string_equal(o.title, "Budget");
  o = read_heading("## Plain title\n");
  assert_int_equal(o.result, SCR_ATTRS_NONE);
  assert_string_equal(o.title, "Plain title");
  /* a closing brace alone opens nothing */
  o = read_heading("## Smiles :}\n");
  assert_int_equal(o.result, SCR_ATTRS_NONE);
}

/* Nothing is applied or removed from a block that does not parse, and the
   error points at the fault. */
static void malformed(const char *body, int col, const char *message) {
  outcome o = read_heading(body);
  assert_int_equal(o.result, SCR_ATTRS_MALFORMED);
  assert_string_equal(o.seen.text, "");
  assert_non_null(strstr(o.title, "{"));
  assert_int_equal(o.line, 4);
  assert_int_equal(o.col, col);
  if (!strstr(o.message, message))
    fail_msg("'%s' lacks '%s'", o.message, message);
}

static void test_malformed(void **state) {
  (void)state;
  malformed("## Staffing {exempt=3\n", 13, "'{' is not closed");
  malformed("## Staffing {exempt=3}.\n", 23, "text after the closing '}'");
  malformed("## Staffing {exempt=3}{to-follow}\n", 23,
            "more than one pair of braces");
  malformed("## Staffing {EXEMPT=3}\n", 14,
            "unknown attribute 'EXEMPT'; did you mean 'exempt'?");
  malformed("## Staffing {exempt:3}\n", 20, "found ':'");
  malformed("## Staffing {.exempt=3}\n", 14, "classes and identifiers");
  malformed("## Staffing {exempt=3 exempt=4}\n", 23, "given twice");
  malformed("## Staffing {exempt}\n", 14, "'exempt' needs a value");
  malformed("## Staffing {to-follow=1}\n", 14, "'to-follow' takes no value");
  malformed("## Staffing {}\n", 13, "the braces are empty");
  malformed("## Staffing {exempt=*3*}\n", 13, "must be plain text");
  malformed("## Staffing {sneaky=1}\n", 14, "unknown attribute 'sneaky'");
}

/* Raw HTML in a heading is its text, as written, and leaves its attributes
   as they were; a marker inside a comment is not hidden by it, but an
   error, as any brace not plain text is. */
static void test_raw_html_in_headings(void **state) {
  (void)state;
  outcome o = read_heading("## Staffing <b>review</b> {exempt=3}\n");
  assert_int_equal(o.result, SCR_ATTRS_TAKEN);
  assert_string_equal(o.seen.text, "exempt=3");
  assert_string_equal(o.title, "Staffing <b>review</b>");
  o = read_heading("## Staffing <!-- {exempt=3} -->\n");
  assert_int_equal(o.result, SCR_ATTRS_MALFORMED);
  assert_string_equal(o.seen.text, "");
  assert_int_equal(o.col, 18);
  assert_non_null(strstr(o.message, "must be plain text"));
  o = read_heading("## Staffing {exempt=3} <!-- a note -->\n");
  assert_int_equal(o.result, SCR_ATTRS_MALFORMED);
  assert_string_equal(o.seen.text, "");
}

static void test_edit_distance(void **state) {
  (void)state;
  assert_int_equal(scr_edit_distance("exempt", "EXEMPT"), 0);
  /* two letters swapped are one slip, so that "Titel" is nearer "title"
     than "time" */
  assert_int_equal(scr_edit_distance("exmept", "exempt"), 1);
  assert_int_equal(scr_edit_distance("Titel", "title"), 1);
  assert_int_equal(scr_edit_distance("Titel", "time"), 2);
  assert_int_equal(scr_edit_distance("ab", "ba"), 1);
  assert_int_equal(scr_edit_distance("", "abc"), 3);
  assert_int_equal(scr_edit_distance("kitten", "sitting"), 3);
  static const char *const WORDS[] = {"exempt", "to-follow", "answers", NULL};
  assert_string_equal(scr_closest_word("answer", WORDS), "answers");
  assert_string_equal(scr_closest_word("to_follow", WORDS), "to-follow");
  assert_null(scr_closest_word("owner", WORDS));
  assert_null(scr_closest_word("ex", WORDS)); /* too short to guess */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_well_formed),
      cmocka_unit_test(test_malformed),
      cmocka_unit_test(test_raw_html_in_headings),
      cmocka_unit_test(test_edit_distance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
