/* A council of committees: council.md's defaults and its committees/. */
#include "council.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Far more committees than any council runs. */
#define MAX_COMMITTEES 1000

/* The last component of a path. */
static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static bool any_name(const char *name) {
  (void)name;
  return true;
}

/* The committee of folder `dir`, named as its committee.md names it; a
   folder without one is an error. What else committee.md holds is for
   the committee's own check to say. */
static scr_error add_committee(scr_council *council, char *dir, size_t *cap,
                               scr_diags *diags) {
  char *joined = scr_path_join(dir, "agendas/committee.md");
  char *path = joined ? scr_path_tidy(joined) : NULL;
  free(joined);
  if (!path) {
    free(dir);
    return SCR_E_NOMEM;
  }
  if (!scr_is_file(path)) {
    scr_error_at(diags, path, 1, 1,
                 "no committee.md here: every folder of committees/ is a "
                 "committee; write its agendas/committee.md (committee:, "
                 "meetings:), or move the folder out of committees/");
    free(path);
    free(dir);
    return SCR_OK;
  }
  scr_diags quiet;
  scr_diags_init(&quiet);
  scr_source *src = scr_source_load(path, true, &quiet);
  scr_diags_free(&quiet);
  free(path);
  const char *name = src ? scr_meta_string(src->meta, "committee") : NULL;
  const char *short_name = src ? scr_meta_string(src->meta, "short") : NULL;
  scr_council_committee c = {.folder = dir,
                             .name = name ? scr_strdup(name) : NULL};
  c.short_name = scr_strdup(short_name ? short_name
                            : name     ? name
                                       : base_name(dir));
  scr_source_free(src);
  if (!c.short_name || (name && !c.name) ||
      scr_reserve(&council->committees, cap, council->n_committees + 1,
                  sizeof *council->committees)) {
    free(c.folder);
    free(c.name);
    free(c.short_name);
    return SCR_E_NOMEM;
  }
  council->committees[council->n_committees++] = c;
  return SCR_OK;
}

/* Every folder of committees/, in order of name. */
static scr_error list_committees(scr_council *council, scr_diags *diags) {
  char *dir = scr_path_join(council->root, "committees");
  char *shown = dir ? scr_path_tidy(dir) : NULL;
  free(dir);
  char **entries = NULL;
  size_t n = 0, cap = 0;
  scr_error err =
      shown ? scr_list_files(shown, any_name, MAX_COMMITTEES, &entries, &n)
            : SCR_E_NOMEM;
  for (size_t i = 0; !err && i < n; i++) {
    if (!scr_is_dir(entries[i]))
      continue; /* a README beside the committees, say */
    err = add_committee(council, entries[i], &cap, diags);
    entries[i] = NULL;
  }
  scr_free_list(entries, n);
  free(shown);
  return err;
}

scr_error scr_council_open(const char *path, scr_council *council,
                           scr_diags *diags) {
  *council = (scr_council){.time = -1, .numbering = -1};
  if (!scr_is_council_root(path)) {
    scr_error_at(diags, path, 0, 0,
                 "not a council workspace: a council's folder holds "
                 "council.md and a committees/ folder with one folder per "
                 "committee");
    return SCR_E_SOURCE;
  }
  char *root = scr_path_tidy(path);
  if (!root)
    return SCR_E_NOMEM;
  size_t before = diags->errors;
  scr_error err = scr_council_load(root, council, diags);
  if (err != SCR_E_NOMEM && council->src)
    scr_council_read_template(council, diags);
  if (err != SCR_E_NOMEM) {
    scr_error e = list_committees(council, diags);
    err = e ? e : err;
  }
  if (err)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}
