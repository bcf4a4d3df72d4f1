/*
 * The DOCX writer's internals, shared by its part files (docx_*.c). One file
 * per package part, as in libxlsxwriter:
 *
 *   docx_writer.c         the sink (state machine) and scr_docx_writer
 *   docx_runs.c           runs, text with tabs, complex fields
 *   docx_document.c       word/document.xml: body + section properties
 *   docx_numbering.c      word/numbering.xml: bullet and decimal lists
 *   docx_rels.c           _rels/.rels and word/_rels/document.xml.rels
 *   docx_content_types.c  [Content_Types].xml
 *   docx_core.c           docProps/core.xml and docProps/app.xml
 *   docx_settings.c       word/settings.xml
 *   docx_footer.c         word/footer1.xml
 *   docx_header.c         word/header<n>.xml: a section's running header
 *   docx_scripts.c        runs split by script, each naming its font,
 *                         direction and language
 *
 * The styles part is the template's, copied as is. Lengths are twips
 * (1/20 pt; 567 twips = 1 cm) unless a name says otherwise.
 */
#ifndef SCR_DOCX_H
#define SCR_DOCX_H

#include "script.h"
#include "sink.h"
#include "util.h"
#include "xmlw.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- namespaces ---------------------------------------------------------- */

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R                                                              \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DOCX_NS_WP                                                             \
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define DOCX_NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define DOCX_NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define DOCX_NS_PKG_RELS                                                       \
  "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOCX_NS_CONTENT_TYPES                                                  \
  "http://schemas.openxmlformats.org/package/2006/content-types"

/* ---- page geometry (A4 portrait, 2 cm margins) --------------------------- */

#define DOCX_PAGE_WIDTH 11906    /* 210 mm */
#define DOCX_PAGE_HEIGHT 16838   /* 297 mm */
#define DOCX_MARGIN 1134         /* 2 cm, all four sides */
#define DOCX_FOOTER_DISTANCE 567 /* 1 cm from the page edge to the footer */
#define DOCX_HEADER_DISTANCE 567
#define DOCX_TEXT_WIDTH (DOCX_PAGE_WIDTH - 2 * DOCX_MARGIN)

/* ---- part names ---------------------------------------------------------- */

#define DOCX_PART_CONTENT_TYPES "[Content_Types].xml"
#define DOCX_PART_PACKAGE_RELS "_rels/.rels"
#define DOCX_PART_CORE "docProps/core.xml"
#define DOCX_PART_APP "docProps/app.xml"
#define DOCX_PART_DOCUMENT "word/document.xml"
#define DOCX_PART_STYLES "word/styles.xml"
#define DOCX_PART_NUMBERING "word/numbering.xml"
#define DOCX_PART_SETTINGS "word/settings.xml"
#define DOCX_PART_FOOTER "word/footer1.xml"
#define DOCX_PART_DOCUMENT_RELS "word/_rels/document.xml.rels"
#define DOCX_PART_HEADER_FMT "word/header%zu.xml"
/* Media parts are word/<DOCX_MEDIA_PREFIX>N.<ext>; targets are relative to
   word/, where document.xml lives. */
#define DOCX_PART_WORD_DIR "word/"
#define DOCX_MEDIA_PREFIX "media/image"

/* ---- relationship ids in word/_rels/document.xml.rels -------------------- */

#define DOCX_RID_STYLES "rId1"
#define DOCX_RID_NUMBERING "rId2"
#define DOCX_RID_SETTINGS "rId3"
#define DOCX_RID_FOOTER "rId4"
/* Hyperlinks and images are numbered on from here, in order of use. */
#define DOCX_RID_FIRST_DYNAMIC 5

/* w:tblW in fiftieths of a percent: 5000 is the full text width. */
#define DOCX_TABLE_FULL_WIDTH_PCT 5000

/* ---- style ids (display name without spaces) ----------------------------- */

