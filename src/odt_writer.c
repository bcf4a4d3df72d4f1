/*
 * The ODT writer: the sink calls become office:text children, written as
 * they arrive into their own buffer; finish() wraps them into content.xml
 * and adds the other parts (odt.h lists which file writes which).
 *
 * Inline state: a paragraph or heading is open, in it at most one link, in
 * that at most one run of formatting (a span, two when code is combined
 * with other flags). Spaces are held back until it is known whether they
 * end the paragraph (see odt_spaces).
 *
 * Lists: ODF nests text:list inside text:list-item, and a list item cannot
 * hold a table. A table inside a list item therefore closes the open lists,
 * and the next content reopens them: the lists continue their numbering and
 * the interrupted item goes on as a text:list-header, which shows no label.
 * So each list keeps whether it is open in the XML apart from whether it is
 * open for the composer.
 *
 * Speed: spans, and the rows, cells, list items and paragraphs inside the
 * tables and lists xmlTextWriter opened, are written as raw markup (see
 * ODT_RAW in odt.h); text and variable attributes still go through
 * xmlTextWriter, which escapes text inside the elements it opened.
 */
#include "deflate.h"
#include "odt.h"
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- document -------------------------------------------------------- */

static char *copy_or_empty(const char *s) {
  return scr_strdup(s ? s : "");
}

static scr_error begin_document(void *self, const scr_doc_info *info) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (w->begun || !info)
    return odt_fail(w, SCR_E_USAGE);
  w->begun = true;
  w->title = copy_or_empty(info->title);
  w->subject = copy_or_empty(info->subject);
  w->creator = copy_or_empty(info->creator);
  w->language = copy_or_empty(info->language);
  w->footer = copy_or_empty(info->footer);
  if (!w->title || !w->subject || !w->creator || !w->language || !w->footer)
    return odt_fail(w, SCR_E_NOMEM);
  return SCR_OK;
}

static scr_error end_document(void *self) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!w->begun || w->ended || odt_in_block(w) || w->nlists || w->table.open ||
      w->in_note)
    return odt_fail(w, SCR_E_USAGE);
  w->ended = true;
  scr_error err = scr_xmlw_end_fragment(&w->body);
  return err ? odt_fail(w, err) : SCR_OK;
}

static char *body_xml(void *self) {
  odt_writer *w = self;
  scr_xmlw_flush(&w->body);
  char *xml = NULL;
  size_t len = 0;
  if (odt_status(w) || scr_deflate_contents(w->body_z, &xml, &len) != SCR_OK)
    return NULL;
  return xml;
}

/* ---- life cycle ------------------------------------------------------ */

static void destroy(void *self) {
  odt_writer *w = self;
  if (!w)
    return;
  scr_xmlw_discard(&w->body);
  scr_deflate_free(w->body_z);
  free(w->title);
  free(w->subject);
  free(w->creator);
  free(w->language);
  free(w->text_language);
  free(w->footer);
  for (size_t i = 0; i < w->nheaders; i++) {
    free(w->headers[i]);
    free(w->masters[i]);
    free(w->landscape_masters[i]);
  }
  free(w->landscape_masters);
  free(w->headers);
  free(w->masters);
  for (int i = 0; i < SCR_PARA_COUNT; i++)
    free(w->para_names[i]);
  for (int i = 0; i < ODT_HEADING_LEVELS; i++)
    free(w->heading_names[i]);
  free(w->lists);
  free(w->table.align);
  free(w->table.twips);
  if (w->in_note) { /* the table a note interrupted */
    free(w->outer.table.align);
    free(w->outer.table.twips);
  }
  for (size_t i = 0; i < w->nimages; i++) {
    free(w->images[i].part);
    free(w->images[i].mime);
    free(w->images[i].data);
  }
  free(w->images);
  scr_odt_auto_free(&w->autos);
  free(w);
}

static bool encode_names(odt_writer *w) {
  for (unsigned n = 1; n < ODT_TEXT_MASKS; n++)
    snprintf(w->text_style[n], sizeof w->text_style[n], ODT_AUTO_TEXT_FMT, n);
  for (int i = 0; i < SCR_PARA_COUNT; i++)
    if (!(w->para_names[i] = scr_odt_style_name(scr_style_name(i))))
      return false;
  for (int i = 0; i < ODT_HEADING_LEVELS; i++)
    if (!(w->heading_names[i] =
              scr_odt_style_name(scr_heading_style_name(i + 1))))
      return false;
  return true;
}

/* The writer; `tpl` NULL means the built-in house style. Free with
   destroy. */
static void *create(const scr_template *tpl) {
  odt_writer *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  if (!tpl) {
    w->builtin = scr_template_builtin("odt");
    tpl = &w->builtin;
  }
  w->tpl = tpl;
  w->master_now = ODT_MASTER_PAGE;
  w->body_z = scr_deflate_new();
  if (!w->body_z || scr_xmlw_open_fragment(&w->body, w->body_z) != SCR_OK ||
      !encode_names(w)) {
    destroy(w);
    return NULL;
  }
  return w;
}

static const scr_sink_ops ODT_OPS = {
    .begin_document = begin_document,
    .end_document = end_document,
    .begin_paragraph = scr_odt_begin_paragraph,
    .end_paragraph = scr_odt_end_paragraph,
    .begin_heading = scr_odt_begin_heading,
    .end_heading = scr_odt_end_heading,
    .text = scr_odt_add_text,
    .line_break = scr_odt_line_break,
    .begin_link = scr_odt_begin_link,
    .end_link = scr_odt_end_link,
    .begin_bookmark = scr_odt_begin_bookmark,
    .end_bookmark = scr_odt_end_bookmark,
    .page_ref = scr_odt_page_ref,
    .image = scr_odt_image,
    .begin_list = scr_odt_begin_list,
    .end_list = scr_odt_end_list,
    .begin_item = scr_odt_begin_item,
    .end_item = scr_odt_end_item,
    .begin_table = scr_odt_begin_table,
    .end_table = scr_odt_end_table,
    .begin_row = scr_odt_begin_row,
    .end_row = scr_odt_end_row,
    .begin_cell = scr_odt_begin_cell,
    .end_cell = scr_odt_end_cell,
    .page_break = scr_odt_page_break,
    .begin_section = scr_odt_begin_section,
    .page_orientation = scr_odt_page_orientation,
    .pdf_page = scr_odt_pdf_page,
    .begin_note = scr_odt_begin_note,
    .end_note = scr_odt_end_note,
    .language = scr_odt_language,
    .right_to_left = scr_odt_right_to_left,
};

const scr_writer_class scr_odt_writer = {
    .extension = "odt",
    .create = create,
    .ops = &ODT_OPS,
    .finish = scr_odt_finish,
    .body_xml = body_xml,
    .destroy = destroy,
};
