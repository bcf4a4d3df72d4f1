/*
 * The ODT writer's text (see odt_writer.c for the model): paragraphs and
 * headings, runs of formatting as spans, links, bookmarks, page fields,
 * page breaks and sections on their master pages.
 */
#include "odt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run flags that change the formatting of a span. */
#define RUN_FLAGS (ODT_TEXT_FLAGS | SCR_RUN_CODE)

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

/* Before an element xmlTextWriter starts in the block (a link, bookmark,
   field or frame): no span around it, and the held start tags first. */
void scr_odt_before_inline(odt_writer *w) {
  end_span(w);
  scr_odt_settle(&w->body, &w->held);
}

/* ---- blocks ---------------------------------------------------------- */

/* The alignment of the open cell's column, or SCR_ALIGN_NONE. */
static scr_align cell_align(const odt_writer *w) {
  const odt_table *t = &w->table;
  if (!t->cell_open || t->cell >= t->columns)
    return SCR_ALIGN_NONE;
  return t->align[t->cell];
}

/* See odt.h. */
const char *scr_odt_block_style(odt_writer *w, const char *named) {
  bool page_break = w->page_break, rtl = w->next_rtl;
  w->rtl_block = rtl;
  scr_align align = cell_align(w);
  const char *master = scr_odt_take_master(w);
  w->page_break = false;
  w->next_rtl = false;
  if (!page_break && align == SCR_ALIGN_NONE && !master && !rtl)
    return named;
  const char *name =
      scr_odt_para_auto(&w->autos, named, page_break, align, master, rtl);
  if (!name)
    odt_fail(w, SCR_E_NOMEM);
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
static void begin_block(odt_writer *w, odt_block kind, const char *element,
                        const char *style) {
  scr_odt_reopen_lists(w, true);
  scr_odt_settle_item(w); /* a block is content, even an empty one */
  const char *name = scr_odt_block_style(w, style);
  w->held = (odt_spaces){0};
  w->raw_block = kind == BLOCK_PARAGRAPH && in_writer_element(w);
  if (w->raw_block) {
    scr_odt_hold(&w->body, &w->held, ODT_RAW_PARAGRAPH, name);
  } else {
    scr_xmlw_start(&w->body, element);
    scr_xmlw_attr(&w->body, "text:style-name", name);
  }
  w->block = kind;
  w->after_table = false;
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

scr_error scr_odt_begin_paragraph(void *self, scr_para_style style) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  if ((unsigned)style >= SCR_PARA_COUNT)
    style = SCR_PARA_BODY;
  begin_block(w, BLOCK_PARAGRAPH, "text:p", w->para_names[style]);
  return odt_status(w);
}

scr_error scr_odt_end_paragraph(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (w->block != BLOCK_PARAGRAPH)
    return odt_fail(w, SCR_E_USAGE);
  end_block(w);
  return odt_status(w);
}

scr_error scr_odt_begin_heading(void *self, int level) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  if (level < 1)
    level = 1;
  if (level > ODT_HEADING_LEVELS)
    level = ODT_HEADING_LEVELS;
  begin_block(w, BLOCK_HEADING, "text:h", w->heading_names[level - 1]);
  scr_xmlw_attr_int(&w->body, "text:outline-level", level);
  return odt_status(w);
}

scr_error scr_odt_end_heading(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (w->block != BLOCK_HEADING)
    return odt_fail(w, SCR_E_USAGE);
  end_block(w);
  return odt_status(w);
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
    odt_fail(w, SCR_E_NOMEM);
  if (flags != w->span_flags || style != w->span_script) {
    end_span(w);
    begin_span(w, flags, style);
  }
  if (script != SCR_SCRIPT_NONE)
    w->before = script;
  return n;
}

scr_error scr_odt_add_text(void *self, const char *s, size_t len,
                           unsigned flags) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  if (len == 0)
    return SCR_OK;
  flags &= RUN_FLAGS;
  for (size_t at = 0; at < len && !odt_status(w);) {
    size_t n = odt_script_run(w, s + at, len - at, flags);
    scr_odt_text(&w->body, &w->held, s + at, n);
    at += n;
  }
  return odt_status(w);
}

scr_error scr_odt_line_break(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  scr_odt_text(&w->body, &w->held, "\n", 1);
  return odt_status(w);
}

