/*
 * content.xml: office:document-content. The body (office:text children) is
 * written by the sink as calls arrive; this file writes what goes around it:
 * the automatic styles the body asked for along the way (paragraph styles
 * for page breaks and cell alignment, text styles for run formatting, the
 * list styles, table, column and cell styles, and the image frame style).
 */
#include "odt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prefixes declared on office:document-content. */
static const char *const CONTENT_NS[] = {
    "office", "style", "text", "table",  "draw", "fo",
    "xlink",  "dc",    "meta", "number", "svg",  NULL,
};

/* Table cell borders: thin, like Word's "Table Grid". */
#define CELL_BORDER "0.5pt solid #000000"
/* Inside each cell's edges, as in the DOCX (docx.h): 5.4 pt at the sides
   and 2 pt above and below, in mm100, which LibreOffice takes to 108 and
   40 twips. */
#define CELL_PADDING_SIDE 191
#define CELL_PADDING_TOP 71

const char *const scr_odt_cell_style[ODT_CELL_EDGE_COUNT] = {
    [ODT_CELL_INNER] = ODT_CELL_STYLE_INNER,
    [ODT_CELL_TOP] = ODT_CELL_STYLE_TOP,
    [ODT_CELL_LEFT] = ODT_CELL_STYLE_LEFT,
    [ODT_CELL_TOP_LEFT] = ODT_CELL_STYLE_TOP_LEFT,
};

/* Bullets per level (cycled): disc, white bullet, small square; all are in
   Liberation Sans. Numbers: 1. a. i. */
static const char *const BULLETS[] = {"\xE2\x80\xA2", "\xE2\x97\xA6",
                                      "\xE2\x96\xAA"};
static const char *const NUMBER_FORMATS[] = {"1", "a", "i"};
#define NUMBER_SUFFIX "."
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- registries ------------------------------------------------------- */

static const char *align_word(scr_align align) {
  switch (align) {
  case SCR_ALIGN_LEFT:
    return "start";
  case SCR_ALIGN_CENTER:
    return "center";
  case SCR_ALIGN_RIGHT:
    return "end";
  case SCR_ALIGN_NONE:
  default:
    return NULL;
  }
}

/* Alignment in a right-to-left paragraph. A column's left and right are
   its start and end, as in Word, which is the reading side; and a
   paragraph with none still says it is aligned right: LibreOffice takes
   "start" and "end" (and no alignment) as left and right whatever the
   paragraph's direction, where ODF, after XSL-FO, has "right" mean right
   in both. */
static const char *rtl_align_word(scr_align align) {
  switch (align) {
  case SCR_ALIGN_CENTER:
    return "center";
  case SCR_ALIGN_RIGHT:
    return "left";
  case SCR_ALIGN_LEFT:
  case SCR_ALIGN_NONE:
  default:
    return "right";
  }
}

