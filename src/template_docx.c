/*
 * The repair of a DOCX template's word/styles.xml. What real templates
 * carry and lack, and what is done:
 *
 *   - a style's w:numPr points into the template's word/numbering.xml,
 *     which the documents do not carry (they have their own, where list 1
 *     is a bullet list): LibreOffice saves outline-numbered headings so,
 *     and they would come out as "• Agenda". It is removed from the styles
 *     the documents use and the styles they are based on;
 *   - a style the documents use may be there under another id (LibreOffice
 *     saves Body Text as TextBody): it takes the documents' id, and the
 *     references to it follow;
 *   - with no default paragraph style, paragraphs without a style get none:
 *     Normal is made the default, or the built-in one added;
 *   - a style the documents use that is missing (TableGrid, which gives
 *     tables their borders, or Front Sheet) is copied from the built-in
 *     style, with the styles it is based on.
 */
#include "docx.h"
#include "template_styles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W DOCX_NS_W
/* How far w:basedOn chains are followed; Word allows far fewer. */
#define MAX_BASED_ON 32

static const char *const TYPE_OF[] = {
    [TPL_PARAGRAPH] = "paragraph",
    [TPL_CHARACTER] = "character",
    [TPL_TABLE] = "table",
};

/* Attribute `name` of `n` in the w: namespace (xmlFree), or NULL. */
static xmlChar *w_attr(const xmlNode *n, const char *name) {
  return n ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST W) : NULL;
}

/* Set attribute `name` in the w: namespace. */
static void set_w_attr(xmlNodePtr n, const char *name, const char *value,
                       tpl_fixes *f) {
  xmlNsPtr ns = xmlSearchNsByHref(n->doc, n, BAD_CAST W);
  if (!ns || !xmlSetNsProp(n, ns, BAD_CAST name, BAD_CAST value))
    f->err = f->err ? f->err : SCR_E_NOMEM;
  f->changed = true;
}

/* The w:val of the child element `name` (xmlFree), or NULL. */
static xmlChar *child_val(const xmlNode *n, const char *name) {
  return w_attr(tpl_child(n, W, name), "val");
}

static bool is_style(const xmlNode *n) {
  return tpl_is(n, W, "style");
}

/* The style whose id is `id` (any type), or NULL; borrowed from the tree. */
static xmlNodePtr style_by_id(xmlNodePtr root, const char *id) {
  for (xmlNodePtr n = root->children; id && n; n = n->next)
    if (is_style(n) && tpl_attr_is(n, W, "styleId", id))
      return n;
  return NULL;
}

/* ST_OnOff: "1", "true" and "on" are true. */
static bool is_on(const xmlChar *v) {
  return v &&
         (xmlStrEqual(v, BAD_CAST "1") || xmlStrEqual(v, BAD_CAST "true") ||
          xmlStrEqual(v, BAD_CAST "on"));
}

static bool is_default(const xmlNode *st) {
  xmlChar *v = w_attr(st, "default");
  bool on = is_on(v);
  xmlFree(v);
  return on;
}

static xmlNodePtr default_style(xmlNodePtr root, const char *type) {
  for (xmlNodePtr n = root->children; n; n = n->next)
    if (is_style(n) && tpl_attr_is(n, W, "type", type) && is_default(n))
      return n;
  return NULL;
}

/* The style's name for a message: its w:name, else its id. Caller frees. */
static char *display_name(const xmlNode *st) {
  xmlChar *v = child_val(st, "name");
  if (!v)
    v = w_attr(st, "styleId");
  char *s = scr_strdup(v ? (const char *)v : "?");
  xmlFree(v);
  return s;
}

static void note_style(tpl_fixes *f, scr_buf *list, const xmlNode *st) {
  char *name = display_name(st);
  if (!name)
    f->err = f->err ? f->err : SCR_E_NOMEM;
  else
    tpl_note(f, list, name);
  free(name);
}

/* A role's style id: its name without spaces, as the writer makes it. */
static bool role_id(const tpl_role *r, char id[DOCX_STYLE_ID_MAX]) {
  return r->docx && docx_style_id(r->name, id, DOCX_STYLE_ID_MAX);
}

static bool is_role_id(const char *id) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  char rid[DOCX_STYLE_ID_MAX];
  for (size_t i = 0; id && i < n; i++)
    if (role_id(&roles[i], rid) && strcmp(rid, id) == 0)
      return true;
  return false;
}

