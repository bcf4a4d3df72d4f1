/*
 * The DOCX writer and other scripts, element by element: this Markdown
 * becomes exactly these runs and paragraphs in document.xml, each run in one
 * script naming its font in every slot, complex-script bold, direction and
 * language in EG_RPrBase's order, and each paragraph whose text starts
 * right to left marked w:bidi in CT_PPr's order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#define WRITER scr_docx_writer
#include "files_fixture.h"
#include "fragment_fixture.h"
#include "writer_fixture.h"

#define URDU "\xD8\xA7\xD8\xB1\xD8\xAF\xD9\x88"                /* اردو */
#define GUJARATI "\xE0\xAA\x97\xE0\xAB\x81"                    /* ગુ */
#define HAN "\xE6\x9C\xAC\xE6\x8A\xA5\xE5\x91\x8A\xE3\x80\x82" /* 本报告。 */

#define T(text) "<w:t xml:space=\"preserve\">" text "</w:t>"
#define RUN(text) "<w:r>" T(text) "</w:r>"
#define RPR_RUN(props, text) "<w:r><w:rPr>" props "</w:rPr>" T(text) "</w:r>"
#define FONTS(face)                                                            \
  "<w:rFonts w:ascii=\"" face "\" w:hAnsi=\"" face "\" w:eastAsia=\"" face     \
  "\" w:cs=\"" face "\"/>"
#define LANG(tag)                                                              \
  "<w:lang w:val=\"" tag "\" w:eastAsia=\"" tag "\" w:bidi=\"" tag "\"/>"
#define NASKH FONTS("Noto Naskh Arabic")
#define NASTALIQ FONTS("Noto Nastaliq Urdu")
#define GUJ FONTS("Noto Sans Gujarati")
#define PARA(props, runs) "<w:p><w:pPr>" props "</w:pPr>" runs "</w:p>"
#define STYLE(id) "<w:pStyle w:val=\"" id "\"/>"

/* The body XML Markdown `md` renders to (caller frees). */
static char *render(const char *md) {
  return rendered_fragment(md, SCR_FORMAT_DOCX);
}

static void expect_render(const char *md, const char *want) {
  char *got = render(md);
  if (strcmp(got, want) != 0)
    fail_msg("%s\nbecame\n%s\nnot\n%s", md, got, want);
  free(got);
}

static void test_runs_are_cut_by_script(void **state) {
  (void)state;
  expect_render(
      "Urdu (" URDU "), **" GUJARATI "** and " HAN "\n",
      PARA(STYLE("BodyText"),
           RUN("Urdu (") RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU)
               RUN("), ") RPR_RUN(GUJ "<w:b/><w:bCs/><w:cs/>" LANG("gu"),
                                  GUJARATI) RUN(" and ")
                   RPR_RUN("<w:rFonts w:ascii=\"Noto Sans CJK SC\" "
                           "w:hAnsi=\"Noto Sans CJK SC\" "
                           "w:eastAsia=\"Noto Sans CJK SC\" "
                           "w:cs=\"Noto Sans CJK SC\" w:hint=\"eastAsia\"/>",
                           HAN)));
}

/* Latin text of a document in English is written as it always was. */
static void test_latin_runs_are_plain(void **state) {
  (void)state;
  expect_render("Plain *text*, w\xC5\xB5 \xC5\x9F \xD1\x97.\n",
                PARA(STYLE("BodyText"),
                     RUN("Plain ") RPR_RUN("<w:i/>", "text")
                         RUN(", w\xC5\xB5 \xC5\x9F \xD1\x97.")));
}

static void test_right_to_left_paragraphs(void **state) {
  (void)state;
  expect_render(
      "# " URDU "\n\n" URDU " *" URDU "* 2026.\n",
      PARA(STYLE("Heading1") "<w:bidi/>",
           RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU))
          PARA(STYLE("BodyText") "<w:bidi/>",
               RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU " ")
                   RPR_RUN(NASKH "<w:i/><w:iCs/><w:rtl/><w:cs/>" LANG("und"),
                           URDU) RUN(" 2026.")));
}

/* In a list, w:bidi comes after an item's number and before the indent of
   its later paragraphs, as CT_PPr orders them. */
static void test_right_to_left_list_item(void **state) {
  (void)state;
  expect_render(
      "- " URDU "\n\n  " URDU "\n",
      PARA(STYLE("ListParagraph") "<w:numPr><w:ilvl w:val=\"0\"/>"
                                  "<w:numId w:val=\"1\"/></w:numPr><w:bidi/>",
           RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU))
          PARA(STYLE("ListParagraph") "<w:bidi/><w:ind w:left=\"360\"/>",
               RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU)));
}

/* A cell whose text starts right to left; its column's alignment stays
   w:jc, which Word reads from the right in a bidi paragraph. */
static void test_right_to_left_cell(void **state) {
  (void)state;
  char *xml = render("| " URDU " | B |\n|---:|---|\n| x | " URDU " |\n");
  static const char *const WANT[] = {
      PARA(STYLE("TableHeading") "<w:bidi/><w:jc w:val=\"right\"/>",
           RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU)),
      PARA(STYLE("TableHeading"), RUN("B")),
      PARA(STYLE("TableContents") "<w:jc w:val=\"right\"/>", RUN("x")),
      PARA(STYLE("TableContents") "<w:bidi/>",
           RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU)),
  };
  const char *at = xml;
  for (size_t i = 0; i < sizeof WANT / sizeof *WANT; i++) {
    const char *found = strstr(at, WANT[i]);
    if (!found)
      fail_msg("the table lacks, in order, %s:\n%s", WANT[i], xml);
    at = found + strlen(WANT[i]);
  }
  free(xml);
}

