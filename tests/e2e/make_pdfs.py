"""PDFs as councils attach them, made by the programs that make them: a
slide deck printed by Chromium, a letter LibreOffice exported, a scan with
no text layer saved by Pillow, and the bad ones made from real files with
qpdf, nothing written by hand.

    make_pdfs.py OUTDIR [NAME...]

makes the named PDFs (every one when none is named) in OUTDIR:

  deck.pdf       4 slides of 16 x 9 in from Chromium's print to PDF, titled
                 "Budget briefing for members" (its <title>)
  letter.pdf     a letter of 2 A4 portrait pages from LibreOffice, titled
                 "Letter from the Schools Forum" (its ODT's dc:title)
  scan.pdf       one A4 page that is only a picture, with no Info /Title
  plan.pdf       a site plan on one A1 landscape page (33.1 x 23.4 in, over
                 Word's largest page of 22 in) from Chromium, titled "Site
                 plan: Belgrave primary expansion"
  max-pages.pdf  500 pages, the most an appendix may have: letter.pdf's
                 pages again and again, by `qpdf letter.pdf --pages`
                 (which keeps its title)
  encrypted.pdf  letter.pdf encrypted by qpdf, user and owner passwords
  owner-only.pdf letter.pdf encrypted by qpdf with an owner password only:
                 it opens without a password, but is encrypted all the same
  truncated.pdf  the first half of letter.pdf's bytes
  nopages.pdf    `qpdf --empty`: a catalogue whose page tree has no kids,
                 /Count 0, as qpdf writes it; poppler says "Invalid page
                 count 0"
  many.pdf       501 pages: letter.pdf's pages again and again, by
                 `qpdf letter.pdf --pages`
  big.pdf        letter.pdf with a 105 MiB file of random bytes embedded by
                 `qpdf --add-attachment`: 110 MB, over the 100 MB limit
  notpdf.pdf     a PNG Pillow drew, named .pdf
  tiny.pdf       a stamp of 0.4 x 0.4 in from Chromium: under half an inch
  banner.pdf     a banner of 250 x 10 in from Chromium: over 200 in, PDF's
                 own largest page

Each page's text is what poppler's pdftotext reads from it: the tests compare
against that, not against the strings here. Needs chromium, soffice, qpdf,
odfpy and Pillow.
"""
import os
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw

# A title on each slide, each in the text layer of its own page only.
SLIDES = (
    ("Slide one: Budget 2027/28",
     ("Net revenue budget of \u00a3412.6m", "Savings of \u00a318.2m still to find",
      "Council tax rise capped at 4.99%")),
    ("Slide two: School places by ward",
     ("Demand rises fastest in Belgrave and Rushey Mead",
      "Three primary schools expand by one form of entry",
      "Secondary places short from September 2028")),
    ("Slide three: Home to school transport",
     ("Routes reviewed with every special school",
      "Independent travel training offered to 140 pupils")),
    ("Slide four: Next steps and consultation",
     ("Public consultation from 1 July to 12 August",
      "Scrutiny's comments go to the Executive in September",
      "Final budget set by full Council in February")),
)
# at the foot of every slide, where a footer laid over the page would fall
SOURCE_LINE = "Source: finance model, version three"
DECK_TITLE = "Budget briefing for members"
LETTER_TITLE = "Letter from the Schools Forum"
ATTACHMENT_BYTES = 105 * 1024 * 1024
MANY_PAGES = 501
MAX_PAGES = 500
PLAN_TITLE = "Site plan: Belgrave primary expansion"


def run(cmd, **kw):
    """Run a producer; exit with its words when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.exit("make_pdfs: %s failed (%d):\n%s%s" % (
            cmd[0], done.returncode, done.stdout[-2000:], done.stderr[-2000:]))
    return done


# ---- the good ones ------------------------------------------------------------

def deck_html():
    """Four slides, each a section the size of the page."""
    from html import escape
    slides = []
    for title, bullets in SLIDES:
        items = "".join("<li>%s</li>" % escape(b) for b in bullets)
        slides.append("<section><h1>%s</h1><ul>%s</ul><p>%s</p></section>"
                      % (escape(title), items, escape(SOURCE_LINE)))
    return """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>%s</title>
