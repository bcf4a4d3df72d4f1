/* An agenda: items, their attributes, and the appendices they name. */
#include "agenda_lint.h"
#include "ahead.h"
#include "attrs.h"
#include "model.h"
#include "pdfin.h"
#include "report.h"
#include "script.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void scr_appendix_label(size_t i, bool numbers, char *out, size_t n) {
  if (numbers) {
    snprintf(out, n, "%zu", i + 1);
    return;
  }
  /* bijective base 26: A..Z, AA..AZ, BA.. */
  char tmp[16];
  size_t len = 0;
  for (size_t v = i + 1; v > 0 && len < sizeof tmp; v = (v - 1) / 26)
    tmp[len++] = (char)('A' + (v - 1) % 26);
  size_t w = 0;
  while (len > 0 && w + 1 < n)
    out[w++] = tmp[--len];
  out[w] = '\0';
}

/* ---- heading attributes: `## Title {exempt=3 to-follow answers=222.1}` --- */

typedef struct attr_ctx {
  scr_item *item;
  const char *path;
  scr_diags *diags;
} attr_ctx;

static void apply_attribute(void *ctx, const char *key, const char *value,
                            int line, int col) {
  attr_ctx *a = ctx;
  scr_item *item = a->item;
  if (strcmp(key, "exempt") == 0) {
    int p = strlen(value) == 1 ? value[0] - '0' : 0;
    if (p < 1 || p > 7)
      scr_error_at(a->diags, a->path, line, col,
                   "exempt= must name a paragraph 1-7 of Schedule 12A, not "
                   "'%s'",
                   value);
    item->exempt = p >= 1 && p <= 7 ? p : 0;
  } else if (strcmp(key, "to-follow") == 0) {
    item->to_follow = true;
  } else {
    free(item->answers);
    item->answers = scr_strdup(value);
  }
}

/* ---- appendices ------------------------------------------------------------
 */

static bool is_appendix_link(cmark_node *link) {
  char *text = scr_node_text(link);
  bool yes = text && strcmp(text, "Appendix") == 0;
  free(text);
  return yes;
}

/* ---- links to reports that are not [Appendix] links --------------------
 */

/* The length of a link target's path, up to any `?` or `#`, when it names
   a file of a kind an appendix is (in the workspace or not); 0 for a web
   page, a heading of the source, or any other file. */
static size_t report_path_length(const char *url) {
  if (!url || !*url || url[0] == '#' || scr_url_is_external(url))
    return 0;
  size_t len = strcspn(url, "?#");
  static const char *const KINDS[] = {".md", ".docx", ".odt", ".pdf"};
  for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++) {
    size_t k = strlen(KINDS[i]);
    if (len > k && memcmp(url + len - k, KINDS[i], k) == 0)
      return len;
  }
  return 0;
}

static void warn_plain_report_link(const scr_source *src, cmark_node *link,
                                   const char *url, size_t len,
                                   scr_diags *diags) {
  char *text = scr_node_text(link);
  bool minutes = strncmp(url, "minutes/", 8) == 0 || strstr(url, "/minutes/");
  scr_warn_at(diags, src->path, scr_source_line(src, link),
              cmark_node_get_start_column(link),
              "link '%s' links %s but is not an appendix: write "
              "[Appendix](%.*s) to include it as an appendix (the pack "
              "shows the link's words as plain text, as a file beside the "
              "pack leads nowhere)",
              text ? text : "", minutes ? "minutes" : "a report", (int)len,
              url);
  free(text);
}

/*
 * A link to a report or minutes file that is not an [Appendix] link: in a
 * pack it would lead to a .md file that is not there. Its target is taken
 * away, so that every writer shows its words as plain text, and it is said
 * at the link when the source is first read (`diags` NULL: a tree parsed
 * again, already said).
 */
static void plain_report_links(const scr_source *src, scr_diags *diags) {
  if (!src->doc || src->embedded)
    return;
  cmark_iter *it = cmark_iter_new(src->doc);
  if (!it) {
    if (diags)
      diags->out_of_memory = 1;
    return;
  }
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK ||
        is_appendix_link(n))
      continue;
    const char *url = cmark_node_get_url(n);
    size_t len = report_path_length(url);
    if (!len)
      continue;
    if (diags)
      warn_plain_report_link(src, n, url, len, diags);
    cmark_node_set_url(n, "");
  }
  cmark_iter_free(it);
}

