/* Column widths from a table's content (see columns.h). */
#include "columns.h"
#include "house.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>

/* Measured widths run a little under what Word and LibreOffice set (they
   round each advance to their own units): allow for it. */
#define MEASURE_SLACK 1.03
/* A word wider than this share of the portrait text width (a long address,
   say) breaks where it must rather than turn the page. */
#define WORD_SHARE_MAX 0.45
/* A number is at most this many characters; longer is text. */
#define NUMBER_CHARS_MAX 40

typedef struct column_need {
  double min, max; /* points of text, without the cell's own space */
} column_need;

struct scr_columns {
  int n;
  column_need *cols;
  /* the cell being measured */
  int col;
  double word, line; /* the open word and line */
  double widest_word, widest_line;
  size_t chars;
  bool digit, only_number; /* a number: digits and their punctuation */
};

scr_columns *scr_columns_new(int columns) {
  scr_columns *c = calloc(1, sizeof *c);
  if (!c || columns < 1 ||
      !(c->cols = calloc((size_t)columns, sizeof *c->cols))) {
    free(c);
    return NULL;
  }
  c->n = columns;
  c->col = -1;
  return c;
}

void scr_columns_free(scr_columns *c) {
  if (!c)
    return;
  free(c->cols);
  free(c);
}

void scr_columns_begin_cell(scr_columns *c, int column) {
  c->col = column >= 0 && column < c->n ? column : -1;
  c->word = c->line = c->widest_word = c->widest_line = 0;
  c->chars = 0;
  c->digit = false;
  c->only_number = true;
}

static void end_word(scr_columns *c) {
  if (c->word > c->widest_word)
    c->widest_word = c->word;
  c->word = 0;
}

/* Where a line may break: at spaces, and on either side of an ideograph.
   A hyphen is not taken as one, so codes like "PI-04" stay whole. */
static bool breaks_after(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x200B || cp == 0x3000;
}

static bool ideograph(uint32_t cp) {
  return cp > 0x2E80 && scr_char_em(cp, SCR_METRIC_REGULAR) == 1.0;
}

static bool number_char(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || cp == ' ' || cp == ',' || cp == '.' ||
         cp == '%' || cp == '+' || cp == '-' || cp == '(' || cp == ')' ||
         cp == '/' || cp == ':' || cp == 0xA3 /* pound */ ||
         cp == 0xA0 /* no-break space */ || cp == 0x2013 /* en dash */ ||
         cp == 0x2212 /* minus */ || cp == 0x20AC /* euro */ || cp == '$';
}

static void measure_char(scr_columns *c, uint32_t cp, scr_metric_face face) {
  double w = scr_char_em(cp, face) * SCR_TABLE_FONT_PT;
  c->chars++;
  c->digit |= cp >= '0' && cp <= '9';
  c->only_number &= number_char(cp);
  bool alone = ideograph(cp); /* a word of its own */
  if (alone)
    end_word(c);
  c->line += w;
  if (breaks_after(cp)) {
    end_word(c);
    return;
  }
  c->word += w;
  if (alone)
    end_word(c);
}

void scr_columns_text(scr_columns *c, const char *s, size_t len,
                      scr_metric_face face) {
  while (c->col >= 0 && len > 0) {
    uint32_t cp = 0xFFFD;
    size_t n = scr_utf8_decode((const unsigned char *)s, len, &cp);
    if (n == 0)
      n = 1;
    measure_char(c, cp, face);
    s += n;
    len -= n;
  }
}

void scr_columns_line_break(scr_columns *c) {
  end_word(c);
  if (c->line > c->widest_line)
    c->widest_line = c->line;
  c->line = 0;
}

void scr_columns_end_cell(scr_columns *c) {
  if (c->col < 0)
    return;
  scr_columns_line_break(c);
  /* numbers never wrap */
  if (c->digit && c->only_number && c->chars <= NUMBER_CHARS_MAX)
    c->widest_word = c->widest_line;
  column_need *col = &c->cols[c->col];
  if (c->widest_word > col->min)
    col->min = c->widest_word;
  if (c->widest_line > col->max)
    col->max = c->widest_line;
  c->col = -1;
}

void scr_columns_share(const double *min, const double *max, int n,
                       double width, double *out) {
  double smin = 0, smax = 0;
  for (int i = 0; i < n; i++) {
    smin += min[i];
    smax += max[i] > min[i] ? max[i] : min[i];
  }
  for (int i = 0; i < n; i++) {
    double want = max[i] > min[i] ? max[i] : min[i];
    if (smin >= width)
      out[i] = smin > 0 ? min[i] * width / smin : width / n;
    else if (smax <= width)
      out[i] = smax > 0 ? want + (width - smax) * want / smax : width / n;
    else
      out[i] = min[i] + (want - min[i]) * (width - smin) / (smax - smin);
  }
}

/* Each column's minimum and preferred width with the cell's own space. */
static void needs(const scr_columns *c, double portrait, double *min,
                  double *max) {
  double cap = WORD_SHARE_MAX * portrait;
  for (int i = 0; i < c->n; i++) {
    double lo = c->cols[i].min * MEASURE_SLACK;
    double hi = c->cols[i].max * MEASURE_SLACK;
    min[i] = (lo < cap ? lo : cap) + SCR_CELL_SPACE_PT;
    max[i] = (hi > lo ? hi : lo) + SCR_CELL_SPACE_PT;
  }
}

/* The page's text width in points. */
static double text_width_pt(const scr_house_page *page, bool landscape) {
  return scr_house_text_width(page ? page : &scr_house_builtin()->page,
                              landscape) /
         20.0;
}

scr_error scr_columns_plan(const scr_columns *c, const scr_house_page *page,
                           scr_table_plan *plan) {
  *plan = (scr_table_plan){0};
  size_t n = (size_t)c->n;
  double *min = calloc(3 * n, sizeof *min);
  plan->widths = calloc(n, sizeof *plan->widths);
  if (!min || !plan->widths) {
    free(min);
    scr_table_plan_free(plan);
    return SCR_E_NOMEM;
  }
  double *max = min + n, *out = max + n, smin = 0;
  double portrait = text_width_pt(page, false);
  needs(c, portrait, min, max);
  for (size_t i = 0; i < n; i++)
    smin += min[i];
  plan->landscape = smin > portrait;
  double width = plan->landscape ? text_width_pt(page, true) : portrait;
  scr_columns_share(min, max, c->n, width, out);
  for (size_t i = 0; i < n; i++) {
    int w = (int)(out[i] * SCR_COLUMN_UNITS + 0.5);
    plan->widths[i] = w > 0 ? w : 1;
  }
  free(min);
  return SCR_OK;
}

void scr_table_plan_free(scr_table_plan *plan) {
  free(plan->widths);
  *plan = (scr_table_plan){0};
}
