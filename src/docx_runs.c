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

/*
 * The markup of runs is constant but for their text: it is gathered and
 * written raw, one writer call per run instead of a dozen (speed), and the
 * text is still escaped by libxml2 (scr_xmlw_markup_content). Names passed
 * here are our own constants.
 */

void docx_empty_element(scr_xmlw *x, const char *name) {
  scr_xmlw_markup_lit(x, "<");
  scr_xmlw_markup(x, name, strlen(name));
  scr_xmlw_markup_lit(x, "/>");
  scr_xmlw_markup_write(x);
}

void docx_spacing_none(scr_xmlw *x, const char *line, const char *rule) {
  scr_xmlw_start(x, "w:spacing");
  scr_xmlw_attr(x, "w:before", "0");
  scr_xmlw_attr(x, "w:after", "0");
  scr_xmlw_attr(x, "w:line", line);
  scr_xmlw_attr(x, "w:lineRule", rule);
  scr_xmlw_end(x);
}

void docx_val_element(scr_xmlw *x, const char *name, const char *val) {
  scr_xmlw_markup_lit(x, "<");
  scr_xmlw_markup(x, name, strlen(name));
  scr_xmlw_markup_attr(x, "w:val", val);
  scr_xmlw_markup_lit(x, "/>");
  scr_xmlw_markup_write(x);
}

/* Monospace font set directly, for code inside a link (a run has only one
   character style, and the link's wins so it still looks clickable). */
#define MONO_FONTS                                                             \
  "<w:rFonts w:ascii=\"" DOCX_MONO_FONT "\" w:hAnsi=\"" DOCX_MONO_FONT         \
  "\" w:cs=\"" DOCX_MONO_FONT "\"/>"

/* Whether a run with `flags` (in `script`, NULL: the style's) has a
   w:rPr. */
static bool has_run_props(unsigned flags, bool hyperlink,
                          const scr_run_script *script) {
  const unsigned known = SCR_RUN_BOLD | SCR_RUN_ITALIC | SCR_RUN_STRIKE |
                         SCR_RUN_CODE | SCR_RUN_SUPERSCRIPT | SCR_RUN_SUBSCRIPT;
  return hyperlink || (flags & known) || script;
}

/* The script's face in every font slot, so that whichever slot Word or
   LibreOffice gives a character of the run (spaces and digits included),
   it is drawn in that face; the hint gives shared characters in a CJK
   run the East Asian slot, as Word would otherwise not. */
static void script_fonts(scr_xmlw *x, const scr_run_script *script) {
  const char *face = scr_face_family(script->face);
  size_t n = strlen(face);
  scr_xmlw_markup_lit(x, "<w:rFonts w:ascii=\"");
  scr_xmlw_markup(x, face, n);
  scr_xmlw_markup_lit(x, "\" w:hAnsi=\"");
  scr_xmlw_markup(x, face, n);
  scr_xmlw_markup_lit(x, "\" w:eastAsia=\"");
  scr_xmlw_markup(x, face, n);
  scr_xmlw_markup_lit(x, "\" w:cs=\"");
  scr_xmlw_markup(x, face, n);
  if (script->east_asian)
    scr_xmlw_markup_lit(x, "\" w:hint=\"eastAsia");
  scr_xmlw_markup_lit(x, "\"/>");
}

/* The language in every slot, for the same reason as the fonts. */
static void script_language(scr_xmlw *x, const char *language) {
  scr_xmlw_markup_lit(x, "<w:lang");
  scr_xmlw_markup_attr(x, "w:val", language);
  scr_xmlw_markup_attr(x, "w:eastAsia", language);
  scr_xmlw_markup_attr(x, "w:bidi", language);
  scr_xmlw_markup_lit(x, "/>");
}

/* w:rPr, children in the order CT_RPr requires (EG_RPrBase: rStyle,
   rFonts, b, bCs, i, iCs, strike, vertAlign, rtl, cs, lang); nothing when
   plain. Complex scripts are bold and italic by bCs and iCs in Word. */
