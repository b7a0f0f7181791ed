"""The Slack bot end to end over real HTTP on 127.0.0.1, with no mocked Slack client.

- the bot runs behind uvicorn (in a thread), exactly as ``summarizer slack serve`` runs it;
- its real ``WebClient`` talks to a fake Slack Web API server that records ``auth.test``,
  ``chat.postMessage``, ``chat.postEphemeral`` and ``response_url`` posts;
- article pages come from a local HTTP server; the fetcher keeps production rules (private
  addresses refused, ``fetch_allow_private`` off) with that one server on an explicit allow-list;
- the model is the fake OpenAI-compatible server, driven through the real openai + instructor clients;
- requests are signed as Slack signs them (v0 HMAC-SHA256 over ``v0:timestamp:body``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import threading
import time
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest

pytest.importorskip("slack_bolt")
pytest.importorskip("uvicorn")

from fake_openai import FakeOpenAI, Reply, completion
from test_slack_blocks import assert_valid_blocks, card_text

from summarizer import Settings, Summarizer
from summarizer.errors import (
    FetchError,
    FetchFailure,
    InputError,
    SummarizerError,
    UnsupportedURLError,
    URLRefusal,
)
from summarizer.fetch import AddressGuard
from summarizer.slack.app import SlackBot, friendly_error
from summarizer.slack.server import RedactSecrets, uvicorn_server
from summarizer.slack.settings import SlackSettings

DATA = Path(__file__).parent / "data" / "slack"
BOT_TOKEN = "xoxb-111-222-fakebottokenvalue"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
LLM_LATENCY = 0.6  # every model call is this slow, so a quick ack proves the work runs elsewhere


# --------------------------------------------------------------------------------------------------
# fakes: Slack Web API, article pages, model answers
# --------------------------------------------------------------------------------------------------
@dataclass
class Call:
    method: str  # "auth.test", "chat.postMessage", ... or "response_url"
    args: dict[str, Any]
    auth: str
    path: str


class FakeSlack:
    """A Slack Web API stand-in: answers like Slack and records every call."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.fail_channels: dict[str, str] = {}
        self.threads: dict[str, list[dict[str, Any]]] = {}  # thread ts -> messages (conversations.replies)
        self._cond = threading.Condition()
        self._ts = 1700000000
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode()
                if "json" in (self.headers.get("content-type") or ""):
                    args = json.loads(raw or "{}")
                else:
                    args = dict(parse_qsl(raw))
                for key in ("blocks", "attachments"):
                    if isinstance(args.get(key), str):
                        args[key] = json.loads(args[key])
                if self.path.startswith("/api/"):
                    method = self.path[len("/api/") :].split("?")[0]
                    reply: Any = fake.answer(method, args)
                else:
                    method = "response_url"
                    reply = None
                with fake._cond:
                    fake.calls.append(Call(method, args, self.headers.get("authorization") or "", self.path))
                    fake._cond.notify_all()
                body = b"ok" if reply is None else json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("content-type", "text/plain" if reply is None else "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        with self._cond:
            self._ts += 1
            ts = f"{self._ts}.000100"
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://test.slack.com/",
                "team": "Test",
                "user": "summarizer",
                "team_id": "T1",
                "user_id": "UBOT",
                "bot_id": "BBOT",
                "is_enterprise_install": False,
            }
        channel = str(args.get("channel", ""))
        if channel in self.fail_channels:
            return {"ok": False, "error": self.fail_channels[channel]}
        if method == "chat.postMessage":
            return {
                "ok": True,
                "channel": channel,
                "ts": ts,
                "message": {"text": args.get("text", ""), "ts": ts},
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "conversations.replies":
            return {"ok": True, "messages": self.threads.get(str(args.get("ts")), []), "has_more": False}
        return {"ok": True}

    def find(self, pred: Callable[[Call], bool]) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if pred(c)]

    def wait(self, pred: Callable[[Call], bool], timeout: float = 20.0, count: int = 1) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if pred(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.args.get("channel"), c.path) for c in self.calls]
                    raise AssertionError(f"no matching Slack call within {timeout}s; calls: {seen}")
                self._cond.wait(left)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class Pages:
    """Article pages (and redirects) on 127.0.0.1; records every path requested."""

    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        self.routes = routes
        self.hits: list[str] = []
        pages = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                pages.hits.append(self.path)
                status, headers, body = pages.routes.get(
                    self.path, (404, {"content-type": "text/plain"}, b"nope")
                )
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _html(name: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"content-type": "text/html; charset=utf-8"}, (DATA / name).read_bytes()


