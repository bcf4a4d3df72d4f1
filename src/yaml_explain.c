/* Front-matter YAML errors in plain words, with the line as it should be. */
#include "yaml_explain.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* One line of the text, without its newline. */
typedef struct yline {
  const char *s;
  size_t n;
  size_t indent; /* leading spaces */
} yline;

/* Line `no` (0-based); an empty line past the end. */
static yline line_at(scr_yaml_text t, size_t no) {
  const char *s = t.s, *end = t.s + t.len;
  for (size_t i = 0; i < no && s < end; i++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    s = nl ? nl + 1 : end;
  }
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  yline l = {s, (size_t)((nl ? nl : end) - s), 0};
  while (l.indent < l.n && s[l.indent] == ' ')
    l.indent++;
  return l;
}

/* The line's length without trailing blanks. */
static size_t trimmed_len(yline l) {
  size_t n = l.n;
  while (n > l.indent && (l.s[n - 1] == ' ' || l.s[n - 1] == '\t'))
    n--;
  return n;
}

/* Whether the line starts, after its indent, with a `- ` list item. */
static bool is_item(yline l) {
  return l.indent < l.n && l.s[l.indent] == '-' &&
         (l.indent + 1 == l.n || l.s[l.indent + 1] == ' ');
}

/* Past the `- ` markers that start the line after its indent. */
static size_t after_items(yline l) {
  size_t i = l.indent;
  while (i + 1 < l.n && l.s[i] == '-' && l.s[i + 1] == ' ')
    for (i += 2; i < l.n && l.s[i] == ' ';)
      i++;
  return i;
}

/* Where the value of a `key: value` line starts (after `: ` and its
   spaces), or 0 when the line has no key. */
static size_t value_start(yline l) {
  for (size_t i = after_items(l); i < l.n; i++)
    if (l.s[i] == ':' && (i + 1 == l.n || l.s[i + 1] == ' ')) {
      for (i++; i < l.n && l.s[i] == ' ';)
        i++;
      return i;
    }
  return 0;
}

/* The byte of the line where its character `chars` is: libyaml counts
   columns in characters. */
static size_t byte_of(yline l, size_t chars) {
  size_t b = 0;
  for (size_t c = 0; b < l.n && c < chars; c++)
    for (b++; b < l.n && ((unsigned char)l.s[b] & 0xC0) == 0x80;)
      b++;
  return b;
}

/* The fault at byte `b` of line `no`, its column said in characters. */
static scr_yaml_fault fault_at(yline l, size_t no, size_t b, char *message) {
  size_t col = 0;
  for (size_t i = 0; i < b && i < l.n; i++)
    col += ((unsigned char)l.s[i] & 0xC0) != 0x80;
  return (scr_yaml_fault){(int)no, (int)col, message};
}

/* `prefix` then `value` in double quotes, its own quotes and backslashes
   escaped: the value as YAML reads it whole. Caller frees. */
static char *quoted(const char *prefix, size_t prefix_len, const char *value,
                    size_t n) {
  scr_buf b = SCR_BUF_INIT;
  scr_buf_append(&b, prefix, prefix_len);
  scr_buf_puts(&b, "\"");
  for (size_t i = 0; i < n; i++) {
    if (value[i] == '"' || value[i] == '\\')
      scr_buf_puts(&b, "\\");
    scr_buf_append(&b, value + i, 1);
  }
  scr_buf_puts(&b, "\"");
  return scr_buf_detach(&b, NULL);
}

/* The line, from its indent, with the value from `at` quoted. */
static char *line_quoted_from(yline l, size_t at) {
  return quoted(l.s + l.indent, at - l.indent, l.s + at, trimmed_len(l) - at);
}

/* "`sentence`, like FIX" with the fix, or the sentence alone without it. */
static char *with_fix(const char *sentence, char *fix) {
  char *out =
      fix ? scr_asprintf("%s, like %s", sentence, fix) : scr_strdup(sentence);
  free(fix);
  return out;
}

/* ---- tabs --------------------------------------------------------------- */

static bool tab_fault(scr_yaml_text t, const yaml_mark_t *m,
                      scr_yaml_fault *f) {
  yline l = line_at(t, m->line);
  bool in_indent = l.indent < l.n && l.s[l.indent] == '\t';
  size_t mb = byte_of(l, m->column);
  bool at_mark = mb < l.n && l.s[mb] == '\t';
  if (!in_indent && !at_mark)
    return false;
  *f = fault_at(l, m->line, at_mark ? mb : l.indent,
                scr_strdup("a tab cannot indent YAML; indent with spaces"));
  return true;
}

