/*
 * Building documents: load and validate every source first, estimate the
 * page layout, then compose once per output format and write each package
 * atomically. Nothing is written when any source has an error.
 */
#include "a11y.h"
#include "build.h"
#include "ahead.h"
#include "compose.h"
#include "estimate.h"
#include "office.h"
#include "pdf_pack.h"
#include "pdfpics.h"
#include "render.h"
#include "util.h"
#include "writer.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const scr_writer_class *const WRITERS[] = {&scr_docx_writer,
                                                  &scr_odt_writer};
static const unsigned WRITER_FORMATS[] = {SCR_FORMAT_DOCX, SCR_FORMAT_ODT};
#define N_WRITERS (sizeof WRITERS / sizeof *WRITERS)

/* What a composer needs: the workspace, and the document to lay out. */
typedef struct job {
  const scr_workspace *ws;
  scr_agenda *agenda;          /* a pack (its trees parsed again to write) */
  const scr_minutes *minutes;  /* a minutes document */
  const scr_workprogramme *wp; /* a pack's or the tracker's */
  const scr_tracker *tracker;  /* as of the meeting, or of --today */
  const scr_span *pages;       /* appendix pages shown, for a pack */
  bool pages_exact;            /* ... from LibreOffice's layout */
  scr_pack_kind kind;          /* which pack */
  const scr_house *house;      /* the house style, which the estimate lays
                                  out */
} job;

static scr_error compose(const job *j, scr_sink *sink) {
  if (j->agenda)
    return scr_compose_pack(j->ws, j->agenda, j->kind, j->wp, j->tracker,
                            j->pages, j->pages_exact, sink);
  if (j->minutes)
    return scr_compose_minutes(j->ws, j->minutes, sink);
  return scr_compose_tracker(j->ws, j->wp, j->tracker, sink);
}

/* The pages appendix `index` of `ag` fills on its own in the pack of
   `kind`, as the estimator lays it out. */
static scr_error count_alone(const job *j, scr_agenda *ag, size_t index,
                             int *pages) {
  scr_estimate *est = scr_estimate_new(j->house);
  if (!est)
    return SCR_E_NOMEM;
  scr_sink sink = {&scr_estimate_ops, est, SCR_OK,
                   j->house ? &j->house->page : NULL};
  scr_error err = scr_compose_pack_appendix(j->ws, ag, j->kind, j->wp,
                                            j->tracker, index, &sink);
  *pages = scr_estimate_pages(est);
  scr_estimate_free(est);
  return err;
}

/* The count kept for a released appendix, or 0. */
static int recalled(const scr_session *s, const scr_agenda *ag, size_t index) {
  for (size_t i = 0; ag->real && i < s->n_alone; i++)
    if (s->alone[i].index == index && strcmp(s->alone[i].agenda, ag->real) == 0)
      return s->alone[i].pages;
  return 0;
}

/*
 * Page of each appendix as the estimator lays the pack out: the front's
 * pages, then each appendix's in turn, counted earlier (when its tree was
 * released) or now. Those not in the pack are on page 1. Caller frees.
 */
static scr_span *estimate_pages(const scr_session *s, const job *j) {
  scr_agenda *ag = j->agenda;
  scr_span *pages = calloc(ag->n_appendices + 1, sizeof *pages);
  scr_estimate *est = pages ? scr_estimate_new(j->house) : NULL;
  if (!est) {
    free(pages);
    return NULL;
  }
  scr_sink sink = {&scr_estimate_ops, est, SCR_OK,
                   j->house ? &j->house->page : NULL};
  scr_error err =
      scr_compose_pack_front(j->ws, ag, j->kind, j->wp, j->tracker, &sink);
  int next = scr_estimate_pages(est) + 1;
  scr_estimate_free(est);
  for (size_t i = 0; !err && i < ag->n_appendices; i++) {
    pages[i] = (scr_span){1, 1};
    if (!scr_pack_includes(j->kind, &ag->appendices[i]))
      continue;
    int count = recalled(s, ag, i);
    if (count == 0)
      err = count_alone(j, ag, i, &count);
    pages[i] = (scr_span){next, next + (count > 0 ? count : 1) - 1};
    next += count;
  }
  if (err) {
    free(pages);
    pages = NULL;
  }
  return pages;
}

/* Compose the document with one writer and hand its package to `out`. */
static scr_error emit_format(const scr_writer_class *wc,
                             const scr_template *tpl, const job *j,
                             const char *stem, const scr_output *out) {
  void *w = wc->create(tpl);
  if (!w)
    return SCR_E_NOMEM;
  scr_sink sink = {wc->ops, w, SCR_OK, &tpl->house->page};
  scr_error err = compose(j, &sink);
  scr_package *pkg = err ? NULL : scr_package_new();
  if (!err && !pkg)
    err = SCR_E_NOMEM;
  if (!err)
    err = wc->finish(w, pkg);
  if (!err)
    err = out->package(out->ctx, stem, wc->extension, pkg);
  scr_package_free(pkg);
  wc->destroy(w);
  return err;
}

/* ---- laying out with LibreOffice ------------------------------------- */

/*
 * What LibreOffice made of the document: the PDF, and for a pack the page
 * on which each appendix starts in each format's own layout (DOCX and ODT
 * lay out differently, so each document carries its own).
 */
typedef struct layout {
  scr_span *pages[N_WRITERS]; /* NULL: not laid out, or not read (estimate
                                 kept) */
  char *pdf;
  size_t pdf_len;
} layout;

static void layout_free(layout *lay) {
  for (size_t i = 0; i < N_WRITERS; i++)
    free(lay->pages[i]);
  free(lay->pdf);
}

static size_t writer_index(unsigned format) {
  size_t i = 0;
  while (i < N_WRITERS && WRITER_FORMATS[i] != format)
    i++;
  return i;
}

/* The PDF is made from the ODT, LibreOffice's own format, unless the house
   style came as a .docx: then from the DOCX, which carries all of it. */
static size_t pdf_source(const scr_template *user_tpl) {
  bool docx_style =
      user_tpl && user_tpl->format && strcmp(user_tpl->format, "docx") == 0;
  return writer_index(docx_style ? SCR_FORMAT_DOCX : SCR_FORMAT_ODT);
}

