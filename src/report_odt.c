/*
 * A LibreOffice report's body (content.xml) described to the Markdown
 * writer. It reads with every tracked change accepted: LibreOffice keeps
 * deleted text in text:tracked-changes, which is never walked, and
 * inserted text in the body. Annotations (comments) and hidden text are
 * never walked.
 */
#include "report_odt.h"

#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_CHAIN SIZE_MAX

static void walk_inlines(odt_walk *w, const xmlNode *parent, unsigned format);
static void walk_blocks(odt_walk *w, const xmlNode *parent);

static void nomem(odt_walk *w) {
  w->err = SCR_E_NOMEM;
}

/* ---- text ---------------------------------------------------------------- */

static void out_text(odt_walk *w, const char *s, size_t n, unsigned format) {
  if (!n || (format & ODT_HIDDEN))
    return;
  if (w->heading && scr_buf_append(w->heading, s, n))
    nomem(w);
  if (w->capture) {
    if (scr_buf_append(w->capture, s, n))
      nomem(w);
  } else {
    scr_rtext_text(w->t, s, n, format);
  }
  w->space_before = s[n - 1] == ' ';
}

/* Character data as ODF has it shown: each run of white space one space,
   none at a paragraph's start (ODF 1.3 part 3, 6.1.2). The run goes on
   across spans and fields, not across text:s, text:tab or notes. */
static void collapsed_text(odt_walk *w, const char *s, unsigned format) {
  scr_buf b = SCR_BUF_INIT;
  bool space = w->space_before;
  for (; *s; s++) {
    bool ws = odt_is_space(*s);
    if (ws && space)
      continue;
    space = ws;
    if (scr_buf_append(&b, ws ? " " : s, 1))
      nomem(w);
  }
  out_text(w, b.data ? b.data : "", b.len, format);
  scr_buf_free(&b);
}

/* `count` spaces or a tab, which no white space after them joins. */
static void kept_space(odt_walk *w, const char *s, int count, unsigned format) {
  for (int i = 0; i < count && i < 1000; i++)
    out_text(w, s, 1, format);
  if (!(format & ODT_HIDDEN))
    w->space_before = false;
}

/* ---- inlines ------------------------------------------------------------- */

static void note(odt_walk *w, const xmlNode *n) {
  if (w->in_note || w->capture)
    return;
  bool space = w->space_before;
  scr_buf *heading = w->heading;
  w->heading = NULL;
  w->in_note = true;
  scr_rtext_note_begin(w->t);
  walk_blocks(w, odt_child(n, NS_TEXT, "note-body"));
  scr_rtext_note_end(w->t);
  w->in_note = false;
  w->heading = heading;
  w->space_before = space;
}

static void link(odt_walk *w, const xmlNode *a, unsigned format) {
  const char *href = odt_attr(a, NS_XLINK, "href");
  char *url = href ? scr_strdup(href) : NULL;
  if (href && !url)
    nomem(w);
  /* "#Heading|outline": LibreOffice's link to a heading by its text */
  char *bar = url && url[0] == '#' ? strchr(url, '|') : NULL;
  if (bar)
    *bar = '\0';
  bool linked = url && *url && !w->capture;
  if (linked)
    scr_rtext_link_begin(w->t, url);
  walk_inlines(w, a, format);
  if (linked)
    scr_rtext_link_end(w->t);
  free(url);
}

static bool is_true(const char *v) {
  return v && strcmp(v, "true") == 0;
}

/* Elements whose content is never shown: comments, tracked deletions,
   declarations, ruby annotations, a list label's cached text (the
   writer numbers lists), hidden text. */
static bool never_shown(const xmlNode *c) {
  return odt_is(c, NS_OFFICE, "annotation") ||
         odt_is(c, NS_OFFICE, "annotation-end") ||
         odt_is(c, NS_TEXT, "tracked-changes") ||
         odt_is(c, NS_TEXT, "note-citation") ||
         odt_is(c, NS_TEXT, "sequence-decls") ||
         odt_is(c, NS_TEXT, "variable-decls") ||
         odt_is(c, NS_TEXT, "user-field-decls") ||
         odt_is(c, NS_TEXT, "dde-connection-decls") ||
         odt_is(c, NS_OFFICE, "forms") ||
         odt_is(c, NS_TEXT, "soft-page-break") ||
         odt_is(c, NS_TEXT, "change") || odt_is(c, NS_TEXT, "change-start") ||
         odt_is(c, NS_TEXT, "change-end") || odt_is(c, NS_TEXT, "ruby-text") ||
         odt_is(c, NS_TEXT, "number") ||
         (odt_is(c, NS_TEXT, "hidden-text") &&
          is_true(odt_attr(c, NS_TEXT, "is-hidden")));
}

