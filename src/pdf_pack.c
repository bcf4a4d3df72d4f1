/* The PDF appendices' own pages in place of their pictures (pdf_pack.h). */
#include "pdf_pack.h"
#include "util.h"

#include "pdflib.h"
#include <stdlib.h>
#include <string.h>

/* An appendix opened in qpdf, once for all its pages. */
typedef struct source {
  const scr_pdf *pdf;
  qpdf_data q;
} source;

typedef struct assembly {
  qpdf_data pack;
  source *sources;
  size_t nsources, cap;
  /* each pack page's picture replaced, by page: its name */
  char **replaced;
  char *why;
} assembly;

/* The first error qpdf has, as a sentence. */
static void qpdf_fault(assembly *a, qpdf_data q, const char *what) {
  /* taken in any case, so that qpdf does not print it as unhandled */
  const char *detail = scr_pdf_lib.qpdf_has_error(q)
                           ? scr_pdf_lib.qpdf_get_error_full_text(
                                 q, scr_pdf_lib.qpdf_get_error(q))
                           : "";
  if (!a->why)
    a->why = scr_asprintf("%s%s%s", what, *detail ? ": " : "", detail);
}

/* The PDF in data[0..len) in qpdf, or NULL with qpdf's error said as
   `what` failing. */
static qpdf_data open_memory(assembly *a, const char *name, const char *data,
                             size_t len, const char *what) {
  qpdf_data q = scr_pdf_lib.qpdf_init();
  scr_pdf_lib.qpdf_silence_errors(q);
  scr_pdf_lib.qpdf_set_suppress_warnings(q, QPDF_TRUE);
  if (scr_pdf_lib.qpdf_read_memory(q, name, data, (unsigned long long)len,
                                   NULL) &
          QPDF_ERRORS ||
      scr_pdf_lib.qpdf_push_inherited_attributes_to_page(q) & QPDF_ERRORS) {
    /* taken, so that qpdf does not print it as unhandled */
    qpdf_fault(a, q, what);
    scr_pdf_lib.qpdf_cleanup(&q);
    return NULL;
  }
  return q;
}

/* The appendix `pdf` in qpdf, opened on first use. */
static qpdf_data source_of(assembly *a, const scr_pdf *pdf) {
  for (size_t i = 0; i < a->nsources; i++)
    if (a->sources[i].pdf == pdf)
      return a->sources[i].q;
  if (scr_reserve(&a->sources, &a->cap, a->nsources + 1, sizeof *a->sources))
    return NULL;
  size_t len;
  const unsigned char *data = scr_pdf_data(pdf, &len);
  qpdf_data q = open_memory(a, "appendix", (const char *)data, len,
                            "qpdf could not read a PDF appendix again");
  if (!q)
    return NULL;
  a->sources[a->nsources++] = (source){pdf, q};
  return q;
}

/* A box [x0 y0 x1 y1] of four numbers, normalised; false when it is not
   one. */
static bool box_of(qpdf_data q, qpdf_oh box, double b[4]) {
  if (!scr_pdf_lib.qpdf_oh_is_array(q, box) ||
      scr_pdf_lib.qpdf_oh_get_array_n_items(q, box) != 4)
    return false;
  for (int i = 0; i < 4; i++) {
    qpdf_oh v = scr_pdf_lib.qpdf_oh_get_array_item(q, box, i);
    if (!scr_pdf_lib.qpdf_oh_is_number(q, v))
      return false;
    b[i] = scr_pdf_lib.qpdf_oh_get_numeric_value(q, v);
  }
  double t;
  if (b[0] > b[2])
    t = b[0], b[0] = b[2], b[2] = t;
  if (b[1] > b[3])
    t = b[1], b[1] = b[3], b[3] = t;
  return b[2] > b[0] && b[3] > b[1];
}

/* The page's visible box: its crop box within its media box. */
static bool visible_box(qpdf_data q, qpdf_oh page, double b[4]) {
  double crop[4];
  if (!box_of(q, scr_pdf_lib.qpdf_oh_get_key(q, page, "/MediaBox"), b))
    return false;
  if (box_of(q, scr_pdf_lib.qpdf_oh_get_key(q, page, "/CropBox"), crop)) {
    b[0] = crop[0] > b[0] ? crop[0] : b[0];
    b[1] = crop[1] > b[1] ? crop[1] : b[1];
    b[2] = crop[2] < b[2] ? crop[2] : b[2];
    b[3] = crop[3] < b[3] ? crop[3] : b[3];
  }
  return b[2] > b[0] && b[3] > b[1];
}

