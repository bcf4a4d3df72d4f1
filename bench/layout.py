#!/usr/bin/python3
"""Time scrutineer's PDF layout against the floor of LibreOffice doing only
the layout: one pack, a pack of about 1,000 pages, a five-year site built
cold, rebuilt after an edit, and rebuilt with nothing changed.

    layout.py [--runs N] [--site-runs N] [--big-scale S] [--scrutineer PATH]
              [--work DIR] [--soffice PATH]

Every case runs its commands in turn (ours, the floor, ours, ...) after one
untimed run of each, and takes medians of wall time:

- pack: `pack agendas/2026-06-17.md -f docx,odt,pdf` of the sample, and of
  the pack bench/genpack.py makes at S times the sample's appendices (23:
  about 1,000 pages), against the floor: one `soffice --headless
  --norestore --nolockcheck -env:UserInstallation=file://PROFILE
  --convert-to pdf` of that pack's own ODT (made first with `-f odt`), the
  profile kept from run to run, warmed by the untimed run. Target: 1.2x.
- site, cold: `site WS -f pdf,docx,odt` of the five-year workspace
  (bench/fiveyear.py: 30 packs, 29 minutes, the tracker), its folder
  removed before each run, against one soffice run converting the ODTs of
  the same 60 documents (made once by `site -f odt`). Target: 1.2x.
- site, one edit: a sentence appended to the latest minutes (the next run
  takes it off again, so every run sees an edit), then `site` into the
  folder already built, against one sample pack with PDF. Target: under 3x.
- site, no change: `site` into the built folder, nothing edited. Target:
  under 0.2 s.

Peak RSS: GNU time's maximum resident set size is that of the largest
single process (scrutineer or one LibreOffice process), not their sum;
for the cold site the whole tree (scrutineer and every process under it)
is also sampled from /proc every 0.1 s and the largest sum kept.

XDG_CACHE_HOME is a folder under the work folder, so the LibreOffice
profile scrutineer keeps there is the benchmark's own, never the user's;
the untimed runs warm it. Cold site runs are long: --site-runs (default 3,
or --runs when smaller) sets theirs and the large pack's.
"""

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fiveyear  # noqa: E402
import benchws  # noqa: E402
import genpack  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SAMPLE = os.path.join(REPO, "agendas", genpack.DATE + ".md")
MB = 1e6
PAGE = os.sysconf("SC_PAGE_SIZE")

# The targets the benchmark checks.
MAX_FLOOR_RATIO = 1.2  # pack or cold site / one LibreOffice conversion
MAX_EDIT_RATIO = 3.0   # site after one edit / one sample pack with PDF
MAX_NOCHANGE_S = 0.2   # site with nothing changed
BIG_SCALE = 23         # genpack scale of about 1,000 pages
SITE_RUNS = 3
EDIT = "\nThe Chair thanked officers for the reports presented.\n"


# ---- running and measuring --------------------------------------------------

def descendants(root):
    """PIDs of every process under `root`, from /proc."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def tree_rss(root):
    total = 0
    for pid in descendants(root):
        try:
            with open("/proc/%d/statm" % pid) as f:
                total += int(f.read().split()[1]) * PAGE
        except OSError:
            pass
    return total


class Sampler(threading.Thread):
    """The largest summed RSS of a process tree, sampled every 0.1 s."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root, self.peak, self.done = root, 0, threading.Event()

    def run(self):
        while not self.done.wait(0.1):
            self.peak = max(self.peak, tree_rss(self.root))


def timed(cmd, cwd, env, sample=False, before=None):
    """{wall, rss (largest process, MB), cpu, tree (sampled sum, MB, or
    None), out (stdout)} of one run; `before` runs first, untimed. Exits
    when the command fails."""
    if before:
        before()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as rss:
        full = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss.name] + cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        sampler = Sampler(proc.pid) if sample else None
        if sampler:
            sampler.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - t0
        if sampler:
            sampler.done.set()
            sampler.join()
        if proc.returncode != 0:
            sys.exit("bench: %s failed:\n%s" % (" ".join(cmd), err.decode()))
        kb, user, system = rss.read().split()[-3:]
    return {"wall": wall, "rss": int(kb) * 1024 / MB,
            "cpu": float(user) + float(system),
            "tree": sampler.peak / MB if sampler else None,
            "out": out.decode(errors="replace")}