static bool same_master(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

const char *scr_odt_para_auto(odt_auto *a, const char *parent, bool page_break,
                              scr_align align, const char *master, bool rtl) {
  const char *word = align_word(align);
  if (!word)
    align = SCR_ALIGN_NONE;
  for (size_t i = 0; i < a->npara; i++) {
    const odt_para_auto *p = &a->para[i];
    if (p->page_break == page_break && p->align == align && p->rtl == rtl &&
        same_master(p->master, master) && strcmp(p->parent, parent) == 0)
      return p->name;
  }
  if (scr_reserve(&a->para, &a->cappara, a->npara + 1, sizeof *a->para))
    return NULL;
  odt_para_auto p = {NULL,
                     scr_strdup(parent),
                     page_break,
                     align,
                     master ? scr_strdup(master) : NULL,
                     rtl};
  p.name =
      scr_asprintf("P%s%s%s%s%s%s_%s", master ? "_" : "", master ? master : "",
                   page_break ? "_break" : "", rtl ? "_rtl" : "",
                   word ? "_" : "", word ? word : "", parent);
  if (!p.name || !p.parent || (master && !p.master)) {
    free(p.name);
    free(p.parent);
    free(p.master);
    return NULL;
  }
  a->para[a->npara++] = p;
  return p.name;
}

unsigned scr_odt_text_auto(odt_auto *a, unsigned flags) {
  unsigned mask = flags & ODT_TEXT_FLAGS;
  if (mask == 0)
    return 0;
  if (a->text_number[mask] == 0) {
    a->text_order[a->ntext++] = mask;
    a->text_number[mask] = a->ntext;
  }
  return a->text_number[mask];
}

scr_error scr_odt_columns_auto(odt_auto *a, int twips) {
  for (size_t i = 0; i < a->ncolumns; i++)
    if (a->columns[i].twips == twips)
      return SCR_OK;
  if (scr_reserve(&a->columns, &a->capcolumns, a->ncolumns + 1,
                  sizeof *a->columns))
    return SCR_E_NOMEM;
  a->columns[a->ncolumns++] = (odt_column_auto){twips};
  return SCR_OK;
}

bool scr_odt_landscape_master(const char *name) {
  return strncmp(name, ODT_MASTER_LANDSCAPE, strlen(ODT_MASTER_LANDSCAPE)) == 0;
}

const char *scr_odt_table_master_auto(odt_auto *a, const char *master) {
  for (size_t i = 0; i < a->ntable_masters; i++)
    if (strcmp(a->table_masters[i], master) == 0)
      return a->table_masters[i];
  char *copy = NULL;
  if (scr_reserve(&a->table_masters, &a->cap_table_masters,
                  a->ntable_masters + 1, sizeof *a->table_masters) ||
      !(copy = scr_strdup(master)))
    return NULL;
  a->table_masters[a->ntable_masters++] = copy;
  return copy;
}

void scr_odt_auto_free(odt_auto *a) {
  for (size_t i = 0; i < a->npara; i++) {
    free(a->para[i].name);
    free(a->para[i].parent);
    free(a->para[i].master);
  }
  free(a->para);
  for (size_t i = 0; i < a->ntable_masters; i++)
    free(a->table_masters[i]);
  free(a->table_masters);
  free(a->columns);
  free(a->pdf_masters);
  scr_odt_scripts_free(a);
  *a = (odt_auto){0};
}

/* ---- automatic styles ------------------------------------------------- */

static void style_start(scr_xmlw *x, const char *name, const char *family) {
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", name);
  scr_xmlw_attr(x, "style:family", family);
}

static void paragraph_style(scr_xmlw *x, const odt_para_auto *p) {
  style_start(x, p->name, "paragraph");
  scr_xmlw_attr(x, "style:parent-style-name", p->parent);
  if (p->master)
    scr_xmlw_attr(x, "style:master-page-name", p->master);
  scr_xmlw_start(x, "style:paragraph-properties");
  if (p->page_break)
    scr_xmlw_attr(x, "fo:break-before", "page");
  const char *word = p->rtl ? rtl_align_word(p->align) : align_word(p->align);
  if (word)
    scr_xmlw_attr(x, "fo:text-align", word);
  if (p->rtl)
    scr_xmlw_attr(x, "style:writing-mode", "rl-tb");
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* The automatic text style "Tn" of run flags `mask`. */
static void text_style(scr_xmlw *x, unsigned number, unsigned mask) {
  char name[sizeof ODT_AUTO_TEXT_FMT + 3 * sizeof number];
  snprintf(name, sizeof name, ODT_AUTO_TEXT_FMT, number);
  style_start(x, name, "text");
  scr_xmlw_start(x, "style:text-properties");
  scr_odt_flag_props(x, mask);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* Label alignment: the label hangs in the indent, followed by a tab to the
   text, which sits one indent step further right per level. Paragraphs of
   an item after its first one line up with the text. */
static void list_level_properties(scr_xmlw *x, int level) {
  int32_t margin = (int32_t)level * ODT_LIST_INDENT;
  scr_xmlw_start(x, "style:list-level-properties");
  scr_xmlw_attr(x, "text:list-level-position-and-space-mode",
                "label-alignment");
  scr_xmlw_start(x, "style:list-level-label-alignment");
  scr_xmlw_attr(x, "text:label-followed-by", "listtab");
  scr_odt_attr_cm(x, "text:list-tab-stop-position", margin);
  scr_odt_attr_cm(x, "fo:text-indent", -ODT_LIST_INDENT);
  scr_odt_attr_cm(x, "fo:margin-left", margin);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

static void list_style(scr_xmlw *x, bool ordered) {
  scr_xmlw_start(x, "text:list-style");
  scr_xmlw_attr(x, "style:name",
                ordered ? ODT_AUTO_LIST_NUMBER : ODT_AUTO_LIST_BULLET);
  for (int level = 1; level <= ODT_LIST_LEVELS; level++) {
    size_t cycle = (size_t)(level - 1);
    if (ordered) {
      scr_xmlw_start(x, "text:list-level-style-number");
      scr_xmlw_attr_int(x, "text:level", level);
      scr_xmlw_attr(x, "style:num-suffix", NUMBER_SUFFIX);
      scr_xmlw_attr(x, "style:num-format",
                    NUMBER_FORMATS[cycle % COUNT_OF(NUMBER_FORMATS)]);
    } else {
      scr_xmlw_start(x, "text:list-level-style-bullet");
      scr_xmlw_attr_int(x, "text:level", level);
      scr_xmlw_attr(x, "text:bullet-char", BULLETS[cycle % COUNT_OF(BULLETS)]);
    }
    list_level_properties(x, level);
    scr_xmlw_end(x);
  }
  scr_xmlw_end(x);
}

/* Tables span the text width; table:align="margins" makes LibreOffice keep
   them there if the page layout changes. No space below: Word has no
   such space, and the DOCX's tables are laid out alike. A table starting a
   master page (a landscape one, for a wide table) names it, as a paragraph
   would. */
static void table_style(scr_xmlw *x, const scr_house *h, const char *name,
                        bool page_break, const char *master) {
  style_start(x, name, "table");
  if (master)
    scr_xmlw_attr(x, "style:master-page-name", master);
  scr_xmlw_start(x, "style:table-properties");
  scr_odt_attr_cm(
      x, "style:width",
      scr_odt_text_width(h, master && scr_odt_landscape_master(master)));
  scr_xmlw_attr(x, "table:align", "margins");
  if (page_break)
    scr_xmlw_attr(x, "fo:break-before", "page");
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* A column `twips` wide, in points (a twip is 1/20 pt), which LibreOffice
   reads back to the twip. The relative width keeps the proportions if the
   table is resized. */
static void column_style(scr_xmlw *x, odt_column_auto c) {
  enum { TWIPS_PER_PT = 20 };
  char name[sizeof ODT_AUTO_COLUMN_FMT + 3 * sizeof c.twips];
  snprintf(name, sizeof name, ODT_AUTO_COLUMN_FMT, c.twips);
  style_start(x, name, "table-column");
  scr_xmlw_start(x, "style:table-column-properties");
  scr_xmlw_attrf(x, "style:column-width", "%d.%02dpt", c.twips / TWIPS_PER_PT,
                 c.twips % TWIPS_PER_PT * (100 / TWIPS_PER_PT));
  scr_xmlw_attrf(x, "style:rel-column-width", "%d*", c.twips);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

static void table_master_style(scr_xmlw *x, const scr_house *h,
                               const char *master) {
  char name[96]; /* master page names are ours, and short */
  snprintf(name, sizeof name, ODT_AUTO_TABLE_MASTER_FMT, master);
  table_style(x, h, name, false, master);
}

/* Rows are never split across pages, so no fragment of a row sits alone
   under the repeated header; LibreOffice still splits a row taller than
   a page. */
static void row_style(scr_xmlw *x) {
  style_start(x, ODT_AUTO_ROW, "table-row");
  scr_xmlw_start(x, "style:table-row-properties");
  scr_xmlw_attr(x, "fo:keep-together", "always");
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

static void cell_style(scr_xmlw *x, odt_cell_edge edge) {
  style_start(x, scr_odt_cell_style[edge], "table-cell");
  scr_xmlw_start(x, "style:table-cell-properties");
  scr_odt_attr_cm(x, "fo:padding-left", CELL_PADDING_SIDE);
  scr_odt_attr_cm(x, "fo:padding-right", CELL_PADDING_SIDE);
  scr_odt_attr_cm(x, "fo:padding-top", CELL_PADDING_TOP);
  scr_odt_attr_cm(x, "fo:padding-bottom", CELL_PADDING_TOP);
  if (edge == ODT_CELL_TOP_LEFT) {
    scr_xmlw_attr(x, "fo:border", CELL_BORDER);
  } else {
    scr_xmlw_attr(x, "fo:border-left",
                  edge == ODT_CELL_LEFT ? CELL_BORDER : "none");
    scr_xmlw_attr(x, "fo:border-right", CELL_BORDER);
    scr_xmlw_attr(x, "fo:border-top",
                  edge == ODT_CELL_TOP ? CELL_BORDER : "none");
    scr_xmlw_attr(x, "fo:border-bottom", CELL_BORDER);
  }
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* Images sit on the baseline like a large character. */
static void image_style(scr_xmlw *x) {
  style_start(x, ODT_AUTO_IMAGE, "graphic");
  scr_xmlw_start(x, "style:graphic-properties");
  scr_xmlw_attr(x, "style:vertical-pos", "top");
  scr_xmlw_attr(x, "style:vertical-rel", "baseline");
  scr_xmlw_attr(x, "fo:border", "none");
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* No space around the picture, which is centred; the paragraph starts its
   master page, and so a new page. */
void scr_odt_pdf_para_styles(scr_xmlw *x, const odt_auto *a) {
  for (size_t i = 0; i < a->npdf_masters; i++) {
    scr_xmlw_start(x, "style:style");
    scr_xmlw_attrf(x, "style:name", ODT_AUTO_PDF_PARA_FMT, i + 1);
    scr_xmlw_attr(x, "style:family", "paragraph");
    scr_xmlw_attrf(x, "style:master-page-name", ODT_MASTER_PDF_FMT, i + 1);
    scr_xmlw_start(x, "style:paragraph-properties");
    scr_xmlw_attr(x, "fo:margin-top", "0cm");
    scr_xmlw_attr(x, "fo:margin-bottom", "0cm");
    scr_xmlw_attr(x, "fo:margin-left", "0cm");
    scr_xmlw_attr(x, "fo:margin-right", "0cm");
    scr_xmlw_attr(x, "fo:text-indent", "0cm");
    scr_xmlw_attr(x, "fo:line-height", "100%");
    scr_xmlw_attr(x, "fo:text-align", "center");
    scr_xmlw_end(x); /* style:paragraph-properties */
    scr_xmlw_start(x, "style:text-properties");
    scr_xmlw_attr(x, "fo:font-size", "1pt");
    scr_xmlw_end(x);
    scr_xmlw_end(x); /* style:style */
  }
}

static void automatic_styles(scr_xmlw *x, const scr_house *h,
                             const odt_auto *a) {
  scr_xmlw_start(x, "office:automatic-styles");
  for (unsigned i = 0; i < a->ntext; i++)
    text_style(x, i + 1, a->text_order[i]);
  scr_odt_script_styles(x, a);
  for (size_t i = 0; i < a->npara; i++)
    paragraph_style(x, &a->para[i]);
  scr_odt_pdf_para_styles(x, a);
  if (a->list_bullet)
    list_style(x, false);
  if (a->list_number)
    list_style(x, true);
  if (a->table)
    table_style(x, h, ODT_AUTO_TABLE, false, NULL);
  if (a->table_break)
    table_style(x, h, ODT_AUTO_TABLE_BREAK, true, NULL);
  for (size_t i = 0; i < a->ntable_masters; i++)
    table_master_style(x, h, a->table_masters[i]);
  for (size_t i = 0; i < a->ncolumns; i++)
    column_style(x, a->columns[i]);
  bool tables = a->table || a->table_break || a->ntable_masters;
  if (tables)
    row_style(x);
  if (tables)
    for (int e = 0; e < ODT_CELL_EDGE_COUNT; e++)
      cell_style(x, (odt_cell_edge)e);
  if (a->image)
    image_style(x);
  scr_xmlw_end(x);
}

scr_error scr_odt_content_xml(const odt_tpl *t, const odt_auto *a, char **data,
                              size_t *len, size_t *body_at) {
  scr_xmlw x = {0};
  scr_error err = scr_odt_part_open(&x, "office:document-content", CONTENT_NS,
                                    "office:version");
  if (err)
    return err;
  scr_odt_tpl_declare_ns(&x, t, CONTENT_NS);
  scr_odt_font_decls(&x, t, a);
  automatic_styles(&x, t->house, a);
  scr_xmlw_start(&x, "office:body");
  scr_xmlw_start(&x, "office:text");
  err = scr_xmlw_mark(&x, body_at);
  if (err) {
    scr_xmlw_discard(&x);
    return err;
  }
  scr_xmlw_end(&x); /* office:text */
  scr_xmlw_end(&x); /* office:body */
  scr_xmlw_end(&x); /* office:document-content */
  return scr_xmlw_close(&x, data, len);
}
