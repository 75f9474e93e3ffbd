"""Prints the benches' figures as one table (scripts/bench-report): figure, measured, goal (with
whether it is met) and the anchor beside it. Reads target/bench-report/*.tsv, one figure per line:
figure<TAB>measured<TAB>goal<TAB>anchor, '-' where there is none."""

import os
import re
import sys

UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0, "B": 1, "KB": 1e3, "MB": 1e6, "$": 1}
NUMBER = re.compile(r"(\$)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(ns|µs|us|ms|s|KB|MB|B)?\b")
GOAL = re.compile(r"^(≤|<=|≥|>=)\s*(.+)$")


def quantity(text):
    """The first number in text with its unit, in base units; None when there is none."""
    match = NUMBER.search(text)
    if not match:
        return None
    dollar, digits, unit = match.groups()
    unit = "$" if dollar else unit
    value = float(digits.replace(",", ""))
    return value * UNITS.get(unit, 1), unit


def met(measured, goal):
    """'✓' or '✗' when the goal is a bound in the measured figure's kind of unit; '' otherwise."""
    bound = GOAL.match(goal.strip())
    if not bound:
        return ""
    have, want = quantity(measured), quantity(bound.group(2))
    if not have or not want or kind(have[1]) != kind(want[1]):
        return ""
    ok = have[0] <= want[0] if bound.group(1) in ("≤", "<=") else have[0] >= want[0]
    return "✓" if ok else "✗"


def kind(unit):
    if unit in ("ns", "µs", "us", "ms", "s"):
        return "time"
    if unit in ("B", "KB", "MB"):
        return "size"
    return unit


def rows(directory, order):
    names = sorted(f[:-4] for f in os.listdir(directory) if f.endswith(".tsv"))
    names.sort(key=lambda n: order.index(n) if n in order else len(order))
    for name in names:
        with open(os.path.join(directory, name + ".tsv"), encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    fields = (line.rstrip("\n").split("\t") + ["-"] * 4)[:4]
                    yield [f.strip() or "-" for f in fields]


def main(directory, order):
    print("| figure | measured | goal | anchor |")
    print("|---|---:|---|---|")
    for figure, measured, goal, anchor in rows(directory, order):
        mark = met(measured, goal) if goal != "-" else ""
        goal_text = "" if goal == "-" else f"{goal} {mark}".strip()
        anchor_text = "" if anchor == "-" else anchor
        print(f"| {figure} | {measured} | {goal_text} | {anchor_text} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(",") if len(sys.argv) > 2 else [])
