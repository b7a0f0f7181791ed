"""Per-article scores against gold labels, and run-level metrics.

Every per-article score is ``{"ok": true | false | null, "pred": ..., "gold": ...}``; ``ok`` is null
when the gold file does not label the field. Run-level metrics are fractions over the articles that
are scored for the field; an error row counts as wrong for every gold field (an engine must not
look better by failing on hard articles). Rates about the summary and grounding are computed over
successful reports only. The exact rules are in ``evals/README.md``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ..schema import Count, DatePrecision, IncidentReport
from .gold import Gold, GoldCount, GoldRecord
from .matching import any_name_matches, contains_phrase, place_matches, unsupported_numbers

Better = Literal["higher", "lower"]
Score = dict[str, Any]


POSITIVE_KILLED = "killed.value@gold_gt0"
POSITIVE_INJURED = "injured.value@gold_gt0"
NAMED_PERPETRATORS = "perpetrators@gold_named"
STRICT_INCIDENT = "is_incident@strict"
_RESTRICTED = {
    POSITIVE_KILLED: "killed.value",
    POSITIVE_INJURED: "injured.value",
    NAMED_PERPETRATORS: "perpetrators",
}


@dataclass(frozen=True)
class MetricSpec:
    key: str
    label: str
    better: Better = "higher"
    group: str = "facts"


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("is_incident", "is_incident accuracy"),
    # the same with an optional incident (gold ``incident_optional``) counted as an incident only
    MetricSpec(STRICT_INCIDENT, "is_incident accuracy, optional incidents strict"),
    MetricSpec("category", "category accuracy"),
    MetricSpec("date", "date accuracy"),
    MetricSpec("country", "country match"),
    MetricSpec("city", "city match"),
    MetricSpec("venue", "venue match"),
    MetricSpec("killed.value", "killed value"),
    MetricSpec("killed.qualifier", "killed qualifier"),
    MetricSpec("killed.joint", "killed value+qualifier"),
    MetricSpec("injured.value", "injured value"),
    MetricSpec("injured.qualifier", "injured qualifier"),
    MetricSpec("injured.joint", "injured value+qualifier"),
    MetricSpec("perpetrators", "perpetrators hit rate"),
    # recall-style rows: where an absent count or an empty list passes vacuously, judged only on
    # the articles whose gold has something to find
    MetricSpec(POSITIVE_KILLED, "killed value, gold count > 0"),
    MetricSpec(POSITIVE_INJURED, "injured value, gold count > 0"),
    MetricSpec(NAMED_PERPETRATORS, "perpetrators hit rate, gold names one"),
    MetricSpec("claimed_by", "claimants hit rate"),
    MetricSpec("summary.must_include", "summary must-include pass rate", group="summary"),
    MetricSpec("summary.must_not_include", "summary must-not-include pass rate", group="summary"),
    MetricSpec("summary.loaded_word_rate", "loaded-word rate", "lower", group="summary"),
    MetricSpec("summary.unsupported_number_rate", "unsupported-number rate", "lower", group="summary"),
    MetricSpec("grounding.rate", "grounding rate (facts with verified evidence)", group="grounding"),
    MetricSpec("error_rate", "error rate", "lower", group="run"),
)
METRIC_BY_KEY: dict[str, MetricSpec] = {m.key: m for m in METRICS}
GOLD_FIELDS = (
    *(m.key for m in METRICS if m.group == "facts"),
    "summary.must_include",
    "summary.must_not_include",
)


# --------------------------------------------------------------------------------------------------
# per article
# --------------------------------------------------------------------------------------------------


def loaded_terms(summary: str) -> list[str] | None:
    """Loaded words in a summary by the pipeline's own detector; None when it is not available."""
    try:
        from ..neutrality import find_loaded_terms
    except ImportError:
        return None
    return sorted(set(find_loaded_terms(summary)))


def _count_scores(pred: Count | None, gold: GoldCount | None, scored: bool) -> dict[str, Score]:
    shown_pred: dict[str, Any] | None = (
        None if pred is None else {"value": pred.value, "qualifier": str(pred.qualifier)}
    )
    if pred is not None and pred.disputed is not None and shown_pred is not None:
        # the evidence contradicts the figure: shown as disputed, never credited as established
        shown_pred["disputed"] = {"value": pred.disputed.value, "qualifier": str(pred.disputed.qualifier)}
    shown_gold = None if gold is None else {"value": gold.value, "qualifier": str(gold.qualifier)}
    if not scored:
        ok_v = ok_q = None
    elif gold is None:
        ok_v = ok_q = pred is None
    elif pred is None:
        # an absent count equals an exact zero ("no one was hurt" may be left out)
        ok_v = ok_q = gold.value == 0 and gold.qualifier == "exact"
    else:
        # a part the evidence contradicts is never credited (the figure is not established)
        d = pred.disputed
        ok_v = pred.value == gold.value and (d is None or d.value == pred.value)
        ok_q = pred.qualifier == gold.qualifier and (d is None or d.qualifier == pred.qualifier)
    joint = None if ok_v is None or ok_q is None else ok_v and ok_q
    return {
        "value": {"ok": ok_v, "pred": shown_pred, "gold": shown_gold},
        "qualifier": {"ok": ok_q, "pred": shown_pred, "gold": shown_gold},
        "joint": {"ok": joint, "pred": shown_pred, "gold": shown_gold},
    }


