/* The one tree walker: cmark-gfm nodes to document sink calls. */
#include "render.h"
#include "bidi.h"
#include "columns.h"
#include "model.h"
#include "rawhtml.h"
#include "util.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

/* The extension nodes the walker knows. */
typedef enum ext_kind {
  EXT_OTHER,
  EXT_STRIKE,
  EXT_TABLE,
  EXT_ROW, /* "table_row" and "table_header" alike */
  EXT_CELL,
  EXT_KINDS
} ext_kind;

/* Walking state for one render call. */
typedef struct walk {
  /* node type numbers of the extension kinds, learnt from the first node
     of each seen (0, CMARK_NODE_NONE, until then) */
  cmark_node_type ext_type[EXT_KINDS];
  const scr_render *r;
  int min_level;
  int quote_depth;
  int list_depth;
  int bold, italic, strike; /* nesting counts of emphasis */
  int raised, lowered;      /* of <sup> and <sub> tags */
  bool header_row;
  bool landscape_table; /* the open table turned its page */
  bool landscape_part;  /* a <!-- landscape --> comment turned the pages */
  /* the plan of the table after a heading, made when the heading was
     written (to take it onto a turned page), for that table to use */
  cmark_node *planned;
  scr_table_plan plan;
  cmark_node *doc;    /* the tree's root, where footnotes are defined */
  cmark_node **notes; /* footnote definitions, in number order */
  bool *noted;        /* ... and whether each is written yet */
  size_t n_notes, cap_notes;
  bool notes_found, in_note;
  cmark_node *end_node; /* the block that ends with r->end_bookmark */
  cmark_node *end_text; /* ... its last text, whose last character it
                           marks; NULL: the mark goes at the block's end */
  bool end_marked;
  char heading_mark[SCR_ANCHOR_BOOKMARK_MAX]; /* "": the heading has none */
  /* White space next in the paragraph would show as a space too many:
     after a <br> of raw HTML, or a comment left out between spaces. */
  bool drop_blanks;
  bool ends_blank; /* the text written last ends with white space */
} walk;

scr_error scr_sink_text(scr_sink *sink, const char *text, unsigned flags) {
  if (!scr_sink_error(sink))
    scr_sink_text_len(sink, text, strlen(text), flags);
  return scr_sink_error(sink);
}

scr_error scr_sink_para(scr_sink *sink, scr_para_style style,
                        const char *text) {
  scr_sink_begin_paragraph(sink, style);
  if (text && *text)
    scr_sink_text(sink, text, 0);
  scr_sink_end_paragraph(sink);
  return scr_sink_error(sink);
}

scr_error scr_sink_heading(scr_sink *sink, int level, const char *text) {
  scr_sink_begin_heading(sink, level);
  scr_sink_text(sink, text, 0);
  scr_sink_end_heading(sink);
  return scr_sink_error(sink);
}

static ext_kind kind_named(const char *name) {
  static const struct {
    const char *name;
    ext_kind kind;
  } KINDS[] = {{"strikethrough", EXT_STRIKE},
               {"table", EXT_TABLE},
               {"table_row", EXT_ROW},
               {"table_header", EXT_ROW},
               {"table_cell", EXT_CELL}};
  for (size_t i = 0; name && i < sizeof KINDS / sizeof *KINDS; i++)
    if (strcmp(name, KINDS[i].name) == 0)
      return KINDS[i].kind;
  return EXT_OTHER;
}

/* Which extension node `n` is: by its type number once known, else by its
   type name (a string comparison per event would cost more than the rest
   of a table cell's walk). */
static ext_kind ext_of(walk *w, cmark_node *n) {
  cmark_node_type t = cmark_node_get_type(n);
  for (int k = EXT_OTHER + 1; t != CMARK_NODE_NONE && k < EXT_KINDS; k++)
    if (w->ext_type[k] == t)
      return (ext_kind)k;
  ext_kind k = kind_named(cmark_node_get_type_string(n));
  if (k != EXT_OTHER)
    w->ext_type[k] = t;
  return k;
}

