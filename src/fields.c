/* The table of every front-matter key and item attribute (see fields.h). */
#include "fields.h"
#include "util.h"

#include <string.h>

#define END_OF_FIELDS                                                          \
  { .name = NULL }

static const scr_field COMMITTEE[] = {
    {.name = "council",
     .type = SCR_FIELD_TEXT,
     .required = true,
     .example = "council: Borough Council",
     .does = "The council's name, as the front sheet, the minutes and the "
             "site print it; in a council workspace council.md gives it "
             "unless it is written here."},
    {.name = "committee",
     .type = SCR_FIELD_TEXT,
     .required = true,
     .example = "committee: Scrutiny Committee",
     .does = "The committee's full name, heading the front sheet, the "
             "minutes and the site."},
    {.name = "short",
     .type = SCR_FIELD_TEXT,
     .example = "short: SC",
     .does = "A short name the document files are named with "
             "(SC-2026-06-17-agenda.docx); without it, the full name."},
    {.name = "chair",
     .type = SCR_FIELD_TEXT,
     .example = "chair: Councillor Ann Able",
     .does = "The chair: listed first among the members, marked (Chair), "
             "and marked so in the minutes where the name is present."},
    {.name = "vice_chair",
     .type = SCR_FIELD_TEXT,
     .example = "vice_chair: Councillor Ben Baker",
     .does = "The vice-chair: listed after the chair, marked (Vice-Chair)."},
    {.name = "members",
     .type = SCR_FIELD_TEXT_LIST,
     .example = "members: [Councillor Cat Cole, Councillor Dan Dee]",
     .does = "The members other than the chair and the vice-chair, in the "
             "order they are listed; the chair or vice-chair named here "
             "as well would appear twice, and is warned of."},
    {.name = "co_opted",
     .type = SCR_FIELD_TEXT_LIST,
     .example = "co_opted: [\"Eve Ek (Parent Governor Representative)\"]",
     .does = "Co-opted members, listed after the members as Co-opted "
             "Member; quote an entry that holds a comma or a colon."},
    {.name = "contacts",
     .type = SCR_FIELD_CONTACT_LIST,
     .example = "contacts: [{name: Fay Fox, role: Governance Services, "
                "email: fay.fox@example.gov.uk, phone: 0116 454 0000}]",
     .does = "The officers to contact about the meeting, under Officer "
             "contacts on the front sheet and on the site; each takes the "
             "fields listed under Contacts."},
    {.name = "enquiries",
     .type = SCR_FIELD_EMAIL,
     .example = "enquiries: governance@example.gov.uk",
     .does = "The mailbox for general enquiries, printed under the officer "
             "contacts."},
    {.name = "address",
     .type = SCR_FIELD_TEXT,
     .example = "address: Town Hall, High Street",
     .does = "The postal address of the committee's officers, printed "
             "under the officer contacts."},
    {.name = "venue",
     .type = SCR_FIELD_TEXT,
     .example = "venue: Room 1, Town Hall",
     .does = "Where the committee usually meets; an agenda's own `venue` "
             "replaces it for that meeting."},
    {.name = "time",
     .type = SCR_FIELD_TIME,
     .example = "time: \"18:00\"",
     .does = "When the committee usually meets, on the 24-hour clock and "
             "in quotes; an agenda's or the minutes' own `time` replaces it."},
    {.name = "meetings",
     .type = SCR_FIELD_DATE_LIST,
     .required = true,
     .example = "meetings: [2026-04-14, 2026-06-17, 2026-09-08]",
     .does = "The scheduled meetings. An agenda must be for one of them; "
             "actions are due at them, and a month a resolution names is "
             "mapped to the one meeting in it."},
    {.name = "appendix_numbering",
     .type = SCR_FIELD_CHOICE,
     .choices = "letters, numbers",
     .example = "appendix_numbering: letters",
     .does = "Whether appendices are Appendix A, B, C (letters, the "
             "default) or Appendix 1, 2, 3 (numbers)."},
    {.name = "signatory",
     .type = SCR_FIELD_TEXT,
     .example = "signatory: Kamal Adatia, City Barrister and Head of "
                "Standards",
     .does = "Who signs the front sheet: the name is printed above the "
             "line For Monitoring Officer (or For and the "
             "`signatory_role` given)."},
    {.name = "signatory_role",
     .type = SCR_FIELD_TEXT,
     .example = "signatory_role: Monitoring Officer",
     .does = "On whose behalf the front sheet is signed: the line under "
             "the signatory says For and this role; without it, For "
             "Monitoring Officer."},
    {.name = "template",
     .type = SCR_FIELD_PATH,
     .example = "template: ../templates/house.docx",
     .does = "The council's house style, a Word (.docx) or LibreOffice "
             "(.odt) document, used by every command; --template on the "
             "command line replaces it."},
    {.name = "bank_holidays",
     .type = SCR_FIELD_CHOICE,
     .choices = "England and Wales, Scotland",
     .example = "bank_holidays: Scotland",
     .does = "Whose bank holidays do not count as working days when the "
             "notice an agenda gives is checked: England and Wales (the "
             "default) or Scotland (2 January, the first Monday in August "
             "and St Andrew's Day, but not Easter Monday)."},
    {.name = "title",
     .type = SCR_FIELD_TEXT,
     .example = "title: Scrutiny Committee",
     .does = "Accepted for the council's own records; not printed."},
    {.name = "email",
     .type = SCR_FIELD_EMAIL,
     .example = "email: scrutiny@example.gov.uk",
     .does = "Accepted for the council's own records; not printed (the "
             "front sheet gives `enquiries` and the contacts)."},
    END_OF_FIELDS};

