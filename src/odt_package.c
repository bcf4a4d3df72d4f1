/*
 * The ODT writer's package: content.xml around the body written so far,
 * then the other parts (odt.h lists which file makes which).
 */
#include "odt.h"
#include "package.h"

#include <stdlib.h>
#include <string.h>

/* content.xml: the body's stream inside what goes around it. */
static scr_error add_content(odt_writer *w, const odt_tpl *t,
                             scr_package *pkg) {
  char *xml = NULL;
  size_t len = 0, body_at = 0;
  scr_error err = scr_odt_content_xml(t, &w->autos, &xml, &len, &body_at);
  if (!err)
    err = scr_package_add_around(pkg, ODT_PART_CONTENT, xml, len, body_at,
                                 w->body_z);
  free(xml);
  return err;
}

/* A part made by one of the scr_odt_*_xml functions. */
typedef struct made_part {
  char *data;
  size_t len;
} made_part;

/* Add the part `made` holds (read here, after the call that filled it has
   returned), unless making it failed. The package owns the bytes. */
static scr_error add_made(scr_package *pkg, const char *name, scr_error err,
                          made_part *made) {
  made_part part = *made;
  *made = (made_part){0};
  if (err) {
    free(part.data);
    return err;
  }
  return scr_package_add(pkg, name, part.data, part.len, false);
}

/* "mimetype" first and stored, so the type can be read at a fixed offset
   (ODF 1.3 part 2, 3.3); then the XML parts, the pictures and the
   manifest. */
scr_error scr_odt_finish(void *self, scr_package *pkg) {
  odt_writer *w = self;
  if (odt_status(w))
    return w->err;
  if (!w->ended || !pkg)
    return SCR_E_USAGE;
  odt_doc doc = {
      w->title,  w->subject, w->creator,           w->language,
      w->footer, w->headers, w->nheaders,          w->landscape_used,
      NULL,      NULL,       w->autos.pdf_masters, w->autos.npdf_masters};
  odt_tpl t;
  scr_error err = scr_odt_tpl_open(w->tpl, w->language, &t);
  if (err)
    return err;
  /* the house's art, on every page or on the first page the first block
     started; kept last, so that the entry stays where it is */
  const scr_house *h = t.house;
  if (h->has_art && (h->art.every_page || w->first_master)) {
    doc.art = scr_odt_keep_image(w, &h->art.image);
    doc.first_master = h->art.every_page ? NULL : w->first_master;
    if (!doc.art) {
      scr_odt_tpl_close(&t);
      return odt_fail(w, SCR_E_NOMEM);
    }
  }
  made_part m = {0};
  err = scr_package_add_copy(pkg, ODT_PART_MIMETYPE, ODT_MEDIA_TYPE,
                             strlen(ODT_MEDIA_TYPE), true);
  if (!err)
    err = add_content(w, &t, pkg);
  if (!err)
    err = add_made(pkg, ODT_PART_STYLES,
                   scr_odt_styles_xml(&t, &doc, &m.data, &m.len), &m);
  if (!err)
    err = add_made(pkg, ODT_PART_META, scr_odt_meta_xml(&doc, &m.data, &m.len),
                   &m);
  /* Pictures are compressed already. */
  for (size_t i = 0; i < w->nimages && !err; i++)
    err = scr_package_add_copy(pkg, w->images[i].part, w->images[i].data,
                               w->images[i].size, true);
  if (!err)
    err = add_made(pkg, ODT_PART_MANIFEST,
                   scr_odt_manifest_xml(w->images, w->nimages, &m.data, &m.len),
                   &m);
  scr_odt_tpl_close(&t);
  return err;
}
