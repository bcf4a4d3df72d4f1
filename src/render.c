/* The one tree walker: cmark-gfm nodes to document sink calls. */
#include "render.h"
#include "model.h"
#include "util.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

#define CALL(r, op, ...) ((r)->sink->ops->op((r)->sink->self, __VA_ARGS__))
#define CALL0(r, op) ((r)->sink->ops->op((r)->sink->self))

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
  return sink->ops->text(sink->self, text, strlen(text), flags);
}

scr_error scr_sink_para(scr_sink *sink, scr_para_style style,
                        const char *text) {
  scr_error err = sink->ops->begin_paragraph(sink->self, style);
  if (!err && text && *text)
    err = scr_sink_text(sink, text, 0);
  return err ? err : sink->ops->end_paragraph(sink->self);
}

scr_error scr_sink_heading(scr_sink *sink, int level, const char *text) {
  scr_error err = sink->ops->begin_heading(sink->self, level);
  if (!err)
    err = scr_sink_text(sink, text, 0);
  return err ? err : sink->ops->end_heading(sink->self);
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

static scr_error code_block(const walk *w, cmark_node *n) {
  const scr_render *r = w->r;
  const char *lit = cmark_node_get_literal(n);
  size_t len = lit ? strlen(lit) : 0;
  if (len && lit[len - 1] == '\n')
    len--;
  scr_error err = CALL(r, begin_paragraph, SCR_PARA_CODE);
  for (size_t start = 0; !err && start <= len;) {
    const char *nl = memchr(lit + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - lit) : len;
    if (end > start)
      err = CALL(r, text, lit + start, end - start, SCR_RUN_CODE);
    if (!err && nl)
      err = CALL0(r, line_break);
    start = end + 1;
  }
  return err ? err : CALL0(r, end_paragraph);
}

static scr_error html_block(const walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  if (!lit || strncmp(lit, "<!--", 4) == 0)
    return SCR_OK; /* comments are notes to the author */
  size_t len = strlen(lit);
  while (len && (lit[len - 1] == '\n' || lit[len - 1] == ' '))
    len--;
  scr_error err = CALL(w->r, begin_paragraph, para_style(w, n));
  if (!err && len)
    err = CALL(w->r, text, lit, len, 0);
  return err ? err : CALL0(w->r, end_paragraph);
}

static scr_error image(const walk *w, cmark_node *n) {
  const scr_image *img = scr_image_of(n);
  if (img)
    return CALL(w->r, image, img);
  /* a web image is not fetched; its description stands in for it */
  char *alt = scr_node_text(n);
  char *shown = scr_asprintf("[Image: %s]", alt ? alt : "");
  scr_error err = shown ? CALL(w->r, text, shown, strlen(shown), run_flags(w))
                        : SCR_E_NOMEM;
  free(alt);
  free(shown);
  return err;
}

static scr_error begin_table(const walk *w, cmark_node *n) {
  int cols = cmark_gfm_extensions_get_table_columns(n);
  uint8_t *src = cmark_gfm_extensions_get_table_alignments(n);
  scr_align *align = calloc((size_t)(cols > 0 ? cols : 1), sizeof *align);
  if (!align)
    return SCR_E_NOMEM;
  for (int i = 0; src && i < cols; i++)
    align[i] = src[i] == 'l'   ? SCR_ALIGN_LEFT
               : src[i] == 'c' ? SCR_ALIGN_CENTER
               : src[i] == 'r' ? SCR_ALIGN_RIGHT
                               : SCR_ALIGN_NONE;
  scr_error err = CALL(w->r, begin_table, cols, align, NULL);
  free(align);
  return err;
}

static scr_error start_paragraph(walk *w, scr_para_style style) {
  scr_error err = CALL(w->r, begin_paragraph, style);
  if (!err && w->pending_note) {
    char mark[16];
    snprintf(mark, sizeof mark, "%d", w->pending_note);
    w->pending_note = 0;
    err = CALL(w->r, text, mark, strlen(mark), SCR_RUN_SUPERSCRIPT);
    if (!err)
      err = CALL(w->r, text, " ", 1, 0);
  }
  return err;
}

static scr_error link(walk *w, cmark_node *n, bool enter, bool *skip) {
  const scr_render *r = w->r;
  const char *url = cmark_node_get_url(n);
  if (enter && r->link_hook) {
    scr_error err = SCR_OK;
    if (r->link_hook(r->hook_ctx, r, n, &err)) {
      *skip = true;
      return err;
    }
  }
  if (!url || !*url)
    return SCR_OK;
  return enter ? CALL(r, begin_link, url) : CALL0(r, end_link);
}

static scr_error table_event(walk *w, cmark_node *n, ext_kind kind,
                             bool enter) {
  const scr_render *r = w->r;
  if (kind == EXT_TABLE)
    return enter ? begin_table(w, n) : CALL0(r, end_table);
  if (kind == EXT_ROW) {
    if (!enter)
      return CALL0(r, end_row);
    w->header_row = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
    return CALL(r, begin_row, w->header_row);
  }
  /* table_cell: inline content wrapped in one paragraph */
  if (!enter) {
    scr_error err = CALL0(r, end_paragraph);
    return err ? err : CALL0(r, end_cell);
  }
  scr_error err = CALL0(r, begin_cell);
  return err ? err
             : CALL(r, begin_paragraph,
                    w->header_row ? SCR_PARA_TABLE_HEADING
                                  : SCR_PARA_TABLE_CONTENTS);
}

static int heading_level(const walk *w, cmark_node *n) {
  int level =
      w->r->heading_base + cmark_node_get_heading_level(n) - w->min_level;
  return level < 1 ? 1 : level > 6 ? 6 : level;
}

/* One enter or exit event. *skip asks the caller to jump past the node. */
static scr_error event(walk *w, cmark_node *n, bool enter, bool *skip) {
  const scr_render *r = w->r;
  const char *lit;
  switch (cmark_node_get_type(n)) {
  case CMARK_NODE_BLOCK_QUOTE:
    w->quote_depth += enter ? 1 : -1;
    return SCR_OK;
  case CMARK_NODE_LIST:
    w->list_depth += enter ? 1 : -1;
    if (!enter)
      return CALL0(r, end_list);
    return CALL(r, begin_list,
                cmark_node_get_list_type(n) == CMARK_ORDERED_LIST,
                cmark_node_get_list_start(n));
  case CMARK_NODE_ITEM:
    if (!enter)
      return CALL0(r, end_item);
    {
      scr_error err = CALL0(r, begin_item);
      if (!err && !cmark_node_first_child(n))
        err = scr_sink_para(r->sink, SCR_PARA_LIST, NULL);
      return err;
    }
  case CMARK_NODE_CODE_BLOCK:
    return enter ? code_block(w, n) : SCR_OK;
  case CMARK_NODE_HTML_BLOCK:
    return enter ? html_block(w, n) : SCR_OK;
  case CMARK_NODE_PARAGRAPH:
    return enter ? start_paragraph(w, para_style(w, n))
                 : CALL0(r, end_paragraph);
  case CMARK_NODE_HEADING:
    return enter ? CALL(r, begin_heading, heading_level(w, n))
                 : CALL0(r, end_heading);
  case CMARK_NODE_THEMATIC_BREAK:
    return enter ? scr_sink_para(r->sink, SCR_PARA_RULE, NULL) : SCR_OK;
  case CMARK_NODE_FOOTNOTE_DEFINITION:
    /* written after the blocks, in number order */
    *skip = true;
    return SCR_OK;
  case CMARK_NODE_TEXT:
    lit = cmark_node_get_literal(n);
    return lit ? CALL(r, text, lit, strlen(lit), run_flags(w)) : SCR_OK;
  case CMARK_NODE_CODE:
    lit = cmark_node_get_literal(n);
    return lit ? CALL(r, text, lit, strlen(lit), run_flags(w) | SCR_RUN_CODE)
               : SCR_OK;
  case CMARK_NODE_SOFTBREAK:
    return CALL(r, text, " ", 1, run_flags(w));
  case CMARK_NODE_LINEBREAK:
    return CALL0(r, line_break);
  case CMARK_NODE_HTML_INLINE:
    lit = cmark_node_get_literal(n);
    /* <br> is the one tag authors use for layout; other tags are dropped
       and their text kept */
    if (lit && (strncmp(lit, "<br>", 4) == 0 || strncmp(lit, "<br/>", 5) == 0 ||
                strncmp(lit, "<br />", 6) == 0))
      return CALL0(r, line_break);
    return SCR_OK;
  case CMARK_NODE_EMPH:
    w->italic += enter ? 1 : -1;
    return SCR_OK;
  case CMARK_NODE_STRONG:
    w->bold += enter ? 1 : -1;
    return SCR_OK;
  case CMARK_NODE_LINK:
    return link(w, n, enter, skip);
  case CMARK_NODE_IMAGE:
    *skip = true;
    return image(w, n);
  case CMARK_NODE_FOOTNOTE_REFERENCE:
    /* cmark-gfm numbers references in order; the literal is the number */
    lit = cmark_node_get_literal(n);
    return enter && lit ? CALL(r, text, lit, strlen(lit), SCR_RUN_SUPERSCRIPT)
                        : SCR_OK;
  default:
    break;
  }
  ext_kind kind = ext_of(w, n);
  if (kind == EXT_STRIKE) {
    w->strike += enter ? 1 : -1;
    return SCR_OK;
  }
  if (kind != EXT_OTHER)
    return table_event(w, n, kind, enter);
  return SCR_OK;
}

/* Walk one node's subtree. */
static scr_error walk_node(walk *w, cmark_node *node) {
  scr_error err = SCR_OK;
  cmark_iter *it = cmark_iter_new(node);
  if (!it)
    return SCR_E_NOMEM;
  cmark_event_type ev;
  cmark_node *skipped = NULL; /* a node written whole on entry */
  while (!err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_EXIT && n == skipped) {
      skipped = NULL;
      continue;
    }
    bool skip = false;
    err = event(w, n, ev == CMARK_EVENT_ENTER, &skip);
    if (!err && skip && ev == CMARK_EVENT_ENTER) {
      skipped = n;
      if (cmark_node_first_child(n))
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
  }
  cmark_iter_free(it);
  return err;
}

static scr_error collect_notes(walk *w, cmark_node *doc) {
  for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
      continue;
    if (scr_reserve(&w->notes, &w->cap_notes, w->n_notes + 1, sizeof *w->notes))
      return SCR_E_NOMEM;
    w->notes[w->n_notes++] = n;
  }
  return SCR_OK;
}

