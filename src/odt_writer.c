/*
 * The ODT writer: the sink calls become office:text children, written as
 * they arrive into their own buffer; finish() wraps them into content.xml
 * and adds the other parts (odt.h lists which file writes which).
 *
 * Inline state: a paragraph or heading is open, in it at most one link, in
 * that at most one run of formatting (a span, two when code is combined
 * with other flags). Spaces are held back until it is known whether they
 * end the paragraph (see odt_spaces).
 *
 * Lists: ODF nests text:list inside text:list-item, and a list item cannot
 * hold a table. A table inside a list item therefore closes the open lists,
 * and the next content reopens them: the lists continue their numbering and
 * the interrupted item goes on as a text:list-header, which shows no label.
 * So each list keeps whether it is open in the XML apart from whether it is
 * open for the composer.
 *
 * Speed: spans, and the rows, cells, list items and paragraphs inside the
 * tables and lists xmlTextWriter opened, are written as raw markup (see
 * ODT_RAW in odt.h); text and variable attributes still go through
 * xmlTextWriter, which escapes text inside the elements it opened.
 */
#include "deflate.h"
#include "odt.h"
#include "writer.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADING_LEVELS 6
/* Pixels are taken as 1/96 inch when an image has no size on the page. */
#define MM100_PER_INCH 2540
#define PX_PER_INCH 96

/* Run flags that change the formatting of a span. */
#define RUN_FLAGS (ODT_TEXT_FLAGS | SCR_RUN_CODE)

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

typedef enum block { BLOCK_NONE, BLOCK_PARAGRAPH, BLOCK_HEADING } block;

typedef struct odt_table {
  bool open;
  int columns;
  scr_align *align;  /* `columns` entries */
  int *permille;     /* each column's share of the text width */
  int row;           /* index of the current row */
  int cell;          /* index of the current cell in its row */
  bool header_group; /* table:table-header-rows is open */
  bool header_row;
  bool row_open, cell_open;
  bool cell_has_paragraph;
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
  char *heading_names[HEADING_LEVELS];

  block block;
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
  size_t nheaders, cap_headers, cap_masters;

  odt_list *lists; /* the open lists, outermost first */
  size_t nlists, caplists;
  odt_table table;
  unsigned tables; /* tables so far, to name them */

  odt_image *images;
  size_t nimages, capimages;
  odt_auto autos;
} odt_writer;

/* ---- errors ---------------------------------------------------------- */

/* The first error sticks: the XML writer's, or one of ours. */
static scr_error status(odt_writer *w) {
  if (!w->err && w->body.err)
    w->err = w->body.err;
  return w->err;
}

static scr_error fail(odt_writer *w, scr_error err) {
  if (!w->err)
    w->err = err;
  return w->err;
}

/* ---- inline content -------------------------------------------------- */

/* Spans are opened and closed with raw markup: their names and styles
   are constant, and the paragraph or link around them keeps their text
   escaped (see begin_block). */
static void end_span(odt_writer *w) {
  scr_odt_spaces_flush(&w->body, &w->held);
  for (; w->span_depth > 0; w->span_depth--)
    scr_odt_close(&w->body, &w->held);
  w->span_flags = 0;
  w->span_script = NULL;
}

static void start_span(odt_writer *w, const char *style) {
  scr_odt_hold(&w->body, &w->held, ODT_RAW_SPAN, style);
  w->span_depth++;
}

/* Code is the named style Source Text; other flags an automatic style,
   nested inside it when both apply: the script's style when the run has
   one (it carries the flags too). */
static void begin_span(odt_writer *w, unsigned flags, const char *script) {
  if (flags & SCR_RUN_CODE)
    start_span(w, ODT_STYLE_SOURCE_TEXT);
  unsigned n = script ? 0 : scr_odt_text_auto(&w->autos, flags);
  if (script)
    start_span(w, script);
  else if (n)
    start_span(w, w->text_style[n]);
  w->span_flags = flags;
  w->span_script = script;
}

/* Before an element xmlTextWriter starts in the block: the held start
   tags come first. */
static void settle(odt_writer *w) {
  scr_odt_settle(&w->body, &w->held);
}

static bool in_block(const odt_writer *w) {
  return w->block != BLOCK_NONE;
}

/* The innermost list the composer may work on: inside a table, only lists
   begun in the current cell. NULL when there is none. */
static odt_list *current_list(odt_writer *w) {
  size_t floor = w->table.open ? w->table.list_base : 0;
  return w->nlists > floor ? &w->lists[w->nlists - 1] : NULL;
}

/* ---- lists ----------------------------------------------------------- */

