/* What the fuzzing harnesses share; see fuzz_common.h. */
#include "fuzz_common.h"

#include <zip.h>

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

/* The next "=== name\n" header after `p`, at a line's start, or NULL. */
static const char *next_header(const char *p, const char *end) {
  static const char mark[] = "\n=== ";
  const char *hit = memmem(p, (size_t)(end - p), mark, sizeof mark - 1);
  return hit ? hit + 1 : NULL;
}

void fuzz_zip_parts(const char *path, const char *data, size_t size,
                    bool stored) {
  int zerr;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  if (!z)
    abort();
  const char *end = data + size;
  const char *h =
      size >= 4 && memcmp(data, "=== ", 4) == 0 ? data : next_header(data, end);
  while (h) {
    const char *name = h + 4;
    const char *nl = memchr(name, '\n', (size_t)(end - name));
    const char *body = nl ? nl + 1 : end;
    const char *next = nl ? next_header(body, end) : NULL;
    const char *body_end = next ? next : end;
    char part[256];
    size_t n = (size_t)((nl ? nl : end) - name);
    if (n > 0 && n < sizeof part) {
      memcpy(part, name, n);
      part[n] = '\0';
      zip_source_t *src =
          zip_source_buffer(z, body, (zip_uint64_t)(body_end - body), 0);
      if (!src)
        abort();
      zip_int64_t idx =
          zip_file_add(z, part, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
      if (idx < 0)
        zip_source_free(src);
      else
        zip_set_file_compression(z, (zip_uint64_t)idx,
                                 stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    h = next;
  }
  if (zip_close(z) != 0)
    zip_discard(z);
}
