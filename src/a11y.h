/*
 * Accessibility checks (Public Sector Bodies Accessibility Regulations 2018,
 * WCAG 2.1 AA): what a source's Markdown does that would make the published
 * document hard to use with a screen reader. Each finding is a warning, or
 * an error when the run is strict.
 */
#ifndef SCR_A11Y_H
#define SCR_A11Y_H

#include "model.h"

/** A run's accessibility checker: where findings go, and what it has seen. */
typedef struct scr_a11y {
  scr_diags *diags;
  bool strict; /* findings are errors, not warnings */
  char **seen; /* canonical paths already checked */
  size_t n_seen, cap_seen;
  bool out_of_memory;
} scr_a11y;

/** Start a checker reporting to `diags`. Free with scr_a11y_free. */
void scr_a11y_init(scr_a11y *a, scr_diags *diags, bool strict);
void scr_a11y_free(scr_a11y *a);

/**
 * Check one source's body in one walk: images without alt text, skipped
 * heading levels, tables without a header row, links with no text or with
 * text that means nothing out of context. With `needs_title` (a report) a
 * source with neither a front-matter `title` nor a heading is reported too.
 * A file this checker has checked before is skipped, so a report linked
 * from two agendas is reported once. SCR_E_NOMEM when memory ran out.
 */
scr_error scr_a11y_check_source(scr_a11y *a, const scr_source *src,
                                bool needs_title);

/** Check an agenda and each of its appendices not checked before. */
scr_error scr_a11y_check_agenda(scr_a11y *a, const scr_agenda *agenda);

/**
 * Check every source of a workspace once: the committee's standing text,
 * every minutes file, the work programme, and every agenda with its
 * appendices (a report linked from two agendas is checked once).
 */
scr_error scr_a11y_check_workspace(scr_a11y *a, const scr_workspace *ws,
                                   const scr_minutes_book *book,
                                   const scr_workprogramme *wp,
                                   const scr_agenda *agendas, size_t n_agendas);

#endif
