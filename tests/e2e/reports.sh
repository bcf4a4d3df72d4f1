#!/bin/sh
# Officers' reports from Word and LibreOffice as appendices. A report built
# by python-docx on Word's own template (with a tracked insertion and
# deletion, a comment, a footnote, complex and simple fields, a content
# control, nested and restarted lists, cells merged across and down, a
# picture with alt text and a landscape section), and LibreOffice's ODT
# and DOCX of it, are linked from an agenda, and a Word report from an
# exempt item. In the pack each appendix has pandoc's words in pandoc's
# order (DOCX by python-docx, PDF by poppler), its tables, pictures and
# notes; the deleted text, the comment and the fields' instructions are in
# no output, public or private, nor the site, and the fields' results are;
# the landscape section is landscape. Importing the report and linking the
# Markdown gives the same DOCX and ODT, byte for byte; import names its
# outputs as documented.
# check and import name each unusable file.
# Usage: reports.sh SCRUTINEER TMPDIR
set -eu
. "$(dirname "$0")/lib.sh"
T=$2/reports
mkdir -p "$T"
SRC=$T/src
mkdir -p "$SRC"
CHECK="$PYTHON $HERE/check_reports.py"
"$PYTHON" "$HERE/make_reports.py" "$SRC" || fail "making the reports"
lo() {
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1 \
    || fail "LibreOffice could not convert $(basename "$3")"
}
lo odt "$SRC/lo" "$SRC/word.docx"
lo 'docx:MS Word 2007 XML' "$SRC/lo-docx" "$SRC/lo/word.odt"
for f in word.docx lo/word.odt lo-docx/word.docx; do
  $CHECK holds "$SRC/$f" DELETEDSENTINEL COMMENTSENTINEL INSTRSENTINEL \
    FIELDRESULT FIELDSIMPLE || fail "LibreOffice dropped what the test needs"
done
pass "python-docx made word.docx; LibreOffice made its ODT and a DOCX of that, each with the sentinels"

WS=$T/ws
rm -rf "$WS" && cp -r "$ROOT/tests/fixtures/small" "$WS"
D=$WS/agendas/2026-06-17
cp "$SRC/word.docx" "$D/word.docx"
cp "$SRC/lo/word.odt" "$D/lo.odt"
cp "$SRC/lo-docx/word.docx" "$D/lo.docx"
cp "$SRC/exempt.docx" "$D/staffing.docx"
cat >> "$WS/agendas/2026-06-17.md" <<'MD'

## School places

[Appendix](2026-06-17/word.docx)

## School places, as LibreOffice saved it

[Appendix](2026-06-17/lo.odt)

## School places, saved again as Word

[Appendix](2026-06-17/lo.docx)

## Staffing {exempt=1}

[Appendix](2026-06-17/staffing.docx)

## Slide notes

[Appendix](2026-06-17/wide.docx)
MD
cp "$SRC/wide.docx" "$D/wide.docx"
cd "$WS"
"$SCR" check . >"$T/check.txt" 2>&1 || fail "check of the workspace: $(cat "$T/check.txt")"
grep -q "word.docx: warning: a table has merged cells" "$T/check.txt" \
  || fail "no warning of the merged cell: $(cat "$T/check.txt")"
"$SCR" pack agendas/2026-06-17.md -f docx,odt,pdf -o "$T/out" -q 2>/dev/null \
  || fail "pack exited $?"
"$SCR" pack agendas/2026-06-17.md --private -f docx,odt,pdf -o "$T/out" -q \
  2>/dev/null || fail "private pack exited $?"
