"""Open a pack as readers' tools do: every XML part well-formed and every
listed part present; python-docx and odfpy open the documents; headings use
heading styles; table header rows repeat; title and language are set.
Usage: check_package.py PACK.docx PACK.odt [APPENDICES]
(APPENDICES: how many appendix headings to expect; 0 for a document that is
not a pack, 7 by default)"""
import re
import sys
import zipfile
import xml.dom.minidom

import docx
from odf import opendocument, table, teletype, text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)


def well_formed(z):
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                xml.dom.minidom.parseString(z.read(name))
            except Exception as e:  # any parse error fails the test
                check(False, "%s is not well-formed: %s" % (name, e))


def check_docx(path, appendices):
    z = zipfile.ZipFile(path)
    well_formed(z)
    names = set(z.namelist())
    types = xml.dom.minidom.parseString(z.read("[Content_Types].xml"))
    for o in types.getElementsByTagName("Override"):
        part = o.getAttribute("PartName").lstrip("/")
        check(part in names, "DOCX lists %s but lacks it" % part)
    rels = xml.dom.minidom.parseString(z.read("word/_rels/document.xml.rels"))
    for r in rels.getElementsByTagName("Relationship"):
        if r.getAttribute("TargetMode") != "External":
            part = "word/" + r.getAttribute("Target")
            check(part in names, "DOCX relates %s but lacks it" % part)
    d = docx.Document(path)
    check(d.core_properties.title, "DOCX has no title")
    check(d.core_properties.language == "en-GB", "DOCX language is not en-GB")
    # an appendix opens with "Appendix X", a line break, and its title
    headings = [p for p in d.paragraphs
                if re.match(r"Appendix [A-Z]+\n", p.text)]
    check(len(headings) == appendices,
          "DOCX has %d appendix headings" % len(headings))
    for p in headings:
        check(p.style.name == "Heading 1",
              "appendix heading '%s' has style %s" % (p.text, p.style.name))
    items = [
        p for p in d.paragraphs if p.style.name == "Heading 2"]
    if appendices:
        check(any(p.text.startswith("15. ") for p in items),
              "DOCX agenda items are not Heading 2 paragraphs")
        check(len(d.tables) > 0, "DOCX has no tables")
    for i, t in enumerate(d.tables):
        tr = t.rows[0]._tr
        check(tr.find(".//{%s}tblHeader" % W) is not None,
              "DOCX table %d's header row does not repeat" % (i + 1))
    print("  ok    %s: python-docx opens it; %d paragraphs, %d tables"
          % (path, len(d.paragraphs), len(d.tables)))


def check_odt(path, appendices):
    z = zipfile.ZipFile(path)
    well_formed(z)
    check(z.namelist()[0] == "mimetype", "ODT mimetype is not the first part")
    check(z.read("mimetype") == b"application/vnd.oasis.opendocument.text",
          "ODT mimetype is wrong")
    names = set(z.namelist())
    manifest = xml.dom.minidom.parseString(z.read("META-INF/manifest.xml"))
    for e in manifest.getElementsByTagName("manifest:file-entry"):
        part = e.getAttribute("manifest:full-path")
        if part != "/" and not part.endswith("/"):
            check(part in names, "ODT manifest lists %s but it is missing" % part)
    doc = opendocument.load(path)
    hs = doc.getElementsByType(text.H)
    appendix = [h for h in hs if re.match(r"Appendix [A-Z]+\n", teletype.extractText(h))]
    check(len(appendix) == appendices,
          "ODT has %d appendix headings" % len(appendix))
    for h in appendix:
        check(h.getAttribute("outlinelevel") == "1",
              "ODT appendix heading is not outline level 1")
    # the body's tables, as python-docx lists the DOCX's: the footer's
    # table of one row lays out its name and page number
    tables = doc.text.getElementsByType(table.Table)
    check(len(tables) > 0 or not appendices, "ODT has no tables")
    for i, t in enumerate(tables):
        check(len(t.getElementsByType(table.TableHeaderRows)) == 1,
              "ODT table %d has no repeating header rows" % (i + 1))
    meta = z.read("meta.xml").decode()
    check("<dc:title>" in meta, "ODT has no title")
    check("<dc:language>en-GB</dc:language>" in meta, "ODT language is not en-GB")
    print("  ok    %s: odfpy opens it; %d headings, %d tables"
          % (path, len(hs), len(tables)))


count = int(sys.argv[3]) if len(sys.argv) > 3 else 7
check_docx(sys.argv[1], count)
check_odt(sys.argv[2], count)
sys.exit(1 if failures else 0)
