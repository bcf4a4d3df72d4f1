"""Check the minutes as a reader sees them in LibreOffice's PDF: every
minute numbered in order with its title, the PRESENT list, the AGREED items.
Usage: check_minutes.py MINUTES.pdf SOURCE.md FIRST_NUMBER"""
import re
import subprocess
import sys

pdf, source, first = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                      text=True, check=True).stdout
flat = re.sub(r"\s+", " ", text)
src = open(source, encoding="utf-8").read()
body = src.split("\n---\n", 1)[1]
titles = re.findall(r"^## (.+)$", body, re.M)
failures = 0
pos = 0
for i, title in enumerate(titles):
    want = "%d. %s" % (first + i, title.upper())
    at = flat.find(want, pos)
    if at < 0:
        print("FAIL: '%s' missing or out of order in %s" % (want, pdf))
        failures += 1
    else:
        pos = at
present = re.search(r"^present: \[(.*)\]$", src, re.M).group(1).split(", ")
at = flat.find("Present")
for name in present:
    if flat.find(name, at) < 0 or at < 0:
        print("FAIL: '%s' is not in the PRESENT list" % name)
        failures += 1
agreed = re.findall(r"^AGREED:\n\n((?:\d+\. .+\n)+)", body, re.M)
items = [re.sub(r"\s*\{[^}]*\}$", "", l.split(". ", 1)[1])
         for block in agreed for l in block.strip().split("\n")]
for item in items:
    if item not in flat:
        print("FAIL: AGREED item missing: %s" % item)
        failures += 1
if "{" in flat:
    print("FAIL: attribute braces reached the document")
    failures += 1
print("  ok    %s: minutes %d-%d in order, %d present, %d AGREED items"
      % (pdf, first, first + len(titles) - 1, len(present), len(items))
      if not failures else "")
sys.exit(1 if failures else 0)