/* An output that puts each package in LibreOffice's input folder. */
static scr_error stage_package(void *ctx, const char *stem, const char *ext,
                               const scr_package *pkg) {
  char *name = scr_asprintf("%s.%s", stem, ext);
  char *path = name ? scr_office_input(ctx, name) : NULL;
  scr_error err = path ? scr_package_write(pkg, path) : SCR_E_NOMEM;
  free(name);
  free(path);
  return err;
}

/* The bookmarks at the start and at the end of each appendix in the pack,
   two by two, borrowed from the agenda, and each appendix's index in it.
   Caller frees both. */
static size_t pack_bookmarks(const job *j, const char ***names,
                             size_t **index) {
  const scr_agenda *ag = j->agenda;
  *names = calloc(2 * ag->n_appendices + 1, sizeof **names);
  *index = calloc(ag->n_appendices + 1, sizeof **index);
  size_t n = 0;
  for (size_t i = 0; *names && *index && i < ag->n_appendices; i++)
    if (scr_pack_includes(j->kind, &ag->appendices[i])) {
      (*names)[2 * n] = ag->appendices[i].bookmark;
      (*names)[2 * n + 1] = ag->appendices[i].end_bookmark;
      (*index)[n++] = i;
    }
  return n;
}

/* Where each appendix starts and ends in the PDF of `input`; NULL in *pages
   when that cannot be read (a warning says why). Appendices not in the
   pack keep page 1: nothing shows it. */
static scr_error read_pages(const scr_office *o, const job *j,
                            const char *input, scr_span **pages) {
  *pages = NULL;
  const scr_agenda *ag = j->agenda;
  const char **names;
  size_t *index;
  size_t n = pack_bookmarks(j, &names, &index);
  int *found = calloc(2 * n + 1, sizeof *found);
  scr_span *all = calloc(ag->n_appendices + 1, sizeof *all);
  char *pdf = scr_office_pdf(o, input);
  bool exact = false;
  scr_error err = names && index && found && all && pdf ? SCR_OK : SCR_E_NOMEM;
  if (!err)
    err = scr_office_pages(o, pdf, names, 2 * n, found, &exact);
  if (!err && exact) {
    for (size_t i = 0; i < ag->n_appendices; i++)
      all[i] = (scr_span){1, 1};
    for (size_t i = 0; i < n; i++)
      all[index[i]] = (scr_span){found[2 * i], found[2 * i + 1]};
    *pages = all;
    all = NULL;
  }
  free(names);
  free(index);
  free(found);
  free(all);
  free(pdf);
  return err;
}

/* The PDF of `input`, into memory. */
static scr_error read_pdf(const scr_office *o, const char *input, layout *lay) {
  enum { PDF_LIMIT = 1 << 30 };
  char *pdf = scr_office_pdf(o, input);
  scr_error err = pdf ? scr_read_file(pdf, PDF_LIMIT, &lay->pdf, &lay->pdf_len)
                      : SCR_E_NOMEM;
  char said[160];
  if (err == SCR_E_IO)
    fprintf(stderr, "scrutineer: error: LibreOffice's PDF %s: %s\n", pdf,
            scr_unreadable(err, errno, said, sizeof said));
  else if (err == SCR_E_LIMIT)
    fprintf(stderr, "scrutineer: error: LibreOffice's PDF %s is over 1 GB\n",
            pdf);
  free(pdf);
  return err;
}

/* Appendix `i` of the pack when it is a PDF the pack holds, else NULL. */
static const scr_appendix *pack_pdf(const job *j, size_t i) {
  const scr_appendix *ap = &j->agenda->appendices[i];
  return scr_pack_includes(j->kind, ap) && ap->src && ap->src->pdf ? ap : NULL;
}

/* The pages of the PDF appendices in the pack: the pack page showing each
   page's picture, and the picture's pixel size (drawn for the layout, so
   at hand). Caller frees *ins. */
static scr_error pdf_inserts(const job *j, const scr_span *pages,
                             scr_pdf_insert **ins, size_t *n) {
  const scr_agenda *ag = j->agenda;
  size_t cap = 0;
  *ins = NULL;
  *n = 0;
  for (size_t i = 0; i < ag->n_appendices; i++) {
    const scr_appendix *ap = pack_pdf(j, i);
    if (!ap)
      continue;
    size_t count = scr_pdf_page_count(ap->src->pdf);
    /* its heading's page, then one page for each of the PDF's */
    if (pages[i].last - pages[i].first != (int)count) {
      fprintf(stderr,
              "scrutineer: error: LibreOffice laid Appendix %s out on pages "
              "%d to %d, not on a heading page and the %zu pages of %s\n",
              ap->label, pages[i].first, pages[i].last, count, ap->path);
      return SCR_E_OFFICE;
    }
    for (size_t k = 0; k < count; k++) {
      scr_pdf_page pg = {NULL, ap->src->pictures, k, 0, 0, NULL, NULL};
      scr_image img;
      scr_error err = scr_pdf_page_picture(&pg, &img);
      if (!err && scr_reserve(ins, &cap, *n + 1, sizeof **ins))
        err = SCR_E_NOMEM;
      if (err)
        return err;
      (*ins)[(*n)++] =
          (scr_pdf_insert){pages[i].first + 1 + (int)k, ap->src->pdf, k,
                           img.width_px, img.height_px};
    }
  }
  return SCR_OK;
}

/* The PDF appendices' own pages in the pack's PDF, in place of the
   pictures LibreOffice laid out (pdf_pack.h), on the pages `pages` says
   (NULL: they could not be read). */
static scr_error insert_pdf_pages(const job *j, const scr_span *pages,
                                  layout *lay) {
  if (!pages) {
    fprintf(stderr, "scrutineer: error: without the pages of LibreOffice's "
                    "layout, the PDF appendices cannot be put in the PDF\n");
    return SCR_E_OFFICE;
  }
  scr_pdf_insert *ins = NULL;
  size_t n = 0;
  scr_error err = pdf_inserts(j, pages, &ins, &n);
  char *out = NULL, *why = NULL;
  size_t len = 0;
  if (!err && n)
    err = scr_pdf_pack_insert(lay->pdf, lay->pdf_len, ins, n, &out, &len, &why);
  if (why)
    fprintf(stderr, "scrutineer: error: %s\n", why);
  if (!err && out) {
    free(lay->pdf);
    lay->pdf = out;
    lay->pdf_len = len;
  }
  free(why);
  free(ins);
  return err;
}

