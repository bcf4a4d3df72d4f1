#!/usr/bin/python3
"""Each report of a meeting as the site offers it: a page of its own and,
with PDF, its pages of the pack as a PDF of their own.

    check_report_pages.py SITE MEETING_PAGE REPORT.md:LETTER...

For each report: the meeting page links its page; the page is well-formed,
has one h1 that names the appendix, tables with column headers, pictures
with alt text, and holds the words of the report as pandoc reads its
Markdown (at least 97% of them, in order of frequency); when the meeting
page offers the report's PDF, that PDF has the pages the report page
names, its first page opens with the appendix's heading, its title is the
appendix's, and it holds the report's words as poppler reads them.
"""
import collections
import os
import re
import subprocess
import sys

from lxml import etree

XHTML_TEXT = etree.XPath("string()")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def words(text):
    return collections.Counter(re.findall(r"[A-Za-z0-9]{3,}", text.lower()))


def coverage(want, have):
    """The share of `want`'s words (with their counts) that `have` holds."""
    total = sum(want.values())
    found = sum(min(n, have[w]) for w, n in want.items())
    return found / total if total else 1.0


def pandoc_words(md):
    out = subprocess.run(["pandoc", "-f", "gfm", "-t", "plain", "--wrap=none",
                          md], capture_output=True, text=True, check=True)
    body = out.stdout
    return words(body)


def pdf_text(pdf, first=None, last=None):
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(cmd + [pdf, "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_info(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                         check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def check_page(site, href, letter, md):
    path = os.path.join(site, href)
    tree = etree.parse(path, etree.HTMLParser())
    etree.parse(path)  # well-formed XML too
    for br in tree.iter("br"):  # a line break reads as a space
        br.tail = " " + (br.tail or "")
    h1 = tree.findall(".//h1")
    if len(h1) != 1:
        fail("%s has %d h1 headings" % (href, len(h1)))
    heading = " ".join(XHTML_TEXT(h1[0]).split())
    if not heading.startswith("Appendix %s " % letter):
        fail("%s is headed %r, not Appendix %s" % (href, heading, letter))
    for table in tree.findall(".//main//table"):
        heads = table.findall("./thead/tr/th")
        if not heads or any(th.get("scope") != "col" for th in heads):
            fail("%s: a table without column headers" % href)
    for img in tree.findall(".//main//img"):
        if not (img.get("alt") or "").strip():
            fail("%s: a picture without alt text" % href)
        if not os.path.isfile(os.path.join(site, img.get("src"))):
            fail("%s: the picture %s is not in the site" % (href, img.get("src")))
    main = tree.find(".//main")
    # each cell, item and heading apart, as a reader hears them
    share = coverage(pandoc_words(md), words(" ".join(main.itertext())))
    if share < 0.97:
        fail("%s holds %.1f%% of %s's words" % (href, share * 100, md))
    return tree, heading, share


def check_cut(site, tree, href, letter, md):
    links = [a for a in tree.iter("a") if (a.get("href") or "").endswith(".pdf")]
    if not links:
        return None
    label = " ".join(XHTML_TEXT(links[0]).split())
    m = re.search(r"pages (\d+) to (\d+) of the pack", label) or \
        re.search(r"page (\d+)() of the pack", label)
    pdf = os.path.join(site, links[0].get("href"))
    info = pdf_info(pdf)
    pages = int(info["Pages"])
    if m:
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if pages != last - first + 1:
            fail("%s has %d pages; its page says %d to %d" % (pdf, pages,
                                                            first, last))
    opening = pdf_text(pdf, 1, 1).split()
    if opening[:2] != ["Appendix", letter]:
        fail("%s opens with %r, not Appendix %s" % (pdf, opening[:4], letter))
    if not info.get("Title", "").strip().startswith("Appendix %s: " % letter):
        fail("%s is titled %r" % (pdf, info.get("Title")))
    share = coverage(pandoc_words(md), words(pdf_text(pdf)))
    if share < 0.95:
        fail("%s holds %.1f%% of %s's words" % (pdf, share * 100, md))
    return pages


def main():
    site, meeting = sys.argv[1], sys.argv[2]
    page = etree.parse(os.path.join(site, meeting), etree.HTMLParser())
    hrefs = {a.get("href") for a in page.iter("a")}
    for spec in sys.argv[3:]:
        md, letter = spec.rsplit(":", 1)
        href = [h for h in hrefs if h and h.endswith("-appendix-%s.html" % letter)]
        if len(href) != 1:
            fail("%s does not link Appendix %s's page" % (meeting, letter))
        tree, heading, share = check_page(site, href[0], letter, md)
        pages = check_cut(site, tree, href[0], letter, md)
        print("  ok    %s: %s, %.0f%% of the report's words%s" % (
            href[0], heading[:60], share * 100,
            "; its PDF %d pages, as its page says" % pages if pages else ""))


if __name__ == "__main__":
    main()
