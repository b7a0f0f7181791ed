"""``summarizer slack serve [--socket]`` (the ``slack`` sub-app of the root CLI).

Nothing here imports ``slack_bolt`` at module level: without the ``[slack]`` extra the command
still shows up and says which extra to install, and every other command keeps working.
"""

from __future__ import annotations

from typing import Annotated, NoReturn

import typer

from ..errors import ConfigError, InputError, MissingDependencyError, SummarizerError
from .common import EngineOpt, ModelOpt, err_console

slack_app = typer.Typer(help="Run the Slack bot (needs the slack extra).", no_args_is_help=True)


def fail(exc: SummarizerError) -> NoReturn:
    """One plain line on stderr (no markup: messages hold brackets such as ``summarizer[slack]``)."""
    err_console.print(f"error: {exc}", markup=False, highlight=False, style="bold red")
    raise typer.Exit(2 if isinstance(exc, InputError | ConfigError) else 1)


@slack_app.command("serve", short_help="Serve the bot (HTTP or Socket Mode).")
def serve(
    socket: Annotated[
        bool, typer.Option("--socket", help="Socket Mode (needs SLACK_APP_TOKEN) instead of HTTP")
    ] = False,
    host: Annotated[
        str | None, typer.Option(metavar="HOST", help="HTTP mode: address to bind (default 127.0.0.1)")
    ] = None,
    port: Annotated[int | None, typer.Option(metavar="PORT", help="HTTP mode: port (default 3000)")] = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    log_level: Annotated[
        str, typer.Option("--log-level", metavar="LEVEL", help="debug | info | warning")
    ] = "info",
) -> None:
    """Serve the bot: HTTP (Events API, slash command and interactivity on /slack/events) or Socket Mode."""
    try:
        import slack_bolt  # noqa: F401
        import slack_sdk  # noqa: F401

        if not socket:
            import starlette  # noqa: F401
            import uvicorn  # noqa: F401
    except ImportError:
        fail(MissingDependencyError("the Slack bot", "slack"))

    from ..pipeline import Summarizer
    from ..settings import Settings
    from ..slack.app import SlackBot
    from ..slack.server import configure_logging, serve_http, serve_socket
    from ..slack.settings import SlackSettings

    try:
        slack = SlackSettings()
        # check every credential the mode needs before building anything
        slack.require_bot_token()
        if socket:
            slack.require_app_token()
        else:
            slack.require_signing_secret()
        redactor = configure_logging(log_level, slack.secrets())
        summarizer = Summarizer(Settings(), engine=engine, model=model)
    except SummarizerError as exc:
        fail(exc)
    except ValueError as exc:  # pydantic-settings: an invalid environment value
        fail(ConfigError(f"invalid configuration: {exc}"))

    from slack_bolt.error import BoltError
    from slack_sdk.errors import SlackClientError

    try:
        bot = SlackBot(slack, summarizer, socket_mode=socket)  # calls Slack's auth.test
    except BoltError as exc:  # auth.test refused the token
        detail = redactor.redact(str(exc))
        fail(
            ConfigError(f"Slack rejected the bot token; check SLACK_BOT_TOKEN ({detail})", "SLACK_BOT_TOKEN")
        )
    except (SlackClientError, OSError) as exc:
        where = slack.api_url or "https://slack.com/api/"
        fail(
            ConfigError(
                f"could not reach Slack at {where} to check SLACK_BOT_TOKEN "
                f"({type(exc).__name__}: {redactor.redact(str(exc))})",
                "SLACK_BOT_TOKEN",
            )
        )
    if socket:
        serve_socket(bot)
    else:
        serve_http(bot, host or slack.host, port if port is not None else slack.port, log_level)
