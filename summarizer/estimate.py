"""A token and cost estimate of an LLM run, printed before it starts (``--prices``, ``--yes``).

Input tokens: the engine's own rendered prompt for each article (the template, the schema and the
article text), counted at 4 characters a token, the usual figure for English with OpenAI
tokenizers (no tokenizer is loaded: the estimate must cost nothing). Output tokens: 450 a draft
(recorded drafts of the in-house sets average under that), with ``max_tokens`` as the ceiling.
Re-asks and the neutrality re-ask are not predicted; the estimate says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .engines.base import ExtractionRequest

if TYPE_CHECKING:
    from .pipeline import Summarizer

CHARS_PER_TOKEN = 4.0
DRAFT_TOKENS = 450


@runtime_checkable
class _RendersPrompt(Protocol):
    def messages(self, request: ExtractionRequest) -> list[dict[str, str]]: ...


@dataclass(frozen=True)
class Estimate:
    articles: int
    tokens_in: int
    tokens_out: int
    tokens_out_max: int
    cost_usd: float | None
    cost_usd_max: float | None
    model: str

    def describe(self) -> str:
        cost = (
            f"about ${self.cost_usd:.4f} (at most ${self.cost_usd_max:.4f} if every draft used max_tokens)"
            if self.cost_usd is not None and self.cost_usd_max is not None
            else "cost unknown (no price for this model: pass --prices)"
        )
        return (
            f"estimate for {self.articles} article(s) on {self.model}: ~{self.tokens_in:,} input tokens, "
            f"~{self.tokens_out:,} output tokens; {cost}; re-asks not included"
        )


def estimate_run(summarizer: Summarizer, texts: list[str], price: tuple[float, float] | None) -> Estimate:
    engine = summarizer.engine
    chars = 0
    for text in texts:
        if isinstance(engine, _RendersPrompt):  # LLM engines on the chat format render their prompt
            messages = engine.messages(ExtractionRequest(text=text))
            chars += sum(len(str(m.get("content", ""))) for m in messages)
        else:
            chars += len(text) + 6000  # a third-party engine: its text plus a prompt of typical size
    tokens_in = int(chars / CHARS_PER_TOKEN)
    tokens_out = DRAFT_TOKENS * len(texts)
    tokens_max = summarizer.params.max_tokens * len(texts)

    def cost(out: int) -> float | None:
        return None if price is None else (tokens_in * price[0] + out * price[1]) / 1_000_000

    return Estimate(
        len(texts), tokens_in, tokens_out, tokens_max, cost(tokens_out), cost(tokens_max), engine.model
    )
