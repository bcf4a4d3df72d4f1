/* Diagnostics: `file:line:col: error: sentence`, every one collected. */
#ifndef SCR_DIAG_H
#define SCR_DIAG_H

#include <stdio.h>

typedef enum scr_severity { SCR_WARNING, SCR_ERROR } scr_severity;

typedef struct scr_diag {
  char *file; /* as the user should see it */
  int line;   /* 1-based; 0 when the whole file is meant */
  int col;    /* 1-based; 0 when unknown */
  scr_severity severity;
  char *message;
} scr_diag;

typedef struct scr_diags {
  scr_diag *items;
  size_t count, cap;
  size_t errors;
  int out_of_memory;
} scr_diags;

void scr_diags_init(scr_diags *d);
void scr_diags_free(scr_diags *d);
/** Record one diagnostic (the message is copied). */
void scr_diag_add(scr_diags *d, scr_severity sev, const char *file, int line,
                  int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
#define scr_error_at(d, file, line, col, ...)                                  \
  scr_diag_add((d), SCR_ERROR, (file), (line), (col), __VA_ARGS__)
#define scr_warn_at(d, file, line, col, ...)                                   \
  scr_diag_add((d), SCR_WARNING, (file), (line), (col), __VA_ARGS__)
/** Move every diagnostic of `from` to the end of `to`, in order, leaving
    `from` empty. */
void scr_diags_move(scr_diags *to, scr_diags *from);
/** Print every diagnostic, in the order recorded, one per line. */
void scr_diags_print(const scr_diags *d, FILE *out);

#endif
