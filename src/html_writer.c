/*
 * The HTML writer: the document and its blocks (paragraphs, headings,
 * code, quotes, lists, tables). Each block ends its line, so that the
 * markup reads one block a line; white space between blocks is none to a
 * browser.
 *
 * Lists and tables hold paragraphs: the first of an item or a cell is
 * written bare (`<li>Text</li>`, as HTML lists are), the others as <p>.
 * The sink has no quote: consecutive quote paragraphs make one
 * <blockquote>. Pages, sections and orientation are the printed page's,
 * which a web page does not have.
 */
#include "html_impl.h"
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "<name" left open for its attributes. */
static void open_tag(html_writer *w, const char *name) {
  html_close_tag(w);
  html_put(w, "<");
  html_put(w, name);
  w->tag_open = true;
}

/* ---- frames ------------------------------------------------------------ */

static html_frame *frame(html_writer *w) {
  return &w->frames[w->depth - 1];
}

static scr_error push(html_writer *w, html_frame_kind kind) {
  if (w->depth >= HTML_DEPTH_MAX)
    return html_fail(w, SCR_E_USAGE);
  html_frame *f = &w->frames[w->depth++];
  *f = (html_frame){.kind = kind};
  memcpy(f->lang, f[-1].lang, sizeof f->lang);
  return w->err;
}

/* Leave the innermost frame, which must be of `kind`. */
static scr_error pop(html_writer *w, html_frame_kind kind) {
  if (w->depth < 2 || frame(w)->kind != kind || w->block)
    return html_fail(w, SCR_E_USAGE);
  w->depth--;
  return w->err;
}

static void end_quote(html_writer *w) {
  html_frame *f = frame(w);
  if (!f->quote)
    return;
  html_close_tag(w);
  html_put(w, "</blockquote>\n");
  f->quote = false;
}

/* A block begins in the innermost frame: a quote before it ends unless it
   is itself quoted. */
static scr_error begin_block(html_writer *w, bool quoted) {
  if (w->block || !w->begun || w->ended)
    return html_fail(w, SCR_E_USAGE);
  html_frame *f = frame(w);
  if (f->kind == HTML_LIST || f->kind == HTML_TABLE || f->kind == HTML_ROW)
    return html_fail(w, SCR_E_USAGE);
  if (!quoted)
    end_quote(w);
  else if (!f->quote) {
    html_close_tag(w);
    html_put(w, "<blockquote>\n");
    f->quote = true;
  }
  f->started = true;
  return w->err;
}

/* The open start tag's direction and language: the block reads right to
   left if said so, and is in the language said last unless what holds it
   is. On a list item's or cell's own tag (`container`, for its bare first
   paragraph) the language is then the container's. */
static void block_attrs(html_writer *w, bool container) {
  html_frame *f = frame(w);
  if (w->rtl_next)
    html_attr(w, "dir", "rtl");
  w->rtl_next = false;
  if (strcmp(w->lang_now, f->lang) != 0) {
    html_attr(w, "lang", w->lang_now);
    if (container)
      snprintf(f->lang, sizeof f->lang, "%s", w->lang_now);
  }
  snprintf(w->block_lang, sizeof w->block_lang, "%s", w->lang_now);
}

/* ---- document ---------------------------------------------------------- */

static scr_error begin_document(void *self, const scr_doc_info *info) {
  html_writer *w = self;
  if (w->begun || !info)
    return html_fail(w, SCR_E_USAGE);
  w->begun = true;
  const char *lang = info->language ? info->language : SCR_LANGUAGE;
  snprintf(w->doc_lang, sizeof w->doc_lang, "%s", lang);
  snprintf(w->frames[0].lang, sizeof w->frames[0].lang, "%s", lang);
  snprintf(w->lang_now, sizeof w->lang_now, "%s", lang);
  return w->err;
}