static const scr_field CONTACT[] = {
    {.name = "name",
     .type = SCR_FIELD_TEXT,
     .required = true,
     .example = "name: Fay Fox",
     .does = "The officer's name."},
    {.name = "role",
     .type = SCR_FIELD_TEXT,
     .example = "role: Governance Services",
     .does = "Their role, printed in brackets after the name."},
    {.name = "email",
     .type = SCR_FIELD_EMAIL,
     .example = "email: fay.fox@example.gov.uk",
     .does = "Their email address, a link on the front sheet and the site."},
    {.name = "phone",
     .type = SCR_FIELD_TEXT,
     .example = "phone: 0116 454 0000",
     .does = "Their telephone number, printed beside the email address "
             "(a link to call on the site)."},
    END_OF_FIELDS};

static const scr_field AGENDA[] = {
    {.name = "date",
     .type = SCR_FIELD_DATE,
     .required = true,
     .example = "date: 2026-06-17",
     .does = "The meeting's date: one of the committee's `meetings`, and "
             "the file's own name (2026-06-17.md)."},
    {.name = "time",
     .type = SCR_FIELD_TIME,
     .example = "time: \"17:30\"",
     .does = "When the meeting starts, if not at the committee's `time`."},
    {.name = "venue",
     .type = SCR_FIELD_TEXT,
     .example = "venue: Council Chamber, Town Hall",
     .does = "Where the meeting is held, if not at the committee's `venue`."},
    {.name = "title",
     .type = SCR_FIELD_TEXT,
     .example = "title: Agenda",
     .does = "Accepted for the council's own records; the pack is titled "
             "by the committee and the date."},
    END_OF_FIELDS};

static const scr_field REPORT[] = {
    {.name = "title",
     .type = SCR_FIELD_TEXT,
     .example = "title: Budget monitoring",
     .does = "The report's title, under its appendix label and in the "
             "list of appendices; without it the first heading titles the "
             "report, and without that the file name. A heading that says "
             "the title again is not repeated.",
     .imported = "Word and ODT: the first paragraph in the Title style, "
                 "else the first heading, else the document's title "
                 "property. PDF: its title property."},
    {.name = "author",
     .type = SCR_FIELD_TEXT,
     .example = "author: Fay Fox, Head of Finance",
     .does = "Printed under the title: Report author: ...",
     .imported = "Word and ODT: the document's author (creator) property."},
    {.name = "lead_director",
     .type = SCR_FIELD_TEXT,
     .example = "lead_director: Director of Children's Services",
     .does = "Printed under the title: Lead director: ..."},
    {.name = "date",
     .type = SCR_FIELD_DATE,
     .example = "date: 2026-06-01",
     .does = "The report's date, printed under the title: Date: 1 June "
             "2026."},
    {.name = "language",
     .type = SCR_FIELD_LANGUAGE,
     .example = "language: cy",
     .does = "The language the report is written in, so that its text is "
             "tagged for screen readers and set in that script's faces "
             "(cy, pl, ur, pa-Arab, zh-Hant)."},
    {.name = "ward",
     .type = SCR_FIELD_TEXT,
     .example = "ward: Castle",
     .does = "The wards the report concerns; accepted for the council's "
             "own records, not printed."},
    {.name = "contact",
     .type = SCR_FIELD_TEXT,
     .example = "contact: fay.fox@example.gov.uk",
     .does = "Who to ask about the report; accepted for the council's own "
             "records, not printed."},
    END_OF_FIELDS};

