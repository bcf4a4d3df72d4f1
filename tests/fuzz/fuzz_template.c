/*
 * Fuzzing harness for --template: the input becomes a house template, and
 * the sample pack is built with it in that template's format. Loading must
 * refuse what is not a WordprocessingML or ODF styles part, and whatever
 * it accepts must give well-formed parts; any crash, leak or sanitizer
 * report is a finding.
 *
 * Input layout: byte 0, bit 0 chooses DOCX (0) or ODT (1); bit 1 chooses
 * how the rest is read: as the template file's bytes (1), or (0) as parts
 * the harness zips, so that mutations reach the XML behind libzip's CRCs:
 *
 *   === word/styles.xml
 *   <w:styles ...>...
 *   === [Content_Types].xml
 *   ...
 *
 * Bit 2 stores parts uncompressed instead of deflating them.
 */
#include "fuzz_common.h"

static char *scratch, *workspace, *agenda, *tpl_path[2];
static FILE *devnull;

static void teardown(void) {
  fuzz_remove_tree(scratch);
  free(scratch);
  free(workspace);
  free(agenda);
  free(tpl_path[0]);
  free(tpl_path[1]);
  if (devnull)
    fclose(devnull);
}

static void setup(void) {
  scratch = fuzz_scratch();
  workspace = fuzz_path(scratch, "ws");
  atexit(teardown);
  fuzz_copy_tree(FUZZ_WORKSPACE, workspace);
  agenda = fuzz_path(workspace, "agendas/2026-06-17.md");
  tpl_path[0] = fuzz_path(scratch, "house.docx");
  tpl_path[1] = fuzz_path(scratch, "house.odt");
  devnull = fopen("/dev/null", "w");
  if (!devnull)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!scratch)
    setup();
  if (size < 1)
    return 0;
  unsigned mode = data[0];
  const char *path = tpl_path[mode & 1];
  if (mode & 2)
    fuzz_spill(path, data + 1, size - 1);
  else
    fuzz_zip_parts(path, (const char *)data + 1, size - 1, mode & 4);

  scr_options opts = {0};
  opts.formats = (mode & 1) ? SCR_FORMAT_ODT : SCR_FORMAT_DOCX;
  opts.template_path = path;
  opts.diagnostics = devnull;
  opts.quiet = true;
  scr_output out = {
      fuzz_check_package, fuzz_check_bytes, NULL, NULL, NULL, NULL};
  scr_build(SCR_BUILD_PACK, agenda, &opts, &out);
  unlink(path);
  return 0;
}
