/* The command line's documentation, written from main.c's table: plain text
   for the terminal, mdoc for the manual page, bash for the completion. One
   table, so that the help, the manual and the completion say the same. */
#include "cli_doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 78       /* the help's lines are at most this wide */
#define HELP_COLUMN 24 /* where an option's or command's text starts */

static const cli_option *option_by_id(const cli_table *t, int id) {
  for (size_t i = 0; i < t->n_options; i++)
    if (t->options[i].id == id)
      return &t->options[i];
  return NULL;
}

static bool takes(const cli_command *cmd, const cli_option *o) {
  return (cmd->options & (1u << o->id)) != 0;
}

const char *cli_format_names(const cli_table *t, unsigned bits, const char *sep,
                             char *buf, size_t n) {
  size_t len = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < t->n_formats && len < n; i++)
    if (bits & t->formats[i].bit)
      len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? sep : "",
                              t->formats[i].name);
  return buf;
}

/* An option's value as `cmd` names it in a synopsis: -f's formats are the
   command's own. */
static const char *metavar(const cli_table *t, const cli_command *cmd,
                           const cli_option *o, char *buf, size_t n) {
  if (!o->wants)
    return NULL;
  if (o->value.kind == CLI_COMPLETE_FORMATS)
    return cli_format_names(t, cmd->formats, ",", buf, n);
  if (cmd->output && o->id == cmd->output->id)
    return cmd->output->metavar;
  return o->metavar;
}

/* ---- plain text ------------------------------------------------------------
 */

static void spaces(FILE *out, int n) {
  fprintf(out, "%*s", n > 0 ? n : 0, "");
}

/* The words of `text` from column `col` of the current line, wrapped to
   WIDTH with every further line indented by `indent`; "\n\n" starts a new
   paragraph. Ends the last line. */
static void wrap_from(FILE *out, const char *text, int col, int indent) {
  const char *s = text;
  bool line_empty = true;
  while (*s) {
    if (s[0] == '\n' && s[1] == '\n') {
      fputs("\n\n", out);
      spaces(out, indent);
      col = indent, line_empty = true;
      s += 2;
      continue;
    }
    if (isspace((unsigned char)*s)) {
      s++;
      continue;
    }
    int n = (int)strcspn(s, " \n");
    if (!line_empty && col + 1 + n > WIDTH) {
      fputc('\n', out);
      spaces(out, indent);
      col = indent, line_empty = true;
    }
    if (!line_empty)
      fputc(' ', out), col++;
    fprintf(out, "%.*s", n, s);
    col += n, line_empty = false;
    s += n;
  }
  fputc('\n', out);
}

void cli_write_wrapped(FILE *out, const char *text, int indent) {
  spaces(out, indent);
  wrap_from(out, text, indent, indent);
}

/* "  LABEL" then `text` from `column`, or from the next line when the
   label reaches it. */
static void labelled_at(FILE *out, const char *label, const char *text,
                        int column) {
  int col = fprintf(out, "  %s", label);
  if (col + 2 > column) {
    fputc('\n', out);
    col = 0;
  }
  spaces(out, column - col);
  wrap_from(out, text, column, column);
}

static void labelled(FILE *out, const char *label, const char *text) {
  labelled_at(out, label, text, HELP_COLUMN);
}

/* One word of a synopsis, wrapped under the first word after the name. */
static void synopsis_word(FILE *out, const char *word, int *col, int indent) {
  int n = (int)strlen(word);
  if (*col + 1 + n > WIDTH) {
    fputc('\n', out);
    spaces(out, indent);
    *col = indent;
  } else {
    fputc(' ', out);
    (*col)++;
  }
  fputs(word, out);
  *col += n;
}

