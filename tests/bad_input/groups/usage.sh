# The command line: every option value, operand and option a command does
# not take is bad usage (exit 2), said in a sentence that names the option
# as it was written and what it accepts, before any source is read; a
# workspace that does not exist is a source that cannot be read (exit 1).
# Sourced by run.sh.

# ---- option values -------------------------------------------------------------

usage "--today before 1900" 2 \
  "^scrutineer: error: --today needs a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, not '0001-01-01'$" \
  tracker --today 0001-01-01 -o "$OUT"
usage "site --today before 1900" 2 \
  "^scrutineer: error: --today needs a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, not '0001-01-01'$" \
  site --today 0001-01-01 -o "$T/site"
usage "--today with a signed year" 2 \
  "^scrutineer: error: --today needs a date as YYYY-MM-DD .*, not '\\+202-01-01'$" \
  tracker --today +202-01-01 -o "$OUT"
usage "--publish-date before 1900" 2 \
  "^scrutineer: error: --publish-date needs a date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, not '0001-01-01'$" \
  check --publish-date 0001-01-01
usage "-o an empty name" 2 "^scrutineer: error: option '-o' needs a folder, not ''$" \
  pack "$AGENDA" -o ''
usage "-o followed by an option, not a folder" 2 \
  "^scrutineer: error: option '-o' needs a value \\(the output folder\\) before '--private'$" \
  pack "$AGENDA" -o --private
[ ! -e "$WS/--private" ] || fail "-o --private made a folder called --private"
usage "-f given twice" 2 \
  "^scrutineer: error: option '-f' is given twice \\('docx', then 'odt'\\); give it once$" \
  pack "$AGENDA" -f docx -f odt -o "$OUT"
usage "-f csv for a pack" 2 \
  "^scrutineer: error: pack makes docx, odt, pdf, not csv \\('-f csv'\\)$" \
  pack "$AGENDA" -f csv -o "$OUT"
usage "-f with an empty format name" 2 \
  "^scrutineer: error: unknown format '' in '-f docx,' \\(pack makes docx, odt, pdf\\)$" \
  pack "$AGENDA" -f docx, -o "$OUT"
usage "--template an empty name" 2 \
  "^scrutineer: error: option '--template' needs a .docx or .odt file, not ''$" \
  pack "$AGENDA" --template '' -o "$OUT"
usage "--template not a .docx or .odt" 2 \
  "^scrutineer: error: option '--template' needs a .docx or .odt file, not '$COMMITTEE'$" \
  pack "$AGENDA" --template "$COMMITTEE" -o "$OUT"

usage "import without a report" 2 \
  "^scrutineer: error: import needs a report, e.g. agendas/2026-06-17/budget.docx$" \
  import
usage "import -o an empty name" 2 \
  "^scrutineer: error: option '-o' needs a Markdown file, or - for standard output, not ''$" \
  import "$WS/report.docx" -o ''
usage "-f given to import" 2 \
  "^scrutineer: error: '-f' is one of the options of pack, minutes, tracker and site, not of import$" \
  import "$WS/report.docx" -f docx

# SCRUTINEER_PDF_TIMEOUT is a value the user gives, known bad before any work
export SCRUTINEER_PDF_TIMEOUT=abc
usage "SCRUTINEER_PDF_TIMEOUT not a number" 2 \
  "^scrutineer: error: SCRUTINEER_PDF_TIMEOUT needs a whole number of seconds from 1 to 86400, not 'abc'$" \
  pack "$AGENDA" -f docx,pdf -o "$OUT"
unset SCRUTINEER_PDF_TIMEOUT

# ---- options a command does not take --------------------------------------------

usage "--today given to pack" 2 \
  "^scrutineer: error: '--today' is one of the options of tracker, site, init and new, not of pack$" \
  pack "$AGENDA" --today 2026-06-01 -o "$OUT"
usage "-o given to check" 2 \
  "^scrutineer: error: '-o' is one of the options of pack, minutes, tracker, site and import, not of check$" \
  check -o "$OUT"
usage "--private given to site" 2 \
  "^scrutineer: error: '--private' is one of the options of pack, not of site$" \
  site --private --today 2026-06-01 -o "$T/site"
usage "--actions given to tracker" 2 \
  "^scrutineer: error: '--actions' is one of the options of minutes, not of tracker$" \
  tracker --actions -o "$OUT"
usage "minutes --actions with -o" 2 \
  "^scrutineer: error: minutes --actions lists the actions on stdout and takes no '-o'$" \
  minutes --actions -o "$OUT"

# ---- operands ---------------------------------------------------------------------

