/*
 * Reports saved by Word (.docx) and LibreOffice (.odt), read as the
 * Markdown they would be written in: front matter with the title and
 * author, then the body. A report linked as an appendix is that Markdown
 * parsed as every report is (source.c), so the walker, the writers, the
 * page estimate, the accessibility checks and the exempt rules see the
 * same tree; `scrutineer import` writes the same text to a file.
 *
 * A reader walks its document and describes it to an scr_rtext, a
 * Markdown writer built on cmark-gfm's own CommonMark renderer, which does
 * the escaping. What a reader never describes is never published: deleted
 * text of tracked changes, comments, field instructions.
 */
#ifndef SCR_REPORT_H
#define SCR_REPORT_H

#include "diag.h"
#include "scrutineer.h"
#include "util.h"
#include "zpkg.h"

#include <stdbool.h>
#include <stddef.h>

/** Largest report file read, in bytes. */
#define SCR_REPORT_MAX_BYTES (64u * 1024u * 1024u)
/** Largest XML part of a report read (a 1,000-page report's body is
    about 20 MB). */
#define SCR_REPORT_PART_MAX_BYTES (96u * 1024u * 1024u)
/** Largest picture of a report embedded. */
#define SCR_REPORT_PICTURE_MAX_BYTES (20u * 1024u * 1024u)

/** Character formatting of a run, as bits. Underline is shown as
    emphasis: Markdown has none, and a report underlines to stress. */
enum scr_rtext_format {
  SCR_RT_BOLD = 1u << 0,
  SCR_RT_ITALIC = 1u << 1,
  SCR_RT_STRIKE = 1u << 2,
  SCR_RT_SUPERSCRIPT = 1u << 3,
  SCR_RT_SUBSCRIPT = 1u << 4
};

/** A picture a report embeds, kept for the source that shows it. */
typedef struct scr_embedded {
  char *url;            /* as the Markdown names it: "report/image1.png" */
  unsigned char *bytes; /* the picture's file */
  size_t len;
} scr_embedded;

typedef struct scr_embedded_set {
  scr_embedded *items;
  size_t n, cap;
} scr_embedded_set;

void scr_embedded_set_free(scr_embedded_set *set);

typedef struct scr_rtext scr_rtext;

/**
 * A writer of the Markdown for the report at `path`; pictures are named
 * under `picture_dir` (NULL: a folder named after the report:
 * "reports/budget.docx" gives "budget/image1.png", relative to the
 * report's folder). Diagnostics go to `diags`, naming `path`. NULL when
 * out of memory. Free with scr_rtext_free.
 */
scr_rtext *scr_rtext_new(const char *path, const char *picture_dir,
                         scr_diags *diags);
void scr_rtext_free(scr_rtext *t);

/* ---- blocks ------------------------------------------------------------
 * Each of these ends the block open before it and opens one that the
 * inline calls then fill. Inside a table cell, a paragraph, heading or
 * list item is a new line of the cell. */

void scr_rtext_paragraph(scr_rtext *t);
/** A heading, `level` 1..6 as the report numbers it (the pack moves a
    report's headings under its appendix's heading). */
void scr_rtext_heading(scr_rtext *t, int level);
/** A paragraph of a block quote. */
void scr_rtext_quote(scr_rtext *t);
/**
 * A paragraph that is an item of a list, at nesting `level` (0 the
 * outermost, at most 8). Items of one `list` (the reader's identity of the
 * list instance) at one level form one list; an item of another list, or
 * any other block, ends the lists open. `number` is the number the
 * application shows on an ordered item (the reader counts, continues and
 * restarts as the application does); the first item of a list gives its
 * start.
 */
void scr_rtext_item(scr_rtext *t, int level, bool ordered, int number,
                    long list);

/** A table: rows of cells. A row is a header row when the report repeats
    it on each page; header rows come first. A table inside a cell is
    written as lines of that cell, with a warning. */
void scr_rtext_table_begin(scr_rtext *t);
void scr_rtext_row_begin(scr_rtext *t, bool header);
/** A cell spanning `span` columns (1 for most); `covered` for the places
    of a cell merged from above (or, in ODT, from the left), which are
    empty in Markdown. Merging is warned of once per table. */
void scr_rtext_cell_begin(scr_rtext *t, int span, bool covered);
void scr_rtext_cell_end(scr_rtext *t);
void scr_rtext_row_end(scr_rtext *t);
void scr_rtext_table_end(scr_rtext *t);

