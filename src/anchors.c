/* Headings' anchors: GitHub's slugs, unique in a file, found by hash. */
#include "anchors.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- slugs --------------------------------------------------------------- */

/* The lower case of a Latin, Greek or Cyrillic capital; others as they are. */
static uint32_t lower_letter(uint32_t c) {
  if (c < 0x80)
    return (uint32_t)tolower((int)c);
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB) ||
      (c >= 0x410 && c <= 0x42F))
    return c + 0x20;
  if (c >= 0x400 && c <= 0x40F)
    return c + 0x50;
  /* Latin Extended-A pairs capitals and small letters, capital first,
     except where a lone letter shifts the pairing */
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
    return c % 2 == 0 ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
    return c % 2 == 1 ? c + 1 : c;
  return c;
}

/* Punctuation and symbols, which slugs leave out: GitHub keeps letters,
   marks, numbers, connectors, '-' and spaces. */
static bool dropped(uint32_t c) {
  if (c < 0x80)
    return !(isalnum((int)c) || c == '-' || c == '_' || c == ' ');
  if (c <= 0xBF) /* Latin-1: a few letters and numbers among symbols */
    return !(c == 0xAA || c == 0xB5 || c == 0xBA);
  if (c == 0xD7 || c == 0xF7)
    return true;
  if (c >= 0x2000 && c <= 0x206F) /* general punctuation, but connectors */
    return !(c == 0x203F || c == 0x2040 || c == 0x2054);
  return (c >= 0x20A0 && c <= 0x20CF) || /* currency */
         (c >= 0x2190 && c <= 0x23FF) || /* arrows, operators, technical */
         (c >= 0x2500 && c <= 0x27BF) || /* boxes, shapes, dingbats */
         (c >= 0x2B00 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x3004) ||
         (c >= 0x3008 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
         (c >= 0x1F000 && c <= 0x1FAFF); /* emoji and pictographs */
}

static scr_error put_utf8(scr_buf *out, uint32_t c) {
  unsigned char b[4];
  size_t n;
  if (c < 0x80) {
    b[0] = (unsigned char)c;
    n = 1;
  } else if (c < 0x800) {
    b[0] = (unsigned char)(0xC0 | c >> 6);
    b[1] = (unsigned char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    b[0] = (unsigned char)(0xE0 | c >> 12);
    b[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    b[2] = (unsigned char)(0x80 | (c & 0x3F));
    n = 3;
  } else {
    b[0] = (unsigned char)(0xF0 | c >> 18);
    b[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    b[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    b[3] = (unsigned char)(0x80 | (c & 0x3F));
    n = 4;
  }
  return scr_buf_append(out, b, n);
}

/* `s` with its letters lowered and, for a slug, its punctuation dropped
   and spaces made hyphens; bytes that are not UTF-8 are kept. */
static scr_error fold(const char *s, size_t n, bool slug, scr_buf *out) {
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < n;) {
    uint32_t c;
    size_t len = scr_utf8_decode((const unsigned char *)s + i, n - i, &c);
    if (!len) {
      err = scr_buf_append(out, s + i, 1);
      i++;
      continue;
    }
    i += len;
    if (slug && dropped(c))
      continue;
    err = put_utf8(out, slug && c == ' ' ? '-' : lower_letter(c));
  }
  return err;
}

scr_error scr_slug(const char *text, scr_buf *out) {
  scr_error err = fold(text, strlen(text), true, out);
  if (!err && !out->data)
    err = scr_buf_append(out, "", 0);
  return err;
}

/* The text GitHub makes a heading's slug of: its text and code, not the
   tags of raw HTML nor the description of a picture. */
static scr_error heading_text(cmark_node *heading, scr_buf *out) {
  cmark_iter *it = cmark_iter_new(heading);
  if (!it)
    return SCR_E_NOMEM;
  scr_error err = scr_buf_append(out, "", 0);
  cmark_event_type ev;
  while (!err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_IMAGE)
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    else if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
             t == CMARK_NODE_FOOTNOTE_REFERENCE)
      err = scr_buf_puts(
          out, cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "");
  }
  cmark_iter_free(it);
  return err;
}

/* ---- the table ----------------------------------------------------------- */

static size_t hash(const char *s, size_t n) {
  uint64_t h = 14695981039346656037u; /* FNV-1a */
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return (size_t)h;
}

static long lookup(const scr_anchors *a, const char *s, size_t n) {
  if (!a->n_slots)
    return -1;
  for (size_t k = hash(s, n) & (a->n_slots - 1);;
       k = (k + 1) & (a->n_slots - 1)) {
    size_t at = a->slots[k];
    if (!at)
      return -1;
    const char *slug = a->items[at - 1].slug;
    if (strlen(slug) == n && memcmp(slug, s, n) == 0)
      return (long)(at - 1);
  }
}

static void place(scr_anchors *a, size_t index) {
  const char *slug = a->items[index].slug;
  size_t k = hash(slug, strlen(slug)) & (a->n_slots - 1);
  while (a->slots[k])
    k = (k + 1) & (a->n_slots - 1);
  a->slots[k] = index + 1;
}

/* Room for one more slug with the table at most half full. */
static scr_error grow_slots(scr_anchors *a) {
  if ((a->n + 1) * 2 <= a->n_slots)
    return SCR_OK;
  size_t n_slots = a->n_slots ? a->n_slots * 2 : 16;
  size_t *slots = calloc(n_slots, sizeof *slots);
  if (!slots)
    return SCR_E_NOMEM;
  free(a->slots);
  a->slots = slots;
  a->n_slots = n_slots;
  for (size_t i = 0; i < a->n; i++)
    place(a, i);
  return SCR_OK;
}

/* Taken is a slug another heading already has: GitHub numbers the repeats
   of a slug -1, -2, ... skipping any a heading has as its own. */
static char *unique_slug(scr_anchors *a, char *base) {
  if (!base)
    return NULL;
  long first = lookup(a, base, strlen(base));
  if (first < 0)
    return base;
  char *slug = NULL;
  do {
    free(slug);
    slug = scr_asprintf("%s-%zu", base, ++a->items[first].repeats);
  } while (slug && lookup(a, slug, strlen(slug)) >= 0);
  free(base);
  return slug;
}

static scr_error add_heading(scr_anchors *a, cmark_node *heading, size_t *cap) {
  scr_buf text = SCR_BUF_INIT, slug = SCR_BUF_INIT;
  scr_error err = heading_text(heading, &text);
  /* the space a comment or a tag left at either end is not the title's */
  while (!err && text.len &&
         (text.data[text.len - 1] == ' ' || text.data[text.len - 1] == '\t'))
    text.data[--text.len] = '\0';
  size_t lead = 0;
  while (!err && (text.data[lead] == ' ' || text.data[lead] == '\t'))
    lead++;
  if (!err)
    err = scr_slug(text.data + lead, &slug);
  scr_buf_free(&text);
  /* a copy of its own size: a file may have many headings */
  char *unique = err ? NULL : unique_slug(a, scr_strdup(slug.data));
  scr_buf_free(&slug);
  if (!unique || grow_slots(a) ||
      scr_reserve(&a->items, cap, a->n + 1, sizeof *a->items)) {
    free(unique);
    return SCR_E_NOMEM;
  }
  a->items[a->n] =
      (scr_anchor){cmark_node_get_start_line(heading), unique, false, 0};
  place(a, a->n++);
  return SCR_OK;
}

/* Mark the headings the file's `#` links name. */
static scr_error mark_linked(scr_anchors *a, cmark_node *doc) {
  cmark_iter *it = cmark_iter_new(doc);
  if (!it)
    return SCR_E_NOMEM;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK)
      continue;
    const char *url = cmark_node_get_url(n);
    long i = url && url[0] == '#' ? scr_anchors_find(a, url + 1) : -1;
    if (i >= 0)
      a->items[i].linked = true;
  }
  cmark_iter_free(it);
  return SCR_OK;
}

