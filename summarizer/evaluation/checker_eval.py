"""``summarizer eval checker``: how many model mistakes the checker catches, and what it damages.

For every gold article an oracle draft (:mod:`.oracle`) and each of its one-fact mutations are
delivered **through the real LLM path**: a fake OpenAI-compatible server on 127.0.0.1 answers the
`compatible` engine with the draft as the model's tool call, through the real ``openai`` and
``instructor`` clients, so grounding, the report builder, neutrality (its re-ask answered with the
same summary: a stubborn model) and the checker run exactly as for a real model. The pipeline runs
once with the checker off; the checker's last step is then applied to copies of that report in
``flag`` and ``strict`` (the pipeline's own final call, so each mode sees the same report).

Per mutation and mode: **caught** when the mutated fact is corrected, dropped or visibly marked
(a warning naming the field, an uncertainty, a disputed figure, a rules cross-check disagreement
when counted). Per oracle run and mode: a **false alarm** for each correct fact that was changed,
dropped or marked. The **user view** per mode: of every fact shown, how many are right and
unmarked, and how many are wrong yet shown as established.
"""

from __future__ import annotations

import html
import json
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from ..article import prepare_article
from ..checker import check_report
from ..errors import SummarizerError
from ..schema import IncidentReport
from ..settings import Settings
from .fake_openai import FakeOpenAI, Reply, completion
from .gold import GoldRecord, load_gold
from .matching import fold_place
from .oracle import CLASSES, FACTS, Mutation, Oracle, build_oracle, mutations

__all__ = ["MODES", "CheckerEvalResult", "run_checker_eval", "visible"]

MODES = ("off", "flag", "strict")
_FIELD = {
    "killed": "incident.killed",
    "injured": "incident.injured",
    "date": "incident.date",
    "city": "incident.location",
    "country": "incident.location",
    "perpetrator": "incident.perpetrators",
    "claimant": "incident.responsibility_claims",
    "summary": "summary",
}
# warnings that only describe the input or the run, never a fact's credibility
_NEUTRAL_CODES = frozenset({"summary_trimmed", "cache_unavailable", "truncated", "dateline_date"})

Progress = Callable[[int, int], None]


def visible(report: IncidentReport, fact: str) -> Any:
    """What a user sees for ``fact`` (None when the report has no such fact)."""
    inc = report.incident
    if fact == "summary":
        return report.summary
    if inc is None:
        return None
    if fact in ("killed", "injured"):
        c = getattr(inc, fact)
        return None if c is None else (c.value, str(c.qualifier))
    if fact == "date":
        return None if inc.date is None or inc.date.iso is None else inc.date.iso.isoformat()
    if fact == "city":
        return None if inc.location is None or not inc.location.city else fold_place(inc.location.city)
    if fact == "country":
        loc = inc.location
        return None if loc is None or not loc.country else (loc.country_code or fold_place(loc.country))
    if fact == "perpetrator":
        return tuple(fold_place(p.name) for p in inc.perpetrators) or None
    if fact == "claimant":
        return tuple(fold_place(c.claimant) for c in inc.responsibility_claims) or None
    raise ValueError(fact)


def marked(report: IncidentReport, fact: str, *, cross_check: bool = False) -> bool:
    """Whether the report visibly marks ``fact`` as not established."""
    name = _FIELD[fact]
    for w in report.warnings:
        if w.code in _NEUTRAL_CODES or w.field is None:
            continue
        if w.field == name or w.field.startswith(name + ".") or w.field.startswith(name + "["):
            if fact == "country" and w.field.endswith(".city"):
                continue
            if fact == "city" and w.field.endswith(".country"):
                continue
            return True
    if fact == "summary":
        return not report.neutrality.neutral and report.neutrality.action == "flagged"
    if cross_check:
        for entry in report.cross_check:
            if entry.field == name or entry.field.startswith(name + "."):
                if fact == "country" and entry.field.endswith(".city"):
                    continue
                if fact == "city" and entry.field.endswith(".country"):
                    continue
                return True
    return False


def _contains(fact: str, shown: Any, wrong: Any) -> bool:
    if fact in ("perpetrator", "claimant"):
        return wrong in shown
    if fact == "summary":
        return str(wrong).lower() in str(shown).lower()
    return bool(shown == wrong)


def caught(report: IncidentReport, m: Mutation, *, cross_check: bool = False) -> bool:
    shown = visible(report, m.fact)
    if shown is None:
        return True  # dropped
    if m.wrong is None:  # a paraphrased quote: only dropping or marking it catches it
        return marked(report, m.fact, cross_check=cross_check)
    if not _contains(m.fact, shown, m.wrong):
        return True  # corrected
    return marked(report, m.fact, cross_check=cross_check)