/* List items and headers are opened with raw markup (their names are
   constant; the text:list around them, which xmlTextWriter opened, keeps
   their text escaped), except an ordered list's first, whose start value
   is a number. Like a paragraph's (odt_spaces), a raw item's start tag is
   held back until its first content, so that an empty item is one empty
   element, as xmlTextWriter writes it. */
/* The raw tags of an item or header: start, end, and empty. */
static const struct {
  const char *start, *end, *empty;
} RAW_ITEM[] = {
    [ITEM_ITEM] = {"<text:list-item>", "</text:list-item>",
                   "<text:list-item/>"},
    [ITEM_HEADER] = {"<text:list-header>", "</text:list-header>",
                     "<text:list-header/>"},
};

static bool raw_item(item_xml kind) {
  return kind == ITEM_ITEM || kind == ITEM_HEADER;
}

static void raw_tag(odt_writer *w, const char *tag) {
  scr_xmlw_raw(&w->body, tag, strlen(tag));
}

static void settle_item(odt_writer *w) {
  if (raw_item(w->held_item))
    raw_tag(w, RAW_ITEM[w->held_item].start);
  w->held_item = ITEM_CLOSED;
}

static void open_item(odt_writer *w, odt_list *l, item_xml kind) {
  settle_item(w);
  l->item_xml = kind;
  if (kind == ITEM_NUMBERED) {
    scr_xmlw_start(&w->body, "text:list-item");
    scr_xmlw_attr_int(&w->body, "text:start-value", l->start);
  } else {
    w->held_item = kind;
  }
}

/* Only the innermost item can be held: anything written in it settles
   it. */
static void close_item(odt_writer *w, odt_list *l) {
  bool held = w->held_item != ITEM_CLOSED;
  if (l->item_xml == ITEM_NUMBERED)
    scr_xmlw_end(&w->body);
  else if (raw_item(l->item_xml))
    raw_tag(w, held ? RAW_ITEM[l->item_xml].empty : RAW_ITEM[l->item_xml].end);
  w->held_item = ITEM_CLOSED;
  l->item_xml = ITEM_CLOSED;
}

static void start_list_element(odt_writer *w, const odt_list *l) {
  settle_item(w);
  scr_xmlw_start(&w->body, "text:list");
  scr_xmlw_attr(&w->body, "text:style-name",
                l->ordered ? ODT_AUTO_LIST_NUMBER : ODT_AUTO_LIST_BULLET);
  if (l->continued)
    scr_xmlw_attr(&w->body, "text:continue-numbering", "true");
}

/* Reopen what a table closed. An interrupted item goes on as a list
   header when a paragraph follows (no label, not counted); as an item
   holding only a nested list otherwise, which shows no label either. */
static void reopen_lists(odt_writer *w, bool for_paragraph) {
  /* Lists around a table stay closed until the table ends; lists inside
     its cells are never closed. */
  size_t first = w->table.open ? w->table.list_base : 0;
  for (size_t i = first; i < w->nlists; i++) {
    odt_list *l = &w->lists[i];
    if (!l->open) {
      start_list_element(w, l);
      l->open = true;
    }
    if (l->item && l->item_xml == ITEM_CLOSED) {
      bool header = for_paragraph && i + 1 == w->nlists;
      open_item(w, l, header ? ITEM_HEADER : ITEM_ITEM);
    }
  }
}

/* Close every open list element, innermost first, for a table. */
static void suspend_lists(odt_writer *w) {
  for (size_t i = w->nlists; i-- > 0;) {
    odt_list *l = &w->lists[i];
    close_item(w, l);
    if (l->open)
      scr_xmlw_end(&w->body);
    l->open = false;
    l->continued = true;
  }
}

/* ---- blocks ---------------------------------------------------------- */

static scr_align cell_align(const odt_writer *w) {
  const odt_table *t = &w->table;
  if (!t->cell_open || t->cell >= t->columns)
    return SCR_ALIGN_NONE;
  return t->align[t->cell];
}

/* The style of a new paragraph or heading: `named`, or an automatic style
   based on it for a pending page break or a column's alignment. */
static const char *block_style(odt_writer *w, const char *named) {
  bool page_break = w->page_break, rtl = w->next_rtl;
  w->rtl_block = rtl;
  scr_align align = cell_align(w);
  const char *master = w->section_master;
  w->page_break = false;
  w->next_rtl = false;
  w->section_master = NULL;
  if (!page_break && align == SCR_ALIGN_NONE && !master && !rtl)
    return named;
  const char *name =
      scr_odt_para_auto(&w->autos, named, page_break, align, master, rtl);
  if (!name)
    fail(w, SCR_E_NOMEM);
  return name ? name : named;
}

/* Whether an element xmlTextWriter opened (a list, or the table) encloses
   the next block. xmlTextWriter escapes text only inside an element it
   opened, so only there can a paragraph be opened with raw markup. */
