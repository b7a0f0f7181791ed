"""RulesEngine: the offline, deterministic engine. Same Draft as the LLM engines, no network.

Steps: segment the article (boilerplate and model-directed text flagged) -> casualty mentions
per sentence -> is it an incident, and which sentence reports it -> tolls (latest/highest figure
for the main incident; earlier/conflicting figures to ``uncertainties``; background events to
``other_incidents``) -> date phrase, place, perpetrators, claims, weapons -> category -> summary.
Every quote is a verbatim sentence of ``request.text``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...normalize.dates import CALENDAR_WORDS, DatePhrase, find_date_phrases, find_dateline_date, resolve_date
from ...normalize.places import Place, find_country_adjectives, find_named_venues, find_places, venue_noun
from ...schema import (
    Category,
    Draft,
    DraftBackground,
    DraftClaim,
    DraftCount,
    DraftDate,
    DraftItem,
    DraftLocation,
    DraftPerpetrator,
    Qualifier,
)
from ..base import EngineProfile, EngineResult, ExtractionRequest
from .actors import denied_groups, find_aged_suspects, find_claims, find_perpetrators, known_group_spans
from .casualties import Mention, background_cue_before, find_mentions
from .classify import EVENT_NOUN, classify, event_clause, non_incident_framing
from .summary import build_summary
from .text import Article, Sentence, segment
from .wire import ACT_CUE, act_sentence, wire_incident_score

__all__ = ["RulesEngine"]

ROLES = ("killed", "injured", "hospitalized", "missing")
_LEAD_BODY = 4
_SEPARATE = re.compile(
    r"^\s*(?:in\s+(?:a|another)\s+(?:separate|similar|different|unrelated)\b|separately\b|elsewhere\b|meanwhile\b|"
    r"in\s+another\s+(?:attack|incident)|(?:a|one)\s+(?:year|month|week)s?\s+(?:earlier|ago|before))",
    re.IGNORECASE,
)
_EVENT_NOUN_RE = re.compile(rf"\b(?:{EVENT_NOUN})s?\b", re.IGNORECASE)
_POSSESSIVE_DATE = re.compile(
    r"\b(?P<when>(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+night)?|yesterday|"
    r"today|last\s+night|(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+\d{1,2})['’]s\s+(?:[\w-]+\s+){0,3}?(?:" + EVENT_NOUN + r")s?\b",
    re.IGNORECASE,
)
_WEAPONS = re.compile(
    r"\b(?:suicide\s+vests?|explosive\s+vests?|car\s+bombs?|truck\s+bombs?|improvised\s+explosive\s+devices?|IEDs?|"
    r"roadside\s+bombs?|grenades?|rocket-propelled\s+grenades?|RPGs?|AK-47s?|M-16s?|assault\s+rifles?|rifles?|"
    r"handguns?|pistols?|shotguns?|firearms?|machine\s*guns?|knives|knife|machetes?|mortars?|rockets?|drones?|"
    r"dynamite|explosives|homemade\s+bomb|pipe\s+bombs?|landmines?|petrol\s+bombs?|molotov\s+cocktails?|"
    r"(?:van|truck|lorry|car)(?=\s+(?:into|through)\s+(?:a\s+|the\s+)?crowd))\b",
    re.IGNORECASE,
)
_TOWN = re.compile(
    r"\b(?:(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:village|town|city|community|settlement|hamlet|locality|suburb|"
    r"district|area|neighbourhood|neighborhood|municipality)\s+of\s+(?P<a>[A-ZÀ-Ý][\w'’-]+(?:[\s-][A-ZÀ-Ý][\w'’-]+){0,2})"
    r"|(?P<b>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2})\s+(?:village|town|community|settlement|locality))\b"
)


class RulesEngine:
    """Offline rules engine implementing the :class:`~summarizer.engines.base.Engine` protocol."""

    name = "rules"
    model = "rules-v5"
    server: str | None = None
    profile = EngineProfile(uses_prompt=False, self_checked=True, revises_summary=False)
    prompt = None  # reads the article directly: provenance and cache key carry no prompt

    def extract(self, request: ExtractionRequest) -> EngineResult:
        return EngineResult(draft=extract_draft(request.text, request.reference_date, request.title))


def _reference_year(text: str, published: date | None) -> int | None:
    if published is not None:
        return published.year
    found = find_dateline_date(text)
    return found.year if found else None


def _sentence_background(s: Sentence, ref_year: int | None) -> bool:
    """Is the sentence about another event as a whole (the cue stands before its event word)?"""
    if _SEPARATE.match(s.text):
        return True
    m = _EVENT_NOUN_RE.search(s.text)
    pos = m.start() if m else len(s.text)
    if background_cue_before(s.text, pos, ref_year):
        return True
    y = re.search(r"\b((?:19|20)\d\d)\b(?:\s+[\w-]+){0,3}\s+(?:" + EVENT_NOUN + r")s?\b", s.text, re.I)
    return bool(y and (ref_year is None or int(y.group(1)) < ref_year) and (not m or y.start() <= m.start()))


def extract_draft(text: str, published: date | None, title: str | None = None) -> Draft:
    art = segment(text, title)
    ref_year = _reference_year(text, published)
    usable = art.usable()
    body = art.body()
    lead_body = body[:_LEAD_BODY]
    lead = art.title_sentences + lead_body
    lead_ids = {s.index for s in lead}
    bg_sentence = {s.index: _sentence_background(s, ref_year) for s in usable}

    mentions: list[Mention] = []
    for s in usable:
        found = find_mentions(s.text, s.start, s.index, ref_year, title=s.title)
        if bg_sentence[s.index] and _SEPARATE.match(s.text):
            found = [Mention(**{**m.__dict__, "background": True}) for m in found]
        mentions.extend(found)
    by_index = {s.index: s for s in art.sentences}

    main = [m for m in mentions if not m.background and not m.subset and not m.disputed]
    disputed = [m for m in mentions if m.disputed and not m.background]
    lead_main = [m for m in main if m.sentence in lead_ids]
    lead_numeric = [m for m in lead_main if not m.weak]
    event_lead = [s for s in lead if event_clause(s.text) and not bg_sentence.get(s.index, False)]
    opening = " ".join(s.text for s in (art.title_sentences + lead_body[:1]))
    framing = non_incident_framing(opening)

    uncertainties: list[DraftItem] = []
    english = art.language == "en"
    if (lead_numeric and framing < 2) or (lead_main and event_lead) or (event_lead and framing == 0):
        is_incident = True
    elif framing == 0 and any(m.value > 0 and m.role in {"killed", "injured"} for m in lead_main):
        is_incident = True  # "MAYOR ... WAS ASSASSINATED"
    elif lead_numeric and event_lead:
        is_incident = True
    else:
        is_incident = False
    if art.upper and english:
        # wire copy without a headline: the act may be told anywhere in the report
        is_incident = wire_incident_score([s.text for s in body], is_incident) > 0
    if not english:
        first = next((s for s in usable if not s.title), usable[0] if usable else None)
        if first is not None:
            uncertainties.append(
                DraftItem(
                    text=f"The rules engine reads English only; this article appears to be in '{art.language}', "
                    "so its facts were not extracted.",
                    quote=first.text,
                )
            )
        is_incident = is_incident and bool(lead_numeric)
        return _foreign_draft(art, lead or usable[:5], usable, bg_sentence, uncertainties, is_incident)

    # the sentence that reports the main event
    event: Sentence | None = None
    killed_lead = [m for m in lead_numeric if m.role == "killed"] or lead_numeric
    if killed_lead:
        body_first = [m for m in killed_lead if not by_index[m.sentence].title]
        event = by_index[(body_first or killed_lead)[0].sentence]
    elif event_lead:
        body_event = [s for s in event_lead if not s.title]
        event = (body_event or event_lead)[0]
    elif lead_main:
        event = by_index[lead_main[0].sentence]
    elif lead_body:
        event = lead_body[0]
    if art.upper and is_incident and (event is None or not act_sentence(event.text)):
        # wire copy: the first sentence that names the act ("THE MURDER OF ...") reports it
        act = next((s for s in body if act_sentence(s.text) and not bg_sentence.get(s.index, False)), None)
        if act is not None and (event is None or not killed_lead):
            event = act

    counts: dict[str, DraftCount | None] = dict.fromkeys(ROLES)
    if is_incident:
        for role in ROLES:
            counts[role], notes = _aggregate(role, _near_event(art, main, event), by_index)
            uncertainties.extend(notes)
        inj = counts["injured"]
        if (
            counts["killed"] is None
            and inj is not None
            and inj.value == 0
            and re.search(r"\bno\s+one|\bnobody|\bno\s+casualt|\bharmed\b|\bno\s+injur", inj.as_stated, re.I)
        ):
            counts["killed"] = DraftCount(
                value=0, qualifier=Qualifier.exact, as_stated=inj.as_stated, quote=inj.quote
            )

    for m in disputed[:2]:
        uncertainties.append(
            DraftItem(
                text=f"disputed figure: {m.as_stated} {m.role} (a party's claim)",
                quote=by_index[m.sentence].text,
            )
        )
    other_incidents = _background(mentions, by_index) if english else []

    weighted = [
        (s.text, 3.0 if s.title else 2.0 if event is not None and s.index == event.index else 1.0)
        for s in lead
        if not bg_sentence.get(s.index, False)
    ]
    if art.upper and event is not None and event.index not in lead_ids:
        weighted.append((event.text, 2.0))  # wire copy: the act told further down
    classification = classify(weighted)
    category = classification.category
    subtype = classification.subtype
    if art.upper and is_incident and category in {None, Category.other}:
        # wire copy judged an incident by its act words: a violent act, named by its first act sentence
        act = next((s for s in body if act_sentence(s.text)), None)
        if act is not None:
            category = Category.violent_attack
            act_class = classify([(act.text, 1.0)])
            subtype = act_class.subtype if act_class.category is Category.violent_attack else None
    if is_incident and category is None:
        category = Category.other

    date_draft = _date(art, event, lead, bg_sentence, ref_year) if is_incident else None
    location = _location(art, event, lead, bg_sentence, usable) if is_incident else None

    facts_sentences = [(s.index, s.text, bg_sentence.get(s.index, False)) for s in usable]
    denied = denied_groups(facts_sentences)
    claims = find_claims(facts_sentences, []) if is_incident and english else []
    denied -= {c.claimant.lower() for c in claims}
    claim_canon = set()
    from .actors import _canonical

    for c in claims:
        claim_canon.add((_canonical(c.claimant) or c.claimant).lower())
    denied -= claim_canon
    event_window = [
        t for t in facts_sentences if t[0] in lead_ids or (event is not None and abs(t[0] - event.index) <= 2)
    ]
    actors = (
        find_perpetrators(
            [*event_window, *[t for t in facts_sentences if t not in event_window and _names_group(t[1])]],
            claims,
            art.upper,
            denied,
        )
        if is_incident and english
        else []
    )
    perpetrators = [
        DraftPerpetrator(name=a.name, kind=a.kind, quote=by_index[a.sentence].text) for a in actors[:6]
    ]
    responsibility = [
        DraftClaim(
            claimant=c.claimant, channel=c.channel, verified=c.verified, quote=by_index[c.sentence].text
        )
        for c in claims
    ]
    weapons = _weapons(event_window, by_index) if is_incident and english else []
    targets: list[DraftItem] = []
    if (
        is_incident
        and location is not None
        and location.venue
        and category is not None
        and category.value == "violent_attack"
    ):
        targets.append(DraftItem(text=location.venue, quote=location.quote))

    names = _names_for_case(art, location, responsibility, perpetrators)
    summary = build_summary(
        art,
        is_incident=is_incident,
        event=event,
        lead=lead if lead else usable[:3],
        killed=counts["killed"],
        injured=counts["injured"],
        claims=responsibility,
        location=location,
        subtype=subtype,
        date_as_stated=date_draft.as_stated if date_draft else None,
        names=names,
    )
    if not is_incident:
        return Draft(
            is_incident=False,
            other_incidents=other_incidents[:5],
            uncertainties=uncertainties[:5],
            summary=summary,
        )
    return Draft(
        is_incident=True,
        category=category,
        subtype=subtype,
        date=date_draft,
        location=location,
        killed=counts["killed"],
        injured=counts["injured"],
        hospitalized=counts["hospitalized"],
        missing=counts["missing"],
        perpetrators=perpetrators,
        responsibility_claims=responsibility,
        weapons=weapons,
        targets=targets,
        other_incidents=other_incidents[:5],
        uncertainties=uncertainties[:6],
        summary=summary,
    )


_WIRE_WINDOW = 0  # the event sentence alone: a wider window adds other acts' figures


def _near_event(art: Article, mentions: list[Mention], event: Sentence | None) -> list[Mention]:
    """Wire copy strings several acts together ("MEANWHILE, THREE SUBVERSIVES WERE KILLED ..."):
    its toll is read from the event sentence and the few after it, up to the next separate act."""
    if not art.upper or event is None:
        return mentions
    window = range(event.index, event.index + _WIRE_WINDOW + 1)
    stop = next(
        (s.index for s in art.sentences if event.index < s.index <= window[-1] and _SEPARATE.match(s.text)),
        None,
    )
    return [m for m in mentions if m.sentence in window and (stop is None or m.sentence < stop)]


def _names_group(text: str) -> bool:
    """A sentence that names a group or a suspect by age, looked at wherever it stands."""
    return bool(known_group_spans(text)) or bool(find_aged_suspects(text))


# --------------------------------------------------------------------------------------------------
# tolls
# --------------------------------------------------------------------------------------------------


def _aggregate(
    role: str, main: list[Mention], by_index: dict[int, Sentence]
) -> tuple[DraftCount | None, list[DraftItem]]:
    cands = [m for m in main if m.role == role]
    if not cands:
        return None, []
    numeric = [m for m in cands if not m.weak]
    notes: list[DraftItem] = []
    if not numeric:
        best = max(cands, key=lambda m: (m.value, -m.start))
        return DraftCount(
            value=best.value,
            qualifier=best.qualifier,
            as_stated=best.as_stated,
            quote=by_index[best.sentence].text,
        ), []
    # a figure the article says was replaced ("had put the toll at two") is not the toll
    pool = [m for m in numeric if not m.superseded] or numeric
    updates = [m for m in pool if m.update]
    plain = [m for m in pool if not m.increment]
    if updates:
        best = max(updates, key=lambda m: (m.value, m.start))
        hedged = [m for m in plain if m.value == best.value and m.qualifier != "exact" and not m.subset]
        if best.qualifier == "exact" and hedged:
            best = hedged[0]  # "at least 14 people were killed" ... "the toll had risen to 14"
    elif plain:
        best = max(plain, key=lambda m: (m.value, _qualifier_rank(m.qualifier), -m.start))
    else:
        return None, []
    value = best.value
    as_stated = best.as_stated
    quote = by_index[best.sentence].text
    increments = [m for m in numeric if m.increment]
    # one "two more died" updates the toll; several are a narrative that builds up a total the
    # article already gives ("they found 17 more bodies ... eight more died in the following days")
    for inc in increments if len(increments) == 1 else []:
        if inc.start <= best.start or inc.sentence == best.sentence:
            continue
        if updates or any(m.sentence == inc.sentence and not m.increment for m in numeric):
            # an explicit toll ("rose to 23") already counts the later deaths it reports
            continue
        value += inc.value
        as_stated = f"{as_stated} ... {inc.as_stated}"
        quote = f"{quote} ... {by_index[inc.sentence].text}"
    seen = {value}
    for m in numeric:
        if m.increment or m.value in seen or (m.sentence == best.sentence and m.value == best.value):
            continue
        seen.add(m.value)
        label = "earlier figure" if m.start < best.start else "other figure"
        notes.append(DraftItem(text=f"{role}: {label} {m.as_stated}", quote=by_index[m.sentence].text))
    return DraftCount(value=value, qualifier=best.qualifier, as_stated=as_stated, quote=quote), notes[:2]


def _qualifier_rank(q: Qualifier) -> int:
    return {Qualifier.at_least: 3, Qualifier.more_than: 3, Qualifier.about: 2, Qualifier.up_to: 1}.get(q, 0)


def _background(mentions: list[Mention], by_index: dict[int, Sentence]) -> list[DraftBackground]:
    out: list[DraftBackground] = []
    groups: dict[int, dict[str, Mention]] = {}
    for m in mentions:
        if not m.background or m.weak or m.subset or m.role not in {"killed", "injured"}:
            continue
        groups.setdefault(m.sentence, {}).setdefault(m.role, m)
    for index, roles in groups.items():
        s = by_index[index]
        words = re.sub(r"\s+", " ", s.text).split()
        description = " ".join(words[:28]) + (" ..." if len(words) > 28 else "")
        quote = s.text

        def dc(m: Mention | None, quote: str = quote) -> DraftCount | None:
            if m is None:
                return None
            return DraftCount(value=m.value, qualifier=m.qualifier, as_stated=m.as_stated, quote=quote)

        out.append(
            DraftBackground(
                description=description,
                killed=dc(roles.get("killed")),
                injured=dc(roles.get("injured")),
                quote=quote,
            )
        )
    return out


# --------------------------------------------------------------------------------------------------
# date
# --------------------------------------------------------------------------------------------------

_EVENT_ANCHOR = re.compile(
    r"\b(?:killed|killing|died|dead|injured|wounded|exploded|blew|went\s+off|struck|hit|erupted|broke\s+out|"
    r"collapsed|crashed|derailed|capsized|sank|overturned|plunged|attacked|stormed|raided|ambushed|opened\s+fire|"
    r"shot|stabbed|abducted|kidnapped|assassinated|murdered|clashed|torched|swept|razed|gutted|engulfed|"
    r"started|began|happened|occurred|took\s+place|drove|rammed|declared|fell\s+ill|drinking|consuming|"
    + EVENT_NOUN
    + r")\b",
    re.IGNORECASE,
)


def _date_ok(p: DatePhrase, ref_year: int | None) -> bool:
    years = re.findall(r"(?:19|20)\d\d", p.text)
    if years and ref_year is not None and int(years[0]) < ref_year - 1:
        return False
    return not re.search(r"\b(?:ago)\b", p.text, re.I)


# a date that says when a toll was updated or a statement made, not when the incident happened:
# "the death toll rose to nine on Wednesday", "the council said Friday", "police confirmed this morning"
_REPORT_BEFORE = re.compile(
    r"(?:\b(?:rose|risen|climbed|increased|jumped|reached|stood|stands|soared)\s+to\s+(?:at\s+least\s+|about\s+|"
    r"nearly\s+|more\s+than\s+)?[\w,.-]+(?:\s+(?:people|dead|deaths|victims))?"
    r"|\b(?:said|says|confirmed|reported|announced|added|told\s+(?:reporters|journalists|the\s+\w+))"
    r")\s*,?\s*$",
    re.IGNORECASE,
)


def _report_date(s: Sentence, p: DatePhrase) -> bool:
    return bool(_REPORT_BEFORE.search(s.text[max(0, p.start - 60) : p.start]))


def _pick_phrase(
    s: Sentence,
    ref_year: int | None,
    skip_before: int = -1,
    max_distance: int | None = None,
    *,
    no_report: bool = False,
) -> DatePhrase | None:
    phrases = [
        p
        for p in find_date_phrases(s.text)
        if _date_ok(p, ref_year)
        and s.start + p.start >= skip_before
        and not (no_report and _report_date(s, p))
    ]
    if not phrases:
        return None

    # the phrase nearest after an event word wins ("collapsed near Bindura on Sunday" beats
    # "rescue teams were last night battling")
    def distance(p: DatePhrase) -> int:
        best = 10_000
        anchors = list(_EVENT_ANCHOR.finditer(s.text))
        if max_distance is not None:
            anchors += list(_WIRE_ANCHOR.finditer(s.text))
        for m in anchors:
            if m.end() <= p.start:
                best = min(best, p.start - m.end())
            elif m.start() >= p.end:
                best = min(best, (m.start() - p.end) * 2 + 20)
        return best

    best = min(phrases, key=lambda p: (distance(p), p.start))
    if max_distance is not None and distance(best) > max_distance:
        return None
    return best


_WIRE_ANCHOR = re.compile(
    r"\b(?:destroyed|robbed|hurled|threw|thrown|defused|deactivated|downed|disappear\w*|dynamited|burned|set\s+fire|"
    r"machinegunned|fired|occupied|seized|hijacked|detonated|planted|kidnapp\w*|murder\w*|assassinat\w*|"
    r"massacre\w*|bomb\w*|explosi\w*|dynamite|attack\w*|shook|found)\b",
    re.IGNORECASE,
)
_WIRE_DATE_DISTANCE = 250
_INCIDENT_DATE_DISTANCE = 120  # beyond it (or with no event word in the sentence) the date is not the act's


def _date(
    art: Article, event: Sentence | None, lead: list[Sentence], bg: dict[int, bool], ref_year: int | None
) -> DraftDate | None:
    ordered: list[Sentence] = []
    if event is not None:
        ordered.append(event)
    ordered.extend(s for s in lead if s not in ordered and not s.title)
    ordered.extend(s for s in art.title_sentences if s not in ordered)
    for s in ordered:
        if bg.get(s.index, False):
            continue
        m = _POSSESSIVE_DATE.search(s.text)
        if m:
            return DraftDate(as_stated=m.group("when"), quote=s.text)
    if not art.upper:
        # a date of the incident itself first; one that only dates a toll update or a statement
        # ("the toll rose to nine on Wednesday", "officials said Friday") when there is no other
        for s in ordered:
            if bg.get(s.index, False) and s is not event:
                continue
            p = _pick_phrase(s, ref_year, art.dateline_end, _INCIDENT_DATE_DISTANCE, no_report=True)
            if p is not None:
                return DraftDate(as_stated=p.text, quote=s.text)
    for s in ordered:
        if bg.get(s.index, False) and s is not event:
            continue
        # the dateline's date is not the event's; in wire copy a date far from the act's word is
        # when it was reported ("THE PARTY TODAY DEMANDED AN INVESTIGATION OF THE MURDER")
        p = _pick_phrase(s, ref_year, art.dateline_end, _WIRE_DATE_DISTANCE if art.upper else None)
        if p is not None:
            return DraftDate(as_stated=p.text, quote=s.text)
    return None


# --------------------------------------------------------------------------------------------------
# location
# --------------------------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _places_of(text: str) -> tuple[Place, ...]:
    """The places of an article, found once for the location and the summary's names."""
    return tuple(find_places(text))


