# Messages that explain: YAML mistakes said with the line as it should be,
# a path written from the workspace root answered with the path to write,
# one bad date said once, a file given to the wrong command, and a file
# that cannot be read said with why. Sourced by run.sh.

# said NAME STATUS PATTERN ARGS...: one command; its stderr matches
# PATTERN and holds exactly one error.
said() {
  run "$@"
  errors=$(grep -c ': error: ' "$T/stderr" || true)
  [ "$errors" = 1 ] ||
    { cat "$T/stderr"; fail "$1: $errors errors, want 1"; }
  total=$((total + 1))
  echo "  ok    message: $1"
}

# edit FILE FROM TO: the first line of FILE in the workspace that is FROM
# becomes TO (which may hold \n).
edit() {
  "$PYTHON" - "$WS/$1" "$2" "$3" <<'PY'
import sys
path, old, new = sys.argv[1:]
lines = open(path, encoding="utf-8").read().split("\n")
lines[lines.index(old)] = new.replace("\\n", "\n").replace("\\t", "\t")
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
}

# ---- YAML mistakes ------------------------------------------------------------

fresh; edit $AGENDA 'time: "18:00"' '\ttime: "18:00"'
refused "a tab indenting the front matter" 1 \
  "^$AGENDA:3:1: error: front matter: a tab cannot indent YAML; indent with spaces$"

fresh; edit $AGENDA 'time: "18:00"' 'time: "18:00"\ntitle: Budget: the plan'
said "a value with a colon" 1 \
  "^$AGENDA:4:14: error: front matter: a value with a colon must be quoted, like title: \"Budget: the plan\"$" \
  check .

fresh; edit $COMMITTEE 'members: [Councillor Cat Cole, Councillor Dan Dee]' \
  'members: [Councillor Cat Cole, Councillor Dan Dee'
said "a list's bracket left open" 1 \
  "^$COMMITTEE:7:10: error: front matter: the list opened here with \\[ is never closed: end it with \\], like members: \\[Councillor Cat Cole, Councillor Dan Dee\\]$" \
  check .

fresh; edit $COMMITTEE 'meetings: [2026-04-14, 2026-06-17, 2026-09-08]' \
  'meetings:\n  - 2026-04-14\n - 2026-06-17\n  - 2026-09-08'
refused "a list item out of line" 1 \
  "^$COMMITTEE:17:2: error: front matter: this list item is not lined up with the one on line 16: start its - in column 3, as there$"

fresh; edit $AGENDA 'time: "18:00"' 'time: "18:00"\ntime: "19:00"'
said "a key given twice" 1 \
  "^$AGENDA:4:1: error: front matter: 'time' is given twice \\(first on line 3\\): keep one and delete the other$" \
  check .

fresh; put unterminated-front-matter.md $AGENDA
said "front matter not closed" 1 \
  "^$AGENDA:1:1: error: front matter is not closed: add a \`---\` line before line 4, after its last \`key: value\` line$" \
  check .

# ---- a path written from the workspace root ----------------------------------

fresh; edit $AGENDA '[Appendix](../minutes/2026-04-14.md)' '[Appendix](minutes/2026-04-14.md)'
refused "an appendix path from the workspace root" 1 \
  "^$AGENDA:11:1: error: appendix target 'minutes/2026-04-14.md' not found: paths are read from this file's folder, so write '../minutes/2026-04-14.md'$"

fresh; edit $AGENDA '[Appendix](2026-06-17/report.md)' '[Appendix](agendas/2026-06-17/report.md)'
said "a report's path from the workspace root" 1 \
  "^$AGENDA:17:1: error: appendix target 'agendas/2026-06-17/report.md' not found: paths are read from this file's folder, so write '2026-06-17/report.md'$" \
  check .

fresh; edit $REPORT '![Chart of visits](chart.png)' '![Chart of visits](agendas/2026-06-17/chart.png)'
said "an image's path from the workspace root" 1 \
  "^$REPORT:23:1: error: image target 'agendas/2026-06-17/chart.png' not found: paths are read from this file's folder, so write 'chart.png'$" \
  check .

fresh; mkdir "$WS/templates"; cp "$ROOT/tests/fixtures/small/$REPORT" "$WS/templates/house.docx"
edit $COMMITTEE 'appendix_numbering: letters' 'appendix_numbering: letters\ntemplate: templates/house.docx'
said "a template's path from the workspace root" 1 \
  "^$COMMITTEE:17:11: error: template target 'templates/house.docx' not found: paths are read from this file's folder, so write '../templates/house.docx'$" \
  check .

fresh; edit $AGENDA '[Appendix](2026-06-17/report.md)' '[Appendix](agendas/2026-06-17/no-such-report.md)'
said "a path from the root that is not there either" 1 \
  "^$AGENDA:17:1: error: appendix target 'agendas/2026-06-17/no-such-report.md' not found$" \
  check .

