#!/bin/sh
# PDFs as appendices, made by the programs councils make them with: a 16:9
# slide deck Chromium printed, a two-page A4 letter LibreOffice exported, a
# scan Pillow saved with no text layer and an A1 site plan from Chromium
# (over Word's largest page, so scaled to 22 in), then a Markdown report.
# In the pack's PDF each is a heading page and the PDF's own pages, in
# their own sizes, vector, their text selectable, scaled to leave the
# footer its band; the front sheet, the outline and every page's "Page N"
# agree. In the DOCX and ODT each page is a PNG of 150 dpi or more, on a
# page of its size, its alt text the page's text (a scan's says it has
# none, and check warns of it); LibreOffice lays the DOCX and the ODT out
# with every appendix on the pack PDF's page.
# Usage: pdf_appendix.sh SCRUTINEER TMPDIR
set -eu
. "$(dirname "$0")/lib.sh"
T=$2/pdf-appendix
mkdir -p "$T"
SRC=$T/src
CHECK="$PYTHON $HERE/check_pdf_appendix.py"
"$PYTHON" "$HERE/make_pdfs.py" "$SRC" deck.pdf letter.pdf scan.pdf plan.pdf \
  || fail "making the PDFs"
! pdfinfo "$SRC/scan.pdf" | grep -q '^Title:' \
  || fail "scan.pdf has an Info /Title; its appendix is to be named by its stem"
pass "Chromium printed deck.pdf and plan.pdf, LibreOffice exported letter.pdf, Pillow saved scan.pdf"

WS=$T/ws
rm -rf "$WS" && cp -r "$ROOT/tests/fixtures/small" "$WS"
D=$WS/agendas/2026-06-17
cp "$SRC/deck.pdf" "$SRC/letter.pdf" "$SRC/scan.pdf" "$SRC/plan.pdf" "$D/"
cat >"$D/after.md" <<'MD'
---
title: Budget consultation plan
---
# The plan

Officers will consult on the budget from July, as the briefing sets out.
MD
cat >>"$WS/agendas/2026-06-17.md" <<'MD'

## Budget briefing

Members are asked to note the slides.

[Appendix](2026-06-17/deck.pdf)

## Letter from the Schools Forum

[Appendix](2026-06-17/letter.pdf)

## Signed petition

The petition as it was handed in: [Appendix](2026-06-17/scan.pdf).

## School expansion

[Appendix](2026-06-17/plan.pdf)

## Budget consultation

[Appendix](2026-06-17/after.md)
MD
# the letters: A minutes, B report.md, C work programme, then ours
SPEC="D:$SRC/deck.pdf E:$SRC/letter.pdf F:$SRC/scan.pdf G:$SRC/plan.pdf"
LABELS="A B C D E F G H"
cd "$WS"

# The PDF libraries are loaded when a PDF is first read, not at start-up:
# a workspace of Markdown only never loads them.
! objdump -p "$SCR" | grep -q 'NEEDED.*\(qpdf\|poppler\|cairo\)' \
  || fail "the program links the PDF libraries: $(objdump -p "$SCR" | grep NEEDED)"
LD_DEBUG=files "$SCR" check "$ROOT/tests/fixtures/small" >"$T/ld.txt" 2>&1 \
  || fail "check of the small fixture exited $?"
! grep -q 'file=libqpdf\|file=libpoppler' "$T/ld.txt" \
  || fail "a workspace without PDFs loads the PDF libraries"
LD_DEBUG=files "$SCR" check . >"$T/ld.txt" 2>&1 || fail "check exited $?"
grep -q 'file=libqpdf' "$T/ld.txt" && grep -q 'file=libpoppler-glib' "$T/ld.txt" \
  || fail "a workspace with PDF appendices does not load qpdf and poppler-glib"
pass "qpdf and poppler are loaded only when a PDF is read"

"$SCR" check . >"$T/check.txt" 2>&1 || fail "check exited $?: $(cat "$T/check.txt")"
grep -q 'warning: .*2026-06-17/scan\.pdf\|scan\.pdf: warning: ' "$T/check.txt" \
  || fail "check does not warn that scan.pdf is not accessible: $(cat "$T/check.txt")"
! grep -q 'warning: .*\(deck\|letter\|plan\)\.pdf\|\(deck\|letter\|plan\)\.pdf: warning: ' "$T/check.txt" \
  || fail "check warns of a PDF with text: $(cat "$T/check.txt")"
! grep '\.pdf' "$T/check.txt" | grep -q "front matter\|'# Title'" \
  || fail "check asks a PDF for front matter or a Markdown heading: $(cat "$T/check.txt")"
pass "check warns of scan.pdf, which has no text, and not of the PDFs with text"

"$SCR" pack agendas/2026-06-17.md -f docx,odt,pdf -o "$T/out" -q 2>"$T/pack.err" \
  || fail "pack exited $?: $(cat "$T/pack.err")"
PACK=$T/out/SC-2026-06-17-agenda-pack
one_layout_holds "$PACK.docx" "$T/carried"
for ext in docx odt pdf; do
  [ -s "$PACK.$ext" ] || fail "pack did not write $(basename "$PACK").$ext"
