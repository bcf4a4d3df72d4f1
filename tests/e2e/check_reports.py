"""Word and LibreOffice reports in a pack, judged by independent readers.

  check_reports.py words PACK.docx LETTER SOURCE
      The words of appendix LETTER in the pack (python-docx's reading of
      its body, footnotes apart), in order, against the words pandoc reads
      in SOURCE with every tracked change accepted; the notes' words
      against pandoc's notes; tables, pictures and notes counted in both.
  check_reports.py pdfwords PACK.pdf LETTER SOURCE
      The same against the text poppler reads from LibreOffice's PDF,
      where the page furniture and the notes come between.
  check_reports.py never FOLDER WORD...
      No file under FOLDER (every member of every DOCX and ODT unzipped,
      every PDF's text) holds any WORD.
  check_reports.py holds FILE WORD...
      Some member of the DOCX or ODT FILE holds each WORD (so that a
      sentinel missing from the packs was there to be left out).

Words are runs of letters and digits, lower case, after NFKC; list
numbers and bullets are layout. The pack must have every one of pandoc's
words in pandoc's order and no other: the match ratio printed (difflib's,
twice the words in common in order over the words of both) must be 1,
as both read the same XML, so that a word lost or added is text the
reader lost or made up, and a word moved is text out of its place. What
differs by design is allowed and no more: the report's title, which pandoc takes for metadata
and the pack prints in the appendix's heading; the notes, which pandoc
prints last and the pack as footnotes (compared apart); "Report author:"
under the heading; and what pandoc's readers do not show (source_gaps).
"""
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

import docx
from docx.oxml.ns import qn

ALT = "Bar chart of school places by ward"


def words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return re.findall(r"[^\W_]+", text)


def pandoc_plain(source):
    out = subprocess.run(
        ["pandoc", "-t", "plain", "--wrap=none", "--track-changes=accept",
         source], capture_output=True, text=True, check=True).stdout
    return out


