"""A scriptable fake OpenAI-compatible server on 127.0.0.1 (stdlib only, loopback only).

The checker harness (``summarizer eval checker``), tests, benchmarks and batch runs drive it through the real `openai` + `instructor` clients, so
retries, re-asks, timeouts and 429s go over real HTTP. Script replies per test with :meth:`push`;
when the script is empty the ``default`` reply (a :class:`Reply` or a callable) answers.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def completion(
    content: str | None = None,
    *,
    tool_args: Any = None,
    tool_name: str = "Draft",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    model: str = "fake-model",
) -> dict[str, Any]:
    """A chat.completion body: plain content, or one tool call whose arguments are ``tool_args``."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    finish = "stop"
    if tool_args is not None:
        arguments = tool_args if isinstance(tool_args, str) else json.dumps(tool_args)
        message["content"] = None
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": tool_name, "arguments": arguments}}
        ]
        finish = "tool_calls"
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


ReplyFactory = Callable[[dict[str, Any]], Reply]


class FakeOpenAI:
    """``with FakeOpenAI() as fake: fake.push(Reply(...)); ... fake.url``"""

    def __init__(self, latency: float = 0.0, default: Reply | ReplyFactory | None = None) -> None:
        self.latency = latency
        self.default = default
        self.script: deque[Reply | ReplyFactory] = deque()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"_raw": raw.decode("utf-8", "replace")}
                reply = fake._next(body, dict(self.headers))
                if fake.latency:
                    time.sleep(fake.latency)
                if reply.delay:
                    time.sleep(reply.delay)
                payload = (reply.body if reply.body is not None else json.dumps(reply.json)).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(payload)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128

        self._server = Server(("127.0.0.1", 0), Handler)
        # a short shutdown poll: serve_forever's default (0.5 s) is what every test would wait in teardown
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # lifecycle ----------------------------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        shown = host.decode() if isinstance(host, bytes) else host
        return f"http://{shown}:{port}/v1"

    # scripting ----------------------------------------------------------------------------------
    def push(self, *replies: Reply | ReplyFactory) -> None:
        with self._lock:
            self.script.extend(replies)

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.requests)

    def _next(self, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)
            item = self.script.popleft() if self.script else self.default
        if item is None:
            return Reply(500, {"error": {"message": "fake server: no scripted reply"}})
        if callable(item) and not isinstance(item, Reply):
            return item(body)
        return item


def tool_reply(args: Any, **kwargs: Any) -> ReplyFactory:
    """A reply factory that answers with a tool call named as the request's tool."""

    def make(body: dict[str, Any]) -> Reply:
        name = "Draft"
        tools = body.get("tools") or []
        if tools:
            name = tools[0].get("function", {}).get("name", name)
        return Reply(200, completion(tool_args=args, tool_name=name, **kwargs))

    return make
