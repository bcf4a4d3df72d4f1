/*
 * The styles of a LibreOffice report: paragraph styles (headings by
 * their outline level, Title, quotations), text styles (formatting),
 * list styles (bullets, numbers, starts) and master pages (orientation).
 * Named styles are in styles.xml, automatic ones in both parts; an
 * automatic style's parent chain leads into the named ones.
 */
#include "report_odt.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Styles' parents are followed at most this far (a loop ends there). */
#define MAX_PARENTS 16

/* ---- XML ----------------------------------------------------------------- */

bool odt_is(const xmlNode *n, const char *ns, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, ns) == 0 &&
         strcmp((const char *)n->name, name) == 0;
}

const char *odt_attr(const xmlNode *n, const char *ns, const char *name) {
  for (xmlAttrPtr a = n ? n->properties : NULL; a; a = a->next)
    if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, ns) == 0 &&
        strcmp((const char *)a->name, name) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE)
      return (const char *)a->children->content;
  return NULL;
}

xmlNodePtr odt_child(const xmlNode *n, const char *ns, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (odt_is(c, ns, name))
      return c;
  return NULL;
}

bool odt_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int odt_int_attr(const xmlNode *n, const char *ns, const char *name,
                 int fallback) {
  const char *v = odt_attr(n, ns, name);
  return v ? (int)strtol(v, NULL, 10) : fallback;
}

/* ---- reading ------------------------------------------------------------- */

static scr_error add_style(odt_styles *s, xmlNodePtr n) {
  if (scr_reserve(&s->st, &s->cap_st, s->n_st + 1, sizeof *s->st))
    return SCR_E_NOMEM;
  s->st[s->n_st++] = (odt_style){n,
                                 odt_attr(n, NS_STYLE, "family"),
                                 odt_attr(n, NS_STYLE, "name"),
                                 odt_attr(n, NS_STYLE, "parent-style-name"),
                                 odt_attr(n, NS_STYLE, "display-name"),
                                 odt_attr(n, NS_STYLE, "list-style-name"),
                                 odt_attr(n, NS_STYLE, "master-page-name")};
  return SCR_OK;
}

static scr_error add_list_style(odt_styles *s, xmlNodePtr n) {
  if (scr_reserve(&s->lists, &s->cap_lists, s->n_lists + 1, sizeof *s->lists))
    return SCR_E_NOMEM;
  s->lists[s->n_lists++] = (odt_list_style){odt_attr(n, NS_STYLE, "name"), n};
  return SCR_OK;
}

static scr_error add_styles(odt_styles *s, const xmlNode *holder) {
  scr_error err = SCR_OK;
  for (xmlNodePtr n = holder ? holder->children : NULL; n && !err; n = n->next)
    if (odt_is(n, NS_STYLE, "style"))
      err = add_style(s, n);
    else if (odt_is(n, NS_TEXT, "list-style"))
      err = add_list_style(s, n);
  return err;
}

/* Whether page layout `name` among `autos` is landscape. */
static bool layout_landscape(const xmlNode *autos, const char *name) {
  for (xmlNodePtr pl = autos ? autos->children : NULL; name && pl;
       pl = pl->next) {
    const char *pl_name = odt_attr(pl, NS_STYLE, "name");
    if (!odt_is(pl, NS_STYLE, "page-layout") || !pl_name ||
        strcmp(pl_name, name))
      continue;
    const char *o = odt_attr(odt_child(pl, NS_STYLE, "page-layout-properties"),
                             NS_STYLE, "print-orientation");
    return o && strcmp(o, "landscape") == 0;
  }
  return false;
}

static scr_error add_masters(odt_styles *s, const xmlNode *root) {
  xmlNodePtr autos = odt_child(root, NS_OFFICE, "automatic-styles");
  xmlNodePtr masters = odt_child(root, NS_OFFICE, "master-styles");
  for (xmlNodePtr m = masters ? masters->children : NULL; m; m = m->next) {
    if (!odt_is(m, NS_STYLE, "master-page"))
      continue;
    if (scr_reserve(&s->masters, &s->cap_masters, s->n_masters + 1,
                    sizeof *s->masters))
      return SCR_E_NOMEM;
    s->masters[s->n_masters++] = (odt_master){
        odt_attr(m, NS_STYLE, "name"),
        layout_landscape(autos, odt_attr(m, NS_STYLE, "page-layout-name"))};
  }
  return SCR_OK;
}

