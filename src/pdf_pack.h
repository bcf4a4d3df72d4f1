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

/** One report's pages of a pack's PDF, to be a PDF of their own. */
typedef struct scr_pdf_cut {
  int first, last;   /* 1-based, inclusive; last 0: to the end */
  const char *title; /* UTF-8, its /Title */
  char *out;         /* the PDF made (caller frees), or NULL */
  size_t out_len;
} scr_pdf_cut;

/**
 * Each of cuts[0..n) from the PDF `pdf` (`len` bytes, read once), in
 * `lang` (BCP 47), into its `out`: one report of a pack each, for a
 * reader to download on its own. Each one's /ID is made from its content,
 * so the same pages give the same bytes. SCR_E_OFFICE with a sentence in
 * *why (caller frees) when qpdf cannot read the PDF or a cut's pages are
 * not in it; SCR_E_SOURCE with *why when the PDF libraries cannot be
 * loaded; SCR_E_NOMEM. On an error no cut is left made.
 */
scr_error scr_pdf_pages_cut(const char *pdf, size_t len, scr_pdf_cut *cuts,
                            size_t n, const char *lang, char **why);

#endif
