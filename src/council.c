/* A council of committees: council.md's defaults and its committees/. */
#include "council.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Far more committees than any council runs. */
#define MAX_COMMITTEES 1000

static bool is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Whether folder `dir` holds the file or folder `name` that `test` takes. */
static bool holds(const char *dir, const char *name,
                  bool (*test)(const char *path)) {
  char *path = scr_path_join(dir, name);
  bool found = path && test(path);
  free(path);
  return found;
}

bool scr_is_council_root(const char *path) {
  return is_dir(path) && holds(path, "council.md", is_file) &&
         holds(path, "committees", is_dir);
}

/* The last component of a canonical path. */
static const char *base_name(const char *real) {
  const char *slash = strrchr(real, '/');
  return slash ? slash + 1 : real;
}

char *scr_council_root_of(const char *root) {
  char *real = realpath(root, NULL);
  char *parent = real ? scr_path_dirname(real) : NULL;
  char *council = parent ? scr_path_dirname(parent) : NULL;
  bool in_council = council && strcmp(base_name(parent), "committees") == 0 &&
                    holds(council, "council.md", is_file);
  char *up = in_council ? scr_path_join(root, "../..") : NULL;
  char *shown = up ? scr_path_tidy(up) : NULL;
  free(up);
  free(council);
  free(parent);
  free(real);
  return shown;
}

int scr_meta_numbering(const scr_source *src, scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(src->meta, "appendix_numbering");
  const char *numbering = scr_meta_string(src->meta, "appendix_numbering");
  if (!v)
    return -1;
  if (numbering && strcmp(numbering, "numbers") == 0)
    return 1;
  if (numbering && strcmp(numbering, "letters") == 0)
    return 0;
  scr_error_at(diags, src->path, v->line, 1,
               "appendix_numbering must be 'letters' or 'numbers'");
  return -1;
}

bool scr_meta_holidays(const scr_source *src, scr_holidays *out,
                       scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(src->meta, "bank_holidays");
  if (!v)
    return false;
  const char *region = v->kind == SCR_Y_SCALAR ? v->scalar : NULL;
  if (scr_holidays_parse(region, out))
    return true;
  scr_error_at(diags, src->path, v->line, v->col,
               "bank_holidays must be '%s' or '%s', not '%s': these are "
               "the regions whose bank holidays the notice check knows",
               scr_holidays_name(SCR_HOLIDAYS_ENGLAND_WALES),
               scr_holidays_name(SCR_HOLIDAYS_SCOTLAND),
               region ? region : "(a list)");
  return false;
}

/* template: named from council.md, inside the council's folder. */
static void read_council_template(scr_council *council, scr_diags *diags) {
  const scr_source *src = council->src;
  const scr_ynode *v = scr_meta_get(src->meta, "template");
  if (!v)
    return;
  if (v->kind != SCR_Y_SCALAR || !scr_names_template(v->scalar)) {
    scr_error_at(diags, src->path, v->line, v->col,
                 "'template' must name a .docx or .odt document, like "
                 "templates/house.docx");
    return;
  }
  /* the council's folder stands for the workspace paths are read in */
  scr_workspace ws = {.root = council->root,
                      .root_real = council->root_real,
                      .council = council};
  char *real = NULL;
  scr_resolve_target(&ws, src->path, v->scalar, v->line, v->col, "template",
                     diags, &council->template_path, &real);
  free(real);
}

static void read_council(scr_council *council, scr_diags *diags) {
  const scr_source *src = council->src;
  scr_meta_check_keys(src, SCR_FIELDS_COUNCIL, diags);
  council->name = scr_meta_string(src->meta, "council");
  council->address = scr_meta_string(src->meta, "address");
  council->enquiries = scr_meta_string(src->meta, "enquiries");
  council->venue = scr_meta_string(src->meta, "venue");
  council->signatory = scr_meta_string(src->meta, "signatory");
  council->signatory_role = scr_meta_string(src->meta, "signatory_role");
  scr_contacts_read(src, &council->contacts, &council->n_contacts, diags);
  scr_meta_time(src, "time", &council->time, diags);
  council->numbering = scr_meta_numbering(src, diags);
  council->holidays_given = scr_meta_holidays(src, &council->holidays, diags);
  read_council_template(council, diags);
}

scr_error scr_council_load(char *root, scr_council *council, scr_diags *diags) {
  *council = (scr_council){.root = root, .time = -1, .numbering = -1};
  council->root_real = root ? realpath(root, NULL) : NULL;
  char *joined = root ? scr_path_join(root, "council.md") : NULL;
  char *path = joined ? scr_path_tidy(joined) : NULL;
  free(joined);
  if (!council->root_real || !path) {
    free(path);
    return SCR_E_NOMEM;
  }
  council->src = scr_source_load(path, true, diags);
  free(path);
  if (!council->src)
    return SCR_E_SOURCE;
  size_t before = diags->errors;
  read_council(council, diags);
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
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
  if (!is_file(path)) {
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
    if (!is_dir(entries[i]))
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
  if (err != SCR_E_NOMEM) {
    scr_error e = list_committees(council, diags);
    err = e ? e : err;
  }
  if (err)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

void scr_council_free(scr_council *council) {
  for (size_t i = 0; i < council->n_committees; i++) {
    free(council->committees[i].folder);
    free(council->committees[i].name);
    free(council->committees[i].short_name);
  }
  free(council->committees);
  free(council->contacts);
  free(council->template_path);
  scr_source_free(council->src);
  free(council->root);
  free(council->root_real);
  *council = (scr_council){0};
}
