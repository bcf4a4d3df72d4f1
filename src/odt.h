/*
 * Internal to the ODT writer (odt_*.c): the writer's state and one function
 * per package part. Nothing outside odt_*.c includes this header; the rest
 * of the program sees only scr_odt_writer (writer.h).
 *
 *   odt_writer.c    the sink: writes office:text children as calls arrive
 *   odt_content.c   content.xml, and the automatic styles the body uses
 *   odt_scripts.c   text styles of runs set in another script's face or
 *                   said to be in a language, and their font faces
 *   odt_styles.c    styles.xml: the template's styles, page layout, footer
 *   odt_meta.c      meta.xml
 *   odt_manifest.c  META-INF/manifest.xml
 *   odt_xml.c       namespaces, lengths, style names, spaces
 */
#ifndef SCR_ODT_H
#define SCR_ODT_H

#include "script.h"
#include "sink.h"
#include "template.h"
#include "xmlw.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- package ----------------------------------------------------------- */

#define ODT_ODF_VERSION "1.3"
#define ODT_MEDIA_TYPE "application/vnd.oasis.opendocument.text"
#define ODT_MEDIA_XML "text/xml"
#define ODT_PART_MIMETYPE "mimetype"
#define ODT_PART_CONTENT "content.xml"
#define ODT_PART_STYLES "styles.xml"
#define ODT_PART_META "meta.xml"
#define ODT_PART_MANIFEST "META-INF/manifest.xml"
#define ODT_PICTURES_DIR "Pictures/"
#define ODT_GENERATOR "scrutineer"

/* ---- page geometry, in hundredths of a millimetre ------------------------ */

#define ODT_PAGE_WIDTH 21000  /* A4 */
#define ODT_PAGE_HEIGHT 29700 /* A4 */
#define ODT_PAGE_MARGIN 2000  /* all four sides */
/* What is left between the margins: 21 cm - 2 x 2 cm. */
#define ODT_TEXT_WIDTH (ODT_PAGE_WIDTH - 2 * ODT_PAGE_MARGIN)
#define ODT_FOOTER_GAP 400 /* between the body text and the footer */
/* Below a table, as below a paragraph: about 6 pt. */
#define ODT_TABLE_SPACE_AFTER 212
/* List indentation: each level moves the text this far right. */
#define ODT_LIST_INDENT 635
#define ODT_LIST_LEVELS 10 /* an ODF list style describes levels 1..10 */

/* ---- style names (encoded: a space becomes "_20_") ----------------------- */

#define ODT_STYLE_SOURCE_TEXT "Source_20_Text"
#define ODT_STYLE_HYPERLINK "Hyperlink"
#define ODT_STYLE_FOOTER "Footer"
/* Automatic styles this writer defines. */
#define ODT_AUTO_FOOTER "Footer_tabs"      /* styles.xml: footer with a tab */
#define ODT_AUTO_PAGE_LAYOUT "pm1"         /* styles.xml: A4 page */
#define ODT_MASTER_PAGE "Standard"         /* styles.xml: the master page */
#define ODT_MASTER_HEADER_FMT "Header_%zu" /* ... of a section's header n */
#define ODT_AUTO_HEADER "Header_bold"      /* styles.xml: its paragraph */
#define ODT_AUTO_PAGE_LAYOUT_HEADER "Mpm_header" /* its page layout */
#define ODT_AUTO_LIST_BULLET "L_bullet"          /* content.xml list styles */
#define ODT_AUTO_LIST_NUMBER "L_number"
#define ODT_AUTO_TABLE "Tbl"
#define ODT_AUTO_TABLE_BREAK "Tbl_break" /* a table opening a new page */
#define ODT_AUTO_IMAGE "fr_image"        /* graphic style of image frames */
/* Names numbered or sized per use. */
#define ODT_AUTO_TEXT_FMT "T%u"      /* text style n (run formatting) */
#define ODT_AUTO_SCRIPT_FMT "S%zu"   /* text style n of a script's run */
#define ODT_AUTO_COLUMN_FMT "Col_%d" /* a column of n permille of the width */
#define ODT_PERMILLE 1000
#define ODT_TABLE_NAME_FMT "Table%u"  /* table:name of table n */
#define ODT_IMAGE_NAME_FMT "Image%zu" /* draw:name of image n */
#define ODT_IMAGE_PART_FMT ODT_PICTURES_DIR "image%zu.%s"

