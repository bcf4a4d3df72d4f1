/*
 * The ODT writer, element by element: drive the sink and compare the exact
 * office:text children; then finish a small document into a package and
 * check its parts. Set SCR_ODT_TEST_OUT=/tmp/x.odt to keep the package for
 * a look by hand (jing, LibreOffice); its table runs over two pages.
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

#define WRITER scr_odt_writer
#include "writer_fixture.h"

/* A 4 x 2 pixel PNG in council blue. */
static const unsigned char PNG[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
    0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
    0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf0, 0xca, 0xea, 0x34,
    0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63,
    0x90, 0xb7, 0x48, 0x81, 0x23, 0x06, 0x64, 0x0e, 0x00, 0x49, 0xea,
    0x05, 0xd9, 0x90, 0x4e, 0xa1, 0x76, 0x00, 0x00, 0x00, 0x00, 0x49,
    0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static const scr_image IMAGE = {
    .data = PNG,
    .size = sizeof PNG,
    .mime = "image/png",
    .ext = "png",
    .width_px = 4,
    .height_px = 2,
    .width_mm100 = 5000,
    .height_mm100 = 2500,
    .alt = "Council logo",
};

#define P(style, content)                                                      \
  "<text:p text:style-name=\"" style "\">" content "</text:p>"
#define SPAN(style, content)                                                   \
  "<text:span text:style-name=\"" style "\">" content "</text:span>"
#define H(style, level, content)                                               \
  "<text:h text:style-name=\"" style "\" text:outline-level=\"" level          \
  "\">" content "</text:h>"
#define ITEM(content) "<text:list-item>" content "</text:list-item>"
#define LP(content) P("List_20_Paragraph", content)
#define CELL(style, content)                                                   \
  "<table:table-cell table:style-name=\"" style                                \
  "\" office:value-type=\"string\">" content "</table:table-cell>"
#define ROW(cells)                                                             \
  "<table:table-row table:style-name=\"Row\">" cells "</table:table-row>"

/* ---- runs ---------------------------------------------------------------- */

static void test_runs(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "Plain ", 0);
  put(f, "bold", SCR_RUN_BOLD);
  put(f, ", ", 0);
  put(f, "italic", SCR_RUN_ITALIC);
  put(f, ", ", 0);
  put(f, "gone", SCR_RUN_STRIKE);
  put(f, ", ", 0);
  put(f, "code()", SCR_RUN_CODE);
  put(f, ", ", 0);
  put(f, "both", SCR_RUN_BOLD | SCR_RUN_ITALIC);
  put(f, " and ", 0);
  put(f, "x", SCR_RUN_CODE | SCR_RUN_BOLD);
  put(f, "1", SCR_RUN_SUPERSCRIPT);
  put(f, " same", SCR_RUN_SUPERSCRIPT); /* continues the span */
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  // clang-format off
  expect_body(f,
      P("Body_20_Text",
        "Plain " SPAN("T1", "bold") ", " SPAN("T2", "italic") ", "
        SPAN("T3", "gone") ", " SPAN("Source_20_Text", "code()") ", "
        SPAN("T4", "both") " and "
        SPAN("Source_20_Text", SPAN("T1", "x"))
        SPAN("T5", "1 same")));
  // clang-format on
}

static void test_text_outside_paragraph_is_refused(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->text(f->w, "x", 1, 0), SCR_E_USAGE);
  /* the error sticks */
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_E_USAGE);
}

/* XML 1.0 forbids most C0 controls: they are dropped. */
static void test_forbidden_characters_are_dropped(void **state) {
  fixture *f = *state;
  para(f, SCR_PARA_BODY,
       "a\x01"
       "b<&>");
  expect_body(f, P("Body_20_Text", "ab&lt;&amp;&gt;"));
}

/* ---- headings ------------------------------------------------------------ */

static void test_heading(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_heading(f->w, 2), SCR_OK);
  put(f, "Terms of reference", 0);
  assert_int_equal(f->ops->end_heading(f->w), SCR_OK);
  assert_int_equal(f->ops->begin_heading(f->w, 9), SCR_OK);
  put(f, "Deep", 0);
  assert_int_equal(f->ops->end_heading(f->w), SCR_OK);
  expect_body(f, H("Heading_20_2", "2", "Terms of reference")
                     H("Heading_20_6", "6", "Deep"));
}

