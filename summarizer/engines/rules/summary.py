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
from ...normalize.places.lexicon import DEMONYMS
from ...schema import DraftClaim, DraftCount, DraftLocation, DraftPerpetrator, DraftVictim
from .actors import known_group_spans
from .classify import EVENT_NOUN
from .context import Context
from .text import (
    Article,
    Sentence,
    common_english_words,
    frequent_english_words,
    known_english_words,
    strip_muc_tags,
)

MAX_WORDS = 90
_DATELINE_PREFIX = lazy_compile(
    r"^\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:\s*\([^)]{1,30}\))?"
    r"(?:\s*,\s*[^,—–\n]{1,40}?){0,3}\s*(?:\([^)]{1,60}\))?\s*(?:--|—|–|-|:)\s+"
)


# a live blog's time stamp or an update note before the text: "11:58 GMT – ", "[Update 12:22 a.m. ET]",
# "UPDATE 7:33 p.m.: ", "Updated at 1:50 p.m.: "
_TIME_STAMP = lazy_compile(
    r"^\s*(?:\[\s*)?(?:(?:last\s+)?updated?\s*(?:at\s+|@\s*|\(\s*)?)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*"
    r"(?:[A-Z]{2,4}\b)?\s*(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?)\s*\)?\s*(?:\]|:|–|—|-{1,2})\s*",
    re.IGNORECASE,
)


# a dateline or an outlet's tag the article's layout left on its first sentence, in mixed-case copy:
# "(CNN) - ", "GARLAND (KXYZ.COM) – ", "Associated Press MEMPHIS, Tenn. (AP) - ", "HOUSTON ??? " (a
# dash the page's encoding lost), or after a headline run into the text ("Man held after shooting
# DAYTON, Ohio -- "); the rest must read as a sentence (a capital, six words)
_OUTLET_PREFIX = lazy_compile(
    r"^(?:"
    # only capitalised words, upper-case words and brackets before the dash
    r"(?!(?:The|A|An|This|That|These|Those)\b)(?:(?:[A-Z][\w.&'’]*|\([^)]{1,40}\)|[|,:…]|\.{3})\s*){1,14}?"
    r"(?<=[A-Za-z.)…])"
    r"|"
    # anything (a headline) before an upper-case place, its state and an outlet tag
    r".{0,120}?\b(?:[A-Z]{3,}(?:\s+[A-Z]{2,})*\.?(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s+[A-Z][A-Za-z.]{1,12})?"
    r"(?:\s*\([^)]{1,40}\))?|\s*\([^)]{1,40}\))|[A-Z]{5,}(?:\s+[A-Z]{2,})*)"
    r"),?(?:\s+|(?<=[.)…,]))(?:--|—|–|-|\?{2,}|>>)\s*(?=[A-Z\"“][^\n]*?(?:\s+\S+){5})"
)
_CAPS_TOKEN = lazy_compile(r"(?<![\w(])[A-Z]{2,}\b|\([^)]{1,40}\)|\?{2,}")


def _strip_outlet(text: str) -> str:
    """ "(CNN) - A man was shot ..." -> "A man was shot ..." (see :data:`_OUTLET_PREFIX`)."""
    m = _OUTLET_PREFIX.match(text)
    if m is None or not _CAPS_TOKEN.search(text[: m.end()]):
        return text
    return text[m.end() :]


def _lost_characters(text: str) -> str:
    """Characters a page's encoding turned into runs of question marks: an apostrophe ("the dog???s
    owner"), a dash between spaced words, else a space ("a pizza shop worker????Monday night")."""
    text = re.sub(r"(?<=[A-Za-z])\?{2,}(?=[st]\b)", "’", text)
    text = re.sub(r"(?<=\w) \?{2,} (?=\w)", " – ", text)
    return re.sub(r"\s*\?{2,}(?=\s*[^\s?])\s*", " ", text)


# a page's copyright line run on after the last sentence of the story
_COPYRIGHT_TAIL = lazy_compile(r"(?<=[.!?\"”’])\s+(?:©|\(c\)\s|copyright\b).*$", re.IGNORECASE | re.DOTALL)


