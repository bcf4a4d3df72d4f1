/*
 * The page and the header art of an ODT template, from its styles.xml:
 * the master page Standard (else the first), its page layout, and the
 * first picture of its first-page header (style:header-first, ODF 1.3,
 * which LibreOffice writes for a page style whose first page has its own
 * header) or else of its header.
 *
 * ODF's margins run from the edge to the header and footer, whose height
 * (fo:min-height, the spacing to the body included, as LibreOffice lays it
 * out) comes before the body; Word's run to the body, the header distance
 * apart: the house keeps Word's.
 */
#include "template_house_odt.h"
#include "odt.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Pixels are taken as 1/96 inch when a picture has no size of its own. */
#define MM100_PER_INCH 2540
#define PX_PER_INCH 96

/* ---- the page ------------------------------------------------------------ */

/* The master page Standard, else the first one. */
static xmlNodePtr master_page(xmlNodePtr root) {
  xmlNodePtr masters = tpl_odt_child(root, "office", "master-styles");
  xmlNodePtr standard =
      tpl_odt_named(masters, "style", "master-page", ODT_MASTER_PAGE);
  return standard ? standard : tpl_odt_child(masters, "style", "master-page");
}

/* The page layout of `master`, among the automatic styles (where
   LibreOffice keeps them) or the styles. */
static xmlNodePtr page_layout(xmlNodePtr root, xmlNodePtr master) {
  xmlChar *name = tpl_odt_attr(master, "style", "page-layout-name");
  xmlNodePtr l =
      tpl_odt_named(tpl_odt_child(root, "office", "automatic-styles"), "style",
                    "page-layout", (const char *)name);
  if (!l)
    l = tpl_odt_named(tpl_odt_child(root, "office", "styles"), "style",
                      "page-layout", (const char *)name);
  xmlFree(name);
  return l;
}

/* Length attribute `local` of `n` in twips into *out, when it is one. */
static void length_of(const xmlNode *n, const char *local, int *out) {
  xmlChar *v = tpl_odt_attr(n, "fo", local);
  int twips;
  if (v && tpl_odt_length((const char *)v, TPL_TWIPS, &twips) && twips >= 0)
    *out = twips;
  xmlFree(v);
}

/* The height a header or footer takes from the body: its fo:min-height,
   or none when the master page shows none. */
static int band_height(xmlNodePtr layout, const char *style, bool shown) {
  xmlNodePtr props = tpl_odt_child(tpl_odt_child(layout, "style", style),
                                   "style", "header-footer-properties");
  int height = 0;
  if (shown)
    length_of(props, "min-height", &height);
  return height;
}

/* A master page shows a header or footer it has, unless display="false". */
static bool band_shown(xmlNodePtr master, const char *band) {
  xmlNodePtr n = tpl_odt_child(master, "style", band);
  return n && !tpl_attr_is(n, scr_odt_ns_uri("style"), "display", "false");
}

static void read_page(xmlNodePtr master, xmlNodePtr layout, scr_house_page *p) {
  xmlNodePtr props = tpl_odt_child(layout, "style", "page-layout-properties");
  if (!props)
    return;
  scr_house_page g = *p;
  int top = -1, bottom = -1;
  length_of(props, "page-width", &g.width);
  length_of(props, "page-height", &g.height);
  length_of(props, "margin-left", &g.left);
  length_of(props, "margin-right", &g.right);
  length_of(props, "margin-top", &top);
  length_of(props, "margin-bottom", &bottom);
  if (g.width > g.height) { /* kept portrait; a landscape page turns it */
    int w = g.width;
    g.width = g.height;
    g.height = w;
  }
  bool header =
      band_shown(master, "header") || band_shown(master, "header-first");
  bool footer =
      band_shown(master, "footer") || band_shown(master, "footer-first");
  if (top >= 0) {
    g.top = top + band_height(layout, "header-style", header);
    g.header = header ? top : (g.header < g.top ? g.header : g.top);
  }
  if (bottom >= 0) {
    g.bottom = bottom + band_height(layout, "footer-style", footer);
    g.footer = footer ? bottom : (g.footer < g.bottom ? g.footer : g.bottom);
  }
  if (g.width > 0 && g.height > 0 && g.left + g.right < g.width &&
      g.top + g.bottom < g.height)
    *p = g;
}

