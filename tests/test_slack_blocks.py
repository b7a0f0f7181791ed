"""The Block Kit card and the message parser, checked against Slack's documented limits."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from summarizer.schema import (
    ArticleMeta,
    BackgroundIncident,
    Category,
    Count,
    Evidence,
    Incident,
    IncidentDate,
    IncidentReport,
    Item,
    Location,
    Neutrality,
    Perpetrator,
    Provenance,
    Qualifier,
    ReportWarning,
    ResponsibilityClaim,
)
from summarizer.slack.blocks import clip, escape, report_blocks, report_text
from summarizer.slack.ratelimit import RateLimiter
from summarizer.slack.sources import parse_request

_LINK = re.compile(r"<(https?://[^<>|\s]+)\|([^<>|]*)>")


def _texts(block: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if "text" in block:
        out.append(block["text"]["text"])
    out += [f["text"] for f in block.get("fields", [])]
    out += [e["text"] for e in block.get("elements", []) if "text" in e]
    return out


def assert_valid_blocks(blocks: list[dict[str, Any]]) -> None:
    """Block Kit structure and limits as Slack documents them (independent of the implementation)."""
    assert isinstance(blocks, list) and 1 <= len(blocks) <= 50
    json.dumps(blocks)  # serializable
    for block in blocks:
        kind = block["type"]
        assert kind in {"header", "section", "context", "divider"}, kind
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= len(block["text"]["text"]) <= 150
        elif kind == "section":
            assert "text" in block or "fields" in block
            if "text" in block:
                assert block["text"]["type"] in {"mrkdwn", "plain_text"}
                assert 1 <= len(block["text"]["text"]) <= 3000
            if "fields" in block:
                assert 1 <= len(block["fields"]) <= 10
                for f in block["fields"]:
                    assert f["type"] in {"mrkdwn", "plain_text"} and 1 <= len(f["text"]) <= 2000
        elif kind == "context":
            assert 1 <= len(block["elements"]) <= 10
            for e in block["elements"]:
                assert e["type"] in {"mrkdwn", "plain_text", "image"}
                if e["type"] != "image":
                    assert 1 <= len(e["text"]) <= 3000
        else:
            assert block == {"type": "divider"}
        for text in _texts(block):
            # no raw < or > except well-formed links: article text can never ping @channel or fake a link
            assert "<" not in _LINK.sub("", text) and ">" not in _LINK.sub("", text), text
            assert "<!" not in text and "<@" not in text


def card_text(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(t for b in blocks for t in _texts(b))


def ev(quote: str) -> list[Evidence]:
    return [Evidence(quote=quote, start=0, end=len(quote))]


def make_report(**overrides: Any) -> IncidentReport:
    incident = Incident(
        category=Category.violent_attack,
        subtype="suicide bombing",
        date=IncidentDate(
            as_stated="on Thursday morning", iso=date(2024, 3, 14), evidence=ev("on Thursday morning")
        ),
        location=Location(city="Mogadishu", country="Somalia", evidence=ev("near Mogadishu")),
        killed=Count(
            value=9,
            qualifier=Qualifier.at_least,
            as_stated="at least nine people",
            evidence=ev("killing at least nine"),
        ),
        injured=Count(value=17, as_stated="17 others", evidence=ev("wounding 17 others")),
        perpetrators=[
            Perpetrator(name="a suicide bomber", kind="individual", evidence=ev("A suicide bomber"))
        ],
        responsibility_claims=[
            ResponsibilityClaim(
                claimant="al-Shabaab",
                channel="Andalus radio",
                verified=False,
                evidence=ev("claimed responsibility"),
            )
        ],
    )
    fields: dict[str, Any] = {
        "is_incident": True,
        "incident": incident,
        "summary": "A suicide bomber killed at least nine people at a police checkpoint near Mogadishu, police said.",
        "neutrality": Neutrality(neutral=True),
        "article": ArticleMeta(
            url="https://news.example/a?x=1&y=2", title="Bomber kills 9", chars=900, sha256="0" * 64
        ),
        "provenance": Provenance(
            engine="compatible",
            model="fake-model",
            prompt_name="extract",
            prompt_version="1",
            prompt_hash="abc123abc123",
            summarizer_version="0.1.0",
            cache_hit=True,
        ),
        "warnings": [ReportWarning(code="count_conflict", message="killed: 9 vs 11 in another paragraph")],
        "uncertainties": [Item(text="the death toll could rise", evidence=ev("the death toll could rise"))],
        "other_incidents": [
            BackgroundIncident(
                description="October 2022 car bombs",
                killed=Count(value=121, qualifier=Qualifier.at_least, as_stated="at least 121 people"),
                evidence=ev("killed at least 121 people"),
            )
        ],
    }
    fields.update(overrides)
    return IncidentReport(**fields)


def test_card_shows_every_part_of_the_report() -> None:
    blocks = report_blocks(make_report())
    assert_valid_blocks(blocks)
    assert blocks[0]["type"] == "header"
    head = blocks[0]["text"]["text"]
    assert "violent attack" in head and "Mogadishu, Somalia" in head and "2024-03-14" in head
    text = card_text(blocks)
    assert "*Killed*\nat least 9" in text and "at least nine people" in text
    assert "*Injured*\n17" in text
    assert "a suicide bomber (individual)" in text
    assert "al-Shabaab — _claimed, unverified_ via Andalus radio" in text
    assert "police checkpoint near Mogadishu" in text  # summary
    assert "count_conflict" in text and "9 vs 11" in text  # warnings shown
    assert "the death toll could rise" in text  # uncertainties shown
    assert "October 2022 car bombs — killed at least 121" in text  # background kept apart
    # evidence quotes are folded into a context block
    contexts = [b for b in blocks if b["type"] == "context"]
    quotes = "\n".join(e["text"] for b in contexts for e in b["elements"])
    assert "“killing at least nine”" in quotes and "“claimed responsibility”" in quotes
    # footer: engine, model, prompt version, cached, and the source as a safe link
    foot = blocks[-1]
    assert foot["type"] == "context"
    foot_text = " ".join(e["text"] for e in foot["elements"])
    for part in ("engine compatible", "model fake-model", "prompt extract v1", "cached"):
        assert part in foot_text
    assert "<https://news.example/a?x=1&amp;y=2|Bomber kills 9>" in foot_text
    assert report_text(make_report()).startswith("violent attack")


def test_verified_claim_and_missing_counts() -> None:
    report = make_report()
    assert report.incident is not None
    report.incident.responsibility_claims[0].verified = True
    report.incident.injured = None
    report.provenance.cache_hit = False
    blocks = report_blocks(report)
    text = card_text(blocks)
    assert "claimed, verified" in text and "unverified" not in text
    assert "*Injured*\nnot reported" in text
    assert "cached" not in " ".join(e["text"] for e in blocks[-1]["elements"])


def test_no_incident_card() -> None:
    report = make_report(is_incident=False, incident=None, other_incidents=[], warnings=[], uncertainties=[])
    blocks = report_blocks(report, source="pasted text")
    assert_valid_blocks(blocks)
    assert blocks[0]["text"]["text"] == "No incident reported"


def test_huge_fields_are_cut_to_slack_limits() -> None:
    long = "word " * 3000
    quote = "q" * 5000
    report = make_report(
        summary=long,
        warnings=[ReportWarning(code=f"w{i}", message=long) for i in range(30)],
        uncertainties=[Item(text=long, evidence=ev(quote)) for _ in range(60)],
        other_incidents=[BackgroundIncident(description=long, evidence=ev(quote)) for _ in range(30)],
    )
    assert report.incident is not None and report.incident.location is not None
    report.incident.location.venue = "V" * 400
    report.incident.perpetrators = [Perpetrator(name=long, evidence=ev(quote)) for _ in range(20)]
    blocks = report_blocks(report)
    assert_valid_blocks(blocks)
    assert blocks[0]["text"]["text"].endswith("…")
    assert blocks[-1]["type"] == "context" and "engine compatible" in blocks[-1]["elements"][0]["text"]


def test_article_text_cannot_ping_or_fake_links() -> None:
    nasty = "<!channel> <@U123> <https://evil.example|click> & more"
    report = make_report(summary=nasty)
    assert report.incident is not None
    report.incident.perpetrators = [Perpetrator(name="<!here>", evidence=ev("<!everyone>"))]
    blocks = report_blocks(report)
    assert_valid_blocks(blocks)
    text = card_text(blocks)
    assert "&lt;!channel&gt;" in text and "&amp; more" in text and "&lt;!here&gt;" in text


def test_clip_never_splits_an_entity() -> None:
    text = escape("a" * 10 + "&" * 10)
    for limit in range(5, 40):
        out = clip(text, limit)
        assert len(out) <= limit
        body = out.removesuffix("…")
        assert re.fullmatch(r"a*(&amp;)*", body), out


# --- what a message asks for ---------------------------------------------------------------------
def test_parse_links_and_flags() -> None:
    r = parse_request("<https://news.example/a?b=1&amp;c=2|news.example/a>")
    assert r.url == "https://news.example/a?b=1&c=2" and not r.private
    r = parse_request("private https://news.example/story.")
    assert r.url == "https://news.example/story" and r.private
    r = parse_request("<@UBOT> have a look <https://news.example/x>", flags=False)
    assert r.url == "https://news.example/x"
    assert parse_request("file:///etc/passwd").url == "file:///etc/passwd"  # refused later, by the fetcher
    assert parse_request("").help and parse_request("help").help
    assert parse_request("private").help
    short = parse_request("a fire")
    assert not short.is_job and short.problem and "too short" in short.problem
    assert (
        parse_request(None, extra_urls=["https://news.example/unfurled"]).url
        == "https://news.example/unfurled"
    )


def test_parse_pasted_article_text() -> None:
    article = (
        "LAGOS, Nov 6 - A fire swept through the Balogun market &amp; nearby stalls on Sunday, killing 12 traders, "
        "officials said. More at <https://news.example/fire|the Courier>. " * 3
    )
    r = parse_request("private " + article)
    assert r.private and r.url is None and r.text is not None
    assert "market & nearby" in r.text and "the Courier" in r.text and "<" not in r.text


def test_rate_limiter_window() -> None:
    now = [0.0]
    limiter = RateLimiter(2, 10.0, clock=lambda: now[0])
    assert limiter.hit("u") == 0 and limiter.hit("u") == 0
    assert limiter.hit("u") == pytest.approx(10.0)
    assert limiter.hit("other") == 0
    now[0] = 9.0
    assert limiter.hit("u") == pytest.approx(1.0)
    now[0] = 10.0
    assert limiter.hit("u") == 0


def test_item06_fallback_text_escapes_mentions_like_the_blocks() -> None:
    """Issue #8 item 6: Slack uses ``text`` for notifications; article text must not ping anyone."""
    from summarizer.slack.blocks import report_text

    report = make_report(
        summary="Residents wrote <!here> <!channel> <@U999> & <https://x.example|click> on a wall."
    )
    text = report_text(report)
    for raw in ("<!here>", "<!channel>", "<@U999>", "<https://"):
        assert raw not in text
    assert "&lt;!here&gt; &lt;!channel&gt; &lt;@U999&gt; &amp;" in text
    assert text == report_text(report)
