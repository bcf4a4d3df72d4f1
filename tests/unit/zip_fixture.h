/*
 * Zip packages for the template tests: parts written to a file in a fresh
 * temporary folder, removed with it.
 */
#ifndef SCR_TEST_ZIP_FIXTURE_H
#define SCR_TEST_ZIP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

/* One member: `len` bytes of `data`, or its text when `len` is 0. */
typedef struct zip_part {
  const char *name;
  const void *data;
  size_t len;
} zip_part;

/* The `n` parts into a new zip at `path`. */
static void write_zip_parts(const char *path, const zip_part *parts, size_t n) {
  int zerr;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  assert_non_null(z);
  for (size_t i = 0; i < n; i++) {
    size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
    zip_source_t *src = zip_source_buffer(z, parts[i].data, len, 0);
    assert_non_null(src);
    assert_true(zip_file_add(z, parts[i].name, src, ZIP_FL_OVERWRITE) >= 0);
  }
  assert_int_equal(zip_close(z), 0);
}

/* A path `name` in a new temporary folder (free with remove_temp). */
static char *temp_path(const char *name) {
  char dir[] = "/tmp/scr-template-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char *path = malloc(strlen(dir) + strlen(name) + 2);
  assert_non_null(path);
  sprintf(path, "%s/%s", dir, name);
  return path;
}

/* Remove the file at `path` and its folder, and free `path`. */
static void remove_temp(char *path) {
  unlink(path);
  *strrchr(path, '/') = '\0';
  rmdir(path);
  free(path);
}

#endif