def _in(p: Place, s: Sentence) -> bool:
    return s.start <= p.start and p.end <= s.end


_CITY_LIKE_REGION = re.compile(
    r"\b(?:district|municipality|county|regency|commune|locality|town|city|village|sub-county|upazila|tehsil|"
    r"local\s+government\s+area)s?\b",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:near|outside|outskirts\s+of|from|to|north|south|east|west|km|kilometres|kilometers|miles|"
    r"capital|via|toward|towards)\s+(?:of\s+)?(?:the\s+)?)$",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|from|to|outside|toward|towards|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}?"
    r"(?:(?:city|town|village|municipality|capital|port|district|outskirts|department|province)\s+of\s+)?|,\s*)$",
    re.IGNORECASE,
)
_GENERIC_PLACE = re.compile(
    r"\b(?:in|near|at|outside|on)\s+(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ'’-]+){0,2})(?=[\s,.;])"
)
_NOT_PLACE_WORDS = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "this",
            "that",
            "police",
            "army",
            "government",
            "ministry",
            "president",
            "parliament",
            "congress",
            "court",
            "hospital",
            "university",
            "street",
            "road",
            "avenue",
            "lake",
            "river",
            "mount",
            "his",
            "her",
            "their",
            "its",
            "christmas",
            "easter",
            "ramadan",
            "eid",
            "andes",
            "sahel",
            "asia",
            "africa",
            "europe",
            "america",
            "americas",
            "himalayas",
            "alps",
            "amazon",
            "caribbean",
            "pacific",
            "atlantic",
            "mediterranean",
            "gulf",
            "middle",
            "north",
            "south",
            "east",
            "west",
            "central",
            "northern",
            "southern",
            "eastern",
            "western",
        ]
    )
    | CALENDAR_WORDS
)


