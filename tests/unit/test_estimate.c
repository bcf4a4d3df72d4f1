/* Unit tests: the page estimator, the sink that counts pages when
   LibreOffice does not lay the document out. Its figures follow from its
   metrics: an A4 text block 700 pt high and 482 pt wide, Liberation Sans
   body text at 11 pt with 1.15 line spacing (12.65 pt a line) and 6 pt
   after each paragraph, each character its advance width ("x" is half an
   em), 4% of a line lost to breaking between words: 84.27 "x" a line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "estimate.h"
#include "house.h"

#include <stdlib.h>
#include <string.h>

static const scr_sink_ops *ops = &scr_estimate_ops;

static int setup(void **state) {
  scr_estimate *e = scr_estimate_new(NULL);
  assert_non_null(e);
  *state = e;
  return 0;
}

static int teardown(void **state) {
  scr_estimate_free(*state);
  return 0;
}

/* A paragraph of `style` holding `n` copies of `unit`. */
static void para_of(scr_estimate *e, scr_para_style style, const char *unit,
                    size_t n) {
  assert_int_equal(ops->begin_paragraph(e, style), SCR_OK);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(ops->text(e, unit, strlen(unit), 0), SCR_OK);
  assert_int_equal(ops->end_paragraph(e), SCR_OK);
}

#define X_PER_LINE (482.0 / 11 / (0.5 * 1.04))

static void lines(scr_estimate *e, size_t n) {
  para_of(e, SCR_PARA_BODY, "x", (size_t)(X_PER_LINE * (double)n));
}

/* The house style's page and sizes: 37 one-line paragraphs fill a page
   of the built-in style; at 12 pt (13.8 + 6 pt each) 35 do, and with 3 cm
   margins above and below (643.3 pt of text) 34. */
static void test_house_sizes_and_margins(void **state) {
  (void)state;
  scr_house big, tall;
  scr_house_default(&big);
  big.text[SCR_HOUSE_BODY_TEXT].size = 24;
  scr_house_default(&tall);
  tall.page.top = tall.page.bottom = 1701;
  for (int i = 0; i < 2; i++) {
    scr_estimate *e = scr_estimate_new(i ? &tall : &big);
    assert_non_null(e);
    for (int n = 0; n < (i ? 34 : 35); n++)
      para_of(e, SCR_PARA_BODY, "x", 10);
    assert_int_equal(scr_estimate_pages(e), 1);
    para_of(e, SCR_PARA_BODY, "x", 10);
    assert_int_equal(scr_estimate_pages(e), 2);
    scr_estimate_free(e);
  }
}

static void test_an_empty_document_has_one_page(void **state) {
  scr_estimate *e = *state;
  scr_doc_info info = {0};
  assert_int_equal(ops->begin_document(e, &info), SCR_OK);
  assert_int_equal(ops->end_document(e), SCR_OK);
  assert_int_equal(scr_estimate_pages(e), 1);
}

/* 37 one-line paragraphs (18.65 pt each) fill 690 pt; the 38th goes over. */
static void test_paragraphs_fill_a_page(void **state) {
  scr_estimate *e = *state;
  for (int i = 0; i < 37; i++)
    lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 1);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 2);
}

/* 54 lines of text and the space after them fit (689 pt); one character
   more starts a 55th line, which does not. */
static void test_long_text_wraps(void **state) {
  scr_estimate *e = *state;
  size_t n = (size_t)(X_PER_LINE * 54);
  para_of(e, SCR_PARA_BODY, "x", n);
  assert_int_equal(scr_estimate_pages(e), 1);
  scr_estimate *f = scr_estimate_new(NULL);
  para_of(f, SCR_PARA_BODY, "x", n + 1);
  assert_int_equal(scr_estimate_pages(f), 2);
  scr_estimate_free(f);
}

/* The letters a line of "e" (1139/2048 em) holds. */
#define E_PER_LINE ((size_t)(482.0 / 11 / (1139.0 / 2048 * 1.04)))

/* Characters are measured, not bytes: 50 lines of "é" (two bytes each,
   1139/2048 em) stay on one page, where 100 lines would not. */
static void test_characters_not_bytes(void **state) {
  scr_estimate *e = *state;
  para_of(e, SCR_PARA_BODY, "\xC3\xA9", E_PER_LINE * 50);
  assert_int_equal(scr_estimate_pages(e), 1);
}

/* A combining mark takes no room of its own: 50 lines of e + acute. */
static void test_marks_take_no_room(void **state) {
  scr_estimate *e = *state;
  para_of(e, SCR_PARA_BODY, "e\xCC\x81", E_PER_LINE * 50);
  assert_int_equal(scr_estimate_pages(e), 1);
}

/* An ideograph is about two Latin letters wide, and a CJK line a little
   taller: 60 lines of 43 ideographs do not fit on a page, where 27 lines of
   letters would. */