/* The PDF appendices' pages put in the PDF, where its source's layout has
   their pictures: that layout's pages, read once for both. */
static scr_error place_pdf_pages(const scr_office *o, const job *j,
                                 const char *input, size_t source,
                                 layout *lay) {
  scr_span *own = NULL;
  const scr_span *pages = lay->pages[source];
  scr_error err = pages ? SCR_OK : read_pages(o, j, input, &own);
  if (!err)
    err = insert_pdf_pages(j, pages ? pages : own, lay);
  free(own);
  return err;
}

/* Whether the pack has a PDF appendix among its own. */
static bool has_pdf_appendix(const job *j) {
  for (size_t i = 0; j->agenda && i < j->agenda->n_appendices; i++)
    if (pack_pdf(j, i))
      return true;
  return false;
}

/* The pack's PDF appendices' pictures as stand-ins, or drawn again. */
static scr_error stand_ins(const job *j, bool on) {
  scr_error err = SCR_OK;
  for (size_t i = 0; j->agenda && i < j->agenda->n_appendices; i++) {
    const scr_appendix *ap = pack_pdf(j, i);
    scr_error e =
        ap ? scr_pdf_pictures_stand_in(ap->src->pictures, on) : SCR_OK;
    err = err ? err : e;
  }
  return err;
}

/*
 * Whether LibreOffice lays the DOCX and the ODT out alike, page for page,
 * so that one layout gives both their pages: so with the built-in house
 * style, which both writers carry in full (tests/e2e/layouts.sh holds every
 * sample and fixture pack to it). A house template's own styles reach its
 * own format in full and the other only as far as the house values carry
 * them, so with one, each format asked for is laid out.
 */
static bool formats_alike(const scr_template *user_tpl) {
  return user_tpl == NULL;
}

/* Whether writer `i`'s document goes to LibreOffice: the PDF's source, and
   for a pack each of DOCX and ODT asked for that the source's layout does
   not stand for. */
static bool needs_layout(const job *j, unsigned formats,
                         const scr_template *user_tpl, size_t i) {
  if (i == pdf_source(user_tpl))
    return true;
  return j->agenda && (formats & WRITER_FORMATS[i]) && !formats_alike(user_tpl);
}

/* The name of writer `i`'s document in LibreOffice's folder: "odt.odt"
   when it holds one document (LibreOffice's messages then say "the odt
   document"), "STEM.odt.odt" when it holds many. */
static void input_name(const char *stem, size_t i, char *out, size_t n) {
  const char *ext = WRITERS[i]->extension;
  if (stem)
    snprintf(out, n, "%s.%s.%s", stem, ext, ext);
  else
    snprintf(out, n, "%s.%s", ext, ext);
}

#define INPUT_NAME_MAX 320

/* The names of the documents put in LibreOffice's folder. */
typedef struct staged_names {
  char **v;
  size_t n, cap;
} staged_names;

static scr_error names_add(staged_names *names, const char *name) {
  char *copy = scr_strdup(name);
  if (!copy ||
      scr_reserve(&names->v, &names->cap, names->n + 1, sizeof *names->v)) {
    free(copy);
    return SCR_E_NOMEM;
  }
  names->v[names->n++] = copy;
  return SCR_OK;
}

static void names_free(staged_names *names) {
  scr_free_list(names->v, names->n);
  *names = (staged_names){0};
}

/* Compose (with the estimated pages) each document LibreOffice lays out
   into its folder, adding their names to `names`. */
static scr_error stage_layout(scr_office *o, const job *j, unsigned formats,
                              const scr_template *user_tpl, const char *stem,
                              staged_names *names) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < N_WRITERS; i++) {
    if (!needs_layout(j, formats, user_tpl, i))
      continue;
    char name[INPUT_NAME_MAX];
    input_name(stem, i, name, sizeof name);
    /* the package's stem: the name less its ".ext" */
    name[strlen(name) - strlen(WRITERS[i]->extension) - 1] = '\0';
    scr_output staging = {.package = stage_package, .ctx = o};
    scr_template tpl = scr_template_view(user_tpl, WRITERS[i]->extension);
    err = emit_format(WRITERS[i], &tpl, j, name, &staging);
    input_name(stem, i, name, sizeof name);
    if (!err)
      err = names_add(names, name);
  }
  return err;
}

/* A copy of a pack's pages, one span per appendix. */
static scr_error copy_pages(const job *j, const scr_span *from, scr_span **to) {
  size_t n = j->agenda->n_appendices + 1;
  *to = malloc(n * sizeof **to);
  if (!*to)
    return SCR_E_NOMEM;
  memcpy(*to, from, n * sizeof **to);
  return SCR_OK;
}

/* What LibreOffice made of the documents stage_layout put in its folder:
   the PDF, and for a pack the pages of each format asked for, read from
   its own layout or, where the formats lay out alike, from the source's. */
static scr_error read_layout(const scr_office *o, const job *j,
                             unsigned formats, const scr_template *user_tpl,
                             const char *stem, layout *lay) {
  size_t source = pdf_source(user_tpl);
  char name[INPUT_NAME_MAX];
  input_name(stem, source, name, sizeof name);
  scr_error err = read_pdf(o, name, lay);
  if (!err && j->agenda)
    err = read_pages(o, j, name, &lay->pages[source]);
  for (size_t i = 0; !err && j->agenda && i < N_WRITERS; i++) {
    if (i == source || !(formats & WRITER_FORMATS[i]))
      continue;
    char own[INPUT_NAME_MAX];
    input_name(stem, i, own, sizeof own);
    if (needs_layout(j, formats, user_tpl, i))
      err = read_pages(o, j, own, &lay->pages[i]);
    else if (lay->pages[source])
      err = copy_pages(j, lay->pages[source], &lay->pages[i]);
  }
  if (!err && has_pdf_appendix(j))
    err = place_pdf_pages(o, j, name, source, lay);
  return err;
}

