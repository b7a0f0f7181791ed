"""The summary's place line: wire copy names the country as well as the town, and the line does not
take the place of the event's next sentence."""

from __future__ import annotations

from datetime import date

from summarizer.engines import ExtractionRequest
from summarizer.engines.rules import RulesEngine


def _summary(text: str, published: date, title: str | None = None) -> str:
    return (
        RulesEngine()
        .extract(ExtractionRequest(text=text, reference_date=published, title=title))
        .draft.summary
    )


def test_wire_copy_that_names_only_the_town_gets_its_country() -> None:
    text = (
        "SAN SALVADOR, 12 MAR 89 (RADIO VENCEREMOS) -- [TEXT] FIVE PEASANTS WERE KILLED WHEN A BOMB "
        "EXPLODED IN A MARKET IN SAN SALVADOR TODAY. THE POLICE SAID THE BOMB HAD BEEN HIDDEN IN A "
        "BASKET OF FRUIT NEAR THE MAIN ENTRANCE.\n\nTHE PRESIDENT ORDERED AN INVESTIGATION."
    )
    summary = _summary(text, date(1989, 3, 12))
    assert summary.endswith("It happened in San Salvador, El Salvador.")
    # the event's next sentence stays, before the place line
    assert "The police said the bomb had been hidden" in summary


def test_the_place_line_does_not_crowd_out_the_next_sentence() -> None:
    text = (
        "A 31-year-old man was shot and wounded early Sunday outside a bar on Main Street, police said. "
        "He was taken to a hospital in stable condition. Detectives have not named a suspect."
    )
    summary = _summary(text, date(2025, 3, 10), title="Man shot outside bar in Dayton")
    assert summary == (
        "A 31-year-old man was shot and wounded early Sunday outside a bar on Main Street, police said. "
        "He was taken to a hospital in stable condition. It happened in Dayton, United States."
    )
