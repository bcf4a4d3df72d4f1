/* Dates and times as councils write them. */
#include "dates.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const MONTHS[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
static const char *const WEEKDAYS[7] = {"Monday",   "Tuesday", "Wednesday",
                                        "Thursday", "Friday",  "Saturday",
                                        "Sunday"};

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m) {
  static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : DAYS[m - 1];
}

/* n decimal digits at s into *v. */
static bool digits(const char *s, int n, int *v) {
  *v = 0;
  for (int i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i]))
      return false;
    *v = *v * 10 + (s[i] - '0');
  }
  return true;
}

bool scr_date_parse(const char *s, scr_date *out) {
  scr_date d;
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
      !digits(s, 4, &d.year) || !digits(s + 5, 2, &d.month) ||
      !digits(s + 8, 2, &d.day))
    return false;
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month))
    return false;
  *out = d;
  return true;
}

bool scr_date_parse_words(const char *s, scr_date *out) {
  int day, year, used = 0;
  char month[16];
  if (!s || sscanf(s, "%2d %15s %4d%n", &day, month, &year, &used) != 3 ||
      s[used] != '\0')
    return false;
  for (int m = 1; m <= 12; m++)
    if (strcmp(month, MONTHS[m - 1]) == 0) {
      char iso[48];
      snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, m, day);
      return scr_date_parse(iso, out);
    }
  return false;
}

bool scr_time_parse(const char *s, int *minutes) {
  int h, m;
  if (!s || strlen(s) != 5 || s[2] != ':' || !digits(s, 2, &h) ||
      !digits(s + 3, 2, &m) || h > 23 || m > 59)
    return false;
  *minutes = h * 60 + m;
  return true;
}

long scr_date_days(scr_date d) {
  /* days from civil, proleptic Gregorian */
  long y = d.year - (d.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int scr_date_weekday(scr_date d) {
  long days = scr_date_days(d); /* 1970-01-01 was a Thursday (3) */
  long w = (days + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

int scr_date_cmp(scr_date a, scr_date b) {
  long x = scr_date_days(a), y = scr_date_days(b);
  return (x > y) - (x < y);
}

const char *scr_month_name(int month) {
  return month >= 1 && month <= 12 ? MONTHS[month - 1] : "";
}

void scr_date_format(scr_date d, enum scr_date_style style, char *out,
                     size_t n) {
  const char *month = scr_month_name(d.month);
  const char *weekday = WEEKDAYS[scr_date_weekday(d)];
  switch (style) {
  case SCR_DATE_ISO:
    snprintf(out, n, "%04d-%02d-%02d", d.year, d.month, d.day);
    return;
  case SCR_DATE_PLAIN:
    snprintf(out, n, "%d %s %d", d.day, month, d.year);
    return;
  case SCR_DATE_WEEKDAY:
  case SCR_DATE_HEADLINE:
    snprintf(out, n, "%s, %d %s %d", weekday, d.day, month, d.year);
    break;
  }
  if (style == SCR_DATE_HEADLINE)
    for (char *c = out; *c; c++)
      *c = (char)toupper((unsigned char)*c);
}

void scr_time_format(int minutes, char *out, size_t n) {
  int h = minutes / 60, m = minutes % 60;
  if (h == 12 && m == 0) {
    snprintf(out, n, "12:00 noon");
    return;
  }
  int h12 = h % 12 == 0 ? 12 : h % 12;
  snprintf(out, n, "%d:%02d %s", h12, m, h < 12 ? "am" : "pm");
}
