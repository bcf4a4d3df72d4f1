/* Unit tests: a council of committees (council.md's defaults, its
   committees listed, paths between its committees) and Scotland's bank
   holidays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "util.h"
#include "files_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- bank holidays ------------------------------------------------------- */

static scr_date day(const char *iso) {
  scr_date d;
  assert_true(scr_date_parse(iso, &d));
  return d;
}

static void assert_date(scr_date d, const char *iso) {
  char got[16];
  scr_date_format(d, SCR_DATE_ISO, got, sizeof got);
  assert_string_equal(got, iso);
}

/* Every day of 2026 to 2028 is a bank holiday in `region` exactly when
   `holidays` lists it. */
static void expect_holidays(scr_holidays region, const char *const *holidays,
                            size_t n) {
  size_t found = 0;
  for (scr_date d = day("2026-01-01"); d.year < 2029; d = scr_date_add(d, 1)) {
    char iso[16];
    scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
    bool listed = false;
    for (size_t i = 0; i < n; i++)
      listed = listed || strcmp(holidays[i], iso) == 0;
    if (scr_bank_holiday_in(d, region) != listed)
      fail_msg("%s in %s: bank holiday %d, want %d", iso,
               scr_holidays_name(region), scr_bank_holiday_in(d, region),
               listed);
    found += listed;
  }
  assert_int_equal(found, n);
}

/* GOV.UK's bank holidays in Scotland: 2 January, the first Monday in
   August and St Andrew's Day, but no Easter Monday. */
static void test_scotland_2026_to_2028(void **state) {
  (void)state;
  static const char *const SCOTLAND[] = {
      "2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25",
      "2026-08-03", "2026-11-30", "2026-12-25", "2026-12-28", /* 2026 */
      "2027-01-01", "2027-01-04", "2027-03-26", "2027-05-03", "2027-05-31",
      "2027-08-02", "2027-11-30", "2027-12-27", "2027-12-28", /* 2027 */
      "2028-01-03", "2028-01-04", "2028-04-14", "2028-05-01", "2028-05-29",
      "2028-08-07", "2028-11-30", "2028-12-25", "2028-12-26"};
  expect_holidays(SCR_HOLIDAYS_SCOTLAND, SCOTLAND,
                  sizeof SCOTLAND / sizeof *SCOTLAND);
}

static void test_england_and_wales_2026_to_2028(void **state) {
  (void)state;
  static const char *const ENGLAND[] = {
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
      "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28", /* 2026 */
      "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
      "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28", /* 2027 */
      "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01",
      "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"};
  expect_holidays(SCR_HOLIDAYS_ENGLAND_WALES, ENGLAND,
                  sizeof ENGLAND / sizeof *ENGLAND);
  /* the old names are England and Wales's */
  assert_true(scr_bank_holiday(day("2028-04-17")));
  assert_false(scr_bank_holiday(day("2028-08-07")));
}

static void test_scotland_substitutes(void **state) {
  (void)state;
  /* St Andrew's Day at a weekend: the Monday after */
  assert_true(scr_bank_holiday_in(day("2025-12-01"), SCR_HOLIDAYS_SCOTLAND));
  assert_true(scr_bank_holiday_in(day("2024-12-02"), SCR_HOLIDAYS_SCOTLAND));
  assert_false(
      scr_bank_holiday_in(day("2024-12-02"), SCR_HOLIDAYS_ENGLAND_WALES));
  /* 1 January a Saturday (2022): the Monday and Tuesday; a Sunday
     (2017): the 2nd and the 3rd */
  assert_true(scr_bank_holiday_in(day("2022-01-03"), SCR_HOLIDAYS_SCOTLAND));
  assert_true(scr_bank_holiday_in(day("2022-01-04"), SCR_HOLIDAYS_SCOTLAND));
  assert_false(
      scr_bank_holiday_in(day("2022-01-04"), SCR_HOLIDAYS_ENGLAND_WALES));
  assert_true(scr_bank_holiday_in(day("2017-01-02"), SCR_HOLIDAYS_SCOTLAND));
  assert_true(scr_bank_holiday_in(day("2017-01-03"), SCR_HOLIDAYS_SCOTLAND));
  /* the holidays proclaimed for the whole kingdom */
  assert_true(scr_bank_holiday_in(day("2023-05-08"), SCR_HOLIDAYS_SCOTLAND));
  assert_true(scr_bank_holiday_in(day("2022-09-19"), SCR_HOLIDAYS_SCOTLAND));
}

