"""A short neutral summary built from the article's own sentences and the extracted facts.

Sentence 1 is the article's event sentence when it is short enough and carries the main figures
(else a sentence assembled from the facts, numbers exactly as the article writes them); then the
toll update or injured figure when sentence 1 lacks it, then the claim ("X claimed responsibility
..., according to ..."), always attributed. Upper-case newswire is put in sentence case. Every
sentence is run through :func:`summarizer.neutrality.clean_summary`.
"""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...neutrality import clean_summary
from ...normalize.dates import DAYS_AFTER
from ...schema import DraftClaim, DraftCount, DraftLocation, DraftPerpetrator
from .actors import known_group_spans
from .context import Context
from .text import Article, Sentence, strip_muc_tags

MAX_WORDS = 90
_DATELINE_PREFIX = lazy_compile(
    r"^\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:\s*\([^)]{1,30}\))?"
    r"(?:\s*,\s*[^,—–\n]{1,40}?){0,3}\s*(?:\([^)]{1,60}\))?\s*(?:--|—|–|-|:)\s+"
)


# a live blog's time stamp or an update note before the text: "11:58 GMT – ", "[Update 12:22 a.m. ET]",
# "UPDATE 7:33 p.m.: ", "Updated at 1:50 p.m.: "
_TIME_STAMP = lazy_compile(
    r"^\s*(?:\[\s*)?(?:(?:last\s+)?updated?\s*(?:at\s+)?)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*"
    r"(?:[A-Z]{2,4}\b)?\s*(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?)\s*(?:\]|:|–|—|-{1,2})\s*",
    re.IGNORECASE,
)


def _clean_sentence(s: Sentence, art: Article) -> str:
    text = s.text
    if art.dateline_span is not None and s.start <= art.dateline_span[0] < s.end:
        m = _DATELINE_PREFIX.match(text)
        if m:
            text = text[m.end() :]
    stamp = _TIME_STAMP.match(text)
    if stamp and stamp.end() < len(text):
        text = text[stamp.end() :]
        text = text[:1].upper() + text[1:]
    text = strip_muc_tags(text)
    text = re.sub(r"\s+", " ", text).strip()
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text


def sentence_case(text: str, keep: list[str]) -> str:
    """Upper-case newswire to sentence case, keeping names found by the gazetteer/group lists."""
    low = text.lower()
    # longest first; of two spellings of one name the mixed-case one ("Farabundo Marti ..." over
    # "FARABUNDO MARTI ..."), then the one ``keep`` lists first ("St. John's", the gazetteer's,
    # over "St. John'S", a title-cased variant): no dependence on set order
    first = {k: i for i, k in reversed(list(enumerate(keep))) if k}
    for name in sorted(first, key=lambda k: (-len(k), k.isupper(), first[k])):
        low = re.sub(re.escape(name.lower()), name, low)
    low = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)
    return low


def _words(text: str) -> int:
    return len(text.split())


def _number_token(as_stated: str) -> str:
    m = re.search(r"\d[\d,]*|\b[A-Za-z-]+\b", as_stated)
    return m.group(0) if m else as_stated


def count_phrase(c: DraftCount, role: str) -> str:
    """ "at least 12 worshippers" + "killed" -> "at least 12 worshippers were killed"."""
    phrase = c.as_stated.split(" ... ")[-1] if " ... " in c.as_stated else c.as_stated
    phrase = re.sub(r"\s+(?:were|was|have|has|had|are|is)$", "", phrase.strip())
    verb = {
        "killed": "killed",
        "injured": "injured",
        "hospitalized": "taken to hospital",
        "missing": "missing",
    }[role]
    if re.search(r"\b(?:dead|deaths?|bodies|injuries|fatalities|casualties)\b", phrase, re.I):
        return phrase
    if c.value == 0:
        return {"killed": "no one was killed", "injured": "no one was injured"}.get(role, "")
    aux = "was" if c.value == 1 and not re.search(r"\b(?:people|others|persons)\b", phrase, re.I) else "were"
    return f"{phrase} {aux} {verb}"


def build_summary(
    art: Article,
    *,
    is_incident: bool,
    event: Sentence | None,
    lead: list[Sentence],
    killed: DraftCount | None,
    injured: DraftCount | None,
    claims: list[DraftClaim],
    location: DraftLocation | None,
    subtype: str | None,
    date_as_stated: str | None,
    names: list[str],
    denials: list[str] | None = None,
) -> str:
    """A neutral summary of at most :data:`MAX_WORDS` words: for an incident, the event sentence
    (or a template when it is long, quoted or misses the toll), the scene-setting sentence when
    the event sentence lacks the city, the place, the toll and the claim if not yet said, and a
    follow-up sentence when that is all; else the lead's first sentences."""
    candidates = [s for s in lead if not s.title]
    if not is_incident:
        return _finish(_background_parts(art, candidates), art, names)
    first = _clean_sentence(event, art) if event is not None else ""
    if not _usable_opening(first, killed):
        first = _template(killed, injured, location, subtype, date_as_stated)
    covered = first.lower()
    parts: list[str] = []
    city = (location.city or "") if location is not None else ""
    if city and city.lower() not in covered:
        scene = _scene_sentence(art, candidates, event, city, first)
        if scene is not None:
            parts.append(scene)
            covered += " " + scene.lower()
    parts.append(first)
    where = _where_line(art, location, parts)
    if where is not None:
        parts.append(where)
    for e in _extras(killed, injured, claims, covered, denials or []):
        if _words(" ".join([*parts, e])) <= MAX_WORDS and len(parts) < 4:
            parts.append(e)
    if len(parts) < 2:
        follow = _follow_up(art, candidates, event, parts)
        if follow is not None:
            parts.append(follow)
    return _finish(parts, art, names)


