"""A scriptable fake OpenAI-compatible server on 127.0.0.1 (stdlib only, loopback only).

The checker harness (``summarizer eval checker``), tests, benchmarks and batch runs drive it through the real `openai` + `instructor` clients, so
retries, re-asks, timeouts and 429s go over real HTTP. Script replies per test with :meth:`push`;
when the script is empty the ``default`` reply (a :class:`Reply` or a callable) answers.
"""

from __future__ import annotations

import json
import math
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


@dataclass
class RateWindow:
    """The server's own request budget, as OpenAI reports it: ``requests`` per fixed window of
    ``seconds`` (starting at the first request). Every chat reply carries
    ``x-ratelimit-limit-requests``, ``x-ratelimit-remaining-requests`` and
    ``x-ratelimit-reset-requests`` (e.g. ``"0.42s"``); a request beyond the budget gets a 429 with
    ``Retry-After`` (whole seconds, rounded up, as OpenAI sends it) and the same headers."""

    requests: int
    seconds: float = 1.0
    started: float | None = None
    used: int = 0
    refused: int = 0

    def take(self, now: float) -> tuple[bool, dict[str, str]]:
        if self.started is None or now - self.started >= self.seconds:
            self.started, self.used = now, 0
        reset = max(0.0, self.started + self.seconds - now)
        allowed = self.used < self.requests
        if allowed:
            self.used += 1
        else:
            self.refused += 1
        headers = {
            "x-ratelimit-limit-requests": str(self.requests),
            "x-ratelimit-remaining-requests": str(max(0, self.requests - self.used)),
            "x-ratelimit-reset-requests": f"{reset:.3f}s",
        }
        if not allowed:
            headers["retry-after"] = str(max(1, math.ceil(reset)))
            headers["retry-after-ms"] = str(int(reset * 1000))
        return allowed, headers


