/*
 * The agenda pack: the front sheet (as a council lays it out), the agenda
 * items, then each appendix on a new page under its label and title.
 */
#include "compose.h"
#include "exempt.h"
#include "house.h"
#include "pdfin.h"
#include "rawhtml.h"
#include "render.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Heading levels of the pack's outline. */
#define LEVEL_PART 1    /* Members, Agenda, each appendix */
#define LEVEL_ITEM 2    /* one agenda item */
#define LEVEL_IN_ITEM 3 /* headings inside an item's text */
#define LEVEL_IN_APPENDIX 2

/* How the bookmarks of headings begin, for the sources other than the
   appendices (whose own bookmarks begin theirs). */
#define SCOPE_AGENDA "Agenda"
#define SCOPE_COMMITTEE "Committee"

typedef struct pack_ctx {
  const scr_workspace *ws;
  scr_agenda *ag; /* its released report trees are parsed again to write */
  const scr_workprogramme *wp;
  const scr_tracker *tracker;
  const scr_span *pages;
  scr_pack_kind kind;
} pack_ctx;

/* Why an appendix is not in this pack, said where its page would be. */
static const char *absent_because(const pack_ctx *p, const scr_appendix *ap) {
  if (ap->exempt && !p->kind.private_pack)
    return "not for publication";
  if (ap->to_follow && (!p->kind.supplement || ap->missing))
    return "to follow";
  return "in the agenda pack";
}

/* "Appendix C (to follow)": the letter, kept, and why it is not here. */
static void absent_appendix(const pack_ctx *p, const scr_appendix *ap,
                            scr_sink *s) {
  char label[32], why[64];
  snprintf(label, sizeof label, "Appendix %s", ap->label);
  snprintf(why, sizeof why, " (%s)", absent_because(p, ap));
  scr_sink_text(s, label, SCR_RUN_BOLD);
  scr_sink_text(s, why, 0);
}

/* " (page 5)", or " (pages 5\u20137)": the pages as live fields, the first
   at the appendix's heading, the last at the end of its last paragraph. */
static void page_range(scr_sink *s, const scr_appendix *ap, scr_span span) {
  bool one = span.last <= span.first;
  scr_sink_text(s, one ? " (page " : " (pages ", 0);
  scr_sink_page_ref(s, ap->bookmark, span.first);
  if (!one) {
    scr_sink_text(s, "\xe2\x80\x93", 0); /* en dash */
    scr_sink_page_ref(s, ap->end_bookmark, span.last);
  }
  scr_sink_text(s, ")", 0);
}

/* `[Appendix](file)` becomes "Appendix A (pages 5-7)", the pages live
   fields. */
static bool appendix_link(void *ctx, const scr_render *r, cmark_node *link,
                          scr_error *err) {
  const pack_ctx *p = ctx;
  const scr_appendix *ap = scr_agenda_ref(p->ag, link);
  if (!ap)
    return false;
  scr_sink *s = r->sink;
  if (!scr_pack_includes(p->kind, ap)) {
    absent_appendix(p, ap, s);
    *err = scr_sink_error(s);
    return true;
  }
  size_t index = (size_t)(ap - p->ag->appendices);
  char target[40], label[32];
  snprintf(target, sizeof target, "#%s", ap->bookmark);
  snprintf(label, sizeof label, "Appendix %s", ap->label);
  scr_sink_begin_link(s, target);
  scr_sink_text(s, label, SCR_RUN_BOLD);
  scr_sink_end_link(s);
  page_range(s, ap, p->pages ? p->pages[index] : (scr_span){1, 1});
  *err = scr_sink_error(s);
  return true;
}

/* "LABEL: value" lines of the front sheet. */
static void labelled(scr_sink *s, const char *label, const char *value) {
  scr_sink_begin_paragraph(s, SCR_PARA_FRONT_MATTER);
  scr_sink_text(s, label, SCR_RUN_BOLD);
  scr_sink_text(s, value, 0);
  scr_sink_end_paragraph(s);
}

static void mail_link(scr_sink *s, const char *email) {
  char *url = scr_asprintf("mailto:%s", email);
  if (!url) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_begin_link(s, url);
  scr_sink_text(s, email, 0);
  scr_sink_end_link(s);
  free(url);
}

