/*
 * A PDF appendix's pages: the page each is shown on, the estimate's count,
 * the DOCX's sections and the ODT's master pages of them, the stand-in
 * pictures, and qpdf putting the pages in place of their pictures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "docx.h"
#include "estimate.h"
#include "house.h"
#include "package.h"
#include "package_fixture.h"
#include "pdf_fixture.h"
#include "pdf_pack.h"
#include "pdfpics.h"
#include "template.h"
#include "writer.h"

#include <math.h>

/* ---- the page ------------------------------------------------------------ */

/* The picture keeps the page's shape and fits within the margins. */
static void expect_fits(const scr_house_page *p, int32_t w, int32_t h,
                        double width_pt, double height_pt) {
  double room_w = (p->width - p->left - p->right) * 2540.0 / 1440;
  double room_h = (p->height - p->top - p->bottom) * 2540.0 / 1440;
  assert_true(w <= room_w && h <= room_h);
  /* one side fills its room (the height less a line's slack) */
  assert_true(w >= room_w - 2 || h >= room_h - 450);
  assert_true(fabs((double)w / h - width_pt / height_pt) < 0.01);
}

static void test_a4_page_keeps_its_size(void **state) {
  (void)state;
  const scr_house_page *house = &scr_house_builtin()->page;
  scr_house_page p;
  int32_t w, h;
  scr_pdf_page_fit(house, 595.28, 841.89, &p, &w, &h);
  assert_int_equal(p.width, 11906);
  assert_int_equal(p.height, 16838);
  assert_int_equal(p.left, SCR_PDF_PAGE_EDGE);
  assert_int_equal(p.right, SCR_PDF_PAGE_EDGE);
  assert_int_equal(p.top, house->top);
  assert_int_equal(p.bottom, house->bottom);
  assert_int_equal(p.footer, house->footer);
  expect_fits(&p, w, h, 595.28, 841.89);
}

static void test_deck_page_stays_landscape(void **state) {
  (void)state;
  scr_house_page p;
  int32_t w, h;
  scr_pdf_page_fit(&scr_house_builtin()->page, 1152, 648, &p, &w, &h);
  assert_int_equal(p.width, 23040); /* 16 in */
  assert_int_equal(p.height, 12960);
  assert_true(w > h);
  expect_fits(&p, w, h, 1152, 648);
}

static void test_large_page_is_scaled_to_words_largest(void **state) {
  (void)state;
  scr_house_page p;
  int32_t w, h;
  /* A0: 841 by 1189 mm */
  scr_pdf_page_fit(&scr_house_builtin()->page, 2384, 3370, &p, &w, &h);
  assert_int_equal(p.height, SCR_PAGE_MAX_SIDE);
  assert_int_equal(p.width, (int)(2384.0 * SCR_PAGE_MAX_SIDE / 3370 + 0.5));
  expect_fits(&p, w, h, 2384, 3370);
}

static void test_small_page_is_scaled_up_to_hold_margins(void **state) {
  (void)state;
  scr_house_page p;
  int32_t w, h;
  scr_pdf_page_fit(&scr_house_builtin()->page, 72, 144, &p, &w, &h);
  assert_int_equal(p.width, SCR_PAGE_MIN_SIDE);
  assert_int_equal(p.height, 2 * SCR_PAGE_MIN_SIDE);
  assert_true(w > 0 && h > 0);
  expect_fits(&p, w, h, 72, 144);
}

/* ---- a document with PDF pages ---------------------------------------- */

typedef struct pdf_doc {
  scr_pdf *pdf;
  scr_pdf_pictures *pics;
} pdf_doc;

/* Two pages of a deck and one of a letter. */
static pdf_doc open_pdf(void) {
  fx_page pages[] = {{1152, 648, 0, "Slide one", NULL, false},
                     {1152, 648, 0, "Slide two", NULL, false},
                     {595, 842, 0, NULL, NULL, true}};
  size_t len;
  unsigned char *data = fx_pdf(pages, 3, "Deck", FX_PLAIN, &len);
  pdf_doc d = {0};
  char *why = NULL;
  assert_int_equal(scr_pdf_open(data, len, &d.pdf, &why), SCR_OK);
  free(data);
  d.pics = scr_pdf_pictures_new(d.pdf);
  assert_non_null(d.pics);
  return d;
}

