/* Unit tests: running programs with a time limit, and LibreOffice's part
   of PDF output driven through fake soffice and pdfinfo scripts: the PDFs
   it makes checked, the folders of killed runs removed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "office.h"
#include "process.h"
#include "util.h"

#include "files_fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

static char *scratch(void) {
  return scratch_dir("test_office");
}

static void write_file_mode(const char *path, const char *text, mode_t mode) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
  assert_int_equal(chmod(path, mode), 0);
}

static char *read_text(const char *path) {
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(scr_read_file(path, 1 << 20, &data, &len), SCR_OK);
  return data;
}

static bool exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* stderr to /dev/null while a test provokes the sentences it prints. */
static int hush(void) {
  fflush(stderr);
  int saved = dup(STDERR_FILENO);
  int null = open("/dev/null", O_WRONLY);
  assert_true(saved >= 0 && null >= 0);
  dup2(null, STDERR_FILENO);
  close(null);
  return saved;
}

static void unhush(int saved) {
  fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
}

/* PATH with `dir` first, restored by restore_path. */
static char *saved_path;

static void path_first(const char *dir) {
  const char *old = getenv("PATH");
  saved_path = scr_strdup(old ? old : "/usr/bin:/bin");
  char *path = scr_asprintf("%s:%s", dir, saved_path);
  assert_non_null(path);
  setenv("PATH", path, 1);
  free(path);
}

static void restore_path(void) {
  setenv("PATH", saved_path, 1);
  free(saved_path);
  saved_path = NULL;
}

/* ---- pdfinfo's destinations ---------------------------------------------- */

static const char LISTING[] =
    "Page  Destination                 Name\n"
    "   5 [ XYZ   57  773 null      ] \"Appendix5FA\"\n"
    "  10 [ XYZ   57  773 null      ] \"Appendix5FB\"\r\n"
    "  52 [ XYZ   57  773 null      ] \"Appendix5FAA\"\n"
    "   7 [ XYZ   57  773 null      ] \"Kept_As_Is\"\n"
    "   9 [ Fit                     ] \"Appendix5FZ-later\"";

static void test_dest_pages(void **state) {
  (void)state;
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "Appendix_A"), 5);
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "Appendix_B"), 10);
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "Appendix_AA"), 52);
  /* a later reader may print the name as the document spells it */
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "Kept_As_Is"), 7);
  /* a name is matched whole, never as a prefix or suffix */
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "Appendix_C"), 0);
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "Appendix"), 0);
  assert_int_equal(scr_pdfinfo_dest_page(LISTING, "FA"), 0);
  assert_int_equal(scr_pdfinfo_dest_page("", "Appendix_A"), 0);
  assert_int_equal(scr_pdfinfo_dest_page("\"Appendix5FA\"\n", "Appendix_A"), 0);
}

/* ---- checking PDFs ------------------------------------------------------- */

/* The smallest frame of a PDF: header, a cross-reference table at 9,
   startxref and %%EOF. */
#define FRAME_PDF                                                              \
  "%PDF-1.6\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\n"         \
  "startxref\n9\n%%EOF\n"

static const char *fault_of(const char *pdf) {
  return scr_pdf_fault(pdf, strlen(pdf));
}

static void test_pdf_frame(void **state) {
  (void)state;
  assert_null(fault_of(FRAME_PDF));
  /* CR LF, and white space after %%EOF */
  assert_null(fault_of("%PDF-1.7\r\nxref\r\n0 1\r\ntrailer\r\n<<>>\r\n"
                       "startxref\r\n10\r\n%%EOF\r\n\r\n "));
  /* a cross-reference stream, as PDF 1.5 and later may write */
  assert_null(fault_of("%PDF-1.6\n7 0 obj\n<< /Type /XRef >>\nendobj\n"
                       "startxref\n9\n%%EOF"));
  /* a PDF cut short at every byte is refused */
  size_t whole = strlen(FRAME_PDF);
  for (size_t len = 0; len < whole - 1; len++)
    assert_non_null(scr_pdf_fault(FRAME_PDF, len));
}

