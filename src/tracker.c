/*
 * The tracker: every action agreed in minutes, followed to the agendas and
 * work-programme items that answer it, with a status as of a date.
 */
#include "model.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const STATUS_NAMES[SCR_STATUS_COUNT] = {
    [SCR_STATUS_DONE] = "done",
    [SCR_STATUS_ON_AGENDA] = "on agenda",
    [SCR_STATUS_SCHEDULED] = "scheduled",
    [SCR_STATUS_OVERDUE] = "overdue",
    [SCR_STATUS_UNSCHEDULED] = "unscheduled",
};

const char *scr_status_name(scr_status s) {
  return (unsigned)s < SCR_STATUS_COUNT ? STATUS_NAMES[s] : "unknown";
}

scr_status scr_status_of(const scr_status_facts *f) {
  if (f->minuted_answer || f->recorded_done)
    return SCR_STATUS_DONE;
  if (f->agenda_answer)
    return SCR_STATUS_ON_AGENDA;
  if (f->planned_ahead || (f->has_due && f->due_ahead))
    return SCR_STATUS_SCHEDULED;
  /* a due meeting, or a planned one, has passed with nothing answering */
  if (f->has_due || f->planned_past)
    return SCR_STATUS_OVERDUE;
  return SCR_STATUS_UNSCHEDULED;
}

static bool answers(char *const *ids, size_t n, const char *id) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(ids[i], id) == 0)
      return true;
  return false;
}

/* Minutes of meeting `d` existed as of `today` (the morning of it). */
static bool minuted(const scr_minutes_book *book, scr_date d, scr_date today) {
  for (size_t i = 0; i < book->n; i++)
    if (scr_date_cmp(book->files[i].date, d) == 0 && scr_date_cmp(d, today) < 0)
      return true;
  return false;
}

static const scr_resolution *find_resolution(const scr_minutes_book *book,
                                             const char *id) {
  for (size_t i = 0; i < book->n; i++)
    for (size_t k = 0; k < book->files[i].n_res; k++)
      if (strcmp(book->files[i].res[k].id, id) == 0)
        return &book->files[i].res[k];
  return NULL;
}

/* Every ID an agenda or the work programme names must be a resolution. */
static void check_ids(const scr_minutes_book *book, const char *path, int line,
                      char *const *ids, size_t n, scr_diags *diags) {
  for (size_t i = 0; i < n; i++) {
    const scr_resolution *r = find_resolution(book, ids[i]);
    if (!r)
      scr_error_at(diags, path, line, 1,
                   "answers=%s names no resolution in the minutes", ids[i]);
    else if (!r->action)
      scr_warn_at(diags, path, line, 1,
                  "answers=%s names a decision, not an action", ids[i]);
  }
}

void scr_tracker_check_answers(const scr_minutes_book *book,
                               const scr_workprogramme *wp,
                               const scr_agenda *agendas, size_t n_agendas,
                               scr_diags *diags) {
  for (size_t a = 0; a < n_agendas; a++)
    for (size_t i = 0; i < agendas[a].n_items; i++) {
      const scr_item *it = &agendas[a].items[i];
      if (it->answers)
        check_ids(book, agendas[a].src->path, it->line, &it->answers, 1, diags);
    }
  for (size_t m = 0; wp && m < wp->n_meetings; m++)
    for (size_t i = 0; i < wp->meetings[m].n_items; i++) {
      const scr_wp_item *it = &wp->meetings[m].items[i];
      check_ids(book, wp->src->path, it->line, it->answers, it->n_answers,
                diags);
    }
  for (size_t i = 0; wp && i < wp->n_forward; i++)
    check_ids(book, wp->src->path, wp->forward[i].line, wp->forward[i].answers,
              wp->forward[i].n_answers, diags);
}

static void note_answer(scr_buf *by, const char *what, scr_date d, int item) {
  char date[64];
  scr_date_format(d, SCR_DATE_PLAIN, date, sizeof date);
  if (by->len)
    scr_buf_puts(by, "; ");
  if (item > 0)
    scr_buf_printf(by, "%s %s (item %d)", what, date, item);
  else
    scr_buf_printf(by, "%s %s", what, date);
}