static void test_notice_in_scotland(void **state) {
  (void)state;
  /* Thursday 3 December 2026: Monday 30 November is St Andrew's Day */
  assert_date(scr_last_publication_day_in(day("2026-12-03"), 5,
                                          SCR_HOLIDAYS_ENGLAND_WALES),
              "2026-11-25");
  assert_date(
      scr_last_publication_day_in(day("2026-12-03"), 5, SCR_HOLIDAYS_SCOTLAND),
      "2026-11-24");
  /* after Easter Monday, a working day in Scotland */
  assert_date(
      scr_last_publication_day_in(day("2027-04-01"), 5, SCR_HOLIDAYS_SCOTLAND),
      "2027-03-23");
  assert_date(scr_last_publication_day(day("2027-04-01"), 5), "2027-03-22");
}

static void test_regions_by_name(void **state) {
  (void)state;
  scr_holidays r = SCR_HOLIDAYS_ENGLAND_WALES;
  assert_true(scr_holidays_parse("Scotland", &r));
  assert_int_equal(r, SCR_HOLIDAYS_SCOTLAND);
  assert_true(scr_holidays_parse("England and Wales", &r));
  assert_int_equal(r, SCR_HOLIDAYS_ENGLAND_WALES);
  assert_false(scr_holidays_parse("Wales", &r));
  assert_false(scr_holidays_parse(NULL, &r));
  assert_string_equal(scr_holidays_name(SCR_HOLIDAYS_SCOTLAND), "Scotland");
}

/* ---- a council on disk -----------------------------------------------------
 */

static const char COUNCIL_MD[] =
    "---\n"
    "council: Borough Council\n"
    "address: Town Hall, High Street\n"
    "enquiries: governance@example.gov.uk\n"
    "contacts:\n"
    "  - {name: Fay Fox, role: Governance Services}\n"
    "venue: Room 1, Town Hall\n"
    "time: \"18:00\"\n"
    "signatory_role: Chief Executive\n"
    "appendix_numbering: numbers\n"
    "bank_holidays: Scotland\n"
    "template: templates/house.docx\n"
    "---\n"
    "## Information for members of the public\n";

static const char PLANNING_MD[] = "---\n"
                                  "committee: Planning Committee\n"
                                  "short: PC\n"
                                  "venue: Council Chamber\n"
                                  "meetings: [2026-06-17]\n"
                                  "---\n";

static const char AUDIT_MD[] = "---\n"
                               "committee: Audit Committee\n"
                               "council: Borough Council (Audit)\n"
                               "meetings: [2026-06-18]\n"
                               "bank_holidays: England and Wales\n"
                               "---\n"
                               "## Its own standing text\n";

/* A council folder in a scratch folder: council.md (`council_md`), and
   committees/planning and committees/audit. Caller frees. */
static char *make_council(const char *council_md) {
  char *dir = scratch_dir("scr-council");
  write_file(dir, "council.md", council_md);
  make_dir(dir, "committees");
  make_dir(dir, "committees/planning");
  make_dir(dir, "committees/planning/agendas");
  make_dir(dir, "committees/planning/agendas/2026-06-17");
  write_file(dir, "committees/planning/agendas/committee.md", PLANNING_MD);
  make_dir(dir, "committees/audit");
  make_dir(dir, "committees/audit/agendas");
  make_dir(dir, "committees/audit/agendas/2026-06-18");
  write_file(dir, "committees/audit/agendas/committee.md", AUDIT_MD);
  write_file(dir, "committees/audit/agendas/2026-06-18/joint.md",
             "# Joint report\n");
  write_file(dir, "outside.md", "# Not a committee's\n");
  make_dir(dir, "templates");
  write_file(dir, "templates/house.docx", "not read until a command runs");
  return dir;
}

