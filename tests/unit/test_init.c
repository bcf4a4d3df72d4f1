/* Unit tests: init and new. The schedule, report names, headings without
   their attributes, YAML strings, which agenda items carry over and where
   the new ones go, the minutes item, and the house template read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "init.h"
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static scr_date date(int y, int m, int d) {
  return (scr_date){y, m, d};
}

static void expect_date(scr_date got, int y, int m, int d) {
  assert_int_equal(got.year, y);
  assert_int_equal(got.month, m);
  assert_int_equal(got.day, d);
}

/* Third Tuesdays of every other month from next month, over the year's
   end; a Tuesday bank holiday moves to the Wednesday. */
static void test_schedule(void **state) {
  (void)state;
  scr_date s[SCR_INIT_MEETINGS];
  scr_init_schedule(date(2026, 8, 3), s);
  expect_date(s[0], 2026, 9, 15);
  expect_date(s[1], 2026, 11, 17);
  expect_date(s[2], 2027, 1, 19);
  expect_date(s[5], 2027, 7, 20);
  for (int i = 0; i < SCR_INIT_MEETINGS; i++) {
    assert_true(scr_working_day(s[i]));
    assert_true(s[i].day >= 15 && s[i].day <= 22);
  }
  /* from the last day of a month: still two weeks to the first */
  scr_init_schedule(date(2026, 12, 31), s);
  expect_date(s[0], 2027, 1, 19);
  assert_true(scr_date_days(s[0]) - scr_date_days(date(2026, 12, 31)) >= 15);
}

