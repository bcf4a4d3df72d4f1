/*
 * The DOCX writer: the sink calls become WordprocessingML in a body buffer,
 * and finish() (docx_package.c) wraps that body into word/document.xml and
 * adds every other part of the package. Paragraphs open and close in
 * docx_paragraphs.c, lists and tables have files of their own; this file
 * holds the other calls, the ops table, and making and freeing the writer.
 */
#include "deflate.h"
#include "docx.h"
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An open bookmark: w:bookmarkEnd needs the id of its start. */
struct docx_bookmark {
  char *name; /* owned */
  unsigned id;
};

/* ---- the sink: document -------------------------------------------------- */

/* Replace *field with a copy of `s`, or of `fallback` when `s` is empty. */
static bool copy_or(char **field, const char *s, const char *fallback) {
  free(*field);
  *field = scr_strdup(s && *s ? s : fallback);
  return *field != NULL;
}

static scr_error begin_document(void *self, const scr_doc_info *info) {
  docx_writer *dw = self;
  if (dw->begun)
    return docx_status(dw, SCR_E_USAGE);
  docx_model *m = &dw->model;
  if (!copy_or(&m->title, info->title, "") ||
      !copy_or(&m->subject, info->subject, "") ||
      !copy_or(&m->creator, info->creator, "") ||
      !copy_or(&m->language, info->language, DOCX_DEFAULT_LANGUAGE) ||
      !copy_or(&m->footer, info->footer, ""))
    return docx_status(dw, SCR_E_NOMEM);
  m->pages_exact = info->pages_exact;
  dw->begun = true;
  return dw->body.err;
}

static scr_error end_document(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw) || dw->list_depth || dw->table.open ||
      dw->in_note)
    return docx_status(dw, SCR_E_USAGE);
  /* A page break with nothing after it would only add an empty page. */
  dw->page_break_pending = false;
  dw->ended = true;
  return scr_xmlw_end_fragment(&dw->body);
}

/* ---- the sink: paragraphs and headings ----------------------------------- */

static scr_error begin_paragraph(void *self, scr_para_style style) {
  return docx_open_paragraph(self, scr_style_name(style));
}

static scr_error end_paragraph(void *self) {
  return docx_close_paragraph(self);
}

static scr_error begin_heading(void *self, int level) {
  return docx_open_paragraph(self, scr_heading_style_name(level));
}

static scr_error end_heading(void *self) {
  return docx_close_paragraph(self);
}

/* ---- the sink: inline content -------------------------------------------- */

static scr_error text(void *self, const char *s, size_t len, unsigned flags) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  docx_script_runs(&dw->body, &dw->scripts, s, len, flags, dw->in_link);
  return dw->body.err;
}

static scr_error line_break(void *self) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  docx_text_run(&dw->body, "\n", 1, 0, dw->in_link);
  return dw->body.err;
}

static scr_error begin_link(void *self, const char *url) {
  docx_writer *dw = self;
  if (!dw->in_para || dw->in_link)
    return docx_status(dw, SCR_E_USAGE);
  scr_xmlw *x = &dw->body;
  if (url[0] == '#') {
    scr_xmlw_start(x, "w:hyperlink");
    scr_xmlw_attr(x, "w:anchor", url + 1);
  } else {
    /* Word takes URIs only: IRIs are encoded too */
    char *target = scr_uri_escape(url, true);
    size_t index = 0;
    scr_error err = target ? docx_model_add_rel(&dw->model, DOCX_REL_HYPERLINK,
                                                target, &index)
                           : SCR_E_NOMEM;
    if (err)
      return docx_status(dw, err);
    scr_xmlw_start(x, "w:hyperlink");
    scr_xmlw_attrf(x, "r:id", "rId%zu", index + DOCX_RID_FIRST_DYNAMIC);
  }
  dw->in_link = true;
  return x->err;
}

static scr_error end_link(void *self) {
  docx_writer *dw = self;
  if (!dw->in_link)
    return docx_status(dw, SCR_E_USAGE);
  scr_xmlw_end(&dw->body);
  dw->in_link = false;
  return dw->body.err;
}

static scr_error begin_bookmark(void *self, const char *name) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  bool room = !scr_reserve(&dw->marks, &dw->mark_cap, dw->mark_count + 1,
                           sizeof *dw->marks);
  char *copy = room ? scr_strdup(name) : NULL;
  if (!copy)
    return docx_status(dw, SCR_E_NOMEM);
  unsigned id = dw->next_mark_id++;
  dw->marks[dw->mark_count++] = (docx_bookmark){copy, id};
  scr_xmlw *x = &dw->body;
  scr_xmlw_markup_lit(x, "<w:bookmarkStart");
  scr_xmlw_markup_attr_int(x, "w:id", id);
  scr_xmlw_markup_attr(x, "w:name", name);
  scr_xmlw_markup_lit(x, "/>");
  scr_xmlw_markup_write(x);
  return x->err;
}

static scr_error end_bookmark(void *self, const char *name) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  /* the innermost open bookmark of that name */
  size_t i = dw->mark_count;
  while (i > 0 && strcmp(dw->marks[i - 1].name, name) != 0)
    i--;
  if (i == 0)
    return docx_status(dw, SCR_E_USAGE);
  docx_bookmark mark = dw->marks[i - 1];
  memmove(&dw->marks[i - 1], &dw->marks[i],
          (dw->mark_count - i) * sizeof *dw->marks);
  dw->mark_count--;
  free(mark.name);
  scr_xmlw *x = &dw->body;
  scr_xmlw_markup_lit(x, "<w:bookmarkEnd");
  scr_xmlw_markup_attr_int(x, "w:id", mark.id);
  scr_xmlw_markup_lit(x, "/>");
  scr_xmlw_markup_write(x);
  return x->err;
}

