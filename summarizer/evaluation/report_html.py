"""report.html: one self-contained page (inline CSS and SVG, no scripts, no CDN)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import pairwise
from typing import Any

from ..runner import Row
from ..schema import IncidentReport
from .gold import GoldRecord
from .metrics import METRICS, failed_checks, worst_rows
from .report_md import _short, fmt

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#57606a}.ok{color:#1a7f37}.bad{color:#cf222e}.err{background:#ffebe9;padding:.5rem;border-radius:4px}
details{border:1px solid #d0d7de;border-radius:6px;margin:.6rem 0;padding:.4rem .8rem}summary{cursor:pointer;font-weight:600}
.article{white-space:pre-wrap;background:#f6f8fa;padding:.8rem;border-radius:4px;max-height:28rem;overflow:auto;font-size:13px}
mark{background:#fff3b0;border-bottom:2px solid #d4a72c;padding:0 1px}mark.multi{background:#ffd8a8}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:4px solid #8c959f;color:#24292f}
.legend{font-size:12px;color:#57606a}
"""


def _bar_chart(fields: Mapping[str, Any], gates: Mapping[str, Any] | None = None) -> str:
    row_h, label_w, bar_w = 22, 300, 520
    specs = [s for s in METRICS]
    height = row_h * len(specs) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 70}" height="{height}" '
        f'role="img" aria-label="per-field metrics">'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + tick * bar_w
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}" stroke="#d0d7de" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 5}" font-size="11" text-anchor="middle" fill="#57606a">{tick:g}</text>'
        )
    for i, spec in enumerate(specs):
        y = i * row_h + 4
        m = fields.get(spec.key, {})
        value = m.get("value")
        label = escape(spec.label + (" ↓" if spec.better == "lower" else ""))
        parts.append(f'<text x="{label_w - 8}" y="{y + 14}" font-size="12" text-anchor="end">{label}</text>')
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 14}" font-size="12" fill="#8c959f">n/a</text>')
            continue
        good = value if spec.better == "higher" else 1 - value
        color = "#2da44e" if good >= 0.9 else "#d4a72c" if good >= 0.7 else "#cf222e"
        width = max(1.0, min(1.0, float(value)) * bar_w)
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{width:.1f}" height="{row_h - 8}" fill="{color}" rx="2">'
            f"<title>{escape(spec.key)}: {value} (n={m.get('n', 0)})</title></rect>"
        )
        parts.append(f'<text x="{label_w + width + 4:.1f}" y="{y + 14}" font-size="12">{value:.3f}</text>')
        gate = (gates or {}).get(spec.key)
        if gate is not None:
            gx = label_w + float(gate["threshold"]) * bar_w
            stroke = "#1a7f37" if gate.get("passed") else "#cf222e"
            parts.append(
                f'<line x1="{gx:.1f}" y1="{y}" x2="{gx:.1f}" y2="{y + row_h - 2}" stroke="{stroke}" stroke-width="2"'
                f' stroke-dasharray="3,2"><title>gate {escape(str(gate.get("op")))} {gate["threshold"]}</title></line>'
            )
    parts.append("</svg>")
    return "".join(parts)


