/* Reading sources: encoding checks, front matter, Markdown body. */
#include "source.h"
#include "markdown.h"
#include "pdfpics.h"
#include "report.h"
#include "rawhtml.h"
#include "dates.h"
#include "fields.h"
#include "util.h"
#include "yaml_explain.h"

#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Front matter is small; these bound what a hostile file can make us do. */
#define META_MAX_DEPTH 16
#define META_MAX_NODES 10000

/* ---- encoding ----------------------------------------------------------- */

/* Characters XML 1.0 cannot carry: C0 controls but tab, LF and CR, and the
   non-characters U+FFFE and U+FFFF. */
static bool xml_forbidden(uint32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
         cp == 0xFFFE || cp == 0xFFFF;
}

/* The first character documents cannot hold, and how many there are. */
typedef struct forbidden {
  size_t count;
  uint32_t first;
  int line, col;
} forbidden;

/* Whether the text is plainly fine: printable ASCII, tabs and line breaks,
   and valid multi-byte characters XML can carry. The common case, checked
   fast; anything else is looked at closely, with lines and columns. */
static bool plainly_valid(const unsigned char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    i += scr_printable_ascii_prefix(s + i, len - i);
    if (i == len)
      break;
    unsigned char c = s[i];
    if (c == '\n' || c == '\t' || c == '\r') {
      i++;
      continue;
    }
    uint32_t cp;
    size_t n = c >= 0x80 ? scr_utf8_decode(s + i, len - i, &cp) : 0;
    if (n == 0 || xml_forbidden(cp))
      return false;
    i += n;
  }
  return true;
}

static bool check_encoding(const char *path, const char *text, size_t len,
                           scr_diags *diags) {
  const unsigned char *s = (const unsigned char *)text;
  if (plainly_valid(s, len))
    return true;
  int line = 1, col = 1;
  forbidden bad = {0};
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = scr_utf8_decode(s + i, len - i, &cp);
    if (n == 0) {
      scr_error_at(diags, path, line, col,
                   "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", s[i]);
      return false;
    }
    if (cp == 0) {
      scr_error_at(diags, path, line, col,
                   "NUL byte in a text file; is this a binary file?");
      return false;
    }
    if (xml_forbidden(cp) && bad.count++ == 0)
      bad = (forbidden){1, cp, line, col};
    if (cp == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    i += n;
  }
  if (bad.count)
    scr_warn_at(diags, path, bad.line, bad.col,
                "%zu character%s that DOCX and ODT cannot hold (first: "
                "U+%04X) %s left out",
                bad.count, bad.count == 1 ? "" : "s", (unsigned)bad.first,
                bad.count == 1 ? "is" : "are");
  return true;
}

/* Drop a UTF-8 byte order mark and turn CRLF and lone CR into LF, in place. */
static void normalise_text(char *text, size_t *len) {
  size_t r = 0, w = 0, n = *len;
  if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
    r = 3;
  while (r < n) {
    /* copy up to the next CR in one go: most files have none */
    const char *cr = memchr(text + r, '\r', n - r);
    size_t run = cr ? (size_t)(cr - text) - r : n - r;
    if (w != r)
      memmove(text + w, text + r, run);
    w += run;
    r += run;
    if (r == n)
      break;
    r++; /* the CR: CRLF and a lone CR become LF */
    if (r < n && text[r] == '\n')
      r++;
    text[w++] = '\n';
  }
  text[w] = '\0';
  *len = w;
}

/* ---- front matter ------------------------------------------------------- */

static void ynode_free(scr_ynode *n) {
  if (!n)
    return;
  for (size_t i = 0; i < n->count; i++) {
    ynode_free(n->items[i]);
    if (n->keys)
      free(n->keys[i]);
  }
  free(n->items);
  free(n->keys);
  free(n->scalar);
  free(n);
}

typedef struct yparse {
  yaml_parser_t parser;
  const char *path;
  scr_yaml_text text; /* what the parser reads, for saying what is wrong */
  int line_offset;    /* file line of the YAML text's first line, minus one */
  scr_diags *diags;
  size_t nodes;
  bool failed;
} yparse;

static void yaml_fail(yparse *p, int line, int col, const char *what) {
  if (!p->failed)
    scr_error_at(p->diags, p->path, line, col, "front matter: %s", what);
  p->failed = true;
}

