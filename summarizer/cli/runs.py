"""``summarizer runs [FOLDER]``: past eval and batch runs, from their ``run.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import console

runs_app = typer.Typer()


@runs_app.command(short_help="Past eval and batch runs.")
def runs(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="where to look (searched recursively)")
    ] = Path("runs"),
    as_json: Annotated[bool, typer.Option("--json", help="print the runs as JSON")] = False,
) -> None:
    """List past eval and batch runs: when, what, on which input, and headline metrics."""
    from ..evaluation.report_md import fmt
    from ..runlog import list_runs

    found = list_runs(folder)
    if as_json:
        console.print_json(
            json.dumps(
                [
                    {
                        "path": str(r.path.parent if r.path.name == "run.json" else r.path),
                        "kind": r.kind,
                        "started": r.started,
                        "finished": r.finished,
                        "engine": r.engine,
                        "model": r.model,
                        "input": r.input,
                        "counts": r.counts,
                        "metrics": r.metrics,
                    }
                    for r in found
                ]
            )
        )
        return
    if not found:
        console.print(f"no runs found under {folder} (eval folders hold run.json; batch writes *.run.json)")
        return
    for r in found:
        where = r.path.parent if r.path.name == "run.json" else r.path
        counts = r.counts
        ok = (
            f"{counts.get('ok', '?')}/{counts.get('articles', counts.get('total', counts.get('texts', '?')))} ok"
            if counts
            else ""
        )
        started = (r.started or "start unknown").replace("+00:00", "").replace("T", " ")
        head = f"{started}  {r.kind:<5}  {where}"
        console.print(head, style="bold", highlight=False, markup=False)
        line = "  ".join(x for x in (f"{r.engine}/{r.model}", Path(r.input).name if r.input else "", ok) if x)
        metrics = " · ".join(f"{k.removesuffix('.joint')} {fmt(v)}" for k, v in r.metrics.items())
        console.print("    " + line + (f"  |  {metrics}" if metrics else ""), highlight=False, markup=False)
