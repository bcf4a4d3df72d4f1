# Minutes as clerks write them: resolutions in the forms that are read, a
# decision in a form that is not, and a "###" heading where a minute was
# meant. Sourced by run.sh.

# minute TEXT: a new last minute, "Any other business", in the minutes; its
# text starts on line 23.
minute() {
  fresh
  printf '\n## Any other business\n\n%s\n' "$1" >>"$WS/$MINUTES"
}

# ---- forms that are read ------------------------------------------------------

minute 'It was AGREED that the survey results be brought back in September.'
built "'It was AGREED that' as a paragraph" '' \
  "contains:It was AGREED that the survey results be brought back in September."
grep -q '^216\.1,That the survey results be brought back in September\.,2026-04-14,2026-09-08,' "$NEW"/*.csv ||
  fail "'It was AGREED that': no action 216.1 due 2026-09-08 in the tracker"

minute '- Members asked about the survey.
- **AGREED:** That the survey results be reported back in September.'
built "a bold AGREED: in a bullet" '' "contains:AGREED:"
grep -q '^216\.1,That the survey results be reported back in September\.,2026-04-14,2026-09-08,' "$NEW"/*.csv ||
  fail "AGREED: in a bullet: no action 216.1 due 2026-09-08 in the tracker"

# ---- a decision in no form that is read ------------------------------------------

minute 'Members agreed that the survey results be brought back in September.'
built "a decision in no form that is read" \
  "^$MINUTES:23:1: warning: 'Members agreed that\\.\\.\\.' reads like a decision, but is not recorded as a resolution: resolutions start 'AGREED:'" \
  "contains:Members agreed that the survey results"
! grep -q '^216\.' "$NEW"/*.csv ||
  fail "'Members agreed that' became a resolution"

# ---- "###" where a minute was meant ------------------------------------------------

fresh
printf '\n### Survey\n\nAGREED:\n\n1. That the survey be noted.\n' >>"$WS/$MINUTES"
built "a ### heading in the minutes" \
  "^$MINUTES:21:1: warning: minutes are '## ' headings, one a minute: '### Survey' is shown as an unnumbered sub-heading of minute 215 \\(Performance\\)" \
  "contains:Survey"
