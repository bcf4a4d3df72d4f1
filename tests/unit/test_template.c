/* Unit tests: house templates. This styles part in, exactly these styles
   and numbering out, and these warnings; the built-in style needs no
   repair; the roles are the styles the writers name; loading refuses what
   is not a text document's styles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "docx.h"
#include "house.h"
#include "odt.h"
#include "sink.h"
#include "template.h"
#include "template_styles.h"
#include "zip_fixture.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

/* ---- the repaired part, queried -------------------------------------------
 */

typedef struct repaired {
  scr_diags diags;
  unsigned char *out;
  size_t len;
  xmlDocPtr doc;
  xmlXPathContextPtr xp;
} repaired;

static void repair(repaired *r, const char *format, const char *styles) {
  memset(r, 0, sizeof *r);
  scr_diags_init(&r->diags);
  assert_int_equal(scr_template_repair(format, (const unsigned char *)styles,
                                       strlen(styles), "house", &r->diags,
                                       &r->out, &r->len),
                   SCR_OK);
  if (!r->out)
    return;
  /* well-formed, every prefix declared */
  xmlResetLastError();
  r->doc =
      xmlReadMemory((const char *)r->out, (int)r->len, "out", NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  assert_non_null(r->doc);
  const xmlError *e = xmlGetLastError();
  if (e)
    fail_msg("the repaired part: %s", e->message);
  r->xp = xmlXPathNewContext(r->doc);
  xmlXPathRegisterNs(r->xp, BAD_CAST "w", BAD_CAST W_NS);
  xmlXPathRegisterNs(r->xp, BAD_CAST "office", BAD_CAST NS_OFFICE);
  xmlXPathRegisterNs(r->xp, BAD_CAST "style", BAD_CAST NS_STYLE);
  xmlXPathRegisterNs(r->xp, BAD_CAST "text", BAD_CAST NS_TEXT);
  xmlXPathRegisterNs(r->xp, BAD_CAST "fo", BAD_CAST NS_FO);
}

static void repaired_free(repaired *r) {
  if (r->xp)
    xmlXPathFreeContext(r->xp);
  if (r->doc)
    xmlFreeDoc(r->doc);
  free(r->out);
  scr_diags_free(&r->diags);
}

/* The values `expr` selects, joined by spaces, into buf. */
static const char *values(repaired *r, const char *expr, char *buf,
                          size_t cap) {
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, r->xp);
  assert_non_null(o);
  size_t len = 0;
  buf[0] = '\0';
  for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr; i++) {
    xmlChar *v = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
    len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? " " : "",
                            v ? (const char *)v : "");
    xmlFree(v);
    assert_true(len < cap);
  }
  xmlXPathFreeObject(o);
  return buf;
}

static void expect_values(repaired *r, const char *expr, const char *want) {
  char buf[4096];
  const char *got = values(r, expr, buf, sizeof buf);
  if (strcmp(got, want) != 0)
    fail_msg("%s\n  got:  '%s'\n  want: '%s'", expr, got, want);
}

static double count(repaired *r, const char *expr) {
  char buf[512];
  snprintf(buf, sizeof buf, "count(%s)", expr);
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST buf, r->xp);
  assert_non_null(o);
  double n = o->floatval;
  xmlXPathFreeObject(o);
  return n;
}

/* The warning whose message starts with `start`, or fail. */
static const char *warning(const repaired *r, const char *start) {
  for (size_t i = 0; i < r->diags.count; i++)
    if (strncmp(r->diags.items[i].message, start, strlen(start)) == 0) {
      assert_int_equal(r->diags.items[i].severity, SCR_WARNING);
      assert_string_equal(r->diags.items[i].file, "house");
      return r->diags.items[i].message;
    }
  fail_msg("no warning starting '%s'", start);
  return NULL;
}

