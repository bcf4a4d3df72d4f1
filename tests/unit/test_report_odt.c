/* The ODT reader: LibreOffice's markup read as the Markdown it would be. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "report.h"
#include "zip_fixture.h"
#include "report_fixture.h"

#define NS                                                                     \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "         \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "             \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "           \
  "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "          \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "           \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "  \
  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "    \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "                             \
  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "             \
  "xmlns:xlink=\"http://www.w3.org/1999/xlink\""

static const char MIMETYPE[] = "application/vnd.oasis.opendocument.text";

static const char STYLES[] =
    "<office:document-styles " NS "><office:styles>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" "
    "style:family=\"paragraph\" style:default-outline-level=\"2\"/>"
    "<style:style style:name=\"Quotations\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Strong_20_Emphasis\" style:family=\"text\">"
    "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "</office:styles><office:automatic-styles>"
    "<style:page-layout style:name=\"pm1\"><style:page-layout-properties "
    "style:print-orientation=\"portrait\"/></style:page-layout>"
    "<style:page-layout style:name=\"pm2\"><style:page-layout-properties "
    "style:print-orientation=\"landscape\"/></style:page-layout>"
    "</office:automatic-styles><office:master-styles>"
    "<style:master-page style:name=\"Standard\" "
    "style:page-layout-name=\"pm1\"/>"
    "<style:master-page style:name=\"Landscape\" "
    "style:page-layout-name=\"pm2\"/></office:master-styles>"
    "</office:document-styles>";

static const char META[] =
    "<office:document-meta " NS "><office:meta><dc:title>Old template name"
    "</dc:title><meta:initial-creator>Jo Officer</meta:initial-creator>"
    "</office:meta></office:document-meta>";

static const char CONTENT[] =
    "<office:document-content " NS "><office:automatic-styles>"
    "<style:style style:name=\"T1\" style:family=\"text\">"
    "<style:text-properties fo:font-style=\"italic\"/></style:style>"
    "<style:style style:name=\"T2\" style:family=\"text\">"
    "<style:text-properties style:text-underline-style=\"solid\"/>"
    "</style:style>"
    "<style:style style:name=\"T3\" style:family=\"text\">"
    "<style:text-properties style:text-position=\"super 58%\"/>"
    "</style:style>"
    "<style:style style:name=\"P1\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Heading_20_2\"/>"
    "<style:style style:name=\"P2\" style:family=\"paragraph\" "
    "style:master-page-name=\"Landscape\"/>"
    "<style:style style:name=\"P3\" style:family=\"paragraph\" "
    "style:master-page-name=\"Standard\"/>"
    "<text:list-style style:name=\"L1\"><text:list-level-style-number "
    "text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\" "
    "text:start-value=\"4\"/>"
    "<text:list-level-style-bullet text:level=\"2\" text:bullet-char=\"-\"/>"
    "</text:list-style></office:automatic-styles>"
    "<office:body><office:text>"
    "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
    "<text:p>DELETEDSENTINEL</text:p></text:deletion></text:changed-region>"
    "</text:tracked-changes>"
    "<text:p text:style-name=\"Title\">Budget   report</text:p>"
    "<text:h text:outline-level=\"1\">Summary</text:h>"
    "<text:p text:style-name=\"P1\">By its style</text:p>"
    "<text:p>  Plain <text:span text:style-name=\"Strong_20_Emphasis\">bold"
    "</text:span> <text:span text:style-name=\"T1\">italic</text:span> "
    "<text:span text:style-name=\"T2\">underlined</text:span> m<text:span "
    "text:style-name=\"T3\">2</text:span><text:s text:c=\"2\"/>spaced"
    "<text:change text:change-id=\"c1\"/>"
    "<office:annotation><text:p>COMMENTSENTINEL</text:p></office:annotation>"
    " kept<text:note text:note-class=\"footnote\"><text:note-citation>1"
    "</text:note-citation><text:note-body><text:p>The note.</text:p>"
    "</text:note-body></text:note> page <text:page-number>7"
    "</text:page-number>.</text:p>"
    "<text:p><text:a xlink:href=\"https://example.org/\">a site</text:a> and "
    "<text:a xlink:href=\"#Summary|outline\">the summary</text:a></text:p>"
    "<text:p text:style-name=\"Quotations\">Quoted</text:p>"
    "<text:list text:style-name=\"L1\"><text:list-item><text:p>Four</text:p>"
    "<text:list><text:list-item><text:p>Nested</text:p></text:list-item>"
    "</text:list></text:list-item><text:list-item><text:p>Five</text:p>"
    "</text:list-item></text:list>"
    "<text:p>Between</text:p>"
    "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">"
    "<text:list-item><text:p>Six</text:p></text:list-item></text:list>"
    "<table:table><table:table-column table:number-columns-repeated=\"2\"/>"
    "<table:table-header-rows><table:table-row><table:table-cell><text:p>A"
    "</text:p></table:table-cell><table:table-cell><text:p>B | C</text:p>"
    "</table:table-cell></table:table-row></table:table-header-rows>"
    "<table:table-row><table:table-cell table:number-columns-spanned=\"2\">"
    "<text:p>Both</text:p><text:p>lines</text:p></table:table-cell>"
    "<table:covered-table-cell/></table:table-row></table:table>"
    "<text:p><draw:frame draw:name=\"Image1\"><draw:image "
    "xlink:href=\"Pictures/a.png\"/><svg:title>Chart</svg:title></draw:frame>"
    "</text:p>"
    "<text:p text:style-name=\"P2\">Wide</text:p>"
    "<text:p text:style-name=\"P3\">Upright</text:p>"
    "</office:text></office:body></office:document-content>";

static char *md;
static scr_diags diags;
static scr_embedded_set pictures;

static int read_report(void **state) {
  (void)state;
  const zip_part parts[] = {{"mimetype", MIMETYPE, 0},
                            {"content.xml", CONTENT, 0},
                            {"styles.xml", STYLES, 0},
                            {"meta.xml", META, 0},
                            {"Pictures/a.png", TINY_PNG, sizeof TINY_PNG}};
  md = report_of("report.odt", parts, sizeof parts / sizeof *parts, SCR_OK,
                 &diags, &pictures);
  return 0;
}

static int free_report(void **state) {
  (void)state;
  free(md);
  scr_embedded_set_free(&pictures);
  scr_diags_free(&diags);
  return 0;
}

static void expect(const char *want) {
  expect_in(md, want);
}

static void test_front_matter_and_headings(void **state) {
  (void)state;
  /* the Title paragraph, its spaces collapsed; dc:title is not used */
  expect("---\ntitle: \"Budget report\"\nauthor: \"Jo Officer\"\n---\n");
  expect("\n# Summary\n");
  expect("\n## By its style\n");
  expect("\n> Quoted\n");
}

