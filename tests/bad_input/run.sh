#!/bin/sh
# The bad-input corpus. Each case puts one bad (or awkward) file into a copy
# of a small committee workspace (tests/fixtures/small) and runs every
# command on it: check, pack, minutes and tracker. Each must exit with the
# documented status, print a diagnostic naming the file and line, print no
# sanitizer report, and leave the documents already in the output folder
# byte-for-byte unchanged. Cases that must work (a BOM and CRLF, a 1 MB line,
# deep block quotes, 100,000 items, characters XML forbids) must build, and
# their documents are read back.
#
# Usage: tests/bad_input/run.sh SCRUTINEER
set -eu
SCR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CASES=$HERE/cases
PYTHON=${PYTHON:-/usr/bin/python3}
T=$(mktemp -d)
# (a case may have mounted a small disk in $T)
trap 'umount "$T/small-disk" 2>/dev/null || true; rm -rf "$T"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

fail() { echo "FAIL: $*" >&2; exit 1; }
total=0

# Earlier documents, built once from the clean workspace.
cp -r "$ROOT/tests/fixtures/small" "$T/clean"
OUT=$T/out
(cd "$T/clean" &&
  "$SCR" pack agendas/2026-06-17.md -o "$OUT" -q &&
  "$SCR" minutes minutes/2026-04-14.md -o "$OUT" -q &&
  "$SCR" tracker --today 2026-06-01 -f docx,odt,csv -o "$OUT" -q) ||
  fail "the clean workspace does not build"
