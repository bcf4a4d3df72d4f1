/*
 * Fuzzing harness: the input replaces one source file of a small committee
 * workspace, and a pack, minutes or tracker is built in memory by both
 * writers. Every XML part produced must be well-formed; any crash, leak,
 * sanitizer report or malformed part is a finding.
 *
 * Input layout: byte 0 chooses the file the rest replaces (agenda, report,
 * minutes, work programme, committee), byte 1 the document, its formats
 * and, for a pack, public, private or supplement,
 * byte 2 the tracker's "as of" date. Built with libFuzzer, or with
 * replay.c as a plain program that runs saved inputs (the regression
 * corpus in `make test`).
 */
#include "build.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FUZZ_WORKSPACE
#error "FUZZ_WORKSPACE must name tests/fixtures/small"
#endif

/* The files an input can replace, relative to the workspace. */
static const char *const ROLES[] = {
    "agendas/2026-06-17.md", "agendas/2026-06-17/report.md",
    "minutes/2026-04-14.md", "agendas/workprogramme.md",
    "agendas/committee.md",
};
#define N_ROLES (sizeof ROLES / sizeof *ROLES)

static const char *const TODAY[] = {NULL, "2026-04-01", "2026-06-17",
                                    "2026-09-09", "2027-01-01"};
#define N_TODAY (sizeof TODAY / sizeof *TODAY)

static char *workspace;         /* the private copy, made once */
static char *original[N_ROLES]; /* each role's original text */
static size_t original_len[N_ROLES];
static FILE *devnull;

static char *path_in(const char *dir, const char *rel) {
  size_t n = strlen(dir) + strlen(rel) + 2;
  char *p = malloc(n);
  if (!p)
    abort();
  snprintf(p, n, "%s/%s", dir, rel);
  return p;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    abort();
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  do {
    if (n == cap) {
      cap = cap ? cap * 2 : 4096;
      if (!(buf = realloc(buf, cap)))
        abort();
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  fclose(f);
  *len = n;
  return buf;
}

static void spill(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
    abort();
}

/* Copy the workspace folder tree `from` into `to`. */
static void copy_tree(const char *from, const char *to) {
  DIR *d = opendir(from);
  if (!d || (mkdir(to, 0700) != 0))
    abort();
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    char *src = path_in(from, e->d_name), *dst = path_in(to, e->d_name);
    struct stat st;
    if (stat(src, &st) != 0)
      abort();
    if (S_ISDIR(st.st_mode)) {
      copy_tree(src, dst);
    } else {
      size_t len;
      char *data = slurp(src, &len);
      spill(dst, data, len);
      free(data);
    }
    free(src);
    free(dst);
  }
  closedir(d);
}

/* Remove the tree `dir` and everything in it. */
static void remove_tree(const char *dir) {
  DIR *d = opendir(dir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d))) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
        continue;
      char *p = path_in(dir, e->d_name);
      struct stat st;
      if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
        remove_tree(p);
      else
        unlink(p);
      free(p);
    }
    closedir(d);
  }
  rmdir(dir);
}

static char *scratch; /* the folder holding the workspace copy */

static void teardown(void) {
  remove_tree(scratch);
  free(scratch);
  free(workspace);
  for (size_t i = 0; i < N_ROLES; i++)
    free(original[i]);
  if (devnull)
    fclose(devnull);
}

static void setup(void) {
  const char *tmp = getenv("TMPDIR");
  char *templ = path_in(tmp && *tmp ? tmp : "/tmp", "scr-fuzz-XXXXXX");
  if (!mkdtemp(templ))
    abort();
  scratch = templ;
  workspace = path_in(templ, "ws");
  atexit(teardown);
  copy_tree(FUZZ_WORKSPACE, workspace);
  for (size_t i = 0; i < N_ROLES; i++) {
    char *p = path_in(workspace, ROLES[i]);
    original[i] = slurp(p, &original_len[i]);
    free(p);
  }
  devnull = fopen("/dev/null", "w");
  if (!devnull)
    abort();
}

/* A part that should be XML (by name) must parse as well-formed XML. */
static void check_part(const char *name, const char *data, size_t len) {
  size_t n = strlen(name);
  bool xml = (n > 4 && strcmp(name + n - 4, ".xml") == 0) ||
             (n > 5 && strcmp(name + n - 5, ".rels") == 0);
  if (!xml)
    return;
  xmlDocPtr doc =
      xmlReadMemory(data, (int)len, name, NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    fprintf(stderr, "fuzz: part %s is not well-formed XML\n", name);
    fwrite(data, 1, len, stderr);
    abort();
  }
  xmlFreeDoc(doc);
}

static scr_error check_package(void *ctx, const char *stem, const char *ext,
                               const scr_package *pkg) {
  (void)ctx, (void)stem, (void)ext;
  for (size_t i = 0; i < scr_package_count(pkg); i++) {
    const char *data;
    size_t len;
    const char *name = scr_package_part(pkg, i, &data, &len);
    if (!data) {
      fprintf(stderr, "fuzz: part %s cannot be read back\n", name);
      abort();
    }
    check_part(name, data, len);
  }
  return SCR_OK;
}

static scr_error check_bytes(void *ctx, const char *stem, const char *ext,
                             const char *data, size_t len) {
  (void)ctx, (void)stem, (void)ext;
  /* the CSV carries source text; it must hold no NUL */
  if (memchr(data, '\0', len))
    abort();
  return SCR_OK;
}

static const unsigned FORMATS[] = {
    SCR_FORMAT_DOCX, SCR_FORMAT_ODT, SCR_FORMAT_DOCX | SCR_FORMAT_ODT,
    SCR_FORMAT_DOCX | SCR_FORMAT_ODT | SCR_FORMAT_CSV};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!workspace)
    setup();
  if (size < 3)
    return 0;
  size_t role = data[0] % N_ROLES;
  unsigned choice = data[1];
  scr_build_kind kind = (scr_build_kind)(choice % 3);
  scr_options opts = {0};
  opts.formats = FORMATS[(choice / 3) % 4];
  /* the public pack, the private one, or the supplement */
  opts.private_pack = (choice / 12) % 3 == 1;
  opts.supplement = (choice / 12) % 3 == 2;
  opts.today = TODAY[data[2] % N_TODAY];
  opts.diagnostics = devnull;
  opts.quiet = true;

  char *file = path_in(workspace, ROLES[role]);
  spill(file, data + 3, size - 3);
  const char *target = kind == SCR_BUILD_PACK      ? ROLES[0]
                       : kind == SCR_BUILD_MINUTES ? ROLES[2]
                                                   : "agendas";
  char *path = path_in(workspace, target);
  scr_output out = {check_package, check_bytes, NULL, NULL, NULL};
  scr_build(kind, path, &opts, &out);
  spill(file, original[role], original_len[role]);
  free(path);
  free(file);
  return 0;
}
