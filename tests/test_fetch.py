"""URL fetching over real HTTP on 127.0.0.1: SSRF refusals with production defaults, redirects
re-checked hop by hop, timeouts, size limits, and an explicit allow-list for the test's own server.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import FetchError, UnsupportedURLError
from summarizer.fetch import AddressGuard, check_url, fetch_article, is_public
from summarizer.settings import Settings

DATA = Path(__file__).parent / "data" / "slack"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunked: bool = False


class PageServer:
    """A tiny HTTP server on 127.0.0.1 that serves scripted routes and records every request path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                server.hits.append(self.path)
                route = server.routes.get(self.path, Route(404, b"not found", {"content-type": "text/plain"}))
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if route.chunked:
                        self.send_header("transfer-encoding", "chunked")
                        self.end_headers()
                        for i in range(0, len(route.body), 8192):
                            part = route.body[i : i + 8192]
                            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.send_header("content-length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def html(self, path: str, name: str) -> None:
        self.routes[path] = Route(
            200, (DATA / name).read_bytes(), {"content-type": "text/html; charset=utf-8"}
        )

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Route(status, b"", {"location": location})

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def site() -> Iterator[PageServer]:
    s = PageServer()
    s.html("/news/checkpoint", "checkpoint_attack.html")
    yield s
    s.close()


@pytest.fixture
def internal() -> Iterator[PageServer]:
    """Stands for an internal service: no test may ever reach it."""
    s = PageServer()
    s.routes["/secret"] = Route(
        200, b"<html><body><p>internal secret</p></body></html>", {"content-type": "text/html"}
    )
    yield s
    assert s.hits == [], f"the internal server was reached: {s.hits}"
    s.close()


def test_production_default_is_off() -> None:
    assert Settings().fetch_allow_private is False
    assert AddressGuard().allow_private is False


# --- schemes -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/a",
        "gopher://127.0.0.1:70/_x",
        "javascript:alert(1)",
        "data:text/html,hi",
        "//example.com/x",
        "example.com/news",
    ],
)
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(UnsupportedURLError) as info:
        fetch_article(url)
    assert "http" in info.value.reason
    assert info.value.kind == "scheme"


def test_url_without_host_is_refused() -> None:
    with pytest.raises(UnsupportedURLError, match="no host") as info:
        fetch_article("http:///path")
    assert info.value.kind == "malformed"


# --- private addresses, defaults ON ------------------------------------------------------------
def test_loopback_server_is_refused_by_default(internal: PageServer) -> None:
    port = internal.port
    for url in (
        internal.url("/secret"),
        f"http://localhost:{port}/secret",
        f"http://LOCALHOST.:{port}/secret",
        f"http://[::1]:{port}/secret",
        f"http://[::ffff:127.0.0.1]:{port}/secret",
        f"http://2130706433:{port}/secret",  # 127.0.0.1 as one decimal number
        f"http://0x7f000001:{port}/secret",
        f"http://127.1:{port}/secret",
        f"http://0.0.0.0:{port}/secret",
        f"http://user:pw@127.0.0.1:{port}/secret",
        f"http://example.com@127.0.0.1:{port}/secret",
    ):
        with pytest.raises((UnsupportedURLError, FetchError)) as info:
            fetch_article(url, timeout=2)
        assert not isinstance(info.value, FetchError) or "resolve" in info.value.reason, url


def test_loopback_refusal_names_the_reason(internal: PageServer) -> None:
    with pytest.raises(UnsupportedURLError, match=r"non-public address \(127\.0\.0\.1\)") as info:
        fetch_article(internal.url("/secret"))
    assert info.value.kind == "private"


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.5.4",
        "192.168.0.10",
        "100.64.1.1",
        "127.8.8.8",
        "0.0.0.0",
        "169.254.1.1",
        "224.0.0.5",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::1",
    ],
)
def test_private_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


def test_host_resolving_to_a_private_address_is_refused() -> None:
    guard = AddressGuard(resolver=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(UnsupportedURLError, match=r"10\.0\.0\.7"):
        guard.check("https://news.example/story")
    # public only: accepted
    assert AddressGuard(resolver=lambda h, p: ["93.184.216.34"]).check("https://news.example/a") == [
        "93.184.216.34"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://[fd00:ec2::254]/latest",
        "http://metadata.google.internal/",
        "http://100.100.100.200/latest/meta-data",
        "http://[::ffff:169.254.169.254]/",
    ],
)
def test_metadata_is_refused_even_when_private_hosts_are_allowed(url: str) -> None:
    for guard in (
        AddressGuard(),
        AddressGuard(allow_private=True),
        AddressGuard(allow=["169.254.169.254", "metadata.google.internal"]),
    ):
        with pytest.raises(UnsupportedURLError, match=r"metadata|non-public") as info:
            fetch_article(url, timeout=1, guard=guard)
        assert info.value.kind in ("metadata", "private")
    with pytest.raises(UnsupportedURLError):
        check_url(url, allow_private=True)


def test_resolver_failure_is_a_fetch_error() -> None:
    def broken(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError, match="cannot resolve") as info:
        fetch_article("http://nowhere.invalid/", guard=AddressGuard(resolver=broken))
    assert info.value.kind == "dns"


# --- the allow-list (how tests reach their own server without weakening defaults) ----------------
def test_allow_list_reaches_only_the_listed_endpoint(site: PageServer, internal: PageServer) -> None:
    guard = AddressGuard(allow=[site.endpoint])
    article = fetch_article(site.url("/news/checkpoint"), guard=guard)
    assert "suicide bomber detonated" in article.text
    assert "Related stories" not in article.text and "All rights reserved" not in article.text
    assert article.title and "Mogadishu" in article.title
    assert article.url == site.url("/news/checkpoint")
    with pytest.raises(UnsupportedURLError):
        fetch_article(internal.url("/secret"), guard=guard)


