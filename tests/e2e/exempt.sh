#!/bin/sh
# Exempt items and reports to follow. A sentinel string sits in an exempt
# report (title, headings, text, footnote, image alt text, a picture only it
# uses) and in that report's own appendix: it must be nowhere in the public
# pack (DOCX and ODT, every part unzipped; the PDF, every object and its
# text), and in the private pack, every page of whose exempt appendices is
# headed NOT FOR PUBLICATION. Letters match between the packs; a late
# report keeps its letter, comes in the supplement, and then in the pack.
# Usage: tests/e2e/exempt.sh SCRUTINEER TMPDIR
set -eu
. "$(dirname "$0")/lib.sh"
T=$2/exempt
mkdir -p "$T"
WS=$T/ws
cp -r "$ROOT/tests/fixtures/small" "$WS"
S=SENTINEL-7f3a-EXEMPT
LATE=LATE-REPORT-9c2e-TEXT
CHECK="$PYTHON $HERE/check_exempt.py"

cd "$WS"
"$PYTHON" - "$S" <<'PY'
import struct, sys, zlib
s = sys.argv[1]
def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
# a 2x2 PNG whose text chunk carries the sentinel: if the picture is
# packaged, the sentinel is in the package
png = (b"\x89PNG\r\n\x1a\n" +
       chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)) +
       chunk(b"tEXt", b"Comment\x00" + s.encode()) +
       chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\xff\xff")) +
       chunk(b"IEND", b""))
open("agendas/2026-06-17/secret.png", "wb").write(png)
body = "".join(
    f"Paragraph {i} of the restructure: {s} affects named staff in the "
    "service, whose roles, grades and circumstances are set out here at "
    "some length so that the report runs over several pages.\n\n"
    for i in range(1, 60))
open("agendas/2026-06-17/secret.md", "w").write(f"""---
title: Restructure {s}
author: Director {s}
---
# Restructure {s}

## Options for {s}

{body}
The costs are in the annex.[^1] [Appendix](secret-annex.md)

![Chart of {s}](secret.png)

[^1]: Footnote {s}.
""")
open("agendas/2026-06-17/secret-annex.md", "w").write(f"""---
title: Annex {s}
---
# Annex {s}

{body}
""")
open("agendas/2026-06-17/aob.md", "w").write("""---
title: Any other business
---
# Any other business

A public report after the private ones.
""")
with open("agendas/2026-06-17.md", "a") as f:
    f.write("""
## Budget update {to-follow}

[Appendix](2026-06-17/budget.md)

## Staffing review {exempt=1}

Members are asked to consider the report.

[Appendix](2026-06-17/secret.md)

## Any other business

[Appendix](2026-06-17/aob.md)
""")
PY
# Letters: A minutes, B report, C work programme, D budget (to follow),
# E secret, F its annex, G any other business.

"$SCR" check --publish-date 2026-06-01 2>"$T/check.err" || fail "check exited $?"
grep -q "^agendas/2026-06-17.md:33:1: warning: public item 7 comes after exempt item 6" \
  "$T/check.err" || { cat "$T/check.err"; fail "no warning for a public item after an exempt one"; }
pass "a public item after an exempt one is a warning"

OUT=$T/out
"$SCR" pack agendas/2026-06-17.md -f docx,odt,pdf -o "$OUT" -q 2>/dev/null
"$SCR" pack agendas/2026-06-17.md --private -f docx,odt,pdf -o "$OUT" -q 2>/dev/null
PUB=$OUT/SC-2026-06-17-agenda-pack
PRIV=$OUT/SC-2026-06-17-agenda-pack-private
# the exempt pack's DOCX too has the pages of its ODT's layout
one_layout_holds "$PUB.docx" "$T/carried-public"
one_layout_holds "$PRIV.docx" "$T/carried-private"
for f in "$PUB".docx "$PUB".odt "$PUB".pdf "$PRIV".docx "$PRIV".odt "$PRIV".pdf; do
  [ -f "$f" ] || fail "pack did not write $(basename "$f")"
done
pass "public and private packs written under their own names"

$CHECK absent "$S" "$PUB".docx "$PUB".odt "$PUB".pdf || fail "the public pack leaks"
pass "the sentinel is in no part of the public DOCX, ODT or PDF"
$CHECK present "$S" "$PRIV".docx "$PRIV".odt "$PRIV".pdf || fail "the private pack lacks it"
pass "the private pack holds the exempt reports"
same_when_released "$T/released" pack agendas/2026-06-17.md -f docx,odt
same_when_released "$T/released" pack agendas/2026-06-17.md --private -f docx,odt
pass "public and private packs are the same with every report's tree released"
SITE=$T/site
"$SCR" site --today 2026-06-01 --publish-date 2026-06-01 -f docx,odt \
  -o "$SITE" -q 2>/dev/null || fail "site exited $?"