static unsigned run_flags(const walk *w) {
  return (w->bold ? SCR_RUN_BOLD : 0u) | (w->italic ? SCR_RUN_ITALIC : 0u) |
         (w->strike ? SCR_RUN_STRIKE : 0u) |
         (w->raised > 0    ? SCR_RUN_SUPERSCRIPT
          : w->lowered > 0 ? SCR_RUN_SUBSCRIPT
                           : 0u);
}

static scr_para_style para_style(const walk *w, cmark_node *n) {
  for (cmark_node *p = cmark_node_parent(n); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == CMARK_NODE_FOOTNOTE_DEFINITION)
      return SCR_PARA_NOTE;
  if (w->quote_depth > 0)
    return SCR_PARA_QUOTE;
  return w->list_depth > 0 ? SCR_PARA_LIST : SCR_PARA_BODY;
}

/* The end bookmark, when `n` is the last block and its last character
   has not taken it. */
static void end_mark(const walk *w, cmark_node *n) {
  const char *name = w->r->end_bookmark;
  if (!name || n != w->end_node || w->end_marked)
    return;
  scr_sink_begin_bookmark(w->r->sink, name);
  scr_sink_end_bookmark(w->r->sink, name);
}

/* A block whose text reads right to left is laid out so: said before the
   paragraph (or the cell holding it) begins. */
static void announce_direction(scr_sink *s, cmark_node *n) {
  if (scr_block_dir(n) == SCR_DIR_RTL)
    scr_sink_right_to_left(s);
}

static void code_block(const walk *w, cmark_node *n) {
  scr_sink *s = w->r->sink;
  const char *lit = cmark_node_get_literal(n);
  size_t len = lit ? strlen(lit) : 0;
  if (len && lit[len - 1] == '\n')
    len--;
  scr_sink_begin_paragraph(s, SCR_PARA_CODE);
  for (size_t start = 0; !scr_sink_error(s) && start <= len;) {
    const char *nl = memchr(lit + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - lit) : len;
    if (end > start)
      scr_sink_text_len(s, lit + start, end - start, SCR_RUN_CODE);
    if (nl)
      scr_sink_line_break(s);
    start = end + 1;
  }
  end_mark(w, n);
  scr_sink_end_paragraph(s);
}

static bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

/* Text of the source as a run, less the white space that would show
   twice (see walk.drop_blanks). */
static void text_run(walk *w, const char *s, size_t len, unsigned flags) {
  while (w->drop_blanks && len && is_blank(*s)) {
    s++;
    len--;
  }
  if (!len)
    return;
  w->drop_blanks = false;
  w->ends_blank = is_blank(s[len - 1]);
  scr_sink_text_len(w->r->sink, s, len, flags);
}

/*
 * The last text of the last block, with the end bookmark around its last
 * character: a bookmark with nothing in it at the end of a paragraph that
 * holds a hyperlink is lost when LibreOffice opens the DOCX, and one
 * around the last character is on the page where the text ends.
 */
static void marked_run(walk *w, const char *s, unsigned flags) {
  size_t len = s ? strlen(s) : 0, last = len;
  while (last > 0 && ((unsigned char)s[last - 1] & 0xC0) == 0x80)
    last--;
  last = last > 0 ? last - 1 : 0;
  const char *name = w->r->end_bookmark;
  text_run(w, s, last, flags);
  scr_sink_begin_bookmark(w->r->sink, name);
  text_run(w, s + last, len - last, flags);
  scr_sink_end_bookmark(w->r->sink, name);
  w->end_marked = true;
}

static void html_line_break(walk *w) {
  scr_sink_line_break(w->r->sink);
  w->drop_blanks = true;
}

/* Text of raw HTML as it is written, a <br> tag as a line break and, in
   a block, each line end too. */
