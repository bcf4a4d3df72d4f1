/* Unit tests: the iCalendar writer (escaping, folding at 75 octets without
   splitting a character or an escape, CRLF, events), the Atom writer (read
   back with libxml2) and the labelled SHA-256 of inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "atom.h"
#include "digest.h"
#include "ical.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

/* The content lines of `ics`, unfolded (RFC 5545 section 3.1). Caller
   frees. */
static char *unfold(const char *ics) {
  char *out = malloc(strlen(ics) + 1), *o = out;
  for (const char *s = ics; *s;) {
    if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
      s += 3;
      continue;
    }
    *o++ = *s++;
  }
  *o = '\0';
  return out;
}

static void assert_lines_short_and_crlf(const char *ics, size_t len) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    if (ics[i] == '\n') {
      assert_true(i > 0 && ics[i - 1] == '\r');
      assert_true(i - 1 - start <= 75);
      start = i + 1;
    }
  }
  assert_int_equal(start, len); /* ends with CRLF */
}

static void test_line_escapes_text(void **state) {
  (void)state;
  scr_buf b = SCR_BUF_INIT;
  assert_int_equal(
      scr_ical_line(&b, "LOCATION", "Room 1; Hall, a\\b\nnext", true), SCR_OK);
  assert_string_equal(b.data, "LOCATION:Room 1\\; Hall\\, a\\\\b\\nnext\r\n");
  scr_buf_free(&b);
  assert_int_equal(
      scr_ical_line(&b, "DTSTART;TZID=Europe/London", "20260617T173000", false),
      SCR_OK);
  assert_string_equal(b.data, "DTSTART;TZID=Europe/London:20260617T173000\r\n");
  scr_buf_free(&b);
}

static void test_line_folds_at_75_octets(void **state) {
  (void)state;
  char value[400];
  memset(value, 'x', sizeof value - 1);
  value[sizeof value - 1] = '\0';
  scr_buf b = SCR_BUF_INIT;
  assert_int_equal(scr_ical_line(&b, "DESCRIPTION", value, true), SCR_OK);
  assert_lines_short_and_crlf(b.data, b.len);
  /* the first line is full: 75 octets, then the fold */
  assert_memory_equal(b.data + 75, "\r\n ", 3);
  char *back = unfold(b.data);
  assert_int_equal(strlen(back), strlen("DESCRIPTION:") + 399 + 2);
  assert_memory_equal(back + strlen("DESCRIPTION:"), value, 399);
  free(back);
  scr_buf_free(&b);
}

static void test_fold_keeps_characters_and_escapes_whole(void **state) {
  (void)state;
  /* "é" is two octets and "€" three; commas become "\," */
  const char *pieces[] = {"é", "€", ","};
  for (size_t p = 0; p < 3; p++) {
    for (size_t pad = 0; pad < 4; pad++) {
      char value[600] = "";
      for (size_t i = 0; i < pad; i++)
        strcat(value, "a");
      for (int i = 0; i < 60; i++)
        strcat(value, pieces[p]);
      scr_buf b = SCR_BUF_INIT;
      assert_int_equal(scr_ical_line(&b, "SUMMARY", value, true), SCR_OK);
      assert_lines_short_and_crlf(b.data, b.len);
      for (size_t i = 0; i + 2 < b.len; i++) {
        if (memcmp(b.data + i, "\r\n ", 3) != 0)
          continue;
        unsigned char next = (unsigned char)b.data[i + 3];
        assert_false(next >= 0x80 && next < 0xC0);    /* not mid-character */
        assert_false(i > 0 && b.data[i - 1] == '\\'); /* not mid-escape */
      }
      scr_buf_free(&b);
    }
  }
}

