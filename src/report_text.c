/*
 * The Markdown a Word or LibreOffice report reads as. The readers' calls
 * build a cmark-gfm tree of what CommonMark expresses (paragraphs,
 * headings, quotes, lists, emphasis, links, pictures), which cmark's own
 * renderer writes with its escaping; tables and notes, which the renderer
 * cannot be given as nodes, are written here as GFM text from their
 * rendered cells, and carried in the tree as raw blocks and inlines.
 */
#include "report.h"

#include "anchors.h"
#include "markdown.h"
#include "util.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LEVELS 9
/* Columns and rows a table may have: far beyond any report's, and a
   bound on the text a hostile one makes. */
#define MAX_COLUMNS 64
#define MAX_ROWS 20000

/* Formatting written as nodes, outermost first. */
static const unsigned NESTED[] = {SCR_RT_BOLD, SCR_RT_ITALIC, SCR_RT_STRIKE};
#define N_NESTED (sizeof NESTED / sizeof *NESTED)

/* Where blocks go and what is open in them: the body, or a note's text. */
typedef struct flow {
  cmark_node *root;              /* a document node */
  cmark_node *lists[MAX_LEVELS]; /* the open lists, outermost first */
  cmark_node *items[MAX_LEVELS]; /* each one's current item */
  long list_ids[MAX_LEVELS];
  int next_number[MAX_LEVELS]; /* the number the next ordered item shows */
  int depth;                   /* lists open */
  cmark_node *quote;           /* the open block quote, or NULL */
  cmark_node *block;           /* the paragraph or heading being filled */
} flow;

/* One cell: its inline content, rendered when the table ends. */
typedef struct cell {
  cmark_node *para; /* a paragraph in a document of its own */
  int span;
} cell;

typedef struct row {
  cell *cells;
  size_t n, cap;
  bool header;
} row;

typedef struct table {
  row *rows;
  size_t n, cap;
  int depth;       /* 1 inside a table; more inside a table in a cell */
  bool merged;     /* a merged cell was met (warned once) */
  bool nested;     /* a table in a cell was met (warned once) */
  bool line_begun; /* the open cell has text on its current line */
} table;

typedef struct link_to {
  cmark_node *link;
  char *name;
} link_to;

typedef struct bookmark {
  char *name;
  cmark_node *block; /* the block it was set in */
} bookmark;

struct scr_rtext {
  const char *path;
  scr_diags *diags;
  char *picture_dir; /* "budget": the pictures' folder, beside the file */
  bool failed;       /* out of memory: finish says so */
  flow body, note;
  flow *f;         /* body or note */
  cmark_node *inl; /* where inlines go: the block, a link or emphasis */
  cmark_node *open[N_NESTED]; /* the emphasis nodes open, by NESTED index */
  unsigned open_format;
  cmark_node *link; /* the open link, or NULL */
  scr_buf text;     /* text not yet made a node, in `inl` */
  scr_buf space;    /* spaces after formatted text, written when it is
                       known whether the formatting goes on */
  table tab;
  cmark_node *cell_para; /* the open cell's paragraph, or NULL */
  char **notes;          /* each note's Markdown, in number order */
  size_t n_notes, cap_notes;
  bool in_note;
  link_to *links;
  size_t n_links, cap_links;
  bookmark *bookmarks;
  size_t n_bookmarks, cap_bookmarks;
  scr_embedded_set pictures;
  char *title, *doc_title, *author;
  bool has_heading;
  bool landscape;              /* the pages are turned */
  cmark_node_type strike_type; /* NONE until a struck run needs it */
  struct {
    cmark_node *inl;
    cmark_node *open[N_NESTED];
    unsigned open_format;
    cmark_node *link;
  } body_inline; /* the body's inlines, kept while a note is written */
};

/* ---- small helpers -------------------------------------------------------
 */

static void fail(scr_rtext *t) {
  t->failed = true;
}

/* `child` appended to `parent`; the node is freed if it cannot be. */
static cmark_node *append(scr_rtext *t, cmark_node *parent, cmark_node *child) {
  if (!child || !parent || !cmark_node_append_child(parent, child)) {
    if (child)
      cmark_node_free(child);
    fail(t);
    return NULL;
  }
  return child;
}

static cmark_node *new_literal(cmark_node_type type, const char *lit) {
  cmark_node *n = cmark_node_new(type);
  if (n && !cmark_node_set_literal(n, lit)) {
    cmark_node_free(n);
    return NULL;
  }
  return n;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t';
}

/* ---- inline text ----------------------------------------------------------
 */

/* The text gathered so far as a node of the inline container. */
static void flush_text(scr_rtext *t) {
  if (!t->text.len)
    return;
  if (t->inl)
    append(t, t->inl, new_literal(CMARK_NODE_TEXT, t->text.data));
  t->text.len = 0;
  t->text.data[0] = '\0';
}

/* Close the emphasis nodes from index `from` inwards. */
static void close_format_from(scr_rtext *t, size_t from) {
  flush_text(t);
  for (size_t i = N_NESTED; i-- > from;) {
    if (!t->open[i])
      continue;
    t->inl = cmark_node_parent(t->open[i]);
    t->open[i] = NULL;
    t->open_format &= ~NESTED[i];
  }
}

