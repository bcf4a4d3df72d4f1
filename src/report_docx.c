/*
 * A Word report's body described to the Markdown writer. The document
 * reads as it would with every tracked change accepted: inserted and
 * moved-to text is kept, deleted and moved-from text never read; comments,
 * field instructions and properties are never read either. Wrappers that
 * only group (content controls, smart tags, custom XML) are walked
 * through.
 */
#include "report_docx.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Fields nest at most this deep; deeper ones are read as text. */
#define MAX_FIELDS 16

typedef struct field {
  bool result;  /* past its separator: its text is the cached result */
  bool hidden;  /* a table of contents: its result is left out */
  bool linked;  /* a HYPERLINK field: its result is a link's text */
  scr_buf code; /* its instruction, up to the separator */
} field;

typedef struct walk {
  docx_parts parts;
  scr_rtext *t;
  const scr_zpkg *pkg;
  field fields[MAX_FIELDS];
  int n_fields;
  bool in_note;
  bool title_taken;
  scr_buf *capture; /* a Title paragraph's text goes here, not out */
  bool warned_toc, warned_box, warned_drawing;
  scr_zpkg_budget budget; /* of pictures read, in all */
  bool *landscape;        /* each section's pages, in order */
  size_t n_sections, section;
  scr_error err;
} walk;

static void walk_blocks(walk *w, const xmlNode *parent);
static void walk_inlines(walk *w, const xmlNode *parent, unsigned format);

/* ---- fields ------------------------------------------------------------- */

/* Whether text now is shown: outside fields, or in their results. */
static bool shown(const walk *w) {
  for (int i = 0; i < w->n_fields; i++)
    if (!w->fields[i].result || w->fields[i].hidden)
      return false;
  return true;
}

/* The target of a HYPERLINK field's instruction: `HYPERLINK "url"`, or
   `HYPERLINK \l "bookmark"` (a place in the report, "#bookmark"). NULL
   for any other field. Caller frees. */
static char *hyperlink_target(const char *code) {
  if (strncmp(code, "HYPERLINK", 9) != 0 || (code[9] && code[9] != ' '))
    return NULL;
  const char *s = code + 9;
  bool local = false;
  for (;;) {
    while (*s == ' ')
      s++;
    if (s[0] == '\\' && s[1]) {
      local = local || s[1] == 'l';
      s += 2; /* a switch; \l takes the bookmark next */
      continue;
    }
    break;
  }
  const char *end;
  if (*s == '"') {
    s++;
    end = strchr(s, '"');
  } else {
    end = s + strcspn(s, " ");
  }
  if (!end || end == s)
    return NULL;
  return local ? scr_asprintf("#%.*s", (int)(end - s), s)
               : scr_strndup(s, (size_t)(end - s));
}

static void field_char(walk *w, const xmlNode *fc) {
  xmlChar *type = docx_attr(fc, "fldCharType");
  const char *ty = type ? (const char *)type : "";
  if (strcmp(ty, "begin") == 0 && w->n_fields < MAX_FIELDS) {
    w->fields[w->n_fields++] = (field){0};
  } else if (strcmp(ty, "separate") == 0 && w->n_fields) {
    field *f = &w->fields[w->n_fields - 1];
    f->result = true;
    const char *code = f->code.data;
    while (code && *code == ' ')
      code++;
    f->hidden = code && code[0] == 'T' && code[1] == 'O' && code[2] == 'C';
    if (f->hidden && !w->warned_toc) {
      scr_rtext_warn(w->t, "its table of contents is left out: its page "
                           "numbers are the report's own, not the pack's");
      w->warned_toc = true;
    }
    char *url = code && shown(w) && !w->capture ? hyperlink_target(code) : NULL;
    if (url) {
      scr_rtext_link_begin(w->t, url);
      f->linked = true;
    }
    free(url);
  } else if (strcmp(ty, "end") == 0 && w->n_fields) {
    field *f = &w->fields[--w->n_fields];
    if (f->linked)
      scr_rtext_link_end(w->t);
    scr_buf_free(&f->code);
  }
  xmlFree(type);
}

static void field_code(walk *w, const xmlNode *instr) {
  if (!w->n_fields)
    return;
  xmlChar *text = xmlNodeGetContent(instr);
  field *f = &w->fields[w->n_fields - 1];
  if (text && !f->result && scr_buf_puts(&f->code, (const char *)text))
    w->err = SCR_E_NOMEM;
  xmlFree(text);
}