static void html_text(walk *w, const char *s, size_t len, bool block) {
  const scr_sink *sink = w->r->sink;
  size_t start = 0;
  for (size_t i = 0; !scr_sink_error(sink) && i <= len; i++) {
    size_t tag =
        i < len && s[i] == '<' ? scr_html_break_len(s + i, len - i) : 0;
    bool line_end = i < len && s[i] == '\n';
    if (i < len && !tag && !line_end)
      continue;
    if (i > start)
      text_run(w, s + start, i - start, run_flags(w));
    if (tag || (line_end && block))
      html_line_break(w);
    else if (line_end)
      text_run(w, " ", 1, run_flags(w));
    i += tag ? tag - 1 : 0;
    start = i + 1;
  }
}

/* An HTML block as the text it is, in a paragraph of its own; comments are
   notes to the author, left out, and a block of nothing else is none. */
static void html_block(walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  scr_buf shown = SCR_BUF_INIT;
  scr_sink *s = w->r->sink;
  int turn = lit ? scr_html_orientation(lit, strlen(lit)) : 0;
  if (turn && (turn > 0) != w->landscape_part && !w->list_depth &&
      !w->quote_depth) {
    w->landscape_part = turn > 0;
    scr_sink_page_orientation(s, w->landscape_part);
  }
  if (lit && scr_html_visible(lit, strlen(lit), &shown))
    scr_sink_fail(s, SCR_E_NOMEM);
  if (shown.len) {
    announce_direction(s, n);
    scr_sink_begin_paragraph(s, para_style(w, n));
    html_text(w, shown.data, shown.len, true);
    scr_sink_end_paragraph(s);
    w->drop_blanks = w->ends_blank = false;
  }
  scr_buf_free(&shown);
}

/* A <sup> or <sub> tag (all of `lit`) raises or lowers the text up to
   its closing tag; false when `lit` is no such tag. */
static bool raise_or_lower(walk *w, const char *lit, size_t len) {
  char name[SCR_HTML_NAME_MAX];
  bool closing;
  if (scr_html_element_tag(lit, len, name, &closing) != len)
    return false;
  int *count = strcmp(name, "sup") == 0   ? &w->raised
               : strcmp(name, "sub") == 0 ? &w->lowered
                                          : NULL;
  if (!count)
    return false;
  *count += closing ? (*count > 0 ? -1 : 0) : 1;
  return true;
}

/* Inline raw HTML is one tag or comment: a comment is left out, and the
   spaces either side of it make one. */
static void html_inline(walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  size_t len = lit ? strlen(lit) : 0;
  if (len && raise_or_lower(w, lit, len))
    return;
  if (len && scr_html_comment_len(lit, len) == len)
    w->drop_blanks = w->drop_blanks || w->ends_blank;
  else if (len)
    html_text(w, lit, len, false);
}

static void image(const walk *w, cmark_node *n) {
  scr_sink *s = w->r->sink;
  const scr_image *img = scr_image_of(n);
  if (img) {
    scr_sink_image(s, img);
    return;
  }
  /* a web image is not fetched; its description stands in for it */
  char *alt = scr_node_text(n);
  char *shown = scr_asprintf("[Image: %s]", alt ? alt : "");
  if (shown)
    scr_sink_text(s, shown, run_flags(w));
  else
    scr_sink_fail(s, SCR_E_NOMEM);
  free(alt);
  free(shown);
}

/* <br> is the one tag authors use for layout; other tags are dropped and
   their text kept. */
static bool is_line_break_tag(const char *lit) {
  return lit &&
         (strncmp(lit, "<br>", 4) == 0 || strncmp(lit, "<br/>", 5) == 0 ||
          strncmp(lit, "<br />", 6) == 0);
}

/* The runs of one cell, measured as the writers will set them: strong
   text and header rows bold, code in the monospaced face. */
