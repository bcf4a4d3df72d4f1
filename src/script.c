/* Scripts of characters, their faces and directions, and language tags. */
#include "script.h"
#include "util.h"

#include <string.h>

/* ---- faces --------------------------------------------------------------- */

/* Family names as fontconfig lists them for fonts-noto-core and
   fonts-noto-cjk. */
static const char *const FACE_FAMILY[SCR_FACE_COUNT] = {
    [SCR_FACE_BODY] = NULL,
    [SCR_FACE_NASKH] = "Noto Naskh Arabic",
    [SCR_FACE_NASTALIQ] = "Noto Nastaliq Urdu",
    [SCR_FACE_HEBREW] = "Noto Sans Hebrew",
    [SCR_FACE_DEVANAGARI] = "Noto Sans Devanagari",
    [SCR_FACE_BENGALI] = "Noto Sans Bengali",
    [SCR_FACE_GURMUKHI] = "Noto Sans Gurmukhi",
    [SCR_FACE_GUJARATI] = "Noto Sans Gujarati",
    [SCR_FACE_TAMIL] = "Noto Sans Tamil",
    [SCR_FACE_TELUGU] = "Noto Sans Telugu",
    [SCR_FACE_KANNADA] = "Noto Sans Kannada",
    [SCR_FACE_MALAYALAM] = "Noto Sans Malayalam",
    [SCR_FACE_SINHALA] = "Noto Sans Sinhala",
    [SCR_FACE_THAI] = "Noto Sans Thai",
    [SCR_FACE_ARMENIAN] = "Noto Sans Armenian",
    [SCR_FACE_GEORGIAN] = "Noto Sans Georgian",
    [SCR_FACE_ETHIOPIC] = "Noto Sans Ethiopic",
    [SCR_FACE_CJK_SC] = "Noto Sans CJK SC",
    [SCR_FACE_CJK_TC] = "Noto Sans CJK TC",
    [SCR_FACE_CJK_HK] = "Noto Sans CJK HK",
    [SCR_FACE_CJK_JP] = "Noto Sans CJK JP",
    [SCR_FACE_CJK_KR] = "Noto Sans CJK KR",
};

const char *scr_face_family(scr_face face) {
  return (unsigned)face < SCR_FACE_COUNT ? FACE_FAMILY[face] : NULL;
}

/* ---- what each script is ------------------------------------------------- */

typedef struct script_info {
  scr_face face;
  bool rtl, complex, east_asian;
  const char *implied; /* the language the script alone shows, or NULL */
  const char *iso;     /* its ISO 15924 code, as a tag's script subtag */
} script_info;

/* Complex: Word sets these with its complex-script properties (the cs font,
   bCs, iCs, szCs). The implied languages are those of scripts written for
   one language. Arabic, Hebrew, Devanagari and Ethiopic are each written
   for several, and are "und", undetermined: left untagged, such text would
   take the document's language for it, English, or in LibreOffice its
   default for complex text, Hindi, and be read aloud so. Han is left to
   the readers, which take it as Chinese (LibreOffice draws its glyph forms
   by that language). */
