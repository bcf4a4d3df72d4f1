"""Writes the bad templates of the corpus into a folder: a Word document
without a styles part, and an ODT whose styles part is a zip bomb (20 MB of
spaces that compress a thousandfold)."""
import sys
import zipfile

out = sys.argv[1]

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
