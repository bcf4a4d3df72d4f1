/*
 * Writers: each output format implements the sink and then hands its parts
 * to a package. Inside each writer (docx_*.c, odt_*.c) the sink's work is
 * split by concern and each package part has a file of its own (docx.h and
 * odt.h list them); this header is what the rest of the program sees.
 */
#ifndef SCR_WRITER_H
#define SCR_WRITER_H

#include "package.h"
#include "sink.h"
#include "template.h"

typedef struct scr_writer_class {
  const char *extension; /* "docx", "odt" */
  /* A new writer using the styles of `tpl` (borrowed; must outlive the
     writer). Returns NULL when out of memory. Free with destroy. */
  void *(*create)(const scr_template *tpl);
  const scr_sink_ops *ops;
  /* After end_document: add every part of the document to `pkg`. */
  scr_error (*finish)(void *self, scr_package *pkg);
  /* The body XML written so far (document.xml w:body children, or
     content.xml office:text children), for golden tests. Caller frees. */
  char *(*body_xml)(void *self);
  void (*destroy)(void *self);
} scr_writer_class;

extern const scr_writer_class scr_docx_writer;
extern const scr_writer_class scr_odt_writer;
/* The body of a web page (html.h); its finish adds nothing to a package. */
extern const scr_writer_class scr_html_writer;

#endif
