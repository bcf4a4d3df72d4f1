#!/bin/sh
# Accessibility checks: the sample passes check --strict with no warnings;
# a report with "click here" as link text is a warning for check and pack
# (both exit 0), and an error under --strict (exit 1, nothing written).
# Usage: a11y.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"

WS=$T/a11y-ws
rm -rf "$WS"
mkdir -p "$WS"
cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/"
cd "$WS"

# run STATUS ARGS...: run scrutineer, keep stderr, check the exit status.
run() {
  want=$1
  shift
  set +e
  "$SCR" "$@" 2>"$T/a11y.err"
  got=$?
  set -e
  [ "$got" = "$want" ] || { cat "$T/a11y.err"; fail "scrutineer $*: exit $got, want $want"; }
}
# says PATTERN: stderr has a line matching PATTERN.
says() {
  grep -Eq -- "$1" "$T/a11y.err" || { cat "$T/a11y.err"; fail "no line matching $1"; }
}

run 0 check --strict
[ "$(cat "$T/a11y.err")" = ".: 0 errors, 0 warnings" ] \
  || { cat "$T/a11y.err"; fail "the sample is not clean under check --strict"; }
pass "the sample passes check --strict with no warnings"

REPORT=agendas/2026-06-17/terms-of-reference.md
printf '\nThe full constitution: [click here](https://www.leicester.gov.uk/).\n' >> "$REPORT"
LINE=$(wc -l < "$REPORT" | tr -d ' ')
WANT="^$REPORT:$LINE:24: %s: link text 'click here' does not say where the link goes"

run 0 check
says "$(printf "$WANT" warning)"
says "^\.: 0 errors, 1 warning$"
pass "check warns of 'click here' at $REPORT:$LINE and exits 0"

run 1 check --strict
says "$(printf "$WANT" error)"
says "^\.: 1 error, 0 warnings$"
pass "check --strict makes it an error and exits 1"

run 0 pack agendas/2026-06-17.md -o out -q
says "$(printf "$WANT" warning)"
[ -f out/CYPE-2026-06-17-agenda-pack.docx ] || fail "pack did not write the pack"
rm -rf out
run 1 pack agendas/2026-06-17.md -o out -q --strict
says "$(printf "$WANT" error)"
[ -z "$(ls -A out 2>/dev/null)" ] || fail "pack --strict wrote files: $(ls out)"
pass "pack warns and writes; pack --strict refuses and writes nothing"
