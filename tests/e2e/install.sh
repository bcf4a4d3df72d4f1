#!/bin/sh
# make install: the program, the library, its header and its pkg-config
# file land under DESTDIR, and a program built against them with nothing
# but pkg-config's flags makes the same pack as the command line.
# Usage: install.sh SCRUTINEER
set -eu
. "$(dirname "$0")/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
PREFIX=/usr/local
DEST=$T/root
make -s install DESTDIR="$DEST" PREFIX=$PREFIX >/dev/null
for f in bin/scrutineer lib/libscrutineer.a include/scrutineer.h \
  lib/pkgconfig/scrutineer.pc; do
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
