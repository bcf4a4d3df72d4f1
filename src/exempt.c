/* The wording of exempt items, from the Act. */
#include "exempt.h"

#include <stdio.h>

/* Schedule 12A, Part 1, paragraphs 1-7, as legislation.gov.uk gives them
   for England. */
static const char *const DESCRIPTIONS[7] = {
    "Information relating to any individual.",
    "Information which is likely to reveal the identity of an individual.",
    "Information relating to the financial or business affairs of any "
    "particular person (including the authority holding that information).",
    "Information relating to any consultations or negotiations, or "
    "contemplated consultations or negotiations, in connection with any "
    "labour relations matter arising between the authority or a Minister of "
    "the Crown and employees of, or office holders under, the authority.",
    "Information in respect of which a claim to legal professional privilege "
    "could be maintained in legal proceedings.",
    "Information which reveals that the authority proposes (a) to give under "
    "any enactment a notice under or by virtue of which requirements are "
    "imposed on a person; or (b) to make an order or direction under any "
    "enactment.",
    "Information relating to any action taken or to be taken in connection "
    "with the prevention, investigation or prosecution of crime.",
};

const char *scr_exempt_description(int paragraph) {
  return paragraph >= 1 && paragraph <= 7 ? DESCRIPTIONS[paragraph - 1] : NULL;
}

void scr_exempt_notice(int paragraph, char *out, size_t n) {
  snprintf(out, n,
           "Not for publication by virtue of paragraph %d of Part 1 of "
           "Schedule 12A of the Local Government Act 1972",
           paragraph);
}

const char *scr_exclusion_explanation(void) {
  return "Under the law, the Committee is entitled to consider certain items "
         "in private where the public interest in maintaining the exemption "
         "from disclosure outweighs the public interest in disclosing the "
         "information. Members of the public and press will therefore be "
         "asked to leave the meeting when such items are discussed.";
}

const char *scr_exclusion_recommendation(size_t count) {
  if (count == 1)
    return "Recommendation: that press and public be excluded during "
           "consideration of the following report in accordance with "
           "Section 100A(4) of the Local Government Act 1972, as amended, "
           "because it involves the likely disclosure of exempt "
           "information, as defined in the paragraph detailed below of Part "
           "1 of Schedule 12A of the Act, and taking all the circumstances "
           "into account, it is considered that the public interest in "
           "maintaining the information as exempt outweighs the public "
           "interest in disclosing the information.";
  return "Recommendation: that press and public be excluded during "
         "consideration of the following reports in accordance with Section "
         "100A(4) of the Local Government Act 1972, as amended, because they "
         "involve the likely disclosure of exempt information, as defined in "
         "the paragraphs detailed below of Part 1 of Schedule 12A of the Act, "
         "and taking all the circumstances into account, it is considered "
         "that the public interest in maintaining the information as exempt "
         "outweighs the public interest in disclosing the information.";
}
