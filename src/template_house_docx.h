/*
 * The house style of a DOCX template, shared by its files: reading the text
 * of the roles (template_house_docx.c), the theme's fonts
 * (template_house_docx_theme.c), the page and the header art
 * (template_house_docx_page.c), and applying a house to the built-in
 * styles (template_house_docx_apply.c), with the small readers they share
 * (template_house_docx_xml.c).
 */
#ifndef SCR_TEMPLATE_HOUSE_DOCX_H
#define SCR_TEMPLATE_HOUSE_DOCX_H

#include "docx.h"
#include "house.h"
#include "template_styles.h"

#include <stdbool.h>

/* How far w:basedOn chains are followed; Word allows far fewer. */
#define HD_MAX_BASED_ON 32

/** Attribute `name` of `n` in the w: namespace (xmlFree), or NULL. */
xmlChar *hd_w_attr(const xmlNode *n, const char *name);
/** ST_OnOff: absent, "1", "true" and "on" are true. */
bool hd_on(const xmlChar *v);
/**
 * A length as WordprocessingML writes it, a number in the attribute's own
 * unit or a universal measure ("2.5cm", "12pt"), into *out in units of
 * 1/`per_pt` point (20: twips; 2: half-points). False when it is neither.
 */
bool hd_measure(const xmlChar *v, int per_pt, int *out);
/** The paragraph style whose id is `id`, or NULL; borrowed. */
xmlNodePtr hd_style(xmlNodePtr root, const char *id);
/** The default paragraph style, or NULL; borrowed. */
xmlNodePtr hd_default_style(xmlNodePtr root);
/** The style's parent (its w:basedOn), or NULL; borrowed. */
xmlNodePtr hd_based_on(xmlNodePtr root, const xmlNode *st);

/** The style of `role`: the default paragraph style for the body, else
    the style of the role's id (its name without spaces); NULL. Borrowed. */
xmlNodePtr hd_role_style(xmlNodePtr root, scr_house_role role);

/** The page and the header art of the template's body into `h`
    (template_house_docx_page.c). */
scr_error hd_read_page(const scr_zpkg *p, xmlDocPtr styles, scr_house *h);

#endif
