"""report.html: one self-contained page (inline CSS, SVG and a few lines of plain JavaScript; no
CDN, nothing fetched).

Every article gets a section (worst first): its failed checks (predicted vs gold), the summary and
the article with its evidence highlighted (see :mod:`summarizer.evidence_view`). Filters at the top
(failed check, field, gold category, text search) hide the sections that do not match; they read
and write the URL hash (``#failed=killed.joint&field=killed&category=...&q=...``) so a filtered
view can be linked to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from ..evidence_view import EVIDENCE_CSS, EVIDENCE_JS, evidence_view, field_group
from ..runner import Row
from ..schema import IncidentReport
from .gold import GoldRecord
from .metrics import METRICS, article_score, failed_checks
from .report_md import _short, fmt

# a check key -> the report field it is about (killed.joint -> killed, claimed_by -> responsibility_claims)
_CHECK_FIELD = {
    "country": "location",
    "city": "location",
    "venue": "location",
    "claimed_by": "responsibility_claims",
    "is_incident": "category",
}

FILTER_JS = """
(function(){
  var ids=['failed','field','category','q'];
  function get(id){return document.getElementById('f-'+id);}
  function readHash(){
    var h=new URLSearchParams(location.hash.replace(/^#/,''));
    ids.forEach(function(id){var v=h.get(id); if(v!==null){get(id).value=v;}});
  }
  function writeHash(){
    var h=new URLSearchParams();
    ids.forEach(function(id){var v=get(id).value; if(v){h.set(id,v);}});
    history.replaceState(null,'','#'+h.toString());
  }
  function apply(){
    var failed=get('failed').value, field=get('field').value, cat=get('category').value;
    var q=get('q').value.trim().toLowerCase(), shown=0;
    document.querySelectorAll('section.art').forEach(function(a){
      var f=(a.getAttribute('data-failed')||'').split(' ').filter(Boolean);
      var ok=true;
      if(failed==='any'){ok=f.length>0||a.getAttribute('data-status')!=='ok';}
      else if(failed==='none'){ok=f.length===0&&a.getAttribute('data-status')==='ok';}
      else if(failed==='error'){ok=a.getAttribute('data-status')!=='ok';}
      else if(failed){ok=f.indexOf(failed)>=0;}
      if(ok&&field){ok=(' '+a.getAttribute('data-fields')+' ').indexOf(' '+field+' ')>=0;}
      if(ok&&cat){ok=a.getAttribute('data-category')===cat;}
      if(ok&&q){ok=a.textContent.toLowerCase().indexOf(q)>=0;}
      a.hidden=!ok; if(ok){shown++;}
    });
    document.getElementById('shown').textContent=String(shown);
  }
  ids.forEach(function(id){get(id).addEventListener('input',function(){writeHash();apply();});});
  window.addEventListener('hashchange',function(){readHash();apply();});
  readHash(); apply();
})();
"""

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
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #d0d7de;z-index:2;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.filters select,.filters input{font:inherit;padding:.15rem .3rem}
section.art{border:1px solid #d0d7de;border-radius:6px;margin:.6rem 0;padding:.4rem .8rem}
section.art h3{font-size:1rem;margin:.2rem 0}.tag{font-size:12px;border-radius:3px;padding:0 .3rem;background:#eaeef2}
.tag.bad{background:#ffebe9}.tag.ok{background:#dafbe1}
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
    xc = {k: v for k, v in metrics.get("cross_check", {}).items() if v.get("disagreements")}
    if xc:
        h.append(
            "<h2>Rules cross-check</h2><table><tr><th>field</th><th>disagreements</th>"
            "<th>engine wrong (caught)</th><th>engine right (false alarm)</th></tr>"
        )
        for name, c in xc.items():
            h.append(
                f"<tr><td>{escape(name)}</td><td class=num>{c['disagreements']}</td>"
                f"<td class=num>{c['engine_wrong']}</td><td class=num>{c['engine_right']}</td></tr>"
            )
        h.append("</table>")
    h.extend(_article_sections(rows, records, texts))
    h.append(f"<style>{EVIDENCE_CSS}</style><script>{EVIDENCE_JS}</script><script>{FILTER_JS}</script>")
    h.append("</body></html>\n")
    return "\n".join(h)


def _fields_of(row: Row, report: IncidentReport | None) -> list[str]:
    fields = {field_group(name) for name, _ in report.facts()} if report is not None else set()
    for key in failed_checks(row):
        fields.add(_CHECK_FIELD.get(key, key.split(".")[0]))
    return sorted(fields)


def _article_sections(
    rows: Sequence[Row], records: Mapping[str, GoldRecord], texts: Mapping[str, str]
) -> list[str]:
    """A filter bar and one section per article, worst first."""
    ranked = sorted(rows, key=lambda r: (article_score(r), str(r["id"])))
    categories = sorted({str(r.gold.category) for r in records.values()})
    check_keys = [m.key for m in METRICS if any(m.key in failed_checks(r) for r in rows)]
    reports: dict[str, IncidentReport | None] = {}
    for row in ranked:
        report = None
        if row.get("status") == "ok" and row.get("report"):
            try:
                report = IncidentReport.model_validate(row["report"])
            except ValueError:
                report = None
        reports[str(row["id"])] = report
    all_fields = sorted({f for row in ranked for f in _fields_of(row, reports[str(row["id"])])})

    def options(values: Sequence[str], first: str, extra: Sequence[tuple[str, str]] = ()) -> str:
        opts = [f'<option value="">{escape(first)}</option>']
        opts += [f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in extra]
        opts += [f'<option value="{escape(v)}">{escape(v)}</option>' for v in values]
        return "".join(opts)

    h = [
        f"<h2>Articles ({len(ranked)}, worst first)</h2>",
        '<div class="filters" role="search">',
        '<label>check <select id="f-failed">'
        + options(
            check_keys,
            "all articles",
            [("any", "any failure"), ("none", "all checks pass"), ("error", "run error")],
        )
        + "</select></label>",
        f'<label>field <select id="f-field">{options(all_fields, "any field")}</select></label>',
        f'<label>category <select id="f-category">{options(categories, "any category")}</select></label>',
        '<label>search <input id="f-q" type="search" placeholder="id, title or text"></label>',
        f'<span class="legend"><span id="shown">{len(ranked)}</span> of {len(ranked)} shown</span>',
        "</div>",
    ]
    for row in ranked:
        rid = str(row["id"])
        record = records.get(rid)
        report = reports[rid]
        failed = failed_checks(row)
        status = "ok" if row.get("status") == "ok" else "error"
        category = str(record.gold.category) if record is not None else ""
        attrs = (
            f'data-id="{escape(rid)}" data-status="{status}" data-failed="{escape(" ".join(failed))}"'
            f' data-fields="{escape(" ".join(_fields_of(row, report)))}" data-category="{escape(category)}"'
        )
        head = escape(rid + (f": {record.title}" if record and record.title else ""))
        if status != "ok":
            tag = '<span class="tag bad">run error</span>'
        elif failed:
            tag = f'<span class="tag bad">{len(failed)} failed</span>'
        else:
            tag = '<span class="tag ok">all checks pass</span>'
        h.append(
            f'<section class="art" {attrs}><h3>{head} {tag} <span class="tag">{escape(category)}</span></h3>'
        )
        if status != "ok":
            err = row.get("error", {})
            h.append(
                f'<p class="err"><b>error</b> <code>{escape(str(err.get("type")))}</code>: {escape(str(err.get("message")))}</p>'
            )
        else:
            if failed:
                h.append("<table><tr><th>failed check</th><th>predicted</th><th>gold</th></tr>")
                for key in failed:
                    h.append(_check_row(key, row["scores"][key]))
                h.append("</table>")
            h.append(f"<blockquote>{escape(str(row['report'].get('summary', '')))}</blockquote>")
            if report is not None:
                h.append(
                    f"<details><summary>evidence</summary>{evidence_view(report, texts.get(rid))}</details>"
                )
        h.append("</section>")
    return h
