"""The local engine's health check behind ``summarizer doctor``: does it load and run here, and
what CPU code does its llama.cpp build use?

It builds the ``local`` engine exactly as a run would (same settings, same worker process), loads
the model, asks for a one-token completion, and reports the llama.cpp build's CPU features next to
this CPU's own. A crash is reported with its likely cause and fix; this process never goes down.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, Any

from .errors import SummarizerError

if TYPE_CHECKING:
    from .engines.local import LocalEngine

PROBE_PROMPT = "The capital of France is"

# llama.cpp's system-info names -> /proc/cpuinfo flags
_CPU_FLAGS = {
    "SSE3": "pni",
    "SSSE3": "ssse3",
    "AVX": "avx",
    "AVX2": "avx2",
    "F16C": "f16c",
    "FMA": "fma",
    "BMI2": "bmi2",
    "AVX_VNNI": "avx_vnni",
    "AVX512": "avx512f",
    "AVX512_VBMI": "avx512vbmi",
    "AVX512_VNNI": "avx512_vnni",
    "AVX512_BF16": "avx512_bf16",
    "AMX_INT8": "amx_int8",
}
_NATIVE_ONLY = ("AVX512", "AVX512_VBMI", "AVX512_VNNI", "AVX512_BF16", "AMX_INT8")


@dataclass
class LocalCheck:
    """The local engine's health, as ``summarizer doctor`` reports it."""

    ok: bool = False
    llama_cpp_python: str | None = None
    model_path: str | None = None
    architecture: str | None = None
    trained_context: int | None = None
    n_ctx: int | None = None
    n_ctx_reason: str | None = None
    load_seconds: float | None = None
    probe_seconds: float | None = None
    probe_text: str | None = None
    system_info: str | None = None
    build_features: list[str] = field(default_factory=list)
    cpu_features: list[str] = field(default_factory=list)
    missing_on_cpu: list[str] = field(default_factory=list)
    error: str | None = None
    error_type: str | None = None
    notes: list[str] = field(default_factory=list)


def build_features(system_info: str) -> list[str]:
    """The CPU features a llama.cpp build reports as used (``AVX2 = 1``), in its own order."""
    found: list[str] = []
    for part in system_info.replace("\n", "|").split("|"):
        if "=" not in part:
            continue
        name, _, value = part.rpartition("=")
        name = name.split(":")[-1].strip()
        if value.strip() == "1" and name and name not in found:
            found.append(name)
    return found


def is_cpu_feature(name: str) -> bool:
    """Whether a system-info name is an instruction set (AVX2, AMX_INT8) rather than a build option
    (OPENMP, LLAMAFILE)."""
    return name in _CPU_FLAGS or name.startswith(("AVX", "AMX", "SSE"))


def cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def check_local_engine(engine: LocalEngine) -> LocalCheck:
    """Load ``engine``'s model in its worker and run a one-token completion."""
    check = LocalCheck(
        llama_cpp_python=_version("llama-cpp-python"),
        model_path=engine.worker.spec.model_path,
        architecture=engine.gguf.architecture,
        trained_context=engine.gguf.context_length,
        n_ctx=engine.context.n_ctx,
        n_ctx_reason=engine.context.reason,
    )
    flags = cpu_flags()
    check.cpu_features = [name for name, flag in _CPU_FLAGS.items() if flag in flags]
    if {"amx_tile", "amx_int8"} & flags:
        check.cpu_features.append("AMX")
    try:
        info = engine.worker.start()
        check.load_seconds = info.get("load_seconds")
        check.system_info = str(info.get("system_info") or "") or None
        started = time.perf_counter()
        result = engine.worker.call("create_completion", prompt=PROBE_PROMPT, max_tokens=1, temperature=0.0)
        check.probe_seconds = round(time.perf_counter() - started, 3)
        check.probe_text = str(result["choices"][0]["text"])
        check.ok = True
    except SummarizerError as exc:
        check.error = str(exc)
        check.error_type = type(exc).__name__
        check.system_info = check.system_info or _info_text(engine.worker.info)
    if check.system_info:
        check.build_features = build_features(check.system_info)
        if flags:
            check.missing_on_cpu = [
                name for name in check.build_features if name in _CPU_FLAGS and _CPU_FLAGS[name] not in flags
            ]
        native = [name for name in check.build_features if name in _NATIVE_ONLY]
        if check.missing_on_cpu:
            check.notes.append(
                f"the build uses {', '.join(check.missing_on_cpu)}, which this CPU lacks: rebuild it portably"
            )
        elif native:
            check.notes.append(
                f"the build uses {', '.join(native)} (a native build for this CPU): fast here, but it "
                "will not run on older CPUs, and it is the build to replace first if the engine crashes"
            )
    return check


def _info_text(info: dict[str, Any]) -> str | None:
    value = info.get("system_info")
    return str(value) if value else None


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None
