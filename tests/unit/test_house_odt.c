/* Unit tests: the house style of an ODT template. Its text roles resolved
   through their parents, its page in Word's model, its header art; the
   house applied to the built-in ODT styles; the ODT writer laying out a
   non-default house's page and art. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "house.h"
#include "odt.h"
#include "template.h"
#include "template_styles.h"
#include "writer.h"
#include "zip_fixture.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#define NS_DECLS                                                               \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""         \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""           \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""             \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""          \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""  \
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\""                              \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""

/* A LibreOffice template: a serif default style, a Heading parent setting
   14pt, Heading 1 at 130% of it in blue, 2.5 cm margins, a header 1 cm
   high (spacing included) 1.25 cm from the top, a footer 0.8 cm high
   1 cm from the foot; its header art is `HEADER`'s. */
#define STYLES_HEAD                                                            \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                 \
  "<office:document-styles" NS_DECLS " office:version=\"1.3\">"                \
  "<office:font-face-decls>"                                                   \
  "<style:font-face style:name=\"Serif1\""                                     \
  " svg:font-family=\"&apos;Liberation Serif&apos;\"/>"                        \
  "</office:font-face-decls><office:styles>"                                   \
  "<style:default-style style:family=\"paragraph\">"                           \
  "<style:paragraph-properties fo:line-height=\"115%\"/>"                      \
  "<style:text-properties style:font-name=\"Serif1\" fo:font-size=\"12pt\"/>"  \
  "</style:default-style>"                                                     \
  "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"          \
  "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\""  \
  " style:family=\"paragraph\" style:parent-style-name=\"Standard\">"          \
  "<style:paragraph-properties fo:margin-top=\"0cm\""                          \
  " fo:margin-bottom=\"0.25cm\" fo:line-height=\"0.6cm\"/></style:style>"      \
  "<style:style style:name=\"Heading\" style:family=\"paragraph\""             \
  " style:parent-style-name=\"Standard\"><style:text-properties"               \
  " fo:font-size=\"14pt\"/></style:style>"                                     \
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\""  \
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\">"           \
  "<style:paragraph-properties fo:margin-top=\"12pt\"/>"                       \
  "<style:text-properties fo:font-size=\"130%\" fo:font-weight=\"700\""        \
  " fo:color=\"#2e74b5\" fo:font-style=\"italic\"/></style:style>"             \
  "</office:styles><office:automatic-styles>"                                  \
  "<style:style style:name=\"MP1\" style:family=\"paragraph\">"                \
  "<style:paragraph-properties fo:text-align=\"center\"/></style:style>"       \
  "<style:page-layout style:name=\"Mpm1\"><style:page-layout-properties"       \
  " fo:page-width=\"8.5in\" fo:page-height=\"11in\" fo:margin-top=\"1.25cm\""  \
  " fo:margin-bottom=\"1cm\" fo:margin-left=\"2.5cm\""                         \
  " fo:margin-right=\"25mm\"/><style:header-style>"                            \
  "<style:header-footer-properties fo:min-height=\"1cm\""                      \
  " fo:margin-bottom=\"0.25cm\"/></style:header-style><style:footer-style>"    \
  "<style:header-footer-properties fo:min-height=\"0.8cm\""                    \
  " fo:margin-top=\"0.3cm\"/></style:footer-style></style:page-layout>"        \
  "</office:automatic-styles><office:master-styles>"                           \
  "<style:master-page style:name=\"Standard\""                                 \
  " style:page-layout-name=\"Mpm1\">"
#define STYLES_TAIL                                                            \
  "<style:footer><text:p>Foot</text:p></style:footer>"                         \
  "</style:master-page></office:master-styles></office:document-styles>"
#define LOGO_FRAME(href)                                                       \
  "<text:p text:style-name=\"MP1\"><draw:frame draw:name=\"Logo\""             \
  " text:anchor-type=\"as-char\" svg:width=\"3cm\" svg:height=\"1cm\">"        \
  "<draw:image xlink:href=\"" href "\"/><svg:title>Logo title</svg:title>"     \
  "<svg:desc>Council logo</svg:desc></draw:frame></text:p>"

/* A PNG's first bytes: enough for its type and size (120 x 40). */
static const unsigned char PNG[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0,  0, 0, 13, 'I', 'H', 'D',
    'R',  0,   0,   0,   120,  0,    0,    0,    40, 8, 2, 0,  0,   0};

