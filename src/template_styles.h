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
#include "zpkg.h"

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

/* ---- the template's package, for the readers of its house style --------- */

/* Largest XML part of a template read. */
#define TPL_PART_MAX_BYTES (8u * 1024u * 1024u)
/* Largest picture of a template's header read. */
#define TPL_PICTURE_MAX_BYTES (8u * 1024u * 1024u)

/* ---- the house style: read from a template, applied to the built-in ---- */

struct scr_house;
/**
 * Read the house style of a DOCX template into `h` (set to the default by
 * the caller): `styles` is its parsed and repaired word/styles.xml, with
 * theme fonts already resolved; the page, the header and its picture come
 * from the package (template_house_docx.c). What it does not find stays as
 * it was. SCR_E_TEMPLATE when a part it needs is there but bad (an error
 * names it); SCR_E_NOMEM.
 */
scr_error tpl_house_docx(const scr_zpkg *p, xmlDocPtr styles,
                         struct scr_house *h);
/** The same of an ODT template, whose styles.xml holds the page and the
    header too (template_house_odt.c). */
scr_error tpl_house_odt(const scr_zpkg *p, xmlDocPtr styles,
                        struct scr_house *h);

/**
 * Put the fonts of the template's theme (word/theme/theme1.xml) in place of
 * every reference to them in `styles` (w:asciiTheme="minorHAnsi" and the
 * like), so that the part shows the same without the theme, which the
 * documents do not carry. No theme: the references are removed, and the
 * explicit fonts beside them apply. SCR_E_TEMPLATE for a bad theme part.
 */
scr_error tpl_resolve_theme_docx(const scr_zpkg *p, xmlDocPtr styles);

/** Apply the text of `h` to a parsed built-in styles part of the format:
    each role's style given every property `h` sets. SCR_E_NOMEM. */
scr_error tpl_apply_house_docx(xmlDocPtr styles, const struct scr_house *h);
scr_error tpl_apply_house_odt(xmlDocPtr styles, const struct scr_house *h);

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
