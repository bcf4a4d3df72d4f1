#!/bin/sh
# The minutes: built in both formats, opened by python-docx and odfpy,
# validated against ODF 1.3, rendered by LibreOffice and read back; the
# action list names every action with its source line.
# Usage: minutes.sh SCRUTINEER TMPDIR
set -eu
SCR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$2
PYTHON=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCHEMAS=$ROOT/tests/schemas/odf1.3
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$ROOT"
"$SCR" minutes minutes/2026-04-14.md -o "$T/minutes" -q
STEM=$T/minutes/CYPE-2026-04-14-minutes
"$PYTHON" "$HERE/check_package.py" "$STEM.docx" "$STEM.odt" 0
mkdir -p "$T/minutes/odt"
"$PYTHON" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
  "$STEM.odt" "$T/minutes/odt"
for part in content.xml styles.xml meta.xml; do
  jing -i "$SCHEMAS/OpenDocument-v1.3-schema.rng" "$T/minutes/odt/$part" \
    || fail "minutes $part does not validate against ODF 1.3"
done
echo "  ok    minutes ODT validates against ODF 1.3"
for fmt in docx odt; do
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to pdf --outdir "$T/minutes/pdf-$fmt" "$STEM.$fmt" \
    >/dev/null 2>&1 || fail "LibreOffice could not convert the minutes ($fmt)"
  "$PYTHON" "$HERE/check_minutes.py" \
    "$T/minutes/pdf-$fmt/CYPE-2026-04-14-minutes.pdf" minutes/2026-04-14.md 214
done

"$SCR" minutes --actions > "$T/actions.tsv"
grep -q "^222.1	2026-04-14	2026-09-08		minutes/2026-04-14.md:[0-9]*	An update on the Schools White Paper" \
  "$T/actions.tsv" || { cat "$T/actions.tsv"; fail "action 222.1 is not listed as due 2026-09-08"; }
[ "$(grep -c '^2[0-9][0-9]\.[0-9]' "$T/actions.tsv")" -ge 4 ] \
  || fail "fewer than four actions listed"
echo "  ok    minutes --actions lists $(($(wc -l < "$T/actions.tsv") - 1)) actions with due meetings and sources"
