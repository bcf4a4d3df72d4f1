/*
 * The work programme and action tracker as tables: in the pack's work
 * programme appendix (as of the meeting) and as a document of its own.
 */
#include "compose.h"
#include "render.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void begin_table(scr_sink *s, const char *const *headings, int columns,
                        const int *widths) {
  scr_align align[8] = {SCR_ALIGN_NONE};
  scr_sink_begin_table(s, columns, align, widths);
  scr_sink_begin_row(s, true);
  for (int i = 0; i < columns; i++) {
    scr_sink_begin_cell(s);
    scr_sink_para(s, SCR_PARA_TABLE_HEADING, headings[i]);
    scr_sink_end_cell(s);
  }
  scr_sink_end_row(s);
}

/* A cell with one paragraph per line (none: an empty paragraph). */
static void cell_lines(scr_sink *s, char *const *lines, size_t n,
                       unsigned flags) {
  scr_sink_begin_cell(s);
  for (size_t i = 0; i < n; i++) {
    scr_sink_begin_paragraph(s, SCR_PARA_TABLE_CONTENTS);
    if (lines[i])
      scr_sink_text(s, lines[i], flags);
    scr_sink_end_paragraph(s);
  }
  if (n == 0)
    scr_sink_para(s, SCR_PARA_TABLE_CONTENTS, NULL);
  scr_sink_end_cell(s);
}

static void cell(scr_sink *s, const char *text, unsigned flags) {
  char *one = (char *)(text ? text : "");
  cell_lines(s, &one, 1, flags);
}

static void programme_table(const scr_workprogramme *wp, scr_sink *s) {
  static const char *const HEAD[] = {"Meeting date", "Item",
                                     "Recommendations / Actions", "Progress"};
  static const int WIDTHS[] = {2, 3, 4, 3};
  begin_table(s, HEAD, 4, WIDTHS);
  for (size_t m = 0; !scr_sink_error(s) && m < wp->n_meetings; m++) {
    char date[64];
    scr_date_format(wp->meetings[m].date, SCR_DATE_PLAIN, date, sizeof date);
    for (size_t i = 0; i < wp->meetings[m].n_items; i++) {
      const scr_wp_item *it = &wp->meetings[m].items[i];
      scr_sink_begin_row(s, false);
      cell(s, date, 0);
      cell(s, it->title, 0);
      cell_lines(s, it->actions, it->n_actions, 0);
      cell(s, it->progress, 0);
      scr_sink_end_row(s);
    }
  }
  scr_sink_end_table(s);
}

static void forward_table(const scr_workprogramme *wp, scr_sink *s) {
  static const char *const HEAD[] = {"Topic", "Detail", "Proposed date"};
  static const int WIDTHS[] = {4, 4, 2};
  begin_table(s, HEAD, 3, WIDTHS);
  for (size_t i = 0; !scr_sink_error(s) && i < wp->n_forward; i++) {
    const scr_wp_item *it = &wp->forward[i];
    scr_sink_begin_row(s, false);
    cell(s, it->title, 0);
    cell_lines(s, it->actions, it->n_actions, 0);
    cell(s, it->proposed_date, 0);
    scr_sink_end_row(s);
  }
  scr_sink_end_table(s);
}

/* Overdue and unscheduled actions stand out: in words, in bold. */
static void status_cell(scr_sink *s, scr_status st) {
  bool alarm = st == SCR_STATUS_OVERDUE || st == SCR_STATUS_UNSCHEDULED;
  char word[32];
  snprintf(word, sizeof word, "%s", scr_status_name(st));
  word[0] = (char)toupper((unsigned char)word[0]);
  cell(s, word, alarm ? SCR_RUN_BOLD : 0);
}

static void action_row(const scr_tracked *t, scr_sink *s) {
  char agreed[64], due[64] = "";
  scr_date_format(t->minutes->date, SCR_DATE_PLAIN, agreed, sizeof agreed);
  if (t->res->due_from != SCR_DUE_NONE)
    scr_date_format(t->res->due, SCR_DATE_PLAIN, due, sizeof due);
  scr_sink_begin_row(s, false);
  cell(s, t->res->id, 0);
  cell(s, t->res->text, 0);
  cell(s, agreed, 0);
  cell(s, due, 0);
  cell(s, t->res->owner, 0);
  cell(s, t->answered_by, 0);
  status_cell(s, t->status);
  scr_sink_end_row(s);
}

