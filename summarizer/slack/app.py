"""The Slack bot: bolt listeners for ``/summarize``, mentions, the message shortcut and DMs.

Every listener acknowledges at once (bolt answers Slack as soon as ``ack()`` is called, well inside
the 3-second window) and hands the slow part - fetching and summarizing - to a bounded worker pool,
so the request thread is never held. Results go back as a Block Kit card (:mod:`.blocks`); errors
go back as one short friendly sentence while the details go to the log (never a token).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ..errors import (
    AuthenticationError,
    ConfigError,
    EngineError,
    FetchError,
    FetchFailure,
    InputError,
    LocalWorkerError,
    LocalWorkerTimeoutError,
    ModelHTTPError,
    ModelTimeoutError,
    SummarizerError,
    UnsupportedURLError,
    URLRefusal,
)
from ..events.schema import EventReport
from ..fetch import AddressGuard, fetch_article
from ..pipeline import Summarizer
from ..schema import IncidentReport
from .blocks import Block, escape, notice_blocks, report_blocks, report_text
from .ratelimit import RateLimiter
from .settings import SlackSettings
from .sources import SlackRequest, clean_text, parse_request

log = logging.getLogger(__name__)

USAGE = (
    "*Summarize a news article about an incident*\n"
    "• `/summarize https://...` posts the facts and a neutral summary to this channel\n"
    "• `/summarize private https://...` shows the result only to you\n"
    "• `/summarize` followed by pasted article text works too\n"
    "• `/summarize <link> <link> ...` with several links about one incident gives one event card\n"
    "• mention me with a link, use the *Summarize article* message shortcut, or DM me a link\n"
    "• the *Summarize thread as one event* shortcut gathers the links of a whole thread into one event card"
)

MAX_EVENT_LINKS = 8  # links read for one event card

# errors Slack returns when the bot cannot post to a conversation it is not part of
_NOT_IN_CONVERSATION = frozenset({"not_in_channel", "channel_not_found", "is_archived", "restricted_action"})


_REFUSED_URL: dict[URLRefusal, str] = {
    "scheme": "I can only read web pages over http or https.",
    "malformed": "That link doesn't look like a valid web address.",
    "private": "That link points to a private or internal address, which I don't fetch.",
    "metadata": "That link points to a private or internal address, which I don't fetch.",
}
_FETCH_FAILED: dict[FetchFailure, str] = {
    "http_status": "The page answered with an error.",
    "timeout": "The page took too long to load.",
    "too_large": "That page is too large for me to read.",
    "redirect": "That link redirects too many times (or badly).",
    "dns": "I couldn't find that website.",
    "content_type": "I couldn't find article text on that page.",
    "no_text": "I couldn't find article text on that page.",
    "network": "I couldn't download that page.",
}


def friendly_error(exc: BaseException) -> str:
    """One short sentence for the user; details stay in the log."""
    if isinstance(exc, UnsupportedURLError):
        return _REFUSED_URL[exc.kind]
    if isinstance(exc, FetchError):
        if exc.kind == "http_status":
            return f"The page answered with an error (HTTP {exc.status})."
        return _FETCH_FAILED[exc.kind]
    if isinstance(exc, InputError):
        return "That doesn't look like article text I can read."
    if isinstance(exc, AuthenticationError | ConfigError):
        return "The summarizer isn't configured correctly; an admin needs to check the bot's log."
    if isinstance(exc, LocalWorkerTimeoutError):
        return "The model took too long to answer; please try again in a minute."
    if isinstance(exc, LocalWorkerError):  # the model's process crashed or is resting; the bot is fine
        return (
            "The summarizer's model failed on this article; please try again later, "
            "and tell an admin if it keeps happening."
        )
    if isinstance(exc, ModelTimeoutError):
        return "The model took too long to answer; please try again in a minute."
    if isinstance(exc, ModelHTTPError) and exc.status_code == 429:
        return "The model is busy right now; please try again in a minute."
    if isinstance(exc, EngineError):
        return "The summarizer couldn't produce a reliable report for this article; please try again later."
    return "Something went wrong while summarizing; the details are in the bot's log."


@dataclass
class Job:
    """One summary to produce and where its answers go."""

    request: SlackRequest
    user: str
    deliver: Callable[[list[Block], str], None]
    notify: Callable[[str], None]  # plain text: escaped for mrkdwn where it is sent, exactly once
    where: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class _Seen:
    """Remembers recent event ids so a redelivered event is handled once."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str | None) -> bool:
        if not key:
            return True
        with self._lock:
            if key in self._ids:
                return False
            self._ids[key] = None
            while len(self._ids) > self.size:
                self._ids.popitem(last=False)
            return True


