#!/bin/sh
# Seeds for fuzz_pdf (see its header for the layout): PDFs
# written here by hand, small and uncompressed so that mutations reach
# the objects, the cross-reference table and the pages' text (two pages
# with a title, a page rotated to landscape, a crop box, a picture, a
# compressed text, no pages, a page too small, a Unicode title); Pillow's
# PDFs of pictures (a scanned page); where the qpdf command is installed,
# the hand-written PDF rewritten by it (object and cross-reference
# streams, linearized, QDF, encrypted with and without a password, one page
# of it, rotated); where LibreOffice is installed, its PDF of a text with
# a title, a table, a landscape page and a picture; and a few files that
# must be refused (a PNG, a truncated PDF). Each is a file as it is (mode
# 0) and, where it has one cross-reference table, its objects and trailer
# (mode 1). Every seed is under 100 KB.
# Usage: seeds-pdf.sh DIR
set -eu
out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$tmp/pdf"
"${PYTHON:-python3}" - "$tmp" <<'PY'
import io
import os
import sys
import zlib

tmp = sys.argv[1]


def stream(data, extra=b""):
    return (b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data
            + b"\nendstream")


def pdf(objects, info=None):
    """A PDF of `objects` (1 is the catalog), with its xref table."""
    body = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info:
        trailer += b" /Info %d 0 R" % info
    body += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(body)