static const scr_field MINUTES[] = {
    {.name = "date",
     .type = SCR_FIELD_DATE,
     .required = true,
     .example = "date: 2026-04-14",
     .does = "The meeting's date, and the file's own name "
             "(2026-04-14.md); minutes are numbered on in date order."},
    {.name = "time",
     .type = SCR_FIELD_TIME,
     .example = "time: \"17:30\"",
     .does = "When the meeting started, if not at the committee's `time`, "
             "printed as Held: ... at 5:30 pm."},
    {.name = "closed",
     .type = SCR_FIELD_TIME,
     .example = "closed: \"18:46\"",
     .does = "When the meeting closed, printed as The meeting closed at "
             "6:46 pm (left out when the minutes already say it)."},
    {.name = "first_minute",
     .type = SCR_FIELD_NUMBER,
     .example = "first_minute: 214",
     .does = "The number of the first minute; without it the numbers run "
             "on from the previous minutes."},
    {.name = "present",
     .type = SCR_FIELD_TEXT_LIST,
     .example = "present: [Councillor Ann Able, Councillor Cat Cole]",
     .does = "The members present; the chair and vice-chair are marked "
             "(Chair) and (Vice-Chair) unless the entry has brackets."},
    {.name = "also_present",
     .type = SCR_FIELD_TEXT_LIST,
     .example = "also_present: [Director of Children's Services]",
     .does = "Others present: officers, executive members, witnesses."},
    {.name = "apologies",
     .type = SCR_FIELD_TEXT_LIST,
     .example = "apologies: [Councillor Dan Dee]",
     .does = "Apologies for absence."},
    {.name = "venue",
     .type = SCR_FIELD_TEXT,
     .example = "venue: Room 1, Town Hall",
     .does = "Accepted for the council's own records; not printed."},
    {.name = "title",
     .type = SCR_FIELD_TEXT,
     .example = "title: Minutes",
     .does = "Accepted for the council's own records; minutes are titled "
             "Minutes of the meeting held on ... ."},
    END_OF_FIELDS};

static const scr_field WORKPROGRAMME[] = {
    {.name = "title",
     .type = SCR_FIELD_TEXT,
     .example = "title: Work programme 2026/27",
     .does = "The work programme's title as an appendix; without it, Work "
             "programme."},
    END_OF_FIELDS};

static const scr_field ITEM[] = {
    {.name = "exempt",
     .type = SCR_FIELD_CHOICE,
     .choices = "1, 2, 3, 4, 5, 6, 7",
     .example = "exempt=3",
     .does = "The item is exempt from publication under that paragraph of "
             "Part 1 of Schedule 12A to the Local Government Act 1972: the "
             "public pack lists it with a notice and leaves its reports "
             "out; the private pack (pack --private) prints them under NOT "
             "FOR PUBLICATION. Exempt items go last."},
    {.name = "to-follow",
     .type = SCR_FIELD_FLAG,
     .example = "to-follow",
     .does = "The item's reports are late: the pack shows Appendix D (to "
             "follow) in their place and leaves them out, and pack "
             "--supplement brings them once written. Remove it when the "
             "reports are in the pack."},
    {.name = "answers",
     .type = SCR_FIELD_ID,
     .example = "answers=215.2",
     .does = "The item answers that action of earlier minutes: the tracker "
             "follows the action to this meeting."},
    END_OF_FIELDS};

static const scr_field RESOLUTION[] = {
    {.name = "due",
     .type = SCR_FIELD_DATE,
     .example = "due=2026-09-08",
     .does = "The resolution is an action due at that meeting, one of the "
             "committee's `meetings`."},
    {.name = "owner",
     .type = SCR_FIELD_TEXT,
     .example = "owner=\"Director of Children's Services\"",
     .does = "The resolution is an action for that person or post (quote "
             "it when it has spaces), named as its owner in the tracker."},
    END_OF_FIELDS};

static const scr_field WP_ITEM[] = {
    {.name = "answers",
     .type = SCR_FIELD_IDS,
     .example = "answers=222.1",
     .does = "The item answers that action (or those, separated by commas: "
             "answers=222.1,223.2): the tracker shows it as scheduled."},
    END_OF_FIELDS};

