#!/bin/sh
# The download site: built once with PDF, read back (calendar, feed, pages,
# appendix pages against the PDF), served on 127.0.0.1 and driven with
# Chromium (links, downloads, axe-core, screenshots); built again with
# nothing changed, which must rebuild and rewrite nothing; then, without
# PDF, one report changed rebuilds its pack alone; bad sources write nothing.
# Usage: site.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
TODAY=2026-09-01
SITE=$T/site
PACK=CYPE-2026-06-17-agenda-pack
NODE_DIR=${NODE_DIR:-$ROOT/build/node}
SHOTS=${SITE_SHOTS:-$ROOT/build/site-screenshots}

# through a wrapper that counts LibreOffice's runs and the documents each
# is given: the site's documents are laid out by one run of it
mkdir -p "$T/site-bin"
printf '#!/bin/sh\nn=0; for a; do case $a in *.odt|*.docx) n=$((n+1));; esac; done\necho $n >>"%s/runs"\nexec "%s" "$@"\n' \
  "$T/site-bin" "$(command -v soffice)" >"$T/site-bin/soffice"
chmod +x "$T/site-bin/soffice"
PATH="$T/site-bin:$PATH" "$SCR" site -o "$SITE" --today "$TODAY" -f docx,odt,pdf \
  >"$T/site.stdout" || fail "site exited $?"
[ "$(cat "$T/site-bin/runs")" = 4 ] \
  || fail "the site's 4 documents took LibreOffice runs of $(tr '\n' ' ' <"$T/site-bin/runs")documents, not one of 4"
for stem in $PACK CYPE-2026-04-14-minutes CYPE-2026-06-17-minutes \
  CYPE-$TODAY-tracker; do
  for ext in docx odt pdf; do
    [ -s "$SITE/$stem.$ext" ] || fail "site did not write $stem.$ext"
  done
done
for page in index.html work-programme.html style.css meetings.ics feed.xml \
  meeting-2026-06-17.html meeting-2026-09-08.html; do
  [ -s "$SITE/$page" ] || fail "site did not write $page"
done
grep -qx "site: 4 documents built, 0 unchanged" "$T/site.stdout" \
  || fail "site did not build its 4 documents"
pass "site wrote every pack, minutes and tracker as DOCX, ODT and PDF, and its pages, with one LibreOffice run"

"$PYTHON" "$HERE/check_site.py" "$SITE" . "$TODAY" $PACK 2026-06-17 \
  || fail "the site does not read back"
# each report a page of its own and its pages of the pack a PDF of their own
A=agendas/2026-06-17
"$PYTHON" "$HERE/check_report_pages.py" "$SITE" meeting-2026-06-17.html \
  minutes/2026-04-14.md:A $A/terms-of-reference.md:B $A/introduction-to-cype.md:C \
  $A/executive-response-hnb.md:D $A/post-inspection-improvement-plan.md:E \
  $A/priorities-performance-q4.md:F agendas/workprogramme.md:G \
  || fail "the reports' pages do not read back"

# Served from a sub-path, as a council's web server would, on a free port.
mkdir -p "$SHOTS"
serve_site "$T" "$SITE" committee
MEETINGS=$(sed -n 's/^meetings: \[\(.*\)\]$/\1/p' agendas/committee.md | tr -d ',')
NODE_PATH=$NODE_DIR/node_modules node "$HERE/site_browser.js" \
  "http://127.0.0.1:$PORT/committee/" "$SHOTS" $MEETINGS \
  || fail "the site does not pass in Chromium"
kill $SERVER

# Nothing changed: nothing rebuilt, no file touched.
stamps() {
  (cd "$SITE" && for f in * .scrutineer-site.tsv; do
    printf '%s %s\n' "$f" "$(stat -c %Y.%y "$f")"; done)
}
stamps >"$T/before"
sleep 1
"$SCR" site -o "$SITE" --today "$TODAY" -f docx,odt,pdf >"$T/site2.stdout" \
  || fail "site exited $? the second time"
stamps >"$T/after"
diff "$T/before" "$T/after" >/dev/null \
  || { diff "$T/before" "$T/after"; fail "a second build changed files"; }
grep -qx "site: 0 documents built, 4 unchanged" "$T/site2.stdout" \
  || { cat "$T/site2.stdout"; fail "a second build rebuilt documents"; }
! grep -q "^wrote" "$T/site2.stdout" || fail "a second build wrote files"
pass "a second build with no change rebuilds and rewrites nothing ($(wc -l <"$T/before") files, same times)"