/* ---- templates on disk --------------------------------------------------- */

/* A house.odt of `parts` in a new temporary folder (remove_temp). */
static char *write_template(const zip_part *parts, size_t n) {
  char *path = temp_path("house.odt");
  write_zip_parts(path, parts, n);
  return path;
}

/* The template of `styles` (with the picture when `picture`) loaded into
 *tpl; its warnings into *warnings (strdup'd, NULL for none). */
static void load(const char *styles, const void *picture, size_t picture_len,
                 scr_template *tpl, char **warnings) {
  zip_part parts[] = {
      {"mimetype", "application/vnd.oasis.opendocument.text", 0},
      {"styles.xml", styles, 0},
      {"Pictures/logo.png", picture, picture_len},
  };
  char *path = write_template(parts, picture ? 3 : 2);
  scr_diags d;
  scr_diags_init(&d);
  assert_int_equal(scr_template_load(path, tpl, &d), SCR_OK);
  *warnings = NULL;
  for (size_t i = 0; i < d.count; i++)
    if (d.items[i].severity == SCR_WARNING &&
        strstr(d.items[i].message, "picture"))
      *warnings = strdup(d.items[i].message);
  scr_diags_free(&d);
  remove_temp(path);
}

/* ---- reading ------------------------------------------------------------- */

static void test_text_resolved_through_parents(void **state) {
  (void)state;
  scr_template tpl;
  char *warn;
  load(STYLES_HEAD STYLES_TAIL, NULL, 0, &tpl, &warn);
  assert_null(warn);
  const scr_house_text *body = &tpl.house->text[SCR_HOUSE_BODY];
  assert_string_equal(body->font, "Liberation Serif");
  assert_int_equal(body->size, 24);
  assert_int_equal(body->line, 276);
  /* set nowhere: what LibreOffice shows */
  assert_string_equal(body->colour, "000000");
  assert_int_equal(body->bold, 0);
  /* Text body, taken as Body Text: an exact line height shows as single */
  const scr_house_text *text = &tpl.house->text[SCR_HOUSE_BODY_TEXT];
  assert_string_equal(text->font, "Liberation Serif");
  assert_int_equal(text->before, 0);
  assert_int_equal(text->after, 142); /* 0.25 cm */
  assert_int_equal(text->line, 240);
  /* Heading 1: the serif of the default style, 130% of its parent's 14pt */
  const scr_house_text *h1 = &tpl.house->text[SCR_HOUSE_HEADING1];
  assert_string_equal(h1->font, "Liberation Serif");
  assert_int_equal(h1->size, 36); /* 18.2pt */
  assert_string_equal(h1->colour, "2E74B5");
  assert_int_equal(h1->bold, 1);
  assert_int_equal(h1->italic, 1);
  assert_int_equal(h1->before, 240);
  /* Heading 2 is added from the built-in, over the template's default */
  assert_string_equal(tpl.house->text[SCR_HOUSE_HEADING2].font,
                      "Liberation Serif");
  assert_false(tpl.house->has_art);
  scr_template_free(&tpl);
}

static void test_page_in_words_model(void **state) {
  (void)state;
  scr_template tpl;
  char *warn;
  load(STYLES_HEAD
       "<style:header><text:p>Head</text:p></style:header>" STYLES_TAIL,
       NULL, 0, &tpl, &warn);
  const scr_house_page *p = &tpl.house->page;
  assert_int_equal(p->width, 12240); /* US letter */
  assert_int_equal(p->height, 15840);
  assert_int_equal(p->left, 1417);
  assert_int_equal(p->right, 1417);
  assert_int_equal(p->header, 709);       /* 1.25 cm */
  assert_int_equal(p->top, 709 + 567);    /* ... and the header's 1 cm */
  assert_int_equal(p->footer, 567);       /* 1 cm */
  assert_int_equal(p->bottom, 567 + 454); /* ... and the footer's 0.8 cm */
  scr_template_free(&tpl);
  /* no header shown: the body starts at the margin */
  load(STYLES_HEAD STYLES_TAIL, NULL, 0, &tpl, &warn);
  assert_int_equal(tpl.house->page.top, 709);
  assert_true(tpl.house->page.header <= 709);
  scr_template_free(&tpl);
}

