#!/bin/bash
# The installed bash completion offers what the installed program's help
# says: its commands, each command's own options, the formats of -f, the
# help topics, and for operands and option values files of the right kind.
# Run in a copy of a workspace holding a Word and a LibreOffice report.
# Usage: check_completion.bash SCRUTINEER COMPLETION-FILE
set -u
SCR=$1
# shellcheck source=/dev/null
. "$2"

fail() { echo "FAIL: completion: $*" >&2; exit 1; }

# complete WORD...: what _scrutineer offers for the last WORD, sorted, one
# a line.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _scrutineer
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

# same WHAT WANT GOT: the two lists are the same.
same() {
  [ "$2" = "$3" ] || fail "$1: offers
$3
but the help says
$2"
}

# The lines of one section of a help ("commands:"), to the next blank line.
section() { sed -n "/^$1:\$/,/^\$/p" | sed '1d;/^$/d'; }

commands=$("$SCR" help | section commands | sed -n 's/^  \([a-z]\{1,\}\) .*/\1/p')
topics=$("$SCR" help | section 'help topics' | sed -n 's/^  \([a-z]\{1,\}\) .*/\1/p')
[ -n "$commands" ] && [ -n "$topics" ] || fail "the help lists no commands or topics"

same "the commands" "$(printf '%s\n' $commands --help --version | sort)" \
  "$(complete_words scrutineer '')"
same "help's words" "$(printf '%s\n' $commands $topics | sort)" \
  "$(complete_words scrutineer help '')"

for cmd in $commands; do
  help=$("$SCR" help "$cmd")
  # "  -o, --output DIR   ..." -> -o --output
  want=$( (printf '%s\n' "$help" | section options |
    sed -n 's/^  \(-[^ ,]*\)\(, \(--[^ ]*\)\)\{0,1\}.*/\1 \3/p'
  echo -h --help) | tr ' ' '\n' | sed '/^$/d' | sort)
  same "$cmd's options" "$want" "$(complete_words scrutineer "$cmd" -)"
  # the formats the synopsis names after -f
  formats=$(printf '%s\n' "$help" | sed -n 's/.*\[-f \([a-z,]*\)\].*/\1/p' | head -1)
  if [ -n "$formats" ]; then
    same "$cmd -f" "$(echo "$formats" | tr , '\n' | sort)" \
      "$(complete_words scrutineer "$cmd" -f '')"
    first=${formats%%,*}
    same "$cmd -f $first," "$(echo "$formats" | tr , '\n' | sed "1d;s/^/$first,/" | sort)" \
      "$(complete_words scrutineer "$cmd" -f "$first,")"
  fi
done

# operands and option values: files of the right kind, and folders
got=$(complete_words scrutineer pack '')
echo "$got" | grep -qx 'agendas/2026-06-17.md' || fail "pack offers no agenda: $got"
! echo "$got" | grep -q '^minutes/' || fail "pack offers minutes: $got"
got=$(complete_words scrutineer minutes '')
echo "$got" | grep -qx 'minutes/2026-04-14.md' || fail "minutes offers no minutes: $got"
! echo "$got" | grep -q '^agendas/' || fail "minutes offers agendas: $got"
got=$(complete_words scrutineer import agendas/2026-06-17/)
echo "$got" | grep -qx 'agendas/2026-06-17/word.docx' || fail "import offers no .docx: $got"
echo "$got" | grep -qx 'agendas/2026-06-17/libre.odt' || fail "import offers no .odt: $got"
! echo "$got" | grep -q '\.md$' || fail "import offers Markdown: $got"
got=$(complete_words scrutineer pack agendas/2026-06-17.md --template agendas/2026-06-17/)
echo "$got" | grep -qx 'agendas/2026-06-17/word.docx' || fail "--template offers no .docx: $got"
! echo "$got" | grep -q '\.md$' || fail "--template offers Markdown: $got"
got=$(complete_words scrutineer pack agendas/2026-06-17.md -o '')
echo "$got" | grep -qx 'agendas' || fail "-o offers no folder: $got"
for f in $got; do [ -d "$f" ] || fail "-o offers '$f', not a folder"; done
got=$(complete_words scrutineer tracker '')
for f in $got; do [ -d "$f" ] || fail "tracker's WORKSPACE: '$f' is not a folder"; done
echo "  ok    bash completion: commands, each command's options and formats, help topics, files by kind"
