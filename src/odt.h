/*
 * Internal to the ODT writer (odt_*.c): the writer's state and one function
 * per package part. Nothing outside odt_*.c includes this header; the rest
 * of the program sees only scr_odt_writer (writer.h).
 *
 *   odt_writer.c    the sink: writes office:text children as calls arrive
 *   odt_text.c      ... paragraphs, headings, runs, links, fields, sections
 *   odt_lists.c     ... lists and their items
 *   odt_tables.c    ... tables, rows and cells
 *   odt_images.c    ... pictures in frames
 *   odt_package.c   the parts, in order, into the package
 *   odt_content.c   content.xml, and the automatic styles the body uses
 *   odt_scripts.c   text styles of runs set in another script's face or
 *                   said to be in a language, and their font faces
 *   odt_styles.c    styles.xml: the template's styles, page layout, footer
 *   odt_art.c       ... the house's header art
 *   odt_meta.c      meta.xml
 *   odt_manifest.c  META-INF/manifest.xml
 *   odt_xml.c       namespaces, lengths, style names, spaces
 */
#ifndef SCR_ODT_H
#define SCR_ODT_H

#include "script.h"
#include "sink.h"
#include "deflate.h"
#include "package.h"
#include "house.h"
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

/* The page the house style gives (house.h, in twips), in this writer's
   units. The house's margins run to the body text, as Word's do: the
   header and the footer sit in the margin, at their distance from the
   edge, the body text at the margin while they fit in the room between;
   a taller one pushes the body text back (dynamic spacing). The built-in
   house is A4 with 2 cm margins, the header and footer 1 cm from the
   edge. */
typedef struct odt_page {
  int32_t width, height;            /* portrait */
  int32_t top, bottom, left, right; /* the edge to the body text */
  int32_t header, footer;           /* the edge to the header, footer */
} odt_page;

/** The page of `h` (NULL: the built-in house). */
odt_page scr_odt_page(const struct scr_house *h);
/** A length in twips in hundredths of a millimetre: the length in tenths
    of a millimetre that rounds to these twips, when there is one (2 cm,
    1134 twips, is 2000), else the nearest. */
int32_t scr_odt_mm100(int twips);
/** What is left between the left and right margins of a portrait or a
    landscape page (a landscape page turns the portrait one, its margins
    kept), in hundredths of a millimetre and, as LibreOffice rounds it and
    as the DOCX's tables share it out, in twips. */
int32_t scr_odt_text_width(const struct scr_house *h, bool landscape);
int scr_odt_text_twips(const struct scr_house *h, bool landscape);
/* LibreOffice's least height of a header or footer's own text: the rest of
   its room is the spacing to the body. */
#define ODT_HEADER_FOOTER_MIN_TEXT 100
/* List indentation: each level moves the text this far right. */
#define ODT_LIST_INDENT 635
#define ODT_LIST_LEVELS 10 /* an ODF list style describes levels 1..10 */

/* ---- style names (encoded: a space becomes "_20_") ----------------------- */

#define ODT_STYLE_SOURCE_TEXT "Source_20_Text"
#define ODT_STYLE_HYPERLINK "Hyperlink"
#define ODT_STYLE_FOOTER "Footer"
/* Automatic styles this writer defines. */
#define ODT_AUTO_FOOTER "Footer_page"      /* styles.xml: footer's page no. */
#define ODT_AUTO_PAGE_LAYOUT "pm1"         /* styles.xml: the page */
#define ODT_MASTER_PAGE "Standard"         /* styles.xml: the master page */
#define ODT_MASTER_HEADER_FMT "Header_%zu" /* ... of a section's header n */
#define ODT_AUTO_HEADER "Header_bold"      /* styles.xml: its paragraph */
#define ODT_AUTO_PAGE_LAYOUT_HEADER "Mpm_header" /* its page layout */
/* ... the same turned for wide tables */
#define ODT_AUTO_PAGE_LAYOUT_LANDSCAPE "pm_landscape"
#define ODT_MASTER_LANDSCAPE "Landscape"
#define ODT_MASTER_LANDSCAPE_HEADER_FMT "Landscape_Header_%zu"
#define ODT_AUTO_PAGE_LAYOUT_LANDSCAPE_HEADER "Mpm_landscape_header"
/* The house's header art: master page %s as the document's first page
   shows it, when the art is on the first page only; the art's paragraph
   and frame. */
