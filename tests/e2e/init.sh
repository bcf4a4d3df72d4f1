#!/bin/sh
# init and new: a committee started from nothing checks clean and builds;
# the next agenda and the minutes drafted from it check clean too; nothing
# is ever written over. Usage: init.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
D=$T/init
rm -rf "$D"
mkdir -p "$D"
WS=$D/ws

"$SCR" init "$WS" >"$D/init.out" || fail "init exited $?"
for f in agendas/committee.md agendas/workprogramme.md minutes/.gitkeep \
  templates/house.docx templates/house.odt; do
  [ -f "$WS/$f" ] || fail "init did not write $f"
  grep -q "^wrote $WS/$f\$" "$D/init.out" || fail "init did not list $f"
done
# the schedule's first two meetings
D1=$(sed -n 's/^  - \([0-9-]*\)$/\1/p' "$WS/agendas/committee.md" | sed -n 1p)
D2=$(sed -n 's/^  - \([0-9-]*\)$/\1/p' "$WS/agendas/committee.md" | sed -n 2p)
[ -f "$WS/agendas/$D1.md" ] || fail "init wrote no agenda for $D1"
ls "$WS/agendas/$D1"/*.md >/dev/null 2>&1 || fail "init wrote no report"
pass "init wrote a committee, its first agenda ($D1) and report, the work programme, minutes/ and the house templates"

# committee.md names every key the committee file takes, each with a note
"$PYTHON" - "$ROOT/docs/sources.md" "$WS/agendas/committee.md" <<'PY'
import re, sys
# the committee's keys, as the reference made from the checker's table has them
ref = open(sys.argv[1]).read()
section = ref.split("## The committee:")[1].split("\n## ")[0]
keys = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
lines = open(sys.argv[2]).read().split("---\n")[1].splitlines()
assert len(keys) >= 18, keys
for key in keys:
    at = [i for i, l in enumerate(lines) if re.match(r"(# )?%s:" % key, l)]
    assert at, "committee.md lacks the key %r" % key
    i = at[0]
    if not lines[i].startswith("#"):
        assert i > 0 and lines[i - 1].startswith("#"), \
            "no note above %r in committee.md" % key
notes = "\n".join(l for l in lines if l.startswith("#"))
assert "except the chair and" in notes, "members: does not say who it lists"
assert "# template: ../templates/house.docx" in lines, "template: not shown"
PY
pass "committee.md names every key the committee file takes, each with a note"

# check: no error, no warning
check_clean() {
  "$SCR" check "$WS" 2>"$D/check.err" || { cat "$D/check.err" >&2; fail "check $1 exited $?"; }
  grep -q ': 0 errors, 0 warnings$' "$D/check.err" \
    || { cat "$D/check.err" >&2; fail "check $1 is not clean"; }
}
check_clean "of the new committee"
pass "check passes on the new committee with no warnings"

# the first pack builds and reads as a pack
"$SCR" pack "$WS/agendas/$D1.md" -o "$D/out" -q || fail "pack of $D1 exited $?"
PACK=$D/out/OSC-$D1-agenda-pack
"$PYTHON" - "$PACK.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in d.paragraphs)
for want in ("Example Borough Council", "Overview and Scrutiny Committee",
             "Apologies for absence", "Declarations of interest",
             "Minutes of the previous meeting", "Chair's announcements",
             "Questions and petitions", "Customer services performance",
             "Work programme", "Customer Services Performance",
             "Appendix A", "Fire and emergency evacuation"):
    assert want in text, "the pack lacks %r" % want
tables = [t for t in d.tables
          if t.rows and t.rows[0].cells[0].text.strip() == "Measure"]
assert tables and len(tables[0].rows) == 4, "the report's table is not there"
PY
pass "the first pack builds, and python-docx reads its agenda, report and table"

# the house templates are accepted and style the pack as the built-in does
for f in docx odt; do
  "$SCR" pack "$WS/agendas/$D1.md" --template "$WS/templates/house.$f" \
    -o "$D/house-$f" -q 2>"$D/house.err" || fail "pack with house.$f exited $?"
  [ -s "$D/house.err" ] && { cat "$D/house.err" >&2; fail "house.$f warned"; }
  "$PYTHON" - "$PACK.$f" "$D/house-$f/OSC-$D1-agenda-pack.$f" <<'PY'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:])
assert a.namelist() == b.namelist(), "the parts differ"
for name in a.namelist():
    assert a.read(name) == b.read(name), "%s differs from the built-in's" % name
PY
done
sed 's|^# template: \(.*docx\)$|template: \1|' "$WS/agendas/committee.md" \
  >"$D/committee.md"
cp "$WS/agendas/committee.md" "$D/committee.orig"
cp "$D/committee.md" "$WS/agendas/committee.md"
grep -q '^template: ../templates/house.docx$' "$WS/agendas/committee.md" \
  || fail "no template line to take the # off"
check_clean "with template: house.docx"
cp "$D/committee.orig" "$WS/agendas/committee.md"
validate_odt "$WS/templates/house.odt" "$D/house-odt-parts" 2>/dev/null
"$PYTHON" "$HERE/check_docx.py" "$ROOT/tests/schemas/ooxml-transitional" \
  "$WS/templates/house.docx" >/dev/null || fail "house.docx does not validate"
pass "templates/house.docx and .odt are accepted and style the pack as the built-in style does"

# new agenda: the next meeting without one
"$SCR" new agenda "$WS" >"$D/new.out" || fail "new agenda exited $?"
grep -q "the next meeting in the schedule without an agenda" "$D/new.out" \
  || fail "new agenda did not say which meeting it took"
grep -q "^wrote $WS/agendas/$D2.md\$" "$D/new.out" || fail "new agenda did not list $D2.md"
[ -d "$WS/agendas/$D2" ] || fail "new agenda made no folder agendas/$D2"
A2=$WS/agendas/$D2.md
grep -q "^date: $D2\$" "$A2" || fail "the new agenda has no date: $D2"
grep -q '^time: "18:00"$' "$A2" || fail "the new agenda has not the committee's time"
for item in "Apologies for absence" "Declarations of interest" \
  "Chair's announcements" "Questions and petitions" "Work programme" \
  "Any other urgent business"; do
  grep -q "^## $item\$" "$A2" || fail "the new agenda lacks the standing item '$item'"
done
grep -q '^## Customer services performance' "$A2" \
  && fail "the new agenda carried over the first meeting's own item"
grep -q '^## Minutes of the previous meeting {to-follow}$' "$A2" \
  || fail "the minutes not yet written are not {to-follow}"
grep -q "^\[Appendix\](../minutes/$D1.md)\$" "$A2" \
  || fail "the minutes item does not link minutes/$D1.md"
grep -q '^## Revenue and capital budget monitoring {to-follow}$' "$A2" \
  || fail "the work programme's item for $D2 is not on the agenda"
# the work programme's items come before the work programme
"$PYTHON" - "$A2" <<'PY'
import sys
heads = [l for l in open(sys.argv[1]) if l.startswith("## ")]
names = [h[3:].split(" {")[0].strip() for h in heads]
assert names.index("Housing repairs: progress on the improvement plan") \
    < names.index("Work programme") < names.index("Any other urgent business"), names
PY
check_clean "with the new agenda"
"$SCR" pack "$A2" -o "$D/out2" -q || fail "pack of the new agenda exited $?"
pass "new agenda drafts $D2: standing items, minutes to follow, the work programme's items; check passes"

# new minutes of the first meeting
"$SCR" new minutes "$D1" "$WS" >"$D/min.out" || fail "new minutes exited $?"
M1=$WS/minutes/$D1.md
[ -f "$M1" ] || fail "new minutes wrote no minutes/$D1.md"
grep -q '^  - "Councillor Priya Shah (Chair)"$' "$M1" || fail "the chair is not present"
grep -q '^  - "Councillor Tom Hughes (Vice-Chair)"$' "$M1" || fail "the vice-chair is not present"
grep -q '^also_present: \[\]$' "$M1" || fail "no also_present"
grep -q '^apologies: \[\]$' "$M1" || fail "no apologies"
"$PYTHON" - "$WS/agendas/$D1.md" "$M1" <<'PY'
import sys
def heads(p):
    return [l[3:].split(" {")[0].strip() for l in open(p) if l.startswith("## ")]
a, m = heads(sys.argv[1]), heads(sys.argv[2])
assert a == m, "the minutes' headings are not the agenda's: %r %r" % (a, m)
PY
check_clean "with the new minutes"
"$SCR" minutes "$M1" -o "$D/out3" -q || fail "the new minutes do not build"
pass "new minutes drafts $D1: the membership present, a minute per agenda item; check passes"

# once the minutes are there, the next agenda links them as they are
mv "$A2" "$D/agenda2.md"
rmdir "$WS/agendas/$D2"
"$SCR" new agenda "$D2" "$WS" -q >"$D/q.out" || fail "new agenda $D2 exited $?"
[ -s "$D/q.out" ] && fail "new agenda -q printed something"
grep -q '^## Minutes of the previous meeting$' "$A2" \
  || fail "the minutes written are still {to-follow}"
check_clean "with the minutes linked"
# ... and its minutes record them confirmed: a decision, not an action
"$SCR" new minutes "$D2" "$WS" -q || fail "new minutes $D2 exited $?"
grep -q "^1. That the minutes of the meeting held on .* be confirmed as a correct record.\$" \
  "$WS/minutes/$D2.md" || fail "the minutes of $D2 do not confirm those of $D1"
check_clean "with the minutes of $D2"
"$SCR" minutes --actions "$WS" >"$D/actions.tsv" || fail "minutes --actions exited $?"
[ "$(wc -l <"$D/actions.tsv")" -eq 1 ] || fail "confirming the minutes became an action"
rm "$WS/minutes/$D2.md"
pass "with minutes/$D1.md written, the next agenda links it, and its minutes confirm them"

# nothing is written over, and a refusal writes nothing
cp "$A2" "$D/a2.before"
cp "$M1" "$D/m1.before"
ls -R "$WS" >"$D/tree.before"
expect_refused() {
  what=$1
  shift
  if "$SCR" "$@" >"$D/refused.out" 2>"$D/refused.err"; then
    fail "$what was not refused"
  else
    rc=$?
  fi
  [ "$rc" -eq 1 ] || fail "$what exited $rc, not 1"
  ls -R "$WS" >"$D/tree.after"
  cmp -s "$D/tree.before" "$D/tree.after" || fail "$what wrote something"
}
expect_refused "new agenda over agendas/$D2.md" new agenda "$D2" "$WS"
grep -q "agendas/$D2.md: error: is there already" "$D/refused.err" \
  || fail "the refusal does not name agendas/$D2.md"
expect_refused "new minutes over minutes/$D1.md" new minutes "$D1" "$WS"
expect_refused "init into a folder that is not empty" init "$WS"
grep -q "not empty" "$D/refused.err" || fail "init does not say the folder is not empty"
expect_refused "init onto a file" init "$WS/agendas/committee.md"
expect_refused "new agenda for a date not scheduled" new agenda 2001-01-02 "$WS"
grep -q "2001-01-02 is not one of the committee's meetings ($D1, $D2," \
  "$D/refused.err" || fail "the error does not name the schedule"
D3=$(sed -n 's/^  - \([0-9-]*\)$/\1/p' "$WS/agendas/committee.md" | sed -n 3p)
expect_refused "new minutes with no agenda" new minutes "$D3" "$WS"
grep -q "no agenda for $D3" "$D/refused.err" || fail "the error does not say the agenda is missing"
cmp -s "$A2" "$D/a2.before" || fail "agendas/$D2.md was changed"
cmp -s "$M1" "$D/m1.before" || fail "minutes/$D1.md was changed"
pass "new and init refuse to write over anything (exit 1, nothing written)"
