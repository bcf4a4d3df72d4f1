/*
 * A LibreOffice report's body (content.xml) described to the Markdown
 * writer. It reads with every tracked change accepted: LibreOffice keeps
 * deleted text in text:tracked-changes, which is never walked, and
 * inserted text in the body. Annotations (comments) are never walked.
 */
#include "report.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

#define ODT_LEVELS 10
/* A row or cell repeated more often than this is repeated this often:
   LibreOffice repeats empty ones to fill a sheet's width. */
#define MAX_REPEATS 64
/* Styles' parents are followed at most this far (a loop ends there). */
#define MAX_PARENTS 16

#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"

typedef struct odt_style {
  xmlNodePtr node; /* style:style */
  const char *family, *name, *parent, *display, *list_style, *master;
} odt_style;

typedef struct odt_list_style {
  const char *name;
  xmlNodePtr node; /* text:list-style */
} odt_list_style;

typedef struct odt_master {
  const char *name;
  bool landscape;
} odt_master;

typedef struct walk {
  const scr_zpkg *pkg;
  scr_rtext *t;
  xmlDocPtr content, styles;
  odt_style *st;
  size_t n_st, cap_st;
  odt_list_style *lists;
  size_t n_lists, cap_lists;
  odt_master *masters;
  size_t n_masters, cap_masters;
  int counter[ODT_LEVELS];
  long list_id;
  bool in_note, title_taken, warned_toc, warned_box;
  bool space_before; /* the text written last ended in a space */
  scr_buf *capture;  /* a Title paragraph's text goes here */
  scr_error err;
} walk;

static void walk_blocks(walk *w, const xmlNode *parent);
static void walk_inlines(walk *w, const xmlNode *parent, unsigned format);

/* ---- XML ----------------------------------------------------------------- */

static bool is(const xmlNode *n, const char *ns, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, ns) == 0 &&
         strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value, borrowed from the tree (NULL when absent). */
static const char *attr(const xmlNode *n, const char *ns, const char *name) {
  for (xmlAttrPtr a = n ? n->properties : NULL; a; a = a->next)
    if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, ns) == 0 &&
        strcmp((const char *)a->name, name) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE)
      return (const char *)a->children->content;
  return NULL;
}

static xmlNodePtr child(const xmlNode *n, const char *ns, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (is(c, ns, name))
      return c;
  return NULL;
}

static int int_attr(const xmlNode *n, const char *ns, const char *name,
                    int fallback) {
  const char *v = attr(n, ns, name);
  return v ? (int)strtol(v, NULL, 10) : fallback;
}

/* ---- styles -------------------------------------------------------------- */

static void add_styles(walk *w, const xmlNode *holder) {
  for (xmlNodePtr s = holder ? holder->children : NULL; s; s = s->next) {
    if (is(s, NS_STYLE, "style")) {
      if (scr_reserve(&w->st, &w->cap_st, w->n_st + 1, sizeof *w->st)) {
        w->err = SCR_E_NOMEM;
        return;
      }
      w->st[w->n_st++] = (odt_style){s,
                                     attr(s, NS_STYLE, "family"),
                                     attr(s, NS_STYLE, "name"),
                                     attr(s, NS_STYLE, "parent-style-name"),
                                     attr(s, NS_STYLE, "display-name"),
                                     attr(s, NS_STYLE, "list-style-name"),
                                     attr(s, NS_STYLE, "master-page-name")};
    } else if (is(s, NS_TEXT, "list-style")) {
      if (scr_reserve(&w->lists, &w->cap_lists, w->n_lists + 1,
                      sizeof *w->lists)) {
        w->err = SCR_E_NOMEM;
        return;
      }
      w->lists[w->n_lists++] = (odt_list_style){attr(s, NS_STYLE, "name"), s};
    }
  }
}

static const odt_style *style_find(const walk *w, const char *family,
                                   const char *name) {
  if (!name)
    return NULL;
  /* automatic styles (content.xml, read last) shadow none: names differ */
  for (size_t i = w->n_st; i-- > 0;)
    if (w->st[i].name && strcmp(w->st[i].name, name) == 0 &&
        (!family || (w->st[i].family && strcmp(w->st[i].family, family) == 0)))
      return &w->st[i];
  return NULL;
}

static const odt_style *parent_of(const walk *w, const odt_style *s) {
  return s->parent ? style_find(w, s->family, s->parent) : NULL;
}

