#!/usr/bin/env python3
"""Check that no object file in OBJ_DIR uses a symbol of a higher layer,
and that no two objects use each other's, directly or through others.

    check_layers.py LAYERS_FILE OBJ_DIR

LAYERS_FILE names each layer and its objects, lowest first (tests/layers.txt).
Every object in OBJ_DIR must be in a layer, and every undefined symbol it
takes from another object (nm) must come from its own layer or one below.
"""
import glob
import os
import subprocess
import sys


def read_layers(path):
    layer_of = {}
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, objs = line.split(":", 1)
            names.append(name.strip())
            for obj in objs.split():
                layer_of[obj] = len(names) - 1
    return layer_of, names


def symbols(obj):
    """The symbols `obj` defines and those it leaves undefined."""
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDRBCV":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
    return defined, undefined


def cycles(uses, defined_by):
    """A fault for each pair of objects that reach each other."""
    deps = {n: {defined_by[s] for s in syms if defined_by.get(s, n) != n}
            for n, syms in uses.items()}

    def reach(start):
        seen, todo = set(), [start]
        while todo:
            for d in deps.get(todo.pop(), ()):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return seen

    reached = {n: reach(n) for n in deps}
    return [f"{a}.o and {b}.o use each other (a cycle)"
            for a in sorted(deps) for b in sorted(reached[a])
            if a < b and a in reached.get(b, ())]


def main():
    layer_of, names = read_layers(sys.argv[1])
    objs = sorted(glob.glob(os.path.join(sys.argv[2], "*.o")))
    if not objs:
        sys.exit(f"check_layers: no object files in {sys.argv[2]}")
    defined_by, uses = {}, {}
    for obj in objs:
        name = os.path.basename(obj)[:-2]
        defined, undefined = symbols(obj)
        for s in defined:
            defined_by[s] = name
        uses[name] = undefined
    faults = []
    for name in sorted(uses):
        if name not in layer_of:
            faults.append(f"{name}.o is in no layer of {sys.argv[1]}")
            continue
        for s in sorted(uses[name]):
            owner = defined_by.get(s)
            if owner and owner in layer_of and layer_of[owner] > layer_of[name]:
                faults.append(
                    f"{name}.o ({names[layer_of[name]]}) uses {s} of "
                    f"{owner}.o ({names[layer_of[owner]]})")
    faults += cycles(uses, defined_by)
    for fault in faults:
        print("FAIL: " + fault, file=sys.stderr)
    if faults:
        sys.exit(1)
    print(f"layers: {len(uses)} objects in {len(names)} layers, none uses a higher one, no cycle")


main()
