"""Article input: text, bytes, HTML or an :class:`Article`, turned into the exact text engines see.

Plain text is kept exactly as given (so ``text[start:end]`` works on the caller's own string);
HTML is reduced to article text with trafilatura; bytes are decoded or rejected; an over-long
article is truncated at a paragraph boundary with an explicit warning in the report.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from pydantic import BaseModel, Field, field_validator

from .errors import DecodeError, EmptyArticleError, InputError, InvalidDateError
from .injection import instruction_spans
from .lazyre import lazy_compile
from .normalize.dates import dateline_gap, find_dateline_date
from .schema import ArticleMeta, ReportWarning


class Article(BaseModel):
    """An article and what is known about it. Only ``text`` is required."""

    text: str
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    extra: dict[str, object] = Field(default_factory=lambda: {})  # not dict: see schema._no_items

    @field_validator("published", mode="before")
    @classmethod
    def _parse_published(cls, value: object) -> object:
        if isinstance(value, str | date):
            return parse_published(value)
        return value


# publication dates outside this range are typos or probes, never news (and break date arithmetic)
MIN_PUBLISHED_YEAR, MAX_PUBLISHED_YEAR = 1800, 2200


def parse_published(value: str | date | None) -> date | None:
    """Parse a publication date given as ``YYYY-MM-DD`` (optionally with a valid ISO time), or a
    date; raise :class:`InvalidDateError` with the reason otherwise."""
    if value is None:
        return None
    if isinstance(value, date):
        return _in_range(value, str(value))
    text = value.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text):
        raise InvalidDateError(value)
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        raise InvalidDateError(value) from None
    if len(text) > 10:
        stamp = re.sub(r"[zZ]$", "+00:00", text)
        try:
            datetime.fromisoformat(stamp)
        except ValueError:
            raise InvalidDateError(value, "the time part is not a valid ISO time") from None
    return _in_range(day, value)


def _in_range(day: date, shown: str) -> date:
    if not MIN_PUBLISHED_YEAR <= day.year <= MAX_PUBLISHED_YEAR:
        raise InvalidDateError(
            shown, f"the year must be between {MIN_PUBLISHED_YEAR} and {MAX_PUBLISHED_YEAR}"
        )
    return day


_SURROGATE = lazy_compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """Lone UTF-16 surrogates (invalid Unicode, e.g. half an emoji from a JSON escape) become U+FFFD,
    one character for one, so every other offset stays where it was."""
    fixed, n = _SURROGATE.subn("\ufffd", text)
    return fixed, n


@dataclass
class PreparedArticle:
    """The text engines see plus metadata and the warnings preparation produced."""

    text: str
    meta: ArticleMeta
    warnings: list[ReportWarning] = field(default_factory=list)
    was_html: bool = False
    reference_date: date | None = None
    """What relative dates resolve against: the publication date, else the dateline's date."""


