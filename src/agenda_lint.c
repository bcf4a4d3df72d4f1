/* Mistakes in an agenda that would otherwise pass without a word. */
#include "agenda_lint.h"
#include "report.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- an item's own number ------------------------------------------------ */

/* The length of a number opening a title ("1. ", "12) "), or 0: digits, a
   full stop or bracket, a space, and then a title (`more`: the title goes
   on after this text, as in "1. *Apologies*"). */
static size_t own_number_length(const char *s, bool more) {
  size_t i = 0;
  while (i < 3 && isdigit((unsigned char)s[i]))
    i++;
  if (i == 0 || (s[i] != '.' && s[i] != ')') || s[i + 1] != ' ')
    return 0;
  i += 1;
  while (s[i] == ' ')
    i++;
  return s[i] || more ? i : 0;
}

void scr_item_drop_own_number(const scr_source *src, scr_item *item,
                              scr_diags *diags) {
  cmark_node *text = cmark_node_first_child(item->heading);
  if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT)
    return;
  const char *lit = cmark_node_get_literal(text);
  size_t len = lit ? own_number_length(lit, cmark_node_next(text)) : 0;
  if (!len)
    return;
  char *number = scr_strndup(lit, len), *rest = scr_strdup(lit + len);
  /* the pack numbers items itself: "1. 1. Apologies" otherwise */
  bool set = number && rest && cmark_node_set_literal(text, rest);
  free(rest);
  if (!set) {
    free(number);
    diags->out_of_memory = 1;
    return;
  }
  char *title = scr_node_text(item->heading);
  scr_warn_at(diags, src->path, item->line, cmark_node_get_start_column(text),
              "item %d's heading starts with the number '%.*s': items are "
              "numbered for you, so write '## %s' (the pack leaves the "
              "number out)",
              item->number, (int)strcspn(number, " "), number,
              title ? title : "");
  free(title);
  free(number);
}

/* ---- headings below item level ----------------------------------------- */

static void warn_subheading(const scr_agenda *ag, cmark_node *h,
                            const scr_item *before, scr_diags *diags) {
  int level = cmark_node_get_heading_level(h);
  char *title = scr_node_text(h);
  if (!title) {
    diags->out_of_memory = 1;
    return;
  }
  char where[64];
  if (before)
    snprintf(where, sizeof where, "item %d's text", before->number);
  else
    snprintf(where, sizeof where, "the text before the first item");
  scr_warn_at(diags, ag->src->path, scr_source_line(ag->src, h), 1,
              "'%.*s %s' is not an agenda item: items are `##` headings, and "
              "a level %d heading becomes part of %s; write '## %s' to make "
              "it an item of its own",
              level, "######", title, level, where, title);
  free(title);
}

void scr_agenda_warn_subheadings(const scr_agenda *ag, scr_diags *diags) {
  const scr_item *before = NULL;
  size_t next = 0;
  for (cmark_node *n = cmark_node_first_child(ag->src->doc); n;
       n = cmark_node_next(n)) {
    if (next < ag->n_items && ag->items[next].heading == n) {
      before = &ag->items[next++];
      continue;
    }
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(n) > 2)
      warn_subheading(ag, n, before, diags);
  }
}

/* ---- report files no agenda includes ----------------------------------- */

static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* A file of a kind an appendix is; not the owner file Word keeps beside a
   document while it is open ("~$port.docx"). */
static bool names_report(const char *name) {
  return strncmp(name, "~$", 2) != 0 &&
         (ends_with(name, ".md") || scr_report_is_office(name) ||
          scr_report_is_pdf(name));
}

static bool included_anywhere(const scr_agenda *list, size_t n,
                              const char *real) {
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < list[i].n_appendices; k++)
      if (strcmp(list[i].appendices[k].real, real) == 0)
        return true;
  return false;
}

/* Reports per meeting's folder; far beyond any meeting's pack. */
#define MAX_FOLDER_FILES 10000

static scr_error warn_unlinked_in(const scr_agenda *ag, const scr_agenda *list,
                                  size_t n, scr_diags *diags) {
  /* agendas/2026-06-17.md keeps its reports in agendas/2026-06-17/ */
  const char *path = ag->src->path;
  char *dir = scr_strndup(path, strlen(path) - 3);
  char *meeting = scr_path_stem(path);
  char **files = NULL;
  size_t count = 0;
  scr_error err =
      dir && meeting
          ? scr_list_files(dir, names_report, MAX_FOLDER_FILES, &files, &count)
          : SCR_E_NOMEM;
  for (size_t i = 0; !err && i < count; i++) {
    char *real = realpath(files[i], NULL);
    if (!real || included_anywhere(list, n, real)) {
      free(real);
      continue;
    }
    free(real);
    const char *name = strrchr(files[i], '/') + 1;
    scr_warn_at(diags, files[i], 0, 0,
                "this report is in the folder of the meeting of %s, but no "
                "agenda includes it: link it from its item in %s as "
                "[Appendix](%s/%s), or move it out of the folder if it is "
                "not for this meeting",
                meeting, path, meeting, name);
  }
  scr_free_list(files, count);
  free(meeting);
  free(dir);
  return err;
}

scr_error scr_agendas_warn_unlinked_reports(const scr_agenda *list, size_t n,
                                            scr_diags *diags) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < n; i++)
    if (list[i].src && ends_with(list[i].src->path, ".md"))
      err = warn_unlinked_in(&list[i], list, n, diags);
  return err;
}