/* The character formatting a style's text properties set, through its
   parents; `base` where they say nothing. */
static unsigned text_format(const walk *w, const odt_style *s, unsigned base) {
  unsigned set = 0, on = 0;
  for (int hops = 0; s && hops < MAX_PARENTS; hops++, s = parent_of(w, s)) {
    xmlNodePtr tp = child(s->node, NS_STYLE, "text-properties");
    const char *weight = attr(tp, NS_FO, "font-weight");
    const char *style = attr(tp, NS_FO, "font-style");
    const char *under = attr(tp, NS_STYLE, "text-underline-style");
    const char *strike = attr(tp, NS_STYLE, "text-line-through-style");
    const char *pos = attr(tp, NS_STYLE, "text-position");
    if (weight && !(set & SCR_RT_BOLD)) {
      set |= SCR_RT_BOLD;
      on |=
          strcmp(weight, "bold") == 0 || atoi(weight) >= 600 ? SCR_RT_BOLD : 0;
    }
    if ((style || under) && !(set & SCR_RT_ITALIC)) {
      set |= SCR_RT_ITALIC;
      bool italic = style && (strcmp(style, "italic") == 0 ||
                              strcmp(style, "oblique") == 0);
      bool underlined = under && strcmp(under, "none") != 0;
      on |= italic || underlined ? SCR_RT_ITALIC : 0;
    }
    if (strike && !(set & SCR_RT_STRIKE)) {
      set |= SCR_RT_STRIKE;
      on |= strcmp(strike, "none") != 0 ? SCR_RT_STRIKE : 0;
    }
    if (pos && !(set & (SCR_RT_SUPERSCRIPT | SCR_RT_SUBSCRIPT))) {
      set |= SCR_RT_SUPERSCRIPT | SCR_RT_SUBSCRIPT;
      double shift = strncmp(pos, "super", 5) == 0 ? 1
                     : strncmp(pos, "sub", 3) == 0 ? -1
                                                   : strtod(pos, NULL);
      on |= shift > 0 ? SCR_RT_SUPERSCRIPT : shift < 0 ? SCR_RT_SUBSCRIPT : 0;
    }
  }
  return (base & ~set) | on;
}

/* What a paragraph style makes of its paragraphs, through its parents. */
typedef enum para_kind { P_BODY, P_HEADING, P_TITLE, P_QUOTE } para_kind;

static para_kind paragraph_kind(const walk *w, const char *name, int *level) {
  const odt_style *s = style_find(w, "paragraph", name);
  for (int hops = 0; s && hops < MAX_PARENTS; hops++, s = parent_of(w, s)) {
    const char *shown = s->display ? s->display : s->name;
    if (strcmp(s->name, "Title") == 0 || strcmp(shown, "Title") == 0)
      return P_TITLE;
    if (strcmp(s->name, "Quotations") == 0 || strcmp(shown, "Quote") == 0 ||
        strcmp(shown, "Quotations") == 0)
      return P_QUOTE;
    const char *outline = attr(s->node, NS_STYLE, "default-outline-level");
    if (outline && *outline) {
      *level = atoi(outline);
      return *level >= 1 ? P_HEADING : P_BODY;
    }
  }
  return P_BODY;
}

/* "List Bullet 2", "List Number 3": the nesting a paragraph's style gives
   by its name, as Word's list styles do (LibreOffice keeps each level a
   list of its own, indented). */
static int list_depth_of_style(const walk *w, const char *name) {
  const odt_style *s = style_find(w, "paragraph", name);
  for (int hops = 0; s && hops < MAX_PARENTS; hops++, s = parent_of(w, s)) {
    const char *shown = s->display ? s->display : s->name;
    size_t n = strlen(shown);
    if ((strncmp(shown, "List Bullet ", 12) == 0 ||
         strncmp(shown, "List Number ", 12) == 0) &&
        n == 13 && shown[12] >= '2' && shown[12] <= '9')
      return shown[12] - '1';
  }
  return 0;
}

/* The list style a paragraph style names, through its parents. */
static const char *paragraph_list_style(const walk *w, const char *name) {
  const odt_style *s = style_find(w, "paragraph", name);
  for (int hops = 0; s && hops < MAX_PARENTS; hops++, s = parent_of(w, s))
    if (s->list_style && *s->list_style)
      return s->list_style;
  return NULL;
}

