/*
 * LibreOffice, run headless to make tagged PDFs, and pdfinfo to read back
 * the pages its layout gave each bookmark. pdfinfo (poppler-utils) rather
 * than linking poppler: PDF output already runs an outside program, and a
 * missing pdfinfo only costs exactness (the estimate is used), not the PDF.
 */
#include "office.h"
#include "process.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TIMEOUT_MAX_S 86400
#define PAGE_MAX 1000000 /* more is no page number pdfinfo printed */
#define OUTPUT_LIMIT (64u * 1024 * 1024) /* pdfinfo's listing, LO's chatter */
#define OUTPUT_SHOWN                                                           \
  2000 /* how much of LibreOffice's output a failure shows                     \
        */
#define PROGRESS_LABEL "converting to PDF with LibreOffice"
#define INSTALL_HINT                                                           \
  "PDF output needs LibreOffice; install it with: apt-get install "            \
  "libreoffice-writer-nogui fonts-liberation"

/* Sub-folders of the private work folder. */
#define DIR_PROFILE "profile" /* LibreOffice's user installation */
#define DIR_IN "in"           /* the documents to convert */
#define DIR_PDF "pdf"         /* the PDFs it makes */
#define DIR_TMP "tmp"         /* its TMPDIR, so nothing is left elsewhere */
#define FILE_LOG "soffice.log"
#define FILE_DESTS "dests.txt"

static void office_error(const char *fmt, const char *arg) {
  fprintf(stderr, "scrutineer: error: ");
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
}

/* ---- export options ------------------------------------------------------ */

/* writer_pdf_Export's options, as LibreOffice (7.4 and later) takes them on
   the command line: JSON, each option {"type", "value"}. */
#define PDF_OPTION(name, type, value)                                          \
  "\"" name "\":{\"type\":\"" type "\",\"value\":\"" value "\"}"

/* clang-format off */
static const char PDF_FILTER[] =
    "pdf:writer_pdf_Export:{"
    /* structure for screen readers, and the PDF/UA-1 claim */
    PDF_OPTION("UseTaggedPDF", "boolean", "true") ","
    PDF_OPTION("PDFUACompliance", "boolean", "true") ","
    /* viewers show the title, not the file name */
    PDF_OPTION("DisplayPDFDocumentTitle", "boolean", "true") ","
    /* headings become the outline; bookmarks, named destinations */
    PDF_OPTION("ExportBookmarks", "boolean", "true") ","
    PDF_OPTION("ExportBookmarksToPDFDestination", "boolean", "true") ","
    /* open with the outline shown */
    PDF_OPTION("InitialView", "long", "1")
    "}";
/* clang-format on */

const char *scr_office_pdf_filter(void) {
  return PDF_FILTER;
}

/* ---- paths --------------------------------------------------------------- */

/* Letters and digits of ASCII, whatever the locale. */
static bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

static bool url_safe(unsigned char c) {
  return ascii_alnum(c) || (c && strchr("/-._~", c));
}

char *scr_file_url(const char *path) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = scr_buf_puts(&b, "file://");
  for (const unsigned char *p = (const unsigned char *)path; !err && *p; p++)
    err = url_safe(*p) ? scr_buf_append(&b, p, 1)
                       : scr_buf_printf(&b, "%%%02X", *p);
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

static char *work_path(const scr_office *o, const char *dir, const char *name) {
  return name ? scr_asprintf("%s/%s/%s", o->work, dir, name)
              : scr_asprintf("%s/%s", o->work, dir);
}

char *scr_office_input(const scr_office *o, const char *name) {
  return work_path(o, DIR_IN, name);
}

/* LibreOffice names each PDF after its input, with the extension replaced. */
char *scr_office_pdf(const scr_office *o, const char *name) {
  const char *dot = strrchr(name, '.');
  size_t stem = dot ? (size_t)(dot - name) : strlen(name);
  return scr_asprintf("%s/%s/%.*s.pdf", o->work, DIR_PDF, (int)stem, name);
}

/* ---- opening and closing ------------------------------------------------- */

int scr_office_timeout(const char *value) {
  if (!value || !*value)
    return SCR_OFFICE_TIMEOUT_DEFAULT;
  char *end;
  errno = 0;
  long s = strtol(value, &end, 10);
  if (errno || *end || end == value || s < 1 || s > TIMEOUT_MAX_S)
    return 0;
  return (int)s;
}

static char *find_soffice(void) {
  char *path = scr_which("soffice");
  return path ? path : scr_which("libreoffice");
}

bool scr_office_available(void) {
  char *path = find_soffice();
  free(path);
  return path != NULL;
}

