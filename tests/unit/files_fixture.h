/*
 * Files for unit tests that build a workspace on disk: a file or a folder
 * under a root made with mkdtemp. Include after cmocka.h and util.h.
 */
#ifndef FILES_FIXTURE_H
#define FILES_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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
