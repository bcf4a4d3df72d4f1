/*
 * styles.xml: office:document-styles. The named styles and fonts come from
 * the template (the built-in templates/odt/styles.xml or a council's own
 * .odt); this writer adds the page of the house style (house.h), and a
 * footer on every page with the document's name and "Page N".
 *
 * The template is parsed with libxml2 with no network access, no entity
 * expansion and no DTD loading; a template carrying a DTD is refused, since
 * its entity references could not be copied into a document without one.
 */
#include "odt.h"

#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Prefixes declared on office:document-styles. */
static const char *const STYLES_NS[] = {
    "office", "style", "text", "table",  "draw", "fo",
    "xlink",  "dc",    "meta", "number", "svg",  NULL,
};

#define FOOTER_PAGE_LABEL "Page "
/* Shown until the application numbers the pages. */
#define FOOTER_PAGE_CACHED "1"
/* The footer is a table of one row, its name in one cell, "Page N" in the
   other: a long name wraps in its own cell, and the page number stays on
   the footer's first line whatever the house style's font. */
#define FOOTER_TABLE "Footer_table"
#define FOOTER_TABLE_LANDSCAPE "Footer_table_landscape"
#define FOOTER_NAME_COLUMN "Footer_name"
#define FOOTER_NAME_COLUMN_LANDSCAPE "Footer_name_landscape"
#define FOOTER_PAGE_COLUMN "Footer_number"
#define FOOTER_CELL "Footer_cell"
#define FOOTER_PAGE_WIDTH 2500 /* "Page 9999" in up to 12pt */
/* The paragraph closing the footer, 1 pt high: the one Word needs after
   the DOCX's footer table, so that the footers stand alike. */
#define FOOTER_END "Footer_end"
#define FOOTER_END_HEIGHT "1pt"

/* ---- the template ---------------------------------------------------- */

static bool is_elem(xmlNodePtr n, const char *prefix, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->name, local) == 0 &&
         strcmp((const char *)n->ns->href, scr_odt_ns_uri(prefix)) == 0;
}

static xmlNodePtr child_elem(xmlNodePtr parent, const char *prefix,
                             const char *local) {
  for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
    if (is_elem(n, prefix, local))
      return n;
  return NULL;
}

/* The elements whose namespace declarations the copies rely on. */
static void scope_nodes(const odt_tpl *t, xmlNodePtr nodes[3]) {
  nodes[0] = t->doc ? xmlDocGetRootElement(t->doc) : NULL;
  nodes[1] = t->font_decls;
  nodes[2] = t->styles;
}

/* The template may use any prefixes, but one of ours bound to another
   namespace, or one prefix bound twice, cannot be declared on our root. */
static bool namespaces_ok(const odt_tpl *t) {
  xmlNodePtr nodes[3];
  scope_nodes(t, nodes);
  for (int i = 0; i < 3; i++)
    for (xmlNsPtr ns = nodes[i] ? nodes[i]->nsDef : NULL; ns; ns = ns->next) {
      const char *prefix = (const char *)ns->prefix;
      const char *ours = prefix ? scr_odt_ns_uri(prefix) : NULL;
      if (ours && strcmp(ours, (const char *)ns->href) != 0)
        return false;
      for (int j = 0; j <= i; j++)
        for (xmlNsPtr o = nodes[j] ? nodes[j]->nsDef : NULL; o && o != ns;
             o = o->next)
          if (xmlStrEqual(o->prefix, ns->prefix) &&
              !xmlStrEqual(o->href, ns->href))
            return false;
    }
  return true;
}

/* The XSL-FO namespace as bound at `at`, declared there when it is not.
   The template may bind the prefix "fo" to something else in scope; a
   second "fo" there would make its own fo: attributes ours and so
   repeat them, so a prefix free in scope is taken. */
static xmlNsPtr fo_namespace(xmlDocPtr doc, xmlNodePtr at) {
  enum { PREFIX_TRIES = 100 };
  const xmlChar *uri = BAD_CAST scr_odt_ns_uri("fo");
  xmlNsPtr ns = xmlSearchNsByHref(doc, at, uri);
  char prefix[16] = "fo";
  for (int i = 1; !ns && xmlSearchNs(doc, at, BAD_CAST prefix); i++) {
    if (i == PREFIX_TRIES)
      return NULL;
    snprintf(prefix, sizeof prefix, "fo%d", i);
  }
  return ns ? ns : xmlNewNs(at, uri, BAD_CAST prefix);
}