def _names_score(pred: list[str], gold: list[str], scored: bool) -> Score:
    if not scored:
        ok = None
    elif not gold:
        ok = not pred
    else:
        ok = any_name_matches(pred, gold)
    return {"ok": ok, "pred": pred, "gold": gold}


def verified_evidence(report: IncidentReport, text: str) -> tuple[int, int]:
    """(facts, facts whose every evidence span satisfies ``text[start:end] == quote``)."""
    facts = report.facts()
    good = 0
    for _, fact in facts:
        spans = fact.evidence
        if spans and all(
            0 <= e.start <= e.end <= len(text) and text[e.start : e.end] == e.quote for e in spans
        ):
            good += 1
    return len(facts), good


def score_report(
    record: GoldRecord,
    report: IncidentReport,
    text: str,
    *,
    loaded: Callable[[str], list[str] | None] | None = None,
) -> dict[str, Score]:
    """Score one report against its gold labels. ``text`` is the exact text the pipeline read."""
    g: Gold = record.gold
    strict_ok = report.is_incident == g.is_incident
    if g.incident_optional and report.is_incident is False:
        g = g.as_not_incident()  # an optional incident left out is not an error (MUC-4 scoring)
    inc = report.incident if report.is_incident else None
    loc = inc.location if inc else None
    out: dict[str, Score] = {}

    # is_incident null (the engine could not read the article) is an abstention: wrong for every
    # gold label, never a correct "not an incident"
    pred_category = (
        inc.category.value if inc else ("not_incident" if report.is_incident is False else "unread")
    )
    out["is_incident"] = {
        "ok": strict_ok or (record.gold.incident_optional and report.is_incident is False),
        "pred": report.is_incident,
        "gold": record.gold.is_incident,
        **({"optional": True} if record.gold.incident_optional else {}),
    }
    out[STRICT_INCIDENT] = {"ok": strict_ok, "pred": report.is_incident, "gold": record.gold.is_incident}
    out["category"] = {
        "ok": pred_category == g.category if g.scored("category") else None,
        "pred": pred_category,
        "gold": g.category,
    }

    pred_date: date | None = inc.date.iso if inc and inc.date else None
    precision = inc.date.precision if inc and inc.date else None
    # gold dates are days: a month or a year ("last month" -> 2016-01-01 at month precision) names
    # no day, so it does not pass by landing on a labelled 1st
    coarse = pred_date is not None and precision not in (None, DatePrecision.day)
    out["date"] = {
        "ok": (pred_date in g.date and not coarse) if g.scored("date") else None,
        "pred": pred_date.isoformat() if pred_date else None,
        "gold": [d.isoformat() if d else None for d in g.date],
        **({"precision": str(precision)} if coarse else {}),
    }
    for name in ("country", "city", "venue"):
        value = getattr(loc, name) if loc else None
        options = getattr(g, name)
        out[name] = {
            "ok": place_matches(value, options, country=name == "country", venue=name == "venue")
            if g.scored(name)
            else None,
            "pred": value,
            "gold": options,
        }
    for name in ("killed", "injured"):
        pred_count: Count | None = getattr(inc, name) if inc else None
        for part, score in _count_scores(pred_count, getattr(g, name), g.scored(name)).items():
            out[f"{name}.{part}"] = score

    perps = [p.name for p in inc.perpetrators] if inc else []
    claims = [c.claimant for c in inc.responsibility_claims] if inc else []
    out["perpetrators"] = _names_score(perps, g.perpetrators, g.scored("perpetrators"))
    out["claimed_by"] = _names_score(claims, g.claimed_by, g.scored("claimed_by"))
    for key, base in _RESTRICTED.items():
        out[key] = {**out[base], "ok": out[base]["ok"] if _labels(g, key) else None}

    summary = report.summary
    missing_groups = [
        grp for grp in g.summary_must_include if not any(contains_phrase(summary, p) for p in grp)
    ]
    out["summary.must_include"] = {
        "ok": not missing_groups if g.scored("summary_must_include") and g.summary_must_include else None,
        "pred": None,
        "gold": g.summary_must_include,
        "missing": missing_groups,
    }
    present = [p for p in g.summary_must_not_include if contains_phrase(summary, p)]
    out["summary.must_not_include"] = {
        "ok": not present if g.scored("summary_must_not_include") and g.summary_must_not_include else None,
        "pred": None,
        "gold": g.summary_must_not_include,
        "present": present,
    }
    out.update(summary_checks(report, text, record.title, record.published, loaded=loaded))
    return out


