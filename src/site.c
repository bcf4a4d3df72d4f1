/*
 * `scrutineer site`: every pack, minutes document and the tracker, with
 * the pages, calendar and feed that list them, in one folder any web
 * server can serve. A document is rebuilt only when the hash of its
 * inputs differs from the one recorded in the folder's manifest, or one of
 * its files is missing; a page is rewritten only when its bytes change.
 */
#include "atom.h"
#include "compose.h"
#include "ical.h"
#include "office.h"
#include "pdf_pack.h"
#include "pdfin.h"
#include "site.h"
#include "site_manifest.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A source's digest, made once a run. */
typedef struct source_digest {
  const scr_source *src;
  unsigned char sum[SHA256_DIGEST_SIZE];
} source_digest;

/* A whole site build. */
typedef struct site_run {
  scr_site site;
  scr_session *session; /* site.s, which builds the documents */
  const scr_options *opts;
  const char *dir;
  unsigned formats;
  char now[32]; /* this run's time, RFC 3339 UTC */
  scr_site_manifest old;
  size_t built, kept;
  struct source_digest *sums; /* each source's, made once */
  size_t n_sums, cap_sums;
  bool withdrawn; /* a report's page or PDF was removed */
  bool paged;     /* a report's page was written */
  /* One committee of a council: its documents are laid out by the one
     LibreOffice run of the whole council, first staged (`staging`, and
     then nothing else is done), then made. *shared is opened when the
     first document is staged; NULL throughout: the run lays out its own. */
  scr_layouts **shared;
  bool staging;
  const char *scope;  /* the committee's name for the shared run */
  char cal_stamp[32]; /* the calendar's DTSTAMP, once written */
} site_run;

/* ---- time ------------------------------------------------------------- */

static void utc_now(char *out, size_t n, bool ical) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, n, ical ? "%Y%m%dT%H%M%SZ" : "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- files ------------------------------------------------------------ */

static char *site_path(const site_run *r, const char *name) {
  return scr_path_join(r->dir, name);
}

/* Whether the site folder holds the file `name`. */
static bool in_site(const site_run *r, const char *name) {
  char *path = site_path(r, name);
  bool there = path && scr_is_file(path);
  free(path);
  return there;
}

static long long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static void say_wrote(const site_run *r, const char *path) {
  if (!r->opts->quiet)
    printf("wrote %s\n", path);
}

/* Write `name` in the folder unless it already holds exactly these bytes,
   so that an unchanged page keeps its modification time. */
static scr_error write_if_changed(const site_run *r, const char *name,
                                  const char *data, size_t len) {
  char *path = site_path(r, name);
  if (!path)
    return SCR_E_NOMEM;
  char *old = NULL;
  size_t old_len = 0;
  bool same = scr_read_file(path, len + 1, &old, &old_len) == SCR_OK &&
              old_len == len && memcmp(old, data, len) == 0;
  free(old);
  scr_error err = same ? SCR_OK : scr_file_write_atomic(path, data, len);
  if (err)
    fprintf(stderr, "scrutineer: error: cannot write %s: %s\n", path,
            scr_strerror(err));
  else if (!same)
    say_wrote(r, path);
  free(path);
  return err;
}

static scr_error ensure_dir(const char *dir) {
  scr_error err = scr_outset_folder(dir);
  if (err == SCR_E_NOT_FILE)
    fprintf(stderr, "scrutineer: error: '%s' is not a folder\n", dir);
  else if (err)
    fprintf(stderr, "scrutineer: error: cannot create the site folder '%s'\n",
            dir);
  return err ? SCR_E_IO : SCR_OK;
}

/* ---- the manifest ----------------------------------------------------- */

/* The manifest as it now is, written unless unchanged. */
static scr_error manifest_write(const site_run *r, const char *cal_hash,
                                const char *cal_stamp) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = scr_site_manifest_text(&r->site, cal_hash, cal_stamp, &b);
  if (!err)
    err = write_if_changed(r, SCR_SITE_MANIFEST, b.data, b.len);
  scr_buf_free(&b);
  return err;
}

/* ---- what a document depends on ---------------------------------------- */

/*
 * A document's hash is of exactly what it shows: its own sources, the
 * committee, the house style, and what it shows of others (a minutes
 * file's numbering, the tracker's rows as of its date), so that an edit
 * rebuilds only the documents it changes. Each source is hashed once a
 * run, and a document's hash is of those hashes.
 */

static void hash_image(void *ctx, const scr_image *img) {
  scr_digest_add(ctx, "image", img->data, img->size);
}

/* The digest of a source's text, the images its body embeds and a PDF's
   bytes, made on first use. */
static const unsigned char *source_sum(site_run *r, const scr_source *src) {
  for (size_t i = 0; i < r->n_sums; i++)
    if (r->sums[i].src == src)
      return r->sums[i].sum;
  if (scr_reserve(&r->sums, &r->cap_sums, r->n_sums + 1, sizeof *r->sums))
    return NULL;
  scr_digest d;
  scr_digest_init(&d);
  scr_digest_add(&d, "text", src->text, src->len);
  scr_images_each(src, hash_image, &d);
  if (src->pdf) {
    size_t len = 0;
    const unsigned char *data = scr_pdf_data(src->pdf, &len);
    scr_digest_add(&d, "pdf", data, len);
  }
  source_digest *sd = &r->sums[r->n_sums++];
  sd->src = src;
  scr_digest_bytes(&d, sd->sum);
  return sd->sum;
}

static void hash_source(site_run *r, scr_digest *d, const char *label,
                        const scr_source *src) {
  if (!src)
    return;
  const unsigned char *sum = source_sum(r, src);
  /* out of memory: the document is rebuilt, as its hash matches none */
  scr_digest_add(d, label, sum ? sum : (const unsigned char *)"", sum ? 32 : 0);
}

static void hash_number(scr_digest *d, const char *label, int n) {
  char text[16];
  snprintf(text, sizeof text, "%d", n);
  scr_digest_add_str(d, label, text);
}

static void hash_date(scr_digest *d, const char *label, scr_date date) {
  char text[16];
  scr_date_format(date, SCR_DATE_ISO, text, sizeof text);
  scr_digest_add_str(d, label, text);
}

/* What every document depends on: scrutineer itself, the formats, the
   house style and the committee. */
static void hash_common(site_run *r, scr_digest *d, scr_site_kind kind,
                        const char *stem) {
  char formats[16];
  snprintf(formats, sizeof formats, "%u/%d", r->formats, (int)kind);
  scr_digest_init(d);
  scr_digest_add_str(d, "version", SCR_VERSION);
  scr_digest_add_str(d, "kind", formats);
  scr_digest_add_str(d, "stem", stem);
  /* the house template's file: --template's, or committee.md's */
  scr_digest_add_str(d, "template", r->site.s->tpl.digest);
  hash_source(r, d, "committee", r->site.s->ws.committee.src);
}

/* A minutes file as a document or an appendix shows it: its text, and
   the number its minutes start from, which the files before it decide. */
static void hash_minutes(site_run *r, scr_digest *d, const scr_minutes *m) {
  hash_source(r, d, "minutes", m->src);
  hash_number(d, "first", m->first);
}

/* The tracker's rows as its tables show them. */
static void hash_tracker_rows(scr_digest *d, const scr_tracker *t) {
  hash_date(d, "as of", t->today);
  for (size_t i = 0; i < t->n; i++) {
    const scr_tracked *row = &t->rows[i];
    scr_digest_add_str(d, "id", row->res->id);
    scr_digest_add_str(d, "action", row->res->text);
    hash_date(d, "agreed", row->minutes->date);
    if (row->res->due_from != SCR_DUE_NONE)
      hash_date(d, "due", row->res->due);
    scr_digest_add_str(d, "owner", row->res->owner);
    scr_digest_add_str(d, "answered by", row->answered_by);
    scr_digest_add_str(d, "status", scr_status_name(row->status));
  }
}

static bool has_workprogramme(const scr_agenda *ag) {
  for (size_t i = 0; i < ag->n_appendices; i++)
    if (ag->appendices[i].kind == SCR_APPENDIX_WORKPROGRAMME)
      return true;
  return false;
}

/* The work programme and the tracker as of the pack's meeting, as its
   appendix shows them: the public pack's, without exempt minutes' actions. */
static scr_error hash_pack_tracker(site_run *r, const scr_agenda *ag,
                                   scr_digest *d) {
  const scr_session *s = r->site.s;
  scr_tracker t = {0};
  scr_error err = scr_tracker_build(&s->book, &s->wp, s->agendas, s->n_agendas,
                                    ag->date, &t, NULL);
  if (!err) {
    scr_tracker_drop_exempt(&t, ag);
    hash_source(r, d, "workprogramme", s->wp.src);
    hash_tracker_rows(d, &t);
  }
  scr_tracker_free(&t);
  return err;
}

/* A public pack: its agenda and the appendices it holds with their images
   (minutes with their numbering), and when it carries the work programme,
   that and the tracker as of its meeting. */