/* Whether `name` is a role's style id (DOCX) or name (ODT). */
static bool is_role(const char *format, const char *name) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  bool is = false;
  for (size_t i = 0; i < n && !is; i++) {
    char id[DOCX_STYLE_ID_MAX], *odt = NULL;
    if (strcmp(format, "docx") == 0)
      is = roles[i].docx && docx_style_id(roles[i].name, id, sizeof id) &&
           strcmp(id, name) == 0;
    else if (roles[i].odt && (odt = scr_odt_style_name(roles[i].name)))
      is = strcmp(odt, name) == 0;
    free(odt);
  }
  return is;
}

/* The styles `expr` selects are exactly `want`'s roles, in order, and
   styles of the built-in part (what a role's style is based on). */
static void expect_added(repaired *r, const char *format, const char *expr,
                         const char *want) {
  char buf[4096], roles[4096] = "";
  scr_template b = scr_template_builtin(format);
  size_t len = 0;
  char *save = NULL;
  for (char *name =
           strtok_r((char *)values(r, expr, buf, sizeof buf), " ", &save);
       name; name = strtok_r(NULL, " ", &save)) {
    char quoted[160];
    snprintf(quoted, sizeof quoted, "\"%s\"", name);
    if (is_role(format, name))
      len += (size_t)snprintf(roles + len, sizeof roles - len, "%s%s",
                              len ? " " : "", name);
    else if (!strstr((const char *)b.styles, quoted))
      fail_msg("%s is neither a role nor a built-in style", name);
  }
  if (strcmp(roles, want) != 0)
    fail_msg("added\n  got:  '%s'\n  want: '%s'", roles, want);
}

/* ---- the roles -------------------------------------------------------- */

static const tpl_role *role(const char *name) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  for (size_t i = 0; i < n; i++)
    if (strcmp(roles[i].name, name) == 0)
      return &roles[i];
  fail_msg("'%s' is not a role", name);
  return NULL;
}

/* Every style a writer names is a role: sink.h's, and the writers' own. */
static void test_roles_are_the_writers_styles(void **state) {
  (void)state;
  for (int i = 0; i < SCR_PARA_COUNT; i++)
    assert_int_equal(role(scr_style_name((scr_para_style)i))->family,
                     TPL_PARAGRAPH);
  for (int level = 1; level <= 6; level++)
    assert_int_equal(role(scr_heading_style_name(level))->family,
                     TPL_PARAGRAPH);
  assert_int_equal(role(SCR_STYLE_SOURCE_TEXT)->family, TPL_CHARACTER);
  assert_int_equal(role(SCR_STYLE_HYPERLINK)->family, TPL_CHARACTER);
  assert_true(role(DOCX_STYLE_FOOTER)->docx && role(ODT_STYLE_FOOTER)->odt);
  assert_true(role("Table Grid")->docx && !role("Table Grid")->odt);
  char id[DOCX_STYLE_ID_MAX];
  assert_true(docx_style_id("Table Grid", id, sizeof id));
  assert_string_equal(id, DOCX_STYLE_TABLE_GRID);
  assert_true(docx_style_id(SCR_STYLE_SOURCE_TEXT, id, sizeof id));
  assert_string_equal(id, DOCX_STYLE_SOURCE_TEXT);
  char *odt = scr_odt_style_name(SCR_STYLE_SOURCE_TEXT);
  assert_string_equal(odt, ODT_STYLE_SOURCE_TEXT);
  free(odt);
  /* Word's lower-case names and LibreOffice's older ones */
  assert_true(tpl_role_named(role("Heading 1"), "heading 1"));
  assert_true(tpl_role_named(role("Body Text"), "Text body"));
  assert_false(tpl_role_named(role("Body Text"), "Body Text 2"));
}