static void meeting_lines(const pack_ctx *p, scr_sink *s) {
  const scr_committee *c = &p->ws->committee;
  char date[64], time[32];
  scr_date_format(p->ag->date, SCR_DATE_HEADLINE, date, sizeof date);
  scr_time_format(p->ag->time, time, sizeof time);
  char *title = scr_asprintf("Meeting of the %s", c->name);
  if (!title) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_para(s, SCR_PARA_SUBTITLE, c->council);
  scr_sink_para(s, SCR_PARA_TITLE, title);
  free(title);
  labelled(s, "Date: ", date);
  labelled(s, "Time: ", time);
  labelled(s, "Place: ", p->ag->venue);
}

static void with_role(scr_sink *s, const char *name, const char *role) {
  char *line = scr_asprintf("%s (%s)", name, role);
  if (!line) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_para(s, SCR_PARA_BODY, line);
  free(line);
}

static void members(const pack_ctx *p, scr_sink *s) {
  const scr_committee *c = &p->ws->committee;
  scr_sink_heading(s, LEVEL_PART, "Members of the Committee");
  if (c->chair)
    with_role(s, c->chair, "Chair");
  if (c->vice_chair)
    with_role(s, c->vice_chair, "Vice-Chair");
  for (size_t i = 0; i < c->n_members; i++)
    scr_sink_para(s, SCR_PARA_BODY, c->members[i]);
  for (size_t i = 0; i < c->n_co_opted; i++)
    with_role(s, c->co_opted[i], "Co-opted Member");
  scr_sink_para(s, SCR_PARA_BODY,
                "Members of the Committee are invited to attend the "
                "above meeting to consider the items of business "
                "listed overleaf.");
  /* the front sheet is signed for the Monitoring Officer, or whoever
     signatory_role: names */
  if (c->signatory)
    scr_sink_para(s, SCR_PARA_SIGNATURE, c->signatory);
  char *for_whom = scr_asprintf(
      "For %s", c->signatory_role ? c->signatory_role : "Monitoring Officer");
  if (for_whom)
    scr_sink_para(s, SCR_PARA_BODY, for_whom);
  else
    scr_sink_fail(s, SCR_E_NOMEM);
  free(for_whom);
}

static void contact(scr_sink *s, const scr_contact *k) {
  char *who =
      k->role ? scr_asprintf("%s (%s)", k->name, k->role) : scr_strdup(k->name);
  if (!who) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_begin_paragraph(s, SCR_PARA_BODY);
  scr_sink_text(s, who, 0);
  if (k->email) {
    scr_sink_text(s, ", ", 0);
    mail_link(s, k->email);
  }
  if (k->phone) {
    scr_sink_text(s, ", ", 0);
    scr_sink_text(s, k->phone, 0);
  }
  free(who);
  scr_sink_end_paragraph(s);
}

static void contacts(const pack_ctx *p, scr_sink *s) {
  const scr_committee *c = &p->ws->committee;
  if (c->n_contacts == 0 && !c->enquiries && !c->address)
    return;
  scr_sink_heading(s, LEVEL_PART, "Officer contacts");
  for (size_t i = 0; !scr_sink_error(s) && i < c->n_contacts; i++)
    contact(s, &c->contacts[i]);
  if (c->enquiries) {
    scr_sink_begin_paragraph(s, SCR_PARA_BODY);
    mail_link(s, c->enquiries);
    scr_sink_end_paragraph(s);
  }
  if (c->address)
    scr_sink_para(s, SCR_PARA_BODY, c->address);
}

/* The committee's standing text, a block of its own after the front
   page. */
static void standing_text(const pack_ctx *p, scr_sink *s) {
  const scr_source *src = p->ws->committee.standing;
  if (!cmark_node_first_child(src->doc))
    return;
  scr_sink_page_break(s);
  scr_render r = {s,    src,  LEVEL_PART, NULL, NULL, SCOPE_COMMITTEE,
                  NULL, NULL, NULL};
  scr_render_blocks(&r, cmark_node_first_child(src->doc), NULL);
}

/* The notice an exempt item or appendix carries, and what the paragraph of
   Schedule 12A covers. */