static scr_error hash_pack(site_run *r, const scr_agenda *ag,
                           scr_site_doc *doc) {
  scr_digest d;
  hash_common(r, &d, SCR_SITE_PACK, doc->stem);
  hash_source(r, &d, "agenda", ag->src);
  for (size_t i = 0; i < ag->n_appendices; i++) {
    const scr_appendix *ap = &ag->appendices[i];
    /* a report left out of the public pack shows only its letter: its
       text must not decide what is rebuilt, or the public would see a
       change whenever it is edited */
    if (!scr_pack_includes((scr_pack_kind){0}, ap))
      scr_digest_add_str(&d, "withheld", ap->label);
    else if (ap->minutes)
      hash_minutes(r, &d, ap->minutes);
    else
      hash_source(r, &d, "appendix", ap->src);
  }
  scr_error err = has_workprogramme(ag) ? hash_pack_tracker(r, ag, &d) : SCR_OK;
  scr_digest_hex(&d, doc->hash);
  return err;
}

static void hash_minutes_doc(site_run *r, const scr_minutes *m,
                             scr_site_doc *doc) {
  scr_digest d;
  hash_common(r, &d, SCR_SITE_MINUTES, doc->stem);
  hash_minutes(r, &d, m);
  scr_digest_hex(&d, doc->hash);
}

/* The tracker document: the work programme and the tracker as of today. */
static void hash_tracker(site_run *r, scr_site_doc *doc) {
  scr_digest d;
  hash_common(r, &d, SCR_SITE_TRACKER, doc->stem);
  hash_source(r, &d, "workprogramme", r->site.s->wp.src);
  hash_tracker_rows(&d, &r->site.tracker);
  scr_digest_hex(&d, doc->hash);
}

/* ---- building documents -------------------------------------------------- */

/* The extensions a document of `kind` has in the formats asked for. */
static size_t doc_exts(const site_run *r, scr_site_kind kind,
                       const char *exts[SCR_SITE_MAX_FILES]) {
  static const struct {
    unsigned bit;
    const char *ext;
  } ORDER[] = {{SCR_FORMAT_PDF, "pdf"},
               {SCR_FORMAT_DOCX, "docx"},
               {SCR_FORMAT_ODT, "odt"},
               {SCR_FORMAT_CSV, "csv"}};
  size_t n = 0;
  for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER; i++) {
    bool csv = ORDER[i].bit == SCR_FORMAT_CSV;
    if ((r->formats & ORDER[i].bit) && (!csv || kind == SCR_SITE_TRACKER))
      exts[n++] = ORDER[i].ext;
  }
  return n;
}

/* An output into the site folder that keeps the pack's pages. A
   document's files are one output set: all replace the old ones, or none. */
typedef struct doc_out {
  const site_run *r;
  scr_site_doc *doc;
  scr_error err;
  scr_outset set;
} doc_out;

static scr_error out_write(doc_out *o, const char *stem, const char *ext,
                           const scr_package *pkg, const char *data,
                           size_t len) {
  char *name = scr_asprintf("%s.%s", stem, ext);
  char *path = name ? site_path(o->r, name) : NULL;
  scr_error err = SCR_E_NOMEM;
  if (path)
    err = pkg ? scr_package_stage(pkg, &o->set, path)
              : scr_outset_add_bytes(&o->set, path, data, len);
  if (err && path)
    fprintf(stderr, "scrutineer: error: cannot write %s: %s\n", path,
            scr_outset_reason(&o->set, err));
  free(name);
  free(path);
  return err;
}

/* Put a document's files in place and say so. */
static scr_error out_commit(doc_out *o) {
  scr_error err = scr_outset_commit(&o->set);
  if (err) {
    fprintf(stderr, "scrutineer: error: cannot put %s in %s: %s\n",
            o->doc->stem, o->r->dir, scr_outset_reason(&o->set, err));
    return err;
  }
  for (size_t i = 0; i < scr_outset_count(&o->set); i++)
    say_wrote(o->r, scr_outset_path(&o->set, i));
  return SCR_OK;
}

static scr_error out_package(void *ctx, const char *stem, const char *ext,
                             const scr_package *pkg) {
  return out_write(ctx, stem, ext, pkg, NULL, 0);
}

static scr_error out_bytes(void *ctx, const char *stem, const char *ext,
                           const char *data, size_t len) {
  return out_write(ctx, stem, ext, NULL, data, len);
}

static void out_pages(void *ctx, const char *ext, const int *pages, size_t n,
                      bool exact) {
  doc_out *o = ctx;
  int **slot =
      strcmp(ext, "docx") == 0 ? &o->doc->pages_docx : &o->doc->pages_odt;
  free(*slot);
  *slot = calloc(n + 1, sizeof **slot);
  if (!*slot) {
    o->err = SCR_E_NOMEM;
    return;
  }
  memcpy(*slot, pages, n * sizeof **slot);
  o->doc->n_pages = n;
  o->doc->pages_exact = exact;
}

/* Take what the manifest says of a document whose inputs are unchanged;
   false when it must be rebuilt after all. */
static bool reuse(const site_run *r, scr_site_doc *doc, size_t n_pages) {
  const scr_site_recorded *rec = scr_site_manifest_find(&r->old, doc->stem);
  if (!rec || strcmp(rec->hash, doc->hash) != 0)
    return false;
  const char *exts[SCR_SITE_MAX_FILES];
  size_t n = doc_exts(r, doc->kind, exts);
  for (size_t i = 0; i < n; i++) {
    char *name = scr_asprintf("%s.%s", doc->stem, exts[i]);
    bool there = name && in_site(r, name);
    free(name);
    if (!there)
      return false;
  }
  bool bad = false;
  doc->n_pages = n_pages;
  doc->pages_docx = scr_site_pages_parse(rec->pages_docx, n_pages, &bad);
  doc->pages_odt = scr_site_pages_parse(rec->pages_odt, n_pages, &bad);
  /* a pack made as DOCX or ODT has its pages recorded */
  unsigned packages = r->formats & (SCR_FORMAT_DOCX | SCR_FORMAT_ODT);
  if (doc->kind == SCR_SITE_PACK && packages && !doc->pages_docx &&
      !doc->pages_odt)
    bad = true;
  doc->pages_exact = rec->exact;
  snprintf(doc->built, sizeof doc->built, "%s", rec->built);
  return !bad;
}

/* The sizes of the document's files as they now are. */
static void stat_files(const site_run *r, scr_site_doc *doc) {
  const char *exts[SCR_SITE_MAX_FILES];
  size_t n = doc_exts(r, doc->kind, exts);
  doc->n_files = 0;
  for (size_t i = 0; i < n; i++) {
    char *name = scr_asprintf("%s.%s", doc->stem, exts[i]);
    char *path = name ? site_path(r, name) : NULL;
    long long size = path ? file_size(path) : -1;
    if (size >= 0) {
      scr_site_file *f = &doc->files[doc->n_files++];
      snprintf(f->ext, sizeof f->ext, "%s", exts[i]);
      f->size = size;
    }
    free(name);
    free(path);
  }
}

/* Whether each PDF appendix the public pack of `ag` shows is in the site
   folder beside it. */
static bool pdf_appendices_there(const site_run *r, const scr_agenda *ag,
                                 const scr_site_doc *doc) {
  for (size_t i = 0; ag && i < ag->n_appendices; i++) {
    if (!scr_site_offers_pdf(&ag->appendices[i]))
      continue;
    char name[320];
    scr_site_pdf_appendix_name(doc->stem, &ag->appendices[i], name,
                               sizeof name);
    if (!in_site(r, name))
      return false;
  }
  return true;
}

/* Each PDF appendix of the public pack, as received, in the pack's set of
   files. */
static scr_error stage_pdf_appendices(doc_out *o, const scr_agenda *ag) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < ag->n_appendices; i++) {
    const scr_appendix *ap = &ag->appendices[i];
    if (!scr_site_offers_pdf(ap))
      continue;
    char name[320];
    scr_site_pdf_appendix_name(o->doc->stem, ap, name, sizeof name);
    name[strlen(name) - 4] = '\0'; /* the stem: ".pdf" is added */
    size_t len = 0;
    const unsigned char *data = scr_pdf_data(ap->src->pdf, &len);
    err = out_write(o, name, "pdf", NULL, (const char *)data, len);
  }
  return err;
}

/* Whether `name` is a file the site offers of an appendix of the pack
   `stem` that `ag` (NULL: none) has in its public pack now: its page, or
   its PDF (as received, or its pages of the pack's). */
static bool offered_now(const char *stem, const scr_agenda *ag,
                        const char *name) {
  for (size_t i = 0; ag && i < ag->n_appendices; i++) {
    const scr_appendix *ap = &ag->appendices[i];
    if (!scr_site_offers_page(ap))
      continue;
    char pdf[320], page[320];
    scr_site_pdf_appendix_name(stem, ap, pdf, sizeof pdf);
    scr_site_report_page_name(stem, ap, page, sizeof page);
    if (strcmp(pdf, name) == 0 || strcmp(page, name) == 0)
      return true;
  }
  return false;
}

/*
 * Remove the files of appendices of the pack `stem` that the site offered
 * and no longer does (their pages, their PDFs): one withdrawn, or one
 * whose item is now exempt, which must not stay published.
 */
