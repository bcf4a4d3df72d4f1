/*
 * The work programme and action tracker as tables: in the pack's work
 * programme appendix (as of the meeting) and as a document of its own.
 */
#include "columns.h"
#include "compose.h"
#include "render.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * Each table is written twice over its rows: once to measure the cells,
 * which sizes the columns from their content (columns.c), then to the
 * sink. A table_pass is either.
 */
typedef struct table_pass {
  scr_sink *s;
  scr_columns *measure; /* NULL: writing */
  int col;
  size_t cells;    /* counted while measuring; left to write while writing */
  const char *end; /* a bookmark for the last cell's last paragraph */
} table_pass;

typedef void (*rows_fn)(const void *data, table_pass *p);

static void begin_row(table_pass *p) {
  p->col = 0;
  if (!p->measure)
    scr_sink_begin_row(p->s, false);
}

static void end_row(table_pass *p) {
  if (!p->measure)
    scr_sink_end_row(p->s);
}

static void measure_lines(table_pass *p, char *const *lines, size_t n,
                          scr_metric_face face) {
  scr_columns_begin_cell(p->measure, p->col);
  for (size_t i = 0; i < n; i++) {
    if (i)
      scr_columns_line_break(p->measure);
    if (lines[i])
      scr_columns_text(p->measure, lines[i], strlen(lines[i]), face);
  }
  scr_columns_end_cell(p->measure);
}

static void end_mark(scr_sink *s, const char *name) {
  scr_sink_begin_bookmark(s, name);
  scr_sink_end_bookmark(s, name);
}

/* A cell with one paragraph per line (none: an empty paragraph). */
static void cell_lines(table_pass *p, char *const *lines, size_t n,
                       unsigned flags) {
  if (p->measure) {
    measure_lines(p, lines, n,
                  flags & SCR_RUN_BOLD ? SCR_METRIC_BOLD : SCR_METRIC_REGULAR);
    p->col++;
    p->cells++;
    return;
  }
  scr_sink *s = p->s;
  bool last = p->cells > 0 && --p->cells == 0;
  scr_sink_begin_cell(s);
  for (size_t i = 0; i < n || (i == 0 && n == 0); i++) {
    scr_sink_begin_paragraph(s, SCR_PARA_TABLE_CONTENTS);
    if (i < n && lines[i])
      scr_sink_text(s, lines[i], flags);
    if (last && p->end && i + 1 >= n)
      end_mark(s, p->end);
    scr_sink_end_paragraph(s);
  }
  scr_sink_end_cell(s);
}

static void cell(table_pass *p, const char *text, unsigned flags) {
  char *one = (char *)(text ? text : "");
  cell_lines(p, &one, 1, flags);
}

/* A table's columns and page, from its headings and rows. */
static size_t plan_table(scr_sink *s, const char *const *head, int columns,
                         rows_fn rows, const void *data, scr_table_plan *plan) {
  *plan = (scr_table_plan){0};
  table_pass p = {s, scr_columns_new(columns), 0, 0, NULL};
  if (!p.measure) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return 0;
  }
  for (int i = 0; i < columns; i++) {
    scr_columns_begin_cell(p.measure, i);
    scr_columns_text(p.measure, head[i], strlen(head[i]), SCR_METRIC_BOLD);
    scr_columns_end_cell(p.measure);
  }
  rows(data, &p);
  scr_sink_fail(s, scr_columns_plan(p.measure, s->page, plan));
  scr_columns_free(p.measure);
  return p.cells;
}

/* The table; its last cell holds bookmark `end` when there is one. */
static void write_table(scr_sink *s, const char *const *head, int columns,
                        rows_fn rows, const void *data,
                        const scr_table_plan *plan, size_t cells,
                        const char *end) {
  scr_align align[8] = {SCR_ALIGN_NONE};
  scr_sink_begin_table(s, columns, align, plan->widths);
  scr_sink_begin_row(s, true);
  for (int i = 0; i < columns; i++) {
    scr_sink_begin_cell(s);
    scr_sink_para(s, SCR_PARA_TABLE_HEADING, head[i]);
    scr_sink_end_cell(s);
  }
  scr_sink_end_row(s);
  table_pass p = {s, NULL, 0, cells, end};
  rows(data, &p);
  scr_sink_end_table(s);
}

/* A table under its heading; a table too wide for a portrait page takes
   the heading (and `intro`, when there is one) onto a landscape page. */
