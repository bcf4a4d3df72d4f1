/*
 * The HTML writer: the sink's calls as the body of a web page, in
 * semantic HTML5 that is also well-formed XML (void elements end "/>", no
 * entity but the five of XML), so that the site's pages stay readable by
 * an XML parser. The pictures a document embeds are files beside the page,
 * each named from a hash of its bytes, so that a picture shown on several
 * pages is stored once. The writer is scr_html_writer (writer.h); these
 * are what the site asks of it beyond the class.
 */
#ifndef SCR_HTML_H
#define SCR_HTML_H

#include "sink.h"

#include <stdbool.h>
#include <stddef.h>

/** A picture of the page, to be written beside it under `name`. */
typedef struct scr_html_file {
  char name[64];       /* "picture-<16 hex digits>.png" */
  const char *mime;    /* static: "image/png", "image/jpeg" */
  unsigned char *data; /* owned by the writer */
  size_t size;
} scr_html_file;

/**
 * Where a bookmark of the document is, for a document that is one page of
 * several (a report of a pack, whose links lead to other reports): its
 * href from this page into href[0..n) ("#name" when it is on this page,
 * the writer's default), and the page number a page reference to it
 * shows, in *page (set to the cached value before the call).
 */
typedef struct scr_html_links {
  void (*target)(void *ctx, const char *bookmark, char *href, size_t n,
                 int *page);
  void *ctx;
} scr_html_links;

/** Say where bookmarks outside the page are (`links` copied); before
    begin_document. */
void scr_html_set_links(void *writer, const scr_html_links *links);

/** After end_document: the page's pictures, in the order first shown;
    borrowed, valid until the writer is destroyed. */
size_t scr_html_file_count(const void *writer);
const scr_html_file *scr_html_file_at(const void *writer, size_t i);

/** The file name a picture of `img` is stored under, into out (64 bytes):
    "picture-" and the first 16 hex digits of the SHA-256 of its bytes. */
void scr_html_picture_name(const scr_image *img, char out[64]);

#endif
