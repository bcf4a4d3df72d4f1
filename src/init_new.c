/*
 * `scrutineer new agenda [DATE]` and `new minutes [DATE]`: the next
 * meeting's sources, drafted from what the workspace already says.
 *
 * An agenda carries over the standing items of the latest agenda before
 * it: every item that links no file of its own meeting's folder and
 * answers no action (scr_init_item_role). The minutes item is made anew
 * for the previous meeting, and each work-programme item for the meeting
 * becomes an item whose report is to follow. Minutes take the agenda's
 * items, in order, so that minute numbers line up with item numbers.
 */
#include "build.h"
#include "init.h"
#include "model.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_MINUTES_TITLE "Minutes of the previous meeting"

/* Text as Markdown shows it: the characters that would start markup
   escaped. Caller frees. */
static char *md_escape(const char *s) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = SCR_OK;
  for (; !err && *s; s++)
    err = strchr("\\`*_[]<>{}#|", *s) ? scr_buf_printf(&b, "\\%c", *s)
                                      : scr_buf_append(&b, s, 1);
  if (err || !b.len) {
    scr_buf_free(&b);
    return err ? NULL : scr_strdup("");
  }
  return scr_buf_detach(&b, NULL);
}

static bool iso_name(const char *name) {
  scr_date d;
  char stem[11];
  size_t n = strlen(name);
  if (n != 13 || strcmp(name + 10, ".md") != 0)
    return false;
  memcpy(stem, name, 10);
  stem[10] = '\0';
  return scr_date_parse(stem, &d);
}

/* The dates of the files named YYYY-MM-DD.md in `dir` (none when it is
   not there). *dates is the caller's to free. */
static scr_error dated_files(const char *dir, scr_date **dates, size_t *n) {
  char **paths = NULL;
  size_t count = 0;
  struct stat st;
  *dates = NULL;
  *n = 0;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return SCR_OK;
  scr_error err = scr_list_files(dir, iso_name, 10000, &paths, &count);
  *dates = err ? NULL : calloc(count + 1, sizeof **dates);
  if (!err && !*dates)
    err = SCR_E_NOMEM;
  for (size_t i = 0; !err && i < count; i++) {
    const char *base = strrchr(paths[i], '/');
    char stem[11];
    memcpy(stem, base ? base + 1 : paths[i], 10);
    stem[10] = '\0';
    if (scr_date_parse(stem, &(*dates)[*n]))
      (*n)++;
  }
  scr_free_list(paths, count);
  return err;
}

/* The latest of `d[0..n-1]` before `date`; false when none is. */
static bool latest_before(const scr_date *d, size_t n, scr_date date,
                          scr_date *out) {
  bool found = false;
  for (size_t i = 0; i < n; i++)
    if (scr_date_cmp(d[i], date) < 0 &&
        (!found || scr_date_cmp(d[i], *out) > 0)) {
      *out = d[i];
      found = true;
    }
  return found;
}

static bool has_date(const scr_date *d, size_t n, scr_date date) {
  for (size_t i = 0; i < n; i++)
    if (scr_date_cmp(d[i], date) == 0)
      return true;
  return false;
}

char *scr_init_minutes_item(const char *root, const scr_date *meetings,
                            size_t n, scr_date date, const char *title) {
  char *dir = scr_path_join(root, "minutes");
  scr_date *minutes = NULL, prev, earlier;
  size_t n_minutes = 0;
  if (!dir || dated_files(dir, &minutes, &n_minutes)) {
    free(dir);
    return NULL;
  }
  free(dir);
  bool have_prev = latest_before(meetings, n, date, &prev);
  if (latest_before(minutes, n_minutes, date, &earlier) &&
      (!have_prev || scr_date_cmp(earlier, prev) > 0)) {
    prev = earlier;
    have_prev = true;
  }
  bool written = have_prev && has_date(minutes, n_minutes, prev);
  free(minutes);
  title = title ? title : DEFAULT_MINUTES_TITLE;
  if (!have_prev)
    return scr_asprintf("## %s\n\nThere are no minutes of an earlier meeting "
                        "to confirm.\n\n",
                        title);
  char iso[16], when[64];
  scr_date_format(prev, SCR_DATE_ISO, iso, sizeof iso);
  scr_date_format(prev, SCR_DATE_PLAIN, when, sizeof when);
  if (written)
    return scr_asprintf("## %s\n\nMembers are asked to confirm the minutes of "
                        "the meeting held on %s as a correct record.\n\n"
                        "[Appendix](../minutes/%s.md)\n\n",
                        title, when, iso);
  return scr_asprintf(
      "## %s {to-follow}\n\nMembers are asked to confirm the minutes of the "
      "meeting held on %s as a correct record; the minutes will follow.\n\n"
      "<!-- When minutes/%s.md is written, take {to-follow} off the heading "
      "above, so that the minutes go into the agenda pack. -->\n\n"
      "[Appendix](../minutes/%s.md)\n\n",
      title, when, iso, iso);
}

