/* Unit tests: table columns sized from their content (columns.c) and the
   advance widths they are measured with (metrics.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "columns.h"
#include "house.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The built-in page's text width, in points. */
#define TEXT_WIDTH_PT                                                          \
  (scr_house_text_width(&scr_house_builtin()->page, false) / 20.0)
#define LANDSCAPE_TEXT_WIDTH_PT                                                \
  (scr_house_text_width(&scr_house_builtin()->page, true) / 20.0)

/* Liberation Sans: 'i' 455/2048 em, 'W' 1933/2048, 'b' 1251/2048 in bold,
   a digit 1139/2048 in both. */
static void test_advance_widths_are_the_faces(void **state) {
  (void)state;
  assert_true(fabs(scr_char_em('i', SCR_METRIC_REGULAR) - 455.0 / 2048) < 1e-9);
  assert_true(fabs(scr_char_em('W', SCR_METRIC_REGULAR) - 1933.0 / 2048) <
              1e-9);
  assert_true(fabs(scr_char_em('7', SCR_METRIC_BOLD) - 1139.0 / 2048) < 1e-9);
  assert_true(fabs(scr_char_em('b', SCR_METRIC_BOLD) - 1251.0 / 2048) < 1e-9);
  assert_true(fabs(scr_char_em('i', SCR_METRIC_MONO) -
                   scr_char_em('W', SCR_METRIC_MONO)) < 1e-9);
  /* an ideograph is a full em, a combining accent nothing */
  assert_true(scr_char_em(0x4E2D, SCR_METRIC_REGULAR) == 1.0);
  assert_true(scr_char_em(0x0301, SCR_METRIC_REGULAR) == 0.0);
  /* UTF-8 is measured by code point: "é" is one character */
  assert_true(fabs(scr_text_em("\xc3\xa9", 2, SCR_METRIC_REGULAR) -
                   scr_char_em(0xE9, SCR_METRIC_REGULAR)) < 1e-9);
  /* a malformed byte counts as one character, and measuring goes on */
  assert_true(scr_text_em("\xff"
                          "a",
                          2, SCR_METRIC_REGULAR) > 0.5);
}

/* The three cases of automatic layout, in a width of 100. */
static void test_sharing_the_width(void **state) {
  (void)state;
  double out[3];
  /* everything fits on one line: widened in proportion to what it wants */
  const double min1[] = {10, 10, 10}, max1[] = {10, 20, 20};
  scr_columns_share(min1, max1, 3, 100, out);
  assert_true(fabs(out[0] - 20) < 1e-9 && fabs(out[1] - 40) < 1e-9);
  /* text must wrap: each keeps its minimum, the rest goes where it wraps */
  const double min2[] = {10, 20, 10}, max2[] = {10, 200, 10};
  scr_columns_share(min2, max2, 3, 100, out);
  assert_true(fabs(out[0] - 10) < 1e-9 && fabs(out[2] - 10) < 1e-9);
  assert_true(fabs(out[1] - 80) < 1e-9);
  /* not even the minimums fit: scaled down in proportion */
  const double min3[] = {50, 100, 50}, max3[] = {50, 100, 50};
  scr_columns_share(min3, max3, 3, 100, out);
  assert_true(fabs(out[0] - 25) < 1e-9 && fabs(out[1] - 50) < 1e-9);
}

static void cell(scr_columns *c, int col, const char *text,
                 scr_metric_face face) {
  scr_columns_begin_cell(c, col);
  scr_columns_text(c, text, strlen(text), face);
  scr_columns_end_cell(c);
}

/* The width a column needs for `text` on one line, in plan units. */
static double needed(const char *text, scr_metric_face face) {
  return (scr_text_em(text, strlen(text), face) * SCR_TABLE_FONT_PT +
          SCR_CELL_SPACE_PT) *
         SCR_COLUMN_UNITS;
}

/* A measures table: the text column gets the room, the code, number and
   status columns what their content needs, and a number never less than
   its whole width. */
