/*
 * The HTML writer inside a paragraph: runs of formatting, spans of another
 * language, links, bookmarks, page references, pictures and notes; and the
 * pages of a PDF appendix, as their text.
 *
 * Runs: the formatting elements of the last text stay open while the next
 * text has the same flags, so that "**a** **b**" is not split into two
 * <strong>; any other call closes them first. Nesting is fixed: a span of
 * another language outermost, then strong, em, del, code, sup or sub.
 */
#include "digest.h"
#include "html_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- runs -------------------------------------------------------------- */

static const struct {
  unsigned flag;
  const char *open, *close;
} RUNS[] = {
    {SCR_RUN_BOLD, "<strong>", "</strong>"},
    {SCR_RUN_ITALIC, "<em>", "</em>"},
    {SCR_RUN_STRIKE, "<del>", "</del>"},
    {SCR_RUN_CODE, "<code>", "</code>"},
    {SCR_RUN_SUPERSCRIPT, "<sup>", "</sup>"},
    {SCR_RUN_SUBSCRIPT, "<sub>", "</sub>"},
};
#define N_RUNS (sizeof RUNS / sizeof *RUNS)

static void end_flags(html_writer *w) {
  for (size_t i = N_RUNS; i-- > 0;)
    if (w->flags_open & RUNS[i].flag)
      html_put(w, RUNS[i].close);
  w->flags_open = 0;
}

void html_end_runs(html_writer *w) {
  end_flags(w);
  if (w->span_open)
    html_put(w, "</span>");
  w->span_open = false;
}

static bool in_inline(const html_writer *w) {
  return w->block == HTML_P || w->block == HTML_BARE || w->block == HTML_H ||
         w->block == HTML_PRE;
}

/* Text of a language other than its block's is in a span saying which. */
static void set_language(html_writer *w) {
  bool other = strcmp(w->lang_now, w->block_lang) != 0;
  if (other ? w->span_open && strcmp(w->span_lang, w->lang_now) == 0
            : !w->span_open)
    return;
  html_end_runs(w);
  if (other) {
    html_put(w, "<span lang=\"");
    html_escape(w, w->lang_now, strlen(w->lang_now));
    html_put(w, "\">");
    w->span_open = true;
    snprintf(w->span_lang, sizeof w->span_lang, "%s", w->lang_now);
  }
}

scr_error html_text(void *self, const char *text, size_t len, unsigned flags) {
  html_writer *w = self;
  if (w->block == HTML_RULE)
    return w->err; /* a rule is empty */
  if (!in_inline(w))
    return html_fail(w, SCR_E_USAGE);
  html_close_tag(w);
  if (w->block == HTML_PRE)
    flags &= ~(unsigned)SCR_RUN_CODE; /* <pre><code> says it */
  set_language(w);
  if (flags != w->flags_open) {
    end_flags(w);
    for (size_t i = 0; i < N_RUNS; i++)
      if (flags & RUNS[i].flag)
        html_put(w, RUNS[i].open);
    w->flags_open = flags;
  }
  html_escape(w, text, len);
  return w->err;
}

scr_error html_line_break(void *self) {
  html_writer *w = self;
  if (!in_inline(w))
    return html_fail(w, SCR_E_USAGE);
  html_close_tag(w);
  html_put(w, w->block == HTML_PRE ? "\n" : "<br/>");
  return w->err;
}

scr_error html_language(void *self, const char *tag) {
  html_writer *w = self;
  const char *lang = tag && *tag ? tag : w->doc_lang;
  /* a tag too long to keep is none said: the document's */
  if (strlen(lang) >= sizeof w->lang_now)
    lang = w->doc_lang;
  snprintf(w->lang_now, sizeof w->lang_now, "%s", lang);
  return w->err;
}

/* ---- links ------------------------------------------------------------- */

/* Where bookmark `name` is from this page, and the page it shows. */
static void target_of(const html_writer *w, const char *name, char *href,
                      size_t n, int *page) {
  snprintf(href, n, "#%s", name);
  if (w->links.target)
    w->links.target(w->links.ctx, name, href, n, page);
}

/* A link the page may carry: to the web, mail or a telephone. Others (a
   script, a file of the author's machine) are written as their text. */
static bool safe_url(const char *url) {
  static const char *const SCHEMES[] = {"https://", "http://",
                                        "mailto:", "tel:"};
  for (size_t i = 0; i < sizeof SCHEMES / sizeof *SCHEMES; i++)
    if (strncasecmp(url, SCHEMES[i], strlen(SCHEMES[i])) == 0)
      return true;
  return false;
}

scr_error html_begin_link(void *self, const char *url) {
  html_writer *w = self;
  if (!in_inline(w) || w->in_link || !url)
    return html_fail(w, SCR_E_USAGE);
  html_end_runs(w);
  html_close_tag(w);
  w->in_link = true;
  w->link_written = url[0] == '#' || safe_url(url);
  if (!w->link_written)
    return w->err;
  html_put(w, "<a href=\"");
  if (url[0] == '#') {
    char href[600];
    int page = 0;
    target_of(w, url + 1, href, sizeof href, &page);
    html_escape(w, href, strlen(href));
  } else {
    html_escape(w, url, strlen(url));
  }
  html_put(w, "\">");
  return w->err;
}

