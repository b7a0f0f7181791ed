"""Finding places in text: gazetteer names (longest match first), named regions ("San Miguel
department"), venue phrases, and nationality adjectives; ambiguous cities get the country the text
supports best."""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from .geonames import Gazetteer, Place, fold, fold_token, gazetteer
from .lexicon import DIRECTION_WORDS, LOWER_OK, PLACE_PARTICLES, POSSESSIVES, REGION_TYPES
from .venues import find_venues

__all__ = ["find_country_adjectives", "find_places", "is_upper_text"]

# Words that signal a place follows (used for single-word cities in upper-case text).
_PLACE_CUE = lazy_compile(
    r"(?:\b(?:in|near|at|from|to|outside|inside|of\s+the\s+(?:city|town)\s+of|town\s+of|city\s+of|"
    r"village\s+of|outskirts\s+of|province\s+of|capital|across|around|into|toward|towards)\s+)$",
    re.IGNORECASE,
)
_REGION_RE = lazy_compile(
    rf"\b(?P<name>(?:[A-Za-zÀ-ÿ'’-]+\s+){{0,2}}[A-Za-zÀ-ÿ'’-]+)\s+(?P<type>{REGION_TYPES})s?\b"
    rf"|\b(?P<type2>{REGION_TYPES})\s+of\s+(?P<name2>(?:[A-Za-zÀ-ÿ'’-]+\s+){{0,2}}[A-Za-zÀ-ÿ'’-]+)",
    re.IGNORECASE,
)

_OUTSKIRTS_RE = lazy_compile(
    r"\b(?P<prep>on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of|outskirts\s+of|near|outside|north\s+of|"
    r"south\s+of|east\s+of|west\s+of|(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?\s+of)\s+$",
    re.IGNORECASE,
)


_JOINERS = frozenset({" ", "-", "\n"})  # "\n": a name hard-wrapped across lines ("EL\nSALVADOR")


_UPPER_RE = lazy_compile(r"[A-ZÀ-Ý]")
_LOWER_RE = lazy_compile(r"[a-zß-ÿ]")
TOKEN_RE = lazy_compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.]*")


def is_upper_text(text: str) -> bool:
    head = text[:2000]
    upper = len(_UPPER_RE.findall(head))
    lower = len(_LOWER_RE.findall(head))
    return upper + lower > 0 and upper / (upper + lower) > 0.8


def find_places(text: str) -> list[Place]:
    """Countries, US states, cities, named regions and venues mentioned in ``text``, in order.

    Overlapping matches keep the longest; a city carries its country (the one also named in the
    text when the name is ambiguous, else the most populous).
    """
    gz = gazetteer()
    upper = is_upper_text(text)
    tokens = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]
    folded = [fold_token(t[2]) for t in tokens]
    joinable = [text[tokens[j][1] : tokens[j + 1][0]] in _JOINERS for j in range(len(tokens) - 1)]
    found: list[Place] = []
    i = 0
    n = len(tokens)
    while i < n:
        best: Place | None = None
        best_len = 0
        span = 1
        while span < gz.max_words and i + span < n and joinable[i + span - 1]:
            span += 1
        for k in range(span, 0, -1):
            key = " ".join(folded[i : i + k]).strip()
            if not key or (key not in gz.any_name):
                continue
            start, end = tokens[i][0], tokens[i + k - 1][1]
            raw = re.sub(r"['’]s$", "", text[start:end]).rstrip(".'’")
            end = start + len(raw)
            if (
                k == 1
                and i + 1 < n
                and text[tokens[i][1] : tokens[i + 1][0]] == "-"
                and tokens[i + 1][2][:1].isupper()
            ):
                continue  # "Mai" in "Mai-Ndombe" is not a town of its own
            place = _lookup(gz, key, raw, start, end, k, text, upper)
            if place is not None:
                best, best_len = place, k
                break
        if best is not None:
            found.append(best)
            i += best_len
        else:
            i += 1
    found.extend(_regions(text, found, upper))
    found.extend(find_venues(text))
    found = _disambiguate(gz, found, text)
    found.sort(key=lambda p: (p.start, -p.end))
    return found


