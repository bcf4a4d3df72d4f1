/*
 * The ODT writer and other scripts, element by element: this Markdown
 * becomes exactly these spans and paragraphs in content.xml; each script's
 * run has a text style naming its face and language in the Western, Asian
 * and complex slots, the faces are declared once beside the template's,
 * and a paragraph whose text starts right to left has a style written
 * rl-tb and aligned right.
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
#define WRITER scr_odt_writer
#include "files_fixture.h"
#include "fragment_fixture.h"
#include "writer_fixture.h"

#define URDU "\xD8\xA7\xD8\xB1\xD8\xAF\xD9\x88" /* اردو */
#define GUJARATI "\xE0\xAA\x97\xE0\xAB\x81"     /* ગુ */
#define HAN "\xE6\x9C\xAC\xE3\x80\x82"          /* 本。 */

#define P(style, content)                                                      \
  "<text:p text:style-name=\"" style "\">" content "</text:p>"
#define H(style, level, content)                                               \
  "<text:h text:style-name=\"" style "\" text:outline-level=\"" level          \
  "\">" content "</text:h>"
#define SPAN(style, content)                                                   \
  "<text:span text:style-name=\"" style "\">" content "</text:span>"

/* The office:text children Markdown `md` renders to (caller frees). */
static char *render(const char *md) {
  return rendered_fragment(md, SCR_FORMAT_ODT);
}

static void expect_render(const char *md, const char *want) {
  char *got = render(md);
  if (strcmp(got, want) != 0)
    fail_msg("%s\nbecame\n%s\nnot\n%s", md, got, want);
  free(got);
}

/* Styles are numbered by first use: S1 Arabic, S2 bold Gujarati, S3 Han. */
static void test_spans_are_cut_by_script(void **state) {
  (void)state;
  expect_render("Urdu (" URDU "), **" GUJARATI "** and " HAN "\n",
                P("Body_20_Text", "Urdu (" SPAN("S1", URDU) "), " SPAN(
                                      "S2", GUJARATI) " and " SPAN("S3", HAN)));
}

static void test_latin_text_is_plain(void **state) {
  (void)state;
  expect_render("Plain *text*, w\xC5\xB5.\n",
                P("Body_20_Text", "Plain " SPAN("T1", "text") ", w\xC5\xB5."));
}

static void test_right_to_left_paragraphs(void **state) {
  (void)state;
  expect_render("# " URDU "\n\n" URDU " *" URDU "* 2026.\n\nEnglish.\n",
                H("P_rtl_Heading_20_1", "1", SPAN("S1", URDU))
                    P("P_rtl_Body_20_Text",
                      SPAN("S1", URDU " ") SPAN("S2", URDU) " 2026.")
                        P("Body_20_Text", "English."));
}

/* Code keeps its named style, with the script's inside it. */
static void test_code_in_another_script(void **state) {
  (void)state;
  expect_render("`" GUJARATI "` `x`\n",
                P("Body_20_Text",
                  SPAN("Source_20_Text",
                       SPAN("S1", GUJARATI)) " " SPAN("Source_20_Text", "x")));
}

static void test_a_report_in_urdu(void **state) {
  (void)state;
  expect_render("---\nlanguage: ur\n---\n" URDU " and English\n",
                P("P_rtl_Body_20_Text", SPAN("S1", URDU) " and English"));
}

/* ---- the package --------------------------------------------------------- */

#define FACE(name)                                                             \
  "<style:font-face style:name=\"" name "\" svg:font-family=\"'" name          \
  "'\" style:font-pitch=\"variable\"/>"
#define FONT_NAMES(face)                                                       \
  "style:font-name=\"" face "\" style:font-name-asian=\"" face                 \
  "\" style:font-name-complex=\"" face "\""