static void exempt_notice(scr_sink *s, int paragraph) {
  char notice[160];
  scr_exempt_notice(paragraph, notice, sizeof notice);
  scr_sink_begin_paragraph(s, SCR_PARA_BODY);
  scr_sink_text(s, notice, SCR_RUN_BOLD);
  scr_sink_end_paragraph(s);
  scr_sink_begin_paragraph(s, SCR_PARA_BODY);
  scr_sink_text(s, scr_exempt_description(paragraph), SCR_RUN_ITALIC);
  scr_sink_end_paragraph(s);
}

/* A paragraph of nothing but appendix references (and the space between
   them). */
static bool references_only(const pack_ctx *p, cmark_node *n) {
  if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
    return false;
  bool any = false;
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    const char *lit = cmark_node_get_literal(c);
    if (t == CMARK_NODE_LINK && scr_agenda_ref(p->ag, c))
      any = true;
    else if (t == CMARK_NODE_TEXT && lit && strspn(lit, " \t") == strlen(lit))
      continue;
    else if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK)
      return false;
  }
  return any;
}

/* The item's blocks from `body` to `stop`: with `references` those of
   appendix references alone, else the others, in their order. */
static void item_blocks(const pack_ctx *p, const scr_render *r,
                        cmark_node *body, cmark_node *stop, bool references) {
  for (cmark_node *n = body; n && n != stop && !scr_sink_error(r->sink);) {
    cmark_node *end = n;
    while (end && end != stop && references_only(p, end) == references)
      end = cmark_node_next(end);
    if (end != n)
      scr_render_blocks(r, n, end);
    n = end == n ? cmark_node_next(n) : end;
  }
}

/* How the agenda's own text is rendered: its `#` links lead to its items. */
static scr_render agenda_render(const pack_ctx *p, scr_sink *s) {
  return (scr_render){s,         p->ag->src,   LEVEL_IN_ITEM, appendix_link,
                      (void *)p, SCOPE_AGENDA, NULL,          NULL,
                      NULL};
}

/* The item's heading, then its appendix references, so that they stay on
   its page (the heading keeps with the next paragraph), then its text. */
static void item(const pack_ctx *p, scr_sink *s, const scr_item *it) {
  scr_render r = agenda_render(p, s);
  char number[16], mark[SCR_ANCHOR_BOOKMARK_MAX];
  snprintf(number, sizeof number, "%d. ", it->number);
  bool marked = scr_render_heading_bookmark(&r, it->heading, mark);
  scr_sink_begin_heading(s, LEVEL_ITEM);
  if (marked)
    scr_sink_begin_bookmark(s, mark);
  scr_sink_text(s, number, 0);
  scr_render_inlines(&r, it->heading);
  if (marked)
    scr_sink_end_bookmark(s, mark);
  scr_sink_end_heading(s);
  if (it->exempt)
    exempt_notice(s, it->exempt);
  cmark_node *body = cmark_node_next(it->heading);
  cmark_node *stop = scr_next_heading(body, 2);
  item_blocks(p, &r, body, stop, true);
  item_blocks(p, &r, body, stop, false);
}

/* Exempt items, after the resolution to exclude the press and public. */
static void private_session(const pack_ctx *p, scr_sink *s) {
  size_t count = 0;
  for (size_t i = 0; i < p->ag->n_items; i++)
    count += p->ag->items[i].exempt != 0;
  if (count == 0)
    return;
  scr_sink_heading(s, LEVEL_ITEM, "Private session");
  scr_sink_para(s, SCR_PARA_BODY, scr_exclusion_explanation());
  scr_sink_para(s, SCR_PARA_BODY, scr_exclusion_recommendation(count));
  for (size_t i = 0; !scr_sink_error(s) && i < p->ag->n_items; i++)
    if (p->ag->items[i].exempt)
      item(p, s, &p->ag->items[i]);
}

static void agenda(const pack_ctx *p, scr_sink *s) {
  scr_sink_page_break(s);
  scr_sink_heading(s, LEVEL_PART, "Agenda");
  /* text before the first item: an introduction to the agenda */
  cmark_node *first = cmark_node_first_child(p->ag->src->doc);
  cmark_node *stop = scr_next_heading(first, 2);
  if (first && first != stop) {
    scr_render r = agenda_render(p, s);
    scr_render_blocks(&r, first, stop);
  }
  /* the items the press and public may attend, then those they may not */
  scr_sink_heading(s, LEVEL_ITEM, "Public session");
  for (size_t i = 0; !scr_sink_error(s) && i < p->ag->n_items; i++)
    if (!p->ag->items[i].exempt)
      item(p, s, &p->ag->items[i]);
  private_session(p, s);
}

