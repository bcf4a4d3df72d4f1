/*
 * The workspace model: the committee, an agenda with its items and
 * appendices, and the images the sources embed. Built from sources and
 * validated once; composers only read it.
 */
#ifndef SCR_MODEL_H
#define SCR_MODEL_H

#include "dates.h"
#include "diag.h"
#include "image.h"
#include "source.h"

typedef struct scr_contact {
  /* borrowed from the front matter; all but the name may be NULL */
  const char *name, *role, *email, *phone;
} scr_contact;

/** agendas/committee.md. Strings are borrowed from `src`, but for
    template_path. */
typedef struct scr_committee {
  scr_source *src;
  const char *council, *name, *short_name;
  const char *chair, *vice_chair;
  const char **members;
  size_t n_members;
  const char **co_opted;
  size_t n_co_opted;
  scr_contact *contacts;
  size_t n_contacts;
  const char *enquiries, *address, *venue;
  const char *signatory;      /* who signs the front sheet, or NULL */
  const char *signatory_role; /* for whom: "Monitoring Officer" unless
                                 signatory_role: says */
  int time;                   /* minutes after midnight, or -1 */
  scr_date *meetings;
  size_t n_meetings;
  bool number_appendices;          /* appendix_numbering: numbers */
  char *template_path;             /* template:, resolved from committee.md and
                                      checked to be in the workspace, as the user
                                      would write it from here (owned), or NULL */
  int template_line, template_col; /* where template: names it */
  scr_holidays holidays;           /* bank_holidays:, here or the council's */
  scr_source *standing;            /* whose body is the front sheet's
                                      standing text: `src`, or council.md's
                                      when committee.md has no body */
} scr_committee;

/** One committee of a council: its folder under committees/. */
typedef struct scr_council_committee {
  char *folder;     /* as the user would write it: COUNCIL/committees/cype */
  char *name;       /* committee: of its committee.md, or NULL */
  char *short_name; /* short:, else the name, else the folder's name */
} scr_council_committee;

/**
 * council.md: the defaults every committee under committees/ inherits.
 * Strings are borrowed from `src`, but for the paths and the committees.
 */
typedef struct scr_council {
  char *root;      /* the council's folder, as the user would write it */
  char *root_real; /* canonical: links may not leave it */
  scr_source *src; /* council.md */
  const char *name, *address, *enquiries, *venue;
  const char *signatory, *signatory_role; /* or NULL */
  int time;                               /* minutes after midnight, or -1 */
  scr_contact *contacts;
  size_t n_contacts;
  int numbering;       /* appendix_numbering: -1 unset, 0 letters, 1 numbers */
  char *template_path; /* resolved from council.md, or NULL */
  scr_holidays holidays;
  bool holidays_given; /* bank_holidays: is written */
  /* filled by scr_council_open only, in the order of their folder names */
  scr_council_committee *committees;
  size_t n_committees;
} scr_council;

/** The workspace: its root folder and committee. */
typedef struct scr_workspace {
  char *root;      /* as the user would write it, e.g. "." */
  char *root_real; /* canonical, for containment checks */
  scr_committee committee;
  /* The council whose committees/ folder holds the committee (owned), or
     NULL for a committee on its own. Paths may then lead anywhere inside
     the council's folder, to another committee's reports too. */
  scr_council *council;
  /* Sources named before they are needed are parsed on a second thread
     (ahead.h); NULL reads each when it is needed. Not owned. */
  struct scr_ahead *ahead;
} scr_workspace;

typedef enum scr_appendix_kind {
  SCR_APPENDIX_REPORT,
  SCR_APPENDIX_MINUTES,
  SCR_APPENDIX_WORKPROGRAMME
} scr_appendix_kind;

/* ---- minutes ----------------------------------------------------------- */

/** Where an action's due meeting came from. */
typedef enum scr_due_from {
  SCR_DUE_NONE,     /* no due meeting */
  SCR_DUE_EXPLICIT, /* {due=YYYY-MM-DD} */
  SCR_DUE_MONTH     /* "brought back ... in September" */
} scr_due_from;

/** Resolution n of minute m, ID "m.n". */
typedef struct scr_resolution {
  char id[32];
  int minute, index;
  char *text; /* plain text, attributes removed */
  int line, col;
  bool action; /* asks for something to happen */
  scr_due_from due_from;
  scr_date due; /* valid when due_from != SCR_DUE_NONE */
  char *owner;  /* or NULL */
} scr_resolution;

