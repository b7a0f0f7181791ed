"""Recorded model exchanges: ``--record DIR`` stores every model call, ``--replay DIR`` answers from it.

A cassette is a folder with one file, ``exchanges.jsonl``: one line per model call with the
request's **fingerprint** (a SHA-256 of the canonical JSON of what was sent: model, messages,
tools, sampling parameters), the response as the OpenAI chat-completion JSON, its token usage and
latency. The request itself is never stored (so neither the article text nor any key or
``Authorization`` header: headers are not part of what the engine passes, and keys live in the
client, not in the call). Replaying needs no model, no key and no network; a request whose
fingerprint is not in the cassette is a :class:`CassetteMissError`, never a silent fallback.

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

__all__ = ["CASSETTE_FILE", "Cassette", "CassetteMissError", "fingerprint"]

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