def _location(
    art: Article, event: Sentence | None, lead: list[Sentence], bg: dict[int, bool], usable: list[Sentence]
) -> DraftLocation | None:
    places = list(_places_of(art.text))
    adjectives = find_country_adjectives(art.text)
    usable_ids = {s.index for s in usable}
    ordered: list[Sentence] = []
    if event is not None:
        ordered.append(event)
    ordered.extend(s for s in lead if s not in ordered and not s.title)
    ordered.extend(s for s in art.title_sentences if s not in ordered)
    ordered = [
        s for s in ordered if s.index in usable_ids and not (bg.get(s.index, False) and s is not event)
    ]
    lead_ids = {s.index for s in ordered}
    facts = [s for s in usable if not bg.get(s.index, False) or s is event]

    def first(kind: str, sentences: list[Sentence]) -> tuple[Place, Sentence] | None:
        for s in sentences:
            for p in places:
                if p.kind == kind and _in(p, s):
                    return p, s
        return None

    city_hit = _pick_city(art, places, event, lead_ids, facts)
    region_hit = first("region", ordered[:1]) or first("region", ordered)
    if (
        region_hit is not None
        and city_hit is not None
        and _fold_name(region_hit[0].name) == _fold_name(city_hit[0].name)
    ):
        region_hit = first("region", [s for s in ordered if s is not region_hit[1]])
    venue_hit = first("venue", ordered[:1]) or first("venue", ordered[1:3])
    country: str | None = None
    if city_hit is not None and city_hit[0].country and city_hit[0].population:
        country = city_hit[0].country
    if country is None:
        for s in ordered:
            named = [p for p in places if p.kind == "country" and _in(p, s)] + [
                p for p in adjectives if _in(p, s)
            ]
            if named:
                country = min(named, key=lambda p: p.start).country
                break
    if country is None and region_hit is not None and region_hit[0].country:
        country = region_hit[0].country
    if country is None and city_hit is not None and city_hit[0].country:
        country = city_hit[0].country
    if country is None:
        support: dict[str, int] = {}
        for p in places:
            if p.kind in {"country", "city"} and p.country and any(_in(p, s) for s in facts):
                support[p.country] = support.get(p.country, 0) + (2 if p.kind == "country" else 1)
        if support:
            country = max(support, key=lambda c: support[c])
    if art.upper:
        country = _wire_country(art, places + adjectives, event, ordered, city_hit) or country
    if art.upper and city_hit is not None and _dateline_only(art, city_hit[0]):
        # wire copy: the dateline says where the report was filed, not where the act happened
        city_hit = None
    if city_hit is None and region_hit is None and venue_hit is None and country is None:
        return None
    anchor = city_hit or region_hit or venue_hit
    quote_sentence = anchor[1] if anchor is not None else (event or (ordered[0] if ordered else None))
    if quote_sentence is None:
        return None
    as_stated = _as_stated(art.text, quote_sentence, [h for h in (venue_hit, city_hit, region_hit) if h])
    if not as_stated and city_hit is not None:
        as_stated = city_hit[0].text
    venue = (
        venue_hit[0].text
        if venue_hit
        and (
            venue_hit[1] is quote_sentence
            or city_hit is None
            or (not art.upper and event is not None and venue_hit[1] is event)
        )
        else None
    )
    named_venue = _named_venue(art, places, venue_hit, ordered, facts)
    if named_venue is not None:
        venue = named_venue
    return DraftLocation(
        venue=venue,
        city=city_hit[0].name if city_hit else None,
        region=region_hit[0].name if region_hit else None,
        country=country,
        as_stated=as_stated,
        quote=quote_sentence.text,
    )


