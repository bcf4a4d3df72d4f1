/* Output files written as a set; see outset.h. */
#include "outset.h"
#include "process.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_MARK ".tmp-" /* PATH.tmp-<pid>-XXXXXX */

struct scr_staged {
  char *path; /* where the file goes */
  char *tmp;  /* where it is until then; NULL once renamed */
};

static scr_error fail(scr_outset *s, scr_error err) {
  if (!s->sys_errno && err == SCR_E_IO)
    s->sys_errno = errno ? errno : EIO;
  return err;
}

/* A new temporary beside `path`, open on *fd; caller frees *tmp. */
static scr_error temp_beside(const char *path, char **tmp, int *fd) {
  *tmp = scr_asprintf("%s" TEMP_MARK "%ld-XXXXXX", path, (long)getpid());
  if (!*tmp)
    return SCR_E_NOMEM;
  *fd = mkstemp(*tmp);
  if (*fd < 0) {
    free(*tmp);
    *tmp = NULL;
    return SCR_E_IO;
  }
  return SCR_OK;
}

/* Fill the open temporary and put its bytes on the disk. mkstemp makes it
   0600; published documents are world-readable, as the umask allows. */
static scr_error fill_temp(int fd, scr_fill_fn fill, void *ctx) {
  FILE *f = fdopen(fd, "wb");
  if (!f) {
    close(fd);
    return SCR_E_IO;
  }
  scr_error err = fill(ctx, f);
  if (!err && fflush(f) != 0)
    err = SCR_E_IO;
  mode_t mask = umask(0);
  umask(mask);
  if (!err && (fchmod(fd, 0666 & ~mask) != 0 || fdatasync(fd) != 0))
    err = SCR_E_IO;
  if (fclose(f) != 0 && !err)
    err = SCR_E_IO;
  return err;
}

scr_error scr_outset_add(scr_outset *s, const char *path, scr_fill_fn fill,
                         void *ctx) {
  scr_error err = scr_reserve(&s->files, &s->cap, s->n + 1, sizeof *s->files);
  char *dest = err ? NULL : scr_strdup(path);
  if (!err && !dest)
    err = SCR_E_NOMEM;
  char *tmp = NULL;
  int fd = -1;
  if (!err)
    err = temp_beside(path, &tmp, &fd);
  if (!err && (err = fill_temp(fd, fill, ctx)) != SCR_OK)
    unlink(tmp);
  if (err) {
    fail(s, err);
    free(tmp);
    free(dest);
    return err;
  }
  s->files[s->n++] = (scr_staged){dest, tmp};
  return SCR_OK;
}

typedef struct bytes {
  const void *data;
  size_t len;
} bytes;

static scr_error fill_bytes(void *ctx, FILE *f) {
  const bytes *b = ctx;
  return fwrite(b->data, 1, b->len, f) == b->len ? SCR_OK : SCR_E_IO;
}

scr_error scr_outset_add_bytes(scr_outset *s, const char *path,
                               const void *data, size_t len) {
  bytes b = {data, len};
  return scr_outset_add(s, path, fill_bytes, &b);
}

/* Flush the folder holding `path`, so the rename survives a power cut. */
static void sync_folder_of(const char *path) {
  char *dir = scr_path_dirname(path);
  int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  free(dir);
}

static bool same_folder(const char *a, const char *b) {
  const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
  size_t la = sa ? (size_t)(sa - a) : 0, lb = sb ? (size_t)(sb - b) : 0;
  return la == lb && memcmp(a, b, la) == 0;
}

scr_error scr_outset_commit(scr_outset *s) {
  for (size_t i = 0; i < s->n; i++) {
    scr_staged *f = &s->files[i];
    if (!f->tmp)
      continue;
    if (rename(f->tmp, f->path) != 0)
      return fail(s, SCR_E_IO); /* scr_outset_free removes the rest */
    free(f->tmp);
    f->tmp = NULL;
  }
  for (size_t i = 0; i < s->n; i++)
    if (i == 0 || !same_folder(s->files[i].path, s->files[i - 1].path))
      sync_folder_of(s->files[i].path);
  return SCR_OK;
}

size_t scr_outset_count(const scr_outset *s) {
  return s->n;
}

const char *scr_outset_path(const scr_outset *s, size_t i) {
  return s->files[i].path;
}

const char *scr_outset_failure(const scr_outset *s) {
  return s->sys_errno ? strerror(s->sys_errno) : NULL;
}

const char *scr_outset_reason(const scr_outset *s, scr_error err) {
  const char *why = err == SCR_E_IO ? scr_outset_failure(s) : NULL;
  return why ? why : scr_strerror(err);
}

void scr_outset_free(scr_outset *s) {
  for (size_t i = 0; i < s->n; i++) {
    if (s->files[i].tmp)
      unlink(s->files[i].tmp);
    free(s->files[i].tmp);
    free(s->files[i].path);
  }
  free(s->files);
  *s = (scr_outset)SCR_OUTSET_INIT;
}

scr_error scr_file_write_atomic(const char *path, const void *data,
                                size_t len) {
  scr_outset s = SCR_OUTSET_INIT;
  scr_error err = scr_outset_add_bytes(&s, path, data, len);
  if (!err)
    err = scr_outset_commit(&s);
  scr_outset_free(&s);
  return err;
}

/* ---- temporaries left behind -------------------------------------------- */

long scr_outset_owner(const char *name) {
  /* the last mark: a document's own name may hold one */
  const char *mark = NULL;
  for (const char *p = strstr(name, TEMP_MARK); p; p = strstr(p + 1, TEMP_MARK))
    mark = p;
  return mark && mark > name ? scr_pid_tag(mark + strlen(TEMP_MARK)) : 0;
}

/* Remove `name` from `dir` when it is a temporary a run now gone left
   behind: ours, a file. */
static void remove_if_left_behind(const char *dir, const char *name) {
  long owner = scr_outset_owner(name);
  if (!owner || owner == (long)getpid() || !scr_process_gone(owner))
    return;
  char *path = scr_path_join(dir, name);
  struct stat st;
  if (path && lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
      st.st_uid == getuid())
    unlink(path);
  free(path);
}

void scr_outset_remove_stale(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  for (struct dirent *e; (e = readdir(d));)
    remove_if_left_behind(dir, e->d_name);
  closedir(d);
}

scr_error scr_outset_folder(const char *dir) {
  if (mkdir(dir, 0777) != 0 && errno != EEXIST)
    return SCR_E_IO;
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return SCR_E_NOT_FILE;
  scr_outset_remove_stale(dir);
  return SCR_OK;
}