def _quoted(text: str) -> bool:
    return '"' in text or "“" in text


def _background_parts(art: Article, candidates: list[Sentence]) -> list[str]:
    """Not an incident: the lead's first (up to two) unquoted sentences."""
    parts: list[str] = []
    for s in candidates[:3]:
        text = _clean_sentence(s, art)
        if not text or _quoted(text):
            continue
        if parts and _words(" ".join(parts)) + _words(text) > MAX_WORDS:
            break
        parts.append(text)
        if len(parts) == 2:
            break
    if not parts and candidates:
        parts.append(_trim(_clean_sentence(candidates[0], art)))
    return parts


def _usable_opening(first: str, killed: DraftCount | None) -> bool:
    """Can the event sentence open the summary (short, unquoted, and giving the toll)?"""
    if not first or _words(first) > 48 or _quoted(first):
        return False
    return not (
        killed is not None
        and killed.value > 0
        and _number_token(killed.as_stated).lower() not in first.lower()
    )


def _scene_sentence(
    art: Article, candidates: list[Sentence], event: Sentence | None, city: str, first: str
) -> str | None:
    """The sentence that sets the scene ("... stormed a hotel in Mogadishu"), to go first."""
    for s in candidates[:3]:
        if event is not None and s.index == event.index:
            continue
        text = _clean_sentence(s, art)
        if city.lower() in text.lower() and _words(text) <= 45 and not _quoted(text):
            return text if _words(text) + _words(first) <= MAX_WORDS else None
    return None


def _where_line(art: Article, location: DraftLocation | None, parts: list[str]) -> str | None:
    """Wire copy often names the place only in its dateline or a later sentence; a lead that says
    only "Senegal's capital" or "the city" leaves the reader without the town's name."""
    if location is None or not (art.upper or location.city):
        return None
    # a US town with its state ("Lancaster, Pennsylvania"), any other with its country
    wider = location.region if location.country == "United States" and location.region else location.country
    bits = [b for b in dict.fromkeys((location.city, wider)) if b]
    # wire copy names the country in its dateline; other copy, upper-case or not, names the town
    named = bits if art.upper and art.wire else bits[:1]
    if not bits or any(b.lower() in " ".join(parts).lower() for b in named):
        return None
    where = f"It happened in {', '.join(bits)}."
    return where if _words(" ".join([*parts, where])) <= MAX_WORDS else None


def _extras(
    killed: DraftCount | None,
    injured: DraftCount | None,
    claims: list[DraftClaim],
    covered: str,
    denials: list[str],
) -> list[str]:
    """The toll, the first claim and a denial, when the summary does not say them yet: a claim
    stays a claim, and a group's denial goes with it."""
    extra: list[str] = []
    if killed is not None and killed.value > 0 and _number_token(killed.as_stated).lower() not in covered:
        extra.append(_cap(count_phrase(killed, "killed")) + ".")
    if injured is not None and _number_token(injured.as_stated).lower() not in covered and injured.value > 0:
        extra.append(_cap(count_phrase(injured, "injured")) + ".")
    elif injured is not None and injured.value == 0 and not re.search(r"\bno\b|\bnobody\b", covered):
        extra.append("No one was injured.")
    for c in claims[:1]:
        channel = _channel_phrase(c.channel)
        if c.claimant.lower() not in covered:
            tail = ", a claim that could not be independently verified" if c.verified is False else ""
            extra.append(f"{_cap(c.claimant)} claimed responsibility{channel}{tail}.")
    for name in denials[:1]:
        if name.lower() not in covered and not any(name.lower() == c.claimant.lower() for c in claims):
            extra.append(f"{_cap(name)} denied any involvement.")
    return extra


