"""What the benchmark's generated reports share: their words, and the copy
of the small committee whose agenda gains an item linking one."""
import os
import shutil

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

WORDS = ("council budget service children education report school places "
         "funding plan review members officers strategy performance target "
         "risk improvement ward demand capacity admissions transport "
         "consultation outcome pupils families provision cost saving").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def workspace(work, name, item, linked=None):
    """A fresh copy of the small committee in WORK/NAME whose agenda ends
    with the item `item` (its heading and text, Markdown), linking the
    report named `linked` (a file name in the meeting's folder) when it is
    given. Returns the workspace and its agenda's paths."""
    ws = os.path.join(work, name)
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "tests/fixtures/small"), ws)
    agenda = os.path.join(ws, "agendas", "2026-06-17.md")
    with open(agenda, "a", encoding="utf-8") as f:
        f.write("\n" + item + "\n")
        if linked:
            f.write("\n[Appendix](2026-06-17/%s)\n" % linked)
    return ws, agenda


def cpu_model():
    """The CPU's model name as /proc/cpuinfo gives it."""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown CPU"