static scr_error end_document(void *self) {
  html_writer *w = self;
  if (!w->begun || w->ended || w->block || w->depth != 1 || w->in_note)
    return html_fail(w, SCR_E_USAGE);
  end_quote(w);
  html_write_notes(w);
  w->ended = true;
  return w->err;
}

/* ---- paragraphs and headings ------------------------------------------- */

static const char *para_class(scr_para_style style) {
  switch (style) {
  case SCR_PARA_TITLE:
    return "title";
  case SCR_PARA_SUBTITLE:
    return "subtitle";
  case SCR_PARA_FRONT_MATTER:
    return "facts";
  case SCR_PARA_SIGNATURE:
    return "signature";
  default:
    return NULL;
  }
}

/* The first paragraph of a list item or cell, whose start tag is still
   open, goes bare into it. */
static bool goes_bare(const html_writer *w, scr_para_style style) {
  const html_frame *f = &w->frames[w->depth - 1];
  return (f->kind == HTML_ITEM || f->kind == HTML_CELL) && !f->started &&
         w->tag_open && style != SCR_PARA_CODE && style != SCR_PARA_RULE &&
         style != SCR_PARA_QUOTE;
}

static scr_error begin_paragraph(void *self, scr_para_style style) {
  html_writer *w = self;
  bool bare = goes_bare(w, style);
  if (begin_block(w, style == SCR_PARA_QUOTE))
    return w->err;
  if (style == SCR_PARA_RULE) {
    html_close_tag(w);
    html_put(w, "<hr/>\n");
    w->rtl_next = false;
    w->block = HTML_RULE;
    return w->err;
  }
  if (bare) {
    block_attrs(w, true);
    w->block = HTML_BARE;
    return w->err;
  }
  open_tag(w, style == SCR_PARA_CODE ? "pre" : "p");
  const char *cls = para_class(style);
  if (cls)
    html_attr(w, "class", cls);
  block_attrs(w, false);
  if (style == SCR_PARA_CODE) {
    html_close_tag(w);
    html_put(w, "<code>");
  }
  w->block = style == SCR_PARA_CODE ? HTML_PRE : HTML_P;
  return w->err;
}

static scr_error end_paragraph(void *self) {
  html_writer *w = self;
  if (w->block == HTML_NO_BLOCK || w->block == HTML_H || w->in_link)
    return html_fail(w, SCR_E_USAGE);
  html_end_runs(w);
  html_close_tag(w);
  if (w->block == HTML_P)
    html_put(w, "</p>\n");
  else if (w->block == HTML_PRE)
    html_put(w, "</code></pre>\n");
  w->block = HTML_NO_BLOCK;
  return w->err;
}

static scr_error begin_heading(void *self, int level) {
  html_writer *w = self;
  if (begin_block(w, false))
    return w->err;
  w->level = level < 1 ? 1 : level > 6 ? 6 : level;
  char name[4];
  snprintf(name, sizeof name, "h%d", w->level);
  open_tag(w, name);
  block_attrs(w, false);
  w->block = HTML_H;
  return w->err;
}

static scr_error end_heading(void *self) {
  html_writer *w = self;
  if (w->block != HTML_H || w->in_link)
    return html_fail(w, SCR_E_USAGE);
  html_end_runs(w);
  html_close_tag(w);
  char end[8];
  snprintf(end, sizeof end, "</h%d>\n", w->level);
  html_put(w, end);
  w->block = HTML_NO_BLOCK;
  return w->err;
}

static scr_error right_to_left(void *self) {
  html_writer *w = self;
  w->rtl_next = true;
  return w->err;
}

/* ---- lists ------------------------------------------------------------- */

static scr_error begin_list(void *self, bool ordered, int start) {
  html_writer *w = self;
  if (begin_block(w, false))
    return w->err;
  html_close_tag(w);
  char tag[32];
  if (ordered && start != 1)
    snprintf(tag, sizeof tag, "<ol start=\"%d\">\n", start);
  else
    snprintf(tag, sizeof tag, ordered ? "<ol>\n" : "<ul>\n");
  html_put(w, tag);
  if (!push(w, HTML_LIST))
    frame(w)->ordered = ordered;
  return w->err;
}

