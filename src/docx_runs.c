/* DOCX runs: character formatting, text that keeps its spaces, fields. */
#include "docx.h"

#include <string.h>

#define FLD_BEGIN "begin"
#define FLD_SEPARATE "separate"
#define FLD_END "end"

bool docx_style_id(const char *name, char *id, size_t cap) {
  size_t n = 0;
  for (const char *p = name; *p; p++) {
    if (*p == ' ')
      continue;
    if (n + 1 >= cap)
      return false;
    id[n++] = *p;
  }
  if (cap == 0)
    return false;
  id[n] = '\0';
  return true;
}

void docx_empty_element(scr_xmlw *x, const char *name) {
  scr_xmlw_start(x, name);
  scr_xmlw_end(x);
}

void docx_val_element(scr_xmlw *x, const char *name, const char *val) {
  scr_xmlw_start(x, name);
  scr_xmlw_attr(x, "w:val", val);
  scr_xmlw_end(x);
}

/* Monospace font set directly, for code inside a link (a run has only one
   character style, and the link's wins so it still looks clickable). */
static void mono_fonts(scr_xmlw *x) {
  scr_xmlw_start(x, "w:rFonts");
  scr_xmlw_attr(x, "w:ascii", DOCX_MONO_FONT);
  scr_xmlw_attr(x, "w:hAnsi", DOCX_MONO_FONT);
  scr_xmlw_attr(x, "w:cs", DOCX_MONO_FONT);
  scr_xmlw_end(x);
}

/* w:rPr, children in the order CT_RPr requires; nothing when plain. */
static void run_props(scr_xmlw *x, unsigned flags, bool hyperlink) {
  const unsigned known = SCR_RUN_BOLD | SCR_RUN_ITALIC | SCR_RUN_STRIKE |
                         SCR_RUN_CODE | SCR_RUN_SUPERSCRIPT;
  flags &= known;
  if (!flags && !hyperlink)
    return;
  scr_xmlw_start(x, "w:rPr");
  if (hyperlink)
    docx_val_element(x, "w:rStyle", DOCX_STYLE_HYPERLINK);
  else if (flags & SCR_RUN_CODE)
    docx_val_element(x, "w:rStyle", DOCX_STYLE_SOURCE_TEXT);
  if (hyperlink && (flags & SCR_RUN_CODE))
    mono_fonts(x);
  if (flags & SCR_RUN_BOLD)
    docx_empty_element(x, "w:b");
  if (flags & SCR_RUN_ITALIC)
    docx_empty_element(x, "w:i");
  if (flags & SCR_RUN_STRIKE)
    docx_empty_element(x, "w:strike");
  if (flags & SCR_RUN_SUPERSCRIPT)
    docx_val_element(x, "w:vertAlign", "superscript");
  scr_xmlw_end(x);
}

/* <w:t xml:space="preserve">: without it Word trims leading, trailing and
   repeated spaces, which would break code blocks and indentation. */
static void text_element(scr_xmlw *x, const char *name, const char *text,
                         size_t len) {
  scr_xmlw_start(x, name);
  scr_xmlw_attr(x, "xml:space", "preserve");
  scr_xmlw_text(x, text, len);
  scr_xmlw_end(x);
}

static bool run_break(char c) {
  return c == '\t' || c == '\n' || c == '\r';
}

/* A tab is its own element in WordprocessingML (a literal tab in w:t is just
   white space); so is a line break. A carriage return is dropped: it only
   ever comes before a newline. */
static void break_element(scr_xmlw *x, char c) {
  if (c == '\t')
    docx_empty_element(x, "w:tab");
  else if (c == '\n')
    docx_empty_element(x, "w:br");
}

void docx_text_run(scr_xmlw *x, const char *text, size_t len, unsigned flags,
                   bool hyperlink) {
  if (len == 0)
    return;
  scr_xmlw_start(x, "w:r");
  run_props(x, flags, hyperlink);
  size_t from = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && !run_break(text[i]))
      continue;
    if (i > from)
      text_element(x, "w:t", text + from, i - from);
    if (i < len)
      break_element(x, text[i]);
    from = i + 1;
  }
  scr_xmlw_end(x);
}

static void field_char(scr_xmlw *x, const char *type) {
  scr_xmlw_start(x, "w:r");
  scr_xmlw_start(x, "w:fldChar");
  scr_xmlw_attr(x, "w:fldCharType", type);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

void docx_field(scr_xmlw *x, const char *instr, const char *cached,
                bool hyperlink) {
  field_char(x, FLD_BEGIN);
  scr_xmlw_start(x, "w:r");
  text_element(x, "w:instrText", instr, strlen(instr));
  scr_xmlw_end(x);
  field_char(x, FLD_SEPARATE);
  docx_text_run(x, cached, strlen(cached), 0, hyperlink);
  field_char(x, FLD_END);
}
