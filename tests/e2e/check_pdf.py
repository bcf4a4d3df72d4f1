"""Check the PDF scrutineer publishes, and the page numbers it wrote back.

check_pdf.py pages PACK.docx DOCX.pdf PACK.odt ODT.pdf [OTHER.pdf ...]
    Each PAGEREF's cached value in the DOCX equals the page on which that
    appendix starts in DOCX.pdf (LibreOffice's layout of the DOCX); each
    bookmark-ref's cached value in the ODT equals its start in ODT.pdf, and
    in every OTHER.pdf (the same layout made again).
check_pdf.py pack PACK.pdf PACK.odt AGENDA.md
    Tagged PDF/UA with the document's title and language; an outline entry
    for every agenda item and every appendix, the appendix's entry on its
    first page; links from the front sheet to every appendix's first page;
    only Liberation fonts, all embedded.
check_pdf.py doc DOC.pdf DOC.odt HEADING...
    Tagged, titled, in en-GB, with outline entries starting with each
    HEADING (minutes, tracker).
"""
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import pypdf
from odf import opendocument, teletype, text as odftext

from check_pages import pages_of

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2echeck import link_target  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)
    return cond


def finish():
    sys.exit(1 if failures else 0)


# ---- page numbers ----------------------------------------------------------

def appendix_starts(pdf):
    """{"A": 5, ...}: the first page with a line "Appendix X" alone."""
    starts = {}
    for number, page in enumerate(pages_of(pdf), 1):
        for label in re.findall(r"^\s*Appendix ([A-Z]+)\s*$", page, re.M):
            starts.setdefault(label, number)
    return starts


def appendix_spans(pdf):
    """appendix_starts, with "A_end": 9 ...: the page before the next
    appendix's (the last page for the last): each appendix starts a page."""
    spans = appendix_starts(pdf)
    order = sorted(spans, key=spans.get)
    for k, label in enumerate(order):
        following = spans[order[k + 1]] if k + 1 < len(order) else None
        spans[label + "_end"] = following - 1 if following else \
            len(pages_of(pdf))
    return spans


def docx_pagerefs(path):
    """[(bookmark, cached text)] of every PAGEREF field, in order."""
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    refs, field = [], None
    for e in root.iter():
        if e.tag == W + "fldChar":
            kind = e.get(W + "fldCharType")
            if kind == "begin":
                field = {"instr": "", "result": "", "in_result": False}
            elif kind == "separate" and field:
                field["in_result"] = True
            elif kind == "end" and field:
                m = re.match(r"\s*PAGEREF\s+(\S+)", field["instr"])
                if m:
                    refs.append((m.group(1), field["result"]))
                field = None
        elif e.tag == W + "instrText" and field:
            field["instr"] += e.text or ""
        elif e.tag == W + "t" and field and field["in_result"]:
            field["result"] += e.text or ""
    return refs


def odt_pagerefs(path):
    """[(bookmark, cached text)] of every page bookmark-ref, via odfpy."""
    doc = opendocument.load(path)
    return [(r.getAttribute("refname"), teletype.extractText(r))
            for r in doc.getElementsByType(odftext.BookmarkRef)
            if r.getAttribute("referenceformat") == "page"]


def compare(doc, refs, starts, pdf):
    check(refs, "%s has no page references" % doc)
    for bookmark, cached in refs:
        label = bookmark.replace("Appendix_", "")
        if check(label in starts, "%s: no page of %s opens Appendix %s"
                 % (doc, pdf, label.replace("_end", " (its end)"))):
            check(cached.strip() == str(starts[label]),
                  "%s: %s shows page %s; %s has it on page %d"
                  % (doc, bookmark, cached, pdf, starts[label]))
    if not failures:
        print("  ok    %s: every cached page equals %s (%s)"
              % (doc, pdf, ", ".join("%s %s" % (b.replace("Appendix_", ""), c) for b, c in refs)))


def cmd_pages(docx, docx_pdf, odt, odt_pdf, *others):
    compare(docx, docx_pagerefs(docx), appendix_spans(docx_pdf), docx_pdf)
    compare(odt, odt_pagerefs(odt), appendix_spans(odt_pdf), odt_pdf)
    odt_starts = appendix_starts(odt_pdf)
    for other in others:
        check(appendix_starts(other) == odt_starts,
              "%s and %s lay the appendices out differently" % (other, odt_pdf))
    finish()


# ---- the PDF's structure ---------------------------------------------------

def odt_title(odt):
    meta = ET.fromstring(zipfile.ZipFile(odt).read("meta.xml"))
    return meta.find(".//" + DC_TITLE).text


def pdfinfo(pdf, *flags):
    return subprocess.run(["pdfinfo", *flags, pdf], capture_output=True,
                          text=True, check=True).stdout


def outline(reader):
    """[(title, page)] of every outline entry, depth first."""
    entries = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                entries.append((item.title,
                                reader.get_destination_page_number(item) + 1))
    walk(reader.outline)
    return entries


