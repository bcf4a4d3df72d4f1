/* The sentence for each error code (scrutineer.h). */
#include "scrutineer.h"

static const char *const ERROR_TEXT[SCR_E_COUNT] = {
    [SCR_OK] = "success",
    [SCR_E_NOMEM] = "out of memory",
    [SCR_E_SOURCE] = "the sources have errors",
    [SCR_E_USAGE] = "invalid arguments",
    [SCR_E_IO] = "a file could not be read or written",
    [SCR_E_XML] = "XML could not be written or read",
    [SCR_E_ZIP] = "a zip container could not be written or read",
    [SCR_E_TEMPLATE] = "the template document is unusable",
    [SCR_E_LIMIT] = "an input exceeds a safety limit",
    [SCR_E_OFFICE] = "LibreOffice could not make the PDF",
    [SCR_E_NOT_FILE] = "not a regular file",
};

const char *scr_strerror(scr_error err) {
  if ((unsigned)err >= SCR_E_COUNT)
    return "unknown error";
  return ERROR_TEXT[err];
}
