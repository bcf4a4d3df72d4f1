#!/usr/bin/python3
"""Write a five-year committee workspace made from the sample, for the
layout benchmark (bench/layout.py).

    fiveyear.py OUTDIR [--seed N] [--repo REPO]

Thirty meetings, every other month (January, March, May, July, September,
November) from 2022 to 2026, on a Tuesday, Wednesday or Thursday; each with
an agenda whose items link reports adapted from the sample's (numbers
changed, years moved to the meeting's, some words swapped, a subset of
each list kept, so no two packs are alike), and minutes for each of the 29
past meetings, adapted from the sample's minutes, whose resolutions include
actions (`{due=...}`, `{owner="..."}`) that later agendas answer
(`{answers=m.n}`) or leave open: the tracker has actions done, on the
agenda, scheduled, overdue and unscheduled. The work programme has the last
municipal year's meetings and the sample's forward plan. The site of the
workspace has 60 documents: 30 packs, 29 minutes and the tracker.

The output is the same for the same seed. Prints the workspace's folder,
the --today and --publish-date to build it with (a day between the last
two meetings) and the latest minutes file, one a line.
"""

import argparse
import datetime
import os
import random
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import genpack  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SAMPLE = "2026-06-17"
YEARS = range(2022, 2027)
MONTHS = (1, 3, 5, 7, 9, 11)
FIRST_MINUTE = 101
SEED = 2026

MEMBERS = ["Batool", "Bonham", "Barnes", "Cole", "Gregg", "Joshi", "Moore",
           "Waddington"]

# Words of the sample's text and what may stand for them.
SWAPS = {
    "significant": ["considerable", "marked", "notable"],
    "approximately": ["around", "about", "roughly"],
    "currently": ["now", "at present"],
    "important": ["vital", "essential"],
    "key": ["main", "central"],
    "strong": ["robust", "good"],
    "ongoing": ["continuing"],
    "challenge": ["difficulty", "pressure"],
    "ensure": ["make sure"],
    "reduce": ["lower", "cut"],
    "clear": ["plain", "sharp"],
    "further": ["more", "additional"],
}

# The sample's reports: the file, the agenda item's title, its text, the
# minute (of minutes/2026-06-17.md) whose text the minutes adapt, and the
# topics its actions ask about.
REPORTS = {
    "intro": ("introduction-to-cype.md", "Overview of children's services",
              "The Lead Scrutiny Directors of the Commission outline the "
              "service areas that form part of the Commission's remit.",
              "Introduction to CYPE",
              ["the glossary of acronyms for Members",
               "early help caseloads by locality"]),
    "hnb": ("executive-response-hnb.md",
            "SEND High Needs Block: progress on the Task Group "
            "recommendations",
            "The Director of SEND and Education submits a report on progress "
            "against the Task Group's recommendations on the High Needs "
            "Block.",
            "Executive response to CYPE Scrutiny Commission Task Group "
            "recommendations on the SEND High Needs Block",
            ["SEND sufficiency and new mainstream places",
             "tribunal and consultant costs", "home to school transport"]),
    "post": ("post-inspection-improvement-plan.md",
             "Children's social care improvement plan",
             "The Director of Children's Social Work and Early Help submits a "
             "report providing an update on the improvement plan for "
             "Children's Social Care.",
             "Presentation: post-inspection improvement plan",
             ["the quality of pathway plans for care leavers",
              "placement sufficiency for children looked after",
              "the recruitment of social workers"]),
    "perf": ("priorities-performance-q4.md",
             "Priorities and performance ambitions",
             "The Strategic Director of Social Care and Education submits a "
             "report providing an update on performance in social care and "
             "education and information on monitoring and improving quality.",
             "Priorities and performance ambitions Q4 25/26",
             ["case audit quality by team", "EHCP timeliness",
              "young people not in education, employment or training"]),
}
# Minutes of the sample's earlier meeting, adapted for the items that
# answer actions, in turn.
UPDATES = ["Ofsted inspection - verbal update",
           "Multi agency child protection team - progress update",
           "Schools White Paper"]