static void test_art_every_page(void **state) {
  (void)state;
  scr_template tpl;
  char *warn;
  load(STYLES_HEAD "<style:header>" LOGO_FRAME(
           "Pictures/logo.png") "</style:header>" STYLES_TAIL,
       PNG, sizeof PNG, &tpl, &warn);
  assert_null(warn);
  assert_true(tpl.house->has_art);
  const scr_house_art *a = &tpl.house->art;
  assert_true(a->every_page);
  assert_int_equal(a->align, 1);
  assert_int_equal(a->image.width_mm100, 3000);
  assert_int_equal(a->image.height_mm100, 1000);
  assert_int_equal(a->image.width_px, 120);
  assert_string_equal(a->image.mime, "image/png");
  assert_string_equal(a->image.alt, "Council logo");
  assert_int_equal(a->image.size, sizeof PNG);
  assert_memory_equal(a->image.data, PNG, sizeof PNG);
  scr_template_free(&tpl);
}

static void test_art_first_page(void **state) {
  (void)state;
  scr_template tpl;
  char *warn;
  /* LibreOffice's first page with its own header: style:header-first */
  load(STYLES_HEAD "<style:header><text:p>Running</text:p></style:header>"
                   "<style:header-first>" LOGO_FRAME(
                       "Pictures/logo.png") "</style:header-first>" STYLES_TAIL,
       PNG, sizeof PNG, &tpl, &warn);
  assert_true(tpl.house->has_art);
  assert_false(tpl.house->art.every_page);
  scr_template_free(&tpl);
}

static void test_bad_picture_warns(void **state) {
  (void)state;
  scr_template tpl;
  char *warn;
  load(STYLES_HEAD "<style:header>" LOGO_FRAME(
           "Pictures/logo.png") "</style:header>" STYLES_TAIL,
       "GIF89a not a PNG", 0, &tpl, &warn);
  assert_false(tpl.house->has_art);
  assert_non_null(warn);
  assert_non_null(strstr(warn, "Pictures/logo.png"));
  assert_non_null(strstr(warn, "not a PNG or JPEG"));
  free(warn);
  scr_template_free(&tpl);
  load(STYLES_HEAD "<style:header>" LOGO_FRAME(
           "Pictures/gone.png") "</style:header>" STYLES_TAIL,
       NULL, 0, &tpl, &warn);
  assert_false(tpl.house->has_art);
  assert_non_null(warn);
  assert_non_null(strstr(warn, "is not in the template"));
  free(warn);
  scr_template_free(&tpl);
}

/* ---- applying ------------------------------------------------------------ */

static xmlDocPtr builtin_doc(void) {
  scr_template b = scr_template_builtin("odt");
  xmlDocPtr doc = xmlReadMemory((const char *)b.styles, (int)b.styles_len,
                                "styles.xml", NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  return doc;
}

/* The string value of `expr` in `doc`, compared. */
static void expect(xmlDocPtr doc, const char *expr, const char *want) {
  xmlXPathContextPtr xp = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(xp, BAD_CAST "style", BAD_CAST scr_odt_ns_uri("style"));
  xmlXPathRegisterNs(xp, BAD_CAST "fo", BAD_CAST scr_odt_ns_uri("fo"));
  xmlXPathRegisterNs(xp, BAD_CAST "svg", BAD_CAST scr_odt_ns_uri("svg"));
  xmlXPathRegisterNs(xp, BAD_CAST "office", BAD_CAST scr_odt_ns_uri("office"));
  char full[512];
  snprintf(full, sizeof full, "string(%s)", expr);
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST full, xp);
  assert_non_null(o);
  if (strcmp((const char *)o->stringval, want) != 0)
    fail_msg("%s is '%s', not '%s'", expr, o->stringval, want);
  xmlXPathFreeObject(o);
  xmlXPathFreeContext(xp);
}

#define STYLE(name) "//style:style[@style:name='" name "']"

