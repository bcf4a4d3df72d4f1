/*
 * Fuzzing harness for Word and LibreOffice reports: the input becomes a
 * report, read as the Markdown it would be (as an appendix is, and as
 * `scrutineer import` writes it), and that Markdown parsed as every
 * report is. Reading must refuse what is not a usable report with a
 * diagnostic; any crash, leak or sanitizer report is a finding.
 *
 * Input layout as fuzz_template's: byte 0, bit 0 chooses DOCX (0) or ODT
 * (1); bit 1 the rest as the file's bytes (1) or (0) as parts the harness
 * zips ("=== word/document.xml\n..."); bit 2 stores them uncompressed.
 */
#include "fuzz_common.h"
#include "report.h"
#include "source.h"
#include "markdown.h"

static char *scratch, *path[2];

static void teardown(void) {
  fuzz_remove_tree(scratch);
  free(scratch);
  free(path[0]);
  free(path[1]);
}

static void setup(void) {
  scratch = fuzz_scratch();
  path[0] = fuzz_path(scratch, "report.docx");
  path[1] = fuzz_path(scratch, "report.odt");
  atexit(teardown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!scratch)
    setup();
  if (size < 1)
    return 0;
  unsigned mode = data[0];
  const char *file = path[mode & 1];
  if (mode & 2)
    fuzz_spill(file, data + 1, size - 1);
  else
    fuzz_zip_parts(file, (const char *)data + 1, size - 1, mode & 4);
  scr_diags diags;
  scr_diags_init(&diags);
  char *md = NULL;
  size_t len = 0;
  scr_embedded_set pictures;
  scr_error err = scr_report_markdown(file, NULL, &md, &len, &pictures, &diags);
  /* a report refused says why; one read is Markdown with no NUL */
  if (err && !diags.errors)
    abort();
  if (!err && (!md || strlen(md) != len))
    abort();
  if (!err) {
    cmark_node *doc = scr_parse_markdown(md, len);
    if (!doc)
      abort();
    cmark_node_free(doc);
  }
  free(md);
  scr_embedded_set_free(&pictures);
  scr_diags_free(&diags);
  unlink(file);
  return 0;
}