def text(lines, x=72, y=720):
    ops = [b"BT /F1 12 Tf 14 TL %d %d Td" % (x, y)]
    for line in lines:
        ops.append(b"(" + line + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def pages_pdf(pages, title=None, font=True):
    """A PDF of `pages`, each (page dictionary entries, content stream)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    font_ref = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    for entries, content, extra in pages:
        objects.append(stream(content, extra))
        content_ref = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R " + entries
                       + b" /Resources << /Font << /F1 %d 0 R >> >>"
                       % font_ref + b" /Contents %d 0 R >>" % content_ref)
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = (b"<< /Type /Pages /Kids [" + b" ".join(kids)
                  + b"] /Count %d >>" % len(kids))
    info = None
    if title is not None:
        objects.append(b"<< /Title " + title + b" /Producer (scrutineer) >>")
        info = len(objects)
    return pdf(objects, info)


def save(name, data):
    with open(os.path.join(tmp, "pdf", name), "wb") as f:
        f.write(data)


letter = b"/MediaBox [0 0 612 792]"
save("hand-two-pages.pdf", pages_pdf([
    (letter, text([b"Committee report", b"Item 1:   budget\t2026"]), b""),
    (letter, text([b"Second page", b"", b"", b"after blank lines"]), b""),
], title=b"(Slides for the committee)"))
save("hand-rotated.pdf", pages_pdf([
    (letter + b" /Rotate 90", text([b"Landscape page"]), b""),
    (b"/MediaBox [0 0 612 792] /CropBox [36 36 576 756] /Rotate 180",
     text([b"Cropped and upside down"]), b""),
]))
save("hand-flate.pdf", pages_pdf([
    (letter, zlib.compress(text([b"Compressed text stream"])),
     b" /Filter /FlateDecode"),
], title=b"<FEFF00530063006800e9006d0061>"))
# a scanned page: an image and no text
image = stream(bytes(range(48)), b" /Type /XObject /Subtype /Image /Width 4"
               b" /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8")
save("hand-image.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Resources "
    b"<< /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
    stream(b"q 200 0 0 300 0 0 cm /Im1 Do Q"),
    image,
]))
save("hand-no-pages.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [] /Count 0 >>",
]))
save("hand-tiny-page.pdf", pages_pdf([
    (b"/MediaBox [0 0 7.2 792]", text([b"thin"], 0, 700), b""),
]))

from PIL import Image, ImageDraw

scan = Image.new("RGB", (170, 220), "white")
ImageDraw.Draw(scan).text((10, 10), "A scanned letter", fill="black")
buf = io.BytesIO()
scan.save(buf, "PDF", resolution=20.0, title="Scanned letter")
save("pillow-scan.pdf", buf.getvalue())
buf = io.BytesIO()
scan.convert("L").save(buf, "PDF", save_all=True, resolution=20.0,
                       append_images=[Image.new("1", (100, 60), 1)])
save("pillow-two-pages.pdf", buf.getvalue())

buf = io.BytesIO()
scan.save(buf, "PNG")
save("not-pdf.png", buf.getvalue())
two = open(os.path.join(tmp, "pdf", "hand-two-pages.pdf"), "rb").read()
save("truncated.pdf", two[:len(two) * 2 // 3])
PY

# qpdf's own rewritings of the hand-written PDF
if command -v qpdf >/dev/null; then
  in=$tmp/pdf/hand-two-pages.pdf
  pdf=$tmp/pdf
  q() { qpdf "$@" 2>/dev/null || [ $? -eq 3 ]; } # 3: written with warnings
  q --object-streams=generate "$in" "$pdf/qpdf-object-streams.pdf"
  q --linearize "$in" "$pdf/qpdf-linearized.pdf"
  q --qdf --object-streams=disable "$in" "$pdf/qpdf-qdf.pdf"
  q --encrypt user owner 256 -- "$in" "$pdf/qpdf-password.pdf"
  q --encrypt '' owner 256 --print=none -- "$in" "$pdf/qpdf-restricted.pdf"
  q --allow-weak-crypto --encrypt '' owner 128 --use-aes=n -- "$in" "$pdf/qpdf-rc4.pdf"
  q --empty --pages "$in" 2 -- "$pdf/qpdf-one-page.pdf"
  q --rotate=+90:1 "$pdf/hand-rotated.pdf" "$pdf/qpdf-rotated.pdf"
fi

# LibreOffice's PDF of a text with a title, a table, a landscape page and
# a picture (its fonts embedded, as most appendices have them)
if command -v soffice >/dev/null; then
  "${PYTHON:-python3}" - "$tmp/report.fodt" <<'PY'
import base64
import io
import sys

from PIL import Image

buf = io.BytesIO()
Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, "PNG")
picture = base64.b64encode(buf.getvalue()).decode()
O = "urn:oasis:names:tc:opendocument:xmlns:"
doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="{O}office:1.0" xmlns:text="{O}text:1.0"
 xmlns:table="{O}table:1.0" xmlns:style="{O}style:1.0"
 xmlns:fo="{O}xsl-fo-compatible:1.0" xmlns:draw="{O}drawing:1.0"
 xmlns:svg="{O}svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Budget monitoring, quarter 2</dc:title></office:meta>
<office:automatic-styles>
 <style:page-layout style:name="PL"><style:page-layout-properties
  fo:page-width="29.7cm" fo:page-height="21cm"
  style:print-orientation="landscape"/></style:page-layout>
 <style:style style:name="Wide" style:family="paragraph"
  style:master-page-name="Landscape"/>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard"/>
 <style:master-page style:name="Landscape" style:page-layout-name="PL"/>
</office:master-styles>
<office:body><office:text>
<text:h text:outline-level="1">Budget monitoring</text:h>
<text:p>Spend to date is    within budget.</text:p>
<table:table><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Service</text:p></table:table-cell>
<table:table-cell><text:p>Spend</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Libraries</text:p></table:table-cell>
<table:table-cell><text:p>£1,200</text:p></table:table-cell></table:table-row>
</table:table>
<text:p><draw:frame draw:name="p" svg:width="2cm" svg:height="2cm"
 text:anchor-type="as-char"><draw:image><office:binary-data>{picture}
</office:binary-data></draw:image><svg:desc>A red square</svg:desc>
</draw:frame></text:p>
<text:p text:style-name="Wide">A landscape page: Ελληνικά, кириллица.</text:p>
</office:text></office:body></office:document>
"""
open(sys.argv[1], "w", encoding="utf-8").write(doc)
PY
  timeout 120 soffice -env:UserInstallation="file://$tmp/lo-profile" \
    --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/report.fodt" \
    >/dev/null 2>&1 || :
  [ -f "$tmp/lo/report.pdf" ] && cp "$tmp/lo/report.pdf" "$tmp/pdf/lo-report.pdf"
fi

# Each as the harness reads it: the mode byte 0 and the file; and where it
# has one cross-reference table, mode 1: its objects and its trailer, the
# harness making the table
"${PYTHON:-python3}" - "$tmp/pdf" "$out" <<'PY'
import os
import sys

pdfs, out = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(pdfs)):
    data = open(os.path.join(pdfs, name), "rb").read()
    with open(os.path.join(out, name), "wb") as f:
        f.write(b"\0" + data)
    xref, trailer = data.find(b"\nxref\n"), data.find(b"trailer")
    if (xref < 0 or trailer < xref or data.count(b"\nxref\n") != 1
            or data.count(b"trailer") != 1):
        continue
    end = data.find(b"startxref", trailer)
    stem = name.rsplit(".", 1)[0]
    with open(os.path.join(out, stem + "-objects"), "wb") as f:
        f.write(b"\1" + data[:xref + 1] + data[trailer:end])
PY
for f in "$out"/*; do
  if [ "$(wc -c < "$f")" -ge 102400 ]; then
    echo "seeds-pdf.sh: $f is 100 KB or more" >&2
    exit 1
  fi
done
