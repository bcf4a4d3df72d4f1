# The PDF step with a LibreOffice that misbehaves: a fake soffice first on
# PATH, and a TMPDIR of the group's own so that what is left in it can be
# counted. A PDF that is not one, is cut short, or has no page must stop
# the run (exit 3) with the earlier documents (a good PDF among them) as
# they were, whether pdfinfo is installed or not. A run killed outright
# during the PDF step must take LibreOffice, and what it started, with it,
# and the next run must remove the folder it left. Sourced by run.sh.

OFFICE=$T/office
OFFICE_OUT=$OFFICE/out
OFFICE_SCR=$SCR
mkdir -p "$OFFICE/bin" "$OFFICE/slow" "$OFFICE/tmp"

# The fake soffice writes, for each input, a copy of $OFFICE/pdf into
# --outdir, named as LibreOffice names its PDFs.
cat >"$OFFICE/bin/soffice" <<EOF
#!/bin/sh
PATH=/usr/bin:/bin
while [ \$# -gt 0 ]; do
  case \$1 in
    --outdir) out=\$2; shift ;;
    *.odt|*.docx) f=\$(basename "\$1"); cat "$OFFICE/pdf" >"\$out/\${f%.*}.pdf" ;;
  esac
  shift
done
EOF
# The slow one mimics soffice starting soffice.bin: it starts a child, and
# both wait; it says who they are, and its process group.
cat >"$OFFICE/slow/soffice" <<EOF
#!/bin/sh
PATH=/usr/bin:/bin
sleep 300 &
echo \$! >"$OFFICE/slow.child"
cut -d' ' -f5 /proc/\$\$/stat >"$OFFICE/slow.group"
echo \$\$ >"$OFFICE/slow.tmp" && mv "$OFFICE/slow.tmp" "$OFFICE/slow.pid"
wait
EOF
chmod +x "$OFFICE/bin/soffice" "$OFFICE/slow/soffice"

# scrutineer with the fake first on PATH; -bare: with the fake alone on
# PATH, so no pdfinfo; -slow: with the slow fake.
office_wrapper() {
  printf '#!/bin/sh\nPATH="%s" TMPDIR="%s" exec "%s" "$@"\n' \
    "$2" "$OFFICE/tmp" "$OFFICE_SCR" >"$OFFICE/$1"
  chmod +x "$OFFICE/$1"
}
office_wrapper scr "$OFFICE/bin:$PATH"
office_wrapper scr-bare "$OFFICE/bin"
office_wrapper scr-slow "$OFFICE/slow:$PATH"

office_sums() { (cd "$OFFICE_OUT" && ls -A && cat ./* | cksum); }

# office_refused NAME PATTERN WRAPPER [FORMATS]: pack -f FORMATS
# (docx,odt,pdf) with $OFFICE/pdf exits 3 saying PATTERN; the earlier pack
# is as it was, and nothing is left in the output folder or TMPDIR.
office_refused() {
  SCR=$OFFICE/$3
  run "$1" 3 "$2" pack "$AGENDA" -o "$OFFICE_OUT" -f "${4:-docx,odt,pdf}" -q
  SCR=$OFFICE_SCR
  [ "$(office_sums)" = "$OFFICE_BEFORE" ] || fail "$1: the earlier documents were changed"
  for f in "$OFFICE_OUT"/* "$OFFICE_OUT"/.[!.]*; do
    case ${f##*/} in *tmp*) fail "$1: temporary file $f left" ;; esac
  done
  [ -z "$(ls -A "$OFFICE/tmp")" ] || fail "$1: $(ls -A "$OFFICE/tmp") left in TMPDIR"
  total=$((total + 1))
  echo "  ok    bad PDF from LibreOffice: $1 (exit 3)"
}

# office_put WORDS: $OFFICE/pdf is the fixture office-WORDS.pdf.
office_put() { cp "$CASES/office-$1.pdf" "$OFFICE/pdf"; }
# office_cut BYTES: $OFFICE/pdf is the one-page fixture without its last
# BYTES bytes.
office_cut() {
  size=$(wc -c <"$CASES/office-one-page.pdf")
  head -c $((size - $1)) "$CASES/office-one-page.pdf" >"$OFFICE/pdf"
}

# a good PDF passes without a word when pdfinfo is there to read it
OFFICE_POPPLER='' OFFICE_QUIET="warning: pdfinfo is not installed"
if command -v pdfinfo >/dev/null; then OFFICE_POPPLER=yes OFFICE_QUIET=''; fi

# The earlier pack, PDF included, from a good PDF (with pdfinfo its pages
# are exact: the fixture's destinations are the pack's three appendices).
fresh
office_put one-page
SCR=$OFFICE/scr
run "a good PDF" 0 "$OFFICE_QUIET" pack "$AGENDA" -o "$OFFICE_OUT" -f docx,odt,pdf -q
SCR=$OFFICE_SCR
cmp -s "$OFFICE_OUT/SC-2026-06-17-agenda-pack.pdf" "$CASES/office-one-page.pdf" ||
  fail "a good PDF: it was not published"
OFFICE_BEFORE=$(office_sums)

