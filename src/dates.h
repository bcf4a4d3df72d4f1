/* Dates and times as councils write them. */
#ifndef SCR_DATES_H
#define SCR_DATES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct scr_date {
  int year, month, day; /* month 1..12, day 1..31 */
} scr_date;

/** Parse an ISO date `YYYY-MM-DD` that exists in the calendar. */
bool scr_date_parse(const char *s, scr_date *out);
/** Parse a date as councils write it: `8 September 2026`. */
bool scr_date_parse_words(const char *s, scr_date *out);
/** Parse a 24-hour time `HH:MM` into minutes after midnight. */
bool scr_time_parse(const char *s, int *minutes);
/** Day of the week, 0 = Monday ... 6 = Sunday. */
int scr_date_weekday(scr_date d);
/** Days since 1970-01-01 (negative before). */
long scr_date_days(scr_date d);
/** -1, 0 or 1 as a is before, equal to or after b. */
int scr_date_cmp(scr_date a, scr_date b);

enum scr_date_style {
  SCR_DATE_ISO,      /* 2026-06-17 */
  SCR_DATE_PLAIN,    /* 17 June 2026 */
  SCR_DATE_WEEKDAY,  /* Wednesday, 17 June 2026 */
  SCR_DATE_HEADLINE, /* WEDNESDAY, 17 JUNE 2026 */
  SCR_DATE_DAY       /* Wednesday 17 June 2026 */
};
/** Write the date in `style` into out (NUL-terminated, truncated to n). */
void scr_date_format(scr_date d, enum scr_date_style style, char *out,
                     size_t n);
/** "5:30 pm", "10:00 am", "12:00 noon" for minutes after midnight. */
void scr_time_format(int minutes, char *out, size_t n);
/** Month name, 1..12 ("June"). */
const char *scr_month_name(int month);

/** The date `days` days after `d` (before, when negative). */
scr_date scr_date_add(scr_date d, long days);
/** Easter Sunday of `year`, Gregorian calendar. */
scr_date scr_easter(int year);
/** Whose bank holidays are not working days. */
typedef enum scr_holidays {
  SCR_HOLIDAYS_ENGLAND_WALES, /* the default */
  SCR_HOLIDAYS_SCOTLAND
} scr_holidays;

/** The region `name` names, as bank_holidays: writes it ("England and
    Wales", "Scotland"); false when it names none. */
bool scr_holidays_parse(const char *name, scr_holidays *out);
/** "England and Wales" or "Scotland"; static. */
const char *scr_holidays_name(scr_holidays region);

/**
 * True when `d` is a bank holiday in England and Wales: New Year's Day,
 * Good Friday, Easter Monday, the early May, spring and summer bank
 * holidays, Christmas Day and Boxing Day, with substitute days for those
 * falling at a weekend, and the holidays proclaimed for one year only.
 */
bool scr_bank_holiday(scr_date d);
/**
 * True when `d` is a bank holiday in `region`. Scotland's are New Year's
 * Day and 2 January, Good Friday, the early May and spring holidays, the
 * first Monday in August, St Andrew's Day (30 November), Christmas Day and
 * Boxing Day, with substitute days, and the one-year holidays; no Easter
 * Monday.
 */
bool scr_bank_holiday_in(scr_date d, scr_holidays region);
/** Monday to Friday, and not a bank holiday in England and Wales. */
bool scr_working_day(scr_date d);
/** Monday to Friday, and not a bank holiday in `region`. */
bool scr_working_day_in(scr_date d, scr_holidays region);
/**
 * The last day on which an agenda can be published with `n` clear working
 * days before `meeting`: days that are neither the day of publication nor
 * the day of the meeting, nor weekends, nor bank holidays (of England and
 * Wales; scr_last_publication_day_in for another region's).
 */
scr_date scr_last_publication_day(scr_date meeting, int n);
scr_date scr_last_publication_day_in(scr_date meeting, int n,
                                     scr_holidays region);

#endif
