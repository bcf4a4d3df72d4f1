/*
 * ODT runs by script: the automatic text styles ("S1", "S2"...) of runs set
 * in another script's face or said to be in a language, and the font-face
 * declarations those faces need in content.xml.
 *
 * As in the DOCX writer, a style names its face and its language for
 * Western, Asian and complex text alike: LibreOffice picks the slot by each
 * character's script, and the spaces, digits and punctuation of the run
 * then take the run's face and language whichever slot they fall in.
 */
#include "odt.h"

#include <stdlib.h>
#include <string.h>

static bool same_language(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

const char *scr_odt_script_auto(odt_auto *a, unsigned flags,
                                const scr_run_script *set) {
  unsigned mask = flags & ODT_TEXT_FLAGS;
  for (size_t i = 0; i < a->nscripts; i++) {
    const odt_script_auto *s = &a->scripts[i];
    if (s->mask == mask && s->face == set->face &&
        same_language(s->language, set->language))
      return s->name;
  }
  if (scr_reserve(&a->scripts, &a->capscripts, a->nscripts + 1,
                  sizeof *a->scripts))
    return NULL;
  odt_script_auto s = {scr_asprintf(ODT_AUTO_SCRIPT_FMT, a->nscripts + 1), mask,
                       set->face,
                       set->language ? scr_strdup(set->language) : NULL};
  if (!s.name || (set->language && !s.language)) {
    free(s.name);
    free(s.language);
    return NULL;
  }
  a->scripts[a->nscripts++] = s;
  if (set->face != SCR_FACE_BODY)
    a->faces |= UINT32_C(1) << set->face;
  return s.name;
}

void scr_odt_scripts_free(odt_auto *a) {
  for (size_t i = 0; i < a->nscripts; i++) {
    free(a->scripts[i].name);
    free(a->scripts[i].language);
  }
  free(a->scripts);
  a->scripts = NULL;
  a->nscripts = a->capscripts = 0;
}

/* One slot's language, script and country: fo:language, fo:script and
   fo:country for Western text, style:language-asian... for the others. */
static void language_props(scr_xmlw *x, const char *language) {
  static const char *const SLOTS[][3] = {
      {"fo:language", "fo:script", "fo:country"},
      {"style:language-asian", "style:script-asian", "style:country-asian"},
      {"style:language-complex", "style:script-complex",
       "style:country-complex"},
  };
  scr_language_parts p;
  if (!scr_language_split(language, &p))
    return;
  for (size_t i = 0; i < sizeof SLOTS / sizeof *SLOTS; i++) {
    scr_xmlw_attr(x, SLOTS[i][0], p.language);
    if (p.script[0])
      scr_xmlw_attr(x, SLOTS[i][1], p.script);
    if (p.region[0])
      scr_xmlw_attr(x, SLOTS[i][2], p.region);
  }
}

static void script_style(scr_xmlw *x, const odt_script_auto *s) {
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", s->name);
  scr_xmlw_attr(x, "style:family", "text");
  scr_xmlw_start(x, "style:text-properties");
  scr_odt_flag_props(x, s->mask);
  const char *face = scr_face_family(s->face);
  if (face) {
    scr_xmlw_attr(x, "style:font-name", face);
    scr_xmlw_attr(x, "style:font-name-asian", face);
    scr_xmlw_attr(x, "style:font-name-complex", face);
  }
  if (s->language)
    language_props(x, s->language);
  scr_xmlw_end(x); /* style:text-properties */
  scr_xmlw_end(x); /* style:style */
}

void scr_odt_script_styles(scr_xmlw *x, const odt_auto *a) {
  for (size_t i = 0; i < a->nscripts; i++)
    script_style(x, &a->scripts[i]);
}

/* Whether the template already declares a font face named `family`. */
static bool declared(const odt_tpl *t, const char *family) {
  const char *style_ns = scr_odt_ns_uri("style");
  for (xmlNodePtr n = t->font_decls ? t->font_decls->children : NULL; n;
       n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *name = xmlGetNsProp(n, BAD_CAST "name", BAD_CAST style_ns);
    bool same = name && xmlStrEqual(name, BAD_CAST family);
    xmlFree(name);
    if (same)
      return true;
  }
  return false;
}

static void font_face(scr_xmlw *x, const char *family) {
  char *quoted = scr_asprintf("'%s'", family);
  if (!quoted) {
    if (!x->err)
      x->err = SCR_E_NOMEM;
    return;
  }
  scr_xmlw_start(x, "style:font-face");
  scr_xmlw_attr(x, "style:name", family);
  scr_xmlw_attr(x, "svg:font-family", quoted);
  scr_xmlw_attr(x, "style:font-pitch", "variable");
  scr_xmlw_end(x);
  free(quoted);
}

void scr_odt_font_decls(scr_xmlw *x, const odt_tpl *t, const odt_auto *a) {
  scr_xmlw_start(x, "office:font-face-decls");
  scr_odt_tpl_copy_children(x, t->font_decls);
  for (int f = 0; f < SCR_FACE_COUNT; f++) {
    const char *family = scr_face_family((scr_face)f);
    if (family && (a->faces & (UINT32_C(1) << f)) && !declared(t, family))
      font_face(x, family);
  }
  scr_xmlw_end(x);
}