/* A fault found in the text, said at its place. */
static void yaml_fault_say(yparse *p, scr_yaml_fault f) {
  yaml_fail(p, f.line + 1 + p->line_offset, f.col + 1,
            f.message ? f.message : "out of memory");
  free(f.message);
}

static bool next_event(yparse *p, yaml_event_t *ev) {
  if (yaml_parser_parse(&p->parser, ev))
    return true;
  yaml_fault_say(p, scr_yaml_explain(&p->parser, p->text));
  return false;
}

static scr_ynode *new_ynode(yparse *p, scr_ykind kind, const yaml_event_t *ev) {
  if (++p->nodes > META_MAX_NODES) {
    yaml_fail(p, (int)ev->start_mark.line + 1 + p->line_offset, 1,
              "too many values");
    return NULL;
  }
  scr_ynode *n = calloc(1, sizeof *n);
  if (!n) {
    yaml_fail(p, 0, 0, "out of memory");
    return NULL;
  }
  n->kind = kind;
  n->line = (int)ev->start_mark.line + 1 + p->line_offset;
  n->col = (int)ev->start_mark.column + 1;
  return n;
}

static bool ynode_push(yparse *p, scr_ynode *parent, char *key,
                       scr_ynode *child) {
  size_t need = parent->count + 1;
  if (scr_reserve(&parent->items, &parent->cap_items, need,
                  sizeof *parent->items) ||
      (parent->kind == SCR_Y_MAP &&
       scr_reserve(&parent->keys, &parent->cap_keys, need,
                   sizeof *parent->keys))) {
    yaml_fail(p, 0, 0, "out of memory");
    return false;
  }
  if (parent->keys)
    parent->keys[parent->count] = key;
  parent->items[parent->count++] = child;
  return true;
}

static scr_ynode *parse_value(yparse *p, yaml_event_t *ev, int depth);

/* Children of a sequence or mapping up to its end event. */
static bool parse_children(yparse *p, scr_ynode *n, int depth) {
  for (;;) {
    yaml_event_t ev;
    if (!next_event(p, &ev))
      return false;
    if (ev.type == YAML_SEQUENCE_END_EVENT ||
        ev.type == YAML_MAPPING_END_EVENT) {
      yaml_event_delete(&ev);
      return true;
    }
    char *key = NULL;
    if (n->kind == SCR_Y_MAP) {
      if (ev.type != YAML_SCALAR_EVENT) {
        yaml_fail(p, (int)ev.start_mark.line + 1 + p->line_offset,
                  (int)ev.start_mark.column + 1, "keys must be plain words");
        yaml_event_delete(&ev);
        return false;
      }
      key = scr_strdup((const char *)ev.data.scalar.value);
      const scr_ynode *first = key ? scr_meta_get(n, key) : NULL;
      if (first) {
        char what[160];
        snprintf(what, sizeof what,
                 "'%.64s' is given twice (first on line %d): keep one "
                 "and delete the other",
                 key, first->line);
        yaml_fail(p, (int)ev.start_mark.line + 1 + p->line_offset,
                  (int)ev.start_mark.column + 1, what);
        free(key);
        yaml_event_delete(&ev);
        return false;
      }
      yaml_event_delete(&ev);
      if (!key || !next_event(p, &ev)) {
        free(key);
        return false;
      }
    }
    scr_yaml_fault misplaced;
    if (scr_yaml_misplaced_item(&ev, p->text, n->kind == SCR_Y_SEQ ? n->col : 0,
                                &misplaced)) {
      yaml_fault_say(p, misplaced);
      free(key);
      yaml_event_delete(&ev);
      return false;
    }
    scr_ynode *child = parse_value(p, &ev, depth + 1);
    yaml_event_delete(&ev);
    if (!child || !ynode_push(p, n, key, child)) {
      free(key);
      ynode_free(child);
      return false;
    }
  }
}

