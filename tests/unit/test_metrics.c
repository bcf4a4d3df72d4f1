/* Text widths: each character's advance as the faces' tables give it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "metrics.h"

#include "font_widths.h"

/* The advance of `cp` as the tables give it, found range by range. */
static double from_tables(unsigned cp, const uint16_t *widths) {
  size_t base = 0;
  for (size_t i = 0; i < sizeof FONT_RANGES / sizeof *FONT_RANGES; i++) {
    if (cp >= FONT_RANGES[i].first && cp <= FONT_RANGES[i].last) {
      unsigned units = widths[base + cp - FONT_RANGES[i].first];
      return units ? units / (double)FONT_UNITS : 1139.0 / FONT_UNITS;
    }
    base += FONT_RANGES[i].last - FONT_RANGES[i].first + 1;
  }
  return -1;
}

/* Latin is looked up at once, as the first range: the same advances as
   the tables give, in both faces. */
static void test_latin_as_the_tables(void **state) {
  (void)state;
  assert_int_equal(FONT_RANGES[0].first, 0x20);
  assert_int_equal(FONT_RANGES[0].last, 0x24F);
  for (unsigned cp = 0x20; cp <= 0x24F; cp++) {
    assert_true(scr_char_em(cp, SCR_METRIC_REGULAR) ==
                from_tables(cp, SANS_REGULAR));
    assert_true(scr_char_em(cp, SCR_METRIC_BOLD) == from_tables(cp, SANS_BOLD));
  }
  assert_true(scr_char_em(0x2013, SCR_METRIC_REGULAR) ==
              from_tables(0x2013, SANS_REGULAR));
  assert_true(scr_char_em('W', SCR_METRIC_REGULAR) >
              scr_char_em('i', SCR_METRIC_REGULAR));
}

/* Beyond the tables: ideographs a full em, combining marks none, every
   character of the monospaced face alike. */
static void test_other_scripts(void **state) {
  (void)state;
  assert_true(scr_char_em(0x4E2D, SCR_METRIC_REGULAR) == 1.0);
  assert_true(scr_char_em(0x0301, SCR_METRIC_REGULAR) == 0.0);
  assert_true(scr_char_em('i', SCR_METRIC_MONO) ==
              scr_char_em('W', SCR_METRIC_MONO));
  assert_true(scr_text_em("ab", 2, SCR_METRIC_REGULAR) ==
              scr_char_em('a', SCR_METRIC_REGULAR) +
                  scr_char_em('b', SCR_METRIC_REGULAR));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_latin_as_the_tables),
      cmocka_unit_test(test_other_scripts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