static void measure_cell(walk *w, cmark_node *cell, bool header,
                         scr_columns *c) {
  cmark_iter *it = cmark_iter_new(cell);
  if (!it) {
    scr_sink_fail(w->r->sink, SCR_E_NOMEM);
    return;
  }
  int bold = header ? 1 : 0;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    const char *lit = cmark_node_get_literal(n);
    if (t == CMARK_NODE_STRONG)
      bold += ev == CMARK_EVENT_ENTER ? 1 : -1;
    else if (t == CMARK_NODE_TEXT && lit)
      scr_columns_text(c, lit, strlen(lit),
                       bold ? SCR_METRIC_BOLD : SCR_METRIC_REGULAR);
    else if (t == CMARK_NODE_CODE && lit)
      scr_columns_text(c, lit, strlen(lit), SCR_METRIC_MONO);
    else if (t == CMARK_NODE_SOFTBREAK)
      scr_columns_text(c, " ", 1, SCR_METRIC_REGULAR);
    else if (t == CMARK_NODE_LINEBREAK ||
             (t == CMARK_NODE_HTML_INLINE && is_line_break_tag(lit)))
      scr_columns_line_break(c);
  }
  cmark_iter_free(it);
}

/* Every cell of table `n`, column by column. */
static void measure_table(walk *w, cmark_node *n, scr_columns *c) {
  for (cmark_node *row = cmark_node_first_child(n); row;
       row = cmark_node_next(row)) {
    bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
    int col = 0;
    for (cmark_node *cell = cmark_node_first_child(row); cell;
         cell = cmark_node_next(cell), col++) {
      scr_columns_begin_cell(c, col);
      measure_cell(w, cell, header, c);
      scr_columns_end_cell(c);
    }
  }
}

/* Plan the table's columns from its content; a table too wide for a
   portrait page turns the page, unless it sits in a list or quote, whose
   indent it keeps. */
static bool plan_table(walk *w, cmark_node *n, int cols, scr_table_plan *plan) {
  scr_columns *c = scr_columns_new(cols);
  scr_error err = c ? SCR_OK : SCR_E_NOMEM;
  if (!err)
    measure_table(w, n, c);
  if (!err)
    err = scr_columns_plan(c, w->r->sink->page, plan);
  scr_columns_free(c);
  scr_sink_fail(w->r->sink, err);
  if (err)
    return false;
  if (w->list_depth || w->quote_depth || w->landscape_part)
    plan->landscape = false;
  return true;
}

static void begin_table(walk *w, cmark_node *n) {
  scr_sink *s = w->r->sink;
  int cols = cmark_gfm_extensions_get_table_columns(n);
  uint8_t *src = cmark_gfm_extensions_get_table_alignments(n);
  scr_align *align = calloc((size_t)(cols > 0 ? cols : 1), sizeof *align);
  if (!align) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  for (int i = 0; src && i < cols; i++)
    align[i] = src[i] == 'l'   ? SCR_ALIGN_LEFT
               : src[i] == 'c' ? SCR_ALIGN_CENTER
               : src[i] == 'r' ? SCR_ALIGN_RIGHT
                               : SCR_ALIGN_NONE;
  scr_table_plan plan = {0};
  bool planned = n == w->planned;
  if (planned) {
    plan = w->plan;
    w->plan = (scr_table_plan){0};
    w->planned = NULL;
  }
  if (cols > 0 && (planned || plan_table(w, n, cols, &plan))) {
    w->landscape_table = plan.landscape;
    if (plan.landscape)
      scr_sink_page_orientation(s, true);
    scr_sink_begin_table(s, cols, align, plan.widths);
  } else {
    scr_sink_begin_table(s, cols, align, NULL);
  }
  scr_table_plan_free(&plan);
  free(align);
}

/* A heading just before a table that turns the page goes onto the turned
   page with it. */
static void turn_for_next_table(walk *w, cmark_node *heading) {
  cmark_node *next = cmark_node_next(heading);
  if (!next || ext_of(w, next) != EXT_TABLE || w->list_depth || w->quote_depth)
    return;
  int cols = cmark_gfm_extensions_get_table_columns(next);
  scr_table_plan_free(&w->plan);
  w->planned = NULL;
  if (cols > 0 && plan_table(w, next, cols, &w->plan)) {
    w->planned = next;
    if (w->plan.landscape)
      scr_sink_page_orientation(w->r->sink, true);
  }
}

static void end_table(walk *w) {
  scr_sink *s = w->r->sink;
  scr_sink_end_table(s);
  if (w->landscape_table)
    scr_sink_page_orientation(s, false);
  w->landscape_table = false;
}

