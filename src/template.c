/* House style: built-in templates and reference documents, loaded, checked
   and repaired. */
#include "template.h"
#include "diag.h"
#include "odt.h"
#include "template_styles.h"
#include "zpkg.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <zip.h>

/* Generated from templates/ by tools/embed.c. */
extern const struct {
  const char *name;
  const unsigned char *data;
  size_t len;
} scr_embedded_templates[];

static const unsigned char *embedded(const char *name, size_t *len) {
  for (size_t i = 0; scr_embedded_templates[i].name; i++)
    if (strcmp(scr_embedded_templates[i].name, name) == 0) {
      *len = scr_embedded_templates[i].len;
      return scr_embedded_templates[i].data;
    }
  *len = 0;
  return NULL;
}

scr_template scr_template_builtin(const char *format) {
  scr_template t = {0};
  t.format = strcmp(format, "odt") == 0 ? "odt" : "docx";
  t.styles = embedded(strcmp(t.format, "odt") == 0 ? "odt/styles.xml"
                                                   : "docx/styles.xml",
                      &t.styles_len);
  t.house = scr_house_builtin();
  t.builtin_base = true;
  return t;
}

bool scr_template_is_builtin(const scr_template *tpl) {
  return tpl && tpl->builtin_base;
}

scr_template scr_template_view(const scr_template *tpl, const char *format) {
  if (!tpl || !tpl->format)
    return scr_template_builtin(format);
  scr_template v = scr_template_builtin(format);
  v.house = tpl->house;
  if (strcmp(tpl->format, v.format) == 0) {
    v.styles = tpl->styles;
    v.styles_len = tpl->styles_len;
    v.builtin_base = false;
  } else {
    v.styles = tpl->derived;
    v.styles_len = tpl->derived_len;
  }
  memcpy(v.digest, tpl->digest, sizeof v.digest);
  v.spacing_adds = tpl->spacing_adds;
  return v;
}

void scr_template_free(scr_template *tpl) {
  free(tpl->owned);
  free(tpl->derived);
  if (tpl->owned_house)
    scr_house_free(tpl->owned_house);
  free(tpl->owned_house);
  *tpl = (scr_template){0};
}

/* A template file larger than this is not a house style. */
#define TEMPLATE_MAX_BYTES (64u * 1024u * 1024u)
/* A styles part larger than this is not a house style. */
#define STYLES_MAX_BYTES (8u * 1024u * 1024u)

const char *scr_template_format_of(const char *path) {
  const char *dot = path ? strrchr(path, '.') : NULL;
  if (dot && strcmp(dot, ".docx") == 0)
    return "docx";
  if (dot && strcmp(dot, ".odt") == 0)
    return "odt";
  return NULL;
}

unsigned scr_template_serves(const char *format) {
  return format ? SCR_FORMAT_DOCX | SCR_FORMAT_ODT | SCR_FORMAT_PDF : 0;
}

const char *scr_template_format_label(const char *format) {
  return format && strcmp(format, "odt") == 0 ? "ODT" : "DOCX";
}

/* What a styles part of each format must be. */
typedef struct styles_kind {
  const char *format, *member;
  const char *ns, *root; /* the root element, in its namespace */
  const char *container; /* the element holding the styles (NULL: root) */
  const char *style;     /* ... and a style in it */
  const char *style_ns;
  const char *what; /* the part, as a message names it */
} styles_kind;

