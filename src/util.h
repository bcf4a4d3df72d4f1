/* Small shared helpers: a growable byte buffer, strings, files. */
#ifndef SCR_UTIL_H
#define SCR_UTIL_H

#include "scrutineer.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** A growable byte buffer, always NUL-terminated when len > 0. */
typedef struct scr_buf {
  char *data;
  size_t len;
  size_t cap;
} scr_buf;

#define SCR_BUF_INIT                                                           \
  { NULL, 0, 0 }

scr_error scr_buf_append(scr_buf *b, const void *data, size_t len);
scr_error scr_buf_puts(scr_buf *b, const char *s);
scr_error scr_buf_printf(scr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/** Take the buffer's memory (caller frees); the buffer is left empty. */
char *scr_buf_detach(scr_buf *b, size_t *len);
void scr_buf_free(scr_buf *b);

/**
 * Make room in the array at `*array` (passed as the address of the typed
 * pointer) for `need` elements of `size` bytes, growing its capacity `*cap`
 * by doubling (at least 4) so appends cost amortised constant time.
 * SCR_E_NOMEM, the array and *cap untouched, when out of memory or when the
 * size would overflow.
 */
scr_error scr_reserve(void *array, size_t *cap, size_t need, size_t size);

/** strdup that returns NULL for NULL. Caller frees. */
char *scr_strdup(const char *s);
/** A copy of the first n bytes, NUL-terminated. Caller frees. */
char *scr_strndup(const char *s, size_t n);
/** printf into a new string. Caller frees. */
char *scr_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * Read a whole file into a new buffer (NUL-terminated, caller frees).
 * Refuses files larger than `limit` bytes with SCR_E_LIMIT, and anything
 * but a regular file (after symbolic links) with SCR_E_NOT_FILE, without
 * waiting on a FIFO. On SCR_E_IO errno says why; on SCR_E_NOT_FILE it is
 * EISDIR for a folder.
 */
scr_error scr_read_file(const char *path, size_t limit, char **data,
                        size_t *len);
/**
 * Why a file could not be read, as a sentence after its name: `err` is
 * what scr_read_file gave (SCR_E_IO or SCR_E_NOT_FILE), `sys_errno` the
 * errno it left: "cannot read the file: permission denied", "is a folder,
 * not a file", "not a regular file". Written into `buf` (or a constant).
 */
const char *scr_unreadable(scr_error err, int sys_errno, char *buf,
                           size_t size);
/** strerror's words for `sys_errno`, lower-cased to go inside a sentence
    ("permission denied"), written into `buf` (thread-safe). */
const char *scr_errno_words(int sys_errno, char *buf, size_t size);

/** The folder part of a path ("." when it has none). Caller frees. */
char *scr_path_dirname(const char *path);
/** a/b joined; b returned as-is when absolute. Caller frees. */
char *scr_path_join(const char *a, const char *b);
/** Whether `path` is a folder (links followed). */
bool scr_is_dir(const char *path);
/** Whether `path` is a regular file (links followed). */
bool scr_is_file(const char *path);
/** The file name without folders and without the extension. Caller frees. */
char *scr_path_stem(const char *path);

/**
 * Decode the UTF-8 sequence at s (at most n bytes) into *cp. Returns its
 * length, or 0 when it is not valid UTF-8 (overlong, surrogate, truncated).
 */
size_t scr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/**
 * How many leading bytes of `s` are printable ASCII (0x20 to 0x7F): the
 * common case of text, which every check of characters can pass over
 * without decoding. Looks at eight bytes at a time.
 */
size_t scr_printable_ascii_prefix(const unsigned char *s, size_t n);

/**
 * The files in `dir` whose names `accept` takes, as "dir/name" paths sorted
 * by name (at most `limit`). A missing folder gives none. Free the list
 * with scr_free_list.
 */
scr_error scr_list_files(const char *dir, bool (*accept)(const char *name),
                         size_t limit, char ***paths, size_t *n);
void scr_free_list(char **list, size_t n);

/** True when a link target has a scheme (https:, mailto:) before any '/'. */
bool scr_url_is_external(const char *url);

/**
 * `url` with what a URI may not hold as it is percent-encoded (RFC 3986):
 * controls, space, DEL, `"<>\^`{|}`, and a `%` that does not begin an
 * escape (`100%zz` becomes `100%25zz`; escapes already made are kept, as
 * Markdown's URLs usually are encoded). With `ascii`, every byte above
 * 0x7F too (the UTF-8 of an IRI), for consumers that take URIs only.
 * Caller frees; NULL when out of memory.
 */
char *scr_uri_escape(const char *url, bool ascii);

/** Edit distance of `a` and `b` (a swap of two neighbours counts one),
    ignoring ASCII case, for "did you mean": words longer than 64 bytes are
    SIZE_MAX from everything. */
size_t scr_edit_distance(const char *a, const char *b);

/** The word of `words` (NULL-ended) closest to `word` when it is close
    enough to be a likely typo (a distance of at most 2, and less than the
    word's length), else NULL. */
const char *scr_closest_word(const char *word, const char *const *words);

#endif