def check_accessible(pdf, odt):
    """Tagged PDF/UA, the document's title shown, language en-GB."""
    info = pdfinfo(pdf)
    title = odt_title(odt)
    check(re.search(r"^Tagged:\s+yes$", info, re.M), "%s is not tagged" % pdf)
    check(re.search(r"^Title:\s+%s$" % re.escape(title), info, re.M),
          "%s's title is not '%s'" % (pdf, title))
    check("<pdfuaid:part>1</pdfuaid:part>" in pdfinfo(pdf, "-meta"),
          "%s does not claim PDF/UA-1" % pdf)
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    check(root.get("/Lang") == "en-GB", "%s's language is %s, not en-GB"
          % (pdf, root.get("/Lang")))
    check("/StructTreeRoot" in root, "%s has no structure tree" % pdf)
    check(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"),
          "%s does not ask viewers to show its title" % pdf)
    if not failures:
        print("  ok    %s: tagged, PDF/UA-1, title '%s', language en-GB"
              % (pdf, title))
    return reader


def agenda_items(agenda):
    """The agenda's items as the pack numbers them: "3. Minutes of ..."."""
    body = open(agenda, encoding="utf-8").read().split("\n---\n", 1)[1]
    titles = re.findall(r"^## (.+?)\s*(?:\{[^}]*\})?\s*$", body, re.M)
    return ["%d. %s" % (i + 1, t) for i, t in enumerate(titles)]


def check_outline(pdf, reader, agenda, starts):
    entries = outline(reader)
    check(reader.trailer["/Root"].get("/PageMode") == "/UseOutlines",
          "%s does not open with its outline shown" % pdf)
    titles = [t for t, _ in entries]
    for item in agenda_items(agenda):
        check(item in titles, "%s's outline lacks agenda item '%s'"
              % (pdf, item))
    for label, page in sorted(starts.items()):
        found = [(t, p) for t, p in entries
                 if t.startswith("Appendix %s " % label)]
        if check(found, "%s's outline lacks Appendix %s" % (pdf, label)):
            check(found[0][1] == page, "%s's outline takes Appendix %s to "
                  "page %d, not %d" % (pdf, label, found[0][1], page))
    if not failures:
        print("  ok    %s: outline of %d entries has every agenda item and "
              "Appendix %s" % (pdf, len(entries), ", ".join(sorted(starts))))


def check_links(pdf, reader, starts, ends):
    """Every front-sheet reference links to its appendix's first page, and
    the last page of a reference's range to the appendix's last."""
    front = min(starts.values()) - 1
    targets = []
    for page in reader.pages[:front]:
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                target = link_target(reader, annot)
                if target is not None:
                    targets.append(target)
    for label, page in sorted(starts.items()):
        check(targets.count(page) >= 2, "%s: the front sheet has %d links to "
              "Appendix %s's page %d; want the label and the page number"
              % (pdf, targets.count(page), label, page))
    check(set(targets) <= set(starts.values()) | set(ends.values()),
          "%s: front-sheet links go to pages %s, not only appendix starts and "
          "ends" % (pdf, sorted(set(targets))))
    if not failures:
        print("  ok    %s: %d internal links on the front sheet, each to an "
              "appendix's first page" % (pdf, len(targets)))


def check_fonts(pdf):
    listing = subprocess.run(["pdffonts", pdf], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    check(listing, "%s lists no fonts" % pdf)
    for line in listing:
        name, emb = line.split()[0], line.split()[-4]
        check("Liberation" in name, "%s uses %s, not a Liberation font"
              % (pdf, name))
        check(emb == "yes", "%s does not embed %s" % (pdf, name))
    if not failures:
        print("  ok    %s: %d fonts, all Liberation, all embedded"
              % (pdf, len(listing)))


def structure_roles(reader):
    """How many structure elements of each role the PDF's tag tree has."""
    roles = {}
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                roles[node["/S"]] = roles.get(node["/S"], 0) + 1
            if "/K" in node:
                todo.append(node["/K"])
        elif isinstance(node, pypdf.generic.ArrayObject):
            todo.extend(node)
    return roles


def check_structure(pdf, reader, wanted):
    roles = structure_roles(reader)
    for role in wanted:
        check(roles.get(role), "%s's structure tree has no %s" % (pdf, role))
    if not failures:
        print("  ok    %s: structure tree has %s" % (pdf, ", ".join(
            "%d %s" % (roles[r], r[1:]) for r in wanted)))


def cmd_pack(pdf, odt, agenda):
    reader = check_accessible(pdf, odt)
    check_structure(pdf, reader,
                    ["/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD",
                     "/Link"])
    starts = appendix_starts(pdf)
    check(len(starts) == 7, "%s: appendices found %s" % (pdf, sorted(starts)))
    check_outline(pdf, reader, agenda, starts)
    spans = appendix_spans(pdf)
    check_links(pdf, reader, starts,
                {k: v for k, v in spans.items() if k.endswith("_end")})
    check_fonts(pdf)
    finish()


def cmd_doc(pdf, odt, *headings):
    reader = check_accessible(pdf, odt)
    titles = [t for t, _ in outline(reader)]
    for h in headings:
        check(any(t.startswith(h) for t in titles),
              "%s's outline has no entry starting '%s'" % (pdf, h))
    check_fonts(pdf)
    if not failures:
        print("  ok    %s: outline of %d entries" % (pdf, len(titles)))
    finish()


COMMANDS = {"pages": cmd_pages, "pack": cmd_pack, "doc": cmd_doc}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
