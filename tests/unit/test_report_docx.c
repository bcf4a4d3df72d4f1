/* The DOCX reader: Word's markup read as the Markdown it would be. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "report.h"
#include "zip_fixture.h"
#include "report_fixture.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS                                                                   \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char CONTENT_TYPES[] =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

static const char STYLES[] =
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name "
    "w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name "
    "w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/></w:style>"
    /* a German Word's heading: localised id and name, outline level */
    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name "
    "w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "</w:style>"
    /* a council's own style based on it */
    "<w:style w:type=\"paragraph\" w:styleId=\"Section\"><w:name "
    "w:val=\"Abschnitt\"/><w:basedOn w:val=\"berschrift1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name "
    "w:val=\"\xc3\x9c"
    "berschrift 2\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name "
    "w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>"
    "</w:styles>";

static const char NUMBERING[] =
    "<w:numbering xmlns:w=\"" W_NS "\">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"decimal\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"bullet\"/></w:lvl></w:abstractNum>"
    /* a council report's numbered headings and paragraphs: 1., 1.1 */
    "<w:abstractNum w:abstractNumId=\"7\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    /* the same list restarted at 5 */
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/>"
    "</w:lvlOverride></w:num>"
    "</w:numbering>";

static const char RELS[] =
    "<Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId9\" Type=\"x/hyperlink\" "
    "Target=\"https://www.leicester.gov.uk/\" TargetMode=\"External\"/>"
    "<Relationship Id=\"rId10\" Type=\"x/image\" Target=\"media/a.png\"/>"
    "</Relationships>";

static const char FOOTNOTES[] =
    "<w:footnotes xmlns:w=\"" W_NS "\">"
    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/>"
    "</w:r></w:p></w:footnote>"
    "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t "
    "xml:space=\"preserve\"> Source: the council's accounts.</w:t></w:r>"
    "</w:p></w:footnote></w:footnotes>";

#define P(style, runs)                                                         \
  "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr>" runs "</w:p>"
#define R(text) "<w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define ITEM(num, lvl, text)                                                   \
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" num      \
  "\"/></w:numPr></w:pPr>" R(text) "</w:p>"

/* clang-format off */
static const char BODY[] =
    "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
    "wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
    "<w:body>"
    P("Title", R("Budget monitoring"))
    P("Section", "<w:bookmarkStart w:id=\"0\" w:name=\"risks\"/>"
      R("Key risks") "<w:bookmarkEnd w:id=\"0\"/>")
    P("H2", R("Detail"))
    "<w:p>" R("Plain, ")
    "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">bold </w:t></w:r>"
    "<w:r><w:rPr><w:rStyle w:val=\"Strong\"/><w:i/></w:rPr><w:t>both</w:t>"
    "</w:r>"
    "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">"
    " underlined</w:t></w:r>"
    R(" m") "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
    "<w:t>2</w:t></w:r>"
    "<w:ins w:id=\"1\" w:author=\"A\">" R(" kept") "</w:ins>"
    "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText>DELETEDSENTINEL"
    "</w:delText></w:r></w:del>"
    "<w:commentRangeStart w:id=\"3\"/>" R(" noted")
    "<w:commentRangeEnd w:id=\"3\"/><w:r><w:commentReference w:id=\"3\"/>"
    "</w:r>"
    "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE "
    "INSTRSENTINEL </w:instrText></w:r><w:r><w:fldChar "
    "w:fldCharType=\"separate\"/></w:r>" R(" page 7")
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "</w:p>"
    /* hidden text, which Word neither shows nor prints */
    "<w:p>" R("Shown") "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDENSENTINEL"
    "</w:t></w:r>" R(" text.") "</w:p>"
    /* a link made by a HYPERLINK field */
    "<w:p>" R("See ") "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>"
    "<w:instrText xml:space=\"preserve\"> HYPERLINK "
    "\"https://example.org/plan\" \\o \"tip\" </w:instrText></w:r><w:r>"
    "<w:fldChar w:fldCharType=\"separate\"/></w:r>" R("the plan")
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" R(".") "</w:p>"
    "<w:p><w:hyperlink r:id=\"rId9\">" R("the council") "</w:hyperlink>"
    R(" and ") "<w:hyperlink w:anchor=\"risks\">" R("the risks")
    "</w:hyperlink>" R(" and ") "<w:hyperlink w:anchor=\"nowhere\">"
    R("a lost place") "</w:hyperlink></w:p>"
    "<w:sdt><w:sdtPr/><w:sdtContent><w:p>" R("In a content control")
    "</w:p></w:sdtContent></w:sdt>"
    ITEM("1", "0", "First") ITEM("1", "1", "Nested") ITEM("1", "0", "Second")
    "<w:p>" R("Between") "</w:p>"
    ITEM("1", "0", "Third, continued") ITEM("2", "0", "Restarted")
    "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p>" R("Service")
    "</w:p></w:tc><w:tc><w:p>" R("Budget | spend") "</w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p>"
    R("Across both") "</w:p><w:p>" R("two lines") "</w:p></w:tc></w:tr>"
    "</w:tbl>"
    "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"9525\" cy=\"9525\"/>"
    "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"A chart of spend\"/>"
    "<a:graphic><a:graphicData><a:blip r:embed=\"rId10\"/></a:graphicData>"
    "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
    "<w:p xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "math\">" R("Growth is ") "<m:oMath><m:r><m:rPr/><m:t>g</m:t></m:r>"
    "<m:r><m:t>=2%</m:t></m:r></m:oMath></w:p>"
    "<w:p/><w:sectPr/></w:body></w:document>";
