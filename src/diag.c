/* Diagnostics collected during a run and printed compiler-style. */
#include "diag.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void scr_diags_init(scr_diags *d) {
  *d = (scr_diags){0};
}

void scr_diags_free(scr_diags *d) {
  for (size_t i = 0; i < d->count; i++) {
    free(d->items[i].file);
    free(d->items[i].message);
  }
  free(d->items);
  *d = (scr_diags){0};
}

void scr_diag_add(scr_diags *d, scr_severity sev, const char *file, int line,
                  int col, const char *fmt, ...) {
  if (sev == SCR_ERROR)
    d->errors++;
  if (scr_reserve(&d->items, &d->cap, d->count + 1, sizeof *d->items)) {
    d->out_of_memory = 1;
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
  char *f = scr_strdup(file ? file : "scrutineer");
  if (!msg || !f) {
    free(msg);
    free(f);
    d->out_of_memory = 1;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(msg, (size_t)n + 1, fmt, ap);
  va_end(ap);
  d->items[d->count++] = (scr_diag){f, line, col, sev, msg};
}

void scr_diags_move(scr_diags *to, scr_diags *from) {
  /* Out of memory, as many as fit are moved and the rest counted lost. */
  (void)scr_reserve(&to->items, &to->cap, to->count + from->count,
                    sizeof *to->items);
  size_t room = to->cap - to->count;
  size_t moved = from->count < room ? from->count : room;
  if (moved)
    memcpy(to->items + to->count, from->items, moved * sizeof *to->items);
  to->count += moved;
  to->errors += from->errors;
  to->out_of_memory |= from->out_of_memory || moved < from->count;
  for (size_t i = moved; i < from->count; i++) {
    free(from->items[i].file);
    free(from->items[i].message);
  }
  free(from->items);
  *from = (scr_diags){0};
}

void scr_diags_print(const scr_diags *d, FILE *out) {
  for (size_t i = 0; i < d->count; i++) {
    const scr_diag *g = &d->items[i];
    const char *sev = g->severity == SCR_ERROR ? "error" : "warning";
    if (g->line > 0)
      fprintf(out, "%s:%d:%d: %s: %s\n", g->file, g->line,
              g->col > 0 ? g->col : 1, sev, g->message);
    else
      fprintf(out, "%s: %s: %s\n", g->file, sev, g->message);
  }
  if (d->out_of_memory)
    fprintf(out, "scrutineer: error: out of memory while recording "
                 "diagnostics; some were lost\n");
}
