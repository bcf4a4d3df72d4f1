"""Read a pack's PDF as a reader would, for reports written in many scripts.

Usage: check_scripts.py PACK.pdf [--doc=PACK.docx|PACK.odt] LETTER=REPORT.md ...
       check_scripts.py languages PACK.pdf TAG... [-- ALSO...]

For each appendix LETTER, made from REPORT.md, every paragraph of the
report (a text line of its Markdown that is not front matter, a heading or
a table row; each shorter than a line) is found on the appendix's pages
and checked:

- every character of it is in the PDF's text layer (pdftotext -bbox-layout),
  compared after NFKC normalisation on both sides, since LibreOffice's text
  layer may give a letter as its presentation form or ligature, and Indic
  letters with a nukta come back decomposed; white space and format
  characters (ZWNJ, bidi marks), which have no glyph, are not compared;
- its letters are drawn with the face this script is set in (the font of
  each drawn string, read with pypdf), and that face is embedded
  (pdffonts);
- a paragraph whose first letter is right to left is laid out right to
  left: it ends at the right margin and does not reach the left one; a
  left-to-right paragraph starts at the left margin;
- and a table cell whose first letter is right to left ends at the right
  edge of its column.

`languages` reads a tagged PDF's structure tree as a screen reader would:
every TAG is the language (/Lang) of some of its elements, and no element
is in a language other than these, the ALSO ones (which LibreOffice may
give text on its own: zh-CN for Han) and the document's.
"""
import collections
import os
import re
import subprocess
import sys
import zipfile
import unicodedata
import xml.etree.ElementTree as ET

import pypdf
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2echeck import check, failed  # noqa: E402

# (first, last, script) for the letters this test expects; anything else is
# written in the body font.
SCRIPTS = [
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x3000, 0x303F, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xFF00, 0xFFEF, "Han"),
]

# The face each script is set in, as its PostScript name begins; Arabic
# script in Urdu and Punjabi (Shahmukhi) is set in Nastaliq.
FACES = {
    "body": "LiberationSans",
    "Arabic": "NotoNaskhArabic",
    "Hebrew": "NotoSansHebrew",
    "Bengali": "NotoSansBengali",
    "Gurmukhi": "NotoSansGurmukhi",
    "Gujarati": "NotoSansGujarati",
    "Tamil": "NotoSansTamil",
    "Ethiopic": "NotoSansEthiopic",
    # The CJK faces are one font collection sharing one CFF table, so
    # LibreOffice embeds each as the collection's first, NotoSansCJKjp,
    # whichever region's family the document names; the region's glyph
    # forms follow the run's language instead.
    "Han": "NotoSansCJK",
}
NASTALIQ_LANGUAGES = ("ur", "pa-Arab")
RTL_SCRIPTS = ("Arabic", "Hebrew")

# Where the text area is, in points: A4, 2 cm margins.
LEFT, RIGHT = 56.7, 595.3 - 56.7
SLACK = 3.0
# Word's default cell margin is 0.19 cm, the ODT's 1 mm: within this of
# the cell's edge.
CELL_PADDING = 9.0



def script_of(ch):
    cp = ord(ch)
    for first, last, name in SCRIPTS:
        if first <= cp <= last:
            return name
    return "body"


def letters(text):
    """The characters compared: NFKC, without white space or format
    characters."""
    return collections.Counter(
        c for c in unicodedata.normalize("NFKC", text)
        if not c.isspace() and unicodedata.category(c) != "Cf")


def first_strong(text):
    for c in text:
        d = unicodedata.bidirectional(c)
        if d in ("L", "R", "AL"):
            return d
    return None


def report(path):
    """The report's language and its paragraphs (Markdown markup removed)."""
    text = open(path, encoding="utf-8").read()
    meta, body = {}, text
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        meta = yaml.safe_load(text[4:end]) or {}
        body = text[end + 5:]
    lines = [l.replace("**", "").strip() for l in body.splitlines()]
    paras = [p for p in lines if p and not p.startswith(("#", "|"))]
    cells = []
    for row in (l for l in lines if l.startswith("|")):
        row = [c.strip() for c in row.strip("|").split("|")]
        if not all(set(c) <= set(":-") for c in row):
            cells += [(i, len(row), c) for i, c in enumerate(row)]
    return meta.get("language"), paras, cells


def pages_of(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True,
        check=True).stdout, re.M).group(1))


