# PDF appendices that cannot be used, made at run time from real producers
# by tests/e2e/make_pdfs.py: encrypted with a user password and with an
# owner password only, cut in half, with no pages, with 501 pages, over
# 100 MB, a PNG named .pdf, and pages under half an inch and over 200
# inches a side. check and pack must each exit 1 with an error at the
# link, naming the file as linked and what is wrong with it, and write
# nothing. A PDF of 500 pages, the most allowed, passes check. Sourced by
# run.sh.

# pdf_linked FILE: a fresh workspace whose agenda links FILE, made by
# make_pdfs.py, from a sentence of a new last item (line 25, column 20).
pdf_linked() {
  fresh
  cp "$PDFS/$1" "$WS/agendas/2026-06-17/$1"
  printf '\n## Papers\n\nThe paper is here: [Appendix](2026-06-17/%s).\n' "$1" \
    >>"$WS/$AGENDA"
}

# pdf_refused FILE REASON: check and pack (to every format) refuse FILE at
# its link for REASON; the earlier documents are as they were.
pdf_refused() {
  pdf_linked "$1"
  want="^$AGENDA:25:20: error: appendix '2026-06-17/$1' $2"
  run "PDF $1" 1 "$want" check .
  run "PDF $1" 1 "$want" pack "$AGENDA" -o "$OUT" -f "$PDF_FORMATS" -q
  [ "$(sums)" = "$BEFORE" ] || fail "PDF $1: the earlier documents were changed"
  for f in "$OUT"/* "$OUT"/.[!.]*; do
    case ${f##*/} in *tmp*) fail "PDF $1: temporary file $f left" ;; esac
  done
  total=$((total + 1))
  echo "  ok    bad PDF appendix: $1 (exit 1)"
}

if command -v qpdf >/dev/null && command -v soffice >/dev/null &&
  command -v chromium >/dev/null; then
  PDFS=$T/pdfs
  "$PYTHON" "$ROOT/tests/e2e/make_pdfs.py" "$PDFS" encrypted.pdf owner-only.pdf \
    truncated.pdf nopages.pdf many.pdf max-pages.pdf big.pdf notpdf.pdf \
    tiny.pdf banner.pdf ||
    fail "making the bad PDFs"
  PDF_FORMATS=docx,odt,pdf
  pdf_refused encrypted.pdf "is encrypted"
  pdf_refused owner-only.pdf "is encrypted"
  pdf_refused truncated.pdf "is damaged"
  pdf_refused nopages.pdf "has no pages"
  pdf_refused many.pdf "has 501 pages; .*at most 500"
  pdf_refused big.pdf "is over 100 MB"
  pdf_refused notpdf.pdf "is not a PDF"
  pdf_refused tiny.pdf "has a page 1 of 0\\.4 by 0\\.4 inches"
  pdf_refused banner.pdf "has a page 1 of 250\\.0 by 10\\.0 inches"
  rm -f "$PDFS/big.pdf"

  pdf_linked max-pages.pdf
  run "PDF max-pages.pdf" 0 "" check .
  total=$((total + 1))
  echo "  ok    awkward input: a PDF appendix of 500 pages (passes check)"
else
  echo "  skip  bad PDF appendices: qpdf, LibreOffice or Chromium is missing"
fi
