# A council of committees: council.md's keys and bank holidays, links that
# leave the council's folder, and a folder of committees/ that is not a
# committee. The council is tests/fixtures/council with the sample
# committee copied into committees/cype. Sourced by run.sh.

ASC_AGENDA=committees/asc/agendas/2026-06-18.md
COUNCIL_OUT=$T/council-out

# council_fresh: a fresh copy of the council in $WS.
council_fresh() {
  WS=$T/council-ws
  rm -rf "$WS" "$COUNCIL_OUT"
  cp -r "$ROOT/tests/fixtures/council" "$WS"
  mkdir -p "$WS/committees/cype"
  cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/committees/cype/"
}

# council_refused NAME PATTERN: check on the council and pack of a
# committee's agenda both refuse it with the diagnostic, writing nothing.
council_refused() {
  run "$1" 1 "$2" check .
  run "$1" 1 "$2" pack "$ASC_AGENDA" -o "$COUNCIL_OUT" -q
  [ ! -e "$COUNCIL_OUT" ] || fail "$1: pack wrote $(ls "$COUNCIL_OUT")"
  total=$((total + 1))
  echo "  ok    bad council: $1 (exit 1)"
}

council_fresh
run "the council as it is" 0 '' check .
run "the council as it is" 0 '' pack "$ASC_AGENDA" -o "$COUNCIL_OUT" -q
rm -rf "$COUNCIL_OUT"

council_fresh
sed -i 's/^council: Leicester City Council$/counsil: Leicester City Council/' \
  "$WS/council.md"
council_refused "council.md's council: misspelt" \
  "^council.md:2:1: warning: unknown front-matter key 'counsil' is ignored; did you mean 'council'\\?"
run "council.md's council: misspelt" 1 \
  "^council.md:1:1: error: front matter lacks the required key 'council'$" check .

council_fresh
sed -i 's/^bank_holidays: England and Wales$/bank_holidays: Northern Ireland/' \
  "$WS/council.md"
council_refused "a bank-holiday region not known" \
  "^council.md:11:16: error: bank_holidays must be 'England and Wales' or 'Scotland', not 'Northern Ireland'"

council_fresh
sed -i 's/^meetings: /bank_holidays: [Scotland]\nmeetings: /' \
  "$WS/committees/asc/agendas/committee.md"
council_refused "committee.md's bank_holidays a list" \
  "^committees/asc/agendas/committee.md:7:16: error: bank_holidays must be"

council_fresh
line=$(($(wc -l <"$WS/$ASC_AGENDA") + 4))
printf '\n## Elsewhere\n\n[Appendix](../../../../outside.md)\n' >>"$WS/$ASC_AGENDA"
echo "# Not the council's" >"$T/outside.md"
council_refused "a link leaving the council's folder" \
  "^$ASC_AGENDA:$line:1: error: appendix target '../../../../outside.md' is outside the council workspace \\."

council_fresh
line=$(($(wc -l <"$WS/$ASC_AGENDA") + 4))
printf '\n## Their minutes\n\n[Appendix](../../cype/minutes/2026-04-14.md)\n' >>"$WS/$ASC_AGENDA"
council_refused "another committee's minutes as an appendix" \
  "^$ASC_AGENDA:$line:1: error: appendix target '../../cype/minutes/2026-04-14.md' is another committee's minutes or work programme"

council_fresh
mkdir -p "$WS/committees/licensing/agendas"
run "a folder of committees/ without committee.md" 1 \
  "^committees/licensing/agendas/committee.md:1:1: error: no committee.md here: every folder of committees/ is a committee" \
  check .
grep -q "^\\.: 1 error, 0 warnings in 2 committees$" "$T/stderr" ||
  { cat "$T/stderr"; fail "check of the council did not total its errors"; }
total=$((total + 1))
echo "  ok    bad council: a folder of committees/ without committee.md (exit 1)"

council_fresh
run "a council's folder given to tracker" 1 \
  "^\\.: error: this is a council workspace, not a committee" \
  tracker --today 2026-06-01 -o "$COUNCIL_OUT" -q
[ ! -e "$COUNCIL_OUT" ] || fail "tracker on the council wrote $(ls "$COUNCIL_OUT")"
total=$((total + 1))
echo "  ok    bad council: a council's folder given to tracker (exit 1)"
