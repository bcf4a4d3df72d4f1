/*
 * The ODT writer's lists (see odt_writer.c for the model): text:list
 * elements, their items, and closing and reopening them around a table.
 */
#include "odt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The innermost list the composer may work on: inside a table, only lists
   begun in the current cell. NULL when there is none. */
static odt_list *current_list(odt_writer *w) {
  size_t floor = w->table.open ? w->table.list_base : 0;
  return w->nlists > floor ? &w->lists[w->nlists - 1] : NULL;
}

/* List items and headers are opened with raw markup (their names are
   constant; the text:list around them, which xmlTextWriter opened, keeps
   their text escaped), except an ordered list's first, whose start value
   is a number. Like a paragraph's (odt_spaces), a raw item's start tag is
   held back until its first content, so that an empty item is one empty
   element, as xmlTextWriter writes it. */
/* The raw tags of an item or header: start, end, and empty. */
static const struct {
  const char *start, *end, *empty;
} RAW_ITEM[] = {
    [ITEM_ITEM] = {"<text:list-item>", "</text:list-item>",
                   "<text:list-item/>"},
    [ITEM_HEADER] = {"<text:list-header>", "</text:list-header>",
                     "<text:list-header/>"},
};

static bool raw_item(item_xml kind) {
  return kind == ITEM_ITEM || kind == ITEM_HEADER;
}

static void raw_tag(odt_writer *w, const char *tag) {
  scr_xmlw_raw(&w->body, tag, strlen(tag));
}

void scr_odt_settle_item(odt_writer *w) {
  if (raw_item(w->held_item))
    raw_tag(w, RAW_ITEM[w->held_item].start);
  w->held_item = ITEM_CLOSED;
}

static void open_item(odt_writer *w, odt_list *l, item_xml kind) {
  scr_odt_settle_item(w);
  l->item_xml = kind;
  if (kind == ITEM_NUMBERED) {
    scr_xmlw_start(&w->body, "text:list-item");
    scr_xmlw_attr_int(&w->body, "text:start-value", l->start);
  } else {
    w->held_item = kind;
  }
}

/* Only the innermost item can be held: anything written in it settles
   it. */
static void close_item(odt_writer *w, odt_list *l) {
  bool held = w->held_item != ITEM_CLOSED;
  if (l->item_xml == ITEM_NUMBERED)
    scr_xmlw_end(&w->body);
  else if (raw_item(l->item_xml))
    raw_tag(w, held ? RAW_ITEM[l->item_xml].empty : RAW_ITEM[l->item_xml].end);
  w->held_item = ITEM_CLOSED;
  l->item_xml = ITEM_CLOSED;
}

static void start_list_element(odt_writer *w, const odt_list *l) {
  scr_odt_settle_item(w);
  scr_xmlw_start(&w->body, "text:list");
  scr_xmlw_attr(&w->body, "text:style-name",
                l->ordered ? ODT_AUTO_LIST_NUMBER : ODT_AUTO_LIST_BULLET);
  if (l->continued)
    scr_xmlw_attr(&w->body, "text:continue-numbering", "true");
}

/* Reopen what a table closed. An interrupted item goes on as a list
   header when a paragraph follows (no label, not counted); as an item
   holding only a nested list otherwise, which shows no label either. */
void scr_odt_reopen_lists(odt_writer *w, bool for_paragraph) {
  /* Lists around a table stay closed until the table ends; lists inside
     its cells are never closed. */
  size_t first = w->table.open ? w->table.list_base : 0;
  for (size_t i = first; i < w->nlists; i++) {
    odt_list *l = &w->lists[i];
    if (!l->open) {
      start_list_element(w, l);
      l->open = true;
    }
    if (l->item && l->item_xml == ITEM_CLOSED) {
      bool header = for_paragraph && i + 1 == w->nlists;
      open_item(w, l, header ? ITEM_HEADER : ITEM_ITEM);
    }
  }
}

/* Close every open list element, innermost first, for a table. */
void scr_odt_suspend_lists(odt_writer *w) {
  for (size_t i = w->nlists; i-- > 0;) {
    odt_list *l = &w->lists[i];
    close_item(w, l);
    if (l->open)
      scr_xmlw_end(&w->body);
    l->open = false;
    l->continued = true;
  }
}

scr_error scr_odt_begin_list(void *self, bool ordered, int start) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w))
    return odt_fail(w, SCR_E_USAGE);
  if (scr_reserve(&w->lists, &w->caplists, w->nlists + 1, sizeof *w->lists))
    return odt_fail(w, SCR_E_NOMEM);
  scr_odt_reopen_lists(w, false);
  odt_list l = {.ordered = ordered, .start = start < 0 ? 0 : start};
  start_list_element(w, &l);
  l.open = true;
  w->lists[w->nlists++] = l;
  if (ordered)
    w->autos.list_number = true;
  else
    w->autos.list_bullet = true;
  return odt_status(w);
}

scr_error scr_odt_end_list(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_list *l = current_list(w);
  if (!l || odt_in_block(w) || l->item)
    return odt_fail(w, SCR_E_USAGE);
  if (l->open)
    scr_xmlw_end(&w->body);
  w->nlists--;
  return odt_status(w);
}

/* Every ordered list states its start on its first item, so it never
   continues the numbering of the list before it. */
scr_error scr_odt_begin_item(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_list *l = current_list(w);
  if (!l || odt_in_block(w) || l->item)
    return odt_fail(w, SCR_E_USAGE);
  scr_odt_reopen_lists(w, false);
  open_item(w, l, l->ordered && !l->numbered ? ITEM_NUMBERED : ITEM_ITEM);
  l->numbered = true;
  l->item = true;
  return odt_status(w);
}

scr_error scr_odt_end_item(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  odt_list *l = current_list(w);
  if (!l || odt_in_block(w) || !l->item)
    return odt_fail(w, SCR_E_USAGE);
  close_item(w, l);
  l->item = false;
  return odt_status(w);
}
