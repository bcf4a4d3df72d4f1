/* scrutineer's command line: a table of subcommands, each a small function.
   Every option value and operand is checked here before the library is
   called, so that a bad command line is bad usage (exit 2), named as the
   user wrote it, and never an error the library finds halfway. */
#include "scrutineer.h"

#include "cli_doc.h"
#include "dates.h"
#include "office.h"
#include "template.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* A macro's value as a string literal. */
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* Exit statuses, as documented in --help and the README. */
enum {
  EXIT_OK = 0,
  EXIT_SOURCE = 1, /* the sources have errors */
  EXIT_USAGE = 2,  /* bad usage */
  EXIT_ENV = 3     /* I/O or environment failure */
};

/* The dates scr_date_parse reads: four digits of year from 1900. */
#define DATE_RANGE "YYYY-MM-DD from 1900-01-01 to 9999-12-31"
/* The time limits scr_office_timeout accepts. */
#define TIMEOUT_RANGE "a whole number of seconds from 1 to 86400"

enum opt_id {
  OPT_ACTIONS,
  OPT_PRIVATE,
  OPT_SUPPLEMENT,
  OPT_TODAY,
  OPT_OUTPUT,
  OPT_FORMATS,
  OPT_TEMPLATE,
  OPT_STRICT,
  OPT_PUBLISH_DATE,
  OPT_QUIET,
  N_OPTS
};
#define OPT(id) (1u << (id))

/* Every option, in the order help and synopses list them: a command's own
   first, those every command shares last. */
static const cli_option OPTIONS[] = {
    {.longname = "--actions",
     .id = OPT_ACTIONS,
     .help = "list every action agreed in the workspace's minutes instead, "
             "tab-separated on standard output; takes only -q"},
    {.longname = "--private",
     .id = OPT_PRIVATE,
     .help = "the private pack, exempt reports included, every page of them "
             "headed NOT FOR PUBLICATION (...-agenda-pack-private); never "
             "publish it"},
    {.longname = "--supplement",
     .id = OPT_SUPPLEMENT,
     .help = "the supplementary pack: only the reports of {to-follow} items, "
             "under the letters the agenda gave them "
             "(...-agenda-pack-supplement)"},
    {.longname = "--today",
     .id = OPT_TODAY,
     .wants = "a date as " DATE_RANGE,
     .metavar = "DATE",
     .help = "the day the tracker is as of, and for site the day that "
             "divides upcoming meetings from past ones, as YYYY-MM-DD "
             "(default: the system date)",
     .value = {.kind = CLI_COMPLETE_DATE}},
    {.shortname = "-o",
     .longname = "--output",
     .id = OPT_OUTPUT,
     .wants = "the output folder",
     .metavar = "DIR",
     .help = "the folder the documents are written to (default: out; site: "
             "site)",
     .value = {.kind = CLI_COMPLETE_DIRS}},
    {.shortname = "-f",
     .longname = "--formats",
     .id = OPT_FORMATS,
     .wants = "a list of formats, e.g. docx,odt",
     .metavar = "LIST",
     .help = "the formats to make, comma-separated (default: docx,odt, and "
             "for site pdf too when LibreOffice is installed). pdf needs "
             "LibreOffice: it lays the documents out, and the DOCX and ODT "
             "then carry the exact page numbers of its layout. csv is the "
             "tracker as a table",
     .value = {.kind = CLI_COMPLETE_FORMATS}},
    {.longname = "--template",
     .id = OPT_TEMPLATE,
     .wants = "a .docx or .odt file",
     .metavar = "FILE",
     .help = "take the house style from this Word (.docx) or LibreOffice "
             "(.odt) document for this run, instead of committee.md's "
             "template:",
     .value = {.kind = CLI_COMPLETE_FILES, .endings = ".docx .odt"}},
    {.longname = "--strict",
     .id = OPT_STRICT,
     .help = "accessibility warnings are errors (exit 1, nothing written); "
             "other warnings stay warnings"},
    {.longname = "--publish-date",
     .id = OPT_PUBLISH_DATE,
     .wants = "a date as " DATE_RANGE,
     .metavar = "DATE",
     .help = "the day the agendas are published, as YYYY-MM-DD (default: "
             "the system date), for the warning of an agenda published later "
             "than five clear working days before its meeting",
     .value = {.kind = CLI_COMPLETE_DATE}},
    {.shortname = "-q",
     .longname = "--quiet",
     .id = OPT_QUIET,
     .help = "do not list the files written, nor show progress"},
};
#define N_OPTIONS (sizeof OPTIONS / sizeof *OPTIONS)

/* The command line as parsed: the options' values in `opts`, and how each
   option given was spelled, for messages. */
typedef struct cli {
  const char *input;         /* the one operand, or NULL */
  const char *extra;         /* the first operand after it, or NULL */
  const char *third;         /* the one after that (new's), or NULL */
  const char *fourth;        /* one more: always too many */
  const char *given[N_OPTS]; /* each option as given, or NULL */
  const char *value[N_OPTS]; /* its value, for those that take one */
  scr_options opts;
  bool actions;
} cli;

