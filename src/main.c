/* scrutineer's command line: a table of subcommands, each a small function.
   Every option value and operand is checked here before the library is
   called, so that a bad command line is bad usage (exit 2), named as the
   user wrote it, and never an error the library finds halfway. */
#include "scrutineer.h"

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

static const char USAGE[] =
    "usage: scrutineer pack AGENDA.md [--private] [--supplement] [-o DIR] "
    "[-f docx,odt,pdf] [--template FILE]\n"
    "       scrutineer minutes MINUTES.md [-o DIR] [-f docx,odt,pdf] "
    "[--template FILE]\n"
    "       scrutineer minutes --actions [WORKSPACE]\n"
    "       scrutineer tracker [WORKSPACE] [--today DATE] [-o DIR] "
    "[-f docx,odt,pdf,csv] [--template FILE]\n"
    "       scrutineer site [WORKSPACE] [--today DATE] [-o DIR] "
    "[-f docx,odt,pdf,csv] [--template FILE]\n"
    "       scrutineer check [WORKSPACE] [--strict] [--publish-date DATE] "
    "[--template FILE]\n"
    "       scrutineer import REPORT.docx|REPORT.odt [-o FILE.md]\n"
    "       scrutineer init DIR [--today DATE]\n"
    "       scrutineer new agenda|minutes [DATE] [WORKSPACE] [--today DATE]\n"
    "       scrutineer --help | --version | COMMAND --help\n"
    "  -q goes with every command, --strict and --publish-date DATE with\n"
    "  all but minutes --actions; -- ends the options\n";

