"""Perpetrators and responsibility claims.

Named groups come from a list of armed groups active in news since the 1980s (with their
aliases and acronyms); other claimants are read from the claim sentence's subject ("A group
calling itself 'X' claimed ..."). A claim needs a claim phrase ("claimed responsibility", "has
taken responsibility", "claimed by X", "X said it carried out") that is not negated ("denied any
involvement", "no group has claimed", "did not claim"). Generic perpetrators ("gunmen", "a
suicide bomber", "armed individuals", "terrorists" as reported) are taken from the sentences
that report the main event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lazyre import lazy_compile
from ...schema import DraftClaim, DraftPerpetrator, PerpetratorKind
from .accused import AGENT_HEADS, accused_parties, held_for_act, names_act, plausible_agent
from .context import Context
from .phrases import FUNCTION_WORDS, NUMBER_WORDS, Token, tokens, words
from .subjects import subject_perpetrators
from .suspects import NamedSuspect, find_named_suspects, first_names
from .text import Sentence
from .victims import name_after_titles, name_list, person_before
from .wire import ACT_CUE

__all__ = ["Actor", "Claim", "find_claims", "find_perpetrators", "known_group_spans", "parties"]

# canonical name -> aliases (all matched case-insensitively, word-bounded)
KNOWN_GROUPS: dict[str, tuple[str, ...]] = {
    "Islamic State Khorasan Province": (
        "Islamic State Khorasan Province",
        "Islamic State Khorasan",
        "Islamic State-Khorasan",
        "Islamic State in Khorasan",
        "ISKP",
        "IS-K",
        "ISIS-K",
        "ISIL-K",
    ),
    "Islamic State West Africa Province": (
        "Islamic State West Africa Province",
        "ISWAP",
        "Islamic State West Africa",
    ),
    "Islamic State Sahel Province": (
        "Islamic State Sahel Province",
        "Islamic State in the Greater Sahara",
        "ISGS",
    ),
    "Islamic State": ("Islamic State", "ISIS", "ISIL", "Daesh", "Daech", "Islamic State group", "IS group"),
    "al-Shabaab": (
        "al-Shabaab",
        "al Shabaab",
        "al-Shabab",
        "al Shabab",
        "Shabaab",
        "Shabab",
        "Harakat al-Shabaab",
    ),
    "Boko Haram": ("Boko Haram", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "JAS"),
    "al-Qaeda": ("al-Qaeda", "al Qaeda", "al-Qaida", "al Qaida", "Al-Qa'ida"),
    "al-Qaeda in the Arabian Peninsula": ("al-Qaeda in the Arabian Peninsula", "AQAP"),
    "al-Qaeda in the Islamic Maghreb": ("al-Qaeda in the Islamic Maghreb", "AQIM"),
    "JNIM": (
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Jamaat Nusrat al-Islam wal-Muslimin",
        "Jama'at Nasr al-Islam wal Muslimin",
        "Group for the Support of Islam and Muslims",
        "JNIM",
        "GSIM",
    ),
    "Taliban": ("Taliban", "Afghan Taliban"),
    "Tehrik-e-Taliban Pakistan": (
        "Tehrik-e-Taliban Pakistan",
        "Tehreek-e-Taliban Pakistan",
        "Tehrik-i-Taliban Pakistan",
        "Pakistani Taliban",
        "TTP",
    ),
    "Hamas": ("Hamas",),
    "Hezbollah": ("Hezbollah", "Hizbollah", "Hizballah"),
    "Houthis": ("Houthis", "Houthi", "Ansar Allah", "Ansarallah"),
    "Palestinian Islamic Jihad": ("Palestinian Islamic Jihad", "Islamic Jihad"),
    "PKK": ("Kurdistan Workers' Party", "Kurdistan Workers Party", "PKK"),
    "Hayat Tahrir al-Sham": ("Hayat Tahrir al-Sham", "HTS"),
    "Lashkar-e-Taiba": ("Lashkar-e-Taiba", "Lashkar-e-Tayyiba", "LeT"),
    "Jaish-e-Mohammed": ("Jaish-e-Mohammed", "Jaish-e-Muhammad", "JeM"),
    "Balochistan Liberation Army": ("Balochistan Liberation Army", "Baloch Liberation Army", "BLA"),
    "Allied Democratic Forces": ("Allied Democratic Forces", "ADF"),
    "M23": ("M23", "March 23 Movement"),
    "CODECO": ("CODECO", "Cooperative for the Development of Congo"),
    "Ansar al-Sunna": ("Ansar al-Sunna", "Ahlu Sunnah wal Jama'a", "al-Sunnah wa Jama'ah"),
    "Abu Sayyaf": ("Abu Sayyaf",),
    "New People's Army": ("New People's Army", "NPA"),
    "Maute group": ("Maute group", "Maute"),
    "Rapid Support Forces": ("Rapid Support Forces", "RSF"),
    "Wagner Group": ("Wagner Group", "Wagner"),
    "Lord's Resistance Army": ("Lord's Resistance Army", "LRA"),
    "FARC": (
        "Revolutionary Armed Forces of Colombia",
        "FARC",
        "FARC dissidents",
        "Estado Mayor Central",
        "EMC",
    ),
    "ELN": (
        "National Liberation Army",
        "Army of National Liberation",
        "ELN",
        "Ejercito de Liberacion Nacional",
    ),
    "EPL": ("Popular Liberation Army", "EPL"),
    "M-19": ("M-19", "April 19 Movement", "19 April Movement"),
    "FMLN": ("Farabundo Marti National Liberation Front", "FMLN"),
    "Shining Path": ("Shining Path", "Sendero Luminoso"),
    "MRTA": ("Tupac Amaru Revolutionary Movement", "MRTA"),
    "URNG": ("Guatemalan National Revolutionary Unity", "URNG"),
    "Manuel Rodriguez Patriotic Front": ("Manuel Rodriguez Patriotic Front", "FPMR"),
    "Zarate Willka Armed Forces of Liberation": (
        "Zarate Willka Armed Forces of Liberation",
        "Zarate Willka Liberation Armed Forces",
        "Zarate Willka",
        "Zarate Wilka",
        "Zarate Willca",
    ),
    "Cinchoneros": ("Cinchonero Popular Liberation Movement", "Cinchoneros"),
    "Morazanist Patriotic Front": ("Morazanist Patriotic Front",),
    "Lautaro Youth Movement": ("Lautaro Youth Movement", "Lautaro Popular Rebel Forces"),
    "Movement of the Revolutionary Left": ("Movement of the Revolutionary Left",),
    "Ricardo Franco Front": ("Ricardo Franco Front",),
    "Quintin Lame": ("Quintin Lame",),
    "Guerrilla Army of the Poor": ("Guerrilla Army of the Poor",),
    "Revolutionary Organization of the People in Arms": (
        "Revolutionary Organization of the People in Arms",
        "ORPA",
    ),
    "Camilist Union": ("Camilist Union",),
    "Medellin cartel": ("Medellin cartel", "Medellin drug cartel", "Extraditables", "The Extraditables"),
    "Cali cartel": ("Cali cartel",),
    "Jalisco New Generation Cartel": ("Jalisco New Generation Cartel", "CJNG"),
    "Sinaloa Cartel": ("Sinaloa Cartel",),
    "Gulf Clan": ("Gulf Clan", "Clan del Golfo"),
    "ETA": ("ETA", "Basque separatist group ETA"),
    "IRA": ("Irish Republican Army", "IRA", "New IRA", "Real IRA"),
    "Ambazonian separatists": ("Ambazonia Defence Forces", "Ambazonian separatists", "Amba fighters"),
    "Fulani militants": ("Fulani militants", "Fulani herdsmen", "Fulani gunmen"),
    "Janjaweed": ("Janjaweed",),
    "Tamil Tigers": ("Liberation Tigers of Tamil Eelam", "LTTE", "Tamil Tigers"),
    "Mujahideen": ("mujahideen",),
}
_AMBIGUOUS_ACRONYMS = frozenset(
    {"IS", "LET", "JAS", "EMC", "ADF", "NPA", "ETA", "HTS", "BLA", "JEM", "RSF", "EPL"}
)


@lru_cache(maxsize=1)
def _group_re() -> re.Pattern[str]:
    aliases = sorted({a for al in KNOWN_GROUPS.values() for a in al}, key=lambda a: (-len(a), a))
    parts = []
    for a in aliases:
        esc = re.escape(a).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?").replace("'", "['’]?")
        parts.append(esc)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _alias_key(alias: str) -> str:
    return re.sub(r"[\s'’-]+", "", alias.lower())


_ALIAS_TO_CANON = {_alias_key(a): canon for canon, al in KNOWN_GROUPS.items() for a in al}


def _canonical(alias: str) -> str | None:
    return _ALIAS_TO_CANON.get(_alias_key(alias))


@lru_cache(maxsize=4096)
def known_group_spans(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, as written) of every known group named in ``sentence``."""
    out = []
    for m in _group_re().finditer(sentence):
        raw = m.group(0)
        if raw.upper() in _AMBIGUOUS_ACRONYMS and not raw.isupper():
            continue  # "let", "Jas" are words, not groups
        if raw.isupper() and len(raw) <= 3 and raw in _AMBIGUOUS_ACRONYMS and sentence.isupper():
            continue
        if raw.lower() in {"wagner", "maute"} and (not raw[:1].isupper() or sentence.isupper()):
            continue  # a surname, unless written as a name in mixed case
        out.append((m.start(), m.end(), raw))
    return tuple(out)


@dataclass(frozen=True)
class Claim:
    claimant: str
    channel: str | None
    verified: bool | None
    sentence: int


@dataclass(frozen=True)
class Actor:
    name: str
    kind: PerpetratorKind
    sentence: int


