# Sources that are not what they claim: files that are not regular files,
# a meeting given by two sources, a key given twice, templates whose parts
# are not the parts of their format. Sourced by run.sh.

# ---- files that are not regular files ----------------------------------------

# fifo PATH: PATH in the workspace becomes a FIFO; no command may wait on
# it (the commands are run under a time limit that a hang would pass).
fifo() {
  fresh
  rm -f "$WS/$1"
  mkfifo "$WS/$1"
}
if command -v mkfifo >/dev/null && command -v timeout >/dev/null; then
  SCR_REAL=$SCR
  SCR=$T/scrutineer-in-time
  printf '#!/bin/sh\nexec timeout 20 "%s" "$@"\n' "$SCR_REAL" >"$SCR"
  chmod +x "$SCR"
  fifo $MINUTES
  refused "the minutes a FIFO" 1 "^$MINUTES: error: not a regular file"
  fifo minutes/2026-06-17.md
  refused "a FIFO beside the minutes" 1 "^minutes/2026-06-17.md: error: not a regular file"
  fifo $COMMITTEE
  refused "committee.md a FIFO" 1 "^$COMMITTEE: error: not a regular file"
  fifo $WP
  refused "the work programme a FIFO" 1 "^$WP: error: not a regular file"
  fifo agendas/2026-09-08.md
  refused "an agenda a FIFO" 1 "^agendas/2026-09-08.md: error: not a regular file"
  fifo agendas/2026-06-17/chart.png
  refused "an image a FIFO" 1 "^$REPORT:[0-9]+:1: error: image target 'chart.png' is not a regular file"
  fresh
  mkfifo "$T/house.docx"
  template "a template a FIFO" "$T/house.docx" "house.docx: error: not a regular file"
  rm -f "$T/house.docx"
  SCR=$SCR_REAL
else
  echo "  skip  FIFOs: mkfifo or timeout is missing"
fi

# ---- one meeting, one agenda, one minutes file --------------------------------

fresh
sed 's/^date: 2026-06-17$/date: 2026-09-08/' "$ROOT/tests/fixtures/small/$AGENDA" \
  >"$WS/$AGENDA"
refused "an agenda whose date is not its file name's" 1 \
  "^$AGENDA:2:7: error: date: 2026-09-08 does not match the file name 2026-06-17.md"

fresh
cp "$WS/$AGENDA" "$WS/agendas/2026-09-08.md"
refused "two agendas for one meeting" 1 \
  "^agendas/2026-09-08.md:2:7: error: date: 2026-06-17 does not match the file name 2026-09-08.md"
run "two agendas for one meeting" 1 \
  "^agendas/2026-09-08.md:2:7: error: two agendas for the meeting of 2026-06-17: this and $AGENDA" \
  check .

fresh
sed 's/^date: 2026-04-14$/date: 2026-06-17/' "$ROOT/tests/fixtures/small/$MINUTES" \
  >"$WS/$MINUTES"
refused "minutes whose date is not their file name's" 1 \
  "^$MINUTES:2:7: error: date: 2026-06-17 does not match the file name 2026-04-14.md"

fresh
sed -e 's/^date: 2026-04-14$/date: 2026-05-05/' -e 's/^first_minute: 214$/first_minute: 300/' \
  "$ROOT/tests/fixtures/small/$MINUTES" >"$WS/minutes/2026-05-05.md"
run "minutes of a meeting not in the schedule" 0 \
  "^minutes/2026-05-05.md:2:7: warning: minutes of 2026-05-05, a meeting not in the committee's schedule" \
  check .
total=$((total + 1))
echo "  ok    awkward input: minutes of a meeting not in the schedule (a warning)"

# ---- a front-matter key given twice -------------------------------------------

fresh
sed 's/^time: "18:00"$/time: "18:00"\ndate: 2026-09-08/' \
  "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
refused "the agenda's date given twice" 1 \
  "^$AGENDA:4:1: error: front matter: 'date' is given twice \\(first on line 2\\)"

fresh
sed 's/^committee: Scrutiny Committee$/committee: Scrutiny Committee\ncommittee: Planning Committee/' \
  "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
refused "committee: given twice" 1 \
  "^$COMMITTEE:4:1: error: front matter: 'committee' is given twice \\(first on line 3\\)"

fresh
sed 's/  - {name: Fay Fox, role: Governance Services,/  - {name: Fay Fox, name: Gil Gray, role: Governance Services,/' \
  "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
refused "a contact's name given twice" 1 \
  "^$COMMITTEE:10:[0-9]+: error: front matter: 'name' is given twice"

# ---- templates whose parts are not their format's -----------------------------

"$PYTHON" - "$T" "$ROOT/templates/odt/styles.xml" <<'PY'
import sys, zipfile
out = sys.argv[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
S = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
def docx(name, styles):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/styles.xml", styles)
def odt(name, styles):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"),
                   "application/vnd.oasis.opendocument.text")
        z.writestr("styles.xml", styles)
docx("html-styles.docx", "<html><script>alert(1)</script></html>")
docx("empty-styles.docx", f'<w:styles xmlns:w="{W}"/>')
docx("wrong-ns.docx", '<w:styles xmlns:w="urn:example"><w:style/></w:styles>')
docx("broken-styles.docx", f'<w:styles xmlns:w="{W}"><w:style>')
odt("html-styles.odt", "<html/>")
odt("empty-styles.odt",
    f'<office:document-styles xmlns:office="{O}"><office:styles/>'
    '</office:document-styles>')