static void test_measures_table(void **state) {
  (void)state;
  scr_columns *c = scr_columns_new(4);
  assert_non_null(c);
  cell(c, 0, "Code", SCR_METRIC_BOLD);
  cell(c, 1, "Measure", SCR_METRIC_BOLD);
  cell(c, 2, "Baseline", SCR_METRIC_BOLD);
  cell(c, 3, "RAG", SCR_METRIC_BOLD);
  for (int i = 0; i < 20; i++) {
    cell(c, 0, "PI04", SCR_METRIC_REGULAR);
    cell(c, 1,
         "Percentage of children's social care assessments completed "
         "within the statutory timescale of forty-five working days, "
         "by neighbourhood",
         SCR_METRIC_REGULAR);
    cell(c, 2, "120 400", SCR_METRIC_REGULAR);
    cell(c, 3, "Amber", SCR_METRIC_REGULAR);
  }
  scr_table_plan plan;
  assert_int_equal(scr_columns_plan(c, NULL, &plan), SCR_OK);
  scr_columns_free(c);
  assert_false(plan.landscape);
  int sum = 0;
  for (int i = 0; i < 4; i++)
    sum += plan.widths[i];
  assert_true(abs(sum - (int)(TEXT_WIDTH_PT * SCR_COLUMN_UNITS)) <= 4);
  for (int i = 0; i < 4; i++)
    if (i != 1)
      assert_true(plan.widths[1] > 3 * plan.widths[i]);
  /* a number with a space in it still never wraps */
  assert_true(plan.widths[2] >= needed("120 400", SCR_METRIC_REGULAR));
  assert_true(plan.widths[0] >= needed("Code", SCR_METRIC_BOLD));
  assert_true(plan.widths[3] >= needed("Amber", SCR_METRIC_REGULAR));
  /* the longest word of the text fits its column */
  assert_true(plan.widths[1] >= needed("neighbourhood", SCR_METRIC_REGULAR));
  scr_table_plan_free(&plan);
}

static scr_table_plan figures_on(int columns, const scr_house_page *page) {
  scr_columns *c = scr_columns_new(columns);
  assert_non_null(c);
  for (int i = 0; i < columns; i++)
    cell(c, i, i ? "999,999" : "Braunstone Park", SCR_METRIC_REGULAR);
  scr_table_plan plan;
  assert_int_equal(scr_columns_plan(c, page, &plan), SCR_OK);
  scr_columns_free(c);
  return plan;
}

static scr_table_plan figures(int columns) {
  return figures_on(columns, NULL);
}

/* Six columns of figures fit a portrait page; ten do not, and turn it. */
static void test_wide_tables_turn_the_page(void **state) {
  (void)state;
  scr_table_plan narrow = figures(6), wide = figures(10);
  assert_false(narrow.landscape);
  assert_true(wide.landscape);
  int sum = 0;
  for (int i = 0; i < 10; i++) {
    sum += wide.widths[i];
    assert_true(wide.widths[i] >=
                needed(i ? "999,999" : "Braunstone", SCR_METRIC_REGULAR));
  }
  assert_true(abs(sum - (int)(LANDSCAPE_TEXT_WIDTH_PT * SCR_COLUMN_UNITS)) <=
              10);
  scr_table_plan_free(&narrow);
  scr_table_plan_free(&wide);
}

/* The page is the house style's: six columns of figures that fit between
   2 cm margins do not fit between 5 cm ones, and turn the page, across
   whose text width they are shared. */
static void test_house_margins_narrow_the_table(void **state) {
  (void)state;
  scr_house_page page = scr_house_builtin()->page;
  page.left = page.right = 2835; /* 5 cm */
  scr_table_plan narrow = figures_on(6, &page);
  assert_true(narrow.landscape);
  int sum = 0;
  for (int i = 0; i < 6; i++)
    sum += narrow.widths[i];
  int want = scr_house_text_width(&page, true) * SCR_COLUMN_UNITS / 20;
  assert_true(abs(sum - want) <= 6);
  scr_table_plan_free(&narrow);
}

/* A line break ends a line: the widest line is what the column wants; an
   empty column still gets room for its cell. */
static void test_line_breaks_and_empty_columns(void **state) {
  (void)state;
  scr_columns *c = scr_columns_new(2);
  assert_non_null(c);
  scr_columns_begin_cell(c, 0);
  scr_columns_text(c, "short", 5, SCR_METRIC_REGULAR);
  scr_columns_line_break(c);
  scr_columns_text(c, "a little longer", 15, SCR_METRIC_REGULAR);
  scr_columns_end_cell(c);
  /* a cell of a column the table does not have is ignored */
  scr_columns_begin_cell(c, 7);
  scr_columns_text(c, "ignored", 7, SCR_METRIC_REGULAR);
  scr_columns_end_cell(c);
  scr_table_plan plan;
  assert_int_equal(scr_columns_plan(c, NULL, &plan), SCR_OK);
  scr_columns_free(c);
  assert_true(plan.widths[1] >= SCR_CELL_SPACE_PT * SCR_COLUMN_UNITS);
  assert_true(plan.widths[0] > plan.widths[1]);
  scr_table_plan_free(&plan);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_advance_widths_are_the_faces),
      cmocka_unit_test(test_sharing_the_width),
      cmocka_unit_test(test_measures_table),
      cmocka_unit_test(test_wide_tables_turn_the_page),
      cmocka_unit_test(test_house_margins_narrow_the_table),
      cmocka_unit_test(test_line_breaks_and_empty_columns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