#define DOCX_STYLE_ID_MAX 64
#define DOCX_STYLE_FOOTER "Footer"
#define DOCX_STYLE_HYPERLINK "Hyperlink"    /* from SCR_STYLE_HYPERLINK */
#define DOCX_STYLE_SOURCE_TEXT "SourceText" /* from SCR_STYLE_SOURCE_TEXT */
#define DOCX_STYLE_TABLE_GRID "TableGrid"
/* Code inside a link keeps the Hyperlink style and gets this font directly. */
#define DOCX_MONO_FONT "Liberation Mono"
#define DOCX_DEFAULT_LANGUAGE SCR_LANGUAGE

/* ---- lists --------------------------------------------------------------- */

#define DOCX_LIST_LEVELS 9        /* w:lvl 0..8, as Word allows */
#define DOCX_LIST_INDENT_STEP 567 /* left indent added per level: 1 cm */
#define DOCX_LIST_HANGING 397     /* number/bullet hangs 0.7 cm to the left */
#define DOCX_ABSTRACT_BULLET 0    /* w:abstractNumId of the bullet lists */
#define DOCX_ABSTRACT_DECIMAL 1   /* ... and of the numbered lists */

/** Left indent of list level `ilvl` (0-based), where the item text starts. */
int docx_list_indent(int ilvl);

/* ---- what the parts are made from ---------------------------------------- */

typedef enum docx_rel_kind {
  DOCX_REL_HYPERLINK,
  DOCX_REL_IMAGE,
  DOCX_REL_HEADER
} docx_rel_kind;

/** A document relationship with id rId<DOCX_RID_FIRST_DYNAMIC + index>. */
typedef struct docx_rel {
  docx_rel_kind kind;
  char *target; /* owned: a URL, or "media/image1.png" */
} docx_rel;

/** An embedded image part. */
typedef struct docx_media {
  char *part;          /* owned: "word/media/image1.png" */
  char *ext;           /* owned: "png" */
  char *mime;          /* owned: "image/png" */
  unsigned char *data; /* owned */
  size_t size;
} docx_media;

/** One list instance (w:num), numId = index + 1. */
typedef struct docx_num {
  bool ordered;
  int ilvl;  /* the level its items are at */
  int start; /* ordered lists restart here */
} docx_num;

/** A header part, word/header<index + 1>.xml: one line, or empty. */
typedef struct docx_header {
  char *text; /* owned; "" for the empty header of an unmarked section */
  size_t rel; /* its relationship's index */
} docx_header;

/** Everything besides the body that the parts need. All owned. */
typedef struct docx_model {
  char *title, *subject, *creator, *language, *footer;
  bool pages_exact; /* no need for Word to update fields on opening */
  docx_rel *rels;
  size_t rel_count, rel_cap;
  docx_media *media;
  size_t media_count, media_cap;
  docx_num *nums;
  size_t num_count, num_cap;
  docx_header *headers; /* only when the document has sections */
  size_t header_count, header_cap;
} docx_model;

void docx_model_free(docx_model *m);

/**
 * Add a relationship; `target` (malloc'd) is taken, even on failure. Its
 * index goes to *index: the id is rId<DOCX_RID_FIRST_DYNAMIC + index>.
 */
scr_error docx_model_add_rel(docx_model *m, docx_rel_kind kind, char *target,
                             size_t *index);

/**
 * The relationship id ("rId7") of the header part showing `text` (NULL: an
 * empty header), added on first use (docx_header.c), into rid.
 */
scr_error docx_model_header(docx_model *m, const char *text, char *rid,
                            size_t cap);

/** A new list instance (docx_numbering.c); its w:numId goes to *num_id. */
scr_error docx_model_add_num(docx_model *m, bool ordered, int ilvl, int start,
                             int *num_id);

/**
 * Copy `img` into a new media part with its image relationship
 * (docx_drawing.c); the relationship's index goes to *rel.
 */
scr_error docx_model_add_image(docx_model *m, const scr_image *img,
                               size_t *rel);

/**
 * A run holding `img` inline (w:drawing/wp:inline), picture `id` in the
 * document, its bytes in relationship rId<rid>.
 */
void docx_drawing(scr_xmlw *x, const scr_image *img, unsigned id, size_t rid);