static cmark_node_type format_node(unsigned bit) {
  return bit == SCR_RT_BOLD     ? CMARK_NODE_STRONG
         : bit == SCR_RT_ITALIC ? CMARK_NODE_EMPH
                                : CMARK_NODE_NONE;
}

/* The node type cmark-gfm gave strikethrough when it registered the
   extension, which only its parser says: learnt from parsing one. */
static cmark_node_type strike_type(void) {
  cmark_node *doc = scr_parse_markdown("~~x~~", 5);
  cmark_node *para = doc ? cmark_node_first_child(doc) : NULL;
  cmark_node *strike = para ? cmark_node_first_child(para) : NULL;
  cmark_node_type type = strike ? cmark_node_get_type(strike) : CMARK_NODE_NONE;
  if (doc)
    cmark_node_free(doc);
  return type;
}

static cmark_node *new_strike(scr_rtext *t) {
  if (t->strike_type == CMARK_NODE_NONE)
    t->strike_type = strike_type();
  cmark_syntax_extension *ext = cmark_find_syntax_extension("strikethrough");
  cmark_node *n =
      t->strike_type != CMARK_NODE_NONE ? cmark_node_new(t->strike_type) : NULL;
  if (n && ext)
    cmark_node_set_syntax_extension(n, ext);
  return n;
}

/* How many of the nested formats, outermost first, `a` and `b` share. */
static size_t formats_alike(unsigned a, unsigned b) {
  size_t keep = 0;
  while (keep < N_NESTED && !!(a & NESTED[keep]) == !!(b & NESTED[keep]))
    keep++;
  return keep;
}

/* Make the open formatting `format`: what is open and wanted stays, from
   the first difference on it is closed and opened again. */
static void set_format(scr_rtext *t, unsigned format) {
  size_t keep = formats_alike(t->open_format, format);
  if (keep == N_NESTED)
    return;
  close_format_from(t, keep);
  for (size_t i = keep; i < N_NESTED && t->inl; i++) {
    if (!(format & NESTED[i]))
      continue;
    cmark_node *n = NESTED[i] == SCR_RT_STRIKE
                        ? new_strike(t)
                        : cmark_node_new(format_node(NESTED[i]));
    if (!append(t, t->inl, n))
      return;
    t->open[i] = n;
    t->inl = n;
    t->open_format |= NESTED[i];
  }
}

static void add_text(scr_rtext *t, const char *s, size_t n) {
  if (n && scr_buf_append(&t->text, s, n))
    fail(t);
}

/* Text with XML's forbidden characters dropped and tabs and other
   spacing as spaces. */
static void add_clean(scr_rtext *t, scr_buf *b, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20)
      continue;
    bool spacing = c == '\t' || c == '\n' || c == '\r';
    if ((i > from && scr_buf_append(b, s + from, i - from)) ||
        (spacing && scr_buf_append(b, " ", 1)))
      fail(t);
    from = i + 1;
  }
  if (n > from && scr_buf_append(b, s + from, n - from))
    fail(t);
}

static void open_default_block(scr_rtext *t);

static void add_tag(scr_rtext *t, const char *tag) {
  flush_text(t);
  if (t->inl)
    append(t, t->inl, new_literal(CMARK_NODE_HTML_INLINE, tag));
}

/* Raised and lowered text between the tags the documents honour
   (rawhtml.h): Markdown has no way of its own to write them. */
static void raised_text(scr_rtext *t, const char *s, size_t n,
                        unsigned format) {
  bool up = format & SCR_RT_SUPERSCRIPT;
  bool down = !up && (format & SCR_RT_SUBSCRIPT);
  if (up || down)
    add_tag(t, up ? "<sup>" : "<sub>");
  add_text(t, s, n);
  if (up || down)
    add_tag(t, up ? "</sup>" : "</sub>");
}

/* Whether the open block has nothing in it yet. */
static bool block_empty(const scr_rtext *t) {
  return t->text.len == 0 && !cmark_node_first_child(t->f->block);
}

void scr_rtext_text(scr_rtext *t, const char *text, size_t len,
                    unsigned format) {
  if (!len)
    return;
  if (!t->f->block)
    open_default_block(t);
  if (!t->f->block)
    return;
  scr_buf clean = SCR_BUF_INIT;
  add_clean(t, &clean, text, len);
  const char *s = clean.data ? clean.data : "";
  size_t n = clean.len;
  /* spaces lead nowhere at the start of a block */
  if (block_empty(t) && !t->space.len)
    while (n && is_space(*s))
      s++, n--;
  size_t lead = 0, trail = 0;
  while (lead < n && is_space(s[lead]))
    lead++;
  while (trail < n - lead && is_space(s[n - 1 - trail]))
    trail++;
  unsigned nested = format & (SCR_RT_BOLD | SCR_RT_ITALIC | SCR_RT_STRIKE);
  if (lead == n) {
    /* spaces alone: kept until the next text says where they belong */
    if (t->open_format && scr_buf_append(&t->space, s, n))
      fail(t);
    else if (!t->open_format)
      add_text(t, s, n);
    scr_buf_free(&clean);
    return;
  }
  if (nested != t->open_format && (t->space.len || lead))
    close_format_from(t, formats_alike(t->open_format, nested));
  if (t->space.len) {
    add_text(t, t->space.data, t->space.len);
    t->space.len = 0;
  }
  add_text(t, s, lead);
  set_format(t, nested);
  raised_text(t, s + lead, n - lead - trail, format);
  if (trail) {
    /* spaces after formatted text go inside it only if it goes on */
    if (nested) {
      if (scr_buf_append(&t->space, s + n - trail, trail))
        fail(t);
    } else {
      add_text(t, s + n - trail, trail);
    }
  }
  scr_buf_free(&clean);
}