/* clang-format on */

static char *markdown_of(const zip_part *parts, size_t n, scr_diags *diags,
                         scr_embedded_set *pictures);
static void expect(const char *md, const char *want);

#define NUMBERED(style, lvl, text)                                             \
  "<w:p><w:pPr>" style "<w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId "         \
  "w:val=\"3\"/></w:numPr></w:pPr>" R(text) "</w:p>"
#define SECTION "<w:pStyle w:val=\"Section\"/>"

/* Numbered headings and paragraphs keep their numbers, "2.1" as text. */
static void test_numbered_paragraphs(void **state) {
  (void)state;
  static const char body[] =
      "<w:document xmlns:w=\"" W_NS
      "\"><w:body>" NUMBERED(SECTION, "0", "Introduction") NUMBERED(
          "", "1", "The first point.") NUMBERED("", "1", "The second point.")
          NUMBERED("", "2", "A sub-point.") NUMBERED(SECTION, "0", "Finance")
              NUMBERED("", "1",
                       "Numbering starts again.") "</w:body></w:document>";
  const zip_part parts[] = {{"[Content_Types].xml", CONTENT_TYPES, 0},
                            {"word/document.xml", body, 0},
                            {"word/styles.xml", STYLES, 0},
                            {"word/numbering.xml", NUMBERING, 0}};
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = markdown_of(parts, 4, &d, &pics);
  expect(md, "# 1\\. Introduction\n\n1.1 The first point.\n\n"
             "1.2 The second point.\n\n");
  expect(md, "\n(i) A sub-point.\n");
  expect(md, "# 2\\. Finance\n\n2.1 Numbering starts again.\n");
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

static char *markdown_of(const zip_part *parts, size_t n, scr_diags *diags,
                         scr_embedded_set *pictures) {
  return report_of("report.docx", parts, n, SCR_OK, diags, pictures);
}

static char *report_markdown(scr_diags *diags, scr_embedded_set *pictures) {
  const zip_part parts[] = {{"[Content_Types].xml", CONTENT_TYPES, 0},
                            {"word/document.xml", BODY, 0},
                            {"word/styles.xml", STYLES, 0},
                            {"word/numbering.xml", NUMBERING, 0},
                            {"word/_rels/document.xml.rels", RELS, 0},
                            {"word/footnotes.xml", FOOTNOTES, 0},
                            {"word/media/a.png", TINY_PNG, sizeof TINY_PNG}};
  return markdown_of(parts, sizeof parts / sizeof *parts, diags, pictures);
}

static void expect(const char *md, const char *want) {
  expect_in(md, want);
}

static void test_title_and_headings(void **state) {
  (void)state;
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = report_markdown(&d, &pics);
  expect(md, "---\ntitle: \"Budget monitoring\"\n---\n");
  expect(md, "\n# Key risks\n");
  expect(md, "\n## Detail\n");
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

static void test_runs(void **state) {
  (void)state;
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = report_markdown(&d, &pics);
  expect(md, "Plain, **bold *both*** *underlined* m<sup>2</sup> kept noted");
  expect(md, "page 7");
  /* an equation as the text of its runs */
  expect(md, "\nGrowth is g=2%\n");
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

/* Deleted text, comments and field instructions are never read. */
static void test_nothing_unpublished(void **state) {
  (void)state;
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = report_markdown(&d, &pics);
  assert_null(strstr(md, "DELETEDSENTINEL"));
  assert_null(strstr(md, "INSTRSENTINEL"));
  assert_null(strstr(md, "PAGE"));
  assert_null(strstr(md, "HIDDENSENTINEL"));
  assert_non_null(strstr(md, "\nShown text.\n"));
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

static void test_notes_and_links(void **state) {
  (void)state;
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = report_markdown(&d, &pics);
  expect(md, "noted[^1]");
  expect(md, "\n[^1]: Source: the council's accounts.\n");
  expect(md, "[the council](https://www.leicester.gov.uk/)");
  expect(md, "\nSee [the plan](https://example.org/plan).\n");
  expect(md, "[the risks](#key-risks)");
  expect(md, " and a lost place\n");
  expect(md, "\nIn a content control\n");
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

static void test_lists(void **state) {
  (void)state;
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = report_markdown(&d, &pics);
  expect(md, "1.  First\n      - Nested\n2.  Second\n");
  /* continued after the paragraph, then restarted by the override */
  expect(md, "Between\n\n3.  Third, continued\n");
  expect(md, "5.  Restarted\n");
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

static void test_tables_and_pictures(void **state) {
  (void)state;
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = report_markdown(&d, &pics);
  expect(md, "| Service | Budget \\| spend |\n| --- | --- |\n"
             "| Across both<br>two lines | |\n");
  expect(md, "![A chart of spend](report/image1.png)");
  assert_int_equal(pics.n, 1);
  assert_string_equal(pics.items[0].url, "report/image1.png");
  assert_int_equal(pics.items[0].len, sizeof TINY_PNG);
  /* the merged cell is warned of */
  assert_int_equal(d.count, 1);
  assert_non_null(strstr(d.items[0].message, "merged cells"));
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

/* A report's landscape section is landscape in the pack too. */
static void test_landscape_section(void **state) {
  (void)state;
  static const char body[] =
      "<w:document xmlns:w=\"" W_NS "\"><w:body>"
      "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
      "</w:sectPr></w:pPr>" R(
          "Portrait text") "</w:p>"
                           "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"16838\" "
                           "w:h=\"11906\" "
                           "w:orient=\"landscape\"/></w:sectPr></w:pPr>" R(
                               "Wide text") "</w:p>"
                                            "<w:p>" R(
                                                "Upright again") "</w:p>"
                                                                 "<w:sectPr><w:"
                                                                 "pgSz "
                                                                 "w:w="
                                                                 "\"11906\" "
                                                                 "w:h="
                                                                 "\"16838\"/></"
                                                                 "w:sectPr>"
                                                                 "</w:body></"
                                                                 "w:document>";
  const zip_part parts[] = {{"[Content_Types].xml", CONTENT_TYPES, 0},
                            {"word/document.xml", body, 0}};
  scr_diags d;
  scr_diags_init(&d);
  scr_embedded_set pics;
  char *md = markdown_of(parts, 2, &d, &pics);
  expect(md, "Portrait text\n\n<!-- landscape -->\n\nWide text\n\n"
             "<!-- portrait -->\n\nUpright again\n");
  free(md);
  scr_embedded_set_free(&pics);
  scr_diags_free(&d);
}

/* A package that is not a Word document says what is wrong, naming it. */
static void test_bad_packages(void **state) {
  (void)state;
  static const struct {
    const char *document, *types, *want;
  } CASES[] = {
      {NULL, CONTENT_TYPES, "has no word/document.xml"},
      {"<w:document", CONTENT_TYPES, "is not well-formed XML"},
      {"<w:document xmlns:w=\"" W_NS "\"/>", CONTENT_TYPES, "has no w:body"},
      {BODY,
       "<Types><Override ContentType=\"application/"
       "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>",
       "macro-enabled"},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    zip_part parts[2] = {{"[Content_Types].xml", CASES[i].types, 0},
                         {"word/document.xml", CASES[i].document, 0}};
    expect_refused("bad.docx", parts, CASES[i].document ? 2 : 1, CASES[i].want);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_title_and_headings),
      cmocka_unit_test(test_runs),
      cmocka_unit_test(test_nothing_unpublished),
      cmocka_unit_test(test_notes_and_links),
      cmocka_unit_test(test_lists),
      cmocka_unit_test(test_tables_and_pictures),
      cmocka_unit_test(test_landscape_section),
      cmocka_unit_test(test_numbered_paragraphs),
      cmocka_unit_test(test_bad_packages),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
