"""Regular expressions compiled on first use (summarizer/lazyre.py): the same matches as
``re.compile``, nothing compiled before a method is asked for, and every module-level pattern of
the rules engine and the normalizers lazy (a cold CLI run compiles only what its article uses)."""

from __future__ import annotations

import atexit
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import summarizer.engines.rules
import summarizer.normalize
from summarizer import lazyre
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


# --------------------------------------------------------------------------------------------------
# compiled programs kept between processes (issue #14)
# --------------------------------------------------------------------------------------------------


def _lazy_patterns() -> list[tuple[str, int]]:
    found: dict[tuple[str, int], None] = {}
    for module in _modules(summarizer.engines.rules) + _modules(summarizer.normalize):
        for value in vars(module).values():
            values = value if isinstance(value, (list, tuple)) else [value]
            for v in values:
                for x in v if isinstance(v, tuple) else (v,):
                    if isinstance(x, lazyre._LazyPattern):
                        found[(x.pattern, x._flags)] = None
    return list(found)


def _fresh_store(monkeypatch: pytest.MonkeyPatch, folder: Path) -> lazyre._ProgramStore:

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(folder))
    monkeypatch.delenv("SUMMARIZER_GAZETTEER_CACHE", raising=False)
    store = lazyre._ProgramStore()
    monkeypatch.setattr(lazyre, "_STORE", store)
    monkeypatch.setattr(atexit, "register", lambda fn: fn)  # the test saves explicitly
    return store


@pytest.mark.skipif(not hasattr(re, "_compiler"), reason="Python 3.10 compiles with re.compile")
def test_a_stored_program_gives_the_very_pattern_re_compile_gives(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    patterns = _lazy_patterns()
    assert len(patterns) > 200  # a real sample: the engine's and the normalizers' own patterns
    patterns.append((r"(?P<a>x)(y)?(?P<b>\d+)", re.I | re.M))
    store = _fresh_store(monkeypatch, tmp_path)
    first = [lazyre._compile(p, f) for p, f in patterns]
    assert first == [re.compile(p, f) for p, f in patterns]  # Pattern ==: flags, pattern, program
    store.save()
    assert [f.name[:15] for f in tmp_path.iterdir()] == ["regex-programs-"]

    _fresh_store(monkeypatch, tmp_path)
    parser = importlib.import_module("re._parser")

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored pattern was parsed again")

    monkeypatch.setattr(parser, "parse", no_parsing)
    again = [lazyre._compile(p, f) for p, f in patterns]
    monkeypatch.undo()
    assert again == [re.compile(p, f) for p, f in patterns]
    named = again[-1]
    assert dict(named.groupindex) == {"a": 1, "b": 3} and named.groups == 3
    assert named.search("..X12").groups() == ("X", None, "12")  # type: ignore[union-attr]


@pytest.mark.skipif(not hasattr(re, "_compiler"), reason="Python 3.10 compiles with re.compile")
def test_a_broken_store_file_or_storing_off_only_costs_the_compiling(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = _fresh_store(monkeypatch, tmp_path)
    assert lazyre._compile(r"\bshot\b", re.I).search("SHOT dead") is not None
    store.save()
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(b"not a pickle")
    _fresh_store(monkeypatch, tmp_path)
    assert lazyre._compile(r"\bshot\b", re.I) == re.compile(r"\bshot\b", re.I)
    with pytest.raises(re.error):
        lazyre._compile(r"(unclosed", 0)

    off = tmp_path / "off"
    store = _fresh_store(monkeypatch, off)
    monkeypatch.setenv("SUMMARIZER_GAZETTEER_CACHE", "0")
    assert lazyre._compile(r"\bstabbed\b", 0).search("was stabbed") is not None
    store.save()
    assert not off.exists()


@pytest.mark.skipif(not hasattr(re, "_compiler"), reason="Python 3.10 compiles with re.compile")
def test_re_internals_this_python_changed_fall_back_to_re_compile(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = _fresh_store(monkeypatch, tmp_path)
    lazyre.lazy_compile(r"warm").search("warm")  # loads the store and re's internals
    assert store.internals is not None
    sre, parser, _ = store.internals

    class Changed:  # a later Python's re._compiler whose _code takes other arguments
        @staticmethod
        def _code(*args: object) -> list[int]:
            raise TypeError("_code() takes 3 positional arguments")

    store.internals = (sre, parser, Changed)
    pattern = lazyre.lazy_compile(r"(?P<n>\d+) killed", re.I)
    found = pattern.search("12 KILLED")
    assert found is not None and found.group("n") == "12"
    assert store.internals is None  # re.compile from now on, nothing more stored
    assert ("(?P<n>\\d+) killed", re.I) not in store.new
    with pytest.raises(re.error):
        lazyre.lazy_compile(r"(unclosed").search("x")  # a bad pattern is still the user's error


@pytest.mark.skipif(not hasattr(re, "_compiler"), reason="Python 3.10 compiles with re.compile")
def test_stored_programs_load_as_bytes_and_become_integers_only_when_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    patterns = [
        (r"\b(?P<n>\d+) (?:dead|killed)\b", re.I),
        (r"[\u0400-\u04ff]+", 0),
        (r"^\s*[A-Z]{2,}\b", re.M),
    ]
    store = _fresh_store(monkeypatch, tmp_path)
    for source, flags in patterns:
        lazyre._compile(source, flags)
    store.save()

    store = _fresh_store(monkeypatch, tmp_path)
    lazyre._compile(*patterns[0])  # loads the file
    codes = [store.programs[p][1] for p in patterns]
    assert all(isinstance(code, bytes) for code in codes)  # no list of ints per stored pattern
    again = [lazyre._compile(source, flags) for source, flags in patterns]
    assert again == [re.compile(source, flags) for source, flags in patterns]
    assert store.new == {}  # every one came from the file, none was parsed again
