"""A long PDF appendix, for the benchmark: a report of 20 A4 pages of text,
tables and charts that Chromium prints to PDF, made 100 pages by qpdf
(`qpdf printed.pdf --pages printed.pdf 1-z ... --`), and two workspaces of
the sample committee, one whose agenda links it and one the same without
the link.

    pdfappendix.py WORK [PAGES]  ->  prints the appendix's path, then the
                                     agendas with and without it
"""
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchws import REPO, sentence, workspace  # noqa: E402
sys.path.insert(0, os.path.join(REPO, "tests", "e2e"))
import make_pdfs  # noqa: E402

PRINTED_PAGES = 20


def chart(rng):
    bars = "".join('<rect x="%d" y="%d" width="50" height="%d" fill="#457b9d"/>'
                   % (40 + 70 * i, 200 - h, h)
                   for i, h in enumerate(rng.randint(20, 190) for _ in range(8)))
    return ('<svg width="600" height="220" role="img" aria-label="Places by '
            'ward">%s</svg>' % bars)


def report_html(pages):
    """pages A4 pages, each a section: a heading, paragraphs, a table and
    a chart, cut to the page."""
    rng = random.Random(2026)
    sections = []
    for n in range(pages):
        rows = "".join("<tr>%s</tr>" % "".join(
            "<td>%d</td>" % rng.randint(10, 990) for _ in range(5))
            for _ in range(6))
        sections.append(
            "<section><h1>Part %d: %s</h1>%s<table>%s</table>%s<p>%s</p>"
            "</section>" % (n + 1, sentence(rng, 4),
                            "".join("<p>%s</p>" % sentence(rng, 60)
                                    for _ in range(3)),
                            rows, chart(rng), sentence(rng, 40)))
    return """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>School places: the evidence</title>
<style>@page { size: A4; margin: 0 } html, body { margin: 0 }
section { width: 210mm; height: 297mm; box-sizing: border-box; padding: 20mm;
  overflow: hidden; break-after: page; font: 11pt "Liberation Serif", serif }
section:last-child { break-after: auto }
td { border: 1px solid #999; padding: 2pt 8pt }</style></head><body>
%s
</body></html>
""" % "\n".join(sections)


def agenda_for(work, name, linked):
    """The agenda of a workspace with the evidence item, linking the PDF
    `linked` (copied into the meeting's folder) unless it is None."""
    item = ("## School places evidence\n\nMembers are asked to note the "
            "evidence.")
    ws, agenda = workspace(work, name, item,
                           os.path.basename(linked) if linked else None)
    if linked:
        shutil.copy(linked, os.path.join(ws, "agendas", "2026-06-17"))
    return agenda


def main():
    work = os.path.abspath(sys.argv[1])
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    os.makedirs(work, exist_ok=True)
    printed = os.path.join(work, "printed.pdf")
    appendix = os.path.join(work, "evidence.pdf")
    chromium_work = os.path.join(work, "chromium")
    os.makedirs(chromium_work, exist_ok=True)
    make_pdfs.print_html(report_html(PRINTED_PAGES), printed, chromium_work)
    make_pdfs.repeat_pages(printed, PRINTED_PAGES, pages, appendix)
    print(appendix)
    print(agenda_for(work, "pdf-with", appendix))
    print(agenda_for(work, "pdf-without", None))


if __name__ == "__main__":
    main()