static const script_info SCRIPT_INFO[SCR_SCRIPT_COUNT] = {
    [SCR_SCRIPT_NONE] = {SCR_FACE_BODY, false, false, false, NULL, NULL},
    [SCR_SCRIPT_BODY] = {SCR_FACE_BODY, false, false, false, NULL, NULL},
    [SCR_SCRIPT_ARABIC] = {SCR_FACE_NASKH, true, true, false, "und", "Arab"},
    [SCR_SCRIPT_HEBREW] = {SCR_FACE_HEBREW, true, true, false, "und", "Hebr"},
    [SCR_SCRIPT_DEVANAGARI] = {SCR_FACE_DEVANAGARI, false, true, false, "und",
                               "Deva"},
    [SCR_SCRIPT_BENGALI] = {SCR_FACE_BENGALI, false, true, false, "bn", "Beng"},
    [SCR_SCRIPT_GURMUKHI] = {SCR_FACE_GURMUKHI, false, true, false, "pa-Guru",
                             "Guru"},
    [SCR_SCRIPT_GUJARATI] = {SCR_FACE_GUJARATI, false, true, false, "gu",
                             "Gujr"},
    [SCR_SCRIPT_TAMIL] = {SCR_FACE_TAMIL, false, true, false, "ta", "Taml"},
    [SCR_SCRIPT_TELUGU] = {SCR_FACE_TELUGU, false, true, false, "te", "Telu"},
    [SCR_SCRIPT_KANNADA] = {SCR_FACE_KANNADA, false, true, false, "kn", "Knda"},
    [SCR_SCRIPT_MALAYALAM] = {SCR_FACE_MALAYALAM, false, true, false, "ml",
                              "Mlym"},
    [SCR_SCRIPT_SINHALA] = {SCR_FACE_SINHALA, false, true, false, "si", "Sinh"},
    [SCR_SCRIPT_THAI] = {SCR_FACE_THAI, false, true, false, "th", "Thai"},
    [SCR_SCRIPT_ARMENIAN] = {SCR_FACE_ARMENIAN, false, false, false, "hy",
                             "Armn"},
    [SCR_SCRIPT_GEORGIAN] = {SCR_FACE_GEORGIAN, false, false, false, "ka",
                             "Geor"},
    [SCR_SCRIPT_ETHIOPIC] = {SCR_FACE_ETHIOPIC, false, true, false, "und",
                             "Ethi"},
    [SCR_SCRIPT_CJK] = {SCR_FACE_CJK_SC, false, false, true, NULL, "Hani"},
    [SCR_SCRIPT_HANGUL] = {SCR_FACE_CJK_KR, false, false, true, "ko", "Hang"},
};

/* ---- classifying code points --------------------------------------------- */

typedef struct range {
  uint32_t first, last;
  scr_script script;
} range;

/* Sorted and disjoint; code points in none are the body's. Shared
   characters (SCR_SCRIPT_NONE) are listed as well as scripts. */