# the header of a broadcast transcript: "[NEWS CONFERENCE WITH LIEUTENANT COLONEL RICARDO WHEELOCK,
# CHIEF OF THE NICARAGUAN MILITARY INTELLIGENCE DIRECTORATE BY UNIDENTIFIED REPORTERS]"
_TRANSCRIPT_HEADER = lazy_compile(
    r"^\s*\[((?:interview|news\s+conference|press\s+conference|speech|message|address|statement|report)\s+"
    r"(?:with|by|of|from|on)\b[^\]\[]{3,300})\]",
    re.IGNORECASE,
)


def _clean_sentence(s: Sentence, art: Article) -> str:
    text = s.text
    if art.dateline_span is not None and s.start <= art.dateline_span[0] < s.end:
        m = _DATELINE_PREFIX.match(text)
        if m:
            text = text[m.end() :]
    if not art.upper:
        text = _strip_outlet(text)
    stamp = _TIME_STAMP.match(text)
    if stamp and stamp.end() < len(text):
        text = text[stamp.end() :]
        text = text[:1].upper() + text[1:]
    header = _TRANSCRIPT_HEADER.match(text)
    if header is not None:
        # a transcript's header says who speaks: a sentence of its own ("News conference with
        # Lieutenant Colonel Ricardo Wheelock, chief of ... . How about the ...")
        rest = strip_muc_tags(text[header.end() :])
        text = f"{header.group(1).strip()}." + (f" {rest[:1].upper()}{rest[1:]}" if rest else "")
    text = strip_muc_tags(text)
    # a stripped "[WORDS INDISTINCT]" before the stop; never "a .22 caliber revolver"
    text = re.sub(r"\s+([.,;:?!])(?=\s|$)", r"\1", text)
    text = _lost_characters(text)
    text = _COPYRIGHT_TAIL.sub("", text)  # "... two rifles. © 2024 WXYZ | Portions are © ..."
    text = re.sub(r"\s+", " ", text).strip()
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text


def sentence_case(text: str, keep: list[str], english: frozenset[str] | None = None) -> str:
    """Upper-case newswire to sentence case, keeping names found by the gazetteer/group lists; with
    ``english`` (the words an English word list knows), also the words that are surely names
    (:func:`_spelled_names`)."""
    low = text.lower()
    # longest first; of two spellings of one name the mixed-case one ("Farabundo Marti ..." over
    # "FARABUNDO MARTI ..."), then the one ``keep`` lists first ("St. John's", the gazetteer's,
    # over "St. John'S", a title-cased variant): no dependence on set order
    keep = [_name_case(k) for k in keep]
    first = {k: i for i, k in reversed(list(enumerate(keep))) if k}
    for name in sorted(first, key=lambda k: (-len(k), k.isupper(), first[k])):
        # whole words only: "Lima" is no part of "climate"
        low = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name.replace("\\", "\\\\"), low)
    if english is not None:
        low = _spelled_names(low, english)
    # a sentence opens with a capital; no sentence ends with the initials "U.S." inside one
    low = re.sub(r"(^|(?<![A-Z]\.[A-Z])[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)
    low = _SMALL_WORD_IN_NAME.sub(lambda m: m.group(0).lower(), low)
    return _CALENDAR_NAME.sub(lambda m: m.group(0).capitalize(), low)


# a person's title, written with a capital before the person's name ("Colonel Waldemar Quintero")
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "msgr",
        "monsignor",
        "father",
        "bishop",
        "archbishop",
        "cardinal",
        "rev",
        "reverend",
        "sister",
        "brother",
        "general",
        "gen",
        "colonel",
        "col",
        "lieutenant",
        "lt",
        "captain",
        "capt",
        "major",
        "maj",
        "sergeant",
        "sgt",
        "commander",
        "corporal",
        "president",
        "senator",
        "sen",
        "deputy",
        "congressman",
        "congresswoman",
        "representative",
        "rep",
        "minister",
        "judge",
        "justice",
        "magistrate",
        "mayor",
        "governor",
        "gov",
        "ambassador",
        "prosecutor",
        "attorney",
        "professor",
        "prof",
    ]
)
# units and abbreviations an English word list lacks that are no names: "15 km", "etc."
_NO_NAME = frozenset(
    ["km", "kms", "kg", "kgs", "ft", "lb", "lbs", "mm", "cm", "mg", "ml", "hrs", "hr", "yds", "sq", "etc"]
)
# a family name's particles stay in lower case inside a name ("Jose de la Cruz")
_NAME_INNER = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "y",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "di",
        "du",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
    ]
)
_LOWER_WORD = lazy_compile(r"(?<![\w'’])[a-z]+(?![\w'’])")
_DOTTED = lazy_compile(r"\b(?!(?:i\.e|e\.g|a\.m|p\.m)\.)[a-z](?:\.[a-z]){1,3}\.")
_TITLED = lazy_compile(rf"(?<![\w'’])({'|'.join(sorted(_TITLES))})((?: [a-z]+){{0,2}}) (?=[A-Z][a-z])")
_BETWEEN_NAMES = lazy_compile(r"(?<![\w'’])([A-Z][a-z]+) ([a-z]+) (?=([A-Z][a-z]+))")