/* The standing items of a first agenda, in order; the minutes item is
   made for each meeting, and the meeting's own business comes before the
   work programme. */
static const scr_section STANDING[] = {
    {SCR_ITEM_STANDING,
     "## Apologies for absence\n"
     "\n"
     "To receive apologies for absence from members of the Committee.\n"},
    {SCR_ITEM_STANDING,
     "## Declarations of interest\n"
     "\n"
     "Members are asked to declare any interests they have in the business "
     "on the agenda.\n"},
    {SCR_ITEM_MINUTES, "## Minutes of the previous meeting\n"},
    {SCR_ITEM_STANDING,
     "## Chair's announcements\n"
     "\n"
     "The Chair may make announcements on matters of interest to the "
     "Committee.\n"},
    {SCR_ITEM_STANDING,
     "## Questions and petitions\n"
     "\n"
     "To receive any questions or petitions from members of the public, "
     "submitted under the Council's procedure rules.\n"},
    {SCR_ITEM_WORKPROGRAMME,
     "## Work programme\n"
     "\n"
     "Members are asked to review the work programme and suggest topics for "
     "future meetings.\n"
     "\n"
     "[Appendix](workprogramme.md)\n"},
    {SCR_ITEM_STANDING, "## Any other urgent business\n"
                        "\n"
                        "Any other business the Chair considers urgent.\n"},
};

const scr_section *scr_init_standing(size_t *n) {
  *n = sizeof STANDING / sizeof *STANDING;
  return STANDING;
}

scr_date scr_init_today(const scr_options *opts) {
  scr_date d;
  if (opts && opts->today && scr_date_parse(opts->today, &d))
    return d;
  return scr_system_today();
}

/* A section as it goes into an agenda: ending in one blank line. */
static scr_error put_section(scr_buf *b, const char *text) {
  size_t n = strlen(text);
  while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
    n--;
  scr_error err = scr_buf_append(b, text, n);
  return err ? err : scr_buf_puts(b, "\n\n");
}

