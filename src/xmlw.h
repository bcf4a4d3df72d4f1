/*
 * XML output through libxml2's xmlTextWriter, with the checks every writer
 * needs: text cleaned of what XML 1.0 forbids, errors turned into scr_error.
 */
#ifndef SCR_XMLW_H
#define SCR_XMLW_H

#include "util.h"

#include <libxml/xmlwriter.h>

#include <string.h>

struct scr_deflate;
struct scr_xmlw_out;

/** A writer into a memory buffer, document started (UTF-8, standalone). */
typedef struct scr_xmlw {
  xmlTextWriterPtr w;
  struct scr_xmlw_out *out; /* where flushed output goes; owned */
  scr_buf scratch;          /* text being cleaned for the next call; reused */
  scr_buf markup;           /* raw markup gathered for one write; reused */
  xmlBufferPtr escaped;     /* an attribute value escaped by libxml2; owned,
                               made on first use */
  scr_error err;            /* first error; later calls do nothing once set */
} scr_xmlw;

scr_error scr_xmlw_open(scr_xmlw *x);
/**
 * A writer of a fragment (the children of an element written elsewhere):
 * no XML declaration, and its output goes to `stream` (borrowed) as it is
 * flushed, not to memory. End it with scr_xmlw_end_fragment.
 */
scr_error scr_xmlw_open_fragment(scr_xmlw *x, struct scr_deflate *stream);
/** Flush the rest of a fragment to its stream and close the writer. */
scr_error scr_xmlw_end_fragment(scr_xmlw *x);
/** Pass on everything written so far (nothing to do once closed). */
scr_error scr_xmlw_flush(scr_xmlw *x);
/** A writer for an HTML page: `<!DOCTYPE html>`, no XML declaration,
    indented. */
scr_error scr_xmlw_open_html(scr_xmlw *x);
/** End the document and take its bytes (caller frees). Closes the writer. */
scr_error scr_xmlw_close(scr_xmlw *x, char **data, size_t *len);
/** Discard without output (on error paths). */
void scr_xmlw_discard(scr_xmlw *x);
/**
 * Flush, then the bytes written so far (a writer into memory): borrowed,
 * valid until the next call on `x`.
 */
scr_error scr_xmlw_bytes(scr_xmlw *x, const char **data, size_t *len);
/**
 * Complete the open start tag and flush: *at is then the length of the
 * output so far, the place where the element's content goes.
 */
scr_error scr_xmlw_mark(scr_xmlw *x, size_t *at);

/* Thin checked wrappers; each records the first failure in x->err. */
void scr_xmlw_start(scr_xmlw *x, const char *name);
void scr_xmlw_end(scr_xmlw *x);
/** End with a closing tag even when empty: HTML reads `<td/>` as a start. */
void scr_xmlw_end_full(scr_xmlw *x);
void scr_xmlw_attr(scr_xmlw *x, const char *name, const char *value);
void scr_xmlw_attrf(scr_xmlw *x, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** An attribute whose value is a decimal integer. */
void scr_xmlw_attr_int(scr_xmlw *x, const char *name, long long value);
/** Text content, cleaned with scr_xml_clean first. */
void scr_xmlw_text(scr_xmlw *x, const char *text, size_t len);
/** Already well-formed XML (from a template), copied as is. */
void scr_xmlw_raw(scr_xmlw *x, const char *xml, size_t len);
/** start + text + end. */
void scr_xmlw_element(scr_xmlw *x, const char *name, const char *text);

/*
 * Raw markup, for speed: xmlTextWriter costs a dozen calls (each with its
 * allocations and small buffer writes) for markup like
 * <w:r><w:rPr><w:b/></w:rPr>, which is constant and can be one write.
 *
 * - An element opened with raw markup is closed with raw markup, by the
 *   same function: xmlTextWriter does not know of it, so its own stack of
 *   open elements stays balanced.
 * - Raw markup after scr_xmlw_start first ends that start tag with '>', as
 *   a child element would; that element then ends with a closing tag.
 * - Only constant markup is gathered as it is (scr_xmlw_markup): variable
 *   text and attribute values are cleaned and escaped by libxml2, to the
 *   same bytes as scr_xmlw_text and scr_xmlw_attr write
 *   (scr_xmlw_markup_content, scr_xmlw_markup_attr).
 *
 * Markup is gathered in x->markup, then written with scr_xmlw_markup_write;
 * any other call with markup still gathered is an error (SCR_E_USAGE).
 */

/** Write a string literal of constant markup. */
#define scr_xmlw_raw_lit(x, lit) scr_xmlw_raw((x), "" lit, sizeof(lit) - 1)

/** Gather constant markup when x->markup has no room for it. */
void scr_xmlw_markup_grow(scr_xmlw *x, const char *xml, size_t len);
/** Gather constant markup; inline, as it is called for every small piece. */
static inline void scr_xmlw_markup(scr_xmlw *x, const char *xml, size_t len) {
  scr_buf *m = &x->markup;
  if (len < m->cap - m->len) {
    memcpy(m->data + m->len, xml, len);
    m->len += len;
  } else {
    scr_xmlw_markup_grow(x, xml, len);
  }
}
/** Gather a string literal of constant markup. */
#define scr_xmlw_markup_lit(x, lit)                                            \
  scr_xmlw_markup((x), "" lit, sizeof(lit) - 1)
/** Gather ` name="value"`: `name` constant, `value` escaped by libxml2. */
void scr_xmlw_markup_attr(scr_xmlw *x, const char *name, const char *value);
/** Gather ` name="value"` of a decimal integer. */
void scr_xmlw_markup_attr_int(scr_xmlw *x, const char *name, long long value);
/**
 * Finish an element whose start tag, without its '>', is the last markup
 * gathered: '>', `text` cleaned and escaped by libxml2, then `end_tag`
 * ("</w:t>"). With no text left after cleaning, "/>" instead, as
 * xmlTextWriter ends an empty element.
 */
void scr_xmlw_markup_content(scr_xmlw *x, const char *text, size_t len,
                             const char *end_tag);
/** Write the gathered markup in one call, and gather afresh. */
void scr_xmlw_markup_write(scr_xmlw *x);
/**
 * Append the gathered markup to `out` instead of writing it, and gather
 * afresh: for markup made once and written (scr_xmlw_raw) many times.
 */
void scr_xmlw_markup_take(scr_xmlw *x, scr_buf *out);

/**
 * Append `text` to `out` without what XML 1.0 forbids: C0 controls other
 * than tab, newline and carriage return, U+FFFE and U+FFFF are dropped;
 * invalid UTF-8 becomes U+FFFD. Returns SCR_E_NOMEM on failure.
 */
scr_error scr_xml_clean(const char *text, size_t len, scr_buf *out);

#endif