/* Table cells draw their right and bottom borders; the first row adds the
   top border and the first column the left one, so no edge is drawn twice. */
typedef enum odt_cell_edge {
  ODT_CELL_INNER,    /* right + bottom */
  ODT_CELL_TOP,      /* first row: + top */
  ODT_CELL_LEFT,     /* first column: + left */
  ODT_CELL_TOP_LEFT, /* first cell: all four */
  ODT_CELL_EDGE_COUNT
} odt_cell_edge;
extern const char *const scr_odt_cell_style[ODT_CELL_EDGE_COUNT];
#define ODT_CELL_STYLE_INNER "Cell"
#define ODT_CELL_STYLE_TOP "Cell_top"
#define ODT_CELL_STYLE_LEFT "Cell_left"
#define ODT_CELL_STYLE_TOP_LEFT "Cell_top_left"

/* ---- the automatic styles the body uses --------------------------------- */

/* Run flags an automatic text style carries (code is a named style). */
#define ODT_TEXT_FLAGS                                                         \
  (SCR_RUN_BOLD | SCR_RUN_ITALIC | SCR_RUN_STRIKE | SCR_RUN_SUPERSCRIPT)
#define ODT_TEXT_MASKS (ODT_TEXT_FLAGS + 1)

/** A paragraph style refining a named one: a page break, alignment and/or
    right-to-left writing. */
typedef struct odt_para_auto {
  char *name;   /* "P_break_Heading_20_1", "P_center_Table_20_Contents" */
  char *parent; /* encoded name of the named style */
  bool page_break;
  scr_align align;
  char *master; /* the master page it starts (a new section), or NULL */
  bool rtl;     /* style:writing-mode="rl-tb" */
} odt_para_auto;

/** A text style for runs of one script in one language (odt_scripts.c). */
typedef struct odt_script_auto {
  char *name;     /* "S1" */
  unsigned mask;  /* the ODT_TEXT_FLAGS it also carries */
  scr_face face;  /* SCR_FACE_BODY: the paragraph's font */
  char *language; /* BCP 47, or NULL: the paragraph's */
} odt_script_auto;

typedef struct odt_auto {
  odt_para_auto *para;
  size_t npara, cappara;
  /* text_number[mask] is n of style "Tn" (1-based, by first use), 0 unused;
     text_order[i] is the mask of "T(i+1)". */
  unsigned text_number[ODT_TEXT_MASKS];
  unsigned text_order[ODT_TEXT_MASKS];
  unsigned ntext;
  bool list_bullet, list_number;
  bool table, table_break;
  int *columns; /* column widths (permille) of the tables so far, each once */
  size_t ncolumns, capcolumns;
  bool image;
  odt_script_auto *scripts; /* by first use */
  size_t nscripts, capscripts;
  uint32_t faces; /* bit n: face n (scr_face) is used */
} odt_auto;

/** The name of the automatic paragraph style for `parent` with a page break
    before and/or `align` (NONE: none), starting master page `master` (NULL:
    none), written right to left when `rtl`. Registers it on first use.
    Borrowed from `a`; NULL when out of memory. */
const char *scr_odt_para_auto(odt_auto *a, const char *parent, bool page_break,
                              scr_align align, const char *master, bool rtl);
/** The number n of the automatic text style "Tn" for `flags` (only the
    ODT_TEXT_FLAGS bits count; 0 when none are set). */
unsigned scr_odt_text_auto(odt_auto *a, unsigned flags);
/** The name of the text style for runs with `flags` (its ODT_TEXT_FLAGS
    bits) set as `set` says (odt_scripts.c). Registers it on first use.
    Borrowed from `a` (stable while `a` lives); NULL when out of memory. */
