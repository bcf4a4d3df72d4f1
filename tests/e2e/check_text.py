"""Text the documents must not lose or mislay, read as a reader reads them.

  check_text.py make WS             write the committee's test papers into WS
  check_text.py warnings WS ERR     check's warnings, each at its place
  check_text.py sentinels DIR...    no comment reached any file under DIR
  check_text.py pdf FMT PACK MINUTES TRACKER
                                    the PDFs (FMT docx or odt) as read
  check_text.py site MEETING.html   the meeting page shows raw HTML as text
"""
import html.parser
import os
import re
import subprocess
import sys

from pypdf import PdfReader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2echeck import check, failed, link_target, package_parts  # noqa: E402

SENTINELS = ["NOTE-TO-AUTHOR-SENTINEL", "INLINE-COMMENT-SENTINEL",
             "ITEM-COMMENT-SENTINEL"]
COMMITTEE = "Children, Young People and Education Scrutiny Commission"
FILLER = ("Filler paragraph %d, long enough to take most of a line of "
          "the page.\n")



def finish(ok_line):
    if failed():
        sys.exit(1)
    print("  ok    " + ok_line)


# ---- the papers -----------------------------------------------------------

AGENDA = """---
date: 2026-06-17
---
## Apologies for absence

To receive apologies. See [the item on markup](#markup-and-links).

## Minutes of the previous meeting

[Appendix](../minutes/2026-04-14.md)

## Markup and links <!-- ITEM-COMMENT-SENTINEL -->

[Appendix](2026-06-17/markup.md)

[Appendix](2026-06-17/second.md)

## Raw <b>tags</b> in a title

[Appendix](2026-06-17/budget.md)

## Headings kept with what follows

[Appendix](2026-06-17/long.md)

## Work programme

[Appendix](workprogramme.md)
"""

MARKUP = """---
title: Markup and links
---
## Heading two

Test of ampersands, <angle brackets> and quotes.

Words in <b>bold tags</b> stay as written.<br>After the break.

<!-- NOTE-TO-AUTHOR-SENTINEL -->

Before <!-- INLINE-COMMENT-SENTINEL --> after.

<div class="box">
Block line one
</div>

%s
Back to [the heading](#heading-two) and [nowhere](#no-such-heading).
"""

SECOND = """---
title: Second report
---
## Heading two

The same heading in another report.

%s
Back to [its own heading](#heading-two).
"""

BUDGET = """---
title: Budget monitoring
---
# Budget monitoring

## Spending

Text, and [back to the top](#budget-monitoring).
"""

# What may follow a heading: each kind, after runs of filler of every
# length, so that headings fall at every place on the page.
FOLLOWERS = {
    "paragraph": "Following paragraph.\n",
    "table": "| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n",
    "list": "- item one\n- item two\n",
    "quote": "> quoted text\n",
}


def long_report():
    out, n = ["---\ntitle: Headings kept\n---\n"], 0
    for _ in range(4):
        for kind, follower in FOLLOWERS.items():
            for run in range(10):
                for i in range(run):
                    out.append(FILLER % (n * 100 + i))
                n += 1
                out.append("## Section %d %s\n\n%s" % (n, kind, follower))
    return "\n".join(out)


def fillers(count):
    return "\n".join(FILLER % i for i in range(count))


def write(ws, name, text):
    with open(os.path.join(ws, name), "w", encoding="utf-8") as f:
        f.write(text)


def cmd_make(ws):
    path = os.path.join(ws, "agendas", "committee.md")
    text = open(path, encoding="utf-8").read()
    write(ws, "agendas/committee.md",
          re.sub(r"^committee: .*$", "committee: " + COMMITTEE, text,
                 flags=re.M))
    write(ws, "agendas/2026-06-17.md", AGENDA)
    # the papers replace the small committee's report, which no item links
    os.remove(os.path.join(ws, "agendas", "2026-06-17", "report.md"))
    write(ws, "agendas/2026-06-17/markup.md", MARKUP % fillers(45))
    write(ws, "agendas/2026-06-17/second.md", SECOND % fillers(45))
    write(ws, "agendas/2026-06-17/budget.md", BUDGET)
    write(ws, "agendas/2026-06-17/long.md", long_report())
    minutes = os.path.join(ws, "minutes", "2026-04-14.md")
    with open(minutes, "a", encoding="utf-8") as f:
        f.write("\nThe Chair adjourned the meeting at 18:45 for ten "
                "minutes.\n")


