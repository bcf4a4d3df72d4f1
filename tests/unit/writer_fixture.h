/*
 * Shared steps of the writer unit tests: a writer of class WRITER (defined
 * before including this) with the built-in template, a begun document, and
 * small helpers that drive the sink and read back parts.
 */
#ifndef SCR_TEST_WRITER_FIXTURE_H
#define SCR_TEST_WRITER_FIXTURE_H

#include "package.h"
#include "package_fixture.h"
#include "template.h"
#include "writer.h"

typedef struct fixture {
  scr_template tpl;
  void *w;
  const scr_sink_ops *ops;
} fixture;

static const scr_doc_info INFO = {
    .title = "Agenda pack",
    .subject = "Agenda pack",
    .creator = "Leicester City Council",
    .language = "en-GB",
    .footer = "Children, Young People and Education Scrutiny Commission, "
              "17 June 2026",
};

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  f->tpl = scr_template_builtin(WRITER.extension);
  f->w = WRITER.create(&f->tpl);
  f->ops = WRITER.ops;
  if (!f->w || f->ops->begin_document(f->w, &INFO) != SCR_OK) {
    WRITER.destroy(f->w);
    free(f);
    return -1;
  }
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  WRITER.destroy(f->w);
  free(f);
  return 0;
}

static void expect_body(fixture *f, const char *expected) {
  char *xml = WRITER.body_xml(f->w);
  assert_non_null(xml);
  assert_string_equal(xml, expected);
  free(xml);
}

static void put(fixture *f, const char *s, unsigned flags) {
  assert_int_equal(f->ops->text(f->w, s, strlen(s), flags), SCR_OK);
}

static void para(fixture *f, scr_para_style style, const char *s) {
  assert_int_equal(f->ops->begin_paragraph(f->w, style), SCR_OK);
  put(f, s, 0);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
}

static void item(fixture *f, const char *s) {
  assert_int_equal(f->ops->begin_item(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, s);
  assert_int_equal(f->ops->end_item(f->w), SCR_OK);
}

/* A cell holding one paragraph of `s`, or none when `s` is NULL. */
static void cell(fixture *f, scr_para_style style, const char *s) {
  assert_int_equal(f->ops->begin_cell(f->w), SCR_OK);
  if (s)
    para(f, style, s);
  assert_int_equal(f->ops->end_cell(f->w), SCR_OK);
}

/* Finish the document into a new package (caller frees). */
static scr_package *finish(fixture *f) {
  assert_int_equal(f->ops->end_document(f->w), SCR_OK);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(WRITER.finish(f->w, pkg), SCR_OK);
  return pkg;
}

#endif
