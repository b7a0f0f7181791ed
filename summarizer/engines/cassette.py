"""Recorded model exchanges: ``--record DIR`` stores every model call, ``--replay DIR`` answers from it.

A cassette is a folder with one file, ``exchanges.jsonl``: one line per model call with the
request's **fingerprint** (a SHA-256 of the canonical JSON of what was sent: model, messages,
tools, sampling parameters), the response as the OpenAI chat-completion JSON, its token usage and
latency. The request itself is never stored (so neither the article text nor any key or
``Authorization`` header: headers are not part of what the engine passes, and keys live in the
client, not in the call). Replaying needs no model, no key and no network; a request whose
fingerprint is not in the cassette is a :class:`CassetteMissError`, never a silent fallback.

A model's response may copy the article verbatim. For articles that must not be stored (outside
data), :func:`redact_response` replaces every copied span of 20+ characters in a response string by
a reference into the request's user text (:func:`request_source`: offset, length, SHA-256 prefix,
and how the span was escaped when it sits inside a JSON string such as tool-call arguments); such an
exchange carries ``"copied": true``. On replay the request carries the article again, so
:func:`expand_response` rebuilds the response byte for byte (a span whose hash differs is a
:class:`CassetteMissError`: the article is not the recorded one).

The wrapper sits where instructor calls the model (``create``), so re-asks, the neutrality re-ask
and every engine on the OpenAI chat format (OpenAI, compatible servers, llama-cpp-python) are
recorded alike.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ConfigError, SummarizerError

__all__ = [
    "CASSETTE_FILE",
    "COPIED",
    "MIN_COPY",
    "Cassette",
    "CassetteMissError",
    "copied_spans",
    "decoded_runs",
    "expand_response",
    "fingerprint",
    "redact_response",
    "request_source",
]

CASSETTE_FILE = "exchanges.jsonl"
# what identifies a request; everything else instructor passes (hooks, clients) is not part of it
_KEYS = (
    "model",
    "messages",
    "tools",
    "tool_choice",
    "temperature",
    "max_tokens",
    "response_format",
    "seed",
    "top_p",
)


class CassetteMissError(SummarizerError):
    """A replayed request that the cassette does not hold."""


def _canonical(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return _canonical(value.model_dump(mode="json", exclude_none=True))
    if isinstance(value, dict):
        return {
            str(k): _canonical(v)
            for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))
            if v is not None
        }
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


def fingerprint(request: dict[str, Any], model: str) -> str:
    """The SHA-256 of the canonical request (``model`` is the engine's model name)."""
    parts = {k: request[k] for k in _KEYS if k in request and request[k] is not None}
    parts["model"] = model
    blob = json.dumps(_canonical(parts), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Cassette:
    """One cassette folder, opened to ``record`` into or to ``replay`` from."""

    def __init__(self, directory: str | Path, mode: str) -> None:
        if mode not in ("record", "replay"):
            raise ValueError(mode)
        self.directory = Path(directory)
        self.mode = mode
        self.path = self.directory / CASSETTE_FILE
        self._lock = threading.Lock()
        self._exchanges: dict[str, dict[str, Any]] = {}
        # fingerprint -> request_source of every replayed request (what redaction tools need)
        self.sources: dict[str, str] = {}
        if mode == "replay":
            if not self.path.is_file():
                raise ConfigError(f"--replay {self.directory}: no recording there (expected {self.path})")
            self._exchanges = load_exchanges(self.path)
        else:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"--record {self.directory}: cannot create the folder ({exc})") from None

    def model_name(self) -> str | None:
        """The model the recording was made with (the first exchange's), if any."""
        return next((str(e["model"]) for e in self._exchanges.values()), None)

    def __len__(self) -> int:
        return len(self._exchanges)

    def wrap(
        self, create: Callable[..., Any] | None, model: str, to_response: Callable[[dict[str, Any]], Any]
    ) -> Callable[..., Any]:
        """``create`` (the model call) recorded, or replaced by the cassette when replaying."""

        def recorded(*args: Any, **kwargs: Any) -> Any:
            key = fingerprint(kwargs, model)
            if self.mode == "replay":
                found = self._exchanges.get(key)
                if found is None:
                    raise CassetteMissError(
                        f"--replay {self.directory}: no recorded exchange for this request (fingerprint "
                        f"{key[:12]}); the article, prompt, model or parameters differ from the recording "
                        "(record it again with --record)"
                    )
                source = request_source(kwargs)
                with self._lock:
                    self.sources[key] = source
                if found.get("copied"):
                    return to_response(expand_response(found["response"], source))
                return to_response(found["response"])
            assert create is not None
            started = time.perf_counter()
            response = create(*args, **kwargs)
            latency = (time.perf_counter() - started) * 1000
            self._append(key, model, response, latency)
            return response

        return recorded

    def _append(self, key: str, model: str, response: Any, latency_ms: float) -> None:
        body = response.model_dump(mode="json") if hasattr(response, "model_dump") else dict(response)
        usage = body.get("usage") or {}
        line = {
            "fingerprint": key,
            "model": model,
            "response": body,
            "usage": {k: usage.get(k) for k in ("prompt_tokens", "completion_tokens", "total_tokens")},
            "latency_ms": round(latency_ms, 1),
        }
        with self._lock:
            self._exchanges[key] = line
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")


def load_exchanges(path: Path) -> dict[str, dict[str, Any]]:
    """fingerprint -> exchange; a later line for the same fingerprint wins (a re-recording)."""
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                out[str(item["fingerprint"])] = item
                item["response"]["choices"]
            except (ValueError, KeyError, TypeError):
                raise ConfigError(f"{path}:{number}: not a recorded exchange") from None
    return out


# --- copied spans stored as references into the request -------------------------------------------

MIN_COPY = 20  # a response span of this many characters found in the article is stored as a reference
COPIED = "$copied"  # the key of a response string stored as pieces: text and references
_HASH_CHARS = 16


def request_source(request: dict[str, Any]) -> str:
    """The text a response may copy from: the request's user messages, joined by blank lines."""
    parts: list[str] = []
    for message in _canonical(request.get("messages") or []):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                parts.append(content)
    return "\n\n".join(parts)


def _span_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_CHARS]