static scr_ynode *parse_value(yparse *p, yaml_event_t *ev, int depth) {
  int line = (int)ev->start_mark.line + 1 + p->line_offset;
  int col = (int)ev->start_mark.column + 1;
  if (depth > META_MAX_DEPTH) {
    yaml_fail(p, line, col, "values nested too deeply");
    return NULL;
  }
  scr_ynode *n = NULL;
  switch (ev->type) {
  case YAML_SCALAR_EVENT:
    if ((n = new_ynode(p, SCR_Y_SCALAR, ev))) {
      n->scalar = scr_strndup((const char *)ev->data.scalar.value,
                              ev->data.scalar.length);
      if (!n->scalar) {
        ynode_free(n);
        yaml_fail(p, line, col, "out of memory");
        return NULL;
      }
    }
    return n;
  case YAML_SEQUENCE_START_EVENT:
  case YAML_MAPPING_START_EVENT:
    n = new_ynode(
        p, ev->type == YAML_SEQUENCE_START_EVENT ? SCR_Y_SEQ : SCR_Y_MAP, ev);
    if (n && !parse_children(p, n, depth)) {
      ynode_free(n);
      n = NULL;
    }
    return n;
  case YAML_ALIAS_EVENT:
    /* Aliases are how "billion laughs" documents grow; front matter never
       needs them. */
    yaml_fail(p, line, col, "aliases (*name) are not allowed");
    return NULL;
  default:
    yaml_fail(p, line, col, "unexpected YAML structure");
    return NULL;
  }
}

/* Parse the YAML between the `---` lines; the root must be a mapping. */
static scr_ynode *parse_front_matter(const char *path, const char *yaml,
                                     size_t len, int first_line,
                                     scr_diags *diags) {
  yparse p = {.path = path,
              .text = {yaml, len, first_line},
              .line_offset = first_line - 1,
              .diags = diags};
  if (!yaml_parser_initialize(&p.parser)) {
    scr_error_at(diags, path, first_line, 1, "out of memory");
    return NULL;
  }
  yaml_parser_set_input_string(&p.parser, (const unsigned char *)yaml, len);
  scr_ynode *root = NULL;
  yaml_event_t ev;
  bool in_doc = false;
  while (!p.failed && next_event(&p, &ev)) {
    yaml_event_type_t type = ev.type;
    if (type == YAML_DOCUMENT_START_EVENT) {
      if (root)
        yaml_fail(&p, (int)ev.start_mark.line + first_line, 1,
                  "more than one YAML document");
      in_doc = true;
    } else if (in_doc && !root && type != YAML_DOCUMENT_END_EVENT &&
               type != YAML_STREAM_END_EVENT) {
      if (type != YAML_MAPPING_START_EVENT)
        yaml_fail(&p, (int)ev.start_mark.line + first_line,
                  (int)ev.start_mark.column + 1, "expected `key: value` lines");
      else
        root = parse_value(&p, &ev, 0);
    }
    yaml_event_delete(&ev);
    if (type == YAML_STREAM_END_EVENT)
      break;
  }
  yaml_parser_delete(&p.parser);
  if (p.failed) {
    ynode_free(root);
    return NULL;
  }
  if (!root) {
    /* an empty block is an empty mapping */
    root = calloc(1, sizeof *root);
    if (root) {
      root->kind = SCR_Y_MAP;
      root->line = first_line;
      root->col = 1;
    }
  }
  return root;
}

/* True when the line at s (up to the newline) is exactly `mark`. */
static bool line_is(const char *s, const char *mark) {
  size_t n = strlen(mark);
  if (strncmp(s, mark, n) != 0)
    return false;
  s += n;
  while (*s == ' ' || *s == '\t')
    s++;
  return *s == '\n' || *s == '\0';
}

/* Whether a front-matter line can be YAML: blank, indented, a `- ` item
   or `key:`; not a Markdown heading or a sentence. */
static bool could_be_yaml(const char *s) {
  if (*s == '\n' || *s == '\0' || *s == ' ' || *s == '\t' || *s == '-')
    return true;
  if (*s == '#')
    return false;
  size_t key = strcspn(s, ":\n");
  return s[key] == ':' &&
         (s[key + 1] == ' ' || s[key + 1] == '\n' || s[key + 1] == '\0');
}

/* The file line after the last that can be YAML, counting from line 2 at
   `yaml`, when the text goes on after it; 0 when it does not. */
static int first_body_line(const char *yaml) {
  int line = 2, last_yaml = 1;
  for (const char *s = yaml; *s; line++) {
    bool blank = *s == '\n';
    if (!could_be_yaml(s))
      return last_yaml + 1;
    if (!blank)
      last_yaml = line;
    const char *nl = strchr(s, '\n');
    if (!nl)
      break;
    s = nl + 1;
  }
  return 0;
}

