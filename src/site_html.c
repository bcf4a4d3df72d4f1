/*
 * The site's pages: the committee and its meetings, a page per meeting,
 * and the work programme with the action tracker. Semantic HTML written
 * with xmlTextWriter (XHTML-compatible markup under <!DOCTYPE html>), one
 * small stylesheet, no script; every link relative, so the folder can be
 * served from any path.
 */
#include "pdfin.h"
#include "site.h"
#include "xmlw.h"

#include <stdio.h>
#include <string.h>

#define LANG SCR_LANGUAGE

/* ---- markup helpers ------------------------------------------------------ */

static void start(scr_xmlw *x, const char *name) {
  scr_xmlw_start(x, name);
}

/* Every element but the void ones closes with an end tag. */
static void end(scr_xmlw *x) {
  scr_xmlw_end_full(x);
}

static void text(scr_xmlw *x, const char *s) {
  scr_xmlw_text(x, s, strlen(s));
}

static void element(scr_xmlw *x, const char *name, const char *s) {
  start(x, name);
  text(x, s);
  end(x);
}

static void element_class(scr_xmlw *x, const char *name, const char *cls,
                          const char *s) {
  start(x, name);
  scr_xmlw_attr(x, "class", cls);
  text(x, s);
  end(x);
}

static void link_to(scr_xmlw *x, const char *href, const char *s) {
  start(x, "a");
  scr_xmlw_attr(x, "href", href);
  text(x, s);
  end(x);
}

/* <meta>, <link>: void elements, written as <name .../>. */
static void void_element(scr_xmlw *x, const char *name, const char *const *kv,
                         size_t n) {
  scr_xmlw_start(x, name);
  for (size_t i = 0; i + 1 < n; i += 2)
    scr_xmlw_attr(x, kv[i], kv[i + 1]);
  scr_xmlw_end(x);
}

/* "<strong>Label:</strong> value" as a paragraph. */
static void labelled(scr_xmlw *x, const char *label, const char *value) {
  start(x, "p");
  element(x, "strong", label);
  text(x, " ");
  text(x, value);
  end(x);
}

/* ---- words --------------------------------------------------------------- */

static void file_size_words(long long size, char *out, size_t n) {
  if (size < 1024)
    snprintf(out, n, "%lld bytes", size);
  else if (size < 1024 * 1024)
    snprintf(out, n, "%.0f KB", (double)size / 1024.0);
  else
    snprintf(out, n, "%.1f MB", (double)size / (1024.0 * 1024.0));
}

static const char *format_name(const char *ext) {
  if (strcmp(ext, "pdf") == 0)
    return "PDF";
  if (strcmp(ext, "docx") == 0)
    return "Word";
  if (strcmp(ext, "odt") == 0)
    return "OpenDocument";
  return "CSV";
}

const char *scr_site_media_type(const char *ext) {
  if (strcmp(ext, "pdf") == 0)
    return "application/pdf";
  if (strcmp(ext, "docx") == 0)
    return "application/vnd.openxmlformats-officedocument.wordprocessingml."
           "document";
  if (strcmp(ext, "odt") == 0)
    return "application/vnd.oasis.opendocument.text";
  return "text/csv";
}

/* An action's status as a sentence-case phrase. */
static const char *status_words(scr_status s) {
  switch (s) {
  case SCR_STATUS_DONE:
    return "Done";
  case SCR_STATUS_ON_AGENDA:
    return "On an agenda";
  case SCR_STATUS_SCHEDULED:
    return "Scheduled for a later meeting";
  case SCR_STATUS_OVERDUE:
    return "Overdue";
  case SCR_STATUS_UNSCHEDULED:
    return "Not yet scheduled";
  case SCR_STATUS_COUNT:
    break;
  }
  return "Unknown";
}

/* ---- the frame of every page --------------------------------------------- */

typedef enum nav_item { NAV_MEETINGS, NAV_WORKPROGRAMME, NAV_NONE } nav_item;

static void nav_link(scr_xmlw *x, const char *href, const char *label,
                     bool current) {
  start(x, "li");
  start(x, "a");
  scr_xmlw_attr(x, "href", href);
  if (current)
    scr_xmlw_attr(x, "aria-current", "page");
  text(x, label);
  end(x);
  end(x);
}

/* A new page's writer; nothing to discard when it cannot be made. */
static scr_error open_page(scr_xmlw *x) {
  scr_error err = scr_xmlw_open_html(x);
  if (err)
    scr_xmlw_discard(x);
  return err;
}

/* What the frame of a page says: whose site it is and where it leads. */
typedef struct frame {
  const char *council;
  const char *committee; /* NULL on the council's own pages */
  const char *home;      /* the council's index from here, or NULL */
  scr_date today;
} frame;