/* A command: how it parses and runs, and its documentation (cli_doc.h). */
typedef cli_command command;

/* parse_args' answer to --help among a command's options. */
enum { SHOW_HELP = -1 };

static const cli_table *table(void);

/* The command whose command line is being read: a usage error shows its
   synopsis, and before there is one the list of commands. */
static const command *reading;

/* A bad command line: the sentence, then the usage; exit 2. */
static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "scrutineer: error: ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  if (reading) {
    cli_write_synopsis(stderr, table(), reading);
    fprintf(stderr, "'scrutineer help %s' says more.\n", reading->name);
  } else
    cli_write_command_list(stderr, table());
  return EXIT_USAGE;
}

/* ---- running the library ------------------------------------------------- */

static int exit_status(scr_error err) {
  switch (err) {
  case SCR_OK:
    return EXIT_OK;
  case SCR_E_SOURCE:
  case SCR_E_TEMPLATE:
    return EXIT_SOURCE;
  default:
    return EXIT_ENV;
  }
}

/* The errors whose own sentences are already on stderr. */
static bool reported(scr_error err) {
  return err == SCR_E_SOURCE || err == SCR_E_TEMPLATE || err == SCR_E_IO ||
         err == SCR_E_OFFICE;
}

static int finish(scr_error err) {
  if (err && !reported(err))
    fprintf(stderr, "scrutineer: error: %s\n", scr_strerror(err));
  return exit_status(err);
}

/* The library takes any path inside a workspace, and one that does not exist
   would silently stand for the folder above it: a missing operand is a
   source that cannot be read, as a missing agenda is. */
static int workspace_found(const char *path) {
  struct stat st;
  if (stat(path, &st) == 0)
    return EXIT_OK;
  fprintf(stderr, "%s: error: %s\n", path,
          errno == ENOENT || errno == ENOTDIR ? "no such file or folder"
                                              : strerror(errno));
  return EXIT_SOURCE;
}

static int on_workspace(const cli *c,
                        scr_error (*build)(const char *, const scr_options *)) {
  const char *workspace = c->input ? c->input : ".";
  int rc = workspace_found(workspace);
  return rc != EXIT_OK ? rc : finish(build(workspace, &c->opts));
}

static int cmd_pack(const cli *c) {
  return finish(scr_build_pack(c->input, &c->opts));
}

static int cmd_minutes(const cli *c) {
  if (!c->actions)
    return finish(scr_build_minutes(c->input, &c->opts));
  const char *workspace = c->input ? c->input : ".";
  int rc = workspace_found(workspace);
  return rc != EXIT_OK ? rc : finish(scr_list_actions(workspace, stdout));
}

static int cmd_tracker(const cli *c) {
  return on_workspace(c, scr_build_tracker);
}

static int cmd_site(const cli *c) {
  return on_workspace(c, scr_build_site);
}

static int cmd_check(const cli *c) {
  return on_workspace(c, scr_check);
}

static int cmd_import(const cli *c) {
  return finish(scr_import_report(c->input, c->opts.out_dir, &c->opts));
}

static int cmd_init(const cli *c) {
  return finish(scr_init_workspace(c->input, &c->opts));
}

/* Whether an operand has the shape of a date, so is new's DATE and not its
   WORKSPACE (a folder could be named so, but a workspace is not). */
static bool looks_dated(const char *s) {
  return s && strlen(s) >= 5 && strspn(s, "0123456789") == 4 && s[4] == '-';
}

/* new agenda|minutes [DATE] [WORKSPACE]: DATE and WORKSPACE each optional,
   told apart by the shape of a date. */
static int cmd_new(const cli *c) {
  bool agenda = strcmp(c->input, "agenda") == 0;
  if (!agenda && strcmp(c->input, "minutes") != 0)
    return usage_error("new drafts an agenda or minutes: write 'new agenda "
                       "[DATE]' or 'new minutes [DATE]', not 'new %s'",
                       c->input);
  const char *date = looks_dated(c->extra) ? c->extra : NULL;
  const char *workspace = date ? c->third : c->extra;
  if (!date && c->third)
    return usage_error("unexpected argument '%s': the DATE comes before the "
                       "WORKSPACE",
                       c->third);
  scr_date d;
  if (date && !scr_date_parse(date, &d))
    return usage_error("new needs a meeting date as " DATE_RANGE ", not '%s'",
                       date);
  workspace = workspace ? workspace : ".";
  int rc = workspace_found(workspace);
  if (rc != EXIT_OK)
    return rc;
  return finish(agenda ? scr_new_agenda(workspace, date, &c->opts)
                       : scr_new_minutes(workspace, date, &c->opts));
}

static int cmd_help(const cli *c);

/* Options every command that reads the sources takes, and those of every
   command that writes documents. */