/* ---- lists --------------------------------------------------------------- */

static void test_nested_lists(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_list(f->w, false, 1), SCR_OK);
  item(f, "one");
  assert_int_equal(o->begin_item(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, "two");
  assert_int_equal(o->begin_list(f->w, true, 3), SCR_OK);
  item(f, "three");
  item(f, "four");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, "two, more");
  assert_int_equal(o->end_item(f->w), SCR_OK);
  assert_int_equal(o->end_list(f->w), SCR_OK);
  /* a second ordered list starts afresh */
  assert_int_equal(o->begin_list(f->w, true, 1), SCR_OK);
  item(f, "again");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  // clang-format off
  expect_body(f,
      "<text:list text:style-name=\"L_bullet\">"
        ITEM(LP("one"))
        ITEM(LP("two")
          "<text:list text:style-name=\"L_number\">"
            "<text:list-item text:start-value=\"3\">" LP("three") "</text:list-item>"
            ITEM(LP("four"))
          "</text:list>"
          LP("two, more"))
      "</text:list>"
      "<text:list text:style-name=\"L_number\">"
        "<text:list-item text:start-value=\"1\">" LP("again") "</text:list-item>"
      "</text:list>");
  // clang-format on
}

static void test_list_nine_deep(void **state) {
  fixture *f = *state;
  enum { DEPTH = 9 };
  for (int i = 0; i < DEPTH; i++) {
    assert_int_equal(f->ops->begin_list(f->w, i % 2, 1), SCR_OK);
    assert_int_equal(f->ops->begin_item(f->w), SCR_OK);
  }
  para(f, SCR_PARA_LIST, "deep");
  for (int i = 0; i < DEPTH; i++) {
    assert_int_equal(f->ops->end_item(f->w), SCR_OK);
    assert_int_equal(f->ops->end_list(f->w), SCR_OK);
  }
  char *xml = scr_odt_writer.body_xml(f->w);
  assert_non_null(xml);
  size_t lists = 0;
  for (const char *p = xml; (p = strstr(p, "<text:list ")); p++)
    lists++;
  assert_int_equal(lists, DEPTH);
  free(xml);
}

/* A list item cannot hold a table: the lists close around it and reopen,
   continuing their numbering, the interrupted item as a list header. */
static void test_table_in_list_item(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_list(f->w, true, 1), SCR_OK);
  assert_int_equal(o->begin_item(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, "first");
  assert_int_equal(o->begin_table(f->w, 1, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, false), SCR_OK);
  cell(f, SCR_PARA_TABLE_CONTENTS, "c");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->end_table(f->w), SCR_OK);
  para(f, SCR_PARA_LIST, "after");
  assert_int_equal(o->end_item(f->w), SCR_OK);
  item(f, "second");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  // clang-format off
  expect_body(f,
      "<text:list text:style-name=\"L_number\">"
        "<text:list-item text:start-value=\"1\">" LP("first") "</text:list-item>"
      "</text:list>"
      "<table:table table:name=\"Table1\" table:style-name=\"Tbl\">"
        "<table:table-column table:style-name=\"Col_9638\"/>"
        ROW(CELL("Cell_top_left", P("Table_20_Contents", "c")))
      "</table:table>"
      "<text:list text:style-name=\"L_number\" text:continue-numbering=\"true\">"
        "<text:list-header>" LP("after") "</text:list-header>"
        ITEM(LP("second"))
      "</text:list>");
  // clang-format on
}

