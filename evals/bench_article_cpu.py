"""The async LLM path's per-article CPU work without the model call (issue #14).

    python evals/bench_article_cpu.py [--articles 1500] [--rounds 3] [--profile]

One engine reply is fetched from the fake server once; then, for each benchmark article, what the
runner's async path does besides the call: prepare the article, build the grounded report,
neutrality and checker (``Summarizer._build_and_finish``), the row and its store append. Prints CPU
ms per article of each round and the least (the machine's load inflates the others); ``--profile``
prints a cProfile (CPU timer) of one round instead. Unlike ``bench_scale.py --only llm`` this
measures the project's own work alone, so it moves little with the machine's load.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from fake_openai import FIRE_DRAFT, FakeOpenAI, fire_article, tool_reply

    from summarizer import Article, Settings, Summarizer
    from summarizer.runner import ResultStore, Runner, WorkItem

    tmp = Path(tempfile.mkdtemp(prefix="bench-article-"))
    with FakeOpenAI(latency=0.0, default=tool_reply(FIRE_DRAFT)) as fake:
        settings = Settings(
            base_url=fake.url,
            cache_enabled=False,
            cache_dir=tmp / "cache",
            retry_attempts=1,
            cross_check=False,
        )
        summarizer = Summarizer(settings, engine="compatible")
        result = summarizer.engine.extract(summarizer.request(summarizer.prepare(fire_article(0))))
    runner = Runner(summarizer, concurrency=32, use_cache=False)
    texts = [fire_article(i) for i in range(args.articles)]

    with ResultStore(tmp / "rows.jsonl") as store:

        def one(i: int) -> None:
            started = time.perf_counter()
            item = WorkItem(id=f"a{i}", source=Article(text=texts[i]))
            prepared = summarizer.prepare(item.load(None))
            request = summarizer.request(prepared)
            _, _, done = summarizer._build_and_finish(prepared, request, result, started, False)
            assert done is not None
            body = {"status": "ok", "report": done.model_dump(mode="json")}
            store.append(runner._row(item, body, done, 1, time.perf_counter() - started))

        def round_() -> None:
            for i in range(args.articles):
                one(i)

        for i in range(min(200, args.articles)):  # imports, normalizers
            one(i)
        if args.profile:
            profile = cProfile.Profile(time.process_time)
            profile.enable()
            round_()
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(50)
            return
        figures = []
        for _ in range(args.rounds):
            cpu0 = time.process_time()
            round_()
            figures.append((time.process_time() - cpu0) / args.articles * 1000)
    shown = " ".join(f"{f:.3f}" for f in figures)
    print(f"per-article CPU without the model call: {shown} ms (least {min(figures):.3f})")


if __name__ == "__main__":
    main()
