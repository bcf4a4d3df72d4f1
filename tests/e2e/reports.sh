#!/bin/sh
# Officers' reports from Word and LibreOffice as appendices. A report built
# by python-docx on Word's own template (with a tracked insertion and
# deletion, a comment, a footnote, fields, a content control, nested and
# restarted lists, a merged cell, a picture with alt text and a landscape
# section), and LibreOffice's ODT and DOCX of it, are linked from an
# agenda, and a Word report from an exempt item. In the pack each
# appendix has pandoc's words in pandoc's order (DOCX by python-docx, PDF
# by poppler), its tables, pictures and notes; the deleted text, the
# comment and the field's instruction are in no output, public or private,
# nor the site; the landscape section is landscape. Importing the report
# and linking the Markdown gives the same pack. check names each unusable
# file.
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
pass "python-docx made word.docx; LibreOffice made its ODT and a DOCX of that"

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
MD
cd "$WS"
"$SCR" check . >"$T/check.txt" 2>&1 || fail "check of the workspace: $(cat "$T/check.txt")"
grep -q "word.docx: warning: a table has merged cells" "$T/check.txt" \
  || fail "no warning of the merged cell: $(cat "$T/check.txt")"
"$SCR" pack agendas/2026-06-17.md -f docx,odt,pdf -o "$T/out" -q 2>/dev/null \
  || fail "pack exited $?"
"$SCR" pack agendas/2026-06-17.md --private -f docx,odt,pdf -o "$T/out" -q \
  2>/dev/null || fail "private pack exited $?"
PACK=$T/out/SC-2026-06-17-agenda-pack
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
"$PYTHON" - "$PACK.docx" <<'PY' || fail "the field's result"
import sys, zipfile
body = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
assert "on page 3 of its own numbering" in body.replace("</w:t></w:r><w:r><w:t xml:space=\"preserve\">", "")
PY
pass "the field's cached result is text"

# import, then link the Markdown: the same pack
"$SCR" import "$D/word.docx" -o "$D/imported.md" -q || fail "import exited $?"
[ -f "$D/imported/image1.png" ] || fail "import wrote no picture beside the Markdown"
grep -q '^title: "Sufficiency of School Places 2026"$' "$D/imported.md" \
  || fail "the imported front matter: $(head -4 "$D/imported.md")"
cp -r "$WS" "$T/ws-md"
sed -i 's#2026-06-17/word.docx#2026-06-17/imported.md#' "$T/ws-md/agendas/2026-06-17.md"
(cd "$T/ws-md" && "$SCR" pack agendas/2026-06-17.md -f docx,odt -o "$T/out-md" -q 2>/dev/null) \
  || fail "pack of the imported report exited $?"
(cd "$WS" && "$SCR" pack agendas/2026-06-17.md -f docx,odt -o "$T/out-docx" -q 2>/dev/null) \
  || fail "pack exited $?"
for fmt in docx odt; do
  part=word/document.xml
  [ "$fmt" = odt ] && part=content.xml
  zip_part "$T/out-md/SC-2026-06-17-agenda-pack.$fmt" "$part" >"$T/md.$fmt.xml"
  zip_part "$T/out-docx/SC-2026-06-17-agenda-pack.$fmt" "$part" >"$T/docx.$fmt.xml"
  cmp -s "$T/md.$fmt.xml" "$T/docx.$fmt.xml" \
    || fail "the $fmt pack differs when the imported Markdown is linked"
done
pass "linking the imported Markdown gives the same DOCX and ODT body"

# what check says of files that are not usable reports
for pair in \
  "not-a-zip.docx:is not a zip package" \
  "encrypted.docx:is encrypted or in Word's old .doc format" \
  "macro.docx:is a macro-enabled Word document" \
  "no-body.docx:has no word/document.xml" \
  "broken.docx:word/document.xml is not well-formed XML" \
  "bomb.docx:word/document.xml is too large or too highly compressed" \
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
  set -e
  [ $rc -eq 1 ] || fail "check of $file exited $rc"
  [ $prc -eq 1 ] && [ ! -e "$bad/out" ] || fail "pack of $file exited $prc or wrote"
  grep -q "^agendas/2026-06-17/$file: error: .*$want" "$T/bad.txt" \
    || fail "check of $file said: $(cat "$T/bad.txt")"
done
pass "check names what is wrong with 9 unusable reports; pack writes nothing"

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
pass "a Word picture without alt text is warned of, an error under --strict"

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
