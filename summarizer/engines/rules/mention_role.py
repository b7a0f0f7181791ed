"""What a town's mention says about the incident's place: its role in the sentence.

A place name is evidence for the incident's city only when the sentence puts the act there. Local
news names many places in other roles, and each is read from the words around the name:

* a masthead or an institution named after a town ("the Atlanta Journal-Constitution", "the Pueblo
  Chieftain", "Eastern Washington University"): no place at all;
* a street, named by an address ("the 3300 block of South Oakley", "at Concord and Market
  streets", "the corner of Beale and Fond du Lac"): no place at all;
* a county agency ("according to Los Angeles County coroner's records", "Marion County sheriff's
  deputies", "investigators in Pasco County"): the county has jurisdiction, the town the article
  names is more precise;
* where a suspect was arrested or a victim treated ("taken into custody in Erie", "rushed to a
  hospital in Evanston", "taken to Denver Children's Hospital"): another place of the story, not the
  act's (a hospital that was itself attacked is the act's place);
* a town's police or fire department ("the Downey Police Department"): its jurisdiction, a weaker
  cue than a place the act is told at;
* a neighbourhood ("in the Brighton Park neighborhood", "the city's Point Breeze section"): part
  of the city, which the article names elsewhere (when it does not, the neighbourhood stands);
* where someone lives ("Jacob Farley, 29, of Sparta", "a North Chicago man"): often elsewhere.

:func:`mention_factor` turns the role into a weight for the city vote (1.0 for a plain mention).
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...normalize.dates import CALENDAR_WORDS

__all__ = ["mention_factor"]

_INSTITUTION_AFTER = lazy_compile(
    r"(?:['’]s)?(?:[\s-]+(?:[A-Z][\w'’.]*|of|and|&)){0,3}?[\s-]+"
    r"(?:Journal|Constitution|Times|Tribune|Herald|Gazette|Chronicle|Sentinel|Chieftain|Courier|Observer|"
    r"Register|Inquirer|Enquirer|Examiner|Daily|Bee|Globe|Democrat|University|College|Academy|Airport)\b"
)
_HOSPITAL_AFTER = lazy_compile(
    r"(?:['’]s)?(?:[\s-]+(?:[A-Z][\w'’.]*|of|and|&)){0,3}?[\s-]+(?:Hospital|Medical\s+Center|Clinic)\b",
    re.IGNORECASE,
)
# a victim taken to hospital, not an attack on one ("rushed to a hospital in Erie", "listed in serious condition")
_TREATED = lazy_compile(
    r"\b(?:taken|took|rushed|transported|flown|airlifted|driven|drove|brought|treated|admitted|listed|"
    r"pronounced|condition|wounds?|wounded|injured|injuries|surgery|undergoing|underwent|blessés|heridos)\b",
    re.IGNORECASE,
)
_STREET_BEFORE = lazy_compile(
    r"(?:\bblock\s+of|\bintersection\s+of|\bcorner\s+of)\s+(?:the\s+)?(?:(?:North|South|East|West|[NSEW]\.?)\s+)?$",
    re.IGNORECASE,
)
_STREETS_AFTER = lazy_compile(
    r"\s+and\s+(?:[A-Z0-9][\w'’.-]*\s+){1,3}?(?:streets|avenues|roads|boulevards|drives|lanes)\b"
)
_STREETS_PAIR_AFTER = lazy_compile(r"\s+(?:streets|avenues|roads|boulevards)\b")
_AND_BEFORE = lazy_compile(r"\b[A-Z0-9][\w'’.-]*\s+and\s+$")
_AGENCY_AFTER = lazy_compile(
    r"(?:['’]s)?\s+(?:[\w'’]+\s+){0,2}?(?:sheriff|coroner|medical\s+examiner|district\s+attorney|attorney|"
    r"prosecutor|court|jail|detention|correctional|commission|board|fire|ems|dispatch|crime\s+stoppers|health|"
    r"schools?|department|office|clerk|government|council|deput(?:y|ies)|detectives|investigators|"
    r"officials|authorities|dispatchers|911|homicide)\b",
    re.IGNORECASE,
)
_AGENCY_BEFORE = lazy_compile(
    r"\b(?:investigators|deputies|detectives|authorities|officials|officers|sheriff['’]s\s+office|police|"
    r"coroner|prosecutors)\s+(?:in|from|with|of|for)\s+$",
    re.IGNORECASE,
)
_TO_A_TOWN = r"\s+(?:the\s+)?(?:(?:state|provincial|regional|district|nearby|neighbou?ring)\s+)?(?:capital\s+|town\s+)?$"
_ELSEWHERE_BEFORE = lazy_compile(
    r"\b(?:custody|arrested|jail|booked|extradited|airlifted|flown|rushed|transported|surrendered|apprehended|"
    r"treated|lives|lived|moved|native|fled|fleeing|evacuated|évacués|fui|vers)\b(?:\s+[\w'’]+){0,4}?"
    r"\s+(?:in|to|at|from|into|vers|à|a)" + _TO_A_TOWN,
    re.IGNORECASE,
)
_HOSPITAL_BEFORE = lazy_compile(
    r"\b(?:hospitals?|medical\s+cent(?:er|re)s?|clinics?)\s+(?:in|at|de)\s+(?:(?:[A-Z][\w'’-]+\s+)+and"
    + _TO_A_TOWN
    + r"|$)",
    re.IGNORECASE,
)
# a town's own agency ("the Downey Police Department", "Brown Deer and Milwaukee Police Department
# officers"): its jurisdiction, less than the act's place
_DEPARTMENT_AFTER = lazy_compile(
    r"(?:['’]s)?(?:\s+and\s+(?:[A-Z][\w'’-]*\s+){1,3}?)?\s+(?:police|fire)(?:\s+and\s+(?:police|fire))?\s+(?:departments?|dept)\b",
    re.IGNORECASE,
)
_NEIGHBOURHOOD_AFTER = lazy_compile(r"\s+(?:neighbou?rhood|section)\b", re.IGNORECASE)
_RESIDENT_BEFORE = lazy_compile(
    r"(?:(?:\b\d{1,3}|\b[A-Z][a-z'’]+|\bboth|\ball),\s+(?:both\s+|all\s+)?|\b[A-Z][a-z'’]+\s+(?!(?:City|Town|Village|"
    r"County|State|University|College|Department|Bank|District|Borough|Township|Parish|Mayor|Governor|People|"
    r"Residents)\b)[A-Z][a-z'’]+\s+)of\s+$"
)
# "Juarez, of the 2500 block of Hainsworth Avenue in North Riverside": where a person lives
_ADDRESS_BEFORE = lazy_compile(
    r",\s+(?:\d{1,3},\s+)?of\s+the\s+\d{1,5}\s+block\s+of\s+(?:[\w'’.-]+\s+){1,4}?in\s+(?:(?:north|south|east|west)\s+)?$",
    re.IGNORECASE,
)
_RESIDENT_AFTER = lazy_compile(
    r"(?:-area)?\s+(?:man|woman|men|women|teen|teens|teenager|boy|girl|resident|residents|native|couple|"
    r"family|mother|father|youth)\b",
    re.IGNORECASE,
)

_ANOTHER_PLACE = lazy_compile(
    r"\b(?:in|at|near|outside)\s+(?:an?\s+|the\s+)?(?:(?:unincorporated|nearby|neighbou?ring|suburban)\s+)?"
    r"([A-Z][a-z]+)\b"
)


_STREETS_AFTER_UPPER = lazy_compile(
    r"\s+and\s+(?:[\w'’.-]+\s+){1,3}?(?:streets|avenues|roads|boulevards|drives|lanes)\b", re.IGNORECASE
)
_STREETS_PAIR_AFTER_UPPER = lazy_compile(_STREETS_PAIR_AFTER.pattern, re.IGNORECASE)


def mention_factor(
    text: str,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int = -1,
    *,
    county: bool = False,
    restored: str | None = None,
) -> float:
    """How much the mention at ``text[start:end]`` (a town, or a county when ``county``) counts as
    the incident's place, from its role in the sentence (see the module). ``restored`` is
    upper-case ``text`` in its restored case (same length): the roles are read there, as in
    mixed-case news, and a street pair ("CONCORD AND MARKET STREETS") in the upper-case text."""
    if restored is not None:
        if _STREETS_AFTER_UPPER.match(text, end) or (
            _AND_BEFORE.search(text, max(sentence_start, start - 60), start)
            and _STREETS_PAIR_AFTER_UPPER.match(text, end)
        ):
            return 0.0
        text = restored
    before = text[max(sentence_start, start - 60) : start]
    after = text[end : end + 60]
    if not county and _INSTITUTION_AFTER.match(after):
        return 0.0
    sentence = text[sentence_start : sentence_end if sentence_end > start else end + 200]
    treated = bool(_TREATED.search(sentence))
    if not county and treated and _HOSPITAL_AFTER.match(after):
        return 0.3  # "taken to Denver Children's Hospital": where a victim was treated
    if _STREET_BEFORE.search(before) or _STREETS_AFTER.match(after):
        return 0.0
    if _AND_BEFORE.search(before) and _STREETS_PAIR_AFTER.match(after):
        return 0.0
    if county and (_AGENCY_AFTER.match(after) or _AGENCY_BEFORE.search(before)):
        return 0.25
    if not county and _DEPARTMENT_AFTER.match(after):
        return 0.5
    if not county and _NEIGHBOURHOOD_AFTER.match(after):
        return 0.3  # "in the Brighton Park neighborhood": part of a city, which the article names elsewhere
    if _ELSEWHERE_BEFORE.search(before) or (treated and _HOSPITAL_BEFORE.search(before)):
        return 0.3
    if _RESIDENT_BEFORE.search(before) or _ADDRESS_BEFORE.search(before):
        return 0.3
    if _RESIDENT_AFTER.match(after) and not county and sentence_end > end:
        rest = text[end:sentence_end]
        if any(m.group(1).lower() not in CALENDAR_WORDS for m in _ANOTHER_PLACE.finditer(rest)):
            return 0.5  # "A Downers Grove man shot a woman ... in Darien": the act's town is named
    return 1.0
