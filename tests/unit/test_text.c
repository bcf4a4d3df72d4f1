/* Unit tests: text the documents must not lose or mislay. Raw HTML shown as
   the text it is, headings' anchors and the links to them, a report's title
   not said twice, headings kept with what follows, times in one style:
   each piece of Markdown and the exact XML it becomes, in both formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "anchors.h"
#include "compose.h"
#include "template.h"
#include "util.h"
#include "writer.h"
#include "files_fixture.h"
#include "fragment_fixture.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Markdown to body XML -------------------------------------------------
 */

/* The body XML `md` becomes in `format`. Caller frees. */
static char *fragment(const char *md, enum scr_format format) {
  return rendered_fragment(md, format);
}

static void expect_xml(const char *md, const char *docx, const char *odt) {
  char *got = fragment(md, SCR_FORMAT_DOCX);
  assert_string_equal(got, docx);
  free(got);
  got = fragment(md, SCR_FORMAT_ODT);
  assert_string_equal(got, odt);
  free(got);
}

#define BODY "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>"
#define RUN(t) "<w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r>"
#define BREAK "<w:r><w:br/></w:r>"
#define END "</w:p>"
#define ODT_BODY "<text:p text:style-name=\"Body_20_Text\">"
#define ODT_END "</text:p>"

/* ---- raw HTML ------------------------------------------------------------ */

static void test_angle_brackets_are_text(void **state) {
  (void)state;
  expect_xml("Test of ampersands, <angle brackets> and quotes.\n",
             BODY RUN("Test of ampersands, ") RUN("&lt;angle brackets&gt;")
                 RUN(" and quotes.") END,
             ODT_BODY "Test of ampersands, &lt;angle brackets&gt; and "
                      "quotes." ODT_END);
}

static void test_tags_are_text_breaks_break_comments_go(void **state) {
  (void)state;
  expect_xml("<b>bold</b> kept<br>next<BR/>line <!-- a note --> end\n",
             BODY RUN("&lt;b&gt;") RUN("bold") RUN("&lt;/b&gt;") RUN(" kept")
                 BREAK RUN("next") BREAK RUN("line ") RUN("end") END,
             ODT_BODY "&lt;b&gt;bold&lt;/b&gt; kept<text:line-break/>next"
                      "<text:line-break/>line end" ODT_END);
}

static void test_html_block_keeps_its_lines(void **state) {
  (void)state;
  expect_xml("<div class=\"box\">\nInside <!-- not shown --> it\n</div>\n",
             BODY RUN("&lt;div class=&quot;box&quot;&gt;")
                 BREAK RUN("Inside it") BREAK RUN("&lt;/div&gt;") END,
             ODT_BODY "&lt;div class=&quot;box&quot;&gt;<text:line-break/>"
                      "Inside it<text:line-break/>&lt;/div&gt;" ODT_END);
}

static void test_comment_block_is_left_out(void **state) {
  (void)state;
  expect_xml("<!-- a note\nover two lines -->\n\nText.\n",
             BODY RUN("Text.") END, ODT_BODY "Text." ODT_END);
}

/* ---- anchors ------------------------------------------------------------- */

#define DOCX_H1 "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>"
#define DOCX_H2 "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>"
#define ODT_H2                                                                 \
  "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">"
#define DOCX_LINK(a, t)                                                        \
  "<w:hyperlink w:anchor=\"" a "\"><w:r><w:rPr><w:rStyle "                     \
  "w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">" t                \
  "</w:t></w:r></w:hyperlink>"
/* The shallowest heading is level 1: these open with one. */
#define DOCX_REPORT DOCX_H1 RUN("Report") END
#define ODT_REPORT                                                             \
  "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"         \
  "Report</text:h>"
#define ODT_LINK(a, t)                                                         \
  "<text:a xlink:type=\"simple\" xlink:href=\"#" a "\" "                       \
  "text:style-name=\"Hyperlink\" text:visited-style-name=\"Hyperlink\">" t     \
  "</text:a>"

static void test_link_leads_to_its_heading(void **state) {
  (void)state;
  expect_xml(
      "# Report\n\n## Key findings\n\nSee [the findings](#key-findings).\n",
      "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" RUN("Report")
          END DOCX_H2
      "<w:bookmarkStart w:id=\"0\" "
      "w:name=\"Fragment_2_key_findings\"/>" RUN(
          "Key findings") "<w:bookmarkEnd w:id=\"0\"/>" END BODY RUN("See ")
          DOCX_LINK("Fragment_2_key_findings", "the findings") RUN(".") END,
      "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"
      "Report</text:h>" ODT_H2
      "<text:bookmark-start text:name=\"Fragment_2_key_findings\"/>Key "
      "findings<text:bookmark-end text:name=\"Fragment_2_key_findings\"/>"
      "</text:h>" ODT_BODY
      "See " ODT_LINK("Fragment_2_key_findings", "the findings") "." ODT_END);
}