const char *scr_odt_script_auto(odt_auto *a, unsigned flags,
                                const scr_run_script *set);
/** The text-properties attributes of run flags `mask` (odt_xml.c). */
void scr_odt_flag_props(scr_xmlw *x, unsigned mask);
/** Write the text styles of scr_odt_script_auto, in order of first use. */
void scr_odt_script_styles(scr_xmlw *x, const odt_auto *a);
void scr_odt_scripts_free(odt_auto *a);
/** Note that a column `permille` of the text width needs its style. */
scr_error scr_odt_columns_auto(odt_auto *a, int permille);
void scr_odt_auto_free(odt_auto *a);

/* ---- images ------------------------------------------------------------- */

typedef struct odt_image {
  char *part;          /* "Pictures/image1.png" */
  char *mime;          /* "image/png" */
  unsigned char *data; /* a copy of the caller's bytes */
  size_t size;
} odt_image;

/* ---- the template -------------------------------------------------------- */

/** The parsed styles.xml of the template, with the language set. */
typedef struct odt_tpl {
  xmlDocPtr doc;
  xmlNodePtr font_decls; /* office:font-face-decls, or NULL */
  xmlNodePtr styles;     /* office:styles, or NULL */
} odt_tpl;

/** Parse `tpl` (no network, no entities, no DTD) and set its default
    paragraph style's language from `language` (BCP 47). Free with
    scr_odt_tpl_close. SCR_E_TEMPLATE when it is not office:document-styles
    or binds a standard prefix to another namespace. */
scr_error scr_odt_tpl_open(const scr_template *tpl, const char *language,
                           odt_tpl *t);
void scr_odt_tpl_close(odt_tpl *t);
/** Declare on the current element the namespaces the template's elements
    may use, except the prefixes in `declared` (NULL-terminated), which the
    caller declared with scr_odt_declare_ns. */
void scr_odt_tpl_declare_ns(scr_xmlw *x, const odt_tpl *t,
                            const char *const *declared);
/** Copy `parent` (a template element) with its children, or write an empty
    element `name` when the template lacks it. */
void scr_odt_tpl_copy(scr_xmlw *x, xmlNodePtr parent, const char *name);
/** Copy the children of `parent` (NULL: none) into the open element. */
void scr_odt_tpl_copy_children(scr_xmlw *x, xmlNodePtr parent);
/** content.xml's office:font-face-decls: the template's, and the faces of
    the script styles the template does not declare. */
void scr_odt_font_decls(scr_xmlw *x, const odt_tpl *t, const odt_auto *a);

/* ---- parts: each returns a malloc'd document the caller frees ------------ */

typedef struct odt_doc {
  const char *title, *subject, *creator, *language, *footer;
  char *const *headers; /* running headers of sections: master page
                           ODT_MASTER_HEADER_FMT n shows headers[n - 1] */
  size_t nheaders;
} odt_doc;

/* content.xml without its body, which goes at byte *body_at. */
scr_error scr_odt_content_xml(const odt_tpl *t, const odt_auto *a, char **data,
                              size_t *len, size_t *body_at);
scr_error scr_odt_styles_xml(const odt_tpl *t, const odt_doc *doc, char **data,
                             size_t *len);
scr_error scr_odt_meta_xml(const odt_doc *doc, char **data, size_t *len);
scr_error scr_odt_manifest_xml(const odt_image *images, size_t nimages,
                               char **data, size_t *len);

/* ---- shared XML helpers (odt_xml.c) -------------------------------------- */

/** Write xmlns:p="uri" for each prefix in the NULL-terminated list. */
void scr_odt_declare_ns(scr_xmlw *x, const char *const *prefixes);
/**
 * Open a part: a new writer, its root element with the namespaces of
 * `prefixes` and `version_attr`="1.3". On failure the writer is discarded.
 */