static void test_text(void **state) {
  (void)state;
  /* adjacent italic and underlined text is one emphasis */
  expect("\nPlain **bold** *italic underlined* m<sup>2</sup>  spaced kept"
         "[^1] page 7.\n");
  expect("[a site](https://example.org/) and [the summary](#summary)");
  expect("\n[^1]: The note.\n");
  assert_null(strstr(md, "DELETEDSENTINEL"));
  assert_null(strstr(md, "COMMENTSENTINEL"));
  assert_null(strstr(md, "Old template name"));
}

static void test_lists(void **state) {
  (void)state;
  expect("4.  Four\n      - Nested\n5.  Five\n");
  expect("Between\n\n6.  Six\n");
}

static void test_table_picture_pages(void **state) {
  (void)state;
  expect("| A | B \\| C |\n| --- | --- |\n| Both<br>lines |  |\n");
  expect("![Chart](report/image1.png)");
  assert_int_equal(pictures.n, 1);
  expect("<!-- landscape -->\n\nWide\n\n<!-- portrait -->\n\nUpright\n");
  assert_int_equal(diags.count, 1);
  assert_non_null(strstr(diags.items[0].message, "merged cells"));
}

/* Numbered headings and paragraphs keep their labels, "1.1" as text. */
static void test_numbered_paragraphs(void **state) {
  (void)state;
  static const char content[] =
      "<office:document-content " NS "><office:automatic-styles>"
      "<text:list-style style:name=\"N\"><text:list-level-style-number "
      "text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
      "<text:list-level-style-number text:level=\"2\" style:num-format=\"1\" "
      "text:display-levels=\"2\"/></text:list-style>"
      "</office:automatic-styles><office:body><office:text>"
      "<text:list text:style-name=\"N\"><text:list-item><text:h "
      "text:outline-level=\"1\">Introduction</text:h><text:list>"
      "<text:list-item><text:p>First point.</text:p></text:list-item>"
      "<text:list-item><text:p>Second point.</text:p></text:list-item>"
      "</text:list></text:list-item><text:list-item><text:h "
      "text:outline-level=\"1\">Finance</text:h><text:list><text:list-item>"
      "<text:p>Again.</text:p></text:list-item></text:list></text:list-item>"
      "</text:list></office:text></office:body></office:document-content>";
  const zip_part parts[] = {{"mimetype", MIMETYPE, 0},
                            {"content.xml", content, 0}};
  scr_diags d;
  char *out = report_of("numbered.odt", parts, 2, SCR_OK, &d, NULL);
  expect_in(out, "# 1\\. Introduction\n\n1.1 First point.\n\n"
                 "1.2 Second point.\n\n# 2\\. Finance\n\n2.1 Again.\n");
  free(out);
  scr_diags_free(&d);
}

