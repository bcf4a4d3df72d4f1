/*
 * The house style of an ODT template: the text of each role, read from the
 * repaired styles.xml, each property resolved through the style's parents
 * (style:parent-style-name) and the default paragraph style; the page and
 * the header art are read by template_house_odt_page.c, and the house is
 * applied to the built-in styles by template_house_odt_apply.c.
 */
#include "template_house_odt.h"
#include "odt.h"

#include <stdlib.h>
#include <string.h>

/* How far parent-style-name chains are followed. */
#define MAX_PARENTS 32
/* Weights from this are bold, as LibreOffice shows them (semibold, 600). */
#define BOLD_WEIGHT 600
#define SINGLE_LINE 240 /* 240ths of a line */

/* ---- the chain of a role's style ---------------------------------------- */

/* A style and its ancestors, nearest first, ending with the default
   paragraph style when there is one. */
typedef struct chain {
  xmlNodePtr at[MAX_PARENTS + 1];
  int n;
} chain;

static xmlNodePtr paragraph_style(xmlNodePtr styles, const char *name) {
  for (xmlNodePtr n = styles->children; name && n; n = n->next)
    if (tpl_is(n, scr_odt_ns_uri("style"), "style") &&
        tpl_attr_is(n, scr_odt_ns_uri("style"), "family", "paragraph") &&
        tpl_attr_is(n, scr_odt_ns_uri("style"), "name", name))
      return n;
  return NULL;
}

static xmlNodePtr default_paragraph(xmlNodePtr styles) {
  for (xmlNodePtr n = styles->children; n; n = n->next)
    if (tpl_is(n, scr_odt_ns_uri("style"), "default-style") &&
        tpl_attr_is(n, scr_odt_ns_uri("style"), "family", "paragraph"))
      return n;
  return NULL;
}

/* The chain of style `name`: only the default style when the template
   has no such style, as the text would show. */
static chain chain_of(xmlNodePtr styles, const char *name) {
  chain c = {.n = 0};
  xmlNodePtr st = paragraph_style(styles, name);
  while (st && c.n < MAX_PARENTS) {
    c.at[c.n++] = st;
    xmlChar *parent = tpl_odt_attr(st, "style", "parent-style-name");
    xmlNodePtr up = paragraph_style(styles, (const char *)parent);
    xmlFree(parent);
    for (int i = 0; up && i < c.n; i++)
      if (c.at[i] == up)
        up = NULL; /* a loop */
    st = up;
  }
  xmlNodePtr def = default_paragraph(styles);
  if (def)
    c.at[c.n++] = def;
  return c;
}

/* The nearest value of `prefix`:`local` on the `props` properties of the
   chain from index `from`, its index into *where (xmlFree). */
static xmlChar *nearest(const chain *c, int from, const char *props,
                        const char *prefix, const char *local, int *where) {
  for (int i = from; i < c->n; i++) {
    xmlChar *v =
        tpl_odt_attr(tpl_odt_child(c->at[i], "style", props), prefix, local);
    if (v) {
      *where = i;
      return v;
    }
  }
  return NULL;
}

/* ---- the properties ------------------------------------------------------ */

/* A font family without its quotes: "'Liberation Serif'" is the font
   Liberation Serif; only the first of a list counts. */
static void unquote_family(const char *v, char *out, size_t size) {
  while (*v == ' ')
    v++;
  char quote = *v == '\'' || *v == '"' ? *v++ : '\0';
  size_t n = 0;
  for (; v[n] && (quote ? v[n] != quote : v[n] != ','); n++)
    ;
  while (!quote && n > 0 && v[n - 1] == ' ')
    n--;
  if (n >= size)
    n = 0; /* a name too long for the house is no font */
  memcpy(out, v, n);
  out[n] = '\0';
}

/* The font: style:font-name names a font face, whose svg:font-family is
   the family; else fo:font-family. The nearer of the two wins. */
static void read_font(xmlNodePtr fonts, const chain *c, scr_house_text *t) {
  int at_name = c->n, at_family = c->n;
  xmlChar *name =
      nearest(c, 0, "text-properties", "style", "font-name", &at_name);
  xmlChar *family =
      nearest(c, 0, "text-properties", "fo", "font-family", &at_family);
  if (name && at_name <= at_family) {
    xmlNodePtr face =
        tpl_odt_named(fonts, "style", "font-face", (const char *)name);
    xmlChar *f = tpl_odt_attr(face, "svg", "font-family");
    unquote_family(f ? (const char *)f : (const char *)name, t->font,
                   sizeof t->font);
    xmlFree(f);
  } else if (family) {
    unquote_family((const char *)family, t->font, sizeof t->font);
  }
  xmlFree(name);
  xmlFree(family);
}

/* The size in half-points of the chain from `from`: a percentage is of
   the size its parent shows. */
