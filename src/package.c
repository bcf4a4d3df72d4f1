/* Zip packages written atomically with libzip. */
#include "package.h"
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
  char *data;
  size_t len;
  bool store;
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
  }
  free(pkg->parts);
  free(pkg);
}

scr_error scr_package_add(scr_package *pkg, const char *name, char *data,
                          size_t len, bool store) {
  if (pkg->count == pkg->cap) {
    size_t cap = pkg->cap ? pkg->cap * 2 : 16;
    part *parts = realloc(pkg->parts, cap * sizeof *parts);
    if (!parts) {
      free(data);
      return SCR_E_NOMEM;
    }
    pkg->parts = parts;
    pkg->cap = cap;
  }
  char *copy = scr_strdup(name);
  if (!copy) {
    free(data);
    return SCR_E_NOMEM;
  }
  pkg->parts[pkg->count++] = (part){copy, data, len, store};
  return SCR_OK;
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

static const part *find(const scr_package *pkg, const char *name) {
  for (size_t i = 0; i < pkg->count; i++)
    if (strcmp(pkg->parts[i].name, name) == 0)
      return &pkg->parts[i];
  return NULL;
}

bool scr_package_has(const scr_package *pkg, const char *name) {
  return find(pkg, name) != NULL;
}

const char *scr_package_get(const scr_package *pkg, const char *name,
                            size_t *len) {
  const part *p = find(pkg, name);
  if (!p)
    return NULL;
  if (len)
    *len = p->len;
  return p->data;
}

size_t scr_package_count(const scr_package *pkg) {
  return pkg->count;
}

const char *scr_package_part(const scr_package *pkg, size_t i,
                             const char **data, size_t *len) {
  const part *p = &pkg->parts[i];
  *data = p->data;
  *len = p->len;
  return p->name;
}

static scr_error add_parts(const scr_package *pkg, zip_t *z) {
  for (size_t i = 0; i < pkg->count; i++) {
    const part *p = &pkg->parts[i];
    /* libzip reads the buffer when the archive closes; it stays ours */
    zip_source_t *src = zip_source_buffer(z, p->data, p->len, 0);
    if (!src)
      return SCR_E_ZIP;
    zip_int64_t idx = zip_file_add(z, p->name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      return SCR_E_ZIP;
    }
    zip_int32_t method = p->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
    if (zip_set_file_compression(z, (zip_uint64_t)idx, method, 6) < 0 ||
        zip_file_set_mtime(z, (zip_uint64_t)idx, PART_MTIME, 0) < 0)
      return SCR_E_ZIP;
  }
  return SCR_OK;
}

/* A new temporary file beside `path`; *tmp is for the caller to free. */
static scr_error temp_beside(const char *path, char **tmp, int *fd) {
  *tmp = scr_asprintf("%s.tmp-XXXXXX", path);
  if (!*tmp)
    return SCR_E_NOMEM;
  *fd = mkstemp(*tmp);
  if (*fd < 0) {
    free(*tmp);
    *tmp = NULL;
    return SCR_E_IO;
  }
  return SCR_OK;
}

/* Put a finished temporary file in place, or remove it on failure. */
static scr_error settle(char *tmp, const char *path, scr_error err) {
  /* mkstemp makes the file 0600; published documents are world-readable */
  if (!err) {
    mode_t mask = umask(0);
    umask(mask);
    if (chmod(tmp, 0666 & ~mask) != 0 || rename(tmp, path) != 0)
      err = SCR_E_IO;
  }
  if (err)
    unlink(tmp);
  free(tmp);
  return err;
}

scr_error scr_package_write(const scr_package *pkg, const char *path) {
  char *tmp;
  int fd;
  scr_error err = temp_beside(path, &tmp, &fd);
  if (err)
    return err;
  close(fd);
  int zerr = 0;
  zip_t *z = zip_open(tmp, ZIP_TRUNCATE, &zerr);
  err = z ? add_parts(pkg, z) : SCR_E_ZIP;
  if (z && err) {
    zip_discard(z);
    z = NULL;
  }
  if (z && zip_close(z) < 0) {
    zip_discard(z);
    err = SCR_E_IO;
  }
  return settle(tmp, path, err);
}

scr_error scr_file_write_atomic(const char *path, const void *data,
                                size_t len) {
  char *tmp;
  int fd;
  scr_error err = temp_beside(path, &tmp, &fd);
  if (err)
    return err;
  FILE *f = fdopen(fd, "wb");
  if (!f) {
    close(fd);
    err = SCR_E_IO;
  } else {
    if (fwrite(data, 1, len, f) != len)
      err = SCR_E_IO;
    if (fclose(f) != 0)
      err = SCR_E_IO;
  }
  return settle(tmp, path, err);
}
