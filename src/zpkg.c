/* A zip package read from memory, part by part, under limits. */
#include "zpkg.h"

#include "util.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Word saves a document with a password as an OLE compound file (the
   encrypted package inside it), not as a zip. */
static bool is_compound_file(const char *bytes, size_t len) {
  static const unsigned char MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0,
                                         0xA1, 0xB1, 0x1A, 0xE1};
  return len >= sizeof MAGIC && memcmp(bytes, MAGIC, sizeof MAGIC) == 0;
}

static void say_unreadable(const scr_zpkg *p, scr_error err, int why,
                           size_t max) {
  char said[160];
  if (err == SCR_E_LIMIT)
    scr_error_at(p->diags, p->path, 0, 0, "%s is too large (over %zu MB)",
                 p->noun, max / (1024u * 1024u));
  else
    scr_error_at(p->diags, p->path, 0, 0, "%s",
                 err == SCR_E_NOMEM
                     ? "out of memory"
                     : scr_unreadable(err, why, said, sizeof said));
}

/* The bytes as a zip archive libzip reads from memory, so that only a
   regular file is ever opened (a FIFO would block). */
scr_error scr_zpkg_open(scr_zpkg *p, const char *path, const char *noun,
                        size_t max, scr_error fail, scr_diags *diags) {
  *p = (scr_zpkg){.path = path, .noun = noun, .fail = fail, .diags = diags};
  scr_error err = scr_read_file(path, max, &p->bytes, &p->len);
  if (err) {
    say_unreadable(p, err, errno, max);
    return fail;
  }
  if (is_compound_file(p->bytes, p->len)) {
    scr_error_at(diags, path, 0, 0,
                 "%s is encrypted or in Word's old .doc format (an OLE "
                 "compound file, not a zip package): save it in Word as a "
                 ".docx without a password",
                 noun);
    return fail;
  }
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t *src = zip_source_buffer_create(p->bytes, p->len, 0, &zerr);
  p->zip =
      src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : NULL;
  zip_error_fini(&zerr);
  if (!p->zip) {
    zip_source_free(src);
    scr_error_at(diags, path, 0, 0,
                 "%s is not a zip package (.docx and .odt files are zip "
                 "packages)",
                 noun);
    return fail;
  }
  return SCR_OK;
}

void scr_zpkg_close(scr_zpkg *p) {
  if (p->zip)
    zip_discard(p->zip);
  p->zip = NULL;
  free(p->bytes);
  p->bytes = NULL;
}

bool scr_zpkg_has(const scr_zpkg *p, const char *name) {
  return p->zip && zip_name_locate(p->zip, name, 0) >= 0;
}

scr_error scr_zpkg_read(const scr_zpkg *p, const char *name, size_t max,
                        unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  zip_stat_t st;
  zip_stat_init(&st);
  if (!p->zip || zip_stat(p->zip, name, 0, &st) != 0)
    return SCR_OK;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > max ||
      ((st.valid & ZIP_STAT_COMP_SIZE) &&
       st.size / (st.comp_size ? st.comp_size : 1) > SCR_ZPKG_MAX_RATIO)) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "%s's %s is too large or too highly compressed "
                 "(a zip bomb?)",
                 p->noun, name);
    return p->fail;
  }
  zip_file_t *f = zip_fopen(p->zip, name, 0);
  unsigned char *data = f ? malloc(st.size + 1) : NULL;
  zip_int64_t n = data ? zip_fread(f, data, st.size) : -1;
  /* libzip checks the part's CRC when a read reaches its end: read once
     more, so that a corrupted part is refused rather than used */
  unsigned char past_end;
  bool whole =
      n >= 0 && (zip_uint64_t)n == st.size && zip_fread(f, &past_end, 1) == 0;
  if (f)
    zip_fclose(f);
  if (!whole) {
    free(data);
    scr_error_at(p->diags, p->path, 0, 0, "%s's %s cannot be read", p->noun,
                 name);
    return p->fail;
  }
  data[st.size] = '\0';
  *out = data;
  *len = (size_t)st.size;
  return SCR_OK;
}

scr_error scr_zpkg_read_xml(const scr_zpkg *p, const char *name, size_t max,
                            xmlDocPtr *doc) {
  *doc = NULL;
  unsigned char *data = NULL;
  size_t len = 0;
  scr_error err = scr_zpkg_read(p, name, max, &data, &len);
  if (err || !data)
    return err;
  *doc = len <= (size_t)INT32_MAX
             ? xmlReadMemory((const char *)data, (int)len, name, NULL,
                             SCR_ZPKG_XML_OPTIONS)
             : NULL;
  free(data);
  if (!*doc) {
    scr_error_at(p->diags, p->path, 0, 0, "%s's %s is not well-formed XML",
                 p->noun, name);
    return p->fail;
  }
  if ((*doc)->intSubset || (*doc)->extSubset) {
    xmlFreeDoc(*doc);
    *doc = NULL;
    scr_error_at(p->diags, p->path, 0, 0,
                 "%s's %s declares a DOCTYPE, which is not allowed", p->noun,
                 name);
    return p->fail;
  }
  return SCR_OK;
}

bool scr_zpkg_budget_take(const scr_zpkg *p, scr_zpkg_budget *b,
                          const char *name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (!p->zip || zip_stat(p->zip, name, 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE))
    return true;
  if (st.size <= b->left) {
    b->left -= (size_t)st.size;
    return true;
  }
  if (!b->warned)
    scr_warn_at(p->diags, p->path, 0, 0,
                "its pictures come to more than %zu MB, each read again "
                "for each place it is shown: those past it are left out",
                b->whole >> 20);
  b->warned = true;
  return false;
}