/* An unclosed <sup> or <sub> ends with its block, as in HTML. */
static void reset_raised(walk *w) {
  w->raised = w->lowered = 0;
}

static void start_paragraph(walk *w, scr_para_style style) {
  reset_raised(w);
  scr_sink_begin_paragraph(w->r->sink, style);
}

/* The target ("#name") of a `#slug` link: the bookmark of the heading of
   the source the slug names, or of the title standing for the one left
   out. False when it names none, or the source's headings have no
   bookmarks in this document. */
static bool anchor_target(const scr_render *r, const char *url,
                          char target[SCR_ANCHOR_BOOKMARK_MAX + 1]) {
  if (!r->anchor_scope || !r->src)
    return false;
  const scr_anchors *a = &r->src->anchors;
  long i = scr_anchors_find(a, url + 1);
  if (i < 0)
    return false;
  target[0] = '#';
  if (r->title_heading && r->title_bookmark &&
      i == scr_anchors_at_line(a, cmark_node_get_start_line(r->title_heading)))
    snprintf(target + 1, SCR_ANCHOR_BOOKMARK_MAX, "%s", r->title_bookmark);
  else
    scr_anchor_bookmark(a, (size_t)i, r->anchor_scope, target + 1);
  return true;
}

/* A link within the source leads to its heading; one leading nowhere is
   written as its text alone (`check` says so). */
static void internal_link(const walk *w, const char *url, bool enter) {
  char target[SCR_ANCHOR_BOOKMARK_MAX + 1];
  if (!anchor_target(w->r, url, target))
    return;
  if (enter)
    scr_sink_begin_link(w->r->sink, target);
  else
    scr_sink_end_link(w->r->sink);
}

bool scr_render_heading_bookmark(const scr_render *r, cmark_node *heading,
                                 char out[SCR_ANCHOR_BOOKMARK_MAX]) {
  if (!r->anchor_scope || !r->src)
    return false;
  const scr_anchors *a = &r->src->anchors;
  long i = scr_anchors_at_line(a, cmark_node_get_start_line(heading));
  if (i < 0 || !a->items[i].linked)
    return false;
  scr_anchor_bookmark(a, (size_t)i, r->anchor_scope, out);
  return true;
}

static void link(walk *w, cmark_node *n, bool enter, bool *skip) {
  const scr_render *r = w->r;
  const char *url = cmark_node_get_url(n);
  if (enter && r->link_hook) {
    scr_error err = SCR_OK;
    if (r->link_hook(r->hook_ctx, r, n, &err)) {
      *skip = true;
      scr_sink_fail(r->sink, err);
      return;
    }
  }
  if (!url || !*url)
    return;
  if (url[0] == '#') {
    internal_link(w, url, enter);
    return;
  }
  if (enter)
    scr_sink_begin_link(r->sink, url);
  else
    scr_sink_end_link(r->sink);
}

static void table_event(walk *w, cmark_node *n, ext_kind kind, bool enter) {
  scr_sink *s = w->r->sink;
  if (kind == EXT_TABLE) {
    if (enter)
      begin_table(w, n);
    else
      end_table(w);
  } else if (kind == EXT_ROW) {
    if (enter) {
      w->header_row = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
      scr_sink_begin_row(s, w->header_row);
    } else {
      scr_sink_end_row(s);
    }
  } else if (enter) {
    /* table_cell: inline content wrapped in one paragraph */
    announce_direction(s, n);
    reset_raised(w);
    scr_sink_begin_cell(s);
    scr_sink_begin_paragraph(s, w->header_row ? SCR_PARA_TABLE_HEADING
                                              : SCR_PARA_TABLE_CONTENTS);
  } else {
    end_mark(w, n);
    scr_sink_end_paragraph(s);
    scr_sink_end_cell(s);
  }
}

static int heading_level(const walk *w, cmark_node *n) {
  int level =
      w->r->heading_base + cmark_node_get_heading_level(n) - w->min_level;
  return level < 1 ? 1 : level > 6 ? 6 : level;
}

/* A heading, its bookmark around its text when a link leads to it; the
   title heading, shown already by what holds the source, is left out. */
