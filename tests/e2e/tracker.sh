#!/bin/sh
# The tracker on the sample committee: statuses as the date moves and
# answers appear, the CSV read back by Python's csv module, the documents
# rendered by LibreOffice and validated against ODF 1.3; the work programme
# with the seed's own dates is caught by check.
# Usage: tracker.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"

# status_of WORKSPACE TODAY ID: the status column of ID in the CSV.
status_of() {
  (cd "$1" && "$SCR" tracker --today "$2" -f csv -o "$T/tr-$2" -q) \
    || fail "tracker --today $2 failed"
  "$PYTHON" - "$T/tr-$2/CYPE-$2-tracker.csv" "$3" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0] == ["ID", "Action", "Agreed at", "Due", "Owner",
                   "Answered by", "Status"], rows[0]
print({r[0]: r[6] for r in rows[1:]}.get(sys.argv[2], "absent"))
PY
}
expect() {
  got=$(status_of "$1" "$2" "$3")
  [ "$got" = "$4" ] || fail "action $3 as of $2 is '$got', want '$4'"
  echo "  ok    action $3 as of $2: $got"
}

expect "$ROOT" 2026-06-01 222.1 scheduled

WS=$T/tracker-ws
rm -rf "$WS" && mkdir -p "$WS" && cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/"
cat > "$WS/agendas/2026-09-08.md" <<'MD'
---
date: 2026-09-08
---
## Welcome and apologies for absence

## White Paper and local SEND reform plan update {answers=222.1}

The Director of SEND and Education submits an update.
MD
expect "$WS" 2026-09-01 222.1 "on agenda"

rm "$WS/agendas/2026-09-08.md"
sed -i 's/ {answers=222.1}//' "$WS/agendas/workprogramme.md"
expect "$WS" 2026-09-09 222.1 overdue
expect "$WS" 2026-09-09 237.2 unscheduled

# The documents: rendered by LibreOffice, ODT valid against ODF 1.3.
cd "$ROOT"
"$SCR" tracker --today 2026-09-09 -o "$T/tracker" -q -f docx,odt,csv
STEM=$T/tracker/CYPE-2026-09-09-tracker
validate_odt "$STEM.odt" "$T/tracker/odt"
for fmt in docx odt; do
  to_pdf "$STEM.$fmt" "$T/tracker/pdf-$fmt"
  text=$(pdftotext "$T/tracker/pdf-$fmt/CYPE-2026-09-09-tracker.pdf" - | tr -s ' \n' ' ')
  for want in "Work programme" "Forward plan" "Action tracker" "222.1" \
    "Scheduled" "Unscheduled" "Overdue" "Meeting date" "Answered by"; do
    case $text in *"$want"*) ;; *) fail "tracker PDF ($fmt) lacks '$want'" ;; esac
  done
  echo "  ok    tracker $fmt renders in LibreOffice with its three tables"
done

set +e
"$SCR" check tests/fixtures/workprogramme-seed-dates 2>"$T/check.err"
rc=$?
set -e
[ $rc = 1 ] || fail "check on the seed's dates: exit $rc, want 1"
for d in "19 October 2026" "19 January 2027" "1 March 2027"; do
  grep -q "workprogramme.md:[0-9]*:4: error: '$d' is not one of the committee's meetings" "$T/check.err" \
    || { cat "$T/check.err"; fail "check did not catch '$d'"; }
done
"$SCR" check >/dev/null 2>&1 || fail "check finds errors in the sample"
echo "  ok    check catches the seed's work-programme dates and passes the sample"
