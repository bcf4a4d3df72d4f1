/*
 * The floor for any DOCX/ODT writer of Markdown: parse the given Markdown
 * files, already in memory, with scrutineer's reader (cmark-gfm with
 * footnotes, tables, strikethrough, autolinks), then deflate the given XML
 * parts, also in memory, with libdeflate as the package writer does (raw
 * deflate at SCR_DEFLATE_LEVEL), each whole in one call, all on one thread.
 * Prints the median wall time in milliseconds over the runs of the two
 * together, of parsing alone and of compressing alone, then the XML bytes in
 * and out.
 *
 *     zfloor RUNS MARKDOWN... -- XML...
 */
#include "deflate.h"
#include "markdown.h"

#include <cmark-gfm.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* Deflate one part into `out` (of the compressor's bound); bytes out. */
static size_t deflate_part(struct libdeflate_compressor *c, const part *p,
                           unsigned char *out, size_t cap) {
  return libdeflate_deflate_compress(c, p->data, p->len, out, cap);
}

/* Parse one Markdown file with scrutineer's own reader, and free the tree. */
static int parse_part(const part *p) {
  cmark_node *doc = scr_parse_markdown((const char *)p->data, p->len);
  if (!doc)
    return -1;
  cmark_node_free(doc);
  return 0;
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

static double median(double *times, int runs) {
  qsort(times, (size_t)runs, sizeof *times, by_value);
  return times[runs / 2];
}

int main(int argc, char **argv) {
  int runs = argc > 1 ? atoi(argv[1]) : 0;
  int sep = 2;
  while (sep < argc && strcmp(argv[sep], "--") != 0)
    sep++;
  if (argc < 3 || runs < 1 || runs > MAX_RUNS || sep >= argc - 1) {
    fprintf(stderr, "usage: zfloor RUNS(1-%d) MARKDOWN... -- XML...\n",
            MAX_RUNS);
    return 2;
  }
  int n_md = sep - 2, n = argc - sep - 1;
  part *mds = calloc((size_t)n_md + 1, sizeof *mds);
  part *parts = calloc((size_t)n, sizeof *parts);
  size_t in = 0, biggest = 0;
  for (int i = 0; mds && parts && i < n_md + n; i++) {
    const char *path = argv[i < n_md ? 2 + i : sep + 1 + (i - n_md)];
    part *p = i < n_md ? &mds[i] : &parts[i - n_md];
    if (read_part(path, p) != 0) {
      fprintf(stderr, "zfloor: cannot read %s\n", path);
      return 1;
    }
    if (i >= n_md) {
      in += p->len;
      biggest = p->len > biggest ? p->len : biggest;
    }
  }
  struct libdeflate_compressor *c =
      libdeflate_alloc_compressor(SCR_DEFLATE_LEVEL);
  size_t cap = c ? libdeflate_deflate_compress_bound(c, biggest) : 0;
  unsigned char *out = malloc(cap + 1);
  if (!mds || !parts || !c || !out)
    return 1;
  double both[MAX_RUNS], parsing[MAX_RUNS], compressing[MAX_RUNS];
  size_t total = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    for (int i = 0; i < n_md; i++)
      if (parse_part(&mds[i]) != 0)
        return 1;
    double t1 = now_ms();
    total = 0;
    for (int i = 0; i < n; i++)
      total += deflate_part(c, &parts[i], out, cap);
    double t2 = now_ms();
    parsing[r] = t1 - t0;
    compressing[r] = t2 - t1;
    both[r] = t2 - t0;
  }
  printf("%.3f %.3f %.3f %zu %zu\n", median(both, runs), median(parsing, runs),
         median(compressing, runs), in, total);
  for (int i = 0; i < n_md; i++)
    free(mds[i].data);
  for (int i = 0; i < n; i++)
    free(parts[i].data);
  free(mds);
  free(parts);
  free(out);
  libdeflate_free_compressor(c);
  return 0;
}
