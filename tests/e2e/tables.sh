#!/bin/sh
# Tables laid out as a reader sees them: a report with a 60-row table of
# measures and a 10-column table of figures, put before the work programme
# of the sample pack, rendered by LibreOffice from the DOCX and the ODT.
# check_tables.py reads the PDF: columns sized from their content (no word
# or number broken, the table within six pages), rows never split, the wide
# table on a landscape page of its own, its heading with it, portrait after
# it; check_pages.py: every appendix where the front sheet says, also those
# after the change of orientation.
# Usage: tables.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"

WS=$T/tables-ws
rm -rf "$WS" && mkdir -p "$WS" && cp -r "$ROOT/agendas" "$ROOT/minutes" "$WS/"
"$PYTHON" "$HERE/check_tables.py" --write "$WS/agendas/2026-06-17/measures.md"
"$PYTHON" - "$WS/agendas/2026-06-17.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
item = ("## Measures of performance\n\nThe quarter's measures.\n\n"
        "[Appendix](2026-06-17/measures.md)\n\n")
assert "## Work programme" in text
open(path, "w", encoding="utf-8").write(
    text.replace("## Work programme", item + "## Work programme", 1))
PY
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -o "$T/tables-out" -q) \
  || fail "pack with the tables report exited $?"
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -o "$T/tables-one" -f docx,odt,pdf -q) \
  || fail "pack -f docx,odt,pdf with the tables report exited $?"
one_layout_holds "$T/tables-one/CYPE-2026-06-17-agenda-pack.docx" "$T/tables-carried"
for fmt in docx odt; do
  to_pdf "$T/tables-out/CYPE-2026-06-17-agenda-pack.$fmt" "$T/tables-pdf-$fmt"
  pdf=$T/tables-pdf-$fmt/CYPE-2026-06-17-agenda-pack.pdf
  "$PYTHON" "$HERE/check_tables.py" "$pdf" "$fmt" \
    || fail "the tables as LibreOffice lays out the $fmt"
  "$PYTHON" "$HERE/check_pages.py" "$pdf" A B C D E F G H \
    || fail "page references of the $fmt with a landscape page"
done
# alike, landscape pages and their footers too
"$PYTHON" "$HERE/check_alike.py" pages \
  "$T/tables-pdf-docx/CYPE-2026-06-17-agenda-pack.pdf" \
  "$T/tables-pdf-odt/CYPE-2026-06-17-agenda-pack.pdf" A B C D E F G H \
  || fail "the DOCX and ODT with a landscape page are laid out differently"
validate_odt "$T/tables-out/CYPE-2026-06-17-agenda-pack.odt" "$T/tables-odt"
pass "the ODT with sized columns and a landscape page validates against ODF 1.3"
