"""A comment section's disclaimer that opens the text of a web page is boilerplate; the story that
follows it in the same block is not (invented text)."""

from __future__ import annotations

from summarizer.engines.rules.engine import extract_draft
from summarizer.engines.rules.text import segment

_PAGE = (
    "The views expressed are not those of this company or its affiliated companies. Please note by "
    'clicking on "Post" you acknowledge that you have read the Terms Of Service. Sheriff\'s deputies are '
    "investigating a suspicious death on the shoulder of Route 9 near the Mill Road exit. Police said the "
    "man found dead on Friday is 19-year-old Tom Baker of Riverside. Police said he suffered multiple "
    "gunshot wounds."
)


def test_a_leading_comment_disclaimer_is_boilerplate_and_the_story_is_not() -> None:
    sentences = segment(_PAGE).sentences
    assert [s.boilerplate for s in sentences] == [True, True, False, False, False]


def test_the_story_after_the_disclaimer_is_read() -> None:
    assert extract_draft(_PAGE, None, "Sheriff's deputies investigate death on Route 9").is_incident
