"""Building event members from short written articles (shared by the events tests)."""

from __future__ import annotations

from datetime import datetime

from summarizer import Article, Summarizer
from summarizer.events import Member


def member(s: Summarizer, mid: str, text: str, outlet: str, published: str, at: str | None = None) -> Member:
    """One outlet's article summarized with ``s``, as an event member (``at``: its publication time)."""
    report = s.summarize(Article(text=text, id=mid, outlet=outlet, published=published))
    return Member(
        id=mid,
        report=report,
        outlet=outlet,
        published=report.article.published,
        published_at=datetime.fromisoformat(at) if at else None,
        text=text,
    )