def summary_checks(
    report: IncidentReport,
    text: str,
    title: str | None,
    published: date | None,
    *,
    loaded: Callable[[str], list[str] | None] | None = None,
) -> dict[str, Score]:
    """The gold-free checks (also useful on batch output): loaded words, numbers, grounding."""
    terms = (loaded or loaded_terms)(report.summary)
    if terms is None:  # no detector: fall back on the pipeline's own verdict
        terms = [] if report.neutrality.neutral else list(report.neutrality.loaded_terms) or ["?"]
    numbers = unsupported_numbers(
        report.summary, text, title=title, published=published or report.article.published
    )
    facts, good = verified_evidence(report, text)
    return {
        "summary.loaded_word_rate": {"ok": not terms, "pred": terms, "gold": None},
        "summary.unsupported_number_rate": {"ok": not numbers, "pred": numbers, "gold": None},
        "grounding.rate": {"ok": good == facts if facts else None, "facts": facts, "verified": good},
    }


# --------------------------------------------------------------------------------------------------
# run level
# --------------------------------------------------------------------------------------------------


def _fraction(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100) of a sample; None for an empty one."""
    if not values:
        return None
    data = sorted(values)
    k = (len(data) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    value = data[lo] if lo == hi else data[lo] + (data[hi] - data[lo]) * (k - lo)
    return round(value, 2)


def field_metrics(
    rows: Sequence[Mapping[str, Any]], gold: Mapping[str, GoldRecord] | None = None
) -> dict[str, Any]:
    """Run-level metrics from result rows (each with ``status`` and, when ok, ``scores``)."""
    out: dict[str, Any] = {}
    ok_rows = [r for r in rows if r.get("status") == "ok" and r.get("scores")]
    error_ids = {str(r["id"]) for r in rows if r.get("status") != "ok"}
    for spec in METRICS:
        if spec.key == "error_rate":
            n = len(rows)
            errors = len(error_ids)
            out[spec.key] = {"value": _fraction(errors, n), "n": n, "hits": errors, "better": spec.better}
            continue
        if spec.key == "grounding.rate":
            facts = sum(
                int(r["scores"][spec.key].get("facts", 0)) for r in ok_rows if spec.key in r["scores"]
            )
            good = sum(
                int(r["scores"][spec.key].get("verified", 0)) for r in ok_rows if spec.key in r["scores"]
            )
            out[spec.key] = {"value": _fraction(good, facts), "n": facts, "hits": good, "better": spec.better}
            continue
        n = hits = 0
        for r in ok_rows:
            ok = r["scores"].get(spec.key, {}).get("ok")
            if ok is None:
                continue
            n += 1
            hits += bool(ok)
        if spec.better == "lower":
            # rates of bad summaries over successful reports
            bad = n - hits
            out[spec.key] = {"value": _fraction(bad, n), "n": n, "hits": bad, "better": spec.better}
            continue
        if gold is not None and spec.key in GOLD_FIELDS:
            # an error row is wrong for every field its gold labels
            for rid in error_ids:
                record = gold.get(rid)
                if record is not None and _labels(record.gold, spec.key):
                    n += 1
        out[spec.key] = {"value": _fraction(hits, n), "n": n, "hits": hits, "better": spec.better}
    return out


def _labels(g: Gold, key: str) -> bool:
    base = key.split(".")[0].split("@")[0]
    if key in (POSITIVE_KILLED, POSITIVE_INJURED):
        count: GoldCount | None = getattr(g, base)
        return g.scored(base) and count is not None and count.value > 0
    if key == NAMED_PERPETRATORS:
        return g.scored("perpetrators") and bool(g.perpetrators)
    if key in ("is_incident", STRICT_INCIDENT):
        return True
    if key == "summary.must_include":
        return g.scored("summary_must_include") and bool(g.summary_must_include)
    if key == "summary.must_not_include":
        return g.scored("summary_must_not_include") and bool(g.summary_must_not_include)
    return g.scored(base)


def by_category(
    rows: Sequence[Mapping[str, Any]], gold: Mapping[str, GoldRecord]
) -> dict[str, dict[str, Any]]:
    """A few headline metrics split by gold category."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        record = gold.get(str(r["id"]))
        if record is not None:
            groups.setdefault(record.gold.category, []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for category, members in sorted(groups.items()):
        m = field_metrics(members, gold)
        out[category] = {"n": len(members)} | {
            k: m[k]["value"] for k in ("category", "date", "country", "killed.joint", "injured.joint")
        }
    return out


# --------------------------------------------------------------------------------------------------
# operations: latency, tokens, cost
# --------------------------------------------------------------------------------------------------

# USD per 1M tokens (input, output). Model names match exactly or as a prefix of a dated snapshot
# ("gpt-4o-mini-2024-07-18"). Override or extend with `summarizer eval --prices FILE.json`.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "o4-mini": (1.10, 4.40),
}
FREE_ENGINES = frozenset({"rules", "local"})


