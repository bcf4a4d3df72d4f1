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

/* What a composer needs: the workspace, and the document to lay out. */
typedef struct job {
  const scr_workspace *ws;
  const scr_agenda *agenda;   /* a pack */
  const scr_minutes *minutes; /* a minutes document */
  const int *pages;           /* estimated appendix pages, for a pack */
} job;

static scr_error compose(const job *j, scr_sink *sink) {
  if (j->agenda)
    return scr_compose_pack(j->ws, j->agenda, j->pages, sink);
  return scr_compose_minutes(j->ws, j->minutes, sink);
}

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
                              const scr_template *tpl, const job *j,
                              const char *path) {
  void *w = wc->create(tpl);
  if (!w)
    return SCR_E_NOMEM;
  scr_sink sink = {wc->ops, w};
  scr_error err = compose(j, &sink);
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

/* Write the document in every format asked for, each atomically. */
static scr_error write_document(const job *j, const char *stem,
                                const scr_options *opts,
                                const scr_template *user_tpl) {
  const char *dir = opts->out_dir ? opts->out_dir : "out";
  if (ensure_dir(dir) != SCR_OK) {
    fprintf(stderr, "scrutineer: error: cannot create the output folder '%s'\n",
            dir);
    return SCR_E_IO;
  }
  unsigned formats =
      opts->formats ? opts->formats : (SCR_FORMAT_DOCX | SCR_FORMAT_ODT);
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < N_WRITERS; i++) {
    if (!(formats & WRITER_FORMATS[i]))
      continue;
    char *path = scr_asprintf("%s/%s.%s", dir, stem, WRITERS[i]->extension);
    scr_template tpl = template_for(user_tpl, WRITERS[i]->extension);
    err = path ? write_format(WRITERS[i], &tpl, j, path) : SCR_E_NOMEM;
    if (err)
      fprintf(stderr, "scrutineer: error: cannot write %s: %s\n",
              path ? path : dir, scr_strerror(err));
    else if (!opts->quiet)
      printf("wrote %s\n", path);
    free(path);
  }
  return err;
}

/* The workspace of `file` with all its minutes, checked. */
typedef struct session {
  scr_diags diags;
  scr_workspace ws;
  scr_minutes_book book;
  scr_template tpl;
} session;

static scr_error session_open(session *s, const char *file,
                              const scr_options *opts) {
  *s = (session){0};
  scr_diags_init(&s->diags);
  scr_error err = scr_workspace_open(file, &s->ws, &s->diags);
  if (!err)
    err = scr_minutes_book_load(&s->ws, &s->book, &s->diags);
  if (!err && opts && opts->template_path)
    err = scr_template_load(opts->template_path, &s->tpl, &s->diags);
  return err;
}

/* Print what was found; SCR_E_SOURCE when any of it was an error. */
static scr_error session_report(session *s, scr_error err) {
  scr_diags_print(&s->diags, stderr);
  return !err && s->diags.errors ? SCR_E_SOURCE : err;
}

static void session_close(session *s) {
  scr_template_free(&s->tpl);
  scr_minutes_book_free(&s->book);
  scr_workspace_free(&s->ws);
  scr_diags_free(&s->diags);
}

scr_error scr_build_pack(const char *agenda_path, const scr_options *opts) {
  session s;
  scr_agenda ag = {0};
  scr_error err = session_open(&s, agenda_path, opts);
  if (!err)
    err = scr_agenda_load(&s.ws, &s.book, agenda_path, &ag, &s.diags);
  err = session_report(&s, err);
  int *pages = err ? NULL : estimate_pages(&s.ws, &ag);
  if (!err && !pages)
    err = SCR_E_NOMEM;
  if (!err) {
    scr_doc_strings names;
    scr_pack_info(&s.ws, &ag, &names);
    job j = {&s.ws, &ag, NULL, pages};
    err = write_document(&j, names.file_stem, opts,
                         opts->template_path ? &s.tpl : NULL);
  }
  free(pages);
  scr_agenda_free(&ag);
  session_close(&s);
  return err;
}

scr_error scr_build_minutes(const char *minutes_path, const scr_options *opts) {
  session s;
  scr_error err = session_open(&s, minutes_path, opts);
  const scr_minutes *m = NULL;
  if (!err) {
    char *real = realpath(minutes_path, NULL);
    m = real ? scr_minutes_find(&s.book, real) : NULL;
    free(real);
    if (!m && !s.diags.errors)
      scr_error_at(&s.diags, minutes_path, 0, 0,
                   "not a minutes file: minutes live in the workspace's "
                   "minutes/ folder as YYYY-MM-DD.md");
  }
  err = session_report(&s, err);
  if (!err && m) {
    scr_doc_strings names;
    scr_minutes_info(&s.ws, m, &names);
    job j = {&s.ws, NULL, m, NULL};
    err = write_document(&j, names.file_stem, opts,
                         opts->template_path ? &s.tpl : NULL);
  }
  session_close(&s);
  return err;
}

/* A TSV field: tabs and newlines would break the row. */
static void tsv_field(FILE *out, const char *s, bool last) {
  for (; s && *s; s++)
    fputc(*s == '\t' || *s == '\n' ? ' ' : *s, out);
  fputc(last ? '\n' : '\t', out);
}

scr_error scr_list_actions(const char *workspace, FILE *out) {
  session s;
  scr_error err = session_open(&s, workspace, NULL);
  err = session_report(&s, err);
  if (!err) {
    fprintf(out, "ID\tAgreed at\tDue\tOwner\tSource\tAction\n");
    for (size_t i = 0; i < s.book.n; i++) {
      const scr_minutes *m = &s.book.files[i];
      for (size_t k = 0; k < m->n_res; k++) {
        const scr_resolution *r = &m->res[k];
        if (!r->action)
          continue;
        char agreed[16], due[16] = "", where[1024];
        scr_date_format(m->date, SCR_DATE_ISO, agreed, sizeof agreed);
        if (r->due_from != SCR_DUE_NONE)
          scr_date_format(r->due, SCR_DATE_ISO, due, sizeof due);
        snprintf(where, sizeof where, "%s:%d", m->src->path, r->line);
        tsv_field(out, r->id, false);
        tsv_field(out, agreed, false);
        tsv_field(out, due, false);
        tsv_field(out, r->owner, false);
        tsv_field(out, where, false);
        tsv_field(out, r->text, true);
      }
    }
  }
  session_close(&s);
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