@dataclass
class _Tally:
    n: int = 0
    hits: int = 0

    def add(self, hit: bool) -> None:
        self.n += 1
        self.hits += int(hit)

    def rate(self) -> float | None:
        return self.hits / self.n if self.n else None

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.rate(), "n": self.n, "hits": self.hits}


@dataclass
class CheckerEvalResult:
    out: Path
    metrics: dict[str, Any]
    rows: list[dict[str, Any]] = field(default_factory=list)


class _Router:
    """The fake model: answers each request with the current draft (a revise request with the
    current summary, unchanged)."""

    def __init__(self) -> None:
        self.draft: dict[str, Any] = {}
        self.lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        tools = body.get("tools") or []
        name = tools[0].get("function", {}).get("name", "Draft") if tools else "Draft"
        args = {"summary": self.draft.get("summary", "")} if name == "SummaryRevision" else self.draft
        return Reply(200, completion(tool_args=args, tool_name=name, prompt_tokens=0, completion_tokens=0))


def _settings(url: str, cache_dir: Path, cross_check: bool) -> Settings:
    return Settings(
        engine="compatible",
        base_url=url,
        model="oracle",
        openai_api_key=SecretStr("not-needed"),
        checker="off",
        cache_enabled=False,
        cache_dir=cache_dir,
        retry_attempts=1,
        max_reasks=0,
        cross_check=cross_check,
    )