static void test_ideographs_are_wide(void **state) {
  scr_estimate *e = *state;
  para_of(e, SCR_PARA_BODY, "\xE6\x9C\xAC", 43 * 60);
  assert_int_equal(scr_estimate_pages(e), 2);
}

/* Nastaliq, in which Urdu is set, climbs: its lines are more than twice
   as tall. 30 lines of Arabic script (each letter a digit's width) fit on
   a page in Naskh, not in Nastaliq. */
static void test_urdu_lines_are_tall(void **state) {
  scr_estimate *e = *state;
  para_of(e, SCR_PARA_BODY, "\xD8\xA7", E_PER_LINE * 30);
  assert_int_equal(scr_estimate_pages(e), 1);
  assert_int_equal(ops->page_break(e), SCR_OK);
  assert_int_equal(ops->language(e, "ur"), SCR_OK);
  para_of(e, SCR_PARA_BODY, "\xD8\xA7", E_PER_LINE * 30);
  assert_int_equal(ops->language(e, NULL), SCR_OK);
  assert_int_equal(scr_estimate_pages(e), 3);
}

/* A break before content starts a page; one at the top of a page, or at
   the end, adds none. */
static void test_page_breaks(void **state) {
  scr_estimate *e = *state;
  assert_int_equal(ops->page_break(e), SCR_OK);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 1);
  assert_int_equal(ops->page_break(e), SCR_OK);
  assert_int_equal(ops->page_break(e), SCR_OK);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 2);
  assert_int_equal(ops->page_break(e), SCR_OK);
  assert_int_equal(scr_estimate_pages(e), 2);
}

/* A heading with no room for two lines after it moves to the next page. */
static void test_heading_keeps_with_next(void **state) {
  scr_estimate *e = *state;
  lines(e, 52); /* 657.8 + 6 pt */
  assert_int_equal(ops->begin_heading(e, 2), SCR_OK);
  assert_int_equal(ops->text(e, "Budget", 6, 0), SCR_OK);
  assert_int_equal(ops->end_heading(e), SCR_OK);
  assert_int_equal(scr_estimate_pages(e), 2);

  scr_estimate *f = scr_estimate_new(NULL);
  lines(f, 40); /* room left for the heading and more */
  assert_int_equal(ops->begin_heading(f, 2), SCR_OK);
  assert_int_equal(ops->text(f, "Budget", 6, 0), SCR_OK);
  assert_int_equal(ops->end_heading(f), SCR_OK);
  assert_int_equal(scr_estimate_pages(f), 1);
  scr_estimate_free(f);
}

/* Lines are narrower in a list and in a quote, so the same text runs to
   more lines there. */
static void test_indents_narrow_the_lines(void **state) {
  scr_estimate *e = *state;
  assert_int_equal(ops->begin_list(e, false, 1), SCR_OK);
  for (int depth = 0; depth < 4; depth++) {
    assert_int_equal(ops->begin_item(e), SCR_OK);
    assert_int_equal(ops->begin_list(e, false, 1), SCR_OK);
  }
  assert_int_equal(ops->begin_item(e), SCR_OK);
  /* 5 levels of 18 pt leave 392 pt: 68.5 "x" a line, so 45 full body
     lines become 56, which do not fit */
  para_of(e, SCR_PARA_BODY, "x", (size_t)(X_PER_LINE * 45));
  assert_int_equal(scr_estimate_pages(e), 2);
}

/* Turning the page starts one, and a landscape page holds fewer lines
   (454 pt of text height); turning back before any block is no turn. */
static void test_landscape_pages(void **state) {
  scr_estimate *e = *state;
  lines(e, 1);
  assert_int_equal(ops->page_orientation(e, true), SCR_OK);
  assert_int_equal(scr_estimate_pages(e), 1);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 2);
  /* 24 one-line paragraphs of 18.65 pt fit 454 pt, 25 do not */
  for (int i = 0; i < 23; i++)
    lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 2);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 3);
  assert_int_equal(ops->page_orientation(e, false), SCR_OK);
  assert_int_equal(ops->page_orientation(e, true), SCR_OK);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 3);
  assert_int_equal(ops->page_orientation(e, false), SCR_OK);
  lines(e, 1);
  assert_int_equal(scr_estimate_pages(e), 4);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_house_sizes_and_margins),
      cmocka_unit_test_setup_teardown(test_an_empty_document_has_one_page,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(test_paragraphs_fill_a_page, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_long_text_wraps, setup, teardown),
      cmocka_unit_test_setup_teardown(test_characters_not_bytes, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_marks_take_no_room, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ideographs_are_wide, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_urdu_lines_are_tall, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_page_breaks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_heading_keeps_with_next, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_indents_narrow_the_lines, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_landscape_pages, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