def _lookup(
    gz: Gazetteer, key: str, raw: str, start: int, end: int, k: int, text: str, upper: bool
) -> Place | None:
    capitalised = raw[:1].isupper()
    if not upper and not capitalised:
        return None
    if (
        not upper
        and k > 1
        and not all(w[:1].isupper() or w.lower() in LOWER_OK for w in re.split(r"[\s-]+", raw))
    ):
        return None
    code = gz.countries.get(key)
    if code is not None and (k > 1 or len(key) > 2 or raw.isupper() or "." in raw):
        if len(key) <= 3 and not (raw.isupper() or "." in raw):
            return None  # "us" the pronoun is not a country; "US"/"U.S." is
        if key == "us" and (upper or _pronoun_us(text, start)):
            return None
        return Place(
            "country", gz.country_names.get(code, raw), start, end, raw, gz.country_names.get(code), code
        )
    if key in gz.us_states and key not in {"georgia"}:
        return Place("region", gz.us_states[key], start, end, raw, "United States", "US")
    if key in gz.demonyms:
        return None  # an adjective is not a place mention (resolve_country still reads it)
    cities = gz.cities.get(key)
    if cities:
        top = cities[0]
        if k == 1:
            if key in gz.stopwords or len(key) < 3:
                return None
            before = text[max(0, start - 40) : start]
            line_start = text.rfind("\n", 0, start) + 1
            dateline = (
                not text[line_start:start].strip() and re.match(r"\s*[,(]", text[end : end + 3]) is not None
            )
            if upper and not (dateline or _PLACE_CUE.search(before) or top.population >= 1_000_000):
                return None
            if not upper and _sentence_initial(text, start) and top.population < 100_000 and not dateline:
                return None
        return Place(
            "city",
            top.name,
            start,
            end,
            raw,
            gz.country_names.get(top.alpha2),
            top.alpha2,
            top.population,
            _preposition(text, start),
        )
    return None