static void close_pdf(pdf_doc *d) {
  scr_pdf_pictures_free(d->pics);
  scr_pdf_free(d->pdf);
}

/* Body text, the PDF's pages, body text again, through `o`. */
static void draw(const scr_sink_ops *o, void *w, const pdf_doc *d) {
  static const scr_doc_info info = {.title = "Pack", .footer = "Committee"};
  assert_int_equal(o->begin_document(w, &info), SCR_OK);
  assert_int_equal(o->begin_paragraph(w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(o->text(w, "Before", 6, 0), SCR_OK);
  assert_int_equal(o->end_paragraph(w), SCR_OK);
  for (size_t i = 0; i < scr_pdf_page_count(d->pdf); i++) {
    double pw, ph;
    scr_pdf_page_size(d->pdf, i, &pw, &ph);
    scr_house_page page;
    scr_pdf_page pg = {&page,
                       d->pics,
                       i,
                       0,
                       0,
                       scr_pdf_page_text(d->pdf, i),
                       i == 2 ? "Appendix_A_end" : NULL};
    scr_pdf_page_fit(&scr_house_builtin()->page, pw, ph, &page, &pg.width_mm100,
                     &pg.height_mm100);
    assert_int_equal(o->pdf_page(w, &pg), SCR_OK);
  }
  assert_int_equal(o->begin_paragraph(w, SCR_PARA_BODY), SCR_OK);
  assert_int_equal(o->text(w, "After", 5, 0), SCR_OK);
  assert_int_equal(o->end_paragraph(w), SCR_OK);
  assert_int_equal(o->end_document(w), SCR_OK);
}

static scr_package *write_pdf_doc(const scr_writer_class *wc,
                                  const char *format, const pdf_doc *d) {
  scr_template tpl = scr_template_builtin(format);
  scr_template view = scr_template_view(&tpl, format);
  void *w = wc->create(&view);
  assert_non_null(w);
  draw(wc->ops, w, d);
  scr_package *pkg = scr_package_new();
  assert_non_null(pkg);
  assert_int_equal(wc->finish(w, pkg), SCR_OK);
  wc->destroy(w);
  return pkg;
}

static size_t count_of(const char *s, const char *what) {
  size_t n = 0;
  for (const char *at = s; (at = strstr(at, what)); at++)
    n++;
  return n;
}

static void test_estimate_gives_each_pdf_page_a_page(void **state) {
  (void)state;
  pdf_doc d = open_pdf();
  scr_estimate *e = scr_estimate_new(NULL);
  assert_non_null(e);
  draw(&scr_estimate_ops, e, &d);
  /* the page before, three PDF pages, the page after */
  assert_int_equal(scr_estimate_pages(e), 5);
  scr_estimate_free(e);
  close_pdf(&d);
}

static void test_docx_gives_each_pdf_page_a_section(void **state) {
  (void)state;
  pdf_doc d = open_pdf();
  scr_package *pkg = write_pdf_doc(&scr_docx_writer, "docx", &d);
  char *doc = part(pkg, "word/document.xml");
  /* the body before, three PDF pages, the body after: five sections */
  assert_int_equal(count_of(doc, "<w:sectPr"), 5);
  assert_int_equal(count_of(doc, "<w:pgSz w:w=\"23040\" w:h=\"12960\" "
                                 "w:orient=\"landscape\"/>"),
                   2);
  assert_int_equal(count_of(doc, "<w:pgSz w:w=\"11900\" w:h=\"16840\"/>"), 1);
  assert_int_equal(count_of(doc, "r:id=\"" DOCX_RID_FOOTER_PAGE "\""), 3);
  assert_non_null(strstr(doc, "descr=\"Slide one\""));
  assert_non_null(strstr(doc, "w:name=\"Appendix_A_end\""));
  /* no page of the house's size holds nothing: the text after is on the
     last section, the house's */
  const char *after = strstr(doc, "After");
  assert_non_null(after);
  assert_null(strstr(after, DOCX_RID_FOOTER_PAGE));
  free(doc);
  expect_in_part(pkg, "word/footer3.xml", "PAGE");
  expect_in_part(pkg, "word/_rels/document.xml.rels", "footer3.xml");
  expect_in_part(pkg, "[Content_Types].xml", "/word/footer3.xml");
  scr_package_free(pkg);
  close_pdf(&d);
}

static void test_odt_gives_each_pdf_size_a_master_page(void **state) {
  (void)state;
  pdf_doc d = open_pdf();
  scr_package *pkg = write_pdf_doc(&scr_odt_writer, "odt", &d);
  char *styles = part(pkg, "styles.xml");
  /* one master page for the deck's size, one for the letter's */
  assert_int_equal(
      count_of(styles, "<style:master-page style:name=\"PDF_Page_"), 2);
  assert_non_null(strstr(styles, "fo:page-width=\"40.64cm\" "
                                 "fo:page-height=\"22.86cm\" "
                                 "style:print-orientation=\"landscape\""));
  assert_non_null(strstr(styles, "<text:page-number"));
  free(styles);
  char *content = part(pkg, "content.xml");
  assert_int_equal(count_of(content, "text:style-name=\"P_pdf_1\""), 2);
  assert_int_equal(count_of(content, "text:style-name=\"P_pdf_2\""), 1);
  assert_non_null(strstr(content, "style:master-page-name=\"PDF_Page_1\""));
  assert_non_null(
      strstr(content, "<text:bookmark text:name=\"Appendix_A_end\""));
  assert_non_null(strstr(content, "<svg:desc>Slide two</svg:desc>"));
  /* the text after goes back to the house's master page */
  assert_non_null(strstr(content, "style:master-page-name=\"Standard\""));
  free(content);
  scr_package_free(pkg);
  close_pdf(&d);
}

static void test_stand_ins_are_drawn_for_no_page(void **state) {
  (void)state;
  pdf_doc d = open_pdf();
  scr_pdf_page pg = {NULL, d.pics, 0, 1000, 500, "Slide one", NULL};
  scr_image img;
  assert_int_equal(scr_pdf_pictures_stand_in(d.pics, true), SCR_OK);
  assert_int_equal(scr_pdf_page_picture(&pg, &img), SCR_OK);
  assert_int_equal(img.width_px, SCR_PDF_STAND_IN_WIDTH);
  assert_int_equal(img.height_px, SCR_PDF_STAND_IN_HEIGHT);
  assert_int_equal(img.width_mm100, 1000);
  assert_string_equal(img.alt, "Slide one");
  assert_int_equal(scr_pdf_pictures_stand_in(d.pics, false), SCR_OK);
  assert_int_equal(scr_pdf_page_picture(&pg, &img), SCR_OK);
  /* 16 in at 150 dpi */
  assert_int_equal(img.width_px, 2400);
  assert_int_equal(img.height_px, 1350);
  pg.index = 3;
  assert_int_equal(scr_pdf_page_picture(&pg, &img), SCR_E_USAGE);
  close_pdf(&d);
}

/* ---- qpdf puts the pages in place ------------------------------------- */

/* A pack of `n` pages, each drawing one picture of `w` x `h` pixels (as
   its dictionary says; its data is 7 x 5) named /Im<page> in a dictionary
   all pages share, as LibreOffice writes them, across the page less
   50 pt. Caller frees. */
static unsigned char *fx_pictures(size_t n, long long w, long long h,
                                  size_t *len) {
  qpdf_data q = qpdf_init();
  qpdf_silence_errors(q);
  assert_int_equal(qpdf_empty_pdf(q), QPDF_SUCCESS);
  qpdf_oh xo = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
  unsigned char grey[7 * 5 * 3];
  memset(grey, 0xee, sizeof grey);
  for (size_t i = 0; i < n; i++) {
    qpdf_oh im = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, im, grey, sizeof grey, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh dict = qpdf_oh_get_dict(q, im);
    qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/XObject"));
    qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/Image"));
    qpdf_oh_replace_key(q, dict, "/Width", qpdf_oh_new_integer(q, w));
    qpdf_oh_replace_key(q, dict, "/Height", qpdf_oh_new_integer(q, h));
    qpdf_oh_replace_key(q, dict, "/ColorSpace",
                        qpdf_oh_new_name(q, "/DeviceRGB"));
    qpdf_oh_replace_key(q, dict, "/BitsPerComponent",
                        qpdf_oh_new_integer(q, 8));
    char name[32];
    snprintf(name, sizeof name, "/Im%zu", i + 1);
    qpdf_oh_replace_key(q, xo, name, im);
  }
  for (size_t i = 0; i < n; i++) {
    qpdf_oh p = qpdf_oh_parse(q, "<< /Type /Page /MediaBox [0 0 600 400] >>");
    qpdf_oh res = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, res, "/XObject", xo);
    qpdf_oh_replace_key(q, p, "/Resources", res);
    char content[128];
    snprintf(content, sizeof content,
             "/Figure <</MCID 0>> BDC q 550 0 0 350 25 40 cm /Im%zu Do Q "
             "EMC\n",
             i + 1);
    qpdf_oh s = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, s, (const unsigned char *)content,
                                strlen(content), qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh_replace_key(q, p, "/Contents", s);
    assert_int_equal(
        qpdf_add_page(q, q, qpdf_make_indirect_object(q, p), QPDF_FALSE),
        QPDF_SUCCESS);
  }
  assert_int_equal(qpdf_init_write_memory(q), QPDF_SUCCESS);
  assert_int_equal(qpdf_write(q), QPDF_SUCCESS);
  *len = qpdf_get_buffer_length(q);
  unsigned char *pdf = malloc(*len);
  assert_non_null(pdf);
  memcpy(pdf, qpdf_get_buffer(q), *len);
  qpdf_cleanup(&q);
  return pdf;
}

/* The stand-ins of a pack of `n` pages. */
static unsigned char *fx_pack(size_t n, size_t *len) {
  return fx_pictures(n, SCR_PDF_STAND_IN_WIDTH, SCR_PDF_STAND_IN_HEIGHT, len);
}

static scr_pdf *open_or_fail(const unsigned char *data, size_t len) {
  scr_pdf *pdf = NULL;
  char *why = NULL;
  if (scr_pdf_open(data, len, &pdf, &why) != SCR_OK)
    fail_msg("%s", why ? why : "out of memory");
  return pdf;
}

static void test_pages_replace_their_pictures(void **state) {
  (void)state;
  /* a page turned a quarter, shown landscape, and an upright one */
  fx_page pages[] = {{400, 600, 90, "Turned slide", NULL, false},
                     {600, 400, 0, "Upright slide", NULL, false}};
  size_t alen, plen, olen;
  unsigned char *app = fx_pdf(pages, 2, NULL, FX_PLAIN, &alen);
  unsigned char *pack = fx_pack(3, &plen);
  scr_pdf *pdf = open_or_fail(app, alen);
  scr_pdf_insert ins[] = {{2, pdf, 0, 7, 5}, {3, pdf, 1, 7, 5}};
  char *out = NULL, *why = NULL;
  assert_int_equal(
      scr_pdf_pack_insert((const char *)pack, plen, ins, 2, &out, &olen, &why),
      SCR_OK);
  assert_null(why);
  scr_pdf *done = open_or_fail((const unsigned char *)out, olen);
  assert_int_equal(scr_pdf_page_count(done), 3);
  assert_string_equal(scr_pdf_page_text(done, 0), "");
  assert_string_equal(scr_pdf_page_text(done, 1), "Turned slide");
  assert_string_equal(scr_pdf_page_text(done, 2), "Upright slide");
  /* each page names its own picture's place, page 1 its picture */
  qpdf_data q = qpdf_init();
  assert_int_equal(qpdf_read_memory(q, "out", out, olen, NULL), QPDF_SUCCESS);
  qpdf_oh xo2 = qpdf_oh_get_key(
      q, qpdf_oh_get_key(q, qpdf_get_page_n(q, 1), "/Resources"), "/XObject");
  qpdf_oh form = qpdf_oh_get_key(q, xo2, "/Im2");
  assert_true(qpdf_oh_is_name_and_equals(
      q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, form), "/Subtype"), "/Form"));
  assert_false(qpdf_oh_has_key(q, xo2, "/Im3"));
  qpdf_oh xo1 = qpdf_oh_get_key(
      q, qpdf_oh_get_key(q, qpdf_get_page_n(q, 0), "/Resources"), "/XObject");
  assert_true(qpdf_oh_has_key(q, xo1, "/Im1"));
  assert_false(qpdf_oh_has_key(q, xo1, "/Im2"));
  qpdf_cleanup(&q);
  free(out);
  scr_pdf_free(done);
  scr_pdf_free(pdf);
  free(pack);
  free(app);
}

