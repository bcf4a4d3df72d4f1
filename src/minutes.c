/* Minutes: every .md file in minutes/, numbered on in date order,
 * with their resolutions ("m.n") and the actions among them.
 */
#include "ahead.h"
#include "attrs.h"
#include "model.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Files per workspace; far beyond any committee's history. */
#define MAX_MINUTES_FILES 10000

int scr_minutes_last(const scr_minutes *m) {
  return m->first + (int)m->n_items - 1;
}

/* ---- actions ------------------------------------------------------------- */

typedef struct res_ctx {
  scr_resolution *r;
  const scr_committee *c;
  const char *path;
  scr_diags *diags;
} res_ctx;

static void apply_resolution_attribute(void *ctx, const char *key,
                                       const char *value, int line, int col) {
  res_ctx *a = ctx;
  scr_resolution *r = a->r;
  if (strcmp(key, "due") == 0) {
    if (!scr_date_parse(value, &r->due)) {
      scr_error_at(a->diags, a->path, line, col,
                   "due= needs a meeting date as YYYY-MM-DD, not '%s'", value);
      return;
    }
    r->due_from = SCR_DUE_EXPLICIT;
    r->action = true;
    if (!scr_committee_meets(a->c, r->due))
      scr_warn_at(a->diags, a->path, r->line, r->col,
                  "action %s is due on %s, which is not a scheduled meeting",
                  r->id, value);
  } else {
    free(r->owner);
    r->owner = scr_strdup(value);
    r->action = true;
  }
}

/* Words after which a month names when something should happen. */
static bool schedules_month(const char *word, size_t n) {
  static const char *const LEAD[] = {"in",     "by",     "for",  "until",
                                     "before", "during", "the",  "to",
                                     "at",     "from",   "after"};
  for (size_t i = 0; i < sizeof LEAD / sizeof *LEAD; i++)
    if (strlen(LEAD[i]) == n && strncasecmp(word, LEAD[i], n) == 0)
      return true;
  return false;
}

/*
 * The month a resolution asks for ("brought back in September"): a month
 * name after a scheduling word. A month after a day number ("3rd March
 * 2025") is a date being recorded, not a request. 0 when none.
 */
static int requested_month(const char *text) {
  const char *prev = NULL;
  size_t prev_len = 0;
  for (const char *s = text; *s;) {
    while (*s && !isalnum((unsigned char)*s))
      s++;
    const char *w = s;
    while (isalnum((unsigned char)*s))
      s++;
    size_t n = (size_t)(s - w);
    if (!n)
      break;
    for (int m = 1; m <= 12; m++) {
      const char *name = scr_month_name(m);
      if (strlen(name) == n && strncmp(w, name, n) == 0 && prev &&
          schedules_month(prev, prev_len))
        return m;
    }
    prev = w;
    prev_len = n;
  }
  return 0;
}

/* List the meetings of `c` as "8 September 2026, 27 October 2026". */
static void meeting_list(const scr_committee *c, const scr_date *only,
                         size_t n_only, char *out, size_t size) {
  const scr_date *d = only ? only : c->meetings;
  size_t n = only ? n_only : c->n_meetings;
  size_t w = 0;
  out[0] = '\0';
  for (size_t i = 0; i < n && w + 1 < size; i++) {
    char one[64];
    scr_date_format(d[i], SCR_DATE_PLAIN, one, sizeof one);
    int k = snprintf(out + w, size - w, "%s%s", i ? ", " : "", one);
    if (k < 0)
      break;
    w += (size_t)k;
  }
}

