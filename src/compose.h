/* Composers: documents described as calls on a sink. */
#ifndef SCR_COMPOSE_H
#define SCR_COMPOSE_H

#include "model.h"
#include "sink.h"

/** Names derived from a meeting: document title, footer, file stem. */
typedef struct scr_pack_strings {
  char title[512];
  char footer[512];
  char file_stem[256];
} scr_pack_strings;

void scr_pack_info(const scr_workspace *ws, const scr_agenda *ag,
                   scr_pack_strings *out);

/**
 * The agenda pack: front sheet, agenda, appendices. `pages[i]` is the page
 * shown (until recomputed) for appendix i; NULL shows 1 everywhere, for the
 * estimating pass.
 */
scr_error scr_compose_pack(const scr_workspace *ws, const scr_agenda *ag,
                           const int *pages, scr_sink *sink);

#endif
