/* The Markdown parser every source's body goes through. */
#ifndef SCR_MARKDOWN_H
#define SCR_MARKDOWN_H

#include "diag.h"

#include <cmark-gfm.h>
#include <stddef.h>

/**
 * Markdown as every source's body is parsed: CommonMark with GFM tables,
 * strikethrough, autolinks and footnotes. NULL when out of memory; free
 * with cmark_node_free. Safe to call from several threads.
 */
cmark_node *scr_parse_markdown(const char *text, size_t len);

/**
 * A footnote reference whose note is not defined (`[^3]` and no `[^3]:`
 * line) is left as text by the parser: a warning at each one written, at
 * its line and column of `path`, whose body (`body`, `len` bytes, parsed
 * as `doc`) begins on line `body_line`.
 */
void scr_warn_undefined_footnotes(cmark_node *doc, const char *body, size_t len,
                                  const char *path, int body_line,
                                  scr_diags *diags);

#endif
