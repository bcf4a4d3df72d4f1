#!/bin/sh
# PDF output: the pack as DOCX, ODT and PDF in one run; the page numbers
# cached in the DOCX and ODT equal where LibreOffice lays each appendix out;
# the PDF is tagged, titled, in en-GB, with an outline and front-sheet links;
# minutes and tracker PDFs; and every way LibreOffice can be missing, slow
# or failing leaves the earlier outputs as they were.
# Usage: pdf.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
STEM=CYPE-2026-06-17-agenda-pack
OUT=$T/pdf/out
mkdir -p "$T/pdf"

mkdir -p "$T/pdf/tmp"
TMPDIR=$T/pdf/tmp "$SCR" pack agendas/2026-06-17.md -o "$OUT" -f docx,odt,pdf \
  >"$T/pdf.stdout"
[ -z "$(ls "$T/pdf/tmp")" ] || fail "pack -f pdf left temporary files behind"
for ext in docx odt pdf; do
  grep -qx "wrote $OUT/$STEM.$ext" "$T/pdf.stdout" || fail "pack did not write $STEM.$ext"
done
grep -qx "page numbers: exact, from LibreOffice's layout" "$T/pdf.stdout" \
  || { cat "$T/pdf.stdout"; fail "pack -f pdf did not say its page numbers are exact"; }
! zip_part "$OUT/$STEM.docx" word/settings.xml | grep -q updateFields \
  || fail "the DOCX with exact pages still asks Word to update fields"
pass "pack -f docx,odt,pdf wrote all three; pages exact; no updateFields"

# Each document against its own layout: the DOCX as LibreOffice lays the
# DOCX out, the ODT against the published PDF and a fresh layout of itself.
to_pdf "$OUT/$STEM.docx" "$T/pdf/docx"
to_pdf "$OUT/$STEM.odt" "$T/pdf/odt"
"$PYTHON" "$HERE/check_pdf.py" pages "$OUT/$STEM.docx" "$T/pdf/docx/$STEM.pdf" \
  "$OUT/$STEM.odt" "$OUT/$STEM.pdf" "$T/pdf/odt/$STEM.pdf"
"$PYTHON" "$HERE/check_pages.py" "$OUT/$STEM.pdf" A B C D E F G
"$PYTHON" "$HERE/check_pdf.py" pack "$OUT/$STEM.pdf" "$OUT/$STEM.odt" \
  agendas/2026-06-17.md

# Minutes and tracker have no page references, but PDFs all the same.
"$SCR" minutes minutes/2026-04-14.md -o "$T/pdf/minutes" -f pdf -q
M=$T/pdf/minutes/CYPE-2026-04-14-minutes
[ -f "$M.pdf" ] && [ ! -e "$M.docx" ] && [ ! -e "$M.odt" ] \
  || fail "minutes -f pdf should write the PDF alone"
"$SCR" minutes minutes/2026-04-14.md -o "$T/pdf/minutes-odt" -f odt -q
"$PYTHON" "$HERE/check_pdf.py" doc "$M.pdf" \
  "$T/pdf/minutes-odt/CYPE-2026-04-14-minutes.odt" "214. " "224. "
"$PYTHON" "$HERE/check_minutes.py" "$M.pdf" minutes/2026-04-14.md 214
"$SCR" tracker --today 2026-09-09 -o "$T/pdf/tracker" -f odt,pdf,csv -q
TR=$T/pdf/tracker/CYPE-2026-09-09-tracker
[ -f "$TR.csv" ] || fail "tracker -f odt,pdf,csv lost the CSV"
"$PYTHON" "$HERE/check_pdf.py" doc "$TR.pdf" "$TR.odt" "Work programme" \
  "Action tracker"

# ---- without LibreOffice, or with one that is slow or fails -------------

