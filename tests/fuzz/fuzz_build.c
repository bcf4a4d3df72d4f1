/*
 * Fuzzing harness: the input replaces one source file of a small committee
 * workspace, and a pack, minutes or tracker is built in memory by both
 * writers. Every XML part produced must be well-formed; any crash, leak,
 * sanitizer report or malformed part is a finding.
 *
 * Input layout: byte 0 chooses the file the rest replaces (agenda, report,
 * minutes, work programme, committee), byte 1 the document, its formats
 * and, for a pack, public, private or supplement,
 * byte 2 the tracker's "as of" date. Built with libFuzzer, or with
 * replay.c as a plain program that runs saved inputs (the regression
 * corpus in `make test`).
 */
#include "fuzz_common.h"

/* The files an input can replace, relative to the workspace. */
static const char *const ROLES[] = {
    "agendas/2026-06-17.md", "agendas/2026-06-17/report.md",
    "minutes/2026-04-14.md", "agendas/workprogramme.md",
    "agendas/committee.md",
};
#define N_ROLES (sizeof ROLES / sizeof *ROLES)

static const char *const TODAY[] = {NULL, "2026-04-01", "2026-06-17",
                                    "2026-09-09", "2027-01-01"};
#define N_TODAY (sizeof TODAY / sizeof *TODAY)

static char *workspace;         /* the private copy, made once */
static char *original[N_ROLES]; /* each role's original text */
static size_t original_len[N_ROLES];
static FILE *devnull;

static char *scratch; /* the folder holding the workspace copy */

static void teardown(void) {
  fuzz_remove_tree(scratch);
  free(scratch);
  free(workspace);
  for (size_t i = 0; i < N_ROLES; i++)
    free(original[i]);
  if (devnull)
    fclose(devnull);
}

static void setup(void) {
  scratch = fuzz_scratch();
  workspace = fuzz_path(scratch, "ws");
  atexit(teardown);
  fuzz_copy_tree(FUZZ_WORKSPACE, workspace);
  for (size_t i = 0; i < N_ROLES; i++) {
    char *p = fuzz_path(workspace, ROLES[i]);
    original[i] = fuzz_slurp(p, &original_len[i]);
    free(p);
  }
  devnull = fopen("/dev/null", "w");
  if (!devnull)
    abort();
}

static const unsigned FORMATS[] = {
    SCR_FORMAT_DOCX, SCR_FORMAT_ODT, SCR_FORMAT_DOCX | SCR_FORMAT_ODT,
    SCR_FORMAT_DOCX | SCR_FORMAT_ODT | SCR_FORMAT_CSV};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!workspace)
    setup();
  if (size < 3)
    return 0;
  size_t role = data[0] % N_ROLES;
  unsigned choice = data[1];
  scr_build_kind kind = (scr_build_kind)(choice % 3);
  scr_options opts = {0};
  opts.formats = FORMATS[(choice / 3) % 4];
  /* the public pack, the private one, or the supplement */
  opts.private_pack = (choice / 12) % 3 == 1;
  opts.supplement = (choice / 12) % 3 == 2;
  opts.today = TODAY[data[2] % N_TODAY];
  opts.diagnostics = devnull;
  opts.quiet = true;

  char *file = fuzz_path(workspace, ROLES[role]);
  fuzz_spill(file, data + 3, size - 3);
  const char *target = kind == SCR_BUILD_PACK      ? ROLES[0]
                       : kind == SCR_BUILD_MINUTES ? ROLES[2]
                                                   : "agendas";
  char *path = fuzz_path(workspace, target);
  scr_output out = {
      fuzz_check_package, fuzz_check_bytes, NULL, NULL, NULL, NULL};
  scr_build(kind, path, &opts, &out);
  fuzz_spill(file, original[role], original_len[role]);
  free(path);
  free(file);
  return 0;
}