/* End the inline content of the open block: formatting and links closed,
   spaces at its end dropped. */
static void close_inlines(scr_rtext *t) {
  t->space.len = 0;
  while (t->text.len && is_space(t->text.data[t->text.len - 1]))
    t->text.data[--t->text.len] = '\0';
  close_format_from(t, 0);
  if (t->link) {
    t->inl = cmark_node_parent(t->link);
    t->link = NULL;
  }
}

void scr_rtext_line_break(scr_rtext *t) {
  if (!t->f->block)
    return;
  bool in_cell = t->cell_para && t->f->block == t->cell_para;
  bool heading = cmark_node_get_type(t->f->block) == CMARK_NODE_HEADING;
  if (heading) {
    scr_rtext_text(t, " ", 1, t->open_format);
    return;
  }
  t->space.len = 0;
  flush_text(t);
  cmark_node *n = in_cell ? new_literal(CMARK_NODE_HTML_INLINE, "<br>")
                          : cmark_node_new(CMARK_NODE_LINEBREAK);
  if (t->inl)
    append(t, t->inl, n);
  else if (n)
    cmark_node_free(n);
}

/* Inline content is about to be written that formatting must not
   enclose (a link, a note's mark): a block open for it, the spaces held
   back written, the formatting closed. False when no block can be. */
static bool break_formatting(scr_rtext *t) {
  if (!t->f->block)
    open_default_block(t);
  if (!t->f->block)
    return false;
  if (t->space.len)
    add_text(t, t->space.data, t->space.len);
  t->space.len = 0;
  close_format_from(t, 0);
  return true;
}

void scr_rtext_link_begin(scr_rtext *t, const char *url) {
  if (!url || !*url || t->link)
    return;
  /* a cell's and a note's text is written before the headings are all
     known: a link there to a place in the report is its text */
  if (url[0] == '#' && (t->in_note || t->cell_para))
    return;
  if (!break_formatting(t))
    return;
  cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
  if (link && !cmark_node_set_url(link, url)) {
    cmark_node_free(link);
    link = NULL;
  }
  if (!append(t, t->inl, link))
    return;
  t->link = link;
  t->inl = link;
  if (url[0] == '#' &&
      !scr_reserve(&t->links, &t->cap_links, t->n_links + 1, sizeof *t->links))
    t->links[t->n_links++] = (link_to){link, scr_strdup(url + 1)};
}

void scr_rtext_link_end(scr_rtext *t) {
  if (!t->link || !break_formatting(t))
    return;
  cmark_node *link = t->link;
  t->inl = cmark_node_parent(link);
  t->link = NULL;
  /* a link with no text (an empty hyperlink field) is no link */
  if (!cmark_node_first_child(link)) {
    for (size_t i = 0; i < t->n_links; i++)
      if (t->links[i].link == link)
        t->links[i].link = NULL;
    cmark_node_free(link);
  }
}

void scr_rtext_bookmark(scr_rtext *t, const char *name) {
  if (!name || !*name || !t->f->block || t->in_note)
    return;
  if (scr_reserve(&t->bookmarks, &t->cap_bookmarks, t->n_bookmarks + 1,
                  sizeof *t->bookmarks)) {
    fail(t);
    return;
  }
  t->bookmarks[t->n_bookmarks++] = (bookmark){scr_strdup(name), t->f->block};
}

/* ---- blocks ---------------------------------------------------------------
 */

/* Drop the open block if nothing was written in it (reports space their
   text with empty paragraphs). */
static void close_block(scr_rtext *t) {
  flow *f = t->f;
  if (!f->block)
    return;
  close_inlines(t);
  flush_text(t);
  cmark_node *b = f->block;
  f->block = NULL;
  t->inl = NULL;
  if (b == t->cell_para)
    return;
  if (!cmark_node_first_child(b)) {
    /* an empty item keeps its place; an empty paragraph goes */
    cmark_node *parent = cmark_node_parent(b);
    if (!parent || cmark_node_get_type(parent) != CMARK_NODE_ITEM) {
      for (size_t i = 0; i < t->n_bookmarks; i++)
        if (t->bookmarks[i].block == b)
          t->bookmarks[i].block = NULL;
      cmark_node_free(b);
    }
  }
}

static void close_lists(flow *f) {
  f->depth = 0;
}

static void close_quote(flow *f) {
  f->quote = NULL;
}