/* An internal link "#name" is an ODF link to the bookmark "name" as is. */
scr_error scr_odt_begin_link(void *self, const char *url) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w) || w->in_link || !url)
    return odt_fail(w, SCR_E_USAGE);
  char *href = scr_uri_escape(url, false);
  if (!href)
    return odt_fail(w, SCR_E_NOMEM);
  scr_odt_before_inline(w);
  scr_xmlw_start(&w->body, "text:a");
  scr_xmlw_attr(&w->body, "xlink:type", "simple");
  scr_xmlw_attr(&w->body, "xlink:href", href);
  scr_xmlw_attr(&w->body, "text:style-name", ODT_STYLE_HYPERLINK);
  scr_xmlw_attr(&w->body, "text:visited-style-name", ODT_STYLE_HYPERLINK);
  free(href);
  w->in_link = true;
  return odt_status(w);
}

scr_error scr_odt_end_link(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!w->in_link)
    return odt_fail(w, SCR_E_USAGE);
  end_span(w);
  scr_xmlw_end(&w->body);
  w->in_link = false;
  return odt_status(w);
}

static scr_error bookmark(odt_writer *w, const char *element,
                          const char *name) {
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w) || !name || !*name)
    return odt_fail(w, SCR_E_USAGE);
  scr_odt_before_inline(w);
  scr_xmlw_start(&w->body, element);
  scr_xmlw_attr(&w->body, "text:name", name);
  scr_xmlw_end(&w->body);
  return odt_status(w);
}

scr_error scr_odt_begin_bookmark(void *self, const char *name) {
  return bookmark(self, "text:bookmark-start", name);
}

scr_error scr_odt_end_bookmark(void *self, const char *name) {
  return bookmark(self, "text:bookmark-end", name);
}

/* LibreOffice recomputes the field when it lays the document out; until
   then readers see `cached`. */
scr_error scr_odt_page_ref(void *self, const char *name, int cached) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w) || !name || !*name)
    return odt_fail(w, SCR_E_USAGE);
  scr_odt_before_inline(w);
  scr_xmlw_start(&w->body, "text:bookmark-ref");
  scr_xmlw_attr(&w->body, "text:reference-format", "page");
  scr_xmlw_attr(&w->body, "text:ref-name", name);
  char page[3 * sizeof cached + 1];
  int n = snprintf(page, sizeof page, "%d", cached < 1 ? 1 : cached);
  scr_xmlw_text(&w->body, page, (size_t)n);
  scr_xmlw_end(&w->body);
  scr_odt_spaces_after_field(&w->held);
  return odt_status(w);
}

/* ---- scripts ---------------------------------------------------------- */

scr_error scr_odt_language(void *self, const char *tag) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  char *copy = tag ? scr_strdup(tag) : NULL;
  if (tag && !copy)
    return odt_fail(w, SCR_E_NOMEM);
  free(w->text_language);
  w->text_language = copy;
  return SCR_OK;
}

scr_error scr_odt_right_to_left(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  w->next_rtl = true;
  return SCR_OK;
}

/* ---- footnotes -------------------------------------------------------- */

/* The note's citation is its label as written (LibreOffice shows
   text:label rather than counting), so notes number per report. */
scr_error scr_odt_begin_note(void *self, const char *label) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w) || w->in_note || !label || !*label)
    return odt_fail(w, SCR_E_USAGE);
  scr_odt_before_inline(w);
  scr_xmlw *x = &w->body;
  scr_xmlw_start(x, "text:note");
  scr_xmlw_attrf(x, "text:id", ODT_NOTE_ID_FMT, ++w->notes);
  scr_xmlw_attr(x, "text:note-class", "footnote");
  scr_xmlw_start(x, "text:note-citation");
  scr_xmlw_attr(x, "text:label", label);
  scr_xmlw_text(x, label, strlen(label));
  scr_xmlw_end(x);
  scr_xmlw_start(x, "text:note-body");
  w->outer.block = w->block;
  w->outer.in_link = w->in_link;
  w->outer.raw_block = w->raw_block;
  w->outer.page_break = w->page_break;
  w->outer.rtl_block = w->rtl_block;
  w->outer.next_rtl = w->next_rtl;
  w->outer.before = w->before;
  w->outer.held = w->held;
  w->outer.held_item = w->held_item;
  w->outer.section_master = w->section_master;
  w->outer.table = w->table;
  w->outer.nlists = w->nlists;
  w->block = BLOCK_NONE;
  w->in_link = w->raw_block = w->page_break = false;
  w->held = (odt_spaces){0};
  w->held_item = ITEM_CLOSED;
  w->section_master = NULL;
  w->table = (odt_table){0};
  w->nlists = 0;
  w->in_note = true;
  return odt_status(w);
}

