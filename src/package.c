/* Zip packages written atomically with libzip. */
#include "package.h"
#include "deflate.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

typedef struct part {
  char *name;
  char *data; /* the bytes, or a raw deflate stream when `deflated` */
  size_t len;
  bool store;
  bool deflated;
  uint32_t crc;   /* deflated: of the bytes */
  size_t raw_len; /* deflated: length of the bytes */
  char *inflated; /* deflated: the bytes, once scr_package_get asked */
  size_t read;    /* deflated: how much libzip has read */
} part;

struct scr_package {
  part *parts;
  size_t count, cap;
};

/* A fixed timestamp keeps output byte-for-byte reproducible. */
static const time_t PART_MTIME = 1767225600; /* 2026-01-01T00:00:00Z */

scr_package *scr_package_new(void) {
  return calloc(1, sizeof(scr_package));
}

void scr_package_free(scr_package *pkg) {
  if (!pkg)
    return;
  for (size_t i = 0; i < pkg->count; i++) {
    free(pkg->parts[i].name);
    free(pkg->parts[i].data);
    free(pkg->parts[i].inflated);
  }
  free(pkg->parts);
  free(pkg);
}

/* Room for one more part; frees `data` when there is none. */
static scr_error grow(scr_package *pkg, char *data) {
  scr_error err =
      scr_reserve(&pkg->parts, &pkg->cap, pkg->count + 1, sizeof *pkg->parts);
  if (err)
    free(data);
  return err;
}

scr_error scr_package_add(scr_package *pkg, const char *name, char *data,
                          size_t len, bool store) {
  scr_error err = grow(pkg, data);
  char *copy = err ? NULL : scr_strdup(name);
  if (!err && !copy) {
    free(data);
    err = SCR_E_NOMEM;
  }
  if (!err)
    pkg->parts[pkg->count++] =
        (part){.name = copy, .data = data, .len = len, .store = store};
  return err;
}

/* `len` bytes deflated as a stream of their own (*d holds it; the caller
   frees it), to be joined around another. */
static scr_error deflate_piece(const char *data, size_t len, scr_deflate **d,
                               scr_deflated *out) {
  *d = scr_deflate_new();
  if (!*d)
    return SCR_E_NOMEM;
  scr_error err = scr_deflate_write(*d, data, len);
  return err ? err : scr_deflate_finish(*d, out);
}

scr_error scr_package_add_around(scr_package *pkg, const char *name,
                                 const char *outer, size_t outer_len, size_t at,
                                 scr_deflate *inner) {
  if (at > outer_len)
    return SCR_E_USAGE;
  scr_deflate *before = NULL, *after = NULL;
  scr_deflated pieces[3];
  scr_error err = deflate_piece(outer, at, &before, &pieces[0]);
  if (!err)
    err = scr_deflate_finish(inner, &pieces[1]);
  if (!err)
    err = deflate_piece(outer + at, outer_len - at, &after, &pieces[2]);
  part p = {.deflated = true};
  unsigned char *joined = NULL;
  if (!err)
    err = scr_deflate_join(pieces, 3, &joined, &p.len, &p.crc, &p.raw_len);
  scr_deflate_free(before);
  scr_deflate_free(after);
  p.data = (char *)joined;
  if (!err)
    err = grow(pkg, p.data);
  if (!err && !(p.name = scr_strdup(name))) {
    free(p.data);
    err = SCR_E_NOMEM;
  }
  if (!err)
    pkg->parts[pkg->count++] = p;
  return err;
}

scr_error scr_package_add_copy(scr_package *pkg, const char *name,
                               const void *data, size_t len, bool store) {
  char *copy = malloc(len ? len : 1);
  if (!copy)
    return SCR_E_NOMEM;
  if (len)
    memcpy(copy, data, len);
  return scr_package_add(pkg, name, copy, len, store);
}

static part *find(const scr_package *pkg, const char *name) {
  for (size_t i = 0; i < pkg->count; i++)
    if (strcmp(pkg->parts[i].name, name) == 0)
      return &pkg->parts[i];
  return NULL;
}

const char *scr_package_get(const scr_package *pkg, const char *name,
                            size_t *len) {
  part *p = find(pkg, name);
  if (!p)
    return NULL;
  if (p->deflated && !p->inflated &&
      scr_inflate((const unsigned char *)p->data, p->len, p->raw_len,
                  &p->inflated) != SCR_OK)
    return NULL;
  if (len)
    *len = p->deflated ? p->raw_len : p->len;
  return p->deflated ? p->inflated : p->data;
}

/* A part deflated already, handed to libzip as such: its stat says so, and
   libzip copies the stream instead of compressing the bytes again. */