/* ---- text --------------------------------------------------------------- */

static void out_text(walk *w, const char *s, size_t n, unsigned format) {
  if (!shown(w) || !n)
    return;
  if (w->capture) {
    if (scr_buf_append(w->capture, s, n))
      w->err = SCR_E_NOMEM;
    return;
  }
  scr_rtext_text(w->t, s, n, format);
}

static void out_break(walk *w) {
  if (!shown(w))
    return;
  if (w->capture)
    out_text(w, " ", 1, 0);
  else
    scr_rtext_line_break(w->t);
}

/* A run's formatting: its style's, then its own properties over it. */
static unsigned run_format(const walk *w, const xmlNode *rpr, unsigned base) {
  unsigned f = base;
  xmlNodePtr style = docx_child(rpr, "rStyle");
  xmlChar *id = style ? docx_attr(style, "val") : NULL;
  const docx_style *s = docx_style_find(&w->parts, (const char *)id);
  xmlFree(id);
  if (s && s->has_format)
    f |= s->format;
  static const struct {
    const char *name;
    unsigned bit;
  } TOGGLES[] = {{"b", SCR_RT_BOLD},
                 {"i", SCR_RT_ITALIC},
                 {"u", SCR_RT_ITALIC},
                 {"strike", SCR_RT_STRIKE},
                 {"dstrike", SCR_RT_STRIKE}};
  for (size_t i = 0; i < sizeof TOGGLES / sizeof *TOGGLES; i++) {
    int on = docx_toggle(rpr, TOGGLES[i].name);
    if (on > 0)
      f |= TOGGLES[i].bit;
    else if (on == 0 && strcmp(TOGGLES[i].name, "u") != 0)
      f &= ~TOGGLES[i].bit;
  }
  xmlNodePtr va = docx_child(rpr, "vertAlign");
  xmlChar *v = va ? docx_attr(va, "val") : NULL;
  if (v && strcmp((const char *)v, "superscript") == 0)
    f |= SCR_RT_SUPERSCRIPT;
  else if (v && strcmp((const char *)v, "subscript") == 0)
    f |= SCR_RT_SUBSCRIPT;
  xmlFree(v);
  return f;
}

/* ---- pictures ----------------------------------------------------------- */

/* The first descendant element of `n` with local name `name`. */
static xmlNodePtr find_desc(const xmlNode *n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (strcmp((const char *)c->name, name) == 0)
      return c;
    xmlNodePtr found = find_desc(c, name);
    if (found)
      return found;
  }
  return NULL;
}

/* The picture a relationship id names, described with `alt`. */
static void picture(walk *w, const char *rid, const char *alt) {
  const docx_rel *rel = docx_rel_find(&w->parts, rid);
  if (!rel || rel->external) {
    out_text(w, "", 0, 0);
    return;
  }
  if (!scr_zpkg_budget_take(w->pkg, &w->budget, rel->target))
    return;
  unsigned char *bytes = NULL;
  size_t len = 0;
  scr_error err = scr_zpkg_read(w->pkg, rel->target,
                                SCR_REPORT_PICTURE_MAX_BYTES, &bytes, &len);
  if (err) {
    w->err = err;
    return;
  }
  if (!bytes) {
    scr_rtext_warn(w->t, "picture %s is missing from the document",
                   rel->target);
    return;
  }
  scr_rtext_picture(w->t, bytes, len, alt, rel->target);
}

static char *alt_of(const xmlNode *holder, const char *desc,
                    const char *title) {
  xmlChar *d = docx_attr(holder, desc);
  if (!d || !*d) {
    xmlFree(d);
    d = title ? docx_attr(holder, title) : NULL;
  }
  char *out = d ? scr_strdup((const char *)d) : NULL;
  xmlFree(d);
  return out;
}

/* w:drawing: a DrawingML picture, inline or anchored. */
static void drawing(walk *w, const xmlNode *n) {
  if (!shown(w) || w->capture)
    return;
  xmlNodePtr doc_pr = find_desc(n, "docPr");
  xmlNodePtr blip = find_desc(n, "blip");
  char *alt = alt_of(doc_pr, "descr", "title");
  xmlChar *rid = blip ? docx_attr(blip, "embed") : NULL;
  if (rid) {
    picture(w, (const char *)rid, alt);
  } else if (find_desc(n, "txbxContent")) {
    if (!w->warned_box)
      scr_rtext_warn(w->t, "a text box is left out: move its text into the "
                           "report's body");
    w->warned_box = true;
  } else if (!w->warned_drawing) {
    scr_rtext_warn(w->t, "a drawing that is not a picture (a chart, shape "
                         "or diagram) is left out");
    w->warned_drawing = true;
  }
  xmlFree(rid);
  free(alt);
}