static void test_pdf_frame_faults(void **state) {
  (void)state;
  assert_string_equal(fault_of(""), "it does not begin with %PDF-");
  assert_string_equal(fault_of("garbage\n"), "it does not begin with %PDF-");
  assert_string_equal(fault_of("%PDF-1.6\n1 0 obj\n<<>>\nendobj\n"),
                      "it does not end with %%EOF (it may be cut short)");
  assert_string_equal(fault_of("%PDF-1.6\nxref\n%%EOF\n"),
                      "it has no startxref before its %%EOF");
  assert_string_equal(fault_of("%PDF-1.6\nxref\nstartxref\n%%EOF\n"),
                      "it has no startxref before its %%EOF");
  assert_string_equal(fault_of("%PDF-1.6\nxref\nstartxref9\n%%EOF\n"),
                      "it has no startxref before its %%EOF");
  assert_string_equal(
      fault_of("%PDF-1.6\nxref\nstartxref\n99999999999999999999\n%%EOF\n"),
      "it has no startxref before its %%EOF");
  static const char *const ASTRAY[] = {
      "%PDF-1.6\nxref\nstartxref\n400\n%%EOF\n", /* past the end */
      "%PDF-1.6\nxref\nstartxref\n12\n%%EOF\n",  /* at startxref itself */
      "%PDF-1.6\nxref\nstartxref\n2\n%%EOF\n",   /* inside the header */
      "%PDF-1.6\n7 0 R\nstartxref\n9\n%%EOF\n",  /* a reference, no obj */
  };
  for (size_t i = 0; i < sizeof ASTRAY / sizeof *ASTRAY; i++)
    assert_string_equal(
        fault_of(ASTRAY[i]),
        "its startxref does not point at a cross-reference section");
}

static void test_pdfinfo_output(void **state) {
  (void)state;
  static const char INFO[] = "Title:           Pack\n"
                             "Pages:           52\n"
                             "Encrypted:       no\n";
  assert_int_equal(scr_pdfinfo_page_count(INFO), 52);
  assert_int_equal(scr_pdfinfo_page_count("Pages: 0\r\n"), 0);
  assert_int_equal(scr_pdfinfo_page_count("Title: Pages: 3\n"), -1);
  assert_int_equal(scr_pdfinfo_page_count("Pages: many\n"), -1);
  assert_int_equal(scr_pdfinfo_page_count("Pages: 3 or so\n"), -1);
  assert_int_equal(scr_pdfinfo_page_count(""), -1);
  size_t n = 0;
  assert_null(scr_pdfinfo_error(INFO, &n));
  /* a warning is no error: poppler read the file as it is */
  assert_null(scr_pdfinfo_error("Syntax Warning: May not be a PDF\n", &n));
  static const char BROKEN[] = "Syntax Warning: odd\n"
                               "Internal Error: xref num 12 not found\r\n"
                               "Syntax Error: Couldn't read xref table\n"
                               "Pages: 3\n";
  const char *line = scr_pdfinfo_error(BROKEN, &n);
  assert_non_null(line);
  assert_int_equal(n, strlen("Internal Error: xref num 12 not found"));
  assert_int_equal(strncmp(line, "Internal Error: xref", 20), 0);
}

static void test_work_folder_names(void **state) {
  (void)state;
  assert_int_equal(scr_office_work_owner("scrutineer-4242-a1B2c3"), 4242);
  assert_int_equal(scr_office_work_owner("scrutineer-1-XXXXXX"), 1);
  static const char *const NOT_OURS[] = {"scrutineer-4242-a1B2c",
                                         "scrutineer-4242-a1B2c3d",
                                         "scrutineer-04242-a1B2c3",
                                         "scrutineer--4242-a1B2c3",
                                         "scrutineer- 4242-a1B2c3",
                                         "scrutineer-+4242-a1B2c3",
                                         "scrutineer-a1B2c3",
                                         "scrutineer-4242a-a1B2c3",
                                         "scrutineer-4242-a1.2c3",
                                         "scrutineer-99999999999-a1B2c3",
                                         "Scrutineer-4242-a1B2c3",
                                         "other-4242-a1B2c3",
                                         "scrutineer-",
                                         ""};
  for (size_t i = 0; i < sizeof NOT_OURS / sizeof *NOT_OURS; i++)
    assert_int_equal(scr_office_work_owner(NOT_OURS[i]), 0);
}

static void test_file_url(void **state) {
  (void)state;
  char *url = scr_file_url("/tmp/a b/\xc3\xa9t\xc3\xa9#1");
  assert_string_equal(url, "file:///tmp/a%20b/%C3%A9t%C3%A9%231");
  free(url);
}