char *scr_init_agenda_text(scr_date date, int time, const char *preamble,
                           const scr_section *sections, size_t n,
                           const char *minutes_item, const char *new_items) {
  scr_buf b = SCR_BUF_INIT;
  char iso[16];
  scr_date_format(date, SCR_DATE_ISO, iso, sizeof iso);
  scr_error err = scr_buf_printf(&b, "---\ndate: %s\n", iso);
  if (!err && time >= 0)
    err = scr_buf_printf(&b, "time: \"%02d:%02d\"\n", time / 60, time % 60);
  if (!err)
    err = scr_buf_puts(&b, "---\n");
  if (!err && preamble && *preamble)
    err = put_section(&b, preamble);
  bool placed = !new_items || !*new_items;
  for (size_t i = 0; !err && i < n; i++) {
    const scr_section *s = &sections[i];
    if (s->role == SCR_ITEM_WORKPROGRAMME && !placed) {
      err = scr_buf_puts(&b, new_items);
      placed = true;
    }
    if (!err && s->role == SCR_ITEM_MINUTES && minutes_item)
      err = put_section(&b, minutes_item);
    else if (!err && (s->role == SCR_ITEM_STANDING ||
                      s->role == SCR_ITEM_WORKPROGRAMME))
      err = put_section(&b, s->text);
  }
  if (!err && !placed)
    err = scr_buf_puts(&b, new_items);
  /* one newline at the end of the file */
  while (!err && b.len > 1 && b.data[b.len - 1] == '\n' &&
         b.data[b.len - 2] == '\n')
    b.data[--b.len] = '\0';
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

/* ---- the agenda before ----------------------------------------------------
 */

/* An agenda read as its sections, each owning its text. */
typedef struct agenda_sections {
  char *preamble;
  scr_section *items;
  char **texts; /* items[i].text, owned */
  char **titles;
  size_t n;
} agenda_sections;

static void sections_free(agenda_sections *a) {
  free(a->preamble);
  scr_free_list(a->texts, a->n);
  scr_free_list(a->titles, a->n);
  free(a->items);
  *a = (agenda_sections){0};
}

/* Where each line of `text` starts; (*starts)[n] is the end. */
static scr_error line_starts(const char *text, size_t len, size_t **starts,
                             size_t *n) {
  size_t count = 1;
  for (size_t i = 0; i < len; i++)
    count += text[i] == '\n' && i + 1 < len;
  *starts = malloc((count + 1) * sizeof **starts);
  if (!*starts)
    return SCR_E_NOMEM;
  size_t k = 0;
  (*starts)[k++] = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n' && i + 1 < len)
      (*starts)[k++] = i + 1;
  (*starts)[k] = len;
  *n = count;
  return SCR_OK;
}

/* Lines first..last (1-based, inclusive) of the text. Caller frees. */
static char *lines(const scr_source *src, const size_t *starts, size_t n,
                   int first, int last) {
  if (first < 1)
    first = 1;
  if ((size_t)last > n)
    last = (int)n;
  if (last < first)
    return scr_strdup("");
  size_t from = starts[first - 1], to = starts[last];
  return scr_strndup(src->text + from, to - from);
}

/* The link and image targets of the blocks from `first` up to `stop`. */
static scr_error section_links(cmark_node *first, cmark_node *stop,
                               const char ***links, size_t *n, size_t *cap) {
  for (cmark_node *b = first; b && b != stop; b = cmark_node_next(b)) {
    cmark_iter *it = cmark_iter_new(b);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node *node = cmark_iter_get_node(it);
      cmark_node_type t = cmark_node_get_type(node);
      const char *url = cmark_node_get_url(node);
      if (ev != CMARK_EVENT_ENTER ||
          (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE) || !url)
        continue;
      if (scr_reserve(links, cap, *n + 1, sizeof **links)) {
        cmark_iter_free(it);
        return SCR_E_NOMEM;
      }
      (*links)[(*n)++] = url;
    }
    cmark_iter_free(it);
  }
  return SCR_OK;
}

static scr_error add_section(agenda_sections *a, const char *date,
                             cmark_node *h, cmark_node *next, char *text) {
  char *heading = scr_node_text(h);
  char *title = heading ? scr_init_strip_attributes(heading) : NULL;
  const char **links = NULL;
  size_t n_links = 0, cap_links = 0, cap = a->n;
  scr_error err = title && text ? SCR_OK : SCR_E_NOMEM;
  if (!err)
    err = section_links(cmark_node_next(h), next, &links, &n_links, &cap_links);
  bool answers =
      heading && title && strstr(heading + strlen(title), "answers=");
  if (!err &&
      (scr_reserve(&a->items, &cap, a->n + 1, sizeof *a->items) ||
       !(a->texts = realloc(a->texts, (a->n + 1) * sizeof *a->texts)) ||
       !(a->titles = realloc(a->titles, (a->n + 1) * sizeof *a->titles))))
    err = SCR_E_NOMEM;
  if (!err) {
    a->items[a->n] = (scr_section){
        scr_init_item_role(date, title, links, n_links, answers), text};
    a->texts[a->n] = text;
    a->titles[a->n++] = title;
    text = title = NULL;
  }
  free(links);
  free(heading);
  free(title);
  free(text);
  return err;
}

/* The agenda of `date` as its sections: each `## ` item from its heading
   to the next. */
