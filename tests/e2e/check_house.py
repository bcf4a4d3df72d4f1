"""Checks of documents built with a house template, and of their PDFs as
LibreOffice lays them out.

    check_house.py styles DOC...           every style a document names is
                                           defined in it (DOCX and ODT), and
                                           a DOCX has a default paragraph
                                           style
    check_house.py headings DOC PDF        no bullet or number before any
                                           heading of DOC in its PDF, and
                                           each starts where the body text
                                           does
    check_house.py borders PDF TEXT        the table holding TEXT is drawn
                                           with borders
    check_house.py fonts PDF FONT...       each FONT is embedded
    check_house.py colour PDF RRGGBB       text is drawn in that colour
    check_house.py margin PDF MM           the body text starts MM from the
                                           page's left edge
    check_house.py logo PDF W H every|first
                                           a W x H pixel picture is on
                                           every page, or on the first alone
"""
import collections
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pypdf

from e2echeck import check, failed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MM = 72 / 25.4  # points in a millimetre

# ---- styles ------------------------------------------------------------------


def docx_styles(path):
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("word/styles.xml"))
        ids = {s.get(W + "styleId") for s in styles.iter(W + "style")}
        check(any(s.get(W + "type") == "paragraph" and
                  s.get(W + "default") in ("1", "true", "on")
                  for s in styles.iter(W + "style")),
              f"{path}: no default paragraph style")
        for s in styles.iter(W + "style"):
            for ref in ("basedOn", "next", "link"):
                e = s.find(W + ref)
                if e is not None:
                    check(e.get(W + "val") in ids,
                          f"{path}: style {s.get(W + 'styleId')} names "
                          f"{ref} {e.get(W + 'val')}, not defined")
        for name in z.namelist():
            if not re.match(r"word/(document|footnotes|header\d+|footer\d+|"
                            r"numbering)\.xml$", name):
                continue
            part = ET.fromstring(z.read(name))
            named = {e.get(W + "val") for tag in ("pStyle", "rStyle",
                                                  "tblStyle")
                     for e in part.iter(W + tag)}
            for style in sorted(named - ids):
                check(False, f"{path}: {name} names the style {style}, not "
                      "defined")


def names_style(attr):
    local = attr.split("}")[-1]
    return local.endswith("style-name") or local in ("page-layout-name",
                                                      "master-page-name")


def odt_styles(path):
    with zipfile.ZipFile(path) as z:
        parts = {n: ET.fromstring(z.read(n)) for n in ("content.xml",
                                                       "styles.xml")}
    defined = set()
    for part in parts.values():
        for box in ("font-face-decls", "styles", "automatic-styles",
                    "master-styles"):
            for holder in part.iter(OFFICE + box):
                defined |= {e.get(STYLE + "name") for e in holder.iter()
                            if e.get(STYLE + "name")}
    for name, part in parts.items():
        named = {value for e in part.iter() for attr, value in e.attrib.items()
                 if names_style(attr) and value}
        for style in sorted(named - defined):
            check(False, f"{path}: {name} names the style {style}, not "
                  "defined")


def styles(docs):
    for doc in docs:
        (docx_styles if doc.endswith(".docx") else odt_styles)(doc)
    if not failed():
        print(f"  ok    every style named is defined, in {len(docs)} "
              "documents")

# ---- headings --------------------------------------------------------------


def text_until_break(e, brk, out):
    """The text of `e` up to its first `brk` element; False once there."""
    if e.tag == brk:
        return False
    if e.tag == TEXT + "s":
        out.append(" " * int(e.get(TEXT + "c", "1")))
    elif e.tag in (TEXT + "tab", W + "tab"):
        out.append(" ")
    elif e.text and e.tag != W + "instrText":
        out.append(e.text)
    for child in e:
        if not text_until_break(child, brk, out):
            return False
        if child.tail and e.tag != W + "r":
            out.append(child.tail)
    return True


