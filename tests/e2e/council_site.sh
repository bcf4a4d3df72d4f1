#!/bin/sh
# The council's site: tests/fixtures/council with the sample committee
# copied into committees/cype, the joint report an appendix of both
# committees' packs and an exempt report in ASC's. Built with PDF through
# a wrapper that counts LibreOffice's runs (one for the whole council);
# read back (the council's index, calendar and feed against each
# committee's own; each committee's site under committees/); served and
# driven with Chromium (every page, link and download, axe-core, phone
# widths); built again with nothing changed (nothing rewritten); the
# exempt report on no page or file of the site.
# Usage: council_site.sh SCRUTINEER TMPDIR
set -eu
T=$2/council-site
. "$(dirname "$0")/lib.sh"
NODE_DIR=${NODE_DIR:-$ROOT/build/node}
SHOTS=${SITE_SHOTS:-$ROOT/build/site-screenshots}/council
TODAY=2026-06-01
S=SENTINEL-c0c1-EXEMPT
rm -rf "$T"
mkdir -p "$T"
WS=$T/ws
SITE=$T/site
cp -r "$ROOT/tests/fixtures/council" "$WS"
mkdir -p "$WS/committees/cype"
cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/committees/cype/"
printf '\n## Preparing for adulthood: joint report\n\nThe joint report with the Adult Social Care Scrutiny Commission.\n\n[Appendix](../../asc/agendas/2026-06-18/joint-report.md)\n' \
  >>"$WS/committees/cype/agendas/2026-06-17.md"
printf -- '---\ntitle: Care home contract %s\n---\n# Care home contract\n\nThe bids, %s, are commercially sensitive.\n' "$S" "$S" \
  >"$WS/committees/asc/agendas/2026-06-18/contract.md"
printf '\n## Care home contract {exempt=3}\n\nMembers are asked to consider the bids.\n\n[Appendix](2026-06-18/contract.md)\n' \
  >>"$WS/committees/asc/agendas/2026-06-18.md"
cd "$WS"
"$SCR" check --publish-date 2026-06-01 . >"$T/check.out" 2>&1 ||
  { cat "$T/check.out"; fail "check of the council exited $?"; }

mkdir -p "$T/bin"
printf '#!/bin/sh\nn=0; for a; do case $a in *.odt|*.docx) n=$((n+1));; esac; done\necho $n >>"%s/runs"\nexec "%s" "$@"\n' \
  "$T/bin" "$(command -v soffice)" >"$T/bin/soffice"
chmod +x "$T/bin/soffice"
PATH="$T/bin:$PATH" "$SCR" site . -o "$SITE" --today "$TODAY" -f docx,odt,pdf \
  >"$T/site.out" 2>"$T/site.err" || { cat "$T/site.err"; fail "site of the council exited $?"; }
grep -qx "site: 2 committees, 7 documents built, 0 unchanged" "$T/site.out" ||
  { tail -3 "$T/site.out"; fail "the council's site did not build its 7 documents"; }
[ "$(cat "$T/bin/runs")" = 7 ] ||
  fail "the council's 7 documents took LibreOffice runs of $(tr '\n' ' ' <"$T/bin/runs")documents, not one of 7"
! grep -q "warning" "$T/site.err" || [ "$(grep -c warning "$T/site.err")" = "$(grep -c warning "$T/check.out")" ] ||
  { cat "$T/site.err"; fail "the site repeats the committees' warnings"; }
pass "site on the council builds both committees' documents with one LibreOffice run of 7"

"$PYTHON" - "$SITE" "$WS" "$TODAY" <<'PY' || fail "the council's site does not read back"
import os, re, sys
from lxml import etree
import icalendar
site, ws, today = sys.argv[1:]

def fail(m):
    sys.exit("FAIL: " + m)

def page(path):
    etree.parse(path)  # well-formed
    return etree.parse(path, etree.HTMLParser())

