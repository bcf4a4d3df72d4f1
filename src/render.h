/*
 * The one tree walker: Markdown (a cmark-gfm tree) to sink calls. Every
 * composer renders Markdown through it; writers never see cmark.
 */
#ifndef SCR_RENDER_H
#define SCR_RENDER_H

#include "sink.h"
#include "source.h"

typedef struct scr_render scr_render;

/**
 * A composer's chance to write a link itself (an appendix reference).
 * Return true when it did; *err carries a sink failure.
 */
typedef bool (*scr_link_hook)(void *ctx, const scr_render *r, cmark_node *link,
                              scr_error *err);

struct scr_render {
  scr_sink *sink;
  const scr_source *src;
  int heading_base; /* level the source's shallowest heading becomes */
  scr_link_hook link_hook;
  void *hook_ctx;
  /* How the bookmarks of the source's headings begin ("Appendix_C"), unique
     in the document, so that its `#slug` links lead to its own headings;
     NULL: no bookmarks, and such links are written as plain text. */
  const char *anchor_scope;
  /* A heading left out because what holds the source shows it already (a
     report's title, under the appendix's label); `#` links to it lead to
     `title_bookmark`. */
  cmark_node *title_heading;
  const char *title_bookmark;
  /* NULL, or a bookmark for the end of the last paragraph rendered (the
     page an appendix ends on); without one, an empty paragraph holds it */
  const char *end_bookmark;
};

/**
 * Render the sibling blocks from `first` up to (not including) `stop`
 * (NULL: to the end), then the footnotes they use. Like the sink's calls,
 * both renderers do nothing once the sink has failed; a failure of their
 * own (memory) is kept in the sink; they return scr_sink_error.
 */
scr_error scr_render_blocks(const scr_render *r, cmark_node *first,
                            cmark_node *stop);

/** Render a node's inline children into the current paragraph. */
scr_error scr_render_inlines(const scr_render *r, cmark_node *parent);

/**
 * The bookmark of `heading`, a heading of r->src, when a link of the source
 * leads to it (and r has an anchor scope): its name into `out`, and true.
 * For composers that write a source's headings themselves (agenda items,
 * minutes), to put around the heading's text.
 */
bool scr_render_heading_bookmark(const scr_render *r, cmark_node *heading,
                                 char out[SCR_ANCHOR_BOOKMARK_MAX]);

/* These three keep the sink's first error, as its ops do, and return it. */
/** Write a C string as one run of text. */
scr_error scr_sink_text(scr_sink *sink, const char *text, unsigned flags);
/** A paragraph holding one plain run. */
scr_error scr_sink_para(scr_sink *sink, scr_para_style style, const char *text);
/** A heading holding one plain run. */
scr_error scr_sink_heading(scr_sink *sink, int level, const char *text);

#endif
