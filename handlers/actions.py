"""Button clicks: Likert votes in pulse DMs."""
from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App, Respond
from slack_sdk.errors import SlackApiError

from render import blocks as ui
from services.runtime import Runtime

log = logging.getLogger("pulsegap.actions")

VOTE = re.compile(r"^vote:\d+:[1-5]$")
VALUE = re.compile(r"^(\d+):(\d+):([1-5])$")


def register(app: App, rt: Runtime) -> None:
    @app.action(VOTE)
    def on_vote(ack: Ack, body: dict, action: dict, respond: Respond) -> None:
        m = VALUE.match(str(action.get("value", "")))
        user = (body.get("user") or {}).get("id", "")
        if not m or not user:
            ack()
            return
        wave_id, statement_id, value = (int(g) for g in m.groups())
        seq = str(action.get("action_ts") or body.get("action_ts") or "0")
        # Written durably (WAL, synchronous=FULL) before Slack hears that the click arrived.
        result = rt.store.record_vote(wave_id, user, statement_id, value, seq)
        ack()
        if result == "closed":
            respond(response_type="ephemeral", replace_original=False,
                    text=f"Thanks, but Pulse #{wave_id} has closed, so this answer was not counted.")
            return
        if result in ("bad", "not_invited"):
            respond(response_type="ephemeral", replace_original=False,
                    text="This pulse was not sent to you, so your click was not counted.")
            return
        if result != "recorded":
            return  # a repeated or out-of-date click: nothing changed
        container = body.get("container") or {}
        blocks = (body.get("message") or {}).get("blocks")
        if blocks and container.get("channel_id") and container.get("message_ts"):
            try:
                rt.client.chat_update(
                    channel=container["channel_id"], ts=container["message_ts"],
                    blocks=ui.with_choice(blocks, wave_id, statement_id, value),
                    text=(body.get("message") or {}).get("text") or "Pulse",
                )
            except SlackApiError as exc:
                log.warning("could not show the choice (%s); the vote is recorded", exc.response.get("error"))