/* A stated language tags the text of its script: Urdu in Nastaliq, and
   the English beside it not at all. */
static void test_a_report_in_urdu(void **state) {
  (void)state;
  expect_render("---\nlanguage: ur\n---\n" URDU " and English\n",
                PARA(STYLE("BodyText") "<w:bidi/>",
                     RPR_RUN(NASTALIQ "<w:rtl/><w:cs/>" LANG("ur"), URDU)
                         RUN(" and English")));
  expect_render("---\nlanguage: cy\n---\nCroeso **i bawb**\n",
                PARA(STYLE("BodyText"), RPR_RUN(LANG("cy"), "Croeso ") RPR_RUN(
                                            "<w:b/>" LANG("cy"), "i bawb")));
}

/* Code in a link keeps the link's style; its script's face, not the
   monospace one, since that has no Arabic. */
static void test_code_in_a_link(void **state) {
  (void)state;
  char *xml = render("[`" URDU "` and `x`](https://example.org)\n");
  const char *want =
      RPR_RUN("<w:rStyle w:val=\"Hyperlink\"/>" NASKH
              "<w:rtl/><w:cs/>" LANG("und"),
              URDU) RPR_RUN("<w:rStyle w:val=\"Hyperlink\"/>", " and ")
          RPR_RUN("<w:rStyle w:val=\"Hyperlink\"/><w:rFonts "
                  "w:ascii=\"Liberation Mono\" w:hAnsi=\"Liberation "
                  "Mono\" w:cs=\"Liberation Mono\"/>",
                  "x");
  if (!strstr(xml, want))
    fail_msg("the link lacks %s:\n%s", want, xml);
  free(xml);
}

/* ---- the sink's calls ---------------------------------------------------- */

static void test_right_to_left_after_a_page_break(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->page_break(f->w), SCR_OK);
  assert_int_equal(f->ops->right_to_left(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, URDU);
  /* it is for the next paragraph only */
  para(f, SCR_PARA_BODY, URDU);
  expect_body(f, PARA(STYLE("BodyText") "<w:pageBreakBefore/><w:bidi/>",
                      RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU))
                     PARA(STYLE("BodyText"),
                          RPR_RUN(NASKH "<w:rtl/><w:cs/>" LANG("und"), URDU)));
}

static void test_right_to_left_inside_a_paragraph_is_refused(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(f->ops->right_to_left(f->w), SCR_E_USAGE);
}

/* The language holds from one call to the next, across paragraphs, and
   NULL ends it. */
static void test_language_calls(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->language(f->w, "pl"), SCR_OK);
  para(f, SCR_PARA_BODY, "Raport");
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "Dost\xC4\x99pny ", 0);
  assert_int_equal(f->ops->language(f->w, NULL), SCR_OK);
  put(f, "here", 0);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(f, PARA(STYLE("BodyText"), RPR_RUN(LANG("pl"), "Raport"))
                     PARA(STYLE("BodyText"),
                          RPR_RUN(LANG("pl"), "Dost\xC4\x99pny ") RUN("here")));
}

/* A tag that is not one (the command line refuses it in a report) is not
   written. */
static void test_a_malformed_language_is_left_out(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->language(f->w, "x\"<"), SCR_OK);
  para(f, SCR_PARA_BODY, "a");
  expect_body(f, PARA(STYLE("BodyText"), RUN("a")));
}

/* Said before an item's paragraph and before a cell, in a whole package. */
static void test_package(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_list(f->w, true, 1), SCR_OK);
  assert_int_equal(o->right_to_left(f->w), SCR_OK);
  item(f, URDU);
  assert_int_equal(o->end_list(f->w), SCR_OK);
  assert_int_equal(o->begin_table(f->w, 1, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, false), SCR_OK);
  assert_int_equal(o->right_to_left(f->w), SCR_OK);
  cell(f, SCR_PARA_TABLE_CONTENTS, URDU);
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->end_table(f->w), SCR_OK);
  scr_package *pkg = finish(f);
  expect_in_part(pkg, "word/document.xml",
                 "<w:numId w:val=\"1\"/></w:numPr><w:bidi/></w:pPr>");
  expect_in_part(pkg, "word/document.xml",
                 STYLE("TableContents") "<w:bidi/></w:pPr>");
  scr_package_free(pkg);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_runs_are_cut_by_script),
      cmocka_unit_test(test_latin_runs_are_plain),
      cmocka_unit_test(test_right_to_left_paragraphs),
      cmocka_unit_test(test_right_to_left_list_item),
      cmocka_unit_test(test_right_to_left_cell),
      cmocka_unit_test(test_a_report_in_urdu),
      cmocka_unit_test(test_code_in_a_link),
      TEST(test_right_to_left_after_a_page_break),
      TEST(test_right_to_left_inside_a_paragraph_is_refused),
      TEST(test_language_calls),
      TEST(test_a_malformed_language_is_left_out),
      TEST(test_package),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