static const range RANGES[] = {
    {0x0000, 0x0040, SCR_SCRIPT_NONE},
    {0x005B, 0x0060, SCR_SCRIPT_NONE},
    {0x007B, 0x00BF, SCR_SCRIPT_NONE},
    {0x00D7, 0x00D7, SCR_SCRIPT_NONE},
    {0x00F7, 0x00F7, SCR_SCRIPT_NONE},
    {0x02B9, 0x036F, SCR_SCRIPT_NONE}, /* modifier letters, combining marks */
    {0x0530, 0x058F, SCR_SCRIPT_ARMENIAN},
    {0x0590, 0x05FF, SCR_SCRIPT_HEBREW},
    {0x0600, 0x06FF, SCR_SCRIPT_ARABIC},
    {0x0750, 0x077F, SCR_SCRIPT_ARABIC},
    {0x0870, 0x08FF, SCR_SCRIPT_ARABIC},
    {0x0900, 0x0963, SCR_SCRIPT_DEVANAGARI},
    {0x0964, 0x0965, SCR_SCRIPT_NONE}, /* danda: Indic scripts share it */
    {0x0966, 0x097F, SCR_SCRIPT_DEVANAGARI},
    {0x0980, 0x09FF, SCR_SCRIPT_BENGALI},
    {0x0A00, 0x0A7F, SCR_SCRIPT_GURMUKHI},
    {0x0A80, 0x0AFF, SCR_SCRIPT_GUJARATI},
    {0x0B80, 0x0BFF, SCR_SCRIPT_TAMIL},
    {0x0C00, 0x0C7F, SCR_SCRIPT_TELUGU},
    {0x0C80, 0x0CFF, SCR_SCRIPT_KANNADA},
    {0x0D00, 0x0D7F, SCR_SCRIPT_MALAYALAM},
    {0x0D80, 0x0DFF, SCR_SCRIPT_SINHALA},
    {0x0E00, 0x0E7F, SCR_SCRIPT_THAI},
    {0x10A0, 0x10FF, SCR_SCRIPT_GEORGIAN},
    {0x1100, 0x11FF, SCR_SCRIPT_HANGUL},
    {0x1200, 0x139F, SCR_SCRIPT_ETHIOPIC},
    {0x1AB0, 0x1AFF, SCR_SCRIPT_NONE},
    {0x1C90, 0x1CBF, SCR_SCRIPT_GEORGIAN},
    {0x1DC0, 0x1DFF, SCR_SCRIPT_NONE},
    {0x2000, 0x2BFF, SCR_SCRIPT_NONE}, /* punctuation, symbols, arrows... */
    {0x2D00, 0x2D2F, SCR_SCRIPT_GEORGIAN},
    {0x2D80, 0x2DDF, SCR_SCRIPT_ETHIOPIC},
    {0x2E00, 0x2E7F, SCR_SCRIPT_NONE},
    {0x2E80, 0x312F, SCR_SCRIPT_CJK},
    {0x3130, 0x318F, SCR_SCRIPT_HANGUL},
    {0x3190, 0x9FFF, SCR_SCRIPT_CJK},
    {0xA8E0, 0xA8FF, SCR_SCRIPT_DEVANAGARI},
    {0xA960, 0xA97F, SCR_SCRIPT_HANGUL},
    {0xAB00, 0xAB2F, SCR_SCRIPT_ETHIOPIC},
    {0xAC00, 0xD7FF, SCR_SCRIPT_HANGUL},
    {0xE000, 0xF8FF, SCR_SCRIPT_NONE}, /* private use */
    {0xF900, 0xFAFF, SCR_SCRIPT_CJK},
    {0xFB13, 0xFB17, SCR_SCRIPT_ARMENIAN},
    {0xFB1D, 0xFB4F, SCR_SCRIPT_HEBREW},
    {0xFB50, 0xFDFF, SCR_SCRIPT_ARABIC},
    {0xFE00, 0xFE0F, SCR_SCRIPT_NONE}, /* variation selectors */
    {0xFE20, 0xFE2F, SCR_SCRIPT_NONE},
    {0xFE30, 0xFE4F, SCR_SCRIPT_CJK},
    {0xFE70, 0xFEFE, SCR_SCRIPT_ARABIC},
    {0xFEFF, 0xFEFF, SCR_SCRIPT_NONE},
    {0xFF00, 0xFFEF, SCR_SCRIPT_CJK}, /* fullwidth and halfwidth forms */
    {0xFFF0, 0xFFFF, SCR_SCRIPT_NONE},
    {0x11FC0, 0x11FFF, SCR_SCRIPT_TAMIL},
    {0x1F000, 0x1FAFF, SCR_SCRIPT_NONE}, /* emoji and other symbols */
    {0x20000, 0x3FFFF, SCR_SCRIPT_CJK},
    {0xE0000, 0xE01EF, SCR_SCRIPT_NONE}, /* tags, variation selectors */
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

scr_script scr_script_of(uint32_t cp) {
  if (cp < 0x80) {
    uint32_t lower = cp | 0x20;
    return lower >= 'a' && lower <= 'z' ? SCR_SCRIPT_BODY : SCR_SCRIPT_NONE;
  }
  size_t lo = 0, hi = COUNT_OF(RANGES);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < RANGES[mid].first)
      hi = mid;
    else if (cp > RANGES[mid].last)
      lo = mid + 1;
    else
      return RANGES[mid].script;
  }
  return SCR_SCRIPT_BODY;
}

/* ---- direction ----------------------------------------------------------- */

static bool in(uint32_t cp, uint32_t first, uint32_t last) {
  return cp >= first && cp <= last;
}

/* Arabic-script characters that are not strong: digits, punctuation and
   the marks over and under letters. */
static bool arabic_weak(uint32_t cp) {
  return in(cp, 0x0600, 0x0605) || cp == 0x060C || cp == 0x061B ||
         cp == 0x061F || in(cp, 0x064B, 0x065F) || in(cp, 0x0660, 0x066D) ||
         cp == 0x0670 || cp == 0x06D4 || in(cp, 0x06D6, 0x06ED) ||
         in(cp, 0x06F0, 0x06F9) || in(cp, 0xFE70, 0xFE70);
}

/* CJK punctuation and symbols, which are neutral. */
static bool cjk_weak(uint32_t cp) {
  return in(cp, 0x3000, 0x3004) || in(cp, 0x3008, 0x3020) ||
         in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF01, 0xFF20) ||
         in(cp, 0xFF3B, 0xFF40) || in(cp, 0xFF5B, 0xFF65);
}

