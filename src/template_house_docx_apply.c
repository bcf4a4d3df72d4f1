/*
 * A house applied to the built-in DOCX styles: each role's style (Normal,
 * the default paragraph style, for the body) is given every property the
 * house sets, written explicitly in the order the schema's sequences want
 * (CT_Style, CT_PPr, CT_RPr); the body's font and size also go on the
 * document defaults, so that styles that set none show them. A property
 * the house leaves unset keeps the built-in's value.
 */
#include "template_house_docx.h"

#include <stdio.h>
#include <string.h>

#define W DOCX_NS_W

/* The children of each container in schema order, as far as they matter
   here: a new child goes before the first that comes later. */
static const char *const STYLE_ORDER[] = {"name",
                                          "aliases",
                                          "basedOn",
                                          "next",
                                          "link",
                                          "autoRedefine",
                                          "hidden",
                                          "uiPriority",
                                          "semiHidden",
                                          "unhideWhenUsed",
                                          "qFormat",
                                          "locked",
                                          "personal",
                                          "personalCompose",
                                          "personalReply",
                                          "rsid",
                                          "pPr",
                                          "rPr",
                                          "tblPr",
                                          "trPr",
                                          "tcPr",
                                          "tblStylePr",
                                          NULL};
static const char *const PPR_ORDER[] = {"pStyle",
                                        "keepNext",
                                        "keepLines",
                                        "pageBreakBefore",
                                        "framePr",
                                        "widowControl",
                                        "numPr",
                                        "suppressLineNumbers",
                                        "pBdr",
                                        "shd",
                                        "tabs",
                                        "suppressAutoHyphens",
                                        "kinsoku",
                                        "wordWrap",
                                        "overflowPunct",
                                        "topLinePunct",
                                        "autoSpaceDE",
                                        "autoSpaceDN",
                                        "bidi",
                                        "adjustRightInd",
                                        "snapToGrid",
                                        "spacing",
                                        "ind",
                                        "contextualSpacing",
                                        "mirrorIndents",
                                        "suppressOverlap",
                                        "jc",
                                        "textDirection",
                                        "textAlignment",
                                        "textboxTightWrap",
                                        "outlineLvl",
                                        "divId",
                                        "cnfStyle",
                                        "rPr",
                                        "sectPr",
                                        "pPrChange",
                                        NULL};
static const char *const RPR_ORDER[] = {"rStyle",
                                        "rFonts",
                                        "b",
                                        "bCs",
                                        "i",
                                        "iCs",
                                        "caps",
                                        "smallCaps",
                                        "strike",
                                        "dstrike",
                                        "outline",
                                        "shadow",
                                        "emboss",
                                        "imprint",
                                        "noProof",
                                        "snapToGrid",
                                        "vanish",
                                        "webHidden",
                                        "color",
                                        "spacing",
                                        "w",
                                        "kern",
                                        "position",
                                        "sz",
                                        "szCs",
                                        "highlight",
                                        "u",
                                        "effect",
                                        "bdr",
                                        "shd",
                                        "fitText",
                                        "vertAlign",
                                        "rtl",
                                        "cs",
                                        "em",
                                        "lang",
                                        "eastAsianLayout",
                                        "specVanish",
                                        "oMath",
                                        NULL};
static const char *const DEFAULTS_ORDER[] = {"rPrDefault", "pPrDefault", NULL};
static const char *const ONLY_RPR[] = {"rPr", NULL};

static int order_of(const char *const *order, const xmlChar *name) {
  for (int i = 0; order[i]; i++)
    if (xmlStrEqual(name, BAD_CAST order[i]))
      return i;
  return -1;
}

/* The child `local` of `parent`, made in its place when missing; NULL when
   out of memory. */
static xmlNodePtr ensure(xmlNodePtr parent, const char *local,
                         const char *const *order) {
  xmlNodePtr have = tpl_child(parent, W, local);
  if (have)
    return have;
  xmlNsPtr ns = xmlSearchNsByHref(parent->doc, parent, BAD_CAST W);
  xmlNodePtr el =
      ns ? xmlNewDocNode(parent->doc, ns, BAD_CAST local, NULL) : NULL;
  if (!el)
    return NULL;
  int at = order_of(order, BAD_CAST local);
  for (xmlNodePtr c = parent->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->ns && c->ns->href &&
        xmlStrEqual(c->ns->href, BAD_CAST W) && order_of(order, c->name) > at)
      return xmlAddPrevSibling(c, el);
  return xmlAddChild(parent, el);
}

static bool set_attr(xmlNodePtr n, const char *name, const char *value) {
  xmlNsPtr ns = n ? xmlSearchNsByHref(n->doc, n, BAD_CAST W) : NULL;
  return ns && xmlSetNsProp(n, ns, BAD_CAST name, BAD_CAST value);
}

static bool set_int(xmlNodePtr n, const char *name, int value) {
  char s[DOCX_INT_TEXT_MAX];
  snprintf(s, sizeof s, "%d", value);
  return set_attr(n, name, s);
}

static void unset_attr(xmlNodePtr n, const char *name) {
  xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST name, BAD_CAST W);
  if (a)
    xmlRemoveProp(a);
}

/* Latin text takes the family; the built-in's fonts for East Asian and
   complex scripts stay, as the house names a Latin family only. */
static bool apply_font(xmlNodePtr rpr, const char *font) {
  xmlNodePtr fonts = ensure(rpr, "rFonts", RPR_ORDER);
  unset_attr(fonts, "asciiTheme");
  unset_attr(fonts, "hAnsiTheme");
  return fonts && set_attr(fonts, "ascii", font) &&
         set_attr(fonts, "hAnsi", font);
}

