"""Oracle drafts built from gold labels, and one-fact mutations of them (the checker harness).

An *oracle draft* is what a perfect model would return for a gold article: the gold values, each
with an evidence quote that code located in the article (the sentence that states the value).
Fields whose evidence cannot be located are skipped and counted (:attr:`Oracle.missing`).

A *mutation* changes exactly one fact of a correct oracle draft the way a model gets it wrong
(a count off by one, a flipped qualifier, a background toll, a shifted date, a swapped city, an
invented claimant, a paraphrased quote, a loaded summary, ...). The harness
(:mod:`summarizer.evaluation.checker_eval`) delivers each draft through the real LLM path and
asks whether the report corrected, dropped or marked the mutated fact.

Evidence is located here with plain patterns (role words and numbers), independent of the
checker's casualty reader, so the checker is measured against something it did not produce.
"""

from __future__ import annotations

import contextlib
import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..normalize.dates import find_date_phrases, resolve_date
from ..normalize.numbers import find_numbers
from ..normalize.places import find_places, resolve_country
from .gold import GoldRecord
from .matching import fold_place

__all__ = ["FACTS", "Mutation", "Oracle", "build_oracle", "mutations", "sentences"]

# the facts an oracle draft can carry (ids used throughout the harness)
FACTS = ("killed", "injured", "date", "city", "country", "perpetrator", "claimant", "summary")

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n+")
_ROLE = {
    "killed": re.compile(
        r"\b(?:kill(?:ed|ing|s)?|dead|died|dies|deaths?|death\s+toll|lives|bodies|fatal(?:ly|ities)?|"
        r"slain|murder(?:ed|s)?|perished|homicides?)\b",
        re.I,
    ),
    "injured": re.compile(
        r"\b(?:injur(?:ed|ies|ing|y)|wound(?:ed|s|ing)?|hurt|hospitali[sz]ed|treated)\b", re.I
    ),
}
_SINGLE = {
    "killed": re.compile(
        r"\b(?:was|been|is)\s+(?:\w+\s+){0,2}?(?:killed|slain|shot\s+dead|fatally\s+(?:shot|stabbed|wounded|injured))\b"
        r"|\b(?:died|dies)\b",
        re.I,
    ),
    "injured": re.compile(
        r"\b(?:was|been|is)\s+(?:\w+\s+){0,2}?(?:injured|wounded|hurt|hospitali[sz]ed)\b", re.I
    ),
}
_NOT_PEOPLE = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:gunshots?|shots|wounds?|times|rounds|bullets|years?|months?|weeks?|days?|hours?|minutes?|"
    r"blocks?|miles?|feet|percent|%|a\.m\.|p\.m\.|in\s+the\s+(?:torso|head|chest|leg|arm|back))\b",
    re.I,
)
_BACKGROUND = re.compile(
    r"\b(?:last|previous|earlier|prior)\s+(?:year|month|week|attack|bombing|blast|incident|fire|crash|shooting|flood|quake)"
    r"|\b(?:a|one|two|three|several)\s+(?:years?|decades?|months?)\s+(?:ago|earlier|before)"
    r"|\b(?:in|since)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b"
    r"|\bsimilar\s+(?:attack|bombing|blast|incident|fire|crash|shooting)|\b(?:worst|deadliest)\b.{0,40}\bsince\b",
    re.IGNORECASE,
)
_CATEGORY_PHRASE = {
    "violent_attack": "An attack",
    "natural_disaster": "A disaster",
    "accident": "An accident",
    "fire": "A fire",
    "civil_unrest": "Unrest",
    "health_emergency": "A health emergency",
    "other": "An incident",
}
_CLAIM_WORDS = re.compile(r"\bclaim(?:ed|s|ing)?\b|\bresponsib", re.I)
_DENIAL = re.compile(
    r"\b(?P<name>(?:[Tt]he\s+)?[A-Z][\w'-]+(?:\s+(?:of\s+|al-|the\s+)?[A-Z][\w'-]+){0,4}"
    r"(?:\s+(?:movement|group|militia|faction|organi[sz]ation|rebels|militants|party))?)\s+"
    r"(?:has\s+|had\s+|have\s+|also\s+|quickly\s+)?(?:denied|rejected|disclaimed)\s+(?:any\s+)?"
    r"(?:involvement|responsibility|role|links?|part)\b"
)
_SPECULATION = re.compile(
    r"\b(?:suspected|blamed|believed\s+to\s+(?:be|have\s+been)|may\s+have\s+been|could\s+have\s+been|"
    r"possibly|likely|suspicion\s+(?:fell\s+)?on|pointed\s+(?:the\s+finger\s+)?at)\s+(?:on\s+|by\s+)?"
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}|[a-z]+\s+(?:militants|rebels|gunmen|insurgents|guerrillas)))"
)
_INVENTED_CLAIMANT = "the Northern Crescent Brigades"
_OTHER_COUNTRIES = ("Norway", "Japan", "Brazil", "Kenya", "Canada")
_UNSUPPORTED_NUMBERS = ("7,481", "6,329", "8,917")
_PARAPHRASE = {
    "killed": "slain",
    "said": "stated",
    "people": "persons",
    "police": "officers",
    "injured": "hurt",
    "wounded": "hurt",
    "died": "passed away",
    "at least": "no fewer than",
    "on": "during",
    "the": "a",
}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """The article's sentences with their offsets (newlines always end a sentence)."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        chunk = text[pos : m.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(pos + lead, m.start(), chunk.strip()))
        pos = m.end()
    tail = text[pos:]
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        out.append(Sentence(pos + lead, len(text), tail.strip()))
    return out


@dataclass
class Oracle:
    """The oracle draft (a dict in the Draft schema) of one gold article, and what it could not locate."""

    record_id: str
    text: str
    reference: date | None
    draft: dict[str, Any]
    expected: dict[str, Any] = field(default_factory=dict)
    """fact id -> the value a correct report shows (see :func:`visible` in checker_eval)."""
    labelled: list[str] = field(default_factory=list)
    """fact ids the gold file labels (with a value to locate)."""
    missing: list[str] = field(default_factory=list)
    """labelled fact ids whose evidence could not be located (skipped)."""
    background: list[tuple[int, str, str]] = field(default_factory=list)
    """other killed figures the article gives: (value, as written, sentence)."""


def _word_in(needle: str, hay: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", hay, re.I) is not None


def _count_display(value: int, qualifier: str) -> str:
    prefix = {
        "exact": "",
        "at_least": "at least ",
        "more_than": "more than ",
        "about": "about ",
        "up_to": "up to ",
    }
    return f"{prefix.get(qualifier, '')}{value}"


def _locate_count(
    sents: list[Sentence], role: str, value: int, qualifier: str = "exact", avoid: str | None = None
) -> tuple[str, str] | None:
    """(as_stated, sentence) for the first sentence stating ``value`` for ``role``, preferring one
    that states it with the gold qualifier ("at least 50" over a headline's "50 hurt")."""
    if value == 1 and qualifier == "exact":
        for s in sents:
            m = _SINGLE[role].search(s.text)
            if m and s.text != avoid and not find_numbers(s.text):
                return m.group(0), s.text
    fallback: tuple[str, str] | None = None
    for s in sents:
        if s.text == avoid or not _ROLE[role].search(s.text):
            continue
        for n in find_numbers(s.text):
            if n.value != value or _NOT_PEOPLE.match(s.text[n.end :]):
                continue
            window = s.text[max(0, n.start - 90) : n.end + 90]
            if _ROLE[role].search(window):
                if str(n.qualifier) == qualifier:
                    return n.text.strip(), s.text
                fallback = fallback or (n.text.strip(), s.text)
    if fallback is not None:
        return fallback
    if value == 1:
        for s in sents:
            m = _SINGLE[role].search(s.text)
            if m and s.text != avoid:
                return m.group(0), s.text
    return None


def _locate_date(sents: list[Sentence], wanted: date, reference: date | None) -> tuple[str, str] | None:
    for s in sents:
        for p in find_date_phrases(s.text):
            if resolve_date(p.text, s.text, reference).iso == wanted:
                return p.text, s.text
    return None


def _locate_name(
    sents: list[Sentence], options: list[str], near: re.Pattern[str] | None = None
) -> tuple[str, str] | None:
    for option in options:
        for s in sents:
            m = re.search(rf"(?<!\w){re.escape(option)}(?!\w)", s.text, re.I)
            if m and (near is None or near.search(s.text)):
                return m.group(0), s.text
    return None


def build_oracle(record: GoldRecord, text: str, reference: date | None) -> Oracle:
    """The draft a perfect model would return for ``record`` (``text`` = what the engine sees)."""
    gold = record.gold
    sents = sentences(text)
    draft: dict[str, Any] = {"is_incident": gold.is_incident}
    oracle = Oracle(record.id, text, reference, draft)
    if not gold.is_incident:
        draft["summary"] = "The article does not report an incident."
        return oracle
    draft["category"] = gold.category
    for role in ("killed", "injured"):
        g = getattr(gold, role)
        if g is None or g.value <= 0:
            continue
        oracle.labelled.append(role)
        found = _locate_count(sents, role, g.value, str(g.qualifier))
        if found is None:
            oracle.missing.append(role)
            continue
        as_stated, quote = found
        draft[role] = {
            "value": g.value,
            "qualifier": str(g.qualifier),
            "as_stated": as_stated,
            "quote": quote,
        }
        oracle.expected[role] = (g.value, str(g.qualifier))
    wanted = next((d for d in gold.date if d is not None), None)
    if wanted is not None:
        oracle.labelled.append("date")
        found_date = _locate_date(sents, wanted, reference)
        if found_date is None:
            oracle.missing.append("date")
        else:
            draft["date"] = {"as_stated": found_date[0], "quote": found_date[1]}
            oracle.expected["date"] = wanted.isoformat()
    cities = [c for c in gold.city if c]
    countries = [c for c in gold.country if c]
    location: dict[str, Any] | None = None
    if cities:
        oracle.labelled.append("city")
        found_city = _locate_name(sents, cities)
        if found_city is None:
            oracle.missing.append("city")
        else:
            location = {"city": found_city[0], "as_stated": found_city[0], "quote": found_city[1]}
            oracle.expected["city"] = fold_place(found_city[0])
    if countries:
        oracle.labelled.append("country")
        resolved = resolve_country(countries[0])
        if resolved is None:
            oracle.missing.append("country")
        elif location is not None:
            location["country"] = countries[0]
            oracle.expected["country"] = resolved[1]
        else:
            found_country = _locate_name(sents, countries)
            if found_country is None:
                oracle.missing.append("country")
            else:
                location = {"country": countries[0], "as_stated": found_country[0], "quote": found_country[1]}
                oracle.expected["country"] = resolved[1]
    if location is not None:
        draft["location"] = location
    if gold.perpetrators:
        oracle.labelled.append("perpetrator")
        found_perp = _locate_name(sents, gold.perpetrators)
        if found_perp is None:
            oracle.missing.append("perpetrator")
        else:
            draft["perpetrators"] = [{"name": found_perp[0], "kind": "unknown", "quote": found_perp[1]}]
            oracle.expected["perpetrator"] = (fold_place(found_perp[0]),)
    if gold.claimed_by:
        oracle.labelled.append("claimant")
        found_claim = _locate_name(sents, gold.claimed_by, _CLAIM_WORDS)
        if found_claim is None:
            oracle.missing.append("claimant")
        else:
            draft["responsibility_claims"] = [{"claimant": found_claim[0], "quote": found_claim[1]}]
            oracle.expected["claimant"] = (fold_place(found_claim[0]),)
    draft["summary"] = _summary(draft)
    oracle.expected["summary"] = draft["summary"]
    killed = draft.get("killed")
    for s in sents:
        if not _ROLE["killed"].search(s.text) or (killed and s.text == killed["quote"]):
            continue
        if not _BACKGROUND.search(s.text):
            continue  # a background incident is one the sentence places apart (earlier, elsewhere, similar)
        for n in find_numbers(s.text):
            window = s.text[max(0, n.start - 90) : n.end + 90]
            if killed and n.value == killed["value"]:
                continue
            if _ROLE["killed"].search(window) and not _ROLE["injured"].search(s.text[n.end : n.end + 40]):
                oracle.background.append((n.value, n.text.strip(), s.text))
                break
    return oracle


def _summary(draft: dict[str, Any]) -> str:
    """A neutral summary from the draft's own facts (numbers as the oracle gives them)."""
    head = _CATEGORY_PHRASE.get(str(draft.get("category")), "An incident")
    loc = draft.get("location") or {}
    place = ", ".join(p for p in (loc.get("city"), loc.get("country")) if p)
    first = f"{head} was reported in {place}." if place else f"{head} was reported."
    parts = [first]
    tolls = []
    for role, verb in (("killed", "killed"), ("injured", "injured")):
        c = draft.get(role)
        if c:
            if c["value"] == 1 and c["qualifier"] == "exact":
                tolls.append(f"one person was {verb}")
            else:
                tolls.append(f"{_count_display(c['value'], c['qualifier'])} people were {verb}")
    if tolls:
        parts.append(" and ".join(tolls).capitalize() + ", according to the report.")
    return " ".join(parts)


# --------------------------------------------------------------------------------------------------
# mutations
# --------------------------------------------------------------------------------------------------


@dataclass
class Mutation:
    cls: str
    """the mutation class (metrics are reported per class)"""
    name: str
    fact: str
    """the fact id it changes"""
    draft: dict[str, Any]
    wrong: Any
    """what the report shows if the mutation got through (for ``summary``: the injected text)"""


CLASSES = (
    "count",
    "qualifier",
    "background",
    "killed_injured",
    "date",
    "place_city",
    "place_country",
    "claimant",
    "perpetrator",
    "quote_paraphrase",
    "quote_other_sentence",
    "summary_loaded",
    "summary_number",
    "summary_claim_as_fact",
    "summary_background",
)


def _with(draft: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(draft)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def _flip(qualifier: str) -> str:
    return {
        "exact": "at_least",
        "at_least": "exact",
        "more_than": "about",
        "about": "more_than",
        "up_to": "exact",
    }[qualifier]


def _paraphrase(quote: str) -> str | None:
    for word, other in _PARAPHRASE.items():
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
        if pattern.search(quote):
            return pattern.sub(other, quote, count=1)
    words = quote.split()
    if len(words) >= 5:
        words[1], words[2] = words[2], words[1]
        return " ".join(words)
    return None


def _explicit(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def _other_sentence(oracle: Oracle, bad: re.Pattern[str]) -> str | None:
    for s in sentences(oracle.text):
        if len(s.text.split()) >= 6 and not bad.search(s.text):
            return s.text
    return None


def mutations(oracle: Oracle) -> list[Mutation]:
    """Every mutation that applies to this oracle draft, each changing one fact."""
    d = oracle.draft
    out: list[Mutation] = []
    if not d.get("is_incident"):
        return out
    for role in ("killed", "injured"):
        c = d.get(role)
        if not c:
            continue
        v, q = c["value"], c["qualifier"]
        wrong_values = [("plus_one", v + 1), ("minus_one", v - 1), ("times_ten", v * 10)]
        if v >= 10 and str(v)[::-1] != str(v) and not str(v).endswith("0"):
            wrong_values.append(("digits_swapped", int(str(v)[::-1])))
        for name, w in wrong_values:
            if w > 0 and w != v:
                out.append(Mutation("count", f"{role}_{name}", role, _with(d, (role, "value"), w), (w, q)))
        out.append(
            Mutation(
                "qualifier", f"{role}_qualifier", role, _with(d, (role, "qualifier"), _flip(q)), (v, _flip(q))
            )
        )
        para = _paraphrase(c["quote"])
        if para and para != c["quote"]:
            out.append(
                Mutation(
                    "quote_paraphrase", f"{role}_paraphrase", role, _with(d, (role, "quote"), para), (v, q)
                )
            )
        other = _other_sentence(
            oracle, re.compile(rf"(?<![\d,]){v}(?![\d,])|\b{re.escape(c['as_stated'])}\b", re.I)
        )
        if other:
            out.append(
                Mutation(
                    "quote_other_sentence",
                    f"{role}_other_sentence",
                    role,
                    _with(d, (role, "quote"), other),
                    (v, q),
                )
            )
    killed, injured = d.get("killed"), d.get("injured")
    if killed and oracle.background:
        value, as_written, sentence = oracle.background[0]
        out.append(
            Mutation(
                "background",
                "background_value",
                "killed",
                _with(d, ("killed", "value"), value),
                (value, killed["qualifier"]),
            )
        )
        moved = _with(d, ("killed", "value"), value)
        moved["killed"].update(as_stated=as_written, quote=sentence)
        out.append(
            Mutation(
                "background", "background_value_and_quote", "killed", moved, (value, killed["qualifier"])
            )
        )
        if killed["as_stated"] in d["summary"]:
            summary = d["summary"].replace(
                _count_display(killed["value"], killed["qualifier"]), str(value), 1
            )
            if summary != d["summary"]:
                out.append(
                    Mutation(
                        "summary_background",
                        "summary_background_toll",
                        "summary",
                        _with(d, ("summary",), summary),
                        str(value),
                    )
                )
        elif _count_display(killed["value"], killed["qualifier"]) in d["summary"]:
            summary = d["summary"].replace(
                _count_display(killed["value"], killed["qualifier"]), str(value), 1
            )
            out.append(
                Mutation(
                    "summary_background",
                    "summary_background_toll",
                    "summary",
                    _with(d, ("summary",), summary),
                    str(value),
                )
            )
    if killed and injured and killed["value"] != injured["value"]:
        swapped = copy.deepcopy(d)
        for key in ("value", "as_stated"):
            swapped["killed"][key], swapped["injured"][key] = injured[key], killed[key]
        out.append(
            Mutation(
                "killed_injured",
                "killed_injured_swapped",
                "killed",
                swapped,
                (injured["value"], killed["qualifier"]),
            )
        )
    if d.get("date") and "date" in oracle.expected:
        right = date.fromisoformat(oracle.expected["date"])
        shifts = [("plus_day", right + timedelta(days=1)), ("minus_week", right - timedelta(days=7))]
        with contextlib.suppress(ValueError):
            shifts.append(("minus_year", right.replace(year=right.year - 1)))
        for name, wrong in shifts:
            out.append(
                Mutation(
                    "date",
                    f"date_{name}",
                    "date",
                    _with(d, ("date", "as_stated"), _explicit(wrong)),
                    wrong.isoformat(),
                )
            )
        if oracle.reference is not None:
            again = resolve_date(
                d["date"]["as_stated"], d["date"]["quote"], oracle.reference - timedelta(days=7)
            )
            if again.iso is not None and again.iso != right:
                out.append(
                    Mutation(
                        "date",
                        "date_wrong_reference",
                        "date",
                        _with(d, ("date", "as_stated"), _explicit(again.iso)),
                        again.iso.isoformat(),
                    )
                )
        para = _paraphrase(d["date"]["quote"])
        if para and para != d["date"]["quote"]:
            out.append(
                Mutation(
                    "quote_paraphrase", "date_paraphrase", "date", _with(d, ("date", "quote"), para), None
                )
            )
        phrase = re.compile(re.escape(d["date"]["as_stated"]), re.I)
        other = _other_sentence(oracle, phrase)
        if other and not find_date_phrases(other):
            out.append(
                Mutation(
                    "quote_other_sentence",
                    "date_other_sentence",
                    "date",
                    _with(d, ("date", "quote"), other),
                    oracle.expected["date"],
                )
            )
    loc = d.get("location")
    if loc and loc.get("city"):
        city = loc["city"]
        others = [
            p.text
            for p in find_places(oracle.text)
            if p.kind == "city"
            and fold_place(p.text) != fold_place(city)
            and fold_place(city) not in fold_place(p.text)
            and fold_place(p.text) not in fold_place(city)
        ]
        # two kinds of swap: a place named only elsewhere in the article, and one named in the
        # location's own quote (a dateline city for the incident's town: evidence cannot tell)
        elsewhere = [o for o in others if not _word_in(o, loc["quote"])]
        beside = [o for o in others if _word_in(o, loc["quote"])]
        for name, pool in (("city_swapped_elsewhere", elsewhere), ("city_swapped_same_quote", beside)):
            if pool:
                out.append(
                    Mutation(
                        "place_city",
                        name,
                        "city",
                        _with(d, ("location", "city"), pool[0]),
                        fold_place(pool[0]),
                    )
                )
        right_code = oracle.expected.get("country")
        for name in _OTHER_COUNTRIES:
            resolved = resolve_country(name)
            if resolved and resolved[1] != right_code and not _word_in(name, oracle.text):
                out.append(
                    Mutation(
                        "place_country",
                        "country_inconsistent",
                        "country",
                        _with(d, ("location", "country"), name),
                        resolved[1],
                    )
                )
                break
        para = _paraphrase(loc["quote"])
        if para and para != loc["quote"] and _word_in(city, para):
            out.append(
                Mutation(
                    "quote_paraphrase",
                    "location_paraphrase",
                    "city",
                    _with(d, ("location", "quote"), para),
                    None,
                )
            )
        other = _other_sentence(oracle, re.compile(rf"(?<!\w){re.escape(city)}(?!\w)", re.I))
        if other:
            out.append(
                Mutation(
                    "quote_other_sentence",
                    "city_other_sentence",
                    "city",
                    _with(d, ("location", "quote"), other),
                    fold_place(city),
                )
            )
    # claimants: invented (quoting a real sentence of the article), or a group that denies
    lead = (killed or injured or loc or {}).get("quote") or (sentences(oracle.text) or [Sentence(0, 0, "")])[
        0
    ].text
    if lead and not _word_in("Northern Crescent", oracle.text):
        claims = [*d.get("responsibility_claims", []), {"claimant": _INVENTED_CLAIMANT, "quote": lead}]
        out.append(
            Mutation(
                "claimant",
                "claimant_invented",
                "claimant",
                _with(d, ("responsibility_claims",), claims),
                fold_place(_INVENTED_CLAIMANT),
            )
        )
    for s in sentences(oracle.text):
        m = _DENIAL.search(s.text)
        if m and not _CLAIM_WORDS.search(s.text.replace("responsibility", "")):
            name = re.sub(r"^the\s+", "", m.group("name"), flags=re.I)
            claims = [*d.get("responsibility_claims", []), {"claimant": name, "quote": s.text}]
            out.append(
                Mutation(
                    "claimant",
                    "claimant_denier",
                    "claimant",
                    _with(d, ("responsibility_claims",), claims),
                    fold_place(name),
                )
            )
            break
    speculated = None
    for s in sentences(oracle.text):
        m = _SPECULATION.search(s.text)
        if m:
            speculated = m.group("name")
            name = m.group("name")
            if fold_place(name) in {p for p in oracle.expected.get("perpetrator", ())}:
                continue
            perps = [*d.get("perpetrators", []), {"name": name, "kind": "unknown", "quote": s.text}]
            out.append(
                Mutation(
                    "perpetrator",
                    "perpetrator_from_speculation",
                    "perpetrator",
                    _with(d, ("perpetrators",), perps),
                    fold_place(name),
                )
            )
            break
    summary = d["summary"]
    out.append(
        Mutation(
            "summary_loaded",
            "summary_loaded_word",
            "summary",
            _with(
                d,
                ("summary",),
                summary.replace(" was reported", " was a horrific massacre", 1)
                if " was reported" in summary
                else "Horrific carnage. " + summary,
            ),
            "horrific",
        )
    )
    number = next(
        (n for n in _UNSUPPORTED_NUMBERS if n not in oracle.text and n.replace(",", "") not in oracle.text),
        None,
    )
    if number:
        out.append(
            Mutation(
                "summary_number",
                "summary_unsupported_number",
                "summary",
                _with(d, ("summary",), f"{summary} Officials said {number} people were evacuated."),
                number,
            )
        )
    actor = None
    if d.get("responsibility_claims"):
        actor = d["responsibility_claims"][0]["claimant"]
    elif speculated:
        actor = speculated
    if actor:
        sentence = f"{actor[:1].upper()}{actor[1:]} carried out the attack."
        out.append(
            Mutation(
                "summary_claim_as_fact",
                "summary_claim_as_fact",
                "summary",
                _with(d, ("summary",), f"{summary} {sentence}"),
                "carried out the attack",
            )
        )
    return out
