/*
 * The house style of DOCX templates: theme fonts named, each role's text
 * resolved, the page and the header art read; a house applied to the
 * built-in styles; the DOCX writer laying out a house's page and art.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "docx.h"
#include "house.h"
#include "package.h"
#include "package_fixture.h"
#include "template.h"
#include "template_styles.h"
#include "writer.h"
#include "zip_fixture.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R                                                                   \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_WP                                                                  \
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE                                                               \
  "http://schemas.openxmlformats.org/officeDocument/2006/"                     \
  "relationships/"

#define STYLES_OPEN "<w:styles xmlns:w=\"" NS_W "\">"
#define NORMAL                                                                 \
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"        \
  "<w:name w:val=\"Normal\"/></w:style>"
#define PLAIN_STYLES STYLES_OPEN NORMAL "</w:styles>"

/* A PNG's signature and header: 240 x 80 pixels. */
static const unsigned char PNG[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0,   0, 0,
    13,   'I', 'H', 'D', 'R',  0,    0,    0,    240, 0, 0,
    0,    80,  8,   2,   0,    0,    0,    0,    0,   0, 0};

/* Load `parts` as a .docx template into *tpl; the diagnostics into *d. */
static scr_error load(const zip_part *parts, size_t n, scr_template *tpl,
                      scr_diags *d) {
  char *path = temp_path("house.docx");
  write_zip_parts(path, parts, n);
  scr_diags_init(d);
  scr_error err = scr_template_load(path, tpl, d);
  remove_temp(path);
  return err;
}

/* Load `parts`, expecting no error; the house is tpl->house. */
static void load_ok(const zip_part *parts, size_t n, scr_template *tpl) {
  scr_diags d;
  assert_int_equal(load(parts, n, tpl, &d), SCR_OK);
  assert_int_equal(d.errors, 0);
  scr_diags_free(&d);
}

/* ---- theme fonts -------------------------------------------------------- */

#define THEME_STYLES                                                           \
  STYLES_OPEN                                                                  \
  "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts "                             \
  "w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\" "                   \
  "w:eastAsiaTheme=\"minorEastAsia\" w:cstheme=\"minorBidi\"/>"                \
  "</w:rPr></w:rPrDefault></w:docDefaults>" NORMAL                             \
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"                      \
  "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"                 \
  "<w:rPr><w:rFonts w:ascii=\"Times\" w:hAnsi=\"Times\" "                      \
  "w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\"/></w:rPr>"          \
  "</w:style></w:styles>"

static const char THEME[] =
    "<a:theme xmlns:a=\"" NS_A "\"><a:themeElements>"
    "<a:fontScheme name=\"Office\"><a:majorFont><a:latin "
    "typeface=\"Calibri Light\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
    "</a:majorFont><a:minorFont><a:latin typeface=\"Cambria\"/>"
    "<a:ea typeface=\"\"/><a:cs typeface=\"Arial\"/></a:minorFont>"
    "</a:fontScheme></a:themeElements></a:theme>";

static void test_theme_fonts_named(void **state) {
  (void)state;
  const zip_part parts[] = {{"word/styles.xml", THEME_STYLES, 0},
                            {"word/theme/theme1.xml", THEME, 0}};
  scr_template tpl;
  load_ok(parts, 2, &tpl);
  const char *s = (const char *)tpl.styles;
  /* the theme's names in place of the references, which go */
  assert_null(strstr(s, "Theme="));
  assert_null(strstr(s, "cstheme"));
  assert_non_null(strstr(s, "w:ascii=\"Cambria\""));
  assert_non_null(strstr(s, "w:hAnsi=\"Cambria\""));
  /* an empty East Asian typeface: the Latin one */
  assert_non_null(strstr(s, "w:eastAsia=\"Cambria\""));
  assert_non_null(strstr(s, "w:cs=\"Arial\""));
  /* the theme attribute wins over the plain one beside it */
  assert_non_null(strstr(s, "w:ascii=\"Calibri Light\""));
  assert_null(strstr(s, "Times"));
  assert_string_equal(tpl.house->text[SCR_HOUSE_BODY].font, "Cambria");
  assert_string_equal(tpl.house->text[SCR_HOUSE_HEADING1].font,
                      "Calibri Light");
  scr_template_free(&tpl);
}

