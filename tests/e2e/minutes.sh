#!/bin/sh
# The minutes: built in both formats, opened by python-docx and odfpy,
# validated against ODF 1.3, rendered by LibreOffice and read back; the
# action list names every action with its source line.
# Usage: minutes.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$SCR" minutes minutes/2026-04-14.md -o "$T/minutes" -q
STEM=$T/minutes/CYPE-2026-04-14-minutes
"$PYTHON" "$HERE/check_package.py" "$STEM.docx" "$STEM.odt" 0
validate_odt "$STEM.odt" "$T/minutes/odt"
pass "minutes ODT validates against ODF 1.3"
for fmt in docx odt; do
  to_pdf "$STEM.$fmt" "$T/minutes/pdf-$fmt"
  "$PYTHON" "$HERE/check_minutes.py" \
    "$T/minutes/pdf-$fmt/CYPE-2026-04-14-minutes.pdf" minutes/2026-04-14.md 214
done

"$SCR" minutes --actions > "$T/actions.tsv"
grep -q "^222.1	2026-04-14	2026-09-08		minutes/2026-04-14.md:[0-9]*	An update on the Schools White Paper" \
  "$T/actions.tsv" || { cat "$T/actions.tsv"; fail "action 222.1 is not listed as due 2026-09-08"; }
[ "$(grep -c '^2[0-9][0-9]\.[0-9]' "$T/actions.tsv")" -ge 4 ] \
  || fail "fewer than four actions listed"
echo "  ok    minutes --actions lists $(($(wc -l < "$T/actions.tsv") - 1)) actions with due meetings and sources"
