/* XML output through xmlTextWriter, with XML 1.0 character cleaning. */
#include "xmlw.h"

#include <stdlib.h>
#include <string.h>

scr_error scr_xmlw_open(scr_xmlw *x) {
  x->err = SCR_OK;
  x->buf = xmlBufferCreate();
  if (!x->buf)
    return SCR_E_NOMEM;
  x->w = xmlNewTextWriterMemory(x->buf, 0);
  if (!x->w) {
    xmlBufferFree(x->buf);
    x->buf = NULL;
    return SCR_E_NOMEM;
  }
  if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes") < 0)
    x->err = SCR_E_XML;
  return x->err;
}

scr_error scr_xmlw_open_html(scr_xmlw *x) {
  x->err = SCR_OK;
  x->buf = xmlBufferCreate();
  x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
  if (!x->w) {
    if (x->buf)
      xmlBufferFree(x->buf);
    x->buf = NULL;
    return SCR_E_NOMEM;
  }
  if (xmlTextWriterWriteDTD(x->w, BAD_CAST "html", NULL, NULL, NULL) < 0 ||
      xmlTextWriterWriteRaw(x->w, BAD_CAST "\n") < 0 ||
      xmlTextWriterSetIndent(x->w, 1) < 0)
    x->err = SCR_E_XML;
  return x->err;
}

scr_error scr_xmlw_close(scr_xmlw *x, char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  if (!x->err && xmlTextWriterEndDocument(x->w) < 0)
    x->err = SCR_E_XML;
  xmlFreeTextWriter(x->w);
  x->w = NULL;
  if (!x->err) {
    size_t n = (size_t)xmlBufferLength(x->buf);
    *data = scr_strndup((const char *)xmlBufferContent(x->buf), n);
    if (*data)
      *len = n;
    else
      x->err = SCR_E_NOMEM;
  }
  xmlBufferFree(x->buf);
  x->buf = NULL;
  return x->err;
}

void scr_xmlw_discard(scr_xmlw *x) {
  if (x->w)
    xmlFreeTextWriter(x->w);
  if (x->buf)
    xmlBufferFree(x->buf);
  x->w = NULL;
  x->buf = NULL;
}

static void check(scr_xmlw *x, int rc) {
  if (rc < 0 && !x->err)
    x->err = SCR_E_XML;
}

void scr_xmlw_start(scr_xmlw *x, const char *name) {
  if (!x->err)
    check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void scr_xmlw_end(scr_xmlw *x) {
  if (!x->err)
    check(x, xmlTextWriterEndElement(x->w));
}

void scr_xmlw_end_full(scr_xmlw *x) {
  if (!x->err)
    check(x, xmlTextWriterFullEndElement(x->w));
}

void scr_xmlw_attr(scr_xmlw *x, const char *name, const char *value) {
  if (x->err)
    return;
  scr_buf clean = SCR_BUF_INIT;
  if (scr_xml_clean(value, strlen(value), &clean) != SCR_OK) {
    x->err = SCR_E_NOMEM;
    return;
  }
  check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
                                       BAD_CAST(clean.data ? clean.data : "")));
  scr_buf_free(&clean);
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
  if (x->err || len == 0)
    return;
  scr_buf clean = SCR_BUF_INIT;
  if (scr_xml_clean(text, len, &clean) != SCR_OK) {
    x->err = SCR_E_NOMEM;
    return;
  }
  if (clean.len)
    check(x, xmlTextWriterWriteString(x->w, BAD_CAST clean.data));
  scr_buf_free(&clean);
}

void scr_xmlw_raw(scr_xmlw *x, const char *xml, size_t len) {
  if (x->err || len == 0)
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

static int xml_allowed(uint32_t cp) {
  if (cp < 0x20)
    return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
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
