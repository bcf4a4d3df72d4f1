/* Attributes in braces at the end of a heading or list item, as in pandoc:
   `## Staffing review {exempt=3}`, `1. ... {due=2026-09-08 owner="X"}`. */
#ifndef SCR_ATTRS_H
#define SCR_ATTRS_H

#include <cmark-gfm.h>
#include <stdbool.h>

/** Called once per attribute; `value` is NULL for a bare flag. */
typedef void (*scr_attr_fn)(void *ctx, const char *key, const char *value);

/**
 * When the text ending `block` closes with `{...}`, remove the braces (and
 * the spaces before them) from the tree and call `fn` for each attribute.
 * Returns true when there were braces.
 */
bool scr_take_attributes(cmark_node *block, scr_attr_fn fn, void *ctx);

#endif