static void test_apply(void **state) {
  (void)state;
  scr_house h;
  scr_house_default(&h);
  scr_house_text *body = &h.text[SCR_HOUSE_BODY];
  strcpy(body->font, "Liberation Serif");
  body->size = 23;
  scr_house_text *h1 = &h.text[SCR_HOUSE_HEADING1];
  strcpy(h1->colour, "2E74B5");
  h1->bold = 0;
  h1->italic = 1;
  h1->size = 32;
  scr_house_text *bt = &h.text[SCR_HOUSE_BODY_TEXT];
  bt->before = 250;
  bt->after = 1;
  bt->line = 360;
  h.text[SCR_HOUSE_LIST].contextual = 1;
  xmlDocPtr doc = builtin_doc();
  assert_int_equal(tpl_apply_house_odt(doc, &h), SCR_OK);
  expect(doc,
         "//style:font-face[@style:name='Liberation Serif']/"
         "@svg:font-family",
         "'Liberation Serif'");
  expect(doc, STYLE("Standard") "/style:text-properties/@style:font-name",
         "Liberation Serif");
  expect(doc, STYLE("Standard") "/style:text-properties/@fo:font-size",
         "11.5pt");
  /* the default style: its Asian and complex sizes set too, fonts kept */
  expect(doc,
         "//style:default-style[@style:family='paragraph']/"
         "style:text-properties/@style:font-name",
         "Liberation Serif");
  expect(doc,
         "//style:default-style[@style:family='paragraph']/"
         "style:text-properties/@style:font-size-complex",
         "11.5pt");
  expect(doc,
         "//style:default-style[@style:family='paragraph']/"
         "style:text-properties/@style:font-name-asian",
         "Liberation Sans");
  expect(doc, STYLE("Heading_20_1") "/style:text-properties/@fo:color",
         "#2e74b5");
  expect(doc,
         STYLE("List_20_Paragraph") "/style:paragraph-properties/"
                                    "@style:contextual-spacing",
         "true");
  expect(doc, STYLE("Heading_20_1") "/style:text-properties/@fo:font-weight",
         "normal");
  expect(
      doc,
      STYLE("Heading_20_1") "/style:text-properties/@style:font-weight-complex",
      "normal");
  expect(doc, STYLE("Heading_20_1") "/style:text-properties/@fo:font-style",
         "italic");
  expect(doc, STYLE("Heading_20_1") "/style:text-properties/@fo:font-size",
         "16pt");
  expect(doc,
         STYLE("Body_20_Text") "/style:paragraph-properties/@fo:margin-top",
         "12.5pt");
  expect(doc,
         STYLE("Body_20_Text") "/style:paragraph-properties/@fo:margin-bottom",
         "0.05pt");
  expect(doc,
         STYLE("Body_20_Text") "/style:paragraph-properties/@fo:line-height",
         "150%");
  /* Body Text had no text properties: made, after the paragraph's */
  expect(doc,
         "name(" STYLE("Body_20_Text") "/style:paragraph-properties/"
                                       "following-sibling::*)",
         "");
  /* unset properties keep the built-in's */
  expect(doc, STYLE("Title") "/style:text-properties/@fo:color", "#1f3864");
  xmlFreeDoc(doc);
}

/* The paragraph properties stay before the text properties made. */
static void test_apply_order(void **state) {
  (void)state;
  scr_house h;
  scr_house_default(&h);
  strcpy(h.text[SCR_HOUSE_BODY_TEXT].colour, "112233");
  h.text[SCR_HOUSE_SUBTITLE].line = 240;
  xmlDocPtr doc = builtin_doc();
  assert_int_equal(tpl_apply_house_odt(doc, &h), SCR_OK);
  expect(doc,
         "name(" STYLE("Body_20_Text") "/style:paragraph-properties/"
                                       "following-sibling::*[1])",
         "style:text-properties");
  expect(doc, STYLE("Body_20_Text") "/style:text-properties/@fo:color",
         "#112233");
  expect(doc, "name(" STYLE("Subtitle") "/*[1])", "style:paragraph-properties");
  expect(doc, STYLE("Subtitle") "/style:paragraph-properties/@fo:line-height",
         "100%");
  xmlFreeDoc(doc);
}

/* ---- the writer ---------------------------------------------------------- */

static const scr_doc_info INFO = {.title = "Pack",
                                  .subject = "Pack",
                                  .creator = "Council",
                                  .language = "en-GB",
                                  .footer = "Committee, 17 June 2026"};

/* US letter, 2.5 cm at the sides, the body 3 cm from the top with the
   header 1.25 cm from it, 2 cm from the foot with the footer 1 cm; the
   logo centred, on every page or the first. */
