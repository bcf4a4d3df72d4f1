# Exempt markers that are mistyped: each must stop every command with an
# error at its line and column, nothing written; each that is well formed
# must keep the report out of every public document. A sentinel sits in the
# report of the item marked, so that a marker read as plain text would show
# as the sentinel in the public pack. Sourced by run.sh.

EXEMPT_SENTINEL=SENTINEL-41d9-STAFFING
EXEMPT_HEADING='## Performance report {answers=215.2}'
CHECK_EXEMPT="$PYTHON $ROOT/tests/e2e/check_exempt.py"

# marked MARKER: a fresh workspace whose performance report item carries
# MARKER in place of its attributes, and whose report holds the sentinel.
marked() {
  fresh
  "$PYTHON" - "$WS/$AGENDA" "$EXEMPT_HEADING" "## Performance report $1" <<'PY'
import sys
path, old, new = sys.argv[1:]
text = open(path).read()
assert old in text
open(path, "w").write(text.replace(old, new))
PY
  printf '\nThe restructure of %s affects named staff.\n' "$EXEMPT_SENTINEL" \
    >>"$WS/$REPORT"
}

# malformed MARKER COL MESSAGE: every command refuses it at line 13, COL.
malformed() {
  marked "$1"
  refused "exempt marker $1" 1 "^$AGENDA:13:$2: error: $3"
}

malformed '{exempt=3' 23 "item heading: '\\{' is not closed.*as \\{exempt=3\\}"
malformed '{exempt=3}.' 33 "item heading: text after the closing '\\}'"
malformed '{exempt=3}{answers=215.2}' 33 "item heading: more than one pair of braces"
malformed '{exempt=3} {to-follow}' 34 "item heading: more than one pair of braces"
malformed '{Exempt=3}' 24 "item heading: unknown attribute 'Exempt'; did you mean 'exempt'\\?"
malformed '{EXEMPT=3}' 24 "item heading: unknown attribute 'EXEMPT'; did you mean 'exempt'\\?"
malformed '{exmept=3}' 24 "item heading: unknown attribute 'exmept'; did you mean 'exempt'\\?"
malformed '{exempt:3}' 30 "item heading: expected '=' or a space after the name, found ':'"
malformed '{.exempt=3}' 24 "item heading: classes and identifiers .* found '\\.'"
malformed '{#exempt}' 24 "item heading: classes and identifiers .* found '#'"
malformed '{ exempt = 3 }' 32 "item heading: expected an attribute name, found '='"
malformed '{exempt=3 exempt=4}' 33 "item heading: attribute 'exempt' is given twice"
malformed '{exempt}' 24 "item heading: 'exempt' needs a value; write \\{exempt=3\\}"
malformed '{exempt=}' 24 "item heading: 'exempt' needs a value"
malformed '{exempt=""}' 24 "item heading: 'exempt' needs a value"
malformed '{exempt=8}' 24 "exempt= must name a paragraph 1-7 of Schedule 12A, not '8'"
malformed '{exempt=0}' 24 "exempt= must name a paragraph 1-7 of Schedule 12A, not '0'"
malformed '{exempt=3a}' 24 "exempt= must name a paragraph 1-7 of Schedule 12A, not '3a'"
malformed '{exempt="3}' 31 "item heading: the quoted value is not closed"
malformed '{}' 23 "item heading: the braces are empty"
malformed '{{exempt=3}}' 24 "item heading: a second '\\{' inside the braces"
malformed '{exempt=3}}' 33 "item heading: text after the closing '\\}'"
malformed '{exempt=*3*}' 23 "item heading: attributes must be plain text"
malformed '{exempt=`3`}' 23 "item heading: attributes must be plain text"
malformed '{to-follow=yes}' 24 "item heading: 'to-follow' takes no value"
malformed '{exempt=3} \\' 34 "item heading: text after the closing '\\}'"

# A setext heading: the brace is on the heading's first line.
fresh
"$PYTHON" - "$WS/$AGENDA" "$EXEMPT_HEADING" <<'PY'
import sys
path, old = sys.argv[1:]
text = open(path).read()
open(path, "w").write(text.replace(old, "Performance report {exempt=3\n---"))
PY
refused "exempt marker in a setext heading, not closed" 1 \
  "^$AGENDA:13:20: error: item heading: '\\{' is not closed"

# Markers of resolutions and work-programme items are read as strictly.
fresh
sed 's/{owner="Director"}/{owner="Director"/' \
  "$ROOT/tests/fixtures/small/$MINUTES" >"$WS/$MINUTES"
refused "resolution attributes not closed" 1 \
  "^$MINUTES:19:[0-9]+: error: resolution: '\\{' is not closed"
fresh
sed 's/{owner="Director"}/{Owner="Director"}/' \
  "$ROOT/tests/fixtures/small/$MINUTES" >"$WS/$MINUTES"
refused "resolution attribute unknown" 1 \
  "^$MINUTES:19:[0-9]+: error: resolution: unknown attribute 'Owner'; did you mean 'owner'\\?"
fresh
sed 's/{answers=215.2}/{answer=215.2}/' \
  "$ROOT/tests/fixtures/small/$WP" >"$WS/$WP"
refused "work-programme attribute unknown" 1 \
  "^$WP:5:[0-9]+: error: work-programme item: unknown attribute 'answer'; did you mean 'answers'\\?"

# Well-formed markers: the report is in no public document, picture or PDF,
# and in no file of the site.
EXEMPT_LAST="^$AGENDA:19:1: warning: public item 4 comes after exempt item 3"
exempt_leak_check() {
  NEW=$T/new
  rm -rf "$NEW"
  run "exempt marker $1" 0 "$EXEMPT_LAST" pack $AGENDA -o "$NEW" -q $2
  $CHECK_EXEMPT absent "$EXEMPT_SENTINEL" "$NEW"/* ||
    fail "exempt marker $1: the public pack holds the report"
  SITE_OUT=$T/site
  rm -rf "$SITE_OUT"
  run "exempt marker $1" 0 "$EXEMPT_LAST" site --today 2026-06-01 --publish-date 2026-06-01 \
    -o "$SITE_OUT" -q $2
  if grep -rl "$EXEMPT_SENTINEL" "$SITE_OUT"; then
    fail "exempt marker $1: a site file holds the report"
  fi
  $CHECK_EXEMPT absent "$EXEMPT_SENTINEL" "$SITE_OUT"/*.docx "$SITE_OUT"/*.odt ||
    fail "exempt marker $1: a site document holds the report"
  total=$((total + 1))
  echo "  ok    exempt marker $1: in no public file"
}
for m in '{exempt=3}' '{exempt="3"}' "{exempt='3'}" '{ exempt=3   answers=215.2 }' \
  '{answers=215.2 exempt=3}' '{exempt=3} ##'; do
  marked "$m"
  exempt_leak_check "$m" ''
done
if command -v soffice >/dev/null; then
  marked '{answers=215.2 exempt=3}'
  exempt_leak_check '{answers=215.2 exempt=3} (with PDF)' '-f docx,odt,pdf'
fi