static scr_error withdraw_appendix_files(site_run *r, const char *stem,
                                         const scr_agenda *ag) {
  char prefix[300];
  snprintf(prefix, sizeof prefix, "%s-appendix-", stem);
  size_t n = strlen(prefix);
  DIR *d = opendir(r->dir);
  if (!d)
    return SCR_OK; /* a new folder holds none */
  scr_error err = SCR_OK;
  struct dirent *e;
  while (!err && (e = readdir(d))) {
    size_t len = strlen(e->d_name);
    bool pdf = len >= n + 5 && strcmp(e->d_name + len - 4, ".pdf") == 0;
    bool page = len >= n + 6 && strcmp(e->d_name + len - 5, ".html") == 0;
    if (strncmp(e->d_name, prefix, n) != 0 || !(pdf || page) ||
        offered_now(stem, ag, e->d_name))
      continue;
    char *path = site_path(r, e->d_name);
    if (!path)
      err = SCR_E_NOMEM;
    else if (unlink(path) != 0 && errno != ENOENT) {
      fprintf(stderr, "scrutineer: error: cannot remove %s: %s\n", path,
              strerror(errno));
      err = SCR_E_IO;
    } else {
      r->withdrawn = true;
      if (!r->opts->quiet)
        printf("removed %s\n", path);
    }
    free(path);
  }
  closedir(d);
  return err;
}

/* Remove `name` from the folder, saying so; a file already gone is no
   error. */
static scr_error remove_file(site_run *r, const char *name) {
  char *path = site_path(r, name);
  if (!path)
    return SCR_E_NOMEM;
  scr_error err = SCR_OK;
  if (unlink(path) == 0) {
    if (!r->opts->quiet)
      printf("removed %s\n", path);
  } else if (errno != ENOENT) {
    fprintf(stderr, "scrutineer: error: cannot remove %s: %s\n", path,
            strerror(errno));
    err = SCR_E_IO;
  }
  free(path);
  return err;
}

/* A document made again goes without its files of the formats this run
   does not make: made from the sources as they were, an old PDF could
   still hold a report whose item is now exempt. */
static scr_error drop_other_formats(site_run *r, const scr_site_doc *doc) {
  static const char *const ALL[] = {"docx", "odt", "pdf", "csv"};
  const char *exts[SCR_SITE_MAX_FILES];
  size_t n = doc_exts(r, doc->kind, exts);
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < sizeof ALL / sizeof *ALL; i++) {
    bool made = false;
    for (size_t k = 0; k < n; k++)
      made = made || strcmp(exts[k], ALL[i]) == 0;
    char name[300];
    snprintf(name, sizeof name, "%s.%s", doc->stem, ALL[i]);
    if (!made)
      err = remove_file(r, name);
  }
  return err;
}

/* A document of the site and its sources: a pack (`ag`), minutes (`m`),
   or the tracker (neither). */
typedef struct site_target {
  scr_site_doc *doc;
  size_t n_pages;
  scr_agenda *ag;
  const scr_minutes *m;
  bool build; /* its inputs are not as recorded: it is made again */
} site_target;

/* Whether the document must be made again: its inputs, or its files, are
   not as recorded. First its withdrawn PDF appendices go, so that a failed
   build leaves none published that should not be. */
static scr_error plan_doc(site_run *r, site_target *t) {
  scr_error err =
      t->ag ? withdraw_appendix_files(r, t->doc->stem, t->ag) : SCR_OK;
  t->build = !err && !(reuse(r, t->doc, t->n_pages) &&
                       pdf_appendices_there(r, t->ag, t->doc));
  if (!err && t->build)
    err = drop_other_formats(r, t->doc);
  return err;
}

/* The document's build, handed to `out`: with `out->layouts` in staging,
   only its PDF source is put to LibreOffice. */
static scr_error run_build(const site_run *r, const site_target *t,
                           const scr_output *out) {
  scr_options opts = *r->opts;
  opts.formats = r->formats;
  /* a site is public: never the private pack, nor a supplement */
  opts.private_pack = opts.supplement = false;
  if (t->doc->kind != SCR_SITE_TRACKER)
    opts.formats &= ~(unsigned)SCR_FORMAT_CSV;
  if (t->ag)
    return scr_session_pack(r->session, t->ag, &opts, out);
  if (t->m)
    return scr_session_minutes(r->session, t->m, &opts, out);
  return scr_session_tracker(r->session, r->site.today, &opts, out);
}

/* Make the document and put its files in place, all or none. */
static scr_error make_doc(site_run *r, const site_target *t,
                          scr_layouts *layouts) {
  scr_site_doc *doc = t->doc;
  free(doc->pages_docx);
  free(doc->pages_odt);
  doc->pages_docx = doc->pages_odt = NULL;
  doc_out o = {r, doc, SCR_OK, SCR_OUTSET_INIT};
  scr_output out = {out_package, out_bytes, NULL, &o, out_pages, layouts};
  scr_error err = run_build(r, t, &out);
  err = err ? err : o.err;
  if (!err && t->ag)
    err = stage_pdf_appendices(&o, t->ag);
  if (!err)
    err = out_commit(&o);
  scr_outset_free(&o.set);
  snprintf(doc->built, sizeof doc->built, "%s", r->now);
  doc->rebuilt = true;
  r->built++;
  return err;
}

/* Every document to make with PDF laid out by one LibreOffice run: each
   staged, then all converted. *layouts is NULL when none is. */
static scr_error lay_out_all(site_run *r, site_target *targets, size_t n,
                             scr_layouts **layouts) {
  *layouts = NULL;
  size_t to_make = 0;
  for (size_t i = 0; i < n; i++)
    to_make += targets[i].build;
  if (!(r->formats & SCR_FORMAT_PDF) || to_make == 0)
    return SCR_OK;
  bool progress = !r->opts->quiet && isatty(STDERR_FILENO);
  scr_error err = scr_layouts_open(layouts, progress);
  scr_output staging = {.layouts = *layouts};
  for (size_t i = 0; !err && i < n; i++)
    if (targets[i].build)
      err = run_build(r, &targets[i], &staging);
  if (!err)
    err = scr_layouts_convert(*layouts);
  return err;
}

/* Each document of the site made, unless its inputs are as recorded. */
/* Stage each document to make in the council's one LibreOffice run,
   opening it for the first. */
static scr_error stage_shared(site_run *r, site_target *targets, size_t n) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < n; i++) {
    if (!targets[i].build || !(r->formats & SCR_FORMAT_PDF))
      continue;
    if (!*r->shared)
      err =
          scr_layouts_open(r->shared, !r->opts->quiet && isatty(STDERR_FILENO));
    if (!err) {
      scr_layouts_scope(*r->shared, r->scope);
      scr_output staging = {.layouts = *r->shared};
      err = run_build(r, &targets[i], &staging);
    }
  }
  return err;
}

static scr_error make_targets(site_run *r, site_target *targets, size_t n) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < n; i++)
    err = plan_doc(r, &targets[i]);
  if (!err && r->staging)
    return stage_shared(r, targets, n);
  scr_layouts *layouts = r->shared ? *r->shared : NULL;
  if (layouts)
    scr_layouts_scope(layouts, r->scope);
  if (!err && !r->shared)
    err = lay_out_all(r, targets, n, &layouts);
  for (size_t i = 0; !err && i < n; i++) {
    if (targets[i].build)
      err = make_doc(r, &targets[i], layouts);
    else
      r->kept++;
    stat_files(r, targets[i].doc);
  }
  if (!r->shared)
    scr_layouts_close(layouts);
  return err;
}

static scr_site_doc *new_doc(site_run *r, scr_site_kind kind,
                             const scr_doc_strings *names) {
  scr_site_doc *doc = &r->site.docs[r->site.n_docs++];
  *doc = (scr_site_doc){.kind = kind};
  snprintf(doc->stem, sizeof doc->stem, "%s", names->file_stem);
  snprintf(doc->title, sizeof doc->title, "%s", names->title);
  return doc;
}

static scr_error make_documents(site_run *r) {
  scr_site *site = &r->site;
  const scr_session *s = site->s;
  size_t cap = s->n_agendas + s->book.n + 1;
  site->docs = calloc(cap, sizeof *site->docs);
  site_target *targets = calloc(cap, sizeof *targets);
  if (!site->docs || !targets) {
    free(targets);
    return SCR_E_NOMEM;
  }
  size_t n = 0;
  for (size_t i = 0; i < s->n_agendas; i++) {
    scr_agenda *ag = &r->session->agendas[i];
    scr_doc_strings names;
    scr_pack_info(&s->ws, ag, (scr_pack_kind){0}, &names);
    scr_site_doc *doc = new_doc(r, SCR_SITE_PACK, &names);
    scr_error err = hash_pack(r, ag, doc);
    if (err) {
      free(targets);
      return err;
    }
    targets[n++] =
        (site_target){.doc = doc, .n_pages = ag->n_appendices, .ag = ag};
  }
  for (size_t i = 0; i < s->book.n; i++) {
    const scr_minutes *m = &s->book.files[i];
    scr_doc_strings names;
    scr_minutes_info(&s->ws, m, &names);
    scr_site_doc *doc = new_doc(r, SCR_SITE_MINUTES, &names);
    hash_minutes_doc(r, m, doc);
    targets[n++] = (site_target){.doc = doc, .m = m};
  }
  scr_doc_strings names;
  scr_tracker_info(&s->ws, &site->tracker, &names);
  site->tracker_doc = new_doc(r, SCR_SITE_TRACKER, &names);
  hash_tracker(r, site->tracker_doc);
  targets[n++] = (site_target){.doc = site->tracker_doc};
  scr_error err = make_targets(r, targets, n);
  free(targets);
  return err;
}

