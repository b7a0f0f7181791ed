"""Text normalization shared by grounding and the checker.

Quotes written by a model (or copied by a person) differ from the article in ways that do not
change what they say: whitespace runs and line breaks, curly vs straight quote marks, dash
variants, a non-breaking space, letter case. :func:`collapse` and :func:`fold_case` undo those;
:func:`unify_marks` keeps every character in place, so offsets into the original still hold
(grounding relies on that).
"""

from __future__ import annotations

from ..lazyre import lazy_compile

__all__ = ["collapse", "contains_phrase", "fold_case", "unify_marks"]

_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def unify_marks(text: str) -> str:
    """Curly quote marks, primes and guillemets as ASCII quotes, dash variants as "-", a
    non-breaking space as a space; one character for one, so offsets are unchanged."""
    return text.translate(_MARKS)


_SPACE_RUN = lazy_compile(r"\s+")


def collapse(text: str) -> str:
    """Marks unified, whitespace runs as one space, no leading or trailing space."""
    return _SPACE_RUN.sub(" ", unify_marks(text)).strip()


def fold_case(text: str) -> str:
    """Case-folded, unless folding would change the length (then lower-cased, so that offsets
    into a folded text still map one to one)."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else text.lower()


def contains_phrase(haystack: str, needle: str) -> bool:
    """Is ``needle`` in ``haystack`` once both are collapsed and case-folded?"""
    return fold_case(collapse(needle)) in fold_case(collapse(haystack))
