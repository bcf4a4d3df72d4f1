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

/* ---- words ----------------------------------------------------------------
 */

/* A run of letters and digits in a resolution's text; `stop` when a ';' or
   '.' comes between it and the word before, ending a clause. */
typedef struct word {
  const char *s;
  size_t n;
  bool stop;
} word;

/* The next word from *p on; false at the end of the text. */
static bool next_word(const char **p, word *w) {
  const char *s = *p;
  bool stop = false;
  while (*s && !isalnum((unsigned char)*s)) {
    stop = stop || *s == ';' || *s == '.';
    s++;
  }
  if (!*s)
    return false;
  *w = (word){.s = s, .stop = stop};
  while (isalnum((unsigned char)*s))
    s++;
  w->n = (size_t)(s - w->s);
  *p = s;
  return true;
}

static bool word_is(word w, const char *s) {
  return strlen(s) == w.n && strncasecmp(w.s, s, w.n) == 0;
}

static bool word_in(word w, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (word_is(w, list[i]))
      return true;
  return false;
}

/* ---- the month an action asks for ---------------------------------------- */

/*
 * A verb that sends something to a meeting: "brought (back)", "reported",
 * "returned", "presented", "submitted", "considered"; "report", "bring",
 * "come" and "return" only with "back" or "to" after them, since "the report
 * for April" and "the annual return for May" name no request.
 */
static bool schedules(word w, const word *after) {
  static const char *const ALWAYS[] = {"brought",   "reported",  "returned",
                                       "presented", "submitted", "considered",
                                       "scheduled"};
  static const char *const WITH_BACK[] = {
      "report", "bring", "come", "return", "coming", "bringing", "reporting"};
  if (word_in(w, ALWAYS, sizeof ALWAYS / sizeof *ALWAYS))
    return true;
  return after && (word_is(*after, "back") || word_is(*after, "to")) &&
         word_in(w, WITH_BACK, sizeof WITH_BACK / sizeof *WITH_BACK);
}

/* Words after which a month names when something should happen: "in March",
   "to the March meeting", "by March", "until March". */
static bool leads_to_month(word w) {
  static const char *const LEAD[] = {"in",     "by",     "for",    "until",
                                     "before", "during", "the",    "to",
                                     "at",     "after",  "between"};
  return word_in(w, LEAD, sizeof LEAD / sizeof *LEAD);
}

static int month_of(word w) {
  for (int m = 1; m <= 12; m++) {
    const char *name = scr_month_name(m);
    /* capitalised as a month is: "may" is a verb */
    if (strlen(name) == w.n && strncmp(w.s, name, w.n) == 0)
      return m;
  }
  return 0;
}

/* "2027" after a month: the year asked for, or 0. */
static int year_of(const word *w) {
  if (!w || w->n != 4)
    return 0;
  int y = 0;
  for (size_t i = 0; i < 4; i++) {
    if (!isdigit((unsigned char)w->s[i]))
      return 0;
    y = y * 10 + (w->s[i] - '0');
  }
  return y >= 1900 && y <= 2999 ? y : 0;
}

typedef struct request {
  int month; /* 1-12, or 0 when none is asked for */
  int year;  /* or 0 when not said */
} request;

/*
 * The month a resolution asks for: the first one after a scheduling verb
 * and a word such as "in" or "to the", within the verb's clause ("that the
 * performance report for April to September be brought back in January"
 * asks for January). A month after a day number ("3rd March 2025") is a
 * date being recorded, not a request.
 */
static request requested_month(const char *text) {
  request r = {0, 0};
  bool governed = false;
  word prev = {0}, w, after;
  const char *p = text;
  bool have = next_word(&p, &w);
  while (have) {
    const char *q = p;
    bool more = next_word(&q, &after);
    /* a clause ends at ';' or '.', or where "that" opens another */
    if (w.stop || word_is(w, "that"))
      governed = false;
    if (schedules(w, more ? &after : NULL))
      governed = true;
    else if (governed && prev.n && leads_to_month(prev) && month_of(w)) {
      r.month = month_of(w);
      r.year = year_of(more ? &after : NULL);
      return r;
    }
    prev = w;
    w = after;
    p = q;
    have = more;
  }
  return r;
}

