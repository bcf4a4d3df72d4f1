/* Unit tests: each accessibility check, what it must not flag, --strict, and
   a report shared by two agendas being checked once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "a11y.h"
#include "util.h"
#include "files_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fixture {
  char root[64];
  scr_diags diags;
  scr_a11y a11y;
} fixture;

static void start(fixture *fx, bool strict) {
  snprintf(fx->root, sizeof fx->root, "/tmp/scr-a11y-XXXXXX");
  assert_non_null(mkdtemp(fx->root));
  scr_diags_init(&fx->diags);
  scr_a11y_init(&fx->a11y, &fx->diags, strict);
}

static void finish(fixture *fx) {
  scr_a11y_free(&fx->a11y);
  scr_diags_free(&fx->diags);
  char *cmd = scr_asprintf("rm -rf '%s'", fx->root);
  assert_int_equal(system(cmd), 0);
  free(cmd);
}

/* Write `text` as report.md, check it, and return how many findings. */
static size_t check_text(fixture *fx, const char *text, bool needs_title) {
  write_file(fx->root, "report.md", text);
  char *path = scr_asprintf("%s/report.md", fx->root);
  scr_source *src = scr_source_load(path, false, &fx->diags);
  assert_non_null(src);
  size_t before = fx->diags.count;
  assert_int_equal(scr_a11y_check_source(&fx->a11y, src, needs_title), SCR_OK);
  scr_source_free(src);
  free(path);
  return fx->diags.count - before;
}

/* Check a fresh report holding `text`; returns the number of findings. */
static size_t findings(const char *text, bool needs_title) {
  fixture fx;
  start(&fx, false);
  size_t n = check_text(&fx, text, needs_title);
  finish(&fx);
  return n;
}

/* The one finding in `fx`: a warning at line:col saying `a` (and `b`). */
static void assert_finding(const fixture *fx, size_t i, const char *file_end,
                           int line, int col, const char *a, const char *b) {
  assert_true(i < fx->diags.count);
  const scr_diag *d = &fx->diags.items[i];
  size_t n = strlen(d->file), k = strlen(file_end);
  assert_true(n >= k);
  assert_string_equal(d->file + n - k, file_end);
  assert_int_equal(d->severity, fx->a11y.strict ? SCR_ERROR : SCR_WARNING);
  assert_int_equal(d->line, line);
  if (col)
    assert_int_equal(d->col, col);
  if (!strstr(d->message, a) || (b && !strstr(d->message, b)))
    fail_msg("message '%s' lacks '%s' / '%s'", d->message, a, b ? b : "");
}

/* Check `text` and expect exactly one finding at line:col. */
static void expect_one(const char *text, int line, int col, const char *a,
                       const char *b) {
  fixture fx;
  start(&fx, false);
  assert_int_equal(check_text(&fx, text, true), 1);
  assert_finding(&fx, 0, "report.md", line, col, a, b);
  finish(&fx);
}

static void test_image_without_alt_text(void **state) {
  (void)state;
  expect_one("---\ntitle: Budget\n---\nThe chart:\n\n![](chart.png)\n", 6, 1,
             "image 'chart.png' has no alt text",
             "![what the image shows](chart.png)");
  expect_one("# Budget\n\nSee ![  ](figures/pie.jpg) below.\n", 3, 5,
             "image 'figures/pie.jpg' has no alt text", NULL);
  expect_one("# Budget\n\n- one\n- two\n\n  ![](c.png)\n", 6, 3,
             "image 'c.png'", NULL);
}

static void test_image_with_alt_text_is_fine(void **state) {
  (void)state;
  assert_int_equal(
      findings("# Budget\n\n![Spending rose 4% in 2025](chart.png)\n", true),
      0);
}

static void test_skipped_heading_level(void **state) {
  (void)state;
  expect_one("# Budget\n\nText.\n\n### Costs\n", 5, 1,
             "heading 'Costs' (###) skips a level after 'Budget' (#)",
             "make it ##");
  expect_one("---\ntitle: T\n---\n## Summary\n\n### One\n\n##### Deep\n", 8, 1,
             "heading 'Deep' (#####) skips a level after 'One' (###)",
             "make it ####");
  /* setext headings are levels 1 and 2 */
  expect_one("Budget\n======\n\n### Costs\n", 4, 1, "'Costs' (###)",
             "after 'Budget' (#)");
}