static frame frame_of(const scr_site *site) {
  const scr_committee *c = &site->s->ws.committee;
  return (frame){c->council, c->name, site->council_home, site->today};
}

static void page_head(scr_xmlw *x, const frame *f, const char *title) {
  start(x, "html");
  scr_xmlw_attr(x, "lang", LANG);
  start(x, "head");
  static const char *const CHARSET[] = {"charset", "utf-8"};
  static const char *const VIEWPORT[] = {"name", "viewport", "content",
                                         "width=device-width, initial-scale=1"};
  static const char *const CSS[] = {"rel", "stylesheet", "href", SCR_SITE_CSS};
  void_element(x, "meta", CHARSET, 2);
  void_element(x, "meta", VIEWPORT, 4);
  element(x, "title", title);
  void_element(x, "link", CSS, 4);
  char feed_title[600];
  snprintf(feed_title, sizeof feed_title, "%s: agenda packs",
           f->committee ? f->committee : f->council);
  const char *feed[] = {"rel",  "alternate",   "type",  "application/atom+xml",
                        "href", SCR_SITE_FEED, "title", feed_title};
  void_element(x, "link", feed, 8);
  end(x);
}

static void frame_open(scr_xmlw *x, const frame *f, const char *title,
                       nav_item here) {
  page_head(x, f, title);
  start(x, "body");
  start(x, "a");
  scr_xmlw_attr(x, "class", "skip");
  scr_xmlw_attr(x, "href", "#main");
  text(x, "Skip to content");
  end(x);
  start(x, "header");
  element_class(x, "p", "council", f->council);
  if (f->committee)
    element_class(x, "p", "committee", f->committee);
  start(x, "nav");
  scr_xmlw_attr(x, "aria-label", "Site");
  start(x, "ul");
  if (f->home)
    nav_link(x, f->home, "All committees", false);
  nav_link(x, SCR_SITE_INDEX, "Meetings", here == NAV_MEETINGS);
  if (f->committee)
    nav_link(x, SCR_SITE_WORKPROGRAMME, "Work programme",
             here == NAV_WORKPROGRAMME);
  nav_link(x, SCR_SITE_ICS, "Calendar of meetings", false);
  nav_link(x, SCR_SITE_FEED, "Feed of agenda packs", false);
  end(x);
  end(x);
  end(x);
  start(x, "main");
  scr_xmlw_attr(x, "id", "main");
}

static void page_frame(scr_xmlw *x, const scr_site *site, const char *title,
                       nav_item here) {
  frame f = frame_of(site);
  frame_open(x, &f, title, here);
}

static void page_open(scr_xmlw *x, const scr_site *site, const char *title,
                      nav_item here) {
  page_frame(x, site, title, here);
  element(x, "h1", title);
}

static scr_error frame_close(scr_xmlw *x, const frame *f, char **data,
                             size_t *len) {
  char today[64];
  scr_date_format(f->today, SCR_DATE_PLAIN, today, sizeof today);
  end(x); /* main */
  start(x, "footer");
  start(x, "p");
  text(x, "Papers as published on ");
  text(x, today);
  text(x, ". Made with scrutineer " SCR_VERSION ".");
  end(x);
  end(x);
  end(x); /* body */
  end(x); /* html */
  return scr_xmlw_close(x, data, len);
}

static scr_error page_close(scr_xmlw *x, const scr_site *site, char **data,
                            size_t *len) {
  frame f = frame_of(site);
  return frame_close(x, &f, data, len);
}

/* ---- pieces -------------------------------------------------------------- */

/* A list of links to each file of `doc`, named "<what> (PDF, 1.2 MB)". */
static void downloads(scr_xmlw *x, const scr_site_doc *doc, const char *what) {
  start(x, "ul");
  scr_xmlw_attr(x, "class", "downloads");
  for (size_t i = 0; i < doc->n_files; i++) {
    const scr_site_file *f = &doc->files[i];
    char href[300], size[32], label[400];
    snprintf(href, sizeof href, "%s.%s", doc->stem, f->ext);
    file_size_words(f->size, size, sizeof size);
    snprintf(label, sizeof label, "%s (%s, %s)", what, format_name(f->ext),
             size);
    start(x, "li");
    start(x, "a");
    scr_xmlw_attr(x, "href", href);
    scr_xmlw_attr(x, "type", scr_site_media_type(f->ext));
    scr_xmlw_attr(x, "download", "");
    text(x, label);
    end(x);
    end(x);
  }
  end(x);
}