static scr_appendix_kind kind_of(const scr_workspace *ws, const char *real) {
  if (!scr_workspace_holds(ws, real))
    return SCR_APPENDIX_REPORT; /* another committee's report */
  size_t n = strlen(ws->root_real);
  const char *rel = real + n + (ws->root_real[n - 1] == '/' ? 0 : 1);
  if (strncmp(rel, "minutes/", 8) == 0)
    return SCR_APPENDIX_MINUTES;
  if (strcmp(rel, "agendas/workprogramme.md") == 0)
    return SCR_APPENDIX_WORKPROGRAMME;
  return SCR_APPENDIX_REPORT;
}

/* The title an appendix shows under its label. Caller frees. */
static char *appendix_title(scr_appendix *ap) {
  const char *t = scr_meta_string(ap->meta, "title");
  if (t)
    return scr_strdup(t);
  if (ap->minutes) {
    char when[64];
    scr_date_format(ap->minutes->date, SCR_DATE_WEEKDAY, when, sizeof when);
    return scr_asprintf("Minutes of the meeting held on %s", when);
  }
  if (ap->kind == SCR_APPENDIX_WORKPROGRAMME)
    return scr_strdup("Work programme");
  for (cmark_node *n = cmark_node_first_child(ap->src->doc); n;
       n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
      return scr_node_text(n);
  return scr_path_stem(ap->path);
}

/* `language:` names the language the report is written in: a BCP 47 tag
   the writers can use, and one whose script is known, or it is said that
   its text is tagged but set as the body's. */
static void check_report_language(const scr_source *src, scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(src->meta, "language");
  if (!v)
    return;
  const char *tag = v->kind == SCR_Y_SCALAR ? v->scalar : NULL;
  scr_language_fit fit = scr_language_check(tag);
  if (fit == SCR_LANGUAGE_MALFORMED)
    scr_error_at(diags, src->path, v->line, v->col,
                 "language: '%s' is not a language tag; write the "
                 "language's code, with its script or country where it "
                 "needs one (cy, pl, ur, pa-Arab, zh-Hant)",
                 tag ? tag : "(not a single value)");
  else if (fit == SCR_LANGUAGE_UNKNOWN)
    scr_warn_at(diags, src->path, v->line, v->col,
                "language: '%s' is not a language scrutineer knows the "
                "script of; its text is tagged '%s' where it is in Latin, "
                "Greek or Cyrillic letters (for another script, name it "
                "in the tag, as in 'sd-Arab')",
                tag, tag);
}

static void check_appendix_meta(scr_appendix *ap, scr_diags *diags) {
  scr_meta_check_keys(ap->src, SCR_FIELDS_REPORT, diags);
  scr_date date;
  scr_meta_date(ap->src, "date", &date, diags);
  check_report_language(ap->src, diags);
}

/*
 * The appendix whose identity is `real`: found (*added false), or appended
 * with the next letter (*added true). Takes `display` and `real` either
 * way; NULL when out of memory.
 */
static scr_appendix *reserve_appendix(const scr_workspace *ws, scr_agenda *ag,
                                      char *display, char *real, size_t *index,
                                      bool *added) {
  *added = false;
  for (size_t i = 0; real && i < ag->n_appendices; i++)
    if (strcmp(ag->appendices[i].real, real) == 0) {
      free(display);
      free(real);
      *index = i;
      return &ag->appendices[i];
    }
  if (!real || scr_reserve(&ag->appendices, &ag->cap_appendices,
                           ag->n_appendices + 1, sizeof *ag->appendices)) {
    free(display);
    free(real);
    return NULL;
  }
  scr_appendix *ap = &ag->appendices[ag->n_appendices];
  *ap = (scr_appendix){.path = display, .real = real};
  *index = ag->n_appendices++;
  scr_appendix_label(*index, ws->committee.number_appendices, ap->label,
                     sizeof ap->label);
  snprintf(ap->bookmark, sizeof ap->bookmark, "Appendix_%s", ap->label);
  snprintf(ap->end_bookmark, sizeof ap->end_bookmark, "Appendix_%s_end",
           ap->label);
  *added = true;
  return ap;
}

/* Where a link is, for what is said about the file it names. */
typedef struct link_at {
  const scr_source *src;
  int line, col;
  const char *url; /* the target as the link writes it */
} link_at;

/* What reading a PDF found, said at the link to it: a PDF has no lines,
   and the officer fixes the link or the file it names. */
static void said_at_link(const link_at *at, const char *display,
                         scr_diags *found, scr_diags *diags) {
  for (size_t i = 0; i < found->count; i++) {
    const scr_diag *d = &found->items[i];
    scr_diag_add(diags, d->severity, at->src->path, at->line, at->col,
                 "appendix '%s' %s", at->url ? at->url : display, d->message);
  }
  if (found->out_of_memory)
    diags->out_of_memory = 1;
  scr_diags_free(found);
}

/* A PDF's pages without text are pictures (a scan): nobody who cannot see
   them can read them. */
static void check_pdf_text(const link_at *at, const scr_appendix *ap,
                           scr_diags *diags) {
  const struct scr_pdf *pdf = ap->src->pdf;
  size_t n = scr_pdf_page_count(pdf), bare = 0, first = 0;
  for (size_t i = 0; i < n; i++)
    if (!*scr_pdf_page_text(pdf, i) && bare++ == 0)
      first = i + 1;
  if (bare == 1)
    scr_warn_at(diags, at->src->path, at->line, at->col,
                "appendix '%s' is not accessible: its page %zu is a picture "
                "with no text, such as a scan, which screen readers cannot "
                "read; ask its author for a PDF with text, or for the "
                "report as a Word or Markdown file",
                at->url ? at->url : ap->path, first);
  else if (bare)
    scr_warn_at(diags, at->src->path, at->line, at->col,
                "appendix '%s' is not accessible: %zu of its %zu pages (the "
                "first is page %zu) are pictures with no text, such as "
                "scans, which screen readers cannot read; ask its author for "
                "a PDF with text, or for the report as a Word or Markdown "
                "file",
                at->url ? at->url : ap->path, bare, n, first);
}

/* The appendix for a target, added (and loaded) on first reference. */
static scr_error add_appendix(const scr_workspace *ws,
                              const scr_minutes_book *book, scr_agenda *ag,
                              char *display, char *real, size_t *index,
                              const link_at *at, scr_diags *diags) {
  bool added;
  scr_appendix *ap = reserve_appendix(ws, ag, display, real, index, &added);
  if (!ap)
    return SCR_E_NOMEM;
  if (!added)
    return SCR_OK;
  ap->kind = kind_of(ws, real);
  if (ap->kind == SCR_APPENDIX_MINUTES) {
    /* minutes are loaded, numbered and checked once, with all the others */
    ap->minutes = scr_minutes_find(book, real);
    if (!ap->minutes)
      return SCR_E_SOURCE;
    ap->src = ap->minutes->src;
    ap->meta = ap->src->meta;
    ap->title = appendix_title(ap);
    return ap->title ? SCR_OK : SCR_E_NOMEM;
  }
  bool pdf = scr_report_is_pdf(real);
  scr_diags found;
  scr_diags_init(&found);
  ap->src = scr_ahead_take(ws->ahead, display, false, pdf ? &found : diags);
  if (pdf)
    said_at_link(at, ap->path, &found, diags);
  if (!ap->src)
    return SCR_E_SOURCE;
  if (pdf)
    check_pdf_text(at, ap, diags);
  ap->meta = ap->src->meta;
  check_appendix_meta(ap, diags);
  ap->title = appendix_title(ap);
  scr_images_load(ws, ap->src, diags);
  return ap->title ? SCR_OK : SCR_E_NOMEM;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/*
 * What the text holding a link says about the appendices it names: the
 * agenda item it sits under, or the appendix whose report it is in. An
 * appendix is exempt when any exempt item leads to it, and to follow when
 * a {to-follow} item does.
 */
typedef struct scope {
  int exempt;     /* Schedule 12A paragraph, 0 when public */
  bool to_follow; /* the item's reports are late */
} scope;

/*
 * The files whose [Appendix] links are being followed: the agenda, then
 * each report that links the next. A link back to one of them is a cycle.
 */
typedef struct chain {
  const char *real;
  const char *path;
  const struct chain *up;
} chain;

static const chain *chain_find(const chain *c, const char *real) {
  for (; c; c = c->up)
    if (strcmp(c->real, real) == 0)
      return c;
  return NULL;
}

static scr_error collect_refs(const scr_workspace *ws,
                              const scr_minutes_book *book,
                              const scr_load_hook *hook, scr_agenda *ag,
                              const scr_source *src, const chain *from,
                              scope sc, scr_diags *diags);

/* Whether canonical path `real`, outside the committee's own folder, is
   a minutes file or the work programme of the council's committee it is
   in (committees/NAME/minutes/..., committees/NAME/agendas/workprogramme.md):
   those belong to that committee's own record. */
static bool others_records(const scr_workspace *ws, const char *real) {
  if (!ws->council || !ws->council->root_real || scr_workspace_holds(ws, real))
    return false;
  const char *council = ws->council->root_real;
  size_t n = strlen(council);
  if (strncmp(real, council, n) != 0 ||
      strncmp(real + n, "/committees/", 12) != 0)
    return false;
  const char *rel = strchr(real + n + 12, '/'); /* after NAME */
  return rel && (strncmp(rel, "/minutes/", 9) == 0 ||
                 strcmp(rel, "/agendas/workprogramme.md") == 0);
}

/* Resolve one [Appendix] link of `src`; *real is NULL when it is unusable. */
static void resolve_link(const scr_workspace *ws, const scr_source *src,
                         cmark_node *n, char **display, char **real,
                         scr_diags *diags) {
  const char *url = cmark_node_get_url(n);
  int line = scr_source_line(src, n);
  int col = cmark_node_get_start_column(n);
  *display = *real = NULL;
  if (!url || !*url || url[0] == '#' || scr_url_is_external(url)) {
    scr_error_at(diags, src->path, line, col,
                 "an [Appendix](...) link must name a report in the "
                 "workspace, not '%s'",
                 url ? url : "");
    return;
  }
  if (scr_resolve_target(ws, src->path, url, line, col, "appendix", diags,
                         display, real) != SCR_OK)
    return;
  if (others_records(ws, *real)) {
    scr_error_at(diags, src->path, line, col,
                 "appendix target '%s' is another committee's minutes or "
                 "work programme: only reports may be shared with another "
                 "committee's agenda",
                 url);
    free(*display);
    free(*real);
    *display = *real = NULL;
  } else if (!ends_with(*real, ".md") && !scr_report_is_office(*real) &&
             !scr_report_is_pdf(*real)) {
    scr_error_at(diags, src->path, line, col,
                 "appendix target '%s' is not a report scrutineer reads: "
                 "Markdown (.md), Word (.docx), LibreOffice (.odt) or PDF "
                 "(.pdf)",
                 url);
    free(*display);
    free(*real);
    *display = *real = NULL;
  }
}

/*
 * The display path of a late report's link whose file is not written yet,
 * or NULL (the link resolves as usual, or is an error resolve_link reports).
 * Only a plain relative path counts; the file is never read, so its place
 * needs no checking until it exists. Caller frees.
 */
static char *not_yet_written(const scr_source *src, cmark_node *n) {
  const char *url = cmark_node_get_url(n);
  if (!url || !*url || url[0] == '#' || url[0] == '/' ||
      scr_url_is_external(url) ||
      (!ends_with(url, ".md") && !scr_report_is_office(url) &&
       !scr_report_is_pdf(url)) ||
      strchr(url, '%'))
    return NULL;
  char *dir = scr_path_dirname(src->path);
  char *path = dir ? scr_path_join(dir, url) : NULL;
  free(dir);
  struct stat st;
  if (path && (lstat(path, &st) == 0 || errno != ENOENT)) {
    free(path);
    return NULL;
  }
  return path;
}

/* A reserved appendix for a late report not written yet: it keeps its
   letter; its identity is its path as written. */
static scr_error add_placeholder(const scr_workspace *ws, scr_agenda *ag,
                                 char *display, size_t *index) {
  char *real = scr_asprintf("(to follow) %s", display);
  bool added;
  scr_appendix *ap = reserve_appendix(ws, ag, display, real, index, &added);
  if (!ap)
    return SCR_E_NOMEM;
  if (!added)
    return SCR_OK;
  ap->missing = true;
  ap->kind = SCR_APPENDIX_REPORT;
  ap->title = scr_strdup("To follow");
  return ap->title ? SCR_OK : SCR_E_NOMEM;
}

/* An appendix reached again must be reached the same way: a file cannot be
   both exempt and published, nor both late and in the pack. */
static void check_same_scope(const scr_source *src, cmark_node *n,
                             const scr_appendix *ap, scope sc,
                             scr_diags *diags) {
  int line = scr_source_line(src, n), col = cmark_node_get_start_column(n);
  if ((ap->exempt != 0) != (sc.exempt != 0))
    scr_error_at(diags, src->path, line, col,
                 "Appendix %s ('%s') is linked both from an exempt item and "
                 "from public text: an exempt report cannot also be "
                 "published; link it only from exempt items",
                 ap->label, ap->path);
  else if (ap->to_follow != sc.to_follow)
    scr_error_at(diags, src->path, line, col,
                 "Appendix %s ('%s') is linked both from a {to-follow} item "
                 "and from one that is not: mark both items {to-follow}, or "
                 "neither",
                 ap->label, ap->path);
}

/*
 * An [Appendix] link of a source: the scope of the text it is in, and its
 * target, found before any link of the source is followed (so that the
 * reports among them can be read ahead) and told about when it is.
 */
typedef struct found_link {
  cmark_node *node;
  scope sc;
  char *late;           /* a late report's path, its file not written yet */
  char *display, *real; /* the target, NULL when unusable */
  scr_diags diags;      /* what finding the target found */
} found_link;

/* Find the target of link `l` of `src`. */
static void resolve_found(const scr_workspace *ws, const scr_source *src,
                          found_link *l) {
  scr_diags_init(&l->diags);
  l->late = l->sc.to_follow ? not_yet_written(src, l->node) : NULL;
  l->display = l->real = NULL;
  if (!l->late)
    resolve_link(ws, src, l->node, &l->display, &l->real, &l->diags);
}

static void found_link_free(found_link *l) {
  free(l->late);
  free(l->display);
  free(l->real);
  scr_diags_free(&l->diags);
}

/* One [Appendix] link: its appendix, and that report's own appendices. The
   link's target passes to the agenda. */
static scr_error follow_link(const scr_workspace *ws,
                             const scr_minutes_book *book,
                             const scr_load_hook *hook, scr_agenda *ag,
                             const scr_source *src, const chain *from,
                             found_link *l, scr_diags *diags) {
  scr_diags_move(diags, &l->diags);
  char *display = l->display, *real = l->real, *late = l->late;
  l->display = l->real = l->late = NULL;
  cmark_node *n = l->node;
  scope sc = l->sc;
  if (!real && !late)
    return SCR_OK;
  const chain *loop = real ? chain_find(from, real) : NULL;
  if (loop) {
    scr_error_at(diags, src->path, scr_source_line(src, n),
                 cmark_node_get_start_column(n),
                 "appendix cycle: '%s' links back to '%s', which already "
                 "includes it",
                 src->path, loop->path);
    free(display);
    free(real);
    return SCR_OK;
  }
  size_t before = ag->n_appendices, index;
  link_at at = {src, scr_source_line(src, n), cmark_node_get_start_column(n),
                cmark_node_get_url(n)};
  scr_error e =
      late ? add_placeholder(ws, ag, late, &index)
           : add_appendix(ws, book, ag, display, real, &index, &at, diags);
  if (e)
    return e == SCR_E_NOMEM ? e : SCR_OK;
  if (scr_reserve(&ag->refs, &ag->cap_refs, ag->n_refs + 1, sizeof *ag->refs))
    return SCR_E_NOMEM;
  ag->refs[ag->n_refs++] = (scr_appendix_ref){
      n, src, scr_source_line(src, n), cmark_node_get_start_column(n), index};
  scr_appendix *ap = &ag->appendices[index];
  if (ag->n_appendices == before) {
    check_same_scope(src, n, ap, sc, diags);
    return SCR_OK;
  }
  ap->exempt = sc.exempt;
  ap->to_follow = sc.to_follow;
  if (ap->kind != SCR_APPENDIX_REPORT || ap->missing)
    return SCR_OK;
  /* a report's own appendices follow it, lettered on, as it is */
  chain here = {ap->real, ap->path, from};
  e = collect_refs(ws, book, hook, ag, ap->src, &here, sc, diags);
  if (!e && hook && hook->report_loaded)
    e = hook->report_loaded(hook->ctx, ag, index);
  return e;
}

/* Every `[Appendix](file)` link in `src`, in document order; in the agenda
   itself each link takes the scope of the item it sits under. The caller
   frees *links. */
static scr_error find_links(const scr_agenda *ag, const scr_source *src,
                            scope sc, found_link **links, size_t *count) {
  *links = NULL;
  *count = 0;
  size_t cap = 0;
  /* items are in document order: the next one to open */
  size_t next_item = src == ag->src ? 0 : ag->n_items;
  cmark_iter *it = cmark_iter_new(src->doc);
  if (!it)
    return SCR_E_NOMEM;
  scr_error err = SCR_OK;
  cmark_event_type ev;
  while (!err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER)
      continue;
    if (next_item < ag->n_items && ag->items[next_item].heading == n) {
      const scr_item *item = &ag->items[next_item++];
      sc = (scope){item->exempt, item->to_follow};
    }
    if (cmark_node_get_type(n) != CMARK_NODE_LINK || !is_appendix_link(n))
      continue;
    if (scr_reserve(links, &cap, *count + 1, sizeof **links)) {
      err = SCR_E_NOMEM;
      break;
    }
    (*links)[(*count)++] = (found_link){.node = n, .sc = sc};
  }
  cmark_iter_free(it);
  return err;
}

/* Find every link's target, and name the reports among them to be read
   ahead (ahead.h). */
static void resolve_all(const scr_workspace *ws, const scr_source *src,
                        found_link *links, size_t n) {
  for (size_t i = 0; i < n; i++) {
    resolve_found(ws, src, &links[i]);
    if (links[i].real && kind_of(ws, links[i].real) == SCR_APPENDIX_REPORT)
      scr_ahead_want(ws->ahead, links[i].display, false);
  }
}

/* Follow every [Appendix] link of `src` in document order. */
static scr_error collect_refs(const scr_workspace *ws,
                              const scr_minutes_book *book,
                              const scr_load_hook *hook, scr_agenda *ag,
                              const scr_source *src, const chain *from,
                              scope sc, scr_diags *diags) {
  found_link *links;
  size_t n;
  plain_report_links(src, diags);
  scr_error err = find_links(ag, src, sc, &links, &n);
  if (!err)
    resolve_all(ws, src, links, n);
  for (size_t i = 0; !err && i < n; i++)
    err = follow_link(ws, book, hook, ag, src, from, &links[i], diags);
  for (size_t i = 0; i < n; i++)
    found_link_free(&links[i]);
  free(links);
  return err;
}

/* Exempt items are taken in private session, after every public item; a
   public item after one would be listed out of its order. */
static void warn_public_after_exempt(const scr_agenda *ag, scr_diags *diags) {
  const scr_item *first_exempt = NULL;
  for (size_t i = 0; i < ag->n_items; i++) {
    const scr_item *it = &ag->items[i];
    if (it->exempt && !first_exempt)
      first_exempt = it;
    else if (!it->exempt && first_exempt)
      scr_warn_at(diags, ag->src->path, it->line, 1,
                  "public item %d comes after exempt item %d: exempt items "
                  "are listed last, in the private session, so move it "
                  "before item %d",
                  it->number, first_exempt->number, first_exempt->number);
  }
}

static scr_error read_items(scr_agenda *ag, scr_diags *diags) {
  size_t count = 0;
  for (cmark_node *n = cmark_node_first_child(ag->src->doc); n;
       n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(n) == 2)
      count++;
  ag->items = calloc(count + 1, sizeof *ag->items);
  if (!ag->items)
    return SCR_E_NOMEM;
  scr_attr_place place;
  scr_attr_place_init(&place, ag->src, diags, "item heading");
  for (cmark_node *n = cmark_node_first_child(ag->src->doc); n;
       n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_HEADING ||
        cmark_node_get_heading_level(n) != 2)
      continue;
    scr_item *item = &ag->items[ag->n_items++];
    item->number = (int)ag->n_items;
    item->heading = n;
    item->line = scr_source_line(ag->src, n);
    attr_ctx a = {item, ag->src->path, diags};
    scr_take_attributes(n, scr_fields(SCR_FIELDS_ITEM), apply_attribute, &a,
                        &place);
    scr_item_drop_own_number(ag->src, item, diags);
    item->title = scr_node_text(n);
    if (!item->title)
      return SCR_E_NOMEM;
    if (!*item->title)
      scr_error_at(diags, ag->src->path, item->line, 1,
                   "agenda item %d has no title", item->number);
  }
  warn_public_after_exempt(ag, diags);
  scr_agenda_warn_subheadings(ag, diags);
  /* `#` links name the items by the titles shown, without attributes */
  if (scr_source_index_anchors(ag->src))
    return SCR_E_NOMEM;
  if (ag->n_items == 0)
    scr_warn_at(diags, ag->src->path, ag->src->body_line, 1,
                "the agenda has no items: write each as a `## Title` heading");
  return SCR_OK;
}