/* The pack puts a file's shallowest level under the heading that holds it,
   so a first heading deeper than a later one lands a level too deep. */
static void test_first_heading_deeper_than_a_later_one(void **state) {
  (void)state;
  expect_one("## Covering report\n\nText.\n\n# The plan\n", 1, 1,
             "heading 'Covering report' (##) comes before any # heading",
             "make it #");
}

static void test_heading_levels_without_skips_are_fine(void **state) {
  (void)state;
  /* the shallowest level is the base, whatever it is; going back up any
     number of levels is no skip */
  assert_int_equal(
      findings("## Start\n\n### Part\n\n#### Deep\n\n## Up\n\n### Down\n",
               true),
      0);
  assert_int_equal(findings("### Start\n\n#### Part\n\n### Up\n", true), 0);
  assert_int_equal(findings("## Item one\n\n## Item two\n", true), 0);
}

static void test_table_without_header_row(void **state) {
  (void)state;
  expect_one("# Figures\n\n|  |   |\n| --- | --- |\n| 2025 | 41 |\n", 3, 1,
             "table has no header row", "| Measure | Target |");
  /* a logo without alt text announces nothing either */
  fixture fx;
  start(&fx, false);
  assert_int_equal(
      check_text(&fx, "# Figures\n\n| ![](logo.png) |\n| --- |\n| a |\n", true),
      2);
  assert_finding(&fx, 0, "report.md", 3, 1, "table has no header row", NULL);
  assert_finding(&fx, 1, "report.md", 3, 3, "image 'logo.png'", NULL);
  finish(&fx);
}

static void test_table_with_header_row_is_fine(void **state) {
  (void)state;
  assert_int_equal(
      findings("# Figures\n\n| Year | |\n| --- | --- |\n| 2025 | 41 |\n", true),
      0);
  assert_int_equal(
      findings("# Figures\n\n| ![Logo](l.png) | |\n| --- | --- |\n| a | b |\n",
               true),
      0);
}

static void test_link_without_text(void **state) {
  (void)state;
  expect_one("# Papers\n\nSee [](https://example.org/papers).\n", 3, 5,
             "link to 'https://example.org/papers' has no text",
             "[the page's name](https://example.org/papers)");
  expect_one("# Papers\n\nSee [ ](minutes.md).\n", 3, 5,
             "link to 'minutes.md' has no text", NULL);
}

static void test_vague_link_text(void **state) {
  (void)state;
  static const char *const VAGUE[][2] = {
      {"click here", "click here"},
      {"Here", "Here"},
      {"link", "link"},
      {"This  link", "This link"},
      {"Read more...", "Read more"},
      {"more\xE2\x80\xA6", "more"},
      {"CLICK HERE!", "CLICK HERE"},
      {" here: ", "here"},
  };
  for (size_t i = 0; i < sizeof VAGUE / sizeof *VAGUE; i++) {
    char *text = scr_asprintf("# Papers\n\nThe papers: [%s](https://e.org/p)\n",
                              VAGUE[i][0]);
    char *want = scr_asprintf("link text '%s' does not say where the link goes",
                              VAGUE[i][1]);
    expect_one(text, 3, 13, want, "[the page's name](https://e.org/p)");
    free(text);
    free(want);
  }
}

static void test_meaningful_link_text_is_fine(void **state) {
  (void)state;
  assert_int_equal(
      findings("# Papers\n\nRead [the budget report](b.md), [more about "
               "school places](https://e.org/s), [here and now](h.md) and "
               "[Appendix](a.md).\n",
               true),
      0);
}

