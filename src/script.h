/*
 * Scripts: which writing system a character belongs to, the face the house
 * style sets each in, which way it reads, and what its script, or the
 * language a report says it is written in, tells of its language.
 *
 * The body font (Liberation Sans) has Latin, Greek and Cyrillic; every
 * other script a council publishes in is set in a Noto face of the same
 * sans design (Debian's fonts-noto-core and fonts-noto-cjk), except Arabic
 * script, which Noto draws in Naskh, and in Nastaliq for Urdu and Punjabi
 * written in Shahmukhi, as their readers expect.
 *
 * Characters every script uses (spaces, punctuation, digits, symbols,
 * combining marks, joiners) belong to none: in a run of text they join the
 * script before them, or at the start, the one after them.
 */
#ifndef SCR_SCRIPT_H
#define SCR_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum scr_script {
  SCR_SCRIPT_NONE, /* shared: takes the script around it */
  SCR_SCRIPT_BODY, /* Latin, Greek, Cyrillic, and scripts not listed */
  SCR_SCRIPT_ARABIC,
  SCR_SCRIPT_HEBREW,
  SCR_SCRIPT_DEVANAGARI,
  SCR_SCRIPT_BENGALI,
  SCR_SCRIPT_GURMUKHI,
  SCR_SCRIPT_GUJARATI,
  SCR_SCRIPT_TAMIL,
  SCR_SCRIPT_TELUGU,
  SCR_SCRIPT_KANNADA,
  SCR_SCRIPT_MALAYALAM,
  SCR_SCRIPT_SINHALA,
  SCR_SCRIPT_THAI,
  SCR_SCRIPT_ARMENIAN,
  SCR_SCRIPT_GEORGIAN,
  SCR_SCRIPT_ETHIOPIC,
  SCR_SCRIPT_CJK,    /* Han, kana, bopomofo, CJK punctuation */
  SCR_SCRIPT_HANGUL, /* Korean */
  SCR_SCRIPT_COUNT
} scr_script;

/** The faces other scripts are set in; SCR_FACE_BODY is the style's own. */
typedef enum scr_face {
  SCR_FACE_BODY,
  SCR_FACE_NASKH,
  SCR_FACE_NASTALIQ,
  SCR_FACE_HEBREW,
  SCR_FACE_DEVANAGARI,
  SCR_FACE_BENGALI,
  SCR_FACE_GURMUKHI,
  SCR_FACE_GUJARATI,
  SCR_FACE_TAMIL,
  SCR_FACE_TELUGU,
  SCR_FACE_KANNADA,
  SCR_FACE_MALAYALAM,
  SCR_FACE_SINHALA,
  SCR_FACE_THAI,
  SCR_FACE_ARMENIAN,
  SCR_FACE_GEORGIAN,
  SCR_FACE_ETHIOPIC,
  SCR_FACE_CJK_SC, /* Simplified Chinese, and Han text of no stated language */
  SCR_FACE_CJK_TC, /* Traditional Chinese (Taiwan, Macao) */
  SCR_FACE_CJK_HK, /* Traditional Chinese (Hong Kong) */
  SCR_FACE_CJK_JP,
  SCR_FACE_CJK_KR,
  SCR_FACE_COUNT
} scr_face;

/** The font family of a face ("Noto Sans Gujarati"); NULL for the body's. */
const char *scr_face_family(scr_face face);

/** The script of code point `cp`. */
scr_script scr_script_of(uint32_t cp);

/** Reading direction of a strong character (UAX #9's L, R and AL). */
typedef enum scr_dir { SCR_DIR_NEUTRAL, SCR_DIR_LTR, SCR_DIR_RTL } scr_dir;

/** Whether `cp` is a strong character, and which way it reads. */
scr_dir scr_char_dir(uint32_t cp);

/**
 * The direction of the first strong character of UTF-8 `text`
 * (SCR_DIR_NEUTRAL when it has none): the direction of a paragraph that
 * starts with it (UAX #9, rule P2).
 */
