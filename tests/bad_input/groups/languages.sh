# A report's stated language (front matter `language:`): a tag that is not
# one is refused where it is written; one scrutineer does not know the
# script of is warned of and the report still builds; a report in Urdu
# builds, and its text is in both documents. Sourced by run.sh.

# language_of TAG: the report's front matter says it is in TAG.
language_of() {
  fresh
  sed "s/^author: .*/&\nlanguage: $1/" \
    "$ROOT/tests/fixtures/small/$REPORT" >"$WS/$REPORT"
}

language_of "Urdu"
refused "a language that is not a tag" 1 \
  "^$REPORT:4:11: error: language: 'Urdu' is not a language tag"
language_of "ur_PK"
refused "a language tag with an underscore" 1 \
  "^$REPORT:4:11: error: language: 'ur_PK' is not a language tag"
language_of "[ur, en]"
refused "a language that is a list" 1 \
  "^$REPORT:4:11: error: language: '\\(not a single value\\)' is not a language tag"

language_of "xh"
built "a language whose script scrutineer does not know" \
  "^$REPORT:4:11: warning: language: 'xh' is not a language scrutineer knows the script of" \
  "contains:The service met"

fresh
printf -- '---\ntitle: Urdu\nlanguage: ur\n---\n%s\n' \
  "یہ رپورٹ دیگر زبانوں میں بھی دستیاب ہے۔" >"$WS/$REPORT"
built "a report in Urdu" '' "contains:یہ رپورٹ دیگر زبانوں میں بھی دستیاب ہے۔"
