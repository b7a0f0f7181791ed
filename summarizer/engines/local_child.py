"""The local model worker process itself: standard library only, run as a script.

The parent (:mod:`summarizer.engines.local_worker`) starts ``python local_child.py <fd>`` with one
end of a socket pair as ``<fd>``. The worker reads its spec (a dict), builds the model once, then
answers ``(method, kwargs)`` calls one at a time until told to stop or until the parent is gone.
It imports nothing of ``summarizer``, so it starts fast and a broken install of the package cannot
break it; only the model factory (llama-cpp-python by default) brings native code in.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from multiprocessing.connection import Connection
from types import SimpleNamespace
from typing import Any

# the model methods a parent may call
METHODS = frozenset({"create_chat_completion", "create_completion"})


def load_llama(spec: Any) -> Any:
    """The default factory: a llama-cpp-python model."""
    import llama_cpp

    return llama_cpp.Llama(
        model_path=spec.model_path, n_ctx=spec.n_ctx, n_threads=spec.threads, verbose=False, **spec.options
    )


def resolve(target: str | None) -> Any:
    """``"module:function"`` -> the function (``None``: :func:`load_llama`)."""
    if not target:
        return load_llama
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def describe(model: Any, load_seconds: float) -> dict[str, Any]:
    """What the worker tells the parent once the model is loaded: pid, load time, build info."""
    info: dict[str, Any] = {"pid": os.getpid(), "load_seconds": round(load_seconds, 3)}
    own = getattr(model, "describe", None)
    if callable(own):  # a fake model describes itself
        info.update(own())
        return info
    llama_cpp = sys.modules.get("llama_cpp")
    if llama_cpp is not None:
        info["llama_cpp_version"] = str(getattr(llama_cpp, "__version__", "?"))
        try:
            raw = llama_cpp.llama_print_system_info()
            info["system_info"] = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        except Exception as exc:  # an old binding without it
            info["system_info"] = f"unavailable ({type(exc).__name__})"
    n_ctx = getattr(model, "n_ctx", None)
    if callable(n_ctx):
        info["n_ctx"] = int(n_ctx())
    return info


def serve(conn: Connection, spec: Any) -> None:
    """Build the model once, then answer calls until told to stop or the parent is gone."""
    started = time.perf_counter()
    try:
        model = resolve(spec.factory)(spec)
    except Exception as exc:
        conn.send(("load_error", type(exc).__name__, str(exc)))
        return
    conn.send(("ready", describe(model, time.perf_counter() - started)))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message[0] == "stop":
            return
        _op, method, kwargs = message
        try:
            if method not in METHODS:
                raise ValueError(f"unknown model method {method!r}")
            result = getattr(model, method)(**kwargs)
        except Exception as exc:
            conn.send(("error", type(exc).__name__, str(exc)))
        else:
            conn.send(("ok", result))


def main(argv: list[str]) -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    # run as a script, this folder heads sys.path: its modules must not shadow top-level packages
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    conn = Connection(int(argv[1]))
    parent = os.getppid()
    try:
        _tag, fields, parent_path = conn.recv()
    except (EOFError, OSError):
        return
    for entry in parent_path:  # the parent's import path, so its factory module is found here too
        if entry not in sys.path and os.path.abspath(entry or ".") != here:
            sys.path.append(entry)

    def orphan_watch() -> None:  # a hung model would never read the parent's end-of-file
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=orphan_watch, name="orphan-watch", daemon=True).start()
    serve(conn, SimpleNamespace(**fields))


if __name__ == "__main__":
    main(sys.argv)
    sys.stdout.flush()
    os._exit(0)  # no interpreter teardown around a native library that may be in a bad state