/* ---- styles under other ids ------------------------------------------ */

/* A style of the role's type named as the role is, whose id is no role's
   own (that style serves its own role). */
static xmlNodePtr named_style(xmlNodePtr root, const tpl_role *r) {
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (!is_style(n) || !tpl_attr_is(n, W, "type", TYPE_OF[r->family]))
      continue;
    xmlChar *name = child_val(n, "name"), *id = w_attr(n, "styleId");
    bool match = id && tpl_role_named(r, (const char *)name) &&
                 !is_role_id((const char *)id);
    xmlFree(name);
    xmlFree(id);
    if (match)
      return n;
  }
  return NULL;
}

/* Every reference to style `old` names `id` instead. */
static void rename_refs(xmlNodePtr root, const char *old, const char *id,
                        tpl_fixes *f) {
  static const char *const REFS[] = {"basedOn", "next", "link"};
  for (xmlNodePtr n = root->children; n; n = n->next)
    for (size_t i = 0; is_style(n) && i < sizeof REFS / sizeof *REFS; i++) {
      xmlNodePtr ref = tpl_child(n, W, REFS[i]);
      if (ref && tpl_attr_is(ref, W, "val", old))
        set_w_attr(ref, "val", id, f);
    }
}

static void adopt_named(xmlNodePtr root, tpl_fixes *f) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  char id[DOCX_STYLE_ID_MAX];
  for (size_t i = 0; i < n; i++) {
    if (!role_id(&roles[i], id) || style_by_id(root, id))
      continue;
    xmlNodePtr st = named_style(root, &roles[i]);
    xmlChar *old = st ? w_attr(st, "styleId") : NULL;
    if (!old)
      continue;
    set_w_attr(st, "styleId", id, f);
    rename_refs(root, (const char *)old, id, f);
    char *what = scr_asprintf("%s as %s", (const char *)old, roles[i].name);
    if (what)
      tpl_note(f, &f->adopted, what);
    else
      f->err = f->err ? f->err : SCR_E_NOMEM;
    free(what);
    xmlFree(old);
  }
}

/* ---- numbering ------------------------------------------------------------
 */

/* Remove the style's own numbering; numId 0, "no numbering", stays. */
static bool strip_num(xmlNodePtr st) {
  xmlNodePtr num = tpl_child(tpl_child(st, W, "pPr"), W, "numPr");
  xmlNodePtr id = tpl_child(num, W, "numId");
  if (!num || (id && tpl_attr_is(id, W, "val", "0")))
    return false;
  xmlUnlinkNode(num);
  xmlFreeNode(num);
  return true;
}

/* From each role's style down its w:basedOn chain. */
static void strip_numbering(xmlNodePtr root, tpl_fixes *f) {
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  char id[DOCX_STYLE_ID_MAX];
  for (size_t i = 0; i < n; i++) {
    xmlNodePtr st = role_id(&roles[i], id) ? style_by_id(root, id) : NULL;
    for (int depth = 0; st && depth < MAX_BASED_ON; depth++) {
      if (strip_num(st))
        note_style(f, &f->numbered, st);
      xmlChar *base = child_val(st, "basedOn");
      st = style_by_id(root, (const char *)base);
      xmlFree(base);
    }
  }
  xmlNodePtr defaults =
      tpl_child(tpl_child(root, W, "docDefaults"), W, "pPrDefault");
  if (defaults && strip_num(defaults))
    tpl_note(f, &f->numbered, "the paragraph defaults");
}

/* ---- styles copied from the built-in style --------------------------------
 */

/* Marks the copies, for the references checked once all are in. */
static char copied_mark;

static void add_style(xmlNodePtr root, xmlNodePtr broot, const char *id,
                      const char *role, int depth, tpl_fixes *f);

/* A copy's w:basedOn: the template's default paragraph style for the
   built-in's, else the style copied too, else none. */