odt("docx-styles.odt", f'<w:styles xmlns:w="{W}"><w:style/></w:styles>')
# the built-in styles with the fo: prefix never declared, as a mutation
# found it: the pack's styles would repeat fo:language
with open(sys.argv[2], encoding="utf-8") as f:
    builtin = f.read()
odt("undeclared-prefix.odt",
    builtin.replace('xmlns:fo="', 'xmlns:fodraw="', 1))
docx("undeclared-prefix.docx",
     f'<w:styles xmlns:w="{W}"><w:style w14:paraId="1"/></w:styles>')
# a part whose bytes are not those its CRC was taken of: stored, one
# letter of a comment changed, so that only the CRC tells
with zipfile.ZipFile(f"{out}/corrupted.odt", "w", zipfile.ZIP_STORED) as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    z.writestr("styles.xml", builtin)
with open(f"{out}/corrupted.odt", "r+b") as f:
    data = f.read()
    f.seek(data.index(b"scrutineer's house style"))
    f.write(b"S")
PY
template "a DOCX template whose styles are HTML" "$T/html-styles.docx" \
  "html-styles.docx: error: word/styles.xml is not a WordprocessingML styles part"
template "a DOCX template with no styles in its styles part" "$T/empty-styles.docx" \
  "empty-styles.docx: error: word/styles.xml is not a WordprocessingML styles part"
template "a DOCX template's styles in another namespace" "$T/wrong-ns.docx" \
  "wrong-ns.docx: error: word/styles.xml is not a WordprocessingML styles part"
template "a DOCX template's styles not well formed" "$T/broken-styles.docx" \
  "broken-styles.docx: error: word/styles.xml is not well-formed XML"
template "an ODT template whose styles are HTML" "$T/html-styles.odt" \
  "html-styles.odt: error: styles.xml is not an OpenDocument styles part"
template "an ODT template with no styles" "$T/empty-styles.odt" \
  "empty-styles.odt: error: styles.xml is not an OpenDocument styles part"
template "an ODT template holding Word's styles" "$T/docx-styles.odt" \
  "docx-styles.odt: error: styles.xml is not an OpenDocument styles part"
template "an ODT template using a prefix it does not declare" "$T/undeclared-prefix.odt" \
  "undeclared-prefix.odt: error: styles.xml uses the prefix 'fo' \\(in 'fo:[a-z-]+', line [0-9]+\\) without declaring its namespace"
template "a DOCX template using a prefix it does not declare" "$T/undeclared-prefix.docx" \
  "undeclared-prefix.docx: error: word/styles.xml uses the prefix 'w14' \\(in 'w14:paraId', line 1\\)"
template "an ODT template whose styles part fails its CRC" "$T/corrupted.odt" \
  "corrupted.odt: error: template's styles.xml cannot be read"

# ---- a file that is not an agenda, given to pack ------------------------------

fresh
run "a minutes file given to pack" 1 \
  "^$MINUTES: error: this is a minutes file, not an agenda: use \`scrutineer minutes $MINUTES\`$" \
  pack $MINUTES -o "$OUT" -q
[ "$(sums)" = "$BEFORE" ] || fail "a minutes file given to pack: documents changed"
total=$((total + 1))
echo "  ok    bad input: a minutes file given to pack (exit 1)"

# ---- misspelt keys, and fields said twice or not taken ----------------------

fresh
sed 's/^vice_chair:/vice-chair:/' "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
built "committee.md's vice-chair: for vice_chair:" \
  "^$COMMITTEE:6:1: warning: unknown front-matter key 'vice-chair' is ignored; did you mean 'vice_chair'\\?" \
  "contains:Councillor Ann Able (Chair)"

fresh
sed 's/^date: 2026-06-17$/date: 2026-06-17\nTitel: Agenda/' \
  "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
built "an agenda's Titel: for title:" \
  "^$AGENDA:3:1: warning: unknown front-matter key 'Titel' is ignored; did you mean 'title'\\?" \
  "contains:To receive apologies."

fresh
sed 's/^author:/autor:/' "$ROOT/tests/fixtures/small/$REPORT" >"$WS/$REPORT"
built "a report's autor: for author:" \
  "^$REPORT:3:1: warning: unknown front-matter key 'autor' is ignored; did you mean 'author'\\?" \
  "contains:Performance report"

fresh
sed 's/^apologies:/apology:/' "$ROOT/tests/fixtures/small/$MINUTES" >"$WS/$MINUTES"
built "the minutes' apology: for apologies:" \
  "^$MINUTES:6:1: warning: unknown front-matter key 'apology' is ignored$" \
  "contains:To receive apologies."

fresh
sed 's/^title:/titel:/' "$ROOT/tests/fixtures/small/$WP" >"$WS/$WP"
built "the work programme's titel: for title:" \
  "^$WP:2:1: warning: unknown front-matter key 'titel' is ignored; did you mean 'title'\\?" \
  "contains:To receive apologies."

fresh
sed 's/^members: \[/members: [Councillor Ann Able, /' \
  "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
built "the chair listed in members: too" \
  "^$COMMITTEE:7:11: warning: Councillor Ann Able is the chair; members: lists the other members, so they would appear twice" \
  "contains:Councillor Cat Cole"

fresh
sed 's/, email: fay.fox@/, emial: fay.fox@/' \
  "$ROOT/tests/fixtures/small/$COMMITTEE" >"$WS/$COMMITTEE"
built "a contact's emial: for email:" \
  "^$COMMITTEE:10:[0-9]+: warning: unknown contact field 'emial' is ignored \\(a contact takes name, role, email, phone\\); did you mean 'email'\\?" \
  "contains:Fay Fox (Governance Services)"