typedef struct scr_minute {
  int number;
  char *title;
  cmark_node *heading;
  int line;
} scr_minute;

/** One minutes file. */
typedef struct scr_minutes {
  scr_source *src;
  char *real;
  scr_date date;
  int time, closed; /* minutes after midnight, or -1 */
  int first;        /* number of the first minute */
  int first_line;   /* line of `first_minute`, or 0 when numbered on */
  scr_minute *items;
  size_t n_items;
  scr_resolution *res;
  size_t n_res, cap_res;
} scr_minutes;

/** Every minutes file of the workspace, in date order. */
typedef struct scr_minutes_book {
  scr_minutes *files;
  size_t n;
} scr_minutes_book;

/**
 * Load and number every .md file in minutes/, find resolutions and actions.
 * Errors (bad front matter, clashing or backwards numbers, bad attributes) go
 * to `diags`. Free with scr_minutes_book_free.
 */
scr_error scr_minutes_book_load(const scr_workspace *ws, scr_minutes_book *book,
                                scr_diags *diags);
void scr_minutes_book_free(scr_minutes_book *book);
/** The minutes file with canonical path `real`, or NULL. */
const scr_minutes *scr_minutes_find(const scr_minutes_book *book,
                                    const char *real);
/** The number of the last minute of a file (first - 1 when it has none). */
int scr_minutes_last(const scr_minutes *m);

/* ---- work programme and tracker ------------------------------------------ */

/** One item of the work programme (or of its forward plan). */
typedef struct scr_wp_item {
  char *title;
  char **actions; /* "Recommendations / Actions" lines */
  size_t n_actions, cap_actions;
  char *progress;      /* after "Progress:", or NULL */
  char *proposed_date; /* forward plan: after "Proposed date:", or NULL */
  char **answers;      /* resolution IDs this item answers */
  size_t n_answers, cap_answers;
  bool done; /* "Progress: done ..." */
  int line;
} scr_wp_item;

typedef struct scr_wp_meeting {
  scr_date date;
  int line;
  scr_wp_item *items;
  size_t n_items, cap_items;
} scr_wp_meeting;

/** agendas/workprogramme.md. */
typedef struct scr_workprogramme {
  scr_source *src;
  char *title;
  scr_wp_meeting *meetings;
  size_t n_meetings, cap_meetings;
  scr_wp_item *forward;
  size_t n_forward, cap_forward;
} scr_workprogramme;

/**
 * Load agendas/workprogramme.md when the workspace has one (*wp stays empty
 * otherwise). Dated headings must be scheduled meetings. Free with
 * scr_workprogramme_free.
 */
scr_error scr_workprogramme_load(const scr_workspace *ws, scr_workprogramme *wp,
                                 scr_diags *diags);
void scr_workprogramme_free(scr_workprogramme *wp);

/** An action's place in the tracker, as of a date. */
typedef enum scr_status {
  SCR_STATUS_DONE,
  SCR_STATUS_ON_AGENDA,
  SCR_STATUS_SCHEDULED,
  SCR_STATUS_OVERDUE,
  SCR_STATUS_UNSCHEDULED,
  SCR_STATUS_COUNT
} scr_status;

/** The facts status is decided on (DESIGN section 3). */
typedef struct scr_status_facts {
  bool minuted_answer; /* an agenda answering it is of a minuted meeting */
  bool recorded_done;  /* the work programme says "Progress: done" */
  bool agenda_answer;  /* an agenda answering it exists, not yet minuted */
  bool planned_ahead;  /* the work programme places it at a meeting >= today */
  bool planned_past;   /* ... or at a meeting already past */
  bool has_due;
  bool due_ahead; /* its due meeting is today or later */
} scr_status_facts;

/** The status those facts give. */
scr_status scr_status_of(const scr_status_facts *f);
/** "done", "on agenda", "scheduled", "overdue", "unscheduled". */
const char *scr_status_name(scr_status s);

typedef struct scr_tracked {
  const scr_minutes *minutes;
  const scr_resolution *res;
  scr_status status;
  char *answered_by; /* "Agenda 8 September 2026 (item 5); ..." or "" */
} scr_tracked;

typedef struct scr_tracker {
  scr_date today;
  scr_tracked *rows;
  size_t n;
  size_t count[SCR_STATUS_COUNT];
} scr_tracker;

struct scr_agenda;
/**
 * Check every {answers=ID} on agendas and the work programme: an ID that
 * names no resolution is an error at the answering item, one that names a
 * decision a warning.
 */
