/*
 * `scrutineer import`: a Word or LibreOffice report written as the
 * Markdown it reads as, its pictures beside it, so that it can be kept in
 * git as text. Linking the Markdown gives the appendix linking the
 * report gives: both are the same text (report.h).
 */
#include "outset.h"
#include "report.h"
#include "scrutineer.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool is_stdout(const char *path) {
  return strcmp(path, "-") == 0;
}

/* report.docx -> report.md, in the report's folder. Caller frees. */
static char *default_output(const char *report) {
  const char *dot = strrchr(report, '.');
  const char *slash = strrchr(report, '/');
  size_t keep =
      dot && (!slash || dot > slash) ? (size_t)(dot - report) : strlen(report);
  return scr_asprintf("%.*s.md", (int)keep, report);
}

/* The folder the pictures go in, beside the Markdown: its path, and the
   name the Markdown gives it. Both caller frees. */
static scr_error picture_folder(const char *md, char **dir, char **name) {
  char *folder = scr_path_dirname(md);
  *name = scr_path_stem(md);
  *dir = folder && *name ? scr_path_join(folder, *name) : NULL;
  free(folder);
  return *dir ? SCR_OK : SCR_E_NOMEM;
}

/* The Markdown and its pictures, written together or not at all. */
static scr_error write_all(const char *md_path, const char *dir,
                           const char *name, const char *md, size_t len,
                           const scr_embedded_set *pictures) {
  scr_outset set = SCR_OUTSET_INIT;
  scr_error err = SCR_OK;
  if (pictures->n)
    err = scr_outset_folder(dir);
  size_t prefix = strlen(name) + 1;
  for (size_t i = 0; !err && i < pictures->n; i++) {
    const scr_embedded *e = &pictures->items[i];
    char *path = scr_path_join(dir, e->url + prefix);
    err =
        path ? scr_outset_add_bytes(&set, path, e->bytes, e->len) : SCR_E_NOMEM;
    free(path);
  }
  if (!err)
    err = scr_outset_add_bytes(&set, md_path, md, len);
  if (!err)
    err = scr_outset_commit(&set);
  if (err == SCR_E_IO || err == SCR_E_NOT_FILE)
    fprintf(stderr,
            "%s: error: cannot write the Markdown or its pictures "
            "(%s)\n",
            md_path, scr_outset_reason(&set, err));
  scr_outset_free(&set);
  return err == SCR_E_NOT_FILE ? SCR_E_IO : err;
}

scr_error scr_import_report(const char *report, const char *md_path,
                            const scr_options *opts) {
  FILE *diag_out = opts && opts->diagnostics ? opts->diagnostics : stderr;
  if (!scr_report_is_office(report)) {
    fprintf(diag_out,
            "%s: error: import reads Word (.docx) and "
            "LibreOffice (.odt) reports\n",
            report);
    return SCR_E_SOURCE;
  }
  char *own = md_path ? NULL : default_output(report);
  const char *out = md_path ? md_path : own;
  char *dir = NULL, *name = NULL;
  scr_error err = out ? SCR_OK : SCR_E_NOMEM;
  /* edits made to an earlier import are not replaced unasked */
  if (!err && own && access(own, F_OK) == 0) {
    fprintf(diag_out,
            "%s: error: %s is there already; give -o %s to replace it\n",
            report, own, own);
    err = SCR_E_SOURCE;
  }
  if (!err && !is_stdout(out))
    err = picture_folder(out, &dir, &name);
  scr_diags diags;
  scr_diags_init(&diags);
  char *md = NULL;
  size_t len = 0;
  scr_embedded_set pictures = {0};
  if (!err)
    err = scr_report_markdown(report, name, &md, &len, &pictures, &diags);
  if (!err && is_stdout(out) && pictures.n)
    scr_warn_at(&diags, report, 0, 0,
                "%s not written with the Markdown on standard output; give "
                "-o FILE to have %s beside it",
                pictures.n == 1 ? "its picture is" : "its pictures are",
                pictures.n == 1 ? "it" : "them");
  scr_diags_print(&diags, diag_out);
  scr_diags_free(&diags);
  if (!err && is_stdout(out))
    err = fwrite(md, 1, len, stdout) == len && fflush(stdout) == 0 ? SCR_OK
                                                                   : SCR_E_IO;
  else if (!err)
    err = write_all(out, dir, name, md, len, &pictures);
  if (!err && !is_stdout(out) && !(opts && opts->quiet))
    printf("wrote %s\n", out);
  free(md);
  scr_embedded_set_free(&pictures);
  free(dir);
  free(name);
  free(own);
  return err;
}