def run_checker_eval(
    gold_path: str | Path,
    out: str | Path,
    *,
    limit: int | None = None,
    sample: int | None = None,
    cross_check: bool = True,
    progress: Progress | None = None,
) -> CheckerEvalResult:
    """Run the oracle-and-mutation harness on a gold file; write metrics.json, report.md,
    report.html and runs.jsonl into ``out``."""
    from ..pipeline import Summarizer

    records = load_gold(gold_path)
    if sample is not None and sample < len(records):
        # a fixed, order-independent sample: every k-th record by position in the file
        step = len(records) / sample
        records = [records[int(i * step)] for i in range(sample)]
    if limit is not None:
        records = records[:limit]
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    router = _Router()
    catch: dict[str, dict[str, _Tally]] = {m: defaultdict(_Tally) for m in MODES}
    catch_xc: dict[str, _Tally] = defaultdict(_Tally)
    xc_only: dict[str, _Tally] = defaultdict(_Tally)
    false_alarm: dict[str, dict[str, _Tally]] = {m: defaultdict(_Tally) for m in MODES}
    xc_false_alarm: dict[str, _Tally] = defaultdict(_Tally)
    user: dict[str, dict[str, _Tally]] = {
        m: {"right": _Tally(), "wrong_established": _Tally()} for m in MODES
    }
    labelled: Counter[str] = Counter()
    located: Counter[str] = Counter()
    applied: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    errors = 0
    incidents = 0
    with FakeOpenAI(default=router) as fake:
        summarizer = Summarizer(_settings(fake.url, out_dir / ".cache", cross_check), cache=False)
        for index, record in enumerate(records):
            if progress is not None:
                progress(index, len(records))
            prepared = prepare_article(record.article())
            oracle = build_oracle(record, prepared.text, prepared.reference_date)
            if not record.gold.is_incident:
                continue
            incidents += 1
            labelled.update(oracle.labelled)
            located.update(f for f in oracle.labelled if f not in oracle.missing)
            runs: list[tuple[Mutation | None, dict[str, Any]]] = [(None, oracle.draft)]
            runs.extend((m, m.draft) for m in mutations(oracle))
            for mutation, draft in runs:
                router.draft = draft
                try:
                    base = summarizer.summarize(record.article(), use_cache=False)
                except SummarizerError as exc:
                    errors += 1
                    rows.append(
                        {
                            "id": record.id,
                            "mutation": mutation.name if mutation else "oracle",
                            "error": str(exc),
                        }
                    )
                    continue
                reports = {
                    "off": base,
                    "flag": check_report(base, prepared.text, "flag"),
                    "strict": check_report(base, prepared.text, "strict"),
                }
                row: dict[str, Any] = {"id": record.id, "mutation": mutation.name if mutation else "oracle"}
                if mutation is None:
                    row["false_alarms"] = _score_oracle(oracle, reports, false_alarm, xc_false_alarm, user)
                else:
                    applied[mutation.cls] += 1
                    row["class"] = mutation.cls
                    row["fact"] = mutation.fact
                    row["caught"] = {}
                    for mode, rep in reports.items():
                        hit = caught(rep, mutation)
                        catch[mode][mutation.cls].add(hit)
                        catch[mode]["all"].add(hit)
                        row["caught"][mode] = hit
                        _score_user(oracle, mutation, rep, user[mode])
                    if cross_check:
                        with_xc = caught(reports["flag"], mutation, cross_check=True)
                        catch_xc[mutation.cls].add(with_xc)
                        catch_xc["all"].add(with_xc)
                        extra = with_xc and not row["caught"]["flag"]
                        xc_only[mutation.cls].add(extra)
                        xc_only["all"].add(extra)
                        row["caught"]["flag+cross_check"] = with_xc
                    if not row["caught"]["flag"]:
                        row["shown"] = _jsonable(visible(reports["flag"], mutation.fact))
                rows.append(row)
    if progress is not None:
        progress(len(records), len(records))
    metrics: dict[str, Any] = {
        "gold": str(gold_path),
        "articles": len(records),
        "incidents": incidents,
        "runs": len(rows),
        "errors": errors,
        "coverage": {
            f: {
                "labelled": labelled[f],
                "located": located[f],
                "value": located[f] / labelled[f] if labelled[f] else None,
            }
            for f in FACTS
            if f != "summary"
        },
        "mutations_applied": {c: applied[c] for c in CLASSES},
        "modes": {
            mode: {
                "catch_rate": {k: t.as_dict() for k, t in sorted(catch[mode].items())},
                "false_alarm_rate": {k: t.as_dict() for k, t in sorted(false_alarm[mode].items())},
                "user_view": {k: t.as_dict() for k, t in user[mode].items()},
            }
            for mode in MODES
        },
    }
    if cross_check:
        metrics["cross_check"] = {
            "catch_rate_with_flag": {k: t.as_dict() for k, t in sorted(catch_xc.items())},
            "extra_catches": {k: t.as_dict() for k, t in sorted(xc_only.items())},
            "false_alarm_rate": {k: t.as_dict() for k, t in sorted(xc_false_alarm.items())},
        }
    (out_dir / "metrics.json").write_text(
        json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    with (out_dir / "runs.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, sort_keys=True) + "\n")
    (out_dir / "report.md").write_text(render_md(metrics), encoding="utf-8")
    (out_dir / "report.html").write_text(render_html(metrics), encoding="utf-8")
    return CheckerEvalResult(out_dir, metrics, rows)


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _score_oracle(
    oracle: Oracle,
    reports: dict[str, IncidentReport],
    false_alarm: dict[str, dict[str, _Tally]],
    xc_false_alarm: dict[str, _Tally],
    user: dict[str, dict[str, _Tally]],
) -> dict[str, list[str]]:
    alarms: dict[str, list[str]] = {}
    for mode, rep in reports.items():
        alarms[mode] = []
        for fact, expected in oracle.expected.items():
            shown = visible(rep, fact)
            bad = shown != expected or marked(rep, fact)
            false_alarm[mode][fact].add(bad)
            false_alarm[mode]["all"].add(bad)
            if bad:
                alarms[mode].append(fact)
            user[mode]["right"].add(shown == expected)
            user[mode]["wrong_established"].add(
                shown is not None and shown != expected and not marked(rep, fact)
            )
    flag = reports["flag"]
    for fact in oracle.expected:
        if fact == "summary":
            continue
        hit = any(e.field == _FIELD[fact] or e.field.startswith(_FIELD[fact] + ".") for e in flag.cross_check)
        xc_false_alarm[fact].add(hit)
        xc_false_alarm["all"].add(hit)
    return alarms


def _score_user(oracle: Oracle, m: Mutation, rep: IncidentReport, tally: dict[str, _Tally]) -> None:
    """The mutated fact as the user sees it: right (and unmarked), or wrong yet unmarked."""
    if m.fact == "summary":
        shown_s = rep.summary
        wrong_in = isinstance(m.wrong, str) and m.wrong.lower() in shown_s.lower()
        tally["right"].add(not wrong_in)
        tally["wrong_established"].add(wrong_in and not marked(rep, "summary"))
        return
    expected = oracle.expected.get(m.fact)
    shown = visible(rep, m.fact)
    is_marked = marked(rep, m.fact)
    if m.fact in ("perpetrator", "claimant"):
        wrong_in = shown is not None and m.wrong in shown
        tally["right"].add(not wrong_in and shown == expected)
        tally["wrong_established"].add(wrong_in and not is_marked)
        return
    tally["right"].add(shown == expected)
    tally["wrong_established"].add(shown is not None and shown != expected and not is_marked)


# --------------------------------------------------------------------------------------------------
# reports
# --------------------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(metrics: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    head = ["class", "applied", *[f"catch ({m})" for m in MODES]]
    has_xc = "cross_check" in metrics
    if has_xc:
        head += ["catch (flag + cross-check)", "extra by cross-check"]
    rows = []
    for cls in [*CLASSES, "all"]:
        n = metrics["modes"]["flag"]["catch_rate"].get(cls, {}).get("n", 0)
        if not n:
            continue
        row = [cls, str(n)] + [_fmt(metrics["modes"][m]["catch_rate"][cls]["value"]) for m in MODES]
        if has_xc:
            row += [
                _fmt(metrics["cross_check"]["catch_rate_with_flag"][cls]["value"]),
                str(metrics["cross_check"]["extra_catches"][cls]["hits"]),
            ]
        rows.append(row)
    return head, rows


def _fa_table(metrics: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    head = ["fact", "oracle facts", *[f"false alarms ({m})" for m in MODES]]
    if "cross_check" in metrics:
        head.append("cross-check disagreements")
    rows = []
    for fact in [*FACTS, "all"]:
        t = metrics["modes"]["flag"]["false_alarm_rate"].get(fact)
        if not t:
            continue
        row = [fact, str(t["n"])] + [
            _fmt(metrics["modes"][m]["false_alarm_rate"][fact]["value"]) for m in MODES
        ]
        if "cross_check" in metrics:
            row.append(_fmt(metrics["cross_check"]["false_alarm_rate"].get(fact, {}).get("value")))
        rows.append(row)
    return head, rows


def _user_table(metrics: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    head = ["checker mode", "facts shown with the right value", "wrong value shown as established (unmarked)"]
    rows = [
        [
            m,
            _fmt(metrics["modes"][m]["user_view"]["right"]["value"]),
            _fmt(metrics["modes"][m]["user_view"]["wrong_established"]["value"]),
        ]
        for m in MODES
    ]
    return head, rows


def _coverage_rows(metrics: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    head = ["fact", "gold-labelled", "evidence located", "coverage"]
    rows = [
        [f, str(c["labelled"]), str(c["located"]), _fmt(c["value"])]
        for f, c in metrics["coverage"].items()
        if c["labelled"]
    ]
    return head, rows


def render_md(metrics: dict[str, Any]) -> str:
    def md(head: list[str], rows: list[list[str]]) -> str:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)

    parts = [
        f"# Checker harness: {metrics['gold']}",
        "",
        f"{metrics['articles']} articles ({metrics['incidents']} incidents), {metrics['runs']} runs, "
        f"{metrics['errors']} errors.",
        "",
        "## Catch rate per mutation class",
        md(*_table(metrics)),
        "",
        "## False alarms on the unmutated oracle drafts",
        md(*_fa_table(metrics)),
        "",
        "## What a user sees (every oracle fact and every mutated fact)",
        md(*_user_table(metrics)),
        "",
        "## Oracle coverage (evidence located by code)",
        md(*_coverage_rows(metrics)),
        "",
    ]
    return "\n".join(parts)


def render_html(metrics: dict[str, Any]) -> str:
    def table(head: list[str], rows: list[list[str]]) -> str:
        h = "".join(f"<th>{html.escape(c)}</th>" for c in head)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>"

    title = html.escape(f"Checker harness: {metrics['gold']}")
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;"
        "text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>"
        f"<h1>{title}</h1><p>{metrics['articles']} articles ({metrics['incidents']} incidents), "
        f"{metrics['runs']} runs, {metrics['errors']} errors.</p>"
        f"<h2>Catch rate per mutation class</h2>{table(*_table(metrics))}"
        f"<h2>False alarms on the unmutated oracle drafts</h2>{table(*_fa_table(metrics))}"
        f"<h2>What a user sees</h2>{table(*_user_table(metrics))}"
        f"<h2>Oracle coverage</h2>{table(*_coverage_rows(metrics))}"
        "</body></html>\n"
    )


def oracle_records(records: list[GoldRecord]) -> list[Oracle]:  # pragma: no cover - debugging aid
    out = []
    for r in records:
        prepared = prepare_article(r.article())
        out.append(build_oracle(r, prepared.text, prepared.reference_date))
    return out


def gate_checker(metrics: dict[str, Any], gates: list[tuple[str, float]]) -> list[dict[str, Any]]:
    """Evaluate gates ``MODE.catch.CLASS >= v`` and ``MODE.false_alarm.FACT <= v`` (ceiling)."""
    from ..errors import ConfigError

    out = []
    for name, threshold in gates:
        parts = name.split(".")
        if len(parts) != 3 or parts[0] not in MODES or parts[1] not in ("catch", "false_alarm"):
            raise ConfigError(
                f"unknown checker gate {name!r}: use MODE.catch.CLASS or MODE.false_alarm.FACT, MODE one of {', '.join(MODES)}"
            )
        mode, kind, key = parts
        table = metrics["modes"][mode]["catch_rate" if kind == "catch" else "false_alarm_rate"]
        value = table.get(key, {}).get("value")
        if kind == "catch":
            passed = value is not None and value >= threshold
            op = ">="
        else:
            passed = value is not None and value <= threshold
            op = "<="
        out.append({"metric": name, "op": op, "threshold": threshold, "value": value, "passed": passed})
    return out