static scr_error read_sections(const scr_source *src, const char *date,
                               agenda_sections *a) {
  size_t *starts = NULL, n_lines = 0;
  *a = (agenda_sections){0};
  scr_error err = line_starts(src->text, src->len, &starts, &n_lines);
  cmark_node *h =
      src->doc ? scr_next_heading(cmark_node_first_child(src->doc), 2) : NULL;
  if (!err) {
    int end = h ? scr_source_line(src, h) - 1 : (int)n_lines;
    a->preamble = lines(src, starts, n_lines, src->body_line, end);
    err = a->preamble ? SCR_OK : SCR_E_NOMEM;
  }
  while (!err && h) {
    cmark_node *next = scr_next_heading(cmark_node_next(h), 2);
    int end = next ? scr_source_line(src, next) - 1 : (int)n_lines;
    char *text = lines(src, starts, n_lines, scr_source_line(src, h), end);
    err = add_section(a, date, h, next, text);
    h = next;
  }
  free(starts);
  if (err)
    sections_free(a);
  return err;
}

/* ---- the work programme's items --------------------------------------- */

/* A name for item `title`'s report not taken by an earlier one. */
static char *report_name(const char *title, char **taken, size_t n) {
  char *slug = scr_init_slug(title);
  for (int k = 2; slug; k++) {
    bool clash = false;
    for (size_t i = 0; i < n && !clash; i++)
      clash = strcmp(taken[i], slug) == 0;
    if (!clash)
      return slug;
    char *base = scr_init_slug(title);
    free(slug);
    slug = base ? scr_asprintf("%s-%d", base, k) : NULL;
    free(base);
  }
  return NULL;
}

static scr_error wp_item_text(scr_buf *b, const scr_wp_item *it,
                              const char *iso, const char *slug) {
  char *title = md_escape(it->title);
  scr_error err =
      title ? scr_buf_printf(b, "## %s {to-follow", title) : SCR_E_NOMEM;
  free(title);
  for (size_t i = 0; !err && i < it->n_answers; i++)
    err = scr_buf_printf(b, "%s%s", i ? "," : " answers=", it->answers[i]);
  if (!err)
    err = scr_buf_puts(b, "}\n\n");
  for (size_t i = 0; !err && i < it->n_actions; i++) {
    char *line = md_escape(it->actions[i]);
    err = line ? scr_buf_printf(b, "- %s\n", line) : SCR_E_NOMEM;
    free(line);
  }
  if (!err && it->n_actions)
    err = scr_buf_puts(b, "\n");
  if (!err)
    err = scr_buf_printf(
        b,
        "<!-- The report is to follow: save it as agendas/%s/%s.md (or "
        "link a Word, LibreOffice or PDF file below instead), then take "
        "{to-follow} off the heading. -->\n\n[Appendix](%s/%s.md)\n\n",
        iso, slug, iso, slug);
  return err;
}

/* An item for each work-programme entry of the meeting of `date`. */
static scr_error wp_items(const scr_workprogramme *wp, scr_date date,
                          char **out) {
  scr_buf b = SCR_BUF_INIT;
  char iso[16];
  char **names = NULL;
  size_t n_names = 0;
  scr_error err = SCR_OK;
  scr_date_format(date, SCR_DATE_ISO, iso, sizeof iso);
  for (size_t m = 0; m < wp->n_meetings; m++) {
    const scr_wp_meeting *meeting = &wp->meetings[m];
    if (scr_date_cmp(meeting->date, date) != 0)
      continue;
    for (size_t i = 0; !err && i < meeting->n_items; i++) {
      char *slug = report_name(meeting->items[i].title, names, n_names);
      char **more = slug ? realloc(names, (n_names + 1) * sizeof *names) : NULL;
      if (!more) {
        free(slug);
        err = SCR_E_NOMEM;
        break;
      }
      names = more;
      names[n_names++] = slug;
      err = wp_item_text(&b, &meeting->items[i], iso, slug);
    }
  }
  scr_free_list(names, n_names);
  *out = err ? NULL : scr_buf_detach(&b, NULL);
  scr_buf_free(&b);
  return err;
}

/* ---- the commands ---------------------------------------------------------
 */

