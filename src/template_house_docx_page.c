/*
 * The page and the header art of a DOCX template: the body's last section
 * (w:body/w:sectPr) gives the page size and margins; its first-page header
 * (when the section has w:titlePg) or else its default header gives the
 * first picture, found through the document's relationships and the
 * header's own. A picture that cannot be used is a warning and no art.
 */
#include "template_house_docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W DOCX_NS_W
#define NS_R DOCX_NS_R
#define NS_WP DOCX_NS_WP
#define NS_A DOCX_NS_A
#define NS_RELS DOCX_NS_PKG_RELS
#define PACKAGE_RELS "_rels/.rels"
#define REL_OFFICE_DOCUMENT "/officeDocument"
#define EMU_PER_MM100 360

/* ---- part names --------------------------------------------------------- */

/* The relationships part of `part`: "word/_rels/document.xml.rels".
   Caller frees. */
static char *rels_of(const char *part) {
  const char *slash = strrchr(part, '/');
  int dir = slash ? (int)(slash - part + 1) : 0;
  return scr_asprintf("%.*s_rels/%s.rels", dir, part, part + dir);
}

/* A relationship's target as a part name: absolute ("/word/x.xml") from
   the package root, else from the folder of `source`, "../" going up.
   NULL when it leaves the package, or out of memory; caller frees. */
static char *resolve_target(const char *source, const char *target) {
  scr_buf name = {0};
  if (*target != '/') {
    const char *slash = strrchr(source, '/');
    if (slash &&
        scr_buf_printf(&name, "%.*s", (int)(slash - source + 1), source)) {
      scr_buf_free(&name);
      return NULL;
    }
  } else {
    target++;
  }
  for (const char *seg = target; *seg;) {
    const char *end = strchr(seg, '/');
    size_t len = end ? (size_t)(end - seg) : strlen(seg);
    bool ok = true;
    if (len == 2 && strncmp(seg, "..", 2) == 0) {
      /* drop the last folder of what is built ("word/" -> "") */
      char *s = name.data;
      size_t n = name.len;
      ok = n > 0;
      if (ok) {
        n--;
        while (n > 0 && s[n - 1] != '/')
          n--;
        name.len = n;
        s[n] = '\0';
      }
    } else if (!(len == 1 && *seg == '.') && len > 0) {
      ok = !scr_buf_printf(&name, "%.*s%s", (int)len, seg, end ? "/" : "");
    }
    if (!ok) {
      scr_buf_free(&name);
      return NULL;
    }
    seg = end ? end + 1 : seg + len;
  }
  return name.data;
}

/* The target of the relationship of `rels` whose Id is `id`, or whose Type
   ends in `type_end` (one of them NULL); borrowed into *external whether
   it is outside the package. xmlFree. */
static xmlChar *rel_target(xmlDocPtr rels, const char *id, const char *type_end,
                           bool *external) {
  xmlNodePtr root = rels ? xmlDocGetRootElement(rels) : NULL;
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
    if (!tpl_is(n, NS_RELS, "Relationship"))
      continue;
    xmlChar *v = xmlGetProp(n, BAD_CAST(id ? "Id" : "Type"));
    bool match =
        v && (id ? xmlStrEqual(v, BAD_CAST id)
                 : xmlStrlen(v) >= (int)strlen(type_end) &&
                       strcmp((const char *)v + xmlStrlen(v) - strlen(type_end),
                              type_end) == 0);
    xmlFree(v);
    if (match) {
      if (external) {
        xmlChar *mode = xmlGetProp(n, BAD_CAST "TargetMode");
        *external = mode && xmlStrEqual(mode, BAD_CAST "External");
        xmlFree(mode);
      }
      return xmlGetProp(n, BAD_CAST "Target");
    }
  }
  return NULL;
}

/* The part a relationship of `source` names, or NULL (none, external, out
   of the package); caller frees. */
static char *related_part(const scr_zpkg *p, const char *source, const char *id,
                          const char *type_end, scr_error *err) {
  char *rels_name = rels_of(source);
  xmlDocPtr rels = NULL;
  *err = rels_name ? scr_zpkg_read_xml(p, rels_name, TPL_PART_MAX_BYTES, &rels)
                   : SCR_E_NOMEM;
  free(rels_name);
  bool external = false;
  xmlChar *target = *err ? NULL : rel_target(rels, id, type_end, &external);
  char *part =
      target && !external ? resolve_target(source, (const char *)target) : NULL;
  xmlFree(target);
  xmlFreeDoc(rels);
  return part;
}

/* ---- the page ----------------------------------------------------------- */

static void measure_attr(const xmlNode *n, const char *name, int *out) {
  xmlChar *v = hd_w_attr(n, name);
  int twips = 0;
  if (hd_measure(v, 20, &twips))
    *out = twips < 0 ? -twips : twips; /* a negative top: the same edge */
  xmlFree(v);
}