class SlackBot:
    """The bolt app plus the worker pool, rate limiter and fetch guard behind it."""

    def __init__(
        self,
        settings: SlackSettings,
        summarizer: Summarizer,
        *,
        socket_mode: bool = False,
        guard: AddressGuard | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.settings = settings
        self.summarizer = summarizer
        core = summarizer.settings
        self.guard = guard or AddressGuard(allow_private=core.fetch_allow_private)
        self.limiter = limiter or RateLimiter(settings.rate_limit, settings.rate_window)
        self.pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="summarize")
        self._pending = 0
        self._pending_lock = threading.Lock()
        self._seen = _Seen()

        # bolt runs listeners (which only parse, check and ack) here; summaries go to `self.pool`
        self._ack_pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="slack-ack")
        token = settings.require_bot_token()
        secret = None if socket_mode else settings.require_signing_secret()
        client_args: dict[str, Any] = {"token": token, "logger": logging.getLogger("summarizer.slack.web")}
        if settings.api_url:
            client_args["base_url"] = settings.api_url
        self.client = WebClient(**client_args)
        self.app = App(
            client=self.client,
            signing_secret=secret,
            request_verification_enabled=not socket_mode,
            process_before_response=False,
            listener_executor=self._ack_pool,
            logger=_bolt_logger(),
        )
        self._register()

    # -- lifecycle ---------------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        with self._pending_lock:
            return self._pending

    def close(self, wait: bool = True) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=not wait)
        self._ack_pool.shutdown(wait=False)

    # -- listeners ---------------------------------------------------------------------------------
    def _register(self) -> None:
        app = self.app
        app.command(self.settings.command)(self.on_command)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.shortcut(self.settings.shortcut_callback_id)(self.on_shortcut)
        app.shortcut(self.settings.thread_shortcut_callback_id)(self.on_thread_shortcut)

    def on_command(self, ack: Any, command: dict[str, Any], respond: Any) -> None:
        user = str(command.get("user_id", ""))
        channel = str(command.get("channel_id", ""))
        request = parse_request(command.get("text"), min_text_chars=self.settings.min_text_chars)
        if not request.is_job:
            ack(text=escape(USAGE if request.help else (request.problem or USAGE)), response_type="ephemeral")
            return
        refusal = self._admit(user)
        if refusal:
            ack(text=escape(refusal), response_type="ephemeral")
            return
        ack(text=escape(f"Summarizing {request.describe()} …"), response_type="ephemeral")

        def deliver(blocks: list[Block], text: str) -> None:
            if request.private:
                respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)
                return
            try:
                self.client.chat_postMessage(
                    channel=channel, blocks=blocks, text=text, unfurl_links=False, unfurl_media=False
                )
            except SlackApiError as exc:
                if _error_code(exc) not in _NOT_IN_CONVERSATION:
                    raise
                # the bot is not in this conversation: answer through the command's response URL
                respond(text=text, blocks=blocks, response_type="in_channel", replace_original=False)

        def notify(text: str) -> None:
            respond(
                text=escape(text),
                blocks=notice_blocks(text),
                response_type="ephemeral",
                replace_original=False,
            )

        self._submit(Job(request, user, deliver, notify, where=f"command in {channel}"))

    def on_mention(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        if not self._seen.first_time(body.get("event_id")):
            return
        user = str(event.get("user", ""))
        channel = str(event.get("channel", ""))
        thread_ts = str(event.get("thread_ts") or event.get("ts") or "")
        request = parse_request(event.get("text"), min_text_chars=self.settings.min_text_chars, flags=False)
        self._start_in_thread(request, user, channel, thread_ts, where=f"mention in {channel}")

    def on_message(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not self._seen.first_time(body.get("event_id")):
            return
        user = str(event.get("user", ""))
        channel = str(event.get("channel", ""))
        request = parse_request(event.get("text"), min_text_chars=self.settings.min_text_chars)
        if not request.is_job:
            self._post(channel, USAGE if request.help else (request.problem or USAGE))
            return
        refusal = self._admit(user)
        if refusal:
            self._post(channel, refusal)
            return
        self._ephemeral(channel, user, f"Summarizing {escape(request.describe())} …")

        def deliver(blocks: list[Block], text: str) -> None:
            self.client.chat_postMessage(channel=channel, blocks=blocks, text=text, unfurl_links=False)

        self._submit(Job(request, user, deliver, lambda t: self._post(channel, t), where=f"DM {channel}"))

    def on_shortcut(self, ack: Any, shortcut: dict[str, Any], respond: Any) -> None:
        ack()
        message = shortcut.get("message") or {}
        user = str((shortcut.get("user") or {}).get("id", ""))
        channel = str((shortcut.get("channel") or {}).get("id", ""))
        thread_ts = str(message.get("thread_ts") or message.get("ts") or "")
        request = parse_request(
            message.get("text"),
            min_text_chars=self.settings.min_text_chars,
            flags=False,
            extra_urls=_attachment_urls(message),
        )
        self._start_in_thread(
            request, user, channel, thread_ts, where=f"shortcut in {channel}", respond=respond
        )

    def on_thread_shortcut(self, ack: Any, shortcut: dict[str, Any], respond: Any) -> None:
        """The *Summarize thread as one event* shortcut: every link in the thread -> one event card."""
        ack()
        message = shortcut.get("message") or {}
        user = str((shortcut.get("user") or {}).get("id", ""))
        channel = str((shortcut.get("channel") or {}).get("id", ""))
        thread_ts = str(message.get("thread_ts") or message.get("ts") or "")
        urls: list[str] = []
        messages: list[dict[str, Any]] = [message]
        try:
            replies = self.client.conversations_replies(channel=channel, ts=thread_ts, limit=200)
            messages = list(replies.get("messages") or []) or messages
        except SlackApiError as exc:
            log.info("could not read the thread (%s): %s", channel, _error_code(exc))
        for m in messages:
            if m.get("bot_id"):
                continue  # our own cards (and other bots) are not sources
            for url in [*clean_text(str(m.get("text") or ""))[1], *_attachment_urls(m)]:
                if url not in urls:
                    urls.append(url)
        if len(urls) > 1:
            request = SlackRequest(url=urls[0], urls=tuple(urls))
        elif urls:
            request = SlackRequest(url=urls[0])
        else:
            request = SlackRequest(problem="I found no links in this thread to gather into one event.")
        self._start_in_thread(
            request, user, channel, thread_ts, where=f"thread shortcut in {channel}", respond=respond
        )

    # -- shared paths ------------------------------------------------------------------------------
    def _start_in_thread(
        self,
        request: SlackRequest,
        user: str,
        channel: str,
        thread_ts: str,
        *,
        where: str,
        respond: Any = None,
    ) -> None:
        def notify(text: str) -> None:
            self._ephemeral(channel, user, text, thread_ts=thread_ts, respond=respond)

        if not request.is_job:
            notify(
                "Mention me with a link (or use the shortcut on a message holding a link or article text)."
                if request.help
                else (request.problem or USAGE)
            )
            return
        refusal = self._admit(user)
        if refusal:
            notify(refusal)
            return
        notify(f"Summarizing {request.describe()} …")

        def deliver(blocks: list[Block], text: str) -> None:
            try:
                self.client.chat_postMessage(
                    channel=channel,
                    thread_ts=thread_ts or None,
                    blocks=blocks,
                    text=text,
                    unfurl_links=False,
                    unfurl_media=False,
                )
            except SlackApiError as exc:
                if respond is None or _error_code(exc) not in _NOT_IN_CONVERSATION:
                    raise
                respond(
                    text=text,
                    blocks=[
                        *blocks,
                        *notice_blocks("Invite me to this channel to get answers in the thread."),
                    ],
                    response_type="ephemeral",
                    replace_original=False,
                )

        self._submit(Job(request, user, deliver, notify, where=where))

    def _admit(self, user: str) -> str | None:
        """A refusal message when the user is over the rate limit or the queue is full."""
        if self.pending >= self.settings.max_pending:
            return "I'm busy with other summaries right now; please try again in a minute."
        wait = self.limiter.hit(user or "?")
        if wait > 0:
            return (
                f"You've asked for {self.limiter.limit} summaries in the last "
                f"{self.limiter.window:.0f} seconds; please try again in {max(1, round(wait))} s."
            )
        return None

    def _submit(self, job: Job) -> None:
        with self._pending_lock:
            self._pending += 1
        try:
            self.pool.submit(self._run, job)
        except RuntimeError:  # the pool is shutting down
            with self._pending_lock:
                self._pending -= 1
            job.notify("I'm restarting; please try again in a minute.")

    def _run(self, job: Job) -> None:
        try:
            try:
                blocks, text = self.produce(job.request)
            except SummarizerError as exc:
                level = logging.ERROR if isinstance(exc, ConfigError | EngineError) else logging.INFO
                log.log(
                    level,
                    "summary failed (%s, user %s): %s: %s",
                    job.where,
                    job.user,
                    type(exc).__name__,
                    exc,
                )
                job.notify(":warning: " + friendly_error(exc))
                return
            except Exception as exc:
                log.exception("unexpected error while summarizing (%s, user %s)", job.where, job.user)
                job.notify(":warning: " + friendly_error(exc))
                return
            try:
                job.deliver(blocks, text)
            except Exception as exc:
                log.error("could not post the summary (%s): %s: %s", job.where, type(exc).__name__, exc)
                job.notify(":warning: I made the summary but couldn't post it here.")
        except Exception:  # never let a worker die silently (e.g. notify itself failed)
            log.exception("could not reach the user (%s)", job.where)
        finally:
            with self._pending_lock:
                self._pending -= 1

    def produce(self, request: SlackRequest) -> tuple[list[Block], str]:
        """The card (and its fallback text): one event card for several links, else one report card."""
        if len(request.urls) > 1:
            from .event_blocks import event_blocks, event_text

            event, failed = self.summarize_event(request)
            return event_blocks(event, failed=failed), event_text(event)
        report = self.summarize(request)
        return report_blocks(report, source=None if request.url else "pasted text"), report_text(report)

    def summarize_event(self, request: SlackRequest) -> tuple[EventReport, list[str]]:
        """Fetch every link (guarded; at most ``MAX_EVENT_LINKS``) and reconcile them as one event.
        Links that cannot be read are skipped and listed; when none can be read, the first error is raised."""
        from ..events import summarize_event

        core = self.summarizer.settings
        articles: list[Any] = []
        failed: list[str] = []
        first: SummarizerError | None = None
        for url in request.urls[:MAX_EVENT_LINKS]:
            try:
                articles.append(
                    fetch_article(
                        url,
                        timeout=core.fetch_timeout,
                        max_bytes=core.fetch_max_bytes,
                        max_redirects=core.fetch_max_redirects,
                        guard=self.guard,
                    )
                )
            except SummarizerError as exc:
                log.info("event link skipped (%s): %s", url, exc)
                failed.append(url)
                first = first or exc
        if not articles:
            raise first or InputError("nothing to summarize")
        return summarize_event(articles, summarizer=self.summarizer), failed

    def summarize(self, request: SlackRequest) -> IncidentReport:
        """Fetch (guarded) or take the pasted text, then summarize through the shared, cached pipeline."""
        core = self.summarizer.settings
        if request.url is not None:
            article = fetch_article(
                request.url,
                timeout=core.fetch_timeout,
                max_bytes=core.fetch_max_bytes,
                max_redirects=core.fetch_max_redirects,
                guard=self.guard,
            )
            return self.summarizer.summarize(article)
        if request.text is not None:
            return self.summarizer.summarize(request.text)
        raise InputError("nothing to summarize")

    # -- posting helpers -----------------------------------------------------------------------------
    def _post(self, channel: str, text: str) -> None:
        self.client.chat_postMessage(channel=channel, text=escape(text), blocks=notice_blocks(text))

    def _ephemeral(
        self, channel: str, user: str, text: str, *, thread_ts: str | None = None, respond: Any = None
    ) -> None:
        try:
            self.client.chat_postEphemeral(
                channel=channel,
                user=user,
                text=escape(text),
                blocks=notice_blocks(text),
                thread_ts=thread_ts or None,
            )
        except SlackApiError as exc:
            if respond is None:
                log.warning("could not post an ephemeral message: %s", _error_code(exc))
                return
            respond(
                text=escape(text),
                blocks=notice_blocks(text),
                response_type="ephemeral",
                replace_original=False,
            )


class _DropClientTokenWarning(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN itself and warns that the client's token wins: it is the same one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _bolt_logger() -> logging.Logger:
    logger = logging.getLogger("summarizer.slack.bolt")
    if not any(isinstance(f, _DropClientTokenWarning) for f in logger.filters):
        logger.addFilter(_DropClientTokenWarning())
    return logger


def _error_code(exc: SlackApiError) -> str:
    try:
        return str(exc.response.get("error", ""))
    except Exception:
        return ""


def _attachment_urls(message: dict[str, Any]) -> list[str]:
    """Links Slack unfurled under a message (when the text itself holds none)."""
    urls: list[str] = []
    for att in message.get("attachments") or []:
        if isinstance(att, dict):
            for key in ("from_url", "original_url", "title_link"):
                value = att.get(key)
                if isinstance(value, str) and value:
                    urls.append(value)
                    break
    return urls


def create_bot(
    settings: SlackSettings | None = None,
    summarizer: Summarizer | None = None,
    *,
    socket_mode: bool = False,
    guard: AddressGuard | None = None,
) -> SlackBot:
    """Build the bot from the environment (or the given settings and summarizer)."""
    return SlackBot(
        settings or SlackSettings(),
        summarizer or Summarizer(),
        socket_mode=socket_mode,
        guard=guard,
    )
