#!/bin/sh
# --template: a house style edited in Word or LibreOffice replaces the
# built-in one. Usage: template.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$SCR" pack agendas/2026-06-17.md -o "$T/plain" -q

# A council's house style: the built-in one with Heading 1 in dark red.
"$PYTHON" - "$T" <<'PY'
import sys, zipfile
t = sys.argv[1]
def restyle(src, dst, part, old, new):
    zin = zipfile.ZipFile(src)
    styles = zin.read(part).decode()
    assert old in styles, "no %s in %s" % (old, part)
    with zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                data = styles.replace(old, new).encode()
            method = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(item, data, compress_type=method)
stem = t + "/plain/CYPE-2026-06-17-agenda-pack"
restyle(stem + ".docx", t + "/house.docx", "word/styles.xml", "1F3864", "8B0000")
restyle(stem + ".odt", t + "/house.odt", "styles.xml", "#1f3864", "#8b0000")
with zipfile.ZipFile(t + "/nostyles.odt", "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", "<x/>")
PY

"$SCR" pack agendas/2026-06-17.md -o "$T/housed" -q --template "$T/house.docx" -f docx
"$SCR" pack agendas/2026-06-17.md -o "$T/housed" -q --template "$T/house.odt" -f odt
"$PYTHON" - "$T" <<'PY' || fail "templates were not applied"
import sys, zipfile
t = sys.argv[1]
out = t + "/housed/CYPE-2026-06-17-agenda-pack"
docx = zipfile.ZipFile(out + ".docx").read("word/styles.xml")
assert docx == zipfile.ZipFile(t + "/house.docx").read("word/styles.xml"), "DOCX styles differ from the template's"
odt = zipfile.ZipFile(out + ".odt").read("styles.xml").decode()
assert "#8b0000" in odt and "#1f3864" not in odt.split("<office:automatic-styles")[0], "ODT styles are not the template's"
PY
validate_odt "$T/housed/CYPE-2026-06-17-agenda-pack.odt" "$T/housed/odt"
echo "  ok    --template house.docx and house.odt replace the built-in styles"

# With a Word house style the PDF is made from the DOCX that carries it:
# its headings are dark red (0x8B / 255 = 0.545 in PDF colour operators).
"$SCR" pack agendas/2026-06-17.md -o "$T/housed-pdf" -q --template "$T/house.docx" -f pdf
"$PYTHON" - "$T/housed-pdf/CYPE-2026-06-17-agenda-pack.pdf" <<'PY' || fail "the PDF does not wear the .docx house style"
import re, sys, pypdf
reader = pypdf.PdfReader(sys.argv[1])
colours = set()
for page in reader.pages:
    colours |= set(re.findall(rb"([0-9.]+) ([0-9.]+) ([0-9.]+) rg", page.get_contents().get_data()))
red = [c for c in colours if abs(float(c[0]) - 0x8B / 255) < 0.002 and float(c[1]) == 0 and float(c[2]) == 0]
blue = [c for c in colours if abs(float(c[0]) - 0x1F / 255) < 0.002]
assert red and not blue, colours
PY
echo "  ok    --template house.docx -f pdf: the PDF is made from the DOCX and wears its style"

set +e
"$SCR" pack agendas/2026-06-17.md -o "$T/housed" -q --template "$T/nostyles.odt" 2>"$T/err"
rc=$?
set -e
[ $rc = 1 ] && grep -q "nostyles.odt: error: template has no styles.xml" "$T/err" \
  || { cat "$T/err"; fail "a template without styles.xml: exit $rc"; }
echo "  ok    a template without styles is refused (exit 1)"
