"""Write a copy of a gold file with its article text (and title) in another letter case, to check
that the same text gives the same facts whatever its case.

    python -m evals.recase ../shared/gvdb/dev.jsonl --case upper --out /tmp/gvdb_dev_upper.jsonl
    summarizer eval --gold /tmp/gvdb_dev_upper.jsonl --engine rules --out runs/gvdb-upper

``upper`` is the wire-copy style of MUC-4; ``lower`` is text with no case at all. Gold labels are
kept as they are (places and names are compared case-folded). Never commit the output of a file
whose texts may not be committed (the GVDB split).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

__all__ = ["main", "recase"]


def recase(text: str, case: str) -> str:
    return text.upper() if case == "upper" else text.lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--case", choices=("upper", "lower"), default="upper")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    lines = []
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        row["text"] = recase(row["text"], args.case)
        if row.get("title"):
            row["title"] = recase(row["title"], args.case)
        lines.append(json.dumps(row, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
