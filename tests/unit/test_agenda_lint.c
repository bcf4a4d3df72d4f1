/* Unit tests: the agenda mistakes said at their line rather than passed in
   silence: links to reports that are not appendices, reports no agenda
   includes, `###` headings, items numbered by hand, a meeting date given
   twice, and footnote references without a note. */
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

static const char COMMITTEE[] =
    "---\ncouncil: Test Council\ncommittee: Test Scrutiny Commission\n"
    "short: TSC\ntime: \"17:30\"\nvenue: Town Hall\n"
    "meetings: [2026-04-14, 2026-06-17, 2026-09-08]\n---\n";

static const char REPORT[] = "---\ntitle: Leisure\n---\n# Leisure\n\nText.\n";

typedef struct fixture {
  char *root;
  scr_workspace ws;
  scr_minutes_book book;
  scr_agenda *agendas;
  size_t n;
  scr_diags diags;
} fixture;

/* A workspace with committee.md, minutes of 14 April and the folders of the
   June and September meetings. */
static void start(fixture *fx) {
  *fx = (fixture){.root = scratch_dir("scr-agenda-lint")};
  scr_diags_init(&fx->diags);
  make_dir(fx->root, "agendas");
  make_dir(fx->root, "agendas/2026-06-17");
  make_dir(fx->root, "agendas/2026-09-08");
  make_dir(fx->root, "minutes");
  write_file(fx->root, "agendas/committee.md", COMMITTEE);
  write_file(fx->root, "minutes/2026-04-14.md",
             "---\ndate: 2026-04-14\nfirst_minute: 1\n---\n## Welcome\n\n"
             "Welcomed.\n");
}

/* Open the workspace and load every agenda; the agendas' load status. */
static scr_error load(fixture *fx) {
  assert_int_equal(scr_workspace_open(fx->root, &fx->ws, &fx->diags), SCR_OK);
  assert_int_equal(scr_minutes_book_load(&fx->ws, &fx->book, &fx->diags),
                   SCR_OK);
  return scr_agendas_load(&fx->ws, &fx->book, NULL, &fx->agendas, &fx->n,
                          &fx->diags);
}

static void finish(fixture *fx) {
  scr_agendas_free(fx->agendas, fx->n);
  scr_minutes_book_free(&fx->book);
  scr_workspace_free(&fx->ws);
  scr_diags_free(&fx->diags);
  char *cmd = scr_asprintf("rm -rf '%s'", fx->root);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  free(fx->root);
}

/* How many diagnostics say `what`. */
static size_t saying(const fixture *fx, const char *what) {
  size_t n = 0;
  for (size_t i = 0; i < fx->diags.count; i++)
    n += strstr(fx->diags.items[i].message, what) != NULL;
  return n;
}

/* The one warning saying `what`: in a file ending `file_end`, at line:col. */
static void assert_warning(const fixture *fx, const char *file_end, int line,
                           int col, const char *what) {
  const scr_diag *found = NULL;
  for (size_t i = 0; i < fx->diags.count; i++)
    if (strstr(fx->diags.items[i].message, what)) {
      if (found)
        fail_msg("two diagnostics say '%s'", what);
      found = &fx->diags.items[i];
    }
  if (!found)
    fail_msg("no diagnostic says '%s'", what);
  size_t n = strlen(found->file), k = strlen(file_end);
  assert_true(n >= k);
  assert_string_equal(found->file + n - k, file_end);
  assert_int_equal(found->severity, SCR_WARNING);
  assert_int_equal(found->line, line);
  assert_int_equal(found->col, col);
}

/* The first link of the item numbered `number` (1-based) of agenda 0. */
static cmark_node *first_link_of_item(const fixture *fx, size_t number) {
  cmark_node *n = fx->agendas[0].items[number - 1].heading;
  for (n = cmark_node_next(n); n; n = cmark_node_next(n)) {
    cmark_iter *it = cmark_iter_new(n);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node *l = cmark_iter_get_node(it);
      if (cmark_node_get_type(l) == CMARK_NODE_LINK) {
        cmark_iter_free(it);
        return l;
      }
    }
    cmark_iter_free(it);
  }
  return NULL;
}

