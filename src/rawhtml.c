/* Raw HTML in Markdown: comments, line breaks and known elements. */
#include "rawhtml.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define COMMENT_OPEN "<!--"
#define COMMENT_CLOSE "-->"

/* What Markdown writes instead, for the elements an author of a paper is
   likely to have meant as markup. Elements of layout alone (div, span,
   font) have no Markdown: the house template gives the documents their
   look. */
#define LOOK_FROM_TEMPLATE                                                     \
  "plain Markdown; the house template gives the documents their look"
static const struct {
  const char *name, *markdown;
} ELEMENTS[] = {
    {"a", "[the link's text](https://...)"},
    {"abbr", "the words in full"},
    {"address", "plain paragraphs"},
    {"article", LOOK_FROM_TEMPLATE},
    {"aside", LOOK_FROM_TEMPLATE},
    {"b", "**bold**"},
    {"big", LOOK_FROM_TEMPLATE},
    {"blockquote", "> quoted text"},
    {"br", "a line break"},
    {"caption", "a sentence before the table"},
    {"center", LOOK_FROM_TEMPLATE},
    {"cite", "*italic*"},
    {"code", "`code`"},
    {"col", "a Markdown table: | Column | Column |"},
    {"colgroup", "a Markdown table: | Column | Column |"},
    {"dd", "- a list"},
    {"del", "~~struck through~~"},
    {"details", "plain paragraphs"},
    {"div", LOOK_FROM_TEMPLATE},
    {"dl", "- a list"},
    {"dt", "- a list"},
    {"em", "*italic*"},
    {"figcaption", "the picture's description: ![what it shows](file.png)"},
    {"figure", "![what the picture shows](file.png)"},
    {"font", LOOK_FROM_TEMPLATE},
    {"footer", LOOK_FROM_TEMPLATE},
    {"h1", "# a heading"},
    {"h2", "## a heading"},
    {"h3", "### a heading"},
    {"h4", "#### a heading"},
    {"h5", "##### a heading"},
    {"h6", "###### a heading"},
    {"header", LOOK_FROM_TEMPLATE},
    {"hr", "--- on a line of its own"},
    {"i", "*italic*"},
    {"iframe", "[a link to the page](https://...)"},
    {"img", "![what the picture shows](file.png)"},
    {"ins", "plain text"},
    {"kbd", "`code`"},
    {"li", "- a list item"},
    {"main", LOOK_FROM_TEMPLATE},
    {"mark", "**bold**"},
    {"nav", LOOK_FROM_TEMPLATE},
    {"ol", "1. a numbered list"},
    {"p", "a blank line between paragraphs"},
    {"pre", "a code block between ``` lines"},
    {"q", "\"quotation marks\""},
    {"s", "~~struck through~~"},
    {"samp", "`code`"},
    {"script", "nothing: documents run no scripts"},
    {"section", LOOK_FROM_TEMPLATE},
    {"small", LOOK_FROM_TEMPLATE},
    {"span", LOOK_FROM_TEMPLATE},
    {"strike", "~~struck through~~"},
    {"strong", "**bold**"},
    {"style", LOOK_FROM_TEMPLATE},
    {"sub", "<sub>lowered</sub>"},
    {"summary", "plain paragraphs"},
    {"sup", "<sup>raised</sup>, or a footnote: [^1]"},
    {"table", "a Markdown table: | Column | Column |"},
    {"tbody", "a Markdown table: | Column | Column |"},
    {"td", "a Markdown table: | Column | Column |"},
    {"tfoot", "a Markdown table: | Column | Column |"},
    {"th", "a Markdown table: | Column | Column |"},
    {"thead", "a Markdown table: | Column | Column |"},
    {"tr", "a Markdown table: | Column | Column |"},
    {"tt", "`code`"},
    {"u", "**bold** or *italic* (underlined words look like links)"},
    {"ul", "- a list"},
};
#define N_ELEMENTS (sizeof ELEMENTS / sizeof *ELEMENTS)

static const char *markdown_of(const char *name) {
  for (size_t i = 0; i < N_ELEMENTS; i++)
    if (strcmp(ELEMENTS[i].name, name) == 0)
      return ELEMENTS[i].markdown;
  return NULL;
}

/* `s` (n bytes) less the white space around it. */
static const char *trimmed(const char *s, size_t *n) {
  while (*n && isspace((unsigned char)*s))
    s++, (*n)--;
  while (*n && isspace((unsigned char)s[*n - 1]))
    (*n)--;
  return s;
}