static void test_bare_web_address_as_link_text(void **state) {
  (void)state;
  expect_one("# Papers\n\nPapers are at <https://example.org/papers>.\n", 3, 15,
             "link text 'https://example.org/papers' is a bare web address",
             "[the page's name](https://example.org/papers)");
  /* plain addresses that cmark-gfm's autolink extension turns into links */
  expect_one("# Papers\n\nThe papers are\nfound here https://example.org/p "
             "today.\n",
             4, 12, "link text 'https://example.org/p' is a bare web address",
             NULL);
  expect_one("# Papers\n\nThe papers are\nhttps://example.org/p today.\n", 4, 0,
             "link text 'https://example.org/p'", NULL);
  expect_one("# Papers\n\n> https://example.org/p has them.\n", 3, 0,
             "link text 'https://example.org/p'", NULL);
  expect_one("# Papers\n\nSee www.example.org for more.\n", 3, 5,
             "link text 'www.example.org' is a bare web address",
             "(http://www.example.org)");
  expect_one("# Papers\n\n[HTTPS://EXAMPLE.ORG](https://example.org)\n", 3, 1,
             "'HTTPS://EXAMPLE.ORG' is a bare web address", NULL);
}

static void test_addresses_in_descriptive_text_are_fine(void **state) {
  (void)state;
  assert_int_equal(
      findings("# Contacts\n\nWrite to clerk@example.org or "
               "<clerk@example.org>, or see the [Council's website at "
               "www.example.org](https://www.example.org).\n",
               true),
      0);
}

static void test_report_without_title(void **state) {
  (void)state;
  expect_one("Some text, no heading.\n", 1, 1, "the report has no title",
             "'title:' in the front matter or start it with a '# Title'");
  expect_one("---\nauthor: A. Clerk\n---\nText.\n", 1, 1,
             "the report has no title", NULL);
  /* an empty title is no title: the pack would show none */
  expect_one("---\nauthor: A. Clerk\ntitle: \"\"\n---\n# Heading\n", 3, 1,
             "the report has no title", NULL);
}

static void test_titled_reports_and_other_sources_are_fine(void **state) {
  (void)state;
  assert_int_equal(findings("---\ntitle: Budget 2026\n---\nText.\n", true), 0);
  assert_int_equal(findings("Intro.\n\n## Budget 2026\n\nText.\n", true), 0);
  /* agendas, minutes and the work programme are titled by scrutineer */
  assert_int_equal(findings("Text, no heading.\n", false), 0);
}

static void test_strict_makes_findings_errors(void **state) {
  (void)state;
  fixture fx;
  start(&fx, true);
  assert_int_equal(check_text(&fx,
                              "# T\n\n[click here](https://e.org)\n\n"
                              "![](c.png)\n",
                              true),
                   2);
  assert_int_equal(fx.diags.errors, 2);
  assert_finding(&fx, 0, "report.md", 3, 1, "'click here'", NULL);
  assert_finding(&fx, 1, "report.md", 5, 1, "image 'c.png'", NULL);
  finish(&fx);
}

/* ---- how the text is written: warnings even under --strict --------------- */

/* Check `text` (a report when `report`) strictly, and expect exactly one
   finding: a warning at line:col saying `a` and `b`. */
static void expect_warning(const char *text, bool report, int line, int col,
                           const char *a, const char *b) {
  fixture fx;
  start(&fx, true);
  assert_int_equal(check_text(&fx, text, report), 1);
  const scr_diag *d = &fx.diags.items[0];
  assert_int_equal(d->severity, SCR_WARNING);
  assert_int_equal(d->line, line);
  assert_int_equal(d->col, col);
  if (!strstr(d->message, a) || (b && !strstr(d->message, b)))
    fail_msg("message '%s' lacks '%s' / '%s'", d->message, a, b ? b : "");
  finish(&fx);
}

static void test_raw_html_meant_as_markup(void **state) {
  (void)state;
  expect_warning("# T\n\nWords in <b>bold</b> here.\n", true, 3, 10,
                 "raw HTML '<b>' is shown as the text it is", "(**bold**)");
  expect_warning("# T\n\nA <SPAN style=\"color: red\">red</SPAN> word.\n", true,
                 3, 3, "raw HTML '<span>'", "house template");
  /* a block once, at its first tag of an element */
  expect_warning("# T\n\n<!-- note -->\n<table>\n<tr><td>x</td></tr>\n"
                 "</table>\n",
                 true, 4, 1, "raw HTML '<table>'", "| Column | Column |");
  expect_warning("# T\n\n<div>\n  <u>x</u>\n</div>\n", true, 3, 1, "'<div>'",
                 NULL);
}

