/*
 * The PDF libraries loaded on first use (see pdflib.h). They are found by
 * the names their packages install (the build reads them off the libraries
 * it compiled against), and each function is looked up in the library or
 * what it brings in: cairo, GLib and GObject come with poppler-glib.
 */
#include "pdflib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#ifndef SCR_QPDF_SONAME
#error "the build names qpdf's library: -DSCR_QPDF_SONAME=..."
#endif
#ifndef SCR_POPPLER_GLIB_SONAME
#error "the build names poppler-glib's library: -DSCR_POPPLER_GLIB_SONAME=..."
#endif

scr_pdf_lib_table scr_pdf_lib;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure;
static char failure[512];

/* Debian's package of a library is its name and version run together
   (libqpdf.so.29: libqpdf29), with a hyphen when the name ends in a digit. */
static void package_of(const char *soname, char *out, size_t size) {
  const char *so = strstr(soname, ".so.");
  if (!so) {
    snprintf(out, size, "%s", soname);
    return;
  }
  int stem = (int)(so - soname);
  bool digit = stem > 0 && soname[stem - 1] >= '0' && soname[stem - 1] <= '9';
  snprintf(out, size, "%.*s%s%s", stem, soname, digit ? "-" : "", so + 4);
}

static const char *fail(const char *soname, const char *what) {
  char package[128];
  package_of(soname, package, sizeof package);
  snprintf(failure, sizeof failure,
           "cannot be read without %s (%s); install it with: "
           "apt-get install %s",
           soname, what ? what : "not found", package);
  return failure;
}

/* The function `name` in `first` or, failing that, in `second`. */
static void *find(void *first, void *second, const char *name) {
  void *fn = dlsym(first, name);
  return fn ? fn : dlsym(second, name);
}

static void load(void) {
  void *qpdf = dlopen(SCR_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!qpdf) {
    load_failure = fail(SCR_QPDF_SONAME, dlerror());
    return;
  }
  void *poppler = dlopen(SCR_POPPLER_GLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!poppler) {
    load_failure = fail(SCR_POPPLER_GLIB_SONAME, dlerror());
    return;
  }
  scr_pdf_lib_table t;
  /* dlsym gives an object pointer; POSIX guarantees it converts to a
     function pointer, which memcpy does without a cast C forbids. */
#define SCR_PDF_LIB_FIND(fn)                                                   \
  {                                                                            \
    void *p = find(qpdf, poppler, #fn);                                        \
    if (!p) {                                                                  \
      load_failure = fail(SCR_POPPLER_GLIB_SONAME, "it has no " #fn);          \
      return;                                                                  \
    }                                                                          \
    memcpy(&t.fn, &p, sizeof p);                                               \
  }
  SCR_PDF_LIB_FUNCTIONS(SCR_PDF_LIB_FIND)
#undef SCR_PDF_LIB_FIND
  scr_pdf_lib = t;
}

const char *scr_pdf_lib_load(void) {
  pthread_once(&load_once, load);
  return load_failure;
}
