/* Writes the source files' reference from the fields table:
   gen_reference markdown > docs/sources.md,
   gen_reference mdoc > scrutineer-sources.5. */
#include "scrutineer.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2 ||
      (strcmp(argv[1], "markdown") != 0 && strcmp(argv[1], "mdoc") != 0)) {
    fprintf(stderr, "usage: gen_reference markdown|mdoc\n");
    return 2;
  }
  scr_reference_write(stdout, strcmp(argv[1], "mdoc") == 0
                                  ? SCR_REFERENCE_MDOC
                                  : SCR_REFERENCE_MARKDOWN);
  return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