/* ---- part builders -------------------------------------------------------
 * Each writes one part into a new buffer: *xml is malloc'd, the caller frees
 * it (or hands it to scr_package_add, which takes it). On failure *xml is
 * NULL.
 */

/** Open a part writer; on failure nothing is left to free. */
scr_error docx_part_open(scr_xmlw *x);

/**
 * w:sectPr of a section: header `header_rid` (NULL: none), the footer, A4
 * with 2 cm margins (docx_document.c).
 */
void docx_section_props(scr_xmlw *x, const char *header_rid);

/** word/document.xml without its body, which goes at byte *body_at; the
    last section's header is `header_rid` (NULL: none). */
scr_error scr_docx_document_xml(const char *header_rid, char **xml, size_t *len,
                                size_t *body_at);
/** word/header<index + 1>.xml (docx_header.c). */
scr_error scr_docx_header_xml(const docx_header *h, char **xml, size_t *len);
scr_error scr_docx_numbering_xml(const docx_model *m, char **xml, size_t *len);
scr_error scr_docx_package_rels_xml(char **xml, size_t *len);
scr_error scr_docx_document_rels_xml(const docx_model *m, char **xml,
                                     size_t *len);
scr_error scr_docx_content_types_xml(const docx_model *m, char **xml,
                                     size_t *len);
scr_error scr_docx_core_xml(const docx_model *m, char **xml, size_t *len);
scr_error scr_docx_app_xml(char **xml, size_t *len);
scr_error scr_docx_settings_xml(const docx_model *m, char **xml, size_t *len);
scr_error scr_docx_footer_xml(const docx_model *m, char **xml, size_t *len);

/* ---- runs (docx_runs.c), shared by the body and the footer --------------- */

/**
 * The style id of a display name: the name without spaces ("Body Text" ->
 * "BodyText"). Returns false when it does not fit in `cap` bytes.
 */
bool docx_style_id(const char *name, char *id, size_t cap);

/**
 * <name/>: an element with no attributes or content, written as raw markup
 * (see xmlw.h): `name` is one of our own constants.
 */
void docx_empty_element(scr_xmlw *x, const char *name);

/**
 * <w:pStyle w:val="id"/> etc.: an element with one w:val attribute, written
 * as raw markup: `name` is one of our own constants, `val` is escaped.
 */
void docx_val_element(scr_xmlw *x, const char *name, const char *val);

/**
 * A run of text with `flags` (enum scr_run_flags); in a hyperlink the run is
 * in the Hyperlink style. Tabs become w:tab, newlines w:br, spaces are kept.
 */
void docx_text_run(scr_xmlw *x, const char *text, size_t len, unsigned flags,
                   bool hyperlink);

/**
 * Gather (without writing) the markup of a run as docx_text_run writes it,
 * set in `script` (NULL: as the style sets it): its font in every slot,
 * complex-script bold and italic, direction and language.
 */
void docx_gather_run(scr_xmlw *x, const char *text, size_t len, unsigned flags,
                     bool hyperlink, const scr_run_script *script);

/* ---- scripts (docx_scripts.c) -------------------------------------------- */

/** What the writer knows of the scripts of the text it is given. */
typedef struct docx_scripts {
  char *language;    /* the language the text is said to be in (owned), or
                        NULL */
  scr_script before; /* the script of the open paragraph's text so far */
  unsigned flags;    /* the run flags of that text's last run */
  bool rtl;          /* the open paragraph reads right to left */
  bool next_rtl;     /* the next paragraph reads right to left */
} docx_scripts;

/**
 * `text` as runs, one per script (script.h), with `flags`, in a hyperlink
 * or not; text in the style's font and language is one plain run, as
 * docx_text_run writes it.
 */
void docx_script_runs(scr_xmlw *x, docx_scripts *sc, const char *text,
                      size_t len, unsigned flags, bool hyperlink);

/**
 * A complex field: begin, instruction `instr`, separate, the `cached` result
 * shown until the application updates it, end.
 */
void docx_field(scr_xmlw *x, const char *instr, const char *cached,
                bool hyperlink);

#endif
