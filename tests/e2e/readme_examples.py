"""The README's examples run as written: every `$ scrutineer ...` line of
its ```sh blocks is run, in order, in a copy of the repository's workspace
with the installed scrutineer first on PATH, and what it prints (stdout and
stderr, as a terminal shows them) must be what the README shows below it.
In the README's text, `...` stands for any text within a line, a line of
only `...` for any number of lines, and runs of spaces or tabs are one
space (columns are aligned with spaces there, tab-separated here). A block
right after a line `<!-- not run: WHY -->` shows another workspace or
machine, and is skipped.

Usage: readme_examples.py README.md WORKSPACE
"""
import re
import subprocess
import sys


def examples(readme):
    """(line number, command, expected lines) for each example to run."""
    lines = open(readme, encoding="utf-8").read().split("\n")
    out, i, skip = [], 0, False
    while i < len(lines):
        line = lines[i]
        if line.startswith("<!-- not run:"):
            skip = True
        elif line.startswith("```sh"):
            i += 1
            block = []
            while i < len(lines) and not lines[i].startswith("```"):
                block.append((i + 1, lines[i]))
                i += 1
            if not skip:
                out.extend(commands(block))
            skip = False
        elif line.strip():
            skip = False
        i += 1
    return out


def commands(block):
    out = []
    for number, text in block:
        if text.startswith("$ "):
            out.append((number, text[2:], []))
        elif out:
            out[-1][2].append(text)
    return [e for e in out if e[1].startswith("scrutineer")]


def squeeze(text):
    return re.sub(r"[ \t]+", " ", text).strip()


def line_matches(want, got):
    pattern = ".*".join(re.escape(p) for p in squeeze(want).split("..."))
    return re.fullmatch(pattern, squeeze(got)) is not None


def matches(want, got):
    """Whether the lines `got` are the lines `want`, `...` lines standing
    for any number of lines."""
    if not want:
        return not got
    if squeeze(want[0]) == "...":
        return any(matches(want[1:], got[k:]) for k in range(len(got) + 1))
    return bool(got) and line_matches(want[0], got[0]) and matches(want[1:], got[1:])


def main():
    readme, workspace = sys.argv[1], sys.argv[2]
    todo = examples(readme)
    if not todo:
        sys.exit("FAIL: the README has no examples to run")
    for number, command, want in todo:
        run = subprocess.run(command, shell=True, cwd=workspace,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, timeout=900)
        got = run.stdout.rstrip("\n").split("\n") if run.stdout else []
        if not matches(want, got):
            sys.exit("FAIL: README.md:%d: '$ %s' printed\n%s\nbut the README shows\n%s"
                     % (number, command, "\n".join(got), "\n".join(want)))
    print("  ok    README: its %d examples print what it shows" % len(todo))


main()