CHECKPOINT_DRAFT: dict[str, Any] = {
    "is_incident": True,
    "category": "violent_attack",
    "subtype": "suicide bombing",
    "date": {
        "as_stated": "on Thursday morning",
        "quote": "on Thursday morning, killing at least nine people",
    },
    "location": {
        "venue": "police checkpoint",
        "city": "Mogadishu",
        "country": "Somalia",
        "as_stated": "a police checkpoint on the road to Afgoye",
        "quote": "a police checkpoint on the road to Afgoye",
    },
    "killed": {
        "value": 9,
        "qualifier": "at_least",
        "as_stated": "at least nine people",
        "quote": "killing at least nine people and wounding 17 others",
    },
    "injured": {
        "value": 17,
        "qualifier": "exact",
        "as_stated": "17 others",
        "quote": "killing at least nine people and wounding 17 others",
    },
    "perpetrators": [
        {
            "name": "a suicide bomber",
            "kind": "individual",
            "quote": "A suicide bomber detonated an explosives-laden vest",
        }
    ],
    "responsibility_claims": [
        {
            "claimant": "al-Shabaab",
            "channel": "Andalus radio station",
            "verified": False,
            "quote": "The al-Shabaab militant group claimed responsibility for the attack",
        }
    ],
    "other_incidents": [
        {
            "description": "October 2022 car bombs at the education ministry",
            "killed": {
                "value": 121,
                "qualifier": "at_least",
                "as_stated": "at least 121 people",
                "quote": "killed at least 121 people",
            },
            "quote": "In October 2022, two car bombs at the education ministry in Mogadishu killed at least 121 people",
        }
    ],
    "uncertainties": [{"text": "the death toll could rise", "quote": "the death toll could rise"}],
    "summary": (
        "A suicide bomber killed at least nine people and wounded 17 at a police checkpoint near Mogadishu on "
        "Thursday, police said. Al-Shabaab claimed responsibility; the claim could not be independently verified."
    ),
}

FIRE_DRAFT: dict[str, Any] = {
    "is_incident": True,
    "category": "fire",
    "subtype": "market fire",
    "date": {
        "as_stated": "late on Sunday",
        "quote": "swept through the Balogun market in Lagos late on Sunday",
    },
    "location": {
        "venue": "Balogun market",
        "city": "Lagos",
        "country": "Nigeria",
        "as_stated": "the Balogun market in Lagos",
        "quote": "the Balogun market in Lagos",
    },
    "killed": {
        "value": 12,
        "qualifier": "exact",
        "as_stated": "12 traders",
        "quote": "killing 12 traders and injuring about 40 people",
    },
    "injured": {
        "value": 40,
        "qualifier": "about",
        "as_stated": "about 40 people",
        "quote": "killing 12 traders and injuring about 40 people",
    },
    "missing": {
        "value": 2,
        "qualifier": "exact",
        "as_stated": "two people",
        "quote": "two people were still missing on Monday afternoon",
    },
    "summary": (
        "A fire that started in a generator shed swept through the Balogun market in Lagos late on Sunday, "
        "killing 12 traders and injuring about 40 people, the state emergency agency said."
    ),
}

FLOOD_TEXT = (
    "KATHMANDU, Aug 2 - Flash floods triggered by overnight rain swept away a bridge and several houses in "
    "western Nepal on Wednesday, killing at least six people, police said. Rescuers were searching for "
    "eleven people who were still missing on Thursday. The district chief said the Seti river rose by "
    "three metres in less than an hour. Monsoon rains kill dozens of people in Nepal every year."
)
FLOOD_DRAFT: dict[str, Any] = {
    "is_incident": True,
    "category": "natural_disaster",
    "subtype": "flash flood",
    "location": {
        "country": "Nepal",
        "region": "western Nepal",
        "as_stated": "western Nepal",
        "quote": "in western Nepal",
    },
    "killed": {
        "value": 6,
        "qualifier": "at_least",
        "as_stated": "at least six people",
        "quote": "killing at least six people",
    },
    "missing": {"value": 11, "as_stated": "eleven people", "quote": "searching for eleven people"},
    # not in the article: the pipeline drops it with a warning, which the card must show
    "injured": {"value": 30, "as_stated": "30 injured", "quote": "thirty people were injured in the floods"},
    "summary": "Flash floods killed at least six people in western Nepal on Wednesday, police said; eleven were missing.",
}


