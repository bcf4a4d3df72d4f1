/*
 * The DOCX writer, element by element: drive the sink and compare the exact
 * body XML; then finish a small document into a package and check its parts.
 * Set SCR_DOCX_TEST_OUT=/tmp/x.docx to keep the package for a look by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#define WRITER scr_docx_writer
#include "writer_fixture.h"

static void expect_in_body(fixture *f, const char *needle) {
  char *xml = scr_docx_writer.body_xml(f->w);
  assert_non_null(xml);
  if (!strstr(xml, needle))
    fail_msg("the body lacks %s:\n%s", needle, xml);
  free(xml);
}

/* ---- runs ---------------------------------------------------------------- */

static void test_runs(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "plain ", 0);
  put(f, "bold", SCR_RUN_BOLD);
  put(f, "italic", SCR_RUN_ITALIC);
  put(f, "struck", SCR_RUN_STRIKE);
  put(f, "code", SCR_RUN_CODE);
  put(f, "1", SCR_RUN_SUPERSCRIPT);
  put(f, "all", SCR_RUN_BOLD | SCR_RUN_ITALIC | SCR_RUN_CODE);
  put(f, "a<b & \"c\"\x01", 0); /* U+0001 is not allowed in XML 1.0 */
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(
      f,
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">plain </w:t></w:r>"
      "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">bold</w:t></w:r>"
      "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">italic</w:t></w:r>"
      "<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space=\"preserve\">struck</w:t>"
      "</w:r>"
      "<w:r><w:rPr><w:rStyle w:val=\"SourceText\"/></w:rPr>"
      "<w:t xml:space=\"preserve\">code</w:t></w:r>"
      "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
      "<w:t xml:space=\"preserve\">1</w:t></w:r>"
      "<w:r><w:rPr><w:rStyle w:val=\"SourceText\"/><w:b/><w:i/></w:rPr>"
      "<w:t xml:space=\"preserve\">all</w:t></w:r>"
      "<w:r><w:t xml:space=\"preserve\">a&lt;b &amp; &quot;c&quot;</w:t></w:r>"
      "</w:p>");
}

static void test_text_outside_paragraph_is_refused(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->text(f->w, "x", 1, 0), SCR_E_USAGE);
}

/* ---- headings ------------------------------------------------------------ */

static void test_heading(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_heading(f->w, 1), SCR_OK);
  put(f, "Agenda", 0);
  assert_int_equal(f->ops->end_heading(f->w), SCR_OK);
  assert_int_equal(f->ops->begin_heading(f->w, 9), SCR_OK); /* clamped */
  put(f, "Deep", 0);
  assert_int_equal(f->ops->end_heading(f->w), SCR_OK);
  expect_body(f, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>"
                 "<w:r><w:t xml:space=\"preserve\">Agenda</w:t></w:r></w:p>"
                 "<w:p><w:pPr><w:pStyle w:val=\"Heading6\"/></w:pPr>"
                 "<w:r><w:t xml:space=\"preserve\">Deep</w:t></w:r></w:p>");
}

/* ---- lists --------------------------------------------------------------- */

static void test_nested_lists(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_list(f->w, false, 1), SCR_OK);
  assert_int_equal(o->begin_item(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, "fruit");
  assert_int_equal(o->begin_list(f->w, true, 3), SCR_OK);
  item(f, "apple");
  item(f, "pear");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, "more about fruit");
  assert_int_equal(o->end_item(f->w), SCR_OK);
  /* an empty item still shows its bullet */
  assert_int_equal(o->begin_item(f->w), SCR_OK);
  assert_int_equal(o->end_item(f->w), SCR_OK);
  assert_int_equal(o->end_list(f->w), SCR_OK);
  /* a second ordered list restarts: a list instance of its own */
  assert_int_equal(o->begin_list(f->w, true, 1), SCR_OK);
  item(f, "first");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  expect_body(
      f,
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
      "<w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">fruit</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
      "<w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">apple</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
      "<w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">pear</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:ind w:left=\"360\"/>"
      "</w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">more about fruit</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
      "<w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
      "<w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">first</w:t></w:r></w:p>");

  scr_package *pkg = finish(f);
  expect_in_part(pkg, "word/numbering.xml",
                 "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                 "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
                 "<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"3\"/>"
                 "</w:lvlOverride></w:num>"
                 "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/>"
                 "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
                 "</w:lvlOverride></w:num>");
  scr_package_free(pkg);
}