def highlight(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The text, HTML-escaped, with every evidence span in a <mark> titled by its field(s)."""
    bounds = {0, len(text)}
    clean = [(max(0, s), min(len(text), e), name) for s, e, name in spans if 0 <= s < e <= len(text)]
    for s, e, _ in clean:
        bounds.update((s, e))
    points = sorted(bounds)
    out: list[str] = []
    for a, b in pairwise(points):
        names = sorted({name for s, e, name in clean if s <= a and b <= e})
        chunk = escape(text[a:b])
        if names:
            cls = ' class="multi"' if len(names) > 1 else ""
            out.append(f'<mark{cls} title="{escape(", ".join(names))}">{chunk}</mark>')
        else:
            out.append(chunk)
    return "".join(out)


def _evidence_spans(report_json: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    try:
        report = IncidentReport.model_validate(report_json)
    except ValueError:
        return []
    return [(e.start, e.end, name) for name, fact in report.facts() for e in fact.evidence]


def _check_row(key: str, score: Mapping[str, Any]) -> str:
    pred, gold = score.get("pred"), score.get("gold")
    if key == "summary.must_include":
        pred, gold = "missing", score.get("missing")
    elif key == "summary.must_not_include":
        pred, gold = "present", score.get("present")
    elif key == "grounding.rate":
        pred, gold = f"{score.get('verified')}/{score.get('facts')} verified", "all"
    elif key in ("summary.loaded_word_rate", "summary.unsupported_number_rate"):
        gold = "none"
    shown_pred = _short(pred) if isinstance(pred, list | dict) else fmt(pred)
    shown_gold = _short(gold) if isinstance(gold, list | dict) else fmt(gold)
    return f'<tr><td>{escape(key)}</td><td class="bad">{escape(shown_pred)}</td><td>{escape(shown_gold)}</td></tr>'


def render_html(
    metrics: Mapping[str, Any],
    rows: Sequence[Row],
    records: Mapping[str, GoldRecord],
    texts: Mapping[str, str],
    *,
    worst: int = 12,
) -> str:
    run = metrics.get("run", {})
    counts = metrics.get("counts", {})
    fields = metrics.get("fields", {})
    gates = {g["metric"]: g for g in metrics.get("gates", [])} if metrics.get("gates") else None
    title = f"Evaluation: {run.get('engine')} / {run.get('model')}"
    h: list[str] = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="meta">',
        f"gold <code>{escape(str(run.get('gold')))}</code> · prompt {escape(str(run.get('prompt') or 'none'))}"
        f" ({escape(str(run.get('prompt_hash') or '-'))}) · checker {escape(str(run.get('checker')))}"
        f" · summarizer {escape(str(run.get('summarizer_version')))}<br>",
        f"{counts.get('articles')} articles: {counts.get('ok')} ok, {counts.get('error')} errors,"
        f" {counts.get('cache_hits')} from cache</p>",
        "<h2>Per-field metrics</h2>",
        _bar_chart(fields, gates),
        '<p class="legend">↓ lower is better. Bars: green ≥ 0.9 (or ≤ 0.1 for ↓), amber ≥ 0.7, red below.'
        + (" Dashed lines: gates." if gates else "")
        + "</p>",
        "<table><tr><th>metric</th><th>value</th><th>scored</th><th>hits</th></tr>",
    ]
    for spec in METRICS:
        m = fields.get(spec.key, {})
        h.append(
            f"<tr><td>{escape(spec.label)} <code>{escape(spec.key)}</code></td><td class=num>{fmt(m.get('value'))}</td>"
            f"<td class=num>{m.get('n', 0)}</td><td class=num>{m.get('hits', 0)}</td></tr>"
        )
    h.append("</table>")
    if gates:
        h.append("<h2>Gates</h2><table><tr><th>metric</th><th>gate</th><th>value</th><th>result</th></tr>")
        for g in metrics["gates"]:
            res = '<span class="ok">pass</span>' if g["passed"] else '<span class="bad">FAIL</span>'
            h.append(
                f"<tr><td>{escape(g['metric'])}</td><td>{escape(g['op'])} {g['threshold']}</td>"
                f"<td class=num>{fmt(g.get('value'))}</td><td>{res}</td></tr>"
            )
        h.append("</table>")
    h.append(
        "<h2>Operations</h2><table><tr><th>engine/model</th><th>reports</th><th>cache hits</th><th>p50 ms</th>"
        "<th>p95 ms</th><th>tokens in</th><th>tokens out</th><th>cost USD</th><th>spent USD</th></tr>"
    )
    for key, o in metrics.get("ops", {}).items():
        lat = o.get("latency_ms", {})
        h.append(
            f"<tr><td>{escape(key)}</td><td class=num>{o['reports']}</td><td class=num>{o['cache_hits']}</td>"
            f"<td class=num>{fmt(lat.get('p50'), 1)}</td><td class=num>{fmt(lat.get('p95'), 1)}</td>"
            f"<td class=num>{o['tokens_in']}</td><td class=num>{o['tokens_out']}</td>"
            f"<td class=num>{fmt(o.get('cost_usd'), 4)}</td><td class=num>{fmt(o.get('spent_usd'), 4)}</td></tr>"
        )
    h.append("</table>")
    cats = metrics.get("by_category", {})
    if cats:
        h.append(
            "<h2>By gold category</h2><table><tr><th>category</th><th>n</th><th>category</th><th>date</th>"
            "<th>country</th><th>killed</th><th>injured</th></tr>"
        )
        for name, c in cats.items():
            h.append(
                f"<tr><td>{escape(name)}</td><td class=num>{c['n']}</td>"
                + "".join(
                    f"<td class=num>{fmt(c.get(k))}</td>"
                    for k in ("category", "date", "country", "killed.joint", "injured.joint")
                )
                + "</tr>"
            )
        h.append("</table>")
    h.append("<h2>Worst articles</h2>")
    chosen = worst_rows(rows, worst)
    if not chosen:
        h.append("<p>Every check passed on every article.</p>")
    for row in chosen:
        rid = str(row["id"])
        record = records.get(rid)
        head = escape(rid + (f": {record.title}" if record and record.title else ""))
        h.append(f"<details><summary>{head}</summary>")
        if row.get("status") != "ok":
            err = row.get("error", {})
            h.append(
                f'<p class="err"><b>error</b> <code>{escape(str(err.get("type")))}</code>: {escape(str(err.get("message")))}</p>'
            )
        else:
            h.append("<table><tr><th>failed check</th><th>predicted</th><th>gold</th></tr>")
            for key in failed_checks(row):
                h.append(_check_row(key, row["scores"][key]))
            h.append("</table>")
            h.append(f"<blockquote>{escape(str(row['report'].get('summary', '')))}</blockquote>")
            text = texts.get(rid)
            if text is not None:
                spans = _evidence_spans(row["report"])
                h.append('<p class="legend">Evidence highlighted; hover a highlight for its field.</p>')
                h.append(f'<div class="article">{highlight(text, spans)}</div>')
        h.append("</details>")
    h.append("</body></html>\n")
    return "\n".join(h)