/* The level style of level `level` (0-based) of list style `name`, or
   NULL; *styled says whether the list style was found. */
static const xmlNode *list_level(const walk *w, const char *name, int level,
                                 bool *styled) {
  const xmlNode *ls = NULL;
  for (size_t i = 0; name && i < w->n_lists; i++)
    if (w->lists[i].name && strcmp(w->lists[i].name, name) == 0)
      ls = w->lists[i].node;
  *styled = ls != NULL;
  for (xmlNodePtr l = ls ? ls->children : NULL; l; l = l->next)
    if (l->type == XML_ELEMENT_NODE &&
        int_attr(l, NS_TEXT, "level", 0) == level + 1)
      return l;
  return NULL;
}

/* A level numbers its items when it is a number style with a format; a
   list without a style LibreOffice numbers 1, 2, 3. */
static bool level_ordered(const xmlNode *lvl, bool styled) {
  const char *format = attr(lvl, NS_STYLE, "num-format");
  return lvl ? is(lvl, NS_TEXT, "list-level-style-number") && format && *format
             : !styled;
}

/* Whether Markdown's ordered lists show the level's label: its own number
   in digits and '.' or ')' after it. Others ("2.3", "(b)") are written as
   text, as the report refers to them. */
static bool markdown_label(const xmlNode *lvl) {
  const char *format = attr(lvl, NS_STYLE, "num-format");
  const char *prefix = attr(lvl, NS_STYLE, "num-prefix");
  const char *suffix = attr(lvl, NS_STYLE, "num-suffix");
  return !lvl || (format && strcmp(format, "1") == 0 && (!prefix || !*prefix) &&
                  int_attr(lvl, NS_TEXT, "display-levels", 1) == 1 && suffix &&
                  (strcmp(suffix, ".") == 0 || strcmp(suffix, ")") == 0));
}

/* One number in a level's format: 3, c, C, iii, III. */
static void format_number(scr_buf *out, int n, const char *format) {
  static const char *const ROMAN[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                      "xl", "x",  "ix", "v",  "iv", "i"};
  static const int VALUE[] = {1000, 900, 500, 400, 100, 90, 50,
                              40,   10,  9,   5,   4,   1};
  char f = format ? format[0] : '1';
  bool upper = f == 'A' || f == 'I';
  if ((f == 'a' || f == 'A') && n > 0) {
    char c = (char)((upper ? 'A' : 'a') + (n - 1) % 26);
    for (int i = 0; i <= (n - 1) / 26 && i < 8; i++)
      scr_buf_append(out, &c, 1);
  } else if ((f == 'i' || f == 'I') && n > 0 && n < 4000) {
    for (size_t i = 0; i < sizeof VALUE / sizeof *VALUE; i++)
      for (; n >= VALUE[i]; n -= VALUE[i])
        for (const char *r = ROMAN[i]; *r; r++) {
          char c = upper ? (char)(*r - 'a' + 'A') : *r;
          scr_buf_append(out, &c, 1);
        }
  } else {
    scr_buf_printf(out, "%d", n);
  }
}

/* The label of an item at `level`: prefix, the numbers of the levels it
   displays joined by '.', suffix. Caller frees. */
static char *level_label(const walk *w, const char *style, int level,
                         const xmlNode *lvl) {
  scr_buf out = SCR_BUF_INIT;
  const char *prefix = attr(lvl, NS_STYLE, "num-prefix");
  const char *suffix = attr(lvl, NS_STYLE, "num-suffix");
  int shown = int_attr(lvl, NS_TEXT, "display-levels", 1);
  int from = level + 1 - (shown < 1 ? 1 : shown);
  scr_buf_puts(&out, prefix ? prefix : "");
  for (int l = from < 0 ? 0 : from; l <= level; l++) {
    bool styled;
    const xmlNode *each = l == level ? lvl : list_level(w, style, l, &styled);
    if (l > (from < 0 ? 0 : from))
      scr_buf_puts(&out, ".");
    format_number(&out, w->counter[l] ? w->counter[l] : 1,
                  attr(each, NS_STYLE, "num-format"));
  }
  scr_buf_puts(&out, suffix ? suffix : "");
  return scr_buf_detach(&out, NULL);
}

/* ---- master pages: which turn the page ---------------------------------- */

