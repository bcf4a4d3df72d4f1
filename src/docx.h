/*
 * The DOCX writer's internals, shared by its files (docx_*.c). The sink's
 * calls by concern, then one file per package part, as in libxlsxwriter:
 *
 *   docx_writer.c         the sink's state and calls: the document, headings,
 *                         text, links, bookmarks, page references, images,
 *                         page breaks, sections; scr_docx_writer
 *   docx_paragraphs.c     w:p and its w:pPr: style, page break, the list
 *                         item's number or indent, the cell's alignment
 *   docx_lists.c          the list and list item calls
 *   docx_tables.c         the table, row and cell calls: grid, cell widths
 *   docx_package.c        finish: every part into the package
 *   docx_runs.c           runs, text with tabs, complex fields
 *   docx_drawing.c        images: media parts and inline pictures
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

#include "deflate.h"
#include "package.h"
#include "script.h"
#include "sink.h"
#include "template.h"
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

/* ---- page geometry ------------------------------------------------------
 * The page, its margins and the header and footer distances are the
 * house's (tpl->house->page: A4 with 2 cm margins for the built-in style);
 * landscape pages turn it, margins kept. */

/* Inside each table cell's edges: 5.4 pt at the sides (Word's default),
   2 pt above and below, as the ODT's cells have (odt_content.c). */
#define DOCX_CELL_MARGIN_SIDE 108
#define DOCX_CELL_MARGIN_TOP 40

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
/* The footer of landscape pages, its table across their text width. */
#define DOCX_PART_FOOTER_LANDSCAPE "word/footer2.xml"
/* The footer of a PDF appendix's pages, of any width: the page number. */
#define DOCX_PART_FOOTER_PAGE "word/footer3.xml"
#define DOCX_PART_DOCUMENT_RELS "word/_rels/document.xml.rels"
#define DOCX_PART_HEADER_FMT "word/header%zu.xml"
#define DOCX_PART_FOOTNOTES "word/footnotes.xml"
#define DOCX_PART_FOOTNOTES_RELS "word/_rels/footnotes.xml.rels"
/* Media parts are word/<DOCX_MEDIA_PREFIX>N.<ext>; targets are relative to
   word/, where document.xml lives. */
#define DOCX_PART_WORD_DIR "word/"
#define DOCX_MEDIA_PREFIX "media/image"

/* ---- relationship ids in word/_rels/document.xml.rels -------------------- */

#define DOCX_RID_STYLES "rId1"
#define DOCX_RID_NUMBERING "rId2"
#define DOCX_RID_SETTINGS "rId3"
#define DOCX_RID_FOOTER "rId4"
#define DOCX_RID_FOOTER_LANDSCAPE "rIdFooterLandscape"
#define DOCX_RID_FOOTER_PAGE "rIdFooterPage"
/* Hyperlinks and images are numbered on from here, in order of use. */
#define DOCX_RID_FIRST_DYNAMIC 5

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

#define DOCX_LIST_LEVELS 9 /* w:lvl 0..8, as Word allows */
/* Each level moves the text 0.635 cm right, and its number or bullet
   hangs in that step, at the text of the level above: the ODT's list
   geometry (ODT_LIST_INDENT, 635 mm100 = 360 twips). */
#define DOCX_LIST_INDENT_STEP 360
#define DOCX_LIST_HANGING 360
#define DOCX_ABSTRACT_BULLET 0 /* w:abstractNumId of the bullet lists */
#define DOCX_ABSTRACT_NUMBER 1 /* ... and of the numbered lists */

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

/** A header part, word/header<index + 1>.xml: the house's art, if it
    shows here, then one line, or empty. */
typedef struct docx_header {
  char *text; /* owned; "" for the empty header of an unmarked section */
  size_t rel; /* its relationship's index */
  bool art;   /* the house's art stands at its top (its picture is
                 relationship DOCX_RID_ART of the header's own rels) */
} docx_header;

/* The art's relationship in word/_rels/header<n>.xml.rels: rId1. */
#define DOCX_RID_ART 1
/* The art's picture ids (wp:docPr id), apart from the body's, which count
   from 1: this plus the header's index. */
#define DOCX_ART_DRAWING_ID 100000u
#define DOCX_PART_HEADER_RELS_FMT "word/_rels/header%zu.xml.rels"

/** Everything besides the body that the parts need. All owned. */
typedef struct docx_model {
  const scr_house *house; /* borrowed from the template: the page, the art */
  bool art_added;         /* the art's picture is media part art_media */
  size_t art_media;
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
  /* the space between paragraphs is their spaces added, as in the ODT:
     with the built-in styles, laid out alike in both formats, not with a
     house template, which keeps Word's own rule */
  bool spacing_adds;
  bool footnotes;        /* word/footnotes.xml is in the package */
  bool footer_landscape; /* ... and word/footer2.xml, landscape pages' */
  bool footer_page;      /* ... and word/footer3.xml, a PDF's pages' */
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
 * empty header), with the house's art at its top when `art`, added on first
 * use (docx_header.c), into rid.
 */
