/*
 * Table columns sized from their content, the way a browser's automatic
 * table layout does. Each column has a minimum width (its widest word, or
 * its widest cell when the cell is a number, which never wraps) and a
 * preferred width (its widest cell on one line). The text width goes
 * first to every minimum, then to the columns whose text wraps, in proportion
 * to what each still wants; a table that wants less than the text width is
 * widened in proportion. A table whose minimums do not fit the portrait
 * text width goes on a landscape page.
 */
#ifndef SCR_COLUMNS_H
#define SCR_COLUMNS_H

#include "metrics.h"
#include "scrutineer.h"

#include <stdbool.h>
#include <stddef.h>

/* Table text, in points: the Table Contents style. */
#define SCR_TABLE_FONT_PT 11.0
/* Room a cell takes besides its text: Word's default cell margins (108
   twips each side) and a border. */
#define SCR_CELL_SPACE_PT 12.0
/* Widths handed to the sink are in these units of a point. */
#define SCR_COLUMN_UNITS 100

typedef struct scr_columns scr_columns;

/** Measures for a table of `columns` columns, or NULL when out of memory.
    Free with scr_columns_free. */
scr_columns *scr_columns_new(int columns);
void scr_columns_free(scr_columns *c);

/** Measure the text of a cell of `column` (0-based; others are ignored):
    its runs, then scr_columns_end_cell. */
void scr_columns_begin_cell(scr_columns *c, int column);
void scr_columns_text(scr_columns *c, const char *s, size_t len,
                      scr_metric_face face);
/** A line break inside the cell. */
void scr_columns_line_break(scr_columns *c);
void scr_columns_end_cell(scr_columns *c);

/** A table's layout: the orientation of its page and each column's width
    in 1/SCR_COLUMN_UNITS point, summing to that page's text width. */
typedef struct scr_table_plan {
  bool landscape;
  int *widths; /* `columns` entries, owned by the plan */
} scr_table_plan;

struct scr_house_page;
/** Plan the table measured so far, across the text width of `page` (NULL:
    the built-in house style's A4 with 2 cm margins). SCR_E_NOMEM when out
    of memory; free the plan with scr_table_plan_free. */
scr_error scr_columns_plan(const scr_columns *c,
                           const struct scr_house_page *page,
                           scr_table_plan *plan);
void scr_table_plan_free(scr_table_plan *plan);

/**
 * Share `width` among `n` columns of minimum `min` and preferred `max`
 * widths (any unit) into out[]: what scr_columns_plan does once it has
 * chosen the page. Exposed for tests.
 */
void scr_columns_share(const double *min, const double *max, int n,
                       double width, double *out);

#endif
