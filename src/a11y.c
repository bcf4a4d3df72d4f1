/* Accessibility checks, and how the text is written: one walk of each
   source's Markdown tree. */
#include "a11y.h"
#include "dates.h"
#include "rawhtml.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Link text that says nothing about where the link goes. */
static const char *const VAGUE_LINK_TEXT[] = {
    "click here", "here", "link", "this link", "read more", "more", NULL};

/* Link text that is a web address when it starts with one of these. */
static const char *const URL_STARTS[] = {"http://", "https://", "ftp://",
                                         "www.", NULL};

void scr_a11y_init(scr_a11y *a, scr_diags *diags, bool strict) {
  *a = (scr_a11y){.diags = diags, .strict = strict};
}

void scr_a11y_free(scr_a11y *a) {
  scr_free_list(a->seen, a->n_seen);
  *a = (scr_a11y){0};
}

/* ---- text ---------------------------------------------------------------- */

static bool is_blank(const char *s) {
  for (; s && *s; s++)
    if (!isspace((unsigned char)*s))
      return false;
  return true;
}

/*
 * Link text as a reader would compare it, in place: whitespace runs made one
 * space, leading and trailing space and trailing punctuation (". : ! ?" and
 * "…") dropped.
 */
static char *normalise_link_text(char *s) {
  size_t w = 0;
  for (size_t r = 0; s[r]; r++) {
    bool space = isspace((unsigned char)s[r]);
    if (space && (w == 0 || s[w - 1] == ' '))
      continue;
    s[w++] = space ? ' ' : s[r];
  }
  s[w] = '\0';
  for (;;) {
    if (w >= 3 && strcmp(s + w - 3, "\xE2\x80\xA6") == 0)
      w -= 3;
    else if (w > 0 && (ispunct((unsigned char)s[w - 1]) || s[w - 1] == ' '))
      w--;
    else
      break;
    s[w] = '\0';
  }
  return s;
}

static bool is_vague(const char *text) {
  for (const char *const *v = VAGUE_LINK_TEXT; *v; v++)
    if (strcasecmp(text, *v) == 0)
      return true;
  return false;
}

static bool is_web_address(const char *text) {
  if (strchr(text, ' '))
    return false;
  for (const char *const *u = URL_STARTS; *u; u++)
    if (strncasecmp(text, *u, strlen(*u)) == 0)
      return true;
  return false;
}

/* "###" for level 3. */
static const char *hashes(int level) {
  static const char HASHES[] = "######";
  return HASHES + 6 - (level < 1 ? 1 : level > 6 ? 6 : level);
}

/* A heading level as its author writes it: "###" in Markdown, the style
   "Heading 3" in a Word or LibreOffice report. */
static const char *level_name(const scr_source *src, int level) {
  static const char *const STYLES[] = {"Heading 1", "Heading 2", "Heading 3",
                                       "Heading 4", "Heading 5", "Heading 6"};
  int l = level < 1 ? 1 : level > 6 ? 6 : level;
  return src->embedded ? STYLES[l - 1] : hashes(l);
}

/* ---- lines --------------------------------------------------------------- */

/*
 * Where each line of a source's file starts, so that finding a line's text
 * costs the same wherever the line is: one pass over the file builds it,
 * where walking from the top for every link made a long report's links take
 * time in the square of its size.
 */
typedef struct line_table {
  size_t *starts; /* line l (1-based) at starts[l - 1]; NULL: not built */
  size_t n;       /* lines: the newlines plus one */
  size_t len;     /* the text's length */
} line_table;

/* Build the table of `text`; false when out of memory. The caller frees
   t->starts. */