/*
 * Lay the document out in a LibreOffice run of its own: compose what it
 * lays out, convert it, and keep the PDF and the pages. LibreOffice lays
 * the PDF appendices out as pictures that are then replaced by their pages:
 * none need be drawn for it.
 */
static scr_error lay_out(scr_office *o, const job *j, unsigned formats,
                         const scr_template *user_tpl, layout *lay) {
  staged_names names = {0};
  scr_error err = stand_ins(j, true);
  if (!err)
    err = stage_layout(o, j, formats, user_tpl, NULL, &names);
  if (!err)
    err = scr_office_convert(o, (const char *const *)names.v, names.n);
  if (!err)
    err = read_layout(o, j, formats, user_tpl, NULL, lay);
  scr_error back = stand_ins(j, false);
  names_free(&names);
  return err ? err : back;
}

static scr_error lay_out_with_office(const job *j, unsigned formats,
                                     const scr_options *opts,
                                     const scr_template *user_tpl,
                                     layout *lay) {
  scr_office office;
  bool progress = !opts->quiet && isatty(STDERR_FILENO);
  scr_error err = scr_office_open(&office, progress);
  if (!err)
    err = lay_out(&office, j, formats, user_tpl, lay);
  scr_office_close(&office);
  return err;
}

/* ---- many documents in one LibreOffice run ------------------------------- */

struct scr_layouts {
  scr_office office;
  bool staging;
  char scope[64];     /* put before each document's stem (scr_layouts_scope) */
  staged_names names; /* the documents in LibreOffice's folder */
  staged_names stems; /* ... and the stems of the documents they are of */
};

scr_error scr_layouts_open(scr_layouts **out, bool progress) {
  *out = NULL;
  scr_layouts *l = calloc(1, sizeof *l);
  if (!l)
    return SCR_E_NOMEM;
  scr_error err = scr_office_open(&l->office, progress);
  if (err) {
    scr_office_close(&l->office);
    free(l);
    return err;
  }
  l->staging = true;
  *out = l;
  return SCR_OK;
}

void scr_layouts_scope(scr_layouts *l, const char *scope) {
  snprintf(l->scope, sizeof l->scope, "%s", scope ? scope : "");
}

size_t scr_layouts_staged(const scr_layouts *l) {
  return l->stems.n;
}

scr_error scr_layouts_convert(scr_layouts *l) {
  l->staging = false;
  return l->names.n
             ? scr_office_convert(&l->office, (const char *const *)l->names.v,
                                  l->names.n)
             : SCR_OK;
}

void scr_layouts_close(scr_layouts *l) {
  if (!l)
    return;
  scr_office_close(&l->office);
  names_free(&l->names);
  names_free(&l->stems);
  free(l);
}

static bool layouts_has(const scr_layouts *l, const char *stem) {
  for (size_t i = 0; i < l->stems.n; i++)
    if (strcmp(l->stems.v[i], stem) == 0)
      return true;
  return false;
}

/* Put the document's PDF source in the shared LibreOffice folder. */
static scr_error stage_in(scr_layouts *l, const job *j, unsigned formats,
                          const scr_template *user_tpl, const char *stem) {
  if (layouts_has(l, stem))
    return SCR_OK;
  scr_error err = stand_ins(j, true);
  if (!err)
    err = stage_layout(&l->office, j, formats, user_tpl, stem, &l->names);
  if (!err)
    err = names_add(&l->stems, stem);
  scr_error back = stand_ins(j, false);
  return err ? err : back;
}

/* The document's layout from the shared run that converted it. */
static scr_error layout_from(const scr_layouts *l, const job *j,
                             unsigned formats, const scr_template *user_tpl,
                             const char *stem, layout *lay) {
  scr_error err = stand_ins(j, true);
  if (!err)
    err = read_layout(&l->office, j, formats, user_tpl, stem, lay);
  scr_error back = stand_ins(j, false);
  return err ? err : back;
}

/* ---- emitting ------------------------------------------------------------ */

/* Say whether the pack's page numbers are exact or estimated. */
static void note_pages(const job *j, unsigned formats, const layout *lay,
                       const scr_output *out) {
  if (!j->agenda || !out->note)
    return;
  bool exact = true;
  for (size_t i = 0; i < N_WRITERS; i++)
    if ((formats & WRITER_FORMATS[i]) && !lay->pages[i])
      exact = false;
  out->note(out->ctx,
            exact ? "page numbers: exact, from LibreOffice's layout"
                  : "page numbers: estimated; Word and LibreOffice update "
                    "them when the document is opened");
}

/* Tell `out` on which page each appendix starts. */
static scr_error report_pages(const scr_output *out, const char *ext,
                              const job *j) {
  size_t n = j->agenda->n_appendices;
  int *first = calloc(n + 1, sizeof *first);
  if (!first)
    return SCR_E_NOMEM;
  for (size_t i = 0; i < n; i++)
    first[i] = j->pages[i].first;
  out->pages(out->ctx, ext, first, n, j->pages_exact);
  free(first);
  return SCR_OK;
}

/*
 * The document in every format asked for. With PDF, LibreOffice lays the
 * document out first, so that nothing reaches `out` unless every step has
 * worked; the DOCX and ODT then carry the pages of their own layout.
 */