static scr_error track(const scr_minutes_book *book,
                       const scr_workprogramme *wp, const scr_agenda *agendas,
                       size_t n_agendas, scr_date today,
                       const scr_resolution *r, scr_tracked *row) {
  scr_status_facts f = {0};
  scr_buf by = SCR_BUF_INIT;
  for (size_t a = 0; a < n_agendas; a++)
    for (size_t i = 0; i < agendas[a].n_items; i++) {
      const scr_item *it = &agendas[a].items[i];
      if (!it->answers || strcmp(it->answers, r->id) != 0)
        continue;
      if (minuted(book, agendas[a].date, today))
        f.minuted_answer = true;
      else
        f.agenda_answer = true;
      note_answer(&by, "Agenda", agendas[a].date, it->number);
    }
  for (size_t m = 0; wp && m < wp->n_meetings; m++)
    for (size_t i = 0; i < wp->meetings[m].n_items; i++) {
      const scr_wp_item *it = &wp->meetings[m].items[i];
      if (!answers(it->answers, it->n_answers, r->id))
        continue;
      scr_date d = wp->meetings[m].date;
      f.recorded_done |= it->done;
      if (scr_date_cmp(d, today) >= 0)
        f.planned_ahead = true;
      else
        f.planned_past = true;
      note_answer(&by, "Work programme", d, 0);
    }
  for (size_t i = 0; wp && i < wp->n_forward; i++)
    f.recorded_done |=
        wp->forward[i].done &&
        answers(wp->forward[i].answers, wp->forward[i].n_answers, r->id);
  f.has_due = r->due_from != SCR_DUE_NONE;
  f.due_ahead = f.has_due && scr_date_cmp(r->due, today) >= 0;
  row->res = r;
  row->status = scr_status_of(&f);
  row->answered_by = scr_buf_detach(&by, NULL);
  return row->answered_by ? SCR_OK : SCR_E_NOMEM;
}

scr_error scr_tracker_build(const scr_minutes_book *book,
                            const scr_workprogramme *wp,
                            const scr_agenda *agendas, size_t n_agendas,
                            scr_date today, scr_tracker *out,
                            scr_diags *diags) {
  *out = (scr_tracker){.today = today};
  size_t before = diags ? diags->errors : 0;
  if (diags)
    scr_tracker_check_answers(book, wp, agendas, n_agendas, diags);
  /* as of a date, only actions agreed at earlier meetings exist: a pack
     published before its meeting cannot list what the meeting agrees */
  size_t actions = 0;
  for (size_t i = 0; i < book->n; i++)
    for (size_t k = 0; k < book->files[i].n_res; k++)
      actions += book->files[i].res[k].action &&
                 scr_date_cmp(book->files[i].date, today) < 0;
  out->rows = calloc(actions + 1, sizeof *out->rows);
  if (!out->rows)
    return SCR_E_NOMEM;
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < book->n; i++)
    for (size_t k = 0; !err && k < book->files[i].n_res; k++) {
      const scr_resolution *r = &book->files[i].res[k];
      if (!r->action || scr_date_cmp(book->files[i].date, today) >= 0)
        continue;
      scr_tracked *row = &out->rows[out->n++];
      row->minutes = &book->files[i];
      err = track(book, wp, agendas, n_agendas, today, r, row);
      if (!err)
        out->count[row->status]++;
    }
  if (err)
    return err;
  return diags && diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

void scr_tracker_free(scr_tracker *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->rows[i].answered_by);
  free(t->rows);
  *t = (scr_tracker){0};
}

/* Minutes that are an exempt appendix of `ag`. */
static bool exempt_minutes(const scr_agenda *ag, const scr_minutes *m) {
  for (size_t i = 0; i < ag->n_appendices; i++)
    if (ag->appendices[i].minutes == m && ag->appendices[i].exempt)
      return true;
  return false;
}

void scr_tracker_drop_exempt(scr_tracker *t, const scr_agenda *ag) {
  size_t kept = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (exempt_minutes(ag, t->rows[i].minutes)) {
      t->count[t->rows[i].status]--;
      free(t->rows[i].answered_by);
      continue;
    }
    t->rows[kept++] = t->rows[i];
  }
  t->n = kept;
}
