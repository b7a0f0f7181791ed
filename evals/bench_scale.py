"""Scale benchmarks (issue #14): every core on one machine, a cold CLI, and the Batch API.

    python evals/bench_scale.py [--only offline,cli,gazetteer,batch-api,llm] [--limit N] [--gold FILE] [--requests 1000]

offline    the rules engine over MUC-4 DEV (cache off): one process sequentially, threads (the
           runner's old path), the process pool, and local Ray when the [ray] extra is installed.
           Articles/s, CPU seconds used (this process and its children) and the ratio to one process.
           The gold file is runs/muc4_dev.jsonl, converted from ../shared/muc4/dev (evals/muc4.py)
           when missing; --gold FILE takes another.
cli        ``python -c "import summarizer"`` against ``summarizer summarize`` on the example: first
           run with an empty cache folder (builds and stores the gazetteer), a cold run (gazetteer
           stored, report not cached), and a cached run. Wall and CPU seconds (user + system of
           the child), median of --repeat runs, and each as a ratio to the import in the same
           run. Bytecode is written as an installed package has it (PYTHONDONTWRITEBYTECODE is
           dropped for the children; the first run compiles).
gazetteer  CPU seconds to build the gazetteer against loading its stored file.
batch-api  --requests articles through ``--via batch-api`` against the fake server (its own
           process) with expired and failed requests in the mix, retried synchronously: every
           article must end as a report or an error row; prints the cost estimate.
llm        the runner's async LLM path (the compatible engine, cache and cross-check off) against
           a plain asyncio loop (``AsyncOpenAI``, a semaphore, the same request bodies, the tool
           call parsed) on the fake server in its own process at --latency (50 ms), concurrency
           --levels (1, 8, 32): articles/s, the ratio project/baseline, and client CPU ms per
           article of each (CPU of the whole process: the project's helper thread included, and
           its worker processes when the run uses them: summarizer.aio_workers; never the server's).
           --trials pairs per level, baseline and project alternated; medians, and each pair's
           ratio (the machine's load moves between pairs).

The machine may be shared: the figures say what this machine gave at that moment; the CPU
seconds and cores-used columns show how much of the machine a mode actually got, and articles per
CPU-second (art/cpu-s) is the per-core cost, which load does not change much: on an idle machine
a mode reaches about art/cpu-s x the cores it can use. Ray's CPU column counts only the driver
(its workers are not this process's children).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))
MUC4_DEV = ROOT.parent / "shared" / "muc4" / "dev"  # the MUC-4 distribution beside the checkout
GOLD = ROOT / "runs" / "muc4_dev.jsonl"  # built from MUC4_DEV on first use (runs/ is not tracked)


def muc4_dev_gold(out: Path = GOLD, source: Path = MUC4_DEV) -> Path:
    """The MUC-4 DEV articles in gold format: ``out`` when it exists, else converted from the
    MUC-4 texts and keys in ``source`` (``python -m evals.muc4``) into ``out``."""
    if out.is_file():
        return out
    texts = sorted(source.glob("dev-muc3-*"))
    keys = sorted(source.glob("key-dev-*"))
    if not texts or not keys:
        raise SystemExit(
            f"no MUC-4 DEV texts and keys in {source} to build {out} from: pass --gold FILE "
            "(a gold JSONL) or --muc4-dev FOLDER (dev-muc3-* and key-dev-* files)"
        )
    sys.path.insert(0, str(ROOT))
    from evals.muc4 import main as convert

    print(f"building {out} from {len(texts)} MUC-4 DEV text and {len(keys)} key files in {source}")
    convert(["--texts", *map(str, texts), "--keys", *map(str, keys), "--out", str(out)])
    return out


def cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bench_offline(gold: Path, limit: int | None, modes: list[str]) -> None:
    from summarizer import Settings, Summarizer
    from summarizer.batch import read_input
    from summarizer.runner import ResultStore, Runner
    from summarizer.workers import cpu_count

    items = read_input(gold)
    if limit:
        items = items[:limit]
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    summarizer = Summarizer(Settings(cache_dir=tmp / "cache"), engine="rules", cache=False)
    summarizer.summarize("Warm-up: a fire in Lagos killed two people on Monday.")  # gazetteer loaded
    cores = cpu_count()
    print(f"offline engine, {len(items)} articles of {gold.name}, {cores} core(s) available")
    print(
        f"{'mode':<28}{'seconds':>9}{'art/s':>9}{'cpu s':>9}{'art/cpu-s':>11}{'cores used':>12}{'vs 1 proc':>11}"
    )
    base: float | None = None
    plans: list[tuple[str, dict[str, Any]]] = []
    if "single" in modes:
        plans.append(("1 process, sequential", {"concurrency": 1, "workers": 0}))
    if "threads" in modes:
        plans.append((f"threads x{max(2, cores)}", {"concurrency": max(2, cores), "workers": 0}))
    if "processes" in modes:
        plans.append((f"process pool x{cores}", {"concurrency": cores, "workers": cores}))
    for name, options in plans:
        out = tmp / f"{name.split()[0]}.jsonl"
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        with ResultStore(out) as store:
            outcome = Runner(summarizer, use_cache=False, **options).run(items, store)
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
        rate = len(items) / wall
        base = base or rate
        print(
            f"{name:<28}{wall:>9.2f}{rate:>9.1f}{cpu:>9.1f}{len(items) / cpu:>11.1f}{cpu / wall:>12.2f}"
            f"{rate / base:>10.2f}x  ok={outcome.ok}"
        )
    if "ray" in modes:
        try:
            import ray  # noqa: F401
        except ImportError:
            print(f"{'local Ray':<28} skipped: the [ray] extra is not installed")
            return
        from summarizer.ray_runner import run_ray

        out = tmp / "ray.jsonl"
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        summary = run_ray(gold, out, summarizer, num_cpus=cores, limit=limit)
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
        rate = len(items) / wall
        base = base or rate
        print(
            f"{'local Ray (incl. start)':<28}{wall:>9.2f}{rate:>9.1f}{cpu:>9.1f}{'-':>11}"
            f"{cpu / wall:>12.2f}"
            f"{rate / base:>10.2f}x  ok={summary['ok']}"
        )


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_cli(repeat: int) -> None:
    example = ROOT / "examples" / "market_bombing.txt"
    exe = [sys.executable, "-m", "summarizer"]
    print(f"CLI on {example.name} (median of {repeat}; seconds; ratios to the import in the same run)")
    rows: dict[str, list[tuple[float, float]]] = {"import": [], "first": [], "cold": [], "cached": []}
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "import summarizer.cli"], env=base_env, check=True)  # bytecode
    for _ in range(repeat):
        cache = Path(tempfile.mkdtemp(prefix="bench-cli-"))
        env = {**base_env, "SUMMARIZER_CACHE_DIR": str(cache), "SUMMARIZER_ENGINE": "rules"}
        rows["import"].append(_timed([sys.executable, "-c", "import summarizer"], env))
        rows["first"].append(
            _timed([*exe, "summarize", str(example), "--no-cache"], env)
        )  # builds the gazetteer
        rows["cold"].append(_timed([*exe, "summarize", str(example)], env))  # gazetteer stored, report not
        rows["cached"].append(_timed([*exe, "summarize", str(example)], env))  # report cached
    wall0 = statistics.median(w for w, _ in rows["import"])
    cpu0 = statistics.median(c for _, c in rows["import"])
    labels = {
        "import": 'python -c "import summarizer"',
        "first": "summarize, empty cache folder",
        "cold": "summarize, gazetteer stored",
        "cached": "summarize, report cached",
    }
    print(f"  {'':<34}{'wall':>7}{'ratio':>8}{'cpu':>8}{'ratio':>8}")
    for key, label in labels.items():
        wall = statistics.median(w for w, _ in rows[key])
        cpu = statistics.median(c for _, c in rows[key])
        print(f"  {label:<34}{wall:>7.3f}{wall / wall0:>7.2f}x{cpu:>8.3f}{cpu / cpu0:>7.2f}x")


def bench_gazetteer(repeat: int) -> None:
    """CPU seconds to build the gazetteer against loading the stored file (fresh cache folder)."""
    from summarizer.normalize.places import geonames

    os.environ["SUMMARIZER_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-gz-")
    builds, loads = [], []
    for _ in range(repeat):
        t0 = time.process_time()
        built = geonames.Gazetteer()
        builds.append(time.process_time() - t0)
        path = geonames.store_path()
        assert path is not None
        geonames._store(built, path)
        t0 = time.process_time()
        geonames.load_gazetteer()
        loads.append(time.process_time() - t0)
    build, load = statistics.median(builds), statistics.median(loads)
    print(
        f"gazetteer (median of {repeat}, CPU seconds): build {build:.3f}, load stored {load:.3f} ({build / load:.1f}x)"
    )


def _serve(queue: Any, stop: Any, expire_every: int, fail_every: int) -> None:
    from fake_openai import FIRE_DRAFT, FakeOpenAI, tool_reply

    def plan(custom_id: str, body: dict[str, Any]) -> str:
        n = int(custom_id.rsplit("-", 1)[-1])
        if expire_every and n % expire_every == 0:
            return "expired"
        if fail_every and n % fail_every == 1:
            return "failed"
        return "ok"

    with FakeOpenAI(default=tool_reply(FIRE_DRAFT, prompt_tokens=900, completion_tokens=250)) as fake:
        fake.batches.plan = plan
        queue.put(fake.url)
        stop.wait()


def bench_batch_api(requests: int) -> None:
    import multiprocessing as mp

    from fake_openai import fire_article

    from summarizer import Settings, Summarizer
    from summarizer.batch import run_batch
    from summarizer.evaluation.metrics import DEFAULT_PRICES

    ctx = mp.get_context("spawn")
    queue, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=_serve, args=(queue, stop, 50, 40), daemon=True)
    server.start()
    url = queue.get(timeout=120)
    try:
        tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
        source = tmp / "in.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for i in range(requests):
                f.write(
                    json.dumps({"id": f"art-{i}", "text": fire_article(i), "published": "2024-04-24"}) + "\n"
                )
        settings = Settings(
            openai_api_key="sk-bench",  # type: ignore[arg-type]
            base_url=url,
            cache_dir=tmp / "cache",
            retry_attempts=1,
            max_reasks=0,
        )
        summarizer = Summarizer(settings, engine="openai")
        t0 = time.perf_counter()
        outcome = run_batch(
            source,
            tmp / "out.jsonl",
            summarizer,
            concurrency=8,
            via="batch-api",
            batch_api={"retry": "sync", "poll_initial": 0.05, "price": DEFAULT_PRICES["gpt-4o-mini"]},
        )
        wall = time.perf_counter() - t0
        rows = [json.loads(x) for x in (tmp / "out.jsonl").read_text().splitlines()]
        ids = {r["id"] for r in rows}
        expired = sum(1 for i in range(requests) if i % 50 == 0)
        failed = sum(1 for i in range(requests) if i % 50 and i % 40 == 1)
        print(
            f"Batch API, {requests} requests against the fake server ({expired} expired, {failed} failed, retried sync)"
        )
        print(
            f"  {wall:.2f} s end to end; rows {len(rows)} for {requests} articles; every id once: {len(ids) == requests}"
        )
        print(f"  ok {outcome.ok}, error rows {outcome.failed}, without a row {outcome.missing}")
        for note in outcome.notes:
            print(f"  {note}")
    finally:
        stop.set()
        server.join(10)


def _serve_llm(latency: float, queue: Any, stop: Any) -> None:
    from fake_openai import FIRE_DRAFT, FakeOpenAI, tool_reply

    with FakeOpenAI(latency=latency, default=tool_reply(FIRE_DRAFT)) as fake:
        queue.put(fake.url)
        stop.wait()


def _llm_summarizer(url: str, tmp: Path) -> Any:
    from summarizer import Settings, Summarizer

    settings = Settings(
        base_url=url,
        cache_enabled=False,
        cache_dir=tmp / "cache",
        retry_attempts=1,
        cross_check=False,  # the offline engine beside the LLM is CPU work of its own, not the LLM path
    )
    return Summarizer(settings, engine="compatible")


def _baseline(url: str, bodies: list[dict[str, Any]], concurrency: int) -> tuple[float, float, int]:
    """The plain loop: AsyncOpenAI, a semaphore, the same request bodies, the tool call's arguments
    parsed as JSON. (wall s, CPU s, failures)."""
    import asyncio

    from openai import AsyncOpenAI

    async def main() -> int:
        client = AsyncOpenAI(api_key="sk-bench", base_url=url, max_retries=0)
        gate = asyncio.Semaphore(concurrency)
        failed = 0

        async def one(body: dict[str, Any]) -> None:
            nonlocal failed
            async with gate:
                try:
                    reply = await client.chat.completions.create(**body)
                    calls = reply.choices[0].message.tool_calls or []
                    json.loads(calls[0].function.arguments)  # type: ignore[union-attr]
                except Exception:
                    failed += 1

        await asyncio.gather(*(one(b) for b in bodies[:concurrency]))  # warm the connection pool
        cpu0, t0 = time.process_time(), time.perf_counter()
        await asyncio.gather(*(one(b) for b in bodies))
        times.extend([time.perf_counter() - t0, time.process_time() - cpu0])
        await client.close()
        return failed

    times: list[float] = []
    failed = asyncio.run(main())
    return times[0], times[1], failed


def _project(
    url: str, tmp: Path, texts: list[str], concurrency: int, trial: int = 0
) -> tuple[float, float, int]:
    """The project's runner (``batch``/``eval``'s path) over the same articles: (wall s, CPU s, failed)."""
    from summarizer import Article
    from summarizer.runner import ResultStore, Runner, WorkItem

    summarizer = _llm_summarizer(url, tmp)
    warm = [WorkItem(id=f"w{i}", source=Article(text=t)) for i, t in enumerate(texts[:concurrency])]
    items = [WorkItem(id=f"c{concurrency}-{i}", source=Article(text=t)) for i, t in enumerate(texts)]
    runner = Runner(summarizer, concurrency=concurrency, use_cache=False)
    with ResultStore(tmp / f"warm-{concurrency}-{trial}.jsonl") as store:
        runner.run(warm, store)  # imports, normalizers, schema wrappers
    with ResultStore(tmp / f"llm-{concurrency}-{trial}.jsonl") as store:
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        outcome = runner.run(items, store)
        # this process and its worker processes (ended and reaped by the run): every core's CPU
        return time.perf_counter() - t0, cpu_seconds() - cpu0, outcome.failed


def bench_llm(latency: float, levels: list[int], rounds: int, trials: int = 3) -> None:
    """The LLM path (the runner's async path) against a plain asyncio loop on the same server."""
    import multiprocessing as mp

    from fake_openai import fire_article

    ctx = mp.get_context("spawn")
    queue, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=_serve_llm, args=(latency, queue, stop), daemon=True)
    server.start()
    url = queue.get(timeout=120)
    tmp = Path(tempfile.mkdtemp(prefix="bench-llm-"))
    try:
        summarizer = _llm_summarizer(url, tmp)
        print(
            f"LLM path against the fake server ({latency * 1000:.0f} ms, its own process), cache and "
            "cross-check off; the baseline is a plain asyncio AsyncOpenAI loop with the same request bodies"
        )
        print(
            f"{'concurrency':>11}{'articles':>9}{'baseline art/s':>16}{'project art/s':>15}{'ratio':>7}"
            f"{'base cpu ms/art':>17}{'proj cpu ms/art':>17}"
        )
        for c in levels:
            n = max(c * rounds, 40)
            texts = [fire_article(i) for i in range(n)]
            prepared = [summarizer.prepare(t) for t in texts]
            bodies = [summarizer.engine.batch_body(summarizer.request(p)) for p in prepared]
            base: list[tuple[float, float]] = []
            proj: list[tuple[float, float]] = []
            failed = [0, 0]
            for trial in range(trials):  # alternated: a load change on the machine hits both
                b_wall, b_cpu, b_failed = _baseline(url, bodies, c)
                p_wall, p_cpu, p_failed = _project(url, tmp, texts, c, trial)
                base.append((b_wall, b_cpu))
                proj.append((p_wall, p_cpu))
                failed[0] += b_failed
                failed[1] += p_failed
            b_wall = statistics.median(w for w, _ in base)
            p_wall = statistics.median(w for w, _ in proj)
            b_cpu = statistics.median(x for _, x in base)
            p_cpu = statistics.median(x for _, x in proj)
            ratios = sorted(b / p for (b, _), (p, _) in zip(base, proj, strict=True))
            note = f"  (failed: baseline {failed[0]}, project {failed[1]})" if any(failed) else ""
            spread = f"  trials {', '.join(f'{r:.2f}' for r in ratios)}" if trials > 1 else ""
            print(
                f"{c:>11}{n:>9}{n / b_wall:>16.1f}{n / p_wall:>15.1f}{b_wall / p_wall:>7.2f}"
                f"{b_cpu / n * 1000:>17.2f}{p_cpu / n * 1000:>17.2f}{spread}{note}"
            )
    finally:
        stop.set()
        server.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="offline,cli,gazetteer,batch-api,llm")
    parser.add_argument(
        "--gold",
        type=Path,
        default=None,
        help=f"gold JSONL for offline (default: {GOLD}, built when missing)",
    )
    parser.add_argument(
        "--muc4-dev",
        type=Path,
        default=MUC4_DEV,
        help="MUC-4 DEV texts and keys to build the default gold from",
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--modes", default="single,threads,processes,ray")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05, help="llm: the fake server's latency, seconds")
    parser.add_argument("--levels", default="1,8,32", help="llm: concurrency levels")
    parser.add_argument("--rounds", type=int, default=12, help="llm: articles per in-flight call per level")
    parser.add_argument(
        "--trials", type=int, default=3, help="llm: baseline/project pairs per level (medians shown)"
    )
    args = parser.parse_args()
    parts = args.only.split(",")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if "offline" in parts:
        gold = args.gold or muc4_dev_gold(GOLD, args.muc4_dev)
        bench_offline(gold, args.limit, args.modes.split(","))
    if "cli" in parts:
        bench_cli(args.repeat)
    if "gazetteer" in parts:
        bench_gazetteer(args.repeat)
    if "batch-api" in parts:
        bench_batch_api(args.requests)
    if "llm" in parts:
        bench_llm(args.latency, [int(x) for x in args.levels.split(",")], args.rounds, args.trials)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
