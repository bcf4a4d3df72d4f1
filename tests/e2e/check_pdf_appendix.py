"""Check PDF appendices in a pack, against the PDFs they came from.

Each APPENDIX is LABEL:PATH, the appendix's letter and the source PDF the
agenda links (e.g. D:src/deck.pdf). An appendix of n pages fills n + 1 pack
pages: a heading page ("Appendix D", the PDF's Info /Title or else the
file's stem, a sentence naming the file and its page count), then one pack
page for each of the PDF's pages, in that page's own size (no side longer
than 22 in, Word's largest page).

check_pdf_appendix.py pdf PACK.pdf APPENDIX...
    The pack's own PDF: tagged; the front sheet's "Appendix D (pages X-Y)";
    the heading page; each page's size and orientation; each page's text the
    source page's text (vector, selectable: no picture on a page of text),
    each slide title on its own page only; the content scaled uniformly, the
    footer below it; "Page N" on every page; the outline's every appendix
    at its first page.
check_pdf_appendix.py layout PACK.pdf OTHER.pdf APPENDIX...
    LibreOffice's layout of the DOCX or ODT (OTHER.pdf) against the pack's
    PDF: every appendix on the same page, the heading pages, the PDF
    appendices' pages in the same sizes, every page's "Page N", and the
    pictures shown at 150 dpi or more.
check_pdf_appendix.py opens PACK.docx PACK.odt N
    python-docx and odfpy open the pack, its XML parts well-formed, with N
    appendix headings.
check_pdf_appendix.py docx PACK.docx APPENDIX...
check_pdf_appendix.py odt PACK.odt APPENDIX...
    One full-page PNG picture for each source page, on a page of that page's
    size, at 150 dpi or more of its shown size, its alt text the page's text
    as pdftotext reads it (for a page without text, a sentence saying it is
    a picture with no text).
"""
import collections
import io
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import pypdf
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pdf import appendix_starts, outline  # noqa: E402
from e2echeck import check, failed  # noqa: E402

MAX_SIDE = 22 * 72  # points: Word's largest page
MIN_DPI = 149.5     # 150 dpi, less what rounding a size to EMU or 0.001 in costs
EMU_PER_IN = 914400
TWIPS_PER_PT = 20
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
NO_TEXT = re.compile(r"picture.*no text|no text.*picture", re.I | re.S)


# ---- poppler ------------------------------------------------------------------

def poppler(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True,
                          check=True).stdout


def page_text(pdf, n):
    return poppler("pdftotext", "-f", str(n), "-l", str(n), pdf, "-")


def page_count(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", pdf),
                         re.M).group(1))


def page_sizes(pdf):
    """{page: (width, height)} in points, rotation applied."""
    info = poppler("pdfinfo", "-f", "1", "-l", str(page_count(pdf)), pdf)
    sizes = {int(n): (float(w), float(h)) for n, w, h in re.findall(
        r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info, re.M)}
    for n, rot in re.findall(r"^Page\s+(\d+) rot:\s+(\d+)", info, re.M):
        if int(rot) % 180:
            w, h = sizes[int(n)]
            sizes[int(n)] = (h, w)
    return sizes


def info_title(pdf):
    found = re.search(r"^Title:\s+(.*\S)\s*$", poppler("pdfinfo", pdf), re.M)
    return found.group(1) if found else None


def words(pdf, n):
    """[(text, xMin, yMin, xMax, yMax)] of page n, as pdftotext -bbox has them."""
    html = poppler("pdftotext", "-bbox", "-f", str(n), "-l", str(n), pdf, "-")
    return [(ET.fromstring("<w>%s</w>" % t).text or "", float(a), float(b),
             float(c), float(d)) for a, b, c, d, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
        r'yMax="([\d.]+)">(.*?)</word>', html)]


def images(pdf, first, last):
    """[(page, x-ppi, y-ppi)] of every picture drawn on pages first..last."""
    listing = poppler("pdfimages", "-list", "-f", str(first), "-l", str(last),
                      pdf).splitlines()[2:]
    return [(int(c[0]), float(c[12]), float(c[13]))
            for c in (line.split() for line in listing) if c[2] == "image"]