scr_error odt_styles_read(odt_styles *s, xmlDocPtr styles, xmlDocPtr content) {
  *s = (odt_styles){0};
  xmlNodePtr sroot = styles ? xmlDocGetRootElement(styles) : NULL;
  xmlNodePtr croot = content ? xmlDocGetRootElement(content) : NULL;
  scr_error err = add_styles(s, odt_child(sroot, NS_OFFICE, "styles"));
  if (!err)
    err = add_styles(s, odt_child(sroot, NS_OFFICE, "automatic-styles"));
  if (!err)
    err = add_styles(s, odt_child(croot, NS_OFFICE, "automatic-styles"));
  if (!err)
    err = add_masters(s, sroot);
  return err;
}

void odt_styles_free(odt_styles *s) {
  free(s->st);
  free(s->lists);
  free(s->masters);
  *s = (odt_styles){0};
}

/* ---- looking up ---------------------------------------------------------- */

const odt_style *odt_style_find(const odt_styles *s, const char *family,
                                const char *name) {
  if (!name)
    return NULL;
  /* the last of a name wins: content.xml's automatic styles, read last */
  for (size_t i = s->n_st; i-- > 0;)
    if (s->st[i].name && strcmp(s->st[i].name, name) == 0 &&
        (!family || (s->st[i].family && strcmp(s->st[i].family, family) == 0)))
      return &s->st[i];
  return NULL;
}

static const odt_style *parent_of(const odt_styles *s, const odt_style *st) {
  return st->parent ? odt_style_find(s, st->family, st->parent) : NULL;
}

/* The shift of a style:text-position: "super 58%" up, "-33% 58%" down. */
static double text_shift(const char *pos) {
  return strncmp(pos, "super", 5) == 0 ? 1
         : strncmp(pos, "sub", 3) == 0 ? -1
                                       : strtod(pos, NULL);
}

/* The bits of `format` that text properties `tp` say, into *set (which
   bits they say) and *on (which of those are on); bits already in *set,
   said by a style nearer the text, are left alone. */
static void text_properties(const xmlNode *tp, unsigned *set, unsigned *on) {
  const char *weight = odt_attr(tp, NS_FO, "font-weight");
  const char *style = odt_attr(tp, NS_FO, "font-style");
  const char *under = odt_attr(tp, NS_STYLE, "text-underline-style");
  const char *strike = odt_attr(tp, NS_STYLE, "text-line-through-style");
  const char *pos = odt_attr(tp, NS_STYLE, "text-position");
  const char *display = odt_attr(tp, NS_TEXT, "display");
  if (weight && !(*set & SCR_RT_BOLD)) {
    *set |= SCR_RT_BOLD;
    bool bold = strcmp(weight, "bold") == 0 || atoi(weight) >= 600;
    *on |= bold ? SCR_RT_BOLD : 0;
  }
  /* underline is shown as emphasis: one bit says both */
  if ((style || under) && !(*set & SCR_RT_ITALIC)) {
    *set |= SCR_RT_ITALIC;
    bool italic = style && (strcmp(style, "italic") == 0 ||
                            strcmp(style, "oblique") == 0);
    bool underlined = under && strcmp(under, "none") != 0;
    *on |= italic || underlined ? SCR_RT_ITALIC : 0;
  }
  if (strike && !(*set & SCR_RT_STRIKE)) {
    *set |= SCR_RT_STRIKE;
    *on |= strcmp(strike, "none") != 0 ? SCR_RT_STRIKE : 0;
  }
  if (pos && !(*set & (SCR_RT_SUPERSCRIPT | SCR_RT_SUBSCRIPT))) {
    *set |= SCR_RT_SUPERSCRIPT | SCR_RT_SUBSCRIPT;
    double shift = text_shift(pos);
    *on |= shift > 0 ? SCR_RT_SUPERSCRIPT : shift < 0 ? SCR_RT_SUBSCRIPT : 0;
  }
  if (display && !(*set & ODT_HIDDEN)) {
    *set |= ODT_HIDDEN;
    *on |= strcmp(display, "none") == 0 ? ODT_HIDDEN : 0;
  }
}

unsigned odt_text_format(const odt_styles *s, const odt_style *st,
                         unsigned base) {
  unsigned set = 0, on = 0;
  for (int hops = 0; st && hops < MAX_PARENTS; hops++, st = parent_of(s, st))
    text_properties(odt_child(st->node, NS_STYLE, "text-properties"), &set,
                    &on);
  return (base & ~set) | on;
}

odt_kind odt_paragraph_kind(const odt_styles *s, const char *name, int *level) {
  const odt_style *st = odt_style_find(s, "paragraph", name);
  for (int hops = 0; st && hops < MAX_PARENTS; hops++, st = parent_of(s, st)) {
    const char *shown = st->display ? st->display : st->name;
    if (strcmp(st->name, "Title") == 0 || strcmp(shown, "Title") == 0)
      return ODT_TITLE;
    if (strcmp(st->name, "Quotations") == 0 || strcmp(shown, "Quote") == 0 ||
        strcmp(shown, "Quotations") == 0)
      return ODT_QUOTE;
    const char *outline = odt_attr(st->node, NS_STYLE, "default-outline-level");
    if (outline && *outline) {
      *level = atoi(outline);
      return *level >= 1 ? ODT_HEADING : ODT_BODY;
    }
  }
  return ODT_BODY;
}

