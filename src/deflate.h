/*
 * Raw deflate streams made while a document is still being written: the
 * writer hands over its XML in blocks and a second thread compresses them,
 * helped by the writer whenever it would otherwise wait, so composing and
 * compressing the body of a large pack overlap and share both cores, and
 * the uncompressed body is never held whole in memory. Each block is
 * deflated on its own (libdeflate), so the bytes made are the same
 * whichever thread compressed which block.
 *
 * Each stream ends on a byte boundary without a final block (zlib's sync
 * flush), so finished streams can be joined into one zip entry in any order
 * they were made: the ODT writer learns its automatic styles, which come
 * before the body, only once the body is written.
 */
#ifndef SCR_DEFLATE_H
#define SCR_DEFLATE_H

#include "scrutineer.h"

#include <stddef.h>
#include <stdint.h>

/**
 * Compression level of every deflated part: zlib's default, libzip's, and
 * libdeflate's level of about the same size. Level 3 or 4 would deflate a
 * pack's XML 1.5 to 2.7 times as fast for packages 11 to 17% larger
 * (bench/RESULTS.md); compressing shares both cores with the writing, so
 * the smaller package is kept.
 */
#define SCR_DEFLATE_LEVEL 6

/**
 * Bytes compressed at a time. Every block ends as a sync flush does (4 or 5
 * bytes) and is compressed without the one before, so the stream's bytes
 * depend on where blocks end: after each SCR_DEFLATE_BLOCK bytes written,
 * and at each scr_deflate_contents or scr_deflate_finish.
 */
#define SCR_DEFLATE_BLOCK (128u * 1024u)

typedef struct scr_deflate scr_deflate;

/** A finished stream: compressed bytes (borrowed), CRC-32 and size of what
    went in. */
typedef struct scr_deflated {
  const unsigned char *data;
  size_t len;
  uint32_t crc;
  size_t raw_len;
} scr_deflated;

/** A new, empty stream. Free with scr_deflate_free. NULL when out of memory.
 */
scr_deflate *scr_deflate_new(void);
void scr_deflate_free(scr_deflate *d);

/** Append bytes to the stream (copied). */
scr_error scr_deflate_write(scr_deflate *d, const void *data, size_t len);

/**
 * Compress everything written and end on a byte boundary; no more writes.
 * `out` borrows from `d`. Calling it again gives the same result.
 */
scr_error scr_deflate_finish(scr_deflate *d, scr_deflated *out);

/**
 * Everything written so far, decompressed again (a new NUL-terminated
 * buffer; caller frees). For tests: before the stream is finished this
 * adds a flush point to it.
 */
scr_error scr_deflate_contents(scr_deflate *d, char **data, size_t *len);

/**
 * Join finished streams into one complete raw deflate stream (a new buffer,
 * caller frees), with the CRC-32 and size of the whole.
 */
scr_error scr_deflate_join(const scr_deflated *parts, size_t n,
                           unsigned char **data, size_t *len, uint32_t *crc,
                           size_t *raw_len);

/** Decompress a complete raw deflate stream of `raw_len` bytes into a new
    NUL-terminated buffer (caller frees). */
scr_error scr_inflate(const unsigned char *data, size_t len, size_t raw_len,
                      char **out);

#endif