/* w:pict: a VML picture, as older Word versions save them. */
static void vml_picture(walk *w, const xmlNode *n) {
  if (!shown(w) || w->capture)
    return;
  xmlNodePtr shape = find_desc(n, "shape");
  xmlNodePtr data = find_desc(n, "imagedata");
  xmlChar *rid = data ? docx_attr(data, "id") : NULL;
  char *alt = alt_of(shape, "alt", NULL);
  if (!alt)
    alt = alt_of(data, "title", NULL);
  if (rid)
    picture(w, (const char *)rid, alt);
  else if (find_desc(n, "txbxContent") && !w->warned_box) {
    scr_rtext_warn(w->t, "a text box is left out: move its text into the "
                         "report's body");
    w->warned_box = true;
  }
  xmlFree(rid);
  free(alt);
}

/* ---- notes -------------------------------------------------------------- */

/* A footnote or endnote: its mark here, its paragraphs as the note. The
   fields open around the mark do not reach into it. */
static void note(walk *w, const xmlNode *ref, bool endnote) {
  if (w->in_note || w->capture || !shown(w))
    return;
  long id = 0;
  xmlChar *v = docx_attr(ref, "id");
  id = v ? strtol((const char *)v, NULL, 10) : -1;
  xmlFree(v);
  xmlNodePtr body = docx_note_find(&w->parts, endnote, id);
  if (!body)
    return;
  int n_fields = w->n_fields;
  w->n_fields = 0;
  w->in_note = true;
  scr_rtext_note_begin(w->t);
  walk_blocks(w, body);
  scr_rtext_note_end(w->t);
  w->in_note = false;
  while (w->n_fields)
    scr_buf_free(&w->fields[--w->n_fields].code);
  w->n_fields = n_fields;
}

/* ---- runs --------------------------------------------------------------- */

static void run_child(walk *w, const xmlNode *c, unsigned format) {
  const char *name = (const char *)c->name;
  if (docx_is(c, "t")) {
    xmlChar *text = xmlNodeGetContent(c);
    if (text)
      out_text(w, (const char *)text, strlen((const char *)text), format);
    xmlFree(text);
  } else if (docx_is(c, "tab") || docx_is(c, "ptab")) {
    out_text(w, "\t", 1, format);
  } else if (docx_is(c, "br") || docx_is(c, "cr")) {
    xmlChar *type = docx_attr(c, "type");
    /* a page or column break is the report's layout, not the pack's */
    if (!type || strcmp((const char *)type, "textWrapping") == 0)
      out_break(w);
    xmlFree(type);
  } else if (docx_is(c, "noBreakHyphen")) {
    out_text(w, "-", 1, format);
  } else if (docx_is(c, "fldChar")) {
    field_char(w, c);
  } else if (docx_is(c, "instrText")) {
    field_code(w, c);
  } else if (docx_is(c, "drawing")) {
    drawing(w, c);
  } else if (docx_is(c, "pict") || docx_is(c, "object")) {
    vml_picture(w, c);
  } else if (docx_is(c, "footnoteReference")) {
    note(w, c, false);
  } else if (docx_is(c, "endnoteReference")) {
    note(w, c, true);
  } else if (strcmp(name, "AlternateContent") == 0) {
    /* the first choice is what Word shows; the fallback repeats it */
    for (xmlNodePtr ch = c->children; ch; ch = ch->next)
      if (ch->type == XML_ELEMENT_NODE &&
          strcmp((const char *)ch->name, "Choice") == 0) {
        for (xmlNodePtr g = ch->children; g; g = g->next)
          if (g->type == XML_ELEMENT_NODE)
            run_child(w, g, format);
        break;
      }
  }
  /* w:delText, w:commentReference, w:footnoteRef, w:sym... say nothing */
}

/* Hidden text (w:vanish, on the run or its character style), which Word
   neither shows nor prints: never published. Its field characters still
   count, so that the fields around it end where they do. */
