"""The incident's stage: done (``None``), attempted (failed or foiled) or only threatened."""

from __future__ import annotations

import re

from ...lazyre import lazy_compile
from ...schema import Stage
from .context import Context
from .text import Sentence

__all__ = ["stage"]

_ATTEMPTED = lazy_compile(
    r"\b(?:defused|deactivated|dismantled|disarmed|foiled|thwarted|failed\s+to\s+explode|did\s+not\s+explode|"
    r"failed\s+(?:assassination\s+)?attempt|attempted\s+(?:to\s+)?(?:kill|murder|assassinate|kidnap|bomb)|"
    r"(?:assassination|murder|kidnapping)\s+attempt|attempt\s+on\s+(?:the\s+)?(?:life|lives)|"
    r"escaped\s+(?:unhurt|unharmed|uninjured|without\s+injur\w*))",
    re.IGNORECASE,
)
_THREATENED = lazy_compile(
    r"\b(?:threatened\s+to|threats?\s+(?:to|against)|death\s+threats?)\b", re.IGNORECASE
)
_DONE = lazy_compile(
    r"\b(?:killed|murdered|assassinated|exploded|destroyed|damaged|kidnapped|abducted|wounded|injured|"
    r"burned|set\s+fire|blew\s+up|went\s+off)\b",
    re.IGNORECASE,
)


def stage(ctx: Context, event: Sentence | None) -> Stage | None:
    """``attempted`` when the event sentence says the act failed or was foiled, ``threatened``
    when it reports only a threat; ``None`` (done, or not said) otherwise."""
    if event is None:
        return None
    text = event.text
    if _ATTEMPTED.search(text):
        return "attempted"
    if _THREATENED.search(text) and not _DONE.search(text):
        return "threatened"
    return None