#define ODT_MASTER_FIRST_FMT "%s_first"
#define ODT_AUTO_ART "Header_art"
#define ODT_AUTO_ART_FRAME "Mfr_art"
#define ODT_AUTO_LIST_BULLET "L_bullet" /* content.xml list styles */
#define ODT_AUTO_LIST_NUMBER "L_number"
#define ODT_AUTO_TABLE "Tbl"
#define ODT_AUTO_TABLE_BREAK "Tbl_break"   /* a table opening a new page */
#define ODT_AUTO_TABLE_MASTER_FMT "Tbl_%s" /* ... on master page %s */
#define ODT_AUTO_ROW "Row"                 /* a row kept on one page */
#define ODT_AUTO_IMAGE "fr_image"          /* graphic style of image frames */
/* Names numbered or sized per use. */
#define ODT_AUTO_TEXT_FMT "T%u"       /* text style n (run formatting) */
#define ODT_AUTO_SCRIPT_FMT "S%zu"    /* text style n of a script's run */
#define ODT_AUTO_COLUMN_FMT "Col_%d"  /* a column n twips wide */
#define ODT_TABLE_NAME_FMT "Table%u"  /* table:name of table n */
#define ODT_NOTE_ID_FMT "ftn%u"       /* text:id of footnote n */
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
  (SCR_RUN_BOLD | SCR_RUN_ITALIC | SCR_RUN_STRIKE | SCR_RUN_SUPERSCRIPT |      \
   SCR_RUN_SUBSCRIPT)
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

/** A table column's width in twips: the DOCX's column of the same table
    (both share the text width's twips out alike), which LibreOffice, laying
    out in twips, takes exactly. */
typedef struct odt_column_auto {
  int twips;
} odt_column_auto;

/** A text style for runs of one script in one language (odt_scripts.c). */
typedef struct odt_script_auto {
  char *name;     /* "S1" */
  unsigned mask;  /* the ODT_TEXT_FLAGS it also carries */
  scr_face face;  /* SCR_FACE_BODY: the paragraph's font */
  char *language; /* BCP 47, or NULL: the paragraph's */
} odt_script_auto;

/* A master page of a PDF appendix's pages (odt_pdf_pages.c): their size,
   the section's header (n of ODT_MASTER_HEADER_FMT, 0 for none) and the
   page number alone in the footer; master page ODT_MASTER_PDF_FMT i + 1,
   on page layout ODT_AUTO_PAGE_LAYOUT_PDF_FMT i + 1, started by paragraph
   style ODT_AUTO_PDF_PARA_FMT i + 1. */
typedef struct odt_pdf_master {
  struct scr_house_page page;
  size_t header;
} odt_pdf_master;
#define ODT_MASTER_PDF_FMT "PDF_Page_%zu"
#define ODT_AUTO_PAGE_LAYOUT_PDF_FMT "pm_pdf_%zu"
#define ODT_AUTO_PDF_PARA_FMT "P_pdf_%zu"

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
  /* master pages tables start (each once): table style
     ODT_AUTO_TABLE_MASTER_FMT of each */
  char **table_masters;
  size_t ntable_masters, cap_table_masters;
  odt_column_auto *columns; /* the tables' column widths, each once */
  size_t ncolumns, capcolumns;
  bool image;
  odt_script_auto *scripts; /* by first use */
  size_t nscripts, capscripts;
  uint32_t faces;              /* bit n: face n (scr_face) is used */
  odt_pdf_master *pdf_masters; /* by first use */
  size_t npdf_masters, cap_pdf_masters;
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
/** Note that a column `twips` wide needs its style. */
scr_error scr_odt_columns_auto(odt_auto *a, int twips);
/** Whether master page `name` is one of the landscape ones. */
bool scr_odt_landscape_master(const char *name);
/** The name of the table style starting master page `master`, registered
    on first use. Borrowed from `a`; NULL when out of memory. */
const char *scr_odt_table_master_auto(odt_auto *a, const char *master);
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
  const scr_house *house; /* the template's house; never NULL */
  xmlNodePtr font_decls;  /* office:font-face-decls, or NULL */
  xmlNodePtr styles;      /* office:styles, or NULL */
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

/* ---- the house's header art (odt_art.c) --------------------------------- */

/** The art's paragraph and frame styles, among styles.xml's automatic
    styles. */
void scr_odt_art_styles(scr_xmlw *x, const scr_house *h);
/** The paragraph of the art of `h`, whose picture is `art`. */
void scr_odt_header_art(scr_xmlw *x, const scr_house *h, const odt_image *art);

/* ---- parts: each returns a malloc'd document the caller frees ------------ */

