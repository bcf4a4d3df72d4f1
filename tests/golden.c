/*
 * Golden tests: each tests/golden/NAME.md renders to exactly the body XML
 * in NAME.docx.xml and NAME.odt.xml, and to the page body in NAME.html.
 * With --update the expected files are (re)written, to be reviewed by eye
 * before committing.
 */
#include "scrutineer.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
    free(data);
    data = NULL;
  }
  if (data)
    data[n] = '\0';
  fclose(f);
  return data;
}

/* One block per line, so a golden file can be read and reviewed by eye. */
static char *readable(const char *xml) {
  static const char *const ENDS[] = {
      "</w:p>",    "</w:tbl>",           "</w:tr>", "</text:p>",
      "</text:h>", "</table:table-row>", NULL};
  size_t n = strlen(xml);
  char *out = malloc(2 * n + 1), *w = out;
  if (!out)
    return NULL;
  for (const char *s = xml; *s;) {
    size_t len = 0;
    for (int i = 0; ENDS[i] && !len; i++)
      if (strncmp(s, ENDS[i], strlen(ENDS[i])) == 0)
        len = strlen(ENDS[i]);
    if (len) {
      memcpy(w, s, len);
      w += len;
      s += len;
      if (*s)
        *w++ = '\n';
    } else {
      *w++ = *s++;
    }
  }
  *w = '\0';
  return out;
}

static int check(const char *dir, const char *name, enum scr_format format,
                 const char *ext, int update) {
  char md[1024], want_path[1024];
  snprintf(md, sizeof md, "%s/%s.md", dir, name);
  /* the HTML writer's body is a page's, already a block a line */
  if (format == SCR_FORMAT_HTML)
    snprintf(want_path, sizeof want_path, "%s/%s.html", dir, name);
  else
    snprintf(want_path, sizeof want_path, "%s/%s.%s.xml", dir, name, ext);
  char *raw = NULL;
  scr_error err = scr_render_fragment(md, format, &raw);
  if (err) {
    fprintf(stderr, "FAIL %s (%s): %s\n", md, ext, scr_strerror(err));
    return 1;
  }
  char *got = readable(raw);
  free(raw);
  if (!got)
    return 1;
  int failed = 0;
  if (update) {
    FILE *f = fopen(want_path, "wb");
    failed = !f || fputs(got, f) < 0 || fputc('\n', f) < 0;
    if (f)
      fclose(f);
  } else {
    char *want = slurp(want_path);
    size_t n = want ? strlen(want) : 0;
    if (n && want[n - 1] == '\n')
      want[--n] = '\0';
    failed = !want || strcmp(want, got) != 0;
    if (failed)
      fprintf(stderr, "FAIL %s (%s): output differs from %s\n--- got:\n%s\n",
              md, ext, want_path, got);
    free(want);
  }
  free(got);
  return failed;
}

int main(int argc, char **argv) {
  int update = argc > 2 && strcmp(argv[2], "--update") == 0;
  const char *dir = argc > 1 ? argv[1] : "tests/golden";
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "golden: cannot open %s\n", dir);
    return 2;
  }
  int failures = 0, cases = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
      continue;
    char name[512];
    snprintf(name, sizeof name, "%.*s", (int)(n - 3), e->d_name);
    failures += check(dir, name, SCR_FORMAT_DOCX, "docx", update);
    failures += check(dir, name, SCR_FORMAT_ODT, "odt", update);
    failures += check(dir, name, SCR_FORMAT_HTML, "html", update);
    cases++;
  }
  closedir(d);
  printf("golden: %d constructs x 3 formats, %d failed%s\n", cases, failures,
         update ? " (updated)" : "");
  /* a folder with no cases is a mistake, not a pass */
  if (cases == 0)
    fprintf(stderr, "golden: no cases (*.md) in %s\n", dir);
  return failures || cases == 0 ? 1 : 0;
}
