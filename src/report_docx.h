/*
 * The DOCX reader's parts: what the body refers to (styles, numbering,
 * relationships, notes), read once (report_docx_parts.c), and the walk
 * of the body (report_docx.c).
 */
#ifndef SCR_REPORT_DOCX_H
#define SCR_REPORT_DOCX_H

#include "report.h"

#include <libxml/tree.h>
#include <stdbool.h>

#define DOCX_LEVELS 9

/* What a paragraph style makes of its paragraphs, through its bases. */
typedef enum docx_kind {
  DOCX_BODY,
  DOCX_HEADING, /* level in `level` */
  DOCX_TITLE,
  DOCX_QUOTE
} docx_kind;

typedef struct docx_style {
  char *id;
  docx_kind kind;
  int level;       /* heading level 1..6 */
  int num_id;      /* the numbering the style gives, 0 none */
  int num_level;   /* its level (ilvl), -1 when the style does not say */
  int list_depth;  /* "List Bullet 3": 2, the nesting its name says */
  unsigned format; /* a character style's SCR_RT_* */
  bool hidden;     /* a character style of hidden text (w:vanish) */
  bool has_format; /* it says bold/italic/... (a run style) */
} docx_style;

/* How a level shows its number (w:numFmt). */
typedef enum docx_format {
  DOCX_DECIMAL,
  DOCX_LOWER_LETTER,
  DOCX_UPPER_LETTER,
  DOCX_LOWER_ROMAN,
  DOCX_UPPER_ROMAN,
  DOCX_BULLET,
  DOCX_NONE
} docx_format;

typedef struct docx_level {
  bool ordered;
  bool none; /* numFmt "none": no number shown, not a list */
  int start;
  docx_format format;
  char text[32]; /* w:lvlText: "%1.", "%1.%2", "(%1)" */
} docx_level;

typedef struct docx_abstract {
  int id;
  docx_level levels[DOCX_LEVELS];
  int counter[DOCX_LEVELS]; /* the number shown last; start - 1 before */
  bool counted[DOCX_LEVELS];
} docx_abstract;

typedef struct docx_num {
  int id;
  int abstract;                    /* index into abstracts, -1 when unknown */
  int start_override[DOCX_LEVELS]; /* -1 none */
  bool used;
} docx_num;

typedef struct docx_rel {
  char *id;
  char *target; /* a member name (resolved against word/) or a URL */
  bool external;
} docx_rel;

typedef struct docx_note {
  long id;
  xmlNodePtr node; /* a w:footnote or w:endnote */
} docx_note;

typedef struct docx_parts {
  const scr_zpkg *pkg;
  char *document; /* "word/document.xml" */
  char *folder;   /* "word/" */
  docx_style *styles;
  size_t n_styles, cap_styles;
  docx_abstract *abstracts;
  size_t n_abstracts, cap_abstracts;
  docx_num *nums;
  size_t n_nums, cap_nums;
  docx_rel *rels;
  size_t n_rels, cap_rels;
  xmlDocPtr footnotes_xml, endnotes_xml;
  docx_note *footnotes, *endnotes;
  size_t n_footnotes, cap_footnotes, n_endnotes, cap_endnotes;
} docx_parts;

/* ---- report_docx_parts.c ---- */

/** Whether `n` is an element of WordprocessingML called `name` (any of
    its namespaces: transitional or strict). */
bool docx_is(const xmlNode *n, const char *name);
/** The attribute of `n` whose local name is `name`, whatever its prefix
    (caller frees with xmlFree), or NULL. */
xmlChar *docx_attr(const xmlNode *n, const char *name);
/** The first child element of `n` called `name` (WordprocessingML), or
    NULL. */
xmlNodePtr docx_child(const xmlNode *n, const char *name);
/** A toggle property (w:b, w:i...) of a properties element: on when
    present without w:val or with a true one. -1 when absent. */
int docx_toggle(const xmlNode *props, const char *name);

/** Read the parts the body needs. Errors (missing document, malformed
    parts) are said and returned as SCR_E_SOURCE; SCR_E_NOMEM. */
scr_error docx_parts_read(docx_parts *d, const scr_zpkg *p, scr_rtext *t);
void docx_parts_free(docx_parts *d);

const docx_style *docx_style_find(const docx_parts *d, const char *id);
const docx_rel *docx_rel_find(const docx_parts *d, const char *id);
const docx_num *docx_num_find(const docx_parts *d, int id);
xmlNodePtr docx_note_find(const docx_parts *d, bool endnote, long id);

#endif
