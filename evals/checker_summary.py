"""One markdown summary of several checker-harness runs (the README's figures).

python -m evals.checker_summary runs/checker-dev runs/checker-val runs/checker-gvdb runs/checker-muc4
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from summarizer.evaluation.oracle import CLASSES


def _fmt(t: dict[str, Any] | None) -> str:
    if not t or t.get("value") is None:
        return "–"
    return f"{t['value']:.3f} ({t['n']})" if "n" in t else f"{t['value']:.3f}"


def main(argv: list[str]) -> int:
    runs = [
        (Path(a).name.replace("checker-", ""), json.loads((Path(a) / "metrics.json").read_text()))
        for a in argv
    ]
    names = [n for n, _ in runs]
    print(
        "Catch rate per mutation class, checker `flag` (= `strict`; `off` catches only paraphrased quotes),"
    )
    print("then with the rules cross-check counted as a mark; (n) = mutations applied.\n")
    print("| class | " + " | ".join(f"{n} flag | {n} +cross-check" for n in names) + " |")
    print("|---|" + "---:|---:|" * len(names))
    for cls in [*CLASSES, "all"]:
        cells = []
        for _, m in runs:
            flag = m["modes"]["flag"]["catch_rate"].get(cls)
            xc = m.get("cross_check", {}).get("catch_rate_with_flag", {}).get(cls)
            cells += [_fmt(flag), _fmt(xc).split(" ")[0]]
        if any(c != "–" for c in cells):
            print(f"| {cls} | " + " | ".join(cells) + " |")
    print("\nFalse alarms on unmutated oracle drafts (share of correct facts changed, dropped or marked):\n")
    print("| set | oracle facts | off | flag | strict | rules cross-check disagrees |")
    print("|---|---:|---:|---:|---:|---:|")
    for n, m in runs:
        fa = {mode: m["modes"][mode]["false_alarm_rate"]["all"] for mode in ("off", "flag", "strict")}
        xc = m.get("cross_check", {}).get("false_alarm_rate", {}).get("all")
        print(
            f"| {n} | {fa['flag']['n']} | {fa['off']['value']:.3f} | {fa['flag']['value']:.3f} | "
            f"{fa['strict']['value']:.3f} | {_fmt(xc).split(' ')[0]} |"
        )
    print(
        "\nWhat a user sees (every oracle fact and every mutated fact): right value / wrong value shown as established:\n"
    )
    print("| set | " + " | ".join(f"{mode}" for mode in ("off", "flag", "strict")) + " |")
    print("|---|---:|---:|---:|")
    for n, m in runs:
        cells = []
        for mode in ("off", "flag", "strict"):
            u = m["modes"][mode]["user_view"]
            cells.append(f"{u['right']['value']:.3f} / {u['wrong_established']['value']:.3f}")
        print(f"| {n} | " + " | ".join(cells) + " |")
    print("\nOracle coverage (gold-labelled facts whose evidence code located):\n")
    facts = ["killed", "injured", "date", "city", "country", "perpetrator", "claimant"]
    print("| set | " + " | ".join(facts) + " |")
    print("|---|" + "---:|" * len(facts))
    for n, m in runs:
        cells = []
        for f in facts:
            c = m["coverage"].get(f, {})
            cells.append(f"{c['located']}/{c['labelled']}" if c.get("labelled") else "–")
        print(f"| {n} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