/* ---- the art ------------------------------------------------------------- */

/* The first draw:frame in and below `n` holding a draw:image. */
static xmlNodePtr first_picture(xmlNodePtr n) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (tpl_is(n, scr_odt_ns_uri("draw"), "frame") &&
        tpl_odt_child(n, "draw", "image"))
      return n;
    xmlNodePtr below = first_picture(n->children);
    if (below)
      return below;
  }
  return NULL;
}

/* A style of `family` named `name`, automatic or not. */
static xmlNodePtr any_style(xmlNodePtr root, const char *family,
                            const char *name) {
  static const char *const BOXES[] = {"automatic-styles", "styles"};
  for (size_t b = 0; name && b < 2; b++) {
    xmlNodePtr box = tpl_odt_child(root, "office", BOXES[b]);
    for (xmlNodePtr n = box ? box->children : NULL; n; n = n->next)
      if (tpl_is(n, scr_odt_ns_uri("style"), "style") &&
          tpl_attr_is(n, scr_odt_ns_uri("style"), "family", family) &&
          tpl_attr_is(n, scr_odt_ns_uri("style"), "name", name))
        return n;
  }
  return NULL;
}

/* 0 start, 1 centre, 2 end; -1 for a value that is none of them. */
static int align_of(const char *v, bool position) {
  if (!v)
    return -1;
  if (strcmp(v, "center") == 0)
    return 1;
  if (strcmp(v, "end") == 0 || strcmp(v, "right") == 0)
    return 2;
  if (strcmp(v, "start") == 0 || strcmp(v, "left") == 0 ||
      (!position && strcmp(v, "justify") == 0))
    return 0;
  return -1;
}

/* The alignment of the paragraph's style, through its parents. */
static int paragraph_align(xmlNodePtr root, xmlNodePtr para) {
  enum { MAX_PARENTS = 32 };
  xmlChar *name = tpl_odt_attr(para, "text", "style-name");
  int align = -1;
  for (int depth = 0; name && align < 0 && depth < MAX_PARENTS; depth++) {
    xmlNodePtr st = any_style(root, "paragraph", (const char *)name);
    xmlChar *v = tpl_odt_attr(
        tpl_odt_child(st, "style", "paragraph-properties"), "fo", "text-align");
    align = align_of((const char *)v, false);
    xmlFree(v);
    xmlFree(name);
    name = st ? tpl_odt_attr(st, "style", "parent-style-name") : NULL;
  }
  xmlFree(name);
  return align;
}

/* A frame not in the line (anchored to the paragraph) stands where its
   graphic style's horizontal position puts it. */
static int frame_align(xmlNodePtr root, xmlNodePtr frame) {
  if (tpl_attr_is(frame, scr_odt_ns_uri("text"), "anchor-type", "as-char"))
    return -1;
  xmlChar *name = tpl_odt_attr(frame, "draw", "style-name");
  xmlNodePtr st = any_style(root, "graphic", (const char *)name);
  xmlChar *v = tpl_odt_attr(tpl_odt_child(st, "style", "graphic-properties"),
                            "style", "horizontal-pos");
  int align = align_of((const char *)v, true);
  xmlFree(v);
  xmlFree(name);
  return align;
}

static int art_align(xmlNodePtr root, xmlNodePtr frame) {
  int align = frame_align(root, frame);
  xmlNodePtr para = frame->parent;
  while (align < 0 && para && para->type == XML_ELEMENT_NODE &&
         !tpl_is(para, scr_odt_ns_uri("text"), "p") &&
         !tpl_is(para, scr_odt_ns_uri("text"), "h"))
    para = para->parent;
  if (align < 0 && para && para->type == XML_ELEMENT_NODE)
    align = paragraph_align(root, para);
  return align < 0 ? 0 : align;
}

/* The text of the frame's svg:desc, else its svg:title, else "".
   Caller frees; NULL when out of memory. */
