"""A long officer's report as Word makes it, for the benchmark: python-docx
on its own Word-made template, with Word's heading, list and table styles,
and a workspace that links it as an appendix (and one that links the same
report as the Markdown `scrutineer import` writes of it).

    wordreport.py WORK SECTIONS  ->  prints the two agendas' paths
"""
import os
import random
import shutil
import subprocess
import sys

import docx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchws import REPO, sentence, workspace  # noqa: E402


def build(path, sections):
    rng = random.Random(2026)
    d = docx.Document()
    d.add_paragraph("School Places Strategy 2026-2031", "Title")
    for s in range(sections):
        d.add_heading("Section %d: %s" % (s + 1, sentence(rng, 4)), 1)
        for sub in range(2):
            d.add_heading("%d.%d %s" % (s + 1, sub + 1, sentence(rng, 3)), 2)
            for _ in range(3):
                p = d.add_paragraph(sentence(rng, 45) + " ")
                p.add_run(sentence(rng, 6)).bold = True
                p.add_run(" " + sentence(rng, 25))
        for _ in range(4):
            d.add_paragraph(sentence(rng, 14), "List Bullet")
        for _ in range(3):
            d.add_paragraph(sentence(rng, 12), "List Number")
        table = d.add_table(rows=8, cols=4)
        table.style = "Table Grid"
        for row in table.rows:
            for cell in row.cells:
                cell.text = sentence(rng, 3)
    d.save(path)


def main():
    work, sections = sys.argv[1], int(sys.argv[2])
    scrutineer = sys.argv[3] if len(sys.argv) > 3 else \
        os.path.join(REPO, "scrutineer")
    os.makedirs(work, exist_ok=True)
    report = os.path.join(work, "strategy.docx")
    build(report, sections)
    item = "## School places strategy"
    ws_docx, agenda_docx = workspace(work, "word-docx", item, "strategy.docx")
    shutil.copy(report, os.path.join(ws_docx, "agendas", "2026-06-17"))
    ws_md, agenda_md = workspace(work, "word-md", item, "strategy.md")
    subprocess.run([scrutineer, "import", report, "-o",
                    os.path.join(ws_md, "agendas", "2026-06-17",
                                 "strategy.md"), "-q"], check=True)
    print(agenda_docx)
    print(agenda_md)


if __name__ == "__main__":
    main()