/* The built-in style is complete: loading it would change nothing. */
static void test_builtin_needs_no_repair(void **state) {
  (void)state;
  static const char *const FORMATS[] = {"docx", "odt"};
  for (size_t i = 0; i < 2; i++) {
    scr_template b = scr_template_builtin(FORMATS[i]);
    char *styles = malloc(b.styles_len + 1);
    assert_non_null(styles);
    memcpy(styles, b.styles, b.styles_len);
    styles[b.styles_len] = '\0';
    repaired r;
    repair(&r, FORMATS[i], styles);
    for (size_t k = 0; k < r.diags.count; k++)
      print_error("%s: %s\n", FORMATS[i], r.diags.items[k].message);
    assert_int_equal(r.diags.count, 0);
    assert_null(r.out);
    repaired_free(&r);
    free(styles);
  }
}

/* ---- DOCX ------------------------------------------------------------- */

/* word/styles.xml as LibreOffice saves a document with outline-numbered
   headings: Heading 1 numbered by list 1, its parent Heading by list 2,
   Body Text under the id TextBody, no default paragraph style, no table
   style. List Bullet's numbering is not the documents' concern, and
   Heading 3's numId 0 says "no numbering". */
static const char LO_DOCX[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"24\"/></w:rPr>"
    "</w:rPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading\">"
    "<w:name w:val=\"Heading\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"TextBody\"/><w:pPr><w:keepNext/><w:numPr>"
    "<w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
    "<w:name w:val=\"heading 1\"/><w:next w:val=\"TextBody\"/><w:pPr>"
    "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
    "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:color w:val=\"006600\"/>"
    "</w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
    "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Heading\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\">"
    "<w:name w:val=\"heading 3\"/><w:pPr><w:numPr><w:numId w:val=\"0\"/>"
    "</w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TextBody\">"
    "<w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:rPr><w:rFonts w:ascii=\"Liberation Serif\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\">"
    "<w:name w:val=\"List Bullet\"/><w:pPr><w:numPr><w:numId w:val=\"3\"/>"
    "</w:numPr></w:pPr></w:style>"
    "</w:styles>";

/* Every w:basedOn, w:next and w:link names a style of the part. */
static void expect_references_resolve(repaired *r) {
  assert_int_equal(count(r,
                         "//w:style/*[self::w:basedOn or self::w:next or "
                         "self::w:link][not(@w:val = //w:style/@w:styleId)]"),
                   0);
}

/* Every style the DOCX writer names is there, once. */
static void expect_docx_roles(repaired *r) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  for (size_t i = 0; i < n; i++) {
    char id[DOCX_STYLE_ID_MAX], expr[128];
    if (!roles[i].docx)
      continue;
    assert_true(docx_style_id(roles[i].name, id, sizeof id));
    snprintf(expr, sizeof expr, "//w:style[@w:styleId='%s']", id);
    if (count(r, expr) != 1)
      fail_msg("%s: %g styles", id, count(r, expr));
  }
}