static void read_agenda_meta(const scr_workspace *ws, scr_agenda *ag,
                             scr_diags *diags) {
  const scr_source *src = ag->src;
  const scr_committee *c = &ws->committee;
  scr_meta_check_keys(src, SCR_FIELDS_AGENDA, diags);
  if (scr_meta_date(src, "date", &ag->date, diags) &&
      scr_meta_date_matches_name(src, "date", &ag->date, diags) &&
      !scr_committee_meets(c, ag->date)) {
    const scr_ynode *d = scr_meta_get(src->meta, "date");
    scr_error_at(diags, src->path, d->line, d->col,
                 "meeting %s is not in the committee's schedule "
                 "(meetings: in %s)",
                 d->scalar, c->src->path);
  }
  ag->time = c->time;
  scr_meta_time(src, "time", &ag->time, diags);
  if (ag->time < 0)
    scr_error_at(diags, src->path, src->meta_line, 1,
                 "no meeting time: give 'time' here or in %s", c->src->path);
  ag->holidays = c->holidays;
  ag->venue = scr_meta_string(src->meta, "venue");
  if (!ag->venue)
    ag->venue = c->venue;
  if (!ag->venue)
    scr_error_at(diags, src->path, src->meta_line, 1,
                 "no venue: give 'venue' here or in %s", c->src->path);
}

