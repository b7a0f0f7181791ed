"""Bad input gets a clear error or an explicit warning, never a traceback."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.article import Article, decode_bytes, guess_language, looks_like_html, prepare_article
from summarizer.errors import DecodeError, EmptyArticleError, InputError, InvalidDateError, SummarizerError

TEXT = "Flooding in the city of Porto Alegre killed at least 12 people on Sunday, officials said. " * 3


@pytest.mark.parametrize("bad", ["", "   \n\t  ", b"", b"   "])
def test_empty_input(bad: str | bytes) -> None:
    with pytest.raises(EmptyArticleError) as info:
        prepare_article(bad)
    assert "empty" in str(info.value)
    assert isinstance(info.value, SummarizerError)


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(DecodeError, match="binary"):
        prepare_article(bytes(range(256)) * 10)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100
    with pytest.raises(DecodeError):
        prepare_article(png)


def test_bytes_decoding() -> None:
    assert decode_bytes("Café bombing".encode()) == "Café bombing"
    assert decode_bytes("Café bombing".encode("cp1252")) == "Café bombing"
    assert decode_bytes("\ufeffBOM text".encode()) == "BOM text"
    assert decode_bytes("utf16 text".encode("utf-16")) == "utf16 text"


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "03/02/2024", "2024-02-30"])
def test_invalid_publication_date(value: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        prepare_article(TEXT, published=value)
    assert value in str(info.value) and "YYYY-MM-DD" in str(info.value)


def test_published_accepts_date_and_iso() -> None:
    assert prepare_article(TEXT, published="2024-03-02").meta.published == date(2024, 3, 2)
    assert prepare_article(TEXT, published=date(2024, 3, 2)).meta.published == date(2024, 3, 2)
    assert prepare_article(Article(text=TEXT, published="2024-03-02")).meta.published == date(2024, 3, 2)


def test_plain_text_is_kept_exactly() -> None:
    raw = "  Line one.\r\n\r\nLine two — with “quotes”.  "
    prepared = prepare_article(raw * 5)
    assert prepared.text == raw * 5


def test_over_long_article_is_truncated_with_warning() -> None:
    para = "A landslide buried homes in the district, officials said, and rescue work continued. " * 5
    text = "\n\n".join([para] * 400)
    prepared = prepare_article(text, max_chars=20_000)
    assert len(prepared.text) <= 20_000
    assert text.startswith(prepared.text)
    assert prepared.meta.truncated
    (w,) = [w for w in prepared.warnings if w.code == "truncated"]
    assert f"{len(text):,}" in w.message


def test_huge_input_is_refused() -> None:
    with pytest.raises(InputError, match="limit"):
        prepare_article("x" * 2_000, max_input_bytes=1_000)


def test_html_is_reduced_to_article_text() -> None:
    html = """<!DOCTYPE html><html><head><title>Fire at market - Daily News</title>
    <meta property="og:site_name" content="Daily News"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Fire at market kills 4</h1>
    <p>A fire swept through the central market in Kano on Tuesday, killing four traders, the fire service said.</p>
    <p>Firefighters battled the blaze for six hours before bringing it under control, a spokesman said.</p>
    <p>The cause of the fire is under investigation, officials added on Wednesday morning.</p></article>
    <aside>Related: More than 40 dead in earlier blaze</aside>
    <script>var tracking = 1;</script><footer>Copyright</footer></body></html>"""
    assert looks_like_html(html)
    prepared = prepare_article(html)
    assert "killing four traders" in prepared.text
    assert "<p>" not in prepared.text and "tracking" not in prepared.text
    assert prepared.was_html and any(w.code == "html_reduced" for w in prepared.warnings)


def test_language_guess() -> None:
    assert guess_language(TEXT) == "en"
    es = (
        "Al menos 12 personas murieron el domingo en las inundaciones que afectaron a la ciudad, según las autoridades. "
        * 2
    )
    assert guess_language(es) == "es"
    prepared = prepare_article(es)
    assert any(w.code == "non_english" for w in prepared.warnings)


def test_wrong_type() -> None:
    with pytest.raises(InputError):
        prepare_article(42)  # type: ignore[arg-type]