static bool in_writer_element(const odt_writer *w) {
  return w->table.open || (w->nlists > 0 && w->lists[w->nlists - 1].open);
}

/* A paragraph inside a list or table is opened with raw markup (its style
   is one of ours), elsewhere through xmlTextWriter, which escapes the text
   of a top-level paragraph; headings name their level, a number. */
static void begin_block(odt_writer *w, block kind, const char *element,
                        const char *style) {
  reopen_lists(w, true);
  settle_item(w); /* a block is content, even an empty one */
  const char *name = block_style(w, style);
  w->held = (odt_spaces){0};
  w->raw_block = kind == BLOCK_PARAGRAPH && in_writer_element(w);
  if (w->raw_block) {
    scr_odt_hold(&w->body, &w->held, ODT_RAW_PARAGRAPH, name);
  } else {
    scr_xmlw_start(&w->body, element);
    scr_xmlw_attr(&w->body, "text:style-name", name);
  }
  w->block = kind;
  w->span_flags = 0;
  w->span_script = NULL;
  w->before = SCR_SCRIPT_NONE;
  w->span_depth = 0;
  w->in_link = false;
  if (w->table.cell_open)
    w->table.cell_has_paragraph = true;
}

static void end_block(odt_writer *w) {
  scr_odt_spaces_end(&w->body, &w->held);
  end_span(w);
  if (w->in_link)
    scr_xmlw_end(&w->body);
  w->in_link = false;
  if (w->raw_block)
    scr_odt_close(&w->body, &w->held);
  else
    scr_xmlw_end(&w->body);
  w->raw_block = false;
  w->block = BLOCK_NONE;
}

static scr_error begin_paragraph(void *self, scr_para_style style) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w))
    return fail(w, SCR_E_USAGE);
  if ((unsigned)style >= SCR_PARA_COUNT)
    style = SCR_PARA_BODY;
  begin_block(w, BLOCK_PARAGRAPH, "text:p", w->para_names[style]);
  return status(w);
}

static scr_error end_paragraph(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (w->block != BLOCK_PARAGRAPH)
    return fail(w, SCR_E_USAGE);
  end_block(w);
  return status(w);
}

static scr_error begin_heading(void *self, int level) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w))
    return fail(w, SCR_E_USAGE);
  if (level < 1)
    level = 1;
  if (level > HEADING_LEVELS)
    level = HEADING_LEVELS;
  begin_block(w, BLOCK_HEADING, "text:h", w->heading_names[level - 1]);
  scr_xmlw_attr_int(&w->body, "text:outline-level", level);
  return status(w);
}

static scr_error end_heading(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (w->block != BLOCK_HEADING)
    return fail(w, SCR_E_USAGE);
  end_block(w);
  return status(w);
}

/* ---- runs, links, bookmarks, fields ---------------------------------- */

/* The leading run of `s` in one script (script.h), after opening the span
   that sets it: the plain flags' span for text in the style's font and
   language, else the script's style. Returns its length. */
static size_t odt_script_run(odt_writer *w, const char *s, size_t len,
                             unsigned flags) {
  /* shared characters alone, as a space between two runs, join the
     script before them only within one formatting: else they would be a
     span of their own */
  scr_script before = flags == w->span_flags ? w->before : SCR_SCRIPT_NONE;
  scr_script script;
  size_t n = scr_script_run(s, len, before, !w->rtl_block, &script);
  scr_run_script set = scr_script_describe(script, w->text_language);
  const char *style = scr_run_script_plain(&set)
                          ? NULL
                          : scr_odt_script_auto(&w->autos, flags, &set);
  if (!style && !scr_run_script_plain(&set))
    fail(w, SCR_E_NOMEM);
  if (flags != w->span_flags || style != w->span_script) {
    end_span(w);
    begin_span(w, flags, style);
  }
  if (script != SCR_SCRIPT_NONE)
    w->before = script;
  return n;
}

static scr_error text(void *self, const char *s, size_t len, unsigned flags) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!in_block(w))
    return fail(w, SCR_E_USAGE);
  if (len == 0)
    return SCR_OK;
  flags &= RUN_FLAGS;
  for (size_t at = 0; at < len && !status(w);) {
    size_t n = odt_script_run(w, s + at, len - at, flags);
    scr_odt_text(&w->body, &w->held, s + at, n);
    at += n;
  }
  return status(w);
}

static scr_error line_break(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!in_block(w))
    return fail(w, SCR_E_USAGE);
  scr_odt_text(&w->body, &w->held, "\n", 1);
  return status(w);
}