/* Map a requested month to the one meeting in it after the minutes' date. */
static void due_by_month(res_ctx *a, scr_date held, int month) {
  const scr_committee *c = a->c;
  scr_resolution *r = a->r;
  scr_date found[8];
  size_t n = 0;
  int year = 0;
  for (size_t i = 0; i < c->n_meetings; i++) {
    scr_date d = c->meetings[i];
    if (d.month != month || scr_date_cmp(d, held) <= 0)
      continue;
    if (year == 0 || d.year < year) {
      year = d.year;
      n = 0;
    }
    if (d.year == year && n < sizeof found / sizeof *found)
      found[n++] = d;
  }
  /* a month that asks for something is an action even when the schedule
     cannot say which meeting: tracked as unscheduled, not lost */
  r->action = true;
  char list[512];
  if (n == 1) {
    r->due = found[0];
    r->due_from = SCR_DUE_MONTH;
  } else if (n == 0) {
    meeting_list(c, NULL, 0, list, sizeof list);
    scr_warn_at(a->diags, a->path, r->line, r->col,
                "action %s asks for %s, but no meeting is scheduled in %s "
                "after this one (meetings: %s); add {due=YYYY-MM-DD}",
                r->id, scr_month_name(month), scr_month_name(month), list);
  } else {
    meeting_list(c, found, n, list, sizeof list);
    scr_warn_at(a->diags, a->path, r->line, r->col,
                "action %s asks for %s %d, which has %zu meetings (%s); add "
                "{due=YYYY-MM-DD} to say which",
                r->id, scr_month_name(month), year, n, list);
  }
}

/* ---- resolutions ----------------------------------------------------------
 */

typedef struct file_ctx {
  const scr_workspace *ws;
  scr_minutes *m;
  scr_diags *diags;
  scr_attr_place place; /* where the resolutions' attributes are */
} file_ctx;

/* "AGREED:" or "RESOLVED:" (any case); *rest gets the text after it. */
static bool resolution_marker(const char *text, const char **rest) {
  static const char *const MARKERS[] = {"AGREED", "RESOLVED"};
  while (isspace((unsigned char)*text))
    text++;
  for (size_t i = 0; i < 2; i++) {
    size_t n = strlen(MARKERS[i]);
    if (strncasecmp(text, MARKERS[i], n) == 0) {
      const char *s = text + n;
      while (*s == ' ' || *s == ':')
        s++;
      if (s == text + n && *s)
        return false; /* "Agreedly ..." is not a marker */
      *rest = s;
      return true;
    }
  }
  return false;
}

static scr_error add_resolution(file_ctx *f, int minute, cmark_node *block) {
  scr_minutes *m = f->m;
  if (scr_reserve(&m->res, &m->cap_res, m->n_res + 1, sizeof *m->res))
    return SCR_E_NOMEM;
  int index = 1;
  for (size_t i = 0; i < m->n_res; i++)
    if (m->res[i].minute == minute)
      index++;
  scr_resolution *r = &m->res[m->n_res++];
  *r = (scr_resolution){.minute = minute, .index = index};
  snprintf(r->id, sizeof r->id, "%d.%d", minute, index);
  r->line = scr_source_line(m->src, block);
  r->col = cmark_node_get_start_column(block);
  res_ctx a = {r, &f->ws->committee, m->src->path, f->diags};
  scr_take_attributes(block, scr_fields(SCR_FIELDS_RESOLUTION),
                      apply_resolution_attribute, &a, &f->place);
  r->text = scr_node_text(block);
  if (!r->text)
    return SCR_E_NOMEM;
  int month = r->due_from == SCR_DUE_NONE ? requested_month(r->text) : 0;
  if (month)
    due_by_month(&a, m->date, month);
  return SCR_OK;
}

/* Resolutions under one minute: a marker paragraph and the list after it. */
static scr_error find_resolutions(file_ctx *f, int minute, cmark_node *first,
                                  cmark_node *stop) {
  scr_error err = SCR_OK;
  for (cmark_node *n = first; !err && n && n != stop; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
      continue;
    char *text = scr_node_text(n);
    const char *rest;
    bool marker = text && resolution_marker(text, &rest);
    bool inline_text = marker && *rest;
    free(text);
    if (!marker)
      continue;
    cmark_node *list = cmark_node_next(n);
    if (inline_text) {
      err = add_resolution(f, minute, n); /* "AGREED: that ..." */
    } else if (list && list != stop &&
               cmark_node_get_type(list) == CMARK_NODE_LIST) {
      /* resolutions are numbered in the minutes, whatever the source used */
      cmark_node_set_list_type(list, CMARK_ORDERED_LIST);
      cmark_node_set_list_delim(list, CMARK_PERIOD_DELIM);
      cmark_node_set_list_start(list, 1);
      for (cmark_node *it = cmark_node_first_child(list); !err && it;
           it = cmark_node_next(it))
        err = add_resolution(f, minute, it);
    }
  }
  return err;
}