#define READING                                                                \
  (OPT(OPT_QUIET) | OPT(OPT_STRICT) | OPT(OPT_PUBLISH_DATE) | OPT(OPT_TEMPLATE))
#define WRITING (READING | OPT(OPT_OUTPUT) | OPT(OPT_FORMATS))
#define DOCUMENTS (SCR_FORMAT_DOCX | SCR_FORMAT_ODT | SCR_FORMAT_PDF)

/* import's -o names the Markdown file it writes. */
static const cli_option IMPORT_OUTPUT = {
    .id = OPT_OUTPUT,
    .metavar = "FILE.md",
    .help = "the Markdown file to write (default: REPORT with .md, which "
            "must not be there yet); - writes it to standard output. Its "
            "pictures go into a folder named after it, beside it",
    .value = {.kind = CLI_COMPLETE_FILES, .endings = ".md"}};

/* Every command, in the order the help lists them: one entry (and its run
   function) is a command, its help, its part of the manual and its
   completion. */
static const command COMMANDS[] = {
    {.name = "pack",
     .options = WRITING | OPT(OPT_PRIVATE) | OPT(OPT_SUPPLEMENT),
     .formats = DOCUMENTS,
     .operand = "an agenda file",
     .missing = "pack needs an agenda file, e.g. agendas/2026-06-17.md",
     .run = cmd_pack,
     .summary = "build a meeting's agenda pack: front sheet, agenda and "
                "lettered appendices",
     .description =
         "Build the agenda pack of the meeting whose agenda is AGENDA.md: "
         "the front sheet, the agenda, and every report the agenda links "
         "as a lettered appendix, each starting on a new page, the front "
         "sheet giving the page on which each starts. Exempt items "
         "({exempt=N}) are listed in a private session and their reports "
         "left out of the public pack; the reports of {to-follow} items "
         "are left out, their letters kept.\n\n"
         "Without pdf the page numbers are scrutineer's estimate, which "
         "Word and LibreOffice update when the document is opened; with "
         "pdf LibreOffice lays the documents out and the DOCX and ODT "
         "carry the exact pages of its layout.",
     .forms = {{"AGENDA.md", WRITING | OPT(OPT_PRIVATE) | OPT(OPT_SUPPLEMENT)}},
     .examples = {{"pack agendas/2026-06-17.md",
                   "the public pack, DOCX and ODT, into out/"},
                  {"pack agendas/2026-06-17.md -f docx,odt,pdf",
                   "and the PDF, with the pages of LibreOffice's layout"},
                  {"pack agendas/2026-06-17.md --private -o private",
                   "the private pack, exempt reports included, into private/"},
                  {"pack agendas/2026-06-17.md --supplement",
                   "the supplementary pack of the reports to follow"}},
     .operands = {.kind = CLI_COMPLETE_FILES,
                  .endings = ".md",
                  .folder = "agendas"}},
    {.name = "minutes",
     .options = WRITING | OPT(OPT_ACTIONS),
     .formats = DOCUMENTS,
     .operand = "a minutes file",
     .missing = "minutes needs a minutes file, e.g. minutes/2026-04-14.md, or "
                "--actions",
     .run = cmd_minutes,
     .summary = "build a meeting's minutes, or list every action agreed",
     .description =
         "Build the minutes of the meeting whose minutes file is "
         "MINUTES.md, their numbers running on from the minutes before "
         "them. With --actions, list instead every action agreed in the "
         "workspace's minutes (default: the current folder), one a line, "
         "tab-separated: its ID, the meeting it was agreed at, the meeting "
         "it is due at, its owner, the file and line it is written at, and "
         "its text.",
     .forms = {{"MINUTES.md", WRITING},
               {"--actions [WORKSPACE]", OPT(OPT_QUIET)}},
     .examples = {{"minutes minutes/2026-04-14.md",
                   "the minutes, DOCX and ODT, into out/"},
                  {"minutes --actions", "every action, tab-separated"}},
     .operands = {.kind = CLI_COMPLETE_FILES,
                  .endings = ".md",
                  .folder = "minutes"}},
    {.name = "tracker",
     .options = WRITING | OPT(OPT_TODAY),
     .formats = DOCUMENTS | SCR_FORMAT_CSV,
     .operand = "a WORKSPACE",
     .run = cmd_tracker,
     .summary = "build the work programme and action tracker as of a day",
     .description =
         "Build the work programme and the action tracker of the workspace "
         "(default: the current folder) as of --today: every action agreed "
         "in the minutes, followed to the agenda and work-programme items "
         "that answer it ({answers=ID}), with its status: done, on agenda, "
         "scheduled, overdue or unscheduled. Only actions agreed at "
         "meetings before that day are listed.",
     .forms = {{"[WORKSPACE]", WRITING | OPT(OPT_TODAY)}},
     .examples = {{"tracker --today 2026-09-09 -f docx,odt,csv",
                   "the tracker as of 9 September 2026, with its CSV"}},
     .operands = {.kind = CLI_COMPLETE_DIRS}},
    {.name = "site",
     .options = WRITING | OPT(OPT_TODAY),
     .formats = DOCUMENTS | SCR_FORMAT_CSV,
     .pdf_by_default = true,
     .operand = "a WORKSPACE or COUNCIL",
     .run = cmd_site,
     .summary = "build the download site: every document, with its pages, "
                "calendar and feed",
     .description =
         "Publish the committee's papers as static files any web server "
         "can serve: every agenda pack, every minutes document and the "
         "tracker as of --today, with index.html (the committee, its "
         "members and contacts, upcoming and past meetings), a page per "
         "meeting (its items, appendices and their pages), a page per "
         "public report (with PDF, its pages of the pack as a PDF too), "
         "work-programme.html, meetings.ics and feed.xml. Given a council's "
         "folder, each committee's site goes in committees/NAME/, under the "
         "council's index of every committee's upcoming meetings, one "
         "calendar and one feed. Documents whose sources are unchanged "
         "since the last build are not built again, and files whose bytes "
         "would not change are not written.",
     .forms = {{"[WORKSPACE]", WRITING | OPT(OPT_TODAY)},
               {"COUNCIL", WRITING | OPT(OPT_TODAY)}},
     .examples = {{"site --today 2026-09-01 -o site",
                   "the site as of 1 September 2026, into site/"},
                  {"site ~/council -o /var/www/committees",
                   "the council's site: every committee's"}},
     .operands = {.kind = CLI_COMPLETE_DIRS}},
    {.name = "check",
     .options = READING,
     .operand = "a WORKSPACE or COUNCIL",
     .run = cmd_check,
     .summary = "run every validation and print every problem; write nothing",
     .description =
         "Run every validation over the workspace (default: the current "
         "folder) and print every problem, as FILE:LINE:COLUMN: error: or "
         "warning: and a sentence; write nothing. Every other command runs "
         "the same validations first. Accessibility checks warn of images "
         "without alt text, skipped heading levels, tables without a "
         "header row, links with no text or with text like \"click here\" "
         "or a bare web address, and reports without a title; and an "
         "agenda published (--publish-date) later than five clear working "
         "days before its meeting is a warning. Given a council's folder "
         "(council.md beside committees/), it checks council.md and then "
         "every committee, each with its own count, and ends with the "
         "council's total.",
     .forms = {{"[WORKSPACE]", READING}, {"COUNCIL", READING}},
     .examples = {{"check", "every validation, no output files"},
                  {"check ~/council",
                   "council.md and every committee under committees/"},
                  {"check --strict", "accessibility warnings as errors"},
                  {"check --publish-date 2026-06-09",
                   "whether agendas published on 9 June 2026 give five "
                   "clear working days' notice"}},
     .operands = {.kind = CLI_COMPLETE_DIRS}},
    {.name = "import",
     .options = OPT(OPT_OUTPUT) | OPT(OPT_QUIET),
     .operand = "a Word or LibreOffice report",
     .missing = "import needs a report, e.g. agendas/2026-06-17/budget.docx",
     .run = cmd_import,
     .summary = "write a Word or LibreOffice report as Markdown",
     .description =
         "Write a Word (.docx) or LibreOffice (.odt) report as the Markdown "
         "it reads as in a pack: front matter (title, author), text, "
         "tables and notes, tracked changes accepted and comments left out.",
     .forms = {{"REPORT.docx|REPORT.odt", OPT(OPT_OUTPUT) | OPT(OPT_QUIET)}},
     .examples = {{"import agendas/2026-06-17/budget.docx",
                   "writes agendas/2026-06-17/budget.md"},
                  {"import report.odt -o -",
                   "the Markdown on standard output"}},
     .operands = {.kind = CLI_COMPLETE_FILES, .endings = ".docx .odt"},
     .output = &IMPORT_OUTPUT},
    {.name = "init",
     .options = OPT(OPT_QUIET) | OPT(OPT_TODAY),
     .operand = "a new folder",
     .missing = "init needs a folder to start the committee in, e.g. scrutiny",
     .run = cmd_init,
     .summary = "start a committee: a small working workspace in a new folder",
     .description =
         "Start a committee in DIR, a new or empty folder: "
         "agendas/committee.md naming every key the committee file takes, "
         "each with a note saying what it does; six meetings from the month "
         "after --today; the first agenda with the standing items and one "
         "report; the work programme; an empty minutes/ folder; and the "
         "built-in house style as templates/house.docx and "
         "templates/house.odt, to change in Word or LibreOffice and name "
         "in committee.md's template:. check passes on it and pack builds "
         "its first agenda. Nothing is ever written over.",
     .forms = {{"DIR", OPT(OPT_QUIET) | OPT(OPT_TODAY)}},
     .examples = {{"init scrutiny",
                   "a new committee in scrutiny/, meeting from next month"}},
     .operands = {.kind = CLI_COMPLETE_DIRS}},
    {.name = "new",
     .options = OPT(OPT_QUIET) | OPT(OPT_TODAY),
     .operand = "agenda or minutes, then a DATE and a WORKSPACE",
     .missing = "new needs what to draft: new agenda [DATE] or new minutes "
                "[DATE]",
     .run = cmd_new,
     .summary = "draft the next agenda, or a meeting's minutes",
     .description =
         "new agenda drafts agendas/DATE.md, DATE one of committee.md's "
         "meetings (default: the next one from --today without an agenda), "
         "and makes its folder agendas/DATE/: the standing items of the "
         "agenda before it (those that link no report of their own "
         "meeting's folder), the minutes of the previous meeting (to "
         "follow when they are not written yet), and an item {to-follow} "
         "for each of the work programme's items for DATE.\n\n"
         "new minutes drafts minutes/DATE.md from agendas/DATE.md "
         "(default: the latest meeting up to --today with an agenda and no "
         "minutes): the membership present, and a minute for each item, "
         "in the agenda's order, for the clerk to write. Neither writes "
         "over a file.",
     .forms = {{"agenda|minutes [DATE] [WORKSPACE]",
                OPT(OPT_QUIET) | OPT(OPT_TODAY)}},
     .examples = {{"new agenda 2027-03-16",
                   "draft the agenda of 16 March 2027"},
                  {"new minutes", "draft the minutes of the last meeting"}},
     .operands = {.kind = CLI_COMPLETE_WORDS, .endings = "agenda minutes"}},
    {.name = "help",
     .operand = "a COMMAND or TOPIC",
     .run = cmd_help,
     .summary = "this overview, or the help of a command or a topic",
     .description = "Without a word, print the overview of the commands. "
                    "With a command's name, print its help (as COMMAND --help "
                    "does): its synopsis, what it does, its options, "
                    "examples and exit status. With a topic's name, print "
                    "the topic.",
     .forms = {{"[COMMAND|TOPIC]", 0}},
     .examples = {{"help pack", "the options and examples of pack"},
                  {"help workspace", "the files of a workspace"}},
     .operands = {.kind = CLI_COMPLETE_HELP}},
};
#define N_COMMANDS (sizeof COMMANDS / sizeof *COMMANDS)