static void test_raw_html_as_text_is_fine(void **state) {
  (void)state;
  /* words in angle brackets, a line break, comments: nothing to say */
  assert_int_equal(findings("# T\n\nTest of ampersands, <angle brackets> and "
                            "quotes.<br>\nNext <!-- a <b>note</b> -->.\n\n"
                            "<!--\n<div>draft</div>\n-->\n",
                            true),
                   0);
}

static void test_link_to_no_heading(void **state) {
  (void)state;
  expect_warning("# Budget\n\n## Key findings\n\nSee [the findings]"
                 "(#key-finding).\n",
                 true, 5, 5, "link to '#key-finding' leads to no heading",
                 "did you mean '#key-findings'?");
  expect_warning("# Budget\n\nSee [far](#elsewhere).\n", true, 3, 5,
                 "'#elsewhere'", "plain text");
  assert_int_equal(findings("# Budget\n\n## Key findings\n\n## Key findings\n"
                            "\n[one](#key-findings), [two](#key-findings-1), "
                            "[case](#Key-Findings), [top](#budget).\n",
                            true),
                   0);
}

static void test_times_in_another_style(void **state) {
  (void)state;
  expect_warning("## Close\n\nThere being no further business, the meeting "
                 "closed at 20:05.\n",
                 false, 3, 56, "time '20:05'", "write '8:05 pm'");
  expect_warning("## Dates\n\nAll meetings would start at 5:30pm.\n", false, 3,
                 29, "time '5:30pm'", "write '5:30 pm'");
  expect_warning("## Dates\n\nDoors open at 09.15 AM.\n", false, 3, 15,
                 "time '09.15 AM'", "write '9:15 am'");
}

static void test_times_as_the_council_writes_them_are_fine(void **state) {
  (void)state;
  assert_int_equal(
      findings("## Close\n\nThe meeting closed at 8:05 pm, after "
               "a ratio of 3:45 and 12:00 noon; growth of 10.30%, "
               "at [the port](https://e.org:8080/a), 2026-06-17.\n",
               false),
      0);
  /* an officer's report is the officer's to write */
  assert_int_equal(findings("# Log\n\nCalls peaked at 18:46.\n", true), 0);
}

static const char COMMITTEE[] =
    "---\ncouncil: Test Council\ncommittee: Test Scrutiny Commission\n"
    "short: TSC\ntime: \"17:30\"\nvenue: Town Hall\n"
    "meetings: [2026-04-14, 2026-06-17, 2026-09-08]\n---\n"
    "## Public access\n\nSee [here](https://e.org/access).\n";

/* Two agendas link the same report and the same minutes: each source of
   the workspace is checked once. */
