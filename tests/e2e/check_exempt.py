"""Reads an exempt item's packs back as the public (or a member) would.

  check_exempt.py absent SENTINEL FILE...   the text is nowhere in any FILE:
      in no part of a DOCX or ODT (every XML part, every picture, unzipped),
      in no object of a PDF (streams decoded: text, outline, metadata, tags)
      and not in its text as pdftotext reads it
  check_exempt.py present SENTINEL FILE...  the text is in every FILE's body
  check_exempt.py marked PACK.pdf FIRST NEXT HEADER
      every page from the one opening Appendix FIRST up to the one before
      Appendix NEXT (to the end when NEXT is '-') is headed HEADER, and no
      other page carries it
  check_exempt.py says PACK.pdf REGEX...    the PDF's text matches each REGEX
  check_exempt.py lacks PACK.pdf REGEX...   ... and matches none of these
"""
import os
import re
import subprocess
import sys
import zipfile

from pypdf import PdfReader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2echeck import package_parts  # noqa: E402


def pages_of(pdf):
    count = len(PdfReader(pdf).pages)
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n),
                            "-layout", pdf, "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, count + 1)]


def pdf_objects(pdf):
    """Every object of the PDF as bytes (strings decoded, as repr shows
    them), with each stream's decoded data."""
    reader = PdfReader(pdf)
    # pypdf keeps /Size of a cross-reference stream (qpdf writes one) in
    # neither trailer: count the objects its tables list
    listed = set(reader.xref_objStm)
    for table in reader.xref.values():
        listed |= set(table)
    size = int(reader.trailer.get("/Size", 0)) or max(listed, default=0) + 1
    for num in range(1, size):
        try:
            obj = reader.get_object(num)
        except Exception:
            continue
        if obj is None:
            continue
        data = repr(obj).encode("utf-8", "replace")
        if hasattr(obj, "get_data"):
            data += obj.get_data()
        yield num, data


def utf16(text):
    return text.encode("utf-16-be")


def absent(sentinel, files):
    needles = [sentinel.encode(), utf16(sentinel)]
    for path in files:
        if path.endswith((".docx", ".odt")):
            for name, data in package_parts(path):
                assert not any(n in data for n in needles), \
                    f"{path}: part {name} holds the exempt text"
        elif path.endswith(".pdf"):
            for num, data in pdf_objects(path):
                assert not any(n in data for n in needles), \
                    f"{path}: object {num} holds the exempt text"
            assert sentinel not in "".join(pages_of(path)), \
                f"{path}: its text holds the exempt text"
        else:
            data = open(path, "rb").read()
            assert sentinel.encode() not in data, f"{path} holds the exempt text"


def body_text(path):
    if path.endswith(".pdf"):
        return "".join(pages_of(path))
    part = "word/document.xml" if path.endswith(".docx") else "content.xml"
    with zipfile.ZipFile(path) as z:
        xml = z.read(part).decode("utf-8")
    # the text as a reader gets it, joined across runs and bookmarks
    return xml + "\n" + re.sub(r"<[^>]+>", "", xml)


def present(sentinel, files):
    for path in files:
        assert sentinel in body_text(path), f"{path} lacks {sentinel!r}"


def opening(pages, label):
    for i, text in enumerate(pages):
        if re.search(r"^\s*Appendix %s\s*$" % label, text, re.M):
            return i
    raise AssertionError(f"no page opens Appendix {label}")


def marked(pdf, first, nxt, header):
    pages = pages_of(pdf)
    start = opening(pages, first)
    end = len(pages) if nxt == "-" else opening(pages, nxt)
    assert end - start >= 2, f"{pdf}: the exempt appendices fill one page only"
    for i, text in enumerate(pages):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        top = lines[0] if lines else ""
        if start <= i < end:
            assert top == header, \
                f"{pdf}: page {i + 1} is headed {top!r}, not {header!r}"
        else:
            assert header not in text, f"{pdf}: page {i + 1} says {header!r}"
    print(f"  ok    {pdf.split('/')[-1]}: pages {start + 1}-{end} headed "
          f"{header}, no other page")


def says(pdf, patterns, want=True):
    text = re.sub(r"[ \t\f]+", " ", "\n".join(pages_of(pdf)))
    for p in patterns:
        found = re.search(p, text, re.M) is not None
        assert found == want, \
            f"{pdf}: {'no' if want else 'unwanted'} match for {p!r}"


def main():
    what, args = sys.argv[1], sys.argv[2:]
    if what == "absent":
        absent(args[0], args[1:])
    elif what == "present":
        present(args[0], args[1:])
    elif what == "marked":
        marked(*args)
    elif what == "says":
        says(args[0], args[1:])
    elif what == "lacks":
        says(args[0], args[1:], want=False)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAIL: {e}", file=sys.stderr)
        sys.exit(1)
