"""Write ``evals/data/events_hard.jsonl`` from the article sources in this folder.

python evals/events_src/build.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import articles_1  # noqa: E402
import articles_2  # noqa: E402


def main() -> None:
    out = HERE.parent / "data" / "events_hard.jsonl"
    rows = [*articles_1.ARTICLES, *articles_2.ARTICLES]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with out.open("w", encoding="utf-8") as handle:
        for r in rows:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles -> {out}")


if __name__ == "__main__":
    main()