class FakeOpenAI:
    """``with FakeOpenAI() as fake: fake.push(Reply(...)); ... fake.url``

    ``times`` holds each chat request's arrival (``time.monotonic()``) and ``statuses`` the status
    it was answered with; ``rate_window`` (a :class:`RateWindow`) makes the server enforce and
    report a request budget."""

    def __init__(self, latency: float = 0.0, default: Reply | ReplyFactory | None = None) -> None:
        self.latency = latency
        self.default = default
        self.script: deque[Reply | ReplyFactory] = deque()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.times: list[float] = []
        self.statuses: list[int] = []
        self.rate_window: RateWindow | None = None
        self._lock = threading.Lock()
        self.batches = FakeBatches(self)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                return

            def _send(self, status: int, payload: bytes, ctype: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", ctype)
                    self.send_header("content-length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                status, payload, ctype = fake.batches.get(self.path)
                self._send(status, payload, ctype)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                if (
                    self.path.split("?")[0].rstrip("/").endswith(("/files", "/batches"))
                    or "/batches/" in self.path
                ):
                    status, payload, ctype = fake.batches.post(
                        self.path, raw, self.headers.get("content-type", "")
                    )
                    self._send(status, payload, ctype)
                    return
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
            now = time.monotonic()
            self.requests.append(body)
            self.headers.append(headers)
            self.times.append(now)
            limit: dict[str, str] = {}
            if self.rate_window is not None:
                allowed, limit = self.rate_window.take(now)
                if not allowed:
                    self.statuses.append(429)
                    message = "Rate limit reached for requests (fake server)"
                    return Reply(
                        429,
                        {"error": {"message": message, "type": "requests", "code": "rate_limit_exceeded"}},
                        headers=limit,
                    )
            item = self.script.popleft() if self.script else self.default
        if item is None:
            reply = Reply(500, {"error": {"message": "fake server: no scripted reply"}})
        elif callable(item) and not isinstance(item, Reply):
            reply = item(body)
        else:
            reply = item
        if limit:
            reply = Reply(reply.status, reply.json, reply.body, {**limit, **reply.headers}, reply.delay)
        with self._lock:
            self.statuses.append(reply.status)
        return reply


BatchOutcome = str
"""What the fake Batch API does with one request: ``"ok"`` (answered by the chat handler),
``"expired"`` (not run before the window closed), ``"failed"`` (an error line, HTTP 500 body)."""


class FakeBatches:
    """``/v1/files`` and ``/v1/batches`` as the OpenAI API documents them, on the same fake server.

    A batch is ``validating`` when created, ``in_progress`` for ``polls_in_progress`` retrievals,
    then ``completed`` (or ``expired`` when ``expire_batch``, or for the next ``expire_batches``). Each request line is answered by the
    server's chat handler (script or default) unless ``plan(custom_id, body)`` says ``"expired"``
    or ``"failed"``; answers go to the output file, failures to the error file.
    """

    def __init__(self, fake: FakeOpenAI) -> None:
        self.fake = fake
        self.files: dict[str, tuple[str, bytes]] = {}  # id -> (purpose, content)
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls: dict[str, int] = {}
        self.polls_in_progress = 1
        self.expire_batch = False
        self.expire_batches = 0  # the next N batches expire (then expire_batch decides)
        self.plan: Callable[[str, dict[str, Any]], BatchOutcome] = lambda custom_id, body: "ok"
        self.created: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._n = 0

    def _id(self, prefix: str) -> str:
        self._n += 1
        return f"{prefix}-{self._n:06d}"

    @staticmethod
    def _json(status: int, obj: Any) -> tuple[int, bytes, str]:
        return status, json.dumps(obj).encode(), "application/json"

    def post(self, path: str, raw: bytes, ctype: str) -> tuple[int, bytes, str]:
        path = path.split("?")[0].rstrip("/")
        with self._lock:
            if path.endswith("/files"):
                purpose, filename, content = _multipart(raw, ctype)
                fid = self._id("file")
                self.files[fid] = (purpose, content)
                return self._json(200, _file_object(fid, purpose, filename, len(content)))
            if path.endswith("/batches"):
                body = json.loads(raw or b"{}")
                fid = body.get("input_file_id")
                if fid not in self.files or body.get("endpoint") != "/v1/chat/completions":
                    return self._json(400, {"error": {"message": "bad input_file_id or endpoint"}})
                bid = self._id("batch")
                lines = [json.loads(x) for x in self.files[fid][1].decode().splitlines() if x.strip()]
                batch = {
                    "id": bid,
                    "object": "batch",
                    "endpoint": body["endpoint"],
                    "errors": None,
                    "input_file_id": fid,
                    "completion_window": body.get("completion_window", "24h"),
                    "status": "validating",
                    "output_file_id": None,
                    "error_file_id": None,
                    "created_at": int(time.time()),
                    "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
                    "metadata": body.get("metadata"),
                }
                self.batches[bid] = batch
                self.polls[bid] = 0
                self.created.append(batch)
                return self._json(200, batch)
            if "/batches/" in path and path.endswith("/cancel"):
                bid = path.split("/batches/")[1].split("/")[0]
                if bid not in self.batches:
                    return self._json(404, {"error": {"message": "no such batch"}})
                self.batches[bid]["status"] = "cancelled"
                return self._json(200, self.batches[bid])
        return self._json(404, {"error": {"message": f"no route {path}"}})

    def get(self, path: str) -> tuple[int, bytes, str]:
        path = path.split("?")[0].rstrip("/")
        if "/files/" in path and path.endswith("/content"):
            fid = path.split("/files/")[1].split("/")[0]
            with self._lock:
                found = self.files.get(fid)
            if found is None:
                return self._json(404, {"error": {"message": "no such file"}})
            return 200, found[1], "application/octet-stream"
        if "/batches/" in path:
            bid = path.split("/batches/")[1]
            with self._lock:
                batch = self.batches.get(bid)
                if batch is None:
                    return self._json(404, {"error": {"message": "no such batch"}})
                self.polls[bid] += 1
                if batch["status"] == "validating":
                    batch["status"] = "in_progress"
                elif batch["status"] == "in_progress" and self.polls[bid] > self.polls_in_progress:
                    self._finish(batch)
                return self._json(200, batch)
        return self._json(404, {"error": {"message": f"no route {path}"}})

    def _finish(self, batch: dict[str, Any]) -> None:
        lines = [
            json.loads(x) for x in self.files[batch["input_file_id"]][1].decode().splitlines() if x.strip()
        ]
        out: list[str] = []
        errors: list[str] = []
        expire = self.expire_batch or self.expire_batches > 0
        self.expire_batches = max(0, self.expire_batches - 1)
        for line in lines:
            custom_id = line["custom_id"]
            outcome = "expired" if expire else self.plan(custom_id, line["body"])
            rid = self._id("batch_req")
            if outcome == "ok":
                self._lock.release()  # the chat handler takes the server's own lock
                try:
                    reply = self.fake._next(line["body"], {})
                finally:
                    self._lock.acquire()
                entry = {
                    "id": rid,
                    "custom_id": custom_id,
                    "response": {"status_code": reply.status, "request_id": rid, "body": reply.json},
                    "error": None,
                }
                (out if reply.status == 200 else errors).append(json.dumps(entry))
            elif outcome == "expired":
                errors.append(
                    json.dumps(
                        {
                            "id": rid,
                            "custom_id": custom_id,
                            "response": None,
                            "error": {
                                "code": "batch_expired",
                                "message": "This request could not be executed before the completion window expired.",
                            },
                        }
                    )
                )
            else:
                errors.append(
                    json.dumps(
                        {
                            "id": rid,
                            "custom_id": custom_id,
                            "response": {
                                "status_code": 500,
                                "request_id": rid,
                                "body": {
                                    "error": {"message": "The server had an error", "type": "server_error"}
                                },
                            },
                            "error": None,
                        }
                    )
                )
        if out:
            fid = self._id("file")
            self.files[fid] = ("batch_output", ("\n".join(out) + "\n").encode())
            batch["output_file_id"] = fid
        if errors:
            fid = self._id("file")
            self.files[fid] = ("batch_output", ("\n".join(errors) + "\n").encode())
            batch["error_file_id"] = fid
        batch["request_counts"] = {"total": len(lines), "completed": len(out), "failed": len(errors)}
        batch["status"] = "expired" if expire else "completed"


def _file_object(fid: str, purpose: str, filename: str, size: int) -> dict[str, Any]:
    return {
        "id": fid,
        "object": "file",
        "bytes": size,
        "created_at": int(time.time()),
        "filename": filename,
        "purpose": purpose,
        "status": "processed",
    }


def _multipart(raw: bytes, ctype: str) -> tuple[str, str, bytes]:
    """(purpose, filename, content) of a multipart/form-data upload."""
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(b"content-type: " + ctype.encode() + b"\r\n\r\n" + raw)
    purpose, filename, content = "", "upload", b""
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if name == "purpose":
            purpose = data.decode()
        elif name == "file":
            filename = part.get_filename() or filename
            content = data
    return purpose, filename, content


def tool_reply(args: Any, **kwargs: Any) -> ReplyFactory:
    """A reply factory that answers with a tool call named as the request's tool."""

    def make(body: dict[str, Any]) -> Reply:
        name = "Draft"
        tools = body.get("tools") or []
        if tools:
            name = tools[0].get("function", {}).get("name", name)
        return Reply(200, completion(tool_args=args, tool_name=name, **kwargs))

    return make