/* The files of a workspace: scrutineer help workspace, and the manual's
   FILES. */
static const cli_item FILES[] = {
    {"agendas/committee.md",
     "the committee: its council, name, short name, members, contacts, "
     "meetings and signatory in the front matter, and the standing text of "
     "the front sheet as its body"},
    {"agendas/YYYY-MM-DD.md",
     "the agenda of the meeting of that date: each ## heading an item, each "
     "[Appendix](file) link a report"},
    {"agendas/YYYY-MM-DD/",
     "that meeting's reports: Markdown, Word (.docx), LibreOffice (.odt) or "
     "PDF, with their pictures"},
    {"agendas/workprogramme.md",
     "the work programme and forward plan, and the progress of actions"},
    {"minutes/YYYY-MM-DD.md",
     "the minutes of the meeting of that date, with the actions agreed"},
    {"out/", "where the documents are written (-o)"},
};

static void write_workspace(FILE *out, const cli_table *t) {
  cli_write_files(out, t);
}

/* The reference of docs/sources.md and scrutineer-sources(5), from the
   table the library checks the sources with. */
static void write_sources(FILE *out, const cli_table *t) {
  (void)t;
  scr_reference_write(out, SCR_REFERENCE_MARKDOWN);
}

/* scrutineer help NAME: one entry a topic (its line in the overview, its
   completion), e.g. the reference of the sources' fields. */
