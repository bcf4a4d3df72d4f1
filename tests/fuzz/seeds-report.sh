#!/bin/sh
# Seeds for fuzz_report (see its header for the layout): the Word report
# the end-to-end tests make, as a file (mode 2) and as the parts the
# harness zips (mode 0, and 4 stored), and as its body, numbering and notes
# with only the styles they use (small, so that mutations reach the body
# fast); a LibreOffice text of lists, a table with header rows and a
# covered cell, a note, a frame, a tracked deletion and an annotation, as
# parts (mode 1) and as a file (mode 3); and where LibreOffice is
# installed, its ODT of the Word report and its DOCX of that ODT, as the
# parts that carry the text.
# Usage: seeds-report.sh DIR
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" "$root/tests/e2e/make_reports.py" "$tmp"
if command -v soffice >/dev/null; then
  lo() {
    timeout 120 soffice -env:UserInstallation="file://$tmp/lo-profile" \
      --headless --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1 || :
  }
  lo odt "$tmp/lo" "$tmp/word.docx"
  [ -f "$tmp/lo/word.odt" ] && lo 'docx:MS Word 2007 XML' "$tmp/lo-docx" "$tmp/lo/word.odt"
fi
PYTHONPATH="$root/tests/fuzz" "${PYTHON:-python3}" - "$tmp/word.docx" "$out" "$tmp" <<'PY'
import io, os, re, sys, zipfile
word, out, tmp = sys.argv[1], sys.argv[2], sys.argv[3]

import functools
import seeds
parts_seed = functools.partial(seeds.parts_seed, out)
zip_seed = functools.partial(seeds.zip_seed, out)

with zipfile.ZipFile(word) as z:
    docx = [(n, z.read(n)) for n in z.namelist()
            if n.endswith((".xml", ".rels")) and "customXml" not in n
            and "stylesWithEffects" not in n]
    media = [(n, z.read(n)) for n in z.namelist() if n.startswith("word/media")]
parts_seed("word-parts", 0, docx + media)
parts_seed("word-stored", 4, docx)
zip_seed("word-zip", 2, docx + media)


def used_styles(styles, body):
    """styles.xml with only the styles BODY names, those they are based on
    or linked to, and the defaults."""
    style = re.compile(rb'(?s)<w:style [^>]*w:styleId="([^"]+)".*?</w:style>')
    blocks = {m.group(1): m.group(0) for m in style.finditer(styles)}
    found = set(re.findall(rb'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"',
                           body))
    todo = list(found)
    while todo:
        for ref in re.findall(rb'<w:(?:basedOn|link) w:val="([^"]+)"',
                              blocks.get(todo.pop(), b"")):
            if ref not in found:
                found.add(ref)
                todo.append(ref)
    head = styles[:styles.index(b"<w:style ")]
    return (head + b"".join(blocks[s] for s in sorted(found) if s in blocks)
            + b"</w:styles>")


parts = dict(docx)
small = ["[Content_Types].xml", "word/_rels/document.xml.rels",
         "word/document.xml", "word/numbering.xml", "word/footnotes.xml",
         "word/comments.xml", "docProps/core.xml"]
parts_seed("word-small", 0, [(n, parts[n]) for n in small] + [
    ("word/styles.xml", used_styles(parts["word/styles.xml"],
                                    parts["word/document.xml"]))])

# LibreOffice's own files, where it made them: the parts with the text
for path, name, mode, keep in [
        ("lo/word.odt", "lo-odt-parts", 1,
         ("mimetype", "content.xml", "styles.xml", "meta.xml")),
        ("lo-docx/word.docx", "lo-docx-parts", 0,
         ("[Content_Types].xml", "word/_rels/document.xml.rels",
          "word/document.xml", "word/styles.xml", "word/numbering.xml",
          "word/footnotes.xml", "word/comments.xml", "docProps/core.xml"))]:
    path = os.path.join(tmp, path)
    if os.path.exists(path):
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            parts_seed(name, mode, [(n, z.read(n)) for n in keep if n in names])

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
