/* The parts of a Word report its body refers to, read once. */
#include "report_docx.h"

#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

/* A style's bases are followed at most this far (a loop ends there). */
#define MAX_BASES 16

/* ---- WordprocessingML --------------------------------------------------- */

bool docx_is(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
    return false;
  const char *ns = n->ns && n->ns->href ? (const char *)n->ns->href : "";
  return strstr(ns, "wordprocessingml") != NULL;
}

xmlChar *docx_attr(const xmlNode *n, const char *name) {
  for (xmlAttrPtr a = n ? n->properties : NULL; a; a = a->next)
    if (strcmp((const char *)a->name, name) == 0)
      return xmlNodeGetContent((xmlNodePtr)a);
  return NULL;
}

xmlNodePtr docx_child(const xmlNode *n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (docx_is(c, name))
      return c;
  return NULL;
}

int docx_toggle(const xmlNode *props, const char *name) {
  xmlNodePtr p = docx_child(props, name);
  if (!p)
    return -1;
  xmlChar *v = docx_attr(p, "val");
  bool off = v && (strcmp((const char *)v, "0") == 0 ||
                   strcmp((const char *)v, "false") == 0 ||
                   strcmp((const char *)v, "off") == 0 ||
                   strcmp((const char *)v, "none") == 0);
  xmlFree(v);
  return off ? 0 : 1;
}

static int int_attr(const xmlNode *n, const char *name, int fallback) {
  xmlChar *v = docx_attr(n, name);
  int out = v ? (int)strtol((const char *)v, NULL, 10) : fallback;
  xmlFree(v);
  return out;
}

static char *str_attr(const xmlNode *n, const char *name) {
  xmlChar *v = docx_attr(n, name);
  char *out = v ? scr_strdup((const char *)v) : NULL;
  xmlFree(v);
  return out;
}

/* ---- styles ------------------------------------------------------------- */

/* Heading names in the languages Word is often set up in; a localised
   Word still writes the outline level, which is looked at first. */
static int heading_level_of_name(const char *name) {
  static const char *const HEADING[] = {
      "heading ",    "überschrift ", "Überschrift ", "titre ",    "título ",
      "titolo ",     "kop ",         "rubrik ",      "nagłówek ", "otsikko ",
      "overskrift ", "nadpis ",      "címsor ",      NULL};
  for (const char *const *h = HEADING; *h; h++) {
    size_t n = strlen(*h);
    if (strncasecmp(name, *h, n) == 0 && name[n] >= '1' && name[n] <= '9' &&
        !name[n + 1])
      return name[n] - '0';
  }
  return 0;
}

static bool is_title_name(const char *name) {
  static const char *const TITLE[] = {"title",  "titel", "titre", "título",
                                      "titolo", "tytuł", NULL};
  for (const char *const *t = TITLE; *t; t++)
    if (strcasecmp(name, *t) == 0)
      return true;
  return false;
}

static bool is_quote_name(const char *name) {
  return strcasecmp(name, "quote") == 0 ||
         strcasecmp(name, "intense quote") == 0 ||
         strcasecmp(name, "block text") == 0;
}

/* "List Bullet 2", "List Number 3": the nesting Word's list styles give
   by name (each level its own single-level list). */
static int list_depth_of_name(const char *name) {
  size_t n = strlen(name);
  if ((strncasecmp(name, "list bullet ", 12) == 0 ||
       strncasecmp(name, "list number ", 12) == 0) &&
      n == 13 && name[12] >= '2' && name[12] <= '9')
    return name[12] - '1';
  return 0;
}

/* One w:style as it says itself, its base not yet followed. */
typedef struct raw_style {
  xmlNodePtr node;
  char *id, *name, *based_on;
} raw_style;

static unsigned run_format_of(const xmlNode *rpr, bool *has) {
  unsigned f = 0;
  *has = false;
  int b = docx_toggle(rpr, "b"), i = docx_toggle(rpr, "i");
  int s = docx_toggle(rpr, "strike"), ds = docx_toggle(rpr, "dstrike");
  int u = docx_toggle(rpr, "u");
  *has = b >= 0 || i >= 0 || s >= 0 || ds >= 0 || u >= 0;
  if (b > 0)
    f |= SCR_RT_BOLD;
  if (i > 0 || u > 0)
    f |= SCR_RT_ITALIC;
  if (s > 0 || ds > 0)
    f |= SCR_RT_STRIKE;
  return f;
}

