/*
 * Images: a media part word/media/imageN.<ext> with an image relationship,
 * shown inline in its paragraph by a DrawingML picture.
 */
#include "docx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EMU_PER_MM100 360 /* 1 mm = 36000 EMU */
#define EMU_PER_PX 9525   /* at 96 pixels per inch, when no size is given */
#define EXT_MAX 8         /* "png", "jpeg": short lowercase words */
#define PICTURE_NAME "Picture"
#define URI_PICTURE "http://schemas.openxmlformats.org/drawingml/2006/picture"

/* An extension is used in a part name and as a content-type key. */
static bool valid_ext(const char *ext) {
  size_t n = ext ? strlen(ext) : 0;
  if (n == 0 || n > EXT_MAX)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!((ext[i] >= 'a' && ext[i] <= 'z') || (ext[i] >= '0' && ext[i] <= '9')))
      return false;
  return true;
}

static scr_error fill_media(docx_media *md, const scr_image *img, size_t n) {
  md->part =
      scr_asprintf(DOCX_PART_WORD_DIR DOCX_MEDIA_PREFIX "%zu.%s", n, img->ext);
  md->ext = scr_strdup(img->ext);
  md->mime = scr_strdup(img->mime);
  md->data = malloc(img->size ? img->size : 1);
  if (!md->part || !md->ext || !md->mime || !md->data)
    return SCR_E_NOMEM;
  if (img->size)
    memcpy(md->data, img->data, img->size);
  md->size = img->size;
  return SCR_OK;
}

static void free_media(docx_media *md) {
  free(md->part);
  free(md->ext);
  free(md->mime);
  free(md->data);
}

scr_error docx_model_add_media(docx_model *m, const scr_image *img,
                               size_t *index) {
  if (!valid_ext(img->ext) || !img->mime || !*img->mime ||
      (img->size && !img->data))
    return SCR_E_USAGE;
  if (scr_reserve(&m->media, &m->media_cap, m->media_count + 1,
                  sizeof *m->media))
    return SCR_E_NOMEM;
  docx_media md = {0};
  scr_error err = fill_media(&md, img, m->media_count + 1);
  if (err) {
    free_media(&md);
    return err;
  }
  *index = m->media_count;
  m->media[m->media_count++] = md;
  return SCR_OK;
}

scr_error docx_model_add_image(docx_model *m, const scr_image *img,
                               size_t *rel) {
  size_t index = 0;
  scr_error err = docx_model_add_media(m, img, &index);
  if (err)
    return err;
  /* relative to word/, where document.xml is */
  char *target = scr_strdup(m->media[index].part + strlen(DOCX_PART_WORD_DIR));
  return target ? docx_model_add_rel(m, DOCX_REL_IMAGE, target, rel)
                : SCR_E_NOMEM;
}

/* The size on the page in EMU; the natural pixel size when none is given. */
static int64_t emu(int32_t mm100, uint32_t px) {
  if (mm100 > 0)
    return (int64_t)mm100 * EMU_PER_MM100;
  return (int64_t)px * EMU_PER_PX;
}

static void size_attrs(scr_xmlw *x, int64_t cx, int64_t cy) {
  scr_xmlw_attrf(x, "cx", "%lld", (long long)cx);
  scr_xmlw_attrf(x, "cy", "%lld", (long long)cy);
}

/* wp:docPr holds the alt text: descr is what screen readers announce. */
static void doc_props(scr_xmlw *x, const char *name, const scr_image *img,
                      unsigned id) {
  const char *alt = img->alt ? img->alt : "";
  scr_xmlw_attrf(x, "id", "%u", id);
  scr_xmlw_attr(x, "name", name);
  scr_xmlw_attr(x, "descr", alt);
  scr_xmlw_attr(x, "title", alt);
}

static void picture(scr_xmlw *x, const scr_image *img, const char *name,
                    unsigned id, size_t rid, int64_t cx, int64_t cy) {
  scr_xmlw_start(x, "pic:pic");
  scr_xmlw_start(x, "pic:nvPicPr");
  scr_xmlw_start(x, "pic:cNvPr");
  doc_props(x, name, img, id);
  scr_xmlw_end(x);
  docx_empty_element(x, "pic:cNvPicPr");
  scr_xmlw_end(x);

  scr_xmlw_start(x, "pic:blipFill");
  scr_xmlw_start(x, "a:blip");
  scr_xmlw_attrf(x, "r:embed", "rId%zu", rid);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "a:stretch");
  docx_empty_element(x, "a:fillRect");
  scr_xmlw_end(x);
  scr_xmlw_end(x);

  scr_xmlw_start(x, "pic:spPr");
  scr_xmlw_start(x, "a:xfrm");
  scr_xmlw_start(x, "a:off");
  scr_xmlw_attr(x, "x", "0");
  scr_xmlw_attr(x, "y", "0");
  scr_xmlw_end(x);
  scr_xmlw_start(x, "a:ext");
  size_attrs(x, cx, cy);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "a:prstGeom");
  scr_xmlw_attr(x, "prst", "rect");
  docx_empty_element(x, "a:avLst");
  scr_xmlw_end(x);
  scr_xmlw_end(x);
  scr_xmlw_end(x);
}

/* No distance between the picture and the text around it: without these,
   LibreOffice keeps Word's default 0.32 cm at each side of an inline
   picture, which moves it right of the margin, and a picture as wide as
   the text out past the right one; the ODT's frame has none. */
static void inline_distances(scr_xmlw *x) {
  static const char *const SIDES[] = {"distT", "distB", "distL", "distR"};
  for (size_t i = 0; i < sizeof SIDES / sizeof SIDES[0]; i++)
    scr_xmlw_attr(x, SIDES[i], "0");
}

void docx_drawing(scr_xmlw *x, const scr_image *img, unsigned id, size_t rid) {
  int64_t cx = emu(img->width_mm100, img->width_px);
  int64_t cy = emu(img->height_mm100, img->height_px);
  char *name = scr_asprintf(PICTURE_NAME " %u", id);
  if (!name) {
    if (!x->err)
      x->err = SCR_E_NOMEM;
    return;
  }
  scr_xmlw_start(x, "w:r");
  scr_xmlw_start(x, "w:drawing");
  scr_xmlw_start(x, "wp:inline");
  inline_distances(x);
  scr_xmlw_start(x, "wp:extent");
  size_attrs(x, cx, cy);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "wp:docPr");
  doc_props(x, name, img, id);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "wp:cNvGraphicFramePr");
  scr_xmlw_start(x, "a:graphicFrameLocks");
  scr_xmlw_attr(x, "noChangeAspect", "1");
  scr_xmlw_end(x);
  scr_xmlw_end(x);
  scr_xmlw_start(x, "a:graphic");
  scr_xmlw_start(x, "a:graphicData");
  scr_xmlw_attr(x, "uri", URI_PICTURE);
  picture(x, img, name, id, rid, cx, cy);
  scr_xmlw_end(x); /* a:graphicData */
  scr_xmlw_end(x); /* a:graphic */
  scr_xmlw_end(x); /* wp:inline */
  scr_xmlw_end(x); /* w:drawing */
  scr_xmlw_end(x); /* w:r */
  free(name);
}
