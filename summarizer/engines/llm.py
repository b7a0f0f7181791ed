"""LLM engines on `openai` + `instructor`: OpenAI, any OpenAI-compatible server, in-process GGUF.

Every call goes through instructor in TOOLS mode (grammar-constrained on llama.cpp; instructor
re-asks on validation failure, bounded) inside a tenacity retry loop for transport errors. Token
usage is summed over every attempt via per-call instructor hooks.
"""

from __future__ import annotations

import functools
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from ..errors import AuthenticationError, ConfigError, ModelHTTPError, ModelOutputError, ModelTimeoutError
from ..schema import Draft
from .base import EngineResult, ExtractionRequest
from .retrying import RetryPolicy, Verdict, call_with_retries, is_retryable_status, parse_retry_after


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


def _memoize_async_validator_check() -> None:
    """instructor re-walks the whole response model on every call to reject async validators
    (~3 ms for the draft schema); a class cannot grow validators after creation, so remember the
    classes already checked. Same result, once per class."""
    try:
        import instructor.v2.validation.async_validators as av
    except ImportError:
        return
    original = av.reject_async_validators
    if getattr(original, "_summarizer_memo", False):
        return
    checked: weakref.WeakSet[type] = weakref.WeakSet()

    def reject_async_validators(response_model: Any) -> None:
        if isinstance(response_model, type) and response_model in checked:
            return
        original(response_model)
        if isinstance(response_model, type):
            checked.add(response_model)

    reject_async_validators._summarizer_memo = True  # type: ignore[attr-defined]
    av.reject_async_validators = reject_async_validators


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
    """The root transport or validation error under instructor's wrappers."""
    seen = 0
    while seen < 10:
        seen += 1
        nxt = exc.__cause__ or getattr(exc, "last_exception", None)
        name = type(exc).__name__
        if nxt is None or (not name.startswith("Instructor") and "Retry" not in name):
            return exc
        exc = nxt
    return exc


class InstructorEngine:
    """Shared machinery; subclasses provide ``_instructor()`` and naming."""

    name = "llm"
    model = ""
    server: str | None = None
    key_variable = "OPENAI_API_KEY"
    uses_prompt = True

    def __init__(self, policy: RetryPolicy, timeout: float) -> None:
        self.policy = policy
        self.timeout = timeout

    # subclasses -------------------------------------------------------------------------------
    def _instructor(self) -> Any:
        raise NotImplementedError

    def _call_kwargs(self, request: ExtractionRequest) -> dict[str, Any]:
        return {"model": self.model}

    # protocol ---------------------------------------------------------------------------------
    def extract(self, request: ExtractionRequest) -> EngineResult:
        draft, usage, attempts = self._structured(request, request.messages, Draft)
        assert isinstance(draft, Draft)
        return EngineResult(
            draft=draft, tokens_in=usage.tokens_in, tokens_out=usage.tokens_out, attempts=attempts
        )

    def revise_summary(self, request: ExtractionRequest, summary: str, problems: list[str]) -> EngineResult:
        messages = [
            *request.messages,
            {
                "role": "user",
                "content": (
                    "Rewrite this summary of the article neutrally, without these loaded words: "
                    f"{', '.join(problems)}. Keep every fact and number as the article gives them, "
                    f"2-4 sentences, at most 90 words.\n\nSummary: {summary}"
                ),
            },
        ]
        revision, usage, attempts = self._structured(request, messages, SummaryRevision)
        assert isinstance(revision, SummaryRevision)
        draft = Draft(is_incident=True, summary=revision.summary)
        return EngineResult(
            draft=draft, tokens_in=usage.tokens_in, tokens_out=usage.tokens_out, attempts=attempts
        )

    # machinery --------------------------------------------------------------------------------
    def _structured(
        self, request: ExtractionRequest, messages: list[dict[str, str]], model: type[BaseModel]
    ) -> tuple[BaseModel, _Usage, int]:
        from instructor.core.hooks import Hooks

        usage = _Usage()
        hooks = Hooks()
        hooks.on("completion:response", usage.on_response)
        client = self._instructor()
        kwargs = self._call_kwargs(request)
        transport_attempts = 0

        def call() -> BaseModel:
            nonlocal transport_attempts
            transport_attempts += 1
            result: BaseModel = client.create(
                response_model=_response_model(model),
                messages=messages,
                max_retries=request.params.max_reasks,
                temperature=request.params.temperature,
                max_tokens=request.params.max_tokens,
                hooks=hooks,
                **kwargs,
            )
            return result

        started = time.monotonic()
        try:
            result, _ = call_with_retries(call, self.policy, self._classify)
        except Exception as exc:
            raise self._translate(exc, usage, transport_attempts, time.monotonic() - started) from exc
        return result, usage, max(usage.responses, transport_attempts, 1)

    def _classify(self, exc: BaseException) -> Verdict:
        root = _unwrap(exc)
        status = getattr(root, "status_code", None)
        if isinstance(status, int):
            if not is_retryable_status(status):
                return Verdict(False)
            headers = getattr(getattr(root, "response", None), "headers", None) or {}
            after = parse_retry_after(headers.get("retry-after"))
            ms = headers.get("retry-after-ms")
            if after is None and ms:
                try:
                    after = float(ms) / 1000
                except ValueError:
                    after = None
            return Verdict(True, after)
        return Verdict(_is_transport(root))

    def _translate(self, exc: BaseException, usage: _Usage, calls: int, seconds: float) -> Exception:
        root = _unwrap(exc)
        attempts = max(usage.responses, calls, 1)
        status = getattr(root, "status_code", None)
        if isinstance(status, int):
            body = _body_text(root)
            if status in (401, 403):
                return AuthenticationError(status, body, self.key_variable, self.server)
            if status == 404:
                return ModelHTTPError(
                    status, f"{body} (is the model name {self.model!r} right?)", 1, self.server
                )
            return ModelHTTPError(status, body, calls, self.server)
        if _is_transport(root):
            return ModelTimeoutError(calls, seconds)
        return ModelOutputError(
            getattr(exc, "n_attempts", attempts),
            f"{type(root).__name__}: {root}",
            usage.tokens_in,
            usage.tokens_out,
        )


