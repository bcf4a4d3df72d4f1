/* The workspace: finding its root, the committee, resolving paths safely. */
#include "council.h"
#include "model.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Upward search stops after this many folders. */
#define ROOT_SEARCH_DEPTH 64

/* The nearest folder upwards from `file` holding agendas/. Caller frees. */
static char *find_root(const char *file) {
  char *dir = scr_is_dir(file) ? scr_strdup(file) : scr_path_dirname(file);
  for (int i = 0; dir && i < ROOT_SEARCH_DEPTH; i++) {
    char *probe = scr_path_join(dir, "agendas");
    bool found = probe && scr_is_dir(probe);
    free(probe);
    if (found)
      return dir;
    char *real = realpath(dir, NULL);
    bool at_top = !real || strcmp(real, "/") == 0;
    free(real);
    if (at_top)
      break;
    char *up = scr_path_join(dir, "..");
    free(dir);
    dir = up ? scr_path_tidy(up) : NULL;
    free(up);
  }
  free(dir);
  return NULL;
}

/* A sequence of scalars as a borrowed array. */
static bool string_list(const scr_source *src, const char *key,
                        const char ***out, size_t *n, scr_diags *diags) {
  *out = NULL;
  *n = 0;
  const scr_ynode *v = scr_meta_get(src->meta, key);
  if (!v)
    return true;
  if (v->kind != SCR_Y_SEQ) {
    scr_error_at(diags, src->path, v->line, v->col,
                 "'%s' must be a list, like [First, Second]", key);
    return false;
  }
  *out = calloc(v->count + 1, sizeof **out);
  if (!*out)
    return false;
  for (size_t i = 0; i < v->count; i++) {
    if (v->items[i]->kind != SCR_Y_SCALAR) {
      scr_error_at(diags, src->path, v->items[i]->line, v->items[i]->col,
                   "each entry of '%s' must be plain text", key);
      return false;
    }
    (*out)[(*n)++] = v->items[i]->scalar;
  }
  return true;
}

/* The surname an entry ends with, brackets and spaces after it left out:
   "Councillor Ann Able" and "Ann Able (Chair)" are one person. */
static const char *last_word(const char *s, size_t *n) {
  const char *end = s + strlen(s);
  while (end > s && (end[-1] == ' ' || end[-1] == ')'))
    end--;
  const char *start = end;
  while (start > s && start[-1] != ' ')
    start--;
  *n = (size_t)(end - start);
  return start;
}

bool scr_same_person(const char *entry, const char *name) {
  if (!entry || !name)
    return false;
  size_t a, b;
  const char *x = last_word(entry, &a), *y = last_word(name, &b);
  return a == b && a > 0 && strncmp(x, y, a) == 0;
}

/* members: lists the members other than the chair and vice-chair, who
   are printed before them: named there too, they would appear twice. */
static void check_members(const scr_committee *c, scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(c->src->meta, "members");
  for (size_t i = 0; v && v->kind == SCR_Y_SEQ && i < v->count; i++) {
    const scr_ynode *e = v->items[i];
    if (e->kind != SCR_Y_SCALAR)
      continue;
    const char *role = scr_same_person(e->scalar, c->chair) ? "chair"
                       : scr_same_person(e->scalar, c->vice_chair)
                           ? "vice-chair"
                           : NULL;
    if (role)
      scr_warn_at(diags, c->src->path, e->line, e->col,
                  "%s is the %s; members: lists the other members, so they "
                  "would appear twice",
                  e->scalar, role);
  }
}

/* A date given twice in `meetings:` is one meeting: said at the second, as
   it is likely a typing slip for another date. True when `d` is a repeat. */
static bool warn_repeated_meeting(const scr_committee *c, scr_date d,
                                  const scr_ynode *e, scr_diags *diags) {
  for (size_t i = 0; i < c->n_meetings; i++)
    if (scr_date_cmp(c->meetings[i], d) == 0) {
      scr_warn_at(diags, c->src->path, e->line, e->col,
                  "meeting %s is listed twice in 'meetings'; remove one, or "
                  "correct it if another date was meant",
                  e->scalar);
      return true;
    }
  return false;
}

