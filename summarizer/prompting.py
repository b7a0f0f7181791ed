"""Versioned prompt templates: ``prompts/<name>/v<version>.md`` with a small front matter.

Templates render in a sandboxed Jinja2 environment with ``StrictUndefined`` (a missing variable
is an error). The name, version and a content hash go into the cache key and every report.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .lazyre import lazy_compile

if TYPE_CHECKING:
    from jinja2 import Template
_FRONT = lazy_compile(r"\A---\n(.*?)\n---\n", re.S)
_SECTION = lazy_compile(r"^\[(system|user)\]\s*$", re.M)
FENCE_OPEN, FENCE_CLOSE = "<article>", "</article>"


@dataclass(frozen=True)
class PromptFingerprint:
    """Which template an engine rendered: goes into the cache key and every report's provenance."""

    name: str
    version: str
    sha256: str

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    description: str
    source: str
    sha256: str

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    @property
    def fingerprint(self) -> PromptFingerprint:
        return PromptFingerprint(self.name, self.version, self.sha256)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """Render to chat messages. The article text is fenced; a fence inside it is defused."""
        if "article_text" in variables:
            text = str(variables["article_text"])
            variables["article_text"] = text.replace(FENCE_CLOSE, "</ article>").replace(
                FENCE_OPEN, "< article>"
            )
        from jinja2 import UndefinedError

        messages: list[dict[str, str]] = []
        for role, template in _compiled(self.source):
            try:
                content = template.render(**variables).strip()
            except UndefinedError as exc:
                raise ConfigError(f"prompt {self.name} v{self.version}: {exc.message}") from exc
            messages.append({"role": role, "content": content})
        if not messages:
            raise ConfigError(f"prompt {self.name} v{self.version} has no [system]/[user] sections")
        return messages


@lru_cache(maxsize=1)
def _environment() -> Any:
    """The sandboxed Jinja2 environment, made on first render (an engine that reads no prompt, and
    a cached report, never import Jinja2)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )


@lru_cache(maxsize=64)
def _compiled(source: str) -> tuple[tuple[str, Template], ...]:
    body = _FRONT.sub("", source, count=1)
    parts = _SECTION.split(body)
    env = _environment()
    return tuple((role, env.from_string(chunk)) for role, chunk in zip(parts[1::2], parts[2::2], strict=True))


def prompts_dir() -> Path:
    """``prompts/`` of a source checkout, else the copy a wheel installs as ``summarizer.prompt_templates``."""
    checkout = Path(__file__).resolve().parents[1] / "prompts"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("summarizer.prompt_templates")))


@lru_cache(maxsize=32)
def load_prompt(
    name: str = "extract", version: str | None = None, directory: str | None = None
) -> PromptTemplate:
    """Load a prompt by name and version (the highest version when ``version`` is None)."""
    base = Path(directory) if directory else prompts_dir()
    folder = base / name
    if not folder.is_dir():
        raise ConfigError(f"no prompt named {name!r} in {base}", "SUMMARIZER_PROMPT")
    if version is None:
        versions = sorted((p.stem[1:] for p in folder.glob("v*.md")), key=_version_key)
        if not versions:
            raise ConfigError(f"prompt {name!r} has no versions in {folder}")
        version = versions[-1]
    path = folder / f"v{version}.md"
    if not path.is_file():
        raise ConfigError(f"prompt {name!r} has no version {version!r} ({path})", "SUMMARIZER_PROMPT_VERSION")
    source = path.read_text(encoding="utf-8")
    front = _FRONT.match(source)
    meta: dict[str, str] = {}
    if front:
        for line in front.group(1).splitlines():
            if ":" in line:
                key, _, value = line.partition(":")
                meta[key.strip()] = value.strip().strip('"')
    if meta.get("version", version) != version:
        raise ConfigError(
            f"{path}: front matter says version {meta['version']!r}, file name says {version!r}"
        )
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return PromptTemplate(name, version, meta.get("description", ""), source, digest)


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) if x.isdigit() else 0 for x in v.split("."))