static bool line_table_build(line_table *t, const char *text, size_t len) {
  size_t n = 1;
  for (const char *p = text, *end = text + len;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    n++;
  size_t *starts = malloc(n * sizeof *starts);
  if (!starts)
    return false;
  starts[0] = 0;
  size_t k = 1;
  for (const char *p = text, *end = text + len;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    starts[k++] = (size_t)(p - text) + 1;
  *t = (line_table){starts, n, len};
  return true;
}

/* ---- places -------------------------------------------------------------- */

typedef struct place {
  int line, col; /* col 0: unknown */
} place;

/*
 * Where a node starts in the body, as cmark-gfm counts lines. Its autolink
 * extension gives the links it finds in plain text no position; such a link
 * starts where the inline before it ends, or on the line after the line
 * breaks before it, or where its block starts.
 */
static place body_place(cmark_node *n) {
  int breaks = 0;
  place at = {0, 0};
  cmark_node *p = n;
  for (; p; p = cmark_node_previous(p)) {
    cmark_node_type t = cmark_node_get_type(p);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      breaks++;
      continue;
    }
    if (cmark_node_get_start_line(p) <= 0)
      continue;
    at.line = cmark_node_get_start_line(p);
    at.col = cmark_node_get_start_column(p);
    if (p != n && t == CMARK_NODE_TEXT) {
      const char *lit = cmark_node_get_literal(p);
      at.col += lit ? (int)strlen(lit) : 0;
    } else if (p != n) {
      at.line = cmark_node_get_end_line(p);
      at.col = cmark_node_get_end_column(p) + 1;
    }
    break;
  }
  if (!p && cmark_node_parent(n))
    at = body_place(cmark_node_parent(n));
  if (breaks && at.line > 0)
    at = (place){at.line + breaks, 0};
  return at;
}

/* Where a node starts in the file. */
static place place_of(const scr_source *src, cmark_node *n) {
  /* a Word or LibreOffice report's lines are those of its Markdown, not
     the file's: the file is named alone */
  if (src->embedded)
    return (place){0, 0};
  place at = body_place(n);
  if (at.line > 0)
    return (place){at.line + src->body_line - 1, at.col};
  return (place){src->body_line, 0};
}

/* One source's walk. */
typedef struct walk {
  scr_a11y *a;
  const scr_source *src;
  bool report;         /* an officer's paper: its times are not checked */
  cmark_node *heading; /* the last heading seen, or NULL */
  line_table lines;    /* the source's lines, built for its first link */
  size_t suggested;    /* links to no heading given a "did you mean" */
  bool nomem;
} walk;

/*
 * The file text of line `line` (1-based; before the first, the first), up to
 * its newline; NULL past the last line, or with the walk's memory failure
 * noted when the table could not be built.
 */
static const char *line_text(walk *w, int line, size_t *len) {
  const char *text = w->src->text;
  line_table *t = &w->lines;
  if (!text)
    return NULL;
  /* lines as the C string has them: a loaded source holds no NUL byte,
     so that is the whole text */
  if (!t->starts && !line_table_build(t, text, strlen(text))) {
    w->nomem = true;
    return NULL;
  }
  size_t l = line < 1 ? 0 : (size_t)line - 1;
  if (l >= t->n)
    return NULL;
  size_t end = l + 1 < t->n ? t->starts[l + 1] - 1 : t->len;
  *len = end - t->starts[l];
  return text + t->starts[l];
}

/*
 * A link written as plain text and found by cmark-gfm's autolink extension
 * has no brackets to point at, and a `www.` one is placed a column early:
 * point at its text on the line instead.
 */
static place autolink_place(walk *w, cmark_node *link, place at) {
  cmark_node *t = cmark_node_first_child(link);
  const char *lit = t ? cmark_node_get_literal(t) : NULL;
  size_t len, from = at.col > 0 ? (size_t)at.col - 1 : 0;
  const char *s = line_text(w, at.line, &len);
  if (!lit || !*lit || !s || at.col < 1 || from >= len || s[from] == '[' ||
      s[from] == '<')
    return at;
  size_t n = strlen(lit);
  for (size_t i = from; i + n <= len && i <= from + 1; i++)
    if (memcmp(s + i, lit, n) == 0)
      return (place){at.line, (int)i + 1};
  return at;
}

/* ---- findings ------------------------------------------------------------ */

static scr_severity severity(const scr_a11y *a) {
  return a->strict ? SCR_ERROR : SCR_WARNING;
}

/* Plain text of a node, or NULL with the walk's memory failure noted.
   Caller frees. */
static char *text_of(walk *w, cmark_node *n) {
  char *t = scr_node_text(n);
  if (!t)
    w->nomem = true;
  return t;
}

static void check_image(walk *w, cmark_node *n) {
  char *alt = text_of(w, n);
  if (alt && is_blank(alt)) {
    const char *url = cmark_node_get_url(n);
    const char *slash = url ? strrchr(url, '/') : NULL;
    place at = place_of(w->src, n);
    if (w->src->embedded)
      scr_diag_add(w->a->diags, severity(w->a), w->src->path, 0, 0,
                   "picture %s has no alt text; describe it in the report "
                   "(Word: the picture's Alt Text; LibreOffice: its "
                   "Properties, Options, Description)",
                   slash ? slash + 1
                   : url ? url
                         : "");
    else
      scr_diag_add(w->a->diags, severity(w->a), w->src->path, at.line, at.col,
                   "image '%s' has no alt text; describe it in the brackets: "
                   "![what the image shows](%s)",
                   url ? url : "", url ? url : "");
  }
  free(alt);
}

/*
 * The pack moves a source's shallowest heading level under the heading that
 * holds it (the appendix title, the agenda item), so a first heading deeper
 * than that level lands a level too deep.
 */
static void check_first_heading(walk *w, cmark_node *n) {
  int level = cmark_node_get_heading_level(n);
  int top = w->src->min_heading;
  if (level <= top)
    return;
  char *title = text_of(w, n);
  if (!title)
    return;
  place at = place_of(w->src, n);
  scr_diag_add(w->a->diags, severity(w->a), w->src->path, at.line, 1,
               "heading '%s' (%s) comes before any %s heading, so it skips a "
               "level under the heading that holds this file; screen readers "
               "use heading levels to outline the document, so make it %s or "
               "make the later %s headings deeper",
               title, level_name(w->src, level), level_name(w->src, top),
               level_name(w->src, top), level_name(w->src, top));
  free(title);
}

/*
 * Headings are how a screen-reader user moves through a document, so each
 * must be at most one level below the one before it.
 */
static void check_heading(walk *w, cmark_node *n) {
  cmark_node *before = w->heading;
  w->heading = n;
  if (!before) {
    check_first_heading(w, n);
    return;
  }
  int was = cmark_node_get_heading_level(before);
  int level = cmark_node_get_heading_level(n);
  if (level <= was + 1)
    return;
  char *title = text_of(w, n);
  char *prev = text_of(w, before);
  if (!title || !prev) {
    free(title);
    free(prev);
    return;
  }
  place at = place_of(w->src, n);
  scr_diag_add(w->a->diags, severity(w->a), w->src->path, at.line, 1,
               "heading '%s' (%s) skips a level after '%s' (%s); screen "
               "readers use heading levels to outline the document, so make "
               "it %s",
               title, level_name(w->src, level), prev, level_name(w->src, was),
               level_name(w->src, was + 1));
  free(title);
  free(prev);
}

static bool is_ext(cmark_node *n, const char *name) {
  const char *t = cmark_node_get_type_string(n);
  return t && strcmp(t, name) == 0;
}

/* True when no cell of a table row holds text (an image's alt text counts:
   it is what a screen reader announces). */
static bool row_is_empty(walk *w, cmark_node *row) {
  bool empty = true;
  for (cmark_node *c = cmark_node_first_child(row); empty && c;
       c = cmark_node_next(c)) {
    char *text = text_of(w, c);
    empty = text && is_blank(text);
    free(text);
  }
  return empty;
}

/* A GFM table always has a first row; when all its cells are empty the
   table has no real header for a screen reader to announce. */
static void check_table(walk *w, cmark_node *table) {
  cmark_node *header = cmark_node_first_child(table);
  if (!header || !is_ext(header, "table_header") || !row_is_empty(w, header))
    return;
  place at = place_of(w->src, table);
  scr_diag_add(w->a->diags, severity(w->a), w->src->path, at.line, 1,
               "table has no header row: its first row is empty; put the "
               "column names in it (e.g. | Measure | Target |) so screen "
               "readers can say which column each cell is in");
}

/* Suggestions for a link to no heading are worked out for this many such
   links of a file, in files of at most this many headings: each costs a
   comparison with every heading. */
#define SUGGESTED_LINKS 20
#define SUGGESTED_HEADINGS 2000

/* The slug of the file's headings closest to `fragment`, or NULL. */
static const char *closest_slug(walk *w, const char *fragment) {
  const scr_anchors *a = &w->src->anchors;
  if (a->n == 0 || a->n > SUGGESTED_HEADINGS || w->suggested >= SUGGESTED_LINKS)
    return NULL;
  w->suggested++;
  const char **slugs = calloc(a->n + 1, sizeof *slugs);
  if (!slugs) {
    w->nomem = true;
    return NULL;
  }
  for (size_t i = 0; i < a->n; i++)
    slugs[i] = a->items[i].slug;
  const char *best = scr_closest_word(fragment, slugs);
  free(slugs);
  return best;
}

/*
 * A `#slug` link leads to the heading of its own file that has that slug,
 * as on GitHub; one naming no heading would lead nowhere, so the documents
 * show its text alone, and the author is told.
 */
static void check_anchor(walk *w, cmark_node *n, const char *url) {
  if (url[0] != '#' || scr_anchors_find(&w->src->anchors, url + 1) >= 0)
    return;
  place at = place_of(w->src, n);
  const char *near = closest_slug(w, url + 1);
  scr_warn_at(w->a->diags, w->src->path, at.line, at.col,
              "link to '%s' leads to no heading of this file, so it is "
              "shown as plain text; a heading is linked by its title in "
              "lower case, spaces as hyphens, punctuation left out "
              "(## Key findings is #key-findings)%s%s%s",
              url, near ? "; did you mean '#" : "", near ? near : "",
              near ? "'?" : "");
}

static void check_link(walk *w, cmark_node *n) {
  const char *url = cmark_node_get_url(n);
  url = url ? url : "";
  /* a link without a target is written as its words alone: no link text */
  if (!*url)
    return;
  char *text = text_of(w, n);
  if (!text)
    return;
  check_anchor(w, n, url);
  bool blank = is_blank(text);
  normalise_link_text(text);
  place at = autolink_place(w, n, place_of(w->src, n));
  scr_diags *d = w->a->diags;
  scr_severity sev = severity(w->a);
  /* how the link's text is written where its author writes it */
  char *fix = w->src->embedded
                  ? scr_strdup("the page's name as the link's text in the "
                               "report")
                  : scr_asprintf("[the page's name](%s)", url);
  const char *f = fix ? fix : "";
  if (blank)
    scr_diag_add(d, sev, w->src->path, at.line, at.col,
                 "link to '%s' has no text; write where it leads%s %s", url,
                 w->src->embedded ? ":" : " in the brackets:", f);
  else if (!*text || is_vague(text))
    scr_diag_add(d, sev, w->src->path, at.line, at.col,
                 "link text '%s' does not say where the link goes; screen "
                 "readers list links out of context, so name the "
                 "destination: %s",
                 text, f);
  else if (is_web_address(text))
    scr_diag_add(d, sev, w->src->path, at.line, at.col,
                 "link text '%s' is a bare web address, which screen readers "
                 "read out in full; name the page instead: %s",
                 text, f);
  free(fix);
  free(text);
}

/* ---- how the text is written: warnings, strict or not ------------------ */

static void warn_html(walk *w, place at, const char *name) {
  scr_warn_at(w->a->diags, w->src->path, at.line, at.col,
              "raw HTML '<%s>' is shown as the text it is, not as "
              "formatting: the documents are not web pages; write Markdown "
              "instead (%s)",
              name, scr_html_markdown_for(name));
}

/* A tag opening an element in raw HTML looks meant as markup (a <br> is
   not: it becomes a line break); inline, each node is one tag. */
static void check_html_inline(walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  char name[SCR_HTML_NAME_MAX];
  bool closing;
  size_t len = lit ? strlen(lit) : 0;
  if (scr_html_element_tag(lit, len, name, &closing) && !closing &&
      !scr_html_is_honoured(name))
    warn_html(w, place_of(w->src, n), name);
}

/* An HTML block is warned of once, at its first such tag; its comments are
   notes, and say nothing. */
static void check_html_block(walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  size_t len = lit ? strlen(lit) : 0, line_at = 0;
  int lines = 0;
  for (size_t i = 0; i < len; i++) {
    char name[SCR_HTML_NAME_MAX];
    bool closing;
    size_t comment = scr_html_comment_len(lit + i, len - i);
    if (lit[i] == '\n') {
      lines++;
      line_at = i + 1;
    } else if (comment) {
      for (size_t k = i; k < i + comment; k++)
        if (lit[k] == '\n') {
          lines++;
          line_at = k + 1;
        }
      i += comment - 1;
    } else if (scr_html_element_tag(lit + i, len - i, name, &closing) &&
               !closing && strcmp(name, "br") != 0) {
      place at = place_of(w->src, n);
      int col = (int)(i - line_at) + 1;
      warn_html(w, (place){at.line + lines, lines ? col : at.col + col - 1},
                name);
      return;
    }
  }
}

/* ---- times ----------------------------------------------------------------
 */

/* A clock time in the text: "18:46", "5:30pm", "05.30 P.M." and the like. */
typedef struct clock_time {
  size_t at, len; /* in the literal */
  int minutes;    /* after midnight */
  bool canonical; /* written as the documents write times */
  bool certain;   /* a time for sure: 24-hour, or with am or pm */
} clock_time;

/* "am", "pm", "a.m.", "p.m." in any case at `s`: its length, and whether it
   is the afternoon; 0 when none. */
static size_t meridiem(const char *s, bool *pm) {
  char c = (char)tolower((unsigned char)s[0]);
  if (c != 'a' && c != 'p')
    return 0;
  *pm = c == 'p';
  size_t i = 1;
  bool dots = s[i] == '.';
  i += dots;
  if (tolower((unsigned char)s[i]) != 'm')
    return 0;
  i++;
  i += dots && s[i] == '.';
  return isalnum((unsigned char)s[i]) ? 0 : i;
}

/* The clock time starting at s[i] (a digit not after a digit, ':' or '.'). */
static bool read_time(const char *s, size_t i, clock_time *t) {
  size_t j = i;
  int h = 0;
  while (isdigit((unsigned char)s[j]) && j - i < 2)
    h = h * 10 + (s[j++] - '0');
  size_t digits = j - i;
  if (!digits || isdigit((unsigned char)s[j]) || (s[j] != ':' && s[j] != '.') ||
      !isdigit((unsigned char)s[j + 1]) || !isdigit((unsigned char)s[j + 2]) ||
      isdigit((unsigned char)s[j + 3]) || s[j + 3] == ':')
    return false;
  bool colon = s[j] == ':';
  int m = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
  size_t end = j + 3, space = s[end] == ' ';
  bool pm = false;
  size_t mer = meridiem(s + end + space, &pm);
  if (m > 59 || h > 23 || (mer && (h < 1 || h > 12)) || (!mer && !colon))
    return false; /* "3.45" without am or pm is a number */
  bool lead_zero = digits == 2 && s[i] == '0';
  *t = (clock_time){i, mer ? end + space + mer - i : end - i, 0, false, false};
  if (mer) {
    t->minutes = (h % 12 + (pm ? 12 : 0)) * 60 + m;
    t->canonical = colon && space && !lead_zero &&
                   strncmp(s + end + 1, pm ? "pm" : "am", 2) == 0 && mer == 2;
    t->certain = true;
  } else {
    t->minutes = h * 60 + m;
    t->certain = h > 12 || h == 0 || lead_zero;
  }
  return true;
}

/* Where `what` is on the line at `at`, searching from its column. */
static place find_on_line(walk *w, place at, const char *what, size_t n) {
  size_t len;
  const char *line = line_text(w, at.line, &len);
  size_t from = at.col > 0 ? (size_t)at.col - 1 : 0;
  for (size_t i = from; line && i + n <= len; i++)
    if (memcmp(line + i, what, n) == 0)
      return (place){at.line, (int)i + 1};
  return at;
}

/*
 * The documents give every time as the council does, "5:30 pm", so a time
 * the clerk writes otherwise in the text ("closed at 18:46", "5.30pm")
 * would show two styles in one document. Times that may be other things
 * ("3:45", a ratio or the hour unsaid) are left alone.
 */
static void check_times(walk *w, cmark_node *n) {
  const char *lit = cmark_node_get_literal(n);
  for (size_t i = 0; lit && lit[i]; i++) {
    clock_time t;
    if (!isdigit((unsigned char)lit[i]) ||
        (i > 0 && (isdigit((unsigned char)lit[i - 1]) || lit[i - 1] == ':' ||
                   lit[i - 1] == '.')) ||
        !read_time(lit, i, &t)) {
      continue;
    }
    i += t.len - 1;
    if (t.canonical || !t.certain)
      continue;
    char shown[32];
    scr_time_format(t.minutes, shown, sizeof shown);
    place at = place_of(w->src, n);
    at = find_on_line(w, (place){at.line, at.col}, lit + t.at, t.len);
    scr_warn_at(w->a->diags, w->src->path, at.line, at.col,
                "time '%.*s' is written otherwise than the documents give "
                "times, as the council writes them ('%s'): write '%s'",
                (int)t.len, lit + t.at, shown, shown);
  }
}

/* A report is titled by its front matter's `title`, else by its first
   heading, as its appendix is in the pack; with neither the pack falls back
   on the file name, and an empty one leaves the appendix untitled. */
static void check_title(walk *w) {
  const scr_source *src = w->src;
  const scr_ynode *meta_title = scr_meta_get(src->meta, "title");
  bool titled;
  if (meta_title)
    titled = meta_title->kind == SCR_Y_SCALAR && !is_blank(meta_title->scalar);
  else {
    cmark_node *h = cmark_node_first_child(src->doc);
    while (h && cmark_node_get_type(h) != CMARK_NODE_HEADING)
      h = cmark_node_next(h);
    char *text = h ? text_of(w, h) : NULL;
    titled = text && !is_blank(text);
    free(text);
  }
  if (titled)
    return;
  if (src->pdf) {
    scr_diag_add(w->a->diags, severity(w->a), src->path, 0, 0,
                 "the PDF has no title in its document properties, so its "
                 "appendix is headed with the file's name; give it a title "
                 "where it is made (File, Properties) and save it again");
    return;
  }
  if (src->embedded) {
    scr_diag_add(w->a->diags, severity(w->a), src->path, 0, 0,
                 "the report has no title to head its appendix in the pack; "
                 "give its title a paragraph in the Title style, or start "
                 "it with a heading");
    return;
  }
  int line = meta_title ? meta_title->line : 1;
  scr_diag_add(w->a->diags, severity(w->a), src->path, line, 1,
               "the report has no title to head its appendix in the pack; "
               "give it a 'title:' in the front matter or start it with a "
               "'# Title' heading");
}

/* True the first time the file at `path` is seen. */
static bool first_visit(scr_a11y *a, const char *path) {
  char *real = realpath(path, NULL);
  if (!real)
    return true; /* cannot tell: check it */
  for (size_t i = 0; i < a->n_seen; i++)
    if (strcmp(a->seen[i], real) == 0) {
      free(real);
      return false;
    }
  if (scr_reserve(&a->seen, &a->cap_seen, a->n_seen + 1, sizeof *a->seen)) {
    free(real);
    a->out_of_memory = true;
    return true;
  }
  a->seen[a->n_seen++] = real;
  return true;
}

scr_error scr_a11y_check_source(scr_a11y *a, const scr_source *src,
                                bool needs_title) {
  if (!src || !src->doc || !first_visit(a, src->path))
    return SCR_OK;
  walk w = {.a = a, .src = src, .report = needs_title};
  cmark_iter *it = cmark_iter_new(src->doc);
  if (!it)
    return SCR_E_NOMEM;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
      check_heading(&w, n);
      break;
    case CMARK_NODE_IMAGE:
      check_image(&w, n);
      break;
    case CMARK_NODE_LINK:
      check_link(&w, n);
      break;
    case CMARK_NODE_HTML_INLINE:
      check_html_inline(&w, n);
      break;
    case CMARK_NODE_HTML_BLOCK:
      check_html_block(&w, n);
      break;
    case CMARK_NODE_TEXT:
      if (!w.report)
        check_times(&w, n);
      break;
    default:
      if (is_ext(n, "table"))
        check_table(&w, n);
    }
  }
  cmark_iter_free(it);
  free(w.lines.starts);
  if (needs_title)
    check_title(&w);
  return w.nomem || a->out_of_memory ? SCR_E_NOMEM : SCR_OK;
}

scr_error scr_a11y_check_agenda(scr_a11y *a, const scr_agenda *ag) {
  scr_error err = scr_a11y_check_source(a, ag->src, false);
  for (size_t i = 0; !err && i < ag->n_appendices; i++) {
    const scr_appendix *ap = &ag->appendices[i];
    err = scr_a11y_check_source(a, ap->src, ap->kind == SCR_APPENDIX_REPORT);
  }
  return err;
}

scr_error scr_a11y_check_workspace(scr_a11y *a, const scr_workspace *ws,
                                   const scr_minutes_book *book,
                                   const scr_workprogramme *wp,
                                   const scr_agenda *agendas,
                                   size_t n_agendas) {
  scr_error err = scr_a11y_check_source(a, ws->committee.src, false);
  for (size_t i = 0; !err && i < book->n; i++)
    err = scr_a11y_check_source(a, book->files[i].src, false);
  if (!err)
    err = scr_a11y_check_source(a, wp->src, false);
  for (size_t i = 0; !err && i < n_agendas; i++)
    err = scr_a11y_check_agenda(a, &agendas[i]);
  return err;
}