scr_error html_end_link(void *self) {
  html_writer *w = self;
  if (!w->in_link)
    return html_fail(w, SCR_E_USAGE);
  html_end_runs(w);
  if (w->link_written)
    html_put(w, "</a>");
  w->in_link = w->link_written = false;
  return w->err;
}

/* A bookmark at the start of its block is the block's id; elsewhere an
   empty span marks the place. */
scr_error html_begin_bookmark(void *self, const char *name) {
  html_writer *w = self;
  if (!in_inline(w) || !name)
    return html_fail(w, SCR_E_USAGE);
  if (w->tag_open && !w->tag_id) {
    html_attr(w, "id", name);
    w->tag_id = true;
    return w->err;
  }
  html_close_tag(w);
  html_put(w, "<span id=\"");
  html_escape(w, name, strlen(name));
  html_put(w, "\"></span>");
  return w->err;
}

scr_error html_end_bookmark(void *self, const char *name) {
  html_writer *w = self;
  (void)name;
  return in_inline(w) ? w->err : html_fail(w, SCR_E_USAGE);
}

/* A page reference is a link to its target, showing the page of the
   printed pack it is on; inside a link, the number alone. */
scr_error html_page_ref(void *self, const char *bookmark, int cached) {
  html_writer *w = self;
  if (!in_inline(w) || !bookmark)
    return html_fail(w, SCR_E_USAGE);
  char href[600], number[16];
  int page = cached;
  target_of(w, bookmark, href, sizeof href, &page);
  snprintf(number, sizeof number, "%d", page);
  html_end_runs(w);
  html_close_tag(w);
  if (!w->in_link) {
    html_put(w, "<a href=\"");
    html_escape(w, href, strlen(href));
    html_put(w, "\">");
  }
  html_put(w, number);
  if (!w->in_link)
    html_put(w, "</a>");
  return w->err;
}

/* ---- pictures ---------------------------------------------------------- */

void scr_html_picture_name(const scr_image *img, char out[64]) {
  scr_digest d;
  char hex[SCR_DIGEST_HEX];
  scr_digest_init(&d);
  scr_digest_add(&d, "picture", img->data, img->size);
  scr_digest_hex(&d, hex);
  bool png = img->mime && strcmp(img->mime, "image/png") == 0;
  snprintf(out, 64, "picture-%.16s.%s", hex, png ? "png" : "jpg");
}

/* The picture kept for the caller to write, once however often shown. */
static scr_error keep_picture(html_writer *w, const scr_image *img,
                              const char *name) {
  for (size_t i = 0; i < w->n_files; i++)
    if (strcmp(w->files[i].name, name) == 0)
      return w->err;
  if (scr_reserve(&w->files, &w->cap_files, w->n_files + 1, sizeof *w->files))
    return html_fail(w, SCR_E_NOMEM);
  scr_html_file *f = &w->files[w->n_files];
  *f = (scr_html_file){.size = img->size};
  snprintf(f->name, sizeof f->name, "%s", name);
  f->mime = strcmp(img->mime, "image/png") == 0 ? "image/png" : "image/jpeg";
  f->data = malloc(img->size ? img->size : 1);
  if (!f->data)
    return html_fail(w, SCR_E_NOMEM);
  if (img->size)
    memcpy(f->data, img->data, img->size);
  w->n_files++;
  return w->err;
}

/* CSS pixels (1/96 inch) of a length in hundredths of a millimetre. */
static long css_px(int32_t mm100) {
  return (long)(((double)mm100 * 96.0 / 2540.0) + 0.5);
}

scr_error html_image(void *self, const scr_image *img) {
  html_writer *w = self;
  if (!in_inline(w) || !img || !img->data || !img->mime)
    return html_fail(w, SCR_E_USAGE);
  char name[64], size[48];
  scr_html_picture_name(img, name);
  if (keep_picture(w, img, name))
    return w->err;
  long wide =
      img->width_mm100 > 0 ? css_px(img->width_mm100) : (long)img->width_px;
  long high =
      img->height_mm100 > 0 ? css_px(img->height_mm100) : (long)img->height_px;
  html_close_tag(w);
  html_put(w, "<img src=\"");
  html_put(w, name);
  /* no description: a decorative picture, which screen readers pass */
  html_put(w, "\" alt=\"");
  html_escape(w, img->alt ? img->alt : "", img->alt ? strlen(img->alt) : 0);
  snprintf(size, sizeof size, "\" width=\"%ld\" height=\"%ld\"/>", wide, high);
  html_put(w, size);
  return w->err;
}

size_t scr_html_file_count(const void *writer) {
  const html_writer *w = writer;
  return w->n_files;
}

const scr_html_file *scr_html_file_at(const void *writer, size_t i) {
  const html_writer *w = writer;
  return i < w->n_files ? &w->files[i] : NULL;
}