static scr_error emit_document(const job *j, const char *stem,
                               const scr_options *opts,
                               const scr_template *user_tpl,
                               const scr_output *out) {
  unsigned formats =
      opts->formats ? opts->formats : (SCR_FORMAT_DOCX | SCR_FORMAT_ODT);
  layout lay = {0};
  scr_error err = SCR_OK;
  scr_layouts *shared = out->layouts;
  /* known to the shared run by its scope's name for it */
  char key[INPUT_NAME_MAX - 16];
  snprintf(key, sizeof key, "%s%s", shared ? shared->scope : "", stem);
  if ((formats & SCR_FORMAT_PDF) && shared && shared->staging)
    return stage_in(shared, j, formats, user_tpl, key);
  if ((formats & SCR_FORMAT_PDF) && shared && layouts_has(shared, key))
    err = layout_from(shared, j, formats, user_tpl, key, &lay);
  else if (formats & SCR_FORMAT_PDF)
    err = lay_out_with_office(j, formats, opts, user_tpl, &lay);
  for (size_t i = 0; !err && i < N_WRITERS; i++) {
    if (!(formats & WRITER_FORMATS[i]))
      continue;
    job exact = *j;
    if (lay.pages[i]) {
      exact.pages = lay.pages[i];
      exact.pages_exact = true;
    }
    scr_template tpl = scr_template_view(user_tpl, WRITERS[i]->extension);
    err = emit_format(WRITERS[i], &tpl, &exact, stem, out);
    if (!err && j->agenda && out->pages)
      err = report_pages(out, WRITERS[i]->extension, &exact);
  }
  if (!err && lay.pdf)
    err = out->bytes(out->ctx, stem, "pdf", lay.pdf, lay.pdf_len);
  if (!err && (formats & SCR_FORMAT_CSV) && j->tracker && !j->agenda) {
    size_t len = 0;
    char *csv = scr_tracker_csv(j->tracker, &len);
    err = csv ? out->bytes(out->ctx, stem, "csv", csv, len) : SCR_E_NOMEM;
    free(csv);
  }
  if (!err)
    note_pages(j, formats, &lay, out);
  layout_free(&lay);
  return err;
}