/* Numbered lists number 1. a. i. down the levels and round again, each
   level's text 0.635 cm (360 twips) right of the one above, its number
   hanging at the text of the level above, as in the ODT. */
static void test_ordered_levels_number_1_a_i(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_list(f->w, true, 1), SCR_OK);
  item(f, "one");
  assert_int_equal(f->ops->end_list(f->w), SCR_OK);
  scr_package *pkg = finish(f);
  static const struct {
    const char *level;
  } LEVELS[] = {
      {"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>"},
      {"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"},
      {"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"%3.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"1080\" w:hanging=\"360\"/></w:pPr></w:lvl>"},
      {"<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%4.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>"},
      {"<w:lvl w:ilvl=\"8\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"%9.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"3240\" w:hanging=\"360\"/></w:pPr></w:lvl>"},
  };
  for (size_t i = 0; i < sizeof LEVELS / sizeof LEVELS[0]; i++)
    expect_in_part(pkg, "word/numbering.xml", LEVELS[i].level);
  /* the bullets' levels hang the same way */
  expect_in_part(
      pkg, "word/numbering.xml",
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x97\xA6\"/>"
      "<w:lvlJc w:val=\"left\"/>"
      "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr>");
  scr_package_free(pkg);
}

static void test_list_nine_deep(void **state) {
  fixture *f = *state;
  enum { DEPTH = 11 };
  for (int d = 0; d < DEPTH; d++) {
    assert_int_equal(f->ops->begin_list(f->w, d % 2 == 0, 1), SCR_OK);
    assert_int_equal(f->ops->begin_item(f->w), SCR_OK);
  }
  para(f, SCR_PARA_LIST, "deep");
  for (int d = 0; d < DEPTH; d++) {
    assert_int_equal(f->ops->end_item(f->w), SCR_OK);
    assert_int_equal(f->ops->end_list(f->w), SCR_OK);
  }
  /* items with no paragraph of their own get an empty numbered one */
  expect_in_body(f, "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/>"
                    "<w:numPr><w:ilvl w:val=\"7\"/><w:numId w:val=\"8\"/>"
                    "</w:numPr></w:pPr></w:p>");
  /* Word has nine levels; deeper lists share the last */
  expect_in_body(f, "<w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"11\"/>"
                    "</w:numPr></w:pPr>"
                    "<w:r><w:t xml:space=\"preserve\">deep</w:t></w:r>");
}

/* ---- tables -------------------------------------------------------------- */

/* w:tblPr of every body table: the grid style across the text width, the
   columns fixed, and the cells' margins the ODT's padding. */
#define TABLE_PROPS                                                            \
  "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"       \
  "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"                           \
  "<w:left w:w=\"108\" w:type=\"dxa\"/>"                                       \
  "<w:bottom w:w=\"40\" w:type=\"dxa\"/>"                                      \
  "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"                       \
  "</w:tblPr>"