sums() { (cd "$OUT" && ls -A && cat ./* | cksum); }
before=$(sums)
FAKE=$T/pdf/fake
mkdir -p "$FAKE"

# expect_unchanged NAME PATTERN [ENV...]: pack -f docx,odt,pdf under ENV
# exits 3 with a sentence matching PATTERN and changes nothing.
expect_unchanged() {
  name=$1 pattern=$2
  shift 2
  set +e
  env "$@" "$SCR" pack agendas/2026-06-17.md -o "$OUT" -f docx,odt,pdf \
    >"$T/pdf.stdout" 2>"$T/pdf.stderr"
  rc=$?
  set -e
  [ $rc = 3 ] || { cat "$T/pdf.stderr"; fail "$name: exit $rc, want 3"; }
  grep -q -- "$pattern" "$T/pdf.stderr" \
    || { cat "$T/pdf.stderr"; fail "$name: no sentence matching '$pattern'"; }
  [ ! -s "$T/pdf.stdout" ] || fail "$name: something was reported written"
  [ "$(sums)" = "$before" ] || fail "$name: the earlier outputs changed"
  [ -z "$(ls "$T/pdf/tmp")" ] || fail "$name: temporary files left behind"
  pass "$name: exit 3, earlier outputs unchanged, nothing left in TMPDIR"
}

expect_unchanged "no LibreOffice on PATH" \
  "^scrutineer: error: PDF output needs LibreOffice; install it with: apt-get install libreoffice-writer-nogui fonts-liberation fonts-noto-core fonts-noto-cjk fonts-crosextra-carlito fonts-crosextra-caladea$" \
  PATH=/nonexistent TMPDIR="$T/pdf/tmp"

# soffice starts soffice.bin: the fake starts a child too, and both must go.
printf '#!/bin/sh\nsleep 60 &\necho $! > "%s/child.pid"\nsleep 60\n' "$FAKE" \
  > "$FAKE/soffice"
chmod +x "$FAKE/soffice"
expect_unchanged "LibreOffice too slow" "made no PDF within 2 s" \
  PATH="$FAKE:$PATH" SCRUTINEER_PDF_TIMEOUT=2 TMPDIR="$T/pdf/tmp"
child=$(cat "$FAKE/child.pid")
state=$(cut -d' ' -f3 "/proc/$child/stat" 2>/dev/null || echo gone)
[ "$state" = gone ] || [ "$state" = Z ] || fail "LibreOffice's child $child survived the time limit"

printf '#!/bin/sh\necho "Error: source file could not be loaded"\n' > "$FAKE/soffice"
expect_unchanged "LibreOffice makes no PDF" "did not convert the .* document to PDF" \
  PATH="$FAKE:$PATH" TMPDIR="$T/pdf/tmp"
grep -q "source file could not be loaded" "$T/pdf.stderr" \
  || fail "LibreOffice's own words are not shown"

# A pdfinfo that cannot read LibreOffice's PDF: not published.
rm "$FAKE/soffice"
printf '#!/bin/sh\nexit 1\n' > "$FAKE/pdfinfo"
chmod +x "$FAKE/pdfinfo"
expect_unchanged "pdfinfo cannot read the PDF" "is not a PDF poppler can read" \
  PATH="$FAKE:$PATH" TMPDIR="$T/pdf/tmp"

# No pdfinfo to read the layout: the PDF still, with the estimate and
# updateFields in the DOCX, and a sentence saying so. The real soffice
# through a wrapper, alone on PATH.
rm "$FAKE/pdfinfo"
printf '#!/bin/sh\nPATH="%s" exec "%s" "$@"\n' "$PATH" "$(command -v soffice)" > "$FAKE/soffice"
chmod +x "$FAKE/soffice"
PATH="$FAKE" "$SCR" pack agendas/2026-06-17.md -o "$T/pdf/estimated" \
  -f docx,pdf >"$T/pdf.stdout" 2>"$T/pdf.stderr" || fail "pack without pdfinfo failed"
grep -q "page numbers: estimated; Word and LibreOffice update them" "$T/pdf.stdout" \
  || { cat "$T/pdf.stdout"; fail "pack without pdfinfo did not say its pages are estimated"; }
grep -q "warning: pdfinfo is not installed" "$T/pdf.stderr" || fail "no warning about pdfinfo"
zip_part "$T/pdf/estimated/$STEM.docx" word/settings.xml | grep -q '<w:updateFields w:val="true"/>' \
  || fail "estimated pages without updateFields"
[ -s "$T/pdf/estimated/$STEM.pdf" ] || fail "no PDF without pdfinfo"
pass "without pdfinfo: PDF written, pages estimated, DOCX updates fields"

# One layout: with the built-in house style LibreOffice lays out the ODT
# alone, whose pages the DOCX carries (one_layout_holds checks they agree);
# with a house template, whose own styles reach its format in full and the
# other only in part, each format asked for is laid out.
printf '#!/bin/sh\nfor a; do case $a in *.odt|*.docx) echo "${a##*/}" >>"%s/laid";; esac; done\nexec "%s" "$@"\n' \
  "$FAKE" "$(command -v soffice)" > "$FAKE/soffice"
chmod +x "$FAKE/soffice"
PATH="$FAKE:$PATH" "$SCR" pack agendas/2026-06-17.md -o "$T/pdf/one" -f docx,odt,pdf -q \
  || fail "pack -f docx,odt,pdf through the wrapper failed"
[ "$(cat "$FAKE/laid")" = "odt.odt" ] || fail "LibreOffice laid out $(cat "$FAKE/laid"), not the ODT alone"
rm "$FAKE/laid"
"$SCR" init "$T/pdf/house-ws" -q || fail "init exited $?"
PATH="$FAKE:$PATH" "$SCR" pack agendas/2026-06-17.md -o "$T/pdf/two" -f docx,odt,pdf -q \
  --template "$T/pdf/house-ws/templates/house.docx" \
  || fail "pack -f docx,odt,pdf with a house template failed"
[ "$(sort "$FAKE/laid" | tr '\n' ' ')" = "docx.docx odt.odt " ] \
  || fail "with a house template LibreOffice laid out $(cat "$FAKE/laid"), not both formats"
rm "$FAKE/laid"
pass "one layout with the built-in style (the ODT's); both with a house template"

# Without pdf, LibreOffice is never started.
printf '#!/bin/sh\ntouch "%s/ran"\n' "$FAKE" > "$FAKE/soffice"
chmod +x "$FAKE/soffice"
PATH="$FAKE:$PATH" "$SCR" pack agendas/2026-06-17.md -o "$T/pdf/plain" >"$T/pdf.stdout"
[ ! -e "$FAKE/ran" ] || fail "LibreOffice ran though no PDF was asked for"
grep -q "page numbers: estimated" "$T/pdf.stdout" || fail "plain pack did not say its pages are estimated"
[ ! -e "$T/pdf/plain/$STEM.pdf" ] || fail "a PDF was written though not asked for"
pass "without -f pdf: LibreOffice not run, pages estimated"