/* What is not an OpenDocument text is said to be so. */
static void test_not_a_text(void **state) {
  (void)state;
  static const struct {
    const char *mimetype, *content, *want;
  } CASES[] = {
      {"application/vnd.oasis.opendocument.spreadsheet", CONTENT,
       "not an OpenDocument text's"},
      {MIMETYPE, NULL, "has no content.xml"},
      {MIMETYPE, "<office:document-content", "is not well-formed XML"},
      {MIMETYPE, "<office:document-content " NS "/>", "has no office:text"},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    zip_part parts[2] = {{"mimetype", CASES[i].mimetype, 0},
                         {"content.xml", CASES[i].content, 0}};
    expect_refused("bad.odt", parts, CASES[i].content ? 2 : 1, CASES[i].want);
  }
}

/* ---- one package per test ------------------------------------------------ */

/* Named styles as LibreOffice writes Word's list and caption styles. */
static const char STYLES_MORE[] =
    "<office:document-styles " NS "><office:styles>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"List_20_Bullet\" style:display-name=\"List "
    "Bullet\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"List_20_Bullet_20_2\" style:display-name=\"List "
    "Bullet 2\" style:family=\"paragraph\"/>"
    "<text:list-style style:name=\"N\"><text:list-level-style-number "
    "text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
    "<text:list-level-style-number text:level=\"2\" style:num-format=\"\"/>"
    "</text:list-style>"
    "<text:list-style style:name=\"Z\"><text:list-level-style-number "
    "text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\" "
    "text:start-value=\"0\"/>"
    "</text:list-style></office:styles></office:document-styles>";

static const char AUTOMATIC[] =
    "<office:automatic-styles>"
    "<style:style style:name=\"P2\" style:family=\"paragraph\" "
    "style:parent-style-name=\"List_20_Bullet\"/>"
    "<style:style style:name=\"P3\" style:family=\"paragraph\" "
    "style:parent-style-name=\"List_20_Bullet_20_2\"/>"
    "<style:style style:name=\"H\" style:family=\"text\">"
    "<style:text-properties text:display=\"none\"/></style:style>"
    "<style:style style:name=\"LOW\" style:family=\"text\">"
    "<style:text-properties style:text-position=\"-33% 58%\" "
    "style:text-line-through-style=\"solid\"/></style:style>"
    "<text:list-style style:name=\"WWNum1\"><text:list-level-style-bullet "
    "text:level=\"1\" text:bullet-char=\"*\"/></text:list-style>"
    "<text:list-style style:name=\"WWNum2\"><text:list-level-style-bullet "
    "text:level=\"1\" text:bullet-char=\"o\"/></text:list-style>"
    "</office:automatic-styles>";

static const char FORMULA[] =
    "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow>"
    "<mi>a</mi><mo>=</mo><msup><mi>r</mi><mn>2</mn></msup></mrow>"
    "<annotation encoding=\"StarMath 5.0\">MATHSOURCESENTINEL</annotation>"
    "</semantics></math>";

/* The Markdown of a report whose office:text holds `body` (caller frees);
   its diagnostics in `d` (caller frees). */
static char *markdown_of(const char *body, scr_diags *d) {
  static const char META_MORE[] =
      "<office:document-meta " NS "><office:meta><meta:initial-creator>First"
      "</meta:initial-creator><dc:creator>Latest</dc:creator></office:meta>"
      "</office:document-meta>";
  size_t n = strlen(body) + 4096;
  char *content = malloc(n);
  assert_non_null(content);
  snprintf(content, n,
           "<office:document-content " NS ">%s<office:body><office:text>%s"
           "</office:text></office:body></office:document-content>",
           AUTOMATIC, body);
  const zip_part parts[] = {{"mimetype", MIMETYPE, 0},
                            {"content.xml", content, 0},
                            {"styles.xml", STYLES_MORE, 0},
                            {"meta.xml", META_MORE, 0},
                            {"Pictures/a.png", TINY_PNG, sizeof TINY_PNG},
                            {"Object 1/content.xml", FORMULA, 0}};
  char *out = report_of("more.odt", parts, sizeof parts / sizeof *parts, SCR_OK,
                        d, NULL);
  free(content);
  return out;
}