/* ---- quotes ------------------------------------------------------------- */

/* Column of a quotation mark that opens the line's value (or list item)
   and that the line does not close; -1 when there is none. */
static long open_quote(yline l) {
  size_t i = after_items(l);
  if (i < l.n && l.s[i] != '"' && l.s[i] != '\'')
    i = value_start(l);
  if (i == 0 || i >= l.n || (l.s[i] != '"' && l.s[i] != '\''))
    return -1;
  char q = l.s[i];
  for (size_t k = i + 1; k < l.n; k++) {
    if (q == '"' && l.s[k] == '\\')
      k++;
    else if (l.s[k] == q && q == '\'' && k + 1 < l.n && l.s[k + 1] == '\'')
      k++;
    else if (l.s[k] == q)
      return -1;
  }
  return (long)i;
}

/*
 * A quoted value left open: YAML reads on over the lines below it, so the
 * parser stops somewhere after it. The first line up to where it stopped
 * that opens a quote it does not close is the place to mend.
 */
static bool quote_fault(scr_yaml_text t, size_t up_to, scr_yaml_fault *f) {
  for (size_t no = 0; no <= up_to; no++) {
    yline l = line_at(t, no);
    long col = open_quote(l);
    if (col < 0)
      continue;
    char q = l.s[col];
    char *fix = scr_asprintf("%.*s%c", (int)(trimmed_len(l) - l.indent),
                             l.s + l.indent, q);
    char *sentence = scr_asprintf(
        "the quotation mark (%c) that opens this value is never closed: end "
        "the value with %c",
        q, q);
    *f =
        fault_at(l, no, (size_t)col, sentence ? with_fix(sentence, fix) : NULL);
    if (!sentence)
      free(fix);
    free(sentence);
    return true;
  }
  return false;
}

/* ---- brackets ----------------------------------------------------------- */

/* Whether nothing but blanks follows the mark. */
static bool at_end(scr_yaml_text t, const yaml_mark_t *m) {
  yline l = line_at(t, m->line);
  for (const char *s = l.s + byte_of(l, m->column); s < t.s + t.len; s++)
    if (*s != ' ' && *s != '\n' && *s != '\t')
      return false;
  return true;
}

static bool flow_fault(scr_yaml_text t, const yaml_parser_t *p,
                       scr_yaml_fault *f) {
  const char *ctx = p->context;
  if (!ctx || !strstr(ctx, "flow"))
    return false;
  bool list = strstr(ctx, "sequence") != NULL;
  char open = list ? '[' : '{', close = list ? ']' : '}';
  const char *what = list ? "list" : "entry";
  yline l = line_at(t, p->context_mark.line);
  size_t n = trimmed_len(l);
  /* left open when the text ends inside it, or when its line does not
     close it and the parser stopped on a line below */
  bool unclosed =
      at_end(t, &p->problem_mark) ||
      (p->problem_mark.line > p->context_mark.line && !memchr(l.s, close, n));
  if (!unclosed) {
    yline at = line_at(t, p->problem_mark.line);
    *f = fault_at(at, p->problem_mark.line, byte_of(at, p->problem_mark.column),
                  scr_asprintf("expected a comma before the next part of "
                               "the %s, or %c to end it",
                               what, close));
    return true;
  }
  char *fix =
      memchr(l.s, close, n)
          ? NULL
          : scr_asprintf("%.*s%c", (int)(n - l.indent), l.s + l.indent, close);
  char *sentence =
      scr_asprintf("the %s opened here with %c is never closed: end it with %c",
                   what, open, close);
  *f = fault_at(l, p->context_mark.line, byte_of(l, p->context_mark.column),
                sentence ? with_fix(sentence, fix) : NULL);
  if (!sentence)
    free(fix);
  free(sentence);
  return true;
}

/* ---- colons and dashes in values ---------------------------------------- */

/* `title: Budget: the plan`: a colon and a space start a key, so a value
   holding them must be quoted. */
static scr_yaml_fault colon_fault(scr_yaml_text t, const yaml_mark_t *m) {
  yline l = line_at(t, m->line);
  size_t v = value_start(l), mb = byte_of(l, m->column);
  if (v && v <= mb && v < trimmed_len(l))
    return fault_at(l, m->line, mb,
                    with_fix("a value with a colon must be quoted",
                             line_quoted_from(l, v)));
  yline above = m->line > 0 ? line_at(t, m->line - 1) : l;
  size_t above_value = value_start(above);
  if (m->line > 0 && l.indent > above.indent && v > mb && above_value &&
      above_value < trimmed_len(above))
    /* `date: 2026-06-17` then `  time: ...`: read as more of the date */
    return fault_at(l, m->line, l.indent,
                    scr_asprintf("this line is indented more than the key "
                                 "above it: start it in column %zu, as line "
                                 "%d does",
                                 above.indent + 1,
                                 (int)m->line - 1 + t.first_line));
  return fault_at(l, m->line, mb,
                  scr_strdup("a colon followed by a space starts a new key: "
                             "put a value that holds one in quotes"));
}

