/* The work programme: meetings and their items, and the forward plan. */
#include "ahead.h"
#include "attrs.h"
#include "model.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct item_ctx {
  scr_wp_item *item;
  const char *path;
  scr_diags *diags;
  bool failed;
} item_ctx;

static bool push_string(char ***list, size_t *n, size_t *cap, const char *s) {
  if (scr_reserve(list, cap, *n + 1, sizeof **list))
    return false;
  return ((*list)[*n] = scr_strdup(s)) ? ((*n)++, true) : false;
}

static void apply_item_attribute(void *ctx, const char *key, const char *value,
                                 int line, int col) {
  item_ctx *a = ctx;
  (void)key; /* answers, the only one */
  (void)line;
  (void)col;
  /* answers=222.1,223.2 answers several actions */
  char *copy = scr_strdup(value);
  for (char *save = NULL, *id = copy ? strtok_r(copy, ",", &save) : NULL; id;
       id = strtok_r(NULL, ",", &save))
    if (!push_string(&a->item->answers, &a->item->n_answers,
                     &a->item->cap_answers, id))
      a->failed = true;
  free(copy);
}

/* "Label: rest" when the text starts with the label (any case). */
static const char *after_label(const char *text, const char *label) {
  size_t n = strlen(label);
  if (strncasecmp(text, label, n) != 0 || text[n] != ':')
    return NULL;
  const char *s = text + n + 1;
  while (*s == ' ')
    s++;
  return s;
}

static scr_error read_item(const scr_workprogramme *wp, cmark_node *li,
                           scr_wp_item *item, scr_attr_place *place,
                           scr_diags *diags) {
  *item = (scr_wp_item){.line = scr_source_line(wp->src, li)};
  cmark_node *first = cmark_node_first_child(li);
  item_ctx a = {item, wp->src->path, diags, false};
  if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
    scr_take_attributes(first, scr_fields(SCR_FIELDS_WP_ITEM),
                        apply_item_attribute, &a, place);
  item->title = first ? scr_node_text(first) : scr_strdup("");
  if (!item->title || a.failed)
    return SCR_E_NOMEM;
  for (cmark_node *sub = cmark_node_next(first); sub;
       sub = cmark_node_next(sub)) {
    if (cmark_node_get_type(sub) != CMARK_NODE_LIST)
      continue;
    for (cmark_node *s = cmark_node_first_child(sub); s;
         s = cmark_node_next(s)) {
      char *text = scr_node_text(s);
      if (!text)
        return SCR_E_NOMEM;
      const char *progress = after_label(text, "Progress");
      const char *proposed = after_label(text, "Proposed date");
      bool ok = true;
      if (progress) {
        free(item->progress);
        ok = (item->progress = scr_strdup(progress)) != NULL;
        item->done = strncasecmp(progress, "done", 4) == 0 &&
                     !isalpha((unsigned char)progress[4]);
      } else if (proposed) {
        free(item->proposed_date);
        ok = (item->proposed_date = scr_strdup(proposed)) != NULL;
      } else {
        ok = push_string(&item->actions, &item->n_actions, &item->cap_actions,
                         text);
      }
      free(text);
      if (!ok)
        return SCR_E_NOMEM;
    }
  }
  return SCR_OK;
}

/* Append the items of the list after a heading to `items`: a second
   "Forward plan" heading adds to the first. */
static scr_error read_items(const scr_workprogramme *wp, cmark_node *heading,
                            scr_wp_item **items, size_t *n, size_t *cap,
                            scr_attr_place *place, scr_diags *diags) {
  scr_error err = SCR_OK;
  for (cmark_node *b = cmark_node_next(heading);
       !err && b && cmark_node_get_type(b) != CMARK_NODE_HEADING;
       b = cmark_node_next(b)) {
    if (cmark_node_get_type(b) != CMARK_NODE_LIST)
      continue;
    for (cmark_node *li = cmark_node_first_child(b); !err && li;
         li = cmark_node_next(li)) {
      if (scr_reserve(items, cap, *n + 1, sizeof **items))
        return SCR_E_NOMEM;
      err = read_item(wp, li, &(*items)[*n], place, diags);
      (*n)++;
    }
  }
  return err;
}

