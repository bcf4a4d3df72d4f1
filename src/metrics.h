/*
 * Text measured without a layout engine: the advance widths of the house
 * style's faces (Liberation Sans, metric-compatible with Arial, and
 * Liberation Mono), enough to size table columns and estimate pages.
 */
#ifndef SCR_METRICS_H
#define SCR_METRICS_H

#include <stddef.h>

typedef enum scr_metric_face {
  SCR_METRIC_REGULAR, /* Liberation Sans */
  SCR_METRIC_BOLD,    /* Liberation Sans Bold */
  SCR_METRIC_MONO,    /* Liberation Mono, regular or bold */
} scr_metric_face;

/** The advance of code point `cp` in `face`, in em (points per point of
    font size). Characters outside the tables get a typical width: a CJK
    ideograph a full em, a combining mark none, anything else a digit's. */
double scr_char_em(unsigned cp, scr_metric_face face);

/** The width of `len` bytes of UTF-8 `s` in `face`, in em (a malformed
    byte counts as one typical character). */
double scr_text_em(const char *s, size_t len, scr_metric_face face);

#endif