void cli_write_synopsis(FILE *out, const cli_table *t, const cli_command *cmd) {
  for (int f = 0; f < CLI_MAX_FORMS && cmd->forms[f].operands; f++) {
    const cli_form *form = &cmd->forms[f];
    int col =
        fprintf(out, "%s scrutineer %s", f ? "      " : "usage:", cmd->name);
    int indent = col + 1;
    if (*form->operands)
      synopsis_word(out, form->operands, &col, indent);
    for (size_t i = 0; i < t->n_options; i++) {
      const cli_option *o = &t->options[i];
      if (!(form->options & (1u << o->id)))
        continue;
      char buf[64], word[96];
      const char *value = metavar(t, cmd, o, buf, sizeof buf);
      snprintf(word, sizeof word, "[%s%s%s]",
               o->shortname ? o->shortname : o->longname, value ? " " : "",
               value ? value : "");
      synopsis_word(out, word, &col, indent);
    }
    fputc('\n', out);
  }
}

void cli_write_command_list(FILE *out, const cli_table *t) {
  fputs("usage: scrutineer COMMAND [OPTION...] [OPERAND]\n\ncommands:\n", out);
  for (size_t i = 0; i < t->n_commands; i++) {
    const cli_command *cmd = &t->commands[i];
    char label[64];
    snprintf(label, sizeof label, "%s %s", cmd->name, cmd->forms[0].operands);
    labelled(out, label, cmd->summary);
  }
}

void cli_write_files(FILE *out, const cli_table *t) {
  fputs("A committee's workspace (a folder, usually a git repository):\n\n",
        out);
  for (size_t i = 0; i < t->n_files; i++)
    labelled(out, t->files[i].name, t->files[i].help);
}

static void write_exit_status(FILE *out, const cli_table *t) {
  fputs("\nexit status:\n", out);
  for (size_t i = 0; i < t->n_exits; i++)
    labelled_at(out, t->exits[i].name, t->exits[i].help, 6);
}

void cli_write_overview(FILE *out, const cli_table *t) {
  cli_write_command_list(out, t);
  if (t->n_topics)
    fputs("\nhelp topics:\n", out);
  for (size_t i = 0; i < t->n_topics; i++)
    labelled(out, t->topics[i].name, t->topics[i].summary);
  fputc('\n', out);
  cli_write_wrapped(out, t->about, 0);
  fputc('\n', out);
  cli_write_wrapped(out,
                    "'scrutineer help COMMAND' (or 'scrutineer COMMAND "
                    "--help') prints a command's options and examples, "
                    "'scrutineer help TOPIC' a topic, and 'man scrutineer' "
                    "the manual.",
                    0);
  write_exit_status(out, t);
}

/* An option's label in a help: "-o, --output DIR". */
static void option_label(const cli_table *t, const cli_command *cmd,
                         const cli_option *o, char *label, size_t n) {
  char buf[64];
  const char *value = metavar(t, cmd, o, buf, sizeof buf);
  snprintf(label, n, "%s%s%s%s%s", o->shortname ? o->shortname : "",
           o->shortname ? ", " : "", o->longname, value ? " " : "",
           value ? value : "");
}

static const char *option_help(const cli_command *cmd, const cli_option *o) {
  return cmd->output && o->id == cmd->output->id ? cmd->output->help : o->help;
}

void cli_write_command_help(FILE *out, const cli_table *t,
                            const cli_command *cmd) {
  cli_write_synopsis(out, t, cmd);
  fputc('\n', out);
  cli_write_wrapped(out, cmd->description, 0);
  if (cmd->options)
    fputs("\noptions:\n", out);
  for (size_t i = 0; i < t->n_options; i++)
    if (takes(cmd, &t->options[i])) {
      char label[96];
      option_label(t, cmd, &t->options[i], label, sizeof label);
      labelled(out, label, option_help(cmd, &t->options[i]));
    }
  if (cmd->formats)
    fputs("\nenvironment:\n", out);
  for (size_t i = 0; cmd->formats && i < t->n_env; i++)
    labelled(out, t->env[i].name, t->env[i].help);
  if (cmd->examples[0].line)
    fputs("\nexamples:\n", out);
  for (int i = 0; i < CLI_MAX_EXAMPLES && cmd->examples[i].line; i++) {
    fprintf(out, "  scrutineer %s\n", cmd->examples[i].line);
    cli_write_wrapped(out, cmd->examples[i].does, 6);
  }
  write_exit_status(out, t);
}

