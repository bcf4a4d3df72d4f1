/*
 * The repair of an ODT template's styles.xml (office:styles and the font
 * declarations, the parts the writer copies). What real templates carry
 * and lack, and what is done:
 *
 *   - LibreOffice's heading numbering (Tools > Heading Numbering) is the
 *     text:outline-style: the numbers go, the outline stays, as the
 *     documents number their agenda items in the text; a list style given
 *     to a style the documents use, or to one it inherits from, goes too;
 *   - a style the documents use may be there under another name
 *     (LibreOffice 7.5 and older call Body Text "Text body"): it takes the
 *     documents' name, and the references to it follow;
 *   - without default paragraph properties (style:default-style), the
 *     built-in ones are added;
 *   - a style the documents use that is missing is copied from the
 *     built-in style, with its parents and the fonts it names.
 */
#include "odt.h"
#include "template_styles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far parent-style-name chains are followed. */
#define MAX_PARENTS 32

static const char *const FAMILY_OF[] = {
    [TPL_PARAGRAPH] = "paragraph",
    [TPL_CHARACTER] = "text",
    [TPL_TABLE] = NULL, /* the ODT's tables take no style of the template */
};

static const char *ns(const char *prefix) {
  return scr_odt_ns_uri(prefix);
}

/* Attribute `local` of `n` in the namespace of `prefix` (xmlFree). */
static xmlChar *attr(const xmlNode *n, const char *prefix, const char *local) {
  return n ? xmlGetNsProp(n, BAD_CAST local, BAD_CAST ns(prefix)) : NULL;
}

static void nomem(tpl_fixes *f) {
  f->err = f->err ? f->err : SCR_E_NOMEM;
}

static void set_attr(xmlNodePtr n, const char *prefix, const char *local,
                     const char *value, tpl_fixes *f) {
  xmlNsPtr name_ns = xmlSearchNsByHref(n->doc, n, BAD_CAST ns(prefix));
  if (!name_ns)
    name_ns = xmlNewNs(n, BAD_CAST ns(prefix), BAD_CAST prefix);
  if (!name_ns || !xmlSetNsProp(n, name_ns, BAD_CAST local, BAD_CAST value))
    nomem(f);
  f->changed = true;
}

static void unset_attr(xmlNodePtr n, const char *prefix, const char *local,
                       tpl_fixes *f) {
  xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST local, BAD_CAST ns(prefix));
  if (a) {
    xmlRemoveProp(a);
    f->changed = true;
  }
}

static bool is_style(const xmlNode *n, const char *family) {
  return tpl_is(n, ns("style"), "style") &&
         tpl_attr_is(n, ns("style"), "family", family);
}

static xmlNodePtr style_named(xmlNodePtr styles, const char *family,
                              const char *name) {
  for (xmlNodePtr n = styles->children; name && n; n = n->next)
    if (is_style(n, family) && tpl_attr_is(n, ns("style"), "name", name))
      return n;
  return NULL;
}

/* How many of the template's styles, of any kind, are called `name`. */
static size_t called(xmlNodePtr styles, const char *name) {
  size_t count = 0;
  for (xmlNodePtr n = styles->children; n; n = n->next)
    count += n->type == XML_ELEMENT_NODE &&
             tpl_attr_is(n, ns("style"), "name", name);
  return count;
}