scr_error scr_odt_part_open(scr_xmlw *x, const char *root,
                            const char *const *prefixes,
                            const char *version_attr);
/** The namespace URI of a prefix this writer uses, or NULL. */
const char *scr_odt_ns_uri(const char *prefix);

/** An attribute holding a length in centimetres, from hundredths of mm. */
void scr_odt_attr_cm(scr_xmlw *x, const char *name, int32_t mm100);

/** A style's display name encoded as an NCName ("Body Text" becomes
    "Body_20_Text"). Caller frees; NULL when out of memory. */
char *scr_odt_style_name(const char *display);

/** True when `tag` looks like a BCP 47 language tag ("en-GB"). */
bool scr_odt_language_ok(const char *tag);

/* ---- raw markup -----------------------------------------------------------
 */

/*
 * For speed, constant markup (fixed element and attribute names, style
 * names from our own tables, closing tags) is written as raw fragments: one
 * xmlTextWriterWriteRawLen call instead of a start, an attribute and an end
 * call each, which copy names and push and pop xmlTextWriter's stack. Text
 * and variable attribute values still go through xmlTextWriter's escaping;
 * an element opened raw is closed raw, so its stack stays balanced. Raw
 * markup after an open start tag first ends it with '>', as a child
 * element started through xmlTextWriter would, so the bytes are the same.
 * Literal fragments go through scr_xmlw_raw_lit.
 */

/*
 * ODF collapses white space: a space that follows another (in the same
 * paragraph, across elements) is dropped, and so are spaces at the start
 * and end of a paragraph (ODF 1.2 part 1, 6.1.2). So a space after a word
 * is written as is; a run of spaces, or spaces after other white space or
 * at the ends of the paragraph, become <text:s text:c="n"/>; a tab becomes
 * <text:tab/> and a newline <text:line-break/>. Spaces are held back until
 * what follows them is known.
 *
 * Paragraphs and spans opened with raw markup hold back their start tags
 * too, until their first content: an empty one is then written as one
 * empty element (<text:span text:style-name="T1"/>), as xmlTextWriter
 * writes it. A held tag names a style from our own tables (never source
 * text).
 */
typedef enum odt_raw_element {
  ODT_RAW_PARAGRAPH,
  ODT_RAW_SPAN
} odt_raw_element;

typedef struct odt_held_tag {
  odt_raw_element element;
  const char *style; /* its text:style-name; borrowed */
} odt_held_tag;

#define ODT_RAW_OPEN_MAX 3 /* a paragraph and two spans */

typedef struct odt_spaces {
  size_t pending;  /* spaces read but not yet written */
  bool after_word; /* the paragraph's last character is not white space */
  /* The elements open with raw markup, outermost first; the start tags of
     the first `written` are written, the rest held back. */
  odt_held_tag open[ODT_RAW_OPEN_MAX];
  int nopen, written;
} odt_spaces;

/** Write `text` to `x`, keeping spaces, tabs and newlines. */
void scr_odt_text(scr_xmlw *x, odt_spaces *sp, const char *text, size_t len);
/** Write held-back spaces before an element starts or ends. */
void scr_odt_spaces_flush(scr_xmlw *x, odt_spaces *sp);
/** Write held-back spaces at the end of the paragraph. */
void scr_odt_spaces_end(scr_xmlw *x, odt_spaces *sp);
/** After a field: its text is not white space. */
void scr_odt_spaces_after_field(odt_spaces *sp);

/** Open `element` with raw markup, naming `style` (borrowed until the
    element is closed); its start tag is held back. */
void scr_odt_hold(scr_xmlw *x, odt_spaces *sp, odt_raw_element element,
                  const char *style);
/** Write the held start tags: content follows. */
void scr_odt_settle(scr_xmlw *x, odt_spaces *sp);
/** Close the innermost element opened with scr_odt_hold: an empty element
    when its start tag is still held. */
void scr_odt_close(scr_xmlw *x, odt_spaces *sp);

#endif