static void letter_house(scr_house *h, bool art, bool every_page) {
  scr_house_default(h);
  h->page = (scr_house_page){12240, 15840, 1701, 1134, 1417, 1417, 709, 567};
  h->has_art = art;
  h->art.image = (scr_image){PNG, sizeof PNG, "image/png", "png",         120,
                             40,  3000,       1000,        "Council logo"};
  h->art.align = 1;
  h->art.every_page = every_page;
}

typedef struct written {
  scr_package *pkg;
  char *styles, *content;
} written;

static scr_error ok(scr_error err) {
  assert_int_equal(err, SCR_OK);
  return err;
}

static void table(void *w, const scr_sink_ops *o) {
  ok(o->begin_table(w, 2, NULL, NULL));
  ok(o->begin_row(w, false));
  for (int i = 0; i < 2; i++) {
    ok(o->begin_cell(w));
    ok(o->begin_paragraph(w, SCR_PARA_TABLE_CONTENTS));
    ok(o->text(w, "cell", 4, 0));
    ok(o->end_paragraph(w));
    ok(o->end_cell(w));
  }
  ok(o->end_row(w));
  ok(o->end_table(w));
}

/* A paragraph and a table, a section with a running header and a wide
   table on a landscape page, written with the house `h`. */
static written write_with(const scr_house *h) {
  scr_template tpl = scr_template_builtin("odt");
  tpl.house = h;
  void *w = scr_odt_writer.create(&tpl);
  const scr_sink_ops *o = scr_odt_writer.ops;
  assert_non_null(w);
  ok(o->begin_document(w, &INFO));
  ok(o->begin_paragraph(w, SCR_PARA_BODY));
  ok(o->text(w, "Front", 5, 0));
  ok(o->end_paragraph(w));
  table(w, o);
  ok(o->begin_section(w, "Item 1"));
  ok(o->begin_paragraph(w, SCR_PARA_BODY));
  ok(o->text(w, "Report", 6, 0));
  ok(o->end_paragraph(w));
  ok(o->page_orientation(w, true));
  table(w, o);
  ok(o->end_document(w));
  written out = {scr_package_new(), NULL, NULL};
  assert_non_null(out.pkg);
  ok(scr_odt_writer.finish(w, out.pkg));
  scr_odt_writer.destroy(w);
  size_t len;
  const char *d = scr_package_get(out.pkg, "styles.xml", &len);
  out.styles = strndup(d, len);
  d = scr_package_get(out.pkg, "content.xml", &len);
  out.content = strndup(d, len);
  return out;
}

static void written_free(written *w) {
  free(w->styles);
  free(w->content);
  scr_package_free(w->pkg);
}

static void expect_in(const char *xml, const char *needle) {
  if (!strstr(xml, needle))
    fail_msg("lacks %s:\n%s", needle, xml);
}

