# Shared by the end-to-end scripts: sourced with the scrutineer binary as $1
# (and, for the parts run.sh calls, its temporary folder as $2).
SCR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PYTHON=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCHEMAS=${SCHEMAS:-$ROOT/tests/schemas/odf1.3}

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "  ok    $*"; }

# jing_silent ARGS...: jing, which on a valid document prints nothing at
# all; anything it says (an error, or its launcher's warning of a missing
# jar, which `make test-deps` installs) fails.
jing_silent() {
  said=$(jing "$@" 2>&1) && [ -z "$said" ] && return 0
  printf '%s\n' "$said" >&2
  return 1
}

# validate_odt FILE.odt FOLDER: unzip into FOLDER and validate every part
# against the ODF 1.3 schemas (jing needs -i for them).
validate_odt() {
  mkdir -p "$2"
  "$PYTHON" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$1" "$2"
  for part in content.xml styles.xml meta.xml; do
    jing_silent -i "$SCHEMAS/OpenDocument-v1.3-schema.rng" "$2/$part" \
      || fail "$(basename "$1"): $part does not validate against ODF 1.3"
  done
  jing_silent -i "$SCHEMAS/OpenDocument-v1.3-manifest-schema.rng" \
    "$2/META-INF/manifest.xml" \
    || fail "$(basename "$1"): manifest.xml does not validate"
}

# zip_part FILE PART: the bytes of one part of a DOCX or ODT, on stdout.
zip_part() {
  "$PYTHON" -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
    "$1" "$2"
}

# to_pdf DOCUMENT FOLDER: LibreOffice's PDF of DOCUMENT, in FOLDER, using a
# private profile so it runs beside an open LibreOffice.
to_pdf() {
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1 \
    || fail "LibreOffice could not convert $(basename "$1")"
}

# one_layout_holds DOCX FOLDER: the DOCX of a pack built with PDF carries
# the pages of LibreOffice's layout of the ODT; LibreOffice's own layout of
# the DOCX (into FOLDER, bookmarks kept as destinations) must agree.
one_layout_holds() {
  timeout 300 soffice -env:UserInstallation="file://$T/lo-profile" \
    --headless --convert-to \
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}' \
    --outdir "$2" "$1" >/dev/null 2>&1 \
    || fail "LibreOffice could not convert $(basename "$1")"
  pdf=$2/$(basename "${1%.docx}").pdf
  "$PYTHON" "$HERE/check_carried.py" "$1" "$pdf" \
    || fail "the DOCX of $(basename "$1") does not agree with the ODT's layout"
}

# same_when_released OUTDIR ARGS...: build with ARGS into OUTDIR, then again
# with every report's tree released after loading and parsed again when
# written (as a pack too large to hold does); every file written must come
# out byte for byte the same.
same_when_released() {
  dir=$1
  shift
  rm -rf "$dir/kept" "$dir/released"
  mkdir -p "$dir"
  "$SCR" "$@" -o "$dir/kept" -q 2>/dev/null || fail "$* exited $?"
  SCRUTINEER_KEPT_TREE_TEXT=0 "$SCR" "$@" -o "$dir/released" -q 2>/dev/null \
    || fail "$* with trees released exited $?"
  ls "$dir"/kept/*.docx "$dir"/kept/*.odt >/dev/null 2>&1 \
    || fail "$*: wrote no DOCX or ODT"
  # a site's feed, calendar and record carry the time they were built
  diff -r -x feed.xml -x meetings.ics -x .scrutineer-site.tsv \
    "$dir/kept" "$dir/released" >/dev/null \
    || fail "$*: the output differs when the trees are released"
  if [ -f "$dir/kept/.scrutineer-site.tsv" ]; then
    for run in kept released; do
      sed -E 's/\t[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z|\t[0-9]{8}T[0-9]{6}Z//g' \
        "$dir/$run/.scrutineer-site.tsv" >"$dir/$run.tsv"
    done
    cmp -s "$dir/kept.tsv" "$dir/released.tsv" \
      || fail "$*: the site's record of its documents' inputs differs when the trees are released"
  fi
}

# Serve the folder $2 at http://127.0.0.1:$PORT/$3/ (a sub-path, as a
# council's web server would) from $1/www, on a free port; sets PORT and
# SERVER, and stops the server when the script ends.
serve_site() {
  mkdir -p "$1/www"
  ln -sfn "$2" "$1/www/$3"
  PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$PYTHON" -m http.server --bind 127.0.0.1 --directory "$1/www" "$PORT" \
    >"$1/http.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  "$PYTHON" - "$PORT" <<'EOF' || fail "the static server did not start"
import socket, sys, time
for _ in range(50):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
EOF
}
