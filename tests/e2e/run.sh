#!/bin/sh
# End-to-end tests: build the sample committee's pack and check it as a
# reader would: the packages, python-docx and odfpy, the ODF schema, and
# LibreOffice's PDF page by page. Usage: tests/e2e/run.sh ./scrutineer
set -eu
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cd "$ROOT"
"$SCR" pack agendas/2026-06-17.md -o "$T/out" -q || fail "pack exited $?"
DOCX=$T/out/CYPE-2026-06-17-agenda-pack.docx
ODT=$T/out/CYPE-2026-06-17-agenda-pack.odt
[ -f "$DOCX" ] && [ -f "$ODT" ] || fail "pack did not write both documents"
pass "pack wrote $(basename "$DOCX") and $(basename "$ODT")"

"$PYTHON" "$HERE/check_package.py" "$DOCX" "$ODT"
same_when_released "$T/released" pack agendas/2026-06-17.md -f docx,odt
pass "the pack is the same when its reports' trees are released and parsed again"

validate_odt "$ODT" "$T/odt"
pass "ODT content, styles, meta and manifest validate against ODF 1.3"

# LibreOffice lays both out; each appendix starts where the front sheet says.
for doc in "$DOCX" "$ODT"; do
  fmt=${doc##*.}
  to_pdf "$doc" "$T/pdf-$fmt"
  "$PYTHON" "$HERE/check_pages.py" \
    "$T/pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf" A B C D E F G
  "$PYTHON" "$HERE/check_front.py" \
    "$T/pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf" \
    "$(sed -n 's/^signatory: //p' agendas/committee.md)"
  # Appendix A, the minutes of the last meeting, in the minutes layout
  "$PYTHON" "$HERE/check_minutes.py" \
    "$T/pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf" minutes/2026-04-14.md 214
done
# ... and alike: every appendix on the same page, every word in its place.
"$PYTHON" "$HERE/check_alike.py" pages \
  "$T/pdf-docx/CYPE-2026-06-17-agenda-pack.pdf" \
  "$T/pdf-odt/CYPE-2026-06-17-agenda-pack.pdf" A B C D E F G
# With PDF, LibreOffice lays out the ODT alone, and the DOCX carries its
# pages; LibreOffice's layout of that DOCX must agree (here for the sample,
# and for each fixture pack in the scripts below).
"$SCR" pack agendas/2026-06-17.md -o "$T/one" -f docx,odt,pdf -q \
  || fail "pack -f docx,odt,pdf exited $?"
one_layout_holds "$T/one/CYPE-2026-06-17-agenda-pack.docx" "$T/carried"
(cd tests/fixtures/small && "$SCR" pack agendas/2026-06-17.md -o "$T/one-small" \
  -f docx,odt,pdf -q) || fail "pack -f docx,odt,pdf of the small committee exited $?"
one_layout_holds "$T/one-small/SC-2026-06-17-agenda-pack.docx" "$T/carried-small"
sh "$HERE/alike.sh" "$SCR" "$T"
sh "$HERE/minutes.sh" "$SCR" "$T"
sh "$HERE/tracker.sh" "$SCR" "$T"
sh "$HERE/template.sh" "$SCR" "$T"
sh "$HERE/house.sh" "$SCR" "$T"
sh "$HERE/a11y.sh" "$SCR" "$T"
sh "$HERE/pdf.sh" "$SCR" "$T"
sh "$HERE/office.sh" "$SCR" "$T"
sh "$HERE/scripts.sh" "$SCR" "$T"
sh "$HERE/site.sh" "$SCR" "$T"
sh "$HERE/exempt.sh" "$SCR" "$T"
sh "$HERE/tables.sh" "$SCR" "$T"
sh "$HERE/notes.sh" "$SCR" "$T"
sh "$HERE/reports.sh" "$SCR" "$T"
sh "$HERE/text.sh" "$SCR" "$T"
sh "$HERE/pdf_appendix.sh" "$SCR" "$T"
sh "$HERE/fields.sh" "$SCR" "$T"
sh "$HERE/init.sh" "$SCR" "$T"
sh "$HERE/council.sh" "$SCR" "$T"
sh "$HERE/council_site.sh" "$SCR" "$T"

# Every DOCX the tests above built (named SHORT-YYYY-MM-DD-...), against
# the ECMA-376 Transitional schemas, with Word's order of run properties.
# Those of house.sh carry the styles Word and LibreOffice saved, with their
# extensions (mc:Ignorable, w14:), which those schemas do not describe;
# house.sh checks their styles itself.
find "$T" -path "$T/house-*" -prune -o \
  -name '*-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*.docx' -print \
  >"$T/docx-built"
[ "$(wc -l <"$T/docx-built")" -ge 10 ] || fail "too few DOCX built to check"
# shellcheck disable=SC2046
"$PYTHON" "$HERE/check_docx.py" "$ROOT/tests/schemas/ooxml-transitional" \
  $(cat "$T/docx-built") || fail "a DOCX does not validate"
# ... and, with every ODT, names only styles it defines
find "$T" -name '*-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*.odt' \
  >"$T/odt-built"
# shellcheck disable=SC2046
"$PYTHON" "$HERE/check_house.py" styles $(cat "$T/docx-built" "$T/odt-built") \
  || fail "a document names a style it does not define"
echo "e2e: all passed"
