/* The direction a Markdown block reads in, from its text. */
#ifndef SCR_BIDI_H
#define SCR_BIDI_H

#include "script.h"

#include <cmark-gfm.h>

/**
 * The direction of the first strong character of the text `block` shows
 * (UAX #9 P2): its text, code spans, links' text and, for an HTML block,
 * its literal. Pictures and inline HTML tags show no text of their own.
 * SCR_DIR_NEUTRAL when nothing in it is strong.
 */
scr_dir scr_block_dir(cmark_node *block);

#endif