def _misspelt(word: str, english: frozenset[str]) -> bool:
    """A long word one letter away from an English word is a typing error, no name
    ("approximmately", "bextremely")."""
    return len(word) >= 7 and any(word[:i] + word[i + 1 :] in english for i in range(len(word)))


def _spelled_names(text: str, english: frozenset[str]) -> str:
    """Capitals for words of lower-cased wire copy that are surely names: a word no English word
    list knows ("varillas" -> "Varillas"; a short one is an acronym: "gmt" -> "GMT"), an adjective of
    nationality ("salvadoran"), the pronoun "I" and dotted initials ("u.s." -> "U.S."); then a
    title before a name ("colonel Waldemar" -> "Colonel Waldemar") and an English-looking word
    between two names ("Luis carlos Galan" -> "Luis Carlos Galan")."""
    frequent = frequent_english_words()

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w == "i":
            return "I"
        if w in DEMONYMS or (w.endswith("s") and w[:-1] in DEMONYMS):
            return w.capitalize()
        if len(w) < 2 or w in english or w in _NO_NAME or _misspelt(w, english):
            return w
        if len(w) <= 3 or (len(w) <= 4 and not re.search(r"[aeiouy]", w)):
            return w.upper()  # "efe", "gmt", "fmln"
        return w.capitalize()

    text = _LOWER_WORD.sub(word, text)
    text = _DOTTED.sub(lambda m: m.group(0).upper(), text)

    def titled(m: re.Match[str]) -> str:
        between = m.group(2).split()
        if any(w in frequent for w in between):
            return m.group(0)  # "the president of the Republic"
        return " ".join(w.capitalize() for w in [m.group(1), *between]) + " "

    def between(m: re.Match[str]) -> str:
        left, w, right = m.group(1), m.group(2), m.group(3)
        plain = (left.lower(), right.lower())
        if w in frequent or w in _NAME_INNER or any(x in DEMONYMS or x in _TITLES for x in plain):
            return m.group(0)
        return f"{left} {w.capitalize()} "

    return _BETWEEN_NAMES.sub(between, _TITLED.sub(titled, text))


# "for The United States", "Army Of National Liberation": a kept name's small words, inside a sentence
_SMALL_WORD_IN_NAME = lazy_compile(r"(?<=[\w,)] )(?:The|Of|And|For)\b(?= [A-Z])")


# the days and months, which English writes with a capital ("on 16 November", "on Monday"); "may" and
# "march" only beside a day's number
_CALENDAR_NAME = lazy_compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|april|june|july|august|september|"
    r"october|november|december|(?<=\d )(?:may|march)|(?:may|march)(?= \d))\b"
)