/* ---- tables -------------------------------------------------------------- */

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
  cell(f, SCR_PARA_TABLE_CONTENTS, NULL);     /* empty cell */
  assert_int_equal(o->end_row(f->w), SCR_OK); /* short row */
  assert_int_equal(o->end_table(f->w), SCR_OK);
  // clang-format off
  expect_body(f,
      "<table:table table:name=\"Table1\" table:style-name=\"Tbl\">"
        "<table:table-column table:style-name=\"Col_3213\"/>"
        "<table:table-column table:style-name=\"Col_3213\"/>"
        "<table:table-column table:style-name=\"Col_3212\"/>"
        "<table:table-header-rows>"
          ROW(CELL("Cell_top_left", P("Table_20_Heading", "Item"))
              CELL("Cell_top", P("P_center_Table_20_Heading", "Lead"))
              CELL("Cell_top", P("P_end_Table_20_Heading", "Page")))
        "</table:table-header-rows>"
        ROW(CELL("Cell_left", P("Table_20_Contents", "Minutes"))
            CELL("Cell", "<text:p text:style-name=\"P_center_Table_20_Contents\"/>")
            CELL("Cell", "<text:p text:style-name=\"P_end_Table_20_Contents\"/>"))
      "</table:table>");
  // clang-format on
}

/* ---- links, bookmarks, page references ------------------------------------
 */

static void test_links(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "See ", 0);
  assert_int_equal(f->ops->begin_link(f->w, "https://example.org/a b?x=1&y"),
                   SCR_OK);
  put(f, "the ", 0);
  put(f, "site", SCR_RUN_BOLD);
  assert_int_equal(f->ops->end_link(f->w), SCR_OK);
  put(f, " or ", 0);
  assert_int_equal(f->ops->begin_link(f->w, "#appendix_a"), SCR_OK);
  put(f, "Appendix A", 0);
  assert_int_equal(f->ops->end_link(f->w), SCR_OK);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(f, P("Body_20_Text",
                   "See <text:a xlink:type=\"simple\" "
                   "xlink:href=\"https://example.org/a%20b?x=1&amp;y\" "
                   "text:style-name=\"Hyperlink\" "
                   "text:visited-style-name=\"Hyperlink\">the " SPAN(
                       "T1", "site") "</text:a> or "
                                     "<text:a xlink:type=\"simple\" "
                                     "xlink:href=\"#appendix_a\" "
                                     "text:style-name=\"Hyperlink\" "
                                     "text:visited-style-name=\"Hyperlink\">"
                                     "Appendix A</text:a>"));
}

static void test_bookmark_and_page_ref(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  put(f, "See page ", 0);
  assert_int_equal(o->page_ref(f->w, "appendix_a", 4), SCR_OK);
  put(f, ".", 0);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  assert_int_equal(o->begin_bookmark(f->w, "appendix_a"), SCR_OK);
  put(f, "Appendix A", 0);
  assert_int_equal(o->end_bookmark(f->w, "appendix_a"), SCR_OK);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  expect_body(f,
              P("Body_20_Text",
                "See page <text:bookmark-ref text:reference-format=\"page\" "
                "text:ref-name=\"appendix_a\">4</text:bookmark-ref>.")
                  H("Heading_20_1", "1",
                    "<text:bookmark-start text:name=\"appendix_a\"/>"
                    "Appendix A<text:bookmark-end text:name=\"appendix_a\"/>"));
}

/* ---- images -------------------------------------------------------------- */

static void test_image(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(f->ops->image(f->w, &IMAGE), SCR_OK);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(f, P("Body_20_Text",
                   "<draw:frame draw:style-name=\"fr_image\" "
                   "draw:name=\"Image1\" text:anchor-type=\"as-char\" "
                   "svg:width=\"5cm\" svg:height=\"2.5cm\" draw:z-index=\"0\">"
                   "<draw:image xlink:href=\"Pictures/image1.png\" "
                   "xlink:type=\"simple\" xlink:show=\"embed\" "
                   "xlink:actuate=\"onLoad\" draw:mime-type=\"image/png\"/>"
                   "<svg:title>Council logo</svg:title>"
                   "<svg:desc>Council logo</svg:desc></draw:frame>"));
}

/* ---- spaces -------------------------------------------------------------- */

