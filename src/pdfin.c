/*
 * A PDF appendix opened and checked: the limits first (size, header),
 * then qpdf, strictly (any warning refuses the file: qpdf repairs a
 * truncated file or a broken cross-reference table without a word, and
 * what it had to repair the pack should not publish), then poppler, which
 * reads the pages' sizes, their text and the title once, at opening.
 */
#include "pdfin_impl.h"

#include "util.h"

#include "pdflib.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

void scr_pdf_lock(void) {
  pthread_mutex_lock(&poppler_lock);
}

void scr_pdf_unlock(void) {
  pthread_mutex_unlock(&poppler_lock);
}

/* The longest library message quoted in a refusal, in bytes. */
#define QUOTE_MAX 200

static const char *const AGAIN = "save or print it to PDF again";

/* *why set to the sentence: SCR_E_SOURCE, or SCR_E_NOMEM when it cannot
   be made. */
static scr_error refuse(char **why, char *sentence) {
  *why = sentence;
  return sentence ? SCR_E_SOURCE : SCR_E_NOMEM;
}

static scr_error refuse_encrypted(char **why) {
  return refuse(why, scr_asprintf("is encrypted (it has a password or "
                                  "restrictions); %s without them",
                                  AGAIN));
}

/* "is damaged (LIBRARY: MESSAGE); save or print it to PDF again", the
   message on one line and cut short (it may quote the file's bytes). */
static scr_error refuse_damaged(char **why, const char *library,
                                const char *message) {
  size_t n = message ? strlen(message) : 0;
  char *quoted = scr_pdf_clean_text(message ? message : "",
                                    n > QUOTE_MAX ? QUOTE_MAX : n, true);
  if (!quoted)
    return SCR_E_NOMEM;
  scr_error err = refuse(why, scr_asprintf("is damaged (%s: %s%s); %s", library,
                                           *quoted ? quoted : "unreadable",
                                           n > QUOTE_MAX ? "..." : "", AGAIN));
  free(quoted);
  return err;
}

/* qpdf's message of `e` without the file's name (always ours), copied
   (the library's text lasts until its next call); NULL when out of
   memory. */
static char *qpdf_message(qpdf_data q, qpdf_error e) {
  const char *detail = scr_pdf_lib.qpdf_get_error_message_detail(q, e);
  if (!detail || !*detail)
    detail = scr_pdf_lib.qpdf_get_error_full_text(q, e);
  return scr_strdup(detail ? detail : "");
}

static const char *const QPDF_GENERIC = "file is damaged";

/* qpdf's first warning that says more than that the file is damaged (the
   next says how: can't find startxref), or NULL. Caller frees. */
static char *telling_warning(qpdf_data q) {
  while (scr_pdf_lib.qpdf_more_warnings(q)) {
    char *warning = qpdf_message(q, scr_pdf_lib.qpdf_next_warning(q));
    if (warning && *warning && strcmp(warning, QPDF_GENERIC) != 0)
      return warning;
    free(warning);
  }
  return NULL;
}

/* The first thing qpdf found wrong: a telling warning, often the cause of
   the error `e` that followed; else `e` (NULL when none). */
static scr_error refuse_qpdf(qpdf_data q, qpdf_error e, char **why) {
  /* copied first: reading the warnings ends the error's life */
  char *error = e ? qpdf_message(q, e) : NULL;
  if (e && !error)
    return SCR_E_NOMEM;
  char *warning = telling_warning(q);
  scr_error err = refuse_damaged(why, "qpdf",
                                 warning ? warning
                                 : error ? error
                                         : QPDF_GENERIC);
  free(warning);
  free(error);
  return err;
}

/* How many XObjects the picture check looks at, at most, and how deep in
   forms: a file may name one object from everywhere. */
enum { XOBJECTS_SEEN_MAX = 20000, FORM_DEPTH_MAX = 8 };

bool scr_qpdf_keys(qpdf_data q, qpdf_oh d, char ***keys, size_t *n) {
  size_t cap = 0;
  *keys = NULL;
  *n = 0;
  if (!scr_pdf_lib.qpdf_oh_is_dictionary(q, d))
    return true;
  scr_pdf_lib.qpdf_oh_begin_dict_key_iter(q, d);
  while (scr_pdf_lib.qpdf_oh_dict_more_keys(q)) {
    char *k = scr_strdup(scr_pdf_lib.qpdf_oh_dict_next_key(q));
    if (!k || scr_reserve(keys, &cap, *n + 1, sizeof **keys)) {
      free(k);
      for (size_t i = 0; i < *n; i++)
        free((*keys)[i]);
      free(*keys);
      *keys = NULL;
      *n = 0;
      return false;
    }
    (*keys)[(*n)++] = k;
  }
  return true;
}