static zip_int64_t deflated_source(void *ud, void *data, zip_uint64_t len,
                                   zip_source_cmd_t cmd) {
  part *p = ud;
  switch (cmd) {
  case ZIP_SOURCE_OPEN:
    p->read = 0;
    return 0;
  case ZIP_SOURCE_READ: {
    size_t n = p->len - p->read;
    n = n < len ? n : (size_t)len;
    memcpy(data, p->data + p->read, n);
    p->read += n;
    return (zip_int64_t)n;
  }
  case ZIP_SOURCE_STAT: {
    zip_stat_t *st = data;
    zip_stat_init(st);
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                ZIP_STAT_CRC | ZIP_STAT_MTIME;
    st->size = p->raw_len;
    st->comp_size = p->len;
    st->comp_method = ZIP_CM_DEFLATE;
    st->crc = p->crc;
    st->mtime = PART_MTIME;
    return sizeof *st;
  }
  case ZIP_SOURCE_ERROR: {
    /* reading from memory never fails, so there is never an error to tell */
    zip_error_t none;
    zip_error_init(&none);
    return zip_error_to_data(&none, data, len);
  }
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
        ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
  case ZIP_SOURCE_CLOSE:
  case ZIP_SOURCE_FREE:
  default:
    return 0;
  }
}

size_t scr_package_count(const scr_package *pkg) {
  return pkg->count;
}

const char *scr_package_part(const scr_package *pkg, size_t i,
                             const char **data, size_t *len) {
  const char *name = pkg->parts[i].name;
  *len = 0;
  *data = scr_package_get(pkg, name, len);
  return name;
}

static scr_error add_parts(const scr_package *pkg, zip_t *z) {
  for (size_t i = 0; i < pkg->count; i++) {
    part *p = &pkg->parts[i];
    /* libzip reads the buffer when the archive closes; it stays ours */
    zip_source_t *src = p->deflated ? zip_source_function(z, deflated_source, p)
                                    : zip_source_buffer(z, p->data, p->len, 0);
    if (!src)
      return SCR_E_ZIP;
    zip_int64_t idx = zip_file_add(z, p->name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      return SCR_E_ZIP;
    }
    zip_int32_t method = p->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
    if (zip_set_file_compression(z, (zip_uint64_t)idx, method,
                                 SCR_DEFLATE_LEVEL) < 0 ||
        zip_file_set_mtime(z, (zip_uint64_t)idx, PART_MTIME, 0) < 0)
      return SCR_E_ZIP;
  }
  return SCR_OK;
}

/* Copy the archive libzip wrote into `mem` to the open file `f`. */
static scr_error copy_archive(zip_source_t *mem, FILE *f) {
  enum { CHUNK = 64 * 1024 };
  char *chunk = malloc(CHUNK);
  if (!chunk)
    return SCR_E_NOMEM;
  scr_error err = zip_source_open(mem) == 0 ? SCR_OK : SCR_E_ZIP;
  zip_int64_t n = 0;
  while (!err && (n = zip_source_read(mem, chunk, CHUNK)) > 0)
    if (fwrite(chunk, 1, (size_t)n, f) != (size_t)n)
      err = SCR_E_IO;
  if (!err && n < 0)
    err = SCR_E_ZIP;
  zip_source_close(mem);
  free(chunk);
  return err;
}

/* The zip is made in memory, then written like any file: libzip writing a
   file itself would make a temporary name from cryptographic random
   bytes, which costs more than a small pack takes to build. */
static scr_error fill_archive(void *ctx, FILE *f) {
  const scr_package *pkg = ctx;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &zerr);
  zip_t *z = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &zerr) : NULL;
  zip_error_fini(&zerr);
  if (!z) {
    zip_source_free(mem);
    return SCR_E_ZIP;
  }
  /* keep the buffer when the archive closes, to read it back */
  zip_source_keep(mem);
  scr_error err = add_parts(pkg, z);
  if (err) {
    zip_discard(z);
  } else if (zip_close(z) < 0) {
    zip_discard(z);
    err = SCR_E_ZIP;
  }
  if (!err)
    err = copy_archive(mem, f);
  zip_source_free(mem);
  return err;
}

scr_error scr_package_stage(const scr_package *pkg, scr_outset *set,
                            const char *path) {
  return scr_outset_add(set, path, fill_archive, (void *)pkg);
}

scr_error scr_package_write(const scr_package *pkg, const char *path) {
  scr_outset set = SCR_OUTSET_INIT;
  scr_error err = scr_package_stage(pkg, &set, path);
  if (!err)
    err = scr_outset_commit(&set);
  scr_outset_free(&set);
  return err;
}
