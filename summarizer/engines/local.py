"""The ``local`` engine: a GGUF model run with llama-cpp-python in a worker process it owns.

instructor (TOOLS mode, grammar-constrained on llama.cpp) runs here, in the caller's process; each
chat completion it asks for is one round trip to the :class:`~.local_worker.ModelWorker`, which
holds the loaded model. A worker crash or hang surfaces as a typed
:class:`~summarizer.errors.LocalWorkerError` for that one article; the caller's process survives.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import instructor

from ..errors import ConfigError, MissingDependencyError, SummarizerError
from ..prompting import PromptTemplate
from .base import ExtractionRequest
from .cassette import Cassette
from .gguf import ContextChoice, GGUFInfo, choose_n_ctx, read_gguf
from .llm import InstructorEngine, _cassette_client, _unwrap, policy_from
from .local_worker import ModelWorker, WorkerSpec
from .retrying import RetryPolicy, Verdict

if TYPE_CHECKING:
    from ..settings import Settings


class LocalEngine(InstructorEngine):
    """A GGUF model in a worker process (see :mod:`summarizer.engines.local_worker`)."""

    def __init__(
        self,
        model_path: str | Path,
        *,
        n_ctx: int | None,
        threads: int | None,
        policy: RetryPolicy,
        template: PromptTemplate,
        timeout: float = 600.0,
        load_timeout: float = 600.0,
        max_restarts: int = 2,
        cooldown: float = 300.0,
        max_chars: int = 60_000,
        max_tokens: int = 1500,
        factory: str | None = None,
        factory_options: Mapping[str, Any] | None = None,
        cassette: Cassette | None = None,
    ) -> None:
        super().__init__(policy, timeout, template)

        path = Path(model_path)
        if not path.is_file():
            raise ConfigError(f"GGUF model file not found: {path}", "SUMMARIZER_LOCAL_MODEL_PATH")
        if factory is None and importlib.util.find_spec("llama_cpp") is None:
            raise MissingDependencyError("the local engine", "local")
        self.name = "local"
        self.model = path.name
        self.server = None
        self.gguf: GGUFInfo = read_gguf(path)
        if n_ctx is None:
            self.context: ContextChoice = choose_n_ctx(self.gguf, max_chars=max_chars, max_tokens=max_tokens)
        else:
            self.context = ContextChoice(
                n_ctx=n_ctx,
                reason="SUMMARIZER_LOCAL_N_CTX",
                trained=self.gguf.context_length,
                memory_cap=None,
                needed=0,
            )
        self.worker = ModelWorker(
            WorkerSpec(
                model_path=str(path),
                n_ctx=self.context.n_ctx,
                threads=threads,
                factory=factory,
                options=dict(factory_options or {}),
            ),
            call_timeout=timeout,
            load_timeout=load_timeout,
            max_restarts=max_restarts,
            cooldown=cooldown,
        )
        if cassette is not None:  # --record: every completion stored as it comes back
            self._ic = _cassette_client(self._complete, cassette, self.model)
        else:
            create = instructor.patch(create=self._complete, mode=instructor.Mode.TOOLS)
            self._ic = instructor.Instructor(client=None, create=create, mode=instructor.Mode.TOOLS)

    def _complete(self, **kwargs: Any) -> Any:
        """One chat completion in the worker, as the OpenAI type instructor parses."""
        from openai.types.chat import ChatCompletion

        raw = self.worker.call("create_chat_completion", **kwargs)
        return ChatCompletion(**raw)

    def _instructor(self) -> Any:
        return self._ic

    def _call_kwargs(self, request: ExtractionRequest) -> dict[str, Any]:
        return {}

    def _classify(self, exc: BaseException) -> Verdict:
        if isinstance(_unwrap(exc), SummarizerError):
            return Verdict(False)  # the worker already restarts; the same article is not retried
        return super()._classify(exc)

    def _translate(self, exc: BaseException, usage: Any, calls: int, seconds: float) -> Exception:
        root = _unwrap(exc)
        if isinstance(root, SummarizerError):
            return root
        return super()._translate(exc, usage, calls, seconds)

    def close(self) -> None:
        """Stop the worker process (a later call starts a new one)."""
        self.worker.close()


def create_local_engine(
    settings: Settings, model_path: Path, template: PromptTemplate, cassette: Cassette | None = None
) -> LocalEngine:
    """The local engine as the settings configure it."""
    return LocalEngine(
        model_path,
        n_ctx=settings.local_n_ctx,
        threads=settings.local_threads,
        policy=policy_from(settings),
        template=template,
        timeout=settings.local_timeout,
        load_timeout=settings.local_load_timeout,
        max_restarts=settings.local_max_restarts,
        cooldown=settings.local_restart_cooldown,
        max_chars=settings.max_chars,
        max_tokens=settings.max_tokens,
        cassette=cassette,
    )
