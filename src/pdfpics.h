/*
 * The pictures of a PDF appendix's pages, as the DOCX and ODT show them:
 * each page drawn once, when a writer first asks for it, at
 * SCR_PDF_PICTURE_DPI of the PDF page's own size (so at least that of the
 * smaller size it is shown at), and kept for the next writer. Pictures
 * count against the run's budget for pictures (zpkg.h).
 */
#ifndef SCR_PDFPICS_H
#define SCR_PDFPICS_H

#include "pdfin.h"
#include "sink.h"

/** Resolution of the pictures of PDF pages, in dots per inch. */
#define SCR_PDF_PICTURE_DPI 150

typedef struct scr_pdf_pictures scr_pdf_pictures;

/** A cache for the pages of `pdf` (borrowed: it must outlive the cache).
    Free with scr_pdf_pictures_free. NULL when out of memory. */
scr_pdf_pictures *scr_pdf_pictures_new(const scr_pdf *pdf);
void scr_pdf_pictures_free(scr_pdf_pictures *pics);

/**
 * The picture of `page` into *out: the PNG of its PDF page (borrowed from
 * the cache, valid while it lives), its size on the page and alt text
 * from `page`. SCR_E_LIMIT when the run's pictures would pass their
 * budget; SCR_E_NOMEM; SCR_E_SOURCE when poppler cannot draw the page.
 * Safe from two threads at once.
 */
scr_error scr_pdf_page_picture(const scr_pdf_page *page, scr_image *out);

#endif