/** The pages from the next block on are landscape (or portrait again),
    as the report's own sections are: written as `<!-- landscape -->` and
    `<!-- portrait -->`, which the pack turns its pages by (rawhtml.h). */
void scr_rtext_orientation(scr_rtext *t, bool landscape);

/** A footnote (or endnote) referenced here: its mark at this point, and
    the paragraphs described until scr_rtext_note_end its text. Notes do
    not nest; one inside a note is left out. */
void scr_rtext_note_begin(scr_rtext *t);
void scr_rtext_note_end(scr_rtext *t);

/* ---- inlines: into the open block (a paragraph is opened for them when
   none is) ---- */

/** UTF-8 text, `len` bytes; tabs are shown as a space, and characters
    XML forbids are dropped. */
void scr_rtext_text(scr_rtext *t, const char *text, size_t len,
                    unsigned format);
void scr_rtext_line_break(scr_rtext *t);
/** A link to `url` (an external address; "#name" for a bookmark of the
    report, which leads to the heading it marks) around the text described
    until scr_rtext_link_end. Links do not nest. */
void scr_rtext_link_begin(scr_rtext *t, const char *url);
void scr_rtext_link_end(scr_rtext *t);
/** A bookmark called `name` here: a link to "#name" leads to the heading
    it is in (a bookmark elsewhere leads nowhere, and its links are shown
    as their text). */
void scr_rtext_bookmark(scr_rtext *t, const char *name);
/**
 * A picture: `bytes` (taken, freed here) of `len` bytes, `alt` its
 * description (NULL or "" when it has none, which `check` warns of), and
 * `what` the part it is in, for a warning when it is neither PNG nor JPEG
 * (then its description stands in for it).
 */
void scr_rtext_picture(scr_rtext *t, unsigned char *bytes, size_t len,
                       const char *alt, const char *what);

/**
 * Number `n` as a list level shows it, appended to `out`: `format` 'a' or
 * 'A' for letters (z, then aa, bb, as Word and LibreOffice go on), 'i' or
 * 'I' for roman numerals (up to 3999), anything else digits.
 */
void scr_rtext_number(scr_buf *out, int n, char format);

/** The title and author, for the front matter (NULL or "" when none; the
    first call with one wins). The title is the report's first paragraph
    in its Title style; without one, its first heading titles it, and
    without a heading the title its metadata gives (scr_rtext_doc_title:
    dc:title), which is often a template's stale name. */
void scr_rtext_title(scr_rtext *t, const char *title);
void scr_rtext_doc_title(scr_rtext *t, const char *title);
void scr_rtext_author(scr_rtext *t, const char *author);

/** A warning about the report, naming its file. */
void scr_rtext_warn(scr_rtext *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * The Markdown written: front matter, body, notes (caller frees) into
 * *out and *len, and the pictures it names into *pictures (caller frees
 * with scr_embedded_set_free). SCR_E_NOMEM when out of memory at any
 * point.
 */
scr_error scr_rtext_finish(scr_rtext *t, char **out, size_t *len,
                           scr_embedded_set *pictures);

/** The bytes of pictures a report may have read, all told: one picture
    shown in many places is read again for each. */
#define SCR_REPORT_READ_BUDGET (4 * (size_t)SCR_REPORT_MAX_BYTES)

/* ---- the readers ---- */

/** The report in `p` (a DOCX) described to `t`. Parts missing or
    malformed are errors naming them; returns SCR_E_SOURCE then. */
scr_error scr_report_read_docx(const scr_zpkg *p, scr_rtext *t);
/** The same for an ODT. */
scr_error scr_report_read_odt(const scr_zpkg *p, scr_rtext *t);

/** Whether `path` names a report of Word's or LibreOffice's (.docx,
    .odt), by its extension. */
bool scr_report_is_office(const char *path);

/** Whether `path` names a PDF appendix (.pdf, any case). */
bool scr_report_is_pdf(const char *path);

/**
 * The Markdown the report at `path` reads as (caller frees *out), its
 * pictures named under `picture_dir` as for scr_rtext_new, and the
 * pictures (caller frees with scr_embedded_set_free). Returns SCR_E_SOURCE
 * with errors in `diags` when the file is not a usable report: not a zip
 * package, saved with a password, macro-enabled, a zip bomb, parts
 * missing or malformed.
 */
scr_error scr_report_markdown(const char *path, const char *picture_dir,
                              char **out, size_t *len,
                              scr_embedded_set *pictures, scr_diags *diags);

#endif
