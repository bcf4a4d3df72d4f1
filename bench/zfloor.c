/*
 * The floor for any DOCX/ODT writer: deflate the given XML parts, already in
 * memory, with zlib as the package writer does (raw deflate at the package's
 * level, SCR_DEFLATE_LEVEL, 32 KB window, memLevel 9), and print the median
 * wall time in milliseconds over the runs, then the bytes in and out.
 *
 *     zfloor RUNS FILE...
 */
#include "deflate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define WINDOW_BITS (-15) /* raw deflate, as in a zip entry */
#define MEM_LEVEL 9
#define MAX_RUNS 101

typedef struct part {
  unsigned char *data;
  size_t len;
} part;

/* The whole file at `path`; the caller frees part.data. */
static int read_part(const char *path, part *p) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  size_t cap = 1 << 16;
  p->data = malloc(cap);
  p->len = 0;
  size_t n;
  while (p->data && (n = fread(p->data + p->len, 1, cap - p->len, f)) > 0) {
    p->len += n;
    if (p->len == cap) {
      unsigned char *more = realloc(p->data, cap *= 2);
      if (!more)
        free(p->data);
      p->data = more;
    }
  }
  fclose(f);
  return p->data ? 0 : -1;
}

/* Deflate one part into `out` (of deflateBound size); returns bytes out. */
static size_t deflate_part(const part *p, unsigned char *out, size_t cap) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (deflateInit2(&z, SCR_DEFLATE_LEVEL, Z_DEFLATED, WINDOW_BITS, MEM_LEVEL,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return 0;
  z.next_in = p->data;
  z.avail_in = (uInt)p->len;
  z.next_out = out;
  z.avail_out = (uInt)cap;
  int rc = deflate(&z, Z_FINISH);
  size_t n = z.total_out;
  deflateEnd(&z);
  return rc == Z_STREAM_END ? n : 0;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int runs = argc > 1 ? atoi(argv[1]) : 0;
  if (argc < 3 || runs < 1 || runs > MAX_RUNS) {
    fprintf(stderr, "usage: zfloor RUNS(1-%d) FILE...\n", MAX_RUNS);
    return 2;
  }
  int n = argc - 2;
  part *parts = calloc((size_t)n, sizeof *parts);
  size_t in = 0, biggest = 0;
  for (int i = 0; parts && i < n; i++) {
    if (read_part(argv[i + 2], &parts[i]) != 0) {
      fprintf(stderr, "zfloor: cannot read %s\n", argv[i + 2]);
      return 1;
    }
    in += parts[i].len;
    biggest = parts[i].len > biggest ? parts[i].len : biggest;
  }
  size_t cap = compressBound((uLong)biggest) + 64;
  unsigned char *out = malloc(cap);
  if (!parts || !out)
    return 1;
  double times[MAX_RUNS];
  size_t total = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    total = 0;
    for (int i = 0; i < n; i++)
      total += deflate_part(&parts[i], out, cap);
    times[r] = now_ms() - t0;
  }
  qsort(times, (size_t)runs, sizeof *times, by_value);
  printf("%.3f %zu %zu\n", times[runs / 2], in, total);
  for (int i = 0; i < n; i++)
    free(parts[i].data);
  free(parts);
  free(out);
  return 0;
}