static void when_and_where(scr_xmlw *x, const scr_site_meeting *m) {
  if (m->time >= 0) {
    char t[32];
    scr_time_format(m->time, t, sizeof t);
    labelled(x, "Time:", t);
  }
  if (m->venue)
    labelled(x, "Venue:", m->venue);
}

/* The pack and minutes of a meeting, or what is not yet published. */
static void meeting_papers(scr_xmlw *x, const scr_site_meeting *m, bool past) {
  if (m->pack)
    downloads(x, m->pack, "Agenda pack");
  else if (past && m->minutes_doc)
    element(x, "p", "The agenda pack is not in this workspace.");
  else
    element(x, "p", "Agenda not yet published.");
  if (m->minutes_doc)
    downloads(x, m->minutes_doc, "Minutes");
  else if (past)
    element(x, "p", "Minutes not yet published.");
}

/* One meeting in the index: its date as a link to its page. */
static void meeting_summary(scr_xmlw *x, const scr_site_meeting *m, bool past) {
  char date[64];
  scr_date_format(m->date, SCR_DATE_WEEKDAY, date, sizeof date);
  start(x, "li");
  start(x, "article");
  start(x, "h3");
  link_to(x, m->page, date);
  end(x);
  when_and_where(x, m);
  meeting_papers(x, m, past);
  end(x);
  end(x);
}

/* A section named by its own h2 heading, left open for its content. */
static void open_section(scr_xmlw *x, const char *id, const char *heading) {
  start(x, "section");
  scr_xmlw_attr(x, "aria-labelledby", id);
  start(x, "h2");
  scr_xmlw_attr(x, "id", id);
  text(x, heading);
  end(x);
}

static void meetings_section(scr_xmlw *x, const scr_site *site, bool past) {
  const char *id = past ? "past" : "upcoming";
  open_section(x, id, past ? "Past meetings" : "Upcoming meetings");
  size_t shown = 0;
  start(x, "ol");
  scr_xmlw_attr(x, "class", "meetings");
  for (size_t k = 0; k < site->n_meetings; k++) {
    /* upcoming soonest first, past most recent first */
    size_t i = past ? site->n_meetings - 1 - k : k;
    const scr_site_meeting *m = &site->meetings[i];
    bool is_past = scr_date_cmp(m->date, site->today) < 0;
    if (is_past != past)
      continue;
    meeting_summary(x, m, past);
    shown++;
  }
  end(x);
  if (!shown)
    element(x, "p", past ? "No past meetings." : "No meetings scheduled.");
  end(x);
}

static void member_item(scr_xmlw *x, const char *name, const char *role) {
  start(x, "li");
  text(x, name);
  if (role) {
    text(x, " (");
    text(x, role);
    text(x, ")");
  }
  end(x);
}

static void members_section(scr_xmlw *x, const scr_committee *c) {
  open_section(x, "members", "Members");
  start(x, "ul");
  if (c->chair)
    member_item(x, c->chair, "Chair");
  if (c->vice_chair)
    member_item(x, c->vice_chair, "Vice-Chair");
  for (size_t i = 0; i < c->n_members; i++)
    member_item(x, c->members[i], NULL);
  for (size_t i = 0; i < c->n_co_opted; i++)
    member_item(x, c->co_opted[i], "co-opted");
  end(x);
  end(x);
}

static void mail_link(scr_xmlw *x, const char *email) {
  char href[600];
  snprintf(href, sizeof href, "mailto:%s", email);
  link_to(x, href, email);
}

/* A number to call: tel: takes it without the spaces it is written with. */
static void phone_link(scr_xmlw *x, const char *phone) {
  char href[128] = "tel:";
  size_t w = strlen(href);
  for (const char *p = phone; *p && w + 1 < sizeof href; p++)
    if (*p != ' ')
      href[w++] = *p;
  href[w] = '\0';
  link_to(x, href, phone);
}

static void contacts_section(scr_xmlw *x, const scr_committee *c) {
  open_section(x, "contacts", "Contacts");
  start(x, "ul");
  for (size_t i = 0; i < c->n_contacts; i++) {
    const scr_contact *ct = &c->contacts[i];
    start(x, "li");
    text(x, ct->name ? ct->name : "");
    if (ct->role) {
      text(x, ", ");
      text(x, ct->role);
    }
    if (ct->email) {
      text(x, ": ");
      mail_link(x, ct->email);
    }
    if (ct->phone) {
      text(x, ct->email ? ", " : ": ");
      phone_link(x, ct->phone);
    }
    end(x);
  }
  end(x);
  if (c->enquiries) {
    start(x, "p");
    element(x, "strong", "Enquiries:");
    text(x, " ");
    mail_link(x, c->enquiries);
    end(x);
  }
  if (c->address)
    labelled(x, "Address:", c->address);
  end(x);
}