/* A frame in a paragraph: its picture or formula here, its text box
   after the paragraph (content()). */
static void inline_frame(odt_walk *w, const xmlNode *f, unsigned format) {
  if (w->capture || (format & ODT_HIDDEN))
    return;
  char *text = odt_frame(w, f);
  if (text)
    out_text(w, text, strlen(text), format);
  free(text);
}

static void inline_element(odt_walk *w, const xmlNode *c, unsigned format) {
  if (odt_is(c, NS_TEXT, "span")) {
    const odt_style *s =
        odt_style_find(&w->book, "text", odt_attr(c, NS_TEXT, "style-name"));
    walk_inlines(w, c, s ? odt_text_format(&w->book, s, format) : format);
  } else if (odt_is(c, NS_TEXT, "s")) {
    kept_space(w, " ", odt_int_attr(c, NS_TEXT, "c", 1), format);
  } else if (odt_is(c, NS_TEXT, "tab")) {
    kept_space(w, "\t", 1, format);
  } else if (odt_is(c, NS_TEXT, "line-break")) {
    if (format & ODT_HIDDEN)
      return;
    if (w->capture)
      out_text(w, " ", 1, 0);
    else
      scr_rtext_line_break(w->t);
    w->space_before = true;
  } else if (odt_is(c, NS_TEXT, "a")) {
    link(w, c, format);
  } else if (odt_is(c, NS_TEXT, "bookmark") ||
             odt_is(c, NS_TEXT, "bookmark-start")) {
    const char *name = odt_attr(c, NS_TEXT, "name");
    if (name && !w->capture)
      scr_rtext_bookmark(w->t, name);
  } else if (odt_is(c, NS_TEXT, "note")) {
    note(w, c);
  } else if (odt_is(c, NS_DRAW, "frame")) {
    inline_frame(w, c, format);
  } else if (odt_is(c, NS_DRAW, "a")) {
    walk_inlines(w, c, format);
  } else if (c->ns && c->ns->href &&
             strcmp((const char *)c->ns->href, NS_DRAW) == 0) {
    odt_shape(w, c);
  } else if (!never_shown(c)) {
    /* fields and wrappers: their text is their cached result */
    walk_inlines(w, c, format);
  }
}

static void walk_inlines(odt_walk *w, const xmlNode *parent, unsigned format) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c && !w->err;
       c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
      collapsed_text(w, (const char *)c->content, format);
    else if (c->type == XML_ELEMENT_NODE)
      inline_element(w, c, format);
  }
}

/* ---- text boxes --------------------------------------------------------- */

/* The text boxes met since `mark`, walked as blocks. */
static void walk_boxes(odt_walk *w, size_t mark) {
  /* a box's own paragraphs push their boxes past i and pop them again */
  for (size_t i = mark; i < w->n_boxes && !w->err; i++)
    walk_blocks(w, w->boxes[i]);
  w->n_boxes = mark;
}

/* ---- paragraphs and headings --------------------------------------------- */

/* The format a paragraph's own style gives its text: a style's bold is
   its look (a table's heading), not a stress. */
static unsigned paragraph_format(const odt_walk *w, const xmlNode *p) {
  const odt_style *s =
      odt_style_find(&w->book, "paragraph", odt_attr(p, NS_TEXT, "style-name"));
  return s ? odt_text_format(&w->book, s, 0) & ~(unsigned)SCR_RT_BOLD : 0;
}

/* `s` with white space collapsed and trimmed, in place. */
static void squeeze(scr_buf *b) {
  size_t n = 0;
  bool space = true;
  for (size_t i = 0; i < b->len; i++) {
    bool ws = odt_is_space(b->data[i]);
    if (!(ws && space))
      b->data[n++] = ws ? ' ' : b->data[i];
    space = ws;
  }
  while (n && b->data[n - 1] == ' ')
    n--;
  b->len = n;
  if (b->data)
    b->data[n] = '\0';
}

/* A paragraph's text, then the text boxes met in it. A heading's text as
   written is its name: LibreOffice's links to it name it so
   ("#Summary|outline", the part before '|' kept by link()). */