OWNERS = ["Director of SEND and Education",
          "Director of Children's Social Work and Early Help",
          "Strategic Director of Social Care and Education"]
# The quarter a meeting's performance report gives, by the meeting's month.
QUARTER = {1: 3, 3: 3, 5: 4, 7: 1, 9: 1, 11: 2}


def words(d):
    return "%d %s" % (d.day, d.strftime("%B %Y"))


def municipal_year(d):
    """The first year of the municipal year (May to April) holding d."""
    return d.year if d.month >= 5 else d.year - 1


def meeting_dates(rng):
    dates = []
    for year in YEARS:
        for month in MONTHS:
            days = [datetime.date(year, month, day) for day in range(8, 25)]
            dates.append(rng.choice([d for d in days if d.weekday() in (1, 2, 3)]))
    return dates


# ---- adapting the sample's text ---------------------------------------------

NUMBER = re.compile(r"(?<![\w./\-#£$])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/\-])")
FISCAL = re.compile(r"\b(\d\d)/(\d\d)\b")
YEAR_SPAN = re.compile(r"\b(20\d\d)([-/–])(\d\d)\b")
LEAD = re.compile(r"^(\s*(?:#+\s+|[-*]\s+)?(?:\d+[.)]\s+)?)")


def new_number(m, rng, shift):
    whole, frac = m.group(1), m.group(2) or ""
    n = int(whole.replace(",", ""))
    if not frac and "," not in whole and 1990 <= n <= 2099:
        return str(n + shift)
    if n <= 12 and not frac and rng.random() < 0.5:
        return whole
    value = float(whole.replace(",", "") + frac) * rng.uniform(0.8, 1.2)
    after = m.string[m.end():m.end() + 1]
    if after == "%" and float(whole.replace(",", "") + frac) <= 100:
        value = min(value, 100.0)
    if frac:
        return "%.*f" % (len(frac) - 1, value)
    value = int(round(value))
    return "{:,}".format(value) if "," in whole else str(value)


def shift_spans(line, shift):
    """25/26 and 2025-26, the years of a financial or municipal year."""
    def fiscal(m):
        a, b = int(m.group(1)), int(m.group(2))
        if b != (a + 1) % 100:
            return m.group(0)
        return "%02d/%02d" % ((a + shift) % 100, (b + shift) % 100)

    def span(m):
        a, b = int(m.group(1)), int(m.group(3))
        if b != (a + 1) % 100:
            return m.group(0)
        return "%d%s%02d" % (a + shift, m.group(2), (b + shift) % 100)
    return YEAR_SPAN.sub(span, FISCAL.sub(fiscal, line))


def swap_words(line, rng):
    def swap(m):
        word = m.group(0)
        if rng.random() < 0.5:
            return word
        new = rng.choice(SWAPS[word.lower()])
        return new[0].upper() + new[1:] if word[0].isupper() else new
    return re.sub(r"\b(%s)\b" % "|".join(SWAPS), swap, line,
                  flags=re.IGNORECASE)


def adapt_line(line, rng, shift):
    """The line with its numbers changed, its years moved by `shift` and
    some words swapped; a line with a link or a web address is kept."""
    if "](" in line or "http" in line or "www." in line or "{" in line:
        return line
    lead = LEAD.match(line).group(1)
    rest = shift_spans(line[len(lead):], shift)
    rest = NUMBER.sub(lambda m: new_number(m, rng, shift), rest)
    return lead + swap_words(rest, rng)


def adapt_text(text, rng, shift):
    return "\n".join(adapt_line(line, rng, shift) for line in text.split("\n"))


def thin_bullets(lines, rng):
    """Keep at least two bullets of each run of list items, in order."""
    out, run = [], []

    def flush():
        if len(run) > 2:
            keep = sorted(rng.sample(range(len(run)),
                                     rng.randint(2, len(run))))
            run[:] = [run[i] for i in keep]
        out.extend(run)
        run.clear()
    for line in lines:
        if line.startswith("- "):
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return out