static void test_no_theme_drops_references(void **state) {
  (void)state;
  const zip_part parts[] = {{"word/styles.xml", THEME_STYLES, 0}};
  scr_template tpl;
  load_ok(parts, 1, &tpl);
  const char *s = (const char *)tpl.styles;
  assert_null(strstr(s, "Theme="));
  assert_null(strstr(s, "cstheme"));
  /* the explicit font beside the reference applies */
  assert_string_equal(tpl.house->text[SCR_HOUSE_HEADING1].font, "Times");
  assert_string_equal(tpl.house->text[SCR_HOUSE_BODY].font, "");
  scr_template_free(&tpl);
}

/* ---- the text of the roles ---------------------------------------------- */

static const char RESOLVED_STYLES[] = STYLES_OPEN
    "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"24\"/></w:rPr>"
    "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"200\" "
    "w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
    "</w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:rPr><w:rFonts w:ascii=\"Liberation "
    "Serif\" w:hAnsi=\"Liberation Serif\"/><w:color w:val=\"333333\"/>"
    "</w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
    "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:before=\"480\" w:after=\"0\"/></w:pPr>"
    "<w:rPr><w:b/><w:color w:val=\"7b1fa2\"/><w:sz w:val=\"32\"/></w:rPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
    "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Heading1\"/>"
    "<w:rPr><w:i/><w:b w:val=\"0\"/><w:color w:val=\"auto\"/></w:rPr>"
    "</w:style>"
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
    "<w:name w:val=\"Table Grid\"/><w:pPr><w:spacing w:after=\"0\" "
    "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableContents\">"
    "<w:name w:val=\"Table Contents\"/><w:basedOn w:val=\"Normal\"/>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">"
    "<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
    "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr>"
    "</w:style></w:styles>";

static void test_text_resolved_through_based_on(void **state) {
  (void)state;
  const zip_part parts[] = {{"word/styles.xml", RESOLVED_STYLES, 0}};
  scr_template tpl;
  load_ok(parts, 1, &tpl);
  const scr_house_text *body = &tpl.house->text[SCR_HOUSE_BODY];
  assert_string_equal(body->font, "Liberation Serif");
  assert_int_equal(body->size, 24); /* from the document defaults */
  assert_string_equal(body->colour, "333333");
  /* set nowhere: what Word shows */
  assert_int_equal(body->bold, 0);
  assert_int_equal(body->before, 0);
  assert_int_equal(body->after, 200);
  assert_int_equal(body->line, 276);
  /* two levels down: the nearest that sets each property */
  const scr_house_text *h2 = &tpl.house->text[SCR_HOUSE_HEADING2];
  assert_string_equal(h2->font, "Liberation Serif");
  assert_int_equal(h2->size, 32);
  assert_string_equal(h2->colour, "000000"); /* automatic */
  assert_int_equal(h2->bold, 0);
  assert_int_equal(h2->italic, 1);
  assert_int_equal(h2->before, 480);
  assert_int_equal(h2->after, 0);
  assert_int_equal(h2->line, 276);
  assert_string_equal(tpl.house->text[SCR_HOUSE_HEADING1].colour, "7B1FA2");
  /* List Paragraph: packed, its spacing the body's */
  const scr_house_text *list = &tpl.house->text[SCR_HOUSE_LIST];
  assert_int_equal(list->contextual, 1);
  assert_int_equal(list->after, 200);
  assert_int_equal(body->contextual, 0);
  /* a table's paragraphs: Table Grid's packed lines, under the paragraph
     style, over the document defaults */
  const scr_house_text *cells = &tpl.house->text[SCR_HOUSE_TABLE_CONTENTS];
  assert_int_equal(cells->after, 0);
  assert_int_equal(cells->line, 240);
  assert_string_equal(cells->font, "Liberation Serif");
  /* an exact line height carries as single lines */
  assert_int_equal(tpl.house->text[SCR_HOUSE_TITLE].line, 240);
  scr_template_free(&tpl);
}

/* ---- the page ----------------------------------------------------------- */

#define DOCUMENT_OPEN                                                          \
  "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body><w:p/>"

static const char PACKAGE_RELS[] =
    "<Relationships xmlns=\"" NS_RELS "\"><Relationship Id=\"rId1\" "
    "Type=\"" REL_TYPE "officeDocument\" Target=\"/word/document.xml\"/>"
    "</Relationships>";

