/* An Atom feed (RFC 4287) through xmlTextWriter. */
#include "atom.h"
#include "xmlw.h"

#include <string.h>

#define ATOM_NS "http://www.w3.org/2005/Atom"

static void link_element(scr_xmlw *x, const scr_atom_link *l) {
  scr_xmlw_start(x, "link");
  scr_xmlw_attr(x, "rel", l->rel);
  scr_xmlw_attr(x, "href", l->href);
  if (l->type)
    scr_xmlw_attr(x, "type", l->type);
  if (l->title)
    scr_xmlw_attr(x, "title", l->title);
  if (l->length >= 0)
    scr_xmlw_attrf(x, "length", "%lld", l->length);
  scr_xmlw_end(x);
}

static void entry_element(scr_xmlw *x, const scr_atom_entry *e) {
  scr_xmlw_start(x, "entry");
  scr_xmlw_element(x, "id", e->id);
  scr_xmlw_start(x, "title");
  scr_xmlw_attr(x, "type", "text");
  scr_xmlw_text(x, e->title, strlen(e->title));
  scr_xmlw_end(x);
  scr_xmlw_element(x, "updated", e->updated);
  if (e->summary) {
    scr_xmlw_start(x, "summary");
    scr_xmlw_attr(x, "type", "text");
    scr_xmlw_text(x, e->summary, strlen(e->summary));
    scr_xmlw_end(x);
  }
  for (size_t i = 0; i < e->n_links; i++)
    link_element(x, &e->links[i]);
  scr_xmlw_end(x);
}

scr_error scr_atom_write(const scr_atom_feed *f, char **data, size_t *len) {
  scr_xmlw x;
  *data = NULL;
  *len = 0;
  scr_error err = scr_xmlw_open(&x);
  if (err) {
    scr_xmlw_discard(&x);
    return err;
  }
  xmlTextWriterSetIndent(x.w, 1);
  scr_xmlw_start(&x, "feed");
  scr_xmlw_attr(&x, "xmlns", ATOM_NS);
  scr_xmlw_attr(&x, "xml:lang", SCR_LANGUAGE);
  scr_xmlw_element(&x, "id", f->id);
  scr_xmlw_element(&x, "title", f->title);
  if (f->subtitle)
    scr_xmlw_element(&x, "subtitle", f->subtitle);
  scr_xmlw_element(&x, "updated", f->updated);
  scr_xmlw_start(&x, "author");
  scr_xmlw_element(&x, "name", f->author);
  if (f->email)
    scr_xmlw_element(&x, "email", f->email);
  scr_xmlw_end(&x);
  scr_xmlw_start(&x, "generator");
  scr_xmlw_attr(&x, "version", SCR_VERSION);
  scr_xmlw_text(&x, "scrutineer", 10);
  scr_xmlw_end(&x);
  scr_atom_link self = {"self", f->self, "application/atom+xml", NULL, -1};
  scr_atom_link home = {"alternate", f->home, "text/html", NULL, -1};
  link_element(&x, &self);
  link_element(&x, &home);
  for (size_t i = 0; i < f->n_entries; i++)
    entry_element(&x, &f->entries[i]);
  scr_xmlw_end(&x);
  return scr_xmlw_close(&x, data, len);
}