static const char HELP[] =
    "scrutineer turns a committee's Markdown sources into the documents a\n"
    "council publishes.\n"
    "\n"
    "  pack AGENDA.md     build the agenda pack: front sheet, agenda, and\n"
    "                     every appendix the agenda links, lettered, with the\n"
    "                     page on which each starts. Exempt items\n"
    "                     ({exempt=N}) are listed in a private session and\n"
    "                     their reports left out; reports of {to-follow}\n"
    "                     items are left out, their letters kept\n"
    "  minutes MINUTES.md build the minutes of a meeting, numbered on from\n"
    "                     the minutes before them\n"
    "  minutes --actions  list every action agreed in the workspace's\n"
    "                     minutes: ID, agreed at, due, owner, source, text\n"
    "  tracker            the work programme and every action's status\n"
    "                     (done, on agenda, scheduled, overdue,\n"
    "                     unscheduled) as of --today (default: today)\n"
    "  site               the download site: every pack, minutes document\n"
    "                     and the tracker, with index.html (members,\n"
    "                     contacts, upcoming and past meetings), a page per\n"
    "                     meeting (items, appendices and their pages),\n"
    "                     work-programme.html, meetings.ics and feed.xml,\n"
    "                     into -o DIR (default: site). Formats default to\n"
    "                     docx,odt, and pdf when LibreOffice is installed.\n"
    "                     Documents whose sources are unchanged since the\n"
    "                     last build are not rebuilt\n"
    "  check              run every validation and print every problem;\n"
    "                     write nothing. Accessibility checks warn of\n"
    "                     images without alt text, skipped heading levels,\n"
    "                     tables without a header row, links with no text\n"
    "                     or with text like \"click here\" or a bare web\n"
    "                     address, and reports without a title; and an\n"
    "                     agenda published (--publish-date) later than\n"
    "                     five clear working days before its meeting\n"
    "  import REPORT      write a Word (.docx) or LibreOffice (.odt) report\n"
    "                     as the Markdown it reads as in a pack: front\n"
    "                     matter (title, author), text, tables, notes;\n"
    "                     tracked changes accepted, comments left out. -o\n"
    "                     names the Markdown file (default: REPORT with .md,\n"
    "                     which must not be there yet; -: standard output);\n"
    "                     pictures go into a folder named after it, beside it\n"
    "  init DIR           start a committee in a new or empty folder: an\n"
    "                     example committee.md naming every key, six\n"
    "                     meetings from next month, the first agenda with a\n"
    "                     report, the work programme, minutes/, and the\n"
    "                     house style as templates/house.docx and .odt\n"
    "  new agenda [DATE]  draft agendas/DATE.md: the standing items of the\n"
    "                     agenda before, the previous minutes, the work\n"
    "                     programme's items for DATE, each {to-follow}\n"
    "                     (default: the next meeting without an agenda)\n"
    "  new minutes [DATE] draft minutes/DATE.md from agendas/DATE.md: the\n"
    "                     members present, a minute per item (default: the\n"
    "                     latest meeting with an agenda and no minutes).\n"
    "                     init and new never replace a file\n"
    "\n"
    "options:\n"
    "  -o, --output DIR   output folder (default: out; site: site)\n"
    "  -f, --formats LIST comma-separated: docx, odt, pdf, and csv for the\n"
    "                     tracker (default: docx,odt). pdf needs LibreOffice;\n"
    "                     it lays the documents out, and the DOCX and ODT\n"
    "                     then carry the exact page numbers of its layout\n"
    "  --private          pack: the private pack, exempt reports included,\n"
    "                     every page of them headed NOT FOR PUBLICATION\n"
    "                     (...-agenda-pack-private); never publish it\n"
    "  --supplement       pack: only the reports of {to-follow} items, with\n"
    "                     their letters (...-agenda-pack-supplement)\n"
    "  --today DATE       the tracker's \"as of\" date, and for site the day\n"
    "                     that divides upcoming from past, YYYY-MM-DD\n"
    "  --publish-date DATE  the day the agendas are published, YYYY-MM-DD\n"
    "                     (default: today), for the notice warning\n"
    "  --template FILE    take the house style from a .docx or .odt for\n"
    "                     this run, instead of committee.md's template:\n"
    "  -q, --quiet        do not list the files written, nor show progress\n"
    "  --strict           accessibility warnings are errors (exit 1, nothing\n"
    "                     written); other warnings stay warnings\n"
    "\n"
    "environment:\n"
    "  SCRUTINEER_PDF_TIMEOUT  seconds LibreOffice may take to make the PDFs\n"
    "                     (default: 120)\n"
    "  " SCR_KEPT_TREE_TEXT_ENV "  bytes of report text whose parsed trees\n"
    "                     are kept in memory; later reports are parsed again\n"
    "                     when written (default: " STRINGIFY(
        SCR_KEPT_TREE_TEXT_DEFAULT) ")\n"
                                    "\n"
                                    "exit status: 0 success, 1 the sources "
                                    "have errors, 2 bad usage,\n"
                                    "3 an I/O or environment failure "
                                    "(LibreOffice missing, failing or too\n"
                                    "slow when pdf was asked for).\n";

enum opt_id {
  OPT_OUTPUT,
  OPT_FORMATS,
  OPT_TEMPLATE,
  OPT_QUIET,
  OPT_ACTIONS,
  OPT_TODAY,
  OPT_STRICT,
  OPT_PRIVATE,
  OPT_SUPPLEMENT,
  OPT_PUBLISH_DATE,
  N_OPTS
};
#define OPT(id) (1u << (id))

static const struct option_spec {
  const char *shortname, *longname;
  enum opt_id id;
  const char *wants; /* what its value is, or NULL when it takes none */
} OPTIONS[] = {
    {"-o", "--output", OPT_OUTPUT, "the output folder"},
    {"-f", "--formats", OPT_FORMATS, "a list of formats, e.g. docx,odt"},
    {NULL, "--template", OPT_TEMPLATE, "a .docx or .odt file"},
    {"-q", "--quiet", OPT_QUIET, NULL},
    {NULL, "--actions", OPT_ACTIONS, NULL},
    {NULL, "--today", OPT_TODAY, "a date as " DATE_RANGE},
    {NULL, "--strict", OPT_STRICT, NULL},
    {NULL, "--private", OPT_PRIVATE, NULL},
    {NULL, "--supplement", OPT_SUPPLEMENT, NULL},
    {NULL, "--publish-date", OPT_PUBLISH_DATE, "a date as " DATE_RANGE},
};

