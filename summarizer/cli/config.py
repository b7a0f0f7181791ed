"""``summarizer config show|path``: the effective settings and where each came from."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from .common import console, fail, load_settings

config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)


@config_app.command("show", short_help="Every setting, its value and where it came from.")
def config_show(
    as_json: Annotated[bool, typer.Option("--json", help="print the settings as JSON")] = False,
) -> None:
    """Every setting, its value and its source (default, environment, .env or the config file).

    Secrets (API keys) are never printed: only whether they are set.
    """
    from ..errors import SummarizerError
    from ..settings import config_file, describe_settings

    settings = load_settings()
    try:
        rows = describe_settings(settings)
    except SummarizerError as exc:
        fail(exc)
    path = config_file()
    if as_json:
        console.print_json(
            json.dumps(
                {
                    "config_file": str(path),
                    "config_file_found": path.is_file(),
                    "settings": [
                        {"name": r.field, "variable": r.variable, "value": r.value, "source": r.source}
                        for r in rows
                    ],
                }
            )
        )
        return
    console.print(
        f"config file: {path} ({'found' if path.is_file() else 'not found; optional'})", highlight=False
    )
    console.print(
        "In the config file, write a setting by its name (max_chars = 30000); "
        "in the environment or .env, by its variable (SUMMARIZER_MAX_CHARS=30000).",
        highlight=False,
    )
    table = Table(box=None, pad_edge=False)
    table.add_column("setting (variable)", overflow="fold")
    table.add_column("value", overflow="fold")
    table.add_column("source", overflow="fold")
    for row in rows:
        style = "" if row.source == "default" else "bold"
        table.add_row(f"{row.field} ({row.variable})", row.value, row.source, style=style)
    console.print(table, highlight=False)


@config_app.command("path")
def config_path() -> None:
    """Print the path of the optional TOML config file."""
    from ..settings import config_file

    console.print(str(config_file()), highlight=False, markup=False)
