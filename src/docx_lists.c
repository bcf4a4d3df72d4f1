/*
 * Lists in the DOCX body: each list is a w:num instance of the bullet or
 * the decimal numbering (docx_numbering.c), and its level the depth of
 * nesting. The stack of open lists says which item the next paragraph
 * belongs to; docx_paragraphs.c gives that paragraph the item's number or
 * indent.
 */
#include "docx.h"

scr_error docx_begin_list(void *self, bool ordered, int start) {
  docx_writer *dw = self;
  if (!docx_can_start_block(dw))
    return docx_status(dw, SCR_E_USAGE);
  scr_error err = docx_start_item_if_bare(dw);
  if (err)
    return err;
  /* Levels past the ninth share the ninth's look: Word has no tenth. */
  int ilvl = dw->list_depth < DOCX_LIST_LEVELS ? (int)dw->list_depth
                                               : DOCX_LIST_LEVELS - 1;
  int num_id = 0;
  if (scr_reserve(&dw->lists, &dw->list_cap, dw->list_depth + 1,
                  sizeof *dw->lists))
    return docx_status(dw, SCR_E_NOMEM);
  err = docx_model_add_num(&dw->model, ordered, ilvl, start, &num_id);
  if (err)
    return docx_status(dw, err);
  dw->lists[dw->list_depth++] = (docx_list_frame){num_id, ilvl, false, false};
  return SCR_OK;
}

scr_error docx_end_list(void *self) {
  docx_writer *dw = self;
  docx_list_frame *f = docx_current_list(dw);
  if (!docx_can_start_block(dw) || !f || f->item_open ||
      (dw->table.open && dw->list_depth <= dw->table.outer_lists))
    return docx_status(dw, SCR_E_USAGE);
  dw->list_depth--;
  return SCR_OK;
}

scr_error docx_begin_item(void *self) {
  docx_writer *dw = self;
  docx_list_frame *f = docx_current_list(dw);
  if (!docx_can_start_block(dw) || !f || f->item_open)
    return docx_status(dw, SCR_E_USAGE);
  f->item_open = true;
  f->item_started = false;
  return SCR_OK;
}

scr_error docx_end_item(void *self) {
  docx_writer *dw = self;
  docx_list_frame *f = docx_current_list(dw);
  if (!docx_can_start_block(dw) || !f || !f->item_open)
    return docx_status(dw, SCR_E_USAGE);
  /* an empty item still shows its bullet */
  scr_error err = docx_start_item_if_bare(dw);
  f->item_open = false;
  return err;
}