_HTML_START = lazy_compile(r"^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_TAG = lazy_compile(r"</?(p|div|article|span|br|h[1-6]|body|head|section|a|li|ul)\b[^>]*>", re.I)


_CLOSE = lazy_compile(r"</(p|div|article|span|h[1-6]|body|head|section|a|li|ul)\s*>", re.I)
_DOCUMENT_TAG = lazy_compile(r"<(?:body|head|main|article|title|meta|script|style)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """HTML by structure, not by a count of tag-like strings: a document start, document-level
    tags, a text that opens with markup, or elements that are opened and closed again. Plain text
    that merely mentions ``<p>`` or ``<div>`` stays text."""
    head = text[:2000]
    if _HTML_START.search(head):
        return True
    sample = text[:20000]
    tags = _TAG.findall(sample)
    if len(tags) < 5:
        return False
    if _DOCUMENT_TAG.search(sample) or sample.lstrip().startswith("<"):
        return True
    opened = {t.lower() for t in tags}
    closed = [c.lower() for c in _CLOSE.findall(sample)]
    return sum(1 for c in closed if c in opened) >= 3


def _visible_chars(html: str) -> int:
    """Characters of text in ``html`` once tags, scripts and styles are gone (a rough yardstick)."""
    body = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", " ", html)
    return len(re.sub(r"\s+", "", body))


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: BOMs, then UTF-8, then Windows-1252; binary data is refused."""
    if not data:
        raise EmptyArticleError("the article is empty (0 bytes)")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"the article claims {enc} but does not decode: {exc.reason}") from None
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise DecodeError("the input looks like binary data, not article text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise DecodeError("the input is not text in UTF-8 or Windows-1252")
    return text


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict[str, str | None]]:
    """Reduce an HTML page to its article text; returns (text, metadata: title, date, outlet)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = ""
    meta: dict[str, str | None] = {"title": None, "date": None, "outlet": None}
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
        text = get("text") or ""
        meta = {"title": get("title"), "date": get("date"), "outlet": get("sitename")}
    if not text.strip():
        fallback = trafilatura.extract(html, include_comments=False, favor_recall=True) or ""
        text = fallback
    return text.strip(), meta


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "a",
            "is",
            "was",
            "were",
            "that",
            "for",
            "on",
            "with",
            "by",
            "at",
            "from",
            "said",
            "have",
            "has",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "y",
            "en",
            "que",
            "por",
            "con",
            "una",
            "un",
            "se",
            "fue",
            "para",
            "según",
            "al",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "en",
            "que",
            "pour",
            "avec",
            "une",
            "un",
            "est",
            "été",
            "dans",
            "sur",
            "au",
            "selon",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "wurde",
            "in",
            "den",
            "von",
            "mit",
            "ein",
            "eine",
            "nicht",
            "sich",
            "auf",
            "dem",
            "im",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "de",
            "do",
            "da",
            "e",
            "em",
            "que",
            "por",
            "com",
            "uma",
            "um",
            "foi",
            "para",
            "segundo",
            "no",
            "na",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "gli",
            "le",
            "di",
            "del",
            "e",
            "in",
            "che",
            "per",
            "con",
            "una",
            "un",
            "è",
            "stato",
            "sono",
            "nel",
            "della",
        ]
    ),
}


# Scripts other than Latin, as BCP 47 "undetermined language" tags: the script is certain, the
# language (Russian or Ukrainian, Arabic or Persian, Chinese or Japanese kanji) is not.
_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    ("und-Cyrl", "Cyrillic", "\u0400-\u052f"),
    ("und-Arab", "Arabic", "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"),
    ("und-Hebr", "Hebrew", "\u0590-\u05ff"),
    ("und-Grek", "Greek", "\u0370-\u03ff"),
    ("und-Deva", "Devanagari", "\u0900-\u097f"),
    ("und-Thai", "Thai", "\u0e00-\u0e7f"),
    ("und-Hang", "Hangul", "\uac00-\ud7af\u1100-\u11ff"),
    ("und-Jpan", "Japanese", "\u3040-\u30ff"),
    ("und-Hani", "Chinese (Han)", "\u4e00-\u9fff\u3400-\u4dbf"),
)
_SCRIPT_RES = [(tag, name, lazy_compile(f"[{chars}]")) for tag, name, chars in _SCRIPTS]
_ANY_SCRIPT = lazy_compile("[" + "".join(chars for _, _, chars in _SCRIPTS) + "]")
_LATIN = lazy_compile(r"[A-Za-z\u00c0-\u024f]")


def _script(sample: str) -> str | None:
    """The tag of the non-Latin script most of the letters are written in, if any."""
    if not _ANY_SCRIPT.search(sample):
        return None  # no letter of any of them: one scan instead of one per script (and Latin)
    latin = len(_LATIN.findall(sample))
    counts = [(len(rx.findall(sample)), tag) for tag, _, rx in _SCRIPT_RES]
    if any(n for n, tag in counts if tag == "und-Jpan"):
        # kana beside Han characters: Japanese
        counts = [
            (n + (sum(m for m, t in counts if t == "und-Hani") if tag == "und-Jpan" else 0), tag)
            for n, tag in counts
            if tag != "und-Hani"
        ]
    best_n, best = max(counts)
    return best if best_n >= 10 and best_n > latin else None


def describe_language(code: str | None) -> str:
    """A readable name for a :func:`guess_language` result."""
    for tag, name, _ in _SCRIPTS:
        if code == tag:
            return f"written in {name} script"
    return f"in {code!r}"


def guess_language(text: str) -> str | None:
    """The script first (a non-Latin script gives an ``und-<Script>`` tag), then a small stopword
    vote; good enough to tell English newswire from other languages."""
    script = _script(text[:5000])
    if script is not None:
        return script
    words = re.findall(r"[a-zà-ÿ]+", text[:5000].lower())
    if len(words) < 20:
        return None
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else None


def publication_warnings(text: str, published: date | None, today: date | None = None) -> list[ReportWarning]:
    """A publication date in the future, or one that disagrees with the date the dateline gives."""

    if published is None:
        return []
    out: list[ReportWarning] = []
    today = today or date.today()
    if (published - today).days > 2:
        out.append(
            ReportWarning(
                code="published_in_future",
                message=f"the publication date {published} is in the future; relative dates are resolved against it",
            )
        )
    gap = dateline_gap(text, published)
    if gap is not None:
        stated, days = gap
        out.append(
            ReportWarning(
                code="published_mismatch",
                message=f"the publication date {published} is {days} days from the dateline's {stated!r}; "
                'relative dates ("on Friday") are resolved against the publication date',
            )
        )
    return out


def _truncate(text: str, max_chars: int) -> str:
    cut = text.rfind("\n\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = text.rfind("\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = max(text.rfind(". ", 0, max_chars) + 1, 0)
    if cut < max_chars // 2:
        cut = max_chars
    return text[:cut]


def prepare_article(
    source: str | bytes | Article,
    *,
    published: str | date | None = None,
    max_chars: int = 60_000,
    max_input_bytes: int = 5_000_000,
) -> PreparedArticle:
    """Turn caller input into the exact text engines see; raise :class:`InputError` on bad input."""
    article = source if isinstance(source, Article) else None
    if isinstance(source, bytes):
        if len(source) > max_input_bytes:
            raise InputError(f"the input is {len(source):,} bytes; the limit is {max_input_bytes:,}")
        raw = decode_bytes(source)
    elif isinstance(source, Article):
        raw = source.text
    elif isinstance(source, str):
        raw = source
    else:
        raise InputError(f"expected article text, bytes or an Article, got {type(source).__name__}")
    if len(raw) > max_input_bytes:
        raise InputError(f"the input is {len(raw):,} characters; the limit is {max_input_bytes:,}")
    if "\x00" in raw[:65536]:
        raise DecodeError("the input holds NUL characters: it looks like binary data, not article text")
    if not raw.strip():
        raise EmptyArticleError("the article is empty or only whitespace")
    raw, surrogates = replace_surrogates(raw)

    pub = parse_published(published) if published is not None else (article.published if article else None)
    title = article.title if article else None
    outlet = article.outlet if article else None
    url = article.url if article else None
    warnings: list[ReportWarning] = []
    if surrogates:
        warnings.append(
            ReportWarning(
                code="invalid_unicode",
                message=f"{surrogates} lone surrogate code point(s) (invalid Unicode) replaced by U+FFFD; "
                "offsets are unchanged",
            )
        )
    text = raw
    was_html = looks_like_html(raw)
    if was_html:
        text, meta = html_to_text(raw, url)
        if not text.strip():
            raise EmptyArticleError("the HTML page holds no article text")
        title = title or meta.get("title")
        outlet = outlet or meta.get("outlet")
        if pub is None and meta.get("date"):
            try:
                pub = parse_published(meta["date"])
            except InvalidDateError:
                pub = None
        warnings.append(
            ReportWarning(
                code="html_reduced",
                message="HTML input was reduced to article text; offsets refer to that text",
            )
        )
        visible = _visible_chars(raw)
        if visible >= 200 and len(text) < visible * 0.2:
            warnings.append(
                ReportWarning(
                    code="html_mostly_removed",
                    message=f"reducing the HTML kept {len(text):,} of {visible:,} characters of text; "
                    "if the input is plain text, most of it was not read",
                )
            )
    if len(text) > max_chars:
        original = len(text)
        text = _truncate(text, max_chars)
        warnings.append(
            ReportWarning(
                code="truncated",
                message=f"article truncated from {original:,} to {len(text):,} characters; facts after the cut are not read",
            )
        )
    language = guess_language(text)
    if language not in (None, "en"):
        warnings.append(
            ReportWarning(
                code="non_english",
                message=f"the article appears to be {describe_language(language)}, not English; extraction quality may be lower",
            )
        )
    warnings.extend(publication_warnings(text, pub))
    spans = instruction_spans(text)
    if spans:
        shown = ", ".join(f"[{a}:{b}] {text[a:b]!r}" for a, b in spans[:3])
        warnings.append(
            ReportWarning(
                code="instruction_text",
                message=f"the article holds text addressed to an AI model ({shown}): it is treated as "
                "article text, never as instructions, and no facts are taken from those sentences",
            )
        )
    meta_model = ArticleMeta(
        title=title,
        outlet=outlet,
        url=url,
        published=pub,
        chars=len(text),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        truncated=any(w.code == "truncated" for w in warnings),
        language=language,
    )
    reference = pub
    if reference is None:
        reference = find_dateline_date(text)
        if reference is not None:
            warnings.append(
                ReportWarning(
                    code="published_from_text",
                    message=f"no publication date given; relative dates resolved against {reference} found in the text",
                )
            )
    return PreparedArticle(
        text=text, meta=meta_model, warnings=warnings, was_html=was_html, reference_date=reference
    )


def is_url(value: str) -> bool:
    """Whether a command-line source looks like a URL (``scheme://...``) rather than a path."""
    return "://" in value[:20] and " " not in value.strip()
