/* The direction a Markdown block reads in. */
#include "bidi.h"

#include <string.h>

static scr_dir literal_dir(cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  return lit ? scr_text_dir(lit, strlen(lit)) : SCR_DIR_NEUTRAL;
}

scr_dir scr_block_dir(cmark_node *block) {
  if (cmark_node_get_type(block) == CMARK_NODE_HTML_BLOCK)
    return literal_dir(block);
  /* most blocks open with text that has a letter: no walk needed */
  cmark_node *first = cmark_node_first_child(block);
  scr_dir lead = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
                     ? literal_dir(first)
                     : SCR_DIR_NEUTRAL;
  if (lead != SCR_DIR_NEUTRAL)
    return lead;
  cmark_iter *it = cmark_iter_new(block);
  if (!it)
    return SCR_DIR_NEUTRAL;
  scr_dir dir = SCR_DIR_NEUTRAL;
  int in_image = 0; /* an image's description is not shown as text */
  cmark_event_type ev;
  while (dir == SCR_DIR_NEUTRAL &&
         (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_IMAGE)
      in_image += ev == CMARK_EVENT_ENTER ? 1 : -1;
    else if (!in_image && ev == CMARK_EVENT_ENTER &&
             (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE))
      dir = literal_dir(n);
  }
  cmark_iter_free(it);
  return dir;
}
