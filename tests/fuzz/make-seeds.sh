#!/bin/sh
# Writes a harness's fuzzing seed corpus into DIR.
#  build:     every source of the sample committee and of the fuzzing
#             workspace, each prefixed with the three option bytes the
#             harness reads (which file it replaces, which document in
#             which formats, which "as of" date);
#  template:  the built-in house styles and Word's own template, as zip
#             files and as the parts the harness zips;
#  workspace: odd entries laid over the small committee;
#  report:    a Word report and a LibreOffice text, as files and as parts;
#  pdf:       PDFs of many makers and shapes, as files and as objects the
#             harness gives a cross-reference table.
# Usage: make-seeds.sh DIR [build|template|workspace|report|pdf]
set -eu
out=$1
harness=${2:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
ws=$root/tests/fixtures/small
mkdir -p "$out"
if [ "$harness" != build ]; then
  exec sh "$root/tests/fuzz/seeds-$harness.sh" "$out"
fi

# seed ROLE CHOICE TODAY FILE
seed() {
  name=$(printf '%s-%s-%s' "$1" "$2" \
    "$(echo "$4" | sed "s|^$root/||; s|^$out/||; s|/|_|g")")
  { printf "\\$(printf '%03o' "$1")\\$(printf '%03o' "$2")\\$(printf '%03o' "$3")"
    cat "$4"; } > "$out/$name"
}

# choice: 6 = pack in DOCX and ODT, 7 = minutes, 11 = tracker with CSV
for f in "$root"/agendas/2026-*.md "$ws"/agendas/2026-06-17.md; do
  seed 0 6 0 "$f"
done
for f in "$root"/agendas/2026-06-17/*.md "$ws"/agendas/2026-06-17/*.md \
         "$root"/tests/golden/*.md; do
  seed 1 6 0 "$f"
done
for f in "$root"/minutes/*.md "$ws"/minutes/*.md; do
  seed 2 7 0 "$f"
  seed 2 11 3 "$f"
done
for f in "$root"/agendas/workprogramme.md "$ws"/agendas/workprogramme.md; do
  seed 3 11 3 "$f"
  seed 3 6 0 "$f"
done
# the small agenda with an exempt item and a report to follow, as the
# public pack, the private pack (choice 18) and the supplement (choice 30)
sed 's/^## Performance report {answers=215.2}$/## Performance report {exempt=3}/;
     s/^## Work programme$/## Work programme {to-follow}/' \
  "$ws"/agendas/2026-06-17.md > "$out/exempt-agenda.md"
for choice in 6 18 30; do
  seed 0 $choice 0 "$out/exempt-agenda.md"
done
rm "$out/exempt-agenda.md"
for f in "$root"/agendas/committee.md "$ws"/agendas/committee.md; do
  seed 4 6 0 "$f"
done
