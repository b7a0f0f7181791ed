"""Credentials never leave the process: ``user:password@`` in any URL is masked wherever a URL is
shown (error messages), stored (batch error rows, reports) or logged."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from .lazyre import lazy_compile

__all__ = ["RedactURLCredentials", "redact_text", "redact_url"]

# scheme://userinfo@ ; userinfo has no '/', '@' or whitespace
_USERINFO = lazy_compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/@\s'\"<>]+)@")
MASK = "***"


def redact_url(url: str) -> str:
    """``http://admin:secret@host/v1`` -> ``http://***@host/v1``; other URLs unchanged."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_text(url)
    if "@" not in parts.netloc:
        return redact_text(url)
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{MASK}@{host}"))


def redact_text(text: str) -> str:
    """Mask the userinfo of every URL inside free text."""
    if "@" not in text:
        return text
    return _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)


class RedactURLCredentials(logging.Filter):
    """A logging filter masking URL credentials in messages and tracebacks (HTTP clients log full URLs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact_text(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        return True