def _is_transport(exc: BaseException) -> bool:
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(
        names
        & {
            "APITimeoutError",
            "APIConnectionError",
            "TimeoutException",
            "ConnectError",
            "ReadTimeout",
            "TimeoutError",
            "ConnectionError",
        }
    )


def _body_text(exc: BaseException) -> str:
    body = getattr(exc, "body", None)
    if body is not None:
        return str(body)
    response = getattr(exc, "response", None)
    try:
        return str(response.text) if response is not None else str(exc)
    except Exception:
        return str(exc)


class OpenAIEngine(InstructorEngine):
    """OpenAI itself, or any OpenAI-compatible server (vLLM, Ollama, llama.cpp server, LM Studio)."""

    def __init__(
        self,
        *,
        name: str,
        model: str,
        api_key: str,
        base_url: str | None,
        policy: RetryPolicy,
        timeout: float,
        key_variable: str = "OPENAI_API_KEY",
    ) -> None:
        super().__init__(policy, timeout)
        import instructor
        import openai

        _memoize_async_validator_check()
        self.name = name
        self.model = model
        self.server = base_url or "https://api.openai.com/v1"
        self.key_variable = key_variable
        # transport retries are ours (tenacity), so the SDK's own are off
        self._client = openai.OpenAI(api_key=api_key, base_url=base_url, max_retries=0, timeout=timeout)
        self._ic = instructor.from_openai(self._client, mode=instructor.Mode.TOOLS)

    def _instructor(self) -> Any:
        return self._ic


class LocalEngine(InstructorEngine):
    """A GGUF model run in-process with llama-cpp-python (TOOLS mode is grammar-constrained)."""

    _lock = threading.Lock()  # llama.cpp contexts are not thread-safe

    def __init__(self, model_path: str, *, n_ctx: int, threads: int | None, policy: RetryPolicy) -> None:
        super().__init__(policy, timeout=0)
        from pathlib import Path

        try:
            import instructor
            import llama_cpp
        except ImportError as exc:
            from ..errors import MissingDependencyError

            raise MissingDependencyError("the local engine", "local") from exc
        path = Path(model_path)
        if not path.is_file():
            raise ConfigError(f"GGUF model file not found: {path}", "SUMMARIZER_LOCAL_MODEL_PATH")
        self.name = "local"
        self.model = path.name
        self.server = None
        _memoize_async_validator_check()
        self._llm = llama_cpp.Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, verbose=False)
        create = instructor.patch(
            create=self._llm.create_chat_completion_openai_v1, mode=instructor.Mode.TOOLS
        )
        self._ic = instructor.Instructor(client=None, create=create, mode=instructor.Mode.TOOLS)

    def _instructor(self) -> Any:
        return _Locked(self._ic, self._lock)

    def _call_kwargs(self, request: ExtractionRequest) -> dict[str, Any]:
        return {}


class _Locked:
    def __init__(self, inner: Any, lock: threading.Lock) -> None:
        self._inner = inner
        self._lock = lock

    def create(self, **kwargs: Any) -> Any:
        with self._lock:
            return self._inner.create(**kwargs)


def policy_from(settings: Any) -> RetryPolicy:
    return RetryPolicy(
        attempts=settings.retry_attempts,
        max_seconds=settings.retry_max_seconds,
        initial_wait=settings.retry_initial_wait,
        max_wait=settings.retry_max_wait,
        retry_after_cap=settings.retry_after_cap,
    )


Factory = Callable[[Any], InstructorEngine]