/* The pixels of the largest picture that the XObjects of `resources`
   draw, through forms to FORM_DEPTH_MAX; *seen counts what was looked at.
   -1 when out of memory. */
static long long largest_picture(qpdf_data q, qpdf_oh resources, int depth,
                                 size_t *seen) {
  qpdf_oh xo = scr_pdf_lib.qpdf_oh_get_key_if_dict(q, resources, "/XObject");
  if (!scr_pdf_lib.qpdf_oh_is_dictionary(q, xo) || depth > FORM_DEPTH_MAX)
    return 0;
  size_t n;
  char **keys;
  if (!scr_qpdf_keys(q, xo, &keys, &n))
    return -1;
  long long most = 0;
  for (size_t i = 0; i < n; i++) {
    qpdf_oh v = scr_pdf_lib.qpdf_oh_get_key(q, xo, keys[i]);
    free(keys[i]);
    if (!scr_pdf_lib.qpdf_oh_is_stream(q, v) || ++*seen > XOBJECTS_SEEN_MAX)
      continue;
    qpdf_oh d = scr_pdf_lib.qpdf_oh_get_dict(q, v);
    qpdf_oh type = scr_pdf_lib.qpdf_oh_get_key(q, d, "/Subtype");
    long long px = 0;
    if (scr_pdf_lib.qpdf_oh_is_name_and_equals(q, type, "/Image")) {
      qpdf_oh w = scr_pdf_lib.qpdf_oh_get_key(q, d, "/Width");
      qpdf_oh h = scr_pdf_lib.qpdf_oh_get_key(q, d, "/Height");
      long long wv = scr_pdf_lib.qpdf_oh_is_integer(q, w)
                         ? scr_pdf_lib.qpdf_oh_get_int_value(q, w)
                         : 0;
      long long hv = scr_pdf_lib.qpdf_oh_is_integer(q, h)
                         ? scr_pdf_lib.qpdf_oh_get_int_value(q, h)
                         : 0;
      /* each side bounded first, so that the product cannot overflow */
      if (wv > 0 && hv > 0)
        px = wv > 1ll << 31 || hv > 1ll << 31 ? 1ll << 62 : wv * hv;
    } else if (scr_pdf_lib.qpdf_oh_is_name_and_equals(q, type, "/Form")) {
      px = largest_picture(q, scr_pdf_lib.qpdf_oh_get_key(q, d, "/Resources"),
                           depth + 1, seen);
    }
    if (px < 0 || most < 0)
      most = -1;
    else if (px > most)
      most = px;
  }
  free(keys);
  return most;
}

/* A refusal when a page draws a picture too large to draw in time. */
static scr_error check_pictures(qpdf_data q, int pages, char **why) {
  if (scr_pdf_lib.qpdf_push_inherited_attributes_to_page(q) & QPDF_ERRORS)
    return refuse_qpdf(q, scr_pdf_lib.qpdf_get_error(q), why);
  size_t seen = 0;
  for (int i = 0; i < pages; i++) {
    qpdf_oh page = scr_pdf_lib.qpdf_get_page_n(q, (size_t)i);
    long long px = largest_picture(
        q, scr_pdf_lib.qpdf_oh_get_key(q, page, "/Resources"), 0, &seen);
    if (px < 0)
      return SCR_E_NOMEM;
    if (scr_pdf_lib.qpdf_has_error(q) || scr_pdf_lib.qpdf_more_warnings(q))
      return refuse_qpdf(q, scr_pdf_lib.qpdf_get_error(q), why);
    if (px > SCR_PDF_MAX_PICTURE_PIXELS)
      return refuse(
          why, scr_asprintf("has a picture of %lld megapixels on page %d; a "
                            "picture in a PDF appendix may have at most %lld "
                            "(%s at a lower resolution)",
                            px / 1000000, i + 1,
                            SCR_PDF_MAX_PICTURE_PIXELS / 1000000, AGAIN));
  }
  return SCR_OK;
}

/* The page count qpdf reads, or a refusal: encrypted, any warning or
   error, no pages or too many. */
