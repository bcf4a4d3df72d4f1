/*
 * The one build pipeline: every command, and the fuzzing harness, load and
 * check the workspace, compose the document once per format, and hand each
 * finished package to an output. The command line's output writes files
 * atomically; a harness keeps them in memory.
 */
#ifndef SCR_BUILD_H
#define SCR_BUILD_H

#include "package.h"
#include "scrutineer.h"

typedef enum scr_build_kind {
  SCR_BUILD_PACK,
  SCR_BUILD_MINUTES,
  SCR_BUILD_TRACKER
} scr_build_kind;

/*
 * Where finished documents go. `package` receives each DOCX or ODT package
 * and `bytes` each flat file (the PDF, the tracker's CSV); both are
 * borrowed for the call. `stem` is the file name without extension. A
 * non-OK return stops the build. `note` (may be NULL) hears a sentence for
 * the reader once everything is out: whether a pack's page numbers are
 * exact or estimated.
 */
typedef struct scr_output {
  scr_error (*package)(void *ctx, const char *stem, const char *ext,
                       const scr_package *pkg);
  scr_error (*bytes)(void *ctx, const char *stem, const char *ext,
                     const char *data, size_t len);
  void (*note)(void *ctx, const char *sentence);
  void *ctx;
} scr_output;

/*
 * Build the document of `kind` from `path` (the agenda, the minutes file,
 * or any path in the workspace for the tracker) in every format of
 * opts->formats, handing each to `out`. Diagnostics go to stderr; nothing
 * reaches `out` when the sources have errors, nor when the PDF cannot be
 * made (SCR_E_OFFICE).
 */
scr_error scr_build(scr_build_kind kind, const char *path,
                    const scr_options *opts, const scr_output *out);

#endif
