#!/usr/bin/python3
"""Time `scrutineer pack` against pandoc on the same Markdown, at 1, 10 and
50 times the sample's appendix volume, in DOCX and ODT, and the floor of
parsing plus compressing;
then `scrutineer check` on reports full of links.

    run.py [--runs N] [--sizes 1,10,50] [--scrutineer PATH] [--zfloor PATH]
           [--work DIR] [--only pack|links|word|pdf] [--link-sizes 1,2.5,5]
           [--against PATH]

Runs alternate (scrutineer, pandoc, scrutineer, ...) after one untimed run of
each, at least N of each (more for small packs, whose times are short); the
figures are medians of wall and CPU time, the largest peak RSS as
/usr/bin/time -v reports it (maximum resident set size), and the output's
size. The floor is zfloor's median: the workspace's Markdown parsed with
cmark-gfm as scrutineer parses it, then the produced package's XML parts
deflated with libdeflate at the package's level, each in one call, all of
it in memory on one thread: what any writer of this Markdown into these
parts must do at the least. pandoc reads
the agenda and every appendix concatenated in appendix order, front matter
removed (pandoc would otherwise read each file's YAML as metadata), as GitHub
Markdown (`-f gfm`: tables, strikethrough, autolinks, footnotes, the
extensions scrutineer's parser has).

The word case (`--only word`) builds a Word report of about 200 pages with
python-docx (bench/wordreport.py) and times the pack that links it against
the pack that links the Markdown `scrutineer import` makes of it, and
against `pandoc -f docx -t docx` of the report.

The PDF case (`--only pdf`) builds a PDF appendix of 100 pages
(bench/pdfappendix.py: Chromium prints a report of 20 pages, qpdf's
`--pages` makes it 100) and times `pack -f pdf` and `pack -f docx` of a
workspace that links it against the same workspace without the link, and
the floor of putting its pages after the pack's own: `qpdf --empty --pages
front.pdf appendix.pdf -- out.pdf`, front.pdf the pack without it, timed
in the same rotation. The figure is the time the appendix adds (the median
with it less the median without) against that floor. It needs Chromium,
qpdf and LibreOffice, and is skipped without them.

The links case (`--only links` runs it alone) times `scrutineer check` on
the sample workspace with one more appendix, a report of 1, 2.5 and 5 MB
(`--link-sizes`) made of links (genpack.links_report): "links", three
inline links or bare web addresses a line after a tab and a multibyte
character, some of them warned of; "refs", reference definitions, each used
twice. A pass over a source that went back over the text for each link
would show as time per MB growing with the size. `--against` times a
second binary on the same inputs, alternating with the first.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchws  # noqa: E402
import genpack  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FORMATS = ("docx", "odt")
MB = 1e6

# The targets the benchmark checks.
MIN_RATIO = 30          # pandoc time / scrutineer time, every size and format
MAX_RSS_MB = 64         # peak RSS on the largest pack
MAX_PER_MB_DRIFT = 0.25 # time per input MB, largest pack against the sample
MAX_FLOOR_FACTOR = 1.3  # scrutineer time / parse + compress floor, largest
MAX_LINKS_S = 1.0       # `check` on the largest links report, seconds
MAX_WORD_RATIO = 2.0    # pack with a Word report / with its Markdown
WORD_SECTIONS = 120     # of the Word report: about 200 pages
PDF_PAGES = 100         # of the PDF appendix
LINK_KINDS = ("links", "refs")


def timed(cmd, cwd):
    """(wall seconds, peak RSS in MB, CPU seconds) of one run; exits when it
    fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as rss:
        full = ["/usr/bin/time", "-f", "%M %U %S", "-o", rss.name] + cmd
        t0 = time.perf_counter()
        done = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        if done.returncode != 0:
            sys.exit("bench: %s failed:\n%s" % (" ".join(cmd),
                                                done.stderr.decode()))
        kb, user, system = rss.read().split()[-3:]
    return wall, int(kb) * 1024 / MB, float(user) + float(system)


