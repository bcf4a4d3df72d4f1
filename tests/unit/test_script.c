/*
 * Scripts (src/script.c, src/bidi.c): which script each character is in,
 * where runs of one script begin and end, the face, direction and language
 * of each, the language tags a report may state, and the direction of a
 * Markdown block.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "bidi.h"
#include "script.h"

#include <cmark-gfm.h>
#include <string.h>

/* ---- classifying --------------------------------------------------------- */

static void test_scripts_of_letters(void **state) {
  (void)state;
  static const struct {
    uint32_t cp;
    scr_script script;
  } CASES[] = {
      {'a', SCR_SCRIPT_BODY},         {0x0175, SCR_SCRIPT_BODY}, /* ŵ */
      {0x0219, SCR_SCRIPT_BODY},                                 /* ș */
      {0x0456, SCR_SCRIPT_BODY},                                 /* і */
      {0x03B1, SCR_SCRIPT_BODY},                                 /* α */
      {0x0627, SCR_SCRIPT_ARABIC},    {0x06C1, SCR_SCRIPT_ARABIC},
      {0x0768, SCR_SCRIPT_ARABIC},    {0xFEFB, SCR_SCRIPT_ARABIC},
      {0x05D0, SCR_SCRIPT_HEBREW},    {0x0915, SCR_SCRIPT_DEVANAGARI},
      {0x0995, SCR_SCRIPT_BENGALI},   {0x0A15, SCR_SCRIPT_GURMUKHI},
      {0x0A95, SCR_SCRIPT_GUJARATI},  {0x0B95, SCR_SCRIPT_TAMIL},
      {0x0C15, SCR_SCRIPT_TELUGU},    {0x0C95, SCR_SCRIPT_KANNADA},
      {0x0D15, SCR_SCRIPT_MALAYALAM}, {0x0D9A, SCR_SCRIPT_SINHALA},
      {0x0E01, SCR_SCRIPT_THAI},      {0x0531, SCR_SCRIPT_ARMENIAN},
      {0x10D0, SCR_SCRIPT_GEORGIAN},  {0x1275, SCR_SCRIPT_ETHIOPIC},
      {0x672C, SCR_SCRIPT_CJK},       {0x3042, SCR_SCRIPT_CJK}, /* あ */
      {0x3002, SCR_SCRIPT_CJK},       {0xFF0C, SCR_SCRIPT_CJK}, /* 。 ， */
      {0x20BB7, SCR_SCRIPT_CJK},      {0xAC00, SCR_SCRIPT_HANGUL},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
    if (scr_script_of(CASES[i].cp) != CASES[i].script)
      fail_msg("U+%04X: script %d, not %d", (unsigned)CASES[i].cp,
               scr_script_of(CASES[i].cp), CASES[i].script);
}

/* What every script uses belongs to none. */
static void test_shared_characters(void **state) {
  (void)state;
  static const uint32_t SHARED[] = {
      ' ',    '.',    '1',    '(',    0x00A0, 0x00D7, 0x0301, 0x0964, 0x0965,
      0x200C, 0x200D, 0x200F, 0x2019, 0x20AC, 0x2022, 0x25AA, 0xFE0F, 0x1F600,
  };
  for (size_t i = 0; i < sizeof SHARED / sizeof *SHARED; i++)
    if (scr_script_of(SHARED[i]) != SCR_SCRIPT_NONE)
      fail_msg("U+%04X should be shared, is script %d", (unsigned)SHARED[i],
               scr_script_of(SHARED[i]));
}

static void test_directions(void **state) {
  (void)state;
  assert_int_equal(scr_char_dir('a'), SCR_DIR_LTR);
  assert_int_equal(scr_char_dir(0x0A95), SCR_DIR_LTR);
  assert_int_equal(scr_char_dir(0x672C), SCR_DIR_LTR);
  assert_int_equal(scr_char_dir(0x0627), SCR_DIR_RTL);
  assert_int_equal(scr_char_dir(0x06C1), SCR_DIR_RTL);
  assert_int_equal(scr_char_dir(0x05D0), SCR_DIR_RTL);
  /* digits, punctuation and marks of the Arabic block are not strong */
  assert_int_equal(scr_char_dir(0x0661), SCR_DIR_NEUTRAL);
  assert_int_equal(scr_char_dir(0x06F8), SCR_DIR_NEUTRAL);
  assert_int_equal(scr_char_dir(0x060C), SCR_DIR_NEUTRAL);
  assert_int_equal(scr_char_dir(0x064E), SCR_DIR_NEUTRAL);
  assert_int_equal(scr_char_dir(0x3002), SCR_DIR_NEUTRAL);
  assert_int_equal(scr_char_dir('7'), SCR_DIR_NEUTRAL);
}

static scr_dir dir_of(const char *s) {
  return scr_text_dir(s, strlen(s));
}

static void test_first_strong_character(void **state) {
  (void)state;
  assert_int_equal(dir_of("Report"), SCR_DIR_LTR);
  assert_int_equal(dir_of("2026: \xD8\xA7\xD9\x84"), SCR_DIR_RTL);  /* ال */
  assert_int_equal(dir_of("\xDB\xB2\xDB\xB0 Report"), SCR_DIR_LTR); /* ۲۰ */
  assert_int_equal(dir_of("(1) ..."), SCR_DIR_NEUTRAL);
  assert_int_equal(dir_of(""), SCR_DIR_NEUTRAL);
  assert_int_equal(dir_of("\xFF\xFE a"), SCR_DIR_LTR); /* invalid bytes */
}

/* ---- runs ---------------------------------------------------------------- */

#define GUJARATI "\xE0\xAA\x97\xE0\xAB\x81"     /* ગુ */
#define URDU "\xD8\xA7\xD8\xB1\xD8\xAF\xD9\x88" /* اردو */
#define HAN "\xE6\x9C\xAC"                      /* 本 */

typedef struct cut {
  const char *text;
  scr_script script;
} cut;

/* `text` cut into runs, starting after `before`, must give `want`. */
static void expect_runs(const char *text, scr_script before, bool ltr_after,
                        const cut *want, size_t n) {
  size_t len = strlen(text), at = 0, i = 0;
  while (at < len) {
    scr_script script;
    size_t got =
        scr_script_run(text + at, len - at, before, ltr_after, &script);
    if (i == n)
      fail_msg("%s: more than %zu runs", text, n);
    if (got != strlen(want[i].text) ||
        memcmp(text + at, want[i].text, got) != 0 || script != want[i].script)
      fail_msg("%s: run %zu is '%.*s' (%d), not '%s' (%d)", text, i, (int)got,
               text + at, script, want[i].text, want[i].script);
    if (script != SCR_SCRIPT_NONE)
      before = script;
    at += got;
    i++;
  }
  assert_int_equal(i, n);
}

/* In a right-to-left paragraph, and in a left-to-right one. */
#define RUNS_IN(ltr, text, before, ...)                                        \
  do {                                                                         \
    const cut want_[] = {__VA_ARGS__};                                         \
    expect_runs(text, before, ltr, want_, sizeof want_ / sizeof *want_);       \
  } while (0)
#define RUNS(text, before, ...) RUNS_IN(false, text, before, __VA_ARGS__)
#define LTR_RUNS(text, before, ...) RUNS_IN(true, text, before, __VA_ARGS__)

static void test_runs_of_one_script(void **state) {
  (void)state;
  RUNS("Plain English, with 2 digits.", SCR_SCRIPT_NONE,
       {"Plain English, with 2 digits.", SCR_SCRIPT_BODY});
  RUNS(GUJARATI " " GUJARATI ".", SCR_SCRIPT_NONE,
       {GUJARATI " " GUJARATI ".", SCR_SCRIPT_GUJARATI});
  /* shared characters at the start take the script after them */
  RUNS("  (" GUJARATI, SCR_SCRIPT_NONE, {"  (" GUJARATI, SCR_SCRIPT_GUJARATI});
  RUNS(", 2026", SCR_SCRIPT_NONE, {", 2026", SCR_SCRIPT_NONE});
  RUNS(", 2026", SCR_SCRIPT_GUJARATI, {", 2026", SCR_SCRIPT_GUJARATI});
}

static void test_runs_cut_where_the_script_changes(void **state) {
  (void)state;
  /* spaces and punctuation join the run before them */
  RUNS("In " GUJARATI ", and " HAN "。 Then", SCR_SCRIPT_NONE,
       {"In ", SCR_SCRIPT_BODY}, {GUJARATI ", ", SCR_SCRIPT_GUJARATI},
       {"and ", SCR_SCRIPT_BODY}, {HAN "。 ", SCR_SCRIPT_CJK},
       {"Then", SCR_SCRIPT_BODY});
  /* after a change of formatting, shared characters go with what follows */
  RUNS(", and more", SCR_SCRIPT_GUJARATI, {", and more", SCR_SCRIPT_BODY});
}

/* Where left-to-right meets right-to-left text, what is between goes with
   the left-to-right side. */
static void test_shared_characters_go_left_to_right(void **state) {
  (void)state;
  RUNS("Urdu (" URDU "), in English", SCR_SCRIPT_NONE,
       {"Urdu (", SCR_SCRIPT_BODY}, {URDU, SCR_SCRIPT_ARABIC},
       {"), in English", SCR_SCRIPT_BODY});
  RUNS(URDU " (2026) " URDU, SCR_SCRIPT_NONE,
       {URDU " (2026) " URDU, SCR_SCRIPT_ARABIC});
  RUNS(" (" URDU, SCR_SCRIPT_BODY, {" (", SCR_SCRIPT_BODY},
       {URDU, SCR_SCRIPT_ARABIC});
  RUNS(" (" URDU, SCR_SCRIPT_NONE, {" (" URDU, SCR_SCRIPT_ARABIC});
  RUNS("), English", SCR_SCRIPT_ARABIC, {"), English", SCR_SCRIPT_BODY});
  /* what ends the text reads right to left in a right-to-left paragraph,
     left to right in a left-to-right one */
  RUNS(URDU "), ", SCR_SCRIPT_NONE, {URDU "), ", SCR_SCRIPT_ARABIC});
  LTR_RUNS(URDU "), ", SCR_SCRIPT_NONE, {URDU, SCR_SCRIPT_ARABIC},
           {"), ", SCR_SCRIPT_NONE});
  LTR_RUNS(" ", SCR_SCRIPT_ARABIC, {" ", SCR_SCRIPT_NONE});
  RUNS(" ", SCR_SCRIPT_ARABIC, {" ", SCR_SCRIPT_ARABIC});
  LTR_RUNS(GUJARATI ". ", SCR_SCRIPT_NONE,
           {GUJARATI ". ", SCR_SCRIPT_GUJARATI});
}

static void test_runs_of_invalid_bytes(void **state) {
  (void)state;
  RUNS("\xFF" URDU "\xC3", SCR_SCRIPT_NONE,
       {"\xFF" URDU "\xC3", SCR_SCRIPT_ARABIC});
}

/* ---- faces and languages ------------------------------------------------- */

static void expect_set(scr_script script, const char *language, scr_face face,
                       const char *tag, bool rtl) {
  scr_run_script r = scr_script_describe(script, language);
  assert_int_equal(r.face, face);
  if (tag)
    assert_string_equal(r.language, tag);
  else
    assert_null(r.language);
  assert_int_equal(r.rtl, rtl);
}

static void test_faces_and_implied_languages(void **state) {
  (void)state;
  expect_set(SCR_SCRIPT_BODY, NULL, SCR_FACE_BODY, NULL, false);
  expect_set(SCR_SCRIPT_NONE, NULL, SCR_FACE_BODY, NULL, false);
  expect_set(SCR_SCRIPT_GUJARATI, NULL, SCR_FACE_GUJARATI, "gu", false);
  expect_set(SCR_SCRIPT_GURMUKHI, NULL, SCR_FACE_GURMUKHI, "pa-Guru", false);
  expect_set(SCR_SCRIPT_BENGALI, NULL, SCR_FACE_BENGALI, "bn", false);
  expect_set(SCR_SCRIPT_TAMIL, NULL, SCR_FACE_TAMIL, "ta", false);
  /* scripts of several languages say it is undetermined; Han nothing */
  expect_set(SCR_SCRIPT_ARABIC, NULL, SCR_FACE_NASKH, "und", true);
  expect_set(SCR_SCRIPT_ETHIOPIC, NULL, SCR_FACE_ETHIOPIC, "und", false);
  expect_set(SCR_SCRIPT_DEVANAGARI, NULL, SCR_FACE_DEVANAGARI, "und", false);
  expect_set(SCR_SCRIPT_HEBREW, NULL, SCR_FACE_HEBREW, "und", true);
  expect_set(SCR_SCRIPT_CJK, NULL, SCR_FACE_CJK_SC, NULL, false);
  assert_true(scr_script_describe(SCR_SCRIPT_GUJARATI, NULL).complex);
  assert_true(scr_script_describe(SCR_SCRIPT_CJK, NULL).east_asian);
  assert_false(scr_script_describe(SCR_SCRIPT_ARMENIAN, NULL).complex);
  assert_string_equal(scr_face_family(SCR_FACE_GUJARATI), "Noto Sans Gujarati");
  assert_string_equal(scr_face_family(SCR_FACE_NASKH), "Noto Naskh Arabic");
  assert_string_equal(scr_face_family(SCR_FACE_NASTALIQ), "Noto Nastaliq Urdu");
  assert_string_equal(scr_face_family(SCR_FACE_CJK_SC), "Noto Sans CJK SC");
  assert_null(scr_face_family(SCR_FACE_BODY));
  for (int f = 1; f < SCR_FACE_COUNT; f++)
    assert_non_null(scr_face_family((scr_face)f));
}

/* A stated language tags the text of its own script, and picks the face. */
static void test_a_stated_language(void **state) {
  (void)state;
  expect_set(SCR_SCRIPT_ARABIC, "ur", SCR_FACE_NASTALIQ, "ur", true);
  expect_set(SCR_SCRIPT_ARABIC, "ur-PK", SCR_FACE_NASTALIQ, "ur-PK", true);
  expect_set(SCR_SCRIPT_ARABIC, "pa-Arab", SCR_FACE_NASTALIQ, "pa-Arab", true);
  expect_set(SCR_SCRIPT_ARABIC, "pa-PK", SCR_FACE_NASTALIQ, "pa-PK", true);
  expect_set(SCR_SCRIPT_ARABIC, "fa", SCR_FACE_NASKH, "fa", true);
  expect_set(SCR_SCRIPT_ARABIC, "ckb", SCR_FACE_NASKH, "ckb", true);
  expect_set(SCR_SCRIPT_ETHIOPIC, "ti", SCR_FACE_ETHIOPIC, "ti", false);
  expect_set(SCR_SCRIPT_BENGALI, "as", SCR_FACE_BENGALI, "as", false);
  expect_set(SCR_SCRIPT_BODY, "cy", SCR_FACE_BODY, "cy", false);
  expect_set(SCR_SCRIPT_NONE, "cy", SCR_FACE_BODY, "cy", false);
  /* text in another script is not in the stated language */
  expect_set(SCR_SCRIPT_BODY, "ur", SCR_FACE_BODY, NULL, false);
  expect_set(SCR_SCRIPT_GUJARATI, "ur", SCR_FACE_GUJARATI, "gu", false);
  expect_set(SCR_SCRIPT_ARABIC, "cy", SCR_FACE_NASKH, "und", true);
  expect_set(SCR_SCRIPT_GURMUKHI, "pa-Arab", SCR_FACE_GURMUKHI, "pa-Guru",
             false);
  expect_set(SCR_SCRIPT_GURMUKHI, "pa", SCR_FACE_GURMUKHI, "pa", false);
  /* a language not listed: the body's scripts, unless it names its own */
  expect_set(SCR_SCRIPT_BODY, "xh", SCR_FACE_BODY, "xh", false);
  expect_set(SCR_SCRIPT_ARABIC, "xh", SCR_FACE_NASKH, "und", true);
  expect_set(SCR_SCRIPT_ARABIC, "ug-Arab", SCR_FACE_NASKH, "ug-Arab", true);
  /* the regional CJK faces */
  expect_set(SCR_SCRIPT_CJK, "zh", SCR_FACE_CJK_SC, "zh", false);
  expect_set(SCR_SCRIPT_CJK, "zh-Hant", SCR_FACE_CJK_TC, "zh-Hant", false);
  expect_set(SCR_SCRIPT_CJK, "zh-TW", SCR_FACE_CJK_TC, "zh-TW", false);
  expect_set(SCR_SCRIPT_CJK, "zh-HK", SCR_FACE_CJK_HK, "zh-HK", false);
  expect_set(SCR_SCRIPT_CJK, "ja", SCR_FACE_CJK_JP, "ja", false);
  expect_set(SCR_SCRIPT_HANGUL, "ko", SCR_FACE_CJK_KR, "ko", false);
  /* a malformed tag is not used */
  expect_set(SCR_SCRIPT_ARABIC, "Urdu", SCR_FACE_NASKH, "und", true);
}

static void test_language_tags(void **state) {
  (void)state;
  static const char *const KNOWN[] = {
      "cy", "pl", "ro",      "gu",    "pa",    "pa-Arab",    "pa-Guru",   "ur",
      "bn", "ar", "so",      "ti",    "fa",    "ckb",        "ps",        "ta",
      "uk", "zh", "zh-Hans", "en-GB", "CY-gb", "sr-Latn-RS", "de-CH-1996"};
  for (size_t i = 0; i < sizeof KNOWN / sizeof *KNOWN; i++)
    if (scr_language_check(KNOWN[i]) != SCR_LANGUAGE_KNOWN)
      fail_msg("%s should be a known language", KNOWN[i]);
  assert_int_equal(scr_language_check("xh"), SCR_LANGUAGE_UNKNOWN);
  assert_int_equal(scr_language_check("kok"), SCR_LANGUAGE_UNKNOWN);
  assert_int_equal(scr_language_check("xh-Arab"), SCR_LANGUAGE_KNOWN);
  static const char *const BAD[] = {
      "",     "u",      "urdu", "ur_PK",        "ur-",     "-ur",   "ur--PK",
      "ur-P", "ur-PKK", "12",   "ur-Arab-Latn", "en-GB-x", "ur PK", NULL};
  for (size_t i = 0; BAD[i]; i++)
    if (scr_language_check(BAD[i]) != SCR_LANGUAGE_MALFORMED)
      fail_msg("'%s' should be malformed", BAD[i]);
  assert_int_equal(scr_language_check(NULL), SCR_LANGUAGE_MALFORMED);

  scr_language_parts p;
  assert_true(scr_language_split("pa-arab-pk", &p));
  assert_string_equal(p.language, "pa");
  assert_string_equal(p.script, "Arab");
  assert_string_equal(p.region, "PK");
  assert_true(scr_language_split("es-419", &p));
  assert_string_equal(p.region, "419");
  assert_string_equal(p.script, "");
}

/* ---- widths -------------------------------------------------------------- */

static double width_of(const char *s) {
  return scr_text_width(s, strlen(s));
}

static void test_widths(void **state) {
  (void)state;
  assert_true(width_of("abc") == 3.0);
  assert_true(width_of("\xC3\xA9t\xC3\xA9") == 3.0); /* été */
  assert_true(width_of("e\xCC\x81") == 1.0);         /* e + combining acute */
  assert_true(width_of(HAN HAN) == 4.4);             /* two ideographs */
  assert_true(width_of(GUJARATI) == 1.5);       /* ગ + the vowel sign ુ */
  assert_true(width_of("\xE2\x80\x8C") == 0.0); /* ZWNJ */
  assert_true(width_of(URDU) == 4.0);
}

/* ---- a block's direction ------------------------------------------------- */

static scr_dir block_dir(const char *md) {
  cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
  assert_non_null(doc);
  scr_dir d = scr_block_dir(cmark_node_first_child(doc));
  cmark_node_free(doc);
  return d;
}

static void test_block_direction(void **state) {
  (void)state;
  assert_int_equal(block_dir("Report text.\n"), SCR_DIR_LTR);
  assert_int_equal(block_dir(URDU " text.\n"), SCR_DIR_RTL);
  assert_int_equal(block_dir("# " URDU "\n"), SCR_DIR_RTL);
  /* what comes first is not always text, nor strong */
  assert_int_equal(block_dir("**2026** *" URDU "*\n"), SCR_DIR_RTL);
  assert_int_equal(block_dir("[" URDU "](https://example.org) x\n"),
                   SCR_DIR_RTL);
  assert_int_equal(block_dir("`" URDU "` x\n"), SCR_DIR_RTL);
  /* a picture's description is not shown: the text after it decides */
  assert_int_equal(block_dir("![Chart](c.png) " URDU "\n"), SCR_DIR_RTL);
  assert_int_equal(block_dir("(1) 2026\n"), SCR_DIR_NEUTRAL);
  assert_int_equal(block_dir("<div>" URDU "</div>\n"), SCR_DIR_LTR);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scripts_of_letters),
      cmocka_unit_test(test_shared_characters),
      cmocka_unit_test(test_directions),
      cmocka_unit_test(test_first_strong_character),
      cmocka_unit_test(test_runs_of_one_script),
      cmocka_unit_test(test_runs_cut_where_the_script_changes),
      cmocka_unit_test(test_shared_characters_go_left_to_right),
      cmocka_unit_test(test_runs_of_invalid_bytes),
      cmocka_unit_test(test_faces_and_implied_languages),
      cmocka_unit_test(test_a_stated_language),
      cmocka_unit_test(test_language_tags),
      cmocka_unit_test(test_widths),
      cmocka_unit_test(test_block_direction),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
