/*
 * SHA-256 (libnettle) over labelled inputs: what a site records of the
 * sources a document was built from, to tell whether it must be rebuilt.
 */
#ifndef SCR_DIGEST_H
#define SCR_DIGEST_H

#include <nettle/sha2.h>
#include <stddef.h>

/** Hex digits of a SHA-256 digest, with the NUL. */
#define SCR_DIGEST_HEX (2 * SHA256_DIGEST_SIZE + 1)

typedef struct scr_digest {
  struct sha256_ctx ctx;
} scr_digest;

void scr_digest_init(scr_digest *d);
/**
 * Add one input under a label. Label and length go in first, so that
 * ("ab", "c") and ("a", "bc") never hash alike.
 */
void scr_digest_add(scr_digest *d, const char *label, const void *data,
                    size_t len);
/** scr_digest_add of a NUL-terminated string; NULL counts as "". */
void scr_digest_add_str(scr_digest *d, const char *label, const char *s);
/** The digest as lowercase hex into `hex`; `d` is spent. */
void scr_digest_hex(scr_digest *d, char hex[SCR_DIGEST_HEX]);
/** The raw digest; `d` is spent. */
void scr_digest_bytes(scr_digest *d, unsigned char out[SHA256_DIGEST_SIZE]);

#endif
