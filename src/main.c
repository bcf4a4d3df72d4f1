/* scrutineer's command line: a table of subcommands, each a small function. */
#include "scrutineer.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const char USAGE[] =
    "usage: scrutineer pack AGENDA.md [--private] [--supplement] [-o DIR] "
    "[-f docx,odt,pdf] [--template FILE]\n"
    "       scrutineer minutes MINUTES.md [-o DIR] [-f docx,odt,pdf] "
    "[--template FILE]\n"
    "       scrutineer minutes --actions [WORKSPACE]\n"
    "       scrutineer tracker [WORKSPACE] [--today DATE] [-o DIR] "
    "[-f docx,odt,pdf,csv]\n"
    "       scrutineer site [WORKSPACE] [--today DATE] [-o DIR] "
    "[-f docx,odt,pdf,csv]\n"
    "       scrutineer check [WORKSPACE] [--strict] [--publish-date DATE]\n"
    "       scrutineer --help | --version\n";

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
    "  --template FILE    take the house style from a .docx or .odt\n"
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

typedef struct cli {
  const char *input;
  scr_options opts;
  bool actions;
} cli;

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
  OPT_PUBLISH_DATE
};

static const struct option_spec {
  const char *shortname, *longname;
  enum opt_id id;
  bool takes_value;
} OPTIONS[] = {
    {"-o", "--output", OPT_OUTPUT, true},
    {"-f", "--formats", OPT_FORMATS, true},
    {NULL, "--template", OPT_TEMPLATE, true},
    {"-q", "--quiet", OPT_QUIET, false},
    {NULL, "--actions", OPT_ACTIONS, false},
    {NULL, "--today", OPT_TODAY, true},
    {NULL, "--strict", OPT_STRICT, false},
    {NULL, "--private", OPT_PRIVATE, false},
    {NULL, "--supplement", OPT_SUPPLEMENT, false},
    {NULL, "--publish-date", OPT_PUBLISH_DATE, true},
};

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "scrutineer: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n%s", USAGE);
  return EXIT_USAGE;
}

static bool parse_formats(const char *list, unsigned *formats) {
  static const struct {
    const char *name;
    unsigned bit;
  } NAMES[] = {{"docx", SCR_FORMAT_DOCX},
               {"odt", SCR_FORMAT_ODT},
               {"pdf", SCR_FORMAT_PDF},
               {"csv", SCR_FORMAT_CSV}};
  *formats = 0;
  const char *s = list;
  while (*s) {
    size_t n = strcspn(s, ",");
    bool known = false;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
      if (strlen(NAMES[i].name) == n && strncmp(s, NAMES[i].name, n) == 0) {
        *formats |= NAMES[i].bit;
        known = true;
      }
    if (!known)
      return false;
    s += n + (s[n] == ',');
  }
  return *formats != 0;
}

static bool valid_date(const char *s) {
  int y, m, d, n = 0;
  if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] || n != 10)
    return false;
  static const int DAYS[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m >= 1 && m <= 12 && d >= 1 &&
         d <= (m == 2 && !leap ? 28 : DAYS[m - 1]);
}

static const struct option_spec *find_option(const char *arg) {
  for (size_t i = 0; i < sizeof OPTIONS / sizeof *OPTIONS; i++)
    if ((OPTIONS[i].shortname && strcmp(arg, OPTIONS[i].shortname) == 0) ||
        strcmp(arg, OPTIONS[i].longname) == 0)
      return &OPTIONS[i];
  return NULL;
}

