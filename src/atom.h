/*
 * An Atom feed (RFC 4287), written with xmlTextWriter: one entry per
 * published document, each with links to its files.
 */
#ifndef SCR_ATOM_H
#define SCR_ATOM_H

#include "scrutineer.h"

#include <stddef.h>

/** A link: rel "alternate" (a page) or "enclosure" (a download). */
typedef struct scr_atom_link {
  const char *rel, *href;
  const char *type;  /* media type, or NULL */
  const char *title; /* or NULL */
  long long length;  /* bytes, or -1 when not known */
} scr_atom_link;

typedef struct scr_atom_entry {
  const char *id;      /* an absolute IRI, stable between builds */
  const char *title;   /* plain text */
  const char *updated; /* RFC 3339, e.g. "2026-06-09T10:00:00Z" */
  const char *summary; /* plain text, or NULL */
  const scr_atom_link *links;
  size_t n_links;
} scr_atom_entry;

typedef struct scr_atom_feed {
  const char *id, *title;
  const char *subtitle; /* or NULL */
  const char *author;   /* the feed's author's name */
  const char *email;    /* the author's email, or NULL */
  const char *updated;  /* RFC 3339 */
  const char *self;     /* the feed's own address, relative or not */
  const char *home;     /* the page the feed is of (rel="alternate") */
  const scr_atom_entry *entries;
  size_t n_entries;
} scr_atom_feed;

/** The feed as UTF-8 XML into *data (caller frees), its length in *len. */
scr_error scr_atom_write(const scr_atom_feed *feed, char **data, size_t *len);

#endif