static void test_calendar_has_timezone_and_events(void **state) {
  (void)state;
  scr_ical_event ev[2] = {
      {"a@test",
       "Scrutiny, Commission",
       "City Hall",
       "Agenda: 1. Item",
       {2026, 6, 17},
       17 * 60 + 30},
      {"b@test", "Scrutiny", NULL, NULL, {2026, 12, 1}, -1},
  };
  size_t len = 0;
  char *ics = scr_ical_calendar("Scrutiny", ev, 2, "20260101T000000Z", &len);
  assert_non_null(ics);
  assert_int_equal(strlen(ics), len);
  assert_lines_short_and_crlf(ics, len);
  assert_true(strncmp(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
  assert_non_null(strstr(ics, "\r\nTZID:Europe/London\r\n"));
  assert_non_null(strstr(ics, "\r\nUID:a@test\r\nDTSTAMP:20260101T000000Z\r\n"
                              "DTSTART;TZID=Europe/London:20260617T173000\r\n"
                              "SUMMARY:Scrutiny\\, Commission\r\n"
                              "LOCATION:City Hall\r\n"));
  assert_non_null(strstr(ics, "DTSTART;VALUE=DATE:20261201\r\n"));
  char *end = strstr(ics, "END:VCALENDAR\r\n");
  assert_non_null(end);
  assert_int_equal(end + strlen("END:VCALENDAR\r\n"), ics + len);
  size_t events = 0;
  for (char *p = ics; (p = strstr(p, "BEGIN:VEVENT\r\n")); p++)
    events++;
  assert_int_equal(events, 2);
  free(ics);
}

/* The number of nodes `xpath` selects in `doc`, Atom as prefix "a". */
static int count(xmlDocPtr doc, const char *xpath) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
  int n = r && r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  return n;
}

static void test_atom_feed_reads_back(void **state) {
  (void)state;
  scr_atom_link links[] = {
      {"alternate", "meeting-2026-06-17.html", "text/html", NULL, -1},
      {"enclosure", "pack.pdf", "application/pdf", "PDF", 12345},
  };
  scr_atom_entry entries[] = {
      {"urn:uuid:1", "Pack <17 June> & more", "2026-06-09T10:00:00Z",
       "Agenda: 1. Welcome", links, 2},
      {"urn:uuid:2", "Another", "2026-05-01T10:00:00Z", NULL, links, 1},
  };
  scr_atom_feed feed = {
      "urn:uuid:0",           "Committee", "Council",    "Council", "a@b.test",
      "2026-06-09T10:00:00Z", "feed.xml",  "index.html", entries,   2};
  char *xml = NULL;
  size_t len = 0;
  assert_int_equal(scr_atom_write(&feed, &xml, &len), SCR_OK);
  xmlDocPtr doc =
      xmlReadMemory(xml, (int)len, "feed.xml", NULL, XML_PARSE_NONET);
  assert_non_null(doc);
  assert_int_equal(count(doc, "/a:feed/a:id"), 1);
  assert_int_equal(count(doc, "/a:feed/a:updated"), 1);
  assert_int_equal(count(doc, "/a:feed/a:author/a:name"), 1);
  assert_int_equal(count(doc, "/a:feed/a:link[@rel='self']"), 1);
  assert_int_equal(count(doc, "/a:feed/a:entry"), 2);
  assert_int_equal(
      count(doc, "/a:feed/a:entry[a:title='Pack <17 June> & more']"), 1);
  assert_int_equal(count(doc, "//a:entry/a:link[@rel='enclosure' and "
                              "@length='12345' and @type='application/pdf']"),
                   1);
  assert_int_equal(count(doc, "//a:entry[a:id='urn:uuid:2']/a:summary"), 0);
  xmlFreeDoc(doc);
  free(xml);
}

static void hex_of(const char *label, const char *a, char out[SCR_DIGEST_HEX]) {
  scr_digest d;
  scr_digest_init(&d);
  scr_digest_add_str(&d, label, a);
  scr_digest_hex(&d, out);
}

static void test_digest_labels_and_lengths_count(void **state) {
  (void)state;
  char one[SCR_DIGEST_HEX], two[SCR_DIGEST_HEX], three[SCR_DIGEST_HEX];
  hex_of("agenda", "abc", one);
  hex_of("agenda", "abc", two);
  assert_string_equal(one, two);
  assert_int_equal(strlen(one), 64);
  hex_of("minutes", "abc", three);
  assert_string_not_equal(one, three);
  /* ("ab","c") and ("a","bc") differ */
  scr_digest d;
  scr_digest_init(&d);
  scr_digest_add_str(&d, "x", "ab");
  scr_digest_add_str(&d, "x", "c");
  scr_digest_hex(&d, two);
  scr_digest_init(&d);
  scr_digest_add_str(&d, "x", "a");
  scr_digest_add_str(&d, "x", "bc");
  scr_digest_hex(&d, three);
  assert_string_not_equal(two, three);
  /* it is SHA-256: the input "x:3:abc" hashes to the known value */
  scr_digest_init(&d);
  scr_digest_add_str(&d, "x", "abc");
  scr_digest_hex(&d, one);
  struct sha256_ctx ctx;
  unsigned char raw[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, 7, (const uint8_t *)"x:3:abc");
  sha256_digest(&ctx, sizeof raw, raw);
  char want[SCR_DIGEST_HEX];
  for (size_t i = 0; i < sizeof raw; i++)
    snprintf(want + 2 * i, 3, "%02x", raw[i]);
  assert_string_equal(one, want);
  /* and nettle's SHA-256 is the standard one: SHA-256("abc") */
  sha256_init(&ctx);
  sha256_update(&ctx, 3, (const uint8_t *)"abc");
  sha256_digest(&ctx, sizeof raw, raw);
  assert_int_equal(raw[0], 0xba);
  assert_int_equal(raw[1], 0x78);
  assert_int_equal(raw[31], 0xad);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_line_escapes_text),
      cmocka_unit_test(test_line_folds_at_75_octets),
      cmocka_unit_test(test_fold_keeps_characters_and_escapes_whole),
      cmocka_unit_test(test_calendar_has_timezone_and_events),
      cmocka_unit_test(test_atom_feed_reads_back),
      cmocka_unit_test(test_digest_labels_and_lengths_count),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