PACK=$T/out/SC-2026-06-17-agenda-pack
validate_odt "$PACK.odt" "$T/odt"
validate_odt "$PACK-private.odt" "$T/odt-private"
pass "the public and private ODT with the reports validate against ODF 1.3"
# the letters: A minutes, B report.md, C work programme, then ours
for pair in D:word.docx E:lo/word.odt F:lo-docx/word.docx; do
  letter=${pair%%:*} source=$SRC/${pair#*:}
  said=$($CHECK words "$PACK.docx" "$letter" "$source") \
    || fail "Appendix $letter against pandoc"
  pass "$said"
  said=$($CHECK pdfwords "$PACK.pdf" "$letter" "$source") \
    || fail "Appendix $letter's PDF against pandoc"
  pass "$said"
done
"$PYTHON" - "$PACK.docx" <<'PY' || fail "the report's landscape section"
import re, sys, zipfile
body = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
at = body.index("This part of the report is landscape.")
sect = re.search(r"<w:sectPr.*?</w:sectPr>", body[at:], re.S).group(0)
assert 'w:orient="landscape"' in sect, sect
back = body.index("Back in portrait for the conclusion")
sect = re.search(r"<w:sectPr.*?</w:sectPr>", body[back:], re.S).group(0)
assert 'w:orient="landscape"' not in sect, sect
PY
pass "the report's landscape section is landscape in the pack, and after it portrait"
"$PYTHON" - "$PACK.pdf" <<'PY' || fail "a report landscape from its first page"
import re, subprocess, sys
pdf = sys.argv[1]
info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf],
                      capture_output=True, text=True).stdout
sizes = {int(n): (float(w), float(h)) for n, w, h in
         re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)}
def text(n):
    return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                          capture_output=True, text=True).stdout
page = next(n for n in sorted(sizes) if re.search(r"^Appendix H\n", text(n), re.M))
w, h = sizes[page]
assert w > h, "Appendix H's heading on a portrait page %d" % page
assert "A wide report" in text(page), "the wide report not on its heading's page"
PY
pass "a report landscape from its first page has its appendix heading on that page"

"$SCR" site . -o "$T/site" -f docx,odt -q 2>/dev/null || fail "site exited $?"
said=$($CHECK never "$T/out" DELETEDSENTINEL COMMENTSENTINEL INSTRSENTINEL) \
  || fail "a sentinel in the packs"
pass "packs: $said"
mkdir -p "$T/public"
cp "$PACK.docx" "$PACK.odt" "$PACK.pdf" "$T/public/"
said=$($CHECK never "$T/public" EXEMPTSENTINEL) \
  || fail "the exempt Word report in the public pack"
pass "public pack: $said"
"$PYTHON" -c 'import sys, zipfile; sys.exit("EXEMPTSENTINEL" not in zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' \
  "$PACK-private.docx" || fail "the exempt Word report is not in the private pack"
pass "the exempt Word report is in the private pack"
said=$($CHECK never "$T/site" DELETEDSENTINEL COMMENTSENTINEL INSTRSENTINEL EXEMPTSENTINEL) \
  || fail "a sentinel in the site"
pass "site: $said"
"$PYTHON" - "$PACK.docx" <<'PY' || fail "the fields' results"
import re, sys, zipfile
body = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
# Word's PAGE result (LibreOffice's own files hold the number it counted)
assert "on page 3 of its own numbering" in text, "PAGE"
# Word's and LibreOffice's DOCX keep the simple field's result; LibreOffice's ODT too
assert text.count("The reference is FIELDRESULT, filed as FIELDSIMPLE.") == 3, "QUOTE"
PY
pass "the fields' cached results are text in the three appendices"

# import, then link the Markdown: the same pack
"$SCR" import "$D/word.docx" -o "$D/imported.md" -q 2>"$T/import.err" \
  || fail "import exited $?: $(cat "$T/import.err")"
[ -f "$D/imported/image1.png" ] || fail "import wrote no picture beside the Markdown"
grep -q '^title: "Sufficiency of School Places 2026"$' "$D/imported.md" \
  || fail "the imported front matter: $(head -4 "$D/imported.md")"
cp -r "$WS" "$T/ws-md"
sed -i 's#2026-06-17/word.docx#2026-06-17/imported.md#' "$T/ws-md/agendas/2026-06-17.md"
(cd "$T/ws-md" && "$SCR" pack agendas/2026-06-17.md -f docx,odt -o "$T/out-md" -q 2>/dev/null) \
  || fail "pack of the imported report exited $?"
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -f docx,odt -o "$T/out-docx" -q 2>/dev/null) \
  || fail "pack exited $?"