void scr_tracker_check_answers(const scr_minutes_book *book,
                               const scr_workprogramme *wp,
                               const struct scr_agenda *agendas,
                               size_t n_agendas, scr_diags *diags);

/**
 * Follow every action in `book` to the agendas and work-programme items
 * that answer it, as of `today`. When `diags` is given the answers are
 * checked first, as scr_tracker_check_answers does. Free with
 * scr_tracker_free.
 */
scr_error scr_tracker_build(const scr_minutes_book *book,
                            const scr_workprogramme *wp,
                            const struct scr_agenda *agendas, size_t n_agendas,
                            scr_date today, scr_tracker *out, scr_diags *diags);
void scr_tracker_free(scr_tracker *t);
/**
 * Leave out of `t` the actions that minutes exempt in `ag` agreed: the
 * public pack's tracker must not tell what was decided in private.
 */
void scr_tracker_drop_exempt(scr_tracker *t, const struct scr_agenda *ag);

typedef struct scr_appendix {
  char *path;     /* display path, relative to where the user ran us */
  char *real;     /* canonical path: the identity of the file */
  char label[16]; /* "A", "AA" or "1" */
  char bookmark[32];
  char end_bookmark[36]; /* on its last paragraph */
  char *title;
  scr_appendix_kind kind;
  scr_source *src;
  const scr_ynode *meta;      /* src->meta, or NULL */
  const scr_minutes *minutes; /* minutes appendices: borrowed from the book;
                                 src is then the book's too */
  int exempt;     /* Schedule 12A paragraph of the exempt item that links it
                     (or links the report that does); 0 when public */
  bool to_follow; /* linked from a {to-follow} item: in the supplement */
  bool missing;   /* to follow and not written yet: src is NULL */
} scr_appendix;

/** A link `[Appendix](file)` in the agenda and the appendix it names. */
typedef struct scr_appendix_ref {
  cmark_node *link;         /* NULL while its source's tree is released */
  const scr_source *source; /* the agenda, or the report holding the link */
  int line, col;            /* where the link is */
  size_t appendix;          /* index into scr_agenda.appendices */
} scr_appendix_ref;

typedef struct scr_item {
  int number;
  char *title;
  cmark_node *heading;
  int line;
  int exempt;     /* Schedule 12A paragraph, 0 when public */
  bool to_follow; /* {to-follow} */
  char *answers;  /* {answers=ID}, or NULL */
} scr_item;

typedef struct scr_agenda {
  scr_source *src;
  char *real; /* canonical path */
  scr_date date;
  int time;          /* minutes after midnight */
  const char *venue; /* borrowed */
  scr_item *items;
  size_t n_items;
  scr_appendix *appendices;
  size_t n_appendices, cap_appendices;
  scr_appendix_ref *refs;
  size_t n_refs, cap_refs;
  scr_holidays holidays; /* the committee's, for the notice it gives */
} scr_agenda;

/**
 * Find the workspace holding `file` (the first folder upwards with an
 * `agendas/` folder) and load its committee; when that folder is in a
 * council's committees/ folder, council.md too, and what committee.md does
 * not say is taken from it. A council's own folder is not a committee: an
 * error. Problems go to `diags`. Free with scr_workspace_free.
 */
scr_error scr_workspace_open(const char *file, scr_workspace *ws,
                             scr_diags *diags);
void scr_workspace_free(scr_workspace *ws);
/** True when `real` (a canonical path) is inside the committee's own
    folder. */
bool scr_workspace_holds(const scr_workspace *ws, const char *real);

/** True when `path` is a council's folder: it holds council.md and a
    committees/ folder. */
bool scr_is_council_root(const char *path);
/**
 * Load council.md of the council folder `path` and list its committees,
 * each folder of committees/ (a folder without agendas/committee.md is an
 * error). Problems go to `diags`; SCR_E_SOURCE when there were errors.
 * Free with scr_council_free.
 */
scr_error scr_council_open(const char *path, scr_council *council,
                           scr_diags *diags);
void scr_council_free(scr_council *council);
/** True when `d` is one of the committee's scheduled meetings. */
bool scr_committee_meets(const scr_committee *c, scr_date d);

/** Whether list entry `entry` names the person `name`, by the surname each
    ends with ("Councillor Ann Able (Chair)" is "Ann Able"); false when
    either is NULL. */
bool scr_same_person(const char *entry, const char *name);

/**
 * What a loader may do with each report once it, its images and its own
 * appendices are loaded: check it, and release its tree to keep memory
 * bounded. NULL members and a NULL hook do nothing.
 */
