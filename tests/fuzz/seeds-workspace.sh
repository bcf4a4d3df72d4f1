#!/bin/sh
# Seeds for fuzz_workspace (see its header for the layout): byte 0 is the
# command (0 check, 1 pack, 2 minutes, 3 tracker, 4 site).
# Usage: seeds-workspace.sh DIR
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
ws=$root/tests/fixtures/small

# seed NAME COMMAND < records
seed() {
  { printf "\\$(printf '%03o' "$2")"; cat; } > "$out/$1"
}
for c in 0 1 2 3 4; do
  printf '' | seed "plain-$c" $c
  printf '@@ fifo minutes/2026-06-17.md\n' | seed "fifo-minutes-$c" $c
  printf '@@ fifo agendas/2026-09-08.md\n' | seed "fifo-agenda-$c" $c
  printf '@@ link agendas/2026-06-17/report.md -> /dev/zero\n' |
    seed "report-device-$c" $c
  printf '@@ link agendas/committee.md -> /proc/self/status\n' |
    seed "committee-proc-$c" $c
  printf '@@ dir agendas/workprogramme.md\n' | seed "wp-folder-$c" $c
  printf '@@ loop minutes/2026-04-14.md\n' | seed "minutes-loop-$c" $c
  printf '@@ rm agendas/committee.md\n' | seed "no-committee-$c" $c
done
{ echo '@@ file agendas/2026-09-08.md'; cat "$ws/agendas/2026-06-17.md";
  echo '@@ link agendas/2026-09-08 -> 2026-06-17'; } | seed two-agendas 4
{ echo '@@ file minutes/2026-06-17.md'; cat "$ws/minutes/2026-04-14.md";
  echo '@@ link agendas/2026-06-17/chart.png -> /dev/null'; } | seed minutes-copy 3