def meetings(folder):
    text = open(os.path.join(folder, "agendas", "committee.md")).read()
    return re.search(r"^meetings: \[(.*)\]$", text, re.M).group(1).replace(" ", "").split(",")

index = page(os.path.join(site, "index.html"))
if index.findtext(".//h1") != "Leicester City Council":
    fail("the council's index is headed %r" % index.findtext(".//h1"))
links = [a.get("href") for a in index.iter("a")]
upcoming = []
for slug in ("asc", "cype"):
    if "committees/%s/index.html" % slug not in links:
        fail("the index does not link committees/%s/index.html" % slug)
    if not os.path.isfile(os.path.join(site, "committees", slug, "index.html")):
        fail("committees/%s has no site" % slug)
    upcoming += [(d, slug) for d in meetings(os.path.join(ws, "committees", slug)) if d >= today]
# every upcoming meeting of both, by date
listed = [h for h in links if h and re.match(r"committees/\w+/meeting-", h)]
want = ["committees/%s/meeting-%s.html" % (s, d) for d, s in sorted(upcoming)]
if listed != want:
    fail("the index lists %s, not %s" % (listed, want))
for href in listed:
    if not os.path.isfile(os.path.join(site, href)):
        fail("%s is not in the site" % href)
# the committees with their members
text = " ".join(index.getroot().itertext())
for slug in ("asc", "cype"):
    cm = open(os.path.join(ws, "committees", slug, "agendas", "committee.md")).read()
    chair = re.search(r"^chair: (.*)$", cm, re.M)
    if chair and chair.group(1).strip() + " (Chair)" not in text:
        fail("the index does not give %s's chair" % slug)
# one calendar of both committees' events, the same events as theirs
def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}
council = events(os.path.join(site, "meetings.ics"))
own = {}
for slug in ("asc", "cype"):
    own.update(events(os.path.join(site, "committees", slug, "meetings.ics")))
if set(council) != set(own) or not council:
    fail("the council's calendar has %d events, the committees' %d" % (len(council), len(own)))
for uid, e in council.items():
    if e["DTSTART"].to_ical() != own[uid]["DTSTART"].to_ical():
        fail("event %s starts at another time in the council's calendar" % uid)
# one feed of both committees' packs
feed = etree.parse(os.path.join(site, "feed.xml"))
ns = {"a": "http://www.w3.org/2005/Atom"}
entries = feed.findall("a:entry", ns)
if len(entries) != 2:
    fail("the council's feed has %d entries, not 2" % len(entries))
for e in entries:
    for link in e.findall("a:link", ns):
        href = link.get("href")
        if not os.path.isfile(os.path.join(site, href)):
            fail("the feed links %s, not in the site" % href)
        if link.get("rel") == "enclosure" and \
                int(link.get("length")) != os.path.getsize(os.path.join(site, href)):
            fail("the feed gives %s the wrong length" % href)
# the joint report: a page in both committees' sites
for slug, stem in (("asc", "ASC-2026-06-18"), ("cype", "CYPE-2026-06-17")):
    pages = [f for f in os.listdir(os.path.join(site, "committees", slug))
             if f.startswith(stem + "-agenda-pack-appendix-") and f.endswith(".html")]
    if not any("This report tells both Commissions" in open(os.path.join(site, "committees", slug, f)).read()
               for f in pages):
        fail("%s's site has no page of the joint report" % slug)
    back = page(os.path.join(site, "committees", slug, "index.html"))
    if "../../index.html" not in [a.get("href") for a in back.iter("a")]:
        fail("committees/%s/index.html does not lead back to the council" % slug)
print("  ok    the council's index lists %d upcoming meetings of both committees by date, "
      "and both committees with their chairs; its calendar has their %d events, its feed "
      "their 2 packs; the joint report is a page of both" % (len(listed), len(council)))
PY

