/* Unit tests: the DOCX and the ODT lay out alike. Each point as the exact
   XML its Markdown becomes in both formats (nested numbered lists, the
   bullets' indents, a picture as wide as the text, table cells), and the
   two built-in house styles compared style by style: the same faces,
   sizes, weights, colours, spacing, line heights, indents, keeps, and
   widow and orphan control in both. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "package.h"
#include "scrutineer.h"
#include "template.h"
#include "util.h"
#include "writer.h"
#include "files_fixture.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Markdown to body XML -------------------------------------------------
 */

/* `md` written to fragment.md in a scratch folder, with a 2400 x 600
   pixel PNG beside it as wide.png (only its header: the writers read no
   further). */
static char *scratch_fragment(const char *md) {
  static const unsigned char WIDE_PNG[] = {
      0x89, 'P',  'N',  'G',  '\r', '\n', 0x1a, '\n', 0x00, 0x00, 0x00,
      0x0d, 'I',  'H',  'D',  'R',  0x00, 0x00, 0x09, 0x60, 0x00, 0x00,
      0x02, 0x58, 0x08, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
  char *dir = scratch_dir("scr-alike");
  write_file(dir, "fragment.md", md);
  char *png = path_in(dir, "wide.png");
  FILE *f = fopen(png, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(WIDE_PNG, 1, sizeof WIDE_PNG, f), sizeof WIDE_PNG);
  fclose(f);
  free(png);
  return dir;
}

static void remove_fragment(char *dir) {
  static const char *const FILES[] = {"fragment.md", "wide.png"};
  for (size_t i = 0; i < sizeof FILES / sizeof FILES[0]; i++) {
    char *p = path_in(dir, FILES[i]);
    unlink(p);
    free(p);
  }
  rmdir(dir);
  free(dir);
}

/* The body XML `md` becomes in `format`, a wide picture beside it. Caller
   frees. */
static char *fragment(const char *md, enum scr_format format) {
  char *dir = scratch_fragment(md);
  char *path = path_in(dir, "fragment.md");
  char *xml = NULL;
  assert_int_equal(scr_render_fragment(path, format, &xml), SCR_OK);
  free(path);
  remove_fragment(dir);
  return xml;
}

static void expect_xml(const char *md, const char *docx, const char *odt) {
  char *got = fragment(md, SCR_FORMAT_DOCX);
  assert_string_equal(got, docx);
  free(got);
  got = fragment(md, SCR_FORMAT_ODT);
  assert_string_equal(got, odt);
  free(got);
}

/* ---- a document written through a writer, into a package ------------------
 */

typedef void (*draw_fn)(const scr_sink_ops *o, void *w);

/* The package `wc` makes of what `draw` writes. Caller frees. */
static scr_package *package_of(const scr_writer_class *wc, draw_fn draw) {
  static const scr_doc_info INFO = {.title = "Alike",
                                    .subject = "Alike",
                                    .creator = "scrutineer",
                                    .language = "en-GB",
                                    .footer = "Alike"};
  scr_template tpl = scr_template_builtin(wc->extension);
  void *w = wc->create(&tpl);
  assert_non_null(w);
  assert_int_equal(wc->ops->begin_document(w, &INFO), SCR_OK);
  draw(wc->ops, w);
  assert_int_equal(wc->ops->end_document(w), SCR_OK);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(wc->finish(w, pkg), SCR_OK);
  wc->destroy(w);
  return pkg;
}

static void expect_in_part(const scr_package *pkg, const char *name,
                           const char *needle) {
  size_t len = 0;
  const char *data = scr_package_get(pkg, name, &len);
  assert_non_null(data);
  char *xml = malloc(len + 1);
  assert_non_null(xml);
  memcpy(xml, data, len);
  xml[len] = '\0';
  if (!strstr(xml, needle))
    fail_msg("%s lacks %s", name, needle);
  free(xml);
}

static void list_item(const scr_sink_ops *o, void *w, const char *text) {
  assert_int_equal(o->begin_item(w), SCR_OK);
  assert_int_equal(o->begin_paragraph(w, SCR_PARA_LIST), SCR_OK);
  assert_int_equal(o->text(w, text, strlen(text), 0), SCR_OK);
  assert_int_equal(o->end_paragraph(w), SCR_OK);
}

/* A numbered list three deep and a bullet list. */
static void draw_lists(const scr_sink_ops *o, void *w) {
  for (int depth = 0; depth < 3; depth++) {
    assert_int_equal(o->begin_list(w, true, 1), SCR_OK);
    list_item(o, w, "item");
  }
  for (int depth = 0; depth < 3; depth++) {
    assert_int_equal(o->end_item(w), SCR_OK);
    assert_int_equal(o->end_list(w), SCR_OK);
  }
  assert_int_equal(o->begin_list(w, false, 1), SCR_OK);
  list_item(o, w, "bullet");
  assert_int_equal(o->end_item(w), SCR_OK);
  assert_int_equal(o->end_list(w), SCR_OK);
}

/* A table of one cell. */
static void draw_table(const scr_sink_ops *o, void *w) {
  assert_int_equal(o->begin_table(w, 1, NULL, NULL), SCR_OK);
  assert_int_equal(o->begin_row(w, false), SCR_OK);
  assert_int_equal(o->begin_cell(w), SCR_OK);
  assert_int_equal(o->end_cell(w), SCR_OK);
  assert_int_equal(o->end_row(w), SCR_OK);
  assert_int_equal(o->end_table(w), SCR_OK);
}

/* ---- lists ------------------------------------------------------------- */

#define DOCX_ITEM(ilvl, num, text)                                             \
  "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl "           \
  "w:val=\"" ilvl "\"/><w:numId w:val=\"" num                                  \
  "\"/></w:numPr></w:pPr><w:r><w:t "                                           \
  "xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
#define ODT_LIST(content)                                                      \
  "<text:list text:style-name=\"L_number\"><text:list-item "                   \
  "text:start-value=\"1\">" content "</text:list-item></text:list>"
#define ODT_ITEM(text)                                                         \
  "<text:p text:style-name=\"List_20_Paragraph\">" text "</text:p>"

/* Numbered lists nested three deep number 1. a. i. in both formats: each
   level's number format, and its text 0.635 cm right of the level above,
   the number hanging 0.635 cm before it. */
static void test_nested_numbered_lists_number_1_a_i(void **state) {
  (void)state;
  expect_xml("1. one\n   1. two\n      1. three\n",
             DOCX_ITEM("0", "1", "one") DOCX_ITEM("1", "2", "two")
                 DOCX_ITEM("2", "3", "three"),
             ODT_LIST(ODT_ITEM("one") ODT_LIST(
                 ODT_ITEM("two") ODT_LIST(ODT_ITEM("three")))));
  scr_package *docx = package_of(&scr_docx_writer, draw_lists);
  scr_package *odt = package_of(&scr_odt_writer, draw_lists);
  static const struct {
    const char *docx, *odt;
  } LEVELS[] = {
      {"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>",
       "<text:list-level-style-number text:level=\"1\" "
       "style:num-suffix=\".\" style:num-format=\"1\">"
       "<style:list-level-properties "
       "text:list-level-position-and-space-mode=\"label-alignment\">"
       "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
       "text:list-tab-stop-position=\"0.635cm\" fo:text-indent=\"-0.635cm\" "
       "fo:margin-left=\"0.635cm\"/>"},
      {"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>",
       "<text:list-level-style-number text:level=\"2\" "
       "style:num-suffix=\".\" style:num-format=\"a\">"
       "<style:list-level-properties "
       "text:list-level-position-and-space-mode=\"label-alignment\">"
       "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
       "text:list-tab-stop-position=\"1.27cm\" fo:text-indent=\"-0.635cm\" "
       "fo:margin-left=\"1.27cm\"/>"},
      {"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"%3.\"/>"
       "<w:lvlJc w:val=\"left\"/>"
       "<w:pPr><w:ind w:left=\"1080\" w:hanging=\"360\"/></w:pPr></w:lvl>",
       "<text:list-level-style-number text:level=\"3\" "
       "style:num-suffix=\".\" style:num-format=\"i\">"
       "<style:list-level-properties "
       "text:list-level-position-and-space-mode=\"label-alignment\">"
       "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
       "text:list-tab-stop-position=\"1.905cm\" fo:text-indent=\"-0.635cm\" "
       "fo:margin-left=\"1.905cm\"/>"},
      /* and round again */
      {"<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/>"
       "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%4.\"/>",
       "<text:list-level-style-number text:level=\"4\" "
       "style:num-suffix=\".\" style:num-format=\"1\">"},
  };
  for (size_t i = 0; i < sizeof LEVELS / sizeof LEVELS[0]; i++) {
    expect_in_part(docx, "word/numbering.xml", LEVELS[i].docx);
    expect_in_part(odt, "content.xml", LEVELS[i].odt);
  }
  scr_package_free(docx);
  scr_package_free(odt);
}

/* A bullet hangs where a number does: 0.635 cm before the item's text. */
static void test_bullets_hang_as_numbers_do(void **state) {
  (void)state;
  scr_package *docx = package_of(&scr_docx_writer, draw_lists);
  scr_package *odt = package_of(&scr_odt_writer, draw_lists);
  expect_in_part(docx, "word/numbering.xml",
                 "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                 "<w:numFmt w:val=\"bullet\"/>"
                 "<w:lvlText w:val=\"\xE2\x80\xA2\"/><w:lvlJc w:val=\"left\"/>"
                 "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>");
  expect_in_part(odt, "content.xml",
                 "<text:list-level-style-bullet text:level=\"1\" "
                 "text:bullet-char=\"\xE2\x80\xA2\">"
                 "<style:list-level-properties "
                 "text:list-level-position-and-space-mode=\"label-alignment\">"
                 "<style:list-level-label-alignment "
                 "text:label-followed-by=\"listtab\" "
                 "text:list-tab-stop-position=\"0.635cm\" "
                 "fo:text-indent=\"-0.635cm\" fo:margin-left=\"0.635cm\"/>");
  scr_package_free(docx);
  scr_package_free(odt);
}

/* ---- pictures ---------------------------------------------------------- */

/* A picture wider than the text is scaled to the text's 17 cm and sits
   on the left margin: no distance to the text around it in the DOCX,
   where LibreOffice would otherwise keep 0.32 cm at its left and push it
   past the right margin; the ODT's frame has none. */
static void test_picture_sits_at_the_margin(void **state) {
  (void)state;
  expect_xml(
      "![A wide chart](wide.png)\n",
      "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r><w:drawing>"
      "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
      "<wp:extent cx=\"6120000\" cy=\"1530000\"/>"
      "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"A wide chart\" "
      "title=\"A wide chart\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
      "noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic>"
      "<a:graphicData "
      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"Picture 1\" "
      "descr=\"A wide chart\" title=\"A wide chart\"/><pic:cNvPicPr/>"
      "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rId5\"/><a:stretch>"
      "<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
      "<a:off x=\"0\" y=\"0\"/><a:ext cx=\"6120000\" cy=\"1530000\"/>"
      "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
      "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
      "</w:drawing></w:r></w:p>",
      "<text:p text:style-name=\"Body_20_Text\"><draw:frame "
      "draw:style-name=\"fr_image\" draw:name=\"Image1\" "
      "text:anchor-type=\"as-char\" svg:width=\"17cm\" svg:height=\"4.25cm\" "
      "draw:z-index=\"0\"><draw:image xlink:href=\"Pictures/image1.png\" "
      "xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" "
      "draw:mime-type=\"image/png\"/><svg:title>A wide chart</svg:title>"
      "<svg:desc>A wide chart</svg:desc></draw:frame></text:p>");
}

/* ---- tables ------------------------------------------------------------ */

/* The same room inside every cell: 5.4 pt at the sides, 2 pt above and
   below (108 and 40 twips; the ODT's mm100 are read to those twips), and
   the columns in the same twips. */
/* The widths, in twips, each `prefix` in `xml` is followed by, in order. */
static int widths_after(const char *xml, const char *prefix, int *out,
                        int cap) {
  int n = 0;
  for (const char *at = strstr(xml, prefix); at && n < cap;
       at = strstr(at + 1, prefix))
    out[n++] = atoi(at + strlen(prefix));
  return n;
}

static void test_table_cells_have_the_same_padding(void **state) {
  (void)state;
  static const char *const MD =
      "| Measure | Target |\n|---|---|\n| Visits within a week | 90% |\n";
  char *docx = fragment(MD, SCR_FORMAT_DOCX);
  static const char DOCX_TABLE[] =
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
      "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
      "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
      "<w:left w:w=\"108\" w:type=\"dxa\"/>"
      "<w:bottom w:w=\"40\" w:type=\"dxa\"/>"
      "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
      "<w:tblGrid>";
  assert_memory_equal(docx, DOCX_TABLE, sizeof DOCX_TABLE - 1);
  char *odt = fragment(MD, SCR_FORMAT_ODT);
  int d[4], o[4];
  int nd = widths_after(docx, "<w:gridCol w:w=\"", d, 4);
  int no =
      widths_after(odt, "<table:table-column table:style-name=\"Col_", o, 4);
  assert_int_equal(nd, 2);
  assert_int_equal(no, 2);
  /* the text width, 9638 twips, shared alike */
  assert_int_equal(d[0] + d[1], 9638);
  assert_int_equal(o[0], d[0]);
  assert_int_equal(o[1], d[1]);
  free(docx);
  free(odt);
}

/* ---- the house styles, style by style ------------------------------------
 */

/* What a paragraph style gives its text, resolved through the styles it
   is based on and the defaults: sizes and lengths in points. */
typedef struct resolved {
  double size, before, after, line, left, right, first;
  bool bold, italic, keep_next, keep_lines, widows;
  char color[8]; /* "1f3864", lower case; "" for none */
} resolved;

typedef struct styles {
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
} styles;

static styles open_styles(const char *format) {
  scr_template t = scr_template_builtin(format);
  styles s;
  s.doc = xmlReadMemory((const char *)t.styles, (int)t.styles_len, "styles.xml",
                        NULL, XML_PARSE_NONET);
  assert_non_null(s.doc);
  s.ctx = xmlXPathNewContext(s.doc);
  xmlXPathRegisterNs(
      s.ctx, BAD_CAST "w",
      BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs(s.ctx, BAD_CAST "style",
                     BAD_CAST
                     "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  xmlXPathRegisterNs(
      s.ctx, BAD_CAST "fo",
      BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
  return s;
}

static void close_styles(styles *s) {
  xmlXPathFreeContext(s->ctx);
  xmlFreeDoc(s->doc);
}

/* The string value of `xpath` with one %s for a style name, or NULL
   when it matches nothing. Caller frees. */
static char *value(styles *s, const char *xpath, const char *name) {
  char *query = scr_asprintf(xpath, name);
  assert_non_null(query);
  char *xpath_string = scr_asprintf("string(%s)", query);
  assert_non_null(xpath_string);
  xmlXPathObjectPtr count =
      xmlXPathEvalExpression(BAD_CAST query, s->ctx); /* a node set */
  assert_non_null(count);
  bool found = count->nodesetval && count->nodesetval->nodeNr > 0;
  xmlXPathFreeObject(count);
  char *out = NULL;
  if (found) {
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath_string, s->ctx);
    assert_non_null(r);
    out = scr_strdup((const char *)r->stringval);
    xmlXPathFreeObject(r);
  }
  free(query);
  free(xpath_string);
  return out;
}

/* An ODF length or percentage: "6pt", "0.6cm", "-1cm", "115%" (a
   percentage as a fraction of one). */
static double odf_length(const char *v) {
  char *end = NULL;
  double n = strtod(v, &end);
  if (strcmp(end, "pt") == 0)
    return n;
  if (strcmp(end, "cm") == 0)
    return n * 72 / 2.54;
  if (strcmp(end, "mm") == 0)
    return n * 72 / 25.4;
  if (strcmp(end, "%") == 0)
    return n / 100;
  fail_msg("length %s", v);
  return 0;
}

static void lower_colour(char *out, const char *v) {
  size_t i = 0;
  for (; v && v[i] && i < 7; i++)
    out[i] = (char)(v[i] >= 'A' && v[i] <= 'F' ? v[i] - 'A' + 'a' : v[i]);
  out[i] = '\0';
}

/* The DOCX style with id `id`, resolved along w:basedOn to the
   document defaults. */
static resolved docx_style(styles *s, const char *id) {
  resolved r = {0};
  bool have[12] = {0};
  char *names[8] = {0};
  int n = 0;
  for (char *at = scr_strdup(id); at && n < 8; n++) {
    names[n] = at;
    at = value(s, "//w:style[@w:styleId='%s']/w:basedOn/@w:val", at);
  }
  for (int i = 0; i <= n; i++) {
    char *base = i < n ? scr_asprintf("//w:style[@w:styleId='%s']", names[i])
                       : scr_strdup("//w:docDefaults");
    assert_non_null(base);
    static const char *const P[] = {"//w:sz/@w:val",
                                    "//w:spacing/@w:before",
                                    "//w:spacing/@w:after",
                                    "//w:spacing/@w:line",
                                    "//w:ind/@w:left",
                                    "//w:ind/@w:right",
                                    "//w:ind/@w:hanging",
                                    "//w:b",
                                    "//w:i",
                                    "/w:pPr/w:keepNext",
                                    "/w:pPr/w:keepLines",
                                    "//w:color/@w:val"};
    for (int k = 0; k < 12; k++) {
      if (have[k])
        continue;
      char *q = scr_asprintf("%s%s", base, P[k]);
      assert_non_null(q);
      char *v = value(s, q, "");
      free(q);
      if (!v)
        continue;
      have[k] = true;
      double d = atof(v);
      switch (k) {
      case 0:
        r.size = d / 2;
        break;
      case 1:
        r.before = d / 20;
        break;
      case 2:
        r.after = d / 20;
        break;
      case 3:
        r.line = d / 240;
        break;
      case 4:
        r.left = d / 20;
        break;
      case 5:
        r.right = d / 20;
        break;
      case 6:
        r.first = -d / 20;
        break;
      case 7:
        r.bold = true;
        break;
      case 8:
        r.italic = true;
        break;
      case 9:
        r.keep_next = true;
        break;
      case 10:
        r.keep_lines = true;
        break;
      default:
        lower_colour(r.color, v);
        break;
      }
      free(v);
    }
    free(base);
  }
  char *widow =
      value(s, "//w:style[@w:styleId='Normal']/w:pPr/w:widowControl", "");
  r.widows = widow != NULL;
  free(widow);
  for (int i = 0; i < n; i++)
    free(names[i]);
  if (!have[3])
    r.line = 1;
  return r;
}

/* The ODT style `name`, resolved along style:parent-style-name to the
   default paragraph style. */
static resolved odt_style(styles *s, const char *name) {
  resolved r = {0};
  bool have[12] = {0};
  char *names[8] = {0};
  int n = 0;
  for (char *at = scr_strdup(name); at && n < 8; n++) {
    names[n] = at;
    at = value(s,
               "//style:style[@style:name='%s' and "
               "@style:family='paragraph']/@style:parent-style-name",
               at);
  }
  for (int i = 0; i <= n; i++) {
    char *base =
        i < n ? scr_asprintf("//style:style[@style:name='%s' and "
                             "@style:family='paragraph']",
                             names[i])
              : scr_strdup("//style:default-style[@style:family='paragraph']");
    assert_non_null(base);
    static const char *const P[] = {
        "/style:text-properties/@fo:font-size",
        "/style:paragraph-properties/@fo:margin-top",
        "/style:paragraph-properties/@fo:margin-bottom",
        "/style:paragraph-properties/@fo:line-height",
        "/style:paragraph-properties/@fo:margin-left",
        "/style:paragraph-properties/@fo:margin-right",
        "/style:paragraph-properties/@fo:text-indent",
        "/style:text-properties/@fo:font-weight",
        "/style:text-properties/@fo:font-style",
        "/style:paragraph-properties/@fo:keep-with-next",
        "/style:paragraph-properties/@fo:keep-together",
        "/style:text-properties/@fo:color"};
    for (int k = 0; k < 12; k++) {
      if (have[k])
        continue;
      char *q = scr_asprintf("%s%s", base, P[k]);
      assert_non_null(q);
      char *v = value(s, q, "");
      free(q);
      if (!v)
        continue;
      have[k] = true;
      switch (k) {
      case 0:
        r.size = odf_length(v);
        break;
      case 1:
        r.before = odf_length(v);
        break;
      case 2:
        r.after = odf_length(v);
        break;
      case 3:
        r.line = odf_length(v);
        break;
      case 4:
        r.left = odf_length(v);
        break;
      case 5:
        r.right = odf_length(v);
        break;
      case 6:
        r.first = odf_length(v);
        break;
      case 7:
        r.bold = strcmp(v, "bold") == 0;
        break;
      case 8:
        r.italic = strcmp(v, "italic") == 0;
        break;
      case 9:
        r.keep_next = strcmp(v, "always") == 0;
        break;
      case 10:
        r.keep_lines = strcmp(v, "always") == 0;
        break;
      default:
        lower_colour(r.color, v[0] == '#' ? v + 1 : v);
        break;
      }
      free(v);
    }
    free(base);
  }
  char *widows = value(s,
                       "//style:default-style[@style:family='paragraph']/"
                       "style:paragraph-properties[@fo:widows='2' and "
                       "@fo:orphans='2']",
                       "");
  r.widows = widows != NULL;
  free(widows);
  for (int i = 0; i < n; i++)
    free(names[i]);
  if (!have[3])
    r.line = 1;
  return r;
}

/* Lengths agree to a twip's rounding. */
static void expect_close(const char *style, const char *what, double docx,
                         double odt) {
  if (fabs(docx - odt) > 0.03)
    fail_msg("%s: %s is %g in the DOCX and %g in the ODT", style, what, docx,
             odt);
}

/* Every paragraph style a document uses, as each template names it, and
   the character of each in both: the same in every respect. */
static void test_styles_agree(void **state) {
  (void)state;
  static const char *const STYLES[][2] = {
      {"Normal", "Standard"},
      {"BodyText", "Body_20_Text"},
      {"Title", "Title"},
      {"Subtitle", "Subtitle"},
      {"Heading1", "Heading_20_1"},
      {"Heading2", "Heading_20_2"},
      {"Heading3", "Heading_20_3"},
      {"Heading4", "Heading_20_4"},
      {"Heading5", "Heading_20_5"},
      {"Heading6", "Heading_20_6"},
      {"ListParagraph", "List_20_Paragraph"},
      {"Quote", "Quote"},
      {"SourceCode", "Source_20_Code"},
      {"TableContents", "Table_20_Contents"},
      {"TableHeading", "Table_20_Heading"},
      {"FrontSheet", "Front_20_Sheet"},
      {"Note", "Note"},
      {"Signature", "Signature"},
      {"HorizontalLine", "Horizontal_20_Line"},
      {"Footer", "Footer"},
  };
  styles docx = open_styles("docx"), odt = open_styles("odt");
  for (size_t i = 0; i < sizeof STYLES / sizeof STYLES[0]; i++) {
    const char *name = STYLES[i][0];
    resolved d = docx_style(&docx, name), o = odt_style(&odt, STYLES[i][1]);
    expect_close(name, "the font size", d.size, o.size);
    expect_close(name, "the space before", d.before, o.before);
    expect_close(name, "the space after", d.after, o.after);
    expect_close(name, "the line height", d.line, o.line);
    expect_close(name, "the left indent", d.left, o.left);
    expect_close(name, "the right indent", d.right, o.right);
    expect_close(name, "the first line's indent", d.first, o.first);
    if (d.bold != o.bold || d.italic != o.italic)
      fail_msg("%s: bold %d italic %d in the DOCX, %d %d in the ODT", name,
               d.bold, d.italic, o.bold, o.italic);
    if (d.keep_next != o.keep_next || d.keep_lines != o.keep_lines)
      fail_msg("%s: kept with the next %d, together %d in the DOCX, "
               "%d %d in the ODT",
               name, d.keep_next, d.keep_lines, o.keep_next, o.keep_lines);
    if (strcmp(d.color, o.color) != 0)
      fail_msg("%s: colour '%s' in the DOCX, '%s' in the ODT", name, d.color,
               o.color);
    /* no line of a paragraph alone at the foot or head of a page */
    assert_true(d.widows);
    assert_true(o.widows);
  }
  close_styles(&docx);
  close_styles(&odt);
}

/* The front sheet's lines are bold in their labels only ("Date:"), which
   the writers make bold; the style itself is not. */
static void test_front_sheet_style_is_not_bold(void **state) {
  (void)state;
  styles docx = open_styles("docx"), odt = open_styles("odt");
  assert_false(docx_style(&docx, "FrontSheet").bold);
  assert_false(odt_style(&odt, "Front_20_Sheet").bold);
  close_styles(&docx);
  close_styles(&odt);
}

/* Widow and orphan control in both: Word's two lines in the DOCX's
   Normal, which every style is based on, and no style turning it off;
   fo:widows and fo:orphans of two in the ODT's default paragraph style. */
static void test_widow_and_orphan_control(void **state) {
  (void)state;
  styles docx = open_styles("docx"), odt = open_styles("odt");
  char *on = value(&docx,
                   "//w:style[@w:styleId='Normal']/w:pPr/w:widowControl"
                   "[not(@w:val)]%s",
                   "");
  assert_non_null(on);
  free(on);
  assert_null(
      value(&docx, "//w:widowControl[@w:val='0' or @w:val='false']%s", ""));
  char *odf = value(&odt,
                    "//style:default-style[@style:family='paragraph']/"
                    "style:paragraph-properties[@fo:widows='2' and "
                    "@fo:orphans='2']%s",
                    "");
  assert_non_null(odf);
  free(odf);
  assert_null(value(&odt,
                    "//style:style/style:paragraph-properties[@fo:widows or "
                    "@fo:orphans]%s",
                    ""));
  close_styles(&docx);
  close_styles(&odt);
}

/* The space between two paragraphs is the first's space after and the
   second's space before added, in the DOCX as LibreOffice lays out an
   ODT: Word's default takes the larger of the two. */
static void test_paragraph_spacing_adds_in_both(void **state) {
  (void)state;
  scr_package *docx = package_of(&scr_docx_writer, draw_table);
  expect_in_part(docx, "word/settings.xml",
                 "<w:compat><w:doNotUseHTMLParagraphAutoSpacing/>");
  scr_package_free(docx);
}

/* A house template was made for Word's own rule, the larger of the two
   spaces, and keeps it. */
static void test_house_template_keeps_words_spacing(void **state) {
  (void)state;
  scr_template builtin = scr_template_builtin("docx");
  unsigned char *copy = malloc(builtin.styles_len);
  assert_non_null(copy);
  memcpy(copy, builtin.styles, builtin.styles_len);
  /* a council's own styles part, even one alike the built-in */
  scr_template house = builtin;
  house.styles = copy;
  house.builtin_base = false;
  static const scr_doc_info INFO = {.title = "House", .footer = "House"};
  void *w = scr_docx_writer.create(&house);
  assert_non_null(w);
  assert_int_equal(scr_docx_writer.ops->begin_document(w, &INFO), SCR_OK);
  assert_int_equal(scr_docx_writer.ops->end_document(w), SCR_OK);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(scr_docx_writer.finish(w, pkg), SCR_OK);
  scr_docx_writer.destroy(w);
  expect_in_part(pkg, "word/settings.xml",
                 "<w:compat><w:compatSetting w:name=\"compatibilityMode\"");
  scr_package_free(pkg);
  free(copy);
}

/* The ODT's cells: the DOCX's margins as padding. */
static void test_odt_cell_padding(void **state) {
  (void)state;
  scr_package *odt = package_of(&scr_odt_writer, draw_table);
  expect_in_part(odt, "content.xml",
                 "<style:style style:name=\"Cell_top_left\" "
                 "style:family=\"table-cell\"><style:table-cell-properties "
                 "fo:padding-left=\"0.191cm\" fo:padding-right=\"0.191cm\" "
                 "fo:padding-top=\"0.071cm\" fo:padding-bottom=\"0.071cm\"");
  scr_package_free(odt);
}

/* ---- pages: footers and headers ------------------------------------------
 */

static void paragraph(const scr_sink_ops *o, void *w, const char *text) {
  assert_int_equal(o->begin_paragraph(w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(o->text(w, text, strlen(text), 0), SCR_OK);
  assert_int_equal(o->end_paragraph(w), SCR_OK);
}

/* Portrait, a table on a landscape page, portrait again. */
static void draw_landscape(const scr_sink_ops *o, void *w) {
  paragraph(o, w, "portrait");
  assert_int_equal(o->page_orientation(w, true), SCR_OK);
  draw_table(o, w);
  assert_int_equal(o->page_orientation(w, false), SCR_OK);
  paragraph(o, w, "portrait again");
}

/* A landscape page's footer spans its text width, "Page N" at its right
   margin: in the DOCX a footer part of its own, as the ODT's landscape
   master page has its own footer table. */
static void test_landscape_footer_spans_the_page(void **state) {
  (void)state;
  scr_package *docx = package_of(&scr_docx_writer, draw_landscape);
  expect_in_part(docx, "word/document.xml",
                 "<w:sectPr><w:footerReference w:type=\"default\" "
                 "r:id=\"rIdFooterLandscape\"/><w:pgSz w:w=\"16838\" "
                 "w:h=\"11906\" w:orient=\"landscape\"/>");
  /* 25.7 cm of text: the name's 13153 twips and the page number's 1417 */
  expect_in_part(docx, "word/footer2.xml",
                 "<w:tblW w:w=\"14570\" w:type=\"dxa\"/>");
  expect_in_part(docx, "word/footer2.xml",
                 "<w:tblGrid><w:gridCol w:w=\"13153\"/>"
                 "<w:gridCol w:w=\"1417\"/></w:tblGrid>");
  expect_in_part(docx, "word/footer1.xml",
                 "<w:tblGrid><w:gridCol w:w=\"8221\"/>"
                 "<w:gridCol w:w=\"1417\"/></w:tblGrid>");
  expect_in_part(docx, "word/_rels/document.xml.rels",
                 "<Relationship Id=\"rIdFooterLandscape\" "
                 "Type=\"http://schemas.openxmlformats.org/officeDocument/"
                 "2006/relationships/footer\" Target=\"footer2.xml\"/>");
  expect_in_part(docx, "[Content_Types].xml",
                 "<Override PartName=\"/word/footer2.xml\" "
                 "ContentType=\"application/vnd.openxmlformats-"
                 "officedocument.wordprocessingml.footer+xml\"/>");
  scr_package *odt = package_of(&scr_odt_writer, draw_landscape);
  expect_in_part(odt, "styles.xml",
                 "<style:style style:name=\"Footer_table_landscape\" "
                 "style:family=\"table\"><style:table-properties "
                 "style:width=\"25.7cm\" table:align=\"margins\"/>");
  scr_package_free(docx);
  scr_package_free(odt);
}

static void draw_section(const scr_sink_ops *o, void *w) {
  paragraph(o, w, "public");
  assert_int_equal(o->begin_section(w, "NOT FOR PUBLICATION"), SCR_OK);
  paragraph(o, w, "exempt");
}

/* A section's header sits 1 cm from the page's top in its 2 cm margin, as
   the DOCX's w:header says: the ODT's page is 1 cm from the top, and the
   header 1 cm high with the spacing to the body in it. */
static void test_header_sits_in_the_margin(void **state) {
  (void)state;
  scr_package *docx = package_of(&scr_docx_writer, draw_section);
  expect_in_part(docx, "word/document.xml",
                 "<w:pgMar w:top=\"1134\" w:right=\"1134\" "
                 "w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" "
                 "w:footer=\"567\" w:gutter=\"0\"/>");
  scr_package *odt = package_of(&scr_odt_writer, draw_section);
  expect_in_part(odt, "styles.xml",
                 "<style:page-layout style:name=\"Mpm_header\">"
                 "<style:page-layout-properties fo:page-width=\"21cm\" "
                 "fo:page-height=\"29.7cm\" "
                 "style:print-orientation=\"portrait\" "
                 "fo:margin-top=\"1cm\" fo:margin-bottom=\"1cm\" "
                 "fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
                 "<style:header-style><style:header-footer-properties "
                 "fo:min-height=\"1cm\" fo:margin-bottom=\"0.9cm\" "
                 "style:dynamic-spacing=\"true\"/></style:header-style>"
                 "<style:footer-style><style:header-footer-properties "
                 "fo:min-height=\"1cm\" fo:margin-top=\"0.9cm\" "
                 "style:dynamic-spacing=\"true\"/></style:footer-style>");
  scr_package_free(docx);
  scr_package_free(odt);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_nested_numbered_lists_number_1_a_i),
      cmocka_unit_test(test_bullets_hang_as_numbers_do),
      cmocka_unit_test(test_picture_sits_at_the_margin),
      cmocka_unit_test(test_table_cells_have_the_same_padding),
      cmocka_unit_test(test_odt_cell_padding),
      cmocka_unit_test(test_paragraph_spacing_adds_in_both),
      cmocka_unit_test(test_house_template_keeps_words_spacing),
      cmocka_unit_test(test_styles_agree),
      cmocka_unit_test(test_front_sheet_style_is_not_bold),
      cmocka_unit_test(test_widow_and_orphan_control),
      cmocka_unit_test(test_landscape_footer_spans_the_page),
      cmocka_unit_test(test_header_sits_in_the_margin),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
