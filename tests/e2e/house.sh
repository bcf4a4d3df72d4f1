#!/bin/sh
# House templates made by the applications councils use: a DOCX and an ODT
# LibreOffice saved from a document with outline-numbered headings, 2.2 cm
# margins and a logo in its first page's header, and the Word template
# python3-docx ships, edited with python-docx (serif body, coloured
# headings, 2.5 cm margins, a logo in its header on every page). With
# each, the sample pack is built in DOCX and ODT and LibreOffice lays both
# out; from the documents and their PDFs: every style named is defined, no
# bullet or number before any heading and each at the body's left edge,
# the tables drawn with borders; and both formats, whichever the template
# is, wear its house style: its fonts (embedded), heading colour, margins
# and logo. Usage: house.sh SCRUTINEER TMPDIR
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
LOGO="240 80"

# house_pack NAME TEMPLATE PATTERN COLOUR MARGIN_MM LOGO_PAGES FONT...: the
# sample pack in DOCX and ODT with TEMPLATE, its warnings matching PATTERN,
# laid out by LibreOffice and checked. Whichever format the template is,
# both PDFs wear its house style: the FONTs embedded, headings in COLOUR,
# the body MARGIN_MM from the left edge, the logo on "every" page or the
# "first" alone; and in both no heading is numbered, every table has
# borders, every style named is defined.
house_pack() {
  name=$1 tpl=$2 warned=$3 colour=$4 margin=$5 where=$6
  shift 6
  out=$T/house-$name
  "$SCR" pack agendas/2026-06-17.md -o "$out" -q -f docx,odt --template "$tpl" \
    2>"$T/house-$name.err" || { cat "$T/house-$name.err"; fail "pack --template $name exited $?"; }
  grep -Eq "$warned" "$T/house-$name.err" || { cat "$T/house-$name.err"; fail "$name: no warning matching $warned"; }
  for doc in "$out"/*.docx "$out"/*.odt; do
    to_pdf "$doc" "$out/pdf-${doc##*.}"
  done
  $CHECK styles "$out"/*.docx "$out"/*.odt || fail "$name: a style named is not defined"
  for fmt in docx odt; do
    pdf=$(ls "$out/pdf-$fmt"/*.pdf)
    $CHECK headings "$out"/*."$fmt" "$pdf" || fail "$name: the $fmt's headings"
    $CHECK borders "$pdf" "$TABLE_CELL" || fail "$name: the $fmt's tables"
    $CHECK fonts "$pdf" "$@" || fail "$name: the $fmt lacks the template's fonts"
    $CHECK colour "$pdf" "$colour" || fail "$name: the $fmt's headings are not the template's colour"
    $CHECK margin "$pdf" "$margin" || fail "$name: the $fmt's margin is not the template's"
    $CHECK logo "$pdf" $LOGO "$where" || fail "$name: the $fmt's logo"
  done
  pass "--template $name: the pack in DOCX and ODT, laid out by LibreOffice, in its house style"
}

house_pack numbered.docx "$H/numbered.docx" \
  "numbered.docx: warning: word/styles.xml gives list numbering to styles the documents use \\(Heading 1, Heading 2, Heading 3\\)" \
  006600 22 first "Liberation Serif" "Liberation Sans"
grep -q "TextBody as Body Text" "$T/house-numbered.docx.err" \
  || fail "numbered.docx: Body Text is not taken from LibreOffice's TextBody"
house_pack numbered.odt "$H/numbered.odt" \
  "numbered.odt: warning: styles.xml numbers the headings \\(outline levels 1, 2, 3\\)" \
  006600 22 first "Liberation Serif" "Liberation Sans"
grep -q "Text body as Body Text" "$T/house-numbered.odt.err" \
  || fail "numbered.odt: Body Text is not taken from LibreOffice's Text body"
# Word's headings are in its theme's major font, Calibri: Carlito on the page
house_pack word.docx "$H/word.docx" \
  "word.docx: warning: word/styles.xml lacks styles the documents use" \
  7B1FA2 25 every "Liberation Serif" "Carlito"
