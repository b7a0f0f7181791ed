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
from datetime import date

from pydantic import BaseModel, Field, field_validator

from .errors import DecodeError, EmptyArticleError, InputError, InvalidDateError
from .normalize.dates import find_dateline_date
from .schema import ArticleMeta, ReportWarning


class Article(BaseModel):
    """An article and what is known about it. Only ``text`` is required."""

    text: str
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    extra: dict[str, object] = Field(default_factory=dict)

    @field_validator("published", mode="before")
    @classmethod
    def _parse_published(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_published(value)
        return value


def parse_published(value: str | date | None) -> date | None:
    """Parse a publication date given as ``YYYY-MM-DD`` (or a date); raise a clear error otherwise."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return (
            date.fromisoformat(text[:10])
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", text)
            else _fail(text)
        )
    except ValueError:
        raise InvalidDateError(value) from None


def _fail(value: str) -> date:
    raise InvalidDateError(value)


@dataclass
class PreparedArticle:
    """The text engines see plus metadata and the warnings preparation produced."""

    text: str
    meta: ArticleMeta
    warnings: list[ReportWarning] = field(default_factory=list)
    was_html: bool = False
    reference_date: date | None = None
    """What relative dates resolve against: the publication date, else the dateline's date."""


_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_TAG = re.compile(r"</?(p|div|article|span|br|h[1-6]|body|head|section|a|li|ul)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:2000]
    if _HTML_START.search(head):
        return True
    return len(_TAG.findall(text[:20000])) >= 5


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


def guess_language(text: str) -> str | None:
    """A small stopword vote; good enough to tell English newswire from other languages."""
    words = re.findall(r"[a-zà-ÿ]+", text[:5000].lower())
    if len(words) < 20:
        return None
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else None


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

    pub = parse_published(published) if published is not None else (article.published if article else None)
    title = article.title if article else None
    outlet = article.outlet if article else None
    url = article.url if article else None
    warnings: list[ReportWarning] = []
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
                message=f"the article looks {language!r}, not English; extraction quality may be lower",
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
