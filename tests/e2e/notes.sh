#!/bin/sh
# Footnotes as a reader sees them: two reports of the sample pack get notes
# (one referenced twice, one with a link, one in italics); LibreOffice lays
# out the DOCX and the ODT, and each note is at the foot of the page of its
# reference (the report runs on past it), once, numbered from 1 in each
# report.
# Usage: notes.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"

WS=$T/notes-ws
rm -rf "$WS" && mkdir -p "$WS" && cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/"
cat >> "$WS/agendas/2026-06-17/terms-of-reference.md" <<'MD'

## Notes on the terms

The Commission reviews outcomes[^a] and spending.[^b] Again the first.[^a]

MD
# the report runs on for pages after the reference, so a note written at
# the end of the report, not at the foot of the page, is caught
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  echo "Paragraph $i of the terms runs on. The Commission may scrutinise any matter within its remit, call witnesses and make recommendations to the Executive, which responds within two months." >> "$WS/agendas/2026-06-17/terms-of-reference.md"
  echo >> "$WS/agendas/2026-06-17/terms-of-reference.md"
done
cat >> "$WS/agendas/2026-06-17/terms-of-reference.md" <<'MD'
[^a]: See the [Council's website](https://www.leicester.gov.uk/) for the outcomes framework.
[^b]: Figures are for 2025/26, *unaudited*.
MD
cat >> "$WS/agendas/2026-06-17/introduction-to-cype.md" <<'MD'

A note in the next report.[^x]

[^x]: This report numbers its own notes from one.
MD
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -o "$T/notes-out" -q) \
  || fail "pack with footnotes exited $?"
for fmt in docx odt; do
  to_pdf "$T/notes-out/CYPE-2026-06-17-agenda-pack.$fmt" "$T/notes-pdf-$fmt"
  "$PYTHON" - "$T/notes-pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf" "$fmt" <<'PY' \
    || fail "the footnotes of the $fmt as LibreOffice lays it out"
import re, subprocess, sys
pdf, fmt = sys.argv[1], sys.argv[2]
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
pages = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n),
                         pdf, "-"],
                        capture_output=True, text=True).stdout
         for n in range(1, count + 1)]
def on(text):
    return [i + 1 for i, p in enumerate(pages) if text in p]
fails = []
def on_re(pattern):
    return [i + 1 for i, p in enumerate(pages) if re.search(pattern, p)]
ref, note_a, note_b = on("reviews outcomes1"), on_re(r"1\s*See the Council"), \
    on_re(r"2\s*Figures are for 2025/26, unaudited.")
if len(ref) != 1 or note_a != ref or note_b != ref:
    fails.append("notes 1 and 2 on pages %s and %s, their references on %s"
                 % (note_a, note_b, ref))
if len(on("See the Council's website")) != 1:
    fails.append("the note referenced twice is written %d times"
                 % len(on("See the Council's website")))
if not on("Again the first.1"):
    fails.append("the second reference to note 1 does not show its number")
x_ref, x_note = on("next report.1"), on_re(r"1\s*This report numbers its own")
if len(x_ref) != 1 or x_note != x_ref:
    fails.append("the next report's note 1 is on pages %s, its reference on %s"
                 % (x_note, x_ref))
for f in fails:
    print("FAIL (%s): %s" % (fmt, f))
if not fails:
    print("  ok    %s: notes at the foot of page %d, once each, numbered from 1 "
          "in each report (page %d)" % (fmt, ref[0], x_ref[0]))
sys.exit(1 if fails else 0)
PY
done
validate_odt "$T/notes-out/CYPE-2026-06-17-agenda-pack.odt" "$T/notes-odt"
pass "the ODT with footnotes validates against ODF 1.3"