/* fo:language and fo:country of the default paragraph style, from a BCP 47
   tag: "en-GB" gives "en" and "GB". The region is the first later subtag
   of two letters or three digits. */
static void set_language(odt_tpl *t, const char *language) {
  enum { TAG_MAX = 64 };
  if (!t->styles || !scr_odt_language_ok(language) ||
      strlen(language) >= TAG_MAX)
    return;
  xmlNodePtr def = NULL;
  for (xmlNodePtr n = t->styles->children; n && !def; n = n->next)
    if (is_elem(n, "style", "default-style")) {
      xmlChar *family =
          xmlGetNsProp(n, BAD_CAST "family", BAD_CAST scr_odt_ns_uri("style"));
      if (family && xmlStrEqual(family, BAD_CAST "paragraph"))
        def = n;
      xmlFree(family);
    }
  if (!def)
    return;
  xmlNodePtr props = child_elem(def, "style", "text-properties");
  if (!props)
    props = xmlNewChild(def, def->ns, BAD_CAST "text-properties", NULL);
  if (!props)
    return;
  xmlNsPtr fo = fo_namespace(t->doc, props);
  if (!fo)
    return;

  char tag[TAG_MAX];
  strcpy(tag, language);
  char *save = NULL;
  char *lang = strtok_r(tag, "-", &save), *region = NULL;
  for (char *sub = strtok_r(NULL, "-", &save); sub && !region;
       sub = strtok_r(NULL, "-", &save)) {
    size_t n = strlen(sub);
    bool digits = n == 3 && strspn(sub, "0123456789") == 3;
    if ((n == 2 && strspn(sub, "0123456789") == 0) || digits)
      region = sub;
  }
  xmlSetNsProp(props, fo, BAD_CAST "language", BAD_CAST lang);
  if (region)
    xmlSetNsProp(props, fo, BAD_CAST "country", BAD_CAST region);
  else
    xmlUnsetNsProp(props, fo, BAD_CAST "country");
}

scr_error scr_odt_tpl_open(const scr_template *tpl, const char *language,
                           odt_tpl *t) {
  *t = (odt_tpl){0};
  if (!tpl || !tpl->styles || tpl->styles_len == 0 ||
      tpl->styles_len > (size_t)INT_MAX)
    return SCR_E_TEMPLATE;
  t->doc = xmlReadMemory(
      (const char *)tpl->styles, (int)tpl->styles_len, "styles.xml", NULL,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!t->doc)
    return SCR_E_TEMPLATE;
  xmlNodePtr root = xmlDocGetRootElement(t->doc);
  if (t->doc->intSubset || t->doc->extSubset ||
      !(is_elem(root, "office", "document-styles") ||
        is_elem(root, "office", "document"))) {
    scr_odt_tpl_close(t);
    return SCR_E_TEMPLATE;
  }
  t->house = tpl->house ? tpl->house : scr_house_builtin();
  t->font_decls = child_elem(root, "office", "font-face-decls");
  t->styles = child_elem(root, "office", "styles");
  if (!namespaces_ok(t)) {
    scr_odt_tpl_close(t);
    return SCR_E_TEMPLATE;
  }
  set_language(t, language);
  return SCR_OK;
}

void scr_odt_tpl_close(odt_tpl *t) {
  if (t->doc)
    xmlFreeDoc(t->doc);
  *t = (odt_tpl){0};
}

static bool in_list(const char *const *list, const xmlChar *prefix) {
  for (; prefix && *list; list++)
    if (xmlStrEqual(BAD_CAST * list, prefix))
      return true;
  return false;
}

void scr_odt_tpl_declare_ns(scr_xmlw *x, const odt_tpl *t,
                            const char *const *declared) {
  xmlNodePtr nodes[3];
  scope_nodes(t, nodes);
  for (int i = 0; i < 3; i++)
    for (xmlNsPtr ns = nodes[i] ? nodes[i]->nsDef : NULL; ns; ns = ns->next) {
      if (in_list(declared, ns->prefix))
        continue;
      bool seen = false; /* the same binding on two of the nodes */
      for (int j = 0; j <= i && !seen; j++)
        for (xmlNsPtr o = nodes[j] ? nodes[j]->nsDef : NULL; o && o != ns;
             o = o->next)
          seen = seen || xmlStrEqual(o->prefix, ns->prefix);
      if (seen)
        continue;
      if (!ns->prefix) {
        scr_xmlw_attr(x, "xmlns", (const char *)ns->href);
        continue;
      }
      char *name = scr_asprintf("xmlns:%s", (const char *)ns->prefix);
      if (!name) {
        if (!x->err)
          x->err = SCR_E_NOMEM;
        return;
      }
      scr_xmlw_attr(x, name, (const char *)ns->href);
      free(name);
    }
}

