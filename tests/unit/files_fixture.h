/*
 * Files for unit tests that build a workspace on disk: a file or a folder
 * under a root made with mkdtemp. Include after cmocka.h and util.h.
 */
#ifndef FILES_FIXTURE_H
#define FILES_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* A scratch folder /tmp/TAG.XXXXXX for one test; the test removes it.
   Caller frees. */
static inline char *scratch_dir(const char *tag) {
  char *dir = scr_asprintf("/tmp/%s.XXXXXX", tag);
  assert_non_null(dir);
  assert_non_null(mkdtemp(dir));
  return dir;
}

/* "dir/name". Caller frees. */
static inline char *path_in(const char *dir, const char *name) {
  char *p = scr_asprintf("%s/%s", dir, name);
  assert_non_null(p);
  return p;
}

static inline void write_file(const char *root, const char *name,
                              const char *text) {
  char *path = scr_asprintf("%s/%s", root, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  free(path);
}

static inline void make_dir(const char *root, const char *name) {
  char *path = scr_asprintf("%s/%s", root, name);
  assert_int_equal(mkdir(path, 0777), 0);
  free(path);
}

#endif