scr_error scr_anchors_build(cmark_node *doc, scr_anchors *out) {
  *out = (scr_anchors){0};
  cmark_iter *it = cmark_iter_new(doc);
  if (!it)
    return SCR_E_NOMEM;
  size_t cap = 0;
  bool links = false;
  scr_error err = SCR_OK;
  cmark_event_type ev;
  while (!err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER)
      continue;
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
      err = add_heading(out, n, &cap);
    else if (cmark_node_get_type(n) == CMARK_NODE_LINK) {
      const char *url = cmark_node_get_url(n);
      links = links || (url && url[0] == '#');
    }
  }
  cmark_iter_free(it);
  if (!err && links && out->n)
    err = mark_linked(out, doc);
  if (err)
    scr_anchors_free(out);
  return err;
}

void scr_anchors_free(scr_anchors *a) {
  for (size_t i = 0; i < a->n; i++)
    free(a->items[i].slug);
  free(a->items);
  free(a->slots);
  *a = (scr_anchors){0};
}

/* ---- finding ------------------------------------------------------------- */

static int hex_digit(char c) {
  return isdigit((unsigned char)c)    ? c - '0'
         : isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10
                                      : -1;
}

/* A fragment with its percent escapes decoded (`caf%C3%A9` is café). */
static scr_error decode_fragment(const char *s, scr_buf *out) {
  scr_error err = scr_buf_append(out, "", 0);
  for (size_t i = 0; !err && s[i]; i++) {
    int hi = s[i] == '%' && s[i + 1] ? hex_digit(s[i + 1]) : -1;
    int lo = hi >= 0 && s[i + 2] ? hex_digit(s[i + 2]) : -1;
    char c = lo >= 0 ? (char)(hi * 16 + lo) : s[i];
    err = scr_buf_append(out, &c, 1);
    i += lo >= 0 ? 2 : 0;
  }
  return err;
}

