/* Reading ODF lengths and the parts of a parsed styles.xml, for the ODT
   house style (template_house_odt.h). */
#include "template_house_odt.h"
#include "odt.h"

#include <string.h>

/* Inches per unit: a twip is 1/1440 inch, a hundredth of a millimetre
   1/2540. */
#define TWIPS_PER_INCH 1440.0
#define MM100_PER_INCH 2540.0

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

/* The decimal number at the start of `s` (the C locale's decimal point
   notwithstanding), the rest into *rest; false when there is none. */
static bool decimal(const char *s, double *out, const char **rest) {
  enum { MAX_DIGITS = 15 };
  bool negative = *s == '-';
  const char *p = s + (*s == '-' || *s == '+');
  double v = 0, scale = 1;
  int digits = 0;
  for (; *p >= '0' && *p <= '9'; p++, digits++)
    v = v * 10 + (*p - '0');
  if (*p == '.')
    for (p++; *p >= '0' && *p <= '9'; p++, digits++)
      if (digits < MAX_DIGITS) {
        scale /= 10;
        v += (*p - '0') * scale;
      }
  if (digits == 0)
    return false;
  *out = negative ? -v : v;
  *rest = p;
  return true;
}

bool tpl_odt_length(const char *s, tpl_odt_unit unit, int *out) {
  static const struct {
    const char *name;
    double per_inch;
  } UNITS[] = {{"cm", 2.54}, {"mm", 25.4}, {"in", 1}, {"pt", 72}, {"pc", 6}};
  enum { LIMIT = 0x3fffffff };
  double v = 0;
  const char *rest = NULL;
  if (!s || !decimal(s, &v, &rest))
    return false;
  for (size_t i = 0; i < sizeof UNITS / sizeof *UNITS; i++) {
    if (strcmp(rest, UNITS[i].name) != 0)
      continue;
    double r = v / UNITS[i].per_inch *
               (unit == TPL_TWIPS ? TWIPS_PER_INCH : MM100_PER_INCH);
    if (r > LIMIT || r < -LIMIT)
      return false;
    *out = (int)(r >= 0 ? r + 0.5 : r - 0.5);
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
