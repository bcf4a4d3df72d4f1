/*
 * Headings' anchors: the slug GitHub gives each heading of a Markdown file
 * (`## Key findings` is `#key-findings`, a second one `#key-findings-1`),
 * so that `[see below](#key-findings)` leads to the heading in the
 * documents as it does on GitHub. A link resolves within its own file.
 */
#ifndef SCR_ANCHORS_H
#define SCR_ANCHORS_H

#include "util.h"

#include <cmark-gfm.h>
#include <stdbool.h>
#include <stddef.h>

/** Longest bookmark name, with its NUL: Word keeps names of at most 40
    characters, and drops links to longer ones. */
#define SCR_ANCHOR_BOOKMARK_MAX 41

typedef struct scr_anchor {
  int line;       /* the heading's first line in the body (cmark's count) */
  char *slug;     /* unique in the file */
  bool linked;    /* some link of the file points at it */
  size_t repeats; /* later headings given this slug, numbered after it */
} scr_anchor;

/** A file's headings, in document order, with their slugs. */
typedef struct scr_anchors {
  scr_anchor *items;
  size_t n;
  size_t *slots; /* hash of the slugs: item index + 1, or 0 when free */
  size_t n_slots;
} scr_anchors;

/**
 * The anchors of every heading of `doc` (a document node), and which of
 * them its `#` links name. The headings' lines are kept, not their nodes,
 * so the table holds while the tree is released and parsed again. Free
 * with scr_anchors_free; SCR_E_NOMEM leaves `*out` empty.
 */
scr_error scr_anchors_build(cmark_node *doc, scr_anchors *out);
void scr_anchors_free(scr_anchors *a);

/**
 * The heading a link's fragment names (`url + 1` of a `#...` link: percent
 * escapes decoded, letters compared as GitHub does, in lower case), as an
 * index into a->items, or -1 when none.
 */
long scr_anchors_find(const scr_anchors *a, const char *fragment);

/** The heading that starts on body line `line`, or -1. */
long scr_anchors_at_line(const scr_anchors *a, int line);

/**
 * The bookmark of heading `i` in a document where its file's bookmarks
 * start with `scope` (letters, digits, '_'; at most 20 bytes): the scope,
 * the heading's number and its slug in the characters bookmarks allow,
 * cut to SCR_ANCHOR_BOOKMARK_MAX ("Appendix_C_3_key_findings"). Unique
 * within the scope whatever the cut.
 */
void scr_anchor_bookmark(const scr_anchors *a, size_t i, const char *scope,
                         char out[SCR_ANCHOR_BOOKMARK_MAX]);

/**
 * GitHub's slug of heading text, appended to `out`: letters in lower case,
 * spaces as hyphens, punctuation and symbols dropped ('-' and '_' kept).
 * Exact for ASCII and Latin-1; beyond them, letters of Latin, Greek and
 * Cyrillic are lowered and the common blocks of punctuation and symbols
 * dropped.
 */
scr_error scr_slug(const char *text, scr_buf *out);

#endif
