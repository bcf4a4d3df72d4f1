/*
 * Raw deflate streams compressed by two threads at once (libdeflate).
 *
 * The writing thread fills fixed-size blocks and queues them. Each block is
 * compressed on its own by libdeflate, which deflates the same XML at the
 * same level nearly twice as fast as zlib but only as whole buffers, each
 * a complete stream; its end is then rewritten to the end of a sync flush
 * (see end_like_sync_flush). A block's output depends only on its bytes:
 * the outputs put end to end in order are one raw deflate stream, the same
 * bytes whichever thread compressed which block.
 *
 * A compressing thread, started when the first block is full, takes queued
 * blocks oldest first. The writer, rather than wait when the queue is full or
 * when the stream is flushed, takes the oldest block nobody has taken yet, so
 * both cores compress when the writing outruns one. Blocks may finish out of
 * order; whichever thread finishes the oldest one appends the finished run
 * of them to the stream's output. A stream that never fills a block is
 * compressed on the writing thread, so small parts start no thread.
 */
#include "deflate.h"
#include "util.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define BLOCK_SIZE SCR_DEFLATE_BLOCK
#define QUEUE_LEN 8u            /* blocks queued: under 2 MB in flight */
#define WINDOW_BITS (-15)       /* raw deflate, as in a zip entry */
#define OUT_CHUNK (64u * 1024u) /* least room the stream's output grows by */
#define FLUSH_ROOM 8u /* a sync flush's bytes beyond libdeflate's bound */

typedef enum { QUEUED, TAKEN, DONE } block_state;

/* One block of the stream. `buf` holds its bytes (len); it is freed once
   the block is compressed.
   `out` is its compressed bytes, freed when appended to the stream. Between
   being taken and done, a block is its compressing thread's alone. */
typedef struct block {
  unsigned char *buf;
  size_t len;
  unsigned char *out;
  size_t out_len;
  uint32_t crc;  /* of the block's own bytes */
  scr_error err; /* compressing it failed */
  block_state state;
} block;

struct scr_deflate {
  /* the writing thread's */
  struct libdeflate_compressor *c; /* for the blocks the writer takes */
  block filling;                   /* the block being filled */
  scr_error err;                   /* first failure seen by the writer */
  bool finished;
  bool threaded;
  pthread_t thread;

  /* the compressing thread's while it runs */
  struct libdeflate_compressor *worker_c; /* freed with the stream */

  /* shared, under `lock` */
  pthread_mutex_t lock;
  pthread_cond_t changed; /* a block was queued or done, or work ended */
  block queue[QUEUE_LEN];
  size_t head, count; /* blocks queued, oldest at `head` */
  size_t taken;       /* of them, the oldest `taken` are taken or done */
  bool closing;       /* no more blocks will come */
  unsigned char *out; /* compressed so far, of the blocks appended */
  size_t out_len, out_cap;
  uint32_t crc;
  size_t raw_len;
  scr_error z_err; /* first compression failure, in stream order */
};

/* ---- compressing one block (no lock held) -------------------------------
 */

/* Where the last deflate block of `data` (one complete raw stream) starts
   and where its bits end, as bit offsets. zlib inflates it a block at a
   time (Z_BLOCK) and says, at each block's end, how many bits of the last
   byte it took are still unread, and whether the block was the last. */
static scr_error find_last_block(const unsigned char *data, size_t len,
                                 size_t *header_bit, size_t *end_bit) {
  z_stream z = {0};
  if (inflateInit2(&z, WINDOW_BITS) != Z_OK)
    return SCR_E_NOMEM;
  unsigned char scratch[16384];
  z.next_in = (unsigned char *)data;
  z.avail_in = (uInt)len;
  size_t header = 0, end = 0;
  bool ended = false;
  int rc;
  do {
    z.next_out = scratch;
    z.avail_out = sizeof scratch;
    rc = inflate(&z, Z_BLOCK);
    size_t here = 8 * (len - z.avail_in) - (size_t)(z.data_type & 63);
    if (rc == Z_OK && (z.data_type & 128) && !(z.data_type & 64))
      header = here; /* a block ended: the next one starts here */
    else if (rc == Z_OK && (z.data_type & 128) && !ended) {
      end = here; /* the last block ended */
      ended = true;
    }
  } while (rc == Z_OK);
  inflateEnd(&z);
  *header_bit = header;
  *end_bit = end;
  return rc == Z_STREAM_END && z.avail_in == 0 && ended ? SCR_OK : SCR_E_ZIP;
}

