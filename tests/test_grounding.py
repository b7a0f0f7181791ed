"""Grounding: every quote is found in the article by code, and the stored quote is the article's own
text at the stored offsets. One table of cases, each with the spans it must produce (or None)."""

from __future__ import annotations

import pytest

from summarizer.grounding import Grounder, NormalizedText
from summarizer.normalize.text import collapse, contains_phrase, fold_case, unify_marks

ARTICLE = (
    "HARBOURTON, March 3 - A gas explosion tore through a bakery on Mill Street early on Tuesday, "
    "killing four people and injuring 11, fire officials said.\n"
    "\n"
    "“We heard a bang like thunder,” said  Dana Okafor,   who lives nearby. "
    "The fire chief said the cause was a leaking pipe.\n"
    "\n"
    "The bakery had been inspected in January.\n"
    "Rescue teams searched the rubble until dawn. The fire chief said the cause was a leaking pipe.\n"
    "Officials said the toll was four — two workers and two customers."
)

SECOND = ARTICLE.index("The fire chief said", ARTICLE.index("Rescue teams"))


def _find(s: str, start: int = 0) -> tuple[int, int]:
    i = ARTICLE.index(s, start)
    return i, i + len(s)


CASES: list[tuple[str, str, list[tuple[int, int]] | None]] = [
    # exact substrings
    (
        "exact sentence",
        "The bakery had been inspected in January.",
        [_find("The bakery had been inspected in January.")],
    ),
    ("exact phrase", "killing four people", [_find("killing four people")]),
    ("surrounding spaces trimmed", "   killing four people  ", [_find("killing four people")]),
    # whitespace variants: the quote's single spaces match the article's runs and line breaks
    (
        "collapsed double space",
        "said Dana Okafor, who lives nearby",
        [_find("said  Dana Okafor,   who lives nearby")],
    ),
    (
        "quote with a newline where the article has a space",
        "tore through a bakery\non Mill Street",
        [_find("tore through a bakery on Mill Street")],
    ),
    ("tabs and runs in the quote", "killing\tfour   people", [_find("killing four people")]),
    # quote marks and dashes
    (
        "straight quotes for curly ones",
        '"We heard a bang like thunder," said',
        [_find("We heard a bang like thunder,” said")],
    ),
    (
        "curly quotes for curly ones",
        "“We heard a bang like thunder,”",
        [_find("“We heard a bang like thunder,”")],
    ),
    ("hyphen for an em dash", "the toll was four - two workers", [_find("the toll was four — two workers")]),
    # letter case, as a last resort
    ("different case", "THE BAKERY HAD BEEN INSPECTED", [_find("The bakery had been inspected")]),
    # ellipses split a quote into parts that must appear in order
    (
        "three dots",
        "A gas explosion tore through a bakery ... killing four people",
        [_find("A gas explosion tore through a bakery"), _find("killing four people")],
    ),
    (
        "unicode ellipsis",
        "A gas explosion tore through a bakery … injuring 11",
        [_find("A gas explosion tore through a bakery"), _find("injuring 11")],
    ),
    (
        "bracketed ellipsis",
        "Rescue teams searched [...] until dawn.",
        [_find("Rescue teams searched"), _find("until dawn.")],
    ),
    # repeated sentences: an exact quote is the first; a part after an ellipsis is the one after
    # the part before it
    (
        "repeated sentence, first one",
        "The fire chief said the cause was a leaking pipe.",
        [_find("The fire chief said the cause was a leaking pipe.")],
    ),
    (
        "repeated sentence after an earlier part",
        "Rescue teams searched the rubble ... The fire chief said the cause was a leaking pipe.",
        [
            _find("Rescue teams searched the rubble"),
            _find("The fire chief said the cause was a leaking pipe.", SECOND),
        ],
    ),
    (
        "parts out of order are still found",
        "until dawn ... The bakery had been inspected",
        [_find("until dawn"), _find("The bakery had been inspected")],
    ),
    # across a paragraph break (a blank line in the article, a space in the quote)
    (
        "across a paragraph break",
        "fire officials said. “We heard a bang",
        [_find("fire officials said.\n\n“We heard a bang")],
    ),
    (
        "across a line break",
        "inspected in January. Rescue teams searched",
        [_find("inspected in January.\nRescue teams searched")],
    ),
    # absent quotes
    ("absent", "Police arrested the owner of the bakery.", None),
    (
        "one part of an ellipsis quote absent",
        "A gas explosion tore through a bakery ... the owner was arrested",
        None,
    ),
    ("paraphrase is not a quote", "four people were killed", None),
    ("empty", "", None),
    ("blank", "   \n ", None),
    ("one character", "A", None),
]


