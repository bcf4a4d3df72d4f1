/* The command line's documentation, written from the one table of commands
   and options that main.c parses with: the overview (scrutineer help), a
   command's help (help COMMAND, COMMAND --help), the usage after a bad
   command line, the manual page scrutineer(1) and the bash completion.
   Part of the program, not of libscrutineer. */
#ifndef SCR_CLI_DOC_H
#define SCR_CLI_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cli; /* the command line as parsed: main.c's */

/* What the bash completion offers for an option's value or an operand. */
typedef enum cli_complete_kind {
  CLI_COMPLETE_NOTHING,
  CLI_COMPLETE_DIRS,    /* folders */
  CLI_COMPLETE_FILES,   /* files with one of `endings`, and folders */
  CLI_COMPLETE_FORMATS, /* the command's formats, comma-separated */
  CLI_COMPLETE_DATE,    /* today's date, as an example */
  CLI_COMPLETE_HELP,    /* the commands and the help topics */
  CLI_COMPLETE_WORDS    /* first one of `endings` (space-separated words),
                           then folders */
} cli_complete_kind;

typedef struct cli_complete {
  cli_complete_kind kind;
  const char *endings; /* FILES: the names' endings, space-separated */
  const char *folder;  /* FILES: the folder offered when nothing is typed */
} cli_complete;

typedef struct cli_option {
  const char *shortname, *longname; /* "-o" (or NULL), "--output" */
  int id;              /* its bit in cli_command.options: 1u << id */
  const char *wants;   /* what its value is, for messages; NULL: no value */
  const char *metavar; /* its value in a synopsis: "DIR" */
  const char *help;    /* what it does: sentences, wrapped when written */
  cli_complete value;  /* how its value is completed */
} cli_option;

/* One way to call a command: its operands as a synopsis shows them
   ("AGENDA.md", "[WORKSPACE]", "--actions [WORKSPACE]") and the options
   that go with them. */
typedef struct cli_form {
  const char *operands;
  unsigned options;
} cli_form;

/* One example: the command line after "scrutineer ", and what it does. */
typedef struct cli_example {
  const char *line, *does;
} cli_example;

#define CLI_MAX_FORMS 2
#define CLI_MAX_EXAMPLES 4

typedef struct cli_command {
  const char *name;
  unsigned options;    /* 1u << id of every option it takes */
  unsigned formats;    /* what -f may name: SCR_FORMAT_* bits */
  bool pdf_by_default; /* without -f it may make PDF */
  const char *operand; /* what its operand is: "an agenda file" */
  const char *missing; /* the sentence when its operand is required and
                          missing, or NULL when it is optional */
  int (*run)(const struct cli *c);
  /* its documentation */
  const char *summary;     /* the overview's line: "build the agenda pack" */
  const char *description; /* sentences; "\n\n" between paragraphs */
  cli_form forms[CLI_MAX_FORMS]; /* the first is required */
  cli_example examples[CLI_MAX_EXAMPLES];
  cli_complete operands;    /* how its operand is completed */
  const cli_option *output; /* -o as this command means it, or NULL */
} cli_command;

struct cli_table;

/* A help topic: scrutineer help NAME writes it. */
typedef struct cli_topic {
  const char *name, *summary;
  void (*write)(FILE *out, const struct cli_table *t);
} cli_topic;

/* An environment variable the program reads, a file of a workspace, an
   exit status: a name and what it means. */
typedef struct cli_item {
  const char *name, *help;
} cli_item;

/* A format -f may name. */
typedef struct cli_format {
  const char *name;
  unsigned bit; /* SCR_FORMAT_* */
} cli_format;

/* Everything the documentation is written from. */
typedef struct cli_table {
  const cli_command *commands;
  size_t n_commands;
  const cli_option *options;
  size_t n_options;
  const cli_topic *topics;
  size_t n_topics;
  const cli_format *formats;
  size_t n_formats;
  const cli_item *env; /* the environment variables */
  size_t n_env;
  const cli_item *exits; /* each exit status: "0", "success" */
  size_t n_exits;
  const cli_item *files; /* a workspace's files: "agendas/committee.md" */
  size_t n_files;
  const char *about; /* what the program is: sentences */
} cli_table;

/* The names of the formats in `bits`, joined by `sep`, into buf. */
const char *cli_format_names(const cli_table *t, unsigned bits, const char *sep,
                             char *buf, size_t n);

/* "usage: scrutineer NAME ..." for each form of `cmd`, wrapped. */
void cli_write_synopsis(FILE *out, const cli_table *t, const cli_command *cmd);
/* The usage line and the commands, one line each: the overview's start,
   and what follows a bad command line outside any command. */
void cli_write_command_list(FILE *out, const cli_table *t);
/* scrutineer help workspace: the files of a workspace. */
void cli_write_files(FILE *out, const cli_table *t);
/* scrutineer help: what the program is, its commands and topics, where to
   read more, and the exit status. */
void cli_write_overview(FILE *out, const cli_table *t);
/* scrutineer help COMMAND: synopsis, description, options, environment,
   examples and exit status. */
void cli_write_command_help(FILE *out, const cli_table *t,
                            const cli_command *cmd);
/* `text` wrapped to the help's width, every line indented by `indent`. */
void cli_write_wrapped(FILE *out, const char *text, int indent);
/* The manual page scrutineer(1), in mdoc. `date` as "Month D, YYYY". */
void cli_write_man(FILE *out, const cli_table *t, const char *date);
/* The bash completion: a function _scrutineer and its `complete` line. */
void cli_write_bash_completion(FILE *out, const cli_table *t);

#endif