/* Options and the one positional argument of a subcommand. */
static int parse_args(int argc, char **argv, cli *c) {
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    if (arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (c->input)
        return usage_error("unexpected argument '%s'", arg);
      c->input = arg;
      continue;
    }
    const struct option_spec *o = find_option(arg);
    if (!o)
      return usage_error("unknown option '%s'", arg);
    const char *value = NULL;
    if (o->takes_value) {
      if (i + 1 >= argc)
        return usage_error("option '%s' needs a value", arg);
      value = argv[++i];
    }
    switch (o->id) {
    case OPT_OUTPUT:
      c->opts.out_dir = value;
      break;
    case OPT_FORMATS:
      if (!parse_formats(value, &c->opts.formats))
        return usage_error("unknown format in '%s' (use docx, odt, pdf, csv)",
                           value);
      break;
    case OPT_TEMPLATE:
      c->opts.template_path = value;
      break;
    case OPT_QUIET:
      c->opts.quiet = true;
      break;
    case OPT_ACTIONS:
      c->actions = true;
      break;
    case OPT_TODAY:
      if (!valid_date(value))
        return usage_error("--today needs a date as YYYY-MM-DD, not '%s'",
                           value);
      c->opts.today = value;
      break;
    case OPT_STRICT:
      c->opts.strict = true;
      break;
    case OPT_PRIVATE:
      c->opts.private_pack = true;
      break;
    case OPT_SUPPLEMENT:
      c->opts.supplement = true;
      break;
    case OPT_PUBLISH_DATE:
      if (!valid_date(value))
        return usage_error(
            "--publish-date needs a date as YYYY-MM-DD, not '%s'", value);
      c->opts.publish_date = value;
      break;
    }
  }
  return EXIT_OK;
}

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

static int cmd_pack(int argc, char **argv) {
  cli c = {0};
  int rc = parse_args(argc, argv, &c);
  if (rc != EXIT_OK)
    return rc;
  if (!c.input)
    return usage_error("%s", "pack needs an agenda file, e.g. "
                             "agendas/2026-06-17.md");
  return finish(scr_build_pack(c.input, &c.opts));
}

/* --private and --supplement choose which pack: they mean nothing else. */
static int pack_only(const cli *c, const char *command) {
  if (c->opts.private_pack || c->opts.supplement)
    return usage_error("--private and --supplement are options of pack, not "
                       "of %s",
                       command);
  return EXIT_OK;
}

static int cmd_minutes(int argc, char **argv) {
  cli c = {0};
  int rc = parse_args(argc, argv, &c);
  if (rc == EXIT_OK)
    rc = pack_only(&c, "minutes");
  if (rc != EXIT_OK)
    return rc;
  scr_error err;
  if (c.actions) {
    err = scr_list_actions(c.input ? c.input : ".", stdout);
  } else {
    if (!c.input)
      return usage_error("%s", "minutes needs a minutes file, e.g. "
                               "minutes/2026-04-14.md, or --actions");
    err = scr_build_minutes(c.input, &c.opts);
  }
  return finish(err);
}

static int cmd_tracker(int argc, char **argv) {
  cli c = {0};
  int rc = parse_args(argc, argv, &c);
  if (rc == EXIT_OK)
    rc = pack_only(&c, "tracker");
  if (rc != EXIT_OK)
    return rc;
  return finish(scr_build_tracker(c.input ? c.input : ".", &c.opts));
}

static int cmd_site(int argc, char **argv) {
  cli c = {0};
  int rc = parse_args(argc, argv, &c);
  if (rc != EXIT_OK)
    return rc;
  return finish(scr_build_site(c.input ? c.input : ".", &c.opts));
}

static int cmd_check(int argc, char **argv) {
  cli c = {0};
  int rc = parse_args(argc, argv, &c);
  if (rc == EXIT_OK)
    rc = pack_only(&c, "check");
  if (rc != EXIT_OK)
    return rc;
  return finish(scr_check(c.input ? c.input : ".", &c.opts));
}

static const struct command {
  const char *name;
  int (*run)(int argc, char **argv);
} COMMANDS[] = {
    {"pack", cmd_pack}, {"minutes", cmd_minutes}, {"tracker", cmd_tracker},
    {"site", cmd_site}, {"check", cmd_check},
};

int main(int argc, char **argv) {
  if (argc < 2)
    return usage_error("%s", "no command given");
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    printf("%s\n%s", USAGE, HELP);
    return EXIT_OK;
  }
  if (strcmp(name, "--version") == 0) {
    printf("scrutineer %s\n", SCR_VERSION);
    return EXIT_OK;
  }
  for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
    if (strcmp(name, COMMANDS[i].name) == 0) {
      int rc = COMMANDS[i].run(argc - 2, argv + 2);
      /* libxml2 keeps parser state for the process's life; hand it back so
         leak checkers see a clean exit */
      xmlCleanupParser();
      return rc;
    }
  return usage_error("unknown command '%s'", name);
}
