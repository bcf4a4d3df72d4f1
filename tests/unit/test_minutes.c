/* Unit tests: minute numbering across files, resolution IDs and the three
   ways an action is recognised; the forms clerks mark resolutions with, the
   month an action asks for, and the warnings for decisions in no form that
   is read and for "###" headings. */
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
#include <sys/stat.h>
#include <unistd.h>

static const char COMMITTEE[] =
    "---\ncouncil: Test Council\ncommittee: Test Scrutiny Commission\n"
    "short: TSC\ntime: \"17:30\"\nvenue: Town Hall\n"
    "meetings: [2026-04-14, 2026-06-17, 2026-09-08, 2026-10-27, 2027-03-02, "
    "2027-03-23]\n---\n";

typedef struct fixture {
  char root[64];
  scr_workspace ws;
  scr_minutes_book book;
  scr_diags diags;
} fixture;

static void make_workspace_for(fixture *fx, const char *committee) {
  snprintf(fx->root, sizeof fx->root, "/tmp/scr-minutes-XXXXXX");
  assert_non_null(mkdtemp(fx->root));
  char *a = scr_asprintf("%s/agendas", fx->root);
  char *m = scr_asprintf("%s/minutes", fx->root);
  assert_int_equal(mkdir(a, 0777), 0);
  assert_int_equal(mkdir(m, 0777), 0);
  free(a);
  free(m);
  write_file(fx->root, "agendas/committee.md", committee);
}

static void make_workspace(fixture *fx) {
  make_workspace_for(fx, COMMITTEE);
}

/* Load the workspace's minutes; returns the error count. */
static size_t load(fixture *fx) {
  scr_diags_init(&fx->diags);
  assert_int_equal(scr_workspace_open(fx->root, &fx->ws, &fx->diags), SCR_OK);
  scr_minutes_book_load(&fx->ws, &fx->book, &fx->diags);
  return fx->diags.errors;
}

static void teardown(fixture *fx) {
  scr_minutes_book_free(&fx->book);
  scr_workspace_free(&fx->ws);
  scr_diags_free(&fx->diags);
  char *cmd = scr_asprintf("rm -rf '%s'", fx->root);
  assert_int_equal(system(cmd), 0);
  free(cmd);
}

static const scr_resolution *find(const fixture *fx, const char *id) {
  for (size_t i = 0; i < fx->book.n; i++)
    for (size_t k = 0; k < fx->book.files[i].n_res; k++)
      if (strcmp(fx->book.files[i].res[k].id, id) == 0)
        return &fx->book.files[i].res[k];
  return NULL;
}

static bool diag_mentions(const fixture *fx, scr_severity sev,
                          const char *file_end, int line, const char *a,
                          const char *b) {
  for (size_t i = 0; i < fx->diags.count; i++) {
    const scr_diag *d = &fx->diags.items[i];
    size_t n = strlen(d->file), k = strlen(file_end);
    if (d->severity == sev && n >= k &&
        strcmp(d->file + n - k, file_end) == 0 && d->line == line &&
        strstr(d->message, a) && (!b || strstr(d->message, b)))
      return true;
  }
  return false;
}

static const char APRIL[] = "---\ndate: 2026-04-14\nfirst_minute: 214\n---\n"
                            "## Welcome\n\nNone.\n\n## Report\n\nAGREED:\n\n"
                            "1. That the Commission note the report.\n"
                            "2. That an update be brought back in September.\n"
                            "3. That figures be circulated. {owner=\"Clerk\"}\n"
                            "4. That a review be made. "
                            "{due=2026-10-27 owner=\"Director\"}\n";

static void test_explicit_numbering_and_ids(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md", APRIL);
  assert_int_equal(load(&fx), 0);
  assert_int_equal(fx.book.n, 1);
  const scr_minutes *m = &fx.book.files[0];
  assert_int_equal(m->items[0].number, 214);
  assert_int_equal(m->items[1].number, 215);
  assert_int_equal(m->n_res, 4);
  assert_string_equal(m->res[0].id, "215.1");
  assert_string_equal(m->res[3].id, "215.4");
  /* the attribute braces are gone from the text and the tree */
  assert_string_equal(m->res[2].text, "That figures be circulated.");
  teardown(&fx);
}