def rotation(cases, runs):
    """Run each case once untimed, then `runs` times in turn. `cases` is
    [(name, kwargs of timed)]; returns {name: [result]}."""
    for _, kw in cases:
        timed(**kw)
    results = {name: [] for name, _ in cases}
    for _ in range(runs):
        for name, kw in cases:
            results[name].append(timed(**kw))
    return results


def median(results, key="wall"):
    return statistics.median(r[key] for r in results)


def peak(results, key="rss"):
    return max(r[key] for r in results)


# ---- the floor ----------------------------------------------------------------

def soffice_cmd(args, odts, outdir):
    return [args.soffice, "--headless", "--norestore", "--nolockcheck",
            "-env:UserInstallation=" + pathlib.Path(args.work, "lo-profile").as_uri(),
            "--convert-to", "pdf", "--outdir", outdir] + odts


def pages(pdfs):
    total = 0
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", pdf], capture_output=True,
                              text=True).stdout
        total += int(next(line.split()[1] for line in info.split("\n")
                          if line.startswith("Pages:")))
    return total


def files(folder, ext):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder)
                  if f.endswith(ext))


# ---- the cases ------------------------------------------------------------------

def pack_case(args, env, agenda, name, runs):
    """One pack with PDF against one LibreOffice conversion of its ODT."""
    work = os.path.join(args.work, "layout-" + name.replace(" ", "-"))
    os.makedirs(work, exist_ok=True)
    root = os.path.dirname(os.path.dirname(agenda))
    odt_dir = os.path.join(work, "odt")
    subprocess.run([args.scrutineer, "pack", agenda, "-f", "odt", "-o",
                    odt_dir, "-q"], cwd=root, env=env, check=True)
    odt = files(odt_dir, ".odt")
    floor_dir = os.path.join(work, "floor")
    cases = [("ours", {"cmd": [args.scrutineer, "pack", agenda, "-f",
                               "docx,odt,pdf", "-o", os.path.join(work, "out"),
                               "-q"], "cwd": root, "env": env}),
             ("floor", {"cmd": soffice_cmd(args, odt, floor_dir),
                        "cwd": work, "env": env})]
    res = rotation(cases, runs)
    return {"name": name, "runs": runs, "res": res,
            "pages": pages(files(floor_dir, ".pdf")), "docs": 1}


def site_cmd(args, made, folder, formats, quiet=True):
    return ([args.scrutineer, "site", made["ws"], "-o", folder, "-f", formats,
             "--today", made["today"], "--publish-date", made["publish"]]
            + (["-q"] if quiet else []))


def built(result):
    """The documents a site run says it built, from its summary line."""
    for line in result["out"].split("\n"):
        if line.startswith("site: "):
            return int(line.split()[1])
    return -1


def site_cold_case(args, env, made, runs):
    work = os.path.join(args.work, "layout-site-cold")
    os.makedirs(work, exist_ok=True)
    odt_dir = os.path.join(work, "odt")
    shutil.rmtree(odt_dir, ignore_errors=True)
    subprocess.run(site_cmd(args, made, odt_dir, "odt"), env=env, check=True)
    odts = files(odt_dir, ".odt")
    site = os.path.join(work, "site")
    floor_dir = os.path.join(work, "floor")
    cases = [("ours", {"cmd": site_cmd(args, made, site, "pdf,docx,odt"),
                       "cwd": work, "env": env, "sample": True,
                       "before": lambda: shutil.rmtree(site, ignore_errors=True)}),
             ("floor", {"cmd": soffice_cmd(args, odts, floor_dir), "cwd": work,
                        "env": env, "sample": True,
                        "before": lambda: shutil.rmtree(floor_dir,
                                                        ignore_errors=True)})]
    res = rotation(cases, runs)
    made_pdfs = len(files(site, ".pdf"))
    if made_pdfs != len(odts):
        sys.exit("bench: the site made %d PDFs of %d documents" %
                 (made_pdfs, len(odts)))
    return {"name": "five-year site, cold", "runs": runs, "res": res,
            "pages": pages(files(floor_dir, ".pdf")), "docs": len(odts)}


