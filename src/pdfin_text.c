/* A PDF's text as the pack keeps it: clean UTF-8, spaces and lines tidied. */
#include "pdfin_impl.h"

#include "util.h"
#include "xmlw.h"

#include <string.h>

/* What the tidying has seen since the last character it kept. */
typedef struct tidy {
  scr_buf out;
  bool started;  /* a character has been kept */
  bool space;    /* a space is owed before the next character */
  size_t breaks; /* line breaks owed before the next character */
} tidy;

static scr_error keep(tidy *t, const char *bytes, size_t n) {
  scr_error err = SCR_OK;
  if (t->started && t->breaks)
    err = scr_buf_append(&t->out, "\n\n", t->breaks > 1 ? 2 : 1);
  else if (t->started && t->space)
    err = scr_buf_append(&t->out, " ", 1);
  t->started = true;
  t->space = false;
  t->breaks = 0;
  return err ? err : scr_buf_append(&t->out, bytes, n);
}

static void space(tidy *t) {
  /* a line's leading and trailing spaces are dropped: only a space between
     characters of one line is owed */
  if (!t->breaks)
    t->space = true;
}

static void line_break(tidy *t, bool one_line) {
  if (one_line) {
    space(t);
    return;
  }
  t->space = false;
  t->breaks++;
}

/* U+FFFE and U+FFFF, which XML forbids, as UTF-8. */
static bool is_nonchar(const unsigned char *s, size_t n) {
  return n >= 3 && s[0] == 0xEF && s[1] == 0xBF &&
         (s[2] == 0xBE || s[2] == 0xBF);
}

/* The tidying goes by bytes: every byte it looks at is ASCII, which is
   never part of a longer UTF-8 sequence; the rest is cleaned after. */
static scr_error tidy_text(tidy *t, const unsigned char *s, size_t len,
                           bool one_line) {
  scr_error err = SCR_OK;
  for (size_t i = 0; i < len && !err; i++) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t') {
      space(t);
    } else if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
        i++;
      line_break(t, one_line);
    } else if (c < 0x20) {
      continue; /* other controls XML forbids: dropped as if not there */
    } else if (is_nonchar(s + i, len - i)) {
      i += 2;
    } else {
      err = keep(t, (const char *)s + i, 1);
    }
  }
  return err;
}

char *scr_pdf_clean_text(const char *text, size_t len, bool one_line) {
  tidy t = {SCR_BUF_INIT, false, false, 0};
  scr_buf clean = SCR_BUF_INIT;
  scr_error err = tidy_text(&t, (const unsigned char *)text, len, one_line);
  /* invalid UTF-8 becomes U+FFFD, a character like any other: it never
     changes the spaces and lines tidied */
  if (!err)
    err = scr_xml_clean(t.out.data ? t.out.data : "", t.out.len, &clean);
  scr_buf_free(&t.out);
  if (err) {
    scr_buf_free(&clean);
    return NULL;
  }
  return scr_buf_detach(&clean, NULL);
}