/* `title: - Budget`: a `- ` list item must start its own line. */
static scr_yaml_fault dash_fault(scr_yaml_text t, const yaml_mark_t *m) {
  yline l = line_at(t, m->line);
  size_t v = value_start(l), mb = byte_of(l, m->column);
  const char *sentence = "a list item (- ) must start a line of its own, "
                         "under its key; if the dash is part of the value, "
                         "put the value in quotes";
  if (v && v <= mb)
    return fault_at(l, m->line, mb, with_fix(sentence, line_quoted_from(l, v)));
  return fault_at(l, m->line, mb, scr_strdup(sentence));
}

/* `title: @home`: characters YAML keeps for itself cannot begin a plain
   value. */
static bool reserved_fault(scr_yaml_text t, const yaml_mark_t *m,
                           scr_yaml_fault *f) {
  yline l = line_at(t, m->line);
  size_t mb = byte_of(l, m->column);
  char c = mb < trimmed_len(l) ? l.s[mb] : '\0';
  if (c != '@' && c != '`')
    return false;
  char *sentence =
      scr_asprintf("a value cannot begin with %c: put it in quotes", c);
  *f = fault_at(l, m->line, mb,
                sentence ? with_fix(sentence, line_quoted_from(l, mb)) : NULL);
  free(sentence);
  return true;
}

/* ---- lines out of place -------------------------------------------------- */

/* The nearest list item above line `no`, or -1. */
static long item_above(scr_yaml_text t, size_t no) {
  while (no-- > 0)
    if (is_item(line_at(t, no)))
      return (long)no;
  return -1;
}

/* A `- ` item whose dash is not in the column of the items above it. */
static scr_yaml_fault item_fault(scr_yaml_text t, size_t no, yline l) {
  long above = item_above(t, no);
  size_t col = above >= 0 ? line_at(t, (size_t)above).indent : 0;
  if (above < 0 || col == l.indent)
    return fault_at(l, no, l.indent,
                    scr_strdup("this list item is not under a key: put it "
                               "below its key, indented like the items "
                               "before it"));
  return fault_at(l, no, l.indent,
                  scr_asprintf("this list item is not lined up with the one on "
                               "line %ld: start its - in column %zu, as there",
                               above + t.first_line, col + 1));
}

/* `time: "18:00" pm`: text after the closing quotation mark. */
static scr_yaml_fault after_quote_fault(yline l, size_t no, size_t close) {
  char q = l.s[close];
  size_t n = trimmed_len(l);
  bool apostrophe = q == '\'' && close + 1 < n && l.s[close + 1] != ' ' &&
                    n - 1 > close && l.s[n - 1] == '\'';
  const char *o =
      apostrophe ? memchr(l.s + l.indent, '\'', close - l.indent) : NULL;
  if (o) {
    /* each ' inside the value, written twice */
    size_t open = (size_t)(o - l.s);
    scr_buf b = SCR_BUF_INIT;
    scr_buf_append(&b, l.s + l.indent, open + 1 - l.indent);
    for (size_t i = open + 1; i + 1 < n; i++)
      scr_buf_append(&b, l.s[i] == '\'' ? "''" : l.s + i,
                     l.s[i] == '\'' ? 2 : 1);
    scr_buf_puts(&b, "'");
    return fault_at(l, no, close,
                    with_fix("an apostrophe in a value in single quotes is "
                             "written twice (or put the value in double "
                             "quotes)",
                             scr_buf_detach(&b, NULL)));
  }
  char *fix = NULL;
  if (!memchr(l.s + close + 1, q, n - close - 1))
    fix = scr_asprintf("%.*s%.*s%c", (int)(close - l.indent), l.s + l.indent,
                       (int)(n - close - 1), l.s + close + 1, q);
  char *sentence = scr_asprintf(
      "there is more after the closing %c of this value: put all of the "
      "value inside the quotation marks",
      q);
  scr_yaml_fault f =
      fault_at(l, no, close + 1, sentence ? with_fix(sentence, fix) : NULL);
  if (!sentence)
    free(fix);
  free(sentence);
  return f;
}

