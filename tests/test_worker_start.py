"""A worker process that dies before it is ready (summarizer.workers.WorkerPool): replaced when
another process of the pool has started (the death came from outside: an OOM kill, a signal),
a failed start otherwise. Processes are forked, so the module's functions reach them."""

from __future__ import annotations

import functools
import os
import signal
import time
from pathlib import Path

import pytest

from summarizer.workers import WorkerPool, WorkerStartError


def first_start_hangs(folder: str) -> str:
    """The first process to start writes its pid and hangs in its start (never ready); the others
    start at once."""
    try:
        fd = os.open(os.path.join(folder, "hanging.pid"), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return "started"
    os.write(fd, str(os.getpid()).encode())
    os.close(fd)
    time.sleep(120)
    return "late"


def never_starts() -> str:
    os._exit(3)


def double(state: str, payload: int) -> int:
    time.sleep(0.02)
    return payload * 2


@pytest.fixture(autouse=True)
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_START_METHOD", "fork")


def test_a_process_killed_while_starting_is_replaced_when_another_has_started(tmp_path: Path) -> None:
    results: dict[int, object] = {}
    with WorkerPool(functools.partial(first_start_hangs, str(tmp_path)), double, workers=2) as pool:
        for key, value in pool.imap_unordered((n, n) for n in range(40)):
            if not results:  # the other process answers: kill the one still starting
                os.kill(int((tmp_path / "hanging.pid").read_text()), signal.SIGKILL)
            results[key] = value
        assert pool.start_deaths == 1
        assert pool.crashes == 0  # no article was held: nothing to report as a crash
    assert results == {n: n * 2 for n in range(40)}


def test_a_start_that_never_succeeds_is_an_error(tmp_path: Path) -> None:
    with (
        WorkerPool(never_starts, double, workers=2) as pool,
        pytest.raises(WorkerStartError, match="while starting"),
    ):
        list(pool.imap_unordered((n, n) for n in range(4)))