def _name_case(name: str) -> str:
    """A name of several words kept from upper-case copy reads in title case ("SECRET ANTICOMMUNIST
    ARMY" -> "Secret Anticommunist Army"); its acronyms stay ("FMLN'S URBAN COMMANDOS" -> "FMLN's
    Urban Commandos"). A name of one word (an acronym, "ARENA") and mixed-case names are left."""
    if not name.isupper() or len(name.split()) < 2:
        return name
    common = common_english_words()

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if len(w) <= 4 and w.lower() not in common:
            return w  # an acronym: "ELN", "FPMR"
        return w[:1] + w[1:].lower()

    return re.sub(r"(?<!['’])[A-Z]+", word, name).replace("'S ", "'s ").replace("’S ", "’s ")


def _person_case(name: str) -> str:
    """A person's name from upper-case copy in title case ("JOSE ANTONIO RODRIGUEZ" -> "Jose Antonio
    Rodriguez"; a family name's particles in lower case: "Jose de la Cruz")."""
    if not name.isupper():
        return name
    words = [
        w.lower() if w.lower() in _NAME_INNER and i else w.capitalize() for i, w in enumerate(name.split())
    ]
    return re.sub(r"(?<=['’])S\b", "s", " ".join(words))


def _words(text: str) -> int:
    return len(text.split())


def _number_token(as_stated: str) -> str:
    m = re.search(r"\d[\d,]*|\b[A-Za-z-]+\b", as_stated)
    return m.group(0) if m else as_stated


_ROLE_WORD = (
    r"(?:killed|injured|wounded|hurt|murdered|slain|dead|shot(?:\s+(?:and\s+(?:killed|wounded|injured)|dead|"
    r"to\s+death))?)"
)
# a count phrase that is already a clause ("Cottrell was killed", "the victim died"): it is written as
# it stands, never with a second "was killed"
_CLAUSE_END = lazy_compile(
    r"\b(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:[\w-]+\s+){0,3}"
    r"(?:" + _ROLE_WORD + r"|struck|hit|stabbed|gunned\s+down|beaten|found|executed|assassinated)|"
    r"shot\s+(?:himself|herself)|"
    r"(?:has\s+|have\s+|had\s+|later\s+)?(?:died|succumbed))$",
    re.IGNORECASE,
)
# "X died from", "X died today": the verb ends the clause
_DIED_TAIL = lazy_compile(
    r"\b(died|succumbed)\s+(?:(?:from|of|at|as|in|on|after|to|today|tonight|yesterday|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day)\b\s*)+$",
    re.IGNORECASE,
)
# "who was killed" at the end of a phrase: the relative pronoun goes ("X, who was killed" -> "X was killed")
_RELATIVE_END = lazy_compile(
    r"(,?)\s+(?:who|that|which)\s+((?:was|were)\s+(?:[\w-]+\s+){0,2}" + _ROLE_WORD + r"|(?:later\s+)?died)$",
    re.I,
)
# the act before its victim: "shot Long", "killing Jamal Berry", "the murder of X"
_LEADING_ACT = lazy_compile(
    r"^(?:(?:fatally\s+)?(?:shot(?:\s+and\s+(?:killed|wounded|injured))?|shooting|killed|killing|injured|injuring|"
    r"wounded|wounding|murdered|murdering|stabbed|stabbing|gunned\s+down)|found\s+(?:the\s+)?body\s+of|"
    r"(?:the\s+)?(?:fatal\s+|shooting\s+)?(?:murder|assassination|killing|death|shooting|slaying)\s+of)\s+",
    re.IGNORECASE,
)
_LEADING_CONJ = lazy_compile(r"^(?:when|after|as|because|since|where|while|and|but)\s+", re.IGNORECASE)
# a dateline caught in the phrase: "Calif. - ", "Colo. (CBS4)– "
_PHRASE_DATELINE = lazy_compile(
    r"^(?:[A-Z][A-Za-z]{1,12}\.\s*(?:\([^)]{1,20}\))?|[A-Z][A-Za-z.]{1,12}\s*\([^)]{1,20}\))\s*(?:--|—|–|-)\s*"
)
# what follows the victim in "the murder of X after detectives served"
_AFTER_VICTIM = lazy_compile(
    r",?\s+(?:after|when|as|while|because|who|which|before|during)\b.*$", re.IGNORECASE
)
_AUX = lazy_compile(
    r"\s+(?:was|were|is|are|has|have|had|suffered|sustained|received)\b|(?<=\b(?:he|it))['’]s\b|(?<=\bshe)['’]s\b",
    re.IGNORECASE,
)
_TRAILING_ACT = lazy_compile(
    r"\s+(?:fatally\s+|critically\s+|seriously\s+)?(?P<act>shot(?:\s+to\s+death|\s+dead)?|hurt|wounded|injured|killed|dead)$",
    re.IGNORECASE,
)
# the act a trailing participle names, by role: "two women hurt" is no toll of the dead
_ROLE_ACTS = {
    "killed": lazy_compile(r"shot(?:\s+to\s+death|\s+dead)?|killed|dead", re.IGNORECASE),
    "injured": lazy_compile(r"shot|hurt|wounded|injured", re.IGNORECASE),
}
_TRAILING_JUNK = lazy_compile(
    r"(?:\s+(?:and|or|but|of|in|at|on|to|from|with|by)(?:\s+[a-z]+)?|[\s,;:]+)$", re.IGNORECASE
)
# "several hours", "two days": a span of time, not people
_TIME_HEAD = r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|blocks?|miles?)$"
_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "it", "both", "one", "another"})
_NUMBERED = lazy_compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
    r"forty|fifty|dozens?|hundreds?|scores?|several|many|some|a\s+few)\b(?![-\s]*(?:years?|months?)\b)(?!-)",
    re.IGNORECASE,
)
_PLURAL_HEAD = lazy_compile(r"\band\b|\b(?:people|persons|others|police|children|men|women|[a-z]+[^s'’\W]s)$")


