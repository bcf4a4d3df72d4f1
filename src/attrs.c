/* Pandoc-style attributes: `{key=value flag key2="quoted value"}` closing a
   heading or a list item, read strictly (see attrs.h for why). */
#include "attrs.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define ATTRS_MAX 16 /* attributes in one block; more is a mistake */

void scr_attr_place_init(scr_attr_place *p, const scr_source *src,
                         scr_diags *diags, const char *what) {
  *p = (scr_attr_place){src, diags, what, 0, 1};
}

/* ---- where in the file ----------------------------------------------------
 */

/* The start of file line `line`, moving the cursor forward (or back to the
   top when a block comes earlier than the last). */
static size_t line_start(scr_attr_place *p, int line) {
  const scr_source *src = p->src;
  if (line < p->line) {
    p->off = 0;
    p->line = 1;
  }
  while (p->line < line && p->off < src->len) {
    const char *nl = memchr(src->text + p->off, '\n', src->len - p->off);
    if (!nl) {
      p->off = src->len;
      break;
    }
    p->off = (size_t)(nl - src->text) + 1;
    p->line++;
  }
  return p->off;
}

/* A position in the file: the block's opening brace, and from it on. */
typedef struct pos {
  int line, col;
  size_t off; /* of the brace in src->text; SIZE_MAX when not found */
} pos;

