/*
 * word/numbering.xml: two abstract lists (bullets, numbers), nine levels
 * each, and one w:num per list the document holds. Giving each list its
 * own w:num, with a start override on ordered ones, is what makes every
 * list restart at its own start instead of continuing the one before.
 * Numbers go 1. a. i. down the levels and round again, as in the ODT
 * (odt_content.c).
 */
#include "docx.h"

#include <stdlib.h>

#define LIST_FONT "Liberation Sans"
/* "%1." shows level 1's number; each level shows only its own number. */
#define NUMBER_TEXT "%%%d."

/* Number formats by level, repeating: 1. a. i. */
static const char *const NUMBER_FORMATS[] = {"decimal", "lowerLetter",
                                             "lowerRoman"};
#define NUMBER_FORMAT_COUNT (sizeof NUMBER_FORMATS / sizeof NUMBER_FORMATS[0])

/* Bullets by level, repeating: filled circle, white circle, small square
   (all in Liberation Sans, so no Symbol-font private-use characters). */
static const char *const BULLETS[] = {"\xE2\x80\xA2", "\xE2\x97\xA6",
                                      "\xE2\x96\xAA"};
#define BULLET_COUNT (sizeof BULLETS / sizeof BULLETS[0])

int docx_list_indent(int ilvl) {
  return (ilvl + 1) * DOCX_LIST_INDENT_STEP;
}

scr_error docx_model_add_num(docx_model *m, bool ordered, int ilvl, int start,
                             int *num_id) {
  if (scr_reserve(&m->nums, &m->num_cap, m->num_count + 1, sizeof *m->nums))
    return SCR_E_NOMEM;
  m->nums[m->num_count++] = (docx_num){ordered, ilvl, start};
  *num_id = (int)m->num_count;
  return SCR_OK;
}

static void level_indent(scr_xmlw *x, int ilvl) {
  scr_xmlw_start(x, "w:pPr");
  scr_xmlw_start(x, "w:ind");
  scr_xmlw_attr_int(x, "w:left", docx_list_indent(ilvl));
  scr_xmlw_attr_int(x, "w:hanging", DOCX_LIST_HANGING);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* The bullet glyph in the body font, whatever the run it follows. */
static void level_font(scr_xmlw *x) {
  scr_xmlw_start(x, "w:rPr");
  scr_xmlw_start(x, "w:rFonts");
  scr_xmlw_attr(x, "w:ascii", LIST_FONT);
  scr_xmlw_attr(x, "w:hAnsi", LIST_FONT);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* w:lvl children in CT_Lvl order: start, numFmt, lvlText, lvlJc, pPr, rPr. */
static void level(scr_xmlw *x, bool ordered, int ilvl) {
  scr_xmlw_start(x, "w:lvl");
  scr_xmlw_attr_int(x, "w:ilvl", ilvl);
  docx_val_element(x, "w:start", "1");
  docx_val_element(x, "w:numFmt",
                   ordered ? NUMBER_FORMATS[(size_t)ilvl % NUMBER_FORMAT_COUNT]
                           : "bullet");
  scr_xmlw_start(x, "w:lvlText");
  if (ordered)
    scr_xmlw_attrf(x, "w:val", NUMBER_TEXT, ilvl + 1);
  else
    scr_xmlw_attr(x, "w:val", BULLETS[(size_t)ilvl % BULLET_COUNT]);
  scr_xmlw_end(x);
  docx_val_element(x, "w:lvlJc", "left");
  level_indent(x, ilvl);
  if (!ordered)
    level_font(x);
  scr_xmlw_end(x);
}

static void abstract_num(scr_xmlw *x, int id, bool ordered) {
  scr_xmlw_start(x, "w:abstractNum");
  scr_xmlw_attr_int(x, "w:abstractNumId", id);
  docx_val_element(x, "w:multiLevelType", "hybridMultilevel");
  for (int l = 0; l < DOCX_LIST_LEVELS; l++)
    level(x, ordered, l);
  scr_xmlw_end(x);
}

static void num(scr_xmlw *x, const docx_num *n, int num_id) {
  scr_xmlw_start(x, "w:num");
  scr_xmlw_attr_int(x, "w:numId", num_id);
  scr_xmlw_start(x, "w:abstractNumId");
  scr_xmlw_attrf(x, "w:val", "%d",
                 n->ordered ? DOCX_ABSTRACT_NUMBER : DOCX_ABSTRACT_BULLET);
  scr_xmlw_end(x);
  if (n->ordered) {
    scr_xmlw_start(x, "w:lvlOverride");
    scr_xmlw_attr_int(x, "w:ilvl", n->ilvl);
    scr_xmlw_start(x, "w:startOverride");
    scr_xmlw_attr_int(x, "w:val", n->start);
    scr_xmlw_end(x);
    scr_xmlw_end(x);
  }
  scr_xmlw_end(x);
}

scr_error scr_docx_numbering_xml(const docx_model *m, char **xml, size_t *len) {
  scr_xmlw x;
  scr_error err = docx_part_open(&x);
  if (err)
    return err;
  scr_xmlw_start(&x, "w:numbering");
  scr_xmlw_attr(&x, "xmlns:w", DOCX_NS_W);
  /* every abstractNum comes before the first num */
  abstract_num(&x, DOCX_ABSTRACT_BULLET, false);
  abstract_num(&x, DOCX_ABSTRACT_NUMBER, true);
  for (size_t i = 0; i < m->num_count; i++)
    num(&x, &m->nums[i], (int)i + 1);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, xml, len);
}