void html_free_files(html_writer *w) {
  for (size_t i = 0; i < w->n_files; i++)
    free(w->files[i].data);
  free(w->files);
  w->files = NULL;
  w->n_files = w->cap_files = 0;
}

/* ---- notes ------------------------------------------------------------- */

/*
 * A note's mark links to the note, in a list at the end of the page; the
 * note links back. While it is written its paragraphs go to that list,
 * and the paragraph it interrupts waits.
 */
scr_error html_begin_note(void *self, const char *label) {
  html_writer *w = self;
  if (!in_inline(w) || w->in_note || !label)
    return html_fail(w, SCR_E_USAGE);
  html_end_runs(w);
  html_close_tag(w);
  char mark[160];
  int n = ++w->n_notes;
  if (w->in_link) /* no link in a link: the mark alone */
    snprintf(mark, sizeof mark, "<sup id=\"note-ref-%d\">", n);
  else
    snprintf(mark, sizeof mark,
             "<sup><a href=\"#note-%d\" id=\"note-ref-%d\" "
             "class=\"note-ref\" aria-label=\"Note ",
             n, n);
  html_put(w, mark);
  if (!w->in_link) {
    html_escape(w, label, strlen(label));
    html_put(w, "\">");
  }
  html_escape(w, label, strlen(label));
  html_put(w, w->in_link ? "</sup>" : "</a></sup>");
  w->in_note = true;
  w->outer_block = w->block;
  w->outer_level = w->level;
  snprintf(w->outer_lang, sizeof w->outer_lang, "%s", w->block_lang);
  w->block = HTML_NO_BLOCK;
  w->out = &w->notes;
  snprintf(mark, sizeof mark, "<li id=\"note-%d\">", n);
  html_put(w, mark);
  if (w->depth >= HTML_DEPTH_MAX)
    return html_fail(w, SCR_E_USAGE);
  html_frame *f = &w->frames[w->depth++];
  *f = (html_frame){.kind = HTML_NOTE, .started = true};
  memcpy(f->lang, w->frames[0].lang, sizeof f->lang);
  return w->err;
}

scr_error html_end_note(void *self) {
  html_writer *w = self;
  if (!w->in_note || w->block || w->frames[w->depth - 1].kind != HTML_NOTE)
    return html_fail(w, SCR_E_USAGE);
  if (w->frames[w->depth - 1].quote)
    html_put(w, "</blockquote>\n");
  w->depth--;
  char back[160];
  snprintf(back, sizeof back,
           "<a href=\"#note-ref-%d\" class=\"note-back\">Back to the text "
           "at note %d</a></li>\n",
           w->n_notes, w->n_notes);
  html_put(w, back);
  w->out = &w->body;
  w->in_note = false;
  w->block = w->outer_block;
  w->level = w->outer_level;
  snprintf(w->block_lang, sizeof w->block_lang, "%s", w->outer_lang);
  return w->err;
}

void html_write_notes(html_writer *w) {
  if (!w->n_notes)
    return;
  html_put(w, "<section class=\"notes\" aria-labelledby=\"notes-heading\">\n"
              "<h2 id=\"notes-heading\">Notes</h2>\n<ol>\n");
  if (!w->err && scr_buf_append(w->out, w->notes.data, w->notes.len))
    html_fail(w, SCR_E_NOMEM);
  html_put(w, "</ol>\n</section>\n");
}

/* ---- pages of a PDF appendix ------------------------------------------- */

/* The page's text (its picture's alternative text in a pack) under a
   heading with its number: a paragraph to each block of lines, the lines
   of a block run on, as a reader hears them. */
scr_error html_pdf_page(void *self, const scr_pdf_page *page) {
  html_writer *w = self;
  if (w->block || !page || !page->alt)
    return html_fail(w, SCR_E_USAGE);
  html_close_tag(w);
  if (w->frames[w->depth - 1].quote) {
    html_put(w, "</blockquote>\n");
    w->frames[w->depth - 1].quote = false;
  }
  char heading[96];
  snprintf(heading, sizeof heading, "<h2 class=\"pdf-page\">Page %zu</h2>\n",
           page->index + 1);
  html_put(w, heading);
  if (page->bookmark) {
    html_put(w, "<span id=\"");
    html_escape(w, page->bookmark, strlen(page->bookmark));
    html_put(w, "\"></span>\n");
  }
  const char *s = page->alt;
  while (*s && !w->err) {
    const char *end = strstr(s, "\n\n");
    size_t len = end ? (size_t)(end - s) : strlen(s);
    html_put(w, "<p>");
    for (size_t i = 0; i < len && !w->err;) {
      const char *nl = memchr(s + i, '\n', len - i);
      size_t line = nl ? (size_t)(nl - (s + i)) : len - i;
      html_escape(w, s + i, line);
      if (nl)
        html_put(w, " ");
      i += line + (nl ? 1 : 0);
    }
    html_put(w, "</p>\n");
    s += len;
    while (*s == '\n')
      s++;
  }
  return w->err;
}