static bool hidden_run(const walk *w, const xmlNode *rpr) {
  int own = docx_toggle(rpr, "vanish");
  if (own >= 0)
    return own > 0;
  xmlNodePtr style = docx_child(rpr, "rStyle");
  xmlChar *id = style ? docx_attr(style, "val") : NULL;
  const docx_style *s = docx_style_find(&w->parts, (const char *)id);
  xmlFree(id);
  return s && s->hidden;
}

static void run(walk *w, const xmlNode *r, unsigned base) {
  xmlNodePtr rpr = docx_child(r, "rPr");
  unsigned format = run_format(w, rpr, base);
  bool hidden = hidden_run(w, rpr);
  for (xmlNodePtr c = r->children; c && !w->err; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !docx_is(c, "rPr") &&
        (!hidden || docx_is(c, "fldChar") || docx_is(c, "instrText")))
      run_child(w, c, format);
}

/* ---- inline content ----------------------------------------------------- */

static void hyperlink(walk *w, const xmlNode *h, unsigned format) {
  xmlChar *rid = docx_attr(h, "id");
  xmlChar *anchor = docx_attr(h, "anchor");
  const docx_rel *rel = docx_rel_find(&w->parts, (const char *)rid);
  char *url = rel && rel->external ? scr_strdup(rel->target)
              : anchor             ? scr_asprintf("#%s", (const char *)anchor)
                                   : NULL;
  bool linked = url && shown(w) && !w->capture;
  if (linked)
    scr_rtext_link_begin(w->t, url);
  walk_inlines(w, h, format);
  if (linked)
    scr_rtext_link_end(w->t);
  free(url);
  xmlFree(rid);
  xmlFree(anchor);
}

static void bookmark(walk *w, const xmlNode *b) {
  xmlChar *name = docx_attr(b, "name");
  if (name && strcmp((const char *)name, "_GoBack") != 0 && !w->capture)
    scr_rtext_bookmark(w->t, (const char *)name);
  xmlFree(name);
}

/* An equation (Office Math) as the text of its runs, in order: Markdown
   has no mathematics, and its symbols and numbers still read. */
static void equation(walk *w, const xmlNode *n, unsigned format) {
  for (xmlNodePtr c = n->children; c && !w->err; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (strcmp((const char *)c->name, "t") == 0) {
      xmlChar *text = xmlNodeGetContent(c);
      if (text)
        out_text(w, (const char *)text, strlen((const char *)text), format);
      xmlFree(text);
    } else if (!docx_is(c, "rPr") && strcmp((const char *)c->name, "rPr") &&
               strcmp((const char *)c->name, "ctrlPr")) {
      equation(w, c, format);
    }
  }
}

static void walk_inlines(walk *w, const xmlNode *parent, unsigned format) {
  for (xmlNodePtr c = parent->children; c && !w->err; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (docx_is(c, "r"))
      run(w, c, format);
    else if (docx_is(c, "hyperlink"))
      hyperlink(w, c, format);
    else if (docx_is(c, "bookmarkStart"))
      bookmark(w, c);
    else if (docx_is(c, "ins") || docx_is(c, "moveTo") ||
             docx_is(c, "smartTag") || docx_is(c, "customXml") ||
             docx_is(c, "fldSimple") || docx_is(c, "dir") ||
             docx_is(c, "bdo") || docx_is(c, "sdtContent"))
      walk_inlines(w, c, format);
    else if (docx_is(c, "sdt"))
      walk_inlines(
          w, docx_child(c, "sdtContent") ? docx_child(c, "sdtContent") : c,
          format);
    else if (strcmp((const char *)c->name, "AlternateContent") == 0)
      run_child(w, c, format);
    else if (strcmp((const char *)c->name, "oMath") == 0 ||
             strcmp((const char *)c->name, "oMathPara") == 0)
      equation(w, c, format);
    /* w:del, w:moveFrom, comment ranges, proofing marks: nothing shown */
  }
}

/* ---- paragraphs --------------------------------------------------------- */

typedef struct para_kind {
  docx_kind kind;
  int level;
  int num_id, num_level, list_depth;
} para_kind;