/* A council's defaults: each is the committee.md key of the same name,
   which replaces it for that committee. */
static const scr_field COUNCIL[] = {
    {.name = "council",
     .type = SCR_FIELD_TEXT,
     .required = true,
     .example = "council: Leicester City Council",
     .does = "The council's name, printed by every committee's front "
             "sheet, minutes and site."},
    {.name = "address",
     .type = SCR_FIELD_TEXT,
     .example = "address: City Hall, 115 Charles Street, Leicester, LE1 1FZ",
     .does = "The postal address of the committees' officers, printed "
             "under the officer contacts."},
    {.name = "enquiries",
     .type = SCR_FIELD_EMAIL,
     .example = "enquiries: governance@example.gov.uk",
     .does = "The mailbox for general enquiries, printed under the officer "
             "contacts."},
    {.name = "contacts",
     .type = SCR_FIELD_CONTACT_LIST,
     .example = "contacts: [{name: Fay Fox, role: Governance Services, "
                "email: fay.fox@example.gov.uk}]",
     .does = "The officers to contact about the meetings of a committee "
             "whose committee.md names none; each takes the fields listed "
             "under Contacts."},
    {.name = "venue",
     .type = SCR_FIELD_TEXT,
     .example = "venue: Meeting Room G.01, City Hall",
     .does = "Where committees usually meet."},
    {.name = "time",
     .type = SCR_FIELD_TIME,
     .example = "time: \"17:30\"",
     .does = "When committees usually meet, on the 24-hour clock and in "
             "quotes."},
    {.name = "appendix_numbering",
     .type = SCR_FIELD_CHOICE,
     .choices = "letters, numbers",
     .example = "appendix_numbering: letters",
     .does = "Whether appendices are Appendix A, B, C (letters, the "
             "default) or Appendix 1, 2, 3 (numbers)."},
    {.name = "signatory",
     .type = SCR_FIELD_TEXT,
     .example = "signatory: Kamal Adatia, City Barrister and Head of "
                "Standards",
     .does = "Who signs the front sheets."},
    {.name = "signatory_role",
     .type = SCR_FIELD_TEXT,
     .example = "signatory_role: Monitoring Officer",
     .does = "On whose behalf the front sheets are signed; without it, "
             "For Monitoring Officer."},
    {.name = "template",
     .type = SCR_FIELD_PATH,
     .example = "template: templates/house.docx",
     .does = "The council's house style, a Word (.docx) or LibreOffice "
             "(.odt) document inside the council's folder, named from "
             "council.md."},
    {.name = "bank_holidays",
     .type = SCR_FIELD_CHOICE,
     .choices = "England and Wales, Scotland",
     .example = "bank_holidays: England and Wales",
     .does = "Whose bank holidays do not count as working days when the "
             "notice an agenda gives is checked (see the committee's "
             "`bank_holidays`)."},
    END_OF_FIELDS};

static const scr_field *const LISTS[SCR_FIELDS_KIND_COUNT] = {
    [SCR_FIELDS_COMMITTEE] = COMMITTEE,
    [SCR_FIELDS_CONTACT] = CONTACT,
    [SCR_FIELDS_AGENDA] = AGENDA,
    [SCR_FIELDS_REPORT] = REPORT,
    [SCR_FIELDS_MINUTES] = MINUTES,
    [SCR_FIELDS_WORKPROGRAMME] = WORKPROGRAMME,
    [SCR_FIELDS_ITEM] = ITEM,
    [SCR_FIELDS_RESOLUTION] = RESOLUTION,
    [SCR_FIELDS_WP_ITEM] = WP_ITEM,
    [SCR_FIELDS_COUNCIL] = COUNCIL};

