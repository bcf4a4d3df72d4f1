/* cmark-gfm set up once and run safely from two threads. */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>

/*
 * Sources may be parsed on two threads at once (ahead.c). cmark-gfm 0.29
 * keeps one table of the characters that start inline syntax for the whole
 * process: finishing a parse marks its extensions' characters in it, parses
 * the inlines, and clears them again, so two parsers finishing together
 * would lose each other's strikethrough and autolinks. Finishing is
 * therefore one parser at a time; the block parsing before it, the larger
 * part, runs on both threads. Registering the extensions, once, writes the
 * library's registry, and is done before any parse.
 */
static pthread_once_t extensions_registered = PTHREAD_ONCE_INIT;
static pthread_mutex_t finishing = PTHREAD_MUTEX_INITIALIZER;

cmark_node *scr_parse_markdown(const char *text, size_t len) {
  pthread_once(&extensions_registered,
               cmark_gfm_core_extensions_ensure_registered);
  int options = CMARK_OPT_FOOTNOTES;
  cmark_parser *parser = cmark_parser_new(options);
  if (!parser)
    return NULL;
  static const char *const extensions[] = {"table", "strikethrough",
                                           "autolink"};
  for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
    cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
    if (ext)
      cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, text, len);
  pthread_mutex_lock(&finishing);
  cmark_node *doc = cmark_parser_finish(parser);
  pthread_mutex_unlock(&finishing);
  cmark_parser_free(parser);
  return doc;
}