static void content(odt_walk *w, const xmlNode *p, unsigned format,
                    bool named) {
  size_t mark = w->n_boxes;
  scr_buf name = SCR_BUF_INIT;
  if (named)
    w->heading = &name;
  w->space_before = true;
  walk_inlines(w, p, format);
  w->heading = NULL;
  squeeze(&name);
  if (name.len)
    scr_rtext_bookmark(w->t, name.data);
  scr_buf_free(&name);
  walk_boxes(w, mark);
}

static void title(odt_walk *w, const xmlNode *p) {
  scr_buf text = SCR_BUF_INIT;
  w->capture = &text;
  w->space_before = true;
  walk_inlines(w, p, paragraph_format(w, p));
  w->capture = NULL;
  squeeze(&text);
  if (text.len) {
    scr_rtext_title(w->t, text.data);
    w->title_taken = true;
  }
  scr_buf_free(&text);
}

/* A text:hidden-paragraph field that hides its paragraph. */
static bool hidden_paragraph(const xmlNode *p) {
  for (xmlNodePtr c = p->children; c; c = c->next)
    if (odt_is(c, NS_TEXT, "hidden-paragraph") &&
        is_true(odt_attr(c, NS_TEXT, "is-hidden")))
      return true;
  return false;
}

static void turn_for(odt_walk *w, const char *family, const char *style) {
  int landscape = odt_turn_of(&w->book, family, style);
  if (landscape >= 0 && !w->in_note)
    scr_rtext_orientation(w->t, landscape);
}

/* What a paragraph is: by its style, and text:h a heading whatever its
   style says; a heading's level into `level`. */
static odt_kind kind_of(const odt_walk *w, const xmlNode *p, int *level) {
  *level = 0;
  odt_kind kind =
      odt_paragraph_kind(&w->book, odt_attr(p, NS_TEXT, "style-name"), level);
  if (odt_is(p, NS_TEXT, "h")) {
    kind = ODT_HEADING;
    *level = odt_int_attr(p, NS_TEXT, "outline-level", *level ? *level : 1);
  }
  return kind;
}

static void heading(odt_walk *w, int level) {
  scr_rtext_heading(w->t, level < 1 ? 1 : level > 6 ? 6 : level);
}

/* text:p or text:h. */
static void paragraph(odt_walk *w, const xmlNode *p) {
  if (hidden_paragraph(p))
    return;
  turn_for(w, "paragraph", odt_attr(p, NS_TEXT, "style-name"));
  int level;
  odt_kind kind = kind_of(w, p, &level);
  if (kind == ODT_TITLE && !w->title_taken && !w->in_note) {
    title(w, p);
    return;
  }
  /* later Title paragraphs are headings of the first level */
  if (kind == ODT_TITLE)
    heading(w, 1);
  else if (kind == ODT_HEADING)
    heading(w, level);
  else if (kind == ODT_QUOTE)
    scr_rtext_quote(w->t);
  else
    scr_rtext_paragraph(w->t);
  bool named = kind == ODT_HEADING || kind == ODT_TITLE;
  content(w, p, named ? 0 : paragraph_format(w, p), named);
}

/* A numbered heading, or a paragraph numbered as Markdown cannot ("2.3",
   "(b)"): its label (NULL: none) written as the start of its text. */
static void labelled(odt_walk *w, const xmlNode *p, const char *label) {
  int level;
  bool is_heading = kind_of(w, p, &level) == ODT_HEADING;
  if (is_heading)
    heading(w, level);
  else
    scr_rtext_paragraph(w->t);
  w->space_before = true;
  if (label && *label) {
    out_text(w, label, strlen(label), 0);
    out_text(w, " ", 1, 0);
  }
  content(w, p, is_heading ? 0 : paragraph_format(w, p), is_heading);
}

/* ---- lists --------------------------------------------------------------- */

typedef struct list_ctx {
  const char *style; /* the list style in force */
  int level;         /* 0 for the outermost text:list */
} list_ctx;

static void list(odt_walk *w, const xmlNode *l, list_ctx ctx);

/* A chain of its own for a list, counting from nothing. */
static size_t new_chain(odt_walk *w) {
  if (scr_reserve(&w->chains, &w->cap_chains, w->n_chains + 1,
                  sizeof *w->chains)) {
    nomem(w);
    return NO_CHAIN;
  }
  w->chains[w->n_chains] = (odt_list_chain){.id = (long)w->n_chains + 1};
  return w->n_chains++;
}

