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

#include <zip.h>

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

/* The next "=== name\n" header after `p`, at a line's start, or NULL. */
static const char *next_header(const char *p, const char *end) {
  static const char mark[] = "\n=== ";
  const char *hit = memmem(p, (size_t)(end - p), mark, sizeof mark - 1);
  return hit ? hit + 1 : NULL;
}

/* Zip the parts described by `data` into the file at `path`. */
static void zip_parts(const char *path, const char *data, size_t size,
                      bool stored) {
  int zerr;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  if (!z)
    abort();
  const char *end = data + size;
  const char *h =
      size >= 4 && memcmp(data, "=== ", 4) == 0 ? data : next_header(data, end);
  while (h) {
    const char *name = h + 4;
    const char *nl = memchr(name, '\n', (size_t)(end - name));
    const char *body = nl ? nl + 1 : end;
    const char *next = nl ? next_header(body, end) : NULL;
    const char *body_end = next ? next : end;
    char part[256];
    size_t n = (size_t)((nl ? nl : end) - name);
    if (n > 0 && n < sizeof part) {
      memcpy(part, name, n);
      part[n] = '\0';
      zip_source_t *src =
          zip_source_buffer(z, body, (zip_uint64_t)(body_end - body), 0);
      if (!src)
        abort();
      zip_int64_t idx =
          zip_file_add(z, part, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
      if (idx < 0)
        zip_source_free(src);
      else
        zip_set_file_compression(z, (zip_uint64_t)idx,
                                 stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    h = next;
  }
  if (zip_close(z) != 0)
    zip_discard(z);
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
    zip_parts(path, (const char *)data + 1, size - 1, mode & 4);

  scr_options opts = {0};
  opts.formats = (mode & 1) ? SCR_FORMAT_ODT : SCR_FORMAT_DOCX;
  opts.template_path = path;
  opts.diagnostics = devnull;
  opts.quiet = true;
  scr_output out = {fuzz_check_package, fuzz_check_bytes, NULL, NULL, NULL};
  scr_build(SCR_BUILD_PACK, agenda, &opts, &out);
  unlink(path);
  return 0;
}