class Model:
    """Answers by article: counts the model calls each article caused (a cache hit causes none)."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        prompt = json.dumps(body.get("messages", []))
        for key, draft in (
            ("Afgoye", CHECKPOINT_DRAFT),
            ("Balogun", FIRE_DRAFT),
            ("Seti river", FLOOD_DRAFT),
        ):
            if key in prompt:
                with self.lock:
                    self.calls[key] = self.calls.get(key, 0) + 1
                name = (body.get("tools") or [{}])[0].get("function", {}).get("name", "Draft")
                return Reply(200, completion(tool_args=draft, tool_name=name, model="fake-model"))
        return Reply(500, {"error": {"message": "fake model: internal error"}})


# --------------------------------------------------------------------------------------------------
# the running bot
# --------------------------------------------------------------------------------------------------
@dataclass
class Env:
    base: str
    slack: FakeSlack
    pages: Pages
    internal: Pages
    model: Model
    bot: SlackBot
    http: httpx.Client

    def sign(self, body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
        return {"x-slack-request-timestamp": ts, "x-slack-signature": f"v0={digest}"}

    def post(self, body: str, content_type: str, headers: dict[str, str] | None = None) -> httpx.Response:
        hdrs = {"content-type": content_type, **(headers if headers is not None else self.sign(body))}
        return self.http.post(self.base + "/slack/events", content=body.encode(), headers=hdrs)

    def command(self, text: str, *, user: str, channel: str, **extra: str) -> tuple[httpx.Response, float]:
        form = {
            "token": "legacy-verification-token",
            "team_id": "T1",
            "team_domain": "test",
            "channel_id": channel,
            "channel_name": "news",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/summarize",
            "text": text,
            "api_app_id": "A1",
            "response_url": self.slack.response_url(f"{channel}-{user}"),
            "trigger_id": "123.456.abc",
            **extra,
        }
        started = time.monotonic()
        response = self.post(urlencode(form), "application/x-www-form-urlencoded")
        return response, time.monotonic() - started

    def event(
        self, event: dict[str, Any], event_id: str, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        payload = {
            "token": "legacy-verification-token",
            "team_id": "T1",
            "api_app_id": "A1",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        body = json.dumps(payload)
        return self.post(body, "application/json", {**self.sign(body), **(headers or {})})

    def shortcut(
        self, message: dict[str, Any], *, user: str, channel: str, callback_id: str = "summarize_article"
    ) -> httpx.Response:
        payload = {
            "type": "message_action",
            "callback_id": callback_id,
            "trigger_id": "123.456.abc",
            "response_url": self.slack.response_url(f"sc-{channel}-{user}"),
            "team": {"id": "T1", "domain": "test"},
            "channel": {"id": channel, "name": "news"},
            "user": {"id": user, "name": user.lower()},
            "message": message,
            "message_ts": message.get("ts"),
            "action_ts": str(time.time()),
        }
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    slack = FakeSlack()
    internal = Pages(
        {"/secret": (200, {"content-type": "text/html"}, b"<html><body><p>internal</p></body></html>")}
    )
    pages = Pages(
        {
            "/world/checkpoint-attack": _html("checkpoint_attack.html"),
            "/africa/market-fire": _html("market_fire.html"),
            "/short/checkpoint": (301, {"location": "/world/checkpoint-attack"}, b""),
            "/go/internal": (302, {"location": internal.url("/secret")}, b""),
            "/go/metadata": (302, {"location": "http://169.254.169.254/latest/meta-data/iam/"}, b""),
        }
    )
    model = Model()
    llm = FakeOpenAI(latency=LLM_LATENCY, default=model).start()
    settings = Settings(
        engine="compatible",
        base_url=llm.url,
        cache_dir=tmp_path_factory.mktemp("slack-cache"),
        fetch_allow_private=False,  # production default, stated explicitly
        fetch_timeout=3.0,
        retry_attempts=1,
        retry_initial_wait=0.01,
        retry_max_wait=0.05,
        request_timeout=5.0,
    )
    summarizer = Summarizer(settings, engine="compatible", model="fake-model")
    slack_settings = SlackSettings(
        bot_token=BOT_TOKEN,
        signing_secret=SIGNING_SECRET,
        api_url=slack.api_url,
        rate_limit=3,
        rate_window=60,
        workers=3,
    )
    # the only relaxation of the production fetch rules: this one test server may be reached
    bot = SlackBot(slack_settings, summarizer, guard=AddressGuard(allow=[f"127.0.0.1:{pages.port}"]))
    server = uvicorn_server(bot, "127.0.0.1", 0, "warning")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    port = sock.getsockname()[1]
    http = httpx.Client(timeout=10, trust_env=False)
    yield Env(f"http://127.0.0.1:{port}", slack, pages, internal, model, bot, http)
    http.close()
    server.should_exit = True
    thread.join(10)
    bot.close(wait=True)
    llm.stop()
    pages.close()
    assert internal.hits == [], f"an internal address was fetched: {internal.hits}"
    internal.close()
    slack.close()


def posts_to(channel: str) -> Callable[[Call], bool]:
    return lambda c: c.method == "chat.postMessage" and c.args.get("channel") == channel


def ephemerals_to(channel: str) -> Callable[[Call], bool]:
    return lambda c: c.method == "chat.postEphemeral" and c.args.get("channel") == channel


def responses_for(name: str) -> Callable[[Call], bool]:
    return lambda c: c.method == "response_url" and c.path == f"/response/{name}"


def footer_of(blocks: list[dict[str, Any]]) -> str:
    assert blocks[-1]["type"] == "context"
    return " ".join(e["text"] for e in blocks[-1]["elements"])


# --------------------------------------------------------------------------------------------------
# tests
# --------------------------------------------------------------------------------------------------
def test_health_and_token_check(env: Env) -> None:
    r = env.http.get(env.base + "/healthz")
    assert r.status_code == 200
    assert r.json()["ok"] is True and r.json()["engine"] == "compatible" and r.json()["model"] == "fake-model"
    auth = env.slack.find(lambda c: c.method == "auth.test")
    assert auth and auth[0].auth == f"Bearer {BOT_TOKEN}"  # the real WebClient, pointed at the fake
    assert env.bot.summarizer.settings.fetch_allow_private is False
    assert env.http.get(env.base + "/slack/events").status_code == 405


def test_slash_command_acks_at_once_then_posts_the_card(env: Env) -> None:
    response, elapsed = env.command(env.pages.url("/world/checkpoint-attack"), user="U1", channel="C1")
    assert response.status_code == 200
    assert elapsed < LLM_LATENCY, f"the ack waited for the summary ({elapsed:.2f}s)"
    ack = response.json()
    assert ack["text"].startswith("Summarizing http://127.0.0.1")
    assert ack["response_type"] == "ephemeral"  # only the caller sees it

    (post,) = env.slack.wait(posts_to("C1"))
    assert post.auth == f"Bearer {BOT_TOKEN}"
    assert "thread_ts" not in post.args
    blocks = post.args["blocks"]
    assert_valid_blocks(blocks)
    head = blocks[0]["text"]["text"]
    assert head.startswith("violent attack (suicide bombing)") and "Mogadishu" in head
    text = card_text(blocks)
    assert "*Killed*\nat least 9" in text and "at least nine people" in text
    assert "*Injured*\n17" in text
    assert "al-Shabaab — _claimed, unverified_ via Andalus radio station" in text
    assert "could not be independently verified" in text  # the summary
    assert "the death toll could rise" in text
    assert "October 2022 car bombs" in text
    # evidence, folded into a context block: one line per quote, naming the facts it supports
    # (each value in bold inside its quote: value_start/value_end)
    assert "*killed, injured*: “killing *at least nine people* and wounding *17 others*”" in text
    assert head.count(" · ") == 2 and "2024-03-14" in head  # the page's date resolves "on Thursday"
    foot = footer_of(blocks)
    assert "engine compatible" in foot and "model fake-model" in foot and "prompt extract v" in foot
    url = env.pages.url("/world/checkpoint-attack")
    assert f"source: <{url}|Suicide bomber kills at least 9 at checkpoint near Mogadishu>" in foot
    assert post.args["text"].startswith("violent attack")
    assert post.args.get("unfurl_links") is False


def test_repeat_request_is_served_from_the_cache(env: Env) -> None:
    url = env.pages.url("/africa/market-fire")
    env.command(url, user="U2", channel="C2a")
    (first,) = env.slack.wait(posts_to("C2a"))
    assert "cached" not in footer_of(first.args["blocks"])
    env.command(url, user="U2", channel="C2b")
    (second,) = env.slack.wait(posts_to("C2b"))
    assert "cached" in footer_of(second.args["blocks"])
    assert env.model.calls["Balogun"] == 1  # one model call for two requests
    text = card_text(second.args["blocks"])
    assert "*Killed*\n12" in text and "*Injured*\nabout 40" in text and "*Missing*\n2" in text
    assert second.args["blocks"][0]["text"]["text"].startswith("fire (market fire) · Balogun market, Lagos")


def test_private_flag_answers_only_the_caller(env: Env) -> None:
    response, _ = env.command("private " + FLOOD_TEXT, user="U3", channel="C3")
    assert response.status_code == 200 and "pasted text" in response.json()["text"]
    (reply,) = env.slack.wait(responses_for("C3-U3"))
    assert reply.args["response_type"] == "ephemeral"
    assert_valid_blocks(reply.args["blocks"])
    text = card_text(reply.args["blocks"])
    assert "at least 6" in text and "western Nepal" in text and "source: pasted text" in text
    assert "*Check before relying on this*" in text and "quote_not_found" in text  # warnings are shown
    assert "*Injured*\nnot reported" in text  # the ungrounded count was dropped, not displayed
    time.sleep(0.2)
    assert env.slack.find(posts_to("C3")) == []


def test_channel_without_the_bot_falls_back_to_the_response_url(env: Env) -> None:
    env.slack.fail_channels["C4"] = "not_in_channel"
    env.command(env.pages.url("/short/checkpoint"), user="U4", channel="C4")  # a redirect, then the page
    (reply,) = env.slack.wait(responses_for("C4-U4"))
    assert reply.args["response_type"] == "in_channel"
    assert "al-Shabaab" in card_text(reply.args["blocks"])
    assert env.slack.find(posts_to("C4"))  # it tried the channel first


def test_help_and_short_text(env: Env) -> None:
    response, _ = env.command("", user="U5", channel="C5")
    assert "/summarize private" in response.json()["text"]
    response, _ = env.command("a fire", user="U5", channel="C5")
    assert "too short" in response.json()["text"]
    time.sleep(0.2)
    assert env.slack.find(lambda c: "C5" in json.dumps(c.args) or "C5" in c.path) == []


def test_mention_answers_in_the_thread(env: Env) -> None:
    url = env.pages.url("/world/checkpoint-attack")
    event = {
        "type": "app_mention",
        "user": "U6",
        "text": f"<@UBOT> what happened here? <{url}|{url[7:]}>",
        "ts": "1700000600.000100",
        "channel": "C6",
        "event_ts": "1700000600.000100",
    }
    started = time.monotonic()
    r = env.event(event, "Ev6")
    assert r.status_code == 200 and time.monotonic() - started < LLM_LATENCY
    (post,) = env.slack.wait(posts_to("C6"))
    assert post.args["thread_ts"] == "1700000600.000100"
    assert_valid_blocks(post.args["blocks"])
    assert "al-Shabaab" in card_text(post.args["blocks"])
    (note,) = env.slack.wait(ephemerals_to("C6"))
    assert note.args["user"] == "U6" and "Summarizing" in note.args["text"]

    # a mention inside a thread answers in that thread; Slack's retry of the same event is ignored
    reply_event = {**event, "ts": "1700000700.000200", "thread_ts": "1700000650.000900", "channel": "C6t"}
    env.event(reply_event, "Ev6t")
    env.event(reply_event, "Ev6t", headers={"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"})
    (threaded,) = env.slack.wait(posts_to("C6t"))
    assert threaded.args["thread_ts"] == "1700000650.000900"
    time.sleep(0.3)
    assert len(env.slack.find(posts_to("C6t"))) == 1


def test_message_shortcut_answers_in_that_messages_thread(env: Env) -> None:
    url = env.pages.url("/africa/market-fire")
    message = {"type": "message", "user": "U99", "ts": "1700000800.000300", "text": f"terrible news <{url}>"}
    r = env.shortcut(message, user="U7", channel="C7")
    assert r.status_code == 200 and r.text == ""
    (post,) = env.slack.wait(posts_to("C7"))
    assert post.args["thread_ts"] == "1700000800.000300"
    assert_valid_blocks(post.args["blocks"])
    assert "Balogun" in card_text(post.args["blocks"])

    # a reply inside a thread: the answer goes to the thread's parent
    pasted = {
        "type": "message",
        "user": "U98",
        "ts": "1700000900.1",
        "thread_ts": "1700000850.5",
        "text": FLOOD_TEXT,
    }
    env.shortcut(pasted, user="U7", channel="C7t")
    (post,) = env.slack.wait(posts_to("C7t"))
    assert post.args["thread_ts"] == "1700000850.5"
    assert "western Nepal" in card_text(post.args["blocks"])

    # nothing to summarize: a quiet note to the user only
    env.shortcut(
        {"type": "message", "user": "U97", "ts": "1700001000.1", "text": "lol"}, user="U7", channel="C7n"
    )
    (note,) = env.slack.wait(ephemerals_to("C7n"))
    assert note.args["user"] == "U7" and note.args["thread_ts"] == "1700001000.1"
    assert env.slack.find(posts_to("C7n")) == []


def test_direct_message_works_like_the_command(env: Env) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U8",
        "text": f"<{env.pages.url('/world/checkpoint-attack')}>",
        "ts": "1700001100.000100",
        "channel": "D8",
        "event_ts": "1700001100.000100",
    }
    assert env.event(event, "Ev8").status_code == 200
    (post,) = env.slack.wait(posts_to("D8"))
    assert_valid_blocks(post.args["blocks"])
    assert "thread_ts" not in post.args
    # the bot's own messages and edits are ignored
    env.event({**event, "channel": "D8b", "bot_id": "BBOT", "user": "UBOT"}, "Ev8b")
    env.event({**event, "channel": "D8c", "subtype": "message_changed"}, "Ev8c")
    time.sleep(0.3)
    assert env.slack.find(lambda c: c.args.get("channel") in ("D8b", "D8c")) == []


def test_unsigned_forged_and_stale_requests_get_401_and_no_work(env: Env) -> None:
    url = env.pages.url("/world/checkpoint-attack")
    hits_before = list(env.pages.hits)
    model_before = dict(env.model.calls)
    form = urlencode(
        {
            "command": "/summarize",
            "text": url,
            "user_id": "U9",
            "channel_id": "C9",
            "team_id": "T1",
            "response_url": env.slack.response_url("C9-U9"),
            "trigger_id": "x",
        }
    )
    now = int(time.time())
    attempts = {
        "bad signature": env.sign(form, secret="not-the-secret"),
        "stale timestamp": env.sign(form, timestamp=now - 6 * 60),
        "future timestamp": env.sign(form, timestamp=now + 6 * 60),
        "no headers": {},
        "garbage": {"x-slack-request-timestamp": "abc", "x-slack-signature": "v0=00"},
    }
    for name, headers in attempts.items():
        r = env.post(form, "application/x-www-form-urlencoded", headers)
        assert r.status_code == 401, name
    tampered = env.sign(form)
    r = env.post(form.replace("U9", "U0"), "application/x-www-form-urlencoded", tampered)
    assert r.status_code == 401
    event = json.dumps(
        {
            "type": "event_callback",
            "event_id": "Ev9",
            "event": {
                "type": "app_mention",
                "user": "U9",
                "text": f"<@UBOT> <{url}>",
                "ts": "1.1",
                "channel": "C9",
            },
        }
    )
    assert env.post(event, "application/json", env.sign(event, timestamp=now - 301)).status_code == 401
    time.sleep(0.5)
    assert env.slack.find(lambda c: "C9" in json.dumps(c.args) or "C9" in c.path) == []
    assert env.pages.hits == hits_before and env.model.calls == model_before


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_item05_forged_requests_with_malformed_bodies_get_401_before_any_parsing(env: Env) -> None:
    """Issue #8 item 5: bodies that break bolt's parser, and a non-ASCII digit timestamp."""
    seen = _Records()
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.error", "slack_bolt", "summarizer")]
    for logger in loggers:
        logger.addHandler(seen)
    try:
        now = int(time.time())
        bodies = [
            ("{", "application/json"),
            ("null", "application/json"),
            ("[1,2,3]", "application/json"),
            ("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
            ("payload=null", "application/x-www-form-urlencoded"),
        ]
        for body, ctype in bodies:
            forged = env.sign(body, secret="not-the-secret")
            assert env.post(body, ctype, forged).status_code == 401, body
        for stamp in ("²", "١٢٣", f"{now}²", "+1", "1e9"):
            raw = {"content-type": "application/json", "x-slack-request-timestamp": stamp.encode()}
            r = env.http.post(
                env.base + "/slack/events", content=b"{", headers={**raw, "x-slack-signature": "v0=00"}
            )
            assert r.status_code == 401, stamp
        # correctly signed but malformed: a clear 400, still no traceback
        for body, ctype in bodies[:3]:
            assert env.post(body, ctype).status_code in (400, 401), body
    finally:
        for logger in loggers:
            logger.removeHandler(seen)
    assert not [r for r in seen.records if r.exc_info or r.levelno >= logging.ERROR], [
        r.getMessage() for r in seen.records
    ]


def test_item04_links_that_trickle_headers_cannot_starve_other_users(env: Env) -> None:
    """Issue #8 item 4: the fetch deadline covers headers, so slow links free their workers."""
    from test_hostile import SlowHeaders

    slow = SlowHeaders(lines=100)  # 30 s of headers, far past the 6 s deadline (fetch_timeout 3 s)
    guard = env.bot.guard
    env.bot.guard = AddressGuard(allow=[f"127.0.0.1:{env.pages.port}", f"127.0.0.1:{slow.port}"])
    try:
        for i in range(env.bot.settings.workers):  # every worker gets a slow link
            env.command(f"http://127.0.0.1:{slow.port}/slow{i}", user=f"US{i}", channel=f"CS{i}")
        started = time.monotonic()
        env.command(env.pages.url("/africa/market-fire"), user="UQ", channel="CQ")
        (post,) = env.slack.wait(posts_to("CQ"), timeout=15)
        assert time.monotonic() - started < 15
        assert "Balogun" in card_text(post.args["blocks"])
        for i in range(env.bot.settings.workers):
            (note,) = env.slack.wait(responses_for(f"CS{i}-US{i}"), timeout=5)
            assert "took too long" in note.args["text"]
    finally:
        env.bot.guard = guard
        slow.close()


def test_url_verification_challenge(env: Env) -> None:
    body = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    r = env.post(body, "application/json")
    assert r.status_code == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in r.text


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("internal", "private or internal address"),
        ("http://169.254.169.254/latest/meta-data/", "private or internal address"),
        ("http://[::1]:{port}/secret", "private or internal address"),
        ("file:///etc/passwd", "only read web pages over http or https"),
        ("/go/internal", "private or internal address"),  # an allowed page redirecting inside
        ("/go/metadata", "private or internal address"),
    ],
)
def test_ssrf_attempts_are_refused_with_a_friendly_message(env: Env, target: str, expected: str) -> None:
    assert Settings().fetch_allow_private is False  # defaults untouched
    if target == "internal":
        url = env.internal.url("/secret")
    elif target.startswith("/"):
        url = env.pages.url(target)
    else:
        url = target.format(port=env.internal.port)
    user = "S" + hashlib.sha1(target.encode()).hexdigest()[:8]
    channel = "CS" + user
    response, _ = env.command(url, user=user, channel=channel)
    assert response.status_code == 200
    (reply,) = env.slack.wait(responses_for(f"{channel}-{user}"))
    assert reply.args["response_type"] == "ephemeral"
    assert expected in reply.args["text"]
    assert "127.0.0.1" not in reply.args["text"] and "Traceback" not in reply.args["text"]
    assert env.internal.hits == []
    assert env.slack.find(posts_to(channel)) == []


