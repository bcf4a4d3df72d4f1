#!/bin/sh
# Seeds for fuzz_template (see its header for the layout): mode byte 0/1
# for DOCX/ODT parts the harness zips, 2/3 for a zip file as it is.
# Usage: seeds-template.sh DIR
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
PYTHONPATH="$root/tests/fuzz" "${PYTHON:-python3}" - "$root" "$out" <<'PY'
import io, os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]

import functools
import seeds
parts_seed = functools.partial(seeds.parts_seed, out)
zip_seed = functools.partial(seeds.zip_seed, out)

def read(path):
    with open(path, "rb") as f:
        return f.read()

docx_types = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/styles.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
odt_manifest = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    b'<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    b'</manifest:manifest>')
docx = [("[Content_Types].xml", docx_types),
        ("word/styles.xml", read(os.path.join(root, "templates/docx/styles.xml")))]
odt = [("mimetype", b"application/vnd.oasis.opendocument.text"),
       ("META-INF/manifest.xml", odt_manifest),
       ("styles.xml", read(os.path.join(root, "templates/odt/styles.xml")))]
parts_seed("builtin-docx-parts", 0, docx)
parts_seed("builtin-odt-parts", 1, odt)
parts_seed("builtin-docx-stored", 4, docx)
zip_seed("builtin-docx-zip", 2, docx)
zip_seed("builtin-odt-zip", 3, odt)

# styles as LibreOffice saves outline-numbered headings, for the repair:
# numbering on heading styles, Body Text under another name, no default
W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
lo_docx = (b'<w:styles xmlns:w="' + W + b'">'
    b'<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    b'<w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Heading"/>'
    b'<w:basedOn w:val="Normal"/><w:next w:val="TextBody"/></w:style>'
    b'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/>'
    b'<w:basedOn w:val="Heading"/><w:pPr><w:numPr><w:ilvl w:val="0"/>'
    b'<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    b'<w:style w:type="paragraph" w:styleId="TextBody"><w:name w:val="Body Text"/>'
    b'<w:basedOn w:val="Normal"/></w:style></w:styles>')
O = b'urn:oasis:names:tc:opendocument:xmlns:'
lo_odt = (b'<office:document-styles xmlns:office="' + O + b'office:1.0" '
    b'xmlns:style="' + O + b'style:1.0" xmlns:text="' + O + b'text:1.0">'
    b'<office:styles><style:style style:name="Standard" style:family="paragraph"/>'
    b'<style:style style:name="Text_20_body" style:display-name="Text body" '
    b'style:family="paragraph" style:parent-style-name="Standard"/>'
    b'<style:style style:name="Heading_20_1" style:display-name="Heading 1" '
    b'style:family="paragraph" style:next-style-name="Text_20_body" '
    b'style:list-style-name="L1"/><text:outline-style style:name="Outline">'
    b'<text:outline-level-style text:level="1" style:num-format="1" '
    b'style:num-suffix="."/></text:outline-style></office:styles>'
    b'</office:document-styles>')
parts_seed("libreoffice-docx-parts", 0, [("word/styles.xml", lo_docx)])
parts_seed("libreoffice-odt-parts", 1, [odt[0], ("styles.xml", lo_odt)])

# Word's own template, as Debian's python3-docx ships it, where installed
for base in ("/usr/lib/python3/dist-packages/docx/templates",):
    word = os.path.join(base, "default.docx")
    if os.path.exists(word):
        data = read(word)
        with open(os.path.join(out, "word-default-zip"), "wb") as f:
            f.write(b"\x02" + data)
        with zipfile.ZipFile(word) as z:
            parts = [(n, z.read(n)) for n in z.namelist()]
        parts_seed("word-default-parts", 0, parts)
PY