/* A paragraph of `text` right to left, or not. */
static void line(fixture *f, bool rtl, const char *text) {
  if (rtl)
    assert_int_equal(f->ops->right_to_left(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, text);
}

static void test_styles_and_faces(void **state) {
  fixture *f = *state;
  line(f, false, GUJARATI);
  line(f, true, URDU);
  assert_int_equal(f->ops->language(f->w, "pa-Arab-PK"), SCR_OK);
  line(f, true, URDU);
  assert_int_equal(f->ops->language(f->w, "cy"), SCR_OK);
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "Croeso", SCR_RUN_BOLD | SCR_RUN_ITALIC);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  scr_align align[] = {SCR_ALIGN_RIGHT};
  assert_int_equal(f->ops->begin_table(f->w, 1, align, NULL), SCR_OK);
  assert_int_equal(f->ops->begin_row(f->w, false), SCR_OK);
  assert_int_equal(f->ops->right_to_left(f->w), SCR_OK);
  cell(f, SCR_PARA_TABLE_CONTENTS, URDU);
  assert_int_equal(f->ops->end_row(f->w), SCR_OK);
  assert_int_equal(f->ops->end_table(f->w), SCR_OK);
  scr_package *pkg = finish(f);
  /* each face once, after the template's own */
  expect_in_part(pkg, "content.xml",
                 "style:font-pitch=\"fixed\"/>\n  " FACE("Noto Naskh Arabic")
                     FACE("Noto Nastaliq Urdu") FACE(
                         "Noto Sans Gujarati") "</office:font-face-decls>");
  expect_in_part(
      pkg, "content.xml",
      "<style:style style:name=\"S1\" style:family=\"text\">"
      "<style:text-properties " FONT_NAMES(
          "Noto Sans Gujarati") " fo:language=\"gu\" "
                                "style:language-asian=\"gu\""
                                " style:language-complex=\"gu\"/></style:style>"
                                "<style:style style:name=\"S2\" "
                                "style:family=\"text\">"
                                "<style:text-properties " FONT_NAMES(
                                    "Noto Naskh Arabic") " fo:language=\"und\""
                                                         " style:language-"
                                                         "asian=\"und\" "
                                                         "style:language-"
                                                         "complex=\"und\"/>"
                                                         "</style:style>"
                                                         "<style:style "
                                                         "style:name=\"S3\" "
                                                         "style:family="
                                                         "\"text\">"
                                                         "<style:text-"
                                                         "properties"
                                                         " " FONT_NAMES(
                                                             "Noto Nastaliq "
                                                             "Urdu") " fo:"
                                                                     "language="
                                                                     "\"pa\" "
                                                                     "fo:"
                                                                     "script="
                                                                     "\"Arab\" "
                                                                     "fo:"
                                                                     "country="
                                                                     "\"PK\""
                                                                     " style:"
                                                                     "language-"
                                                                     "asian="
                                                                     "\"pa\" "
                                                                     "style:"
                                                                     "script-"
                                                                     "asian="
                                                                     "\"Arab\""
                                                                     " style:"
                                                                     "country-"
                                                                     "asian="
                                                                     "\"PK\" "
                                                                     "style:"
                                                                     "language-"
                                                                     "complex="
                                                                     "\"pa\""
                                                                     " style:"
                                                                     "script-"
                                                                     "complex="
                                                                     "\"Arab\" "
                                                                     "style:"
                                                                     "country-"
                                                                     "complex="
                                                                     "\"PK\"/>"
                                                                     "</"
                                                                     "style:"
                                                                     "style>"
                                                                     "<style:"
                                                                     "style "
                                                                     "style:"
                                                                     "name="
                                                                     "\"S4\" "
                                                                     "style:"
                                                                     "family="
                                                                     "\"text\">"
                                                                     "<style:"
                                                                     "text-"
                                                                     "propertie"
                                                                     "s "
                                                                     "fo:font-"
                                                                     "weight="
                                                                     "\"bold\""
                                                                     " style:"
                                                                     "font-"
                                                                     "weight-"
                                                                     "asian="
                                                                     "\"bold\" "
                                                                     "style:"
                                                                     "font-"
                                                                     "weight-"
                                                                     "complex="
                                                                     "\"bold\""
                                                                     " fo:font-"
                                                                     "style="
                                                                     "\"italic"
                                                                     "\" "
                                                                     "style:"
                                                                     "font-"
                                                                     "style-"
                                                                     "asian="
                                                                     "\"italic"
                                                                     "\""
                                                                     " style:"
                                                                     "font-"
                                                                     "style-"
                                                                     "complex="
                                                                     "\"italic"
                                                                     "\" "
                                                                     "fo:"
                                                                     "language="
                                                                     "\"cy\""
                                                                     " style:"
                                                                     "language-"
                                                                     "asian="
                                                                     "\"cy\" "
                                                                     "style:"
                                                                     "language-"
                                                                     "complex="
                                                                     "\"cy\"/>"
                                                                     "</"
                                                                     "style:"
                                                                     "style>");
  expect_in_part(pkg, "content.xml",
                 "<style:style style:name=\"P_rtl_Body_20_Text\" "
                 "style:family=\"paragraph\" "
                 "style:parent-style-name=\"Body_20_Text\">"
                 "<style:paragraph-properties fo:text-align=\"right\" "
                 "style:writing-mode=\"rl-tb\"/></style:style>");
  /* a column aligned right is aligned to the end of a right-to-left
     paragraph: its left */
  expect_in_part(pkg, "content.xml",
                 "<style:style style:name=\"P_rtl_end_Table_20_Contents\" "
                 "style:family=\"paragraph\" "
                 "style:parent-style-name=\"Table_20_Contents\">"
                 "<style:paragraph-properties fo:text-align=\"left\" "
                 "style:writing-mode=\"rl-tb\"/></style:style>");
  expect_body(
      f,
      P("Body_20_Text", SPAN("S1", GUJARATI)) P(
          "P_rtl_Body_20_Text", SPAN("S2", URDU)) P("P_rtl_Body_20_Text",
                                                    SPAN("S3", URDU))
          P("Body_20_Text",
            SPAN("S4", "Croeso")) "<table:table table:name=\"Table1\" "
                                  "table:style-name=\"Tbl\">"
                                  "<table:table-column "
                                  "table:style-name=\"Col_9638\"/>"
                                  "<table:table-row "
                                  "table:style-name=\"Row\"><table:table-cell "
                                  "table:style-name=\"Cell_top_left\" "
                                  "office:value-type=\"string\">" P(
                                      "P_rtl_end_Table_20_Contents",
                                      SPAN("S2", URDU)) "</table:table-cell>"
                                                        "</table:table-row>"
                                                        "</table:table>");
  char *styles = part(pkg, "styles.xml");
  assert_null(strstr(styles, "Noto"));
  free(styles);
  scr_package_free(pkg);
}