static scr_error end_list(void *self) {
  html_writer *w = self;
  bool ordered = w->depth > 1 && frame(w)->ordered;
  if (pop(w, HTML_LIST))
    return w->err;
  html_put(w, ordered ? "</ol>\n" : "</ul>\n");
  return w->err;
}

static scr_error begin_item(void *self) {
  html_writer *w = self;
  if (w->block || frame(w)->kind != HTML_LIST)
    return html_fail(w, SCR_E_USAGE);
  open_tag(w, "li");
  return push(w, HTML_ITEM);
}

static scr_error end_item(void *self) {
  html_writer *w = self;
  if (w->depth > 1)
    end_quote(w);
  html_close_tag(w);
  if (pop(w, HTML_ITEM))
    return w->err;
  html_put(w, "</li>\n");
  return w->err;
}

/* ---- tables ------------------------------------------------------------ */

/*
 * A table sits in a region of its own that scrolls sideways on a narrow
 * screen, which keyboard users can focus to scroll; the region is named
 * by the table's number on the page, as the sink gives no caption.
 */
static scr_error begin_table(void *self, int columns, const scr_align *align,
                             const int *widths) {
  html_writer *w = self;
  (void)widths; /* a browser sizes columns to their content */
  if (begin_block(w, false))
    return w->err;
  if (w->align || columns < 1)
    return html_fail(w, SCR_E_USAGE);
  w->align = calloc((size_t)columns, sizeof *w->align);
  if (!w->align)
    return html_fail(w, SCR_E_NOMEM);
  if (align)
    memcpy(w->align, align, (size_t)columns * sizeof *align);
  w->columns = columns;
  w->thead = w->tbody = false;
  char open[160];
  snprintf(open, sizeof open,
           "<div class=\"table\" role=\"region\" aria-label=\"Table %d\" "
           "tabindex=\"0\">\n<table>\n",
           ++w->n_tables);
  html_close_tag(w);
  html_put(w, open);
  return push(w, HTML_TABLE);
}

static scr_error end_table(void *self) {
  html_writer *w = self;
  if (pop(w, HTML_TABLE))
    return w->err;
  if (w->thead && !w->tbody)
    html_put(w, "</thead>\n");
  if (w->tbody)
    html_put(w, "</tbody>\n");
  html_put(w, "</table>\n</div>\n");
  free(w->align);
  w->align = NULL;
  return w->err;
}

/* Header rows come first, in <thead>; the others in <tbody>. */
static scr_error begin_row(void *self, bool header) {
  html_writer *w = self;
  if (w->block || frame(w)->kind != HTML_TABLE)
    return html_fail(w, SCR_E_USAGE);
  if (header && !w->thead && !w->tbody) {
    html_put(w, "<thead>\n");
    w->thead = true;
  } else if (!header && !w->tbody) {
    html_put(w, w->thead ? "</thead>\n<tbody>\n" : "<tbody>\n");
    w->tbody = true;
  }
  html_put(w, "<tr>");
  w->column = 0;
  if (!push(w, HTML_ROW))
    frame(w)->ordered = header; /* a row's flag: its cells are headers */
  return w->err;
}

static scr_error end_row(void *self) {
  html_writer *w = self;
  if (pop(w, HTML_ROW))
    return w->err;
  html_put(w, "</tr>\n");
  return w->err;
}

static const char *align_class(scr_align a) {
  switch (a) {
  case SCR_ALIGN_LEFT:
    return "left";
  case SCR_ALIGN_CENTER:
    return "center";
  case SCR_ALIGN_RIGHT:
    return "right";
  case SCR_ALIGN_NONE:
    break;
  }
  return NULL;
}