def shown_name(path):
    """A file's name with its folder's, to tell LibreOffice's PDFs apart."""
    return os.path.join(os.path.basename(os.path.dirname(path)),
                        os.path.basename(path))


def norm(s):
    return " ".join(s.split())


# ---- what the pack should hold ---------------------------------------------------

class Appendix:
    """A PDF appendix: its letter, its source, and what poppler reads there."""

    def __init__(self, spec):
        self.label, self.path = spec.split(":", 1)
        self.file = os.path.basename(self.path)
        self.pages = page_count(self.path)
        self.title = info_title(self.path) or os.path.splitext(self.file)[0]
        self.texts = [norm(page_text(self.path, k))
                      for k in range(1, self.pages + 1)]
        self.sizes = [shown_size(page_sizes(self.path)[k])
                      for k in range(1, self.pages + 1)]


def shown_size(size):
    """A page's size in the pack: its own, or scaled to 22 in on its longer
    side."""
    w, h = size
    scale = min(1.0, MAX_SIDE / max(w, h))
    return (w * scale, h * scale)


def same_size(a, b, tolerance=1.0):
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def shape(size):
    return "landscape" if size[0] > size[1] else "portrait"


# ---- the pack's PDF, and LibreOffice's layouts --------------------------------------

def check_heading(pdf, texts, start, app):
    """The heading page: the letter, the title, the file and its pages."""
    text = norm(texts[start - 1])
    count = r"\b%d pages\b" % app.pages if app.pages > 1 else \
        r"\b(1|one) page\b|\bthe page that follows\b"
    check(re.search(r"\bAppendix %s\b" % app.label, text),
          "%s: page %d does not open Appendix %s" % (pdf, start, app.label))
    check(re.search(r"\bAppendix %s %s\b" % (app.label, re.escape(norm(app.title))),
                    text), "%s: Appendix %s's heading is not followed by its "
          "title '%s': %s" % (pdf, app.label, app.title, text[:300]))
    check(app.file in text and re.search(count, text, re.I),
          "%s: Appendix %s's heading page does not name %s and its %d "
          "page(s): %s" % (pdf, app.label, app.file, app.pages, text[:300]))


def check_footers(pdf, texts):
    """Every page says its own page number."""
    missing = [n for n, t in enumerate(texts, 1)
               if not re.search(r"\bPage %d\b" % n, t)]
    check(not missing, "%s: pages without their own 'Page N': %s"
          % (pdf, missing[:20]))


def footer_line(page_words, n):
    """The words on the line of 'Page n' (the footer); None if not found."""
    at = [w for i, w in enumerate(page_words[:-1])
          if w[0] == "Page" and page_words[i + 1][0] == str(n)]
    if not at:
        return None
    top, bottom = at[-1][2], at[-1][4]
    return [w for w in page_words if w[2] < bottom and w[4] > top]


def check_placement(pdf, n, app, k):
    """Pack page n holds source page k's words, scaled alike across and
    down (within 1%), all above the footer, which holds only itself."""
    got = words(pdf, n)
    footer = footer_line(got, n)
    if not check(footer, "%s: page %d has no footer line 'Page %d'"
                 % (pdf, n, n)):
        return
    content = [w for w in got if w not in footer]
    src = words(app.path, k)
    if not src:
        check(not content, "%s: page %d (a page without text) has words "
              "besides the footer: %s" % (pdf, n, [w[0] for w in content][:10]))
        return
    check(sorted(w[0] for w in content) == sorted(w[0] for w in src),
          "%s: page %d's words besides the footer are not page %d of %s's: "
          "the footer line has %s" % (pdf, n, k, app.file,
                                      [w[0] for w in footer]))
    if not content:
        return

    def extent(ws, lo, hi):
        return max(w[hi] for w in ws) - min(w[lo] for w in ws)
    sx = extent(content, 1, 3) / extent(src, 1, 3)
    sy = extent(content, 2, 4) / extent(src, 2, 4)
    check(abs(sx / sy - 1) <= 0.01, "%s: page %d is scaled %.4f across and "
          "%.4f down" % (pdf, n, sx, sy))
    check(sx <= 1.0 + 1e-3, "%s: page %d's content is enlarged (%.4f)"
          % (pdf, n, sx))
    lowest = max(w[4] for w in content)
    check(lowest <= min(w[2] for w in footer),
          "%s: page %d's content reaches %.1f pt, below the footer's top %.1f"
          % (pdf, n, lowest, min(w[2] for w in footer)))


