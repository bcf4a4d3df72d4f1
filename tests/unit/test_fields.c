/* Unit tests: the fields table (every key documented, the checkers' keys
   taken from it), "did you mean" for misspelt keys, the committee's
   contacts, members and signatory, and the reference written from the
   table: docs/sources.md as committed, the man page clean under groff. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fields.h"
#include "model.h"
#include "scrutineer.h"
#include "util.h"
#include "files_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the table --------------------------------------------------------- */

static bool is_attribute_kind(scr_field_kind k) {
  return k == SCR_FIELDS_ITEM || k == SCR_FIELDS_RESOLUTION ||
         k == SCR_FIELDS_WP_ITEM;
}

/* An example shows the field as it is written: "name: ..." in front
   matter, "name=..." or the bare flag in braces. */
static void expect_example_names(const scr_field *f, bool attribute) {
  size_t n = strlen(f->name);
  assert_memory_equal(f->example, f->name, n);
  if (attribute)
    assert_true(f->example[n] == (f->type == SCR_FIELD_FLAG ? '\0' : '='));
  else
    assert_memory_equal(f->example + n, ": ", 2);
}

static void test_every_field_is_documented(void **state) {
  (void)state;
  for (int k = 0; k < SCR_FIELDS_KIND_COUNT; k++) {
    const scr_field *list = scr_fields((scr_field_kind)k);
    const scr_field_section *sec = scr_field_section_of((scr_field_kind)k);
    assert_non_null(list);
    assert_non_null(list[0].name);
    assert_true(sec->title && *sec->title && sec->file && *sec->file &&
                sec->about && *sec->about);
    for (const scr_field *f = list; f->name; f++) {
      assert_true(*f->name && f->example && f->does && *f->does);
      assert_true((f->type == SCR_FIELD_CHOICE) == (f->choices != NULL));
      assert_ptr_equal(scr_field_find(list, f->name), f); /* given once */
      expect_example_names(f, is_attribute_kind((scr_field_kind)k));
    }
  }
  assert_null(scr_fields(SCR_FIELDS_KIND_COUNT));
  for (const scr_convention *c = scr_minutes_conventions(); c->written; c++)
    assert_true(*c->does);
}

/* The names of the required fields of `kind`, as "a b c". */
static void required_of(scr_field_kind kind, char *out, size_t n) {
  out[0] = '\0';
  for (const scr_field *f = scr_fields(kind); f->name; f++)
    if (f->required)
      snprintf(out + strlen(out), n - strlen(out), "%s%s", *out ? " " : "",
               f->name);
}

static void test_required_fields(void **state) {
  (void)state;
  char names[128];
  required_of(SCR_FIELDS_COMMITTEE, names, sizeof names);
  assert_string_equal(names, "council committee meetings");
  required_of(SCR_FIELDS_AGENDA, names, sizeof names);
  assert_string_equal(names, "date");
  required_of(SCR_FIELDS_MINUTES, names, sizeof names);
  assert_string_equal(names, "date");
  required_of(SCR_FIELDS_REPORT, names, sizeof names);
  assert_string_equal(names, "");
  required_of(SCR_FIELDS_CONTACT, names, sizeof names);
  assert_string_equal(names, "name");
}

static void test_nearest_names(void **state) {
  (void)state;
  const scr_field *committee = scr_fields(SCR_FIELDS_COMMITTEE);
  assert_string_equal(scr_field_nearest(committee, "vice-chair"), "vice_chair");
  assert_string_equal(scr_field_nearest(committee, "meeting"), "meetings");
  assert_string_equal(scr_field_nearest(committee, "Titel"), "title");
  assert_string_equal(scr_field_nearest(committee, "chiar"), "chair");
  assert_string_equal(scr_field_nearest(committee, "signatory-role"),
                      "signatory_role");
  assert_null(scr_field_nearest(committee, "budget"));
  for (scr_field_kind k = SCR_FIELDS_AGENDA; k <= SCR_FIELDS_WORKPROGRAMME; k++)
    if (k != SCR_FIELDS_CONTACT)
      assert_string_equal(scr_field_nearest(scr_fields(k), "Titel"), "title");
  assert_string_equal(
      scr_field_nearest(scr_fields(SCR_FIELDS_CONTACT), "emial"), "email");
  assert_string_equal(
      scr_field_nearest(scr_fields(SCR_FIELDS_MINUTES), "also-present"),
      "also_present");
  assert_null(scr_field_nearest(scr_fields(SCR_FIELDS_AGENDA), "chiar"));
}

/* ---- the checkers ------------------------------------------------------ */

/* The diagnostics' messages as "line:col: message\n" lines. Caller
   frees. */
