"""Fetch an article page over http(s) safely and reduce it to text.

The rules (SSRF hardening):

- only ``http`` and ``https`` URLs, with a host;
- every connection goes through an :class:`AddressGuard`: the host is resolved once, every address
  it resolves to must be public (not private, loopback, link-local, multicast, reserved, shared or
  cloud-metadata), and the socket connects to that checked address - so a DNS answer that changes
  between the check and the connection (rebinding) cannot reach an internal host. TLS still
  verifies the certificate against the URL's host name;
- redirects are followed by hand, at most ``max_redirects``, and every hop is checked again;
- environment proxies are ignored (the guard must see the real peer);
- a per-operation timeout, an overall deadline and a size limit apply. The deadline covers every
  network step (connect, TLS, sending, status line and headers, body, every redirect hop): a
  server that trickles one header line at a time cannot hold a fetch past it.

``allow_private=True`` (``SUMMARIZER_FETCH_ALLOW_PRIVATE``, tests and trusted intranets only)
lets private and loopback hosts through; metadata addresses stay refused even then. Tests that
need one local server while keeping the defaults pass an :class:`AddressGuard` with an explicit
``allow`` list of ``host:port`` endpoints, and may inject a ``resolver``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .article import Article, decode_bytes, html_to_text, looks_like_html, parse_published
from .article import is_url as is_url  # re-exported: it moved to article.py (no httpx needed)
from .errors import FetchError, InvalidDateError, UnsupportedURLError

USER_AGENT = "summarizer/0.1 (+https://github.com/summarizer)"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) -> IP address strings``; the default asks the system resolver."""

# Cloud metadata and similar host-internal services: never fetched, whatever the settings say.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean ...
        "169.254.170.2",  # AWS ECS task metadata
        "169.254.169.253",  # AWS DNS
        "100.100.100.200",  # Alibaba Cloud
        "168.63.129.16",  # Azure wire server
        "fd00:ec2::254",  # AWS IMDS over IPv6
    )
)
METADATA_HOSTS = frozenset({"metadata", "metadata.google.internal", "metadata.goog", "instance-data"})

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded_v4(address: IPAddress) -> IPAddress:
    """The IPv4 address hidden in an IPv4-mapped, 6to4, Teredo or NAT64 IPv6 address, if any."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address.teredo is not None:
            return address.teredo[1]
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def is_metadata(address: IPAddress) -> bool:
    return address in METADATA_ADDRESSES or _embedded_v4(address) in METADATA_ADDRESSES


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address that is no metadata service."""
    if is_metadata(address):
        return False
    for a in {address, _embedded_v4(address)}:
        if (
            a.is_private
            or a.is_loopback
            or a.is_link_local
            or a.is_multicast
            or a.is_reserved
            or a.is_unspecified
            or (isinstance(a, ipaddress.IPv6Address) and a.is_site_local)
            or (isinstance(a, ipaddress.IPv4Address) and a in _SHARED)
        ):
            return False
    return True


def _parse_ip(text: str) -> IPAddress:
    return ipaddress.ip_address(text.split("%", 1)[0])


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


class AddressGuard:
    """Decides which endpoints a fetch may connect to, and resolves them to checked addresses.

    ``allow_private`` lets private/loopback addresses through (never metadata ones); ``allow`` is an
    explicit list of ``host`` or ``host:port`` endpoints that may be private (for tests: the one
    local server a test means to reach, while everything else keeps the production rules);
    ``resolver`` replaces the system resolver.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        allow: Iterable[str] = (),
        resolver: Resolver | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.allow = frozenset(a.strip().lower() for a in allow if a.strip())
        self.resolver: Resolver = resolver or system_resolver

    def _allowed_endpoint(self, host: str, port: int) -> bool:
        host = host.lower().strip("[]")
        return host in self.allow or f"{host}:{port}" in self.allow or f"[{host}]:{port}" in self.allow

    def check_url(self, url: str) -> tuple[str, int]:
        """Refuse anything but an http(s) URL with a host; return ``(host, port)``. No DNS yet."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise UnsupportedURLError(url, f"malformed URL ({exc})", kind="malformed") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise UnsupportedURLError(
                url, f"only http and https URLs are supported, not {scheme or 'none'!r}", kind="scheme"
            )
        host = parts.hostname
        if not host:
            raise UnsupportedURLError(url, "the URL has no host", kind="malformed")
        return host, port or _default_port(scheme)

    def resolve(self, host: str, port: int, *, url: str | None = None) -> list[str]:
        """Every address ``host`` resolves to, all checked; raise :class:`UnsupportedURLError` otherwise."""
        shown = url or f"{host}:{port}"
        bare = host.lower().strip("[]").rstrip(".")
        if bare in METADATA_HOSTS:
            raise UnsupportedURLError(shown, f"host {host!r} is a cloud metadata service", kind="metadata")
        try:
            literal: IPAddress | None = _parse_ip(bare)
        except ValueError:
            literal = None
        if literal is not None:
            texts: Sequence[str] = [str(literal)]
        else:
            try:
                texts = self.resolver(bare, port)
            except (OSError, UnicodeError) as exc:
                raise FetchError(shown, f"cannot resolve host {host!r}: {exc}", kind="dns") from None
        if not texts:
            raise FetchError(shown, f"cannot resolve host {host!r}", kind="dns")
        allowed = self.allow_private or self._allowed_endpoint(bare, port)
        checked: list[str] = []
        for text in texts:
            try:
                address = _parse_ip(text)
            except ValueError:
                raise FetchError(
                    shown, f"host {host!r} resolved to an invalid address {text!r}", kind="dns"
                ) from None
            if is_metadata(address):
                raise UnsupportedURLError(
                    shown, f"host {host!r} resolves to a cloud metadata address", kind="metadata"
                )
            if not allowed and not is_public(address):
                raise UnsupportedURLError(
                    shown, f"host {host!r} resolves to a non-public address ({address})", kind="private"
                )
            checked.append(str(address))
        return checked

    def check(self, url: str) -> list[str]:
        """Scheme, host and every resolved address of ``url``."""
        host, port = self.check_url(url)
        return self.resolve(host, port, url=url)


