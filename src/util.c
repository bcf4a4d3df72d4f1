/* Small shared helpers: buffers, strings, files. */
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static scr_error buf_reserve(scr_buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1)
    return SCR_E_NOMEM;
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return SCR_OK;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *data = realloc(b->data, cap);
  if (!data)
    return SCR_E_NOMEM;
  b->data = data;
  b->cap = cap;
  return SCR_OK;
}

scr_error scr_reserve(void *array, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return SCR_OK;
  if (size == 0 || need > SIZE_MAX / size)
    return SCR_E_NOMEM;
  size_t grown = *cap < 4 ? 4 : *cap;
  while (grown < need)
    grown = grown > SIZE_MAX / 2 ? need : grown * 2;
  /* Doubling may pass what fits in bytes while `need` itself does not. */
  if (grown > SIZE_MAX / size)
    grown = need;
  /* The caller's pointer has its own type: copy it rather than alias it
     through void **. */
  void *old;
  memcpy(&old, array, sizeof old);
  void *data = realloc(old, grown * size);
  if (!data)
    return SCR_E_NOMEM;
  memcpy(array, &data, sizeof data);
  *cap = grown;
  return SCR_OK;
}

scr_error scr_buf_append(scr_buf *b, const void *data, size_t len) {
  scr_error err = buf_reserve(b, len);
  if (err)
    return err;
  if (len)
    memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return SCR_OK;
}

scr_error scr_buf_puts(scr_buf *b, const char *s) {
  return scr_buf_append(b, s, strlen(s));
}

scr_error scr_buf_printf(scr_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return SCR_E_USAGE;
  scr_error err = buf_reserve(b, (size_t)n);
  if (err)
    return err;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return SCR_OK;
}

char *scr_buf_detach(scr_buf *b, size_t *len) {
  char *data = b->data;
  if (len)
    *len = b->len;
  if (!data)
    data = calloc(1, 1);
  b->data = NULL;
  b->len = b->cap = 0;
  return data;
}

void scr_buf_free(scr_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

char *scr_strdup(const char *s) {
  return s ? scr_strndup(s, strlen(s)) : NULL;
}

char *scr_strndup(const char *s, size_t n) {
  char *copy = malloc(n + 1);
  if (!copy)
    return NULL;
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

char *scr_asprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return NULL;
  char *s = malloc((size_t)n + 1);
  if (!s)
    return NULL;
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

/* Close `fd` on a failure, keeping the errno that says why. */
static scr_error close_failing(int fd, scr_error err) {
  int why = errno;
  close(fd);
  errno = why;
  return err;
}

scr_error scr_read_file(const char *path, size_t limit, char **data,
                        size_t *len) {
  *data = NULL;
  *len = 0;
  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return errno == ENXIO ? SCR_E_NOT_FILE : SCR_E_IO;
  struct stat st;
  if (fstat(fd, &st) != 0)
    return close_failing(fd, SCR_E_IO);
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    errno = S_ISDIR(st.st_mode) ? EISDIR : 0;
    return SCR_E_NOT_FILE;
  }
  int flags = fcntl(fd, F_GETFL);
  FILE *f = flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0
                ? fdopen(fd, "rb")
                : NULL;
  if (!f)
    return close_failing(fd, SCR_E_IO);
  if ((unsigned long long)st.st_size > limit) {
    fclose(f);
    return SCR_E_LIMIT;
  }
  scr_buf b = SCR_BUF_INIT;
  char chunk[65536];
  size_t n;
  scr_error err = SCR_OK;
  while (!err && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (b.len + n > limit)
      err = SCR_E_LIMIT;
    else
      err = scr_buf_append(&b, chunk, n);
  }
  int read_errno = errno;
  if (!err && ferror(f))
    err = SCR_E_IO;
  fclose(f);
  errno = read_errno;
  if (err) {
    scr_buf_free(&b);
    return err;
  }
  *data = scr_buf_detach(&b, len);
  return *data ? SCR_OK : SCR_E_NOMEM;
}

char *scr_path_dirname(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return scr_strdup(".");
  if (slash == path)
    return scr_strdup("/");
  return scr_strndup(path, (size_t)(slash - path));
}

bool scr_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool scr_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *scr_path_join(const char *a, const char *b) {
  if (b[0] == '/' || !a[0] || strcmp(a, ".") == 0)
    return scr_strdup(b);
  size_t la = strlen(a);
  return scr_asprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

char *scr_path_stem(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  return scr_strndup(base, n);
}

size_t scr_printable_ascii_prefix(const unsigned char *s, size_t n) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, sizeof w);
    /* a byte of 0x80 or more, or (the others below 0x80) one below 0x20 */
    if ((w & highs) || ((w - 0x20 * ones) & ~w & highs))
      break;
  }
  while (i < n && s[i] >= 0x20 && s[i] < 0x80)
    i++;
  return i;
}

