"""Core overhead benchmark against the fake OpenAI-compatible server (fixed 50 ms latency).

Prints: per-article wall time of `Summarizer.summarize` vs a raw `openai` call with the same payload
(ratio; aim <= 1.05), cache-hit latency p50/p99 (aim p50 < 2 ms), and the prompt overhead in tokens
(instructions + schema; aim < 1,500) for a typical article.

    python evals/bench_core.py [--n 40]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from fake_openai import FakeOpenAI, tool_reply  # noqa: E402


def draft_for(text: str) -> dict[str, object]:
    first = text.split("\n\n")[2] if text.count("\n\n") >= 2 else text[:200]
    sentence = first.split(". ")[0]
    return {
        "is_incident": True,
        "category": "violent_attack",
        "killed": {
            "value": 23,
            "qualifier": "at_least",
            "as_stated": "at least 23 people",
            "quote": "killing at least 23 people",
        },
        "location": {"city": "Peshawar", "country": "Pakistan", "quote": sentence},
        "summary": "A bomb exploded at a market in Peshawar on Friday, killing at least 23 people, police said.",
    }


def count_tokens(text: str) -> int:
    try:
        import tiktoken

        return len(tiktoken.get_encoding("o200k_base").encode(text))
    except Exception:
        return round(len(text) / 4)  # the usual ~4 characters per token for English


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()

    import openai

    from summarizer import Settings, Summarizer
    from summarizer.schema import Draft

    text = (ROOT / "examples" / "market_bombing.txt").read_text()
    with (
        FakeOpenAI(latency=args.latency, default=tool_reply(draft_for(text))) as fake,
        tempfile.TemporaryDirectory() as tmp,
    ):
        s = Summarizer(
            Settings(base_url=fake.url, cache_dir=Path(tmp) / "c"), engine="compatible", model="fake"
        )
        s.summarize(text, use_cache=False)  # warm up imports and connections
        payload = fake.requests[-1]
        client = openai.OpenAI(base_url=fake.url, api_key="x", max_retries=0)
        client.chat.completions.create(**payload)

        raw: list[float] = []
        ours: list[float] = []
        for _ in range(args.n):
            t = time.perf_counter()
            client.chat.completions.create(**payload)
            raw.append(time.perf_counter() - t)
            t = time.perf_counter()
            s.summarize(text, use_cache=False)
            ours.append(time.perf_counter() - t)

        s.summarize(text)  # fill the cache
        hits: list[float] = []
        for _ in range(max(args.n * 5, 200)):
            t = time.perf_counter()
            r = s.summarize(text)
            hits.append(time.perf_counter() - t)
            assert r.provenance.cache_hit
        requests_before = fake.count

        messages = payload["messages"]
        article_tokens = count_tokens(text)
        prompt_tokens = count_tokens(json.dumps(messages)) + count_tokens(json.dumps(payload.get("tools")))
        schema_tokens = count_tokens(json.dumps(Draft.model_json_schema()))

    raw_ms, ours_ms = statistics.median(raw) * 1000, statistics.median(ours) * 1000
    hits_ms = sorted(h * 1000 for h in hits)
    p99 = hits_ms[min(len(hits_ms) - 1, int(len(hits_ms) * 0.99))]
    print(f"fake server latency           {args.latency * 1000:.0f} ms, n={args.n}")
    print(f"raw openai call (median)      {raw_ms:.1f} ms")
    print(f"summarize (median)            {ours_ms:.1f} ms")
    print(f"ratio summarize / raw         {ours_ms / raw_ms:.3f}   (aim <= 1.05)")
    print(
        f"cache hit p50 / p99           {statistics.median(hits_ms):.2f} ms / {p99:.2f} ms   (aim p50 < 2 ms)"
    )
    print(f"requests during cache hits    {fake.count - requests_before}")
    print(f"article tokens                {article_tokens}")
    print(f"prompt tokens total           {prompt_tokens}")
    print(
        f"prompt overhead (instr+schema) {prompt_tokens - article_tokens}   (aim < 1,500; schema alone {schema_tokens})"
    )


if __name__ == "__main__":
    main()