done
pass "pack -f docx,odt,pdf wrote all three"

# shellcheck disable=SC2086
"$PYTHON" "$HERE/check_pages.py" "$PACK.pdf" $LABELS || fail "the pack PDF's page ranges"
# shellcheck disable=SC2086
$CHECK pdf "$PACK.pdf" $SPEC || fail "the pack PDF's PDF appendices"
# shellcheck disable=SC2086
$CHECK docx "$PACK.docx" $SPEC || fail "the DOCX's pictures of the PDF pages"
# shellcheck disable=SC2086
$CHECK odt "$PACK.odt" $SPEC || fail "the ODT's pictures of the PDF pages"

$CHECK opens "$PACK.docx" "$PACK.odt" 8 || fail "python-docx and odfpy on the pack"
validate_odt "$PACK.odt" "$T/odt"
pass "the ODT validates against ODF 1.3"
"$PYTHON" "$HERE/check_docx.py" "$ROOT/tests/schemas/ooxml-transitional" "$PACK.docx" \
  || fail "the DOCX does not validate"

# LibreOffice lays out the DOCX and the ODT: every appendix where the pack's
# PDF has it, the front sheet's page numbers as cached
to_pdf "$PACK.docx" "$T/lo-docx"
to_pdf "$PACK.odt" "$T/lo-odt"
for fmt in docx odt; do
  laid=$T/lo-$fmt/$(basename "$PACK").pdf
  # shellcheck disable=SC2086
  "$PYTHON" "$HERE/check_pages.py" "$laid" $LABELS || fail "LibreOffice's PDF of the $fmt"
  # shellcheck disable=SC2086
  $CHECK layout "$PACK.pdf" "$laid" $SPEC || fail "LibreOffice's layout of the $fmt"
done
"$PYTHON" "$HERE/check_pdf.py" pages "$PACK.docx" "$T/lo-docx/$(basename "$PACK").pdf" \
  "$PACK.odt" "$T/lo-odt/$(basename "$PACK").pdf" "$PACK.pdf" \
  || fail "the page numbers cached in the DOCX and ODT"

# The site offers each PDF appendix of the public pack beside it, the file
# as received, linked from its meeting's page.
"$SCR" site --today 2026-06-01 -o "$T/site" -f docx -q >/dev/null 2>&1 \
  || fail "site did not build"
PAGE=$T/site/meeting-2026-06-17.html
for label in D E F G; do
  got=$T/site/SC-2026-06-17-agenda-pack-appendix-$label.pdf
  [ -f "$got" ] || fail "the site does not offer Appendix $label's PDF"
  grep -q "href=\"SC-2026-06-17-agenda-pack-appendix-$label.pdf\"" "$PAGE" \
    || fail "the meeting's page does not link Appendix $label's PDF"
done
cmp -s "$T/site/SC-2026-06-17-agenda-pack-appendix-D.pdf" "$D/deck.pdf" \
  || fail "the site's Appendix D is not deck.pdf as received"
pass "the site offers each PDF appendix as received, linked from its meeting"

# A PDF linked from an exempt item is in neither the public pack nor the
# site: no file of the site is it.
qpdf --empty --pages "$D/letter.pdf" 2 -- "$D/confidential.pdf" \
  || fail "qpdf could not make confidential.pdf"
printf '\n## Staffing {exempt=1}\n\n[Appendix](2026-06-17/confidential.pdf)\n' \
  >>"$WS/agendas/2026-06-17.md"
"$SCR" site --today 2026-06-01 -o "$T/site" -f docx -q >/dev/null 2>&1 \
  || fail "site did not build with an exempt PDF"
for f in "$T"/site/*; do
  ! cmp -s "$f" "$D/confidential.pdf" || fail "the site publishes the exempt PDF as $f"
done
[ "$(ls "$T"/site/*-appendix-*.pdf | wc -l)" -eq 4 ] \
  || fail "the site offers another PDF than the four public ones"
pass "an exempt PDF appendix is not offered by the site"

# An item made exempt after its PDF was published: the site withdraws the
# PDF it offered.
sed 's/^## Letter from the Schools Forum$/& {exempt=1}/' \
  "$WS/agendas/2026-06-17.md" >"$T/agenda.md" && mv "$T/agenda.md" "$WS/agendas/2026-06-17.md"
grep -q '^## Letter from the Schools Forum {exempt=1}$' "$WS/agendas/2026-06-17.md" \
  || fail "the letter's item is not made exempt"
"$SCR" site --today 2026-06-01 -o "$T/site" -f docx -q >/dev/null 2>&1 \
  || fail "site did not build with the letter exempt"
[ ! -e "$T/site/SC-2026-06-17-agenda-pack-appendix-E.pdf" ] \
  || fail "the site still offers the letter, now exempt"
for f in "$T"/site/*; do
  ! cmp -s "$f" "$D/letter.pdf" || fail "the site still publishes the letter as $f"
done
[ -f "$T/site/SC-2026-06-17-agenda-pack-appendix-D.pdf" ] \
  || fail "the site withdrew the deck, which is still public"
pass "a PDF appendix whose item is made exempt is withdrawn from the site"
