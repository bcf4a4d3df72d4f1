/*
 * LibreOffice's kept profile (office.h). A fresh profile makes LibreOffice
 * initialise it and restart itself, some tenths of a second of every run;
 * one kept in the user's cache folder is prepared once. It is keyed by
 * LibreOffice's version, locked while a run uses it (LibreOffice would hand
 * a second run's work to the first), made under a temporary name and put
 * in place only once a conversion with it has worked.
 */
#include "digest.h"
#include "office.h"
#include "process.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEPT_PREFIX "libreoffice-"
#define NEW_SUFFIX ".new-" /* + pid: a kept profile being made */
#define LOCK_SUFFIX ".lock"
#define VERSION_LIMIT (64u * 1024u)

char *scr_office_cache_folder(const char *xdg_cache, const char *home) {
  if (xdg_cache && xdg_cache[0] == '/')
    return scr_asprintf("%s/scrutineer", xdg_cache);
  if (home && home[0] == '/')
    return scr_asprintf("%s/.cache/scrutineer", home);
  return NULL;
}

/* What tells one LibreOffice from another: the real path of soffice, and
   its program folder's versionrc (its build), or when there is none (a
   wrapper script) the file's size and time. */
static void add_version(scr_digest *d, const char *real) {
  char *dir = scr_path_dirname(real);
  char *rc = dir ? scr_path_join(dir, "versionrc") : NULL;
  char *text = NULL;
  size_t len = 0;
  struct stat st;
  if (rc && scr_read_file(rc, VERSION_LIMIT, &text, &len) == SCR_OK) {
    scr_digest_add(d, "versionrc", text, len);
  } else if (stat(real, &st) == 0) {
    char stamp[64];
    snprintf(stamp, sizeof stamp, "%lld/%lld", (long long)st.st_size,
             (long long)st.st_mtime);
    scr_digest_add_str(d, "stamp", stamp);
  }
  free(text);
  free(rc);
  free(dir);
}

bool scr_office_version_key(const char *soffice, char *key, size_t n) {
  char *real = realpath(soffice, NULL);
  if (!real || n < SCR_OFFICE_KEY_LEN + 1) {
    free(real);
    return false;
  }
  scr_digest d;
  scr_digest_init(&d);
  scr_digest_add_str(&d, "soffice", real);
  add_version(&d, real);
  char hex[SCR_DIGEST_HEX];
  scr_digest_hex(&d, hex);
  snprintf(key, n, "%.*s", SCR_OFFICE_KEY_LEN, hex);
  free(real);
  return true;
}

/* The folder `path` and those above it, made as needed (~/.cache may not
   be there yet); false when it cannot be, or is not a folder. */
static bool make_folders(const char *path) {
  char *p = scr_strdup(path);
  bool ok = p != NULL;
  for (char *slash = p ? strchr(p + 1, '/') : NULL; ok && slash;
       slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    ok = mkdir(p, 0700) == 0 || errno == EEXIST;
    *slash = '/';
  }
  ok = ok && (mkdir(p, 0700) == 0 || errno == EEXIST);
  struct stat st;
  ok = ok && stat(p, &st) == 0 && S_ISDIR(st.st_mode) && access(p, W_OK) == 0;
  free(p);
  return ok;
}

/* Lock `path` (made if need be) for this run alone; -1 when another run
   holds it or it cannot be made. */
static int take_lock(const char *path) {
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
    close(fd);
    fd = -1;
  }
  return fd;
}

static bool our_folder(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == getuid();
}

static bool is_lock(const char *name) {
  size_t len = strlen(name), lock = strlen(LOCK_SUFFIX);
  return len > lock && strcmp(name + len - lock, LOCK_SUFFIX) == 0;
}

/* A lock of another version's whose profile is gone (its folder removed,
   or never made: a run that failed): removed, when no run holds it. */
static void remove_orphan_lock(const char *cache, const char *name,
                               const char *mine) {
  size_t len = strlen(name) - strlen(LOCK_SUFFIX);
  if (strncmp(name, KEPT_PREFIX, strlen(KEPT_PREFIX)) != 0 ||
      (strlen(mine) == len && strncmp(name, mine, len) == 0))
    return;
  char *lock = scr_path_join(cache, name);
  char *folder =
      lock ? scr_strndup(lock, strlen(lock) - strlen(LOCK_SUFFIX)) : NULL;
  struct stat st;
  int fd = folder && lstat(folder, &st) != 0 ? take_lock(lock) : -1;
  if (fd >= 0) {
    unlink(lock);
    close(fd);
  }
  free(folder);
  free(lock);
}

