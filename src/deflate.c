/*
 * Raw deflate streams compressed on a second thread (zlib).
 *
 * The writing thread fills fixed-size blocks and queues them; the
 * compressing thread, started when the first block is full, deflates them in
 * order. A stream that never fills a block is compressed on the writing
 * thread when it is finished, so small parts start no thread. Whichever
 * thread compresses, the output is the same: one zlib stream fed the same
 * bytes in the same blocks.
 */
#include "deflate.h"
#include "util.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define BLOCK_SIZE (64u * 1024u) /* bytes handed over at a time */
#define QUEUE_LEN 16u            /* blocks waiting: 1 MB at most */
#define WINDOW_BITS (-15)        /* raw deflate, as in a zip entry */
#define MEM_LEVEL 9              /* libzip's setting */
#define OUT_CHUNK (64u * 1024u)  /* room made for each deflate() call */

typedef struct block {
  unsigned char *data;
  size_t len;
} block;

struct scr_deflate {
  /* the stream: the compressing thread's while it runs, else the writer's */
  z_stream z;
  unsigned char *out; /* compressed so far */
  size_t out_len, out_cap;
  uint32_t crc;
  size_t raw_len;
  scr_error z_err; /* first compression failure */

  /* the writing thread's */
  block filling; /* the block being filled */
  scr_error err; /* first failure seen by the writer */
  bool finished;
  bool threaded;
  pthread_t thread;

  /* shared, under `lock` */
  pthread_mutex_t lock;
  pthread_cond_t changed; /* a block was queued or done, or work ended */
  block queue[QUEUE_LEN];
  size_t head, count;
  bool busy;    /* the compressing thread holds a block */
  bool closing; /* no more blocks will come */
};

/* ---- compressing --------------------------------------------------------
 */

static scr_error reserve_out(scr_deflate *d, size_t room) {
  if (d->out_cap - d->out_len >= room)
    return SCR_OK;
  size_t cap = d->out_cap ? d->out_cap : OUT_CHUNK;
  while (cap - d->out_len < room)
    cap *= 2;
  unsigned char *grown = realloc(d->out, cap);
  if (!grown)
    return SCR_E_NOMEM;
  d->out = grown;
  d->out_cap = cap;
  return SCR_OK;
}

/* Deflate `len` bytes with `flush`, growing the output as needed. */
static scr_error deflate_bytes(scr_deflate *d, const unsigned char *data,
                               size_t len, int flush) {
  d->z.next_in = (unsigned char *)data;
  d->z.avail_in = (uInt)len;
  do {
    if (reserve_out(d, OUT_CHUNK) != SCR_OK)
      return SCR_E_NOMEM;
    d->z.next_out = d->out + d->out_len;
    d->z.avail_out = (uInt)(d->out_cap - d->out_len);
    int rc = deflate(&d->z, flush);
    d->out_len = d->out_cap - d->z.avail_out;
    if (rc != Z_OK && rc != Z_BUF_ERROR)
      return SCR_E_ZIP;
  } while (d->z.avail_out == 0);
  return d->z.avail_in == 0 ? SCR_OK : SCR_E_ZIP;
}

static void compress_block(scr_deflate *d, const block *b) {
  if (d->z_err)
    return;
  d->crc = (uint32_t)crc32(d->crc, b->data, (uInt)b->len);
  d->raw_len += b->len;
  d->z_err = deflate_bytes(d, b->data, b->len, Z_NO_FLUSH);
}

static void *compressing_thread(void *arg) {
  scr_deflate *d = arg;
  pthread_mutex_lock(&d->lock);
  for (;;) {
    while (d->count == 0 && !d->closing)
      pthread_cond_wait(&d->changed, &d->lock);
    if (d->count == 0)
      break;
    block b = d->queue[d->head];
    d->head = (d->head + 1) % QUEUE_LEN;
    d->count--;
    d->busy = true;
    pthread_cond_broadcast(&d->changed);
    pthread_mutex_unlock(&d->lock);
    compress_block(d, &b);
    free(b.data);
    pthread_mutex_lock(&d->lock);
    d->busy = false;
    pthread_cond_broadcast(&d->changed);
  }
  pthread_mutex_unlock(&d->lock);
  return NULL;
}

/* ---- handing over blocks ------------------------------------------------
 */

/* Queue the filled block for the compressing thread, starting it for the
   first full block; without a thread, compress it here. */
static void hand_over(scr_deflate *d, bool full) {
  block b = d->filling;
  d->filling = (block){0};
  if (b.len == 0) {
    free(b.data);
    return;
  }
  if (full && !d->threaded &&
      pthread_create(&d->thread, NULL, compressing_thread, d) == 0)
    d->threaded = true;
  if (!d->threaded) {
    compress_block(d, &b);
    free(b.data);
    return;
  }
  pthread_mutex_lock(&d->lock);
  while (d->count == QUEUE_LEN)
    pthread_cond_wait(&d->changed, &d->lock);
  d->queue[(d->head + d->count) % QUEUE_LEN] = b;
  d->count++;
  pthread_cond_broadcast(&d->changed);
  pthread_mutex_unlock(&d->lock);
}

/* Wait until the compressing thread has done every block queued; it then
   waits for more, so the stream is the writer's to touch. */
static void drain(scr_deflate *d) {
  if (!d->threaded)
    return;
  pthread_mutex_lock(&d->lock);
  while (d->count > 0 || d->busy)
    pthread_cond_wait(&d->changed, &d->lock);
  pthread_mutex_unlock(&d->lock);
}

