/* The names every document takes from its committee and date. */
#include "compose.h"

#include <stdio.h>

void scr_doc_names(scr_doc_strings *out, const scr_committee *c, scr_date d,
                   const char *what, const char *kind) {
  char date[64], iso[16];
  scr_date_format(d, SCR_DATE_PLAIN, date, sizeof date);
  scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
  snprintf(out->title, sizeof out->title, "%s: %s, %s", c->name, what, date);
  snprintf(out->footer, sizeof out->footer, "%s", out->title);
  snprintf(out->file_stem, sizeof out->file_stem, "%s-%s-%s", c->short_name,
           iso, kind);
  /* the short name goes into a file name: keep it to safe characters */
  for (char *ch = out->file_stem; *ch; ch++)
    if (*ch == '/' || *ch == '\\' || *ch == ' ' || (unsigned char)*ch < 0x20)
      *ch = '-';
}