/* Open `b` (a paragraph or heading) under `parent` for inlines. */
static void open_block(scr_rtext *t, cmark_node *parent, cmark_node *b) {
  if (!append(t, parent, b))
    return;
  t->f->block = b;
  t->inl = b;
  t->open_format = 0;
}

/* A new line of the open cell: a line break before it, when the line
   before has text. */
static void cell_line(scr_rtext *t) {
  close_inlines(t);
  t->f->block = t->cell_para;
  t->inl = t->cell_para;
  if (cmark_node_first_child(t->cell_para) || t->text.len) {
    flush_text(t);
    append(t, t->cell_para, new_literal(CMARK_NODE_HTML_INLINE, "<br>"));
  }
}

/* Whether blocks are lines of a table cell now. */
static bool in_cell(const scr_rtext *t) {
  return t->cell_para != NULL && !t->in_note;
}

static void open_paragraph_in(scr_rtext *t, cmark_node *parent) {
  open_block(t, parent, cmark_node_new(CMARK_NODE_PARAGRAPH));
}

void scr_rtext_paragraph(scr_rtext *t) {
  if (in_cell(t)) {
    cell_line(t);
    return;
  }
  close_block(t);
  close_lists(t->f);
  close_quote(t->f);
  open_paragraph_in(t, t->f->root);
}

static void open_default_block(scr_rtext *t) {
  scr_rtext_paragraph(t);
}

void scr_rtext_heading(scr_rtext *t, int level) {
  if (in_cell(t) || t->in_note) {
    scr_rtext_paragraph(t);
    return;
  }
  close_block(t);
  close_lists(t->f);
  close_quote(t->f);
  cmark_node *h = cmark_node_new(CMARK_NODE_HEADING);
  if (h)
    cmark_node_set_heading_level(h, level < 1 ? 1 : level > 6 ? 6 : level);
  open_block(t, t->f->root, h);
  t->has_heading = true;
}

void scr_rtext_quote(scr_rtext *t) {
  if (in_cell(t)) {
    cell_line(t);
    return;
  }
  close_block(t);
  close_lists(t->f);
  flow *f = t->f;
  if (!f->quote)
    f->quote = append(t, f->root, cmark_node_new(CMARK_NODE_BLOCK_QUOTE));
  if (f->quote)
    open_paragraph_in(t, f->quote);
}

/* A list of the kind asked for, at `level` (one past the open ones). */
static bool push_list(scr_rtext *t, int level, bool ordered, int number,
                      long id) {
  flow *f = t->f;
  cmark_node *parent = level == 0 ? f->root : f->items[level - 1];
  cmark_node *list = cmark_node_new(CMARK_NODE_LIST);
  if (!list)
    return false;
  cmark_node_set_list_type(list,
                           ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST);
  cmark_node_set_list_tight(list, 1);
  if (ordered) {
    cmark_node_set_list_delim(list, CMARK_PERIOD_DELIM);
    cmark_node_set_list_start(list, number < 0 ? 0 : number);
  }
  if (!append(t, parent, list))
    return false;
  f->lists[level] = list;
  f->list_ids[level] = id;
  f->next_number[level] = number;
  f->items[level] = NULL;
  f->depth = level + 1;
  return true;
}

/* Whether the open list at `level` takes an item of this kind next. */
static bool list_goes_on(const flow *f, int level, bool ordered, int number,
                         long id) {
  cmark_node *l = f->lists[level];
  bool was_ordered = cmark_node_get_list_type(l) == CMARK_ORDERED_LIST;
  return f->list_ids[level] == id && was_ordered == ordered &&
         (!ordered || f->next_number[level] == number);
}

/* A list item's number in a table cell is its text. */
static void item_in_cell(scr_rtext *t, int level, bool ordered, int number) {
  cell_line(t);
  char mark[32];
  snprintf(mark, sizeof mark, "%*s%s", level * 2, "", ordered ? "" : "\u2022 ");
  if (ordered)
    snprintf(mark, sizeof mark, "%*s%d. ", level * 2, "", number);
  add_text(t, mark, strlen(mark));
}

void scr_rtext_item(scr_rtext *t, int level, bool ordered, int number,
                    long list) {
  if (level < 0)
    level = 0;
  if (level >= MAX_LEVELS)
    level = MAX_LEVELS - 1;
  if (in_cell(t)) {
    item_in_cell(t, level, ordered, number);
    return;
  }
  close_block(t);
  close_quote(t->f);
  flow *f = t->f;
  /* a list nests one level at a time, in an item of the one above */
  if (level > f->depth)
    level = f->depth;
  if (level > 0 && !f->items[level - 1])
    level = 0;
  if (f->depth > level + 1)
    f->depth = level + 1;
  if (f->depth == level + 1 && !list_goes_on(f, level, ordered, number, list))
    f->depth = level;
  if (f->depth == level && !push_list(t, level, ordered, number, list)) {
    fail(t);
    return;
  }
  cmark_node *item =
      append(t, f->lists[level], cmark_node_new(CMARK_NODE_ITEM));
  if (!item)
    return;
  f->items[level] = item;
  f->next_number[level] = number + 1;
  open_paragraph_in(t, item);
}