scr_dir scr_char_dir(uint32_t cp) {
  scr_script s = scr_script_of(cp);
  switch (s) {
  case SCR_SCRIPT_NONE:
    return SCR_DIR_NEUTRAL;
  case SCR_SCRIPT_ARABIC:
    return arabic_weak(cp) ? SCR_DIR_NEUTRAL : SCR_DIR_RTL;
  case SCR_SCRIPT_HEBREW:
    return in(cp, 0x0591, 0x05BD) || in(cp, 0x05BF, 0x05C7) ? SCR_DIR_NEUTRAL
                                                            : SCR_DIR_RTL;
  case SCR_SCRIPT_CJK:
    return cjk_weak(cp) ? SCR_DIR_NEUTRAL : SCR_DIR_LTR;
  default:
    return SCR_DIR_LTR;
  }
}

/* The code point at text[*i], moving *i past it; an invalid byte is
   taken alone, as U+FFFD would be. */
static uint32_t next_cp(const char *text, size_t len, size_t *i) {
  const unsigned char *s = (const unsigned char *)text + *i;
  if (s[0] < 0x80) {
    (*i)++;
    return s[0];
  }
  uint32_t cp = 0;
  size_t n = scr_utf8_decode(s, len - *i, &cp);
  if (n == 0) {
    (*i)++;
    return 0xFFFD;
  }
  *i += n;
  return cp;
}

scr_dir scr_text_dir(const char *text, size_t len) {
  for (size_t i = 0; i < len;) {
    scr_dir d = scr_char_dir(next_cp(text, len, &i));
    if (d != SCR_DIR_NEUTRAL)
      return d;
  }
  return SCR_DIR_NEUTRAL;
}

/* ---- runs ---------------------------------------------------------------- */

/* The offset of the first character from `i` on that has a script, or
   `len`; its script in *script (SCR_SCRIPT_NONE when there is none). */
static size_t script_ahead(const char *text, size_t len, size_t i,
                           scr_script *script) {
  while (i < len) {
    size_t at = i;
    scr_script s = scr_script_of(next_cp(text, len, &i));
    if (s != SCR_SCRIPT_NONE) {
      *script = s;
      return at;
    }
  }
  *script = SCR_SCRIPT_NONE;
  return len;
}

static bool rtl(scr_script s) {
  return SCRIPT_INFO[s].rtl;
}

/* Where the run of `run` that starts at `i` ends: at the next character of
   another script, or before the shared characters ahead of it when the
   run reads right to left and that script does not. */
static size_t run_end(const char *text, size_t len, size_t i, scr_script run,
                      bool ltr_after) {
  size_t shared_from = len; /* the trailing shared characters, if any */
  while (i < len) {
    /* ASCII letters are the body's and the rest of ASCII is shared: a
       body run passes over them without decoding */
    if (run == SCR_SCRIPT_BODY) {
      while (i < len && (unsigned char)text[i] < 0x80)
        i++;
      if (i == len)
        break;
    }
    size_t at = i;
    scr_script s = scr_script_of(next_cp(text, len, &i));
    if (s == SCR_SCRIPT_NONE) {
      if (shared_from == len)
        shared_from = at;
    } else if (s == run) {
      shared_from = len;
    } else {
      return rtl(run) && !rtl(s) && shared_from < at ? shared_from : at;
    }
  }
  return ltr_after && rtl(run) ? shared_from : len;
}

size_t scr_script_run(const char *text, size_t len, scr_script before,
                      bool ltr_after, scr_script *script) {
  scr_script next;
  size_t lead = script_ahead(text, len, 0, &next);
  if (next == SCR_SCRIPT_NONE) {
    *script = ltr_after && rtl(before) ? SCR_SCRIPT_NONE : before;
    return len;
  }
  /* shared characters between left-to-right text and right-to-left text
     go with the left-to-right side (see script.h) */
  if (lead > 0 && before != SCR_SCRIPT_NONE && rtl(next) && !rtl(before)) {
    *script = before;
    return lead;
  }
  *script = next;
  return run_end(text, len, lead, next, ltr_after);
}

