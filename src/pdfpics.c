/* The pictures of a PDF appendix's pages, drawn once and kept. */
#include "pdfpics.h"
#include "util.h"

#include "pdflib.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* What the pictures of one PDF may hold in all: past it the run fails,
   rather than hold gigabytes of scanned pages. */
#define PICTURES_MAX_BYTES ((size_t)512 << 20)

typedef struct picture {
  unsigned char *png; /* NULL: not drawn yet */
  size_t len;
  uint32_t width_px, height_px;
} picture;

struct scr_pdf_pictures {
  const scr_pdf *pdf;
  pthread_mutex_t lock;
  picture *pages;
  size_t held; /* bytes of PNG kept */
  bool stand_in;
  picture grey; /* the stand-in, made on first use */
};

scr_pdf_pictures *scr_pdf_pictures_new(const scr_pdf *pdf) {
  scr_pdf_pictures *pics = calloc(1, sizeof *pics);
  size_t n = scr_pdf_page_count(pdf);
  if (pics)
    pics->pages = calloc(n ? n : 1, sizeof *pics->pages);
  if (!pics || !pics->pages || pthread_mutex_init(&pics->lock, NULL)) {
    if (pics)
      free(pics->pages);
    free(pics);
    return NULL;
  }
  pics->pdf = pdf;
  return pics;
}

void scr_pdf_pictures_free(scr_pdf_pictures *pics) {
  if (!pics)
    return;
  size_t n = scr_pdf_page_count(pics->pdf);
  for (size_t i = 0; i < n; i++)
    free(pics->pages[i].png);
  free(pics->pages);
  free(pics->grey.png);
  pthread_mutex_destroy(&pics->lock);
  free(pics);
}

/* Draw page `i` unless it is drawn; under the lock, so that two writers
   asking at once draw it once. */
static scr_error draw(scr_pdf_pictures *pics, size_t i) {
  picture *p = &pics->pages[i];
  if (p->png)
    return SCR_OK;
  scr_error err = scr_pdf_render_png(pics->pdf, i, SCR_PDF_PICTURE_DPI, &p->png,
                                     &p->len, &p->width_px, &p->height_px);
  if (err)
    return err;
  if (p->len > PICTURES_MAX_BYTES - pics->held) {
    free(p->png);
    *p = (picture){0};
    return SCR_E_LIMIT;
  }
  pics->held += p->len;
  return SCR_OK;
}

typedef struct png_buffer {
  unsigned char *data;
  size_t len, cap;
} png_buffer;

static cairo_status_t append_png(void *closure, const unsigned char *data,
                                 unsigned int len) {
  png_buffer *b = closure;
  if (scr_reserve(&b->data, &b->cap, b->len + len, 1))
    return CAIRO_STATUS_NO_MEMORY;
  memcpy(b->data + b->len, data, len);
  b->len += len;
  return CAIRO_STATUS_SUCCESS;
}

/* The stand-in picture, drawn by cairo (behind the readers' lock, as
   every call of cairo is). */
static scr_error make_grey(picture *p) {
  scr_pdf_lock();
  cairo_surface_t *surface = scr_pdf_lib.cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, SCR_PDF_STAND_IN_WIDTH, SCR_PDF_STAND_IN_HEIGHT);
  cairo_t *cr = scr_pdf_lib.cairo_create(surface);
  scr_pdf_lib.cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
  scr_pdf_lib.cairo_paint(cr);
  scr_pdf_lib.cairo_destroy(cr);
  png_buffer b = {0};
  cairo_status_t st =
      scr_pdf_lib.cairo_surface_write_to_png_stream(surface, append_png, &b);
  scr_pdf_lib.cairo_surface_destroy(surface);
  scr_pdf_unlock();
  if (st != CAIRO_STATUS_SUCCESS) {
    free(b.data);
    return SCR_E_NOMEM;
  }
  *p =
      (picture){b.data, b.len, SCR_PDF_STAND_IN_WIDTH, SCR_PDF_STAND_IN_HEIGHT};
  return SCR_OK;
}

scr_error scr_pdf_pictures_stand_in(scr_pdf_pictures *pics, bool on) {
  pthread_mutex_lock(&pics->lock);
  scr_error err = on && !pics->grey.png ? make_grey(&pics->grey) : SCR_OK;
  pics->stand_in = on && !err;
  pthread_mutex_unlock(&pics->lock);
  return err;
}

scr_error scr_pdf_page_picture(const scr_pdf_page *page, scr_image *out) {
  scr_pdf_pictures *pics = page->pictures;
  if (!pics || page->index >= scr_pdf_page_count(pics->pdf))
    return SCR_E_USAGE;
  pthread_mutex_lock(&pics->lock);
  bool grey = pics->stand_in;
  scr_error err = grey ? SCR_OK : draw(pics, page->index);
  const picture *p = grey ? &pics->grey : &pics->pages[page->index];
  pthread_mutex_unlock(&pics->lock);
  if (err)
    return err;
  *out = (scr_image){p->png,
                     p->len,
                     "image/png",
                     "png",
                     p->width_px,
                     p->height_px,
                     page->width_mm100,
                     page->height_mm100,
                     page->alt ? page->alt : ""};
  return SCR_OK;
}