/*
 * The matrix that takes box `b` of a page turned by `rotate` degrees
 * (clockwise, as shown) onto the unit square, which is what an image
 * XObject fills: so the form drawn by the picture's own "Do" lands where
 * the picture was, the right way up.
 */
static void unit_matrix(const double b[4], int rotate, double m[6]) {
  double w = b[2] - b[0], h = b[3] - b[1];
  switch (((rotate % 360) + 360) % 360) {
  case 90:
    m[0] = 0, m[1] = -1 / w, m[2] = 1 / h, m[3] = 0;
    m[4] = -b[1] / h, m[5] = b[2] / w;
    break;
  case 180:
    m[0] = -1 / w, m[1] = 0, m[2] = 0, m[3] = -1 / h;
    m[4] = b[2] / w, m[5] = b[3] / h;
    break;
  case 270:
    m[0] = 0, m[1] = 1 / w, m[2] = -1 / h, m[3] = 0;
    m[4] = b[3] / h, m[5] = -b[0] / w;
    break;
  default:
    m[0] = 1 / w, m[1] = 0, m[2] = 0, m[3] = 1 / h;
    m[4] = -b[0] / w, m[5] = -b[1] / h;
  }
}

static qpdf_oh number_array(qpdf_data q, const double *v, int n) {
  qpdf_oh arr = scr_pdf_lib.qpdf_oh_new_array(q);
  for (int i = 0; i < n; i++)
    scr_pdf_lib.qpdf_oh_append_item(
        q, arr, scr_pdf_lib.qpdf_oh_new_real_from_double(q, v[i], 9));
  return arr;
}

/* Page `index` of appendix `q` as a form XObject of its own file. */
static qpdf_oh page_form(assembly *a, qpdf_data q, size_t index) {
  qpdf_oh page = scr_pdf_lib.qpdf_get_page_n(q, index);
  double box[4], m[6];
  unsigned char *content = NULL;
  size_t len = 0;
  if (!visible_box(q, page, box) ||
      scr_pdf_lib.qpdf_oh_get_page_content_data(q, page, &content, &len) &
          QPDF_ERRORS) {
    free(content);
    qpdf_fault(a, q, "qpdf could not read a page of a PDF appendix");
    return 0;
  }
  qpdf_oh rot = scr_pdf_lib.qpdf_oh_get_key(q, page, "/Rotate");
  int rotate = scr_pdf_lib.qpdf_oh_is_number(q, rot)
                   ? scr_pdf_lib.qpdf_oh_get_int_value_as_int(q, rot)
                   : 0;
  unit_matrix(box, rotate, m);
  qpdf_oh form = scr_pdf_lib.qpdf_oh_new_stream(q);
  scr_pdf_lib.qpdf_oh_replace_stream_data(q, form, content, len,
                                          scr_pdf_lib.qpdf_oh_new_null(q),
                                          scr_pdf_lib.qpdf_oh_new_null(q));
  free(content);
  qpdf_oh dict = scr_pdf_lib.qpdf_oh_get_dict(q, form);
  scr_pdf_lib.qpdf_oh_replace_key(q, dict, "/Type",
                                  scr_pdf_lib.qpdf_oh_new_name(q, "/XObject"));
  scr_pdf_lib.qpdf_oh_replace_key(q, dict, "/Subtype",
                                  scr_pdf_lib.qpdf_oh_new_name(q, "/Form"));
  scr_pdf_lib.qpdf_oh_replace_key(q, dict, "/BBox", number_array(q, box, 4));
  scr_pdf_lib.qpdf_oh_replace_key(q, dict, "/Matrix", number_array(q, m, 6));
  qpdf_oh res = scr_pdf_lib.qpdf_oh_get_key(q, page, "/Resources");
  scr_pdf_lib.qpdf_oh_replace_key(q, dict, "/Resources",
                                  scr_pdf_lib.qpdf_oh_is_dictionary(q, res)
                                      ? res
                                      : scr_pdf_lib.qpdf_oh_new_dictionary(q));
  /* a page drawn as a transparency group keeps its group */
  if (scr_pdf_lib.qpdf_oh_has_key(q, page, "/Group"))
    scr_pdf_lib.qpdf_oh_replace_key(
        q, dict, "/Group", scr_pdf_lib.qpdf_oh_get_key(q, page, "/Group"));
  return form;
}