long scr_anchors_find(const scr_anchors *a, const char *fragment) {
  if (!a->n || !fragment)
    return -1;
  scr_buf exact = SCR_BUF_INIT, lower = SCR_BUF_INIT;
  long i = -1;
  if (!decode_fragment(fragment, &exact)) {
    i = lookup(a, exact.data, exact.len);
    if (i < 0 && !fold(exact.data, exact.len, false, &lower) && lower.data)
      i = lookup(a, lower.data, lower.len);
  }
  scr_buf_free(&exact);
  scr_buf_free(&lower);
  return i;
}

long scr_anchors_at_line(const scr_anchors *a, int line) {
  size_t lo = 0, hi = a->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a->items[mid].line < line)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < a->n && a->items[lo].line == line ? (long)lo : -1;
}

void scr_anchor_bookmark(const scr_anchors *a, size_t i, const char *scope,
                         char out[SCR_ANCHOR_BOOKMARK_MAX]) {
  int n = snprintf(out, SCR_ANCHOR_BOOKMARK_MAX, "%s_%zu_", scope, i + 1);
  size_t len = n < 0 ? 0 : (size_t)n;
  if (len >= SCR_ANCHOR_BOOKMARK_MAX)
    len = SCR_ANCHOR_BOOKMARK_MAX - 1;
  for (const char *c = a->items[i].slug;
       *c && len + 1 < SCR_ANCHOR_BOOKMARK_MAX; c++)
    if (isalnum((unsigned char)*c) && !((unsigned char)*c & 0x80))
      out[len++] = *c;
    else if (*c == '-' || *c == '_')
      out[len++] = '_';
  while (len > 0 && out[len - 1] == '_')
    len--;
  out[len] = '\0';
}
