/*
 * The house style applied to the built-in ODT styles: each role's style is
 * given every property the house sets, explicitly, so that the style shows
 * it whatever it inherits; the body's font and size go on the default
 * paragraph style too, for the styles that set none.
 *
 * The font is named with style:font-name and declared as a font face, as
 * LibreOffice writes it and as the built-in styles do: a style:font-name
 * takes precedence over an fo:font-family, so one spelling keeps the style
 * unambiguous. The Asian and complex fonts stay the built-in's: the
 * house's font is a Latin one, which need not have those scripts' letters.
 */
#include "template_house_odt.h"
#include "odt.h"

#include <stdio.h>
#include <string.h>

#define TWIPS_PER_PT 20
#define SINGLE_LINE 240 /* 240ths of a line */

typedef struct apply {
  xmlNodePtr root, styles, fonts;
  scr_error err;
} apply;

static void nomem(apply *a) {
  if (!a->err)
    a->err = SCR_E_NOMEM;
}

static void set(apply *a, xmlNodePtr n, const char *prefix, const char *local,
                const char *value) {
  const char *uri = scr_odt_ns_uri(prefix);
  xmlNsPtr ns = xmlSearchNsByHref(n->doc, n, BAD_CAST uri);
  if (!ns)
    ns = xmlNewNs(xmlDocGetRootElement(n->doc), BAD_CAST uri, BAD_CAST prefix);
  if (!ns || !xmlSetNsProp(n, ns, BAD_CAST local, BAD_CAST value))
    nomem(a);
}

/* Set the Asian and complex forms of `local` too, only where `n` sets them
   already. */
static void set_scripts(apply *a, xmlNodePtr n, const char *local,
                        const char *value) {
  char name[64];
  static const char *const SUFFIXES[] = {"-asian", "-complex"};
  for (size_t i = 0; i < 2; i++) {
    snprintf(name, sizeof name, "%s%s", local, SUFFIXES[i]);
    if (xmlHasNsProp(n, BAD_CAST name, BAD_CAST scr_odt_ns_uri("style")))
      set(a, n, "style", name, value);
  }
}

/* ... and always: weight and posture go with the Latin one. */
static void set_all_scripts(apply *a, xmlNodePtr n, const char *local,
                            const char *value) {
  char name[64];
  set(a, n, "fo", local, value);
  snprintf(name, sizeof name, "%s-asian", local);
  set(a, n, "style", name, value);
  snprintf(name, sizeof name, "%s-complex", local);
  set(a, n, "style", name, value);
}

/* The style's `which` properties ("paragraph", "text"), made when missing:
   paragraph properties before text properties, as ODF orders them. */
static xmlNodePtr props(apply *a, xmlNodePtr style, const char *which) {
  char local[32];
  snprintf(local, sizeof local, "%s-properties", which);
  xmlNodePtr p = tpl_odt_child(style, "style", local);
  if (p)
    return p;
  xmlNsPtr ns =
      xmlSearchNsByHref(style->doc, style, BAD_CAST scr_odt_ns_uri("style"));
  p = ns ? xmlNewDocNode(style->doc, ns, BAD_CAST local, NULL) : NULL;
  xmlNodePtr text = strcmp(which, "paragraph") == 0
                        ? tpl_odt_child(style, "style", "text-properties")
                        : NULL;
  if (!p || !(text ? xmlAddPrevSibling(text, p) : xmlAddChild(style, p))) {
    xmlFreeNode(p);
    nomem(a);
    return NULL;
  }
  return p;
}

/* The font face `font`, declared when the part lacks it. */
static void declare_font(apply *a, const char *font) {
  if (tpl_odt_named(a->fonts, "style", "font-face", font))
    return;
  xmlNsPtr ns = xmlSearchNsByHref(a->root->doc, a->root,
                                  BAD_CAST scr_odt_ns_uri("style"));
  xmlNodePtr face =
      ns ? xmlNewChild(a->fonts, ns, BAD_CAST "font-face", NULL) : NULL;
  if (!face) {
    nomem(a);
    return;
  }
  set(a, face, "style", "name", font);
  /* CSS quotes a family with spaces; a quote in the name cannot be */
  char family[sizeof((scr_house_text *)0)->font + 2];
  snprintf(family, sizeof family, strchr(font, '\'') ? "%s" : "'%s'", font);
  set(a, face, "svg", "font-family", family);
}

/* A length in points, from twips: "6pt", "12.5pt", "0.05pt". */
static void points(char *out, size_t size, int twips) {
  int whole = twips / TWIPS_PER_PT, frac = twips % TWIPS_PER_PT * 5;
  if (frac < 0)
    frac = -frac;
  if (frac == 0)
    snprintf(out, size, "%dpt", whole);
  else
    snprintf(out, size, "%s%d.%0*dpt", twips < 0 && whole == 0 ? "-" : "",
             whole, frac % 10 ? 2 : 1, frac % 10 ? frac : frac / 10);
}

