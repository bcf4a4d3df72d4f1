# House templates: named once in committee.md (resolved from it, inside the
# workspace, used by every command; --template overrides it), templates
# that are not a text document's, and command lines whose formats the
# template cannot style. Sourced by run.sh, after make_templates.py.

# name_template VALUE: committee.md names its house template so, on line 4
# (the value at column 11).
name_template() {
  sed "s|^committee: Scrutiny Committee\$|committee: Scrutiny Committee\\
template: $1|" "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
}
HOUSE=../templates/house.docx

# ---- template: in committee.md, refused ---------------------------------------

fresh; name_template $HOUSE
refused "committee.md's template missing" 1 \
  "^$COMMITTEE:4:11: error: template target '$HOUSE' not found$"

fresh; name_template ../../house.docx
refused "committee.md's template outside the workspace" 1 \
  "^$COMMITTEE:4:11: error: template target '../../house.docx' is outside the workspace"

fresh; name_template /tmp/house.docx
refused "committee.md's template an absolute path" 1 \
  "^$COMMITTEE:4:11: error: template target '/tmp/house.docx' is an absolute path"

fresh; name_template ../templates/house.pdf
refused "committee.md's template not a .docx or .odt" 1 \
  "^$COMMITTEE:4:11: error: template '../templates/house.pdf' is not a .docx or .odt document$"

fresh; name_template "[$HOUSE, ../templates/house.odt]"
refused "committee.md's template a list" 1 \
  "^$COMMITTEE:4:11: error: 'template' must name a .docx or .odt document, like ../templates/house.docx$"

fresh; mkdir -p "$WS/templates/house.docx"; name_template $HOUSE
refused "committee.md's template a folder" 1 \
  "^$COMMITTEE:4:11: error: template target '$HOUSE' is a folder, not a file$"

fresh; mkdir -p "$WS/templates"; put template-not-zip.docx templates/house.docx
name_template $HOUSE
refused "committee.md's template not a zip" 1 \
  "^templates/house.docx: error: template is not a zip package"

fresh; mkdir -p "$WS/templates"; cp "$T/spreadsheet.odt" "$WS/templates/house.odt"
name_template ../templates/house.odt
refused "committee.md's template a spreadsheet" 1 \
  "^templates/house.odt: error: template's mimetype is 'application/vnd.oasis.opendocument.spreadsheet', not an OpenDocument text's"

template "--template a spreadsheet saved as .odt" "$T/spreadsheet.odt" \
  "spreadsheet.odt: error: template's mimetype is 'application/vnd.oasis.opendocument.spreadsheet'"

# ---- template: in committee.md, used by every command ---------------------------

# docx_styles FOLDER CHECK: every DOCX in FOLDER (and below) is styled by
# the template CHECK names: "numbered" (committee.md's, repaired) or
# "marked" (--template's).
docx_styles() {
  "$PYTHON" - "$1" "$2" <<'PY'
import pathlib, re, sys, zipfile
folder, which = pathlib.Path(sys.argv[1]), sys.argv[2]
docs = sorted(folder.rglob("*.docx"))
assert docs, "no DOCX in %s" % folder
for doc in docs:
    with zipfile.ZipFile(doc) as z:
        styles = z.read("word/styles.xml").decode()
        body = z.read("word/document.xml").decode()
    ids = set(re.findall(r'w:styleId="([^"]+)"', styles))
    used = set(re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', body))
    assert used <= ids, "%s: styles used but not defined: %s" % (doc.name, used - ids)
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    if which == "numbered":
        assert "8B0000" in heading and "numPr" not in heading, doc.name + ": " + heading
        assert "TextBody" not in styles and "TableGrid" in ids, doc.name
    else:
        assert "HouseMark" in ids and "8B0000" not in styles, doc.name
PY
}

fresh; mkdir -p "$WS/templates"; cp "$T/numbered.docx" "$WS/templates/house.docx"
name_template $HOUSE
NEW=$T/new-template
rm -rf "$NEW"
WARNED="^templates/house.docx: warning: word/styles.xml gives list numbering to styles the documents use \\(heading 1\\)"
run "committee.md's template" 0 "$WARNED" check .
run "committee.md's template" 0 "$WARNED" pack $AGENDA -o "$NEW" -q -f docx
run "committee.md's template" 0 "$WARNED" minutes $MINUTES -o "$NEW" -q -f docx
run "committee.md's template" 0 "$WARNED" tracker --today 2026-06-01 -o "$NEW" -q -f docx
run "committee.md's template" 0 "$WARNED" site --today 2026-06-01 -o "$NEW/site" -q -f docx
docx_styles "$NEW" numbered || fail "committee.md's template does not style every command's DOCX"
total=$((total + 1))
echo "  ok    committee.md's template: styles pack, minutes, tracker and the site, repaired (warnings)"

# the site's documents depend on the template's file
run "the site, committee.md's template unchanged" 0 "$WARNED" site --today 2026-06-01 -o "$NEW/site" -f docx
grep -q "^site: 0 documents built, 3 unchanged$" "$T/stdout" || { cat "$T/stdout"; fail "the site rebuilt documents"; }
cp "$T/marked.docx" "$WS/templates/house.docx"
run "the site, committee.md's template changed" 0 "" site --today 2026-06-01 -o "$NEW/site" -f docx
grep -q "^site: 3 documents built, 0 unchanged$" "$T/stdout" || { cat "$T/stdout"; fail "a changed template did not rebuild the site's documents"; }
total=$((total + 1))
echo "  ok    the site builds its documents again when committee.md's template changes"
cp "$T/numbered.docx" "$WS/templates/house.docx"

rm -rf "$NEW"
run "--template over committee.md's" 0 "" pack $AGENDA -o "$NEW" -q -f docx --template "$T/marked.docx"
run "--template over committee.md's" 0 "" site --today 2026-06-01 -o "$NEW/site" -q -f docx --template "$T/marked.docx"
docx_styles "$NEW" marked || fail "--template does not override committee.md's template"
total=$((total + 1))
echo "  ok    --template overrides committee.md's template for one run"

run "committee.md's DOCX template, -f odt" 0 "$WARNED" pack $AGENDA -o "$NEW" -q -f odt
total=$((total + 1))
echo "  ok    committee.md's DOCX template for -f odt: styles the ODT, no other warning"

# ---- command lines a template cannot serve ----------------------------------------

usage "two --template options" 2 \
  "^scrutineer: error: option '--template' is given twice \\('house.docx', then 'house.odt'\\); give it once$" \
  pack $AGENDA --template house.docx --template house.odt -o "$OUT"
usage "--template .docx, tracker -f csv" 2 \
  "^scrutineer: error: '--template house.docx' styles documents \\(DOCX, ODT, PDF\\), and '-f csv' makes none$" \
  tracker --template house.docx -f csv -o "$OUT"
usage "--template .odt, tracker -f csv" 2 \
  "^scrutineer: error: '--template house.odt' styles documents \\(DOCX, ODT, PDF\\), and '-f csv' makes none$" \
  tracker --template house.odt -f csv -o "$OUT"