/* Whether `name`, an entry of the cache folder, is a kept profile or one
   being made, of another LibreOffice than `mine` ("libreoffice-KEY"), or
   one of ours left half-made by a run that is gone. */
static bool stale_entry(const char *name, const char *mine) {
  size_t prefix = strlen(KEPT_PREFIX);
  if (strncmp(name, KEPT_PREFIX, prefix) != 0 || is_lock(name))
    return false;
  size_t own = strlen(mine);
  if (strncmp(name, mine, own) != 0)
    return true; /* another version's */
  /* ours while making it: only when its maker is gone */
  return strncmp(name + own, NEW_SUFFIX, strlen(NEW_SUFFIX)) == 0 &&
         scr_process_gone(atol(name + own + strlen(NEW_SUFFIX)));
}

/* Remove what no run will use again: other versions' profiles (when no
   run holds them), and half-made ones of ours. */
static void remove_stale(const char *cache, const char *mine) {
  DIR *dir = opendir(cache);
  if (!dir)
    return;
  for (struct dirent *e; (e = readdir(dir));) {
    if (is_lock(e->d_name))
      remove_orphan_lock(cache, e->d_name, mine);
    if (!stale_entry(e->d_name, mine))
      continue;
    char *path = scr_path_join(cache, e->d_name);
    char *lock = path ? scr_asprintf("%s" LOCK_SUFFIX, path) : NULL;
    int fd = lock ? take_lock(lock) : -1;
    if (fd >= 0 && our_folder(path)) {
      scr_remove_tree(path);
      unlink(lock);
    }
    if (fd >= 0)
      close(fd);
    free(lock);
    free(path);
  }
  closedir(dir);
}

/* The kept profile `kept`, its lock taken, into `o`: the folder itself,
   or when there is none yet a new one beside it; false when another run
   holds it. */
static bool take_kept(scr_office *o, const char *kept) {
  char *lock = scr_asprintf("%s" LOCK_SUFFIX, kept);
  o->lock_fd = lock ? take_lock(lock) : -1;
  free(lock);
  if (o->lock_fd < 0)
    return false;
  o->kept = scr_strdup(kept);
  struct stat st;
  if (our_folder(kept)) {
    o->profile = scr_strdup(kept);
  } else {
    /* not there, or not a folder of ours: made anew, beside it */
    if (lstat(kept, &st) == 0) {
      if (S_ISDIR(st.st_mode))
        scr_remove_tree(kept);
      else
        unlink(kept);
    }
    o->profile = scr_asprintf("%s" NEW_SUFFIX "%ld", kept, (long)getpid());
    o->kept_new = true;
  }
  return o->kept && o->profile;
}

void scr_office_choose_profile(scr_office *o, const char *private_profile) {
  o->lock_fd = -1;
  char key[SCR_OFFICE_KEY_LEN + 1];
  char *cache =
      scr_office_cache_folder(getenv("XDG_CACHE_HOME"), getenv("HOME"));
  bool keyed = scr_office_version_key(o->soffice, key, sizeof key);
  char *mine = keyed ? scr_asprintf(KEPT_PREFIX "%s", key) : NULL;
  char *kept = cache && mine ? scr_path_join(cache, mine) : NULL;
  bool made = kept && make_folders(cache);
  if (made && take_kept(o, kept)) {
    remove_stale(cache, mine);
  } else {
    scr_office_drop_kept(o);
    o->profile = scr_strdup(private_profile);
  }
  free(kept);
  free(mine);
  free(cache);
}

void scr_office_keep_profile(scr_office *o) {
  if (!o->kept_new || !o->kept)
    return;
  if (rename(o->profile, o->kept) == 0) {
    free(o->profile);
    o->profile = scr_strdup(o->kept);
    o->kept_new = false;
  }
}

void scr_office_drop_kept(scr_office *o) {
  if (o->kept_new && o->profile)
    scr_remove_tree(o->profile);
  if (o->lock_fd >= 0)
    close(o->lock_fd);
  o->lock_fd = -1;
  free(o->kept);
  o->kept = NULL;
  o->kept_new = false;
  free(o->profile);
  o->profile = NULL;
}
