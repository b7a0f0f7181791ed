"""LLM engines on `openai` + `instructor`: OpenAI and any OpenAI-compatible server (the local GGUF
engine, in :mod:`.local`, builds on the same machinery).

Every call goes through instructor in TOOLS mode (grammar-constrained on llama.cpp; instructor
re-asks on validation failure, bounded) inside a tenacity retry loop for transport errors. Token
usage is summed over every attempt via per-call instructor hooks.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from typing import TYPE_CHECKING, Any

import instructor
import openai
from instructor.core.exceptions import InstructorError, InstructorRetryException
from instructor.core.hooks import Hooks
from pydantic import BaseModel, Field
from tenacity import RetryError

from ..errors import AuthenticationError, ModelHTTPError, ModelOutputError, ModelTimeoutError
from ..prompting import PromptFingerprint, PromptTemplate
from ..ratelimit import RateLimiter, estimate_tokens
from ..schema import Draft
from .base import EngineProfile, EngineResult, ExtractionRequest, RevisedSummary
from .cassette import Cassette, CassetteMissError
from .retrying import (
    RetryPolicy,
    Verdict,
    acall_with_retries,
    call_with_retries,
    demote_retry_logs,
    is_retryable_status,
    parse_retry_after,
)

if TYPE_CHECKING:
    import asyncio

# transport failures worth retrying: the SDK's connection/timeout errors and the stdlib's
_TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    openai.APIConnectionError,
    TimeoutError,
    ConnectionError,
)


@functools.lru_cache(maxsize=16)
def _response_model(model: type[BaseModel]) -> type[BaseModel]:
    """Wrap a model for instructor once: instructor would otherwise build a new wrapper class (and
    regenerate its JSON schema, ~10 ms for the draft) on every call."""
    try:
        from instructor.v2.core.function_calls import response_schema
    except ImportError:  # older instructor: it wraps per call, still correct
        return model
    wrapped: type[BaseModel] = response_schema(model)
    return wrapped


def _check_models_once() -> None:
    """instructor walks a response model's whole type tree on every call, up to four times per
    request, to refuse async validators (about 100 visits per walk for the draft: a third of the
    client's CPU per article on the async path). The answer depends on the model class only, so
    each class is walked once; anything but a plain class is walked every time, as before."""
    import sys
    import weakref

    try:
        from instructor.v2.validation import async_validators
    except ImportError:  # another instructor: nothing to do
        return
    original = async_validators.reject_async_validators
    if getattr(original, "_walked_once", False):
        return
    passed: weakref.WeakSet[type] = weakref.WeakSet()

    def reject_async_validators(response_model: Any) -> None:
        if isinstance(response_model, type) and response_model in passed:
            return
        original(response_model)  # raises for a model with async validators: never remembered
        if isinstance(response_model, type):
            passed.add(response_model)

    reject_async_validators._walked_once = True  # type: ignore[attr-defined]
    async_validators.reject_async_validators = reject_async_validators
    for name in ("instructor.v2.core.patch",):  # modules that imported the function by name
        module = sys.modules.get(name)
        if module is not None and getattr(module, "reject_async_validators", None) is original:
            module.reject_async_validators = reject_async_validators  # type: ignore[attr-defined]


_check_models_once()


class SummaryRevision(BaseModel):
    summary: str = Field(description="the rewritten summary: 2-4 neutral sentences, at most 90 words")


class _Usage:
    def __init__(self) -> None:
        self.tokens_in = 0
        self.tokens_out = 0
        self.responses = 0
        self._lock = threading.Lock()

    def on_response(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if usage is None and isinstance(response, dict):
            usage = response.get("usage")
        with self._lock:
            self.responses += 1
            if usage is None:
                return
            get = usage.get if isinstance(usage, dict) else lambda k: getattr(usage, k, 0)
            self.tokens_in += int(get("prompt_tokens") or 0)
            self.tokens_out += int(get("completion_tokens") or 0)


def _unwrap(exc: BaseException) -> BaseException:
    """The root transport or validation error under instructor's and tenacity's wrappers."""
    for _ in range(10):
        if isinstance(exc, InstructorError) and exc.__cause__ is not None:
            exc = exc.__cause__
        elif isinstance(exc, RetryError) and exc.last_attempt.exception() is not None:
            exc = exc.last_attempt.exception()  # type: ignore[assignment]
        else:
            break
    return exc


class InstructorEngine:
    """Shared machinery; subclasses provide ``_instructor()`` and naming. The engine owns its
    prompt template: it renders the request into chat messages itself."""

    name = "llm"
    model = ""
    server: str | None = None
    key_variable = "OPENAI_API_KEY"
    profile = EngineProfile(uses_prompt=True, self_checked=False, revises_summary=True)

    def __init__(self, policy: RetryPolicy, timeout: float, template: PromptTemplate) -> None:
        self.policy = policy
        self.timeout = timeout
        self.template = template
        self.prompt: PromptFingerprint | None = template.fingerprint

    # subclasses -------------------------------------------------------------------------------
    def _instructor(self) -> Any:
        raise NotImplementedError

    def _call_kwargs(self, request: ExtractionRequest) -> dict[str, Any]:
        return {"model": self.model}

    def _create_kwargs(
        self, request: ExtractionRequest, model: type[BaseModel], messages: list[dict[str, str]], hooks: Hooks
    ) -> dict[str, Any]:
        """The arguments of instructor's ``create`` for one structured call (sync and async alike)."""
        return {
            "response_model": _response_model(model),
            "messages": messages,
            "max_retries": request.params.max_reasks,
            "temperature": request.params.temperature,
            "max_tokens": request.params.max_tokens,
            "hooks": hooks,
            **self._call_kwargs(request),
        }

    # protocol ---------------------------------------------------------------------------------
    def messages(self, request: ExtractionRequest) -> list[dict[str, str]]:
        """The extraction prompt rendered for ``request`` (the article text fenced)."""
        reference = request.reference_date
        return self.template.render(
            article_text=request.text,
            title=request.title,
            outlet=request.outlet,
            published=reference.isoformat() if reference else None,
        )

    def extract(self, request: ExtractionRequest) -> EngineResult:
        draft, usage, attempts = self._structured(request, self.messages(request), Draft)
        assert isinstance(draft, Draft)
        return EngineResult(
            draft=draft, tokens_in=usage.tokens_in, tokens_out=usage.tokens_out, attempts=attempts
        )

    def revision_messages(
        self, request: ExtractionRequest, summary: str, problems: list[str]
    ) -> list[dict[str, str]]:
        """The neutrality re-ask: the extraction prompt, then the summary to rewrite."""
        return [
            *self.messages(request),
            {
                "role": "user",
                "content": (
                    "Rewrite this summary of the article neutrally, without these loaded words: "
                    f"{', '.join(problems)}. Keep every fact and number as the article gives them, "
                    f"2-4 sentences, at most 90 words.\n\nSummary: {summary}"
                ),
            },
        ]

    def revise_summary(self, request: ExtractionRequest, summary: str, problems: list[str]) -> RevisedSummary:
        messages = self.revision_messages(request, summary, problems)
        revision, usage, attempts = self._structured(request, messages, SummaryRevision)
        assert isinstance(revision, SummaryRevision)
        return RevisedSummary(
            summary=revision.summary,
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            attempts=attempts,
        )

    # machinery --------------------------------------------------------------------------------
    def _structured(
        self, request: ExtractionRequest, messages: list[dict[str, str]], model: type[BaseModel]
    ) -> tuple[BaseModel, _Usage, int]:
        usage = _Usage()
        hooks = Hooks()
        hooks.on("completion:response", usage.on_response)
        client = self._instructor()
        kwargs = self._create_kwargs(request, model, messages, hooks)
        transport_attempts = 0

        def call() -> BaseModel:
            nonlocal transport_attempts
            transport_attempts += 1
            result: BaseModel = client.create(**kwargs)
            return result

        started = time.monotonic()
        try:
            result, _ = call_with_retries(call, self.policy, self._classify)
        except Exception as exc:
            miss = _find_miss(exc)
            if miss is not None:
                raise miss from None
            raise self._translate(exc, usage, transport_attempts, time.monotonic() - started) from exc
        return result, usage, max(usage.responses, transport_attempts, 1)

    def _classify(self, exc: BaseException) -> Verdict:
        root = _unwrap(exc)
        if isinstance(root, openai.APIStatusError):
            if not is_retryable_status(root.status_code):
                return Verdict(False)
            return Verdict(True, self._classify_headers(root.response.headers))
        return Verdict(isinstance(root, _TRANSPORT_ERRORS))

    @staticmethod
    def _classify_headers(headers: Any) -> float | None:
        """Seconds the server asks to wait (``Retry-After``, else ``retry-after-ms``), or None."""
        after = parse_retry_after(headers.get("retry-after"))
        ms = headers.get("retry-after-ms")
        if after is None and ms:
            try:
                after = float(ms) / 1000
            except ValueError:
                after = None
        return after

    def _translate(self, exc: BaseException, usage: _Usage, calls: int, seconds: float) -> Exception:
        root = _unwrap(exc)
        attempts = max(usage.responses, calls, 1)
        if isinstance(root, openai.APIStatusError):
            status = root.status_code
            body = _body_text(root)
            if status in (401, 403):
                return AuthenticationError(status, body, self.key_variable, self.server)
            if status == 404:
                return ModelHTTPError(
                    status, f"{body} (is the model name {self.model!r} right?)", 1, self.server
                )
            return ModelHTTPError(status, body, calls, self.server)
        if isinstance(root, _TRANSPORT_ERRORS):
            return ModelTimeoutError(calls, seconds)
        n_attempts = exc.n_attempts if isinstance(exc, InstructorRetryException) else attempts
        return ModelOutputError(
            n_attempts, f"{type(root).__name__}: {root}", usage.tokens_in, usage.tokens_out
        )


def _find_miss(exc: BaseException) -> CassetteMissError | None:
    """A replay miss anywhere under instructor's and tenacity's wrappers."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, CassetteMissError):
            return e
        if isinstance(e, RetryError):
            stack.append(e.last_attempt.exception())
        stack.extend([e.__cause__, e.__context__])
        stack.extend(x for x in getattr(e, "failed_attempts", None) or [] if isinstance(x, BaseException))
    return None


def _chat_completion(body: dict[str, Any]) -> Any:
    from openai.types.chat import ChatCompletion

    return ChatCompletion.model_validate(body)


def _cassette_client(create: Any, cassette: Cassette, model: str) -> Any:
    """An instructor client whose model calls go through the cassette (recorded or replayed)."""
    wrapped = cassette.wrap(create, model, _chat_completion)
    patched = instructor.patch(create=wrapped, mode=instructor.Mode.TOOLS)
    return instructor.Instructor(client=None, create=patched, mode=instructor.Mode.TOOLS)


def _body_text(exc: openai.APIStatusError) -> str:
    if exc.body is not None:
        return str(exc.body)
    try:
        return exc.response.text
    except Exception:  # a streamed body that was never read
        return str(exc)


class OpenAIEngine(InstructorEngine):
    """OpenAI itself, or any OpenAI-compatible server (vLLM, Ollama, llama.cpp server, LM Studio).

    It also speaks the OpenAI Batch API (:class:`~summarizer.engines.base.BatchCapable`): the
    request lines carry exactly the body a synchronous extraction sends first (instructor's TOOLS
    request for the draft), and a response body is parsed by instructor as a synchronous reply is.
    """

    endpoint = "/v1/chat/completions"

    def __init__(
        self,
        *,
        name: str,
        model: str,
        api_key: str,
        base_url: str | None,
        policy: RetryPolicy,
        timeout: float,
        template: PromptTemplate,
        key_variable: str = "OPENAI_API_KEY",
        cassette: Cassette | None = None,
    ) -> None:
        super().__init__(policy, timeout, template)
        demote_retry_logs()  # a retried attempt is not an error; the final outcome is ours to report
        self.name = name
        self.model = model
        from ..redact import redact_url

        self.server = redact_url(base_url or "https://api.openai.com/v1")  # shown in errors: no credentials
        self.key_variable = key_variable
        self._api_key, self._base_url = api_key, base_url
        self._cassette = cassette
        self._sync: tuple[openai.OpenAI | None, Any] | None = None  # (client, instructor): _sync_calls
        self._sync_lock = threading.Lock()
        if cassette is not None and cassette.mode == "replay":
            self._sync = None, _cassette_client(None, cassette, model)  # no client, no key, no network

    def _sync_calls(self) -> tuple[openai.OpenAI | None, Any]:
        """The synchronous client and its instructor wrapper, built on first use: building the
        client loads the CA bundle (about 20 ms of CPU), which a run on the async path (every
        worker process of :mod:`summarizer.aio_workers` builds the engine) never needs."""
        if self._sync is None:
            with self._sync_lock:
                if self._sync is None:
                    # transport retries are ours (tenacity), so the SDK's own are off
                    client = openai.OpenAI(
                        api_key=self._api_key, base_url=self._base_url, max_retries=0, timeout=self.timeout
                    )
                    if self._cassette is not None:
                        wrapped = _cassette_client(client.chat.completions.create, self._cassette, self.model)
                    else:
                        wrapped = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
                    self._sync = client, wrapped
        return self._sync

    @property
    def _client(self) -> openai.OpenAI:
        client = self._sync_calls()[0]
        assert client is not None, "a replayed engine has no client"
        return client

    def _instructor(self) -> Any:
        return self._sync_calls()[1]

    # the async path -----------------------------------------------------------------------------
    def open_async(self, limiter: RateLimiter) -> AsyncSession | None:
        """A session of async calls for the running event loop (an ``AsyncOpenAI`` client, whose
        connection pool belongs to that loop), or None when calls must stay synchronous (a
        recording is being written or replayed: the cassette wraps the sync client)."""
        if self._cassette is not None:
            return None
        return AsyncSession(self, limiter)

    def preload(self) -> None:
        """Before worker processes are forked (:mod:`summarizer.aio_workers`): load what each
        one's async session would otherwise load on its own, about 0.1 s of CPU per process:
        anyio's asyncio backend (the HTTP stack imports it on first use), the SDK's resources
        (imported by a client's first ``.chat``: the sync client is built on first use), instructor's TOOLS
        handlers, the request fields of the draft and of the summary rewrite (:func:`_tool_kwargs`),
        the TLS context (:data:`_SHARED_TLS`), the prompt's compiled templates, the SDK's
        completion models (:func:`_warm_completion_models`) and the OS's name (:func:`_platform`)."""
        import importlib

        with contextlib.suppress(ImportError):
            importlib.import_module("anyio._backends._asyncio")
        importlib.import_module("openai.resources")  # what a client's ``.chat`` imports (~0.4 s)
        if _DirectCalls.make() is not None:
            for model in (Draft, SummaryRevision):
                _tool_kwargs(model)
        if _SHARED_TLS.context is None:
            _SHARED_TLS.keep(openai.DefaultAsyncHttpxClient(timeout=self.timeout))
        self.messages(ExtractionRequest(text="A fire."))  # the prompt's templates compiled
        _warm_completion_models()
        with contextlib.suppress(Exception):
            _platform()  # the OS's name for the SDK's headers (it may read files)

    # the Batch API ------------------------------------------------------------------------------
    def batch_body(self, request: ExtractionRequest) -> dict[str, Any]:
        from instructor.processing import handle_response_model

        _, body = handle_response_model(
            _response_model(Draft),
            mode=instructor.Mode.TOOLS,
            messages=self.messages(request),
            temperature=request.params.temperature,
            max_tokens=request.params.max_tokens,
            **self._call_kwargs(request),
        )
        return dict(body)

    def parse_batch_body(self, request: ExtractionRequest, body: dict[str, Any]) -> EngineResult:
        from instructor.processing import process_response
        from openai.types.chat import ChatCompletion

        usage = _Usage()
        try:
            completion = ChatCompletion.model_validate(body)
            usage.on_response(completion)
            draft = process_response(
                completion, response_model=_response_model(Draft), stream=False, mode=instructor.Mode.TOOLS
            )
        except Exception as exc:  # not a completion, no tool call, or a draft that does not validate
            raise ModelOutputError(
                1, f"{type(exc).__name__}: {exc}", usage.tokens_in, usage.tokens_out
            ) from None
        if not isinstance(draft, Draft):
            raise ModelOutputError(1, f"the batch response is not a draft ({type(draft).__name__})")
        return EngineResult(draft=draft, tokens_in=usage.tokens_in, tokens_out=usage.tokens_out, attempts=1)

    def batch_service(self) -> OpenAIBatchService:
        return OpenAIBatchService(self)


class AsyncSession:
    """One run's async model calls (:meth:`OpenAIEngine.open_async`): ``AsyncOpenAI`` with
    instructor's TOOLS request, parser and re-asks (:class:`_DirectCalls`; instructor's async client
    on another instructor layout), the same prompt, request bodies, retries (tenacity's
    ``AsyncRetrying``) and error translation as the sync path. Every HTTP request, re-asks included, first awaits the
    shared :class:`~summarizer.ratelimit.RateLimiter`; every response's ``x-ratelimit-*`` headers
    and a 429's ``Retry-After`` are passed back to it, so one refusal holds back every call."""

    def __init__(self, engine: OpenAIEngine, limiter: RateLimiter) -> None:
        self.engine = engine
        self.limiter = limiter
        self._max_tokens = 0
        self._last_estimate = 0
        self.gate: asyncio.Semaphore | None = None  # the run's call slots: :meth:`hold_slots`
        http = _LimitedHttpClient(self, timeout=engine.timeout, **_SHARED_TLS.kwargs())
        _SHARED_TLS.keep(http)
        self._client = openai.AsyncOpenAI(
            api_key=engine._api_key,
            base_url=engine._base_url,
            max_retries=0,  # transport retries are ours (tenacity)
            timeout=engine.timeout,
            http_client=http,
        )
        _give_platform(self._client)
        self._ic: Any = instructor.from_openai(self._client, mode=instructor.Mode.TOOLS)
        self._direct = _DirectCalls.make()  # None: another instructor, its create() is used

    async def aclose(self) -> None:
        await self._client.close()

    def hold_slots(self, gate: asyncio.Semaphore) -> None:
        """Take one of ``gate``'s call slots (:class:`summarizer.aio.CallSlots`) for every HTTP
        request, re-asks and retries included, only while it is on the wire: from before the rate
        limiter until its answer is read. The request is built before, the answer parsed after
        and a retry's wait holds none, so a call waiting for a slot goes out as soon as an answer
        is in."""
        self.gate = gate

    async def before_send(self, body_bytes: int) -> None:
        """Wait for the rate limiter, then count the request as in flight."""
        estimate = estimate_tokens(body_bytes, self._max_tokens)
        self._last_estimate = estimate
        await self.limiter.acquire(estimate)
        self.limiter.sent()  # in flight: counted by the limiter, across a run's processes

    def after_send(self, response: Any | None) -> None:
        """The request is answered (or failed in transport): pass the server's word on."""
        self.limiter.answered()
        if response is None:
            return
        headers = response.headers
        if response.status_code == 429:  # one refusal holds back every call, not only this one
            after = self.engine._classify_headers(headers)
            if after is not None:
                self.limiter.pause(min(after, self.engine.policy.retry_after_cap))
        self.limiter.observe(headers, self._last_estimate)

    async def extract(self, request: ExtractionRequest) -> EngineResult:
        draft, usage, attempts = await self._structured(request, self.engine.messages(request), Draft)
        assert isinstance(draft, Draft)
        return EngineResult(
            draft=draft, tokens_in=usage.tokens_in, tokens_out=usage.tokens_out, attempts=attempts
        )

    async def revise_summary(
        self, request: ExtractionRequest, summary: str, problems: list[str]
    ) -> RevisedSummary:
        messages = self.engine.revision_messages(request, summary, problems)
        revision, usage, attempts = await self._structured(request, messages, SummaryRevision)
        assert isinstance(revision, SummaryRevision)
        return RevisedSummary(
            summary=revision.summary,
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            attempts=attempts,
        )

    async def _structured(
        self, request: ExtractionRequest, messages: list[dict[str, str]], model: type[BaseModel]
    ) -> tuple[BaseModel, _Usage, int]:
        engine = self.engine
        usage = _Usage()
        self._max_tokens = request.params.max_tokens
        transport_attempts = 0
        direct = self._direct
        fields = self._tool_kwargs(model) if direct is not None else None
        if direct is not None and fields is not None:
            wrapped, tools = fields
            body = {
                "messages": messages,
                "temperature": request.params.temperature,
                "max_tokens": request.params.max_tokens,
                **engine._call_kwargs(request),
            }

            async def call() -> BaseModel:
                nonlocal transport_attempts
                transport_attempts += 1
                return await direct.create(
                    self._client, wrapped, tools, body, request.params.max_reasks, usage
                )
        else:
            hooks = Hooks()
            hooks.on("completion:response", usage.on_response)
            kwargs = engine._create_kwargs(request, model, messages, hooks)

            async def call() -> BaseModel:
                nonlocal transport_attempts
                transport_attempts += 1
                result: BaseModel = await self._ic.create(**kwargs)
                return result

        started = time.monotonic()
        try:
            result, _ = await acall_with_retries(call, engine.policy, engine._classify)
        except Exception as exc:
            raise engine._translate(exc, usage, transport_attempts, time.monotonic() - started) from exc
        return result, usage, max(usage.responses, transport_attempts, 1)

    def _tool_kwargs(self, model: type[BaseModel]) -> tuple[type[BaseModel], dict[str, Any]] | None:
        return _tool_kwargs(model)


def _warm_completion_models() -> None:
    """The SDK builds the pydantic schemas of its completion models (the completion, a choice,
    its message and tool calls) the first time it reads a response into them, about 15 ms of CPU:
    done once here (see :meth:`OpenAIEngine.preload`), not in every worker process."""
    from openai.types.chat import ChatCompletion

    call = {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    message = {"role": "assistant", "content": None, "tool_calls": [call]}
    usage = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    with contextlib.suppress(Exception):  # another SDK version: its first response does it
        ChatCompletion.construct(
            id="w",
            object="chat.completion",
            created=0,
            model="m",
            choices=[{"index": 0, "finish_reason": "tool_calls", "message": message}],
            usage=usage,
        )


@functools.lru_cache(maxsize=16)
def _tool_kwargs(model: type[BaseModel]) -> tuple[type[BaseModel], dict[str, Any]] | None:
    """instructor's wrapped model and its TOOLS request fields (``tools``, ``tool_choice``) for
    ``model``, made once per process: they depend on the model class only (generating the draft's
    JSON schema is about 30 ms of CPU, which every run's session paid, and every worker process
    unless the parent made them first: :meth:`OpenAIEngine.preload`). None when instructor would
    also rewrite the messages (then its ``create`` makes every request). Callers must not change
    the fields (they are sent as they are)."""
    from instructor.processing import handle_response_model

    probe = [{"role": "user", "content": "probe"}]
    wrapped, fields = handle_response_model(
        _response_model(model), mode=instructor.Mode.TOOLS, messages=list(probe)
    )
    fields = dict(fields)
    same = fields.pop("messages", None) == probe
    return (wrapped, fields) if same and wrapped is not None else None


class _DirectCalls:
    """instructor's TOOLS call and re-ask loop (``AsyncInstructor.create``) without its per-call
    machinery: the same request body (instructor's ``tools``/``tool_choice`` for the model, made
    once per session), instructor's own response parser (strict, as ``create`` parses) and its
    own re-ask messages on a validation error, up to ``max_reasks`` re-asks; the same
    ``InstructorRetryException`` (from the last error) when they run out or the call fails.

    What it leaves out costs CPU on every call and did nothing here: rebuilding the request
    fields, deep copies of the arguments and of the token usage (for hooks), the async-validator
    walk and a second tenacity loop. The constant ``tools`` schema and the messages are passed as
    ``extra_body``: the SDK merges them into the JSON body unchanged instead of walking them for
    ``TypedDict`` aliases on every request (about 100 nodes for the schema; the two messages, each
    tried against every message type, 0.15-0.25 ms of CPU per call on the loop, before the request
    goes out), a walk that gives back what it is given for plain text messages and the re-asks'
    tool calls. ``messages`` itself is sent empty and replaced by the merge, in its place: the
    JSON body is the same, key for key and in the same order. Token usage is counted per response,
    as the hook did."""

    def __init__(self, handlers: Any, parse_errors: tuple[type[Exception], ...]) -> None:
        self.handlers = handlers
        self.parse_errors = parse_errors

    @classmethod
    def make(cls) -> _DirectCalls | None:
        try:
            from instructor.v2.core.errors import AsyncValidationError, ResponseParsingError
            from instructor.v2.core.providers import Provider
            from instructor.v2.core.registry import mode_registry
            from instructor.v2.core.response import _ensure_registry_loaded
            from pydantic import ValidationError
        except ImportError:  # another instructor layout: AsyncInstructor.create does it all
            return None
        import json

        _ensure_registry_loaded()
        handlers = mode_registry.get_handlers(Provider.OPENAI, instructor.Mode.TOOLS)
        return cls(
            handlers, (ValidationError, json.JSONDecodeError, AsyncValidationError, ResponseParsingError)
        )

    async def create(
        self,
        client: openai.AsyncOpenAI,
        model: type[BaseModel],
        tools: dict[str, Any],
        body: dict[str, Any],
        max_reasks: int,
        usage: _Usage,
    ) -> BaseModel:
        kwargs = {**body, "messages": list(body["messages"])}  # re-asks append to a copy
        failed: list[Any] = []
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await client.chat.completions.create(
                    **{**kwargs, "messages": []}, extra_body={"messages": kwargs["messages"], **tools}
                )
            except Exception as exc:
                raise self._exhausted(exc, attempt, kwargs, failed) from exc
            usage.on_response(response)
            try:
                parsed: BaseModel = self.handlers.response_parser(
                    response=response,
                    response_model=model,
                    validation_context=None,
                    strict=True,
                    stream=False,
                    is_async=True,
                )
            except self.parse_errors as exc:
                from instructor.v2.core.errors import FailedAttempt

                failed.append(FailedAttempt(attempt_number=attempt, exception=exc, completion=response))
                if attempt > max_reasks:
                    raise self._exhausted(exc, attempt, kwargs, failed) from exc
                kwargs = self.handlers.reask_handler(kwargs=kwargs, response=response, exception=exc)
                continue
            object.__setattr__(parsed, "_raw_response", response)
            return parsed

    @staticmethod
    def _exhausted(
        exc: BaseException, attempt: int, kwargs: dict[str, Any], failed: list[Any]
    ) -> InstructorRetryException:
        return InstructorRetryException(
            str(exc),
            last_completion=failed[-1].completion if failed else None,
            n_attempts=attempt,
            total_usage=None,
            messages=kwargs.get("messages"),
            create_kwargs=kwargs,
            failed_attempts=failed,
        )


class _SharedTLS:
    """The TLS context of the first async session's HTTP client, reused by the later sessions of
    the process (every run opens one: its connection pool belongs to that run's event loop).
    Building a context loads the CA bundle, about 20 ms of CPU, which a library caller running
    many small batches paid per batch. The first client builds it as it always did (its own
    defaults: the CA bundle, ``SSL_CERT_FILE``/``SSL_CERT_DIR``); nothing is shared when the
    client keeps it elsewhere than this SDK version does."""

    def __init__(self) -> None:
        self.context: Any = None

    def kwargs(self) -> dict[str, Any]:
        return {} if self.context is None else {"verify": self.context}

    def keep(self, client: Any) -> None:
        if self.context is None:
            import ssl

            pool = getattr(getattr(client, "_transport", None), "_pool", None)
            context = getattr(pool, "_ssl_context", None)
            if isinstance(context, ssl.SSLContext):
                self.context = context


_SHARED_TLS = _SharedTLS()


@functools.lru_cache(maxsize=1)
def _platform() -> Any:
    """The OS's name as the SDK puts it in its request headers (``get_platform``), read once per
    process (None: this SDK has no such function)."""
    try:
        from openai._base_client import get_platform
    except ImportError:
        return None
    return get_platform()


def _give_platform(client: Any) -> None:
    """The SDK reads the OS's name for its headers on a client's first request, in a worker thread
    (it may read files: ``asyncify``, a thread anyio starts for the event loop). Every run opens a
    client on its own loop, so the first calls of every run each waited for that hand-over, and for
    the thread to get the GIL from the loop, before any request went out (some 5-10 ms per run on
    a loaded machine). The name is read once per process (:func:`_platform`, also by
    :meth:`OpenAIEngine.preload`) and given to each client: the same headers. Nothing is done when
    the client keeps it elsewhere than this SDK version does."""
    if getattr(client, "_platform", False) is None:
        with contextlib.suppress(Exception):
            known = _platform()
            if known is not None:
                client._platform = known


class _LimitedHttpClient(openai.DefaultAsyncHttpxClient):
    """The SDK's async HTTP client with every request through the session's rate limiter."""

    def __init__(self, session: AsyncSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._session = session

    async def send(self, request: Any, **kwargs: Any) -> Any:
        try:
            size = len(request.content)
        except Exception:  # a streamed body (an upload): its size is not known up front
            size = 0
        gate = self._session.gate
        if gate is None:
            return await self._send(request, size, kwargs)
        async with gate:  # a call slot while the request is on the wire (the body is read in it)
            return await self._send(request, size, kwargs)

    async def _send(self, request: Any, size: int, kwargs: dict[str, Any]) -> Any:
        await self._session.before_send(size)
        response = None
        try:
            response = await super().send(request, **kwargs)
        finally:
            self._session.after_send(response)
        return response


class OpenAIBatchService:
    """The OpenAI ``files`` and ``batches`` endpoints through the engine's client, with the same
    retries and error translation as a synchronous call."""

    def __init__(self, engine: OpenAIEngine) -> None:
        self.engine = engine
        self.client = engine._client

    def _call(self, fn: Any) -> Any:
        started = time.monotonic()
        try:
            result, _ = call_with_retries(fn, self.engine.policy, self.engine._classify)
        except Exception as exc:
            raise self.engine._translate(exc, _Usage(), 1, time.monotonic() - started) from exc
        return result

    def upload(self, content: bytes, filename: str) -> str:
        created = self._call(
            lambda: self.client.files.create(file=(filename, content, "application/jsonl"), purpose="batch")
        )
        return str(created.id)

    def create(self, input_file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        batch = self._call(
            lambda: self.client.batches.create(
                input_file_id=input_file_id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
                metadata=metadata,
            )
        )
        return dict(batch.model_dump(mode="json"))

    def retrieve(self, batch_id: str) -> dict[str, Any]:
        return dict(self._call(lambda: self.client.batches.retrieve(batch_id)).model_dump(mode="json"))

    def content(self, file_id: str) -> bytes:
        return bytes(self._call(lambda: self.client.files.content(file_id)).content)

    def cancel(self, batch_id: str) -> dict[str, Any]:
        return dict(self._call(lambda: self.client.batches.cancel(batch_id)).model_dump(mode="json"))


class ReplayedEngine(InstructorEngine):
    """An LLM engine answered entirely from a recording (``--replay``): it renders the same prompt,
    so the same requests get the same fingerprints, but has no client, model, key or network."""

    def __init__(
        self,
        name: str,
        model: str,
        server: str | None,
        policy: RetryPolicy,
        template: PromptTemplate,
        cassette: Cassette,
    ) -> None:
        super().__init__(policy, 0, template)
        self.name, self.model, self.server = name, model, server
        self.cassette = cassette
        self._ic = _cassette_client(None, cassette, model)

    def _instructor(self) -> Any:
        return self._ic

    def _call_kwargs(self, request: ExtractionRequest) -> dict[str, Any]:
        return {}


def policy_from(settings: Any) -> RetryPolicy:
    return RetryPolicy(
        attempts=settings.retry_attempts,
        max_seconds=settings.retry_max_seconds,
        initial_wait=settings.retry_initial_wait,
        max_wait=settings.retry_max_wait,
        retry_after_cap=settings.retry_after_cap,
    )