scr_date scr_system_today(void) {
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return (scr_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/*
 * The session keeps the trees of the reports loaded first, up to a budget
 * of their text (SCR_KEPT_TREE_TEXT_DEFAULT bytes, or what the variable
 * SCR_KEPT_TREE_TEXT_ENV says), and releases the others, each once it is
 * checked and its pages counted, to parse it again when it is written:
 * memory stays bounded whatever the pack's size, and a pack within the
 * budget costs no second parse.
 */
static size_t kept_tree_text(void) {
  const char *v = getenv(SCR_KEPT_TREE_TEXT_ENV);
  char *end;
  unsigned long long n = v && *v ? strtoull(v, &end, 10) : 0;
  return v && *v && !*end && n <= SIZE_MAX ? (size_t)n
                                           : SCR_KEPT_TREE_TEXT_DEFAULT;
}

/* Count the pages a report fills on its own while its tree is loaded, and
   keep the count for the estimate. */
/* The session's house style, which the estimates lay out. */
static const scr_house *session_house(const scr_session *s) {
  return s->tpl.house;
}

static scr_error remember_alone(scr_session *s, scr_agenda *ag, size_t index) {
  job j = {&s->ws,          ag, NULL, NULL, NULL, NULL, false, s->kind,
           session_house(s)};
  int pages = 0;
  scr_error err = count_alone(&j, ag, index, &pages);
  if (!err &&
      scr_reserve(&s->alone, &s->cap_alone, s->n_alone + 1, sizeof *s->alone))
    err = SCR_E_NOMEM;
  char *agenda = err ? NULL : scr_strdup(ag->real ? ag->real : "");
  if (!err && !agenda)
    err = SCR_E_NOMEM;
  if (!err)
    s->alone[s->n_alone++] = (scr_alone){agenda, index, pages};
  return err;
}

/* Once a report is loaded: over the budget, everything its tree is needed
   for before writing is done now, and the tree released. */
static scr_error report_loaded(void *ctx, scr_agenda *ag, size_t index) {
  scr_session *s = ctx;
  const scr_appendix *ap = &ag->appendices[index];
  s->tree_text += ap->src->len;
  if (s->tree_text <= s->tree_budget)
    return SCR_OK;
  scr_error err = scr_a11y_check_source(&s->a11y, ap->src, true);
  if (!err && ap->kind == SCR_APPENDIX_REPORT && scr_pack_includes(s->kind, ap))
    err = remember_alone(s, ag, index);
  if (!err)
    scr_appendix_release_tree(ag, index);
  return err;
}

/* The house template of a run that makes or checks documents: --template,
   else committee.md's template:, else none (the built-in style). */
static const char *house_template(const scr_session *s,
                                  const scr_options *opts) {
  if (!opts)
    return NULL;
  return opts->template_path ? opts->template_path
                             : s->ws.committee.template_path;
}

/*
 * Every command runs the same validations first: the committee, every
 * minutes file, the work programme, every agenda with its appendices, every
 * {answers=} against the minutes, and every source's accessibility.
 */
static scr_error session_open(scr_session *s, const char *file,
                              const scr_options *opts) {
  *s = (scr_session){0};
  if (opts)
    s->kind = (scr_pack_kind){opts->private_pack, opts->supplement};
  s->hook = (scr_load_hook){report_loaded, s};
  s->tree_budget = kept_tree_text();
  scr_diags_init(&s->diags);
  scr_a11y_init(&s->a11y, &s->diags, opts && opts->strict);
  scr_error err = scr_workspace_open(file, &s->ws, &s->diags);
  if (err)
    return err;
  /* the house style first: the page estimates made as reports load lay
     out its page */
  scr_error worst = SCR_OK;
  const char *tpl = house_template(s, opts);
  if (tpl)
    worst = scr_template_load(tpl, &s->tpl, &s->diags);
  if (worst == SCR_E_NOMEM)
    return worst;
  /* the sources are parsed on both cores while they are loaded */
  s->ws.ahead = scr_ahead_new();
  err = scr_minutes_book_load(&s->ws, &s->book, &s->diags);
  /* minutes in error are left out of the book: what they resolve is not
     known, and an {answers=} naming it is not a second mistake */
  bool minutes_whole = err == SCR_OK;
  if (err != SCR_E_NOMEM) {
    worst = err ? err : worst;
    err = scr_workprogramme_load(&s->ws, &s->wp, &s->diags);
  }
  if (err != SCR_E_NOMEM) {
    worst = err ? err : worst;
    err = scr_agendas_load(&s->ws, &s->book, &s->hook, &s->agendas,
                           &s->n_agendas, &s->diags);
  }
  scr_ahead_free(s->ws.ahead);
  s->ws.ahead = NULL;
  if (err != SCR_E_NOMEM) {
    worst = err ? err : worst;
    scr_date published = scr_system_today();
    if (opts && opts->publish_date)
      scr_date_parse(opts->publish_date, &published);
    for (size_t i = 0; i < s->n_agendas; i++)
      scr_agenda_check_notice(&s->agendas[i], published, &s->diags);
    if (minutes_whole)
      scr_tracker_check_answers(&s->book, &s->wp, s->agendas, s->n_agendas,
                                &s->diags);
    err = scr_a11y_check_workspace(&s->a11y, &s->ws, &s->book, &s->wp,
                                   s->agendas, s->n_agendas);
  }
  return err ? err : worst;
}

/* Print what was found; SCR_E_SOURCE when any of it was an error. */
static scr_error session_report(scr_session *s, scr_error err,
                                const scr_options *opts) {
  scr_diags_print(&s->diags,
                  opts && opts->diagnostics ? opts->diagnostics : stderr);
  return !err && s->diags.errors ? SCR_E_SOURCE : err;
}

void scr_session_close(scr_session *s) {
  for (size_t i = 0; i < s->n_alone; i++)
    free(s->alone[i].agenda);
  free(s->alone);
  scr_a11y_free(&s->a11y);
  scr_template_free(&s->tpl);
  scr_agendas_free(s->agendas, s->n_agendas);
  scr_workprogramme_free(&s->wp);
  scr_minutes_book_free(&s->book);
  scr_workspace_free(&s->ws);
  scr_diags_free(&s->diags);
}

/* The house template loaded for the session, or NULL for the built-in. */
static const scr_template *user_template(const scr_session *s) {
  return s->tpl.format ? &s->tpl : NULL;
}

/* The session's copy of the agenda at `path`, or NULL. */
static scr_agenda *find_agenda(scr_session *s, const char *path) {
  char *real = realpath(path, NULL);
  scr_agenda *found = NULL;
  for (size_t i = 0; real && i < s->n_agendas; i++)
    if (s->agendas[i].real && strcmp(s->agendas[i].real, real) == 0)
      found = &s->agendas[i];
  free(real);
  return found;
}

scr_error scr_session_open(scr_session *s, const char *path,
                           const scr_options *opts) {
  return session_report(s, session_open(s, path, opts), opts);
}

scr_error scr_session_pack(scr_session *s, scr_agenda *ag,
                           const scr_options *opts, const scr_output *out) {
  scr_tracker tracker = {0};
  scr_error err = scr_tracker_build(&s->book, &s->wp, s->agendas, s->n_agendas,
                                    ag->date, &tracker, NULL);
  scr_pack_kind kind = {opts->private_pack, opts->supplement};
  if (!err && !kind.private_pack)
    scr_tracker_drop_exempt(&tracker, ag);
  job j = {&s->ws, ag,    NULL, &s->wp,          &tracker,
           NULL,   false, kind, session_house(s)};
  scr_span *pages = err ? NULL : estimate_pages(s, &j);
  if (!err && !pages)
    err = SCR_E_NOMEM;
  if (!err) {
    scr_doc_strings names;
    scr_pack_info(&s->ws, ag, kind, &names);
    j.pages = pages;
    err = emit_document(&j, names.file_stem, opts, user_template(s), out);
  }
  free(pages);
  scr_tracker_free(&tracker);
  return err;
}

/* Appendix `index` as a page's body, handed to cb->page. */
static scr_error report_page(scr_session *s, scr_agenda *ag, size_t index,
                             const scr_tracker *tracker,
                             const scr_report_pages *cb) {
  void *w = scr_html_writer.create(NULL);
  if (!w)
    return SCR_E_NOMEM;
  scr_html_links links = {0};
  if (cb->links) {
    cb->links(cb->ctx, index, &links);
    scr_html_set_links(w, &links);
  }
  scr_sink sink = {scr_html_writer.ops, w, SCR_OK, NULL};
  scr_doc_info info = {.title = ag->appendices[index].title,
                       .creator = s->ws.committee.council,
                       .language = SCR_LANGUAGE};
  scr_sink_begin_document(&sink, &info);
  scr_compose_pack_appendix(&s->ws, ag, (scr_pack_kind){0}, &s->wp, tracker,
                            index, &sink);
  scr_sink_end_document(&sink);
  scr_error err = scr_sink_error(&sink);
  for (size_t i = 0; !err && i < scr_html_file_count(w); i++)
    err = cb->picture(cb->ctx, scr_html_file_at(w, i));
  char *body = err ? NULL : scr_html_writer.body_xml(w);
  if (!err && !body)
    err = SCR_E_NOMEM;
  if (!err)
    err = cb->page(cb->ctx, index, body, strlen(body));
  free(body);
  scr_html_writer.destroy(w);
  return err;
}

scr_error scr_session_report_pages(scr_session *s, scr_agenda *ag,
                                   const scr_report_pages *cb) {
  /* the work programme's tables as of the meeting, as the public pack's */
  scr_tracker tracker = {0};
  scr_error err = scr_tracker_build(&s->book, &s->wp, s->agendas, s->n_agendas,
                                    ag->date, &tracker, NULL);
  if (!err)
    scr_tracker_drop_exempt(&tracker, ag);
  for (size_t i = 0; !err && i < ag->n_appendices; i++)
    if (scr_pack_includes((scr_pack_kind){0}, &ag->appendices[i]))
      err = report_page(s, ag, i, &tracker, cb);
  scr_tracker_free(&tracker);
  return err;
}

scr_error scr_session_minutes(scr_session *s, const scr_minutes *m,
                              const scr_options *opts, const scr_output *out) {
  scr_doc_strings names;
  scr_minutes_info(&s->ws, m, &names);
  job j = {&s->ws, NULL, m, NULL, NULL, NULL, false, {0}, session_house(s)};
  return emit_document(&j, names.file_stem, opts, user_template(s), out);
}

scr_error scr_session_tracker(scr_session *s, scr_date today,
                              const scr_options *opts, const scr_output *out) {
  scr_tracker tracker = {0};
  scr_error err = scr_tracker_build(&s->book, &s->wp, s->agendas, s->n_agendas,
                                    today, &tracker, NULL);
  if (!err) {
    scr_doc_strings names;
    scr_tracker_info(&s->ws, &tracker, &names);
    job j = {&s->ws, NULL,  NULL, &s->wp,          &tracker,
             NULL,   false, {0},  session_house(s)};
    err = emit_document(&j, names.file_stem, opts, user_template(s), out);
  }
  scr_tracker_free(&tracker);
  return err;
}

/* ---- a file given to the wrong command ---------------------------------- */

/* What a file given to pack or minutes is in the workspace. */
typedef enum source_kind {
  SOURCE_OTHER,
  SOURCE_AGENDA,
  SOURCE_MINUTES,
  SOURCE_COMMITTEE,
  SOURCE_WORKPROGRAMME,
  SOURCE_REPORT
} source_kind;

typedef struct identified {
  source_kind kind;
  const char *agenda; /* a report's: the agenda it is an appendix of */
} identified;

/* Whether the file at canonical path `real` is the source `src`. */
static bool is_source(const char *real, const scr_source *src) {
  char *other = src ? realpath(src->path, NULL) : NULL;
  bool same = other && strcmp(other, real) == 0;
  free(other);
  return same;
}

/* The agenda that has the file at `real` as a report, or NULL. */
static const scr_agenda *agenda_of_report(const scr_session *s,
                                          const char *real) {
  for (size_t a = 0; a < s->n_agendas; a++)
    for (size_t i = 0; i < s->agendas[a].n_appendices; i++) {
      const char *r = s->agendas[a].appendices[i].real;
      if (r && strcmp(r, real) == 0 && s->agendas[a].src)
        return &s->agendas[a];
    }
  return NULL;
}

static identified identify(scr_session *s, const char *path) {
  identified id = {SOURCE_OTHER, NULL};
  char *real = realpath(path, NULL);
  const scr_agenda *ag;
  if (!real)
    return id;
  if (scr_minutes_find(&s->book, real))
    id.kind = SOURCE_MINUTES;
  else if (find_agenda(s, path))
    id.kind = SOURCE_AGENDA;
  else if (is_source(real, s->ws.committee.src))
    id.kind = SOURCE_COMMITTEE;
  else if (is_source(real, s->wp.src))
    id.kind = SOURCE_WORKPROGRAMME;
  else if ((ag = agenda_of_report(s, real)))
    id = (identified){SOURCE_REPORT, ag->src->path};
  free(real);
  return id;
}

/* A source to show in an example command: the workspace's latest agenda
   or minutes, or the pattern of their names. */
static const char *example_agenda(const scr_session *s) {
  const scr_agenda *last = s->n_agendas ? &s->agendas[s->n_agendas - 1] : NULL;
  return last && last->src ? last->src->path : "agendas/YYYY-MM-DD.md";
}

static const char *example_minutes(const scr_session *s) {
  return s->book.n ? s->book.files[s->book.n - 1].src->path
                   : "minutes/YYYY-MM-DD.md";
}

/* The file given to pack is not an agenda: said as what it is, with the
   command that takes it. False when it is an agenda, or not known. */
static bool say_not_an_agenda(scr_session *s, const char *path) {
  identified id = identify(s, path);
  const char *example = example_agenda(s);
  switch (id.kind) {
  case SOURCE_MINUTES:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is a minutes file, not an agenda: use `scrutineer "
                 "minutes %s`",
                 path);
    return true;
  case SOURCE_COMMITTEE:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is the committee's own file, not an agenda: pack takes "
                 "an agenda, like `scrutineer pack %s`",
                 example);
    return true;
  case SOURCE_WORKPROGRAMME:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is the work programme, which every pack holds as an "
                 "appendix: pack takes an agenda, like `scrutineer pack %s`; "
                 "`scrutineer tracker` makes the action tracker",
                 example);
    return true;
  case SOURCE_REPORT:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is a report, an appendix of %s: use `scrutineer pack "
                 "%s`",
                 id.agenda, id.agenda);
    return true;
  case SOURCE_AGENDA:
  case SOURCE_OTHER:
    break;
  }
  return false;
}