def _victim_phrase(phrase: str, role: str) -> tuple[str, bool] | None:
    """The count phrase as a subject to which "was/were <role>" is added, or (when it already says
    what happened) as a clause of its own: ``("Cottrell was killed", True)``, ``("Jamal Berry", False)``
    for "killing Jamal Berry". An empty subject when the phrase names no one (a pronoun, a verb);
    None when it says no one was hurt ("were not hurt")."""
    p = _PHRASE_DATELINE.sub("", phrase.strip()).strip(" ,;:")
    p = _LEADING_CONJ.sub("", p)
    if re.search(r"\b(?:not|no one|nobody)\b", p, re.I):
        return None
    act = _LEADING_ACT.match(p)
    p = _DIED_TAIL.sub(r"\1", p)
    rel = _RELATIVE_END.search(p) if act is None else None
    if rel is not None:
        # "Jo Doe, who was shot" -> "Jo Doe was shot"; an appositive keeps its comma ("X, the
        # owner's son, 19, was shot": never "19 was shot")
        head = p[: rel.start()]
        p = head + ("," if rel.group(1) and "," in head else "") + " " + rel.group(2)
    if act is None and _CLAUSE_END.search(p):
        subject = re.split(
            r"\s+(?:was|were|is|are|has|have|had|later|died|succumbed)\b", p, maxsplit=1, flags=re.I
        )[0]
        return ("", True) if subject.lower() in _PRONOUNS else (p, True)
    if act:
        p = _AFTER_VICTIM.sub("", p[act.end() :])
        p = re.sub(r"\s+and\s+of\s+", " and ", p, flags=re.I)
    else:
        p = re.sub(r",\s+(?:who|which|that)\b.*$", "", p, flags=re.I)
        aux = _AUX.search(p)
        if aux is not None:
            p = p[: aux.start()]  # "both victims are expected to survive" -> "both victims"
            if "," in p and not re.search(r"\band\b", p):
                p = p.split(",")[0]  # "the second victim, a 30-year-old male" -> "the second victim"
    trailing = _TRAILING_ACT.search(p)
    if trailing is not None and role in _ROLE_ACTS:
        if not _ROLE_ACTS[role].fullmatch(trailing.group("act")):
            return None  # "two women hurt" given as the dead
        p = p[: trailing.start()]
    while _TRAILING_JUNK.search(p):
        p = _TRAILING_JUNK.sub("", p)
    p = p.rstrip(".")
    if not p or p.lower() in _PRONOUNS or p.startswith(("'", "’")) or re.search(_TIME_HEAD, p, re.I):
        return "", False
    return p, False