static void test_action_routes(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md", APRIL);
  assert_int_equal(load(&fx), 0);
  const scr_resolution *note = find(&fx, "215.1");
  const scr_resolution *month = find(&fx, "215.2");
  const scr_resolution *owner = find(&fx, "215.3");
  const scr_resolution *due = find(&fx, "215.4");
  assert_false(note->action); /* "note the report" is a decision */
  assert_true(month->action);
  assert_int_equal(month->due_from, SCR_DUE_MONTH);
  assert_int_equal(month->due.year, 2026);
  assert_int_equal(month->due.month, 9);
  assert_int_equal(month->due.day, 8);
  assert_true(owner->action);
  assert_int_equal(owner->due_from, SCR_DUE_NONE);
  assert_string_equal(owner->owner, "Clerk");
  assert_true(due->action);
  assert_int_equal(due->due_from, SCR_DUE_EXPLICIT);
  assert_int_equal(due->due.month, 10);
  assert_string_equal(due->owner, "Director");
  teardown(&fx);
}

static void test_running_on_across_files(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md", APRIL);
  write_file(fx.root, "minutes/2026-06-17.md",
             "---\ndate: 2026-06-17\n---\n## Welcome\n\n## Minutes\n\n"
             "RESOLVED:\n\n- That the minutes be confirmed.\n");
  assert_int_equal(load(&fx), 0);
  assert_int_equal(fx.book.n, 2);
  assert_int_equal(fx.book.files[1].items[0].number, 216);
  assert_int_equal(fx.book.files[1].items[1].number, 217);
  assert_non_null(find(&fx, "217.1"));
  assert_false(find(&fx, "217.1")->action);
  teardown(&fx);
}

static void test_clashing_numbers(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md", APRIL);
  write_file(fx.root, "minutes/2026-06-17.md",
             "---\ndate: 2026-06-17\nfirst_minute: 215\n---\n## Welcome\n");
  assert_true(load(&fx) >= 1);
  assert_true(diag_mentions(&fx, SCR_ERROR, "minutes/2026-06-17.md", 3, "clash",
                            "minutes/2026-04-14.md"));
  teardown(&fx);
}

static void test_backwards_numbers(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md", APRIL);
  write_file(fx.root, "minutes/2026-06-17.md",
             "---\ndate: 2026-06-17\nfirst_minute: 100\n---\n## Welcome\n");
  assert_true(load(&fx) >= 1);
  assert_true(diag_mentions(&fx, SCR_ERROR, "minutes/2026-06-17.md", 3,
                            "backwards", "minutes/2026-04-14.md"));
  teardown(&fx);
}

static void test_month_without_meeting(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md",
             "---\ndate: 2026-04-14\nfirst_minute: 1\n---\n## Item\n\n"
             "AGREED:\n\n1. That a report come back in August.\n"
             "2. That a report come back in March.\n");
  assert_int_equal(load(&fx), 0);
  /* no meeting in August: a warning naming the scheduled meetings */
  assert_true(diag_mentions(&fx, SCR_WARNING, "minutes/2026-04-14.md", 9,
                            "no meeting is scheduled in August",
                            "8 September 2026"));
  /* two in March 2027: a warning naming both */
  assert_true(diag_mentions(&fx, SCR_WARNING, "minutes/2026-04-14.md", 10,
                            "2 March 2027", "23 March 2027"));
  assert_true(find(&fx, "1.1")->action);
  assert_int_equal(find(&fx, "1.1")->due_from, SCR_DUE_NONE);
  teardown(&fx);
}

static void test_dates_are_not_requests(void **state) {
  (void)state;
  fixture fx;
  make_workspace(&fx);
  write_file(fx.root, "minutes/2026-04-14.md",
             "---\ndate: 2026-04-14\nfirst_minute: 1\n---\n## Item\n\n"
             "AGREED:\n\n1. That the minutes of 3rd March 2025 be a correct "
             "record.\n");
  assert_int_equal(load(&fx), 0);
  assert_false(find(&fx, "1.1")->action);
  teardown(&fx);
}

/* ---- how clerks write resolutions ---------------------------------------- */

/* One meeting a month where the tests ask for one; two Marches a year
   apart, for a year named with the month. */
static const char SCHEDULE[] =
    "---\ncouncil: Test Council\ncommittee: Test Scrutiny Commission\n"
    "short: TSC\ntime: \"17:30\"\nvenue: Town Hall\n"
    "meetings: [2026-04-14, 2026-06-17, 2026-09-08, 2026-10-27, 2027-01-19, "
    "2027-03-02, 2028-03-07]\n---\n";

