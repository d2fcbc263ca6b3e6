"""Button clicks: Likert votes in pulse DMs."""
from __future__ import annotations

import re
import threading

from slack_bolt import Ack, App, Respond

from services.runtime import Runtime

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
        if result in ("closed", "bad", "not_invited"):
            text = (f"Thanks, but Pulse #{wave_id} has closed, so this answer was not counted." if result == "closed"
                    else "This pulse was not sent to you, so your click was not counted.")
            # after the response: Slack gets its ack without waiting on the response_url post
            threading.Thread(target=respond, kwargs={"text": text, "response_type": "ephemeral",
                                                     "replace_original": False}, daemon=True).start()
            return
        if result != "recorded":
            return  # a repeated or out-of-date click: nothing changed
        container = body.get("container") or {}
        if container.get("channel_id") and container.get("message_ts"):
            rt.updater.show_choice(container["channel_id"], container["message_ts"], wave_id, statement_id, value, seq)