/* ---- links to reports that are not [Appendix] links -------------------- */

static void test_report_link_not_an_appendix(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  write_file(fx.root, "agendas/2026-06-17/leisure-centre.md", REPORT);
  write_file(fx.root, "agendas/2026-06-17.md",
             "---\ndate: 2026-06-17\n---\n## Leisure centre\n\n"
             "See the [Leisure centre report](2026-06-17/leisure-centre.md) "
             "and [the minutes](../minutes/2026-04-14.md#welcome).\n\n"
             "## Web\n\n[The council](https://example.org/report.md), "
             "[an item](#web).\n\n"
             "## Included\n\n[Appendix](2026-06-17/leisure-centre.md)\n");
  assert_int_equal(load(&fx), SCR_OK);
  assert_warning(&fx, "agendas/2026-06-17.md", 6, 9,
                 "link 'Leisure centre report' links a report but is not an "
                 "appendix: write [Appendix](2026-06-17/leisure-centre.md) to "
                 "include it as an appendix");
  /* the target's path, without the heading it names */
  assert_warning(&fx, "agendas/2026-06-17.md", 6, 67,
                 "link 'the minutes' links minutes but is not an appendix: "
                 "write [Appendix](../minutes/2026-04-14.md)");
  /* a web page and a heading are links as before */
  assert_int_equal(fx.diags.count, 2);
  /* the pack writes the link's words alone */
  assert_string_equal(cmark_node_get_url(first_link_of_item(&fx, 1)), "");
  assert_string_equal(cmark_node_get_url(first_link_of_item(&fx, 2)),
                      "https://example.org/report.md");
  finish(&fx);
}

/* A report's own plain link to a report is said once, and stays plain when
   its tree is released and parsed again to be written. */
static void test_report_link_in_a_report_stays_plain(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  write_file(fx.root, "agendas/2026-06-17/annex.md", REPORT);
  write_file(fx.root, "agendas/2026-06-17/main.md",
             "---\ntitle: Main\n---\n# Main\n\nSee [the annex](annex.pdf) "
             "and [Appendix](annex.md).\n");
  write_file(fx.root, "agendas/2026-06-17.md",
             "---\ndate: 2026-06-17\n---\n## Main\n\n"
             "[Appendix](2026-06-17/main.md)\n");
  assert_int_equal(load(&fx), SCR_OK);
  assert_warning(&fx, "agendas/2026-06-17/main.md", 6, 5,
                 "link 'the annex' links a report but is not an appendix: "
                 "write [Appendix](annex.pdf)");
  assert_int_equal(fx.diags.count, 1);
  scr_agenda *ag = &fx.agendas[0];
  assert_int_equal(ag->n_appendices, 2);
  scr_appendix_release_tree(ag, 0);
  assert_null(ag->appendices[0].src->doc);
  bool reparsed;
  assert_int_equal(scr_appendix_tree(ag, 0, &reparsed), SCR_OK);
  assert_true(reparsed);
  cmark_node *para =
      cmark_node_next(cmark_node_first_child(ag->appendices[0].src->doc));
  cmark_node *link = cmark_node_next(cmark_node_first_child(para));
  assert_int_equal(cmark_node_get_type(link), CMARK_NODE_LINK);
  assert_string_equal(cmark_node_get_url(link), "");
  /* the [Appendix] link is bound again, to the new tree */
  assert_ptr_equal(ag->refs[1].link, cmark_node_next(cmark_node_next(link)));
  assert_int_equal(fx.diags.count, 1);
  finish(&fx);
}

/* ---- report files no agenda includes ----------------------------------- */

