/* The one tree walker: cmark-gfm nodes to document sink calls. */
#include "render.h"
#include "bidi.h"
#include "model.h"
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
  bool header_row;
  cmark_node **notes; /* footnote definitions, in number order */
  size_t n_notes, cap_notes;
  int pending_note; /* number to print at the next paragraph's start */
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
         (w->strike ? SCR_RUN_STRIKE : 0u);
}

static scr_para_style para_style(const walk *w, cmark_node *n) {
  for (cmark_node *p = cmark_node_parent(n); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == CMARK_NODE_FOOTNOTE_DEFINITION)
      return SCR_PARA_NOTE;
  if (w->quote_depth > 0)
    return SCR_PARA_QUOTE;
  return w->list_depth > 0 ? SCR_PARA_LIST : SCR_PARA_BODY;
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
  scr_sink_end_paragraph(s);
}

static void html_block(const walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  if (!lit || strncmp(lit, "<!--", 4) == 0)
    return; /* comments are notes to the author */
  size_t len = strlen(lit);
  while (len && (lit[len - 1] == '\n' || lit[len - 1] == ' '))
    len--;
  scr_sink *s = w->r->sink;
  announce_direction(s, n);
  scr_sink_begin_paragraph(s, para_style(w, n));
  if (len)
    scr_sink_text_len(s, lit, len, 0);
  scr_sink_end_paragraph(s);
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

static void begin_table(const walk *w, cmark_node *n) {
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
  scr_sink_begin_table(s, cols, align, NULL);
  free(align);
}

static void start_paragraph(walk *w, scr_para_style style) {
  scr_sink *s = w->r->sink;
  scr_sink_begin_paragraph(s, style);
  if (w->pending_note) {
    char mark[16];
    snprintf(mark, sizeof mark, "%d", w->pending_note);
    w->pending_note = 0;
    scr_sink_text(s, mark, SCR_RUN_SUPERSCRIPT);
    scr_sink_text_len(s, " ", 1, 0);
  }
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
      scr_sink_end_table(s);
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
    scr_sink_begin_cell(s);
    scr_sink_begin_paragraph(s, w->header_row ? SCR_PARA_TABLE_HEADING
                                              : SCR_PARA_TABLE_CONTENTS);
  } else {
    scr_sink_end_paragraph(s);
    scr_sink_end_cell(s);
  }
}

static int heading_level(const walk *w, cmark_node *n) {
  int level =
      w->r->heading_base + cmark_node_get_heading_level(n) - w->min_level;
  return level < 1 ? 1 : level > 6 ? 6 : level;
}

/* An inline node's literal as one run, if it has one. */
static void literal_run(scr_sink *s, cmark_node *n, unsigned flags) {
  const char *lit = cmark_node_get_literal(n);
  if (lit)
    scr_sink_text(s, lit, flags);
}

/* <br> is the one tag authors use for layout; other tags are dropped and
   their text kept. */
static bool is_line_break_tag(const char *lit) {
  return lit &&
         (strncmp(lit, "<br>", 4) == 0 || strncmp(lit, "<br/>", 5) == 0 ||
          strncmp(lit, "<br />", 6) == 0);
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
      scr_sink_end_paragraph(s);
    }
    break;
  case CMARK_NODE_HEADING:
    if (enter) {
      announce_direction(s, n);
      scr_sink_begin_heading(s, heading_level(w, n));
    } else {
      scr_sink_end_heading(s);
    }
    break;
  case CMARK_NODE_THEMATIC_BREAK:
    if (enter)
      scr_sink_para(s, SCR_PARA_RULE, NULL);
    break;
  case CMARK_NODE_FOOTNOTE_DEFINITION:
    /* written after the blocks, in number order */
    *skip = true;
    break;
  case CMARK_NODE_TEXT:
    literal_run(s, n, run_flags(w));
    break;
  case CMARK_NODE_CODE:
    literal_run(s, n, run_flags(w) | SCR_RUN_CODE);
    break;
  case CMARK_NODE_SOFTBREAK:
    scr_sink_text_len(s, " ", 1, run_flags(w));
    break;
  case CMARK_NODE_LINEBREAK:
    scr_sink_line_break(s);
    break;
  case CMARK_NODE_HTML_INLINE:
    if (is_line_break_tag(cmark_node_get_literal(n)))
      scr_sink_line_break(s);
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
    /* cmark-gfm numbers references in order; the literal is the number */
    if (enter)
      literal_run(s, n, SCR_RUN_SUPERSCRIPT);
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
    if (!scr_sink_error(s) && skip && ev == CMARK_EVENT_ENTER) {
      skipped = n;
      if (cmark_node_first_child(n))
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
  }
  cmark_iter_free(it);
}

static void collect_notes(walk *w, cmark_node *doc) {
  for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
      continue;
    if (scr_reserve(&w->notes, &w->cap_notes, w->n_notes + 1,
                    sizeof *w->notes)) {
      scr_sink_fail(w->r->sink, SCR_E_NOMEM);
      return;
    }
    w->notes[w->n_notes++] = n;
  }
}

/* Footnotes as numbered small paragraphs after the text. */
static void render_notes(walk *w) {
  const scr_sink *s = w->r->sink;
  for (size_t i = 0; !scr_sink_error(s) && i < w->n_notes; i++) {
    w->pending_note = (int)i + 1;
    for (cmark_node *c = cmark_node_first_child(w->notes[i]);
         !scr_sink_error(s) && c; c = cmark_node_next(c))
      walk_node(w, c);
    w->pending_note = 0;
  }
}

static void walk_init(walk *w, const scr_render *r, cmark_node *doc) {
  /* the source's own level is worked out once, when it is loaded */
  int min = r->src && r->src->doc == doc ? r->src->min_heading
                                         : scr_min_heading_level(doc);
  *w = (walk){.r = r, .min_level = min};
}

scr_error scr_render_blocks(const scr_render *r, cmark_node *first,
                            cmark_node *stop) {
  scr_sink *s = r->sink;
  if (!first || scr_sink_error(s))
    return scr_sink_error(s);
  walk w;
  cmark_node *doc = cmark_node_parent(first);
  walk_init(&w, r, doc);
  bool uses_notes = false;
  for (cmark_node *n = first; !scr_sink_error(s) && n && n != stop;
       n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
      uses_notes = true;
      continue;
    }
    walk_node(&w, n);
  }
  /* only a range holding the definitions lists them: an agenda's items are
     rendered one by one, and must not scan the whole agenda each time */
  if (uses_notes && !scr_sink_error(s)) {
    collect_notes(&w, doc);
    render_notes(&w);
  }
  free(w.notes);
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
  return scr_sink_error(s);
}