static void heading_event(walk *w, cmark_node *n, bool enter, bool *skip) {
  scr_sink *s = w->r->sink;
  if (enter && n == w->r->title_heading) {
    *skip = true;
    return;
  }
  if (enter) {
    turn_for_next_table(w, n);
    announce_direction(s, n);
    reset_raised(w);
    scr_sink_begin_heading(s, heading_level(w, n));
    if (scr_render_heading_bookmark(w->r, n, w->heading_mark))
      scr_sink_begin_bookmark(s, w->heading_mark);
    else
      w->heading_mark[0] = '\0';
    return;
  }
  if (w->heading_mark[0])
    scr_sink_end_bookmark(s, w->heading_mark);
  w->heading_mark[0] = '\0';
  end_mark(w, n);
  scr_sink_end_heading(s);
}

/* An inline node's literal as one run, if it has one. */
static void literal_run(scr_sink *s, cmark_node *n, unsigned flags) {
  const char *lit = cmark_node_get_literal(n);
  if (lit)
    scr_sink_text(s, lit, flags);
}

static void list_event(walk *w, cmark_node *n, bool enter) {
  scr_sink *s = w->r->sink;
  w->list_depth += enter ? 1 : -1;
  if (enter)
    scr_sink_begin_list(s, cmark_node_get_list_type(n) == CMARK_ORDERED_LIST,
                        cmark_node_get_list_start(n));
  else
    scr_sink_end_list(s);
}

static void item_event(walk *w, cmark_node *n, bool enter) {
  scr_sink *s = w->r->sink;
  if (!enter) {
    scr_sink_end_item(s);
    return;
  }
  scr_sink_begin_item(s);
  if (!cmark_node_first_child(n))
    scr_sink_para(s, SCR_PARA_LIST, NULL);
}

/* An extension node: strikethrough or a part of a table. */
static void extension_event(walk *w, cmark_node *n, bool enter) {
  ext_kind kind = ext_of(w, n);
  if (kind == EXT_STRIKE)
    w->strike += enter ? 1 : -1;
  else if (kind != EXT_OTHER)
    table_event(w, n, kind, enter);
}

static void walk_node(walk *w, cmark_node *node);

/* The footnote definitions of the tree, in number order: cmark-gfm puts
   them at the end of the document in the order of their first reference. */
static void find_notes(walk *w) {
  w->notes_found = true;
  for (cmark_node *n = cmark_node_first_child(w->doc); n;
       n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
      continue;
    if (scr_reserve(&w->notes, &w->cap_notes, w->n_notes + 1,
                    sizeof *w->notes)) {
      scr_sink_fail(w->r->sink, SCR_E_NOMEM);
      return;
    }
    w->notes[w->n_notes++] = n;
  }
  w->noted = calloc(w->n_notes + 1, sizeof *w->noted);
  if (!w->noted)
    scr_sink_fail(w->r->sink, SCR_E_NOMEM);
}

/* A note's blocks, as note paragraphs; what is not a paragraph (a list,
   say) gives its text. Emphasis around the reference does not carry in. */
static void note_text(walk *w, cmark_node *def) {
  scr_sink *s = w->r->sink;
  int bold = w->bold, italic = w->italic, strike = w->strike;
  w->bold = w->italic = w->strike = 0;
  w->in_note = true;
  for (cmark_node *c = cmark_node_first_child(def); !scr_sink_error(s) && c;
       c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
      walk_node(w, c);
      continue;
    }
    char *text = scr_node_text(c);
    if (!text)
      scr_sink_fail(s, SCR_E_NOMEM);
    scr_sink_para(s, SCR_PARA_NOTE, text);
    free(text);
  }
  w->in_note = false;
  w->bold = bold, w->italic = italic, w->strike = strike;
}

/* A reference is a real footnote, the first time its note is referenced;
   again, or inside a note, it is the note's number in superscript.
   cmark-gfm numbers references in order: the literal is the number. */