def test_connection_goes_to_the_checked_address(site: PageServer) -> None:
    """The socket connects to what the guard resolved (the system cannot resolve `.test` names)."""
    calls: list[tuple[str, int]] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append((host, port))
        return ["127.0.0.1"]

    guard = AddressGuard(allow=[f"article.test:{site.port}"], resolver=resolver)
    article = fetch_article(f"http://article.test:{site.port}/news/checkpoint", guard=guard)
    assert "al-Shabaab" in article.text
    assert calls == [("article.test", site.port)]
    # same name, other port: not on the list -> refused before any connection
    with pytest.raises(UnsupportedURLError):
        fetch_article(f"http://article.test:{site.port + 1}/", guard=guard)


def test_rebinding_name_is_refused_at_connect_time(site: PageServer) -> None:
    """A name that answered with a public address when first checked and a private one later is refused."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    guard = AddressGuard(resolver=lambda host, port: next(answers))
    guard.check(f"http://rebind.test:{site.port}/")  # looks public now
    with pytest.raises(UnsupportedURLError, match="non-public"):
        fetch_article(f"http://rebind.test:{site.port}/news/checkpoint", guard=guard)
    assert site.hits == []


def test_environment_proxies_are_ignored(
    site: PageServer, internal: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, internal.url("/"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    article = fetch_article(site.url("/news/checkpoint"), guard=AddressGuard(allow=[site.endpoint]))
    assert "checkpoint" in article.text
    assert site.hits == ["/news/checkpoint"]


# --- redirects ----------------------------------------------------------------------------------
def test_redirects_are_followed_within_allowed_hosts(site: PageServer) -> None:
    site.redirect("/r1", "/r2", 301)
    site.redirect("/r2", site.url("/news/checkpoint"), 307)
    article = fetch_article(site.url("/r1"), guard=AddressGuard(allow=[site.endpoint]))
    assert "Afgoye" in article.text
    assert site.hits == ["/r1", "/r2", "/news/checkpoint"]


@pytest.mark.parametrize(
    "target",
    [
        "internal",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "http://localhost:{port}/secret",
        "http://[::1]:{port}/secret",
        "gopher://127.0.0.1:{port}/_GET",
    ],
)
def test_redirect_to_a_private_address_is_refused(
    site: PageServer, internal: PageServer, target: str
) -> None:
    location = internal.url("/secret") if target == "internal" else target.format(port=internal.port)
    site.redirect("/go", location)
    with pytest.raises(UnsupportedURLError):
        fetch_article(site.url("/go"), timeout=2, guard=AddressGuard(allow=[site.endpoint]))
    assert site.hits == ["/go"]  # the first hop was allowed and answered; the second never happened


def test_redirect_loop_stops_after_max_redirects(site: PageServer) -> None:
    site.redirect("/loop", "/loop")
    with pytest.raises(FetchError, match="more than 3 redirects") as info:
        fetch_article(site.url("/loop"), max_redirects=3, guard=AddressGuard(allow=[site.endpoint]))
    assert info.value.kind == "redirect"
    assert site.hits == ["/loop"] * 4


def test_redirect_without_location(site: PageServer) -> None:
    site.routes["/bad"] = Route(302, b"")
    with pytest.raises(FetchError, match="without a location") as info:
        fetch_article(site.url("/bad"), guard=AddressGuard(allow=[site.endpoint]))
    assert info.value.kind == "redirect"


# --- limits and bad answers ---------------------------------------------------------------------
def test_timeout(site: PageServer) -> None:
    site.routes["/slow"] = Route(200, b"<p>x</p>", {"content-type": "text/html"}, delay=3.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out") as info:
        fetch_article(site.url("/slow"), timeout=0.3, guard=AddressGuard(allow=[site.endpoint]))
    assert info.value.kind == "timeout"
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("chunked", [False, True])
def test_size_limit(site: PageServer, chunked: bool) -> None:
    body = b"<html><body>" + b"<p>" + b"word " * 40_000 + b"</p></body></html>"
    site.routes["/big"] = Route(200, body, {"content-type": "text/html"}, chunked=chunked)
    with pytest.raises(FetchError, match="larger than 50,000 bytes") as info:
        fetch_article(site.url("/big"), max_bytes=50_000, guard=AddressGuard(allow=[site.endpoint]))
    assert info.value.kind == "too_large"


def test_http_error_status(site: PageServer) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as info:
        fetch_article(site.url("/missing"), guard=AddressGuard(allow=[site.endpoint]))
    assert (info.value.kind, info.value.status) == ("http_status", 404)


def test_binary_content_type_is_refused(site: PageServer) -> None:
    site.routes["/file.zip"] = Route(200, b"PK\x03\x04" + bytes(200), {"content-type": "application/zip"})
    with pytest.raises(FetchError, match="unsupported content type") as info:
        fetch_article(site.url("/file.zip"), guard=AddressGuard(allow=[site.endpoint]))
    assert info.value.kind == "content_type"


def test_plain_text_page(site: PageServer) -> None:
    text = "Flooding in the valley killed three people on Monday, officials said.\n"
    site.routes["/story.txt"] = Route(200, text.encode(), {"content-type": "text/plain; charset=utf-8"})
    article = fetch_article(site.url("/story.txt"), guard=AddressGuard(allow=[site.endpoint]))
    assert article.text == text


def test_allow_private_setting_reaches_loopback(site: PageServer) -> None:
    """The explicit opt-in (off by default) still works for local use."""
    article = fetch_article(site.url("/news/checkpoint"), allow_private=True)
    assert "police checkpoint" in article.text