static char *messages(const scr_diags *d) {
  scr_buf b = SCR_BUF_INIT;
  for (size_t i = 0; i < d->count; i++)
    scr_buf_printf(&b, "%d:%d: %s: %s\n", d->items[i].line, d->items[i].col,
                   d->items[i].severity == SCR_ERROR ? "error" : "warning",
                   d->items[i].message);
  char *s = scr_buf_detach(&b, NULL);
  return s ? s : scr_strdup("");
}

static void expect_said(const char *all, const char *needle) {
  if (!strstr(all, needle))
    fail_msg("no diagnostic '%s' among:\n%s", needle, all);
}

static void test_misspelt_keys_are_named(void **state) {
  (void)state;
  char *dir = scratch_dir("scr-fields-keys");
  write_file(dir, "minutes.md",
             "---\nTitel: Minutes\nvice-chair: x\nmeeting: [2026-06-17]\n"
             "budget: 3\n---\n## Item\n");
  char *path = path_in(dir, "minutes.md");
  scr_diags d;
  scr_diags_init(&d);
  scr_source *src = scr_source_load(path, true, &d);
  assert_non_null(src);
  scr_meta_check_keys(src, SCR_FIELDS_COMMITTEE, &d);
  char *said = messages(&d);
  expect_said(said, "2:1: warning: unknown front-matter key 'Titel' is "
                    "ignored; did you mean 'title'?\n");
  expect_said(said, "3:1: warning: unknown front-matter key 'vice-chair' is "
                    "ignored; did you mean 'vice_chair'?\n");
  expect_said(said, "4:1: warning: unknown front-matter key 'meeting' is "
                    "ignored; did you mean 'meetings'?\n");
  /* nothing near: no guess */
  expect_said(said,
              "5:1: warning: unknown front-matter key 'budget' is ignored\n");
  expect_said(said, "front matter lacks the required key 'council'");
  expect_said(said, "front matter lacks the required key 'meetings'");
  assert_int_equal(d.errors, 3); /* council, committee, meetings */
  free(said);
  scr_source_free(src);
  scr_diags_free(&d);
  free(path);
  char *cmd = scr_asprintf("rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  free(dir);
}

static const char COMMITTEE_MD[] =
    "---\n"
    "council: Borough Council\n"
    "committee: Scrutiny Committee\n"
    "chair: Councillor Ann Able\n"
    "vice_chair: Councillor Ben Baker\n"
    "members: [Councillor Cat Cole, Ann Able, Ben Baker, "
    "Councillor Dan Dee]\n"
    "contacts:\n"
    "  - {name: Fay Fox, role: Governance Services, emial: f@example.gov.uk, "
    "phone: 0116 454 6350}\n"
    "  - name: Gil Gray\n"
    "    mobile: 07700 900123\n"
    "venue: Room 1\n"
    "time: \"18:00\"\n"
    "meetings: [2026-06-17]\n"
    "%s"
    "---\n"
    "Standing text.\n";

typedef struct opened {
  char *dir;
  scr_workspace ws;
  scr_diags diags;
  char *said;
} opened;

/* A workspace whose committee.md is COMMITTEE_MD with `more` keys. */
static void open_with(opened *o, const char *more) {
  o->dir = scratch_dir("scr-fields-ws");
  make_dir(o->dir, "agendas");
  char *text = scr_asprintf(COMMITTEE_MD, more);
  write_file(o->dir, "agendas/committee.md", text);
  free(text);
  scr_diags_init(&o->diags);
  assert_int_equal(scr_workspace_open(o->dir, &o->ws, &o->diags), SCR_OK);
  o->said = messages(&o->diags);
}

static void close_opened(opened *o) {
  scr_workspace_free(&o->ws);
  scr_diags_free(&o->diags);
  free(o->said);
  char *cmd = scr_asprintf("rm -rf '%s'", o->dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  free(o->dir);
}

static void test_chair_in_members_is_warned(void **state) {
  (void)state;
  opened o;
  open_with(&o, "");
  expect_said(o.said, "6:32: warning: Ann Able is the chair; members: lists "
                      "the other members, so they would appear twice\n");
  expect_said(o.said,
              "6:42: warning: Ben Baker is the vice-chair; members: lists "
              "the other members, so they would appear twice\n");
  assert_null(strstr(o.said, "Cat Cole"));
  assert_null(strstr(o.said, "Dan Dee"));
  close_opened(&o);
}

static void test_contacts_take_phone(void **state) {
  (void)state;
  opened o;
  open_with(&o, "");
  const scr_committee *c = &o.ws.committee;
  assert_int_equal(c->n_contacts, 2);
  assert_string_equal(c->contacts[0].phone, "0116 454 6350");
  assert_null(c->contacts[0].email); /* misspelt: ignored, and said */
  assert_null(c->contacts[1].phone);
  expect_said(o.said, "8:55: warning: unknown contact field 'emial' is "
                      "ignored (a contact takes name, role, email, phone); "
                      "did you mean 'email'?\n");
  expect_said(o.said, "10:13: warning: unknown contact field 'mobile' is "
                      "ignored (a contact takes name, role, email, phone)\n");
  assert_int_equal(o.diags.errors, 0);
  close_opened(&o);
}

static void test_signatory_role(void **state) {
  (void)state;
  opened o;
  open_with(&o, "");
  assert_string_equal(o.ws.committee.signatory_role, "Monitoring Officer");
  close_opened(&o);
  open_with(&o, "signatory: Hal Hill\nsignatory_role: Chief Executive\n");
  assert_string_equal(o.ws.committee.signatory, "Hal Hill");
  assert_string_equal(o.ws.committee.signatory_role, "Chief Executive");
  assert_null(strstr(o.said, "signatory"));
  close_opened(&o);
}

/* ---- the reference ----------------------------------------------------- */

/* The reference in `format`. Caller frees. */
static char *reference(int format, size_t *len) {
  char *text = NULL;
  FILE *f = open_memstream(&text, len);
  assert_non_null(f);
  scr_reference_write(f, format);
  assert_int_equal(fclose(f), 0);
  return text;
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  scr_buf b = SCR_BUF_INIT;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    scr_buf_append(&b, chunk, n);
  fclose(f);
  return scr_buf_detach(&b, len);
}

static void test_docs_are_the_table(void **state) {
  (void)state;
  size_t want_len, got_len = 0;
  char *want = reference(SCR_REFERENCE_MARKDOWN, &want_len);
  char *got = read_all("docs/sources.md", &got_len);
  if (!got || got_len != want_len || memcmp(got, want, want_len) != 0)
    fail_msg("docs/sources.md is not what the fields table in src/fields.c "
             "gives: run `make docs` and commit it");
  /* every key of every kind is in it */
  for (int k = 0; k < SCR_FIELDS_KIND_COUNT; k++)
    for (const scr_field *f = scr_fields((scr_field_kind)k); f->name; f++) {
      char *cell = scr_asprintf("| `%s` |", f->name);
      assert_non_null(strstr(want, cell));
      free(cell);
    }
  free(want);
  free(got);
}

static void test_man_page_is_clean(void **state) {
  (void)state;
  if (system("command -v groff >/dev/null 2>&1") != 0)
    skip();
  size_t len;
  char *page = reference(SCR_REFERENCE_MDOC, &len);
  assert_non_null(strstr(page, "\n.Dt SCRUTINEER-SOURCES 5\n"));
  assert_non_null(strstr(page, "\n.It Cm \"signatory_role\"\n"));
  char *dir = scratch_dir("scr-fields-man");
  write_file(dir, "scrutineer-sources.5", page);
  char *cmd = scr_asprintf("groff -mandoc -ww -z '%s/scrutineer-sources.5' "
                           ">'%s/lint' 2>&1",
                           dir, dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  char *lint_path = path_in(dir, "lint");
  size_t lint_len;
  char *lint = read_all(lint_path, &lint_len);
  assert_non_null(lint);
  if (lint_len)
    fail_msg("groff -mandoc -ww finds fault with the man page:\n%s", lint);
  free(lint);
  free(lint_path);
  cmd = scr_asprintf("rm -rf '%s'", dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  free(dir);
  free(page);
}

/* The roff escapes the page uses: a character groff cannot find is a
   warning that test_man_page_is_clean would see. */
static void test_man_page_escapes(void **state) {
  (void)state;
  size_t len;
  char *page = reference(SCR_REFERENCE_MDOC, &len);
  for (size_t i = 0; i < len; i++)
    assert_true((unsigned char)page[i] < 0x80); /* "–" is \[u2013] */
  assert_non_null(strstr(page, "Agreed \\[u2013]"));
  assert_non_null(strstr(page, "\\fBfirst_minute\\fP"));
  free(page);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_field_is_documented),
      cmocka_unit_test(test_required_fields),
      cmocka_unit_test(test_nearest_names),
      cmocka_unit_test(test_misspelt_keys_are_named),
      cmocka_unit_test(test_chair_in_members_is_warned),
      cmocka_unit_test(test_contacts_take_phone),
      cmocka_unit_test(test_signatory_role),
      cmocka_unit_test(test_docs_are_the_table),
      cmocka_unit_test(test_man_page_is_clean),
      cmocka_unit_test(test_man_page_escapes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