def adapt_report(path, rng, shift, title, date):
    with open(path, encoding="utf-8") as f:
        meta, body = genpack.split_front_matter(f.read())
    out = ['title: "%s"' % title.replace('"', "'")]
    for line in meta:
        key = line.split(":", 1)[0].strip()
        if key in ("author", "lead_director"):
            out.append(line)
    out.append("date: %s" % date.isoformat())
    body = "\n".join(thin_bullets(body.split("\n"), rng))
    return "---\n" + "\n".join(out) + "\n---\n" + adapt_text(body, rng, shift)


# ---- the sample's minutes, by heading ---------------------------------------

def minute_bodies(repo):
    """{heading: text before its AGREED:} of the sample's two minutes."""
    bodies = {}
    for name in ("2026-04-14.md", "2026-06-17.md"):
        with open(os.path.join(repo, "minutes", name), encoding="utf-8") as f:
            _, body = genpack.split_front_matter(f.read())
        for part in re.split(r"^## ", body, flags=re.MULTILINE)[1:]:
            heading, _, text = part.partition("\n")
            bodies[heading.strip()] = text.split("AGREED:")[0].strip()
    return bodies


# ---- one meeting's items ----------------------------------------------------

def item(title, text, appendix=None, minute="", agreed=(), attrs=""):
    return {"title": title, "text": text, "appendix": appendix,
            "minute": minute, "agreed": list(agreed), "attrs": attrs}


def standing_items(i, dates, rng):
    apologies = rng.sample(MEMBERS[2:], rng.randint(0, 2))
    said = ("Apologies for absence were received from %s." %
            " and ".join("Councillor " + a for a in apologies)
            if apologies else "It was noted that no apologies were received.")
    items = [item("Welcome and apologies for absence",
                  "To issue a welcome to those present, and to confirm if "
                  "there are any apologies for absence.", minute=said),
             item("Declarations of interest",
                  "Members are asked to declare any interests they may have "
                  "in the business to be discussed.",
                  minute="The Chair asked members to declare any interests "
                  "in proceedings for which there were none.")]
    if i > 0:
        prev = dates[i - 1]
        items.append(item(
            "Minutes of the previous meeting",
            "The minutes of the meeting of the Children, Young People and "
            "Education Scrutiny Commission held on %s have been circulated, "
            "and Members are asked to confirm them as a correct record."
            % words(prev),
            appendix="../minutes/%s.md" % prev.isoformat(),
            minute="The Chair highlighted that the minutes of the meeting "
            "held on %s were included in the agenda pack." % words(prev),
            agreed=["That the minutes of the meeting held on %s be "
                    "confirmed as a correct record." % words(prev)]))
    return items, apologies


def year_items(i, dates, folder):
    """The first meeting of a municipal year: membership, dates, terms of
    reference."""
    d = dates[i]
    year = municipal_year(d)
    label = "%d/%02d" % (year, (year + 1) % 100)
    these = [m for m in dates if municipal_year(m) == year]
    table = ["| Role | Member |", "|---|---|",
             "| Chair | Councillor Misbah Batool |",
             "| Vice Chair | Councillor Stephen Bonham |"]
    table += ["|  | Councillor %s |" % n for n in
              ("George Cole", "Lynn Moore", "Sue Waddington",
               "Charleigh Barnes", "Dilip Joshi", "Mick Gregg")]
    return [
        item("Membership of the Commission %s" % label,
             "The Membership of the Commission will be confirmed and "
             "noted.\n\n" + "\n".join(table),
             minute="The membership of the Commission for the %s municipal "
             "year was noted." % label,
             agreed=["That the membership be noted."]),
        item("Dates of meetings for the Commission %s" % label,
             "Members will be asked to note the meeting dates of the "
             "commission for %s:\n\n" % label
             + "\n".join("- " + words(m) for m in these),
             minute="The meeting dates of the Commission for %s were noted. "
             "All meetings would start at 5:30 pm." % label,
             agreed=["That the dates of meetings for the Commission for %s "
                     "be noted." % label]),
        item("Terms of reference",
             "The Commission will be asked to note the Terms of Reference.",
             appendix="%s/terms-of-reference.md" % folder,
             minute="__tor__",
             agreed=["That the Terms of Reference be noted."]),
    ]