# ---- check's warnings -----------------------------------------------------

def place(ws, name, needle):
    """file:line:col of the first `needle` in the file."""
    for n, line in enumerate(open(os.path.join(ws, name), encoding="utf-8"),
                             1):
        if needle in line:
            return "%s:%d:%d" % (name, n, line.index(needle) + 1)
    raise SystemExit("no %r in %s" % (needle, name))


def cmd_warnings(ws, err):
    said = open(err, encoding="utf-8").read()
    wanted = [
        (place(ws, "agendas/2026-06-17/markup.md", "<b>"),
         "raw HTML '<b>' is shown as the text it is"),
        (place(ws, "agendas/2026-06-17/markup.md", "<div"),
         "raw HTML '<div>'"),
        (place(ws, "agendas/2026-06-17/markup.md", "[nowhere]"),
         "link to '#no-such-heading' leads to no heading of this file"),
        (place(ws, "agendas/2026-06-17.md", "<b>"), "raw HTML '<b>'"),
        (place(ws, "minutes/2026-04-14.md", "18:45"),
         "time '18:45' is written otherwise"),
    ]
    for where, what in wanted:
        check(re.search(r"^%s: warning: %s" % (re.escape(where),
                                                re.escape(what)),
                        said, re.M),
              "check did not say %s: %s...\n%s" % (where, what, said))
    lines = [l for l in said.splitlines() if ": warning: " in l]
    check(len(lines) == len(wanted),
          "check gave %d warnings, want %d:\n%s"
          % (len(lines), len(wanted), said))
    finish("check warns of raw HTML meant as markup, a link to no heading "
           "and a 24-hour time, each at its line and column, and of "
           "nothing else")


# ---- comments nowhere -----------------------------------------------------

def file_texts(path):
    """(name, bytes) of a file, or of each part of a DOCX or ODT."""
    if path.endswith((".docx", ".odt")):
        for name, data in package_parts(path):
            yield "%s:%s" % (path, name), data
    elif path.endswith(".pdf"):
        yield path, subprocess.run(["pdftotext", path, "-"], check=True,
                                   capture_output=True).stdout
        yield path + " (bytes)", open(path, "rb").read()
    else:
        yield path, open(path, "rb").read()


def cmd_sentinels(*dirs):
    seen = 0
    for top in dirs:
        for folder, _, files in os.walk(top):
            for f in files:
                for name, data in file_texts(os.path.join(folder, f)):
                    seen += 1
                    for s in SENTINELS:
                        check(s.encode() not in data, "%s holds %s" % (name, s))
    check(seen > 20, "only %d files and parts to search" % seen)
    finish("no HTML comment reached any of %d files and parts" % seen)


# ---- the PDFs ---------------------------------------------------------------

class Pdf:
    def __init__(self, path):
        self.path = path
        self.reader = PdfReader(path)
        self.n = len(self.reader.pages)
        self.texts = [self.run("pdftotext", "-layout", "-f", str(p), "-l",
                               str(p), path, "-") for p in range(1, self.n + 1)]
        self.words = self.bbox()

    @staticmethod
    def run(*args):
        return subprocess.run(list(args), check=True, capture_output=True,
                              text=True).stdout

    def bbox(self):
        """Per page, its words as (text, xmin, ymin, xmax, ymax)."""
        out = self.run("pdftotext", "-bbox", self.path, "-")
        pages = []
        for page in out.split("<page ")[1:]:
            pages.append([(html.unescape(m.group(5)), float(m.group(1)),
                           float(m.group(2)), float(m.group(3)),
                           float(m.group(4))) for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                r'yMax="([\d.]+)">([^<]*)</word>', page)])
        return pages

    def flat(self, page):
        return re.sub(r"\s+", " ", self.texts[page - 1])

    def page_of(self, text, start=1):
        for p in range(start, self.n + 1):
            if text in self.flat(p):
                return p
        return None

    def links(self, page):
        """(rect, target page) of the page's internal links."""
        out = []
        for annot in self.reader.pages[page - 1].get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            out.append(([float(v) for v in annot["/Rect"]],
                        self.target(annot)))
        return out

    def target(self, annot):
        return link_target(self.reader, annot)
        return None

    def link_on(self, page, word):
        """The target of the link over `word` on `page`; None when no link
        covers it; raises when the word is not there."""
        height = float(self.reader.pages[page - 1].mediabox.height)
        hits = [w for w in self.words[page - 1]
                if w[0].strip(".,;:()") == word]
        if not hits:
            raise SystemExit("%s: no word %r on page %d" % (self.path, word,
                                                             page))
        _, x0, y0, x1, y1 = hits[-1]
        cx, cy = (x0 + x1) / 2, height - (y0 + y1) / 2
        for rect, target in self.links(page):
            if rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]:
                return target
        return None