def count_phrase(c: DraftCount, role: str) -> str:
    """ "at least 12 worshippers" + "killed" -> "at least 12 worshippers were killed"; a phrase that
    already says what happened ("Cottrell was killed") as it stands; "one person was killed" when the
    phrase names no one ("killed him"), and "" for a larger count that names no one."""
    phrase = c.as_stated.split(" ... ")[-1] if " ... " in c.as_stated else c.as_stated
    phrase = re.sub(r"\s+(?:were|was|have|has|had|are|is)$", "", phrase.strip())
    verb = {
        "killed": "killed",
        "injured": "injured",
        "hospitalized": "taken to hospital",
        "missing": "missing",
    }[role]
    if c.value == 0:
        return {"killed": "no one was killed", "injured": "no one was injured"}.get(role, "")
    if re.search(
        r"(?<!\bto )\b(?:deaths?|bodies|injuries|fatalities|casualties)$", phrase, re.I
    ) and not _AUX.search(phrase):
        return f"{phrase} {'was' if c.value == 1 else 'were'} reported"  # "two deaths were reported"
    found = _victim_phrase(phrase, role)
    if found is None:
        return ""
    subject, clause = found
    if clause and subject:
        return subject
    if not subject:
        return f"one person was {verb}" if c.value == 1 else ""
    number = _NUMBERED.search(subject)
    if number is not None:
        # the phrase's own number rules the verb: "one of his guards was", "two women were"
        plural = not re.fullmatch(r"one|1", number.group(0), re.I) or bool(
            re.search(r"\b(?:people|others|persons)\b", subject, re.I)
        )
    else:
        plural = bool(_PLURAL_HEAD.search(subject))  # "India Barnes was killed"; "officers were killed"
    return f"{subject} {'were' if plural else 'was'} {verb}"


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
    first = re.sub(r":\.$", ".", first)
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
    if len(parts) - (where is not None) < 2:  # a place line alone tells no more of the event
        follow = _follow_up(art, candidates, event, parts)
        if follow is not None:
            # the event's own next sentence before the place line: "... It happened in Lima, Peru."
            parts.insert(parts.index(where) if where in parts else len(parts), follow)
    return _finish(parts, art, names)


def _quoted(text: str) -> bool:
    return '"' in text or "“" in text


# a sentence that is no statement of the news: a question, a line that introduces a list or a quote
# ("The ministry said:"), a list number, an appeal for information or help, a page's copyright
# notice ("© 2024 WXYZ. This material may not be published, broadcast, rewritten or
# redistributed"), a call to write in ("E-mail us at desk@example.com"), a link, a post's hashtags
# ("#MainStFire UPDATE: ...")
_NOT_NEWS = lazy_compile(
    r"\?[\"'”’]?$|:\.?$|^\(?\d{1,2}[.)]$|^good\s+(?:morning|afternoon|evening|night)\b|\b(?:anyone\s+with\s+(?:any\s+)?information|"
    r"(?:is|are)\s+(?:being\s+)?asked\s+to\s+(?:call|contact)|crime\s*stoppers|tip\s*line|needs?\s+your\s+help|"
    r"all\s+rights\s+reserved|may\s+not\s+be\s+(?:re)?published|(?:re)?written,?\s+or\s+(?:re)?distributed|"
    r"(?:e-?mail|call|contact|follow|text|write\s+to)\s+us|sign\s+up\s+for|subscribe\s+to|"
    # a promise of more to come: "Additional updates posted as received", "Stay with FOX 8 for updates",
    # "This is a developing story", "Check back for details"
    r"updates?\s+(?:will\s+be\s+)?posted|for\s+(?:more\s+)?updates|(?:a|this)\s+developing\s+story|check\s+back|"
    r"will\s+update\s+(?:this|the)\s+story|as\s+(?:more\s+)?(?:details|information)\s+becomes?\s+available)\b|"
    r"©|[\w.+-]+@[\w-]+\.\w|"
    r"\bhttps?://|\bwww\.\w|"
    r"(?<![\w&])#[A-Za-z]\w+",
    re.IGNORECASE,
)


