/*
 * The site folder's manifest, .scrutineer-site.tsv: what each document was
 * built from (the hash of its inputs), when, and on which pages its
 * appendices start, so that the next build rebuilds only what changed; and
 * the calendar's stamp. One line per document, fields split by tabs.
 */
#include "site_manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_HEAD "# scrutineer site manifest 1\n"
#define MANIFEST_LIMIT (16u * 1024u * 1024u)

void scr_site_manifest_free(scr_site_manifest *m) {
  for (size_t i = 0; i < m->n; i++) {
    scr_site_recorded *d = &m->docs[i];
    free(d->stem);
    free(d->hash);
    free(d->built);
    free(d->pages_docx);
    free(d->pages_odt);
  }
  free(m->docs);
  free(m->calendar_hash);
  free(m->calendar_stamp);
  *m = (scr_site_manifest){0};
}

/* Split `line` at tabs into at most `max` fields (pointers into it). */
static size_t split_tabs(char *line, char **fields, size_t max) {
  size_t n = 0;
  while (n < max) {
    fields[n++] = line;
    char *tab = strchr(line, '\t');
    if (!tab)
      break;
    *tab = '\0';
    line = tab + 1;
  }
  return n;
}

static scr_error manifest_line(scr_site_manifest *m, char *line) {
  char *f[8];
  size_t n = split_tabs(line, f, 8);
  if (n == 3 && strcmp(f[0], "calendar") == 0) {
    free(m->calendar_hash);
    free(m->calendar_stamp);
    m->calendar_hash = scr_strdup(f[1]);
    m->calendar_stamp = scr_strdup(f[2]);
    return m->calendar_hash && m->calendar_stamp ? SCR_OK : SCR_E_NOMEM;
  }
  if (n != 7 || strcmp(f[0], "doc") != 0)
    return SCR_OK; /* not ours: the document is rebuilt, nothing lost */
  if (scr_reserve(&m->docs, &m->cap, m->n + 1, sizeof *m->docs))
    return SCR_E_NOMEM;
  scr_site_recorded *d = &m->docs[m->n++];
  *d = (scr_site_recorded){scr_strdup(f[1]), scr_strdup(f[2]),
                           scr_strdup(f[3]), scr_strdup(f[5]),
                           scr_strdup(f[6]), strcmp(f[4], "1") == 0};
  bool ok = d->stem && d->hash && d->built && d->pages_docx && d->pages_odt;
  return ok ? SCR_OK : SCR_E_NOMEM;
}

scr_error scr_site_manifest_read(const char *dir, scr_site_manifest *m) {
  *m = (scr_site_manifest){0};
  char *path = scr_path_join(dir, SCR_SITE_MANIFEST), *text = NULL;
  size_t len = 0;
  if (!path)
    return SCR_E_NOMEM;
  scr_error err = SCR_OK;
  if (scr_read_file(path, MANIFEST_LIMIT, &text, &len) == SCR_OK) {
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line && !err;
         line = strtok_r(NULL, "\n", &save))
      if (line[0] != '#')
        err = manifest_line(m, line);
  }
  free(text);
  free(path);
  return err;
}

const scr_site_recorded *scr_site_manifest_find(const scr_site_manifest *m,
                                                const char *stem) {
  for (size_t i = 0; i < m->n; i++)
    if (strcmp(m->docs[i].stem, stem) == 0)
      return &m->docs[i];
  return NULL;
}

/* "3,5,12", or "-" for none. */
static scr_error pages_put(scr_buf *b, const int *pages, size_t n) {
  if (!pages)
    return scr_buf_puts(b, "-");
  scr_error err = SCR_OK;
  for (size_t i = 0; i < n && !err; i++)
    err = scr_buf_printf(b, "%s%d", i ? "," : "", pages[i]);
  return err;
}

int *scr_site_pages_parse(const char *s, size_t n, bool *bad) {
  if (strcmp(s, "-") == 0)
    return NULL;
  int *pages = calloc(n + 1, sizeof *pages);
  size_t i = 0;
  for (const char *p = s; pages && *p && i < n; i++) {
    char *end;
    long v = strtol(p, &end, 10);
    pages[i] = v > 0 && v < 1000000 ? (int)v : 0;
    p = *end == ',' ? end + 1 : end;
  }
  if (!pages || i != n) {
    *bad = true;
    free(pages);
    return NULL;
  }
  return pages;
}

scr_error scr_site_manifest_text(const scr_site *site, const char *cal_hash,
                                 const char *cal_stamp, scr_buf *out) {
  scr_buf *b = out;
  scr_error err = scr_buf_puts(b, MANIFEST_HEAD);
  for (size_t i = 0; i < site->n_docs && !err; i++) {
    const scr_site_doc *d = &site->docs[i];
    err = scr_buf_printf(b, "doc\t%s\t%s\t%s\t%d\t", d->stem, d->hash, d->built,
                         d->pages_exact ? 1 : 0);
    if (!err)
      err = pages_put(b, d->pages_docx, d->n_pages);
    if (!err)
      err = scr_buf_puts(b, "\t");
    if (!err)
      err = pages_put(b, d->pages_odt, d->n_pages);
    if (!err)
      err = scr_buf_puts(b, "\n");
  }
  if (!err)
    err = scr_buf_printf(b, "calendar\t%s\t%s\n", cal_hash, cal_stamp);
  return err;
}