/* ---- the manual page (mdoc) ------------------------------------------------
 */

/* Text for a text line: a backslash escaped, a dash that starts a word a
   minus (as an option's is), and a line never starting with a control
   character. */
static void man_escaped(FILE *out, const char *s, size_t n) {
  if (n && (s[0] == '.' || s[0] == '\''))
    fputs("\\&", out);
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\\')
      fputs("\\e", out);
    else if (s[i] == '-' && (i == 0 || strchr(" (/'\"", s[i - 1])))
      fputs("\\-", out);
    else
      fputc(s[i], out);
  }
}

/* A file name, an option or a word in capitals is not to be hyphenated. */
static bool unbreakable(const char *w, size_t n) {
  size_t capitals = 0;
  for (size_t i = 0; i < n; i++) {
    if (i && i + 1 < n && strchr(".-/_", w[i]))
      return true;
    capitals += isupper((unsigned char)w[i]) != 0;
  }
  return capitals >= 2;
}

#define MAN_LINE 70 /* text lines this long, and their escapes */

/* One sentence (n bytes of s, newlines as spaces) on lines of its own. */
static void man_sentence(FILE *out, const char *s, size_t n) {
  size_t col = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && (s[i] == ' ' || s[i] == '\n'))
      i++;
    size_t w = i;
    while (w < n && s[w] != ' ' && s[w] != '\n')
      w++;
    if (w == i)
      break;
    if (col && col + 1 + (w - i) > MAN_LINE)
      fputc('\n', out), col = 0;
    else if (col)
      fputc(' ', out), col++;
    if (unbreakable(s + i, w - i))
      fputs(col ? "\\%" : "\\&\\%", out);
    man_escaped(out, s + i, w - i);
    col += w - i;
    i = w;
  }
  fputc('\n', out);
}

/* Sentences start a line each ("new sentence, new line"), paragraphs are
   separated by .Pp. */
static void man_text(FILE *out, const char *text) {
  const char *s = text;
  while (*s) {
    while (*s == ' ' || (*s == '\n' && s[1] != '\n'))
      s++;
    if (!*s)
      break;
    if (s[0] == '\n' && s[1] == '\n') {
      fputs(".Pp\n", out);
      s += 2;
      continue;
    }
    const char *end = s;
    for (; *end && !(end[0] == '\n' && end[1] == '\n'); end++)
      if (end[0] == '.' && (end[1] == ' ' || end[1] == '\n') &&
          isupper((unsigned char)end[2])) {
        end++;
        break;
      }
    man_sentence(out, s, (size_t)(end - s));
    s = end;
  }
}

/* A help's phrase ("the output folder") as the manual's sentence ("The
   output folder."). */
static void man_phrase(FILE *out, const char *phrase) {
  size_t n = strlen(phrase);
  char *s = malloc(n + 2);
  if (!s)
    return;
  memcpy(s, phrase, n + 1);
  s[0] = (char)toupper((unsigned char)s[0]);
  if (n && !strchr(".:", s[n - 1]))
    strcpy(s + n, ".");
  man_text(out, s);
  free(s);
}

/* A synopsis word as mdoc: "[WORKSPACE]" optional, "--actions" a flag,
   "A|B" alternatives, anything else an argument. */
static void man_operand_word(FILE *out, const char *w, size_t n) {
  if (n >= 2 && w[0] == '[' && w[n - 1] == ']') {
    fputs(" Op", out);
    man_operand_word(out, w + 1, n - 2);
    return;
  }
  if (n && w[0] == '-') {
    fprintf(out, " Fl %.*s", (int)n - 1, w + 1);
    return;
  }
  for (size_t i = 0; i < n;) {
    size_t run = strcspn(w + i, "|");
    if (run > n - i)
      run = n - i;
    fprintf(out, "%s Ar %.*s", i ? " |" : "", (int)run, w + i);
    i += run + 1;
  }
}

static void man_operands(FILE *out, const char *operands) {
  for (const char *s = operands; *s;) {
    size_t n = strcspn(s, " ");
    if (n) {
      fputs(".", out);
      man_operand_word(out, s, n);
      fputc('\n', out);
    }
    s += n + (s[n] == ' ');
  }
}