void scr_odt_tpl_copy(scr_xmlw *x, xmlNodePtr parent, const char *name) {
  scr_xmlw_start(x, name);
  scr_odt_tpl_copy_children(x, parent);
  scr_xmlw_end(x);
}

void scr_odt_tpl_copy_children(scr_xmlw *x, xmlNodePtr parent) {
  xmlBufferPtr buf = parent ? xmlBufferCreate() : NULL;
  if (parent && !buf && !x->err)
    x->err = SCR_E_NOMEM;
  for (xmlNodePtr n = buf ? parent->children : NULL; n && !x->err;
       n = n->next) {
    xmlBufferEmpty(buf);
    if (xmlNodeDump(buf, parent->doc, n, 0, 0) < 0) {
      x->err = SCR_E_XML;
      break;
    }
    scr_xmlw_raw(x, (const char *)xmlBufferContent(buf),
                 (size_t)xmlBufferLength(buf));
  }
  if (buf)
    xmlBufferFree(buf);
}

/* ---- automatic styles: footer paragraph and page layout --------------- */

static void table_column_style(scr_xmlw *x, const char *name, int32_t width) {
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", name);
  scr_xmlw_attr(x, "style:family", "table-column");
  scr_xmlw_start(x, "style:table-column-properties");
  scr_odt_attr_cm(x, "style:column-width", width);
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
}

/* The footer's table across the text width of a portrait or a landscape
   page. */
static void footer_table_styles(scr_xmlw *x, const scr_house *h,
                                bool landscape) {
  int32_t width = scr_odt_text_width(h, landscape);
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name",
                landscape ? FOOTER_TABLE_LANDSCAPE : FOOTER_TABLE);
  scr_xmlw_attr(x, "style:family", "table");
  scr_xmlw_start(x, "style:table-properties");
  scr_odt_attr_cm(x, "style:width", width);
  scr_xmlw_attr(x, "table:align", "margins");
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
  table_column_style(
      x, landscape ? FOOTER_NAME_COLUMN_LANDSCAPE : FOOTER_NAME_COLUMN,
      width - FOOTER_PAGE_WIDTH);
}

/* The footer's table across the text width, its cells without borders or
   padding, and the page number ending at the right margin. */
static void footer_styles(scr_xmlw *x, const scr_house *h, bool landscape) {
  footer_table_styles(x, h, false);
  if (landscape)
    footer_table_styles(x, h, true);
  table_column_style(x, FOOTER_PAGE_COLUMN, FOOTER_PAGE_WIDTH);
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", FOOTER_CELL);
  scr_xmlw_attr(x, "style:family", "table-cell");
  scr_xmlw_start(x, "style:table-cell-properties");
  scr_odt_attr_cm(x, "fo:padding", 0);
  scr_xmlw_attr(x, "fo:border", "none");
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", FOOTER_END);
  scr_xmlw_attr(x, "style:family", "paragraph");
  scr_xmlw_attr(x, "style:parent-style-name", ODT_STYLE_FOOTER);
  scr_xmlw_start(x, "style:paragraph-properties");
  scr_xmlw_attr(x, "fo:line-height", FOOTER_END_HEIGHT);
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", ODT_AUTO_FOOTER);
  scr_xmlw_attr(x, "style:family", "paragraph");
  scr_xmlw_attr(x, "style:parent-style-name", ODT_STYLE_FOOTER);
  scr_xmlw_start(x, "style:paragraph-properties");
  scr_xmlw_attr(x, "fo:text-align", "end");
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
}

/* A section's running header: one centred bold line. */
static void header_paragraph_style(scr_xmlw *x) {
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", ODT_AUTO_HEADER);
  scr_xmlw_attr(x, "style:family", "paragraph");
  scr_xmlw_start(x, "style:paragraph-properties");
  scr_xmlw_attr(x, "fo:text-align", "center");
  scr_xmlw_end(x);
  scr_xmlw_start(x, "style:text-properties");
  scr_xmlw_attr(x, "fo:font-weight", "bold");
  scr_xmlw_attr(x, "style:font-weight-asian", "bold");
  scr_xmlw_attr(x, "style:font-weight-complex", "bold");
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
}