/* Footnotes as numbered small paragraphs after the text. */
static scr_error render_notes(walk *w) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < w->n_notes; i++) {
    w->pending_note = (int)i + 1;
    for (cmark_node *c = cmark_node_first_child(w->notes[i]); !err && c;
         c = cmark_node_next(c))
      err = walk_node(w, c);
    w->pending_note = 0;
  }
  return err;
}

static void walk_init(walk *w, const scr_render *r, cmark_node *doc) {
  /* the source's own level is worked out once, when it is loaded */
  int min = r->src && r->src->doc == doc ? r->src->min_heading
                                         : scr_min_heading_level(doc);
  *w = (walk){.r = r, .min_level = min};
}

scr_error scr_render_blocks(const scr_render *r, cmark_node *first,
                            cmark_node *stop) {
  if (!first)
    return SCR_OK;
  walk w;
  cmark_node *doc = cmark_node_parent(first);
  walk_init(&w, r, doc);
  scr_error err = SCR_OK;
  bool uses_notes = false;
  for (cmark_node *n = first; !err && n && n != stop; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
      uses_notes = true;
      continue;
    }
    err = walk_node(&w, n);
  }
  /* only a range holding the definitions lists them: an agenda's items are
     rendered one by one, and must not scan the whole agenda each time */
  if (!err && uses_notes)
    err = collect_notes(&w, doc);
  if (!err && uses_notes)
    err = render_notes(&w);
  free(w.notes);
  return err;
}

scr_error scr_render_inlines(const scr_render *r, cmark_node *parent) {
  walk w;
  walk_init(&w, r, parent);
  scr_error err = SCR_OK;
  for (cmark_node *n = cmark_node_first_child(parent); !err && n;
       n = cmark_node_next(n))
    err = walk_node(&w, n);
  return err;
}