def check_pages(pdf, texts, sizes, start, app, layout_of=None):
    """The appendix's pages after its heading: size, orientation, text."""
    for k in range(1, app.pages + 1):
        n = start + k
        if not check(n in sizes, "%s: no page %d for page %d of %s"
                     % (pdf, n, k, app.file)):
            return
        want = app.sizes[k - 1]
        check(same_size(sizes[n], want) and shape(sizes[n]) == shape(want),
              "%s: page %d is %.1f x %.1f pt; page %d of %s is %.1f x %.1f pt"
              % (pdf, n, sizes[n][0], sizes[n][1], k, app.file, *want))
        body = norm(texts[n - 1])
        # every word of the page, in poppler's reading order, which may
        # differ on a page drawn smaller (a plan scaled to Word's page)
        if app.texts[k - 1] and layout_of is None:
            want_words = collections.Counter(app.texts[k - 1].split())
            got_words = collections.Counter(body.split())
            check(not (want_words - got_words), "%s: page %d's text is not page "
                  "%d of %s's:\n  want %s\n  got  %s" % (
                      pdf, n, k, app.file, app.texts[k - 1][:200], body[:200]))
        if layout_of is None:
            check_placement(pdf, n, app, k)


def check_titles_alone(pdf, texts, start, app):
    """Each source page's first line (a slide's title) is on its own pack
    page and no other (unless it is the appendix's title too, which its
    heading shows)."""
    for k in range(1, app.pages + 1):
        first = page_text(app.path, k).strip().split("\n")[0].strip()
        if not first or first == app.title:
            continue
        on = [n for n, t in enumerate(texts, 1) if first in norm(t)]
        check(on == [start + k], "%s: '%s' (page %d of %s) is on pages %s, "
              "want only %d" % (pdf, first, k, app.file, on, start + k))


def front_sheet(texts, starts):
    return norm("\n".join(texts[:min(starts.values()) - 1]))


def check_range(pdf, front, start, app):
    last = start + app.pages
    printed = re.findall(r"Appendix %s \(pages? (\d+)(?:\u2013(\d+))?\)"
                         % app.label, front)
    check(printed and all((int(a), int(b or a)) == (start, last)
                          for a, b in printed),
          "%s: the front sheet has Appendix %s at %s; want pages %d\u2013%d"
          % (pdf, app.label, printed, start, last))


def cmd_pdf(pack, *specs):
    apps = [Appendix(s) for s in specs]
    texts = [page_text(pack, n) for n in range(1, page_count(pack) + 1)]
    sizes = page_sizes(pack)
    starts = appendix_starts(pack)
    check(re.search(r"^Tagged:\s+yes$", poppler("pdfinfo", pack), re.M),
          "%s is not tagged" % pack)
    check_footers(pack, texts)
    front = front_sheet(texts, starts)
    for app in apps:
        if not check(app.label in starts, "%s: no page opens Appendix %s"
                     % (pack, app.label)):
            continue
        start, before = starts[app.label], failed()
        check_range(pack, front, start, app)
        check_heading(pack, texts, start, app)
        check_pages(pack, texts, sizes, start, app)
        check_titles_alone(pack, texts, start, app)
        shown = images(pack, start + 1, start + app.pages)
        if any(app.texts):
            check(not shown, "%s: Appendix %s (%s, a PDF of text) is drawn "
                  "as pictures on pages %s" % (pack, app.label, app.file,
                                               sorted({p for p, _, _ in shown})))
        if failed() == before:
            print("  ok    %s: Appendix %s (%s, '%s') on pages %d\u2013%d as "
                  "the front sheet says; pages of %s pt, their text, scaled "
                  "alike across and down, above the footer" % (
                      os.path.basename(pack), app.label, app.file, app.title,
                      start, start + app.pages,
                      ", ".join(sorted({"%.0fx%.0f" % s for s in app.sizes}))))
    reader = pypdf.PdfReader(pack)
    entries = outline(reader)
    for label, page in sorted(starts.items()):
        found = [p for t, p in entries if re.match(r"Appendix %s\b" % label, t)]
        check(found and found[0] == page, "%s: the outline takes Appendix %s "
              "to %s, not page %d" % (pack, label, found, page))
    if not failed():
        print("  ok    %s: tagged; every page's own 'Page N'; outline has "
              "Appendix %s at their first pages" % (
                  os.path.basename(pack), ", ".join(sorted(starts))))
    sys.exit(1 if failed() else 0)


