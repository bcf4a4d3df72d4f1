/*
 * An image as the model holds it and the writers embed it: its own header,
 * so that the model need not know the writers' interface (sink.h).
 */
#ifndef SCR_IMAGE_H
#define SCR_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/** An image to embed. Borrowed for the call; writers copy what they keep. */
typedef struct scr_image {
  const unsigned char *data;
  size_t size;
  const char *mime;  /* "image/png" or "image/jpeg" */
  const char *ext;   /* "png" or "jpeg" */
  uint32_t width_px; /* natural pixel size */
  uint32_t height_px;
  int32_t width_mm100; /* size on the page, hundredths of a millimetre */
  int32_t height_mm100;
  const char *alt; /* description for screen readers; may be "" */
} scr_image;

#include <stdbool.h>

/** Whether `data` is a PNG or JPEG image; if so its mime, ext and pixel
    size are set in `*img` (nothing else is touched). */
bool scr_image_sniff(const unsigned char *data, size_t size, scr_image *img);

#endif