static void expect_warned(const scr_diags *d, const char *want) {
  for (size_t i = 0; i < d->count; i++)
    if (strstr(d->items[i].message, want))
      return;
  fail_msg("no warning '%s' among %zu", want, d->count);
}

/* Word's "List Bullet 2" as LibreOffice saves it: a list of its own, the
   outer list continued after it by text:continue-list. Numbered lists
   continue the list they name, or the last in their style. */
static void test_lists_continued(void **state) {
  (void)state;
  scr_diags d;
  char *out = markdown_of(
      "<text:list xml:id=\"b1\" text:style-name=\"WWNum1\"><text:list-item>"
      "<text:p text:style-name=\"P2\">Timetable</text:p></text:list-item>"
      "</text:list><text:list text:style-name=\"WWNum2\"><text:list-item>"
      "<text:p text:style-name=\"P3\">Pupils with SEND</text:p>"
      "</text:list-item></text:list><text:list xml:id=\"b2\" "
      "text:continue-list=\"b1\" text:style-name=\"WWNum1\"><text:list-item>"
      "<text:p text:style-name=\"P2\">Transport</text:p></text:list-item>"
      "</text:list>"
      "<text:list xml:id=\"n1\" text:style-name=\"N\"><text:list-item>"
      "<text:p>One</text:p></text:list-item><text:list-item><text:p>Two"
      "</text:p></text:list-item></text:list><text:p>Aside</text:p>"
      "<text:list text:style-name=\"N\"><text:list-item><text:p>Again one"
      "</text:p></text:list-item></text:list><text:p>Aside</text:p>"
      "<text:list text:continue-list=\"n1\" text:style-name=\"N\">"
      "<text:list-item><text:p>Three</text:p></text:list-item></text:list>"
      "<text:p>Aside</text:p>"
      "<text:list text:continue-numbering=\"true\" text:style-name=\"N\">"
      "<text:list-item><text:p>Four</text:p><text:list><text:list-item>"
      "<text:p>Unmarked</text:p></text:list-item></text:list>"
      "</text:list-item></text:list>"
      "<text:list text:style-name=\"Z\"><text:list-item><text:p>Zero</text:p>"
      "</text:list-item></text:list>"
      "<text:list text:style-name=\"N\"><text:list-header><text:p>Lead-in"
      "</text:p></text:list-header><text:list-item><text:h "
      "text:outline-level=\"2\"><text:number>1.</text:number>Numbered "
      "heading</text:h><text:p>Under it</text:p></text:list-item></text:list>",
      &d);
  expect_in(out, "  - Timetable\n      - Pupils with SEND\n  - Transport\n");
  expect_in(out, "1.  One\n2.  Two\n\nAside\n\n1.  Again one\n\nAside\n\n"
                 "3.  Three\n\nAside\n\n4.  Four\n\nUnmarked\n");
  expect_in(out, "\n0.  Zero\n");
  /* a numbered heading keeps its number, its cached label left out */
  expect_in(out, "\nLead-in\n\n## 1\\. Numbered heading\n\nUnder it\n");
  free(out);
  scr_diags_free(&d);
}

/* A caption's text box: its picture (the PNG of the two a frame offers)
   and its text after the paragraph; a frame anchored to the page; a
   formula as its text; a drawing's text left out, and said to be. */
static void test_frames(void **state) {
  (void)state;
  scr_diags d;
  char *out = markdown_of(
      "<draw:frame text:anchor-type=\"page\"><draw:image "
      "xlink:href=\"Pictures/a.png\"/><svg:title>Page dot</svg:title>"
      "</draw:frame>"
      "<text:p><draw:frame draw:name=\"Frame1\"><draw:text-box><text:p>"
      "<draw:frame><draw:image xlink:href=\"Pictures/a.svg\" "
      "draw:mime-type=\"image/svg+xml\"/><draw:image "
      "xlink:href=\"Pictures/a.png\" draw:mime-type=\"image/png\"/>"
      "<svg:desc>Red dot</svg:desc></draw:frame>Figure 1: the dot</text:p>"
      "</draw:text-box></draw:frame>Before the box.</text:p>"
      "<text:p>Area <draw:frame><draw:object xlink:href=\"./Object 1\"/>"
      "<draw:image xlink:href=\"./ObjectReplacements/Object 1\"/>"
      "</draw:frame> in all.</text:p>"
      "<text:p><draw:custom-shape><text:p>SHAPESENTINEL</text:p>"
      "</draw:custom-shape>By the shape.</text:p>",
      &d);
  expect_in(out, "\n![Page dot](more/image1.png)\n\nBefore the box.\n\n"
                 "![Red dot](more/image2.png)Figure 1: the dot\n");
  expect_in(out, "\nArea a=r2 in all.\n");
  expect_in(out, "\nBy the shape.\n");
  assert_null(strstr(out, "MATHSOURCESENTINEL"));
  assert_null(strstr(out, "SHAPESENTINEL"));
  expect_warned(&d, "a drawing's text is left out");
  free(out);
  scr_diags_free(&d);
}