void scr_rtext_orientation(scr_rtext *t, bool landscape) {
  if (t->in_note || t->tab.depth || landscape == t->landscape)
    return;
  close_block(t);
  close_lists(t->f);
  close_quote(t->f);
  append(t, t->f->root,
         new_literal(CMARK_NODE_HTML_BLOCK,
                     landscape ? "<!-- landscape -->" : "<!-- portrait -->"));
  t->landscape = landscape;
}

/* ---- tables ---------------------------------------------------------------
 */

static cmark_node *new_cell_para(scr_rtext *t) {
  cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
  cmark_node *p =
      doc ? append(t, doc, cmark_node_new(CMARK_NODE_PARAGRAPH)) : NULL;
  if (!p && doc)
    cmark_node_free(doc);
  if (!doc)
    fail(t);
  return p;
}

static void free_cell(cell *c) {
  if (c->para)
    cmark_node_free(cmark_node_parent(c->para));
}

static void free_table(table *tb) {
  for (size_t r = 0; r < tb->n; r++) {
    for (size_t c = 0; c < tb->rows[r].n; c++)
      free_cell(&tb->rows[r].cells[c]);
    free(tb->rows[r].cells);
  }
  free(tb->rows);
  *tb = (table){0};
}

void scr_rtext_table_begin(scr_rtext *t) {
  table *tb = &t->tab;
  if (tb->depth++ > 0 || t->in_note) {
    /* a table in a cell (or a note) becomes lines of its text */
    if (!tb->nested)
      scr_rtext_warn(t, "a table inside a %s is shown as lines of text",
                     t->in_note ? "note" : "table cell");
    tb->nested = true;
    return;
  }
  close_block(t);
  close_lists(t->f);
  close_quote(t->f);
}

void scr_rtext_row_begin(scr_rtext *t, bool header) {
  table *tb = &t->tab;
  if (tb->depth != 1 || t->in_note) {
    if (tb->depth > 1 || t->in_note)
      scr_rtext_paragraph(t);
    tb->line_begun = false;
    return;
  }
  if (tb->n >= MAX_ROWS) {
    fail(t);
    return;
  }
  if (scr_reserve(&tb->rows, &tb->cap, tb->n + 1, sizeof *tb->rows)) {
    fail(t);
    return;
  }
  tb->rows[tb->n++] = (row){.header = header};
}

void scr_rtext_cell_begin(scr_rtext *t, int span, bool covered) {
  table *tb = &t->tab;
  if (covered || span > 1) {
    if (!tb->merged && tb->depth == 1 && !t->in_note)
      scr_rtext_warn(t, "a table has merged cells, which Markdown tables do "
                        "not have: each is shown in its first cell, the "
                        "cells it covers left empty");
    tb->merged = tb->merged || tb->depth == 1;
  }
  if (tb->depth != 1 || t->in_note) {
    /* a nested table's cells run on in one line */
    if (tb->line_begun)
      scr_rtext_text(t, " \u2013 ", strlen(" \u2013 "), 0);
    tb->line_begun = true;
    return;
  }
  if (!tb->n)
    scr_rtext_row_begin(t, false);
  row *r = &tb->rows[tb->n - 1];
  if (r->n >= MAX_COLUMNS ||
      scr_reserve(&r->cells, &r->cap, r->n + 1, sizeof *r->cells)) {
    t->cell_para = NULL;
    return;
  }
  cmark_node *para = new_cell_para(t);
  r->cells[r->n++] = (cell){para, span < 1 ? 1 : span > MAX_COLUMNS ? 1 : span};
  t->cell_para = para;
  t->f->block = para;
  t->inl = para;
  t->open_format = 0;
}

void scr_rtext_cell_end(scr_rtext *t) {
  if (t->tab.depth != 1 || t->in_note || !t->cell_para)
    return;
  close_inlines(t);
  flush_text(t);
  t->f->block = NULL;
  t->inl = NULL;
  t->cell_para = NULL;
}

void scr_rtext_row_end(scr_rtext *t) {
  (void)t;
}

/* Whether `s` reads the same as Markdown in a table cell: no character
   that could mark anything up, nor a digit or space that could start a
   list or code where it begins. */
static bool plain_in_cell(const char *s) {
  if (!*s || (s[0] >= '0' && s[0] <= '9') || s[0] == ' ')
    return !*s;
  for (; *s; s++)
    if (strchr("\\`*_[]<>!#|~&{}()+-=:.'\"^$@%", *s) || *s == '\n' ||
        (unsigned char)*s < 0x20)
      return false;
  return true;
}

/* A cell's inlines as GFM table text: one line, pipes escaped. Most cells
   are a few plain words, written as they are; cmark renders the rest. */
static void cell_text(scr_rtext *t, const cell *c, scr_buf *out) {
  cmark_node *only = cmark_node_first_child(c->para);
  if (!only ||
      (!cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_TEXT &&
       plain_in_cell(cmark_node_get_literal(only)))) {
    if (only && scr_buf_puts(out, cmark_node_get_literal(only)))
      fail(t);
    return;
  }
  cmark_node *doc = cmark_node_parent(c->para);
  char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
  if (!md) {
    fail(t);
    return;
  }
  size_t n = strlen(md);
  while (n && (md[n - 1] == '\n' || md[n - 1] == ' '))
    n--;
  for (size_t i = 0; i < n; i++) {
    const char *piece = md[i] == '|' ? "\\|" : md[i] == '\n' ? " " : NULL;
    if (piece ? scr_buf_puts(out, piece) : scr_buf_append(out, md + i, 1))
      fail(t);
  }
  free(md);
}