/* An internal link "#name" is an ODF link to the bookmark "name" as is. */
static scr_error begin_link(void *self, const char *url) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!in_block(w) || w->in_link || !url)
    return fail(w, SCR_E_USAGE);
  char *href = scr_uri_escape(url, false);
  if (!href)
    return fail(w, SCR_E_NOMEM);
  end_span(w);
  settle(w);
  scr_xmlw_start(&w->body, "text:a");
  scr_xmlw_attr(&w->body, "xlink:type", "simple");
  scr_xmlw_attr(&w->body, "xlink:href", href);
  scr_xmlw_attr(&w->body, "text:style-name", ODT_STYLE_HYPERLINK);
  scr_xmlw_attr(&w->body, "text:visited-style-name", ODT_STYLE_HYPERLINK);
  free(href);
  w->in_link = true;
  return status(w);
}

static scr_error end_link(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!w->in_link)
    return fail(w, SCR_E_USAGE);
  end_span(w);
  scr_xmlw_end(&w->body);
  w->in_link = false;
  return status(w);
}

static scr_error bookmark(odt_writer *w, const char *element,
                          const char *name) {
  if (status(w))
    return w->err;
  if (!in_block(w) || !name || !*name)
    return fail(w, SCR_E_USAGE);
  end_span(w);
  settle(w);
  scr_xmlw_start(&w->body, element);
  scr_xmlw_attr(&w->body, "text:name", name);
  scr_xmlw_end(&w->body);
  return status(w);
}

static scr_error begin_bookmark(void *self, const char *name) {
  return bookmark(self, "text:bookmark-start", name);
}

static scr_error end_bookmark(void *self, const char *name) {
  return bookmark(self, "text:bookmark-end", name);
}

/* LibreOffice recomputes the field when it lays the document out; until
   then readers see `cached`. */
static scr_error page_ref(void *self, const char *name, int cached) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!in_block(w) || !name || !*name)
    return fail(w, SCR_E_USAGE);
  end_span(w);
  settle(w);
  scr_xmlw_start(&w->body, "text:bookmark-ref");
  scr_xmlw_attr(&w->body, "text:reference-format", "page");
  scr_xmlw_attr(&w->body, "text:ref-name", name);
  char page[3 * sizeof cached + 1];
  int n = snprintf(page, sizeof page, "%d", cached < 1 ? 1 : cached);
  scr_xmlw_text(&w->body, page, (size_t)n);
  scr_xmlw_end(&w->body);
  scr_odt_spaces_after_field(&w->held);
  return status(w);
}

/* ---- images ---------------------------------------------------------- */

static bool plain_ext(const char *ext) {
  enum { EXT_MAX = 8 };
  size_t n = ext ? strlen(ext) : 0;
  return n > 0 && n <= EXT_MAX &&
         strspn(ext, "abcdefghijklmnopqrstuvwxyz0123456789") == n;
}

/* The part name's extension and the media type, each from the other when
   one is missing. */
static void image_kind(const scr_image *img, const char **ext,
                       const char **mime) {
  *mime = img->mime && *img->mime ? img->mime : NULL;
  *ext = plain_ext(img->ext) ? img->ext : NULL;
  if (!*ext)
    *ext = *mime && strcmp(*mime, "image/jpeg") == 0  ? "jpeg"
           : *mime && strcmp(*mime, "image/png") == 0 ? "png"
                                                      : "bin";
  if (!*mime)
    *mime = strcmp(*ext, "png") == 0 ? "image/png"
            : strcmp(*ext, "jpeg") == 0 || strcmp(*ext, "jpg") == 0
                ? "image/jpeg"
                : "application/octet-stream";
}

/* Copy the image for finish(). Returns its entry, owned by the writer, or
   NULL when out of memory. */
static const odt_image *keep_image(odt_writer *w, const scr_image *img) {
  if (scr_reserve(&w->images, &w->capimages, w->nimages + 1, sizeof *w->images))
    return NULL;
  const char *ext, *mime;
  image_kind(img, &ext, &mime);
  odt_image im = {0};
  im.part = scr_asprintf(ODT_IMAGE_PART_FMT, w->nimages + 1, ext);
  im.mime = scr_strdup(mime);
  im.data = malloc(img->size ? img->size : 1);
  im.size = img->size;
  if (!im.part || !im.mime || !im.data) {
    free(im.part);
    free(im.mime);
    free(im.data);
    return NULL;
  }
  if (img->size)
    memcpy(im.data, img->data, img->size);
  w->images[w->nimages++] = im;
  return &w->images[w->nimages - 1];
}

static int32_t image_length(int32_t mm100, uint32_t px) {
  if (mm100 > 0)
    return mm100;
  int64_t v = (int64_t)px * MM100_PER_INCH / PX_PER_INCH;
  return v > 0 && v <= INT32_MAX ? (int32_t)v : 1;
}

