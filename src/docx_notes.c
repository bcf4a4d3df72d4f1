/*
 * Footnotes: word/footnotes.xml, written as the notes arrive. A note's
 * reference is a run in the body carrying the note's own label as its mark
 * (w:customMarkFollows), so notes number per report as their sources do,
 * and the note shows it again through w:footnoteRef;
 * while its paragraphs are written the note writer stands in for the body,
 * and the paragraph around the reference waits. Hyperlinks and pictures in
 * notes use the document's relationship ids: word/_rels/footnotes.xml.rels
 * lists the same ones.
 */
#include "docx.h"

#include <stdlib.h>
#include <string.h>

/* Word's separator notes come first, ids -1 and 0. */
#define SEPARATORS                                                             \
  "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing "       \
  "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r>"            \
  "<w:separator/></w:r></w:p></w:footnote>"                                    \
  "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr>"       \
  "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"      \
  "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
#define SUPERSCRIPT "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"

static scr_error open_notes(docx_writer *dw) {
  scr_error err = docx_part_open(&dw->notes);
  if (err)
    return err;
  scr_xmlw *x = &dw->notes;
  scr_xmlw_start(x, "w:footnotes");
  docx_namespaces(x);
  scr_xmlw_raw_lit(x, SEPARATORS);
  dw->model.footnotes = true;
  return x->err;
}

/* The reference in the body: the mark, raised, in a run of its own. */
static void reference(docx_writer *dw, const char *label, unsigned id) {
  scr_xmlw *x = &dw->body;
  scr_xmlw_markup_lit(x, "<w:r>" SUPERSCRIPT "<w:footnoteReference "
                         "w:customMarkFollows=\"1\"");
  scr_xmlw_markup_attr_int(x, "w:id", id);
  scr_xmlw_markup_lit(x, "/><w:t xml:space=\"preserve\"");
  scr_xmlw_markup_content(x, label, strlen(label), "</w:t></w:r>");
  scr_xmlw_markup_write(x);
}

static void swap_writers(docx_writer *dw) {
  scr_xmlw body = dw->body;
  dw->body = dw->notes;
  dw->notes = body;
}

scr_error docx_begin_note(void *self, const char *label) {
  docx_writer *dw = self;
  if (!dw->in_para || dw->in_note || !label || !*label)
    return docx_status(dw, SCR_E_USAGE);
  char *mark = scr_strdup(label);
  scr_error err = mark ? SCR_OK : SCR_E_NOMEM;
  if (!err && !dw->notes.w)
    err = open_notes(dw);
  if (err) {
    free(mark);
    return docx_status(dw, err);
  }
  unsigned id = ++dw->note_count;
  reference(dw, label, id);
  scr_xmlw_start(&dw->notes, "w:footnote");
  scr_xmlw_attr_int(&dw->notes, "w:id", id);
  swap_writers(dw);
  dw->outer.in_para = dw->in_para;
  dw->outer.in_link = dw->in_link;
  dw->outer.page_break_pending = dw->page_break_pending;
  dw->outer.after_table = dw->after_table;
  dw->outer.list_depth = dw->list_depth;
  dw->outer.table = dw->table;
  dw->outer.scripts = dw->scripts;
  dw->in_para = dw->in_link = dw->page_break_pending = false;
  dw->after_table = false;
  dw->list_depth = 0;
  dw->table = (docx_table){0};
  dw->note_mark = mark;
  dw->in_note = true;
  return dw->body.err;
}

scr_error docx_end_note(void *self) {
  docx_writer *dw = self;
  if (!dw->in_note || dw->in_para)
    return docx_status(dw, SCR_E_USAGE);
  swap_writers(dw);
  scr_xmlw_end(&dw->notes); /* w:footnote */
  dw->in_para = dw->outer.in_para;
  dw->in_link = dw->outer.in_link;
  dw->page_break_pending = dw->outer.page_break_pending;
  dw->after_table = dw->outer.after_table;
  dw->list_depth = dw->outer.list_depth;
  dw->table = dw->outer.table;
  /* the language said may have changed inside the note: it is the
     writer's, kept; the paragraph's own state comes back */
  dw->outer.scripts.language = dw->scripts.language;
  dw->scripts = dw->outer.scripts;
  free(dw->note_mark);
  dw->note_mark = NULL;
  dw->in_note = false;
  return dw->notes.err ? dw->notes.err : dw->body.err;
}

/* The note's own mark: w:footnoteRef shows the reference's custom mark
   (ECMA-376 Part 1, 17.11.15), which LibreOffice shows once too; a tab
   takes the text to the Note style's hanging indent. */
void docx_note_mark(docx_writer *dw) {
  if (!dw->in_note || !dw->note_mark)
    return;
  scr_xmlw_raw_lit(&dw->body, "<w:r>" SUPERSCRIPT "<w:footnoteRef/></w:r>"
                              "<w:r><w:tab/></w:r>");
  free(dw->note_mark);
  dw->note_mark = NULL;
}

scr_error scr_docx_footnotes_xml(docx_writer *dw, char **xml, size_t *len) {
  *xml = NULL;
  *len = 0;
  scr_xmlw_end(&dw->notes); /* w:footnotes */
  return scr_xmlw_close(&dw->notes, xml, len);
}