scr_error scr_agenda_load(const scr_workspace *ws, const scr_minutes_book *book,
                          const char *path, const scr_load_hook *hook,
                          scr_agenda *ag, scr_diags *diags) {
  *ag = (scr_agenda){0};
  size_t before = diags->errors;
  ag->real = realpath(path, NULL);
  ag->src = scr_ahead_take(ws->ahead, path, true, diags);
  if (!ag->src)
    return SCR_E_SOURCE;
  if (!ag->real)
    return SCR_E_NOMEM;
  read_agenda_meta(ws, ag, diags);
  scr_error err = read_items(ag, diags);
  if (!err) {
    chain top = {ag->real, ag->src->path, NULL};
    err = collect_refs(ws, book, hook, ag, ag->src, &top, (scope){0}, diags);
  }
  if (!err) {
    scr_images_load(ws, ag->src, diags);
    scr_images_load(ws, ws->committee.standing, diags);
  }
  if (err)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

void scr_agenda_free(scr_agenda *ag) {
  for (size_t i = 0; i < ag->n_items; i++) {
    free(ag->items[i].title);
    free(ag->items[i].answers);
  }
  for (size_t i = 0; i < ag->n_appendices; i++) {
    scr_appendix *ap = &ag->appendices[i];
    if (!ap->minutes && ap->src) {
      scr_images_release(ap->src);
      scr_source_free(ap->src);
    }
    free(ap->path);
    free(ap->real);
    free(ap->title);
  }
  scr_images_release(ag->src);
  scr_source_free(ag->src);
  free(ag->real);
  free(ag->items);
  free(ag->appendices);
  free(ag->refs);
  *ag = (scr_agenda){0};
}

void scr_agenda_check_notice(const scr_agenda *ag, scr_date published,
                             scr_diags *diags) {
  const scr_ynode *d = ag->src ? scr_meta_get(ag->src->meta, "date") : NULL;
  if (!d || !ag->date.year || scr_date_cmp(ag->date, published) < 0)
    return;
  scr_date last =
      scr_last_publication_day_in(ag->date, SCR_NOTICE_DAYS, ag->holidays);
  if (scr_date_cmp(published, last) <= 0)
    return;
  char meeting[64], on[64], by[64];
  scr_date_format(ag->date, SCR_DATE_DAY, meeting, sizeof meeting);
  scr_date_format(published, SCR_DATE_DAY, on, sizeof on);
  scr_date_format(last, SCR_DATE_DAY, by, sizeof by);
  scr_warn_at(diags, ag->src->path, d->line, d->col,
              "published on %s, this agenda gives the meeting on %s less "
              "than five clear working days' notice (weekends and %s do "
              "not count): publish by %s",
              on, meeting,
              ag->holidays == SCR_HOLIDAYS_SCOTLAND
                  ? "bank holidays in Scotland"
                  : "bank holidays",
              by);
}

const scr_appendix *scr_agenda_ref(const scr_agenda *ag, cmark_node *link) {
  for (size_t i = 0; i < ag->n_refs; i++)
    if (ag->refs[i].link == link)
      return &ag->appendices[ag->refs[i].appendix];
  return NULL;
}

/* Point each of the agenda's references from `src` at its link in `src`'s
   tree (NULL: at nothing). The links come in the order they were found. */
static void bind_refs(scr_agenda *ag, const scr_source *src) {
  size_t r = 0;
  while (r < ag->n_refs && ag->refs[r].source != src)
    r++;
  if (r == ag->n_refs)
    return; /* no [Appendix] links: nothing to walk for */
  cmark_iter *it = src->doc ? cmark_iter_new(src->doc) : NULL;
  cmark_event_type ev;
  while (it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK ||
        !is_appendix_link(n))
      continue;
    while (r < ag->n_refs && ag->refs[r].source != src)
      r++;
    if (r == ag->n_refs)
      break;
    ag->refs[r++].link = n;
  }
  if (it)
    cmark_iter_free(it);
  for (; r < ag->n_refs; r++)
    if (ag->refs[r].source == src)
      ag->refs[r].link = NULL;
}