/* ---- meetings ----------------------------------------------------------- */

static int meeting_cmp(const void *a, const void *b) {
  const scr_site_meeting *x = a, *y = b;
  return scr_date_cmp(x->date, y->date);
}

static scr_site_meeting *meeting_at(scr_site *site, scr_date d) {
  for (size_t i = 0; i < site->n_meetings; i++)
    if (scr_date_cmp(site->meetings[i].date, d) == 0)
      return &site->meetings[i];
  scr_site_meeting *m = &site->meetings[site->n_meetings++];
  const scr_committee *c = &site->s->ws.committee;
  *m = (scr_site_meeting){.date = d, .time = c->time, .venue = c->venue};
  char iso[16];
  scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
  snprintf(m->page, sizeof m->page, "meeting-%s.html", iso);
  return m;
}

/* Every scheduled meeting, and any other with an agenda or minutes, in
   date order, each with its documents. */
static scr_error gather_meetings(scr_site *site) {
  const scr_session *s = site->s;
  const scr_committee *c = &s->ws.committee;
  size_t cap = c->n_meetings + s->n_agendas + s->book.n;
  site->meetings = calloc(cap + 1, sizeof *site->meetings);
  if (!site->meetings)
    return SCR_E_NOMEM;
  for (size_t i = 0; i < c->n_meetings; i++)
    meeting_at(site, c->meetings[i]);
  size_t doc = 0;
  for (size_t i = 0; i < s->n_agendas; i++, doc++) {
    scr_site_meeting *m = meeting_at(site, s->agendas[i].date);
    m->agenda = &s->agendas[i];
    m->time = m->agenda->time;
    m->venue = m->agenda->venue;
    m->pack = &site->docs[doc];
  }
  for (size_t i = 0; i < s->book.n; i++, doc++) {
    scr_site_meeting *m = meeting_at(site, s->book.files[i].date);
    m->minutes = &s->book.files[i];
    m->minutes_doc = &site->docs[doc];
  }
  qsort(site->meetings, site->n_meetings, sizeof *site->meetings, meeting_cmp);
  return SCR_OK;
}

/* ---- calendar and feed --------------------------------------------------- */

/* A UUID (RFC 9562, version 8) from the SHA-256 of `what` in this
   committee: the same every build, distinct between committees. */
static void stable_uuid(const scr_committee *c, const char *what,
                        char out[48]) {
  scr_digest d;
  unsigned char h[SHA256_DIGEST_SIZE];
  scr_digest_init(&d);
  scr_digest_add_str(&d, "council", c->council);
  scr_digest_add_str(&d, "committee", c->name);
  scr_digest_add_str(&d, "what", what);
  scr_digest_bytes(&d, h);
  h[6] = (unsigned char)((h[6] & 0x0F) | 0x80);
  h[8] = (unsigned char)((h[8] & 0x3F) | 0x80);
  snprintf(out, 48,
           "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
           "%02x%02x%02x%02x%02x%02x",
           h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10],
           h[11], h[12], h[13], h[14], h[15]);
}

/* "1. Title; 2. Title", or what is not yet published. Caller frees. */
static char *agenda_summary(const scr_site_meeting *m) {
  if (!m->agenda)
    return scr_strdup("Agenda not yet published.");
  scr_buf b = SCR_BUF_INIT;
  scr_error err = scr_buf_puts(&b, "Agenda: ");
  for (size_t i = 0; i < m->agenda->n_items && !err; i++)
    err = scr_buf_printf(&b, "%s%d. %s", i ? "; " : "",
                         m->agenda->items[i].number, m->agenda->items[i].title);
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

typedef struct event_strings {
  char uid[96];
  char *description;
} event_strings;

/* The calendar with `stamp` as every event's DTSTAMP. Caller frees. */
static char *calendar(const scr_site *site, const char *stamp, size_t *len) {
  const scr_committee *c = &site->s->ws.committee;
  size_t n = site->n_meetings;
  scr_ical_event *ev = calloc(n + 1, sizeof *ev);
  event_strings *str = calloc(n + 1, sizeof *str);
  bool ok = ev && str;
  for (size_t i = 0; ok && i < n; i++) {
    const scr_site_meeting *m = &site->meetings[i];
    char uuid[48];
    stable_uuid(c, m->page, uuid);
    snprintf(str[i].uid, sizeof str[i].uid, "%s@scrutineer", uuid);
    str[i].description = agenda_summary(m);
    ok = str[i].description != NULL;
    ev[i] = (scr_ical_event){str[i].uid,         c->name, m->venue,
                             str[i].description, m->date, m->time};
  }
  char *ics = ok ? scr_ical_calendar(c->name, ev, n, stamp, len) : NULL;
  for (size_t i = 0; str && i < n; i++)
    free(str[i].description);
  free(str);
  free(ev);
  return ics;
}

/*
 * meetings.ics. DTSTAMP says when the calendar last changed, so an
 * unchanged schedule keeps the file as it was: the calendar is hashed with
 * a fixed stamp and compared with the manifest's.
 */
static scr_error write_calendar(site_run *r, char hash[SCR_DIGEST_HEX],
                                char stamp[32]) {
  size_t len = 0;
  char *probe = calendar(&r->site, "19700101T000000Z", &len);
  if (!probe)
    return SCR_E_NOMEM;
  scr_digest d;
  scr_digest_init(&d);
  scr_digest_add(&d, "calendar", probe, len);
  scr_digest_hex(&d, hash);
  free(probe);
  if (r->old.calendar_hash && strcmp(r->old.calendar_hash, hash) == 0 &&
      strlen(r->old.calendar_stamp) < 32)
    snprintf(stamp, 32, "%s", r->old.calendar_stamp);
  else
    utc_now(stamp, 32, true);
  char *ics = calendar(&r->site, stamp, &len);
  scr_error err =
      ics ? write_if_changed(r, SCR_SITE_ICS, ics, len) : SCR_E_NOMEM;
  free(ics);
  return err;
}

typedef struct feed_entry {
  char id[64], title[600];
  char *summary;
  scr_atom_link links[SCR_SITE_MAX_FILES + 1];
  char hrefs[SCR_SITE_MAX_FILES][360], titles[SCR_SITE_MAX_FILES][16];
} feed_entry;

static void feed_links(const scr_site_meeting *m, feed_entry *fe,
                       size_t *n_links) {
  const scr_site_doc *doc = m->pack;
  size_t n = 0;
  fe->links[n++] = (scr_atom_link){"alternate", m->page, "text/html", NULL, -1};
  for (size_t k = 0; k < doc->n_files; k++) {
    const scr_site_file *f = &doc->files[k];
    snprintf(fe->hrefs[k], sizeof fe->hrefs[k], "%s.%s", doc->stem, f->ext);
    for (size_t c = 0; c < sizeof fe->titles[k] && f->ext[c]; c++)
      fe->titles[k][c] = (char)(f->ext[c] - 'a' + 'A');
    fe->links[n++] =
        (scr_atom_link){"enclosure", fe->hrefs[k], scr_site_media_type(f->ext),
                        fe->titles[k], f->size};
  }
  *n_links = n;
}

/* feed.xml: one entry per published pack, the newest meeting first. */
static scr_error write_feed(site_run *r) {
  const scr_site *site = &r->site;
  const scr_committee *c = &site->s->ws.committee;
  feed_entry *fe = calloc(site->n_meetings + 1, sizeof *fe);
  scr_atom_entry *entries = calloc(site->n_meetings + 1, sizeof *entries);
  size_t n = 0;
  const char *updated = site->tracker_doc->built;
  scr_error err = fe && entries ? SCR_OK : SCR_E_NOMEM;
  for (size_t i = site->n_meetings; i-- > 0 && !err;) {
    const scr_site_meeting *m = &site->meetings[i];
    if (!m->pack)
      continue;
    feed_entry *e = &fe[n];
    char uuid[48];
    stable_uuid(c, m->pack->stem, uuid);
    snprintf(e->id, sizeof e->id, "urn:uuid:%s", uuid);
    snprintf(e->title, sizeof e->title, "%s", m->pack->title);
    e->summary = agenda_summary(m);
    if (!e->summary)
      err = SCR_E_NOMEM;
    size_t n_links = 0;
    feed_links(m, e, &n_links);
    entries[n++] = (scr_atom_entry){e->id,      e->title, m->pack->built,
                                    e->summary, e->links, n_links};
    if (n == 1 || strcmp(m->pack->built, updated) > 0)
      updated = m->pack->built;
  }
  char feed_id[64], uuid[48], title[600];
  stable_uuid(c, "feed", uuid);
  snprintf(feed_id, sizeof feed_id, "urn:uuid:%s", uuid);
  snprintf(title, sizeof title, "%s: agenda packs", c->name);
  scr_atom_feed feed = {feed_id,      title,   c->council,    c->council,
                        c->enquiries, updated, SCR_SITE_FEED, SCR_SITE_INDEX,
                        entries,      n};
  char *xml = NULL;
  size_t len = 0;
  if (!err)
    err = scr_atom_write(&feed, &xml, &len);
  if (!err)
    err = write_if_changed(r, SCR_SITE_FEED, xml, len);
  free(xml);
  for (size_t i = 0; fe && i < n; i++)
    free(fe[i].summary);
  free(fe);
  free(entries);
  return err;
}

/* ---- each report as a page, and as a PDF of its own ---------------------- */

/* Where a report's page sends the bookmarks it refers to: those of another
   appendix to that appendix's page, the front sheet's to the meeting's. */
typedef struct report_links {
  const scr_agenda *ag;
  const scr_site_doc *pack;
  const char *meeting_page;
  size_t here; /* the appendix of the page */
} report_links;

/* The appendix whose bookmarks begin with its own: "Appendix_C" and
   "Appendix_C_2_scope", not "Appendix_CA". */
static const scr_appendix *bookmark_owner(const scr_agenda *ag,
                                          const char *bookmark, size_t *at) {
  for (size_t j = 0; j < ag->n_appendices; j++) {
    const char *own = ag->appendices[j].bookmark;
    size_t k = strlen(own);
    if (strncmp(bookmark, own, k) == 0 &&
        (bookmark[k] == '\0' || bookmark[k] == '_')) {
      *at = j;
      return &ag->appendices[j];
    }
  }
  return NULL;
}

static void report_target(void *ctx, const char *bookmark, char *href, size_t n,
                          int *page) {
  const report_links *l = ctx;
  size_t j = 0;
  const scr_appendix *ap = bookmark_owner(l->ag, bookmark, &j);
  if (!ap || !scr_site_offers_page(ap)) {
    snprintf(href, n, "%s", l->meeting_page);
    return;
  }
  const int *pages =
      l->pack->pages_odt ? l->pack->pages_odt : l->pack->pages_docx;
  if (pages && j < l->pack->n_pages && strcmp(bookmark, ap->bookmark) == 0)
    *page = pages[j];
  if (j == l->here)
    return; /* "#bookmark", on this page */
  char name[320];
  scr_site_report_page_name(l->pack->stem, ap, name, sizeof name);
  if (strcmp(bookmark, ap->bookmark) == 0)
    snprintf(href, n, "%s", name);
  else
    snprintf(href, n, "%s#%s", name, bookmark);
}

/* The cut PDFs of the pack's reports, gone with the pack's PDF. */
static scr_error drop_cuts(site_run *r, const scr_site_meeting *m) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < m->agenda->n_appendices; i++) {
    const scr_appendix *ap = &m->agenda->appendices[i];
    if (scr_site_offers_pdf(ap))
      continue;
    char name[320];
    scr_site_pdf_appendix_name(m->pack->stem, ap, name, sizeof name);
    err = remove_file(r, name);
  }
  return err;
}

