"""See the evidence: one article as HTML with every fact's evidence highlighted.

One colour per field (killed, date, location ...), a legend, and two levels of highlight: the
evidence quote is tinted, and the value itself inside it ("at least 23", "Peshawar": the
``value_start``/``value_end`` span) is marked in full colour. Hovering shows the field and value;
clicking shows them in a panel and lights up every highlight of that fact (``#fact=incident.killed``
in the URL does the same, so a fact can be linked to).

Everything the article or the engine wrote is HTML-escaped (text and attributes), so a hostile
article cannot inject markup or script; the page is self-contained (inline CSS and a few lines of
plain JavaScript, nothing fetched). Used by ``summarizer summarize --html``,
``IncidentReport._repr_html_`` (notebooks) and the eval report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from .lazyre import lazy_compile
from .schema import Fact, HtmlViews, IncidentReport

__all__ = [
    "EVIDENCE_CSS",
    "EVIDENCE_JS",
    "FIELD_COLORS",
    "fact_value",
    "field_group",
    "highlight_article",
    "legend_html",
    "report_page",
]

# one colour per field group (colour-blind-friendly Tableau 10 first, then lighter ones)
FIELD_COLORS: dict[str, str] = {
    "killed": "#e15759",
    "injured": "#f28e2b",
    "hospitalized": "#edc948",
    "missing": "#5f9ea0",
    "date": "#4e79a7",
    "location": "#59a14f",
    "perpetrators": "#9c755f",
    "responsibility_claims": "#ff9da7",
    "weapons": "#76b7b2",
    "targets": "#8c8c8c",
    "victims": "#af7aa1",
    "other_incidents": "#8cd17d",
    "uncertainties": "#d4a6c8",
}
_FALLBACK_COLOR = "#999999"
_INDEX = lazy_compile(r"\[\d+\]")

EVIDENCE_CSS = """
.sv-article{white-space:pre-wrap;background:#f6f8fa;padding:.8rem;border-radius:4px;font-size:14px;line-height:1.6;max-height:36rem;overflow:auto}
.sv-article .e{background:color-mix(in srgb,var(--c) 16%,transparent);border-bottom:2px solid color-mix(in srgb,var(--c) 60%,transparent);cursor:pointer}
.sv-article .v{background:color-mix(in srgb,var(--c) 55%,white);color:#111;border-radius:2px;padding:0 1px;font-weight:600;cursor:pointer}
.sv-article .multi{outline:1px dashed #57606a}
.sv-article .focus{outline:2px solid #111;outline-offset:1px}
.sv-legend{display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:12px;margin:.4rem 0}
.sv-legend span{display:inline-flex;align-items:center;gap:.25rem}
.sv-legend i{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;background:var(--c)}
.sv-facts{border-collapse:collapse;margin:.5rem 0;font-size:13px}
.sv-facts td,.sv-facts th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
.sv-facts tr[data-fact]{cursor:pointer}.sv-facts tr[data-fact]:hover{background:#f6f8fa}
.sv-facts i{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;background:var(--c);margin-right:.3rem}
.sv-inspect{position:sticky;top:0;background:#fffbe6;border:1px solid #d4a72c;border-radius:4px;padding:.3rem .6rem;font-size:13px;min-height:1.2rem;z-index:1}
.sv-note{font-size:12px;color:#57606a}
"""

# Plain JavaScript: a click on a highlight (or a row of the facts table) shows its field and value
# in the panel of the same view and outlines every highlight of that fact.
EVIDENCE_JS = """
(function(){
  function view(el){return el.closest('.sv-view');}
  function focusFacts(root, ids, text){
    root.querySelectorAll('.focus').forEach(function(m){m.classList.remove('focus');});
    ids.forEach(function(id){
      var hits=[].filter.call(root.querySelectorAll('.sv-article [data-facts]'), function(m){
        return m.getAttribute('data-facts').split(' ').indexOf(id)>=0;
      });
      var values=hits.filter(function(m){return m.tagName==='MARK';});
      (values.length?values:hits).forEach(function(m){m.classList.add('focus');});  // the value, else its quote
    });
    var panel=root.querySelector('.sv-inspect'); if(panel){panel.textContent=text;}
  }
  document.addEventListener('click', function(ev){
    var t=ev.target; if(!(t instanceof Element)){return;}
    var m=t.closest('.sv-article [data-facts]');
    if(m){focusFacts(view(m), m.getAttribute('data-facts').split(' '), m.getAttribute('title')); return;}
    var r=t.closest('tr[data-fact]');
    if(r){
      var root=view(r); focusFacts(root, [r.getAttribute('data-fact')], r.getAttribute('data-label'));
      var first=root.querySelector('.sv-article .focus'); if(first){first.scrollIntoView({block:'nearest'});}
    }
  });
  // a link to one fact: page.html#fact=incident.killed shows it as a click on its row would
  function fromHash(){
    var m=/(?:^#|&)fact=([^&]+)/.exec(location.hash); if(!m){return;}
    var id=decodeURIComponent(m[1]);
    document.querySelectorAll('tr[data-fact]').forEach(function(r){
      if(r.getAttribute('data-fact')===id){focusFacts(view(r), [id], r.getAttribute('data-label'));}
    });
  }
  window.addEventListener('hashchange', fromHash); fromHash();
})();
"""


def field_group(name: str) -> str:
    """``incident.perpetrators[1]`` -> ``perpetrators``; ``other_incidents[0].killed`` -> ``other_incidents``."""
    return _INDEX.sub("", name.removeprefix("incident.")).split(".")[0]


def color_of(name: str) -> str:
    return FIELD_COLORS.get(field_group(name), _FALLBACK_COLOR)


def fact_value(fact: Fact) -> str:
    """The fact's value as a short phrase (``Fact.describe``)."""
    return fact.describe()


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    fact: str
    label: str
    value: bool  # the value's own span, not the whole quote


def _spans(report: IncidentReport) -> list[_Span]:
    out: list[_Span] = []
    for name, fact in report.facts():
        label = f"{name}: {fact_value(fact)}"
        for ev in fact.evidence:
            out.append(_Span(ev.start, ev.end, name, label, False))
            if ev.value_start is not None and ev.value_end is not None:
                out.append(_Span(ev.value_start, ev.value_end, name, label, True))
    return out


def _render(text: str, spans: Sequence[_Span]) -> str:
    clean = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    bounds = {0, len(text)}
    for s in clean:
        bounds.update((s.start, s.end))
    out: list[str] = []
    for a, b in pairwise(sorted(bounds)):
        chunk = escape(text[a:b])
        covering = [s for s in clean if s.start <= a and b <= s.end]
        if not covering:
            out.append(chunk)
            continue
        values = [s for s in covering if s.value]
        shown = values or covering
        facts = list(dict.fromkeys(s.fact for s in shown))
        labels = list(dict.fromkeys(s.label for s in shown))
        groups = list(dict.fromkeys(field_group(f) for f in facts))
        cls = "v" + (" multi" if len(groups) > 1 else "") if values else "e"
        tag = "mark" if values else "span"
        title = ("" if values else "evidence for ") + "; ".join(labels)
        out.append(
            f'<{tag} class="{cls}" style="--c:{color_of(facts[0])}" data-field="{escape(" ".join(groups))}"'
            f' data-facts="{escape(" ".join(facts))}" title="{escape(title)}">{chunk}</{tag}>'
        )
    return "".join(out)


def _evidence_only(report: IncidentReport) -> tuple[str, list[_Span]]:
    spans = _spans(report)
    quotes: dict[tuple[int, int], str] = {}
    for _, fact in report.facts():
        for ev in fact.evidence:
            quotes[(ev.start, ev.end)] = ev.quote
    merged: list[list[int]] = []
    pieces: list[str] = []
    for (start, end), quote in sorted(quotes.items()):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            if end > last[1]:
                pieces[-1] += quote[last[1] - start :]
                last[1] = end
            continue
        merged.append([start, end])
        pieces.append(quote)
    offsets: list[int] = []
    pos = 0
    for piece in pieces:
        offsets.append(pos)
        pos += len(piece) + 3
    text = " … ".join(pieces)
    remapped: list[_Span] = []
    for s in spans:
        for (m_start, m_end), base in zip(merged, offsets, strict=True):
            if m_start <= s.start and s.end <= m_end:
                shift = base - m_start
                remapped.append(_Span(s.start + shift, s.end + shift, s.fact, s.label, s.value))
                break
    return text, remapped


def highlight_article(report: IncidentReport, text: str | None) -> str:
    """The article (or, without it, the evidence quotes alone) with every fact highlighted."""
    if text is None:
        body, spans = _evidence_only(report)
        return f'<div class="sv-article sv-excerpts">{_render(body, spans)}</div>'
    return f'<div class="sv-article">{_render(text, _spans(report))}</div>'


def legend_html(report: IncidentReport) -> str:
    groups = list(dict.fromkeys(field_group(name) for name, _ in report.facts()))
    if not groups:
        return '<p class="sv-note">No fact was found in this article.</p>'
    chips = "".join(
        f'<span data-field="{escape(g)}"><i style="--c:{FIELD_COLORS.get(g, _FALLBACK_COLOR)}"></i>{escape(g.replace("_", " "))}</span>'
        for g in groups
    )
    return f'<div class="sv-legend">{chips}</div>'


def facts_table(report: IncidentReport) -> str:
    rows = ["<table class=sv-facts><tr><th>field</th><th>value</th><th>evidence</th></tr>"]
    for name, fact in report.facts():
        value = fact_value(fact)
        spans = ", ".join(
            f"[{ev.start}:{ev.end}]"
            + (f" value [{ev.value_start}:{ev.value_end}]" if ev.value_start is not None else "")
            for ev in fact.evidence
        )
        rows.append(
            f'<tr data-fact="{escape(name)}" data-label="{escape(name + ": " + value)}">'
            f'<td><i style="--c:{color_of(name)}"></i>{escape(name)}</td><td>{escape(value)}</td>'
            f"<td><code>{escape(spans)}</code></td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def evidence_view(report: IncidentReport, text: str | None) -> str:
    """The embeddable view: click panel, legend, highlighted article, facts table (no page chrome)."""
    note = (
        "Tinted: the evidence quote; full colour: the value itself. Hover or click a highlight."
        if text is not None
        else "The article text is not at hand: its evidence quotes alone are shown."
    )
    return (
        '<div class="sv-view">'
        f'<div class="sv-inspect" aria-live="polite">Click a highlight to see its field and value.</div>{legend_html(report)}'
        f'<p class="sv-note">{escape(note)}</p>{highlight_article(report, text)}{facts_table(report)}</div>'
    )


def report_page(report: IncidentReport, text: str | None) -> str:
    """A whole self-contained HTML page for one report."""
    title = report.article.title or report.headline()
    warnings = "".join(f"<li>{escape(w.code)}: {escape(w.message)}</li>" for w in report.warnings)
    meta = " · ".join(
        escape(x)
        for x in (
            report.headline() if report.article.title else "",
            report.article.outlet or "",
            f"engine {report.provenance.engine} / {report.provenance.model}",
        )
        if x
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>"
        "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5rem auto;max-width:1000px;padding:0 1rem;color:#1b1f24}"
        "h1{font-size:1.3rem}blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:4px solid #8c959f}"
        f"{EVIDENCE_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class=sv-note>{meta}</p>"
        f"<blockquote>{escape(report.summary)}</blockquote>"
        + (f"<ul class=sv-note>{warnings}</ul>" if warnings else "")
        + evidence_view(report, text)
        + f"<script>{EVIDENCE_JS}</script></body></html>\n"
    )


def notebook_snippet(report: IncidentReport, text: str | None) -> str:
    """``IncidentReport._repr_html_``: headline, summary and the evidence view, no page chrome."""
    return (
        f"<style>{EVIDENCE_CSS}</style><div><b>{escape(report.headline())}</b>"
        f"<p>{escape(report.summary)}</p>{evidence_view(report, text)}</div><script>{EVIDENCE_JS}</script>"
    )


HtmlViews.page = report_page
HtmlViews.snippet = notebook_snippet