static void text_font(apply *a, xmlNodePtr tp, const scr_house_text *t) {
  if (t->font[0]) {
    declare_font(a, t->font);
    set(a, tp, "style", "font-name", t->font);
  }
  if (t->size != SCR_HOUSE_UNSET) {
    char size[32];
    points(size, sizeof size, t->size * 10); /* half-points to twips */
    set(a, tp, "fo", "font-size", size);
    set_scripts(a, tp, "font-size", size);
  }
}

static bool text_set(const scr_house_text *t) {
  return t->font[0] || t->size != SCR_HOUSE_UNSET || t->colour[0] ||
         t->bold != SCR_HOUSE_UNSET || t->italic != SCR_HOUSE_UNSET;
}

static bool paragraph_set(const scr_house_text *t) {
  return t->before != SCR_HOUSE_UNSET || t->after != SCR_HOUSE_UNSET ||
         t->line != SCR_HOUSE_UNSET || t->contextual != SCR_HOUSE_UNSET;
}

static void paragraph(apply *a, xmlNodePtr style, const scr_house_text *t) {
  xmlNodePtr pp = paragraph_set(t) ? props(a, style, "paragraph") : NULL;
  char v[32];
  if (pp && t->before != SCR_HOUSE_UNSET) {
    points(v, sizeof v, t->before);
    set(a, pp, "fo", "margin-top", v);
  }
  if (pp && t->after != SCR_HOUSE_UNSET) {
    points(v, sizeof v, t->after);
    set(a, pp, "fo", "margin-bottom", v);
  }
  if (pp && t->line != SCR_HOUSE_UNSET) {
    int tenths = (t->line * 1000 + SINGLE_LINE / 2) / SINGLE_LINE;
    if (tenths % 10)
      snprintf(v, sizeof v, "%d.%d%%", tenths / 10, tenths % 10);
    else
      snprintf(v, sizeof v, "%d%%", tenths / 10);
    set(a, pp, "fo", "line-height", v);
  }
  if (pp && t->contextual != SCR_HOUSE_UNSET)
    set(a, pp, "style", "contextual-spacing", t->contextual ? "true" : "false");
}

static void text(apply *a, xmlNodePtr style, const scr_house_text *t) {
  xmlNodePtr tp = text_set(t) ? props(a, style, "text") : NULL;
  if (!tp)
    return;
  text_font(a, tp, t);
  if (t->colour[0]) {
    char colour[8];
    snprintf(colour, sizeof colour, "#%s", t->colour);
    for (char *c = colour + 1; *c; c++)
      *c = (char)(*c >= 'A' && *c <= 'F' ? *c - 'A' + 'a' : *c);
    set(a, tp, "fo", "color", colour);
  }
  if (t->bold != SCR_HOUSE_UNSET)
    set_all_scripts(a, tp, "font-weight", t->bold ? "bold" : "normal");
  if (t->italic != SCR_HOUSE_UNSET)
    set_all_scripts(a, tp, "font-style", t->italic ? "italic" : "normal");
}

/* The paragraph style of `name` in office:styles, or the default one. */
static xmlNodePtr style_of(const apply *a, const char *name, bool deflt) {
  for (xmlNodePtr n = a->styles->children; n; n = n->next)
    if (tpl_is(n, scr_odt_ns_uri("style"), deflt ? "default-style" : "style") &&
        tpl_attr_is(n, scr_odt_ns_uri("style"), "family", "paragraph") &&
        (deflt || tpl_attr_is(n, scr_odt_ns_uri("style"), "name", name)))
      return n;
  return NULL;
}

static void apply_role(apply *a, scr_house_role role, const scr_house_text *t) {
  char *name = role == SCR_HOUSE_BODY
                   ? scr_strdup(ODT_MASTER_PAGE) /* Standard */
                   : scr_odt_style_name(scr_house_role_name(role));
  if (!name) {
    nomem(a);
    return;
  }
  xmlNodePtr style = style_of(a, name, false);
  free(name);
  if (style) {
    paragraph(a, style, t);
    text(a, style, t);
  }
  xmlNodePtr def = role == SCR_HOUSE_BODY ? style_of(a, NULL, true) : NULL;
  if (def && (t->font[0] || t->size != SCR_HOUSE_UNSET)) {
    xmlNodePtr tp = props(a, def, "text");
    if (tp)
      text_font(a, tp, t);
  }
}

scr_error tpl_apply_house_odt(xmlDocPtr styles, const scr_house *h) {
  apply a = {xmlDocGetRootElement(styles), NULL, NULL, SCR_OK};
  a.styles = tpl_odt_child(a.root, "office", "styles");
  a.fonts = tpl_odt_child(a.root, "office", "font-face-decls");
  if (!a.styles || !a.fonts)
    return SCR_OK; /* the built-in has both */
  for (int r = 0; r < SCR_HOUSE_ROLES && !a.err; r++)
    apply_role(&a, (scr_house_role)r, &h->text[r]);
  return a.err;
}