/* ---- index.html ---------------------------------------------------------- */

scr_error scr_site_index_html(const scr_site *site, char **data, size_t *len) {
  const scr_committee *c = &site->s->ws.committee;
  scr_xmlw x;
  scr_error err = open_page(&x);
  if (err)
    return err;
  page_open(&x, site, c->name, NAV_MEETINGS);
  meetings_section(&x, site, false);
  meetings_section(&x, site, true);
  open_section(&x, "programme", "Work programme and actions");
  start(&x, "p");
  link_to(&x, SCR_SITE_WORKPROGRAMME,
          "The work programme and every action's status");
  end(&x);
  downloads(&x, site->tracker_doc, "Work programme and action tracker");
  end(&x);
  members_section(&x, c);
  contacts_section(&x, c);
  return page_close(&x, site, data, len);
}

/* ---- the council's index ------------------------------------------------ */

static void council_meeting(scr_xmlw *x, const scr_council_meeting *m) {
  char date[64], heading[400];
  scr_date_format(m->date, SCR_DATE_WEEKDAY, date, sizeof date);
  /* a list of the page's links still says whose meeting each is */
  snprintf(heading, sizeof heading, "%s: %s", date, m->committee);
  start(x, "li");
  start(x, "article");
  start(x, "h3");
  link_to(x, m->page, heading);
  end(x);
  if (m->time >= 0) {
    char t[32];
    scr_time_format(m->time, t, sizeof t);
    labelled(x, "Time:", t);
  }
  if (m->venue[0])
    labelled(x, "Venue:", m->venue);
  element(x, "p",
          m->published ? "Agenda published." : "Agenda not yet published.");
  end(x);
  end(x);
}

static void council_upcoming(scr_xmlw *x, const scr_council_site *cs) {
  open_section(x, "upcoming", "Upcoming meetings");
  size_t shown = 0;
  for (size_t i = 0; i < cs->n_meetings; i++) {
    const scr_council_meeting *m = &cs->meetings[i];
    if (scr_date_cmp(m->date, cs->today) < 0)
      continue;
    if (!shown++) {
      start(x, "ol");
      scr_xmlw_attr(x, "class", "meetings");
    }
    council_meeting(x, m);
  }
  if (shown)
    end(x);
  else
    element(x, "p", "No meetings scheduled.");
  end(x);
}

static void council_committees(scr_xmlw *x, const scr_council_site *cs) {
  open_section(x, "committees", "Committees");
  start(x, "ul");
  scr_xmlw_attr(x, "class", "committees");
  for (size_t i = 0; i < cs->n_committees; i++) {
    const scr_council_entry *e = &cs->committees[i];
    char href[160], upcoming[64];
    snprintf(href, sizeof href, "committees/%s/%s", e->slug, SCR_SITE_INDEX);
    start(x, "li");
    start(x, "h3");
    link_to(x, href, e->name);
    end(x);
    snprintf(upcoming, sizeof upcoming, "%zu upcoming meeting%s.", e->upcoming,
             e->upcoming == 1 ? "" : "s");
    element(x, "p", upcoming);
    if (e->n_members) {
      start(x, "ul");
      scr_xmlw_attr(x, "aria-label", "Members");
      for (size_t k = 0; k < e->n_members; k++)
        element(x, "li", e->members[k]);
      end(x);
    }
    end(x);
  }
  end(x);
  end(x);
}

scr_error scr_site_council_html(const scr_council_site *cs, char **data,
                                size_t *len) {
  frame f = {cs->council->name, NULL, NULL, cs->today};
  scr_xmlw x;
  scr_error err = open_page(&x);
  if (err)
    return err;
  frame_open(&x, &f, cs->council->name, NAV_MEETINGS);
  element(&x, "h1", cs->council->name);
  council_upcoming(&x, cs);
  council_committees(&x, cs);
  return frame_close(&x, &f, data, len);
}

/* ---- a meeting's page -------------------------------------------------- */

/* The agenda item a link of the agenda's own text sits under, or -1. */
static int item_of_link(const scr_agenda *ag, cmark_node *link) {
  cmark_node *block = link;
  while (block && cmark_node_parent(block) != ag->src->doc)
    block = cmark_node_parent(block);
  for (cmark_node *n = block; n; n = cmark_node_previous(n))
    for (size_t i = 0; i < ag->n_items; i++)
      if (ag->items[i].heading == n)
        return (int)i;
  return -1;
}