static scr_error check_with_qpdf(qpdf_data q, const unsigned char *data,
                                 size_t len, size_t *pages, char **why) {
  scr_pdf_lib.qpdf_silence_errors(q);
  scr_pdf_lib.qpdf_set_suppress_warnings(q, QPDF_TRUE);
  /* the name qpdf's messages give the file */
  const char *name = "file";
  if (scr_pdf_lib.qpdf_read_memory(q, name, (const char *)data, len, "") &
      QPDF_ERRORS) {
    qpdf_error e = scr_pdf_lib.qpdf_get_error(q);
    if (e && scr_pdf_lib.qpdf_get_error_code(q, e) == qpdf_e_password)
      return refuse_encrypted(why);
    return refuse_qpdf(q, e, why);
  }
  if (scr_pdf_lib.qpdf_is_encrypted(q))
    return refuse_encrypted(why);
  int n = scr_pdf_lib.qpdf_get_num_pages(q);
  /* warnings from reading and from walking the page tree alike */
  if (scr_pdf_lib.qpdf_has_error(q) || scr_pdf_lib.qpdf_more_warnings(q))
    return refuse_qpdf(q, scr_pdf_lib.qpdf_get_error(q), why);
  if (n <= 0)
    return refuse(why, scr_strdup("has no pages"));
  if (n > SCR_PDF_MAX_PAGES)
    return refuse(why, scr_asprintf("has %d pages; a PDF appendix may have at "
                                    "most %d",
                                    n, SCR_PDF_MAX_PAGES));
  *pages = (size_t)n;
  return check_pictures(q, n, why);
}

/* qpdf's check, behind the lock: qpdf 11 is not safe on two threads at
   once either (each document's end writes to an object they share). */
static scr_error check_locked(const unsigned char *data, size_t len,
                              size_t *pages, char **why) {
  scr_pdf_lock();
  qpdf_data q = scr_pdf_lib.qpdf_init();
  scr_error err = q ? check_with_qpdf(q, data, len, pages, why) : SCR_E_NOMEM;
  if (q)
    scr_pdf_lib.qpdf_cleanup(&q);
  scr_pdf_unlock();
  return err;
}

static scr_error check_limits(const unsigned char *data, size_t len,
                              char **why) {
  if (len > SCR_PDF_MAX_BYTES) {
    size_t mb = (len + ((size_t)1 << 20) - 1) >> 20; /* rounded up */
    return refuse(why, scr_asprintf("is %zu MB; a PDF appendix may be at most "
                                    "%zu MB",
                                    mb, SCR_PDF_MAX_BYTES >> 20));
  }
  /* The header exactly at the start, as the standard puts it: readers
     accept junk before it, but such files are rare and print again fine. */
  if (len < 5 || memcmp(data, "%PDF-", 5) != 0)
    return refuse(why,
                  scr_strdup("is not a PDF (it does not begin with %PDF-)"));
  return SCR_OK;
}

static bool side_ok(double pt) {
  /* written so that NaN fails */
  return pt >= SCR_PDF_MIN_SIDE && pt <= SCR_PDF_MAX_SIDE;
}

/* Every page's size, each checked. Called locked. */
static scr_error read_sizes(scr_pdf *pdf, char **why) {
  for (size_t i = 0; i < pdf->n_pages; i++) {
    PopplerPage *page = scr_pdf_lib.poppler_document_get_page(pdf->doc, (int)i);
    if (!page)
      return refuse_damaged(why, "poppler", "a page cannot be read");
    scr_pdf_page *p = &pdf->pages[i];
    scr_pdf_lib.poppler_page_get_size(page, &p->width_pt, &p->height_pt);
    scr_pdf_lib.g_object_unref(page);
    if (!side_ok(p->width_pt) || !side_ok(p->height_pt))
      return refuse(
          why, scr_asprintf("has a page %zu of %.1f by %.1f inches; "
                            "a page must be %.1f to %.0f inches a "
                            "side",
                            i + 1, p->width_pt / 72.0, p->height_pt / 72.0,
                            SCR_PDF_MIN_SIDE / 72.0, SCR_PDF_MAX_SIDE / 72.0));
  }
  return SCR_OK;
}

/* Every page's text, cleaned. Called locked. */
static scr_error read_texts(scr_pdf *pdf) {
  for (size_t i = 0; i < pdf->n_pages; i++) {
    PopplerPage *page = scr_pdf_lib.poppler_document_get_page(pdf->doc, (int)i);
    char *raw = page ? scr_pdf_lib.poppler_page_get_text(page) : NULL;
    pdf->pages[i].text =
        scr_pdf_clean_text(raw ? raw : "", raw ? strlen(raw) : 0, false);
    scr_pdf_lib.g_free(raw);
    if (page)
      scr_pdf_lib.g_object_unref(page);
    if (!pdf->pages[i].text)
      return SCR_E_NOMEM;
  }
  return SCR_OK;
}

