/* The ODT reader (being written). */
#include "report.h"

scr_error scr_report_read_odt(const scr_zpkg *p, scr_rtext *t) {
  (void)t;
  scr_error_at(p->diags, p->path, 0, 0, "LibreOffice reports are not read yet");
  return SCR_E_SOURCE;
}
