/* Pandoc-style attributes: `{key=value flag key2="quoted value"}` closing a
   heading or a list item. */
#include "attrs.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The text node that ends a block: its last leaf, if it is text. */
static cmark_node *last_text(cmark_node *block) {
  cmark_node *n = block;
  while (cmark_node_last_child(n))
    n = cmark_node_last_child(n);
  return n != block && cmark_node_get_type(n) == CMARK_NODE_TEXT ? n : NULL;
}

static void parse(const char *s, scr_attr_fn fn, void *ctx) {
  while (*s) {
    while (isspace((unsigned char)*s))
      s++;
    const char *k = s;
    while (*s && *s != '=' && !isspace((unsigned char)*s))
      s++;
    if (s == k)
      break;
    char *key = scr_strndup(k, (size_t)(s - k));
    char *value = NULL;
    if (*s == '=') {
      s++;
      char quote = (*s == '"' || *s == '\'') ? *s++ : 0;
      const char *v = s;
      while (*s && (quote ? *s != quote : !isspace((unsigned char)*s)))
        s++;
      value = scr_strndup(v, (size_t)(s - v));
      if (quote && *s)
        s++;
    }
    if (key)
      fn(ctx, key, value);
    free(key);
    free(value);
  }
}

bool scr_take_attributes(cmark_node *block, scr_attr_fn fn, void *ctx) {
  cmark_node *last = last_text(block);
  const char *lit = last ? cmark_node_get_literal(last) : NULL;
  size_t n = lit ? strlen(lit) : 0;
  while (n > 0 && isspace((unsigned char)lit[n - 1]))
    n--;
  if (n == 0 || lit[n - 1] != '}')
    return false;
  const char *open = NULL; /* the last '{' opens the attributes */
  for (size_t i = n - 1; i-- > 0 && !open;)
    if (lit[i] == '{')
      open = lit + i;
  if (!open)
    return false;
  char *inner = scr_strndup(open + 1, (size_t)(lit + n - 1 - open - 1));
  size_t keep = (size_t)(open - lit);
  while (keep > 0 && isspace((unsigned char)lit[keep - 1]))
    keep--;
  char *rest = scr_strndup(lit, keep);
  bool ok = inner && rest;
  if (ok) {
    parse(inner, fn, ctx);
    cmark_node_set_literal(last, rest);
  }
  free(inner);
  free(rest);
  return ok;
}