static FILE *diag_stream(const scr_options *opts) {
  return opts && opts->diagnostics ? opts->diagnostics : stderr;
}

static char *meeting_file(const scr_workspace *ws, const char *folder,
                          scr_date d) {
  char iso[16];
  scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
  char *rel = scr_asprintf("%s/%s.md", folder, iso);
  char *path = rel ? scr_path_join(ws->root, rel) : NULL;
  free(rel);
  return path;
}

static bool file_there(const char *path) {
  struct stat st;
  return path && stat(path, &st) == 0;
}

static int date_order(const void *a, const void *b) {
  return scr_date_cmp(*(const scr_date *)a, *(const scr_date *)b);
}

/* The committee's meetings in date order. Caller frees. */
static scr_date *sorted_meetings(const scr_committee *c) {
  scr_date *d = calloc(c->n_meetings + 1, sizeof *d);
  if (d && c->n_meetings) {
    memcpy(d, c->meetings, c->n_meetings * sizeof *d);
    qsort(d, c->n_meetings, sizeof *d, date_order);
  }
  return d;
}

/* The schedule as "2026-09-15, 2026-11-17", for messages. */
static void schedule_list(const scr_committee *c, char *out, size_t size) {
  scr_date *d = sorted_meetings(c);
  size_t w = 0;
  out[0] = '\0';
  for (size_t i = 0; d && i < c->n_meetings && w + 12 < size; i++) {
    char iso[16];
    scr_date_format(d[i], SCR_DATE_ISO, iso, sizeof iso);
    w += (size_t)snprintf(out + w, size - w, "%s%s", i ? ", " : "", iso);
  }
  if (!c->n_meetings)
    snprintf(out, size, "none");
  free(d);
}

/* The error for a date the schedule does not hold, at `meetings:`. */
static void not_scheduled(const scr_workspace *ws, const char *date,
                          scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(ws->committee.src->meta, "meetings");
  char list[1024];
  schedule_list(&ws->committee, list, sizeof list);
  scr_error_at(diags, ws->committee.src->path, v ? v->line : 0, v ? v->col : 0,
               "%s is not one of the committee's meetings (%s): add it to "
               "'meetings' here first",
               date, list);
}

/* A date the caller gave: an ISO date in the committee's schedule. */
static bool scheduled_date(const scr_workspace *ws, const char *text,
                           scr_date *d, scr_diags *diags) {
  if (!scr_date_parse(text, d)) {
    fprintf(stderr,
            "scrutineer: error: '%s' is not a date; write it as "
            "YYYY-MM-DD\n",
            text);
    return false;
  }
  if (scr_committee_meets(&ws->committee, *d))
    return true;
  not_scheduled(ws, text, diags);
  return false;
}

/* The next meeting from today on without an agenda. */
static bool next_without_agenda(const scr_workspace *ws, scr_date today,
                                scr_date *out) {
  scr_date *d = sorted_meetings(&ws->committee);
  bool found = false;
  for (size_t i = 0; d && !found && i < ws->committee.n_meetings; i++) {
    if (scr_date_cmp(d[i], today) < 0)
      continue;
    char *path = meeting_file(ws, "agendas", d[i]);
    found = path && !file_there(path);
    if (found)
      *out = d[i];
    free(path);
  }
  free(d);
  return found;
}

/* The latest meeting up to today with an agenda and no minutes. */
static bool latest_unminuted(const scr_workspace *ws, scr_date today,
                             scr_date *out) {
  char *dir = scr_path_join(ws->root, "agendas");
  scr_date *agendas = NULL;
  size_t n = 0;
  bool found = false;
  if (dir && !dated_files(dir, &agendas, &n))
    for (size_t i = 0; i < n; i++) {
      char *minutes = meeting_file(ws, "minutes", agendas[i]);
      if (minutes && !file_there(minutes) &&
          scr_date_cmp(agendas[i], today) <= 0 &&
          (!found || scr_date_cmp(agendas[i], *out) > 0)) {
        *out = agendas[i];
        found = true;
      }
      free(minutes);
    }
  free(dir);
  free(agendas);
  return found;
}

