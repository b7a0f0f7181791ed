"""``summarizer eval muc4``: MUC-4 texts and keys through the shared runner, template-scored.

The run folder holds ``run.json``, ``results.jsonl`` (one row per text: the report, the response
and key templates and the text's scores), ``metrics.json``, ``report.md`` and ``report.html``.
A re-run into the same folder resumes (finished texts are skipped, failed ones retried, and every
stored report is re-scored against the current keys).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...article import Article
from ...errors import InputError
from ...runlog import now, write_run_info
from ...runner import Progress, ResultStore, Row, Runner, RunOutcome, WorkItem
from ...schema import IncidentReport
from ...version import __version__
from ..evaluate import RESULTS, RUN_INFO, RunMismatchError
from ..metrics import ops_metrics
from ..report_md import fmt
from .keys import HEADER_RE, Template, parse_keys, parse_texts
from .mapping import report_templates
from .score import ALL_SLOTS, ENTITY_SLOTS, MucTemplate, aggregate, key_templates, score_document

if TYPE_CHECKING:
    from ...pipeline import Summarizer

METRICS = "metrics.json"
KEY_START = re.compile(r"^0\.\s+MESSAGE: ID\b")

# Published role-filler entity F1 on MUC-4 TST3+TST4 (fine-tuned systems; not our splits).
PUBLISHED = {"GTT (Du et al. 2021)": 50.2, "IterX (Chen et al. 2023)": 53.0}


@dataclass
class MucText:
    """One text with its key."""

    id: str
    text: str
    published: dt.date | None
    templates: list[Template]

    def key(self) -> list[MucTemplate]:
        return key_templates(self.templates, self.text, self.published)


@dataclass
class MucResult:
    out: Path
    metrics: dict[str, Any]
    outcome: RunOutcome


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="latin-1")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def sort_files(
    texts: Sequence[Path], keys: Sequence[Path], more: Sequence[Path]
) -> tuple[list[Path], list[Path]]:
    """Texts and keys, with ``more`` files (the shell's ``--texts A B``: B arrives on its own)
    sorted by their content: a key file starts with ``0.  MESSAGE: ID``, a text file with a
    message id line."""
    out_texts, out_keys = list(texts), list(keys)
    for path in more:
        if str(path).startswith("-"):
            raise InputError(f"unknown option {path}")
        head = next(
            (line for line in _read(path).splitlines() if line.strip() and not line.startswith(";")), ""
        )
        if KEY_START.match(head):
            out_keys.append(path)
        elif HEADER_RE.match(head.strip()):
            out_texts.append(path)
        else:
            raise InputError(f"{path} is neither a MUC-4 text file nor a key file")
    return out_texts, out_keys


def load_texts(texts: Sequence[Path], keys: Sequence[Path]) -> list[MucText]:
    """Every text of ``texts`` with its key templates from ``keys``; a text without a key, a key
    without a text, or a repeated text id is an error."""
    by_message: dict[str, list[Template]] = {}
    for path in keys:
        for template in parse_keys(_read(path)):
            by_message.setdefault(template.msg_id, []).append(template)
    out: list[MucText] = []
    seen: set[str] = set()
    for path in texts:
        for article in parse_texts(_read(path)):
            if article.msg_id in seen:
                raise InputError(f"{path}: text {article.msg_id} appears twice")
            seen.add(article.msg_id)
            templates = by_message.get(article.msg_id)
            if templates is None:
                raise InputError(f"{path}: no key for {article.msg_id} in {', '.join(map(str, keys))}")
            published = dt.date.fromisoformat(article.published) if article.published else None
            out.append(MucText(article.msg_id, article.text, published, templates))
    if not out:
        raise InputError(f"no MUC texts in {', '.join(map(str, texts))}")
    orphans = sorted(set(by_message) - seen)
    if orphans:
        raise InputError(f"keys without a text: {', '.join(orphans[:5])}{' ...' if len(orphans) > 5 else ''}")
    return out


def score_row(text: MucText, report: IncidentReport) -> dict[str, Any]:
    key = text.key()
    response = report_templates(report)
    doc = score_document(response, key)
    return {
        **doc.as_json(),
        "response": [t.as_json() for t in response],
        "key": [t.as_json() for t in key],
    }


class MucScorer:
    def __init__(self, texts: Mapping[str, MucText]) -> None:
        self.texts = texts

    def __call__(self, item: WorkItem, report: IncidentReport) -> dict[str, Any]:
        return score_row(self.texts[item.id], report)

    def rescore(self, row: Row) -> Row:
        text = self.texts.get(str(row["id"]))
        if text is None or row.get("status") != "ok" or not row.get("report"):
            return row
        return {**row, "scores": score_row(text, IncidentReport.model_validate(row["report"]))}


def _sha(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_info(summarizer: Summarizer, texts: Sequence[Path], keys: Sequence[Path]) -> dict[str, Any]:
    engine = summarizer.engine
    prompt = summarizer.prompt
    return {
        "task": "muc4",
        "engine": engine.name,
        "model": engine.model,
        "prompt": f"{prompt.name}/{prompt.version}" if prompt else None,
        "prompt_hash": prompt.short_hash if prompt else None,
        "checker": summarizer.settings.checker,
        "max_chars": summarizer.settings.max_chars,
        "texts": [str(p) for p in texts],
        "keys": [str(p) for p in keys],
        "keys_sha256": _sha(keys),
        "summarizer_version": __version__,
    }


def _check_resume(out: Path, info: Mapping[str, Any]) -> None:
    path = out / RUN_INFO
    if not path.exists():
        return
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return
    for key in ("task", "engine", "model", "prompt", "prompt_hash", "checker"):
        if old.get(key) != info.get(key):
            raise RunMismatchError(
                f"{out} holds a run with {key}={old.get(key)!r}, not {info.get(key)!r}; "
                "use another --out, or --overwrite to start it afresh"
            )


def compute_metrics(rows: list[Row], info: Mapping[str, Any]) -> dict[str, Any]:
    ok_rows = [r for r in rows if r.get("status") == "ok" and r.get("scores")]
    scored = aggregate(r["scores"] for r in ok_rows)
    entity = scored["entity"]
    metrics: dict[str, Any] = {
        "run": dict(info),
        "counts": {
            "texts": len(rows),
            "ok": len(ok_rows),
            "error": len(rows) - len(ok_rows),
            "key_templates": sum(len(r["scores"]["key"]) for r in ok_rows),
            "response_templates": sum(len(r["scores"]["response"]) for r in ok_rows),
        },
        "entity_f1": entity["f1"],
        "entity_precision": entity["precision"],
        "entity_recall": entity["recall"],
        "entity": entity,
    }
    for slot in ALL_SLOTS:
        metrics[slot] = scored["slots"][slot]
    metrics["relevance"] = scored["relevance"]
    metrics["published_entity_f1_tst3_tst4"] = PUBLISHED
    metrics["ops"] = ops_metrics(rows)
    return metrics


def run_muc4(
    texts: Sequence[Path],
    keys: Sequence[Path],
    out: str | Path,
    summarizer: Summarizer,
    *,
    concurrency: int = 4,
    use_cache: bool = True,
    refresh: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
    limit: int | None = None,
) -> MucResult:
    docs = load_texts(texts, keys)
    if limit is not None:
        docs = docs[:limit]
    by_id = {d.id: d for d in docs}
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    info = run_info(summarizer, texts, keys)
    if overwrite:
        for name in (RESULTS, METRICS, RUN_INFO, "report.md", "report.html"):
            (out_dir / name).unlink(missing_ok=True)
    else:
        _check_resume(out_dir, info)
    info["started"] = now()  # `summarizer runs` lists the run with its start and end times
    info["finished"] = None
    write_run_info(out_dir / RUN_INFO, info)
    scorer = MucScorer(by_id)
    runner = Runner(
        summarizer,
        concurrency=concurrency,
        use_cache=use_cache,
        refresh=refresh,
        scorer=scorer,
        progress=progress,
        description="eval muc4",
    )
    items = [WorkItem(id=d.id, source=Article(text=d.text, id=d.id, published=d.published)) for d in docs]
    try:
        with ResultStore(out_dir / RESULTS) as store:
            outcome = runner.run(items, store, transform=scorer.rescore)
    finally:
        info["finished"] = now()
        write_run_info(out_dir / RUN_INFO, info)
    metrics = compute_metrics(outcome.rows, info)
    (out_dir / METRICS).write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "report.md").write_text(render_markdown(metrics, outcome.rows), encoding="utf-8")
    (out_dir / "report.html").write_text(render_html(metrics, outcome.rows), encoding="utf-8")
    return MucResult(out=out_dir, metrics=metrics, outcome=outcome)


# ---------------------------------------------------------------------------------------------
# reports


def _pct(value: Any) -> str:
    return "n/a" if value is None else f"{100 * float(value):.1f}"


def slot_table(metrics: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    return [("entity (micro, 5 slots)", metrics["entity"]), *((s, metrics[s]) for s in ALL_SLOTS)]


def _worst(rows: list[Row], n: int) -> list[Row]:
    def lost(row: Row) -> float:
        if row.get("status") != "ok" or not row.get("scores"):
            return float("inf")
        e = row["scores"]["entity"]
        return float(e["pred"] - e["correct"]) + float(e["key"] - e["correct"])

    bad = [r for r in rows if lost(r) > 0]
    return sorted(bad, key=lambda r: (-lost(r), str(r["id"])))[:n]


def render_markdown(metrics: Mapping[str, Any], rows: list[Row]) -> str:
    run = metrics["run"]
    counts = metrics["counts"]
    lines = [
        f"# MUC-4 template evaluation: {run.get('engine')} / {run.get('model')}",
        "",
        f"- texts: {', '.join(run.get('texts', []))}",
        f"- keys: {', '.join(run.get('keys', []))} (sha256 {str(run.get('keys_sha256', ''))[:12]})",
        f"- {counts['texts']} texts ({counts['ok']} ok, {counts['error']} errors); "
        f"{counts['key_templates']} key templates, {counts['response_templates']} response templates",
        "",
        f"**Role-filler entity F1: {_pct(metrics['entity_f1'])}** "
        f"(P {_pct(metrics['entity_precision'])}, R {_pct(metrics['entity_recall'])})",
        "",
        "| slot | P | R | F1 | correct | pred | key |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in slot_table(metrics):
        lines.append(
            f"| {name} | {_pct(c['precision'])} | {_pct(c['recall'])} | {_pct(c['f1'])} |"
            f" {fmt(c['correct'])} | {c['pred']} | {c['key']} |"
        )
    rel = metrics["relevance"]
    lines += [
        "",
        f"Relevance (text has a template): P {_pct(rel['precision'])}, R {_pct(rel['recall'])}, "
        f"F1 {_pct(rel['f1'])}, accuracy {_pct(rel['accuracy'])}.",
        "",
        "Published entity F1 (fine-tuned systems, measured on TST3+TST4, not these texts): "
        + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items())
        + ".",
        "",
        "## Texts losing the most entity fillers",
        "",
    ]
    for row in _worst(rows, 15):
        lines.append(f"### {row['id']}")
        lines.append("")
        if row.get("status") != "ok" or not row.get("scores"):
            err = row.get("error") or row.get("score_error") or {}
            lines += [f"**error** `{err.get('type')}`: {err.get('message')}", ""]
            continue
        s = row["scores"]
        for slot in ENTITY_SLOTS:
            miss = s.get("missing", {}).get(slot, [])
            spur = s.get("spurious", {}).get(slot, [])
            if miss or spur:
                lines.append(
                    f"- {slot}: missing {'; '.join(miss) or '-'} | spurious {'; '.join(spur) or '-'}".replace(
                        "|", "\\|"
                    )
                )
        lines.append("")
    return "\n".join(lines) + "\n"


def render_html(metrics: Mapping[str, Any], rows: list[Row]) -> str:
    run = metrics["run"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>MUC-4 evaluation {escape(str(run.get('engine')))}</title>",
        "<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}"
        "td.num{text-align:right}details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}"
        "pre{white-space:pre-wrap;background:#f6f8fa;padding:.6rem}</style></head><body>",
        f"<h1>MUC-4 template evaluation: {escape(str(run.get('engine')))} / {escape(str(run.get('model')))}</h1>",
        f"<p>Role-filler entity F1 <b>{_pct(metrics['entity_f1'])}</b> "
        f"(P {_pct(metrics['entity_precision'])}, R {_pct(metrics['entity_recall'])}) on "
        f"{metrics['counts']['texts']} texts. Published (fine-tuned, TST3+TST4): "
        + escape(", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))
        + "</p>",
        "<table><tr><th>slot</th><th>P</th><th>R</th><th>F1</th><th>correct</th><th>pred</th><th>key</th></tr>",
    ]
    for name, c in slot_table(metrics):
        parts.append(
            f"<tr><td>{escape(name)}</td><td class='num'>{_pct(c['precision'])}</td>"
            f"<td class='num'>{_pct(c['recall'])}</td><td class='num'>{_pct(c['f1'])}</td>"
            f"<td class='num'>{fmt(c['correct'])}</td><td class='num'>{c['pred']}</td><td class='num'>{c['key']}</td></tr>"
        )
    parts.append("</table><h2>Texts losing the most entity fillers</h2>")
    for row in _worst(rows, 30):
        parts.append(f"<details><summary>{escape(str(row['id']))}</summary>")
        scores = row.get("scores")
        if row.get("status") != "ok" or not scores:
            err = row.get("error") or row.get("score_error") or {}
            parts.append(
                f"<p>error {escape(str(err.get('type')))}: {escape(str(err.get('message')))}</p></details>"
            )
            continue
        parts.append("<h4>response</h4><pre>" + escape(json.dumps(scores["response"], indent=1)) + "</pre>")
        parts.append("<h4>key</h4><pre>" + escape(json.dumps(scores["key"], indent=1)) + "</pre>")
        parts.append("</details>")
    parts.append("</body></html>")
    return "".join(parts) + "\n"
