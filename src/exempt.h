/*
 * Exempt information: the descriptions of Part 1 of Schedule 12A to the
 * Local Government Act 1972 (as amended by the Local Government (Access to
 * Information) (Variation) Order 2006) and the wording a pack uses for an
 * item taken in private.
 */
#ifndef SCR_EXEMPT_H
#define SCR_EXEMPT_H

#include <stddef.h>

/* The header on every page of an exempt appendix in the private pack. */
#define SCR_NOT_FOR_PUBLICATION "NOT FOR PUBLICATION"

/** The description of paragraph 1..7 of Part 1 of Schedule 12A, or NULL. */
const char *scr_exempt_description(int paragraph);

/**
 * "Not for publication by virtue of paragraph N of Part 1 of Schedule 12A
 * of the Local Government Act 1972" into out (truncated to n).
 */
void scr_exempt_notice(int paragraph, char *out, size_t n);

/**
 * The standard resolution to exclude the press and public before `count`
 * exempt reports (wording in the singular for one), as two paragraphs:
 * the explanation and the recommendation. Borrowed, never NULL.
 */
const char *scr_exclusion_explanation(void);
const char *scr_exclusion_recommendation(size_t count);

#endif