def _readable(text: str) -> bool:
    """Can this sentence stand in a summary (unquoted, a statement in the reporter's voice, at least
    a few words)?"""
    if not text or _quoted(text) or _words(text) < 4 or _NOT_NEWS.search(text) is not None:
        return False
    # upper-case wire copy: a speaker's own words told without quotation marks (a transcript, a
    # communique: "WE WILL NOT NEGOTIATE", "I CANNOT GIVE AN OPINION"); in mixed-case local news a
    # "we" is the outlet's own voice ("We're told the victim was 22") and stays ("US" is the country)
    if text.isupper() and _FIRST_PERSON.search(text) is not None:
        return False
    # a transcript's speaker tag ("REPORTER: ...")
    return _SPEAKER_TAG.match(text) is None


_SPEAKER_TAG = lazy_compile(r"[A-Z]{3,}(?:\s+[A-Z]{2,})?:\s")
_FIRST_PERSON = lazy_compile(r"\b(?:I|WE|OUR|MY)\b(?![-.]\w)")


def _background_parts(art: Article, candidates: list[Sentence]) -> list[str]:
    """Not an incident: the lead's first (up to two) unquoted sentences."""
    parts: list[str] = []
    for s in candidates[:3]:
        text = _clean_sentence(s, art)
        if not _readable(text):
            continue
        if parts and _words(" ".join(parts)) + _words(text) > MAX_WORDS:
            continue
        parts.append(text)
        if len(parts) == 2:
            break
    if not parts and candidates:
        # no statement in the lead: its first sentence of a few words, else its first line
        texts = [t for t in (_clean_sentence(s, art) for s in candidates) if t]
        fallback = next((t for t in texts if _words(t) >= 4), texts[0] if texts else "")
        parts.append(_trim(fallback))
    return parts


def _usable_opening(first: str, killed: DraftCount | None) -> bool:
    """Can the event sentence open the summary (short, unquoted, and giving the toll)?"""
    # the event sentence itself may introduce a quote ("..., the army said:") or speak to its
    # listeners ("Salvadoran people: ..."); a question or a line of a few words does not open
    if not first or _quoted(first) or _words(first) > 48 or _words(first) < 4 or first.endswith("?"):
        return False
    return not (
        killed is not None
        and killed.value > 0
        and _number_token(killed.as_stated).lower() not in first.lower()
    )


# a word for the act or its toll (the classifier's event nouns, and the acts and tolls): a sentence
# without one sets no scene for the summary's lead
_ACT = lazy_compile(
    rf"\b(?:(?:{EVENT_NOUN})(?:s|es)?|shot|shoot\w*|gunfire|gunshots?|fired|kill\w*|died|dead|deaths?|wound\w*|"
    r"injur\w*|hurt|attacked|bombed|explo\w*|murder\w*|kidnapped|abducted|massacred|clash\w*|stabbed|"
    r"assassinated|ambushed|robber\w*|robbed|homicides?|fatal\w*|gunm[ae]n|shootout|hostages?|arson|stormed|"
    r"struck|raided|hijack\w*|shelled|shelling|rocket\w*|grenades?|missiles?|airstrikes?|detonat\w*|"
    r"collapsed|crashed|erupted|flooded|burn\w*|destroyed|damaged)\b",
    re.IGNORECASE,
)


def _scene_sentence(
    art: Article, candidates: list[Sentence], event: Sentence | None, city: str, first: str
) -> str | None:
    """The sentence that sets the scene ("... stormed a hotel in Mogadishu"), to go first."""
    for s in candidates[:3]:
        if event is not None and s.index == event.index:
            continue
        text = _clean_sentence(s, art)
        # a sentence that names the town but reports no act ("He was also wanted in Dayton on a
        # warrant") would push the event from the summary's lead: the town goes in a line of its own
        if city.lower() in text.lower() and _words(text) <= 45 and _readable(text) and _ACT.search(text):
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
    told = " ".join(parts).lower()
    # wire copy: a lead that names the town ("in San Salvador") but not its country still leaves
    # a reader abroad without the country
    if not bits or (all if art.upper and art.wire else any)(b.lower() in told for b in named):
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
        said = count_phrase(killed, "killed")
        if said and said.lower() not in covered:
            extra.append(_cap(said) + ".")
    if injured is not None and _number_token(injured.as_stated).lower() not in covered and injured.value > 0:
        said = count_phrase(injured, "injured")
        if said and said.lower() not in covered:
            extra.append(_cap(said) + ".")
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
    """The first short unquoted statement after the event (in the lead, else in the next few
    sentences of the body), when it fits."""
    last = max((s.index for s in candidates), default=-1)
    more = [s for s in art.body() if s.index > last][:4]
    for s in [*candidates, *more]:
        if event is not None and s.index <= event.index:
            continue
        text = _clean_sentence(s, art)
        if not _readable(text) or _words(text) > 40:
            continue
        if _words(" ".join([*parts, text])) <= MAX_WORDS:
            return text
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