/* Author, lead director and date lines under an appendix's title. */
static void report_facts(const scr_appendix *ap, scr_sink *s) {
  static const struct {
    const char *key, *label;
  } FACTS[] = {{"lead_director", "Lead director: "},
               {"author", "Report author: "},
               {"date", "Date: "}};
  for (size_t i = 0; i < sizeof FACTS / sizeof *FACTS; i++) {
    const char *v = scr_meta_string(ap->meta, FACTS[i].key);
    if (!v)
      continue;
    char when[64];
    scr_date d;
    if (strcmp(FACTS[i].key, "date") == 0 && scr_date_parse(v, &d)) {
      scr_date_format(d, SCR_DATE_PLAIN, when, sizeof when);
      v = when;
    }
    labelled(s, FACTS[i].label, v);
  }
}

/*
 * Each appendix starts a page; in the private pack an exempt one also
 * starts a section whose every page is headed NOT FOR PUBLICATION, and the
 * next public appendix a section without. *marked says which is open.
 */
static void new_appendix_page(const pack_ctx *p, const scr_appendix *ap,
                              scr_sink *s, bool *marked) {
  bool mark = p->kind.private_pack && ap->exempt;
  if (mark == *marked) {
    scr_sink_page_break(s);
    return;
  }
  *marked = mark;
  scr_sink_begin_section(s, mark ? SCR_NOT_FOR_PUBLICATION : NULL);
}

/* No top-level heading after `heading` is of its level or above: it
   titles all that follows it. */
static bool alone_at_its_level(cmark_node *heading) {
  int level = cmark_node_get_heading_level(heading);
  for (cmark_node *n = cmark_node_next(heading); n; n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(n) <= level)
      return false;
  return true;
}

/*
 * A report that opens with a heading saying its title, the one heading of
 * its level: the appendix's own heading says it already, so that heading
 * is left out, and the headings under it move up a level to sit under the
 * appendix's. NULL when the report opens otherwise.
 */
static cmark_node *repeated_title(const scr_appendix *ap) {
  cmark_node *first = cmark_node_first_child(ap->src->doc);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_HEADING ||
      !ap->title || cmark_node_get_heading_level(first) > ap->src->min_heading)
    return NULL;
  char *text = scr_node_text(first);
  bool same = text && strcmp(text, ap->title) == 0;
  free(text);
  return same && alone_at_its_level(first) ? first : NULL;
}

/* The language a report's front matter says it is in, or NULL. */
static const char *report_language(const scr_appendix *ap) {
  return ap->kind == SCR_APPENDIX_REPORT ? scr_meta_string(ap->meta, "language")
                                         : NULL;
}

/* A report's facts, then the appendix's own text, its tree parsed again if
   it was released (not once the sink has failed). */
static void appendix_text(const pack_ctx *p, const scr_appendix *ap,
                          scr_sink *s) {
  if (ap->kind == SCR_APPENDIX_REPORT)
    report_facts(ap, s);
  if (scr_sink_error(s))
    return;
  bool reparsed = false;
  size_t index = (size_t)(ap - p->ag->appendices);
  scr_sink_fail(s, scr_appendix_tree(p->ag, index, &reparsed));
  if (!scr_sink_error(s)) {
    scr_render r = {s,
                    ap->src,
                    LEVEL_IN_APPENDIX,
                    appendix_link,
                    (void *)p,
                    ap->bookmark,
                    NULL,
                    ap->bookmark,
                    ap->end_bookmark};
    r.title_heading = repeated_title(ap);
    if (r.title_heading)
      r.heading_base = LEVEL_PART;
    scr_sink_language(s, report_language(ap));
    scr_render_blocks(&r, cmark_node_first_child(ap->src->doc), NULL);
    scr_sink_language(s, NULL);
  }
  /* a tree released to save memory goes again once written */
  if (reparsed)
    scr_appendix_release_tree(p->ag, index);
}