/*
 * The item under which each appendix is first linked: directly from the
 * agenda, or from a report that is itself an appendix of that item (the
 * references come in that order). owner[i] is -1 when none is known.
 */
static void appendix_owners(const scr_agenda *ag, int *owner) {
  for (size_t i = 0; i < ag->n_appendices; i++)
    owner[i] = -1;
  int current = -1;
  for (size_t r = 0; r < ag->n_refs; r++) {
    /* a link in a report stays with the item of the report */
    if (ag->refs[r].source == ag->src)
      current = item_of_link(ag, ag->refs[r].link);
    size_t a = ag->refs[r].appendix;
    if (owner[a] < 0)
      owner[a] = current;
  }
}

static void page_words(const scr_site_doc *pack, size_t i, char *out,
                       size_t n) {
  const int *main = pack->pages_odt ? pack->pages_odt : pack->pages_docx;
  if (!main) {
    snprintf(out, n, "page not known");
    return;
  }
  if (pack->pages_odt && pack->pages_docx &&
      pack->pages_odt[i] != pack->pages_docx[i])
    snprintf(out, n, "page %d (page %d in the Word document)", main[i],
             pack->pages_docx[i]);
  else
    snprintf(out, n, "page %d", main[i]);
}

void scr_site_pdf_appendix_name(const char *stem, const scr_appendix *ap,
                                char *out, size_t n) {
  snprintf(out, n, "%s-appendix-%s.pdf", stem, ap->label);
}

bool scr_site_offers_pdf(const scr_appendix *ap) {
  return ap->src && ap->src->pdf && scr_pack_includes((scr_pack_kind){0}, ap);
}

bool scr_site_offers_page(const scr_appendix *ap) {
  return scr_pack_includes((scr_pack_kind){0}, ap);
}

void scr_site_report_page_name(const char *stem, const scr_appendix *ap,
                               char *out, size_t n) {
  snprintf(out, n, "%s-appendix-%s.html", stem, ap->label);
}

bool scr_site_report_pages(const scr_agenda *ag, const scr_site_doc *pack,
                           size_t i, int *first, int *last) {
  const int *pages = pack->pages_odt;
  if (!pages || !pack->pages_exact || i >= pack->n_pages)
    return false;
  *first = pages[i];
  *last = 0;
  for (size_t j = i + 1; j < ag->n_appendices && j < pack->n_pages; j++)
    if (scr_pack_includes((scr_pack_kind){0}, &ag->appendices[j])) {
      *last = pages[j] - 1;
      break;
    }
  return *first >= 1 && (*last == 0 || *last >= *first);
}

bool scr_site_offers_cuts(const scr_site_doc *pack) {
  bool pdf = false;
  for (size_t k = 0; pack && k < pack->n_files; k++)
    pdf = pdf || strcmp(pack->files[k].ext, "pdf") == 0;
  return pdf && pack->pages_exact;
}

/* A link to download the appendix's PDF beside the pack: its pages of the
   pack, or a PDF appendix as received. */
static void cut_download(scr_xmlw *x, const scr_appendix *ap,
                         const scr_site_doc *pack, const char *label) {
  char href[320];
  scr_site_pdf_appendix_name(pack->stem, ap, href, sizeof href);
  start(x, "a");
  scr_xmlw_attr(x, "href", href);
  scr_xmlw_attr(x, "type", scr_site_media_type("pdf"));
  scr_xmlw_attr(x, "download", "");
  text(x, label);
  end(x);
}

/* A PDF appendix's own file, as received, beside the pack. */
static void pdf_download(scr_xmlw *x, const scr_appendix *ap,
                         const scr_site_doc *pack) {
  char href[320], size[32], label[64];
  size_t len = 0;
  scr_pdf_data(ap->src->pdf, &len);
  scr_site_pdf_appendix_name(pack->stem, ap, href, sizeof href);
  file_size_words((long long)len, size, sizeof size);
  snprintf(label, sizeof label, "the PDF as received (%s)", size);
  text(x, "; ");
  cut_download(x, ap, pack, label);
}

