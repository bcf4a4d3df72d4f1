"""The front sheet of the sample pack as councils lay it out, read from
LibreOffice's PDF: signed for the Monitoring Officer on the front page,
the standing text a block of its own from the next page, the agenda's
public session heading before its first item, and every item's appendix
references on the page of the item's heading, straight after it.
Usage: check_front.py PACK.pdf SIGNATORY"""
import re
import subprocess
import sys


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                          check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n),
                            pdf, "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
            for n in range(1, count + 1)]


def main():
    pdf, signatory = sys.argv[1], sys.argv[2]
    pages = pages_of(pdf)
    lines = [(p + 1, l.strip()) for p, page in enumerate(pages) for l in page
             if l.strip()]
    text = [l for _, l in lines]
    fails = []

    def where(pattern):
        return [i for i, l in enumerate(text) if re.search(pattern, l)]

    sign, role = where(re.escape(signatory)), where(r"^For Monitoring Officer$")
    if not sign or not role or role[0] != sign[0] + 1 or lines[sign[0]][0] != 1:
        fails.append("the front page is not signed by %r for the Monitoring "
                     "Officer" % signatory)
    contacts = where(r"^Officer contacts$")
    public = where(r"^Information for members of the public$")
    if not contacts or not public or \
            lines[public[0]][0] <= lines[contacts[0]][0]:
        fails.append("the standing text does not start a page after the "
                     "officer contacts")
    session, first = where(r"^Public session$"), where(r"^1\. ")
    if not session or not first or session[0] > first[0]:
        fails.append("no 'Public session' heading before the first item")
    appendices = where(r"^Appendix A$") or [len(text)]
    items = [i for i in where(r"^\d+\. ") if i < appendices[0]]
    for k, i in enumerate(items):
        end = items[k + 1] if k + 1 < len(items) else len(text)
        refs = [j for j in range(i, end)
                if re.search(r"Appendix [A-Z]+ \(pages? \d", text[j])]
        # a long heading takes a line or two more
        if refs and (refs[0] > i + 3 or lines[refs[0]][0] != lines[i][0]):
            fails.append("the appendix reference of '%s' is not on its page "
                         "straight after it" % text[i])
    for f in fails:
        print("FAIL: %s (%s)" % (f, pdf))
    if not fails:
        print("  ok    front sheet signed for the Monitoring Officer, standing "
              "text from page %d, public session, %d items with their "
              "references kept (%s)" % (lines[public[0]][0], len(items), pdf))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