static void titled_table(scr_sink *s, int level, const char *title,
                         const char *const *head, int columns, rows_fn rows,
                         const void *data, const char *intro, const char *end) {
  scr_table_plan plan;
  size_t cells = plan_table(s, head, columns, rows, data, &plan);
  if (plan.landscape)
    scr_sink_page_orientation(s, true);
  scr_sink_heading(s, level, title);
  if (intro)
    scr_sink_para(s, SCR_PARA_BODY, intro);
  if (!scr_sink_error(s))
    write_table(s, head, columns, rows, data, &plan, cells, end);
  if (plan.landscape)
    scr_sink_page_orientation(s, false);
  scr_table_plan_free(&plan);
}

static void programme_rows(const void *data, table_pass *p) {
  const scr_workprogramme *wp = data;
  for (size_t m = 0; !scr_sink_error(p->s) && m < wp->n_meetings; m++) {
    char date[64];
    scr_date_format(wp->meetings[m].date, SCR_DATE_PLAIN, date, sizeof date);
    for (size_t i = 0; i < wp->meetings[m].n_items; i++) {
      const scr_wp_item *it = &wp->meetings[m].items[i];
      begin_row(p);
      cell(p, date, 0);
      cell(p, it->title, 0);
      cell_lines(p, it->actions, it->n_actions, 0);
      cell(p, it->progress, 0);
      end_row(p);
    }
  }
}

static void forward_rows(const void *data, table_pass *p) {
  const scr_workprogramme *wp = data;
  for (size_t i = 0; !scr_sink_error(p->s) && i < wp->n_forward; i++) {
    const scr_wp_item *it = &wp->forward[i];
    begin_row(p);
    cell(p, it->title, 0);
    cell_lines(p, it->actions, it->n_actions, 0);
    cell(p, it->proposed_date, 0);
    end_row(p);
  }
}

/* Overdue and unscheduled actions stand out: in words, in bold. */
static void status_cell(table_pass *p, scr_status st) {
  bool alarm = st == SCR_STATUS_OVERDUE || st == SCR_STATUS_UNSCHEDULED;
  char word[32];
  snprintf(word, sizeof word, "%s", scr_status_name(st));
  word[0] = (char)toupper((unsigned char)word[0]);
  cell(p, word, alarm ? SCR_RUN_BOLD : 0);
}

static void action_row(const scr_tracked *t, table_pass *p) {
  char agreed[64], due[64] = "";
  scr_date_format(t->minutes->date, SCR_DATE_PLAIN, agreed, sizeof agreed);
  if (t->res->due_from != SCR_DUE_NONE)
    scr_date_format(t->res->due, SCR_DATE_PLAIN, due, sizeof due);
  begin_row(p);
  cell(p, t->res->id, 0);
  cell(p, t->res->text, 0);
  cell(p, agreed, 0);
  cell(p, due, 0);
  cell(p, t->res->owner, 0);
  cell(p, t->answered_by, 0);
  status_cell(p, t->status);
  end_row(p);
}

static void action_rows(const void *data, table_pass *p) {
  const scr_tracker *t = data;
  for (size_t i = 0; !scr_sink_error(p->s) && i < t->n; i++)
    action_row(&t->rows[i], p);
}

/* "As of <date>: n actions: n scheduled, ...". Caller frees. */
static char *summary(const scr_tracker *t) {
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
  return scr_buf_detach(&b, NULL);
}

static void tracker_table(const scr_tracker *t, scr_sink *s, int level,
                          const char *end) {
  static const char *const HEAD[] = {"ID",    "Action",      "Agreed at", "Due",
                                     "Owner", "Answered by", "Status"};
  char *line = summary(t);
  if (!line) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  if (t->n == 0) {
    scr_sink_heading(s, level, "Action tracker");
    scr_sink_para(s, SCR_PARA_BODY, line);
    scr_sink_begin_paragraph(s, SCR_PARA_BODY);
    scr_sink_text(s, "No actions have been agreed.", 0);
    if (end)
      end_mark(s, end);
    scr_sink_end_paragraph(s);
  } else {
    titled_table(s, level, "Action tracker", HEAD, 7, action_rows, t, line,
                 end);
  }
  free(line);
}

scr_error scr_compose_tracker_tables(const scr_workprogramme *wp,
                                     const scr_tracker *t, scr_sink *s,
                                     int level, const char *end) {
  static const char *const PROGRAMME[] = {
      "Meeting date", "Item", "Recommendations / Actions", "Progress"};
  static const char *const FORWARD[] = {"Topic", "Detail", "Proposed date"};
  if (wp->src) {
    titled_table(s, level, "Work programme", PROGRAMME, 4, programme_rows, wp,
                 NULL, NULL);
    titled_table(s, level, "Forward plan", FORWARD, 3, forward_rows, wp, NULL,
                 NULL);
  }
  tracker_table(t, s, level, end);
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
  scr_compose_tracker_tables(wp, t, s, 1, NULL);
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
