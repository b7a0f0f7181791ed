"""Grouping speed: ``group_events`` on ~10,000 reports.

    python evals/bench_events.py [--copies 110]
    python evals/bench_events.py --synthetic 10000 [--seed 7]

``--synthetic N``: N reports of :mod:`evals.synthetic_events` (many incidents in few cities, twins
in one city on one day), timed and scored (B-cubed against the incidents they were made from).

Summarizes the 92 articles of ``dev.jsonl`` + ``events_hard.jsonl`` once with the offline engine,
then makes ``copies`` copies of every report, each copy moved by 30 days (so copies are different
incidents that share the same words, the worst case for blocking), and times ``group_events``.
Prints how many groups join reports of two copies (only copies of an undated article should: they
are identical and nothing tells them apart).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import timedelta
from pathlib import Path

from summarizer import Article, Summarizer
from summarizer.events import Member, group_events

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=110)
    parser.add_argument("--synthetic", type=int, default=0, metavar="N", help="N synthetic reports instead")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.synthetic:
        synthetic(args.synthetic, args.seed)
        return
    s = Summarizer(engine="rules", cache=False)
    base: list[Member] = []
    for name in ("dev.jsonl", "events_hard.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            a = Article(
                text=r["text"],
                id=r["id"],
                title=r.get("title"),
                outlet=r.get("outlet"),
                published=r.get("published"),
            )
            base.append(
                Member(
                    id=r["id"], report=s.summarize(a, use_cache=False), outlet=r.get("outlet"), text=r["text"]
                )
            )
    members: list[Member] = []
    for k in range(args.copies):
        shift = timedelta(days=30 * k)
        for m in base:
            rep = m.report.model_copy(deep=True)
            if (
                rep.incident is not None
                and rep.incident.date is not None
                and rep.incident.date.iso is not None
            ):
                rep.incident.date.iso += shift
            if rep.article.published is not None:
                rep.article.published += shift
            members.append(m.model_copy(update={"id": f"{m.id}@{k}", "report": rep}))
    started, cpu = time.perf_counter(), time.process_time()
    groups = group_events(members)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    spanning = [g for g in groups if len({i.split("@")[1] for i in g.ids}) > 1]
    undated = [g for g in spanning if all(_anchor(members[i]) is None for i in g.indices)]
    print(
        f"{len(members)} reports -> {len(groups)} groups in {seconds:.2f}s wall, {cpu:.2f}s CPU;"
        f" {len(spanning)} groups span two copies"
        + (
            f" ({len(undated)} of them copies of an article with neither a date nor a publication date:"
            " identical and undated, nothing tells them apart)"
            if undated
            else ""
        )
    )


def _anchor(m: Member) -> object:
    inc = m.report.incident
    if inc is not None and inc.date is not None and inc.date.iso is not None:
        return inc.date.iso
    return m.published or m.report.article.published


def synthetic(n: int, seed: int) -> None:
    import sys

    sys.path.insert(0, str(DATA.parent.parent))  # run as a script: the repository root for ``evals``
    from evals.synthetic_events import clusters, synthetic_members
    from summarizer.events.evaluate import bcubed

    members, truth = synthetic_members(n, seed=seed)
    started, cpu = time.perf_counter(), time.process_time()
    groups = group_events(members)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    score = bcubed([g.ids for g in groups], clusters(truth, [m.id for m in members]))
    print(
        f"{len(members)} synthetic reports of {len(set(truth))} incidents -> {len(groups)} groups in "
        f"{seconds:.2f}s wall, {cpu:.2f}s CPU; B-cubed P {score['precision']:.3f} R {score['recall']:.3f}"
        f" F1 {score['f1']:.3f}"
    )


if __name__ == "__main__":
    main()