def site_edit_cases(args, env, made, runs):
    """The site after one edit of the latest minutes against one sample
    pack with PDF; then the site with nothing changed. Returns both."""
    work = os.path.join(args.work, "layout-site-edit")
    os.makedirs(work, exist_ok=True)
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    minutes = made["latest_minutes"]
    with open(minutes, encoding="utf-8") as f:
        original = f.read()
    versions = [original + EDIT, original]
    turn = [0]

    def edit():
        with open(minutes, "w", encoding="utf-8") as f:
            f.write(versions[turn[0] % 2])
        turn[0] += 1

    subprocess.run(site_cmd(args, made, site, "pdf,docx,odt"), env=env,
                   check=True)
    cases = [("ours", {"cmd": site_cmd(args, made, site, "pdf,docx,odt",
                                       quiet=False),
                       "cwd": work, "env": env, "before": edit}),
             ("pack", {"cmd": [args.scrutineer, "pack", SAMPLE, "-f",
                               "docx,odt,pdf", "-o", os.path.join(work, "pack"),
                               "-q"], "cwd": REPO, "env": env})]
    res = rotation(cases, runs)
    if turn[0] % 2:  # the last run left the sentence in: take it off
        edit()
        subprocess.run(site_cmd(args, made, site, "pdf,docx,odt"), env=env,
                       check=True)
    edited = {"name": "five-year site, latest minutes edited", "runs": runs,
              "res": res, "built": sorted({built(r) for r in res["ours"]})}
    same = [("ours", {"cmd": site_cmd(args, made, site, "pdf,docx,odt",
                                      quiet=False), "cwd": work, "env": env})]
    still = rotation(same, max(runs, 10))
    unchanged = {"name": "five-year site, no change", "runs": max(runs, 10),
                 "res": still, "built": sorted({built(r) for r in still["ours"]})}
    return edited, unchanged


# ---- reporting ------------------------------------------------------------------

def print_table(rows):
    print("| case | documents | pages | runs | scrutineer s | CPU s | "
          "largest process MB | against | its s | its MB | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | "
          "---: | ---: |")
    for r in rows:
        ours = r["res"]["ours"]
        other = [n for n in r["res"] if n != "ours"]
        line = "| %s | %s | %s | %d | %.3f | %.2f | %.0f |" % (
            r["name"], r.get("docs", "-"), r.get("pages", "-"), r["runs"],
            median(ours), median(ours, "cpu"), peak(ours))
        if other:
            theirs = r["res"][other[0]]
            label = {"floor": "one soffice --convert-to",
                     "pack": "sample pack with PDF"}[other[0]]
            line += " %s | %.3f | %.0f | %.2f |" % (
                label, median(theirs), peak(theirs),
                median(ours) / median(theirs))
        else:
            line += " - | - | - | - |"
        print(line)


def verdicts(pack_rows, cold, edited, unchanged):
    ok_all = True

    def say(ok, text):
        nonlocal ok_all
        ok_all = ok_all and ok
        print("%s  %s" % ("PASS" if ok else "FAIL", text))

    for r in pack_rows + [cold]:
        ours, floor = median(r["res"]["ours"]), median(r["res"]["floor"])
        say(ours <= MAX_FLOOR_RATIO * floor,
            "%s (%d pages) within %.1fx one LibreOffice conversion of its "
            "ODT%s (%.2f s = %.2f x %.2f s)" % (
                r["name"], r["pages"], MAX_FLOOR_RATIO,
                "s" if r["docs"] > 1 else "", ours, ours / floor, floor))
    ours, pack = median(edited["res"]["ours"]), median(edited["res"]["pack"])
    say(ours < MAX_EDIT_RATIO * pack,
        "site after editing the latest minutes under %gx one sample pack "
        "with PDF (%.2f s = %.2f x %.2f s; documents rebuilt: %s)" % (
            MAX_EDIT_RATIO, ours, ours / pack, pack,
            ", ".join(str(n) for n in edited["built"])))
    still = median(unchanged["res"]["ours"])
    say(still < MAX_NOCHANGE_S and unchanged["built"] == [0],
        "site with nothing changed under %.1f s and rebuilding nothing "
        "(%.3f s; documents rebuilt: %s)" % (
            MAX_NOCHANGE_S, still,
            ", ".join(str(n) for n in unchanged["built"])))
    return ok_all


