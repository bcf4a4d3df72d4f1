#!/bin/sh
# LibreOffice's kept profile and its runs. The profile is prepared once in
# the user's cache folder and kept: reused by the next run, made anew for
# another LibreOffice, given up when damaged, and never shared by two runs
# at once; without a usable cache folder a private one serves. A run
# converts many documents, split past the batch bound, and the time limit
# is per document. Uses the small committee, to be quick.
# Usage: office.sh SCRUTINEER TMPDIR
set -eu
T=$2/office
. "$(dirname "$0")/lib.sh"
if ! command -v soffice >/dev/null; then
  echo "  skip  office: LibreOffice (soffice) is not installed"
  exit 0
fi
rm -rf "$T" && mkdir -p "$T"
WS=$T/ws
cp -r "$ROOT/tests/fixtures/small" "$WS"
CACHE=$T/cache
KEPT_DIR=$CACHE/scrutineer
pack() { # pack OUT [ENV...]: the small committee's pack with PDF
  out=$1
  shift
  (cd "$WS" && env XDG_CACHE_HOME="$CACHE" "$@" "$SCR" pack \
    agendas/2026-06-17.md -f docx,odt,pdf -o "$out" -q) || fail "pack into $out exited $?"
  [ -s "$out/SC-2026-06-17-agenda-pack.pdf" ] || fail "pack into $out made no PDF"
}
kept() { ls -d "$KEPT_DIR"/libreoffice-* 2>/dev/null | grep -v '\.lock$' || true; }

# Made by the first run, and only once it worked: no half-made one left.
pack "$T/out1"
[ "$(kept | wc -l)" = 1 ] || fail "the first run did not leave one kept profile: $(kept)"
PROFILE=$(kept)
case $PROFILE in *.new-*) fail "the kept profile was left under its temporary name" ;; esac
[ -d "$PROFILE/user" ] || fail "the kept profile $PROFILE holds no user installation"
pass "the first PDF run prepares LibreOffice's profile in \$XDG_CACHE_HOME/scrutineer"

# Reused: what is in it survives the next run.
echo mark >"$PROFILE/user/scrutineer-test-mark"
pack "$T/out2"
[ "$(kept)" = "$PROFILE" ] && [ -f "$PROFILE/user/scrutineer-test-mark" ] \
  || fail "the second run did not reuse the kept profile"
pass "the next run reuses it"

# Another LibreOffice's profile (another key), no run holding it: removed.
mkdir -p "$KEPT_DIR/libreoffice-0000000000000000/user"
: >"$KEPT_DIR/libreoffice-0000000000000000.lock"
: >"$KEPT_DIR/libreoffice-1111111111111111.lock"
pack "$T/out3"
[ ! -e "$KEPT_DIR/libreoffice-0000000000000000" ] \
  || fail "another version's kept profile was not removed"
[ ! -e "$KEPT_DIR/libreoffice-0000000000000000.lock" ] && \
  [ ! -e "$KEPT_DIR/libreoffice-1111111111111111.lock" ] \
  || fail "the locks of profiles that are gone were not removed"
[ "$(kept)" = "$PROFILE" ] || fail "the kept profile changed: $(kept)"
pass "another LibreOffice version's profile is removed"

# A soffice of another version (here: a wrapper, keyed by its own file)
# gets a profile of its own.
mkdir -p "$T/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$(command -v soffice)" >"$T/bin/soffice"
chmod +x "$T/bin/soffice"
pack "$T/out4" PATH="$T/bin:$PATH"
[ "$(kept | wc -l)" = 1 ] && [ "$(kept)" != "$PROFILE" ] \
  || fail "another LibreOffice did not get a fresh profile: $(kept)"
pack "$T/out5"
PROFILE=$(kept)
pass "another LibreOffice gets a fresh profile of its own"

# Damaged so that LibreOffice cannot start with it: the run still makes its
# PDF, with a fresh profile, and the damaged one is gone; the next run
# prepares a good one.
rm -rf "$PROFILE/user" && echo damaged >"$PROFILE/user"
pack "$T/out6"
[ ! -f "$PROFILE/user" ] || fail "the damaged profile was kept"
pack "$T/out7"
[ -d "$(kept)/user" ] || fail "no good profile was prepared after the damaged one"
pass "a damaged profile is given up: the PDF is made, and a good one prepared"

