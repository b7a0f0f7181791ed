"""Throughput of the shared eval/batch runner against the fake OpenAI-compatible server.

For each concurrency (default 1, 8, 32) it runs enough distinct articles through the runner (the
`compatible` engine over real HTTP, cache disabled, so every article is a real call) and compares
articles per second with the ideal, concurrency / latency:

    python evals/bench_throughput.py [--latency 0.1] [--concurrency 1 8 32] [--rounds 8] [--in-process]

By default the fake server runs in its own process, as a real server would: otherwise its request
handling competes with the client for the same interpreter lock and the figures measure the test
rig, not the runner.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from fake_openai import FIRE_DRAFT as DRAFT  # noqa: E402
from fake_openai import fire_article as article  # noqa: E402


def _serve(latency: float, queue: Any, stop: Any) -> None:
    from fake_openai import FakeOpenAI, tool_reply

    with FakeOpenAI(latency=latency, default=tool_reply(DRAFT)) as fake:
        queue.put(fake.url)
        stop.wait()


class Server:
    """The fake server, in this process or in a child process."""

    def __init__(self, latency: float, in_process: bool) -> None:
        self.latency = latency
        self.in_process = in_process
        self.url = ""
        self._fake: Any = None
        self._proc: Any = None
        self._stop: Any = None

    def __enter__(self) -> Server:
        if self.in_process:
            from fake_openai import FakeOpenAI, tool_reply

            self._fake = FakeOpenAI(latency=self.latency, default=tool_reply(DRAFT)).start()
            self.url = self._fake.url
            return self
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        self._stop = ctx.Event()
        self._proc = ctx.Process(target=_serve, args=(self.latency, queue, self._stop), daemon=True)
        self._proc.start()
        self.url = queue.get(timeout=30)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fake is not None:
            self._fake.stop()
        if self._proc is not None:
            self._stop.set()
            self._proc.join(10)


def measure(url: str, concurrency: int, n: int, tmp: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, failed) for n distinct articles at this concurrency."""
    from summarizer import Article, Settings, Summarizer
    from summarizer.runner import ResultStore, Runner, WorkItem

    settings = Settings(
        engine="compatible", base_url=url, cache_enabled=False, cache_dir=tmp / "cache", retry_attempts=1
    )
    summarizer = Summarizer(settings)
    summarizer.summarize(article(-1), use_cache=False)  # warm up imports and the connection pool
    runner = Runner(summarizer, concurrency=concurrency, use_cache=False)
    items = [WorkItem(id=f"c{concurrency}-{i}", source=Article(text=article(i))) for i in range(n)]
    out = tmp / f"results-{concurrency}.jsonl"
    with ResultStore(out) as store:
        started, cpu = time.perf_counter(), time.process_time()
        outcome = runner.run(items, store)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return seconds, cpu, outcome.failed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--latency", type=float, default=0.1, help="fake server latency, seconds")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--rounds", type=int, default=8, help="articles per worker at each concurrency")
    parser.add_argument("--in-process", action="store_true", help="run the fake server in this process")
    args = parser.parse_args()

    where = "in-process" if args.in_process else "in a child process"
    print(
        f"fake server latency {args.latency * 1000:.0f} ms, server {where}, {os.cpu_count()} CPU(s), cache disabled"
    )
    print(
        f"{'concurrency':>11} {'articles':>8} {'seconds':>8} {'art/s':>8} {'ideal/s':>8} {'ratio':>6}"
        f" {'cpu ms/art':>10} {'1-core cap/s':>12}"
    )
    with Server(args.latency, args.in_process) as server, tempfile.TemporaryDirectory() as tmp:
        for c in args.concurrency:
            n = max(c * args.rounds, 20)
            seconds, cpu, failed = measure(server.url, c, n, Path(tmp))
            rate = n / seconds
            ideal = c / args.latency
            cpu_ms = cpu / n * 1000
            note = f"  ({failed} failed)" if failed else ""
            print(
                f"{c:>11} {n:>8} {seconds:>8.2f} {rate:>8.1f} {ideal:>8.1f} {rate / ideal:>6.2f}"
                f" {cpu_ms:>10.1f} {1000 / cpu_ms:>12.0f}{note}"
            )
    print(
        "1-core cap: articles/s one interpreter can drive at that CPU cost per article (threads share the GIL);"
        " the ratio cannot exceed cap / ideal."
    )


if __name__ == "__main__":
    main()