static const styles_kind STYLES_KINDS[] = {
    {"docx", "word/styles.xml",
     "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "styles",
     NULL, "style",
     "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     "a WordprocessingML styles part"},
    {"odt", "styles.xml", "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
     "document-styles", "styles", "style",
     "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
     "an OpenDocument styles part"},
};

static const styles_kind *kind_of(const char *format) {
  return strcmp(format, "odt") == 0 ? &STYLES_KINDS[1] : &STYLES_KINDS[0];
}

/* The root is the format's styles element, and it defines a style. */
static bool styles_shape_ok(const xmlDoc *doc, const styles_kind *k) {
  const xmlNode *root = xmlDocGetRootElement((xmlDoc *)doc);
  if (!tpl_is(root, k->ns, k->root))
    return false;
  const xmlNode *box =
      k->container ? tpl_child(root, k->ns, k->container) : root;
  return tpl_child(box, k->style_ns, k->style) != NULL;
}

/* The first element or attribute, from `n` down, whose name has a prefix
   no namespace declaration binds (libxml2 keeps it as a plain name with a
   colon); NULL when there is none. */
static const xmlNode *unbound_prefix(const xmlNode *n, const char **name) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    *name = (const char *)n->name;
    if (!n->ns && strchr(*name, ':'))
      return n;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
      *name = (const char *)a->name;
      if (!a->ns && strchr(*name, ':'))
        return n;
    }
    const xmlNode *below = unbound_prefix(n->children, name);
    if (below)
      return below;
  }
  return NULL;
}

/* Every prefix used is declared: a part copied into a document must be
   namespace-well-formed there too. */
static bool namespaces_bound(const xmlDoc *doc, const styles_kind *k,
                             const char *path, scr_diags *diags) {
  const char *name = NULL;
  const xmlNode *at = unbound_prefix(doc->children, &name);
  if (!at)
    return true;
  int prefix_len = (int)(strchr(name, ':') - name);
  scr_error_at(diags, path, 0, 0,
               "%s uses the prefix '%.*s' (in '%s', line %ld) without "
               "declaring its namespace",
               k->member, prefix_len, name, name, xmlGetLineNo(at));
  return false;
}

/* The parsed part, or NULL when it does not parse (caller frees). */
static xmlDocPtr parse_styles(const unsigned char *data, size_t len,
                              const char *member) {
  return len <= STYLES_MAX_BYTES
             ? xmlReadMemory((const char *)data, (int)len, member, NULL,
                             SCR_ZPKG_XML_OPTIONS)
             : NULL;
}

/* The styles must be the format's styles part, and plain XML: no DTD, no
   entities, no network, no undeclared prefix. The parsed part, or NULL
   (caller frees). */
static xmlDocPtr check_styles_xml(const unsigned char *data, size_t len,
                                  const styles_kind *k, const char *path,
                                  scr_diags *diags) {
  xmlDocPtr doc = parse_styles(data, len, k->member);
  bool ok = false;
  if (!doc)
    scr_error_at(diags, path, 0, 0, "%s is not well-formed XML", k->member);
  else if (doc->intSubset || doc->extSubset)
    scr_error_at(diags, path, 0, 0,
                 "%s declares a DOCTYPE, which is not allowed", k->member);
  else if (!namespaces_bound(doc, k, path, diags))
    ;
  else if (!styles_shape_ok(doc, k))
    scr_error_at(diags, path, 0, 0,
                 "%s is not %s (its root must be %s in %s, defining at "
                 "least one style)",
                 k->member, k->what, k->root, k->ns);
  else
    ok = true;
  if (!ok && doc) {
    xmlFreeDoc(doc);
    doc = NULL;
  }
  return doc;
}

/* The SHA-256 of the template's file, which names the outputs it styled. */
static void digest_of(const scr_zpkg *p, char digest[SCR_DIGEST_HEX]) {
  scr_digest d;
  scr_digest_init(&d);
  scr_digest_add(&d, "template", p->bytes, p->len);
  scr_digest_hex(&d, digest);
}

/* An ODF package says what it is in its mimetype member: a spreadsheet or
   a drawing saved as .odt has a styles.xml too, but not a text's styles. */
