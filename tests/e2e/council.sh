#!/bin/sh
# A council of two committees: tests/fixtures/council (council.md and the
# Adult Social Care Scrutiny Commission) with the sample committee copied
# into committees/cype. check on the council; each committee's pack, whose
# front sheet gives what council.md says and committee.md does not; a
# joint report, in ASC's folder, an appendix of both packs; and Scotland's
# bank holidays in the notice an agenda gives.
# Usage: council.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
WS=$T/council-ws
OUT=$T/council-out
rm -rf "$WS" "$OUT"
cp -r "$ROOT/tests/fixtures/council" "$WS"
mkdir -p "$WS/committees/cype"
cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/committees/cype/"
# the joint report is an appendix of CYPE's agenda too
printf '\n## Preparing for adulthood: joint report\n\nThe joint report with the Adult Social Care Scrutiny Commission.\n\n[Appendix](../../asc/agendas/2026-06-18/joint-report.md)\n' \
  >>"$WS/committees/cype/agendas/2026-06-17.md"
cd "$WS"

"$SCR" check --publish-date 2026-06-01 . >"$T/council-check.out" 2>&1 ||
  { cat "$T/council-check.out"; fail "check of the council exited $?"; }
grep -q "^committees/asc: 0 errors, 0 warnings$" "$T/council-check.out" &&
  grep -q "^committees/cype: 0 errors, " "$T/council-check.out" &&
  grep -q "^\\.: 0 errors, [0-9]* warnings* in 2 committees$" "$T/council-check.out" ||
  { cat "$T/council-check.out"; fail "check did not check both committees and total them"; }
pass "check on the council checks council.md and both committees, with a total"

"$SCR" check committees/asc >"$T/council-check-one.out" 2>&1 ||
  { cat "$T/council-check-one.out"; fail "check of one committee exited $?"; }
grep -q "^committees/asc: 0 errors, 0 warnings$" "$T/council-check-one.out" ||
  { cat "$T/council-check-one.out"; fail "check of one committee"; }
pass "check on one committee of the council checks it, with the council's defaults"

"$SCR" pack committees/asc/agendas/2026-06-18.md -f docx -o "$OUT" -q
"$SCR" pack committees/cype/agendas/2026-06-17.md -f docx -o "$OUT" -q
"$PYTHON" - "$OUT/ASC-2026-06-18-agenda-pack.docx" \
  "$OUT/CYPE-2026-06-17-agenda-pack.docx" <<'PY'
import sys
import docx

def text(path):
    d = docx.Document(path)
    return "\n".join(p.text for p in d.paragraphs)

def expect(name, said, *needles):
    for needle in needles:
        if needle not in said:
            sys.exit("FAIL: %s does not say %r" % (name, needle))

def front_sheet(said):
    # up to the standing text's first heading
    return said.split("Information for members of the public")[0]

asc, cype = text(sys.argv[1]), text(sys.argv[2])
# ASC's committee.md names no council, address, contacts, venue, time,
# signatory nor standing text: council.md's are on its front sheet
expect("ASC's front sheet", front_sheet(asc),
       "Leicester City Council", "Adult Social Care Scrutiny Commission",
       "Kirsty Wootton (Governance Services)",
       "City Hall, 3rd Floor Granby Wing, 115 Charles Street",
       "Place: Meeting Room G.01", "Time: 5:30 pm",
       "Kamal Adatia, City Barrister and Head of Standards")
expect("ASC's pack", asc, "Information for members of the public",
       "Fire / emergency evacuation")
# CYPE's own contacts win over the council's
expect("CYPE's front sheet", front_sheet(cype), "Leicester City Council",
       "Ed Brown (Governance Services)")
if "Kirsty Wootton" in cype:
    sys.exit("FAIL: CYPE's pack gives the council's contact, not its own")
# the joint report, in ASC's folder, is an appendix of both packs
for name, said in (("ASC's pack", asc), ("CYPE's pack", cype)):
    expect(name, said, "Preparing for adulthood",
           "This report tells both Commissions how young people")
PY
pass "each pack's front sheet gives council.md's defaults, committee.md's own values winning"
pass "a report in one committee's folder is an appendix of both committees' packs"

# Thursday 3 December 2026: with St Andrew's Day (Monday 30 November) not
# a working day, an agenda published on 25 November is a day late.
cat >committees/asc/agendas/2026-12-03.md <<'EOF'
---
date: 2026-12-03
---
## Apologies for absence

To receive apologies.
EOF
notice() {
  "$SCR" check --publish-date 2026-11-25 . >"$T/council-notice.out" 2>&1 ||
    { cat "$T/council-notice.out"; fail "check with --publish-date exited $?"; }
}
notice
! grep -q "five clear working days" "$T/council-notice.out" ||
  { cat "$T/council-notice.out"; fail "England and Wales: a notice warning"; }
sed -i 's/^bank_holidays: England and Wales$/bank_holidays: Scotland/' council.md
notice
grep -q "^committees/asc/agendas/2026-12-03.md:2:7: warning: published on Wednesday 25 November 2026, this agenda gives the meeting on Thursday 3 December 2026 less than five clear working days' notice (weekends and bank holidays in Scotland do not count): publish by Tuesday 24 November 2026$" \
  "$T/council-notice.out" ||
  { cat "$T/council-notice.out"; fail "Scotland: no notice warning"; }
sed -i 's/^meetings: /bank_holidays: England and Wales\nmeetings: /' \
  committees/asc/agendas/committee.md
notice
! grep -q "five clear working days" "$T/council-notice.out" ||
  { cat "$T/council-notice.out"; fail "committee.md's bank_holidays did not win"; }
pass "bank_holidays: Scotland in council.md changes the notice warning; committee.md's wins"