static void test_report_in_the_folder_no_agenda_includes(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  write_file(fx.root, "agendas/2026-06-17/included.md", REPORT);
  write_file(fx.root, "agendas/2026-06-17/forgotten.odt", "not read");
  write_file(fx.root, "agendas/2026-06-17/chart.png", "not a report");
  write_file(fx.root, "agendas/2026-06-17/~$cluded.docx", "Word's own");
  /* a report deferred to the next meeting, in the first one's folder */
  write_file(fx.root, "agendas/2026-06-17/deferred.md", REPORT);
  write_file(fx.root, "agendas/2026-09-08/late.pdf", "not read");
  write_file(fx.root, "agendas/2026-06-17.md",
             "---\ndate: 2026-06-17\n---\n## Included\n\n"
             "[Appendix](2026-06-17/included.md)\n");
  write_file(fx.root, "agendas/2026-09-08.md",
             "---\ndate: 2026-09-08\n---\n## Deferred\n\n"
             "[Appendix](2026-06-17/deferred.md)\n");
  assert_int_equal(load(&fx), SCR_OK);
  assert_int_equal(fx.diags.count, 2);
  assert_warning(&fx, "agendas/2026-06-17/forgotten.odt", 0, 0,
                 "this report is in the folder of the meeting of 2026-06-17, "
                 "but no agenda includes it: link it from its item in ");
  assert_int_equal(saying(&fx, "agendas/2026-06-17.md as "
                               "[Appendix](2026-06-17/forgotten.odt)"),
                   1);
  assert_warning(&fx, "agendas/2026-09-08/late.pdf", 0, 0,
                 "as [Appendix](2026-09-08/late.pdf)");
  finish(&fx);
}

/* ---- item headings ------------------------------------------------------ */

static void test_third_level_heading_is_not_an_item(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  write_file(fx.root, "agendas/2026-06-17.md",
             "---\ndate: 2026-06-17\n---\nIntroduction.\n\n#### Notes\n\n"
             "## Apologies\n\nText.\n\n### Declarations of interest\n\n"
             "Text.\n\n## Minutes\n\nText.\n");
  assert_int_equal(load(&fx), SCR_OK);
  assert_int_equal(fx.diags.count, 2);
  assert_warning(&fx, "agendas/2026-06-17.md", 6, 1,
                 "'#### Notes' is not an agenda item: items are `##` "
                 "headings, and a level 4 heading becomes part of the text "
                 "before the first item; write '## Notes'");
  assert_warning(&fx, "agendas/2026-06-17.md", 12, 1,
                 "'### Declarations of interest' is not an agenda item: "
                 "items are `##` headings, and a level 3 heading becomes "
                 "part of item 1's text; write '## Declarations of interest' "
                 "to make it an item of its own");
  /* the items after it are numbered without it */
  assert_int_equal(fx.agendas[0].n_items, 2);
  assert_int_equal(fx.agendas[0].items[1].number, 2);
  assert_string_equal(fx.agendas[0].items[1].title, "Minutes");
  finish(&fx);
}

static void test_item_numbered_by_hand(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  write_file(fx.root, "agendas/2026-06-17.md",
             "---\ndate: 2026-06-17\n---\n## 1. Apologies\n\nText.\n\n"
             "## 3) *Minutes* {to-follow}\n\nText.\n\n"
             "## 2026 budget\n\n## 3.5% pay award\n\n## 4.\n");
  assert_int_equal(load(&fx), SCR_OK);
  assert_warning(&fx, "agendas/2026-06-17.md", 4, 4,
                 "item 1's heading starts with the number '1.': items are "
                 "numbered for you, so write '## Apologies'");
  assert_warning(&fx, "agendas/2026-06-17.md", 8, 4,
                 "item 2's heading starts with the number '3)': items are "
                 "numbered for you, so write '## Minutes'");
  assert_int_equal(fx.diags.count, 2);
  const scr_item *items = fx.agendas[0].items;
  /* the number is left out, so that the pack's own is the only one */
  assert_string_equal(items[0].title, "Apologies");
  assert_string_equal(items[1].title, "Minutes");
  assert_true(items[1].to_follow);
  assert_string_equal(
      cmark_node_get_literal(cmark_node_first_child(items[0].heading)),
      "Apologies");
  /* a title that starts with a figure is its own */
  assert_string_equal(items[2].title, "2026 budget");
  assert_string_equal(items[3].title, "3.5% pay award");
  assert_string_equal(items[4].title, "4.");
  finish(&fx);
}

