"""The local engine's model runs in a worker process the engine owns, never in the caller's process.

llama.cpp is native code: a build for the wrong CPU, a corrupt GGUF or an out-of-memory kill ends
the process it runs in with a signal, not an exception. So the model lives in a child process
(:mod:`.local_child`, a fresh interpreter: one per engine, started on first use, reused for every
later call, the model loaded once per worker). The parent talks to it over a socket pair, one
request at a time, with a deadline:

- the worker dies (SIGSEGV, SIGILL, SIGKILL, ...): the call raises :class:`LocalWorkerCrashError`
  naming the likely cause and the fix; the next call starts a new worker;
- the worker does not answer in time: it is killed and the call raises
  :class:`LocalWorkerTimeoutError`;
- after ``max_restarts + 1`` failures in a row (no successful call in between) the engine stops
  starting workers for ``cooldown`` seconds: calls fail at once with
  :class:`LocalWorkerUnavailableError` instead of loading a model that crashes every time.

The parent never imports ``llama_cpp``: the model is built inside the worker (by llama-cpp-python,
or by a ``"module:function"`` factory: tests use a fake model that can crash or hang on demand).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..errors import (
    LocalModelError,
    LocalModelLoadError,
    LocalWorkerCrashError,
    LocalWorkerError,
    LocalWorkerTimeoutError,
    LocalWorkerUnavailableError,
    SummarizerError,
)

log = logging.getLogger(__name__)

PORTABLE_CMAKE_ARGS = "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
"""llama.cpp without ``-march=native``: AVX2-class code that runs on any x86-64 CPU from 2013 on
(Haswell, Zen), including AVX-512/AMX servers, whatever CPU it was built on."""

PORTABLE_REBUILD = (
    f'CMAKE_ARGS="{PORTABLE_CMAKE_ARGS}" pip install --force-reinstall --no-cache-dir --no-deps '
    "llama-cpp-python"
)

_CHILD_SCRIPT = str(Path(__file__).with_name("local_child.py"))


@dataclass(frozen=True)
class WorkerSpec:
    """Everything the worker needs to build its model (sent to it as a dict of plain values)."""

    model_path: str
    n_ctx: int
    threads: int | None = None
    factory: str | None = None
    """``"module:function"`` building the model from this spec inside the worker; None: llama-cpp-python."""
    options: Mapping[str, Any] = field(default_factory=dict)
    """Extra keyword arguments for the model (a test's fake model reads its switches here)."""


# --------------------------------------------------------------------------------------------------
# the parent's handle
# --------------------------------------------------------------------------------------------------


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def crash_diagnosis(signal_name: str | None, exit_code: int | None, phase: str) -> tuple[str, str]:
    """(likely cause, fix) for a worker that died with ``signal_name`` or ``exit_code`` in ``phase``."""
    rebuild = f"rebuild llama-cpp-python portably: {PORTABLE_REBUILD}; then check with `summarizer doctor`"
    loading = phase == "loading the model"
    if signal_name == "SIGILL":
        return (
            "llama-cpp-python was built for a CPU with instructions this one lacks "
            "(a native build or a wheel made on another machine)",
            rebuild,
        )
    if signal_name in ("SIGSEGV", "SIGBUS", "SIGFPE"):
        if loading:
            return (
                "a native crash in llama.cpp while loading: a corrupt or truncated GGUF file, a model "
                "architecture this llama-cpp-python does not support, or a build that misbehaves on this CPU",
                f"check the file (re-download it), and {rebuild}",
            )
        return (
            "a native crash in llama.cpp: most often a build whose CPU-specific code paths (e.g. "
            "AVX-512/AMX from -march=native) misbehave on this machine, less often a corrupt GGUF file",
            rebuild,
        )
    if signal_name == "SIGKILL":
        return (
            "the worker was killed from outside, most often by the kernel's out-of-memory killer",
            "use a smaller or more quantized GGUF, lower SUMMARIZER_LOCAL_N_CTX, or free memory",
        )
    if signal_name == "SIGABRT":
        return (
            "llama.cpp aborted on a failed internal check: often a GGUF file this llama-cpp-python "
            "version cannot run, or a failed memory allocation",
            f"upgrade llama-cpp-python or use another GGUF; {rebuild}",
        )
    if signal_name is not None:
        return (f"the worker was stopped by {signal_name}", "see the system log; the next call restarts it")
    return (
        f"the worker exited with status {exit_code} (its messages, if any, are on stderr above)",
        "see the messages above; the next call restarts it",
    )


class ModelWorker:
    """One model worker process: started lazily, reused, restarted after a failure (bounded).

    Thread-safe: calls are serialized (llama.cpp runs one request at a time anyway).
    """

    def __init__(
        self,
        spec: WorkerSpec,
        *,
        call_timeout: float = 600.0,
        load_timeout: float = 600.0,
        max_restarts: int = 2,
        cooldown: float = 300.0,
    ) -> None:
        self.spec = spec
        self.call_timeout = call_timeout
        self.load_timeout = load_timeout
        self.max_restarts = max_restarts
        self.cooldown = cooldown
        self.info: dict[str, Any] = {}
        """What the running (or last) worker reported after loading: pid, load time, build info."""
        self.starts = 0
        self.failures = 0  # crashes and hangs over the worker's life
        self._consecutive = 0
        self._unavailable_until = 0.0
        self._last_failure: SummarizerError | None = None
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None
        self._finalizer = weakref.finalize(self, _stop_all, [])
        self._phase = ""

    # public -------------------------------------------------------------------------------------
    def call(self, method: str, timeout: float | None = None, **kwargs: Any) -> Any:
        """Run ``model.<method>(**kwargs)`` in the worker and return its result."""
        with self._lock:
            conn = self._ready()
            try:
                conn.send(("call", method, kwargs))
            except (OSError, ValueError):  # the worker died between calls
                raise self._failed(self._crash("waiting for a request")) from None
            reply = self._receive(self.call_timeout if timeout is None else timeout, "running the model")
            self._consecutive = 0
            if reply[0] == "ok":
                return reply[1]
            _, kind, message = reply
            raise LocalModelError(
                f"the local model failed on this request: {kind}: {message}{_hint(message)}"
            )

    def start(self) -> dict[str, Any]:
        """Start the worker now (if it is not running) and return its info."""
        with self._lock:
            self._ready()
            return dict(self.info)

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    def close(self) -> None:
        """Stop the worker (it is started again by the next call)."""
        with self._lock:
            self._discard(graceful=True)

    # internals ----------------------------------------------------------------------------------
    def _ready(self) -> Connection:
        self._check_available()
        if self._proc is not None and self._conn is not None:
            if self._proc.poll() is None:
                return self._conn
            # it died while idle (e.g. killed for memory): not this request's fault, but it counts
            self._failed(self._crash("waiting for a request"))
            self._check_available()
        return self._start()

    def _check_available(self) -> None:
        if not self._unavailable_until:
            return
        left = self._unavailable_until - time.monotonic()
        last = self._last_failure
        if left <= 0:
            self._unavailable_until = 0.0
            self._consecutive = self.max_restarts  # one more failure and it rests again
            return
        if isinstance(last, LocalModelLoadError):
            raise LocalModelLoadError(last.path, last.detail)
        summary = last.summary if isinstance(last, LocalWorkerError) else str(last)
        raise LocalWorkerUnavailableError(
            f"the local model worker failed {self._consecutive} times in a row, so it is not restarted "
            f"for another {left:.0f} s (last failure: {summary})",
            last.cause if isinstance(last, LocalWorkerError) else "see the last failure",
            last.fix if isinstance(last, LocalWorkerError) else "see the last failure",
        )

    def _start(self) -> Connection:
        # a new interpreter running only the worker: nothing of this process (threads, locks, the
        # caller's __main__) is inherited, and its own session keeps the terminal's Ctrl-C for us
        ours, theirs = socket.socketpair()
        command = [sys.executable, _CHILD_SCRIPT, str(theirs.fileno())]
        try:
            proc = subprocess.Popen(
                command,
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=_stderr_fd(),  # llama.cpp's messages must never mix into our stdout (JSON)
                start_new_session=True,
            )
        except OSError as exc:
            ours.close()
            theirs.close()
            raise self._failed(
                LocalWorkerError(
                    f"could not start the local model worker ({exc.strerror or exc})",
                    "the system refused a new process (memory or a process limit)",
                    "free memory or raise the process limit",
                )
            ) from None
        theirs.close()  # the parent keeps one end only, so the worker's death reads as end-of-file
        parent = Connection(ours.detach())
        with contextlib.suppress(OSError):  # if it died at once, the receive below reports how
            fields = {**dataclasses.asdict(self.spec), "options": dict(self.spec.options)}
            parent.send(("spec", fields, list(sys.path)))
        self._proc, self._conn = proc, parent
        self._finalizer.detach()
        self._finalizer = weakref.finalize(self, _stop_all, [(proc, parent)])
        self.starts += 1
        reply = self._receive(self.load_timeout, "loading the model")
        if reply[0] == "ready":
            self.info = dict(reply[1])
            log.info("local model worker %s ready in %.1fs", proc.pid, self.info.get("load_seconds", 0))
            return parent
        _, kind, message = reply
        self._discard(graceful=True)
        error = LocalModelLoadError(self.spec.model_path, f"{kind}: {message}")
        # a loader error is deterministic: don't reload the same file for every article
        self._consecutive = self.max_restarts + 1
        self._last_failure = error
        self._unavailable_until = time.monotonic() + self.cooldown
        raise error

    def _receive(self, timeout: float, phase: str) -> tuple[Any, ...]:
        conn = self._conn
        assert conn is not None
        try:
            ready = conn.poll(timeout)
        except (OSError, EOFError):
            ready = True
        if not ready:
            raise self._failed(self._timeout(timeout, phase))
        try:
            reply: tuple[Any, ...] = conn.recv()
        except Exception:  # EOF, a reset pipe, or half a message from a dying worker
            raise self._failed(self._crash(phase)) from None
        return reply

    def _crash(self, phase: str) -> LocalWorkerCrashError:
        proc = self._proc
        code: int | None = None
        if proc is not None:
            try:
                code = proc.wait(5)
            except subprocess.TimeoutExpired:  # the pipe broke but the process lives on: end it
                proc.kill()
                code = proc.wait()
        name = _signal_name(-code) if code is not None and code < 0 else None
        cause, fix = crash_diagnosis(name, code, phase)
        how = f"with {name}" if name else f"with exit status {code}"
        pid = proc.pid if proc is not None else "?"
        return LocalWorkerCrashError(
            f"the local model worker (pid {pid}) crashed {how} while {phase}; this process is unharmed "
            "and the next call starts a new worker",
            cause,
            fix,
            signal=name,
            exit_code=code,
        )

    def _timeout(self, seconds: float, phase: str) -> LocalWorkerTimeoutError:
        variable = (
            "SUMMARIZER_LOCAL_LOAD_TIMEOUT" if phase == "loading the model" else "SUMMARIZER_LOCAL_TIMEOUT"
        )
        return LocalWorkerTimeoutError(
            f"the local model worker did not answer within {seconds:g} s while {phase}; it was stopped "
            "and the next call starts a new one",
            "the model is hung, or far too slow for this machine (a large model on few cores, a very "
            "long article or answer)",
            f"use a smaller GGUF, lower SUMMARIZER_MAX_TOKENS, or raise {variable} (now {seconds:g} s)",
            seconds=seconds,
        )

    def _failed(self, error: LocalWorkerError) -> LocalWorkerError:
        """Record a crash or hang: drop the worker, and rest after too many in a row."""
        self._discard(graceful=False)
        self.failures += 1
        self._consecutive += 1
        self._last_failure = error
        log.warning("local model worker failure %d in a row: %s", self._consecutive, error.summary)
        if self._consecutive > self.max_restarts:
            self._unavailable_until = time.monotonic() + self.cooldown
        return error

    def _discard(self, *, graceful: bool) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is not None and conn is not None:
            _stop(proc, conn, graceful=graceful)
        self._finalizer.detach()


def _stop(proc: subprocess.Popen[bytes], conn: Connection, *, graceful: bool) -> None:
    if graceful and proc.poll() is None:
        with contextlib.suppress(OSError, ValueError):
            conn.send(("stop",))
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(2)
    if proc.poll() is None:
        proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(5)
    conn.close()


def _stop_all(workers: list[tuple[subprocess.Popen[bytes], Connection]]) -> None:
    for proc, conn in workers:
        with contextlib.suppress(Exception):  # interpreter shutdown: best effort
            _stop(proc, conn, graceful=True)


def _hint(message: str) -> str:
    lowered = message.lower()
    if "context window" in lowered or "exceed context" in lowered:
        return " (the article and answer do not fit the model's context: lower SUMMARIZER_MAX_CHARS or raise SUMMARIZER_LOCAL_N_CTX)"
    return ""


def _stderr_fd() -> int | None:
    """Our standard error's descriptor for the worker's output (None: inherit, when there is none)."""
    try:
        return sys.__stderr__.fileno() if sys.__stderr__ is not None else None
    except (OSError, ValueError, AttributeError):
        return None