static scr_error check_mimetype(zip_t *z, const char *path, scr_diags *diags) {
  enum { MIMETYPE_MAX = 128 };
  static const char *const TEXT_TYPES[] = {
      "application/vnd.oasis.opendocument.text",
      "application/vnd.oasis.opendocument.text-template", NULL};
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, "mimetype", 0, &st) != 0)
    return SCR_OK; /* optional: the styles part says the rest */
  char type[MIMETYPE_MAX + 1] = "";
  zip_file_t *f = (st.valid & ZIP_STAT_SIZE) && st.size <= MIMETYPE_MAX
                      ? zip_fopen(z, "mimetype", 0)
                      : NULL;
  zip_int64_t n = f ? zip_fread(f, type, st.size) : -1;
  if (f)
    zip_fclose(f);
  type[n > 0 ? (size_t)n : 0] = '\0';
  for (const char *const *t = TEXT_TYPES; *t; t++)
    if (strcmp(type, *t) == 0)
      return SCR_OK;
  scr_error_at(diags, path, 0, 0,
               "template's mimetype is '%.*s', not an OpenDocument text's "
               "(application/vnd.oasis.opendocument.text)",
               (int)scr_printable_ascii_prefix((const unsigned char *)type,
                                               strlen(type)),
               type);
  return SCR_E_TEMPLATE;
}

/* ---- repair -------------------------------------------------------------- */

/* `doc` serialised into a malloc'd buffer. */
static scr_error dump(xmlDocPtr doc, unsigned char **out, size_t *out_len) {
  xmlChar *mem = NULL;
  int size = 0;
  xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
  unsigned char *copy = mem && size > 0 ? malloc((size_t)size + 1) : NULL;
  if (copy) {
    memcpy(copy, mem, (size_t)size);
    copy[size] = '\0';
    *out = copy;
    *out_len = (size_t)size;
  }
  xmlFree(mem);
  return copy ? SCR_OK : SCR_E_NOMEM;
}

/* Repair the parsed part `doc` of `format` in place, each repair a
   warning; whether anything changed into *changed. */
static scr_error repair_tree(xmlDocPtr doc, const char *format,
                             const char *path, scr_diags *diags,
                             bool *changed) {
  const styles_kind *k = kind_of(format);
  scr_template b = scr_template_builtin(format);
  xmlDocPtr builtin = parse_styles(b.styles, b.styles_len, k->member);
  if (!builtin)
    return SCR_E_NOMEM;
  tpl_fixes f = {.part = k->member};
  if (strcmp(format, "odt") == 0)
    tpl_repair_odt(doc, builtin, &f);
  else
    tpl_repair_docx(doc, builtin, &f);
  scr_error err = f.err;
  if (!err)
    tpl_warn(&f, path, diags);
  *changed = f.changed;
  tpl_fixes_free(&f);
  xmlFreeDoc(builtin);
  return err;
}

scr_error scr_template_repair(const char *format, const unsigned char *styles,
                              size_t len, const char *path, scr_diags *diags,
                              unsigned char **out, size_t *out_len) {
  *out = NULL;
  *out_len = 0;
  const styles_kind *k = kind_of(format);
  xmlDocPtr doc = parse_styles(styles, len, k->member);
  if (!doc)
    return SCR_E_TEMPLATE;
  bool changed = false;
  scr_error err = repair_tree(doc, format, path, diags, &changed);
  if (!err && changed)
    err = dump(doc, out, out_len);
  xmlFreeDoc(doc);
  return err;
}

/* The writer of the format reads the repaired part as it will when writing:
   what it would refuse is refused now, naming the part. */
static scr_error check_writable(const scr_template *tpl, const char *path,
                                scr_diags *diags) {
  if (strcmp(tpl->format, "odt") != 0)
    return SCR_OK;
  odt_tpl t;
  scr_error err = scr_odt_tpl_open(tpl, NULL, &t);
  scr_odt_tpl_close(&t);
  if (err == SCR_E_TEMPLATE)
    scr_error_at(diags, path, 0, 0,
                 "styles.xml binds a prefix OpenDocument uses (office, "
                 "style, text, fo...) to another namespace, or one prefix "
                 "to two");
  return err;
}

