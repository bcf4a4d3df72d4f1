/* Reading ODF lengths and the parts of a parsed styles.xml, for the ODT
   house style (template_house_odt.h). */
#include "template_house_odt.h"
#include "odt.h"

#include <string.h>

/* Twips per unit, times 1000 for the fractions (a cm is 1440/2.54). */
#define TWIPS_MILLI_PER_CM 566929
#define TWIPS_MILLI_PER_MM 56693
#define TWIPS_MILLI_PER_IN 1440000
#define TWIPS_MILLI_PER_PT 20000
#define TWIPS_MILLI_PER_PC 240000
/* ---- lengths ------------------------------------------------------------- */

bool tpl_odt_number(const char *s, int scale, int *out, const char **rest) {
  enum { MAX_DIGITS = 9 };
  bool negative = *s == '-';
  const char *p = s + (*s == '-' || *s == '+');
  long long whole = 0, frac = 0, frac_div = 1;
  int digits = 0;
  for (; *p >= '0' && *p <= '9'; p++, digits++)
    if (digits < MAX_DIGITS)
      whole = whole * 10 + (*p - '0');
  if (*p == '.')
    for (p++; *p >= '0' && *p <= '9'; p++, digits++)
      if (frac_div < 1000000) {
        frac = frac * 10 + (*p - '0');
        frac_div *= 10;
      }
  if (digits == 0 || digits > MAX_DIGITS + 6)
    return false;
  /* rounded half away from zero */
  long long v = (whole * frac_div + frac) * scale;
  long long r = (v + frac_div / 2) / frac_div;
  if (r > 0x3fffffff)
    return false;
  *out = negative ? -(int)r : (int)r;
  *rest = p;
  return true;
}

bool tpl_odt_length(const char *s, tpl_odt_unit unit, int *out) {
  static const struct {
    const char *name;
    int milli_twips;
  } UNITS[] = {{"cm", TWIPS_MILLI_PER_CM},
               {"mm", TWIPS_MILLI_PER_MM},
               {"in", TWIPS_MILLI_PER_IN},
               {"pt", TWIPS_MILLI_PER_PT},
               {"pc", TWIPS_MILLI_PER_PC}};
  enum { MM100_PER_CM = 1000, MM100_PER_MM = 100, MM100_PER_IN = 2540 };
  int milli = 0;
  const char *rest = NULL;
  if (!s || !tpl_odt_number(s, 1000, &milli, &rest))
    return false;
  for (size_t i = 0; i < sizeof UNITS / sizeof *UNITS; i++) {
    if (strcmp(rest, UNITS[i].name) != 0)
      continue;
    long long v;
    if (unit == TPL_TWIPS)
      v = (long long)milli * UNITS[i].milli_twips / 1000;
    else if (i == 0 || i == 1 || i == 2) /* metric and inches: exact */
      v = (long long)milli * (i == 0   ? MM100_PER_CM
                              : i == 1 ? MM100_PER_MM
                                       : MM100_PER_IN);
    else /* points: 2540/72 mm100 each */
      v = (long long)milli * UNITS[i].milli_twips / TWIPS_MILLI_PER_PT *
          MM100_PER_IN / 72;
    /* v is in thousandths of the unit asked */
    long long r = (v >= 0 ? v + 500 : v - 500) / 1000;
    if (r > 0x3fffffff || r < -0x3fffffff)
      return false;
    *out = (int)r;
    return true;
  }
  return false;
}

/* ---- tree helpers -------------------------------------------------------- */

xmlChar *tpl_odt_attr(const xmlNode *n, const char *prefix, const char *local) {
  return n ? xmlGetNsProp(n, BAD_CAST local, BAD_CAST scr_odt_ns_uri(prefix))
           : NULL;
}

xmlNodePtr tpl_odt_child(const xmlNode *n, const char *prefix,
                         const char *local) {
  return tpl_child(n, scr_odt_ns_uri(prefix), local);
}

xmlNodePtr tpl_odt_named(const xmlNode *container, const char *prefix,
                         const char *local, const char *name) {
  const char *uri = scr_odt_ns_uri(prefix);
  for (xmlNodePtr n = container && name ? container->children : NULL; n;
       n = n->next)
    if (tpl_is(n, uri, local) &&
        tpl_attr_is(n, scr_odt_ns_uri("style"), "name", name))
      return n;
  return NULL;
}
