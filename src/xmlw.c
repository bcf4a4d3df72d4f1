/* XML output through xmlTextWriter, with XML 1.0 character cleaning. */
#include "xmlw.h"
#include "deflate.h"

#include <libxml/entities.h>
#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>

/* Where xmlTextWriter's output goes: a buffer that grows by doubling (so a
   large part costs few reallocations), or a stream. */
struct scr_xmlw_out {
  scr_buf buf;
  scr_deflate *stream; /* borrowed */
};

static int take_output(void *ctx, const char *data, int len) {
  struct scr_xmlw_out *out = ctx;
  scr_error err = out->stream
                      ? scr_deflate_write(out->stream, data, (size_t)len)
                      : scr_buf_append(&out->buf, data, (size_t)len);
  return err ? -1 : len;
}

/* Markup gathered and not yet written would come out after what the next
   call writes: such a call is refused. True when the writer may go on. */
static bool idle(scr_xmlw *x) {
  if (!x->err && x->markup.len)
    x->err = SCR_E_USAGE;
  return !x->err;
}

scr_error scr_xmlw_open(scr_xmlw *x) {
  x->err = SCR_OK;
  x->scratch = (scr_buf)SCR_BUF_INIT;
  x->markup = (scr_buf)SCR_BUF_INIT;
  x->escaped = NULL;
  x->out = calloc(1, sizeof *x->out);
  xmlOutputBufferPtr io =
      x->out ? xmlOutputBufferCreateIO(take_output, NULL, x->out, NULL) : NULL;
  /* once made, the writer owns io and closes it */
  x->w = io ? xmlNewTextWriter(io) : NULL;
  if (!x->w) {
    if (io)
      xmlOutputBufferClose(io);
    free(x->out);
    x->out = NULL;
    return SCR_E_NOMEM;
  }
  if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes") < 0)
    x->err = SCR_E_XML;
  return x->err;
}

/* An HTML page: the XML declaration is written (so libxml2 writes UTF-8
   rather than character references) and dropped, then the doctype. */
scr_error scr_xmlw_open_html(scr_xmlw *x) {
  scr_error err = scr_xmlw_open(x);
  if (!err && xmlTextWriterFlush(x->w) < 0)
    err = x->err = SCR_E_XML;
  if (err) {
    scr_xmlw_discard(x);
    return err;
  }
  x->out->buf.len = 0;
  if (xmlTextWriterWriteDTD(x->w, BAD_CAST "html", NULL, NULL, NULL) < 0 ||
      xmlTextWriterWriteRaw(x->w, BAD_CAST "\n") < 0 ||
      xmlTextWriterSetIndent(x->w, 1) < 0)
    x->err = SCR_E_XML;
  return x->err;
}

/* The declaration is still written (it also makes libxml2 write UTF-8
   rather than character references), then dropped. */
scr_error scr_xmlw_open_fragment(scr_xmlw *x, scr_deflate *stream) {
  scr_error err = scr_xmlw_open(x);
  if (!err && xmlTextWriterFlush(x->w) < 0)
    err = x->err = SCR_E_XML;
  if (err) {
    scr_xmlw_discard(x);
    return err;
  }
  x->out->buf.len = 0;
  x->out->stream = stream;
  return SCR_OK;
}

scr_error scr_xmlw_flush(scr_xmlw *x) {
  if (x->w && idle(x) && xmlTextWriterFlush(x->w) < 0)
    x->err = SCR_E_XML;
  return x->err;
}

scr_error scr_xmlw_end_fragment(scr_xmlw *x) {
  if (!x->w)
    return x->err ? x->err : SCR_E_USAGE;
  scr_xmlw_flush(x);
  /* nothing written after this point reaches the stream */
  x->out->stream = NULL;
  scr_xmlw_discard(x);
  return x->err;
}

scr_error scr_xmlw_close(scr_xmlw *x, char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  if (idle(x) && xmlTextWriterEndDocument(x->w) < 0)
    x->err = SCR_E_XML;
  xmlFreeTextWriter(x->w);
  x->w = NULL;
  if (!x->err)
    *data = scr_buf_detach(&x->out->buf, len);
  scr_xmlw_discard(x);
  return *data || x->err ? x->err : SCR_E_NOMEM;
}

void scr_xmlw_discard(scr_xmlw *x) {
  if (x->w)
    xmlFreeTextWriter(x->w);
  if (x->out)
    scr_buf_free(&x->out->buf);
  free(x->out);
  scr_buf_free(&x->scratch);
  scr_buf_free(&x->markup);
  if (x->escaped)
    xmlBufferFree(x->escaped);
  x->escaped = NULL;
  x->w = NULL;
  x->out = NULL;
}