scr_error scr_appendix_tree(scr_agenda *ag, size_t index, bool *reparsed) {
  const scr_appendix *ap = &ag->appendices[index];
  *reparsed = false;
  if (!ap->src || ap->src->doc)
    return SCR_OK;
  scr_error err = scr_source_reparse(ap->src);
  if (err)
    return err;
  plain_report_links(ap->src, NULL);
  bind_refs(ag, ap->src);
  *reparsed = true;
  return SCR_OK;
}

void scr_appendix_release_tree(scr_agenda *ag, size_t index) {
  const scr_appendix *ap = &ag->appendices[index];
  if (!ap->src || ap->minutes || !ap->src->doc)
    return;
  scr_source_release_tree(ap->src);
  if (!ap->src->doc)
    bind_refs(ag, ap->src);
}

/* agendas/YYYY-MM-DD.md: the name of a meeting's agenda. */
static bool agenda_name(const char *name) {
  scr_date d;
  char iso[11];
  if (strlen(name) != 13 || strcmp(name + 10, ".md") != 0)
    return false;
  memcpy(iso, name, 10);
  iso[10] = '\0';
  return scr_date_parse(iso, &d);
}

static int by_meeting(const void *a, const void *b) {
  const scr_agenda *x = *(const scr_agenda *const *)a;
  const scr_agenda *y = *(const scr_agenda *const *)b;
  int c = scr_date_cmp(x->date, y->date);
  return c ? c : strcmp(x->src->path, y->src->path);
}