static void appendix_entry(scr_xmlw *x, const scr_agenda *ag, size_t i,
                           const scr_site_doc *pack) {
  const scr_appendix *ap = &ag->appendices[i];
  char label[64], where[96];
  snprintf(label, sizeof label, "Appendix %s:", ap->label);
  start(x, "li");
  element(x, "strong", label);
  text(x, " ");
  /* an exempt report's title can itself disclose what it is about */
  if (ap->exempt) {
    text(x, "not for publication");
  } else if (ap->to_follow) {
    text(x, ap->title ? ap->title : ap->path);
    text(x, ", to follow");
  } else {
    page_words(pack, i, where, sizeof where);
    const char *title = ap->title ? ap->title : ap->path;
    if (pack && scr_site_offers_page(ap)) {
      char page[320];
      scr_site_report_page_name(pack->stem, ap, page, sizeof page);
      link_to(x, page, title);
    } else {
      text(x, title);
    }
    text(x, ", ");
    text(x, where);
    if (pack && scr_site_offers_pdf(ap)) {
      pdf_download(x, ap, pack);
    } else if (scr_site_offers_cuts(pack) && scr_site_offers_page(ap)) {
      text(x, "; ");
      cut_download(x, ap, pack, "its pages as a PDF");
    }
  }
  end(x);
}

static void item_entry(scr_xmlw *x, const scr_agenda *ag, size_t item,
                       const int *owner, const scr_site_doc *pack) {
  const scr_item *it = &ag->items[item];
  start(x, "li");
  text(x, it->title);
  if (it->to_follow)
    text(x, " (to follow)");
  if (it->exempt) {
    char why[96];
    snprintf(why, sizeof why,
             " (not for publication: paragraph %d of Schedule 12A)",
             it->exempt);
    text(x, why);
  }
  bool any = false;
  for (size_t i = 0; i < ag->n_appendices; i++) {
    if (owner[i] != (int)item)
      continue;
    if (!any) {
      start(x, "ul");
      scr_xmlw_attr(x, "class", "appendices");
    }
    any = true;
    appendix_entry(x, ag, i, pack);
  }
  if (any)
    end(x);
  end(x);
}

static void pages_note(scr_xmlw *x, const scr_site_doc *pack) {
  const char *note =
      pack->pages_exact
          ? "Page numbers are those of the pack as laid out by LibreOffice: "
            "the PDF's and the OpenDocument file's."
          : "Page numbers are estimated, as printed in the pack until Word "
            "or LibreOffice updates them.";
  element_class(x, "p", "note", note);
}

static void agenda_section(scr_xmlw *x, const scr_site_meeting *m) {
  const scr_agenda *ag = m->agenda;
  open_section(x, "agenda", "Agenda");
  int *owner = calloc(ag->n_appendices + 1, sizeof *owner);
  if (!owner) {
    x->err = SCR_E_NOMEM;
    return;
  }
  appendix_owners(ag, owner);
  start(x, "ol");
  scr_xmlw_attr(x, "class", "agenda");
  for (size_t i = 0; i < ag->n_items; i++)
    item_entry(x, ag, i, owner, m->pack);
  end(x);
  /* appendices no item links (none in practice) are still listed */
  bool orphans = false;
  for (size_t i = 0; i < ag->n_appendices; i++)
    orphans = orphans || owner[i] < 0;
  if (orphans) {
    element(x, "h3", "Other appendices");
    start(x, "ul");
    for (size_t i = 0; i < ag->n_appendices; i++)
      if (owner[i] < 0)
        appendix_entry(x, ag, i, m->pack);
    end(x);
  }
  if (ag->n_appendices)
    pages_note(x, m->pack);
  free(owner);
  end(x);
}

scr_error scr_site_meeting_html(const scr_site *site, const scr_site_meeting *m,
                                char **data, size_t *len) {
  char date[64], title[128];
  scr_date_format(m->date, SCR_DATE_WEEKDAY, date, sizeof date);
  snprintf(title, sizeof title, "Meeting on %s", date);
  scr_xmlw x;
  scr_error err = open_page(&x);
  if (err)
    return err;
  page_open(&x, site, title, NAV_NONE);
  when_and_where(&x, m);
  open_section(&x, "papers", "Papers");
  meeting_papers(&x, m, scr_date_cmp(m->date, site->today) < 0);
  end(&x);
  if (m->agenda)
    agenda_section(&x, m);
  start(&x, "p");
  link_to(&x, SCR_SITE_INDEX, "All meetings");
  end(&x);
  return page_close(&x, site, data, len);
}

/* ---- a report's page ------------------------------------------------------
 */