/* A new dictionary with the entries of `d` (shallow) but those that
   `drop` says to leave out: the pack's pages may share their resources,
   and only this page's change. 0 (no object) when out of memory. */
static qpdf_oh copy_dict_but(qpdf_data q, qpdf_oh d,
                             bool (*drop)(const char *, const void *),
                             const void *ctx) {
  char **keys;
  size_t n;
  if (!scr_qpdf_keys(q, d, &keys, &n))
    return 0;
  qpdf_oh copy = scr_pdf_lib.qpdf_oh_new_dictionary(q);
  for (size_t i = 0; i < n; i++) {
    if (!drop || !drop(keys[i], ctx))
      scr_pdf_lib.qpdf_oh_replace_key(
          q, copy, keys[i], scr_pdf_lib.qpdf_oh_get_key(q, d, keys[i]));
    free(keys[i]);
  }
  free(keys);
  return copy;
}

static qpdf_oh copy_dict(qpdf_data q, qpdf_oh d) {
  return copy_dict_but(q, d, NULL, NULL);
}

/* The pictures replaced on other pages than `keep`'s. */
typedef struct others {
  const assembly *a;
  int pages;
  int keep; /* 0-based */
} others;

static bool replaced_elsewhere(const char *name, const void *ctx) {
  const others *o = ctx;
  /* two pages alike may show one picture, each now its page */
  const char *own = o->a->replaced[o->keep];
  if (own && strcmp(own, name) == 0)
    return false;
  for (int i = 0; i < o->pages; i++)
    if (i != o->keep && o->a->replaced[i] &&
        strcmp(o->a->replaced[i], name) == 0)
      return true;
  return false;
}

/* Whether dictionary `xo` names a picture replaced on another page. */
static bool holds_others(qpdf_data q, qpdf_oh xo, const others *o) {
  for (int i = 0; i < o->pages; i++)
    if (i != o->keep && o->a->replaced[i] &&
        scr_pdf_lib.qpdf_oh_has_key(q, xo, o->a->replaced[i]))
      return true;
  return false;
}

/* Every page's XObjects without the pictures replaced on the others, which
   LibreOffice's shared dictionary names on every page: so that the
   pictures are no longer referenced, and not written. */
static bool drop_pictures(assembly *a, int pages) {
  qpdf_data q = a->pack;
  for (int p = 0; p < pages; p++) {
    qpdf_oh page = scr_pdf_lib.qpdf_get_page_n(q, (size_t)p);
    qpdf_oh res = scr_pdf_lib.qpdf_oh_get_key(q, page, "/Resources");
    qpdf_oh xo = scr_pdf_lib.qpdf_oh_get_key(q, res, "/XObject");
    others o = {a, pages, p};
    if (!scr_pdf_lib.qpdf_oh_is_dictionary(q, xo) || !holds_others(q, xo, &o))
      continue;
    res = copy_dict(q, res);
    xo = res ? copy_dict_but(q, xo, replaced_elsewhere, &o) : 0;
    if (!xo)
      return false;
    scr_pdf_lib.qpdf_oh_replace_key(q, res, "/XObject", xo);
    scr_pdf_lib.qpdf_oh_replace_key(q, page, "/Resources", res);
  }
  return true;
}

/* Whether `name` in XObject dictionary `xo` is an image of `w` x `h`
   pixels. */