static void test_code_block_keeps_spaces(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->begin_paragraph(f->w, SCR_PARA_CODE), SCR_OK);
  put(f, "if (a   == b) {", 0);
  assert_int_equal(o->line_break(f->w), SCR_OK);
  put(f, "  return 0; ", 0);
  assert_int_equal(o->line_break(f->w), SCR_OK);
  put(f, "\t}", 0);
  put(f, " ", 0);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, " lead and trail  ");
  expect_body(f, P("Source_20_Code",
                   "if (a <text:s text:c=\"2\"/>== b) {<text:line-break/>"
                   "<text:s text:c=\"2\"/>return 0; <text:line-break/>"
                   "<text:tab/>}<text:s/>")
                     P("Body_20_Text", "<text:s/>lead and trail"
                                       "<text:s text:c=\"2\"/>"));
}

/* ---- page breaks --------------------------------------------------------- */

static void test_page_break(void **state) {
  fixture *f = *state;
  const scr_sink_ops *o = f->ops;
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  put(f, "Appendix", 0);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  assert_int_equal(o->page_break(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, "body");
  para(f, SCR_PARA_BODY, "no break");
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_table(f->w, 1, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, false), SCR_OK);
  cell(f, SCR_PARA_TABLE_CONTENTS, "c");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  assert_int_equal(o->end_table(f->w), SCR_OK);
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_list(f->w, false, 1), SCR_OK);
  item(f, "x");
  assert_int_equal(o->end_list(f->w), SCR_OK);
  // clang-format off
  expect_body(f,
      H("P_break_Heading_20_1", "1", "Appendix")
      P("P_break_Body_20_Text", "body")
      P("Body_20_Text", "no break")
      "<table:table table:name=\"Table1\" table:style-name=\"Tbl_break\">"
        "<table:table-column table:style-name=\"Col_9638\"/>"
        ROW(CELL("Cell_top_left", P("Table_20_Contents", "c")))
      "</table:table>"
      "<text:list text:style-name=\"L_bullet\">"
        ITEM(P("P_break_List_20_Paragraph", "x"))
      "</text:list>");
  // clang-format on
}

static void test_rule(void **state) {
  fixture *f = *state;
  assert_int_equal(f->ops->begin_paragraph(f->w, SCR_PARA_RULE), SCR_OK);
  assert_int_equal(f->ops->end_paragraph(f->w), SCR_OK);
  expect_body(f, "<text:p text:style-name=\"Horizontal_20_Line\"/>");
}

/* ---- the package --------------------------------------------------------- */

static const char *const PARTS[] = {
    "mimetype", "content.xml",         "styles.xml",
    "meta.xml", "Pictures/image1.png", "META-INF/manifest.xml",
};
#define PART_COUNT (sizeof PARTS / sizeof PARTS[0])
/* Enough rows to run the table onto a second page. */
#define LONG_TABLE_ROWS 60

static void long_table(fixture *f) {
  const scr_sink_ops *o = f->ops;
  const scr_align align[2] = {SCR_ALIGN_LEFT, SCR_ALIGN_RIGHT};
  assert_int_equal(o->begin_table(f->w, 2, align, NULL), SCR_OK);
  assert_int_equal(o->begin_row(f->w, true), SCR_OK);
  cell(f, SCR_PARA_TABLE_HEADING, "Meeting");
  cell(f, SCR_PARA_TABLE_HEADING, "Items");
  assert_int_equal(o->end_row(f->w), SCR_OK);
  for (int i = 1; i <= LONG_TABLE_ROWS; i++) {
    char a[32], b[16];
    snprintf(a, sizeof a, "Meeting %d", i);
    snprintf(b, sizeof b, "%d", i % 7 + 1);
    assert_int_equal(o->begin_row(f->w, false), SCR_OK);
    cell(f, SCR_PARA_TABLE_CONTENTS, a);
    cell(f, SCR_PARA_TABLE_CONTENTS, b);
    assert_int_equal(o->end_row(f->w), SCR_OK);
  }
  assert_int_equal(o->end_table(f->w), SCR_OK);
}