static void test_page_without_its_picture_is_an_error(void **state) {
  (void)state;
  size_t alen, plen, olen;
  unsigned char *app =
      fx_pdf1((fx_page){600, 400, 0, "Slide", NULL, false}, &alen);
  unsigned char *pack = fx_pack(1, &plen);
  scr_pdf *pdf = open_or_fail(app, alen);
  /* a picture of another size than the page shows */
  scr_pdf_insert ins = {1, pdf, 0, 8, 5};
  char *out = NULL, *why = NULL;
  assert_int_equal(
      scr_pdf_pack_insert((const char *)pack, plen, &ins, 1, &out, &olen, &why),
      SCR_E_OFFICE);
  assert_null(out);
  assert_non_null(why);
  assert_non_null(strstr(why, "page 1"));
  free(why);
  /* a page past the pack's last */
  ins = (scr_pdf_insert){2, pdf, 0, 7, 5};
  assert_int_equal(
      scr_pdf_pack_insert((const char *)pack, plen, &ins, 1, &out, &olen, &why),
      SCR_E_OFFICE);
  free(why);
  /* not a PDF at all */
  assert_int_equal(
      scr_pdf_pack_insert("nothing", 7, &ins, 1, &out, &olen, &why),
      SCR_E_OFFICE);
  free(why);
  scr_pdf_free(pdf);
  free(pack);
  free(app);
}