scr_error scr_site_report_html(const scr_site *site, const scr_site_meeting *m,
                               size_t index, const char *body, char **data,
                               size_t *len) {
  const scr_appendix *ap = &m->agenda->appendices[index];
  const scr_site_doc *pack = m->pack;
  char date[64], title[700], back[128];
  scr_date_format(m->date, SCR_DATE_WEEKDAY, date, sizeof date);
  snprintf(title, sizeof title, "Appendix %s: %s (meeting on %s)", ap->label,
           ap->title ? ap->title : ap->path, date);
  snprintf(back, sizeof back, "The meeting on %s and its papers", date);
  scr_xmlw x;
  scr_error err = open_page(&x);
  if (err)
    return err;
  page_frame(&x, site, title, NAV_NONE);
  start(&x, "p");
  link_to(&x, m->page, back);
  end(&x);
  if (scr_site_offers_pdf(ap)) {
    start(&x, "p");
    text(&x, "This appendix was received as a PDF, and its text is below");
    pdf_download(&x, ap, pack);
    text(&x, ".");
    end(&x);
  } else if (scr_site_offers_cuts(pack)) {
    char label[160];
    int first = 0, last = 0;
    scr_site_report_pages(m->agenda, pack, index, &first, &last);
    if (last == first)
      snprintf(label, sizeof label,
               "This report as a PDF (page %d of the pack)", first);
    else if (last)
      snprintf(label, sizeof label,
               "This report as a PDF (pages %d to %d of the pack)", first,
               last);
    else
      snprintf(label, sizeof label,
               "This report as a PDF (the pack's pages from %d to its end)",
               first);
    start(&x, "p");
    cut_download(&x, ap, pack, label);
    end(&x);
  }
  scr_xmlw_raw(&x, body, strlen(body));
  start(&x, "p");
  link_to(&x, m->page, back);
  end(&x);
  return page_close(&x, site, data, len);
}

/* ---- work-programme.html --------------------------------------------------
 */

/* A table in a region that scrolls sideways on a narrow screen; keyboard
   users can focus it to scroll. */
static void table_open(scr_xmlw *x, const char *id, const char *caption,
                       const char *const *heads, size_t n) {
  start(x, "div");
  scr_xmlw_attr(x, "class", "table");
  scr_xmlw_attr(x, "role", "region");
  scr_xmlw_attr(x, "aria-labelledby", id);
  scr_xmlw_attr(x, "tabindex", "0");
  start(x, "table");
  start(x, "caption");
  scr_xmlw_attr(x, "id", id);
  text(x, caption);
  end(x);
  start(x, "thead");
  start(x, "tr");
  for (size_t i = 0; i < n; i++) {
    start(x, "th");
    scr_xmlw_attr(x, "scope", "col");
    text(x, heads[i]);
    end(x);
  }
  end(x);
  end(x);
  start(x, "tbody");
}

static void table_close(scr_xmlw *x) {
  end(x); /* tbody */
  end(x); /* table */
  end(x); /* div */
}

static void tracker_row(scr_xmlw *x, const scr_tracked *t) {
  char agreed[64], due[64] = "None";
  scr_date_format(t->minutes->date, SCR_DATE_PLAIN, agreed, sizeof agreed);
  if (t->res->due_from != SCR_DUE_NONE)
    scr_date_format(t->res->due, SCR_DATE_PLAIN, due, sizeof due);
  start(x, "tr");
  start(x, "th");
  scr_xmlw_attr(x, "scope", "row");
  text(x, t->res->id);
  end(x);
  element(x, "td", t->res->text);
  element(x, "td", agreed);
  element(x, "td", due);
  element(x, "td", t->res->owner ? t->res->owner : "");
  start(x, "td");
  element_class(x, "span", "status", status_words(t->status));
  end(x);
  element(x, "td", t->answered_by ? t->answered_by : "");
  end(x);
}

static void tracker_section(scr_xmlw *x, const scr_tracker *t) {
  static const char *const HEADS[] = {
      "Action", "What was agreed", "Agreed on",  "Due at the meeting of",
      "Owner",  "Status",          "Answered by"};
  open_section(x, "tracker", "Action tracker");
  start(x, "ul");
  for (int s = 0; s < SCR_STATUS_COUNT; s++) {
    char line[96];
    snprintf(line, sizeof line, "%s: %zu", status_words((scr_status)s),
             t->count[s]);
    element(x, "li", line);
  }
  end(x);
  if (t->n) {
    table_open(x, "tracker-table", "Every action and its status", HEADS,
               sizeof HEADS / sizeof *HEADS);
    for (size_t i = 0; i < t->n; i++)
      tracker_row(x, &t->rows[i]);
    table_close(x);
  } else {
    element(x, "p", "No actions have been agreed yet.");
  }
  end(x);
}

static void wp_item(scr_xmlw *x, const scr_wp_item *it) {
  start(x, "li");
  text(x, it->title);
  if (it->n_actions || it->progress || it->proposed_date) {
    start(x, "ul");
    for (size_t i = 0; i < it->n_actions; i++)
      element(x, "li", it->actions[i]);
    if (it->proposed_date) {
      start(x, "li");
      element(x, "strong", "Proposed date:");
      text(x, " ");
      text(x, it->proposed_date);
      end(x);
    }
    if (it->progress) {
      start(x, "li");
      element(x, "strong", "Progress:");
      text(x, " ");
      text(x, it->progress);
      end(x);
    }
    end(x);
  }
  end(x);
}