/* What the chain from `raw[i]` up its bases says, nearest first. */
static void resolve_style(const raw_style *raw, size_t n, size_t i,
                          docx_style *out) {
  *out = (docx_style){.id = raw[i].id, .num_level = -1};
  bool kind_set = false, num_set = false, format_set = false;
  bool hidden_set = false;
  size_t at = i;
  for (int hops = 0; hops < MAX_BASES && at < n; hops++) {
    const raw_style *r = &raw[at];
    xmlNodePtr ppr = docx_child(r->node, "pPr");
    xmlNodePtr outline = docx_child(ppr, "outlineLvl");
    const char *name = r->name ? r->name : "";
    if (!kind_set && is_title_name(name)) {
      out->kind = DOCX_TITLE;
      kind_set = true;
    } else if (!kind_set && is_quote_name(name)) {
      out->kind = DOCX_QUOTE;
      kind_set = true;
    } else if (!kind_set && (outline || heading_level_of_name(name))) {
      int level = outline ? int_attr(outline, "val", 9) + 1
                          : heading_level_of_name(name);
      out->kind = level >= 1 && level <= 9 ? DOCX_HEADING : DOCX_BODY;
      out->level = level > 6 ? 6 : level;
      kind_set = true;
    }
    if (!out->list_depth)
      out->list_depth = list_depth_of_name(name);
    xmlNodePtr numpr = docx_child(ppr, "numPr");
    if (!num_set && numpr) {
      xmlNodePtr num = docx_child(numpr, "numId");
      xmlNodePtr ilvl = docx_child(numpr, "ilvl");
      out->num_id = num ? int_attr(num, "val", 0) : 0;
      out->num_level = ilvl ? int_attr(ilvl, "val", 0) : -1;
      num_set = num != NULL;
    }
    int vanish = docx_toggle(docx_child(r->node, "rPr"), "vanish");
    if (vanish >= 0 && !hidden_set) {
      out->hidden = vanish > 0;
      hidden_set = true;
    }
    bool has = false;
    unsigned f = run_format_of(docx_child(r->node, "rPr"), &has);
    if (!format_set && has) {
      out->format = f;
      out->has_format = true;
      format_set = true;
    }
    if (!r->based_on)
      break;
    size_t next = n;
    for (size_t k = 0; k < n; k++)
      if (raw[k].id && strcmp(raw[k].id, r->based_on) == 0)
        next = k;
    at = next;
  }
}

/* The part `name` of the document's folder ("styles.xml"), parsed; *doc
   NULL when there is none. */
static scr_error read_part(const docx_parts *d, const scr_zpkg *p,
                           const char *name, xmlDocPtr *doc) {
  char *member = scr_asprintf("%s%s", d->folder, name);
  scr_error err =
      member ? scr_zpkg_read_xml(p, member, SCR_REPORT_PART_MAX_BYTES, doc)
             : SCR_E_NOMEM;
  free(member);
  return err;
}

static scr_error read_styles(docx_parts *d, const scr_zpkg *p) {
  xmlDocPtr doc = NULL;
  scr_error err = read_part(d, p, "styles.xml", &doc);
  if (err || !doc)
    return err;
  raw_style *raw = NULL;
  size_t n = 0, cap = 0;
  for (xmlNodePtr s = xmlDocGetRootElement(doc)->children; !err && s;
       s = s->next) {
    if (!docx_is(s, "style"))
      continue;
    if (scr_reserve(&raw, &cap, n + 1, sizeof *raw)) {
      err = SCR_E_NOMEM;
      break;
    }
    xmlNodePtr name = docx_child(s, "name"), based = docx_child(s, "basedOn");
    raw[n++] = (raw_style){s, str_attr(s, "styleId"),
                           name ? str_attr(name, "val") : NULL,
                           based ? str_attr(based, "val") : NULL};
  }
  if (!err && n &&
      scr_reserve(&d->styles, &d->cap_styles, n, sizeof *d->styles))
    err = SCR_E_NOMEM;
  for (size_t i = 0; !err && i < n; i++)
    resolve_style(raw, n, i, &d->styles[d->n_styles++]);
  for (size_t i = 0; i < n; i++) {
    /* the ids moved into the styles; the rest goes */
    if (err || i >= d->n_styles)
      free(raw[i].id);
    free(raw[i].name);
    free(raw[i].based_on);
  }
  free(raw);
  xmlFreeDoc(doc);
  return err;
}

