/*
 * A DOCX template's theme fonts named in its styles. Word templates set
 * the body and heading fonts through the theme (w:asciiTheme="minorHAnsi"
 * on a w:rFonts), and in Word a theme attribute wins over the plain one
 * beside it; the documents carry no theme, so each reference is replaced
 * by the font the theme names (a:fontScheme, its a:majorFont and
 * a:minorFont: a:latin, a:ea, a:cs), which then shows the same anywhere.
 */
#include "template_house_docx.h"

#include <string.h>

#define W DOCX_NS_W
#define NS_A DOCX_NS_A
#define THEME_PART "word/theme/theme1.xml"
/* Longest typeface name kept; longer ones are no font name. */
#define TYPEFACE_MAX 64

/* The fonts of one of the theme's schemes; "" where it names none. */
typedef struct theme_fonts {
  char latin[TYPEFACE_MAX], ea[TYPEFACE_MAX], cs[TYPEFACE_MAX];
} theme_fonts;

typedef struct theme {
  theme_fonts major, minor;
} theme;

/* The first element `local` in `ns` at or below `n`, depth first. */
static xmlNodePtr find(xmlNodePtr n, const char *ns, const char *local) {
  for (; n; n = n->next) {
    if (tpl_is(n, ns, local))
      return n;
    xmlNodePtr below =
        n->type == XML_ELEMENT_NODE ? find(n->children, ns, local) : NULL;
    if (below)
      return below;
  }
  return NULL;
}

static void typeface(const xmlNode *scheme, const char *script,
                     char out[TYPEFACE_MAX]) {
  xmlChar *v = xmlGetProp(tpl_child(scheme, NS_A, script), BAD_CAST "typeface");
  out[0] = '\0';
  if (v && (size_t)xmlStrlen(v) < TYPEFACE_MAX)
    memcpy(out, v, (size_t)xmlStrlen(v) + 1);
  xmlFree(v);
}

/* One scheme's fonts: an empty East Asian or complex script typeface falls
   back to the Latin one, as it shows for text of those scripts. */
static void scheme_fonts(const xmlNode *scheme, theme_fonts *f) {
  typeface(scheme, "latin", f->latin);
  typeface(scheme, "ea", f->ea);
  typeface(scheme, "cs", f->cs);
  if (!f->ea[0])
    memcpy(f->ea, f->latin, sizeof f->ea);
  if (!f->cs[0])
    memcpy(f->cs, f->latin, sizeof f->cs);
}

/* ST_Theme: major or minor, and which of its fonts. */
static const char *theme_font(const theme *t, const xmlChar *ref) {
  if (!ref)
    return "";
  const char *s = (const char *)ref;
  const theme_fonts *f = strncmp(s, "major", 5) == 0   ? &t->major
                         : strncmp(s, "minor", 5) == 0 ? &t->minor
                                                       : NULL;
  if (!f)
    return "";
  s += 5;
  if (strcmp(s, "EastAsia") == 0)
    return f->ea;
  if (strcmp(s, "Bidi") == 0)
    return f->cs;
  return f->latin; /* Ascii, HAnsi */
}

/* Each theme attribute of a w:rFonts and the plain one it overrides. */
static const struct {
  const char *theme_attr, *font_attr;
} SLOTS[] = {{"asciiTheme", "ascii"},
             {"hAnsiTheme", "hAnsi"},
             {"eastAsiaTheme", "eastAsia"},
             {"cstheme", "cs"}};

static scr_error resolve_fonts(xmlNodePtr fonts, const theme *t) {
  xmlNsPtr ns = xmlSearchNsByHref(fonts->doc, fonts, BAD_CAST W);
  for (size_t i = 0; ns && i < sizeof SLOTS / sizeof *SLOTS; i++) {
    xmlAttrPtr a =
        xmlHasNsProp(fonts, BAD_CAST SLOTS[i].theme_attr, BAD_CAST W);
    if (!a)
      continue;
    xmlChar *ref = xmlNodeGetContent((xmlNodePtr)a);
    const char *font = t ? theme_font(t, ref) : "";
    xmlFree(ref);
    if (*font &&
        !xmlSetNsProp(fonts, ns, BAD_CAST SLOTS[i].font_attr, BAD_CAST font))
      return SCR_E_NOMEM;
    xmlRemoveProp(a);
  }
  return SCR_OK;
}

/* Every w:rFonts at or below `n`. */
static scr_error resolve_all(xmlNodePtr n, const theme *t) {
  scr_error err = SCR_OK;
  for (; n && !err; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (tpl_is(n, W, "rFonts"))
      err = resolve_fonts(n, t);
    else
      err = resolve_all(n->children, t);
  }
  return err;
}

scr_error tpl_resolve_theme_docx(const scr_zpkg *p, xmlDocPtr styles) {
  xmlDocPtr doc = NULL;
  scr_error err = scr_zpkg_read_xml(p, THEME_PART, TPL_PART_MAX_BYTES, &doc);
  if (err)
    return err;
  theme t = {0};
  xmlNodePtr scheme = doc ? find(doc->children, NS_A, "fontScheme") : NULL;
  if (scheme) {
    scheme_fonts(tpl_child(scheme, NS_A, "majorFont"), &t.major);
    scheme_fonts(tpl_child(scheme, NS_A, "minorFont"), &t.minor);
  }
  err = resolve_all(xmlDocGetRootElement(styles), scheme ? &t : NULL);
  xmlFreeDoc(doc);
  return err;
}
