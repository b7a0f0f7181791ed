"""Named shooters and suspects in mixed-case news: people the article says were charged, arrested,
sought, or did the shooting.

    "Police identified the gunman as Daniel Ortiz, 23"      -> Daniel Ortiz
    "The suspect, 27-year-old Darrien Weeks, has been charged" -> Darrien Weeks
    "Ortiz was charged with murder" (after "Daniel Ortiz")  -> Daniel Ortiz
    "Police arrested Zachary Alexander, 26, and charged him" -> Zachary Alexander
    "Tremaine Wilbourn, 29, is accused of killing ..."       -> Tremaine Wilbourn
    "Police say Juan Almaraz shot twice at ..."              -> Juan Almaraz

A name said to have been shot, killed or wounded ("Marcus Reed was shot", "the victim, Marcus
Reed") is a victim, not a suspect, unless the article also says that he shot, or was charged.
Suspects and the charged are perpetrators of kind ``suspect``: the article reports an accusation,
not a finding. A surname alone ("Ortiz was charged") is resolved to the full name the article gave
before; a surname that was never given in full is left out.

Upper-case copy ("POLICE IDENTIFIED THE GUNMAN AS DANIEL ORTIZ") has no capitals to tell a name, so
each sentence is first read in a restored case of the same length (:func:`.text.restore_case`): an
ordinary English word (a frequent word of the language, or a cue word of the patterns below) in
lower case, any other word capitalised. Names found are given back as written (upper case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lazyre import lazy_compile
from ...normalize.dates import CALENDAR_WORDS

__all__ = ["NamedSuspect", "find_named_suspects", "first_names"]


@dataclass(frozen=True)
class NamedSuspect:
    name: str
    sentence: int


# ("DeLaPort", "McDonald", "O'Neal", "Flores-Alvarez")
_WORD = r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+){0,2}(?:[-'’][A-Z]?[a-z]+)*)"
# (a name's lower-case particle too: "Juan de la Cruz", "Denny Michael de Silva" as upper case is restored)
_MID = rf"(?:{_WORD}|[A-Z]\.|\"[A-Z][a-z]+\"|“[A-Z][a-z]+”|(?:de|da|del|di|du|van|von|der|den|la|le|bin)(?=\s+(?:[A-Z]|(?:la|le|los|las|der|den)\s+[A-Z])))"
_SUFFIX = r"(?:,?\s+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w]))?"
# a person's full name: two to four capitalised words ("Cleveland Darquan Santez Wiggins",
# "Zurlon Z. Tipton", "William \"Billy\" Mitchell II")
# (never part of a longer word: "Herschel Jones III" is not "Herschel Jones I")
_FULL = rf"(?P<name>{_WORD}(?:\s+{_MID}){{0,2}}\s+{_WORD}{_SUFFIX})(?![A-Za-z])"
_AGE = r"(?:\d{1,3}[-\s]year[-\s]old\s+)"
# (where they live counts too: "Armonte Hooper, of the 400 block of West Marquette, is being held")
_APPOSITIVE = (
    r"(?:,\s*(?:an?\s+)?\d{1,3}(?:-year-old)?[^.;]{0,70}?,|,\s+who\s+[^.;]{0,90}?,|,\s+(?:an?|the)\s+[^.;,]{0,50},"
    r"|,\s+of\s+[^.;,]{0,60},|,\s+both\s+\d{1,3},)?"
)
_CHARGE_VERB = (
    r"(?:(?:was|is|has\s+been|had\s+been|were|are|is\s+being|was\s+being|will\s+be|remains?)\s+(?:also\s+|later\s+|then\s+|"
    r"subsequently\s+|now\s+|still\s+|formally\s+|previously\s+|already\s+|initially\s+|eventually\s+|"
    r"ultimately\s+|reportedly\s+|allegedly\s+)?(?:arrested|charged|booked|jailed|indicted|taken\s+into\s+custody|"
    r"accused|convicted|sentenced|held\s+(?:without|on|in)|wanted|identified\s+as\s+the\s+(?:gunman|shooter|suspect)|"
    r"facing|in\s+custody|being\s+held|arraigned|extradited|taken\s+to\s+jail|suspected\s+(?:of|in)|being\s+sought|sought\s+(?:in|for))"
    # "Flores-Alvarez was treated at a hospital and then taken to jail"
    r"|(?:was|were)\s+(?!(?:shot|killed|wounded|injured|hit|struck|found|pronounced)\b)[A-Za-z][a-z]+ed\b[^.;:]{0,70}?\s+and\s+"
    r"(?:then\s+|later\s+|subsequently\s+)?(?:arrested|charged|booked|jailed|taken\s+(?:to\s+jail|into\s+custody))"
    r"|(?:faces|is\s+facing|turned\s+(?:himself|herself)\s+in|surrendered|(?:has\s+|had\s+)?pleaded|allegedly\s+\w+|admitted)"
    # "Keith Lee should be considered armed and dangerous", "Miller and Cobb committed the robbery"
    r"|(?:(?:should\s+be|is|was|are|were)\s+(?:still\s+)?considered\s+armed\s+and\s+dangerous"
    r"|committed\s+the\s+(?:robbery|shooting|murder|killing|crime|attack|homicide|assault))"
    # "Headley got out of his car and started shooting", "Higgins pulled a gun and fired two shots":
    # a first verb of the name's own (never a passive or a verb of saying), then the shooting
    r"|(?P<coord>(?:(?:then|later|allegedly|reportedly)\s+)?(?!(?:was|were|is|are|had|has|have|been|being|said|says|told|"
    r"tells|saw|heard|called|ran\s+away)\b)[a-z]+(?:\s+[^.;:]{0,60}?)?\s+and\s+(?:then\s+)?(?:allegedly\s+)?"
    r"(?:fired|opened\s+fire|(?:started|began)\s+(?:shooting|firing)|shot\s+(?:at|him|her|them|the|a|an|his|\w+\s+times)\b))"
    r"|(?:(?:then|later|allegedly|reportedly)\s+)?(?:started|began)\s+(?:shooting|firing)"
    r"|(?:(?:fatally\s+|then\s+|later\s+|allegedly\s+|apparently\s+)?(?:shot|killed|fired|opened\s+fire|gunned\s+down)"
    r"(?!\s+(?:by|and\s+killed\s+by|to\s+death\s+by)\b)"
    r"(?=\s+(?:(?:and|at|on|into|through|him|her|them|his|the|a|an|multiple|several|once|twice|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|shots|rounds|himself|herself)\b|[A-Z]|\d))"
    # "Karmelo Johnson was found dead after shooting himself", "X died of a self-inflicted gunshot
    # wound", "X then turned the gun on himself"
    r"|(?:was|were)\s+found\s+dead\s+after\s+(?:shooting|killing)\s+(?:himself|herself)"
    r"|(?:died|was\s+found\s+dead|was\s+pronounced\s+dead)\b[^.;]{0,40}?\b(?:of|from)\s+(?:an?\s+)?(?:apparent(?:ly)?\s+)?"
    r"self-inflicted"
    r"|(?:(?:then|later|apparently)\s+)?turned\s+the\s+(?:gun|weapon|rifle|handgun|pistol|shotgun)\s+on\s+(?:himself|herself)))"
)
# "identified the gunman as Daniel Ortiz", "named the suspect as ..."
_IDENTIFIED_AS = lazy_compile(
    rf"\b(?:identified|named)\s+(?:the\s+)?(?:suspect|gunman|shooter|assailant|attacker|alleged\s+\w+|man\s+who\s+"
    rf"\w+\s+\w+|woman\s+who\s+\w+\s+\w+)\s+as\s+(?:{_AGE})?{_FULL}"
)
# "X was convicted of the murder of Y", "X, 23, was found guilty of murdering Y"
_CONVICTED_OF = lazy_compile(
    rf"(?<![\w’']){_FULL}{_APPOSITIVE}\s+(?:was|were|has\s+been|had\s+been)\s+(?:convicted|found\s+guilty)\s+"
    rf"(?:on\s+\w+\s+|\w+\s+)?of\s+(?:the\s+)?(?:first-degree\s+|second-degree\s+)?(?:murder(?:ing)?|kill(?:ing)?|shoot(?:ing)?|manslaughter)\b"
)
# "X was sentenced Wednesday to life in prison for the 2014 shooting death of Y"
_SENTENCED_FOR = lazy_compile(
    rf"(?<![\w’']){_FULL}{_APPOSITIVE}\s+(?:was|were|has\s+been)\s+sentenced\s+[^.;]{{0,60}}?\bfor\s+(?:the\s+|his\s+|her\s+)?"
    rf"(?:\d{{4}}\s+)?(?:fatal\s+)?(?:murder|killing|shooting|death)\b"
)
_PATTERNS = (
    # "Tremaine Wilbourn, 29, is accused of ...", "Juan Almaraz shot twice at ...", "Robert Rialmo,
    # one of the responding officers, fatally shot ..."
    lazy_compile(rf"(?<![\w’'])(?<!\.\s){_FULL}{_APPOSITIVE}\s+{_CHARGE_VERB}"),
    # the name set off by commas as another phrase's appositive: "One of the responding officers, Robert
    # Rialmo, fatally shot ..."
    lazy_compile(rf"(?<=[a-z],\s){_FULL},\s+{_CHARGE_VERB}"),
    # "police arrested Zachary Alexander", "charging 24-year-old Jacob Nathan Ross", "searching for ...",
    # "took Brent Thomas, 22, into custody"
    lazy_compile(
        rf"\b(?:arrested|charged|charging|booked|arresting|took|apprehended|detained|indicted|searching\s+for|"
        rf"(?:the\s+)?arrest\s+of|warrant\s+for|charges\s+against|"
        rf"looking\s+for|search\s+for|hunt\s+for|manhunt\s+for|tracked\s+down|led\s+them\s+to|(?:they|police)\s+believe\s+"
        rf"(?:is|was))\s+(?:{_AGE})?(?:(?:[A-Z][a-z]+\s+)?resident\s+)?{_FULL}"
    ),
    # "the suspect, 27-year-old Darrien Weeks,", "shooting suspect Earnest Hardy", "the gunman, Daniel Ortiz"
    lazy_compile(
        rf"\b(?:suspect|gunman|shooter|assailant|attacker|triggerman|(?:alleged|accused|suspected)\s+(?:gunman|shooter|killer))"
        rf"(?:\s+(?:was|has\s+been|had\s+been|is|were)\s+(?:later\s+|since\s+|officially\s+)?identified\s+as\s+"
        rf"|(?:,\s*|\s+)(?:(?:later\s+)?identified\s+as\s+)?)(?:{_AGE})?{_FULL}"
    ),
    _IDENTIFIED_AS,
    # the role as the name's appositive: "Ray Dunn, the alleged gunman, ...", "Ray Dunn, a suspect in the shooting"
    lazy_compile(
        rf"(?<![\w’']){_FULL},\s+(?:\d{{1,3}},\s+)?(?:the|an?)\s+(?:(?:alleged|accused|suspected|reputed)\s+(?:gunman|shooter|killer|"
        rf"triggerman|attacker)|(?:gunman|shooter)\b|suspect\s+in\s+the\s+(?:shooting|killing|murder|death|robbery|attack))"
    ),
    # "the man who shot Boring is Robert Pasillas"
    lazy_compile(
        rf"\b(?:who|that)\s+(?:shot|killed|fired\s+at|opened\s+fire\s+on)\s+[^.;]{{0,40}}?\s+(?:is|was)\s+{_FULL}"
    ),
)
# a phrase a person's name as a subject never follows ("the silver Chevrolet Malibu", "a friend of")
_DETERMINED = lazy_compile(r"\b(?:the|a|an|his|her|their|its|of)\s+(?:[a-z]+\s+)?$")
_CAPITALISED_BEFORE = lazy_compile(r"([A-Z][\w'’-]*)\s+$")
# a surname alone: "Ortiz was charged with murder", "Police arrested Alexander at the Days Inn"
_SURNAME_PATTERNS = (
    lazy_compile(rf"(?<![\w’'])(?P<name>{_WORD}){_APPOSITIVE}\s+{_CHARGE_VERB}"),
    lazy_compile(
        r"\b(?:arrested|charged|booked|took|apprehended|detained|indicted)\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
    ),
)
# a person named as a victim ("Marcus Reed was shot", "the victim, Marcus Reed")
_VICTIM_AFTER = lazy_compile(
    r"^(?:,\s*(?:an?\s+)?\d{1,3}(?:-year-old)?[^.;]{0,60}?,)?\s+(?:was|were|had\s+been|has\s+been|is)\s+(?:\w+\s+){0,2}?"
    r"(?:shot|killed|wounded|injured|struck|hit|pronounced|found\s+dead|hospitali[sz]ed|taken\s+to)"
    r"|^(?:,\s*(?:an?\s+)?\d{1,3}(?:-year-old)?[^.;]{0,60}?,)?\s+died\b"
)
_VICTIM_BEFORE = lazy_compile(
    r"(?:victims?|deceased|identified\s+(?:the\s+)?(?:victim|dead|deceased|man\s+killed|woman\s+killed)\s+as|victim\s+"
    rf"was\s+identified\s+as|killed|shot|wounded)\s*,?\s*(?:as\s+)?(?:{_AGE})?$",
    re.IGNORECASE,
)
# "the man who shot Jones will be charged": Jones is the one shot
_OBJECT_BEFORE = lazy_compile(
    r"\b(?:shot|killed|wounded|struck|hit|murdered|shooting|killing|death|victim|of|with|to|and|against)\s+$",
    re.IGNORECASE,
)
# words that are no part of a person's name
_NOT_NAME = (
    frozenset(
        [
            "police",
            "officer",
            "officers",
            "sheriff",
            "sheriff's",
            "deputy",
            "deputies",
            "department",
            "county",
            "city",
            "state",
            "street",
            "avenue",
            "road",
            "court",
            "judge",
            "chief",
            "detective",
            "detectives",
            "investigators",
            "authorities",
            "officials",
            "prosecutors",
            "jail",
            "news",
            "report",
            "the",
            "a",
            "an",
            "he",
            "she",
            "they",
            "it",
            "his",
            "her",
            "their",
            "this",
            "that",
            "these",
            "those",
            "when",
            "while",
            "after",
            "before",
            "during",
            "on",
            "in",
            "at",
            "of",
            "for",
            "u.s.",
            "fbi",
            "atf",
            "swat",
            "police's",
            "mr",
            "mrs",
            "ms",
            "dr",
            "lt",
            "sgt",
            "capt",
            "det",
            "cpl",
            "officer's",
            "north",
            "south",
            "east",
            "west",
            "new",
            "old",
            "saint",
            "st",
            "fort",
            "mount",
            "lake",
            "port",
            "upper",
            "lower",
            "district",
            "hospital",
            "university",
            "school",
            "center",
            "centre",
            "church",
            "park",
            "mall",
            "station",
            "interstate",
            "highway",
            "route",
            "both",
            "two",
            "three",
            "several",
            "many",
            "some",
            "all",
            "according",
            "also",
            "but",
            "and",
            "or",
            "so",
            "then",
            "there",
            "here",
            "where",
            "who",
            "whom",
            "whose",
            "which",
            "what",
        ]
    )
    | CALENDAR_WORDS
)  # weekday and month names


_RANK_WORDS = frozenset(
    ["officer", "deputy", "sergeant", "detective", "trooper", "corporal", "patrolman", "constable", "agent"]
)
# a rank before a name ("Officer Robert Rialmo fatally shot ..."): no part of the name
_RANK = lazy_compile(
    r"^(?:(?:Police|Patrol|Special|State)\s+)?(?:Officer|Deputy|Sergeant|Detective|Trooper|Corporal|Patrolman|Constable|Agent)\s+(?=\S+\s)"
)


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,")
    name = _RANK.sub("", name)
    while " " in name and name.rsplit(" ", 1)[1].lower() in CALENDAR_WORDS:
        name = name.rsplit(" ", 1)[0]  # "Rafael Herrera Saturday" -> "Rafael Herrera"
    return re.sub(r",\s+(Jr|Sr|II|III|IV)", r" \1", name)


def _valid(name: str) -> bool:
    words = [w.strip('.,"“”').lower() for w in name.split()]
    words = [w for w in words if w]
    if len(words) < 2 or words[0] in _NOT_NAME or words[-1] in _NOT_NAME:
        return False
    if any(re.search(r"['’]s$", w) for w in words):
        return False  # "Henderson's Brother" (upper-case copy read in restored case) is no name
    if any(w in _NOT_NAME for w in words):
        return False
    from ...normalize.places import resolve_country
    from ...normalize.us_places import state_names

    joined = " ".join(words)
    return resolve_country(name) is None and joined not in state_names()


_FULL_RE = lazy_compile(rf"(?<![\w’']){_FULL}")


def _victims(text: str) -> set[str]:
    """Lower-cased names (and surnames) the article gives as victims."""
    out: set[str] = set()
    for m in _FULL_RE.finditer(text):
        name = _clean(m.group("name"))
        after = text[m.end() : m.end() + 120]
        before = text[max(0, m.start() - 60) : m.start()]
        if _VICTIM_AFTER.match(after) or _VICTIM_BEFORE.search(before):
            out.add(name.lower())
    return out


# a sentence can name a suspect only with one of these words
_TRIGGER = lazy_compile(
    r"\b(?:arrest|charg|book|jail|indict|custody|accus|convict|sentenc|held|wanted|identif|fac|turned|surrender|"
    r"plead|admit|alleged|shot|kill|fired|fire|gunned|took|apprehend|detain|search|look|hunt|tracked|led|believe|"
    r"considered|committed|started|began|shooting|himself|herself|warrant|sought|killer|self-inflicted|"
    r"suspect|gunman|shooter|assailant|attacker|trigger|named|arraign|extradit|remain)",
    re.IGNORECASE,
)


def _full_names(sentences: list[tuple[int, str, bool]], restored: bool = False) -> dict[str, str]:
    """Surname (lower-cased) -> the first full name the article gives with it. Read in restored
    case, a name of three words or more that ends on a common English word is also taken without
    it ("Officer Robert Rialmo Seeks" from "OFFICER ROBERT RIALMO SEEKS": Robert Rialmo)."""
    from .text import common_english_words

    full_names: dict[str, str] = {}
    for _, t, _bg in sentences:
        for m in _FULL_RE.finditer(t):
            name = _clean(m.group("name"))
            if _valid(name):
                last = re.sub(r"\s+(?:Jr\.?|Sr\.?|II|III|IV)$", "", name).split()[-1].lower()
                full_names.setdefault(last, name)
                words = name.split()
                if restored and len(words) >= 3 and words[-1].lower() in common_english_words():
                    full_names.setdefault(words[-2].lower(), " ".join(words[:-1]))
    return full_names


def find_named_suspects(sentences: list[tuple[int, str, bool]], restored: bool = False) -> list[NamedSuspect]:
    """Named suspects in the (index, text, background?) sentences, in order of first mention
    (``restored``: the sentences are upper-case copy read in restored case)."""
    from .text import common_english_words, is_upper_text, restore_case

    if is_upper_text(" ".join(t for _, t, _bg in sentences)):
        rows = [(i, first_names(restore_case(t, _ordinary_words())), bg) for i, t, bg in sentences]
        found = find_named_suspects(_surnames_again(rows), restored=True)
        return [NamedSuspect(s.name.upper(), s.sentence) for s in found]
    accused: list[tuple[str, int]] = []
    full_names: dict[str, str] | None = None
    for index, t, bg in sentences:
        if not _TRIGGER.search(t):
            continue  # no word that could tell a suspect
        if bg:
            # a sentence about another time may still name this act's suspect ("Bratton identified
            # the suspect as X, 19, and said he had five prior arrests"); a court report tells the
            # act as past ("X was convicted of the murder of Y, who died ... in July last year")
            for m in [*_IDENTIFIED_AS.finditer(t), *_CONVICTED_OF.finditer(t), *_SENTENCED_FOR.finditer(t)]:
                name = _clean(m.group("name"))
                if _valid(name):
                    accused.append((name, index))
            continue
        for rx in _PATTERNS:
            for m in rx.finditer(t):
                if rx is _PATTERNS[0] and _DETERMINED.search(
                    t[max(0, m.start("name") - 40) : m.start("name")]
                ):
                    continue  # "the silver Chevrolet Malibu ... fired": a thing, not a person
                name = _clean(m.group("name"))
                if (
                    restored
                    and m.groupdict().get("coord")
                    and name.rsplit(" ", 1)[-1].lower() in common_english_words()
                ):
                    # read in restored case, the first verb may stand capitalised as the name's last
                    # word ("Headley Got out of his Car and started shooting"): the name before it
                    name = name.rsplit(" ", 1)[0]
                    if " " not in name:
                        if full_names is None:
                            full_names = _full_names(sentences, restored)
                        name = full_names.get(name.lower(), name)
                if _valid(name):
                    accused.append((name, index))
        for rx in _SURNAME_PATTERNS:
            for m in rx.finditer(t):
                word = m.group("name").lower()
                if restored and m.groupdict().get("coord") and word in common_english_words():
                    continue  # "Headley Got out of his Car and started shooting": a verb, not a surname
                before = t[max(0, m.start("name") - 60) : m.start("name")]
                if word in _NOT_NAME or _OBJECT_BEFORE.search(before):
                    continue
                if full_names is None:
                    full_names = _full_names(sentences, restored)
                full = full_names.get(word)
                if full is None:
                    continue
                prev = _CAPITALISED_BEFORE.search(before)
                if prev is not None and not _RANK.match(prev.group(1) + " x "):
                    # the last word of a name written in full here: the name as a subject, not after
                    # "the silver" ("the silver Chevrolet Malibu hung out of the window and fired");
                    # a common word before it is no part of a name ("the Night Rialmo shot": restored case)
                    # (restored case capitalises any rare word: only a determiner before it tells)
                    head = full.rsplit(" ", 1)[0] + " "
                    if before.endswith(head):
                        if _DETERMINED.search(before[: -len(head)]):
                            continue
                    elif restored:
                        if _DETERMINED.search(before[: prev.start(1)]):
                            continue
                    elif prev.group(1).lower() not in common_english_words():
                        continue
                accused.append((full, index))
    if not accused:
        return []
    text = " ".join(t for _, t, bg in sentences if not bg)
    victims = _victims(text)
    out: list[NamedSuspect] = []
    seen: set[str] = set()
    for name, index in accused:
        key = name.lower()
        if key in seen or (key in victims and not _accused_directly(name, text)):
            continue
        seen.add(key)
        out.append(NamedSuspect(name, index))
    return out


def _surnames_again(rows: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Restored-case sentences with the surname of a full name the article gave ("Robert Lewis
    Dear,") capitalised wherever it stands alone in lower case ("dear is being held"), unless it is
    a cue word of the patterns or a function word."""
    from .text import ENGLISH_STOPWORDS

    surnames = {
        last
        for last, full in _full_names(rows).items()
        if len(full.split()) >= 2 and last not in ENGLISH_STOPWORDS and last not in _cue_words()
    }
    if not surnames:
        return rows
    words = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, surnames))) + r")\b")
    return [(i, words.sub(lambda m: m.group(0).capitalize(), t), bg) for i, t, bg in rows]