def headings_of(doc):
    """Each heading's first line, as words."""
    out = []
    with zipfile.ZipFile(doc) as z:
        if doc.endswith(".docx"):
            body = ET.fromstring(z.read("word/document.xml"))
            for p in body.iter(W + "p"):
                style = p.find(f"{W}pPr/{W}pStyle")
                if style is None or not re.match(r"Heading\d$",
                                                 style.get(W + "val")):
                    continue
                parts = []
                text_until_break(p, W + "br", parts)
                out.append("".join(parts).split())
        else:
            body = ET.fromstring(z.read("content.xml"))
            for h in body.iter(TEXT + "h"):
                parts = []
                text_until_break(h, TEXT + "line-break", parts)
                out.append("".join(parts).split())
    return [h for h in out if h]


def lines_of(pdf):
    """The PDF's lines in reading order, each a list of (xMin, word); words
    far apart on one baseline (a line's two columns) are two lines."""
    xhtml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
                           capture_output=True, text=True).stdout
    lines = []
    for page in xhtml.split("<page ")[1:]:
        rows = collections.defaultdict(list)
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" '
                             r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             page):
            base = round(float(m.group(3)))  # words of a line share it
            rows[base].append((float(m.group(1)), float(m.group(2)),
                               html.unescape(m.group(4))))
        for _, words in sorted(rows.items()):
            words.sort()
            line = [words[0]]
            for w in words[1:]:
                if w[0] - line[-1][1] > 6 * MM:
                    lines.append([(x, t) for x, _, t in line])
                    line = []
                line.append(w)
            lines.append([(x, t) for x, _, t in line])
    return lines


# what a list's label looks like: a bullet, or "1.", "1.1.", "(a)"
LABEL = re.compile(r"^([•◦▪▫‣∙·●○■□–-]|\(?\d+(\.\d+)*[.)]?|\(?[a-z][.)])$")


def find_heading(lines, start, first):
    """The first line from `start` holding the words `first` at its start
    or after a label: (line index, words before them)."""
    for n in range(start, len(lines)):
        texts = [w for _, w in lines[n]]
        for i in range(len(texts) - len(first) + 1):
            if texts[i:i + len(first)] == first and (
                    i == 0 or LABEL.match(texts[i - 1])):
                return n, texts[:i]
    return None, None


def headings(doc, pdf):
    want = headings_of(doc)
    lines = lines_of(pdf)
    starts = collections.Counter(round(line[0][0]) for line in lines)
    margin = starts.most_common(1)[0][0]
    at = 0
    for words in want:
        heading = " ".join(words)
        n, before = find_heading(lines, at, words[:4])
        if not check(n is not None,
                     f"{pdf}: heading '{heading}' is not found after the "
                     f"one before it"):
            continue
        check(not before, f"{pdf}: heading '{heading}' has a label: "
              f"'{' '.join(before + words[:4])}'")
        x = lines[n][0][0]
        check(abs(x - margin) <= 1.5,
              f"{pdf}: heading '{heading}' starts at x={x:.1f}, the body "
              f"text at {margin}")
        at = n + 1
    if not failed():
        print(f"  ok    {len(want)} headings of {doc.split('/')[-1]}: no "
              "bullet or number before any, each at the body's left edge")

# ---- tables ------------------------------------------------------------------


def page_with(pdf, text):
    for n in range(1, pages_of(pdf) + 1):
        page = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf,
                               "-"], check=True, capture_output=True,
                              text=True).stdout
        if text in " ".join(page.split()):
            return n
    return None


def vertical_rules(pdf, page, dpi=100, min_mm=15):
    """The x positions (in points) of the page's vertical dark lines at
    least min_mm long: table borders; text never draws one so long."""
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f",
                          str(page), "-l", str(page), "-singlefile", pdf],
                         check=True, capture_output=True).stdout
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    width, height = int(m.group(1)), int(m.group(2))
    pixels = pgm[m.end():]
    need = min_mm * dpi / 25.4
    columns = []
    for x in range(width):
        run = best = 0
        for y in range(height):
            run = run + 1 if pixels[y * width + x] < 170 else 0
            best = max(best, run)
        if best >= need:
            columns.append(x)
    rules = []  # a line a few pixels wide is one rule
    for x in columns:
        if not rules or x - rules[-1][-1] > 2:
            rules.append([x])
        else:
            rules[-1].append(x)
    return [r[0] * 72 / dpi for r in rules]


