/* A PDF appendix's page drawn as a PNG, with poppler on a cairo surface. */
#include "pdfin_impl.h"

#include "util.h"

#include "pdflib.h"

#include <math.h>
#include <stdlib.h>

/* The image's size in pixels and the scale from points: `dpi`, lowered
   when the image would have more than SCR_PDF_MAX_PIXELS pixels or a side
   longer than SCR_PDF_MAX_PIXEL_SIDE. */
static void fit_pixels(double width_pt, double height_pt, int dpi,
                       double *scale, uint32_t *width_px, uint32_t *height_px) {
  double s = dpi / 72.0;
  /* a page of whole pixels at this dpi (612 pt at 150 dpi is 1275 px) is
     not made one wider by the rounding of the product */
  double w = ceil(width_pt * s - 1e-6), h = ceil(height_pt * s - 1e-6);
  if (w * h > SCR_PDF_MAX_PIXELS || w > SCR_PDF_MAX_PIXEL_SIDE ||
      h > SCR_PDF_MAX_PIXEL_SIDE) {
    s = fmin(sqrt(SCR_PDF_MAX_PIXELS / (width_pt * height_pt)),
             SCR_PDF_MAX_PIXEL_SIDE / fmax(width_pt, height_pt));
    w = floor(width_pt * s);
    h = floor(height_pt * s);
  }
  *scale = s;
  *width_px = w < 1 ? 1 : (uint32_t)w;
  *height_px = h < 1 ? 1 : (uint32_t)h;
}

static cairo_status_t append_png(void *closure, const unsigned char *data,
                                 unsigned int length) {
  return scr_buf_append(closure, data, length) ? CAIRO_STATUS_NO_MEMORY
                                               : CAIRO_STATUS_SUCCESS;
}

static scr_error from_cairo(cairo_status_t status) {
  if (status == CAIRO_STATUS_SUCCESS)
    return SCR_OK;
  return status == CAIRO_STATUS_NO_MEMORY ? SCR_E_NOMEM : SCR_E_SOURCE;
}

/* The page on white at `scale`, onto `surface`. Called locked. */
static scr_error draw_page(PopplerPage *page, cairo_surface_t *surface,
                           double scale) {
  cairo_t *cr = scr_pdf_lib.cairo_create(surface);
  scr_pdf_lib.cairo_set_source_rgb(cr, 1, 1, 1);
  scr_pdf_lib.cairo_paint(cr);
  scr_pdf_lib.cairo_scale(cr, scale, scale);
  /* for printing: the page as printed, without the annotations that are
     only seen on screen (form fields' highlights, notes' icons) */
  scr_pdf_lib.poppler_page_render_for_printing(page, cr);
  scr_error err = from_cairo(scr_pdf_lib.cairo_status(cr));
  scr_pdf_lib.cairo_destroy(cr);
  scr_pdf_lib.cairo_surface_flush(surface);
  return err;
}

/* Page i as PNG bytes into `png`. Called locked. */
static scr_error render_locked(const scr_pdf *pdf, size_t i, double scale,
                               uint32_t width_px, uint32_t height_px,
                               scr_buf *png) {
  PopplerPage *page = scr_pdf_lib.poppler_document_get_page(pdf->doc, (int)i);
  if (!page)
    return SCR_E_SOURCE;
  cairo_surface_t *surface = scr_pdf_lib.cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, (int)width_px, (int)height_px);
  scr_error err = from_cairo(scr_pdf_lib.cairo_surface_status(surface));
  if (!err)
    err = draw_page(page, surface, scale);
  if (!err)
    err = from_cairo(scr_pdf_lib.cairo_surface_write_to_png_stream(
        surface, append_png, png));
  scr_pdf_lib.cairo_surface_destroy(surface);
  scr_pdf_lib.g_object_unref(page);
  return err;
}

scr_error scr_pdf_render_png(const scr_pdf *pdf, size_t i, int dpi,
                             unsigned char **png, size_t *png_len,
                             uint32_t *width_px, uint32_t *height_px) {
  *png = NULL;
  *png_len = 0;
  *width_px = *height_px = 0;
  if (i >= pdf->n_pages || dpi < 1)
    return SCR_E_USAGE;
  double scale;
  uint32_t w, h;
  fit_pixels(pdf->pages[i].width_pt, pdf->pages[i].height_pt, dpi, &scale, &w,
             &h);
  scr_buf buf = SCR_BUF_INIT;
  scr_pdf_lock();
  scr_error err = render_locked(pdf, i, scale, w, h, &buf);
  scr_pdf_unlock();
  if (err) {
    scr_buf_free(&buf);
    return err;
  }
  *png = (unsigned char *)scr_buf_detach(&buf, png_len);
  if (!*png)
    return SCR_E_NOMEM;
  *width_px = w;
  *height_px = h;
  return SCR_OK;
}