/* An inline frame; the alt text is both its title and its description,
   which LibreOffice shows as the image's alternative text. */
static scr_error image(void *self, const scr_image *img) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!in_block(w) || !img || (!img->data && img->size))
    return fail(w, SCR_E_USAGE);
  const odt_image *im = keep_image(w, img);
  if (!im)
    return fail(w, SCR_E_NOMEM);
  w->autos.image = true;
  end_span(w);
  settle(w);
  scr_xmlw *x = &w->body;
  scr_xmlw_start(x, "draw:frame");
  scr_xmlw_attr(x, "draw:style-name", ODT_AUTO_IMAGE);
  scr_xmlw_attrf(x, "draw:name", ODT_IMAGE_NAME_FMT, w->nimages);
  scr_xmlw_attr(x, "text:anchor-type", "as-char");
  scr_odt_attr_cm(x, "svg:width",
                  image_length(img->width_mm100, img->width_px));
  scr_odt_attr_cm(x, "svg:height",
                  image_length(img->height_mm100, img->height_px));
  scr_xmlw_attr(x, "draw:z-index", "0");
  scr_xmlw_start(x, "draw:image");
  scr_xmlw_attr(x, "xlink:href", im->part);
  scr_xmlw_attr(x, "xlink:type", "simple");
  scr_xmlw_attr(x, "xlink:show", "embed");
  scr_xmlw_attr(x, "xlink:actuate", "onLoad");
  scr_xmlw_attr(x, "draw:mime-type", im->mime);
  scr_xmlw_end(x); /* draw:image */
  if (img->alt && *img->alt) {
    scr_xmlw_element(x, "svg:title", img->alt);
    scr_xmlw_element(x, "svg:desc", img->alt);
  }
  scr_xmlw_end(x); /* draw:frame */
  return status(w);
}

/* ---- lists ----------------------------------------------------------- */

static scr_error begin_list(void *self, bool ordered, int start) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w))
    return fail(w, SCR_E_USAGE);
  if (scr_reserve(&w->lists, &w->caplists, w->nlists + 1, sizeof *w->lists))
    return fail(w, SCR_E_NOMEM);
  reopen_lists(w, false);
  odt_list l = {.ordered = ordered, .start = start < 0 ? 0 : start};
  start_list_element(w, &l);
  l.open = true;
  w->lists[w->nlists++] = l;
  if (ordered)
    w->autos.list_number = true;
  else
    w->autos.list_bullet = true;
  return status(w);
}

static scr_error end_list(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_list *l = current_list(w);
  if (!l || in_block(w) || l->item)
    return fail(w, SCR_E_USAGE);
  if (l->open)
    scr_xmlw_end(&w->body);
  w->nlists--;
  return status(w);
}

/* Every ordered list states its start on its first item, so it never
   continues the numbering of the list before it. */
static scr_error begin_item(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_list *l = current_list(w);
  if (!l || in_block(w) || l->item)
    return fail(w, SCR_E_USAGE);
  reopen_lists(w, false);
  open_item(w, l, l->ordered && !l->numbered ? ITEM_NUMBERED : ITEM_ITEM);
  l->numbered = true;
  l->item = true;
  return status(w);
}

static scr_error end_item(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_list *l = current_list(w);
  if (!l || in_block(w) || !l->item)
    return fail(w, SCR_E_USAGE);
  close_item(w, l);
  l->item = false;
  return status(w);
}

/* ---- tables ---------------------------------------------------------- */

/* Rows and cells are written with raw markup: their names and styles are
   constant, and the table around them, which xmlTextWriter opened, keeps
   the text in them escaped. Neither is ever empty (end_row fills a row
   with cells, end_cell gives a cell a paragraph), so each has its closing
   tag, as xmlTextWriter would write it. */
#define CELL_START(style)                                                      \
  "<table:table-cell table:style-name=\"" style                                \
  "\" office:value-type=\"string\">"

static const struct {
  const char *tag;
  size_t len;
} CELL_START_TAG[ODT_CELL_EDGE_COUNT] = {
#define CELL_TAG(edge, style)                                                  \
  [edge] = {CELL_START(style), sizeof CELL_START(style) - 1}
    CELL_TAG(ODT_CELL_INNER, ODT_CELL_STYLE_INNER),
    CELL_TAG(ODT_CELL_TOP, ODT_CELL_STYLE_TOP),
    CELL_TAG(ODT_CELL_LEFT, ODT_CELL_STYLE_LEFT),
    CELL_TAG(ODT_CELL_TOP_LEFT, ODT_CELL_STYLE_TOP_LEFT),
#undef CELL_TAG
};