/*
 * Split off the front matter: `---` on the first line, up to a `---` or
 * `...` line. Sets *body to the text after it.
 */
static bool split_front_matter(scr_source *src, bool need_meta,
                               scr_diags *diags, const char **body) {
  *body = src->text;
  src->body_line = 1;
  if (!line_is(src->text, "---")) {
    if (need_meta)
      scr_error_at(diags, src->path, 1, 1,
                   "missing front matter: the file must start with a `---` "
                   "line, then `key: value` lines, then `---`");
    return !need_meta;
  }
  const char *yaml = strchr(src->text, '\n');
  yaml = yaml ? yaml + 1 : src->text + src->len;
  int line = 2;
  for (const char *s = yaml; *s; line++) {
    if (line_is(s, "---") || line_is(s, "...")) {
      src->meta_line = 1;
      src->meta =
          parse_front_matter(src->path, yaml, (size_t)(s - yaml), 2, diags);
      const char *nl = strchr(s, '\n');
      *body = nl ? nl + 1 : s + strlen(s);
      src->body_line = line + 1;
      return src->meta != NULL;
    }
    const char *nl = strchr(s, '\n');
    if (!nl)
      break;
    s = nl + 1;
  }
  int text_line = first_body_line(yaml);
  if (text_line)
    scr_error_at(diags, src->path, 1, 1,
                 "front matter is not closed: add a `---` line before line %d, "
                 "after its last `key: value` line",
                 text_line);
  else
    scr_error_at(diags, src->path, 1, 1,
                 "front matter is not closed: add a `---` line after it");
  return false;
}

/* ---- body -----------------------------------------------------------------
 */

/*
 * Word and LibreOffice show at most nine list levels, and an ODT nests its
 * XML once per level: deeper lists cannot be laid out faithfully, so they
 * are an error at the first list too deep.
 */
static void check_list_depth(const scr_source *src, scr_diags *diags) {
  cmark_iter *it = cmark_iter_new(src->doc);
  cmark_event_type ev;
  int depth = 0;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (cmark_node_get_type(n) != CMARK_NODE_LIST)
      continue;
    depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
    if (depth > SCR_MAX_LIST_DEPTH) {
      scr_error_at(diags, src->path, scr_source_line(src, n),
                   cmark_node_get_start_column(n),
                   "lists nested more than %d deep; Word and LibreOffice "
                   "show at most %d levels",
                   SCR_MAX_LIST_DEPTH, SCR_MAX_LIST_DEPTH);
      break;
    }
  }
  cmark_iter_free(it);
}

int scr_min_heading_level(cmark_node *doc) {
  int min = 7;
  for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(n);
      if (level < min)
        min = level;
    }
  return min == 7 ? 1 : min;
}

/* A PDF's text: the front matter of its title, written as a Word
   report's is, and no body. */
static scr_error pdf_text(scr_source *src, scr_diags *diags) {
  scr_rtext *t = scr_rtext_new(src->path, NULL, diags);
  if (!t)
    return SCR_E_NOMEM;
  scr_rtext_title(t, scr_pdf_title(src->pdf));
  scr_embedded_set none;
  scr_error err = scr_rtext_finish(t, &src->text, &src->len, &none);
  if (!err)
    scr_embedded_set_free(&none);
  scr_rtext_free(t);
  return err;
}

/* A PDF appendix, opened and checked; its text the front matter of its
   title. What is wrong with it is said as what the file "is", for the
   agenda to say at its link. */
