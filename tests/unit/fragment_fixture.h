/*
 * Markdown to body XML for unit tests: the text is written to a file in a
 * scratch folder and rendered as `scrutineer` renders a fragment. Include
 * after cmocka.h.
 */
#ifndef FRAGMENT_FIXTURE_H
#define FRAGMENT_FIXTURE_H

#include "scrutineer.h"
#include "util.h"

#include "files_fixture.h"

/* The body XML `md` becomes in `format`. Caller frees. */
static inline char *rendered_fragment(const char *md, enum scr_format format) {
  char *dir = scratch_dir("scr-fragment");
  write_file(dir, "fragment.md", md);
  char *path = path_in(dir, "fragment.md");
  char *xml = NULL;
  assert_int_equal(scr_render_fragment(path, format, &xml), SCR_OK);
  unlink(path);
  rmdir(dir);
  free(path);
  free(dir);
  return xml;
}

#endif