def check_url(url: str, *, allow_private: bool = False, guard: AddressGuard | None = None) -> None:
    """Raise :class:`UnsupportedURLError` unless ``url`` is a public http(s) URL (or allowed by ``guard``)."""
    (guard or AddressGuard(allow_private=allow_private)).check(url)


def _budget(timeout: float | None, deadline: float | None) -> float | None:
    """The time an operation may take: its own timeout, cut to what is left before the deadline."""
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the overall fetch deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write ends by the fetch's overall deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float | None) -> None:
        self.inner = inner
        self.deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _budget(timeout, self.deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _budget(timeout, self.deadline))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self.inner.start_tls(ssl_context, server_hostname, _budget(timeout, self.deadline))
        return _DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the guard approved (checked at connect time, for every hop);
    every stream it opens ends by ``deadline`` (a ``time.monotonic()`` value) when one is set."""

    def __init__(self, guard: AddressGuard, deadline: float | None = None) -> None:
        self.guard = guard
        self.deadline = deadline
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.guard.resolve(host, port)
        last: Exception | None = None
        for address in addresses:
            try:
                stream = self.inner.connect_tcp(
                    address, port, _budget(timeout, self.deadline), local_address, socket_options
                )
                return _DeadlineStream(stream, self.deadline)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose every TCP connection is approved (and pinned) by an :class:`AddressGuard`."""

    def __init__(self, guard: AddressGuard, deadline: float | None = None) -> None:
        super().__init__(trust_env=False, retries=0)
        # HTTPTransport builds an httpcore pool without a way to pass a network backend; build our own.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=4,
            max_keepalive_connections=0,
            retries=0,
            network_backend=_GuardedBackend(guard, deadline),
        )


def fetch_article(
    url: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    allow_private: bool = False,
    guard: AddressGuard | None = None,
) -> Article:
    """Download ``url`` (checking every redirect hop) and return an :class:`Article` with text and metadata.

    Raises :class:`UnsupportedURLError` for a refused scheme or address and :class:`FetchError` for
    anything else that goes wrong (HTTP status, timeout, size, no article text).
    """
    guard = guard or AddressGuard(allow_private=allow_private)
    overall = timeout * 2
    deadline = time.monotonic() + overall
    current = url
    guard.check_url(current)
    client = httpx.Client(
        transport=GuardedTransport(guard, deadline),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
    )
    with client:
        for _hop in range(max_redirects + 1):
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(
                                url, f"redirect without a location from {current}", kind="redirect"
                            )
                        current = urljoin(current, location)
                        guard.check_url(current)  # scheme and host; addresses are checked on connect
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            url,
                            f"HTTP {response.status_code}",
                            kind="http_status",
                            status=response.status_code,
                        )
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(url, f"page larger than {max_bytes:,} bytes", kind="too_large")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise FetchError(url, f"page larger than {max_bytes:,} bytes", kind="too_large")
                        if time.monotonic() > deadline:
                            raise FetchError(url, f"timed out after {overall:.0f}s", kind="timeout")
                    content_type = response.headers.get("content-type", "").lower()
                    charset = response.charset_encoding
            except httpx.TimeoutException:
                waited = overall if time.monotonic() >= deadline else timeout
                raise FetchError(url, f"timed out after {waited:.0f}s", kind="timeout") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"{type(exc).__name__}: {exc}", kind="network") from None
            break
        else:
            raise FetchError(url, f"more than {max_redirects} redirects", kind="redirect")
    if content_type and not any(t in content_type for t in ("html", "text/plain", "xml")):
        raise FetchError(url, f"unsupported content type {content_type!r}", kind="content_type")
    raw = bytes(body)
    try:
        page = raw.decode(charset) if charset else decode_bytes(raw)
    except (LookupError, UnicodeDecodeError):
        page = decode_bytes(raw)
    if "html" in content_type or looks_like_html(page):
        text, meta = html_to_text(page, current)
        if not text.strip():
            raise FetchError(url, "no article text found on the page", kind="no_text")
        published = None
        if meta.get("date"):
            try:
                published = parse_published(meta["date"])
            except InvalidDateError:
                published = None
        return Article(
            text=text, title=meta.get("title"), outlet=meta.get("outlet"), url=url, published=published
        )
    return Article(text=page, url=url)
