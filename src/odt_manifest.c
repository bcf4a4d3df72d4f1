/*
 * META-INF/manifest.xml: every part of the package with its media type.
 * The "mimetype" part itself is not listed (ODF 1.3 part 2, 3.2).
 */
#include "odt.h"

static const char *const MANIFEST_NS[] = {"manifest", NULL};

static void file_entry(scr_xmlw *x, const char *path, const char *media_type,
                       bool root) {
  scr_xmlw_start(x, "manifest:file-entry");
  scr_xmlw_attr(x, "manifest:full-path", path);
  scr_xmlw_attr(x, "manifest:media-type", media_type);
  if (root)
    scr_xmlw_attr(x, "manifest:version", ODT_ODF_VERSION);
  scr_xmlw_end(x);
}

scr_error scr_odt_manifest_xml(const odt_image *images, size_t nimages,
                               char **data, size_t *len) {
  scr_xmlw x = {0};
  scr_error err = scr_odt_part_open(&x, "manifest:manifest", MANIFEST_NS,
                                    "manifest:version");
  if (err)
    return err;
  file_entry(&x, "/", ODT_MEDIA_TYPE, true);
  file_entry(&x, ODT_PART_CONTENT, ODT_MEDIA_XML, false);
  file_entry(&x, ODT_PART_STYLES, ODT_MEDIA_XML, false);
  file_entry(&x, ODT_PART_META, ODT_MEDIA_XML, false);
  for (size_t i = 0; i < nimages; i++)
    file_entry(&x, images[i].part, images[i].mime, false);
  scr_xmlw_end(&x); /* manifest:manifest */
  return scr_xmlw_close(&x, data, len);
}
