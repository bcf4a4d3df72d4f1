#!/bin/sh
# Bad input: each case exits with the documented status, names the file
# and line, and leaves the pack already in the output folder untouched.
# Usage: bad_input.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"

WS=$T/ws
rm -rf "$WS"
mkdir -p "$WS"
cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/"
cd "$WS"
"$SCR" pack agendas/2026-06-17.md -o out -q || fail "clean build failed"
sums() { (cd out && ls -A && cat ./* | cksum); }
before=$(sums)
cp agendas/2026-06-17.md "$T/agenda.orig"

# case NAME STATUS PATTERN: run pack on the edited workspace and check.
case_() {
  name=$1 status=$2 pattern=$3
  shift 3
  set +e
  "$SCR" pack agendas/2026-06-17.md -o out -q "$@" 2>"$T/stderr"
  got=$?
  set -e
  [ "$got" = "$status" ] || { cat "$T/stderr"; fail "$name: exit $got, want $status"; }
  grep -Eq -- "$pattern" "$T/stderr" || { cat "$T/stderr"; fail "$name: no diagnostic matching $pattern"; }
  [ "$(sums)" = "$before" ] || fail "$name: the earlier pack was changed"
  cp "$T/agenda.orig" agendas/2026-06-17.md
  echo "  ok    bad input: $name (exit $got)"
}

# Append an item whose text is $1 to the agenda.
add_item() { printf '\n## Extra item\n\n%s\n' "$1" >> agendas/2026-06-17.md; }
last_line() { wc -l < agendas/2026-06-17.md | tr -d ' '; }

add_item '[Appendix](2026-06-17/missing.md)'
case_ "missing appendix" 1 "^agendas/2026-06-17.md:$(last_line):1: error: appendix target '2026-06-17/missing.md' not found"

add_item '[Appendix](2026-06-17)'
case_ "appendix is a folder" 1 "^agendas/2026-06-17.md:$(last_line):1: error: .*is a folder"

add_item '[Appendix](/etc/hostname)'
case_ "absolute appendix path" 1 "^agendas/2026-06-17.md:$(last_line):1: error: .*absolute path"

add_item '[Appendix](../../../../../../../../etc/hostname)'
case_ "appendix outside the workspace" 1 "^agendas/2026-06-17.md:$(last_line):1: error: .*outside the workspace"

ln -s /etc/hostname agendas/2026-06-17/escape.md
add_item '[Appendix](2026-06-17/escape.md)'
case_ "symlink out of the workspace" 1 "^agendas/2026-06-17.md:$(last_line):1: error: .*outside the workspace"
rm agendas/2026-06-17/escape.md

add_item '![Chart](2026-06-17/no-such-chart.png)'
case_ "missing image" 1 "^agendas/2026-06-17.md:$(last_line):1: error: image target .*not found"

printf 'not an image' > "$T/fake.png"
cp "$T/fake.png" agendas/2026-06-17/fake.png
add_item '![Chart](2026-06-17/fake.png)'
case_ "image that is not an image" 1 "^agendas/2026-06-17.md:$(last_line):1: error: .*not a PNG or JPEG"
rm agendas/2026-06-17/fake.png

sed -i 's/^date: 2026-06-17/date: 2026-02-30/' agendas/2026-06-17.md
case_ "impossible date" 1 "^agendas/2026-06-17.md:2:7: error: '2026-02-30' is not a date"

sed -i 's/^time: "17:30"/time: "25:00"/' agendas/2026-06-17.md
case_ "impossible time" 1 "^agendas/2026-06-17.md:3:7: error: '25:00' is not a time"

sed -i '1d' agendas/2026-06-17.md
case_ "no front matter" 1 "^agendas/2026-06-17.md:1:1: error: missing front matter"

sed -i 's/^## Petitions$/## Petitions {exempt=3}/' agendas/2026-06-17.md
line=$(grep -n '^## Petitions' agendas/2026-06-17.md | cut -d: -f1)
case_ "exempt item (not yet publishable safely)" 1 "^agendas/2026-06-17.md:$line:1: error: exempt items"

printf 'PK\003\004 not really a zip' > "$T/bad.docx"
case_ "template that is not a zip" 1 "bad.docx: error: template is not a zip" --template "$T/bad.docx"

case_ "unknown format" 2 "unknown format" -f docx,rtf
case_ "unwritable output folder" 3 "cannot create the output folder" -o /proc/no-such-dir

set +e
"$SCR" >/dev/null 2>&1
[ $? = 2 ] || fail "no command: want exit 2"
set -e
[ -z "$(ls out | grep tmp)" ] || fail "temporary files left in out/"
echo "  ok    bad input: usage errors exit 2; no temporary files left"