int scr_html_orientation(const char *s, size_t n) {
  s = trimmed(s, &n);
  if (n < 7 || scr_html_comment_len(s, n) != n || memcmp(s, "<!--", 4) ||
      memcmp(s + n - 3, "-->", 3))
    return 0;
  size_t len = n - 7;
  const char *word = trimmed(s + 4, &len);
  if (len == 9 && strncasecmp(word, "landscape", 9) == 0)
    return 1;
  if (len == 8 && strncasecmp(word, "portrait", 8) == 0)
    return -1;
  return 0;
}

bool scr_html_is_honoured(const char *name) {
  return strcmp(name, "br") == 0 || strcmp(name, "sup") == 0 ||
         strcmp(name, "sub") == 0;
}

const char *scr_html_markdown_for(const char *name) {
  const char *md = name ? markdown_of(name) : NULL;
  return md ? md : LOOK_FROM_TEMPLATE;
}

size_t scr_html_comment_len(const char *s, size_t n) {
  size_t open = strlen(COMMENT_OPEN);
  if (n < open || memcmp(s, COMMENT_OPEN, open) != 0)
    return 0;
  for (size_t i = open; i + strlen(COMMENT_CLOSE) <= n; i++)
    if (memcmp(s + i, COMMENT_CLOSE, strlen(COMMENT_CLOSE)) == 0)
      return i + strlen(COMMENT_CLOSE);
  return n;
}

/*
 * The tag at `s`: '<', an optional '/', a name (a letter, then letters,
 * digits or '-'), then attributes up to the '>' that is not inside quotes.
 * Its length, the name's span and the slash; 0 when `s` is no tag.
 */
static size_t tag_at(const char *s, size_t n, size_t *name_at, size_t *name_len,
                     bool *closing) {
  size_t i = 1;
  if (n < 3 || s[0] != '<')
    return 0;
  *closing = s[1] == '/';
  i += *closing;
  if (i >= n || !isalpha((unsigned char)s[i]))
    return 0;
  *name_at = i;
  while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-'))
    i++;
  *name_len = i - *name_at;
  if (i < n && !isspace((unsigned char)s[i]) && s[i] != '/' && s[i] != '>')
    return 0;
  char quote = 0;
  for (; i < n; i++) {
    if (quote) {
      quote = s[i] == quote ? 0 : quote;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (s[i] == '>') {
      return i + 1;
    }
  }
  return 0;
}

size_t scr_html_element_tag(const char *s, size_t n, char *name,
                            bool *closing) {
  size_t at, len;
  size_t tag = tag_at(s, n, &at, &len, closing);
  if (!tag || len >= SCR_HTML_NAME_MAX)
    return 0;
  for (size_t i = 0; i < len; i++)
    name[i] = (char)tolower((unsigned char)s[at + i]);
  name[len] = '\0';
  return markdown_of(name) ? tag : 0;
}

size_t scr_html_break_len(const char *s, size_t n) {
  char name[SCR_HTML_NAME_MAX];
  bool closing;
  size_t tag = scr_html_element_tag(s, n, name, &closing);
  return tag && !closing && strcmp(name, "br") == 0 ? tag : 0;
}

scr_error scr_html_visible(const char *s, size_t n, scr_buf *out) {
  size_t start = out->len;
  scr_error err = SCR_OK;
  for (size_t i = 0; !err && i < n;) {
    const char *lt = memchr(s + i, '<', n - i);
    size_t upto = lt ? (size_t)(lt - s) : n;
    size_t skip = lt ? scr_html_comment_len(lt, n - upto) : 0;
    size_t take = upto - i + (lt && !skip ? 1 : 0);
    err = scr_buf_append(out, s + i, take);
    i += take + skip;
    if (!skip)
      continue;
    /* a comment on a line of its own takes the line with it, and the
       spaces either side of one within a line make one */
    char before = out->len > start ? out->data[out->len - 1] : '\n';
    if (before == '\n' && i < n && s[i] == '\n')
      i++;
    while ((before == ' ' || before == '\t') && i < n &&
           (s[i] == ' ' || s[i] == '\t'))
      i++;
  }
  if (err)
    return err;
  /* the whitespace around what is left */
  size_t lead = start;
  while (lead < out->len && isspace((unsigned char)out->data[lead]))
    lead++;
  memmove(out->data + start, out->data + lead, out->len - lead);
  out->len -= lead - start;
  while (out->len > start && isspace((unsigned char)out->data[out->len - 1]))
    out->len--;
  if (out->data)
    out->data[out->len] = '\0';
  return SCR_OK;
}
