/*
 * The HTML writer's markup: text and attribute values escaped, start tags
 * left open for their attributes (html_impl.h).
 */
#include "html_impl.h"
#include "xmlw.h"

#include <string.h>

scr_error html_fail(html_writer *w, scr_error err) {
  if (!w->err)
    w->err = err;
  return w->err;
}

void html_put(html_writer *w, const char *markup) {
  if (!w->err && scr_buf_puts(w->out, markup))
    w->err = SCR_E_NOMEM;
}

/* What XML 1.0 forbids dropped (xmlw.h), then the five specials escaped. */
void html_escape(html_writer *w, const char *text, size_t len) {
  scr_buf clean = SCR_BUF_INIT;
  if (w->err || scr_xml_clean(text, len, &clean)) {
    scr_buf_free(&clean);
    html_fail(w, SCR_E_NOMEM);
    return;
  }
  size_t start = 0;
  for (size_t i = 0; i < clean.len && !w->err; i++) {
    const char *with = NULL;
    switch (clean.data[i]) {
    case '&':
      with = "&amp;";
      break;
    case '<':
      with = "&lt;";
      break;
    case '>':
      with = "&gt;";
      break;
    case '"':
      with = "&quot;";
      break;
    default:
      continue;
    }
    if (scr_buf_append(w->out, clean.data + start, i - start) ||
        scr_buf_puts(w->out, with))
      html_fail(w, SCR_E_NOMEM);
    start = i + 1;
  }
  if (!w->err && scr_buf_append(w->out, clean.data + start, clean.len - start))
    html_fail(w, SCR_E_NOMEM);
  scr_buf_free(&clean);
}

void html_attr(html_writer *w, const char *name, const char *value) {
  if (!w->tag_open) {
    html_fail(w, SCR_E_USAGE);
    return;
  }
  html_put(w, " ");
  html_put(w, name);
  html_put(w, "=\"");
  html_escape(w, value, strlen(value));
  html_put(w, "\"");
}

void html_close_tag(html_writer *w) {
  if (w->tag_open)
    html_put(w, ">");
  w->tag_open = w->tag_id = false;
}