_CLAIM = lazy_compile(
    r"\b(?:claim(?:ed|s|ing)?\s+(?:full\s+|sole\s+)?(?:responsibility|credit)|"
    r"(?:took|taken|takes|taking|accepted|accepts|admitted|admits|assumed|assumes|acknowledged)\s+"
    r"(?:full\s+)?(?:responsibility|credit)|"
    r"responsibility\s+(?:for\s+[^,.]{1,80}\s+)?(?:was|has\s+been|had\s+been)\s+claimed\s+by|"
    r"(?:attack|bombing|blast|killing|killings|assault|raid|ambush|explosion)s?\s+(?:was|were|has\s+been|had\s+been)?\s*"
    r"claimed\s+by|"
    r"said\s+(?:in\s+[^,.;]{1,70}?\s+)?(?:that\s+)?(?:it|they|its\s+(?:fighters|militants|members|men|mujahideen|"
    r"soldiers|cell|operatives))\s+(?:had\s+|have\s+|was\s+|were\s+)?(?:carried\s+out|was\s+behind|were\s+behind|"
    r"behind|staged|launched|conducted|perpetrated|responsible)|"
    r"(?:in\s+)?a\s+claim\s+of\s+responsibility)",
    re.IGNORECASE,
)
_NEGATED = lazy_compile(
    r"\b(?:no\s+(?:immediate\s+)?(?:one|group|organi[sz]ation|claim|faction|body)|nobody|not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:immediately\s+)?claim|did\s+not|didn't|has\s+not|hasn't|have\s+not|haven't|had\s+not|yet\s+to|"
    r"denied|denies|deny|denying|disowned|distanced|rejected|refused\s+to|without\s+any|never|"
    r"no\s+immediate|unclaimed|false\s+claim|neither|none\s+of|"
    r"no\s+(?:[\w-]+\s+){0,3}(?:group|groups|organi[sz]ations?|person|one))\b",
    re.IGNORECASE,
)
_PAST_CLAIMS = lazy_compile(
    r"\bclaimed\s+(?:responsibility\s+for\s+)?(?:several|many|numerous|previous|past|other|a\s+number\s+of|"
    r"dozens\s+of|most|similar|earlier|a\s+series\s+of|a\s+spate\s+of)\b",
    re.IGNORECASE,
)
_CHANNELS: list[tuple[re.Pattern[str], str]] = [
    (lazy_compile(r"\bamaq\b(?:\s+news\s+agency)?", re.I), "Amaq news agency"),
    (lazy_compile(r"\btelegram\b", re.I), "Telegram"),
    (lazy_compile(r"\b(?:twitter|x\.com)\b|\bon\s+X\b", re.I), "X (Twitter)"),
    (lazy_compile(r"\bfacebook\b", re.I), "Facebook"),
    (lazy_compile(r"\bwhatsapp\b", re.I), "WhatsApp"),
    (lazy_compile(r"\bsite\s+intelligence\b", re.I), "SITE Intelligence Group"),
    (lazy_compile(r"\bsocial\s+media\b", re.I), "social media"),
    (lazy_compile(r"\bwebsite\b|\bonline\b", re.I), "website"),
    (lazy_compile(r"\b(?:radio\s+station|radio)\b", re.I), "radio"),
    (lazy_compile(r"\bmedia\s+(?:arm|wing|outlet)\b", re.I), "media arm"),
]
_MEDIUM = [
    (lazy_compile(r"\bvideo\b", re.I), "video"),
    (lazy_compile(r"\baudio\s+(?:message|recording)\b", re.I), "audio message"),
    (lazy_compile(r"\b(?:statement|communiqu[eé]|message|text|post|posting)\b", re.I), "statement"),
    (lazy_compile(r"\b(?:phone|telephone)\s+call\b|\bcalled\b", re.I), "phone call"),
    (lazy_compile(r"\bleaflets?\b|\bpamphlets?\b", re.I), "leaflet"),
]
_UNVERIFIED = lazy_compile(
    r"\b(?:could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm|authenticat)|cannot\s+be\s+(?:independently\s+)?"
    r"verified|unverified|not\s+(?:been\s+)?(?:independently\s+)?verified|examining\s+the\s+(?:claim|authenticity)|"
    r"authenticity\b[^.]{0,40}\b(?:could\s+not|not\s+be|unclear|examin|verif))",
    re.IGNORECASE,
)
_VERIFIED = lazy_compile(
    r"\b(?:authorities|officials|police)\s+(?:have\s+)?(?:confirmed|verified)\s+the\s+claim\b", re.I
)


def _channel(sentence: str) -> str | None:
    platform = next((name for p, name in _CHANNELS if p.search(sentence)), None)
    medium = next((name for p, name in _MEDIUM if p.search(sentence)), None)
    if platform == "Amaq news agency" or (platform and not medium):
        return platform
    if platform and medium:
        return f"{medium} on {platform}"
    return medium


_SUBJECT_STRIP = lazy_compile(
    r"^(?:(?:on|late\s+on|early\s+on|in|by)\s+[^,]{1,40},\s*|meanwhile,?\s*|however,?\s*|separately,?\s*|"
    r"(?:a|an|the)\s+(?:little-known\s+|shadowy\s+|previously\s+unknown\s+)?(?:group|organi[sz]ation|faction|"
    r"militant\s+group|armed\s+group|outfit|cell)\s+(?:calling\s+itself|called|known\s+as|named)\s+|the\s+|a\s+|an\s+)",
    re.IGNORECASE,
)


_GROUP_WORD = (
    r"\b(?:front|army|movement|commandos?|group|unit|brigade|legion|patriots|alliance|command|forces?|"
    r"organi[sz]ation|party|squad|cartel|union|extraditables)\b"
)