/* Minutes of 14 April 2026 with `body` after four lines of front matter
   (so the body's first line is line 5), numbered from 1; returns the
   error count. */
static size_t load_body(fixture *fx, const char *body) {
  make_workspace_for(fx, SCHEDULE);
  char *text =
      scr_asprintf("---\ndate: 2026-04-14\nfirst_minute: 1\n---\n%s", body);
  write_file(fx->root, "minutes/2026-04-14.md", text);
  free(text);
  return load(fx);
}

static size_t resolutions(const fixture *fx) {
  return fx->book.n ? fx->book.files[0].n_res : 0;
}

static size_t warnings(const fixture *fx) {
  size_t n = 0;
  for (size_t i = 0; i < fx->diags.count; i++)
    n += fx->diags.items[i].severity == SCR_WARNING;
  return n;
}

/* A resolution with this text, due at this meeting (0 0 0: no due
   meeting), and whether it is an action. */
static void assert_resolution(const fixture *fx, const char *id,
                              const char *text, bool action, int year,
                              int month, int day) {
  const scr_resolution *r = find(fx, id);
  assert_non_null(r);
  assert_string_equal(r->text, text);
  assert_int_equal(r->action, action);
  if (!year) {
    assert_int_equal(r->due_from, SCR_DUE_NONE);
    return;
  }
  assert_int_not_equal(r->due_from, SCR_DUE_NONE);
  assert_int_equal(r->due.year, year);
  assert_int_equal(r->due.month, month);
  assert_int_equal(r->due.day, day);
}

static void test_it_was_agreed_paragraph(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(
      load_body(&fx, "## Review\n\nIt was AGREED that the report on the "
                     "review be brought back in March.\n"),
      0);
  assert_int_equal(resolutions(&fx), 1);
  assert_resolution(&fx, "1.1",
                    "That the report on the review be brought back in March.",
                    true, 2027, 3, 2);
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

static void test_resolved_forms(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(load_body(&fx, "## Plan\n\n"
                                  "RESOLVED that the plan be noted.\n\n"
                                  "RESOLVED: that the plan be reported back "
                                  "in June.\n\n"
                                  "RESOLVED:\n\n"
                                  "1. That the risks be noted.\n"
                                  "2. That a review come back in October.\n\n"
                                  "RESOLVED that the Commission:\n\n"
                                  "1. note the budget;\n"
                                  "2. ask for it to come back in September.\n"),
                   0);
  assert_int_equal(resolutions(&fx), 6);
  assert_resolution(&fx, "1.1", "That the plan be noted.", false, 0, 0, 0);
  assert_resolution(&fx, "1.2", "That the plan be reported back in June.", true,
                    2026, 6, 17);
  assert_resolution(&fx, "1.3", "That the risks be noted.", false, 0, 0, 0);
  assert_resolution(&fx, "1.4", "That a review come back in October.", true,
                    2026, 10, 27);
  assert_resolution(&fx, "1.5", "note the budget;", false, 0, 0, 0);
  assert_resolution(&fx, "1.6", "ask for it to come back in September.", true,
                    2026, 9, 8);
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

static void test_bold_markers(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(
      load_body(&fx, "## Bullets\n\n"
                     "- Members asked about the figures.\n"
                     "- **AGREED:** That an update be brought back in "
                     "September.\n\n"
                     "## Bold paragraph and numbered list\n\n"
                     "**RESOLVED:**\n\n"
                     "1. That the report be noted.\n"
                     "2. That the data be circulated. {owner=\"Clerk\"}\n\n"
                     "## Bold paragraph and bullets\n\n"
                     "**AGREED:**\n\n"
                     "- That the item come back to the January meeting.\n"),
      0);
  assert_int_equal(resolutions(&fx), 4);
  assert_resolution(&fx, "1.1", "That an update be brought back in September.",
                    true, 2026, 9, 8);
  assert_resolution(&fx, "2.1", "That the report be noted.", false, 0, 0, 0);
  assert_resolution(&fx, "2.2", "That the data be circulated.", true, 0, 0, 0);
  assert_resolution(&fx, "3.1",
                    "That the item come back to the January meeting.", true,
                    2027, 1, 19);
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

static void test_decided_and_sentence_case(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(
      load_body(&fx, "## Decisions\n\n"
                     "DECIDED: that the report be submitted in January.\n\n"
                     "DECIDED that the scheme be noted.\n\n"
                     "Agreed \xe2\x80\x93 that the Chair write to the "
                     "Minister.\n\n"
                     "Agreed - that the figures be reported in October.\n\n"
                     "Agreed: that the report be noted.\n"),
      0);
  assert_int_equal(resolutions(&fx), 5);
  assert_resolution(&fx, "1.1", "That the report be submitted in January.",
                    true, 2027, 1, 19);
  assert_resolution(&fx, "1.2", "That the scheme be noted.", false, 0, 0, 0);
  assert_resolution(&fx, "1.3", "That the Chair write to the Minister.", false,
                    0, 0, 0);
  assert_resolution(&fx, "1.4", "That the figures be reported in October.",
                    true, 2026, 10, 27);
  assert_resolution(&fx, "1.5", "That the report be noted.", false, 0, 0, 0);
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

/* A marker is a whole word at the start: "disagreed", "unresolved" and
   "Agreedly" are none, and no warning either. */
static void test_markers_are_words(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(load_body(&fx, "## Narrative\n\n"
                                  "Members disagreed with the proposal.\n\n"
                                  "Unresolved: the matter of the budget.\n\n"
                                  "Agreedly, the report was short.\n\n"
                                  "The question remained unresolved.\n"),
                   0);
  assert_int_equal(resolutions(&fx), 0);
  /* "Agreedly, ..." opens with no marker word; nothing to warn of */
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

/* Decisions in no form that is read: a warning at each, naming the forms
   that are; none becomes a resolution. */
static void test_decision_like_warns(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(load_body(&fx,
                             "## Item\n\n"                        /* 5 */
                             "Members agreed that the report be " /* 7 */
                             "noted.\n\n"
                             "The Commission resolved to note the " /* 9 */
                             "report.\n\n"
                             "AGREED the report be noted.\n\n"          /* 11 */
                             "Resolution: the report was noted.\n\n"    /* 13 */
                             "It was agreed that a review be held.\n\n" /* 15 */
                             "- The Committee decided: to adjourn.\n\n" /* 17 */
                             "It was AGREED by all that it end.\n"),    /* 19 */
                   0);
  assert_int_equal(resolutions(&fx), 0);
  assert_int_equal(warnings(&fx), 7);
  const char *file = "minutes/2026-04-14.md";
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 7,
                            "'Members agreed that...' reads like a decision",
                            "'AGREED:', 'RESOLVED:' or 'DECIDED:'"));
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 9,
                            "'The Commission resolved to...'",
                            "It was AGREED that"));
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 11, "'AGREED the...'",
                            "not recorded as a resolution"));
  assert_true(
      diag_mentions(&fx, SCR_WARNING, file, 13, "'Resolution:...'", NULL));
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 15,
                            "'It was agreed that...'", NULL));
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 17,
                            "'The Committee decided:...'", NULL));
  assert_true(
      diag_mentions(&fx, SCR_WARNING, file, 19, "'It was AGREED by...'", NULL));
  teardown(&fx);
}