/* The room of a header or footer in the page's margin, `room` (its height,
   as LibreOffice counts it, includes the spacing to the body text), the
   spacing giving way to a taller text. */
static void header_footer_room(scr_xmlw *x, const char *element,
                               const char *spacing, int32_t room) {
  if (room < ODT_HEADER_FOOTER_MIN_TEXT)
    room = ODT_HEADER_FOOTER_MIN_TEXT;
  scr_xmlw_start(x, element);
  scr_xmlw_start(x, "style:header-footer-properties");
  scr_odt_attr_cm(x, "fo:min-height", room);
  scr_odt_attr_cm(x, spacing, room - ODT_HEADER_FOOTER_MIN_TEXT);
  scr_xmlw_attr(x, "style:dynamic-spacing", "true");
  scr_xmlw_end(x); /* style:header-footer-properties */
  scr_xmlw_end(x);
}

/* The page of the house style, the body text at its margins, the footer;
   and the header on the pages that have one; portrait or landscape (the
   page turned, its margins kept). The margins at the top and foot are the
   header's and footer's distance from the edge, as in Word. */
static void layout_of(scr_xmlw *x, odt_page p, const char *name, bool header,
                      bool landscape) {
  int32_t width = landscape ? p.height : p.width;
  int32_t height = landscape ? p.width : p.height;
  scr_xmlw_start(x, "style:page-layout");
  scr_xmlw_attr(x, "style:name", name);
  scr_xmlw_start(x, "style:page-layout-properties");
  scr_odt_attr_cm(x, "fo:page-width", width);
  scr_odt_attr_cm(x, "fo:page-height", height);
  scr_xmlw_attr(x, "style:print-orientation",
                width > height ? "landscape" : "portrait");
  scr_odt_attr_cm(x, "fo:margin-top", header ? p.header : p.top);
  scr_odt_attr_cm(x, "fo:margin-bottom", p.footer);
  scr_odt_attr_cm(x, "fo:margin-left", p.left);
  scr_odt_attr_cm(x, "fo:margin-right", p.right);
  scr_xmlw_end(x); /* style:page-layout-properties */
  if (header)
    header_footer_room(x, "style:header-style", "fo:margin-bottom",
                       p.top - p.header);
  header_footer_room(x, "style:footer-style", "fo:margin-top",
                     p.bottom - p.footer);
  scr_xmlw_end(x); /* style:page-layout */
}

static void page_layout(scr_xmlw *x, const scr_house *h, const char *name,
                        bool header, bool landscape) {
  layout_of(x, scr_odt_page(h), name, header, landscape);
}

/* Whether the master pages of PDF pages in `doc` show a header: the
   section's running header, or the art on every page. */
static bool pdf_header(const odt_doc *doc, const odt_pdf_master *m) {
  return m->header > 0 || (doc->art && !doc->first_master);
}

/* The page layout of each master page of PDF pages: the PDF page's size. */
static void pdf_layouts(scr_xmlw *x, const odt_doc *doc) {
  for (size_t i = 0; i < doc->npdf_masters; i++) {
    const odt_pdf_master *m = &doc->pdf_masters[i];
    const scr_house_page *q = &m->page;
    odt_page p = {scr_odt_mm100(q->width),  scr_odt_mm100(q->height),
                  scr_odt_mm100(q->top),    scr_odt_mm100(q->bottom),
                  scr_odt_mm100(q->left),   scr_odt_mm100(q->right),
                  scr_odt_mm100(q->header), scr_odt_mm100(q->footer)};
    char name[64];
    snprintf(name, sizeof name, ODT_AUTO_PAGE_LAYOUT_PDF_FMT, i + 1);
    layout_of(x, p, name, pdf_header(doc, m), false);
  }
}

static void automatic_styles(scr_xmlw *x, const scr_house *h,
                             const odt_doc *doc) {
  bool landscape = doc->landscape;
  bool headers = doc->nheaders > 0 || doc->art;
  scr_xmlw_start(x, "office:automatic-styles");
  footer_styles(x, h, landscape);
  page_layout(x, h, ODT_AUTO_PAGE_LAYOUT, false, false);
  if (doc->art)
    scr_odt_art_styles(x, h);
  if (doc->nheaders > 0)
    header_paragraph_style(x);
  if (headers)
    page_layout(x, h, ODT_AUTO_PAGE_LAYOUT_HEADER, true, false);
  if (landscape) {
    page_layout(x, h, ODT_AUTO_PAGE_LAYOUT_LANDSCAPE, false, true);
    if (headers)
      page_layout(x, h, ODT_AUTO_PAGE_LAYOUT_LANDSCAPE_HEADER, true, true);
  }
  pdf_layouts(x, doc);
  scr_xmlw_end(x);
}