static void test_page_read(void **state) {
  (void)state;
  static const char DOCUMENT[] = DOCUMENT_OPEN
      /* a landscape template, 2.5 cm margins: its page stored portrait */
      "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
      "<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"2.5cm\" "
      "w:left=\"1417\" w:header=\"709\" w:footer=\"708\" w:gutter=\"0\"/>"
      "</w:sectPr></w:body></w:document>";
  const zip_part parts[] = {{"word/styles.xml", PLAIN_STYLES, 0},
                            {"_rels/.rels", PACKAGE_RELS, 0},
                            {"word/document.xml", DOCUMENT, 0}};
  scr_template tpl;
  load_ok(parts, 3, &tpl);
  const scr_house_page *p = &tpl.house->page;
  assert_int_equal(p->width, 11906);
  assert_int_equal(p->height, 16838);
  assert_int_equal(p->top, 1417);
  assert_int_equal(p->bottom, 1417);
  assert_int_equal(p->left, 1417);
  assert_int_equal(p->right, 1417);
  assert_int_equal(p->header, 709);
  assert_int_equal(p->footer, 708);
  assert_false(tpl.house->has_art);
  scr_template_free(&tpl);
}

/* ---- the header art ------------------------------------------------------ */

static const char DOCUMENT_RELS[] =
    "<Relationships xmlns=\"" NS_RELS "\">"
    "<Relationship Id=\"rId8\" Type=\"" REL_TYPE "header\" "
    "Target=\"header1.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" REL_TYPE "header\" "
    "Target=\"header2.xml\"/></Relationships>";

static const char HEADER_RELS[] =
    "<Relationships xmlns=\"" NS_RELS "\"><Relationship Id=\"rId1\" "
    "Type=\"" REL_TYPE "image\" Target=\"media/logo.png\"/></Relationships>";

/* A header whose paragraph, set `jc`, shows a picture 4 cm x 2 cm. */
#define PICTURE_HEADER(jc)                                                     \
  "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" xmlns:wp=\"" NS_WP         \
  "\" xmlns:a=\"" NS_A "\"><w:p><w:pPr><w:jc w:val=\"" jc "\"/></w:pPr>"       \
  "<w:r><w:drawing><wp:inline><wp:extent cx=\"1440000\" cy=\"720000\"/>"       \
  "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"Council logo\"/>"             \
  "<a:graphic><a:graphicData><a:blip r:embed=\"rId1\"/></a:graphicData>"       \
  "</a:graphic></wp:inline></w:drawing></w:r></w:p></w:hdr>"

static const char PLAIN_HEADER[] = "<w:hdr xmlns:w=\"" NS_W "\"><w:p/></w:hdr>";

static const char DEFAULT_HEADER_DOCUMENT[] =
    DOCUMENT_OPEN "<w:sectPr><w:headerReference w:type=\"default\" "
                  "r:id=\"rId8\"/></w:sectPr></w:body></w:document>";

static void test_art_read(void **state) {
  (void)state;
  const zip_part parts[] = {{"word/styles.xml", PLAIN_STYLES, 0},
                            {"word/document.xml", DEFAULT_HEADER_DOCUMENT, 0},
                            {"word/_rels/document.xml.rels", DOCUMENT_RELS, 0},
                            {"word/header1.xml", PICTURE_HEADER("right"), 0},
                            {"word/_rels/header1.xml.rels", HEADER_RELS, 0},
                            {"word/media/logo.png", PNG, sizeof PNG}};
  scr_template tpl;
  load_ok(parts, 6, &tpl);
  assert_true(tpl.house->has_art);
  const scr_house_art *art = &tpl.house->art;
  assert_true(art->every_page);
  assert_int_equal(art->align, 2);
  assert_int_equal(art->image.width_mm100, 4000);
  assert_int_equal(art->image.height_mm100, 2000);
  assert_int_equal(art->image.width_px, 240);
  assert_string_equal(art->image.mime, "image/png");
  assert_string_equal(art->image.alt, "Council logo");
  assert_int_equal(art->image.size, sizeof PNG);
  assert_memory_equal(art->image.data, PNG, sizeof PNG);
  scr_template_free(&tpl);
}

static void test_first_page_art_read(void **state) {
  (void)state;
  static const char DOCUMENT[] =
      DOCUMENT_OPEN "<w:sectPr><w:headerReference w:type=\"default\" "
                    "r:id=\"rId8\"/><w:headerReference w:type=\"first\" "
                    "r:id=\"rId9\"/><w:titlePg/></w:sectPr></w:body>"
                    "</w:document>";
  const zip_part parts[] = {{"word/styles.xml", PLAIN_STYLES, 0},
                            {"word/document.xml", DOCUMENT, 0},
                            {"word/_rels/document.xml.rels", DOCUMENT_RELS, 0},
                            {"word/header1.xml", PLAIN_HEADER, 0},
                            {"word/header2.xml", PICTURE_HEADER("center"), 0},
                            {"word/_rels/header2.xml.rels", HEADER_RELS, 0},
                            {"word/media/logo.png", PNG, sizeof PNG}};
  scr_template tpl;
  load_ok(parts, 7, &tpl);
  assert_true(tpl.house->has_art);
  assert_false(tpl.house->art.every_page);
  assert_int_equal(tpl.house->art.align, 1);
  scr_template_free(&tpl);
}