/* ---- committee.md ------------------------------------------------------- */

static void test_meeting_date_given_twice(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  write_file(fx.root, "agendas/committee.md",
             "---\ncouncil: Test Council\ncommittee: Test Scrutiny "
             "Commission\nshort: TSC\ntime: \"17:30\"\nvenue: Town Hall\n"
             "meetings:\n  - 2026-04-14\n  - 2026-06-17\n  - 2026-04-14\n"
             "---\n");
  assert_int_equal(load(&fx), SCR_OK);
  assert_warning(&fx, "agendas/committee.md", 10, 5,
                 "meeting 2026-04-14 is listed twice in 'meetings'");
  assert_int_equal(fx.diags.count, 1);
  assert_int_equal(fx.ws.committee.n_meetings, 2);
  finish(&fx);
}

/* ---- footnotes ---------------------------------------------------------- */

/* Load `text` as a source; the diagnostics it gave. */
static void load_source(fixture *fx, const char *text) {
  write_file(fx->root, "agendas/2026-06-17/notes.md", text);
  char *path = path_in(fx->root, "agendas/2026-06-17/notes.md");
  scr_source *src = scr_source_load(path, false, &fx->diags);
  assert_non_null(src);
  scr_source_free(src);
  free(path);
}

static void test_footnote_without_a_note(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  load_source(&fx, "---\ntitle: Notes\n---\n# Notes\n\n"
                   "Defined[^1], not[^3], escaped \\[^4], in `[^5]` code,\n"
                   "> - quoted: **bold [^q]**, a character &#91;^6].\n\n"
                   "| A |\n|---|\n| cell [^t] |\n\n"
                   "    indented [^c]\n\n"
                   "[^1]: The note.\n");
  assert_int_equal(fx.diags.count, 3);
  assert_warning(&fx, "notes.md", 6, 17,
                 "footnote [^3] has no note, so it shows as '[^3]' as "
                 "written: add the note as a line of its own, '[^3]: the "
                 "note's text', or take the reference out");
  assert_warning(&fx, "notes.md", 7, 20, "footnote [^q] has no note");
  assert_warning(&fx, "notes.md", 11, 8, "footnote [^t] has no note");
  finish(&fx);
}

/* The same reference twice in one run of text is said at each place. */
static void test_footnote_without_a_note_twice(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  load_source(&fx, "No note[^a] here, nor[^a] here.\n");
  assert_int_equal(fx.diags.count, 2);
  assert_int_equal(fx.diags.items[0].line, 1);
  assert_int_equal(fx.diags.items[0].col, 8);
  assert_int_equal(fx.diags.items[1].col, 22);
  finish(&fx);
}

/* A line of 100,000 references is read once, not once a reference. */
static void test_footnotes_without_notes_on_one_long_line(void **state) {
  (void)state;
  fixture fx;
  start(&fx);
  scr_buf b = SCR_BUF_INIT;
  for (int i = 0; i < 100000; i++)
    assert_int_equal(scr_buf_puts(&b, "&#91;^e] [^n] "), SCR_OK);
  char *text = scr_buf_detach(&b, NULL);
  assert_non_null(text);
  load_source(&fx, text);
  free(text);
  /* each written reference, none made by a character reference */
  assert_int_equal(fx.diags.count, 100000);
  assert_int_equal(fx.diags.items[0].col, 10);
  assert_int_equal(fx.diags.items[99999].col, 99999 * 14 + 10);
  finish(&fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_report_link_not_an_appendix),
      cmocka_unit_test(test_report_link_in_a_report_stays_plain),
      cmocka_unit_test(test_report_in_the_folder_no_agenda_includes),
      cmocka_unit_test(test_third_level_heading_is_not_an_item),
      cmocka_unit_test(test_item_numbered_by_hand),
      cmocka_unit_test(test_meeting_date_given_twice),
      cmocka_unit_test(test_footnote_without_a_note),
      cmocka_unit_test(test_footnote_without_a_note_twice),
      cmocka_unit_test(test_footnotes_without_notes_on_one_long_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
