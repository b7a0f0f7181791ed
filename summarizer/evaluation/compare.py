"""Gates (``--fail-under FIELD=VALUE``, ``evals/thresholds.json``) and run-to-run comparison."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..runner import read_rows
from .metrics import METRIC_BY_KEY, METRICS

_GATE = re.compile(r"^\s*([A-Za-z_][\w.@]*)\s*(>=|<=|==|=|>|<)\s*(-?[\d.]+)\s*$")
_OPS = {
    ">=": lambda v, t: v >= t,
    "<=": lambda v, t: v <= t,
    ">": lambda v, t: v > t,
    "<": lambda v, t: v < t,
    "==": lambda v, t: abs(v - t) < 1e-9,
}


class GateError(InputError):
    """A gate that cannot be parsed or names an unknown metric."""


@dataclass(frozen=True)
class Gate:
    metric: str
    op: str
    threshold: float

    def check(self, value: float | None) -> bool:
        return value is not None and bool(_OPS[self.op](value, self.threshold))

    def __str__(self) -> str:
        return f"{self.metric} {self.op} {self.threshold:g}"


def parse_gate(text: str) -> Gate:
    """``FIELD=VALUE`` means "no worse than VALUE": ``>=`` for higher-is-better metrics, ``<=`` for
    lower-is-better ones (error rate, loaded-word rate, unsupported-number rate). ``>=``, ``<=``,
    ``==``, ``>``, ``<`` may be written explicitly."""
    m = _GATE.match(text)
    if not m:
        raise GateError(f"cannot read gate {text!r}: expected FIELD=VALUE, e.g. killed.joint=0.9")
    metric, op, raw = m.groups()
    spec = METRIC_BY_KEY.get(metric)
    if spec is None:
        raise GateError(
            f"unknown metric {metric!r} in gate {text!r}; known: {', '.join(m.key for m in METRICS)}"
        )
    if op == "=":
        op = ">=" if spec.better == "higher" else "<="
    try:
        threshold = float(raw)
    except ValueError:
        raise GateError(f"gate {text!r}: {raw!r} is not a number") from None
    return Gate(metric, op, threshold)


def load_thresholds(path: str | Path) -> list[Gate]:
    """``{"gates": {"killed.joint": ">= 0.90", "summary.loaded_word_rate": "== 0"}}``."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GateError(f"cannot read thresholds file {file}: {exc}") from None
    gates = data.get("gates", data) if isinstance(data, dict) else None
    if not isinstance(gates, dict):
        raise GateError(f"{file}: expected an object {{'gates': {{metric: '>= value'}}}}")
    out: list[Gate] = []
    for metric, rule in gates.items():
        if metric.startswith("_"):
            continue
        out.append(parse_gate(f"{metric}{rule}" if isinstance(rule, str) else f"{metric}={rule}"))
    return out


def evaluate_gates(metrics: Mapping[str, Any], gates: Iterable[Gate]) -> list[dict[str, Any]]:
    fields = metrics.get("fields", {})
    results = []
    for gate in gates:
        value = fields.get(gate.metric, {}).get("value")
        results.append(
            {
                "metric": gate.metric,
                "op": gate.op,
                "threshold": gate.threshold,
                "value": value,
                "passed": gate.check(value),
            }
        )
    return results


# --------------------------------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------------------------------


@dataclass
class FieldDelta:
    metric: str
    a: float | None
    b: float | None
    better: str
    regressed: bool
    improved: bool
    newly_wrong: list[str] = field(default_factory=list)  # ids right in A, wrong in B
    newly_right: list[str] = field(default_factory=list)

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else round(self.b - self.a, 4)


def _per_article(run: Path) -> dict[str, dict[str, bool | None]]:
    path = run / "results.jsonl"
    if not path.is_file():
        return {}
    out: dict[str, dict[str, bool | None]] = {}
    for row in read_rows(path):
        scores = row.get("scores") or {}
        oks: dict[str, bool | None] = {k: v.get("ok") for k, v in scores.items() if isinstance(v, dict)}
        if row.get("status") != "ok":
            oks = {m.key: False for m in METRICS if m.better == "higher"}
        out[str(row["id"])] = oks
    return out


def compare_runs(
    metrics_a: Mapping[str, Any],
    metrics_b: Mapping[str, Any],
    run_a: Path | None = None,
    run_b: Path | None = None,
    *,
    tolerance: float = 0.0,
) -> list[FieldDelta]:
    """Per-field deltas B - A; a field regresses when B is worse than A by more than ``tolerance``."""
    fa, fb = metrics_a.get("fields", {}), metrics_b.get("fields", {})
    arts_a = _per_article(run_a) if run_a else {}
    arts_b = _per_article(run_b) if run_b else {}
    common = sorted(set(arts_a) & set(arts_b))
    out: list[FieldDelta] = []
    for spec in METRICS:
        a = fa.get(spec.key, {}).get("value")
        b = fb.get(spec.key, {}).get("value")
        sign = 1 if spec.better == "higher" else -1
        change = None if a is None or b is None else (b - a) * sign
        regressed = (change is not None and change < -tolerance - 1e-12) or (a is not None and b is None)
        improved = change is not None and change > tolerance + 1e-12
        d = FieldDelta(spec.key, a, b, spec.better, regressed, improved)
        for rid in common:
            oa, ob = arts_a[rid].get(spec.key), arts_b[rid].get(spec.key)
            if oa is None or ob is None:
                continue
            if oa and not ob:
                d.newly_wrong.append(rid)
            elif ob and not oa:
                d.newly_right.append(rid)
        out.append(d)
    return out


# settings that make two runs differ, in the order the comparison header shows them
COMPARED_SETTINGS = (
    "engine",
    "model",
    "prompt",
    "prompt_hash",
    "checker",
    "max_chars",
    "gold",
    "gold_sha256",
    "summarizer_version",
)


class IncomparableRunsError(InputError):
    """Two runs scored on different gold files."""


def setting_diffs(metrics_a: Mapping[str, Any], metrics_b: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """``(setting, A, B)`` for every run setting that differs between the two runs."""
    ra, rb = metrics_a.get("run", {}), metrics_b.get("run", {})
    return [(k, ra.get(k), rb.get(k)) for k in COMPARED_SETTINGS if ra.get(k) != rb.get(k)]


def check_comparable(metrics_a: Mapping[str, Any], metrics_b: Mapping[str, Any]) -> None:
    """Refuse runs scored on different gold files (their metrics do not measure the same thing)."""
    ga = metrics_a.get("run", {}).get("gold_sha256")
    gb = metrics_b.get("run", {}).get("gold_sha256")
    if ga and gb and ga != gb:
        na = metrics_a.get("run", {}).get("gold")
        nb = metrics_b.get("run", {}).get("gold")
        raise IncomparableRunsError(
            f"the runs were scored on different gold files ({na}, sha256 {ga[:12]} vs {nb}, sha256 {gb[:12]}); "
            "use --force to compare them anyway"
        )
