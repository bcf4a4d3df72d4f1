"""The DOCX and the ODT laid out alike, read from LibreOffice's PDFs of each
as a reader reads them.

check_alike.py pages DOCX.pdf ODT.pdf A B C ...
    every appendix starts on the same page in both, the two have as many
    pages, and every word of every page stands at the same place in both
    (within a point): the same fonts, sizes, spacing, indents and breaks.
check_alike.py reader DOCX.pdf ODT.pdf
    the layout pack of alike.sh, in each: nested numbered lists labelled
    1. a. i. and round again, each level 0.635 cm right of the one above,
    and bullets hanging where numbers do; the front sheet's date line bold
    in its label only; the quote in its grey; the picture as wide as the
    text between the margins; no paragraph leaving one line alone at the
    foot or the head of a page (widow and orphan control).
"""
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import pypdf

MARGIN = 72 / 2.54 * 2          # 2 cm, in points
TEXT_WIDTH = 72 / 2.54 * 17     # A4 less two margins
STEP = 72 / 2.54 * 0.635        # a list level's indent
TOLERANCE = 1.0                 # points: a twip's rounding, and the raster
FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
    return cond


def finish(summary):
    for f in FAILS:
        print("FAIL: %s" % f)
    if FAILS:
        sys.exit(1)
    print("  ok    %s" % summary)


def words(pdf):
    """Each page's words as (y, x, text), in reading order."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        ws = [(float(w.get("yMin")), float(w.get("xMin")), w.text or "")
              for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append(sorted(ws))
    return pages


def lines_of(page):
    """The page's words gathered into lines, top to bottom."""
    lines, last_y = [], None
    for y, x, w in sorted(page):
        if last_y is None or abs(y - last_y) > 2:
            lines.append([])
            last_y = y
        lines[-1].append((x, w))
    return [" ".join(w for _, w in sorted(l)) for l in lines]


def appendix_start(pages, label):
    for n, page in enumerate(pages):
        if re.search(r"^Appendix %s$" % label, "\n".join(lines_of(page)),
                     re.M):
            return n + 1
    return None


def cmd_pages(docx_pdf, odt_pdf, *labels):
    d, o = words(docx_pdf), words(odt_pdf)
    check(len(d) == len(o), "the DOCX has %d pages, the ODT %d" %
          (len(d), len(o)))
    starts = []
    for label in labels:
        a, b = appendix_start(d, label), appendix_start(o, label)
        check(a is not None and a == b,
              "Appendix %s starts on page %s of the DOCX and page %s of the "
              "ODT" % (label, a, b))
        starts.append("%s %s" % (label, a))
    moved = []
    for n in range(min(len(d), len(o))):
        dw, ow = [w[2] for w in d[n]], [w[2] for w in o[n]]
        if dw != ow:
            moved.append("page %d holds other words in the DOCX than in the "
                         "ODT" % (n + 1))
            continue
        for a, b in zip(d[n], o[n]):
            if abs(a[0] - b[0]) > TOLERANCE or abs(a[1] - b[1]) > TOLERANCE:
                moved.append("page %d: '%s' at (%.1f, %.1f) in the DOCX and "
                             "(%.1f, %.1f) in the ODT" %
                             (n + 1, a[2], a[1], a[0], b[1], b[0]))
                break
    check(not moved, "the two lay out differently: %s" % "; ".join(moved[:5]))
    finish("both formats: %d pages, every appendix on the same page (%s), "
           "every word in the same place" % (len(d), ", ".join(starts)))


# ---- the layout pack --------------------------------------------------------

LABELS = [("1.", "First level", 0), ("a.", "Second level", 1),
          ("i.", "Third level", 2), ("1.", "Fourth level", 3),
          ("2.", "First level again", 0)]


def find_line(page, first_words):
    """The words of the line whose words start with `first_words`."""
    for line in group(page):
        texts = [w for _, _, w in line]
        if texts[:len(first_words)] == first_words:
            return line
    return None


def group(page):
    lines, last_y = [], None
    for y, x, w in sorted(page):
        if last_y is None or abs(y - last_y) > 2:
            lines.append([])
            last_y = y
        lines[-1].append((y, x, w))
    return [sorted(l, key=lambda t: t[1]) for l in lines]


def check_lists(name, pages):
    page = next((p for p in pages if any(w == "Fourth" for _, _, w in p)),
                None)
    if not check(page is not None, "%s: no page has the nested list" % name):
        return
    for label, text, level in LABELS:
        line = find_line(page, [label] + text.split())
        if not check(line is not None, "%s: no item '%s %s'" %
                     (name, label, text)):
            continue
        check(abs(line[0][1] - (MARGIN + level * STEP)) <= TOLERANCE and
              abs(line[1][1] - (MARGIN + (level + 1) * STEP)) <= TOLERANCE,
              "%s: '%s %s' has its number at %.1f pt and its text at %.1f "
              "pt, not %.1f and %.1f" %
              (name, label, text, line[0][1], line[1][1],
               MARGIN + level * STEP, MARGIN + (level + 1) * STEP))
    for text, level in (("Bullet one", 0), ("Bullet two", 1)):
        line = next((l for l in group(page)
                     if [w for _, _, w in l][1:3] == text.split()), None)
        if check(line is not None, "%s: no bullet '%s'" % (name, text)):
            check(abs(line[0][1] - (MARGIN + level * STEP)) <= TOLERANCE and
                  abs(line[1][1] - (MARGIN + (level + 1) * STEP)) <=
                  TOLERANCE,
                  "%s: the bullet of '%s' is at %.1f pt, its text at %.1f pt"
                  % (name, text, line[0][1], line[1][1]))