<style>
@page { size: 16in 9in; margin: 0 }
html, body { margin: 0; padding: 0 }
section { width: 16in; height: 9in; box-sizing: border-box; overflow: hidden;
  position: relative;
  padding: 0.9in 1.1in; break-after: page;
  font-family: "Liberation Sans", sans-serif; background: #f4f6fa }
section:last-child { break-after: auto }
h1 { font-size: 54pt; margin: 0 0 0.5in; color: #1d3557 }
li { font-size: 32pt; margin: 0.18in 0 }
p { position: absolute; left: 1.1in; bottom: 0.3in; margin: 0; font-size: 20pt }
</style></head><body>
%s
</body></html>
""" % (escape(DECK_TITLE), "\n".join(slides))


def print_html(html, pdf, work):
    """Chromium's print to PDF of the page html (a string)."""
    page = os.path.join(work, os.path.basename(pdf) + ".html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(html)
    # as root Chromium runs only without its sandbox; a profile of its own
    # so that it runs beside another Chromium
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--no-pdf-header-footer", "--user-data-dir=" + os.path.join(work, "chromium"),
         "--print-to-pdf=" + pdf, "file://" + page], timeout=180)


def make_deck(out, work):
    print_html(deck_html(), os.path.join(out, "deck.pdf"), work)


def plan_html():
    """A plan as an architect's drawing prints: one A1 sheet of outlines
    and labels."""
    blocks = "".join(
        '<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333" '
        'stroke-width="4"/><text x="%d" y="%d" font-size="40">%s</text>'
        % (x, y, w, h, x + 20, y + 60, label) for x, y, w, h, label in (
            (200, 400, 900, 600, "Existing school"),
            (1200, 400, 700, 600, "New classroom block"),
            (200, 1100, 1700, 300, "Playground"),
            (2000, 400, 800, 1000, "Car park")))
    return """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>%s</title>
<style>@page { size: 841mm 594mm; margin: 0 } html, body { margin: 0 }
svg { display: block; width: 841mm; height: 593mm }</style></head><body>
<svg viewBox="0 0 3180 2245" xmlns="http://www.w3.org/2000/svg"
 font-family="Liberation Sans, sans-serif">
<text x="200" y="250" font-size="90">%s</text>%s
<text x="200" y="2100" font-size="36">Scale 1:200 at A1. Drawing 2026/117 revision C</text>
</svg></body></html>
""" % (PLAN_TITLE, PLAN_TITLE, blocks)


def make_plan(out, work):
    print_html(plan_html(), os.path.join(out, "plan.pdf"), work)


LETTER_PAGE_ONE = (
    "Schools Forum, City Hall, 115 Charles Street, Leicester LE1 1FZ",
    "3 June 2026",
    "Dear Chair of the Children, Young People and Education Scrutiny Commission,",
    "Funding for school places in 2027/28",
) + tuple(
    "The Forum met on %d May and considered the authority's proposals for the "
    "growth fund. Members asked that the formula for new classes be published "
    "with the budget, and that schools taking bulge classes be told of their "
    "allocation before the summer term ends. Paragraph %d of our response sets "
    "out the figures we were given." % (n + 10, n + 1) for n in range(6))

LETTER_PAGE_TWO = (
    "The ward figures",
) + tuple(
    "On the second page we set out what the Forum would ask of the "
    "Commission: item %d, that the transport savings be reviewed after one "
    "term, and that the consultation include the parents of pupils with "
    "special educational needs." % (n + 1) for n in range(3)) + (
    "Yours sincerely,",
    "Chair of the Schools Forum",
)


def letter_odt(path):
    """A two-page A4 letter, its second page after a page break."""
    from odf.opendocument import OpenDocumentText
    from odf.style import (PageLayout, PageLayoutProperties, MasterPage, Style,
                           ParagraphProperties, TextProperties)
    from odf.text import P, H
    from odf import dc

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=LETTER_TITLE))
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(
        pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
        margintop="2cm", marginbottom="2cm", marginleft="2.5cm",
        marginright="2.5cm"))
    doc.automaticstyles.addElement(layout)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))
    body = Style(name="Body", family="paragraph")
    body.addElement(ParagraphProperties(marginbottom="0.3cm"))
    body.addElement(TextProperties(fontname="Liberation Serif", fontsize="12pt",
                                   fontfamily="Liberation Serif"))
    doc.styles.addElement(body)
    heading = Style(name="Subject", family="paragraph", parentstylename=body)
    heading.addElement(TextProperties(fontweight="bold", fontsize="14pt"))
    doc.styles.addElement(heading)
    second = Style(name="SecondPage", family="paragraph", parentstylename=heading)
    second.addElement(ParagraphProperties(breakbefore="page"))
    doc.automaticstyles.addElement(second)
    for n, line in enumerate(LETTER_PAGE_ONE):
        if n == 3:
            doc.text.addElement(H(outlinelevel=1, stylename=heading, text=line))
        else:
            doc.text.addElement(P(stylename=body, text=line))
    for n, line in enumerate(LETTER_PAGE_TWO):
        doc.text.addElement(P(stylename=second if n == 0 else body, text=line))
    doc.save(path)


def make_letter(out, work):
    odt = os.path.join(work, "letter.odt")
    letter_odt(odt)
    run(["soffice", "-env:UserInstallation=file://" + os.path.join(work, "lo"),
         "--headless", "--convert-to", "pdf", "--outdir", out, odt], timeout=300)


