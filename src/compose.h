/* Composers: documents described as calls on a sink. */
#ifndef SCR_COMPOSE_H
#define SCR_COMPOSE_H

#include "model.h"
#include "sink.h"

/** The pages an appendix fills: its first and its last. */
typedef struct scr_span {
  int first, last;
} scr_span;

/** Names derived from a meeting: document title, footer, file stem. */
typedef struct scr_doc_strings {
  char title[512];
  char footer[512];
  char file_stem[256];
} scr_doc_strings;

/**
 * Names of a committee's document about date `d`: title and footer
 * "<committee>: <what>, <17 June 2026>", file stem
 * "<short>-<2026-06-17>-<kind>" made safe for a file name.
 */
void scr_doc_names(scr_doc_strings *out, const scr_committee *c, scr_date d,
                   const char *what, const char *kind);

/**
 * The pack's front (front sheet or the supplement's, the agenda) alone,
 * with every appendix on page 1, into `s`: what the page estimate starts
 * from.
 */
scr_error scr_compose_pack_front(const scr_workspace *ws, scr_agenda *ag,
                                 scr_pack_kind kind,
                                 const scr_workprogramme *wp,
                                 const scr_tracker *tracker, scr_sink *s);
/**
 * Appendix `index` of `ag` alone, as the pack of `kind` has it, into `s`:
 * each appendix starts a page, so the pages it fills can be counted on
 * their own, and its tree is needed only while it is.
 */
scr_error scr_compose_pack_appendix(const scr_workspace *ws, scr_agenda *ag,
                                    scr_pack_kind kind,
                                    const scr_workprogramme *wp,
                                    const scr_tracker *tracker, size_t index,
                                    scr_sink *s);

/** Title, footer and file stem of the pack of `kind`. */
void scr_pack_info(const scr_workspace *ws, const scr_agenda *ag,
                   scr_pack_kind kind, scr_doc_strings *out);

/**
 * The agenda pack of `kind`: front sheet, agenda (public items, then the
 * exempt ones in a private session), appendices; the work programme
 * appendix as tables from `wp` and `tracker` (as of the meeting). `pages[i]`
 * are the pages shown (until recomputed) for appendix i; NULL shows page 1
 * everywhere, for the estimating pass. `exact` says the pages are the
 * layout's own, not estimated.
 */
scr_error scr_compose_pack(const scr_workspace *ws, scr_agenda *ag,
                           scr_pack_kind kind, const scr_workprogramme *wp,
                           const scr_tracker *tracker, const scr_span *pages,
                           bool exact, scr_sink *sink);

void scr_minutes_info(const scr_workspace *ws, const scr_minutes *m,
                      scr_doc_strings *out);

/** Minutes as their own document. */
scr_error scr_compose_minutes(const scr_workspace *ws, const scr_minutes *m,
                              scr_sink *sink);

/**
 * The minutes layout below a title: held line, attendance, each minute
 * (headings at `level`), closing time and signature lines, the last
 * holding bookmark `end` (NULL: none). Shared by the minutes document and
 * the pack's minutes appendices.
 */
scr_error scr_compose_minutes_body(const scr_workspace *ws,
                                   const scr_minutes *m, scr_sink *sink,
                                   int level, const char *end);

/**
 * The work programme, forward plan and action tracker tables under headings
 * at `level`; the last cell, or the last paragraph, holds bookmark `end`
 * (NULL: none).
 */
scr_error scr_compose_tracker_tables(const scr_workprogramme *wp,
                                     const scr_tracker *tracker, scr_sink *sink,
                                     int level, const char *end);

void scr_tracker_info(const scr_workspace *ws, const scr_tracker *t,
                      scr_doc_strings *out);

/** The work programme and tracker as their own document. */
scr_error scr_compose_tracker(const scr_workspace *ws,
                              const scr_workprogramme *wp,
                              const scr_tracker *tracker, scr_sink *sink);

/** The action tracker as RFC 4180 CSV (UTF-8, CRLF). Caller frees. */
char *scr_tracker_csv(const scr_tracker *t, size_t *len);

#endif