usage "an empty workspace operand" 2 "^scrutineer: error: tracker needs a WORKSPACE, not ''$" \
  tracker '' -o "$OUT"

fresh
run "a workspace that does not exist" 1 "^no-such-folder: error: no such file or folder$" \
  check no-such-folder
total=$((total + 1))
echo "  ok    bad input: a workspace that does not exist (exit 1)"

# -- ends the options: what follows is the operand
fresh
run "-- before the operand" 0 '' pack -q -o "$T/dashdash" -- "$AGENDA"
[ -f "$T/dashdash/SC-2026-06-17-agenda-pack.docx" ] || fail "-- before the operand: no pack"
rm -rf "$T/dashdash"
total=$((total + 1))
echo "  ok    command line: -- before the operand (builds)"

# ---- help and version ---------------------------------------------------------------

fresh
run "pack --help" 0 '' pack --help
grep -q "^usage: scrutineer pack AGENDA.md" "$T/stdout" || fail "pack --help: no usage on stdout"
# pack's own help: its options, not those of the other commands
grep -q "^  --private " "$T/stdout" || fail "pack --help: no --private"
! grep -q -e "--today" -e "--actions" -e "scrutineer tracker" "$T/stdout" ||
  fail "pack --help: another command's options or synopsis"
grep -q "^examples:" "$T/stdout" && grep -q "^exit status:" "$T/stdout" ||
  fail "pack --help: no examples or exit status"
cp "$T/stdout" "$T/pack-help"
total=$((total + 1))
echo "  ok    command line: pack --help (exit 0), pack's own help"

# help COMMAND, COMMAND -h and COMMAND --help print the same help
for cmd in "help pack" "pack -h"; do
  # shellcheck disable=SC2086
  run "$cmd" 0 '' $cmd
  cmp -s "$T/stdout" "$T/pack-help" || fail "$cmd: not what pack --help prints"
done
run "help tracker" 0 '' help tracker
grep -q "^usage: scrutineer tracker \[WORKSPACE\] \[--today DATE\]" "$T/stdout" &&
  grep -q -- "-f docx,odt,pdf,csv" "$T/stdout" || fail "help tracker: not tracker's synopsis"
! grep -q -e "--private" "$T/stdout" || fail "help tracker: pack's options"
total=$((total + 1))
echo "  ok    command line: help pack, pack -h and pack --help print the same"

# the overview: every command, one line each, and where to read more
for cmd in help --help; do
  run "$cmd" 0 '' $cmd
  for c in pack minutes tracker site check import help; do
    grep -q "^  $c " "$T/stdout" || fail "$cmd: no line for $c"
  done
  grep -q "scrutineer help COMMAND" "$T/stdout" || fail "$cmd: does not say where to read more"
done
run "help workspace" 0 '' help workspace
grep -q "^  agendas/committee.md " "$T/stdout" || fail "help workspace: no committee.md"
total=$((total + 1))
echo "  ok    command line: help and --help, the overview; help workspace, a topic"

usage "help with an unknown word" 2 \
  "^scrutineer: error: 'nosuch' is not a command nor a help topic$" help nosuch
grep -q "^  import " "$T/stderr" || fail "help nosuch: no list of commands"
usage "help with two words" 2 \
  "^scrutineer: error: unexpected argument 'minutes': help takes one operand, a COMMAND or TOPIC$" \
  help pack minutes
usage "a bad command line shows its command's synopsis" 2 \
  "^usage: scrutineer check \[WORKSPACE\]" check --today 2026-01-01
! grep -q "scrutineer pack" "$T/stderr" || fail "check --today: another command's synopsis"
usage "--version with an operand" 2 "^scrutineer: error: unexpected argument 'extra' after --version$" \
  --version extra

# ---- init and new --------------------------------------------------------------------

usage "new without what to draft" 2 \
  "^scrutineer: error: new drafts an agenda or minutes: write 'new agenda \[DATE\]' or 'new minutes \[DATE\]', not 'new 2026-06-17'$" \
  new 2026-06-17
usage "new agenda with a date that is not one" 2 \
  "^scrutineer: error: new needs a meeting date as YYYY-MM-DD from 1900-01-01 to 9999-12-31, not '2026-02-30'$" \
  new agenda 2026-02-30
usage "new minutes with the workspace before the date" 2 \
  "^scrutineer: error: unexpected argument '2026-06-17': the DATE comes before the WORKSPACE$" \
  new minutes "$T" 2026-06-17
usage "init without a folder" 2 \
  "^scrutineer: error: init needs a folder to start the committee in, e.g. scrutiny$" \
  init