/* The pages of each report of the pack but its PDF appendices (offered as
   received), cut from the pack's PDF, each a PDF of their own. */
static scr_error cut_reports(site_run *r, const scr_site_meeting *m) {
  const scr_agenda *ag = m->agenda;
  const scr_site_doc *pack = m->pack;
  char *pdf_name = scr_asprintf("%s.pdf", pack->stem);
  char *path = pdf_name ? site_path(r, pdf_name) : NULL;
  free(pdf_name);
  if (path && !scr_is_file(path)) {
    free(path);
    return drop_cuts(r, m); /* no PDF made: no cuts of an old one */
  }
  scr_pdf_cut *cuts = calloc(ag->n_appendices + 1, sizeof *cuts);
  char(*titles)[600] = calloc(ag->n_appendices + 1, sizeof *titles);
  size_t *of = calloc(ag->n_appendices + 1, sizeof *of);
  char *pdf = NULL, *why = NULL;
  size_t len = 0, n = 0;
  scr_error err = path && cuts && titles && of ? SCR_OK : SCR_E_NOMEM;
  for (size_t i = 0; !err && i < ag->n_appendices; i++) {
    const scr_appendix *ap = &ag->appendices[i];
    int first = 0, last = 0;
    if (!scr_site_offers_page(ap) || scr_site_offers_pdf(ap) ||
        !scr_site_report_pages(ag, pack, i, &first, &last))
      continue;
    snprintf(titles[n], sizeof titles[n], "Appendix %s: %s", ap->label,
             ap->title ? ap->title : ap->path);
    cuts[n] = (scr_pdf_cut){first, last, titles[n], NULL, 0};
    of[n++] = i;
  }
  if (!err && n)
    err = scr_read_file(path, (size_t)1 << 31, &pdf, &len);
  if (!err && n)
    err = scr_pdf_pages_cut(pdf, len, cuts, n, SCR_LANGUAGE, &why);
  if (err && why)
    fprintf(stderr, "scrutineer: error: %s: cannot cut its reports: %s\n", path,
            why);
  for (size_t k = 0; !err && k < n; k++) {
    char name[320];
    scr_site_pdf_appendix_name(pack->stem, &ag->appendices[of[k]], name,
                               sizeof name);
    err = write_if_changed(r, name, cuts[k].out, cuts[k].out_len);
  }
  for (size_t k = 0; cuts && k < n; k++)
    free(cuts[k].out);
  free(cuts);
  free(titles);
  free(of);
  free(pdf);
  free(why);
  free(path);
  return err;
}

/* Whether every page (and, with the pack's PDF, every cut) of the pack's
   reports is in the folder. */
static bool report_files_there(const site_run *r, const scr_site_meeting *m) {
  bool cuts = scr_site_offers_cuts(m->pack);
  for (size_t i = 0; i < m->agenda->n_appendices; i++) {
    const scr_appendix *ap = &m->agenda->appendices[i];
    if (!scr_site_offers_page(ap))
      continue;
    char page[320], pdf[320];
    scr_site_report_page_name(m->pack->stem, ap, page, sizeof page);
    scr_site_pdf_appendix_name(m->pack->stem, ap, pdf, sizeof pdf);
    if (!in_site(r, page) || (cuts && !in_site(r, pdf)))
      return false;
  }
  return true;
}

/* A meeting's report pages as they are made. */
typedef struct report_run {
  site_run *r;
  const scr_site_meeting *m;
  report_links l;
} report_run;

static void report_links_of(void *ctx, size_t index, scr_html_links *out) {
  report_run *rr = ctx;
  rr->l.here = index;
  *out = (scr_html_links){report_target, &rr->l};
}

static scr_error report_picture(void *ctx, const scr_html_file *f) {
  report_run *rr = ctx;
  return write_if_changed(rr->r, f->name, (const char *)f->data, f->size);
}

static scr_error report_written(void *ctx, size_t index, const char *body,
                                size_t len) {
  report_run *rr = ctx;
  (void)len;
  char *html = NULL, name[320];
  size_t html_len = 0;
  scr_error err =
      scr_site_report_html(&rr->r->site, rr->m, index, body, &html, &html_len);
  scr_site_report_page_name(
      rr->m->pack->stem, &rr->m->agenda->appendices[index], name, sizeof name);
  if (!err)
    err = write_if_changed(rr->r, name, html, html_len);
  free(html);
  rr->r->paged = true;
  return err;
}

/* Each report of the meeting's public pack as a page of the site, and
   with the pack's PDF its pages as a PDF of their own. */
static scr_error write_report_pages(site_run *r, const scr_site_meeting *m) {
  scr_agenda *ag = &r->session->agendas[m->agenda - r->session->agendas];
  report_run rr = {r, m, {ag, m->pack, m->page, 0}};
  scr_report_pages cb = {report_links_of, report_picture, report_written, &rr};
  scr_error err = scr_session_report_pages(r->session, ag, &cb);
  if (!err)
    err = cut_reports(r, m);
  return err;
}

/* "picture-<16 hex digits>.png" (or .jpg), as the HTML writer names them. */
static bool picture_name(const char *s, size_t *len) {
  static const char PREFIX[] = "picture-";
  size_t n = sizeof PREFIX - 1;
  if (strncmp(s, PREFIX, n) != 0)
    return false;
  for (size_t k = 0; k < 16; k++)
    if (!strchr("0123456789abcdef", s[n + k]) || !s[n + k])
      return false;
  n += 16;
  static const char *const EXTS[] = {".png", ".jpg", ".jpeg", ".gif"};
  for (size_t e = 0; e < sizeof EXTS / sizeof *EXTS; e++)
    if (strncmp(s + n, EXTS[e], strlen(EXTS[e])) == 0) {
      *len = n + strlen(EXTS[e]);
      return true;
    }
  return false;
}

/* Add the pictures the page `path` shows to `used`. */
static scr_error note_pictures(const char *path, scr_buf *used) {
  char *html = NULL;
  size_t len = 0;
  scr_error err = scr_read_file(path, (size_t)1 << 30, &html, &len);
  for (const char *p = html; !err && p && (p = strstr(p, "picture-")); p++) {
    size_t n = 0;
    if (picture_name(p, &n))
      err = scr_buf_printf(used, "/%.*s/", (int)n, p);
  }
  free(html);
  return err;
}

/* Remove the pictures no report page shows any more (a report withdrawn,
   or made exempt, takes its pictures with it). */
