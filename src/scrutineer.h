/*
 * scrutineer — committee papers from Markdown sources.
 *
 * The one public header of libscrutineer. A program builds a pack, minutes
 * or tracker by naming a source file and an output folder; everything else
 * (the workspace model, the document sink, the writers) is internal.
 */
#ifndef SCRUTINEER_H
#define SCRUTINEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SCR_VERSION "0.1.0"

/**
 * Environment: the bytes of report text whose parsed trees a build keeps in
 * memory. Reports loaded beyond it are checked, their pages counted and
 * their trees released, to be parsed again when written; 0 releases every
 * report. A tree takes about fourteen times its text.
 */
#define SCR_KEPT_TREE_TEXT_ENV "SCRUTINEER_KEPT_TREE_TEXT"
#define SCR_KEPT_TREE_TEXT_DEFAULT 1572864 /* 1.5 MB: about 21 MB of trees */

/** The language every document, page and feed is written in (BCP 47). */
#define SCR_LANGUAGE "en-GB"

/** Every failure a library call can report. */
typedef enum scr_error {
  SCR_OK = 0,     /**< success */
  SCR_E_NOMEM,    /**< an allocation failed */
  SCR_E_SOURCE,   /**< the sources have errors; see the diagnostics */
  SCR_E_USAGE,    /**< a call was given arguments it cannot use */
  SCR_E_IO,       /**< a file could not be read or written */
  SCR_E_XML,      /**< libxml2 refused to write or read XML */
  SCR_E_ZIP,      /**< libzip refused to write or read a container */
  SCR_E_TEMPLATE, /**< a template document is unusable */
  SCR_E_LIMIT,    /**< an input exceeds a safety limit */
  SCR_E_OFFICE,   /**< LibreOffice is missing, failed, or took too long */
  SCR_E_NOT_FILE, /**< a path names a folder, FIFO or device, not a file */
  SCR_E_COUNT     /**< number of codes; not an error */
} scr_error;

/** A sentence for an error code; never NULL, owned by the library. */
const char *scr_strerror(scr_error err);

/** Output formats, as a bit set. */
enum scr_format {
  SCR_FORMAT_DOCX = 1u << 0,
  SCR_FORMAT_ODT = 1u << 1,
  SCR_FORMAT_PDF = 1u << 2,
  SCR_FORMAT_CSV = 1u << 3,
  SCR_FORMAT_HTML = 1u << 4 /**< golden fragments only: the site's pages */
};

/** Options for building documents. Zero-initialise, then set fields. */
typedef struct scr_options {
  const char *out_dir;       /**< output folder; NULL means "out" */
  unsigned formats;          /**< enum scr_format bits; 0 means docx+odt */
  const char *template_path; /**< a .docx or .odt reference document, or NULL */
  bool quiet;                /**< no "wrote FILE" lines on stdout */
  const char *today;         /**< tracker: "as of" date, YYYY-MM-DD, or NULL
                                  for the system date */
  FILE *diagnostics;         /**< where diagnostics go; NULL means stderr */
  bool strict;               /**< accessibility warnings are errors */
  bool private_pack;         /**< pack: the private pack, exempt reports
                                  included; never for publication */
  bool supplement;           /**< pack: only the reports that were to follow */
  const char *publish_date;  /**< the day agendas are published, YYYY-MM-DD,
                                  or NULL for the system date: an agenda
                                  published later than five clear working
                                  days before its meeting is a warning */
} scr_options;

/**
 * Build the agenda pack for the agenda at `agenda_path`: the public pack,
 * which leaves out exempt reports and those to follow; with
 * opts->private_pack the private one with exempt reports, each page of them
 * headed NOT FOR PUBLICATION; with opts->supplement the reports that were to
 * follow. Diagnostics go to
 * stderr as `file:line:col: error: ...`. Returns SCR_E_SOURCE when the
 * sources have errors, in which case nothing is written. Accessibility
 * problems are warnings, or errors when opts->strict is set. With
 * SCR_FORMAT_PDF, LibreOffice lays the documents out first and the DOCX and
 * ODT carry the pages of its layout; SCR_E_OFFICE (nothing written) when it
 * is missing, fails, or exceeds $SCRUTINEER_PDF_TIMEOUT seconds (120).
 */
scr_error scr_build_pack(const char *agenda_path, const scr_options *opts);

/**
 * Build the minutes document for the minutes file at `minutes_path`, numbered
 * as the workspace's minutes/ folder numbers them. As scr_build_pack.
 */
scr_error scr_build_minutes(const char *minutes_path, const scr_options *opts);

/**
 * Build the work programme and action tracker of the workspace holding
 * `workspace`, as of opts->today: DOCX, ODT and (with SCR_FORMAT_CSV) CSV.
 */