static void test_repeated_slugs_are_numbered(void **state) {
  (void)state;
  expect_xml("# Report\n\n## Risks\n\n## Risks\n\n[second](#risks-1)\n",
             DOCX_REPORT DOCX_H2 RUN("Risks") END DOCX_H2
             "<w:bookmarkStart w:id=\"0\" w:name=\"Fragment_3_risks_1\"/>" RUN(
                 "Risks") "<w:bookmarkEnd w:id=\"0\"/>" END BODY
                 DOCX_LINK("Fragment_3_risks_1", "second") END,
             ODT_REPORT ODT_H2
             "Risks</text:h>" ODT_H2
             "<text:bookmark-start text:name=\"Fragment_3_risks_1\"/>"
             "Risks<text:bookmark-end text:name=\"Fragment_3_risks_1\"/>"
             "</text:h>" ODT_BODY ODT_LINK("Fragment_3_risks_1", "second")
                 ODT_END);
}

static void test_link_to_no_heading_is_plain_text(void **state) {
  (void)state;
  expect_xml("# Report\n\n## Risks\n\nSee [nowhere](#missing).\n",
             DOCX_REPORT DOCX_H2 RUN("Risks") END BODY RUN("See ")
                 RUN("nowhere") RUN(".") END,
             ODT_REPORT ODT_H2 "Risks</text:h>" ODT_BODY
                               "See nowhere." ODT_END);
}

static void test_slugs_as_github_makes_them(void **state) {
  (void)state;
  static const char *const CASES[][2] = {
      {"Key findings", "key-findings"},
      {"What's new? (2026/27)", "whats-new-202627"},
      {"snake_case & kebab-case", "snake_case--kebab-case"},
      {"A \xE2\x80\x93 B", "a--b"}, /* en dash dropped */
      {"\xC3\x9C"
       "ber Stra\xC3\x9F"
       "e",
       "\xC3\xBC"
       "ber-stra\xC3\x9F"
       "e"},
      {"Cost \xC2\xA3"
       "5m",
       "cost-5m"},                                    /* pound sign */
      {"Party \xF0\x9F\x8E\x89 time", "party--time"}, /* emoji */
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    scr_buf b = SCR_BUF_INIT;
    assert_int_equal(scr_slug(CASES[i][0], &b), SCR_OK);
    assert_string_equal(b.data, CASES[i][1]);
    scr_buf_free(&b);
  }
}

/* ---- headings keep with what follows ------------------------------------- */

