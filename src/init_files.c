/*
 * The files init and new write: all staged beside their places and put
 * there together (outset.h), and never over a file already there, so that
 * an officer's edits are never lost to a second run.
 */
#include "init.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void scr_newfiles_init(scr_newfiles *nf, scr_diags *diags) {
  *nf = (scr_newfiles){.set = SCR_OUTSET_INIT, .diags = diags};
}

static scr_error push(char ***list, size_t *n, size_t *cap, const char *s) {
  char *copy = scr_strdup(s);
  if (!copy || scr_reserve(list, cap, *n + 1, sizeof **list)) {
    free(copy);
    return SCR_E_NOMEM;
  }
  (*list)[(*n)++] = copy;
  return SCR_OK;
}

scr_error scr_newfiles_dir(scr_newfiles *nf, const char *path, bool tell) {
  struct stat st;
  if (stat(path, &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return SCR_OK;
    scr_error_at(nf->diags, path, 0, 0,
                 "is there already, and not a folder: move it aside so that "
                 "the folder can be made");
    return SCR_E_SOURCE;
  }
  if (mkdir(path, 0777) != 0) {
    fprintf(stderr, "scrutineer: error: cannot make the folder %s: %s\n", path,
            strerror(errno));
    return SCR_E_IO;
  }
  scr_error err = push(&nf->dirs, &nf->n_dirs, &nf->cap_dirs, path);
  if (!err && tell)
    err = push(&nf->shown, &nf->n_shown, &nf->cap_shown, path);
  return err;
}

/* Whether anything (a file, a folder, a link) is at `path`. */
static bool taken(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0 || errno != ENOENT;
}

static scr_error refuse_taken(scr_newfiles *nf, const char *path) {
  if (!taken(path))
    return SCR_OK;
  scr_error_at(nf->diags, path, 0, 0,
               "is there already; scrutineer writes only new files and "
               "never replaces one: edit it, or move it aside and run the "
               "command again");
  return SCR_E_SOURCE;
}

static scr_error report_unwritten(const scr_newfiles *nf, const char *path,
                                  scr_error err) {
  if (err)
    fprintf(stderr, "scrutineer: error: cannot write %s: %s\n", path,
            scr_outset_reason(&nf->set, err));
  return err;
}

scr_error scr_newfiles_text(scr_newfiles *nf, const char *path,
                            const char *text) {
  scr_error err = refuse_taken(nf, path);
  if (!err)
    err = report_unwritten(
        nf, path, scr_outset_add_bytes(&nf->set, path, text, strlen(text)));
  return err;
}

scr_error scr_newfiles_package(scr_newfiles *nf, const char *path,
                               const scr_package *pkg) {
  scr_error err = refuse_taken(nf, path);
  if (!err)
    err = report_unwritten(nf, path, scr_package_stage(pkg, &nf->set, path));
  return err;
}

scr_error scr_newfiles_commit(scr_newfiles *nf, bool quiet) {
  /* a file may have appeared while the others were written */
  scr_error err = SCR_OK;
  for (size_t i = 0; i < scr_outset_count(&nf->set); i++) {
    scr_error e = refuse_taken(nf, scr_outset_path(&nf->set, i));
    err = err ? err : e;
  }
  if (err)
    return err;
  err = scr_outset_commit(&nf->set);
  if (err) {
    fprintf(stderr, "scrutineer: error: cannot put the files in place: %s\n",
            scr_outset_reason(&nf->set, err));
    return err;
  }
  nf->committed = true;
  if (quiet)
    return SCR_OK;
  for (size_t i = 0; i < nf->n_shown; i++)
    printf("made %s/\n", nf->shown[i]);
  for (size_t i = 0; i < scr_outset_count(&nf->set); i++)
    printf("wrote %s\n", scr_outset_path(&nf->set, i));
  return SCR_OK;
}

void scr_newfiles_free(scr_newfiles *nf) {
  scr_outset_free(&nf->set);
  /* the folders made, deepest first, so that a failed run leaves none */
  for (size_t i = nf->n_dirs; i-- > 0;) {
    if (!nf->committed)
      rmdir(nf->dirs[i]);
    free(nf->dirs[i]);
  }
  scr_free_list(nf->shown, nf->n_shown);
  free(nf->dirs);
  *nf = (scr_newfiles){.set = SCR_OUTSET_INIT};
}