static void run_props(scr_xmlw *x, unsigned flags, bool hyperlink,
                      const scr_run_script *script) {
  if (!has_run_props(flags, hyperlink, script))
    return;
  bool face = script && script->face != SCR_FACE_BODY;
  bool complex = face && script->complex;
  scr_xmlw_markup_lit(x, "<w:rPr>");
  if (hyperlink)
    scr_xmlw_markup_lit(x, "<w:rStyle w:val=\"" DOCX_STYLE_HYPERLINK "\"/>");
  else if (flags & SCR_RUN_CODE)
    scr_xmlw_markup_lit(x, "<w:rStyle w:val=\"" DOCX_STYLE_SOURCE_TEXT "\"/>");
  if (face)
    script_fonts(x, script);
  else if (hyperlink && (flags & SCR_RUN_CODE))
    scr_xmlw_markup_lit(x, MONO_FONTS);
  if (flags & SCR_RUN_BOLD)
    scr_xmlw_markup_lit(x, "<w:b/>");
  if ((flags & SCR_RUN_BOLD) && complex)
    scr_xmlw_markup_lit(x, "<w:bCs/>");
  if (flags & SCR_RUN_ITALIC)
    scr_xmlw_markup_lit(x, "<w:i/>");
  if ((flags & SCR_RUN_ITALIC) && complex)
    scr_xmlw_markup_lit(x, "<w:iCs/>");
  if (flags & SCR_RUN_STRIKE)
    scr_xmlw_markup_lit(x, "<w:strike/>");
  if (flags & SCR_RUN_SUPERSCRIPT)
    scr_xmlw_markup_lit(x, "<w:vertAlign w:val=\"superscript\"/>");
  else if (flags & SCR_RUN_SUBSCRIPT)
    scr_xmlw_markup_lit(x, "<w:vertAlign w:val=\"subscript\"/>");
  if (face && script->rtl)
    scr_xmlw_markup_lit(x, "<w:rtl/>");
  if (complex)
    scr_xmlw_markup_lit(x, "<w:cs/>");
  if (script && script->language)
    script_language(x, script->language);
  scr_xmlw_markup_lit(x, "</w:rPr>");
}

/* <w:t xml:space="preserve">: without it Word trims leading, trailing and
   repeated spaces, which would break code blocks and indentation. */
static void text_element(scr_xmlw *x, const char *text, size_t len) {
  scr_xmlw_markup_lit(x, "<w:t xml:space=\"preserve\"");
  scr_xmlw_markup_content(x, text, len, "</w:t>");
}

static bool run_break(char c) {
  return c == '\t' || c == '\n' || c == '\r';
}

/* A tab is its own element in WordprocessingML (a literal tab in w:t is just
   white space); so is a line break. A carriage return is dropped: it only
   ever comes before a newline. */
static void break_element(scr_xmlw *x, char c) {
  if (c == '\t')
    scr_xmlw_markup_lit(x, "<w:tab/>");
  else if (c == '\n')
    scr_xmlw_markup_lit(x, "<w:br/>");
}

/* Whether `text` is carriage returns only: a plain run of it is empty. */
static bool only_returns(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (text[i] != '\r')
      return false;
  return true;
}

void docx_gather_run(scr_xmlw *x, const char *text, size_t len, unsigned flags,
                     bool hyperlink, const scr_run_script *script) {
  if (len == 0)
    return;
  /* as xmlTextWriter writes an element without children */
  if (!has_run_props(flags, hyperlink, script) && only_returns(text, len)) {
    scr_xmlw_markup_lit(x, "<w:r/>");
    return;
  }
  scr_xmlw_markup_lit(x, "<w:r>");
  run_props(x, flags, hyperlink, script);
  size_t from = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && !run_break(text[i]))
      continue;
    if (i > from)
      text_element(x, text + from, i - from);
    if (i < len)
      break_element(x, text[i]);
    from = i + 1;
  }
  scr_xmlw_markup_lit(x, "</w:r>");
}

void docx_text_run(scr_xmlw *x, const char *text, size_t len, unsigned flags,
                   bool hyperlink) {
  docx_gather_run(x, text, len, flags, hyperlink, NULL);
  scr_xmlw_markup_write(x);
}

#define FIELD_CHAR(type) "<w:r><w:fldChar w:fldCharType=\"" type "\"/></w:r>"

void docx_field(scr_xmlw *x, const char *instr, const char *cached,
                bool hyperlink) {
  scr_xmlw_markup_lit(x, FIELD_CHAR(FLD_BEGIN));
  scr_xmlw_markup_lit(x, "<w:r><w:instrText xml:space=\"preserve\"");
  scr_xmlw_markup_content(x, instr, strlen(instr), "</w:instrText>");
  scr_xmlw_markup_lit(x, "</w:r>");
  scr_xmlw_markup_lit(x, FIELD_CHAR(FLD_SEPARATE));
  docx_gather_run(x, cached, strlen(cached), 0, hyperlink, NULL);
  scr_xmlw_markup_lit(x, FIELD_CHAR(FLD_END));
  scr_xmlw_markup_write(x);
}