/* The private folder and its sub-folders, under $TMPDIR or /tmp. */
static scr_error make_work_folder(scr_office *o) {
  const char *tmp = getenv("TMPDIR");
  o->work = scr_asprintf("%s/scrutineer-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!o->work)
    return SCR_E_NOMEM;
  if (!mkdtemp(o->work)) {
    office_error("cannot make a temporary folder in %s", tmp ? tmp : "/tmp");
    free(o->work);
    o->work = NULL;
    return SCR_E_IO;
  }
  /* LibreOffice takes its profile as a file:// URL, which must be absolute */
  char *abs = realpath(o->work, NULL);
  if (!abs)
    return SCR_E_IO;
  free(o->work);
  o->work = abs;
  static const char *const DIRS[] = {DIR_PROFILE, DIR_IN, DIR_PDF, DIR_TMP};
  for (size_t i = 0; i < sizeof DIRS / sizeof *DIRS; i++) {
    char *dir = work_path(o, DIRS[i], NULL);
    bool made = dir && mkdir(dir, 0700) == 0;
    free(dir);
    if (!made)
      return SCR_E_IO;
  }
  return SCR_OK;
}

scr_error scr_office_open(scr_office *o, bool progress) {
  *o = (scr_office){0};
  o->progress = progress;
  o->timeout_s = scr_office_timeout(getenv(SCR_OFFICE_TIMEOUT_ENV));
  if (!o->timeout_s) {
    office_error("%s must be a whole number of seconds from 1 to 86400",
                 SCR_OFFICE_TIMEOUT_ENV);
    return SCR_E_OFFICE;
  }
  o->soffice = find_soffice();
  if (!o->soffice) {
    office_error("%s", INSTALL_HINT);
    return SCR_E_OFFICE;
  }
  o->pdfinfo = scr_which("pdfinfo");
  return make_work_folder(o);
}

void scr_office_close(scr_office *o) {
  scr_remove_tree(o->work);
  free(o->work);
  free(o->soffice);
  free(o->pdfinfo);
  *o = (scr_office){0};
}

/* ---- converting ---------------------------------------------------------- */

/* soffice's arguments, NULL-ended, every string allocated: free with
   scr_free_list(argv, *argc). */
static char **soffice_args(const scr_office *o, const char *const *names,
                           size_t n, size_t *argc) {
  enum { FIXED = 9 };
  *argc = FIXED + n;
  char **argv = calloc(*argc + 1, sizeof *argv);
  if (!argv)
    return NULL;
  char *profile = work_path(o, DIR_PROFILE, NULL);
  char *url = profile ? scr_file_url(profile) : NULL;
  argv[0] = scr_strdup("soffice");
  argv[1] = url ? scr_asprintf("-env:UserInstallation=%s", url) : NULL;
  argv[2] = scr_strdup("--headless");
  argv[3] = scr_strdup("--norestore");
  argv[4] = scr_strdup("--nolockcheck");
  argv[5] = scr_strdup("--convert-to");
  argv[6] = scr_strdup(scr_office_pdf_filter());
  argv[7] = scr_strdup("--outdir");
  argv[8] = work_path(o, DIR_PDF, NULL);
  for (size_t i = 0; i < n; i++)
    argv[FIXED + i] = scr_office_input(o, names[i]);
  free(profile);
  free(url);
  for (size_t i = 0; i < *argc; i++)
    if (!argv[i]) {
      scr_free_list(argv, *argc);
      return NULL;
    }
  return argv;
}

/* What LibreOffice said, for a failure's explanation. */
static void show_log(const scr_office *o) {
  char *path = work_path(o, FILE_LOG, NULL);
  char *log = NULL;
  size_t len = 0;
  if (path && scr_read_file(path, OUTPUT_LIMIT, &log, &len) == SCR_OK && len) {
    size_t from = len > OUTPUT_SHOWN ? len - OUTPUT_SHOWN : 0;
    fprintf(stderr, "LibreOffice said:\n%s%s", log + from,
            log[len - 1] == '\n' ? "" : "\n");
  }
  free(log);
  free(path);
}

static bool non_empty_file(const char *path) {
  struct stat st;
  return path && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

/* Each input has its PDF; otherwise say which has not. */
static scr_error check_pdfs(const scr_office *o, const char *const *names,
                            size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *pdf = scr_office_pdf(o, names[i]);
    bool made = non_empty_file(pdf);
    free(pdf);
    if (!made) {
      office_error("LibreOffice did not convert the %s document to PDF",
                   strrchr(names[i], '.') ? strrchr(names[i], '.') + 1
                                          : names[i]);
      show_log(o);
      return SCR_E_OFFICE;
    }
  }
  return SCR_OK;
}

static scr_error report_run(const scr_office *o, scr_run_status st) {
  switch (st) {
  case SCR_RUN_OK:
  case SCR_RUN_FAILED: /* soffice's status says little; its PDFs tell */
    return SCR_OK;
  case SCR_RUN_TIMEOUT:
    fprintf(stderr,
            "scrutineer: error: LibreOffice did not finish the PDF within "
            "%d s and was stopped; allow longer with %s=SECONDS\n",
            o->timeout_s, SCR_OFFICE_TIMEOUT_ENV);
    return SCR_E_OFFICE;
  case SCR_RUN_INTERRUPTED:
    office_error("%s", "interrupted while LibreOffice was making the PDF");
    return SCR_E_OFFICE;
  case SCR_RUN_NOT_STARTED:
    office_error("cannot start %s", o->soffice);
    return SCR_E_OFFICE;
  }
  return SCR_E_OFFICE;
}

scr_error scr_office_convert(scr_office *o, const char *const *names,
                             size_t n) {
  size_t argc = 0;
  char **argv = soffice_args(o, names, n, &argc);
  char *log = work_path(o, FILE_LOG, NULL);
  char *tmp = work_path(o, DIR_TMP, NULL);
  scr_error err = argv && log && tmp ? SCR_OK : SCR_E_NOMEM;
  if (!err) {
    scr_run_opts ro = {log, tmp, o->timeout_s,
                       o->progress ? PROGRESS_LABEL : NULL};
    err = report_run(o, scr_run(o->soffice, argv, &ro));
  }
  if (!err)
    err = check_pdfs(o, names, n);
  if (argv)
    scr_free_list(argv, argc);
  free(log);
  free(tmp);
  return err;
}

/* ---- pages --------------------------------------------------------------- */

/* LibreOffice's spelling of a destination name: letters, digits and '-' as
   they are, any other character as the hex of its UTF-16 unit, which for
   the ASCII of bookmark names is the hex of its byte. */
static char *libreoffice_dest_name(const char *bookmark) {
  scr_buf b = SCR_BUF_INIT;
  scr_error err = scr_buf_puts(&b, "");
  for (const unsigned char *p = (const unsigned char *)bookmark; !err && *p;
       p++)
    err = ascii_alnum(*p) || *p == '-' ? scr_buf_append(&b, p, 1)
                                       : scr_buf_printf(&b, "%02X", *p);
  if (err) {
    scr_buf_free(&b);
    return NULL;
  }
  return scr_buf_detach(&b, NULL);
}

/* The page of a line `  12 [ XYZ 57 773 null ] "name"` naming `dest`. */
static int line_page(const char *line, size_t len, const char *dest) {
  size_t dn = strlen(dest);
  if (len < dn + 3 || line[len - 1] != '"' || line[len - dn - 2] != '"' ||
      line[len - dn - 3] != ' ' || memcmp(line + len - dn - 1, dest, dn) != 0)
    return 0;
  char *end;
  long page = strtol(line, &end, 10);
  return end != line && page > 0 && page <= PAGE_MAX ? (int)page : 0;
}

static int find_dest(const char *listing, const char *dest) {
  for (const char *line = listing; *line;) {
    size_t len = strcspn(line, "\n");
    size_t trimmed = len && line[len - 1] == '\r' ? len - 1 : len;
    int page = line_page(line, trimmed, dest);
    if (page)
      return page;
    line += len + (line[len] == '\n');
  }
  return 0;
}

int scr_pdfinfo_dest_page(const char *listing, const char *bookmark) {
  char *encoded = libreoffice_dest_name(bookmark);
  int page = encoded ? find_dest(listing, encoded) : 0;
  free(encoded);
  return page ? page : find_dest(listing, bookmark);
}

/* `pdfinfo -dests PDF`, as text. NULL when it could not be run. */
static char *destinations(const scr_office *o, const char *pdf) {
  char *out = work_path(o, FILE_DESTS, NULL);
  char *listing = NULL;
  size_t len;
  char *argv[] = {"pdfinfo", "-dests", (char *)pdf, NULL};
  scr_run_opts ro = {out, NULL, o->timeout_s, NULL};
  if (out && scr_run(o->pdfinfo, argv, &ro) == SCR_RUN_OK &&
      scr_read_file(out, OUTPUT_LIMIT, &listing, &len) != SCR_OK)
    listing = NULL;
  free(out);
  return listing;
}

scr_error scr_office_pages(const scr_office *o, const char *pdf,
                           const char *const *bookmarks, size_t n, int *pages,
                           bool *exact) {
  *exact = false;
  if (!o->pdfinfo) {
    fprintf(stderr, "scrutineer: warning: pdfinfo is not installed, so page "
                    "numbers cannot be read from LibreOffice's layout; "
                    "install it with: apt-get install poppler-utils\n");
    return SCR_OK;
  }
  char *listing = destinations(o, pdf);
  if (!listing) {
    fprintf(stderr, "scrutineer: warning: pdfinfo could not read %s\n", pdf);
    return SCR_OK;
  }
  int *found = calloc(n ? n : 1, sizeof *found);
  for (size_t i = 0; found && i < n; i++)
    if (!(found[i] = scr_pdfinfo_dest_page(listing, bookmarks[i]))) {
      fprintf(stderr,
              "scrutineer: warning: LibreOffice's PDF has no "
              "destination for the bookmark %s\n",
              bookmarks[i]);
      free(listing);
      free(found);
      return SCR_OK;
    }
  free(listing);
  if (!found)
    return SCR_E_NOMEM;
  memcpy(pages, found, n * sizeof *pages);
  free(found);
  *exact = true;
  return SCR_OK;
}