/* An empty stored block's length and its complement: with the block's
   three header bits and the bits that bring it to a byte, what a sync
   flush ends with. */
static const unsigned char STORED_EMPTY[] = {0x00, 0x00, 0xff, 0xff};

/* Make `b->out`, libdeflate's complete stream, end as a sync flush would:
   its last block no longer final, then an empty stored block, so that the
   next block's output may follow it byte for byte. */
static scr_error end_like_sync_flush(block *b) {
  size_t header_bit, end_bit;
  scr_error err = find_last_block(b->out, b->out_len, &header_bit, &end_bit);
  if (err)
    return err;
  b->out[header_bit / 8] &= (unsigned char)~(1u << (header_bit % 8));
  size_t len = (end_bit + 7) / 8;
  unsigned spare = (unsigned)(8 * len - end_bit); /* unused bits, last byte */
  if (spare > 0)
    b->out[len - 1] &= (unsigned char)((1u << (8 - spare)) - 1);
  if (spare < 3) /* the stored block's header needs three bits */
    b->out[len++] = 0;
  memcpy(b->out + len, STORED_EMPTY, sizeof STORED_EMPTY);
  b->out_len = len + sizeof STORED_EMPTY;
  return SCR_OK;
}

/* Deflate the block's bytes with `c` into a new `b->out` ending on a byte
   boundary. */
static scr_error deflate_block(struct libdeflate_compressor *c, block *b) {
  size_t cap = libdeflate_deflate_compress_bound(c, b->len) + FLUSH_ROOM;
  b->out = malloc(cap);
  if (!b->out)
    return SCR_E_NOMEM;
  b->out_len = libdeflate_deflate_compress(c, b->buf, b->len, b->out, cap);
  if (b->out_len == 0)
    return SCR_E_ZIP;
  scr_error err = end_like_sync_flush(b);
  if (err)
    return err;
  unsigned char *fitted = realloc(b->out, b->out_len);
  if (fitted)
    b->out = fitted;
  return SCR_OK;
}

static void compress_block(struct libdeflate_compressor *c, block *b) {
  b->crc = libdeflate_crc32(0, b->buf, b->len);
  b->err = deflate_block(c, b);
  free(b->buf);
  b->buf = NULL;
}

/* ---- the queue (all under `lock`) ---------------------------------------
 */

static block *queued(scr_deflate *d, size_t i) {
  return &d->queue[(d->head + i) % QUEUE_LEN];
}

static scr_error append_out(scr_deflate *d, const block *b) {
  if (d->out_cap - d->out_len < b->out_len) {
    size_t cap = d->out_cap ? d->out_cap : OUT_CHUNK;
    while (cap - d->out_len < b->out_len)
      cap *= 2;
    unsigned char *grown = realloc(d->out, cap);
    if (!grown)
      return SCR_E_NOMEM;
    d->out = grown;
    d->out_cap = cap;
  }
  memcpy(d->out + d->out_len, b->out, b->out_len);
  d->out_len += b->out_len;
  return SCR_OK;
}

/* Append the oldest blocks, while they are done, to the stream's output and
   free them. After a failure the output stops growing; the first error in
   stream order is kept. */
static void retire_done(scr_deflate *d) {
  while (d->count > 0 && queued(d, 0)->state == DONE) {
    block *b = queued(d, 0);
    if (!d->z_err)
      d->z_err = b->err ? b->err : append_out(d, b);
    d->crc = (uint32_t)crc32_combine(d->crc, b->crc, (z_off_t)b->len);
    d->raw_len += b->len;
    free(b->out);
    *b = (block){0};
    d->head = (d->head + 1) % QUEUE_LEN;
    d->count--;
    d->taken--;
  }
}

/* Take the oldest block nobody has taken, compress it with `z` without the
   lock, and retire what is done. Called and returns with the lock held. */
