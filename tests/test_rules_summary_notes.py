"""Notes around the news: a broadcast transcript's header says who speaks (a sentence of its own in
the summary), and a promise of updates is no news."""

from __future__ import annotations

from datetime import date

from summarizer.engines import ExtractionRequest
from summarizer.engines.rules import RulesEngine


def _summary(text: str, published: date) -> str:
    return RulesEngine().extract(ExtractionRequest(text=text, reference_date=published)).draft.summary


def test_a_transcript_header_opens_the_summary_as_a_sentence() -> None:
    text = (
        "MANAGUA, 11 DEC 89 (RADIO SANDINO) -- [NEWS CONFERENCE WITH LIEUTENANT COLONEL JUAN PEREZ, "
        "CHIEF OF THE NAVY STAFF, BY UNIDENTIFIED REPORTERS] [TEXT] [REPORTER] TELL US ABOUT THE "
        "FISHING BOATS THAT WERE SEIZED [WORDS INDISTINCT].\n\n[PEREZ] THEY ARE IN PORT. THE CREWS "
        "WILL BE RELEASED AFTER THE INVESTIGATION.\n\n[REPORTER] WHEN WILL THE TALKS RESUME?"
    )
    summary = _summary(text, date(1989, 12, 11))
    # (sentence case: upper-case copy tells no names from words)
    assert summary.lower().startswith(
        "news conference with lieutenant colonel juan perez, chief of the navy staff, by unidentified reporters. "
        "tell us about"
    )
    assert "[" not in summary
    assert "seized." in summary  # no space left where "[WORDS INDISTINCT]" was


def test_a_promise_of_updates_is_not_in_the_summary() -> None:
    text = (
        "DENVER (KDVR) -- The man who was shot by a police officer on Monday afternoon has died. "
        "Additional updates posted as received.\n\nThe shooting happened just before 4 p.m. Monday "
        "outside a motel on Main Street."
    )
    summary = _summary(text, date(2016, 1, 12))
    assert "updates" not in summary
    assert "The shooting happened just before 4 p.m. Monday" in summary


def test_a_caliber_keeps_its_space() -> None:
    text = (
        "Officers were investigating narcotics activity near Arlington Avenue on Tuesday and seized a "
        ".22 caliber revolver and two .22 caliber rifles, police said. No one was hurt."
    )
    assert "a .22 caliber revolver and two .22 caliber rifles" in _summary(text, date(2016, 1, 12))