# nothing differs: not the body, the notes, the pictures nor the metadata
for fmt in docx odt; do
  cmp -s "$T/out-md/SC-2026-06-17-agenda-pack.$fmt" \
    "$T/out-docx/SC-2026-06-17-agenda-pack.$fmt" \
    || fail "the $fmt pack differs when the imported Markdown is linked"
done
pass "linking the imported Markdown gives the same DOCX and ODT, byte for byte"

# import on its own: report.md beside the report, its picture in report/
# and named so, warnings on stderr as report.docx: warning:; an earlier
# import is not replaced unasked, -o replaces it; -o - writes the same
# Markdown to standard output and no picture, with a warning
IMP=$T/import
rm -rf "$IMP" && mkdir -p "$IMP"
cp "$SRC/word.docx" "$IMP/report.docx"
cd "$IMP"
"$SCR" import report.docx >"$T/imp.out" 2>"$T/imp.err" \
  || fail "import exited $?: $(cat "$T/imp.err")"
[ "$(cat "$T/imp.out")" = "wrote report.md" ] || fail "import said: $(cat "$T/imp.out")"
[ -f report.md ] && [ -f report/image1.png ] || fail "import wrote: $(find . | sort)"
grep -qxF '![Bar chart of school places by ward](report/image1.png)' report.md \
  || fail "the picture is not named report/image1.png in report.md"
cmp -s report/image1.png "$D/imported/image1.png" || fail "the picture's bytes differ"
grep -q '^report.docx: warning: a table has merged cells' "$T/imp.err" \
  || fail "import's warnings: $(cat "$T/imp.err")"
cp report.md "$T/imp-first.md"
echo "An officer's edit." >>report.md
set +e
"$SCR" import report.docx >/dev/null 2>"$T/imp.err"
rc=$?
set -e
[ $rc -eq 1 ] || fail "a second import exited $rc"
grep -q "^report.docx: error: report.md is there already; give -o report.md to replace it$" \
  "$T/imp.err" || fail "a second import said: $(cat "$T/imp.err")"
grep -q "An officer's edit." report.md || fail "a second import replaced the edited Markdown"
"$SCR" import report.docx -o report.md -q 2>/dev/null || fail "import -o report.md exited $?"
cmp -s report.md "$T/imp-first.md" || fail "import -o report.md did not replace it"
rm -rf report
"$SCR" import report.docx -o - >"$T/imp-stdout.md" 2>"$T/imp.err" \
  || fail "import -o - exited $?"
cmp -s "$T/imp-stdout.md" report.md || fail "import -o - wrote other Markdown"
[ ! -e report ] || fail "import -o - wrote the pictures"
grep -q '^report.docx: warning: its picture is not written with the Markdown on standard output' \
  "$T/imp.err" || fail "import -o - did not warn of the picture: $(cat "$T/imp.err")"
[ "$(ls)" = "$(printf 'report.docx\nreport.md')" ] || fail "import left: $(ls)"
cd "$WS"
pass "import writes report.md and report/image1.png, keeps an edited import unless -o, and -o - is stdout"