static void read_meetings(scr_committee *c, scr_diags *diags) {
  const scr_ynode *v = scr_meta_get(c->src->meta, "meetings");
  if (!v)
    return;
  if (v->kind != SCR_Y_SEQ) {
    scr_error_at(diags, c->src->path, v->line, v->col,
                 "'meetings' must be a list of dates, like [2026-06-17]");
    return;
  }
  c->meetings = calloc(v->count + 1, sizeof *c->meetings);
  if (!c->meetings)
    return;
  for (size_t i = 0; i < v->count; i++) {
    const scr_ynode *e = v->items[i];
    scr_date d;
    if (e->kind != SCR_Y_SCALAR || !scr_date_parse(e->scalar, &d)) {
      scr_error_at(diags, c->src->path, e->line, e->col,
                   "'%s' is not a date; write dates as YYYY-MM-DD",
                   e->kind == SCR_Y_SCALAR ? e->scalar : "(list)");
      continue;
    }
    if (warn_repeated_meeting(c, d, e, diags))
      continue;
    c->meetings[c->n_meetings++] = d;
  }
}

/* template: the house style every command uses, named relative to
   committee.md like every path a source names. */
static void read_template(scr_workspace *ws, scr_diags *diags) {
  scr_committee *c = &ws->committee;
  const scr_ynode *v = scr_meta_get(c->src->meta, "template");
  if (!v)
    return;
  if (v->kind != SCR_Y_SCALAR || !*v->scalar) {
    scr_error_at(diags, c->src->path, v->line, v->col,
                 "'template' must name a .docx or .odt document, like "
                 "../templates/house.docx");
    return;
  }
  if (!scr_names_template(v->scalar)) {
    scr_error_at(diags, c->src->path, v->line, v->col,
                 "template '%s' is not a .docx or .odt document", v->scalar);
    return;
  }
  char *real = NULL;
  if (scr_resolve_target(ws, c->src->path, v->scalar, v->line, v->col,
                         "template", diags, &c->template_path,
                         &real) == SCR_OK) {
    c->template_line = v->line;
    c->template_col = v->col;
  }
  free(real);
}

/* committee.md's value of `key`, else the council's `fallback`. */
static const char *own_or(const scr_source *src, const char *key,
                          const char *fallback) {
  const char *v = scr_meta_string(src->meta, key);
  return v ? v : fallback;
}

/* The council's contacts, for a committee.md naming none: a copy, as the
   committee frees its own. */
static void inherit_contacts(scr_committee *c, const scr_council *k) {
  if (!k->n_contacts)
    return;
  c->contacts = calloc(k->n_contacts + 1, sizeof *c->contacts);
  if (!c->contacts)
    return;
  memcpy(c->contacts, k->contacts, k->n_contacts * sizeof *c->contacts);
  c->n_contacts = k->n_contacts;
}

/* What committee.md does not say that council.md does (`k`, or a council
   that says nothing). */
static void inherit_from(scr_committee *c, const scr_council *k) {
  scr_source *src = c->src;
  if (!scr_meta_get(src->meta, "contacts"))
    inherit_contacts(c, k);
  if (c->time < 0)
    c->time = k->time;
  if (!scr_meta_get(src->meta, "template") && k->template_path)
    c->template_path = scr_strdup(k->template_path);
  /* the front sheet's standing text: committee.md's body, or the
     council's when committee.md has none */
  c->standing = src;
  if (!cmark_node_first_child(src->doc) && k->src &&
      cmark_node_first_child(k->src->doc))
    c->standing = k->src;
}

