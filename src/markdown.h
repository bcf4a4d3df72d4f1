/* The Markdown parser every source's body goes through. */
#ifndef SCR_MARKDOWN_H
#define SCR_MARKDOWN_H

#include <cmark-gfm.h>
#include <stddef.h>

/**
 * Markdown as every source's body is parsed: CommonMark with GFM tables,
 * strikethrough, autolinks and footnotes. NULL when out of memory; free
 * with cmark_node_free. Safe to call from several threads.
 */
cmark_node *scr_parse_markdown(const char *text, size_t len);

#endif
