"""Check a pack's PDF as a reader would: for every appendix, the page the
front sheet prints equals the page on which "Appendix X" first appears as a
heading. Usage: check_pages.py PACK.pdf A B C ..."""
import re
import subprocess
import sys


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


def main():
    pdf, labels = sys.argv[1], sys.argv[2:]
    pages = pages_of(pdf)
    whole = "\n".join(pages)
    failures = 0
    for label in labels:
        printed = re.findall(r"Appendix %s \(page (\d+)\)" % label, whole)
        if not printed:
            print("FAIL: the front sheet has no 'Appendix %s (page N)'" % label)
            failures += 1
            continue
        starts = [i + 1 for i, text in enumerate(pages)
                  if re.search(r"^\s*Appendix %s\s*$" % label, text, re.M)]
        if not starts:
            print("FAIL: no page opens Appendix %s" % label)
            failures += 1
            continue
        wrong = [n for n in sorted(set(printed)) if int(n) != starts[0]]
        for n in wrong:
            print("FAIL: front sheet says Appendix %s is on page %s; the "
                  "PDF has it on page %d" % (label, n, starts[0]))
        failures += len(wrong)
        if not wrong:
            print("  ok    Appendix %s: front sheet page %s, PDF page %d (%s)"
                  % (label, ",".join(sorted(set(printed))), starts[0], pdf))
    unexpected = set(re.findall(r"Appendix ([A-Z]+) \(page", whole)) - set(labels)
    if unexpected:
        print("FAIL: unexpected appendices %s" % sorted(unexpected))
        failures += 1
    if not failures:
        print("  ok    %d pages" % len(pages))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
