/*
 * LibreOffice, run headless to make tagged PDFs, and pdfinfo to check each
 * PDF and read back the pages its layout gave each bookmark. pdfinfo
 * (poppler-utils) rather than linking poppler: PDF output already runs an
 * outside program. Without pdfinfo the PDF is still checked for the frame
 * every whole PDF has (header, startxref, %%EOF), which a file cut short or
 * not a PDF at all lacks; exact pages are lost, and a warning says so.
 */
#include "office.h"
#include "process.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
  "libreoffice-writer-nogui fonts-liberation fonts-noto-core fonts-noto-cjk "  \
  "fonts-crosextra-carlito fonts-crosextra-caladea"

/* Sub-folders of the private work folder. */
#define DIR_PROFILE "profile" /* LibreOffice's user installation */
#define DIR_IN "in"           /* the documents to convert */
#define DIR_PDF "pdf"         /* the PDFs it makes */
#define DIR_TMP "tmp"         /* its TMPDIR, so nothing is left elsewhere */
#define FILE_LOG "soffice.log"
#define FILE_PDFINFO "pdfinfo.txt"

/* The private folder is WORK_PREFIX<pid>-XXXXXX in TMPDIR: the pid tells a
   later run whether its owner is gone, so that it can be removed. */
#define WORK_PREFIX "scrutineer-"

#define PDFINFO_HINT "install it with: apt-get install poppler-utils"

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

/* Digits, and letters and digits, of ASCII, whatever the locale. */
static bool ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