static bool is_picture(qpdf_data q, qpdf_oh xo, const char *name, uint32_t w,
                       uint32_t h) {
  qpdf_oh v = scr_pdf_lib.qpdf_oh_get_key(q, xo, name);
  if (!scr_pdf_lib.qpdf_oh_is_stream(q, v))
    return false;
  qpdf_oh d = scr_pdf_lib.qpdf_oh_get_dict(q, v);
  return scr_pdf_lib.qpdf_oh_is_name_and_equals(
             q, scr_pdf_lib.qpdf_oh_get_key(q, d, "/Subtype"), "/Image") &&
         scr_pdf_lib.qpdf_oh_get_int_value(
             q, scr_pdf_lib.qpdf_oh_get_key(q, d, "/Width")) == w &&
         scr_pdf_lib.qpdf_oh_get_int_value(
             q, scr_pdf_lib.qpdf_oh_get_key(q, d, "/Height")) == h;
}

static bool delimiter(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
         c == '\0' || c == '/' || c == '[' || c == ']' || c == '<' ||
         c == '>' || c == '(' || c == ')' || c == '{' || c == '}' || c == '%';
}

/* The name of the image of `w` x `h` pixels that the page's content draws
   ("/Im7 Do"), or NULL: the pages of the pack share one dictionary of
   XObjects, which holds every page's picture. Caller frees. */
static char *picture_name(qpdf_data q, qpdf_oh page, qpdf_oh xo, uint32_t w,
                          uint32_t h) {
  unsigned char *content = NULL;
  size_t len = 0;
  if (!scr_pdf_lib.qpdf_oh_is_dictionary(q, xo) ||
      scr_pdf_lib.qpdf_oh_get_page_content_data(q, page, &content, &len) &
          QPDF_ERRORS) {
    free(content);
    return NULL;
  }
  const char *c = (const char *)content;
  char *found = NULL;
  for (size_t i = 2; !found && i + 1 < len; i++) {
    if (c[i] != 'D' || c[i + 1] != 'o' || (i + 2 < len && !delimiter(c[i + 2])))
      continue;
    size_t end = i;
    while (end > 0 && delimiter(c[end - 1]) && c[end - 1] != '/')
      end--;
    size_t start = end;
    while (start > 0 && !delimiter(c[start - 1]))
      start--;
    if (start == 0 || c[start - 1] != '/' || start == end)
      continue;
    char *name = scr_asprintf("/%.*s", (int)(end - start), c + start);
    if (name && is_picture(q, xo, name, w, h))
      found = name;
    else
      free(name);
  }
  free(content);
  return found;
}

/* On the pack's page, the picture of the insert's page becomes the page. */
static bool insert_one(assembly *a, const scr_pdf_insert *in) {
  qpdf_data q = a->pack;
  qpdf_data src = source_of(a, in->pdf);
  if (!src)
    return false;
  qpdf_oh page = scr_pdf_lib.qpdf_get_page_n(q, (size_t)in->pack_page - 1);
  qpdf_oh res =
      copy_dict(q, scr_pdf_lib.qpdf_oh_get_key(q, page, "/Resources"));
  qpdf_oh xo =
      res ? copy_dict(q, scr_pdf_lib.qpdf_oh_get_key(q, res, "/XObject")) : 0;
  if (!xo)
    return false; /* out of memory */
  char *name = picture_name(q, page, xo, in->width_px, in->height_px);
  if (!name) {
    a->why = scr_asprintf("page %d of LibreOffice's PDF does not show the "
                          "picture of page %zu of a PDF appendix",
                          in->pack_page, in->index + 1);
    return false;
  }
  qpdf_oh form = page_form(a, src, in->index);
  qpdf_oh copied =
      form ? scr_pdf_lib.qpdf_oh_copy_foreign_object(q, src, form) : 0;
  if (copied && !scr_pdf_lib.qpdf_has_error(q)) {
    scr_pdf_lib.qpdf_oh_replace_key(q, xo, name, copied);
    scr_pdf_lib.qpdf_oh_replace_key(q, res, "/XObject", xo);
    scr_pdf_lib.qpdf_oh_replace_key(q, page, "/Resources", res);
  } else if (form) {
    qpdf_fault(a, q, "qpdf could not copy a page of a PDF appendix");
  }
  if (copied && !a->why) {
    a->replaced[in->pack_page - 1] = name;
    return true;
  }
  free(name);
  return false;
}

/* With `same_id`, the /ID is made from the content: the same pages give
   the same bytes. */
