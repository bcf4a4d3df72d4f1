/*
 * Every front-matter key and item attribute of every source kind, in one
 * table: the checkers take the keys they allow and require from it, and
 * the reference (docs/sources.md, scrutineer-sources(5)) is written from
 * it, so a key cannot be accepted without being documented.
 */
#ifndef SCR_FIELDS_H
#define SCR_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

/** What a field's value is written as. */
typedef enum scr_field_type {
  SCR_FIELD_TEXT,         /* text */
  SCR_FIELD_EMAIL,        /* an email address */
  SCR_FIELD_DATE,         /* YYYY-MM-DD */
  SCR_FIELD_TIME,         /* "HH:MM", 24-hour */
  SCR_FIELD_NUMBER,       /* a whole number */
  SCR_FIELD_LANGUAGE,     /* a BCP 47 language tag */
  SCR_FIELD_TEXT_LIST,    /* [First, Second] */
  SCR_FIELD_DATE_LIST,    /* [2026-06-17, 2026-09-08] */
  SCR_FIELD_CONTACT_LIST, /* - {name: ..., role: ..., email: ..., phone: ...} */
  SCR_FIELD_PATH,         /* a file, relative to the file naming it */
  SCR_FIELD_CHOICE,       /* one of `choices` */
  SCR_FIELD_ID,           /* a resolution ID, like 222.1 */
  SCR_FIELD_IDS,          /* resolution IDs: 222.1,223.2 */
  SCR_FIELD_FLAG          /* an attribute written without a value */
} scr_field_type;

/** The places fields are written. */
typedef enum scr_field_kind {
  SCR_FIELDS_COMMITTEE,     /* agendas/committee.md */
  SCR_FIELDS_CONTACT,       /* one entry of committee.md's contacts: */
  SCR_FIELDS_AGENDA,        /* agendas/YYYY-MM-DD.md */
  SCR_FIELDS_REPORT,        /* a report an agenda links as an appendix */
  SCR_FIELDS_MINUTES,       /* minutes/YYYY-MM-DD.md */
  SCR_FIELDS_WORKPROGRAMME, /* agendas/workprogramme.md */
  SCR_FIELDS_ITEM,          /* {...} closing an agenda item's heading */
  SCR_FIELDS_RESOLUTION,    /* {...} closing a resolution in minutes */
  SCR_FIELDS_WP_ITEM,       /* {...} closing a work programme item */
  SCR_FIELDS_COUNCIL,       /* council.md, a council's defaults */
  SCR_FIELDS_KIND_COUNT
} scr_field_kind;

/** One key or attribute. Lists of them end with a NULL name. */
typedef struct scr_field {
  const char *name;
  scr_field_type type;
  bool required;
  const char *choices;  /* SCR_FIELD_CHOICE: "letters, numbers" */
  const char *example;  /* as written: "chair: Councillor Ann Able", or for
                           an attribute "exempt=3" */
  const char *does;     /* what it does, in a governance officer's words */
  const char *imported; /* reports: what a Word, ODT or PDF report gives
                           for it, or NULL */
} scr_field;

/** The fields of `kind`, ending with a NULL name; owned by the library. */
const scr_field *scr_fields(scr_field_kind kind);

/** The field of `list` called `name` (case matters), or NULL. */
const scr_field *scr_field_find(const scr_field *list, const char *name);

/** The name in `list` nearest a misspelt `name` ("Titel": "title"), or
    NULL when none is near; owned by the library. */
const char *scr_field_nearest(const scr_field *list, const char *name);

/** "list of text", "date (YYYY-MM-DD)"...: a type in words. */
const char *scr_field_type_words(scr_field_type type);

/** A heading, the file it names and a paragraph about one kind. */
typedef struct scr_field_section {
  const char *title; /* "The committee" */
  const char *file;  /* "agendas/committee.md" */
  const char *about; /* what the file is, and where the fields go */
} scr_field_section;

const scr_field_section *scr_field_section_of(scr_field_kind kind);

/** A convention of a source's body: how it is written, what it does. */
typedef struct scr_convention {
  const char *written; /* "AGREED:", or NULL ending a list */
  const char *does;
} scr_convention;

/** The conventions of an agenda's body (`agenda`) or of the minutes. */
const scr_convention *scr_agenda_conventions(void);
const scr_convention *scr_minutes_conventions(void);

#endif