static int hex_digit(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

/* The length of an escape "_20_" (one or two hex digits) at `p`, its value
   into *v; 0 when there is none there. */
static size_t escape_at(const char *p, unsigned *v) {
  if (p[0] != '_' || hex_digit(p[1]) < 0)
    return 0;
  size_t digits = hex_digit(p[2]) >= 0 ? 2 : 1;
  if (p[1 + digits] != '_')
    return 0;
  *v = (unsigned)hex_digit(p[1]);
  if (digits == 2)
    *v = *v * 16 + (unsigned)hex_digit(p[2]);
  return *v ? digits + 2 : 0;
}

/* LibreOffice's encoded name decoded: "Text_20_body" is "Text body".
   Caller frees. */
static char *decode_name(const char *name) {
  char *out = malloc(strlen(name) + 1), *w = out;
  for (const char *p = name; out && *p;) {
    unsigned v;
    size_t n = escape_at(p, &v);
    *w++ = n ? (char)v : *p;
    p += n ? n : 1;
  }
  if (out)
    *w = '\0';
  return out;
}

/* The name a style shows: its display-name, else its name decoded.
   Caller frees. */
static char *display_name(const xmlNode *st) {
  xmlChar *shown = attr(st, "style", "display-name");
  xmlChar *name = shown ? NULL : attr(st, "style", "name");
  char *s = shown  ? scr_strdup((const char *)shown)
            : name ? decode_name((const char *)name)
                   : scr_strdup("?");
  xmlFree(shown);
  xmlFree(name);
  return s;
}

static void note_style(tpl_fixes *f, scr_buf *list, const xmlNode *st) {
  char *name = display_name(st);
  if (!name)
    nomem(f);
  else
    tpl_note(f, list, name);
  free(name);
}

/* Whether `name` is the ODT name of a role. */
static bool is_role_name(const char *name) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  bool is = false;
  for (size_t i = 0; name && i < n && !is; i++) {
    char *own = roles[i].odt ? scr_odt_style_name(roles[i].name) : NULL;
    is = own && strcmp(own, name) == 0;
    free(own);
  }
  return is;
}

/* ---- styles under other names ---------------------------------------------
 */

/* The first style of the role's family named as the role is, whose name is
   no role's own; NULL when there is none, or when another of the
   template's styles shares its name (renaming it would rename both). */
static xmlNodePtr named_style(xmlNodePtr styles, const tpl_role *r) {
  for (xmlNodePtr n = styles->children; n; n = n->next) {
    if (!is_style(n, FAMILY_OF[r->family]))
      continue;
    xmlChar *name = attr(n, "style", "name");
    char *shown = display_name(n);
    /* the cheap test first: a template may hold many thousand styles */
    bool match =
        name && tpl_role_named(r, shown) && !is_role_name((const char *)name);
    bool alone = match && called(styles, (const char *)name) == 1;
    xmlFree(name);
    free(shown);
    if (match)
      return alone ? n : NULL;
  }
  return NULL;
}

/* Whether an attribute names a style: parent-style-name, next-style-name,
   text:style-name, default-style-name, citation-style-name... */
static bool names_style(const xmlAttr *a) {
  size_t n = strlen((const char *)a->name);
  return n >= 10 && strcmp((const char *)a->name + n - 10, "style-name") == 0;
}

/* Every reference to `old` in and below `n` names `name` instead. */
static void rename_refs(xmlNodePtr n, const char *old, const char *name,
                        tpl_fixes *f) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
      xmlChar *v = names_style(a) ? xmlNodeGetContent((xmlNodePtr)a) : NULL;
      if (v && strcmp((const char *)v, old) == 0 &&
          !xmlSetNsProp(n, a->ns, a->name, BAD_CAST name))
        nomem(f);
      xmlFree(v);
    }
    rename_refs(n->children, old, name, f);
  }
}

static void adopt_one(xmlNodePtr styles, const tpl_role *r, const char *name,
                      tpl_fixes *f) {
  xmlNodePtr st = named_style(styles, r);
  xmlChar *old = st ? attr(st, "style", "name") : NULL;
  char *shown = old ? display_name(st) : NULL;
  if (!old)
    return;
  /* the style keeps the name it shows in LibreOffice */
  if (shown)
    set_attr(st, "style", "display-name", shown, f);
  set_attr(st, "style", "name", name, f);
  rename_refs(styles->children, (const char *)old, name, f);
  char *what = shown ? scr_asprintf("%s as %s", shown, r->name) : NULL;
  if (what)
    tpl_note(f, &f->adopted, what);
  else
    nomem(f);
  free(what);
  free(shown);
  xmlFree(old);
}

static void adopt_named(xmlNodePtr styles, tpl_fixes *f) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  for (size_t i = 0; i < n && !f->err; i++) {
    const char *family = FAMILY_OF[roles[i].family];
    char *name =
        roles[i].odt && family ? scr_odt_style_name(roles[i].name) : NULL;
    if (name && !style_named(styles, family, name))
      adopt_one(styles, &roles[i], name, f);
    else if (!name && roles[i].odt && family)
      nomem(f);
    free(name);
  }
}

/* ---- numbering ---------------------------------------------------------- */

