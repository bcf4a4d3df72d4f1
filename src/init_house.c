/*
 * The built-in house style as a document an officer can open in Word or
 * LibreOffice, change the styles of, and name in committee.md as the
 * committee's template. It is written by the same writers, from the same
 * built-in styles, as every pack, so read back as a template it styles the
 * documents as the built-in style does.
 */
#include "init.h"
#include "render.h"
#include "writer.h"

#include <string.h>

/* Each style the documents use, and what it is for. */
static const struct {
  scr_para_style style;
  const char *use;
} SHOWN[] = {
    {SCR_PARA_BODY, "ordinary paragraphs of agendas, minutes and reports"},
    {SCR_PARA_FRONT_MATTER, "the date, time and place on the front sheet"},
    {SCR_PARA_QUOTE, "quoted text"},
    {SCR_PARA_NOTE, "footnotes and small print"},
    {SCR_PARA_SIGNATURE, "the chair's signature line under the minutes"},
};
#define N_SHOWN (sizeof SHOWN / sizeof *SHOWN)

static void intro(scr_sink *s, const char *format) {
  bool word = strcmp(format, "docx") == 0;
  scr_sink_para(s, SCR_PARA_TITLE, "House style");
  scr_sink_para(s, SCR_PARA_SUBTITLE,
                "The look of every agenda pack, minutes and work programme");
  scr_sink_heading(s, 1, "How to use this document");
  scr_sink_para(
      s, SCR_PARA_BODY,
      word ? "Change the styles, not the text: right-click a style in the "
             "Styles pane and choose Modify. Set the page size and margins "
             "under Layout, and put the council's logo in the header if you "
             "wish."
           : "Change the styles, not the text: right-click a style in the "
             "Styles sidebar (F11) and choose Edit Style. Set the page size "
             "and margins under Format > Page Style, and put the council's "
             "logo in the header if you wish.");
  scr_sink_para(s, SCR_PARA_BODY,
                word ? "Save the file, then name it in agendas/committee.md: "
                       "template: ../templates/house.docx"
                     : "Save the file, then name it in agendas/committee.md: "
                       "template: ../templates/house.odt");
}

static void headings(scr_sink *s) {
  for (int level = 2; level <= 6; level++) {
    scr_sink_heading(s, level, scr_heading_style_name(level));
    scr_sink_para(s, SCR_PARA_BODY,
                  level == 2 ? "Heading 1 opens each appendix; Heading 2 is "
                               "an agenda item or a minute, and a report's "
                               "sections."
                             : "A section within a report.");
  }
}

static void styled_paragraphs(scr_sink *s) {
  for (size_t i = 0; i < N_SHOWN; i++) {
    scr_sink_begin_paragraph(s, SHOWN[i].style);
    scr_sink_text(s, scr_style_name(SHOWN[i].style), SCR_RUN_BOLD);
    scr_sink_text(s, ": ", 0);
    scr_sink_text(s, SHOWN[i].use, 0);
    scr_sink_text(s, ".", 0);
    scr_sink_end_paragraph(s);
  }
}

static void list(scr_sink *s) {
  static const char *const ITEMS[] = {
      "List Paragraph: the items of a list.",
      "Numbered lists use the same style.",
  };
  scr_sink_begin_list(s, false, 1);
  for (size_t i = 0; i < 2; i++) {
    scr_sink_begin_item(s);
    scr_sink_para(s, SCR_PARA_LIST, ITEMS[i]);
    scr_sink_end_item(s);
  }
  scr_sink_end_list(s);
}

static void cell(scr_sink *s, scr_para_style style, const char *text) {
  scr_sink_begin_cell(s);
  scr_sink_para(s, style, text);
  scr_sink_end_cell(s);
}

static void table(scr_sink *s) {
  static const scr_align ALIGN[2] = {SCR_ALIGN_LEFT, SCR_ALIGN_LEFT};
  static const int WIDTHS[2] = {1, 2};
  scr_sink_begin_table(s, 2, ALIGN, WIDTHS);
  scr_sink_begin_row(s, true);
  cell(s, SCR_PARA_TABLE_HEADING, "Table Heading");
  cell(s, SCR_PARA_TABLE_HEADING, "Used for");
  scr_sink_end_row(s);
  scr_sink_begin_row(s, false);
  cell(s, SCR_PARA_TABLE_CONTENTS, "Table Contents");
  cell(s, SCR_PARA_TABLE_CONTENTS,
       "the cells of a table; its header row repeats on every page");
  scr_sink_end_row(s);
  scr_sink_end_table(s);
}

static void compose_house(scr_sink *s, const char *format) {
  scr_doc_info info = {.title = "House style",
                       .subject = "House template",
                       .creator = "scrutineer",
                       .language = SCR_LANGUAGE,
                       .footer = "House style",
                       .pages_exact = true};
  scr_sink_begin_document(s, &info);
  intro(s, format);
  headings(s);
  styled_paragraphs(s);
  list(s);
  table(s);
  scr_sink_end_document(s);
}

scr_error scr_init_house_template(const char *format, scr_package **pkg) {
  const scr_writer_class *wc =
      strcmp(format, "odt") == 0 ? &scr_odt_writer : &scr_docx_writer;
  scr_template tpl = scr_template_builtin(wc->extension);
  *pkg = NULL;
  void *w = wc->create(&tpl);
  if (!w)
    return SCR_E_NOMEM;
  scr_sink sink = {wc->ops, w, SCR_OK, &tpl.house->page};
  compose_house(&sink, wc->extension);
  scr_error err = scr_sink_error(&sink);
  scr_package *p = err ? NULL : scr_package_new();
  if (!err && !p)
    err = SCR_E_NOMEM;
  if (!err)
    err = wc->finish(w, p);
  wc->destroy(w);
  if (err)
    scr_package_free(p);
  else
    *pkg = p;
  return err;
}
