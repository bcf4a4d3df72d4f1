/*
 * A zip package (.docx, .odt) read from memory part by part, under the
 * limits every part is read with: its size, its compression (a zip bomb),
 * whole (its CRC checked), and XML with no network, no entities and no
 * DTD. Templates and reports are both read through it; `noun` says which
 * in its diagnostics ("template's styles.xml is not well-formed XML").
 */
#ifndef SCR_ZPKG_H
#define SCR_ZPKG_H

#include "diag.h"
#include "scrutineer.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* Deflate rarely beats 100:1 on XML; far beyond it is a zip bomb. */
#define SCR_ZPKG_MAX_RATIO 200
/* The parser's options for a package's XML: no network, no entity
   substitution, no DTD loaded; the default depth limit. */
#define SCR_ZPKG_XML_OPTIONS                                                   \
  (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

typedef struct scr_zpkg {
  struct zip *zip;
  const char *path; /* the file, as diagnostics name it */
  const char *noun; /* "template" or "report" */
  scr_error fail;   /* what a refused part returns: SCR_E_TEMPLATE, ... */
  scr_diags *diags;
  char *bytes; /* the file, when scr_zpkg_open read it (owned) */
  size_t len;
} scr_zpkg;

/**
 * Read the file at `path` (at most `max` bytes) and open it as a zip
 * package into `*p`. An unreadable file, one too large, an Office file
 * saved with a password (an OLE compound file, not a zip) or another
 * file that is not a zip is an error naming the file, returning `fail`.
 * Close with scr_zpkg_close, also after a failure.
 */
scr_error scr_zpkg_open(scr_zpkg *p, const char *path, const char *noun,
                        size_t max, scr_error fail, scr_diags *diags);
void scr_zpkg_close(scr_zpkg *p);

/** Whether the package has member `name`. */
bool scr_zpkg_has(const scr_zpkg *p, const char *name);

/**
 * Member `name`, NUL-terminated, into *out (caller frees) and *len. SCR_OK
 * with *out NULL when there is no such member; `p->fail`, with an error
 * naming the member, when it is larger than `max`, far more compressed
 * than XML or a picture is (a zip bomb), or cannot be read whole.
 */
scr_error scr_zpkg_read(const scr_zpkg *p, const char *name, size_t max,
                        unsigned char **out, size_t *len);

/**
 * Member `name` (at most `max` bytes) parsed with no network, no entity
 * substitution and no DTD. SCR_OK with *doc NULL when there is no such
 * member; `p->fail`, with an error naming the member, when it cannot be
 * read, does not parse or declares a DTD. Free *doc with xmlFreeDoc.
 */
scr_error scr_zpkg_read_xml(const scr_zpkg *p, const char *name, size_t max,
                            xmlDocPtr *doc);

/** Bytes of members a reader may still read, all told, so that one
    member named in many places cannot run the memory out. */
typedef struct scr_zpkg_budget {
  size_t left;  /* what may still be read; the whole to start with */
  size_t whole; /* for the warning */
  bool warned;
} scr_zpkg_budget;

/**
 * Whether member `name` may be read within `b`, which it is charged with
 * (a missing member costs nothing). Past it, a warning (once) says that
 * the pictures beyond it are left out.
 */
bool scr_zpkg_budget_take(const scr_zpkg *p, scr_zpkg_budget *b,
                          const char *name);

#endif
