"""Check a built site as other programs read it: meetings.ics with
python3-icalendar (an event per meeting, in London time, at its venue),
feed.xml as Atom (an entry per pack, each download's length its file's
size), every page well-formed and the index listing every meeting, and the
meeting page's appendix pages against the pack's PDF.
Usage: check_site.py SITE WORKSPACE TODAY"""
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

import icalendar
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pdf import appendix_starts  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2echeck import check, failed  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    return yaml.safe_load(text.split("---")[1])


def meetings_of(ws):
    """Every meeting the site must list: scheduled, or with papers."""
    committee = front_matter(os.path.join(ws, "agendas", "committee.md"))
    dates = {str(d) for d in committee["meetings"]}
    for folder in ("agendas", "minutes"):
        for name in os.listdir(os.path.join(ws, folder)):
            if re.fullmatch(r"\d{4}-\d\d-\d\d\.md", name):
                dates.add(name[:-3])
    return committee, sorted(dates)


def check_calendar(site, committee, dates):
    cal = icalendar.Calendar.from_ical(
        open(os.path.join(site, "meetings.ics"), "rb").read())
    events = [e for e in cal.walk("VEVENT")]
    check(len(events) == len(dates),
          "meetings.ics has %d events for %d meetings" % (len(events),
                                                          len(dates)))
    starts = {}
    for e in events:
        start = e.decoded("DTSTART")
        starts[start.date().isoformat()] = e
        check(isinstance(start, datetime.datetime) and
              str(start.tzinfo) in ("Europe/London", "BST", "GMT") and
              start.strftime("%H:%M") == committee["time"],
              "event %s does not start at %s London time: %r"
              % (e.get("UID"), committee["time"], start))
        check(str(e.get("LOCATION")) == committee["venue"],
              "event %s is not at the committee's venue" % e.get("UID"))
        check(str(e.get("SUMMARY")) == committee["committee"],
              "event %s is not named after the committee" % e.get("UID"))
        check(e.get("DTSTAMP") is not None and e.get("UID"),
              "event lacks DTSTAMP or UID")
    for d in dates:
        check(d in starts, "meetings.ics has no event on %s" % d)
    uids = [str(e.get("UID")) for e in events]
    check(len(set(uids)) == len(uids), "meetings.ics repeats a UID")
    raw = open(os.path.join(site, "meetings.ics"), "rb").read()
    lines = raw.split(b"\r\n")
    check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""),
          "meetings.ics lines do not all end with CRLF")
    check(all(len(line) <= 75 for line in lines),
          "meetings.ics has a line longer than 75 octets")
    if not failed():
        print("  ok    meetings.ics: %d events, one per meeting, in "
              "Europe/London at the venue; CRLF, folded at 75 octets"
              % len(events))


def check_feed(site, ws):
    root = ET.parse(os.path.join(site, "feed.xml")).getroot()
    check(root.tag == ATOM + "feed", "feed.xml is not an Atom feed")
    for tag in ("id", "title", "updated", "author"):
        check(root.find(ATOM + tag) is not None, "the feed has no <%s>" % tag)
    check(root.find(ATOM + "author/" + ATOM + "name") is not None,
          "the feed's author has no name")
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    check(stamp.match(root.findtext(ATOM + "updated")),
          "the feed's updated is not RFC 3339")
    agendas = [n for n in os.listdir(os.path.join(ws, "agendas"))
               if re.fullmatch(r"\d{4}-\d\d-\d\d\.md", n)]
    entries = root.findall(ATOM + "entry")
    check(len(entries) == len(agendas),
          "feed.xml has %d entries for %d agendas" % (len(entries),
                                                       len(agendas)))
    for e in entries:
        check(e.findtext(ATOM + "id", "").startswith("urn:uuid:"),
              "an entry's id is not a URN")
        check(stamp.match(e.findtext(ATOM + "updated", "")),
              "an entry's updated is not RFC 3339")
        links = e.findall(ATOM + "link")
        check(any(l.get("rel") == "alternate" for l in links),
              "an entry has no link to its meeting's page")
        enclosures = [l for l in links if l.get("rel") == "enclosure"]
        check(enclosures, "an entry has no downloads")
        for l in enclosures:
            path = os.path.join(site, l.get("href"))
            check(os.path.isfile(path) and
                  int(l.get("length")) == os.path.getsize(path),
                  "enclosure %s: length is not the file's size"
                  % l.get("href"))
    if not failed():
        print("  ok    feed.xml: Atom, %d entries, each download's length "
              "its file's size" % len(entries))


def page_text(path):
    root = ET.parse(path).getroot()  # well-formed, or this raises
    return " ".join(" ".join(root.itertext()).split())


def check_pages(site, dates, today):
    pages = [n for n in os.listdir(site) if n.endswith(".html")]
    for name in pages:
        page_text(os.path.join(site, name))
    index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
    for d in dates:
        check('href="meeting-%s.html"' % d in index,
              "index.html does not link the meeting of %s" % d)
        check(os.path.isfile(os.path.join(site, "meeting-%s.html" % d)),
              "no page for the meeting of %s" % d)
    upcoming = index.index('id="upcoming"')
    past = index.index('id="past"')
    for d in dates:
        at = index.index('href="meeting-%s.html"' % d)
        check((at > past) == (d < today),
              "the meeting of %s is not under %s meetings"
              % (d, "past" if d < today else "upcoming"))
    check(upcoming < past, "upcoming meetings do not come first")
    check("<script" not in index, "index.html has a script")
    if not failed():
        print("  ok    %d pages well-formed; the index lists all %d meetings, "
              "upcoming and past as of %s" % (len(pages), len(dates), today))


def check_appendix_pages(site, pack_stem, meeting):
    text = page_text(os.path.join(site, "meeting-%s.html" % meeting))
    shown = dict(re.findall(r"Appendix ([A-Z]+): .*? page (\d+)", text))
    pdf = os.path.join(site, pack_stem + ".pdf")
    starts = appendix_starts(pdf)
    check(shown and set(shown) == set(starts),
          "the meeting page lists appendices %s; the PDF has %s"
          % (sorted(shown), sorted(starts)))
    for label, page in shown.items():
        check(int(page) == starts.get(label),
              "the meeting page puts Appendix %s on page %s; the PDF on %s"
              % (label, page, starts.get(label)))
    check("Page numbers are those of the pack as laid out by LibreOffice"
          in text, "the meeting page does not say its pages are exact")
    if not failed():
        print("  ok    meeting-%s.html: every appendix on the page where the "
              "PDF starts it (%s)" % (meeting, ", ".join(
                  "%s %s" % kv for kv in sorted(shown.items()))))


def main():
    site, ws, today = sys.argv[1:4]
    committee, dates = meetings_of(ws)
    check_calendar(site, committee, dates)
    check_feed(site, ws)
    check_pages(site, dates, today)
    if len(sys.argv) > 5:
        check_appendix_pages(site, sys.argv[4], sys.argv[5])
    sys.exit(1 if failed() else 0)


if __name__ == "__main__":
    main()
