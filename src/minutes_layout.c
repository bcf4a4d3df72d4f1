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

#define CALL(s, op, ...) ((s)->ops->op((s)->self, __VA_ARGS__))
#define CALL0(s, op) ((s)->ops->op((s)->self))

/* A copy in capitals, as minute headings are printed. Caller frees. */
static char *capitals(const char *s) {
  char *up = scr_strdup(s);
  for (char *c = up; c && *c; c++)
    *c = (char)toupper((unsigned char)*c);
  return up;
}

/* The surname a list entry ends with, to spot the chair in "Councillor X". */
static const char *last_word(const char *s, size_t *n) {
  const char *end = s + strlen(s);
  while (end > s && (end[-1] == ' ' || end[-1] == ')'))
    end--;
  const char *start = end;
  while (start > s && start[-1] != ' ')
    start--;
  *n = (size_t)(end - start);
  return start;
}

static bool same_person(const char *entry, const char *name) {
  if (!name)
    return false;
  size_t a, b;
  const char *x = last_word(entry, &a), *y = last_word(name, &b);
  return a == b && a > 0 && strncmp(x, y, a) == 0;
}

/* "Councillor Batool" becomes "Councillor Batool (Chair)" unless marked. */
static char *attendee(const scr_committee *c, const char *entry) {
  if (strchr(entry, '('))
    return scr_strdup(entry);
  if (same_person(entry, c->chair))
    return scr_asprintf("%s (Chair)", entry);
  if (same_person(entry, c->vice_chair))
    return scr_asprintf("%s (Vice-Chair)", entry);
  return scr_strdup(entry);
}

static scr_error people(const scr_committee *c, scr_sink *s, int level,
                        const scr_ynode *list, const char *heading) {
  if (!list || list->kind != SCR_Y_SEQ || list->count == 0)
    return SCR_OK;
  scr_error err = scr_sink_heading(s, level, heading);
  for (size_t i = 0; !err && i < list->count; i++) {
    if (list->items[i]->kind != SCR_Y_SCALAR)
      continue;
    char *line = attendee(c, list->items[i]->scalar);
    err = line ? scr_sink_para(s, SCR_PARA_BODY, line) : SCR_E_NOMEM;
    free(line);
  }
  return err;
}

static scr_error held_line(const scr_minutes *m, scr_sink *s) {
  char date[64], time[32] = "";
  scr_date_format(m->date, SCR_DATE_HEADLINE, date, sizeof date);
  if (m->time >= 0)
    scr_time_format(m->time, time, sizeof time);
  char *line =
      m->time >= 0 ? scr_asprintf("%s at %s", date, time) : scr_strdup(date);
  scr_error err =
      line ? CALL(s, begin_paragraph, SCR_PARA_FRONT_MATTER) : SCR_E_NOMEM;
  if (!err)
    err = scr_sink_text(s, "Held: ", SCR_RUN_BOLD);
  if (!err)
    err = scr_sink_text(s, line, 0);
  free(line);
  return err ? err : CALL0(s, end_paragraph);
}

static scr_error minute(const scr_minutes *m, const scr_minute *item,
                        scr_sink *s, int level) {
  char *title = capitals(item->title);
  char *heading = title ? scr_asprintf("%d. %s", item->number, title) : NULL;
  free(title);
  if (!heading)
    return SCR_E_NOMEM;
  scr_error err = scr_sink_heading(s, level, heading);
  free(heading);
  cmark_node *body = cmark_node_next(item->heading);
  cmark_node *stop = scr_next_heading(body, 2);
  scr_render r = {s, m->src, level + 1, NULL, NULL};
  if (!err && body != stop)
    err = scr_render_blocks(&r, body, stop);
  return err;
}

/* The closing time, unless the clerk already wrote it in the last minute. */
static scr_error closing(const scr_minutes *m, scr_sink *s) {
  if (m->closed < 0)
    return SCR_OK;
  char hhmm[16];
  snprintf(hhmm, sizeof hhmm, "%02d:%02d", m->closed / 60, m->closed % 60);
  char *said = scr_asprintf("closed at %s", hhmm);
  char *body = scr_node_text(m->src->doc);
  bool already = said && body && strstr(body, said);
  free(body);
  char *line = scr_asprintf("The meeting closed at %s.", hhmm);
  scr_error err = said && line ? SCR_OK : SCR_E_NOMEM;
  if (!err && !already)
    err = scr_sink_para(s, SCR_PARA_BODY, line);
  free(said);
  free(line);
  return err;
}

scr_error scr_compose_minutes_body(const scr_workspace *ws,
                                   const scr_minutes *m, scr_sink *s,
                                   int level) {
  const scr_committee *c = &ws->committee;
  const scr_ynode *meta = m->src->meta;
  scr_error err = held_line(m, s);
  if (!err)
    err = people(c, s, level, scr_meta_get(meta, "present"), "Present");
  if (!err)
    err =
        people(c, s, level, scr_meta_get(meta, "also_present"), "Also present");
  if (!err)
    err = people(c, s, level, scr_meta_get(meta, "apologies"),
                 "Apologies for absence");
  for (size_t i = 0; !err && i < m->n_items; i++)
    err = minute(m, &m->items[i], s, level);
  if (!err)
    err = closing(m, s);
  /* the Chair signs the minutes as a correct record at the next meeting */
  if (!err)
    err = scr_sink_para(s, SCR_PARA_SIGNATURE,
                        "Signed as a correct record: ____________________ "
                        "(Chair)");
  if (!err)
    err = scr_sink_para(s, SCR_PARA_SIGNATURE, "Date: ____________________");
  return err;
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
  scr_doc_info info = {names.title, "Minutes",    c->council,
                       SCR_LANGUAGE,     names.footer, false};
  char *up = capitals(c->name);
  char *title =
      up ? scr_asprintf("Minutes of the Meeting of the %s", up) : NULL;
  free(up);
  scr_error err = title ? CALL(s, begin_document, &info) : SCR_E_NOMEM;
  if (!err)
    err = scr_sink_para(s, SCR_PARA_SUBTITLE, c->council);
  if (!err)
    err = scr_sink_para(s, SCR_PARA_TITLE, title);
  free(title);
  if (!err)
    err = scr_compose_minutes_body(ws, m, s, 1);
  return err ? err : CALL0(s, end_document);
}
