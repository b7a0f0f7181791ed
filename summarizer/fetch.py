"""Fetch an article page over http(s) safely and reduce it to text.

Only http and https; every hop (at most ``max_redirects``) is re-checked; hosts that resolve to
private, loopback, link-local, multicast, reserved or cloud-metadata addresses are refused unless
``allow_private`` is set (tests only); a timeout and a size limit apply.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from .article import Article, decode_bytes, html_to_text, looks_like_html, parse_published
from .errors import FetchError, InvalidDateError, UnsupportedURLError

USER_AGENT = "summarizer/0.1 (+https://github.com/summarizer)"


def is_url(value: str) -> bool:
    return "://" in value[:20] and " " not in value.strip()


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise :class:`UnsupportedURLError` unless ``url`` is a public http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsupportedURLError(url, f"only http and https URLs are supported, not {parts.scheme or 'none'!r}")
    host = parts.hostname
    if not host:
        raise UnsupportedURLError(url, "the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if _private(address):
            raise UnsupportedURLError(url, f"host {host!r} resolves to a non-public address ({address})")


def _private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return bool(
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or str(address) in ("169.254.169.254", "100.100.100.200", "fd00:ec2::254")
        or (isinstance(address, ipaddress.IPv4Address) and address in ipaddress.ip_network("100.64.0.0/10"))
    )


def fetch_article(
    url: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    allow_private: bool = False,
) -> Article:
    """Download ``url`` (checking every redirect hop) and return an :class:`Article` with text and metadata."""
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _hop in range(max_redirects + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"redirect without a location from {current}")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise FetchError(url, f"page larger than {max_bytes:,} bytes")
                    content_type = response.headers.get("content-type", "")
                    charset = response.charset_encoding
            except httpx.TimeoutException:
                raise FetchError(url, f"timed out after {timeout:.0f}s") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"{type(exc).__name__}: {exc}") from None
            break
        else:
            raise FetchError(url, f"more than {max_redirects} redirects")
    if not any(t in content_type for t in ("html", "text/plain", "xml")) and content_type:
        raise FetchError(url, f"unsupported content type {content_type!r}")
    raw = bytes(body)
    try:
        page = raw.decode(charset) if charset else decode_bytes(raw)
    except (LookupError, UnicodeDecodeError):
        page = decode_bytes(raw)
    if "html" in content_type or looks_like_html(page):
        text, meta = html_to_text(page, current)
        if not text.strip():
            raise FetchError(url, "no article text found on the page")
        published = None
        if meta.get("date"):
            try:
                published = parse_published(meta["date"])
            except InvalidDateError:
                published = None
        return Article(text=text, title=meta.get("title"), outlet=meta.get("outlet"), url=url, published=published)
    return Article(text=page, url=url)
