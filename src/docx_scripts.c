/*
 * DOCX runs by script: text is cut where its script changes (script.h),
 * and each run that is not in the style's font and language names its
 * face, direction and language (docx_gather_run).
 */
#include "docx.h"

void docx_script_runs(scr_xmlw *x, docx_scripts *sc, const char *text,
                      size_t len, unsigned flags, bool hyperlink) {
  /* shared characters alone, as a space between two runs, join the script
     before them only within one formatting, as in the ODT writer */
  if (flags != sc->flags)
    sc->before = SCR_SCRIPT_NONE;
  sc->flags = flags;
  size_t at = 0;
  do {
    scr_script script;
    size_t n =
        scr_script_run(text + at, len - at, sc->before, !sc->rtl, &script);
    scr_run_script set = scr_script_describe(script, sc->language);
    docx_gather_run(x, text + at, n, flags, hyperlink,
                    scr_run_script_plain(&set) ? NULL : &set);
    if (script != SCR_SCRIPT_NONE)
      sc->before = script;
    at += n;
  } while (at < len);
  scr_xmlw_markup_write(x);
}
