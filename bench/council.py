#!/usr/bin/python3
"""Time `scrutineer site` on a council of many committees, each with five
years of meetings, made from the sample.

    council.py [--committees N] [--runs N] [--scrutineer PATH] [--work DIR]

The council is tests/fixtures/council's council.md with N committees
(40 by default) under committees/, each bench/fiveyear.py's five-year
workspace with a seed of its own (30 meetings every other month, 29
minutes, the tracker: 60 documents) under a name and short name of its
own: 40 committees x 6 meetings a year x 5 years. The site is built
without PDF (`-f docx,odt`): cold (the site folder removed first), then
again with nothing changed. Targets: cold under 60 s, no change under 1 s.
Medians of --runs runs of each (3 by default), after one untimed cold run;
peak RSS as GNU time gives it.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fiveyear  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MAX_COLD_S = 60.0
MAX_UNCHANGED_S = 1.0


def generate(out, n):
    """The council of `n` committees in `out` (replaced); the day to build
    it as of."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "committees"))
    shutil.copy(os.path.join(REPO, "tests", "fixtures", "council", "council.md"),
                os.path.join(out, "council.md"))
    today = None
    for k in range(1, n + 1):
        folder = os.path.join(out, "committees", "c%02d" % k)
        made = fiveyear.generate(folder, REPO, fiveyear.SEED + k)
        today = made["today"]
        path = os.path.join(folder, "agendas", "committee.md")
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"^committee: .*$", "committee: Scrutiny Commission %02d" % k,
                      text, count=1, flags=re.M)
        text = re.sub(r"^short: .*$", "short: C%02d" % k, text, count=1,
                      flags=re.M)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return today


def timed(cmd, cwd):
    """Wall seconds and peak RSS (MB) of one run, which must succeed."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("FAIL: %s exited %d: %s" % (" ".join(cmd), p.returncode,
                                             p.stderr[-2000:]))
    return wall, int(p.stderr.strip().splitlines()[-1]) / 1024


def count_files(site):
    pages = docs = 0
    for _, _, names in os.walk(site):
        pages += sum(n.endswith(".html") for n in names)
        docs += sum(n.endswith((".docx", ".odt")) for n in names)
    return pages, docs


def run(args):
    ws = os.path.join(args.work, "council")
    site = os.path.join(args.work, "council-site")
    today = generate(ws, args.committees)
    cmd = [args.scrutineer, "site", ".", "-o", site, "--today", today,
           "-f", "docx,odt", "-q"]
    check = subprocess.run([args.scrutineer, "check", "."], cwd=ws,
                           capture_output=True, text=True)
    tally = check.stderr.strip().splitlines()[-1] if check.stderr else ""
    shutil.rmtree(site, ignore_errors=True)
    timed(cmd, ws)  # untimed: the page cache warm
    cold, unchanged = [], []
    for _ in range(args.runs):
        shutil.rmtree(site, ignore_errors=True)
        cold.append(timed(cmd, ws))
        for _ in range(3):
            unchanged.append(timed(cmd, ws))
    pages, docs = count_files(site)
    c_s = statistics.median(w for w, _ in cold)
    u_s = statistics.median(w for w, _ in unchanged)
    print("council site: %d committees, %d HTML pages, %d DOCX and ODT files; "
          "check: %s" % (args.committees, pages, docs, tally))
    print("| case | runs | median s | peak RSS MB |")
    print("| --- | ---: | ---: | ---: |")
    print("| cold, without PDF | %d | %.2f | %.0f |" % (
        len(cold), c_s, max(m for _, m in cold)))
    print("| nothing changed | %d | %.3f | %.0f |" % (
        len(unchanged), u_s, max(m for _, m in unchanged)))
    ok = True
    for good, text in ((c_s < MAX_COLD_S, "cold site under %.0f s (%.2f s)" %
                        (MAX_COLD_S, c_s)),
                       (u_s < MAX_UNCHANGED_S,
                        "unchanged site under %.0f s (%.3f s)" %
                        (MAX_UNCHANGED_S, u_s))):
        ok = ok and good
        print("%s  %s" % ("PASS" if good else "FAIL", text))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--committees", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scrutineer", default=os.path.join(REPO, "scrutineer"))
    ap.add_argument("--work", default=os.path.join(REPO, "build", "bench"))
    args = ap.parse_args()
    args.scrutineer = os.path.abspath(args.scrutineer)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    return 0 if run(args) else 1


if __name__ == "__main__":
    sys.exit(main())