static scr_error drop_unshown_pictures(site_run *r) {
  DIR *d = opendir(r->dir);
  if (!d)
    return SCR_OK;
  scr_buf used = SCR_BUF_INIT;
  scr_error err = scr_buf_puts(&used, "");
  struct dirent *e;
  while (!err && (e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len > 5 && strcmp(e->d_name + len - 5, ".html") == 0 &&
        strstr(e->d_name, "-appendix-")) {
      char *path = site_path(r, e->d_name);
      err = path ? note_pictures(path, &used) : SCR_E_NOMEM;
      free(path);
    }
  }
  rewinddir(d);
  while (!err && (e = readdir(d))) {
    size_t n = 0;
    if (!picture_name(e->d_name, &n) || e->d_name[n])
      continue;
    char key[sizeof e->d_name + 2];
    snprintf(key, sizeof key, "/%s/", e->d_name);
    if (used.data && strstr(used.data, key))
      continue;
    char *path = site_path(r, e->d_name);
    if (path && unlink(path) == 0 && !r->opts->quiet)
      printf("removed %s\n", path);
    free(path);
  }
  closedir(d);
  scr_buf_free(&used);
  return err;
}

/* The pages of the reports of every pack made this run, or whose pages
   are not all there; then the pictures no page shows removed. */
static scr_error write_reports(site_run *r) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < r->site.n_meetings; i++) {
    const scr_site_meeting *m = &r->site.meetings[i];
    if (m->agenda && m->pack && (m->pack->rebuilt || !report_files_there(r, m)))
      err = write_report_pages(r, m);
  }
  if (!err && (r->paged || r->withdrawn))
    err = drop_unshown_pictures(r);
  return err;
}

/* ---- pages --------------------------------------------------------------- */

static scr_error write_page(site_run *r, const char *name,
                            scr_error (*make)(const scr_site *, char **,
                                              size_t *)) {
  char *html = NULL;
  size_t len = 0;
  scr_error err = make(&r->site, &html, &len);
  if (!err)
    err = write_if_changed(r, name, html, len);
  free(html);
  return err;
}

static scr_error write_pages(site_run *r) {
  scr_error err = write_page(r, SCR_SITE_INDEX, scr_site_index_html);
  if (!err)
    err = write_page(r, SCR_SITE_WORKPROGRAMME, scr_site_workprogramme_html);
  for (size_t i = 0; i < r->site.n_meetings && !err; i++) {
    const scr_site_meeting *m = &r->site.meetings[i];
    char *html = NULL;
    size_t len = 0;
    err = scr_site_meeting_html(&r->site, m, &html, &len);
    if (!err)
      err = write_if_changed(r, m->page, html, len);
    free(html);
  }
  if (!err)
    err = write_if_changed(r, SCR_SITE_CSS, scr_site_css(),
                           strlen(scr_site_css()));
  return err;
}

/* Files of documents the previous build made and this one no longer has
   (a tracker as of another day, an agenda withdrawn). */
static void remove_stale(site_run *r) {
  static const char *const EXTS[] = {"docx", "odt", "pdf", "csv"};
  for (size_t i = 0; i < r->old.n; i++) {
    const char *stem = r->old.docs[i].stem;
    bool current = false;
    for (size_t k = 0; k < r->site.n_docs; k++)
      current = current || strcmp(r->site.docs[k].stem, stem) == 0;
    if (current || strchr(stem, '/') || stem[0] == '.')
      continue;
    (void)withdraw_appendix_files(r, stem, NULL);
    for (size_t e = 0; e < sizeof EXTS / sizeof *EXTS; e++) {
      char *name = scr_asprintf("%s.%s", stem, EXTS[e]);
      char *path = name ? site_path(r, name) : NULL;
      if (path && unlink(path) == 0 && !r->opts->quiet)
        printf("removed %s\n", path);
      free(name);
      free(path);
    }
  }
}

/* ---- the run ------------------------------------------------------------- */

static unsigned site_formats(const scr_options *opts) {
  if (opts->formats)
    return opts->formats;
  unsigned f = SCR_FORMAT_DOCX | SCR_FORMAT_ODT;
  return scr_office_available() ? f | SCR_FORMAT_PDF : f;
}

static void site_free(site_run *r) {
  for (size_t i = 0; i < r->site.n_docs; i++) {
    free(r->site.docs[i].pages_docx);
    free(r->site.docs[i].pages_odt);
  }
  free(r->site.docs);
  free(r->site.meetings);
  scr_tracker_free(&r->site.tracker);
  scr_site_manifest_free(&r->old);
  free(r->sums);
}

static scr_error site_build(site_run *r) {
  scr_site *site = &r->site;
  const scr_session *s = site->s;
  scr_error err = ensure_dir(r->dir);
  if (!err)
    err = scr_site_manifest_read(r->dir, &r->old);
  if (!err)
    err = scr_tracker_build(&s->book, &s->wp, s->agendas, s->n_agendas,
                            site->today, &site->tracker, NULL);
  if (!err)
    err = make_documents(r);
  if (err || r->staging)
    return err;
  err = gather_meetings(site);
  if (!err)
    err = write_reports(r);
  if (!err)
    err = write_pages(r);
  char cal_hash[SCR_DIGEST_HEX] = "", cal_stamp[32] = "";
  if (!err)
    err = write_calendar(r, cal_hash, cal_stamp);
  if (!err)
    err = write_feed(r);
  if (!err)
    err = manifest_write(r, cal_hash, cal_stamp);
  snprintf(r->cal_stamp, sizeof r->cal_stamp, "%s", cal_stamp);
  if (!err)
    remove_stale(r);
  return err;
}

static scr_error build_council_site(const char *path, const scr_options *opts,
                                    scr_date today);

scr_error scr_build_site(const char *workspace, const scr_options *opts) {
  site_run r = {.opts = opts};
  r.dir = opts->out_dir ? opts->out_dir : "site";
  r.site.today = scr_system_today();
  if (opts->today && !scr_date_parse(opts->today, &r.site.today))
    return SCR_E_USAGE;
  if (scr_is_council_root(workspace))
    return build_council_site(workspace, opts, r.site.today);
  r.formats = site_formats(opts);
  utc_now(r.now, sizeof r.now, false);
  scr_session s;
  scr_error err = scr_session_open(&s, workspace, opts);
  r.site.s = r.session = &s;
  if (!err)
    err = site_build(&r);
  if (!err && !opts->quiet)
    printf("site: %zu document%s built, %zu unchanged\n", r.built,
           r.built == 1 ? "" : "s", r.kept);
  site_free(&r);
  scr_session_close(&s);
  return err;
}

/* ---- a council's site ---------------------------------------------------- */

/* What the council's pages need of a committee's site, copied into `cs`
   before the committee's session closes. */
static scr_error council_take(scr_council_site *cs, const site_run *r,
                              const char *slug) {
  const scr_committee *c = &r->site.s->ws.committee;
  scr_council_entry *e = &cs->committees[cs->n_committees++];
  *e = (scr_council_entry){0};
  snprintf(e->name, sizeof e->name, "%s", c->name);
  snprintf(e->slug, sizeof e->slug, "%s", slug);
  size_t n = (c->chair != NULL) + (c->vice_chair != NULL) + c->n_members +
             c->n_co_opted;
  e->members = calloc(n + 1, sizeof *e->members);
  if (!e->members)
    return SCR_E_NOMEM;
  if (c->chair)
    e->members[e->n_members++] = scr_asprintf("%s (Chair)", c->chair);
  if (c->vice_chair)
    e->members[e->n_members++] = scr_asprintf("%s (Vice-Chair)", c->vice_chair);
  for (size_t i = 0; i < c->n_members; i++)
    e->members[e->n_members++] = scr_strdup(c->members[i]);
  for (size_t i = 0; i < c->n_co_opted; i++)
    e->members[e->n_members++] = scr_asprintf("%s (co-opted)", c->co_opted[i]);
  for (size_t i = 0; i < e->n_members; i++)
    if (!e->members[i])
      return SCR_E_NOMEM;
  for (size_t i = 0; i < r->site.n_meetings; i++) {
    const scr_site_meeting *m = &r->site.meetings[i];
    if (scr_reserve(&cs->meetings, &cs->cap_meetings, cs->n_meetings + 1,
                    sizeof *cs->meetings))
      return SCR_E_NOMEM;
    scr_council_meeting *cm = &cs->meetings[cs->n_meetings++];
    *cm = (scr_council_meeting){.date = m->date, .time = m->time};
    snprintf(cm->committee, sizeof cm->committee, "%s", c->name);
    snprintf(cm->slug, sizeof cm->slug, "%s", slug);
    snprintf(cm->venue, sizeof cm->venue, "%s", m->venue ? m->venue : "");
    snprintf(cm->page, sizeof cm->page, "committees/%s/%s", slug, m->page);
    char uuid[48];
    stable_uuid(c, m->page, uuid);
    snprintf(cm->uid, sizeof cm->uid, "%s@scrutineer", uuid);
    cm->summary = agenda_summary(m);
    if (!cm->summary)
      return SCR_E_NOMEM;
    e->upcoming += scr_date_cmp(m->date, cs->today) >= 0;
    if (!m->pack || !m->pack->n_files)
      continue;
    cm->published = true;
    snprintf(cm->pack_stem, sizeof cm->pack_stem, "%s", m->pack->stem);
    snprintf(cm->pack_title, sizeof cm->pack_title, "%s", m->pack->title);
    snprintf(cm->pack_built, sizeof cm->pack_built, "%s", m->pack->built);
    memcpy(cm->files, m->pack->files, sizeof cm->files);
    cm->n_files = m->pack->n_files;
  }
  return SCR_OK;
}