static void test_timeout_values(void **state) {
  (void)state;
  assert_int_equal(scr_office_timeout(NULL), SCR_OFFICE_TIMEOUT_DEFAULT);
  assert_int_equal(scr_office_timeout(""), SCR_OFFICE_TIMEOUT_DEFAULT);
  assert_int_equal(scr_office_timeout("30"), 30);
  assert_int_equal(scr_office_timeout("86400"), 86400);
  assert_int_equal(scr_office_timeout("0"), 0);
  assert_int_equal(scr_office_timeout("-5"), 0);
  assert_int_equal(scr_office_timeout("12s"), 0);
  assert_int_equal(scr_office_timeout("86401"), 0);
}

static void test_pdf_filter(void **state) {
  (void)state;
  const char *f = scr_office_pdf_filter();
  const char *prefix = "pdf:writer_pdf_Export:{";
  assert_int_equal(strncmp(f, prefix, strlen(prefix)), 0);
  static const char *const WANT[] = {
      "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"}",
      "\"PDFUACompliance\":{\"type\":\"boolean\",\"value\":\"true\"}",
      "\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"}",
      ("\"ExportBookmarksToPDFDestination\":{\"type\":\"boolean\","
       "\"value\":\"true\"}"),
  };
  for (size_t i = 0; i < sizeof WANT / sizeof *WANT; i++)
    assert_non_null(strstr(f, WANT[i]));
  assert_string_equal(f + strlen(f) - 2, "}}");
}

/* ---- the kept profile --------------------------------------------------- */

static void test_cache_folder_is_xdg_then_home(void **state) {
  (void)state;
  char *a = scr_office_cache_folder("/x/cache", "/home/u");
  char *b = scr_office_cache_folder(NULL, "/home/u");
  char *c = scr_office_cache_folder("relative", "/home/u");
  char *d = scr_office_cache_folder("", "relative");
  assert_string_equal(a, "/x/cache/scrutineer");
  assert_string_equal(b, "/home/u/.cache/scrutineer");
  assert_string_equal(c, "/home/u/.cache/scrutineer");
  assert_null(d);
  free(a);
  free(b);
  free(c);
  free(d);
}

/* The key follows the program folder's versionrc: another build, another
   key; the same, the same. */
static void test_version_key_follows_versionrc(void **state) {
  (void)state;
  char *dir = scratch();
  char *prog = path_in(dir, "soffice");
  char *rc = path_in(dir, "versionrc");
  FILE *f = fopen(prog, "w");
  fputs("#!/bin/sh\n", f);
  fclose(f);
  f = fopen(rc, "w");
  fputs("[Version]\nbuildid=1\n", f);
  fclose(f);
  char k1[SCR_OFFICE_KEY_LEN + 1], k2[SCR_OFFICE_KEY_LEN + 1],
      k3[SCR_OFFICE_KEY_LEN + 1];
  assert_true(scr_office_version_key(prog, k1, sizeof k1));
  assert_true(scr_office_version_key(prog, k2, sizeof k2));
  assert_string_equal(k1, k2);
  assert_int_equal(strlen(k1), SCR_OFFICE_KEY_LEN);
  f = fopen(rc, "w");
  fputs("[Version]\nbuildid=2\n", f);
  fclose(f);
  assert_true(scr_office_version_key(prog, k3, sizeof k3));
  assert_string_not_equal(k1, k3);
  assert_false(scr_office_version_key("/no/such/soffice", k3, sizeof k3));
  unlink(rc);
  unlink(prog);
  rmdir(dir);
  free(rc);
  free(prog);
  free(dir);
}

/* ---- running programs ---------------------------------------------------- */

static scr_run_status run_sh(const char *script, const char *output,
                             const char *tmpdir, int timeout_s) {
  char *argv[] = {"sh", "-c", (char *)script, NULL};
  scr_run_opts o = {.output = output, .tmpdir = tmpdir, .timeout_s = timeout_s};
  return scr_run("/bin/sh", argv, &o);
}

static void test_run_statuses_and_output(void **state) {
  (void)state;
  char *dir = scratch();
  char *out = path_in(dir, "out.txt");
  assert_int_equal(run_sh("exit 0", NULL, NULL, 10), SCR_RUN_OK);
  assert_int_equal(run_sh("exit 3", NULL, NULL, 10), SCR_RUN_FAILED);
  assert_int_equal(run_sh("kill -9 $$", NULL, NULL, 10), SCR_RUN_FAILED);
  assert_int_equal(
      run_sh("echo said; echo complained >&2; echo \"$TMPDIR\"; read x || "
             "echo no input",
             out, dir, 10),
      SCR_RUN_OK);
  char *text = read_text(out);
  char *want = scr_asprintf("said\ncomplained\n%s\nno input\n", dir);
  assert_string_equal(text, want);
  free(want);
  free(text);
  unlink(out);
  rmdir(dir);
  free(out);
  free(dir);
}