static const scr_field_section SECTIONS[SCR_FIELDS_KIND_COUNT] = {
    [SCR_FIELDS_COMMITTEE] =
        {.title = "The committee",
         .file = "agendas/committee.md",
         .about = "Who the committee is and when it meets. Its front "
                  "matter is required; its body is the standing text of "
                  "the front sheet (information for members of the "
                  "public)."},
    [SCR_FIELDS_CONTACT] =
        {.title = "Contacts, each entry of `contacts`",
         .file = "agendas/committee.md",
         .about = "Each entry of `contacts` is written in braces, "
                  "{name: ..., role: ..., email: ..., phone: ...}, or as "
                  "an indented block of these fields."},
    [SCR_FIELDS_AGENDA] =
        {.title = "An agenda",
         .file = "agendas/YYYY-MM-DD.md",
         .about = "One meeting's agenda. Its front matter is required; each "
                  "## heading of its body is an item, numbered 1, 2, 3 in "
                  "order."},
    [SCR_FIELDS_REPORT] =
        {.title = "A report",
         .file = "a .md, .docx, .odt or .pdf an agenda links as "
                 "[Appendix](...)",
         .about = "A report's front matter is optional. A Word, ODT or PDF "
                  "report has no front matter: some fields are read from "
                  "the document, as said below, and scrutineer import "
                  "writes them into the Markdown it makes."},
    [SCR_FIELDS_MINUTES] =
        {.title = "Minutes",
         .file = "minutes/YYYY-MM-DD.md",
         .about = "One meeting's minutes. Their front matter is required; "
                  "each ## heading is a minute."},
    [SCR_FIELDS_WORKPROGRAMME] =
        {.title = "The work programme",
         .file = "agendas/workprogramme.md",
         .about = "Each dated ## heading (## 8 September 2026) is a meeting, "
                  "each bullet an item, its sub-bullets the recommendations "
                  "and actions, one starting Progress: the progress; "
                  "## Forward plan lists topics not yet scheduled. Its "
                  "front matter is optional."},
    [SCR_FIELDS_ITEM] =
        {.title = "Agenda item attributes",
         .file = "## Title {...} in an agenda",
         .about = "Written in one pair of braces at the end of an item's "
                  "heading, separated by spaces: "
                  "## Staffing review {exempt=3 to-follow}. They are never "
                  "printed."},
    [SCR_FIELDS_RESOLUTION] =
        {.title = "Resolution attributes",
         .file = "the end of a resolution in minutes",
         .about = "Written in braces at the end of a resolution: "
                  "1. That a report come back {due=2026-09-08 "
                  "owner=\"Director of SEND\"}. Either makes the resolution "
                  "an action. They are never printed."},
    [SCR_FIELDS_WP_ITEM] = {.title = "Work programme item attributes",
                            .file = "- Item {...} in the work programme",
                            .about = "Written in braces at the end of an "
                                     "item's bullet."},
    [SCR_FIELDS_COUNCIL] = {
        .title = "A council of committees",
        .file = "council.md",
        .about = "A council workspace is a folder holding council.md and "
                 "one committee workspace per folder of committees/ "
                 "(committees/cype/agendas/committee.md). Each key of "
                 "council.md is a default every committee takes when its "
                 "committee.md does not give that key; its body is the "
                 "standing text of the front sheet of a committee whose "
                 "committee.md has none. A report in one committee's "
                 "folder may be an appendix of another's agenda. Paths "
                 "must stay inside the council's folder."}};

/* Resolution markers (src/minutes.c) and what follows them. */
static const scr_convention MINUTES_CONVENTIONS[] = {
    {"## Heading", "Each ## heading is one minute, numbered on from "
                   "`first_minute` or from the previous minutes, through "
                   "the committee's minutes in date order."},
    {"AGREED:, RESOLVED: or DECIDED:",
     "A paragraph that is one of these markers, followed by a list, "
     "records resolutions: resolution n of minute m has the ID m.n (222.1), "
     "and the list is numbered 1, 2, 3 in the minutes. The marker may be "
     "in capitals or sentence case (Agreed), bold or not, and end in a "
     "colon, a dash (Agreed \xe2\x80\x93) or that (RESOLVED that the "
     "Commission:). A marker followed by text on the same line (RESOLVED: "
     "that ..., Agreed \xe2\x80\x93 that ...) is one resolution. Only a "
     "whole word at the start counts: disagreed is not a marker."},
    {"It was AGREED that ...",
     "A paragraph opening so, AGREED (or RESOLVED, DECIDED) in capitals, "
     "is one resolution."},
    {"- **AGREED:** That ...",
     "In a bullet: the bullet is one resolution; a bullet holding only the "
     "marker makes each item of the list under it one."},
    {"Members agreed that ...",
     "A paragraph or bullet that opens like a decision of the committee "
     "(Members agreed, The Commission resolved to, It was agreed that, "
     "Resolution:) but in none of the forms above gets a warning quoting "
     "it, so that a resolution is never left out unseen. Narrative such as "
     "The officer agreed to circulate the slides is not warned of."},
    {"### Heading",
     "Not a minute: a sub-heading inside the minute above it, with "
     "everything after it up to the next ## heading; it is warned of."},
    {"{due=YYYY-MM-DD} or {owner=\"...\"}",
     "At the end of a resolution: it is an action, due at that meeting or "
     "for that person (see Resolution attributes)."},
    {"be brought back in January",
     "A resolution that asks for something in a named month is an action "
     "due at the one scheduled meeting in that month after these minutes; "
     "none or two such meetings give a warning asking for {due=...}. The "
     "month is the first one after a verb that sends something to a "
     "meeting (brought back, reported, returned, presented, submitted, "
     "considered, come back, to the March meeting): the report for April "
     "to September be brought back in January asks for January. A year "
     "after the month (in March 2028) picks that year."},
    {"That the Commission note the report",
     "A resolution with no due date, owner or month asked for is a "
     "decision, not an action."},
    {NULL, NULL}};