/* The chain an outermost list counts in: that of the list it continues
   (by text:continue-list, or by text:continue-numbering the last list in
   its style), else a new one. */
static size_t chain_of(odt_walk *w, const xmlNode *l, const char *style) {
  const char *target = odt_attr(l, NS_TEXT, "continue-list");
  bool numbering = is_true(odt_attr(l, NS_TEXT, "continue-numbering"));
  for (size_t i = w->n_runs; (target || numbering) && i-- > 0;) {
    const odt_list_run *r = &w->runs[i];
    if (target ? r->xml_id && strcmp(r->xml_id, target) == 0
               : !style || !r->style || strcmp(r->style, style) == 0)
      return r->chain;
  }
  return new_chain(w);
}

static void begin_list(odt_walk *w, const xmlNode *l, const char *style) {
  size_t chain = chain_of(w, l, style);
  if (chain == NO_CHAIN ||
      scr_reserve(&w->runs, &w->cap_runs, w->n_runs + 1, sizeof *w->runs)) {
    nomem(w);
    return;
  }
  w->runs[w->n_runs++] =
      (odt_list_run){odt_attr(l, NS_XML, "id"), style, chain};
  w->chain = chain;
}

/* The number an item at `level` shows, counted in the list's chain. */
static int count_item(odt_walk *w, const xmlNode *item, int level, int start) {
  odt_list_chain *c = &w->chains[w->chain];
  const char *restart = odt_attr(item, NS_TEXT, "start-value");
  if (restart) {
    c->counter[level] = atoi(restart) - 1;
    c->counted[level] = true;
  } else if (!c->counted[level]) {
    c->counter[level] = start - 1;
    c->counted[level] = true;
  }
  for (int l = level + 1; l < ODT_LEVELS; l++)
    c->counted[l] = false;
  return ++c->counter[level];
}

/* An item's first paragraph or heading: the item, numbered. */
static void item_paragraph(odt_walk *w, const xmlNode *item, const xmlNode *p,
                           list_ctx ctx) {
  const char *pstyle = odt_attr(p, NS_TEXT, "style-name");
  const char *style =
      ctx.style ? ctx.style : odt_paragraph_list_style(&w->book, pstyle);
  int level = ctx.level < ODT_LEVELS ? ctx.level : ODT_LEVELS - 1;
  bool styled;
  const xmlNode *lvl = odt_list_level_style(&w->book, style, level, &styled);
  odt_mark mark = odt_level_mark(lvl, styled);
  int start = odt_int_attr(lvl, NS_TEXT, "start-value", 1);
  int number = count_item(w, item, level, start);
  bool is_heading = odt_is(p, NS_TEXT, "h");
  const odt_list_chain *c = &w->chains[w->chain];
  char *label =
      mark == ODT_NUMBER && (is_heading || !odt_markdown_label(lvl))
          ? odt_level_label(&w->book, style, level, lvl, c->counter, c->counted)
          : NULL;
  if (mark == ODT_NO_MARK) {
    /* no number shown: not a list item, as Word's "none" is not */
    paragraph(w, p);
  } else if (is_heading || label) {
    labelled(w, p, label);
  } else {
    int depth = level + odt_list_depth_of_style(&w->book, pstyle);
    scr_rtext_item(w->t, depth, mark == ODT_NUMBER, number, c->id);
    content(w, p, paragraph_format(w, p), false);
  }
  free(label);
}

/* One item: its first paragraph (or heading) numbered, the rest lines of
   it (or of the item of a list nested in it); paragraphs after a heading
   paragraphs. */
static void list_item(odt_walk *w, const xmlNode *item, list_ctx ctx) {
  bool first = true, after_heading = false;
  for (xmlNodePtr c = item->children; c && !w->err; c = c->next) {
    bool is_heading = odt_is(c, NS_TEXT, "h");
    if (odt_is(c, NS_TEXT, "list")) {
      list(w, c, (list_ctx){ctx.style, ctx.level + 1});
    } else if ((!is_heading && !odt_is(c, NS_TEXT, "p")) ||
               hidden_paragraph(c)) {
      continue;
    } else if (first) {
      item_paragraph(w, item, c, ctx);
    } else if (is_heading || after_heading) {
      paragraph(w, c);
    } else {
      scr_rtext_line_break(w->t);
      content(w, c, paragraph_format(w, c), false);
    }
    first = false;
    after_heading =
        is_heading || (after_heading && !odt_is(c, NS_TEXT, "list"));
  }
}