# ---- one bad date, one error ---------------------------------------------------

fresh; edit $MINUTES 'date: 2026-04-14' 'date: 2026-04-31'
refused "a minutes date not in the calendar" 1 \
  "^$MINUTES:2:7: error: '2026-04-31' is not a date; write dates as YYYY-MM-DD$"
said "a minutes date not in the calendar, once" 1 "^$MINUTES:2:7: " check .

fresh; edit $MINUTES 'date: 2026-04-14' 'date: 2026-04-15'
said "a minutes date not its file name's, once" 1 \
  "^$MINUTES:2:7: error: date: 2026-04-15 does not match the file name" check .

fresh; mv "$WS/$MINUTES" "$WS/minutes/2026-04-31.md"
edit $AGENDA '[Appendix](../minutes/2026-04-14.md)' '[Appendix](../minutes/2026-04-31.md)'
said "minutes named after no date in the calendar" 1 \
  "^minutes/2026-04-31.md: error: the file name 2026-04-31.md is not a date in the calendar: a meeting's sources are named after its date, so rename it 2026-04-14.md$" \
  check .

fresh; edit $AGENDA 'date: 2026-06-17' 'date: 2026-13-01'
said "an agenda date not in the calendar" 1 "^$AGENDA:2:7: error: '2026-13-01' is not a date" check .

fresh; edit $COMMITTEE 'meetings: [2026-04-14, 2026-06-17, 2026-09-08]' \
  'meetings: [2026-04-14, 2026-06-31, 2026-09-08]'
said "a meeting date not in the calendar" 1 "^$COMMITTEE:15:24: error: '2026-06-31' is not a date" check .

# ---- a file given to the wrong command --------------------------------------------

fresh
said "the committee's file given to pack" 1 \
  "^$COMMITTEE: error: this is the committee's own file, not an agenda: pack takes an agenda, like \`scrutineer pack $AGENDA\`$" \
  pack $COMMITTEE -o "$OUT" -q
said "the work programme given to pack" 1 \
  "^$WP: error: this is the work programme, which every pack holds as an appendix: pack takes an agenda, like \`scrutineer pack $AGENDA\`; \`scrutineer tracker\` makes the action tracker$" \
  pack $WP -o "$OUT" -q
said "a report given to pack" 1 \
  "^$REPORT: error: this is a report, an appendix of $AGENDA: use \`scrutineer pack $AGENDA\`$" \
  pack $REPORT -o "$OUT" -q
said "an agenda given to minutes" 1 \
  "^$AGENDA: error: this is an agenda, not minutes: use \`scrutineer pack $AGENDA\`$" \
  minutes $AGENDA -o "$OUT" -q
said "the committee's file given to minutes" 1 \
  "^$COMMITTEE: error: this is the committee's own file, not minutes: minutes takes a minutes file, like \`scrutineer minutes $MINUTES\`$" \
  minutes $COMMITTEE -o "$OUT" -q
said "a report given to minutes" 1 \
  "^$REPORT: error: this is a report, an appendix of $AGENDA, not minutes: use \`scrutineer pack $AGENDA\`$" \
  minutes $REPORT -o "$OUT" -q
[ "$(sums)" = "$BEFORE" ] || fail "a file given to the wrong command: documents changed"

# ---- a file that cannot be read ------------------------------------------------------

fresh; mkdir "$WS/minutes/2026-06-17.md"
refused "a folder named as minutes" 1 "^minutes/2026-06-17.md: error: is a folder, not a file$"

fresh; ln -s 2026-09-08.md "$WS/agendas/loop.md"; ln -s loop.md "$WS/agendas/2026-09-08.md"
said "an agenda that is a loop of links" 1 \
  "^agendas/2026-09-08.md: error: cannot read the file: too many levels of symbolic links$" check .

fresh; ln -s gone.md "$WS/agendas/2026-09-08.md"
said "an agenda that is a link to nothing" 1 \
  "^agendas/2026-09-08.md: error: cannot read the file: no such file or directory$" check .

fresh
said "pack given a file that is not there" 1 \
  "^agendas/2026-01-01.md: error: cannot read the file: no such file or directory$" \
  pack agendas/2026-01-01.md -o "$OUT" -q
said "minutes given a file that is not there" 1 \
  "^minutes/2026-01-01.md: error: cannot read the file: no such file or directory$" \
  minutes minutes/2026-01-01.md -o "$OUT" -q

if [ "$(id -u)" != 0 ]; then
  fresh; chmod 000 "$WS/$REPORT"
  said "a report that cannot be read" 1 \
    "^$REPORT: error: cannot read the file: permission denied$" check .
  chmod 644 "$WS/$REPORT"
else
  echo "  skip  a report without read permission: run as root (the unit tests say it)"
fi
