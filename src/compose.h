/* Composers: documents described as calls on a sink. */
#ifndef SCR_COMPOSE_H
#define SCR_COMPOSE_H

#include "model.h"
#include "sink.h"

/** Names derived from a meeting: document title, footer, file stem. */
typedef struct scr_doc_strings {
  char title[512];
  char footer[512];
  char file_stem[256];
} scr_doc_strings;

/** "<short>-<iso date>-<kind>", made safe for a file name. */
void scr_file_stem(scr_doc_strings *out, const char *short_name,
                   const char *iso_date, const char *kind);

void scr_pack_info(const scr_workspace *ws, const scr_agenda *ag,
                   scr_doc_strings *out);

/**
 * The agenda pack: front sheet, agenda, appendices. `pages[i]` is the page
 * shown (until recomputed) for appendix i; NULL shows 1 everywhere, for the
 * estimating pass.
 */
scr_error scr_compose_pack(const scr_workspace *ws, const scr_agenda *ag,
                           const int *pages, scr_sink *sink);

void scr_minutes_info(const scr_workspace *ws, const scr_minutes *m,
                      scr_doc_strings *out);

/** Minutes as their own document. */
scr_error scr_compose_minutes(const scr_workspace *ws, const scr_minutes *m,
                              scr_sink *sink);

/**
 * The minutes layout below a title: held line, attendance, each minute
 * (headings at `level`), closing time and signature lines. Shared by the
 * minutes document and the pack's minutes appendices.
 */
scr_error scr_compose_minutes_body(const scr_workspace *ws,
                                   const scr_minutes *m, scr_sink *sink,
                                   int level);

#endif