/* The command line as parsed: the options' values in `opts`, and how each
   option given was spelled, for messages. */
typedef struct cli {
  const char *input;         /* the one operand, or NULL */
  const char *extra;         /* the first operand after it, or NULL */
  const char *given[N_OPTS]; /* each option as given, or NULL */
  const char *value[N_OPTS]; /* its value, for those that take one */
  scr_options opts;
  bool actions;
} cli;

typedef struct command {
  const char *name;
  unsigned options;    /* OPT() of every option it takes */
  unsigned formats;    /* what -f may name */
  bool pdf_by_default; /* without -f it may make PDF */
  const char *operand; /* what its operand is: "an agenda file" */
  const char *missing; /* the sentence when its operand is required and
                          missing, or NULL when it is optional */
  int (*run)(const cli *c);
} command;

/* parse_args' answer to --help among a command's options. */
enum { SHOW_HELP = -1 };

/* A bad command line: the sentence, then the usage; exit 2. */
static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "scrutineer: error: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n%s", USAGE);
  va_end(ap);
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

/* new's operands, DATE and WORKSPACE, each optional, told apart by the
   shape of a date. */
static int run_new(const cli *c, scr_error (*draft)(const char *, const char *,
                                                    const scr_options *)) {
  const char *date = NULL, *workspace = c->input;
  bool dated = c->input && strlen(c->input) >= 5 &&
               strspn(c->input, "0123456789") == 4 && c->input[4] == '-';
  scr_date d;
  if (dated) {
    date = c->input;
    workspace = c->extra;
  } else if (c->extra) {
    return usage_error("unexpected argument '%s': the DATE comes before the "
                       "WORKSPACE",
                       c->extra);
  }
  if (date && !scr_date_parse(date, &d))
    return usage_error("new needs a meeting date as " DATE_RANGE ", not '%s'",
                       date);
  workspace = workspace ? workspace : ".";
  int rc = workspace_found(workspace);
  return rc != EXIT_OK ? rc : finish(draft(workspace, date, &c->opts));
}

static int cmd_new_agenda(const cli *c) {
  return run_new(c, scr_new_agenda);
}

static int cmd_new_minutes(const cli *c) {
  return run_new(c, scr_new_minutes);
}

/* Options every command that reads the sources takes, and those of every
   command that writes documents. */
#define READING                                                                \
  (OPT(OPT_QUIET) | OPT(OPT_STRICT) | OPT(OPT_PUBLISH_DATE) | OPT(OPT_TEMPLATE))
#define WRITING (READING | OPT(OPT_OUTPUT) | OPT(OPT_FORMATS))
#define DOCUMENTS (SCR_FORMAT_DOCX | SCR_FORMAT_ODT | SCR_FORMAT_PDF)

static const command COMMANDS[] = {
    {"pack", WRITING | OPT(OPT_PRIVATE) | OPT(OPT_SUPPLEMENT), DOCUMENTS, false,
     "an agenda file", "pack needs an agenda file, e.g. agendas/2026-06-17.md",
     cmd_pack},
    {"minutes", WRITING | OPT(OPT_ACTIONS), DOCUMENTS, false, "a minutes file",
     "minutes needs a minutes file, e.g. minutes/2026-04-14.md, or --actions",
     cmd_minutes},
    {"tracker", WRITING | OPT(OPT_TODAY), DOCUMENTS | SCR_FORMAT_CSV, false,
     "a WORKSPACE", NULL, cmd_tracker},
    {"site", WRITING | OPT(OPT_TODAY), DOCUMENTS | SCR_FORMAT_CSV, true,
     "a WORKSPACE", NULL, cmd_site},
    {"check", READING, 0, false, "a WORKSPACE", NULL, cmd_check},
    {"import", OPT(OPT_QUIET) | OPT(OPT_OUTPUT), 0, false,
     "a Word or LibreOffice report",
     "import needs a report, e.g. agendas/2026-06-17/budget.docx", cmd_import},
    {"init", OPT(OPT_QUIET) | OPT(OPT_TODAY), 0, false, "a new folder",
     "init needs a folder to start the committee in, e.g. scrutiny", cmd_init},
    {"new agenda", OPT(OPT_QUIET) | OPT(OPT_TODAY), 0, false,
     "a DATE and a WORKSPACE", NULL, cmd_new_agenda},
    {"new minutes", OPT(OPT_QUIET) | OPT(OPT_TODAY), 0, false,
     "a DATE and a WORKSPACE", NULL, cmd_new_minutes},
};
#define N_COMMANDS (sizeof COMMANDS / sizeof *COMMANDS)

