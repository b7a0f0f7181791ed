"""Regular expressions compiled on first use (summarizer/lazyre.py): the same matches as
``re.compile``, nothing compiled before a method is asked for, and every module-level pattern of
the rules engine and the normalizers lazy (a cold CLI run compiles only what its article uses)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import summarizer.engines.rules
import summarizer.normalize
from summarizer.lazyre import lazy_compile

TEXT = "Two men were shot on Elm Street; a third man, aged 40, was SHOT near Oak Street at 9 pm."


def test_a_lazy_pattern_matches_exactly_as_re_compile() -> None:
    source, flags = r"(?P<who>\w+)\s+(?:men|man)\b.*?(?P<verb>shot)", re.IGNORECASE | re.DOTALL
    lazy, eager = lazy_compile(source, flags), re.compile(source, flags)
    assert lazy.pattern == source and "search" not in vars(lazy)  # not compiled yet
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in eager.finditer(TEXT)]
    assert "search" in vars(lazy)  # compiled once: the methods are the compiled pattern's own
    assert lazy.search(TEXT, 5).groupdict() == eager.search(TEXT, 5).groupdict()  # type: ignore[union-attr]
    assert lazy.match(TEXT) is not None and lazy.fullmatch(TEXT) is None
    assert lazy.findall(TEXT) == eager.findall(TEXT)
    assert lazy.sub(r"\g<verb>!", TEXT) == eager.sub(r"\g<verb>!", TEXT)
    assert lazy.subn("", TEXT) == eager.subn("", TEXT) and lazy.split(TEXT) == eager.split(TEXT)
    assert (lazy.flags, lazy.groups, dict(lazy.groupindex)) == (
        eager.flags,
        eager.groups,
        dict(eager.groupindex),
    )


def test_a_bad_pattern_fails_when_first_used_and_unknown_attributes_stay_unknown() -> None:
    bad = lazy_compile(r"(unclosed")
    with pytest.raises(re.error):
        bad.search("x")
    with pytest.raises(AttributeError):
        lazy_compile(r"x").no_such_method  # type: ignore[attr-defined]  # noqa: B018


def _modules(package: object) -> list[object]:
    names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]  # type: ignore[attr-defined]
    return [importlib.import_module(n) for n in names if not n.endswith((".lexicon",))]


def test_the_rules_engine_and_normalizers_compile_no_pattern_at_import() -> None:
    eager = []
    for module in _modules(summarizer.engines.rules) + _modules(summarizer.normalize):
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for v in values:
                items = v if isinstance(v, tuple) else (v,)
                if any(isinstance(x, re.Pattern) for x in items):
                    eager.append(f"{module.__name__}.{name}")  # type: ignore[attr-defined]
    assert eager == []