def price_for(
    engine: str, model: str, prices: Mapping[str, tuple[float, float]]
) -> tuple[float, float] | None:
    if engine in FREE_ENGINES:
        return (0.0, 0.0)
    if model in prices:
        return prices[model]
    candidates = [k for k in prices if model.startswith(k + "-")]
    return prices[max(candidates, key=len)] if candidates else None


def cost_usd(tokens_in: int, tokens_out: int, price: tuple[float, float] | None) -> float | None:
    if price is None:
        return None
    return round((tokens_in * price[0] + tokens_out * price[1]) / 1_000_000, 6)


def ops_metrics(
    rows: Iterable[Mapping[str, Any]], prices: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, Any]:
    """Latency (p50/p95, ms), tokens and estimated cost, per engine/model.

    ``cost_usd`` is what the reports cost to produce (cache hits included, at their original
    token counts); ``spent_usd`` leaves cache hits out (what this run paid).
    """
    table = dict(DEFAULT_PRICES if prices is None else prices)
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        if r.get("status") != "ok" or not r.get("report"):
            continue
        prov = r["report"].get("provenance", {})
        groups.setdefault(f"{prov.get('engine', '?')}/{prov.get('model', '?')}", []).append(r)
    out: dict[str, Any] = {}
    for key, members in sorted(groups.items()):
        engine, model = key.split("/", 1)
        provs = [m["report"]["provenance"] for m in members]
        fresh = [p for p in provs if not p.get("cache_hit")]
        tin = sum(int(p.get("tokens_in", 0)) for p in provs)
        tout = sum(int(p.get("tokens_out", 0)) for p in provs)
        fin = sum(int(p.get("tokens_in", 0)) for p in fresh)
        fout = sum(int(p.get("tokens_out", 0)) for p in fresh)
        price = price_for(engine, model, table)
        cost = cost_usd(tin, tout, price)
        latencies = [float(p.get("latency_ms", 0.0)) for p in fresh]
        out[key] = {
            "engine": engine,
            "model": model,
            "reports": len(members),
            "cache_hits": len(members) - len(fresh),
            "latency_ms": {
                "p50": percentile(latencies, 50),
                "p95": percentile(latencies, 95),
                "n": len(latencies),
            },
            "tokens_in": tin,
            "tokens_out": tout,
            "price_per_1m": None if price is None else {"input": price[0], "output": price[1]},
            "cost_usd": cost,
            "cost_usd_per_report": None if cost is None or not members else round(cost / len(members), 6),
            "spent_usd": cost_usd(fin, fout, price),
        }
    return out


def load_prices(data: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """``{"model": {"input": usd_per_1m, "output": usd_per_1m}}`` (or ``[in, out]``) -> price table."""
    table: dict[str, tuple[float, float]] = {}
    for model, value in data.items():
        if isinstance(value, Mapping):
            table[model] = (float(value["input"]), float(value["output"]))
        else:
            a, b = value
            table[model] = (float(a), float(b))
    return table


def article_score(row: Mapping[str, Any]) -> float:
    """Fraction of an article's scored checks that pass; -1 for an error row (worst first)."""
    if row.get("status") != "ok" or not row.get("scores"):
        return -1.0
    oks = [s.get("ok") for s in row["scores"].values() if isinstance(s, Mapping) and s.get("ok") is not None]
    return sum(bool(o) for o in oks) / len(oks) if oks else 1.0


def failed_checks(row: Mapping[str, Any]) -> list[str]:
    if row.get("status") != "ok" or not row.get("scores"):
        return []
    return [k for k, s in row["scores"].items() if isinstance(s, Mapping) and s.get("ok") is False]


def worst_rows(rows: Sequence[Mapping[str, Any]], n: int = 10) -> list[Mapping[str, Any]]:
    ranked = sorted(rows, key=lambda r: (article_score(r), str(r["id"])))
    return [r for r in ranked if article_score(r) < 1.0][:n]