/* Times `needle` occurs in `xml`. */
static int occurs(const char *xml, const char *needle) {
  int n = 0;
  for (const char *p = xml; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

static void test_writer_page(void **state) {
  (void)state;
  scr_house h;
  letter_house(&h, false, true);
  written w = write_with(&h);
  /* the page layouts: portrait and turned, the margins in Word's model */
  expect_in(w.styles, "<style:page-layout style:name=\"pm1\">"
                      "<style:page-layout-properties fo:page-width=\"21.59cm\""
                      " fo:page-height=\"27.94cm\" "
                      "style:print-orientation=\"portrait\" "
                      "fo:margin-top=\"3cm\" fo:margin-bottom=\"1cm\" "
                      "fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\"/>"
                      "<style:footer-style><style:header-footer-properties "
                      "fo:min-height=\"1cm\" fo:margin-top=\"0.9cm\"");
  expect_in(w.styles, "<style:page-layout style:name=\"Mpm_header\">"
                      "<style:page-layout-properties fo:page-width=\"21.59cm\""
                      " fo:page-height=\"27.94cm\" "
                      "style:print-orientation=\"portrait\" "
                      "fo:margin-top=\"1.25cm\"");
  expect_in(w.styles, "<style:header-footer-properties fo:min-height=\"1.75cm\""
                      " fo:margin-bottom=\"1.65cm\"");
  expect_in(w.styles, "fo:page-width=\"27.94cm\" fo:page-height=\"21.59cm\" "
                      "style:print-orientation=\"landscape\"");
  /* the footer's table and the tables across the text width */
  expect_in(w.styles, "<style:style style:name=\"Footer_table\" "
                      "style:family=\"table\"><style:table-properties "
                      "style:width=\"16.59cm\"");
  expect_in(w.styles, "<style:style style:name=\"Footer_table_landscape\" "
                      "style:family=\"table\"><style:table-properties "
                      "style:width=\"22.94cm\"");
  expect_in(w.content, "<style:style style:name=\"Tbl\" style:family=\"table\">"
                       "<style:table-properties style:width=\"16.59cm\"");
  expect_in(w.content, "style:master-page-name=\"Landscape_Header_1\">"
                       "<style:table-properties style:width=\"22.94cm\"");
  expect_in(w.content, "style:name=\"Col_4703\""); /* (12240 - 2834) / 2 */
  expect_in(w.content, "style:name=\"Col_6503\""); /* (15840 - 2834) / 2 */
  assert_null(strstr(w.styles, "draw:frame"));
  written_free(&w);
}

static void test_writer_art_every_page(void **state) {
  (void)state;
  scr_house h;
  letter_house(&h, true, true);
  written w = write_with(&h);
  /* every master page's header starts with the art: Standard, Header_1,
     Landscape, Landscape_Header_1 */
  const char *art = "<style:header><text:p text:style-name=\"Header_art\">"
                    "<draw:frame draw:style-name=\"Mfr_art\" "
                    "text:anchor-type=\"as-char\" svg:width=\"3cm\" "
                    "svg:height=\"1cm\" draw:z-index=\"0\"><draw:image "
                    "xlink:href=\"Pictures/image1.png\"";
  assert_int_equal(occurs(w.styles, art), 4);
  assert_int_equal(occurs(w.styles, "<style:master-page "), 4);
  expect_in(w.styles, "<svg:desc>Council logo</svg:desc></draw:frame>"
                      "</text:p><text:p text:style-name=\"Header_bold\">"
                      "Item 1</text:p></style:header>");
  expect_in(w.styles, "style:name=\"Standard\" "
                      "style:page-layout-name=\"Mpm_header\"");
  expect_in(w.styles, "<style:style style:name=\"Header_art\" "
                      "style:family=\"paragraph\"><style:paragraph-properties "
                      "fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" "
                      "fo:line-height=\"100%\" fo:text-align=\"center\"/>");
  /* the picture once, in the manifest */
  size_t len;
  const char *png = scr_package_get(w.pkg, "Pictures/image1.png", &len);
  assert_non_null(png);
  assert_int_equal(len, sizeof PNG);
  assert_memory_equal(png, PNG, sizeof PNG);
  assert_null(scr_package_get(w.pkg, "Pictures/image2.png", &len));
  const char *manifest = scr_package_get(w.pkg, "META-INF/manifest.xml", &len);
  assert_non_null(manifest);
  char *m = strndup(manifest, len);
  expect_in(m, "manifest:full-path=\"Pictures/image1.png\" "
               "manifest:media-type=\"image/png\"");
  free(m);
  written_free(&w);
}

static void test_writer_art_first_page(void **state) {
  (void)state;
  scr_house h;
  letter_house(&h, true, false);
  written w = write_with(&h);
  /* the document starts on Standard's first-page form, which alone
     shows the art */
  expect_in(w.styles, "<style:master-page style:name=\"Standard_first\" "
                      "style:page-layout-name=\"Mpm_header\" "
                      "style:next-style-name=\"Standard\"><style:header>"
                      "<text:p text:style-name=\"Header_art\"><draw:frame");
  assert_int_equal(occurs(w.styles, "<draw:frame"), 1);
  assert_int_equal(occurs(w.styles, "<style:master-page "), 5);
  expect_in(w.content, "style:master-page-name=\"Standard_first\"");
  assert_int_equal(
      occurs(w.content, "style:master-page-name=\"Standard_first\""), 1);
  size_t len;
  assert_non_null(scr_package_get(w.pkg, "Pictures/image1.png", &len));
  written_free(&w);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text_resolved_through_parents),
      cmocka_unit_test(test_page_in_words_model),
      cmocka_unit_test(test_art_every_page),
      cmocka_unit_test(test_art_first_page),
      cmocka_unit_test(test_bad_picture_warns),
      cmocka_unit_test(test_apply),
      cmocka_unit_test(test_apply_order),
      cmocka_unit_test(test_writer_page),
      cmocka_unit_test(test_writer_art_every_page),
      cmocka_unit_test(test_writer_art_first_page),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
