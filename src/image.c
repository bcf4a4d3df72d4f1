/* Images embedded by sources: found, read, sniffed and sized once. */
#include "model.h"
#include "report.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Largest image embedded; bigger ones belong in a separate download. */
#define IMAGE_MAX_BYTES (20u * 1024u * 1024u)
/* Natural size is taken at 96 pixels per inch, as browsers do. */
#define PIXELS_PER_INCH 96
#define MM100_PER_INCH 2540
/* Images never exceed the text block of an A4 page with 2 cm margins. */
#define MAX_WIDTH_MM100 17000
#define MAX_HEIGHT_MM100 22000

typedef struct loaded_image {
  scr_image image;
  unsigned char *bytes;
  char *alt;
} loaded_image;

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

static bool sniff_png(const unsigned char *d, size_t n, scr_image *img) {
  static const unsigned char SIG[8] = {0x89, 'P',  'N',  'G',
                                       '\r', '\n', 0x1A, '\n'};
  if (n < 24 || memcmp(d, SIG, 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
    return false;
  img->width_px = be32(d + 16);
  img->height_px = be32(d + 20);
  img->mime = "image/png";
  img->ext = "png";
  return true;
}

/* Walk JPEG markers to the first start-of-frame, which holds the size. */
static bool sniff_jpeg(const unsigned char *d, size_t n, scr_image *img) {
  if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
    return false;
  size_t i = 2;
  while (i + 9 < n) {
    if (d[i] != 0xFF)
      return false;
    unsigned char marker = d[i + 1];
    if (marker == 0xFF) {
      i++;
      continue;
    }
    size_t seg = (size_t)d[i + 2] << 8 | d[i + 3];
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 &&
               marker != 0xC8 && marker != 0xCC;
    if (sof) {
      img->height_px = (uint32_t)d[i + 5] << 8 | d[i + 6];
      img->width_px = (uint32_t)d[i + 7] << 8 | d[i + 8];
      img->mime = "image/jpeg";
      img->ext = "jpeg";
      return true;
    }
    if (seg < 2)
      return false;
    i += 2 + seg;
  }
  return false;
}

bool scr_image_sniff(const unsigned char *data, size_t size, scr_image *img) {
  return sniff_png(data, size, img) || sniff_jpeg(data, size, img);
}

/* Natural size at 96 ppi, scaled down to fit the text block. */
static void size_image(scr_image *img) {
  double w = (double)img->width_px * MM100_PER_INCH / PIXELS_PER_INCH;
  double h = (double)img->height_px * MM100_PER_INCH / PIXELS_PER_INCH;
  double scale = 1.0;
  if (w > MAX_WIDTH_MM100)
    scale = MAX_WIDTH_MM100 / w;
  if (h * scale > MAX_HEIGHT_MM100)
    scale = MAX_HEIGHT_MM100 / h;
  img->width_mm100 = (int32_t)(w * scale + 0.5);
  img->height_mm100 = (int32_t)(h * scale + 0.5);
  if (img->width_mm100 < 1)
    img->width_mm100 = 1;
  if (img->height_mm100 < 1)
    img->height_mm100 = 1;
}

/* The picture a Word or LibreOffice report holds under `url`, copied;
   false when it holds none by that name. */
static bool embedded_copy(const scr_source *src, const char *url,
                          unsigned char **bytes, size_t *len) {
  for (size_t i = 0; src->embedded && i < src->embedded->n; i++) {
    const scr_embedded *e = &src->embedded->items[i];
    if (strcmp(e->url, url) != 0)
      continue;
    *bytes = malloc(e->len ? e->len : 1);
    if (*bytes)
      memcpy(*bytes, e->bytes, e->len);
    *len = e->len;
    return true;
  }
  return false;
}

static void attach(scr_source *src, cmark_node *node, loaded_image *li,
                   size_t len) {
  li->alt = scr_node_text(node);
  li->image.data = li->bytes;
  li->image.size = len;
  li->image.alt = li->alt ? li->alt : "";
  size_image(&li->image);
  cmark_node_set_user_data(node, li);
  src->n_attached++;
  src->release_attached = scr_images_release;
}

/* A picture of a Word or LibreOffice report: sniffed when it was read. */
static bool load_embedded(scr_source *src, cmark_node *node) {
  loaded_image *li = calloc(1, sizeof *li);
  size_t len = 0;
  if (!li || !embedded_copy(src, cmark_node_get_url(node), &li->bytes, &len) ||
      !li->bytes || !scr_image_sniff(li->bytes, len, &li->image) ||
      !li->image.width_px || !li->image.height_px) {
    if (li)
      free(li->bytes);
    free(li);
    return false;
  }
  attach(src, node, li, len);
  return true;
}

static void load_one(const scr_workspace *ws, scr_source *src, cmark_node *node,
                     scr_diags *diags) {
  const char *url = cmark_node_get_url(node);
  int line = scr_source_line(src, node);
  int col = cmark_node_get_start_column(node);
  if (!url || !*url) {
    scr_error_at(diags, src->path, line, col, "image has no file name");
    return;
  }
  if (src->embedded && load_embedded(src, node))
    return;
  if (scr_url_is_external(url)) {
    scr_warn_at(diags, src->path, line, col,
                "image '%s' is on the web and is not embedded; its "
                "description is shown instead",
                url);
    return;
  }
  char *display, *real;
  if (scr_resolve_target(ws, src->path, url, line, col, "image", diags,
                         &display, &real) != SCR_OK)
    return;
  loaded_image *li = calloc(1, sizeof *li);
  size_t len = 0;
  scr_error err =
      li ? scr_read_file(real, IMAGE_MAX_BYTES, (char **)&li->bytes, &len)
         : SCR_E_NOMEM;
  int why = errno;
  char said[128];
  if (err == SCR_E_LIMIT || err == SCR_E_NOMEM)
    scr_error_at(diags, src->path, line, col, "image '%s' %s", url,
                 err == SCR_E_LIMIT ? "is larger than 20 MB" : "out of memory");
  else if (err)
    scr_error_at(diags, src->path, line, col, "image '%s' cannot be read: %s",
                 url, scr_errno_words(why, said, sizeof said));
  else if (!scr_image_sniff(li->bytes, len, &li->image)) {
    scr_error_at(diags, src->path, line, col,
                 "image '%s' is not a PNG or JPEG image", url);
    err = SCR_E_SOURCE;
  } else if (li->image.width_px == 0 || li->image.height_px == 0) {
    scr_error_at(diags, src->path, line, col,
                 "image '%s' has no width or height", url);
    err = SCR_E_SOURCE;
  }
  free(display);
  free(real);
  if (!err) {
    attach(src, node, li, len);
    return;
  }
  if (li)
    free(li->bytes);
  free(li);
}

void scr_images_load(const scr_workspace *ws, scr_source *src,
                     scr_diags *diags) {
  if (!src)
    return;
  cmark_iter *it = cmark_iter_new(src->doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_IMAGE &&
        !cmark_node_get_user_data(n))
      load_one(ws, src, n, diags);
  }
  cmark_iter_free(it);
}

static void free_loaded(loaded_image *li) {
  free(li->bytes);
  free(li->alt);
  free(li);
}

void scr_images_release(scr_source *src) {
  if (!src)
    return;
  /* a released tree keeps its images aside */
  for (size_t i = 0; i < src->n_detached; i++)
    free_loaded(scr_source_detached(src, i));
  src->n_detached = 0;
  if (!src->doc)
    src->n_attached = 0;
  if (!src->doc || !src->n_attached)
    return;
  cmark_iter *it = cmark_iter_new(src->doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    loaded_image *li = cmark_node_get_user_data(n);
    if (ev != CMARK_EVENT_ENTER || !li ||
        cmark_node_get_type(n) != CMARK_NODE_IMAGE)
      continue;
    free_loaded(li);
    cmark_node_set_user_data(n, NULL);
    src->n_attached--;
  }
  cmark_iter_free(it);
}

void scr_images_each(const scr_source *src,
                     void (*fn)(void *ctx, const scr_image *image), void *ctx) {
  if (!src->doc) {
    for (size_t i = 0; i < src->n_detached; i++)
      fn(ctx, &((loaded_image *)scr_source_detached(src, i))->image);
    return;
  }
  if (!src->n_attached)
    return;
  cmark_iter *it = cmark_iter_new(src->doc);
  cmark_event_type ev;
  while (it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    const scr_image *img =
        ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_IMAGE
            ? scr_image_of(n)
            : NULL;
    if (img)
      fn(ctx, img);
  }
  if (it)
    cmark_iter_free(it);
}

const scr_image *scr_image_of(cmark_node *node) {
  loaded_image *li = cmark_node_get_user_data(node);
  return li ? &li->image : NULL;
}