def appendix_pages(pdf):
    """The first page of each appendix, by letter."""
    starts = {}
    for p in range(1, pdf.n + 1):
        first = pdf.texts[p - 1].strip().split("\n", 1)[0].strip()
        m = re.match(r"^Appendix ([A-Z]+)$", first)
        if m:
            starts[m.group(1)] = p
    return starts


def check_raw_html(pdf, start):
    text = pdf.texts[start - 1]
    for line in ["Test of ampersands, <angle brackets> and quotes.",
                 "Words in <b>bold tags</b> stay as written.",
                 '<div class="box">', "Block line one", "</div>"]:
        check(re.search(r"^\s*%s\s*$" % re.escape(line), text, re.M),
              "%s: no line '%s' on page %d" % (pdf.path, line, start))
    check(re.search(r"written\.\s*\n\s*After the break\.", text),
          "%s: <br> did not break the line" % pdf.path)
    check("Before after." in pdf.flat(start),
          "%s: a comment left its spaces: %r" % (pdf.path, pdf.flat(start)))


def check_link(pdf, page, word, want, what):
    got = pdf.link_on(page, word)
    check(got == want, "%s: the link '%s' on page %d goes to %s, want %s (%s)"
          % (pdf.path, word, page, got, want, what))


def check_anchors(pdf, starts):
    b, c = starts["B"], starts["C"]
    back_b = pdf.page_of("Back to the heading", b)
    back_c = pdf.page_of("Back to its own heading", c)
    check(back_b and back_b > b and back_c and back_c > c,
          "%s: the links back are not on later pages" % pdf.path)
    check_link(pdf, back_b, "heading", b, "to its own report's heading")
    check_link(pdf, back_c, "heading", c, "to its own report's heading, "
               "not the other report's of the same name")
    check_link(pdf, back_b, "nowhere", None, "no heading: plain text")
    front = pdf.page_of("See the item on markup")
    item = pdf.page_of("3. Markup and links")
    check_link(pdf, front, "markup", item, "to the agenda item's heading")
    check_link(pdf, starts["D"], "top", starts["D"], "to the title left out")


def check_title_once(pdf, start):
    text = pdf.flat(start)
    check(text.count("Budget monitoring") == 1,
          "%s: 'Budget monitoring' %d times on page %d: %s"
          % (pdf.path, text.count("Budget monitoring"), start, text))
    entries = []

    def walk(items, depth):
        for it in items:
            if isinstance(it, list):
                walk(it, depth + 1)
            else:
                entries.append((depth, re.sub(r"\s+", " ", it.title)))
    walk(pdf.reader.outline, 0)
    at = [i for i, e in enumerate(entries) if "Budget monitoring" in e[1]]
    check(len(at) == 1, "%s: outline entries for the budget report: %s"
          % (pdf.path, [entries[i] for i in at]))
    if at:
        depth = entries[at[0]][0]
        check(entries[at[0] + 1] == (depth + 1, "Spending"),
              "%s: 'Spending' does not sit right under the appendix in the "
              "outline: %s" % (pdf.path, entries[at[0]:at[0] + 3]))


def body_lines(pdf, page):
    return [l.strip() for l in pdf.texts[page - 1].splitlines()
            if l.strip() and COMMITTEE not in l
            and not re.match(r"^(Page \d+|\d+ \w+ \d{4}|agenda pack.*)$",
                             l.strip())]


