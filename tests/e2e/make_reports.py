"""Officers' reports as Word and LibreOffice make them, for reports.sh.

word.docx is built by python-docx on its own Word-made template (Word's
styles, numbering and table styles), then given with lxml what
python-docx has no API for: a footnote, a tracked insertion and deletion,
a comment, fields (complex ones, PAGE and a QUOTE whose cached result is
FIELDRESULT, and a simple one), a content control, a hyperlink, a restarted list,
a cell merged down a column, a German Word's heading style. Sentinel words
mark what must never be published (deleted text, a comment, a field's
instruction).

Usage: make_reports.py FOLDER
"""
import io
import re
import sys
import zipfile

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NEVER = ["DELETEDSENTINEL", "COMMENTSENTINEL", "INSTRSENTINEL"]
ALT = "Bar chart of school places by ward"


def png():
    buf = io.BytesIO()
    Image.new("RGB", (240, 120), (30, 90, 160)).save(buf, "PNG")
    buf.seek(0)
    return buf


def localised_heading(document):
    """A German Word's Heading 1: its own id and name, an outline level."""
    style = document.styles.add_style("Überschrift 1", WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = "berschrift1"  # Word drops what is not ASCII
    ppr = style.element.get_or_add_pPr()
    level = etree.SubElement(ppr, qn("w:outlineLvl"))
    level.set(qn("w:val"), "0")
    return style


def hyperlink(paragraph, url, text):
    rid = paragraph.part.relate_to(
        url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = etree.SubElement(paragraph._p, qn("w:hyperlink"))
    link.set(qn("r:id"), rid)
    run = etree.SubElement(link, qn("w:r"))
    t = etree.SubElement(run, qn("w:t"))
    t.text = text


def build_word(path):
    d = docx.Document()
    d.core_properties.author = "Director of Education"
    d.core_properties.title = ""
    d.add_paragraph("Sufficiency of School Places 2026", "Title")
    d.add_heading("Purpose of the report", 1)
    p = d.add_paragraph("This report sets out the ")
    p.add_run("projected demand").bold = True
    p.add_run(" for school places, the ")
    p.add_run("key risks").italic = True
    p.add_run(" and an ")
    p.add_run("underlined").underline = True
    p.add_run(" and a ")
    p.add_run("withdrawn").font.strike = True
    p.add_run(" option. Floor area is 120 m")
    p.add_run("2").font.superscript = True
    p.add_run(" and the water test found H")
    p.add_run("2").font.subscript = True
    p.add_run("O only.@@FOOTNOTE@@")
    p = d.add_paragraph("Decisions are published on ")
    hyperlink(p, "https://www.leicester.gov.uk/", "the council's website")
    p.add_run(". The report was @@INS@@ @@DEL@@ reviewed by officers@@COMMENT@@.")
    d.add_paragraph("This report is on page @@FIELD@@ of its own numbering.")
    d.add_paragraph("The reference is @@QUOTE@@, filed as @@SIMPLE@@.")
    d.add_paragraph("@@SDT@@")
    d.add_heading("Recommendations", 2)
    for text in ["Note the forecast of 1,200 extra places.",
                 "Approve the consultation on two new schools."]:
        d.add_paragraph(text, "List Number")
    d.add_paragraph("Members are also asked to consider:")
    d.add_paragraph("The admissions timetable.", "List Bullet")
    d.add_paragraph("Places for pupils with SEND.", "List Bullet 2")
    d.add_paragraph("Transport to school.", "List Bullet")
    d.add_heading("Background", 2)
    d.add_heading("Method of the forecast", 3)
    d.add_paragraph("Births and migration are projected for each ward.")
    d.add_paragraph("The numbered list below starts again at one.")
    d.add_paragraph("First restarted step.", "List Number")
    d.add_paragraph("Second restarted step.", "List Number")
    p = d.add_paragraph("Ward figures", localised_heading(d))
    table = d.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    rows = [["Ward", "Area", "Places", "Demand"],
            ["Abbey", "North", "420", "450"], ["Belgrave", "", "380", "395"],
            ["Total", "", "800 of 845", ""]]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    header = table.rows[0]._tr.get_or_add_trPr()
    etree.SubElement(header, qn("w:tblHeader"))
    # down a column (w:vMerge), and across a row (w:gridSpan)
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(3, 2).merge(table.cell(3, 3))
    d.add_paragraph("The chart shows the places by ward.")
    d.add_picture(png(), width=Cm(8))
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = \
        section.page_height, section.page_width
    d.add_heading("Wide appendix table", 2)
    d.add_paragraph("This part of the report is landscape.")
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = \
        section.page_height, section.page_width
    d.add_paragraph("Back in portrait for the conclusion.")
    d.save(path)
    finish_word(path)


FOOTNOTES = (
    '<w:footnotes xmlns:w="%s"><w:footnote w:type="separator" w:id="-1">'
    '<w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    '<w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
    '</w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Census figures '
    'for 2021, the latest published.</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>' % W)

COMMENTS = (
    '<w:comments xmlns:w="%s"><w:comment w:id="7" w:author="Reviewer" '
    'w:initials="R"><w:p><w:r><w:t>COMMENTSENTINEL check these figures'
    '</w:t></w:r></w:p></w:comment></w:comments>' % W)

REPLACEMENTS = {
    "@@FOOTNOTE@@": '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    '<w:footnoteReference w:id="1"/></w:r>',
    "@@INS@@": '<w:ins w:id="11" w:author="Officer" '
               'w:date="2026-05-01T10:00:00Z"><w:r><w:t>carefully</w:t></w:r>'
               '</w:ins>',
    "@@DEL@@": '<w:del w:id="12" w:author="Officer" '
               'w:date="2026-05-01T10:00:00Z"><w:r><w:delText>'
               'DELETEDSENTINEL hastily</w:delText></w:r></w:del>',
    "@@COMMENT@@": '<w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">'
                   ' and members</w:t></w:r><w:commentRangeEnd w:id="7"/>'
                   '<w:r><w:commentReference w:id="7"/></w:r>',
    "@@FIELD@@": '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
                 '<w:instrText xml:space="preserve"> PAGE INSTRSENTINEL '
                 '</w:instrText></w:r><w:r><w:fldChar '
                 'w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    # LibreOffice keeps a QUOTE field as its result and its code
    "@@QUOTE@@": '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
                 '<w:instrText xml:space="preserve"> QUOTE "INSTRSENTINEL" '
                 '</w:instrText></w:r><w:r><w:fldChar '
                 'w:fldCharType="separate"/></w:r><w:r><w:t>FIELDRESULT</w:t>'
                 '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    "@@SIMPLE@@": '<w:fldSimple w:instr=" QUOTE INSTRSENTINEL "><w:r>'
                  '<w:t>FIELDSIMPLE</w:t></w:r></w:fldSimple>',
}

SDT = ('<w:sdt><w:sdtPr><w:alias w:val="Decision"/></w:sdtPr><w:sdtContent>'
       '<w:p><w:r><w:t>The decision rests with the Executive.</w:t></w:r>'
       '</w:p></w:sdtContent></w:sdt>')


def finish_word(path):
    """Add what python-docx cannot: notes, changes, a comment, fields."""
    parts = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            parts[name] = z.read(name)
    body = parts["word/document.xml"].decode()
    for marker, xml in REPLACEMENTS.items():
        # the marker sits in a run of its own text: split the run around it,
        # each part keeping its spaces as Word writes them
        body = re.sub(r'(<w:r>(?:(?!<w:r>).)*?<w:t)[^>]*>([^<]*?)' +
                      re.escape(marker) + r'([^<]*)(</w:t></w:r>)',
                      lambda m: (m.group(1) + ' xml:space="preserve">' +
                                 m.group(2) + m.group(4) + xml +
                                 m.group(1) + ' xml:space="preserve">' +
                                 m.group(3) + m.group(4)),
                      body, count=1, flags=re.S)
    body = re.sub(r'<w:p>(?:(?!<w:p>).)*?@@SDT@@.*?</w:p>', SDT, body,
                  count=1, flags=re.S)
    body = restart_second_numbered_list(body, parts)
    parts["word/document.xml"] = body.encode()
    parts["word/footnotes.xml"] = FOOTNOTES.encode()
    parts["word/comments.xml"] = COMMENTS.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="rIdCm" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
        "</Relationships>")
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/comments.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        "</Types>")
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def restart_second_numbered_list(body, parts):
    """The second run of List Number paragraphs starts again at 1: a new
    w:num on the same abstract list with a start override, as Word's
    "Restart at 1" writes."""
    numbering = parts["word/numbering.xml"].decode()
    styles = parts["word/styles.xml"].decode()
    style = re.search(r'<w:style [^>]*w:styleId="ListNumber".*?</w:style>',
                      styles, re.S).group(0)
    num_id = re.search(r'<w:numId w:val="(\d+)"/>', style).group(1)
    abstract = re.search(r'<w:num w:numId="%s">\s*<w:abstractNumId '
                         r'w:val="(\d+)"/>' % num_id, numbering).group(1)
    new_id = "901"
    numbering = numbering.replace(
        "</w:numbering>",
        '<w:num w:numId="%s"><w:abstractNumId w:val="%s"/><w:lvlOverride '
        'w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        "</w:numbering>" % (new_id, abstract))
    parts["word/numbering.xml"] = numbering.encode()
    first = body.index("First restarted step.")
    at = body.rindex('<w:pStyle w:val="ListNumber"/>', 0, first)
    end = at + len('<w:pStyle w:val="ListNumber"/>')
    body = (body[:end] + '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%s"/>'
            '</w:numPr>' % new_id + body[end:])
    second = body.index("Second restarted step.")
    at = body.rindex('<w:pStyle w:val="ListNumber"/>', 0, second)
    end = at + len('<w:pStyle w:val="ListNumber"/>')
    body = (body[:end] + '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%s"/>'
            '</w:numPr>' % new_id + body[end:])
    return body


def set_alt(path):
    """The picture's description, as Word's Alt Text pane sets it."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    body = parts["word/document.xml"].decode()
    body = re.sub(r'(<wp:docPr [^>]*?)(/?>)',
                  lambda m: m.group(1) + ' descr="%s"' % ALT + m.group(2),
                  body, count=1)
    parts["word/document.xml"] = body.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def bomb(path, member, start):
    """Add MEMBER to the zip at PATH: START then 300 MB of spaces, streamed
    through deflate at level 9 (about 300 KB), a ratio near 1000."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        with z.open(member, "w") as f:
            f.write(start)
            spaces = b" " * (1 << 20)
            for _ in range(300):
                f.write(spaces)


def odt(path, parts):
    """An ODT-like zip: mimetype first and stored, then PARTS."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED
                       if name == "mimetype" else zipfile.ZIP_DEFLATED)


def bad_files(folder, word):
    with zipfile.ZipFile(word) as z:
        parts = {n: z.read(n) for n in z.namelist()}

    def write(name, changed=None, drop=()):
        with zipfile.ZipFile("%s/%s" % (folder, name), "w",
                             zipfile.ZIP_DEFLATED) as z:
            for n, data in parts.items():
                if n not in drop:
                    z.writestr(n, (changed or {}).get(n, data))

    with open("%s/not-a-zip.docx" % folder, "w") as f:
        f.write("This is the report, pasted as text.\n")
    with open("%s/encrypted.docx" % folder, "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    types = parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml",
        b"word.document.macroEnabled.main+xml")
    write("macro.docx", {"[Content_Types].xml": types})
    write("no-body.docx", drop=("word/document.xml",))
    write("broken.docx",
          {"word/document.xml": parts["word/document.xml"][:-40]})
    write("bomb.docx", drop=("word/document.xml",))
    bomb("%s/bomb.docx" % folder, "word/document.xml", b"<w:document")
    text = ("mimetype", "application/vnd.oasis.opendocument.text")
    odt("%s/spreadsheet.odt" % folder,
        [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
         ("content.xml", "<office:document-content/>")])
    with open("%s/not-a-zip.odt" % folder, "w") as f:
        f.write("This is the report, pasted as text.\n")
    odt("%s/no-body.odt" % folder,
        [text, ("styles.xml", "<office:document-styles/>")])
    odt("%s/bomb.odt" % folder, [text])
    bomb("%s/bomb.odt" % folder, "content.xml", b"<office:document-content")
    odt("%s/encrypted.odt" % folder, [
        text, ("META-INF/manifest.xml",
               '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
               'opendocument:xmlns:manifest:1.0"><manifest:file-entry '
               'manifest:full-path="content.xml" manifest:media-type='
               '"text/xml"><manifest:encryption-data manifest:checksum-'
               'type="SHA1/1K" manifest:checksum="AAAA"/>'
               '</manifest:file-entry></manifest:manifest>'),
        ("content.xml", bytes(range(256)))])
    odt("%s/broken.odt" % folder,
        [text, ("content.xml", "<office:document-content")])


def build_undescribed(path):
    """A picture with no alt text, as python-docx leaves it."""
    d = docx.Document()
    d.add_paragraph("Site plan", "Title")
    d.add_heading("The site", 1)
    d.add_paragraph("The plan of the new school's site.")
    d.add_picture(png(), width=Cm(6))
    d.add_heading("Access road", 3)
    d.add_paragraph("A heading two levels down, which check points out.")
    d.save(path)


def build_wide(path):
    """A report landscape from its first page, as a slide handout is."""
    d = docx.Document()
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width
    d.add_paragraph("Slide notes", "Title")
    d.add_paragraph("A wide report, landscape from its first page.")
    d.save(path)


def build_exempt(path):
    """An exempt report: its sentinel must reach only the private pack."""
    d = docx.Document()
    d.add_paragraph("Staffing restructure", "Title")
    d.add_paragraph("EXEMPTSENTINEL: the posts of named staff.")
    d.save(path)


def main():
    folder = sys.argv[1]
    build_exempt("%s/exempt.docx" % folder)
    build_wide("%s/wide.docx" % folder)
    word = "%s/word.docx" % folder
    build_word(word)
    set_alt(word)
    build_undescribed("%s/no-alt.docx" % folder)
    bad_files(folder, word)


if __name__ == "__main__":
    main()