scr_dir scr_text_dir(const char *text, size_t len);

/**
 * The leading run of UTF-8 `text` set in one script: its length in bytes,
 * and its script in *script. `before` is the script of the text just
 * before in the same paragraph (SCR_SCRIPT_NONE at its start); `ltr_after`
 * says to take what comes after the text as left to right (in a
 * left-to-right paragraph, where nothing else is known of it).
 *
 * Shared characters join the run they follow, within the text, and at
 * its start the run of the script after them, so that a change of
 * formatting does not cut a run twice; text of shared characters only
 * takes `before`. Where left-to-right text meets right-to-left text, the
 * shared characters between go with the left-to-right side, as a run of
 * no script of their own when there is no such side in the text: in Word,
 * a run marked right to left makes its spaces and punctuation read right
 * to left, which would turn the parenthesis of "Urdu (اردو)" round.
 * Invalid UTF-8 bytes are shared characters.
 */
size_t scr_script_run(const char *text, size_t len, scr_script before,
                      bool ltr_after, scr_script *script);

/** How a writer sets a run of one script. */
typedef struct scr_run_script {
  scr_script script;
  scr_face face;        /* SCR_FACE_BODY: the paragraph style's font */
  const char *language; /* BCP 47 tag, or NULL: the style's; borrowed */
  bool rtl;             /* the script reads right to left */
  bool complex;         /* Word formats it as complex script (w:cs, bCs, iCs) */
  bool east_asian;      /* Word's East Asian font slot (w:hint="eastAsia") */
} scr_run_script;

/**
 * How to set a run of `script` in text said to be in `language` (BCP 47,
 * borrowed; NULL when not said). The run is tagged with `language` when
 * that language is written in this script (a language scrutineer does not
 * know is taken to be written in the body's scripts, unless its tag names
 * its script), else with the language the script alone shows (Gujarati
 * script is Gujarati), else "und", undetermined, for the scripts of several
 * languages none of them English (Arabic script does not say whether it is
 * Arabic, Urdu or Farsi), else not at all (the body's scripts, which take
 * the document's language, and Han). The face follows the language where
 * it matters: Nastaliq for Urdu, the regional CJK faces for Chinese,
 * Japanese and Korean.
 */
scr_run_script scr_script_describe(scr_script script, const char *language);

/** Whether `describe` gives a run anything beyond the style's own. */
static inline bool scr_run_script_plain(const scr_run_script *r) {
  return r->face == SCR_FACE_BODY && !r->language;
}

/** What scr_language_check finds of a tag. */
typedef enum scr_language_fit {
  SCR_LANGUAGE_KNOWN,     /* well formed, its script known */
  SCR_LANGUAGE_UNKNOWN,   /* well formed, but not a language listed here */
  SCR_LANGUAGE_MALFORMED, /* not a BCP 47 language tag of the forms below */
} scr_language_fit;

/**
 * Check `tag` as a report's language: a BCP 47 tag of a 2 or 3 letter
 * language, then optionally a script (4 letters), a region (2 letters or 3
 * digits) and variants ("cy", "pa-Arab", "zh-Hant-TW", "ur-PK").
 */
scr_language_fit scr_language_check(const char *tag);

/**
 * The parts of a well-formed tag, for formats that take them apart (ODF's
 * language, script and country): each is copied NUL-terminated into its
 * buffer ("" when the tag has none). Returns false when `tag` is not well
 * formed.
 */
typedef struct scr_language_parts {
  char language[4], script[5], region[4];
} scr_language_parts;
bool scr_language_split(const char *tag, scr_language_parts *out);

/**
 * The width of UTF-8 `text` in average Latin characters, for the page
 * estimate: wide (CJK) characters count about two, combining marks and
 * joiners nothing or half, everything else one.
 */
double scr_text_width(const char *text, size_t len);

#endif