static bool apply_size(xmlNodePtr rpr, int size) {
  return set_int(ensure(rpr, "sz", RPR_ORDER), "val", size) &&
         set_int(ensure(rpr, "szCs", RPR_ORDER), "val", size);
}

/* A toggle and its complex-script twin: on as <w:b/>, off as w:val="0". */
static bool apply_toggle(xmlNodePtr rpr, const char *name, const char *cs,
                         int on) {
  const char *names[] = {name, cs};
  for (size_t i = 0; i < 2; i++) {
    xmlNodePtr el = ensure(rpr, names[i], RPR_ORDER);
    if (!el)
      return false;
    if (on)
      unset_attr(el, "val");
    else if (!set_attr(el, "val", "0"))
      return false;
  }
  return true;
}

static bool apply_run(xmlNodePtr rpr, const scr_house_text *t) {
  bool ok = rpr != NULL;
  if (ok && t->font[0])
    ok = apply_font(rpr, t->font);
  if (ok && t->bold != SCR_HOUSE_UNSET)
    ok = apply_toggle(rpr, "b", "bCs", t->bold);
  if (ok && t->italic != SCR_HOUSE_UNSET)
    ok = apply_toggle(rpr, "i", "iCs", t->italic);
  if (ok && t->colour[0])
    ok = set_attr(ensure(rpr, "color", RPR_ORDER), "val", t->colour);
  if (ok && t->size != SCR_HOUSE_UNSET)
    ok = apply_size(rpr, t->size);
  return ok;
}

static bool apply_spacing(xmlNodePtr ppr, const scr_house_text *t) {
  if (t->before == SCR_HOUSE_UNSET && t->after == SCR_HOUSE_UNSET &&
      t->line == SCR_HOUSE_UNSET)
    return true;
  xmlNodePtr spacing = ppr ? ensure(ppr, "spacing", PPR_ORDER) : NULL;
  if (!spacing)
    return false;
  bool ok = true;
  if (t->before != SCR_HOUSE_UNSET) {
    unset_attr(spacing, "beforeAutospacing");
    unset_attr(spacing, "beforeLines");
    ok = set_int(spacing, "before", t->before);
  }
  if (ok && t->after != SCR_HOUSE_UNSET) {
    unset_attr(spacing, "afterAutospacing");
    unset_attr(spacing, "afterLines");
    ok = set_int(spacing, "after", t->after);
  }
  if (ok && t->line != SCR_HOUSE_UNSET)
    ok = set_int(spacing, "line", t->line) &&
         set_attr(spacing, "lineRule", "auto");
  return ok;
}

static bool paragraph_set(const scr_house_text *t) {
  return t->before != SCR_HOUSE_UNSET || t->after != SCR_HOUSE_UNSET ||
         t->line != SCR_HOUSE_UNSET;
}

/* w:contextualSpacing on, or off with w:val="0". */
static bool apply_contextual(xmlNodePtr ppr, int on) {
  xmlNodePtr el = ppr ? ensure(ppr, "contextualSpacing", PPR_ORDER) : NULL;
  if (!el)
    return false;
  if (on)
    unset_attr(el, "val");
  return on || set_attr(el, "val", "0");
}

static bool run_set(const scr_house_text *t) {
  return t->font[0] || t->size != SCR_HOUSE_UNSET || t->colour[0] ||
         t->bold != SCR_HOUSE_UNSET || t->italic != SCR_HOUSE_UNSET;
}

static bool apply_style(xmlNodePtr st, const scr_house_text *t) {
  bool ok = true;
  if (paragraph_set(t))
    ok = apply_spacing(ensure(st, "pPr", STYLE_ORDER), t);
  if (ok && t->contextual != SCR_HOUSE_UNSET)
    ok = apply_contextual(ensure(st, "pPr", STYLE_ORDER), t->contextual);
  if (ok && run_set(t))
    ok = apply_run(ensure(st, "rPr", STYLE_ORDER), t);
  return ok;
}

/* The body's font and size on w:rPrDefault, for the styles that set none. */
static bool apply_defaults(xmlNodePtr root, const scr_house_text *body) {
  if (!body->font[0] && body->size == SCR_HOUSE_UNSET)
    return true;
  xmlNodePtr defaults = tpl_child(root, W, "docDefaults");
  if (!defaults) {
    xmlNsPtr ns = xmlSearchNsByHref(root->doc, root, BAD_CAST W);
    defaults =
        ns ? xmlNewDocNode(root->doc, ns, BAD_CAST "docDefaults", NULL) : NULL;
    if (!defaults)
      return false;
    /* first in CT_Styles, after w:latentStyles' place only */
    if (root->children)
      xmlAddPrevSibling(root->children, defaults);
    else
      xmlAddChild(root, defaults);
  }
  xmlNodePtr rpr_default = ensure(defaults, "rPrDefault", DEFAULTS_ORDER);
  xmlNodePtr rpr = rpr_default ? ensure(rpr_default, "rPr", ONLY_RPR) : NULL;
  scr_house_text t = {
      .size = body->size, .bold = SCR_HOUSE_UNSET, .italic = SCR_HOUSE_UNSET};
  memcpy(t.font, body->font, sizeof t.font);
  return apply_run(rpr, &t);
}

scr_error tpl_apply_house_docx(xmlDocPtr styles, const scr_house *h) {
  xmlNodePtr root = xmlDocGetRootElement(styles);
  if (!tpl_is(root, W, "styles"))
    return SCR_OK;
  for (int r = 0; r < SCR_HOUSE_ROLES; r++) {
    xmlNodePtr st = hd_role_style(root, (scr_house_role)r);
    if (st && !apply_style(st, &h->text[r]))
      return SCR_E_NOMEM;
  }
  return apply_defaults(root, &h->text[SCR_HOUSE_BODY]) ? SCR_OK : SCR_E_NOMEM;
}
