/*
 * The site folder's manifest (site_manifest.c): read by a site build to
 * know what it need not rebuild, written at its end.
 */
#ifndef SCR_SITE_MANIFEST_H
#define SCR_SITE_MANIFEST_H

#include "site.h"
#include "util.h"

#define SCR_SITE_MANIFEST ".scrutineer-site.tsv"

/** What a previous build recorded of a document. */
typedef struct scr_site_recorded {
  char *stem, *hash, *built, *pages_docx, *pages_odt;
  bool exact;
} scr_site_recorded;

typedef struct scr_site_manifest {
  scr_site_recorded *docs;
  size_t n, cap;
  char *calendar_hash, *calendar_stamp; /* NULL when none was recorded */
} scr_site_manifest;

/**
 * The manifest in the site folder `dir`; empty when there is none, or
 * where its lines are not ours (those documents are rebuilt). SCR_E_NOMEM
 * only. Free with scr_site_manifest_free.
 */
scr_error scr_site_manifest_read(const char *dir, scr_site_manifest *m);
void scr_site_manifest_free(scr_site_manifest *m);

/** The record of the document `stem`, or NULL. Borrowed from `m`. */
const scr_site_recorded *scr_site_manifest_find(const scr_site_manifest *m,
                                                const char *stem);

/**
 * The pages recorded as "3,5,12", `n` of them; NULL for "-", and NULL with
 * *bad set when the count does not match (the document is then rebuilt).
 * Caller frees.
 */
int *scr_site_pages_parse(const char *s, size_t n, bool *bad);

/** The manifest of `site`'s documents and the calendar, appended to `out`. */
scr_error scr_site_manifest_text(const scr_site *site, const char *cal_hash,
                                 const char *cal_stamp, scr_buf *out);

#endif
