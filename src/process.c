/*
 * Child processes with a time limit. The program runs in a process group of
 * its own: LibreOffice's soffice is a script that starts oosplash, which
 * starts soffice.bin, and a time limit must stop all three. A Ctrl-C at the
 * terminal reaches only our group, so we catch it while we wait and stop the
 * program's group ourselves.
 *
 * If we die without that chance (kill -9, a crash), the group must still go:
 * our direct child is a guard of our own code, the group's leader, which
 * the kernel tells of our death (PR_SET_PDEATHSIG) and which then kills the
 * group. A death signal set on the program alone would reach oosplash but
 * not soffice.bin, oosplash's child; the group holds them all.
 *
 *   scrutineer ── guard (leads group G) ── soffice ── soffice.bin   (all G)
 */
#define _XOPEN_SOURCE 700 /* nftw, waitid */
#include "process.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How often the child is looked at: at first every millisecond, then less
   often, up to every 50 ms, so that a short run (pdfinfo: a few ms) is not
   kept waiting a whole long interval. */
#define POLL_FIRST_NS 1000000L
#define POLL_MAX_NS 50000000L
#define PROGRESS_AFTER_S 1     /* quick runs show no progress line */
#define EXEC_FAILED_STATUS 127 /* as a shell reports "command not found" */
#define OPEN_FILES_FOR_NFTW 16
#define SIGNALLED_STATUS 128 /* + the signal, as a shell reports it */
/* What the kernel sends the guard when we die; also what stops it. */
#define GUARD_STOP_SIGNAL SIGTERM

static volatile sig_atomic_t stop_requested;

static void request_stop(int sig) {
  (void)sig;
  stop_requested = 1;
}

/* The signals we handle while a child runs: the stop signals, and SIGCHLD,
   which must not be ignored (children would be reaped before we wait). */
static const int RUN_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP, SIGCHLD};
#define N_RUN_SIGNALS (sizeof RUN_SIGNALS / sizeof *RUN_SIGNALS)

/* Catch the stop signals, keeping the old actions in `old`. A stop signal
   we were started ignoring (nohup) stays ignored. */
static void catch_run_signals(struct sigaction old[N_RUN_SIGNALS]) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  stop_requested = 0;
  for (size_t i = 0; i < N_RUN_SIGNALS; i++) {
    int sig = RUN_SIGNALS[i];
    sigaction(sig, NULL, &old[i]);
    if (sig != SIGCHLD && old[i].sa_handler == SIG_IGN)
      continue;
    sa.sa_handler = sig == SIGCHLD ? SIG_DFL : request_stop;
    sigaction(sig, &sa, NULL);
  }
}

static void restore_run_signals(const struct sigaction old[N_RUN_SIGNALS]) {
  for (size_t i = 0; i < N_RUN_SIGNALS; i++)
    sigaction(RUN_SIGNALS[i], &old[i], NULL);
}

/* In the program's process: output redirected, then the program. It
   inherits the guard's group. Caught signals return to their defaults
   across exec; the mask does not, so it is restored first. */
static void exec_program(const char *path, char *const argv[],
                         const scr_run_opts *o, const sigset_t *mask) {
  /* should the guard itself be killed, the program goes with it */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  sigprocmask(SIG_SETMASK, mask, NULL);
  int in = open("/dev/null", O_RDONLY);
  int out = open(o->output ? o->output : "/dev/null",
                 O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (in < 0 || out < 0 || dup2(in, STDIN_FILENO) < 0 ||
      dup2(out, STDOUT_FILENO) < 0 || dup2(out, STDERR_FILENO) < 0)
    _exit(EXEC_FAILED_STATUS);
  if (o->tmpdir)
    setenv("TMPDIR", o->tmpdir, 1);
  execv(path, argv);
  _exit(EXEC_FAILED_STATUS);
}

/* The guard's exit status: the program's, as a shell would report it. */
static int status_code(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? SIGNALLED_STATUS + WTERMSIG(status)
                             : EXEC_FAILED_STATUS;
}

/*
 * In the guard: lead a new group, start the program in it, and wait for
 * either the program's end (exit with its status; scr_run stops whatever
 * it left behind) or our parent's death, told by GUARD_STOP_SIGNAL (kill
 * the group, the guard with it). The kernel sends the death signal when
 * the thread that forked the guard ends: that thread waits in scr_run
 * until the guard has ended, so it ends first only when we die. Only
 * async-signal-safe calls here, as after any fork. Never returns.
 */
static void guard(const char *path, char *const argv[], const scr_run_opts *o,
                  pid_t parent) {
  setpgid(0, 0);
  sigset_t wanted, old;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGCHLD);
  sigaddset(&wanted, GUARD_STOP_SIGNAL);
  sigprocmask(SIG_BLOCK, &wanted, &old);
  prctl(PR_SET_PDEATHSIG, GUARD_STOP_SIGNAL);
  if (getppid() != parent) /* died before the line above: nothing to stop */
    _exit(EXEC_FAILED_STATUS);
  pid_t program = fork();
  if (program == 0)
    exec_program(path, argv, o, &old);
  if (program < 0)
    _exit(EXEC_FAILED_STATUS);
  for (;;) {
    int sig = sigwaitinfo(&wanted, NULL);
    if (sig == GUARD_STOP_SIGNAL)
      kill(0, SIGKILL);
    int status;
    if (sig == SIGCHLD && waitpid(program, &status, WNOHANG) == program)
      _exit(status_code(status));
  }
}

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) +
         (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The progress line, rewritten in place; returns its width for clearing. */
static int show_progress(const char *label, int seconds) {
  int n = fprintf(stderr, "\r%s\u2026 %d s", label, seconds);
  fflush(stderr);
  return n > 0 ? n : 0;
}

static void clear_progress(int width) {
  if (width > 0) {
    fprintf(stderr, "\r%*s\r", width, "");
    fflush(stderr);
  }
}

/* Kill the guard's whole group, then reap the guard. The guard is reaped
   only after the kill, so that its pid, the group's id, cannot have been
   given to another process meanwhile. */
static int kill_group(pid_t pid) {
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  return status;
}

typedef enum { GUARD_RUNNING, GUARD_ENDED, GUARD_LOST } guard_state;

/* Whether the guard has ended, looked at without reaping it. LOST: it
   cannot be waited for (someone else reaped it). */
static guard_state look_at_guard(pid_t pid) {
  siginfo_t info;
  memset(&info, 0, sizeof info);
  if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) < 0)
    return errno == EINTR ? GUARD_RUNNING : GUARD_LOST;
  return info.si_pid == pid ? GUARD_ENDED : GUARD_RUNNING;
}