[ -f "$SITE/SC-2026-06-17-agenda-pack.docx" ] || fail "site did not publish the pack"
if ls "$SITE" | grep -q private; then fail "site published a private pack"; fi
if grep -rl "$S" "$SITE"; then fail "the site leaks the exempt report"; fi
$CHECK absent "$S" "$SITE"/*.docx "$SITE"/*.odt || fail "the site's documents leak"
tr -d "\n" <"$SITE/meeting-2026-06-17.html" | grep -q "Appendix E:</strong> *not for publication" ||
  fail "the meeting page does not mark Appendix E as not for publication"
pass "the site publishes the public pack only, and the sentinel is in none of its files"
# Editing only the exempt reports changes nothing the public can see: no
# document is rebuilt and the feed is not rewritten.
site_sums() { (cd "$SITE" && find . -type f | sort | xargs cksum; ls -l --time-style=+%s%N .); }
BEFORE_EDIT=$(site_sums)
sleep 1
printf '\nA late change to %s.\n' "$S" >>agendas/2026-06-17/secret.md
printf '\nAnother to %s.\n' "$S" >>agendas/2026-06-17/secret-annex.md
"$SCR" site --today 2026-06-01 --publish-date 2026-06-01 -f docx,odt \
  -o "$SITE" -q 2>/dev/null || fail "site exited $?"
[ "$(site_sums)" = "$BEFORE_EDIT" ] ||
  fail "editing only an exempt report changed the public site"
pass "editing only the exempt reports rebuilds nothing of the site, nor its feed"
# With PDF, each public report is a page of the site and its pages of the
# pack a PDF of their own; the exempt ones are neither. A report whose item
# is made exempt loses both at the next build, with the pack's PDF when
# that build makes none.
SITE2=$T/site-pdf
P=$SITE2/SC-2026-06-17-agenda-pack-appendix
"$SCR" site --today 2026-06-01 --publish-date 2026-06-01 -f docx,odt,pdf \
  -o "$SITE2" -q 2>/dev/null || fail "site with PDF exited $?"
for L in A B C G; do
  [ -s "$P-$L.html" ] && [ -s "$P-$L.pdf" ] || fail "the site lacks Appendix $L's page or PDF"
done
for L in D E F; do
  [ ! -e "$P-$L.html" ] && [ ! -e "$P-$L.pdf" ] || fail "the site offers Appendix $L"
done
if grep -rl "$S" "$SITE2"; then fail "the site with PDF leaks the exempt report"; fi
$CHECK absent "$S" "$SITE2"/*.pdf "$SITE2"/*.docx "$SITE2"/*.odt || fail "the site's PDFs leak"
grep -q "A public report after the private ones" "$P-G.html" || fail "Appendix G's page lacks its text"
pass "with PDF, the public reports are pages and PDFs of their own, the exempt ones neither"
cp agendas/2026-06-17.md "$T/agenda.md"
sed -i 's/^## Any other business$/## Any other business {exempt=3}/' agendas/2026-06-17.md
"$SCR" site --today 2026-06-01 --publish-date 2026-06-01 -f docx,odt \
  -o "$SITE2" -q 2>/dev/null || fail "site exited $?"
[ ! -e "$P-G.html" ] && [ ! -e "$P-G.pdf" ] || fail "Appendix G, now exempt, is still offered"
[ ! -e "$SITE2/SC-2026-06-17-agenda-pack.pdf" ] || fail "the old PDF of the pack, with Appendix G, is still there"
if grep -rl "A public report after the private ones" "$SITE2"; then
  fail "Appendix G, now exempt, is still in the site"
fi
[ ! -e "$P-A.pdf" ] && [ -s "$P-A.html" ] || fail "Appendix A keeps a PDF cut from the old pack"
cp "$T/agenda.md" agendas/2026-06-17.md
pass "a report whose item is made exempt is withdrawn from the site: page, PDF and the pack's old PDF"
validate_odt "$PRIV".odt "$T/odt-private"
pass "the private ODT, with its master pages, validates against ODF 1.3"

# LibreOffice's layout of each private document: the exempt appendices,
# E and F, headed on every page, and nothing else headed
to_pdf "$PRIV".docx "$T/pdf-docx"
for pdf in "$PRIV".pdf "$T/pdf-docx/SC-2026-06-17-agenda-pack-private.pdf"; do
  $CHECK marked "$pdf" E G "NOT FOR PUBLICATION" || fail "header"
done
# ... alike, headers and all
"$PYTHON" "$HERE/check_alike.py" pages \
  "$T/pdf-docx/SC-2026-06-17-agenda-pack-private.pdf" "$PRIV".pdf \
  A B C E F G || fail "the private DOCX and ODT are laid out differently"

# the same letters in both packs; the exempt ones said not for publication
"$PYTHON" "$HERE/check_pages.py" "$PUB".pdf A B C G
"$PYTHON" "$HERE/check_pages.py" "$PRIV".pdf A B C E F G
$CHECK says "$PUB".pdf "Appendix D \(to follow\)" "Appendix E \(not for publication\)" \
  "^ *Appendix G *$" "^ *Private session *$" \
  "Not for publication by virtue of paragraph 1 of Part 1 of Schedule 12A of the" \
  "Information relating to any individual\." || fail "public agenda"
$CHECK lacks "$PUB".pdf "^ *Appendix [DEF] *$" "NOT FOR PUBLICATION" || fail "public pack"
$CHECK says "$PRIV".pdf "Appendix D \(to follow\)" "Appendix E \(pages? [0-9]+(–[0-9]+)?\)" \
  "^ *Appendix E *$" "^ *Appendix F *$" || fail "private agenda"
pass "letters match between the packs; exempt and late appendices keep theirs"

# ---- the supplement -----------------------------------------------------
set +e
"$SCR" pack agendas/2026-06-17.md --supplement -o "$OUT" -q 2>"$T/sup.err"
status=$?
set -e
[ "$status" = 1 ] || fail "a supplement with nothing in it exited $status"
grep -q "^agendas/2026-06-17.md:25:1: warning: Appendix D .* is still to follow" "$T/sup.err" &&
  grep -q "error: the supplement would be empty" "$T/sup.err" ||
  { cat "$T/sup.err"; fail "no diagnostic for an empty supplement"; }
[ ! -e "$OUT/SC-2026-06-17-agenda-pack-supplement.docx" ] || fail "an empty supplement was written"
pass "a supplement before the late report exists is refused, naming it"

printf -- '---\ntitle: Budget update\n---\n# Budget update\n\n%s\n' "$LATE" \
  >agendas/2026-06-17/budget.md
"$SCR" pack agendas/2026-06-17.md --supplement -f docx,odt,pdf -o "$OUT" -q 2>/dev/null
SUP=$OUT/SC-2026-06-17-agenda-pack-supplement
$CHECK present "$LATE" "$SUP".docx "$SUP".odt "$SUP".pdf || fail "supplement"
$CHECK says "$SUP".pdf "^ *Appendix D *$" "Appendix D \(pages? 2(–[0-9]+)?\)" \
  "supplement to the agenda for the meeting of the\s+Scrutiny\s+Committee\s+on\s+Wednesday,\s+17\s+June\s+2026" \
  || fail "supplement text"
$CHECK lacks "$SUP".pdf "^ *Appendix [ABCEFG] *$" || fail "supplement holds others"
$CHECK absent "$S" "$SUP".docx "$SUP".odt "$SUP".pdf || fail "the supplement leaks"
"$PYTHON" "$HERE/check_pages.py" "$SUP".pdf D
"$SCR" pack agendas/2026-06-17.md -o "$OUT" -q 2>/dev/null
$CHECK absent "$LATE" "$PUB".docx "$PUB".odt || fail "the pack holds a report to follow"
pass "the supplement holds only the late report, as Appendix D"
same_when_released "$T/released" pack agendas/2026-06-17.md --supplement -f docx,odt
same_when_released "$T/released" site --today 2026-06-01 --publish-date 2026-06-01 -f docx,odt
pass "the supplement and the site are the same with every report's tree released"

# once the report is no longer to follow, the pack holds it, same letters
sed -i 's/^## Budget update {to-follow}$/## Budget update/' agendas/2026-06-17.md
"$SCR" pack agendas/2026-06-17.md -f odt,pdf -o "$OUT" -q 2>/dev/null
"$PYTHON" "$HERE/check_pages.py" "$PUB".pdf A B C D G
$CHECK present "$LATE" "$PUB".odt "$PUB".pdf || fail "the rebuilt pack lacks the late report"
$CHECK absent "$S" "$PUB".odt "$PUB".pdf || fail "the rebuilt pack leaks"
pass "the rebuilt pack holds the late report as Appendix D"
