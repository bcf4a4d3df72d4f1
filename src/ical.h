/*
 * iCalendar (RFC 5545): a calendar of meetings, each an event starting at
 * a local time in Europe/London (with its VTIMEZONE) or on a whole day.
 * Lines end with CRLF, are folded at 75 octets without splitting a UTF-8
 * character, and text values are escaped.
 */
#ifndef SCR_ICAL_H
#define SCR_ICAL_H

#include "dates.h"
#include "util.h"

typedef struct scr_ical_event {
  const char *uid;         /* globally unique, stable between builds */
  const char *summary;     /* the event's title */
  const char *location;    /* or NULL */
  const char *description; /* or NULL */
  scr_date date;
  int time; /* minutes after midnight, London time; -1 for the whole day */
} scr_ical_event;

/**
 * The calendar of `n` events as a new string (caller frees), its length in
 * *len. `stamp` is DTSTAMP for every event, UTC as "YYYYMMDDTHHMMSSZ";
 * `name` the calendar's name (X-WR-CALNAME), or NULL. NULL when out of
 * memory.
 */
char *scr_ical_calendar(const char *name, const scr_ical_event *events,
                        size_t n, const char *stamp, size_t *len);

/**
 * Append one content line: `name` (with any parameters, e.g.
 * "DTSTART;TZID=Europe/London") and `value`, escaped as TEXT when `text` is
 * set (backslash, semicolon, comma, newline), folded at 75 octets, CRLF.
 */
scr_error scr_ical_line(scr_buf *out, const char *name, const char *value,
                        bool text);

#endif