@pytest.mark.parametrize(("quote", "expected"), [(q, e) for _, q, e in CASES], ids=[c[0] for c in CASES])
def test_locate(quote: str, expected: list[tuple[int, int]] | None) -> None:
    found = Grounder(ARTICLE).locate(quote)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert [(e.start, e.end) for e in found] == expected
    for e in found:
        assert ARTICLE[e.start : e.end] == e.quote  # the stored quote is always the article's own text


def test_grounder_is_reusable_and_order_independent() -> None:
    grounder = Grounder(ARTICLE)
    quotes = [q for _, q, _ in CASES]
    first = [grounder.locate(q) for q in quotes]
    again = [Grounder(ARTICLE).locate(q) for q in reversed(quotes)]
    assert first == list(reversed(again))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b\n\tc", "a b c"),
        ("  lead and trail \n", "lead and trail"),
        ("“quoted” ‘single’ «guillemets»", '"quoted" \'single\' "guillemets"'),
        ("en – em — minus −", "en - em - minus -"),
        ("non\u00a0breaking", "non breaking"),
    ],
)
def test_collapse(text: str, expected: str) -> None:
    assert collapse(text) == expected


def test_unify_marks_keeps_offsets() -> None:
    text = "“A” — ‘b’\u00a0c"
    assert len(unify_marks(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Straße", "straße"), ("MIXED Case", "mixed case"), ("ﬁre", "ﬁre")],
)
def test_fold_case_keeps_length(text: str, expected: str) -> None:
    folded = fold_case(text)
    assert folded == expected
    assert len(folded) == len(text)


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("At least 12 people\nwere killed.", "at least 12 people were killed", True),
        ("the “Velvet Room” club", '"velvet room"', True),
        ("four — two workers", "four - two", True),
        ("at least 12 people were killed", "at least 21 people", False),
    ],
)
def test_contains_phrase(haystack: str, needle: str, expected: bool) -> None:
    assert contains_phrase(haystack, needle) is expected


def _normalized_by_character(original: str) -> tuple[str, list[int]]:
    # the reference: one character at a time, leading whitespace dropped, each later run one space
    chars: list[str] = []
    positions: list[int] = []
    in_space = False
    for i, ch in enumerate(unify_marks(original)):
        if ch.isspace():
            if not in_space and chars:
                chars.append(" ")
                positions.append(i)
            in_space = True
            continue
        in_space = False
        chars.append(ch)
        positions.append(i)
    return "".join(chars), positions


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "plain words",
        "  leading and trailing  ",
        "tabs\tand\nnew\r\nlines\u00a0and\u2009thin\u3000spaces",
        "\u201cQuoted,\u201d he said \u2014 twice\u2026  ",
        "a\u2028b\u2029c\x1cd\x1fe \x85f",
        "x",
        " x",
    ],
)
def test_normalized_text_matches_the_character_walk(text: str) -> None:
    built = NormalizedText.build(text)
    assert (built.text, built.positions) == _normalized_by_character(text)
    assert built.folded == fold_case(built.text)
    assert built.original_length == len(text)