/* An option as mdoc: "Fl o Ar DIR", "Fl -today Ar DATE". */
static void man_option(FILE *out, const cli_table *t, const cli_command *cmd,
                       const cli_option *o, bool both) {
  char buf[64];
  const char *value = cmd ? metavar(t, cmd, o, buf, sizeof buf) : o->metavar;
  if (o->shortname)
    fprintf(out, "Fl %s", o->shortname + 1);
  if (o->shortname && both)
    fputs(" , ", out);
  if (!o->shortname || both)
    fprintf(out, "Fl %s", o->longname + 1);
  if (value)
    fprintf(out, " Ar %s", value);
}

static void man_synopsis(FILE *out, const cli_table *t) {
  fputs(".Sh SYNOPSIS\n", out);
  for (size_t c = 0; c < t->n_commands; c++) {
    const cli_command *cmd = &t->commands[c];
    for (int f = 0; f < CLI_MAX_FORMS && cmd->forms[f].operands; f++) {
      fprintf(out, ".Nm\n.Cm %s\n", cmd->name);
      man_operands(out, cmd->forms[f].operands);
      for (size_t i = 0; i < t->n_options; i++)
        if (cmd->forms[f].options & (1u << t->options[i].id)) {
          fputs(".Op ", out);
          man_option(out, t, cmd, &t->options[i], false);
          fputc('\n', out);
        }
    }
  }
  fputs(".Nm\n.Fl -help | Fl -version\n", out);
}

static void man_commands(FILE *out, const cli_table *t) {
  fputs(".Sh COMMANDS\n.Bl -tag -width Ds\n", out);
  for (size_t c = 0; c < t->n_commands; c++) {
    const cli_command *cmd = &t->commands[c];
    fprintf(out, ".It Cm %s\n", cmd->name);
    man_text(out, cmd->description);
    if (!cmd->options)
      continue;
    fputs(".Pp\nIts options:\n", out);
    bool first = true;
    for (size_t i = 0; i < t->n_options; i++)
      if (takes(cmd, &t->options[i])) {
        fputs(first ? "." : " ,\n.", out);
        first = false;
        man_option(out, t, cmd, &t->options[i], false);
      }
    fputs(" .\n", out);
    if (cmd->output) {
      fputs(".Bl -tag -width Ds\n.It ", out);
      man_option(out, t, cmd, option_by_id(t, cmd->output->id), true);
      fputc('\n', out);
      man_phrase(out, cmd->output->help);
      fputs(".El\n", out);
    }
  }
  fputs(".El\n", out);
}

/* The commands that take an option, as "pack, minutes and site". */
static void man_takers(FILE *out, const cli_table *t, const cli_option *o) {
  size_t count = 0, seen = 0;
  for (size_t c = 0; c < t->n_commands; c++)
    count += takes(&t->commands[c], o);
  fputs("For\n", out);
  for (size_t c = 0; c < t->n_commands; c++)
    if (takes(&t->commands[c], o)) {
      seen++;
      fprintf(out, ".Cm %s%s\n", t->commands[c].name,
              seen == count       ? " ."
              : seen + 1 == count ? " and"
                                  : " ,");
    }
}

static void man_options(FILE *out, const cli_table *t) {
  fputs(".Sh OPTIONS\n.Bl -tag -width Ds\n", out);
  for (size_t i = 0; i < t->n_options; i++) {
    const cli_option *o = &t->options[i];
    fputs(".It ", out);
    man_option(out, t, NULL, o, true);
    fputc('\n', out);
    man_phrase(out, o->help);
    man_takers(out, t, o);
  }
  fputs(".It Fl h , Fl -help\nPrint the command's help and exit.\n", out);
  fputs(".It Fl -version\nPrint the version and exit.\n", out);
  fputs(".It Fl \\-\nEnd the options: every word after it is an operand.\n",
        out);
  fputs(".El\n", out);
}

