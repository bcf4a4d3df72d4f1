/* Unit tests: minute numbering across files, resolution IDs and the three
   ways an action is recognised. */
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

static void make_workspace(fixture *fx) {
  snprintf(fx->root, sizeof fx->root, "/tmp/scr-minutes-XXXXXX");
  assert_non_null(mkdtemp(fx->root));
  char *a = scr_asprintf("%s/agendas", fx->root);
  char *m = scr_asprintf("%s/minutes", fx->root);
  assert_int_equal(mkdir(a, 0777), 0);
  assert_int_equal(mkdir(m, 0777), 0);
  free(a);
  free(m);
  write_file(fx->root, "agendas/committee.md", COMMITTEE);
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_explicit_numbering_and_ids),
      cmocka_unit_test(test_action_routes),
      cmocka_unit_test(test_running_on_across_files),
      cmocka_unit_test(test_clashing_numbers),
      cmocka_unit_test(test_backwards_numbers),
      cmocka_unit_test(test_month_without_meeting),
      cmocka_unit_test(test_dates_are_not_requests),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