/* Titles and lines of the minutes; numbers are set once all are loaded. */
static scr_error read_minute_items(scr_minutes *m) {
  size_t count = 0;
  cmark_node *doc = m->src->doc;
  for (cmark_node *h = scr_next_heading(cmark_node_first_child(doc), 2); h;
       h = scr_next_heading(cmark_node_next(h), 2))
    count++;
  m->items = calloc(count + 1, sizeof *m->items);
  if (!m->items)
    return SCR_E_NOMEM;
  for (cmark_node *h = scr_next_heading(cmark_node_first_child(doc), 2); h;
       h = scr_next_heading(cmark_node_next(h), 2)) {
    scr_minute *item = &m->items[m->n_items++];
    item->heading = h;
    item->line = scr_source_line(m->src, h);
    item->title = scr_node_text(h);
    if (!item->title)
      return SCR_E_NOMEM;
  }
  return SCR_OK;
}

/* On or after the first scheduled meeting: minutes of earlier meetings
   belong to years whose schedule committee.md no longer lists. */
static bool in_schedule_span(const scr_committee *c, scr_date d) {
  for (size_t i = 0; i < c->n_meetings; i++)
    if (scr_date_cmp(c->meetings[i], d) <= 0)
      return true;
  return false;
}

static void read_minutes_meta(const scr_workspace *ws, scr_minutes *m,
                              scr_diags *diags) {
  const scr_source *src = m->src;
  scr_meta_check_keys(src, SCR_FIELDS_MINUTES, diags);
  if (scr_meta_date(src, "date", &m->date, diags) &&
      scr_meta_date_matches_name(src, "date", &m->date, diags) &&
      in_schedule_span(&ws->committee, m->date) &&
      !scr_committee_meets(&ws->committee, m->date)) {
    const scr_ynode *d = scr_meta_get(src->meta, "date");
    scr_warn_at(diags, src->path, d->line, d->col,
                "minutes of %s, a meeting not in the committee's schedule "
                "(meetings: in %s)",
                d->scalar, ws->committee.src->path);
  }
  m->time = ws->committee.time;
  m->closed = -1;
  scr_meta_time(src, "time", &m->time, diags);
  scr_meta_time(src, "closed", &m->closed, diags);
  static const char *const LISTS[] = {"present", "also_present", "apologies"};
  for (size_t i = 0; i < 3; i++) {
    const scr_ynode *v = scr_meta_get(src->meta, LISTS[i]);
    if (v && v->kind != SCR_Y_SEQ)
      scr_error_at(diags, src->path, v->line, v->col,
                   "'%s' must be a list, like [First, Second]", LISTS[i]);
  }
  const scr_ynode *f = scr_meta_get(src->meta, "first_minute");
  if (f) {
    char *end = NULL;
    long v = f->kind == SCR_Y_SCALAR ? strtol(f->scalar, &end, 10) : 0;
    if (!end || *end || v < 1 || v > 1000000)
      scr_error_at(diags, src->path, f->line, f->col,
                   "first_minute must be a whole number, like 214");
    else {
      m->first = (int)v;
      m->first_line = f->line;
    }
  }
}

/* ---- the book ----------------------------------------------------------- */

static int by_date(const void *a, const void *b) {
  const scr_minutes *x = a, *y = b;
  int c = scr_date_cmp(x->date, y->date);
  return c ? c : strcmp(x->src->path, y->src->path);
}

static bool minutes_name(const char *name) {
  size_t len = strlen(name);
  return len > 3 && strcmp(name + len - 3, ".md") == 0;
}

/* Number each file on from the one before; clashes and reversals are errors
   naming both files. */
