/*
 * Fuzzing harness for the workspace scan: the input lays odd entries over a
 * fresh copy of the small committee (folders where files belong, FIFOs,
 * links that dangle, loop or point at devices and /proc files, files that
 * vanish), then one command runs on it. No command may hang (libFuzzer's
 * timeout catches a blocking open), crash or leak; whatever it builds must
 * have well-formed parts.
 *
 * Input layout: byte 0 chooses the command (check, pack, minutes, tracker,
 * site); the rest is records, each a header line and the file's text:
 *
 *   @@ file agendas/2026-09-08.md
 *   ---
 *   committee: ...
 *   @@ fifo minutes/2026-06-17.md
 *   @@ link agendas/2026-06-17/report.md -> /dev/zero
 *   @@ dir agendas/2026-06-17.md
 *   @@ rm agendas/committee.md
 *
 * Paths are relative to the workspace and may not climb out of it; a
 * link's target may be anything.
 */
#include "fuzz_common.h"

#include <errno.h>
#include <sys/stat.h>

static char *scratch, *workspace, *site_dir;
static FILE *devnull;

static void teardown(void) {
  fuzz_remove_tree(scratch);
  free(scratch);
  free(workspace);
  free(site_dir);
  if (devnull)
    fclose(devnull);
}

static void setup(void) {
  scratch = fuzz_scratch();
  workspace = fuzz_path(scratch, "ws");
  site_dir = fuzz_path(scratch, "site");
  atexit(teardown);
  devnull = fopen("/dev/null", "w");
  if (!devnull)
    abort();
}

/* A relative path that stays inside the workspace, with nothing odd. */
static bool path_is_inside(const char *rel) {
  if (!*rel || *rel == '/' || strlen(rel) > 200)
    return false;
  for (const char *p = rel; *p; p++)
    if ((unsigned char)*p < 0x20)
      return false;
  for (const char *c = rel; c; c = strchr(c, '/')) {
    if (*c == '/')
      c++;
    if (strncmp(c, "..", 2) == 0 && (c[2] == '/' || c[2] == '\0'))
      return false;
  }
  return true;
}

/*
 * Make every folder above `path`, inside the workspace. False when one of
 * them is something else (a file, or a link that could lead out of the
 * scratch folder): the record is then not applied.
 */
static bool make_parents(char *path) {
  for (char *s = strchr(path + strlen(workspace) + 1, '/'); s;
       s = strchr(s + 1, '/')) {
    *s = '\0';
    struct stat st;
    bool ok =
        lstat(path, &st) == 0 ? S_ISDIR(st.st_mode) : mkdir(path, 0700) == 0;
    *s = '/';
    if (!ok)
      return false;
  }
  return true;
}

/* Remove whatever is at `path`, a folder with all it holds. */
static void remove_entry(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0)
    return;
  if (S_ISDIR(st.st_mode))
    fuzz_remove_tree(path);
  else
    unlink(path);
}

/* Apply one record: `head` is "KIND PATH[ -> TARGET]", `body` its text. */
static void apply(char *head, const char *body, size_t body_len) {
  char *sp = strchr(head, ' ');
  if (!sp)
    return;
  *sp = '\0';
  const char *kind = head;
  char *rel = sp + 1, *target = NULL;
  char *arrow = strstr(rel, " -> ");
  if (arrow) {
    *arrow = '\0';
    target = arrow + 4;
  }
  if (!path_is_inside(rel))
    return;
  char *path = fuzz_path(workspace, rel);
  if (!make_parents(path)) {
    free(path);
    return;
  }
  remove_entry(path);
  if (strcmp(kind, "file") == 0) {
    FILE *f = fopen(path, "wb");
    if (f) {
      fwrite(body, 1, body_len, f);
      fclose(f);
    }
  } else if (strcmp(kind, "dir") == 0) {
    mkdir(path, 0700);
  } else if (strcmp(kind, "fifo") == 0) {
    mkfifo(path, 0600);
  } else if (strcmp(kind, "link") == 0 && target) {
    if (symlink(target, path) != 0)
      (void)0; /* a link that cannot be made is simply absent */
  } else if (strcmp(kind, "loop") == 0) {
    const char *base = strrchr(rel, '/');
    if (symlink(base ? base + 1 : rel, path) != 0)
      (void)0;
  }
  free(path);
}

/* Read the records of `data` and lay them over the workspace. */
static void lay_out(const char *data, size_t size) {
  static const char mark[] = "@@ ";
  const char *end = data + size, *p = data;
  if (size < 3 || memcmp(p, mark, 3) != 0) {
    const char *hit = memmem(p, size, "\n@@ ", 4);
    p = hit ? hit + 1 : NULL;
  }
  while (p) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *body = nl ? nl + 1 : end;
    const char *hit =
        nl ? memmem(body, (size_t)(end - body), "\n@@ ", 4) : NULL;
    const char *body_end = hit ? hit + 1 : end;
    size_t head_len = (size_t)((nl ? nl : end) - (p + 3));
    char head[512];
    if (head_len < sizeof head && !memchr(p + 3, '\0', head_len)) {
      memcpy(head, p + 3, head_len);
      head[head_len] = '\0';
      apply(head, body, (size_t)(body_end - body));
    }
    p = hit ? hit + 1 : NULL;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!scratch)
    setup();
  if (size < 1)
    return 0;
  fuzz_remove_tree(workspace);
  fuzz_copy_tree(FUZZ_WORKSPACE, workspace);
  lay_out((const char *)data + 1, size - 1);

  scr_options opts = {0};
  opts.formats = SCR_FORMAT_DOCX;
  opts.diagnostics = devnull;
  opts.quiet = true;
  opts.today = "2026-06-17";
  opts.out_dir = site_dir;
  scr_output out = {
      fuzz_check_package, fuzz_check_bytes, NULL, NULL, NULL, NULL};
  char *agenda = fuzz_path(workspace, "agendas/2026-06-17.md");
  char *minutes = fuzz_path(workspace, "minutes/2026-04-14.md");
  switch (data[0] % 5) {
  case 0: {
    scr_session s;
    scr_session_open(&s, workspace, &opts);
    scr_session_close(&s);
    break;
  }
  case 1:
    scr_build(SCR_BUILD_PACK, agenda, &opts, &out);
    break;
  case 2:
    scr_build(SCR_BUILD_MINUTES, minutes, &opts, &out);
    break;
  case 3:
    scr_build(SCR_BUILD_TRACKER, workspace, &opts, &out);
    break;
  default:
    scr_build_site(workspace, &opts);
    fuzz_remove_tree(site_dir);
    break;
  }
  free(agenda);
  free(minutes);
  return 0;
}
