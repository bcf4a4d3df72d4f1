#!/bin/sh
# Fields of committee.md that reach the documents: a contact's phone on
# the front sheet and on the site (a tel: link), and signatory_role in
# the line the front sheet is signed with; make install puts the man page
# scrutineer-sources(5) in share/man/man5.
# Usage: fields.sh SCRUTINEER TMPDIR
set -eu
T=$2
. "$(dirname "$0")/lib.sh"
WS=$T/fields-ws
rm -rf "$WS"
cp -r "$ROOT/tests/fixtures/small" "$WS"
sed -i -e 's/email: fay.fox@example.gov.uk}/email: fay.fox@example.gov.uk, phone: 0116 454 6350}/' \
  -e 's/^appendix_numbering: letters$/appendix_numbering: letters\nsignatory: Gil Gray\nsignatory_role: Chief Executive/' \
  "$WS/agendas/committee.md"
grep -q "phone: 0116 454 6350" "$WS/agendas/committee.md" &&
  grep -q "^signatory_role: Chief Executive" "$WS/agendas/committee.md" ||
  fail "the committee.md of the test was not edited"
cd "$WS"
"$SCR" check . >"$T/fields-check.out" 2>&1 || { cat "$T/fields-check.out"; fail "check refused phone or signatory_role"; }
grep -q ": warning: " "$T/fields-check.out" && { cat "$T/fields-check.out"; fail "check warned of phone or signatory_role"; }

"$SCR" pack agendas/2026-06-17.md -f docx,odt -o "$T/fields-out" -q
for part in "SC-2026-06-17-agenda-pack.docx word/document.xml" \
  "SC-2026-06-17-agenda-pack.odt content.xml"; do
  set -- $part
  zip_part "$T/fields-out/$1" "$2" >"$T/fields-part.xml"
  grep -q ">For Chief Executive<" "$T/fields-part.xml" ||
    fail "$1: the front sheet is not signed For Chief Executive"
  ! grep -q "For Monitoring Officer" "$T/fields-part.xml" ||
    fail "$1: the front sheet still says For Monitoring Officer"
  grep -q "0116 454 6350" "$T/fields-part.xml" ||
    fail "$1: the contact's phone is not on the front sheet"
done
pass "the front sheet gives the contact's phone and is signed For the signatory_role"

"$SCR" site -o "$T/fields-site" --today 2026-06-01 -f docx -q
grep -q '<a href="tel:01164546350">0116 454 6350</a>' "$T/fields-site/index.html" ||
  fail "the site does not give the contact's phone as a tel: link"
pass "the site gives the contact's phone as a link to call"

cd "$ROOT"
make -n install BUILD="${BUILD:-build}" DESTDIR="$T/root" PREFIX=/usr/local |
  grep -q "$T/root/usr/local/share/man/man5/scrutineer-sources.5" ||
  fail "make install does not install scrutineer-sources(5) in share/man/man5"
pass "make install installs scrutineer-sources(5)"
