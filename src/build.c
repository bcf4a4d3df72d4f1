/*
 * Building documents: load and validate every source first, estimate the
 * page layout, then compose once per output format and write each package
 * atomically. Nothing is written when any source has an error.
 */
#include "compose.h"
#include "estimate.h"
#include "render.h"
#include "util.h"
#include "writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const ERROR_TEXT[SCR_E_COUNT] = {
    [SCR_OK] = "success",
    [SCR_E_NOMEM] = "out of memory",
    [SCR_E_SOURCE] = "the sources have errors",
    [SCR_E_USAGE] = "invalid arguments",
    [SCR_E_IO] = "a file could not be read or written",
    [SCR_E_XML] = "XML could not be written or read",
    [SCR_E_ZIP] = "a zip container could not be written or read",
    [SCR_E_TEMPLATE] = "the template document is unusable",
    [SCR_E_LIMIT] = "an input exceeds a safety limit",
};

const char *scr_strerror(scr_error err) {
  if ((unsigned)err >= SCR_E_COUNT)
    return "unknown error";
  return ERROR_TEXT[err];
}

static const scr_writer_class *const WRITERS[] = {&scr_docx_writer,
                                                  &scr_odt_writer};
static const unsigned WRITER_FORMATS[] = {SCR_FORMAT_DOCX, SCR_FORMAT_ODT};
#define N_WRITERS (sizeof WRITERS / sizeof *WRITERS)

/* Page of each appendix as the estimator lays the pack out. Caller frees. */
static int *estimate_pages(const scr_workspace *ws, const scr_agenda *ag) {
  scr_estimate *est = scr_estimate_new();
  int *pages = calloc(ag->n_appendices + 1, sizeof *pages);
  scr_sink sink = {&scr_estimate_ops, est};
  if (!est || !pages || scr_compose_pack(ws, ag, NULL, &sink) != SCR_OK) {
    scr_estimate_free(est);
    free(pages);
    return NULL;
  }
  for (size_t i = 0; i < ag->n_appendices; i++)
    pages[i] = scr_estimate_page(est, ag->appendices[i].bookmark);
  scr_estimate_free(est);
  return pages;
}

static scr_error ensure_dir(const char *dir) {
  if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? SCR_OK : SCR_E_IO;
  }
  return SCR_E_IO;
}

/* The writer's template: --template when it is of this format. */
static scr_template template_for(const scr_template *user, const char *ext) {
  if (user && user->format && strcmp(user->format, ext) == 0)
    return *user;
  return scr_template_builtin(ext);
}

static scr_error write_format(const scr_writer_class *wc,
                              const scr_template *tpl, const scr_workspace *ws,
                              const scr_agenda *ag, const int *pages,
                              const char *path) {
  void *w = wc->create(tpl);
  if (!w)
    return SCR_E_NOMEM;
  scr_sink sink = {wc->ops, w};
  scr_error err = scr_compose_pack(ws, ag, pages, &sink);
  scr_package *pkg = err ? NULL : scr_package_new();
  if (!err && !pkg)
    err = SCR_E_NOMEM;
  if (!err)
    err = wc->finish(w, pkg);
  if (!err)
    err = scr_package_write(pkg, path);
  scr_package_free(pkg);
  wc->destroy(w);
  return err;
}

static scr_error write_pack(const scr_workspace *ws, const scr_agenda *ag,
                            const scr_options *opts,
                            const scr_template *user_tpl) {
  const char *dir = opts->out_dir ? opts->out_dir : "out";
  if (ensure_dir(dir) != SCR_OK) {
    fprintf(stderr, "scrutineer: error: cannot create the output folder '%s'\n",
            dir);
    return SCR_E_IO;
  }
  int *pages = estimate_pages(ws, ag);
  if (!pages)
    return SCR_E_NOMEM;
  scr_pack_strings names;
  scr_pack_info(ws, ag, &names);
  unsigned formats = opts->formats ? opts->formats
                                   : (SCR_FORMAT_DOCX | SCR_FORMAT_ODT);
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < N_WRITERS; i++) {
    if (!(formats & WRITER_FORMATS[i]))
      continue;
    char *path = scr_asprintf("%s/%s.%s", dir, names.file_stem,
                              WRITERS[i]->extension);
    scr_template tpl = template_for(user_tpl, WRITERS[i]->extension);
    err = path ? write_format(WRITERS[i], &tpl, ws, ag, pages, path)
               : SCR_E_NOMEM;
    if (err)
      fprintf(stderr, "scrutineer: error: cannot write %s: %s\n",
              path ? path : dir, scr_strerror(err));
    else if (!opts->quiet)
      printf("wrote %s\n", path);
    free(path);
  }
  free(pages);
  return err;
}

scr_error scr_build_pack(const char *agenda_path, const scr_options *opts) {
  scr_diags diags;
  scr_diags_init(&diags);
  scr_workspace ws;
  scr_agenda ag = {0};
  scr_template user_tpl = {0};
  scr_error err = scr_workspace_open(agenda_path, &ws, &diags);
  if (!err)
    err = scr_agenda_load(&ws, agenda_path, &ag, &diags);
  if (!err && opts->template_path)
    err = scr_template_load(opts->template_path, &user_tpl, &diags);
  scr_diags_print(&diags, stderr);
  if (!err && diags.errors)
    err = SCR_E_SOURCE;
  if (!err)
    err = write_pack(&ws, &ag, opts, opts->template_path ? &user_tpl : NULL);
  scr_template_free(&user_tpl);
  scr_agenda_free(&ag);
  scr_workspace_free(&ws);
  scr_diags_free(&diags);
  return err;
}

/* ---- fragments, for golden tests ---------------------------------------- */

scr_error scr_render_fragment(const char *md_path, enum scr_format format,
                              char **xml) {
  *xml = NULL;
  const scr_writer_class *wc = NULL;
  for (size_t i = 0; i < N_WRITERS; i++)
    if (WRITER_FORMATS[i] == (unsigned)format)
      wc = WRITERS[i];
  if (!wc)
    return SCR_E_USAGE;
  scr_diags diags;
  scr_diags_init(&diags);
  /* the fragment's own folder is its workspace, for images */
  scr_workspace ws = {0};
  ws.root = scr_path_dirname(md_path);
  ws.root_real = ws.root ? realpath(ws.root, NULL) : NULL;
  scr_source *src = scr_source_load(md_path, false, &diags);
  if (src && ws.root_real)
    scr_images_load(&ws, src, &diags);
  scr_diags_print(&diags, stderr);
  scr_error err = !src || diags.errors ? SCR_E_SOURCE : SCR_OK;
  scr_template tpl = scr_template_builtin(wc->extension);
  void *w = err ? NULL : wc->create(&tpl);
  if (!err && !w)
    err = SCR_E_NOMEM;
  scr_sink sink = {wc->ops, w};
  scr_doc_info info = {"Fragment", "Golden test", "scrutineer", "en-GB",
                       "Fragment"};
  scr_render r = {&sink, src, 1, NULL, NULL};
  if (!err)
    err = wc->ops->begin_document(w, &info);
  if (!err)
    err = scr_render_blocks(&r, cmark_node_first_child(src->doc), NULL);
  if (!err)
    err = wc->ops->end_document(w);
  if (!err && !(*xml = wc->body_xml(w)))
    err = SCR_E_NOMEM;
  if (w)
    wc->destroy(w);
  scr_images_release(src);
  scr_source_free(src);
  free(ws.root);
  free(ws.root_real);
  scr_diags_free(&diags);
  return err;
}
