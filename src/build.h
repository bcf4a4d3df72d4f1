/*
 * The one build pipeline: every command, and the fuzzing harness, load and
 * check the workspace, compose the document once per format, and hand each
 * finished package to an output. The command line's output writes files
 * atomically; a harness keeps them in memory.
 */
#ifndef SCR_BUILD_H
#define SCR_BUILD_H

#include "a11y.h"
#include "compose.h"
#include "model.h"
#include "package.h"
#include "html.h"
#include "scrutineer.h"
#include "template.h"

typedef enum scr_build_kind {
  SCR_BUILD_PACK,
  SCR_BUILD_MINUTES,
  SCR_BUILD_TRACKER
} scr_build_kind;

/*
 * Where finished documents go. `package` receives each DOCX or ODT package
 * and `bytes` each flat file (the PDF, the tracker's CSV); both are
 * borrowed for the call. `stem` is the file name without extension. A
 * non-OK return stops the build. `note` (may be NULL) hears a sentence for
 * the reader once everything is out: whether a pack's page numbers are
 * exact or estimated.
 */
typedef struct scr_layouts scr_layouts;

typedef struct scr_output {
  scr_error (*package)(void *ctx, const char *stem, const char *ext,
                       const scr_package *pkg);
  scr_error (*bytes)(void *ctx, const char *stem, const char *ext,
                     const char *data, size_t len);
  void (*note)(void *ctx, const char *sentence);
  void *ctx;
  /* (may be NULL) a pack's appendix pages as the document of format `ext`
     ("docx", "odt") carries them, pages[0..n-1]; `exact` when they are
     LibreOffice's layout, not the estimate. Borrowed for the call. */
  void (*pages)(void *ctx, const char *ext, const int *pages, size_t n,
                bool exact);
  /* (may be NULL) LibreOffice's layouts made for several documents at once
     (scr_layouts_open); NULL: each build with PDF runs LibreOffice itself */
  scr_layouts *layouts;
} scr_output;

/*
 * Build the document of `kind` from `path` (the agenda, the minutes file,
 * or any path in the workspace for the tracker) in every format of
 * opts->formats, handing each to `out`. Diagnostics go to stderr; nothing
 * reaches `out` when the sources have errors, nor when the PDF cannot be
 * made (SCR_E_OFFICE).
 */
scr_error scr_build(scr_build_kind kind, const char *path,
                    const scr_options *opts, const scr_output *out);

/* The pages a report appendix fills on its own in the session's pack,
   counted when its tree was released before writing. */
typedef struct scr_alone {
  char *agenda; /* the agenda's canonical path */
  size_t index; /* the appendix's */
  int pages;
} scr_alone;

/*
 * The workspace of a path with every source in it, loaded and checked once;
 * any number of documents can then be built from it.
 */
typedef struct scr_session {
  scr_diags diags;
  scr_workspace ws;
  scr_minutes_book book;
  scr_workprogramme wp;
  scr_agenda *agendas;
  size_t n_agendas;
  scr_template tpl;
  scr_a11y a11y;      /* each source's accessibility, checked once */
  scr_pack_kind kind; /* the pack asked for: reports' pages are counted
                         for it as they are loaded */
  scr_load_hook hook; /* sees each report loaded */
  size_t tree_text;   /* text of the reports loaded so far, in bytes */
  size_t tree_budget; /* ... beyond which their trees are released */
  scr_alone *alone;   /* pages counted for those released */
  size_t n_alone, cap_alone;
} scr_session;

/*
 * Load the workspace holding `path` and run every validation, printing what
 * was found; SCR_E_SOURCE when any of it was an error. Call
 * scr_session_close in every case.
 */
scr_error scr_session_open(scr_session *s, const char *path,
                           const scr_options *opts);
void scr_session_close(scr_session *s);

/* One document of an open session, in every format of opts->formats. */
scr_error scr_session_pack(scr_session *s, scr_agenda *ag,
                           const scr_options *opts, const scr_output *out);
/** What scr_session_report_pages does with each page it makes. */
typedef struct scr_report_pages {
  /* where the page of appendix `index` sends the bookmarks it refers to,
     into *out; NULL: each on its own page */
  void (*links)(void *ctx, size_t index, scr_html_links *out);
  /* each picture a page shows (borrowed for the call) */
  scr_error (*picture)(void *ctx, const scr_html_file *f);
  /* the page's body, borrowed for the call */
  scr_error (*page)(void *ctx, size_t index, const char *body, size_t len);
  void *ctx;
} scr_report_pages;

/**
 * Each appendix the public pack of `ag` holds as the body of a web page
 * (the HTML writer): its heading, the report's facts and its text, the
 * minutes, or the work programme as of the meeting. The first failure of
 * a callback is returned, and no page is made after it.
 */
scr_error scr_session_report_pages(scr_session *s, scr_agenda *ag,
                                   const scr_report_pages *cb);
scr_error scr_session_minutes(scr_session *s, const scr_minutes *m,
                              const scr_options *opts, const scr_output *out);
scr_error scr_session_tracker(scr_session *s, scr_date today,
                              const scr_options *opts, const scr_output *out);

/*
 * LibreOffice's layouts of many documents in one run of it: a build that
 * makes several documents with PDF (the site) first stages each, by
 * building it with an output whose `layouts` is in staging (nothing reaches
 * the output: the document's PDF source goes to LibreOffice's folder), then
 * converts them all with scr_layouts_convert, then builds each again with
 * the same output, which now takes its PDF and pages from that run.
 */
/**
 * Open LibreOffice's folder for a run of many documents, in staging.
 * SCR_E_OFFICE with a sentence on stderr when LibreOffice cannot be used;
 * *out is NULL then. Free with scr_layouts_close.
 */
scr_error scr_layouts_open(scr_layouts **out, bool progress);
/** How many documents are staged. */
size_t scr_layouts_staged(const scr_layouts *l);
/** Put `scope` (at most 63 bytes; NULL: none) before the stem by which
    each document staged or read from now on is known, so that documents
    of several workspaces with the same names stay apart. */
void scr_layouts_scope(scr_layouts *l, const char *scope);
/**
 * Convert every staged document to PDF (scr_office_convert) and leave
 * staging: later builds take their layout from here. SCR_E_OFFICE, with a
 * sentence on stderr, when any could not be made.
 */
scr_error scr_layouts_convert(scr_layouts *l);
void scr_layouts_close(scr_layouts *l);

/** The system's date, local time. */
scr_date scr_system_today(void);

#endif
