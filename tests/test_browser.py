"""The HTML views in a real browser: headless Chromium, offline (file:// pages only).

The page's own JavaScript applies a filter read from the URL hash; ``--dump-dom`` gives the DOM
after the scripts ran, and the browser's console log must hold no uncaught error. A screenshot of
each view is saved as an artifact (``$SUMMARIZER_ARTIFACTS_DIR``, else ``runs/artifacts/``) and its
path printed.

Skipped only when no Chromium is installed and this is not CI; with ``CI=true`` a missing browser
fails the test (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import Settings, Summarizer
from summarizer.cli import app

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

ARTICLE = (
    "TULSA, Okla. — Two people were killed and at least 5 others wounded when a gunman opened fire at a "
    "bowling alley on Saturday night, police said.\n\n"
    "Officers arrested a 31-year-old man at the scene. <script>document.title='pwned'</script>"
)


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if IN_CI:
        pytest.fail("CI=true but no Chromium is installed (.ci/run installs Debian's chromium)")
    pytest.skip("no Chromium installed (apt-get install chromium); the browser test runs in CI")


def _artifacts() -> Path:
    folder = Path(os.environ.get("SUMMARIZER_ARTIFACTS_DIR") or ROOT / "runs" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",  # root in containers; the pages are our own local files
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def _dom(browser: str, profile: Path, url: str) -> str:
    done = _run(browser, profile, "--virtual-time-budget=5000", "--dump-dom", url)
    assert done.returncode == 0, done.stderr[-2000:]
    errors = [line for line in done.stderr.splitlines() if "CONSOLE" in line and "Uncaught" in line]
    assert not errors, errors
    return done.stdout


def _screenshot(browser: str, profile: Path, url: str, name: str, height: int = 2400) -> Path:
    path = _artifacts() / name
    done = _run(browser, profile, f"--screenshot={path}", f"--window-size=1200,{height}", url)
    assert done.returncode == 0 and path.is_file() and path.stat().st_size > 10_000, done.stderr[-2000:]
    print(f"screenshot: {path}")
    return path


def _visible_sections(dom: str) -> list[str]:
    sections = re.findall(r"<section class=\"art\"([^>]*)>", dom)
    return [re.search(r'data-id="([^"]*)"', s).group(1) for s in sections if " hidden" not in s]  # type: ignore[union-attr]


def test_eval_report_filters_in_a_real_browser(tmp_path: Path) -> None:
    browser = _browser()
    gold = tmp_path / "gold.jsonl"
    places = ["Tulsa", "Omaha", "Reno", "Boise", "Fresno"]
    lines = []
    for i, place in enumerate(places):
        text = ARTICLE.replace("TULSA, Okla.", place.upper()).replace(
            "Two people", "Two people" if i % 2 else "Three people"
        )
        gold_killed = {"value": 2, "qualifier": "exact"}
        lines.append(
            json.dumps(
                {
                    "id": f"a{i}",
                    "published": "2024-06-02",
                    "text": text,
                    "gold": {"is_incident": True, "category": "violent_attack", "killed": gold_killed},
                }
            )
        )
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = tmp_path / "run"
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--out", str(run), "-q"])
    assert result.exit_code == 0, result.output
    page = (run / "report.html").as_uri()
    profile = tmp_path / "profile"

    everything = _dom(browser, profile, page)
    assert len(_visible_sections(everything)) == 5
    assert re.search(r'id="shown">5<', everything)

    # the articles that get "Three people" wrong (a0, a2, a4) fail killed.value
    failing = _dom(browser, profile, page + "#failed=killed.value")
    assert sorted(_visible_sections(failing)) == ["a0", "a2", "a4"]
    assert re.search(r'id="shown">3<', failing)

    # text search combines with the check filter
    searched = _dom(browser, profile, page + "#failed=killed.value&q=omaha")
    assert _visible_sections(searched) == []
    searched = _dom(browser, profile, page + "#q=reno")
    assert _visible_sections(searched) == ["a2"]

    # the article's own markup stayed text: the page title was not changed by the injected script
    assert "<title>pwned</title>" not in searched and "&lt;script&gt;document.title" in searched

    _screenshot(browser, profile, page + "#failed=killed.value", "eval-report-filtered.png", height=3200)


def test_evidence_view_in_a_real_browser(tmp_path: Path) -> None:
    browser = _browser()
    report = Summarizer(Settings(cache_dir=tmp_path / "c"), engine="rules", cache=False).summarize(
        ARTICLE, published="2024-06-02"
    )
    page = tmp_path / "view.html"
    page.write_text(report.to_html(), encoding="utf-8")
    profile = tmp_path / "profile"
    dom = _dom(browser, profile, page.as_uri())
    assert "<title>pwned</title>" not in dom
    marks = re.findall(r'<mark class="v[^"]*"[^>]*data-field="([^"]+)"[^>]*>([^<]+)</mark>', dom)
    fields = {f for f, _ in marks}
    assert {"killed", "injured"} <= fields, marks
    assert any(text.startswith("at least 5") for f, text in marks if f == "injured")
    # the click handler's code path, driven by the URL: the panel names the fact, its marks light up
    focused = _dom(browser, profile, page.as_uri() + "#fact=incident.injured")
    panel = re.search(r'<div class="sv-inspect"[^>]*>([^<]*)</div>', focused)
    assert panel is not None and panel.group(1).startswith("incident.injured: at least 5"), panel
    lit = re.findall(r'<(?:mark|span) class="([^"]*focus[^"]*)"[^>]*data-facts="([^"]*)"', focused)
    assert lit and all("incident.injured" in facts.split() for _, facts in lit)
    assert any(cls.startswith("v") for cls, _ in lit), "the value itself is lit, not only its sentence"
    _screenshot(browser, profile, page.as_uri() + "#fact=incident.injured", "evidence-view.png", height=1200)
