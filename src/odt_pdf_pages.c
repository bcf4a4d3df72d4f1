/*
 * A PDF appendix's pages in the ODT: each a paragraph on a master page of
 * the PDF page's size (one per size and section header, made on first
 * use), holding the page's picture in an inline frame and nothing else;
 * the next block goes back to the section's own master page.
 */
#include "odt.h"
#include "pdfpics.h"

#include <stdio.h>
#include <string.h>

static bool same_page(const scr_house_page *a, const scr_house_page *b) {
  return a->width == b->width && a->height == b->height && a->top == b->top &&
         a->bottom == b->bottom && a->left == b->left && a->right == b->right &&
         a->header == b->header && a->footer == b->footer;
}

/* The number (1-based) of the master page for `page` under the section's
   header, added on first use; 0 when out of memory. */
static size_t pdf_master(odt_auto *a, const scr_house_page *page,
                         size_t header) {
  for (size_t i = 0; i < a->npdf_masters; i++)
    if (a->pdf_masters[i].header == header &&
        same_page(&a->pdf_masters[i].page, page))
      return i + 1;
  if (scr_reserve(&a->pdf_masters, &a->cap_pdf_masters, a->npdf_masters + 1,
                  sizeof *a->pdf_masters))
    return 0;
  a->pdf_masters[a->npdf_masters++] = (odt_pdf_master){*page, header};
  return a->npdf_masters;
}

scr_error scr_odt_pdf_page(void *self, const scr_pdf_page *page) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (odt_in_block(w) || w->nlists || w->table.open || !page->page)
    return odt_fail(w, SCR_E_USAGE);
  scr_image picture;
  scr_error err = scr_pdf_page_picture(page, &picture);
  if (err)
    return odt_fail(w, err);
  size_t n = pdf_master(&w->autos, page->page, w->header_now);
  const odt_image *im = n ? scr_odt_keep_image(w, &picture) : NULL;
  if (!im)
    return odt_fail(w, SCR_E_NOMEM);
  w->autos.image = true;
  /* whatever master page was to come next, this page's comes first */
  (void)scr_odt_take_master(w);
  scr_xmlw *x = &w->body;
  scr_xmlw_start(x, "text:p");
  scr_xmlw_attrf(x, "text:style-name", ODT_AUTO_PDF_PARA_FMT, n);
  if (page->bookmark) {
    scr_xmlw_start(x, "text:bookmark");
    scr_xmlw_attr(x, "text:name", page->bookmark);
    scr_xmlw_end(x);
  }
  scr_xmlw_start(x, "draw:frame");
  scr_xmlw_attr(x, "draw:style-name", ODT_AUTO_IMAGE);
  scr_xmlw_attrf(x, "draw:name", ODT_IMAGE_NAME_FMT, w->nimages);
  scr_xmlw_attr(x, "text:anchor-type", "as-char");
  scr_odt_attr_cm(x, "svg:width", page->width_mm100);
  scr_odt_attr_cm(x, "svg:height", page->height_mm100);
  scr_xmlw_attr(x, "draw:z-index", "0");
  scr_odt_frame_picture(x, im, picture.alt);
  scr_xmlw_end(x); /* draw:frame */
  scr_xmlw_end(x); /* text:p */
  /* the next block is on the section's master page again, a new page */
  w->section_master = scr_odt_section_master(w);
  w->section_pending = true;
  w->page_break = false;
  return odt_status(w);
}
