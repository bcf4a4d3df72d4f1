/* Small XML helpers shared by the ODT parts: namespaces, lengths, style
   names and the whitespace rules of ODF text. */
#include "odt.h"

#include <stdlib.h>
#include <string.h>

typedef struct odt_ns {
  const char *prefix;
  const char *uri;
} odt_ns;

/* The namespaces of ODF 1.3 this writer uses (OpenDocument part 3, 2.2). */
static const odt_ns NAMESPACES[] = {
    {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xlink", "http://www.w3.org/1999/xlink"},
    {"dc", "http://purl.org/dc/elements/1.1/"},
    {"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
    {"number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"},
    {"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
    {NULL, NULL},
};

const char *scr_odt_ns_uri(const char *prefix) {
  for (const odt_ns *ns = NAMESPACES; ns->prefix; ns++)
    if (strcmp(ns->prefix, prefix) == 0)
      return ns->uri;
  return NULL;
}

void scr_odt_declare_ns(scr_xmlw *x, const char *const *prefixes) {
  for (; *prefixes; prefixes++) {
    const char *uri = scr_odt_ns_uri(*prefixes);
    if (!uri)
      continue;
    char *name = scr_asprintf("xmlns:%s", *prefixes);
    if (!name) {
      if (!x->err)
        x->err = SCR_E_NOMEM;
      return;
    }
    scr_xmlw_attr(x, name, uri);
    free(name);
  }
}

/* ODF lengths are decimal; printing integers keeps the output independent
   of the C locale's decimal separator. 2500 is "2.5cm", 17000 "17cm". */
void scr_odt_attr_cm(scr_xmlw *x, const char *name, int32_t mm100) {
  enum { MM100_PER_CM = 1000, DECIMALS = 3 };
  int64_t v = mm100 < 0 ? -(int64_t)mm100 : mm100;
  int64_t frac = v % MM100_PER_CM;
  int digits = DECIMALS;
  for (; digits > 0 && frac % 10 == 0; digits--)
    frac /= 10;
  if (digits == 0)
    scr_xmlw_attrf(x, name, "%s%lldcm", mm100 < 0 ? "-" : "",
                   (long long)(v / MM100_PER_CM));
  else
    scr_xmlw_attrf(x, name, "%s%lld.%0*lldcm", mm100 < 0 ? "-" : "",
                   (long long)(v / MM100_PER_CM), digits, (long long)frac);
}

static bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* LibreOffice's encoding of display names: every character that is not an
   ASCII letter or digit becomes _xx_ (its hex value), '_' included, so
   decoding is unambiguous. */
char *scr_odt_style_name(const char *display) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = SCR_OK;
  for (const unsigned char *s = (const unsigned char *)display; *s && !err;
       s++) {
    if (ascii_alnum(*s))
      err = scr_buf_append(&b, s, 1);
    else
      err = scr_buf_printf(&b, "_%x_", (unsigned)*s);
  }
  if (!err && b.len == 0)
    err = scr_buf_append(&b, "_", 1);
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

/* A primary subtag of letters, then subtags of letters and digits, each 1
   to 8 long: the shape the ODF "language" and "countryCode" types accept. */
bool scr_odt_language_ok(const char *tag) {
  enum { SUBTAG_MAX = 8 };
  if (!tag || !*tag)
    return false;
  size_t n = 0;
  bool first = true;
  for (const unsigned char *s = (const unsigned char *)tag;; s++) {
    if (*s == '-' || *s == '\0') {
      if (n == 0 || n > SUBTAG_MAX)
        return false;
      if (*s == '\0')
        return true;
      first = false;
      n = 0;
    } else if (ascii_alnum(*s) && !(first && *s >= '0' && *s <= '9')) {
      n++;
    } else {
      return false;
    }
  }
}

/* ---- run formatting -------------------------------------------------- */

/* Superscript: raised by the default amount at 58% size, as footnote marks
   are set in LibreOffice. */
#define SUPERSCRIPT_POSITION "super 58%"
#define SUBSCRIPT_POSITION "sub 58%"

/* Bold and italic are set for Western, Asian and complex scripts alike, so
   the look does not depend on which script a character belongs to. */
void scr_odt_flag_props(scr_xmlw *x, unsigned mask) {
  if (mask & SCR_RUN_BOLD) {
    scr_xmlw_attr(x, "fo:font-weight", "bold");
    scr_xmlw_attr(x, "style:font-weight-asian", "bold");
    scr_xmlw_attr(x, "style:font-weight-complex", "bold");
  }
  if (mask & SCR_RUN_ITALIC) {
    scr_xmlw_attr(x, "fo:font-style", "italic");
    scr_xmlw_attr(x, "style:font-style-asian", "italic");
    scr_xmlw_attr(x, "style:font-style-complex", "italic");
  }
  if (mask & SCR_RUN_STRIKE) {
    scr_xmlw_attr(x, "style:text-line-through-style", "solid");
    scr_xmlw_attr(x, "style:text-line-through-type", "single");
  }
  if (mask & SCR_RUN_SUPERSCRIPT)
    scr_xmlw_attr(x, "style:text-position", SUPERSCRIPT_POSITION);
  else if (mask & SCR_RUN_SUBSCRIPT)
    scr_xmlw_attr(x, "style:text-position", SUBSCRIPT_POSITION);
}

/* ---- held start tags -------------------------------------------------- */

typedef struct fragment {
  const char *s;
  size_t len;
} fragment;
#define FRAGMENT(literal)                                                      \
  { "" literal, sizeof(literal) - 1 }

/* The constant markup of the elements opened raw: the start tag up to the
   style name, and the closing tag. */
static const struct {
  fragment start, end;
} RAW_ELEMENTS[] = {
    [ODT_RAW_PARAGRAPH] = {FRAGMENT("<text:p text:style-name=\""),
                           FRAGMENT("</text:p>")},
    [ODT_RAW_SPAN] = {FRAGMENT("<text:span text:style-name=\""),
                      FRAGMENT("</text:span>")},
};

/* <element text:style-name="style"> or, `empty`, .../>: one raw call when
   the tag fits a small buffer (style names are short), three otherwise. */
static void write_start_tag(scr_xmlw *x, const odt_held_tag *t, bool empty) {
  enum { TAG_MAX = 160 };
  const fragment *start = &RAW_ELEMENTS[t->element].start;
  const fragment end =
      empty ? (fragment)FRAGMENT("\"/>") : (fragment)FRAGMENT("\">");
  size_t style_len = strlen(t->style);
  char tag[TAG_MAX];
  if (start->len + style_len + end.len > sizeof tag) {
    scr_xmlw_raw(x, start->s, start->len);
    scr_xmlw_raw(x, t->style, style_len);
    scr_xmlw_raw(x, end.s, end.len);
    return;
  }
  memcpy(tag, start->s, start->len);
  memcpy(tag + start->len, t->style, style_len);
  memcpy(tag + start->len + style_len, end.s, end.len);
  scr_xmlw_raw(x, tag, start->len + style_len + end.len);
}

void scr_odt_hold(scr_xmlw *x, odt_spaces *sp, odt_raw_element element,
                  const char *style) {
  if (sp->nopen == ODT_RAW_OPEN_MAX) {
    if (!x->err)
      x->err = SCR_E_USAGE;
    return;
  }
  sp->open[sp->nopen++] = (odt_held_tag){element, style};
}

void scr_odt_settle(scr_xmlw *x, odt_spaces *sp) {
  for (; sp->written < sp->nopen; sp->written++)
    write_start_tag(x, &sp->open[sp->written], false);
}

void scr_odt_close(scr_xmlw *x, odt_spaces *sp) {
  if (sp->nopen == 0) {
    if (!x->err)
      x->err = SCR_E_USAGE;
    return;
  }
  const odt_held_tag *t = &sp->open[sp->nopen - 1];
  if (sp->written == sp->nopen) {
    const fragment *end = &RAW_ELEMENTS[t->element].end;
    scr_xmlw_raw(x, end->s, end->len);
    sp->written--;
  } else {
    /* the tags around it are written; it is empty */
    sp->nopen--;
    scr_odt_settle(x, sp);
    write_start_tag(x, t, true);
  }
  sp->nopen = sp->written;
}

/* Whether scr_xmlw_text writes anything for `text`, which it cleans with
   scr_xml_clean. Printable ASCII stays, so the first byte usually answers;
   otherwise a few characters at a time are cleaned until one stays. */
static bool text_survives_cleaning(scr_xmlw *x, const char *text, size_t len) {
  enum { STEP = 16 };
  unsigned char c = (unsigned char)text[0];
  if (c >= 0x20 && c < 0x7F)
    return true;
  scr_buf clean = SCR_BUF_INIT;
  scr_error err = SCR_OK;
  for (size_t i = 0; i < len && clean.len == 0 && !err;) {
    /* cut before a byte that is not a UTF-8 continuation byte, so no
       character is split */
    size_t end = len - i > STEP ? i + STEP : len;
    while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
      end++;
    err = scr_xml_clean(text + i, end - i, &clean);
    i = end;
  }
  if (err && !x->err)
    x->err = err;
  bool any = clean.len > 0;
  scr_buf_free(&clean);
  return any;
}

/* Text, after the held start tags when it is their first content. */
static void put_text(scr_xmlw *x, odt_spaces *sp, const char *text,
                     size_t len) {
  if (len == 0)
    return;
  if (sp->written < sp->nopen) {
    if (!text_survives_cleaning(x, text, len))
      return;
    scr_odt_settle(x, sp);
  }
  scr_xmlw_text(x, text, len);
}

/* ---- spaces ---------------------------------------------------------- */

static void write_s(scr_xmlw *x, odt_spaces *sp, size_t count) {
  if (count == 0)
    return;
  scr_odt_settle(x, sp);
  if (count == 1) {
    scr_xmlw_raw_lit(x, "<text:s/>");
    return;
  }
  scr_xmlw_start(x, "text:s");
  scr_xmlw_attr_int(x, "text:c", (long long)count);
  scr_xmlw_end(x);
}

/* Spaces before an element: after a word one stays a plain space (the
   next character is not a space, so nothing collapses it); the rest, or
   all after other whitespace, become text:s. */
void scr_odt_spaces_flush(scr_xmlw *x, odt_spaces *sp) {
  if (sp->pending == 0)
    return;
  if (sp->after_word) {
    put_text(x, sp, " ", 1);
    sp->pending--;
  }
  write_s(x, sp, sp->pending);
  sp->pending = 0;
  sp->after_word = false;
}

/* Spaces ending a paragraph would be dropped: all become text:s. */
void scr_odt_spaces_end(scr_xmlw *x, odt_spaces *sp) {
  write_s(x, sp, sp->pending);
  sp->pending = 0;
  sp->after_word = false;
}

void scr_odt_spaces_after_field(odt_spaces *sp) {
  sp->after_word = true;
}

static bool white(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the words from `i` on that are joined by single spaces: those
   spaces are written as they are, so the words and the spaces between
   them go to the writer in one call. A space after the last word is left
   to be held back. */
static size_t words_end(const char *text, size_t i, size_t len) {
  for (;;) {
    while (i < len && !white(text[i]))
      i++;
    if (i + 1 < len && text[i] == ' ' && !white(text[i + 1]))
      i++;
    else
      return i;
  }
}

void scr_odt_text(scr_xmlw *x, odt_spaces *sp, const char *text, size_t len) {
  size_t i = 0;
  while (i < len) {
    char c = text[i];
    if (c == ' ') {
      sp->pending++;
      i++;
    } else if (c == '\t' || c == '\n') {
      /* Whether a space after a tab element collapses is left open by the
         spec; text:s is safe either way. */
      scr_odt_spaces_flush(x, sp);
      scr_odt_settle(x, sp);
      if (c == '\t')
        scr_xmlw_raw_lit(x, "<text:tab/>");
      else
        scr_xmlw_raw_lit(x, "<text:line-break/>");
      sp->after_word = false;
      i++;
    } else if (c == '\r') {
      i++; /* "\r\n" is one line break; a lone CR is dropped */
    } else {
      size_t end = words_end(text, i, len);
      scr_odt_spaces_flush(x, sp);
      put_text(x, sp, text + i, end - i);
      sp->after_word = true;
      i = end;
    }
  }
}

scr_error scr_odt_part_open(scr_xmlw *x, const char *root,
                            const char *const *prefixes,
                            const char *version_attr) {
  scr_error err = scr_xmlw_open(x);
  if (err) {
    scr_xmlw_discard(x);
    return err;
  }
  scr_xmlw_start(x, root);
  scr_odt_declare_ns(x, prefixes);
  scr_xmlw_attr(x, version_attr, ODT_ODF_VERSION);
  err = x->err;
  if (err)
    scr_xmlw_discard(x);
  return err;
}

/* ---- page geometry ------------------------------------------------------- */

/* A twip is 2540/1440 = 127/72 hundredths of a millimetre. */
#define MM100_PER_72_TWIPS 127

static int64_t rounded_div(int64_t n, int64_t d) {
  return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}

int32_t scr_odt_mm100(int twips) {
  int64_t exact = rounded_div((int64_t)twips * MM100_PER_72_TWIPS, 72);
  /* templates measure in millimetres and Word keeps twips: the tenth of a
     millimetre the twips were rounded from, when there is one */
  int64_t tenth = rounded_div(exact, 10) * 10;
  if (rounded_div(tenth * 72, MM100_PER_72_TWIPS) == twips)
    return (int32_t)tenth;
  return (int32_t)exact;
}

odt_page scr_odt_page(const scr_house *h) {
  const scr_house_page *p = &(h ? h : scr_house_builtin())->page;
  return (odt_page){scr_odt_mm100(p->width),  scr_odt_mm100(p->height),
                    scr_odt_mm100(p->top),    scr_odt_mm100(p->bottom),
                    scr_odt_mm100(p->left),   scr_odt_mm100(p->right),
                    scr_odt_mm100(p->header), scr_odt_mm100(p->footer)};
}

int32_t scr_odt_text_width(const scr_house *h, bool landscape) {
  odt_page p = scr_odt_page(h);
  return (landscape ? p.height : p.width) - p.left - p.right;
}

int scr_odt_text_twips(const scr_house *h, bool landscape) {
  return scr_house_text_width(&(h ? h : scr_house_builtin())->page, landscape);
}

void scr_odt_frame_picture(scr_xmlw *x, const odt_image *im, const char *alt) {
  scr_xmlw_start(x, "draw:image");
  scr_xmlw_attr(x, "xlink:href", im->part);
  scr_xmlw_attr(x, "xlink:type", "simple");
  scr_xmlw_attr(x, "xlink:show", "embed");
  scr_xmlw_attr(x, "xlink:actuate", "onLoad");
  scr_xmlw_attr(x, "draw:mime-type", im->mime);
  scr_xmlw_end(x); /* draw:image */
  if (alt && *alt) {
    scr_xmlw_element(x, "svg:title", alt);
    scr_xmlw_element(x, "svg:desc", alt);
  }
}