scr_error scr_xmlw_bytes(scr_xmlw *x, const char **data, size_t *len) {
  if (!x->w || x->out->stream)
    return SCR_E_USAGE;
  if (scr_xmlw_flush(x))
    return x->err;
  *data = x->out->buf.data ? x->out->buf.data : "";
  *len = x->out->buf.len;
  return SCR_OK;
}

scr_error scr_xmlw_mark(scr_xmlw *x, size_t *at) {
  /* raw text, even none, ends the start tag with '>' */
  if (idle(x) && xmlTextWriterWriteRaw(x->w, BAD_CAST "") < 0)
    x->err = SCR_E_XML;
  const char *data;
  return scr_xmlw_bytes(x, &data, at);
}

static void check(scr_xmlw *x, int rc) {
  if (rc < 0 && !x->err)
    x->err = SCR_E_XML;
}

void scr_xmlw_start(scr_xmlw *x, const char *name) {
  if (idle(x))
    check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void scr_xmlw_end(scr_xmlw *x) {
  if (idle(x))
    check(x, xmlTextWriterEndElement(x->w));
}

void scr_xmlw_end_full(scr_xmlw *x) {
  if (idle(x))
    check(x, xmlTextWriterFullEndElement(x->w));
}

static int xml_allowed(uint32_t cp) {
  if (cp < 0x20)
    return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
}

/* How many leading bytes of `text` XML 1.0 takes as they are: printable
   ASCII is passed over in words, the rest decoded. */
static size_t allowed_prefix(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < len) {
    i += scr_printable_ascii_prefix(s + i, len - i);
    if (i == len)
      break;
    uint32_t cp = 0;
    size_t n = scr_utf8_decode(s + i, len - i, &cp);
    if (!n || !xml_allowed(cp))
      break;
    i += n;
  }
  return i;
}

/* `text` cleaned and NUL-terminated in the writer's scratch buffer. */
static const char *cleaned(scr_xmlw *x, const char *text, size_t len) {
  x->scratch.len = 0;
  size_t ok = allowed_prefix(text, len);
  scr_error err = scr_buf_append(&x->scratch, text, ok);
  if (!err && ok < len)
    err = scr_xml_clean(text + ok, len - ok, &x->scratch);
  if (err) {
    x->err = SCR_E_NOMEM;
    return NULL;
  }
  return x->scratch.data;
}

void scr_xmlw_attr(scr_xmlw *x, const char *name, const char *value) {
  if (!idle(x))
    return;
  size_t len = strlen(value);
  /* a clean value (the usual case) is written without a copy */
  const char *v =
      allowed_prefix(value, len) == len ? value : cleaned(x, value, len);
  if (v)
    check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST v));
}

/* The decimal text of `value`, written at the end of `text`. */
#define INT_TEXT_SIZE 24
static const char *int_text(char text[INT_TEXT_SIZE], long long value) {
  /* digits of the magnitude, least significant first, then the sign */
  size_t n = INT_TEXT_SIZE;
  unsigned long long v =
      value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
  text[--n] = '\0';
  do {
    text[--n] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  if (value < 0)
    text[--n] = '-';
  return text + n;
}

void scr_xmlw_attr_int(scr_xmlw *x, const char *name, long long value) {
  char text[INT_TEXT_SIZE];
  scr_xmlw_attr(x, name, int_text(text, value));
}

void scr_xmlw_attrf(scr_xmlw *x, const char *name, const char *fmt, ...) {
  if (x->err)
    return;
  char small[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    x->err = SCR_E_XML;
    return;
  }
  if ((size_t)n < sizeof small) {
    scr_xmlw_attr(x, name, small);
    return;
  }
  char *big = malloc((size_t)n + 1);
  if (!big) {
    x->err = SCR_E_NOMEM;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  scr_xmlw_attr(x, name, big);
  free(big);
}

void scr_xmlw_text(scr_xmlw *x, const char *text, size_t len) {
  if (!idle(x) || len == 0)
    return;
  const char *t = cleaned(x, text, len);
  if (t && *t)
    check(x, xmlTextWriterWriteString(x->w, BAD_CAST t));
}

void scr_xmlw_raw(scr_xmlw *x, const char *xml, size_t len) {
  if (!idle(x) || len == 0)
    return;
  if (len > (size_t)INT32_MAX) {
    x->err = SCR_E_LIMIT;
    return;
  }
  check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST xml, (int)len));
}

void scr_xmlw_element(scr_xmlw *x, const char *name, const char *text) {
  scr_xmlw_start(x, name);
  scr_xmlw_text(x, text, strlen(text));
  scr_xmlw_end(x);
}