_RESTORED_WORD = lazy_compile(r"[A-Za-z]+")
# the first word of a place's name ("shot Fort Bragg soldier ..."): never a person's, always capitalised
_PLACE_FIRST = frozenset(["fort", "mount", "saint", "port", "lake", "north", "south", "east", "west", "new"])


def first_names(t: str) -> str:
    """Restored-case text with the English words that stand as a name's first word capitalised
    again ("for william Mitchell", "is robert Pasillas" -> "William", "Robert"): such a word right
    before a name (a word that is no common English word: "Mitchell", not "Residents"; past a
    quoted nickname: 'william "Billy" Mitchell'), after a function word or a comma; or as the last
    word of a name before its age ("Kimberly Marie king, 33"). The patterns' cue words ("shot",
    "police") and the function words never are."""
    from .text import ENGLISH_STOPWORDS, common_english_words

    common = common_english_words()
    protected = (_cue_words() | ENGLISH_STOPWORDS | _NOT_NAME) - _PLACE_FIRST
    words = list(_RESTORED_WORD.finditer(t))
    out = list(t)

    def name(k: int) -> bool:
        """Is word ``k`` a name: capitalised and no common English word?"""
        if not 0 <= k < len(words):
            return False
        w = words[k].group(0)
        return w[:1].isupper() and len(w) > 1 and w.lower() not in common

    def gap(a: int, b: int) -> str:
        return t[words[a].end() : words[b].start()] if a >= 0 and b < len(words) else ""

    for k, m in enumerate(words):
        w = m.group(0)
        if not w.islower() or len(w) < 3 or w in protected or t[m.start() - 1 : m.start()] in ("'", "’"):
            continue
        before_name = (gap(k, k + 1) == " " and name(k + 1)) or (
            gap(k, k + 1) in (' "', " “") and gap(k + 1, k + 2) in ('" ', "” ") and name(k + 2)
        )
        opens = (
            k == 0
            or words[k - 1].group(0) in ENGLISH_STOPWORDS
            or words[k - 1].group(0) in _RANK_WORDS  # "officer robert Rialmo"
            or bool(re.search(r"(?:[,;:(]|\d-year-old)\s*$", t[: m.start()]))
        )
        closes = (
            gap(k - 1, k) == " "
            and words[k - 1].group(0)[:1].isupper()
            and (name(k - 1) or (gap(k - 2, k - 1) == " " and name(k - 2)))
            and t[m.end() :].startswith(",")
        )
        if (before_name and (opens or w in _PLACE_FIRST)) or closes:
            out[m.start()] = w[0].upper()
    return "".join(out)