static void say_chosen(const scr_options *opts, const char *what, scr_date d,
                       const char *why) {
  if (opts && opts->quiet)
    return;
  char when[64];
  scr_date_format(d, SCR_DATE_DAY, when, sizeof when);
  printf("%s for the meeting on %s, %s\n", what, when, why);
}

/* The meeting a command is for: the date given, or the default found. */
static scr_error choose_date(const scr_workspace *ws, const char *given,
                             bool agenda, const scr_options *opts, scr_date *d,
                             scr_diags *diags) {
  if (given)
    return scheduled_date(ws, given, d, diags) ? SCR_OK
           : diags->errors                     ? SCR_E_SOURCE
                                               : SCR_E_USAGE;
  scr_date today = scr_init_today(opts);
  if (agenda && next_without_agenda(ws, today, d)) {
    say_chosen(opts, "new agenda", *d,
               "the next meeting in the schedule without an agenda");
    return SCR_OK;
  }
  if (!agenda && latest_unminuted(ws, today, d)) {
    say_chosen(opts, "new minutes", *d,
               "the latest meeting with an agenda and no minutes");
    return SCR_OK;
  }
  if (agenda)
    scr_error_at(diags, ws->committee.src->path, 0, 0,
                 "every meeting in the schedule from today on has an agenda: "
                 "add the next meetings to 'meetings', or name the date");
  else
    scr_error_at(diags, ws->root, 0, 0,
                 "no meeting up to today has an agenda without minutes: "
                 "name the date (scrutineer new minutes YYYY-MM-DD)");
  return SCR_E_SOURCE;
}

/* The latest agenda before `date`, or NULL. Caller frees. */
static char *agenda_before(const scr_workspace *ws, scr_date date) {
  char *dir = scr_path_join(ws->root, "agendas");
  scr_date *agendas = NULL, prev;
  size_t n = 0;
  char *path = NULL;
  if (dir && !dated_files(dir, &agendas, &n) &&
      latest_before(agendas, n, date, &prev))
    path = meeting_file(ws, "agendas", prev);
  free(dir);
  free(agendas);
  return path;
}

/* The new agenda's text: the standing items of `prev` (or of a first
   agenda), the minutes item, the work programme's items for `date`. */
static scr_error agenda_draft(const scr_workspace *ws,
                              const scr_workprogramme *wp, const char *prev,
                              scr_date date, scr_diags *diags, char **out) {
  agenda_sections a = {0};
  scr_source *src = prev ? scr_source_load(prev, true, diags) : NULL;
  scr_error err = prev && !src ? SCR_E_SOURCE : SCR_OK;
  char prev_iso[16] = "";
  if (src) {
    memcpy(prev_iso, strrchr(prev, '/') ? strrchr(prev, '/') + 1 : prev, 10);
    prev_iso[10] = '\0';
    err = read_sections(src, prev_iso, &a);
  }
  const char *minutes_title = NULL;
  for (size_t i = 0; !err && i < a.n; i++)
    if (a.items[i].role == SCR_ITEM_MINUTES && !minutes_title)
      minutes_title = a.titles[i];
  size_t n_standing = 0;
  const scr_section *standing = src ? a.items : scr_init_standing(&n_standing);
  if (src)
    n_standing = a.n;
  char *minutes = NULL, *items = NULL;
  if (!err) {
    minutes =
        scr_init_minutes_item(ws->root, ws->committee.meetings,
                              ws->committee.n_meetings, date, minutes_title);
    err = minutes ? wp_items(wp, date, &items) : SCR_E_NOMEM;
  }
  if (!err) {
    *out = scr_init_agenda_text(date, ws->committee.time, a.preamble, standing,
                                n_standing, minutes, items);
    err = *out ? SCR_OK : SCR_E_NOMEM;
  }
  free(minutes);
  free(items);
  sections_free(&a);
  scr_source_free(src);
  return err;
}

/* The workspace holding `workspace`, its committee read; errors printed. */
static scr_error open_workspace(const char *workspace, scr_workspace *ws,
                                scr_diags *diags) {
  return scr_workspace_open(workspace ? workspace : ".", ws, diags);
}