def check_headings_kept(pdf, start, end):
    orphans, headings = [], 0
    for p in range(start, end):
        lines = body_lines(pdf, p)
        headings += sum(1 for l in lines if re.match(r"^Section \d+ ", l))
        if lines and re.match(r"^Section \d+ \w+$", lines[-1]):
            orphans.append((p, lines[-1]))
    check(headings >= 150, "%s: only %d section headings found"
          % (pdf.path, headings))
    check(not orphans, "%s: headings last on their page: %s"
          % (pdf.path, orphans))


def check_footer_line(pdf, what):
    """On every page "Page N" is level with the footer's first line."""
    wrapped = 0
    for p, words in enumerate(pdf.words, 1):
        pages = [w for w in words if w[0] == "Page"]
        if not pages:
            check(False, "%s: page %d has no 'Page N'" % (pdf.path, p))
            continue
        page_word = max(pages, key=lambda w: w[2])
        starts = [w for w in words if w[0] == "Children,"
                  and abs(w[2] - page_word[2]) < 1.0]
        check(starts, "%s: on page %d 'Page' is not on the footer's first "
              "line (%s's footer)" % (pdf.path, p, what))
        below = [w for w in words if w[2] > page_word[2] + 5
                 and w[0] in ("September", "2026")]
        wrapped += bool(below)
    return wrapped


def cmd_pdf(fmt, pack_pdf, minutes_pdf, tracker_pdf):
    pack = Pdf(pack_pdf)
    starts = appendix_pages(pack)
    check(sorted(starts) == list("ABCDEF"), "%s: appendices %s"
          % (pack_pdf, sorted(starts)))
    if failed():
        sys.exit(1)
    check_raw_html(pack, starts["B"])
    check_anchors(pack, starts)
    check_title_once(pack, starts["D"])
    check_headings_kept(pack, starts["E"], starts["F"])
    check("Time: 6:00 pm" in pack.flat(1), "%s: no 'Time: 6:00 pm'" % pack_pdf)
    # reports B and C end with links: each appendix's last page, a field on
    # a bookmark at the end of its last paragraph, must still resolve
    front = " ".join(pack.flat(p) for p in range(1, starts["A"]))
    ranges = re.findall(r"Appendix ([A-F]) \(pages? ([^)]*)\)", front)
    check(len(ranges) == 6 and all(re.fullmatch(r"\d+(\u2013\d+)?", r)
                                   for _, r in ranges),
          "%s: the front sheet's page ranges %s" % (pack_pdf, ranges))
    check_footer_line(pack, "pack")
    minutes = Pdf(minutes_pdf)
    whole = " ".join(minutes.flat(p) for p in range(1, minutes.n + 1))
    for said in ["Held: TUESDAY, 14 APRIL 2026 at 6:00 pm",
                 "The meeting closed at 7:30 pm."]:
        check(said in whole, "%s: no '%s'" % (minutes_pdf, said))
    tracker = Pdf(tracker_pdf)
    wrapped = check_footer_line(tracker, "tracker")
    check(wrapped == tracker.n, "%s: the tracker's footer wraps on %d of %d "
          "pages; the test wants it long enough to" % (tracker_pdf, wrapped,
                                                        tracker.n))
    finish("%s PDFs: raw HTML as written, links to their own report's "
           "headings, the title once, no heading last on a page, 'Page N' on "
           "the footer's line, times as 6:00 pm" % fmt)


# ---- the site -------------------------------------------------------------

class Texts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def cmd_site(page):
    source = open(page, encoding="utf-8").read()
    p = Texts()
    p.feed(source)
    text = re.sub(r"\s+", " ", "".join(p.text))
    check("Raw <b>tags</b> in a title" in text,
          "%s does not show the item's raw HTML as text" % page)
    check("b" not in p.tags, "%s has a <b> element" % page)
    check("6:00 pm" in text, "%s does not give the time as 6:00 pm" % page)
    finish("%s shows raw HTML as text, escaped, and the time as 6:00 pm"
           % os.path.basename(page))


if __name__ == "__main__":
    COMMANDS = {"make": cmd_make, "warnings": cmd_warnings,
                "sentinels": cmd_sentinels, "pdf": cmd_pdf, "site": cmd_site}
    COMMANDS[sys.argv[1]](*sys.argv[2:])