static void test_bad_picture_is_a_warning(void **state) {
  (void)state;
  static const char GIF[] = "GIF89a\x01\x00\x01\x00";
  const zip_part parts[] = {{"word/styles.xml", PLAIN_STYLES, 0},
                            {"word/document.xml", DEFAULT_HEADER_DOCUMENT, 0},
                            {"word/_rels/document.xml.rels", DOCUMENT_RELS, 0},
                            {"word/header1.xml", PICTURE_HEADER("left"), 0},
                            {"word/_rels/header1.xml.rels", HEADER_RELS, 0},
                            {"word/media/logo.png", GIF, sizeof GIF - 1}};
  scr_template tpl;
  scr_diags d;
  assert_int_equal(load(parts, 6, &tpl, &d), SCR_OK);
  assert_int_equal(d.errors, 0);
  bool warned = false;
  for (size_t i = 0; i < d.count; i++)
    warned |= d.items[i].severity == SCR_WARNING &&
              strstr(d.items[i].message, "word/header1.xml") &&
              strstr(d.items[i].message, "no header art");
  assert_true(warned);
  assert_false(tpl.house->has_art);
  scr_diags_free(&d);
  scr_template_free(&tpl);
}

static void test_bad_header_is_an_error(void **state) {
  (void)state;
  const zip_part parts[] = {{"word/styles.xml", PLAIN_STYLES, 0},
                            {"word/document.xml", DEFAULT_HEADER_DOCUMENT, 0},
                            {"word/_rels/document.xml.rels", DOCUMENT_RELS, 0},
                            {"word/header1.xml", "<w:hdr", 0}};
  scr_template tpl;
  scr_diags d;
  assert_int_equal(load(parts, 4, &tpl, &d), SCR_E_TEMPLATE);
  assert_int_equal(d.errors, 1);
  assert_non_null(strstr(d.items[d.count - 1].message, "word/header1.xml"));
  scr_diags_free(&d);
}

/* ---- applied to the built-in styles ------------------------------------- */

/* The markup of the style `id` of a serialised styles part (caller frees),
   or of its document defaults for NULL. */
static char *style_markup(xmlDocPtr doc, const char *id) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *sid = xmlGetNsProp(n, BAD_CAST "styleId", BAD_CAST NS_W);
    bool match = id ? sid && strcmp((const char *)sid, id) == 0
                    : strcmp((const char *)n->name, "docDefaults") == 0;
    xmlFree(sid);
    if (!match)
      continue;
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, n, 0, 0);
    char *s = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return s;
  }
  return NULL;
}

static void expect_in_style(xmlDocPtr doc, const char *id, const char *want) {
  char *s = style_markup(doc, id);
  assert_non_null(s);
  if (!strstr(s, want))
    fail_msg("%s lacks %s:\n%s", id ? id : "docDefaults", want, s);
  free(s);
}

