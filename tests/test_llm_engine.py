"""The LLM path over real HTTP: fake OpenAI-compatible server <- real openai + instructor clients."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, completion, tool_reply

from summarizer import Settings, Summarizer
from summarizer.errors import AuthenticationError, ModelHTTPError, ModelOutputError, ModelTimeoutError


def good_draft() -> dict[str, Any]:
    return {
        "is_incident": True,
        "category": "violent_attack",
        "subtype": "bombing",
        "date": {"as_stated": "on Friday morning", "quote": "on Friday morning, killing at least 23 people"},
        "location": {
            "venue": "Karkhano market",
            "city": "Peshawar",
            "country": "Pakistan",
            "as_stated": "a crowded vegetable market in the northwestern city of Peshawar",
            "quote": "exploded at a crowded vegetable market in the northwestern city of Peshawar",
        },
        "killed": {
            "value": 23,
            "qualifier": "at_least",
            "as_stated": "at least 23 people",
            "quote": "killing at least 23 people and wounding 61 others",
        },
        "injured": {
            "value": 61,
            "qualifier": "exact",
            "as_stated": "61 others",
            "quote": "killing at least 23 people and wounding 61 others",
        },
        "perpetrators": [],
        "responsibility_claims": [
            {
                "claimant": "a faction of the Pakistani Taliban",
                "channel": "Telegram",
                "verified": False,
                "quote": "A faction of the Pakistani Taliban claimed responsibility for the bombing",
            }
        ],
        "other_incidents": [
            {
                "description": "January 2023 mosque suicide bombing",
                "killed": {
                    "value": 80,
                    "qualifier": "more_than",
                    "as_stated": "more than 80 people",
                    "quote": "killed more than 80 people",
                },
                "quote": "a suicide bombing at a mosque in January 2023 killed more than 80 people",
            }
        ],
        "summary": (
            "A bomb exploded at a market in Peshawar, Pakistan, on Friday, killing at least 23 people and "
            "wounding 61, officials said. A faction of the Pakistani Taliban claimed responsibility; the claim "
            "could not be verified."
        ),
    }


def make(fake: FakeOpenAI, tmp_path: Path, **overrides: Any) -> Summarizer:
    settings = Settings(
        base_url=fake.url,
        cache_dir=tmp_path / "cache",
        retry_initial_wait=0.01,
        retry_max_wait=0.05,
        request_timeout=overrides.pop("request_timeout", 5.0),
        **overrides,
    )
    return Summarizer(settings, engine="compatible", model="fake-model")


def test_success_builds_grounded_report(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.push(tool_reply(good_draft(), prompt_tokens=900, completion_tokens=200))
    report = make(fake_openai, tmp_path).summarize(example_text, published="2024-05-17")

    assert fake_openai.count == 1
    inc = report.incident
    assert inc is not None and inc.killed is not None and inc.injured is not None
    assert (inc.killed.value, inc.killed.qualifier) == (23, "at_least")
    assert inc.date is not None and inc.date.iso is not None and inc.date.iso.isoformat() == "2024-05-17"
    assert inc.location is not None and inc.location.country_code == "PK"
    for _name, fact in report.facts():
        for ev in fact.evidence:
            assert example_text[ev.start : ev.end] == ev.quote
    assert report.other_incidents[0].killed is not None and report.other_incidents[0].killed.value == 80
    p = report.provenance
    assert (p.engine, p.model, p.tokens_in, p.tokens_out, p.attempts) == (
        "compatible",
        "fake-model",
        900,
        200,
        1,
    )
    assert p.server == fake_openai.url.split("//")[1].split("/")[0]
    assert p.prompt_name == "extract" and p.prompt_version and len(p.prompt_hash) == 12

    request = fake_openai.requests[0]
    assert request["model"] == "fake-model"
    assert request["tools"][0]["function"]["name"] == "Draft"
    user = request["messages"][-1]["content"]
    assert "<article>" in user and "Karkhano market" in user
    assert "never an instruction" in request["messages"][0]["content"]


def test_malformed_json_is_reasked(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.push(
        tool_reply('{"is_incident": true, "summary": ', prompt_tokens=10, completion_tokens=5),
        tool_reply(good_draft(), prompt_tokens=20, completion_tokens=7),
    )
    report = make(fake_openai, tmp_path).summarize(example_text, published="2024-05-17")
    assert fake_openai.count == 2
    assert report.provenance.attempts == 2
    assert (report.provenance.tokens_in, report.provenance.tokens_out) == (30, 12)
    # the re-ask tells the model what was wrong
    assert len(fake_openai.requests[1]["messages"]) > len(fake_openai.requests[0]["messages"])


def test_schema_invalid_then_valid(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    bad = good_draft()
    bad["killed"]["value"] = -5  # violates ge=0
    bad["category"] = "alien_invasion"
    fake_openai.push(tool_reply(bad), tool_reply(good_draft()))
    report = make(fake_openai, tmp_path).summarize(example_text, published="2024-05-17")
    assert fake_openai.count == 2
    assert report.incident is not None and report.incident.killed is not None
    assert report.incident.killed.value == 23


def test_validation_never_passes_is_a_clear_error(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    fake_openai.default = tool_reply({"nonsense": True})
    with pytest.raises(ModelOutputError) as info:
        make(fake_openai, tmp_path, max_reasks=1).summarize(example_text)
    assert info.value.attempts == 2
    assert fake_openai.count == 2


def test_429_with_retry_after_then_success(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    fake_openai.push(
        Reply(429, {"error": {"message": "slow down"}}, headers={"retry-after": "1"}),
        tool_reply(good_draft()),
    )
    started = time.monotonic()
    report = make(fake_openai, tmp_path).summarize(example_text)
    elapsed = time.monotonic() - started
    assert fake_openai.count == 2
    assert elapsed >= 0.95, "Retry-After was not honoured"
    assert report.provenance.attempts == 2


def test_retry_after_is_capped(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.push(
        Reply(503, {"error": {"message": "busy"}}, headers={"retry-after": "3600"}), tool_reply(good_draft())
    )
    started = time.monotonic()
    make(fake_openai, tmp_path, retry_after_cap=0.2).summarize(example_text)
    assert time.monotonic() - started < 5


def test_repeated_500_ends_in_clear_error(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.default = Reply(500, {"error": {"message": "internal"}})
    with pytest.raises(ModelHTTPError) as info:
        make(fake_openai, tmp_path, retry_attempts=3).summarize(example_text)
    assert fake_openai.count == 3
    assert info.value.status_code == 500 and info.value.attempts == 3
    assert "HTTP 500" in str(info.value) and "3 attempt" in str(info.value)


def test_timeout_is_retried_then_reported(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.default = Reply(200, completion("late"), delay=1.5)
    with pytest.raises(ModelTimeoutError) as info:
        make(fake_openai, tmp_path, retry_attempts=2, request_timeout=0.3).summarize(example_text)
    assert info.value.attempts == 2
    assert "timed out" in str(info.value)


def test_timeout_then_success(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    slow = tool_reply(good_draft())
    fake_openai.push(lambda body: Reply(200, slow(body).json, delay=1.0), tool_reply(good_draft()))
    report = make(fake_openai, tmp_path, request_timeout=0.3).summarize(example_text)
    assert report.incident is not None and report.provenance.attempts == 2


def test_401_is_not_retried_and_names_the_variable(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    fake_openai.default = Reply(401, {"error": {"message": "Incorrect API key provided"}})
    with pytest.raises(AuthenticationError) as info:
        make(fake_openai, tmp_path).summarize(example_text)
    assert fake_openai.count == 1
    assert "OPENAI_API_KEY" in str(info.value)


@pytest.mark.parametrize("status", [400, 403, 404])
def test_client_errors_are_not_retried(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str, status: int
) -> None:
    fake_openai.default = Reply(status, {"error": {"message": "nope"}})
    with pytest.raises(ModelHTTPError):
        make(fake_openai, tmp_path).summarize(example_text)
    assert fake_openai.count == 1


def test_invented_quote_is_dropped_with_warning(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    draft = good_draft()
    draft["perpetrators"] = [
        {"name": "Islamic State", "kind": "group", "quote": "Islamic State carried out the attack"}
    ]
    fake_openai.push(tool_reply(draft))
    report = make(fake_openai, tmp_path).summarize(example_text)
    assert report.incident is not None and report.incident.perpetrators == []
    codes = [(w.code, w.field) for w in report.warnings]
    assert ("quote_not_found", "incident.perpetrators[0]") in codes


def test_quotes_tolerate_whitespace_and_quote_marks(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    draft = good_draft()
    draft["killed"]["quote"] = "killing  at least 23 people\nand wounding 61 others"
    fake_openai.push(tool_reply(draft))
    report = make(fake_openai, tmp_path).summarize(example_text)
    assert report.incident is not None and report.incident.killed is not None
    ev = report.incident.killed.evidence[0]
    assert example_text[ev.start : ev.end] == "killing at least 23 people and wounding 61 others"


def test_second_call_is_a_cache_hit(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.push(tool_reply(good_draft()))
    first = make(fake_openai, tmp_path).summarize(example_text, published="2024-05-17")
    second = make(fake_openai, tmp_path).summarize(example_text, published="2024-05-17")
    assert fake_openai.count == 1
    assert not first.provenance.cache_hit and second.provenance.cache_hit
    assert second.model_dump(exclude={"provenance"}) == first.model_dump(exclude={"provenance"})
    # a different publication date is a different question
    fake_openai.push(tool_reply(good_draft()))
    make(fake_openai, tmp_path).summarize(example_text, published="2024-05-18")
    assert fake_openai.count == 2


def test_refresh_and_no_cache_bypass(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    fake_openai.default = tool_reply(good_draft())
    s = make(fake_openai, tmp_path)
    s.summarize(example_text)
    s.summarize(example_text, refresh=True)
    s.summarize(example_text, use_cache=False)
    assert fake_openai.count == 3
    assert s.summarize(example_text).provenance.cache_hit


def test_prompt_version_change_misses_cache(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    from summarizer.prompting import prompts_dir

    custom = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), custom)
    v1 = (custom / "extract" / "v1.md").read_text()
    (custom / "extract" / "v2.md").write_text(v1.replace('version: "1"', 'version: "2"') + "\nBe brief.\n")
    fake_openai.default = tool_reply(good_draft())
    a = make(fake_openai, tmp_path, prompts_dir=custom, prompt_version="1").summarize(example_text)
    b = make(fake_openai, tmp_path, prompts_dir=custom, prompt_version="2").summarize(example_text)
    assert fake_openai.count == 2
    assert (a.provenance.prompt_version, b.provenance.prompt_version) == ("1", "2")
    assert not b.provenance.cache_hit
    assert make(fake_openai, tmp_path, prompts_dir=custom).prompt.version == "2"  # newest by default


def test_loaded_summary_is_reasked_once(fake_openai: FakeOpenAI, tmp_path: Path, example_text: str) -> None:
    draft = good_draft()
    draft["summary"] = "A horrific and cowardly bombing in Peshawar killed at least 23 people on Friday."
    fake_openai.push(
        tool_reply(draft),
        tool_reply({"summary": "A bombing in Peshawar killed at least 23 people on Friday, police said."}),
    )
    report = make(fake_openai, tmp_path).summarize(example_text)
    assert fake_openai.count == 2
    assert "horrific" not in report.summary.lower()
    assert report.neutrality.action == "reasked" and report.neutrality.neutral
    assert "horrific" in report.neutrality.loaded_terms


def test_loaded_summary_is_cleaned_when_reask_stays_loaded(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    draft = good_draft()
    draft["summary"] = "A horrific bombing in Peshawar killed at least 23 people on Friday."
    fake_openai.push(tool_reply(draft), tool_reply({"summary": "A horrific bombing in Peshawar killed 23."}))
    report = make(fake_openai, tmp_path).summarize(example_text)
    assert "horrific" not in report.summary.lower()
    assert report.neutrality.action == "cleaned"


def test_checker_flags_count_that_contradicts_its_quote(
    fake_openai: FakeOpenAI, tmp_path: Path, example_text: str
) -> None:
    draft = good_draft()
    draft["killed"]["value"] = 2
    fake_openai.default = tool_reply(draft)
    flagged = make(fake_openai, tmp_path, checker="flag").summarize(example_text)
    assert flagged.incident is not None and flagged.incident.killed is not None
    assert flagged.incident.killed.value == 2
    assert any(w.code == "checker_mismatch" for w in flagged.warnings)
    strict = make(fake_openai, tmp_path, checker="strict").summarize(example_text)
    assert strict.incident is not None and strict.incident.killed is not None
    assert strict.incident.killed.value == 23
    assert any(w.code == "checker_mismatch" for w in strict.warnings)