def page_text(pdf, page):
    """A page's text, without the bidi marks pdftotext puts around
    right-to-left lines."""
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page),
                           "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def appendix_pages(pdf, count):
    """Appendix letter -> its pages (1-based), from its heading's page to
    the page before the next appendix's."""
    starts = {}
    for page in range(1, count + 1):
        for m in re.finditer(r"^\s*Appendix ([A-Z]+)\s*$", page_text(pdf, page),
                             re.M):
            starts.setdefault(m.group(1), page)
    order = sorted(starts.items(), key=lambda kv: kv[1])
    ranges = {}
    for i, (letter, first) in enumerate(order):
        last = order[i + 1][1] - 1 if i + 1 < len(order) else count
        ranges[letter] = range(first, max(first, last) + 1)
    return ranges


def blocks(pdf, page):
    """The text blocks of a page: each a list of lines (xMin, xMax, text)."""
    xhtml = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page),
                            "-bbox-layout", pdf, "-"], capture_output=True,
                           text=True, check=True).stdout
    xhtml = re.sub(r'\sxmlns="[^"]*"', "", xhtml, count=1)
    out = []
    for block in ET.fromstring(xhtml).iter("block"):
        lines = []
        for line in block.iter("line"):
            words = [w.text or "" for w in line.iter("word")]
            lines.append((float(line.get("xMin")), float(line.get("xMax")),
                          " ".join(words)))
        out.append(lines)
    return out


def drawn_faces(reader, pages):
    """Script -> the faces its letters were drawn with on these pages."""
    faces = collections.defaultdict(set)

    def visit(text, cm, tm, font, size):
        if not font or not text:
            return
        name = str(font.get("/BaseFont", "")).lstrip("/")
        name = name.split("+", 1)[-1]
        for c in text:
            if unicodedata.category(c).startswith("L"):
                faces[script_of(c)].add(name)

    for page in pages:
        reader.pages[page - 1].extract_text(visitor_text=visit)
    return faces


def embedded(pdf):
    out = {}
    for line in subprocess.run(["pdffonts", pdf], capture_output=True,
                               text=True, check=True).stdout.splitlines()[2:]:
        f = line.split()
        out[f[0].split("+", 1)[-1]] = f[-4] == "yes"
    return out


def overlap(want, lines):
    got = letters(" ".join(t for _, _, t in lines))
    return sum((want & got).values()) / max(1, sum((want | got).values()))


def best_block(para, candidates):
    """The lines of the paragraph: the block whose letters overlap the
    paragraph's most, with the blocks next to it whose letters are all
    among those still missing (pdftotext may give a wrapped line a block
    of its own)."""
    want = letters(para)
    scores = [overlap(want, b) for b in candidates]
    if not scores or max(scores) == 0:
        return None
    first = last = scores.index(max(scores))

    def text(lo, hi):
        return " ".join(t for b in candidates[lo:hi + 1] for _, _, t in b)

    grown = True
    while grown:
        grown = False
        missing = want - letters(text(first, last))
        for lo, hi, added in ((first - 1, last, first - 1),
                              (first, last + 1, last + 1)):
            if lo < 0 or hi >= len(candidates) or not missing:
                continue
            extra = letters(" ".join(t for _, _, t in candidates[added]))
            if extra and not extra - missing:
                first, last, grown = lo, hi, True
                break
    return [l for b in candidates[first:last + 1] for l in b]


def check_paragraph(where, para, block):
    missing = letters(para) - letters(" ".join(t for _, _, t in block))
    check(not missing, "%s: %s: not in the text layer: %s" % (
        where, para[:30], " ".join("U+%04X" % ord(c) for c in sorted(missing))))
    rtl = first_strong(para) in ("R", "AL")
    # Nastaliq's words climb and overlap, and pdftotext may cut one line
    # into several blocks: the paragraph's extent is what is compared
    start, end = min(x0 for x0, _, _ in block), max(x1 for _, x1, _ in block)
    if rtl:
        check(abs(end - RIGHT) <= SLACK,
              "%s: %s: right-to-left paragraph ends at %.1f, not at the "
              "right margin (%.1f)" % (where, para[:30], end, RIGHT))
        check(start > LEFT + SLACK,
              "%s: %s: right-to-left paragraph, shorter than a line, "
              "reaches the left margin" % (where, para[:30]))
    else:
        check(abs(start - LEFT) <= SLACK,
              "%s: %s: left-to-right paragraph starts at %.1f, not the left "
              "margin" % (where, para[:30], start))
    return rtl