static void expect_slug(const char *title, const char *want) {
  char *got = scr_init_slug(title);
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

static void test_slug(void **state) {
  (void)state;
  expect_slug("Housing repairs: progress on the improvement plan",
              "housing-repairs-progress-on-the-improvement-plan");
  expect_slug("Children's Social Care – Q1 26/27",
              "childrens-social-care-q1-26-27");
  expect_slug("  --  ", "report");
  expect_slug("Élan", "lan");
  char *long_one =
      scr_init_slug("A very long title that goes on and on well beyond any "
                    "sensible file name length");
  assert_true(strlen(long_one) <= 48);
  assert_true(long_one[strlen(long_one) - 1] != '-');
  free(long_one);
}

static void expect_stripped(const char *heading, const char *want) {
  char *got = scr_init_strip_attributes(heading);
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

static void test_strip_attributes(void **state) {
  (void)state;
  expect_stripped("Budget update {to-follow}", "Budget update");
  expect_stripped("Staffing {exempt=3 answers=222.1}  ", "Staffing");
  expect_stripped("Plain title", "Plain title");
  expect_stripped("Set {a} of {to-follow}", "Set {a} of");
}

static void test_yaml_quote(void **state) {
  (void)state;
  char *q = scr_init_yaml_quote("Cllr \"Jo\" Smith: C:\\ (Chair)");
  assert_string_equal(q, "\"Cllr \\\"Jo\\\" Smith: C:\\\\ (Chair)\"");
  free(q);
}

static void test_item_roles(void **state) {
  (void)state;
  const char *own[] = {"2026-06-17/report.md"};
  const char *dot_own[] = {"./2026-06-17/annex.pdf"};
  const char *minutes[] = {"../minutes/2026-04-14.md"};
  const char *wp[] = {"workprogramme.md"};
  const char *other_meeting[] = {"2026-04-14/old.md"};
  const char *d = "2026-06-17";
  assert_int_equal(scr_init_item_role(d, "Apologies", NULL, 0, false),
                   SCR_ITEM_STANDING);
  assert_int_equal(scr_init_item_role(d, "Report", own, 1, false),
                   SCR_ITEM_OWN);
  assert_int_equal(scr_init_item_role(d, "Annex", dot_own, 1, false),
                   SCR_ITEM_OWN);
  assert_int_equal(scr_init_item_role(d, "Minutes", minutes, 1, false),
                   SCR_ITEM_MINUTES);
  assert_int_equal(
      scr_init_item_role(d, "Minutes of the last meeting", NULL, 0, false),
      SCR_ITEM_MINUTES);
  assert_int_equal(scr_init_item_role(d, "Work programme", wp, 1, false),
                   SCR_ITEM_WORKPROGRAMME);
  /* a link to another meeting's folder is not the meeting's own */
  assert_int_equal(
      scr_init_item_role(d, "Terms of reference", other_meeting, 1, false),
      SCR_ITEM_STANDING);
  /* an item answering an action is the meeting's business */
  assert_int_equal(scr_init_item_role(d, "SEND update", NULL, 0, true),
                   SCR_ITEM_OWN);
}

/* Standing items kept in order, the meeting's own left out, the minutes
   item replaced and the new items before the work programme. */
static void test_agenda_text(void **state) {
  (void)state;
  const scr_section s[] = {
      {SCR_ITEM_STANDING, "## Apologies\n\nText.\n\n\n"},
      {SCR_ITEM_MINUTES, "## Minutes\n\nOld.\n"},
      {SCR_ITEM_OWN, "## Old report\n\n[Appendix](2026-06-17/r.md)\n"},
      {SCR_ITEM_WORKPROGRAMME, "## Work programme\n"},
      {SCR_ITEM_STANDING, "## Any other business\n"},
  };
  char *text = scr_init_agenda_text(date(2026, 9, 8), 17 * 60 + 30, NULL, s, 5,
                                    "## Minutes\n\nNew.\n", "## Budget\n\n");
  assert_non_null(text);
  assert_string_equal(text, "---\ndate: 2026-09-08\ntime: \"17:30\"\n---\n"
                            "## Apologies\n\nText.\n\n"
                            "## Minutes\n\nNew.\n\n"
                            "## Budget\n\n"
                            "## Work programme\n\n"
                            "## Any other business\n");
  free(text);
  /* with no work-programme item the new ones go last; no time, none */
  text = scr_init_agenda_text(date(2026, 9, 8), -1, "Preamble.\n", s, 2, NULL,
                              "## Budget\n\n");
  assert_string_equal(text, "---\ndate: 2026-09-08\n---\nPreamble.\n\n"
                            "## Apologies\n\nText.\n\n## Budget\n");
  free(text);
}

/* A workspace folder with the minutes files named, removed by the caller. */
static char *workspace_with(const char *const *minutes, size_t n) {
  char tmpl[] = "/tmp/scr-init-XXXXXX";
  char *dir = mkdtemp(tmpl);
  assert_non_null(dir);
  char path[256];
  snprintf(path, sizeof path, "%s/minutes", dir);
  assert_int_equal(mkdir(path, 0777), 0);
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/minutes/%s", dir, minutes[i]);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
  }
  return strdup(dir);
}

static void remove_workspace(char *dir, const char *const *minutes, size_t n) {
  char path[256];
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/minutes/%s", dir, minutes[i]);
    unlink(path);
  }
  snprintf(path, sizeof path, "%s/minutes", dir);
  rmdir(path);
  rmdir(dir);
  free(dir);
}

static void test_minutes_item(void **state) {
  (void)state;
  static const char *const FILES[] = {"2026-04-14.md", ".gitkeep"};
  char *dir = workspace_with(FILES, 2);
  const scr_date meetings[] = {date(2026, 6, 17), date(2026, 9, 8)};
  /* the first meeting of the schedule: the last minutes are last year's */
  char *item = scr_init_minutes_item(dir, meetings, 2, meetings[0], NULL);
  assert_non_null(strstr(item, "## Minutes of the previous meeting\n"));
  assert_non_null(strstr(item, "held on 14 April 2026"));
  assert_non_null(strstr(item, "[Appendix](../minutes/2026-04-14.md)"));
  assert_null(strstr(item, "{to-follow}"));
  free(item);
  /* the next: its minutes are not written yet */
  item = scr_init_minutes_item(dir, meetings, 2, meetings[1], "Minutes");
  assert_non_null(strstr(item, "## Minutes {to-follow}\n"));
  assert_non_null(strstr(item, "[Appendix](../minutes/2026-06-17.md)"));
  free(item);
  /* nothing before: nothing to confirm, and no link */
  item = scr_init_minutes_item(dir, meetings, 2, date(2026, 1, 1), NULL);
  assert_non_null(strstr(item, "no minutes of an earlier meeting"));
  assert_null(strstr(item, "Appendix"));
  free(item);
  remove_workspace(dir, FILES, 2);
}

