/* The pure parts of init and new: the schedule, file names, headings,
   YAML strings, and which agenda items carry over. */
#include "init.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The third Tuesday of a month: the 15th to the 21st, at least two weeks
   after any day of the month before. */
static scr_date third_tuesday(int year, int month) {
  scr_date d = {year, month, 15};
  while (scr_date_weekday(d) != 1)
    d.day++;
  return scr_bank_holiday(d) ? scr_date_add(d, 1) : d;
}

void scr_init_schedule(scr_date today, scr_date out[SCR_INIT_MEETINGS]) {
  int year = today.year, month = today.month;
  for (int i = 0; i < SCR_INIT_MEETINGS; i++) {
    month += i == 0 ? 1 : 2;
    while (month > 12) {
      month -= 12;
      year++;
    }
    out[i] = third_tuesday(year, month);
  }
}

#define SLUG_MAX 48

char *scr_init_slug(const char *title) {
  char out[SLUG_MAX + 1];
  size_t n = 0;
  bool gap = false;
  for (const unsigned char *s = (const unsigned char *)title; s && *s; s++) {
    if (isalnum(*s) && *s < 0x80) {
      if (gap && n > 0 && n < SLUG_MAX)
        out[n++] = '-';
      gap = false;
      if (n < SLUG_MAX)
        out[n++] = (char)tolower(*s);
    } else if (*s != '\'' && *s < 0x80) {
      gap = true; /* "Children's" is one word */
    }
  }
  while (n > 0 && out[n - 1] == '-')
    n--;
  out[n] = '\0';
  return scr_strdup(n ? out : "report");
}

char *scr_init_strip_attributes(const char *heading) {
  size_t n = strlen(heading);
  while (n > 0 && heading[n - 1] == ' ')
    n--;
  if (n > 0 && heading[n - 1] == '}') {
    const char *open = memchr(heading, '{', n);
    for (const char *p = open; p && p < heading + n; p++)
      if (*p == '{')
        open = p; /* the last block is the attributes */
    if (open) {
      n = (size_t)(open - heading);
      while (n > 0 && heading[n - 1] == ' ')
        n--;
    }
  }
  return scr_strndup(heading, n);
}

char *scr_init_yaml_quote(const char *s) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = scr_buf_puts(&b, "\"");
  for (; !err && *s; s++) {
    if (*s == '"' || *s == '\\')
      err = scr_buf_printf(&b, "\\%c", *s);
    else if ((unsigned char)*s < 0x20)
      err = scr_buf_printf(&b, "\\x%02x", (unsigned char)*s);
    else
      err = scr_buf_append(&b, s, 1);
  }
  if (!err)
    err = scr_buf_puts(&b, "\"");
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

/* A link target without a leading "./". */
static const char *plain_target(const char *url) {
  while (strncmp(url, "./", 2) == 0)
    url += 2;
  return url;
}

static bool in_folder(const char *url, const char *folder) {
  size_t n = strlen(folder);
  return strncmp(url, folder, n) == 0 && url[n] == '/';
}

static bool speaks_of_minutes(const char *title) {
  for (const char *s = title; *s; s++)
    if (strncasecmp(s, "minutes", 7) == 0)
      return true;
  return false;
}

scr_item_role scr_init_item_role(const char *date, const char *title,
                                 const char *const *links, size_t n_links,
                                 bool answers) {
  bool minutes = false, workprogramme = false;
  for (size_t i = 0; i < n_links; i++) {
    const char *url = plain_target(links[i]);
    if (in_folder(url, date))
      return SCR_ITEM_OWN;
    minutes |= in_folder(url, "../minutes");
    workprogramme |= strcmp(url, "workprogramme.md") == 0;
  }
  if (answers)
    return SCR_ITEM_OWN;
  if (minutes || (!workprogramme && speaks_of_minutes(title)))
    return SCR_ITEM_MINUTES;
  return workprogramme ? SCR_ITEM_WORKPROGRAMME : SCR_ITEM_STANDING;
}