static void test_table(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  const scr_align align[3] = {SCR_ALIGN_NONE, SCR_ALIGN_CENTER,
                              SCR_ALIGN_RIGHT};
  assert_int_equal(o->begin_table(f->w, 3, align, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, true), SCR_OK);
  cell(f, SCR_PARA_TABLE_HEADING, "Item");
  cell(f, SCR_PARA_TABLE_HEADING, "Lead");
  cell(f, SCR_PARA_TABLE_HEADING, "Page");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->begin_row(f->w, false), SCR_OK);
  cell(f, SCR_PARA_TABLE_CONTENTS, "Minutes");
  cell(f, SCR_PARA_TABLE_CONTENTS, NULL); /* gets an empty paragraph */
  cell(f, SCR_PARA_TABLE_CONTENTS, "5");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->end_table(f->w), SCR_OK);
  /* 9638 twips of text width in three columns: 3213 + 3213 + 3212; the
     cells' margins are the ODT's padding: 5.4 pt at the sides, 2 pt above
     and below */
  expect_body(
      f,
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>" TABLE_PROPS
      "<w:tblGrid><w:gridCol w:w=\"3213\"/><w:gridCol w:w=\"3213\"/>"
      "<w:gridCol w:w=\"3212\"/></w:tblGrid>"
      "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
      "<w:tc><w:tcPr><w:tcW w:w=\"3213\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">Item</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:tcW w:w=\"3213\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/><w:jc w:val=\"center\"/>"
      "</w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">Lead</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:tcW w:w=\"3212\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/><w:jc w:val=\"right\"/>"
      "</w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">Page</w:t></w:r></w:p></w:tc>"
      "</w:tr>"
      "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
      "<w:tc><w:tcPr><w:tcW w:w=\"3213\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">Minutes</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:tcW w:w=\"3213\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p/></w:tc>"
      "<w:tc><w:tcPr><w:tcW w:w=\"3212\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/><w:jc w:val=\"right\"/>"
      "</w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">5</w:t></w:r></w:p></w:tc>"
      "</w:tr>"
      "</w:tbl>");
}

static void test_tables_back_to_back_are_kept_apart(void **state) {
  fixture *f = *state;
  for (int t = 0; t < 2; t++) {
    assert_int_equal(f->ops->begin_table(f->w, 1, NULL, NULL), SCR_OK);
    assert_int_equal(f->ops->begin_row(f->w, false), SCR_OK);
    cell(f, SCR_PARA_TABLE_CONTENTS, NULL);
    assert_int_equal(f->ops->end_row(f->w), SCR_OK);
    assert_int_equal(f->ops->end_table(f->w), SCR_OK);
  }
  expect_in_body(f, "</w:tbl><w:p/><w:tbl>");
}

/* ---- links, bookmarks, page references ----------------------------------- */

static void test_links(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(
      o->begin_link(f->w, "https://example.org/a b?x=1&y=\xC3\xA9"), SCR_OK);
  put(f, "site", 0);
  put(f, "code", SCR_RUN_CODE);
  assert_int_equal(o->end_link(f->w), SCR_OK);
  put(f, " and ", 0);
  assert_int_equal(o->begin_link(f->w, "#appendix_a"), SCR_OK);
  put(f, "Appendix A", 0);
  assert_int_equal(o->end_link(f->w), SCR_OK);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  expect_body(
      f,
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
      "<w:hyperlink r:id=\"rId5\">"
      "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>"
      "<w:t xml:space=\"preserve\">site</w:t></w:r>"
      "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/>"
      "<w:rFonts w:ascii=\"Liberation Mono\" w:hAnsi=\"Liberation Mono\""
      " w:cs=\"Liberation Mono\"/></w:rPr><w:t xml:space=\"preserve\">code"
      "</w:t></w:r></w:hyperlink>"
      "<w:r><w:t xml:space=\"preserve\"> and </w:t></w:r>"
      "<w:hyperlink w:anchor=\"appendix_a\">"
      "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>"
      "<w:t xml:space=\"preserve\">Appendix A</w:t></w:r></w:hyperlink></w:p>");
  scr_package *pkg = finish(f);
  /* the target is a valid URI: space and UTF-8 percent-encoded */
  expect_in_part(pkg, "word/_rels/document.xml.rels",
                 "<Relationship Id=\"rId5\" Type=\"http://schemas."
                 "openxmlformats.org/officeDocument/2006/relationships/"
                 "hyperlink\" Target=\"https://example.org/a%20b?x=1&amp;y="
                 "%C3%A9\" TargetMode=\"External\"/>");
  scr_package_free(pkg);
}