# an occasion, not a place: "a crush at a New Year's Eve concert ... at Coco Beach"
_OCCASION_NOUNS = frozenset({"festival", "concert", "rally", "wedding", "funeral"})
# venues where the wounded are treated or suspects tried, not where the incident happened
_AFTERMATH_NOUNS = frozenset(
    {"hospital", "clinic", "college", "university", "academy", "court", "courthouse", "jail", "prison"}
)


def _named_venue(
    art: Article,
    places: list[Place],
    venue_hit: tuple[Place, Sentence] | None,
    ordered: list[Sentence],
    facts: list[Sentence],
) -> str | None:
    """The venue by its proper name ("the Sahal Palace Hotel", "the Velvet Room, a nightclub"):
    one named in the event sentence; else one anywhere in the facts of the same kind as the event's
    generic venue ("a crowded market" ... "the Binnenrotte market"); else, when the event names no
    venue, one named in the lead. A name that is only a city or country ("a Rotterdam market") and a
    hospital or court (where the wounded are treated, suspects tried) do not count."""
    if art.upper:
        return None
    geo = [p for p in places if p.kind in {"city", "country", "region"}]
    generic = venue_noun(venue_hit[0].text) if venue_hit is not None else None

    def usable(v: Place) -> bool:
        noun = venue_noun(v.text)
        if noun in _AFTERMATH_NOUNS and noun != generic:
            return False
        head = v.text[: v.text.lower().rfind(noun)] if noun else v.text
        head = re.sub(r"^(?:the|a|an)\s+|['’]s?\s*$|[\s,]+$", "", head.strip(), flags=re.IGNORECASE)
        covered = [p for p in geo if v.start <= p.start and p.end <= v.end]
        rest = head
        for p in covered:
            rest = rest.replace(p.text, " ")
        return bool(re.search(r"[A-Z]", rest)) or not head

    named = [v for v in find_named_venues(art.text) if usable(v)]
    if not named:
        return None
    event = ordered[0] if ordered else None
    if event is not None:
        for v in named:
            if _in(v, event):
                return v.text
    if generic is not None and generic not in _OCCASION_NOUNS:
        for v in named:
            if venue_noun(v.text) == generic and any(_in(v, s) for s in facts):
                return v.text
        # "at the Velvet Room", "the prayer hall of the Masjid-e-Noor" in the lead
        for v in named:
            if v.preposition is not None and any(_in(v, s) for s in ordered[:3]):
                return v.text
        return None
    for v in named:
        if any(_in(v, s) for s in ordered[:3]):
            return v.text
    return None