/* Gone, or a zombie waiting for its new parent to reap it. */
static bool dead(pid_t pid) {
  char stat_path[64];
  snprintf(stat_path, sizeof stat_path, "/proc/%d/stat", (int)pid);
  for (int tries = 0; tries < 40; tries++) {
    FILE *f = fopen(stat_path, "r");
    if (!f)
      return true;
    char state = '?';
    int n = fscanf(f, "%*d (%*[^)]) %c", &state);
    fclose(f);
    if (n == 1 && (state == 'Z' || state == 'X'))
      return true;
    struct timespec pause = {0, 50000000L};
    nanosleep(&pause, NULL);
  }
  return false;
}

/* The time limit stops the child and what it started (as soffice starts
   soffice.bin), and quickly. */
static void test_timeout_kills_the_group(void **state) {
  (void)state;
  char *dir = scratch();
  char *pidfile = path_in(dir, "grandchild.pid");
  char *script =
      scr_asprintf("sleep 30 & echo $! > '%s'; sleep 30; wait", pidfile);
  double start = now_s();
  assert_int_equal(run_sh(script, NULL, NULL, 1), SCR_RUN_TIMEOUT);
  double took = now_s() - start;
  assert_true(took >= 1.0 && took < 10.0);
  char *text = read_text(pidfile);
  pid_t grandchild = (pid_t)atoi(text);
  assert_true(grandchild > 0);
  assert_true(dead(grandchild));
  free(text);
  free(script);
  unlink(pidfile);
  rmdir(dir);
  free(pidfile);
  free(dir);
}

/* The pid in `path`, written by a script; waits for it to appear. */
static pid_t read_pid(const char *path) {
  for (int tries = 0; tries < 200 && !exists(path); tries++) {
    struct timespec pause = {0, 25000000L};
    nanosleep(&pause, NULL);
  }
  struct timespec settle = {0, 25000000L}; /* the line written whole */
  nanosleep(&settle, NULL);
  char *text = read_text(path);
  pid_t pid = (pid_t)atoi(text);
  free(text);
  assert_true(pid > 0);
  return pid;
}

/* What a program leaves running when it ends is stopped with the run. */
static void test_leftovers_are_stopped(void **state) {
  (void)state;
  char *dir = scratch();
  char *pidfile = path_in(dir, "left.pid");
  char *script = scr_asprintf("sleep 30 & echo $! > '%s'; exit 0", pidfile);
  double start = now_s();
  assert_int_equal(run_sh(script, NULL, NULL, 10), SCR_RUN_OK);
  assert_true(now_s() - start < 5.0);
  assert_true(dead(read_pid(pidfile)));
  free(script);
  unlink(pidfile);
  rmdir(dir);
  free(pidfile);
  free(dir);
}

/* We are killed outright while the program runs (as soffice.bin runs
   under oosplash, a grandchild under a child): both die with us. */
static void test_killed_runner_takes_the_program(void **state) {
  (void)state;
  char *dir = scratch();
  char *child_file = path_in(dir, "child.pid");
  char *grandchild_file = path_in(dir, "grandchild.pid");
  char *script = scr_asprintf("sleep 30 & echo $! > '%s'; echo $$ > '%s'; wait",
                              grandchild_file, child_file);
  pid_t runner = fork();
  assert_true(runner >= 0);
  if (runner == 0) {
    run_sh(script, NULL, NULL, 60);
    _exit(0);
  }
  pid_t child = read_pid(child_file);
  pid_t grandchild = read_pid(grandchild_file);
  assert_int_equal(kill(runner, SIGKILL), 0);
  assert_int_equal(waitpid(runner, NULL, 0), runner);
  assert_true(dead(child));
  assert_true(dead(grandchild));
  free(script);
  unlink(child_file);
  unlink(grandchild_file);
  rmdir(dir);
  free(child_file);
  free(grandchild_file);
  free(dir);
}