/* ---- master page ----------------------------------------------------- */

static void footer_cell(scr_xmlw *x, const char *paragraph_style) {
  scr_xmlw_start(x, "table:table-cell");
  scr_xmlw_attr(x, "table:style-name", FOOTER_CELL);
  scr_xmlw_attr(x, "office:value-type", "string");
  scr_xmlw_start(x, "text:p");
  scr_xmlw_attr(x, "text:style-name", paragraph_style);
}

/* "Page N", N a live page-number field, in the open paragraph. */
static void page_number(scr_xmlw *x) {
  odt_spaces sp = {0};
  scr_odt_text(x, &sp, FOOTER_PAGE_LABEL, strlen(FOOTER_PAGE_LABEL));
  scr_odt_spaces_flush(x, &sp);
  scr_xmlw_start(x, "text:page-number");
  scr_xmlw_attr(x, "text:select-page", "current");
  scr_xmlw_text(x, FOOTER_PAGE_CACHED, strlen(FOOTER_PAGE_CACHED));
  scr_xmlw_end(x); /* text:page-number */
}

/* The document's name, and "Page N", N a live page-number field. */
static void footer(scr_xmlw *x, const char *text, bool landscape) {
  odt_spaces sp = {0};
  scr_xmlw_start(x, "style:footer");
  scr_xmlw_start(x, "table:table");
  scr_xmlw_attr(x, "table:name", FOOTER_TABLE);
  scr_xmlw_attr(x, "table:style-name",
                landscape ? FOOTER_TABLE_LANDSCAPE : FOOTER_TABLE);
  scr_xmlw_start(x, "table:table-column");
  scr_xmlw_attr(x, "table:style-name",
                landscape ? FOOTER_NAME_COLUMN_LANDSCAPE : FOOTER_NAME_COLUMN);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "table:table-column");
  scr_xmlw_attr(x, "table:style-name", FOOTER_PAGE_COLUMN);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "table:table-row");
  footer_cell(x, ODT_STYLE_FOOTER);
  if (text && *text)
    scr_odt_text(x, &sp, text, strlen(text));
  scr_odt_spaces_end(x, &sp);
  scr_xmlw_end(x); /* text:p */
  scr_xmlw_end(x); /* table:table-cell */
  footer_cell(x, ODT_AUTO_FOOTER);
  page_number(x);
  scr_xmlw_end(x); /* text:p */
  scr_xmlw_end(x); /* table:table-cell */
  scr_xmlw_end(x); /* table:table-row */
  scr_xmlw_end(x); /* table:table */
  scr_xmlw_start(x, "text:p");
  scr_xmlw_attr(x, "text:style-name", FOOTER_END);
  scr_xmlw_end(x); /* text:p */
  scr_xmlw_end(x); /* style:footer */
}

/* A master page's header: the art, when it shows there, above the
   section's running header line, when there is one. */
static void header(scr_xmlw *x, const odt_doc *doc, const scr_house *h,
                   bool art, const char *text) {
  odt_spaces sp = {0};
  scr_xmlw_start(x, "style:header");
  if (art)
    scr_odt_header_art(x, h, doc->art);
  if (text) {
    scr_xmlw_start(x, "text:p");
    scr_xmlw_attr(x, "text:style-name", ODT_AUTO_HEADER);
    scr_odt_text(x, &sp, text, strlen(text));
    scr_odt_spaces_end(x, &sp);
    scr_xmlw_end(x); /* text:p */
  }
  scr_xmlw_end(x); /* style:header */
}

/* One master page: `text` the running header (NULL: none); with the art
   when it is on every page, or when this is the first page's form
   (`next`, the master page its second page is on). */