sums() { (cd "$OUT" && ls -A && cat ./* | cksum); }
BEFORE=$(sums)

# A fresh copy of the workspace for the next case, in $WS.
fresh() {
  WS=$T/ws
  rm -rf "$WS"
  cp -r "$T/clean" "$WS"
}

# run NAME STATUS PATTERN ARGS...: one command in $WS; checks its status,
# that stderr matches PATTERN (or holds no diagnostic when PATTERN is empty), and that no
# sanitizer spoke.
run() {
  name=$1 status=$2 pattern=$3
  shift 3
  set +e
  (cd "$WS" && "$SCR" "$@") >"$T/stdout" 2>"$T/stderr"
  got=$?
  set -e
  if grep -Eq 'Sanitizer|runtime error:' "$T/stderr"; then
    cat "$T/stderr"
    fail "$name: scrutineer $1: sanitizer report"
  fi
  [ "$got" = "$status" ] ||
    { cat "$T/stderr"; fail "$name: scrutineer $*: exit $got, want $status"; }
  if [ -z "$pattern" ]; then
    ! grep -Eq ': (error|warning): ' "$T/stderr" ||
      { cat "$T/stderr"; fail "$name: scrutineer $1: unexpected diagnostics"; }
  else
    grep -Eq -- "$pattern" "$T/stderr" ||
      { cat "$T/stderr"; fail "$name: scrutineer $1: no diagnostic matching $pattern"; }
  fi
}

# refused NAME STATUS PATTERN: every command refuses the workspace with
# the same diagnostic, and the earlier documents stay as they were.
refused() {
  run "$1" "$2" "$3" check .
  run "$1" "$2" "$3" pack agendas/2026-06-17.md -o "$OUT" -q
  run "$1" "$2" "$3" minutes minutes/2026-04-14.md -o "$OUT" -q
  run "$1" "$2" "$3" tracker --today 2026-06-01 -f docx,odt,csv -o "$OUT" -q
  [ "$(sums)" = "$BEFORE" ] || fail "$1: the earlier documents were changed"
  [ -z "$(ls -A "$OUT" | grep tmp)" ] || fail "$1: temporary files left"
  total=$((total + 1))
  echo "  ok    bad input: $1 (exit $2)"
}

# built NAME PATTERN CHECK: every command builds the workspace (PATTERN: a
# warning it must print, or ''); the documents go to a new folder and are
# read back by tests/bad_input/read_back.py with CHECK.
built() {
  NEW=$T/new
  rm -rf "$NEW"
  run "$1" 0 "$2" check .
  run "$1" 0 "$2" pack agendas/2026-06-17.md -o "$NEW" -q
  run "$1" 0 "$2" minutes minutes/2026-04-14.md -o "$NEW" -q
  run "$1" 0 "$2" tracker --today 2026-06-01 -f docx,odt,csv -o "$NEW" -q
  "$PYTHON" "$HERE/read_back.py" "$NEW" "$3" || fail "$1: read back"
  total=$((total + 1))
  echo "  ok    awkward input: $1 (builds)"
}

AGENDA=agendas/2026-06-17.md
REPORT=agendas/2026-06-17/report.md
MINUTES=minutes/2026-04-14.md
WP=agendas/workprogramme.md
COMMITTEE=agendas/committee.md
put() { cp "$CASES/$1" "$WS/$2"; }

# ---- files that are not text ------------------------------------------------

fresh; put empty.md $AGENDA
refused "empty agenda" 1 "^$AGENDA:1:1: error: missing front matter"

fresh; put empty.md $COMMITTEE
refused "empty committee.md" 1 "^$COMMITTEE:1:1: error: missing front matter"

fresh; put binary-junk.md $REPORT
refused "binary junk" 1 "^$REPORT:1:1: error: invalid UTF-8"

fresh; put invalid-utf8.md $REPORT
refused "invalid UTF-8" 1 "^$REPORT:7:5: error: invalid UTF-8 \\(byte 0xE9\\)"

fresh; put nul-byte.md $REPORT
refused "NUL byte" 1 "^$REPORT:7:5: error: NUL byte"

fresh; put invalid-utf8.md $MINUTES
refused "invalid UTF-8 in minutes" 1 "^$MINUTES:7:5: error: invalid UTF-8"

fresh; put nul-byte.md $WP
refused "NUL byte in the work programme" 1 "^$WP:7:5: error: NUL byte"

# ---- front matter -----------------------------------------------------------

fresh; put no-front-matter.md $AGENDA
refused "no front matter" 1 "^$AGENDA:1:1: error: missing front matter"

fresh; put unterminated-front-matter.md $AGENDA
refused "unterminated front matter" 1 "^$AGENDA:1:1: error: front matter is not closed"

fresh; put malformed-yaml.md $AGENDA
refused "malformed YAML" 1 "^$AGENDA:[34]:[0-9]+: error: front matter: "

fresh; put alias-bomb.md $AGENDA
refused "YAML alias bomb" 1 "^$AGENDA:4:[0-9]+: error: front matter: aliases"

fresh; put impossible-date.md $AGENDA
refused "2026-02-30" 1 "^$AGENDA:2:7: error: '2026-02-30' is not a date"

fresh; put impossible-time.md $AGENDA
refused "25:00" 1 "^$AGENDA:3:7: error: '25:00' is not a time"

fresh; sed 's/^first_minute: 214$/first_minute: 2x4/' "$ROOT/tests/fixtures/small/$MINUTES" >"$WS/$MINUTES"
refused "minute number not a number" 1 "^$MINUTES:4:[0-9]+: error: "

# ---- appendices and images --------------------------------------------------

fresh; put appendix-missing.md $AGENDA
refused "appendix target missing" 1 "^$AGENDA:11:1: error: appendix target '2026-06-17/no-such-report.md' not found"

fresh; put appendix-folder.md $AGENDA
refused "appendix target a folder" 1 "^$AGENDA:11:1: error: .*is a folder"

fresh; put appendix-absolute.md $AGENDA
refused "appendix target an absolute path" 1 "^$AGENDA:11:1: error: .*absolute path"

fresh; put appendix-escape.md $AGENDA
refused "appendix target ../ out of the workspace" 1 "^$AGENDA:11:1: error: .*outside the workspace"

fresh; put appendix-symlink.md $AGENDA
ln -s /etc/hostname "$WS/agendas/2026-06-17/escape.md"
refused "appendix target a symlink out" 1 "^$AGENDA:11:1: error: .*outside the workspace"

fresh; put appendix-cycle.md $REPORT; put appendix-cycle-detail.md agendas/2026-06-17/detail.md
refused "appendix cycle" 1 "^agendas/2026-06-17/detail.md:6:17: error: appendix cycle"

fresh; put image-missing.md $REPORT
refused "missing image" 1 "^$REPORT:6:1: error: image target .*not found"

fresh; put image-not-image.md $REPORT; put fake.png agendas/2026-06-17/fake.png
refused "image that is not an image" 1 "^$REPORT:6:1: error: .*not a PNG or JPEG"

# ---- minutes and the tracker ------------------------------------------------

fresh; put minutes-clash.md minutes/2026-06-17.md
refused "clashing minute numbers" 1 "^minutes/2026-06-17.md:4:[0-9]+: error: .*215"

fresh; put answers-unknown.md $AGENDA
refused "unknown answers ID" 1 "^$AGENDA:13:1: error: answers=299.9 names no resolution"

# ---- structure too deep -----------------------------------------------------

fresh
"$PYTHON" -c 'import sys; sys.stdout.write("---\ntitle: Deep\n---\n" + "- " * 10000 + "item\n")' >"$WS/$REPORT"
refused "lists nested 10,000 deep" 1 "^$REPORT:4:19: error: lists nested more than 9 deep"

# ---- templates --------------------------------------------------------------

# template NAME FILE PATTERN: pack, minutes and tracker refuse the template.
template() {
  fresh
  for cmd in "pack $AGENDA" "minutes $MINUTES" "tracker --today 2026-06-01"; do
    # shellcheck disable=SC2086
    run "$1" 1 "$3" $cmd --template "$2" -o "$OUT" -q
  done
  [ "$(sums)" = "$BEFORE" ] || fail "$1: the earlier documents were changed"
  total=$((total + 1))
  echo "  ok    bad input: $1 (exit 1)"
}
"$PYTHON" "$HERE/make_templates.py" "$T"
template "template not a zip" "$CASES/template-not-zip.docx" \
  "template-not-zip.docx: error: template is not a zip"
template "template without styles" "$T/no-styles.docx" \
  "no-styles.docx: error: .*word/styles.xml"
template "template zip bomb" "$T/zip-bomb.odt" \
  "zip-bomb.odt: error: .*(too large|compress)"
template "template's theme declares an entity" "$T/bad-theme.docx" \
  "bad-theme.docx: error: template's word/theme/theme1.xml declares a DOCTYPE, which is not allowed$"
template "template's document part not well-formed" "$T/bad-document.docx" \
  "bad-document.docx: error: template's word/document.xml is not well-formed XML$"

# ---- the command line -------------------------------------------------------

fresh
sed 's/^## Apologies for absence$/## Apologies for absence {exempt=9}/' \
  "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
refused "exempt= not a paragraph of Schedule 12A" 1 \
  "^$AGENDA:5:27: error: exempt= must name a paragraph 1-7 of Schedule 12A, not '9'"

# the report of an exempt item linked from public text as well
fresh
sed 's/^## Performance report {answers=215.2}$/## Performance report {answers=215.2 exempt=3}/' \
  "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
printf '\n## Report again\n\n[Appendix](2026-06-17/report.md)\n' >>"$WS/$AGENDA"
refused "exempt report also linked from a public item" 1 \
  "^$AGENDA:25:1: error: Appendix B .* is linked both from an exempt item and from public text"

fresh
sed 's/^## Performance report {answers=215.2}$/## Performance report {answers=215.2 to-follow}/' \
  "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
printf '\n## Report again\n\n[Appendix](2026-06-17/report.md)\n' >>"$WS/$AGENDA"
refused "report both to follow and not" 1 \
  "^$AGENDA:25:1: error: Appendix B .* is linked both from a \\{to-follow\\} item"

# usage NAME STATUS PATTERN ARGS...: a bad command line, nothing written.
usage() {
  fresh
  run "$@"
  [ "$(sums)" = "$BEFORE" ] || fail "$1: the earlier documents were changed"
  total=$((total + 1))
  echo "  ok    bad usage: $1 (exit $2)"
}
usage "no command" 2 "no command given"
usage "unknown command" 2 "unknown command" publish
usage "unknown format" 2 "unknown format" pack $AGENDA -f docx,rtf -o "$OUT"
usage "unknown option" 2 "unknown option" pack $AGENDA --colour -o "$OUT"
usage "option without its value" 2 "needs a value" pack $AGENDA -o
usage "not a date" 2 "needs a date as YYYY-MM-DD" tracker --today 2026-13-01 -o "$OUT"
usage "publication date not a date" 2 "--publish-date needs a date" \
  check --publish-date 17/06/2026
usage "--private on a command other than pack" 2 "options of pack, not of tracker" \
  tracker --private -o "$OUT"
usage "unwritable output folder" 3 "cannot create the output folder" \
  pack $AGENDA -o /proc/no-such-dir

# ---- awkward input that must work ---------------------------------------------

fresh; put bom-crlf.md $REPORT
built "UTF-8 BOM and CRLF line endings" '' "contains:The service met its targets."

fresh; put bom-crlf.md $AGENDA.tmp
"$PYTHON" -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[1],"wb").write(b"\xef\xbb\xbf"+d.replace(b"\n",b"\r\n"))' "$WS/$AGENDA"
rm "$WS/$AGENDA.tmp"
built "BOM and CRLF in the agenda's front matter" '' "contains:To receive apologies."

fresh; put xml-forbidden.md $REPORT
built "characters XML 1.0 forbids" \
  "^$REPORT:6:8: warning: 5 characters that DOCX and ODT cannot hold \\(first: U\\+0007\\) are left out" \
  "contains:A bell , a vertical tab , an escape [0m and U+FFFE  and U+FFFF  end."

fresh
"$PYTHON" -c 'import sys; sys.stdout.write("---\ntitle: Long\n---\n" + "word " * 209715 + "END-OF-LONG-LINE\n")' >"$WS/$REPORT"
built "a 1 MB single line" '' "contains:END-OF-LONG-LINE"

fresh
"$PYTHON" -c 'import sys; sys.stdout.write("---\ntitle: Deep\n---\n" + "> " * 10000 + "deep quote\n")' >"$WS/$REPORT"
built "block quotes nested 10,000 deep" '' "contains:deep quote"

fresh
"$PYTHON" -c 'import sys; sys.stdout.write("---\ntitle: Many\n---\n" + "".join("- item %d\n" % i for i in range(100000)))' >"$WS/$REPORT"
built "100,000 list items" '' "contains:item 99999"

fresh
"$PYTHON" -c 'import sys; sys.stdout.write("---\ndate: 2026-06-17\n---\n" + "".join("## Item %d\n\nText.\n\n" % i for i in range(100000)))' >"$WS/$AGENDA"
rm "$WS/$REPORT" # the items link no report: one left in the folder is warned of
built "100,000 agenda items" '' "contains:Item 99999"

fresh
sed 's/^## Apologies for absence$/## Apologies for absence {exempt=3}/' \
  "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
built "an exempt item before public ones" \
  "^$AGENDA:9:1: warning: public item 2 comes after exempt item 1" \
  "contains:Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A"

fresh; put unknown-key.md $AGENDA
built "unknown front-matter key" "^$AGENDA:4:1: warning: unknown front-matter key 'chiar'" \
  "contains:To receive apologies."

# Further groups of cases, one file a concern, with the helpers above.
for group in "$HERE"/groups/*.sh; do
  # shellcheck disable=SC1090
  . "$group"
done

echo "bad input: $total cases passed"