scr_error docx_model_header(docx_model *m, const char *text, bool art,
                            char *rid, size_t cap);

/** A new list instance (docx_numbering.c); its w:numId goes to *num_id. */
scr_error docx_model_add_num(docx_model *m, bool ordered, int ilvl, int start,
                             int *num_id);

/**
 * Copy `img` into a new media part, word/media/image<*index + 1>.<ext>,
 * without a relationship (docx_drawing.c).
 */
scr_error docx_model_add_media(docx_model *m, const scr_image *img,
                               size_t *index);

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
/** The namespaces of the parts holding body content, on their root. */
void docx_namespaces(scr_xmlw *x);

/** What a section's properties (w:sectPr) name. */
typedef struct docx_section {
  const scr_house_page *page; /* turned for landscape pages */
  const char *header_rid;     /* the default header, or NULL: none */
  const char *first_rid;      /* the first page's header (w:titlePg), or
                                 NULL: the first page is like the others */
  bool landscape;
  bool page_only; /* a PDF page's: its own page size, footer3.xml */
} docx_section;

/**
 * w:sectPr of a section: its headers, the footer (the landscape one on
 * landscape pages; on the first page too), the page and its margins
 * (docx_document.c).
 */
void docx_section_props(scr_xmlw *x, const docx_section *s);

/** word/document.xml without its body, which goes at byte *body_at; `last`
    is the last section's properties. */
scr_error scr_docx_document_xml(const docx_section *last, char **xml,
                                size_t *len, size_t *body_at);
/** word/header<index + 1>.xml, header `index` of the model
    (docx_header.c). */
scr_error scr_docx_header_xml(const docx_model *m, size_t index, char **xml,
                              size_t *len);
/** word/_rels/header<index + 1>.xml.rels of a header showing the art. */
scr_error scr_docx_header_rels_xml(const docx_model *m, size_t index,
                                   char **xml, size_t *len);
scr_error scr_docx_numbering_xml(const docx_model *m, char **xml, size_t *len);
scr_error scr_docx_package_rels_xml(char **xml, size_t *len);
/** word/_rels/footnotes.xml.rels: the document's hyperlinks and images,
    with the same ids. */
scr_error scr_docx_footnotes_rels_xml(const docx_model *m, char **xml,
                                      size_t *len);
scr_error scr_docx_document_rels_xml(const docx_model *m, char **xml,
                                     size_t *len);
scr_error scr_docx_content_types_xml(const docx_model *m, char **xml,
                                     size_t *len);
scr_error scr_docx_core_xml(const docx_model *m, char **xml, size_t *len);
scr_error scr_docx_app_xml(char **xml, size_t *len);
scr_error scr_docx_settings_xml(const docx_model *m, char **xml, size_t *len);
scr_error scr_docx_footer_xml(const docx_model *m, char **xml, size_t *len);
/** word/footer2.xml: the footer of landscape pages. */
/** word/footer3.xml: the footer of a PDF appendix's pages, the page number
    set right, whatever their width. */
scr_error scr_docx_footer_page_xml(const docx_model *m, char **xml,
                                   size_t *len);
scr_error scr_docx_footer_landscape_xml(const docx_model *m, char **xml,
                                        size_t *len);

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

/** <w:spacing> of a paragraph with no space before or after it and lines
    `line` twips (or 240ths) high by `rule` ("exact", "auto"). */
void docx_spacing_none(scr_xmlw *x, const char *line, const char *rule);

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

/* ---- the sink's state (docx_writer.c) ------------------------------------ */

/* Longest decimal rendering of an int, with sign and NUL. */
#define DOCX_INT_TEXT_MAX 16

typedef struct docx_list_frame {
  int num_id;        /* the w:num of this list instance */
  int ilvl;          /* 0-based level, clamped to the levels Word has */
  bool item_open;    /* between begin_item and end_item */
  bool item_started; /* the item's bullet/number paragraph is written */
} docx_list_frame;

/** The open table (docx_tables.c); docx_paragraphs.c reads which cell is
    open and its column's alignment. */
typedef struct docx_table {
  bool open;
  int columns;
  scr_align *align;      /* owned copy, `columns` entries */
  scr_buf cell_props;    /* each column's w:tcPr markup, one after another */
  size_t *cell_props_at; /* owned: column c's is bytes [c] to [c + 1] */
  int col;               /* the current cell's column */
  bool row_open, cell_open, cell_has_para;
  size_t outer_lists; /* list depth around the table: lists deeper than this
                         are inside a cell */
} docx_table;

typedef struct docx_bookmark docx_bookmark; /* docx_writer.c's */

/**
 * The writer. State kept between calls, all of it about where the next
 * block lands: the open paragraph and link, the stack of open lists (each
 * item's first paragraph carries the number, later ones only the indent),
 * the open table (its column widths and alignments), open bookmarks
 * (w:bookmarkEnd needs the id of its start) and a pending page break.
 */