/* The numbers of the outline levels go; their indents and tabs stay. */
static void strip_outline(xmlNodePtr styles, tpl_fixes *f) {
  xmlNodePtr outline = tpl_child(styles, ns("text"), "outline-style");
  for (xmlNodePtr l = outline ? outline->children : NULL; l; l = l->next) {
    if (!tpl_is(l, ns("text"), "outline-level-style"))
      continue;
    xmlChar *format = attr(l, "style", "num-format");
    xmlChar *level = attr(l, "text", "level");
    if (format && *format) {
      set_attr(l, "style", "num-format", "", f);
      unset_attr(l, "style", "num-prefix", f);
      unset_attr(l, "style", "num-suffix", f);
      unset_attr(l, "text", "display-levels", f);
      /* LibreOffice's own spelling of the whole label */
      for (xmlAttrPtr a = l->properties; a; a = a->next)
        if (strcmp((const char *)a->name, "num-list-format") == 0) {
          xmlRemoveProp(a);
          break;
        }
      tpl_note(f, &f->outline, level ? (const char *)level : "?");
    }
    xmlFree(format);
    xmlFree(level);
  }
}

/* A list style on a role's paragraph style, or on one it inherits from. */
static void strip_lists(xmlNodePtr styles, tpl_fixes *f) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  for (size_t i = 0; i < n && !f->err; i++) {
    if (!roles[i].odt || roles[i].family != TPL_PARAGRAPH)
      continue;
    char *name = scr_odt_style_name(roles[i].name);
    if (!name)
      nomem(f);
    xmlNodePtr st = style_named(styles, "paragraph", name);
    for (int depth = 0; st && depth < MAX_PARENTS; depth++) {
      xmlChar *list = attr(st, "style", "list-style-name");
      if (list && *list) {
        unset_attr(st, "style", "list-style-name", f);
        note_style(f, &f->numbered, st);
      }
      xmlFree(list);
      xmlChar *parent = attr(st, "style", "parent-style-name");
      st = style_named(styles, "paragraph", (const char *)parent);
      xmlFree(parent);
    }
    free(name);
  }
}

/* ---- styles copied from the built-in style ---------------------------- */

static char copied_mark;

typedef struct odt_parts {
  xmlNodePtr root, styles, fonts; /* fonts may be NULL until one is added */
} odt_parts;

static odt_parts parts_of(xmlDocPtr doc) {
  odt_parts p = {xmlDocGetRootElement(doc), NULL, NULL};
  p.styles = tpl_child(p.root, ns("office"), "styles");
  p.fonts = tpl_child(p.root, ns("office"), "font-face-decls");
  return p;
}

static xmlNodePtr font_face(xmlNodePtr fonts, const char *name) {
  for (xmlNodePtr n = fonts ? fonts->children : NULL; name && n; n = n->next)
    if (tpl_is(n, ns("style"), "font-face") &&
        tpl_attr_is(n, ns("style"), "name", name))
      return n;
  return NULL;
}

/* The font-face-decls, made before office:styles when there are none. */
static xmlNodePtr font_decls(odt_parts *t, tpl_fixes *f) {
  if (t->fonts)
    return t->fonts;
  xmlNsPtr office =
      xmlSearchNsByHref(t->root->doc, t->root, BAD_CAST ns("office"));
  xmlNodePtr decls = office ? xmlNewDocNode(t->root->doc, office,
                                            BAD_CAST "font-face-decls", NULL)
                            : NULL;
  if (!decls || !xmlAddPrevSibling(t->styles, decls)) {
    xmlFreeNode(decls);
    nomem(f);
    return NULL;
  }
  return t->fonts = decls;
}

/* Each font a copied style names is declared, as the built-in declares it. */
static void add_fonts(odt_parts *t, const odt_parts *b, xmlNodePtr n,
                      tpl_fixes *f) {
  static const char *const FONT_ATTRS[] = {"font-name", "font-name-asian",
                                           "font-name-complex"};
  for (; n && !f->err; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    for (size_t i = 0; i < sizeof FONT_ATTRS / sizeof *FONT_ATTRS; i++) {
      xmlChar *font = attr(n, "style", FONT_ATTRS[i]);
      xmlNodePtr from = font && !font_face(t->fonts, (const char *)font)
                            ? font_face(b->fonts, (const char *)font)
                            : NULL;
      xmlNodePtr decls = from ? font_decls(t, f) : NULL;
      if (decls && !tpl_adopt_copy(decls, from))
        nomem(f);
      xmlFree(font);
    }
    add_fonts(t, b, n->children, f);
  }
}