/* ---- raw markup ---------------------------------------------------------- */

void scr_xmlw_markup_grow(scr_xmlw *x, const char *xml, size_t len) {
  if (!x->err && scr_buf_append(&x->markup, xml, len))
    x->err = SCR_E_NOMEM;
}

/*
 * All that libxml2's attribute serializer reads of a document is whether it
 * has an encoding: with one it copies UTF-8 as it is, without one it writes
 * character references. xmlTextWriter's own document has one once the XML
 * declaration is written (scr_xmlw_open), so this one has too.
 */
static xmlDoc utf8_doc = {.encoding = BAD_CAST "UTF-8"};

/* `value` escaped as xmlTextWriterWriteAttribute escapes it, into
   x->escaped; false on failure (x->err set). */
static bool escape_attr(scr_xmlw *x, const char *value) {
  if (!x->escaped && !(x->escaped = xmlBufferCreate())) {
    x->err = SCR_E_NOMEM;
    return false;
  }
  xmlBufferEmpty(x->escaped);
  xmlAttrSerializeTxtContent(x->escaped, &utf8_doc, NULL, BAD_CAST value);
  /* the serializer reports no failure: only an empty result tells */
  if (*value && xmlBufferLength(x->escaped) == 0)
    x->err = SCR_E_NOMEM;
  return !x->err;
}

void scr_xmlw_markup_attr(scr_xmlw *x, const char *name, const char *value) {
  if (x->err)
    return;
  size_t len = strlen(value);
  const char *v =
      allowed_prefix(value, len) == len ? value : cleaned(x, value, len);
  if (!v || !escape_attr(x, v))
    return;
  /* as xmlTextWriter writes an attribute: space, name, '=', quoted value */
  scr_xmlw_markup(x, " ", 1);
  scr_xmlw_markup(x, name, strlen(name));
  scr_xmlw_markup(x, "=\"", 2);
  scr_xmlw_markup(x, (const char *)xmlBufferContent(x->escaped),
                  (size_t)xmlBufferLength(x->escaped));
  scr_xmlw_markup(x, "\"", 1);
}

void scr_xmlw_markup_attr_int(scr_xmlw *x, const char *name, long long value) {
  char text[INT_TEXT_SIZE];
  scr_xmlw_markup_attr(x, name, int_text(text, value));
}

void scr_xmlw_markup_content(scr_xmlw *x, const char *text, size_t len,
                             const char *end_tag) {
  if (x->err)
    return;
  const char *t = len ? cleaned(x, text, len) : "";
  if (!t)
    return;
  if (!*t) {
    scr_xmlw_markup(x, "/>", 2);
    return;
  }
  /* the escaping xmlTextWriterWriteString does for element content */
  xmlChar *escaped = xmlEncodeSpecialChars(NULL, BAD_CAST t);
  if (!escaped) {
    x->err = SCR_E_NOMEM;
    return;
  }
  scr_xmlw_markup(x, ">", 1);
  scr_xmlw_markup(x, (const char *)escaped, strlen((const char *)escaped));
  scr_xmlw_markup(x, end_tag, strlen(end_tag));
  xmlFree(escaped);
}

void scr_xmlw_markup_write(scr_xmlw *x) {
  size_t len = x->markup.len;
  x->markup.len = 0;
  if (x->err || len == 0)
    return;
  if (len > (size_t)INT32_MAX) {
    x->err = SCR_E_LIMIT;
    return;
  }
  check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST x->markup.data, (int)len));
}

void scr_xmlw_markup_take(scr_xmlw *x, scr_buf *out) {
  size_t len = x->markup.len;
  x->markup.len = 0;
  if (!x->err && scr_buf_append(out, x->markup.data, len))
    x->err = SCR_E_NOMEM;
}

scr_error scr_xml_clean(const char *text, size_t len, scr_buf *out) {
  const unsigned char *s = (const unsigned char *)text;
  size_t start = 0, i = 0;
  scr_error err = SCR_OK;
  /* copy runs of allowed text in one append each */
  while (i < len && !err) {
    uint32_t cp = 0;
    size_t n = scr_utf8_decode(s + i, len - i, &cp);
    if (n && xml_allowed(cp)) {
      i += n;
      continue;
    }
    err = scr_buf_append(out, text + start, i - start);
    if (!err && n == 0)
      err = scr_buf_append(out, "\xEF\xBF\xBD", 3);
    i += n ? n : 1;
    start = i;
  }
  if (!err)
    err = scr_buf_append(out, text + start, i - start);
  return err;
}
