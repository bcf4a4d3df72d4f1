/* The reference of the source files, written from the fields table
   (fields.h): as Markdown for docs/sources.md, as mdoc for
   scrutineer-sources(5). */
#include "fields.h"
#include "scrutineer.h"

#include <string.h>

/* The man page's date: when its contents last changed. */
#define REFERENCE_DATE "June 17, 2026"

/* The order the kinds are told in, each body's conventions after its
   front matter and before its attributes. */
static const scr_field_kind ORDER[] = {
    SCR_FIELDS_COMMITTEE,  SCR_FIELDS_CONTACT,       SCR_FIELDS_AGENDA,
    SCR_FIELDS_ITEM,       SCR_FIELDS_REPORT,        SCR_FIELDS_MINUTES,
    SCR_FIELDS_RESOLUTION, SCR_FIELDS_WORKPROGRAMME, SCR_FIELDS_WP_ITEM,
    SCR_FIELDS_COUNCIL};

static const char INTRO[] =
    "Every source is a Markdown file (CommonMark with GitHub tables) that "
    "opens with YAML front matter between two lines of three dashes. Dates "
    "are written YYYY-MM-DD (2026-06-17), times on the 24-hour clock in "
    "quotes (\"17:30\"), lists in square brackets ([First, Second]); text "
    "holding a colon, a comma in a list, or a leading quote or bracket "
    "goes in double quotes. A key not listed here is a warning, naming the "
    "key it is probably meant to be; a required key missing is an error.";

static const char ATTRS_INTRO[] =
    "Attributes are written in one pair of braces at the end of a heading "
    "or list item, as key=value (quoted when the value has spaces) or a "
    "bare flag, separated by spaces. The reading is strict: an unknown or "
    "repeated attribute, or a brace out of place, is an error, so that a "
    "mistyped marker is never printed as text.";

static bool is_attributes(scr_field_kind k) {
  return k == SCR_FIELDS_ITEM || k == SCR_FIELDS_RESOLUTION ||
         k == SCR_FIELDS_WP_ITEM;
}

static const scr_convention *conventions_after(scr_field_kind k) {
  if (k == SCR_FIELDS_AGENDA)
    return scr_agenda_conventions();
  if (k == SCR_FIELDS_MINUTES)
    return scr_minutes_conventions();
  return NULL;
}

/* ---- Markdown -------------------------------------------------------- */

/* Text in a table cell: a bar would end the cell. */
static void md_cell(FILE *out, const char *s) {
  for (; *s; s++) {
    if (*s == '|')
      fputc('\\', out);
    fputc(*s, out);
  }
}

static void md_code(FILE *out, const char *s) {
  fputc('`', out);
  md_cell(out, s);
  fputc('`', out);
}

static void md_type(FILE *out, const scr_field *f) {
  fputs(scr_field_type_words(f->type), out);
  if (f->choices) {
    fputc(' ', out);
    md_cell(out, f->choices);
  }
}

static void md_field(FILE *out, const scr_field *f, bool attribute) {
  fputs("| ", out);
  md_code(out, f->name);
  fputs(" | ", out);
  md_type(out, f);
  if (!attribute)
    fputs(f->required ? " | yes" : " | no", out);
  fputs(" | ", out);
  fputs(attribute ? "`{" : "`", out);
  md_cell(out, f->example);
  fputs(attribute ? "}`" : "`", out);
  fputs(" | ", out);
  md_cell(out, f->does);
  if (f->imported) {
    fputs(" From a Word, ODT or PDF report: ", out);
    md_cell(out, f->imported);
  }
  fputs(" |\n", out);
}

static void md_conventions(FILE *out, const char *title,
                           const scr_convention *c) {
  fprintf(out, "\n### %s\n\n| Written | What it does |\n|---|---|\n", title);
  for (; c->written; c++) {
    fputs("| ", out);
    md_code(out, c->written);
    fputs(" | ", out);
    md_cell(out, c->does);
    fputs(" |\n", out);
  }
}

static void md_section(FILE *out, scr_field_kind k) {
  const scr_field_section *sec = scr_field_section_of(k);
  bool attribute = is_attributes(k);
  fprintf(out, "\n## %s: ", sec->title);
  md_code(out, sec->file);
  fprintf(out, "\n\n%s\n\n", sec->about);
  fputs(attribute ? "| Attribute | Type | Example | What it does |\n"
                    "|---|---|---|---|\n"
                  : "| Key | Type | Required | Example | What it does |\n"
                    "|---|---|---|---|---|\n",
        out);
  for (const scr_field *f = scr_fields(k); f->name; f++)
    md_field(out, f, attribute);
  const scr_convention *c = conventions_after(k);
  if (c)
    md_conventions(
        out, k == SCR_FIELDS_AGENDA ? "The agenda's body" : "The minutes' body",
        c);
}

static void write_markdown(FILE *out) {
  fputs("# Source files: every field\n\n"
        "<!-- Written from the table in src/fields.c by `make docs`: edit "
        "the table, not this file. -->\n\n",
        out);
  fprintf(out, "%s\n\n%s\n", INTRO, ATTRS_INTRO);
  for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER; i++)
    md_section(out, ORDER[i]);
}