/* The file given to minutes is not a minutes file: said as what it is,
   with the command that takes it. */
static void say_not_minutes(scr_session *s, const char *path) {
  identified id = identify(s, path);
  const char *example = example_minutes(s);
  switch (id.kind) {
  case SOURCE_AGENDA:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is an agenda, not minutes: use `scrutineer pack %s`",
                 path);
    return;
  case SOURCE_REPORT:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is a report, an appendix of %s, not minutes: use "
                 "`scrutineer pack %s`",
                 id.agenda, id.agenda);
    return;
  case SOURCE_COMMITTEE:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is the committee's own file, not minutes: minutes "
                 "takes a minutes file, like `scrutineer minutes %s`",
                 example);
    return;
  case SOURCE_WORKPROGRAMME:
    scr_error_at(&s->diags, path, 0, 0,
                 "this is the work programme, not minutes: minutes takes a "
                 "minutes file, like `scrutineer minutes %s`; `scrutineer "
                 "tracker` makes the action tracker",
                 example);
    return;
  case SOURCE_MINUTES:
  case SOURCE_OTHER:
    break;
  }
  struct stat st;
  char why[128];
  if (stat(path, &st) != 0) {
    scr_error_at(&s->diags, path, 0, 0, "cannot read the file: %s",
                 scr_errno_words(errno, why, sizeof why));
    return;
  }
  scr_error_at(&s->diags, path, 0, 0,
               "not a minutes file: minutes live in the workspace's minutes/ "
               "folder as YYYY-MM-DD.md, like %s",
               example);
}

static scr_error build_pack(const char *agenda_path, const scr_options *opts,
                            const scr_output *out) {
  scr_session s;
  scr_agenda own = {0};
  scr_pack_kind kind = {opts->private_pack, opts->supplement};
  scr_error err = session_open(&s, agenda_path, opts);
  scr_agenda *ag = NULL;
  /* without a committee there is no schedule to read an agenda against */
  if (err != SCR_E_NOMEM && s.ws.committee.src) {
    ag = find_agenda(&s, agenda_path);
    if (!ag && say_not_an_agenda(&s, agenda_path)) {
      /* minutes, a report or the committee read as an agenda would make a
         pack of them, or a heap of warnings */
      err = SCR_E_SOURCE;
    } else if (!ag) {
      /* an agenda kept outside agendas/ is loaded on its own */
      scr_error e =
          scr_agenda_load(&s.ws, &s.book, agenda_path, &s.hook, &own, &s.diags);
      err = err ? err : e;
      ag = &own;
      e = scr_a11y_check_agenda(&s.a11y, &own);
      err = err ? err : e;
    }
    if (ag && kind.supplement && ag->src)
      scr_agenda_check_supplement(ag, kind, &s.diags);
  }
  err = session_report(&s, err, opts);
  if (!err)
    err = scr_session_pack(&s, ag, opts, out);
  scr_agenda_free(&own);
  scr_session_close(&s);
  return err;
}

