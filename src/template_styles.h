/*
 * The repair of a template's styles part, shared by the DOCX and ODT
 * repairs: the styles the writers use (their roles), how a template names
 * them, and the record of what was put right, which becomes the warnings.
 *
 * The role table is also the house style's vocabulary: a style of one
 * format is the style of the same role in the other.
 */
#ifndef SCR_TEMPLATE_STYLES_H
#define SCR_TEMPLATE_STYLES_H

#include "diag.h"
#include "scrutineer.h"
#include "util.h"

#include <libxml/tree.h>
#include <stdbool.h>

typedef enum tpl_family { TPL_PARAGRAPH, TPL_CHARACTER, TPL_TABLE } tpl_family;

/* A style the writers use. */
typedef struct tpl_role {
  const char *name; /* its display name, as the README lists it */
  tpl_family family;
  bool docx, odt; /* the writers that use it */
  /* Other names Word or LibreOffice give the style of this role, such as
     LibreOffice's "Text body" for Body Text; NULL-terminated. */
  const char *aliases[3];
} tpl_role;

/** The roles, `*n` of them. */
const tpl_role *tpl_roles(size_t *n);

/** Whether `name` is the role's name or one of its aliases, whatever the
    case ("heading 1" is Word's own name for Heading 1). */
bool tpl_role_named(const tpl_role *role, const char *name);

/* What a repair did, gathered as lists of names for the warnings. */
typedef struct tpl_fixes {
  const char *part;      /* "word/styles.xml" or "styles.xml" */
  scr_buf numbered;      /* styles whose list numbering was removed */
  scr_buf outline;       /* outline levels whose numbers were removed (ODT) */
  scr_buf adopted;       /* "TextBody as Body Text" */
  scr_buf added;         /* styles added from the built-in style */
  char made_default[64]; /* the style made the default paragraph style,
                            or "" */
  bool default_added;    /* ... added from the built-in style */
  bool changed;
  scr_error err; /* the first failure (SCR_E_NOMEM) */
} tpl_fixes;

/** Add `name` to one of the lists, with a comma after the last. */
void tpl_note(tpl_fixes *f, scr_buf *list, const char *name);
/** The warnings for what was done, against `path`. */
void tpl_warn(const tpl_fixes *f, const char *path, scr_diags *diags);
void tpl_fixes_free(tpl_fixes *f);

/** The repairs of each format, on parsed trees. `builtin` is the built-in
    style's part of the same format, read only for copies. */
void tpl_repair_docx(xmlDocPtr doc, xmlDocPtr builtin, tpl_fixes *f);
void tpl_repair_odt(xmlDocPtr doc, xmlDocPtr builtin, tpl_fixes *f);

/* ---- small tree helpers ------------------------------------------------- */

/** Whether `n` is the element `local` in namespace `ns`. */
bool tpl_is(const xmlNode *n, const char *ns, const char *local);
/** The first child element `local` in `ns`, or NULL. */
xmlNodePtr tpl_child(const xmlNode *n, const char *ns, const char *local);
/** Whether attribute `local` in `ns` of `n` has the value `value`. */
bool tpl_attr_is(const xmlNode *n, const char *ns, const char *local,
                 const char *value);
/** Copy `node` of another document to the end of `parent`'s children,
    its namespaces declared as needed; NULL when out of memory. */
xmlNodePtr tpl_adopt_copy(xmlNodePtr parent, const xmlNode *node);

#endif