static scr_error begin_table(void *self, int columns, const scr_align *align,
                             const int *widths) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w) || w->table.open || columns < 1)
    return fail(w, SCR_E_USAGE);
  odt_table *t = &w->table;
  *t = (odt_table){0};
  t->align = calloc((size_t)columns, sizeof *t->align);
  t->permille = calloc((size_t)columns, sizeof *t->permille);
  if (!t->align || !t->permille)
    return fail(w, SCR_E_NOMEM);
  scr_column_shares(widths, columns, ODT_PERMILLE, t->permille);
  for (int i = 0; i < columns; i++)
    if (scr_odt_columns_auto(&w->autos, t->permille[i]))
      return fail(w, SCR_E_NOMEM);
  for (int i = 0; align && i < columns; i++)
    t->align[i] = align[i];
  t->columns = columns;
  t->open = true;
  t->list_base = w->nlists;
  suspend_lists(w);
  /* a table cannot name a master page here: an empty paragraph starts the
     section */
  if (w->section_master) {
    scr_xmlw_start(&w->body, "text:p");
    scr_xmlw_attr(&w->body, "text:style-name",
                  block_style(w, w->para_names[SCR_PARA_BODY]));
    scr_xmlw_end(&w->body);
  }

  bool page_break = w->page_break;
  w->page_break = false;
  if (page_break)
    w->autos.table_break = true;
  else
    w->autos.table = true;
  scr_xmlw *x = &w->body;
  scr_xmlw_start(x, "table:table");
  scr_xmlw_attrf(x, "table:name", ODT_TABLE_NAME_FMT, ++w->tables);
  scr_xmlw_attr(x, "table:style-name",
                page_break ? ODT_AUTO_TABLE_BREAK : ODT_AUTO_TABLE);
  for (int i = 0; i < columns; i++) {
    scr_xmlw_start(x, "table:table-column");
    scr_xmlw_attrf(x, "table:style-name", ODT_AUTO_COLUMN_FMT, t->permille[i]);
    scr_xmlw_end(x);
  }
  return status(w);
}

static scr_error end_table(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->open || t->row_open)
    return fail(w, SCR_E_USAGE);
  if (t->header_group)
    scr_xmlw_end(&w->body);
  scr_xmlw_end(&w->body);
  free(t->align);
  free(t->permille);
  *t = (odt_table){0};
  return status(w);
}

/* Header rows sit in table:table-header-rows, which LibreOffice repeats at
   the top of every page the table runs onto. Only rows at the top of the
   table can be header rows. */
static scr_error begin_row(void *self, bool header) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->open || t->row_open)
    return fail(w, SCR_E_USAGE);
  if (header && !t->header_group && t->row == 0) {
    scr_xmlw_start(&w->body, "table:table-header-rows");
    t->header_group = true;
  } else if (!header && t->header_group) {
    scr_xmlw_end(&w->body);
    t->header_group = false;
  }
  scr_xmlw_raw_lit(&w->body, "<table:table-row>");
  t->header_row = header;
  t->row_open = true;
  t->cell = 0;
  return status(w);
}

static odt_cell_edge cell_edge(const odt_table *t) {
  if (t->row == 0)
    return t->cell == 0 ? ODT_CELL_TOP_LEFT : ODT_CELL_TOP;
  return t->cell == 0 ? ODT_CELL_LEFT : ODT_CELL_INNER;
}

static scr_error begin_cell(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->row_open || t->cell_open)
    return fail(w, SCR_E_USAGE);
  odt_cell_edge edge = cell_edge(t);
  scr_xmlw_raw(&w->body, CELL_START_TAG[edge].tag, CELL_START_TAG[edge].len);
  t->cell_open = true;
  t->cell_has_paragraph = false;
  return status(w);
}

/* A cell must hold a paragraph; an empty one gets an empty paragraph. */
static scr_error end_cell(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->cell_open || in_block(w))
    return fail(w, SCR_E_USAGE);
  if (!t->cell_has_paragraph) {
    begin_paragraph(w, t->header_row ? SCR_PARA_TABLE_HEADING
                                     : SCR_PARA_TABLE_CONTENTS);
    end_paragraph(w);
  }
  scr_xmlw_raw_lit(&w->body, "</table:table-cell>");
  t->cell_open = false;
  t->cell++;
  return status(w);
}

/* Short rows are filled with empty cells, so the grid stays whole. */
static scr_error end_row(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  odt_table *t = &w->table;
  if (!t->row_open || t->cell_open)
    return fail(w, SCR_E_USAGE);
  while (t->cell < t->columns && !status(w)) {
    begin_cell(w);
    end_cell(w);
  }
  scr_xmlw_raw_lit(&w->body, "</table:table-row>");
  t->row_open = false;
  t->row++;
  return status(w);
}