static void compress_next(scr_deflate *d, struct libdeflate_compressor *c) {
  block *b = queued(d, d->taken++);
  b->state = TAKEN;
  pthread_mutex_unlock(&d->lock);
  compress_block(c, b);
  pthread_mutex_lock(&d->lock);
  b->state = DONE;
  retire_done(d);
  pthread_cond_broadcast(&d->changed);
}

/* The writer, which would otherwise wait: compress a block if one is free,
   else wait for a change. Lock held. */
static void help_or_wait(scr_deflate *d) {
  if (d->taken < d->count)
    compress_next(d, d->c);
  else
    pthread_cond_wait(&d->changed, &d->lock);
}

static void *compressing_thread(void *arg) {
  scr_deflate *d = arg;
  pthread_mutex_lock(&d->lock);
  for (;;) {
    while (d->taken == d->count && !d->closing)
      pthread_cond_wait(&d->changed, &d->lock);
    if (d->taken == d->count)
      break;
    compress_next(d, d->worker_c);
  }
  pthread_mutex_unlock(&d->lock);
  return NULL;
}

/* ---- handing over blocks (the writing thread) ---------------------------
 */

/* A new block to fill. */
static scr_error start_block(scr_deflate *d) {
  d->filling.buf = malloc(BLOCK_SIZE);
  if (!d->filling.buf)
    return SCR_E_NOMEM;
  d->filling.len = 0;
  return SCR_OK;
}

/* Start the compressing thread with its own compressor; without one the
   writer compresses every block itself. */
static void start_thread(scr_deflate *d) {
  if (!d->worker_c)
    d->worker_c = libdeflate_alloc_compressor(SCR_DEFLATE_LEVEL);
  if (d->worker_c &&
      pthread_create(&d->thread, NULL, compressing_thread, d) == 0)
    d->threaded = true;
}

/* Wait until every queued block is done and appended, compressing those
   nobody has taken. The compressor's error. */
static scr_error drain(scr_deflate *d) {
  pthread_mutex_lock(&d->lock);
  while (d->count > 0)
    help_or_wait(d);
  scr_error err = d->z_err;
  pthread_mutex_unlock(&d->lock);
  return err;
}

/* Queue the filled block, starting the thread for the first full one; while
   the queue is full, compress blocks rather than wait. Without a thread,
   compress it here and now. */
static void hand_over(scr_deflate *d, bool full) {
  block b = d->filling;
  d->filling = (block){0};
  if (b.len == 0) {
    free(b.buf);
    return;
  }
  b.state = QUEUED;
  if (full && !d->threaded)
    start_thread(d);
  pthread_mutex_lock(&d->lock);
  while (d->count == QUEUE_LEN)
    help_or_wait(d);
  *queued(d, d->count++) = b;
  pthread_cond_broadcast(&d->changed);
  pthread_mutex_unlock(&d->lock);
  if (!d->threaded)
    drain(d);
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
  if (!(d->c = libdeflate_alloc_compressor(SCR_DEFLATE_LEVEL))) {
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
  stop_thread(d); /* it compresses what is queued first */
  for (size_t i = 0; i < d->count; i++) {
    free(queued(d, i)->buf);
    free(queued(d, i)->out);
  }
  free(d->filling.buf);
  libdeflate_free_compressor(d->c);
  libdeflate_free_compressor(d->worker_c);
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
    if (!d->filling.buf)
      d->err = start_block(d);
    if (d->err)
      break;
    size_t n = BLOCK_SIZE - d->filling.len;
    n = n < len ? n : len;
    memcpy(d->filling.buf + d->filling.len, p, n);
    d->filling.len += n;
    p += n;
    len -= n;
    if (d->filling.len == BLOCK_SIZE)
      hand_over(d, true);
  }
  return d->err;
}

/* Hand over what is left and wait until everything written is compressed:
   the output then ends on a byte boundary. The writer's error, else the
   compressor's. */
static scr_error flush_to_here(scr_deflate *d) {
  hand_over(d, false);
  scr_error z_err = drain(d);
  if (!d->err)
    d->err = z_err;
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

/* Drained, the queue is empty and the thread touches nothing until another
   block comes, so the output may be read without the lock. */
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
