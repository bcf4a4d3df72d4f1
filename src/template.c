/* House style: built-in templates and reference documents. */
#include "template.h"
#include "diag.h"
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
  return t;
}

bool scr_template_is_builtin(const scr_template *tpl) {
  return tpl && tpl->format && tpl->styles &&
         tpl->styles == scr_template_builtin(tpl->format).styles;
}

void scr_template_free(scr_template *tpl) {
  free(tpl->owned);
  *tpl = (scr_template){0};
}

/* A template file larger than this is not a house style. */
#define TEMPLATE_MAX_BYTES (64u * 1024u * 1024u)
/* A styles part larger than this is not a house style. */
#define STYLES_MAX_BYTES (8u * 1024u * 1024u)
/* Deflate rarely beats 100:1 on XML; far beyond it is a zip bomb. */
#define MAX_COMPRESSION_RATIO 200

static const char *format_of(const char *path) {
  const char *dot = strrchr(path, '.');
  if (dot && strcmp(dot, ".docx") == 0)
    return "docx";
  if (dot && strcmp(dot, ".odt") == 0)
    return "odt";
  return NULL;
}

/* Read one member of a zip, refusing oversized or bomb-like entries. */
static scr_error read_member(zip_t *z, const char *name, const char *path,
                             scr_diags *diags, unsigned char **out,
                             size_t *len) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name, 0, &st) != 0) {
    scr_error_at(diags, path, 0, 0,
                 "template has no %s: it is not a %s document", name,
                 strcmp(name, "styles.xml") == 0 ? "LibreOffice (.odt)"
                                                 : "Word (.docx)");
    return SCR_E_TEMPLATE;
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > STYLES_MAX_BYTES ||
      ((st.valid & ZIP_STAT_COMP_SIZE) &&
       st.size / (st.comp_size ? st.comp_size : 1) > MAX_COMPRESSION_RATIO)) {
    scr_error_at(diags, path, 0, 0,
                 "template's %s is too large or too highly compressed "
                 "(a zip bomb?)",
                 name);
    return SCR_E_TEMPLATE;
  }
  zip_file_t *f = zip_fopen(z, name, 0);
  unsigned char *data = f ? malloc(st.size + 1) : NULL;
  zip_int64_t n = data ? zip_fread(f, data, st.size) : -1;
  /* libzip checks the part's CRC when a read reaches its end: read once
     more, so that a corrupted part is refused rather than used */
  unsigned char past_end;
  bool whole =
      n >= 0 && (zip_uint64_t)n == st.size && zip_fread(f, &past_end, 1) == 0;
  if (f)
    zip_fclose(f);
  if (!whole) {
    free(data);
    scr_error_at(diags, path, 0, 0, "template's %s cannot be read", name);
    return SCR_E_TEMPLATE;
  }
  data[st.size] = '\0';
  *out = data;
  *len = (size_t)st.size;
  return SCR_OK;
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

static bool is_element(const xmlNode *n, const char *ns, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, ns) == 0 &&
         strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child_element(const xmlNode *n, const char *ns,
                                    const char *name) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (is_element(c, ns, name))
      return c;
  return NULL;
}

/* The root is the format's styles element, and it defines a style. */
static bool styles_shape_ok(const xmlDoc *doc, const styles_kind *k) {
  const xmlNode *root = xmlDocGetRootElement((xmlDoc *)doc);
  if (!is_element(root, k->ns, k->root))
    return false;
  const xmlNode *box =
      k->container ? child_element(root, k->ns, k->container) : root;
  return child_element(box, k->style_ns, k->style) != NULL;
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

/* The styles must be the format's styles part, and plain XML: no DTD, no
   entities, no network, no undeclared prefix. */
static scr_error check_styles_xml(const unsigned char *data, size_t len,
                                  const styles_kind *k, const char *path,
                                  scr_diags *diags) {
  xmlDocPtr doc =
      xmlReadMemory((const char *)data, (int)len, k->member, NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  scr_error err = SCR_OK;
  if (!doc) {
    scr_error_at(diags, path, 0, 0, "%s is not well-formed XML", k->member);
    err = SCR_E_TEMPLATE;
  } else if (doc->intSubset || doc->extSubset) {
    scr_error_at(diags, path, 0, 0,
                 "%s declares a DOCTYPE, which is not allowed", k->member);
    err = SCR_E_TEMPLATE;
  } else if (!namespaces_bound(doc, k, path, diags)) {
    err = SCR_E_TEMPLATE;
  } else if (!styles_shape_ok(doc, k)) {
    scr_error_at(diags, path, 0, 0,
                 "%s is not %s (its root must be %s in %s, defining at "
                 "least one style)",
                 k->member, k->what, k->root, k->ns);
    err = SCR_E_TEMPLATE;
  }
  xmlFreeDoc(doc);
  return err;
}

/* The template's bytes as a zip archive libzip reads from memory, so that
   only a regular file is ever opened (a FIFO would block). */
static zip_t *open_zip(const char *path, char **bytes, scr_diags *diags) {
  size_t len = 0;
  scr_error err = scr_read_file(path, TEMPLATE_MAX_BYTES, bytes, &len);
  if (err) {
    scr_error_at(diags, path, 0, 0, "%s",
                 err == SCR_E_LIMIT      ? "template is too large (over 64 MB)"
                 : err == SCR_E_NOT_FILE ? "not a regular file"
                                         : "template cannot be opened");
    return NULL;
  }
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t *src = zip_source_buffer_create(*bytes, len, 0, &zerr);
  zip_t *z =
      src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : NULL;
  zip_error_fini(&zerr);
  if (!z) {
    zip_source_free(src);
    scr_error_at(diags, path, 0, 0,
                 "template is not a zip package (.docx and .odt files are "
                 "zip packages)");
  }
  return z;
}

scr_error scr_template_load(const char *path, scr_template *tpl,
                            scr_diags *diags) {
  *tpl = (scr_template){0};
  const char *format = format_of(path);
  if (!format) {
    scr_error_at(diags, path, 0, 0,
                 "a template must be a .docx or .odt document");
    return SCR_E_TEMPLATE;
  }
  char *bytes = NULL;
  zip_t *z = open_zip(path, &bytes, diags);
  if (!z) {
    free(bytes);
    return SCR_E_TEMPLATE;
  }
  const styles_kind *k = kind_of(format);
  unsigned char *data = NULL;
  size_t len = 0;
  scr_error err = read_member(z, k->member, path, diags, &data, &len);
  zip_discard(z);
  free(bytes);
  if (!err)
    err = check_styles_xml(data, len, k, path, diags);
  if (err) {
    free(data);
    return err;
  }
  tpl->format = format;
  tpl->styles = data;
  tpl->styles_len = len;
  tpl->owned = data;
  return SCR_OK;
}