def chosen_reports(i, rng):
    kinds = ["perf"] if i % 2 == 0 else []
    kinds += rng.sample(["intro", "hnb", "post"], rng.randint(1, 2))
    return [k for k in ("intro", "hnb", "post", "perf") if k in kinds]


def perf_title(d):
    q = QUARTER[d.month]
    fy = d.year - 1 if q >= 3 else d.year  # April to March
    return "Priorities and performance ambitions Q%d %02d/%02d" % (
        q, fy % 100, (fy + 1) % 100)


class Workspace:
    """The meetings' items, minute numbers and actions, then the files."""

    def __init__(self, repo, seed):
        self.repo = repo
        self.rng = random.Random(seed)
        self.dates = meeting_dates(self.rng)
        self.bodies = minute_bodies(repo)
        self.answers = {}   # meeting index -> [(action id, topic)]
        self.actions = []   # (id, meeting index, due index or None, topic)
        self.meetings = []  # [(items, apologies)]
        self.reports = {}   # path under agendas/ -> text
        self.updates = 0
        self.scheduled = []  # (action id, topic) the work programme places

    def report_item(self, i, kind):
        d = self.dates[i]
        name, title, text, _, _ = REPORTS[kind]
        folder = d.isoformat()
        full = perf_title(d) if kind == "perf" else "%s, %s" % (
            title, d.strftime("%B %Y"))
        shift = municipal_year(d) - 2026
        self.reports["%s/%s" % (folder, name)] = adapt_report(
            os.path.join(self.repo, "agendas", SAMPLE, name), self.rng,
            shift, full, d)
        return item(full, text, appendix="%s/%s" % (folder, name),
                    minute="__%s__" % kind)

    def update_item(self, i, action, topic):
        d = self.dates[i]
        slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")
        name = "update-%s-%s.md" % (action.replace(".", "-"), slug)
        source = ("post-inspection-improvement-plan.md" if self.updates % 2
                  else "executive-response-hnb.md")
        title = "Update on %s" % topic
        self.reports["%s/%s" % (d.isoformat(), name)] = adapt_report(
            os.path.join(self.repo, "agendas", SAMPLE, source), self.rng,
            municipal_year(d) - 2026, title[0].upper() + title[1:], d)
        minute = "__update%d__" % (self.updates % len(UPDATES))
        self.updates += 1
        return item(title[0].upper() + title[1:],
                    "The report the Commission asked for on %s." % topic,
                    appendix="%s/%s" % (d.isoformat(), name), minute=minute,
                    agreed=["That the Commission note the update."],
                    attrs=" {answers=%s}" % action)

    def resolutions(self, i, kind):
        """Resolutions of a report's minute: noted, and perhaps an action."""
        agreed = ["That the Commission note the report."]
        last = len(self.dates) - 1
        roll = self.rng.random()
        topic = self.rng.choice(REPORTS[kind][4])
        # At least one action the last agenda answers (on the agenda) and
        # one the work programme schedules for the last meeting.
        forced = (i == last - 2 and last not in self.answers
                  or i == last - 1 and not self.scheduled)
        if forced:
            roll = 0
        if roll < 0.45 and i + 1 <= last:
            due = last if forced else min(last, i + self.rng.randint(1, 3))
            owner = self.rng.choice(OWNERS)
            with_owner = ' owner="%s"' % owner if self.rng.random() < 0.4 else ""
            agreed.append("That a report on %s be brought to the Commission. "
                          "{due=%s%s}" % (topic, self.dates[due].isoformat(),
                                          with_owner))
            return agreed, (due, topic)
        if roll < 0.6:
            agreed.append('That the data on %s be circulated to Members. '
                          '{owner="%s"}' % (topic, self.rng.choice(OWNERS)))
            return agreed, (None, topic)
        return agreed, None

    def plan(self):
        number = FIRST_MINUTE
        last = len(self.dates) - 1
        for i, d in enumerate(self.dates):
            folder = d.isoformat()
            items, apologies = standing_items(i, self.dates, self.rng)
            if d.month == 5:
                items += year_items(i, self.dates, folder)
                self.reports["%s/terms-of-reference.md" % folder] = adapt_report(
                    os.path.join(self.repo, "agendas", SAMPLE,
                                 "terms-of-reference.md"), self.rng,
                    municipal_year(d) - 2026,
                    "Scrutiny Committees: Terms of Reference %d/%02d" % (
                        municipal_year(d), (municipal_year(d) + 1) % 100), d)
            items += [item("Chair's announcements",
                           "The Chair is invited to make any announcements "
                           "as they see fit.",
                           minute="The Chair welcomed everyone to the meeting."),
                      item("Questions, representations and statements of case",
                           "Any questions, representations and statements of "
                           "case submitted in accordance with the Council's "
                           "procedures will be reported.",
                           minute="It was noted that none had been received."),
                      item("Petitions",
                           "Any petitions received in accordance with Council "
                           "procedures will be reported.",
                           minute="It was noted that none had been received.")]
            reports = [self.report_item(i, k) for k in chosen_reports(i, self.rng)]
            for action, topic in self.answers.get(i, []):
                reports.append(self.update_item(i, action, topic))
            items += reports
            items += [item("Work programme",
                           "Members of the Commission will be asked to "
                           "consider the work programme and make suggestions "
                           "for additional items as it considers necessary.",
                           appendix="workprogramme.md",
                           minute="The Chair reminded Members that should "
                           "there be any items they wished to be considered "
                           "for the work programme they should share these "
                           "with her and the Senior Governance Officer.",
                           agreed=["That the work programme be noted."]),
                      item("Any other business", "", minute="__close__")]
            for it in items:
                kind = it["minute"].strip("_")
                if kind in REPORTS and i < last:
                    it["agreed"], action = self.resolutions(i, kind)
                    if action:
                        self.record_action(i, number, action)
                it["number"] = number
                number += 1
            self.meetings.append((items, apologies))

    def record_action(self, i, number, action):
        due, topic = action
        ident = "%d.2" % number
        self.actions.append((ident, i, due, topic))
        # The last minutes' actions are placed by the work programme; most
        # others due at a meeting are answered by its agenda, the rest left
        # open (overdue, or scheduled when still to come).
        if i == len(self.dates) - 2 and due is not None:
            self.scheduled.append((ident, topic))
        elif due is not None and (due == len(self.dates) - 1
                                  or self.rng.random() < 0.75):
            self.answers.setdefault(due, []).append((ident, topic))

    # ---- writing ------------------------------------------------------------

    def agenda(self, i):
        d = self.dates[i]
        out = ["---", "date: %s" % d.isoformat(), 'time: "17:30"',
               "title: Agenda", "---"]
        for it in self.meetings[i][0]:
            out += ["## %s%s" % (it["title"], it["attrs"]), ""]
            if it["text"]:
                out += [it["text"], ""]
            if it["appendix"]:
                out += ["[Appendix](%s)" % it["appendix"], ""]
        return "\n".join(out)

    def minute_text(self, it, d):
        kind = it["minute"].strip("_") if it["minute"].startswith("__") else None
        if kind is None:
            return it["minute"]
        shift = municipal_year(d) - 2026
        if kind == "tor":
            source = self.bodies["Terms of reference"]
        elif kind.startswith("update"):
            source = self.bodies[UPDATES[int(kind[6:])]]
        else:
            source = self.bodies[REPORTS[kind][3]]
        lines = thin_bullets(source.split("\n"), self.rng)
        return adapt_text("\n".join(lines), self.rng, shift)

    def minutes(self, i):
        d = self.dates[i]
        items, apologies = self.meetings[i]
        closed = datetime.time(18 + self.rng.randint(0, 1),
                               self.rng.randint(0, 59))
        present = (["Councillor Batool (Chair)", "Councillor Bonham (Vice Chair)"]
                   + ["Councillor " + m for m in MEMBERS[2:]
                      if m not in apologies])
        out = ["---", "date: %s" % d.isoformat(), 'time: "17:30"']
        if i == 0:
            out.append("first_minute: %d" % FIRST_MINUTE)
        out += ["present: [%s]" % ", ".join(present),
                "also_present: [Assistant City Mayor for Children and Young People]",
                "apologies: [%s]" % ", ".join("Councillor " + a for a in apologies),
                'closed: "%s"' % closed.strftime("%H:%M"), "---"]
        for it in items:
            out += ["## %s" % it["title"], ""]
            if it["minute"] == "__close__":
                hour = closed.hour - 12
                out += ["There being no further business, the meeting closed "
                        "at %d:%02d pm." % (hour, closed.minute), ""]
                continue
            out += [self.minute_text(it, d), ""]
            if it["agreed"]:
                out += ["AGREED:", ""]
                out += ["%d. %s" % (n, a) for n, a in
                        enumerate(it["agreed"], 1)]
                out.append("")
        return "\n".join(out)

    def work_programme(self):
        """The last municipal year's meetings, their report items, and the
        sample's forward plan."""
        with open(os.path.join(self.repo, "agendas", "workprogramme.md"),
                  encoding="utf-8") as f:
            sample = f.read()
        forward = sample[sample.index("## Forward plan"):]
        last_year = municipal_year(self.dates[-1])
        out = ["---", "title: Children, Young People and Education Scrutiny "
               "Commission (CYPE) Work Programme %d – %d" % (last_year,
                                                             last_year + 1),
               "---"]
        for i, d in enumerate(self.dates):
            if municipal_year(d) != last_year:
                continue
            out.append("## %s" % words(d))
            for it in self.meetings[i][0]:
                if it["appendix"] and it["appendix"].startswith(d.isoformat()):
                    out.append("- %s" % it["title"])
            if i == len(self.dates) - 1:
                out += ["- Update on %s {answers=%s}" % (topic, ident)
                        for ident, topic in self.scheduled]
            out.append("")
        return "\n".join(out) + "\n" + forward

    def committee(self):
        with open(os.path.join(self.repo, "agendas", "committee.md"),
                  encoding="utf-8") as f:
            text = f.read()
        return re.sub(r"^meetings: .*$", "meetings: [%s]" % ", ".join(
            d.isoformat() for d in self.dates), text, count=1,
            flags=re.MULTILINE)

    def write(self, out):
        if os.path.isdir(out):
            shutil.rmtree(out)
        os.makedirs(os.path.join(out, "minutes"))
        agendas = os.path.join(out, "agendas")
        for d in self.dates:
            os.makedirs(os.path.join(agendas, d.isoformat()))
        files = {os.path.join(agendas, "committee.md"): self.committee(),
                 os.path.join(agendas, "workprogramme.md"): self.work_programme()}
        for path, text in self.reports.items():
            files[os.path.join(agendas, path)] = text
        for i, d in enumerate(self.dates):
            files[os.path.join(agendas, d.isoformat() + ".md")] = self.agenda(i)
            if i < len(self.dates) - 1:
                files[os.path.join(out, "minutes", d.isoformat() + ".md")] = \
                    self.minutes(i)
        for path, text in sorted(files.items()):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.rstrip("\n") + "\n")


def generate(out, repo=REPO, seed=SEED):
    """Write the workspace into `out` (replacing it). Returns a dict: the
    workspace `ws`, `today` and `publish` (YYYY-MM-DD: a day between the
    last two meetings) and `latest_minutes`, the last minutes file's path."""
    ws = Workspace(repo, seed)
    ws.plan()
    ws.write(out)
    today = ws.dates[-2] + datetime.timedelta(days=14)
    return {"ws": out, "today": today.isoformat(), "publish": today.isoformat(),
            "latest_minutes": os.path.join(out, "minutes",
                                           ws.dates[-2].isoformat() + ".md"),
            "actions": len(ws.actions)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--repo", default=REPO)
    args = ap.parse_args()
    made = generate(os.path.abspath(args.out), os.path.abspath(args.repo),
                    args.seed)
    print(made["ws"])
    print(made["today"])
    print(made["publish"])
    print(made["latest_minutes"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