static void read_masters(walk *w) {
  xmlNodePtr root = w->styles ? xmlDocGetRootElement(w->styles) : NULL;
  xmlNodePtr autos = child(root, NS_OFFICE, "automatic-styles");
  xmlNodePtr masters = child(root, NS_OFFICE, "master-styles");
  for (xmlNodePtr m = masters ? masters->children : NULL; m; m = m->next) {
    if (!is(m, NS_STYLE, "master-page"))
      continue;
    const char *layout = attr(m, NS_STYLE, "page-layout-name");
    bool landscape = false;
    for (xmlNodePtr pl = autos ? autos->children : NULL; layout && pl;
         pl = pl->next) {
      const char *name = attr(pl, NS_STYLE, "name");
      if (!is(pl, NS_STYLE, "page-layout") || !name || strcmp(name, layout))
        continue;
      const char *o = attr(child(pl, NS_STYLE, "page-layout-properties"),
                           NS_STYLE, "print-orientation");
      landscape = o && strcmp(o, "landscape") == 0;
    }
    if (scr_reserve(&w->masters, &w->cap_masters, w->n_masters + 1,
                    sizeof *w->masters)) {
      w->err = SCR_E_NOMEM;
      return;
    }
    w->masters[w->n_masters++] =
        (odt_master){attr(m, NS_STYLE, "name"), landscape};
  }
}

/* A block whose style starts a page of another master turns the pages
   to that master's orientation. */
static void turn_for(walk *w, const char *family, const char *style_name) {
  const odt_style *s = style_find(w, family, style_name);
  const char *master = s ? s->master : NULL;
  if (!master || !*master || w->in_note)
    return;
  for (size_t i = 0; i < w->n_masters; i++)
    if (w->masters[i].name && strcmp(w->masters[i].name, master) == 0)
      scr_rtext_orientation(w->t, w->masters[i].landscape);
}

/* ---- text ---------------------------------------------------------------- */

static void out_text(walk *w, const char *s, size_t n, unsigned format) {
  if (!n)
    return;
  if (w->capture) {
    if (scr_buf_append(w->capture, s, n))
      w->err = SCR_E_NOMEM;
  } else {
    scr_rtext_text(w->t, s, n, format);
  }
  w->space_before = s[n - 1] == ' ';
}

/* Text as ODF has it shown: each run of white space one space (ODF 1.3
   part 3, 6.1.2), none at a paragraph's start. */
static void collapsed_text(walk *w, const char *s, unsigned format) {
  scr_buf b = SCR_BUF_INIT;
  bool space = w->space_before;
  for (; *s; s++) {
    bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
    if (ws && space)
      continue;
    space = ws;
    if (scr_buf_append(&b, ws ? " " : s, 1))
      w->err = SCR_E_NOMEM;
  }
  out_text(w, b.data ? b.data : "", b.len, format);
  scr_buf_free(&b);
}

static void spaces(walk *w, const xmlNode *n, unsigned format) {
  int count = int_attr(n, NS_TEXT, "c", 1);
  for (int i = 0; i < count && i < 1000; i++)
    out_text(w, " ", 1, format);
}

static void picture(walk *w, const xmlNode *frame) {
  if (w->capture)
    return;
  xmlNodePtr image = child(frame, NS_DRAW, "image");
  const char *href = attr(image, NS_XLINK, "href");
  if (!href) {
    if (child(frame, NS_DRAW, "text-box") && !w->warned_box) {
      scr_rtext_warn(w->t, "a text box is left out: move its text into the "
                           "report's body");
      w->warned_box = true;
    }
    return;
  }
  const char *member = strncmp(href, "./", 2) == 0 ? href + 2 : href;
  xmlNodePtr desc = child(frame, NS_SVG, "desc");
  if (!desc)
    desc = child(frame, NS_SVG, "title");
  xmlChar *alt = desc ? xmlNodeGetContent(desc) : NULL;
  unsigned char *bytes = NULL;
  size_t len = 0;
  scr_error err =
      strstr(member, "://")
          ? SCR_OK
          : scr_zpkg_read(w->pkg, member, SCR_REPORT_PICTURE_MAX_BYTES, &bytes,
                          &len);
  if (err)
    w->err = err;
  else if (bytes)
    scr_rtext_picture(w->t, bytes, len, (const char *)alt, member);
  else
    scr_rtext_warn(w->t, "picture %s is not in the document", member);
  xmlFree(alt);
}

