"""A short neutral summary built from the article's own sentences and the extracted facts.

Sentence 1 is the article's event sentence when it is short enough and carries the main figures
(else a sentence assembled from the facts, numbers exactly as the article writes them); then the
toll update or injured figure when sentence 1 lacks it, then the claim ("X claimed responsibility
..., according to ..."), always attributed. Upper-case newswire is put in sentence case. Every
sentence is run through :func:`summarizer.neutrality.clean_summary`.
"""

from __future__ import annotations

import re

from ...neutrality import clean_summary
from ...schema import DraftClaim, DraftCount, DraftLocation, DraftPerpetrator
from .actors import known_group_spans
from .context import Context
from .text import Article, Sentence, strip_muc_tags

MAX_WORDS = 90
_DATELINE_PREFIX = re.compile(
    r"^\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:\s*\([^)]{1,30}\))?"
    r"(?:\s*,\s*[^,—–\n]{1,40}?){0,3}\s*(?:\([^)]{1,60}\))?\s*(?:--|—|–|-|:)\s+"
)


def _clean_sentence(s: Sentence, art: Article) -> str:
    text = s.text
    if art.dateline_span is not None and s.start <= art.dateline_span[0] < s.end:
        m = _DATELINE_PREFIX.match(text)
        if m:
            text = text[m.end() :]
    text = strip_muc_tags(text)
    text = re.sub(r"\s+", " ", text).strip()
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text


def sentence_case(text: str, keep: list[str]) -> str:
    """Upper-case newswire to sentence case, keeping names found by the gazetteer/group lists."""
    low = text.lower()
    # longest first; of two spellings of one name ("FARABUNDO MARTI ..." and "Farabundo Marti ..."),
    # the mixed-case one, so the result does not depend on set order
    for name in sorted({k for k in keep if k}, key=lambda k: (-len(k), k.isupper(), k)):
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
) -> str:
    parts: list[str] = []
    candidates = [s for s in lead if not s.title]
    if not is_incident:
        for s in candidates[:3]:
            text = _clean_sentence(s, art)
            if not text or '"' in text or "“" in text:
                continue
            if parts and _words(" ".join(parts)) + _words(text) > MAX_WORDS:
                break
            parts.append(text)
            if len(parts) == 2:
                break
        if not parts and candidates:
            parts.append(_trim(_clean_sentence(candidates[0], art)))
        return _finish(parts, art, names)

    first = _clean_sentence(event, art) if event is not None else ""
    covered = first.lower()
    if (
        not first
        or _words(first) > 48
        or ('"' in first or "“" in first)
        or (
            killed is not None and killed.value > 0 and _number_token(killed.as_stated).lower() not in covered
        )
    ):
        first = _template(killed, injured, location, subtype, date_as_stated)
        covered = first.lower()
    city = (location.city or "") if location is not None else ""
    if city and city.lower() not in covered:
        # the sentence that sets the scene ("... stormed a hotel in Mogadishu") goes first
        for s in candidates[:3]:
            if event is not None and s.index == event.index:
                continue
            text = _clean_sentence(s, art)
            if city.lower() in text.lower() and _words(text) <= 45 and '"' not in text and "“" not in text:
                if _words(text) + _words(first) <= MAX_WORDS:
                    parts.append(text)
                    covered += " " + text.lower()
                break
    parts.append(first)
    if location is not None and (art.upper or location.city):
        # wire copy often names the place only in its dateline or a later sentence; a lead that
        # says only "Senegal's capital" or "the city" leaves the reader without the town's name
        bits = [b for b in dict.fromkeys((location.city, location.country)) if b]
        named = bits if art.upper else bits[:1]
        if bits and not any(b.lower() in " ".join(parts).lower() for b in named):
            where = f"Location: {', '.join(bits)}."
            if _words(" ".join([*parts, where])) <= MAX_WORDS:
                parts.append(where)
    extra: list[str] = []
    if killed is not None and killed.value > 0 and _number_token(killed.as_stated).lower() not in covered:
        extra.append(_cap(count_phrase(killed, "killed")) + ".")
    if injured is not None and _number_token(injured.as_stated).lower() not in covered and injured.value > 0:
        extra.append(_cap(count_phrase(injured, "injured")) + ".")
    elif injured is not None and injured.value == 0 and not re.search(r"\bno\b|\bnobody\b", covered):
        extra.append("No one was injured.")
    for c in claims[:1]:
        channel = (
            f" in a {c.channel}"
            if c.channel and not c.channel.startswith(("Telegram", "X ", "Facebook"))
            else (f" on {c.channel}" if c.channel else "")
        )
        if c.claimant.lower() not in covered:
            tail = ", a claim that could not be independently verified" if c.verified is False else ""
            extra.append(f"{c.claimant} claimed responsibility{channel}{tail}.")
    for e in extra:
        if _words(" ".join([*parts, e])) <= MAX_WORDS and len(parts) < 4:
            parts.append(e)
    if len(parts) < 2:
        for s in candidates:
            if event is not None and s.index <= event.index:
                continue
            text = _clean_sentence(s, art)
            if not text or '"' in text or "“" in text or _words(text) > 40:
                continue
            if _words(" ".join([*parts, text])) <= MAX_WORDS:
                parts.append(text)
            break
    return _finish(parts, art, names)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


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
    if date_as_stated:
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
        return _cap(" and ".join(counts)) + f" in {article} {what}{place}{when}.".replace("in  ", "in ")
    return _cap(f"{article} {what} was reported{place}{when}.".strip())


def _trim(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    cut = " ".join(words[:MAX_WORDS])
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
    """Names whose capitals an upper-case wire report's summary keeps (places, groups); none for
    ordinary copy, which keeps the article's own case."""
    if not ctx.wire:
        return []
    names: list[str] = []
    if location is not None:
        names += [x for x in (location.city, location.region, location.country) if x]
    names += [c.claimant for c in claims]
    names += [p.name for p in perps if p.kind == "group"]
    for p in ctx.places:
        if p.kind in {"city", "country", "region"}:
            names.append(p.name)
            if p.text.title() != p.name:
                names.append(p.text.title())
    for s in ctx.article.sentences[:8]:
        for _, _, raw in known_group_spans(s.text):
            names.append(raw.upper() if len(raw) <= 6 else raw.title())
    return names
