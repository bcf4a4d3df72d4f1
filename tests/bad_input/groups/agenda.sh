# Agenda mistakes that build but used to pass unseen: a link to a report
# that is not an [Appendix] link, a report no agenda includes, a `###`
# heading, an item numbered by hand, a meeting date given twice, and a
# footnote without its note. Each is a warning at its place from every
# command, and the packs come out as the warning says. Sourced by run.sh.

# packs IN WANT TEXT: the agenda packs just built in $NEW have (WANT yes) or
# have not (no) TEXT IN their words (words) or anywhere in their parts
# (parts: where a link's target is kept).
packs() {
  "$PYTHON" - "$NEW" "$@" <<'PY' || fail "the packs: $*"
import pathlib, re, sys, zipfile
folder, where, want, text = sys.argv[1:]
packs = [p for p in sorted(pathlib.Path(folder).glob("*agenda-pack*"))
         if p.suffix in (".docx", ".odt")]
assert packs, "no agenda pack"
for p in packs:
    with zipfile.ZipFile(p) as z:
        data = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                       if n.endswith((".xml", ".rels")))
    if where == "words":
        data = re.sub(r"<[^>]*>", "", data)
    if (text in data) != (want == "yes"):
        sys.exit(f"{p.name}: '{text}' {'not ' if want == 'yes' else ''}there")
PY
}

# agenda_line N TEXT: line N of the agenda becomes TEXT (printf's escapes).
agenda_line() {
  fresh
  "$PYTHON" - "$WS/$AGENDA" "$1" "$(printf "$2")" <<'PY'
import sys
path, n, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = open(path).read().split("\n")
lines[n - 1] = text
open(path, "w").write("\n".join(lines))
PY
}

# ---- a link to a report that is not an appendix -----------------------------

agenda_line 7 'To receive apologies; see the [Leisure centre report](2026-06-17/leisure-centre.md).'
cp "$WS/$REPORT" "$WS/agendas/2026-06-17/leisure-centre.md"
built "a report linked, not as an appendix" \
  "^$AGENDA:7:31: warning: link 'Leisure centre report' links a report but is not an appendix: write \\[Appendix\\]\\(2026-06-17/leisure-centre.md\\) to include it as an appendix" \
  "contains:see the Leisure centre report."
# its words are written plain: no link to a file beside the pack
packs parts no "leisure-centre.md"
run "a report linked, not as an appendix" 0 \
  "^agendas/2026-06-17/leisure-centre.md: warning: this report is in the folder of the meeting of 2026-06-17, but no agenda includes it" \
  check .

# The same in a report, its tree released and parsed again to be written.
fresh
printf '\nSee [the annex](annex.pdf) and [the minutes](../../minutes/2026-04-14.md).\n' >>"$WS/$REPORT"
line=$(wc -l <"$WS/$REPORT")
NEW=$T/new
rm -rf "$NEW"
SCRUTINEER_KEPT_TREE_TEXT=0
export SCRUTINEER_KEPT_TREE_TEXT
run "a report's link to a file, not as an appendix" 0 \
  "^$REPORT:$line:5: warning: link 'the annex' links a report but is not an appendix" \
  pack $AGENDA -o "$NEW" -q
unset SCRUTINEER_KEPT_TREE_TEXT
grep -q "^$REPORT:$line:32: warning: link 'the minutes' links minutes but is not an appendix: write \\[Appendix\\](../../minutes/2026-04-14.md)" \
  "$T/stderr" || { cat "$T/stderr"; fail "no warning of the link to the minutes"; }
packs parts no "annex.pdf"
packs parts no "2026-04-14.md"
packs words yes "See the annex and the minutes."
total=$((total + 1))
echo "  ok    awkward input: a report's link to a file, not as an appendix (builds)"

# ---- a report no agenda includes --------------------------------------------

fresh
cp "$WS/$REPORT" "$WS/agendas/2026-06-17/draft.md"
# the file Word keeps beside a document it has open is no report
printf 'owner' >"$WS/agendas/2026-06-17/~\$report.docx"
built "a report no agenda includes" \
  "^agendas/2026-06-17/draft.md: warning: this report is in the folder of the meeting of 2026-06-17, but no agenda includes it: link it from its item in $AGENDA as \\[Appendix\\]\\(2026-06-17/draft.md\\)" \
  "contains:To receive apologies."
[ "$(grep -c ': warning: ' "$T/stderr")" = 1 ] ||
  { cat "$T/stderr"; fail "a report no agenda includes: more than its one warning"; }

# ---- item headings ----------------------------------------------------------

agenda_line 7 'To receive apologies.\n\n### Declarations of interest\n\nNone.'
built "a ### heading in an agenda" \
  "^$AGENDA:9:1: warning: '### Declarations of interest' is not an agenda item: items are \`##\` headings, and a level 3 heading becomes part of item 1's text; write '## Declarations of interest' to make it an item of its own" \
  "contains:Declarations of interest"
# it is not numbered, and the items after it keep their numbers
packs words yes "2. Minutes of the previous meeting"
packs words no "2. Declarations of interest"

agenda_line 5 '## 1. Apologies for absence'
built "an item numbered by hand" \
  "^$AGENDA:5:4: warning: item 1's heading starts with the number '1\\.': items are numbered for you, so write '## Apologies for absence'" \
  "contains:1. Apologies for absence"
packs words no "1. 1. Apologies"

# ---- committee.md -----------------------------------------------------------

fresh
sed 's/^meetings: \[2026-04-14, 2026-06-17, 2026-09-08\]$/meetings: [2026-04-14, 2026-06-17, 2026-09-08, 2026-06-17]/' \
  "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
built "a meeting date given twice" \
  "^$COMMITTEE:15:48: warning: meeting 2026-06-17 is listed twice in 'meetings'" \
  "contains:To receive apologies."

# ---- footnotes --------------------------------------------------------------

agenda_line 7 'To receive apologies.[^a]'
printf '\nSee the table.[^7]\n' >>"$WS/$REPORT"
report_line=$(wc -l <"$WS/$REPORT")
printf '\nA note.[^x] And a literal \\[^y].\n' >>"$WS/$MINUTES"
minutes_line=$(wc -l <"$WS/$MINUTES")
built "a footnote without its note" \
  "^$REPORT:$report_line:15: warning: footnote \\[\\^7\\] has no note, so it shows as '\\[\\^7\\]' as written" \
  "contains:See the table.[^7]"
for want in "^$MINUTES:$minutes_line:8: warning: footnote \\[\\^x\\] has no note" \
  "^$AGENDA:7:22: warning: footnote \\[\\^a\\] has no note"; do
  grep -q -- "$want" "$T/stderr" || { cat "$T/stderr"; fail "no diagnostic matching $want"; }
done
[ "$(grep -c ': warning: ' "$T/stderr")" = 3 ] ||
  { cat "$T/stderr"; fail "a footnote without its note: not three warnings"; }