def _pronoun_us(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return bool(re.search(r"\b(?:of|to|for|with|by|let|told|join|help|from)\s+$", before))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or bool(re.search(r"(?:[.!?]\s+|\n\s*)$", before)) or before.strip() == ""


def _preposition(text: str, start: int) -> str | None:
    before = text[max(0, start - 60) : start]
    m = _OUTSKIRTS_RE.search(before)
    if m:
        return re.sub(r"\s+", " ", m.group("prep")).strip()
    m2 = re.search(r"\b(in|at|near|outside|from)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$", before, re.I)
    return m2.group(1).lower() if m2 else None


_NOT_A_NAME_START = POSSESSIVES | {"our", "my", "your"}
# the type words of first-level divisions (a district or a county is a smaller place)
_DIVISION_TYPES = frozenset(
    {"department", "province", "state", "region", "governorate", "prefecture", "oblast"}
)

# the last word of an agency's name before its type word ("Houston Police Department")
_AGENCY_WORDS = frozenset(
    {"police", "fire", "sheriff", "sheriff's", "sheriffs", "health", "corrections", "parks"}
)

_UPPER_CUT = frozenset(
    {"by", "at", "in", "on", "to", "from", "with", "for", "and", "or", "that", "which", "who", "was", "were"}
    | {"is", "are", "into", "said", "says", "shot", "killed", "arrested", "charged", "near", "outside"}
)


def _regions(text: str, found: list[Place], upper: bool) -> list[Place]:
    gz = gazetteer()
    out: list[Place] = []
    for m in _REGION_RE.finditer(text):
        named_first = bool(m.group("name"))
        group = "name" if named_first else "name2"
        rtype = (m.group("type") or m.group("type2")).lower()
        words = [(w.start() + m.start(group), w.group(0)) for w in re.finditer(r"\S+", m.group(group))]
        # keep the words that can be part of a name: capitalised ones in mixed-case text, and no
        # function words ("killed in the Borno state" -> "Borno")
        if named_first:
            while words and (
                fold(words[0][1]) in gz.function_words or (not upper and not words[0][1][:1].isupper())
            ):
                words = words[1:]
            if upper:
                # "SHOT BY MARION COUNTY", "ARRESTED BY DEERING DISTRICT": the name starts after the
                # last English function word (all words are capitalised in upper-case copy)
                cut = max((i + 1 for i, (_, w) in enumerate(words) if w.lower() in _UPPER_CUT), default=0)
                words = words[cut:]
            # "INTO OUR TERRITORY": a possessive opens no region's name
            while words and fold(words[0][1]) in _NOT_A_NAME_START:
                words = words[1:]
            # "PATROLLING LA PAZ DEPARTMENT": the words before a division's name are not part of it
            if len(words) > 1 and not gz.division_countries(" ".join(w for _, w in words)):
                tail = next(
                    (
                        i
                        for i in range(1, len(words))
                        if gz.division_countries(" ".join(w for _, w in words[i:]))
                    ),
                    None,
                )
                if (
                    tail is not None
                    and rtype in _DIVISION_TYPES
                    and fold(words[tail - 1][1]) not in DIRECTION_WORDS | PLACE_PARTICLES
                ):
                    words = words[tail:]  # (not "LA VICTORIA DISTRICT": a particle starts a name)
            # "IN NORTHERN MORAZAN DEPARTMENT": the compass word is no part of the division's name
            # ("Western Cape" is one: its name is kept whole)
            if (
                len(words) > 1
                and fold(words[0][1]) in DIRECTION_WORDS
                and not gz.division_countries(" ".join(w for _, w in words))
                and gz.division_countries(" ".join(w for _, w in words[1:]))
            ):
                words = words[1:]
        else:
            cut = next(
                (
                    i
                    for i, (_, w) in enumerate(words)
                    if fold(w) in gz.function_words or (not upper and not w[:1].isupper())
                ),
                len(words),
            )
            words = words[:cut]
        region_code: str | None = None
        while len(words) > 1:
            lead_word = fold(re.sub(r"['’]s$", "", words[0][1]))
            code = gz.countries.get(lead_word) or gz.demonyms.get(lead_word)
            if code is None:
                break
            region_code = code  # "Nigeria's Plateau State", "Nigerian state of ..."
            words = words[1:]
        if not words or (named_first and words[-1][1].lower() in {"of", "the", "for", "and"}):
            continue  # "the Secretary of State", "HEADS OF STATE": an office, not a region
        if named_first and fold(words[-1][1]) in _AGENCY_WORDS:
            continue  # "the Houston Police Department", "MILWAUKEE FIRE DEPARTMENT": an agency, not a division
        folded = fold(" ".join(w for _, w in words))
        if folded in gz.demonyms or folded in gz.countries or folded in gz.function_words:
            continue
        if region_code is None and named_first and rtype == "state" and folded in gz.us_states:
            region_code = "US"  # "a Washington state movie theater", "upstate New York state"
        if (
            named_first
            and rtype in {"state", "district", "division", "territory", "region"}
            and len(words) == 1
            and (folded in gz.stopwords)
        ):
            continue  # "the Islamic State", "the northern region"
        name_start = words[0][0]
        name_end = words[-1][0] + len(words[-1][1])
        span_end = m.end() if named_first else name_end
        span_start = name_start if named_first else m.start()
        name = text[name_start:name_end]
        canonical = name.title() if upper else name
        if named_first:
            span_start = name_start
        out.append(
            Place(
                "region",
                canonical,
                span_start,
                span_end,
                text[span_start:span_end],
                gz.country_names.get(region_code) if region_code else None,
                region_code,
            )
        )
    return out


_AFTER_IN = lazy_compile(r"\s(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _disambiguate(gz: Gazetteer, places: list[Place], text: str) -> list[Place]:
    """Drop places inside longer ones; give ambiguous cities and regions the best-supported country.

    Support: countries named in the text (3), regions (2), cities whose name is unambiguous or
    very populous (1). "SAN MIGUEL" next to "SAN SALVADOR" and "USULUTAN" is the Salvadoran one.
    A region named as a first-level division ("CHALATENANGO DEPARTMENT") is that country's (the
    best supported of those with a division of that name) and supports it before the towns are
    read; a small town the gazetteer knows only abroad, in a country nothing else in the text
    names, is taken as a namesake in the country of the text's divisions (:func:`_namesakes`).
    """
    places.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Place] = []
    for p in places:
        if any(
            k.start <= p.start
            and p.end <= k.end
            and (k.end - k.start) > (p.end - p.start)
            and not (k.kind == "venue" and _AFTER_IN.search(k.text[: p.start - k.start]))
            for k in kept
        ):
            continue  # a town after "in" inside a venue phrase stays ("a supermarket in the Bronx")
        kept.append(p)
    support: dict[str, float] = {}
    for p in kept:
        if not p.alpha2:
            continue
        if p.kind == "country":
            weight = 3.0
        elif p.kind == "region":
            weight = 2.0
        else:
            candidates = gz.cities.get(fold(p.text), [])
            countries = {c.alpha2 for c in candidates}
            weight = 1.0 if len(countries) == 1 or p.population >= 1_000_000 else 0.25
        support[p.alpha2] = support.get(p.alpha2, 0.0) + weight
    # regions named as a division: their country first, judged on the support of the other places
    divisions: dict[int, str] = {}  # index in kept -> country
    for i, p in enumerate(kept):
        if p.kind == "region" and p.alpha2 is None:
            code = _division_country(gz, p, support)
            if code is not None:
                divisions[i] = code
    for code in divisions.values():
        support[code] = support.get(code, 0.0) + 2.0
    out: list[Place] = []
    for i, p in enumerate(kept):
        if p.kind == "city":
            candidates = gz.cities.get(fold(p.text), [])
            if len({c.alpha2 for c in candidates}) > 1:
                best = max(candidates, key=lambda c: (support.get(c.alpha2, 0.0), c.population))
                if best.alpha2 != p.alpha2:
                    p = Place(
                        "city",
                        best.name,
                        p.start,
                        p.end,
                        p.text,
                        gz.country_names.get(best.alpha2),
                        best.alpha2,
                        best.population,
                        p.preposition,
                    )
        elif p.kind == "region" and p.alpha2 is None:
            code = divisions.get(i) or _region_country(gz, p, kept, support)
            if code is not None:
                p = Place(
                    "region",
                    p.name,
                    p.start,
                    p.end,
                    p.text,
                    gz.country_names.get(code),
                    code,
                    0,
                    p.preposition,
                )
        out.append(p)
    return _namesakes(gz, out, [(kept[i], code) for i, code in sorted(divisions.items())], text)


def _division_country(gz: Gazetteer, region: Place, support: dict[str, float]) -> str | None:
    """The country of a region named as a first-level division ("LA PAZ DEPARTMENT" beside
    Salvadoran towns is El Salvador's; "APURE STATE" is Venezuela's): the one division of that name,
    else the best supported of those that have one; None when no division has the name or none of
    several is supported."""
    countries = gz.division_countries(region.name)
    if len(countries) == 1:
        return countries[0]
    scored = [c for c in countries if support.get(c, 0.0) > 0]
    if not scored:
        return None
    return max(scored, key=lambda c: (support[c], c))


# a town the gazetteer knows only abroad is read as a namesake when it is no bigger than this
_NAMESAKE_POPULATION = 100_000
# "TIERRA AGRIA, SAN GERARDO JURISDICTION, SAN MIGUEL DEPARTMENT": the town's division follows it
# in the same clause, within this many characters
_DIVISION_REACH = 80


def _namesakes(
    gz: Gazetteer, places: list[Place], divisions: list[tuple[Place, str]], text: str
) -> list[Place]:
    """Small gazetteer towns of a country nothing else in the text supports (no country, region or
    big city of it), when the text's own geography puts them elsewhere: the division named right
    after the town ("SAN ANDRES, SAN GERARDO JURISDICTION, SAN MIGUEL DEPARTMENT"), else the one
    country whose divisions the text names ("TIERRA BLANCA" beside "LA PAZ DEPARTMENT" is a
    Salvadoran town, not the Mexican one). The town keeps its name, takes that country and loses
    its population."""
    if not divisions:
        return places
    only = {code for _, code in divisions}
    text_home = next(iter(only)) if len(only) == 1 else None
    strong = {
        p.alpha2
        for p in places
        if p.alpha2
        and (p.kind in {"country", "region"} or (p.kind == "city" and p.population >= _NAMESAKE_POPULATION))
    }
    named: dict[str, str] = {}  # folded town -> the country given to it
    out: list[Place] = []
    for p in places:
        if (
            p.kind == "city"
            and p.alpha2
            and 0 < p.population < _NAMESAKE_POPULATION
            and p.alpha2 not in strong
        ):
            follows = next(
                (
                    code
                    for r, code in divisions
                    if 0 <= r.start - p.end <= _DIVISION_REACH
                    and not re.search(r"[.;:]", text[p.end : r.start])
                ),
                None,
            )
            # a town named again keeps the country its first mention was given
            home = follows or named.get(fold(p.text)) or text_home
            if (
                home is not None
                and home != p.alpha2
                and home not in {c.alpha2 for c in gz.cities.get(fold(p.text), [])}
            ):
                named.setdefault(fold(p.text), home)
                p = Place(
                    "city", p.name, p.start, p.end, p.text, gz.country_names.get(home), home, 0, p.preposition
                )
        out.append(p)
    return out


def _region_country(
    gz: Gazetteer, region: Place, places: list[Place], support: dict[str, float]
) -> str | None:
    """A named region's country: a same-named city's (best supported), else the nearest named place's."""
    # every country with a same-named city, and its largest such city (a tie on support goes to the
    # larger: "Los Angeles" County is California's before Chile's; never to a set's order)
    population: dict[str, int] = {}
    for c in gz.cities.get(fold(region.name), []):
        population[c.alpha2] = max(population.get(c.alpha2, 0), c.population)
    candidates = sorted(population)
    scored = [c for c in candidates if support.get(c, 0.0) > 0]
    if scored:
        return max(scored, key=lambda c: (support[c], population[c]))
    nearest = sorted(
        (p for p in places if p.alpha2 and p is not region and p.kind in {"country", "city"}),
        key=lambda p: abs(p.start - region.start),
    )
    if nearest and abs(nearest[0].start - region.start) < 300:
        return nearest[0].alpha2
    if len(candidates) == 1:
        return candidates[0]
    return max(sorted(support), key=lambda c: support[c]) if support else None


_REGIONAL_AMERICAN = lazy_compile(
    r"\b(?:central|latin|south|north|pan|inter|meso|ibero)[\s-]+$", re.IGNORECASE
)


def find_country_adjectives(text: str) -> list[Place]:
    """Nationality adjectives ("Nigerian", "MALIAN", "South Sudanese") as weak country mentions."""
    gz = gazetteer()
    upper = is_upper_text(text)
    out: list[Place] = []
    tokens = list(TOKEN_RE.finditer(text))
    i = 0
    while i < len(tokens):
        m = tokens[i]
        hit = None
        if i + 1 < len(tokens) and text[m.end() : tokens[i + 1].start()] == " ":
            two = fold_token(m.group(0)) + " " + fold_token(tokens[i + 1].group(0))
            if two.rstrip("s") in gz.demonyms or two in gz.demonyms:
                hit = (m.start(), tokens[i + 1].end(), two if two in gz.demonyms else two.rstrip("s"))
        if hit is None:
            one = fold_token(m.group(0))
            key = (
                one
                if one in gz.demonyms
                else one[:-1]
                if one.endswith("s") and one[:-1] in gz.demonyms
                else None
            )
            if key is not None:
                hit = (m.start(), m.end(), key)
        if hit is not None:
            start, end, key = hit
            raw = text[start:end]
            if key == "american" and _REGIONAL_AMERICAN.search(text, max(0, start - 12), start):
                i += 1
                continue  # "the Central American University", "Latin American leaders": no nationality
            if upper or raw[:1].isupper():
                code = gz.demonyms[key]
                name = gz.country_names.get(code)
                out.append(Place("country", name or raw, start, end, raw, name, code))
            i += 2 if " " in key else 1
        else:
            i += 1
    return out