static void test_bookmark_and_page_ref(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  assert_int_equal(o->begin_bookmark(f->w, "appendix_a"), SCR_OK);
  put(f, "Appendix A", 0);
  assert_int_equal(o->end_bookmark(f->w, "appendix_a"), SCR_OK);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "Appendix A (page ", 0);
  assert_int_equal(o->page_ref(f->w, "appendix_a", 5), SCR_OK);
  put(f, ")", 0);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  /* ending a bookmark that is not open is refused, and writes nothing */
  assert_int_equal(o->end_bookmark(f->w, "nowhere"), SCR_E_USAGE);
  expect_body(
      f, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>"
         "<w:bookmarkStart w:id=\"0\" w:name=\"appendix_a\"/>"
         "<w:r><w:t xml:space=\"preserve\">Appendix A</w:t></w:r>"
         "<w:bookmarkEnd w:id=\"0\"/></w:p>"
         "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
         "<w:r><w:t xml:space=\"preserve\">Appendix A (page </w:t></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
         "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF appendix_a \\h "
         "</w:instrText></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
         "<w:r><w:t xml:space=\"preserve\">5</w:t></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
         "<w:r><w:t xml:space=\"preserve\">)</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>");
}

/* ---- images -------------------------------------------------------------- */

static const unsigned char PNG_1X1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
    0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

/* 50 mm x 25 mm: 1800000 x 900000 EMU */
static const scr_image IMAGE = {
    .data = PNG_1X1,
    .size = sizeof PNG_1X1,
    .mime = "image/png",
    .ext = "png",
    .width_px = 1,
    .height_px = 1,
    .width_mm100 = 5000,
    .height_mm100 = 2500,
    .alt = "Chart of \"referrals\"",
};

static void test_image(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(f->ops->image(f->w, &IMAGE), SCR_OK);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(
      f,
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
      "<w:r><w:drawing>"
      /* no distance to the text around: at the margin, as in the ODT */
      "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
      "<wp:extent cx=\"1800000\" cy=\"900000\"/>"
      "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"Chart of"
      " &quot;referrals&quot;\" title=\"Chart of &quot;referrals&quot;\"/>"
      "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
      "</wp:cNvGraphicFramePr>"
      "<a:graphic>"
      "<a:graphicData"
      " uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      "<pic:pic>"
      "<pic:nvPicPr>"
      "<pic:cNvPr id=\"1\" name=\"Picture 1\" descr=\"Chart of"
      " &quot;referrals&quot;\" title=\"Chart of &quot;referrals&quot;\"/>"
      "<pic:cNvPicPr/></pic:nvPicPr>"
      "<pic:blipFill><a:blip r:embed=\"rId5\"/><a:stretch><a:fillRect/>"
      "</a:stretch></pic:blipFill>"
      "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
      "<a:ext cx=\"1800000\" cy=\"900000\"/></a:xfrm>"
      "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
      "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
  scr_package *pkg = finish(f);
  size_t len = 0;
  const char *png = scr_package_get(pkg, "word/media/image1.png", &len);
  assert_non_null(png);
  assert_int_equal(len, sizeof PNG_1X1);
  assert_memory_equal(png, PNG_1X1, len);
  expect_in_part(pkg, "word/_rels/document.xml.rels",
                 "<Relationship Id=\"rId5\" Type=\"http://schemas."
                 "openxmlformats.org/officeDocument/2006/relationships/image\" "
                 "Target=\"media/image1.png\"/>");
  scr_package_free(pkg);
}

static void test_image_with_bad_extension_is_refused(void **state) {
  fixture *f = *state;
  scr_image bad = IMAGE;
  bad.ext = "../x";
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(f->ops->image(f->w, &bad), SCR_E_USAGE);
}

/* ---- code, page breaks, rules -------------------------------------------- */

static void test_code_block_keeps_spaces(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_CODE), SCR_OK);
  put(f, "if (late)  {", 0);
  assert_int_equal(f->ops->line_break(f->w), SCR_OK);
  put(f, "    chase();\tagain", 0);
  assert_int_equal(f->ops->line_break(f->w), SCR_OK);
  put(f, "}  ", 0);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(f, "<w:p><w:pPr><w:pStyle w:val=\"SourceCode\"/></w:pPr>"
                 "<w:r><w:t xml:space=\"preserve\">if (late)  {</w:t></w:r>"
                 "<w:r><w:br/></w:r>"
                 "<w:r><w:t xml:space=\"preserve\">    chase();</w:t><w:tab/>"
                 "<w:t xml:space=\"preserve\">again</w:t></w:r>"
                 "<w:r><w:br/></w:r>"
                 "<w:r><w:t xml:space=\"preserve\">}  </w:t></w:r></w:p>");
}

