/* council.md read: a council's defaults, for the workspace of each of its
   committees; and what both council.md and committee.md are read with. */
#include "council.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Remove "." segments and fold "x/.." pairs, lexically. */
char *scr_path_tidy(const char *path) {
  size_t n = strlen(path);
  char *copy = scr_strdup(path);
  const char **seg = malloc((n / 2 + 2) * sizeof *seg);
  char *out = malloc(n + 2);
  if (!copy || !seg || !out) {
    free(copy);
    free(seg);
    free(out);
    return NULL;
  }
  bool absolute = path[0] == '/';
  size_t count = 0;
  for (char *save = NULL, *s = strtok_r(copy, "/", &save); s;
       s = strtok_r(NULL, "/", &save)) {
    if (strcmp(s, ".") == 0)
      continue;
    if (strcmp(s, "..") == 0 && count > 0 && strcmp(seg[count - 1], "..") != 0)
      count--;
    else if (!(strcmp(s, "..") == 0 && absolute && count == 0))
      seg[count++] = s;
  }
  size_t w = 0;
  if (absolute)
    out[w++] = '/';
  for (size_t i = 0; i < count; i++) {
    size_t len = strlen(seg[i]);
    memcpy(out + w, seg[i], len);
    w += len;
    if (i + 1 < count)
      out[w++] = '/';
  }
  if (w == 0)
    out[w++] = '.';
  out[w] = '\0';
  free(copy);
  free(seg);
  return out;
}

/* The fields a contact takes, as a message gives them: "name, role, ...". */
static void contact_field_names(char *out, size_t size) {
  size_t w = 0;
  out[0] = '\0';
  for (const scr_field *f = scr_fields(SCR_FIELDS_CONTACT); f->name; f++) {
    int k = snprintf(out + w, size - w, "%s%s", w ? ", " : "", f->name);
    if (k < 0 || (size_t)k >= size - w)
      break;
    w += (size_t)k;
  }
}

/* A contact's fields not in the table are ignored, and said so. */
static void check_contact_fields(const scr_source *src, const scr_ynode *e,
                                 scr_diags *diags) {
  const scr_field *fields = scr_fields(SCR_FIELDS_CONTACT);
  for (size_t k = 0; k < e->count; k++) {
    if (scr_field_find(fields, e->keys[k]))
      continue;
    const char *near = scr_field_nearest(fields, e->keys[k]);
    char names[128];
    contact_field_names(names, sizeof names);
    scr_warn_at(diags, src->path, e->items[k]->line, e->items[k]->col,
                "unknown contact field '%s' is ignored (a contact takes "
                "%s)%s%s%s",
                e->keys[k], names, near ? "; did you mean '" : "",
                near ? near : "", near ? "'?" : "");
  }
}

void scr_contacts_read(const scr_source *src, scr_contact **out, size_t *n,
                       scr_diags *diags) {
  *out = NULL;
  *n = 0;
  const scr_ynode *v = scr_meta_get(src->meta, "contacts");
  if (!v)
    return;
  if (v->kind != SCR_Y_SEQ) {
    scr_error_at(diags, src->path, v->line, v->col,
                 "'contacts' must be a list of {name, role, email, phone}");
    return;
  }
  *out = calloc(v->count + 1, sizeof **out);
  if (!*out)
    return;
  for (size_t i = 0; i < v->count; i++) {
    const scr_ynode *e = v->items[i];
    const char *name = scr_meta_string(e, "name");
    if (e->kind != SCR_Y_MAP || !name) {
      scr_error_at(diags, src->path, e->line, e->col,
                   "a contact needs at least a name: {name: ..., role: ..., "
                   "email: ..., phone: ...}");
      continue;
    }
    check_contact_fields(src, e, diags);
    (*out)[(*n)++] = (scr_contact){.name = name,
                                   .role = scr_meta_string(e, "role"),
                                   .email = scr_meta_string(e, "email"),
                                   .phone = scr_meta_string(e, "phone")};
  }
}

bool scr_names_template(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && (strcmp(dot, ".docx") == 0 || strcmp(dot, ".odt") == 0);
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
  return scr_is_dir(path) && holds(path, "council.md", scr_is_file) &&
         holds(path, "committees", scr_is_dir);
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
                    holds(council, "council.md", scr_is_file);
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
