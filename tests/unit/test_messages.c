/* Unit tests: front-matter YAML errors said in plain words at the place
   to mend, with the line as it should be written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "source.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write `text` to a temporary .md file; returns its path (caller frees). */
static char *temp_source(const char *text) {
  char *path = strdup("/tmp/scr-messages-XXXXXX.md");
  int fd = mkstemps(path, 3);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  return path;
}

/* The front matter `yaml` (between the `---` lines) is refused with one
   error at line:col whose message holds `want`. */
static void refused_at(const char *yaml, int line, int col, const char *want) {
  char *text = scr_asprintf("---\n%s---\n## Item\n", yaml);
  char *path = temp_source(text);
  scr_diags d;
  scr_diags_init(&d);
  scr_source *src = scr_source_load(path, true, &d);
  if (d.count != 1 || d.items[0].line != line || d.items[0].col != col ||
      !strstr(d.items[0].message, want)) {
    for (size_t i = 0; i < d.count; i++)
      fprintf(stderr, "got %d:%d: %s\n", d.items[i].line, d.items[i].col,
              d.items[i].message);
    fail_msg("want %d:%d: ...%s", line, col, want);
  }
  assert_null(src);
  scr_diags_free(&d);
  unlink(path);
  free(path);
  free(text);
}

static void test_tab_indent(void **state) {
  (void)state;
  refused_at("date: 2026-06-17\n\ttime: \"18:00\"\n", 3, 1,
             "a tab cannot indent YAML; indent with spaces");
  refused_at("contacts:\n\t- {name: A}\n", 3, 1, "a tab cannot indent YAML");
  refused_at("title: Budget\n\tand more\n", 3, 1, "a tab cannot indent");
}

static void test_colon_in_value(void **state) {
  (void)state;
  refused_at("date: 2026-06-17\ntitle: Budget: the plan\n", 3, 14,
             "a value with a colon must be quoted, like "
             "title: \"Budget: the plan\"");
  /* columns count characters, not bytes */
  refused_at("title: Caf\xC3\xA9 plan: now\n", 2, 17,
             "like title: \"Caf\xC3\xA9 plan: now\"");
  refused_at("title: say \"no\": now\n", 2, 16,
             "like title: \"say \\\"no\\\": now\"");
}

static void test_unclosed(void **state) {
  (void)state;
  refused_at("date: 2026-06-17\ntime: \"18:00\n", 3, 7,
             "the quotation mark (\") that opens this value is never closed: "
             "end the value with \", like time: \"18:00\"");
  refused_at("time: '18:00\n", 2, 7, "like time: '18:00'");
  /* YAML reads on to the next quotation mark, and stops further down */
  refused_at("title: \"Budget\ntime: \"18:00\"\n", 2, 8,
             "like title: \"Budget\"");
  refused_at("members: [A, B\n", 2, 10,
             "the list opened here with [ is never closed: end it with ], "
             "like members: [A, B]");
  refused_at("contacts:\n  - {name: A, role: B\nvenue: Room 1\n", 3, 5,
             "the entry opened here with { is never closed: end it with }, "
             "like - {name: A, role: B}");
  refused_at("members: [A, B] C\n", 2, 17, "there is more after the closing ]");
}

static void test_text_after_quotes(void **state) {
  (void)state;
  refused_at("time: \"18:00\" pm\n", 2, 14,
             "there is more after the closing \" of this value: put all of "
             "the value inside the quotation marks, like time: \"18:00 pm\"");
  refused_at("title: 'Children's services'\n", 2, 17,
             "an apostrophe in a value in single quotes is written twice "
             "(or put the value in double quotes), like "
             "title: 'Children''s services'");
}

static void test_list_items_out_of_line(void **state) {
  (void)state;
  refused_at("meetings:\n  - 2026-04-14\n - 2026-06-17\n", 4, 2,
             "this list item is not lined up with the one on line 3: start "
             "its - in column 3, as there");
  refused_at("meetings:\n  - 2026-04-14\n  - 2026-06-17\n- 2026-09-08\n", 5, 1,
             "start its - in column 3");
  refused_at("meetings:\n  - 2026-04-14\n   - 2026-06-17\n", 4, 4,
             "this list item is indented more than the one on line 3: start "
             "its - in column 3, as there");
  refused_at("meetings: 2026-04-14\n  - 2026-06-17\n", 3, 3,
             "a list cannot follow a value on its key's line (line 2)");
  refused_at("members:\n  - A\n  -B\n", 4, 3,
             "a list item needs a space after its -, like - B");
  refused_at("title: - Budget\n", 2, 8,
             "a list item (- ) must start a line of its own, under its key; "
             "if the dash is part of the value, put the value in quotes, "
             "like title: \"- Budget\"");
}