static void master(scr_xmlw *x, const odt_doc *doc, const scr_house *h,
                   const char *name, const char *text, bool landscape,
                   const char *next) {
  bool art = doc->art && (next || !doc->first_master);
  bool has_header = text || art;
  scr_xmlw_start(x, "style:master-page");
  if (next)
    scr_xmlw_attrf(x, "style:name", ODT_MASTER_FIRST_FMT, name);
  else
    scr_xmlw_attr(x, "style:name", name);
  scr_xmlw_attr(x, "style:page-layout-name",
                landscape ? (has_header ? ODT_AUTO_PAGE_LAYOUT_LANDSCAPE_HEADER
                                        : ODT_AUTO_PAGE_LAYOUT_LANDSCAPE)
                : has_header ? ODT_AUTO_PAGE_LAYOUT_HEADER
                             : ODT_AUTO_PAGE_LAYOUT);
  if (next)
    scr_xmlw_attr(x, "style:next-style-name", next);
  if (has_header)
    header(x, doc, h, art, text);
  footer(x, doc->footer, landscape);
  scr_xmlw_end(x); /* style:master-page */
}

/* A master page, and its first page's form when the document starts on
   it and the art is on the first page only. */
static void master_and_first(scr_xmlw *x, const odt_doc *doc,
                             const scr_house *h, const char *name,
                             const char *text, bool landscape) {
  master(x, doc, h, name, text, landscape, NULL);
  if (doc->art && doc->first_master && strcmp(doc->first_master, name) == 0)
    master(x, doc, h, name, text, landscape, name);
}

/* The master pages of one orientation: without a header, and one for each
   section's header. */
static void masters(scr_xmlw *x, const odt_doc *doc, const scr_house *h,
                    bool landscape) {
  master_and_first(x, doc, h,
                   landscape ? ODT_MASTER_LANDSCAPE : ODT_MASTER_PAGE, NULL,
                   landscape);
  for (size_t i = 0; i < doc->nheaders; i++) {
    char name[64];
    snprintf(name, sizeof name,
             landscape ? ODT_MASTER_LANDSCAPE_HEADER_FMT
                       : ODT_MASTER_HEADER_FMT,
             i + 1);
    master_and_first(x, doc, h, name, doc->headers[i], landscape);
  }
}

/* "Page N" alone, set right: the footer of a PDF's pages, any width. */
static void page_number_footer(scr_xmlw *x) {
  scr_xmlw_start(x, "style:footer");
  scr_xmlw_start(x, "text:p");
  scr_xmlw_attr(x, "text:style-name", ODT_AUTO_FOOTER);
  page_number(x);
  scr_xmlw_end(x); /* text:p */
  scr_xmlw_end(x); /* style:footer */
}

/* The master pages of PDF pages: the section's header, the page number. */
static void pdf_masters(scr_xmlw *x, const odt_doc *doc, const scr_house *h) {
  for (size_t i = 0; i < doc->npdf_masters; i++) {
    const odt_pdf_master *m = &doc->pdf_masters[i];
    scr_xmlw_start(x, "style:master-page");
    scr_xmlw_attrf(x, "style:name", ODT_MASTER_PDF_FMT, i + 1);
    scr_xmlw_attrf(x, "style:page-layout-name", ODT_AUTO_PAGE_LAYOUT_PDF_FMT,
                   i + 1);
    if (pdf_header(doc, m))
      header(x, doc, h, doc->art && !doc->first_master,
             m->header ? doc->headers[m->header - 1] : NULL);
    page_number_footer(x);
    scr_xmlw_end(x); /* style:master-page */
  }
}

/* The master pages; page numbers run on from one to the next. */
static void master_styles(scr_xmlw *x, const odt_doc *doc, const scr_house *h) {
  scr_xmlw_start(x, "office:master-styles");
  masters(x, doc, h, false);
  if (doc->landscape)
    masters(x, doc, h, true);
  pdf_masters(x, doc, h);
  scr_xmlw_end(x); /* office:master-styles */
}

scr_error scr_odt_styles_xml(const odt_tpl *t, const odt_doc *doc, char **data,
                             size_t *len) {
  scr_xmlw x = {0};
  scr_error err = scr_odt_part_open(&x, "office:document-styles", STYLES_NS,
                                    "office:version");
  if (err)
    return err;
  scr_odt_tpl_declare_ns(&x, t, STYLES_NS);
  scr_odt_tpl_copy(&x, t->font_decls, "office:font-face-decls");
  scr_odt_tpl_copy(&x, t->styles, "office:styles");
  automatic_styles(&x, t->house, doc);
  master_styles(&x, doc, t->house);
  scr_xmlw_end(&x); /* office:document-styles */
  return scr_xmlw_close(&x, data, len);
}