static const cli_topic TOPICS[] = {
    {"workspace", "the files of a committee's workspace", write_workspace},
    {"sources", "every field of every source file, and the conventions",
     write_sources},
};

static const cli_item ENVIRONMENT[] = {
    {SCR_OFFICE_TIMEOUT_ENV,
     "the seconds LibreOffice may take to make the PDFs, from 1 to 86400 "
     "(default: 120)"},
    {SCR_KEPT_TREE_TEXT_ENV,
     "the bytes of report text whose parsed trees are kept in memory; later "
     "reports are parsed again when written (default: " STRINGIFY(
         SCR_KEPT_TREE_TEXT_DEFAULT) ")"},
};

static const cli_item EXITS[] = {
    {"0", "success"},
    {"1", "the sources have errors (each printed as FILE:LINE:COLUMN: "
          "error: and a sentence, and nothing is written), or a WORKSPACE "
          "does not exist"},
    {"2", "bad usage, said before anything is read"},
    {"3", "an I/O or environment failure: an unwritable folder, or "
          "LibreOffice missing, failing or too slow when pdf was asked for"},
};

static const cli_format FORMATS[] = {{"docx", SCR_FORMAT_DOCX},
                                     {"odt", SCR_FORMAT_ODT},
                                     {"pdf", SCR_FORMAT_PDF},
                                     {"csv", SCR_FORMAT_CSV}};