/* ---- languages ----------------------------------------------------------- */

typedef struct language_info {
  const char *code; /* the primary language subtag */
  scr_script script;
} language_info;

/* The languages councils in England and Wales publish in, and others whose
   script the tag alone does not name. A language of the body's scripts need
   not be listed to be tagged, only to be checked. */
static const language_info LANGUAGES[] = {
    {"am", SCR_SCRIPT_ETHIOPIC},   {"ar", SCR_SCRIPT_ARABIC},
    {"as", SCR_SCRIPT_BENGALI},    {"be", SCR_SCRIPT_BODY},
    {"bg", SCR_SCRIPT_BODY},       {"bn", SCR_SCRIPT_BENGALI},
    {"bs", SCR_SCRIPT_BODY},       {"ckb", SCR_SCRIPT_ARABIC},
    {"cs", SCR_SCRIPT_BODY},       {"cy", SCR_SCRIPT_BODY},
    {"da", SCR_SCRIPT_BODY},       {"de", SCR_SCRIPT_BODY},
    {"el", SCR_SCRIPT_BODY},       {"en", SCR_SCRIPT_BODY},
    {"es", SCR_SCRIPT_BODY},       {"et", SCR_SCRIPT_BODY},
    {"fa", SCR_SCRIPT_ARABIC},     {"fi", SCR_SCRIPT_BODY},
    {"fr", SCR_SCRIPT_BODY},       {"ga", SCR_SCRIPT_BODY},
    {"gd", SCR_SCRIPT_BODY},       {"gu", SCR_SCRIPT_GUJARATI},
    {"gv", SCR_SCRIPT_BODY},       {"he", SCR_SCRIPT_HEBREW},
    {"hi", SCR_SCRIPT_DEVANAGARI}, {"hr", SCR_SCRIPT_BODY},
    {"hu", SCR_SCRIPT_BODY},       {"hy", SCR_SCRIPT_ARMENIAN},
    {"it", SCR_SCRIPT_BODY},       {"ja", SCR_SCRIPT_CJK},
    {"ka", SCR_SCRIPT_GEORGIAN},   {"kn", SCR_SCRIPT_KANNADA},
    {"ko", SCR_SCRIPT_HANGUL},     {"kw", SCR_SCRIPT_BODY},
    {"ku", SCR_SCRIPT_BODY},       {"lt", SCR_SCRIPT_BODY},
    {"lv", SCR_SCRIPT_BODY},       {"mk", SCR_SCRIPT_BODY},
    {"ml", SCR_SCRIPT_MALAYALAM},  {"mr", SCR_SCRIPT_DEVANAGARI},
    {"ne", SCR_SCRIPT_DEVANAGARI}, {"nl", SCR_SCRIPT_BODY},
    {"no", SCR_SCRIPT_BODY},       {"pa", SCR_SCRIPT_GURMUKHI},
    {"pl", SCR_SCRIPT_BODY},       {"ps", SCR_SCRIPT_ARABIC},
    {"pt", SCR_SCRIPT_BODY},       {"ro", SCR_SCRIPT_BODY},
    {"ru", SCR_SCRIPT_BODY},       {"sd", SCR_SCRIPT_ARABIC},
    {"si", SCR_SCRIPT_SINHALA},    {"sk", SCR_SCRIPT_BODY},
    {"sl", SCR_SCRIPT_BODY},       {"so", SCR_SCRIPT_BODY},
    {"sq", SCR_SCRIPT_BODY},       {"sr", SCR_SCRIPT_BODY},
    {"sv", SCR_SCRIPT_BODY},       {"sw", SCR_SCRIPT_BODY},
    {"ta", SCR_SCRIPT_TAMIL},      {"te", SCR_SCRIPT_TELUGU},
    {"th", SCR_SCRIPT_THAI},       {"ti", SCR_SCRIPT_ETHIOPIC},
    {"tr", SCR_SCRIPT_BODY},       {"uk", SCR_SCRIPT_BODY},
    {"ur", SCR_SCRIPT_ARABIC},     {"vi", SCR_SCRIPT_BODY},
    {"yi", SCR_SCRIPT_HEBREW},     {"yo", SCR_SCRIPT_BODY},
    {"zh", SCR_SCRIPT_CJK},
};

