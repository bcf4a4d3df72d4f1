/* Mistakes in an agenda that would otherwise pass without a word. */
#ifndef SCR_AGENDA_LINT_H
#define SCR_AGENDA_LINT_H

#include "model.h"

/**
 * The number an item's title starts with ("## 1. Apologies"), which the
 * pack would print after its own: warned at, and taken out of the heading.
 */
void scr_item_drop_own_number(const scr_source *src, scr_item *item,
                              scr_diags *diags);

/**
 * Headings of the agenda below item level (`###`), which are not items
 * but part of the text of the item before them: a warning at each.
 */
void scr_agenda_warn_subheadings(const scr_agenda *ag, scr_diags *diags);

/**
 * Report files in a meeting's folder (agendas/YYYY-MM-DD/) that none of
 * the `n` agendas includes as an appendix: a warning naming each.
 */
scr_error scr_agendas_warn_unlinked_reports(const scr_agenda *list, size_t n,
                                            scr_diags *diags);

#endif
