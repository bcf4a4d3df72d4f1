/*
 * A council's council.md, read for the workspace of one of its committees
 * (workspace.c) and for the council as a whole (scr_council_open).
 */
#ifndef SCR_COUNCIL_H
#define SCR_COUNCIL_H

#include "model.h"

/** The council folder (as the user would write it) whose committees/
    folder holds the committee folder `root`, or NULL. Caller frees. */
char *scr_council_root_of(const char *root);

/**
 * Load council.md of the council folder `root`, which the council takes,
 * and read its facts but its template (its committees are not listed). Problems
 * go to `diags`; SCR_E_SOURCE when there were errors. Free with
 * scr_council_free.
 */
scr_error scr_council_load(char *root, scr_council *council, scr_diags *diags);

/** council.md's template:, resolved inside the council's folder
    (workspace.c, where paths are resolved). */
void scr_council_read_template(scr_council *council, scr_diags *diags);

/** `path` with "." segments removed and "x/.." pairs folded, lexically.
    Caller frees. */
char *scr_path_tidy(const char *path);

/** `contacts:` of a committee.md or council.md: *out (caller frees) holds
 *n of them, borrowed from the source's front matter. */
void scr_contacts_read(const scr_source *src, scr_contact **out, size_t *n,
                       scr_diags *diags);

/** A file name of the kinds a template is (scr_template_format_of). */
bool scr_names_template(const char *name);

/** appendix_numbering: -1 when not given (or wrong: an error), 0 for
    letters, 1 for numbers. */
int scr_meta_numbering(const scr_source *src, scr_diags *diags);

/** bank_holidays: into *out; false when not given, or (an error) not a
    region known. */
bool scr_meta_holidays(const scr_source *src, scr_holidays *out,
                       scr_diags *diags);

#endif