static void test_docx_libreoffice_template(void **state) {
  (void)state;
  repaired r;
  repair(&r, "docx", LO_DOCX);
  assert_non_null(r.out);
  /* the template's own styles, in order, Body Text under the writer's id */
  expect_values(&r, "//w:style[position() <= 7]/@w:styleId",
                "Normal Heading Heading1 Heading2 Heading3 BodyText "
                "ListBullet");
  expect_values(&r, "//w:style[@w:styleId='BodyText']/w:name/@w:val",
                "Body Text");
  expect_values(&r, "//w:style[position() <= 7]/w:next/@w:val",
                "BodyText BodyText");
  /* numbering: gone from Heading 1 and from Heading, which Heading 2 is
     based on; numId 0 and a style the documents do not use keep theirs */
  expect_values(&r, "//w:style[w:pPr/w:numPr]/@w:styleId",
                "Heading3 ListBullet");
  assert_int_equal(count(&r, "//w:style[@w:styleId='Heading1']/w:pPr/*"), 1);
  assert_int_equal(
      count(&r, "//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl"), 1);
  assert_int_equal(
      count(&r, "//w:style[@w:styleId='Heading']/w:pPr/w:keepNext"), 1);
  expect_values(&r, "//w:style[@w:type='paragraph'][@w:default='1']/@w:styleId",
                "Normal");
  /* added from the built-in style: exactly the roles the template lacks,
     in the order of the role table, and what they are based on */
  expect_added(&r, "docx", "//w:style[position() > 7]/@w:styleId",
               "Title Subtitle ListParagraph Quote SourceCode TableHeading "
               "TableContents FrontSheet Note Signature HorizontalLine "
               "Heading4 Heading5 Heading6 Footer SourceText Hyperlink "
               "TableGrid");
  expect_docx_roles(&r);
  expect_references_resolve(&r);
  assert_int_equal(
      count(&r, "//w:style[@w:styleId='TableGrid']/w:tblPr/w:tblBorders"), 1);
  /* the template's own look is kept */
  expect_values(&r, "//w:style[@w:styleId='Heading1']//w:color/@w:val",
                "006600");

  assert_int_equal(r.diags.count, 4);
  assert_int_equal(r.diags.errors, 0);
  assert_string_equal(
      warning(&r, "word/styles.xml gives"),
      "word/styles.xml gives list numbering to styles the documents use "
      "(heading 1, Heading): it is removed, so that no heading or paragraph "
      "shows a bullet or number of the template's lists");
  assert_string_equal(warning(&r, "word/styles.xml names"),
                      "word/styles.xml names styles otherwise: used under the "
                      "documents' names (TextBody as Body Text)");
  assert_string_equal(warning(&r, "word/styles.xml marks"),
                      "word/styles.xml marks no default paragraph style: "
                      "Normal is made the default");
  const char *added = warning(&r, "word/styles.xml lacks");
  assert_non_null(strstr(added, "(Title, Subtitle, List Paragraph, Quote, "));
  assert_non_null(strstr(added, "Table Grid"));
  assert_null(strstr(added, "Body Text"));
  repaired_free(&r);
}

/* No Normal and no default: the built-in's default paragraph style comes
   with the styles based on it; a template's own default is kept as the
   one default, and what is copied is based on it. */
static void test_docx_default_paragraph_style(void **state) {
  (void)state;
  repaired r;
  repair(&r, "docx",
         "<w:styles xmlns:w=\"" W_NS "\"><w:style w:type=\"paragraph\" "
         "w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
         "</w:styles>");
  expect_values(&r, "//w:style[@w:type='paragraph'][@w:default='1']/@w:styleId",
                "Normal");
  assert_string_equal(warning(&r, "word/styles.xml marks"),
                      "word/styles.xml marks no default paragraph style: the "
                      "built-in Normal is added as the default");
  expect_docx_roles(&r);
  expect_references_resolve(&r);
  repaired_free(&r);

  repair(&r, "docx",
         "<w:styles xmlns:w=\"" W_NS "\"><w:style w:type=\"paragraph\" "
         "w:default=\"true\" w:styleId=\"Standard\"><w:name "
         "w:val=\"Standard\"/></w:style><w:style w:type=\"table\" "
         "w:default=\"1\" w:styleId=\"Plain\"><w:name w:val=\"Plain\"/>"
         "</w:style></w:styles>");
  expect_values(&r, "//w:style[@w:type='paragraph'][@w:default]/@w:styleId",
                "Standard");
  expect_values(&r, "//w:style[@w:type='table'][@w:default]/@w:styleId",
                "Plain");
  assert_int_equal(count(&r, "//w:style[@w:styleId='Normal']"), 0);
  assert_int_equal(count(&r, "//w:basedOn[@w:val='Normal']"), 0);
  expect_docx_roles(&r);
  expect_references_resolve(&r);
  for (size_t i = 0; i < r.diags.count; i++)
    assert_null(strstr(r.diags.items[i].message, "default paragraph"));
  repaired_free(&r);
}

/* ---- ODT ---------------------------------------------------------------- */

/* styles.xml as LibreOffice 7.4 saves a document with Tools > Heading
   Numbering set for three levels: "Text body", a list style on Heading 2,
   and no default paragraph properties. */
