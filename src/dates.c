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
  case SCR_DATE_DAY:
    snprintf(out, n, "%s %d %s %d", weekday, d.day, month, d.year);
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

/* ---- working days ------------------------------------------------------ */

/* The date of a day count since 1970-01-01; the inverse of
   scr_date_days (civil from days, proleptic Gregorian). */
static scr_date date_of_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int day = (int)(doy - (153 * mp + 2) / 5 + 1);
  int month = (int)(mp < 10 ? mp + 3 : mp - 9);
  return (scr_date){(int)(yoe + era * 400 + (month <= 2)), month, day};
}

scr_date scr_date_add(scr_date d, long days) {
  return date_of_days(scr_date_days(d) + days);
}

/* The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms). */
scr_date scr_easter(int year) {
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return (scr_date){year, month, day};
}

enum { MONDAY = 0, FRIDAY = 4, SATURDAY = 5, SUNDAY = 6 };

static bool same_day(scr_date a, scr_date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* The first Monday of a month, or its last. */
static scr_date first_monday(int year, int month) {
  scr_date d = {year, month, 1};
  return scr_date_add(d, (7 - scr_date_weekday(d)) % 7);
}

static scr_date last_monday(int year, int month) {
  scr_date d = {year, month, days_in_month(year, month)};
  return scr_date_add(d, -(long)scr_date_weekday(d));
}

/* Bank holidays moved by proclamation: the early May holiday to VE Day's
   anniversaries, the spring one to jubilees. */
static const struct {
  int year;
  scr_date early_may, spring;
} MOVED[] = {
    {1995, {1995, 5, 8}, {0, 0, 0}}, {2002, {0, 0, 0}, {2002, 6, 4}},
    {2012, {0, 0, 0}, {2012, 6, 4}}, {2020, {2020, 5, 8}, {0, 0, 0}},
    {2022, {0, 0, 0}, {2022, 6, 2}},
};

/* Holidays for one year only: jubilees, a royal wedding, a state funeral,
   a coronation, the millennium. */
static const scr_date ONE_OFF[] = {
    {1999, 12, 31}, {2002, 6, 3},  {2011, 4, 29}, {2012, 6, 5},
    {2022, 6, 3},   {2022, 9, 19}, {2023, 5, 8},
};

static scr_date early_may(int year) {
  for (size_t i = 0; i < sizeof MOVED / sizeof *MOVED; i++)
    if (MOVED[i].year == year && MOVED[i].early_may.year)
      return MOVED[i].early_may;
  return first_monday(year, 5);
}

static scr_date spring(int year) {
  for (size_t i = 0; i < sizeof MOVED / sizeof *MOVED; i++)
    if (MOVED[i].year == year && MOVED[i].spring.year)
      return MOVED[i].spring;
  return last_monday(year, 5);
}

/* New Year's Day, or the Monday after when it falls at a weekend. */
static bool new_year(scr_date d) {
  scr_date jan1 = {d.year, 1, 1};
  int w = scr_date_weekday(jan1);
  long shift = w == SATURDAY ? 2 : w == SUNDAY ? 1 : 0;
  return same_day(d, scr_date_add(jan1, shift));
}

/* Two holidays on consecutive days (`first` and the day after), each
   moved to the next weekday not already a holiday when it falls at a
   weekend: for Christmas and Boxing Day, 27 and 28 December when the 25th
   is a Saturday, 26 and 27 when a Sunday, 25 and 28 when a Friday. */
static bool holiday_pair(scr_date d, scr_date first) {
  long from = scr_date_days(first), day = scr_date_days(d);
  if (day < from || day > from + 3)
    return false;
  switch (scr_date_weekday(first)) {
  case SATURDAY: /* both moved: to the Monday and Tuesday after */
    return day == from + 2 || day == from + 3;
  case SUNDAY: /* the second is the Monday; the first moves to Tuesday */
    return day == from + 1 || day == from + 2;
  case FRIDAY: /* the second on the Monday */
    return day == from || day == from + 3;
  default:
    return day == from || day == from + 1;
  }
}

static bool christmas(scr_date d) {
  return holiday_pair(d, (scr_date){d.year, 12, 25});
}

/* Scotland: New Year's Day and 2 January, moved as Christmas is. */
static bool new_year_pair(scr_date d) {
  return holiday_pair(d, (scr_date){d.year, 1, 1});
}

/* St Andrew's Day, a bank holiday in Scotland from 2007: 30 November, or
   the Monday after when it falls at a weekend. */
static bool st_andrews(scr_date d) {
  if (d.year < 2007)
    return false;
  scr_date day = {d.year, 11, 30};
  int w = scr_date_weekday(day);
  long shift = w == SATURDAY ? 2 : w == SUNDAY ? 1 : 0;
  return same_day(d, scr_date_add(day, shift));
}

static bool one_off(scr_date d) {
  for (size_t i = 0; i < sizeof ONE_OFF / sizeof *ONE_OFF; i++)
    if (same_day(d, ONE_OFF[i]))
      return true;
  return false;
}

/* The holidays both regions keep on the same days. */
static bool shared_holiday(scr_date d) {
  scr_date easter = scr_easter(d.year);
  return christmas(d) || same_day(d, scr_date_add(easter, -2)) ||
         same_day(d, early_may(d.year)) || same_day(d, spring(d.year)) ||
         one_off(d);
}

bool scr_bank_holiday_in(scr_date d, scr_holidays region) {
  if (shared_holiday(d))
    return true;
  if (region == SCR_HOLIDAYS_SCOTLAND)
    return new_year_pair(d) || same_day(d, first_monday(d.year, 8)) ||
           st_andrews(d);
  return new_year(d) || same_day(d, scr_date_add(scr_easter(d.year), 1)) ||
         same_day(d, last_monday(d.year, 8));
}

bool scr_bank_holiday(scr_date d) {
  return scr_bank_holiday_in(d, SCR_HOLIDAYS_ENGLAND_WALES);
}

bool scr_working_day_in(scr_date d, scr_holidays region) {
  return scr_date_weekday(d) < SATURDAY && !scr_bank_holiday_in(d, region);
}

bool scr_working_day(scr_date d) {
  return scr_working_day_in(d, SCR_HOLIDAYS_ENGLAND_WALES);
}

scr_date scr_last_publication_day_in(scr_date meeting, int n,
                                     scr_holidays region) {
  /* count back from the day before the meeting to the n-th working day;
     publication is the day before that, which is not itself counted */
  scr_date d = meeting;
  for (int found = 0; found < n;) {
    d = scr_date_add(d, -1);
    found += scr_working_day_in(d, region);
  }
  return scr_date_add(d, -1);
}

scr_date scr_last_publication_day(scr_date meeting, int n) {
  return scr_last_publication_day_in(meeting, n, SCR_HOLIDAYS_ENGLAND_WALES);
}

static const char *const REGIONS[] = {[SCR_HOLIDAYS_ENGLAND_WALES] =
                                          "England and Wales",
                                      [SCR_HOLIDAYS_SCOTLAND] = "Scotland"};

bool scr_holidays_parse(const char *name, scr_holidays *out) {
  for (size_t i = 0; name && i < sizeof REGIONS / sizeof *REGIONS; i++)
    if (strcmp(name, REGIONS[i]) == 0) {
      *out = (scr_holidays)i;
      return true;
    }
  return false;
}

const char *scr_holidays_name(scr_holidays region) {
  return (size_t)region < sizeof REGIONS / sizeof *REGIONS ? REGIONS[region]
                                                           : REGIONS[0];
}
