/* Unit tests: the sink keeps its first error. A sink that fails at its Nth
   call, for every N, must make each composer return that failure and call
   it no more. The small committee (tests/fixtures/small) is composed: its
   pack (public, private, supplement), minutes and tracker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compose.h"
#include "diag.h"
#include "model.h"

#include <stdio.h>
#include <string.h>

#define AGENDA "tests/fixtures/small/agendas/2026-06-17.md"

/* The failing sink: counts calls, fails the one numbered `fail_at`. */
static long calls, fail_at, after;

static scr_error hit(void) {
  calls++;
  if (fail_at > 0 && calls > fail_at)
    after++;
  return calls == fail_at ? SCR_E_LIMIT : SCR_OK;
}

static scr_error doc_op(void *s, const scr_doc_info *i) {
  (void)s, (void)i;
  return hit();
}
static scr_error plain_op(void *s) {
  (void)s;
  return hit();
}
static scr_error para_op(void *s, scr_para_style x) {
  (void)s, (void)x;
  return hit();
}
static scr_error int_op(void *s, int x) {
  (void)s, (void)x;
  return hit();
}
static scr_error text_op(void *s, const char *t, size_t n, unsigned f) {
  (void)s, (void)t, (void)n, (void)f;
  return hit();
}
static scr_error str_op(void *s, const char *x) {
  (void)s, (void)x;
  return hit();
}
static scr_error ref_op(void *s, const char *x, int c) {
  (void)s, (void)x, (void)c;
  return hit();
}
static scr_error image_op(void *s, const scr_image *x) {
  (void)s, (void)x;
  return hit();
}
static scr_error list_op(void *s, bool o, int st) {
  (void)s, (void)o, (void)st;
  return hit();
}
static scr_error table_op(void *s, int c, const scr_align *a, const int *w) {
  (void)s, (void)c, (void)a, (void)w;
  return hit();
}
static scr_error row_op(void *s, bool h) {
  (void)s, (void)h;
  return hit();
}

static const scr_sink_ops FAILING = {
    .begin_document = doc_op,
    .end_document = plain_op,
    .begin_paragraph = para_op,
    .end_paragraph = plain_op,
    .begin_heading = int_op,
    .end_heading = plain_op,
    .text = text_op,
    .line_break = plain_op,
    .begin_link = str_op,
    .end_link = plain_op,
    .begin_bookmark = str_op,
    .end_bookmark = str_op,
    .page_ref = ref_op,
    .image = image_op,
    .begin_note = str_op,
    .end_note = plain_op,
    .begin_list = list_op,
    .end_list = plain_op,
    .begin_item = plain_op,
    .end_item = plain_op,
    .begin_table = table_op,
    .end_table = plain_op,
    .begin_row = row_op,
    .end_row = plain_op,
    .begin_cell = plain_op,
    .end_cell = plain_op,
    .page_break = plain_op,
    .begin_section = str_op,
    .page_orientation = row_op,
    .language = str_op,
    .right_to_left = plain_op,
};

typedef struct committee {
  scr_diags diags;
  scr_workspace ws;
  scr_minutes_book book;
  scr_workprogramme wp;
  scr_agenda ag;
  scr_tracker tracker;
  scr_pack_kind kind;
} committee;

typedef scr_error (*composer)(committee *c, scr_sink *s);

static scr_error pack(committee *c, scr_sink *s) {
  return scr_compose_pack(&c->ws, &c->ag, c->kind, &c->wp, &c->tracker, NULL,
                          false, s);
}
static scr_error minutes(committee *c, scr_sink *s) {
  return scr_compose_minutes(&c->ws, &c->book.files[0], s);
}
static scr_error tracker(committee *c, scr_sink *s) {
  return scr_compose_tracker(&c->ws, &c->wp, &c->tracker, s);
}

/* Compose once to count the calls, then fail each call in turn. */
static void fails_at_every_call(committee *c, composer f) {
  fail_at = 0;
  calls = 0;
  scr_sink whole = {&FAILING, NULL, SCR_OK, NULL};
  assert_int_equal(f(c, &whole), SCR_OK);
  long total = calls;
  assert_true(total > 10);
  for (fail_at = 1; fail_at <= total; fail_at++) {
    calls = after = 0;
    scr_sink s = {&FAILING, NULL, SCR_OK, NULL};
    scr_error err = f(c, &s);
    if (err != SCR_E_LIMIT || after != 0)
      fail_msg("failing call %ld of %ld: returned %d after %ld more calls",
               fail_at, total, (int)err, after);
  }
}

static int open_committee(void **state) {
  static committee c;
  memset(&c, 0, sizeof c);
  scr_diags_init(&c.diags);
  if (scr_workspace_open(AGENDA, &c.ws, &c.diags) ||
      scr_minutes_book_load(&c.ws, &c.book, &c.diags) ||
      scr_workprogramme_load(&c.ws, &c.wp, &c.diags) ||
      scr_agenda_load(&c.ws, &c.book, AGENDA, NULL, &c.ag, &c.diags) ||
      scr_tracker_build(&c.book, &c.wp, &c.ag, 1, c.ag.date, &c.tracker,
                        &c.diags)) {
    scr_diags_print(&c.diags, stderr);
    return -1;
  }
  *state = &c;
  return 0;
}

static int close_committee(void **state) {
  committee *c = *state;
  scr_tracker_free(&c->tracker);
  scr_agenda_free(&c->ag);
  scr_workprogramme_free(&c->wp);
  scr_minutes_book_free(&c->book);
  scr_workspace_free(&c->ws);
  scr_diags_free(&c->diags);
  return 0;
}

static void test_pack(void **state) {
  committee *c = *state;
  c->kind = (scr_pack_kind){false, false};
  fails_at_every_call(c, pack);
  c->kind = (scr_pack_kind){true, false};
  fails_at_every_call(c, pack);
}

static void test_minutes(void **state) {
  fails_at_every_call(*state, minutes);
}

static void test_tracker(void **state) {
  fails_at_every_call(*state, tracker);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pack),
      cmocka_unit_test(test_minutes),
      cmocka_unit_test(test_tracker),
  };
  return cmocka_run_group_tests(tests, open_committee, close_committee);
}
