"""Issue #14: ``import summarizer`` and a ``summarize`` run load only what they use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


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


def test_building_the_models_reads_no_builtin_signature() -> None:
    """pydantic reads every default factory's signature when it builds a model; a builtin's
    (``list``, ``dict``) is parsed from its text with ``tokenize``, a cost of every CLI run."""
    code = (
        "import inspect\n"
        "parsed = []\n"
        "original = inspect._signature_fromstr\n"
        "inspect._signature_fromstr = lambda *a, **k: parsed.append(a[1]) or original(*a, **k)\n"
        "from summarizer.schema import IncidentReport\n"
        "from summarizer.article import Article\n"
        "assert parsed == [], parsed\n"
        "a, b = IncidentReport.model_fields['warnings'], Article.model_fields['extra']\n"
        "assert a.default_factory() == [] and a.default_factory() is not a.default_factory()\n"
        "assert b.default_factory() == {} and b.default_factory() is not b.default_factory()\n"
    )
    _modules_after(code)


def test_the_collector_does_not_run_while_the_command_line_loads_and_is_back_after() -> None:
    code = (
        "import gc, sys\n"
        "runs = []  # for each collection: had typer (the first heavy import) begun loading?\n"
        "gc.callbacks.append(lambda phase, info: runs.append('typer' in sys.modules) if phase == 'start' else None)\n"
        "import summarizer.cli\n"
        "assert 'summarizer.cli.app' in sys.modules and 'rich.console' in sys.modules\n"
        "assert sum(runs) <= 1 and gc.isenabled(), runs  # one, after: the collector is back\n"
    )
    _modules_after(code)
    _modules_after("import gc\ngc.disable()\nimport summarizer.cli\nassert not gc.isenabled()")


EXIT_PROBE = """
import atexit, gc, sys
from summarizer.cli import main
atexit.register(lambda: print("frozen" if gc.get_freeze_count() else "not frozen", file=sys.stderr))
sys.argv = ["summarizer", *sys.argv[1:]]
main()
"""


def test_a_summarize_run_leaves_its_objects_out_of_the_exit_collections(tmp_path: Path) -> None:
    """``summarize`` ends the process: the interpreter's collections at exit would only walk every
    object still alive. They are frozen once the exit handlers have run; the report cache is
    still closed as before (its write-ahead log is gone after the run)."""
    src = tmp_path / "story.txt"
    src.write_text("A fire at a warehouse in Lyon, France, injured 2 workers on Tuesday.", encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"), "SUMMARIZER_ENGINE": "rules"}
    for args in (["summarize", str(src)], ["summarize", str(src), "--json"]):  # stored, then cached
        run = subprocess.run(
            [sys.executable, "-c", EXIT_PROBE, *args], env=env, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stderr
        assert run.stderr.strip().splitlines()[-1] == "frozen"
        assert not list((tmp_path / "cache").glob("cache.db-*"))  # closed: no -wal / -shm left
    assert json.loads(run.stdout)["provenance"]["cache_hit"] is True
    other = subprocess.run(
        [sys.executable, "-c", EXIT_PROBE, "engines"], env=env, capture_output=True, text=True, timeout=300
    )
    assert other.returncode == 0 and other.stderr.strip().splitlines()[-1] == "not frozen"