const docx_style *docx_style_find(const docx_parts *d, const char *id) {
  for (size_t i = 0; id && i < d->n_styles; i++)
    if (d->styles[i].id && strcmp(d->styles[i].id, id) == 0)
      return &d->styles[i];
  return NULL;
}

/* ---- numbering ---------------------------------------------------------- */

static docx_format format_of(const char *f) {
  static const struct {
    const char *name;
    docx_format format;
  } FORMATS[] = {{"lowerLetter", DOCX_LOWER_LETTER},
                 {"upperLetter", DOCX_UPPER_LETTER},
                 {"lowerRoman", DOCX_LOWER_ROMAN},
                 {"upperRoman", DOCX_UPPER_ROMAN},
                 {"bullet", DOCX_BULLET},
                 {"none", DOCX_NONE}};
  for (size_t i = 0; f && i < sizeof FORMATS / sizeof *FORMATS; i++)
    if (strcmp(f, FORMATS[i].name) == 0)
      return FORMATS[i].format;
  return DOCX_DECIMAL;
}

static void read_levels(docx_abstract *a, const xmlNode *abs) {
  for (int l = 0; l < DOCX_LEVELS; l++) {
    a->levels[l] = (docx_level){.ordered = true, .start = 1};
    a->counter[l] = 0;
    a->counted[l] = false;
  }
  for (xmlNodePtr lvl = abs->children; lvl; lvl = lvl->next) {
    if (!docx_is(lvl, "lvl"))
      continue;
    int l = int_attr(lvl, "ilvl", -1);
    if (l < 0 || l >= DOCX_LEVELS)
      continue;
    xmlNodePtr fmt = docx_child(lvl, "numFmt"),
               start = docx_child(lvl, "start");
    xmlChar *f = fmt ? docx_attr(fmt, "val") : NULL;
    a->levels[l].ordered = !f || (strcmp((const char *)f, "bullet") &&
                                  strcmp((const char *)f, "none"));
    a->levels[l].none = f && strcmp((const char *)f, "none") == 0;
    a->levels[l].start = start ? int_attr(start, "val", 1) : 1;
    a->levels[l].format = format_of((const char *)f);
    xmlNodePtr text = docx_child(lvl, "lvlText");
    xmlChar *t = text ? docx_attr(text, "val") : NULL;
    snprintf(a->levels[l].text, sizeof a->levels[l].text, "%s",
             t ? (const char *)t : "");
    xmlFree(t);
    xmlFree(f);
  }
}

static void read_num(docx_parts *d, const xmlNode *num) {
  docx_num *u = &d->nums[d->n_nums++];
  *u = (docx_num){.id = int_attr(num, "numId", -1), .abstract = -1};
  for (int l = 0; l < DOCX_LEVELS; l++)
    u->start_override[l] = -1;
  xmlNodePtr abs = docx_child(num, "abstractNumId");
  int abs_id = abs ? int_attr(abs, "val", -1) : -1;
  for (size_t i = 0; i < d->n_abstracts; i++)
    if (d->abstracts[i].id == abs_id)
      u->abstract = (int)i;
  for (xmlNodePtr o = num->children; o; o = o->next) {
    if (!docx_is(o, "lvlOverride"))
      continue;
    int l = int_attr(o, "ilvl", -1);
    xmlNodePtr so = docx_child(o, "startOverride");
    if (l >= 0 && l < DOCX_LEVELS && so)
      u->start_override[l] = int_attr(so, "val", 1);
  }
}

