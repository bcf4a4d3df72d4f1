/* Unit tests: running programs with a time limit, and LibreOffice's part
   of PDF output driven through fake soffice and pdfinfo scripts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "office.h"
#include "process.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

/* A scratch folder for one test; removed by the test. Caller frees. */
static char *scratch(void) {
  char *dir = scr_strdup("/tmp/test_office.XXXXXX");
  assert_non_null(dir);
  assert_non_null(mkdtemp(dir));
  return dir;
}

static char *path_in(const char *dir, const char *name) {
  char *p = scr_asprintf("%s/%s", dir, name);
  assert_non_null(p);
  return p;
}

static void write_file(const char *path, const char *text, mode_t mode) {
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

/* ---- running programs ---------------------------------------------------- */

static scr_run_status run_sh(const char *script, const char *output,
                             const char *tmpdir, int timeout_s) {
  char *argv[] = {"sh", "-c", (char *)script, NULL};
  scr_run_opts o = {output, tmpdir, timeout_s, NULL};
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

static void test_which(void **state) {
  (void)state;
  char *sh = scr_which("sh");
  assert_non_null(sh);
  assert_string_equal(sh + strlen(sh) - 3, "/sh");
  free(sh);
  assert_null(scr_which("no-such-program-anywhere"));
  char *dir = scratch();
  char *plain = path_in(dir, "notrunnable");
  write_file(plain, "#!/bin/sh\n", 0644);
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
  write_file(file, "x", 0600);
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
   PDF into --outdir for each input. */
static const char FAKE_SOFFICE[] =
    "#!/bin/sh\n"
    "here=$(dirname \"$0\")\n"
    "for a in \"$@\"; do echo \"$a\"; done > \"$here/args\"\n"
    "while [ $# -gt 0 ]; do\n"
    "  case $1 in\n"
    "    --outdir) out=$2; shift ;;\n"
    "    *.odt|*.docx) f=$(basename \"$1\"); echo '%PDF-1.6 fake' > "
    "\"$out/${f%.*}.pdf\" ;;\n"
    "  esac\n"
    "  shift\n"
    "done\n";

static const char FAKE_PDFINFO[] =
    "#!/bin/sh\n"
    "[ \"$1\" = -dests ] || exit 1\n"
    "echo 'Page  Destination                 Name'\n"
    "echo '   5 [ XYZ   57  773 null      ] \"Appendix5FA\"'\n"
    "echo '  12 [ XYZ   57  773 null      ] \"Appendix5FB\"'\n";

typedef struct fake {
  char *dir, *soffice, *pdfinfo;
} fake;

static fake fake_office(const char *soffice_script, const char *pdfinfo) {
  fake f = {scratch(), NULL, NULL};
  f.soffice = path_in(f.dir, "soffice");
  write_file(f.soffice, soffice_script, 0755);
  if (pdfinfo) {
    f.pdfinfo = path_in(f.dir, "pdfinfo");
    write_file(f.pdfinfo, pdfinfo, 0755);
  }
  path_first(f.dir);
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
    write_file(p, "", 0600);
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
      cmocka_unit_test(test_file_url),
      cmocka_unit_test(test_timeout_values),
      cmocka_unit_test(test_pdf_filter),
      cmocka_unit_test(test_run_statuses_and_output),
      cmocka_unit_test(test_timeout_kills_the_group),
      cmocka_unit_test(test_which),
      cmocka_unit_test(test_remove_tree),
      cmocka_unit_test(test_convert_and_read_pages),
      cmocka_unit_test(test_pages_without_pdfinfo),
      cmocka_unit_test(test_slow_soffice_is_stopped),
      cmocka_unit_test(test_soffice_that_makes_nothing),
      cmocka_unit_test(test_no_libreoffice),
      cmocka_unit_test(test_bad_time_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