if grep -rl "$S" "$SITE"; then fail "the council's site leaks the exempt report"; fi
"$PYTHON" "$HERE/check_exempt.py" absent "$S" "$SITE"/committees/asc/*.docx \
  "$SITE"/committees/asc/*.odt "$SITE"/committees/asc/*.pdf || fail "the ASC documents leak"
ls "$SITE"/committees/asc | grep -q "appendix-D" && fail "the site offers the exempt Appendix D"
pass "the exempt report is on no page and in no file of the council's site"

mkdir -p "$SHOTS"
serve_site "$T" "$SITE" council
SCREEN_PAGES="index.html committees/cype/index.html committees/asc/meeting-2026-06-18.html committees/cype/CYPE-2026-06-17-agenda-pack-appendix-F.html" \
NODE_PATH=$NODE_DIR/node_modules node "$HERE/site_browser.js" \
  "http://127.0.0.1:$PORT/council/" "$SHOTS" \
  committees/cype/meeting-2026-06-17.html committees/asc/meeting-2026-06-18.html \
  || fail "the council's site does not pass in Chromium"
kill $SERVER

stamps() {
  (cd "$SITE" && find . -type f | sort | while read -r f; do
    printf '%s %s\n' "$f" "$(stat -c %Y.%y "$f")"; done)
}
stamps >"$T/before"
sleep 1
"$SCR" site . -o "$SITE" --today "$TODAY" -f docx,odt,pdf >"$T/site2.out" 2>&1 ||
  fail "the second site of the council exited $?"
grep -q "^site: 2 committees, 0 documents built, 7 unchanged" "$T/site2.out" ||
  { cat "$T/site2.out"; fail "the second build rebuilt documents"; }
stamps >"$T/after"
diff "$T/before" "$T/after" >/dev/null ||
  { diff "$T/before" "$T/after"; fail "a second build of the council changed files"; }
pass "a second build of the council with nothing changed rewrites nothing"

# The joint report edited: both packs that hold it are made again, and
# nothing else.
printf '\nA sentence added to the joint report.\n' \
  >>committees/asc/agendas/2026-06-18/joint-report.md
"$SCR" site . -o "$SITE" --today "$TODAY" -f docx,odt,pdf >"$T/site3.out" 2>&1 ||
  { cat "$T/site3.out"; fail "the third site of the council exited $?"; }
grep -q "^site: 2 committees, 2 documents built, 5 unchanged" "$T/site3.out" ||
  { tail -3 "$T/site3.out"; fail "editing the joint report did not rebuild its two packs alone"; }
grep -l "A sentence added to the joint report" "$SITE"/committees/*/*-appendix-*.html \
  | wc -l | grep -qx 2 || fail "the joint report's two pages do not show the edit"
pass "editing the joint report rebuilds the two packs that hold it, and its two pages"

# An error in one committee (CYPE, built after ASC): exit 1, the
# diagnostic, and no file of the site touched, ASC's neither.
stamps >"$T/before-bad"
printf '\n## A broken link\n\n[Appendix](2026-06-17/missing.md)\n' \
  >>committees/cype/agendas/2026-06-17.md
set +e
"$SCR" site . -o "$SITE" --today "$TODAY" -f docx,odt >"$T/bad.out" 2>"$T/bad.err"
status=$?
set -e
[ "$status" = 1 ] || { cat "$T/bad.err"; fail "site on a council with an error exited $status"; }
grep -q "^committees/cype/agendas/2026-06-17.md:[0-9]*:[0-9]*: error: " "$T/bad.err" ||
  { cat "$T/bad.err"; fail "no file:line:col error for the broken link"; }
stamps >"$T/after-bad"
diff "$T/before-bad" "$T/after-bad" >/dev/null ||
  { diff "$T/before-bad" "$T/after-bad"; fail "a council with an error had its site changed"; }
pass "an error in one committee: file:line:col, exit 1, no file of the council's site touched"