def pandoc_input(agenda, out_path):
    """Agenda + appendices, front matter stripped, as pandoc's input."""
    parts = []
    for path in [agenda] + genpack.appendix_paths(agenda):
        with open(path, encoding="utf-8") as f:
            parts.append(genpack.split_front_matter(f.read())[1].strip("\n"))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
    return os.path.getsize(out_path)


def workspace(size, work):
    """The agenda of the pack at `size` times the sample's volume."""
    if size == 1:
        return os.path.join(REPO, "agendas", genpack.DATE + ".md")
    return genpack.generate(size, os.path.join(work, "x%d" % size), REPO)


def xml_parts(package, into):
    """Unzip the XML parts of a package; their paths."""
    paths = []
    with zipfile.ZipFile(package) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                paths.append(z.extract(name, into))
    return paths


def markdown_sources(root):
    """The Markdown a pack of the workspace at `root` reads: the committee,
    the work programme, the agendas and their reports, the minutes."""
    found = []
    for top in ("agendas", "minutes"):
        for d, _, names in os.walk(os.path.join(root, top)):
            found += [os.path.join(d, n) for n in sorted(names)
                      if n.endswith(".md")]
    return sorted(found)


def floor_of(zfloor, root, package, runs, work):
    """The parse + compress floor, seconds: (both, parsing, compressing),
    and the XML's bytes."""
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        out = subprocess.run([zfloor, str(max(runs, 9))]
                             + markdown_sources(root) + ["--"]
                             + xml_parts(package, tmp),
                             check=True, capture_output=True, text=True).stdout
    both, parse, deflate, xml_bytes, _ = out.split()
    return (float(both) / 1e3, float(parse) / 1e3, float(deflate) / 1e3,
            int(xml_bytes))