def cmd_layout(pack, other, *specs):
    apps = [Appendix(s) for s in specs]
    texts = [page_text(other, n) for n in range(1, page_count(other) + 1)]
    sizes, pack_sizes = page_sizes(other), page_sizes(pack)
    starts, pack_starts = appendix_starts(other), appendix_starts(pack)
    check(starts == pack_starts, "%s lays the appendices out at %s; the pack's "
          "PDF at %s" % (other, starts, pack_starts))
    check(len(texts) == page_count(pack), "%s has %d pages; the pack's PDF %d"
          % (other, len(texts), page_count(pack)))
    check_footers(other, texts)
    for app in apps:
        if not check(app.label in starts, "%s: no page opens Appendix %s"
                     % (other, app.label)):
            continue
        start = starts[app.label]
        check_heading(other, texts, start, app)
        check_pages(other, texts, sizes, start, app, layout_of=pack)
        for k in range(start + 1, start + app.pages + 1):
            check(same_size(sizes.get(k, (0, 0)), pack_sizes.get(k, (0, 0))),
                  "%s: page %d is %s pt; in the pack's PDF %s pt"
                  % (other, k, sizes.get(k), pack_sizes.get(k)))
        shown = images(other, start + 1, start + app.pages)
        check(sorted({p for p, _, _ in shown}) ==
              list(range(start + 1, start + app.pages + 1)),
              "%s: Appendix %s's pages with a picture are %s, want %d-%d"
              % (other, app.label, sorted({p for p, _, _ in shown}),
                 start + 1, start + app.pages))
        low = [(p, x, y) for p, x, y in shown if min(x, y) < MIN_DPI - 1]
        check(not low, "%s: pictures shown under 150 dpi: %s" % (other, low))
    if not failed():
        print("  ok    %s: every appendix on the pack PDF's page (%s); PDF "
              "appendices' pages in their sizes, pictures at >= 150 dpi; every "
              "page's own 'Page N'" % (shown_name(other), ", ".join(
                  "%s %d" % kv for kv in sorted(starts.items()))))
    sys.exit(1 if failed() else 0)


# ---- DOCX and ODT ----------------------------------------------------------------

class Picture:
    """A picture in a package: where it is, its alt text, its PNG's bytes,
    its shown size and its page's size (inches)."""

    def __init__(self, label, descr, data, shown, page):
        self.label, self.descr, self.data = label, descr, data
        self.shown, self.page = shown, page