def column_shares(doc, text, columns):
    """The share of the text width each column of the table holding `text`
    has in `doc` (the DOCX's w:gridCol, the ODT's column styles: columns
    are sized from their content); equal shares without a document."""
    if not doc:
        return [1.0 / columns] * columns
    if doc.endswith(".docx"):
        xml = zipfile.ZipFile(doc).read("word/document.xml").decode()
        tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
        widths = [int(w) for t in tables if text in re.sub(r"<[^>]+>", "", t)
                  for w in re.findall(r'<w:gridCol w:w="(\d+)"', t)]
    else:
        xml = zipfile.ZipFile(doc).read("content.xml").decode()
        tables = re.findall(r"<table:table .*?</table:table>", xml, re.S)
        widths = [int(w) for t in tables if text in re.sub(r"<[^>]+>", "", t)
                  for w in re.findall(r'table:style-name="ColL?_(\d+)"', t)]
    widths = widths[:columns]
    return [w / sum(widths) for w in widths]


def check_cell(where, text, column, columns, candidates, doc):
    """A right-to-left cell's text ends at its column's right edge, less
    the cell's padding."""
    block = best_block(text, candidates)
    if not check(block, "%s: cell %s: not found" % (where, text)):
        return
    shares = column_shares(doc, text, columns)
    edge = LEFT + (RIGHT - LEFT) * sum(shares[:column + 1])
    end = max(x1 for _, x1, _ in block)
    check(edge - CELL_PADDING <= end <= edge,
          "%s: right-to-left cell %s ends at %.1f, not at its column's "
          "right edge (%.1f)" % (where, text, end, edge))


def structure_languages(pdf):
    """/Lang of every structure element -> how many have it."""
    langs = collections.Counter()
    todo = [pypdf.PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/Lang" in node:
                langs[str(node["/Lang"])] += 1
            if "/K" in node:
                todo.append(node["/K"])
        elif isinstance(node, pypdf.generic.ArrayObject):
            todo.extend(node)
    return langs


def cmd_languages(pdf, *tags):
    tags = list(tags)
    also = tags[tags.index("--") + 1:] if "--" in tags else []
    wanted = tags[:tags.index("--")] if "--" in tags else tags
    document = str(pypdf.PdfReader(pdf).trailer["/Root"].get("/Lang"))
    langs = structure_languages(pdf)
    for tag in wanted:
        check(langs.get(tag), "%s: no element is in %s (it has %s)"
              % (pdf, tag, dict(langs)))
    others = set(langs) - set(wanted) - set(also) - {document}
    check(not others, "%s: elements in languages the text does not say: %s"
          % (pdf, sorted(others)))
    if not failed():
        print("  ok    %s: elements tagged %s" % (pdf.rsplit("/", 1)[-1], ", ".join(
            "%s (%d)" % (t, langs[t]) for t in sorted(langs))))
    sys.exit(1 if failed() else 0)


def main():
    if sys.argv[1] == "languages":
        cmd_languages(*sys.argv[2:])
    pdf, specs = sys.argv[1], sys.argv[2:]
    doc = None
    if specs and specs[0].startswith("--doc="):
        doc, specs = specs[0][len("--doc="):], specs[1:]
    reader = pypdf.PdfReader(pdf)
    ranges = appendix_pages(pdf, pages_of(pdf))
    fonts = embedded(pdf)
    for spec in specs:
        letter, path = spec.split("=", 1)
        where = "%s Appendix %s" % ("/".join(pdf.split("/")[-2:]), letter)
        language, paras, cells = report(path)
        if not check(letter in ranges, "%s: no page opens it" % where):
            continue
        pages = ranges[letter]
        candidates = [b for p in pages for b in blocks(pdf, p)]
        scripts, rtl_count = set(), 0
        for para in paras:
            block = best_block(para, candidates)
            if not check(block, "%s: %s: not found" % (where, para[:30])):
                continue
            rtl_count += check_paragraph(where, para, block)
            scripts |= {script_of(c) for c in para
                        if unicodedata.category(c).startswith("L")}
        for column, columns, text in cells:
            if first_strong(text) in ("R", "AL"):
                check_cell(where, text, column, columns, candidates, doc)
                rtl_count += 1
        drawn = drawn_faces(reader, pages)
        for script in sorted(scripts):
            face = FACES[script]
            if script == "Arabic" and language in NASTALIQ_LANGUAGES:
                face = "NotoNastaliqUrdu"
            used = drawn.get(script, set())
            check(used and all(u.startswith(face) for u in used),
                  "%s: %s letters drawn with %s, not %s" % (
                      where, script, sorted(used) or "nothing", face))
            check(any(n.startswith(face) and e for n, e in fonts.items()),
                  "%s: pdffonts lists no embedded %s" % (where, face))
        if not failed():
            print("  ok    %s: %d paragraphs and %d cells (%d right to "
                  "left), every character in the text layer; %s" % (
                      where, len(paras), len(cells), rtl_count, ", ".join(
                          "%s in %s" % (s, sorted(drawn[s])[0])
                          for s in sorted(scripts))))
    sys.exit(1 if failed() else 0)


if __name__ == "__main__":
    main()