static void test_page_break(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  para(f, SCR_PARA_BODY, "front");
  assert_int_equal(o->page_break(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, "next page");
  para(f, SCR_PARA_BODY, "same page");
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_table(f->w, 1, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, true), SCR_OK);
  cell(f, SCR_PARA_TABLE_HEADING, "table");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->end_table(f->w), SCR_OK);
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_list(f->w, false, 1), SCR_OK);
  item(f, "list");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  expect_body(
      f,
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">front</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/><w:pageBreakBefore/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">next page</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">same page</w:t></w:r></w:p>"
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>" TABLE_PROPS
      "<w:tblGrid><w:gridCol w:w=\"9638\"/></w:tblGrid>"
      "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
      "<w:tc><w:tcPr><w:tcW w:w=\"9638\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/><w:pageBreakBefore/>"
      "</w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">table</w:t></w:r></w:p></w:tc>"
      "</w:tr>"
      "</w:tbl>"
      "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:pageBreakBefore/>"
      "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">list</w:t></w:r></w:p>");
}

static void test_rule(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_RULE), SCR_OK);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(f,
              "<w:p><w:pPr><w:pStyle w:val=\"HorizontalLine\"/></w:pPr></w:p>");
}

/* ---- the package --------------------------------------------------------- */

static const char *const PARTS[] = {
    "[Content_Types].xml",   "_rels/.rels",
    "docProps/core.xml",     "docProps/app.xml",
    "word/document.xml",     "word/styles.xml",
    "word/numbering.xml",    "word/settings.xml",
    "word/footer1.xml",      "word/_rels/document.xml.rels",
    "word/media/image1.png", /* last: the one that is not XML */
};
#define PART_COUNT (sizeof PARTS / sizeof PARTS[0])

static void two_lists(fixture *f) {
  const scr_sink_ops *o = f->ops;
  for (int l = 0; l < 2; l++) {
    assert_int_equal(o->begin_list(f->w, true, 1), SCR_OK);
    item(f, "first");
    assert_int_equal(o->begin_item(f->w), SCR_OK);
    para(f, SCR_PARA_LIST, "second");
    assert_int_equal(o->begin_list(f->w, false, 1), SCR_OK);
    item(f, "nested bullet");
    assert_int_equal(o->end_list(f->w), SCR_OK);
    para(f, SCR_PARA_LIST, "second, more");
    assert_int_equal(o->end_item(f->w), SCR_OK);
    assert_int_equal(o->end_list(f->w), SCR_OK);
    para(f, SCR_PARA_BODY, "between lists");
  }
}

static void small_table(fixture *f) {
  const scr_sink_ops *o = f->ops;
  const scr_align align[2] = {SCR_ALIGN_LEFT, SCR_ALIGN_RIGHT};
  assert_int_equal(o->begin_table(f->w, 2, align, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, true), SCR_OK);
  cell(f, SCR_PARA_TABLE_HEADING, "Item");
  cell(f, SCR_PARA_TABLE_HEADING, "Page");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->begin_row(f->w, false), SCR_OK);
  cell(f, SCR_PARA_TABLE_CONTENTS, "Minutes");
  cell(f, SCR_PARA_TABLE_CONTENTS, "3");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->end_table(f->w), SCR_OK);
}