# One report changed (no PDF, to keep it quick): its pack alone is rebuilt.
WS=$T/site-ws
mkdir -p "$WS"
cp -R agendas minutes "$WS/"
QUICK=$T/site-quick
"$SCR" site "$WS" -o "$QUICK" --today "$TODAY" -f docx,odt -q || fail "site (docx,odt) exited $?"
SITE=$QUICK
stamps >"$T/q-before"
sleep 1
printf '\nA late paragraph.\n' >>"$WS/agendas/2026-06-17/terms-of-reference.md"
"$SCR" site "$WS" -o "$QUICK" --today "$TODAY" -f docx,odt >"$T/site3.stdout" \
  || fail "site exited $? after a report changed"
stamps >"$T/q-after"
grep -qx "site: 1 document built, 3 unchanged" "$T/site3.stdout" \
  || { cat "$T/site3.stdout"; fail "a changed report did not rebuild its pack alone"; }
changed=$(diff "$T/q-before" "$T/q-after" | sed -n 's/^> \([^ ]*\) .*/\1/p' | sort | tr '\n' ' ')
for f in $PACK.docx $PACK.odt; do
  case " $changed " in *" $f "*) ;; *) fail "$f was not rewritten" ;; esac
done
case "$changed" in *minutes*|*tracker*|*meetings.ics*|*style.css*)
  fail "files that do not depend on the report were rewritten: $changed" ;;
esac
pass "a changed report rebuilds its pack alone (rewritten: $changed)"

# site_edit NAME EXPECT FILE TEXT: append TEXT to FILE of the quick
# workspace and build again; exactly the documents EXPECT names (stems,
# space-separated, sorted) are rebuilt, and no file of another is touched.
site_edit() {
  stamps >"$T/e-before"
  sleep 1
  printf '%b' "$4" >>"$WS/$3"
  "$SCR" site "$WS" -o "$QUICK" --today "$TODAY" -f docx,odt >"$T/e.stdout" \
    || fail "$1: site exited $?"
  stamps >"$T/e-after"
  rebuilt=$(diff "$T/e-before" "$T/e-after" |
    sed -n 's/^> \([^ ]*\)\.\(docx\|odt\) .*/\1/p' | sort -u | tr '\n' ' ')
  want=$(printf '%s\n' $2 | sort -u | tr '\n' ' ')
  [ "$rebuilt" = "$want" ] || { cat "$T/e.stdout"; fail "$1: rebuilt '$rebuilt', not '$want'"; }
  n=$(echo "$2" | wc -w)
  grep -q "^site: $n documents\? built, $((4 - n)) unchanged$" "$T/e.stdout" \
    || { cat "$T/e.stdout"; fail "$1: the count of documents built is wrong"; }
  pass "$1 rebuilds $2 alone"
}
# The latest minutes: a sentence changes their own document alone (no
# action changed, so not the tracker); an action, the tracker too. Never
# the June pack, whose tracker is as of its meeting, before them.
site_edit "a sentence added to the latest minutes" \
  "CYPE-2026-06-17-minutes" minutes/2026-06-17.md \
  '\nThe Chair thanked the officers.\n'
site_edit "an action added to the latest minutes" \
  "CYPE-2026-06-17-minutes CYPE-$TODAY-tracker" minutes/2026-06-17.md \
  '\n## School transport\n\nAGREED:\n\n1. That a report on school transport be brought to the Commission in December.\n'
# Earlier minutes: their document and the pack they are Appendix A of; not
# the later minutes (their numbering is as it was), nor the tracker (no
# action changed).
site_edit "a sentence added to the April minutes" \
  "CYPE-2026-04-14-minutes $PACK" minutes/2026-04-14.md \
  '\nThe Chair thanked the clerk.\n'
# A minute added to them numbers every later minute on by one, and with
# them the IDs of the later actions the tracker lists.
site_edit "a minute added to the April minutes" \
  "CYPE-2026-04-14-minutes CYPE-2026-06-17-minutes $PACK CYPE-$TODAY-tracker" \
  minutes/2026-04-14.md '\n## Date of next meeting\n\nThe next meeting is on 17 June 2026.\n'

# Bad sources: exit 1 and nothing written.
printf -- '---\ndate: 2026-02-30\n---\n## Item\n' >"$WS/agendas/2026-09-08.md"
set +e
"$SCR" site "$WS" -o "$T/site-bad" --today "$TODAY" -f docx,odt -q 2>"$T/site-bad.err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "site on bad sources exited $rc, not 1"
grep -q "agendas/2026-09-08.md:2:[0-9]*: error:" "$T/site-bad.err" \
  || { cat "$T/site-bad.err"; fail "site on bad sources did not name the place"; }
[ ! -e "$T/site-bad" ] || fail "site on bad sources wrote $T/site-bad"
pass "site on bad sources: file:line:col error, exit 1, nothing written"
