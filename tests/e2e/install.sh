#!/bin/sh
# make install: the program, its manual page and bash completion, the
# library, its header and its pkg-config file land under DESTDIR, and a
# program built against them with nothing but pkg-config's flags makes the
# same pack as the command line. The manual renders without a warning and
# documents every command and option the program's help lists; the
# completion offers them (check_completion.bash); the README's examples,
# run with the installed program on PATH, print what the README shows
# (readme_examples.py); make uninstall removes every file.
# Usage: install.sh SCRUTINEER (BUILD=build folder, as make's)
set -eu
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
PREFIX=/usr/local
DEST=$T/root
BUILD=${BUILD:-build}
INSTALLED="bin/scrutineer lib/libscrutineer.a include/scrutineer.h
  lib/pkgconfig/scrutineer.pc share/man/man1/scrutineer.1
  share/bash-completion/completions/scrutineer"
make -s install BUILD="$BUILD" DESTDIR="$DEST" PREFIX=$PREFIX >/dev/null
for f in $INSTALLED; do
  [ -f "$DEST$PREFIX/$f" ] || fail "make install did not install $f"
done
cat >"$T/user.c" <<'C'
#include <scrutineer.h>
#include <stdio.h>
int main(int argc, char **argv) {
  scr_options opts = {0};
  opts.out_dir = argv[2];
  opts.quiet = 1;
  scr_error err = scr_build_pack(argv[1], &opts);
  if (err)
    fprintf(stderr, "user: %s\n", scr_strerror(err));
  return err ? 1 : argc != 3;
}
C
flags=$(PKG_CONFIG_PATH="$DEST$PREFIX/lib/pkgconfig" pkg-config \
  --define-variable=prefix="$DEST$PREFIX" --cflags --libs --static scrutineer)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$T/user" "$T/user.c" $flags ||
  fail "a program cannot be built with pkg-config's flags for scrutineer"
"$T/user" agendas/2026-06-17.md "$T/lib-out" || fail "the library did not build the pack"
"$DEST$PREFIX/bin/scrutineer" pack agendas/2026-06-17.md -o "$T/cli-out" -q
cmp -s "$T"/lib-out/*.docx "$T"/cli-out/*.docx && cmp -s "$T"/lib-out/*.odt "$T"/cli-out/*.odt ||
  fail "the library's pack differs from the installed program's"
pass "make install: program, library, header and pkg-config file; a program built with them makes the same pack"

# ---- the manual page ---------------------------------------------------------
BIN=$DEST$PREFIX/bin/scrutineer
PAGE=$DEST$PREFIX/share/man/man1/scrutineer.1
warnings=$(groff -mandoc -ww -z "$PAGE" 2>&1)
[ -z "$warnings" ] || fail "the manual page has warnings: $warnings"
MANWIDTH=80 man -l "$PAGE" >"$T/man.txt" 2>"$T/man.err" || fail "man -l cannot render the manual page"
[ ! -s "$T/man.err" ] || fail "man -l: $(cat "$T/man.err")"
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS ENVIRONMENT "EXIT STATUS" \
  FILES EXAMPLES "SEE ALSO"; do
  grep -q "^$s\$" "$T/man.txt" || fail "the manual page has no $s section"
done
grep -q 'scrutineer-sources(5)' "$T/man.txt" || fail "the manual does not name scrutineer-sources(5)"
# every command and every option of the help is in the manual
commands=$("$BIN" help | sed -n '/^commands:$/,/^$/s/^  \([a-z]\{1,\}\) .*/\1/p')
[ -n "$commands" ] || fail "scrutineer help lists no commands"
for cmd in $commands; do
  grep -q "^     $cmd\\b" "$T/man.txt" || fail "the manual's COMMANDS has no $cmd"
  grep -q "^     scrutineer $cmd\\b" "$T/man.txt" || fail "the manual's SYNOPSIS has no $cmd"
  for opt in $("$BIN" help "$cmd" | sed -n '/^options:$/,/^$/s/^  \(-[^ ,]*\).*/\1/p'); do
    sed -n '/^OPTIONS$/,/^ENVIRONMENT$/p' "$T/man.txt" | grep -q -- "^     $opt\\b" ||
      fail "the manual's OPTIONS has no $opt (an option of $cmd)"
  done
done
pass "make install: the manual page renders without a warning and documents every command and option"

# ---- the bash completion and the README, in a copy of the workspace ----------
WS=$T/ws
mkdir -p "$WS"
cp -r agendas minutes "$WS"
: >"$WS/agendas/2026-06-17/word.docx"
: >"$WS/agendas/2026-06-17/libre.odt"
(cd "$WS" && bash "$HERE/check_completion.bash" "$BIN" \
  "$DEST$PREFIX/share/bash-completion/completions/scrutineer") || exit 1
rm "$WS/agendas/2026-06-17/word.docx" "$WS/agendas/2026-06-17/libre.odt"

# installed into a PREFIX of its own, as README's set-up does
make -s install BUILD="$BUILD" PREFIX="$T/prefix" >/dev/null
PATH="$T/prefix/bin:$PATH" "$PYTHON" "$HERE/readme_examples.py" README.md "$WS" || exit 1

make -s uninstall DESTDIR="$DEST" PREFIX=$PREFIX >/dev/null
for f in $INSTALLED; do
  [ ! -e "$DEST$PREFIX/$f" ] || fail "make uninstall left $f"
done
pass "make uninstall: removes every file make install wrote"
