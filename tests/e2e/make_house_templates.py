"""The sources of the house templates house.sh has the real applications
make. Nothing here is a template itself: LibreOffice and python-docx make
them, as a council would.

    make_house_templates.py FOLDER

writes into FOLDER:

- numbered.fodt, a LibreOffice document with outline-numbered headings
  (Tools > Heading Numbering: 1., 1.1., 1.1.1., each number in a label
  followed by a tab), headings dark green, body text ("Text body", Body
  Text in LibreOffice 7.6 and later) in Liberation Serif over a Liberation
  Sans default, a table, 2.2 cm margins and the logo in the header of
  the first page alone (Format > Page Style > Header, "Same content on
  first page" off). house.sh saves it with soffice --convert-to as a DOCX
  and as an ODT: the templates LibreOffice makes;
- word.docx, the template python3-docx ships (docx/templates/default.docx,
  saved by Microsoft Word), edited with python-docx as a council would in
  Word: a serif body font, coloured headings, 2.5 cm margins and a logo
  in its header;
- logo.png, that logo.
"""
import base64
import os
import struct
import sys
import zlib

import docx
from docx.shared import Cm, RGBColor

OUT = sys.argv[1]
HEADING_COLOUR = "#006600"
WORD_HEADING_COLOUR = RGBColor(0x7B, 0x1F, 0xA2)
BODY_FONT = "Liberation Serif"

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}
LIBREOFFICE_MARGIN = "2.2cm"
LOGO_ALT = "Council logo"


def outline_level(level):
    """Heading Numbering's level: "1.", "1.1." or "1.1.1.", its label a
    tab stop wide."""
    return (
        f'<text:outline-level-style text:level="{level}" '
        f'style:num-format="1" style:num-suffix="." '
        f'text:display-levels="{level}"><style:list-level-properties '
        f'text:list-level-position-and-space-mode="label-alignment">'
        f'<style:list-level-label-alignment text:label-followed-by="listtab" '
        f'text:list-tab-stop-position="1.27cm" fo:text-indent="-1.27cm" '
        f'fo:margin-left="1.27cm"/></style:list-level-properties>'
        f'</text:outline-level-style>')


def heading_style(level):
    return (
        f'<style:style style:name="Heading_20_{level}" '
        f'style:display-name="Heading {level}" style:family="paragraph" '
        f'style:parent-style-name="Heading" '
        f'style:next-style-name="Text_20_body" '
        f'style:default-outline-level="{level}" style:class="text">'
        f'<style:text-properties fo:font-size="{18 - 2 * level}pt" '
        f'fo:font-weight="bold" fo:color="{HEADING_COLOUR}"/></style:style>')


def page(logo):
    """2.2 cm margins at the sides, and the logo in the first page's header,
    the other pages' header a line of text."""
    frame = (
        '<draw:frame draw:name="Logo" text:anchor-type="as-char" '
        'svg:width="4cm" svg:height="1.333cm"><draw:image>'
        f'<office:binary-data>{base64.b64encode(logo).decode()}'
        '</office:binary-data></draw:image>'
        f'<svg:title>{LOGO_ALT}</svg:title></draw:frame>')
    return (
        '<office:automatic-styles><style:page-layout style:name="pm1">'
        '<style:page-layout-properties fo:page-width="21cm" '
        'fo:page-height="29.7cm" fo:margin-top="1cm" fo:margin-bottom="1.5cm" '
        f'fo:margin-left="{LIBREOFFICE_MARGIN}" '
        f'fo:margin-right="{LIBREOFFICE_MARGIN}"/>'
        '<style:header-style><style:header-footer-properties '
        'fo:min-height="1cm" fo:margin-bottom="0.5cm"/></style:header-style>'
        '</style:page-layout></office:automatic-styles>'
        '<office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="pm1"><style:header><text:p>Committee '
        'papers</text:p></style:header><style:header-first>'
        f'<text:p>{frame}</text:p></style:header-first></style:master-page>'
        '</office:master-styles>')


