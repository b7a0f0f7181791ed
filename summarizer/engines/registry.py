"""Engines by name: a table of lazy ``"module:factory"`` targets, built-ins and plugins alike.

A factory is a callable ``(Settings) -> Engine``. Built-in engines are listed in
:data:`BUILTIN_ENGINES`; a third-party package adds one the same way, by declaring an entry point
in the ``summarizer.engines`` group::

    [project.entry-points."summarizer.engines"]
    myengine = "mypackage.engine:create"

Nothing is imported until an engine is created, so listing engines never loads an SDK.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Mapping
from importlib import metadata
from typing import TYPE_CHECKING

from ..errors import ConfigError, UnknownEngineError
from .base import Engine, SummaryReviser

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "summarizer.engines"

EngineFactory = Callable[["Settings"], Engine]

BUILTIN_ENGINES: Mapping[str, str] = {
    "rules": "summarizer.engines.builtin:rules",
    "openai": "summarizer.engines.builtin:openai",
    "compatible": "summarizer.engines.builtin:compatible",
    "local": "summarizer.engines.builtin:local",
}


class EngineRegistry:
    """Names -> factories. Targets are ``"module:attribute"`` strings (imported on first use) or
    callables. Built-ins win over an entry point of the same name."""

    def __init__(self, builtins: Mapping[str, str] = BUILTIN_ENGINES, group: str | None = ENTRY_POINT_GROUP):
        self._targets: dict[str, str | EngineFactory] = dict(builtins)
        self._group = group
        self._plugins_loaded = group is None
        self._lock = threading.Lock()

    def register(self, name: str, target: str | EngineFactory) -> None:
        """Add (or replace) an engine: a ``"module:factory"`` string or a factory callable."""
        self._load_plugins()
        with self._lock:
            self._targets[name] = target

    def names(self) -> list[str]:
        self._load_plugins()
        return sorted(self._targets)

    def create(self, name: str, settings: Settings) -> Engine:
        """Build the engine ``name``; check it states its profile and honours it. A built-in or
        registered name needs no entry-point scan (a plugin cannot take its name anyway)."""
        if name not in self._targets:
            self._load_plugins()
        try:
            target = self._targets[name]
        except KeyError:
            raise UnknownEngineError(name, list(self._targets)) from None
        factory = _resolve(name, target)
        engine = factory(settings)
        check_engine(engine, name)
        return engine

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        with self._lock:
            if self._plugins_loaded:
                return
            for entry in sorted(metadata.entry_points(group=self._group or ""), key=lambda e: e.name):
                if entry.name in self._targets:
                    log.warning(
                        "engine %r from entry point %s ignored: the name is taken", entry.name, entry.value
                    )
                    continue
                self._targets[entry.name] = entry.value
            self._plugins_loaded = True


def _resolve(name: str, target: str | EngineFactory) -> EngineFactory:
    if not isinstance(target, str):
        return target
    module_name, _, attribute = target.partition(":")
    try:
        factory: EngineFactory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"engine {name!r}: cannot load {target!r} ({exc})", "SUMMARIZER_ENGINE") from exc
    return factory


def check_engine(engine: object, name: str) -> None:
    """Raise :class:`ConfigError` unless ``engine`` implements the contract its profile claims."""
    if not isinstance(engine, Engine):
        raise ConfigError(
            f"engine {name!r} does not implement the Engine protocol "
            "(name, model, server, profile, prompt, extract)"
        )
    if engine.profile.uses_prompt != (engine.prompt is not None):
        raise ConfigError(f"engine {name!r}: profile.uses_prompt disagrees with its prompt fingerprint")
    if engine.profile.revises_summary and not isinstance(engine, SummaryReviser):
        raise ConfigError(f"engine {name!r}: profile.revises_summary but no revise_summary method")


REGISTRY = EngineRegistry()


def register_engine(name: str, target: str | EngineFactory) -> None:
    """Register an engine in the default registry (entry points are the packaged way)."""
    REGISTRY.register(name, target)


def engine_names() -> list[str]:
    return REGISTRY.names()


def create_engine(name: str, settings: Settings) -> Engine:
    return REGISTRY.create(name, settings)