static scr_error read_pdf(scr_source *src, scr_diags *diags) {
  char *data = NULL, *why = NULL;
  size_t len = 0;
  scr_error err = scr_read_file(src->path, SCR_PDF_MAX_BYTES, &data, &len);
  if (err && err != SCR_E_NOMEM) {
    int sys_errno = errno;
    char said[160];
    scr_error_at(diags, src->path, 0, 0, "%s",
                 err == SCR_E_LIMIT ? "is over 100 MB; a PDF appendix may be "
                                      "at most 100 MB"
                 : err == SCR_E_NOT_FILE && sys_errno != EISDIR
                     ? "is not a regular file"
                     : scr_unreadable(err, sys_errno, said, sizeof said));
    return SCR_E_SOURCE;
  }
  if (!err)
    err = scr_pdf_open((const unsigned char *)data, len, &src->pdf, &why);
  free(data);
  if (err == SCR_E_SOURCE)
    scr_error_at(diags, src->path, 0, 0, "%s", why);
  free(why);
  if (!err && !(src->pictures = scr_pdf_pictures_new(src->pdf)))
    err = SCR_E_NOMEM;
  if (!err)
    err = pdf_text(src, diags);
  if (err == SCR_E_NOMEM)
    scr_error_at(diags, src->path, 0, 0, "%s", "out of memory");
  return err ? SCR_E_SOURCE : SCR_OK;
}

/* The source's text: the file, or the Markdown a Word or LibreOffice
   report reads as (SCR_E_SOURCE, said, when it is not a usable one). */
static scr_error read_text(scr_source *src, scr_diags *diags) {
  if (scr_report_is_pdf(src->path))
    return read_pdf(src, diags);
  if (!scr_report_is_office(src->path))
    return scr_read_file(src->path, SCR_SOURCE_MAX_BYTES, &src->text,
                         &src->len);
  src->embedded = calloc(1, sizeof *src->embedded);
  if (!src->embedded)
    return SCR_E_NOMEM;
  /* every failure, out of memory too, has been said */
  return scr_report_markdown(src->path, NULL, &src->text, &src->len,
                             src->embedded, diags)
             ? SCR_E_SOURCE
             : SCR_OK;
}

scr_source *scr_source_load(const char *path, bool need_meta,
                            scr_diags *diags) {
  scr_source *src = calloc(1, sizeof *src);
  if (!src || !(src->path = scr_strdup(path))) {
    free(src);
    scr_error_at(diags, path, 0, 0, "out of memory");
    return NULL;
  }
  scr_error err = read_text(src, diags);
  if (err == SCR_E_SOURCE) {
    scr_source_free(src);
    return NULL;
  }
  if (err) {
    int why = errno;
    char said[160];
    scr_error_at(diags, path, 0, 0, "%s",
                 err == SCR_E_LIMIT ? "file is too large (over 32 MB)"
                 : err == SCR_E_NOMEM
                     ? "out of memory"
                     : scr_unreadable(err, why, said, sizeof said));
    scr_source_free(src);
    return NULL;
  }
  const char *body;
  if (!check_encoding(path, src->text, src->len, diags)) {
    scr_source_free(src);
    return NULL;
  }
  normalise_text(src->text, &src->len);
  if (!split_front_matter(src, need_meta, diags, &body)) {
    scr_source_free(src);
    return NULL;
  }
  src->body_off = (size_t)(body - src->text);
  src->doc = scr_parse_markdown(body, src->len - src->body_off);
  if (!src->doc) {
    scr_error_at(diags, path, 0, 0, "out of memory");
    scr_source_free(src);
    return NULL;
  }
  src->min_heading = scr_min_heading_level(src->doc);
  if (scr_source_index_anchors(src)) {
    scr_error_at(diags, path, 0, 0, "out of memory");
    scr_source_free(src);
    return NULL;
  }
  check_list_depth(src, diags);
  if (!src->embedded && !src->pdf)
    scr_warn_undefined_footnotes(src->doc, body, src->len - src->body_off, path,
                                 src->body_line, diags);
  return src;
}

void scr_source_free(scr_source *src) {
  if (!src)
    return;
  if (src->release_attached)
    src->release_attached(src);
  if (src->doc)
    cmark_node_free(src->doc);
  free(src->detached);
  if (src->embedded)
    scr_embedded_set_free(src->embedded);
  free(src->embedded);
  scr_pdf_pictures_free(src->pictures);
  scr_pdf_free(src->pdf);
  scr_anchors_free(&src->anchors);
  ynode_free(src->meta);
  free(src->text);
  free(src->path);
  free(src);
}

/* A node's user data, and the node's place among the tree's nodes in
   document order. */
struct scr_detached {
  size_t ordinal;
  void *data;
};