static scr_error page_ref(void *self, const char *bookmark, int cached) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  /* \h: the result is also a link to the bookmark */
  char *instr = scr_asprintf(" PAGEREF %s \\h ", bookmark);
  char value[DOCX_INT_TEXT_MAX];
  snprintf(value, sizeof value, "%d", cached);
  if (!instr)
    return docx_status(dw, SCR_E_NOMEM);
  docx_field(&dw->body, instr, value, dw->in_link);
  free(instr);
  return dw->body.err;
}

static scr_error image(void *self, const scr_image *img) {
  docx_writer *dw = self;
  if (!dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  size_t rel = 0;
  scr_error err = docx_model_add_image(&dw->model, img, &rel);
  if (err)
    return docx_status(dw, err);
  docx_drawing(&dw->body, img, ++dw->next_drawing_id,
               rel + DOCX_RID_FIRST_DYNAMIC);
  return dw->body.err;
}

/* ---- the sink: scripts --------------------------------------------------- */

static scr_error language(void *self, const char *tag) {
  docx_writer *dw = self;
  char *copy = tag ? scr_strdup(tag) : NULL;
  if (tag && !copy)
    return docx_status(dw, SCR_E_NOMEM);
  free(dw->scripts.language);
  dw->scripts.language = copy;
  return dw->body.err;
}

static scr_error right_to_left(void *self) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw))
    return docx_status(dw, SCR_E_USAGE);
  dw->scripts.next_rtl = true;
  return SCR_OK;
}

static const scr_sink_ops DOCX_OPS = {
    .begin_document = begin_document,
    .end_document = end_document,
    .begin_paragraph = begin_paragraph,
    .end_paragraph = end_paragraph,
    .begin_heading = begin_heading,
    .end_heading = end_heading,
    .text = text,
    .line_break = line_break,
    .begin_link = begin_link,
    .end_link = end_link,
    .begin_bookmark = begin_bookmark,
    .end_bookmark = end_bookmark,
    .page_ref = page_ref,
    .image = image,
    .begin_list = docx_begin_list,
    .end_list = docx_end_list,
    .begin_item = docx_begin_item,
    .end_item = docx_end_item,
    .begin_table = docx_begin_table,
    .end_table = docx_end_table,
    .begin_row = docx_begin_row,
    .end_row = docx_end_row,
    .begin_cell = docx_begin_cell,
    .end_cell = docx_end_cell,
    .page_break = docx_page_break,
    .begin_section = docx_begin_section,
    .page_orientation = docx_page_orientation,
    .pdf_page = docx_pdf_page,
    .begin_note = docx_begin_note,
    .end_note = docx_end_note,
    .language = language,
    .right_to_left = right_to_left,
};

/* ---- the writer class ---------------------------------------------------- */

void docx_model_free(docx_model *m) {
  free(m->title);
  free(m->subject);
  free(m->creator);
  free(m->language);
  free(m->footer);
  for (size_t i = 0; i < m->rel_count; i++)
    free(m->rels[i].target);
  free(m->rels);
  for (size_t i = 0; i < m->media_count; i++) {
    free(m->media[i].part);
    free(m->media[i].ext);
    free(m->media[i].mime);
    free(m->media[i].data);
  }
  free(m->media);
  free(m->nums);
  for (size_t i = 0; i < m->header_count; i++)
    free(m->headers[i].text);
  free(m->headers);
  const scr_house *house = m->house;
  *m = (docx_model){.house = house};
}

static void docx_destroy(void *self) {
  docx_writer *dw = self;
  if (!dw)
    return;
  if (dw->in_note) { /* the body waits in `notes`, the table in `outer` */
    scr_xmlw body = dw->body;
    dw->body = dw->notes;
    dw->notes = body;
    docx_table_free(&dw->outer.table);
  }
  scr_xmlw_discard(&dw->body);
  scr_xmlw_discard(&dw->notes);
  free(dw->note_mark);
  scr_deflate_free(dw->body_z);
  docx_model_free(&dw->model);
  free(dw->section_header);
  free(dw->scripts.language);
  free(dw->lists);
  docx_table_free(&dw->table);
  for (size_t i = 0; i < dw->mark_count; i++)
    free(dw->marks[i].name);
  free(dw->marks);
  free(dw);
}

/* The body goes to its stream as the writer flushes it. */
static scr_error open_body(docx_writer *dw) {
  dw->body_z = scr_deflate_new();
  return dw->body_z ? scr_xmlw_open_fragment(&dw->body, dw->body_z)
                    : SCR_E_NOMEM;
}

/* Returns a new writer (free with docx_destroy) or NULL. */
static void *docx_create(const scr_template *tpl) {
  docx_writer *dw = calloc(1, sizeof *dw);
  if (!dw)
    return NULL;
  dw->tpl = tpl;
  dw->model.house = tpl && tpl->house ? tpl->house : scr_house_builtin();
  dw->model.spacing_adds =
      scr_template_is_builtin(tpl) || (tpl && tpl->spacing_adds);
  if (open_body(dw) != SCR_OK) {
    docx_destroy(dw);
    return NULL;
  }
  return dw;
}

/* Caller frees. NULL when out of memory or after a writing error. */
static char *docx_body_xml(void *self) {
  docx_writer *dw = self;
  scr_xmlw_flush(&dw->body);
  char *xml = NULL;
  size_t len = 0;
  if (dw->body.err || scr_deflate_contents(dw->body_z, &xml, &len) != SCR_OK)
    return NULL;
  return xml;
}

const scr_writer_class scr_docx_writer = {
    .extension = "docx",
    .create = docx_create,
    .ops = &DOCX_OPS,
    .finish = docx_finish,
    .body_xml = docx_body_xml,
    .destroy = docx_destroy,
};