# "a faction of the Pakistani Taliban", "a breakaway faction of Boko Haram": a part, not the group
FACTION_OF = lazy_compile(
    r"\b(?P<head>(?:(?:a|an|one|the)\s+)?(?:(?:breakaway|splinter|dissident|rival|hardline|radical|armed)\s+)?"
    r"(?:faction|splinter\s+group|breakaway\s+group|offshoot|splinter\s+cell)s?\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def _faction_claimant(text: str, claimant: str, verb_start: int) -> str:
    """ "A faction of the Pakistani Taliban claimed ...": the claimant is the faction as the article
    names it, not the group it belongs to."""
    at = text.rfind(claimant, 0, verb_start)
    if at < 0:
        return claimant
    m = FACTION_OF.search(text[max(0, at - 60) : at])
    if m is None:
        return claimant
    head = m.group("head")
    head = head[:1].lower() + head[1:] if re.match(r"(?:A|An|One|The)\b", head) else head
    return re.sub(r"\s+", " ", head + claimant)


def _subject_claimant(sentence: str, verb_start: int) -> str | None:
    """The claim verb's subject: "The Islamic State Khorasan Province (ISKP), the regional
    affiliate of ..., claimed responsibility" -> "Islamic State Khorasan Province"."""
    head = sentence[:verb_start]
    wire = head.isupper()
    if wire:
        # wire copy: no dateline ("LIMA, 11 JAN 90 -- [TEXT] ..."), no bracketed tags or glosses
        head = re.sub(r"^.*?--\s*", "", head, flags=re.S) if "--" in head else head
        head = re.sub(r"\[[^\]]*\]", " ", head)
        quoted: list[str] = re.findall(r"[\"“]([^\"”]{3,80})[\"”]", head)
        if quoted and re.search(_GROUP_WORD, quoted[-1], re.I):
            return quoted[-1].strip()
        head = re.sub(
            r"(?:\s+(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night|"
            r"on\s+\d{1,2}\s+[a-z]+|also|has|have|had|already))+\s*$",
            "",
            head.strip(" ,"),
            flags=re.I,
        )
    head = re.split(r"[;:]|\bsaid\s+(?:that\s+)?|\bwhile\s+|\bafter\s+|\bas\s+", head)[-1]
    head = head.strip(" ,")
    if re.match(r"(?:no|none|nobody|neither|not\s+any)\b", head, re.IGNORECASE):
        return None  # "No other outfit has claimed responsibility"
    head = re.sub(
        r"\s+(?:has|have|had|was|were|is|later|also|quickly|swiftly|reportedly|subsequently|then|"
        r"formally|officially|since)$",
        "",
        head,
        flags=re.I,
    )
    head = re.sub(r"\s+(?:has|have|had)$", "", head, flags=re.I)
    if wire and "," in head:
        # "THE X MOVEMENT, WHICH ON 25 JANUARY ...", "AFTER THE ATTACK, A GROUP CALLING ITSELF X"
        parts = [re.split(r"\b(?:which|who|whose)\b", x, flags=re.I)[0].strip() for x in head.split(",")]
        head = next((x for x in reversed(parts) if x), "")
    # drop an appositive: "X, the regional affiliate of Y," -> "X"
    if "," in head:
        first = head.split(",")[0].strip()
        if first:
            head = first
    for _ in range(3):
        head = _SUBJECT_STRIP.sub("", head.strip())
    head = re.sub(r"\s*\([^)]*\)", "", head).strip(" \"'“”‘’,")
    head = re.sub(
        r"^(?:[\w'-]+-(?:linked|affiliated|aligned|backed|allied|inspired)\s+)+", "", head, flags=re.I
    )
    if wire:
        head = re.sub(r"^(?:so-called|self-(?:named|styled)|alleged|clandestine)\s+", "", head, flags=re.I)
    if not head or len(head.split()) > 8:
        return None
    if wire and re.search(
        r"\b(?:is|are|was|were|said|says|added|that|after|far|if|this|these|those|he|she|they|it)\b",
        head,
        re.I,
    ):
        return None  # a clause, not a name ("THIS IS THE SAME GROUP THAT", "THUS FAR")
    if re.fullmatch(
        r"(?:it|they|he|she|the\s+group|group|nobody|no\s+one|none|someone|police|officials?)", head, re.I
    ):
        return None
    if head[:1].islower() and not head.isupper():
        return None
    return head


def _quoted_name(sentence: str) -> str | None:
    m = re.search(
        r"(?:calling\s+itself|called|known\s+as|named)\s+[\"“‘']([^\"”’']{3,80})[\"”’']", sentence, re.I
    )
    return m.group(1).strip() if m else None


def find_claims(sentences: list[tuple[int, str, bool]], group_context: list[str]) -> list[Claim]:
    """Claims of responsibility: ``sentences`` are (index, text, background?) of usable sentences."""
    out: list[Claim] = []
    seen: set[str] = set()
    for index, text, background in sentences:
        for m in _CLAIM.finditer(text):
            before = text[max(0, m.start() - 70) : m.start()]
            clause_before = re.split(r"[;]|,\s+(?:but|while|and)\s+|\.\s", before)[-1]
            if _NEGATED.search(clause_before) or _NEGATED.search(text[m.start() : m.end() + 5]):
                continue
            if _PAST_CLAIMS.search(text[m.start() : m.end() + 60]) or (
                background and not _mentions_this(text)
            ):
                continue
            claimant = None
            tail = text[m.end() : m.end() + 100]
            if re.search(r"claimed\s+by\s*$", m.group(0), re.I):
                groups = known_group_spans(tail)
                if groups and groups[0][0] < 30:
                    claimant = groups[0][2]
                else:
                    by = re.match(
                        r"\s*(?:the\s+|a\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|al|the|for|and))*)", tail
                    )
                    claimant = by.group(1).strip() if by else None
            if claimant is None:
                claimant = _quoted_name(text[: m.start()])
            if claimant is None:
                groups = known_group_spans(text[: m.start()])
                subject = _subject_claimant(text, m.start())
                in_subject = [g for g in groups if subject and g[2].lower() in subject.lower()]
                if in_subject:
                    claimant = max(in_subject, key=lambda g: len(g[2]))[2]
                elif subject:
                    claimant = subject
                elif groups:
                    claimant = groups[-1][2]
            if claimant is None and re.match(
                r"\s*(?:it|they|the\s+group)\b", text[: m.start()][-12:] or "", re.I
            ):
                claimant = group_context[-1] if group_context else None
            if claimant is None:
                continue
            claimant = _faction_claimant(text, claimant.strip(" ,."), m.start())
            if _canonical(claimant) is None and re.search(r"\s+group$", claimant, re.I):
                bare = re.sub(r"\s+group$", "", claimant, flags=re.I)
                if _canonical(bare) is not None:
                    claimant = bare  # "the Islamic State group" -> "Islamic State"
            elif re.search(r"\s+group$", claimant, re.I) and _canonical(
                re.sub(r"\s+group$", "", claimant, flags=re.I)
            ):
                claimant = re.sub(r"\s+group$", "", claimant, flags=re.I)
            key = (_canonical(claimant) or claimant).lower()
            if key in seen or all(w in FUNCTION_WORDS for w in key.upper().split()):
                continue  # "FOR" (of "FOR WHICH X CLAIMED CREDIT") claims nothing
            seen.add(key)
            verified: bool | None = None
            window = text + " " + " ".join(t for i, t, _ in sentences if i in (index + 1, index + 2))
            if _UNVERIFIED.search(window):
                verified = False
            elif _VERIFIED.search(window):
                verified = True
            out.append(Claim(claimant=claimant, channel=_channel(text), verified=verified, sentence=index))
    return out


def _mentions_this(text: str) -> bool:
    return bool(
        re.search(
            r"\b(?:this|the\s+latest|today's|yesterday's|friday's|saturday's|sunday's|monday's|"
            r"tuesday's|wednesday's|thursday's)\b",
            text,
            re.I,
        )
    )


_GENERIC = lazy_compile(
    # (not "anti-terrorist")
    r"(?<!-)\b(?P<name>(?:a\s+|an\s+|the\s+)?(?:(?:suspected|lone|teenage|female|male|masked|hooded|unidentified|unknown|"
    r"urban|armed|heavily\s+armed|suspected\s+islamist|islamist|jihadist|separatist|rebel|guerrilla|fulani|bandit)\s+)*"
    r"(?:suicide\s+bombers?|gunm[ae]n|bombers?|attackers?|assailants?|militants?|armed\s+men|armed\s+individuals|"
    r"armed\s+group|unidentified\s+(?:men|individuals|persons|people)|unknown\s+(?:men|persons|individuals|people)|"
    r"terrorists?|insurgents?|jihadists?|rebels?|bandits?|guerrillas?|subversives?|fighters|knifem[ae]n|"
    r"shooters?|kidnappers?|arsonists?|hitm[ae]n|death\s+squads?|paramilitar(?:y|ies)|drug\s+traffickers|"
    r"rioters|miscreants|mob)(?:\s+(?:members|units|columns?|commandos?|cells?|squads?))?)\b"
    # a word used as an adjective names no one: "a terrorist attack", "the guerrilla offensive"
    r"(?!\"?\s+(?:weapons?|explosives?|dynamite|attacks?|acts?|actions?|offensives?|violence|activit(?:y|ies)|organi[sz]ations?|groups?|"
    r"movements?|bombings?|bombs?|campaigns?|threats?|incidents?|operations?|targets?|war|warfare|fronts?|"
    r"leaders?|leadership|commanders?|sources?|radio|stations?|camps?|positions?|forces|attempts?|"
    r"methods?|tactics?|plans?|infrastructure|strongholds?|hideouts?|zones?|areas?|aggression|escalation|"
    r"sabotage|crimes?|ambush(?:es)?|harassment|raids?|demands?|communiques?|propaganda)\b)",
    re.IGNORECASE,
)
# wire copy: the doers of the act, named by what they did as ones already known, opening the
# sentence ("THE ATTACKERS, WHO WORE UNIFORMS, BOARDED THE BOAT"): they name the act themselves,
# although the sentence tells no act
_THE_DOERS = lazy_compile(
    r"the\s+(?:attackers?|assailants?|kidnappers?|gunm[ae]n|killers?|hitm[ae]n|shooters?|arsonists?|bombers?)",
    re.IGNORECASE,
)
_DATELINE = lazy_compile(r"^.*?--\s*(?:\[[^\]]*\]\s*)*", re.DOTALL)


def _opens_sentence(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` open the sentence (after any dateline) as its subject, not as the
    head of "THE KIDNAPPERS OF X"?"""
    head = text[:start]
    if "--" in head:
        head = _DATELINE.sub("", head)
    return not head.strip(' "“') and not re.match(r"\s+of\b", text[end:], re.IGNORECASE)


# members of an armed side (not the doers of an act, "the kidnappers", "the gunman"): told as killed
# or wounded, they are the fallen of a clash, named as victims rather than as perpetrators
_HARMED_SIDE_NOUN = lazy_compile(
    r"\b(?:guerrillas?|rebels?|subversives?|insurgents?|militants?|fighters|paramilitar(?:y|ies))\b",
    re.IGNORECASE,
)
_HARMED_AFTER = lazy_compile(
    r"^(?:\s+and(?:\s+[\w-]+){1,3}?)?\s+(?:were|was|have\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:killed|wounded|injured|shot\s+dead|slain)\b|^\s+(?:died|were\s+dead)\b",
    re.IGNORECASE,
)
_HARMED_BEFORE = lazy_compile(
    r"\b(?:deaths?\s+of|killed|killing|wounded|wounding|bodies\s+of)\s+"
    r"(?:(?!(?:by|when|as|after|while|during|in|at|on|because|that|who|which|from|since|before|until|if|and|or|but)\b)"
    r"\S+\s+){0,3}$",
    re.IGNORECASE,
)


# a group named as the side of the person an act harmed: "MURDERED M-19 LEADER X", "THE KILLING OF
# TWO FMLN MEMBERS", "AN FMLN COMMANDER WAS KILLED"
_MEMBER_AFTER = lazy_compile(
    r"^(?:['’]s)?\s+(?:(?:former|top|local|regional|national|senior|rank-and-file|urban)\s+)?"
    r"(?:leaders?|members?|commanders?|militants?|activists?|sympathizers?|spokes(?:man|men|woman)|founders?|"
    r"deputy|deputies|candidates?|mayors?|councilm[ae]n|officials?|chiefs?|secretary|president|ideologist|"
    r"supporters?)\b",
    re.IGNORECASE,
)
_ACT_ON_BEFORE = lazy_compile(
    r"\b(?:murdered|killed|assassinated|kidnapped|abducted|shot|wounded|executed|(?:murder|killing|"
    r"assassination|kidnapping|abduction|death|deaths|execution)\s+of)\s+(?:(?:the|a|an|two|three|four|five|"
    r"several|\d+)\s+)?(?:former\s+)?$",
    re.IGNORECASE,
)


# a group named as the owner of the place an act hit: "ASSAULTED FMLN HOSPITALS", "BOMBED REBEL
# POSITIONS"
_PLACE_AFTER = lazy_compile(
    r"^(?:['’]s)?\s+(?:hospitals?|camps?|positions?|headquarters|offices?|bases?|hideouts?|strongholds?|"
    r"installations?|facilities|premises|homes?|houses?|vehicles?)\b",
    re.IGNORECASE,
)
_HIT_BEFORE = lazy_compile(
    r"\b(?:attacked|assaulted|bombed|strafed|raided|stormed|shelled|destroyed|burned|dynamited|(?:attacks?|assaults?|"
    r"raids?|bombings?)\s+(?:on|against))\s+(?:(?:the|an?|several|two|three|\d+)\s+)?$",
    re.IGNORECASE,
)


def _victims_side(text: str, start: int, end: int) -> bool:
    """The group at ``text[start:end]`` names the side of people the act harmed (its leader,
    its members) or the owner of the place it hit, not the side that acted."""
    if _PLACE_AFTER.match(text[end : end + 40]) and _HIT_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    member = _MEMBER_AFTER.match(text[end : end + 60])
    if member is None:
        return False
    return bool(_ACT_ON_BEFORE.search(text[max(0, start - 50) : start])) or _harmed(
        text, start, end + member.end()
    )


def _harmed(text: str, start: int, end: int) -> bool:
    """The people at ``text[start:end]`` are told as killed or wounded ("14 guerrillas were killed",
    "the death of one guerrilla", "the patrol killed 15 guerrillas")."""
    return bool(
        _HARMED_AFTER.search(text[end : end + 60]) or _HARMED_BEFORE.search(text[max(0, start - 40) : start])
    )


# people named as the ones fought, opposed or talked to ("the war against drug traffickers", "an
# enemy of drug traffickers", "talks with the rebels", "mistook them for guerrillas") are not named
# as the doers of the act; a case against people ("the trial against the murderers", "charges
# against the gunmen") names them as the accused, and both sides of a clash fought in it
_OPPOSED = lazy_compile(
    r"\b(?:(?<!trial\s)(?<!trials\s)(?<!charges\s)(?<!case\s)(?<!warrant\s)(?<!warrants\s)(?<!evidence\s)"
    r"(?<!accusations\s)(?<!proceedings\s)(?<!charge\s)(?<!complaint\s)against|enem(?:y|ies)\s+of|war\s+on|"
    r"mistook\s+\w+\s+for|(?:talks?|talking|meetings?|dialogue|negotiations?)\s+(?:with|between)|"
    # the two sides of a fight ("heavy fighting between the army and the guerrillas"); a place or a
    # following of theirs ("positions of the guerrillas", "sympathizers of the Marxist guerrillas")
    r"(?:fighting|clash(?:es)?|combats?|battles?|skirmish(?:es)?|confrontations?)\s+between(?:\s+[\w'’-]+){1,4}?\s+and|"
    r"(?:positions|sympathizers|supporters|camps?|strongholds?|hideouts?)\s+of(?:\s+(?:the|marxist|salvadoran|leftist|rebel|armed)){0,2})"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# people named as the source of what the sentence tells ("according to the guerrillas, the army
# ...", "citing the rebels")
_SOURCE_BEFORE = lazy_compile(r"\b(?:according\s+to|citing|quoting)\s+(?:the\s+)?$", re.IGNORECASE)
# an armed side named as the object of a strike ("TROOPS STARTED TO ATTACK ABOUT 150 GUERRILLAS", "the
# air force bombed the rebels") is the side attacked, not the act's doers (not the doers of the act
# named as such: "BODYGUARDS REPELLED THE ASSAILANTS")
_ATTACKED_BEFORE = lazy_compile(
    r"\b(?:attack(?:ed|ing)?|ambush(?:ed|ing)?|strafed|strafing|shelled|shelling|bombed|bombing)\s+"
    r"(?:(?:the|about|some|approximately|nearly|around|at\s+least|\d[\d,]*|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|dozens\s+of|hundreds\s+of|a\s+group\s+of|a\s+column\s+of|a\s+band\s+of)\s+)*$",
    re.IGNORECASE,
)
_ATTACK_CONTEXT = lazy_compile(
    r"\b(?:attack|attacked|stormed|raided|ambushed|opened\s+fire|shot|killed|kill|killing|blew|detonated|lobbed|"
    r"gunn(?:ed|ing)\s+down|surrounded|"
    r"bomb|bombing|blast|explosion|set\s+fire|torched|abducted|kidnapped|carried\s+out|stabbed|fired|"
    r"hurled|threw|planted|placed|targeted|behind|blamed?|suspected|arrested|charged|wanted|fled|escaped|identified|"
    r"attacks|perpetrated|committed|massacred?|murdered|assassinated|responsible)\b",
    re.IGNORECASE,
)
# wire copy: more act words ("TO PLACE FOUR MORE BOMBS", "BOMBED", "MACHINEGUNNED") and the people
# the act itself names ("THE MURDERERS", "THE NARCOTERRORISTS WHO PERPETRATED THE ATTACK")
_WIRE_ATTACK_CONTEXT = lazy_compile(
    r"\b(?:bombs|bombed|bombings|explosives?|dynamit\w*|machinegunned|place|plant|burned|kidnapping|"
    r"assassination|murders?|massacres?|crimes?|explosions)\b",
    re.IGNORECASE,
)
_WIRE_GENERIC = lazy_compile(
    r"\b(?P<name>(?:(?:suspected|unidentified|unknown|armed|heavily\s+armed|hired|paid)\s+)*"
    r"(?:narcoterrorists|narco-terrorists|killers|murderers|slayers|assassins|culprits|perpetrators|hitmen))\b",
    re.IGNORECASE,
)
_NAMED_SUSPECT = lazy_compile(
    r"(?:\b(?:suspect|gunman|attacker|assailant|shooter|driver|man|woman)\s*,?\s+(?:identified\s+as|named\s+as|named)\s+"
    r"|\bidentified\s+(?:the\s+)?(?:suspect|gunman|attacker|assailant|shooter|man|woman|driver|him|her)\s+as\s+"
    r"|\bcharged\s+(?:[\w\s]{0,40}?)\b(?P<pre>[A-Z])(?=[a-z])"
    r")(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})",
)
_ARRESTED_NAME = lazy_compile(
    r"(?P<name>\b[A-Z][a-z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s*(?:a\s+|an\s+)?\d{1,2}(?:-year-old)?"
    r"[^.]{0,80}?\b(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?(?:arrested|charged|detained|taken\s+into\s+"
    r"custody|identified)"
)

# a suspect described by age: "police arrested a 41-year-old man", "a 24-year-old man was arrested on
# suspicion of murder", "a 15-year-old student opened fire", "arrested 34-year-old Travis Lee Monroe"
_AGE = r"\d{1,2}-year-old"
_PERSON = r"(?:man|woman|boy|girl|teenager|teen|youth|student|suspect|driver|gunman|pupil|resident|soldier)"
_SUSPECT_VERB = (
    r"(?:(?:was|were|has\s+been|had\s+been|is|is\s+being)\s+(?:later\s+|also\s+)?(?:arrested|charged|detained|"
    r"held|taken\s+into\s+custody|apprehended|accused)|opened\s+fire|shot|stabbed|attacked|drove|rammed|"
    r"set\s+fire|detonated)"
)
_AGED_SUSPECT = lazy_compile(
    r"\b(?:arrested|detained|charged|apprehended|held|identified|try|tried)\s+(?P<a>(?:a|an|the)\s+"
    + _AGE
    + r"\s+"
    + _PERSON
    + r")\b"
    r"|\b(?:arrested|detained|charged|apprehended)\s+"
    + _AGE
    + r"\s+(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"|(?P<b>\b(?:[Aa]n?|[Tt]he)\s+"
    + _AGE
    + r"\s+"
    + _PERSON
    + r")(?:\s+(?:from|of)\s+[A-Z][\w'’-]+)?,?\s+(?:who\s+)?"
    + _SUSPECT_VERB
)


def find_aged_suspects(text: str) -> list[str]:
    """Suspects the article describes by age ("a 41-year-old man") or names after it."""
    out: list[str] = []
    for m in _AGED_SUSPECT.finditer(text):
        name = m.group("a") or m.group("n") or m.group("b")
        if name:
            out.append(re.sub(r"\s+", " ", name).strip())
    return out


# wire copy: "KIDNAPPED BY A GROUP OF HEAVILY ARMED MEN", "MURDERED BY MEMBERS OF THE ARMED FORCES"
_WIRE_AGENT = lazy_compile(
    r"(?:\b(?:killed|murdered|kidnapped|abducted|attacked|assassinated|dynamited|bombed|burned|shot|machinegunned|"
    r"strafed|straffed|massacred|wounded|injured|hit|riddled\s+with\s+bullets|occupied|destroyed|planted|left|"
    r"perpetrated|committed|carried\s+out|ambushed|executed|seized|taken|set\s+on\s+fire|blown\s+up|intercepted|"
    r"placed|set\s+off|activated|launched|thrown|hurled|fired|robbed|detonated|murder|assassination|massacre|"
    r"kidnapping|abduction|released|freed|held)"
    # (an abbreviation in between: "PLACED IN THE U.S. EMBASSY BY")
    r"(?:\s+(?!by\b)[\w'’-]+(?:\.[\w'’-]+)*\.?){0,8}?\s+by\s+"
    # the act noun's by-phrase after its object: "THE MURDER OF X, DIRECTOR OF THE FIRE DEPARTMENT,
    # BY THE FMLN'S URBAN COMMANDOS"
    r"|\b(?:murder|assassination|killing|kidnapping|massacre|abduction)\s+of\s+[^.;]{1,140}?,\s+by\s+"
    # ... or right after a short object: "THE BURNING OF FIVE BUSES BY REBELS", "THE KILLING OF SIX PRIESTS
    # BY SOLDIERS"
    r"|\b(?:murders?|assassinations?|killings?|kidnappings?|massacres?|abductions?|burning|destruction|bombing|"
    r"dynamiting)\s+of\s+(?:(?!by\b)[\w'’-]+\s+){1,5}?by\s+"
    # an action laid at someone's door: "A TERRORIST ACTION BY X", "THE MURDER WAS AN ACTION BY THE
    # ARMED FORCES"
    r"|\b(?:(?:terrorist|criminal|violent|armed)\s+actions?|(?:was|were|is|are)\s+an?\s+action)\s+by\s+"
    # an act laid at someone's door: "THE ATTACK WAS ATTRIBUTED TO THE DRUG TRAFFICKING RINGS"
    r"|\b(?:attributed\s+to|blamed\s+on|ascribed\s+to)\s+)"
    # (a group counted as a range stands before the words: "BY A GROUP OF 30 TO 40 MEN WEARING UNIFORMS")
    r"(?P<agent>(?:(?:a|an|the)\s+(?:group|band|gang|squad|column)\s+of\s+\d+\s+to\s+\d+\s+)?"
    r"(?:(?!(?:in|on|at|who|when|while|near|and|during|after|before|as|from|with|which|that|"
    r"yesterday|today|last|since|to(?!\s+\d)|early|this|for|because|but|under|through|into|over|by)\b)[\w'’.-]+\s*){1,7}?)"
    r"(?=\s*(?:[,.;:\[(]|\b(?:in|on|at|who|when|while|near|and|during|after|before|as|from|with|which|that|"
    r"yesterday|today|last|since|to(?!\s+\d)|early|this|for|because|but|under|through|into|over|by)\b|$))",
    re.IGNORECASE,
)
# a second by-phrase after the first: "ACTIVATED BY REMOTE CONTROL BY A GUERRILLA UNIT"
_BY_AGAIN = lazy_compile(
    r"\s*by\s+" + _WIRE_AGENT.pattern[_WIRE_AGENT.pattern.index("(?P<agent>") :], re.IGNORECASE
)


# a bracketed gloss inside a by-phrase agent and the words after it up to the clause's end: the
# agent's head ("BY THE ARENA [NATIONALIST REPUBLICAN ALLIANCE] GOVERNMENT, ...")
_GLOSSED_HEAD = lazy_compile(
    r"\s*\[[^\]\n]{1,60}\]\s+(?P<head>(?:(?!(?:in|on|at|who|when|while|near|and|during|after|before|as|from|with|"
    r"which|that|yesterday|today|last|since|to|early|this|for|because|but|under|through|into|over|by|was|were|is|"
    r"are|has|have|had)\b)[A-Za-z][\w'’-]*\s*){1,3}?)(?=[,.;:]|$)",
    re.IGNORECASE,
)


# a by-phrase of a relative clause's own verb, not of the act ("LEFT A COMMUNIQUE THAT WAS PICKED UP
# BY THE NATIONAL POLICE"); a step taken by someone is no act ("THE ACTIONS TAKEN BY HIS COUNTERPART")
_NOT_THE_ACTS_AGENT = lazy_compile(
    r"\w+\s+(?:[\w'’.-]+\s+){0,7}?(?:that|which|who)\s+(?:was|were|is|are|had\s+been|has\s+been)\b", re.I
)
_TAKEN_STEPS = lazy_compile(
    r"\b(?:actions?|measures?|steps?|decisions?|positions?|stand|attitude|initiatives?)\s+$", re.I
)


def _wire_agents(text: str) -> list[re.Match[str]]:
    """The by-phrase agents of the sentence's acts, a chained second by-phrase included."""
    out: list[re.Match[str]] = []
    for m in _WIRE_AGENT.finditer(text):
        taken_step = m.group(0).lower().startswith("taken") and bool(
            _TAKEN_STEPS.search(text[max(0, m.start() - 30) : m.start()])
        )
        if taken_step or _NOT_THE_ACTS_AGENT.match(m.group(0)):
            continue
        out.append(m)
        again = _BY_AGAIN.match(text, m.end("agent"))
        if again is not None:
            out.append(again)
    return out


# where a by-phrase agent ends: before a verb or a participle ("two men traveling on ...", "death
# squads were found ..."); not "drug trafficking rings" (an -ing word before a plural noun is its
# modifier), not "men wearing olive drab uniforms" (what they wore is how they are described)
_AGENT_CUT = lazy_compile(
    r"\s+(?=((?:were|was|is|are|so|would|had|have|has|(?!(?:wearing|clothing)\b)\w+ing(?!\s+\w+s\b)|"
    r"of\s+\w+ing))\b)",
    re.IGNORECASE,
)


def _agent_before_verb(agent: str) -> str:
    """The by-phrase agent up to its verb or participle. An -ing word that a word for people or an
    organisation closes, after a word that is none, modifies that head, and a head ending in -ing
    is none: "THE DRUG TRAFFICKING CRIMINAL ORGANIZATION", "AN ARMS SMUGGLING RING" stay whole ("GUERRILLAS ATTACKING ARMY UNITS"
    ends before the participle)."""
    for m in _AGENT_CUT.finditer(agent):
        word = m.group(1)
        if word.lower().endswith("ing") and " " not in word:
            if word.upper() in AGENT_HEADS:
                continue  # "RING", "GROUPING": the head itself
            rest = [w.strip(".,\"'").upper() for w in agent[m.end(1) :].split()]
            before = [w.strip(".,\"'").upper() for w in agent[: m.start()].split()]
            if (
                rest
                and len(rest) <= 3
                and rest[-1] in AGENT_HEADS
                and before
                and before[-1] not in AGENT_HEADS
                and before[-1] not in FUNCTION_WORDS
            ):
                continue
        return agent[: m.start()]
    return agent


_AGENT_STRIP = lazy_compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:group|band|gang|commando|squad|number|team)\s+of\s+)?(?:(?:alleged|suspected|"
    r"presumed)\s+)?(?:members?\s+of\s+)?(?:(?:a|an|the)\s+)?",
    re.IGNORECASE,
)


_STATE_WORDS = lazy_compile(
    r"\b(?:army|armed\s+forces|military|police|national\s+guard|air\s+force|navy|security\s+forces|"
    r"government|treasury\s+police|troops|battalion|brigade)\b",
    re.IGNORECASE,
)
_ORG_WORDS = lazy_compile(
    r"\b(?:front|movement|cartels?|party|organi[sz]ations?|commandos?|alliance|union|brigades?|death\s+squads?|"
    r"mafias?|rings)$",
    re.IGNORECASE,
)


_SUSPECT_LIST = lazy_compile(
    r"\b(?:suspects?|killers|murderers|perpetrators|assassins|kidnappers|attackers|detainees|"
    r"arrested\s+(?:men|persons|individuals))\b[^.;]{0,60}?"
    r"\b(?:identified\s+(?:himself\s+|herself\s+|themselves\s+)?as|named|(?:are|were)(?!\s+(?:identified|named|being|still|now)))\s+"
    # one doer who gave his name: "THE PAID ASSASSIN, WHO IDENTIFIED HIMSELF AS X"
    r"|\b(?:killer|murderer|assassin|kidnapper|attacker|gunman|hitman)\s*,\s+who\s+(?:was\s+)?identified\s+"
    r"(?:himself\s+|herself\s+)?as\s+",
    re.IGNORECASE,
)
_WARRANT = lazy_compile(r"\b(?:arrest\s+)?warrants?\s+(?:for|against)\s+", re.IGNORECASE)
# the suspect named in apposition: "THE SUSPECT, JUAN PEREZ, WAS ARRESTED", "THE ALLEGED KILLER, X,"
_SUSPECT_APPOSITIVE = lazy_compile(
    r"\b(?:the|a|one|another)\s+(?:(?:main|chief|prime|principal|other)\s+)?(?:suspect|alleged\s+(?:killer|murderer|"
    r"assassin|gunman|kidnapper|attacker|perpetrator))\s*,\s+",
    re.IGNORECASE,
)


def wire_suspects(text: str) -> list[str]:
    """People a wire report names as the act's suspects: "the suspects, who were identified as X,
    Y and Z", "an arrest warrant for X"."""
    out: list[str] = []
    for m in _SUSPECT_LIST.finditer(text):
        out.extend(name_list(text, m.end(), upper=True))
    for m in [*_WARRANT.finditer(text), *_SUSPECT_APPOSITIVE.finditer(text)]:
        name = name_after_titles(text, m.end(), upper=True)
        if name:
            out.append(name)
    return list(dict.fromkeys(out))


# wire copy: the names of the people the sentence before told as suspects or arrested for the act
_THEIR_NAMES = lazy_compile(
    r"\s*(?:THEIR\s+NAMES\s+ARE|THEY\s+(?:WERE|HAVE\s+BEEN|HAD\s+BEEN)\s+IDENTIFIED\s+AS)\s+", re.IGNORECASE
)
_SUSPECTS_TOLD = lazy_compile(
    r"\b(?:SUSPECT(?:S|ED)?|ARRESTED|DETAINED|CAPTURED|ACCUSED|CHARGED)\b[^.;]{0,80}\b(?:KILL\w*|MURDER\w*|"
    r"ASSASSINAT\w*|KIDNAPP?\w*|ATTACK\w*|BOMB\w*|MASSACRE\w*|CRIMES?)\b",
    re.IGNORECASE,
)
# wire copy: the people an act is laid on, "A COLONEL, TWO LIEUTENANTS, AND TWO SOLDIERS WERE
# INVOLVED IN THE MASSACRE", "X, ONE OF THE MEN IMPLICATED IN THE MURDER"
_IMPLICATED = lazy_compile(
    r"(?:\s+(?:who|that))?(?:\s+(?:was|were|is|are|had\s+been|have\s+been|has\s+been|(?:may|could|might|must)\s+"
    r"(?:have\s+been|be)))?"
    r"(?:\s+(?:allegedly|directly|reportedly|also|apparently|presumably|possibly|suspected\s+of\s+being))?\s+"
    r"(?:involved|implicated|participated)\s+in\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:murders?|assassinations?|massacres?|killings?|kidnappings?|attacks?|bombings?|"
    r"crimes?)\b",
    re.IGNORECASE,
)
_PEOPLE_WORDS = words(
    """MEN MAN INDIVIDUALS PERSONS PEOPLE SOLDIERS SOLDIER OFFICERS OFFICER LIEUTENANTS LIEUTENANT
    SERGEANTS SERGEANT CORPORALS CORPORAL COLONELS COLONEL CAPTAINS CAPTAIN MAJORS MEMBERS AGENTS
    POLICEMEN GUERRILLAS REBELS TERRORISTS GUNMEN TROOPS SUBSERGEANTS PRIVATES COMMANDOS"""
)
# a described role in apposition to a name: "X, MAIN SUSPECT IMPLICATED IN ..."
_ROLE_NOUNS = words("PERSON SUSPECT FIGURE INDIVIDUAL")
_REPORT_WORDS = words(
    "THAT SAID ANNOUNCED REPORTED CONFIRMED ADMITTED CHARGED ACCUSED STATED ADDED DISCLOSED"
)


def _people_phrase(part: list[Token]) -> bool:
    """People described ("TWO LIEUTENANTS", "EIGHT OTHER MEMBERS OF THE SALVADORAN ARMY")."""
    # a count given as a range ("TWO OR THREE PEOPLE") or a share of a set ("TWO OF THE MEN")
    ranged = [
        t
        for i, t in enumerate(part)
        if not (
            t.word == "OR" and 0 < i < len(part) - 1 and {part[i - 1].word, part[i + 1].word} <= NUMBER_WORDS
        )
    ]
    if any(t.word in FUNCTION_WORDS - {"OF", "THE", "OTHER", "ARMED"} for t in ranged):
        return False
    if part[-1].word in _PEOPLE_WORDS:
        share = (
            len(part) == 4 and part[0].word in NUMBER_WORDS and part[1].word == "OF" and part[2].word == "THE"
        )
        return share or not any(t.word in {"THE", "OTHER"} for t in part)
    # "MEMBERS OF THE ARMY": people of a body
    return any(
        t.word in _PEOPLE_WORDS and i + 1 < len(part) and part[i + 1].word == "OF" for i, t in enumerate(part)
    )


def implicated(text: str) -> list[str]:
    """Wire copy: who the sentence says was involved or implicated in the act, as it names or
    describes them (a list is read back from the verb to the clause's start)."""
    out: list[str] = []
    for m in _IMPLICATED.finditer(text):
        found: list[str] = []
        toks = tokens(text, max(0, m.start() - 400), m.start())
        k = len(toks)
        while k > 0:
            b = k
            while b > 0 and toks[b - 1].text not in {",", ";", ":"} and toks[b - 1].word != "AND":
                b -= 1
            part = toks[b:k]
            # (a clause opens after a reporting word, a text opens after its dateline: "-- [TEXT] X")
            cut = max(
                (i + 1 for i, t in enumerate(part) if t.word in _REPORT_WORDS or t.text in {"]", "--"}),
                default=0,
            )
            part = part[cut:]
            while part and part[0].word in {
                "A",
                "AN",
                "THE",
                "AND",
                "SOME",
                "ALL",
                "IF",
                "WHETHER",
                "SINCE",
                "BECAUSE",
            }:
                part = part[1:]
            if len(part) > 2 and part[0].word == "AT" and part[1].word == "LEAST":
                part = part[2:]  # "AT LEAST TWO MEN"
            if part and part[0].word == "ONE" and len(part) > 1 and part[1].word == "OF":
                k = b - 1  # "X, ONE OF THE MEN INVOLVED": X
                continue
            if (
                not found
                and b > 0
                and toks[b - 1].text == ","
                and 2 <= len(part) <= 3
                and part[-1].word in _ROLE_NOUNS
                and not any(t.word in FUNCTION_WORDS for t in part)
            ):
                k = b - 1  # "X, PRIMARY PERSON IMPLICATED IN THE MURDER": X
                continue
            if not part or len(part) > 8:
                break
            name = person_before(part)
            if name is not None:
                found.append(name)
            elif _people_phrase(part):
                if len(part) > 1 or part[-1].word.endswith("S"):
                    found.append(" ".join(t.bare for t in part))  # "A COLONEL" alone says too little
            else:
                break
            if cut:
                break  # the clause starts here
            k = b
            while k > 0 and (toks[k - 1].text in {",", ";"} or toks[k - 1].word == "AND"):
                k -= 1
        out.extend(reversed(found))
    return list(dict.fromkeys(out))


# wire copy: people seen fleeing the act are its doers, "A WITNESS SAW TWO MEN WHO FLED AFTER THE
# EXPLOSION" (not "THE PEOPLE WHO FLED THE FIGHTING": they fled from the act, not after it)
_FLED_THE_ACT = lazy_compile(
    r"\b(?P<who>(?:(?:a|an|two|three|four|five|six|several|some|\d+)\s+)(?:(?:unidentified|unknown|young|"
    r"armed)\s+)?(?:people|persons|men|man|individuals|individual|youths|youth|women|woman))\s+(?:who|that)\s+"
    r"(?:had\s+)?(?:fled|escaped|ran\s+away|were\s+seen\s+fleeing)\s+(?:(?:on\s+foot|in\s+a\s+\w+)\s+)?"
    r"(?:after\s+(?:the\s+)?(?:explosion|attack|blast|shooting|crime|bombing)|from\s+the\s+scene)\b",
    re.IGNORECASE,
)


def _agent_kind(agent: str) -> PerpetratorKind:
    """A wire agent ("members of the armed forces" -> "armed forces") is a state body, a group
    (a known one, or one named as a front, movement, cartel...) or a description."""
    if known_group_spans(agent) or _ORG_WORDS.search(agent):
        return "group"
    # ("MEN WEARING MILITARY UNIFORMS": how they were dressed says not who they are)
    head = re.split(
        r"\s+(?:wearing|dressed|carrying|riding|traveling|travelling)\b", agent, maxsplit=1, flags=re.I
    )[0]
    if _STATE_WORDS.search(head) and not re.search(r"\b(?:members?|men|soldiers|troops|agents)$", head, re.I):
        return "state"
    return "unknown"


# wire copy: a named group as the act's agent. After it, people it is made of, a bracketed gloss
# and time words may stand before the act verb ("FMLN [...] URBAN COMMANDOS DESTROYED", "THE FMLN
# THIS MORNING STAGED AN ATTACK", "MEMBERS OF THE FMLN MACHINEGUNNED"); before it, "AN ATTACK ... BY",
# "ATTRIBUTED TO". People of the group as the act's object ("TROOPS KILLED TWO MEMBERS OF THE FMLN")
# make it no agent.
_GROUP_PEOPLE = (
    r"(?:urban\s+|armed\s+|terrorist\s+|guerrilla\s+|rebel\s+)*(?:commandos?|commands?|units?|members|guerrillas|rebels|"
    r"terrorists|troops|fighters|columns?|squads?|cells?|groups?|militants|gunmen|forces)"
)
_GROUP_THEN_ACT = lazy_compile(
    r"\s*(?:[\[(][^\])]{0,80}[\])]\s*)?(?:of\s+[a-z]+\s+)?(?:(?P<people>"
    + _GROUP_PEOPLE
    + r")\s+)?(?:[\[(][^\])]{0,60}[\])]\s*)?"
    r"(?:(?:today|yesterday|this\s+morning|last\s+night|also|reportedly|allegedly|have|has|had|then|later)\s+)*"
    r"(?:killed|murdered|assassinated|kidnapped|kidnaped|abducted|attacked|machinegunned|dynamited|bombed|"
    r"burned|set\s+fire|opened\s+fire|fired|hurled|threw|planted|stormed|raided|ambushed|destroyed|"
    r"blew\s+up|detonated|executed|massacred|staged|carried\s+out|perpetrated|committed|shot|launched|seized|"
    r"sabotaged|occupied|began\s+(?:bombing|shooting|firing|attacking)|"
    r"(?:began|launched|started)\s+(?:an?\s+|its\s+|their\s+)?(?:\w+\s+)?(?:offensive|attacks?))\b",
    re.IGNORECASE,
)
_AGENT_BEFORE_GROUP = lazy_compile(
    r"\b(?:(?:carried\s+out|perpetrated|committed|staged|attempts?|attacks?|assassination|murder|kidnapping|"
    r"bombing|killed|kidnapped|attacked|murdered|assassinated|abducted|dynamited|bombed|destroyed)"
    r"(?:\s+[\w'’-]+){0,10}?\s+by|attributed\s+to)\s+(?:(?:the|a|an)\s+)?(?:so-called\s+|self-styled\s+)?$",
    re.IGNORECASE,
)


def group_acts(text: str, start: int, end: int) -> bool:
    """Wire copy: does the group named at ``text[start:end]`` carry out the act the sentence tells?"""
    return bool(
        _GROUP_THEN_ACT.match(text, end) or _AGENT_BEFORE_GROUP.search(text[max(0, start - 120) : start])
    )


_COUNTED_PEOPLE = lazy_compile(
    r"(?P<n>two|three|four|five|six|\d)\s+(?:\w+\s+)?(?:men|persons|individuals|people|suspects|women)",
    re.IGNORECASE,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _colon_names(text: str, phrase: str) -> list[str]:
    """Wire copy: the names a colon gives the people the sentence described by number ("ARRESTED
    TWO MEN SUSPECTED OF THE MURDER OF X: A AND B" -> A, B), when there are as many as it counted."""
    m = _COUNTED_PEOPLE.fullmatch(phrase)
    at = text.find(phrase)
    if m is None or at < 0:
        return []
    colon = text.find(":", at + len(phrase))
    if colon < 0 or re.search(r"[.;]\s", text[at:colon]):
        return []
    count = m.group("n").lower()
    found = name_list(text, colon + 1, upper=True)
    return found if len(found) == _COUNTS.get(count, int(count) if count.isdigit() else 0) else []


def _past_dateline(name: str, text: str) -> str:
    """``name`` without a leading number that belongs to the dateline before it: "BOGOTA, 29 AUG
    89 (AFP) -- [TEXT] FOREIGN CRIMINALS ..." gives "89 FOREIGN CRIMINALS" when the bracketed
    source is passed over as a gloss; the year is no count of people."""
    m = re.match(r"(\d+)\s+", name)
    if m and re.search(rf"\b{m.group(1)}\s*[(\[]", text) and name.upper() not in text.upper():
        return name[m.end() :]
    return name


def find_perpetrators(
    sentences: list[tuple[int, str, bool]],
    claims: list[Claim],
    upper: bool,
    denied: set[str],
    restored: str | None = None,
    starts: dict[int, int] | None = None,
    after_act: frozenset[int] = frozenset(),
) -> list[Actor]:
    """Perpetrators of the main event: claimants, named groups said to be behind it, generic
    descriptions ("gunmen", "a suicide bomber") and named suspects. ``restored`` is upper-case
    local news in its restored case (:attr:`.context.Context.restored`) and ``starts`` each
    sentence's offset in it: the readers of named suspects, which tell a name by its capitals, read
    the sentence there ("ONE SUSPECT, IDENTIFIED AS CHRISTIAN GOINS" -> "one suspect, identified as
    Christian Goins"); the name is kept as the article writes it. ``after_act``: the sentences
    whose sentence before names the act (a bare accusation there refers to it)."""
    out: list[Actor] = []
    seen: set[str] = set()

    texts = {index: text for index, text, _ in sentences}

    def add(name: str, kind: PerpetratorKind, index: int) -> None:
        name = _past_dateline(name, texts.get(index, ""))
        if not name or all(w in FUNCTION_WORDS for w in name.upper().split()):
            return  # "FOR" (of "FOR WHICH X CLAIMED CREDIT"): no one
        key = (_canonical(name) or re.sub(r"^(?:a|an|the)\s+", "", name.lower())).lower()
        key = re.sub(r"s$", "", key)
        if key in seen or key in denied:
            return
        if any(re.search(rf"\b{re.escape(key)}", s) for s in seen if " " in s):
            return  # "armed individuals" after "four heavily armed individuals"
        seen.add(key)
        out.append(Actor(name=name, kind=kind, sentence=index))

    for c in claims:
        add(c.claimant, "group", c.sentence)
    for index, text, background in sentences:
        if background:
            continue
        if upper:
            # accusations carry their own negation test ("NO GROUP HAS CLAIMED IT; HOWEVER, THE
            # PRESS BLAMES X" accuses X)
            named = [
                *accused_parties(
                    text, named=lambda p: bool(known_group_spans(p)), act_before=index in after_act
                ),
                *held_for_act(text, named=lambda p: bool(known_group_spans(p))),
            ]
            for name in named:
                for person in _colon_names(text, name):
                    add(person, "individual", index)
                groups = known_group_spans(name)
                if groups:
                    add(groups[0][2], "group", index)
                    continue
                body = re.sub(r"^.*?\bmembers\s+of\s+(?:the\s+)?", "", name, flags=re.I)
                if body != name:
                    add(body, _agent_kind(body), index)  # "members of the army": the army too
                add(name, _agent_kind(name), index)
        if _NEGATED.search(text) and re.search(r"\b(?:involvement|role|responsib)", text, re.I):
            continue
        for start, end, raw in known_group_spans(text):
            window = text[max(0, start - 80) : end + 80]
            if FACTION_OF.search(text[max(0, start - 60) : start]):
                continue  # "a breakaway faction of Boko Haram": the faction acted, not the group
            if _victims_side(text, start, end):
                continue  # "the gunman who murdered M-19 leader X": the group is the victim's
            cued = bool(
                _ATTACK_CONTEXT.search(window)
                and not re.search(
                    r"\b(?:against|targeting|fight(?:ing)?\s+(?:against)?|operations?\s+against|offensive\s+against|"
                    r"allied|affiliate\s+of|separate\s+group|linked|ceasefire|talks)\s+(?:the\s+)?$",
                    text[max(0, start - 40) : start],
                    re.I,
                )
                and (
                    re.search(
                        r"\b(?:blamed?|suspected|behind|carried\s+out|perpetrated|committed|claimed|attributed|"
                        r"fighters|militants|gunmen|stormed|attacked|attacks|ambushed|responsible)\b",
                        window,
                        re.I,
                    )
                    or (upper and ACT_CUE.search(window))
                )
            )
            if cued or (upper and group_acts(text, start, end)):
                add(raw, "group", index)
                acting = _GROUP_THEN_ACT.match(text, end) if upper else None
                if acting is not None and acting.group("people"):
                    # "THE FMLN [...] URBAN COMMANDS FIRED": the people as the report describes them
                    people = " ".join(acting.group("people").split())
                    add(f"{raw} {people}", "unknown", index)
        if upper:
            for name in subject_perpetrators(text):
                if known_group_spans(name) and not re.search(r"\bmembers\s+of\b", name, re.I):
                    continue  # a named group is found as such
                body = re.sub(r"^.*?\bmembers\s+of\s+(?:the\s+)?", "", name, flags=re.I)
                if (
                    body != name
                    and not known_group_spans(body)
                    and not re.match(r"(?:that|this|those|these)\b", body, re.I)  # one named before
                ):
                    add(body, _agent_kind(body), index)  # "members of the armed forces": the body too
                # the head before "of": "MERCENARIES OF THAT ORGANIZATION"
                head = re.split(r"\s+of\s+", name, maxsplit=1, flags=re.I)[0]
                plural = bool(re.search(r"(?:s|men|people|group|gang|band|column|couple)$", head, re.I))
                # an armed body ("THE SANDINIST AIR FORCE") is the state's, not one person
                single: PerpetratorKind = "state" if _agent_kind(name) == "state" else "individual"
                add(name, "unknown" if plural else single, index)
        generic = [*_GENERIC.finditer(text), *(_WIRE_GENERIC.finditer(text) if upper else [])]
        for m in sorted(generic, key=lambda m: m.start()):
            name = re.sub(r"\s+", " ", m.group("name")).strip()
            low = name.lower()
            if (
                not _ATTACK_CONTEXT.search(text)
                and not (upper and _WIRE_ATTACK_CONTEXT.search(text))
                and not (upper and _THE_DOERS.fullmatch(name) and _opens_sentence(text, m.start(), m.end()))
            ):
                continue
            # terrorists / rebels as the speaker's word: keep, attributed by the quote itself
            if (
                re.search(
                    r"\b(?:against|by\s+police\s+on|targeting|killed|neutrali[sz]ed)\s+(?:the\s+)?$",
                    text[max(0, m.start() - 25) : m.start()],
                    re.I,
                )
                and "terrorist" in low
            ):
                continue
            if _OPPOSED.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "the war against drug traffickers", "talks with the rebels": the other side
            if _SOURCE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "according to the guerrillas, ...": who tells it, not who did it
            if _HARMED_SIDE_NOUN.search(low) and _ATTACKED_BEFORE.search(
                text[max(0, m.start() - 60) : m.start()]
            ):
                continue  # "the troops attacked about 150 guerrillas": the side attacked
            if _HARMED_SIDE_NOUN.search(low) and _harmed(text, m.start(), m.end()):
                continue  # "six guerrillas and one soldier were killed": the fallen of a side, not its attackers
            singular = not re.search(r"(?:s|men|ies)$", low)
            kind: PerpetratorKind = (
                "individual" if singular and not re.search(r"group|mob|squad", low) else "unknown"
            )
            if upper:
                name = re.sub(r"^(?:a|an|the)\s+", "", name.lower())
            add(name, kind, index)
        if upper:
            for m in _wire_agents(text):
                agent = re.sub(r"\s+", " ", m.group("agent")).strip()
                rest = _GLOSSED_HEAD.match(text, m.end("agent"))
                if rest is not None:
                    # "A TERRORIST ACTION BY THE ARENA [NATIONALIST REPUBLICAN ALLIANCE] GOVERNMENT": the
                    # gloss stands inside the name, whose head follows it
                    agent = f"{agent} {' '.join(rest.group('head').split())}"
                agent = _AGENT_STRIP.sub("", agent).strip()
                agent = agent.rstrip(".")
                # the agent ends before a verb or a participle: "two men traveling on ...", "death
                # squads were found ..."
                agent = _agent_before_verb(agent)
                groups = known_group_spans(agent)
                if groups and agent.lower() != groups[0][2].lower():
                    # "ELN guerrillas", "FMLN units": the group, and the people as described
                    add(groups[0][2], "group", index)
                if (
                    agent
                    and not re.fullmatch(r"(?:THE|A|AN|HIS|HER|THEIR|ITS|[\d\W]+)", agent, re.I)
                    and plausible_agent(agent, named=lambda p: bool(known_group_spans(p)))
                    and not re.search(
                        r"\b(?:bombs?|explosions?|explosives?|devices?|grenades?|dynamite|fire)\b",
                        agent,
                        re.I,
                    )
                ):
                    add(agent, _agent_kind(agent), index)
        if upper:
            for name in wire_suspects(text):
                add(name, "individual", index)
            names = _THEIR_NAMES.match(text)
            if names is not None and _SUSPECTS_TOLD.search(texts.get(index - 1, "")):
                # "... FIVE MEN SUSPECTED OF KILLING X. THEIR NAMES ARE A, B, AND C."
                for name in name_list(text, names.end(), upper=True):
                    add(name, "individual", index)
            for name in implicated(text):
                plural = name.split()[-1].upper() in _PEOPLE_WORDS and name.upper().endswith("S")
                add(name, "unknown" if plural else "individual", index)
            for m in _FLED_THE_ACT.finditer(text):
                name = " ".join(m.group("who").split())
                add(name, "individual" if name.upper().endswith(("MAN", "WOMAN")) else "unknown", index)
        if not upper:
            read = text
            if restored is not None and starts is not None and index in starts:
                read = first_names(restored[starts[index] : starts[index] + len(text)])
            for pattern in (_NAMED_SUSPECT, _ARRESTED_NAME):
                for m in pattern.finditer(read):
                    add(text[m.start("name") : m.end("name")].strip(), "individual", index)
            for name in find_aged_suspects(read):
                at = read.find(name)
                add(text[at : at + len(name)] if at >= 0 else name, "individual", index)
    return out


_DENIAL = lazy_compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|disowned)\s+(?:any\s+|all\s+|its\s+|having\s+any\s+|that\s+"
    r"(?:it|any\s+of\s+its\s+members)\s+(?:was|were|had\s+been)\s+)?(?:involvement|involved|role|responsibility|"
    r"links?|part|participation|a\s+role)\b",
    re.IGNORECASE,
)
_DENIER = lazy_compile(
    r"(?:^|[.;:]\s+|,\s+|\b(?:and|but|while)\s+)(?P<name>(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:[A-Z][\w'’-]*|front|group|"
    r"movement|army|brigade|militia|party|faction))(?:\s*\([^)]{1,20}\))?"
    r"(?:,\s+[^,]{1,90},)?\s+(?:(?:had|has|have|also|quickly|later|swiftly|itself)\s+)*(?:(?:on|in)\s+\w+\s+)?$"
)


def find_denials(sentences: list[tuple[int, str, bool]]) -> list[str]:
    """Groups the article says denied any role in the act, as it names them ("the Jaime Martínez
    front", "The Pakistani Taliban (TTP)" -> "the Pakistani Taliban"): the denial verb's subject
    when it is a group's name, else the last known group named before the verb."""
    out: list[str] = []
    seen: set[str] = set()
    for _, text, _ in sentences:
        for m in _DENIAL.finditer(text):
            head = text[: m.start()]
            name: str | None = None
            sm = _DENIER.search(head)
            if sm is not None and re.search(_GROUP_WORD + r"|front|faction|militia", sm.group("name"), re.I):
                name = sm.group("name").strip()
            if name is None:
                groups = [
                    g
                    for g in known_group_spans(head)
                    if g[1] > len(head) - 140 and not head[: g[0]].rstrip().endswith("(")  # "(TTP)": a gloss
                ]
                if not groups:
                    continue
                name = groups[-1][2]
                if re.search(r"\bthe\s+$", head[: groups[-1][0]], re.IGNORECASE):
                    name = "the " + name  # "the Pakistani Taliban"
            name = re.sub(r"^(?:The|A|An)\b", lambda w: w.group(0).lower(), name)
            bare = re.sub(r"^(?:the|a|an)\s+", "", name)
            key = (_canonical(bare) or bare).lower()
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


def denied_groups(sentences: list[tuple[int, str, bool]]) -> set[str]:
    """Groups that denied involvement (never listed as perpetrators or claimants)."""
    out: set[str] = set()
    for _, text, _ in sentences:
        if re.search(
            r"\b(?:denied|denies|deny|distanced|disowned|rejected|had\s+no\s+involvement|not\s+involved|"
            r"no\s+role)\b",
            text,
            re.I,
        ):
            for _, _, raw in known_group_spans(text):
                out.add((_canonical(raw) or raw).lower())
    return out


def _accused_groups(rows: list[tuple[int, str, bool]], after_act: frozenset[int]) -> set[str]:
    """Known groups a sentence of the report (not background) accuses of the act."""
    named = lambda p: bool(known_group_spans(p))  # noqa: E731
    out: set[str] = set()
    for index, text, background in rows:
        if background:
            continue
        for name in accused_parties(text, named=named, act_before=index in after_act):
            out.update((_canonical(raw) or raw).lower() for _, _, raw in known_group_spans(name))
    return out


def _background_accused(
    rows: list[tuple[int, str, bool]], denied: set[str], after_act: frozenset[int]
) -> list[Actor]:
    """Who the report's background sentences accuse (a group as its known name), in order."""
    named = lambda p: bool(known_group_spans(p))  # noqa: E731
    out: list[Actor] = []
    seen: set[str] = set()
    for index, text, background in rows:
        if not background:
            continue
        for name in accused_parties(text, named=named, act_before=index in after_act):
            groups = known_group_spans(name)
            name = groups[0][2] if groups else name
            key = (_canonical(name) or name).lower()
            if key in seen or key in denied:
                continue
            seen.add(key)
            out.append(Actor(name=name, kind="group" if groups else _agent_kind(name), sentence=index))
    return out


def _names_group(text: str) -> bool:
    """A sentence that names a group or a suspect by age, looked at wherever it stands."""
    return bool(known_group_spans(text)) or bool(find_aged_suspects(text))


def _accuses(text: str, act_before: bool = False) -> bool:
    """Wire copy: a sentence that lays the act at someone's door ("THE CRIME WAS COMMITTED BY THE
    ARMED FORCES", "HE BLAMED THE DRUG MAFIA FOR THE MURDER"), looked at wherever it stands."""
    named = lambda p: bool(known_group_spans(p))  # noqa: E731
    return bool(
        accused_parties(text, named=named, act_before=act_before)
        or held_for_act(text, named=named)
        # a by-phrase of a harmful act, not of custody ("HELD BY THE POLICE", "RELEASED BY")
        or any(not _CUSTODY.match(m.group(0)) for m in _wire_agents(text))
    )


_CUSTODY = lazy_compile(r"(?:held|taken|released|freed|seized|occupied|left|intercepted)\b", re.IGNORECASE)


def _with_named_suspects(
    perps: list[DraftPerpetrator], named: list[NamedSuspect], by_index: dict[int, Sentence]
) -> list[DraftPerpetrator]:
    """Named suspects ("Police identified the gunman as Daniel Ortiz") go after the groups and
    before generic descriptions ("a gunman"); the same name found by both readers is kept once."""
    if not named:
        return perps
    names = {n.name.lower() for n in named}
    groups = [p for p in perps if p.kind in {"group", "state"}]
    rest = [p for p in perps if p.kind not in {"group", "state"} and p.name.lower() not in names]
    suspects = [DraftPerpetrator(name=n.name, kind="suspect", quote=by_index[n.sentence].text) for n in named]
    return [*groups, *suspects, *rest]


# generic words for insurgents: in a report that names one armed group and no other, they are
# that group's people ("TERRORISTS KILLED DEFENSELESS WOMEN ... WHAT THE FMLN HAS BEEN DOING")
_INSURGENT_WORDS = lazy_compile(
    r"\b(?:guerrillas?|guerrilla\s+(?:columns?|units?|commandos?)|rebels?|terrorists?|subversives?|insurgents?|"
    r"extremists?|militants?|jihadists?|narco-?terrorists?|(?:urban\s+)?commandos?)$",
    re.IGNORECASE,
)


def _group_referent(
    rows: list[tuple[int, str, bool]], generic: list[str], denied: set[str]
) -> tuple[str, int] | None:
    """The one armed group a report names, as written where first named, when the perpetrators it
    finds are only insurgents described generically ("terrorists", "urban guerrilla commandos"):
    the generic words refer to that group. None when the report names no group, several, or one
    that denied the act or only as a faction's parent."""
    if not generic or not any(_INSURGENT_WORDS.search(name.strip()) for name in generic):
        return None
    first: dict[str, tuple[str, int]] = {}
    for index, text, _background in rows:
        for start, _end, raw in known_group_spans(text):
            key = (_canonical(raw) or raw).lower()
            if FACTION_OF.search(text[max(0, start - 60) : start]):
                return None
            first.setdefault(key, (raw, index))
    if len(first) != 1:
        return None
    ((key, found),) = first.items()
    return None if key in denied else found


# wire copy: a group the sentence before named by what it is called ("A CRIMINAL GROUP CALLED "LOVE
# FOR MEDELLIN." THIS GROUP IS RESPONSIBLE FOR THE MURDERS")
_CALLED = lazy_compile(
    r"\b(?:group|organi[sz]ation|gang|band|squad|commando)\s+(?:called|known\s+as|named|calling\s+itself)\s+"
    r"[\"“](?P<name>[^\"”.,;]{3,60})[.,]?[\"”]",
    re.IGNORECASE,
)


def _called(actor: Actor, by_index: dict[int, Sentence]) -> Actor:
    """A bare "GROUP" (of "THIS GROUP IS RESPONSIBLE") is the group the sentence before called by
    its name, when it named one."""
    if actor.name.upper() not in {"GROUP", "ORGANIZATION", "GANG", "BAND"}:
        return actor
    before = by_index.get(actor.sentence - 1)
    found = [m.group("name") for m in _CALLED.finditer(before.text)] if before is not None else []
    if len(found) != 1:
        return actor
    return Actor(name=" ".join(found[0].split()), kind="group", sentence=actor.sentence - 1)


def parties(ctx: Context, event: Sentence | None) -> tuple[list[DraftPerpetrator], list[DraftClaim]]:
    """The step: perpetrators (from the event's window, and any sentence that names a group or an
    aged suspect) and responsibility claims. A group that denies it is no perpetrator, unless it
    also claims the act."""
    # the event sentence is the act reported, even when it looks back at another time ("X WERE
    # ARRESTED TODAY FOR THE MURDER OF ... ON 16 NOVEMBER"): its agents are the event's
    event_index = event.index if event is not None else None

    def foreground(t: tuple[int, str, bool]) -> tuple[int, str, bool]:
        return (t[0], t[1], False) if t[0] == event_index else t

    rows = [foreground(t) for t in ctx.fact_rows]
    # sentences right after one that names the act
    after_act = (
        frozenset(i + 1 for i, s in ctx.by_index.items() if names_act(s.text)) if ctx.wire else frozenset()
    )
    denied = denied_groups(rows)
    claims = find_claims(rows, [])
    denied -= {c.claimant.lower() for c in claims}
    denied -= {(_canonical(c.claimant) or c.claimant).lower() for c in claims}
    window = [foreground(t) for t in ctx.incident_window(event)]
    starts = {s.index: s.start for s in ctx.usable} if ctx.restored is not None else None

    def read(t: tuple[int, str, bool]) -> str:
        """The sentence as the readers of names read it (upper-case local news: restored case)."""
        if ctx.restored is None or starts is None or t[0] not in starts:
            return t[1]
        return ctx.restored[starts[t[0]] : starts[t[0]] + len(t[1])]

    named_elsewhere = [
        t
        for t in rows
        if t not in window
        and (
            _names_group(read(t))
            or (
                ctx.wire
                and not t[2]
                and (_accuses(t[1], t[0] in after_act) or bool(subject_perpetrators(t[1], active_only=True)))
            )
        )
    ]
    actors = find_perpetrators(
        [*window, *named_elsewhere], claims, ctx.wire, denied, ctx.restored, starts, after_act
    )
    if not actors and ctx.wire and denied:
        # no one else named: the group the report accuses is the doer, even when it denies it
        # ("THE GOVERNMENT ACCUSED THE FMLN OF MURDERING X ... THE FMLN DENIED THE CHARGE")
        accused = denied & _accused_groups(rows, after_act)
        if accused:
            denied -= accused
            actors = find_perpetrators(
                [*window, *named_elsewhere], claims, ctx.wire, denied, ctx.restored, starts, after_act
            )
    if not actors and ctx.wire:
        # wire copy often tells who did it further down ("WITNESSES SAID THE BOMB WAS PLANTED BY TWO
        # MEN"): with nothing in the event's window, the rest of the report (not background) is read
        actors = find_perpetrators(rows, claims, ctx.wire, denied, after_act=after_act)
    if not actors and ctx.wire:
        # still none: the window's sentences that look back at another time may still tell the
        # act's agent ("X, DEFENSE MINISTER UNTIL MAY 1989, WAS SHOT BY THREE MEN")
        actors = find_perpetrators(
            [(i, t, False) for i, t, _bg in window], claims, ctx.wire, denied, after_act=after_act
        )
    if not actors and ctx.wire:
        # still none: an accusation the report tells of earlier acts like this one ("THE GOVERNMENT
        # ATTRIBUTED THESE ACTIONS TO EXTREMIST GROUPS") names the side it lays them at
        actors = _background_accused(rows, denied, after_act)
    if ctx.wire:
        actors = [_called(a, ctx.by_index) for a in actors]
    perpetrators = _with_named_suspects(
        [
            # a name hard-wrapped across lines ("FARABUNDO MARTI NATIONAL LIBERATION\nFRONT") is one name
            DraftPerpetrator(name=" ".join(a.name.split()), kind=a.kind, quote=ctx.by_index[a.sentence].text)
            for a in actors
        ],
        find_named_suspects(rows) if not ctx.wire else [],
        ctx.by_index,
    )[:6]
    referent = _group_referent(
        rows, [p.name for p in perpetrators if p.kind not in {"group", "state"}], denied
    )
    if (
        referent is not None
        and len(perpetrators) < 6
        and all(p.kind not in {"group", "state"} for p in perpetrators)
    ):
        name, index = referent
        perpetrators.append(
            DraftPerpetrator(name=" ".join(name.split()), kind="group", quote=ctx.by_index[index].text)
        )
    responsibility = [
        DraftClaim(
            claimant=c.claimant, channel=c.channel, verified=c.verified, quote=ctx.by_index[c.sentence].text
        )
        for c in claims
    ]
    return perpetrators, responsibility