static scr_error build_minutes(const char *minutes_path,
                               const scr_options *opts, const scr_output *out) {
  scr_session s;
  scr_error err = session_open(&s, minutes_path, opts);
  const scr_minutes *m = NULL;
  if (err != SCR_E_NOMEM && s.ws.root) {
    char *real = realpath(minutes_path, NULL);
    m = real ? scr_minutes_find(&s.book, real) : NULL;
    free(real);
    if (!m && !s.diags.errors)
      say_not_minutes(&s, minutes_path);
  }
  err = session_report(&s, err, opts);
  if (!err && m)
    err = scr_session_minutes(&s, m, opts, out);
  scr_session_close(&s);
  return err;
}

static scr_error build_tracker(const char *workspace, const scr_options *opts,
                               const scr_output *out) {
  scr_date today = scr_system_today();
  if (opts->today && !scr_date_parse(opts->today, &today))
    return SCR_E_USAGE;
  scr_session s;
  scr_error err = scr_session_open(&s, workspace, opts);
  if (!err)
    err = scr_session_tracker(&s, today, opts, out);
  scr_session_close(&s);
  return err;
}

scr_error scr_build(scr_build_kind kind, const char *path,
                    const scr_options *opts, const scr_output *out) {
  switch (kind) {
  case SCR_BUILD_PACK:
    return build_pack(path, opts, out);
  case SCR_BUILD_MINUTES:
    return build_minutes(path, opts, out);
  case SCR_BUILD_TRACKER:
    return build_tracker(path, opts, out);
  }
  return SCR_E_USAGE;
}

/* "WHERE: 1 error, 2 warnings" and what follows, on stderr. */
static void say_count(const char *where, size_t errors, size_t warnings,
                      const char *after) {
  fprintf(stderr, "%s: %zu error%s, %zu warning%s%s\n", where, errors,
          errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", after);
}

/* Leave out of `d` what was said of the file `path`. */
static void drop_said_of(scr_diags *d, const char *path) {
  size_t kept = 0;
  for (size_t i = 0; i < d->count; i++) {
    scr_diag *g = &d->items[i];
    if (!g->file || strcmp(g->file, path) != 0) {
      d->items[kept++] = *g;
      continue;
    }
    d->errors -= g->severity == SCR_ERROR;
    free(g->file);
    free(g->message);
  }
  d->count = kept;
}

/* One committee of a council, checked as on its own; what it says of
   council.md was said once already. Adds what it found to the tallies. */
static scr_error check_council_committee(const char *folder,
                                         const scr_options *opts,
                                         size_t *errors, size_t *warnings) {
  scr_session s;
  scr_error err = session_open(&s, folder, opts);
  if (s.ws.council && s.ws.council->src)
    drop_said_of(&s.diags, s.ws.council->src->path);
  err = session_report(&s, err, opts);
  size_t e = s.diags.errors, w = s.diags.count - s.diags.errors;
  say_count(s.ws.root ? s.ws.root : folder, e, w, "");
  *errors += e;
  *warnings += w;
  scr_session_close(&s);
  return err;
}

/* council.md, then every committee in the order of its folder's name,
   then the whole council's tally. */
static scr_error check_council(const char *path, const scr_options *opts) {
  scr_diags diags;
  scr_diags_init(&diags);
  scr_council council;
  scr_error err = scr_council_open(path, &council, &diags);
  scr_diags_print(&diags,
                  opts && opts->diagnostics ? opts->diagnostics : stderr);
  size_t errors = diags.errors, warnings = diags.count - diags.errors;
  if (err == SCR_E_NOMEM || diags.out_of_memory)
    err = SCR_E_NOMEM;
  for (size_t i = 0; err != SCR_E_NOMEM && i < council.n_committees; i++) {
    scr_error e = check_council_committee(council.committees[i].folder, opts,
                                          &errors, &warnings);
    err = err ? err : e;
  }
  char after[64];
  snprintf(after, sizeof after, " in %zu committee%s", council.n_committees,
           council.n_committees == 1 ? "" : "s");
  say_count(council.root ? council.root : path, errors, warnings, after);
  scr_council_free(&council);
  scr_diags_free(&diags);
  return err ? err : errors ? SCR_E_SOURCE : SCR_OK;
}

scr_error scr_check(const char *workspace, const scr_options *opts) {
  if (scr_is_council_root(workspace))
    return check_council(workspace, opts);
  scr_session s;
  scr_error err = session_report(&s, session_open(&s, workspace, opts), opts);
  say_count(s.ws.root ? s.ws.root : workspace, s.diags.errors,
            s.diags.count - s.diags.errors, "");
  scr_session_close(&s);
  return err;
}

/* A TSV field: tabs and newlines would break the row. */
static void tsv_field(FILE *out, const char *s, bool last) {
  for (; s && *s; s++)
    fputc(*s == '\t' || *s == '\n' ? ' ' : *s, out);
  fputc(last ? '\n' : '\t', out);
}

scr_error scr_list_actions(const char *workspace, FILE *out) {
  scr_session s;
  scr_error err = session_report(&s, session_open(&s, workspace, NULL), NULL);
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
  scr_session_close(&s);
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
  /* not a package format, but a writer all the same */
  if (format == SCR_FORMAT_HTML)
    wc = &scr_html_writer;
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
  scr_sink sink = {wc->ops, w, SCR_OK, NULL};
  scr_doc_info info = {.title = "Fragment",
                       .subject = "Golden test",
                       .creator = "scrutineer",
                       .language = SCR_LANGUAGE,
                       .footer = "Fragment"};
  scr_render r = {&sink, src, 1, NULL, NULL, "Fragment", NULL, NULL, NULL};
  if (!err)
    err = wc->ops->begin_document(w, &info);
  /* a fragment says its language as a report does */
  const char *language = src ? scr_meta_string(src->meta, "language") : NULL;
  if (!err && language && wc->ops->language)
    err = wc->ops->language(w, language);
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
