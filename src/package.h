/*
 * A zip package (DOCX, ODT) built in memory and written as a file of an
 * output set (outset.h), so a failed run never leaves a half-written
 * document, nor half of a set.
 */
#ifndef SCR_PACKAGE_H
#define SCR_PACKAGE_H

#include "outset.h"
#include "scrutineer.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct scr_package scr_package;

/** A new, empty package. Free with scr_package_free. NULL when out of memory.
 */
scr_package *scr_package_new(void);
void scr_package_free(scr_package *pkg);

/**
 * Add a part. The package takes ownership of `data` (allocated with malloc)
 * even on failure. `store` keeps it uncompressed (the ODT "mimetype" part,
 * which must also be added first). Parts are written in the order added.
 */
scr_error scr_package_add(scr_package *pkg, const char *name, char *data,
                          size_t len, bool store);
struct scr_deflate;
/**
 * Add a part made of `outer` (borrowed) with the stream `inner` in it at
 * byte `at`: the body of a document, compressed while it was written, in
 * the XML around it. `inner` is finished here and stays the caller's; its
 * compressed bytes are copied.
 */
scr_error scr_package_add_around(scr_package *pkg, const char *name,
                                 const char *outer, size_t outer_len, size_t at,
                                 struct scr_deflate *inner);
/** Add a copy of `len` bytes of `data`. */
scr_error scr_package_add_copy(scr_package *pkg, const char *name,
                               const void *data, size_t len, bool store);
/** The bytes of a part (decompressed, for one added compressed), or NULL.
    Borrowed. */
const char *scr_package_get(const scr_package *pkg, const char *name,
                            size_t *len);

/** The number of parts, and the name and bytes of part `i` (borrowed;
    decompressed as scr_package_get; NULL when that fails). */
size_t scr_package_count(const scr_package *pkg);
const char *scr_package_part(const scr_package *pkg, size_t i,
                             const char **data, size_t *len);

/** Write the zip as a file of `set`, to replace `path` when it commits. */
scr_error scr_package_stage(const scr_package *pkg, scr_outset *set,
                            const char *path);

/** Write the zip to `path` atomically: a set of one file. */
scr_error scr_package_write(const scr_package *pkg, const char *path);

#endif