def check_pictures(doc, pictures, apps):
    for app in apps:
        mine = [p for p in pictures if p.label == app.label]
        if not check(len(mine) == app.pages, "%s: Appendix %s (%s, %d pages) "
                     "has %d pictures" % (doc, app.label, app.file, app.pages,
                                          len(mine))):
            continue
        for k, pic in enumerate(mine, 1):
            where = "%s: Appendix %s, picture %d" % (doc, app.label, k)
            img = Image.open(io.BytesIO(pic.data))
            check(img.format == "PNG", "%s is %s, not PNG" % (where, img.format))
            dpi = (img.width / pic.shown[0], img.height / pic.shown[1])
            check(min(dpi) >= MIN_DPI, "%s: %dx%d px shown at %.2f x %.2f in "
                  "is %.0f x %.0f dpi" % (where, img.width, img.height,
                                         *pic.shown, *dpi))
            want = tuple(s / 72 for s in app.sizes[k - 1])
            check(pic.page and same_size(pic.page, want, 1 / 72),
                  "%s: its page is %s in; page %d of %s is %.3f x %.3f in"
                  % (where, pic.page, k, app.file, *want))
            ratio = want[0] / want[1]
            check(abs(pic.shown[0] / pic.shown[1] / ratio - 1) < 0.01 and
                  abs(img.width / img.height / ratio - 1) < 0.01,
                  "%s: shown %.3f x %.3f in, %dx%d px: not the page's shape"
                  % (where, *pic.shown, img.width, img.height))
            check(pic.page and pic.shown[0] <= pic.page[0] + 1e-3
                  and pic.shown[1] <= pic.page[1] + 1e-3,
                  "%s: shown at %.3f x %.3f in, larger than its page"
                  % (where, *pic.shown))
            if app.texts[k - 1]:
                check(norm(pic.descr) == app.texts[k - 1],
                      "%s: alt text is not pdftotext's:\n  want %s\n  got  %s"
                      % (where, app.texts[k - 1][:300], norm(pic.descr)[:300]))
            else:
                check(NO_TEXT.search(pic.descr), "%s (a page without text): "
                      "alt text '%s' does not say it is a picture with no text"
                      % (where, pic.descr))
    if not failed():
        low = min(min(Image.open(io.BytesIO(p.data)).width / p.shown[0],
                      Image.open(io.BytesIO(p.data)).height / p.shown[1])
                  for p in pictures if p.label in {a.label for a in apps})
        print("  ok    %s: Appendix %s: a PNG page for each PDF page, on a page "
              "of its size, at >= %.0f dpi, alt text as pdftotext reads it"
              % (os.path.basename(doc), ", ".join(a.label for a in apps), low))


def docx_pictures(path):
    """Every picture in the body: the appendix it is under, and its page's
    size from the section it ends in."""
    z = zipfile.ZipFile(path)
    rels = {r.get("Id"): r.get("Target") for r in
            ET.fromstring(z.read("word/_rels/document.xml.rels")).iter(PR + "Relationship")}
    body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    label, pending, pictures = None, [], []

    def close(sect):
        size = None
        if sect is not None and sect.find(W + "pgSz") is not None:
            sz = sect.find(W + "pgSz")
            size = (int(sz.get(W + "w")) / TWIPS_PER_PT / 72,
                    int(sz.get(W + "h")) / TWIPS_PER_PT / 72)
        for p in pending:
            p.page = size
        pictures.extend(pending)
        pending.clear()

    for block in body:
        if block.tag == W + "sectPr":
            close(block)
            continue
        text = "".join(t.text or "" if t.tag == W + "t" else "\n"
                       for t in block.iter() if t.tag in (W + "t", W + "br"))
        found = re.match(r"Appendix ([A-Z]+)\n", text)
        if block.tag == W + "p" and found:
            label = found.group(1)
        for drawing in block.iter(W + "drawing"):
            extent = drawing.find(".//" + WP + "extent")
            pr = drawing.find(".//" + WP + "docPr")
            blip = drawing.find(".//" + A + "blip")
            data = z.read("word/" + rels[blip.get(R + "embed")].lstrip("/"))
            pending.append(Picture(label, pr.get("descr") or "", data,
                                   (int(extent.get("cx")) / EMU_PER_IN,
                                    int(extent.get("cy")) / EMU_PER_IN), None))
        sect = block.find(W + "pPr/" + W + "sectPr")
        if sect is not None:
            close(sect)
    close(None)
    return pictures


def inches(length):
    value, unit = re.fullmatch(r"([\d.]+)(in|cm|mm|pt)", length).groups()
    return float(value) / {"in": 1, "cm": 2.54, "mm": 25.4, "pt": 72}[unit]


