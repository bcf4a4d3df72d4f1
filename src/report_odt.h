/*
 * The ODT reader's parts: the styles of styles.xml and content.xml, read
 * once (report_odt_styles.c), frames (report_odt_frames.c) and repeated
 * table rows and cells (report_odt_tables.c), which the walk of the body
 * (report_odt.c) calls; none of them calls the walk.
 */
#ifndef SCR_REPORT_ODT_H
#define SCR_REPORT_ODT_H

#include "report.h"
#include "util.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* The list levels ODF numbers (text:level 1..10). */
#define ODT_LEVELS 10

/* Text a style hides (text:display="none"): never written. A bit beside
   the SCR_RT_* formats, taken off before the writer sees them. */
#define ODT_HIDDEN (1u << 15)

#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_XML "http://www.w3.org/XML/1998/namespace"
#define NS_MATHML "http://www.w3.org/1998/Math/MathML"

/* ---- XML: names and attributes, borrowed from the tree ---- */

bool odt_is(const xmlNode *n, const char *ns, const char *name);
/** An attribute's value (NULL when absent or `n` is NULL). */
const char *odt_attr(const xmlNode *n, const char *ns, const char *name);
/** The first child element `ns`:`name` of `n`, or NULL. */
xmlNodePtr odt_child(const xmlNode *n, const char *ns, const char *name);
int odt_int_attr(const xmlNode *n, const char *ns, const char *name,
                 int fallback);
bool odt_is_space(char c);

/* ---- styles ---- */

/* What a paragraph style makes of its paragraphs, through its parents. */
typedef enum odt_kind { ODT_BODY, ODT_HEADING, ODT_TITLE, ODT_QUOTE } odt_kind;

/* What a list level puts before its items. */
typedef enum odt_mark {
  ODT_BULLET,
  ODT_NUMBER,
  ODT_NO_MARK /* a number level of no format: counted, nothing shown */
} odt_mark;

typedef struct odt_style {
  xmlNodePtr node; /* style:style */
  const char *family, *name, *parent, *display, *list_style, *master;
} odt_style;

typedef struct odt_list_style {
  const char *name;
  xmlNodePtr node; /* text:list-style */
} odt_list_style;

typedef struct odt_master {
  const char *name;
  bool landscape;
} odt_master;

/* The styles of a document, borrowed from its parsed parts. */
typedef struct odt_styles {
  odt_style *st;
  size_t n_st, cap_st;
  odt_list_style *lists;
  size_t n_lists, cap_lists;
  odt_master *masters;
  size_t n_masters, cap_masters;
} odt_styles;

/**
 * The styles of `styles` (styles.xml, NULL when missing) and the
 * automatic ones of `content` into `*s`, which points into both
 * documents: free it with odt_styles_free before them. SCR_E_NOMEM when
 * out of memory.
 */
scr_error odt_styles_read(odt_styles *s, xmlDocPtr styles, xmlDocPtr content);
void odt_styles_free(odt_styles *s);

/** The style `name` of `family` ("paragraph", "text", "table"), or NULL. */
const odt_style *odt_style_find(const odt_styles *s, const char *family,
                                const char *name);
/** The formatting text in style `st` has (SCR_RT_* and ODT_HIDDEN),
    through its parents; `base` where they say nothing. */
unsigned odt_text_format(const odt_styles *s, const odt_style *st,
                         unsigned base);
/** What paragraph style `name` makes of a paragraph, and a heading's
    level (1 and up) into `level`. */
odt_kind odt_paragraph_kind(const odt_styles *s, const char *name, int *level);
/** The nesting paragraph style `name` says by its name ("List Bullet 2":
    1), as Word's list styles do; 0 for most. */
int odt_list_depth_of_style(const odt_styles *s, const char *name);
/** The list style paragraph style `name` names, through its parents. */
const char *odt_paragraph_list_style(const odt_styles *s, const char *name);
/** The level style (text:list-level-style-*) of level `level` (0-based)
    of list style `name`, or NULL; whether the list style was found into
    `styled`. */