static para_kind kind_of(const walk *w, const xmlNode *ppr) {
  para_kind k = {.num_level = -1};
  xmlNodePtr ps = docx_child(ppr, "pStyle");
  xmlChar *id = ps ? docx_attr(ps, "val") : NULL;
  const docx_style *s = docx_style_find(&w->parts, (const char *)id);
  xmlFree(id);
  if (s) {
    k.kind = s->kind;
    k.level = s->level;
    k.num_id = s->num_id;
    k.num_level = s->num_level;
    k.list_depth = s->list_depth;
  }
  xmlNodePtr outline = docx_child(ppr, "outlineLvl");
  if (outline) {
    xmlChar *v = docx_attr(outline, "val");
    int level = v ? (int)strtol((const char *)v, NULL, 10) + 1 : 10;
    xmlFree(v);
    if (level >= 1 && level <= 9) {
      k.kind = DOCX_HEADING;
      k.level = level > 6 ? 6 : level;
    } else if (k.kind == DOCX_HEADING) {
      k.kind = DOCX_BODY;
    }
  }
  xmlNodePtr numpr = docx_child(ppr, "numPr");
  if (numpr) {
    xmlNodePtr num = docx_child(numpr, "numId"), il = docx_child(numpr, "ilvl");
    xmlChar *v = num ? docx_attr(num, "val") : NULL;
    if (v)
      k.num_id = (int)strtol((const char *)v, NULL, 10);
    xmlFree(v);
    v = il ? docx_attr(il, "val") : NULL;
    if (v)
      k.num_level = (int)strtol((const char *)v, NULL, 10);
    xmlFree(v);
  }
  return k;
}

/* One number as a level shows it: 3, c, C, iii, III. */
static void format_number(scr_buf *out, int n, docx_format f) {
  char style = f == DOCX_LOWER_LETTER   ? 'a'
               : f == DOCX_UPPER_LETTER ? 'A'
               : f == DOCX_LOWER_ROMAN  ? 'i'
               : f == DOCX_UPPER_ROMAN  ? 'I'
                                        : '1';
  scr_rtext_number(out, n, style);
}

/* The label a level's w:lvlText makes of the counters: "2.3", "(b)". */
static char *number_label(const docx_abstract *a, int level) {
  scr_buf out = SCR_BUF_INIT;
  for (const char *s = a->levels[level].text; *s; s++) {
    if (s[0] == '%' && s[1] >= '1' && s[1] <= '9') {
      int k = s[1] - '1';
      format_number(&out, a->counter[k], a->levels[k].format);
      s++;
    } else {
      scr_buf_append(&out, s, 1);
    }
  }
  return scr_buf_detach(&out, NULL);
}

/* Whether a level's label is one Markdown's ordered lists show: its own
   number in digits, then '.' or ')'. Others ("2.3", "(b)", "iv.") are a
   report's numbered paragraphs, which the text refers to by label: the
   label is written as text. */
static bool markdown_label(const docx_level *lvl, int level) {
  const char *t = lvl->text;
  return lvl->format == DOCX_DECIMAL && t[0] == '%' && t[1] - '1' == level &&
         (t[2] == '.' || t[2] == ')') && !t[3];
}

/* Count a numbered paragraph as Word counts: per abstract list, a w:num's
   start overrides restarting it when first used, deeper levels starting
   again under each item. Its abstract and level, or NULL when the
   numbering is unknown or shows no number. */
static docx_abstract *count(walk *w, const para_kind *k, int *level,
                            long *list) {
  const docx_num *cnum = docx_num_find(&w->parts, k->num_id);
  if (!cnum || cnum->abstract < 0)
    return NULL;
  docx_num *num = &w->parts.nums[cnum - w->parts.nums];
  docx_abstract *a = &w->parts.abstracts[num->abstract];
  int l = k->num_level < 0 ? 0 : k->num_level;
  if (l >= DOCX_LEVELS)
    l = DOCX_LEVELS - 1;
  if (a->levels[l].none)
    return NULL;
  if (!num->used) {
    num->used = true;
    for (int i = 0; i < DOCX_LEVELS; i++)
      if (num->start_override[i] >= 0) {
        a->counter[i] = num->start_override[i] - 1;
        a->counted[i] = true;
      }
  }
  for (int i = 0; i <= l; i++)
    if (!a->counted[i]) {
      a->counter[i] = a->levels[i].start - (i == l ? 1 : 0);
      a->counted[i] = true;
    }
  a->counter[l]++;
  for (int i = l + 1; i < DOCX_LEVELS; i++)
    a->counted[i] = false;
  *level = l;
  *list = (long)num->abstract;
  return a;
}

