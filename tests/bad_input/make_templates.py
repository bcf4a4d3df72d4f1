"""Writes the templates of the corpus into a folder: a Word document
without a styles part, an ODT whose styles part is a zip bomb (20 MB of
spaces that compress a thousandfold), a spreadsheet saved as .odt, a DOCX
whose styles are as LibreOffice saves outline-numbered headings (Heading 1
in list 1, Body Text as TextBody, no default paragraph style, no table
style; its headings dark red), the built-in DOCX style with a style
of its own, House Mark, and DOCX templates whose other parts the house
style is read from are bad: a theme declaring an entity, a document part
that is not well-formed.

Usage: make_templates.py FOLDER"""
import os
import sys
import zipfile

out = sys.argv[1]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxml'
                 'formats.org/package/2006/content-types"/>')


def builtin(part):
    with open(os.path.join(ROOT, "templates", part), encoding="utf-8") as f:
        return f.read()


def docx(name, styles, **parts):
    """A DOCX of `styles` and the named parts (word_document_xml is
    word/document.xml)."""
    with zipfile.ZipFile(os.path.join(out, name), "w",
                         zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/styles.xml", styles)
        for key, text in parts.items():
            z.writestr(key.replace("_xml", ".xml").replace("_", "/"), text)


docx("numbered.docx",
     f'<w:styles xmlns:w="{W}">'
     '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/>'
     '</w:style>'
     '<w:style w:type="paragraph" w:styleId="Heading1"><w:name '
     'w:val="heading 1"/><w:next w:val="TextBody"/><w:pPr><w:numPr><w:ilvl '
     'w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:color '
     'w:val="8B0000"/></w:rPr></w:style>'
     '<w:style w:type="paragraph" w:styleId="TextBody"><w:name '
     'w:val="Body Text"/><w:basedOn w:val="Normal"/></w:style>'
     '</w:styles>')
docx("marked.docx", builtin("docx/styles.xml").replace(
    "</w:styles>", '<w:style w:type="paragraph" w:styleId="HouseMark">'
    '<w:name w:val="House Mark"/></w:style></w:styles>'))

docx("bad-theme.docx", builtin("docx/styles.xml"), word_theme_theme1_xml=(
    '<?xml version="1.0"?><!DOCTYPE a:theme [<!ENTITY x "Calibri">]>'
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    '/>'))
docx("bad-document.docx", builtin("docx/styles.xml"), word_document_xml=(
    f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:sectPr>'))

with zipfile.ZipFile(out + "/spreadsheet.odt", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"),
               "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("styles.xml", builtin("odt/styles.xml"))

with zipfile.ZipFile(out + "/no-styles.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0"?><Types xmlns="http://schemas.openxml'
               'formats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml",
               '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
               'openxmlformats.org/wordprocessingml/2006/main"><w:body/>'
               '</w:document>')

with zipfile.ZipFile(out + "/zip-bomb.odt", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"),
               "application/vnd.oasis.opendocument.text")
    with z.open("styles.xml", "w") as part:
        part.write(b'<?xml version="1.0"?><office:document-styles xmlns:'
                   b'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">')
        chunk = b" " * (1 << 20)
        for _ in range(20):
            part.write(chunk)
        part.write(b"</office:document-styles>")
