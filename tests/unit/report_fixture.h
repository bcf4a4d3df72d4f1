/*
 * Reports for the readers' tests: parts zipped into a temporary file with
 * the name given (its extension picks the reader), read as Markdown.
 * Include after cmocka.h and zip_fixture.h.
 */
#ifndef SCR_TEST_REPORT_FIXTURE_H
#define SCR_TEST_REPORT_FIXTURE_H

#include "report.h"

/*
 * The Markdown of the report made of `n` parts, saved as `name`; asserts
 * that reading it returns `want`. NULL when it is refused. `*diags` is
 * initialised here (caller frees); the pictures go to `*pictures` (caller
 * frees), or are freed when it is NULL. Caller frees the Markdown.
 */
static char *report_of(const char *name, const zip_part *parts, size_t n,
                       scr_error want, scr_diags *diags,
                       scr_embedded_set *pictures) {
  char *path = temp_path(name);
  write_zip_parts(path, parts, n);
  scr_diags_init(diags);
  char *md = NULL;
  size_t len = 0;
  scr_embedded_set pics;
  scr_error err = scr_report_markdown(path, NULL, &md, &len, &pics, diags);
  remove_temp(path);
  if (pictures)
    *pictures = pics;
  else
    scr_embedded_set_free(&pics);
  assert_int_equal(err, want);
  return md;
}

/* Fails, showing the Markdown, unless `md` holds `want`. */
static void expect_in(const char *md, const char *want) {
  if (!md || !strstr(md, want))
    fail_msg("'%s' not in:\n%s", want, md ? md : "(nothing)");
}

/* A refused report: one error, saying `want`. */
static void expect_refused(const char *name, const zip_part *parts, size_t n,
                           const char *want) {
  scr_diags d;
  char *md = report_of(name, parts, n, SCR_E_SOURCE, &d, NULL);
  assert_null(md);
  if (d.errors != 1 || !strstr(d.items[0].message, want))
    fail_msg("%s: '%s', not '%s'", name, d.count ? d.items[0].message : "",
             want);
  scr_diags_free(&d);
}

#endif
