/* Unit tests: the Schedule 12A wording, which appendices each pack holds,
   and the days on which an agenda can lawfully be published. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compose.h"
#include "dates.h"
#include "exempt.h"

#include <stdio.h>
#include <string.h>

static scr_date day(const char *iso) {
  scr_date d = {0};
  assert_true(scr_date_parse(iso, &d));
  return d;
}

static void assert_date(scr_date got, const char *want) {
  char iso[16];
  scr_date_format(got, SCR_DATE_ISO, iso, sizeof iso);
  assert_string_equal(iso, want);
}

/* ---- Schedule 12A ------------------------------------------------------ */

static void test_notice_names_each_paragraph(void **state) {
  (void)state;
  for (int p = 1; p <= 7; p++) {
    char notice[200], want[200];
    scr_exempt_notice(p, notice, sizeof notice);
    snprintf(want, sizeof want,
             "Not for publication by virtue of paragraph %d of Part 1 of "
             "Schedule 12A of the Local Government Act 1972",
             p);
    assert_string_equal(notice, want);
  }
}

static void test_descriptions_are_the_acts(void **state) {
  (void)state;
  assert_string_equal(scr_exempt_description(1),
                      "Information relating to any individual.");
  assert_string_equal(
      scr_exempt_description(2),
      "Information which is likely to reveal the identity of an individual.");
  assert_string_equal(
      scr_exempt_description(3),
      "Information relating to the financial or business affairs of any "
      "particular person (including the authority holding that "
      "information).");
  assert_non_null(strstr(scr_exempt_description(4),
                         "in connection with any labour relations matter"));
  assert_string_equal(scr_exempt_description(5),
                      "Information in respect of which a claim to legal "
                      "professional privilege could be maintained in legal "
                      "proceedings.");
  assert_non_null(strstr(scr_exempt_description(6),
                         "(b) to make an order or direction under any "
                         "enactment."));
  assert_string_equal(scr_exempt_description(7),
                      "Information relating to any action taken or to be "
                      "taken in connection with the prevention, "
                      "investigation or prosecution of crime.");
  assert_null(scr_exempt_description(0));
  assert_null(scr_exempt_description(8));
}

static void test_resolution_agrees_in_number(void **state) {
  (void)state;
  const char *one = scr_exclusion_recommendation(1);
  const char *two = scr_exclusion_recommendation(2);
  assert_non_null(strstr(one, "the following report in accordance"));
  assert_non_null(strstr(one, "because it involves"));
  assert_non_null(strstr(two, "the following reports in accordance"));
  assert_non_null(strstr(two, "because they involve"));
  assert_non_null(strstr(two, "Section 100A(4)"));
  assert_non_null(
      strstr(scr_exclusion_explanation(), "asked to leave the meeting"));
}

/* ---- which pack holds which appendix ------------------------------------ */

static void test_each_pack_holds_its_appendices(void **state) {
  (void)state;
  scr_appendix plain = {0}, exempt = {.exempt = 3}, late = {.to_follow = true},
               late_exempt = {.to_follow = true, .exempt = 1},
               unwritten = {.to_follow = true, .missing = true};
  scr_pack_kind pub = {false, false}, priv = {true, false}, sup = {false, true},
                sup_priv = {true, true};
  assert_true(scr_pack_includes(pub, &plain));
  assert_false(scr_pack_includes(pub, &exempt));
  assert_false(scr_pack_includes(pub, &late));
  assert_true(scr_pack_includes(priv, &plain));
  assert_true(scr_pack_includes(priv, &exempt));
  assert_false(scr_pack_includes(priv, &late));
  assert_false(scr_pack_includes(sup, &plain));
  assert_true(scr_pack_includes(sup, &late));
  assert_false(scr_pack_includes(sup, &late_exempt));
  assert_false(scr_pack_includes(sup, &unwritten));
  assert_true(scr_pack_includes(sup_priv, &late_exempt));
  assert_false(scr_pack_includes(sup_priv, &unwritten));
}

/* ---- dates --------------------------------------------------------------- */

static void test_easter(void **state) {
  (void)state;
  assert_date(scr_easter(2024), "2024-03-31");
  assert_date(scr_easter(2025), "2025-04-20");
  assert_date(scr_easter(2026), "2026-04-05");
  assert_date(scr_easter(2027), "2027-03-28");
  assert_date(scr_easter(2038), "2038-04-25"); /* the latest possible */
  assert_date(scr_easter(2285), "2285-03-22"); /* the earliest possible */
}

