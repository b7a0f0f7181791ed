"""Engines: the contract (:mod:`.base`), the registry of names (:mod:`.registry`) and the engines.

Import from here; engine modules (``rules``, ``llm``) load only when an engine is created.
"""

from __future__ import annotations

from .base import (
    Engine,
    EngineProfile,
    EngineResult,
    ExtractionRequest,
    GenerationParams,
    RevisedSummary,
    SummaryReviser,
)
from .registry import (
    ENTRY_POINT_GROUP,
    EngineFactory,
    EngineRegistry,
    create_engine,
    engine_names,
    register_engine,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Engine",
    "EngineFactory",
    "EngineProfile",
    "EngineRegistry",
    "EngineResult",
    "ExtractionRequest",
    "GenerationParams",
    "RevisedSummary",
    "SummaryReviser",
    "create_engine",
    "engine_names",
    "register_engine",
]
