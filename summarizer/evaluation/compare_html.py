"""``summarizer eval compare A B --html``: every article whose checks changed, gold vs A vs B.

The header names both run folders and every setting that differs (engine, model, prompt, checker,
max chars, gold file hash ...). One self-contained page: inline CSS, no script, everything escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from ..runner import Row, read_rows
from .compare import COMPARED_SETTINGS, FieldDelta, setting_diffs
from .metrics import METRICS
from .report_md import _short, fmt

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;color:#1b1f24;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.ok{background:#dafbe1}.bad{background:#ffebe9}.diff td{font-weight:600}
section.art{border:1px solid #d0d7de;border-radius:6px;margin:.8rem 0;padding:.4rem .8rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}.cols blockquote{margin:0;padding:.3rem .6rem;border-left:4px solid #8c959f}
.meta{color:#57606a}
"""


def _setting(run: Mapping[str, Any], key: str) -> str:
    value = run.get(key)
    if key == "gold_sha256" and isinstance(value, str):
        return f"<code>{escape(value[:16])}</code>"
    return escape(str(value))


def _rows(run: Path) -> dict[str, Row]:
    path = run / "results.jsonl"
    return {str(r["id"]): r for r in read_rows(path)} if path.is_file() else {}


def _oks(row: Row | None) -> dict[str, bool | None]:
    if row is None:
        return {}
    if row.get("status") != "ok":
        return {m.key: False for m in METRICS if m.better == "higher"}
    scores = row.get("scores") or {}
    return {k: v.get("ok") for k, v in scores.items() if isinstance(v, Mapping)}


def changed_ids(rows_a: Mapping[str, Row], rows_b: Mapping[str, Row]) -> list[str]:
    """Ids in both runs whose status or any check's verdict differs, in A's order."""
    out = []
    for rid in rows_a:
        if rid not in rows_b:
            continue
        a, b = rows_a[rid], rows_b[rid]
        if a.get("status") != b.get("status") or _oks(a) != _oks(b):
            out.append(rid)
    return out


def _shown(value: Any) -> str:
    return _short(value) if isinstance(value, list | dict) else fmt(value)


def _cell(row: Row, key: str) -> str:
    if row.get("status") != "ok":
        err = row.get("error") or {}
        return f'<td class="bad">error: {escape(str(err.get("type")))}</td>'
    score = (row.get("scores") or {}).get(key) or {}
    ok = score.get("ok")
    cls = "ok" if ok else "bad" if ok is False else ""
    return f'<td class="{cls}">{escape(_shown(score.get("pred")))}</td>'


def _gold(a: Row, b: Row, key: str) -> str:
    for row in (a, b):
        score = (row.get("scores") or {}).get(key)
        if isinstance(score, Mapping) and "gold" in score:
            return escape(_shown(score.get("gold")))
    return ""


def _summary(row: Row) -> str:
    if row.get("status") != "ok":
        err = row.get("error") or {}
        return f"<p class=bad>{escape(str(err.get('type')))}: {escape(str(err.get('message')))}</p>"
    return f"<blockquote>{escape(str((row.get('report') or {}).get('summary', '')))}</blockquote>"


def render_compare_html(
    run_a: Path,
    run_b: Path,
    metrics_a: Mapping[str, Any],
    metrics_b: Mapping[str, Any],
    deltas: Sequence[FieldDelta],
) -> str:
    rows_a, rows_b = _rows(run_a), _rows(run_b)
    changed = changed_ids(rows_a, rows_b)
    ra, rb = metrics_a.get("run", {}), metrics_b.get("run", {})
    differing = {k for k, _, _ in setting_diffs(metrics_a, metrics_b)}
    h = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>compare {escape(str(run_a))} vs {escape(str(run_b))}</title><style>{_CSS}</style></head><body>",
        f"<h1>A: <code>{escape(str(run_a))}</code> vs B: <code>{escape(str(run_b))}</code></h1>",
        f'<p class="meta">{len(changed)} article(s) changed of {len(set(rows_a) & set(rows_b))} in both runs.'
        + (
            f" Settings that differ: {escape(', '.join(k for k in COMPARED_SETTINGS if k in differing))}."
            if differing
            else " Same settings."
        )
        + "</p>",
        "<table><tr><th>setting</th><th>A</th><th>B</th></tr>",
    ]
    for key in COMPARED_SETTINGS:
        cls = ' class="diff"' if key in differing else ""
        h.append(
            f"<tr{cls}><td>{escape(key)}</td><td>{_setting(ra, key)}</td><td>{_setting(rb, key)}</td></tr>"
        )
    h.append(
        "</table><h2>Per-field metrics</h2><table><tr><th>metric</th><th>A</th><th>B</th><th>delta</th></tr>"
    )
    for d in deltas:
        cls = "bad" if d.regressed else "ok" if d.improved else ""
        delta = "n/a" if d.delta is None else f"{d.delta:+.3f}"
        h.append(
            f'<tr><td>{escape(d.metric)}</td><td>{fmt(d.a)}</td><td>{fmt(d.b)}</td><td class="{cls}">{delta}</td></tr>'
        )
    h.append("</table>")
    h.append(f"<h2>Changed articles ({len(changed)})</h2>")
    if not changed:
        h.append("<p>No article changed verdict on any check.</p>")
    for rid in changed:
        a, b = rows_a[rid], rows_b[rid]
        oa, ob = _oks(a), _oks(b)
        keys = [m.key for m in METRICS if oa.get(m.key) != ob.get(m.key)]
        h.append(f'<section class="art" data-id="{escape(rid)}"><h3>{escape(rid)}</h3>')
        h.append("<table><tr><th>check</th><th>gold</th><th>A</th><th>B</th></tr>")
        for key in keys:
            h.append(
                f"<tr><td>{escape(key)}</td><td>{_gold(a, b, key)}</td>{_cell(a, key)}{_cell(b, key)}</tr>"
            )
        h.append("</table>")
        h.append(
            f'<div class="cols"><div><b>A</b>{_summary(a)}</div><div><b>B</b>{_summary(b)}</div></div></section>'
        )
    h.append("</body></html>\n")
    return "\n".join(h)