/* The styles part of the open package, checked; NULL (an error said) when
   it is missing or bad. */
static xmlDocPtr read_styles(const scr_zpkg *p, const styles_kind *k) {
  unsigned char *data = NULL;
  size_t len = 0;
  if (scr_zpkg_read(p, k->member, STYLES_MAX_BYTES, &data, &len))
    return NULL;
  if (!data) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "template has no %s: it is not a %s document", k->member,
                 strcmp(k->format, "odt") == 0 ? "LibreOffice (.odt)"
                                               : "Word (.docx)");
    return NULL;
  }
  xmlDocPtr doc = check_styles_xml(data, len, k, p->path, p->diags);
  free(data);
  return doc;
}

/*
 * What a style that sets a property nowhere, nor its parents nor the
 * document's defaults, shows in its application: single lines, no space
 * before or after, upright, not bold, in black, 10 pt in Word and 12 pt in
 * LibreOffice. The other format is given these, not the built-in style's
 * values, so that it shows what the template does. (The repair has given
 * every role a style; the font, which Word and LibreOffice choose each in
 * its own way, stays the built-in's.)
 */
static void show_defaults(scr_house *h, bool docx) {
  enum { SINGLE = 240, WORD_SIZE = 20, LIBREOFFICE_SIZE = 24 };
  for (size_t i = 0; i < SCR_HOUSE_ROLES; i++) {
    scr_house_text *t = &h->text[i];
    if (t->size == SCR_HOUSE_UNSET)
      t->size = docx ? WORD_SIZE : LIBREOFFICE_SIZE;
    if (!t->colour[0])
      memcpy(t->colour, "000000", sizeof t->colour);
    if (t->bold == SCR_HOUSE_UNSET)
      t->bold = 0;
    if (t->italic == SCR_HOUSE_UNSET)
      t->italic = 0;
    if (t->before == SCR_HOUSE_UNSET)
      t->before = 0;
    if (t->after == SCR_HOUSE_UNSET)
      t->after = 0;
    if (t->line == SCR_HOUSE_UNSET)
      t->line = SINGLE;
    if (t->contextual == SCR_HOUSE_UNSET)
      t->contextual = 0;
  }
}

/* The styles part of the template's own format, repaired, its theme fonts
   named, into tpl->owned; its house style into *house. */
static scr_error load_own(const scr_zpkg *p, const styles_kind *k,
                          scr_template *tpl, scr_house *house) {
  xmlDocPtr doc = read_styles(p, k);
  if (!doc)
    return SCR_E_TEMPLATE;
  bool docx = strcmp(k->format, "docx") == 0, changed = false;
  scr_error err = repair_tree(doc, k->format, p->path, p->diags, &changed);
  if (!err && docx)
    err = tpl_resolve_theme_docx(p, doc);
  if (!err)
    err = docx ? tpl_house_docx(p, doc, house) : tpl_house_odt(p, doc, house);
  if (!err)
    show_defaults(house, docx);
  if (!err)
    err = dump(doc, &tpl->owned, &tpl->styles_len);
  xmlFreeDoc(doc);
  tpl->styles = tpl->owned;
  return err;
}

/* Whether a Word template's settings ask for the space between two
   paragraphs to be the sum of both, as the built-in style's documents do
   (the DOCX of a pack, or the house template init writes): its documents
   keep that rule. Settings that cannot be read say nothing. */