/* A picture too large to draw in time is refused before any is drawn;
   one of a 600 dpi scan's size is not. */
static void test_enormous_picture_is_refused(void **state) {
  (void)state;
  size_t len;
  unsigned char *data = fx_pictures(2, 100000, 100000, &len);
  scr_pdf *pdf = NULL;
  char *why = NULL;
  assert_int_equal(scr_pdf_open(data, len, &pdf, &why), SCR_E_SOURCE);
  assert_non_null(why);
  if (!strstr(why, "has a picture of 10000 megapixels on page 1"))
    fail_msg("%s", why);
  free(why);
  free(data);
  data = fx_pictures(1, 4960, 7016, &len); /* A4 at 600 dpi */
  pdf = open_or_fail(data, len);
  scr_pdf_free(pdf);
  free(data);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_a4_page_keeps_its_size),
      cmocka_unit_test(test_deck_page_stays_landscape),
      cmocka_unit_test(test_large_page_is_scaled_to_words_largest),
      cmocka_unit_test(test_small_page_is_scaled_up_to_hold_margins),
      cmocka_unit_test(test_estimate_gives_each_pdf_page_a_page),
      cmocka_unit_test(test_docx_gives_each_pdf_page_a_section),
      cmocka_unit_test(test_odt_gives_each_pdf_size_a_master_page),
      cmocka_unit_test(test_stand_ins_are_drawn_for_no_page),
      cmocka_unit_test(test_pages_replace_their_pictures),
      cmocka_unit_test(test_page_without_its_picture_is_an_error),
      cmocka_unit_test(test_enormous_picture_is_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