def fodt(logo):
    decls = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items())
    fonts = "".join(
        f'<style:font-face style:name="{f}" svg:font-family="\'{f}\'" '
        f'style:font-family-generic="{g}" style:font-pitch="variable"/>'
        for f, g in (("Liberation Sans", "swiss"),
                     ("Liberation Serif", "roman")))
    styles = (
        '<style:default-style style:family="paragraph">'
        '<style:text-properties style:font-name="Liberation Sans" '
        'fo:font-size="11pt" fo:language="en" fo:country="GB"/>'
        '</style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph" '
        'style:class="text"/>'
        '<style:style style:name="Heading" style:family="paragraph" '
        'style:parent-style-name="Standard" '
        'style:next-style-name="Text_20_body" style:class="text">'
        '<style:paragraph-properties fo:margin-top="0.423cm" '
        'fo:margin-bottom="0.212cm" fo:keep-with-next="always"/>'
        '<style:text-properties style:font-name="Liberation Sans"/>'
        '</style:style>'
        '<style:style style:name="Text_20_body" style:display-name="Text '
        'body" style:family="paragraph" style:parent-style-name="Standard" '
        'style:class="text"><style:paragraph-properties '
        'fo:margin-top="0cm" fo:margin-bottom="0.247cm"/>'
        f'<style:text-properties style:font-name="{BODY_FONT}"/>'
        '</style:style>'
        '<style:style style:name="Table_20_Contents" '
        'style:display-name="Table Contents" style:family="paragraph" '
        'style:parent-style-name="Standard" style:class="extra"/>'
        + "".join(heading_style(level) for level in (1, 2, 3)) +
        '<text:outline-style style:name="Outline">'
        + "".join(outline_level(level) for level in (1, 2, 3)) +
        '</text:outline-style>')
    body = (
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">'
        'Agenda</text:h>'
        '<text:p text:style-name="Text_20_body">The house style of the '
        'council.</text:p>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">'
        'Welcome and apologies</text:h>'
        '<table:table table:name="Members"><table:table-column '
        'table:number-columns-repeated="2"/><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p '
        'text:style-name="Table_20_Contents">Chair</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string">'
        '<text:p text:style-name="Table_20_Contents">Councillor</text:p>'
        '</table:table-cell></table:table-row></table:table>'
        '<text:h text:style-name="Heading_20_3" text:outline-level="3">'
        'Apologies</text:h>'
        '<text:p text:style-name="Text_20_body">None.</text:p>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {decls} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f'<office:font-face-decls>{fonts}</office:font-face-decls>'
        f'<office:styles>{styles}</office:styles>{page(logo)}'
        f'<office:body><office:text>{body}</office:text></office:body>'
        '</office:document>\n')


def png(width, height, rgb):
    """A PNG of one colour, with a white band across its middle."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b""
    for y in range(height):
        colour = bytes((255, 255, 255)) if height // 3 <= y < 2 * height // 3 \
            else bytes(rgb)
        rows += b"\0" + colour * width
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0,
                                       0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def word_template(logo):
    """python-docx's Word template, as a council edits it."""
    doc = docx.Document()  # docx/templates/default.docx
    for name in ("Normal", "Body Text"):
        doc.styles[name].font.name = BODY_FONT
    for level in (1, 2, 3):
        doc.styles["Heading %d" % level].font.color.rgb = WORD_HEADING_COLOUR
    section = doc.sections[0]
    for side in ("left_margin", "right_margin", "top_margin",
                 "bottom_margin"):
        setattr(section, side, Cm(2.5))
    shape = section.header.paragraphs[0].add_run().add_picture(logo,
                                                                width=Cm(4))
    # Word's Format Picture > Alt Text
    shape._inline.docPr.set("descr", LOGO_ALT)
    return doc


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "numbered.fodt"), "w", encoding="utf-8") as f:
        f.write(fodt(png(240, 80, (0x00, 0x66, 0x00))))
    logo = os.path.join(OUT, "logo.png")
    with open(logo, "wb") as f:
        f.write(png(240, 80, (0x7B, 0x1F, 0xA2)))
    word_template(logo).save(os.path.join(OUT, "word.docx"))


main()