static void test_apply_to_builtin(void **state) {
  (void)state;
  scr_house h;
  scr_house_default(&h);
  scr_house_text *body = &h.text[SCR_HOUSE_BODY];
  snprintf(body->font, sizeof body->font, "Liberation Serif");
  body->size = 24;
  body->after = 200;
  scr_house_text *h1 = &h.text[SCR_HOUSE_HEADING1];
  snprintf(h1->colour, sizeof h1->colour, "7B1FA2");
  h1->bold = 0;
  h1->italic = 1;
  h1->before = 480;
  h1->line = 276;
  /* a list's paragraphs packed together, as Word's List Paragraph is */
  h.text[SCR_HOUSE_LIST].contextual = 1;
  h.text[SCR_HOUSE_QUOTE].contextual = 0;
  scr_template b = scr_template_builtin("docx");
  xmlDocPtr doc = xmlReadMemory((const char *)b.styles, (int)b.styles_len,
                                "styles.xml", NULL, XML_PARSE_NOBLANKS);
  assert_non_null(doc);
  assert_int_equal(tpl_apply_house_docx(doc, &h), SCR_OK);
  expect_in_style(doc, NULL,
                  "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation "
                  "Serif\" w:eastAsia=\"Liberation Sans\" w:cs=\"Liberation "
                  "Sans\"/>");
  expect_in_style(doc, NULL, "<w:sz w:val=\"24\"/>");
  expect_in_style(doc, "Normal",
                  "<w:pPr><w:widowControl/><w:spacing w:after=\"200\"/>"
                  "</w:pPr><w:rPr><w:rFonts w:ascii=\"Liberation Serif\" "
                  "w:hAnsi=\"Liberation Serif\"/><w:sz w:val=\"24\"/>"
                  "<w:szCs w:val=\"24\"/></w:rPr>");
  /* in the schema's order, the built-in's own values beside them kept */
  expect_in_style(doc, "Heading1",
                  "<w:spacing w:before=\"480\" w:after=\"120\" "
                  "w:line=\"276\" w:lineRule=\"auto\"/>");
  expect_in_style(doc, "Heading1",
                  "<w:rPr><w:b w:val=\"0\"/><w:bCs w:val=\"0\"/><w:i/><w:iCs/>"
                  "<w:color w:val=\"7B1FA2\"/><w:sz w:val=\"32\"/>");
  expect_in_style(doc, "ListParagraph", "<w:contextualSpacing/>");
  expect_in_style(doc, "Quote", "<w:contextualSpacing w:val=\"0\"/>");
  xmlFreeDoc(doc);
}

/* ---- the writer --------------------------------------------------------- */

/* US Letter with 2.5 cm margins, the header and footer 0.5 in from the
   edge, and a 4 cm logo in the header (on every page or the first). */
static void letter_house(scr_house *h, bool every_page) {
  scr_house_default(h);
  h->page = (scr_house_page){12240, 15840, 1417, 1417, 1417, 1417, 720, 720};
  h->has_art = true;
  h->art = (scr_house_art){.image = {PNG, sizeof PNG, "image/png", "png", 240,
                                     80, 4000, 1333, "Council logo"},
                           .align = 1,
                           .every_page = every_page};
}

/* The package a writer given `house` makes of a paragraph and a table of
   two columns, and a landscape page of one column; caller frees. */