static void note(walk *w, const xmlNode *n) {
  if (w->in_note || w->capture)
    return;
  bool space = w->space_before;
  w->in_note = true;
  scr_rtext_note_begin(w->t);
  walk_blocks(w, child(n, NS_TEXT, "note-body"));
  scr_rtext_note_end(w->t);
  w->in_note = false;
  w->space_before = space;
}

static void link(walk *w, const xmlNode *a, unsigned format) {
  const char *href = attr(a, NS_XLINK, "href");
  char *url = href ? scr_strdup(href) : NULL;
  /* "#Heading|outline": LibreOffice's link to a heading by its text */
  char *bar = url && url[0] == '#' ? strchr(url, '|') : NULL;
  if (bar)
    *bar = '\0';
  bool linked = url && *url && !w->capture;
  if (linked)
    scr_rtext_link_begin(w->t, url);
  walk_inlines(w, a, format);
  if (linked)
    scr_rtext_link_end(w->t);
  free(url);
}

/* Elements whose content is never shown: comments, tracked deletions,
   declarations. */
static bool never_shown(const xmlNode *c) {
  return is(c, NS_OFFICE, "annotation") || is(c, NS_OFFICE, "annotation-end") ||
         is(c, NS_TEXT, "tracked-changes") || is(c, NS_TEXT, "note-citation") ||
         is(c, NS_TEXT, "sequence-decls") || is(c, NS_TEXT, "variable-decls") ||
         is(c, NS_TEXT, "user-field-decls") || is(c, NS_OFFICE, "forms") ||
         is(c, NS_TEXT, "soft-page-break") || is(c, NS_TEXT, "change") ||
         is(c, NS_TEXT, "change-start") || is(c, NS_TEXT, "change-end");
}

static void inline_element(walk *w, const xmlNode *c, unsigned format) {
  if (is(c, NS_TEXT, "span")) {
    const odt_style *s = style_find(w, "text", attr(c, NS_TEXT, "style-name"));
    walk_inlines(w, c, s ? text_format(w, s, format) : format);
  } else if (is(c, NS_TEXT, "s")) {
    spaces(w, c, format);
  } else if (is(c, NS_TEXT, "tab")) {
    out_text(w, "\t", 1, format);
  } else if (is(c, NS_TEXT, "line-break")) {
    if (w->capture)
      out_text(w, " ", 1, 0);
    else
      scr_rtext_line_break(w->t);
    w->space_before = true;
  } else if (is(c, NS_TEXT, "a")) {
    link(w, c, format);
  } else if (is(c, NS_TEXT, "bookmark") || is(c, NS_TEXT, "bookmark-start")) {
    const char *name = attr(c, NS_TEXT, "name");
    if (name && !w->capture)
      scr_rtext_bookmark(w->t, name);
  } else if (is(c, NS_TEXT, "note")) {
    note(w, c);
  } else if (is(c, NS_DRAW, "frame")) {
    picture(w, c);
  } else if (is(c, NS_DRAW, "a")) {
    walk_inlines(w, c, format);
  } else if (c->ns && c->ns->href &&
             strcmp((const char *)c->ns->href, NS_DRAW) == 0) {
    /* shapes: no text of the report's own */
  } else if (!never_shown(c)) {
    /* fields and wrappers: their text is their cached result */
    walk_inlines(w, c, format);
  }
}

static void walk_inlines(walk *w, const xmlNode *parent, unsigned format) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c && !w->err;
       c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
      collapsed_text(w, (const char *)c->content, format);
    else if (c->type == XML_ELEMENT_NODE)
      inline_element(w, c, format);
  }
}

/* The format a paragraph's own style gives its text. */
static unsigned paragraph_format(const walk *w, const char *style) {
  const odt_style *s = style_find(w, "paragraph", style);
  return s ? text_format(w, s, 0) & ~(unsigned)SCR_RT_BOLD : 0;
}

/* ---- paragraphs and headings --------------------------------------------- */

static void title(walk *w, const xmlNode *p) {
  scr_buf text = SCR_BUF_INIT;
  w->capture = &text;
  w->space_before = true;
  walk_inlines(w, p, 0);
  w->capture = NULL;
  if (text.len) {
    scr_rtext_title(w->t, text.data);
    w->title_taken = true;
  }
  scr_buf_free(&text);
}