static scr_error write_out(assembly *a, bool same_id, char **out,
                           size_t *out_len) {
  qpdf_data q = a->pack;
  if (scr_pdf_lib.qpdf_init_write_memory(q) & QPDF_ERRORS) {
    qpdf_fault(a, q, "qpdf could not write the pack's PDF");
    return SCR_E_OFFICE;
  }
  if (same_id)
    scr_pdf_lib.qpdf_set_deterministic_ID(q, QPDF_TRUE);
  /* LibreOffice leaves the structure tree (each PDF page's text is its
     picture's alternative text) uncompressed; in object streams it is */
  scr_pdf_lib.qpdf_set_object_stream_mode(q, qpdf_o_generate);
  if (scr_pdf_lib.qpdf_write(q) & QPDF_ERRORS) {
    qpdf_fault(a, q, "qpdf could not write the pack's PDF");
    return SCR_E_OFFICE;
  }
  size_t n = scr_pdf_lib.qpdf_get_buffer_length(q);
  *out = malloc(n ? n : 1);
  if (!*out)
    return SCR_E_NOMEM;
  memcpy(*out, scr_pdf_lib.qpdf_get_buffer(q), n);
  *out_len = n;
  return SCR_OK;
}

static scr_error insert_all(const char *pack, size_t len,
                            const scr_pdf_insert *inserts, size_t n, char **out,
                            size_t *out_len, char **why) {
  *out = NULL;
  *out_len = 0;
  *why = NULL;
  assembly a = {0};
  a.pack = open_memory(&a, "pack", pack, len,
                       "qpdf could not read LibreOffice's PDF of the pack");
  scr_error err = a.pack ? SCR_OK : SCR_E_OFFICE;
  int pages = err ? 0 : scr_pdf_lib.qpdf_get_num_pages(a.pack);
  if (!err && pages > 0 &&
      !(a.replaced = calloc((size_t)pages, sizeof(char *))))
    err = SCR_E_NOMEM;
  for (size_t i = 0; !err && i < n; i++) {
    if (inserts[i].pack_page < 1 || inserts[i].pack_page > pages) {
      a.why = scr_asprintf("LibreOffice's PDF has no page %d for page %zu "
                           "of a PDF appendix",
                           inserts[i].pack_page, inserts[i].index + 1);
      err = SCR_E_OFFICE;
    } else if (!insert_one(&a, &inserts[i])) {
      err = a.why ? SCR_E_OFFICE : SCR_E_NOMEM;
    }
  }
  if (!err && !drop_pictures(&a, pages))
    err = SCR_E_NOMEM;
  if (!err)
    err = write_out(&a, false, out, out_len);
  for (int i = 0; a.replaced && i < pages; i++)
    free(a.replaced[i]);
  free(a.replaced);
  for (size_t i = 0; i < a.nsources; i++)
    scr_pdf_lib.qpdf_cleanup(&a.sources[i].q);
  free(a.sources);
  if (a.pack)
    scr_pdf_lib.qpdf_cleanup(&a.pack);
  if (err) {
    free(*out);
    *out = NULL;
    *why = a.why;
  } else {
    free(a.why);
  }
  return err;
}

/* qpdf's documents share an object each one's end writes to: while a PDF
   may be read on the other thread, qpdf is used behind the readers' lock. */
scr_error scr_pdf_pack_insert(const char *pack, size_t len,
                              const scr_pdf_insert *inserts, size_t n,
                              char **out, size_t *out_len, char **why) {
  const char *failure = scr_pdf_lib_load();
  if (failure) {
    *why = scr_strdup(failure);
    return *why ? SCR_E_SOURCE : SCR_E_NOMEM;
  }
  scr_pdf_lock();
  scr_error err = insert_all(pack, len, inserts, n, out, out_len, why);
  scr_pdf_unlock();
  return err;
}

/* ---- one report's pages --------------------------------------------------
 */