static scr_error page_break(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w))
    return fail(w, SCR_E_USAGE);
  w->page_break = true;
  return SCR_OK;
}

/* The master page showing `header` on every page, added on first use. */
static const char *master_for(odt_writer *w, const char *header) {
  if (!header)
    return ODT_MASTER_PAGE;
  for (size_t i = 0; i < w->nheaders; i++)
    if (strcmp(w->headers[i], header) == 0)
      return w->masters[i];
  size_t n = w->nheaders + 1;
  bool room =
      !scr_reserve(&w->headers, &w->cap_headers, n, sizeof *w->headers) &&
      !scr_reserve(&w->masters, &w->cap_masters, n, sizeof *w->masters);
  char *text = room ? scr_strdup(header) : NULL;
  char *name = text ? scr_asprintf(ODT_MASTER_HEADER_FMT, n) : NULL;
  if (!name) {
    free(text);
    return NULL;
  }
  w->headers[w->nheaders] = text;
  w->masters[w->nheaders++] = name;
  return name;
}

/* A section is a run of pages on one master page: the first paragraph
   after it names the master page, which starts a new page. */
static scr_error begin_section(void *self, const char *header) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w) || w->nlists || w->table.open)
    return fail(w, SCR_E_USAGE);
  const char *master = master_for(w, header);
  if (!master)
    return fail(w, SCR_E_NOMEM);
  w->section_master = master;
  w->page_break = false;
  return SCR_OK;
}

/* ---- document -------------------------------------------------------- */

static char *copy_or_empty(const char *s) {
  return scr_strdup(s ? s : "");
}

static scr_error begin_document(void *self, const scr_doc_info *info) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (w->begun || !info)
    return fail(w, SCR_E_USAGE);
  w->begun = true;
  w->title = copy_or_empty(info->title);
  w->subject = copy_or_empty(info->subject);
  w->creator = copy_or_empty(info->creator);
  w->language = copy_or_empty(info->language);
  w->footer = copy_or_empty(info->footer);
  if (!w->title || !w->subject || !w->creator || !w->language || !w->footer)
    return fail(w, SCR_E_NOMEM);
  return SCR_OK;
}

static scr_error end_document(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!w->begun || w->ended || in_block(w) || w->nlists || w->table.open)
    return fail(w, SCR_E_USAGE);
  w->ended = true;
  scr_error err = scr_xmlw_end_fragment(&w->body);
  return err ? fail(w, err) : SCR_OK;
}

static char *body_xml(void *self) {
  odt_writer *w = self;
  scr_xmlw_flush(&w->body);
  char *xml = NULL;
  size_t len = 0;
  if (status(w) || scr_deflate_contents(w->body_z, &xml, &len) != SCR_OK)
    return NULL;
  return xml;
}

/* ---- package --------------------------------------------------------- */

/* content.xml: the body's stream inside what goes around it. */
static scr_error add_content(odt_writer *w, const odt_tpl *t,
                             scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0, body_at = 0;
  scr_error err = scr_odt_content_xml(t, &w->autos, &xml, &len, &body_at);
  if (!err)
    err = scr_package_add_around(pkg, ODT_PART_CONTENT, xml, len, body_at,
                                 w->body_z);
  free(xml);
  return err;
}

/* A part made by one of the scr_odt_*_xml functions. */
typedef struct made_part {
  char *data;
  size_t len;
} made_part;

/* Add the part `made` holds (read here, after the call that filled it has
   returned), unless making it failed. The package owns the bytes. */
static scr_error add_made(scr_package *pkg, const char *name, scr_error err,
                          made_part *made) {
  made_part part = *made;
  *made = (made_part){0};
  if (err) {
    free(part.data);
    return err;
  }
  return scr_package_add(pkg, name, part.data, part.len, false);
}

/* "mimetype" first and stored, so the type can be read at a fixed offset
   (ODF 1.3 part 2, 3.3); then the XML parts, the pictures and the
   manifest. */
