"""Code, not the model, grounds every quote: find it in the article and attach offsets.

Matching tolerates whitespace runs, curly vs straight quote marks, dash variants and (as a last
resort) letter case; an ellipsis splits a quote into parts that must appear in order. The quote
stored in the report is always the article's own text, so ``text[start:end] == quote``.

:meth:`Grounder.locate_value` then finds the fact's value phrase ("at least 23", "Peshawar")
inside its grounded quote, with the same tolerance and whole-word edges, and records its span as
``value_start``/``value_end``: the article's own characters again, never the model's.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lazyre import lazy_compile
from .normalize.text import collapse, fold_case, unify_marks
from .schema import Evidence

_SPACE_RUN = lazy_compile(r"\s+")  # the characters str.isspace() accepts
_ELLIPSIS = lazy_compile(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*")


@dataclass
class NormalizedText:
    """Text with whitespace collapsed and marks unified, plus a map back to original offsets."""

    text: str
    folded: str
    positions: list[int]  # positions[i] = index in the original of normalized char i
    original_length: int

    @classmethod
    def build(cls, original: str) -> NormalizedText:
        # run by run, not character by character: leading whitespace is dropped, every later
        # whitespace run becomes one space at the run's first offset
        unified = unify_marks(original)
        pieces: list[str] = []
        positions: list[int] = []
        cursor = 0
        for run in _SPACE_RUN.finditer(unified):
            start, end = run.span()
            if start > cursor:
                pieces.append(unified[cursor:start])
                positions.extend(range(cursor, start))
            if positions:
                pieces.append(" ")
                positions.append(start)
            cursor = end
        if cursor < len(unified):
            pieces.append(unified[cursor:])
            positions.extend(range(cursor, len(unified)))
        text = "".join(pieces)
        return cls(text, fold_case(text), positions, len(original))

    def span(self, n_start: int, n_end: int) -> tuple[int, int]:
        start = self.positions[n_start]
        end = self.positions[n_end - 1] + 1
        return start, end


class Grounder:
    """Locates quotes in one article; build once per article, call :meth:`locate` per quote."""

    def __init__(self, article_text: str) -> None:
        self.article_text = article_text
        self._normalized: NormalizedText | None = None

    @property
    def _norm(self) -> NormalizedText:
        # built on first need: most quotes are exact substrings and never need it
        if self._normalized is None:
            self._normalized = NormalizedText.build(self.article_text)
        return self._normalized

    def locate(self, quote: str) -> list[Evidence] | None:
        """Evidence spans for ``quote``, or None when any part of it is not in the article."""
        if not quote or not quote.strip():
            return None
        parts = [p for p in _ELLIPSIS.split(quote) if p.strip()]
        if len(parts) == 1:
            exact = parts[0].strip()
            idx = self.article_text.find(exact) if len(exact) >= 2 else -1
            if idx >= 0:
                return [Evidence(quote=exact, start=idx, end=idx + len(exact))]
        spans: list[Evidence] = []
        cursor = 0
        for part in parts:
            found = self._find(part, cursor)
            if found is None and cursor:
                found = self._find(part, 0)
            if found is None:
                return None
            start, end = found
            spans.append(Evidence(quote=self.article_text[start:end], start=start, end=end))
            cursor = self._norm_index_after(end)
        return spans

    def _find(self, part: str, from_norm: int) -> tuple[int, int] | None:
        needle = collapse(part).strip(" \"'")
        if len(needle) < 2:
            return None
        idx = self._norm.text.find(needle, from_norm)
        if idx < 0:
            folded = fold_case(needle)
            if len(self._norm.folded) == len(self._norm.text):
                idx = self._norm.folded.find(folded, from_norm)
        if idx < 0:
            return None
        return self._norm.span(idx, idx + len(needle))

    def _norm_index_after(self, original_end: int) -> int:
        # smallest normalized index whose original position is >= original_end
        return bisect.bisect_left(self._norm.positions, original_end)

    def locate_value(self, phrases: Iterable[str | None], evidence: Sequence[Evidence]) -> list[Evidence]:
        """``evidence`` with the value's own span set on the first part that states it.

        ``phrases`` are tried in order (the value as written first, then shorter forms); a phrase
        counts only as whole words inside one evidence part. Evidence is returned unchanged when
        no phrase is found: a value span is never guessed.
        """
        for phrase in phrases:
            needle = collapse(phrase or "").strip(" \"'.,;:")
            if len(needle) < 1 or not any(ch.isalnum() for ch in needle):
                continue
            for i, ev in enumerate(evidence):
                found = self._find_within(needle, ev.start, ev.end)
                if found is not None:
                    out = list(evidence)
                    out[i] = ev.model_copy(update={"value_start": found[0], "value_end": found[1]})
                    return out
        return list(evidence)

    def _find_within(self, needle: str, start: int, end: int) -> tuple[int, int] | None:
        norm = self._norm
        lo = bisect.bisect_left(norm.positions, start)
        hi = bisect.bisect_left(norm.positions, end)
        for haystack, target in ((norm.text, needle), (norm.folded, fold_case(needle))):
            if haystack is norm.folded and len(norm.folded) != len(norm.text):
                continue
            idx = haystack.find(target, lo, hi)
            while idx >= 0:
                stop = idx + len(target)
                before = haystack[idx - 1] if idx > 0 else " "
                after = haystack[stop] if stop < len(haystack) else " "
                edges_ok = not (before.isalnum() and target[0].isalnum()) and not (
                    after.isalnum() and target[-1].isalnum()
                )
                if edges_ok:
                    return norm.span(idx, stop)
                idx = haystack.find(target, idx + 1, hi)
        return None