def odf_text(element):
    """An ODF element's text, a line break as a newline."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == TEXT + "line-break" else odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def odt_pictures(path):
    """Every picture in the body: the appendix it is under, and its page's
    size from the master page in force (set by the paragraph or table that
    starts a page with style:master-page-name)."""
    z = zipfile.ZipFile(path)
    content = ET.fromstring(z.read("content.xml"))
    styles = ET.fromstring(z.read("styles.xml"))
    layouts = {}
    for root in (styles, content):
        for pl in root.iter(STYLE + "page-layout"):
            props = pl.find(STYLE + "page-layout-properties")
            layouts[pl.get(STYLE + "name")] = (
                inches(props.get(FO + "page-width")),
                inches(props.get(FO + "page-height")))
    masters = {m.get(STYLE + "name"): layouts.get(m.get(STYLE + "page-layout-name"))
               for m in styles.iter(STYLE + "master-page")}
    starts_page = {}
    for root in (styles, content):
        for st in root.iter(STYLE + "style"):
            if st.get(STYLE + "master-page-name"):
                starts_page[st.get(STYLE + "name")] = st.get(STYLE + "master-page-name")
    page = masters.get("Standard")
    label, pictures = None, []
    body = content.find(".//" + "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
    for e in body.iter():
        style = e.get(TEXT + "style-name") or e.get(
            "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}style-name")
        if e.tag in (TEXT + "p", TEXT + "h",
                     "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table") \
                and style in starts_page:
            page = masters.get(starts_page[style])
        if e.tag == TEXT + "h":
            found = re.match(r"Appendix ([A-Z]+)\n", odf_text(e))
            if found:
                label = found.group(1)
        if e.tag == DRAW + "frame" and e.find(DRAW + "image") is not None:
            desc = e.find(SVG + "desc")
            href = e.find(DRAW + "image").get(XLINK + "href")
            pictures.append(Picture(
                label, "".join(desc.itertext()) if desc is not None else "",
                z.read(href), (inches(e.get(SVG + "width")),
                               inches(e.get(SVG + "height"))), page))
    return pictures


def cmd_opens(docx_path, odt_path, appendices):
    """python-docx and odfpy open the pack, every XML part well-formed, with
    one heading (Heading 1 in the DOCX) for each appendix."""
    import docx
    from odf import opendocument, text as odftext, teletype
    for path in (docx_path, odt_path):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    try:
                        ET.fromstring(z.read(name))
                    except ET.ParseError as e:
                        check(False, "%s: %s is not well-formed: %s"
                              % (path, name, e))
    headings = [p for p in docx.Document(docx_path).paragraphs
                if re.match(r"Appendix [A-Z]+\n", p.text)]
    check(len(headings) == int(appendices), "%s: python-docx finds %d appendix "
          "headings, not %s" % (docx_path, len(headings), appendices))
    check(all(p.style.name == "Heading 1" for p in headings),
          "%s: appendix headings in %s" % (docx_path, sorted(
              {p.style.name for p in headings})))
    odt_headings = [h for h in opendocument.load(odt_path).getElementsByType(odftext.H)
                    if re.match(r"Appendix [A-Z]+\n", teletype.extractText(h))]
    check(len(odt_headings) == int(appendices), "%s: odfpy finds %d appendix "
          "headings, not %s" % (odt_path, len(odt_headings), appendices))
    if not failed():
        print("  ok    python-docx and odfpy open the pack; its XML parts are "
              "well-formed; %s appendix headings in each" % appendices)
    sys.exit(1 if failed() else 0)


def cmd_docx(docx, *specs):
    check_pictures(docx, docx_pictures(docx), [Appendix(s) for s in specs])
    sys.exit(1 if failed() else 0)


def cmd_odt(odt, *specs):
    check_pictures(odt, odt_pictures(odt), [Appendix(s) for s in specs])
    sys.exit(1 if failed() else 0)


COMMANDS = {"pdf": cmd_pdf, "layout": cmd_layout, "docx": cmd_docx,
            "odt": cmd_odt, "opens": cmd_opens}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
