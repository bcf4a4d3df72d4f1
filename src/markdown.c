/* cmark-gfm set up once and run safely from two threads. */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/*
 * Sources may be parsed on two threads at once (ahead.c). cmark-gfm 0.29
 * keeps one table of the characters that start inline syntax for the whole
 * process: finishing a parse marks its extensions' characters in it, parses
 * the inlines, and clears them again, so two parsers finishing together
 * would lose each other's strikethrough and autolinks. Finishing is
 * therefore one parser at a time; the block parsing before it, the larger
 * part, runs on both threads. Registering the extensions, once, writes the
 * library's registry, and is done before any parse.
 */
static pthread_once_t extensions_registered = PTHREAD_ONCE_INIT;
static pthread_mutex_t finishing = PTHREAD_MUTEX_INITIALIZER;

cmark_node *scr_parse_markdown(const char *text, size_t len) {
  pthread_once(&extensions_registered,
               cmark_gfm_core_extensions_ensure_registered);
  int options = CMARK_OPT_FOOTNOTES;
  cmark_parser *parser = cmark_parser_new(options);
  if (!parser)
    return NULL;
  static const char *const extensions[] = {"table", "strikethrough",
                                           "autolink"};
  for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
    cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
    if (ext)
      cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, text, len);
  pthread_mutex_lock(&finishing);
  cmark_node *doc = cmark_parser_finish(parser);
  pthread_mutex_unlock(&finishing);
  cmark_parser_free(parser);
  return doc;
}

/* ---- footnote references without a note ---------------------------------
 */

/* The length of a footnote label at `s` (after "[^") up to its "]", as
   cmark-gfm reads one: no spaces or brackets, at most 200 bytes here; 0
   when there is none. */
static size_t footnote_label_length(const char *s) {
  size_t n = 0;
  while (n <= 200 && s[n] && !strchr(" \t\n[]", s[n]))
    n++;
  return n > 0 && n <= 200 && s[n] == ']' ? n : 0;
}

/* Where the lines of a body begin, found as they are asked for. */
typedef struct body_lines {
  const char *text;
  size_t len;
  int line;  /* the line `at` begins, 1-based */
  size_t at; /* its offset in text */
} body_lines;

/* The offset where `line` of the body begins, or len when it has none. */
static size_t line_offset(body_lines *b, int line) {
  if (line < b->line) {
    b->line = 1;
    b->at = 0;
  }
  while (b->line < line && b->at < b->len) {
    const char *nl = memchr(b->text + b->at, '\n', b->len - b->at);
    b->at = nl ? (size_t)(nl - b->text) + 1 : b->len;
    b->line++;
  }
  return b->line == line ? b->at : b->len;
}

/* The written text of one line of the body, searched from `at` on. */
typedef struct written_line {
  const char *text;
  size_t start, stop, at;
} written_line;

static written_line line_from(body_lines *b, int line, int col) {
  size_t start = line_offset(b, line);
  const char *end = memchr(b->text + start, '\n', b->len - start);
  size_t stop = end ? (size_t)(end - b->text) : b->len;
  size_t at = start + (size_t)(col > 0 ? col - 1 : 0);
  return (written_line){b->text, start, stop, at < stop ? at : stop};
}

/*
 * Where the next `ref` ("[^3]") is written on the line: its column, -1
 * when it is written escaped (`\[^3]`, meant as text), or 0 when it is not
 * there as written (a character reference, `&#91;^3]`).
 */
static int next_written(written_line *w, const char *ref) {
  size_t rlen = strlen(ref);
  for (size_t i = w->at; i + rlen <= w->stop; i++)
    if (memcmp(w->text + i, ref, rlen) == 0) {
      w->at = i + rlen;
      bool escaped = i > w->start && w->text[i - 1] == '\\';
      return escaped ? -1 : (int)(i - w->start) + 1;
    }
  return 0;
}

/* A reference the line does not have as written: looked for once. */
#define MAX_UNWRITTEN 8

static bool among(const char *const *refs, size_t n, const char *s,
                  size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strncmp(refs[i], s, len) == 0)
      return true;
  return false;
}

/* Every "[^label]" left as text in one text node, said where written: the
   node's references are written in its order on its line. */
static void warn_in_text(cmark_node *n, body_lines *b, const char *path,
                         int body_line, scr_diags *diags) {
  const char *lit = cmark_node_get_literal(n);
  const char *s = lit ? strstr(lit, "[^") : NULL;
  int line = cmark_node_get_start_line(n);
  written_line w = {0};
  if (s)
    w = line_from(b, line, cmark_node_get_start_column(n));
  const char *unwritten[MAX_UNWRITTEN];
  size_t n_unwritten = 0;
  for (; s; s = strstr(s + 2, "[^")) {
    size_t label = footnote_label_length(s + 2);
    if (!label || among(unwritten, n_unwritten, s, label + 3))
      continue;
    char ref[208];
    snprintf(ref, sizeof ref, "%.*s", (int)label + 3, s);
    written_line from = w;
    int col = next_written(&w, ref);
    if (col == 0) {
      /* made by a character reference: the rest are where they were */
      w = from;
      if (n_unwritten == MAX_UNWRITTEN)
        break;
      unwritten[n_unwritten++] = s;
    } else if (col > 0) {
      scr_warn_at(diags, path, line + body_line - 1, col,
                  "footnote %s has no note, so it shows as '%s' as written: "
                  "add the note as a line of its own, '%s: the note's text', "
                  "or take the reference out",
                  ref, ref, ref);
    }
  }
}

void scr_warn_undefined_footnotes(cmark_node *doc, const char *body, size_t len,
                                  const char *path, int body_line,
                                  scr_diags *diags) {
  /* cmark-gfm makes a reference of a "[^label]" whose note is defined;
     one whose note is not stays as text */
  body_lines b = {body, len, 1, 0};
  cmark_iter *it = cmark_iter_new(doc);
  if (!it) {
    diags->out_of_memory = 1;
    return;
  }
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT)
      warn_in_text(n, &b, path, body_line, diags);
  }
  cmark_iter_free(it);
}