static void summary(const scr_tracker *t, scr_sink *s) {
  char date[64];
  scr_date_format(t->today, SCR_DATE_PLAIN, date, sizeof date);
  scr_buf b = SCR_BUF_INIT;
  scr_buf_printf(&b, "As of %s: %zu action%s", date, t->n,
                 t->n == 1 ? "" : "s");
  const char *sep = ":";
  for (int st = 0; st < SCR_STATUS_COUNT; st++)
    if (t->count[st]) {
      scr_buf_printf(&b, "%s %zu %s", sep, t->count[st],
                     scr_status_name((scr_status)st));
      sep = ",";
    }
  scr_buf_puts(&b, ".");
  char *line = scr_buf_detach(&b, NULL);
  if (line)
    scr_sink_para(s, SCR_PARA_BODY, line);
  else
    scr_sink_fail(s, SCR_E_NOMEM);
  free(line);
}

static void tracker_table(const scr_tracker *t, scr_sink *s) {
  static const char *const HEAD[] = {"ID",    "Action",      "Agreed at", "Due",
                                     "Owner", "Answered by", "Status"};
  static const int WIDTHS[] = {8, 20, 12, 14, 13, 15, 18};
  summary(t, s);
  if (t->n == 0) {
    scr_sink_para(s, SCR_PARA_BODY, "No actions have been agreed.");
    return;
  }
  begin_table(s, HEAD, 7, WIDTHS);
  for (size_t i = 0; !scr_sink_error(s) && i < t->n; i++)
    action_row(&t->rows[i], s);
  scr_sink_end_table(s);
}

scr_error scr_compose_tracker_tables(const scr_workprogramme *wp,
                                     const scr_tracker *t, scr_sink *s,
                                     int level) {
  if (wp->src) {
    scr_sink_heading(s, level, "Work programme");
    programme_table(wp, s);
    scr_sink_heading(s, level, "Forward plan");
    forward_table(wp, s);
  }
  scr_sink_heading(s, level, "Action tracker");
  tracker_table(t, s);
  return scr_sink_error(s);
}

void scr_tracker_info(const scr_workspace *ws, const scr_tracker *t,
                      scr_doc_strings *out) {
  scr_doc_names(out, &ws->committee, t->today,
                "work programme and action tracker", "tracker");
}

scr_error scr_compose_tracker(const scr_workspace *ws,
                              const scr_workprogramme *wp, const scr_tracker *t,
                              scr_sink *s) {
  const scr_committee *c = &ws->committee;
  scr_doc_strings names;
  scr_tracker_info(ws, t, &names);
  scr_doc_info info = {names.title,  "Work programme and action tracker",
                       c->council,   SCR_LANGUAGE,
                       names.footer, false};
  char *title = scr_asprintf("%s: work programme and action tracker", c->name);
  if (!title)
    scr_sink_fail(s, SCR_E_NOMEM);
  scr_sink_begin_document(s, &info);
  scr_sink_para(s, SCR_PARA_SUBTITLE, c->council);
  scr_sink_para(s, SCR_PARA_TITLE, title);
  free(title);
  if (wp->src)
    scr_sink_para(s, SCR_PARA_FRONT_MATTER, wp->title);
  scr_compose_tracker_tables(wp, t, s, 1);
  scr_sink_end_document(s);
  return scr_sink_error(s);
}

/* RFC 4180: quote fields holding commas, quotes or line ends. */
static void csv_field(scr_buf *b, const char *s, bool last) {
  s = s ? s : "";
  if (strpbrk(s, ",\"\r\n")) {
    scr_buf_puts(b, "\"");
    for (; *s; s++)
      scr_buf_append(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
    scr_buf_puts(b, "\"");
  } else {
    scr_buf_puts(b, s);
  }
  scr_buf_puts(b, last ? "\r\n" : ",");
}

char *scr_tracker_csv(const scr_tracker *t, size_t *len) {
  scr_buf b = SCR_BUF_INIT;
  static const char *const HEAD[] = {"ID",    "Action",      "Agreed at", "Due",
                                     "Owner", "Answered by", "Status"};
  for (size_t i = 0; i < 7; i++)
    csv_field(&b, HEAD[i], i == 6);
  for (size_t i = 0; i < t->n; i++) {
    const scr_tracked *r = &t->rows[i];
    char agreed[16], due[16] = "";
    scr_date_format(r->minutes->date, SCR_DATE_ISO, agreed, sizeof agreed);
    if (r->res->due_from != SCR_DUE_NONE)
      scr_date_format(r->res->due, SCR_DATE_ISO, due, sizeof due);
    csv_field(&b, r->res->id, false);
    csv_field(&b, r->res->text, false);
    csv_field(&b, agreed, false);
    csv_field(&b, due, false);
    csv_field(&b, r->res->owner, false);
    csv_field(&b, r->answered_by, false);
    csv_field(&b, scr_status_name(r->status), true);
  }
  return scr_buf_detach(&b, len);
}
