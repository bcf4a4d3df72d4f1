/* Unit tests: output sets replace all of their files or none, and the
   temporaries of runs that are gone are told from the others. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "outset.h"
#include "process.h"
#include "util.h"

#include "files_fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *scratch(void) {
  return scratch_dir("test_outset");
}

static void put(const char *dir, const char *name, const char *text) {
  char *p = path_in(dir, name);
  assert_int_equal(scr_file_write_atomic(p, text, strlen(text)), SCR_OK);
  free(p);
}

/* The last good run's documents. */
static void put_old_set(const char *dir) {
  put(dir, "a.docx", "old docx");
  put(dir, "a.odt", "old odt");
}

/* The file's text, or "" when it does not exist. Caller frees. */
static char *text_of(const char *dir, const char *name) {
  char *p = path_in(dir, name), *data = NULL;
  size_t len = 0;
  if (scr_read_file(p, 1 << 20, &data, &len) != SCR_OK)
    data = scr_strdup("");
  free(p);
  assert_non_null(data);
  return data;
}

static size_t entries(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

static void assert_text(const char *dir, const char *name, const char *want) {
  char *got = text_of(dir, name);
  assert_string_equal(got, want);
  free(got);
}

static scr_error fill_then_fail(void *ctx, FILE *f) {
  (void)ctx;
  fputs("half a document", f);
  return SCR_E_ZIP;
}

static void test_nothing_is_replaced_before_commit(void **state) {
  (void)state;
  char *dir = scratch();
  put_old_set(dir);
  scr_outset set = SCR_OUTSET_INIT;
  char *docx = path_in(dir, "a.docx"), *odt = path_in(dir, "a.odt");
  assert_int_equal(scr_outset_add_bytes(&set, docx, "new docx", 8), SCR_OK);
  assert_text(dir, "a.docx", "old docx");
  assert_int_equal(entries(dir), 3); /* the old two and one temporary */
  assert_int_equal(scr_outset_add_bytes(&set, odt, "new odt", 7), SCR_OK);
  assert_int_equal(scr_outset_commit(&set), SCR_OK);
  assert_int_equal(scr_outset_count(&set), 2);
  assert_string_equal(scr_outset_path(&set, 1), odt);
  scr_outset_free(&set);
  assert_text(dir, "a.docx", "new docx");
  assert_text(dir, "a.odt", "new odt");
  assert_int_equal(entries(dir), 2);
  free(docx);
  free(odt);
  scr_remove_tree(dir);
  free(dir);
}

static void test_a_failed_file_abandons_the_set(void **state) {
  (void)state;
  char *dir = scratch();
  put_old_set(dir);
  scr_outset set = SCR_OUTSET_INIT;
  char *docx = path_in(dir, "a.docx"), *odt = path_in(dir, "a.odt");
  assert_int_equal(scr_outset_add_bytes(&set, docx, "new docx", 8), SCR_OK);
  assert_int_equal(scr_outset_add(&set, odt, fill_then_fail, NULL), SCR_E_ZIP);
  assert_null(scr_outset_failure(&set)); /* not the system's failure */
  scr_outset_free(&set);                 /* without committing */
  assert_text(dir, "a.docx", "old docx");
  assert_text(dir, "a.odt", "old odt");
  assert_int_equal(entries(dir), 2);
  free(docx);
  free(odt);
  scr_remove_tree(dir);
  free(dir);
}

static void test_a_folder_that_cannot_hold_it_says_why(void **state) {
  (void)state;
  scr_outset set = SCR_OUTSET_INIT;
  assert_int_equal(
      scr_outset_add_bytes(&set, "/nonexistent-folder/a.docx", "x", 1),
      SCR_E_IO);
  assert_non_null(scr_outset_failure(&set));
  assert_string_equal(scr_outset_failure(&set), "No such file or directory");
  assert_string_equal(scr_outset_reason(&set, SCR_E_IO),
                      "No such file or directory");
  assert_string_equal(scr_outset_reason(&set, SCR_E_ZIP),
                      scr_strerror(SCR_E_ZIP));
  scr_outset_free(&set);
}

static void test_documents_are_as_readable_as_the_umask_allows(void **state) {
  (void)state;
  char *dir = scratch();
  mode_t old = umask(022);
  put(dir, "a.pdf", "%PDF-");
  umask(old);
  char *p = path_in(dir, "a.pdf");
  struct stat st;
  assert_int_equal(stat(p, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0644);
  free(p);
  scr_remove_tree(dir);
  free(dir);
}

static void test_owner_of_a_temporary_name(void **state) {
  (void)state;
  assert_int_equal(scr_outset_owner("a.docx.tmp-4242-a1B2c3"), 4242);
  /* the last mark counts: a document's own name may hold one */
  assert_int_equal(scr_outset_owner("x.tmp-9-abcdef.docx.tmp-17-Zz0Zz0"), 17);
  static const char *const NOT_OURS[] = {
      "a.docx",
      "a.docx.tmp-abcdef", /* an earlier naming, no owner */
      "a.docx.tmp-42-abcde",
      "a.docx.tmp-42-abcdefg",
      "a.docx.tmp-042-abcdef",
      "a.docx.tmp--42-abcdef",
      "a.docx.tmp-42-abc.ef",
      ".tmp-42-abcdef", /* nothing before the mark */
      "a.docx.tmp-99999999999999999999-abcdef",
  };
  for (size_t i = 0; i < sizeof NOT_OURS / sizeof *NOT_OURS; i++)
    assert_int_equal(scr_outset_owner(NOT_OURS[i]), 0);
}

/* A pid no process has: one that has just been reaped. */
static long gone_pid(void) {
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(0);
  waitpid(pid, NULL, 0);
  return (long)pid;
}

static void test_stale_temporaries_are_removed(void **state) {
  (void)state;
  char *dir = scratch();
  long gone = gone_pid();
  char *dead = scr_asprintf("a.docx.tmp-%ld-Ab12Cd", gone);
  char *live = scr_asprintf("a.docx.tmp-%ld-Ab12Cd", (long)getppid());
  char *mine = scr_asprintf("a.odt.tmp-%ld-Ab12Cd", (long)getpid());
  put(dir, dead, "");
  put(dir, live, "");
  put(dir, mine, "");
  put(dir, "a.docx", "a document");
  assert_true(scr_process_gone(gone));
  assert_false(scr_process_gone((long)getpid()));
  assert_int_equal(scr_outset_folder(dir), SCR_OK);
  assert_int_equal(entries(dir), 3);
  char *gone_text = text_of(dir, dead);
  assert_string_equal(gone_text, ""); /* gone */
  free(gone_text);
  assert_text(dir, "a.docx", "a document");
  free(dead);
  free(live);
  free(mine);
  scr_remove_tree(dir);
  free(dir);
}

static void test_output_folder_that_is_a_file(void **state) {
  (void)state;
  char *dir = scratch();
  put(dir, "out", "not a folder");
  char *out = path_in(dir, "out");
  assert_int_equal(scr_outset_folder(out), SCR_E_NOT_FILE);
  char *made = path_in(dir, "made");
  assert_int_equal(scr_outset_folder(made), SCR_OK);
  struct stat st;
  assert_int_equal(stat(made, &st), 0);
  assert_true(S_ISDIR(st.st_mode));
  free(out);
  free(made);
  scr_remove_tree(dir);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_nothing_is_replaced_before_commit),
      cmocka_unit_test(test_a_failed_file_abandons_the_set),
      cmocka_unit_test(test_a_folder_that_cannot_hold_it_says_why),
      cmocka_unit_test(test_documents_are_as_readable_as_the_umask_allows),
      cmocka_unit_test(test_owner_of_a_temporary_name),
      cmocka_unit_test(test_stale_temporaries_are_removed),
      cmocka_unit_test(test_output_folder_that_is_a_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