/* Keep each node's user data aside with its ordinal. */
static bool detach_user_data(scr_source *src) {
  size_t cap = 0, ordinal = 0;
  cmark_iter *it = cmark_iter_new(src->doc);
  if (!it)
    return false;
  cmark_event_type ev;
  bool ok = true;
  while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *n = cmark_iter_get_node(it);
    void *data = cmark_node_get_user_data(n);
    if (data)
      ok = !scr_reserve(&src->detached, &cap, src->n_detached + 1,
                        sizeof *src->detached);
    if (ok && data)
      src->detached[src->n_detached++] = (struct scr_detached){ordinal, data};
    ordinal++;
  }
  cmark_iter_free(it);
  return ok;
}

scr_error scr_source_index_anchors(scr_source *src) {
  scr_anchors_free(&src->anchors);
  return src->doc ? scr_anchors_build(src->doc, &src->anchors) : SCR_OK;
}

void scr_source_release_tree(scr_source *src) {
  if (!src || !src->doc)
    return;
  /* without room to keep its user data aside, the tree stays */
  if (src->n_attached && !detach_user_data(src)) {
    src->n_detached = 0;
    return;
  }
  cmark_node_free(src->doc);
  src->doc = NULL;
}

static bool reattach_user_data(scr_source *src) {
  size_t ordinal = 0, next = 0;
  cmark_iter *it = cmark_iter_new(src->doc);
  if (!it)
    return false;
  cmark_event_type ev;
  while (next < src->n_detached &&
         (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    if (ordinal++ == src->detached[next].ordinal)
      cmark_node_set_user_data(cmark_iter_get_node(it),
                               src->detached[next++].data);
  }
  cmark_iter_free(it);
  return true;
}

scr_error scr_source_reparse(scr_source *src) {
  if (src->doc)
    return SCR_OK;
  src->doc =
      scr_parse_markdown(src->text + src->body_off, src->len - src->body_off);
  if (src->doc && src->n_detached && !reattach_user_data(src)) {
    cmark_node_free(src->doc);
    src->doc = NULL;
  }
  if (!src->doc)
    return SCR_E_NOMEM;
  src->n_detached = 0;
  return SCR_OK;
}

void *scr_source_detached(const scr_source *src, size_t i) {
  return i < src->n_detached ? src->detached[i].data : NULL;
}

int scr_source_line(const scr_source *src, cmark_node *node) {
  if (src->embedded)
    return 0;
  int line = cmark_node_get_start_line(node);
  return line > 0 ? line + src->body_line - 1 : src->body_line;
}

const scr_ynode *scr_meta_get(const scr_ynode *map, const char *key) {
  if (!map || map->kind != SCR_Y_MAP)
    return NULL;
  for (size_t i = 0; i < map->count; i++)
    if (strcmp(map->keys[i], key) == 0)
      return map->items[i];
  return NULL;
}

const char *scr_meta_string(const scr_ynode *map, const char *key) {
  const scr_ynode *n = scr_meta_get(map, key);
  return n && n->kind == SCR_Y_SCALAR ? n->scalar : NULL;
}

/* A key the defaults give, and that their kind takes. */
static bool given_by(const scr_ynode *defaults, scr_field_kind kind,
                     const char *name) {
  return defaults && scr_meta_get(defaults, name) &&
         scr_field_find(scr_fields(kind), name);
}

void scr_meta_check_keys(const scr_source *src, scr_field_kind kind,
                         scr_diags *diags) {
  scr_meta_check_keys_with(src, kind, NULL, kind, diags);
}

void scr_meta_check_keys_with(const scr_source *src, scr_field_kind kind,
                              const scr_ynode *defaults,
                              scr_field_kind defaults_kind, scr_diags *diags) {
  const scr_ynode *m = src->meta;
  const scr_field *fields = scr_fields(kind);
  if (!m)
    return;
  for (size_t i = 0; i < m->count; i++) {
    if (scr_field_find(fields, m->keys[i]))
      continue;
    const char *near = scr_field_nearest(fields, m->keys[i]);
    scr_warn_at(diags, src->path, m->items[i]->line, 1,
                "unknown front-matter key '%s' is ignored%s%s%s", m->keys[i],
                near ? "; did you mean '" : "", near ? near : "",
                near ? "'?" : "");
  }
  for (const scr_field *f = fields; f && f->name; f++)
    if (f->required && !scr_meta_get(m, f->name) &&
        !given_by(defaults, defaults_kind, f->name))
      scr_error_at(diags, src->path, src->meta_line, 1,
                   "front matter lacks the required key '%s'", f->name);
}

/* Raw HTML is text as it is written, but shown a comment is a note to the
   author, left out, and a <br> parts words as a space would. */
static void html_text(const char *lit, bool shown, scr_buf *out) {
  size_t n = lit ? strlen(lit) : 0;
  if (shown && scr_html_comment_len(lit, n) == n)
    return;
  scr_buf_puts(out, shown && scr_html_break_len(lit, n) == n ? " " : lit);
}

/* Inline text of a subtree; soft breaks become spaces. */
static void append_text(cmark_node *node, bool shown, scr_buf *out) {
  cmark_iter *it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER)
      continue;
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
      const char *lit = cmark_node_get_literal(n);
      scr_buf_puts(out, lit ? lit : "");
      break;
    }
    case CMARK_NODE_HTML_INLINE:
      html_text(cmark_node_get_literal(n), shown, out);
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      scr_buf_puts(out, " ");
      break;
    default:
      break;
    }
  }
  cmark_iter_free(it);
}