static scr_package *write_with(const scr_house *house) {
  scr_template tpl = scr_template_builtin("docx");
  tpl.house = house;
  scr_template view = scr_template_view(&tpl, "docx");
  void *w = scr_docx_writer.create(&view);
  assert_non_null(w);
  const scr_sink_ops *o = scr_docx_writer.ops;
  static const scr_doc_info info = {.title = "Pack", .footer = "Committee"};
  assert_int_equal(o->begin_document(w, &info), SCR_OK);
  assert_int_equal(o->begin_paragraph(w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(o->text(w, "Hello", 5, 0), SCR_OK);
  assert_int_equal(o->end_paragraph(w), SCR_OK);
  assert_int_equal(o->begin_table(w, 2, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(w, false), SCR_OK);
  for (int c = 0; c < 2; c++) {
    assert_int_equal(o->begin_cell(w), SCR_OK);
    assert_int_equal(o->end_cell(w), SCR_OK);
  }
  assert_int_equal(o->end_row(w), SCR_OK);
  assert_int_equal(o->end_table(w), SCR_OK);
  assert_int_equal(o->page_orientation(w, true), SCR_OK);
  assert_int_equal(o->begin_table(w, 1, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(w, false), SCR_OK);
  assert_int_equal(o->begin_cell(w), SCR_OK);
  assert_int_equal(o->end_cell(w), SCR_OK);
  assert_int_equal(o->end_row(w), SCR_OK);
  assert_int_equal(o->end_table(w), SCR_OK);
  assert_int_equal(o->end_document(w), SCR_OK);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(scr_docx_writer.finish(w, pkg), SCR_OK);
  scr_docx_writer.destroy(w);
  return pkg;
}

static size_t count_in(const scr_package *pkg, const char *name,
                       const char *what) {
  char *s = part(pkg, name);
  assert_non_null(s);
  size_t n = 0;
  for (const char *at = s; (at = strstr(at, what)); at++)
    n++;
  free(s);
  return n;
}

#define LETTER_MARGINS                                                         \
  "<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" "                \
  "w:left=\"1417\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>"

static void test_writer_lays_out_house(void **state) {
  (void)state;
  scr_house h;
  letter_house(&h, true);
  scr_package *pkg = write_with(&h);
  const char *doc = "word/document.xml";
  expect_in_part(pkg, doc,
                 "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>" LETTER_MARGINS);
  expect_in_part(
      pkg, doc,
      "<w:pgSz w:w=\"15840\" w:h=\"12240\" w:orient=\"landscape\"/>" //
      LETTER_MARGINS);
  /* the text width: 12240 - 2 x 1417 = 9406 twips, landscape 13006 */
  expect_in_part(pkg, doc,
                 "<w:gridCol w:w=\"4703\"/><w:gridCol w:w=\"4703\"/>");
  expect_in_part(pkg, doc, "<w:gridCol w:w=\"13006\"/>");
  expect_in_part(pkg, "word/footer1.xml",
                 "<w:tblW w:w=\"9406\" w:type=\"dxa\"/>");
  expect_in_part(pkg, "word/footer2.xml",
                 "<w:tblW w:w=\"13006\" w:type=\"dxa\"/>");
  /* the art on every page: both sections name the one header holding it */
  assert_int_equal(count_in(pkg, doc,
                            "<w:headerReference w:type=\"default\" "
                            "r:id=\"rId5\"/>"),
                   2);
  expect_in_part(pkg, "word/header1.xml",
                 "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" "
                 "w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>"
                 "</w:pPr><w:r><w:drawing>");
  expect_in_part(pkg, "word/header1.xml",
                 "<wp:extent cx=\"1440000\" cy=\"479880\"/>");
  expect_in_part(pkg, "word/header1.xml", "descr=\"Council logo\"");
  expect_in_part(pkg, "word/header1.xml", "<a:blip r:embed=\"rId1\"/>");
  expect_in_part(pkg, "word/_rels/header1.xml.rels",
                 "<Relationship Id=\"rId1\" Type=\"" REL_TYPE
                 "image\" Target=\"media/image1.png\"/>");
  size_t len = 0;
  const char *media = scr_package_get(pkg, "word/media/image1.png", &len);
  assert_non_null(media);
  assert_int_equal(len, sizeof PNG);
  assert_null(scr_package_get(pkg, "word/header2.xml", &len));
  expect_in_part(pkg, "[Content_Types].xml",
                 "<Override PartName=\"/word/header1.xml\"");
  /* the document's own relationships name no picture */
  assert_int_equal(count_in(pkg, "word/_rels/document.xml.rels", "image"), 0);
  scr_package_free(pkg);
}

static void test_writer_first_page_art(void **state) {
  (void)state;
  scr_house h;
  letter_house(&h, false);
  scr_package *pkg = write_with(&h);
  const char *doc = "word/document.xml";
  /* only the first section has a first page of its own, with the art and
     the footer of the others */
  assert_int_equal(count_in(pkg, doc, "<w:titlePg/>"), 1);
  expect_in_part(pkg, doc,
                 "<w:sectPr><w:headerReference w:type=\"first\" r:id=\"rId5\"/>"
                 "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                 "<w:footerReference w:type=\"first\" r:id=\"rId4\"/>"
                 "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>" LETTER_MARGINS
                 "<w:titlePg/></w:sectPr>");
  assert_int_equal(count_in(pkg, doc, "w:headerReference"), 1);
  expect_in_part(pkg, "word/header1.xml", "<a:blip r:embed=\"rId1\"/>");
  scr_package_free(pkg);
}

/* The built-in house writes what the writer wrote before houses: A4 with
   2 cm margins and no header in a document without sections. */
static void test_writer_builtin_page(void **state) {
  (void)state;
  scr_package *pkg = write_with(scr_house_builtin());
  expect_in_part(pkg, "word/document.xml",
                 "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
                 "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" "
                 "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>");
  assert_int_equal(count_in(pkg, "word/document.xml", "headerReference"), 0);
  expect_in_part(pkg, "word/footer1.xml",
                 "<w:tblW w:w=\"9638\" w:type=\"dxa\"/>");
  scr_package_free(pkg);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_theme_fonts_named),
      cmocka_unit_test(test_no_theme_drops_references),
      cmocka_unit_test(test_text_resolved_through_based_on),
      cmocka_unit_test(test_page_read),
      cmocka_unit_test(test_art_read),
      cmocka_unit_test(test_first_page_art_read),
      cmocka_unit_test(test_bad_picture_is_a_warning),
      cmocka_unit_test(test_bad_header_is_an_error),
      cmocka_unit_test(test_apply_to_builtin),
      cmocka_unit_test(test_writer_lays_out_house),
      cmocka_unit_test(test_writer_first_page_art),
      cmocka_unit_test(test_writer_builtin_page),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
