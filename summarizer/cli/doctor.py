"""``summarizer doctor`` (merged into the root app as a plain command): :mod:`summarizer.doctor`."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer

from ..doctor import PROBE_PROMPT, LocalCheck, check_local_engine, is_cpu_feature
from ..errors import ConfigError, SummarizerError
from .common import console, err_console, fail

doctor_app = typer.Typer()


def _print(check: LocalCheck) -> None:
    from ..engines.local_worker import PORTABLE_REBUILD

    def row(label: str, value: object) -> None:
        console.print(f"  {label:<18} {value}", highlight=False, markup=False, soft_wrap=True)

    console.print("[bold]local engine[/]")
    row("llama-cpp-python", check.llama_cpp_python or "not installed")
    row("model", f"{check.model_path} ({check.architecture}, trained context {check.trained_context})")
    row("n_ctx", f"{check.n_ctx} ({check.n_ctx_reason})")
    if check.load_seconds is not None:
        row("load", f"{check.load_seconds:.2f} s in the worker process")
    if check.ok:
        row("one-token test", f"ok in {check.probe_seconds:.2f} s: {PROBE_PROMPT!r} -> {check.probe_text!r}")
    else:
        row("one-token test", f"FAILED ({check.error_type})")
    cpu = [f for f in check.build_features if is_cpu_feature(f)]
    other = [f for f in check.build_features if f not in cpu]
    row("build CPU features", " ".join(cpu) or "unknown (the model never loaded)")
    if other:
        row("build options", " ".join(other))
    row("this CPU", " ".join(check.cpu_features) or "unknown")
    for note in check.notes:
        row("note", note)
    if check.error:
        err_console.print(f"[bold red]error:[/] {check.error}", highlight=False)
    if not check.ok:
        console.print(f"  portable rebuild: {PORTABLE_REBUILD}", highlight=False, markup=False)


@doctor_app.command(short_help="Does the local engine load and run here? Its CPU build.")
def doctor(
    as_json: Annotated[bool, typer.Option("--json", help="print the check as JSON")] = False,
) -> None:
    """Check that the local engine loads and runs here (one-token completion) and show its CPU build.

    Exits 1 when the model does not run, 2 when the local engine is not configured.
    """
    from ..engines import create_engine
    from ..settings import Settings

    try:
        settings = Settings()
        engine = create_engine("local", settings)
    except SummarizerError as exc:
        fail(exc)
    except ValueError as exc:  # pydantic-settings: an invalid environment value
        fail(ConfigError(f"invalid configuration: {exc}"))
    from ..engines.local import LocalEngine

    if not isinstance(engine, LocalEngine):
        fail(ConfigError(f"the 'local' engine is {type(engine).__name__} here, not the built-in one"))
    try:
        check = check_local_engine(engine)
    finally:
        engine.close()
    if as_json:
        sys.stdout.write(json.dumps(asdict(check), indent=2) + "\n")
    else:
        _print(check)
    if not check.ok:
        raise typer.Exit(1)
