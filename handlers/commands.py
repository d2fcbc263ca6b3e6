"""The slash command (`/gap` by default): every subcommand is routed from here."""
from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond

from insights.commands import Command, parse
from render import blocks as ui
from services.runtime import Runtime

log = logging.getLogger("pulsegap.commands")


def _answer(rt: Runtime, cmd: Command) -> dict:
    """Pure, in-memory answers (a few milliseconds): they go back in the ack itself."""
    bm = rt.benchmarks
    if cmd.name == "help":
        return ui.help_blocks(rt.config.slash_command)
    if cmd.name == "list":
        return ui.list_blocks(bm)
    if cmd.name == "study":
        return ui.study_blocks(bm)
    if cmd.name == "region":
        found = bm.find_regions(cmd.args)
        return ui.region_blocks(bm, found[0] if found else None, cmd.args)
    return ui.answer_blocks(bm, bm.search(cmd.args))


INSTANT = {"help", "list", "study", "region", "question"}


def register(app: App, rt: Runtime) -> None:
    @app.command(rt.config.slash_command)
    def on_command(ack: Ack, command: dict, respond: Respond) -> None:
        cmd = parse(command.get("text"))
        try:
            if cmd.name in INSTANT:
                ack(response_type="ephemeral", **_answer(rt, cmd))
                return
            ack(response_type="ephemeral", **ui.help_blocks(rt.config.slash_command))
        except Exception:  # never leave Slack without an answer
            log.exception("command %s failed", cmd.name)
            ack(response_type="ephemeral", **ui.notice(
                ":x: Sorry, that failed on our side. Nothing was changed; please try again."
            ))
