"""What every command shares: consoles, the one-line error exit, options, building a Summarizer."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from ..errors import ConfigError, InputError, SummarizerError

if TYPE_CHECKING:
    from ..article import Article
    from ..pipeline import Summarizer
    from ..runner import WorkItem
    from ..settings import Settings

console = Console()
err_console = Console(stderr=True)

EngineOpt = Annotated[
    str | None,
    typer.Option(
        "--engine", "-e", metavar="NAME", help="rules | openai | compatible | local (see `engines`)"
    ),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", "-m", metavar="MODEL", help="model name (LLM engines)")
]
FORMATS = ("table", "json", "jsonl", "csv")
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="table | json | jsonl | csv")
]


def check_format(value: str) -> str:
    if value not in FORMATS:
        fail(InputError(f"unknown --format {value!r}; use one of: {', '.join(FORMATS)}"))
    return value


def load_settings() -> Settings:
    """The settings, or one clear error line naming the bad variable (exit 2)."""
    from ..settings import Settings

    try:
        return Settings()
    except SummarizerError as exc:
        fail(exc)


BATCH_PENDING = 75  # EX_TEMPFAIL: a Batch API run is still going; run the same command later

ViaOpt = Annotated[
    str,
    typer.Option(
        "--via", help="sync: call the model now; batch-api: the OpenAI Batch API (half price, within 24 h)"
    ),
]
RetryOpt = Annotated[
    str,
    typer.Option(
        "--retry",
        help="with --via batch-api, failed or expired requests: sync (call now), batch (a new batch), none",
    ),
]
ResumeOpt = Annotated[
    bool, typer.Option("--resume", help="with --via batch-api, collect the batch recorded next to --out")
]
NoWaitOpt = Annotated[
    bool, typer.Option("--no-wait", help="with --via batch-api, submit (or check) and exit 75 while it runs")
]
PollOpt = Annotated[
    float,
    typer.Option("--poll", min=0.01, help="with --via batch-api, first poll interval in seconds (doubles)"),
]


def batch_api_options(
    retry: str, resume: bool, no_wait: bool, poll: float, model: str | None
) -> dict[str, Any]:
    """Options of :class:`~summarizer.batch_api.BatchAPIRunner` from the command line."""
    from ..evaluation.metrics import DEFAULT_PRICES

    return {
        "retry": retry,
        "require_pending": resume,
        "wait": not no_wait,
        "poll_initial": poll,
        "price": DEFAULT_PRICES.get(model or ""),
    }


RecordOpt = Annotated[
    Path | None,
    typer.Option(
        "--record",
        metavar="DIR",
        help="store every model exchange in this folder (fingerprint, response, usage, latency)",
    ),
]
ReplayOpt = Annotated[
    Path | None,
    typer.Option(
        "--replay",
        metavar="DIR",
        help="answer every model call from a recording made with --record (no model, no network)",
    ),
]
CrossCheckOpt = Annotated[
    bool,
    typer.Option("--cross-check/--no-cross-check", help="run the offline rules engine beside an LLM engine"),
]
PricesOpt = Annotated[
    Path | None,
    typer.Option("--prices", metavar="FILE", help="JSON {model: {input, output}} USD per 1M tokens"),
]
RpmOpt = Annotated[
    float | None,
    typer.Option(
        "--rpm", min=0.001, metavar="N", help="LLM requests per minute at most (SUMMARIZER_RATE_LIMIT_RPM)"
    ),
]
TpmOpt = Annotated[
    float | None,
    typer.Option(
        "--tpm", min=1, metavar="N", help="LLM tokens per minute at most (SUMMARIZER_RATE_LIMIT_TPM)"
    ),
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="do not ask before a run above --confirm-above")]
ConfirmAboveOpt = Annotated[
    float,
    typer.Option(
        "--confirm-above", min=0, metavar="USD", help="ask before an LLM run estimated above this many USD"
    ),
]


def fail(exc: BaseException) -> NoReturn:
    """Print one plain error line (no traceback, no markup) and exit 2 for input/config, else 1."""
    code = 2 if isinstance(exc, InputError | ConfigError) else 1
    err_console.print("[bold red]error:[/] ", end="")
    err_console.print(str(exc), highlight=False, markup=False)
    raise typer.Exit(code)


def make_summarizer(
    engine: str | None, model: str | None, *, no_cache: bool = False, checker: str | None = None, **extra: Any
) -> Summarizer:
    from ..pipeline import Summarizer

    try:
        updates: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
        if checker is not None:
            updates["checker"] = check_checker(checker)
        settings = load_settings().model_copy(update=updates)
        return Summarizer(settings, engine=engine, model=model, cache=False if no_cache else None)
    except SummarizerError as exc:
        fail(exc)
    except ValueError as exc:  # pydantic-settings: an invalid environment value
        fail(ConfigError(f"invalid configuration: {exc}"))


CHECKER_MODES = ("strict", "flag", "off")


def check_checker(value: str) -> str:
    """``--checker`` takes exactly the values ``SUMMARIZER_CHECKER`` takes."""
    if value not in CHECKER_MODES:
        raise ConfigError(f"--checker {value!r}: choose one of {', '.join(CHECKER_MODES)}", "--checker")
    return value


def read_limited(handle: Any, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes from a binary file or stream; one more means the input is too large
    (so ``/dev/zero`` or an endless pipe ends with a clear error, not a MemoryError)."""
    data = bytes(handle.read(limit + 1))
    if len(data) > limit:
        raise InputError(f"{what} is larger than the limit of {limit:,} bytes (SUMMARIZER_MAX_INPUT_BYTES)")
    return data