static scr_error read_numbering(docx_parts *d, const scr_zpkg *p) {
  xmlDocPtr doc = NULL;
  scr_error err = read_part(d, p, "numbering.xml", &doc);
  if (err || !doc)
    return err;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  for (xmlNodePtr n = root->children; !err && n; n = n->next) {
    if (!docx_is(n, "abstractNum"))
      continue;
    if (scr_reserve(&d->abstracts, &d->cap_abstracts, d->n_abstracts + 1,
                    sizeof *d->abstracts)) {
      err = SCR_E_NOMEM;
      break;
    }
    docx_abstract *a = &d->abstracts[d->n_abstracts++];
    a->id = int_attr(n, "abstractNumId", -1);
    read_levels(a, n);
  }
  for (xmlNodePtr n = root->children; !err && n; n = n->next)
    if (docx_is(n, "num")) {
      if (scr_reserve(&d->nums, &d->cap_nums, d->n_nums + 1, sizeof *d->nums))
        err = SCR_E_NOMEM;
      else
        read_num(d, n);
    }
  xmlFreeDoc(doc);
  return err;
}

const docx_num *docx_num_find(const docx_parts *d, int id) {
  for (size_t i = 0; i < d->n_nums; i++)
    if (d->nums[i].id == id)
      return &d->nums[i];
  return NULL;
}

/* ---- relationships ------------------------------------------------------ */

/* A relationship's target as a member of the package: relative to the
   folder of the part, or from the root when it starts with '/'. */
static char *member_of(const char *folder, const char *target) {
  if (target[0] == '/')
    return scr_strdup(target + 1);
  return scr_asprintf("%s%s", folder, target);
}

/* The relationships of `part` ("word/document.xml"), by id. */
static scr_error read_rels(docx_parts *d, const scr_zpkg *p, const char *part) {
  const char *slash = strrchr(part, '/');
  size_t dir = slash ? (size_t)(slash - part + 1) : 0;
  char *member = scr_asprintf("%.*s_rels/%s.rels", (int)dir, part, part + dir);
  xmlDocPtr doc = NULL;
  scr_error err =
      member ? scr_zpkg_read_xml(p, member, SCR_REPORT_PART_MAX_BYTES, &doc)
             : SCR_E_NOMEM;
  free(member);
  if (err || !doc)
    return err;
  for (xmlNodePtr r = xmlDocGetRootElement(doc)->children; !err && r;
       r = r->next) {
    if (r->type != XML_ELEMENT_NODE ||
        strcmp((const char *)r->name, "Relationship"))
      continue;
    char *id = str_attr(r, "Id"), *target = str_attr(r, "Target");
    char *mode = str_attr(r, "TargetMode");
    bool external = mode && strcmp(mode, "External") == 0;
    free(mode);
    char *where =
        target && !external ? member_of(d->folder, target) : scr_strdup(target);
    free(target);
    if (!id || !where ||
        scr_reserve(&d->rels, &d->cap_rels, d->n_rels + 1, sizeof *d->rels)) {
      free(id);
      free(where);
      continue;
    }
    d->rels[d->n_rels++] = (docx_rel){id, where, external};
  }
  xmlFreeDoc(doc);
  return err;
}

const docx_rel *docx_rel_find(const docx_parts *d, const char *id) {
  for (size_t i = 0; id && i < d->n_rels; i++)
    if (strcmp(d->rels[i].id, id) == 0)
      return &d->rels[i];
  return NULL;
}

/* The main part, as the package's relationships name it. */
static char *main_part(const scr_zpkg *p) {
  xmlDocPtr doc = NULL;
  char *found = NULL;
  if (scr_zpkg_read_xml(p, "_rels/.rels", SCR_REPORT_PART_MAX_BYTES, &doc) ||
      !doc)
    return scr_strdup("word/document.xml");
  for (xmlNodePtr r = xmlDocGetRootElement(doc)->children; !found && r;
       r = r->next) {
    char *type = r->type == XML_ELEMENT_NODE ? str_attr(r, "Type") : NULL;
    size_t n = type ? strlen(type) : 0;
    if (n > 15 && strcmp(type + n - 15, "/officeDocument") == 0) {
      char *target = str_attr(r, "Target");
      found = target ? member_of("", target) : NULL;
      free(target);
    }
    free(type);
  }
  xmlFreeDoc(doc);
  return found ? found : scr_strdup("word/document.xml");
}