scr_error scr_odt_end_note(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!w->in_note || odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  scr_xmlw_end(&w->body); /* text:note-body */
  scr_xmlw_end(&w->body); /* text:note */
  w->block = w->outer.block;
  w->in_link = w->outer.in_link;
  w->raw_block = w->outer.raw_block;
  w->page_break = w->outer.page_break;
  w->rtl_block = w->outer.rtl_block;
  w->next_rtl = w->outer.next_rtl;
  w->before = w->outer.before;
  w->span_script = NULL;
  w->held = w->outer.held;
  w->held_item = w->outer.held_item;
  w->section_master = w->outer.section_master;
  w->table = w->outer.table;
  w->nlists = w->outer.nlists;
  w->span_flags = 0;
  w->span_depth = 0;
  /* the note was inside a block, which no table had followed */
  w->after_table = false;
  w->in_note = false;
  return odt_status(w);
}

/* ---- page breaks and sections --------------------------------------- */

scr_error scr_odt_page_break(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  w->page_break = true;
  return SCR_OK;
}

/* The number of `header` (1-based), added on first use with its master
   pages' names; 0 when out of memory. */
static size_t header_number(odt_writer *w, const char *header) {
  for (size_t i = 0; i < w->nheaders; i++)
    if (strcmp(w->headers[i], header) == 0)
      return i + 1;
  size_t n = w->nheaders + 1;
  bool room =
      !scr_reserve(&w->headers, &w->cap_headers, n, sizeof *w->headers) &&
      !scr_reserve(&w->masters, &w->cap_masters, n, sizeof *w->masters) &&
      !scr_reserve(&w->landscape_masters, &w->cap_landscape_masters, n,
                   sizeof *w->landscape_masters);
  char *text = room ? scr_strdup(header) : NULL;
  char *name = text ? scr_asprintf(ODT_MASTER_HEADER_FMT, n) : NULL;
  char *turned = name ? scr_asprintf(ODT_MASTER_LANDSCAPE_HEADER_FMT, n) : NULL;
  if (!turned) {
    free(text);
    free(name);
    return 0;
  }
  w->headers[w->nheaders] = text;
  w->masters[w->nheaders] = name;
  w->landscape_masters[w->nheaders++] = turned;
  return n;
}

/* The master page of the section's header in the orientation asked. */
const char *scr_odt_section_master(const odt_writer *w) {
  size_t n = w->header_now;
  if (w->landscape)
    return n ? w->landscape_masters[n - 1] : ODT_MASTER_LANDSCAPE;
  return n ? w->masters[n - 1] : ODT_MASTER_PAGE;
}

/* A section is a run of pages on one master page: the first paragraph
   after it names the master page, which starts a new page. */
scr_error scr_odt_begin_section(void *self, const char *header) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w) || w->nlists || w->table.open)
    return odt_fail(w, SCR_E_USAGE);
  w->header_now = header ? header_number(w, header) : 0;
  if (header && !w->header_now)
    return odt_fail(w, SCR_E_NOMEM);
  w->landscape = false;
  w->section_master = scr_odt_section_master(w);
  w->section_pending = true;
  w->page_break = false;
  return SCR_OK;
}

/* A change of orientation is a change of master page; one that no block
   has followed yet is undone by changing back. */
scr_error scr_odt_page_orientation(void *self, bool landscape) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w) || w->nlists || w->table.open)
    return odt_fail(w, SCR_E_USAGE);
  if (w->landscape == landscape)
    return SCR_OK;
  w->landscape = landscape;
  w->landscape_used |= landscape;
  const char *master = scr_odt_section_master(w);
  if (w->section_pending)
    w->section_master = master;
  else
    w->section_master = strcmp(master, w->master_now) == 0 ? NULL : master;
  w->page_break = false;
  return SCR_OK;
}

/* The master page the next block starts, or NULL: taken. The document's
   first block starts on the first-page form of its master page when the
   house's header art is on the first page only. */
const char *scr_odt_take_master(odt_writer *w) {
  const char *master = w->section_master;
  if (master)
    w->master_now = master;
  w->section_master = NULL;
  w->section_pending = false;
  const scr_house *h = w->tpl->house;
  if (!w->first_taken && h && h->has_art && !h->art.every_page) {
    w->first_master = w->master_now;
    snprintf(w->first_name, sizeof w->first_name, ODT_MASTER_FIRST_FMT,
             w->first_master);
    master = w->first_name;
  }
  w->first_taken = true;
  return master;
}