const xmlNode *odt_list_level_style(const odt_styles *s, const char *name,
                                    int level, bool *styled);
/** What a level style marks its items with. */
odt_mark odt_level_mark(const xmlNode *lvl, bool styled);
/** Whether Markdown's ordered lists show a number level's label: its own
    number in digits and '.' or ')' after it. Others ("2.3", "(b)") are
    written as text, as the report refers to them. */
bool odt_markdown_label(const xmlNode *lvl);
/** The label of an item at `level` of list style `style`, `lvl` its level
    style: prefix, the numbers of the levels it displays (`counter`, those
    not `counted` 1) joined by '.', suffix. Caller frees. */
char *odt_level_label(const odt_styles *s, const char *style, int level,
                      const xmlNode *lvl, const int *counter,
                      const bool *counted);
/** The orientation the pages turn to at a block in style `name` of
    `family`: 1 landscape, 0 portrait, -1 when the style starts no page
    of a master. */
int odt_turn_of(const odt_styles *s, const char *family, const char *name);

/* ---- the walk of the body (report_odt.c), which the rest serves ---- */

/* The nodes walked again for repeated rows and cells, in all: a small
   part repeating a large one cannot make the walk long. */
#define ODT_REPEAT_BUDGET 1000000L

/* The count of a list and those that continue it (text:continue-list). */
typedef struct odt_list_chain {
  long id;                  /* the writer's identity of the list */
  int counter[ODT_LEVELS];  /* the number each level showed last */
  bool counted[ODT_LEVELS]; /* whether it showed one since it restarted */
} odt_list_chain;

/* An outermost text:list, for a later one to continue. */
typedef struct odt_list_run {
  const char *xml_id, *style; /* borrowed from the tree */
  size_t chain;
} odt_list_run;

typedef struct odt_walk {
  const scr_zpkg *pkg;
  scr_rtext *t;
  xmlDocPtr content, styles;
  odt_styles book;
  odt_list_chain *chains;
  size_t n_chains, cap_chains;
  odt_list_run *runs;
  size_t n_runs, cap_runs;
  size_t chain; /* the chain of the list being walked */
  /* text boxes met in the paragraphs being walked: each paragraph walks
     those it met after its own text */
  const xmlNode **boxes;
  size_t n_boxes, cap_boxes;
  long repeat_budget;
  scr_zpkg_budget budget; /* of pictures and formulas read, in all */
  bool in_note, title_taken, warned_toc, warned_shape, warned_object;
  bool space_before; /* the text written last ended in a collapsible space */
  scr_buf *capture;  /* a Title paragraph's text goes here, not out */
  scr_buf *heading;  /* a heading's text goes here too: its name */
  scr_error err;
} odt_walk;

/* ---- frames (report_odt_frames.c) ---- */

/** The draw:image of frame `f` to show: of several (LibreOffice keeps a
    PNG beside an SVG), a PNG or JPEG one; NULL when it has none. */
const xmlNode *odt_frame_image(const xmlNode *f);
/**
 * A draw:frame met in a paragraph: its picture described to the writer,
 * or its text box kept in w->boxes for the walk to read after the
 * paragraph. Returns the text a formula reads as (caller frees and
 * writes it), NULL for other frames.
 */
char *odt_frame(odt_walk *w, const xmlNode *f);
/** A drawing shape: left out, said to be when it holds text. */
void odt_shape(odt_walk *w, const xmlNode *n);

/* ---- repeated rows and cells (report_odt_tables.c) ---- */

/** How often to walk `n`, which says it is repeated `repeat` times: at
    most 1000, and again only while w->repeat_budget lasts. */
int odt_repeats(odt_walk *w, const xmlNode *n, int repeat);
/** The first of the empty repeated children of `parent` that end it (by
    `count_attr`, "number-rows-repeated" or "number-columns-repeated"):
    LibreOffice's filling to a sheet's width or length, left out. NULL
    when there are none. */
const xmlNode *odt_filling(const xmlNode *parent, const char *count_attr);

#endif
