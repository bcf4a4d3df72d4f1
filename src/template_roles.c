/* The styles the writers use, how templates name them, and the warnings of
   a template's repair. */
#include "template_styles.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Every style a writer names (sink.h's paragraph styles, the headings, the
   footer, the character and table styles), with the names Word and
   LibreOffice give the same role. The unit tests hold it to sink.h. */
static const tpl_role ROLES[] = {
    {"Body Text", TPL_PARAGRAPH, true, true, {"Text body", NULL}},
    {"Title", TPL_PARAGRAPH, true, true, {NULL}},
    {"Subtitle", TPL_PARAGRAPH, true, true, {NULL}},
    {"List Paragraph", TPL_PARAGRAPH, true, true, {NULL}},
    {"Quote", TPL_PARAGRAPH, true, true, {"Quotations", NULL}},
    {"Source Code",
     TPL_PARAGRAPH,
     true,
     true,
     {"Preformatted Text", "HTML Preformatted", NULL}},
    {"Table Heading", TPL_PARAGRAPH, true, true, {NULL}},
    {"Table Contents", TPL_PARAGRAPH, true, true, {NULL}},
    {"Front Sheet", TPL_PARAGRAPH, true, true, {NULL}},
    {"Note", TPL_PARAGRAPH, true, true, {"Footnote", "footnote text", NULL}},
    {"Signature", TPL_PARAGRAPH, true, true, {NULL}},
    {"Horizontal Line", TPL_PARAGRAPH, true, true, {NULL}},
    {"Heading 1", TPL_PARAGRAPH, true, true, {NULL}},
    {"Heading 2", TPL_PARAGRAPH, true, true, {NULL}},
    {"Heading 3", TPL_PARAGRAPH, true, true, {NULL}},
    {"Heading 4", TPL_PARAGRAPH, true, true, {NULL}},
    {"Heading 5", TPL_PARAGRAPH, true, true, {NULL}},
    {"Heading 6", TPL_PARAGRAPH, true, true, {NULL}},
    {"Footer", TPL_PARAGRAPH, true, true, {NULL}},
    {"Source Text", TPL_CHARACTER, true, true, {"HTML Code", NULL}},
    {"Hyperlink", TPL_CHARACTER, true, true, {"Internet link", NULL}},
    {"Table Grid", TPL_TABLE, true, false, {NULL}},
};

const tpl_role *tpl_roles(size_t *n) {
  *n = sizeof ROLES / sizeof *ROLES;
  return ROLES;
}

bool tpl_role_named(const tpl_role *role, const char *name) {
  if (!name)
    return false;
  if (strcasecmp(role->name, name) == 0)
    return true;
  for (const char *const *a = role->aliases; *a; a++)
    if (strcasecmp(*a, name) == 0)
      return true;
  return false;
}

void tpl_note(tpl_fixes *f, scr_buf *list, const char *name) {
  f->changed = true;
  scr_error err = scr_buf_printf(list, "%s%s", list->len ? ", " : "", name);
  if (err && !f->err)
    f->err = err;
}

/* A list's text, or "" when empty. */
static const char *text(const scr_buf *b) {
  return b->len ? b->data : "";
}

void tpl_warn(const tpl_fixes *f, const char *path, scr_diags *diags) {
  if (f->outline.len)
    scr_warn_at(diags, path, 0, 0,
                "%s numbers the headings (outline levels %s): the numbers "
                "are removed, as the documents number their items in the "
                "text",
                f->part, text(&f->outline));
  if (f->numbered.len)
    scr_warn_at(diags, path, 0, 0,
                "%s gives list numbering to styles the documents use (%s): "
                "it is removed, so that no heading or paragraph shows a "
                "bullet or number of the template's lists",
                f->part, text(&f->numbered));
  if (f->adopted.len)
    scr_warn_at(diags, path, 0, 0,
                "%s names styles otherwise: used under the documents' names "
                "(%s)",
                f->part, text(&f->adopted));
  if (f->made_default[0])
    scr_warn_at(diags, path, 0, 0,
                f->default_added
                    ? "%s marks no default paragraph style: the built-in "
                      "%s is added as the default"
                    : "%s marks no default paragraph style: %s is made the "
                      "default",
                f->part, f->made_default);
  if (f->added.len)
    scr_warn_at(diags, path, 0, 0,
                "%s lacks styles the documents use: added from the built-in "
                "house style (%s)",
                f->part, text(&f->added));
}

void tpl_fixes_free(tpl_fixes *f) {
  scr_buf_free(&f->numbered);
  scr_buf_free(&f->outline);
  scr_buf_free(&f->adopted);
  scr_buf_free(&f->added);
}

/* ---- tree helpers ---------------------------------------------------------
 */

bool tpl_is(const xmlNode *n, const char *ns, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, ns) == 0 &&
         strcmp((const char *)n->name, local) == 0;
}

xmlNodePtr tpl_child(const xmlNode *n, const char *ns, const char *local) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (tpl_is(c, ns, local))
      return c;
  return NULL;
}

bool tpl_attr_is(const xmlNode *n, const char *ns, const char *local,
                 const char *value) {
  xmlChar *v = xmlGetNsProp(n, BAD_CAST local, BAD_CAST ns);
  bool is = v && strcmp((const char *)v, value) == 0;
  xmlFree(v);
  return is;
}

/* References to `from` in and below `n` go to `to`. */
static void redirect_ns(xmlNodePtr n, xmlNsPtr from, xmlNsPtr to) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (n->ns == from)
      n->ns = to;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
      if (a->ns == from)
        a->ns = to;
    redirect_ns(n->children, from, to);
  }
}

/* The copy's declarations that the template makes the same way above it
   go, its names using the template's. */
static void drop_redundant_ns(xmlNodePtr copy) {
  xmlNsPtr *link = &copy->nsDef;
  while (*link) {
    xmlNsPtr def = *link;
    xmlNsPtr above = copy->parent && copy->parent->type == XML_ELEMENT_NODE
                         ? xmlSearchNs(copy->doc, copy->parent, def->prefix)
                         : NULL;
    if (above && xmlStrEqual(above->href, def->href)) {
      redirect_ns(copy, def, above);
      *link = def->next;
      def->next = NULL;
      xmlFreeNs(def);
    } else {
      link = &def->next;
    }
  }
}

xmlNodePtr tpl_adopt_copy(xmlNodePtr parent, const xmlNode *node) {
  /* the copy declares on itself every namespace it uses, as libxml2 finds
     them in the built-in part */
  xmlNodePtr copy = xmlDocCopyNode((xmlNodePtr)node, parent->doc, 1);
  if (!copy)
    return NULL;
  if (!xmlAddChild(parent, copy)) {
    xmlFreeNode(copy);
    return NULL;
  }
  drop_redundant_ns(copy);
  return copy;
}