static void read_committee(scr_workspace *ws, scr_diags *diags) {
  static const scr_council none = {.time = -1, .numbering = -1};
  const scr_council *k = ws->council ? ws->council : &none;
  scr_committee *c = &ws->committee;
  scr_source *src = c->src;
  scr_meta_check_keys_with(src, SCR_FIELDS_COMMITTEE,
                           k->src ? k->src->meta : NULL, SCR_FIELDS_COUNCIL,
                           diags);
  c->council = own_or(src, "council", k->name);
  c->name = scr_meta_string(src->meta, "committee");
  c->short_name = scr_meta_string(src->meta, "short");
  c->chair = scr_meta_string(src->meta, "chair");
  c->vice_chair = scr_meta_string(src->meta, "vice_chair");
  c->enquiries = own_or(src, "enquiries", k->enquiries);
  c->signatory = own_or(src, "signatory", k->signatory);
  c->signatory_role = own_or(src, "signatory_role", k->signatory_role);
  if (!c->signatory_role)
    c->signatory_role = "Monitoring Officer";
  c->address = own_or(src, "address", k->address);
  c->venue = own_or(src, "venue", k->venue);
  string_list(src, "members", &c->members, &c->n_members, diags);
  check_members(c, diags);
  string_list(src, "co_opted", &c->co_opted, &c->n_co_opted, diags);
  scr_contacts_read(src, &c->contacts, &c->n_contacts, diags);
  read_meetings(c, diags);
  c->time = -1;
  scr_meta_time(src, "time", &c->time, diags);
  int numbering = scr_meta_numbering(src, diags);
  c->number_appendices = (numbering < 0 ? k->numbering : numbering) == 1;
  c->holidays = k->holidays;
  scr_meta_holidays(src, &c->holidays, diags);
  if (!c->short_name)
    c->short_name = c->name;
  read_template(ws, diags);
  inherit_from(c, k);
}