static void test_date_add_crosses_months_and_years(void **state) {
  (void)state;
  assert_date(scr_date_add(day("2026-12-31"), 1), "2027-01-01");
  assert_date(scr_date_add(day("2028-03-01"), -1), "2028-02-29");
  assert_date(scr_date_add(day("2026-06-17"), -365), "2025-06-17");
}

/* GOV.UK's list of bank holidays in England and Wales, 2026 and 2027. */
static void test_bank_holidays_2026_2027(void **state) {
  (void)state;
  static const char *const HOLIDAYS[] = {
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
      "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
      "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
      "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"};
  size_t n = sizeof HOLIDAYS / sizeof *HOLIDAYS, found = 0;
  for (scr_date d = day("2026-01-01"); d.year < 2028; d = scr_date_add(d, 1)) {
    char iso[16];
    scr_date_format(d, SCR_DATE_ISO, iso, sizeof iso);
    bool listed = false;
    for (size_t i = 0; i < n; i++)
      listed = listed || strcmp(HOLIDAYS[i], iso) == 0;
    if (scr_bank_holiday(d) != listed)
      fail_msg("%s: bank holiday %d, want %d", iso, scr_bank_holiday(d),
               listed);
    found += listed;
  }
  assert_int_equal(found, n);
  /* Boxing Day 2026 is a Saturday: a weekend day, and not the holiday */
  assert_false(scr_bank_holiday(day("2026-12-26")));
  assert_false(scr_working_day(day("2026-12-26")));
}

static void test_substitutes_and_proclaimed_holidays(void **state) {
  (void)state;
  /* New Year's Day 2028 is a Saturday; Christmas 2022 a Sunday */
  assert_true(scr_bank_holiday(day("2028-01-03")));
  assert_false(scr_bank_holiday(day("2028-01-01")));
  assert_true(scr_bank_holiday(day("2022-12-26")));
  assert_true(scr_bank_holiday(day("2022-12-27")));
  /* 2022: spring bank holiday moved to 2 June, the jubilee on 3 June */
  assert_true(scr_bank_holiday(day("2022-06-02")));
  assert_true(scr_bank_holiday(day("2022-06-03")));
  assert_false(scr_bank_holiday(day("2022-05-30")));
  /* 2020: the early May bank holiday on Friday 8 May */
  assert_true(scr_bank_holiday(day("2020-05-08")));
  assert_false(scr_bank_holiday(day("2020-05-04")));
  assert_true(scr_bank_holiday(day("2023-05-08"))); /* the coronation */
}

static void test_last_publication_day(void **state) {
  (void)state;
  /* an ordinary week: five working days between Wednesday and Wednesday */
  assert_date(scr_last_publication_day(day("2026-06-17"), 5), "2026-06-09");
  /* Tuesday 15 December 2026 */
  assert_date(scr_last_publication_day(day("2026-12-15"), 5), "2026-12-07");
  /* after Christmas: the 25th, the 28th (Boxing Day's substitute) and New
     Year's Day do not count */
  assert_date(scr_last_publication_day(day("2027-01-04"), 5), "2026-12-22");
  /* 29, 30 and 31 December, 4 and 5 January count: the day before is
     Boxing Day's substitute, on which publishing is still lawful */
  assert_date(scr_last_publication_day(day("2027-01-06"), 5), "2026-12-28");
  /* Easter 2027: Good Friday 26 March, Easter Monday 29 March */
  assert_date(scr_last_publication_day(day("2027-04-01"), 5), "2027-03-22");
  assert_date(scr_last_publication_day(day("2027-03-31"), 5), "2027-03-21");
  /* a Monday meeting: the last lawful day is a Sunday */
  assert_date(scr_last_publication_day(day("2026-12-14"), 5), "2026-12-06");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_notice_names_each_paragraph),
      cmocka_unit_test(test_descriptions_are_the_acts),
      cmocka_unit_test(test_resolution_agrees_in_number),
      cmocka_unit_test(test_each_pack_holds_its_appendices),
      cmocka_unit_test(test_easter),
      cmocka_unit_test(test_date_add_crosses_months_and_years),
      cmocka_unit_test(test_bank_holidays_2026_2027),
      cmocka_unit_test(test_substitutes_and_proclaimed_holidays),
      cmocka_unit_test(test_last_publication_day),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