static scr_error finish(void *self, scr_package *pkg) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (!w->ended || !pkg)
    return SCR_E_USAGE;
  odt_doc doc = {w->title,  w->subject, w->creator, w->language,
                 w->footer, w->headers, w->nheaders};
  odt_tpl t;
  scr_error err = scr_odt_tpl_open(w->tpl, w->language, &t);
  if (err)
    return err;
  made_part m = {0};
  err = scr_package_add_copy(pkg, ODT_PART_MIMETYPE, ODT_MEDIA_TYPE,
                             strlen(ODT_MEDIA_TYPE), true);
  if (!err)
    err = add_content(w, &t, pkg);
  if (!err)
    err = add_made(pkg, ODT_PART_STYLES,
                   scr_odt_styles_xml(&t, &doc, &m.data, &m.len), &m);
  if (!err)
    err = add_made(pkg, ODT_PART_META, scr_odt_meta_xml(&doc, &m.data, &m.len),
                   &m);
  /* Pictures are compressed already. */
  for (size_t i = 0; i < w->nimages && !err; i++)
    err = scr_package_add_copy(pkg, w->images[i].part, w->images[i].data,
                               w->images[i].size, true);
  if (!err)
    err = add_made(pkg, ODT_PART_MANIFEST,
                   scr_odt_manifest_xml(w->images, w->nimages, &m.data, &m.len),
                   &m);
  scr_odt_tpl_close(&t);
  return err;
}

/* ---- life cycle ------------------------------------------------------ */

static void destroy(void *self) {
  odt_writer *w = self;
  if (!w)
    return;
  scr_xmlw_discard(&w->body);
  scr_deflate_free(w->body_z);
  free(w->title);
  free(w->subject);
  free(w->creator);
  free(w->language);
  free(w->text_language);
  free(w->footer);
  for (size_t i = 0; i < w->nheaders; i++) {
    free(w->headers[i]);
    free(w->masters[i]);
  }
  free(w->headers);
  free(w->masters);
  for (int i = 0; i < SCR_PARA_COUNT; i++)
    free(w->para_names[i]);
  for (int i = 0; i < HEADING_LEVELS; i++)
    free(w->heading_names[i]);
  free(w->lists);
  free(w->table.align);
  free(w->table.permille);
  for (size_t i = 0; i < w->nimages; i++) {
    free(w->images[i].part);
    free(w->images[i].mime);
    free(w->images[i].data);
  }
  free(w->images);
  scr_odt_auto_free(&w->autos);
  free(w);
}

static bool encode_names(odt_writer *w) {
  for (unsigned n = 1; n < ODT_TEXT_MASKS; n++)
    snprintf(w->text_style[n], sizeof w->text_style[n], ODT_AUTO_TEXT_FMT, n);
  for (int i = 0; i < SCR_PARA_COUNT; i++)
    if (!(w->para_names[i] = scr_odt_style_name(scr_style_name(i))))
      return false;
  for (int i = 0; i < HEADING_LEVELS; i++)
    if (!(w->heading_names[i] =
              scr_odt_style_name(scr_heading_style_name(i + 1))))
      return false;
  return true;
}

/* The writer; `tpl` NULL means the built-in house style. Free with
   destroy. */
static void *create(const scr_template *tpl) {
  odt_writer *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  if (!tpl) {
    w->builtin = scr_template_builtin("odt");
    tpl = &w->builtin;
  }
  w->tpl = tpl;
  w->body_z = scr_deflate_new();
  if (!w->body_z || scr_xmlw_open_fragment(&w->body, w->body_z) != SCR_OK ||
      !encode_names(w)) {
    destroy(w);
    return NULL;
  }
  return w;
}

/* ---- scripts ---------------------------------------------------------- */

static scr_error language(void *self, const char *tag) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  char *copy = tag ? scr_strdup(tag) : NULL;
  if (tag && !copy)
    return fail(w, SCR_E_NOMEM);
  free(w->text_language);
  w->text_language = copy;
  return SCR_OK;
}

static scr_error right_to_left(void *self) {
  odt_writer *w = self;
  if (status(w))
    return w->err;
  if (in_block(w))
    return fail(w, SCR_E_USAGE);
  w->next_rtl = true;
  return SCR_OK;
}

static const scr_sink_ops ODT_OPS = {
    .begin_document = begin_document,
    .end_document = end_document,
    .begin_paragraph = begin_paragraph,
    .end_paragraph = end_paragraph,
    .begin_heading = begin_heading,
    .end_heading = end_heading,
    .text = text,
    .line_break = line_break,
    .begin_link = begin_link,
    .end_link = end_link,
    .begin_bookmark = begin_bookmark,
    .end_bookmark = end_bookmark,
    .page_ref = page_ref,
    .image = image,
    .begin_list = begin_list,
    .end_list = end_list,
    .begin_item = begin_item,
    .end_item = end_item,
    .begin_table = begin_table,
    .end_table = end_table,
    .begin_row = begin_row,
    .end_row = end_row,
    .begin_cell = begin_cell,
    .end_cell = end_cell,
    .page_break = page_break,
    .begin_section = begin_section,
    .language = language,
    .right_to_left = right_to_left,
};

const scr_writer_class scr_odt_writer = {
    .extension = "odt",
    .create = create,
    .ops = &ODT_OPS,
    .finish = finish,
    .body_xml = body_xml,
    .destroy = destroy,
};