/* Hidden text, hidden sections, a comment in a heading and its note: none
   of it is written, and a link to the heading by its text finds it. */
static void test_hidden_and_headings(void **state) {
  (void)state;
  scr_diags d;
  char *out = markdown_of(
      "<text:table-of-content><text:index-body><text:index-title><text:p>"
      "TOCSENTINEL</text:p></text:index-title><text:p>TOCSENTINEL 3</text:p>"
      "</text:index-body></text:table-of-content>"
      "<text:p text:style-name=\"Title\">First title</text:p>"
      "<text:p>Shown <text:span text:style-name=\"H\">HIDDENSENTINEL "
      "</text:span>text<text:hidden-text text:is-hidden=\"true\" "
      "text:string-value=\"HIDDENSENTINEL\">HIDDENSENTINEL</text:hidden-text>"
      ".</text:p>"
      "<text:section text:display=\"none\"><text:p>HIDDENSENTINEL</text:p>"
      "</text:section>"
      "<text:p>a<text:s/> b<text:tab/> c <text:span text:style-name=\"LOW\">"
      "low</text:span></text:p>"
      "<text:h text:outline-level=\"2\">Costs <office:annotation>"
      "<dc:creator>R</dc:creator><text:p>COMMENTSENTINEL</text:p>"
      "</office:annotation>and risks<text:note><text:note-citation>1"
      "</text:note-citation><text:note-body><text:p>Of the year.</text:p>"
      "</text:note-body></text:note></text:h>"
      "<text:p><text:a xlink:href=\"#Costs and risks|outline\">the costs"
      "</text:a></text:p>"
      "<text:p text:style-name=\"Title\">Second title</text:p>",
      &d);
  expect_in(out, "---\ntitle: \"First title\"\nauthor: \"Latest\"\n---\n");
  expect_in(out, "\nShown text.\n");
  expect_in(out, "\na  b  c ~~<sub>low</sub>~~\n");
  expect_in(out, "\n## Costs and risks[^1]\n");
  expect_in(out, "[the costs](#costs-and-risks)");
  expect_in(out, "\n# Second title\n");
  assert_null(strstr(out, "HIDDENSENTINEL"));
  assert_null(strstr(out, "COMMENTSENTINEL"));
  assert_null(strstr(out, "TOCSENTINEL"));
  expect_warned(&d, "table of contents or index is left out");
  free(out);
  scr_diags_free(&d);
}

/* Repeated cells and rows are repeated; the empty ones LibreOffice
   repeats to a sheet's width and length are left out. */
static void test_repeated_cells(void **state) {
  (void)state;
  scr_diags d;
  char *out = markdown_of(
      "<table:table><table:table-column "
      "table:number-columns-repeated=\"1024\"/><table:table-row>"
      "<table:table-cell><text:p>x</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"2\"><text:p>y"
      "</text:p></table:table-cell><table:table-cell "
      "table:number-columns-repeated=\"1021\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell "
      "table:number-columns-repeated=\"3\"><text:p>z</text:p>"
      "</table:table-cell><table:table-cell "
      "table:number-columns-repeated=\"1021\"><text:p/></table:table-cell>"
      "</table:table-row><table:table-row "
      "table:number-rows-repeated=\"1048573\"><table:table-cell "
      "table:number-columns-repeated=\"1024\"/></table:table-row>"
      "</table:table><text:p>After</text:p>",
      &d);
  expect_in(out, "| x | y | y |\n| --- | --- | --- |\n| z | z | z |\n"
                 "| z | z | z |\n\nAfter\n");
  free(out);
  scr_diags_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_front_matter_and_headings),
      cmocka_unit_test(test_text),
      cmocka_unit_test(test_lists),
      cmocka_unit_test(test_table_picture_pages),
      cmocka_unit_test(test_numbered_paragraphs),
      cmocka_unit_test(test_not_a_text),
  };
  const struct CMUnitTest alone[] = {
      cmocka_unit_test(test_lists_continued),
      cmocka_unit_test(test_frames),
      cmocka_unit_test(test_hidden_and_headings),
      cmocka_unit_test(test_repeated_cells),
  };
  int failed = cmocka_run_group_tests(tests, read_report, free_report);
  return failed + cmocka_run_group_tests(alone, NULL, NULL);
}
