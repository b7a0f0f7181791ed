"""A fake llama-cpp-python model for the local engine's worker (no llama_cpp needed).

The local engine builds its model inside the worker process with a ``"module:function"`` factory;
tests pass ``factory="fake_llama:load"`` (this folder is on ``sys.path``, which a spawned worker
inherits). The fake answers chat completions like llama-cpp-python does (an OpenAI-shaped dict with
one tool call), and misbehaves on request, so the worker's failure handling runs for real:

- an article containing ``WORKER-SIGSEGV`` / ``WORKER-SIGKILL`` / ``WORKER-SIGILL`` makes the worker
  send itself that signal (a native crash, an out-of-memory kill, an illegal instruction);
- ``WORKER-HANG`` makes it sleep far past any test's timeout;
- ``WORKER-RAISE`` makes the model raise the error llama-cpp-python raises for a too-long prompt.

Options (``factory_options``): ``log`` (a file: one line ``load <pid>`` per model load and one line
``call <pid>`` per completion), ``load_signal`` (crash while loading), ``load_error`` (raise while
loading), ``load_seconds`` (a slow load).
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Any

from fake_openai import FIRE_DRAFT, completion

MARKERS = {"WORKER-SIGSEGV": signal.SIGSEGV, "WORKER-SIGKILL": signal.SIGKILL, "WORKER-SIGILL": signal.SIGILL}


class FakeLlama:
    def __init__(self, spec: Any) -> None:
        self.spec = spec
        options = dict(spec.options)
        self.log = Path(options["log"]) if options.get("log") else None
        self.draft = options.get("draft", FIRE_DRAFT)
        time.sleep(float(options.get("load_seconds", 0)))
        if options.get("load_error"):
            raise ValueError(str(options["load_error"]))
        if options.get("load_signal"):
            os.kill(os.getpid(), getattr(signal, str(options["load_signal"])))
            time.sleep(10)
        self._write("load")

    def _write(self, event: str) -> None:
        if self.log is not None:
            with self.log.open("a", encoding="utf-8") as handle:
                handle.write(f"{event} {os.getpid()}\n")

    def describe(self) -> dict[str, Any]:
        return {
            "fake": True,
            "n_ctx": self.spec.n_ctx,
            "system_info": "CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | ",
        }

    def create_chat_completion(self, **kwargs: Any) -> dict[str, Any]:
        self._write("call")
        text = json.dumps(kwargs.get("messages", []))
        for marker, number in MARKERS.items():
            if marker in text:
                os.kill(os.getpid(), number)
                time.sleep(10)  # the signal is delivered before this returns
        if "WORKER-HANG" in text:
            time.sleep(3600)
        if "WORKER-RAISE" in text:
            raise ValueError(f"Requested tokens (9000) exceed context window of {self.spec.n_ctx}")
        tools = kwargs.get("tools") or []
        name = tools[0]["function"]["name"] if tools else "Draft"
        return completion(tool_args=self.draft, tool_name=name, prompt_tokens=700, completion_tokens=90)

    def create_completion(self, prompt: str, **kwargs: Any) -> dict[str, Any]:
        self._write("call")
        return {
            "id": "cmpl-fake",
            "object": "text_completion",
            "created": int(time.time()),
            "model": "fake",
            "choices": [{"text": " Paris", "index": 0, "logprobs": None, "finish_reason": "length"}],
            "usage": {"prompt_tokens": 6, "completion_tokens": 1, "total_tokens": 7},
        }


def load(spec: Any) -> FakeLlama:
    return FakeLlama(spec)


def write_gguf(path: Path, *, context_length: int = 8192, architecture: str = "llama") -> Path:
    """A GGUF file with a real header (metadata, no tensors): enough for the engine's checks."""
    import struct

    def string(s: str) -> bytes:
        data = s.encode()
        return struct.pack("<Q", len(data)) + data

    pairs: list[bytes] = [
        string("general.architecture") + struct.pack("<I", 8) + string(architecture),
        string("general.name") + struct.pack("<I", 8) + string("fake"),
        string(f"{architecture}.context_length") + struct.pack("<I", 4) + struct.pack("<I", context_length),
        string(f"{architecture}.block_count") + struct.pack("<I", 4) + struct.pack("<I", 30),
        string(f"{architecture}.embedding_length") + struct.pack("<I", 4) + struct.pack("<I", 576),
        string(f"{architecture}.attention.head_count") + struct.pack("<I", 4) + struct.pack("<I", 9),
        string(f"{architecture}.attention.head_count_kv") + struct.pack("<I", 4) + struct.pack("<I", 3),
        # an array of strings, as the vocabulary is: the reader must skip it
        string("tokenizer.ggml.tokens")
        + struct.pack("<I", 9)
        + struct.pack("<I", 8)
        + struct.pack("<Q", 3)
        + b"".join(string(t) for t in ("a", "bb", "ccc")),
        string("tokenizer.ggml.scores")
        + struct.pack("<I", 9)
        + struct.pack("<I", 6)
        + struct.pack("<Q", 2)
        + struct.pack("<2f", 0.5, 1.5),
        string("general.file_type") + struct.pack("<I", 4) + struct.pack("<I", 15),
    ]
    path.write_bytes(b"GGUF" + struct.pack("<I", 3) + struct.pack("<QQ", 0, len(pairs)) + b"".join(pairs))
    return path