/* A heading is a place LibreOffice's links name by its text
   ("#Summary|outline", the part before '|' kept by link()). */
static void heading_name(walk *w, const xmlNode *h) {
  xmlChar *text = xmlNodeGetContent(h);
  scr_buf name = SCR_BUF_INIT;
  bool space = true;
  for (const char *s = (const char *)text; s && *s; s++) {
    bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
    if (ws && space)
      continue;
    space = ws;
    if (scr_buf_append(&name, ws ? " " : s, 1))
      w->err = SCR_E_NOMEM;
  }
  while (name.len && name.data[name.len - 1] == ' ')
    name.data[--name.len] = '\0';
  if (name.len)
    scr_rtext_bookmark(w->t, name.data);
  scr_buf_free(&name);
  xmlFree(text);
}

/* text:p or text:h. */
static void paragraph(walk *w, const xmlNode *p) {
  const char *style = attr(p, NS_TEXT, "style-name");
  turn_for(w, "paragraph", style);
  int level = 0;
  para_kind kind = paragraph_kind(w, style, &level);
  if (is(p, NS_TEXT, "h")) {
    kind = P_HEADING;
    level = int_attr(p, NS_TEXT, "outline-level", level ? level : 1);
  }
  if (kind == P_TITLE && !w->title_taken && !w->in_note) {
    title(w, p);
    return;
  }
  if (kind == P_TITLE)
    scr_rtext_heading(w->t, 1);
  else if (kind == P_HEADING)
    scr_rtext_heading(w->t, level < 1 ? 1 : level > 6 ? 6 : level);
  else if (kind == P_QUOTE)
    scr_rtext_quote(w->t);
  else
    scr_rtext_paragraph(w->t);
  w->space_before = true;
  walk_inlines(w, p, kind == P_BODY ? paragraph_format(w, style) : 0);
  if (kind == P_HEADING || kind == P_TITLE)
    heading_name(w, p);
}

/* A paragraph or heading of a list, its label (NULL: none) written
   before its text. */
static void labelled(walk *w, const xmlNode *p, const char *label) {
  const char *style = attr(p, NS_TEXT, "style-name");
  int level = 0;
  para_kind kind = paragraph_kind(w, style, &level);
  if (is(p, NS_TEXT, "h")) {
    kind = P_HEADING;
    level = int_attr(p, NS_TEXT, "outline-level", level ? level : 1);
  }
  if (kind == P_HEADING)
    scr_rtext_heading(w->t, level < 1 ? 1 : level > 6 ? 6 : level);
  else
    scr_rtext_paragraph(w->t);
  w->space_before = true;
  if (label && *label) {
    out_text(w, label, strlen(label), 0);
    out_text(w, " ", 1, 0);
  }
  walk_inlines(w, p, 0);
  if (kind == P_HEADING)
    heading_name(w, p);
}

/* ---- lists --------------------------------------------------------------- */

typedef struct list_ctx {
  const char *style; /* the list style in force */
  int level;
} list_ctx;

static void list(walk *w, const xmlNode *l, list_ctx ctx);

/* One item: its first paragraph numbered, the rest lines of it. */
static void list_item(walk *w, const xmlNode *item, list_ctx ctx) {
  bool first = true;
  for (xmlNodePtr c = item->children; c && !w->err; c = c->next) {
    if (is(c, NS_TEXT, "list")) {
      list(w, c, (list_ctx){ctx.style, ctx.level + 1});
      first = false;
      continue;
    }
    if (!is(c, NS_TEXT, "p") && !is(c, NS_TEXT, "h")) {
      if (is(c, NS_TABLE, "table"))
        walk_blocks(w, item);
      continue;
    }
    if (!first) {
      scr_rtext_line_break(w->t);
      w->space_before = true;
      walk_inlines(w, c, 0);
      continue;
    }
    const char *style =
        ctx.style ? ctx.style
                  : paragraph_list_style(w, attr(c, NS_TEXT, "style-name"));
    int level = ctx.level < ODT_LEVELS ? ctx.level : ODT_LEVELS - 1;
    bool styled;
    const xmlNode *lvl = list_level(w, style, level, &styled);
    bool ordered = level_ordered(lvl, styled);
    int start = int_attr(lvl, NS_TEXT, "start-value", 1);
    const char *restart = attr(item, NS_TEXT, "start-value");
    if (restart)
      w->counter[level] = atoi(restart) - 1;
    else if (w->counter[level] < start - 1)
      w->counter[level] = start - 1;
    int number = ++w->counter[level];
    for (int l = level + 1; l < ODT_LEVELS; l++)
      w->counter[l] = 0;
    char *label = ordered && (is(c, NS_TEXT, "h") || !markdown_label(lvl))
                      ? level_label(w, style, level, lvl)
                      : NULL;
    if (is(c, NS_TEXT, "h") || label) {
      /* a numbered heading, or a paragraph numbered 2.3: its label is
         its text */
      labelled(w, c, label);
    } else {
      int depth =
          level + list_depth_of_style(w, attr(c, NS_TEXT, "style-name"));
      scr_rtext_item(w->t, depth, ordered, number, w->list_id);
      w->space_before = true;
      walk_inlines(w, c, 0);
    }
    free(label);
    first = false;
  }
}

