/*
 * LibreOffice as the layout engine: headless, in a profile of its own (so
 * it runs while a user has LibreOffice open), kept in the user's cache
 * folder from run to run and locked while a run uses it (office_profile.c),
 * it turns DOCX and ODT into tagged PDF, many documents a run; poppler's
 * pdfinfo then checks each PDF and reads the page on which each bookmark
 * landed. The documents and PDFs are in a private temporary folder that
 * scr_office_close removes, or, when the run was killed first, the next
 * run's scr_office_open.
 */
#ifndef SCR_OFFICE_H
#define SCR_OFFICE_H

#include "scrutineer.h"

#include <stdbool.h>
#include <stddef.h>

/** The environment variable that sets the time limit, in seconds. */
#define SCR_OFFICE_TIMEOUT_ENV "SCRUTINEER_PDF_TIMEOUT"
#define SCR_OFFICE_TIMEOUT_DEFAULT 120

/** Hex digits of a LibreOffice version's key. */
#define SCR_OFFICE_KEY_LEN 16
/** Documents LibreOffice converts in one run at most (the variable lowers
    it, for tests): a warm LibreOffice's memory grows with each document
    (214 MB after 60 of the sample's packs, 328 MB after 100), and a new
    run starts it afresh. */
#define SCR_OFFICE_BATCH_ENV "SCRUTINEER_PDF_BATCH"
#define SCR_OFFICE_BATCH_DEFAULT 100

/** A PDF's page count, as check read it. */
typedef struct scr_office_count {
  char *pdf;
  int pages;
} scr_office_count;

typedef struct scr_office {
  char *soffice; /* LibreOffice's soffice (or libreoffice) */
  char *pdfinfo; /* poppler's pdfinfo, or NULL when not installed */
  char *work;    /* the private folder, $TMPDIR/scrutineer-<pid>-XXXXXX:
                    profile/, in/, pdf/, tmp/ */
  char *profile; /* the user installation LibreOffice runs with: the kept
                    one, one being made to be kept, or work's profile/ */
  char *kept;    /* the kept profile's folder, whose lock this run holds;
                    NULL: a private profile */
  bool kept_new; /* `profile` is being made, to become `kept` */
  int lock_fd;   /* the kept profile's lock, or -1 */
  scr_office_count *counts; /* each PDF's pages, read when it was checked */
  size_t n_counts, cap_counts;
  int timeout_s;
  bool progress; /* show a progress line on stderr */
} scr_office;

/**
 * Find LibreOffice and make the private folder, first removing those that
 * runs no longer alive left in TMPDIR (see scr_office_work_owner). On
 * failure a sentence is on stderr and the result is SCR_E_OFFICE
 * (LibreOffice not installed, a bad time limit) or SCR_E_IO. Call
 * scr_office_close in every case.
 */
scr_error scr_office_open(scr_office *o, bool progress);
/** True when LibreOffice is on PATH, so PDF can be made. */
bool scr_office_available(void);
/** Remove the private folder and free `o`. */
void scr_office_close(scr_office *o);

/** Where to put a document `name` ("odt.odt") for conversion. Caller frees. */
char *scr_office_input(const scr_office *o, const char *name);
/** The PDF that scr_office_convert makes of input `name`. Caller frees. */
char *scr_office_pdf(const scr_office *o, const char *name);

/**
 * Convert the inputs named `names` (placed at scr_office_input paths) to
 * tagged PDF in as few LibreOffice runs as the batch bound allows (one up
 * to SCR_OFFICE_BATCH_DEFAULT documents), each document within the time
 * limit (a run is stopped when no PDF has appeared for that long), and check
 * each PDF: a PDF poppler reads without error, with at least one page
 * (without pdfinfo, a warning, and only scr_pdf_fault's check). On
 * failure a sentence is on stderr and the result is SCR_E_OFFICE.
 */
scr_error scr_office_convert(scr_office *o, const char *const *names, size_t n);

