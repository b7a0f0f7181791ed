"""A recorded response that copies the article is stored with references instead of the copied text,
and rebuilt byte for byte on replay from the article the request carries (hand-written examples)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.engines.cassette import (
    CASSETTE_FILE,
    COPIED,
    Cassette,
    CassetteMissError,
    copied_spans,
    expand_response,
    fingerprint,
    redact_response,
    request_source,
)

ARTICLE = (
    "A warehouse fire on Dock Street injured three workers on Monday, the fire department said.\n"
    "The blaze started in a storage room shortly after 9 a.m. and was put out within an hour. "
    "Officials called it \u201can accident waiting to happen\u201d and said an inquiry had begun."
)
REQUEST = {
    "model": "m",
    "messages": [
        {"role": "system", "content": "Extract the facts of the article."},
        {"role": "user", "content": f"<article>\n{ARTICLE}\n</article>"},
    ],
}


def _reply(arguments: str, content: str | None = None) -> dict[str, Any]:
    message = {
        "role": "assistant",
        "content": content,
        "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "Draft", "arguments": arguments}}
        ],
    }
    return {"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": message}]}


def _no_copy_left(stored: Any, source: str) -> bool:
    def strings(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []

    every = [json.dumps(stored, ensure_ascii=False), *strings(stored)]
    for s in strings(stored):  # the tool-call arguments decoded as well
        with contextlib.suppress(ValueError):
            every.extend(strings(json.loads(s)))
    return not any(copied_spans(t, source) for t in every)


@pytest.mark.parametrize(
    "arguments",
    [
        # the model's JSON as json.dumps writes it: escaped newline and quotes, the character itself
        json.dumps({"summary": ARTICLE[:120], "quote": ARTICLE[130:230]}, ensure_ascii=False),
        # ASCII escapes (\u201c) for the curly quotes
        json.dumps({"summary": "Officials said: " + ARTICLE[180:]}, ensure_ascii=True),
        # a raw newline inside a string (invalid JSON a small model writes) and a truncated last string
        '{ "summary": "' + ARTICLE[:150] + '", "quote": "' + ARTICLE[100:200],
    ],
)
def test_copied_spans_become_references_and_come_back_exactly(arguments: str) -> None:
    source = request_source(REQUEST)
    response = _reply(arguments, content="Summary: " + ARTICLE[95:160])
    stored = redact_response(response, source)
    assert stored != response and _no_copy_left(stored, source)
    pieces = stored["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"][COPIED]
    assert any(isinstance(p, dict) and p["len"] >= 20 for p in pieces)
    assert json.dumps(expand_response(stored, source)) == json.dumps(response)


def test_a_response_without_copies_is_stored_as_it_is() -> None:
    response = _reply('{"is_incident": false, "summary": "No incident is described here at all."}')
    assert redact_response(response, request_source(REQUEST)) == response


def test_another_article_cannot_rebuild_the_response() -> None:
    stored = redact_response(_reply(json.dumps({"summary": ARTICLE[:100]})), request_source(REQUEST))
    other = {**REQUEST, "messages": [{"role": "user", "content": ARTICLE.replace("three", "four")}]}
    with pytest.raises(CassetteMissError, match="not the recorded article"):
        expand_response(stored, request_source(other))


def test_replay_expands_a_stored_exchange_from_the_request(tmp_path: Path) -> None:
    response = _reply(json.dumps({"summary": ARTICLE[:140]}))
    key = fingerprint(REQUEST, "m")
    line = {
        "fingerprint": key,
        "model": "m",
        "copied": True,
        "response": redact_response(response, request_source(REQUEST)),
        "usage": {},
        "latency_ms": 1.0,
    }
    (tmp_path / CASSETTE_FILE).write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert ARTICLE[:40] not in (tmp_path / CASSETTE_FILE).read_text(encoding="utf-8")
    tape = Cassette(tmp_path, "replay")
    replayed = tape.wrap(None, "m", lambda body: body)(**REQUEST)
    assert replayed == response
    assert tape.sources == {key: request_source(REQUEST)}
