"""Store a recording of outside articles without their text: copied spans become references.

    python -m evals.recordings.redact runs/smollm2-gvdb [runs/smollm2-gvdb-more ...] \\
        --out evals/recordings/smollm2-gvdb
    python -m evals.recordings.redact --check evals/recordings/smollm2-gvdb   # exit 1 on a leak

The first form merges the raw recordings (``exchanges.jsonl`` of each folder; a later folder wins
on the same fingerprint) and the ``recording.json`` of the first, replays every recorded article
of the gold file the recording names (read from ``../shared`` beside the repository, never
copied) to learn each exchange's request text, and writes ``exchanges.jsonl`` with every response
span of 20+ characters found in that request's article stored as a reference (offset, length,
SHA-256 prefix; :func:`summarizer.engines.cassette.redact_response`). It checks the round trip
(the replay must rebuild each response exactly) and refuses to write an exchange no article
reached (it could not be redacted). ``--check`` looks in the stored strings (decoded JSON included)
for a 20-character window of the exchange's own article and a 60-character window of any article of
the gold file (shorter runs shared with another article are stock phrases of news writing, up to
41 characters in the SmolLM2 GVDB recording, which the model never saw in that article) and lists
what it finds (never the text).
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summarizer import Settings, Summarizer
from summarizer.engines.cassette import (
    CASSETTE_FILE,
    COPIED,
    MIN_COPY,
    decoded_runs,
    expand_response,
    load_exchanges,
    redact_response,
)
from summarizer.errors import SummarizerError
from summarizer.evaluation.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
STOCK_PHRASE = 60  # a window this long shared with any other article counts as copied text too
_HOLE = "\x00"  # stands for a reference when looking for leaks: no article window holds it


def request_sources(folder: Path, meta: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """fingerprint -> (article id, request text) of every exchange the recorded articles' replay
    asks for."""
    settings = Settings(
        engine=meta["engine"],
        model=meta["model"],
        replay_dir=folder,
        cache_enabled=False,
        **meta["settings"],
    )
    summarizer = Summarizer(settings)
    sources: dict[str, str] = summarizer.engine.cassette.sources  # type: ignore[attr-defined]
    records = {r.id: r for r in load_gold(ROOT / meta["gold"])}
    out: dict[str, tuple[str, str]] = {}
    for rid in meta["ids"]:
        with contextlib.suppress(SummarizerError):  # a failed validation still replayed its exchange
            summarizer.summarize(records[rid].article(), use_cache=False)
        out.update((key, (rid, text)) for key, text in sources.items() if key not in out)
    return out


def redact(folders: list[Path], out: Path) -> int:
    meta = json.loads((folders[0] / "recording.json").read_text(encoding="utf-8"))
    exchanges: dict[str, dict[str, Any]] = {}
    for folder in folders:
        exchanges.update(load_exchanges(folder / CASSETTE_FILE))
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp)
        (merged / CASSETTE_FILE).write_text(
            "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in exchanges.values()),
            encoding="utf-8",
        )
        sources = request_sources(merged, meta)
    lines: list[str] = []
    spans = copied = 0
    for key, entry in exchanges.items():
        if key not in sources:
            print(f"{key[:12]}: no recorded article asks for it; left out", file=sys.stderr)
            continue
        source = sources[key][1]
        stored = redact_response(entry["response"], source)
        rebuilt = expand_response(stored, source)
        if json.dumps(rebuilt, sort_keys=True, ensure_ascii=False) != json.dumps(
            entry["response"], sort_keys=True, ensure_ascii=False
        ):
            print(f"{key[:12]}: the round trip differs", file=sys.stderr)
            return 1
        n = sum(1 for _ in _references(stored))
        spans += n
        copied += n > 0
        line = {k: v for k, v in entry.items() if k not in ("response", "copied")}
        line["response"] = stored
        if n:
            line["copied"] = True
        lines.append(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")
    out.mkdir(parents=True, exist_ok=True)
    (out / CASSETTE_FILE).write_text("".join(lines), encoding="utf-8")
    meta.setdefault("expected", {})
    (out / "recording.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{len(lines)} exchanges written to {out}: {spans} copied spans in {copied} responses stored as references"
    )
    return 0


def _references(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if set(value) == {COPIED}:
            yield from (p for p in value[COPIED] if isinstance(p, dict))
        else:
            for v in value.values():
                yield from _references(v)
    elif isinstance(value, list):
        for v in value:
            yield from _references(v)


def _stored_texts(value: Any) -> Iterator[str]:
    """Every stored string, a referenced span as a hole, with its JSON string contents decoded."""
    if isinstance(value, dict):
        if set(value) == {COPIED}:
            text = "".join(p if isinstance(p, str) else _HOLE for p in value[COPIED])
        else:
            for v in value.values():
                yield from _stored_texts(v)
            return
    elif isinstance(value, list):
        for v in value:
            yield from _stored_texts(v)
        return
    elif isinstance(value, str):
        text = value
    else:
        return
    yield text
    for decoded, _starts, escaped in decoded_runs(text):
        if escaped:
            yield decoded


def _windows(texts: Iterable[str], size: int) -> set[str]:
    return {t[i : i + size] for t in texts for i in range(len(t) - size + 1)}


def leaks(folder: Path, own: dict[str, list[str]], others: Iterable[str]) -> list[tuple[str, int]]:
    """(fingerprint prefix, window size) for every stored window of :data:`MIN_COPY` characters
    (decoded JSON strings included) found in the exchange's own article (``own``: fingerprint ->
    the request text and the article's text and title) and every :data:`STOCK_PHRASE`-character
    window found in any article of ``others``. A shorter run shared with another article is a stock
    phrase of news writing ("was pronounced dead at the scene"), no copy: the model never saw it."""
    found: list[tuple[str, int]] = []
    stored: dict[str, set[str]] = {}
    for key, entry in load_exchanges(folder / CASSETTE_FILE).items():
        texts = list(_stored_texts(entry["response"]))
        stored[key] = {w for w in _windows(texts, STOCK_PHRASE) if _HOLE not in w}
        if key not in own:
            found.append((key[:12], -1))  # an exchange no recorded article asks for
            continue
        article = _windows(own[key], MIN_COPY)
        found.extend((key[:12], MIN_COPY) for w in _windows(texts, MIN_COPY) if w in article)
    every = set().union(*stored.values()) if stored else set()
    hits = {
        w for t in others for i in range(len(t) - STOCK_PHRASE + 1) if (w := t[i : i + STOCK_PHRASE]) in every
    }
    for key, windows in stored.items():
        found.extend((key[:12], STOCK_PHRASE) for _ in windows & hits)
    return sorted(found)


def gold_texts(gold: Path) -> dict[str, list[str]]:
    """id -> the article's text and title, as in the file and as the tool reads them."""
    out: dict[str, list[str]] = {}
    for record in load_gold(gold):
        article = record.article()
        out[record.id] = [t for t in (article.text, article.title) if t]
    with gold.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                out.setdefault(str(item["id"]), []).extend(
                    str(item[k]) for k in ("text", "title") if item.get(k)
                )
    return out


def check(folder: Path) -> list[tuple[str, int]]:
    """:func:`leaks` of a stored recording against the gold file it names (replayed to learn which
    article each exchange belongs to)."""
    meta = json.loads((folder / "recording.json").read_text(encoding="utf-8"))
    articles = gold_texts(ROOT / meta["gold"])
    own = {key: [text, *articles[rid]] for key, (rid, text) in request_sources(folder, meta).items()}
    return leaks(folder, own, [t for texts in articles.values() for t in texts])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        folder = Path(argv[1])
        found = check(folder)
        for key, size in found:  # never the window itself: it is article text
            print(
                f"{key}: a stored {size}-character window of an article" if size > 0 else f"{key}: unreached"
            )
        print(f"{len(found)} article windows in {folder}")
        return 1 if found else 0
    if "--out" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    at = argv.index("--out")
    return redact([Path(a) for a in argv[:at] + argv[at + 2 :]], Path(argv[at + 1]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