static void note_reference(walk *w, cmark_node *n) {
  scr_sink *s = w->r->sink;
  const char *label = cmark_node_get_literal(n);
  if (!label)
    return;
  if (!w->notes_found && !w->in_note)
    find_notes(w);
  long number = strtol(label, NULL, 10);
  if (w->in_note || !w->noted || number < 1 || (size_t)number > w->n_notes ||
      w->noted[number - 1]) {
    scr_sink_text(s, label, SCR_RUN_SUPERSCRIPT);
    return;
  }
  w->noted[number - 1] = true;
  scr_sink_begin_note(s, label);
  note_text(w, w->notes[number - 1]);
  scr_sink_end_note(s);
}

/* Text, and raw HTML in it, runs on: the spaces either side of a comment
   left out meet across them, and nothing else comes between. */
static bool runs_on(cmark_node *n) {
  cmark_node_type t = cmark_node_get_type(n);
  return t == CMARK_NODE_TEXT || t == CMARK_NODE_SOFTBREAK ||
         t == CMARK_NODE_HTML_INLINE;
}

/* One enter or exit event. *skip asks the caller to jump past the node. */
static void event(walk *w, cmark_node *n, bool enter, bool *skip) {
  scr_sink *s = w->r->sink;
  switch (cmark_node_get_type(n)) {
  case CMARK_NODE_BLOCK_QUOTE:
    w->quote_depth += enter ? 1 : -1;
    break;
  case CMARK_NODE_LIST:
    list_event(w, n, enter);
    break;
  case CMARK_NODE_ITEM:
    item_event(w, n, enter);
    break;
  case CMARK_NODE_CODE_BLOCK:
    if (enter)
      code_block(w, n);
    break;
  case CMARK_NODE_HTML_BLOCK:
    if (enter)
      html_block(w, n);
    break;
  case CMARK_NODE_PARAGRAPH:
    if (enter) {
      announce_direction(s, n);
      start_paragraph(w, para_style(w, n));
    } else {
      end_mark(w, n);
      scr_sink_end_paragraph(s);
    }
    break;
  case CMARK_NODE_HEADING:
    heading_event(w, n, enter, skip);
    break;
  case CMARK_NODE_THEMATIC_BREAK:
    if (enter)
      scr_sink_para(s, SCR_PARA_RULE, NULL);
    break;
  case CMARK_NODE_FOOTNOTE_DEFINITION:
    /* written after the blocks, in number order */
    *skip = true;
    break;
  case CMARK_NODE_TEXT: {
    const char *lit = cmark_node_get_literal(n);
    if (n == w->end_text)
      marked_run(w, lit ? lit : "", run_flags(w));
    else
      text_run(w, lit ? lit : "", lit ? strlen(lit) : 0, run_flags(w));
    break;
  }
  case CMARK_NODE_CODE:
    if (n == w->end_text)
      marked_run(w, cmark_node_get_literal(n), run_flags(w) | SCR_RUN_CODE);
    else
      literal_run(s, n, run_flags(w) | SCR_RUN_CODE);
    break;
  case CMARK_NODE_SOFTBREAK:
    text_run(w, " ", 1, run_flags(w));
    break;
  case CMARK_NODE_LINEBREAK:
    scr_sink_line_break(s);
    break;
  case CMARK_NODE_HTML_INLINE:
    html_inline(w, n);
    break;
  case CMARK_NODE_EMPH:
    w->italic += enter ? 1 : -1;
    break;
  case CMARK_NODE_STRONG:
    w->bold += enter ? 1 : -1;
    break;
  case CMARK_NODE_LINK:
    link(w, n, enter, skip);
    break;
  case CMARK_NODE_IMAGE:
    *skip = true;
    image(w, n);
    break;
  case CMARK_NODE_FOOTNOTE_REFERENCE:
    if (enter)
      note_reference(w, n);
    break;
  default:
    extension_event(w, n, enter);
    break;
  }
}