scr_error scr_build_tracker(const char *workspace, const scr_options *opts);

/**
 * Build the members' download site of the workspace holding `workspace`
 * into opts->out_dir (default "site"): every agenda pack, minutes document
 * and the tracker (as of opts->today) in opts->formats (0: DOCX, ODT, and
 * PDF when LibreOffice is installed), with index.html, a page per meeting,
 * work-programme.html, style.css, meetings.ics and feed.xml. A document
 * whose inputs hash as recorded in the folder's .scrutineer-site.tsv is not
 * rebuilt; a page whose bytes are unchanged is not rewritten.
 */
scr_error scr_build_site(const char *workspace, const scr_options *opts);

/**
 * Run every validation on the workspace holding `workspace`, accessibility
 * checks included, and print every problem; write nothing. SCR_E_SOURCE
 * when there is any error. `opts` may be NULL; only opts->strict is read
 * (accessibility warnings become errors).
 */
scr_error scr_check(const char *workspace, const scr_options *opts);

/**
 * Write the Word (.docx) or LibreOffice (.odt) report at `report` as the
 * Markdown it reads as when linked as an appendix: front matter with its
 * title and author, then its text, to `md_path` (NULL: the report's path
 * with .md for its extension, which must not be there already, so that
 * edits made to an earlier import are not lost; "-": standard output).
 * Its pictures go into a folder named after the Markdown file, beside it,
 * which the Markdown names them in; the Markdown and the pictures are
 * written together or not at all. Warnings (merged table cells, pictures
 * without alt text)
 * and errors go to opts->diagnostics (stderr when NULL). SCR_E_SOURCE
 * when the report cannot be read; SCR_E_IO when the files cannot be
 * written.
 */
scr_error scr_import_report(const char *report, const char *md_path,
                            const scr_options *opts);

/**
 * Print every action agreed in the workspace's minutes to `out`, one per
 * line, tab-separated: ID, agreed at, due meeting, owner, source file:line,
 * text; a header row first. `workspace` is any path inside the workspace.
 */
scr_error scr_list_actions(const char *workspace, FILE *out);

/**
 * Start a committee in `dir`, which must not exist or be empty: a
 * committee file naming every key it takes (an example committee, six
 * meetings from next month, as of opts->today or the system date), the
 * first meeting's agenda and report, the work programme, an empty
 * minutes/ folder and the built-in house style as templates/house.docx
 * and house.odt. Files are written together or not at all, and the paths
 * printed unless opts->quiet. SCR_E_SOURCE (nothing written) when `dir`
 * is not empty or is a file; SCR_E_IO when it cannot be written.
 */
scr_error scr_init_workspace(const char *dir, const scr_options *opts);

/**
 * Draft the agenda of the meeting `date` (YYYY-MM-DD, one of the
 * committee's meetings; NULL: the first from opts->today on without an
 * agenda) in the workspace holding `workspace` (NULL: "."): agendas/DATE.md
 * with the standing items of the latest agenda before it, the minutes of
 * the previous meeting, an item per work-programme entry for the meeting,
 * and the folder agendas/DATE/. Never replaces a file: SCR_E_SOURCE, with
 * a diagnostic and nothing written, when agendas/DATE.md is there.
 */
scr_error scr_new_agenda(const char *workspace, const char *date,
                         const scr_options *opts);

/**
 * Draft the minutes of the meeting `date` (NULL: the latest up to
 * opts->today with an agenda and no minutes) as minutes/DATE.md: the
 * membership as present, and a minute per item of agendas/DATE.md, which
 * must be there. Never replaces a file, as scr_new_agenda.
 */
scr_error scr_new_minutes(const char *workspace, const char *date,
                          const scr_options *opts);

/**
 * Render the Markdown file at `md_path` (a report: no front sheet, images
 * relative to its folder) and return the body XML of one format (DOCX or
 * ODT), for golden tests. `*xml` is allocated; the caller frees it.
 */
scr_error scr_render_fragment(const char *md_path, enum scr_format format,
                              char **xml);

/** The forms of the source files' reference. */
enum scr_reference_format {
  SCR_REFERENCE_MARKDOWN, /**< docs/sources.md */
  SCR_REFERENCE_MDOC      /**< the man page scrutineer-sources(5) */
};

/**
 * Write the reference of every front-matter key, item attribute and body
 * convention of the source files to `out`, in `format` (an enum
 * scr_reference_format). Writes only: nothing to free; a write error is
 * left in ferror(out).
 */
void scr_reference_write(FILE *out, int format);

#ifdef __cplusplus
}
#endif

#endif