/* Two agendas giving one meeting's date: an error naming both, or the
   one built or published last would stand for the other. */
static scr_error one_agenda_per_meeting(const scr_agenda *list, size_t n,
                                        scr_diags *diags) {
  const scr_agenda **sorted = calloc(n + 1, sizeof *sorted);
  if (!sorted)
    return SCR_E_NOMEM;
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (list[i].src && list[i].date.year)
      sorted[m++] = &list[i];
  qsort(sorted, m, sizeof *sorted, by_meeting);
  scr_error err = SCR_OK;
  for (size_t i = 1; i < m; i++)
    if (scr_date_cmp(sorted[i - 1]->date, sorted[i]->date) == 0) {
      const scr_ynode *d = scr_meta_get(sorted[i]->src->meta, "date");
      scr_error_at(diags, sorted[i]->src->path, d ? d->line : 1, d ? d->col : 1,
                   "two agendas for the meeting of %04d-%02d-%02d: this and "
                   "%s",
                   sorted[i]->date.year, sorted[i]->date.month,
                   sorted[i]->date.day, sorted[i - 1]->src->path);
      err = SCR_E_SOURCE;
    }
  free(sorted);
  return err;
}

/* Agendas per workspace; far beyond any committee's history. */
#define MAX_AGENDA_FILES 10000