static bool continues(const xmlNode *l) {
  const char *numbering = attr(l, NS_TEXT, "continue-numbering");
  return (numbering && strcmp(numbering, "true") == 0) ||
         attr(l, NS_TEXT, "continue-list") != NULL;
}

static void list(walk *w, const xmlNode *l, list_ctx ctx) {
  const char *style = attr(l, NS_TEXT, "style-name");
  if (style)
    ctx.style = style;
  if (ctx.level == 0 && !continues(l)) {
    memset(w->counter, 0, sizeof w->counter);
    w->list_id++;
  }
  for (xmlNodePtr c = l->children; c && !w->err; c = c->next) {
    if (is(c, NS_TEXT, "list-item"))
      list_item(w, c, ctx);
    else if (is(c, NS_TEXT, "list-header"))
      walk_blocks(w, c);
  }
}

/* ---- tables -------------------------------------------------------------- */

static void cells(walk *w, const xmlNode *row) {
  for (xmlNodePtr c = row->children; c && !w->err; c = c->next) {
    bool covered = is(c, NS_TABLE, "covered-table-cell");
    if (!covered && !is(c, NS_TABLE, "table-cell"))
      continue;
    int repeat = int_attr(c, NS_TABLE, "number-columns-repeated", 1);
    repeat = repeat < 1 ? 1 : repeat > MAX_REPEATS ? MAX_REPEATS : repeat;
    bool spans = attr(c, NS_TABLE, "number-columns-spanned") &&
                 int_attr(c, NS_TABLE, "number-columns-spanned", 1) > 1;
    for (int i = 0; i < repeat && !w->err; i++) {
      /* a span's covered cells follow it, and count its columns */
      scr_rtext_cell_begin(w->t, 1, covered || spans);
      if (!covered)
        walk_blocks(w, c);
      scr_rtext_cell_end(w->t);
    }
  }
}

static void rows(walk *w, const xmlNode *parent, bool header) {
  for (xmlNodePtr r = parent->children; r && !w->err; r = r->next) {
    if (is(r, NS_TABLE, "table-header-rows")) {
      rows(w, r, true);
    } else if (is(r, NS_TABLE, "table-rows") ||
               is(r, NS_TABLE, "table-row-group")) {
      rows(w, r, header);
    } else if (is(r, NS_TABLE, "table-row")) {
      int repeat = int_attr(r, NS_TABLE, "number-rows-repeated", 1);
      repeat = repeat < 1 ? 1 : repeat > MAX_REPEATS ? MAX_REPEATS : repeat;
      for (int i = 0; i < repeat && !w->err; i++) {
        scr_rtext_row_begin(w->t, header);
        cells(w, r);
        scr_rtext_row_end(w->t);
      }
    }
  }
}

static void table(walk *w, const xmlNode *tbl) {
  turn_for(w, "table", attr(tbl, NS_TABLE, "style-name"));
  scr_rtext_table_begin(w->t);
  rows(w, tbl, false);
  scr_rtext_table_end(w->t);
}

/* ---- blocks -------------------------------------------------------------- */