static void remove_tree(const char *dir) {
  char *cmd = scr_asprintf("rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
}

/* The diagnostics as "file:line:col: severity: message" lines, the folder
   `dir` left out of their file names. Caller frees. */
static char *said(const scr_diags *d, const char *dir) {
  scr_buf b = SCR_BUF_INIT;
  size_t n = strlen(dir);
  for (size_t i = 0; i < d->count; i++) {
    const char *file = d->items[i].file;
    if (strncmp(file, dir, n) == 0 && file[n] == '/')
      file += n + 1;
    scr_buf_printf(&b, "%s:%d:%d: %s: %s\n", file, d->items[i].line,
                   d->items[i].col,
                   d->items[i].severity == SCR_ERROR ? "error" : "warning",
                   d->items[i].message);
  }
  char *s = scr_buf_detach(&b, NULL);
  return s ? s : scr_strdup("");
}

static void expect_said(const char *all, const char *needle) {
  if (!strstr(all, needle))
    fail_msg("no diagnostic '%s' among:\n%s", needle, all);
}

static void test_committee_inherits_the_council(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  char *planning = path_in(dir, "committees/planning/agendas");
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  assert_int_equal(scr_workspace_open(planning, &ws, &d), SCR_OK);
  assert_int_equal(d.count, 0);
  const scr_committee *c = &ws.committee;
  assert_non_null(ws.council);
  assert_string_equal(c->council, "Borough Council");
  assert_string_equal(c->address, "Town Hall, High Street");
  assert_string_equal(c->enquiries, "governance@example.gov.uk");
  assert_int_equal(c->n_contacts, 1);
  assert_string_equal(c->contacts[0].name, "Fay Fox");
  assert_int_equal(c->time, 18 * 60);
  assert_string_equal(c->signatory_role, "Chief Executive");
  assert_true(c->number_appendices);
  assert_int_equal(c->holidays, SCR_HOLIDAYS_SCOTLAND);
  /* the template named from council.md, as written from here */
  char *house = path_in(dir, "templates/house.docx");
  assert_string_equal(c->template_path, house);
  free(house);
  /* its own value wins */
  assert_string_equal(c->venue, "Council Chamber");
  /* committee.md has no body: the front sheet's standing text is
     council.md's */
  assert_ptr_equal(c->standing, ws.council->src);
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  free(planning);
  remove_tree(dir);
  free(dir);
}

static void test_committee_overrides_the_council(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  char *audit = path_in(dir, "committees/audit");
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  assert_int_equal(scr_workspace_open(audit, &ws, &d), SCR_OK);
  const scr_committee *c = &ws.committee;
  assert_string_equal(c->council, "Borough Council (Audit)");
  assert_int_equal(c->holidays, SCR_HOLIDAYS_ENGLAND_WALES);
  assert_ptr_equal(c->standing, c->src);
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  free(audit);
  remove_tree(dir);
  free(dir);
}

static void test_lone_committee_has_no_council(void **state) {
  (void)state;
  char *dir = scratch_dir("scr-council-lone");
  make_dir(dir, "agendas");
  write_file(dir, "agendas/committee.md", PLANNING_MD);
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  assert_int_equal(scr_workspace_open(dir, &ws, &d), SCR_E_SOURCE);
  char *all = said(&d, dir);
  /* the council is required when no council.md gives it */
  expect_said(all, "agendas/committee.md:1:1: error: front matter lacks the "
                   "required key 'council'\n");
  assert_null(ws.council);
  assert_int_equal(ws.committee.holidays, SCR_HOLIDAYS_ENGLAND_WALES);
  assert_ptr_equal(ws.committee.standing, ws.committee.src);
  free(all);
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  remove_tree(dir);
  free(dir);
}

static void test_council_lists_its_committees(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  assert_true(scr_is_council_root(dir));
  char *committees = path_in(dir, "committees");
  assert_false(scr_is_council_root(committees));
  scr_diags d;
  scr_diags_init(&d);
  scr_council council;
  assert_int_equal(scr_council_open(dir, &council, &d), SCR_OK);
  assert_int_equal(d.count, 0);
  assert_string_equal(council.name, "Borough Council");
  assert_int_equal(council.n_committees, 2);
  /* in the order of their folders' names */
  char *audit = path_in(dir, "committees/audit");
  assert_string_equal(council.committees[0].folder, audit);
  assert_string_equal(council.committees[0].name, "Audit Committee");
  assert_string_equal(council.committees[0].short_name, "Audit Committee");
  assert_string_equal(council.committees[1].short_name, "PC");
  scr_council_free(&council);
  scr_diags_free(&d);
  free(audit);
  free(committees);
  remove_tree(dir);
  free(dir);
}

static void test_committee_folder_without_committee_md(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  make_dir(dir, "committees/licensing");
  scr_diags d;
  scr_diags_init(&d);
  scr_council council;
  assert_int_equal(scr_council_open(dir, &council, &d), SCR_E_SOURCE);
  char *all = said(&d, dir);
  expect_said(all, "committees/licensing/agendas/committee.md:1:1: error: no "
                   "committee.md here");
  assert_int_equal(council.n_committees, 2);
  free(all);
  scr_council_free(&council);
  scr_diags_free(&d);
  remove_tree(dir);
  free(dir);
}

static void test_council_keys_checked(void **state) {
  (void)state;
  char *dir = make_council("---\ncounsil: Borough Council\n"
                           "bank_holidays: Wales\n---\n");
  scr_diags d;
  scr_diags_init(&d);
  scr_council council;
  assert_int_equal(scr_council_open(dir, &council, &d), SCR_E_SOURCE);
  char *all = said(&d, dir);
  expect_said(all, "council.md:2:1: warning: unknown front-matter key "
                   "'counsil' is ignored; did you mean 'council'?\n");
  expect_said(all, "council.md:1:1: error: front matter lacks the required "
                   "key 'council'\n");
  expect_said(all, "council.md:3:16: error: bank_holidays must be 'England "
                   "and Wales' or 'Scotland', not 'Wales'");
  free(all);
  scr_council_free(&council);
  scr_diags_free(&d);
  remove_tree(dir);
  free(dir);
}

static void test_council_root_is_not_a_committee(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  assert_int_equal(scr_workspace_open(dir, &ws, &d), SCR_E_SOURCE);
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.items[0].message, "this is a council workspace"));
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  remove_tree(dir);
  free(dir);
}