static void number_minutes(scr_minutes_book *book, scr_diags *diags) {
  for (size_t i = 0; i < book->n; i++) {
    scr_minutes *m = &book->files[i];
    const scr_minutes *prev = i ? &book->files[i - 1] : NULL;
    if (!m->first_line)
      m->first = prev ? scr_minutes_last(prev) + 1 : 1;
    for (size_t k = 0; k < m->n_items; k++) {
      m->items[k].number = m->first + (int)k;
    }
    if (prev && scr_date_cmp(prev->date, m->date) == 0)
      scr_error_at(diags, m->src->path, 1, 1,
                   "two minutes files for the meeting of %04d-%02d-%02d: this "
                   "and %s",
                   m->date.year, m->date.month, m->date.day, prev->src->path);
    else if (prev && m->first < prev->first)
      scr_error_at(diags, m->src->path, m->first_line ? m->first_line : 1, 1,
                   "minute numbers go backwards: this meeting's minutes "
                   "start at %d, but the earlier %s start at %d",
                   m->first, prev->src->path, prev->first);
    else if (prev && m->first <= scr_minutes_last(prev))
      scr_error_at(diags, m->src->path, m->first_line ? m->first_line : 1, 1,
                   "minute numbers %d-%d clash with minutes %d-%d in %s",
                   m->first, scr_minutes_last(m), prev->first,
                   scr_minutes_last(prev), prev->src->path);
  }
}

static scr_error load_one(const scr_workspace *ws, const char *path,
                          scr_minutes *m, scr_diags *diags) {
  *m = (scr_minutes){0};
  size_t before = diags->errors;
  m->src = scr_ahead_take(ws->ahead, path, true, diags);
  if (!m->src)
    return SCR_E_SOURCE;
  m->real = realpath(path, NULL);
  if (!m->real)
    return SCR_E_NOMEM;
  read_minutes_meta(ws, m, diags);
  scr_error err = read_minute_items(m);
  if (!err)
    scr_images_load(ws, m->src, diags);
  if (err)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

static void minutes_free(scr_minutes *m) {
  for (size_t i = 0; i < m->n_items; i++)
    free(m->items[i].title);
  for (size_t i = 0; i < m->n_res; i++) {
    free(m->res[i].text);
    free(m->res[i].owner);
  }
  scr_images_release(m->src);
  scr_source_free(m->src);
  free(m->real);
  free(m->items);
  free(m->res);
  *m = (scr_minutes){0}; /* its slot may be loaded again */
}

scr_error scr_minutes_book_load(const scr_workspace *ws, scr_minutes_book *book,
                                scr_diags *diags) {
  *book = (scr_minutes_book){0};
  size_t n = 0;
  char **paths = NULL;
  char *dir = scr_path_join(ws->root, "minutes");
  scr_error err =
      dir ? scr_list_files(dir, minutes_name, MAX_MINUTES_FILES, &paths, &n)
          : SCR_E_NOMEM;
  free(dir);
  book->files = err ? NULL : calloc(n + 1, sizeof *book->files);
  if (!err && !book->files)
    err = SCR_E_NOMEM;
  size_t before = diags->errors;
  for (size_t i = 0; !err && i < n; i++)
    scr_ahead_want(ws->ahead, paths[i], true);
  for (size_t i = 0; !err && i < n; i++) {
    scr_minutes *m = &book->files[book->n];
    scr_error e = load_one(ws, paths[i], m, diags);
    if (e == SCR_E_NOMEM)
      err = e;
    if (m->src && !e)
      book->n++;
    else
      minutes_free(m);
  }
  scr_free_list(paths, n);
  if (err)
    return err;
  qsort(book->files, book->n, sizeof *book->files, by_date);
  number_minutes(book, diags);
  for (size_t i = 0; !err && i < book->n; i++) {
    scr_minutes *m = &book->files[i];
    file_ctx f = {ws, m, diags, {0}};
    scr_attr_place_init(&f.place, m->src, diags, "resolution");
    for (size_t k = 0; !err && k < m->n_items; k++) {
      cmark_node *body = cmark_node_next(m->items[k].heading);
      err = find_resolutions(&f, m->items[k].number, body,
                             scr_next_heading(body, 2));
    }
  }
  if (err)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

void scr_minutes_book_free(scr_minutes_book *book) {
  for (size_t i = 0; i < book->n; i++)
    minutes_free(&book->files[i]);
  free(book->files);
  *book = (scr_minutes_book){0};
}

const scr_minutes *scr_minutes_find(const scr_minutes_book *book,
                                    const char *real) {
  for (size_t i = 0; i < book->n; i++)
    if (strcmp(book->files[i].real, real) == 0)
      return &book->files[i];
  return NULL;
}
