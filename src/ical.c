/* iCalendar (RFC 5545) content lines and a calendar of meetings. */
#include "ical.h"

#include <stdio.h>
#include <string.h>

/* RFC 5545 section 3.1: lines SHOULD NOT be longer than 75 octets. */
#define FOLD_OCTETS 75

/* Europe/London since 1996: BST from the last Sunday of March at 01:00
   UTC, GMT from the last Sunday of October. */
static const char *const LONDON[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

/* TEXT escaping (section 3.3.11); carriage returns are dropped. */
static scr_error escape_text(scr_buf *out, const char *s) {
  scr_error err = SCR_OK;
  for (; *s && !err; s++) {
    switch (*s) {
    case '\\':
    case ';':
    case ',':
      err = scr_buf_append(out, "\\", 1);
      if (!err)
        err = scr_buf_append(out, s, 1);
      break;
    case '\n':
      err = scr_buf_append(out, "\\n", 2);
      break;
    case '\r':
      break;
    default:
      err = scr_buf_append(out, s, 1);
    }
  }
  return err;
}

/* The length of the UTF-8 character starting with byte `c` (1 for a stray
   continuation byte, so that folding always moves on). */
static size_t utf8_length(unsigned char c) {
  if (c >= 0xF0)
    return 4;
  if (c >= 0xE0)
    return 3;
  if (c >= 0xC0)
    return 2;
  return 1;
}

/* Append `line` folded: CRLF and a space before each 75th octet, never
   inside a character nor between a backslash and what it escapes (legal,
   but some readers unescape before they unfold). */
static scr_error fold(scr_buf *out, const char *line, size_t len) {
  scr_error err = SCR_OK;
  size_t used = 0, i = 0;
  while (i < len && !err) {
    size_t n = line[i] == '\\' ? 2 : utf8_length((unsigned char)line[i]);
    if (i + n > len)
      n = len - i;
    if (used + n > FOLD_OCTETS) {
      err = scr_buf_append(out, "\r\n ", 3);
      used = 1;
    }
    if (!err)
      err = scr_buf_append(out, line + i, n);
    used += n;
    i += n;
  }
  return err ? err : scr_buf_append(out, "\r\n", 2);
}

scr_error scr_ical_line(scr_buf *out, const char *name, const char *value,
                        bool text) {
  scr_buf line = SCR_BUF_INIT;
  scr_error err = scr_buf_printf(&line, "%s:", name);
  if (!err)
    err = text ? escape_text(&line, value) : scr_buf_puts(&line, value);
  if (!err)
    err = fold(out, line.data, line.len);
  scr_buf_free(&line);
  return err;
}

static scr_error event(scr_buf *out, const scr_ical_event *e,
                       const char *stamp) {
  char when[32];
  scr_error err = scr_ical_line(out, "BEGIN", "VEVENT", false);
  if (!err)
    err = scr_ical_line(out, "UID", e->uid, true);
  if (!err)
    err = scr_ical_line(out, "DTSTAMP", stamp, false);
  if (!err && e->time >= 0) {
    snprintf(when, sizeof when, "%04d%02d%02dT%02d%02d00", e->date.year,
             e->date.month, e->date.day, e->time / 60, e->time % 60);
    err = scr_ical_line(out, "DTSTART;TZID=Europe/London", when, false);
  } else if (!err) {
    snprintf(when, sizeof when, "%04d%02d%02d", e->date.year, e->date.month,
             e->date.day);
    err = scr_ical_line(out, "DTSTART;VALUE=DATE", when, false);
  }
  if (!err)
    err = scr_ical_line(out, "SUMMARY", e->summary, true);
  if (!err && e->location)
    err = scr_ical_line(out, "LOCATION", e->location, true);
  if (!err && e->description)
    err = scr_ical_line(out, "DESCRIPTION", e->description, true);
  return err ? err : scr_ical_line(out, "END", "VEVENT", false);
}

char *scr_ical_calendar(const char *name, const scr_ical_event *events,
                        size_t n, const char *stamp, size_t *len) {
  scr_buf out = SCR_BUF_INIT;
  scr_error err = scr_ical_line(&out, "BEGIN", "VCALENDAR", false);
  if (!err)
    err = scr_ical_line(&out, "VERSION", "2.0", false);
  if (!err)
    err = scr_ical_line(&out, "PRODID",
                        "-//scrutineer//scrutineer " SCR_VERSION "//EN", false);
  if (!err)
    err = scr_ical_line(&out, "CALSCALE", "GREGORIAN", false);
  if (!err && name)
    err = scr_ical_line(&out, "X-WR-CALNAME", name, true);
  for (size_t i = 0; !err && i < sizeof LONDON / sizeof *LONDON; i++)
    err = fold(&out, LONDON[i], strlen(LONDON[i]));
  for (size_t i = 0; !err && i < n; i++)
    err = event(&out, &events[i], stamp);
  if (!err)
    err = scr_ical_line(&out, "END", "VCALENDAR", false);
  if (err) {
    scr_buf_free(&out);
    return NULL;
  }
  return scr_buf_detach(&out, len);
}