static const char LO_ODT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-styles xmlns:office=\"" NS_OFFICE
    "\" xmlns:style=\"" NS_STYLE "\" xmlns:text=\"" NS_TEXT
    "\" xmlns:fo=\"" NS_FO
    "\" xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:"
    "xmlns:loext:1.0\" office:version=\"1.3\">"
    "<office:font-face-decls><style:font-face style:name=\"Liberation Serif\" "
    "svg:font-family=\"'Liberation Serif'\" xmlns:svg=\"urn:oasis:names:tc:"
    "opendocument:xmlns:svg-compatible:1.0\"/></office:font-face-decls>"
    "<office:styles>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\" "
    "style:class=\"text\"/>"
    "<style:style style:name=\"Heading\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" "
    "style:next-style-name=\"Text_20_body\"/>"
    "<style:style style:name=\"Text_20_body\" style:display-name=\"Text "
    "body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:text-properties style:font-name=\"Liberation Serif\"/>"
    "</style:style>"
    "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading "
    "1\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
    "style:next-style-name=\"Text_20_body\" "
    "style:default-outline-level=\"1\"><style:text-properties "
    "fo:color=\"#006600\"/></style:style>"
    "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading "
    "2\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
    "style:list-style-name=\"Numbering_20_123\" "
    "style:default-outline-level=\"2\"/>"
    "<text:list-style style:name=\"Numbering_20_123\" "
    "style:display-name=\"Numbering 123\"><text:list-level-style-number "
    "text:level=\"1\" style:num-format=\"1\"/></text:list-style>"
    "<text:outline-style style:name=\"Outline\">"
    "<text:outline-level-style text:level=\"1\" "
    "loext:num-list-format=\"%1%.\" style:num-suffix=\".\" "
    "style:num-format=\"1\"/>"
    "<text:outline-level-style text:level=\"2\" style:num-suffix=\".\" "
    "style:num-format=\"1\" text:display-levels=\"2\"/>"
    "<text:outline-level-style text:level=\"3\" style:num-prefix=\"(\" "
    "style:num-format=\"a\"/>"
    "<text:outline-level-style text:level=\"4\" style:num-format=\"\"/>"
    "</text:outline-style>"
    "</office:styles></office:document-styles>";

/* Every style the ODT writer names is there, once, of its family. */
static void expect_odt_roles(repaired *r) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  for (size_t i = 0; i < n; i++) {
    if (!roles[i].odt)
      continue;
    char *name = scr_odt_style_name(roles[i].name), expr[160];
    snprintf(expr, sizeof expr,
             "//office:styles/style:style[@style:name='%s'][@style:family="
             "'%s']",
             name, roles[i].family == TPL_CHARACTER ? "text" : "paragraph");
    if (count(r, expr) != 1)
      fail_msg("%s: %g styles", name, count(r, expr));
    free(name);
  }
}