/* Walk one node's subtree; stops at the sink's first error. */
static void walk_node(walk *w, cmark_node *node) {
  scr_sink *s = w->r->sink;
  cmark_iter *it = cmark_iter_new(node);
  if (!it) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  cmark_event_type ev;
  cmark_node *skipped = NULL; /* a node written whole on entry */
  while (!scr_sink_error(s) && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_EXIT && n == skipped) {
      skipped = NULL;
      continue;
    }
    bool skip = false;
    event(w, n, ev == CMARK_EVENT_ENTER, &skip);
    if (!runs_on(n))
      w->drop_blanks = w->ends_blank = false;
    if (!scr_sink_error(s) && skip && ev == CMARK_EVENT_ENTER) {
      skipped = n;
      if (cmark_node_first_child(n))
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
  }
  cmark_iter_free(it);
}

static void walk_init(walk *w, const scr_render *r, cmark_node *doc) {
  /* the source's own level is worked out once, when it is loaded */
  int min = r->src && r->src->doc == doc ? r->src->min_heading
                                         : scr_min_heading_level(doc);
  cmark_node *root = doc;
  while (root && cmark_node_parent(root))
    root = cmark_node_parent(root);
  *w = (walk){.r = r, .min_level = min, .doc = root};
}

static void walk_free(walk *w) {
  free(w->notes);
  free(w->noted);
  scr_table_plan_free(&w->plan);
}

/* The last text (or code span) inside `block`, or NULL. */
static cmark_node *last_text(cmark_node *block) {
  cmark_node *last = NULL;
  cmark_iter *it = cmark_iter_new(block);
  cmark_event_type ev;
  while (it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER &&
        (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE))
      last = n;
  }
  if (it)
    cmark_iter_free(it);
  return last;
}

/* The block whose last paragraph is the last of [first, stop): descending
   through lists, quotes and tables to a paragraph, heading, code block or
   table cell; NULL when the range ends otherwise (a rule, a comment). */
static cmark_node *last_text_block(walk *w, cmark_node *first,
                                   cmark_node *stop) {
  cmark_node *last = NULL;
  for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n))
    if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
      last = n;
  while (last) {
    cmark_node_type t = cmark_node_get_type(last);
    ext_kind k = ext_of(w, last);
    if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
        t == CMARK_NODE_CODE_BLOCK || k == EXT_CELL)
      return last;
    if (t != CMARK_NODE_LIST && t != CMARK_NODE_ITEM &&
        t != CMARK_NODE_BLOCK_QUOTE && k != EXT_TABLE && k != EXT_ROW)
      return NULL;
    last = cmark_node_last_child(last);
  }
  return NULL;
}

scr_error scr_render_blocks(const scr_render *r, cmark_node *first,
                            cmark_node *stop) {
  scr_sink *s = r->sink;
  if (!first || scr_sink_error(s))
    return scr_sink_error(s);
  walk w;
  cmark_node *doc = cmark_node_parent(first);
  walk_init(&w, r, doc);
  if (r->end_bookmark)
    w.end_node = last_text_block(&w, first, stop);
  if (w.end_node && cmark_node_get_type(w.end_node) != CMARK_NODE_CODE_BLOCK)
    w.end_text = last_text(w.end_node);
  /* footnote definitions are written where they are referenced */
  for (cmark_node *n = first; !scr_sink_error(s) && n && n != stop;
       n = cmark_node_next(n))
    if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
      walk_node(&w, n);
  /* the next part of the document starts portrait */
  if (w.landscape_part)
    scr_sink_page_orientation(s, false);
  if (r->end_bookmark && !w.end_node) {
    scr_sink_begin_paragraph(s, SCR_PARA_BODY);
    scr_sink_begin_bookmark(s, r->end_bookmark);
    scr_sink_end_bookmark(s, r->end_bookmark);
    scr_sink_end_paragraph(s);
  }
  walk_free(&w);
  return scr_sink_error(s);
}

scr_error scr_render_inlines(const scr_render *r, cmark_node *parent) {
  scr_sink *s = r->sink;
  if (scr_sink_error(s))
    return scr_sink_error(s);
  walk w;
  walk_init(&w, r, parent);
  for (cmark_node *n = cmark_node_first_child(parent); !scr_sink_error(s) && n;
       n = cmark_node_next(n))
    walk_node(&w, n);
  walk_free(&w);
  return scr_sink_error(s);
}
