"""What the local engine needs to know about a GGUF file before loading it, in pure Python.

The header of a GGUF file is a list of typed key/value pairs (``general.architecture``,
``<arch>.context_length``, ...). Reading it needs no native code, so the parent process can pick a
context size, and reject a file that is not a GGUF, before any model is loaded in the worker.

Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md (magic ``GGUF``, version, tensor
count, key/value count, then the pairs; versions 2 and 3 use 64-bit counts, version 1 32-bit).
"""

from __future__ import annotations

import contextlib
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError

_MAGIC = b"GGUF"
# value type -> struct code (fixed-size scalars); 8 = string, 9 = array
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9
_MAX_STRING = 1 << 24  # 16 MB: a longer key or value means the file is not what it claims
_MAX_PAIRS = 1 << 20

MIN_AUTO_CTX = 2048
"""The smallest context the automatic choice picks (the prompt alone is about 1,500 tokens)."""
_CTX_STEP = 256


class GGUFError(ConfigError):
    """The local model file is not a readable GGUF file."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"{path} is not a usable GGUF model file: {reason} (check SUMMARIZER_LOCAL_MODEL_PATH)",
            "SUMMARIZER_LOCAL_MODEL_PATH",
        )
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class GGUFInfo:
    """The scalar metadata of a GGUF file (arrays such as the vocabulary are skipped)."""

    path: Path
    version: int
    metadata: dict[str, Any] = field(repr=False)

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", "unknown"))

    @property
    def name(self) -> str | None:
        value = self.metadata.get("general.name")
        return str(value) if value is not None else None

    def _arch_int(self, key: str) -> int | None:
        value = self.metadata.get(f"{self.architecture}.{key}")
        return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    @property
    def context_length(self) -> int | None:
        """The context the model was trained for (``<arch>.context_length``)."""
        return self._arch_int("context_length")

    def kv_bytes_per_token(self) -> int | None:
        """Bytes of f16 KV cache per token of context (llama.cpp's default cache type), or None when
        the header lacks the attention shape."""
        layers = self._arch_int("block_count")
        embed = self._arch_int("embedding_length")
        heads = self._arch_int("attention.head_count")
        if not layers or not embed or not heads:
            return None
        kv_heads = self._arch_int("attention.head_count_kv") or heads
        key_len = self._arch_int("attention.key_length") or embed // heads
        value_len = self._arch_int("attention.value_length") or embed // heads
        return layers * kv_heads * (key_len + value_len) * 2


def read_gguf(path: str | Path) -> GGUFInfo:
    """The header metadata of a GGUF file; :class:`GGUFError` when the file is not one."""
    p = Path(path)
    try:
        with p.open("rb") as handle:
            return _read(p, handle)
    except OSError as exc:
        raise GGUFError(p, exc.strerror or str(exc)) from None
    except (struct.error, UnicodeDecodeError, EOFError) as exc:
        raise GGUFError(p, f"the header is truncated or corrupt ({exc})") from None


def _read(path: Path, handle: IO[bytes]) -> GGUFInfo:
    if handle.read(4) != _MAGIC:
        raise GGUFError(path, "it does not start with the GGUF magic bytes")
    (version,) = struct.unpack("<I", _exact(handle, 4))
    order = "<"
    if version > 0xFFFF:  # a big-endian file (version 3 reads as 0x03000000 little-endian)
        order = ">"
        (version,) = struct.unpack(">I", struct.pack("<I", version))
    if version not in (1, 2, 3):
        raise GGUFError(path, f"unsupported GGUF version {version}")
    count = "I" if version == 1 else "Q"
    _tensors, pairs = struct.unpack(order + count * 2, _exact(handle, struct.calcsize(order + count * 2)))
    if pairs > _MAX_PAIRS:
        raise GGUFError(path, f"implausible metadata count {pairs}")
    reader = _Reader(handle, order, count)
    metadata: dict[str, Any] = {}
    for _ in range(pairs):
        key = reader.string()
        (kind,) = reader.unpack("I")
        value = reader.value(kind)
        if value is not _SKIPPED:
            metadata[key] = value
    return GGUFInfo(path=path, version=version, metadata=metadata)


_SKIPPED = object()


class _Reader:
    def __init__(self, handle: IO[bytes], order: str, count: str) -> None:
        self.handle = handle
        self.order = order
        self.count = count

    def unpack(self, code: str) -> tuple[Any, ...]:
        fmt = self.order + code
        return struct.unpack(fmt, _exact(self.handle, struct.calcsize(fmt)))

    def length(self) -> int:
        (n,) = self.unpack(self.count)
        if n > _MAX_STRING:
            raise struct.error(f"a length of {n}")
        return int(n)

    def string(self) -> str:
        return _exact(self.handle, self.length()).decode("utf-8")

    def value(self, kind: int) -> Any:
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])[0]
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            (inner,) = self.unpack("I")
            (n,) = self.unpack(self.count)
            if inner in _SCALARS:
                self.handle.seek(n * struct.calcsize(_SCALARS[inner]), os.SEEK_CUR)
            elif inner == _STRING:
                for _ in range(n):
                    self.handle.seek(self.length(), os.SEEK_CUR)
            else:  # nested arrays: walk them
                for _ in range(n):
                    self.value(inner)
            return _SKIPPED
        raise struct.error(f"unknown value type {kind}")


def _exact(handle: IO[bytes], n: int) -> bytes:
    data = handle.read(n)
    if len(data) != n:
        raise EOFError("unexpected end of file")
    return data


# --------------------------------------------------------------------------------------------------
# the context size
# --------------------------------------------------------------------------------------------------


def available_memory() -> int | None:
    """Bytes this process can still allocate: MemAvailable, lowered by a cgroup limit if any."""
    found: list[int] = []
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    found.append(int(line.split()[1]) * 1024)
                    break
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            found.append(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        used = Path("/sys/fs/cgroup/memory.current").read_text().strip()
        if limit.isdigit() and used.isdigit():
            found.append(max(0, int(limit) - int(used)))
    except OSError:
        pass
    return min(found) if found else None


@dataclass(frozen=True)
class ContextChoice:
    """The context size picked for a model, and why."""

    n_ctx: int
    reason: str
    trained: int | None
    memory_cap: int | None
    needed: int


def choose_n_ctx(
    info: GGUFInfo, *, max_chars: int, max_tokens: int, memory: int | None = None
) -> ContextChoice:
    """The context size for ``info``: the model's own trained context, no larger than a long article
    needs (``max_chars`` of text at ~3 characters a token, the prompt, and the answer), and no larger
    than a KV cache that fits in half the memory left after the weights."""
    needed = _round_up(max_chars // 3 + 2048 + max_tokens)
    trained = info.context_length
    memory = available_memory() if memory is None else memory
    per_token = info.kv_bytes_per_token()
    memory_cap: int | None = None
    if memory is not None and per_token:
        weights = info.path.stat().st_size if info.path.exists() else 0
        budget = max(0, memory - weights) // 2
        memory_cap = max(MIN_AUTO_CTX, budget // per_token // _CTX_STEP * _CTX_STEP)
    candidates = [("what the longest allowed article needs", needed)]
    if trained:
        candidates.append(("the model's trained context", trained))
    if memory_cap is not None:
        candidates.append(("what free memory allows", memory_cap))
    reason, n_ctx = min(candidates, key=lambda c: c[1])
    return ContextChoice(n_ctx=n_ctx, reason=reason, trained=trained, memory_cap=memory_cap, needed=needed)


def _round_up(n: int, step: int = 1024) -> int:
    return -(-n // step) * step
