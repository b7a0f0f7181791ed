"""The incident's place in US news: the article's own geography before the gazetteer's priors.

A report with enough US cues (:mod:`summarizer.normalize.us_places`: "Lancaster, Pa.", "(WCIV)",
"Hall County", "the 400 block of ...") and no foreign country named where it tells the event is
set in the United States. Then:

* a town the gazetteer knows in several countries is the American one, in the state the article
  names ("Aurora" in a Colorado report; "Lima" in an Ohio one);
* a town the gazetteer knows only abroad is no place of this report: most often a surname
  ("Jakell Mitchell", "Officer Kim") or a neighbourhood sharing a foreign town's name ("Pimlico");
* a town named before a state ("Lancaster, Pa.", "HOLLY HILL, S.C. (WCIV) --") is a strong
  candidate even when the gazetteer does not know it;
* "Hall County" is a county, not a town named "Hall": it is the locality only when no town is
  named;
* the state is the region ("Georgia" is the state, not the country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lazyre import lazy_compile
from ...normalize.dates import CALENDAR_WORDS
from ...normalize.places import Place, find_country_adjectives, gazetteer
from ...normalize.us_places import (
    US_CONTEXT,
    UsCue,
    county_states,
    find_us_cues,
    outlet_station_cues,
    state_name,
    states_named_in,
    us_state_leaders,
    us_states_of,
    us_weight,
)
from .text import Article, Sentence, common_english_words, restore_case

__all__ = ["UsContext", "county_place", "is_person", "place_tails", "us_context"]

US_NAME = "United States"


@dataclass(frozen=True)
class UsContext:
    weight: float
    states: tuple[str, ...]  # postal codes, best supported first
    cues: tuple[UsCue, ...]  # cues in the article text (offsets into it)

    leaders: tuple[str, ...] = ()  # the states the cues do not tell apart (several: a shared county name)
    named: tuple[str, ...] = ()  # those of the leaders whose name the text holds anywhere

    @property
    def state(self) -> str | None:
        return self.state_of(None)

    def state_of(self, city: str | None) -> str | None:
        """The report's state: the best supported one (of equals, the first named); when the cues
        cannot tell states apart (only a county name that Georgia, Illinois and Minnesota all have:
        "Cook County"), the one of them where ``city`` is a town (the largest of that name), else the
        one whose name the text holds ("a Florida mother"), else none: a tie is no answer."""
        if not self.states:
            return None
        leaders = self.leaders or self.states[:1]
        if len(leaders) == 1:
            return state_name(leaders[0])
        if city:
            towns = [
                c for c in gazetteer().cities.get(_fold(city), []) if c.alpha2 == "US" and c.admin1 in leaders
            ]
            if towns:
                return state_name(max(towns, key=lambda c: (c.population, c.admin1)).admin1)
        if len(self.named) == 1:  # "Osceola County" ... "a Florida mother"
            return state_name(self.named[0])
        return None

    def attached(self) -> list[UsCue]:
        return [c for c in self.cues if c.kind == "attached" and c.place]

    def resolve(self, p: Place, text: str, s: Sentence) -> Place | None:
        """``p`` (a city candidate) as a town of this US report, or None when it is none."""
        if p.kind != "city":
            return p
        if _fold(p.text) in _STATE_NAMES():
            return None  # "Wisconsin" is the state
        if p.population == 0:
            return p
        key = _fold(p.text)
        # "Los Angeles County coroner": the county, not the town
        if re.match(r"\s+(?:County|Parish|Borough)\b", text[p.end : p.end + 10], re.IGNORECASE):
            return None
        candidates = [c for c in gazetteer().cities.get(key, []) if c.alpha2 == "US"]
        if not candidates:
            country = p.country or ""
            if country and re.search(rf"\b{re.escape(country)}\b", s.text, re.IGNORECASE):
                return p  # "... in Paris, France": the article says so
            return None
        best = max(candidates, key=lambda c: (c.admin1 in self.states[:2], c.population))
        name = p.text if not p.text.isupper() else best.name
        if _fold(name) != _fold(best.name):
            name = best.name
        return Place("city", name, p.start, p.end, p.text, US_NAME, "US", best.population, p.preposition)


def _fold(s: str) -> str:
    s = re.sub(r"['’][sS]$", "", s.strip())
    return re.sub(r"[\s-]+", " ", s.lower().replace(".", "")).strip()


# capitalised words before a town that make it a surname ("Jakell Mitchell"), unless they are place words
_PLACE_LEAD = frozenset(
    {
        "in",
        "at",
        "near",
        "of",
        "from",
        "the",
        "and",
        "to",
        "north",
        "south",
        "east",
        "west",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "downtown",
        "suburban",
        "greater",
        "new",
        "old",
        "port",
        "fort",
        "mount",
        "lake",
        "upper",
        "lower",
        "outside",
        "inside",
        "by",
        "on",
        "for",
        "a",
        "an",
        "but",
        "when",
        "while",
        "after",
        "before",
        "officials",
        "police",
        "deputies",
    }
)


def _STATE_NAMES() -> frozenset[str]:
    from ...normalize.us_places import state_names

    return state_names()


# capitalised words that follow a town's name in a longer place or institution name ("Aurora Police",
# "Kano State", "Palm Beach Gardens")
_PLACE_TAIL = frozenset(
    [
        "police",
        "county",
        "city",
        "township",
        "parish",
        "borough",
        "heights",
        "park",
        "hills",
        "beach",
        "valley",
        "springs",
        "falls",
        "village",
        "gardens",
        "harbor",
        "harbour",
        "lake",
        "lakes",
        "river",
        "island",
        "islands",
        "bay",
        "port",
        "station",
        "airport",
        "state",
        "province",
        "region",
        "district",
        "municipality",
        "metro",
        "metropolitan",
        "fire",
        "sheriff",
        "sheriff's",
        "mayor",
        "council",
        "township",
        "twp",
        "department",
        "avenue",
        "street",
        "road",
        "boulevard",
        "drive",
        "highway",
        "square",
        "center",
        "centre",
        "university",
        "college",
        "hospital",
        "high",
        "school",
        "international",
        "court",
        "courthouse",
        "jail",
        "prison",
        "church",
        "mosque",
        "market",
        "mall",
        "news",
        "times",
        "post",
        "tribune",
        "herald",
        "journal",
        "daily",
        "morning",
        "evening",
        "north",
        "south",
        "east",
        "west",
        "central",
        "downtown",
        "area",
        "region",
    ]
)


_APPOSITIVE_ROLE = lazy_compile(
    r"(?: [A-Z][a-z'’-]+)?,\s+an?\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|officer|detective|"
    r"lawyer|attorney|neighbou?r|friend|witness|owner|manager|director|chief|sergeant|lieutenant|captain|"
    r"pastor|teacher|employee|worker|relative|cousin|brother|sister|mother|father|son|daughter)\b"
)


def place_tails() -> frozenset[str]:
    """Words that go on a town's name ("Granada Hills", "Benton Township", "Milwaukee Police")."""
    return _PLACE_TAIL