# the act a count's own verb already tells ("A 16-year-old girl was shot"): the template does not
# name it again
_ACT_TOLD = {
    "shooting": lazy_compile(r"\b(?:shot|shooting|gunned\s+down)\b", re.IGNORECASE),
    "stabbing": lazy_compile(r"\bstabbed\b", re.IGNORECASE),
}


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
        if d.isupper() and len(d) > 3:
            d = d.lower()  # a day in an upper-case line of mixed-case copy ("TONIGHT")
        when = " " + (
            d
            if re.match(
                r"(?i)(?:on|in|during|late|early|last|yester|today|tonight|this|overnight|.*\bago$)", d
            )
            else f"on {d}"
        )
        if "," in place:
            when = "," + when
    counts = []
    if killed is not None and killed.value > 0:
        counts.append(count_phrase(killed, "killed"))
    if injured is not None and injured.value > 0:
        counts.append(count_phrase(injured, "injured"))
    counts = [c for c in counts if c]
    if counts:
        counts = [counts[0], *(_uncap(c) for c in counts[1:])]  # "Two were killed and up to 200 ..."
        told = " and ".join(counts)
        act = _ACT_TOLD.get(what)
        # "A girl was shot in Holiday", never "was shot in a shooting in Holiday"
        event = "" if act is not None and act.search(told) else f" in {article} {what}".replace("in  ", "in ")
        return _cap(told) + f"{event}{place}{when}."
    verb = "were" if not article else "was"  # "Protest clashes were reported ..."
    return _cap(f"{article} {what} {verb} reported{place}{when}.".strip())


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


# a word the article doubled by mistake ("was was killed", "near near the bridge")
_DOUBLED_WORD = lazy_compile(
    r"\b(the|a|an|to|on|in|of|at|was|were|is|are|and|near|for|by|with|from|has|have)\s+\1\b", re.IGNORECASE
)


def _finish(parts: list[str], art: Article, names: list[str]) -> str:
    text = _DOUBLED_WORD.sub(r"\1", " ".join(p for p in parts if p))
    if art.upper:
        text = sentence_case(text, names, known_english_words())
    text = clean_summary(text)
    return _trim(re.sub(r"\s+", " ", text).strip())


def case_names(
    ctx: Context,
    location: DraftLocation | None,
    claims: list[DraftClaim],
    perps: list[DraftPerpetrator],
    victims: list[DraftVictim] | None = None,
) -> list[str]:
    """Names whose capitals an upper-case report's summary keeps (places, groups, the persons the
    report names); none for mixed-case copy, which keeps the article's own case."""
    if not ctx.article.upper:
        return []
    common = common_english_words()
    persons = [v.name for v in victims or [] if v.name] + [
        p.name for p in perps if p.kind in ("individual", "suspect")
    ]
    names: list[str] = []
    for n in persons:
        # a person's name of two words or more whose last is no ordinary word ("the police chief",
        # "CARABINEROS PERSONNEL" are no names), and the words of it that are no ordinary words,
        # for the times the article gives the name in part ("Oqueli" for "Hector Oqueli Colindres")
        words = _person_case(n).split()
        if len(words) >= 2 and words[-1].lower() not in common:
            names += [" ".join(words), *(w for w in words if w.lower() not in common and w[:1].isupper())]
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