char *scr_node_text(cmark_node *node) {
  scr_buf b = SCR_BUF_INIT;
  append_text(node, true, &b);
  return scr_buf_detach(&b, NULL);
}

char *scr_node_written_text(cmark_node *node) {
  scr_buf b = SCR_BUF_INIT;
  append_text(node, false, &b);
  return scr_buf_detach(&b, NULL);
}

cmark_node *scr_next_heading(cmark_node *n, int level) {
  for (; n; n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(n) == level)
      return n;
  return NULL;
}

/* The scalar at `key` parsed by `parse`, or an error naming what it wants. */
static bool meta_value(const scr_source *src, const char *key, void *out,
                       bool (*parse)(const char *, void *), const char *want,
                       scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(src->meta, key);
  if (!v)
    return false;
  if (v->kind == SCR_Y_SCALAR && parse(v->scalar, out))
    return true;
  scr_error_at(diags, src->path, v->line, v->col, "'%s' is not a %s",
               v->kind == SCR_Y_SCALAR ? v->scalar : "(list)", want);
  return false;
}

static bool parse_date(const char *s, void *out) {
  return scr_date_parse(s, out);
}

static bool parse_time(const char *s, void *out) {
  return scr_time_parse(s, out);
}

bool scr_meta_date(const scr_source *src, const char *key, scr_date *out,
                   scr_diags *diags) {
  scr_date d;
  if (!meta_value(src, key, &d, parse_date, "date; write dates as YYYY-MM-DD",
                  diags))
    return false;
  *out = d;
  return true;
}

/* Whether `s` is written as YYYY-MM-DD, a date or not. */
static bool looks_like_date(const char *s) {
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

bool scr_meta_date_matches_name(const scr_source *src, const char *key,
                                const scr_date *d, scr_diags *diags) {
  const char *slash = strrchr(src->path, '/');
  const char *name = slash ? slash + 1 : src->path;
  char iso[11];
  scr_date named;
  if (strlen(name) != 13 || strcmp(name + 10, ".md") != 0)
    return true;
  memcpy(iso, name, 10);
  iso[10] = '\0';
  const scr_ynode *v = scr_meta_get(src->meta, key);
  if (!scr_date_parse(iso, &named)) {
    if (!looks_like_date(iso))
      return true;
    char want[11];
    scr_date_format(*d, SCR_DATE_ISO, want, sizeof want);
    scr_error_at(diags, src->path, 0, 0,
                 "the file name %s is not a date in the calendar: a "
                 "meeting's sources are named after its date, so rename it "
                 "%s.md",
                 name, want);
    return false;
  }
  if (scr_date_cmp(named, *d) == 0)
    return true;
  scr_error_at(diags, src->path, v ? v->line : 1, v ? v->col : 1,
               "%s: %s does not match the file name %s: a meeting's "
               "sources are named after its date, so rename the file or "
               "correct the date",
               key, v && v->scalar ? v->scalar : "?", name);
  return false;
}

bool scr_meta_time(const scr_source *src, const char *key, int *out,
                   scr_diags *diags) {
  int t;
  if (!meta_value(src, key, &t, parse_time,
                  "time; write times as 24-hour \"HH:MM\"", diags))
    return false;
  *out = t;
  return true;
}