/* Text in the body's scripts only: no script styles, no faces added. */
static void test_latin_only_package(void **state) {
  fixture *f = *state;
  line(f, false, "Plain text, w\xC5\xB5 \xD1\x97.");
  scr_package *pkg = finish(f);
  char *content = part(pkg, "content.xml");
  assert_null(strstr(content, "Noto"));
  assert_null(strstr(content, "style:name=\"S1\""));
  assert_null(strstr(content, "rl-tb"));
  free(content);
  scr_package_free(pkg);
}

/* A face the template declares already is not declared again. */
static void test_template_declares_the_face(void **state) {
  fixture *f = *state;
  scr_template builtin = scr_template_builtin("odt");
  const char *decls = "<office:font-face-decls>";
  const char *at = strstr((const char *)builtin.styles, decls);
  assert_non_null(at);
  size_t head = (size_t)(at - (const char *)builtin.styles) + strlen(decls);
  char *styles = scr_asprintf("%.*s" FACE("Noto Sans Gujarati") "%s", (int)head,
                              (const char *)builtin.styles,
                              (const char *)builtin.styles + head);
  assert_non_null(styles);
  scr_template tpl = {.format = "odt",
                      .styles = (const unsigned char *)styles,
                      .styles_len = strlen(styles)};
  WRITER.destroy(f->w);
  f->w = WRITER.create(&tpl);
  assert_non_null(f->w);
  assert_int_equal(f->ops->begin_document(f->w, &INFO), SCR_OK);
  line(f, false, GUJARATI);
  scr_package *pkg = finish(f);
  char *content = part(pkg, "content.xml");
  const char *first = strstr(content, "style:name=\"Noto Sans Gujarati\"");
  assert_non_null(first);
  assert_null(strstr(first + 1, "style:name=\"Noto Sans Gujarati\""));
  free(content);
  scr_package_free(pkg);
  /* the writer borrows the template until it is destroyed */
  WRITER.destroy(f->w);
  f->w = NULL;
  free(styles);
}

static void test_right_to_left_inside_a_paragraph_is_refused(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(f->ops->right_to_left(f->w), SCR_E_USAGE);
}

/* An item's paragraph is a paragraph like any other. */
static void test_right_to_left_list_item(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_list(f->w, false, 1), SCR_OK);
  assert_int_equal(f->ops->right_to_left(f->w), SCR_OK);
  item(f, URDU);
  assert_int_equal(f->ops->end_list(f->w), SCR_OK);
  expect_body(f, "<text:list text:style-name=\"L_bullet\"><text:list-item>" P(
                     "P_rtl_List_20_Paragraph",
                     SPAN("S1", URDU)) "</text:list-item></text:list>");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_spans_are_cut_by_script),
      cmocka_unit_test(test_latin_text_is_plain),
      cmocka_unit_test(test_right_to_left_paragraphs),
      cmocka_unit_test(test_code_in_another_script),
      cmocka_unit_test(test_a_report_in_urdu),
      TEST(test_styles_and_faces),
      TEST(test_latin_only_package),
      TEST(test_template_declares_the_face),
      TEST(test_right_to_left_inside_a_paragraph_is_refused),
      TEST(test_right_to_left_list_item),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