static void appendix(fixture *f) {
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  assert_int_equal(o->begin_bookmark(f->w, "appendix_a"), SCR_OK);
  put(f, "Appendix A", 0);
  assert_int_equal(o->end_bookmark(f->w, "appendix_a"), SCR_OK);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, "The minutes.");
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_heading(f->w, 2), SCR_OK);
  put(f, "Later", 0);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
}

/* A small document with one of everything; the appendix is on page 2 while
   the cached page number says 3, so a reader can see it recomputed. */
static void small_document(fixture *f) {
  const scr_sink_ops *o = f->ops;
  para(f, SCR_PARA_TITLE, "Agenda pack");
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  put(f, "Agenda", 0);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "Minutes: see Appendix A (page ", 0);
  assert_int_equal(o->page_ref(f->w, "appendix_a", 3), SCR_OK);
  put(f, "), ", 0);
  assert_int_equal(o->begin_link(f->w, "#appendix_a"), SCR_OK);
  put(f, "jump", 0);
  assert_int_equal(o->end_link(f->w), SCR_OK);
  put(f, " or ", 0);
  assert_int_equal(o->begin_link(f->w, "https://www.leicester.gov.uk/"),
                   SCR_OK);
  put(f, "the council", SCR_RUN_BOLD);
  assert_int_equal(o->end_link(f->w), SCR_OK);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  two_lists(f);
  small_table(f);
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_CODE), SCR_OK);
  put(f, "  two spaces", 0);
  assert_int_equal(o->line_break(f->w), SCR_OK);
  put(f, "\ttab", 0);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(o->image(f->w, &IMAGE), SCR_OK);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_RULE), SCR_OK);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  appendix(f);
}

static void expect_well_formed(const scr_package *pkg, const char *name) {
  size_t len = 0;
  const char *data = scr_package_get(pkg, name, &len);
  assert_non_null(data);
  xmlDocPtr doc = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET);
  if (!doc)
    fail_msg("%s is not well-formed", name);
  xmlFreeDoc(doc);
}

static void expect_zip_parts(const char *path) {
  int zerr = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
  assert_non_null(z);
  for (size_t i = 0; i < PART_COUNT; i++)
    if (zip_name_locate(z, PARTS[i], 0) < 0)
      fail_msg("%s lacks %s", path, PARTS[i]);
  assert_int_equal(zip_get_num_entries(z, 0), PART_COUNT);
  zip_discard(z);
}