static void test_which(void **state) {
  (void)state;
  char *sh = scr_which("sh");
  assert_non_null(sh);
  assert_string_equal(sh + strlen(sh) - 3, "/sh");
  free(sh);
  assert_null(scr_which("no-such-program-anywhere"));
  char *dir = scratch();
  char *plain = path_in(dir, "notrunnable");
  write_file_mode(plain, "#!/bin/sh\n", 0644);
  path_first(dir);
  assert_null(scr_which("notrunnable"));
  restore_path();
  unlink(plain);
  rmdir(dir);
  free(plain);
  free(dir);
}

static void test_remove_tree(void **state) {
  (void)state;
  char *dir = scratch();
  char *sub = path_in(dir, "a");
  char *file = path_in(dir, "a/b.txt");
  char *link = path_in(dir, "a/outside");
  assert_int_equal(mkdir(sub, 0700), 0);
  write_file_mode(file, "x", 0600);
  /* a link out of the tree is removed, not followed */
  assert_int_equal(symlink("/etc", link), 0);
  scr_remove_tree(dir);
  assert_false(exists(dir));
  assert_true(exists("/etc/hostname") || exists("/etc/passwd"));
  free(sub);
  free(file);
  free(link);
  free(dir);
}

/* ---- LibreOffice, faked -------------------------------------------------- */

/* A fake soffice that records its arguments beside itself and writes a
   PDF, a copy of the file "pdf" beside itself, into --outdir for each
   input. */
static const char FAKE_SOFFICE[] =
    "#!/bin/sh\n"
    "here=$(dirname \"$0\")\n"
    "for a in \"$@\"; do echo \"$a\"; done > \"$here/args\"\n"
    "while [ $# -gt 0 ]; do\n"
    "  case $1 in\n"
    "    --outdir) out=$2; shift ;;\n"
    "    *.odt|*.docx) f=$(basename \"$1\"); cat \"$here/pdf\" > "
    "\"$out/${f%.*}.pdf\" ;;\n"
    "  esac\n"
    "  shift\n"
    "done\n";

/* A fake pdfinfo: the information (the page count in the file "pages"
   beside it) or the destinations. */
static const char FAKE_PDFINFO[] =
    "#!/bin/sh\n"
    "if [ \"$1\" != -dests ]; then\n"
    "  echo 'Title:           Pack'\n"
    "  echo \"Pages:           $(cat \"$(dirname \"$0\")/pages\")\"\n"
    "  exit 0\n"
    "fi\n"
    "echo 'Page  Destination                 Name'\n"
    "echo '   5 [ XYZ   57  773 null      ] \"Appendix5FA\"'\n"
    "echo '  12 [ XYZ   57  773 null      ] \"Appendix5FB\"'\n";

typedef struct fake {
  char *dir, *soffice, *pdfinfo;
} fake;

/* Write `text` into the file `name` in the fake's folder. */
static void fake_put(const fake *f, const char *name, const char *text) {
  char *path = path_in(f->dir, name);
  write_file_mode(path, text, 0644);
  free(path);
}

/* The fake's PDF is the frame of one, its pdfinfo counts 20 pages. */
static fake fake_office(const char *soffice_script, const char *pdfinfo) {
  fake f = {scratch(), NULL, NULL};
  f.soffice = path_in(f.dir, "soffice");
  write_file_mode(f.soffice, soffice_script, 0755);
  if (pdfinfo) {
    f.pdfinfo = path_in(f.dir, "pdfinfo");
    write_file_mode(f.pdfinfo, pdfinfo, 0755);
  }
  fake_put(&f, "pdf", FRAME_PDF);
  fake_put(&f, "pages", "20");
  path_first(f.dir);
  /* no cache folder (under a file): a private profile, and the user's
     own cache is not touched */
  setenv("XDG_CACHE_HOME", "/dev/null/cache", 1);
  return f;
}

static void fake_free(fake *f) {
  restore_path();
  scr_remove_tree(f->dir);
  free(f->dir);
  free(f->soffice);
  free(f->pdfinfo);
}

/* Put empty inputs where the build would stage its documents. */
static void stage(const scr_office *o, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *p = scr_office_input(o, names[i]);
    write_file_mode(p, "", 0600);
    free(p);
  }
}