/* Agreement in the account of the discussion: an officer or the Chair
   undertaking something, or a decision named mid-sentence, is no
   resolution and no warning. */
static void test_narrative_agreement_is_quiet(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(
      load_body(&fx, "## Item\n\n"
                     "The officer agreed to circulate the slides.\n\n"
                     "The Chair agreed to write to the Minister.\n\n"
                     "- The Director agreed that the data would be shared.\n\n"
                     "The plan, which Members agreed in March, was noted.\n\n"
                     "Members had agreed that the review would wait.\n"),
      0);
  assert_int_equal(resolutions(&fx), 0);
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

static void test_marker_without_resolutions(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(load_body(&fx, "## Item\n\nAGREED\n\nThe meeting moved "
                                  "on.\n"),
                   0);
  assert_int_equal(resolutions(&fx), 0);
  assert_true(diag_mentions(&fx, SCR_WARNING, "minutes/2026-04-14.md", 7,
                            "'AGREED' is followed by no resolutions",
                            "numbered list"));
  teardown(&fx);
}

/* ---- the month an action asks for ---------------------------------------- */

static void test_month_after_the_verb(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(
      load_body(&fx, "## Item\n\nAGREED:\n\n"
                     "1. That the performance report for April to September "
                     "2026 be brought back in January.\n"
                     "2. That progress be reported back to the Commission in "
                     "June.\n"
                     "3. That the plan be presented at the meeting in "
                     "October.\n"
                     "4. That the review return to the March meeting.\n"),
      0);
  /* the month the verb governs, not the first in the sentence */
  assert_resolution(&fx, "1.1",
                    "That the performance report for April to September 2026 "
                    "be brought back in January.",
                    true, 2027, 1, 19);
  assert_resolution(&fx, "1.2",
                    "That progress be reported back to the Commission in June.",
                    true, 2026, 6, 17);
  assert_resolution(&fx, "1.3",
                    "That the plan be presented at the meeting in October.",
                    true, 2026, 10, 27);
  assert_resolution(&fx, "1.4", "That the review return to the March meeting.",
                    true, 2027, 3, 2);
  teardown(&fx);
}

/* "in March 2028" asks for that year's March, not the first to come. */
static void test_month_with_year(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(load_body(&fx, "## Item\n\nAGREED:\n\n"
                                  "1. That a report come back in March 2028.\n"
                                  "2. That a report come back in March.\n"
                                  "3. That a report come back in June 2027.\n"),
                   0);
  assert_resolution(&fx, "1.1", "That a report come back in March 2028.", true,
                    2028, 3, 7);
  assert_resolution(&fx, "1.2", "That a report come back in March.", true, 2027,
                    3, 2);
  /* no meeting in June 2027: said with the year */
  assert_resolution(&fx, "1.3", "That a report come back in June 2027.", true,
                    0, 0, 0);
  assert_true(diag_mentions(&fx, SCR_WARNING, "minutes/2026-04-14.md", 11,
                            "no meeting is scheduled in June 2027", NULL));
  teardown(&fx);
}

/* A month with no verb that sends something to a meeting asks for nothing. */
static void test_month_without_verb(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(
      load_body(&fx, "## Item\n\nAGREED:\n\n"
                     "1. That the data for April be circulated to Members.\n"
                     "2. That the report for September be noted.\n"
                     "3. That the annual return for May be approved.\n"),
      0);
  assert_false(find(&fx, "1.1")->action);
  assert_false(find(&fx, "1.2")->action);
  assert_false(find(&fx, "1.3")->action);
  assert_int_equal(warnings(&fx), 0);
  teardown(&fx);
}

/* ---- headings ------------------------------------------------------------ */

static void test_sub_headings_warn(void **state) {
  (void)state;
  fixture fx;
  assert_int_equal(load_body(&fx, "### Preamble\n\n" /* 5 */
                                  "## Budget\n\n"    /* 7 */
                                  "### Capital\n\n"  /* 9 */
                                  "AGREED:\n\n"      /* 11 */
                                  "1. That the capital plan be noted.\n\n"
                                  "## Close\n\n"
                                  "#### Deeper\n"), /* 17 */
                   0);
  /* a "###" is no minute: its resolution belongs to the minute above */
  assert_int_equal(fx.book.files[0].n_items, 2);
  assert_resolution(&fx, "1.1", "That the capital plan be noted.", false, 0, 0,
                    0);
  const char *file = "minutes/2026-04-14.md";
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 9,
                            "'### Capital' is shown as an unnumbered "
                            "sub-heading of minute 1 (Budget)",
                            "minutes are '## ' headings"));
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 17,
                            "'#### Deeper' is shown as an unnumbered "
                            "sub-heading of minute 2 (Close)",
                            NULL));
  assert_true(diag_mentions(&fx, SCR_WARNING, file, 5,
                            "'### Preamble' comes before the first of them",
                            "left out of the minutes"));
  teardown(&fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_explicit_numbering_and_ids),
      cmocka_unit_test(test_action_routes),
      cmocka_unit_test(test_running_on_across_files),
      cmocka_unit_test(test_clashing_numbers),
      cmocka_unit_test(test_backwards_numbers),
      cmocka_unit_test(test_month_without_meeting),
      cmocka_unit_test(test_dates_are_not_requests),
      cmocka_unit_test(test_it_was_agreed_paragraph),
      cmocka_unit_test(test_resolved_forms),
      cmocka_unit_test(test_bold_markers),
      cmocka_unit_test(test_decided_and_sentence_case),
      cmocka_unit_test(test_markers_are_words),
      cmocka_unit_test(test_decision_like_warns),
      cmocka_unit_test(test_narrative_agreement_is_quiet),
      cmocka_unit_test(test_marker_without_resolutions),
      cmocka_unit_test(test_month_after_the_verb),
      cmocka_unit_test(test_month_with_year),
      cmocka_unit_test(test_month_without_verb),
      cmocka_unit_test(test_sub_headings_warn),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
