#!/bin/sh
# Seeds for fuzz_report (see its header for the layout): the Word report
# the end-to-end tests make, as a file (mode 2) and as the parts the
# harness zips (mode 0, and 4 stored); and a LibreOffice text of lists,
# a table with header rows and a covered cell, a note, a frame, a tracked
# deletion and an annotation, as parts (mode 1) and as a file (mode 3).
# Usage: seeds-report.sh DIR
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" "$root/tests/e2e/make_reports.py" "$tmp"
"${PYTHON:-python3}" - "$tmp/word.docx" "$out" <<'PY'
import io, os, sys, zipfile
word, out = sys.argv[1], sys.argv[2]

def parts_seed(name, mode, parts):
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([mode]))
        for part, data in parts:
            f.write(b"=== " + part.encode() + b"\n" + data)
            if not data.endswith(b"\n"):
                f.write(b"\n")

def zip_seed(name, mode, parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            z.writestr(part, data)
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([mode]) + buf.getvalue())

with zipfile.ZipFile(word) as z:
    docx = [(n, z.read(n)) for n in z.namelist()
            if n.endswith((".xml", ".rels")) and "customXml" not in n
            and "stylesWithEffects" not in n]
    media = [(n, z.read(n)) for n in z.namelist() if n.startswith("word/media")]
parts_seed("word-parts", 0, docx + media)
parts_seed("word-stored", 4, docx)
zip_seed("word-zip", 2, docx + media)

O = "urn:oasis:names:tc:opendocument:xmlns:"
content = ('<office:document-content xmlns:office="%soffice:1.0" '
    'xmlns:text="%stext:1.0" xmlns:table="%stable:1.0" '
    'xmlns:draw="%sdrawing:1.0" xmlns:style="%sstyle:1.0" '
    'xmlns:fo="%sxsl-fo-compatible:1.0" '
    'xmlns:svg="%ssvg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<office:automatic-styles><style:style style:name="T1" '
    'style:family="text"><style:text-properties fo:font-weight="bold" '
    'style:text-position="super 58%%"/></style:style>'
    '<text:list-style style:name="L1"><text:list-level-style-number '
    'text:level="1" style:num-format="1" text:start-value="3"/>'
    '<text:list-level-style-bullet text:level="2" text:bullet-char="-"/>'
    '</text:list-style></office:automatic-styles>'
    '<office:body><office:text><text:tracked-changes><text:changed-region '
    'text:id="c1"><text:deletion><text:p>gone</text:p></text:deletion>'
    '</text:changed-region></text:tracked-changes>'
    '<text:h text:outline-level="1">Report</text:h>'
    '<text:p>Text <text:span text:style-name="T1">bold</text:span>'
    '<text:s text:c="2"/><text:tab/>and<text:line-break/>'
    '<text:a xlink:href="https://example.org/">a link</text:a>'
    '<text:change text:change-id="c1"/>'
    '<office:annotation><text:p>note to self</text:p></office:annotation>'
    '<text:note text:note-class="footnote"><text:note-citation>1'
    '</text:note-citation><text:note-body><text:p>A note.</text:p>'
    '</text:note-body></text:note>'
    '<draw:frame draw:name="p"><draw:image xlink:href="Pictures/a.png"/>'
    '<svg:desc>A picture</svg:desc></draw:frame></text:p>'
    '<text:list text:style-name="L1"><text:list-item><text:p>one</text:p>'
    '<text:list><text:list-item><text:p>nested</text:p></text:list-item>'
    '</text:list></text:list-item></text:list>'
    '<text:list text:continue-numbering="true" text:style-name="L1">'
    '<text:list-item><text:p>two</text:p></text:list-item></text:list>'
    '<table:table><table:table-header-rows><table:table-row>'
    '<table:table-cell><text:p>A</text:p></table:table-cell>'
    '<table:table-cell><text:p>B</text:p></table:table-cell>'
    '</table:table-row></table:table-header-rows><table:table-row>'
    '<table:table-cell table:number-columns-spanned="2"><text:p>both'
    '</text:p></table:table-cell><table:covered-table-cell/>'
    '</table:table-row></table:table></office:text></office:body>'
    '</office:document-content>') % ((O,) * 7)
png = next((d for n, d in media), b"")
odt = [("mimetype", b"application/vnd.oasis.opendocument.text"),
       ("content.xml", content.encode()), ("Pictures/a.png", png)]
parts_seed("odt-parts", 1, odt)
zip_seed("odt-zip", 3, odt)
PY