static scr_error read_title(scr_pdf *pdf) {
  char *raw = scr_pdf_lib.poppler_document_get_title(pdf->doc);
  if (!raw)
    return SCR_OK;
  pdf->title = scr_pdf_clean_text(raw, strlen(raw), true);
  scr_pdf_lib.g_free(raw);
  if (!pdf->title)
    return SCR_E_NOMEM;
  if (!*pdf->title) {
    free(pdf->title);
    pdf->title = NULL;
  }
  return SCR_OK;
}

/* What the pack needs, read with poppler; qpdf counted `pages`. Called
   locked. */
static scr_error read_with_poppler(scr_pdf *pdf, size_t pages, char **why) {
  GError *gerr = NULL;
  pdf->bytes = scr_pdf_lib.g_bytes_new_static(pdf->data, pdf->len);
  pdf->doc =
      scr_pdf_lib.poppler_document_new_from_bytes(pdf->bytes, NULL, &gerr);
  if (!pdf->doc) {
    scr_error err =
        gerr && gerr->domain == scr_pdf_lib.poppler_error_quark() &&
                gerr->code == POPPLER_ERROR_ENCRYPTED
            ? refuse_encrypted(why)
            : refuse_damaged(why, "poppler", gerr ? gerr->message : NULL);
    if (gerr)
      scr_pdf_lib.g_error_free(gerr);
    return err;
  }
  int n = scr_pdf_lib.poppler_document_get_n_pages(pdf->doc);
  if (n < 0 || (size_t)n != pages) {
    char *what =
        scr_asprintf("it reads %d pages where qpdf reads %zu", n, pages);
    scr_error err = what ? refuse_damaged(why, "poppler", what) : SCR_E_NOMEM;
    free(what);
    return err;
  }
  pdf->n_pages = pages;
  pdf->pages = calloc(pages, sizeof *pdf->pages);
  if (!pdf->pages)
    return SCR_E_NOMEM;
  scr_error err = read_sizes(pdf, why);
  if (!err)
    err = read_texts(pdf);
  if (!err)
    err = read_title(pdf);
  return err;
}

/* The PDF libraries, loaded the first time a PDF is opened. */
static scr_error load_libraries(char **why) {
  const char *failure = scr_pdf_lib_load();
  return failure ? refuse(why, scr_strdup(failure)) : SCR_OK;
}

scr_error scr_pdf_open(const unsigned char *data, size_t len, scr_pdf **out,
                       char **why) {
  *out = NULL;
  *why = NULL;
  scr_error err = check_limits(data, len, why);
  if (!err)
    err = load_libraries(why);
  if (err)
    return err;
  size_t pages = 0;
  err = check_locked(data, len, &pages, why);
  if (err)
    return err;
  scr_pdf *pdf = calloc(1, sizeof *pdf);
  if (!pdf || !(pdf->data = malloc(len))) {
    free(pdf);
    return SCR_E_NOMEM;
  }
  memcpy(pdf->data, data, len);
  pdf->len = len;
  scr_pdf_lock();
  err = read_with_poppler(pdf, pages, why);
  scr_pdf_unlock();
  if (err) {
    scr_pdf_free(pdf);
    if (err == SCR_E_NOMEM) {
      free(*why);
      *why = NULL;
    }
    return err;
  }
  *out = pdf;
  return SCR_OK;
}

void scr_pdf_free(scr_pdf *pdf) {
  if (!pdf)
    return;
  scr_pdf_lock();
  if (pdf->doc)
    scr_pdf_lib.g_object_unref(pdf->doc);
  if (pdf->bytes)
    scr_pdf_lib.g_bytes_unref(pdf->bytes);
  scr_pdf_unlock();
  for (size_t i = 0; pdf->pages && i < pdf->n_pages; i++)
    free(pdf->pages[i].text);
  free(pdf->pages);
  free(pdf->title);
  free(pdf->data);
  free(pdf);
}

size_t scr_pdf_page_count(const scr_pdf *pdf) {
  return pdf->n_pages;
}

void scr_pdf_page_size(const scr_pdf *pdf, size_t i, double *width_pt,
                       double *height_pt) {
  *width_pt = pdf->pages[i].width_pt;
  *height_pt = pdf->pages[i].height_pt;
}

const char *scr_pdf_page_text(const scr_pdf *pdf, size_t i) {
  return pdf->pages[i].text;
}

const char *scr_pdf_title(const scr_pdf *pdf) {
  return pdf->title;
}

const unsigned char *scr_pdf_data(const scr_pdf *pdf, size_t *len) {
  *len = pdf->len;
  return pdf->data;
}