_WIRE_DATELINE = 2.0
_WIRE_ABROAD = 0.2
_WIRE_AFTER_ACT = 3.0


def _wire_country(
    art: Article,
    places: list[Place],
    event: Sentence | None,
    ordered: list[Sentence],
    city_hit: tuple[Place, Sentence] | None,
) -> str | None:
    """The country of upper-case wire copy by votes: the dateline city's country, country names and
    adjectives in the event sentence (most after the act's word: "CONDEMNED THE MURDER OF THREE
    JOURNALISTS IN EL SALVADOR"), then the lead, then the rest; a gazetteer city only adds a little
    (surnames such as "MEDINA" or "VALENCIA" are also towns)."""
    support: dict[str, float] = {}
    dl_end = max(art.dateline_end, art.dateline_span[1] if art.dateline_span else -1)
    lead_ids = {s.index for s in ordered[:3]}
    dateline_seen = False
    # "CARACAS (VENEZUELA), 7 DEC 89": a dateline that names its country is a report filed abroad
    abroad = bool(re.match(r"\s*[^,(\n]{2,40}\(\s*[^)\d]{3,30}\)\s*,", art.text))
    for p in places:
        if not p.country:
            continue
        if p.start < dl_end:
            if not dateline_seen and p.kind in {"city", "country"}:
                w = _WIRE_ABROAD if abroad else _WIRE_DATELINE
                support[p.country] = support.get(p.country, 0.0) + w
                dateline_seen = True
            continue
        if p.kind not in {"country", "adjective"} and p.kind != "region":
            continue
        home = next((s for s in ordered if _in(p, s)), None)
        w = 0.3
        if home is not None and (home is event or home.index in lead_ids):
            act = ACT_CUE.search(home.text)
            if act is not None and home.start + act.start() < p.start:
                w = _WIRE_AFTER_ACT
            elif act is not None:
                w = 0.5  # "THE NICARAGUAN GOVERNMENT CONDEMNED THE MURDER ...": the speaker's country
            else:
                w = 1.5 if home is event else 1.0
        if p.kind == "region":
            w *= 0.5
        support[p.country] = support.get(p.country, 0.0) + w
    if city_hit is not None and city_hit[0].country and city_hit[0].start >= dl_end:
        support[city_hit[0].country] = support.get(city_hit[0].country, 0.0) + 1.0
    if not support:
        return None
    return max(support, key=lambda c: support[c])


