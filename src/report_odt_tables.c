/*
 * A LibreOffice report's repeated rows and cells: the empty ones that fill
 * a sheet's width or length, left out, and how often to repeat the rest
 * within a budget. The walk of tables calls in (report_odt.c).
 */
#include "report_odt.h"

#include <stdlib.h>
#include <string.h>

/* A row or cell repeated more often than this is repeated this often. */
#define MAX_REPEATS 1000

/* Whether a cell or row shows nothing: empty paragraphs at most. */
static bool empty(const xmlNode *n) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      for (const xmlChar *s = c->content; s && *s; s++)
        if (!odt_is_space((char)*s))
          return false;
    } else if (c->type == XML_ELEMENT_NODE && !odt_is(c, NS_TEXT, "p") &&
               !odt_is(c, NS_TABLE, "table-cell") &&
               !odt_is(c, NS_TABLE, "covered-table-cell")) {
      return false;
    } else if (c->type == XML_ELEMENT_NODE && !empty(c)) {
      return false;
    }
  }
  return true;
}

/* The nodes under `n`, counted up to `limit`. */
static long nodes_in(const xmlNode *n, long limit) {
  long count = 1;
  for (xmlNodePtr c = n->children; c && count < limit; c = c->next)
    count += nodes_in(c, limit - count);
  return count;
}

int odt_repeats(odt_walk *w, const xmlNode *n, int repeat) {
  if (repeat <= 1)
    return 1;
  if (repeat > MAX_REPEATS)
    repeat = MAX_REPEATS;
  long size = nodes_in(n, w->repeat_budget + 1);
  long again = size ? w->repeat_budget / size : 0;
  if (again < repeat - 1)
    repeat = (int)again + 1;
  w->repeat_budget -= (long)(repeat - 1) * size;
  return repeat;
}

const xmlNode *odt_filling(const xmlNode *parent, const char *count_attr) {
  const xmlNode *start = NULL;
  for (xmlNodePtr n = parent->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (odt_int_attr(n, NS_TABLE, count_attr, 1) > 1 && empty(n))
      start = start ? start : n;
    else
      start = NULL;
  }
  return start;
}