static void test_odt_libreoffice_template(void **state) {
  (void)state;
  repaired r;
  repair(&r, "odt", LO_ODT);
  assert_non_null(r.out);
  /* the default paragraph properties first, then the template's styles */
  expect_values(&r, "//office:styles/*[1]/@style:family", "paragraph");
  assert_int_equal(count(&r, "//office:styles/style:default-style"), 1);
  expect_values(&r, "//office:styles/style:style[position() <= 5]/@style:name",
                "Standard Heading Body_20_Text Heading_20_1 Heading_20_2");
  expect_values(&r,
                "//style:style[@style:name='Body_20_Text']/@style:display-name",
                "Text body");
  expect_values(&r, "//style:style[position() <= 5]/@style:next-style-name",
                "Body_20_Text Body_20_Text");
  assert_int_equal(count(&r, "//@*[. = 'Text_20_body']"), 0);
  /* numbering: the outline's numbers and Heading 2's list style go; the
     list style itself and the outline stay */
  assert_int_equal(count(&r, "//style:style/@style:list-style-name"), 0);
  assert_int_equal(count(&r, "//text:list-style[@style:name="
                             "'Numbering_20_123']"),
                   1);
  expect_values(&r, "//text:outline-level-style/@text:level", "1 2 3 4");
  expect_values(&r, "//text:outline-level-style/@style:num-format", "   ");
  assert_int_equal(count(&r, "//text:outline-level-style/@*[local-name() != "
                             "'level' and local-name() != 'num-format']"),
                   0);
  /* added: the roles the template lacks, with the fonts they name */
  expect_added(&r, "odt",
               "//office:styles/style:style[position() > 5]/@style:name",
               "Title Subtitle List_20_Paragraph Quote Source_20_Code "
               "Table_20_Heading Table_20_Contents Front_20_Sheet Note "
               "Signature Horizontal_20_Line Heading_20_3 Heading_20_4 "
               "Heading_20_5 Heading_20_6 Footer Source_20_Text Hyperlink");
  expect_odt_roles(&r);
  assert_int_equal(
      count(&r, "//@style:font-name[not(. = //style:font-face/@style:name)]"),
      0);
  assert_int_equal(count(&r, "//style:style/@style:parent-style-name[not(. = "
                             "//style:style/@style:name)]"),
                   0);
  assert_int_equal(count(&r, "//style:style/@style:next-style-name[not(. = "
                             "//style:style/@style:name)]"),
                   0);
  expect_values(&r, "//style:style[@style:name='Heading_20_1']//@fo:color",
                "#006600");

  assert_int_equal(r.diags.count, 5);
  assert_string_equal(warning(&r, "styles.xml numbers"),
                      "styles.xml numbers the headings (outline levels 1, 2, "
                      "3): the numbers are removed, as the documents number "
                      "their items in the text");
  assert_string_equal(
      warning(&r, "styles.xml gives"),
      "styles.xml gives list numbering to styles the documents use (Heading "
      "2): it is removed, so that no heading or paragraph shows a bullet or "
      "number of the template's lists");
  assert_string_equal(warning(&r, "styles.xml names"),
                      "styles.xml names styles otherwise: used under the "
                      "documents' names (Text body as Body Text)");
  assert_string_equal(warning(&r, "styles.xml marks"),
                      "styles.xml marks no default paragraph style: the "
                      "built-in Default Paragraph Style is added as the "
                      "default");
  assert_non_null(
      strstr(warning(&r, "styles.xml lacks"), "(Title, Subtitle, "));
  repaired_free(&r);
}

/* A name two of the template's styles share cannot be moved safely: the
   role's style is added instead, and the template's are left alone. A
   name alone is taken, as LibreOffice shows it. */
static void test_odt_shared_name_is_not_taken(void **state) {
  (void)state;
  repaired r;
  repair(&r, "odt",
         "<office:document-styles xmlns:office=\"" NS_OFFICE
         "\" xmlns:style=\"" NS_STYLE "\"><office:styles>"
         "<style:default-style style:family=\"paragraph\"/>"
         "<style:style style:name=\"Text_20_body\" style:family=\"paragraph\"/>"
         "<style:style style:name=\"Text_20_body\" style:family=\"text\"/>"
         "</office:styles></office:document-styles>");
  assert_int_equal(count(&r, "//style:style[@style:name='Text_20_body']"), 2);
  expect_odt_roles(&r);
  for (size_t i = 0; i < r.diags.count; i++)
    assert_null(strstr(r.diags.items[i].message, "names styles otherwise"));
  repaired_free(&r);

  /* alone, and with no display-name: its name decoded is what it shows */
  repair(&r, "odt",
         "<office:document-styles xmlns:office=\"" NS_OFFICE
         "\" xmlns:style=\"" NS_STYLE "\"><office:styles>"
         "<style:default-style style:family=\"paragraph\"/>"
         "<style:style style:name=\"Text_20_body\" style:family=\"paragraph\"/>"
         "<style:style style:name=\"Internet_20_link\" style:family=\"text\"/>"
         "</office:styles></office:document-styles>");
  expect_values(&r, "//office:styles/style:style[position() <= 2]/@style:name",
                "Body_20_Text Hyperlink");
  expect_values(
      &r, "//office:styles/style:style[position() <= 2]/@style:display-name",
      "Text body Internet link");
  assert_string_equal(warning(&r, "styles.xml names"),
                      "styles.xml names styles otherwise: used under the "
                      "documents' names (Text body as Body Text, Internet "
                      "link as Hyperlink)");
  repaired_free(&r);
}