def _dateline_only(art: Article, p: Place) -> bool:
    """Is the place named only in the dateline (not again in the report's text)?"""
    dl = art.dateline_span
    if dl is None or not (dl[0] <= p.start < max(dl[1], art.dateline_end)):
        return False
    body = _fold_name(art.text[max(art.dateline_end, dl[1]) :])
    return not any(f" {_fold_name(n)} " in f" {body} " for n in {p.name, p.text} if _fold_name(n))


def _not_a_town(name: str) -> bool:
    from ...normalize.places import resolve_country

    first_word = name.split()[0].lower()
    return (
        first_word in _NOT_PLACE_WORDS
        or _fold_name(name) in _NOT_PLACE_WORDS
        or resolve_country(name) is not None
        or bool(known_group_spans(name))
    )


def _fold_name(name: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


# "in Senegal's capital", "in the capital" with no town named: the dateline's city
_CAPITAL_UNNAMED = re.compile(
    r"(?<!outskirts of )(?<!near )(?<!of )\b(?:in|at|across)\s+(?:the\s+)?(?:[A-Z][\w-]+(?:['’]s)?\s+)?capital\b(?!\s+(?:of|city\s+of)\b)"
)
_BYLINE_OR_TITLE = re.compile(
    r"(?:(?:^|\n|\s)[Bb][Yy]\s+(?:[A-Z][\w'’.-]+\s+){1,2}|\b(?:Officer|Sheriff|Commander|Chief|Governor|Mayor|"
    r"Inspector|Sergeant|Sgt\.?|Captain|Capt\.?|Major|Colonel|Col\.?|General|Gen\.?|Judge|Minister|Senator|"
    r"Bishop|Spokesman|Spokeswoman|Commissioner|Superintendent|Constable|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)$"
)
_TITLE_WORDS = frozenset(
    {
        "officer",
        "sheriff",
        "commander",
        "marshal",
        "deputy",
        "chief",
        "governor",
        "mayor",
        "inspector",
        "sergeant",
        "captain",
        "major",
        "colonel",
        "general",
        "judge",
        "minister",
        "senator",
        "bishop",
    }
)


def _pick_city(
    art: Article, places: list[Place], event: Sentence | None, lead_ids: set[int], facts: list[Sentence]
) -> tuple[Place, Sentence] | None:
    """The incident's city, town or district, by evidence across the article: mentions in the event
    sentence count most, then the lead, then the rest; "the town of X" / "X district" add weight;
    big cities used as reference points ("near Dhaka", "flown to Nairobi") and a capital's dateline
    count less."""
    scores: dict[str, float] = {}
    hits: dict[str, tuple[Place, Sentence]] = {}
    big: set[str] = set()
    dl = art.dateline_span

    def add(p: Place, s: Sentence, weight: float) -> None:
        key = _fold_name(p.name)
        if not key or key in _NOT_PLACE_WORDS:
            return
        if dl is not None and p.start == dl[0]:
            weight = 1.5
            if (
                event is not None
                and _CAPITAL_UNNAMED.search(event.text)
                and not any(q.kind == "city" and _in(q, event) and q.start != dl[0] for q in places)
            ):
                weight = 4.0  # "... in Senegal's capital on Thursday" under a DAKAR dateline
        else:
            before = art.text[max(s.start, p.start - 30) : p.start]
            if _REFERENCE_BEFORE.search(before) and p.population >= 500_000:
                weight *= 0.3
        scores[key] = scores.get(key, 0.0) + weight
        if (
            key not in hits
            or (hits[key][0].population == 0 and p.population)
            or (dl is not None and hits[key][0].start == dl[0] and p.start != dl[0])
        ):
            hits[key] = (p, s)
        if p.population >= 1_000_000:
            big.add(key)

    def weight_of(s: Sentence) -> float:
        if event is not None and s.index == event.index:
            return 3.0
        return 2.0 if s.index in lead_ids else 1.0

    fact_ids = {s.index for s in facts}
    for s in facts:
        w = weight_of(s)
        for p in places:
            if not _in(p, s) or art.text[max(0, p.start - 1) : p.start] == "(":
                continue  # "(Meridian)": an agency in a dateline, not a place
            if p.kind == "city":
                if (
                    art.upper
                    and not (dl is not None and p.start == dl[0])
                    and not _LOCATIVE_BEFORE.search(art.text[max(s.start, p.start - 40) : p.start])
                ):
                    continue  # upper case: "JAIME VALENCIA" is a surname; "IN VALENCIA" a place
                if _BYLINE_OR_TITLE.search(art.text[max(s.start, p.start - 40) : p.start]) or (
                    _fold_name(p.text) in _TITLE_WORDS
                    and re.match(r"\s+[A-Z][a-z]", art.text[p.end : p.end + 3])
                ):
                    continue  # "By TOM BRADLEY", "Chief Fire Officer Martin ...": a person, not a town
                nxt = art.text[p.end : p.end + 14]
                if re.match(r"\s+(?:district|neighbou?rhood|area|locality)\s+of\b", nxt, re.I):
                    pass  # "the central Athens district of Kolonaki": Athens is the city
                add(p, s, w)
            elif p.kind == "region" and _CITY_LIKE_REGION.search(p.text):
                add(Place("city", p.name, p.start, p.end, p.text, p.country, p.alpha2), s, w * 0.7)
        for m in _TOWN.finditer(s.text):
            name = m.group("a") or m.group("b")
            if not name:
                continue
            before = s.text[max(0, m.start() - 30) : m.start()]
            if re.search(
                r"\b[A-Z][\w'’-]+\s+(?:district|neighbou?rhood|area)\s+of\s*$",
                s.text[: m.start("a") if m.group("a") else 0],
            ):
                continue
            del before
            if _not_a_town(name):
                continue
            start = s.start + (m.start("a") if m.group("a") else m.start("b"))
            add(Place("city", name, start, start + len(name), name), s, w + 0.5)
        if not art.upper and (event is not None and s.index == event.index):
            for m in _GENERIC_PLACE.finditer(s.text):
                name = m.group("name")
                if name.split()[0].lower() in _NOT_PLACE_WORDS or _fold_name(name) in scores:
                    continue
                if any(
                    p.kind in {"country", "region"} and p.text.startswith(name)
                    for p in places
                    if p.start == s.start + m.start("name")
                ):
                    continue
                if _not_a_town(name) or re.match(r"['’]s\b", s.text[m.end("name") :]):
                    continue
                start = s.start + m.start("name")
                add(Place("city", name, start, start + len(name), name), s, 1.0)
    if dl is not None and art.dateline_place and not any(hits[k][0].start == dl[0] for k in hits):
        name = art.dateline_place.title() if art.dateline_place.isupper() else art.dateline_place
        if not re.search(r"\b(?:desk|news|staff|reporter|agency|clandestine)\b", name, re.I) and (
            not art.upper or any(p.kind == "city" and p.start == dl[0] for p in places)
        ):
            ds = next((s for s in art.sentences if s.start <= dl[0] < s.end), None)
            if ds is not None and ds.index in fact_ids | {ds.index}:
                add(Place("city", name, dl[0], dl[1], art.text[dl[0] : dl[1]]), ds, 1.5)
    if not scores:
        return None
    for key in big:
        if len(scores) > 1 and any(v >= 2.0 for k, v in scores.items() if k != key):
            scores[key] -= 1.5
    best = max(scores, key=lambda k: (scores[k], -hits[k][0].start))
    p, s = hits[best]
    if p.population and not art.upper:
        # the name as the article writes it ("Megara", not the gazetteer's "Mégara")
        written = re.sub(r"['’]s$", "", p.text)
        if _fold_name(written) == _fold_name(p.name) and not written.isupper():
            p = Place(
                p.kind, written, p.start, p.end, p.text, p.country, p.alpha2, p.population, p.preposition
            )
    elif not p.population and p.text.isupper():
        p = Place(
            p.kind, p.name.title(), p.start, p.end, p.text, p.country, p.alpha2, p.population, p.preposition
        )
    elif p.text.isupper() and _fold_name(p.text) != _fold_name(p.name):
        # "SAN LUIS" read as the gazetteer's "São Luís": keep the name as the article writes it
        written = re.sub(r"\s+", " ", p.text).title()
        p = Place(p.kind, written, p.start, p.end, p.text, p.country, p.alpha2, p.population, p.preposition)
    return p, s


def _town(sentences: list[Sentence]) -> tuple[Place, Sentence] | None:
    for s in sentences:
        for m in _TOWN.finditer(s.text):
            name = m.group("a") or m.group("b")
            if not name or name.lower() in {"the", "this", "that"} or (name.isupper() and len(name) <= 3):
                continue
            start = s.start + (m.start("a") if m.group("a") else m.start("b"))
            return Place("city", name, start, start + len(name), name), s
    return None


def _as_stated(text: str, s: Sentence, hits: list[tuple[Place, Sentence]]) -> str:
    spans = [(p.start, p.end, p) for p, hs in hits if hs is s]
    if not spans:
        return ""
    a = min(x[0] for x in spans)
    b = max(x[1] for x in spans)
    # keep a preposition such as "near" or "on the outskirts of"
    before = text[max(s.start, a - 40) : a]
    prep = re.search(
        r"(?:\b(?:on|in)\s+the\s+outskirts\s+of|\boutskirts\s+of|\bnear|\boutside|\binside|\bat|\bin|"
        r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?$",
        before,
        re.IGNORECASE,
    )
    if prep:
        a = a - len(before) + prep.start()
    if b - a > 160:
        p0 = spans[0]
        return re.sub(r"\s+", " ", text[p0[0] : p0[1]])
    return re.sub(r"\s+", " ", text[a:b]).strip()


# --------------------------------------------------------------------------------------------------
# weapons, names
# --------------------------------------------------------------------------------------------------


def _weapons(window: list[tuple[int, str, bool]], by_index: dict[int, Sentence]) -> list[DraftItem]:
    out: list[DraftItem] = []
    seen: set[str] = set()
    for index, text, background in window:
        if background:
            continue
        for m in _WEAPONS.finditer(text):
            key = m.group(0).lower().rstrip("s")
            if key in seen:
                continue
            seen.add(key)
            out.append(DraftItem(text=m.group(0), quote=by_index[index].text))
    return out[:4]


def _names_for_case(
    art: Article, location: DraftLocation | None, claims: list[DraftClaim], perps: list[DraftPerpetrator]
) -> list[str]:
    if not art.upper:
        return []
    names: list[str] = []
    if location is not None:
        names += [x for x in (location.city, location.region, location.country) if x]
    names += [c.claimant for c in claims]
    names += [p.name for p in perps if p.kind == "group"]
    for p in _places_of(art.text):
        if p.kind in {"city", "country", "region"}:
            names.append(p.name)
            if p.text.title() != p.name:
                names.append(p.text.title())
    for s in art.sentences[:8]:
        for _, _, raw in known_group_spans(s.text):
            names.append(raw.upper() if len(raw) <= 6 else raw.title())
    return names


def resolve_preview(draft: Draft, published: date | None) -> date | None:
    """The resolved incident date (used by tests and the benchmark)."""
    if draft.date is None:
        return None
    return resolve_date(draft.date.as_stated, draft.date.quote, published).iso


_QUALIFIER_EN = {
    Qualifier.exact: "",
    Qualifier.at_least: "at least ",
    Qualifier.more_than: "more than ",
    Qualifier.about: "about ",
    Qualifier.up_to: "up to ",
}


def _foreign_draft(
    art: Article,
    lead: list[Sentence],
    usable: list[Sentence],
    bg: dict[int, bool],
    uncertainties: list[DraftItem],
    english_says_incident: bool,
) -> Draft:
    """Spanish or French: only the toll, category and place, read with a small lexicon."""
    from .foreign import foreign_category, foreign_counts

    counts: dict[str, DraftCount] = {}
    for s in lead:
        for c in foreign_counts(s.text, art.language):
            if c.role not in counts or c.value > counts[c.role].value:
                counts[c.role] = DraftCount(
                    value=c.value, qualifier=c.qualifier, as_stated=c.as_stated, quote=s.text
                )
    is_incident = english_says_incident or "killed" in counts or "injured" in counts
    lead_text = " ".join(s.text for s in lead)
    category, subtype = foreign_category(lead_text, art.language)
    if not is_incident:
        first = next((s for s in lead if not s.title), lead[0] if lead else None)
        return Draft(
            is_incident=False,
            uncertainties=uncertainties,
            summary=first.text.strip() if first is not None else "",
        )
    event = next(
        (s for s in lead if any(c.quote == s.text for c in counts.values())), lead[0] if lead else None
    )
    location = _location(art, event, lead, bg, usable)
    parts = []
    for role in ("killed", "injured"):
        dc = counts.get(role)
        if dc is None:
            continue
        from .foreign import written_number

        shown = written_number(dc.as_stated, art.language)
        label = "people were killed" if role == "killed" else "injured"
        if (
            shown is None
            or not re.search(rf"\b{re.escape(shown)}\s", dc.as_stated + " ")
            or "aine" in dc.as_stated
        ):
            parts.append(f"{dc.as_stated} ({role})")  # "une dizaine de blessés": keep the article's words
        else:
            parts.append(f"{_QUALIFIER_EN[dc.qualifier]}{shown} {label}")
    place = ""
    if location is not None:
        place = " in " + ", ".join(dict.fromkeys(x for x in (location.city, location.country) if x))
    what = subtype or "incident"
    article = "" if re.search(r"[^s]s$", what) else ("an " if what[0] in "aeiou" else "a ")
    summary = (" and ".join(parts) or "An incident was reported") + f" in {article}{what}{place}."
    summary = summary[:1].upper() + summary[1:]
    summary += " The article is not in English; the figures were read with a small lexicon and need checking."
    return Draft(
        is_incident=True,
        category=category or Category.other,
        subtype=subtype,
        location=location,
        killed=counts.get("killed"),
        injured=counts.get("injured"),
        missing=counts.get("missing"),
        uncertainties=uncertainties,
        summary=summary,
    )