# what check says of files that are not usable reports; pack and import
# write nothing
n=0
for pair in \
  "not-a-zip.docx:is not a zip package" \
  "encrypted.docx:is encrypted or in Word's old .doc format" \
  "macro.docx:is a macro-enabled Word document" \
  "no-body.docx:has no word/document.xml" \
  "broken.docx:word/document.xml is not well-formed XML" \
  "bomb.docx:word/document.xml is too large or too highly compressed" \
  "not-a-zip.odt:is not a zip package" \
  "no-body.odt:has no content.xml" \
  "bomb.odt:content.xml is too large or too highly compressed" \
  "spreadsheet.odt:not an OpenDocument text's" \
  "encrypted.odt:is encrypted (saved with a password)" \
  "broken.odt:content.xml is not well-formed XML"; do
  file=${pair%%:*} want=${pair#*:}
  bad=$T/bad-$file
  rm -rf "$bad" && cp -r "$ROOT/tests/fixtures/small" "$bad"
  cp "$SRC/$file" "$bad/agendas/2026-06-17/$file"
  printf '\n## Bad\n\n[Appendix](2026-06-17/%s)\n' "$file" >>"$bad/agendas/2026-06-17.md"
  set +e
  (cd "$bad" && "$SCR" check . >"$T/bad.txt" 2>&1)
  rc=$?
  (cd "$bad" && "$SCR" pack agendas/2026-06-17.md -o out -q >/dev/null 2>&1)
  prc=$?
  "$SCR" import "$bad/agendas/2026-06-17/$file" -o "$bad/imported.md" -q \
    >"$T/bad-import.txt" 2>&1
  irc=$?
  set -e
  [ $rc -eq 1 ] || fail "check of $file exited $rc"
  [ $prc -eq 1 ] && [ ! -e "$bad/out" ] || fail "pack of $file exited $prc or wrote"
  grep -q "^agendas/2026-06-17/$file: error: .*$want" "$T/bad.txt" \
    || fail "check of $file said: $(cat "$T/bad.txt")"
  [ $irc -eq 1 ] && [ ! -e "$bad/imported.md" ] && [ ! -e "$bad/imported" ] \
    || fail "import of $file exited $irc or wrote"
  grep -q ": error: .*$want" "$T/bad-import.txt" \
    || fail "import of $file said: $(cat "$T/bad-import.txt")"
  n=$((n + 1))
done
pass "check and import name what is wrong with $n unusable reports; pack and import write nothing"

# a picture without alt text is warned of, as in Markdown, and --strict
# makes it an error
nalt=$T/no-alt
rm -rf "$nalt" && cp -r "$ROOT/tests/fixtures/small" "$nalt"
cp "$SRC/no-alt.docx" "$nalt/agendas/2026-06-17/"
printf '\n## Site plan\n\n[Appendix](2026-06-17/no-alt.docx)\n' >>"$nalt/agendas/2026-06-17.md"
(cd "$nalt" && "$SCR" check . >"$T/no-alt.txt" 2>&1) || fail "check with a picture without alt text: $(cat "$T/no-alt.txt")"
grep -q "^agendas/2026-06-17/no-alt.docx: warning: .*alt text" "$T/no-alt.txt" \
  || fail "no warning of the picture without alt text: $(cat "$T/no-alt.txt")"
set +e
(cd "$nalt" && "$SCR" check . --strict >/dev/null 2>&1)
rc=$?
set -e
[ $rc -eq 1 ] || fail "check --strict with a picture without alt text exited $rc"
grep -q "^agendas/2026-06-17/no-alt.docx: warning: heading 'Access road' (Heading 3) skips a level after 'The site' (Heading 1); .*make it Heading 2$" "$T/no-alt.txt" \
  || fail "the skipped heading level, in Word's terms: $(cat "$T/no-alt.txt")"
pass "a Word picture without alt text is warned of, an error under --strict; a skipped heading level is said in Word's terms"

# a Word report to follow keeps its letter before it is written, and comes
# in the supplement once it is
late=$T/late
rm -rf "$late" && cp -r "$ROOT/tests/fixtures/small" "$late"
printf '\n## School places {to-follow}\n\n[Appendix](2026-06-17/late.docx)\n' >>"$late/agendas/2026-06-17.md"
(cd "$late" && "$SCR" check . >/dev/null 2>&1) || fail "check with a Word report to follow, not yet written"
(cd "$late" && "$SCR" pack agendas/2026-06-17.md -f docx -o out -q 2>/dev/null) \
  || fail "pack with a Word report to follow, not yet written"
cp "$SRC/word.docx" "$late/agendas/2026-06-17/late.docx"
(cd "$late" && "$SCR" pack agendas/2026-06-17.md --supplement -f docx -o out -q 2>/dev/null) \
  || fail "the supplement with the Word report written"
"$PYTHON" - "$late/out/SC-2026-06-17-agenda-pack-supplement.docx" <<'PY' || fail "the supplement's Word report"
import sys, zipfile
body = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
assert "Appendix D" in body and "projected demand" in body
PY
pass "a Word report to follow keeps its letter, and the supplement holds it"
