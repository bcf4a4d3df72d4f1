/*
 * `scrutineer init DIR`: a small working committee to start from. The
 * committee file names every key it takes, each with a line on what it
 * does; the first meeting has an agenda with the standing items and one
 * report; the work programme lists the schedule; the house template is
 * there to edit. `check` passes on it and `pack` builds it as it is.
 */
#include "init.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The example committee. */
#define COUNCIL "Example Borough Council"
#define COMMITTEE "Overview and Scrutiny Committee"
#define CHAIR "Councillor Priya Shah"
#define VICE_CHAIR "Councillor Tom Hughes"
#define TIME "18:00"
#define REPORT_SLUG "customer-services-performance"

static const char COMMITTEE_HEAD[] =
    "---\n"
    "# The committee: every key this file takes, with an example. Lines\n"
    "# starting with # are notes and are ignored.\n"
    "\n"
    "# The council's name, at the top of every front sheet. Required.\n"
    "council: " COUNCIL "\n"
    "# The committee's full name, as the front sheet and the minutes give\n"
    "# it. Required.\n"
    "committee: " COMMITTEE "\n"
    "# A short name, which starts the documents' file names\n"
    "# (OSC-2026-09-15-agenda-pack.docx).\n"
    "short: OSC\n"
    "# Who chairs the committee.\n"
    "chair: " CHAIR "\n"
    "# The vice-chair.\n"
    "vice_chair: " VICE_CHAIR "\n"
    "# The other members: everyone on the committee except the chair and\n"
    "# the vice-chair, who are named above.\n"
    "members:\n"
    "  - Councillor Grace Okafor\n"
    "  - Councillor David Lewis\n"
    "  - Councillor Helen Price\n"
    "  - Councillor Sam Turner\n"
    "  - Councillor Nadia Rahman\n"
    "# Co-opted members, who are not councillors; [] when there are none.\n"
    "co_opted:\n"
    "  - Mark Evans (Diocesan Education Representative)\n"
    "# The officers to contact about the meeting, on the front sheet and\n"
    "# the site: each has a name, and a role, email and phone if wanted.\n"
    "contacts:\n"
    "  - name: Jo Bennett\n"
    "    role: Democratic Services Officer\n"
    "    email: jo.bennett@example.gov.uk\n"
    "    phone: 01234 567890\n"
    "# The address for general enquiries.\n"
    "enquiries: democratic.services@example.gov.uk\n"
    "# The council's postal address.\n"
    "address: Example Borough Council, Civic Centre, Market Street, "
    "Exampleton, EX1 1AA\n"
    "# Where the committee meets; an agenda's own venue: overrides it.\n"
    "venue: Council Chamber, Civic Centre, Market Street, Exampleton, EX1 "
    "1AA\n"
    "# When meetings start, on the 24-hour clock, in quotes; an agenda's\n"
    "# own time: overrides it.\n"
    "time: \"" TIME "\"\n"
    "# Every meeting of the year, as YYYY-MM-DD. An agenda or minutes file\n"
    "# is named after one of these dates; scrutineer new agenda takes the\n"
    "# next one.\n"
    "meetings:\n";

static const char COMMITTEE_TAIL[] =
    "# How appendices are named: letters (Appendix A, B, C) or numbers\n"
    "# (Appendix 1, 2, 3).\n"
    "appendix_numbering: letters\n"
    "# Who signs the front sheet.\n"
    "signatory: Alex Morgan, Director of Law and Governance\n"
    "# For whom it is signed: the line under the name reads For and this\n"
    "# role (without it, For Monitoring Officer).\n"
    "signatory_role: Monitoring Officer\n"
    "# The house style: a Word or LibreOffice document whose styles every\n"
    "# document takes. templates/ holds the built-in style as both; change\n"
    "# the styles of one in Word or LibreOffice, then take the # off the\n"
    "# line below (or name house.odt). Without it the built-in style is used.\n"
    "# template: ../templates/house.docx\n"
    "# Whose bank holidays are not working days when the notice an agenda\n"
    "# gives is checked: England and Wales, or Scotland.\n"
    "bank_holidays: England and Wales\n"
    "# title: and email: are also accepted, for committee files written\n"
    "# before the keys above; no document shows them.\n"
    "# title: " COMMITTEE "\n"
    "# email: democratic.services@example.gov.uk\n"
    "---\n"
    "## Information for members of the public\n"
    "\n"
    "### Attending meetings\n"
    "\n"
    "Meetings of the Committee are open to the public, and its agendas, "
    "reports and minutes are published. Now and then the law allows an item "
    "to be taken in private; the agenda says when.\n"
    "\n"
    "The meeting room has step-free access and an induction loop. If you "
    "would like the papers in large print, in another format or in another "
    "language, please ask Democratic Services a few days before the "
    "meeting.\n"
    "\n"
    "### Filming and recording\n"
    "\n"
    "You may film, record or report on the public parts of the meeting, "
    "provided you do not disturb it. Please tell Democratic Services "
    "beforehand, and respect the wishes of anyone who asks not to be "
    "filmed.\n"
    "\n"
    "### Further information\n"
    "\n"
    "For questions about the meeting or the business on the agenda, "
    "contact **Jo Bennett, Democratic Services Officer**, "
    "jo.bennett@example.gov.uk, or write to "
    "democratic.services@example.gov.uk.\n"
    "\n"
    "## Fire and emergency evacuation\n"
    "\n"
    "If the alarm sounds, leave the building at once by the nearest exit "
    "and gather in the car park at the front of the Civic Centre. Staff will "
    "show you the way and tell you when it is safe to go back in.\n";

