/*
 * Reading ahead: sources named before they are needed are read and parsed
 * on a second thread while the first checks the ones before them, so
 * loading a workspace uses both cores. Whoever asks for a source that
 * nobody has started parses it itself, and while waiting for one being
 * parsed parses the next one named, so neither thread idles while work is
 * left.
 *
 * What a run reports does not depend on it: a source's diagnostics are
 * kept with it and added to the caller's when the source is taken, so they
 * come in the order the sources are asked for, as if each were read then;
 * a source named but never asked for is dropped unseen. At most
 * SCR_AHEAD_MAX sources are parsed and not yet taken, which keeps the
 * trees held to a few beyond what a sequential reading holds.
 */
#ifndef SCR_AHEAD_H
#define SCR_AHEAD_H

#include "diag.h"
#include "source.h"

#include <stdbool.h>

/** Sources parsed, or being parsed, and not yet taken: at most this many. */
#define SCR_AHEAD_MAX 3

typedef struct scr_ahead scr_ahead;

/** A new reader-ahead, its thread started on the first source named. Free
    with scr_ahead_free. NULL when out of memory. */
scr_ahead *scr_ahead_new(void);
/** Stop the thread and free every source parsed and not taken. */
void scr_ahead_free(scr_ahead *a);

/**
 * Name a source that will be asked for with the same `path` and
 * `need_meta`. Naming one again, or one already taken, does nothing; with
 * a NULL `a`, or when memory runs out, nothing is read ahead.
 */
void scr_ahead_want(scr_ahead *a, const char *path, bool need_meta);

/**
 * The source at `path`, as scr_source_load gives it (ownership passes to
 * the caller): parsed ahead if it was named, read now otherwise. Its
 * diagnostics go to `diags`. `a` may be NULL.
 */
scr_source *scr_ahead_take(scr_ahead *a, const char *path, bool need_meta,
                           scr_diags *diags);

#endif
