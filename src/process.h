/*
 * Running another program (LibreOffice, pdfinfo): fork and exec, no shell,
 * in a process group of its own so that a time limit can stop it and
 * everything it started, and so that it all dies with us when we are
 * killed outright.
 */
#ifndef SCR_PROCESS_H
#define SCR_PROCESS_H

#include <stdbool.h>

/** How a run ended. */
typedef enum scr_run_status {
  SCR_RUN_OK,          /* exited with status 0 */
  SCR_RUN_FAILED,      /* exited with another status, or was killed */
  SCR_RUN_TIMEOUT,     /* over the time limit; its process group was killed */
  SCR_RUN_INTERRUPTED, /* we were asked to stop; its group was killed */
  SCR_RUN_NOT_STARTED  /* fork failed */
} scr_run_status;

/** Where the program's output goes and how long it may take. */
typedef struct scr_run_opts {
  const char *output; /* file for its stdout and stderr; NULL: /dev/null */
  const char *tmpdir; /* TMPDIR for the program, or NULL to keep ours */
  int timeout_s;      /* > 0 */
  /* When not NULL, a line "<progress>… N s" on stderr, from the first
     second on, updated each second and cleared at the end. */
  const char *progress;
  /* When not NULL, asked each time the program is looked at whether it
     has made progress (LibreOffice: one more PDF); the time limit then
     counts from the last progress, not from the start. */
  bool (*moved)(void *ctx);
  void *moved_ctx;
} scr_run_opts;

/**
 * Run the program at `path` with `argv` (argv[0] its name, NULL-ended) and
 * wait for it, at most opts->timeout_s seconds (from the last progress,
 * with opts->moved). SIGINT, SIGTERM and SIGHUP
 * received meanwhile stop the program too (SCR_RUN_INTERRUPTED). When the
 * program ends, whatever it started and left running is killed; when we
 * die during the run (even by SIGKILL), the program and all it started
 * are killed too. Linux only (PR_SET_PDEATHSIG).
 */
scr_run_status scr_run(const char *path, char *const argv[],
                       const scr_run_opts *opts);

/**
 * The first executable file called `name` in the folders of PATH, or NULL.
 * Caller frees.
 */
char *scr_which(const char *name);

/**
 * The pid in `tag`, a name's ending "<pid>-XXXXXX" (mkdtemp's or mkstemp's
 * six letters and digits) that tells which process made it; 0 when `tag`
 * is not one.
 */
long scr_pid_tag(const char *tag);

/** True when no process `pid` exists (one of another user's does). */
bool scr_process_gone(long pid);

/** Remove `dir` and everything in it; symbolic links are not followed. */
void scr_remove_tree(const char *dir);

#endif
