/* What the fuzzing harnesses share; see fuzz_common.h. */
#include "fuzz_common.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <sys/stat.h>

char *fuzz_path(const char *dir, const char *rel) {
  size_t n = strlen(dir) + strlen(rel) + 2;
  char *p = malloc(n);
  if (!p)
    abort();
  snprintf(p, n, "%s/%s", dir, rel);
  return p;
}

char *fuzz_slurp(const char *path, size_t *len) {
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

void fuzz_spill(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
    abort();
}

void fuzz_copy_tree(const char *from, const char *to) {
  DIR *d = opendir(from);
  if (!d || (mkdir(to, 0700) != 0))
    abort();
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    char *src = fuzz_path(from, e->d_name), *dst = fuzz_path(to, e->d_name);
    struct stat st;
    if (stat(src, &st) != 0)
      abort();
    if (S_ISDIR(st.st_mode)) {
      fuzz_copy_tree(src, dst);
    } else {
      size_t len;
      char *data = fuzz_slurp(src, &len);
      fuzz_spill(dst, data, len);
      free(data);
    }
    free(src);
    free(dst);
  }
  closedir(d);
}

void fuzz_remove_tree(const char *dir) {
  DIR *d = opendir(dir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d))) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
        continue;
      char *p = fuzz_path(dir, e->d_name);
      struct stat st;
      if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
        fuzz_remove_tree(p);
      else
        unlink(p);
      free(p);
    }
    closedir(d);
  }
  rmdir(dir);
}

char *fuzz_scratch(void) {
  const char *tmp = getenv("TMPDIR");
  char *templ = fuzz_path(tmp && *tmp ? tmp : "/tmp", "scr-fuzz-XXXXXX");
  if (!mkdtemp(templ))
    abort();
  return templ;
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

scr_error fuzz_check_package(void *ctx, const char *stem, const char *ext,
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

scr_error fuzz_check_bytes(void *ctx, const char *stem, const char *ext,
                           const char *data, size_t len) {
  (void)ctx, (void)stem, (void)ext;
  /* the CSV carries source text; it must hold no NUL */
  if (memchr(data, '\0', len))
    abort();
  return SCR_OK;
}
