/* Unit tests: every tracker status, the transitions between them as the
   date moves and answers appear, and ties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void test_status_rules(void **state) {
  (void)state;
  scr_status_facts f = {0};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_UNSCHEDULED);
  f = (scr_status_facts){.has_due = true, .due_ahead = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_SCHEDULED);
  f = (scr_status_facts){.has_due = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_OVERDUE);
  f = (scr_status_facts){.planned_ahead = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_SCHEDULED);
  f = (scr_status_facts){.planned_past = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_OVERDUE);
  f = (scr_status_facts){.agenda_answer = true, .has_due = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_ON_AGENDA);
  f = (scr_status_facts){.minuted_answer = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_DONE);
  f = (scr_status_facts){.recorded_done = true, .has_due = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_DONE);
  /* ties: answered on an agenda and recorded done; answered twice */
  f = (scr_status_facts){.agenda_answer = true, .recorded_done = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_DONE);
  f = (scr_status_facts){.agenda_answer = true, .minuted_answer = true};
  assert_int_equal(scr_status_of(&f), SCR_STATUS_DONE);
  assert_string_equal(scr_status_name(SCR_STATUS_ON_AGENDA), "on agenda");
}

/* A workspace in a temporary folder. */
typedef struct ws_fixture {
  char root[64];
} ws_fixture;

static void put(const ws_fixture *fx, const char *name, const char *text) {
  char *path = scr_asprintf("%s/%s", fx->root, name);
  char *dir = scr_path_dirname(path);
  char *cmd = scr_asprintf("mkdir -p '%s'", dir);
  assert_int_equal(system(cmd), 0);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  free(cmd);
  free(dir);
  free(path);
}

static void make(ws_fixture *fx) {
  snprintf(fx->root, sizeof fx->root, "/tmp/scr-tracker-XXXXXX");
  assert_non_null(mkdtemp(fx->root));
  put(fx, "agendas/committee.md",
      "---\ncouncil: Test Council\ncommittee: Test Commission\nshort: TC\n"
      "time: \"17:30\"\nvenue: Town Hall\n"
      "meetings: [2026-04-14, 2026-06-17, 2026-09-08, 2026-10-27]\n---\n");
  put(fx, "minutes/2026-04-14.md",
      "---\ndate: 2026-04-14\nfirst_minute: 222\n---\n## White Paper\n\n"
      "AGREED:\n\n1. An update be brought back in September.\n"
      "2. That figures be circulated. {owner=\"Clerk\"}\n"
      "3. That the Commission note the report.\n");
}

static void destroy(ws_fixture *fx) {
  char *cmd = scr_asprintf("rm -rf '%s'", fx->root);
  assert_int_equal(system(cmd), 0);
  free(cmd);
}

static const char *const AGENDA_SEPT =
    "---\ndate: 2026-09-08\n---\n## Welcome\n\n## White Paper update "
    "{answers=222.1}\n";
static const char *const WP_SEPT =
    "---\ntitle: Work programme\n---\n## 8 September 2026\n"
    "- White Paper update {answers=222.1}\n";

/* Status of `id` in the fixture's workspace as of `today`. */
static scr_status status_as_of(const ws_fixture *fx, const char *today_iso,
                               const char *id, size_t *errors) {
  scr_diags d;
  scr_diags_init(&d);
  scr_workspace ws;
  scr_minutes_book book;
  scr_workprogramme wp;
  scr_agenda *agendas;
  size_t n;
  assert_int_equal(scr_workspace_open(fx->root, &ws, &d), SCR_OK);
  scr_minutes_book_load(&ws, &book, &d);
  scr_workprogramme_load(&ws, &wp, &d);
  scr_agendas_load(&ws, &book, NULL, &agendas, &n, &d);
  scr_date today;
  assert_true(scr_date_parse(today_iso, &today));
  scr_tracker t;
  scr_tracker_build(&book, &wp, agendas, n, today, &t, &d);
  scr_status st = SCR_STATUS_COUNT;
  for (size_t i = 0; i < t.n; i++)
    if (strcmp(t.rows[i].res->id, id) == 0)
      st = t.rows[i].status;
  if (errors)
    *errors = d.errors;
  scr_tracker_free(&t);
  scr_agendas_free(agendas, n);
  scr_workprogramme_free(&wp);
  scr_minutes_book_free(&book);
  scr_workspace_free(&ws);
  scr_diags_free(&d);
  return st;
}