scr_error scr_agendas_load(const scr_workspace *ws,
                           const scr_minutes_book *book,
                           const scr_load_hook *hook, scr_agenda **list,
                           size_t *n, scr_diags *diags) {
  *list = NULL;
  *n = 0;
  char **paths = NULL;
  size_t count = 0;
  char *dir = scr_path_join(ws->root, "agendas");
  scr_error err =
      dir ? scr_list_files(dir, agenda_name, MAX_AGENDA_FILES, &paths, &count)
          : SCR_E_NOMEM;
  free(dir);
  *list = err ? NULL : calloc(count + 1, sizeof **list);
  if (!err && !*list)
    err = SCR_E_NOMEM;
  scr_error worst = SCR_OK;
  for (size_t i = 0; !err && i < count; i++)
    scr_ahead_want(ws->ahead, paths[i], true);
  for (size_t i = 0; !err && i < count; i++) {
    scr_error e = scr_agenda_load(ws, book, paths[i], hook, &(*list)[i], diags);
    (*n)++;
    if (e == SCR_E_NOMEM)
      err = e;
    else if (e)
      worst = e;
  }
  scr_free_list(paths, count);
  if (!err && one_agenda_per_meeting(*list, *n, diags) != SCR_OK)
    worst = worst ? worst : SCR_E_SOURCE;
  if (!err)
    err = scr_agendas_warn_unlinked_reports(*list, *n, diags);
  return err ? err : worst;
}

