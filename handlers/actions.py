"""Button clicks: Likert votes in pulse DMs."""
from __future__ import annotations

import logging
import re
import threading

from slack_bolt import Ack, App, Respond

from services.runtime import Runtime

VOTE = re.compile(r"^vote:\d+:[1-5]$")
VALUE = re.compile(r"^(\d+):(\d+):([1-5])$")
log = logging.getLogger("pulsegap.actions")


def tell_after_ack(respond: Respond, text: str) -> None:
    """An ephemeral note to the clicker through response_url, sent after the ack so Slack never
    waits on it. Slack always sends a response_url with a message button; a payload without one
    has nobody to answer, and a failed post is logged, not raised in a bare thread."""
    if not respond.response_url:
        return

    def send() -> None:
        try:
            respond(text=text, response_type="ephemeral", replace_original=False)
        except Exception as exc:
            log.warning("could not tell a voter their click did not count (%s)", type(exc).__name__)

    threading.Thread(target=send, name="tell-voter", daemon=True).start()


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
            tell_after_ack(respond, text)
            return
        if result != "recorded":
            return  # a repeated or out-of-date click: nothing changed
        container = body.get("container") or {}
        if container.get("channel_id") and container.get("message_ts"):
            rt.updater.show_choice(container["channel_id"], container["message_ts"], wave_id, statement_id, value, seq,
                                   as_shown=(body.get("message") or {}).get("blocks"))