/**
 * The page on which each of the `n` bookmarks starts in `pdf`, into
 * pages[0..n-1]. *exact is false (and `pages` untouched) when pdfinfo is
 * not installed or a bookmark is not among the PDF's destinations; a
 * sentence on stderr then says why. SCR_E_OFFICE, with a sentence, when
 * a bookmark is on a page after the PDF's last (the PDF is not the layout
 * LibreOffice reported) or poppler cannot read the PDF; SCR_E_NOMEM.
 */
scr_error scr_office_pages(const scr_office *o, const char *pdf,
                           const char *const *bookmarks, size_t n, int *pages,
                           bool *exact);

/* ---- the kept profile (office_profile.c) --------------------------------- */

/**
 * LibreOffice's profile for this run into o->profile: the one kept in the
 * user's cache folder for this version of LibreOffice (made, to be kept,
 * when there is none), its lock taken; else, when there is no cache folder
 * or another run holds it, `private_profile`. Versions' profiles no run
 * holds, and half-made ones, are removed.
 */
void scr_office_choose_profile(scr_office *o, const char *private_profile);
/** After a conversion that worked: a profile being made is put in place. */
void scr_office_keep_profile(scr_office *o);
/** Let go of the kept profile (removing one being made) and its lock;
    o->profile is freed. */
void scr_office_drop_kept(scr_office *o);

/**
 * The folder kept profiles live in: $XDG_CACHE_HOME/scrutineer, else
 * $HOME/.cache/scrutineer (each only when absolute); NULL when neither.
 * Caller frees.
 */
char *scr_office_cache_folder(const char *xdg_cache, const char *home);
/**
 * The key of the LibreOffice whose soffice is at `soffice`, into key (n
 * bytes, at least SCR_OFFICE_KEY_LEN + 1): hex of a digest of its real
 * path and its program folder's versionrc (its build), or, without one,
 * the file's size and time. False when `soffice` cannot be resolved.
 */
bool scr_office_version_key(const char *soffice, char *key, size_t n);

/* ---- the pieces, for unit tests ----------------------------------------- */

/**
 * The export filter for --convert-to: tagged PDF/UA with the document's
 * title shown, headings as the outline (bookmarks) and bookmarks as named
 * destinations. Static; do not free.
 */
const char *scr_office_pdf_filter(void);

/** A file:// URL for an absolute path, percent-encoded. Caller frees. */
char *scr_file_url(const char *path);

/**
 * The page of bookmark `bookmark` in `listing`, the output of
 * `pdfinfo -dests`, or 0 when it is not there. LibreOffice writes a
 * bookmark's destination name with each character other than a letter,
 * digit or '-' as hex ("Appendix_A" becomes "Appendix5FA"); both spellings
 * are looked for.
 */
int scr_pdfinfo_dest_page(const char *listing, const char *bookmark);

/**
 * What is wrong with `pdf` (`len` bytes) as a PDF file, or NULL: it must
 * begin with %PDF- and end with startxref, the offset of a cross-reference
 * section, and %%EOF (ISO 32000-1, 7.5.5), as a file cut short or not a
 * PDF does not. The frame only, not a parse. Static; do not free.
 */
const char *scr_pdf_fault(const char *pdf, size_t len);

/** The "Pages:" count in `info`, the output of `pdfinfo PDF`; -1 if none. */
int scr_pdfinfo_page_count(const char *info);

/**
 * The first line in `info` (pdfinfo's stdout and stderr) of a poppler
 * error that means the file could not be read as it is ("Syntax Error:
 * Couldn't read xref table"), its length in *len; NULL when none.
 */
const char *scr_pdfinfo_error(const char *info, size_t *len);

/**
 * The owner's pid in the name of a private folder,
 * "scrutineer-<pid>-XXXXXX"; 0 when `name` is not one.
 */
long scr_office_work_owner(const char *name);

/**
 * The time limit in seconds from `value` (the environment variable), or
 * the default when NULL or empty; 0 when it is not a whole number from 1
 * to 86400.
 */
int scr_office_timeout(const char *value);

#endif