static void test_each_source_is_checked_once(void **state) {
  (void)state;
  fixture fx;
  start(&fx, false);
  make_dir(fx.root, "agendas");
  make_dir(fx.root, "agendas/shared");
  make_dir(fx.root, "minutes");
  write_file(fx.root, "agendas/committee.md", COMMITTEE);
  write_file(fx.root, "agendas/shared/report.md",
             "---\ntitle: Shared\n---\n# Shared\n\n### Too deep\n");
  write_file(fx.root, "minutes/2026-04-14.md",
             "---\ndate: 2026-04-14\nfirst_minute: 1\n---\n## Welcome\n\n"
             "[](https://e.org/welcome)\n");
  static const char AGENDA[] =
      "---\ndate: %s\n---\n## Minutes\n\n[Appendix](../minutes/2026-04-14.md)"
      "\n\n## Shared report\n\n[Appendix](shared/report.md)\n";
  char *june = scr_asprintf(AGENDA, "2026-06-17");
  char *sept = scr_asprintf(AGENDA, "2026-09-08");
  write_file(fx.root, "agendas/2026-06-17.md", june);
  write_file(fx.root, "agendas/2026-09-08.md", sept);
  free(june);
  free(sept);

  scr_workspace ws;
  scr_minutes_book book;
  scr_workprogramme wp = {0};
  scr_agenda *agendas;
  size_t n;
  assert_int_equal(scr_workspace_open(fx.root, &ws, &fx.diags), SCR_OK);
  assert_int_equal(scr_minutes_book_load(&ws, &book, &fx.diags), SCR_OK);
  assert_int_equal(scr_agendas_load(&ws, &book, NULL, &agendas, &n, &fx.diags),
                   SCR_OK);
  assert_int_equal(n, 2);
  assert_int_equal(fx.diags.count, 0);
  assert_int_equal(
      scr_a11y_check_workspace(&fx.a11y, &ws, &book, &wp, agendas, n), SCR_OK);
  assert_int_equal(fx.diags.count, 3);
  assert_finding(&fx, 0, "agendas/committee.md", 11, 5, "'here'", NULL);
  assert_finding(&fx, 1, "minutes/2026-04-14.md", 7, 1,
                 "link to 'https://e.org/welcome' has no text", NULL);
  assert_finding(&fx, 2, "agendas/shared/report.md", 6, 1,
                 "heading 'Too deep' (###)", NULL);
  /* checking an agenda again finds nothing new */
  assert_int_equal(scr_a11y_check_agenda(&fx.a11y, &agendas[1]), SCR_OK);
  assert_int_equal(fx.diags.count, 3);

  scr_agendas_free(agendas, n);
  scr_minutes_book_free(&book);
  scr_workspace_free(&ws);
  finish(&fx);
}

/* A report of `lines` list items, two links each after a multibyte character
   and a tab, and last a line without a newline whose two links are warned
   of. Caller frees. */
static char *links_report(int lines) {
  size_t cap = 64 + (size_t)lines * 64, len = 0;
  char *text = malloc(cap);
  assert_non_null(text);
  len += (size_t)snprintf(text, cap, "---\ntitle: Links\n---\n# Links\n\n");
  for (int i = 0; i < lines; i++)
    len += (size_t)snprintf(text + len, cap - len,
                            "- \xC3\xA9\t[Ward %d](w/%d.html), [map](m/%d)\n",
                            i, i, i);
  snprintf(text + len, cap - len,
           "- \xC3\xA9\t[click here](last.html) www.example.org/last");
  return text;
}

/* Findings far down a long file are placed on their line as near the top. */
static void test_places_far_down_a_long_file(void **state) {
  (void)state;
  fixture fx;
  start(&fx, false);
  char *text = links_report(3000);
  assert_int_equal(check_text(&fx, text, true), 2);
  assert_finding(&fx, 0, "report.md", 3006, 6, "link text 'click here'", NULL);
  assert_finding(&fx, 1, "report.md", 3006, 30,
                 "link text 'www.example.org/last' is a bare web address",
                 NULL);
  free(text);
  finish(&fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_image_without_alt_text),
      cmocka_unit_test(test_image_with_alt_text_is_fine),
      cmocka_unit_test(test_skipped_heading_level),
      cmocka_unit_test(test_first_heading_deeper_than_a_later_one),
      cmocka_unit_test(test_heading_levels_without_skips_are_fine),
      cmocka_unit_test(test_table_without_header_row),
      cmocka_unit_test(test_table_with_header_row_is_fine),
      cmocka_unit_test(test_link_without_text),
      cmocka_unit_test(test_vague_link_text),
      cmocka_unit_test(test_meaningful_link_text_is_fine),
      cmocka_unit_test(test_bare_web_address_as_link_text),
      cmocka_unit_test(test_addresses_in_descriptive_text_are_fine),
      cmocka_unit_test(test_raw_html_meant_as_markup),
      cmocka_unit_test(test_raw_html_as_text_is_fine),
      cmocka_unit_test(test_link_to_no_heading),
      cmocka_unit_test(test_times_in_another_style),
      cmocka_unit_test(test_times_as_the_council_writes_them_are_fine),
      cmocka_unit_test(test_report_without_title),
      cmocka_unit_test(test_titled_reports_and_other_sources_are_fine),
      cmocka_unit_test(test_strict_makes_findings_errors),
      cmocka_unit_test(test_each_source_is_checked_once),
      cmocka_unit_test(test_places_far_down_a_long_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