static void add_style(odt_parts *t, const odt_parts *b, const char *family,
                      const char *name, const char *role, int depth,
                      tpl_fixes *f);

/* A copy's parent: the template's own, else copied too, else none. */
static void fix_parent(odt_parts *t, const odt_parts *b, xmlNodePtr copy,
                       const char *family, int depth, tpl_fixes *f) {
  xmlChar *parent = attr(copy, "style", "parent-style-name");
  if (parent && !style_named(t->styles, family, (const char *)parent) &&
      depth < MAX_PARENTS)
    add_style(t, b, family, (const char *)parent, NULL, depth + 1, f);
  if (parent && !style_named(t->styles, family, (const char *)parent))
    unset_attr(copy, "style", "parent-style-name", f);
  xmlFree(parent);
}

/* Copy the built-in style `name` when the template lacks it; named in the
   warning as its `role` (NULL: a parent of a role's style). */
static void add_style(odt_parts *t, const odt_parts *b, const char *family,
                      const char *name, const char *role, int depth,
                      tpl_fixes *f) {
  xmlNodePtr from = style_named(t->styles, family, name)
                        ? NULL
                        : style_named(b->styles, family, name);
  if (!from)
    return;
  xmlNodePtr copy = tpl_adopt_copy(t->styles, from);
  if (!copy) {
    nomem(f);
    return;
  }
  copy->_private = &copied_mark;
  if (role)
    tpl_note(f, &f->added, role);
  else
    note_style(f, &f->added, copy);
  add_fonts(t, b, copy, f);
  fix_parent(t, b, copy, family, depth, f);
}

/* A copy's next-style-name naming a style the template lacks goes. */
static void drop_dangling(xmlNodePtr styles, tpl_fixes *f) {
  for (xmlNodePtr n = styles->children; n; n = n->next) {
    if (n->_private != &copied_mark)
      continue;
    n->_private = NULL;
    xmlChar *family = attr(n, "style", "family");
    xmlChar *next = attr(n, "style", "next-style-name");
    if (next && family &&
        !style_named(styles, (const char *)family, (const char *)next))
      unset_attr(n, "style", "next-style-name", f);
    xmlFree(family);
    xmlFree(next);
  }
}

static xmlNodePtr default_style(xmlNodePtr styles, const char *family) {
  for (xmlNodePtr n = styles ? styles->children : NULL; n; n = n->next)
    if (tpl_is(n, ns("style"), "default-style") &&
        tpl_attr_is(n, ns("style"), "family", family))
      return n;
  return NULL;
}

/* The default paragraph properties (language, font, tab stops). */
static void ensure_default(odt_parts *t, const odt_parts *b, tpl_fixes *f) {
  xmlNodePtr from = default_style(b->styles, "paragraph");
  if (default_style(t->styles, "paragraph") || !from)
    return;
  xmlNodePtr copy = tpl_adopt_copy(t->styles, from);
  if (!copy) {
    nomem(f);
    return;
  }
  /* first, where LibreOffice writes it */
  xmlUnlinkNode(copy);
  if (t->styles->children)
    xmlAddPrevSibling(t->styles->children, copy);
  else
    xmlAddChild(t->styles, copy);
  add_fonts(t, b, copy, f);
  snprintf(f->made_default, sizeof f->made_default, "Default Paragraph Style");
  f->default_added = f->changed = true;
}

void tpl_repair_odt(xmlDocPtr doc, xmlDocPtr builtin, tpl_fixes *f) {
  odt_parts t = parts_of(doc), b = parts_of(builtin);
  if (!t.styles || !b.styles)
    return;
  adopt_named(t.styles, f);
  strip_outline(t.styles, f);
  strip_lists(t.styles, f);
  ensure_default(&t, &b, f);
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  for (size_t i = 0; i < n && !f->err; i++) {
    const char *family = FAMILY_OF[roles[i].family];
    char *name =
        roles[i].odt && family ? scr_odt_style_name(roles[i].name) : NULL;
    if (name)
      add_style(&t, &b, family, name, roles[i].name, 0, f);
    free(name);
  }
  drop_dangling(t.styles, f);
}
