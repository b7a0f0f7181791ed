"""What every step of the rules engine reads: one article, segmented once.

:class:`Context` holds the article (text and sentences), the reference year for relative dates
and past-event cues, and the wire-copy flag (upper-case newswire, see :mod:`.wire`). The views the
steps share (usable sentences, the lead, which sentences are about another event, the places) are
computed on first use and kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from ...lazyre import lazy_compile
from ...normalize.casualties import Mention, background_cue_before, find_mentions
from ...normalize.dates import find_dateline_date
from ...normalize.places import Place, find_places
from ...normalize.us_places import find_us_cues
from .classify import EVENT_NOUN, event_clause
from .text import Article, Sentence, common_english_words, restore_case, segment
from .usgeo import place_tails

__all__ = ["ROLES", "SEPARATE", "Context", "Mentions", "fold_name", "inside", "text_background"]

ROLES = ("killed", "injured", "hospitalized", "missing")
LEAD_BODY = 4  # body sentences that make the lead (after the title)

# a sentence that opens on another event: "In a separate attack ...", "Meanwhile ...", "A year earlier ..."
SEPARATE = lazy_compile(
    r"^\s*(?:in\s+(?:a|another)\s+(?:separate|similar|different|unrelated)\b|separately\b|elsewhere\b|meanwhile\b|"
    r"in\s+another\s+(?:attack|incident)|(?:a|one)\s+(?:year|month|week)s?\s+(?:earlier|ago|before))",
    re.IGNORECASE,
)
_OLD_EVENT = lazy_compile(
    r"\b(?:(?:19|20)\d\d|years?\s+ago|anniversary|decades?|last\s+year|years?\s+(?:after|since|earlier)|"
    r"in\s+(?:a|an|the)\s+(?:similar|separate|earlier|previous|prior|another|unrelated)\b|separately|elsewhere|"
    r"meanwhile)\b",
    re.I,
)
# "Last month, a house fire ... killed two children": a sentence that opens on another time
_OPENS_ON_OTHER_TIME = lazy_compile(
    r"\s*(?:last|earlier\s+this|earlier\s+that|the\s+previous|in\s+(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december))\b[^,]{0,20},",
    re.I,
)
_EVENT_NOUN_RE = lazy_compile(rf"\b(?:{EVENT_NOUN})s?\b", re.IGNORECASE)
_PAST_YEAR_EVENT = lazy_compile(r"\b((?:19|20)\d\d)\b(?:\s+[\w-]+){0,3}\s+(?:" + EVENT_NOUN + r")s?\b", re.I)


def _reference_year(text: str, published: date | None) -> int | None:
    if published is not None:
        return published.year
    found = find_dateline_date(text)
    return found.year if found else None


def _sentence_background(s: Sentence, ref_year: int | None) -> bool:
    return text_background(s.text, ref_year)


def text_background(text: str, ref_year: int | None) -> bool:
    """Is the sentence about another event as a whole (the cue stands before its event word)?"""
    if SEPARATE.match(text):
        return True
    m = _EVENT_NOUN_RE.search(text)
    pos = m.start() if m else len(text)
    if background_cue_before(text, pos, ref_year):
        return True
    y = _PAST_YEAR_EVENT.search(text)
    return bool(y and (ref_year is None or int(y.group(1)) < ref_year) and (not m or y.start() <= m.start()))


def inside(p: Place, s: Sentence) -> bool:
    """Is the place named within the sentence?"""
    return s.start <= p.start and p.end <= s.end


def fold_name(name: str) -> str:
    """A name folded for comparison: accents dropped, lower case, punctuation runs as one space."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


