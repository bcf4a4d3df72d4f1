/*
 * The members' download site: every pack, minutes document and the
 * tracker, with HTML pages that list them, a calendar and a feed. site.c
 * decides what to (re)build and writes the folder; site_html.c lays out
 * the pages from what it found.
 */
#ifndef SCR_SITE_H
#define SCR_SITE_H

#include "build.h"
#include "digest.h"

#define SCR_SITE_MAX_FILES 4 /* docx, odt, pdf, csv */

/** One file of a document, as it is in the site folder. */
typedef struct scr_site_file {
  char ext[8];
  long long size; /* bytes */
} scr_site_file;

typedef enum scr_site_kind {
  SCR_SITE_PACK,
  SCR_SITE_MINUTES,
  SCR_SITE_TRACKER
} scr_site_kind;

/** A document of the site and what the site folder holds of it. */
typedef struct scr_site_doc {
  scr_site_kind kind;
  char stem[256];
  char title[512];
  char hash[SCR_DIGEST_HEX]; /* of every input it was built from */
  char built[32];            /* when its files were made, RFC 3339 UTC */
  scr_site_file files[SCR_SITE_MAX_FILES];
  size_t n_files;
  /* a pack: the page on which each appendix starts in the DOCX and in the
     ODT (and so the PDF), or NULL when that format was not made */
  int *pages_docx, *pages_odt;
  size_t n_pages;
  bool pages_exact; /* LibreOffice's layout, not the estimate */
  bool rebuilt;     /* made by this run */
} scr_site_doc;

/** A meeting: scheduled, or with an agenda or minutes. */
typedef struct scr_site_meeting {
  scr_date date;
  int time;                   /* minutes after midnight, or -1 */
  const char *venue;          /* or NULL */
  const scr_agenda *agenda;   /* or NULL: not yet published */
  const scr_minutes *minutes; /* or NULL */
  scr_site_doc *pack, *minutes_doc;
  char page[64]; /* its page's file name */
} scr_site_meeting;

typedef struct scr_site {
  const scr_session *s;
  scr_date today;
  scr_site_meeting *meetings;
  size_t n_meetings;
  scr_site_doc *docs;
  size_t n_docs;
  scr_site_doc *tracker_doc;
  scr_tracker tracker; /* as of today, for the work-programme page */
  /* the council's index from the committee's pages, when the committee's
     site is part of its council's; else NULL */
  const char *council_home;
} scr_site;

/** A meeting of one of a council's committees, for the council's pages,
    calendar and feed: copied out of that committee's site. */
typedef struct scr_council_meeting {
  char committee[256]; /* its name */
  char slug[64];       /* its folder under committees/ */
  scr_date date;
  int time; /* minutes after midnight, or -1 */
  char venue[512];
  char page[160]; /* its page, from the council's folder */
  char uid[96];   /* its event's, as in the committee's calendar */
  char *summary;  /* the agenda's items, or that it is not yet published */
  bool published; /* its pack is on the site */
  char pack_stem[256], pack_title[512], pack_built[32];
  scr_site_file files[SCR_SITE_MAX_FILES];
  size_t n_files;
} scr_council_meeting;

/** A committee of the council site. */
typedef struct scr_council_entry {
  char name[256], slug[64];
  char **members; /* "Councillor Name (Chair)", ... */
  size_t n_members;
  size_t upcoming; /* meetings from today on */
} scr_council_entry;

/** What the council's own pages show. */
typedef struct scr_council_site {
  const scr_council *council;
  scr_date today;
  scr_council_meeting *meetings; /* by date, then committee */
  size_t n_meetings, cap_meetings;
  scr_council_entry *committees; /* in the order of their folders */
  size_t n_committees;
} scr_council_site;

/** The council's index: its upcoming meetings, every committee and its
    members, the calendar and the feed. A new string (caller frees). */
scr_error scr_site_council_html(const scr_council_site *cs, char **data,
                                size_t *len);

/* File names of the pages every site has. */
#define SCR_SITE_INDEX "index.html"
#define SCR_SITE_WORKPROGRAMME "work-programme.html"
#define SCR_SITE_CSS "style.css"
#define SCR_SITE_ICS "meetings.ics"
#define SCR_SITE_FEED "feed.xml"

/** The file name under which the site offers a PDF appendix of the pack
    `stem`, beside the pack: "<stem>-appendix-E.pdf". Into out[0..n). */
void scr_site_pdf_appendix_name(const char *stem, const scr_appendix *ap,
                                char *out, size_t n);
/** Whether the public pack shows appendix `ap` as a PDF of its own, which
    the site offers beside it. */
bool scr_site_offers_pdf(const scr_appendix *ap);
/** Whether the site offers appendix `ap` as a page of its own (and, with
    PDF, as a PDF of its own): the public pack holds it. */
bool scr_site_offers_page(const scr_appendix *ap);
/** Whether the pack's PDF is on the site, made from LibreOffice's layout:
    each report's pages are then cut from it as a PDF of their own. */
bool scr_site_offers_cuts(const scr_site_doc *pack);
/** The file name of that page: "<stem>-appendix-E.html". Into out[0..n).
    With PDF, "<stem>-appendix-E.pdf" is its pages of the pack's PDF (or,
    for a PDF appendix, the PDF as received). */
void scr_site_report_page_name(const char *stem, const scr_appendix *ap,
                               char *out, size_t n);

/* Each page as a new string (caller frees), its length in *len. */
scr_error scr_site_index_html(const scr_site *site, char **data, size_t *len);
scr_error scr_site_meeting_html(const scr_site *site, const scr_site_meeting *m,
                                char **data, size_t *len);
/** The pack's pages of appendix i, as LibreOffice laid it out: from its
    first to the page before the next appendix the public pack holds, or
    (*last 0) to the pack's end. False when the layout is not known. */
bool scr_site_report_pages(const scr_agenda *ag, const scr_site_doc *pack,
                           size_t i, int *first, int *last);
/** The page of appendix `index` of the meeting's pack, around `body` (the
    HTML writer's, raw). */
scr_error scr_site_report_html(const scr_site *site, const scr_site_meeting *m,
                               size_t index, const char *body, char **data,
                               size_t *len);
scr_error scr_site_workprogramme_html(const scr_site *site, char **data,
                                      size_t *len);
/** The stylesheet. Static. */
const char *scr_site_css(void);
/** A file's media type by extension. Static. */
const char *scr_site_media_type(const char *ext);

#endif