#define N_FORMATS (sizeof FORMATS / sizeof *FORMATS)
#define COUNT(a) (sizeof(a) / sizeof *(a))

static const cli_table TABLE = {
    .commands = COMMANDS,
    .n_commands = N_COMMANDS,
    .options = OPTIONS,
    .n_options = N_OPTIONS,
    .topics = TOPICS,
    .n_topics = COUNT(TOPICS),
    .formats = FORMATS,
    .n_formats = N_FORMATS,
    .env = ENVIRONMENT,
    .n_env = COUNT(ENVIRONMENT),
    .exits = EXITS,
    .n_exits = COUNT(EXITS),
    .files = FILES,
    .n_files = COUNT(FILES),
    .about = "scrutineer turns a council committee's papers, written as "
             "Markdown files in a workspace, into the documents a council "
             "publishes: agenda packs, minutes, the work programme and "
             "action tracker, as DOCX and ODT, and as PDF through "
             "LibreOffice; and a download site of them all.",
};

static const cli_table *table(void) {
  return &TABLE;
}

static const command *find_command(const char *name) {
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(name, COMMANDS[i].name) == 0)
      return &COMMANDS[i];
  return NULL;
}

static const cli_topic *find_topic(const char *name) {
  for (size_t i = 0; i < COUNT(TOPICS); i++)
    if (strcmp(name, TOPICS[i].name) == 0)
      return &TOPICS[i];
  return NULL;
}

/* help [COMMAND|TOPIC]: on stdout, as asked for. */
static int cmd_help(const cli *c) {
  if (!c->input) {
    cli_write_overview(stdout, &TABLE);
    return EXIT_OK;
  }
  const command *cmd = find_command(c->input);
  const cli_topic *topic = find_topic(c->input);
  if (cmd)
    cli_write_command_help(stdout, &TABLE, cmd);
  else if (topic)
    topic->write(stdout, &TABLE);
  else {
    reading = NULL; /* the list of commands, not help's own synopsis */
    return usage_error("'%s' is not a command nor a help topic", c->input);
  }
  return EXIT_OK;
}

/* ---- option values ------------------------------------------------------- */

/* The names of the formats in `bits`, as "docx, odt, pdf", into buf. */
static const char *format_names(unsigned bits, char *buf, size_t n) {
  return cli_format_names(&TABLE, bits, ", ", buf, n);
}

static unsigned format_bit(const char *name, size_t n) {
  for (size_t i = 0; i < N_FORMATS; i++)
    if (strlen(FORMATS[i].name) == n && strncmp(name, FORMATS[i].name, n) == 0)
      return FORMATS[i].bit;
  return 0;
}

/* -f's comma-separated list, each name one the command makes. */
static int parse_formats(const command *cmd, const char *opt, const char *list,
                         unsigned *formats) {
  char names[32];
  format_names(cmd->formats, names, sizeof names);
  if (!*list)
    return usage_error("option '%s' needs a list of formats (%s), not ''", opt,
                       names);
  *formats = 0;
  for (const char *s = list;; s++) {
    size_t n = strcspn(s, ",");
    unsigned bit = format_bit(s, n);
    if (!bit)
      return usage_error("unknown format '%.*s' in '%s %s' (%s makes %s)",
                         (int)n, s, opt, list, cmd->name, names);
    if (!(bit & cmd->formats))
      return usage_error("%s makes %s, not %.*s ('%s %s')", cmd->name, names,
                         (int)n, s, opt, list);
    *formats |= bit;
    s += n;
    if (!*s)
      return EXIT_OK;
  }
}

static int take_date(const char *opt, const char *value, const char **out) {
  scr_date d;
  if (!scr_date_parse(value, &d))
    return usage_error("%s needs a date as " DATE_RANGE ", not '%s'", opt,
                       value);
  *out = value;
  return EXIT_OK;
}

/* One option, with its value when it takes one, into the command line. */
static int take_option(const command *cmd, enum opt_id id, const char *opt,
                       const char *value, cli *c) {
  switch (id) {
  case OPT_OUTPUT:
    if (!*value)
      return usage_error("option '%s' needs %s, not ''", opt,
                         cmd->run == cmd_import ? "a Markdown file, or - "
                                                  "for standard output"
                                                : "a folder");
    c->opts.out_dir = value;
    return EXIT_OK;
  case OPT_FORMATS:
    return parse_formats(cmd, opt, value, &c->opts.formats);
  case OPT_TEMPLATE:
    /* its format is its name's, as scr_template_load reads it */
    if (!scr_template_format_of(value))
      return usage_error("option '%s' needs a .docx or .odt file, not '%s'",
                         opt, value);
    c->opts.template_path = value;
    return EXIT_OK;
  case OPT_QUIET:
    c->opts.quiet = true;
    return EXIT_OK;
  case OPT_ACTIONS:
    c->actions = true;
    return EXIT_OK;
  case OPT_TODAY:
    return take_date(opt, value, &c->opts.today);
  case OPT_STRICT:
    c->opts.strict = true;
    return EXIT_OK;
  case OPT_PRIVATE:
    c->opts.private_pack = true;
    return EXIT_OK;
  case OPT_SUPPLEMENT:
    c->opts.supplement = true;
    return EXIT_OK;
  case OPT_PUBLISH_DATE:
    return take_date(opt, value, &c->opts.publish_date);
  case N_OPTS:
    break;
  }
  return EXIT_USAGE;
}

