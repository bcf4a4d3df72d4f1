/* The house style of a ODT template: read, and applied to the built-in
   ODT styles. */
#include "house.h"
#include "template_styles.h"

scr_error tpl_house_odt(const tpl_package *p, xmlDocPtr styles, scr_house *h) {
  (void)p;
  (void)styles;
  (void)h;
  return SCR_OK;
}

scr_error tpl_apply_house_odt(xmlDocPtr styles, const scr_house *h) {
  (void)styles;
  (void)h;
  return SCR_OK;
}