/* A report whose text opens with `<!-- landscape -->` (a Word report's
   first section landscape): read from its text, whose tree may be
   released. */
static bool opens_landscape(const scr_appendix *ap) {
  if (ap->kind != SCR_APPENDIX_REPORT || !ap->src || !ap->src->text)
    return false;
  const char *s = ap->src->text + ap->src->body_off;
  const char *end = ap->src->text + ap->src->len;
  while (s < end && (*s == '\n' || *s == ' ' || *s == '\t'))
    s++;
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  return scr_html_orientation(s, (size_t)((nl ? nl : end) - s)) > 0;
}

/* What the pack says of a PDF page with no text, for its alt text. Caller
   frees. */
static char *bare_page_alt(const char *file, size_t page) {
  return scr_asprintf("Page %zu of %s is a picture with no text (such as a "
                      "scan), which cannot be read aloud.",
                      page, file);
}

/* One page of a PDF appendix, on a page of its own size; the appendix's
   end is marked on its last. */
static void pdf_page(const scr_appendix *ap, const char *file, size_t i,
                     scr_sink *s) {
  const struct scr_pdf *pdf = ap->src->pdf;
  const scr_house_page *house = s->page ? s->page : &scr_house_builtin()->page;
  double w, h;
  scr_pdf_page_size(pdf, i, &w, &h);
  scr_house_page page;
  scr_pdf_page pg = {&page, ap->src->pictures, i, 0, 0, NULL, NULL};
  scr_pdf_page_fit(house, w, h, &page, &pg.width_mm100, &pg.height_mm100);
  const char *text = scr_pdf_page_text(pdf, i);
  char *alt = *text ? NULL : bare_page_alt(file, i + 1);
  if (!*text && !alt) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  pg.alt = *text ? text : alt;
  if (i + 1 == scr_pdf_page_count(pdf))
    pg.bookmark = ap->end_bookmark;
  scr_sink_pdf_page(s, &pg);
  free(alt);
}

/* A PDF appendix: under its heading, what it is; then its pages. */
static void pdf_appendix(const scr_appendix *ap, scr_sink *s) {
  size_t n = scr_pdf_page_count(ap->src->pdf);
  const char *slash = strrchr(ap->path, '/');
  const char *file = slash ? slash + 1 : ap->path;
  char *intro =
      n == 1 ? scr_asprintf("The page that follows is the PDF file %s, as "
                            "it was received.",
                            file)
             : scr_asprintf("The %zu pages that follow are the PDF file %s, "
                            "as it was received.",
                            n, file);
  if (!intro) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_para(s, SCR_PARA_BODY, intro);
  free(intro);
  for (size_t i = 0; i < n && !scr_sink_error(s); i++)
    pdf_page(ap, file, i, s);
}

static void appendix(const pack_ctx *p, const scr_appendix *ap, scr_sink *s,
                     bool *marked) {
  char label[32];
  snprintf(label, sizeof label, "Appendix %s", ap->label);
  new_appendix_page(p, ap, s, marked);
  /* its heading on its first, landscape, page, not on a page of its own */
  if (opens_landscape(ap))
    scr_sink_page_orientation(s, true);
  scr_sink_begin_heading(s, LEVEL_PART);
  scr_sink_begin_bookmark(s, ap->bookmark);
  scr_sink_text(s, label, 0);
  scr_sink_end_bookmark(s, ap->bookmark);
  scr_sink_line_break(s);
  /* the title is the report's, in its language; the label is ours */
  scr_sink_language(s, report_language(ap));
  scr_sink_text(s, ap->title, 0);
  scr_sink_language(s, NULL);
  scr_sink_end_heading(s);
  if (ap->exempt)
    exempt_notice(s, ap->exempt);
  if (ap->minutes)
    scr_compose_minutes_body(p->ws, ap->minutes, s, LEVEL_IN_APPENDIX,
                             ap->end_bookmark);
  else if (ap->kind == SCR_APPENDIX_WORKPROGRAMME && p->tracker)
    scr_compose_tracker_tables(p->wp, p->tracker, s, LEVEL_IN_APPENDIX,
                               ap->end_bookmark);
  else if (ap->src && ap->src->pdf)
    pdf_appendix(ap, s);
  else
    appendix_text(p, ap, s);
}