/* A header row's cells head their columns. */
static scr_error begin_cell(void *self) {
  html_writer *w = self;
  if (w->block || frame(w)->kind != HTML_ROW)
    return html_fail(w, SCR_E_USAGE);
  bool header = frame(w)->ordered;
  open_tag(w, header ? "th" : "td");
  if (header)
    html_attr(w, "scope", "col");
  const char *cls =
      w->column < w->columns ? align_class(w->align[w->column]) : NULL;
  if (cls)
    html_attr(w, "class", cls);
  if (w->rtl_next)
    html_attr(w, "dir", "rtl");
  w->rtl_next = false;
  return push(w, HTML_CELL);
}

static scr_error end_cell(void *self) {
  html_writer *w = self;
  if (w->depth > 1)
    end_quote(w);
  html_close_tag(w);
  if (pop(w, HTML_CELL))
    return w->err;
  html_put(w, frame(w)->ordered ? "</th>" : "</td>");
  w->column++;
  return w->err;
}

/* ---- the printed page's ------------------------------------------------ */

static scr_error page_break(void *self) {
  html_writer *w = self;
  return w->block ? html_fail(w, SCR_E_USAGE) : w->err;
}

static scr_error begin_section(void *self, const char *header) {
  (void)header;
  return page_break(self);
}

static scr_error page_orientation(void *self, bool landscape) {
  (void)landscape;
  return page_break(self);
}

/* ---- life cycle -------------------------------------------------------- */

void scr_html_set_links(void *writer, const scr_html_links *links) {
  html_writer *w = writer;
  w->links = links ? *links : (scr_html_links){0};
}

static void *create(const scr_template *tpl) {
  (void)tpl; /* the site's stylesheet styles the page */
  html_writer *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  w->out = &w->body;
  w->depth = 1;
  w->frames[0] = (html_frame){.kind = HTML_ROOT};
  snprintf(w->doc_lang, sizeof w->doc_lang, "%s", SCR_LANGUAGE);
  snprintf(w->frames[0].lang, sizeof w->frames[0].lang, "%s", SCR_LANGUAGE);
  snprintf(w->lang_now, sizeof w->lang_now, "%s", SCR_LANGUAGE);
  return w;
}

static void destroy(void *self) {
  html_writer *w = self;
  if (!w)
    return;
  scr_buf_free(&w->body);
  scr_buf_free(&w->notes);
  free(w->align);
  html_free_files(w);
  free(w);
}

/* A page is not a package: the site takes its body and pictures. */
static scr_error finish(void *self, scr_package *pkg) {
  (void)pkg;
  return html_fail(self, SCR_E_USAGE);
}

/* The body written so far. Caller frees. */
static char *body_html(void *self) {
  html_writer *w = self;
  if (w->err)
    return NULL;
  char *copy = malloc(w->body.len + 1);
  if (copy) {
    if (w->body.len)
      memcpy(copy, w->body.data, w->body.len);
    copy[w->body.len] = '\0';
  }
  return copy;
}

static const scr_sink_ops HTML_OPS = {
    .begin_document = begin_document,
    .end_document = end_document,
    .begin_paragraph = begin_paragraph,
    .end_paragraph = end_paragraph,
    .begin_heading = begin_heading,
    .end_heading = end_heading,
    .text = html_text,
    .line_break = html_line_break,
    .begin_link = html_begin_link,
    .end_link = html_end_link,
    .begin_bookmark = html_begin_bookmark,
    .end_bookmark = html_end_bookmark,
    .page_ref = html_page_ref,
    .image = html_image,
    .begin_note = html_begin_note,
    .end_note = html_end_note,
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
    .page_orientation = page_orientation,
    .pdf_page = html_pdf_page,
    .language = html_language,
    .right_to_left = right_to_left,
};

const scr_writer_class scr_html_writer = {
    .extension = "html",
    .create = create,
    .ops = &HTML_OPS,
    .finish = finish,
    .body_xml = body_html,
    .destroy = destroy,
};