@dataclass(frozen=True)
class Context:
    """One article as the steps see it."""

    article: Article
    ref_year: int | None  # the article's year (published, else its dateline's), for past-event cues
    title: str | None = None  # the headline as given (it may name the place: "... in Newark, New Jersey")
    published: date | None = None  # the publication date given with the article, if any

    @classmethod
    def build(cls, text: str, published: date | None, title: str | None = None) -> Context:
        return cls(segment(text, title), _reference_year(text, published), title, published)

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def wire(self) -> bool:
        """Wire copy (FBIS-style radio and agency reports, see :mod:`.wire`), told by its form (a
        "CITY (COUNTRY), 3 JAN 90 (AGENCY) --" dateline, "[TEXT]" tags) rather than by its letter
        case, so that the same report gives the same facts in upper and in mixed case."""
        return self.article.wire

    @property
    def english(self) -> bool:
        return self.article.language == "en"

    @cached_property
    def usable(self) -> list[Sentence]:
        return self.article.usable()

    @cached_property
    def body(self) -> list[Sentence]:
        return self.article.body()

    @cached_property
    def lead_body(self) -> list[Sentence]:
        return self.body[:LEAD_BODY]

    @cached_property
    def lead(self) -> list[Sentence]:
        """The title's sentences and the first body sentences."""
        return self.article.title_sentences + self.lead_body

    @cached_property
    def lead_ids(self) -> set[int]:
        return {s.index for s in self.lead}

    @cached_property
    def by_index(self) -> dict[int, Sentence]:
        return {s.index: s for s in self.article.sentences}

    @cached_property
    def background(self) -> dict[int, bool]:
        """Per usable sentence: is it about another event as a whole?"""
        return {s.index: _sentence_background(s, self.ref_year) for s in self.usable}

    def is_background(self, s: Sentence) -> bool:
        return self.background.get(s.index, False)

    def is_past_event(self, s: Sentence) -> bool:
        """Is the sentence about an event of another time: a background sentence dated by a past
        year or "years ago" (not one dated "last week", which in a follow-up report on a shooting
        is the incident itself)?"""
        if not self.is_background(s):
            return False
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", s.text)]
        if years and self.ref_year is not None and all(y >= self.ref_year for y in years):
            return bool(re.search(r"\b(?:anniversary|years?\s+ago|decades?)\b", s.text, re.I))
        return bool(_OLD_EVENT.search(s.text) or SEPARATE.match(s.text) or _OPENS_ON_OTHER_TIME.match(s.text))

    @cached_property
    def event_lead(self) -> list[Sentence]:
        """Lead sentences that tell an event (not another one)."""
        return [s for s in self.lead if event_clause(s.text) and not self.is_background(s)]

    @cached_property
    def fact_rows(self) -> list[tuple[int, str, bool]]:
        """(index, text, is background) per usable sentence: what the actor finders read."""
        return [(s.index, s.text, self.is_background(s)) for s in self.usable]

    def event_window(self, event: Sentence | None) -> list[tuple[int, str, bool]]:
        """The fact rows of the lead and of the two sentences either side of the event sentence."""
        return [
            t
            for t in self.fact_rows
            if t[0] in self.lead_ids or (event is not None and abs(t[0] - event.index) <= 2)
        ]

    def incident_window(self, event: Sentence | None) -> list[tuple[int, str, bool]]:
        """The event window plus the rest of the event's paragraph and the next paragraph: where
        the roles of the incident (targets, victims, weapons) are told."""
        if event is None:
            return self.event_window(event)
        paragraphs = {event.paragraph, event.paragraph + 1}
        return [
            t
            for t in self.fact_rows
            if t[0] in self.lead_ids
            or abs(t[0] - event.index) <= 2
            or (t[0] > event.index and self.by_index[t[0]].paragraph in paragraphs)
        ]

    @cached_property
    def restored(self) -> str | None:
        """Upper-case local news (not wire copy) in the case mixed-case news would write it, letter
        for letter the same length (:func:`.text.restore_case`); None for any other text."""
        if not self.article.upper or self.wire:
            return None
        restored = restore_case(self.text, common_english_words() - self.name_evidence, place_tails())
        for p in self._upper_places:
            if " " in p.text.strip() and p.kind == "city" and p.population > 0:
                # "SALT LAKE COUNTY", "PALM BEACH": a name the gazetteer knows, whatever its words
                named = restore_case(p.text, frozenset(), place_tails())
                restored = restored[: p.start] + named + restored[p.start + len(p.text) :]
        return restored

    @cached_property
    def _upper_places(self) -> list[Place]:
        return find_places(self.text)

    @cached_property
    def name_evidence(self) -> frozenset[str]:
        """Upper-case local news: the one-word names that its own text shows to be a place's, found
        where a place is named ("IN GARLAND", "FLORENCE, S.C. --"): such a word is a name wherever
        the text writes it ("GARLAND POLICE SAID"), even when it is also an English word."""
        if not self.article.upper or self.wire:
            return frozenset()
        named = [p.text for p in self._upper_places if p.kind == "city"]
        if self.article.dateline_place:
            named.append(self.article.dateline_place)  # "FLORENCE, S.C. (WCIV) —"
        named.extend(c.place for c in find_us_cues(self.text) if c.kind == "attached" and c.place)
        return frozenset(w.lower() for w in named if re.fullmatch(r"[A-Z]+", w))

    @cached_property
    def places(self) -> tuple[Place, ...]:
        """The places of the article, found once for the location and the summary's names.

        Upper-case local news (not wire copy) is also read in its restored case, as mixed-case news
        would write it ("A MEMPHIS MAN" -> "a Memphis man"), so that a town named without a place
        cue before it is found whatever the case; such finds are added where nothing was found."""
        found = list(self._upper_places)
        restored = self.restored
        if restored is None:
            return tuple(found)
        taken = [(p.start, p.end) for p in found if p.kind != "venue"]  # "A SHOOTING IN PHILADELPHIA'S ..."
        for p in find_places(restored):
            if not any(p.start < b and a < p.end for a, b in taken):
                found.append(replace(p, text=self.text[p.start : p.start + len(p.text)]))
        found.sort(key=lambda p: (p.start, -p.end))
        return tuple(found)

    @cached_property
    def mentions(self) -> Mentions:
        return Mentions.find(self)


@dataclass(frozen=True)
class Mentions:
    """The article's casualty mentions, and the groups the steps read."""

    all: list[Mention]
    lead_ids: set[int]

    @classmethod
    def find(cls, ctx: Context) -> Mentions:
        mentions: list[Mention] = []
        for s in ctx.usable:
            found = find_mentions(s.text, s.start, s.index, ctx.ref_year, title=s.title)
            if ctx.background[s.index] and SEPARATE.match(s.text):
                found = [replace(m, background=True) for m in found]
            mentions.extend(found)
        return cls(mentions, ctx.lead_ids)

    @cached_property
    def main(self) -> list[Mention]:
        """Figures for the main event: not background, not a subset, not a party's claim."""
        return [m for m in self.all if not m.background and not m.subset and not m.disputed]

    @cached_property
    def disputed(self) -> list[Mention]:
        return [m for m in self.all if m.disputed and not m.background]

    @cached_property
    def lead_main(self) -> list[Mention]:
        return [m for m in self.main if m.sentence in self.lead_ids]

    @cached_property
    def lead_numeric(self) -> list[Mention]:
        """Lead figures with a number (not "a man was killed", "no one was hurt")."""
        return [m for m in self.lead_main if not m.weak]
