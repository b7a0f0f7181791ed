"""``summarizer slack serve``: configuration errors name the variable, a missing extra leaves the rest
of the CLI working, and the real command serves /healthz over HTTP.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from summarizer.errors import ConfigError
from summarizer.slack.settings import SlackSettings

BOT_TOKEN = "xoxb-333-444-clitesttokenvalue"
SECRET = "0123456789abcdef0123456789abcdef"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from summarizer.cli import main; sys.argv = ['summarizer', *sys.argv[1:]]; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def invoke(*args: str) -> Any:
    pytest.importorskip("slack_bolt")
    from summarizer.cli import app

    return CliRunner().invoke(app, list(args))


def test_missing_bot_token_names_the_variable() -> None:
    result = invoke("slack", "serve")
    assert result.exit_code == 2
    assert "SLACK_BOT_TOKEN" in result.output


def test_missing_signing_secret_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    result = invoke("slack", "serve")
    assert result.exit_code == 2
    assert "SLACK_SIGNING_SECRET" in result.output and BOT_TOKEN not in result.output


def test_socket_mode_needs_an_app_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    result = invoke("slack", "serve", "--socket")
    assert result.exit_code == 2 and "SLACK_APP_TOKEN" in result.output
    monkeypatch.setenv("SLACK_APP_TOKEN", "xoxb-not-an-app-token")
    result = invoke("slack", "serve", "--socket")
    assert result.exit_code == 2 and "xapp-" in result.output


def test_settings_read_slack_names_and_check_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SUMMARIZER_SLACK_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.setenv("SUMMARIZER_SLACK_RATE_LIMIT", "7")
    s = SlackSettings()
    assert s.require_bot_token() == BOT_TOKEN and s.require_signing_secret() == SECRET
    assert s.api_url == "http://127.0.0.1:9/api/" and s.rate_limit == 7
    assert BOT_TOKEN not in repr(s) and SECRET not in repr(s)
    with pytest.raises(ConfigError) as info:
        SlackSettings(bot_token="xapp-1-abc").require_bot_token()
    assert info.value.variable == "SLACK_BOT_TOKEN"


def test_without_the_slack_extra_the_cli_still_works() -> None:
    """Simulate an install without slack_bolt: other commands work, `slack serve` names the extra."""
    blocker = (
        "import sys; sys.modules['slack_bolt'] = None; sys.modules['slack_sdk'] = None; "
        "from summarizer.cli import main; sys.argv = ['summarizer', *sys.argv[1:]]; main()"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", blocker, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ),
        )

    helped = run("--help")
    assert helped.returncode == 0, helped.stderr
    assert "summarize" in helped.stdout
    engines = run("engines")
    assert engines.returncode == 0 and "rules" in engines.stdout
    served = run("slack", "serve")
    assert served.returncode == 2
    assert "summarizer[slack]" in served.stderr
    assert "Traceback" not in served.stderr


class _FakeAuth:
    """Answers auth.test (ok, or invalid_auth) like Slack's Web API."""

    def __init__(self, ok: bool) -> None:
        self.calls: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                fake.calls.append(self.path)
                reply: dict[str, Any] = (
                    {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"}
                    if ok
                    else {"ok": False, "error": "invalid_auth"}
                )
                body = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def serve_env(tmp_path: Any) -> Iterator[dict[str, str]]:
    yield {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SUMMARIZER_ENGINE": "compatible",
        "SUMMARIZER_BASE_URL": "http://127.0.0.1:9/v1",  # never called here
        "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_command_runs_uvicorn_with_health(serve_env: dict[str, str]) -> None:
    pytest.importorskip("slack_bolt")
    fake = _FakeAuth(ok=True)
    port = _free_port()
    code = "import sys; from summarizer.cli import main; sys.argv = ['summarizer', *sys.argv[1:]]; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "slack", "serve", "--port", str(port), "--log-level", "debug"],
        env={**os.environ, **serve_env, "SUMMARIZER_SLACK_API_URL": fake.url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120  # a safety net: a loaded machine starts the server slowly
        health = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1, trust_env=False)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        if health is None:
            proc.terminate()
            pytest.fail(
                f"server did not come up (exit {proc.poll()}): {proc.communicate(timeout=15)[1][-2000:]}"
            )
        assert health.status_code == 200 and health.json()["ok"] is True
        unsigned = httpx.post(
            f"http://127.0.0.1:{port}/slack/events", content=b"command=/summarize", trust_env=False
        )
        assert unsigned.status_code == 401
        assert fake.calls == ["/api/auth.test"]
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=15)
        fake.close()
    assert "Slack bot listening on" in err and "DEBUG" in err  # the log level applies
    assert "auth.test" in err  # the Web API call was logged at debug level ...
    assert BOT_TOKEN not in out + err and SECRET not in out + err  # ... without the token


def test_serve_with_a_rejected_token_fails_cleanly(serve_env: dict[str, str]) -> None:
    pytest.importorskip("slack_bolt")
    fake = _FakeAuth(ok=False)
    try:
        result = run_cli(
            "slack",
            "serve",
            "--port",
            str(_free_port()),
            env={**serve_env, "SUMMARIZER_SLACK_API_URL": fake.url},
        )
    finally:
        fake.close()
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr and BOT_TOKEN not in result.stderr
    assert "Traceback" not in result.stderr


def test_socket_mode_needs_no_signing_secret_and_dispatches(tmp_path: Any) -> None:
    """Socket Mode: built without SLACK_SIGNING_SECRET; requests arrive over the socket unsigned."""
    pytest.importorskip("slack_bolt")
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_bolt.request import BoltRequest

    from summarizer import Settings, Summarizer
    from summarizer.slack.app import SlackBot

    fake = _FakeAuth(ok=True)
    try:
        settings = SlackSettings(bot_token=BOT_TOKEN, app_token="xapp-1-A1-123-abcdef", api_url=fake.url)
        summarizer = Summarizer(
            Settings(base_url="http://127.0.0.1:9/v1", cache_dir=tmp_path), engine="compatible"
        )
        bot = SlackBot(settings, summarizer, socket_mode=True)
        handler = SocketModeHandler(bot.app, settings.require_app_token())  # builds, does not connect
        assert handler.app is bot.app
        body = {"command": "/summarize", "text": "help", "user_id": "U1", "channel_id": "C1", "team_id": "T1"}
        response = bot.app.dispatch(BoltRequest(body=body, mode="socket_mode"))
        assert response.status == 200 and "/summarize private" in response.body
        bot.close()
    finally:
        fake.close()


def test_manifest_matches_the_bot() -> None:
    """The shipped manifest declares what the bot listens to, on the path it serves."""
    from pathlib import Path

    yaml = pytest.importorskip("yaml")
    manifest = yaml.safe_load(
        (Path(__file__).parents[1] / "slack" / "manifest.yml").read_text(encoding="utf-8")
    )
    defaults = SlackSettings()
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == defaults.command and command["url"].endswith(defaults.path)
    shortcut, thread = manifest["features"]["shortcuts"]
    assert shortcut["type"] == "message" and shortcut["callback_id"] == defaults.shortcut_callback_id
    assert shortcut["name"] == "Summarize article"
    assert thread["type"] == "message" and thread["callback_id"] == defaults.thread_shortcut_callback_id
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert settings["event_subscriptions"]["request_url"].endswith(defaults.path)
    assert settings["interactivity"]["is_enabled"] and settings["interactivity"]["request_url"].endswith(
        defaults.path
    )
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "app_mentions:read", "im:history"} <= scopes
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True  # DMs to the bot