NOT_WHOLE="^scrutineer: error: LibreOffice's PDF of the (docx|odt) document is not a whole PDF"
printf 'garbage\n' >"$OFFICE/pdf"
office_refused "garbage" "$NOT_WHOLE: it does not begin with %PDF-" scr
office_refused "garbage, without pdfinfo" "$NOT_WHOLE: it does not begin with %PDF-" scr-bare
office_refused "garbage, PDF alone" \
  "^scrutineer: error: LibreOffice's PDF of the odt document is not a whole PDF" scr pdf
# cut before %%EOF: poppler reads it all the same, so only its frame tells
office_cut 6
office_refused "a PDF cut short before %%EOF" "$NOT_WHOLE: it does not end with %%EOF" scr
office_refused "a PDF cut short before %%EOF, without pdfinfo" \
  "$NOT_WHOLE: it does not end with %%EOF" scr-bare
office_cut 300
office_refused "a PDF cut in half" "$NOT_WHOLE: it does not end with %%EOF" scr
office_refused "a PDF cut in half, without pdfinfo" \
  "$NOT_WHOLE: it does not end with %%EOF" scr-bare

if [ "$OFFICE_POPPLER" ]; then
  POPPLER="^scrutineer: error: LibreOffice's PDF of the (docx|odt) document is not a PDF poppler can read: Syntax Error"
  office_put no-pages
  office_refused "a PDF of no pages" "$POPPLER" scr
  # the frame of a PDF around nothing: no trailer, no catalogue
  printf '%%PDF-1.6\nxref\n0 1\n0000000000 65535 f \nstartxref\n9\n%%%%EOF\n' \
    >"$OFFICE/pdf"
  office_refused "the frame of a PDF around nothing" "$POPPLER" scr
else
  echo "  skip  PDFs only poppler can tell broken: pdfinfo is missing"
fi

# Without pdfinfo a good PDF is still published, with a warning.
fresh
office_put one-page
SCR=$OFFICE/scr-bare
run "a good PDF, without pdfinfo" 0 \
  "^scrutineer: warning: pdfinfo is not installed, so LibreOffice's PDF is checked only" \
  pack "$AGENDA" -o "$OFFICE/bare-out" -f docx,odt,pdf -q
SCR=$OFFICE_SCR
cmp -s "$OFFICE/bare-out/SC-2026-06-17-agenda-pack.pdf" "$CASES/office-one-page.pdf" ||
  fail "a good PDF, without pdfinfo: it was not published"
[ -z "$(ls -A "$OFFICE/tmp")" ] || fail "a good PDF, without pdfinfo: TMPDIR not empty"
total=$((total + 1))
echo "  ok    a good PDF from LibreOffice, without pdfinfo (published)"

# ---- killed during the PDF step -----------------------------------------------

# office_gone PID: no such process, or a zombie its new parent has yet to
# reap.
office_gone() {
  state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null || echo gone)
  [ "$state" = gone ] || [ "$state" = Z ]
}

fresh
rm -f "$OFFICE"/slow.*
(cd "$WS" && exec "$OFFICE/scr-slow" pack "$AGENDA" -o "$OFFICE/killed" -f pdf -q) \
  >/dev/null 2>&1 &
victim=$!
n=0
while [ ! -s "$OFFICE/slow.pid" ] && [ $n -lt 200 ]; do sleep 0.1; n=$((n + 1)); done
[ -s "$OFFICE/slow.pid" ] || { kill -9 "$victim"; fail "killed: the slow soffice never started"; }
kill -9 "$victim"
wait "$victim" 2>/dev/null || true
# LibreOffice, its child, and the group's leader, within five seconds
fake_pids="$(cat "$OFFICE/slow.pid" "$OFFICE/slow.child" "$OFFICE/slow.group")"
n=0 left=x
while [ -n "$left" ] && [ $n -lt 50 ]; do
  left=
  for p in $fake_pids; do office_gone "$p" || left="$left $p"; done
  [ -z "$left" ] || sleep 0.1
  n=$((n + 1))
done
if [ -n "$left" ]; then
  for p in $left; do kill -9 "$p" 2>/dev/null || true; done
  fail "killed: processes of the fake LibreOffice outlived scrutineer:$left"
fi
# the folder it left is named for it, and the next run removes it
stale=$(ls -A "$OFFICE/tmp")
case $stale in
scrutineer-"$victim"-??????) ;;
*) fail "killed: left '$stale' in TMPDIR, not one folder scrutineer-$victim-XXXXXX" ;;
esac
office_put one-page
SCR=$OFFICE/scr
run "the run after a killed one" 0 "$OFFICE_QUIET" pack "$AGENDA" -o "$OFFICE/after" -f pdf -q
SCR=$OFFICE_SCR
[ -z "$(ls -A "$OFFICE/tmp")" ] ||
  fail "killed: the next run left $(ls -A "$OFFICE/tmp") in TMPDIR"
[ ! -e "$OFFICE/killed" ] || [ -z "$(ls -A "$OFFICE/killed")" ] ||
  fail "killed: something was written"
total=$((total + 1))
echo "  ok    killed during the PDF step: LibreOffice gone with it, its folder removed by the next run"