def _channel_phrase(channel: str | None) -> str:
    """How a claim was made, as an English phrase: "in a statement on Telegram", "through the Amaq
    news agency", "in a video released by its media arm", "on a website"."""
    if not channel:
        return ""
    medium, _, platform = channel.partition(" on ")
    if not platform and medium in {"statement", "video", "audio message", "phone call", "leaflet"}:
        return f" in a {medium}"
    if not platform:
        medium, platform = "", channel
    where = {
        "Amaq news agency": "through the Amaq news agency",
        "website": "on a website",
        "radio": "on the radio",
        "media arm": "released by its media arm",
        "social media": "on social media",
        "SITE Intelligence Group": "reported by the SITE Intelligence Group",
    }.get(platform, f"on {platform}")
    if medium:
        return f" in a {medium} {where}"
    return f" {where}" if where.startswith(("through", "on", "reported")) else f" in a statement {where}"


def _follow_up(
    art: Article, candidates: list[Sentence], event: Sentence | None, parts: list[str]
) -> str | None:
    """The first short unquoted sentence after the event, when it fits."""
    for s in candidates:
        if event is not None and s.index <= event.index:
            continue
        text = _clean_sentence(s, art)
        if not text or _quoted(text) or _words(text) > 40:
            continue
        return text if _words(" ".join([*parts, text])) <= MAX_WORDS else None
    return None


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# words that open a count phrase and are capitalised only because the article's sentence began with them
_PHRASE_OPENERS = lazy_compile(
    r"(?:up|at|more|about|around|nearly|almost|some|several|dozens|hundreds|thousands|scores|many|few|no|"
    r"a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|over|only|all|both|another|other|others|among|"
    r"approximately|roughly|fewer|less|least|most|his|her|their|its|two-thirds|half)\b",
    re.IGNORECASE,
)


def _uncap(s: str) -> str:
    """A count phrase inside a sentence: "Up to 200 people" -> "up to 200 people" (names keep
    their capitals: "Police officers" is left alone only when it is a name)."""
    return s[:1].lower() + s[1:] if _PHRASE_OPENERS.match(s) else s


_DISTANCE = lazy_compile(DAYS_AFTER + r"\s*$", re.IGNORECASE)


def _template(
    killed: DraftCount | None,
    injured: DraftCount | None,
    location: DraftLocation | None,
    subtype: str | None,
    date_as_stated: str | None,
) -> str:
    what = subtype or "incident"
    article = "" if re.search(r"[^s]s$", what) else ("an" if what[:1].lower() in "aeiou" else "a")
    place = ""
    if location is not None:
        bits = [b for b in (location.city, location.region, location.country) if b]
        if bits:
            place = " in " + ", ".join(dict.fromkeys(bits))
    when = ""
    # a later step's date with the act's distance ("Dec. 22, a day after") reads as the wrong day in
    # "on ...": the template leaves it out
    if date_as_stated and not _DISTANCE.search(date_as_stated):
        d = date_as_stated.strip()
        when = " " + (
            d
            if re.match(r"(?i)(?:on|in|during|late|early|last|yester|today|this|overnight)", d)
            else f"on {d}"
        )
        if "," in place:
            when = "," + when
    counts = []
    if killed is not None and killed.value > 0:
        counts.append(count_phrase(killed, "killed"))
    if injured is not None and injured.value > 0:
        counts.append(count_phrase(injured, "injured"))
    if counts:
        counts = [counts[0], *(_uncap(c) for c in counts[1:])]  # "Two were killed and up to 200 ..."
        return _cap(" and ".join(counts)) + f" in {article} {what}{place}{when}.".replace("in  ", "in ")
    return _cap(f"{article} {what} was reported{place}{when}.".strip())


def _trim(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    cut = " ".join(words[:MAX_WORDS])
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end > len(cut) // 2:
        return cut[: end + 1]  # whole sentences: never "... The Pakistani Taliban"
    comma = cut.rfind(",")
    if comma > len(cut) // 2:
        cut = cut[:comma]
    return cut.rstrip(",;: ") + "."


def _finish(parts: list[str], art: Article, names: list[str]) -> str:
    text = " ".join(p for p in parts if p)
    if art.upper:
        text = sentence_case(text, names)
    text = clean_summary(text)
    return _trim(re.sub(r"\s+", " ", text).strip())


def case_names(
    ctx: Context, location: DraftLocation | None, claims: list[DraftClaim], perps: list[DraftPerpetrator]
) -> list[str]:
    """Names whose capitals an upper-case report's summary keeps (places, groups); none for
    mixed-case copy, which keeps the article's own case."""
    if not ctx.article.upper:
        return []
    names: list[str] = []
    if location is not None:
        names += [x for x in (location.city, location.region, location.country) if x]
    names += [c.claimant for c in claims]
    names += [p.name for p in perps if p.kind == "group"]
    for p in ctx.places:
        if p.kind in {"city", "country", "region"}:
            names.append(p.name)
            titled = re.sub(r"(?<=['’])S\b", "s", p.text.title())  # "Senegal's", not "Senegal'S"
            if titled != p.name:
                names.append(titled)
    for s in ctx.article.sentences[:8]:
        for _, _, raw in known_group_spans(s.text):
            names.append(raw.upper() if len(raw) <= 6 else raw.title())
    return names
