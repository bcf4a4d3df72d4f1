/*
 * Source files: YAML front matter (libyaml) and a CommonMark + GFM body
 * (cmark-gfm), with line numbers kept for diagnostics.
 */
#ifndef SCR_SOURCE_H
#define SCR_SOURCE_H

#include "anchors.h"
#include "diag.h"
#include "fields.h"
#include "scrutineer.h"

#include <cmark-gfm.h>
#include <stdbool.h>
#include <stddef.h>

/** A front-matter value: scalar, sequence or mapping. */
typedef enum scr_ykind { SCR_Y_SCALAR, SCR_Y_SEQ, SCR_Y_MAP } scr_ykind;

typedef struct scr_ynode scr_ynode;
struct scr_ynode {
  scr_ykind kind;
  char *scalar;      /* SCR_Y_SCALAR: the text */
  char **keys;       /* SCR_Y_MAP: keys, parallel to items */
  scr_ynode **items; /* SCR_Y_SEQ items, SCR_Y_MAP values */
  size_t count;
  size_t cap_keys, cap_items; /* room in keys and items */
  int line, col;              /* 1-based position in the source file */
};

typedef struct scr_source {
  char *path; /* the path as given, used in diagnostics */
  char *text; /* the file, BOM removed, line endings made LF */
  size_t len;
  scr_ynode *meta; /* front matter mapping, or NULL when there is none */
  int meta_line;   /* line of the opening `---` */
  int body_line;   /* file line of the body's first line */
  cmark_node *doc; /* the parsed body; NULL while released */
  int min_heading; /* smallest top-level heading level, 1 when none */
  size_t body_off; /* where the body starts in `text` */
  /* Its headings' slugs, kept while the tree is released (they hold lines,
     not nodes); built when loaded, again when its headings change. */
  scr_anchors anchors;
  /* While the tree is released: the user data its nodes carried, each with
     the node's place in document order, to be given back on reparsing. */
  struct scr_detached *detached;
  size_t n_detached;
  size_t n_attached; /* nodes given user data: none, no walk to keep it */
  /* A Word or LibreOffice report: `text` is the Markdown it reads as
     (report.h), whose lines are not the file's, so diagnostics name the
     file alone; its pictures are held here, by the names the Markdown
     gives them. NULL for a Markdown file. */
  struct scr_embedded_set *embedded;
  /* A PDF appendix: the document, checked (pdfin.h), and its pages'
     pictures as the DOCX and ODT show them (pdfpics.h); `text` is then a
     front matter giving its title, if it has one, and no body. NULL for
     any other source. */
  struct scr_pdf *pdf;
  struct scr_pdf_pictures *pictures;
  /* Frees the user data attached (set by whoever attaches it, so that the
     source, a lower layer, need not know what it is); NULL when none. */
  void (*release_attached)(struct scr_source *src);
} scr_source;

/** The smallest level of `doc`'s top-level headings, or 1 when none. */
int scr_min_heading_level(cmark_node *doc);

/** Largest source file read, in bytes. */
#define SCR_SOURCE_MAX_BYTES (32u * 1024u * 1024u)
/** Lists nest at most this deep (Word and LibreOffice show nine levels). */
#define SCR_MAX_LIST_DEPTH 9

/**
 * Read and parse the source at `path`. Problems (unreadable file, invalid
 * UTF-8, NUL bytes, bad front matter) are reported to `diags`; when
 * `need_meta` is set a missing front matter block is an error. Returns NULL
 * (with diagnostics) when the file cannot be used. Free with
 * scr_source_free.
 */
scr_source *scr_source_load(const char *path, bool need_meta, scr_diags *diags);
void scr_source_free(scr_source *src);

/**
 * Free the body's tree, keeping the text to parse it again: a large pack
 * holds only the trees it is working on. The user data of its nodes (loaded
 * images) is kept aside, still owned by whoever attached it, and given back
 * by scr_source_reparse. Does nothing when the tree is already released.
 */
void scr_source_release_tree(scr_source *src);
/**
 * Parse a released body again (the same text gives the same tree, already
 * checked when it was loaded) and give its nodes back their user data.
 * SCR_OK at once when the tree is there; SCR_E_NOMEM when parsing fails.
 */
scr_error scr_source_reparse(scr_source *src);
/**
 * The user data kept aside while the tree is released, in document order;
 * for its owner to free when the source goes.
 */
void *scr_source_detached(const scr_source *src, size_t i);

/**
 * Work out the anchors of the headings again, after their text changed
 * (an agenda's item headings lose their `{...}` attributes once read).
 * SCR_E_NOMEM leaves the source without anchors.
 */
scr_error scr_source_index_anchors(scr_source *src);

/** The file line of a body node's start; 0 (the whole file) for a
    report read from Word or LibreOffice. */
int scr_source_line(const scr_source *src, cmark_node *node);

/** A front-matter value by key, or NULL. */
const scr_ynode *scr_meta_get(const scr_ynode *map, const char *key);
/** A scalar front-matter value by key, or NULL when absent or not scalar. */
const char *scr_meta_string(const scr_ynode *map, const char *key);

struct scr_date;
/**
 * A front-matter date (`YYYY-MM-DD`) or 24-hour time (`"HH:MM"`, minutes
 * after midnight). Returns true when the key is present and valid; a value
 * that is not a date or time is an error at its place. `*out` is left alone
 * when the key is absent.
 */
bool scr_meta_date(const scr_source *src, const char *key, struct scr_date *out,
                   scr_diags *diags);

/**
 * When the file is named after a date (`2026-06-17.md`), that the `key`
 * (`date:`) it gives is the same; otherwise an error at the key naming
 * both. A meeting's agenda and minutes are found by their file names.
 */
bool scr_meta_date_matches_name(const scr_source *src, const char *key,
                                const struct scr_date *d, scr_diags *diags);
bool scr_meta_time(const scr_source *src, const char *key, int *out,
                   scr_diags *diags);

/**
 * Check the front matter's keys against the fields table's `kind`
 * (fields.h): unknown keys are warnings naming the nearest known key,
 * missing required keys errors.
 */
void scr_meta_check_keys(const scr_source *src, scr_field_kind kind,
                         scr_diags *diags);
/**
 * As scr_meta_check_keys, but a required key is not missing when the
 * front matter `defaults` (of kind `defaults_kind`, or NULL) gives it:
 * a committee's council.md.
 */
void scr_meta_check_keys_with(const scr_source *src, scr_field_kind kind,
                              const scr_ynode *defaults,
                              scr_field_kind defaults_kind, scr_diags *diags);

/** The first heading of `level` at or after `from` among its siblings. */
cmark_node *scr_next_heading(cmark_node *from, int level);

/** Plain text of a node's inline descendants, as the documents show it:
    raw HTML as it is written, but its comments left out and a `<br>` a
    space. Caller frees. */
char *scr_node_text(cmark_node *node);
/** The same with raw HTML exactly as written, comments included: what
    attributes are read from, so that a comment cannot hide one. Caller
    frees. */
char *scr_node_written_text(cmark_node *node);

#endif
