"""The engine contract: profiles the pipeline obeys, and a registry that finds plugins by entry point."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from summarizer import Settings, Summarizer
from summarizer.engines import (
    ENTRY_POINT_GROUP,
    EngineProfile,
    EngineRegistry,
    EngineResult,
    ExtractionRequest,
    RevisedSummary,
)
from summarizer.errors import ConfigError, ModelOutputError, UnknownEngineError
from summarizer.prompting import PromptFingerprint
from summarizer.schema import Draft, DraftCount, Qualifier

TEXT = (
    "A fire at a warehouse in Riverton killed two workers on Monday, the fire chief said. "
    "Crews fought the blaze for six hours."
)
QUOTE = "A fire at a warehouse in Riverton killed two workers on Monday, the fire chief said."
LOADED = "A horrific fire at a warehouse in Riverton killed two workers on Monday."


class ScriptedEngine:
    """An in-process engine whose draft, profile and summary rewrite a test decides."""

    name = "scripted"
    model = "scripted-1"
    server: str | None = None

    def __init__(
        self,
        profile: EngineProfile,
        *,
        summary: str = LOADED,
        killed: int = 2,
        revised: str | Exception = "A fire at a warehouse in Riverton killed two workers on Monday.",
        prompt: PromptFingerprint | None = None,
    ) -> None:
        self.profile = profile
        self.prompt = prompt
        self.summary = summary
        self.killed = killed
        self.revised = revised
        self.requests: list[ExtractionRequest] = []
        self.revisions: list[list[str]] = []

    def extract(self, request: ExtractionRequest) -> EngineResult:
        self.requests.append(request)
        count = DraftCount(value=self.killed, qualifier=Qualifier.exact, as_stated="two workers", quote=QUOTE)
        draft = Draft(is_incident=True, category="accident", killed=count, summary=self.summary)
        return EngineResult(draft=draft, tokens_in=10, tokens_out=5)

    def revise_summary(self, request: ExtractionRequest, summary: str, problems: list[str]) -> RevisedSummary:
        self.revisions.append(problems)
        if isinstance(self.revised, Exception):
            raise self.revised
        return RevisedSummary(summary=self.revised, tokens_in=3, tokens_out=2)


def profile(**flags: bool) -> EngineProfile:
    return EngineProfile(**{"uses_prompt": False, "self_checked": False, "revises_summary": False, **flags})


def run(engine: ScriptedEngine, tmp_path: Path, **kwargs: object) -> object:
    return Summarizer(Settings(cache_dir=tmp_path / "c"), engine=engine, cache=False).summarize(
        TEXT, **kwargs
    )  # type: ignore[arg-type]


# --- the pipeline reads the profile -----------------------------------------------------------------
def test_an_engine_that_revises_is_reasked_once_and_pays_for_it(tmp_path: Path) -> None:
    engine = ScriptedEngine(profile(revises_summary=True))
    report = run(engine, tmp_path)
    assert engine.revisions == [["horrific"]]
    assert report.neutrality.action == "reasked" and report.neutrality.neutral  # type: ignore[attr-defined]
    assert report.summary.startswith("A fire at a warehouse")  # type: ignore[attr-defined]
    assert (report.provenance.tokens_in, report.provenance.attempts) == (13, 2)  # type: ignore[attr-defined]


def test_an_engine_that_cannot_revise_is_cleaned_not_asked(tmp_path: Path) -> None:
    engine = ScriptedEngine(profile(revises_summary=False))
    report = run(engine, tmp_path)
    assert engine.revisions == []
    assert report.neutrality.action == "cleaned" and "horrific" not in report.summary.lower()  # type: ignore[attr-defined]


def test_a_failed_revision_is_a_warning_then_the_summary_is_cleaned(tmp_path: Path) -> None:
    engine = ScriptedEngine(profile(revises_summary=True), revised=ModelOutputError(2, "no"))
    report = run(engine, tmp_path)
    codes = [w.code for w in report.warnings]  # type: ignore[attr-defined]
    assert "reask_failed" in codes and report.neutrality.action == "cleaned"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("self_checked", "flagged"), [(False, True), (True, False)])
def test_the_checker_runs_unless_the_engine_is_self_checked(
    tmp_path: Path, self_checked: bool, flagged: bool
) -> None:
    engine = ScriptedEngine(
        profile(self_checked=self_checked), summary="A fire killed two workers.", killed=5
    )
    report = run(engine, tmp_path)
    assert any(w.field == "incident.killed" for w in report.warnings) is flagged  # type: ignore[attr-defined]


def test_the_reference_date_is_found_once_and_handed_to_the_engine(tmp_path: Path) -> None:
    engine = ScriptedEngine(profile())
    text = "RIVERTON, March 4, 2024 (Wire) -- " + TEXT
    report = Summarizer(Settings(cache_dir=tmp_path / "c"), engine=engine, cache=False).summarize(text)
    assert engine.requests[0].reference_date is not None
    assert engine.requests[0].reference_date.isoformat() == "2024-03-04"
    assert "published_from_text" in [w.code for w in report.warnings]
    given = ScriptedEngine(profile())
    run(given, tmp_path, published="2024-05-01")
    assert given.requests[0].reference_date is not None
    assert given.requests[0].reference_date.isoformat() == "2024-05-01"


def test_provenance_and_cache_key_carry_the_engines_own_prompt(tmp_path: Path) -> None:
    fingerprint = PromptFingerprint("extract", "7", "ab" * 32)
    engine = ScriptedEngine(profile(uses_prompt=True), prompt=fingerprint)
    report = run(engine, tmp_path)
    p = report.provenance  # type: ignore[attr-defined]
    assert (p.prompt_name, p.prompt_version, p.prompt_hash) == ("extract", "7", "ab" * 6)
    no_prompt = run(ScriptedEngine(profile()), tmp_path).provenance  # type: ignore[attr-defined]
    assert (no_prompt.prompt_name, no_prompt.prompt_version) == ("none", "-")


@pytest.mark.parametrize(
    ("engine", "needle"),
    [
        (ScriptedEngine(profile(uses_prompt=True)), "uses_prompt"),
        (ScriptedEngine(profile(), prompt=PromptFingerprint("x", "1", "0" * 64)), "uses_prompt"),
    ],
)
def test_an_engine_whose_profile_lies_is_refused(engine: ScriptedEngine, needle: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=needle):
        Summarizer(Settings(cache_dir=tmp_path / "c"), engine=engine)


def test_an_engine_that_claims_to_revise_must_be_able_to(tmp_path: Path) -> None:
    class NoReviser:
        name, model, server = "n", "n", None
        profile = EngineProfile(uses_prompt=False, self_checked=False, revises_summary=True)
        prompt = None

        def extract(self, request: ExtractionRequest) -> EngineResult:
            raise AssertionError("never called")

    with pytest.raises(ConfigError, match="revise_summary"):
        Summarizer(Settings(cache_dir=tmp_path / "c"), engine=NoReviser())  # type: ignore[arg-type]


def test_builtin_profiles() -> None:
    from summarizer.engines.llm import InstructorEngine
    from summarizer.engines.rules import RulesEngine

    assert RulesEngine.profile == EngineProfile(
        uses_prompt=False,
        self_checked=True,
        revises_summary=False,
        languages=("en", "es", "fr"),
        cpu_bound=True,  # many-article runs use one process per core
    )
    assert RulesEngine.prompt is None
    assert InstructorEngine.profile == EngineProfile(
        uses_prompt=True, self_checked=False, revises_summary=True
    )


# --- the registry ---------------------------------------------------------------------------------
PLUGIN = """
from summarizer.engines import EngineProfile, EngineResult
from summarizer.schema import Draft


