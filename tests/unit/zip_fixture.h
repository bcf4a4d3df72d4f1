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

/* A 1x1 PNG, for packages that hold a picture. */
static const unsigned char TINY_PNG[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
    0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0xE9, 0xFA, 0xDC, 0xD8, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

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