/* A numbered heading or paragraph whose label is its text: "2.3 ". */
static void write_label(walk *w, const docx_abstract *a, int level) {
  char *label = number_label(a, level);
  if (label && *label) {
    scr_rtext_text(w->t, label, strlen(label), 0);
    scr_rtext_text(w->t, " ", 1, 0);
  }
  free(label);
}

/* A numbered paragraph: a list item, or a paragraph labelled with its
   number; false when it shows none. */
static bool numbered(walk *w, const para_kind *k) {
  int l;
  long list;
  docx_abstract *a = count(w, k, &l, &list);
  if (!a)
    return false;
  if (a->levels[l].ordered && a->levels[l].text[0] &&
      !markdown_label(&a->levels[l], l)) {
    scr_rtext_paragraph(w->t);
    write_label(w, a, l);
    return true;
  }
  scr_rtext_item(w->t, l + k->list_depth, a->levels[l].ordered, a->counter[l],
                 list);
  return true;
}

/* A heading with a number (1, 1.1, Part A): its number is counted, so
   that the paragraphs numbered under it start again, and shown. */
static void numbered_heading(walk *w, const para_kind *k) {
  int l;
  long list;
  docx_abstract *a = k->num_id > 0 ? count(w, k, &l, &list) : NULL;
  scr_rtext_heading(w->t, k->level);
  if (a && a->levels[l].ordered)
    write_label(w, a, l);
}

/* A Title paragraph titles the report, the first one; later ones are
   top-level headings. */
static void title_paragraph(walk *w, const xmlNode *p) {
  if (w->title_taken || w->in_note) {
    scr_rtext_heading(w->t, 1);
    walk_inlines(w, p, 0);
    return;
  }
  scr_buf text = SCR_BUF_INIT;
  w->capture = &text;
  walk_inlines(w, p, 0);
  w->capture = NULL;
  if (text.len) {
    scr_rtext_title(w->t, text.data);
    w->title_taken = true;
  }
  scr_buf_free(&text);
}

/* ---- sections ----------------------------------------------------------- */

/* Whether a section's properties turn its pages: landscape said, or a
   page wider than it is high. */
static bool is_landscape(const xmlNode *sect) {
  xmlNodePtr size = docx_child(sect, "pgSz");
  xmlChar *orient = size ? docx_attr(size, "orient") : NULL;
  xmlChar *wide = size ? docx_attr(size, "w") : NULL;
  xmlChar *high = size ? docx_attr(size, "h") : NULL;
  bool turned = orient         ? strcmp((const char *)orient, "landscape") == 0
                : wide && high ? strtol((const char *)wide, NULL, 10) >
                                     strtol((const char *)high, NULL, 10)
                               : false;
  xmlFree(orient);
  xmlFree(wide);
  xmlFree(high);
  return turned;
}

/* A section ends at a paragraph holding its properties, the last at the
   body's own: each one's orientation, in order. */
static void find_sections(walk *w, const xmlNode *body) {
  size_t cap = 0;
  for (xmlNodePtr c = body->children; c; c = c->next) {
    xmlNodePtr sect = docx_is(c, "sectPr") ? c
                      : docx_is(c, "p")
                          ? docx_child(docx_child(c, "pPr"), "sectPr")
                          : NULL;
    if (!sect)
      continue;
    if (scr_reserve(&w->landscape, &cap, w->n_sections + 1,
                    sizeof *w->landscape)) {
      w->err = SCR_E_NOMEM;
      return;
    }
    w->landscape[w->n_sections++] = is_landscape(sect);
  }
}

static void turn_pages(walk *w) {
  if (w->section < w->n_sections && !w->in_note)
    scr_rtext_orientation(w->t, w->landscape[w->section]);
}

/* After a paragraph that ends a section, the next one's pages. */
static void section_end(walk *w, const xmlNode *ppr) {
  if (w->in_note || !docx_child(ppr, "sectPr"))
    return;
  w->section++;
  turn_pages(w);
}

static void paragraph(walk *w, const xmlNode *p) {
  xmlNodePtr ppr = docx_child(p, "pPr");
  para_kind k = kind_of(w, ppr);
  if (k.kind == DOCX_TITLE) {
    title_paragraph(w, p);
    section_end(w, ppr);
    return;
  }
  if (k.kind == DOCX_HEADING)
    numbered_heading(w, &k);
  else if (k.num_id > 0 && numbered(w, &k))
    ;
  else if (k.kind == DOCX_QUOTE)
    scr_rtext_quote(w->t);
  else
    scr_rtext_paragraph(w->t);
  walk_inlines(w, p, 0);
  section_end(w, ppr);
}