def test_per_user_rate_limit(env: Env) -> None:
    url = env.pages.url("/gone")  # a 404: each job ends quickly with a friendly error
    for i in range(3):
        response, _ = env.command(url, user="U10", channel="C10")
        assert response.json()["text"].startswith("Summarizing"), i
    response, _ = env.command(url, user="U10", channel="C10")
    assert "try again in" in response.json()["text"]
    replies = env.slack.wait(responses_for("C10-U10"), count=3)
    assert all("HTTP 404" in r.args["text"] for r in replies)
    response, _ = env.command(url, user="U11", channel="C10")  # another user is not limited
    assert response.json()["text"].startswith("Summarizing")
    time.sleep(0.3)
    assert len(env.slack.find(responses_for("C10-U10"))) == 3


def test_model_failure_is_friendly_and_tokens_never_reach_the_log(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    article = "An unrelated report. " * 20  # the fake model answers HTTP 500 for it
    env.command(article, user="U12", channel="C12")
    (reply,) = env.slack.wait(responses_for("C12-U12"))
    assert reply.args["text"].startswith(":warning:")
    assert "couldn't produce a reliable report" in reply.args["text"]
    assert "500" not in reply.args["text"]
    time.sleep(0.1)
    assert "ModelHTTPError" in caplog.text and "C12" in caplog.text  # details in the log
    redactor = RedactSecrets([BOT_TOKEN, SIGNING_SECRET])
    for record in caplog.records:
        redactor.filter(record)
        assert BOT_TOKEN not in record.getMessage() and SIGNING_SECRET not in record.getMessage()
    assert BOT_TOKEN not in caplog.text and SIGNING_SECRET not in caplog.text


def test_oversized_and_undecodable_bodies(env: Env) -> None:
    big = "x" * (env.bot.settings.max_body_bytes + 1)
    r = env.post(big, "application/x-www-form-urlencoded")
    assert r.status_code == 413
    raw = b"\xff\xfe\x00bad"
    r = env.http.post(env.base + "/slack/events", content=raw, headers={"content-type": "application/json"})
    assert r.status_code in (400, 401)


def test_log_redaction_masks_tokens_and_secrets() -> None:
    redactor = RedactSecrets([SIGNING_SECRET])
    record = logging.LogRecord(
        "x",
        logging.ERROR,
        __file__,
        1,
        "token=%s app=%s secret=%s",
        (BOT_TOKEN, "xapp-1-A0-99-abcdef", SIGNING_SECRET),
        None,
    )
    assert redactor.filter(record)
    message = record.getMessage()
    assert BOT_TOKEN not in message and "xapp-1-A0-99-abcdef" not in message and SIGNING_SECRET not in message
    assert "xoxb-[redacted]" in message and "xapp-[redacted]" in message


@pytest.mark.parametrize("kind", typing.get_args(FetchFailure))
def test_every_fetch_failure_kind_has_its_own_answer(kind: str) -> None:
    text = friendly_error(FetchError("https://news.example/a", "detail", kind=kind, status=503))  # type: ignore[arg-type]
    assert text != friendly_error(SummarizerError("x"))
    if kind == "http_status":
        assert "HTTP 503" in text


@pytest.mark.parametrize("kind", typing.get_args(URLRefusal))
def test_every_url_refusal_kind_has_its_own_answer(kind: str) -> None:
    text = friendly_error(UnsupportedURLError("gopher://x", "detail", kind=kind))  # type: ignore[arg-type]
    assert text != friendly_error(InputError("x"))


def test_several_links_give_one_event_card(env: Env) -> None:
    links = [
        env.pages.url("/world/checkpoint-attack"),
        env.pages.url("/short/checkpoint"),
        env.pages.url("/gone"),
    ]
    response, _ = env.command(" ".join(links), user="U20", channel="C20")
    assert response.json()["text"].startswith("Summarizing 3 links as one event")
    (post,) = env.slack.wait(posts_to("C20"))
    blocks = post.args["blocks"]
    assert_valid_blocks(blocks)
    head = blocks[0]["text"]["text"]
    assert head.startswith("violent attack: one event") and "Mogadishu" in head
    text = card_text(blocks)
    assert "*killed*: at least 9" in text and "*Brief*" in text
    assert "al-Shabaab" in text and "_(unverified)_" in text
    assert f"could not read {links[2]}" in text  # the unreadable link is named, not hidden
    assert "*Sources*" in text


def test_thread_shortcut_gathers_the_threads_links_into_one_event_card(env: Env) -> None:
    parent = {"type": "message", "user": "U30", "ts": "1700002000.1", "text": "first reports"}
    env.slack.threads["1700002000.1"] = [
        {**parent, "text": f"first reports <{env.pages.url('/world/checkpoint-attack')}>"},
        {
            "type": "message",
            "user": "U31",
            "ts": "1700002001.1",
            "thread_ts": "1700002000.1",
            "text": f"another outlet: {env.pages.url('/short/checkpoint')}",
        },
        {
            "type": "message",
            "bot_id": "BBOT",
            "ts": "1700002002.1",
            "thread_ts": "1700002000.1",
            "text": f"<{env.pages.url('/africa/market-fire')}>",
        },  # a bot's message is not a source
    ]
    reply = {"type": "message", "user": "U31", "ts": "1700002001.1", "thread_ts": "1700002000.1", "text": "x"}
    r = env.shortcut(reply, user="U32", channel="C30", callback_id="summarize_thread")
    assert r.status_code == 200
    (post,) = env.slack.wait(posts_to("C30"))
    assert post.args["thread_ts"] == "1700002000.1"
    blocks = post.args["blocks"]
    assert_valid_blocks(blocks)
    assert blocks[0]["text"]["text"].startswith("violent attack: one event")
    assert "Balogun" not in card_text(blocks)
    (replies,) = env.slack.find(lambda c: c.method == "conversations.replies")
    assert replies.args["channel"] == "C30" and replies.args["ts"] == "1700002000.1"


def test_notices_are_escaped_for_mrkdwn_exactly_once(env: Env) -> None:
    # the usage notice names "<link>": unescaped, Slack would read it as a link to "link"
    response, _ = env.command("", user="U40", channel="C40")
    usage = response.json()["text"]
    assert "&lt;link&gt;" in usage and "<link>" not in usage
    # an error notice through the command's response URL is escaped too (and comes as a block)
    response, _ = env.command(env.pages.url("/gone") + "?a=1&b=2", user="U41", channel="C41")
    assert "&amp;b=2" in response.json()["text"]
    (reply,) = env.slack.wait(responses_for("C41-U41"))
    assert "HTTP 404" in reply.args["text"]
    assert reply.args["blocks"][0]["text"]["text"] == reply.args["text"]
    # a mention's "Summarizing <url>" note is escaped once, not twice
    url = env.pages.url("/gone") + "?a=1&b=2"
    env.event(
        {
            "type": "app_mention",
            "user": "U42",
            "text": f"<@UBOT> <{url}>",
            "ts": "1700009000.000100",
            "channel": "C42",
            "event_ts": "1700009000.000100",
        },
        "Ev42",
    )
    note = env.slack.wait(ephemerals_to("C42"))[0]
    assert "&amp;b=2" in note.args["text"] and "&amp;amp;" not in note.args["text"]
