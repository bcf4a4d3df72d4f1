/*
 * The PDF appendices' own pages in the pack's PDF. LibreOffice lays the
 * pack out with a picture of each PDF page on a page of that page's size
 * (so the front sheet's page numbers, the outline, the tags and the footer
 * with its page number are all LibreOffice's); qpdf then replaces each
 * picture by the page itself, as a form XObject drawn in the picture's
 * place: vector, its text selectable, the page number still in the band
 * below it.
 */
#ifndef SCR_PDF_PACK_H
#define SCR_PDF_PACK_H

#include "pdfin.h"

#include <stdint.h>

/** One page of a PDF appendix, and the pack's page showing its picture. */
typedef struct scr_pdf_insert {
  int pack_page;      /* 1-based, in the pack's PDF */
  const scr_pdf *pdf; /* the appendix */
  size_t index;       /* 0-based, its page */
  /* the picture's pixel size, by which it is known on the pack's page */
  uint32_t width_px, height_px;
} scr_pdf_insert;

/**
 * The pack's PDF `pack` (`len` bytes) with the pictures of inserts[0..n)
 * replaced by their pages, into *out (caller frees). SCR_E_OFFICE with a
 * sentence in *why (caller frees) when qpdf cannot read LibreOffice's PDF
 * or a pack page does not hold the picture expected; SCR_E_NOMEM.
 */
scr_error scr_pdf_pack_insert(const char *pack, size_t len,
                              const scr_pdf_insert *inserts, size_t n,
                              char **out, size_t *out_len, char **why);

/**
 * Pages first..last (1-based, inclusive; last 0: to the end) of the PDF
 * `pdf` (`len` bytes) as
 * a PDF of their own, titled `title` (UTF-8) and in `lang` (BCP 47), into
 * *out (caller frees): one report of a pack, for a reader to download on
 * its own. Its /ID is made from its content, so the same pages give the
 * same bytes. SCR_E_OFFICE with a sentence in *why (caller frees) when
 * qpdf cannot read the PDF or the pages are not in it; SCR_E_SOURCE with
 * *why when the PDF libraries cannot be loaded; SCR_E_NOMEM.
 */
scr_error scr_pdf_pages_cut(const char *pdf, size_t len, int first, int last,
                            const char *title, const char *lang, char **out,
                            size_t *out_len, char **why);

#endif
