/*
 * Starting a committee and its next papers: `scrutineer init DIR` writes a
 * small working committee, `new agenda` and `new minutes` the next
 * meeting's sources (init.c, init_new.c). What they write is new files
 * only, all together or none (init_files.c).
 */
#ifndef SCR_INIT_H
#define SCR_INIT_H

#include "dates.h"
#include "diag.h"
#include "outset.h"
#include "package.h"
#include "scrutineer.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- new files, written together, never over one already there ---------- */

typedef struct scr_newfiles {
  scr_outset set;
  char **dirs; /* folders made, removed again unless committed */
  size_t n_dirs, cap_dirs;
  char **shown; /* the folders made, to be told of when committed */
  size_t n_shown, cap_shown;
  bool committed;
  scr_diags *diags; /* where "already there" goes */
} scr_newfiles;

/** An empty set reporting to `diags`. Free with scr_newfiles_free. */
void scr_newfiles_init(scr_newfiles *nf, scr_diags *diags);
/** Make folder `path` when it is not there (an error when something else
    is); `tell`: list it among what was written. */
scr_error scr_newfiles_dir(scr_newfiles *nf, const char *path, bool tell);
/** Stage `text` as the new file `path`: SCR_E_SOURCE, with an error in
    the diagnostics, when anything is there already. */
scr_error scr_newfiles_text(scr_newfiles *nf, const char *path,
                            const char *text);
/** Stage a package as the new file `path`, as scr_newfiles_text. */
scr_error scr_newfiles_package(scr_newfiles *nf, const char *path,
                               const scr_package *pkg);
/** Put every file in place, after checking again that none is there yet,
    and print "wrote PATH" for each unless `quiet`. */
scr_error scr_newfiles_commit(scr_newfiles *nf, bool quiet);
/** Remove what was staged and the folders made, unless committed. */
void scr_newfiles_free(scr_newfiles *nf);

/**
 * The built-in house style as an editable document of `format` ("docx" or
 * "odt"): every style the documents use, shown with a line on how to
 * change it and name the file in committee.md. *pkg is new (caller frees
 * with scr_package_free).
 */
scr_error scr_init_house_template(const char *format, scr_package **pkg);

/* ---- pure helpers, for the commands and their tests ---------------------- */

/** Meetings init schedules. */
#define SCR_INIT_MEETINGS 6

/**
 * The schedule init writes from `today`: the third Tuesday of every other
 * month from next month on (the Wednesday when the Tuesday is a bank
 * holiday), so the first agenda can be published with notice to spare.
 */
void scr_init_schedule(scr_date today, scr_date out[SCR_INIT_MEETINGS]);

/** A file name for a report titled `title`: lower case letters and digits,
    words joined by '-', at most 48 bytes; "report" when none are left.
    Caller frees. */
char *scr_init_slug(const char *title);

/** `heading` without a trailing `{...}` attribute block and the spaces
    before it. Caller frees. */
char *scr_init_strip_attributes(const char *heading);

/** `s` as a double-quoted YAML scalar. Caller frees. */
char *scr_init_yaml_quote(const char *s);

/** What an agenda item is to the next meeting's agenda. */
typedef enum scr_item_role {
  SCR_ITEM_STANDING,      /* carried over as it is */
  SCR_ITEM_MINUTES,       /* the minutes of the previous meeting: made anew */
  SCR_ITEM_WORKPROGRAMME, /* carried over; new items go before it */
  SCR_ITEM_OWN            /* the meeting's own business: left behind */
} scr_item_role;

/**
 * The role of an item of the agenda of `date` (its folder is
 * agendas/DATE/), from its heading's title, the targets of its links and
 * whether its heading answers an action ({answers=...}). An item is
 * standing when it links no file of its meeting's own folder and answers
 * no action; the one that links minutes, or whose title speaks of minutes,
 * is the minutes item; the one linking workprogramme.md the work
 * programme's.
 */
scr_item_role scr_init_item_role(const char *date, const char *title,
                                 const char *const *links, size_t n_links,
                                 bool answers);

/** A section of an agenda: an item's Markdown, from its heading to the
    next, and its role. */
typedef struct scr_section {
  scr_item_role role;
  const char *text;
} scr_section;

/** The standing items of a committee's first agenda (init.c); static. */
const scr_section *scr_init_standing(size_t *n);

/**
 * An agenda's Markdown: front matter (date; time, minutes after midnight,
 * unless -1), `preamble` (or NULL), then the sections in order: standing
 * and work-programme ones as they are, `minutes_item` for the minutes
 * item, none of the meeting's own; `new_items` (or NULL) go just before
 * the work programme's item, or last when there is none. Caller frees;
 * NULL when out of memory.
 */
char *scr_init_agenda_text(scr_date date, int time, const char *preamble,
                           const scr_section *sections, size_t n,
                           const char *minutes_item, const char *new_items);

/**
 * The minutes item of the agenda of `date`, titled `title` (NULL: "Minutes
 * of the previous meeting"): the previous meeting is the latest before
 * `date` among `meetings` and the minutes in ROOT/minutes/. It links
 * ../minutes/PREV.md when that file is there, is {to-follow} with that
 * link when not, and says there are none to confirm when there is no
 * earlier meeting. Caller frees; NULL when out of memory.
 */
char *scr_init_minutes_item(const char *root, const scr_date *meetings,
                            size_t n, scr_date date, const char *title);

/** opts->today when given, else the system's date. */
scr_date scr_init_today(const scr_options *opts);

#endif