/* ---- mdoc -------------------------------------------------------------- */

/* The character at *p, which is not ASCII, named by its code point, as
   groff and mandoc both read it; moves *p to its last byte. */
static void roff_code_point(FILE *out, const unsigned char **p) {
  const unsigned char *c = *p;
  int more = *c >= 0xF0 ? 3 : *c >= 0xE0 ? 2 : 1;
  unsigned cp = *c & (0x3Fu >> more);
  for (int i = 0; i < more && (c[1] & 0xC0) == 0x80; i++)
    cp = (cp << 6) | (*++c & 0x3Fu);
  fprintf(out, "\\[u%04X]", cp);
  *p = c;
}

/* A text line: a backslash escaped, a control character at its start
   made text, `key` in bold, and what is not ASCII by its code point. */
static void roff_text(FILE *out, const char *s) {
  if (*s == '.' || *s == '\'')
    fputs("\\&", out);
  bool bold = false;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '\\') {
      fputs("\\e", out);
    } else if (*p == '`') {
      fputs(bold ? "\\fP" : "\\fB", out);
      bold = !bold;
    } else if (*p < 0x80) {
      fputc(*p, out);
    } else {
      roff_code_point(out, &p);
    }
  }
  fputs(bold ? "\\fP\n" : "\n", out);
}

/* A macro's argument in quotes, so that no word of it is read as a
   macro; a quote inside is written as two. Backticks are left out: the
   arguments are headings and terms, set in their own font. */
static void roff_arg(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"')
      fputs("\"\"", out);
    else if (*p == '\\')
      fputs("\\e", out);
    else if (*p >= 0x80)
      roff_code_point(out, &p);
    else if (*p != '`')
      fputc(*p, out);
  }
  fputc('"', out);
}

static void roff_example(FILE *out, const char *example, bool attribute) {
  fputs(".Bd -literal -offset indent\n", out);
  if (attribute) {
    char line[512];
    snprintf(line, sizeof line, "{%s}", example);
    roff_text(out, line);
  } else {
    roff_text(out, example);
  }
  fputs(".Ed\n", out);
}

static void mdoc_field(FILE *out, const scr_field *f, bool attribute) {
  fputs(".It Cm ", out);
  roff_arg(out, f->name);
  fputc('\n', out);
  char type[256];
  snprintf(type, sizeof type, "%s%s%s%s.", scr_field_type_words(f->type),
           f->choices ? " " : "", f->choices ? f->choices : "",
           attribute     ? ""
           : f->required ? "; required"
                         : "; optional");
  type[0] = (char)(type[0] >= 'a' && type[0] <= 'z' ? type[0] - 32 : type[0]);
  roff_text(out, type);
  roff_text(out, f->does);
  if (f->imported) {
    fputs(".Pp\n", out);
    roff_text(out, "From a Word, ODT or PDF report:");
    roff_text(out, f->imported);
  }
  roff_example(out, f->example, attribute);
}

static void mdoc_conventions(FILE *out, const char *title,
                             const scr_convention *c) {
  fputs(".Ss ", out);
  roff_arg(out, title);
  fputs("\n.Bl -tag -width Ds\n", out);
  for (; c->written; c++) {
    fputs(".It Li ", out);
    roff_arg(out, c->written);
    fputc('\n', out);
    roff_text(out, c->does);
  }
  fputs(".El\n", out);
}

static void mdoc_section(FILE *out, scr_field_kind k) {
  const scr_field_section *sec = scr_field_section_of(k);
  bool attribute = is_attributes(k);
  char title[256];
  snprintf(title, sizeof title, "%s: %s", sec->title, sec->file);
  fputs(".Ss ", out);
  roff_arg(out, title);
  fputc('\n', out);
  roff_text(out, sec->about);
  fputs(".Bl -tag -width Ds\n", out);
  for (const scr_field *f = scr_fields(k); f->name; f++)
    mdoc_field(out, f, attribute);
  fputs(".El\n", out);
  const scr_convention *c = conventions_after(k);
  if (c)
    mdoc_conventions(
        out, k == SCR_FIELDS_AGENDA ? "The agenda's body" : "The minutes' body",
        c);
}

static void write_mdoc(FILE *out) {
  fputs(".\\\" Written from the table in src/fields.c: edit the table.\n"
        ".Dd " REFERENCE_DATE "\n"
        ".Dt SCRUTINEER-SOURCES 5\n"
        ".Os scrutineer " SCR_VERSION "\n"
        ".Sh NAME\n"
        ".Nm scrutineer-sources\n"
        ".Nd the front matter, attributes and conventions of a committee "
        "workspace's source files\n"
        ".Sh DESCRIPTION\n",
        out);
  roff_text(out, INTRO);
  fputs(".Pp\n", out);
  roff_text(out, ATTRS_INTRO);
  for (size_t i = 0; i < sizeof ORDER / sizeof *ORDER; i++)
    mdoc_section(out, ORDER[i]);
  fputs(".Sh SEE ALSO\n.Xr scrutineer 1\n", out);
}

void scr_reference_write(FILE *out, int format) {
  if (format == SCR_REFERENCE_MDOC)
    write_mdoc(out);
  else
    write_markdown(out);
}