static void council_site_free(scr_council_site *cs) {
  for (size_t i = 0; i < cs->n_meetings; i++)
    free(cs->meetings[i].summary);
  free(cs->meetings);
  for (size_t i = 0; i < cs->n_committees; i++)
    scr_free_list(cs->committees[i].members, cs->committees[i].n_members);
  free(cs->committees);
}

/* The whole council's run: its folder, its formats, and the one LibreOffice
   its committees' documents are laid out by. */
typedef struct council_run {
  const scr_council *council;
  const scr_options *opts;
  const char *dir;
  unsigned formats;
  char now[32];
  scr_council_site cs;
  scr_layouts *layouts;
  char cal_stamp[32]; /* the latest of the committees' calendars */
  size_t built, kept;
  size_t warnings; /* the committees' */
  bool failed;     /* a committee has errors: nothing is written */
  FILE *quiet;     /* where a committee's diagnostics go the second time */
  char inputs[SCR_DIGEST_HEX]; /* of every file of the council, and the run */
} council_run;

/* The committee's folder name, which names its part of the site. */
static const char *committee_slug(const scr_council_committee *cc) {
  const char *slash = strrchr(cc->folder, '/');
  return slash ? slash + 1 : cc->folder;
}

/* What a pass over the council does with each committee. */
typedef enum council_pass {
  PASS_CHECK, /* read and check it, printing its diagnostics */
  PASS_STAGE, /* stage its documents to make for the one LibreOffice run */
  PASS_MAKE   /* make its documents and write its site */
} council_pass;

/* One committee's site, in committees/SLUG/, as `pass` says. */
static scr_error council_committee(council_run *cr, size_t i,
                                   council_pass pass) {
  bool staging = pass == PASS_STAGE;
  const scr_council_committee *cc = &cr->council->committees[i];
  const char *slug = committee_slug(cc);
  char *sub = scr_asprintf("%s/committees/%s", cr->dir, slug);
  char scope[64];
  snprintf(scope, sizeof scope, "%.40s--", slug);
  /* the diagnostics were printed when the committee was checked */
  scr_options opts = *cr->opts;
  if (pass != PASS_CHECK && cr->quiet)
    opts.diagnostics = cr->quiet;
  site_run r = {
      .opts = &opts,
      .dir = sub,
      .formats = cr->formats,
      .shared = &cr->layouts,
      .staging = staging,
      .scope = scope,
      .site = {.today = cr->cs.today, .council_home = "../../index.html"}};
  snprintf(r.now, sizeof r.now, "%s", cr->now);
  scr_session s;
  scr_error err = sub ? scr_session_open(&s, cc->folder, &opts) : SCR_E_NOMEM;
  r.site.s = r.session = &s;
  if (!err && pass != PASS_CHECK)
    err = site_build(&r);
  if (!err && pass == PASS_MAKE)
    err = council_take(&cr->cs, &r, slug);
  if (!err && pass == PASS_MAKE && strcmp(r.cal_stamp, cr->cal_stamp) > 0)
    snprintf(cr->cal_stamp, sizeof cr->cal_stamp, "%s", r.cal_stamp);
  cr->built += r.built;
  cr->kept += r.kept;
  if (pass == PASS_CHECK && sub)
    cr->warnings += s.diags.count - s.diags.errors;
  site_free(&r);
  if (sub)
    scr_session_close(&s);
  free(sub);
  return err;
}

static int council_meeting_cmp(const void *a, const void *b) {
  const scr_council_meeting *x = a, *y = b;
  int c = scr_date_cmp(x->date, y->date);
  if (!c)
    c = (x->time > y->time) - (x->time < y->time);
  return c ? c : strcmp(x->committee, y->committee);
}

/* The council's writes go through a run of its own folder. */
static site_run council_writer(const council_run *cr) {
  return (site_run){.opts = cr->opts, .dir = cr->dir};
}

/* meetings.ics of every committee's meetings, each the same event as in
   its committee's calendar. */
static scr_error council_calendar(council_run *cr) {
  size_t n = cr->cs.n_meetings;
  scr_ical_event *ev = calloc(n + 1, sizeof *ev);
  if (!ev)
    return SCR_E_NOMEM;
  for (size_t i = 0; i < n; i++) {
    const scr_council_meeting *m = &cr->cs.meetings[i];
    ev[i] = (scr_ical_event){
        m->uid,     m->committee, m->venue[0] ? m->venue : NULL,
        m->summary, m->date,      m->time};
  }
  char stamp[32];
  if (cr->cal_stamp[0])
    snprintf(stamp, sizeof stamp, "%s", cr->cal_stamp);
  else
    utc_now(stamp, sizeof stamp, true);
  size_t len = 0;
  char *ics = scr_ical_calendar(cr->council->name, ev, n, stamp, &len);
  site_run w = council_writer(cr);
  scr_error err =
      ics ? write_if_changed(&w, SCR_SITE_ICS, ics, len) : SCR_E_NOMEM;
  free(ics);
  free(ev);
  return err;
}

/* feed.xml: every committee's published packs, the newest meeting first. */
static scr_error council_feed(council_run *cr) {
  const scr_council_site *cs = &cr->cs;
  feed_entry *fe = calloc(cs->n_meetings + 1, sizeof *fe);
  scr_atom_entry *entries = calloc(cs->n_meetings + 1, sizeof *entries);
  scr_error err = fe && entries ? SCR_OK : SCR_E_NOMEM;
  size_t n = 0;
  char updated[32] = "";
  for (size_t i = cs->n_meetings; i-- > 0 && !err;) {
    const scr_council_meeting *m = &cs->meetings[i];
    if (!m->published)
      continue;
    feed_entry *e = &fe[n];
    /* the same entry as in the committee's own feed */
    scr_committee c = {.council = cr->council->name, .name = m->committee};
    char uuid[48];
    stable_uuid(&c, m->pack_stem, uuid);
    snprintf(e->id, sizeof e->id, "urn:uuid:%s", uuid);
    snprintf(e->title, sizeof e->title, "%s", m->pack_title);
    size_t k = 0;
    e->links[k++] =
        (scr_atom_link){"alternate", m->page, "text/html", NULL, -1};
    for (size_t f = 0; f < m->n_files; f++) {
      snprintf(e->hrefs[f], sizeof e->hrefs[f], "committees/%s/%s.%s", m->slug,
               m->pack_stem, m->files[f].ext);
      for (size_t ch = 0; ch + 1 < sizeof e->titles[f] && m->files[f].ext[ch];
           ch++)
        e->titles[f][ch] = (char)(m->files[f].ext[ch] - 'a' + 'A');
      e->links[k++] = (scr_atom_link){"enclosure", e->hrefs[f],
                                      scr_site_media_type(m->files[f].ext),
                                      e->titles[f], m->files[f].size};
    }
    entries[n++] = (scr_atom_entry){e->id,      e->title, m->pack_built,
                                    m->summary, e->links, k};
    if (strcmp(m->pack_built, updated) > 0)
      snprintf(updated, sizeof updated, "%s", m->pack_built);
  }
  if (!updated[0])
    snprintf(updated, sizeof updated, "%s", cr->now);
  scr_committee whole = {.council = cr->council->name, .name = ""};
  char feed_id[64], uuid[48], title[600];
  stable_uuid(&whole, "feed", uuid);
  snprintf(feed_id, sizeof feed_id, "urn:uuid:%s", uuid);
  snprintf(title, sizeof title, "%s: agenda packs", cr->council->name);
  scr_atom_feed feed = {feed_id,
                        title,
                        cr->council->name,
                        cr->council->name,
                        cr->council->enquiries,
                        updated,
                        SCR_SITE_FEED,
                        SCR_SITE_INDEX,
                        entries,
                        n};
  char *xml = NULL;
  size_t len = 0;
  if (!err)
    err = scr_atom_write(&feed, &xml, &len);
  site_run w = council_writer(cr);
  if (!err)
    err = write_if_changed(&w, SCR_SITE_FEED, xml, len);
  free(xml);
  free(fe);
  free(entries);
  return err;
}

/* The council's own pages: its index, the stylesheet, the calendar and
   the feed of every committee. */
static scr_error council_pages(council_run *cr) {
  qsort(cr->cs.meetings, cr->cs.n_meetings, sizeof *cr->cs.meetings,
        council_meeting_cmp);
  char *html = NULL;
  size_t len = 0;
  site_run w = council_writer(cr);
  scr_error err = scr_site_council_html(&cr->cs, &html, &len);
  if (!err)
    err = write_if_changed(&w, SCR_SITE_INDEX, html, len);
  free(html);
  if (!err)
    err = write_if_changed(&w, SCR_SITE_CSS, scr_site_css(),
                           strlen(scr_site_css()));
  if (!err)
    err = council_calendar(cr);
  if (!err)
    err = council_feed(cr);
  return err;
}

/*
 * Every committee's site under committees/, then the council's pages.
 * Each committee is first read and checked; when none has errors, with
 * PDF each one's documents to make are staged and all laid out by one
 * LibreOffice run; each committee is then read again and built (with
 * those layouts). A council's sessions are not all kept open at once, and
 * none may be written while another has errors: its sources are read two
 * times, or three with PDF.
 */
