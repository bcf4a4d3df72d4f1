"""Reads back the documents an awkward-input case built: every DOCX and ODT
is a zip whose XML parts all parse and hold no character XML 1.0 forbids;
the CSV parses; and the text CHECK names is in both packs.

Usage: read_back.py FOLDER contains:TEXT"""
import csv
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text_of(root):
    return "".join(root.itertext())


def read_package(path):
    """The body text of a package, after checking every XML part."""
    body = ""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, f"{path.name}: corrupt member"
        for name in z.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            data = z.read(name).decode("utf-8")
            bad = FORBIDDEN.search(data)
            assert not bad, f"{path.name}:{name}: holds U+{ord(bad.group()):04X}"
            root = ET.fromstring(data)
            if name in ("word/document.xml", "content.xml"):
                body = text_of(root)
    return body


def main():
    folder, check = Path(sys.argv[1]), sys.argv[2]
    packages = sorted(folder.glob("*.docx")) + sorted(folder.glob("*.odt"))
    assert len(packages) == 6, f"want 6 documents, got {packages}"
    texts = {p.name: read_package(p) for p in packages}
    for p in folder.glob("*.csv"):
        with open(p, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows and rows[0][0] == "ID", f"{p.name}: no header row"
    kind, _, want = check.partition(":")
    assert kind == "contains", check
    for name, text in texts.items():
        if "agenda-pack" in name:
            assert want in text, f"{name}: '{want[:60]}' not in the pack"
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print(f"read_back: {e}", file=sys.stderr)
        sys.exit(1)
