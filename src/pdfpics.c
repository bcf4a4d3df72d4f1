/* The pictures of a PDF appendix's pages, drawn once and kept. */
#include "pdfpics.h"

#include <pthread.h>
#include <stdlib.h>

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

scr_error scr_pdf_page_picture(const scr_pdf_page *page, scr_image *out) {
  scr_pdf_pictures *pics = page->pictures;
  if (!pics || page->index >= scr_pdf_page_count(pics->pdf))
    return SCR_E_USAGE;
  pthread_mutex_lock(&pics->lock);
  scr_error err = draw(pics, page->index);
  const picture *p = &pics->pages[page->index];
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
