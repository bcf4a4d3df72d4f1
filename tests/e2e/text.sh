#!/bin/sh
# Text the documents must not lose or mislay, read from LibreOffice's PDFs
# of the DOCX and the ODT as a reader reads them: raw HTML shown as the
# text it is (a <br> a line break, a comment nowhere at all); a `#slug`
# link going to its own report's heading, and one naming no heading shown
# as plain text, with check saying where; a report's title said once; no
# heading last on its page; "Page N" level with the footer's first line
# when a long name wraps; times written as the council writes them.
# Usage: text.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"

WS=$T/text-ws
OUT=$T/text-out
rm -rf "$WS" "$OUT" "$T/text-site"
mkdir -p "$WS"
cp -r "$ROOT/tests/fixtures/small/." "$WS/"
"$PYTHON" "$HERE/check_text.py" make "$WS"
cd "$WS"

"$SCR" check 2>"$T/text.err" || { cat "$T/text.err"; fail "check exited $?"; }
"$PYTHON" "$HERE/check_text.py" warnings "$WS" "$T/text.err"

"$SCR" pack agendas/2026-06-17.md -o "$OUT" -q 2>/dev/null \
  || fail "pack exited $?"
same_when_released "$T/text-released" pack agendas/2026-06-17.md -f docx,odt
pass "the pack is the same when its reports' trees are released and parsed again"
"$SCR" minutes minutes/2026-04-14.md -o "$OUT" -q 2>/dev/null \
  || fail "minutes exited $?"
# a date whose name makes the tracker's footer too long for one line
"$SCR" tracker --today 2026-09-30 -o "$OUT" -q 2>/dev/null \
  || fail "tracker exited $?"
"$SCR" site --today 2026-06-01 -f docx,odt -o "$T/text-site" -q 2>/dev/null \
  || fail "site exited $?"
"$PYTHON" "$HERE/check_text.py" site "$T/text-site/meeting-2026-06-17.html"

for fmt in docx odt; do
  mkdir -p "$T/text-pdf-$fmt"
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to pdf --outdir "$T/text-pdf-$fmt" "$OUT"/*."$fmt" \
    >/dev/null 2>&1 || fail "LibreOffice could not convert the $fmt files"
  "$PYTHON" "$HERE/check_text.py" pdf "$fmt" \
    "$T/text-pdf-$fmt/SC-2026-06-17-agenda-pack.pdf" \
    "$T/text-pdf-$fmt/SC-2026-04-14-minutes.pdf" \
    "$T/text-pdf-$fmt/SC-2026-09-30-tracker.pdf"
done
"$PYTHON" "$HERE/check_text.py" sentinels "$OUT" "$T/text-site" \
  "$T/text-pdf-docx" "$T/text-pdf-odt"