static void list(odt_walk *w, const xmlNode *l, list_ctx ctx) {
  const char *style = odt_attr(l, NS_TEXT, "style-name");
  if (style)
    ctx.style = style;
  size_t outer = w->chain;
  if (ctx.level == 0)
    begin_list(w, l, ctx.style);
  for (xmlNodePtr c = l->children; c && !w->err; c = c->next) {
    if (odt_is(c, NS_TEXT, "list-item"))
      list_item(w, c, ctx);
    else if (odt_is(c, NS_TEXT, "list-header"))
      walk_blocks(w, c);
  }
  /* a list in a note or a cell inside an item: the item's list goes on */
  if (ctx.level == 0)
    w->chain = outer;
}

/* ---- tables -------------------------------------------------------------- */

static void cells(odt_walk *w, const xmlNode *row) {
  const xmlNode *end = odt_filling(row, "number-columns-repeated");
  for (xmlNodePtr c = row->children; c && c != end && !w->err; c = c->next) {
    bool covered = odt_is(c, NS_TABLE, "covered-table-cell");
    if (!covered && !odt_is(c, NS_TABLE, "table-cell"))
      continue;
    int repeat = odt_repeats(
        w, c, odt_int_attr(c, NS_TABLE, "number-columns-repeated", 1));
    bool spans = odt_int_attr(c, NS_TABLE, "number-columns-spanned", 1) > 1;
    for (int i = 0; i < repeat && !w->err; i++) {
      /* a span's covered cells follow it and count its columns: each
         place is a cell of span 1, those merged flagged */
      scr_rtext_cell_begin(w->t, 1, covered || spans);
      if (!covered)
        walk_blocks(w, c);
      scr_rtext_cell_end(w->t);
    }
  }
}

static void rows(odt_walk *w, const xmlNode *parent, bool header) {
  const xmlNode *end = odt_filling(parent, "number-rows-repeated");
  for (xmlNodePtr r = parent->children; r && r != end && !w->err; r = r->next) {
    if (odt_is(r, NS_TABLE, "table-header-rows")) {
      rows(w, r, true);
    } else if (odt_is(r, NS_TABLE, "table-rows") ||
               odt_is(r, NS_TABLE, "table-row-group")) {
      rows(w, r, header);
    } else if (odt_is(r, NS_TABLE, "table-row")) {
      int repeat = odt_repeats(
          w, r, odt_int_attr(r, NS_TABLE, "number-rows-repeated", 1));
      for (int i = 0; i < repeat && !w->err; i++) {
        scr_rtext_row_begin(w->t, header);
        cells(w, r);
        scr_rtext_row_end(w->t);
      }
    }
  }
}

static void table(odt_walk *w, const xmlNode *tbl) {
  turn_for(w, "table", odt_attr(tbl, NS_TABLE, "style-name"));
  scr_rtext_table_begin(w->t);
  rows(w, tbl, false);
  scr_rtext_table_end(w->t);
}

/* ---- blocks -------------------------------------------------------------- */

static bool is_index(const xmlNode *c) {
  return odt_is(c, NS_TEXT, "table-of-content") ||
         odt_is(c, NS_TEXT, "alphabetical-index") ||
         odt_is(c, NS_TEXT, "illustration-index") ||
         odt_is(c, NS_TEXT, "table-index") ||
         odt_is(c, NS_TEXT, "object-index") ||
         odt_is(c, NS_TEXT, "user-index") ||
         odt_is(c, NS_TEXT, "bibliography") ||
         odt_is(c, NS_TEXT, "index-title");
}

/* A frame anchored to the page or a section, not in a paragraph. */
static void frame_block(odt_walk *w, const xmlNode *f) {
  size_t mark = w->n_boxes;
  if (odt_frame_image(f) || odt_child(f, NS_DRAW, "object")) {
    scr_rtext_paragraph(w->t);
    w->space_before = true;
  }
  char *text = odt_frame(w, f);
  if (text)
    out_text(w, text, strlen(text), 0);
  free(text);
  walk_boxes(w, mark);
}

