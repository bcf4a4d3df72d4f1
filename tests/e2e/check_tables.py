"""The tables report of tables.sh, written and then read back from the PDF.

    check_tables.py --write REPORT.md   write the report
    check_tables.py PACK.pdf FORMAT     check LibreOffice's PDF of the pack

The report's rows are made from a fixed seed, so the checks know every
word and number in them. Each measure's text ends "(ref PInn)", so a row
split across pages shows as its code on two pages.
"""
import random
import re
import subprocess
import sys

WORDS = ("safeguarding performance neighbourhoods improvement children's "
         "placements assessments timeliness education attendance exclusions "
         "apprenticeships").split()
WARDS = ["Abbey", "Aylestone", "Beaumont Leys", "Belgrave",
         "Braunstone Park and Rowley Fields", "Castle", "Evington",
         "Eyres Monsell"]
MAX_TABLE_PAGES = 6  # equal column widths took 8


def rows():
    rnd = random.Random(17)
    out = []
    for i in range(60):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(6, 18))]
        out.append({
            "code": "PI%02d" % (i + 1),
            "text": " ".join(words).capitalize() + " (ref PI%02d)" % (i + 1),
            "baseline": "{:,}".format(rnd.randint(100000, 999999)),
            "target": "%d%%" % rnd.randint(1, 99),
            "period": rnd.choice(["2026", "2025/26", "Q4"]),
            "rag": rnd.choice(["Green", "Amber", "Red"]),
        })
    figures = [[ward] + ["{:,}".format(rnd.randint(100000, 999999))
                         for _ in range(8)] + ["%d%%" % rnd.randint(-20, 40)]
               for ward in WARDS]
    return out, figures


def write(path):
    measures, figures = rows()
    lines = ["---", "title: Measures of performance", "---",
             "## Measures", "",
             "| Code | Measure | Baseline | Target | Period | RAG |",
             "|---|---|--:|--:|---|---|"]
    lines += ["| %(code)s | %(text)s | %(baseline)s | %(target)s | "
              "%(period)s | %(rag)s |" % r for r in measures]
    lines += ["", "Text after the measures.", "", "## Spending by ward", "",
              "| Ward | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 2025 | "
              "2026 | Change |",
              "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    lines += ["| " + " | ".join(f) + " |" for f in figures]
    lines += ["", "Back to portrait after the wide table.", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf],
                          capture_output=True, text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(
        r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]
    texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf,
                             "-"], capture_output=True, text=True,
                            check=True).stdout
             for n in range(1, len(sizes) + 1)]
    return sizes, texts


def page_with(texts, needle, after=0):
    for i in range(after, len(texts)):
        if needle in texts[i]:
            return i
    raise AssertionError("no page has %r" % needle)


def check(pdf, fmt):
    measures, figures = rows()
    sizes, texts = pdf_pages(pdf)
    fails = []
    opens = [i for i, t in enumerate(texts)
             if re.search(r"^\s*Appendix G\s*$", t, re.M)]
    if not opens:
        print("FAIL (%s): no page opens Appendix G" % fmt)
        return 1
    start = page_with(texts, "Measures of performance", opens[0])
    end = page_with(texts, "Text after the measures.", start)
    span = texts[start:end + 1]
    tokens = " ".join(span).split()
    # no word broken: each long word is whole at least as often as the rows
    # have it (the heading and footer have some too), and no token is a
    # piece of one
    for word in WORDS:
        want = sum(r["text"].lower().split().count(word.lower())
                   for r in measures)
        got = sum(1 for t in tokens if t.lower().strip("().,") == word.lower())
        pieces = sorted({t for t in tokens
                         if len(t) >= 2 and t.lower() != word.lower()
                         and (word.lower().startswith(t.lower())
                              or word.lower().endswith(t.lower()))
                         and t.lower() not in WORDS})
        if got < want or pieces:
            fails.append("'%s' whole %d times of %d, pieces %s: a word was "
                         "broken" % (word, got, want, pieces))
    for r in measures:
        if r["baseline"] not in tokens:
            fails.append("the number %s was broken" % r["baseline"])
        on = [start + i + 1 for i, t in enumerate(span)
              if re.search(r"\b%s\b" % r["code"], t)]
        if len(on) != 1:
            fails.append("row %s is on pages %s: a row was split"
                         % (r["code"], on))
    pages = end - start + 1
    if pages > MAX_TABLE_PAGES:
        fails.append("the 60-row table takes %d pages (at most %d)"
                     % (pages, MAX_TABLE_PAGES))
    wide = page_with(texts, "Spending by ward", end)
    w, h = sizes[wide]
    if w <= h:
        fails.append("the wide table's page %d is not landscape" % (wide + 1))
    if sizes[wide - 1][0] > sizes[wide - 1][1]:
        fails.append("page %d before the wide table is landscape" % wide)
    if "Braunstone Park and Rowley Fields" not in texts[wide]:
        fails.append("the wide table is not on the landscape page")
    for f in figures:
        if any(v not in texts[wide].split() for v in f[1:]):
            fails.append("a figure of %s was broken or moved" % f[0])
    back = page_with(texts, "Back to portrait", wide)
    if sizes[back][0] > sizes[back][1]:
        fails.append("the page after the wide table is not portrait")
    for f in fails:
        print("FAIL (%s): %s" % (fmt, f))
    if not fails:
        print("  ok    %s: 60-row table on %d pages (pages %d-%d), no word, "
              "number or row broken; wide table landscape on page %d with "
              "its heading; portrait again on page %d"
              % (fmt, pages, start + 1, end + 1, wide + 1, back + 1))
    return 1 if fails else 0


if __name__ == "__main__":
    if sys.argv[1] == "--write":
        write(sys.argv[2])
        sys.exit(0)
    sys.exit(check(sys.argv[1], sys.argv[2]))