/* The first meeting's own item, linking its report. */
static const char FIRST_ITEM[] =
    "## Customer services performance\n"
    "\n"
    "The Director of Corporate Services reports on how quickly and how well "
    "the Council answered residents' calls, emails and visits in the last "
    "quarter.\n"
    "\n"
    "[Appendix](%s/" REPORT_SLUG ".md)\n"
    "\n";

static const char REPORT[] =
    "---\n"
    "title: Customer Services Performance\n"
    "author: Director of Corporate Services\n"
    "---\n"
    "## Purpose of the report\n"
    "\n"
    "This report sets out how the Council's customer services performed in "
    "the last quarter against the targets the Executive agreed, and what is "
    "being done where targets were missed.\n"
    "\n"
    "## Performance against targets\n"
    "\n"
    "| Measure | Target | Result |\n"
    "| --- | ---: | ---: |\n"
    "| Calls answered within two minutes | 80% | 74% |\n"
    "| Emails answered within five working days | 90% | 93% |\n"
    "| Complaints resolved at the first stage | 85% | 81% |\n"
    "\n"
    "Emails were answered faster than the target. Call waiting times rose "
    "in the second month, when the new council tax bills went out, and "
    "have since fallen back.\n"
    "\n"
    "## Recommendations\n"
    "\n"
    "The Committee is asked to:\n"
    "\n"
    "1. note the performance set out in this report;\n"
    "2. comment on the plan to add staff to the telephone team at the busiest "
    "times of the year.\n";

/* A folder that is not there, or is empty: init writes into nothing. */
static scr_error usable_folder(const char *dir, bool *exists,
                               scr_diags *diags) {
  struct stat st;
  *exists = stat(dir, &st) == 0;
  if (!*exists)
    return SCR_OK;
  if (!S_ISDIR(st.st_mode)) {
    scr_error_at(diags, dir, 0, 0,
                 "is a file, not a folder: init starts a committee in a new "
                 "or empty folder");
    return SCR_E_SOURCE;
  }
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "scrutineer: error: cannot read the folder %s: %s\n", dir,
            strerror(errno));
    return SCR_E_IO;
  }
  bool empty = true;
  for (struct dirent *e; empty && (e = readdir(d));)
    empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
  closedir(d);
  if (empty)
    return SCR_OK;
  scr_error_at(diags, dir, 0, 0,
               "the folder is not empty: init starts a committee in a new or "
               "empty folder, so that nothing in it is replaced");
  return SCR_E_SOURCE;
}

static scr_error committee_text(const scr_date *meetings, char **out) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = scr_buf_puts(&b, COMMITTEE_HEAD);
  for (size_t i = 0; !err && i < SCR_INIT_MEETINGS; i++) {
    char iso[16];
    scr_date_format(meetings[i], SCR_DATE_ISO, iso, sizeof iso);
    err = scr_buf_printf(&b, "  - %s\n", iso);
  }
  if (!err)
    err = scr_buf_puts(&b, COMMITTEE_TAIL);
  *out = err ? NULL : scr_buf_detach(&b, NULL);
  scr_buf_free(&b);
  return err;
}

/* Topics for the meetings after the first, two at a time. */
static const char *const LATER_TOPICS[] = {
    "Revenue and capital budget monitoring",
    "Housing repairs: progress on the improvement plan",
    "Draft budget and council tax proposals",
    "Community safety partnership annual report",
    "Waste and recycling collection performance",
    "Corporate performance: year-end report",
    "Libraries and leisure centres: use and satisfaction",
    "Annual report of the Committee",
    "Customer services performance",
    "Review of the work programme for next year",
};

static scr_error workprogramme_text(const scr_date *meetings, char **out) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err =
      scr_buf_puts(&b, "---\ntitle: " COMMITTEE " Work Programme\n---\n");
  for (size_t i = 0; !err && i < SCR_INIT_MEETINGS; i++) {
    char when[64];
    scr_date_format(meetings[i], SCR_DATE_PLAIN, when, sizeof when);
    err = scr_buf_printf(&b, "## %s\n\n", when);
    if (!err && i == 0)
      err = scr_buf_puts(&b, "- Customer services performance\n"
                             "  - Including how long residents wait on the "
                             "telephone.\n");
    for (size_t k = 0; !err && i > 0 && k < 2; k++)
      err = scr_buf_printf(&b, "- %s\n", LATER_TOPICS[(i - 1) * 2 + k]);
    if (!err)
      err = scr_buf_puts(&b, "\n");
  }
  if (!err)
    err = scr_buf_puts(&b, "## Forward plan\n\n"
                           "- Air quality in the town centre\n"
                           "  - Proposed date: to be agreed with the "
                           "Director of Environment.\n");
  *out = err ? NULL : scr_buf_detach(&b, NULL);
  scr_buf_free(&b);
  return err;
}

