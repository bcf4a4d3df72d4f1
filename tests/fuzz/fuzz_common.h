/*
 * What the fuzzing harnesses share: a private scratch folder, copying and
 * removing workspace trees, and the checks every built document gets
 * (each XML part well-formed, the CSV free of NUL bytes).
 */
#ifndef SCR_FUZZ_COMMON_H
#define SCR_FUZZ_COMMON_H

/* memmem, for the harnesses that split their input at markers */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "build.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FUZZ_WORKSPACE
#error "FUZZ_WORKSPACE must name tests/fixtures/small"
#endif

/** "dir/rel" as a new string; aborts when out of memory. */
char *fuzz_path(const char *dir, const char *rel);
/** A file's bytes as a new buffer, its length in *len; aborts on failure. */
char *fuzz_slurp(const char *path, size_t *len);
/** Write `len` bytes to `path`, replacing it; aborts on failure. */
void fuzz_spill(const char *path, const void *data, size_t len);
/** Copy the folder tree `from` to `to` (which must not exist). */
void fuzz_copy_tree(const char *from, const char *to);
/** Remove `dir` and everything in it, links not followed. */
void fuzz_remove_tree(const char *dir);
/** A new private folder under $TMPDIR (or /tmp); caller frees the name. */
char *fuzz_scratch(void);

/**
 * Zip the parts `data` describes (each "=== name\n" at a line's start, then
 * its bytes) into a new file at `path`, deflated or, `stored`, not; so
 * that mutations reach the XML behind libzip's CRCs. Aborts on failure.
 */
void fuzz_zip_parts(const char *path, const char *data, size_t size,
                    bool stored);

/* scr_output callbacks: abort on a part that is not well-formed XML, or a
   flat file holding NUL. */
scr_error fuzz_check_package(void *ctx, const char *stem, const char *ext,
                             const scr_package *pkg);
scr_error fuzz_check_bytes(void *ctx, const char *stem, const char *ext,
                           const char *data, size_t len);

#endif
