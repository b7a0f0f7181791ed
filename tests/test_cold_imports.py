"""Issue #14: ``import summarizer`` and a ``summarize`` run load only what they use."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_import_summarizer_builds_no_schema_settings_or_pipeline() -> None:
    loaded = _modules_after("import summarizer")
    assert not {"pydantic", "pydantic_settings", "summarizer.schema", "summarizer.pipeline"} & loaded


def test_every_public_name_still_resolves_from_the_package_root() -> None:
    import summarizer
    from summarizer import errors, events, pipeline, schema, settings

    assert summarizer.Summarizer is pipeline.Summarizer
    assert summarizer.summarize is pipeline.summarize
    assert summarizer.IncidentReport is schema.IncidentReport
    assert summarizer.Settings is settings.Settings
    assert summarizer.SummarizerError is errors.SummarizerError
    assert summarizer.group_events is events.group_events
    assert all(hasattr(summarizer, name) for name in summarizer.__all__)
    assert set(summarizer.__all__) <= set(dir(summarizer))
    try:
        summarizer.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("an unknown name must raise AttributeError")


def test_the_html_view_loads_itself_when_only_the_schema_was_imported() -> None:
    code = (
        "from summarizer.schema import HtmlViews\n"
        "assert HtmlViews.page is None\n"
        "from summarizer.pipeline import Summarizer\n"
        "report = Summarizer(engine='rules', cache=False).summarize('A fire in Lagos killed two people on Monday.')\n"
        "assert report.to_html().startswith('<!doctype html>') and '<mark' in report._repr_html_()"
    )
    assert "summarizer.evidence_view" in _modules_after(code)


def test_a_summarize_run_imports_no_other_command() -> None:
    loaded = _modules_after(
        "from summarizer.cli.app import app_for\nassert app_for(['summarize', 'x']).registered_commands"
    )
    others = {
        f"summarizer.cli.{m}"
        for m in ("batch", "cache", "config", "doctor", "evaluate", "events", "runs", "slack")
    }
    assert not others & loaded
    assert "summarizer.cli.common" in loaded  # a real probe: the summarize command's own module loaded


def test_the_full_app_is_one_typer_app_with_every_command() -> None:
    import typer

    from summarizer import cli
    from summarizer.cli import app as from_package
    from summarizer.cli.app import app, full_app

    assert isinstance(app, typer.Typer) and app is from_package is cli.app is full_app()
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert {"summarize", "engines"} <= names
    groups = {g.name for g in app.registered_groups}
    assert {"eval", "cache", "slack", "config"} <= groups
