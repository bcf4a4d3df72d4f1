/* Text widths from the faces' advance tables (font_widths.h). */
#include "metrics.h"
#include "util.h"

#include <stdint.h>

#include "font_widths.h"

/* Liberation Mono's advance is 1229/2048 em for every glyph. */
#define MONO_EM (1229.0 / FONT_UNITS)
/* A digit's advance in Liberation Sans, regular and bold alike. */
#define TYPICAL_EM (1139.0 / FONT_UNITS)

/* The index of `cp` in the width tables, or -1. */
static int table_index(unsigned cp) {
  int base = 0;
  for (size_t i = 0; i < sizeof FONT_RANGES / sizeof *FONT_RANGES; i++) {
    if (cp >= FONT_RANGES[i].first && cp <= FONT_RANGES[i].last)
      return base + (int)(cp - FONT_RANGES[i].first);
    base += (int)(FONT_RANGES[i].last - FONT_RANGES[i].first + 1);
  }
  return -1;
}

static int combining(unsigned cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

static int wide(unsigned cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Latin (U+0020 to U+024F), nearly every character of a pack: the first
   range of the tables (FONT_RANGES[0]; tests/unit/test_metrics.c checks
   it), looked up at once. */
#define LATIN_FIRST 0x20u
#define LATIN_COUNT 0x230u

double scr_char_em(unsigned cp, scr_metric_face face) {
  if (cp - LATIN_FIRST < LATIN_COUNT && face != SCR_METRIC_MONO) {
    unsigned units = face == SCR_METRIC_BOLD ? SANS_BOLD[cp - LATIN_FIRST]
                                             : SANS_REGULAR[cp - LATIN_FIRST];
    return units ? units / (double)FONT_UNITS : TYPICAL_EM;
  }
  if (combining(cp))
    return 0;
  if (wide(cp))
    return 1;
  if (face == SCR_METRIC_MONO)
    return MONO_EM;
  int i = table_index(cp);
  unsigned units = i < 0                     ? 0
                   : face == SCR_METRIC_BOLD ? SANS_BOLD[i]
                                             : SANS_REGULAR[i];
  return units ? units / (double)FONT_UNITS : TYPICAL_EM;
}

double scr_text_em(const char *s, size_t len, scr_metric_face face) {
  double em = 0;
  while (len > 0) {
    uint32_t cp = 0xFFFD;
    size_t n = scr_utf8_decode((const unsigned char *)s, len, &cp);
    if (n == 0)
      n = 1;
    em += scr_char_em(cp, face);
    s += n;
    len -= n;
  }
  return em;
}