# No usable cache folder (under a file): a private profile, as before.
echo file >"$T/not-a-folder"
(cd "$WS" && XDG_CACHE_HOME="$T/not-a-folder/cache" "$SCR" pack \
  agendas/2026-06-17.md -f pdf -o "$T/out8" -q) || fail "pack without a cache folder exited $?"
[ -s "$T/out8/SC-2026-06-17-agenda-pack.pdf" ] || fail "no PDF without a cache folder"
pass "without a usable cache folder, a private profile"

# Two runs at once: one takes the kept profile, the other a private one.
(pack "$T/both1") & first=$!
pack "$T/both2"
wait $first || fail "one of two runs at once failed"
"$PYTHON" - "$T/both1" "$T/both2" <<'EOF' || fail "two runs at once made different PDFs"
import subprocess, sys
texts = [subprocess.run(["pdftotext", d + "/SC-2026-06-17-agenda-pack.pdf", "-"],
                        capture_output=True, check=True).stdout for d in sys.argv[1:]]
sys.exit(texts[0] != texts[1])
EOF
pass "two runs at once both make their PDF"

# Many documents: one LibreOffice run for the site's three, split past the
# bound. A wrapper logs how many documents each run is given.
printf '#!/bin/sh\nn=0; for a; do case $a in *.odt|*.docx) n=$((n+1));; esac; done\necho $n >>"%s/runs"\nexec "%s" "$@"\n' \
  "$T" "$(command -v soffice)" >"$T/bin/soffice"
(cd "$WS" && PATH="$T/bin:$PATH" XDG_CACHE_HOME="$CACHE" SCRUTINEER_PDF_BATCH=2 \
  "$SCR" site -o "$T/site" -f pdf --today 2026-09-01 -q) || fail "site exited $?"
[ "$(tr "\n" " " <"$T/runs")" = "2 1 " ] \
  || fail "three documents with a bound of 2 went in runs of $(tr '\n' ' ' <"$T/runs")"
pass "documents past the batch bound go to a second LibreOffice run"

# The time limit is per document: a LibreOffice that takes 2 s for each of
# three documents finishes under a limit of 3 s; one that stops making PDFs
# is stopped 3 s after its last.
cp "$T/out1/SC-2026-06-17-agenda-pack.pdf" "$T/good.pdf"
mkdir -p "$T/slow"
cat >"$T/slow/soffice" <<EOF
#!/bin/sh
while [ \$# -gt 0 ]; do
  case \$1 in
    --outdir) out=\$2; shift ;;
    *.odt|*.docx) [ -e "$T/hang" ] && [ -n "\$(ls "\$out")" ] && sleep 300
      sleep 2; f=\$(basename "\$1"); cp "$T/good.pdf" "\$out/\${f%.*}.pdf" ;;
  esac
  shift
done
EOF
chmod +x "$T/slow/soffice"
(cd "$WS" && PATH="$T/slow:$PATH" SCRUTINEER_PDF_TIMEOUT=3 "$SCR" site -o "$T/site-slow" \
  -f pdf --today 2026-09-01 -q) || fail "a LibreOffice 2 s a document under a 3 s limit was stopped"
pass "the time limit is per document: three of 2 s each pass a limit of 3 s"
touch "$T/hang"
set +e
(cd "$WS" && PATH="$T/slow:$PATH" SCRUTINEER_PDF_TIMEOUT=3 "$SCR" site -o "$T/site-hang" \
  -f pdf --today 2026-09-01 -q) 2>"$T/hang.err"
rc=$?
set -e
[ $rc -eq 3 ] || fail "a LibreOffice that hangs after one PDF: exit $rc, not 3"
grep -q "LibreOffice made no PDF within 3 s and was stopped" "$T/hang.err" \
  || { cat "$T/hang.err"; fail "no time-limit message"; }
pass "a LibreOffice that stops making PDFs is stopped after the limit (exit 3)"