def borders(pdf, text):
    page = page_with(pdf, text)
    if not check(page, f"{pdf}: no page holds '{text}'"):
        return
    rules = vertical_rules(pdf, page)
    if check(len(rules) >= 3,
             f"{pdf}: page {page}, the table holding '{text}', has "
             f"{len(rules)} vertical borders, not its sides and a column's"):
        print(f"  ok    {pdf.split('/')[-1]}: the table on page {page} has "
              f"borders ({len(rules)} vertical rules)")

# ---- fonts and colours ---------------------------------------------------------


def fonts(pdf, wanted):
    out = subprocess.run(["pdffonts", pdf], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    embedded = {line.split()[0].split("+")[-1] for line in out
                if len(line.split()) > 4 and line.split()[-5] == "yes"}
    for font in wanted:
        key = font.replace(" ", "")
        check(any(e == key or e.startswith(key + "-") for e in embedded),
              f"{pdf}: {font} is not embedded (embedded: "
              f"{sorted(embedded)})")
    if not failed():
        print(f"  ok    {pdf.split('/')[-1]}: {', '.join(wanted)} embedded")


def colour(pdf, rgb):
    want = [int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    found = False
    for page in pypdf.PdfReader(pdf).pages:
        data = page.get_contents().get_data()
        for m in re.finditer(rb"([0-9.]+) ([0-9.]+) ([0-9.]+) rg", data):
            got = [float(v) for v in m.groups()]
            found = found or all(abs(a - b) < 0.003 for a, b in
                                 zip(got, want))
    if check(found, f"{pdf}: nothing is drawn in #{rgb}"):
        print(f"  ok    {pdf.split('/')[-1]}: text drawn in #{rgb}")


# ---- the page and its art ----------------------------------------------------


def margin(pdf, mm):
    lines = lines_of(pdf)
    starts = collections.Counter(round(line[0][0]) for line in lines)
    x = starts.most_common(1)[0][0]
    if check(abs(x - float(mm) * MM) <= 1.5,
             f"{pdf}: the body text starts at x={x} pt, not {mm} mm "
             f"({float(mm) * MM:.1f} pt)"):
        print(f"  ok    {pdf.split('/')[-1]}: the body text starts {mm} mm "
              "from the left edge")


def pages_of(pdf):
    return int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], check=True, capture_output=True,
        text=True).stdout).group(1))


def logo(pdf, width, height, where):
    listing = subprocess.run(["pdfimages", "-list", pdf], check=True,
                             capture_output=True, text=True).stdout
    on = set()
    for line in listing.splitlines()[2:]:
        f = line.split()
        if len(f) > 4 and f[2] == "image" and f[3] == width and f[4] == height:
            on.add(int(f[0]))
    want = set(range(1, pages_of(pdf) + 1)) if where == "every" else {1}
    if check(on == want,
             f"{pdf}: the {width}x{height} logo is on pages "
             f"{sorted(on)[:12]}, not on {'every page' if where == 'every' else 'the first alone'}"):
        print(f"  ok    {pdf.split('/')[-1]}: the logo on "
              f"{'every page' if where == 'every' else 'the first page alone'}"
              f" ({len(on)})")


def main():
    what, args = sys.argv[1], sys.argv[2:]
    if what == "styles":
        styles(args)
    elif what == "headings":
        headings(*args)
    elif what == "borders":
        borders(*args)
    elif what == "fonts":
        fonts(args[0], args[1:])
    elif what == "colour":
        colour(*args)
    elif what == "margin":
        margin(*args)
    elif what == "logo":
        logo(*args)
    sys.exit(1 if failed() else 0)


main()
