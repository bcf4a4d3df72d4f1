/*
 * The command line's output: each document a build hands over is staged in
 * the output folder, and the run's set is put in place only when the build
 * has succeeded (outset.h).
 */
#include "build.h"
#include "outset.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

/*
 * Every document of a run is staged as one output set: nothing replaces
 * the last good run's files until all are complete, and the "wrote" lines
 * and the note on page numbers come after they are in place.
 */
typedef struct disk {
  const char *dir;
  const scr_options *opts;
  bool dir_ready;
  scr_outset set;
  const char *note; /* static */
} disk;

/* The path of a document in the output folder, creating the folder and
   clearing what killed runs left in it, once. */
static char *disk_path(disk *d, const char *stem, const char *ext) {
  if (!d->dir_ready && scr_outset_folder(d->dir) != SCR_OK) {
    fprintf(stderr, "scrutineer: error: cannot create the output folder '%s'\n",
            d->dir);
    return NULL;
  }
  d->dir_ready = true;
  char *path = scr_asprintf("%s/%s.%s", d->dir, stem, ext);
  if (!path)
    fprintf(stderr, "scrutineer: error: %s\n", scr_strerror(SCR_E_NOMEM));
  return path;
}

/* "cannot write PATH: REASON", the system's reason when there is one. */
static scr_error report_unwritten(const scr_outset *set, const char *path,
                                  scr_error err) {
  if (err)
    fprintf(stderr, "scrutineer: error: cannot write %s: %s\n", path,
            scr_outset_reason(set, err));
  return err;
}

static scr_error disk_package(void *ctx, const char *stem, const char *ext,
                              const scr_package *pkg) {
  disk *d = ctx;
  char *path = disk_path(d, stem, ext);
  if (!path)
    return d->dir_ready ? SCR_E_NOMEM : SCR_E_IO;
  scr_error err =
      report_unwritten(&d->set, path, scr_package_stage(pkg, &d->set, path));
  free(path);
  return err;
}

static scr_error disk_bytes(void *ctx, const char *stem, const char *ext,
                            const char *data, size_t len) {
  disk *d = ctx;
  char *path = disk_path(d, stem, ext);
  if (!path)
    return d->dir_ready ? SCR_E_NOMEM : SCR_E_IO;
  scr_error err = report_unwritten(
      &d->set, path, scr_outset_add_bytes(&d->set, path, data, len));
  free(path);
  return err;
}

static void disk_note(void *ctx, const char *sentence) {
  disk *d = ctx;
  d->note = sentence;
}

/* Put the run's documents in place and say so. */
static scr_error disk_commit(disk *d) {
  scr_error err = scr_outset_commit(&d->set);
  if (err) {
    fprintf(stderr, "scrutineer: error: cannot put the documents in %s: %s\n",
            d->dir, scr_outset_reason(&d->set, err));
    return err;
  }
  if (d->opts->quiet)
    return SCR_OK;
  for (size_t i = 0; i < scr_outset_count(&d->set); i++)
    printf("wrote %s\n", scr_outset_path(&d->set, i));
  if (d->note)
    printf("%s\n", d->note);
  return SCR_OK;
}

static scr_error build_to_disk(scr_build_kind kind, const char *path,
                               const scr_options *opts) {
  disk d = {opts->out_dir ? opts->out_dir : "out", opts, false, SCR_OUTSET_INIT,
            NULL};
  scr_output out = {disk_package, disk_bytes, disk_note, &d, NULL, NULL};
  scr_error err = scr_build(kind, path, opts, &out);
  if (!err)
    err = disk_commit(&d);
  scr_outset_free(&d.set);
  return err;
}

scr_error scr_build_pack(const char *agenda_path, const scr_options *opts) {
  return build_to_disk(SCR_BUILD_PACK, agenda_path, opts);
}

scr_error scr_build_minutes(const char *minutes_path, const scr_options *opts) {
  return build_to_disk(SCR_BUILD_MINUTES, minutes_path, opts);
}

scr_error scr_build_tracker(const char *workspace, const scr_options *opts) {
  return build_to_disk(SCR_BUILD_TRACKER, workspace, opts);
}