/* ---- resolution markers ----------------------------------------------------
 */

typedef enum mark_kind {
  MARK_NONE,       /* narrative */
  MARK_RESOLUTION, /* "AGREED:", "RESOLVED that", "It was AGREED that" ... */
  MARK_LIKE        /* reads like a decision, in no form that is read */
} mark_kind;

typedef struct marker {
  mark_kind kind;
  const char *rest;  /* MARK_RESOLUTION: the text after the marker */
  const char *quote; /* MARK_LIKE: the end of the opening words to quote */
} marker;

/* The length of "AGREED", "RESOLVED" or "DECIDED" (any case) as a whole
   word at s, or 0: "Agreedly" and "disagreed" are not markers. */
static size_t mark_word(const char *s) {
  static const char *const WORDS[] = {"AGREED", "RESOLVED", "DECIDED"};
  for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++) {
    size_t n = strlen(WORDS[i]);
    if (strncasecmp(s, WORDS[i], n) == 0 && !isalnum((unsigned char)s[n]))
      return n;
  }
  return 0;
}

static bool all_capitals(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isupper((unsigned char)s[i]))
      return false;
  return true;
}

/* "Agreed": a capital, then small letters. */
static bool sentence_case(const char *s, size_t n) {
  for (size_t i = 1; i < n; i++)
    if (!islower((unsigned char)s[i]))
      return false;
  return n > 0 && isupper((unsigned char)s[0]);
}

static const char *skip_spaces(const char *s) {
  while (isspace((unsigned char)*s))
    s++;
  return s;
}

/*
 * What may follow a marker word: ':', a dash ('-' with a space on one side
 * at least, an en or em dash), "that", or nothing. The text after it, or
 * NULL when anything else follows ("AGREED the report be noted").
 */
static const char *after_marker(const char *s) {
  const char *t = skip_spaces(s);
  if (*t == '\0')
    return t;
  if (strncasecmp(t, "that", 4) == 0 && !isalnum((unsigned char)t[4]) && t > s)
    return t;
  if (*t == ':')
    t++;
  else if (*t == '-' && (t > s || isspace((unsigned char)t[1])))
    t++;
  else if (strncmp(t, "\xe2\x80\x93", 3) == 0 ||
           strncmp(t, "\xe2\x80\x94", 3) == 0)
    t += 3;
  else
    return NULL;
  return skip_spaces(t);
}

static bool decision_verb(word w) {
  return mark_word(w.s) == w.n;
}

/* The body as a whole, whose decisions are resolutions. */
static bool body_noun(word w) {
  static const char *const BODIES[] = {
      "Members",      "Councillors", "Commission", "Committee",
      "Subcommittee", "Panel",       "Board",      "Cabinet",
      "Council",      "meeting",     "Forum",      "Group"};
  return word_in(w, BODIES, sizeof BODIES / sizeof *BODIES);
}

/*
 * A paragraph opening with the body deciding, in words that are not a
 * marker: "Members agreed that", "The Commission resolved to", "It was
 * agreed that", "The Scrutiny Commission unanimously decided:". Only the
 * body as subject counts: an officer or the Chair agreeing to do something
 * ("the officer agreed to circulate the slides") is narrative, as is a
 * decision named later in a sentence. *quote gets the end of those words.
 */
static bool opens_like_decision(const char *s, const char **quote) {
  word w[6];
  size_t n = 0, v;
  const char *p = s;
  while (n < 6 && next_word(&p, &w[n]))
    n++;
  if (n >= 3 && word_is(w[0], "it") && word_is(w[1], "was"))
    v = 2;
  else if (n >= 2 && body_noun(w[0]))
    v = 1;
  else if (n >= 3 && word_is(w[0], "the") && body_noun(w[1]))
    v = 2;
  else if (n >= 4 && word_is(w[0], "the") && body_noun(w[2]))
    v = 3; /* "The Scrutiny Commission", "The Sub-Committee" */
  else
    return false;
  /* one word may come before the verb: "unanimously", "further", "have" */
  if (v + 1 < n && !decision_verb(w[v]) && !word_is(w[v], "not") &&
      !word_is(w[v], "had"))
    v++;
  if (v >= n || !decision_verb(w[v]))
    return false;
  const char *end = w[v].s + w[v].n;
  if (*end == ':') {
    *quote = end + 1;
    return true;
  }
  if (v + 1 < n && !w[v + 1].stop &&
      (word_is(w[v + 1], "that") || word_is(w[v + 1], "to"))) {
    *quote = w[v + 1].s + w[v + 1].n;
    return true;
  }
  return false;
}