/* The cut's title and language, in its /Info and its catalog. */
static void label_cut(qpdf_data q, const char *title, const char *lang) {
  qpdf_oh info = scr_pdf_lib.qpdf_make_indirect_object(
      q, scr_pdf_lib.qpdf_oh_new_dictionary(q));
  scr_pdf_lib.qpdf_oh_replace_key(
      q, info, "/Title", scr_pdf_lib.qpdf_oh_new_unicode_string(q, title));
  scr_pdf_lib.qpdf_oh_replace_key(q, scr_pdf_lib.qpdf_get_trailer(q), "/Info",
                                  info);
  scr_pdf_lib.qpdf_oh_replace_key(
      q, scr_pdf_lib.qpdf_get_root(q), "/Lang",
      scr_pdf_lib.qpdf_oh_new_unicode_string(q, lang));
  /* a reader's window shows the title, not the file's name */
  qpdf_oh prefs = scr_pdf_lib.qpdf_oh_new_dictionary(q);
  scr_pdf_lib.qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle",
                                  scr_pdf_lib.qpdf_oh_new_bool(q, QPDF_TRUE));
  scr_pdf_lib.qpdf_oh_replace_key(q, scr_pdf_lib.qpdf_get_root(q),
                                  "/ViewerPreferences", prefs);
}

/* One cut, pages first..last of `from`, written into cut->out. */
static scr_error cut_one(assembly *a, qpdf_data from, int pages,
                         scr_pdf_cut *cut, const char *lang) {
  int last = cut->last ? cut->last : pages;
  if (cut->first < 1 || last < cut->first || last > pages) {
    a->why = scr_asprintf("the pack's PDF has %d pages, not pages %d to %d",
                          pages, cut->first, last);
    return SCR_E_OFFICE;
  }
  a->pack = scr_pdf_lib.qpdf_init();
  scr_pdf_lib.qpdf_silence_errors(a->pack);
  scr_error err = SCR_OK;
  if (scr_pdf_lib.qpdf_empty_pdf(a->pack) & QPDF_ERRORS) {
    qpdf_fault(a, a->pack, "qpdf could not start a PDF");
    err = SCR_E_OFFICE;
  }
  for (int p = cut->first; !err && p <= last; p++)
    if (scr_pdf_lib.qpdf_add_page(
            a->pack, from, scr_pdf_lib.qpdf_get_page_n(from, (size_t)p - 1),
            QPDF_FALSE) &
        QPDF_ERRORS) {
      qpdf_fault(a, a->pack, "qpdf could not copy a page");
      err = SCR_E_OFFICE;
    }
  if (!err) {
    label_cut(a->pack, cut->title, lang);
    err = write_out(a, true, &cut->out, &cut->out_len);
  }
  scr_pdf_lib.qpdf_cleanup(&a->pack);
  return err;
}

/* Every cut of `pdf`, read once. */
static scr_error cut_all(const char *pdf, size_t len, scr_pdf_cut *cuts,
                         size_t n, const char *lang, char **why) {
  assembly a = {0};
  qpdf_data from =
      open_memory(&a, "pack", pdf, len, "qpdf could not read the pack's PDF");
  scr_error err = from ? SCR_OK : SCR_E_OFFICE;
  int pages = from ? scr_pdf_lib.qpdf_get_num_pages(from) : 0;
  for (size_t i = 0; !err && i < n; i++)
    err = cut_one(&a, from, pages, &cuts[i], lang);
  if (from)
    scr_pdf_lib.qpdf_cleanup(&from);
  if (err && !a.why && err != SCR_E_NOMEM)
    a.why = scr_strdup("qpdf could not cut the pages");
  *why = err ? a.why : NULL;
  if (!err)
    free(a.why);
  return err;
}

scr_error scr_pdf_pages_cut(const char *pdf, size_t len, scr_pdf_cut *cuts,
                            size_t n, const char *lang, char **why) {
  *why = NULL;
  for (size_t i = 0; i < n; i++) {
    cuts[i].out = NULL;
    cuts[i].out_len = 0;
  }
  const char *failure = scr_pdf_lib_load();
  if (failure) {
    *why = scr_strdup(failure);
    return *why ? SCR_E_SOURCE : SCR_E_NOMEM;
  }
  scr_pdf_lock();
  scr_error err = cut_all(pdf, len, cuts, n, lang, why);
  scr_pdf_unlock();
  for (size_t i = 0; err && i < n; i++) {
    free(cuts[i].out);
    cuts[i].out = NULL;
    cuts[i].out_len = 0;
  }
  return err;
}
