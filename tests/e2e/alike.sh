#!/bin/sh
# The DOCX and the ODT laid out alike, as a reader sees LibreOffice's PDFs
# of them: a copy of the small committee whose report holds numbered lists
# nested four deep, bullets, a quote, a picture wider than the page, and
# reports whose paragraphs end at every height of a page. check_alike.py
# reads both PDFs: the lists labelled 1. a. i. 1. at their indents, the
# bullets hanging alike, the front sheet bold in its labels only, the quote
# grey, the picture between the margins, no line alone at a page's foot or
# head; and the two PDFs the same pages with every word in its place.
# Usage: alike.sh SCRUTINEER TMPDIR
set -eu
T=$2/alike
. "$(dirname "$0")/lib.sh"

WS=$T/ws
rm -rf "$T" && mkdir -p "$T"
cp -r "$ROOT/tests/fixtures/small" "$WS"
"$PYTHON" - "$WS/agendas" <<'PY'
import struct, sys, zlib
agendas = sys.argv[1]
def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0,
                                       0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
# wider than the text: scaled to its 17 cm
open(agendas + "/2026-06-17/wide.png", "wb").write(png(2400, 300, (255, 0, 0)))
open(agendas + "/2026-06-17/layout.md", "w").write("""---
title: Layout
---
Numbered lists:

1. First level
   1. Second level
      1. Third level
         1. Fourth level
2. First level again

- Bullet one
  - Bullet two

> A quoted paragraph, drawn in the quote's grey.

Text after the quote, in black.

Picture:

![A red band](wide.png)
""")
items = "\n## Layout\n\n[Appendix](2026-06-17/layout.md)\n"
# a paragraph of m lines, then one of six: their ends fall at every
# height of a page, one line apart
paragraph = 0
for m in range(36, 50):
    text = []
    for lines in (m, 6):
        paragraph += 1
        text.append(" ".join(["widow%dword" % paragraph] * (7 * lines)))
    name = "widows-%d.md" % m
    open(agendas + "/2026-06-17/" + name, "w").write(
        "---\ntitle: Widows %d\n---\n%s\n" % (m, "\n\n".join(text)))
    items += "\n## Widows %d\n\n[Appendix](2026-06-17/%s)\n" % (m, name)
with open(agendas + "/2026-06-17.md", "a") as f:
    f.write(items)
PY
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -o "$T/out" -q) \
  || fail "pack of the layout report exited $?"
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -o "$T/one" -f docx,odt,pdf -q) \
  || fail "pack -f docx,odt,pdf of the layout report exited $?"
one_layout_holds "$T/one/SC-2026-06-17-agenda-pack.docx" "$T/carried"
for fmt in docx odt; do
  to_pdf "$T/out/SC-2026-06-17-agenda-pack.$fmt" "$T/pdf-$fmt"
done
"$PYTHON" "$HERE/check_alike.py" reader \
  "$T/pdf-docx/SC-2026-06-17-agenda-pack.pdf" \
  "$T/pdf-odt/SC-2026-06-17-agenda-pack.pdf"
"$PYTHON" "$HERE/check_alike.py" pages \
  "$T/pdf-docx/SC-2026-06-17-agenda-pack.pdf" \
  "$T/pdf-odt/SC-2026-06-17-agenda-pack.pdf" \
  $(cd "$WS" && "$PYTHON" -c '
import re, sys
text = open("agendas/2026-06-17.md").read()
n = len(re.findall(r"\[Appendix\]", text))
print(" ".join(chr(ord("A") + i) for i in range(n)))')