/* The parser looked for the next key and found something else. */
static scr_yaml_fault key_fault(scr_yaml_text t, const yaml_parser_t *p) {
  const yaml_mark_t *m = &p->problem_mark;
  yline l = line_at(t, m->line);
  size_t mb = byte_of(l, m->column);
  if (mb <= l.indent && is_item(l))
    return item_fault(t, m->line, l);
  if (mb <= l.indent && p->context_mark.column != l.indent)
    return fault_at(l, m->line, mb,
                    scr_asprintf("this line is indented differently from the "
                                 "keys above it: start it in column %zu, as "
                                 "line %d does",
                                 p->context_mark.column + 1,
                                 (int)p->context_mark.line + t.first_line));
  size_t before = mb;
  while (before > 0 && l.s[before - 1] == ' ')
    before--;
  char c = before > 0 ? l.s[before - 1] : '\0';
  if (c == '"' || c == '\'')
    return after_quote_fault(l, m->line, before - 1);
  if (c == ']' || c == '}')
    return fault_at(l, m->line, mb,
                    scr_asprintf("there is more after the closing %c: a list "
                                 "in brackets must end its line",
                                 c));
  return fault_at(l, m->line, mb,
                  scr_strdup("this cannot be read as `key: value`: each line "
                             "of the front matter is a key, a colon, a space "
                             "and its value"));
}

/* The parser read a line as the start of a key and found no `: `. */
static scr_yaml_fault no_colon_fault(scr_yaml_text t, const yaml_parser_t *p) {
  const yaml_mark_t *m = &p->context_mark;
  yline l = line_at(t, m->line);
  size_t n = trimmed_len(l);
  const char *s = l.s + l.indent;
  size_t len = n - l.indent;
  if (len > 1 && s[0] == '-' && s[1] != ' ')
    return fault_at(l, m->line, l.indent,
                    with_fix("a list item needs a space after its -",
                             scr_asprintf("- %.*s", (int)len - 1, s + 1)));
  const char *colon = memchr(s, ':', len);
  if (colon && colon + 1 < s + len && colon[1] != ' ' && !value_start(l)) {
    int key = (int)(colon + 1 - s);
    return fault_at(
        l, m->line, (size_t)(colon - l.s),
        with_fix("a key needs a space after its colon",
                 scr_asprintf("%.*s %.*s", key, s, (int)len - key, colon + 1)));
  }
  return fault_at(l, m->line, byte_of(l, m->column),
                  scr_strdup("this line is not a `key: value` line: put a "
                             "colon and a space after the key; if the front "
                             "matter ends above it, close it there with a "
                             "`---` line"));
}

/* ---- the error ----------------------------------------------------------- */

static bool problem_is(const yaml_parser_t *p, const char *what) {
  return p->problem && strstr(p->problem, what);
}

scr_yaml_fault scr_yaml_explain(const yaml_parser_t *p, scr_yaml_text t) {
  const yaml_mark_t *m = &p->problem_mark;
  scr_yaml_fault f;
  if (tab_fault(t, m, &f) || quote_fault(t, m->line, &f) ||
      flow_fault(t, p, &f) || reserved_fault(t, m, &f))
    return f;
  if (problem_is(p, "mapping values are not allowed"))
    return colon_fault(t, m);
  if (problem_is(p, "block sequence entries are not allowed"))
    return dash_fault(t, m);
  if (problem_is(p, "did not find expected key"))
    return key_fault(t, p);
  if (problem_is(p, "could not find expected ':'"))
    return no_colon_fault(t, p);
  if (p->context && p->context_mark.line < m->line &&
      strstr(p->context, "quoted"))
    m = &p->context_mark;
  return (scr_yaml_fault){
      (int)m->line, (int)m->column,
      scr_strdup(p->problem ? p->problem : "malformed YAML")};
}

bool scr_yaml_misplaced_item(const yaml_event_t *ev, scr_yaml_text t,
                             int item_col, scr_yaml_fault *f) {
  if (ev->type != YAML_SCALAR_EVENT ||
      ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return false;
  for (size_t no = ev->start_mark.line + 1; no <= ev->end_mark.line; no++) {
    yline l = line_at(t, no);
    if (!is_item(l))
      continue;
    int first = (int)ev->start_mark.line + t.first_line;
    *f = fault_at(
        l, no, l.indent,
        item_col
            ? scr_asprintf("this list item is indented more than the one on "
                           "line %d: start its - in column %d, as there",
                           first, item_col)
            : scr_asprintf("a list cannot follow a value on its key's line "
                           "(line %d): end that line at the key's colon and "
                           "put each item on a line of its own below it",
                           first));
    return true;
  }
  return false;
}