def _escape(text: str, how: str) -> str:
    if how == "raw":
        return text
    return json.dumps(text, ensure_ascii=how == "ascii")[1:-1]


def decoded_runs(raw: str) -> list[tuple[str, list[int], bool]]:
    """The decoded runs of ``raw`` with, per decoded character, its start in ``raw`` (plus the end):
    the whole string for plain text, each string literal's contents for JSON text (a truncated last
    literal included, as a model that ran out of tokens leaves it)."""
    if not raw.lstrip().startswith(("{", "[")):
        return [(raw, list(range(len(raw) + 1)), False)]
    out: list[tuple[str, list[int], bool]] = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i] != '"':
            i += 1
            continue
        i += 1
        chars: list[str] = []
        starts: list[int] = []
        while i < n and raw[i] != '"':
            start = i
            if raw[i] != "\\":
                chars.append(raw[i])
                i += 1
            elif i + 1 >= n:
                break
            elif raw[i + 1] == "u":
                code = _hex4(raw, i + 2)
                if code is None:
                    break
                i += 6
                if 0xD800 <= code < 0xDC00 and raw.startswith("\\u", i):
                    low = _hex4(raw, i + 2)
                    if low is not None and 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                chars.append(chr(code))
            else:
                chars.append(_SIMPLE_ESCAPES.get(raw[i + 1], raw[i + 1]))
                i += 2
            starts.append(start)
        starts.append(i)
        out.append(("".join(chars), starts, True))
        i += 1
    return out


_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


def _hex4(raw: str, at: int) -> int | None:
    digits = raw[at : at + 4]
    if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        return None
    return int(digits, 16)