static scr_run_status exit_status(int status) {
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? SCR_RUN_OK
                                                       : SCR_RUN_FAILED;
}

/* Wait for the child, showing progress, until it ends or must be stopped:
   the time limit counts from the start, or from the last progress the
   caller's hook saw. */
static scr_run_status wait_child(pid_t pid, const scr_run_opts *o) {
  struct timespec start, since;
  clock_gettime(CLOCK_MONOTONIC, &start);
  since = start;
  long poll_ns = POLL_FIRST_NS;
  int width = 0, shown = 0;
  for (;;) {
    guard_state state = look_at_guard(pid);
    if (state != GUARD_RUNNING) {
      clear_progress(width);
      /* nothing the program started may outlive the run */
      return state == GUARD_ENDED ? exit_status(kill_group(pid))
                                  : SCR_RUN_FAILED;
    }
    if (o->moved && o->moved(o->moved_ctx))
      clock_gettime(CLOCK_MONOTONIC, &since);
    double elapsed = seconds_since(&start);
    if (stop_requested || seconds_since(&since) >= o->timeout_s) {
      kill_group(pid);
      clear_progress(width);
      return stop_requested ? SCR_RUN_INTERRUPTED : SCR_RUN_TIMEOUT;
    }
    if (o->progress && (int)elapsed >= PROGRESS_AFTER_S &&
        (int)elapsed != shown) {
      shown = (int)elapsed;
      width = show_progress(o->progress, shown);
    }
    const struct timespec poll = {0, poll_ns};
    nanosleep(&poll, NULL);
    poll_ns = poll_ns * 2 > POLL_MAX_NS ? POLL_MAX_NS : poll_ns * 2;
  }
}

scr_run_status scr_run(const char *path, char *const argv[],
                       const scr_run_opts *opts) {
  struct sigaction old[N_RUN_SIGNALS];
  catch_run_signals(old);
  fflush(NULL); /* the child must not inherit our unwritten output */
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0)
    guard(path, argv, opts, parent);
  scr_run_status st = SCR_RUN_NOT_STARTED;
  if (pid > 0) {
    setpgid(pid, pid); /* also here, so kill(-pid) works from the start */
    st = wait_child(pid, opts);
  }
  restore_run_signals(old);
  return st;
}

static bool is_executable_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

char *scr_which(const char *name) {
  if (strchr(name, '/'))
    return is_executable_file(name) ? scr_strdup(name) : NULL;
  const char *path = getenv("PATH");
  if (!path)
    path = "/usr/local/bin:/usr/bin:/bin";
  while (*path) {
    size_t n = strcspn(path, ":");
    /* an empty entry means the current folder */
    char *candidate = n ? scr_asprintf("%.*s/%s", (int)n, path, name)
                        : scr_asprintf("./%s", name);
    if (candidate && is_executable_file(candidate))
      return candidate;
    free(candidate);
    path += n + (path[n] == ':');
  }
  return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  remove(path);
  return 0; /* remove what can be removed, whatever fails */
}

void scr_remove_tree(const char *dir) {
  if (dir)
    nftw(dir, remove_entry, OPEN_FILES_FOR_NFTW, FTW_DEPTH | FTW_PHYS);
}

#define TAG_RANDOM 6 /* mkstemp's XXXXXX */

static bool tag_letter(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

long scr_pid_tag(const char *tag) {
  if (*tag < '1' || *tag > '9') /* no sign, space or leading 0 */
    return 0;
  char *end;
  errno = 0;
  long pid = strtol(tag, &end, 10);
  if (errno || pid > INT_MAX || *end != '-' || strlen(end + 1) != TAG_RANDOM)
    return 0;
  for (const char *c = end + 1; *c; c++)
    if (!tag_letter((unsigned char)*c))
      return 0;
  return pid;
}

/* kill(pid, 0) fails with ESRCH only when no such process exists; EPERM
   is a live process of another user. */
bool scr_process_gone(long pid) {
  return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}
