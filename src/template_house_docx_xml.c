/* The small readers of WordprocessingML styles the house's files share. */
#include "template_house_docx.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W DOCX_NS_W

xmlChar *hd_w_attr(const xmlNode *n, const char *name) {
  return n ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST W) : NULL;
}

bool hd_on(const xmlChar *v) {
  return !v || xmlStrEqual(v, BAD_CAST "1") ||
         xmlStrEqual(v, BAD_CAST "true") || xmlStrEqual(v, BAD_CAST "on");
}

/* Points per unit of a universal measure, or 0 for none known. */
static double points_per(const char *unit) {
  static const struct {
    const char *unit;
    double points;
  } UNITS[] = {{"pt", 1.0},         {"in", 72.0}, {"cm", 72.0 / 2.54},
               {"mm", 72.0 / 25.4}, {"pc", 12.0}, {"pi", 12.0}};
  for (size_t i = 0; i < sizeof UNITS / sizeof *UNITS; i++)
    if (strcmp(unit, UNITS[i].unit) == 0)
      return UNITS[i].points;
  return 0;
}

bool hd_measure(const xmlChar *v, int per_pt, int *out) {
  if (!v)
    return false;
  const char *s = (const char *)v;
  char *end = NULL;
  double n = strtod(s, &end);
  if (end == s || !isfinite(n) || fabs(n) > 1e7)
    return false;
  if (*end) {
    double pts = points_per(end);
    if (pts == 0)
      return false;
    n *= pts * per_pt;
  }
  *out = (int)lround(n);
  return true;
}

xmlNodePtr hd_style(xmlNodePtr root, const char *id) {
  for (xmlNodePtr n = root ? root->children : NULL; id && n; n = n->next)
    if (tpl_is(n, W, "style") && tpl_attr_is(n, W, "styleId", id) &&
        tpl_attr_is(n, W, "type", "paragraph"))
      return n;
  return NULL;
}

xmlNodePtr hd_default_style(xmlNodePtr root) {
  for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
    if (tpl_is(n, W, "style") && tpl_attr_is(n, W, "type", "paragraph")) {
      xmlChar *v = hd_w_attr(n, "default");
      bool on = v && hd_on(v);
      xmlFree(v);
      if (on)
        return n;
    }
  return NULL;
}

xmlNodePtr hd_based_on(xmlNodePtr root, const xmlNode *st) {
  xmlChar *base = hd_w_attr(tpl_child(st, W, "basedOn"), "val");
  xmlNodePtr parent = hd_style(root, (const char *)base);
  xmlFree(base);
  return parent;
}

xmlNodePtr hd_role_style(xmlNodePtr root, scr_house_role role) {
  if (role == SCR_HOUSE_BODY)
    return hd_default_style(root);
  char id[DOCX_STYLE_ID_MAX];
  return docx_style_id(scr_house_role_name(role), id, sizeof id)
             ? hd_style(root, id)
             : NULL;
}
