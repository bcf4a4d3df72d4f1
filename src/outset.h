/*
 * A set of output files written together or not at all. Each file is
 * written to a temporary beside its place and flushed to disk; only when
 * every file of the set is complete are they renamed into place, so a
 * failed run (a full disk, a bad input found late, a kill) leaves the
 * documents of the last good run as they were, never a new DOCX beside an
 * old ODT. Temporaries are named PATH.tmp-<pid>-XXXXXX, so that a later
 * run can tell those whose owner is gone and remove them.
 */
#ifndef SCR_OUTSET_H
#define SCR_OUTSET_H

#include "scrutineer.h"

#include <stddef.h>
#include <stdio.h>

/* Writes a file's bytes to `f`; any non-OK return abandons the file. */
typedef scr_error (*scr_fill_fn)(void *ctx, FILE *f);

typedef struct scr_staged scr_staged;

typedef struct scr_outset {
  scr_staged *files;
  size_t n, cap;
  int sys_errno; /* errno of the first failure, or 0 */
} scr_outset;

/** An empty set; nothing to free until a file is added. */
#define SCR_OUTSET_INIT                                                        \
  { NULL, 0, 0, 0 }

/**
 * Write a temporary beside `path` with `fill`, flush it to disk, and keep
 * it in the set, to replace `path` when the set is committed. On failure
 * the temporary is removed; the set's earlier files stay staged.
 */
scr_error scr_outset_add(scr_outset *s, const char *path, scr_fill_fn fill,
                         void *ctx);
/** scr_outset_add with `len` bytes of `data` as the file. */
scr_error scr_outset_add_bytes(scr_outset *s, const char *path,
                               const void *data, size_t len);

/**
 * Rename every staged file into place, in the order added, and flush the
 * folders. A rename fails only when the folder itself does (the
 * temporaries sit beside their places); the files not yet renamed are
 * then removed and SCR_E_IO returned.
 */
scr_error scr_outset_commit(scr_outset *s);

/** The number of files staged or committed, and each one's path. */
size_t scr_outset_count(const scr_outset *s);
const char *scr_outset_path(const scr_outset *s, size_t i);

/** A sentence for the first failure (strerror of its errno), or NULL. */
const char *scr_outset_failure(const scr_outset *s);
/**
 * Why `err`, returned by a call on `s`, happened, for a message: the
 * system's reason for an I/O failure when there is one, else the code's
 * sentence. Never NULL; static.
 */
const char *scr_outset_reason(const scr_outset *s, scr_error err);

/** Remove the temporaries not committed and free the set. */
void scr_outset_free(scr_outset *s);

/** One file written as a set of one. */
scr_error scr_file_write_atomic(const char *path, const void *data, size_t len);

/**
 * Make the output folder `dir` when it does not exist, and remove the
 * temporaries runs now gone left in it (scr_outset_remove_stale).
 * SCR_E_NOT_FILE when `dir` is something other than a folder; SCR_E_IO
 * when it cannot be made.
 */
scr_error scr_outset_folder(const char *dir);

/**
 * Remove from `dir` the temporaries of this naming whose owner process is
 * gone (a run killed, or stopped by a file size limit, while writing):
 * regular files of ours, not links. Others' and live runs' stay.
 */
void scr_outset_remove_stale(const char *dir);

/**
 * The owner pid in a temporary's name "NAME.tmp-<pid>-XXXXXX", or 0 when
 * `name` is not one.
 */
long scr_outset_owner(const char *name);

#endif