static void test_due_by_month_moves_to_overdue(void **state) {
  (void)state;
  ws_fixture fx;
  make(&fx);
  assert_int_equal(status_as_of(&fx, "2026-06-01", "222.1", NULL),
                   SCR_STATUS_SCHEDULED);
  assert_int_equal(status_as_of(&fx, "2026-09-08", "222.1", NULL),
                   SCR_STATUS_SCHEDULED);
  assert_int_equal(status_as_of(&fx, "2026-09-09", "222.1", NULL),
                   SCR_STATUS_OVERDUE);
  /* owned but undated, nothing answering */
  assert_int_equal(status_as_of(&fx, "2026-09-09", "222.2", NULL),
                   SCR_STATUS_UNSCHEDULED);
  /* a decision is not tracked; nor is anything before it was agreed */
  assert_int_equal(status_as_of(&fx, "2026-09-09", "222.3", NULL),
                   SCR_STATUS_COUNT);
  assert_int_equal(status_as_of(&fx, "2026-04-14", "222.1", NULL),
                   SCR_STATUS_COUNT);
  destroy(&fx);
}

static void test_agenda_then_minutes(void **state) {
  (void)state;
  ws_fixture fx;
  make(&fx);
  put(&fx, "agendas/workprogramme.md", WP_SEPT);
  assert_int_equal(status_as_of(&fx, "2026-06-01", "222.1", NULL),
                   SCR_STATUS_SCHEDULED);
  put(&fx, "agendas/2026-09-08.md", AGENDA_SEPT);
  assert_int_equal(status_as_of(&fx, "2026-09-01", "222.1", NULL),
                   SCR_STATUS_ON_AGENDA);
  /* the meeting has passed but its minutes are not written: on agenda */
  assert_int_equal(status_as_of(&fx, "2026-09-20", "222.1", NULL),
                   SCR_STATUS_ON_AGENDA);
  put(&fx, "minutes/2026-09-08.md",
      "---\ndate: 2026-09-08\n---\n## Welcome\n\n## White Paper update\n");
  assert_int_equal(status_as_of(&fx, "2026-09-20", "222.1", NULL),
                   SCR_STATUS_DONE);
  /* as of the meeting itself its minutes did not yet exist */
  assert_int_equal(status_as_of(&fx, "2026-09-08", "222.1", NULL),
                   SCR_STATUS_ON_AGENDA);
  destroy(&fx);
}

static void test_recorded_done_and_twice_answered(void **state) {
  (void)state;
  ws_fixture fx;
  make(&fx);
  put(&fx, "agendas/workprogramme.md",
      "---\ntitle: Work programme\n---\n## 8 September 2026\n"
      "- Figures {answers=222.2}\n  - Progress: done — circulated 2 May\n"
      "## 27 October 2026\n- White Paper update {answers=222.1}\n");
  put(&fx, "agendas/2026-09-08.md", AGENDA_SEPT);
  /* recorded done in the work programme */
  assert_int_equal(status_as_of(&fx, "2026-06-01", "222.2", NULL),
                   SCR_STATUS_DONE);
  /* answered twice: on the September agenda and planned for October */
  assert_int_equal(status_as_of(&fx, "2026-09-01", "222.1", NULL),
                   SCR_STATUS_ON_AGENDA);
  destroy(&fx);
}

static void test_unknown_answer_is_an_error(void **state) {
  (void)state;
  ws_fixture fx;
  make(&fx);
  put(&fx, "agendas/2026-09-08.md",
      "---\ndate: 2026-09-08\n---\n## Update {answers=999.9}\n");
  size_t errors = 0;
  status_as_of(&fx, "2026-06-01", "222.1", &errors);
  assert_int_equal(errors, 1);
  destroy(&fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_status_rules),
      cmocka_unit_test(test_due_by_month_moves_to_overdue),
      cmocka_unit_test(test_agenda_then_minutes),
      cmocka_unit_test(test_recorded_done_and_twice_answered),
      cmocka_unit_test(test_unknown_answer_is_an_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