static scr_error write_agenda(const scr_workspace *ws, scr_date date,
                              const char *text, const scr_options *opts,
                              scr_diags *diags) {
  scr_newfiles nf;
  scr_newfiles_init(&nf, diags);
  char *path = meeting_file(ws, "agendas", date);
  char *folder = path ? scr_strndup(path, strlen(path) - 3) : NULL;
  scr_error err = folder ? SCR_OK : SCR_E_NOMEM;
  /* refuse before making the folder, so a refusal leaves nothing */
  if (!err && file_there(path))
    err = scr_newfiles_text(&nf, path, text);
  if (!err)
    err = scr_newfiles_dir(&nf, folder, true);
  if (!err)
    err = scr_newfiles_text(&nf, path, text);
  if (!err)
    err = scr_newfiles_commit(&nf, opts && opts->quiet);
  scr_newfiles_free(&nf);
  free(path);
  free(folder);
  return err;
}

scr_error scr_new_agenda(const char *workspace, const char *date,
                         const scr_options *opts) {
  scr_diags diags;
  scr_diags_init(&diags);
  scr_workspace ws;
  scr_workprogramme wp = {0};
  scr_date d;
  char *text = NULL, *prev = NULL;
  scr_error err = open_workspace(workspace, &ws, &diags);
  if (!err)
    err = choose_date(&ws, date, true, opts, &d, &diags);
  if (!err)
    err = scr_workprogramme_load(&ws, &wp, &diags);
  if (!err) {
    prev = agenda_before(&ws, d);
    err = agenda_draft(&ws, &wp, prev, d, &diags, &text);
  }
  if (!err)
    err = write_agenda(&ws, d, text, opts, &diags);
  scr_diags_print(&diags, diag_stream(opts));
  free(text);
  free(prev);
  scr_workprogramme_free(&wp);
  scr_workspace_free(&ws);
  scr_diags_free(&diags);
  return err;
}

/* ---- minutes --------------------------------------------------------------
 */

static scr_error yaml_item(scr_buf *b, const char *name, const char *role) {
  char *entry = role ? scr_asprintf("%s (%s)", name, role) : scr_strdup(name);
  char *quoted = entry ? scr_init_yaml_quote(entry) : NULL;
  scr_error err = quoted ? scr_buf_printf(b, "  - %s\n", quoted) : SCR_E_NOMEM;
  free(entry);
  free(quoted);
  return err;
}

/* present: the membership, chair and vice-chair first. */
static scr_error present_list(scr_buf *b, const scr_committee *c) {
  scr_error err = scr_buf_puts(
      b, "# Who attended: strike out anyone absent, and add them to\n"
         "# apologies.\npresent:\n");
  if (!err && c->chair)
    err = yaml_item(b, c->chair, "Chair");
  if (!err && c->vice_chair)
    err = yaml_item(b, c->vice_chair, "Vice-Chair");
  for (size_t i = 0; !err && i < c->n_members; i++)
    err = yaml_item(b, c->members[i], NULL);
  for (size_t i = 0; !err && i < c->n_co_opted; i++)
    err = yaml_item(b, c->co_opted[i], NULL);
  if (!err && !c->chair && !c->vice_chair && !c->n_members && !c->n_co_opted)
    err = scr_buf_puts(b, "  []\n");
  return err;
}

static scr_error minutes_head(scr_buf *b, const scr_committee *c, scr_date d) {
  char iso[16];
  scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
  scr_error err = scr_buf_printf(b, "---\ndate: %s\n", iso);
  if (!err && c->time >= 0)
    err =
        scr_buf_printf(b, "time: \"%02d:%02d\"\n", c->time / 60, c->time % 60);
  if (!err)
    err = present_list(b, c);
  if (!err)
    err = scr_buf_puts(
        b, "# Others who took part: officers, executive members, guests.\n"
           "also_present: []\n"
           "# Members who sent apologies.\n"
           "apologies: []\n"
           "# When the meeting ended, on the 24-hour clock: take the # off.\n"
           "# closed: \"19:30\"\n"
           "---\n");
  return err;
}