static void test_convert_and_read_pages(void **state) {
  (void)state;
  fake f = fake_office(FAKE_SOFFICE, FAKE_PDFINFO);
  scr_office o;
  assert_int_equal(scr_office_open(&o, false), SCR_OK);
  assert_string_equal(o.soffice, f.soffice);
  assert_string_equal(o.pdfinfo, f.pdfinfo);
  const char *names[] = {"docx.docx", "odt.odt"};
  stage(&o, names, 2);
  assert_int_equal(scr_office_convert(&o, names, 2), SCR_OK);

  /* headless, private profile, tagged PDF filter, into the work folder */
  char *args_path = path_in(f.dir, "args");
  char *args = read_text(args_path);
  char *profile =
      scr_asprintf("-env:UserInstallation=file://%s/profile\n", o.work);
  char *filter = scr_asprintf("\n%s\n", scr_office_pdf_filter());
  assert_non_null(strstr(args, profile));
  assert_non_null(strstr(args, "\n--headless\n--norestore\n--nolockcheck\n"));
  assert_non_null(strstr(args, filter));
  free(profile);
  free(filter);
  free(args);
  free(args_path);

  char *pdf = scr_office_pdf(&o, "odt.odt");
  assert_true(exists(pdf));
  const char *bookmarks[] = {"Appendix_A", "Appendix_B"};
  int pages[2] = {0, 0};
  bool exact = false;
  assert_int_equal(scr_office_pages(&o, pdf, bookmarks, 2, pages, &exact),
                   SCR_OK);
  assert_true(exact);
  assert_int_equal(pages[0], 5);
  assert_int_equal(pages[1], 12);

  /* a bookmark LibreOffice did not export: the estimate stays */
  const char *missing[] = {"Appendix_A", "Appendix_C"};
  int kept[2] = {3, 9};
  int saved = hush();
  assert_int_equal(scr_office_pages(&o, pdf, missing, 2, kept, &exact), SCR_OK);
  unhush(saved);
  assert_false(exact);
  assert_int_equal(kept[0], 3);
  assert_int_equal(kept[1], 9);
  free(pdf);

  char *work = scr_strdup(o.work);
  scr_office_close(&o);
  assert_false(exists(work));
  free(work);
  fake_free(&f);
}

/* A layout that puts a bookmark after the PDF's last page is not the
   PDF's: an error, the pages untouched. */
static void test_bookmark_after_the_last_page(void **state) {
  (void)state;
  fake f = fake_office(FAKE_SOFFICE, FAKE_PDFINFO);
  fake_put(&f, "pages", "11"); /* Appendix_B is on page 12 */
  scr_office o;
  assert_int_equal(scr_office_open(&o, false), SCR_OK);
  const char *names[] = {"odt.odt"};
  stage(&o, names, 1);
  assert_int_equal(scr_office_convert(&o, names, 1), SCR_OK);
  char *pdf = scr_office_pdf(&o, "odt.odt");
  const char *bookmarks[] = {"Appendix_A", "Appendix_B"};
  int pages[2] = {3, 9};
  bool exact = true;
  int saved = hush();
  assert_int_equal(scr_office_pages(&o, pdf, bookmarks, 2, pages, &exact),
                   SCR_E_OFFICE);
  unhush(saved);
  assert_false(exact);
  assert_int_equal(pages[0], 3);
  assert_int_equal(pages[1], 9);
  free(pdf);
  scr_office_close(&o);
  fake_free(&f);
}

/* Convert odt.odt with the fake on PATH (or, without pdfinfo, as if none
   were installed), stderr hushed; the work folder must go either way. */
static scr_error convert_odt(bool with_pdfinfo) {
  scr_office o;
  assert_int_equal(scr_office_open(&o, false), SCR_OK);
  if (!with_pdfinfo) {
    free(o.pdfinfo);
    o.pdfinfo = NULL;
  }
  const char *names[] = {"odt.odt"};
  stage(&o, names, 1);
  int saved = hush();
  scr_error err = scr_office_convert(&o, names, 1);
  unhush(saved);
  char *work = scr_strdup(o.work);
  scr_office_close(&o);
  assert_false(exists(work));
  free(work);
  return err;
}

/* A PDF that is not one, or is cut short, is refused, with or without
   pdfinfo; so is one poppler reports an error in, or finds no page in. */