static void walk_blocks(walk *w, const xmlNode *parent) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c && !w->err;
       c = c->next) {
    if (is(c, NS_TEXT, "p") || is(c, NS_TEXT, "h"))
      paragraph(w, c);
    else if (is(c, NS_TEXT, "list"))
      list(w, c, (list_ctx){NULL, 0});
    else if (is(c, NS_TABLE, "table"))
      table(w, c);
    else if (is(c, NS_TEXT, "table-of-content") ||
             is(c, NS_TEXT, "alphabetical-index") ||
             is(c, NS_TEXT, "illustration-index") ||
             is(c, NS_TEXT, "table-index") || is(c, NS_TEXT, "object-index") ||
             is(c, NS_TEXT, "user-index") || is(c, NS_TEXT, "bibliography")) {
      if (!w->warned_toc)
        scr_rtext_warn(w->t, "its table of contents or index is left out: "
                             "its page numbers are the report's own, not "
                             "the pack's");
      w->warned_toc = true;
    } else if (is(c, NS_TEXT, "section")) {
      walk_blocks(w, c);
    }
  }
}

/* ---- the document -------------------------------------------------------- */

/* dc:title and dc:creator (else the initial creator) of meta.xml. */
static scr_error read_meta(walk *w) {
  xmlDocPtr doc = NULL;
  scr_error err =
      scr_zpkg_read_xml(w->pkg, "meta.xml", SCR_REPORT_PART_MAX_BYTES, &doc);
  if (err || !doc)
    return err;
  xmlNodePtr meta = child(xmlDocGetRootElement(doc), NS_OFFICE, "meta");
  const char *creator = NULL, *initial = NULL;
  xmlChar *texts[3] = {NULL, NULL, NULL};
  for (xmlNodePtr n = meta ? meta->children : NULL; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)n->name;
    int slot = strcmp(name, "title") == 0             ? 0
               : strcmp(name, "creator") == 0         ? 1
               : strcmp(name, "initial-creator") == 0 ? 2
                                                      : -1;
    if (slot >= 0 && !texts[slot])
      texts[slot] = xmlNodeGetContent(n);
  }
  creator = (const char *)texts[1];
  initial = (const char *)texts[2];
  scr_rtext_doc_title(w->t, (const char *)texts[0]);
  scr_rtext_author(w->t, creator && *creator ? creator : initial);
  for (int i = 0; i < 3; i++)
    xmlFree(texts[i]);
  xmlFreeDoc(doc);
  return SCR_OK;
}

static scr_error read_parts(walk *w) {
  scr_error err = scr_zpkg_read_xml(w->pkg, "content.xml",
                                    SCR_REPORT_PART_MAX_BYTES, &w->content);
  if (!err && !w->content) {
    scr_error_at(w->pkg->diags, w->pkg->path, 0, 0,
                 "report has no content.xml: it is not an OpenDocument text");
    return SCR_E_SOURCE;
  }
  if (!err)
    err = scr_zpkg_read_xml(w->pkg, "styles.xml", SCR_REPORT_PART_MAX_BYTES,
                            &w->styles);
  xmlNodePtr sroot = w->styles ? xmlDocGetRootElement(w->styles) : NULL;
  xmlNodePtr croot = w->content ? xmlDocGetRootElement(w->content) : NULL;
  if (!err) {
    add_styles(w, child(sroot, NS_OFFICE, "styles"));
    add_styles(w, child(sroot, NS_OFFICE, "automatic-styles"));
    add_styles(w, child(croot, NS_OFFICE, "automatic-styles"));
    read_masters(w);
    err = w->err;
  }
  if (!err)
    err = read_meta(w);
  return err;
}

scr_error scr_report_read_odt(const scr_zpkg *p, scr_rtext *t) {
  walk w = {.pkg = p, .t = t};
  scr_error err = read_parts(&w);
  xmlNodePtr root = w.content ? xmlDocGetRootElement(w.content) : NULL;
  xmlNodePtr text = child(child(root, NS_OFFICE, "body"), NS_OFFICE, "text");
  if (!err && !text) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report's content.xml has no office:text: it is not an "
                 "OpenDocument text");
    err = SCR_E_SOURCE;
  }
  if (!err) {
    /* the pages start as the first master page has them */
    if (w.n_masters && w.masters[0].landscape)
      scr_rtext_orientation(t, true);
    walk_blocks(&w, text);
    err = w.err;
  }
  free(w.st);
  free(w.lists);
  free(w.masters);
  if (w.content)
    xmlFreeDoc(w.content);
  if (w.styles)
    xmlFreeDoc(w.styles);
  return err;
}
