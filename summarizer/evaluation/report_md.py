"""report.md: the run's metrics, operations and worst articles as Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..runner import Row
from .gold import GoldRecord
from .metrics import METRICS, failed_checks, worst_rows


def fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _cell(value: Any) -> str:
    text = fmt(value) if not isinstance(value, list | dict) else _short(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _short(value: Any) -> str:
    if isinstance(value, dict) and "value" in value:
        return f"{value.get('qualifier')} {value.get('value')}"
    if isinstance(value, list):
        shown = ", ".join("null" if v is None else _short(v) for v in value[:4])
        return f"[{shown}{', ...' if len(value) > 4 else ''}]"
    return str(value)


def render_markdown(metrics: Mapping[str, Any], rows: list[Row], records: Mapping[str, GoldRecord]) -> str:
    run = metrics.get("run", {})
    counts = metrics.get("counts", {})
    lines = [
        f"# Evaluation: {run.get('engine')} / {run.get('model')}",
        "",
        f"- gold: `{run.get('gold')}` (sha256 {str(run.get('gold_sha256', ''))[:12]})",
        f"- prompt: {run.get('prompt') or 'none'} ({run.get('prompt_hash') or '-'}), checker: {run.get('checker')},"
        f" summarizer {run.get('summarizer_version')}",
        f"- articles: {counts.get('articles')} ({counts.get('ok')} ok, {counts.get('error')} errors,"
        f" {counts.get('cache_hits')} from cache)",
        "",
        "## Metrics",
        "",
        "| metric | value | scored | better |",
        "|---|---:|---:|---|",
    ]
    fields = metrics.get("fields", {})
    for spec in METRICS:
        m = fields.get(spec.key, {})
        lines.append(
            f"| {spec.label} (`{spec.key}`) | {fmt(m.get('value'))} | {m.get('n', 0)} | {spec.better} |"
        )
    lines += [
        "",
        "## Operations",
        "",
        "| engine/model | reports | cache hits | p50 ms | p95 ms | tokens in | tokens out | cost USD | spent USD |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, o in metrics.get("ops", {}).items():
        lat = o.get("latency_ms", {})
        lines.append(
            f"| {key} | {o['reports']} | {o['cache_hits']} | {fmt(lat.get('p50'), 1)} | {fmt(lat.get('p95'), 1)} |"
            f" {o['tokens_in']} | {o['tokens_out']} | {fmt(o.get('cost_usd'), 4)} | {fmt(o.get('spent_usd'), 4)} |"
        )
    cats = metrics.get("by_category", {})
    if cats:
        lines += [
            "",
            "## By gold category",
            "",
            "| category | n | category acc | date | country | killed | injured |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, c in cats.items():
            lines.append(
                f"| {name} | {c['n']} | {fmt(c.get('category'))} | {fmt(c.get('date'))} | {fmt(c.get('country'))} |"
                f" {fmt(c.get('killed.joint'))} | {fmt(c.get('injured.joint'))} |"
            )
    xc = {k: v for k, v in metrics.get("cross_check", {}).items() if v.get("disagreements")}
    if xc:
        lines += [
            "",
            "## Rules cross-check",
            "",
            "| field | disagreements | engine wrong (caught) | engine right (false alarm) |",
            "|---|---:|---:|---:|",
        ]
        for name, c in xc.items():
            lines.append(f"| {name} | {c['disagreements']} | {c['engine_wrong']} | {c['engine_right']} |")
    worst = worst_rows(rows, 10)
    if worst:
        lines += ["", "## Worst articles", ""]
        for row in worst:
            rid = str(row["id"])
            title = records[rid].title if rid in records else None
            lines.append(f"### {rid}{': ' + title if title else ''}")
            lines.append("")
            if row.get("status") != "ok":
                err = row.get("error", {})
                lines += [f"**error** `{err.get('type')}`: {err.get('message')}", ""]
                continue
            lines += ["| check | predicted | gold |", "|---|---|---|"]
            scores = row["scores"]
            for key in failed_checks(row):
                s = scores[key]
                pred = s.get("pred")
                gold = s.get("gold")
                if key == "summary.must_include":
                    pred, gold = "missing", s.get("missing")
                elif key == "summary.must_not_include":
                    pred, gold = "present", s.get("present")
                elif key == "grounding.rate":
                    pred, gold = f"{s.get('verified')}/{s.get('facts')} verified", "all"
                lines.append(f"| {key} | {_cell(pred)} | {_cell(gold)} |")
            summary = row["report"].get("summary", "")
            lines += ["", f"> {summary}", ""]
    return "\n".join(lines) + "\n"