static void walk_blocks(odt_walk *w, const xmlNode *parent) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c && !w->err;
       c = c->next) {
    if (c->type != XML_ELEMENT_NODE || never_shown(c))
      continue;
    if (odt_is(c, NS_TEXT, "p") || odt_is(c, NS_TEXT, "h")) {
      paragraph(w, c);
    } else if (odt_is(c, NS_TEXT, "list")) {
      list(w, c, (list_ctx){NULL, 0});
    } else if (odt_is(c, NS_TABLE, "table")) {
      table(w, c);
    } else if (is_index(c)) {
      if (!w->warned_toc)
        scr_rtext_warn(w->t, "its table of contents or index is left out: "
                             "its page numbers are the report's own, not "
                             "the pack's");
      w->warned_toc = true;
    } else if (odt_is(c, NS_TEXT, "section")) {
      const char *display = odt_attr(c, NS_TEXT, "display");
      if (!display || strcmp(display, "none") != 0)
        walk_blocks(w, c);
    } else if (odt_is(c, NS_DRAW, "frame")) {
      frame_block(w, c);
    } else if (odt_is(c, NS_DRAW, "a")) {
      walk_blocks(w, c);
    } else if (c->ns && c->ns->href &&
               strcmp((const char *)c->ns->href, NS_DRAW) == 0) {
      odt_shape(w, c);
    } else {
      /* wrappers (text:numbered-paragraph, an application's own) */
      walk_blocks(w, c);
    }
  }
}

/* ---- the document -------------------------------------------------------- */

/* The text of the first child `ns`:`name` of `meta` (caller frees). */
static xmlChar *meta_text(const xmlNode *meta, const char *ns,
                          const char *name) {
  xmlNodePtr n = odt_child(meta, ns, name);
  return n ? xmlNodeGetContent(n) : NULL;
}

/* dc:title and dc:creator (else the initial creator) of meta.xml. */
static scr_error read_meta(odt_walk *w) {
  xmlDocPtr doc = NULL;
  scr_error err =
      scr_zpkg_read_xml(w->pkg, "meta.xml", SCR_REPORT_PART_MAX_BYTES, &doc);
  if (err || !doc)
    return err;
  xmlNodePtr meta = odt_child(xmlDocGetRootElement(doc), NS_OFFICE, "meta");
  xmlChar *title = meta_text(meta, NS_DC, "title");
  xmlChar *creator = meta_text(meta, NS_DC, "creator");
  xmlChar *initial = meta_text(meta, NS_META, "initial-creator");
  scr_rtext_doc_title(w->t, (const char *)title);
  scr_rtext_author(w->t,
                   (const char *)(creator && *creator ? creator : initial));
  xmlFree(title);
  xmlFree(creator);
  xmlFree(initial);
  xmlFreeDoc(doc);
  return SCR_OK;
}

static scr_error read_parts(odt_walk *w) {
  scr_error err = scr_zpkg_read_xml(w->pkg, "content.xml",
                                    SCR_REPORT_PART_MAX_BYTES, &w->content);
  if (!err && !w->content) {
    scr_error_at(w->pkg->diags, w->pkg->path, 0, 0,
                 "report has no content.xml: it is not an OpenDocument text");
    return SCR_E_SOURCE;
  }
  if (!err)
    err = scr_zpkg_read_xml(w->pkg, "styles.xml", SCR_REPORT_PART_MAX_BYTES,
                            &w->styles);
  if (!err)
    err = odt_styles_read(&w->book, w->styles, w->content);
  if (!err)
    err = read_meta(w);
  return err;
}

scr_error scr_report_read_odt(const scr_zpkg *p, scr_rtext *t) {
  odt_walk w = {
      .pkg = p,
      .t = t,
      .repeat_budget = ODT_REPEAT_BUDGET,
      .budget = {SCR_REPORT_READ_BUDGET, SCR_REPORT_READ_BUDGET, false}};
  scr_error err = read_parts(&w);
  xmlNodePtr root = w.content ? xmlDocGetRootElement(w.content) : NULL;
  xmlNodePtr text =
      odt_child(odt_child(root, NS_OFFICE, "body"), NS_OFFICE, "text");
  if (!err && !text) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report's content.xml has no office:text: it is not an "
                 "OpenDocument text");
    err = SCR_E_SOURCE;
  }
  if (!err) {
    /* the pages start as the first master page has them */
    if (w.book.n_masters && w.book.masters[0].landscape)
      scr_rtext_orientation(t, true);
    walk_blocks(&w, text);
    err = w.err;
  }
  odt_styles_free(&w.book);
  free(w.chains);
  free(w.runs);
  free(w.boxes);
  if (w.content)
    xmlFreeDoc(w.content);
  if (w.styles)
    xmlFreeDoc(w.styles);
  return err;
}