/* template: named from council.md, inside the council's folder. */
void scr_council_read_template(scr_council *council, scr_diags *diags) {
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

/* The council holding the committee, when it is in one: council.md read
   before committee.md, whose values replace its. */
static scr_error open_council(scr_workspace *ws, scr_diags *diags) {
  char *root = scr_council_root_of(ws->root);
  if (!root)
    return SCR_OK;
  ws->council = malloc(sizeof *ws->council);
  if (!ws->council) {
    free(root);
    return SCR_E_NOMEM;
  }
  size_t before = diags->errors;
  scr_error err = scr_council_load(root, ws->council, diags);
  if (err != SCR_E_NOMEM && ws->council->src)
    scr_council_read_template(ws->council, diags);
  if (err == SCR_E_NOMEM)
    return err;
  return diags->errors > before ? SCR_E_SOURCE : SCR_OK;
}

/* A council's own folder is not a committee, though a folder above it may
   be one: said rather than read as that. */
static bool refuse_council_root(const char *file, scr_diags *diags) {
  if (!scr_is_council_root(file))
    return false;
  scr_error_at(diags, file, 0, 0,
               "this is a council workspace, not a committee: name one of "
               "its committees, like %s/committees/NAME (scrutineer check "
               "takes the whole council)",
               file);
  return true;
}

scr_error scr_workspace_open(const char *file, scr_workspace *ws,
                             scr_diags *diags) {
  *ws = (scr_workspace){0};
  if (refuse_council_root(file, diags))
    return SCR_E_SOURCE;
  ws->root = find_root(file);
  if (!ws->root) {
    scr_error_at(diags, file, 0, 0,
                 "not inside a committee workspace: no folder above it holds "
                 "an agendas/ folder");
    return SCR_E_SOURCE;
  }
  ws->root_real = realpath(ws->root, NULL);
  char *path = scr_path_join(ws->root, "agendas/committee.md");
  char *shown = path ? scr_path_tidy(path) : NULL;
  free(path);
  if (!ws->root_real || !shown) {
    free(shown);
    return SCR_E_NOMEM;
  }
  scr_error council_err = open_council(ws, diags);
  if (council_err == SCR_E_NOMEM) {
    free(shown);
    return council_err;
  }
  ws->committee.src = scr_source_load(shown, true, diags);
  free(shown);
  if (!ws->committee.src)
    return SCR_E_SOURCE;
  size_t before = diags->errors;
  read_committee(ws, diags);
  return diags->errors > before ? SCR_E_SOURCE : council_err;
}

void scr_workspace_free(scr_workspace *ws) {
  scr_committee *c = &ws->committee;
  scr_source_free(c->src); /* and the images loaded for it */
  free(c->members);
  free(c->co_opted);
  free(c->contacts);
  free(c->meetings);
  free(c->template_path);
  if (ws->council) {
    scr_council_free(ws->council);
    free(ws->council);
  }
  free(ws->root);
  free(ws->root_real);
  *ws = (scr_workspace){0};
}

/* %XX escapes in a link destination, decoded. Caller frees. */
static char *percent_decode(const char *s) {
  char *out = malloc(strlen(s) + 1), *w = out;
  if (!out)
    return NULL;
  for (; *s; s++) {
    unsigned v;
    if (s[0] == '%' && s[1] && s[2] && sscanf(s + 1, "%2x", &v) == 1 && v) {
      *w++ = (char)v;
      s += 2;
    } else {
      *w++ = *s;
    }
  }
  *w = '\0';
  return out;
}

static bool inside(const char *root, const char *real) {
  size_t n = strlen(root);
  return strncmp(real, root, n) == 0 &&
         (real[n] == '/' || (n == 1 && root[0] == '/'));
}

bool scr_workspace_holds(const scr_workspace *ws, const char *real) {
  return inside(ws->root_real, real);
}

/* The folder paths may not leave: the council's, for a committee in one;
   else the committee's own. */
static const char *bound_real(const scr_workspace *ws) {
  return ws->council && ws->council->root_real ? ws->council->root_real
                                               : ws->root_real;
}

/* A target that leaves that folder. */
static void say_outside(const scr_workspace *ws, const char *from_file,
                        const char *target, int line, int col, const char *what,
                        scr_diags *diags) {
  if (ws->council && ws->council->root_real)
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' is outside the council workspace %s: a "
                 "committee's files may name those of the council's other "
                 "committees, but nothing outside its folder",
                 what, target, ws->council->root);
  else
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' is outside the workspace %s", what, target,
                 ws->root);
}

/* Components of `dir_real` below the workspace root; -1 when outside it. */
static int depth_below(const char *root_real, const char *dir_real) {
  if (strcmp(dir_real, root_real) == 0)
    return 0;
  if (!inside(root_real, dir_real))
    return -1;
  int depth = 0;
  for (const char *p = dir_real + strlen(root_real); *p; p++)
    depth += *p == '/' && p[1] && p[1] != '/';
  return depth;
}

/*
 * Whether `target`, read from folder `dir`, climbs above the workspace root
 * by its `..` parts alone: such a target is outside the workspace whether
 * or not the file it names exists.
 */
static bool climbs_out(const scr_workspace *ws, const char *dir,
                       const char *target) {
  char *dir_real = realpath(dir, NULL);
  int depth = dir_real ? depth_below(bound_real(ws), dir_real) : 0;
  free(dir_real);
  for (const char *p = target; depth >= 0 && *p;) {
    size_t n = strcspn(p, "/");
    if (n == 2 && p[0] == '.' && p[1] == '.')
      depth--;
    else if (n > 0 && !(n == 1 && p[0] == '.'))
      depth++;
    p += n + (p[n] == '/');
  }
  return depth < 0;
}

/* The path that leads from folder `from` to `to`, both real paths.
   Caller frees. */