class EchoEngine:
    name = "echo"
    model = "echo-1"
    server = None
    profile = EngineProfile(uses_prompt=False, self_checked=False, revises_summary=False)
    prompt = None

    def __init__(self, settings):
        self.settings = settings

    def extract(self, request):
        return EngineResult(draft=Draft(is_incident=False, summary=request.text.split(".")[0] + "."))


def create(settings):
    return EchoEngine(settings)


def shadow(settings):
    raise AssertionError("a plugin must not replace a built-in engine")
"""


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed third-party distribution: a module plus a dist-info with entry points."""
    site = tmp_path / "site"
    (site / "echo_engine_plugin").mkdir(parents=True)
    (site / "echo_engine_plugin" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "echo_engine_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: echo-engine-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            f"""\
            [{ENTRY_POINT_GROUP}]
            echo = echo_engine_plugin:create
            rules = echo_engine_plugin:shadow
            """
        )
    )
    monkeypatch.syspath_prepend(str(site))
    return site


def test_a_plugin_engine_is_found_by_entry_point_and_runs_the_pipeline(plugin: Path, tmp_path: Path) -> None:
    registry = EngineRegistry()
    assert {"echo", "rules", "openai", "compatible", "local"} <= set(registry.names())
    engine = registry.create("echo", Settings())
    assert engine.name == "echo"
    report = Summarizer(Settings(cache_dir=tmp_path / "c"), engine=engine, cache=False).summarize(TEXT)
    assert report.provenance.engine == "echo" and not report.is_incident
    assert report.summary == TEXT.split(".")[0] + "."


def test_a_plugin_cannot_shadow_a_builtin(plugin: Path) -> None:
    engine = EngineRegistry().create("rules", Settings())
    assert engine.name == "rules"


def test_a_builtin_engine_is_built_without_scanning_entry_points(
    plugin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.engines import registry as registry_mod

    calls: list[str | None] = []
    real = registry_mod.metadata.entry_points

    def counting(**kwargs: str) -> object:
        calls.append(kwargs.get("group"))
        return real(**kwargs)

    monkeypatch.setattr(registry_mod.metadata, "entry_points", counting)
    registry = EngineRegistry()
    assert registry.create("rules", Settings()).name == "rules" and calls == []  # the cold CLI path
    assert registry.create("echo", Settings()).name == "echo" and len(calls) == 1  # a plugin: scanned once
    assert registry.create("rules", Settings()).name == "rules" and len(calls) == 1


def test_registry_without_plugins_and_registered_targets() -> None:
    registry = EngineRegistry(builtins={}, group=None)
    assert registry.names() == []
    with pytest.raises(UnknownEngineError):
        registry.create("rules", Settings())
    registry.register("rules", "summarizer.engines.builtin:rules")
    assert registry.create("rules", Settings()).name == "rules"
    registry.register("broken", "summarizer.engines.builtin:no_such_factory")
    with pytest.raises(ConfigError, match="no_such_factory"):
        registry.create("broken", Settings())


def test_listing_engines_imports_no_engine_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from summarizer.engines import engine_names; engine_names();"
        "print(sorted(m for m in sys.modules if m.startswith(('summarizer.engines.', 'openai', 'instructor'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert (
        "summarizer.engines.llm" not in out and "openai" not in out and "summarizer.engines.rules" not in out
    )