def copied_spans(text: str, source: str, min_len: int = MIN_COPY) -> list[tuple[int, int]]:
    """The maximal runs of ``text`` (start, end) of ``min_len``+ characters that occur in ``source``,
    found left to right; no ``min_len`` window outside them occurs in ``source``."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i + min_len <= len(text):
        if text[i : i + min_len] not in source:
            i += 1
            continue
        j = i + min_len
        while j < len(text) and text[i : j + 1] in source:
            j += 1
        spans.append((i, j))
        i = j
    return spans


def _escape_runs(
    raw: str, decoded: str, starts: list[int], a: int, b: int, escaped: bool
) -> list[tuple[int, int, str]]:
    """``decoded[a:b]`` cut into runs that one escaping rebuilds exactly (a model writes JSON as it
    likes: a raw newline inside a string, ``\\u2019`` or the character itself), longest first."""
    modes = ("raw", "json", "ascii") if escaped else ("raw",)
    runs: list[tuple[int, int, str]] = []
    start, alive = a, set(modes)
    for k in range(a, b):
        fits = {h for h in modes if _escape(decoded[k], h) == raw[starts[k] : starts[k + 1]]}
        if alive & fits:
            alive &= fits
            continue
        if k > start and alive:
            runs.append((start, k, min(alive, key=modes.index)))
        start, alive = k, fits
    if b > start and alive:
        runs.append((start, b, min(alive, key=modes.index)))
    return runs


def _redact_string(raw: str, source: str, min_len: int) -> str | dict[str, Any]:
    cuts: list[tuple[int, int, dict[str, Any]]] = []
    for decoded, starts, escaped in decoded_runs(raw):
        for a, b in copied_spans(decoded, source, min_len):
            for c, d, how in _escape_runs(raw, decoded, starts, a, b, escaped):
                if d - c < min_len:  # too short to reference: stays as it is (it is no copy alone)
                    continue
                span = decoded[c:d]
                ref = {"at": source.index(span), "len": len(span), "sha256": _span_hash(span), "esc": how}
                cuts.append((starts[c], starts[d], ref))
    if not cuts:
        return raw
    pieces: list[str | dict[str, Any]] = []
    last = 0
    for lo, hi, ref in sorted(cuts, key=lambda c: c[0]):
        if lo > last:
            pieces.append(raw[last:lo])
        pieces.append(ref)
        last = hi
    if last < len(raw):
        pieces.append(raw[last:])
    return {COPIED: pieces}


def redact_response(response: Any, source: str, min_len: int = MIN_COPY) -> Any:
    """``response`` (JSON values) with every string's copied spans stored as references into
    ``source``; :func:`expand_response` with the same ``source`` gives ``response`` back."""
    if isinstance(response, str):
        return _redact_string(response, source, min_len)
    if isinstance(response, dict):
        if COPIED in response:
            raise ValueError(f"a response already holds the key {COPIED!r}")
        return {k: redact_response(v, source, min_len) for k, v in response.items()}
    if isinstance(response, list):
        return [redact_response(v, source, min_len) for v in response]
    return response


def expand_response(stored: Any, source: str) -> Any:
    """The response :func:`redact_response` stored, rebuilt from the request's ``source``."""
    if isinstance(stored, dict):
        if set(stored) == {COPIED}:
            return "".join(_expand_piece(p, source) for p in stored[COPIED])
        return {k: expand_response(v, source) for k, v in stored.items()}
    if isinstance(stored, list):
        return [expand_response(v, source) for v in stored]
    return stored


def _expand_piece(piece: Any, source: str) -> str:
    if isinstance(piece, str):
        return piece
    at, length = int(piece["at"]), int(piece["len"])
    span = source[at : at + length]
    if len(span) != length or _span_hash(span) != piece["sha256"]:
        raise CassetteMissError(
            f"a recorded response copies {length} characters at {at} of the article, which this "
            "request's article does not hold (not the recorded article)"
        )
    return _escape(span, str(piece["esc"]))