def scan_image():
    """A letter as a scanner sees it: a logo, lines of 'text' as grey bars,
    a signature; no text for any reader to find."""
    im = Image.new("L", (1240, 1754), 250)  # A4 at 150 dpi
    d = ImageDraw.Draw(im)
    d.rectangle((110, 110, 420, 230), fill=70)
    d.ellipse((140, 130, 220, 210), fill=230)
    for y in range(360, 1380, 44):
        right = 1120 if (y // 44) % 5 else 760
        d.line((130, y, right, y), fill=140, width=7)
    d.line((150, 1500, 220, 1450, 290, 1520, 380, 1460, 470, 1510), fill=40,
           width=5)
    return im


def make_scan(out, work):
    # title="" so that Pillow writes no Info /Title (it would write the
    # file's stem): the pack then names the appendix by the stem itself
    scan_image().save(os.path.join(out, "scan.pdf"), resolution=150, title="")


# ---- the bad ones ---------------------------------------------------------------

def make_encrypted(out, work):
    run(["qpdf", "--encrypt", "user", "owner", "256", "--",
         os.path.join(out, "letter.pdf"), os.path.join(out, "encrypted.pdf")])


def make_owner_only(out, work):
    run(["qpdf", "--encrypt", "", "owner", "256", "--",
         os.path.join(out, "letter.pdf"), os.path.join(out, "owner-only.pdf")])


def make_truncated(out, work):
    with open(os.path.join(out, "letter.pdf"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.pdf"), "wb") as f:
        f.write(data[:len(data) // 2])


def make_nopages(out, work):
    run(["qpdf", "--empty", os.path.join(out, "nopages.pdf")])


def repeat_pages(source, pages_each, total, dest):
    """`qpdf SOURCE --pages` of source's pages over and over, to total."""
    whole, rest = divmod(total, pages_each)
    args = [source, "1-z"] * whole
    if rest:
        args += [source, "1-%d" % rest]
    # the letter's own document properties (its title) are kept
    run(["qpdf", source, "--pages"] + args + ["--", dest])


def make_many(out, work):
    repeat_pages(os.path.join(out, "letter.pdf"), 2, MANY_PAGES,
                 os.path.join(out, "many.pdf"))


def make_max_pages(out, work):
    repeat_pages(os.path.join(out, "letter.pdf"), 2, MAX_PAGES,
                 os.path.join(out, "max-pages.pdf"))


def make_big(out, work):
    blob = os.path.join(work, "survey-data.bin")
    with open(blob, "wb") as f:
        for _ in range(ATTACHMENT_BYTES // (1 << 20)):
            f.write(os.urandom(1 << 20))
    run(["qpdf", os.path.join(out, "letter.pdf"), "--add-attachment", blob,
         "--mimetype=application/octet-stream", "--", os.path.join(out, "big.pdf")])
    os.remove(blob)


def make_notpdf(out, work):
    scan_image().resize((310, 438)).save(os.path.join(out, "notpdf.pdf"),
                                         format="PNG")


def one_page_html(title, width, height):
    return ("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            "<title>%s</title><style>@page { size: %s %s; margin: 0 } "
            "body { margin: 0; font: 6pt \"Liberation Sans\", sans-serif }"
            "</style></head><body>%s</body></html>" % (title, width, height,
                                                       title))


def make_tiny(out, work):
    print_html(one_page_html("Paid", "0.4in", "0.4in"),
               os.path.join(out, "tiny.pdf"), work)


def make_banner(out, work):
    print_html(one_page_html("Welcome to the Town Hall", "250in", "10in"),
               os.path.join(out, "banner.pdf"), work)


MAKERS = {
    "deck.pdf": (make_deck, ()),
    "letter.pdf": (make_letter, ()),
    "scan.pdf": (make_scan, ()),
    "plan.pdf": (make_plan, ()),
    "max-pages.pdf": (make_max_pages, ("letter.pdf",)),
    "encrypted.pdf": (make_encrypted, ("letter.pdf",)),
    "owner-only.pdf": (make_owner_only, ("letter.pdf",)),
    "truncated.pdf": (make_truncated, ("letter.pdf",)),
    "nopages.pdf": (make_nopages, ()),
    "many.pdf": (make_many, ("letter.pdf",)),
    "big.pdf": (make_big, ("letter.pdf",)),
    "notpdf.pdf": (make_notpdf, ()),
    "tiny.pdf": (make_tiny, ()),
    "banner.pdf": (make_banner, ()),
}


def make(out, names):
    """Make each of names (and what it is made from) in out, once."""
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="make_pdfs-") as work:
        done = set()

        def one(name):
            if name in done:
                return
            maker, needs = MAKERS[name]
            for need in needs:
                one(need)
            maker(out, work)
            if not os.path.isfile(os.path.join(out, name)):
                sys.exit("make_pdfs: %s was not made" % name)
            done.add(name)
        for name in names:
            one(name)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    names = sys.argv[2:] or list(MAKERS)
    unknown = [n for n in names if n not in MAKERS]
    if unknown:
        sys.exit("make_pdfs: no such PDF: %s" % ", ".join(unknown))
    make(os.path.abspath(sys.argv[1]), names)


if __name__ == "__main__":
    main()
