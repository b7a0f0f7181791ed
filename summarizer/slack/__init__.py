"""The Slack bot (optional extra ``[slack]``): ``/summarize``, mentions, a message shortcut and DMs.

Modules: ``settings`` (environment), ``sources`` (what a message asks for), ``blocks`` (the Block Kit
card), ``ratelimit``, ``app`` (bolt listeners + worker pool), ``server`` (HTTP via Starlette/uvicorn
or Socket Mode), ``cli`` (``summarizer slack serve``). Importing this package imports no Slack SDK.
"""
