/*
 * Reading back a package's parts in the unit tests: a part as a string,
 * and the check that it holds a piece of markup.
 */
#ifndef SCR_TEST_PACKAGE_FIXTURE_H
#define SCR_TEST_PACKAGE_FIXTURE_H

#include "package.h"

#include <stdlib.h>
#include <string.h>

/* The part as a string (a NUL-terminated copy; caller frees). */
static char *part(const scr_package *pkg, const char *name) {
  size_t len = 0;
  const char *data = scr_package_get(pkg, name, &len);
  if (!data)
    fail_msg("no part %s", name);
  char *copy = malloc(len + 1);
  assert_non_null(copy);
  memcpy(copy, data, len);
  copy[len] = '\0';
  return copy;
}

static void expect_in_part(const scr_package *pkg, const char *name,
                           const char *needle) {
  char *xml = part(pkg, name);
  if (!strstr(xml, needle))
    fail_msg("%s lacks %s:\n%s", name, needle, xml);
  free(xml);
}

#endif