static void programme_section(scr_xmlw *x, const scr_workprogramme *wp) {
  open_section(x, "programme", wp->title ? wp->title : "Work programme");
  for (size_t i = 0; i < wp->n_meetings; i++) {
    const scr_wp_meeting *m = &wp->meetings[i];
    char date[64];
    scr_date_format(m->date, SCR_DATE_PLAIN, date, sizeof date);
    element(x, "h3", date);
    start(x, "ul");
    for (size_t k = 0; k < m->n_items; k++)
      wp_item(x, &m->items[k]);
    end(x);
  }
  if (wp->n_forward) {
    element(x, "h3", "Forward plan");
    start(x, "ul");
    for (size_t k = 0; k < wp->n_forward; k++)
      wp_item(x, &wp->forward[k]);
    end(x);
  }
  if (!wp->n_meetings && !wp->n_forward)
    element(x, "p", "No work programme has been published.");
  end(x);
}

scr_error scr_site_workprogramme_html(const scr_site *site, char **data,
                                      size_t *len) {
  char today[64], asof[128];
  scr_date_format(site->today, SCR_DATE_PLAIN, today, sizeof today);
  snprintf(asof, sizeof asof, "Statuses as of %s.", today);
  scr_xmlw x;
  scr_error err = open_page(&x);
  if (err)
    return err;
  page_open(&x, site, "Work programme and action tracker", NAV_WORKPROGRAMME);
  element(&x, "p", asof);
  downloads(&x, site->tracker_doc, "Work programme and action tracker");
  tracker_section(&x, &site->tracker);
  programme_section(&x, &site->s->wp);
  return page_close(&x, site, data, len);
}

/* ---- style.css ------------------------------------------------------------
 */

static const char CSS[] =
    "/* scrutineer site: readable from phone to desktop; no script. */\n"
    ":root { color-scheme: light; }\n"
    "body { margin: 0; font: 1rem/1.5 \"Liberation Sans\", Arial, "
    "sans-serif; color: #1b1b1b; background: #fff; }\n"
    "header, main, footer { max-width: 60rem; margin: 0 auto; "
    "padding: 0 1rem; }\n"
    "header { border-bottom: 4px solid #1d4f91; padding-top: .75rem; }\n"
    "header p { margin: 0; }\n"
    ".council { font-weight: bold; }\n"
    "nav ul { list-style: none; padding: 0; margin: .5rem 0; display: flex; "
    "flex-wrap: wrap; gap: .25rem 1.25rem; }\n"
    "a { color: #1d4f91; text-decoration-thickness: 1px; "
    "text-underline-offset: 2px; }\n"
    "a:visited { color: #5a2a82; }\n"
    "a:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }\n"
    "a[aria-current=page] { color: #1b1b1b; font-weight: bold; "
    "text-decoration: none; }\n"
    ".skip { position: absolute; left: -999px; }\n"
    ".skip:focus { left: 1rem; top: .5rem; background: #fff; "
    "padding: .25rem .5rem; }\n"
    "h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.25rem 0 .75rem; }\n"
    "h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }\n"
    "h3 { font-size: 1.1rem; margin: 0 0 .25rem; }\n"
    "ol.meetings { list-style: none; padding: 0; }\n"
    "ol.meetings > li { border-left: 4px solid #d8dde6; padding: .25rem "
    ".75rem; margin: 0 0 1rem; }\n"
    "ol.meetings p { margin: .25rem 0; }\n"
    "ul.downloads { padding-left: 1.25rem; margin: .25rem 0; }\n"
    "ol.agenda > li { margin-bottom: .5rem; }\n"
    ".note { color: #3d3d3d; font-size: .95rem; }\n"
    ".table { overflow-x: auto; margin: 1rem 0; }\n"
    "table { border-collapse: collapse; min-width: 40rem; }\n"
    "caption { text-align: left; font-weight: bold; padding: .25rem 0; }\n"
    "th, td { border: 1px solid #b1b4b6; padding: .35rem .5rem; "
    "text-align: left; vertical-align: top; }\n"
    "thead th { background: #eef1f5; }\n"
    "footer { margin-top: 2.5rem; border-top: 1px solid #b1b4b6; "
    "color: #3d3d3d; font-size: .9rem; }\n"
    "@media (max-width: 30rem) { h1 { font-size: 1.45rem; } }\n";

const char *scr_site_css(void) {
  return CSS;
}