static bool settings_sum_spacing(const scr_zpkg *p) {
  enum { SETTINGS_MAX = 1024 * 1024 };
  static const char *const W =
      "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  unsigned char *data = NULL;
  size_t len = 0;
  if (scr_zpkg_read(p, "word/settings.xml", SETTINGS_MAX, &data, &len) || !data)
    return false;
  xmlDocPtr doc = xmlReadMemory((const char *)data, (int)len, "settings.xml",
                                NULL, SCR_ZPKG_XML_OPTIONS);
  free(data);
  const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  const xmlNode *compat =
      tpl_is(root, W, "settings") ? tpl_child(root, W, "compat") : NULL;
  const xmlNode *rule =
      compat ? tpl_child(compat, W, "doNotUseHTMLParagraphAutoSpacing") : NULL;
  xmlChar *val = rule ? xmlGetNsProp(rule, BAD_CAST "val", BAD_CAST W) : NULL;
  bool sums = rule && (!val || (xmlStrcmp(val, BAD_CAST "0") != 0 &&
                                xmlStrcmp(val, BAD_CAST "false") != 0));
  xmlFree(val);
  xmlFreeDoc(doc);
  return sums;
}

/* The other format's styles: the built-in ones, given the house's text. */
/*
 * Between two paragraphs Word puts the larger of the first's space after
 * and the second's space before (a Word template keeps that rule in its
 * DOCX); an ODT puts both. So the ODT of a Word template gives its title
 * and headings their space before less the body text's space after: a
 * heading after a paragraph then stands where Word puts it.
 */
static scr_house spaced_as_in_word(const scr_house *h) {
  scr_house spaced = *h;
  int after = h->text[SCR_HOUSE_BODY_TEXT].after;
  for (int r = SCR_HOUSE_TITLE; after > 0 && r <= SCR_HOUSE_HEADING6; r++) {
    int *before = &spaced.text[r].before;
    if (*before != SCR_HOUSE_UNSET)
      *before = *before > after ? *before - after : 0;
  }
  return spaced;
}

static scr_error derive_other(const char *own, const scr_house *house,
                              scr_template *tpl) {
  const char *other = strcmp(own, "odt") == 0 ? "docx" : "odt";
  const styles_kind *k = kind_of(other);
  scr_template b = scr_template_builtin(other);
  xmlDocPtr doc = parse_styles(b.styles, b.styles_len, k->member);
  if (!doc)
    return SCR_E_NOMEM;
  /* a Word template that sums the spaces already spaces as an ODT does */
  scr_house spaced = tpl->spacing_adds ? *house : spaced_as_in_word(house);
  scr_error err = strcmp(other, "odt") == 0 ? tpl_apply_house_odt(doc, &spaced)
                                            : tpl_apply_house_docx(doc, house);
  if (!err)
    err = dump(doc, &tpl->derived, &tpl->derived_len);
  xmlFreeDoc(doc);
  return err;
}

scr_error scr_template_load(const char *path, scr_template *tpl,
                            scr_diags *diags) {
  *tpl = (scr_template){0};
  const char *format = scr_template_format_of(path);
  if (!format) {
    scr_error_at(diags, path, 0, 0,
                 "a template must be a .docx or .odt document");
    return SCR_E_TEMPLATE;
  }
  char digest[SCR_DIGEST_HEX] = "";
  scr_zpkg p;
  scr_error err = scr_zpkg_open(&p, path, "template", TEMPLATE_MAX_BYTES,
                                SCR_E_TEMPLATE, diags);
  if (!err)
    digest_of(&p, digest);
  scr_house *house = !err ? malloc(sizeof *house) : NULL;
  if (!err && !house)
    err = SCR_E_NOMEM;
  if (house)
    scr_house_default(house);
  tpl->format = format;
  tpl->owned_house = house;
  tpl->house = house;
  if (!err && strcmp(format, "odt") == 0)
    err = check_mimetype(p.zip, path, diags);
  if (!err)
    err = load_own(&p, kind_of(format), tpl, house);
  if (!err && strcmp(format, "docx") == 0)
    tpl->spacing_adds = settings_sum_spacing(&p);
  scr_zpkg_close(&p);
  if (!err)
    err = derive_other(format, house, tpl);
  memcpy(tpl->digest, digest, sizeof digest);
  if (!err)
    err = check_writable(tpl, path, diags);
  if (err)
    scr_template_free(tpl);
  return err;
}
