"""Check a pack's PDF as a reader would: for every appendix, the pages the
front sheet prints are the pages the appendix fills: "Appendix X (page N)"
for one page, "Appendix X (pages N-M)" for more, N the page on which
"Appendix X" first appears as a heading, M the page before the next
appendix's (the last page of the PDF for the last).
Usage: check_pages.py PACK.pdf A B C ... (the appendices in pack order)"""
import re
import subprocess
import sys

PRINTED = r"Appendix %s \(pages? (\d+)(?:\u2013(\d+))?\)"


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                          check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    texts = []
    for page in range(1, count + 1):
        texts.append(subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf,
             "-"], capture_output=True, text=True, check=True).stdout)
    return texts


def opening(pages, label):
    starts = [i + 1 for i, text in enumerate(pages)
              if re.search(r"^\s*Appendix %s\s*$" % label, text, re.M)]
    return starts[0] if starts else None


def check(pages, whole, labels, k):
    label = labels[k]
    printed = set(re.findall(PRINTED % label, whole))
    if not printed:
        return ["the front sheet has no 'Appendix %s (page N)'" % label]
    start = opening(pages, label)
    if start is None:
        return ["no page opens Appendix %s" % label]
    following = opening(pages, labels[k + 1]) if k + 1 < len(labels) else None
    end = following - 1 if following else len(pages)
    fails = []
    for first, last in sorted(printed):
        last = int(last) if last else int(first)
        if (int(first), last) != (start, end):
            fails.append("front sheet says Appendix %s is on pages %s-%d; the "
                         "PDF has it on pages %d-%d" % (label, first, last,
                                                        start, end))
        if last == int(first) and end != start:
            fails.append("Appendix %s is shown as one page" % label)
    if not fails:
        print("  ok    Appendix %s: front sheet pages %d-%d, as in the PDF"
              % (label, start, end))
    return fails


def main():
    pdf, labels = sys.argv[1], sys.argv[2:]
    pages = pages_of(pdf)
    whole = "\n".join(pages)
    failures = []
    for k in range(len(labels)):
        failures += check(pages, whole, labels, k)
    unexpected = set(re.findall(r"Appendix ([A-Z]+) \(page", whole)) - set(labels)
    if unexpected:
        failures.append("unexpected appendices %s" % sorted(unexpected))
    for f in failures:
        print("FAIL: %s (%s)" % (f, pdf))
    if not failures:
        print("  ok    %d pages" % len(pages))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
