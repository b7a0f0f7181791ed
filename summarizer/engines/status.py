"""What ``summarizer engines`` shows: every engine, the model it would use and whether it is ready.

Read from the settings and installed packages only: nothing is loaded, no model is called, no key
is shown (only whether one is set).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from ..settings import Settings
from .registry import BUILTIN_ENGINES, engine_names


@dataclass(frozen=True)
class EngineStatus:
    name: str
    model: str
    ready: bool
    state: str  # "ready", or what is missing and how to fix it
    default: bool = False
    builtin: bool = True


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _builtin(name: str, s: Settings) -> tuple[str, bool, str]:
    if name == "rules":
        return "rules (offline, no model)", True, "ready (offline)"
    if name == "openai":
        model = s.model or s.openai_model
        if not _installed("openai"):
            return model, False, "the openai package is not installed"
        key = s.openai_api_key.get_secret_value() if s.openai_api_key else ""
        if not key:
            return model, False, "set OPENAI_API_KEY"
        where = f" via {s.base_url}" if s.base_url else ""
        return model, True, f"ready (API key set{where})"
    if name == "compatible":
        model = s.model or s.compatible_model
        if not s.base_url:
            return model, False, "set SUMMARIZER_BASE_URL (e.g. http://127.0.0.1:11434/v1)"
        return model, True, f"ready ({s.base_url})"
    if name == "local":
        from .builtin import bundled_gguf

        path = s.local_model_path or bundled_gguf()
        model = path.name if path else "(no GGUF file)"
        if not _installed("llama_cpp"):
            return model, False, 'install the extra: pip install -e ".[local]"'
        if path is None:
            return model, False, "set SUMMARIZER_LOCAL_MODEL_PATH to a GGUF file"
        if not path.is_file():
            return model, False, f"no such file: {path}"
        return model, True, f"ready ({path})"
    return "?", False, "unknown built-in"


def engine_statuses(settings: Settings | None = None) -> list[EngineStatus]:
    """One status per registered engine, built-ins first, the default engine marked."""
    s = settings or Settings()
    default = s.resolved_engine()
    out: list[EngineStatus] = []
    for name in engine_names():
        if name in BUILTIN_ENGINES:
            model, ready, state = _builtin(name, s)
            out.append(EngineStatus(name, model, ready, state, default=name == default))
        else:
            out.append(
                EngineStatus(
                    name, s.model or "(engine default)", True, "plugin (entry point)", name == default, False
                )
            )
    return out
