/*
 * The ODT writer's images: each an inline draw:frame whose picture is kept
 * for the package's Pictures/ folder.
 */
#include "odt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Pixels are taken as 1/96 inch when an image has no size on the page. */
#define MM100_PER_INCH 2540
#define PX_PER_INCH 96

static bool plain_ext(const char *ext) {
  enum { EXT_MAX = 8 };
  size_t n = ext ? strlen(ext) : 0;
  return n > 0 && n <= EXT_MAX &&
         strspn(ext, "abcdefghijklmnopqrstuvwxyz0123456789") == n;
}

/* The part name's extension and the media type, each from the other when
   one is missing. */
static void image_kind(const scr_image *img, const char **ext,
                       const char **mime) {
  *mime = img->mime && *img->mime ? img->mime : NULL;
  *ext = plain_ext(img->ext) ? img->ext : NULL;
  if (!*ext)
    *ext = *mime && strcmp(*mime, "image/jpeg") == 0  ? "jpeg"
           : *mime && strcmp(*mime, "image/png") == 0 ? "png"
                                                      : "bin";
  if (!*mime)
    *mime = strcmp(*ext, "png") == 0 ? "image/png"
            : strcmp(*ext, "jpeg") == 0 || strcmp(*ext, "jpg") == 0
                ? "image/jpeg"
                : "application/octet-stream";
}

/* See odt.h: for finish(). */
const odt_image *scr_odt_keep_image(odt_writer *w, const scr_image *img) {
  if (scr_reserve(&w->images, &w->capimages, w->nimages + 1, sizeof *w->images))
    return NULL;
  const char *ext, *mime;
  image_kind(img, &ext, &mime);
  odt_image im = {0};
  im.part = scr_asprintf(ODT_IMAGE_PART_FMT, w->nimages + 1, ext);
  im.mime = scr_strdup(mime);
  im.data = malloc(img->size ? img->size : 1);
  im.size = img->size;
  if (!im.part || !im.mime || !im.data) {
    free(im.part);
    free(im.mime);
    free(im.data);
    return NULL;
  }
  if (img->size)
    memcpy(im.data, img->data, img->size);
  w->images[w->nimages++] = im;
  return &w->images[w->nimages - 1];
}

static int32_t image_length(int32_t mm100, uint32_t px) {
  if (mm100 > 0)
    return mm100;
  int64_t v = (int64_t)px * MM100_PER_INCH / PX_PER_INCH;
  return v > 0 && v <= INT32_MAX ? (int32_t)v : 1;
}

/* An inline frame; the alt text is both its title and its description,
   which LibreOffice shows as the image's alternative text. */
scr_error scr_odt_image(void *self, const scr_image *img) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!odt_in_block(w) || !img || (!img->data && img->size))
    return odt_fail(w, SCR_E_USAGE);
  const odt_image *im = scr_odt_keep_image(w, img);
  if (!im)
    return odt_fail(w, SCR_E_NOMEM);
  w->autos.image = true;
  scr_odt_before_inline(w);
  scr_xmlw *x = &w->body;
  scr_xmlw_start(x, "draw:frame");
  scr_xmlw_attr(x, "draw:style-name", ODT_AUTO_IMAGE);
  scr_xmlw_attrf(x, "draw:name", ODT_IMAGE_NAME_FMT, w->nimages);
  scr_xmlw_attr(x, "text:anchor-type", "as-char");
  scr_odt_attr_cm(x, "svg:width",
                  image_length(img->width_mm100, img->width_px));
  scr_odt_attr_cm(x, "svg:height",
                  image_length(img->height_mm100, img->height_px));
  scr_xmlw_attr(x, "draw:z-index", "0");
  scr_odt_frame_picture(x, im, img->alt);
  scr_xmlw_end(x); /* draw:frame */
  return odt_status(w);
}