def _starts_sentence(text: str, s: Sentence, p: Place) -> bool:
    return not text[s.start : p.start].strip()


def is_person(p: Place, text: str, s: Sentence, persons: frozenset[str]) -> bool:
    """Is the town candidate ``p`` a person's name in mixed-case copy? Named with an age or a title
    elsewhere ("Marcus Reed, 65"; "Officer Kim"), after a first name ("Jakell Mitchell"), before an
    age ("Rodriguez, 23,") or a verb of saying ("Evans said")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z'’-]+", p.text)]
    if words and all(w in persons for w in words):
        return True
    before = text[max(s.start, p.start - 30) : p.start]
    prev = re.search(r"([A-Z][a-z'’-]+|[A-Z]\.)\s$", before)
    if prev and prev.group(1).lower().strip(".") not in _PLACE_LEAD:
        sentence_start = not text[s.start : p.start - len(prev.group(0))].strip()
        if not sentence_start or prev.group(1).lower() not in {"in", "at", "near", "the"}:
            return True  # "Jakell Mitchell", "Officer Kim", "Anna Fox"
    after = text[p.end : p.end + 25]
    nxt = re.match(r" ([A-Z][a-z]+)\b(?!['’])", after)
    if (
        nxt
        and nxt.group(1).lower() not in _PLACE_TAIL
        and nxt.group(1).lower() not in CALENDAR_WORDS
        and not _starts_sentence(text, s, p)
    ):
        return True  # "Adam Collins, a spokesman", "Anna Fox": a first name
    if _APPOSITIVE_ROLE.match(after) and not re.search(r"\b(?:in|at|near|from|of|to|outside)\s+$", before):
        return True  # "Adam Collins, a spokesman for the mayor": a person, even first in the sentence
    if re.match(r",\s+(?:an?\s+)?\d{1,3}\b", after):
        return True  # "Rodriguez, 23," / "Rodriguez, a 23-year-old"
    return bool(re.match(r"\s+(?:said|says|told|added)\b", after))


def _restored_cues(text: str, restored: str) -> list[UsCue]:
    """The cues of upper-case local news: those of the upper-case text, where its restored case
    names a town before a state ("POLICE IN CHESTER, DELAWARE COUNTY" -> "police in Chester,
    Delaware County") the town so read, as in mixed-case news."""
    cues = find_us_cues(text)
    attached = {c.start: c for c in find_us_cues(restored) if c.kind == "attached" and c.place}
    out = [attached.pop(c.start, c) if c.kind == "attached" else c for c in cues]
    out.extend(attached.values())
    return sorted(out, key=lambda c: c.start)


def us_context(
    art: Article,
    title: str | None,
    places: list[Place],
    lead: list[Sentence],
    restored: str | None = None,
) -> UsContext | None:
    """The US context of an article, or None when it is not (or not clearly) set in the US.
    ``restored`` is upper-case local news in its restored case (:attr:`.context.Context.restored`)."""
    cues = find_us_cues(art.text) if restored is None else _restored_cues(art.text, restored)
    if title and title.isupper() and restored is not None:
        title = restore_case(title, common_english_words(), _PLACE_TAIL)  # "SHOOTING IN NEENAH, WISCONSIN"
    title_cues = [*find_us_cues(title), *outlet_station_cues(title)] if title else []
    weight = us_weight(cues + title_cues)
    # US cities the gazetteer is sure of ("Philadelphia", "Indianapolis") add to it (not in wire
    # copy from abroad, whatever its case: "FLEW TO NEW YORK")
    for p in places if not art.wire else []:
        if p.kind == "city" and p.alpha2 == "US" and p.population >= 100_000:
            candidates = gazetteer().cities.get(_fold(p.text), [])
            if candidates and all(c.alpha2 == "US" for c in candidates[:1]):
                weight += 1.0
                break
    if weight < US_CONTEXT:
        return None
    lead_spans = [(s.start, s.end) for s in lead[:4]]
    # wire copy: a nationality names the country too ("SALVADORAN TROOPS")
    adjectives = find_country_adjectives(art.text) if art.upper else []
    for p in [*places, *adjectives]:
        if p.kind != "country" or p.alpha2 in {None, "US"}:
            continue
        if p.alpha2 == "GE" and p.text.lower() == "georgia":
            continue  # the state
        if any(a <= p.start < b for a, b in lead_spans) and not _in_a_name(p, art.text):
            return None  # "a Texas man was killed in Mexico": the event is abroad
    states = tuple(us_states_of(cues + title_cues))
    leaders = us_state_leaders(cues + title_cues)
    named = states_named_in(art.text, leaders) if len(leaders) > 1 else ()
    return UsContext(weight, states, tuple(cues), leaders, named)


def _in_a_name(p: Place, text: str) -> bool:
    """ "Beth Israel Hospital", "the Mexico City police": a country word inside a longer name."""
    before = text[max(0, p.start - 20) : p.start]
    after = text[p.end : p.end + 20]
    return bool(re.search(r"[A-Z][\w'’-]*\s$", before)) or bool(re.match(r"\s[A-Z]", after))


def county_place(p: Place, text: str) -> Place | None:
    """A county region ("Hall County", "Tangipahoa Parish") as a locality named with its type word."""
    m = re.match(r"\s*(County|Parish|Borough)\b", text[p.end : p.end + 10], re.IGNORECASE)
    written = p.text
    if not re.search(r"\b(?:County|Parish|Borough)\b", written, re.IGNORECASE):
        if m is None:
            return None
        written = text[p.start : p.end + m.end()]
    name = re.sub(r"^(?:.*\s)?(?:in|of|at|near)\s+", "", written, flags=re.IGNORECASE)
    if not county_states(name):
        return None
    shown = name.title() if name.isupper() else name
    start = p.start + written.find(name)
    return Place("city", shown, start, start + len(name), name, US_NAME, "US")