/* The page of `sect`, stored portrait. */
static void read_page(const xmlNode *sect, scr_house_page *page) {
  xmlNodePtr size = tpl_child(sect, W, "pgSz");
  scr_house_page got = *page;
  measure_attr(size, "w", &got.width);
  measure_attr(size, "h", &got.height);
  xmlNodePtr mar = tpl_child(sect, W, "pgMar");
  measure_attr(mar, "top", &got.top);
  measure_attr(mar, "bottom", &got.bottom);
  measure_attr(mar, "left", &got.left);
  measure_attr(mar, "right", &got.right);
  measure_attr(mar, "header", &got.header);
  measure_attr(mar, "footer", &got.footer);
  if (got.width > got.height) {
    int w = got.width;
    got.width = got.height;
    got.height = w;
  }
  /* a page with no room for text is no page */
  if (got.width > 0 && got.height > 0 &&
      scr_house_text_width(&got, false) > 0 &&
      scr_house_text_height(&got, false) > 0)
    *page = got;
}

/* ---- the header's picture --------------------------------------------- */

/* The first w:drawing at or below `n` with a picture (a:blip r:embed). */
static xmlNodePtr find_blip(xmlNodePtr n, xmlNodePtr *drawing) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (tpl_is(n, W, "drawing"))
      *drawing = n;
    if (*drawing && tpl_is(n, NS_A, "blip") &&
        xmlHasNsProp(n, BAD_CAST "embed", BAD_CAST NS_R))
      return n;
    xmlNodePtr below = find_blip(n->children, drawing);
    if (below)
      return below;
    if (tpl_is(n, W, "drawing"))
      *drawing = NULL;
  }
  return NULL;
}

/* The alignment of the picture's paragraph, its own or its style's. */
static int paragraph_align(xmlNodePtr styles_root, const xmlNode *n) {
  while (n && !tpl_is(n, W, "p"))
    n = n->parent;
  xmlNodePtr ppr = tpl_child(n, W, "pPr");
  xmlChar *jc = hd_w_attr(tpl_child(ppr, W, "jc"), "val");
  xmlChar *sid = hd_w_attr(tpl_child(ppr, W, "pStyle"), "val");
  xmlNodePtr st = sid ? hd_style(styles_root, (const char *)sid)
                      : hd_default_style(styles_root);
  for (int d = 0; !jc && st && d < HD_MAX_BASED_ON; d++) {
    jc = hd_w_attr(tpl_child(tpl_child(st, W, "pPr"), W, "jc"), "val");
    st = hd_based_on(styles_root, st);
  }
  int align =
      !jc                                  ? 0
      : xmlStrEqual(jc, BAD_CAST "center") ? 1
      : xmlStrEqual(jc, BAD_CAST "right") || xmlStrEqual(jc, BAD_CAST "end")
          ? 2
          : 0;
  xmlFree(jc);
  xmlFree(sid);
  return align;
}

/* The drawing's size in the template, and its alt text (descr, else
   title; caller frees). */
static char *drawing_props(const xmlNode *drawing, scr_image *img) {
  xmlNodePtr frame = tpl_child(drawing, NS_WP, "inline");
  if (!frame)
    frame = tpl_child(drawing, NS_WP, "anchor");
  xmlNodePtr extent = tpl_child(frame, NS_WP, "extent");
  xmlChar *cx = extent ? xmlGetProp(extent, BAD_CAST "cx") : NULL;
  xmlChar *cy = extent ? xmlGetProp(extent, BAD_CAST "cy") : NULL;
  long long w = cx ? strtoll((const char *)cx, NULL, 10) : 0;
  long long h = cy ? strtoll((const char *)cy, NULL, 10) : 0;
  if (w > 0 && h > 0 && w / EMU_PER_MM100 < INT32_MAX &&
      h / EMU_PER_MM100 < INT32_MAX) {
    img->width_mm100 = (int32_t)((w + EMU_PER_MM100 / 2) / EMU_PER_MM100);
    img->height_mm100 = (int32_t)((h + EMU_PER_MM100 / 2) / EMU_PER_MM100);
  }
  xmlFree(cx);
  xmlFree(cy);
  xmlNodePtr doc_pr = tpl_child(frame, NS_WP, "docPr");
  xmlChar *alt = doc_pr ? xmlGetProp(doc_pr, BAD_CAST "descr") : NULL;
  if (!alt || !*alt) {
    xmlFree(alt);
    alt = doc_pr ? xmlGetProp(doc_pr, BAD_CAST "title") : NULL;
  }
  char *copy = scr_strdup(alt ? (const char *)alt : "");
  xmlFree(alt);
  return copy;
}

/* The picture's bytes, sniffed, into the house's art; a picture that
   cannot be used is a warning naming the header part, and no art. */