/* ---- what a template serves ---------------------------------------------- */

static void test_formats(void **state) {
  (void)state;
  assert_string_equal(scr_template_format_of("a/house.docx"), "docx");
  assert_string_equal(scr_template_format_of("house.odt"), "odt");
  assert_null(scr_template_format_of("house.pdf"));
  assert_null(scr_template_format_of("docx"));
  /* either kind styles every document format */
  unsigned all = SCR_FORMAT_DOCX | SCR_FORMAT_ODT | SCR_FORMAT_PDF;
  assert_int_equal(scr_template_serves("docx"), all);
  assert_int_equal(scr_template_serves("odt"), all);
  assert_int_equal(scr_template_serves(NULL), 0);
  assert_string_equal(scr_template_format_label("odt"), "ODT");
}

/* ---- loading --------------------------------------------------------------
 */

/* A zip at `path` of (name, text) pairs, NULL-terminated. */
static void write_zip(const char *path, const char *const *parts) {
  zip_part members[16];
  size_t n = 0;
  for (; parts[0]; parts += 2) {
    assert_true(n < sizeof members / sizeof *members);
    members[n++] = (zip_part){parts[0], parts[1], 0};
  }
  write_zip_parts(path, members, n);
}

/* The one error loading `parts` as `name` gives, or NULL when it loads. */
static char *load_error(const char *name, const char *const *parts,
                        scr_template *tpl) {
  char *path = temp_path(name);
  write_zip(path, parts);
  scr_diags d;
  scr_diags_init(&d);
  scr_error err = scr_template_load(path, tpl, &d);
  char *msg = NULL;
  if (err) {
    assert_int_equal(err, SCR_E_TEMPLATE);
    assert_int_equal(d.errors, 1);
    for (size_t i = 0; i < d.count; i++)
      if (d.items[i].severity == SCR_ERROR)
        msg = strdup(d.items[i].message);
    assert_null(tpl->styles);
  }
  scr_diags_free(&d);
  remove_temp(path);
  return msg;
}

static void test_load(void **state) {
  (void)state;
  scr_template tpl;
  /* a spreadsheet saved as .odt has a styles.xml, but is no text */
  const char *const sheet[] = {"mimetype",
                               "application/vnd.oasis.opendocument.spreadsheet",
                               "styles.xml", LO_ODT, NULL};
  char *msg = load_error("sheet.odt", sheet, &tpl);
  assert_string_equal(msg, "template's mimetype is "
                           "'application/vnd.oasis.opendocument.spreadsheet', "
                           "not an OpenDocument text's "
                           "(application/vnd.oasis.opendocument.text)");
  free(msg);
  /* a prefix of ours bound elsewhere: the writer could not declare it */
  const char *const rebound[] = {
      "styles.xml",
      "<office:document-styles xmlns:office=\"" NS_OFFICE
      "\" xmlns:style=\"" NS_STYLE "\" xmlns:text=\"urn:other\">"
      "<office:styles><style:style style:name=\"x\" "
      "style:family=\"paragraph\"/></office:styles></office:document-styles>",
      NULL};
  msg = load_error("rebound.odt", rebound, &tpl);
  assert_non_null(msg);
  assert_non_null(strstr(msg, "styles.xml binds a prefix OpenDocument uses"));
  free(msg);
  /* a LibreOffice template loads repaired, with its file's digest */
  const char *const lo[] = {"mimetype",
                            "application/vnd.oasis.opendocument.text",
                            "styles.xml", LO_ODT, NULL};
  assert_null(load_error("house.odt", lo, &tpl));
  assert_string_equal(tpl.format, "odt");
  assert_non_null(strstr((const char *)tpl.styles, "Body_20_Text"));
  assert_null(strstr((const char *)tpl.styles, "Text_20_body"));
  assert_int_equal(strlen(tpl.digest), SCR_DIGEST_HEX - 1);
  scr_template_free(&tpl);
  const char *const docx[] = {"word/styles.xml", LO_DOCX, NULL};
  assert_null(load_error("house.docx", docx, &tpl));
  assert_non_null(strstr((const char *)tpl.styles, "w:styleId=\"TableGrid\""));
  scr_template_free(&tpl);
}