/* ---- tables ------------------------------------------------------------- */

static void table(walk *w, const xmlNode *tbl);

static void cell(walk *w, const xmlNode *tc) {
  xmlNodePtr pr = docx_child(tc, "tcPr");
  xmlNodePtr span = docx_child(pr, "gridSpan"), vm = docx_child(pr, "vMerge");
  xmlChar *v = span ? docx_attr(span, "val") : NULL;
  int n = v ? (int)strtol((const char *)v, NULL, 10) : 1;
  xmlFree(v);
  v = vm ? docx_attr(vm, "val") : NULL;
  bool covered = vm && (!v || strcmp((const char *)v, "restart") != 0);
  xmlFree(v);
  scr_rtext_cell_begin(w->t, n < 1 ? 1 : n, covered);
  if (!covered)
    walk_blocks(w, tc);
  scr_rtext_cell_end(w->t);
}

static bool row_deleted(const xmlNode *tr) {
  return docx_child(docx_child(tr, "trPr"), "del") != NULL;
}

static void row_cells(walk *w, const xmlNode *parent) {
  for (xmlNodePtr c = parent->children; c && !w->err; c = c->next) {
    if (docx_is(c, "tc"))
      cell(w, c);
    else if (docx_is(c, "sdt") || docx_is(c, "customXml") ||
             docx_is(c, "sdtContent"))
      row_cells(w,
                docx_child(c, "sdtContent") ? docx_child(c, "sdtContent") : c);
  }
}

static void table_rows(walk *w, const xmlNode *parent) {
  for (xmlNodePtr r = parent->children; r && !w->err; r = r->next) {
    if (docx_is(r, "tr") && !row_deleted(r)) {
      bool header = docx_toggle(docx_child(r, "trPr"), "tblHeader") > 0;
      scr_rtext_row_begin(w->t, header);
      row_cells(w, r);
      scr_rtext_row_end(w->t);
    } else if (docx_is(r, "sdt") || docx_is(r, "customXml")) {
      table_rows(w,
                 docx_child(r, "sdtContent") ? docx_child(r, "sdtContent") : r);
    }
  }
}

static void table(walk *w, const xmlNode *tbl) {
  scr_rtext_table_begin(w->t);
  table_rows(w, tbl);
  scr_rtext_table_end(w->t);
}

/* ---- blocks ------------------------------------------------------------- */

static void walk_blocks(walk *w, const xmlNode *parent) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c && !w->err;
       c = c->next) {
    if (docx_is(c, "p"))
      paragraph(w, c);
    else if (docx_is(c, "tbl"))
      table(w, c);
    else if (docx_is(c, "sdt"))
      walk_blocks(w, docx_child(c, "sdtContent"));
    else if (docx_is(c, "customXml") || docx_is(c, "ins") ||
             docx_is(c, "moveTo"))
      walk_blocks(w, c);
  }
}

scr_error scr_report_read_docx(const scr_zpkg *p, scr_rtext *t) {
  walk w = {.t = t,
            .pkg = p,
            .budget = {SCR_REPORT_READ_BUDGET, SCR_REPORT_READ_BUDGET, false}};
  scr_error err = docx_parts_read(&w.parts, p, t);
  xmlDocPtr doc = NULL;
  if (!err)
    err =
        scr_zpkg_read_xml(p, w.parts.document, SCR_REPORT_PART_MAX_BYTES, &doc);
  if (!err && !doc) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report has no %s: it is not a Word document",
                 w.parts.document);
    err = SCR_E_SOURCE;
  }
  xmlNodePtr body = doc ? docx_child(xmlDocGetRootElement(doc), "body") : NULL;
  if (!err && !body) {
    scr_error_at(p->diags, p->path, 0, 0,
                 "report's %s has no w:body: it is not a Word document",
                 w.parts.document);
    err = SCR_E_SOURCE;
  }
  if (!err)
    find_sections(&w, body);
  if (!err && !w.err) {
    turn_pages(&w);
    walk_blocks(&w, body);
  }
  err = err ? err : w.err;
  free(w.landscape);
  while (w.n_fields)
    scr_buf_free(&w.fields[--w.n_fields].code);
  if (doc)
    xmlFreeDoc(doc);
  docx_parts_free(&w.parts);
  return err;
}
