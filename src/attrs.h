/* Attributes in braces at the end of a heading or list item, as in pandoc:
   `## Staffing review {exempt=3}`, `1. ... {due=2026-09-08 owner="X"}`.

   The reading is strict, because a marker that is mistyped must never be
   taken for plain text: an exempt report would then be published. Any `{`
   in the block's text must open exactly one well-formed block that ends
   the text, every key must be one the element accepts, given once, with a
   value when it takes one; anything else is an error at its line and
   column, and no attribute of the block is applied. */
#ifndef SCR_ATTRS_H
#define SCR_ATTRS_H

#include "diag.h"
#include "fields.h"
#include "source.h"

#include <cmark-gfm.h>
#include <stdbool.h>

/* The attributes an element accepts are a list of the fields table
   (fields.h): a SCR_FIELD_FLAG takes no value (`{to-follow}`), every other
   one a value; `example` says how it is written ("exempt=3"). */

/** Called once per attribute; `value` is NULL for a flag. Only called when
    the whole block is well formed. */
typedef void (*scr_attr_fn)(void *ctx, const char *key, const char *value,
                            int line, int col);

/**
 * Where blocks are read, for diagnostics: the source, and a cursor over
 * its lines that moves forward as the blocks are met in document order,
 * so that finding each block's column costs no rescan of the file.
 * Initialise with scr_attr_place_init.
 */
typedef struct scr_attr_place {
  const scr_source *src;
  scr_diags *diags;
  const char *what; /* "item heading", "resolution": named in messages */
  size_t off;       /* start of line `line` in src->text */
  int line;
} scr_attr_place;

void scr_attr_place_init(scr_attr_place *p, const scr_source *src,
                         scr_diags *diags, const char *what);

/** What scr_take_attributes found. */
typedef enum scr_attr_result {
  SCR_ATTRS_NONE,     /* no `{` in the block's text */
  SCR_ATTRS_TAKEN,    /* one good block: removed from the tree, applied */
  SCR_ATTRS_MALFORMED /* errors reported; nothing applied or removed */
} scr_attr_result;

/**
 * Read the attribute block that ends `block` against `spec`: on success
 * remove it (and the spaces before it) from the tree and call `fn` for each
 * attribute, in order. Errors go to p->diags.
 */
scr_attr_result scr_take_attributes(cmark_node *block, const scr_field *spec,
                                    scr_attr_fn fn, void *ctx,
                                    scr_attr_place *p);

#endif