/* The first `{` on the lines of `block`, or the block's start. */
static pos find_brace(scr_attr_place *p, cmark_node *block) {
  int first = scr_source_line(p->src, block);
  int last =
      first + cmark_node_get_end_line(block) - cmark_node_get_start_line(block);
  pos at = {first, cmark_node_get_start_column(block), SIZE_MAX};
  size_t off = line_start(p, first);
  const char *text = p->src->text;
  for (int line = first, col = 1; off < p->src->len && line <= last; off++) {
    if (text[off] == '{')
      return (pos){line, col, off};
    if (text[off] == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  return at;
}

/* The position `k` bytes after the brace, as the file has it. */
static pos advance(const scr_attr_place *p, pos at, size_t k) {
  if (at.off == SIZE_MAX)
    return at;
  for (size_t i = 0; i < k && at.off + i < p->src->len; i++) {
    if (p->src->text[at.off + i] == '\n') {
      at.line++;
      at.col = 1;
    } else {
      at.col++;
    }
  }
  return at;
}

/* ---- reading one block ------------------------------------------------ */

typedef struct attr {
  char *key, *value; /* value NULL for a flag */
  size_t at;         /* offset of the key from the brace */
} attr;

typedef struct reader {
  scr_attr_place *p;
  const scr_field *spec;
  const char *s; /* the text from the brace on */
  pos brace;
  attr attrs[ATTRS_MAX];
  size_t n;
  bool bad;
} reader;

static const char *expected(const reader *r) {
  return r->spec[0].name ? r->spec[0].example : "";
}

/* An error at k bytes after the brace: `msg` may quote one character,
   `c` (0 for none). */
static void fail_at(reader *r, size_t k, const char *msg, char c) {
  pos at = advance(r->p, r->brace, k);
  char quoted[8] = "";
  if (c)
    snprintf(quoted, sizeof quoted, " '%c'", c);
  scr_error_at(r->p->diags, r->p->src->path, at.line, at.col,
               "%s: %s%s; attributes are written in one pair of braces at "
               "the end, as {%s}",
               r->p->what, msg, quoted, expected(r));
  r->bad = true;
}

/* A key the element does not take, given twice, or missing its value. */
static void check_attr(reader *r, const attr *a) {
  const scr_field *s = scr_field_find(r->spec, a->key);
  pos at = advance(r->p, r->brace, a->at);
  const char *path = r->p->src->path;
  scr_diags *d = r->p->diags;
  r->bad = true;
  if (!s) {
    const char *near = scr_field_nearest(r->spec, a->key);
    scr_error_at(d, path, at.line, at.col,
                 "%s: unknown attribute '%s'%s%s%s (keys are lower case)",
                 r->p->what, a->key, near ? "; did you mean '" : "",
                 near ? near : "", near ? "'?" : "");
    return;
  }
  for (const attr *b = r->attrs; b < a; b++)
    if (strcmp(b->key, a->key) == 0) {
      scr_error_at(d, path, at.line, at.col,
                   "%s: attribute '%s' is given twice", r->p->what, a->key);
      return;
    }
  bool flag = s->type == SCR_FIELD_FLAG;
  if (flag && a->value)
    scr_error_at(d, path, at.line, at.col,
                 "%s: '%s' takes no value; write {%s}", r->p->what, a->key,
                 s->example);
  else if (!flag && (!a->value || !*a->value))
    scr_error_at(d, path, at.line, at.col, "%s: '%s' needs a value; write {%s}",
                 r->p->what, a->key, s->example);
  else
    r->bad = false;
}

static bool key_char(char c) {
  return isalnum((unsigned char)c) || c == '-' || c == '_';
}

/* A value after `=`: quoted, or up to the next space. Returns the length
   read, 0 after an error. */
static size_t read_value(reader *r, size_t i, size_t end, attr *a) {
  const char *s = r->s;
  char quote = s[i] == '"' || s[i] == '\'' ? s[i] : 0;
  size_t v = quote ? i + 1 : i, j = v;
  while (j < end && (quote ? s[j] != quote : !isspace((unsigned char)s[j])))
    j++;
  if (quote && j == end) {
    fail_at(r, i, "the quoted value is not closed", 0);
    return 0;
  }
  a->value = scr_strndup(s + v, j - v);
  return j + (quote ? 1 : 0) - i;
}

/* One `key`, `key=value` or `key="value"` at s[i]; the offset after it. */
static size_t read_attr(reader *r, size_t i, size_t end) {
  const char *s = r->s;
  if (!isalpha((unsigned char)s[i])) {
    fail_at(r, i,
            s[i] == '.' || s[i] == '#'
                ? "classes and identifiers (.name, #name) are not attributes, "
                  "found"
                : "expected an attribute name, found",
            s[i]);
    return 0;
  }
  size_t k = i;
  while (k < end && key_char(s[k]))
    k++;
  if (r->n == ATTRS_MAX) {
    fail_at(r, i, "too many attributes", 0);
    return 0;
  }
  attr *a = &r->attrs[r->n++];
  *a = (attr){scr_strndup(s + i, k - i), NULL, i};
  if (k < end && s[k] == '=') {
    size_t len = read_value(r, k + 1, end, a);
    if (!len && r->bad)
      return 0;
    k += 1 + len;
  }
  if (k < end && !isspace((unsigned char)s[k])) {
    fail_at(r, k, "expected '=' or a space after the name, found", s[k]);
    return 0;
  }
  return k;
}

/* The attributes between the braces at s[0] and s[end]. */
static void read_inner(reader *r, size_t end) {
  size_t i = 1;
  for (;;) {
    while (i < end && isspace((unsigned char)r->s[i]))
      i++;
    if (i == end)
      break;
    size_t next = read_attr(r, i, end);
    if (!next)
      return;
    i = next;
  }
  if (r->n == 0)
    fail_at(r, 0, "the braces are empty", 0);
  for (size_t j = 0; j < r->n && !r->bad; j++)
    check_attr(r, &r->attrs[j]);
  for (size_t j = 0; j < r->n; j++)
    if (!r->attrs[j].key)
      r->bad = true; /* out of memory: never apply half a block */
}

/* The block's shape: one `{`, its `}`, nothing but spaces after. Returns
   the offset of the `}`, 0 when the shape is wrong. */
static size_t closing_brace(reader *r) {
  const char *s = r->s;
  size_t close = strcspn(s + 1, "{}") + 1;
  if (!s[close]) {
    fail_at(r, 0, "'{' is not closed", 0);
    return 0;
  }
  if (s[close] == '{') {
    fail_at(r, close, "a second '{' inside the braces", 0);
    return 0;
  }
  size_t after = close + 1;
  while (isspace((unsigned char)s[after]))
    after++;
  if (s[after] == '{')
    fail_at(r, after, "more than one pair of braces", 0);
  else if (s[after])
    fail_at(r, after, "text after the closing '}'", 0);
  return r->bad ? 0 : close;
}

static void reader_free(reader *r) {
  for (size_t i = 0; i < r->n; i++) {
    free(r->attrs[i].key);
    free(r->attrs[i].value);
  }
}

/* ---- the block in the tree ------------------------------------------------
 */

/* The text node that ends a block: its last leaf, if it is text. */
static cmark_node *last_text(cmark_node *block) {
  cmark_node *n = block;
  while (cmark_node_last_child(n))
    n = cmark_node_last_child(n);
  return n != block && cmark_node_get_type(n) == CMARK_NODE_TEXT ? n : NULL;
}

/* The literal of the last text node, when it holds every `{` of the
   block's text; NULL (an error reported) when a brace is elsewhere. */
static const char *brace_text(cmark_node *block, const char *all,
                              scr_attr_place *p, pos brace) {
  cmark_node *last = last_text(block);
  const char *lit = last ? cmark_node_get_literal(last) : NULL;
  size_t la = strlen(all), ll = lit ? strlen(lit) : 0;
  const char *open = strchr(all, '{');
  if (lit && ll <= la && strcmp(all + la - ll, lit) == 0 &&
      (size_t)(open - all) >= la - ll)
    return lit + ((size_t)(open - all) - (la - ll));
  scr_error_at(p->diags, p->src->path, brace.line, brace.col,
               "%s: attributes must be plain text closing the %s, with no "
               "emphasis, code or link in or after them",
               p->what, p->what);
  return NULL;
}

/* Take the block out of the last text node, and the spaces before it. */
static bool remove_block(cmark_node *block, const char *brace) {
  cmark_node *last = last_text(block);
  const char *lit = cmark_node_get_literal(last);
  size_t keep = (size_t)(brace - lit);
  while (keep > 0 && isspace((unsigned char)lit[keep - 1]))
    keep--;
  char *rest = scr_strndup(lit, keep);
  bool ok = rest && cmark_node_set_literal(last, rest);
  free(rest);
  return ok;
}

scr_attr_result scr_take_attributes(cmark_node *block, const scr_field *spec,
                                    scr_attr_fn fn, void *ctx,
                                    scr_attr_place *p) {
  char *all = scr_node_written_text(block);
  if (!all || !strchr(all, '{')) {
    bool none = all != NULL;
    free(all);
    if (!none)
      scr_error_at(p->diags, p->src->path, 0, 0, "out of memory");
    return none ? SCR_ATTRS_NONE : SCR_ATTRS_MALFORMED;
  }
  pos brace = find_brace(p, block);
  const char *s = brace_text(block, all, p, brace);
  free(all);
  if (!s)
    return SCR_ATTRS_MALFORMED;
  reader r = {.p = p, .spec = spec, .s = s, .brace = brace};
  size_t close = closing_brace(&r);
  if (close)
    read_inner(&r, close);
  bool ok = !r.bad && remove_block(block, s);
  for (size_t i = 0; ok && i < r.n; i++) {
    pos at = advance(p, brace, r.attrs[i].at);
    fn(ctx, r.attrs[i].key, r.attrs[i].value, at.line, at.col);
  }
  reader_free(&r);
  return ok ? SCR_ATTRS_TAKEN : SCR_ATTRS_MALFORMED;
}