/* "Resolution:", "Decisions:" as a heading line: a resolution in no form
   that is read. */
static bool names_a_resolution(const char *s, const char **quote) {
  static const char *const NAMES[] = {"Resolution", "Resolutions", "Decision",
                                      "Decisions"};
  word w;
  const char *p = s;
  if (!next_word(&p, &w) || w.s != s ||
      !word_in(w, NAMES, sizeof NAMES / sizeof *NAMES))
    return false;
  const char *t = skip_spaces(p);
  if (*t != ':' && *t != '\0')
    return false;
  *quote = *t ? t + 1 : t;
  return true;
}

/* The end of the word after s, to quote "AGREED the" when that is what is
   written. */
static const char *next_word_end(const char *s) {
  word w;
  return next_word(&s, &w) ? w.s + w.n : s;
}

/*
 * The forms a clerk marks resolutions with: "AGREED:", "RESOLVED that",
 * "DECIDED –", in capitals or "Agreed:" in sentence case, bold or not, and
 * "It was AGREED that" (in capitals, which is what sets it apart from an
 * account of the discussion).
 */
static marker read_marker(const char *text) {
  marker mk = {MARK_NONE, NULL, NULL};
  const char *s = skip_spaces(text);
  size_t n = mark_word(s);
  if (n) {
    const char *rest = after_marker(s + n);
    if (rest && (all_capitals(s, n) || sentence_case(s, n)))
      mk = (marker){.kind = MARK_RESOLUTION, .rest = rest};
    else
      mk = (marker){.kind = MARK_LIKE, .quote = next_word_end(s + n)};
    return mk;
  }
  word w[4];
  size_t k = 0;
  const char *p = s;
  while (k < 4 && next_word(&p, &w[k]))
    k++;
  if (k >= 3 && word_is(w[0], "it") && word_is(w[1], "was")) {
    /* "It was AGREED that", "It was unanimously RESOLVED that" */
    size_t v = decision_verb(w[2]) ? 2 : k == 4 && decision_verb(w[3]) ? 3 : 0;
    const char *rest = v ? after_marker(w[v].s + w[v].n) : NULL;
    if (v && all_capitals(w[v].s, w[v].n)) {
      /* "It was AGREED by all that": a marker, but not followed as one is */
      mk = rest ? (marker){.kind = MARK_RESOLUTION, .rest = rest}
                : (marker){.kind = MARK_LIKE,
                           .quote = next_word_end(w[v].s + w[v].n)};
      return mk;
    }
  }
  const char *quote = NULL;
  if (opens_like_decision(s, &quote) || names_a_resolution(s, &quote))
    mk = (marker){.kind = MARK_LIKE, .quote = quote};
  return mk;
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

/* Map a requested month (of the year named, or the first year to come) to
   the one meeting in it after the minutes' date. */
static void due_by_month(res_ctx *a, scr_date held, request want) {
  const scr_committee *c = a->c;
  scr_resolution *r = a->r;
  const char *month = scr_month_name(want.month);
  scr_date found[8];
  size_t n = 0;
  int year = want.year;
  for (size_t i = 0; i < c->n_meetings; i++) {
    scr_date d = c->meetings[i];
    if (d.month != want.month || scr_date_cmp(d, held) <= 0 ||
        (want.year && d.year != want.year))
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
  char list[512], when[32];
  if (want.year)
    snprintf(when, sizeof when, "%s %d", month, want.year);
  else
    snprintf(when, sizeof when, "%s", month);
  if (n == 1) {
    r->due = found[0];
    r->due_from = SCR_DUE_MONTH;
  } else if (n == 0) {
    meeting_list(c, NULL, 0, list, sizeof list);
    scr_warn_at(a->diags, a->path, r->line, r->col,
                "action %s asks for %s, but no meeting is scheduled in %s "
                "after this one (meetings: %s); add {due=YYYY-MM-DD}",
                r->id, when, when, list);
  } else {
    meeting_list(c, found, n, list, sizeof list);
    scr_warn_at(a->diags, a->path, r->line, r->col,
                "action %s asks for %s %d, which has %zu meetings (%s); add "
                "{due=YYYY-MM-DD} to say which",
                r->id, month, year, n, list);
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

/* "AGREED: that the report be noted" is the resolution "That the report
   be noted". */
static void drop_marker(char *text) {
  marker mk = read_marker(text);
  if (mk.kind != MARK_RESOLUTION)
    return;
  memmove(text, mk.rest, strlen(mk.rest) + 1);
  text[0] = (char)toupper((unsigned char)text[0]);
}

/* One resolution: `block` is a list item, or a paragraph that opens with
   its marker (`marked`), which the resolution's text leaves out. */
static scr_error add_resolution(file_ctx *f, int minute, cmark_node *block,
                                bool marked) {
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
  if (marked)
    drop_marker(r->text);
  request want =
      r->due_from == SCR_DUE_NONE ? requested_month(r->text) : (request){0, 0};
  if (want.month)
    due_by_month(&a, m->date, want);
  return SCR_OK;
}

/* Every item of `list` a resolution, numbered 1, 2, 3 in the minutes
   whatever the source used. */
static scr_error list_resolutions(file_ctx *f, int minute, cmark_node *list) {
  cmark_node_set_list_type(list, CMARK_ORDERED_LIST);
  cmark_node_set_list_delim(list, CMARK_PERIOD_DELIM);
  cmark_node_set_list_start(list, 1);
  scr_error err = SCR_OK;
  for (cmark_node *it = cmark_node_first_child(list); !err && it;
       it = cmark_node_next(it))
    err = add_resolution(f, minute, it, false);
  return err;
}

/* At most `max` bytes of s..end, not cutting a UTF-8 character. */
static int quote_length(const char *s, const char *end, size_t max) {
  size_t n = (size_t)(end - s);
  if (n > max) {
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  return (int)n;
}

static void warn_like_decision(file_ctx *f, cmark_node *para, const char *text,
                               const marker *mk) {
  const char *s = skip_spaces(text);
  scr_warn_at(f->diags, f->m->src->path, scr_source_line(f->m->src, para),
              cmark_node_get_start_column(para),
              "'%.*s...' reads like a decision, but is not recorded as a "
              "resolution: resolutions start 'AGREED:', 'RESOLVED:' or "
              "'DECIDED:' (or 'AGREED that', 'Agreed -', 'It was AGREED "
              "that'), with the resolution after it or a numbered list of "
              "them below it; if this is only an account of the discussion, "
              "it can stay as it is",
              quote_length(s, mk->quote, 60), s);
}

static void warn_no_resolutions(file_ctx *f, cmark_node *para,
                                const char *text) {
  const char *s = skip_spaces(text);
  scr_warn_at(f->diags, f->m->src->path, scr_source_line(f->m->src, para),
              cmark_node_get_start_column(para),
              "'%.*s' is followed by no resolutions: put them in a numbered "
              "list under it (1. That ...), or on the same line ('AGREED: "
              "that ...')",
              quote_length(s, s + strlen(s), 60), s);
}

static bool heads_a_list(const char *rest) {
  size_t n = strlen(rest);
  while (n > 0 && isspace((unsigned char)rest[n - 1]))
    n--;
  return n == 0 || rest[n - 1] == ':';
}

/* What a marked paragraph made resolutions of. */
typedef enum taken { TOOK_NONE, TOOK_HOLDER, TOOK_LIST } taken;

/*
 * The paragraph `para` that opens `holder` (the paragraph itself, or the
 * list item it starts): a marker with the resolution after it makes
 * `holder` one; a marker alone, or ending in ':' ("RESOLVED that:"), makes
 * the items of `list`, the list that follows, resolutions.
 */
static scr_error read_marked(file_ctx *f, int minute, cmark_node *holder,
                             cmark_node *para, cmark_node *list, taken *took) {
  *took = TOOK_NONE;
  char *text = scr_node_text(para);
  if (!text)
    return SCR_E_NOMEM;
  marker mk = read_marker(text);
  scr_error err = SCR_OK;
  if (mk.kind == MARK_LIKE) {
    warn_like_decision(f, para, text, &mk);
  } else if (mk.kind == MARK_RESOLUTION) {
    if (list && heads_a_list(mk.rest)) {
      *took = TOOK_LIST;
      err = list_resolutions(f, minute, list);
    } else if (*mk.rest) {
      *took = TOOK_HOLDER;
      err = add_resolution(f, minute, holder, true);
    } else {
      warn_no_resolutions(f, para, text);
    }
  }
  free(text);
  return err;
}

static cmark_node *list_after(cmark_node *n, cmark_node *stop) {
  cmark_node *next = n ? cmark_node_next(n) : NULL;
  return next && next != stop && cmark_node_get_type(next) == CMARK_NODE_LIST
             ? next
             : NULL;
}

/* A list that is not itself a list of resolutions: a bullet may hold one
   ("- **AGREED:** That ..."), or a marker with them in a list under it. */
static scr_error read_list(file_ctx *f, int minute, cmark_node *list) {
  scr_error err = SCR_OK;
  for (cmark_node *it = cmark_node_first_child(list); !err && it;
       it = cmark_node_next(it)) {
    cmark_node *first = cmark_node_first_child(it);
    taken took = TOOK_NONE;
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
      err = read_marked(f, minute, it, first, list_after(first, NULL), &took);
    /* the sub-bullets of a bullet that is no resolution may hold some */
    for (cmark_node *c = first; !err && !took && c; c = cmark_node_next(c))
      if (cmark_node_get_type(c) == CMARK_NODE_LIST)
        err = read_list(f, minute, c);
  }
  return err;
}

/* Resolutions under one minute, in document order: marked paragraphs, the
   lists after them, and bullets that open with a marker. */
static scr_error find_resolutions(file_ctx *f, int minute, cmark_node *first,
                                  cmark_node *stop) {
  scr_error err = SCR_OK;
  for (cmark_node *n = first; !err && n && n != stop; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_PARAGRAPH) {
      cmark_node *list = list_after(n, stop);
      taken took = TOOK_NONE;
      err = read_marked(f, minute, n, n, list, &took);
      if (took == TOOK_LIST)
        n = list; /* its items are resolutions already */
    } else if (t == CMARK_NODE_LIST) {
      err = read_list(f, minute, n);
    }
  }
  return err;
}

/*
 * A "###" (or deeper) heading is no minute: the parser reads it as a
 * sub-heading inside the minute above it, shown unnumbered there, and what
 * follows it, resolutions too, belongs to that minute; before the first
 * "## " it is left out with everything else there.
 */
static void warn_sub_headings(const scr_minutes *m, scr_diags *diags) {
  const scr_minute *in = NULL;
  size_t k = 0;
  for (cmark_node *n = cmark_node_first_child(m->src->doc); n;
       n = cmark_node_next(n)) {
    if (k < m->n_items && n == m->items[k].heading) {
      in = &m->items[k++];
      continue;
    }
    int level = cmark_node_get_type(n) == CMARK_NODE_HEADING
                    ? cmark_node_get_heading_level(n)
                    : 0;
    if (level < 3)
      continue;
    char *title = scr_node_text(n);
    static const char HASHES[] = "######";
    const char *hashes = &HASHES[6 - level];
    int line = scr_source_line(m->src, n);
    int col = cmark_node_get_start_column(n);
    if (in)
      scr_warn_at(diags, m->src->path, line, col,
                  "minutes are '## ' headings, one a minute: '%s %s' is shown "
                  "as an unnumbered sub-heading of minute %d (%s), and what "
                  "follows it, resolutions too, is part of that minute; make "
                  "it '## ' if it is a minute of its own",
                  hashes, title ? title : "", in->number, in->title);
    else
      scr_warn_at(diags, m->src->path, line, col,
                  "minutes are '## ' headings, one a minute: '%s %s' comes "
                  "before the first of them and is left out of the minutes, "
                  "as is everything before the first '## '; make it '## ' "
                  "if it is a minute",
                  hashes, title ? title : "");
    free(title);
  }
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
    warn_sub_headings(m, diags);
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