def _cue_words() -> frozenset[str]:
    """The literal cue words of the patterns above ("charged", "identified", "shot")."""
    global _CUES
    if _CUES is None:
        words: set[str] = set()
        for rx in (*_PATTERNS, *_SURNAME_PATTERNS, _TRIGGER):
            words |= set(re.findall(r"(?<![\\a-z])[a-z]{2,}", rx.pattern))
        _CUES = frozenset(words)
    return _CUES


_CUES: frozenset[str] | None = None


def _ordinary_words() -> frozenset[str]:
    """Lower-cased ordinary words: the frequent English words, the words that are no part of a
    name, and every literal cue word the patterns above read."""
    global _ORDINARY
    if _ORDINARY is None:
        from .text import frequent_english_words

        words = set(frequent_english_words()) | set(_NOT_NAME)
        for rx in (*_PATTERNS, *_SURNAME_PATTERNS, _TRIGGER):
            words |= set(re.findall(r"(?<![\\a-z])[a-z]{2,}", rx.pattern))
        _ORDINARY = frozenset(words)
    return _ORDINARY


_ORDINARY: frozenset[str] | None = None


def _accused_directly(name: str, text: str) -> bool:
    """Does the article also charge or arrest ``name`` (a victim who was also a shooter)?"""
    esc = re.escape(name)
    return bool(
        re.search(
            rf"{esc}{_APPOSITIVE}\s+(?:was|is|has\s+been)\s+(?:also\s+)?(?:arrested|charged|accused)", text
        )
        or re.search(rf"\b(?:arrested|charged)\s+{esc}", text)
        # the one who shot himself is the shooter, also when found dead
        or re.search(
            rf"{esc}{_APPOSITIVE}\s+(?:died|was\s+found\s+dead|was\s+pronounced\s+dead)\b[^.;]{{0,40}}?\b(?:of|from)\s+(?:an?\s+)?(?:apparent(?:ly)?\s+)?self-inflicted",
            text,
        )
        or re.search(
            rf"{esc}{_APPOSITIVE}\s+(?:(?:then|later|apparently)\s+)?turned\s+the\s+(?:gun|weapon|rifle|handgun|pistol|shotgun)\s+on\s+(?:himself|herself)",
            text,
        )
        or re.search(
            rf"{esc}{_APPOSITIVE}\s+(?:(?:then|later|apparently)\s+)?(?:shot|killed)\s+(?:himself|herself)\b",
            text,
        )
        or re.search(
            rf"{esc}{_APPOSITIVE}\s+(?:was|were)\s+found\s+dead\s+after\s+(?:shooting|killing)\s+(?:himself|herself)\b",
            text,
        )
    )