static int size_from(const chain *c, int from, int depth) {
  int at = c->n, v = 0;
  xmlChar *s = nearest(c, from, "text-properties", "fo", "font-size", &at);
  int size = SCR_HOUSE_UNSET;
  const char *rest = NULL;
  if (s && tpl_odt_length((const char *)s, TPL_TWIPS, &v) && v > 0)
    size = (v + 5) / 10; /* twips to half-points */
  else if (s && tpl_odt_number((const char *)s, 1000, &v, &rest) &&
           strcmp(rest, "%") == 0 && depth < MAX_PARENTS) {
    int parent = size_from(c, at + 1, depth + 1);
    if (parent != SCR_HOUSE_UNSET)
      size = (int)(((long long)parent * v + 50000) / 100000);
  }
  xmlFree(s);
  return size;
}

static void read_colour(const chain *c, scr_house_text *t) {
  int at;
  xmlChar *v = nearest(c, 0, "text-properties", "fo", "color", &at);
  const char *s = (const char *)v;
  if (s && s[0] == '#' && strlen(s) == 7 &&
      strspn(s + 1, "0123456789abcdefABCDEF") == 6)
    for (int i = 0; i < 6; i++)
      t->colour[i] = (char)(s[i + 1] >= 'a' ? s[i + 1] - 'a' + 'A' : s[i + 1]);
  xmlFree(v);
}

static int weight_bold(const char *s) {
  int w = 0;
  const char *rest = NULL;
  if (strcmp(s, "bold") == 0)
    return 1;
  if (strcmp(s, "normal") == 0)
    return 0;
  if (tpl_odt_number(s, 1, &w, &rest) && !*rest)
    return w >= BOLD_WEIGHT;
  return SCR_HOUSE_UNSET;
}

static void read_flags(const chain *c, scr_house_text *t) {
  int at;
  xmlChar *w = nearest(c, 0, "text-properties", "fo", "font-weight", &at);
  if (w)
    t->bold = weight_bold((const char *)w);
  xmlChar *s = nearest(c, 0, "text-properties", "fo", "font-style", &at);
  if (s)
    t->italic = strcmp((const char *)s, "normal") != 0;
  xmlFree(w);
  xmlFree(s);
}

static int spacing(const chain *c, const char *local) {
  int at, v = SCR_HOUSE_UNSET;
  xmlChar *s = nearest(c, 0, "paragraph-properties", "fo", local, &at);
  if (s && !tpl_odt_length((const char *)s, TPL_TWIPS, &v))
    v = SCR_HOUSE_UNSET;
  xmlFree(s);
  return v;
}

/* A proportional line height; "normal" is single; an exact or at-least
   height nearer the style than a proportional one leaves it unset. */
static int line_height(const chain *c) {
  int at = c->n, at_least = c->n, v = SCR_HOUSE_UNSET;
  xmlChar *s = nearest(c, 0, "paragraph-properties", "fo", "line-height", &at);
  xmlChar *min = nearest(c, 0, "paragraph-properties", "style",
                         "line-height-at-least", &at_least);
  const char *rest = NULL;
  int pct = 0;
  if (s && at <= at_least) {
    if (strcmp((const char *)s, "normal") == 0)
      v = SINGLE_LINE;
    else if (tpl_odt_number((const char *)s, SINGLE_LINE, &pct, &rest) &&
             strcmp(rest, "%") == 0 && pct > 0)
      v = (pct + 50) / 100;
  }
  xmlFree(s);
  xmlFree(min);
  return v;
}

/* The ODT name of a role's style: the default paragraph style is
   Standard, over the default style. Caller frees. */
static char *role_style(scr_house_role role) {
  if (role == SCR_HOUSE_BODY)
    return scr_strdup(ODT_MASTER_PAGE); /* "Standard", the same name */
  return scr_odt_style_name(scr_house_role_name(role));
}

static scr_error read_role(xmlNodePtr styles, xmlNodePtr fonts,
                           scr_house_role role, scr_house_text *t) {
  char *name = role_style(role);
  if (!name)
    return SCR_E_NOMEM;
  chain c = chain_of(styles, name);
  free(name);
  if (c.n == 0)
    return SCR_OK;
  read_font(fonts, &c, t);
  t->size = size_from(&c, 0, 0);
  read_colour(&c, t);
  read_flags(&c, t);
  t->before = spacing(&c, "margin-top");
  t->after = spacing(&c, "margin-bottom");
  t->line = line_height(&c);
  int at;
  xmlChar *ctx = nearest(&c, 0, "paragraph-properties", "style",
                         "contextual-spacing", &at);
  if (ctx)
    t->contextual = strcmp((const char *)ctx, "true") == 0;
  xmlFree(ctx);
  return SCR_OK;
}

scr_error tpl_house_odt(const scr_zpkg *p, xmlDocPtr styles, scr_house *h) {
  xmlNodePtr root = xmlDocGetRootElement(styles);
  xmlNodePtr office = tpl_odt_child(root, "office", "styles");
  xmlNodePtr fonts = tpl_odt_child(root, "office", "font-face-decls");
  for (int r = 0; office && r < SCR_HOUSE_ROLES; r++) {
    scr_error err = read_role(office, fonts, (scr_house_role)r, &h->text[r]);
    if (err)
      return err;
  }
  return tpl_house_odt_page(p, styles, h);
}
