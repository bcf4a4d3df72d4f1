#!/bin/sh
# Every script a council publishes in, read back from the PDF. A pack of
# the small committee gets three more reports (tests/fixtures/scripts/): one
# with a paragraph in each of Welsh, Polish, Romanian, Gujarati, Punjabi in
# Gurmukhi and in Shahmukhi, Urdu, Bengali, Arabic, Somali, Tigrinya, Farsi,
# Sorani Kurdish, Pashto, Tamil, Ukrainian and Chinese, saying no language;
# one in Urdu (language: ur) with a table, and one in Punjabi written in
# Shahmukhi (language: pa-Arab). Both documents are validated, converted to
# PDF by LibreOffice, and tests/e2e/check_scripts.py reads each PDF: the
# Noto face of every script embedded and drawing its letters (Nastaliq for
# Urdu and Shahmukhi), every character in the text layer, right-to-left
# paragraphs and cells aligned right. The pack's own PDF (made from the
# ODT) is tagged: each element's language is read from its structure tree.
#
# Skips, saying so, only when LibreOffice is not installed; the fonts are
# the PDF dependencies' (make pdf-deps), and without them it fails.
# Usage: scripts.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

if ! command -v soffice >/dev/null; then
  echo "  skip  scripts: LibreOffice (soffice) is not installed; make pdf-deps installs it"
  exit 0
fi
for family in "Noto Sans Gujarati" "Noto Sans Gurmukhi" "Noto Sans Bengali" \
  "Noto Sans Tamil" "Noto Sans Ethiopic" "Noto Naskh Arabic" \
  "Noto Nastaliq Urdu" "Noto Sans CJK SC"; do
  fc-list "$family" family | grep -q . ||
    fail "the font $family is not installed: make pdf-deps installs fonts-noto-core and fonts-noto-cjk"
done

S=$T/scripts
WS=$S/ws
rm -rf "$S"
mkdir -p "$S"
cp -r "$ROOT/tests/fixtures/small" "$WS"
cp "$ROOT"/tests/fixtures/scripts/*.md "$WS/agendas/2026-06-17/"
cat >>"$WS/agendas/2026-06-17.md" <<'EOF'

## This report in other languages

[Appendix](2026-06-17/other-languages.md)

## Urdu

[Appendix](2026-06-17/urdu.md)

## Punjabi (Shahmukhi)

[Appendix](2026-06-17/shahmukhi.md)
EOF

(cd "$WS" && "$SCR" check . 2>"$S/check.stderr") ||
  { cat "$S/check.stderr"; fail "the pack in every script does not check"; }
! grep -q ": warning: " "$S/check.stderr" ||
  { cat "$S/check.stderr"; fail "the pack in every script has warnings"; }
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -o "$S/out" -f docx,odt,pdf -q) ||
  fail "pack of every script exited $?"
STEM=$S/out/SC-2026-06-17-agenda-pack
one_layout_holds "$STEM.docx" "$S/carried"
validate_odt "$STEM.odt" "$S/odt"
pass "the pack in every script: ODT validates against ODF 1.3"

# The published, tagged PDF: each script's text in its language, Shahmukhi
# Punjabi as LibreOffice names it (pnb), text of a script that does not say
# its language undetermined (und), and none in a language it is not in.
"$PYTHON" "$HERE/check_scripts.py" languages "$STEM.pdf" \
  gu pa bn ta ur pnb und -- zh-CN ||
  fail "the tagged PDF gives text a language it is not in"

# The appendices: D every script, E Urdu, F Shahmukhi.
FIX=$ROOT/tests/fixtures/scripts
for fmt in docx odt; do
  to_pdf "$STEM.$fmt" "$S/pdf-$fmt"
  "$PYTHON" "$HERE/check_scripts.py" "$S/pdf-$fmt/SC-2026-06-17-agenda-pack.pdf" \
    "--doc=$STEM.$fmt" "D=$FIX/other-languages.md" "E=$FIX/urdu.md" "F=$FIX/shahmukhi.md" ||
    fail "the $fmt's PDF does not show every script as written"
done
