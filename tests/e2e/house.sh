#!/bin/sh
# House templates made by the applications councils use: a DOCX and an ODT
# LibreOffice saved from a document with outline-numbered headings, and the
# Word template python3-docx ships, edited with python-docx (serif body,
# coloured headings, 2.5 cm margins, a logo in its header). With each, the
# sample pack is built in DOCX and ODT and LibreOffice lays both out; from
# the documents and their PDFs: every style named is defined, no bullet or
# number before any heading and each at the body's left edge, the tables
# drawn with borders; and the format the template styles wears its body
# font (embedded) and heading colour. Usage: house.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
H=$T/house
"$PYTHON" "$HERE/make_house_templates.py" "$H"
for fmt in docx odt; do
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to "$fmt" --outdir "$H" "$H/numbered.fodt" \
    >/dev/null 2>&1 || fail "LibreOffice could not save numbered.fodt as $fmt"
done
# what is to be repaired is there: LibreOffice numbers the heading styles
zip_part "$H/numbered.docx" word/styles.xml | grep -q '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>' \
  || fail "LibreOffice's DOCX does not number its heading styles"
zip_part "$H/numbered.odt" styles.xml | grep -q 'text:level="1"[^>]*style:num-format="1"' \
  || fail "LibreOffice's ODT does not number its headings"
pass "LibreOffice saved numbered.docx and numbered.odt with numbered headings"

CHECK="$PYTHON $HERE/check_house.py"
TABLE_CELL="Establish Carers Improvement Plan"

# house_pack NAME TEMPLATE STYLED COLOUR PATTERN: the sample pack in DOCX
# and ODT with TEMPLATE, its warnings matching PATTERN, laid out by
# LibreOffice and checked; STYLED is the format the template styles, whose
# PDF has the template's body font and heading colour.
house_pack() {
  out=$T/house-$1
  "$SCR" pack agendas/2026-06-17.md -o "$out" -q -f docx,odt --template "$2" \
    2>"$T/house-$1.err" || { cat "$T/house-$1.err"; fail "pack --template $1 exited $?"; }
  grep -Eq "$5" "$T/house-$1.err" || { cat "$T/house-$1.err"; fail "$1: no warning matching $5"; }
  for doc in "$out"/*.docx "$out"/*.odt; do
    to_pdf "$doc" "$out/pdf-${doc##*.}"
  done
  $CHECK styles "$out"/*.docx "$out"/*.odt || fail "$1: a style named is not defined"
  for fmt in docx odt; do
    pdf=$(ls "$out/pdf-$fmt"/*.pdf)
    $CHECK headings "$out"/*."$fmt" "$pdf" || fail "$1: the $fmt's headings"
    $CHECK borders "$pdf" "$TABLE_CELL" || fail "$1: the $fmt's tables"
  done
  pdf=$(ls "$out/pdf-$3"/*.pdf)
  $CHECK fonts "$pdf" "Liberation Serif" || fail "$1: the $3 lacks the template's body font"
  $CHECK colour "$pdf" "$4" || fail "$1: the $3's headings are not the template's colour"
  pass "--template $1: the pack in DOCX and ODT, laid out by LibreOffice"
}

house_pack numbered.docx "$H/numbered.docx" docx 006600 \
  "numbered.docx: warning: word/styles.xml gives list numbering to styles the documents use \\(Heading 1, Heading 2, Heading 3\\)"
grep -q "TextBody as Body Text" "$T/house-numbered.docx.err" \
  || fail "numbered.docx: Body Text is not taken from LibreOffice's TextBody"
house_pack numbered.odt "$H/numbered.odt" odt 006600 \
  "numbered.odt: warning: styles.xml numbers the headings \\(outline levels 1, 2, 3\\)"
grep -q "Text body as Body Text" "$T/house-numbered.odt.err" \
  || fail "numbered.odt: Body Text is not taken from LibreOffice's Text body"
house_pack word.docx "$H/word.docx" docx 7B1FA2 \
  "word.docx: warning: word/styles.xml lacks styles the documents use"
