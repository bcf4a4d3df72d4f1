# A run's documents are one set: a run that fails part-way (a full disk, a
# file size limit, a kill) replaces none of the last good run's files, and
# the temporaries a killed run leaves are removed by the next. Sourced by
# run.sh.

# set_sums DIR: the names and bytes of what DIR holds, temporaries aside.
set_sums() {
  (cd "$1" && { ls | grep -v '\.tmp-'
    ls | grep -v '\.tmp-' | while read -r f; do cat "$f"; done; } | cksum)
}

# A pack unlike the last good one: a changed title, so that every document
# of the new set differs from the old.
changed_pack() {
  fresh
  sed 's/^## Performance report/## Performance report, revised/' \
    "$ROOT/tests/fixtures/small/$AGENDA" >"$WS/$AGENDA"
}

# ---- a full disk ----------------------------------------------------------------

# The disk has room for the old set and the new DOCX and ODT, not for the
# new PDF as well: a run that replaced documents one at a time would fail
# on the PDF after replacing the DOCX and ODT. Without LibreOffice, the
# same with the ODT last.
SMALL=$T/small-disk
mkdir -p "$SMALL"
if command -v soffice >/dev/null || command -v libreoffice >/dev/null; then
  set_formats=docx,odt,pdf
else
  set_formats=docx,odt
fi
# size_of DIR EXT: a document's size in DIR, in 4 KiB pages as tmpfs counts
size_of() {
  echo $((($(stat -c %s "$1"/*."$2") + 4095) / 4096))
}
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64m tmpfs "$SMALL" 2>/dev/null; then
  (cd "$T/clean" && "$SCR" pack "$AGENDA" -o "$SMALL/old" -q -f $set_formats)
  changed_pack
  (cd "$WS" && "$SCR" pack "$AGENDA" -o "$SMALL/new" -q -f $set_formats)
  room=0
  for ext in $(echo $set_formats | tr , ' '); do
    room=$((room + $(size_of "$SMALL/old" $ext)))
  done
  room=$((room + $(size_of "$SMALL/new" docx)))
  [ $set_formats = docx,odt ] || room=$((room + $(size_of "$SMALL/new" odt)))
  umount "$SMALL"
  mount -t tmpfs -o size=$((room * 4096)) tmpfs "$SMALL"
  (cd "$T/clean" && "$SCR" pack "$AGENDA" -o "$SMALL/out" -q -f $set_formats)
  before=$(set_sums "$SMALL/out")
  run "a disk with no room for the whole new set" 3 \
    "error: cannot write .*/out/[^ ]*\\.(docx|odt|pdf): No space left on device" \
    pack "$AGENDA" -o "$SMALL/out" -f $set_formats
  [ "$(set_sums "$SMALL/out")" = "$before" ] ||
    fail "a full disk: the old documents were changed"
  ! grep -q '^wrote ' "$T/stdout" || fail "a full disk: 'wrote' printed"
  [ -z "$(ls -A "$SMALL/out" | grep tmp)" ] || fail "a full disk: temporaries left"
  umount "$SMALL"
  total=$((total + 1))
  echo "  ok    bad input: a disk with no room for the whole new set, -f $set_formats (exit 3, old set byte for byte)"
else
  echo "  skip  a full disk: mounting a tmpfs needs root"
fi

# ---- a template found bad after a document was made -----------------------------

fresh
"$PYTHON" - "$T/html.odt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("styles.xml", "<html/>")
PY
OUT_T=$T/out-template
(cd "$T/clean" && "$SCR" pack "$AGENDA" -o "$OUT_T" -q)
before=$(set_sums "$OUT_T")
run "an ODT template whose styles are <html/>, for DOCX and ODT" 1 \
  "html.odt: error: styles.xml is not an OpenDocument styles part" \
  pack "$AGENDA" -o "$OUT_T" -f docx,odt --template "$T/html.odt"
[ "$(set_sums "$OUT_T")" = "$before" ] || fail "a bad template: documents changed"
total=$((total + 1))
echo "  ok    bad input: an ODT template whose styles are <html/>, for DOCX and ODT (exit 1)"

# ---- temporaries left behind -------------------------------------------------

# a pid no process has: one that has just ended
sh -c 'exit 0' &
gone=$!
wait $gone || true
OUT_S=$T/out-stale
(cd "$T/clean" && "$SCR" pack "$AGENDA" -o "$OUT_S" -q)
stem=$(cd "$OUT_S" && ls *.docx)
: >"$OUT_S/$stem.tmp-$gone-Ab12Cd"       # a killed run's: removed
: >"$OUT_S/$stem.tmp-$$-Ab12Cd"          # a live run's (this shell): kept
: >"$OUT_S/$stem.tmp-$gone-Ab12"         # not of this naming: kept
: >"$OUT_S/notes.tmp-0$gone-Ab12Cd"      # not of this naming: kept
mkdir "$OUT_S/$stem.tmp-$gone-Ef34Gh"    # a folder: kept
ln -s "$stem" "$OUT_S/$stem.tmp-$gone-Ij56Kl" # a link: kept
fresh
run "temporaries of a run that is gone" 0 "" pack "$AGENDA" -o "$OUT_S" -q
[ ! -e "$OUT_S/$stem.tmp-$gone-Ab12Cd" ] || fail "a dead run's temporary was kept"
for kept in "$stem.tmp-$$-Ab12Cd" "$stem.tmp-$gone-Ab12" "notes.tmp-0$gone-Ab12Cd" \
  "$stem.tmp-$gone-Ef34Gh"; do
  [ -e "$OUT_S/$kept" ] || fail "temporaries: $kept was removed"
done
[ -L "$OUT_S/$stem.tmp-$gone-Ij56Kl" ] || fail "temporaries: a link was removed"
total=$((total + 1))
echo "  ok    bad input: a dead run's temporaries are removed, live runs', links and folders kept"

# A file size limit kills the run (SIGXFSZ) while it writes; the next run
# clears what it left, and the old set stood meanwhile.
OUT_X=$T/out-fsize
(cd "$T/clean" && "$SCR" pack "$AGENDA" -o "$OUT_X" -q)
before=$(set_sums "$OUT_X")
changed_pack
set +e
(cd "$WS" && ulimit -f 4 && exec "$SCR" pack "$AGENDA" -o "$OUT_X" -q) \
  >/dev/null 2>&1
got=$?
set -e
[ "$got" -gt 128 ] || fail "ulimit -f: exit $got, want death by SIGXFSZ"
ls -A "$OUT_X" | grep -q '\.tmp-[0-9]*-' || fail "ulimit -f: no temporary left to clear"
[ "$(set_sums "$OUT_X")" = "$before" ] || fail "ulimit -f: the old documents were changed"
run "a run after one killed by a file size limit" 0 "" pack "$AGENDA" -o "$OUT_X" -q
[ -z "$(ls -A "$OUT_X" | grep tmp)" ] || fail "ulimit -f: the temporary was not removed"
total=$((total + 1))
echo "  ok    bad input: a run killed by a file size limit leaves the old set; the next clears its temporary"
