"""What a Slack message asks for: a link to fetch, pasted article text, help, and the ``private`` flag.

Slack sends links as ``<https://...>`` or ``<https://...|label>``, mentions as ``<@U123>`` and escapes
``&``, ``<`` and ``>``; slash-command text may hold plain URLs instead. A message whose text beyond
the link is short is a link request; longer text is treated as the article itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

PRIVATE_FLAGS = frozenset({"private", "--private", "-p", "me", "only-me"})
HELP_WORDS = frozenset({"help", "--help", "-h", "?"})

_ANGLE = re.compile(r"<([^<>]*)>")
# any scheme, so that file:// or gopher:// reach the fetcher and get a clear refusal
_BARE_URL = re.compile(r"(?<![\w/])([a-zA-Z][a-zA-Z0-9+.\-]{1,15}://[^\s<>\"]+)")
_TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True)
class SlackRequest:
    """One parsed request. Exactly one of ``url`` / ``text`` is set unless ``help`` or ``problem`` is."""

    url: str | None = None
    text: str | None = None
    private: bool = False
    urls: tuple[str, ...] = ()  # every link when there are several (one event card)
    help: bool = False
    problem: str | None = None

    @property
    def is_job(self) -> bool:
        return self.url is not None or self.text is not None

    def describe(self) -> str:
        if len(self.urls) > 1:
            return f"{len(self.urls)} links as one event"
        if self.url is not None:
            return self.url
        if self.text is not None:
            return f"the pasted text ({len(self.text):,} characters)"
        return "nothing"


def _angle(token: str) -> tuple[str, str | None]:
    """``<...>`` contents -> (display text, URL or None)."""
    target, _, label = token.partition("|")
    if target.startswith(("@", "#", "!")):
        return "", None  # user/channel mentions, @here, user groups
    if "://" in target[:20] or target.startswith("mailto:"):
        url = html.unescape(target)
        return html.unescape(label) if label else url, (None if url.startswith("mailto:") else url)
    return html.unescape(token), None


def clean_text(text: str) -> tuple[str, list[str]]:
    """Slack-formatted text -> (plain text without mentions, link targets in order)."""
    urls: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _ANGLE.finditer(text):
        out.append(html.unescape(text[pos : m.start()]))
        shown, url = _angle(m.group(1))
        if url:
            urls.append(url)
        out.append(shown)
        pos = m.end()
    out.append(html.unescape(text[pos:]))
    plain = "".join(out)
    seen = set(urls)
    for m in _BARE_URL.finditer(plain):
        url = m.group(1).rstrip(_TRAILING)
        if url not in seen:
            seen.add(url)
            urls.append(url)
    return plain.strip(), urls


def parse_request(
    text: str | None,
    *,
    min_text_chars: int = 200,
    flags: bool = True,
    extra_urls: Iterable[str] = (),
) -> SlackRequest:
    """Parse a slash command, DM, mention (mention already in ``text`` is dropped) or shortcut message."""
    plain, urls = clean_text(text or "")
    private = False
    if flags:
        words = plain.split(maxsplit=1)
        while words and words[0].lower() in PRIVATE_FLAGS:
            private = True
            plain = words[1] if len(words) > 1 else ""
            words = plain.split(maxsplit=1)
        if words and words[0].lower() in HELP_WORDS and len(words) == 1:
            return SlackRequest(help=True, private=True)
    urls += [u for u in extra_urls if u and u not in urls]
    rest = plain
    for url in urls:
        rest = rest.replace(url, " ")
    rest = re.sub(r"\s+", " ", rest).strip()
    if len(rest) >= min_text_chars:
        return SlackRequest(text=plain, private=private)
    if urls:
        return SlackRequest(url=urls[0], urls=tuple(urls) if len(urls) > 1 else (), private=private)
    if not plain:
        return SlackRequest(help=True, private=private)
    return SlackRequest(
        private=private,
        problem=(
            f"That text is too short to be an article ({len(plain)} characters). "
            "Paste a link, or the whole article text."
        ),
    )