static void test_broken_pdfs_are_refused(void **state) {
  (void)state;
  fake f = fake_office(FAKE_SOFFICE, FAKE_PDFINFO);
  assert_int_equal(convert_odt(true), SCR_OK);
  assert_int_equal(convert_odt(false), SCR_OK);
  static const char *const BROKEN[] = {
      "garbage\n",
      "%PDF-1.6\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
      ("%PDF-1.6\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\n"
       "startxref\n9\n%%EO"),
  };
  for (size_t i = 0; i < sizeof BROKEN / sizeof *BROKEN; i++) {
    fake_put(&f, "pdf", BROKEN[i]);
    assert_int_equal(convert_odt(true), SCR_E_OFFICE);
    assert_int_equal(convert_odt(false), SCR_E_OFFICE);
  }
  fake_put(&f, "pdf", FRAME_PDF);
  fake_put(&f, "pages", "0");
  assert_int_equal(convert_odt(true), SCR_E_OFFICE);
  fake_free(&f);

  /* pdfinfo that repairs the file and says so, or fails */
  static const char *const POPPLER[] = {
      ("#!/bin/sh\necho 'Syntax Error: Couldn'\\''t read xref table'\n"
       "echo 'Pages:           3'\n"),
      "#!/bin/sh\necho 'Pages:           3'\nexit 1\n",
      "#!/bin/sh\necho 'Title:           no count'\n",
  };
  for (size_t i = 0; i < sizeof POPPLER / sizeof *POPPLER; i++) {
    fake g = fake_office(FAKE_SOFFICE, POPPLER[i]);
    assert_int_equal(convert_odt(true), SCR_E_OFFICE);
    fake_free(&g);
  }
}

/* A folder named as a run's, in `tmp`; its path. Caller frees. */
static char *work_folder(const char *tmp, long pid, const char *random) {
  char *path = scr_asprintf("%s/scrutineer-%ld-%s", tmp, pid, random);
  assert_non_null(path);
  assert_int_equal(mkdir(path, 0700), 0);
  char *inner = path_in(path, "profile");
  assert_int_equal(mkdir(inner, 0700), 0);
  free(inner);
  return path;
}

/* The pid of a process that has ended (and been reaped). */
static long gone_pid(void) {
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(0);
  assert_int_equal(waitpid(pid, NULL, 0), pid);
  return (long)pid;
}

/* Opening removes the folders of runs that are gone, and only those. */
static void test_abandoned_folders_are_removed(void **state) {
  (void)state;
  fake f = fake_office(FAKE_SOFFICE, FAKE_PDFINFO);
  char *tmp = scratch();
  long gone = gone_pid();
  char *abandoned = work_folder(tmp, gone, "aB3dE6");
  char *living = work_folder(tmp, (long)getppid(), "aB3dE6");
  char *mine = work_folder(tmp, (long)getpid(), "aB3dE6");
  char *misnamed = work_folder(tmp, gone, "aB3dE");
  char *file = scr_asprintf("%s/scrutineer-%ld-fIlE99", tmp, gone);
  write_file_mode(file, "not a folder", 0600);
  char *link = scr_asprintf("%s/scrutineer-%ld-lInK99", tmp, gone);
  assert_int_equal(symlink(misnamed, link), 0);
  char *theirs = NULL;
  if (geteuid() == 0) { /* another user's: never ours to remove */
    theirs = work_folder(tmp, gone, "tHeIrS");
    assert_int_equal(chown(theirs, 65534, 65534), 0);
  }
  setenv("TMPDIR", tmp, 1);
  scr_office o;
  scr_error err = scr_office_open(&o, false);
  unsetenv("TMPDIR");
  assert_int_equal(err, SCR_OK);
  /* our own folder is named so that the next run can tell */
  char *prefix = scr_asprintf("scrutineer-%ld-", (long)getpid());
  const char *base = strrchr(o.work, '/') + 1;
  assert_int_equal(strncmp(base, prefix, strlen(prefix)), 0);
  assert_int_equal(scr_office_work_owner(base), (long)getpid());
  free(prefix);
  assert_false(exists(abandoned));
  assert_true(exists(living));
  assert_true(exists(mine));
  assert_true(exists(misnamed));
  assert_true(exists(file));
  struct stat st;
  assert_int_equal(lstat(link, &st), 0);
  assert_true(!theirs || exists(theirs));
  scr_office_close(&o);
  scr_remove_tree(tmp);
  char *paths[] = {tmp, abandoned, living, mine, misnamed, file, link, theirs};
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
    free(paths[i]);
  fake_free(&f);
}

