/*
 * Raw HTML in Markdown. Agenda papers are not web pages, so the documents
 * show raw HTML as the text it is: `<angle brackets>` in a sentence are
 * words in angle brackets. These helpers say what such text holds:
 * comments (notes to the author, never shown), `<br>`, `<sup>` and
 * `<sub>` tags (the tags authors use for layout: a line break, raised
 * and lowered text, as in m<sup>2</sup>), and tags of HTML elements
 * (markup an author may have meant, which `check` points out).
 */
#ifndef SCR_RAWHTML_H
#define SCR_RAWHTML_H

#include "util.h"

#include <stdbool.h>
#include <stddef.h>

/** Longest element name the helpers report, with its NUL. */
#define SCR_HTML_NAME_MAX 16

/**
 * Length of the comment (`<!-- ... -->`) that `s` (`n` bytes) starts, or 0
 * when it starts none. A comment never closed runs to the end.
 */
size_t scr_html_comment_len(const char *s, size_t n);

/** Length of the line-break tag (`<br>`, `<br/>`, `<BR class="x">`) that
    `s` starts, or 0. */
size_t scr_html_break_len(const char *s, size_t n);

/**
 * Length of the tag of a known HTML element that `s` starts (`<b>`,
 * `</td>`, `<span style="...">`), or 0 when it is no such tag: `<angle
 * brackets>` is not one. The element's name, in lower case, goes to `name`
 * (SCR_HTML_NAME_MAX bytes), and whether the tag closes it to `*closing`.
 */
size_t scr_html_element_tag(const char *s, size_t n, char *name, bool *closing);

/**
 * What a comment standing alone in a block says of the pages, which no
 * Markdown can: 1 for `<!-- landscape -->` (the pages from the next block
 * on are landscape, as a report's own landscape section is), -1 for
 * `<!-- portrait -->` (portrait again), 0 for any other text.
 */
int scr_html_orientation(const char *s, size_t n);

/** Whether the documents honour element `name` (lower case): `br` a line
    break, `sup` and `sub` raised and lowered text, which Markdown has no
    way to write. Other elements are shown as the text they are. */
bool scr_html_is_honoured(const char *name);

/** What to write in Markdown instead of the known element `name`, said
    for a diagnostic ("**bold**" for b). */
const char *scr_html_markdown_for(const char *name);

/**
 * Raw HTML as the documents show it, appended to `out`: its comments left
 * out and the whitespace around what remains trimmed (empty when there
 * was nothing but comments).
 */
scr_error scr_html_visible(const char *s, size_t n, scr_buf *out);

#endif