typedef struct scr_load_hook {
  scr_error (*report_loaded)(void *ctx, scr_agenda *agenda, size_t appendix);
  void *ctx;
} scr_load_hook;

/**
 * Load the agenda at `path` with every appendix it names and every image
 * their bodies embed; minutes appendices come from `book`. `hook` (or NULL)
 * sees each report as it is loaded. Errors go to `diags`; SCR_E_SOURCE when
 * there were any. Free with scr_agenda_free.
 */
scr_error scr_agenda_load(const scr_workspace *ws, const scr_minutes_book *book,
                          const char *path, const scr_load_hook *hook,
                          scr_agenda *agenda, scr_diags *diags);
void scr_agenda_free(scr_agenda *agenda);

/** Which pack of an agenda to build. Zero is the public agenda pack. */
typedef struct scr_pack_kind {
  bool private_pack; /* exempt appendices too, each page marked NOT FOR
                        PUBLICATION; never for publication */
  bool supplement;   /* only the appendices that were to follow */
} scr_pack_kind;

/**
 * True when appendix `ap` is in the pack of `kind`: reports to follow only
 * in a supplement (once written), others only in the agenda pack; exempt
 * ones only in the private pack.
 */
bool scr_pack_includes(scr_pack_kind kind, const scr_appendix *ap);

/**
 * A supplement needs a report to bring: a late report not written yet is
 * left out with a warning at its link, and a supplement with nothing in it
 * is an error at the agenda's body.
 */
void scr_agenda_check_supplement(const scr_agenda *ag, scr_pack_kind kind,
                                 scr_diags *diags);

/**
 * Load every agenda of the workspace (agendas/YYYY-MM-DD.md), in date
 * order. Free with scr_agendas_free.
 */
scr_error scr_agendas_load(const scr_workspace *ws,
                           const scr_minutes_book *book,
                           const scr_load_hook *hook, scr_agenda **list,
                           size_t *n, scr_diags *diags);
void scr_agendas_free(scr_agenda *list, size_t n);

/* Clear working days' notice of a meeting: Local Government Act 1972,
   s.100B(3). */
#define SCR_NOTICE_DAYS 5

/**
 * Warn, at the agenda's `date:`, when an agenda published on `published`
 * gives its meeting (on or after that day) less than SCR_NOTICE_DAYS clear
 * working days' notice, saying the last day it could have been published.
 */
void scr_agenda_check_notice(const scr_agenda *agenda, scr_date published,
                             scr_diags *diags);

/** The appendix a link node names, or NULL. */
const scr_appendix *scr_agenda_ref(const scr_agenda *agenda, cmark_node *link);

/**
 * Make sure a report appendix's tree is loaded, parsing its text again when
 * it was released, and binding its [Appendix] links to their appendices
 * again. Sets *reparsed when it had to (the caller then releases it after
 * use). SCR_E_NOMEM when it cannot.
 */
scr_error scr_appendix_tree(scr_agenda *agenda, size_t index, bool *reparsed);
/** Release a report appendix's tree; its links are unbound until reparsed. */
void scr_appendix_release_tree(scr_agenda *agenda, size_t index);

/** Appendix label for index i (0-based): A..Z, AA..; or 1, 2, ... */
void scr_appendix_label(size_t i, bool numbers, char *out, size_t n);

/**
 * Load every local image a source's body embeds and attach it to its node
 * (cmark user data); a missing file or one that is not PNG or JPEG is an
 * error at the image's place. Free with scr_images_release.
 */
void scr_images_load(const scr_workspace *ws, scr_source *src,
                     scr_diags *diags);
void scr_images_release(scr_source *src);
/**
 * Call `fn` with each image loaded for a source's body, in document order,
 * whether its tree is loaded or released.
 */
void scr_images_each(const scr_source *src,
                     void (*fn)(void *ctx, const scr_image *image), void *ctx);
/** The image attached to an image node, or NULL (remote or not loaded). */
const scr_image *scr_image_of(cmark_node *node);

/**
 * Resolve `target`, named in `from_file`, to a file inside the workspace.
 * On success returns SCR_OK with *display (lexically tidied path) and *real
 * (canonical path), both for the caller to free; otherwise reports an error
 * at line:col and returns SCR_E_SOURCE.
 */
scr_error scr_resolve_target(const scr_workspace *ws, const char *from_file,
                             const char *target, int line, int col,
                             const char *what, scr_diags *diags, char **display,
                             char **real);

#endif