/* The house template, read back as a template: accepted without a
   repair, its styles the built-in's, its page the built-in's, and the
   built-in style's spacing rule kept. */
static void read_back(const char *format) {
  scr_package *pkg = NULL;
  assert_int_equal(scr_init_house_template(format, &pkg), SCR_OK);
  char path[64];
  snprintf(path, sizeof path, "/tmp/scr-init-house-%d.%s", (int)getpid(),
           format);
  assert_int_equal(scr_package_write(pkg, path), SCR_OK);
  scr_package_free(pkg);
  scr_diags diags;
  scr_diags_init(&diags);
  scr_template tpl;
  assert_int_equal(scr_template_load(path, &tpl, &diags), SCR_OK);
  assert_int_equal(diags.count, 0);
  scr_template builtin = scr_template_builtin(format);
  assert_int_equal(
      memcmp(&tpl.house->page, &builtin.house->page, sizeof tpl.house->page),
      0);
  assert_false(tpl.house->has_art);
  if (strcmp(format, "docx") == 0) {
    assert_true(tpl.spacing_adds);
    assert_int_equal(tpl.styles_len, builtin.styles_len);
  }
  scr_template_free(&tpl);
  scr_diags_free(&diags);
  unlink(path);
}

static void test_house_template_reads_back(void **state) {
  (void)state;
  read_back("docx");
  read_back("odt");
}

/* The new-file set refuses a file already there and leaves no folder. */
static void test_newfiles_refuse(void **state) {
  (void)state;
  char tmpl[] = "/tmp/scr-init-XXXXXX";
  char *dir = mkdtemp(tmpl);
  char sub[128], there[160], fresh[160];
  snprintf(sub, sizeof sub, "%s/sub", dir);
  snprintf(there, sizeof there, "%s/there.md", dir);
  snprintf(fresh, sizeof fresh, "%s/sub/fresh.md", dir);
  FILE *f = fopen(there, "w");
  fputs("kept", f);
  fclose(f);
  scr_diags diags;
  scr_diags_init(&diags);
  scr_newfiles nf;
  scr_newfiles_init(&nf, &diags);
  assert_int_equal(scr_newfiles_dir(&nf, sub, true), SCR_OK);
  assert_int_equal(scr_newfiles_text(&nf, fresh, "new"), SCR_OK);
  assert_int_equal(scr_newfiles_text(&nf, there, "replaced"), SCR_E_SOURCE);
  assert_int_equal(diags.errors, 1);
  scr_newfiles_free(&nf);
  struct stat st;
  assert_int_not_equal(stat(sub, &st), 0);
  char buf[16] = "";
  f = fopen(there, "r");
  assert_non_null(fgets(buf, sizeof buf, f));
  fclose(f);
  assert_string_equal(buf, "kept");
  unlink(there);
  rmdir(dir);
  scr_diags_free(&diags);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_schedule),
      cmocka_unit_test(test_slug),
      cmocka_unit_test(test_strip_attributes),
      cmocka_unit_test(test_yaml_quote),
      cmocka_unit_test(test_item_roles),
      cmocka_unit_test(test_agenda_text),
      cmocka_unit_test(test_minutes_item),
      cmocka_unit_test(test_house_template_reads_back),
      cmocka_unit_test(test_newfiles_refuse),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
