"""Validate DOCX packages as Word would read them.

  check_docx.py SCHEMA_DIR FILE.docx...

Every XML part of every package is validated against the ECMA-376
Transitional schemas with xmllint (one run for all of them, so the schemas
are read once), and the children of every w:rPr must come in the order of
the schema's EG_RPrBase group: Word drops run properties out of that order,
which the Transitional schema (a choice there) does not catch. The order is
read from wml.xsd itself."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rpr_order(schema_dir):
    xsd = open(os.path.join(schema_dir, "wml.xsd"), encoding="utf-8").read()
    group = re.search(r'<xsd:group name="EG_RPrBase">(.*?)</xsd:group>', xsd,
                      re.S)
    assert group, "wml.xsd has no EG_RPrBase group"
    names = re.findall(r'<xsd:element name="(\w+)"', group.group(1))
    assert len(names) > 30, "EG_RPrBase lists too few elements"
    return {W + name: i for i, name in enumerate(names)}


def check_rpr_order(path, part, data, order):
    root = ET.fromstring(data)
    for rpr in root.iter(W + "rPr"):
        seen = [(order[c.tag], c.tag) for c in rpr if c.tag in order]
        for (a, ta), (b, tb) in zip(seen, seen[1:]):
            assert a < b, (f"{path}: {part}: w:rPr holds {tb[len(W):]} after "
                           f"{ta[len(W):]}, against EG_RPrBase's order")


def main():
    schema_dir, files = sys.argv[1], sys.argv[2:]
    assert files, "no DOCX to check"
    order = rpr_order(schema_dir)
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for n, path in enumerate(files):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if not name.endswith((".xml", ".rels")):
                        continue
                    data = z.read(name)
                    check_rpr_order(path, name, data, order)
                    out = os.path.join(tmp, str(n), name)
                    os.makedirs(os.path.dirname(out), exist_ok=True)
                    open(out, "wb").write(data)
                    parts.append((out, f"{path}: {name}"))
        run = subprocess.run(
            ["xmllint", "--noout", "--schema",
             os.path.join(schema_dir, "docx-all.xsd")] + [p for p, _ in parts],
            capture_output=True, text=True)
        if run.returncode != 0:
            shown = run.stderr
            for out, label in parts:
                shown = shown.replace(out, label)
            print(shown[-4000:], file=sys.stderr)
            sys.exit(f"FAIL: DOCX parts do not validate against ECMA-376 "
                     f"Transitional")
    print(f"  ok    {len(files)} DOCX packages, {len(parts)} parts: valid "
          f"ECMA-376 Transitional, run properties in Word's order")


if __name__ == "__main__":
    main()
