#!/bin/sh
# End-to-end tests: build the sample committee's pack and check it as a
# reader would: the packages, python-docx and odfpy, the ODF schema, and
# LibreOffice's PDF page by page. Usage: tests/e2e/run.sh ./scrutineer
set -eu
SCR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PYTHON=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCHEMAS=${SCHEMAS:-$ROOT/tests/schemas/odf1.3}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "  ok    $*"; }

cd "$ROOT"
"$SCR" pack agendas/2026-06-17.md -o "$T/out" -q || fail "pack exited $?"
DOCX=$T/out/CYPE-2026-06-17-agenda-pack.docx
ODT=$T/out/CYPE-2026-06-17-agenda-pack.odt
[ -f "$DOCX" ] && [ -f "$ODT" ] || fail "pack did not write both documents"
pass "pack wrote $(basename "$DOCX") and $(basename "$ODT")"

"$PYTHON" "$HERE/check_package.py" "$DOCX" "$ODT"

# The ODT's parts validate against the ODF 1.3 schema (jing needs -i).
mkdir "$T/odt"
"$PYTHON" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
  "$ODT" "$T/odt"
for part in content.xml styles.xml meta.xml; do
  jing -i "$SCHEMAS/OpenDocument-v1.3-schema.rng" "$T/odt/$part" \
    || fail "$part does not validate against ODF 1.3"
done
jing -i "$SCHEMAS/OpenDocument-v1.3-manifest-schema.rng" \
  "$T/odt/META-INF/manifest.xml" || fail "manifest.xml does not validate"
pass "ODT content, styles, meta and manifest validate against ODF 1.3"

# LibreOffice lays both out; each appendix starts where the front sheet says.
for doc in "$DOCX" "$ODT"; do
  fmt=${doc##*.}
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to pdf --outdir "$T/pdf-$fmt" "$doc" >/dev/null 2>&1 \
    || fail "LibreOffice could not convert $(basename "$doc")"
  "$PYTHON" "$HERE/check_pages.py" \
    "$T/pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf" A B C D E F G
  # Appendix A, the minutes of the last meeting, in the minutes layout
  "$PYTHON" "$HERE/check_minutes.py" \
    "$T/pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf" minutes/2026-04-14.md 214
done
sh "$HERE/minutes.sh" "$SCR" "$T"
sh "$HERE/tracker.sh" "$SCR" "$T"
sh "$HERE/template.sh" "$SCR" "$T"
sh "$HERE/bad_input.sh" "$SCR" "$T"
echo "e2e: all passed"