static bool ascii_alnum(unsigned char c) {
  return ascii_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
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

static const char *tmp_folder(void) {
  const char *tmp = getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

long scr_office_work_owner(const char *name) {
  size_t prefix = strlen(WORK_PREFIX);
  return strncmp(name, WORK_PREFIX, prefix) == 0 ? scr_pid_tag(name + prefix)
                                                 : 0;
}

/* The folder `name` in `tmp`, when it is a run's private folder that its
   owner, gone, left behind: ours (our uid), a folder, not a link. */
static bool abandoned(const char *tmp, const char *name) {
  long owner = scr_office_work_owner(name);
  if (!owner || owner == (long)getpid() || !scr_process_gone(owner))
    return false;
  char *path = scr_asprintf("%s/%s", tmp, name);
  struct stat st;
  bool ours = path && lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
              st.st_uid == getuid();
  free(path);
  return ours;
}

/* Remove what runs killed during the PDF step (kill -9, a crash, a power
   cut) left in `tmp`: LibreOffice's profile alone is some megabytes. */
static void remove_abandoned_work_folders(const char *tmp) {
  DIR *dir = opendir(tmp);
  if (!dir)
    return;
  for (struct dirent *e; (e = readdir(dir));)
    if (abandoned(tmp, e->d_name)) {
      char *path = scr_asprintf("%s/%s", tmp, e->d_name);
      scr_remove_tree(path);
      free(path);
    }
  closedir(dir);
}

/* The private folder and its sub-folders, under $TMPDIR or /tmp. */
static scr_error make_work_folder(scr_office *o) {
  const char *tmp = tmp_folder();
  remove_abandoned_work_folders(tmp);
  o->work = scr_asprintf("%s/" WORK_PREFIX "%ld-XXXXXX", tmp, (long)getpid());
  if (!o->work)
    return SCR_E_NOMEM;
  if (!mkdtemp(o->work)) {
    office_error("cannot make a temporary folder in %s", tmp);
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
  *o = (scr_office){.lock_fd = -1};
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
  scr_error err = make_work_folder(o);
  char *own = err ? NULL : work_path(o, DIR_PROFILE, NULL);
  if (own)
    scr_office_choose_profile(o, own);
  free(own);
  return err ? err : (o->profile ? SCR_OK : SCR_E_NOMEM);
}

/* Run with the private profile from now on: the kept one failed. */
static scr_error use_private_profile(scr_office *o) {
  scr_office_drop_kept(o);
  o->profile = work_path(o, DIR_PROFILE, NULL);
  return o->profile ? SCR_OK : SCR_E_NOMEM;
}

void scr_office_close(scr_office *o) {
  scr_office_drop_kept(o);
  for (size_t i = 0; i < o->n_counts; i++)
    free(o->counts[i].pdf);
  free(o->counts);
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
  char *url = scr_file_url(o->profile);
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

/* "scrutineer: error: LibreOffice's PDF of the odt document <what>". */
static void pdf_error(const char *name, const char *what, const char *detail) {
  char *format = scr_path_stem(name); /* "odt" of "odt.pdf" */
  fprintf(stderr,
          "scrutineer: error: LibreOffice's PDF of the %s document %s%s%s\n",
          format ? format : name, what, detail ? ": " : "",
          detail ? detail : "");
  free(format);
}

/* ---- checking a PDF ------------------------------------------------------ */

/* White space as PDF counts it (ISO 32000-1, 7.2.2). */
static bool pdf_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
         c == '\0';
}

static size_t skip_back(const char *s, size_t end, bool (*is)(char)) {
  while (end > 0 && is(s[end - 1]))
    end--;
  return end;
}

static bool digit_char(char c) {
  return ascii_digit((unsigned char)c);
}

static bool ends_with(const char *s, size_t end, const char *word) {
  size_t n = strlen(word);
  return end >= n && memcmp(s + end - n, word, n) == 0;
}

/* A cross-reference section starts at `p`: a table ("xref") or a stream
   object ("12 0 obj"). */
static bool xref_section_at(const char *p, size_t len) {
  if (len >= 4 && memcmp(p, "xref", 4) == 0)
    return true;
  size_t i = 0;
  for (int number = 0; number < 2; number++) {
    size_t from = i;
    while (i < len && digit_char(p[i]))
      i++;
    if (i == from || i == len || !pdf_space(p[i]))
      return false;
    while (i < len && pdf_space(p[i]))
      i++;
  }
  return len - i >= 3 && memcmp(p + i, "obj", 3) == 0;
}

#define OFFSET_DIGITS_MAX 15 /* a larger startxref is no file's offset */

/* The end of a PDF (7.5.5): "startxref", the offset of the last
   cross-reference section, "%%EOF", each on its own line. */
const char *scr_pdf_fault(const char *pdf, size_t len) {
  if (len < 5 || memcmp(pdf, "%PDF-", 5) != 0)
    return "it does not begin with %PDF-";
  size_t end = skip_back(pdf, len, pdf_space);
  if (!ends_with(pdf, end, "%%EOF"))
    return "it does not end with %%EOF (it may be cut short)";
  size_t digits_end = skip_back(pdf, end - 5, pdf_space);
  size_t digits = skip_back(pdf, digits_end, digit_char);
  size_t keyword_end = skip_back(pdf, digits, pdf_space);
  if (digits == digits_end || digits_end - digits > OFFSET_DIGITS_MAX ||
      keyword_end == digits || !ends_with(pdf, keyword_end, "startxref"))
    return "it has no startxref before its %%EOF";
  size_t offset = 0;
  for (size_t i = digits; i < digits_end; i++)
    offset = offset * 10 + (size_t)(pdf[i] - '0');
  if (offset >= keyword_end - 9 || !xref_section_at(pdf + offset, len - offset))
    return "its startxref does not point at a cross-reference section";
  return NULL;
}

/* scr_pdf_fault of the file at `path`, mapped rather than read. */
static const char *pdf_file_fault(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
    if (fd >= 0)
      close(fd);
    return "it cannot be read";
  }
  size_t len = (size_t)st.st_size;
  void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED)
    return "it cannot be read";
  const char *fault = scr_pdf_fault(map, len);
  munmap(map, len);
  return fault;
}

/* The line of `text` that starts with `key`, or NULL. */
static const char *line_starting(const char *text, const char *key) {
  size_t n = strlen(key);
  for (const char *line = text; *line;) {
    if (strncmp(line, key, n) == 0)
      return line;
    line += strcspn(line, "\n");
    line += *line == '\n';
  }
  return NULL;
}

int scr_pdfinfo_page_count(const char *info) {
  const char *line = line_starting(info, "Pages:");
  if (!line)
    return -1;
  char *end;
  errno = 0;
  long pages = strtol(line + strlen("Pages:"), &end, 10);
  if (errno || end == line + strlen("Pages:") || pages < 0 ||
      pages > PAGE_MAX || (*end && *end != '\n' && *end != '\r'))
    return -1;
  return (int)pages;
}

/* How poppler starts the messages of its error categories that mean the
   file could not be read as it is (it may have repaired it). */
static const char *const POPPLER_ERRORS[] = {"Syntax Error", "Internal Error",
                                             "I/O Error", "Permission Error"};

const char *scr_pdfinfo_error(const char *info, size_t *len) {
  const char *first = NULL;
  for (size_t i = 0; i < sizeof POPPLER_ERRORS / sizeof *POPPLER_ERRORS; i++) {
    const char *line = line_starting(info, POPPLER_ERRORS[i]);
    if (line && (!first || line < first))
      first = line;
  }
  if (first)
    *len = strcspn(first, "\r\n");
  return first;
}

/* `pdfinfo [option] PDF`: its stdout and stderr as text, or NULL when
   they could not be read; *ok says whether it ended with status 0.
   Caller frees. */
static char *run_pdfinfo(const scr_office *o, const char *option,
                         const char *pdf, bool *ok) {
  char *out = work_path(o, FILE_PDFINFO, NULL);
  char *text = NULL;
  size_t len;
  char *argv[4] = {"pdfinfo", (char *)pdf, NULL, NULL};
  if (option) {
    argv[1] = (char *)option;
    argv[2] = (char *)pdf;
  }
  scr_run_opts ro = {.output = out, .timeout_s = o->timeout_s};
  *ok = out && scr_run(o->pdfinfo, argv, &ro) == SCR_RUN_OK;
  if (out && scr_read_file(out, OUTPUT_LIMIT, &text, &len) != SCR_OK)
    text = NULL;
  free(out);
  return text;
}

/* The pages of `pdf` (the PDF of `name`) as poppler reads them; 0, with
   the diagnostic on stderr, when poppler cannot read it as it is, or it
   has no page. */
static int poppler_pages(const scr_office *o, const char *name,
                         const char *pdf) {
  bool ok;
  char *info = run_pdfinfo(o, NULL, pdf, &ok);
  size_t n = 0;
  const char *error = info ? scr_pdfinfo_error(info, &n) : NULL;
  int pages = info && ok && !error ? scr_pdfinfo_page_count(info) : -1;
  if (error) {
    char *line = scr_strndup(error, n);
    pdf_error(name, "is not a PDF poppler can read", line ? line : error);
    free(line);
  } else if (pages < 0) {
    pdf_error(name, "is not a PDF poppler can read",
              ok ? "pdfinfo gave no page count" : "pdfinfo failed on it");
  } else if (pages == 0) {
    pdf_error(name, "has no pages", NULL);
  }
  free(info);
  return pages > 0 ? pages : 0;
}

/* The page counts check_pdfs read, so that reading a PDF's pages does not
   run pdfinfo on it a second time. */
static bool remember_count(scr_office *o, const char *pdf, int pages) {
  char *copy = scr_strdup(pdf);
  if (!copy || scr_reserve(&o->counts, &o->cap_counts, o->n_counts + 1,
                           sizeof *o->counts)) {
    free(copy);
    return true;
  }
  o->counts[o->n_counts++] = (scr_office_count){copy, pages};
  return false;
}

static int counted(const scr_office *o, const char *pdf) {
  for (size_t i = 0; i < o->n_counts; i++)
    if (strcmp(o->counts[i].pdf, pdf) == 0)
      return o->counts[i].pages;
  return 0;
}

/* Each input has its PDF, and each PDF is whole: with pdfinfo, one poppler
   reads with at least one page; without, one with a PDF's frame. */
static scr_error check_pdfs(scr_office *o, const char *const *names, size_t n) {
  if (!o->pdfinfo)
    fprintf(stderr, "scrutineer: warning: pdfinfo is not installed, so "
                    "LibreOffice's PDF is checked only for its header, "
                    "startxref and %%%%EOF; " PDFINFO_HINT "\n");
  for (size_t i = 0; i < n; i++) {
    char *pdf = scr_office_pdf(o, names[i]);
    if (!pdf)
      return SCR_E_NOMEM;
    bool whole = false;
    if (!non_empty_file(pdf)) {
      office_error("LibreOffice did not convert the %s document to PDF",
                   strrchr(names[i], '.') ? strrchr(names[i], '.') + 1
                                          : names[i]);
    } else {
      const char *fault = pdf_file_fault(pdf);
      if (fault)
        pdf_error(names[i], "is not a whole PDF", fault);
      int pages = !fault && o->pdfinfo ? poppler_pages(o, names[i], pdf) : 0;
      whole = !fault && (!o->pdfinfo || pages > 0);
      if (whole && pages > 0 && remember_count(o, pdf, pages)) {
        free(pdf);
        return SCR_E_NOMEM;
      }
    }
    free(pdf);
    if (!whole) {
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
            "scrutineer: error: LibreOffice made no PDF within %d s and "
            "was stopped; allow longer for each document with "
            "%s=SECONDS\n",
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

/* The documents one LibreOffice run converts at most. */
static size_t batch_size(void) {
  const char *v = getenv(SCR_OFFICE_BATCH_ENV);
  char *end;
  long n = v && *v ? strtol(v, &end, 10) : 0;
  return v && *v && !*end && n > 0 && n < SCR_OFFICE_BATCH_DEFAULT
             ? (size_t)n
             : SCR_OFFICE_BATCH_DEFAULT;
}

/* The PDFs in the output folder, counted to see LibreOffice's progress. */
typedef struct pdf_watch {
  char *dir;
  size_t seen;
} pdf_watch;

static bool more_pdfs(void *ctx) {
  pdf_watch *w = ctx;
  DIR *d = opendir(w->dir);
  size_t n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    n += e->d_name[0] != '.';
  if (d)
    closedir(d);
  bool more = n > w->seen;
  w->seen = n > w->seen ? n : w->seen;
  return more;
}

/* Whether LibreOffice made none of the PDFs of names[0..n). */
static bool made_none(const scr_office *o, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *pdf = scr_office_pdf(o, names[i]);
    bool made = non_empty_file(pdf);
    free(pdf);
    if (made)
      return false;
  }
  return true;
}

/* One LibreOffice run converting names[0..n); the time limit counts from
   the last PDF it made. */
static scr_run_status run_soffice(scr_office *o, const char *const *names,
                                  size_t n, scr_error *err) {
  size_t argc = 0;
  char **argv = soffice_args(o, names, n, &argc);
  char *log = work_path(o, FILE_LOG, NULL);
  char *tmp = work_path(o, DIR_TMP, NULL);
  pdf_watch watch = {work_path(o, DIR_PDF, NULL), 0};
  more_pdfs(&watch);
  scr_run_status st = SCR_RUN_NOT_STARTED;
  *err = argv && log && tmp && watch.dir ? SCR_OK : SCR_E_NOMEM;
  if (!*err) {
    scr_run_opts ro = {.output = log,
                       .tmpdir = tmp,
                       .timeout_s = o->timeout_s,
                       .progress = o->progress ? PROGRESS_LABEL : NULL,
                       .moved = more_pdfs,
                       .moved_ctx = &watch};
    st = scr_run(o->soffice, argv, &ro);
  }
  if (argv)
    scr_free_list(argv, argc);
  free(log);
  free(tmp);
  free(watch.dir);
  return st;
}

/* Convert names[0..n) in one run. A kept profile that yields no PDF at all
   may be damaged (a run killed while it wrote it): it is given up, and the
   run made again with a fresh private one. */
static scr_error convert_batch(scr_office *o, const char *const *names,
                               size_t n) {
  scr_error err;
  scr_run_status st = run_soffice(o, names, n, &err);
  if (!err && o->kept && !o->kept_new &&
      (st == SCR_RUN_OK || st == SCR_RUN_FAILED) && made_none(o, names, n)) {
    scr_remove_tree(o->kept);
    err = use_private_profile(o);
    if (!err)
      st = run_soffice(o, names, n, &err);
  }
  if (!err)
    err = report_run(o, st);
  if (!err)
    err = check_pdfs(o, names, n);
  if (!err)
    scr_office_keep_profile(o);
  return err;
}

scr_error scr_office_convert(scr_office *o, const char *const *names,
                             size_t n) {
  size_t batch = batch_size();
  scr_error err = SCR_OK;
  for (size_t from = 0; !err && from < n; from += batch)
    err = convert_batch(o, names + from, n - from < batch ? n - from : batch);
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

/* Each bookmark's page is a page of the PDF, which has `count`; otherwise
   the layout LibreOffice reported is not the PDF's. */
static scr_error pages_fit(const char *pdf, const char *const *bookmarks,
                           const int *pages, size_t n, int count) {
  for (size_t i = 0; i < n; i++)
    if (pages[i] > count) {
      char *format = scr_path_stem(pdf);
      fprintf(stderr,
              "scrutineer: error: LibreOffice's PDF of the %s document puts "
              "the bookmark %s on page %d, but has %d page%s\n",
              format ? format : pdf, bookmarks[i], pages[i], count,
              count == 1 ? "" : "s");
      free(format);
      return SCR_E_OFFICE;
    }
  return SCR_OK;
}

/* The page of each bookmark in `listing` into found[]; false (a warning
   says which) when one is not there. */
static bool find_bookmarks(const char *listing, const char *const *bookmarks,
                           size_t n, int *found) {
  for (size_t i = 0; i < n; i++)
    if (!(found[i] = scr_pdfinfo_dest_page(listing, bookmarks[i]))) {
      fprintf(stderr,
              "scrutineer: warning: LibreOffice's PDF has no "
              "destination for the bookmark %s\n",
              bookmarks[i]);
      return false;
    }
  return true;
}

scr_error scr_office_pages(const scr_office *o, const char *pdf,
                           const char *const *bookmarks, size_t n, int *pages,
                           bool *exact) {
  *exact = false;
  if (!o->pdfinfo) {
    fprintf(stderr,
            "scrutineer: warning: pdfinfo is not installed, so page "
            "numbers cannot be read from LibreOffice's layout; " PDFINFO_HINT
            "\n");
    return SCR_OK;
  }
  bool ok;
  char *listing = run_pdfinfo(o, "-dests", pdf, &ok);
  if (!listing || !ok) {
    free(listing);
    fprintf(stderr, "scrutineer: warning: pdfinfo could not read %s\n", pdf);
    return SCR_OK;
  }
  int *found = calloc(n ? n : 1, sizeof *found);
  bool all = found && find_bookmarks(listing, bookmarks, n, found);
  free(listing);
  scr_error err = found ? SCR_OK : SCR_E_NOMEM;
  if (all) {
    int count = counted(o, pdf);
    if (!count)
      count = poppler_pages(o, pdf, pdf);
    err = count ? pages_fit(pdf, bookmarks, found, n, count) : SCR_E_OFFICE;
  }
  if (all && !err) {
    memcpy(pages, found, n * sizeof *pages);
    *exact = true;
  }
  free(found);
  return err;
}