static char *relative_path(const char *from, const char *to) {
  size_t common = 0; /* the last '/' where both still agree */
  for (size_t i = 0;; i++) {
    if ((from[i] == '/' || !from[i]) && to[i] == '/')
      common = i;
    if (!from[i] || from[i] != to[i])
      break;
  }
  scr_buf b = SCR_BUF_INIT;
  for (const char *p = from + common; *p; p++)
    if (*p == '/' && p[1])
      scr_buf_puts(&b, "../");
  scr_buf_puts(&b, to + common + 1);
  return scr_buf_detach(&b, NULL);
}

/*
 * A target not found from the file's folder that is there from the
 * workspace root (`minutes/2026-11-17.md` written in an agenda): the path
 * to write instead, from the file's folder. NULL when there is none.
 */
static char *path_from_root(const scr_workspace *ws, const char *from_file,
                            const char *target) {
  char *joined = scr_path_join(ws->root, target);
  char *dir = scr_path_dirname(from_file);
  char *real = joined ? realpath(joined, NULL) : NULL;
  char *dir_real = dir ? realpath(dir, NULL) : NULL;
  struct stat st;
  char *rel = real && dir_real && inside(ws->root_real, real) &&
                      stat(real, &st) == 0 && S_ISREG(st.st_mode)
                  ? relative_path(dir_real, real)
                  : NULL;
  free(joined);
  free(dir);
  free(real);
  free(dir_real);
  return rel;
}

/* Not found: said with the path to write when it names a file from the
   workspace root. */
static void say_not_found(const scr_workspace *ws, const char *from_file,
                          const char *target, const char *decoded, int line,
                          int col, const char *what, scr_diags *diags) {
  char *rel = decoded ? path_from_root(ws, from_file, decoded) : NULL;
  if (rel)
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' not found: paths are read from this file's "
                 "folder, so write '%s'",
                 what, target, rel);
  else
    scr_error_at(diags, from_file, line, col, "%s target '%s' not found", what,
                 target);
  free(rel);
}

scr_error scr_resolve_target(const scr_workspace *ws, const char *from_file,
                             const char *target, int line, int col,
                             const char *what, scr_diags *diags, char **display,
                             char **real) {
  *display = *real = NULL;
  if (target[0] == '/') {
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' is an absolute path; name it relative to "
                 "this file",
                 what, target);
    return SCR_E_SOURCE;
  }
  char *decoded = percent_decode(target);
  char *dir = scr_path_dirname(from_file);
  char *joined = decoded && dir ? scr_path_join(dir, decoded) : NULL;
  char *shown = joined ? scr_path_tidy(joined) : NULL;
  bool escapes = shown && climbs_out(ws, dir, decoded);
  free(dir);
  free(joined);
  if (!shown) {
    free(decoded);
    return SCR_E_NOMEM;
  }
  struct stat st;
  char why[128];
  char *canon = escapes ? NULL : realpath(shown, NULL);
  scr_error err = SCR_E_SOURCE;
  if (escapes)
    say_outside(ws, from_file, target, line, col, what, diags);
  else if (!canon && (errno == ENOENT || errno == ENOTDIR))
    say_not_found(ws, from_file, target, decoded, line, col, what, diags);
  else if (!canon)
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' cannot be read: %s", what, target,
                 scr_errno_words(errno, why, sizeof why));
  else if (!inside(bound_real(ws), canon))
    say_outside(ws, from_file, target, line, col, what, diags);
  else if (stat(canon, &st) != 0 || S_ISDIR(st.st_mode))
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' is a folder, not a file", what, target);
  else if (!S_ISREG(st.st_mode))
    scr_error_at(diags, from_file, line, col,
                 "%s target '%s' is not a regular file", what, target);
  else
    err = SCR_OK;
  free(decoded);
  if (err) {
    free(canon);
    free(shown);
    return err;
  }
  *display = shown;
  *real = canon;
  return SCR_OK;
}

bool scr_committee_meets(const scr_committee *c, scr_date d) {
  for (size_t i = 0; i < c->n_meetings; i++)
    if (scr_date_cmp(c->meetings[i], d) == 0)
      return true;
  return false;
}
