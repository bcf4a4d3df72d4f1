/*
 * The minutes layout of a council: who was present, each minute numbered
 * ("214. WELCOME AND APOLOGIES FOR ABSENCE"), resolutions numbered, the
 * closing time, and a place for the Chair to sign them as a correct record.
 */
#include "compose.h"
#include "render.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A copy in capitals, as minute headings are printed. Caller frees. */
static char *capitals(const char *s) {
  char *up = scr_strdup(s);
  for (char *c = up; c && *c; c++)
    *c = (char)toupper((unsigned char)*c);
  return up;
}

/* "Councillor Batool" becomes "Councillor Batool (Chair)" unless marked. */
static char *attendee(const scr_committee *c, const char *entry) {
  if (strchr(entry, '('))
    return scr_strdup(entry);
  if (scr_same_person(entry, c->chair))
    return scr_asprintf("%s (Chair)", entry);
  if (scr_same_person(entry, c->vice_chair))
    return scr_asprintf("%s (Vice-Chair)", entry);
  return scr_strdup(entry);
}

static void people(const scr_committee *c, scr_sink *s, int level,
                   const scr_ynode *list, const char *heading) {
  if (!list || list->kind != SCR_Y_SEQ || list->count == 0)
    return;
  scr_sink_heading(s, level, heading);
  for (size_t i = 0; !scr_sink_error(s) && i < list->count; i++) {
    if (list->items[i]->kind != SCR_Y_SCALAR)
      continue;
    char *line = attendee(c, list->items[i]->scalar);
    if (line)
      scr_sink_para(s, SCR_PARA_BODY, line);
    else
      scr_sink_fail(s, SCR_E_NOMEM);
    free(line);
  }
}

static void held_line(const scr_minutes *m, scr_sink *s) {
  char date[64], time[32] = "";
  scr_date_format(m->date, SCR_DATE_HEADLINE, date, sizeof date);
  if (m->time >= 0)
    scr_time_format(m->time, time, sizeof time);
  char *line =
      m->time >= 0 ? scr_asprintf("%s at %s", date, time) : scr_strdup(date);
  if (!line) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_begin_paragraph(s, SCR_PARA_FRONT_MATTER);
  scr_sink_text(s, "Held: ", SCR_RUN_BOLD);
  scr_sink_text(s, line, 0);
  free(line);
  scr_sink_end_paragraph(s);
}

/* "221. TITLE", its bookmark around it when a link of the minutes leads
   to it. */
static void minute_heading(const scr_render *r, const scr_minute *item,
                           int level) {
  scr_sink *s = r->sink;
  char *title = capitals(item->title);
  char *heading = title ? scr_asprintf("%d. %s", item->number, title) : NULL;
  free(title);
  if (!heading) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  char mark[SCR_ANCHOR_BOOKMARK_MAX];
  bool marked = scr_render_heading_bookmark(r, item->heading, mark);
  scr_sink_begin_heading(s, level);
  if (marked)
    scr_sink_begin_bookmark(s, mark);
  scr_sink_text(s, heading, 0);
  if (marked)
    scr_sink_end_bookmark(s, mark);
  scr_sink_end_heading(s);
  free(heading);
}

static void minute(const scr_minutes *m, const scr_minute *item, scr_sink *s,
                   int level) {
  /* the bookmarks of a minutes file's headings begin with its date: one
     document holds a minutes file at most once */
  char scope[32];
  snprintf(scope, sizeof scope, "Minutes_%04d_%02d_%02d", m->date.year,
           m->date.month, m->date.day);
  scr_render r = {s, m->src, level + 1, NULL, NULL, scope, NULL, NULL, NULL};
  minute_heading(&r, item, level);
  cmark_node *body = cmark_node_next(item->heading);
  cmark_node *stop = scr_next_heading(body, 2);
  if (body != stop)
    scr_render_blocks(&r, body, stop);
}

/* The clerk's own sentence already gives the closing time, written as the
   documents write times or in the 24-hour form of the front matter. */
static bool closing_said(const scr_minutes *m, const char *shown, scr_sink *s) {
  char *body = scr_node_text(m->src->doc);
  char *said = scr_asprintf("closed at %s", shown);
  char *hhmm =
      scr_asprintf("closed at %02d:%02d", m->closed / 60, m->closed % 60);
  if (!body || !said || !hhmm)
    scr_sink_fail(s, SCR_E_NOMEM);
  bool already =
      body && said && hhmm && (strstr(body, said) || strstr(body, hhmm));
  free(body);
  free(said);
  free(hhmm);
  return already;
}

/* The closing time, unless the clerk already wrote it in the last minute;
   in the style of every other time in the documents ("6:46 pm"). */
static void closing(const scr_minutes *m, scr_sink *s) {
  if (m->closed < 0 || scr_sink_error(s))
    return;
  char shown[32];
  scr_time_format(m->closed, shown, sizeof shown);
  if (closing_said(m, shown, s) || scr_sink_error(s))
    return;
  char *line = scr_asprintf("The meeting closed at %s.", shown);
  if (line)
    scr_sink_para(s, SCR_PARA_BODY, line);
  else
    scr_sink_fail(s, SCR_E_NOMEM);
  free(line);
}

scr_error scr_compose_minutes_body(const scr_workspace *ws,
                                   const scr_minutes *m, scr_sink *s, int level,
                                   const char *end) {
  const scr_committee *c = &ws->committee;
  const scr_ynode *meta = m->src->meta;
  held_line(m, s);
  people(c, s, level, scr_meta_get(meta, "present"), "Present");
  people(c, s, level, scr_meta_get(meta, "also_present"), "Also present");
  people(c, s, level, scr_meta_get(meta, "apologies"), "Apologies for absence");
  for (size_t i = 0; !scr_sink_error(s) && i < m->n_items; i++)
    minute(m, &m->items[i], s, level);
  closing(m, s);
  /* the Chair signs the minutes as a correct record at the next meeting */
  scr_sink_para(s, SCR_PARA_SIGNATURE,
                "Signed as a correct record: ____________________ "
                "(Chair)");
  scr_sink_begin_paragraph(s, SCR_PARA_SIGNATURE);
  scr_sink_text(s, "Date: ____________________", 0);
  if (end) {
    scr_sink_begin_bookmark(s, end);
    scr_sink_end_bookmark(s, end);
  }
  scr_sink_end_paragraph(s);
  return scr_sink_error(s);
}

void scr_minutes_info(const scr_workspace *ws, const scr_minutes *m,
                      scr_doc_strings *out) {
  scr_doc_names(out, &ws->committee, m->date, "minutes", "minutes");
}

scr_error scr_compose_minutes(const scr_workspace *ws, const scr_minutes *m,
                              scr_sink *s) {
  const scr_committee *c = &ws->committee;
  scr_doc_strings names;
  scr_minutes_info(ws, m, &names);
  scr_doc_info info = {names.title,  "Minutes",    c->council,
                       SCR_LANGUAGE, names.footer, false};
  char *up = capitals(c->name);
  char *title =
      up ? scr_asprintf("Minutes of the Meeting of the %s", up) : NULL;
  free(up);
  if (!title)
    scr_sink_fail(s, SCR_E_NOMEM);
  scr_sink_begin_document(s, &info);
  scr_sink_para(s, SCR_PARA_SUBTITLE, c->council);
  scr_sink_para(s, SCR_PARA_TITLE, title);
  free(title);
  scr_compose_minutes_body(ws, m, s, 1, NULL);
  scr_sink_end_document(s);
  return scr_sink_error(s);
}