static void fix_based_on(xmlNodePtr root, xmlNodePtr broot, xmlNodePtr copy,
                         int depth, tpl_fixes *f) {
  xmlNodePtr ref = tpl_child(copy, W, "basedOn");
  xmlChar *base = w_attr(ref, "val");
  if (base && !style_by_id(root, (const char *)base)) {
    xmlChar *bdef = w_attr(default_style(broot, "paragraph"), "styleId");
    xmlChar *tdef = w_attr(default_style(root, "paragraph"), "styleId");
    if (bdef && tdef && xmlStrEqual(base, bdef))
      set_w_attr(ref, "val", (const char *)tdef, f);
    else if (depth < MAX_BASED_ON)
      add_style(root, broot, (const char *)base, NULL, depth + 1, f);
    xmlFree(bdef);
    xmlFree(tdef);
  }
  xmlChar *now = w_attr(ref, "val");
  if (ref && !style_by_id(root, (const char *)now)) {
    xmlUnlinkNode(ref);
    xmlFreeNode(ref);
  }
  xmlFree(now);
  xmlFree(base);
}

/* Copy the built-in style `id` when the template lacks it; named in the
   warning as its `role` (NULL: a style a role's is based on). */
static void add_style(xmlNodePtr root, xmlNodePtr broot, const char *id,
                      const char *role, int depth, tpl_fixes *f) {
  xmlNodePtr from = style_by_id(root, id) ? NULL : style_by_id(broot, id);
  if (!from)
    return;
  xmlNodePtr copy = tpl_adopt_copy(root, from);
  if (!copy) {
    f->err = f->err ? f->err : SCR_E_NOMEM;
    return;
  }
  copy->_private = &copied_mark;
  xmlChar *type = w_attr(copy, "type");
  /* one default of a kind: the template's stays */
  xmlNodePtr def = type ? default_style(root, (const char *)type) : NULL;
  if (def && def != copy && is_default(copy))
    xmlUnsetNsProp(copy, xmlSearchNsByHref(copy->doc, copy, BAD_CAST W),
                   BAD_CAST "default");
  xmlFree(type);
  if (role)
    tpl_note(f, &f->added, role);
  else
    note_style(f, &f->added, copy);
  fix_based_on(root, broot, copy, depth, f);
}

/* A copy's w:next and w:link naming a style the template lacks go. */
static void drop_dangling(xmlNodePtr root) {
  static const char *const REFS[] = {"next", "link"};
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (n->_private != &copied_mark)
      continue;
    n->_private = NULL;
    for (size_t i = 0; i < sizeof REFS / sizeof *REFS; i++) {
      xmlNodePtr ref = tpl_child(n, W, REFS[i]);
      xmlChar *v = w_attr(ref, "val");
      if (ref && !style_by_id(root, (const char *)v)) {
        xmlUnlinkNode(ref);
        xmlFreeNode(ref);
      }
      xmlFree(v);
    }
  }
}

/* Paragraphs written without a style take the default paragraph style. */
static void ensure_default(xmlNodePtr root, xmlNodePtr broot, tpl_fixes *f) {
  if (default_style(root, "paragraph"))
    return;
  xmlNodePtr normal = style_by_id(root, "Normal");
  if (normal && tpl_attr_is(normal, W, "type", "paragraph")) {
    set_w_attr(normal, "default", "1", f);
    snprintf(f->made_default, sizeof f->made_default, "Normal");
    return;
  }
  xmlNodePtr from = default_style(broot, "paragraph");
  xmlChar *id = w_attr(from, "styleId");
  if (id && !style_by_id(root, (const char *)id)) {
    xmlNodePtr copy = tpl_adopt_copy(root, from);
    char *name = copy ? display_name(copy) : NULL;
    if (!name)
      f->err = f->err ? f->err : SCR_E_NOMEM;
    else
      snprintf(f->made_default, sizeof f->made_default, "%s", name);
    f->default_added = f->changed = true;
    free(name);
  }
  xmlFree(id);
}

void tpl_repair_docx(xmlDocPtr doc, xmlDocPtr builtin, tpl_fixes *f) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  xmlNodePtr broot = xmlDocGetRootElement(builtin);
  if (!tpl_is(root, W, "styles") || !tpl_is(broot, W, "styles"))
    return;
  adopt_named(root, f);
  strip_numbering(root, f);
  ensure_default(root, broot, f);
  size_t n;
  const tpl_role *roles = tpl_roles(&n);
  char id[DOCX_STYLE_ID_MAX];
  for (size_t i = 0; i < n && !f->err; i++)
    if (role_id(&roles[i], id))
      add_style(root, broot, id, roles[i].name, 0, f);
  drop_dangling(root);
}