/* A section that is a list of names and what they are. */
static void man_items(FILE *out, const char *section, const char *macro,
                      const cli_item *items, size_t n) {
  fprintf(out, ".Sh %s\n.Bl -tag -width Ds\n", section);
  for (size_t i = 0; i < n; i++) {
    fprintf(out, ".It %s%s%s\n", macro, *macro ? " " : "", items[i].name);
    man_phrase(out, items[i].help);
  }
  fputs(".El\n", out);
}

static void man_examples(FILE *out, const cli_table *t) {
  fputs(".Sh EXAMPLES\n", out);
  bool first = true;
  for (size_t c = 0; c < t->n_commands; c++)
    for (int i = 0; i < CLI_MAX_EXAMPLES && t->commands[c].examples[i].line;
         i++) {
      const cli_example *e = &t->commands[c].examples[i];
      if (!first)
        fputs(".Pp\n", out);
      first = false;
      /* the explanation as a sentence: capitalised, with a colon */
      char does[256];
      snprintf(does, sizeof does, "%s:", e->does);
      man_phrase(out, does);
      fputs(".Dl $ scrutineer ", out);
      man_escaped(out, e->line, strlen(e->line));
      fputc('\n', out);
    }
}

void cli_write_man(FILE *out, const cli_table *t, const char *date) {
  fprintf(out,
          ".\\\" scrutineer(1), generated from the program's command table\n"
          ".Dd %s\n.Dt SCRUTINEER 1\n.Os\n"
          ".Sh NAME\n.Nm scrutineer\n"
          ".Nd build a council committee's papers from Markdown\n",
          date);
  man_synopsis(out, t);
  fputs(".Sh DESCRIPTION\n", out);
  man_text(out, t->about);
  man_commands(out, t);
  man_options(out, t);
  man_items(out, "ENVIRONMENT", "Ev", t->env, t->n_env);
  man_items(out, "FILES", "Pa", t->files, t->n_files);
  fputs(".Sh EXIT STATUS\n", out);
  fputs(".Bl -tag -width Ds\n", out);
  for (size_t i = 0; i < t->n_exits; i++) {
    fprintf(out, ".It %s\n", t->exits[i].name);
    man_phrase(out, t->exits[i].help);
  }
  fputs(".El\n", out);
  man_examples(out, t);
  fputs(".Sh SEE ALSO\n.Xr libreoffice 1 ,\n.Xr pdfinfo 1 ,\n"
        ".Xr scrutineer-sources 5\n",
        out);
}

/* ---- bash completion -------------------------------------------------------
 */

/* The shell's helpers: files by their endings (and folders), folders, a
   comma-separated list of formats, today's date. */
static const char BASH_HELPERS[] =
    "# _scrutineer_files FOLDER ENDING...: folders, and the files whose names\n"
    "# end with an ENDING; FOLDER's when nothing is typed yet.\n"
    "_scrutineer_files() {\n"
    "  local folder=$1 f e word=$cur\n"
    "  shift\n"
    "  compopt -o filenames 2>/dev/null\n"
    "  if [ -z \"$word\" ] && [ -n \"$folder\" ] && [ -d \"$folder\" ]; then\n"
    "    word=$folder/\n"
    "  fi\n"
    "  local IFS=$'\\n'\n"
    "  COMPREPLY=($(compgen -d -- \"$word\"))\n"
    "  for f in $(compgen -f -- \"$word\"); do\n"
    "    [ -d \"$f\" ] && continue\n"
    "    for e in \"$@\"; do\n"
    "      case $f in *\"$e\") COMPREPLY+=(\"$f\") ;; esac\n"
    "    done\n"
    "  done\n"
    "}\n"
    "\n"
    "_scrutineer_dirs() {\n"
    "  compopt -o filenames 2>/dev/null\n"
    "  local IFS=$'\\n'\n"
    "  COMPREPLY=($(compgen -d -- \"$cur\"))\n"
    "}\n"
    "\n"
    "# _scrutineer_formats FORMAT...: the next of a comma-separated list.\n"
    "_scrutineer_formats() {\n"
    "  local next=${cur##*,} f\n"
    "  local done_=${cur%\"$next\"}\n"
    "  COMPREPLY=()\n"
    "  for f in \"$@\"; do\n"
    "    case ,$done_ in *,\"$f\",*) continue ;; esac\n"
    "    case $f in \"$next\"*) COMPREPLY+=(\"$done_$f\") ;; esac\n"
    "  done\n"
    "}\n"
    "\n";