static void test_paths_between_committees(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  char *planning = path_in(dir, "committees/planning");
  char *agenda = path_in(dir, "committees/planning/agendas/2026-06-17.md");
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  assert_int_equal(scr_workspace_open(planning, &ws, &d), SCR_OK);
  char *display, *real;
  /* another committee's report: inside the council */
  assert_int_equal(scr_resolve_target(&ws, agenda,
                                      "../../audit/agendas/2026-06-18/joint.md",
                                      9, 1, "appendix", &d, &display, &real),
                   SCR_OK);
  assert_false(scr_workspace_holds(&ws, real));
  free(display);
  free(real);
  /* the council's folder itself is inside, above the committees */
  assert_int_equal(scr_resolve_target(&ws, agenda, "../../../outside.md", 10, 1,
                                      "appendix", &d, &display, &real),
                   SCR_OK);
  free(display);
  free(real);
  assert_int_equal(d.count, 0);
  /* leaving the council's folder is not */
  assert_int_equal(scr_resolve_target(&ws, agenda, "../../../../elsewhere.md",
                                      11, 1, "appendix", &d, &display, &real),
                   SCR_E_SOURCE);
  char *all = said(&d, dir);
  expect_said(all, "committees/planning/agendas/2026-06-17.md:11:1: error: "
                   "appendix target '../../../../elsewhere.md' is outside "
                   "the council workspace");
  free(all);
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  free(agenda);
  free(planning);
  remove_tree(dir);
  free(dir);
}

/* A committee folder not in a council: its neighbours are outside. */
static void test_lone_committee_stays_inside(void **state) {
  (void)state;
  char *dir = make_council(COUNCIL_MD);
  char *moved = path_in(dir, "planning");
  char *from = path_in(dir, "committees/planning");
  assert_int_equal(rename(from, moved), 0);
  write_file(dir, "planning/agendas/committee.md",
             "---\ncouncil: Borough Council\ncommittee: Planning\n"
             "meetings: [2026-06-17]\n---\n");
  char *agenda = path_in(dir, "planning/agendas/2026-06-17.md");
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  assert_int_equal(scr_workspace_open(moved, &ws, &d), SCR_OK);
  assert_null(ws.council);
  char *display, *real;
  assert_int_equal(scr_resolve_target(&ws, agenda, "../../outside.md", 9, 1,
                                      "appendix", &d, &display, &real),
                   SCR_E_SOURCE);
  char *all = said(&d, dir);
  expect_said(all, "is outside the workspace");
  free(all);
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  free(agenda);
  free(from);
  free(moved);
  remove_tree(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scotland_2026_to_2028),
      cmocka_unit_test(test_england_and_wales_2026_to_2028),
      cmocka_unit_test(test_scotland_substitutes),
      cmocka_unit_test(test_notice_in_scotland),
      cmocka_unit_test(test_regions_by_name),
      cmocka_unit_test(test_committee_inherits_the_council),
      cmocka_unit_test(test_committee_overrides_the_council),
      cmocka_unit_test(test_lone_committee_has_no_council),
      cmocka_unit_test(test_council_lists_its_committees),
      cmocka_unit_test(test_committee_folder_without_committee_md),
      cmocka_unit_test(test_council_keys_checked),
      cmocka_unit_test(test_council_root_is_not_a_committee),
      cmocka_unit_test(test_paths_between_committees),
      cmocka_unit_test(test_lone_committee_stays_inside),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
