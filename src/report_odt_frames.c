/*
 * A LibreOffice report's frames: pictures (draw:image, a PNG or JPEG one
 * of those a frame offers), formulas (a MathML object, read as its text)
 * and text boxes (kept for the walk to read after the paragraph the box
 * is in). Drawing shapes are left out, with a warning when they hold
 * text. Nothing here walks the body: the walk calls in.
 */
#include "report_odt.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

static bool ends_with_nocase(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

static bool is_png_or_jpeg(const xmlNode *image) {
  const char *type = odt_attr(image, NS_DRAW, "mime-type");
  const char *href = odt_attr(image, NS_XLINK, "href");
  if (type)
    return strcmp(type, "image/png") == 0 || strcmp(type, "image/jpeg") == 0;
  return href &&
         (ends_with_nocase(href, ".png") || ends_with_nocase(href, ".jpg") ||
          ends_with_nocase(href, ".jpeg"));
}

const xmlNode *odt_frame_image(const xmlNode *frame) {
  const xmlNode *first = NULL;
  for (xmlNodePtr c = frame->children; c; c = c->next) {
    if (!odt_is(c, NS_DRAW, "image"))
      continue;
    if (is_png_or_jpeg(c))
      return c;
    first = first ? first : c;
  }
  return first;
}

/* A member named by an href: "./Pictures/a.png" is "Pictures/a.png". */
static const char *member_of(const char *href) {
  return strncmp(href, "./", 2) == 0 ? href + 2 : href;
}

static void picture(odt_walk *w, const xmlNode *frame, const xmlNode *image) {
  const char *href = odt_attr(image, NS_XLINK, "href");
  if (!href) {
    scr_rtext_warn(w->t, "a picture kept inside content.xml is left out");
    return;
  }
  const char *member = member_of(href);
  xmlNodePtr desc = odt_child(frame, NS_SVG, "desc");
  if (!desc)
    desc = odt_child(frame, NS_SVG, "title");
  xmlChar *alt = desc ? xmlNodeGetContent(desc) : NULL;
  unsigned char *bytes = NULL;
  size_t len = 0;
  bool external = strstr(member, "://") != NULL;
  if (!external && !scr_zpkg_budget_take(w->pkg, &w->budget, member)) {
    xmlFree(alt);
    return;
  }
  scr_error err =
      external ? SCR_OK
               : scr_zpkg_read(w->pkg, member, SCR_REPORT_PICTURE_MAX_BYTES,
                               &bytes, &len);
  if (err)
    w->err = err;
  else if (bytes)
    scr_rtext_picture(w->t, bytes, len, (const char *)alt, member);
  else
    scr_rtext_warn(w->t, "picture %s is not in the document", member);
  xmlFree(alt);
}

/* The text of MathML's tokens in order, its annotations (the formula's
   source) left out: a formula reads as Word's equations do. */
static void math_text(const xmlNode *n, scr_buf *out, scr_error *err) {
  for (const xmlNode *c = n->children; c && !*err; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      const char *s = (const char *)c->content;
      size_t len = strlen(s);
      while (len && odt_is_space(*s))
        s++, len--;
      while (len && odt_is_space(s[len - 1]))
        len--;
      if (len && scr_buf_append(out, s, len))
        *err = SCR_E_NOMEM;
    } else if (c->type == XML_ELEMENT_NODE &&
               !odt_is(c, NS_MATHML, "annotation") &&
               !odt_is(c, NS_MATHML, "annotation-xml")) {
      math_text(c, out, err);
    }
  }
}

/* The text of a formula object ("Object 1/content.xml" a MathML
   document), or NULL when `object` is not one (caller frees). */
static char *formula(odt_walk *w, const xmlNode *object) {
  const char *href = odt_attr(object, NS_XLINK, "href");
  char *name = href ? scr_asprintf("%s/content.xml", member_of(href)) : NULL;
  xmlDocPtr doc = NULL;
  if (href && !name)
    w->err = SCR_E_NOMEM;
  else if (name && scr_zpkg_budget_take(w->pkg, &w->budget, name))
    w->err = scr_zpkg_read_xml(w->pkg, name, SCR_REPORT_PART_MAX_BYTES, &doc);
  free(name);
  xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
  char *text = NULL;
  if (odt_is(root, NS_MATHML, "math")) {
    scr_buf b = SCR_BUF_INIT;
    math_text(root, &b, &w->err);
    text = b.data ? scr_buf_detach(&b, NULL) : scr_strdup("");
    if (!text)
      w->err = SCR_E_NOMEM;
    scr_buf_free(&b);
  }
  if (doc)
    xmlFreeDoc(doc);
  return text;
}

char *odt_frame(odt_walk *w, const xmlNode *f) {
  const xmlNode *box = odt_child(f, NS_DRAW, "text-box");
  if (box) {
    if (scr_reserve(&w->boxes, &w->cap_boxes, w->n_boxes + 1, sizeof *w->boxes))
      w->err = SCR_E_NOMEM;
    else
      w->boxes[w->n_boxes++] = box;
    return NULL;
  }
  const xmlNode *object = odt_child(f, NS_DRAW, "object");
  char *text = object ? formula(w, object) : NULL;
  if (text || w->err)
    return text;
  const xmlNode *image = odt_frame_image(f);
  if (image) {
    picture(w, f, image);
  } else if ((object || odt_child(f, NS_DRAW, "object-ole")) &&
             !w->warned_object) {
    scr_rtext_warn(w->t, "an embedded object with no picture of it is left "
                         "out");
    w->warned_object = true;
  }
  return NULL;
}

/* A drawing shape has no picture of the report's to show; text in it is
   said to be left out. */
void odt_shape(odt_walk *w, const xmlNode *n) {
  if (w->warned_shape || w->capture)
    return;
  xmlChar *text = xmlNodeGetContent(n);
  bool blank = true;
  for (const xmlChar *s = text; s && *s && blank; s++)
    blank = odt_is_space((char)*s);
  xmlFree(text);
  if (!blank) {
    scr_rtext_warn(w->t, "a drawing's text is left out: move it into the "
                         "report's body");
    w->warned_shape = true;
  }
}