def pandoc_ast(source):
    import json
    out = subprocess.run(
        ["pandoc", "-t", "json", "--track-changes=accept", source],
        capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def walk(node, visit):
    if isinstance(node, dict):
        visit(node)
        for v in node.values():
            walk(v, visit)
    elif isinstance(node, list):
        for v in node:
            walk(v, visit)


def pandoc_counts(source):
    """Tables, pictures and notes in pandoc's reading of SOURCE (its AST,
    as its plain writer draws tables in several ways)."""
    counts = {"Table": 0, "Image": 0, "Note": 0}

    def visit(node):
        if node.get("t") in counts:
            counts[node["t"]] += 1
    walk(pandoc_ast(source)["blocks"], visit)
    return counts


def pandoc_meta_words(source):
    """The words of the title and author pandoc reads as metadata."""
    out = []

    def visit(node):
        if node.get("t") == "Str":
            out.extend(words(node["c"]))
    walk(pandoc_ast(source)["meta"], visit)
    return out


def pandoc_words(source):
    """Body words and notes' words; pandoc writes notes last, as [n] lines,
    marks them [n] in the text, and shows a picture as [its alt text]."""
    text = pandoc_plain(source)
    lines = text.split("\n")
    notes_at = len(lines)
    for i, line in enumerate(lines):
        if re.match(r"^\[\d+\] ", line) and all(
                not l.strip() or re.match(r"^(\[\d+\] |    )", l)
                for l in lines[i:]):
            notes_at = i
            break
    body = "\n".join(lines[:notes_at])
    notes = "\n".join(lines[notes_at:])
    body = re.sub(r"\[\d+\]", " ", body)
    body = body.replace("[" + ALT + "]", " ")
    notes = re.sub(r"^\[\d+\] ", "", notes, flags=re.M)
    # table rules and list markers are layout, not words
    body = re.sub(r"^\s*(\d+\.|-)\s+", " ", body, flags=re.M)
    return words(body), words(notes), text


def body_blocks(document):
    """The body's paragraphs and tables in order, as (kind, object)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield "t", Table(child, document)


def element_text(e):
    """All the text of an element, links and fields' results included; a
    line break or tab is a space."""
    out = []
    for n in e.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        run = n.getparent()
        if run.find(qn("w:footnoteReference")) is not None:
            continue  # a note's mark, the pack's own numbering
        out.append(n.text or "" if n.tag == qn("w:t") else " ")
    return "".join(out)


def paragraph_text(p):
    return element_text(p._p)


def appendix_range(document, letter):
    blocks = list(body_blocks(document))
    start = end = None
    for i, (kind, b) in enumerate(blocks):
        if kind != "p" or not b.style.name.startswith("Heading 1"):
            continue
        text = paragraph_text(b)
        if start is None and text.startswith("Appendix %s" % letter):
            start = i
        elif start is not None and text.startswith("Appendix "):
            end = i
            break
    if start is None:
        sys.exit("no Appendix %s in the pack" % letter)
    return blocks[start:end]


def appendix_words(blocks):
    out = []
    tables = pictures = notes = 0
    for kind, b in blocks[1:]:
        if kind == "t":
            tables += 1
            for row in b._tbl.iter(qn("w:tr")):
                for cell in row.iter(qn("w:tc")):
                    for p in cell.iter(qn("w:p")):
                        out += words(element_text(p))
            continue
        text = paragraph_text(b)
        if text.startswith("Report author: "):
            continue
        pictures += len(list(b._p.iter(qn("w:drawing"))))
        notes += len(list(b._p.iter(qn("w:footnoteReference"))))
        out += words(text)
    return out, tables, pictures, notes


def pack_notes(pack):
    with zipfile.ZipFile(pack) as z:
        xml = z.read("word/footnotes.xml").decode()
    texts = re.findall(r"<w:footnote [^>]*w:id=\"(\d+)\"[^>]*>(.*?)</w:footnote>",
                       xml, re.S)
    return {i: "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body))
            for i, body in texts if int(i) > 0}


def source_gaps(source):
    """What pandoc's readers (2.17) leave out that Word or LibreOffice
    shows, as the words that may be extra in the pack, and the pictures
    pandoc does not show: in an ODT, the header rows of tables and fields'
    text (a page number, the input field Word's content control became),
    and every draw:image; in a DOCX, a w:fldSimple's cached result."""
    if source.endswith(".docx"):
        xml = zipfile.ZipFile(source).read("word/document.xml").decode()
        spans = re.findall(r"<w:fldSimple[ >].*?</w:fldSimple>", xml, re.S)
        return set(w for span in spans
                   for w in words(" ".join(re.findall(
                       r"<w:t(?: [^>]*)?>([^<]*)</w:t>", span)))), None
    xml = zipfile.ZipFile(source).read("content.xml").decode()
    spans = re.findall(r"<table:table-header-rows>.*?</table:table-header-rows>"
                       r"|<text:text-input[^>]*>.*?</text:text-input>"
                       r"|<text:page-number[^>]*>.*?</text:page-number>",
                       xml, re.S)
    gaps = set()
    for span in spans:
        gaps.update(words(re.sub(r"<[^>]+>", " ", span)))
    return gaps, len(re.findall(r"<draw:image ", xml))


def compare(got, want, what, gaps=None):
    """The differences between the pack's words and pandoc's, apart from
    words pandoc's reader is known to leave out (GAPS), and the share of
    pandoc's words the pack has in pandoc's order."""
    import difflib
    sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    matched = sum(size for _, _, size in sm.get_matching_blocks())
    ops = [o for o in sm.get_opcodes() if o[0] != "equal"]
    # text pandoc's reader skips, and Word or LibreOffice shows, is no
    # difference
    known = [o for o in ops if gaps and o[0] == "insert" and
             set(got[o[3]:o[4]]) <= gaps]
    ops = [o for o in ops if o not in known]
    # as difflib's ratio: the words in common over all of both, the known
    # gaps apart
    total = len(want) + len(got) - sum(o[4] - o[3] for o in known)
    ratio = 2.0 * matched / total if total else 1.0
    out = []
    for op, a1, a2, b1, b2 in ops[:6]:
        out.append("%s: %s (pandoc %r, pack %r) after %r" % (
            what, op, " ".join(want[a1:a2]), " ".join(got[b1:b2]),
            " ".join(want[max(0, a1 - 6):a1])))
    if out:
        out.append("%s: match ratio %.3f" % (what, ratio))
    return out, ratio


def check_words(pack, letter, source):
    d = docx.Document(pack)
    blocks = appendix_range(d, letter)
    title = words(paragraph_text(blocks[0][1]))[2:]  # after "appendix X"
    got, tables, pictures, notes = appendix_words(blocks)
    want, want_notes, _ = pandoc_words(source)
    # pandoc takes a Title paragraph for metadata: the pack heads the
    # appendix with it
    if want[:len(title)] == title:
        want = want[len(title):]
    gaps, odt_pictures = source_gaps(source)
    fails, ratio = compare(got, want, "Appendix %s's words" % letter, gaps)
    note_ids = [ref.get(qn("w:id")) for kind, b in blocks if kind == "p"
                for ref in b._p.iter(qn("w:footnoteReference"))]
    all_notes = pack_notes(pack)
    got_notes = []
    for i in note_ids:
        got_notes += words(all_notes.get(i, ""))
    fails += compare(got_notes, want_notes,
                     "Appendix %s's notes" % letter)[0]
    counts = pandoc_counts(source)
    want_tables = counts["Table"]
    if tables != want_tables:
        fails.append("Appendix %s: %d tables, the source %d" %
                     (letter, tables, want_tables))
    want_pictures = (odt_pictures if odt_pictures is not None
                     else counts["Image"])
    if pictures != want_pictures:
        fails.append("Appendix %s: %d pictures, the source %d" %
                     (letter, pictures, want_pictures))
    want_note_count = counts["Note"]
    if notes != want_note_count:
        fails.append("Appendix %s: %d notes, the source %d" %
                     (letter, notes, want_note_count))
    if fails:
        sys.exit("\n".join(fails))
    print("Appendix %s: %d words in pandoc's order (match ratio %.3f), %d "
          "of notes; %d tables, %d pictures, %d notes" % (
              letter, len(got), ratio, len(got_notes), tables, pictures,
              notes))


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def check_pdf_words(pdf, letter, source):
    """In the PDF (poppler's text in its layout, so that a table's rows
    read across), the appendix's pages hold every word pandoc reads in
    the source, in order; every other word there is the appendix's
    heading, its author line, its notes, the page furniture (the running
    header and the page numbers) or what pandoc does not show."""
    text = pdf_text(pdf)
    start = re.search(r"(?m)^\s*Appendix %s\s*$" % letter, text)
    if not start:
        sys.exit("no Appendix %s in %s" % (letter, pdf))
    nxt = re.search(r"(?m)^\s*Appendix [A-Z]+\s*$", text[start.end():])
    chunk = text[start.end():start.end() + nxt.start()] if nxt \
        else text[start.end():]
    # the pack's line under the heading, from the document's properties
    chunk = re.sub(r"(?m)^\s*Report author: .*$", "", chunk)
    got = words(chunk)
    want, want_notes, _ = pandoc_words(source)
    import difflib
    sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    blocks = sm.get_matching_blocks()
    matched = sum(size for _, _, size in blocks)
    if matched < len(want):
        i = next(a1 for op, a1, a2, _, _ in sm.get_opcodes()
                 if op in ("delete", "replace"))
        sys.exit("Appendix %s's PDF: %.3f of pandoc's words in order; %r "
                 "missing after %r" % (letter, matched / len(want), want[i],
                                      " ".join(want[max(0, i - 5):i])))
    used = set()
    for _, b, size in blocks:
        used.update(range(b, b + size))
    furniture = set(words(" ".join(
        l for l in text.split("\n")
        if re.match(r"^\s*(Page \d+|.*: agenda pack, .*)\s*$", l))))
    gaps, _ = source_gaps(source)
    allowed = (furniture | set(want_notes) | (gaps or set()) |
               set(pandoc_meta_words(source)))
    extra = [w for i, w in enumerate(got)
             if i not in used and w not in allowed and not w.isdigit()]
    if extra:
        sys.exit("Appendix %s's PDF: words pandoc does not read: %s" %
                 (letter, " ".join(extra[:20])))
    print("Appendix %s's PDF: all %d of pandoc's words, in order; %d more "
          "of its heading, notes and page furniture" %
          (letter, len(want), len(got) - matched))


def check_never(folder, sentinels):
    found, files = [], 0
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            files += 1
            blobs = []
            if name.endswith((".docx", ".odt")):
                with zipfile.ZipFile(path) as z:
                    blobs = [(path + ":" + m, z.read(m)) for m in z.namelist()]
            elif name.endswith(".pdf"):
                blobs = [(path, pdf_text(path).encode())]
            blobs.append((path, open(path, "rb").read()))
            for where, data in blobs:
                for s in sentinels:
                    if s.encode() in data:
                        found.append("%s in %s" % (s, where))
    if found:
        sys.exit("published what must not be: " + "; ".join(found[:5]))
    print("none of %s in %d files" % (", ".join(sentinels), files))


def check_holds(path, sentinels):
    with zipfile.ZipFile(path) as z:
        data = [z.read(m) for m in z.namelist()]
    missing = [s for s in sentinels if not any(s.encode() in d for d in data)]
    if missing:
        sys.exit("%s does not hold %s" % (path, ", ".join(missing)))


def main():
    cmd = sys.argv[1]
    if cmd == "words":
        check_words(*sys.argv[2:5])
    elif cmd == "pdfwords":
        check_pdf_words(*sys.argv[2:5])
    elif cmd == "holds":
        check_holds(sys.argv[2], sys.argv[3:])
    elif cmd == "never":
        check_never(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