static void test_lines_not_key_value(void **state) {
  (void)state;
  refused_at("date: 2026-06-17\n  time: \"18:00\"\n", 3, 3,
             "this line is indented more than the key above it: start it in "
             "column 1, as line 2 does");
  refused_at("date: 2026-06-17\ntime: \"18:00\"\n  venue: Room 1\n", 4, 3,
             "this line is indented differently from the keys above it: "
             "start it in column 1, as line 2 does");
  refused_at("date: 2026-06-17\nvenue:Room 1\n", 3, 6,
             "a key needs a space after its colon, like venue: Room 1");
  refused_at("date: 2026-06-17\ntime: \"18:00\"\nvenue Room 1\n", 4, 1,
             "this line is not a `key: value` line");
  refused_at("title: @home\n", 2, 8,
             "a value cannot begin with @: put it in quotes, like "
             "title: \"@home\"");
}

static void test_duplicate_key(void **state) {
  (void)state;
  refused_at("date: 2026-06-17\ntime: \"18:00\"\ndate: 2026-06-18\n", 4, 1,
             "'date' is given twice (first on line 2): keep one and delete "
             "the other");
}

/* An open front matter is said with the line the closing `---` goes
   before. */
static void test_front_matter_not_closed(void **state) {
  (void)state;
  char *path = temp_source("---\ndate: 2026-06-17\ntime: \"18:00\"\n\n"
                           "## Apologies\n\nText.\n");
  scr_diags d;
  scr_diags_init(&d);
  assert_null(scr_source_load(path, true, &d));
  assert_int_equal(d.count, 1);
  assert_int_equal(d.items[0].line, 1);
  assert_string_equal(d.items[0].message,
                      "front matter is not closed: add a `---` line before "
                      "line 4, after its last `key: value` line");
  scr_diags_free(&d);
  unlink(path);
  free(path);
}

/* Front matter YAML reads well still loads: lists, flow entries over two
   lines, a quoted colon, an apostrophe in a plain value. */
static void test_good_front_matter(void **state) {
  (void)state;
  char *path = temp_source("---\nmeetings:\n  - 2026-04-14\n  - 2026-06-17\n"
                           "members: [A,\n  B]\ntitle: \"Budget: the plan\"\n"
                           "venue: Children's Centre\ntime:\t\"18:00\"\n"
                           "---\n## Item\n");
  scr_diags d;
  scr_diags_init(&d);
  scr_source *src = scr_source_load(path, true, &d);
  assert_non_null(src);
  assert_int_equal(d.count, 0);
  assert_int_equal(scr_meta_get(src->meta, "meetings")->count, 2);
  assert_int_equal(scr_meta_get(src->meta, "members")->count, 2);
  assert_string_equal(scr_meta_string(src->meta, "venue"), "Children's Centre");
  scr_source_free(src);
  scr_diags_free(&d);
  unlink(path);
  free(path);
}

/* A file that cannot be read is said with why: errno's words, a folder
   as a folder. */
static void test_unreadable(void **state) {
  (void)state;
  char said[160], *data;
  size_t len;
  char dir[] = "/tmp/scr-messages-XXXXXX";
  assert_non_null(mkdtemp(dir));
  assert_int_equal(scr_read_file(dir, 100, &data, &len), SCR_E_NOT_FILE);
  assert_string_equal(scr_unreadable(SCR_E_NOT_FILE, errno, said, sizeof said),
                      "is a folder, not a file");
  char *gone = scr_asprintf("%s/gone.md", dir);
  assert_int_equal(scr_read_file(gone, 100, &data, &len), SCR_E_IO);
  assert_string_equal(scr_unreadable(SCR_E_IO, errno, said, sizeof said),
                      "cannot read the file: no such file or directory");
  assert_string_equal(scr_unreadable(SCR_E_IO, EACCES, said, sizeof said),
                      "cannot read the file: permission denied");
  assert_string_equal(scr_unreadable(SCR_E_NOT_FILE, 0, said, sizeof said),
                      "not a regular file");
  /* the source says it at the file */
  scr_diags d;
  scr_diags_init(&d);
  assert_null(scr_source_load(dir, true, &d));
  assert_int_equal(d.count, 1);
  assert_string_equal(d.items[0].message, "is a folder, not a file");
  scr_diags_free(&d);
  free(gone);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tab_indent),
      cmocka_unit_test(test_colon_in_value),
      cmocka_unit_test(test_unclosed),
      cmocka_unit_test(test_text_after_quotes),
      cmocka_unit_test(test_list_items_out_of_line),
      cmocka_unit_test(test_lines_not_key_value),
      cmocka_unit_test(test_duplicate_key),
      cmocka_unit_test(test_front_matter_not_closed),
      cmocka_unit_test(test_good_front_matter),
      cmocka_unit_test(test_unreadable),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