typedef struct odt_doc {
  const char *title, *subject, *creator, *language, *footer;
  char *const *headers; /* running headers of sections: master page
                           ODT_MASTER_HEADER_FMT n shows headers[n - 1] */
  size_t nheaders;
  bool landscape; /* landscape master pages are used */
  /* The house's header art as kept for Pictures/, or NULL when the
     document shows none; when it is on the first page only, the master
     page the document starts on (its first page is shown on master page
     ODT_MASTER_FIRST_FMT of it). */
  const odt_image *art;
  const char *first_master;
  const odt_pdf_master *pdf_masters; /* a PDF appendix's pages' */
  size_t npdf_masters;
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
/** Inside a draw:frame: the draw:image of the picture kept as `im`, and its
    alt text (`alt`; none when NULL or "") as the frame's title and
    description, as screen readers and LibreOffice's Alt Text read it. */
void scr_odt_frame_picture(scr_xmlw *x, const odt_image *im, const char *alt);

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

/* ---- the sink (odt_writer.c, odt_text.c, odt_lists.c, odt_tables.c,
        odt_images.c) ---------------------------------------------------- */

#define ODT_HEADING_LEVELS 6

typedef enum item_xml {
  ITEM_CLOSED,   /* no item element open */
  ITEM_ITEM,     /* text:list-item, opened with raw markup */
  ITEM_HEADER,   /* text:list-header: an item continued after a table */
  ITEM_NUMBERED, /* text:list-item with its start value: xmlTextWriter's */
} item_xml;

typedef struct odt_list {
  bool ordered;
  int start;
  bool open;      /* its text:list element is open */
  bool continued; /* closed for a table; reopened lists continue numbering */
  bool item;      /* the composer has an item open */
  item_xml item_xml;
  bool numbered; /* the first item (with the start value) is written */
} odt_list;

typedef enum odt_block { BLOCK_NONE, BLOCK_PARAGRAPH, BLOCK_HEADING } odt_block;

typedef struct odt_table {
  bool open;
  int columns;
  scr_align *align;  /* `columns` entries */
  int *twips;        /* each column's share of the text width */
  int row;           /* index of the current row */
  int cell;          /* index of the current cell in its row */
  bool header_group; /* table:table-header-rows is open */
  bool header_row;
  bool row_open, cell_open;
  bool cell_has_paragraph;
  bool landscape;   /* on a landscape page */
  size_t list_base; /* lists open around the table (closed by it) */
} odt_table;

typedef struct odt_writer {
  scr_template builtin; /* used when created without a template */
  const scr_template *tpl;
  scr_error err; /* first failure; every later call returns it */

  scr_xmlw body;       /* office:text children, written into body_z */
  scr_deflate *body_z; /* the body, compressed as it is written */
  bool begun, ended;
  char *title, *subject, *creator, *language, *footer;

  char *para_names[SCR_PARA_COUNT]; /* encoded style names */
  char *heading_names[ODT_HEADING_LEVELS];

  odt_block block;
  unsigned span_flags;     /* RUN_FLAGS of the open span(s) */
  const char *span_script; /* its script style (borrowed), or NULL */
  int span_depth;          /* span elements open: 0, 1 or 2 */
  char *text_language;     /* the language the text is said to be in */
  scr_script before;       /* the script of the block's text so far */
  bool rtl_block;          /* the open block reads right to left */
  bool next_rtl;           /* the next block reads right to left */
  bool in_link;
  /* The block is a text:p opened with raw markup (see begin_block). */
  bool raw_block;
  odt_spaces held;    /* spaces and start tags the block holds back */
  item_xml held_item; /* a list item whose start tag is held back */
  /* "T1".."T15": the names of the automatic text styles */
  char text_style[ODT_TEXT_MASKS]
                 [sizeof ODT_AUTO_TEXT_FMT + 3 * sizeof(unsigned)];
  bool page_break; /* the next block starts a page */
  /* The next block starts a section on this master page (borrowed from
     masters[] or ODT_MASTER_PAGE), or NULL. */
  const char *section_master;
  char **headers; /* each section header's text, once; header n (1-based)
                     is on master page ODT_MASTER_HEADER_FMT n */
  char **masters; /* ... and that master page's name */
  char **landscape_masters; /* ... and its landscape one's */
  size_t nheaders, cap_headers, cap_masters, cap_landscape_masters;
  size_t header_now; /* the section's header: n, or 0 for none */
  bool landscape;    /* the pages are (or from the next block will be) */
  bool landscape_used;
  /* The master page of the blocks written so far, and whether
     section_master comes from begin_section (a new page even on the same
     master page) rather than a change of orientation. */
  const char *master_now;
  bool section_pending;
  /* The first block has taken its master page: the master page it starts
     on (borrowed, as master_now), and the name of that master page's
     first page when the house's art is on the first page only. */
  bool first_taken;
  const char *first_master;
  char first_name[96];

  odt_list *lists; /* the open lists, outermost first */
  size_t nlists, caplists;
  odt_table table;
  bool after_table;           /* the last block written was a table */
  unsigned tables;            /* tables so far, to name them */
  char table_style_name[128]; /* the open table's, when it names a master */

  /* A footnote is written where it is referenced, inside the block: the
     block's state is kept aside while the note's paragraphs are written. */
  bool in_note;
  unsigned notes; /* notes so far, to name them */
  struct {
    odt_block block;
    bool in_link, raw_block, page_break, rtl_block, next_rtl;
    scr_script before;
    odt_spaces held;
    item_xml held_item;
    const char *section_master;
    odt_table table;
    size_t nlists;
  } outer;

  odt_image *images;
  size_t nimages, capimages;
  odt_auto autos;
} odt_writer;

/* The first error sticks: the XML writer's, or one of ours. */
static inline scr_error odt_status(odt_writer *w) {
  if (!w->err && w->body.err)
    w->err = w->body.err;
  return w->err;
}

static inline scr_error odt_fail(odt_writer *w, scr_error err) {
  if (!w->err)
    w->err = err;
  return w->err;
}

static inline bool odt_in_block(const odt_writer *w) {
  return w->block != BLOCK_NONE;
}

/* odt_text.c */
/** Before an element inside the open block: close the span, write the
    held start tags. */
void scr_odt_before_inline(odt_writer *w);
/** The style of a new paragraph or heading: `named`, or an automatic style
    based on it for a pending page break, section or column alignment. */
const char *scr_odt_block_style(odt_writer *w, const char *named);
scr_error scr_odt_begin_paragraph(void *self, scr_para_style style);
scr_error scr_odt_end_paragraph(void *self);
scr_error scr_odt_begin_heading(void *self, int level);
scr_error scr_odt_end_heading(void *self);
scr_error scr_odt_add_text(void *self, const char *s, size_t len,
                           unsigned flags);
scr_error scr_odt_line_break(void *self);
scr_error scr_odt_begin_link(void *self, const char *url);
scr_error scr_odt_end_link(void *self);
scr_error scr_odt_begin_bookmark(void *self, const char *name);
scr_error scr_odt_end_bookmark(void *self, const char *name);
scr_error scr_odt_page_ref(void *self, const char *name, int cached);
scr_error scr_odt_page_break(void *self);
scr_error scr_odt_begin_section(void *self, const char *header);
scr_error scr_odt_page_orientation(void *self, bool landscape);
scr_error scr_odt_pdf_page(void *self, const scr_pdf_page *page);
/** The master page the section's blocks are on, in the orientation asked. */
const char *scr_odt_section_master(const odt_writer *w);
/** The automatic paragraph styles that start each PDF master page. */
void scr_odt_pdf_para_styles(scr_xmlw *x, const odt_auto *a);

scr_error scr_odt_begin_note(void *self, const char *label);
scr_error scr_odt_language(void *self, const char *tag);
scr_error scr_odt_right_to_left(void *self);
scr_error scr_odt_end_note(void *self);
/** The master page the next block starts (a new section or orientation),
    or NULL; either way it is taken. */
const char *scr_odt_take_master(odt_writer *w);

/* odt_package.c */
/** After end_document: every part into `pkg`. */
scr_error scr_odt_finish(void *self, scr_package *pkg);

/* odt_lists.c */
/** Reopen the list elements a table closed (see odt_writer.c). */
void scr_odt_reopen_lists(odt_writer *w, bool for_paragraph);
/** Close every open list element, innermost first, for a table. */
void scr_odt_suspend_lists(odt_writer *w);
/** Write a held list item's start tag: content follows. */
void scr_odt_settle_item(odt_writer *w);
scr_error scr_odt_begin_list(void *self, bool ordered, int start);
scr_error scr_odt_end_list(void *self);
scr_error scr_odt_begin_item(void *self);
scr_error scr_odt_end_item(void *self);

/* odt_tables.c */
scr_error scr_odt_begin_table(void *self, int columns, const scr_align *align,
                              const int *widths);
scr_error scr_odt_end_table(void *self);
scr_error scr_odt_begin_row(void *self, bool header);
scr_error scr_odt_end_row(void *self);
scr_error scr_odt_begin_cell(void *self);
scr_error scr_odt_end_cell(void *self);

/* odt_images.c */
scr_error scr_odt_image(void *self, const scr_image *img);
/** Keep a copy of `img` for Pictures/: its entry, owned by the writer, or
    NULL when out of memory. */
const odt_image *scr_odt_keep_image(odt_writer *w, const scr_image *img);

#endif
