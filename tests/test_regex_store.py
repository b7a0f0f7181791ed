"""The stored compiled regexes (summarizer.regex_store): the same patterns, without re's compiler."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import regex_store

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info < (3, 11), reason="CPython 3.11+ only"
)

SCRIPT = """
import json, re, sys
import summarizer.regex_store as store
import summarizer.normalize.people  # compiles the largest patterns of the package
from summarizer import Settings, Summarizer
Summarizer(Settings(), engine="rules", cache=False).summarize(
    "A fire at a market in Lagos killed three people on Monday, officials said."
)
foreign = re.compile(r"not-ours-(\\d+)-pattern")  # compiled from __main__, not the package
print(json.dumps({"hits": store.hits, "installed": store._original is not None,
                  "foreign_stored": any(k[1] == foreign.pattern for k in store._table)}))
"""


def _run(cache: Path, *, enabled: str = "1") -> dict[str, object]:
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(cache), "SUMMARIZER_REGEX_CACHE": enabled}
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, check=True, capture_output=True, text=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_a_second_process_builds_the_package_patterns_from_the_store(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first["installed"] is True
    stored = list(tmp_path.glob("regex-*.marshal"))
    assert len(stored) == 1
    second = _run(tmp_path)
    assert int(second["hits"]) > 300  # type: ignore[call-overload]  # every pattern of the engine's modules
    assert second["foreign_stored"] is False  # another module's pattern is compiled as always, never stored


def test_turned_off_it_stores_nothing(tmp_path: Path) -> None:
    result = _run(tmp_path, enabled="0")
    assert result["installed"] is False
    assert not list(tmp_path.glob("regex-*.marshal"))


SAMPLE = (
    "Gunmen killed 12 people, including two police officers, and wounded at least 30 others in "
    "an attack on a market in Maiduguri on Tuesday, officials said. The suspect, a 24-year-old man "
    "from Lagos, was arrested. Some 1,200 residents fled; the death toll rose to 14 on 3 May 2024."
)


def test_every_stored_pattern_is_the_one_re_compiles() -> None:
    """Built from the stored code, each pattern has re's flags, groups and names and finds the same
    matches on a sample sentence (fails if the generated code ever differed)."""
    import summarizer.engines.rules
    import summarizer.normalize.casualties
    import summarizer.normalize.people  # noqa: F401

    if regex_store._original is None:
        pytest.skip("the store is not installed here")
    entries = [(key, regex_store._generate(key[1], key[2])) for key in list(regex_store._table)]
    assert len(entries) > 50
    for (_, pattern, flags), entry in entries:
        ours = regex_store._build(pattern, entry)
        theirs = regex_store._original(pattern, flags)
        assert (ours.pattern, ours.flags, ours.groups, dict(ours.groupindex)) == (
            theirs.pattern,
            theirs.flags,
            theirs.groups,
            dict(theirs.groupindex),
        )
        if isinstance(pattern, str):
            assert [m.span() for m in ours.finditer(SAMPLE)] == [m.span() for m in theirs.finditer(SAMPLE)]


def test_a_torn_store_file_is_ignored(tmp_path: Path) -> None:
    _run(tmp_path)
    (stored,) = tmp_path.glob("regex-*.marshal")
    stored.write_bytes(stored.read_bytes()[:1000])  # torn mid-write
    again = _run(tmp_path)
    assert again["hits"] == 0  # compiled as usual ...
    assert int(_run(tmp_path)["hits"]) > 300  # type: ignore[call-overload]  # ... and stored again