size_t scr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned char c = s[0];
  size_t len;
  uint32_t v;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (n < len)
    return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  /* overlong forms, surrogates, beyond U+10FFFF */
  if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
      (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return len;
}

bool scr_url_is_external(const char *url) {
  for (const char *s = url; *s && *s != '/'; s++)
    if (*s == ':')
      return true;
  return false;
}

static bool is_hex(unsigned char c) {
  return isxdigit(c) != 0;
}

char *scr_uri_escape(const char *url, bool ascii) {
  static const char HEX[] = "0123456789ABCDEF";
  scr_buf b = SCR_BUF_INIT;
  scr_error err = SCR_OK;
  for (const unsigned char *p = (const unsigned char *)url; *p && !err; p++) {
    bool lone_percent = *p == '%' && !(is_hex(p[1]) && is_hex(p[2]));
    bool unsafe = *p <= 0x20 || *p == 0x7F || (ascii && *p > 0x7F) ||
                  strchr("\"<>\\^`{|}", *p) != NULL || lone_percent;
    if (!unsafe) {
      err = scr_buf_append(&b, p, 1);
      continue;
    }
    char enc[3] = {'%', HEX[*p >> 4], HEX[*p & 0xF]};
    err = scr_buf_append(&b, enc, sizeof enc);
  }
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

static bool same_letter(char x, char y) {
  return tolower((unsigned char)x) == tolower((unsigned char)y);
}

/* Optimal string alignment: a swap of two letters side by side ("Titel")
   is one edit, as it is one slip of the hand. */
size_t scr_edit_distance(const char *a, const char *b) {
  enum { WORD_MAX = 64 };
  size_t la = strlen(a), lb = strlen(b);
  if (la > WORD_MAX || lb > WORD_MAX)
    return SIZE_MAX;
  size_t two_up[WORD_MAX + 1], up[WORD_MAX + 1], row[WORD_MAX + 1];
  for (size_t j = 0; j <= lb; j++)
    up[j] = j;
  for (size_t i = 1; i <= la; i++) {
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t best = up[j - 1] + (same_letter(a[i - 1], b[j - 1]) ? 0 : 1);
      if (up[j] + 1 < best)
        best = up[j] + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
          same_letter(a[i - 2], b[j - 1]) && two_up[j - 2] + 1 < best)
        best = two_up[j - 2] + 1;
      row[j] = best;
    }
    memcpy(two_up, up, (lb + 1) * sizeof *up);
    memcpy(up, row, (lb + 1) * sizeof *row);
  }
  return up[lb];
}

const char *scr_closest_word(const char *word, const char *const *words) {
  const char *best = NULL;
  size_t best_d = SIZE_MAX, len = strlen(word);
  for (; words && *words; words++) {
    size_t d = scr_edit_distance(word, *words);
    if (d < best_d) {
      best_d = d;
      best = *words;
    }
  }
  return best && best_d <= 2 && best_d < len ? best : NULL;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

scr_error scr_list_files(const char *dir, bool (*accept)(const char *name),
                         size_t limit, char ***paths, size_t *n) {
  *paths = NULL;
  *n = 0;
  DIR *d = opendir(dir);
  if (!d)
    return SCR_OK;
  scr_error err = SCR_OK;
  size_t cap = 0;
  struct dirent *e;
  while (!err && *n < limit && (e = readdir(d))) {
    if (e->d_name[0] == '.' || !accept(e->d_name))
      continue;
    bool room = !scr_reserve(paths, &cap, *n + 1, sizeof **paths);
    char *path = room ? scr_path_join(dir, e->d_name) : NULL;
    if (!path)
      err = SCR_E_NOMEM;
    else
      (*paths)[(*n)++] = path;
  }
  closedir(d);
  if (*n)
    qsort(*paths, *n, sizeof **paths, by_name);
  return err;
}

void scr_free_list(char **list, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(list[i]);
  free(list);
}

const char *scr_errno_words(int sys_errno, char *buf, size_t size) {
  if (size == 0 || strerror_r(sys_errno, buf, size) != 0)
    return "unknown error";
  buf[0] = (char)tolower((unsigned char)buf[0]);
  return buf;
}

const char *scr_unreadable(scr_error err, int sys_errno, char *buf,
                           size_t size) {
  if (err == SCR_E_NOT_FILE)
    return sys_errno == EISDIR ? "is a folder, not a file"
                               : "not a regular file";
  char why[128];
  if (sys_errno == 0)
    return "cannot read the file";
  snprintf(buf, size, "cannot read the file: %s",
           scr_errno_words(sys_errno, why, sizeof why));
  return buf;
}