static scr_error first_agenda_text(const char *dir, const scr_date *meetings,
                                   char **out) {
  char iso[16];
  scr_date_format(meetings[0], SCR_DATE_ISO, iso, sizeof iso);
  char *item = scr_asprintf(FIRST_ITEM, iso);
  char *minutes = scr_init_minutes_item(dir, meetings, SCR_INIT_MEETINGS,
                                        meetings[0], NULL);
  int time = 0;
  scr_time_parse(TIME, &time);
  size_t n;
  const scr_section *standing = scr_init_standing(&n);
  *out = item && minutes ? scr_init_agenda_text(meetings[0], time, NULL,
                                                standing, n, minutes, item)
                         : NULL;
  free(item);
  free(minutes);
  return *out ? SCR_OK : SCR_E_NOMEM;
}

/* A file of the new workspace: its path is DIR/rel. */
static scr_error add_text(scr_newfiles *nf, const char *dir, const char *rel,
                          const char *text) {
  char *path = scr_path_join(dir, rel);
  scr_error err =
      path && text ? scr_newfiles_text(nf, path, text) : SCR_E_NOMEM;
  free(path);
  return err;
}

static scr_error add_dir(scr_newfiles *nf, const char *dir, const char *rel) {
  char *path = scr_path_join(dir, rel);
  scr_error err = path ? scr_newfiles_dir(nf, path, false) : SCR_E_NOMEM;
  free(path);
  return err;
}

static scr_error add_template(scr_newfiles *nf, const char *dir,
                              const char *format) {
  scr_package *pkg = NULL;
  char *rel = scr_asprintf("templates/house.%s", format);
  char *path = rel ? scr_path_join(dir, rel) : NULL;
  scr_error err = path ? scr_init_house_template(format, &pkg) : SCR_E_NOMEM;
  if (!err)
    err = scr_newfiles_package(nf, path, pkg);
  scr_package_free(pkg);
  free(rel);
  free(path);
  return err;
}

/* Every file of the new workspace, staged. */
static scr_error stage_workspace(scr_newfiles *nf, const char *dir,
                                 const scr_date *meetings) {
  char iso[16], first[64], report[96];
  scr_date_format(meetings[0], SCR_DATE_ISO, iso, sizeof iso);
  snprintf(first, sizeof first, "agendas/%s", iso);
  snprintf(report, sizeof report, "agendas/%s/" REPORT_SLUG ".md", iso);
  char *committee = NULL, *wp = NULL, *agenda = NULL;
  scr_error err = committee_text(meetings, &committee);
  if (!err)
    err = workprogramme_text(meetings, &wp);
  if (!err)
    err = first_agenda_text(dir, meetings, &agenda);
  const char *const dirs[] = {"agendas", first, "minutes", "templates"};
  for (size_t i = 0; !err && i < sizeof dirs / sizeof *dirs; i++)
    err = add_dir(nf, dir, dirs[i]);
  char agenda_rel[64];
  snprintf(agenda_rel, sizeof agenda_rel, "agendas/%s.md", iso);
  if (!err)
    err = add_text(nf, dir, "agendas/committee.md", committee);
  if (!err)
    err = add_text(nf, dir, agenda_rel, agenda);
  if (!err)
    err = add_text(nf, dir, report, REPORT);
  if (!err)
    err = add_text(nf, dir, "agendas/workprogramme.md", wp);
  /* git keeps no empty folder; the minutes loader reads only .md files */
  if (!err)
    err = add_text(nf, dir, "minutes/.gitkeep", "");
  if (!err)
    err = add_template(nf, dir, "docx");
  if (!err)
    err = add_template(nf, dir, "odt");
  free(committee);
  free(wp);
  free(agenda);
  return err;
}

scr_error scr_init_workspace(const char *dir, const scr_options *opts) {
  scr_diags diags;
  scr_diags_init(&diags);
  scr_newfiles nf;
  scr_newfiles_init(&nf, &diags);
  bool exists = false;
  scr_error err = usable_folder(dir, &exists, &diags);
  if (!err && !exists)
    err = scr_newfiles_dir(&nf, dir, false);
  scr_date meetings[SCR_INIT_MEETINGS];
  scr_init_schedule(scr_init_today(opts), meetings);
  if (!err)
    err = stage_workspace(&nf, dir, meetings);
  if (!err)
    err = scr_newfiles_commit(&nf, opts && opts->quiet);
  scr_diags_print(&diags,
                  opts && opts->diagnostics ? opts->diagnostics : stderr);
  scr_newfiles_free(&nf);
  scr_diags_free(&diags);
  if (!err && !(opts && opts->quiet)) {
    char when[64];
    scr_date_format(meetings[0], SCR_DATE_DAY, when, sizeof when);
    printf("the first meeting is on %s; edit agendas/committee.md to make "
           "the committee yours, then run: scrutineer check %s\n",
           when, dir);
  }
  return err;
}