static char *art_alt(xmlNodePtr frame) {
  xmlNodePtr n = tpl_odt_child(frame, "svg", "desc");
  xmlChar *text = n ? xmlNodeGetContent(n) : NULL;
  if (!text || !*text) {
    xmlFree(text);
    n = tpl_odt_child(frame, "svg", "title");
    text = n ? xmlNodeGetContent(n) : NULL;
  }
  char *alt = scr_strdup(text ? (const char *)text : "");
  xmlFree(text);
  return alt;
}

static int32_t frame_length(xmlNodePtr frame, const char *local, uint32_t px) {
  xmlChar *v = tpl_odt_attr(frame, "svg", local);
  int mm100 = 0;
  bool ok =
      v && tpl_odt_length((const char *)v, TPL_MM100, &mm100) && mm100 > 0;
  xmlFree(v);
  if (ok)
    return mm100;
  int64_t from_px = (int64_t)px * MM100_PER_INCH / PX_PER_INCH;
  return from_px > 0 && from_px <= INT32_MAX ? (int32_t)from_px : 1;
}

/* The picture's bytes, or NULL with a warning naming `href`: missing,
   too large or not PNG/JPEG. Caller frees. */
static unsigned char *read_picture(const scr_zpkg *p, const char *href,
                                   size_t *len, scr_image *img) {
  const char *member = strncmp(href, "./", 2) == 0 ? href + 2 : href;
  zip_stat_t st;
  zip_stat_init(&st);
  bool there =
      strstr(member, "://") == NULL && zip_stat(p->zip, member, 0, &st) == 0;
  const char *why =
      !there ? "is not in the template"
      : !(st.valid & ZIP_STAT_SIZE) || st.size > TPL_PICTURE_MAX_BYTES
          ? "is too large"
          : NULL;
  unsigned char *data = NULL;
  if (!why && scr_zpkg_read(p, member, TPL_PICTURE_MAX_BYTES, &data, len))
    why = "cannot be read";
  if (!why && !scr_image_sniff(data, *len, img))
    why = "is not a PNG or JPEG image";
  if (why) {
    scr_warn_at(p->diags, p->path, 0, 0,
                "the picture in styles.xml's header (%s) %s: the documents "
                "carry no header picture",
                href, why);
    free(data);
    return NULL;
  }
  return data;
}

/* The art of the header `band` ("header-first", "header") of `master`:
   whether it has a picture; false too when it cannot be used (warned). */
static scr_error read_art(const scr_zpkg *p, xmlNodePtr root, xmlNodePtr master,
                          const char *band, scr_house *h, bool *found) {
  xmlNodePtr header = tpl_odt_child(master, "style", band);
  xmlNodePtr frame = header ? first_picture(header->children) : NULL;
  xmlChar *href =
      tpl_odt_attr(tpl_odt_child(frame, "draw", "image"), "xlink", "href");
  *found = href != NULL;
  if (!href)
    return SCR_OK;
  scr_image img = {0};
  size_t len = 0;
  unsigned char *data = read_picture(p, (const char *)href, &len, &img);
  xmlFree(href);
  if (!data)
    return SCR_OK;
  char *alt = art_alt(frame);
  if (!alt) {
    free(data);
    return SCR_E_NOMEM;
  }
  img.data = data;
  img.size = len;
  img.alt = alt;
  img.width_mm100 = frame_length(frame, "width", img.width_px);
  img.height_mm100 = frame_length(frame, "height", img.height_px);
  h->art =
      (scr_house_art){img, art_align(root, frame), strcmp(band, "header") == 0};
  h->has_art = true;
  return SCR_OK;
}

scr_error tpl_house_odt_page(const scr_zpkg *p, xmlDocPtr styles,
                             scr_house *h) {
  xmlNodePtr root = xmlDocGetRootElement(styles);
  xmlNodePtr master = master_page(root);
  if (!master)
    return SCR_OK;
  read_page(master, page_layout(root, master), &h->page);
  bool found = false;
  scr_error err = read_art(p, root, master, "header-first", h, &found);
  if (!err && !found)
    err = read_art(p, root, master, "header", h, &found);
  return err;
}