def print_rss(cold):
    ours, floor = cold["res"]["ours"], cold["res"]["floor"]
    print("Peak RSS of the cold site build: largest single process %.0f MB "
          "(GNU time's maximum resident set size: the largest of scrutineer "
          "and LibreOffice, not their sum); scrutineer and every process "
          "under it, summed (pages they share counted in each), sampled every "
          "0.1 s: %.0f MB. The floor's "
          "LibreOffice: %.0f MB largest process, %.0f MB summed." % (
              peak(ours), peak(ours, "tree"), peak(floor), peak(floor, "tree")))


def soffice_version(soffice):
    try:
        return subprocess.run([soffice, "--version"], capture_output=True,
                              text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "LibreOffice (version unknown)"


def run(args):
    """The layout cases, with run.py's arguments (runs, scrutineer, work)
    and, when given, layout.py's own; True when every target holds."""
    args.soffice = getattr(args, "soffice", None) or (
        shutil.which("soffice") or shutil.which("libreoffice"))
    if not args.soffice or not shutil.which("pdfinfo"):
        print("skip  the layout case: LibreOffice or pdfinfo not installed")
        return True
    site_runs = getattr(args, "site_runs", None) or min(args.runs, SITE_RUNS)
    scale = getattr(args, "big_scale", None) or BIG_SCALE
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(args.work, "cache"))
    os.makedirs(env["XDG_CACHE_HOME"], exist_ok=True)
    t0 = time.time()

    big = genpack.generate(scale, os.path.join(args.work, "layout-x%d" % scale),
                           REPO)
    made = fiveyear.generate(os.path.join(args.work, "layout-fiveyear"))
    check = subprocess.run([args.scrutineer, "check", made["ws"],
                            "--publish-date", made["publish"]], env=env,
                           capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit("bench: the five-year workspace does not check:\n" + check.stderr)

    pack_rows = [pack_case(args, env, SAMPLE, "sample pack", args.runs)]
    sys.stderr.write("  measured the sample pack\n")
    pack_rows.append(pack_case(args, env, big, "%dx pack" % scale, site_runs))
    sys.stderr.write("  measured the %dx pack\n" % scale)
    cold = site_cold_case(args, env, made, site_runs)
    sys.stderr.write("  measured the cold site\n")
    edited, unchanged = site_edit_cases(args, env, made, args.runs)
    sys.stderr.write("  measured the site after an edit and unchanged\n")

    print()
    print("%s; %s; medians of runs in turn after one untimed run each "
          "(%.0f s in all)" % (
              subprocess.run([args.scrutineer, "--version"], capture_output=True,
                             text=True).stdout.strip(),
              soffice_version(args.soffice), time.time() - t0))
    print()
    print_table(pack_rows + [cold, edited, unchanged])
    print()
    print_rss(cold)
    print()
    return verdicts(pack_rows, cold, edited, unchanged)


def machine():
    model = benchws.cpu_model()
    return "%s, %d cores; load average %s; %s" % (
        model, os.cpu_count() or 0,
        " ".join("%.2f" % x for x in os.getloadavg()),
        time.strftime("%Y-%m-%d"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--site-runs", type=int,
                    help="runs of the cold site and the large pack "
                    "(default: %d, or --runs when smaller)" % SITE_RUNS)
    ap.add_argument("--big-scale", type=int, default=BIG_SCALE,
                    help="genpack scale of the large pack")
    ap.add_argument("--scrutineer", default=os.path.join(REPO, "scrutineer"))
    ap.add_argument("--work", default=os.path.join(REPO, "build/bench"))
    ap.add_argument("--soffice", help="LibreOffice (default: soffice on PATH)")
    args = ap.parse_args()
    args.scrutineer = os.path.abspath(args.scrutineer)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    print(machine())
    return 0 if run(args) else 1


if __name__ == "__main__":
    sys.exit(main())