/* LibreOffice keeps each of Word's "List Bullet 2" paragraphs a list of
   its own, in a style of that name. */
int odt_list_depth_of_style(const odt_styles *s, const char *name) {
  const odt_style *st = odt_style_find(s, "paragraph", name);
  for (int hops = 0; st && hops < MAX_PARENTS; hops++, st = parent_of(s, st)) {
    const char *shown = st->display ? st->display : st->name;
    if ((strncmp(shown, "List Bullet ", 12) == 0 ||
         strncmp(shown, "List Number ", 12) == 0) &&
        strlen(shown) == 13 && shown[12] >= '2' && shown[12] <= '9')
      return shown[12] - '1';
  }
  return 0;
}

const char *odt_paragraph_list_style(const odt_styles *s, const char *name) {
  const odt_style *st = odt_style_find(s, "paragraph", name);
  for (int hops = 0; st && hops < MAX_PARENTS; hops++, st = parent_of(s, st))
    if (st->list_style && *st->list_style)
      return st->list_style;
  return NULL;
}

const xmlNode *odt_list_level_style(const odt_styles *s, const char *name,
                                    int level, bool *styled) {
  const xmlNode *ls = NULL;
  for (size_t i = 0; name && i < s->n_lists; i++)
    if (s->lists[i].name && strcmp(s->lists[i].name, name) == 0)
      ls = s->lists[i].node;
  *styled = ls != NULL;
  for (xmlNodePtr l = ls ? ls->children : NULL; l; l = l->next)
    if (l->type == XML_ELEMENT_NODE &&
        odt_int_attr(l, NS_TEXT, "level", 0) == level + 1)
      return l;
  return NULL;
}

odt_mark odt_level_mark(const xmlNode *lvl, bool styled) {
  if (!lvl) /* a list of no style LibreOffice numbers 1, 2, 3 */
    return styled ? ODT_BULLET : ODT_NUMBER;
  if (!odt_is(lvl, NS_TEXT, "list-level-style-number"))
    return ODT_BULLET;
  const char *format = odt_attr(lvl, NS_STYLE, "num-format");
  return format && *format ? ODT_NUMBER : ODT_NO_MARK;
}

bool odt_markdown_label(const xmlNode *lvl) {
  const char *format = odt_attr(lvl, NS_STYLE, "num-format");
  const char *prefix = odt_attr(lvl, NS_STYLE, "num-prefix");
  const char *suffix = odt_attr(lvl, NS_STYLE, "num-suffix");
  return !lvl ||
         (format && strcmp(format, "1") == 0 && (!prefix || !*prefix) &&
          odt_int_attr(lvl, NS_TEXT, "display-levels", 1) == 1 && suffix &&
          (strcmp(suffix, ".") == 0 || strcmp(suffix, ")") == 0));
}

char *odt_level_label(const odt_styles *s, const char *style, int level,
                      const xmlNode *lvl, const int *counter,
                      const bool *counted) {
  scr_buf out = SCR_BUF_INIT;
  const char *prefix = odt_attr(lvl, NS_STYLE, "num-prefix");
  const char *suffix = odt_attr(lvl, NS_STYLE, "num-suffix");
  int shown = odt_int_attr(lvl, NS_TEXT, "display-levels", 1);
  int from = level + 1 - (shown < 1 ? 1 : shown);
  from = from < 0 ? 0 : from;
  scr_buf_puts(&out, prefix ? prefix : "");
  for (int l = from; l <= level; l++) {
    bool styled;
    const xmlNode *each =
        l == level ? lvl : odt_list_level_style(s, style, l, &styled);
    if (l > from)
      scr_buf_puts(&out, ".");
    const char *format = odt_attr(each, NS_STYLE, "num-format");
    scr_rtext_number(&out, counted[l] ? counter[l] : 1,
                     format ? format[0] : '1');
  }
  scr_buf_puts(&out, suffix ? suffix : "");
  return scr_buf_detach(&out, NULL);
}

int odt_turn_of(const odt_styles *s, const char *family, const char *name) {
  const odt_style *st = odt_style_find(s, family, name);
  const char *master = st ? st->master : NULL;
  for (size_t i = 0; master && *master && i < s->n_masters; i++)
    if (s->masters[i].name && strcmp(s->masters[i].name, master) == 0)
      return s->masters[i].landscape;
  return -1;
}
