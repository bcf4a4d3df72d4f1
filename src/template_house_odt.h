/*
 * Internal to the ODT house style (template_house_odt*.c): reading ODF
 * lengths and the parts of a parsed styles.xml.
 */
#ifndef SCR_TEMPLATE_HOUSE_ODT_H
#define SCR_TEMPLATE_HOUSE_ODT_H

#include "house.h"
#include "template_styles.h"

#include <stdbool.h>

/* Units a length is read into. */
typedef enum tpl_odt_unit { TPL_TWIPS, TPL_MM100 } tpl_odt_unit;

/** An ODF length ("2.5cm", "12mm", "1in", "12pt", "1pc") in `unit`,
    rounded, into *out; false (and *out untouched) for anything else,
    percentages included. */
bool tpl_odt_length(const char *s, tpl_odt_unit unit, int *out);

/** A decimal number ("115", "-0.5") at the start of `s`, times `scale`,
    rounded, into *out; the rest of the text into *rest. False when `s`
    does not start with one. */
bool tpl_odt_number(const char *s, int scale, int *out, const char **rest);

/** Attribute `local` of `n` in the namespace of `prefix` (xmlFree); NULL
    when `n` is NULL or lacks it. */
xmlChar *tpl_odt_attr(const xmlNode *n, const char *prefix, const char *local);

/** The first child of `n` that is the element `prefix`:`local`. */
xmlNodePtr tpl_odt_child(const xmlNode *n, const char *prefix,
                         const char *local);

/** The child of `container` that is `prefix`:`local` with style:name
    `name`, or NULL. */
xmlNodePtr tpl_odt_named(const xmlNode *container, const char *prefix,
                         const char *local, const char *name);

/** The page and the header art of a parsed ODT styles part
    (template_house_odt_page.c). */
scr_error tpl_house_odt_page(const scr_zpkg *p, xmlDocPtr styles, scr_house *h);

#endif