static void stop_thread(scr_deflate *d) {
  if (!d->threaded)
    return;
  pthread_mutex_lock(&d->lock);
  d->closing = true;
  pthread_cond_broadcast(&d->changed);
  pthread_mutex_unlock(&d->lock);
  pthread_join(d->thread, NULL);
  d->threaded = false;
}

/* ---- the stream ---------------------------------------------------------
 */

scr_deflate *scr_deflate_new(void) {
  scr_deflate *d = calloc(1, sizeof *d);
  if (!d)
    return NULL;
  d->crc = (uint32_t)crc32(0, Z_NULL, 0);
  if (pthread_mutex_init(&d->lock, NULL) != 0) {
    free(d);
    return NULL;
  }
  if (pthread_cond_init(&d->changed, NULL) != 0) {
    pthread_mutex_destroy(&d->lock);
    free(d);
    return NULL;
  }
  if (deflateInit2(&d->z, SCR_DEFLATE_LEVEL, Z_DEFLATED, WINDOW_BITS, MEM_LEVEL,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    pthread_cond_destroy(&d->changed);
    pthread_mutex_destroy(&d->lock);
    free(d);
    return NULL;
  }
  return d;
}

void scr_deflate_free(scr_deflate *d) {
  if (!d)
    return;
  stop_thread(d);
  free(d->filling.data);
  deflateEnd(&d->z);
  pthread_cond_destroy(&d->changed);
  pthread_mutex_destroy(&d->lock);
  free(d->out);
  free(d);
}

scr_error scr_deflate_write(scr_deflate *d, const void *data, size_t len) {
  if (d->finished)
    return SCR_E_USAGE;
  const unsigned char *p = data;
  while (len > 0 && !d->err) {
    if (!d->filling.data && !(d->filling.data = malloc(BLOCK_SIZE)))
      d->err = SCR_E_NOMEM;
    if (d->err)
      break;
    size_t n = BLOCK_SIZE - d->filling.len;
    n = n < len ? n : len;
    memcpy(d->filling.data + d->filling.len, p, n);
    d->filling.len += n;
    p += n;
    len -= n;
    if (d->filling.len == BLOCK_SIZE)
      hand_over(d, true);
  }
  return d->err;
}

/* Compress what is left, wait for the thread, and flush the stream to a
   byte boundary. The writer's error, else the compressor's. */
static scr_error flush_to_here(scr_deflate *d) {
  hand_over(d, false);
  drain(d);
  if (!d->z_err)
    d->z_err = deflate_bytes(d, NULL, 0, Z_SYNC_FLUSH);
  if (!d->err)
    d->err = d->z_err;
  return d->err;
}

scr_error scr_deflate_finish(scr_deflate *d, scr_deflated *out) {
  if (!d->finished) {
    flush_to_here(d);
    stop_thread(d);
    d->finished = true;
  }
  *out = (scr_deflated){d->out, d->out_len, d->crc, d->raw_len};
  return d->err;
}

scr_error scr_deflate_contents(scr_deflate *d, char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  scr_error err = d->finished ? d->err : flush_to_here(d);
  if (!err)
    err = scr_inflate(d->out, d->out_len, d->raw_len, data);
  if (!err)
    *len = d->raw_len;
  return err;
}

/* ---- whole streams ------------------------------------------------------
 */

/* An empty final block with fixed codes: what zlib writes for Z_FINISH
   after a sync flush. It ends the joined stream. */
static const unsigned char FINAL_BLOCK[] = {0x03, 0x00};

scr_error scr_deflate_join(const scr_deflated *parts, size_t n,
                           unsigned char **data, size_t *len, uint32_t *crc,
                           size_t *raw_len) {
  scr_buf b = SCR_BUF_INIT;
  uint32_t c = (uint32_t)crc32(0, Z_NULL, 0);
  size_t raw = 0;
  scr_error err = SCR_OK;
  for (size_t i = 0; i < n && !err; i++) {
    err = scr_buf_append(&b, parts[i].data, parts[i].len);
    c = (uint32_t)crc32_combine(c, parts[i].crc, (z_off_t)parts[i].raw_len);
    raw += parts[i].raw_len;
  }
  if (!err)
    err = scr_buf_append(&b, FINAL_BLOCK, sizeof FINAL_BLOCK);
  if (err) {
    scr_buf_free(&b);
    return err;
  }
  *data = (unsigned char *)scr_buf_detach(&b, len);
  *crc = c;
  *raw_len = raw;
  return SCR_OK;
}

scr_error scr_inflate(const unsigned char *data, size_t len, size_t raw_len,
                      char **out) {
  *out = malloc(raw_len + 1);
  if (!*out)
    return SCR_E_NOMEM;
  z_stream z = {0};
  if (inflateInit2(&z, WINDOW_BITS) != Z_OK) {
    free(*out);
    *out = NULL;
    return SCR_E_NOMEM;
  }
  z.next_in = (unsigned char *)data;
  z.avail_in = (uInt)len;
  z.next_out = (unsigned char *)*out;
  z.avail_out = (uInt)raw_len;
  int rc = inflate(&z, Z_SYNC_FLUSH);
  bool whole = (rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR) &&
               z.total_out == raw_len;
  inflateEnd(&z);
  if (!whole) {
    free(*out);
    *out = NULL;
    return SCR_E_ZIP;
  }
  (*out)[raw_len] = '\0';
  return SCR_OK;
}
