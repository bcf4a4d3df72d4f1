/* SHA-256 of labelled inputs, through libnettle. */
#include "digest.h"

#include <stdio.h>
#include <string.h>

void scr_digest_init(scr_digest *d) {
  sha256_init(&d->ctx);
}

void scr_digest_add(scr_digest *d, const char *label, const void *data,
                    size_t len) {
  char head[64];
  int n = snprintf(head, sizeof head, "%.40s:%zu:", label, len);
  sha256_update(&d->ctx, (size_t)n, (const uint8_t *)head);
  if (len)
    sha256_update(&d->ctx, len, data);
}

void scr_digest_add_str(scr_digest *d, const char *label, const char *s) {
  scr_digest_add(d, label, s ? s : "", s ? strlen(s) : 0);
}

void scr_digest_bytes(scr_digest *d, unsigned char out[SHA256_DIGEST_SIZE]) {
  sha256_digest(&d->ctx, SHA256_DIGEST_SIZE, out);
}

void scr_digest_hex(scr_digest *d, char hex[SCR_DIGEST_HEX]) {
  unsigned char raw[SHA256_DIGEST_SIZE];
  scr_digest_bytes(d, raw);
  for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++)
    snprintf(hex + 2 * i, 3, "%02x", raw[i]);
}