/* Without pdfinfo the pages cannot be read: not exact, but no failure. */
static void test_pages_without_pdfinfo(void **state) {
  (void)state;
  fake f = fake_office(FAKE_SOFFICE, NULL);
  scr_office o;
  assert_int_equal(scr_office_open(&o, false), SCR_OK);
  free(o.pdfinfo); /* whatever the machine has, pretend it has none */
  o.pdfinfo = NULL;
  const char *bookmarks[] = {"Appendix_A"};
  int pages[1] = {4};
  bool exact = true;
  int saved = hush();
  assert_int_equal(
      scr_office_pages(&o, "/nonexistent.pdf", bookmarks, 1, pages, &exact),
      SCR_OK);
  unhush(saved);
  assert_false(exact);
  assert_int_equal(pages[0], 4);
  scr_office_close(&o);
  fake_free(&f);
}

static void test_slow_soffice_is_stopped(void **state) {
  (void)state;
  fake f = fake_office("#!/bin/sh\nsleep 30 &\nsleep 30\n", NULL);
  setenv(SCR_OFFICE_TIMEOUT_ENV, "1", 1);
  scr_office o;
  scr_error open_err = scr_office_open(&o, false);
  unsetenv(SCR_OFFICE_TIMEOUT_ENV);
  assert_int_equal(open_err, SCR_OK);
  const char *names[] = {"odt.odt"};
  stage(&o, names, 1);
  double start = now_s();
  int saved = hush();
  scr_error err = scr_office_convert(&o, names, 1);
  unhush(saved);
  assert_int_equal(err, SCR_E_OFFICE);
  assert_true(now_s() - start < 10.0);
  char *work = scr_strdup(o.work);
  scr_office_close(&o);
  assert_false(exists(work));
  free(work);
  fake_free(&f);
}

static void test_soffice_that_makes_nothing(void **state) {
  (void)state;
  fake f = fake_office("#!/bin/sh\necho 'Error: source file could not be "
                       "loaded'\nexit 0\n",
                       NULL);
  scr_office o;
  assert_int_equal(scr_office_open(&o, false), SCR_OK);
  const char *names[] = {"odt.odt"};
  stage(&o, names, 1);
  int saved = hush();
  assert_int_equal(scr_office_convert(&o, names, 1), SCR_E_OFFICE);
  unhush(saved);
  scr_office_close(&o);
  fake_free(&f);
}

static void test_no_libreoffice(void **state) {
  (void)state;
  char *empty = scratch();
  const char *old = getenv("PATH");
  char *keep = scr_strdup(old);
  setenv("PATH", empty, 1);
  scr_office o;
  int saved = hush();
  scr_error err = scr_office_open(&o, false);
  unhush(saved);
  setenv("PATH", keep, 1);
  assert_int_equal(err, SCR_E_OFFICE);
  assert_null(o.work);
  scr_office_close(&o);
  rmdir(empty);
  free(empty);
  free(keep);
}

static void test_bad_time_limit(void **state) {
  (void)state;
  setenv(SCR_OFFICE_TIMEOUT_ENV, "soon", 1);
  scr_office o;
  int saved = hush();
  scr_error err = scr_office_open(&o, false);
  unhush(saved);
  unsetenv(SCR_OFFICE_TIMEOUT_ENV);
  assert_int_equal(err, SCR_E_OFFICE);
  scr_office_close(&o);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dest_pages),
      cmocka_unit_test(test_pdf_frame),
      cmocka_unit_test(test_pdf_frame_faults),
      cmocka_unit_test(test_pdfinfo_output),
      cmocka_unit_test(test_work_folder_names),
      cmocka_unit_test(test_file_url),
      cmocka_unit_test(test_timeout_values),
      cmocka_unit_test(test_pdf_filter),
      cmocka_unit_test(test_cache_folder_is_xdg_then_home),
      cmocka_unit_test(test_version_key_follows_versionrc),
      cmocka_unit_test(test_run_statuses_and_output),
      cmocka_unit_test(test_timeout_kills_the_group),
      cmocka_unit_test(test_leftovers_are_stopped),
      cmocka_unit_test(test_killed_runner_takes_the_program),
      cmocka_unit_test(test_which),
      cmocka_unit_test(test_remove_tree),
      cmocka_unit_test(test_convert_and_read_pages),
      cmocka_unit_test(test_bookmark_after_the_last_page),
      cmocka_unit_test(test_broken_pdfs_are_refused),
      cmocka_unit_test(test_abandoned_folders_are_removed),
      cmocka_unit_test(test_pages_without_pdfinfo),
      cmocka_unit_test(test_slow_soffice_is_stopped),
      cmocka_unit_test(test_soffice_that_makes_nothing),
      cmocka_unit_test(test_no_libreoffice),
      cmocka_unit_test(test_bad_time_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