/* Each writer's view of a template: its own format's styles part as
   loaded, the other's the built-in one carrying the house; the house the
   same either way. */
static void test_views(void **state) {
  (void)state;
  scr_template none = scr_template_view(NULL, "odt");
  assert_true(scr_template_is_builtin(&none));
  assert_ptr_equal(none.house, scr_house_builtin());
  assert_ptr_equal(none.styles, scr_template_builtin("odt").styles);
  scr_template tpl;
  const char *const docx[] = {"word/styles.xml", LO_DOCX, NULL};
  assert_null(load_error("house.docx", docx, &tpl));
  scr_template own = scr_template_view(&tpl, "docx");
  scr_template other = scr_template_view(&tpl, "odt");
  assert_false(scr_template_is_builtin(&own));
  assert_ptr_equal(own.styles, tpl.styles);
  assert_true(scr_template_is_builtin(&other));
  assert_ptr_equal(other.styles, tpl.derived);
  assert_string_equal(other.format, "odt");
  assert_ptr_equal(own.house, tpl.house);
  assert_ptr_equal(other.house, tpl.house);
  assert_string_equal(other.digest, tpl.digest);
  scr_template_free(&tpl);
}

/* A Word template's house style reaches the ODT: its heading colour, its
   body font, its margins (2.5 cm) and its header's logo. */
static void test_docx_house_reaches_the_odt(void **state) {
  (void)state;
  static const char DOCUMENT[] =
      "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p/><w:sectPr>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" "
      "w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" "
      "w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
      "</w:body></w:document>";
  const char *const docx[] = {"word/styles.xml", LO_DOCX, "word/document.xml",
                              DOCUMENT, NULL};
  scr_template tpl;
  assert_null(load_error("house.docx", docx, &tpl));
  assert_int_equal(tpl.house->page.left, 1417);
  assert_int_equal(tpl.house->page.header, 708);
  assert_string_equal(tpl.house->text[SCR_HOUSE_HEADING1].colour, "006600");
  assert_string_equal(tpl.house->text[SCR_HOUSE_BODY_TEXT].font,
                      "Liberation Serif");
  scr_template odt = scr_template_view(&tpl, "odt");
  char *styles = strndup((const char *)odt.styles, odt.styles_len);
  assert_non_null(styles);
  for (char *c = styles; *c; c++)
    *c = (char)tolower((unsigned char)*c);
  assert_non_null(strstr(styles, "#006600"));
  assert_non_null(strstr(styles, "liberation serif"));
  free(styles);
  scr_template_free(&tpl);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_roles_are_the_writers_styles),
      cmocka_unit_test(test_builtin_needs_no_repair),
      cmocka_unit_test(test_docx_libreoffice_template),
      cmocka_unit_test(test_docx_default_paragraph_style),
      cmocka_unit_test(test_odt_libreoffice_template),
      cmocka_unit_test(test_odt_shared_name_is_not_taken),
      cmocka_unit_test(test_formats),
      cmocka_unit_test(test_load),
      cmocka_unit_test(test_views),
      cmocka_unit_test(test_docx_house_reaches_the_odt),
  };
  int rc = cmocka_run_group_tests_name("template", tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
