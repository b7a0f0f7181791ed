"""Running the bot: HTTP mode (Starlette + uvicorn, bolt's Starlette adapter) or Socket Mode.

HTTP mode serves Slack's Events API, slash commands and interactivity on one path
(``/slack/events`` by default) and ``GET /healthz``. Bolt checks every request's v0 signature and
its 5-minute timestamp window before any listener runs; a failed check is a 401 and no work.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..redact import redact_text
from ..version import __version__
from .app import SlackBot

log = logging.getLogger(__name__)

_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII digits only: str.isdigit() also accepts "²"


def signed_by_slack(body: bytes, timestamp: str, signature: str, secret: str | None) -> bool:
    """Slack's v0 check (HMAC-SHA256 over ``v0:timestamp:body``, 5-minute window), run on the raw
    bytes before anything parses the body."""
    if not _TIMESTAMP.fullmatch(timestamp) or not signature:
        return False
    if secret is None:
        return True  # no secret configured here: bolt's own check still runs
    from slack_sdk.signature import SignatureVerifier

    return SignatureVerifier(secret).is_valid(body, timestamp, signature)


_TOKEN = re.compile(r"\b(xox[abposr]|xapp|xoxe(?:\.xox[bp])?)-[0-9A-Za-z\-]{6,}")


class RedactSecrets(logging.Filter):
    """Masks Slack tokens (and any configured secret) in log records, wherever they come from."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = [s for s in (secrets or []) if len(s) >= 6]

    def redact(self, text: str) -> str:
        text = redact_text(text)  # user:password@ in any URL
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return _TOKEN.sub(lambda m: m.group(1) + "-[redacted]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def configure_logging(level: str = "INFO", secrets: list[str] | None = None) -> RedactSecrets:
    """Log to stderr with every handler redacting tokens and secrets."""
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    redactor = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    return redactor


def create_asgi(bot: SlackBot) -> Starlette:
    """The ASGI app: ``POST <path>`` for Slack, ``GET /healthz`` for load balancers."""
    limit = bot.settings.max_body_bytes
    secret = bot.settings.signing_secret.get_secret_value() if bot.settings.signing_secret else None

    async def slack_events(request: Request) -> Response:
        # the signature is checked here on the raw bytes, before bolt parses anything: a forged
        # request with a malformed body gets a 401, never a 500 or a traceback
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        if not _TIMESTAMP.fullmatch(timestamp) or not signature:
            return JSONResponse({"error": "invalid request"}, status_code=401)
        declared = request.headers.get("content-length", "")
        if _TIMESTAMP.fullmatch(declared) and int(declared) > limit:
            return PlainTextResponse("request too large", status_code=413)
        body = await request.body()
        if len(body) > limit:
            return PlainTextResponse("request too large", status_code=413)
        if not signed_by_slack(body, timestamp, signature, secret):
            return JSONResponse({"error": "invalid request"}, status_code=401)
        # bolt's dispatch blocks until the listener acks: run it off the event loop
        try:
            bolt_request = to_bolt_request(request, body)
            bolt_response = await run_in_threadpool(bot.app.dispatch, bolt_request)
        except Exception as exc:  # a signed but malformed payload: answer, don't crash the request
            log.warning("could not handle a signed request: %s: %s", type(exc).__name__, exc)
            return PlainTextResponse("invalid request body", status_code=400)
        return to_starlette_response(bolt_response)

    async def healthz(request: Request) -> Response:
        engine = bot.summarizer.engine
        return JSONResponse(
            {
                "ok": True,
                "version": __version__,
                "engine": engine.name,
                "model": engine.model,
                "pending": bot.pending,
            }
        )

    return Starlette(
        routes=[
            Route(bot.settings.path, slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )


def uvicorn_server(bot: SlackBot, host: str, port: int, log_level: str = "info") -> Any:
    """A configured ``uvicorn.Server`` (call ``.run()``, or ``.run(sockets=[...])`` from a thread)."""
    import uvicorn

    config = uvicorn.Config(
        create_asgi(bot),
        host=host,
        port=port,
        log_level=log_level.lower(),
        access_log=False,
        proxy_headers=True,
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    return uvicorn.Server(config)


def serve_http(bot: SlackBot, host: str, port: int, log_level: str = "info") -> None:
    log.info("Slack bot listening on http://%s:%s%s (health: /healthz)", host, port, bot.settings.path)
    try:
        uvicorn_server(bot, host, port, log_level).run()
    finally:
        bot.close(wait=False)


def serve_socket(bot: SlackBot) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(bot.app, bot.settings.require_app_token())
    log.info("Slack bot connecting in Socket Mode")
    try:
        handler.start()  # type: ignore[no-untyped-call]
    finally:
        bot.close(wait=False)