static bool ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

static bool all_of(const char *s, size_t n, bool (*ok)(char)) {
  for (size_t i = 0; i < n; i++)
    if (!ok(s[i]))
      return false;
  return true;
}

static bool ascii_alnum(char c) {
  return ascii_alpha(c) || ascii_digit(c);
}

static char lower(char c) {
  return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static char upper(char c) {
  return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Copy n bytes, cased: the first upper (`title`), or all `up` or lower. */
static void copy_cased(char *out, const char *s, size_t n, bool up,
                       bool title) {
  for (size_t i = 0; i < n; i++)
    out[i] = up || (title && i == 0) ? upper(s[i]) : lower(s[i]);
  out[n] = '\0';
}

bool scr_language_split(const char *tag, scr_language_parts *out) {
  *out = (scr_language_parts){{0}, {0}, {0}};
  if (!tag)
    return false;
  enum { LANGUAGE, SCRIPT, REGION, VARIANT } next = LANGUAGE;
  for (const char *s = tag;;) {
    size_t n = strcspn(s, "-");
    if (next == LANGUAGE) {
      if (n < 2 || n > 3 || !all_of(s, n, ascii_alpha))
        return false;
      copy_cased(out->language, s, n, false, false);
      next = SCRIPT;
    } else if (next == SCRIPT && n == 4 && all_of(s, n, ascii_alpha)) {
      copy_cased(out->script, s, n, false, true);
      next = REGION;
    } else if (next <= REGION && ((n == 2 && all_of(s, n, ascii_alpha)) ||
                                  (n == 3 && all_of(s, n, ascii_digit)))) {
      copy_cased(out->region, s, n, true, false);
      next = VARIANT;
    } else if (((n >= 5 && n <= 8) || (n == 4 && ascii_digit(s[0]))) &&
               all_of(s, n, ascii_alnum)) {
      next = VARIANT;
    } else {
      return false;
    }
    if (s[n] == '\0')
      return true;
    s += n + 1;
  }
}

/* The script a tag's script subtag names, or SCR_SCRIPT_COUNT. */
static scr_script script_named(const char *iso) {
  static const struct {
    const char *iso;
    scr_script script;
  } ALIASES[] = {{"Latn", SCR_SCRIPT_BODY},  {"Cyrl", SCR_SCRIPT_BODY},
                 {"Grek", SCR_SCRIPT_BODY},  {"Hans", SCR_SCRIPT_CJK},
                 {"Hant", SCR_SCRIPT_CJK},   {"Jpan", SCR_SCRIPT_CJK},
                 {"Kore", SCR_SCRIPT_HANGUL}};
  for (size_t i = 0; i < COUNT_OF(ALIASES); i++)
    if (strcmp(iso, ALIASES[i].iso) == 0)
      return ALIASES[i].script;
  for (int s = 0; s < SCR_SCRIPT_COUNT; s++)
    if (SCRIPT_INFO[s].iso && strcmp(iso, SCRIPT_INFO[s].iso) == 0)
      return (scr_script)s;
  return SCR_SCRIPT_COUNT;
}

static const language_info *language_named(const char *code) {
  for (size_t i = 0; i < COUNT_OF(LANGUAGES); i++)
    if (strcmp(code, LANGUAGES[i].code) == 0)
      return &LANGUAGES[i];
  return NULL;
}

/* The script text in language `p` is written in: its script subtag's,
   Shahmukhi for Punjabi of Pakistan, else the language's usual one.
   SCR_SCRIPT_COUNT when not known. */
static scr_script language_script(const scr_language_parts *p) {
  if (p->script[0])
    return script_named(p->script);
  if (strcmp(p->language, "pa") == 0 && strcmp(p->region, "PK") == 0)
    return SCR_SCRIPT_ARABIC;
  const language_info *info = language_named(p->language);
  return info ? info->script : SCR_SCRIPT_COUNT;
}

scr_language_fit scr_language_check(const char *tag) {
  scr_language_parts p;
  if (!scr_language_split(tag, &p))
    return SCR_LANGUAGE_MALFORMED;
  return language_script(&p) == SCR_SCRIPT_COUNT ? SCR_LANGUAGE_UNKNOWN
                                                 : SCR_LANGUAGE_KNOWN;
}

/* The face for Arabic script and Han in language `p`. */
static scr_face face_in(scr_script script, scr_face face,
                        const scr_language_parts *p) {
  const char *l = p->language, *r = p->region;
  if (script == SCR_SCRIPT_ARABIC)
    return strcmp(l, "ur") == 0 || strcmp(l, "pa") == 0 ? SCR_FACE_NASTALIQ
                                                        : face;
  if (script != SCR_SCRIPT_CJK)
    return face;
  if (strcmp(l, "ja") == 0)
    return SCR_FACE_CJK_JP;
  if (strcmp(l, "ko") == 0)
    return SCR_FACE_CJK_KR;
  if (strcmp(l, "zh") != 0)
    return face;
  if (strcmp(r, "HK") == 0)
    return SCR_FACE_CJK_HK;
  if (strcmp(p->script, "Hant") == 0 || strcmp(r, "TW") == 0 ||
      strcmp(r, "MO") == 0)
    return SCR_FACE_CJK_TC;
  return face;
}

scr_run_script scr_script_describe(scr_script script, const char *language) {
  if ((unsigned)script >= SCR_SCRIPT_COUNT)
    script = SCR_SCRIPT_BODY;
  const script_info *info = &SCRIPT_INFO[script];
  scr_run_script r = {script,    info->face,    info->implied,
                      info->rtl, info->complex, info->east_asian};
  scr_language_parts p;
  if (!language || !scr_language_split(language, &p))
    return r;
  /* a language of unknown script is taken to be the body's */
  scr_script written = language_script(&p);
  if (written == SCR_SCRIPT_COUNT)
    written = SCR_SCRIPT_BODY;
  bool body = script == SCR_SCRIPT_BODY || script == SCR_SCRIPT_NONE;
  if (written == SCR_SCRIPT_BODY ? body : written == script) {
    r.language = language;
    r.face = face_in(script, r.face, &p);
  }
  return r;
}

/* ---- widths -------------------------------------------------------------- */

/* Marks that Brahmic scripts put on a consonant: the same offsets in each
   of their blocks, U+0900 to U+0DFF. Many take no width of their own. */
static bool brahmic_mark(uint32_t cp) {
  if (!in(cp, 0x0900, 0x0DFF))
    return false;
  uint32_t o = cp & 0x7F;
  return in(o, 0x01, 0x03) || in(o, 0x3C, 0x4D) || in(o, 0x51, 0x57) ||
         in(o, 0x62, 0x63);
}

static bool zero_width(uint32_t cp) {
  return in(cp, 0x0300, 0x036F) || in(cp, 0x0591, 0x05C7) ||
         in(cp, 0x064B, 0x065F) || cp == 0x0670 || in(cp, 0x1AB0, 0x1AFF) ||
         in(cp, 0x1DC0, 0x1DFF) || in(cp, 0x200B, 0x200F) ||
         in(cp, 0x2060, 0x206F) || in(cp, 0x20D0, 0x20FF) ||
         in(cp, 0xFE00, 0xFE0F) || in(cp, 0xFE20, 0xFE2F) || cp == 0xFEFF;
}

double scr_text_width(const char *text, size_t len) {
  /* an ideograph is about an em; an average Latin letter of the body font
     about 0.46 em */
  enum { WIDE_TENTHS = 22, MARK_TENTHS = 5, ONE = 10 };
  long tenths = 0;
  for (size_t i = 0; i < len;) {
    size_t ascii =
        scr_printable_ascii_prefix((const unsigned char *)text + i, len - i);
    tenths += (long)ascii * ONE;
    i += ascii;
    if (i == len)
      break;
    uint32_t cp = next_cp(text, len, &i);
    scr_script s = scr_script_of(cp);
    if (zero_width(cp))
      continue;
    if (brahmic_mark(cp))
      tenths += MARK_TENTHS;
    else if (s == SCR_SCRIPT_CJK || s == SCR_SCRIPT_HANGUL)
      tenths += WIDE_TENTHS;
    else
      tenths += ONE;
  }
  return (double)tenths / ONE;
}