/* ---- the words of the command line --------------------------------------- */

static const cli_option *find_option(const char *arg) {
  for (size_t i = 0; i < N_OPTIONS; i++)
    if ((OPTIONS[i].shortname && strcmp(arg, OPTIONS[i].shortname) == 0) ||
        strcmp(arg, OPTIONS[i].longname) == 0)
      return &OPTIONS[i];
  return NULL;
}

static bool is_help(const char *arg) {
  return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* A word that is an option of ours, so cannot be the value before it. */
static bool is_option(const char *arg) {
  return strcmp(arg, "--") == 0 || is_help(arg) || find_option(arg);
}

/* An option we do not know; --name=value spells a known one wrongly. */
static int unknown_option(const char *arg) {
  const char *eq = strchr(arg, '=');
  char name[32];
  size_t n = eq ? (size_t)(eq - arg) : 0;
  if (eq && n < sizeof name) {
    memcpy(name, arg, n);
    name[n] = '\0';
    const cli_option *o = find_option(name);
    if (o && o->wants)
      return usage_error("unknown option '%s': write '%s %s', the value as "
                         "the next argument",
                         arg, name, eq + 1);
    if (o)
      return usage_error("unknown option '%s': %s takes no value", arg, name);
  }
  return usage_error("unknown option '%s'", arg);
}

/* An option the command does not take, and the commands that do. */
static int not_taken(const command *cmd, enum opt_id id, const char *opt) {
  char takers[64];
  size_t len = 0, count = 0, seen = 0;
  for (size_t i = 0; i < N_COMMANDS; i++)
    count += (COMMANDS[i].options & OPT(id)) != 0;
  takers[0] = '\0';
  for (size_t i = 0; i < N_COMMANDS && len < sizeof takers; i++)
    if (COMMANDS[i].options & OPT(id)) {
      seen++;
      const char *sep = seen == 1 ? "" : seen == count ? " and " : ", ";
      len += (size_t)snprintf(takers + len, sizeof takers - len, "%s%s", sep,
                              COMMANDS[i].name);
    }
  return usage_error("'%s' is one of the options of %s, not of %s", opt, takers,
                     cmd->name);
}

static void take_operand(cli *c, const char *arg) {
  if (!c->input)
    c->input = arg;
  else if (!c->extra)
    c->extra = arg;
  else if (!c->third)
    c->third = arg;
  else if (!c->fourth)
    c->fourth = arg;
}

/* One option word, and the value after it when it takes one. */
static int parse_option(const command *cmd, int argc, char **argv, int *i,
                        cli *c) {
  const char *arg = argv[*i];
  const cli_option *o = find_option(arg);
  if (!o)
    return unknown_option(arg);
  if (!(cmd->options & OPT(o->id)))
    return not_taken(cmd, (enum opt_id)o->id, arg);
  const char *value = NULL;
  if (o->wants) {
    if (*i + 1 >= argc)
      return usage_error("option '%s' needs a value: %s", arg, o->wants);
    if (is_option(argv[*i + 1]))
      return usage_error("option '%s' needs a value (%s) before '%s'", arg,
                         o->wants, argv[*i + 1]);
    value = argv[++*i];
    /* which of two values was meant cannot be told */
    if (c->given[o->id])
      return usage_error("option '%s' is given twice ('%s', then '%s'); give "
                         "it once",
                         arg, c->value[o->id], value);
  }
  c->given[o->id] = arg;
  c->value[o->id] = value;
  return take_option(cmd, (enum opt_id)o->id, arg, value, c);
}

/* Options and operands of a subcommand; -- ends the options. */
static int parse_args(const command *cmd, int argc, char **argv, cli *c) {
  bool options = true;
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    int rc = EXIT_OK;
    if (!options || arg[0] != '-' || strcmp(arg, "-") == 0)
      take_operand(c, arg);
    else if (strcmp(arg, "--") == 0)
      options = false;
    else if (is_help(arg))
      return SHOW_HELP;
    else
      rc = parse_option(cmd, argc, argv, &i, c);
    if (rc != EXIT_OK)
      return rc;
  }
  return EXIT_OK;
}

/* ---- the command line as a whole ----------------------------------------- */

