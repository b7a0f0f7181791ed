"""Split an article into paragraphs and sentences (with offsets) and mark what is not the article.

Boilerplate ("ALSO READ: ...", "Advertisement", photo captions, bylines, "(Reporting by ...)",
sign-up prompts, asides) and text addressed to a model ("Ignore previous instructions ...") are
kept as segments but flagged, so that no fact is ever taken from them. The dateline
("KABUL, March 3 (Reuters) -", "SAN SALVADOR, 3 JAN 90 (...) --", "PESHAWAR:") is recognised and
its place kept for the location.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...article import guess_language
from ...injection import INSTRUCTION_TEXT
from ...lazyre import lazy_compile
from ...normalize.us_places import ap_state_abbreviations, state_names

__all__ = [
    "ENGLISH_STOPWORDS",
    "Article",
    "Sentence",
    "common_english_words",
    "frequent_english_words",
    "is_upper_text",
    "is_wire_copy",
    "restore_case",
    "segment",
]

ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "by",
        "from",
        "that",
        "this",
        "it",
        "its",
        "said",
        "says",
        "after",
        "as",
        "be",
        "been",
        "which",
        "who",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "not",
        "but",
        "or",
    ]
)
_BOILERPLATE = lazy_compile(
    r"^\s*(?:[\[(]\s*)?(?:"
    r"also\s+read|read\s+more|read\s+also|related(?:\s+(?:stories|coverage|articles?|content|news))?\s*:|"
    r"recommended|more\s+from|most\s+(?:read|popular|viewed)|trending|top\s+stories|latest\s+news|"
    r"you\s+(?:may|might)\s+also\s+like|see\s+also|advertisement|sponsored|trigger\s+warning|content\s+warning|"
    r"sign\s+up|subscribe|newsletter|follow\s+(?:us|the\s+latest)|click\s+here|share\s+this|"
    r"watch\b|listen\b|video\s*:|photo\b|photos\b|image\s*:|picture\s*:|caption|file\s+photo|credit\s*:|"
    r"copyright|©|all\s+rights\s+reserved|\(?reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting|"
    r"compiled\s+by|contact\s*:|e-?mail\s*:|tags?\s*:|topics?\s*:|updated\s*:?|published\s*:?|posted\s*:?|"
    r"last\s+updated|first\s+published|the\s+views\s+expressed\s+(?:are|here|in)\b|"
    r"(?:please\s+note\s+)?by\s+(?:clicking|posting|commenting|submitting)\b[^.]*\byou\s+(?:agree|acknowledge|accept)|"
    r"date\s*:?\s*\d|by\s+[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|&)){0,7}\s*$|"
    r"[^|\n]{1,60}\|[^|\n]{1,60}(?:\|[^|\n]{0,60})*$|"
    r"from\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3},\s*[A-Z][\w.'-]+\s*$|"
    r"analyst\s+note|editor'?s\s+note|note\s+to\s+editors|disclaimer|this\s+story\s+(?:has\s+been|was)\s+"
    r"|this\s+article\s+(?:has\s+been|was|contains)|(?:[\w-]+\s+){0,3}(?:news\s+desk|staff\s+reporter|"
    r"correspondent|staff\s+writer|reporter)\b[^.]*$"
    r")",
    re.IGNORECASE,
)
_CAPTION_TAIL = lazy_compile(
    r"(?:\((?:AP|AFP|Reuters|EPA|Getty)[^)]*photo[^)]*\)|photo\s*(?:by|:|/)|/\s*(?:Reuters|AFP|AP|Getty\s+Images)"
    r"|Getty\s+Images|\bREUTERS/|\bAFP\s+via\s+Getty)\s*\.?\s*$",
    re.IGNORECASE,
)
# Text that speaks to a model rather than reporting news: never data for extraction.
_INJECTION = INSTRUCTION_TEXT
_SEPARATOR = lazy_compile(r"^\s*(?:[-*_=~#•·]\s*){3,}$")
# a time stamp or an update note ("Updated at 1:50 p.m.: Clarifies ...", "Posted: Monday"): when the
# story goes on in the same paragraph (a page whose text came as one block), only the notes are boilerplate
# a comment section's disclaimer ("The views expressed are not those of this station", "Please note by
# clicking on \"Post\" you acknowledge ...") is such a note too
_STAMP = lazy_compile(
    r"^\s*(?:updated|published|posted|last\s+updated|first\s+published|the\s+views\s+expressed\s+(?:are|here|in)\b|"
    r"(?:please\s+note\s+)?by\s+(?:clicking|posting|commenting|submitting)\b[^.]*\byou\s+(?:agree|acknowledge|accept))\b",
    re.IGNORECASE,
)
_MUC_TAGS = lazy_compile(r"\[[A-Z][^\]]{0,80}\]")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpt",
        "maj",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "jr",
        "sr",
        "no",
        "nos",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "pt",
        "fig",
        "approx",
        "dept",
        "univ",
        "bros",
        "est",
        "insp",
        "supt",
        "cmdr",
        "adm",
        "brig",
        "cdr",
        "det",
    ]
)
_BOUNDARY = lazy_compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|[.!?]+[\"'”’)\]]*\s*$")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int = 0
    boilerplate: bool = False
    injection: bool = False
    heading: bool = False
    title: bool = False

    @property
    def usable(self) -> bool:
        """May facts be taken from this sentence?"""
        return not (self.boilerplate or self.injection)


@dataclass
class Article:
    text: str
    sentences: list[Sentence]
    upper: bool
    language: str  # "en", "es", "fr" or "other"
    dateline_place: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_end: int = -1  # where the text after the dateline ("... (Reuters) - ") starts  # index of the first sentence of the body (after title / byline)
    title_sentences: list[Sentence] = field(default_factory=list)
    wire: bool = False  # hard-wrapped FBIS-style wire copy, told by its form (see is_wire_copy)

    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.usable and not s.title and not s.heading]

    def usable(self) -> list[Sentence]:
        return [s for s in self.sentences if s.usable and not s.heading]


_WIRE_FORM = lazy_compile(
    r"\s*[A-Z][\w .,'’-]{1,40}?(?:\s*\([^)]{1,30}\))?\s*,\s*(?:\d{1,2}\s+[A-Z]{3,4}\s+\d{2}|NO\s+DATE)\b"
    r"[^\n]{0,60}?--",
    re.IGNORECASE,
)
_WIRE_TAG = lazy_compile(
    r"\[(?:TEXT|EXCERPTS?|REPORT|EDITORIAL\s+REPORT|INTERVIEW|PASSAGE\s+OMITTED|COMMUNIQUE|SPEECH|COMMENTARY)\b",
    re.IGNORECASE,
)


def is_wire_copy(text: str) -> bool:
    """FBIS-style wire copy (MUC-4): a "CITY (COUNTRY), 3 JAN 90 (AGENCY) --" dateline or "[TEXT]"
    tags, whatever the letter case. Such copy is hard-wrapped (a single line break is no paragraph
    end) and has no headline."""
    return bool(_WIRE_FORM.match(text) or _WIRE_TAG.search(text[:600]))


@lru_cache(maxsize=1)
def frequent_english_words() -> frozenset[str]:
    """The few hundred most frequent English words (jusText's stop-list, drawn from Wikipedia word
    counts) and the function words: words that are never a name."""
    import justext

    return frozenset({w.lower() for w in justext.get_stoplist("English")} | ENGLISH_STOPWORDS)


_COMMON_MIN_COUNT = 1000
_COMMON_STORE_FORMAT = 1  # bump when the stored list changes meaning


@lru_cache(maxsize=1)
def common_english_words() -> frozenset[str]:
    """Common English words (pyspellchecker's English word counts, 1,000 or more): ordinary words
    that may still be part of a place's name ("Hills", "Park"). Read only for upper-case copy;
    loading pyspellchecker's counts costs about half a second, so the words are stored once as a
    plain list beside the gazetteer (:func:`spellchecker_common_words`)."""
    return spellchecker_common_words() | frequent_english_words()


def _common_words_path(min_count: int = _COMMON_MIN_COUNT) -> Path | None:
    from importlib import metadata

    from ...stores import store_folder

    folder = store_folder()
    if folder is None:
        return None
    try:
        version = metadata.version("pyspellchecker")
    except metadata.PackageNotFoundError:
        version = "?"
    key = f"format={_COMMON_STORE_FORMAT}\nmin_count={min_count}\npyspellchecker={version}"
    name = "common-words" if min_count == _COMMON_MIN_COUNT else f"words-{min_count}"
    return folder / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.txt"


def spellchecker_common_words(min_count: int = _COMMON_MIN_COUNT) -> frozenset[str]:
    """The alphabetic words pyspellchecker counts ``min_count`` times or more in English: from the
    stored list when one exists for this pyspellchecker version, else from pyspellchecker (then
    stored, one word a line, sorted). An unreadable file or an unwritable folder only costs the slow
    load."""
    path = _common_words_path(min_count)
    if path is not None:
        try:
            stored = path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            stored = []
        if stored and all(w.isalpha() for w in stored):  # else missing, torn or foreign: rebuilt
            return frozenset(stored)
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en").word_frequency
    words = frozenset(w for w, n in counts.items() if n >= min_count and w.isalpha())
    if path is not None:
        _store_words(words, path)
    return words


@lru_cache(maxsize=1)
def known_english_words() -> frozenset[str]:
    """Every word pyspellchecker's English list knows, however rare ("passerby", "stoppage"), with
    the function words. A word of upper-case copy outside it ("VARILLAS", "TOJEIRA") is a name; one
    inside it may still be a name ("CARLOS"), so this says only what is surely no English word."""
    return spellchecker_common_words(1) | frequent_english_words()


def _store_words(words: frozenset[str], path: Path) -> None:
    from ...stores import store_versioned

    with contextlib.suppress(OSError):  # an unwritable cache folder: the list is rebuilt next time
        store_versioned(
            path, "\n".join(sorted(words)).encode("utf-8"), path.name.rsplit("-", 1)[0] + "-*.txt"
        )


_CASE_WORD = lazy_compile(r"[A-Za-z]+")
_ROMAN = frozenset(["II", "III", "IV"])
_CLITICS = frozenset(["s", "t", "d", "m", "ll", "re", "ve"])
_ORDINAL_ENDS = frozenset(["st", "nd", "rd", "th"])
# the first word of a Spanish, Portuguese or Arabic place or family name, capitalised before a name
_NAME_PARTICLES = frozenset(["san", "santa", "santo", "sao", "el", "al", "los", "las", "la"])


def restore_case(text: str, ordinary: frozenset[str], name_tails: frozenset[str] = frozenset()) -> str:
    """Upper-case text in the case mixed-case news would write it, letter for letter the same length,
    so that readers that tell names by their capitals can read it: a word of ``ordinary`` in lower
    case, unless it is one of ``name_tails`` right after a name ("GRANADA HILLS" -> "Granada Hills",
    "IN CRITICAL CONDITION" -> "in critical condition"); any other word capitalised ("ARRESTED
    DANIEL ORTIZ" -> "arrested Daniel Ortiz")."""
    out: list[str] = []
    last = 0
    named_before = False
    for m in _CASE_WORD.finditer(text):
        w, low = m.group(0), m.group(0).lower()
        gap = text[last : m.start()]
        out.append(gap)
        goes_on = named_before and gap in (" ", "-") and low in name_tails
        if text[m.start() - 1 : m.start()].isdigit() and low in _ORDINAL_ENDS:
            cased, named = low, False  # "3RD AVENUE" -> "3rd"
        elif text[m.start() - 1 : m.start()] in ("'", "’") and low in _CLITICS:
            cased, named = low, named_before  # "PHILADELPHIA'S" -> "Philadelphia's", "DIDN'T" -> "didn't"
        elif w == "A" and text[m.end() : m.end() + 1] != ".":
            cased, named = "a", False  # the article, not an initial ("A 40-YEAR-OLD")
        elif w in _ROMAN or len(w) == 1:
            cased, named = w, False
        elif (low in ordinary and not goes_on) or (
            low.endswith("n") and text[m.end() : m.end() + 2] in ("'T", "’T")
        ):  # "DIDN'T", "WASN'T"
            cased, named = low, False
        else:
            cased, named = w[:1] + low[1:], True
        if named and gap in (" ", "-") and len(out) >= 2 and out[-2] in _NAME_PARTICLES:
            out[-2] = out[-2].capitalize()  # "SAN JOSE", "EL SERENO", "AL-WASTA": a name's particle
        out.append(cased)
        named_before = named
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def is_upper_text(text: str) -> bool:
    head = text[:3000]
    upper = len(re.findall(r"[A-ZÀ-Ý]", head))
    lower = len(re.findall(r"[a-zß-ÿ]", head))
    return upper + lower > 20 and upper / (upper + lower) > 0.85


def _language(text: str) -> str:
    """ "es"/"fr" for the languages the foreign-language reader knows, else "en"."""
    lang = guess_language(text)
    return lang if lang in ("es", "fr") else "en"


_LINE_BREAK = lazy_compile(r"\n[ \t\r\f\v]*(?:\n\s*)*")


def _is_wrap(text: str, line_start: int, line_end: int, next_start: int) -> bool:
    """Is this single line break a wrap (the sentence goes on) rather than a paragraph end?
    A wrapped line is long, does not end a sentence, and the next line goes on in lower case or
    with a word that continues the clause."""
    line = text[line_start:line_end].rstrip()
    if len(line) < 50 or re.search(r"[.!?:;\"”’)\]]$", line):
        return False
    nxt = text[next_start : next_start + 40]
    return bool(re.match(r"[a-z(\d]", nxt)) or not re.search(r"[.!?]", line[-60:])


def _paragraphs(text: str, upper: bool) -> list[tuple[int, int]]:
    """Paragraph spans: blank lines always split; single newlines split too unless the text is
    hard-wrapped newswire (MUC), where a line break is only a wrap."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        if "\n" not in m.group(0)[1:] and (upper or _is_wrap(text, pos, m.start(), m.end())):
            continue  # a single line break inside a hard-wrapped paragraph
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _split_sentences(text: str, a: int, b: int, upper: bool = False) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = a
    chunk = text[a:b]
    for m in _BOUNDARY.finditer(chunk):
        end = a + m.end()
        dot = a + m.start()
        word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[start:dot])
        if word and text[dot] == ".":
            w = word.group(1).lower().rstrip(".")
            if w in _ABBREV or len(w) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                # "Gen. Smith", "J. Smith", "U.S. officials": not an end, unless a.m./p.m. style
                # abbreviation is followed by a capitalised function word that starts a sentence
                nxt = text[end : end + 12].strip().split(" ")[0] if end < b else ""
                # in upper-case text every word is capitalised: "3:20 A.M. ON SUNDAY" goes on
                if upper or not (re.fullmatch(r"(?:[a-z]\.)+[a-z]", w) and nxt.lower() in ENGLISH_STOPWORDS):
                    continue
            elif w in ap_state_abbreviations() and re.search(r",\s*[A-Za-z.]+$", text[start:dot]):
                # "GAINESVILLE, Ga. (WXIA) -- ...", "in Aurora, Colo., police said": a state after
                # its town ends no sentence, unless a function word starts the next one
                nxt = text[end : end + 12].strip().split(" ")[0] if end < b else ""
                if nxt.lower() not in ENGLISH_STOPWORDS:
                    continue
        out.append((start, end))
        start = end
        while start < b and text[start].isspace():
            start += 1
    if start < b:
        out.append((start, b))
    return [(s, e) for s, e in out if text[s:e].strip()]


_DATELINE = lazy_compile(
    r"\s*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}?|[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+){0,2})"
    r"(?:\s*\((?P<paren>[^)]{1,30})\))?"
    r"(?P<rest>(?:\s*,\s*[^,—–\n]{1,40}?){0,3})"
    r"\s*(?:\([^)]{1,60}\))?\s*(?:--|—|–|-|:)\s+",
    re.MULTILINE,
)


_LOCAL_DATELINE_END = lazy_compile(r"(?:\([^)]{1,60}\))?\s*(?:—|–|--)\s*$")


def _find_dateline(
    text: str, start: int, upper: bool, wire: bool = False
) -> tuple[str, tuple[int, int], int] | None:
    """(place as written, its span, where the body text starts) for a dateline at ``start``."""
    m = _DATELINE.match(text, start)
    if not m:
        return None
    place = m.group("place").strip()
    if not upper and not place.isupper() and not m.group("rest"):
        return None  # "Officials said: ..." is not a dateline
    if upper and not re.search(r"\d", m.group("rest") or "") and not m.group(0).rstrip().endswith("--"):
        # upper-case local news keeps the datelines of mixed-case news: "HONESDALE — ", "FLINT
        # (WWJ/AP) – ", "PALM BEACH COUNTY, FLA. - " (a state after the town)
        local = not wire and (
            _LOCAL_DATELINE_END.search(m.group(0)) is not None or _us_state_rest(m.group("rest") or "")
        )
        if not local:
            return None
    if len(place.split()) > 4:
        return None
    p_start = m.start("place")
    return place, (p_start, p_start + len(place)), m.end()


def _us_state_rest(rest: str) -> bool:
    """Is the dateline's rest a US state (", FLA.", ", Ohio")?"""
    words = re.sub(r"^\s*,\s*", "", rest).strip().rstrip(".").lower()
    return bool(words) and (words in ap_state_abbreviations() or words in state_names())


def segment(text: str, title: str | None = None) -> Article:
    upper = is_upper_text(text)
    wire = is_wire_copy(text)
    sentences: list[Sentence] = []
    dateline_place: str | None = None
    dateline_span: tuple[int, int] | None = None
    paragraphs = _paragraphs(text, wire)
    title_norm = re.sub(r"\W+", " ", title or "").strip().lower()
    seen_body = False
    body_paragraphs = 0
    dateline_end = -1
    for p_index, (a, b) in enumerate(paragraphs):
        para = text[a:b]
        boiler = (
            bool(_BOILERPLATE.match(para)) or bool(_CAPTION_TAIL.search(para)) or bool(_SEPARATOR.match(para))
        )
        if re.match(r"^\s*\[(?:photo|image|picture|caption|video)", para, re.I):
            boiler = True
        injection = bool(_INJECTION.search(para))
        spans = _split_sentences(text, a, b, upper)
        stamps = 0  # the update notes that open a paragraph whose story goes on
        if boiler and _STAMP.match(para) and not _CAPTION_TAIL.search(para):
            stamps = next((k for k, (s, e) in enumerate(spans) if not _STAMP.match(text[s:e])), len(spans))
            boiler = stamps == len(spans)
        heading = False
        is_title = False
        words = para.split()
        if not upper and len(words) <= 6 and para.isupper() and not re.search(r"[.!?]$", para):
            heading = True  # a section heading ("THE NIGHT")
        if not seen_body and not boiler and not heading:
            flat = re.sub(r"\W+", " ", para).strip().lower()
            if (title_norm and flat == title_norm) or (
                len(words) <= 25 and not re.search(r"[.!?][\"'”’]?$", para) and p_index < 4 and not wire
            ):
                # a headline or standfirst line without a full stop before the body starts
                is_title = bool(title_norm and flat == title_norm) or len(words) >= 4
                if not is_title:
                    boiler = True  # a short kicker / byline-like line ("Sentinel Reporter")
        if dateline_place is None and not boiler and not heading and not is_title and body_paragraphs < 4:
            found = _find_dateline(text, a, upper, wire)
            if found is not None:
                dateline_place, dateline_span, dateline_end = found
        if not boiler and not heading and not is_title:
            seen_body = True
            body_paragraphs += 1
        first = len(sentences)
        tainted = False  # from the first sentence that speaks to a model to the paragraph's end
        for k, (s, e) in enumerate(spans if not is_title else [(a, b)]):
            tainted = tainted or bool(injection and _INJECTION.search(text[s:e]))
            sentences.append(
                Sentence(
                    start=s,
                    end=e,
                    text=text[s:e],
                    paragraph=p_index,
                    boilerplate=boiler or k < stamps,
                    injection=tainted,
                    heading=heading,
                    title=is_title,
                )
            )
        if injection and not tainted:  # the match spans sentences: the whole paragraph
            for sent in sentences[first:]:
                sent.injection = True
    for i, sent in enumerate(sentences):
        sent.index = i
        if not sent.boilerplate and _INJECTION.search(sent.text):
            sent.injection = True
    art = Article(
        text=text,
        sentences=sentences,
        upper=upper,
        wire=wire,
        language=_language(text),
        dateline_place=dateline_place,
        dateline_span=dateline_span,
        dateline_end=dateline_end,
    )
    art.title_sentences = [s for s in sentences if s.title]
    return art


@lru_cache(maxsize=64)
def strip_muc_tags(s: str) -> str:
    """Drop MUC bracket tags ("[REPORT] [JOSE MARTINEZ] [TEXT]") and a leading dateline."""
    s = _MUC_TAGS.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip()
