/*
 * The house style's header art in styles.xml: its paragraph and frame
 * styles, and the paragraph holding its picture at the top of a master
 * page's header (odt_styles.c says which).
 */
#include "odt.h"

/* The house's header art: its picture as a character of a paragraph in
   its alignment, at the size the template gives it; the alt text is both
   its title and its description, as the body's images have it. */
void scr_odt_header_art(scr_xmlw *x, const scr_house *h, const odt_image *art) {
  const scr_image *img = &h->art.image;
  scr_xmlw_start(x, "text:p");
  scr_xmlw_attr(x, "text:style-name", ODT_AUTO_ART);
  scr_xmlw_start(x, "draw:frame");
  scr_xmlw_attr(x, "draw:style-name", ODT_AUTO_ART_FRAME);
  scr_xmlw_attr(x, "text:anchor-type", "as-char");
  scr_odt_attr_cm(x, "svg:width", img->width_mm100);
  scr_odt_attr_cm(x, "svg:height", img->height_mm100);
  scr_xmlw_attr(x, "draw:z-index", "0");
  scr_odt_frame_picture(x, art, img->alt);
  scr_xmlw_end(x); /* draw:frame */
  scr_xmlw_end(x); /* text:p */
}

/* The art's paragraph and frame styles. */
void scr_odt_art_styles(scr_xmlw *x, const scr_house *h) {
  static const char *const ALIGN[] = {"start", "center", "end"};
  int align = h->art.align >= 0 && h->art.align <= 2 ? h->art.align : 0;
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", ODT_AUTO_ART);
  scr_xmlw_attr(x, "style:family", "paragraph");
  scr_xmlw_start(x, "style:paragraph-properties");
  scr_xmlw_attr(x, "fo:margin-top", "0cm");
  scr_xmlw_attr(x, "fo:margin-bottom", "0cm");
  scr_xmlw_attr(x, "fo:line-height", "100%");
  scr_xmlw_attr(x, "fo:text-align", ALIGN[align]);
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
  scr_xmlw_start(x, "style:style");
  scr_xmlw_attr(x, "style:name", ODT_AUTO_ART_FRAME);
  scr_xmlw_attr(x, "style:family", "graphic");
  scr_xmlw_start(x, "style:graphic-properties");
  scr_xmlw_attr(x, "style:vertical-pos", "top");
  scr_xmlw_attr(x, "style:vertical-rel", "baseline");
  scr_xmlw_attr(x, "fo:border", "none");
  scr_xmlw_end(x);
  scr_xmlw_end(x); /* style:style */
}
