#!/usr/bin/python3
"""Write a committee workspace whose pack has N times the sample's appendix
volume, for the benchmark.

    genpack.py SCALE OUTDIR [REPO]

The workspace holds copies of the sample's committee.md, minutes and work
programme, and one agenda (the sample's, 2026-06-17) whose appendices are the
sample's seven, then rounds of more reports until the appendices hold SCALE
times the sample's bytes: in each round a renamed copy of each sample report
and a generated report of long tables and nested lists. Output is the same on
every run. Prints the workspace's agenda path.

generate_links writes the workspace of run.py's links case: the sample's
with one more report, made of links (links_report).
"""

import os
import re
import shutil
import sys

DATE = "2026-06-17"
LINK = re.compile(r"\[Appendix\]\(([^)]+)\)")


def appendix_paths(agenda_path):
    """Files an agenda links as appendices, in order of first reference."""
    seen = []
    folder = os.path.dirname(agenda_path)
    with open(agenda_path, encoding="utf-8") as f:
        for target in LINK.findall(f.read()):
            path = os.path.normpath(os.path.join(folder, target))
            if path not in seen:
                seen.append(path)
    return seen


def split_front_matter(text):
    """(front matter lines without the fences, body); front matter may be []."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return [], text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return lines[1:i], "\n".join(lines[i + 1:])
    return [], text


def with_title(text, suffix):
    """The report with ` (suffix)` added to its front-matter title."""
    meta, body = split_front_matter(text)
    out, titled = [], False
    for line in meta:
        m = re.match(r'title:\s*"?(.*?)"?\s*$', line)
        if m:
            line = 'title: "%s (%s)"' % (m.group(1).replace('"', "'"), suffix)
            titled = True
        out.append(line)
    if not titled:
        out.append('title: "Report (%s)"' % suffix)
    return "---\n" + "\n".join(out) + "\n---\n" + body


WARDS = ["Abbey", "Aylestone", "Beaumont Leys", "Belgrave", "Braunstone Park",
         "Castle", "Evington", "Eyres Monsell", "Fosse", "Humberstone",
         "Knighton", "North Evington", "Rushey Mead", "Saffron", "Stoneygate",
         "Thurncourt", "Troon", "Westcotes", "Western", "Wycliffe"]
MEASURES = ["Referrals to children's social care", "Re-referrals within 12 months",
            "Assessments completed in 45 days", "Child protection plans",
            "Children looked after", "Care leavers in education or work",
            "EHC plans issued in 20 weeks", "Persistent absence (primary)",
            "Persistent absence (secondary)", "Fixed-term exclusions",
            "Early help episodes closed", "Foster carers approved"]


def table(k, rows):
    """A wide performance table with aligned columns and inline markup."""
    out = ["| Ward | Measure | Q1 | Q2 | Q3 | Q4 | Target | RAG |",
           "|:--|:--|--:|--:|--:|--:|--:|:-:|"]
    for r in range(rows):
        i = k * 7919 + r * 104729
        q = [(i >> s) % 1000 / 10 for s in (0, 3, 6, 9)]
        target = (i >> 12) % 1000 / 10
        rag = ["**Red**", "Amber", "*Green*", "Blue"][(i >> 5) % 4]
        out.append("| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |" % (
            WARDS[(k + r) % len(WARDS)], MEASURES[(k * 3 + r) % len(MEASURES)],
            q[0], q[1], q[2], q[3], target, rag))
    return "\n".join(out)


def nested_list(k, items):
    """An action plan: ordered actions, bulleted steps, bulleted notes."""
    out = []
    for a in range(1, items + 1):
        measure = MEASURES[(k + a) % len(MEASURES)]
        out.append("%d. Improve *%s* in %s, reporting to the Commission "
                   "each quarter." % (a, measure.lower(), WARDS[(k * a) % len(WARDS)]))
        for b in range(1, 4):
            out.append("   - Step %d.%d: agree the baseline with the service "
                       "manager and publish it on the `dashboard`." % (a, b))
            for c in range(1, 3):
                out.append("     - Note %d.%d.%d: progress is checked at the "
                           "monthly ~~board~~ **performance clinic**." % (a, b, c))
    return "\n".join(out)


def generated_report(k):
    """A report made of long tables and nested lists."""
    parts = ["---",
             'title: "Performance tables, part %d"' % k,
             "author: Performance and Intelligence Team",
             "lead_director: Laurence Mackie-Jones",
             "date: %s" % DATE,
             "---",
             "## 1. Purpose of report",
             "",
             "To give the Commission the ward-level performance tables for "
             "part %d of the quarter's return, and the actions agreed." % k,
             ""]
    for section in range(1, 4):
        parts += ["## %d. Ward tables, section %d" % (section + 1, section), "",
                  "The table gives each measure by quarter against its target.",
                  "", table(k * 10 + section, 60), "",
                  "### Actions for section %d" % section, "",
                  nested_list(k * 10 + section, 6), ""]
    return "\n".join(parts)


def copy_sources(repo, out):
    for sub in ("agendas", "minutes", os.path.join("agendas", DATE)):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for name in ("committee.md", "workprogramme.md"):
        shutil.copyfile(os.path.join(repo, "agendas", name),
                        os.path.join(out, "agendas", name))
    for name in sorted(os.listdir(os.path.join(repo, "minutes"))):
        if name.endswith(".md"):
            shutil.copyfile(os.path.join(repo, "minutes", name),
                            os.path.join(out, "minutes", name))


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def generate(scale, out, repo):
    sample_agenda = os.path.join(repo, "agendas", DATE + ".md")
    sample = appendix_paths(sample_agenda)
    reports = [p for p in sample if os.path.dirname(p).endswith(DATE)]
    volume = sum(os.path.getsize(p) for p in sample)
    if os.path.isdir(out):
        shutil.rmtree(out)
    copy_sources(repo, out)
    for p in reports:
        shutil.copyfile(p, os.path.join(out, "agendas", DATE, os.path.basename(p)))

    items, total, k = [], volume, 1
    while total < scale * volume:
        k += 1
        for p in reports:
            name = "part%03d-%s" % (k, os.path.basename(p))
            with open(p, encoding="utf-8") as f:
                total += write(os.path.join(out, "agendas", DATE, name),
                               with_title(f.read(), "part %d" % k))
            items.append((name, "Report %s, part %d" % (os.path.basename(p)[:-3], k)))
        name = "part%03d-tables.md" % k
        total += write(os.path.join(out, "agendas", DATE, name), generated_report(k))
        items.append((name, "Performance tables, part %d" % k))

    with open(sample_agenda, encoding="utf-8") as f:
        agenda = f.read()
    extra = "".join("## %s\n\nThe Commission is asked to note the report.\n\n"
                    "[Appendix](%s/%s)\n\n" % (title, DATE, name)
                    for name, title in items)
    last = agenda.rindex("## Any other business")
    agenda = agenda[:last] + extra + agenda[last:]
    path = os.path.join(out, "agendas", DATE + ".md")
    write(path, agenda)
    return path


# ---- many links, for `run.py --only links` --------------------------------

def _link_line(i):
    """One list item with three links, after a tab and a multibyte
    character. One item in 50 has a link whose text is "click here", and
    one in 25 a bare web address in place of the third: warnings."""
    ward = WARDS[i % len(WARDS)]
    text = "click here" if i % 50 == 0 else "%s ward %d" % (ward, i)
    third = ("www.example.org/%d" % i if i % 25 == 1
             else "[Q%d return](q/%d.html)" % (i % 4 + 1, i))
    return ("- \u00e9\t[%s](https://example.org/w/%d), [map](m/%d.png), %s\n"
            % (text, i, i, third))


def _refs_block(first, count):
    """A paragraph using `count` reference links twice each, in the shortcut
    form and the full one."""
    return "".join("See [r%d] and [ward][r%d].\n" % (i, i)
                   for i in range(first, first + count)) + "\n"


def links_report(mb, kind):
    """A report of about `mb` MB: kind "links", three links per line; kind
    "refs", reference definitions each used twice, the definitions at the
    end. Returns (text, number of links: for "refs" the uses, each
    definition being used twice)."""
    head = ("---\ntitle: \"Ward links\"\ndate: %s\n---\n"
            "# Ward links\n\n" % DATE)
    want = int(mb * 1e6)
    parts, size, n = [head], len(head), 0
    if kind == "links":
        while size < want:
            line = _link_line(n // 3)
            parts.append(line)
            size += len(line.encode("utf-8"))
            n += 3
        return "".join(parts), n
    # per definition: two uses (about 30 bytes) and the definition (about 20)
    defs = max(1, want // 50)
    for first in range(0, defs, 100):
        parts.append(_refs_block(first, min(100, defs - first)))
    parts += ["[r%d]: /r/%d\n" % (i, i) for i in range(defs)]
    return "".join(parts), 2 * defs


def generate_links(mb, kind, out, repo):
    """A workspace like the sample whose agenda also links one report of
    about `mb` MB of links (links_report). Returns (agenda path, report
    bytes, number of links)."""
    sample_agenda = os.path.join(repo, "agendas", DATE + ".md")
    if os.path.isdir(out):
        shutil.rmtree(out)
    copy_sources(repo, out)
    for p in appendix_paths(sample_agenda):
        if os.path.dirname(p).endswith(DATE):
            shutil.copyfile(p, os.path.join(out, "agendas", DATE,
                                            os.path.basename(p)))
    text, n = links_report(mb, kind)
    size = write(os.path.join(out, "agendas", DATE, "links.md"), text)
    with open(sample_agenda, encoding="utf-8") as f:
        agenda = f.read()
    last = agenda.rindex("## Any other business")
    agenda = (agenda[:last] + "## Ward links\n\nThe Commission is asked to "
              "note the links.\n\n[Appendix](%s/links.md)\n\n" % DATE
              + agenda[last:])
    path = os.path.join(out, "agendas", DATE + ".md")
    write(path, agenda)
    return path, size, n


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: genpack.py SCALE OUTDIR [REPO]\n")
        return 2
    repo = argv[3] if len(argv) == 4 else os.path.join(os.path.dirname(__file__), "..")
    print(generate(int(argv[1]), argv[2], os.path.abspath(repo)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