static void bash_complete(FILE *out, const cli_table *t, const cli_command *cmd,
                          const cli_complete *how) {
  switch (how->kind) {
  case CLI_COMPLETE_NOTHING:
    fputs("COMPREPLY=()", out);
    break;
  case CLI_COMPLETE_DIRS:
    fputs("_scrutineer_dirs", out);
    break;
  case CLI_COMPLETE_FILES:
    fprintf(out, "_scrutineer_files '%s' %s", how->folder ? how->folder : "",
            how->endings);
    break;
  case CLI_COMPLETE_FORMATS: {
    char names[64];
    fprintf(out, "_scrutineer_formats %s",
            cli_format_names(t, cmd->formats, " ", names, sizeof names));
    break;
  }
  case CLI_COMPLETE_DATE:
    fputs("COMPREPLY=($(date +%F))", out);
    break;
  case CLI_COMPLETE_HELP:
    fputs("[ \"$COMP_CWORD\" -eq 2 ] && COMPREPLY=($(compgen -W \"", out);
    for (size_t i = 0; i < t->n_commands; i++)
      fprintf(out, "%s ", t->commands[i].name);
    for (size_t i = 0; i < t->n_topics; i++)
      fprintf(out, "%s ", t->topics[i].name);
    fputs("\" -- \"$cur\"))", out);
    break;
  case CLI_COMPLETE_WORDS:
    fprintf(out,
            "if [ \"$COMP_CWORD\" -eq 2 ]; then COMPREPLY=($(compgen -W "
            "\"%s\" -- \"$cur\")); else _scrutineer_dirs; fi",
            how->endings);
    break;
  }
}

static void bash_command(FILE *out, const cli_table *t,
                         const cli_command *cmd) {
  fprintf(out, "  %s)\n    case $prev in\n", cmd->name);
  for (size_t i = 0; i < t->n_options; i++) {
    const cli_option *o = &t->options[i];
    if (!takes(cmd, o) || !o->wants)
      continue;
    const cli_complete *how = cmd->output && o->id == cmd->output->id
                                  ? &cmd->output->value
                                  : &o->value;
    fprintf(out, "    %s%s%s) ", o->shortname ? o->shortname : "",
            o->shortname ? "|" : "", o->longname);
    bash_complete(out, t, cmd, how);
    fputs("; return ;;\n", out);
  }
  fputs("    esac\n    case $cur in\n    -*) COMPREPLY=($(compgen -W \"", out);
  for (size_t i = 0; i < t->n_options; i++)
    if (takes(cmd, &t->options[i]))
      fprintf(out, "%s%s%s ",
              t->options[i].shortname ? t->options[i].shortname : "",
              t->options[i].shortname ? " " : "", t->options[i].longname);
  fputs("-h --help\" -- \"$cur\")) ;;\n    *) ", out);
  bash_complete(out, t, cmd, &cmd->operands);
  fputs(" ;;\n    esac ;;\n", out);
}

void cli_write_bash_completion(FILE *out, const cli_table *t) {
  fputs("# bash completion for scrutineer(1), generated from the program's\n"
        "# command table.\n\n",
        out);
  fputs(BASH_HELPERS, out);
  fputs("_scrutineer() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
        "  [ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
        "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
        "    COMPREPLY=($(compgen -W \"",
        out);
  for (size_t i = 0; i < t->n_commands; i++)
    fprintf(out, "%s ", t->commands[i].name);
  fputs("--help --version\" -- \"$cur\"))\n    return\n  fi\n"
        "  case ${COMP_WORDS[1]} in\n",
        out);
  for (size_t i = 0; i < t->n_commands; i++)
    bash_command(out, t, &t->commands[i]);
  fputs("  *) COMPREPLY=() ;;\n  esac\n}\n"
        "complete -F _scrutineer scrutineer\n",
        out);
}