/* A small document with one of everything; Appendix A is on page 3. */
static void small_document(fixture *f) {
  const scr_sink_ops *o = f->ops;
  para(f, SCR_PARA_TITLE, "Agenda pack");
  para(f, SCR_PARA_SUBTITLE, "Leicester City Council");
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
  put(f, ", ", 0);
  put(f, "struck", SCR_RUN_STRIKE);
  put(f, " and ", 0);
  put(f, "code", SCR_RUN_CODE | SCR_RUN_ITALIC);
  put(f, "1", SCR_RUN_SUPERSCRIPT);
  assert_int_equal(o->end_paragraph(f->w), SCR_OK);
  for (int l = 0; l < 2; l++) {
    assert_int_equal(o->begin_list(f->w, true, 1 + 4 * l), SCR_OK);
    item(f, "first");
    assert_int_equal(o->begin_item(f->w), SCR_OK);
    para(f, SCR_PARA_LIST, "second");
    assert_int_equal(o->begin_list(f->w, false, 1), SCR_OK);
    item(f, "nested bullet");
    assert_int_equal(o->end_list(f->w), SCR_OK);
    para(f, SCR_PARA_LIST, "second, more");
    assert_int_equal(o->end_item(f->w), SCR_OK);
    item(f, "third");
    assert_int_equal(o->end_list(f->w), SCR_OK);
    para(f, SCR_PARA_BODY, "between lists");
  }
  para(f, SCR_PARA_QUOTE, "A quotation.");
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
  para(f, SCR_PARA_NOTE, "A note.");
  para(f, SCR_PARA_SIGNATURE, "Chair");
  para(f, SCR_PARA_FRONT_MATTER, "Wednesday, 17 June 2026");
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  put(f, "Work programme", 0);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  long_table(f);
  assert_int_equal(o->page_break(f->w), SCR_OK);
  assert_int_equal(o->begin_heading(f->w, 1), SCR_OK);
  assert_int_equal(o->begin_bookmark(f->w, "appendix_a"), SCR_OK);
  put(f, "Appendix A", 0);
  assert_int_equal(o->end_bookmark(f->w, "appendix_a"), SCR_OK);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
  para(f, SCR_PARA_BODY, "The minutes.");
  assert_int_equal(o->begin_heading(f->w, 2), SCR_OK);
  put(f, "Later", 0);
  assert_int_equal(o->end_heading(f->w), SCR_OK);
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

/* Every part, and "mimetype" first and stored, as ODF requires. */
static void expect_zip_parts(const char *path) {
  int zerr = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
  assert_non_null(z);
  for (size_t i = 0; i < PART_COUNT; i++)
    if (zip_name_locate(z, PARTS[i], 0) < 0)
      fail_msg("%s lacks %s", path, PARTS[i]);
  assert_int_equal(zip_get_num_entries(z, 0), PART_COUNT);
  zip_stat_t st;
  assert_int_equal(zip_stat_index(z, 0, 0, &st), 0);
  assert_string_equal(st.name, "mimetype");
  assert_int_equal(st.comp_method, ZIP_CM_STORE);
  zip_discard(z);
}

static void test_package(void **state) {
  fixture *f = *state;
  small_document(f);
  scr_package *pkg = finish(f);
  for (size_t i = 1; i < PART_COUNT; i++)
    if (strncmp(PARTS[i], "Pictures/", strlen("Pictures/")) != 0)
      expect_well_formed(pkg, PARTS[i]);
  char *mimetype = part(pkg, "mimetype");
  assert_string_equal(mimetype, "application/vnd.oasis.opendocument.text");
  free(mimetype);
  expect_in_part(pkg, "content.xml",
                 "<office:document-content xmlns:office=\"urn:oasis:names:tc:"
                 "opendocument:xmlns:office:1.0\"");
  expect_in_part(pkg, "content.xml", "office:version=\"1.3\"");
  expect_in_part(pkg, "content.xml",
                 "<style:style style:name=\"T1\" style:family=\"text\">"
                 "<style:text-properties fo:font-weight=\"bold\" "
                 "style:font-weight-asian=\"bold\" "
                 "style:font-weight-complex=\"bold\"/></style:style>");
  expect_in_part(pkg, "content.xml",
                 "<style:style style:name=\"P_break_Heading_20_1\" "
                 "style:family=\"paragraph\" "
                 "style:parent-style-name=\"Heading_20_1\">"
                 "<style:paragraph-properties fo:break-before=\"page\"/>"
                 "</style:style>");
  expect_in_part(pkg, "content.xml",
                 "<text:list-level-style-number text:level=\"2\" "
                 "style:num-suffix=\".\" style:num-format=\"a\">");
  /* columns in twips, given in points, as the DOCX's gridCol */
  expect_in_part(
      pkg, "content.xml",
      "<style:style style:name=\"Col_4819\" "
      "style:family=\"table-column\"><style:table-column-properties "
      "style:column-width=\"240.95pt\" style:rel-column-width=\"4819*\"/>");
  expect_in_part(pkg, "content.xml",
                 "<style:font-face style:name=\"Liberation Mono\"");
  expect_in_part(
      pkg, "styles.xml",
      "<style:page-layout-properties fo:page-width=\"21cm\" "
      "fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\" "
      "fo:margin-top=\"2cm\" fo:margin-bottom=\"1cm\" "
      "fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
      /* the footer 1 cm from the page's foot, in the 2 cm margin, as in
         Word: the body text ends 2 cm from the foot while it fits */
      "<style:footer-style><style:header-footer-properties "
      "fo:min-height=\"1cm\" fo:margin-top=\"0.9cm\" "
      "style:dynamic-spacing=\"true\"/></style:footer-style>");
  /* the name and the page number in two cells of one row, so a long name
     wraps in its cell and "Page N" stays on the footer's first line */
  expect_in_part(
      pkg, "styles.xml",
      "<style:style style:name=\"Footer_table\" style:family=\"table\">"
      "<style:table-properties style:width=\"17cm\" table:align=\"margins\"/>"
      "</style:style><style:style style:name=\"Footer_name\" "
      "style:family=\"table-column\"><style:table-column-properties "
      "style:column-width=\"14.5cm\"/></style:style><style:style "
      "style:name=\"Footer_number\" style:family=\"table-column\">"
      "<style:table-column-properties style:column-width=\"2.5cm\"/>"
      "</style:style><style:style style:name=\"Footer_cell\" "
      "style:family=\"table-cell\"><style:table-cell-properties "
      "fo:padding=\"0cm\" fo:border=\"none\"/></style:style><style:style "
      "style:name=\"Footer_end\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Footer\"><style:paragraph-properties "
      "fo:line-height=\"1pt\"/></style:style><style:style "
      "style:name=\"Footer_page\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Footer\"><style:paragraph-properties "
      "fo:text-align=\"end\"/></style:style>");
  expect_in_part(
      pkg, "styles.xml",
      "<style:footer><table:table table:name=\"Footer_table\" "
      "table:style-name=\"Footer_table\"><table:table-column "
      "table:style-name=\"Footer_name\"/><table:table-column "
      "table:style-name=\"Footer_number\"/><table:table-row>"
      "<table:table-cell table:style-name=\"Footer_cell\" "
      "office:value-type=\"string\"><text:p text:style-name=\"Footer\">"
      "Children, Young People and Education Scrutiny Commission, "
      "17 June 2026</text:p></table:table-cell><table:table-cell "
      "table:style-name=\"Footer_cell\" office:value-type=\"string\">"
      "<text:p text:style-name=\"Footer_page\">Page <text:page-number "
      "text:select-page=\"current\">1</text:page-number></text:p>"
      "</table:table-cell></table:table-row></table:table>"
      "<text:p text:style-name=\"Footer_end\"/></style:footer>");
  expect_in_part(
      pkg, "styles.xml",
      "style:name=\"Heading_20_1\" style:display-name=\"Heading 1\"");
  expect_in_part(pkg, "styles.xml", "fo:language=\"en\" fo:country=\"GB\"");
  expect_in_part(pkg, "meta.xml",
                 "<office:meta><meta:generator>scrutineer</meta:generator>"
                 "<dc:title>Agenda pack</dc:title><dc:subject>Agenda pack"
                 "</dc:subject><meta:initial-creator>Leicester City Council"
                 "</meta:initial-creator><dc:creator>Leicester City Council"
                 "</dc:creator><dc:language>en-GB</dc:language></office:meta>");
  expect_in_part(pkg, "META-INF/manifest.xml",
                 "<manifest:file-entry manifest:full-path=\"/\" "
                 "manifest:media-type=\"application/vnd.oasis.opendocument."
                 "text\" manifest:version=\"1.3\"/>");
  expect_in_part(pkg, "META-INF/manifest.xml",
                 "<manifest:file-entry manifest:full-path=\"Pictures/"
                 "image1.png\" manifest:media-type=\"image/png\"/>");

  char dir[] = "/tmp/test_odt.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[sizeof dir + sizeof "/pack.odt"];
  snprintf(path, sizeof path, "%s/pack.odt", dir);
  assert_int_equal(scr_package_write(pkg, path), SCR_OK);
  expect_zip_parts(path);
  unlink(path);
  rmdir(dir);

  const char *keep = getenv("SCR_ODT_TEST_OUT");
  if (keep)
    assert_int_equal(scr_package_write(pkg, keep), SCR_OK);
  scr_package_free(pkg);
}

/* Another language reaches the default style and the metadata. */
static void test_language(void **state) {
  fixture *f = *state;
  scr_odt_writer.destroy(f->w);
  f->w = scr_odt_writer.create(NULL); /* NULL: the built-in style */
  assert_non_null(f->w);
  scr_doc_info info = INFO;
  info.language = "cy-GB";
  assert_int_equal(f->ops->begin_document(f->w, &info), SCR_OK);
  para(f, SCR_PARA_BODY, "Croeso");
  scr_package *pkg = finish(f);
  expect_in_part(pkg, "styles.xml", "fo:language=\"cy\" fo:country=\"GB\"");
  expect_in_part(pkg, "meta.xml", "<dc:language>cy-GB</dc:language>");
  expect_body(f, P("Body_20_Text", "Croeso")); /* after end_document too */
  scr_package_free(pkg);
}

/* A template that is not ODF styles, or has a DTD, is refused at finish. */
static void test_bad_template_is_refused(void **state) {
  fixture *f = *state;
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  static const char *const BAD[] = {
      "<not-odf/>",
      ("<!DOCTYPE x [<!ENTITY e \"boom\">]><office:document-styles "
       "xmlns:office=\"" OFFICE_NS "\">&e;</office:document-styles>"),
      ("<office:document-styles xmlns:office=\"" OFFICE_NS
       "\" xmlns:style=\"urn:other\"/>"),
      "not xml at all",
  };
#undef OFFICE_NS
  for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
    scr_template tpl = {.format = "odt",
                        .styles = (const unsigned char *)BAD[i],
                        .styles_len = strlen(BAD[i])};
    void *w = scr_odt_writer.create(&tpl);
    assert_non_null(w);
    assert_int_equal(f->ops->begin_document(w, &INFO), SCR_OK);
    assert_int_equal(f->ops->end_document(w), SCR_OK);
    scr_package *pkg = scr_package_new();
    assert_non_null(pkg);
    assert_int_equal(scr_odt_writer.finish(w, pkg), SCR_E_TEMPLATE);
    scr_package_free(pkg);
    scr_odt_writer.destroy(w);
  }
}

static void test_finish_before_end_is_refused(void **state) {
  fixture *f = *state;
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(scr_odt_writer.finish(f->w, pkg), SCR_E_USAGE);
  scr_package_free(pkg);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      TEST(test_runs),
      TEST(test_text_outside_paragraph_is_refused),
      TEST(test_forbidden_characters_are_dropped),
      TEST(test_heading),
      TEST(test_nested_lists),
      TEST(test_list_nine_deep),
      TEST(test_table_in_list_item),
      TEST(test_table),
      TEST(test_links),
      TEST(test_bookmark_and_page_ref),
      TEST(test_image),
      TEST(test_code_block_keeps_spaces),
      TEST(test_page_break),
      TEST(test_rule),
      TEST(test_package),
      TEST(test_language),
      TEST(test_bad_template_is_refused),
      TEST(test_finish_before_end_is_refused),
  };
  return cmocka_run_group_tests_name("odt", tests, NULL, NULL);
}