def runs_for(size, runs):
    """Small packs take milliseconds, and noise matters more: more runs."""
    return max(runs, 25 // size)


def measure(size, fmt, agenda, args):
    root = os.path.dirname(os.path.dirname(agenda))
    out_dir = os.path.join(args.work, "out-%d" % size)
    os.makedirs(out_dir, exist_ok=True)
    md = os.path.join(args.work, "pandoc-%d.md" % size)
    in_bytes = pandoc_input(agenda, md)
    ours = [args.scrutineer, "pack", agenda, "-o", out_dir, "-q", "-f", fmt]
    theirs_out = os.path.join(out_dir, "pandoc.%s" % fmt)
    theirs = ["pandoc", "-f", "gfm", md, "-o", theirs_out]
    timed(ours, root)
    timed(theirs, root)
    s_runs, p_runs = [], []
    for _ in range(runs_for(size, args.runs)):
        s_runs.append(timed(ours, root))
        p_runs.append(timed(theirs, root))
    package = [os.path.join(out_dir, f) for f in os.listdir(out_dir)
               if f.endswith("agenda-pack." + fmt)][0]
    floor, parse, deflate, xml_bytes = floor_of(args.zfloor, root, package,
                                                args.runs, args.work)
    return {
        "size": size, "fmt": fmt, "in_mb": in_bytes / MB,
        "runs": len(s_runs),
        "s_time": statistics.median(t for t, _, _ in s_runs),
        "s_cpu": statistics.median(c for _, _, c in s_runs),
        "s_rss": max(r for _, r, _ in s_runs),
        "s_out": os.path.getsize(package) / MB,
        "p_time": statistics.median(t for t, _, _ in p_runs),
        "p_rss": max(r for _, r, _ in p_runs),
        "p_out": os.path.getsize(theirs_out) / MB,
        "floor": floor, "parse": parse, "deflate": deflate,
        "xml_mb": xml_bytes / MB,
    }


def startup(scrutineer, runs):
    """Median wall time of `scrutineer --version`: starting the process and
    loading its shared libraries, which every build pays whatever its size."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([scrutineer, "--version"], stdout=subprocess.DEVNULL,
                       check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def print_table(rows):
    head = ("size", "fmt", "input MB", "runs", "scrut s", "scrut CPU s",
            "pandoc s", "ratio", "scrut RSS", "pandoc RSS", "scrut out",
            "pandoc out", "XML MB", "parse s", "deflate s", "floor s",
            "x floor", "s/in MB")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---:" for _ in head) + "|")
    for r in rows:
        print("| %dx | %s | %.2f | %d | %.4f | %.4f | %.3f | %.1f | %.1f MB | "
              "%.1f MB | %.2f MB | %.2f MB | %.2f | %.4f | %.4f | %.4f | "
              "%.2f | %.3f |" % (
                  r["size"], r["fmt"], r["in_mb"], r["runs"], r["s_time"],
                  r["s_cpu"], r["p_time"], r["p_time"] / r["s_time"],
                  r["s_rss"], r["p_rss"], r["s_out"], r["p_out"],
                  r["xml_mb"], r["parse"], r["deflate"], r["floor"],
                  r["s_time"] / r["floor"],
                  r["s_time"] / r["in_mb"]))


def verdicts(rows, start):
    """Each target with the figures it rests on; True when all hold.
    `start` is the fixed cost of starting the process, shown beside the
    time per MB (the target is judged on the whole time)."""
    ok_all = True

    def say(ok, text):
        nonlocal ok_all
        ok_all = ok_all and ok
        print("%s  %s" % ("PASS" if ok else "FAIL", text))

    largest = max(r["size"] for r in rows)
    smallest = min(r["size"] for r in rows)
    worst = min(rows, key=lambda r: r["p_time"] / r["s_time"])
    say(worst["p_time"] / worst["s_time"] >= MIN_RATIO,
        "pandoc/scrutineer >= %d for every size and format (lowest %.1f, %dx %s)"
        % (MIN_RATIO, worst["p_time"] / worst["s_time"], worst["size"], worst["fmt"]))
    for r in (r for r in rows if r["size"] == largest):
        say(r["s_rss"] < MAX_RSS_MB, "peak RSS < %d MB at %dx %s (%.1f MB)"
            % (MAX_RSS_MB, largest, r["fmt"], r["s_rss"]))
    for fmt in FORMATS:
        small = [r for r in rows if r["fmt"] == fmt and r["size"] == smallest]
        big = [r for r in rows if r["fmt"] == fmt and r["size"] == largest]
        if not small or not big or smallest == largest:
            continue
        a = small[0]["s_time"] / small[0]["in_mb"]
        b = big[0]["s_time"] / big[0]["in_mb"]
        a_net = (small[0]["s_time"] - start) / small[0]["in_mb"]
        b_net = (big[0]["s_time"] - start) / big[0]["in_mb"]
        say(abs(b / a - 1) <= MAX_PER_MB_DRIFT,
            "time per input MB within %d%% from %dx to %dx, %s "
            "(%.3f -> %.3f s/MB, %+.0f%%; less the %.1f ms start: "
            "%.3f -> %.3f s/MB, %+.0f%%)" % (
                MAX_PER_MB_DRIFT * 100, smallest, largest, fmt, a, b,
                (b / a - 1) * 100, start * 1e3, a_net, b_net,
                (b_net / a_net - 1) * 100))
    for r in (r for r in rows if r["size"] == largest):
        say(r["s_time"] <= MAX_FLOOR_FACTOR * r["floor"],
            "time within %.1fx the parse + compress floor at %dx %s "
            "(%.3f s = %.2f x %.3f s)"
            % (MAX_FLOOR_FACTOR, largest, r["fmt"], r["s_time"],
               r["s_time"] / r["floor"], r["floor"]))
    return ok_all


def machine():
    """One line on where the figures come from: CPU, cores, versions."""
    model = benchws.cpu_model()
    libs = subprocess.run(
        ["pkg-config", "--modversion", "libcmark-gfm", "libxml-2.0", "libzip",
         "libdeflate"], capture_output=True, text=True).stdout.split()
    names = ("cmark-gfm", "libxml2", "libzip", "libdeflate")
    return "%s, %d cores; %s; %s" % (
        model, os.cpu_count() or 0,
        ", ".join("%s %s" % nv for nv in zip(names, libs)),
        time.strftime("%Y-%m-%d"))


# ---- the links case ---------------------------------------------------------

def measure_links(kind, mb, binaries, args):
    """Medians of `check` on the workspace with a links report of `mb` MB,
    for each binary, runs alternating after one untimed run of each."""
    root = os.path.join(args.work, "links-%s-%g" % (kind, mb))
    _, size, links = genpack.generate_links(mb, kind, root, REPO)
    cmds = [[b, "check", "."] for b in binaries]
    for cmd in cmds:
        timed(cmd, root)
    results = [[] for _ in cmds]
    for _ in range(args.runs):
        for cmd, out in zip(cmds, results):
            out.append(timed(cmd, root))
    return [{
        "kind": kind, "mb": mb, "report_mb": size / MB, "links": links,
        "runs": len(r),
        "time": statistics.median(t for t, _, _ in r),
        "cpu": statistics.median(c for _, _, c in r),
        "rss": max(m for _, m, _ in r),
    } for r in results]


def print_links_table(rows, names):
    head = ("report", "binary", "report MB", "links", "runs", "check s",
            "CPU s", "RSS", "s/MB")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---:" for _ in head) + "|")
    for per_binary in rows:
        for name, r in zip(names, per_binary):
            print("| %s %g MB | %s | %.2f | %d | %d | %.4f | %.2f | %.1f MB | "
                  "%.4f |" % (r["kind"], r["mb"], name, r["report_mb"],
                              r["links"], r["runs"], r["time"], r["cpu"],
                              r["rss"], r["time"] / r["report_mb"]))


def links_verdicts(rows):
    """The links case's targets, for the first binary; True when all hold."""
    ok_all = True
    ours = [per_binary[0] for per_binary in rows]
    for kind in LINK_KINDS:
        mine = sorted((r for r in ours if r["kind"] == kind),
                      key=lambda r: r["mb"])
        if not mine:
            continue
        small, big = mine[0], mine[-1]
        ok = big["time"] <= MAX_LINKS_S
        print("%s  check on the %g MB %s report within %.1f s (%.3f s)" % (
            "PASS" if ok else "FAIL", big["mb"], kind, MAX_LINKS_S,
            big["time"]))
        ok_all = ok_all and ok
        if small is big:
            continue
        a = small["time"] / small["report_mb"]
        b = big["time"] / big["report_mb"]
        ok = abs(b / a - 1) <= MAX_PER_MB_DRIFT
        print("%s  time per report MB within %d%% from %g to %g MB, %s "
              "(%.3f -> %.3f s/MB, %+.0f%%)" % (
                  "PASS" if ok else "FAIL", MAX_PER_MB_DRIFT * 100,
                  small["mb"], big["mb"], kind, a, b, (b / a - 1) * 100))
        ok_all = ok_all and ok
    return ok_all


def run_links(args):
    binaries = [args.scrutineer] + ([args.against] if args.against else [])
    names = ["this"] + (["against"] if args.against else [])
    rows = []
    for kind in LINK_KINDS:
        for mb in (float(s) for s in args.link_sizes.split(",")):
            rows.append(measure_links(kind, mb, binaries, args))
            sys.stderr.write("  measured check, %s %g MB\n" % (kind, mb))
    print("`scrutineer check` on reports of links; %d runs each, "
          "alternating; medians" % args.runs)
    print()
    print_links_table(rows, names)
    print()
    return links_verdicts(rows)


def run_pack(args):
    version = subprocess.run(["pandoc", "--version"], capture_output=True,
                             text=True).stdout.split("\n")[0]
    print("%s; %s; at least %d runs each, alternating; medians" % (
        subprocess.run([args.scrutineer, "--version"], capture_output=True,
                       text=True).stdout.strip(), version, args.runs))
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        agenda = workspace(size, args.work)
        for fmt in FORMATS:
            rows.append(measure(size, fmt, agenda, args))
            sys.stderr.write("  measured %dx %s\n" % (size, fmt))
    start = startup(args.scrutineer, 25)
    print_table(rows)
    print()
    print("scrutineer --version (process start, shared libraries): "
          "%.1f ms median" % (start * 1e3))
    print()
    return verdicts(rows, start)


def appendix_pages(pack):
    """The pages the front sheet gives the Word report's appendix."""
    import re
    with zipfile.ZipFile(pack) as z:
        body = z.read("word/document.xml").decode()
    body = re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", body)
    text = re.sub(r"<[^>]+>", "", body)
    found = re.search(r"Appendix D \(pages (\d+)\D(\d+)\)", text)
    return int(found.group(2)) - int(found.group(1)) + 1 if found else 0


def run_word(args):
    """A long Word report as an appendix: the pack against the same report
    as Markdown (what `scrutineer import` writes of it), and against pandoc
    reading the report and writing a DOCX."""
    made = subprocess.run(
        [sys.executable, os.path.join(REPO, "bench", "wordreport.py"),
         os.path.join(args.work, "word"), str(WORD_SECTIONS), args.scrutineer],
        check=True, capture_output=True, text=True).stdout.split()
    report = os.path.join(args.work, "word", "strategy.docx")
    out = os.path.join(args.work, "word", "out")
    cmds = {}
    for name, agenda in (("docx", made[0]), ("md", made[1])):
        cmds[name] = ([args.scrutineer, "pack", agenda, "-o", out + "-" + name,
                       "-q", "-f", "docx"],
                      os.path.dirname(os.path.dirname(agenda)))
    cmds["pandoc"] = (["pandoc", "-f", "docx", "-t", "docx", report, "-o",
                       os.path.join(args.work, "word", "pandoc.docx")],
                      args.work)
    for cmd, cwd in cmds.values():
        timed(cmd, cwd)
    times = {name: [] for name in cmds}
    for _ in range(max(args.runs, 11)):
        for name, (cmd, cwd) in cmds.items():
            times[name].append(timed(cmd, cwd))
    med = {name: statistics.median(t for t, _, _ in runs)
           for name, runs in times.items()}
    rss = {name: max(r for _, r, _ in runs) for name, runs in times.items()}
    pages = appendix_pages(os.path.join(out + "-docx",
                                        "SC-2026-06-17-agenda-pack.docx"))
    print("A Word report of %d pages (%.0f KB) as an appendix; %d runs each, "
          "alternating; medians" % (pages, os.path.getsize(report) / 1e3,
                                    len(times["docx"])))
    print()
    print("| case | s | RSS MB |")
    print("| --- | ---: | ---: |")
    for name, label in (("docx", "pack, the report linked as .docx"),
                        ("md", "pack, the report as its imported .md"),
                        ("pandoc", "pandoc -f docx -t docx, the report")):
        print("| %s | %.3f | %.0f |" % (label, med[name], rss[name]))
    ratio = med["docx"] / med["md"]
    print()
    print("%s: the pack with the Word report takes %.2fx the time with its "
          "Markdown (target: under %gx); pandoc takes %.1fx the pack's time" %
          ("PASS" if ratio < MAX_WORD_RATIO else "FAIL", ratio,
           MAX_WORD_RATIO, med["pandoc"] / med["docx"]))
    return ratio < MAX_WORD_RATIO


def pdf_case_commands(args, made):
    """{name: (command, folder)} of the PDF case, and the pack PDF the
    floor takes as its front."""
    appendix, with_agenda, without_agenda = made
    work = os.path.join(args.work, "pdf")
    cmds = {}
    for fmt in ("pdf", "docx"):
        for name, agenda in (("with", with_agenda), ("without", without_agenda)):
            cmds["%s-%s" % (fmt, name)] = (
                [args.scrutineer, "pack", agenda, "-o",
                 os.path.join(work, "out-%s-%s" % (fmt, name)), "-q", "-f", fmt],
                os.path.dirname(os.path.dirname(agenda)))
    front = os.path.join(work, "out-pdf-without", "SC-2026-06-17-agenda-pack.pdf")
    cmds["qpdf"] = (["qpdf", "--empty", "--pages", front, appendix, "--",
                     os.path.join(work, "qpdf-floor.pdf")], work)
    return cmds, front


def run_pdf(args):
    """A PDF appendix of 100 pages: what it adds to `pack -f pdf` and to
    `pack -f docx`, against qpdf putting its pages after the pack's own."""
    missing = [t for t in ("chromium", "qpdf", "soffice")
               if not shutil.which(t)]
    if missing:
        print("skip  the PDF case: %s not installed" % ", ".join(missing))
        return True
    work = os.path.join(args.work, "pdf")
    made = subprocess.run(
        [sys.executable, os.path.join(REPO, "bench", "pdfappendix.py"), work,
         str(PDF_PAGES)], check=True, capture_output=True,
        text=True).stdout.split()
    cmds, front = pdf_case_commands(args, made)
    order = ["pdf-without", "pdf-with", "qpdf", "docx-without", "docx-with"]
    for name in order:  # the untimed run; pdf-without makes the floor's front
        timed(*cmds[name])
    times = {name: [] for name in order}
    for _ in range(args.runs):
        for name in order:
            times[name].append(timed(*cmds[name]))
    med = {n: statistics.median(t for t, _, _ in r) for n, r in times.items()}
    cpu = {n: statistics.median(c for _, _, c in r) for n, r in times.items()}
    rss = {n: max(m for _, m, _ in r) for n, r in times.items()}
    outputs = {"pdf-with": os.path.join(work, "out-pdf-with"),
               "pdf-without": os.path.join(work, "out-pdf-without"),
               "docx-with": os.path.join(work, "out-docx-with"),
               "docx-without": os.path.join(work, "out-docx-without")}
    size = {n: sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
            / MB for n, d in outputs.items()}
    size["qpdf"] = os.path.getsize(os.path.join(work, "qpdf-floor.pdf")) / MB
    print("A PDF appendix of %d pages (%.0f KB, Chromium then qpdf); %d runs "
          "each, in rotation; medians (wall; CPU of scrutineer and what it "
          "starts, LibreOffice too)" % (PDF_PAGES, os.path.getsize(made[0]) / 1e3,
                                        args.runs))
    print()
    print("| case | s | CPU s | RSS MB | output MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    labels = {"pdf-without": "pack -f pdf, without the appendix",
              "pdf-with": "pack -f pdf, with it",
              "qpdf": "qpdf --empty --pages front.pdf appendix.pdf",
              "docx-without": "pack -f docx, without the appendix",
              "docx-with": "pack -f docx, with it"}
    for name in order:
        print("| %s | %.3f | %.2f | %.0f | %.2f |" % (
            labels[name], med[name], cpu[name], rss[name], size[name]))
    print()
    added = med["pdf-with"] - med["pdf-without"]
    print("pack -f pdf: the appendix adds %.3f s (%.1f ms a page); qpdf's "
          "floor is %.3f s: %.1fx the floor" % (
              added, added / PDF_PAGES * 1e3, med["qpdf"],
              added / med["qpdf"]))
    added = med["docx-with"] - med["docx-without"]
    print("pack -f docx: the appendix adds %.3f s (%.1f ms a page, each page "
          "a PNG)" % (added, added / PDF_PAGES * 1e3))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1,10,50")
    ap.add_argument("--scrutineer", default=os.path.join(REPO, "scrutineer"))
    ap.add_argument("--zfloor", default=os.path.join(REPO, "build/bench/zfloor"))
    ap.add_argument("--work", default=os.path.join(REPO, "build/bench"))
    ap.add_argument("--only", choices=("pack", "links", "word", "pdf", "layout",
                                       "council"),
                    help="run only the one case")
    ap.add_argument("--link-sizes", default="1,2.5,5",
                    help="links report sizes in MB")
    ap.add_argument("--against",
                    help="another scrutineer to time on the links case")
    args = ap.parse_args()
    args.scrutineer = os.path.abspath(args.scrutineer)
    args.zfloor = os.path.abspath(args.zfloor)
    args.work = os.path.abspath(args.work)
    if args.against:
        args.against = os.path.abspath(args.against)
    os.makedirs(args.work, exist_ok=True)
    print(machine())
    if args.only in (None, "pack"):
        run_pack(args)
        print()
    if args.only in (None, "links"):
        run_links(args)
        print()
    if args.only in (None, "word"):
        run_word(args)
        print()
    if args.only in (None, "pdf"):
        run_pdf(args)
    if args.only in (None, "layout"):
        import layout  # bench/layout.py: the PDF and site layout cases
        layout.run(args)
    if args.only in (None, "council"):
        import council  # bench/council.py: a council of 40 committees' site
        args.committees, args.runs = 40, min(args.runs, 3)
        council.run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