static scr_error council_site(council_run *cr) {
  const scr_council *council = cr->council;
  cr->cs.committees =
      calloc(council->n_committees + 1, sizeof *cr->cs.committees);
  scr_error err = cr->cs.committees ? SCR_OK : SCR_E_NOMEM;
  /* every committee checked, its diagnostics printed however many have
     errors, before any file of any is touched */
  for (size_t i = 0; !err && i < council->n_committees; i++) {
    scr_error e = council_committee(cr, i, PASS_CHECK);
    if (e == SCR_E_SOURCE)
      cr->failed = true;
    else
      err = e;
  }
  if (!err && cr->failed)
    err = SCR_E_SOURCE;
  char *committees = scr_asprintf("%s/committees", cr->dir);
  if (!err)
    err = committees ? ensure_dir(cr->dir) : SCR_E_NOMEM;
  if (!err)
    err = ensure_dir(committees);
  free(committees);
  bool pdf = cr->formats & SCR_FORMAT_PDF;
  for (size_t i = 0; !err && pdf && i < council->n_committees; i++)
    err = council_committee(cr, i, PASS_STAGE);
  if (!err && cr->layouts)
    err = scr_layouts_convert(cr->layouts);
  for (size_t i = 0; !err && i < council->n_committees; i++)
    err = council_committee(cr, i, PASS_MAKE);
  if (!err)
    err = council_pages(cr);
  return err;
}

/* ---- a council with nothing changed ------------------------------------- */

/*
 * A council's files are many (40 committees hold some 6,000), and reading
 * and checking all of them again takes seconds. So the council's folder
 * records, in SCR_COUNCIL_MANIFEST, a digest of every file of the council
 * as `stat` gives it (name, size, time of change, inode) with what the run
 * was asked, and one of every file it wrote: when both are as recorded,
 * nothing the site shows can have changed, and nothing is read again.
 * Any change at all (a file edited, added, removed, touched; another day;
 * other formats; another version) makes the whole build run as usual,
 * with its exact dependencies.
 */
#define SCR_COUNCIL_MANIFEST ".scrutineer-council.tsv"

typedef struct tree_walk {
  scr_digest *d;
  dev_t skip_dev; /* a folder left out: the site's own, when inside */
  ino_t skip_ino;
  const char *skip_name; /* a file left out: the council manifest */
} tree_walk;

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

/* Every regular file under `dir` (`rel` from the top), by name, into the
   walk's digest. */
static scr_error walk_tree(const char *dir, const char *rel, tree_walk *w) {
  struct dirent **names = NULL;
  int n = scandir(dir, &names, NULL, by_name);
  if (n < 0)
    return SCR_E_IO;
  scr_error err = SCR_OK;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    bool dots = strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
    char *path = dots ? NULL : scr_path_join(dir, name);
    char *sub = dots ? NULL : scr_asprintf("%s%s", rel, name);
    struct stat st;
    if (dots || err) {
      /* nothing */
    } else if (!path || !sub) {
      err = SCR_E_NOMEM;
    } else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (st.st_dev != w->skip_dev || st.st_ino != w->skip_ino) {
        char *deeper = scr_asprintf("%s/", sub);
        err = deeper ? walk_tree(path, deeper, w) : SCR_E_NOMEM;
        free(deeper);
      }
    } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
               !(w->skip_name && strcmp(sub, w->skip_name) == 0)) {
      char line[96];
      snprintf(line, sizeof line, "%lld %lld.%09ld %llu", (long long)st.st_size,
               (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
               (unsigned long long)st.st_ino);
      scr_digest_add_str(w->d, sub, line);
    }
    free(path);
    free(sub);
  }
  for (int i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return err;
}

/* The digest of every file of the council (but the site's own folder) and
   of what the run was asked. */
static scr_error council_inputs(const char *root, const council_run *cr,
                                scr_date today, char hex[SCR_DIGEST_HEX]) {
  scr_digest d;
  scr_digest_init(&d);
  tree_walk w = {.d = &d};
  struct stat out;
  if (stat(cr->dir, &out) == 0) {
    w.skip_dev = out.st_dev;
    w.skip_ino = out.st_ino;
  }
  char day[16], formats[16];
  scr_date_format(today, SCR_DATE_ISO, day, sizeof day);
  snprintf(formats, sizeof formats, "%u", cr->formats);
  scr_digest_add_str(&d, "version", SCR_VERSION);
  scr_digest_add_str(&d, "today", day);
  scr_digest_add_str(&d, "formats", formats);
  scr_digest_add_str(&d, "strict", cr->opts->strict ? "yes" : "no");
  scr_digest_add_str(&d, "template", cr->opts->template_path);
  scr_error err = walk_tree(root, "", &w);
  if (!err && cr->opts->template_path) {
    struct stat st;
    char line[64] = "-";
    if (stat(cr->opts->template_path, &st) == 0)
      snprintf(line, sizeof line, "%lld %lld.%09ld", (long long)st.st_size,
               (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    scr_digest_add_str(&d, "template file", line);
  }
  scr_digest_hex(&d, hex);
  return err;
}

/* The digest of every file in the site's folder but the manifest. */
static scr_error council_outputs(const char *dir, char hex[SCR_DIGEST_HEX]) {
  scr_digest d;
  scr_digest_init(&d);
  tree_walk w = {.d = &d, .skip_name = SCR_COUNCIL_MANIFEST};
  scr_error err = walk_tree(dir, "", &w);
  scr_digest_hex(&d, hex);
  return err;
}

/* The manifest's text: the inputs' and outputs' digests, and what the
   build that wrote them said. */
static char *council_record(const council_run *cr, const char *outputs) {
  return scr_asprintf("scrutineer-council\t1\ninputs\t%s\noutputs\t%s\n"
                      "committees\t%zu\ndocuments\t%zu\nwarnings\t%zu\n",
                      cr->inputs, outputs, cr->council->n_committees,
                      cr->built + cr->kept, cr->warnings);
}

/* True when the council's files and the site's are as the last build
   left them; what it said is then said again. */
static bool council_unchanged(const council_run *cr) {
  char *path = scr_path_join(cr->dir, SCR_COUNCIL_MANIFEST);
  char *old = NULL;
  size_t len = 0;
  bool same = false;
  if (path && scr_read_file(path, 4096, &old, &len) == SCR_OK) {
    char outputs[SCR_DIGEST_HEX], inputs[SCR_DIGEST_HEX];
    size_t committees = 0, documents = 0, warnings = 0;
    same = sscanf(old,
                  "scrutineer-council\t1\ninputs\t%64s\noutputs\t%64s\n"
                  "committees\t%zu\ndocuments\t%zu\nwarnings\t%zu\n",
                  inputs, outputs, &committees, &documents, &warnings) == 5 &&
           strcmp(inputs, cr->inputs) == 0;
    char now[SCR_DIGEST_HEX];
    same = same && council_outputs(cr->dir, now) == SCR_OK &&
           strcmp(now, outputs) == 0;
    if (same && !cr->opts->quiet)
      printf("site: %zu committee%s, 0 documents built, %zu unchanged; "
             "nothing changed since the last build%s\n",
             committees, committees == 1 ? "" : "s", documents,
             warnings ? " (its warnings: scrutineer check)" : "");
  }
  free(old);
  free(path);
  return same;
}

/* Record the inputs and outputs of a build that worked. */
static scr_error council_remember(const council_run *cr) {
  char outputs[SCR_DIGEST_HEX];
  scr_error err = council_outputs(cr->dir, outputs);
  char *text = err ? NULL : council_record(cr, outputs);
  char *path = scr_path_join(cr->dir, SCR_COUNCIL_MANIFEST);
  if (!err)
    err = text && path ? scr_file_write_atomic(path, text, strlen(text))
                       : SCR_E_NOMEM;
  free(text);
  free(path);
  return err;
}

static scr_error build_council_site(const char *path, const scr_options *opts,
                                    scr_date today) {
  scr_diags diags;
  scr_diags_init(&diags);
  scr_council council;
  scr_error err = scr_council_open(path, &council, &diags);
  scr_diags_print(&diags, opts->diagnostics ? opts->diagnostics : stderr);
  if (!err && diags.errors)
    err = SCR_E_SOURCE;
  scr_diags_free(&diags);
  council_run cr = {.council = &council,
                    .opts = opts,
                    .dir = opts->out_dir ? opts->out_dir : "site",
                    .formats = site_formats(opts),
                    .cs = {.council = &council, .today = today}};
  utc_now(cr.now, sizeof cr.now, false);
  cr.quiet = fopen("/dev/null", "w");
  /* taken before anything is read, so that an edit during the build makes
     the next one run in full */
  bool known = !err && council_inputs(path, &cr, today, cr.inputs) == SCR_OK;
  if (known && council_unchanged(&cr)) {
    if (cr.quiet)
      fclose(cr.quiet);
    scr_council_free(&council);
    return SCR_OK;
  }
  if (!err)
    err = council_site(&cr);
  if (!err && known)
    err = council_remember(&cr);
  if (!err && !opts->quiet)
    printf("site: %zu committee%s, %zu document%s built, %zu unchanged\n",
           council.n_committees, council.n_committees == 1 ? "" : "s", cr.built,
           cr.built == 1 ? "" : "s", cr.kept);
  scr_layouts_close(cr.layouts);
  if (cr.quiet)
    fclose(cr.quiet);
  council_site_free(&cr.cs);
  scr_council_free(&council);
  return err;
}