static scr_error take_picture(const scr_zpkg *p, const char *header,
                              const char *media, scr_image *img, bool *taken) {
  scr_diags quiet;
  scr_diags_init(&quiet);
  scr_zpkg q = *p;
  q.diags = &quiet;
  unsigned char *data = NULL;
  size_t len = 0;
  scr_error err =
      media ? scr_zpkg_read(&q, media, TPL_PICTURE_MAX_BYTES, &data, &len)
            : SCR_OK;
  scr_diags_free(&quiet);
  if (err == SCR_E_NOMEM)
    return err;
  if (data && scr_image_sniff(data, len, img)) {
    img->data = data;
    img->size = len;
    *taken = true;
    return SCR_OK;
  }
  free(data);
  scr_warn_at(p->diags, p->path, 0, 0,
              !media || err ? "%s shows a picture (%s) that is missing, too "
                              "large or cannot be read: the documents carry "
                              "no header art"
                            : "%s shows a picture (%s) that is neither PNG nor "
                              "JPEG: the documents carry no header art",
              header, media ? media : "outside the package");
  return SCR_OK;
}

/* The first picture of header part `header` into h->art; *found whether
   the header shows one (usable or not). */
static scr_error header_art(const scr_zpkg *p, xmlDocPtr styles,
                            const char *header, scr_house *h, bool *found) {
  xmlDocPtr doc = NULL;
  scr_error err = scr_zpkg_read_xml(p, header, TPL_PART_MAX_BYTES, &doc);
  xmlNodePtr drawing = NULL;
  xmlNodePtr blip = doc ? find_blip(doc->children, &drawing) : NULL;
  *found = blip != NULL;
  xmlChar *embed =
      blip ? xmlGetNsProp(blip, BAD_CAST "embed", BAD_CAST NS_R) : NULL;
  char *media =
      embed ? related_part(p, header, (const char *)embed, NULL, &err) : NULL;
  scr_image img = {0};
  char *alt = blip && !err ? drawing_props(drawing, &img) : NULL;
  bool taken = false;
  if (blip && !err)
    err = alt ? take_picture(p, header, media, &img, &taken) : SCR_E_NOMEM;
  if (taken) {
    img.alt = alt;
    alt = NULL;
    h->art = (scr_house_art){
        .image = img,
        .align = paragraph_align(xmlDocGetRootElement(styles), blip)};
    h->has_art = true;
  }
  free(alt);
  free(media);
  xmlFree(embed);
  xmlFreeDoc(doc);
  return err;
}

/* The header of `type` the section names, or NULL. xmlFree. */
static xmlChar *header_id(const xmlNode *sect, const char *type) {
  for (xmlNodePtr n = sect->children; n; n = n->next)
    if (tpl_is(n, W, "headerReference") && tpl_attr_is(n, W, "type", type))
      return xmlGetNsProp(n, BAD_CAST "id", BAD_CAST NS_R);
  return NULL;
}

/* The first-page header's picture (when the section shows a first page of
   its own), else the default header's. */
static scr_error read_art(const scr_zpkg *p, xmlDocPtr styles,
                          const char *document, const xmlNode *sect,
                          scr_house *h) {
  xmlNodePtr title_pg = tpl_child(sect, W, "titlePg");
  xmlChar *on = hd_w_attr(title_pg, "val");
  bool first_page = title_pg && hd_on(on);
  xmlFree(on);
  static const char *const TYPES[] = {"first", "default"};
  scr_error err = SCR_OK;
  bool found = false;
  for (size_t i = first_page ? 0 : 1; i < 2 && !err && !found; i++) {
    xmlChar *id = header_id(sect, TYPES[i]);
    char *header =
        id ? related_part(p, document, (const char *)id, NULL, &err) : NULL;
    if (header && !err)
      err = header_art(p, styles, header, h, &found);
    if (h->has_art)
      h->art.every_page = i == 1;
    free(header);
    xmlFree(id);
  }
  return err;
}

scr_error hd_read_page(const scr_zpkg *p, xmlDocPtr styles, scr_house *h) {
  scr_error err = SCR_OK;
  char *document = related_part(p, "", NULL, REL_OFFICE_DOCUMENT, &err);
  if (err)
    return err;
  if (!document && !(document = scr_strdup(DOCX_PART_DOCUMENT)))
    return SCR_E_NOMEM;
  xmlDocPtr doc = NULL;
  err = scr_zpkg_read_xml(p, document, TPL_PART_MAX_BYTES, &doc);
  xmlNodePtr body =
      doc ? tpl_child(xmlDocGetRootElement(doc), W, "body") : NULL;
  xmlNodePtr sect = tpl_child(body, W, "sectPr");
  if (sect) {
    read_page(sect, &h->page);
    err = read_art(p, styles, document, sect, h);
  }
  xmlFreeDoc(doc);
  free(document);
  return err;
}