static int table_columns(const table *tb) {
  int cols = 1;
  for (size_t r = 0; r < tb->n; r++) {
    int w = 0;
    for (size_t c = 0; c < tb->rows[r].n; c++)
      w += tb->rows[r].cells[c].span;
    cols = w > cols ? w : cols;
  }
  return cols > MAX_COLUMNS ? MAX_COLUMNS : cols;
}

static void row_text(scr_rtext *t, const row *r, int cols, scr_buf *out) {
  int at = 0;
  scr_buf_puts(out, "|");
  for (size_t c = 0; c < r->n && at < cols; c++) {
    scr_buf_puts(out, " ");
    cell_text(t, &r->cells[c], out);
    scr_buf_puts(out, " |");
    for (int s = 1; s < r->cells[c].span && at + s < cols; s++)
      scr_buf_puts(out, " |");
    at += r->cells[c].span;
  }
  for (; at < cols; at++)
    scr_buf_puts(out, " |");
  if (scr_buf_puts(out, "\n"))
    fail(t);
}

/* The table as GFM text: its first row the header row. */
static char *table_text(scr_rtext *t, const table *tb) {
  scr_buf out = SCR_BUF_INIT;
  int cols = table_columns(tb);
  for (size_t r = 0; r < tb->n; r++) {
    row_text(t, &tb->rows[r], cols, &out);
    if (r == 0) {
      scr_buf_puts(&out, "|");
      for (int c = 0; c < cols; c++)
        scr_buf_puts(&out, " --- |");
      if (scr_buf_puts(&out, "\n"))
        fail(t);
    }
  }
  return scr_buf_detach(&out, NULL);
}

void scr_rtext_table_end(scr_rtext *t) {
  table *tb = &t->tab;
  if (tb->depth == 0)
    return;
  if (--tb->depth > 0 || t->in_note) {
    return;
  }
  t->cell_para = NULL;
  if (tb->n) {
    char *text = table_text(t, tb);
    if (text)
      append(t, t->f->root, new_literal(CMARK_NODE_HTML_BLOCK, text));
    else
      fail(t);
    free(text);
  }
  bool nested = tb->nested;
  free_table(tb);
  tb->nested = nested;
  t->f->block = NULL;
  t->inl = NULL;
}

/* ---- notes ------------------------------------------------------------- */

void scr_rtext_note_begin(scr_rtext *t) {
  if (t->in_note || !break_formatting(t))
    return;
  char mark[32];
  snprintf(mark, sizeof mark, "[^%zu]", t->n_notes + 1);
  append(t, t->inl, new_literal(CMARK_NODE_HTML_INLINE, mark));
  t->body_inline.inl = t->inl;
  t->body_inline.open_format = t->open_format;
  t->body_inline.link = t->link;
  memcpy(t->body_inline.open, t->open, sizeof t->open);
  memset(t->open, 0, sizeof t->open);
  t->open_format = 0;
  t->link = NULL;
  t->in_note = true;
  t->note = (flow){.root = cmark_node_new(CMARK_NODE_DOCUMENT)};
  if (!t->note.root)
    fail(t);
  t->f = &t->note;
  t->inl = NULL;
}

/* A note's text as the lines of a footnote definition. */
static char *note_markdown(scr_rtext *t, cmark_node *root, size_t number) {
  char *md = root ? cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) : NULL;
  scr_buf out = SCR_BUF_INIT;
  if (scr_buf_printf(&out, "[^%zu]: ", number))
    fail(t);
  const char *s = md ? md : "";
  while (*s == '\n')
    s++;
  bool first = true;
  while (*s) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    if (!first && n && scr_buf_puts(&out, "    "))
      fail(t);
    if (scr_buf_append(&out, s, n) || scr_buf_puts(&out, "\n"))
      fail(t);
    first = false;
    s += n + (nl ? 1 : 0);
  }
  free(md);
  return scr_buf_detach(&out, NULL);
}

void scr_rtext_note_end(scr_rtext *t) {
  if (!t->in_note)
    return;
  close_block(t);
  char *md = note_markdown(t, t->note.root, t->n_notes + 1);
  if (t->note.root)
    cmark_node_free(t->note.root);
  t->note = (flow){0};
  if (!md ||
      scr_reserve(&t->notes, &t->cap_notes, t->n_notes + 1, sizeof *t->notes)) {
    free(md);
    fail(t);
  } else {
    t->notes[t->n_notes++] = md;
  }
  t->in_note = false;
  t->f = &t->body;
  t->inl = t->body_inline.inl;
  memcpy(t->open, t->body_inline.open, sizeof t->open);
  t->open_format = t->body_inline.open_format;
  t->link = t->body_inline.link;
}