/* minutes --actions only lists: the options of building mean nothing. */
static int check_actions(const cli *c) {
  for (int id = 0; c->actions && id < N_OPTS; id++)
    if (c->given[id] && id != OPT_ACTIONS && id != OPT_QUIET)
      return usage_error("minutes --actions lists the actions on stdout and "
                         "takes no '%s'",
                         c->given[id]);
  return EXIT_OK;
}

static int check_operands(const command *cmd, const cli *c) {
  const char *name = c->actions ? "minutes --actions" : cmd->name;
  const char *what = c->actions ? "a WORKSPACE" : cmd->operand;
  bool three = cmd->run == cmd_new;
  const char *over = three ? c->fourth : c->extra;
  if (over)
    return usage_error("unexpected argument '%s': %s takes %s, %s", over, name,
                       three ? "at most three operands" : "one operand", what);
  if (c->input && !*c->input)
    return usage_error("%s needs %s, not ''", name, what);
  if (!c->input && cmd->missing && !c->actions)
    return usage_error("%s", cmd->missing);
  return EXIT_OK;
}

/* The time limit is a value the user gives, as an option's is: known bad
   before any work starts. */
static int check_pdf_timeout(const command *cmd, const cli *c) {
  bool pdf = c->opts.formats ? (c->opts.formats & SCR_FORMAT_PDF) != 0
                             : cmd->pdf_by_default;
  const char *v = getenv(SCR_OFFICE_TIMEOUT_ENV);
  if (pdf && !scr_office_timeout(v))
    return usage_error("%s needs " TIMEOUT_RANGE ", not '%s'",
                       SCR_OFFICE_TIMEOUT_ENV, v);
  return EXIT_OK;
}

/* A template named for this run must style a document it makes: the DOCX,
   the ODT or the PDF, not only a CSV. */
static int check_template(const cli *c) {
  const char *format = scr_template_format_of(c->opts.template_path);
  if (!format || !c->opts.formats ||
      (c->opts.formats & scr_template_serves(format)))
    return EXIT_OK;
  return usage_error("'%s %s' styles documents (DOCX, ODT, PDF), and "
                     "'%s %s' makes none",
                     c->given[OPT_TEMPLATE], c->opts.template_path,
                     c->given[OPT_FORMATS], c->value[OPT_FORMATS]);
}

static int run_command(const command *cmd, int argc, char **argv) {
  cli c = {0};
  reading = cmd;
  int rc = parse_args(cmd, argc, argv, &c);
  if (rc == SHOW_HELP) {
    cli_write_command_help(stdout, &TABLE, cmd);
    return EXIT_OK;
  }
  if (rc == EXIT_OK)
    rc = check_actions(&c);
  if (rc == EXIT_OK)
    rc = check_operands(cmd, &c);
  if (rc == EXIT_OK)
    rc = check_template(&c);
  if (rc == EXIT_OK)
    rc = check_pdf_timeout(cmd, &c);
  return rc == EXIT_OK ? cmd->run(&c) : rc;
}

static int unknown_command(const char *name) {
  if (name[0] == '-')
    return usage_error("'%s' is not a command: the command comes first, then "
                       "its options",
                       name);
  return usage_error("unknown command '%s'", name);
}

/* The manual page and the bash completion are written at build time by
   the program itself, from the table it parses with, so that neither can
   say other than --help; these words are not documented. */
static int write_generated(const char *what) {
  if (strcmp(what, "--write-man-page") == 0) {
    /* SOURCE_DATE_EPOCH, when set, makes the page the same build to build */
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t when = epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
    struct tm *tm = gmtime(&when);
    char month[16], date[32];
    strftime(month, sizeof month, "%B", tm);
    snprintf(date, sizeof date, "%s %d, %d", month, tm->tm_mday,
             tm->tm_year + 1900);
    cli_write_man(stdout, &TABLE, date);
  } else
    cli_write_bash_completion(stdout, &TABLE);
  return fflush(stdout) == 0 ? EXIT_OK : EXIT_ENV;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage_error("%s", "no command given");
  const char *name = argv[1];
  bool help = is_help(name), version = strcmp(name, "--version") == 0;
  bool generated = strcmp(name, "--write-man-page") == 0 ||
                   strcmp(name, "--write-bash-completion") == 0;
  if ((help || version || generated) && argc > 2)
    return usage_error("unexpected argument '%s' after %s", argv[2], name);
  if (help) {
    cli_write_overview(stdout, &TABLE);
    return EXIT_OK;
  }
  if (version) {
    printf("scrutineer %s\n", SCR_VERSION);
    return EXIT_OK;
  }
  if (generated)
    return write_generated(name);
  const command *cmd = find_command(name);
  if (!cmd)
    return unknown_command(name);
  int rc = run_command(cmd, argc - 2, argv + 2);
  /* libxml2 keeps parser state for the process's life; hand it back so
     leak checkers see a clean exit */
  xmlCleanupParser();
  return rc;
}