/* How many nodes of the built-in `format` styles match `xpath`. */
static int styles_matching(const char *format, const char *xpath) {
  scr_template t = scr_template_builtin(format);
  xmlDocPtr doc = xmlReadMemory((const char *)t.styles, (int)t.styles_len,
                                "styles.xml", NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(
      ctx, BAD_CAST "w",
      BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs(ctx, BAD_CAST "style",
                     BAD_CAST
                     "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  xmlXPathRegisterNs(
      ctx, BAD_CAST "fo",
      BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
  assert_non_null(r);
  int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return n;
}

static void test_headings_keep_with_next(void **state) {
  (void)state;
  /* a heading is written in its heading style, with no formatting of its
     own that could undo the style's */
  expect_xml("# Report\n\n## Risks\n\nText.\n",
             DOCX_REPORT DOCX_H2 RUN("Risks") END BODY RUN("Text.") END,
             ODT_REPORT ODT_H2 "Risks</text:h>" ODT_BODY "Text." ODT_END);
  /* and every heading style keeps with the next paragraph */
  assert_int_equal(
      styles_matching("docx", "//w:style[starts-with(@w:styleId,'Heading')]"),
      6);
  assert_int_equal(styles_matching("docx", "//w:style[starts-with(@w:styleId,"
                                           "'Heading')]/w:pPr/w:keepNext"),
                   6);
  assert_int_equal(
      styles_matching("odt",
                      "//style:style[starts-with(@style:name,'Heading_20_') "
                      "and @style:parent-style-name='Heading']"),
      6);
  assert_int_equal(
      styles_matching("odt", "//style:style[@style:name='Heading']/"
                             "style:paragraph-properties[@fo:keep-with-next="
                             "'always']"),
      1);
}

/* ---- in a pack ----------------------------------------------------------- */

typedef struct committee {
  char *dir;
  scr_diags diags;
  scr_workspace ws;
  scr_minutes_book book;
  scr_workprogramme wp;
  scr_agenda ag;
} committee;

#define AGENDA_ITEMS                                                           \
  "---\ndate: 2026-06-17\n---\n"                                               \
  "## Budget\n\nSee [the other item](#reports-and-links).\n\n"                 \
  "See [Appendix](2026-06-17/budget.md)<!-- a note --> below.\n\n"             \
  "## Reports and links\n\n[Appendix](2026-06-17/one.md)\n\n"                  \
  "[Appendix](2026-06-17/two.md)\n"
#define SAME_HEADING                                                           \
  "---\ntitle: One of two\n---\n## Heading two\n\nBack to "                    \
  "[it](#heading-two).\n"

/* The small committee with an agenda of three reports: one titled by its
   first heading, two with a heading of the same name. */
static void open_committee(committee *c) {
  memset(c, 0, sizeof *c);
  c->dir = scratch_dir("scr-text-pack");
  char *cmd = scr_asprintf("cp -r tests/fixtures/small/. '%s'", c->dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  write_file(c->dir, "agendas/2026-06-17.md", AGENDA_ITEMS);
  write_file(c->dir, "agendas/2026-06-17/budget.md",
             "---\ntitle: Budget monitoring\n---\n# Budget monitoring\n\n"
             "## Spending\n\nText; back to [the top](#budget-monitoring).\n");
  write_file(c->dir, "agendas/2026-06-17/one.md", SAME_HEADING);
  write_file(c->dir, "agendas/2026-06-17/two.md", SAME_HEADING);
  char *agenda = path_in(c->dir, "agendas/2026-06-17.md");
  scr_diags_init(&c->diags);
  if (scr_workspace_open(agenda, &c->ws, &c->diags) ||
      scr_minutes_book_load(&c->ws, &c->book, &c->diags) ||
      scr_workprogramme_load(&c->ws, &c->wp, &c->diags) ||
      scr_agenda_load(&c->ws, &c->book, agenda, NULL, &c->ag, &c->diags)) {
    scr_diags_print(&c->diags, stderr);
    fail_msg("the committee does not load");
  }
  free(agenda);
}

static void close_committee(committee *c) {
  scr_agenda_free(&c->ag);
  scr_workprogramme_free(&c->wp);
  scr_minutes_book_free(&c->book);
  scr_workspace_free(&c->ws);
  scr_diags_free(&c->diags);
  char *cmd = scr_asprintf("rm -rf '%s'", c->dir);
  assert_int_equal(system(cmd), 0);
  free(cmd);
  free(c->dir);
}

/* The DOCX body of the committee's pack, its appendices on `pages` (NULL:
   all on page 1). Caller frees. */
static char *pack_body_on(committee *c, const scr_span *pages) {
  scr_template tpl = scr_template_builtin("docx");
  void *w = scr_docx_writer.create(&tpl);
  assert_non_null(w);
  scr_sink s = {scr_docx_writer.ops, w, SCR_OK, NULL};
  assert_int_equal(scr_compose_pack(&c->ws, &c->ag, (scr_pack_kind){0}, &c->wp,
                                    NULL, pages, false, &s),
                   SCR_OK);
  char *xml = scr_docx_writer.body_xml(w);
  scr_docx_writer.destroy(w);
  assert_non_null(xml);
  return xml;
}

static char *pack_body(committee *c) {
  return pack_body_on(c, NULL);
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
    n++;
  return n;
}

static void expect_in(const char *xml, const char *needle) {
  if (!strstr(xml, needle))
    fail_msg("the pack lacks %s", needle);
}

static void test_report_title_is_not_repeated(void **state) {
  (void)state;
  committee c;
  open_committee(&c);
  char *xml = pack_body(&c);
  /* under the appendix's label once, and its ## headings a level up */
  assert_int_equal(count(xml, RUN("Budget monitoring")), 1);
  expect_in(xml, RUN("Budget monitoring") END DOCX_H2 RUN("Spending") END);
  /* a link to the heading left out leads to the appendix's title */
  expect_in(xml, "<w:hyperlink w:anchor=\"Appendix_A\">");
  /* a comment left out by an appendix's reference takes no space there is
     with it */
  expect_in(xml, RUN(")") RUN(" below.") END);
  free(xml);
  close_committee(&c);
}

static void test_links_resolve_within_their_own_report(void **state) {
  (void)state;
  committee c;
  open_committee(&c);
  char *xml = pack_body(&c);
  const char *b = c.ag.appendices[1].bookmark, *d = c.ag.appendices[2].bookmark;
  assert_string_equal(c.ag.appendices[1].path +
                          strlen(c.ag.appendices[1].path) - strlen("one.md"),
                      "one.md");
  char *mark_b = scr_asprintf("w:name=\"%s_1_heading_two\"", b);
  char *mark_d = scr_asprintf("w:name=\"%s_1_heading_two\"", d);
  char *link_b = scr_asprintf("<w:hyperlink w:anchor=\"%s_1_heading_two\">", b);
  char *link_d = scr_asprintf("<w:hyperlink w:anchor=\"%s_1_heading_two\">", d);
  expect_in(xml, mark_b);
  expect_in(xml, mark_d);
  expect_in(xml, link_b);
  expect_in(xml, link_d);
  /* an agenda item's heading is a place a link of the agenda leads to */
  expect_in(xml, "<w:bookmarkStart w:id=\"0\" w:name=\"Agenda_2_reports_and_"
                 "links\"/><w:r><w:t xml:space=\"preserve\">2. </w:t></w:r>");
  expect_in(xml, "<w:hyperlink w:anchor=\"Agenda_2_reports_and_links\">");
  free(mark_b);
  free(mark_d);
  free(link_b);
  free(link_d);
  free(xml);
  close_committee(&c);
}

/* ---- times --------------------------------------------------------------- */

static void test_minutes_give_times_in_one_style(void **state) {
  (void)state;
  committee c;
  open_committee(&c);
  scr_template tpl = scr_template_builtin("odt");
  void *w = scr_odt_writer.create(&tpl);
  assert_non_null(w);
  scr_sink s = {scr_odt_writer.ops, w, SCR_OK, NULL};
  assert_int_equal(scr_compose_minutes(&c.ws, &c.book.files[0], &s), SCR_OK);
  char *xml = scr_odt_writer.body_xml(w);
  scr_odt_writer.destroy(w);
  /* time: "18:00" and closed: "19:30" in the front matter */
  expect_in(xml, "TUESDAY, 14 APRIL 2026 at 6:00 pm</text:p>");
  expect_in(xml, ODT_BODY "The meeting closed at 7:30 pm." ODT_END);
  free(xml);
  close_committee(&c);
}

/* The front sheet as councils lay it out: the public session before the
   items, an item's references straight after its heading, each giving
   its appendix's pages, both ends live fields, the last one on a bookmark
   around the appendix's last character. */
static void test_front_sheet_references(void **state) {
  (void)state;
  committee c;
  open_committee(&c);
  const scr_span pages[] = {{5, 6}, {7, 7}, {8, 10}};
  assert_int_equal(c.ag.n_appendices, 3);
  char *xml = pack_body_on(&c, pages);
  expect_in(xml, RUN("Public session") END);
  /* a reference of its own goes with its item's heading */
  expect_in(xml,
            RUN("Reports and links") "<w:bookmarkEnd w:id=\"0\"/>" END
                                     "<w:p><w:pPr><w:pStyle "
                                     "w:val=\"BodyText\"/></w:pPr>"
                                     "<w:hyperlink w:anchor=\"Appendix_B\">");
  /* a report of two pages, and one of one */
  expect_in(xml, RUN(" (pages "));
  expect_in(xml, "PAGEREF Appendix_A ");
  expect_in(xml, "PAGEREF Appendix_A_end ");
  expect_in(xml, RUN("\xe2\x80\x93"));
  expect_in(xml, RUN(" (page "));
  assert_int_equal(count(xml, "PAGEREF Appendix_B_end "), 0);
  expect_in(xml, "PAGEREF Appendix_C_end ");
  /* the end bookmark holds the last character of the report's text */
  expect_in(xml, "w:name=\"Appendix_A_end\"/>" RUN(".") "<w:bookmarkEnd");
  free(xml);
  close_committee(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_angle_brackets_are_text),
      cmocka_unit_test(test_tags_are_text_breaks_break_comments_go),
      cmocka_unit_test(test_html_block_keeps_its_lines),
      cmocka_unit_test(test_comment_block_is_left_out),
      cmocka_unit_test(test_link_leads_to_its_heading),
      cmocka_unit_test(test_repeated_slugs_are_numbered),
      cmocka_unit_test(test_link_to_no_heading_is_plain_text),
      cmocka_unit_test(test_slugs_as_github_makes_them),
      cmocka_unit_test(test_headings_keep_with_next),
      cmocka_unit_test(test_report_title_is_not_repeated),
      cmocka_unit_test(test_links_resolve_within_their_own_report),
      cmocka_unit_test(test_minutes_give_times_in_one_style),
      cmocka_unit_test(test_front_sheet_references),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