static const scr_convention AGENDA_CONVENTIONS[] = {
    {"## Heading", "Each ## heading is one item, numbered 1, 2, 3 in "
                   "order; the text under it is the item's text. A number "
                   "written at its start (## 1. Apologies) is warned of "
                   "and left out: items are numbered for you."},
    {"### Heading",
     "Not an item: a sub-heading inside the item above it, the items after "
     "it numbered without it; it is warned of."},
    {"[Appendix](path)",
     "A link whose text is Appendix makes its target an appendix, "
     "lettered (or numbered) in order of first reference: a file under "
     "minutes/ renders as minutes, workprogramme.md as the work programme, "
     "anything else as a report. Paths are relative to the agenda and must "
     "stay inside the workspace. A link to a report or minutes with other "
     "text includes nothing: it is warned of and its words are shown as "
     "plain text. A report in the meeting's folder that no agenda includes "
     "is warned of."},
    {"{answers=222.1}", "At the end of a work programme item, or an agenda "
                        "item's heading: the item answers that action."},
    {NULL, NULL}};

const scr_field *scr_fields(scr_field_kind kind) {
  return kind < SCR_FIELDS_KIND_COUNT ? LISTS[kind] : NULL;
}

const scr_field_section *scr_field_section_of(scr_field_kind kind) {
  return kind < SCR_FIELDS_KIND_COUNT ? &SECTIONS[kind] : NULL;
}

const scr_convention *scr_agenda_conventions(void) {
  return AGENDA_CONVENTIONS;
}

const scr_convention *scr_minutes_conventions(void) {
  return MINUTES_CONVENTIONS;
}

const scr_field *scr_field_find(const scr_field *list, const char *name) {
  for (; list && list->name; list++)
    if (strcmp(list->name, name) == 0)
      return list;
  return NULL;
}

/* Far more than any kind has; a longer list is cut to it. */
#define FIELDS_MAX 64

const char *scr_field_nearest(const scr_field *list, const char *name) {
  const char *words[FIELDS_MAX + 1];
  size_t n = 0;
  for (; list && list->name && n < FIELDS_MAX; list++)
    words[n++] = list->name;
  words[n] = NULL;
  return scr_closest_word(name, words);
}

const char *scr_field_type_words(scr_field_type type) {
  switch (type) {
  case SCR_FIELD_TEXT:
    return "text";
  case SCR_FIELD_EMAIL:
    return "email address";
  case SCR_FIELD_DATE:
    return "date (YYYY-MM-DD)";
  case SCR_FIELD_TIME:
    return "time (\"HH:MM\", 24-hour, in quotes)";
  case SCR_FIELD_NUMBER:
    return "whole number";
  case SCR_FIELD_LANGUAGE:
    return "language tag (BCP 47)";
  case SCR_FIELD_TEXT_LIST:
    return "list of text";
  case SCR_FIELD_DATE_LIST:
    return "list of dates";
  case SCR_FIELD_CONTACT_LIST:
    return "list of contacts";
  case SCR_FIELD_PATH:
    return "path (relative to this file)";
  case SCR_FIELD_CHOICE:
    return "one of";
  case SCR_FIELD_ID:
    return "resolution ID (222.1)";
  case SCR_FIELD_IDS:
    return "resolution IDs, separated by commas (222.1,223.2)";
  case SCR_FIELD_FLAG:
    return "flag (no value)";
  }
  return "text";
}