/* ---- option values ------------------------------------------------------- */

static const struct {
  const char *name;
  unsigned bit;
} FORMATS[] = {{"docx", SCR_FORMAT_DOCX},
               {"odt", SCR_FORMAT_ODT},
               {"pdf", SCR_FORMAT_PDF},
               {"csv", SCR_FORMAT_CSV}};
#define N_FORMATS (sizeof FORMATS / sizeof *FORMATS)

/* The names of the formats in `bits`, as "docx, odt, pdf", into buf. */
static const char *format_names(unsigned bits, char *buf, size_t n) {
  size_t len = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < N_FORMATS && len < n; i++)
    if (bits & FORMATS[i].bit)
      len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "",
                              FORMATS[i].name);
  return buf;
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

static const struct option_spec *find_option(const char *arg) {
  for (size_t i = 0; i < sizeof OPTIONS / sizeof *OPTIONS; i++)
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
    const struct option_spec *o = find_option(name);
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
}

/* One option word, and the value after it when it takes one. */
static int parse_option(const command *cmd, int argc, char **argv, int *i,
                        cli *c) {
  const char *arg = argv[*i];
  const struct option_spec *o = find_option(arg);
  if (!o)
    return unknown_option(arg);
  if (!(cmd->options & OPT(o->id)))
    return not_taken(cmd, o->id, arg);
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
  return take_option(cmd, o->id, arg, value, c);
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
  bool two = cmd->run == cmd_new_agenda || cmd->run == cmd_new_minutes;
  if (c->extra && !two)
    return usage_error("unexpected argument '%s': %s takes one operand, %s",
                       c->extra, name, what);
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
  int rc = parse_args(cmd, argc, argv, &c);
  if (rc == SHOW_HELP) {
    printf("%s\n%s", USAGE, HELP);
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
    return usage_error("'%s' is not a command: the command (pack, minutes, "
                       "tracker, site, check, import, init or new) comes "
                       "first, then its options",
                       name);
  return usage_error("unknown command '%s' (the commands are pack, minutes, "
                     "tracker, site, check, import, init and new)",
                     name);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage_error("%s", "no command given");
  const char *name = argv[1];
  bool help = is_help(name), version = strcmp(name, "--version") == 0;
  if ((help || version) && argc > 2)
    return usage_error("unexpected argument '%s' after %s", argv[2], name);
  if (help) {
    printf("%s\n%s", USAGE, HELP);
    return EXIT_OK;
  }
  if (version) {
    printf("scrutineer %s\n", SCR_VERSION);
    return EXIT_OK;
  }
  /* new agenda, new minutes: two words name the command */
  char two[32];
  int words = 1;
  if (strcmp(name, "new") == 0 && argc > 2 && is_help(argv[2])) {
    printf("%s\n%s", USAGE, HELP);
    return EXIT_OK;
  }
  if (strcmp(name, "new") == 0) {
    if (argc < 3 || (strcmp(argv[2], "agenda") && strcmp(argv[2], "minutes")))
      return usage_error("new needs what to draft: new agenda [DATE] or new "
                         "minutes [DATE]");
    snprintf(two, sizeof two, "new %s", argv[2]);
    name = two;
    words = 2;
  }
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(name, COMMANDS[i].name) == 0) {
      int rc = run_command(&COMMANDS[i], argc - 1 - words, argv + 1 + words);
      /* libxml2 keeps parser state for the process's life; hand it back so
         leak checkers see a clean exit */
      xmlCleanupParser();
      return rc;
    }
  return unknown_command(name);
}
