/*
 * word/settings.xml. updateFields makes Word recompute fields (the PAGEREF
 * page numbers of the appendices) when it opens the document, asking the
 * reader first; it is left out when the cached pages are LibreOffice's own
 * layout. LibreOffice recomputes them whenever it lays the document out.
 */
#include "docx.h"

#define DEFAULT_TAB_STOP 709 /* 1.25 cm, as Word's A4 documents have */
#define COMPAT_URI "http://schemas.microsoft.com/office/word"
#define COMPAT_MODE_WORD_2013 "15"

/* Lay out as current Word does, not in a compatibility mode; but, with
   the built-in styles, with the space between two paragraphs the sum of
   the first's space after and the second's space before, as LibreOffice
   lays out an ODT, rather than the larger of the two
   (w:doNotUseHTMLParagraphAutoSpacing, which Word and LibreOffice both
   honour), so that the two formats break pages alike. */
static void compat(scr_xmlw *x, bool spacing_adds) {
  scr_xmlw_start(x, "w:compat");
  if (spacing_adds)
    docx_empty_element(x, "w:doNotUseHTMLParagraphAutoSpacing");
  scr_xmlw_start(x, "w:compatSetting");
  scr_xmlw_attr(x, "w:name", "compatibilityMode");
  scr_xmlw_attr(x, "w:uri", COMPAT_URI);
  scr_xmlw_attr(x, "w:val", COMPAT_MODE_WORD_2013);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* Children in CT_Settings order. */
scr_error scr_docx_settings_xml(const docx_model *m, char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:settings");
  scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
  scr_xmlw_start(&x, "w:defaultTabStop");
  scr_xmlw_attr_int(&x, "w:val", DEFAULT_TAB_STOP);
  scr_xmlw_end(&x);
  if (!m->pages_exact)
    docx_val_element(&x, "w:updateFields", "true");
  compat(&x, m->spacing_adds);
  docx_val_element(&x, "w:themeFontLang",
                   m->language && *m->language ? m->language
                                               : DOCX_DEFAULT_LANGUAGE);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
