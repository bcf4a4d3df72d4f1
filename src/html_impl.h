/*
 * Inside the HTML writer: its state, shared by html_writer.c (the
 * document, blocks, lists and tables), html_inline.c (text, links,
 * bookmarks, notes, pictures, pages of PDF appendices) and html_markup.c
 * (escaping, tags).
 *
 * Markup goes straight into a buffer. The start tag of the element opened
 * last stays open ("<li" without its '>') until content comes, so that
 * what is learnt just after it (a bookmark at a heading's start, the
 * direction of a list item's first paragraph) becomes its attribute.
 */
#ifndef SCR_HTML_IMPL_H
#define SCR_HTML_IMPL_H

#include "html.h"
#include "util.h"

#define HTML_LANG_MAX 36
#define HTML_DEPTH_MAX 64

/* What holds the blocks being written. */
typedef enum html_frame_kind {
  HTML_ROOT,
  HTML_LIST,
  HTML_ITEM,
  HTML_TABLE,
  HTML_ROW,
  HTML_CELL,
  HTML_NOTE
} html_frame_kind;

typedef struct html_frame {
  html_frame_kind kind;
  char lang[HTML_LANG_MAX]; /* the language its content is in */
  bool started;             /* a block is written in it */
  bool quote;               /* a <blockquote> is open in it */
  bool ordered;             /* a list: <ol> */
} html_frame;

/* The open block. */
typedef enum html_block {
  HTML_NO_BLOCK,
  HTML_P,    /* <p> */
  HTML_BARE, /* a list item's or cell's first paragraph: no element */
  HTML_H,    /* <h1>..<h6> */
  HTML_PRE,  /* <pre><code> */
  HTML_RULE  /* <hr/>, already written */
} html_block;

typedef struct html_writer {
  scr_buf body, notes;
  scr_buf *out; /* body, or notes while a note is written */
  scr_error err;
  bool begun, ended;
  char doc_lang[HTML_LANG_MAX];
  char lang_now[HTML_LANG_MAX]; /* the language said last */
  bool rtl_next;
  html_frame frames[HTML_DEPTH_MAX];
  size_t depth; /* frames[depth - 1] is the innermost */
  /* the open block */
  html_block block;
  int level;
  char block_lang[HTML_LANG_MAX];
  bool tag_open; /* the last start tag lacks its '>' */
  bool tag_id;   /* ... and has an id */
  /* runs: the formatting elements open, and a span of another language */
  unsigned flags_open;
  bool span_open;
  char span_lang[HTML_LANG_MAX];
  bool in_link, link_written;
  /* a note interrupts its paragraph: the paragraph's state meanwhile */
  bool in_note;
  html_block outer_block;
  int outer_level;
  char outer_lang[HTML_LANG_MAX];
  int n_notes;
  /* the open table */
  int n_tables, columns, column;
  scr_align *align;
  bool thead, tbody;
  /* pictures */
  scr_html_file *files;
  size_t n_files, cap_files;
  scr_html_links links;
} html_writer;

/* Record the first failure; returns it. */
scr_error html_fail(html_writer *w, scr_error err);
/* Constant markup. */
void html_put(html_writer *w, const char *markup);
/* Text, cleaned of what XML forbids and escaped (quotes too: it may be an
   attribute value). */
void html_escape(html_writer *w, const char *text, size_t len);
/* ` name="value"` on the open start tag. */
void html_attr(html_writer *w, const char *name, const char *value);
/* End the open start tag with '>'. */
void html_close_tag(html_writer *w);
/* Close the runs and the span of another language. */
void html_end_runs(html_writer *w);

/* sink ops of html_inline.c */
scr_error html_text(void *self, const char *text, size_t len, unsigned flags);
scr_error html_line_break(void *self);
scr_error html_begin_link(void *self, const char *url);
scr_error html_end_link(void *self);
scr_error html_begin_bookmark(void *self, const char *name);
scr_error html_end_bookmark(void *self, const char *name);
scr_error html_page_ref(void *self, const char *bookmark, int cached);
scr_error html_image(void *self, const scr_image *image);
scr_error html_begin_note(void *self, const char *label);
scr_error html_end_note(void *self);
scr_error html_pdf_page(void *self, const scr_pdf_page *page);
scr_error html_language(void *self, const char *tag);
/* The notes, as the page's last section, at the end of the document. */
void html_write_notes(html_writer *w);
void html_free_files(html_writer *w);

#endif