static scr_error read_headings(const scr_workspace *ws, scr_workprogramme *wp,
                               scr_diags *diags) {
  scr_error err = SCR_OK;
  scr_attr_place place;
  scr_attr_place_init(&place, wp->src, diags, "work-programme item");
  for (cmark_node *h = cmark_node_first_child(wp->src->doc); !err && h;
       h = cmark_node_next(h)) {
    if (cmark_node_get_type(h) != CMARK_NODE_HEADING ||
        cmark_node_get_heading_level(h) != 2)
      continue;
    char *text = scr_node_text(h);
    if (!text)
      return SCR_E_NOMEM;
    int line = scr_source_line(wp->src, h);
    scr_date d;
    if (strcasecmp(text, "Forward plan") == 0) {
      err = read_items(wp, h, &wp->forward, &wp->n_forward, &wp->cap_forward,
                       &place, diags);
    } else if (scr_date_parse_words(text, &d)) {
      if (!scr_committee_meets(&ws->committee, d))
        scr_error_at(diags, wp->src->path, line, 4,
                     "'%s' is not one of the committee's meetings (see "
                     "'meetings' in %s)",
                     text, ws->committee.src->path);
      if (scr_reserve(&wp->meetings, &wp->cap_meetings, wp->n_meetings + 1,
                      sizeof *wp->meetings)) {
        free(text);
        return SCR_E_NOMEM;
      }
      scr_wp_meeting *m = &wp->meetings[wp->n_meetings++];
      *m = (scr_wp_meeting){.date = d, .line = line};
      err = read_items(wp, h, &m->items, &m->n_items, &m->cap_items, &place,
                       diags);
    } else {
      scr_error_at(diags, wp->src->path, line, 4,
                   "a work-programme heading is a meeting date, like "
                   "'## 8 September 2026', or '## Forward plan', not '%s'",
                   text);
    }
    free(text);
  }
  return err;
}

scr_error scr_workprogramme_load(const scr_workspace *ws, scr_workprogramme *wp,
                                 scr_diags *diags) {
  *wp = (scr_workprogramme){0};
  char *path = scr_path_join(ws->root, "agendas/workprogramme.md");
  if (!path)
    return SCR_E_NOMEM;
  struct stat st;
  if (stat(path, &st) != 0 && errno == ENOENT) {
    free(path);
    return SCR_OK; /* a committee may have no work programme yet */
  }
  size_t before = diags->errors;
  wp->src = scr_ahead_take(ws->ahead, path, false, diags);
  free(path);
  if (!wp->src)
    return SCR_E_SOURCE;
  scr_meta_check_keys(wp->src, SCR_FIELDS_WORKPROGRAMME, diags);
  const char *title = scr_meta_string(wp->src->meta, "title");
  wp->title = scr_strdup(title ? title : "Work programme");
  scr_error err = wp->title ? read_headings(ws, wp, diags) : SCR_E_NOMEM;
  if (err)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

static void item_free(scr_wp_item *it) {
  free(it->title);
  free(it->progress);
  free(it->proposed_date);
  for (size_t i = 0; i < it->n_actions; i++)
    free(it->actions[i]);
  for (size_t i = 0; i < it->n_answers; i++)
    free(it->answers[i]);
  free(it->actions);
  free(it->answers);
}

void scr_workprogramme_free(scr_workprogramme *wp) {
  for (size_t i = 0; i < wp->n_meetings; i++) {
    for (size_t k = 0; k < wp->meetings[i].n_items; k++)
      item_free(&wp->meetings[i].items[k]);
    free(wp->meetings[i].items);
  }
  for (size_t i = 0; i < wp->n_forward; i++)
    item_free(&wp->forward[i]);
  free(wp->meetings);
  free(wp->forward);
  scr_source_free(wp->src);
  free(wp->title);
  *wp = (scr_workprogramme){0};
}