def confirm_cost(
    summarizer: Summarizer, texts: list[str], prices: Path | None, *, yes: bool, above: float
) -> None:
    """Print the token and cost estimate of an LLM run; ask above ``above`` USD unless ``yes``.

    With no terminal on stdin (CI, pipes) nothing is asked: a run above the threshold stops with
    exit 2 and says to pass --yes; a run at or below it proceeds."""
    import json

    from ..estimate import estimate_run
    from ..evaluation.metrics import DEFAULT_PRICES, load_prices

    engine = summarizer.engine
    if not engine.profile.uses_prompt:
        return
    if summarizer.settings.replay_dir:
        err_console.print(
            f"replaying {summarizer.settings.replay_dir}: no model calls, no cost", highlight=False
        )
        return
    try:
        table = dict(DEFAULT_PRICES)
        if prices is not None:
            table |= load_prices(json.loads(prices.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        fail(ConfigError(f"--prices {prices}: {exc}"))
    est = estimate_run(summarizer, texts, table.get(engine.model))
    err_console.print(est.describe(), highlight=False, markup=False)
    if est.cost_usd is None or est.cost_usd <= above or yes:
        return
    if not sys.stdin.isatty():
        fail(
            ConfigError(
                f"the estimated cost ${est.cost_usd:.2f} is above --confirm-above ${above:.2f} and there is no "
                "terminal to ask: pass --yes to run anyway"
            )
        )
    if not typer.confirm(f"Estimated ${est.cost_usd:.2f}. Continue?", default=False, err=True):
        raise typer.Exit(1)


def item_texts(items: list[WorkItem]) -> list[str]:
    """The article texts of work items, for the estimate (unreadable items count as empty)."""
    from ..article import Article

    texts = []
    for item in items:
        try:
            source = item.load()
        except SummarizerError:
            continue
        if isinstance(source, Article):
            texts.append(source.text)
        elif isinstance(source, bytes):
            texts.append(source.decode("utf-8", "replace"))
        else:
            texts.append(source)
    return texts


def read_source(
    source: str, allow_private: bool = False, settings: Settings | None = None
) -> bytes | Article:
    """A path, ``-`` for stdin, or an http(s) URL -> article bytes or a fetched Article.
    ``settings``: the ones already loaded (else they are read again)."""
    from ..article import is_url

    if source == "-":
        return read_limited(sys.stdin.buffer, (settings or load_settings()).max_input_bytes, "standard input")
    if is_url(source):
        from ..fetch import fetch_article  # httpx loads only for a URL

        s = settings or load_settings()
        return fetch_article(
            source,
            timeout=s.fetch_timeout,
            max_bytes=s.fetch_max_bytes,
            max_redirects=s.fetch_max_redirects,
            allow_private=allow_private or s.fetch_allow_private,
        )
    path = Path(source)
    if not path.exists():
        raise InputError(f"no such file: {source}")
    if path.is_dir():
        raise InputError(f"{source} is a folder; use `summarizer batch` for folders")
    try:
        with path.open("rb") as handle:
            return read_limited(handle, (settings or load_settings()).max_input_bytes, source)
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def progress_bar(total: int, done: int, description: str) -> Iterator[Callable[[bool], None]]:
    """A rich progress bar on stderr for the shared runner (its ``Progress`` hook)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    counts = {"ok": 0, "error": 0}
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[green]{task.fields[ok]} ok[/] [red]{task.fields[error]} failed[/]"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task(description, total=total, completed=done, ok=0, error=0)

        def advance(ok: bool) -> None:
            counts["ok" if ok else "error"] += 1
            bar.update(task, advance=1, ok=counts["ok"], error=counts["error"])

        yield advance