/* The date of the minutes an item links (../minutes/YYYY-MM-DD.md). */
static bool linked_minutes(const char *section, scr_date *d) {
  const char *at = strstr(section, "](../minutes/");
  char stem[11];
  if (!at || strlen(at) < 13 + 10)
    return false;
  memcpy(stem, at + 13, 10);
  stem[10] = '\0';
  return scr_date_parse(stem, d);
}

static scr_error minute_text(scr_buf *b, const scr_section *s,
                             const char *title) {
  char *heading = md_escape(title);
  scr_error err =
      heading ? scr_buf_printf(b, "## %s\n\n", heading) : SCR_E_NOMEM;
  free(heading);
  scr_date prev;
  if (!err && s->role == SCR_ITEM_MINUTES && linked_minutes(s->text, &prev)) {
    char when[64];
    scr_date_format(prev, SCR_DATE_PLAIN, when, sizeof when);
    return scr_buf_printf(b,
                          "AGREED:\n\n1. That the minutes of the meeting held "
                          "on %s be confirmed as a correct record.\n\n",
                          when);
  }
  if (!err)
    err = scr_buf_puts(
        b, "Replace this line with what the Committee considered and "
           "discussed; write each decision after a line reading AGREED:, "
           "as a numbered list.\n\n");
  return err;
}

static scr_error minutes_draft(const scr_workspace *ws, scr_date d,
                               const char *agenda, scr_diags *diags,
                               char **out) {
  scr_source *src = scr_source_load(agenda, true, diags);
  if (!src)
    return SCR_E_SOURCE;
  char iso[16];
  scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
  agenda_sections a;
  scr_buf b = SCR_BUF_INIT;
  scr_error err = read_sections(src, iso, &a);
  if (!err)
    err = minutes_head(&b, &ws->committee, d);
  for (size_t i = 0; !err && i < a.n; i++)
    err = minute_text(&b, &a.items[i], a.titles[i]);
  while (!err && b.len > 1 && b.data[b.len - 2] == '\n')
    b.data[--b.len] = '\0';
  *out = err ? NULL : scr_buf_detach(&b, NULL);
  scr_buf_free(&b);
  sections_free(&a);
  scr_source_free(src);
  return err;
}

static scr_error minutes_need_agenda(const scr_workspace *ws, scr_date d,
                                     const char *agenda, scr_diags *diags) {
  if (file_there(agenda))
    return SCR_OK;
  char iso[16];
  scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
  scr_error_at(diags, agenda, 0, 0,
               "there is no agenda for %s: the minutes follow the agenda's "
               "items, so write it first (scrutineer new agenda %s %s)",
               iso, iso, ws->root);
  return SCR_E_SOURCE;
}

scr_error scr_new_minutes(const char *workspace, const char *date,
                          const scr_options *opts) {
  scr_diags diags;
  scr_diags_init(&diags);
  scr_workspace ws;
  scr_date d;
  char *text = NULL, *agenda = NULL, *path = NULL;
  scr_error err = open_workspace(workspace, &ws, &diags);
  if (!err)
    err = choose_date(&ws, date, false, opts, &d, &diags);
  if (!err) {
    agenda = meeting_file(&ws, "agendas", d);
    path = meeting_file(&ws, "minutes", d);
    err = agenda && path ? minutes_need_agenda(&ws, d, agenda, &diags)
                         : SCR_E_NOMEM;
  }
  if (!err)
    err = minutes_draft(&ws, d, agenda, &diags, &text);
  scr_newfiles nf;
  scr_newfiles_init(&nf, &diags);
  if (!err) {
    char *folder = scr_path_join(ws.root, "minutes");
    err = folder ? scr_newfiles_dir(&nf, folder, true) : SCR_E_NOMEM;
    free(folder);
  }
  if (!err)
    err = scr_newfiles_text(&nf, path, text);
  if (!err)
    err = scr_newfiles_commit(&nf, opts && opts->quiet);
  scr_newfiles_free(&nf);
  scr_diags_print(&diags, diag_stream(opts));
  free(text);
  free(agenda);
  free(path);
  scr_workspace_free(&ws);
  scr_diags_free(&diags);
  return err;
}