void scr_agendas_free(scr_agenda *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    scr_agenda_free(&list[i]);
  free(list);
}

bool scr_pack_includes(scr_pack_kind kind, const scr_appendix *ap) {
  if (ap->missing || ap->to_follow != kind.supplement)
    return false;
  return kind.private_pack || !ap->exempt;
}

void scr_agenda_check_supplement(const scr_agenda *ag, scr_pack_kind kind,
                                 scr_diags *diags) {
  size_t included = 0;
  for (size_t i = 0; i < ag->n_appendices; i++)
    included += scr_pack_includes(kind, &ag->appendices[i]);
  for (size_t r = 0; r < ag->n_refs; r++) {
    const scr_appendix *ap = &ag->appendices[ag->refs[r].appendix];
    const scr_appendix_ref *ref = &ag->refs[r];
    if (ap->missing)
      scr_warn_at(diags, ref->source->path, ref->line, ref->col,
                  "Appendix %s ('%s') is still to follow: it does not exist "
                  "yet, so the supplement leaves it out",
                  ap->label, ap->path);
  }
  if (included == 0)
    scr_error_at(diags, ag->src->path, ag->src->body_line, 1,
                 "the supplement would be empty: no item marked {to-follow} "
                 "links a report that exists%s",
                 kind.private_pack ? "" : " and is not exempt");
}