void scr_pack_info(const scr_workspace *ws, const scr_agenda *ag,
                   scr_pack_kind kind, scr_doc_strings *out) {
  static const struct {
    const char *what, *stem;
  } NAMES[2][2] = {
      {{"agenda pack", "agenda-pack"},
       {"agenda pack (not for publication)", "agenda-pack-private"}},
      {{"supplementary agenda pack", "agenda-pack-supplement"},
       {"supplementary agenda pack (not for publication)",
        "agenda-pack-supplement-private"}}};
  scr_doc_names(out, &ws->committee, ag->date,
                NAMES[kind.supplement][kind.private_pack].what,
                NAMES[kind.supplement][kind.private_pack].stem);
}

/* A supplement's front: which agenda it belongs to, and the items whose
   reports it brings, as the agenda lists them. */
static void supplement_front(const pack_ctx *p, scr_sink *s) {
  char date[64];
  scr_date_format(p->ag->date, SCR_DATE_WEEKDAY, date, sizeof date);
  char *intro = scr_asprintf(
      "This supplement to the agenda for the meeting of the %s on %s holds "
      "the reports that were to follow. Each keeps the appendix letter the "
      "agenda gave it.",
      p->ws->committee.name, date);
  if (!intro) {
    scr_sink_fail(s, SCR_E_NOMEM);
    return;
  }
  scr_sink_heading(s, LEVEL_PART, "Supplementary agenda");
  scr_sink_para(s, SCR_PARA_BODY, intro);
  free(intro);
  for (size_t i = 0; !scr_sink_error(s) && i < p->ag->n_items; i++)
    if (p->ag->items[i].to_follow &&
        (p->kind.private_pack || !p->ag->items[i].exempt))
      item(p, s, &p->ag->items[i]);
}

/* The front sheet of the agenda pack: meeting, members, contacts, the
   committee's standing text and the agenda. */
static void front_sheet(const pack_ctx *p, scr_sink *s) {
  members(p, s);
  contacts(p, s);
  standing_text(p, s);
  agenda(p, s);
}

/* The document's opening: its properties, then the front sheet (or the
   supplement's front) with the agenda. */
static void front(const pack_ctx *p, bool exact, scr_sink *s) {
  scr_doc_strings names;
  scr_pack_info(p->ws, p->ag, p->kind, &names);
  const char *subject =
      p->kind.supplement ? "Supplementary agenda pack" : "Agenda pack";
  scr_doc_info info = {names.title,  subject,      p->ws->committee.council,
                       SCR_LANGUAGE, names.footer, exact};
  scr_sink_begin_document(s, &info);
  meeting_lines(p, s);
  if (p->kind.supplement)
    supplement_front(p, s);
  else
    front_sheet(p, s);
}

scr_error scr_compose_pack_front(const scr_workspace *ws, scr_agenda *ag,
                                 scr_pack_kind kind,
                                 const scr_workprogramme *wp,
                                 const scr_tracker *tracker, scr_sink *s) {
  pack_ctx p = {ws, ag, wp, tracker, NULL, kind};
  front(&p, false, s);
  return scr_sink_error(s);
}

scr_error scr_compose_pack_appendix(const scr_workspace *ws, scr_agenda *ag,
                                    scr_pack_kind kind,
                                    const scr_workprogramme *wp,
                                    const scr_tracker *tracker, size_t index,
                                    scr_sink *s) {
  pack_ctx p = {ws, ag, wp, tracker, NULL, kind};
  bool marked = false;
  appendix(&p, &ag->appendices[index], s, &marked);
  return scr_sink_error(s);
}

scr_error scr_compose_pack(const scr_workspace *ws, scr_agenda *ag,
                           scr_pack_kind kind, const scr_workprogramme *wp,
                           const scr_tracker *tracker, const scr_span *pages,
                           bool exact, scr_sink *s) {
  pack_ctx p = {ws, ag, wp, tracker, pages, kind};
  front(&p, exact, s);
  bool marked = false;
  for (size_t i = 0; !scr_sink_error(s) && i < ag->n_appendices; i++)
    if (scr_pack_includes(kind, &ag->appendices[i]))
      appendix(&p, &ag->appendices[i], s, &marked);
  scr_sink_end_document(s);
  return scr_sink_error(s);
}
