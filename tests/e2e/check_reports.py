"""Word and LibreOffice reports in a pack, judged by independent readers.

  check_reports.py words PACK.docx LETTER SOURCE
      The words of appendix LETTER in the pack (python-docx's reading of
      its body, footnotes apart), in order, against the words pandoc reads
      in SOURCE with every tracked change accepted; the notes' words
      against pandoc's notes; tables, pictures and notes counted in both.
  check_reports.py pdfwords PACK.pdf LETTER SOURCE
      The same against the text poppler reads from LibreOffice's PDF.
  check_reports.py never FOLDER WORD...
      No file under FOLDER (every member of every DOCX and ODT unzipped,
      every PDF's text) holds any WORD.
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


def odt_gaps(source):
    """What pandoc's ODT reader leaves out that LibreOffice shows: the
    header rows of tables, and fields' text (a page number, an input
    field Word's content control became). Their words, and the pictures."""
    if not source.endswith(".odt"):
        return None, None
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
    if got == want:
        return []
    import difflib
    sm = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    diffs = [(op, " ".join(want[a1:a2]), " ".join(got[b1:b2]))
             for op, a1, a2, b1, b2 in sm.get_opcodes() if op != "equal"]
    out = []
    ops = [o for o in sm.get_opcodes() if o[0] != "equal"]
    # text pandoc's reader skips, and LibreOffice shows, is no difference
    ops = [o for o in ops if not (gaps and o[0] == "insert" and
                                  set(got[o[3]:o[4]]) <= gaps)]
    if not ops:
        return []
    for op, a1, a2, b1, b2 in ops[:6]:
        out.append("%s: %s (pandoc %r, pack %r) after %r" % (
            what, op, " ".join(want[a1:a2]), " ".join(got[b1:b2]),
            " ".join(want[max(0, a1 - 6):a1])))
    return out


def check_words(pack, letter, source):
    d = docx.Document(pack)
    blocks = appendix_range(d, letter)
    title = words(paragraph_text(blocks[0][1]))[2:]  # after "appendix X"
    got, tables, pictures, notes = appendix_words(blocks)
    want, want_notes, plain = pandoc_words(source)
    # pandoc takes a Title paragraph for metadata: the pack heads the
    # appendix with it
    if want[:len(title)] == title:
        want = want[len(title):]
    gaps, odt_pictures = odt_gaps(source)
    fails = compare(got, want, "Appendix %s's words" % letter, gaps)
    note_ids = [ref.get(qn("w:id")) for kind, b in blocks if kind == "p"
                for ref in b._p.iter(qn("w:footnoteReference"))]
    all_notes = pack_notes(pack)
    got_notes = []
    for i in note_ids:
        got_notes += words(all_notes.get(i, ""))
    fails += compare(got_notes, want_notes, "Appendix %s's notes" % letter)
    lines = plain.split("\n")
    want_tables = sum(1 for i, l in enumerate(lines)
                      if re.match(r"^\+-[-+]*\+$", l) and
                      (i == 0 or not lines[i - 1].startswith(("|", "+"))))
    if tables != want_tables:
        fails.append("Appendix %s: %d tables, the source %d" %
                     (letter, tables, want_tables))
    want_pictures = (odt_pictures if odt_pictures is not None
                     else plain.count("[" + ALT + "]"))
    if pictures != want_pictures:
        fails.append("Appendix %s: %d pictures, the source %d" %
                     (letter, pictures, want_pictures))
    want_note_count = len(re.findall(r"^\[\d+\] ", plain, re.M))
    if notes != want_note_count:
        fails.append("Appendix %s: %d notes, the source %d" %
                     (letter, notes, want_note_count))
    if fails:
        sys.exit("\n".join(fails))
    print("Appendix %s: %d words in pandoc's order, %d of notes; %d tables, "
          "%d pictures, %d notes" % (letter, len(got), len(got_notes),
                                      tables, pictures, notes))


def pdf_text(pdf):
    return subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def check_pdf_words(pdf, letter, source):
    """In the PDF, every word pandoc reads in the source is in the
    appendix's pages, in order (page furniture and notes come between)."""
    text = pdf_text(pdf)
    start = text.find("Appendix %s\n" % letter)
    nxt = re.search(r"\nAppendix [A-Z]+\n", text[start + 5:])
    chunk = text[start:start + 5 + nxt.start()] if nxt else text[start:]
    got = words(chunk)
    want, _, _ = pandoc_words(source)
    i = 0
    for w in got:
        if i < len(want) and w == want[i]:
            i += 1
    if i < len(want):
        sys.exit("Appendix %s's PDF: pandoc's words in order up to %r, then "
                 "%r is missing" % (letter, " ".join(want[max(0, i - 5):i]),
                                    want[i]))
    print("Appendix %s's PDF: all %d of pandoc's words, in order" %
          (letter, len(want)))


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


def main():
    cmd = sys.argv[1]
    if cmd == "words":
        check_words(*sys.argv[2:5])
    elif cmd == "pdfwords":
        check_pdf_words(*sys.argv[2:5])
    elif cmd == "never":
        check_never(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
