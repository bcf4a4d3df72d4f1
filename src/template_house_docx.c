/* The house style of a DOCX template: read, and applied to the built-in
   DOCX styles. */
#include "house.h"
#include "template_styles.h"

scr_error tpl_house_docx(const tpl_package *p, xmlDocPtr styles, scr_house *h) {
  (void)p;
  (void)styles;
  (void)h;
  return SCR_OK;
}

scr_error tpl_apply_house_docx(xmlDocPtr styles, const scr_house *h) {
  (void)styles;
  (void)h;
  return SCR_OK;
}

scr_error tpl_resolve_theme_docx(const tpl_package *p, xmlDocPtr styles) {
  (void)p;
  (void)styles;
  return SCR_OK;
}
