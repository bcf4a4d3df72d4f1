"""One layout stands for both formats: a pack built with PDF carries in its
DOCX the pages of LibreOffice's layout of the ODT; LibreOffice's layout of
that DOCX must put every page reference's bookmark on the page the DOCX
carries for it.

    check_carried.py PACK.docx PACK-DOCX.pdf

PACK-DOCX.pdf is LibreOffice's PDF of PACK.docx itself. Every PAGEREF field
of the DOCX (the front sheet's "Appendix A (pages 6-11)") is read with its
cached result, and its bookmark looked up among the PDF's named
destinations (pdfinfo -dests; LibreOffice writes a name's characters other
than letters, digits and '-' as hex: Appendix_A is Appendix5FA).
"""
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def carried(docx):
    """[(bookmark, cached page)] of every PAGEREF field, in order."""
    root = ET.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    found, instr, result, state = [], "", "", None
    for el in root.iter():
        if el.tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                instr, result, state = "", "", "instr"
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                m = re.match(r"\s*PAGEREF\s+(\S+)", instr)
                if m:
                    found.append((m.group(1), result.strip()))
                state = None
        elif el.tag == W + "instrText" and state == "instr":
            instr += el.text or ""
        elif el.tag == W + "t" and state == "result":
            result += el.text or ""
    return found


def dest_name(bookmark):
    return "".join(c if c.isalnum() and c.isascii() or c == "-"
                   else "%02X" % ord(c) for c in bookmark)


def dests(pdf):
    out = subprocess.run(["pdfinfo", "-dests", pdf], capture_output=True,
                         text=True, check=True).stdout
    pages = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+\[.*\]\s+\"(.*)\"$", line)
        if m:
            pages.setdefault(m.group(2), int(m.group(1)))
    return pages


def main():
    docx, pdf = sys.argv[1:3]
    refs = carried(docx)
    if not refs:
        print("FAIL: %s has no page reference" % docx)
        return 1
    pages = dests(pdf)
    fails = []
    for bookmark, cached in refs:
        page = pages.get(dest_name(bookmark), pages.get(bookmark))
        if page is None:
            fails.append("the DOCX's PDF has no destination %s" % bookmark)
        elif str(page) != cached:
            fails.append("the DOCX carries page %s for %s, but LibreOffice's "
                         "layout of the DOCX puts it on page %d"
                         % (cached, bookmark, page))
    for f in fails:
        print("FAIL: %s" % f)
    if fails:
        return 1
    print("  ok    the DOCX carries the ODT's layout, and its own agrees: "
          "%d page references in %s" % (len(refs), docx.rsplit("/", 1)[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