/* ---- pictures ---------------------------------------------------------- */

static bool sniffed_png(const unsigned char *d, size_t n) {
  return n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static bool sniffed_jpeg(const unsigned char *d, size_t n) {
  return n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
}

/* Alt text as a picture's description shows it: one line. */
static char *one_line(const char *s) {
  scr_buf b = SCR_BUF_INIT;
  bool space = false;
  for (; s && *s; s++) {
    bool ws = *s == ' ' || *s == '\n' || *s == '\r' || *s == '\t';
    if (ws) {
      space = b.len > 0;
      continue;
    }
    if (space)
      scr_buf_puts(&b, " ");
    space = false;
    scr_buf_append(&b, s, 1);
  }
  char *out = scr_buf_detach(&b, NULL);
  return out ? out : scr_strdup("");
}

void scr_rtext_picture(scr_rtext *t, unsigned char *bytes, size_t len,
                       const char *alt, const char *what) {
  const char *ext = sniffed_png(bytes, len)    ? "png"
                    : sniffed_jpeg(bytes, len) ? "jpg"
                                               : NULL;
  char *desc = one_line(alt);
  if (!ext) {
    scr_rtext_warn(t,
                   "picture %s is not a PNG or JPEG image; its description "
                   "is shown instead",
                   what ? what : "");
    free(bytes);
    char *shown = scr_asprintf("[Image: %s]", desc ? desc : "");
    if (shown)
      scr_rtext_text(t, shown, strlen(shown), 0);
    free(shown);
    free(desc);
    return;
  }
  if (!t->f->block)
    open_default_block(t);
  scr_embedded_set *set = &t->pictures;
  char *url = scr_asprintf("%s/image%zu.%s", t->picture_dir, set->n + 1, ext);
  cmark_node *img = cmark_node_new(CMARK_NODE_IMAGE);
  bool ok =
      url && img && cmark_node_set_url(img, url) && t->inl &&
      !scr_reserve(&set->items, &set->cap, set->n + 1, sizeof *set->items);
  if (ok && desc && *desc)
    ok = append(t, img, new_literal(CMARK_NODE_TEXT, desc)) != NULL;
  if (ok) {
    flush_text(t);
    ok = append(t, t->inl, img) != NULL;
    img = NULL;
  }
  if (ok) {
    set->items[set->n++] = (scr_embedded){url, bytes, len};
    url = NULL;
    bytes = NULL;
  } else {
    fail(t);
  }
  if (img)
    cmark_node_free(img);
  free(url);
  free(bytes);
  free(desc);
}

/* ---- numbers ------------------------------------------------------------- */

void scr_rtext_number(scr_buf *out, int n, char format) {
  static const char *const ROMAN[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                      "xl", "x",  "ix", "v",  "iv", "i"};
  static const int VALUE[] = {1000, 900, 500, 400, 100, 90, 50,
                              40,   10,  9,   5,   4,   1};
  bool upper = format == 'A' || format == 'I';
  if ((format == 'a' || format == 'A') && n > 0) {
    char c = (char)((upper ? 'A' : 'a') + (n - 1) % 26);
    for (int i = 0; i <= (n - 1) / 26 && i < 8; i++)
      scr_buf_append(out, &c, 1);
  } else if ((format == 'i' || format == 'I') && n > 0 && n < 4000) {
    for (size_t i = 0; i < sizeof VALUE / sizeof *VALUE; i++)
      for (; n >= VALUE[i]; n -= VALUE[i])
        for (const char *r = ROMAN[i]; *r; r++) {
          char c = upper ? (char)(*r - 'a' + 'A') : *r;
          scr_buf_append(out, &c, 1);
        }
  } else {
    scr_buf_printf(out, "%d", n);
  }
}

/* ---- the document ------------------------------------------------------ */

static void keep_first(char **slot, const char *value) {
  if (*slot || !value)
    return;
  char *v = one_line(value);
  if (v && !*v) {
    free(v);
    return;
  }
  *slot = v;
}

void scr_rtext_title(scr_rtext *t, const char *title) {
  keep_first(&t->title, title);
}

void scr_rtext_doc_title(scr_rtext *t, const char *title) {
  keep_first(&t->doc_title, title);
}

void scr_rtext_author(scr_rtext *t, const char *author) {
  keep_first(&t->author, author);
}

void scr_rtext_warn(scr_rtext *t, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  scr_warn_at(t->diags, t->path, 0, 0, "%s", msg);
}

/* The folder a report's pictures go in: its name without the extension. */
static char *picture_dir_of(const char *path) {
  return scr_path_stem(path);
}

scr_rtext *scr_rtext_new(const char *path, const char *picture_dir,
                         scr_diags *diags) {
  scr_rtext *t = calloc(1, sizeof *t);
  if (!t)
    return NULL;
  t->path = path;
  t->diags = diags;
  t->picture_dir = picture_dir ? scr_strdup(picture_dir) : picture_dir_of(path);
  t->body.root = cmark_node_new(CMARK_NODE_DOCUMENT);
  t->f = &t->body;
  if (!t->picture_dir || !t->body.root) {
    scr_rtext_free(t);
    return NULL;
  }
  return t;
}

void scr_embedded_set_free(scr_embedded_set *set) {
  for (size_t i = 0; i < set->n; i++) {
    free(set->items[i].url);
    free(set->items[i].bytes);
  }
  free(set->items);
  *set = (scr_embedded_set){0};
}

void scr_rtext_free(scr_rtext *t) {
  if (!t)
    return;
  if (t->body.root)
    cmark_node_free(t->body.root);
  if (t->note.root)
    cmark_node_free(t->note.root);
  free_table(&t->tab);
  for (size_t i = 0; i < t->n_notes; i++)
    free(t->notes[i]);
  free(t->notes);
  for (size_t i = 0; i < t->n_links; i++)
    free(t->links[i].name);
  free(t->links);
  for (size_t i = 0; i < t->n_bookmarks; i++)
    free(t->bookmarks[i].name);
  free(t->bookmarks);
  scr_embedded_set_free(&t->pictures);
  scr_buf_free(&t->text);
  scr_buf_free(&t->space);
  free(t->picture_dir);
  free(t->title);
  free(t->doc_title);
  free(t->author);
  free(t);
}

/* The heading a bookmark called `name` marks, or NULL. */
static cmark_node *bookmarked_heading(const scr_rtext *t, const char *name) {
  for (size_t i = 0; i < t->n_bookmarks; i++) {
    cmark_node *b = t->bookmarks[i].block;
    if (b && strcmp(t->bookmarks[i].name, name) == 0)
      return cmark_node_get_type(b) == CMARK_NODE_HEADING ? b : NULL;
  }
  return NULL;
}

/* The link's text in its place, the link gone. */
static void unwrap(cmark_node *link) {
  cmark_node *c;
  while ((c = cmark_node_first_child(link)))
    cmark_node_insert_before(link, c);
  cmark_node_free(link);
}

/* Links to bookmarks made links to the headings they mark, by the slugs
   the Markdown's headings get; others shown as their text. */
static void resolve_internal_links(scr_rtext *t) {
  if (!t->n_links)
    return;
  scr_anchors a = {0};
  if (scr_anchors_build(t->body.root, &a)) {
    fail(t);
    return;
  }
  for (size_t i = 0; i < t->n_links; i++) {
    cmark_node *h =
        t->links[i].name ? bookmarked_heading(t, t->links[i].name) : NULL;
    size_t k = 0;
    bool found = false;
    for (cmark_node *n = cmark_node_first_child(t->body.root); h && n;
         n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
        continue;
      if (n == h) {
        found = k < a.n;
        break;
      }
      k++;
    }
    if (found) {
      char *url = scr_asprintf("#%s", a.items[k].slug);
      if (!url || !cmark_node_set_url(t->links[i].link, url))
        fail(t);
      free(url);
    } else {
      unwrap(t->links[i].link);
    }
  }
  scr_anchors_free(&a);
}

/* A YAML double-quoted scalar. */
static void yaml_scalar(scr_rtext *t, scr_buf *out, const char *key,
                        const char *value) {
  scr_buf_printf(out, "%s: \"", key);
  for (const char *s = value; *s; s++) {
    if (*s == '"' || *s == '\\')
      scr_buf_append(out, "\\", 1);
    scr_buf_append(out, s, 1);
  }
  if (scr_buf_puts(out, "\"\n"))
    fail(t);
}

static void front_matter(scr_rtext *t, scr_buf *out) {
  const char *title = t->title         ? t->title
                      : t->has_heading ? NULL
                                       : t->doc_title;
  if (!title && !t->author)
    return;
  scr_buf_puts(out, "---\n");
  if (title)
    yaml_scalar(t, out, "title", title);
  if (t->author)
    yaml_scalar(t, out, "author", t->author);
  if (scr_buf_puts(out, "---\n\n"))
    fail(t);
}

scr_error scr_rtext_finish(scr_rtext *t, char **out, size_t *len,
                           scr_embedded_set *pictures) {
  *out = NULL;
  *len = 0;
  *pictures = (scr_embedded_set){0};
  while (t->in_note)
    scr_rtext_note_end(t);
  while (t->tab.depth)
    scr_rtext_table_end(t);
  close_block(t);
  resolve_internal_links(t);
  scr_buf md = SCR_BUF_INIT;
  front_matter(t, &md);
  char *body = cmark_render_commonmark(t->body.root, CMARK_OPT_DEFAULT, 0);
  if (!body || scr_buf_puts(&md, body))
    fail(t);
  free(body);
  for (size_t i = 0; i < t->n_notes; i++)
    if (scr_buf_puts(&md, "\n") || scr_buf_puts(&md, t->notes[i]))
      fail(t);
  if (t->failed) {
    scr_buf_free(&md);
    return SCR_E_NOMEM;
  }
  if (!md.len && scr_buf_puts(&md, ""))
    fail(t);
  *out = scr_buf_detach(&md, len);
  if (!*out) {
    *out = scr_strdup("");
    *len = 0;
  }
  *pictures = t->pictures;
  t->pictures = (scr_embedded_set){0};
  return *out ? SCR_OK : SCR_E_NOMEM;
}