def check_front_sheet(name, pdf):
    """The front sheet's date, time and place lines: each label bold, what
    follows it not."""
    page = pypdf.PdfReader(pdf).pages[0]
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            runs.append((text.strip(), str(font.get("/BaseFont", ""))))

    page.extract_text(visitor_text=visit)
    for label in ("Date:", "Time:", "Place:"):
        at = next((i for i, (t, _) in enumerate(runs) if t == label), None)
        if not check(at is not None and at + 1 < len(runs),
                     "%s: no '%s' on the front sheet" % (name, label)):
            continue
        check("Bold" in runs[at][1], "%s: the front sheet's '%s' is not "
              "bold (%s)" % (name, label, runs[at][1]))
        check("Bold" not in runs[at + 1][1], "%s: the front sheet's '%s' "
              "after '%s' is bold" % (name, runs[at + 1][0], label))


def raster(pdf, page, dpi):
    """Page `page` as (width, height, RGB bytes) at `dpi`."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r",
                        str(dpi), "-singlefile", pdf, d + "/p"], check=True)
        data = open(d + "/p.ppm", "rb").read()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    return int(m.group(1)), int(m.group(2)), data[m.end():]


def darkest(img, box, dpi):
    """The darkest grey level of the pixels inside `box` (points)."""
    w, h, px = img
    k = dpi / 72
    x0, y0, x1, y1 = [int(v * k) for v in box]
    best = 255
    for y in range(max(y0, 0), min(y1, h)):
        row = px[(y * w + x0) * 3:(y * w + x1) * 3]
        if row:
            best = min(best, min(row))
    return best


def check_quote(name, pdf, pages):
    """The quote's text is drawn in its grey, #404040, the body in black."""
    dpi = 150
    for n, page in enumerate(pages):
        for line in group(page):
            texts = [w for _, _, w in line]
            if texts[:2] not in (["A", "quoted"], ["Text", "after"]):
                continue
            box = (line[0][1], line[0][0], line[-1][1] + 20, line[0][0] + 10)
            level = darkest(raster(pdf, n + 1, dpi), box, dpi)
            if texts[0] == "A":
                check(0x30 <= level <= 0x50, "%s: the quote is drawn at grey "
                      "level %d, not #404040's 64" % (name, level))
            else:
                check(level < 0x20, "%s: the body text is drawn at grey level"
                      " %d, not black" % (name, level))


def check_picture(name, pdf, pages):
    """The red picture spans the text width, from margin to margin."""
    dpi = 72
    n = next((n for n, p in enumerate(pages)
              if any(w == "Picture:" for _, _, w in p)), None)
    if not check(n is not None, "%s: no page has the picture" % name):
        return
    w, h, px = raster(pdf, n + 1, dpi)
    xs = [x for y in range(h) for x in range(w)
          if px[(y * w + x) * 3] > 200 and px[(y * w + x) * 3 + 1] < 80 and
          px[(y * w + x) * 3 + 2] < 80]
    if check(xs, "%s: the picture is not drawn" % name):
        left, right = min(xs), max(xs) + 1
        check(abs(left - MARGIN) <= 1.5 and
              abs(right - (MARGIN + TEXT_WIDTH)) <= 1.5,
              "%s: the picture spans %d to %d pt, not the text's %.1f to "
              "%.1f" % (name, left, right, MARGIN, MARGIN + TEXT_WIDTH))


def check_widows(name, pages):
    """No paragraph leaves one line alone at a page's foot or head."""
    found = 0
    for k in range(1, 40):
        token = "widow%dword" % k
        counts = [sum(1 for line in group(p)
                      if any(w == token for _, _, w in line)) for p in pages]
        on = [(n, c) for n, c in enumerate(counts) if c]
        if not on:
            continue
        found += 1
        if len(on) > 1:
            check(all(c >= 2 for _, c in on),
                  "%s: paragraph %d has %s line(s) on pages %s" %
                  (name, k, "+".join(str(c) for _, c in on),
                   "+".join(str(n + 1) for n, _ in on)))
    check(found >= 10, "%s: only %d widow test paragraphs found" %
          (name, found))


def cmd_reader(docx_pdf, odt_pdf):
    for name, pdf in (("DOCX", docx_pdf), ("ODT", odt_pdf)):
        pages = words(pdf)
        check_lists(name, pages)
        check_front_sheet(name, pdf)
        check_quote(name, pdf, pages)
        check_picture(name, pdf, pages)
        check_widows(name, pages)
    finish("both formats: lists 1. a. i. at their indents, bullets hanging "
           "alike, the date line bold in its label only, the quote grey, the "
           "picture between the margins, no widow or orphan line")


if __name__ == "__main__":
    cmds = {"pages": cmd_pages, "reader": cmd_reader}
    if len(sys.argv) < 4 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    cmds[sys.argv[1]](*sys.argv[2:])
