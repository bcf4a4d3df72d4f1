/*
 * The house style of a DOCX template: the text of each role as it shows,
 * each property taken from the nearest of the role's style, the styles it
 * is based on and the document defaults (w:docDefaults) that sets it, so
 * that a heading based on Normal names Normal's serif font. The page and
 * the header art are read in template_house_docx_page.c.
 */
#include "template_house_docx.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W DOCX_NS_W

/* ---- the levels a property is looked for in, nearest first ------------- */

typedef struct level {
  xmlNodePtr rpr, ppr;
} level;

/* The role's style up its w:basedOn chain, then the table style of a
   table's paragraphs (which Word applies under the paragraph style: Table
   Grid packs the cells' lines), then the document defaults; the number of
   levels. */
static size_t levels_of(xmlNodePtr root, xmlNodePtr st, xmlNodePtr table,
                        level out[HD_MAX_BASED_ON + 2]) {
  size_t n = 0;
  for (; st && n < HD_MAX_BASED_ON; st = hd_based_on(root, st))
    out[n++] = (level){tpl_child(st, W, "rPr"), tpl_child(st, W, "pPr")};
  if (table)
    out[n++] = (level){tpl_child(table, W, "rPr"), tpl_child(table, W, "pPr")};
  xmlNodePtr defaults = tpl_child(root, W, "docDefaults");
  out[n++] = (level){
      tpl_child(tpl_child(defaults, W, "rPrDefault"), W, "rPr"),
      tpl_child(tpl_child(defaults, W, "pPrDefault"), W, "pPr"),
  };
  return n;
}

/* Each reader says whether the level sets the property, and if so puts its
   value (possibly "unset", for an automatic colour) into `t`. */
typedef bool (*prop_reader)(const level *l, scr_house_text *t);

static bool read_font(const level *l, scr_house_text *t) {
  xmlNodePtr fonts = tpl_child(l->rpr, W, "rFonts");
  xmlChar *v = hd_w_attr(fonts, "ascii");
  if (!v)
    v = hd_w_attr(fonts, "hAnsi");
  bool set = v && *v && strlen((const char *)v) < sizeof t->font;
  if (set)
    snprintf(t->font, sizeof t->font, "%s", (const char *)v);
  xmlFree(v);
  return set;
}

static bool read_size(const level *l, scr_house_text *t) {
  xmlChar *v = hd_w_attr(tpl_child(l->rpr, W, "sz"), "val");
  int size = 0;
  bool set = hd_measure(v, 2, &size) && size > 0;
  if (set)
    t->size = size;
  xmlFree(v);
  return set;
}

static bool is_hex6(const xmlChar *v) {
  if (!v || xmlStrlen(v) != 6)
    return false;
  for (int i = 0; i < 6; i++)
    if (!isxdigit(v[i]))
      return false;
  return true;
}

static bool read_colour(const level *l, scr_house_text *t) {
  xmlChar *v = hd_w_attr(tpl_child(l->rpr, W, "color"), "val");
  bool automatic = v && xmlStrEqual(v, BAD_CAST "auto"), hex = is_hex6(v);
  if (automatic || hex) {
    for (int i = 0; hex && i < 6; i++)
      t->colour[i] = (char)toupper(v[i]);
    t->colour[hex ? 6 : 0] = '\0';
  }
  xmlFree(v);
  return automatic || hex;
}

/* A toggle, w:b or w:i: on, or off with w:val="0". */
static bool read_toggle(const level *l, const char *name, int *out) {
  xmlNodePtr el = tpl_child(l->rpr, W, name);
  if (!el)
    return false;
  xmlChar *v = hd_w_attr(el, "val");
  *out = hd_on(v) ? 1 : 0;
  xmlFree(v);
  return true;
}

static bool read_bold(const level *l, scr_house_text *t) {
  return read_toggle(l, "b", &t->bold);
}

static bool read_italic(const level *l, scr_house_text *t) {
  return read_toggle(l, "i", &t->italic);
}

static bool read_spacing(const level *l, const char *name, int *out) {
  xmlChar *v = hd_w_attr(tpl_child(l->ppr, W, "spacing"), name);
  int twips = 0;
  bool set = hd_measure(v, 20, &twips) && twips >= 0;
  if (set)
    *out = twips;
  xmlFree(v);
  return set;
}

static bool read_before(const level *l, scr_house_text *t) {
  return read_spacing(l, "before", &t->before);
}

static bool read_after(const level *l, scr_house_text *t) {
  return read_spacing(l, "after", &t->after);
}

/* A line height: proportional (lineRule auto, or none) in 240ths; an exact
   or at-least height is set but carries as unset. */
static bool read_line(const level *l, scr_house_text *t) {
  xmlNodePtr spacing = tpl_child(l->ppr, W, "spacing");
  xmlChar *v = hd_w_attr(spacing, "line");
  xmlChar *rule = hd_w_attr(spacing, "lineRule");
  int line = 0;
  bool set = v && hd_measure(v, 20, &line);
  if (set)
    t->line = (!rule || xmlStrEqual(rule, BAD_CAST "auto")) && line > 0
                  ? line
                  : SCR_HOUSE_UNSET;
  xmlFree(v);
  xmlFree(rule);
  return set;
}

/* Word's "Don't add space between paragraphs of the same style". */
static bool read_contextual(const level *l, scr_house_text *t) {
  xmlNodePtr el = tpl_child(l->ppr, W, "contextualSpacing");
  if (!el)
    return false;
  xmlChar *v = hd_w_attr(el, "val");
  t->contextual = hd_on(v) ? 1 : 0;
  xmlFree(v);
  return true;
}

static const prop_reader READERS[] = {
    read_font,   read_size,  read_colour, read_bold,       read_italic,
    read_before, read_after, read_line,   read_contextual,
};

/* The table style the documents' tables use, Table Grid, or NULL. */
static xmlNodePtr table_grid(xmlNodePtr root) {
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    if (tpl_is(n, W, "style") && tpl_attr_is(n, W, "styleId", "TableGrid") &&
        tpl_attr_is(n, W, "type", "table"))
      return n;
  return NULL;
}

/* The text of style `st` as it shows. */
static void resolve_text(xmlNodePtr root, xmlNodePtr st, xmlNodePtr table,
                         scr_house_text *t) {
  level levels[HD_MAX_BASED_ON + 2];
  size_t n = levels_of(root, st, table, levels);
  for (size_t r = 0; r < sizeof READERS / sizeof *READERS; r++)
    for (size_t i = 0; i < n; i++)
      if (READERS[r](&levels[i], t))
        break;
}

scr_error tpl_house_docx(const scr_zpkg *p, xmlDocPtr styles, scr_house *h) {
  xmlNodePtr root = xmlDocGetRootElement(styles);
  for (int r = 0; r < SCR_HOUSE_ROLES; r++) {
    xmlNodePtr st = hd_role_style(root, (scr_house_role)r);
    if (st || r == SCR_HOUSE_BODY)
      resolve_text(root, st,
                   r == SCR_HOUSE_TABLE_HEADING || r == SCR_HOUSE_TABLE_CONTENTS
                       ? table_grid(root)
                       : NULL,
                   &h->text[r]);
  }
  return hd_read_page(p, styles, h);
}