typedef struct docx_writer {
  const scr_template *tpl;
  docx_model model;
  scr_xmlw body;       /* w:body children, written into body_z */
  scr_deflate *body_z; /* the body, compressed as it is written */
  bool begun, ended;
  bool in_para, in_link;
  bool page_break_pending;
  bool after_table; /* the last block written was a table */
  docx_list_frame *lists;
  size_t list_depth, list_cap;
  docx_table table;
  docx_scripts scripts; /* the language said, the paragraph's scripts */
  docx_bookmark *marks;
  size_t mark_count, mark_cap;
  unsigned next_mark_id;
  unsigned next_drawing_id;
  bool any_block;       /* a paragraph or table has been written */
  bool sectioned;       /* begin_section was called: every section then
                           names its header */
  char *section_header; /* the open section's header, or NULL */
  /* footnotes (docx_notes.c): the part, open from the first note; while a
     note is written it is `body`, and the state of the paragraph around
     the reference waits in `outer` */
  scr_xmlw notes;
  bool in_note;
  unsigned note_count;
  char *note_mark; /* the open note's label, until its first paragraph */
  struct {
    bool in_para, in_link, page_break_pending, after_table;
    size_t list_depth;
    docx_table table;
    docx_scripts scripts;
  } outer;
  bool landscape;       /* the open section's pages are landscape */
  bool landscape_asked; /* ... and the next block's are to be */
  /* the last section's header relationship, made at finish */
  char last_header_rid[DOCX_INT_TEXT_MAX + 4];
  /* ... and the first page's, when the art shows on the first page only */
  char last_first_rid[DOCX_INT_TEXT_MAX + 4];
  bool first_closed; /* the first section's properties are written */
  /* The open section is a PDF page's, of page pdf_page: it is closed by
     the next block, or the document's end, with that page's properties. */
  bool pdf_section;
  scr_house_page pdf_page;
} docx_writer;

/* A writing error sticks (the XML may be cut short): report it first. A
   refused call writes nothing, so its error is only returned. */
static inline scr_error docx_status(const docx_writer *dw, scr_error err) {
  return dw->body.err ? dw->body.err : err;
}

/* Where blocks may start: inside the document, outside paragraphs. */
static inline bool docx_can_start_block(const docx_writer *dw) {
  return dw->begun && !dw->ended && !dw->in_para && !dw->body.err;
}

static inline docx_list_frame *docx_current_list(docx_writer *dw) {
  return dw->list_depth ? &dw->lists[dw->list_depth - 1] : NULL;
}

static inline bool docx_in_cell(const docx_writer *dw) {
  return dw->table.open && dw->table.cell_open;
}

/* ---- paragraphs (docx_paragraphs.c) -------------------------------------- */

/** <w:p> with its properties, in the style named `style_name`. */
scr_error docx_open_paragraph(docx_writer *dw, const char *style_name);
scr_error docx_close_paragraph(docx_writer *dw);

/**
 * An item whose first block is a list or table still shows its bullet: on
 * an empty paragraph of its own, as Word does. Writes nothing unless an
 * item is open and its first paragraph is still to come.
 */
scr_error docx_start_item_if_bare(docx_writer *dw);

/* ---- the sink's calls in files of their own ------------------------------
 * scr_sink_ops members: `self` is a docx_writer.
 */

/* docx_lists.c */
scr_error docx_begin_list(void *self, bool ordered, int start);
scr_error docx_end_list(void *self);
scr_error docx_begin_item(void *self);
scr_error docx_end_item(void *self);

/* docx_tables.c */
scr_error docx_begin_table(void *self, int columns, const scr_align *align,
                           const int *widths);
scr_error docx_end_table(void *self);
scr_error docx_begin_row(void *self, bool header);
scr_error docx_end_row(void *self);
scr_error docx_begin_cell(void *self);
scr_error docx_end_cell(void *self);
/** Free what the table owns and leave it closed. */
void docx_table_free(docx_table *t);

/* docx_notes.c */
scr_error docx_begin_note(void *self, const char *label);
scr_error docx_end_note(void *self);
/** At the start of a note's first paragraph: its mark. */
void docx_note_mark(docx_writer *dw);
/** After end_document, when there are notes: word/footnotes.xml. */
scr_error scr_docx_footnotes_xml(docx_writer *dw, char **xml, size_t *len);

/* docx_sections.c */
scr_error docx_page_break(void *self);
scr_error docx_begin_section(void *self, const char *header);
scr_error docx_page_orientation(void *self, bool landscape);
scr_error docx_pdf_page(void *self, const scr_pdf_page *page);
/** Before a block outside a table: end the section when the orientation
    asked differs from the open section's, and start one in it. */
scr_error docx_settle_orientation(docx_writer *dw);
/**
 * The headers of the section being closed into `rid` and `first` (each ""
 * for none): its running header when the document has sections or the art
 * shows on every page; the first page's, holding the art, for the
 * document's first section when the art shows there only.
 */
scr_error docx_section_headers(docx_writer *dw, char *rid, char *first,
                               size_t cap);

/**
 * After end_document: add every part of the document to `pkg`
 * (docx_package.c; scr_writer_class's finish).
 */
scr_error docx_finish(void *self, scr_package *pkg);

#endif