/* ---- notes -------------------------------------------------------------- */

static scr_error read_notes(docx_parts *d, const scr_zpkg *p, bool endnotes) {
  xmlDocPtr doc = NULL;
  scr_error err =
      read_part(d, p, endnotes ? "endnotes.xml" : "footnotes.xml", &doc);
  if (err || !doc)
    return err;
  docx_note **notes = endnotes ? &d->endnotes : &d->footnotes;
  size_t *n = endnotes ? &d->n_endnotes : &d->n_footnotes;
  size_t *cap = endnotes ? &d->cap_endnotes : &d->cap_footnotes;
  const char *name = endnotes ? "endnote" : "footnote";
  for (xmlNodePtr f = xmlDocGetRootElement(doc)->children; f; f = f->next) {
    if (!docx_is(f, name))
      continue;
    if (scr_reserve(notes, cap, *n + 1, sizeof **notes)) {
      err = SCR_E_NOMEM;
      break;
    }
    (*notes)[(*n)++] = (docx_note){int_attr(f, "id", -1), f};
  }
  if (endnotes)
    d->endnotes_xml = doc;
  else
    d->footnotes_xml = doc;
  return err;
}

xmlNodePtr docx_note_find(const docx_parts *d, bool endnote, long id) {
  const docx_note *notes = endnote ? d->endnotes : d->footnotes;
  size_t n = endnote ? d->n_endnotes : d->n_footnotes;
  for (size_t i = 0; i < n; i++)
    if (notes[i].id == id)
      return notes[i].node;
  return NULL;
}

/* ---- the document's properties ----------------------------------------- */

/* dc:title and dc:creator of docProps/core.xml, for the front matter. */
static scr_error read_core(const scr_zpkg *p, scr_rtext *t) {
  xmlDocPtr doc = NULL;
  scr_error err = scr_zpkg_read_xml(p, "docProps/core.xml",
                                    SCR_REPORT_PART_MAX_BYTES, &doc);
  if (err || !doc)
    return err;
  for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *text = xmlNodeGetContent(n);
    if (strcmp((const char *)n->name, "title") == 0)
      scr_rtext_doc_title(t, (const char *)text);
    else if (strcmp((const char *)n->name, "creator") == 0)
      scr_rtext_author(t, (const char *)text);
    xmlFree(text);
  }
  xmlFreeDoc(doc);
  return SCR_OK;
}

/* ---- all of them -------------------------------------------------------- */

scr_error docx_parts_read(docx_parts *d, const scr_zpkg *p, scr_rtext *t) {
  *d = (docx_parts){.pkg = p};
  d->document = main_part(p);
  const char *slash = d->document ? strrchr(d->document, '/') : NULL;
  d->folder = d->document
                  ? scr_strndup(d->document,
                                slash ? (size_t)(slash - d->document + 1) : 0)
                  : NULL;
  if (!d->document || !d->folder)
    return SCR_E_NOMEM;
  scr_error err = read_styles(d, p);
  if (!err)
    err = read_numbering(d, p);
  if (!err)
    err = read_rels(d, p, d->document);
  if (!err)
    err = read_notes(d, p, false);
  if (!err)
    err = read_notes(d, p, true);
  if (!err)
    err = read_core(p, t);
  return err;
}

void docx_parts_free(docx_parts *d) {
  for (size_t i = 0; i < d->n_styles; i++)
    free(d->styles[i].id);
  free(d->styles);
  free(d->abstracts);
  free(d->nums);
  for (size_t i = 0; i < d->n_rels; i++) {
    free(d->rels[i].id);
    free(d->rels[i].target);
  }
  free(d->rels);
  free(d->footnotes);
  free(d->endnotes);
  if (d->footnotes_xml)
    xmlFreeDoc(d->footnotes_xml);
  if (d->endnotes_xml)
    xmlFreeDoc(d->endnotes_xml);
  free(d->document);
  free(d->folder);
  *d = (docx_parts){0};
}