static void expect_parts_content(const scr_package *pkg) {
  expect_in_part(pkg, "word/document.xml",
                 "<w:sectPr>"
                 "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                 "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                 "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
                 "w:left=\"1134\" w:header=\"567\" w:footer=\"567\" "
                 "w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
  /* the name and the page number in two cells of one row, so a long name
     wraps in its cell and "Page N" stays on the footer's first line */
  expect_in_part(
      pkg, "word/footer1.xml",
      "<w:tbl><w:tblPr><w:tblW w:w=\"9638\" w:type=\"dxa\"/>"
      "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/>"
      "<w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
      "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
      "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
      "<w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/>"
      "</w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"8221\"/>"
      "<w:gridCol w:w=\"1417\"/></w:tblGrid><w:tr>"
      "<w:tc><w:tcPr><w:tcW w:w=\"8221\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">Children, Young People and "
      "Education Scrutiny Commission, 17 June 2026</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:tcW w:w=\"1417\" w:type=\"dxa\"/></w:tcPr>"
      "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"right\"/>"
      "</w:pPr><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"
      "</w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t xml:space=\"preserve\">1</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:tc></w:tr>"
      "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:spacing "
      "w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
      "</w:pPr></w:p></w:ftr>");
  expect_in_part(pkg, "docProps/core.xml",
                 "<dc:title>Agenda pack</dc:title>"
                 "<dc:subject>Agenda pack</dc:subject>"
                 "<dc:creator>Leicester City Council</dc:creator>"
                 "<dc:language>en-GB</dc:language>");
  expect_in_part(pkg, "word/settings.xml", "<w:updateFields w:val=\"true\"/>");
  expect_in_part(pkg, "word/settings.xml",
                 "<w:themeFontLang w:val=\"en-GB\"/>");
  expect_in_part(pkg, "[Content_Types].xml",
                 "<Override PartName=\"/word/footer1.xml\" "
                 "ContentType=\"application/vnd.openxmlformats-"
                 "officedocument.wordprocessingml.footer+xml\"/>");
}

static void test_package(void **state) {
  fixture *f = *state;
  small_document(f);
  scr_package *pkg = finish(f);
  for (size_t i = 0; i + 1 < PART_COUNT; i++)
    expect_well_formed(pkg, PARTS[i]);
  expect_parts_content(pkg);

  char dir[] = "/tmp/test_docx.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[sizeof dir + sizeof "/pack.docx"];
  snprintf(path, sizeof path, "%s/pack.docx", dir);
  assert_int_equal(scr_package_write(pkg, path), SCR_OK);
  expect_zip_parts(path);
  unlink(path);
  rmdir(dir);

  const char *keep = getenv("SCR_DOCX_TEST_OUT");
  if (keep)
    assert_int_equal(scr_package_write(pkg, keep), SCR_OK);
  scr_package_free(pkg);
}

/* Pages from LibreOffice's layout need no updating: Word is not asked to
   update fields (nor asks the reader) on opening. */
static void test_exact_pages_do_not_update_fields(void **state) {
  (void)state;
  scr_template tpl = scr_template_builtin("docx");
  void *w = scr_docx_writer.create(&tpl);
  assert_non_null(w);
  scr_doc_info info = INFO;
  info.pages_exact = true;
  const scr_sink_ops *ops = scr_docx_writer.ops;
  assert_int_equal(ops->begin_document(w, &info), SCR_OK);
  assert_int_equal(ops->begin_paragraph(w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(ops->page_ref(w, "Appendix_C", 12), SCR_OK);
  assert_int_equal(ops->end_paragraph(w), SCR_OK);
  assert_int_equal(ops->end_document(w), SCR_OK);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(scr_docx_writer.finish(w, pkg), SCR_OK);
  char *settings = part(pkg, "word/settings.xml");
  assert_null(strstr(settings, "updateFields"));
  assert_non_null(strstr(settings, "<w:themeFontLang w:val=\"en-GB\"/>"));
  free(settings);
  expect_in_part(pkg, "word/document.xml",
                 "<w:instrText xml:space=\"preserve\"> PAGEREF Appendix_C "
                 "\\h </w:instrText>");
  scr_package_free(pkg);
  scr_docx_writer.destroy(w);
}

static void test_finish_before_end_is_refused(void **state) {
  fixture *f = *state;
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(scr_docx_writer.finish(f->w, pkg), SCR_E_USAGE);
  scr_package_free(pkg);
}

#define TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      TEST(test_runs),
      TEST(test_text_outside_paragraph_is_refused),
      TEST(test_heading),
      TEST(test_nested_lists),
      TEST(test_ordered_levels_number_1_a_i),
      TEST(test_list_nine_deep),
      TEST(test_table),
      TEST(test_tables_back_to_back_are_kept_apart),
      TEST(test_links),
      TEST(test_bookmark_and_page_ref),
      TEST(test_image),
      TEST(test_image_with_bad_extension_is_refused),
      TEST(test_code_block_keeps_spaces),
      TEST(test_page_break),
      TEST(test_rule),
      TEST(test_package),
      TEST(test_finish_before_end_is_refused),
      cmocka_unit_test(test_exact_pages_do_not_update_fields),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
