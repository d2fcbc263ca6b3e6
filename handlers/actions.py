"""Button clicks in pulse DMs: Likert votes and *My answers*. Both are answered ephemerally
(services.replies): the DM itself never changes with a person's choice."""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App

import i18n
from i18n import N_, _
from render.primitives import notice
from render.pulse import my_answers, vote_recorded
from services.runtime import Runtime

VOTE = re.compile(r"^vote:\d+:[1-5]$")
VALUE = re.compile(r"^(\d+):(\d+):([1-5])$")
NOT_SENT = N_("This pulse was not sent to you, so your click was not counted.")
REFUSED = {
    "closed": N_("Thanks, but Pulse #{id} has closed, so this answer was not counted."),
    "bad": NOT_SENT,
    "not_invited": NOT_SENT,
}

# What every log record of a pulse interaction's body contains, in any language: the DM's buttons
# and a click's payload ("vote:…", "my_answers"), the block ids of the ephemeral replies
# (vote_recorded, my_answers), and the comment form's submission ("comment_submit", with
# "comment_text") and its answer ("comment_thanks").
PULSE_BODY = ("vote:", "my_answers", "vote_recorded", "comment_submit", "comment_text", "comment_thanks")
# A users.info exchange (the request names the person, the answer is their profile): looked up
# when someone first acts after a restart (their language), its timing beside a pulse
# interaction's listener would say who opened or sent the comment form.
PERSON_LOOKUP = ("users.info", '"tz_offset"')


class RedactPulseBodies(logging.Filter):
    """For the log handlers: slack_sdk and Bolt log request and response bodies at DEBUG, which for
    a click puts the voter beside their answer. Such a record keeps its place, not its body."""

    LIBRARIES = ("slack_sdk", "slack_bolt", "pulsegap.bolt")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith(self.LIBRARIES):
            text = record.getMessage()
            if any(m in text for m in PULSE_BODY):
                record.msg, record.args = "(a pulse interaction's body: redacted)", ()
            elif any(m in text for m in PERSON_LOOKUP):
                record.msg, record.args = "(a users.info exchange: redacted)", ()
        return True


def register(app: App, rt: Runtime) -> None:
    @app.action(VOTE)
    def on_vote(ack: Ack, body: dict, action: dict) -> None:
        m = VALUE.match(str(action.get("value", "")))
        user = (body.get("user") or {}).get("id", "")
        if not m or not user:
            ack()
            return
        pulse_id, statement_id, value = (int(g) for g in m.groups())
        seq = str(action.get("action_ts") or body.get("action_ts") or "0")
        # Written durably (WAL, synchronous=FULL) before Slack hears that the click arrived.
        result = rt.store.record_vote(pulse_id, user, statement_id, value, seq)
        ack()
        if result in REFUSED:
            rt.replies.send(
                body.get("response_url"),
                lambda: _in_language(rt, user, lambda: notice(_(REFUSED[result], id=pulse_id))),
            )
        elif result == "recorded":  # a repeated or out-of-date click changed nothing: no news
            rt.replies.send(
                body.get("response_url"),
                lambda: _in_language(rt, user, lambda: vote_recorded(rt.store.pulse(pulse_id), statement_id, value)),
            )

    @app.action("my_answers")
    def on_my_answers(ack: Ack, body: dict, action: dict) -> None:
        ack()
        user = (body.get("user") or {}).get("id", "")
        pulse_id = str(action.get("value", ""))
        if user and pulse_id.isdigit():
            rt.replies.send(
                body.get("response_url"), lambda: _in_language(rt, user, lambda: _my_answers(rt, int(pulse_id), user))
            )


def _in_language(rt: Runtime, user: str, make):
    """A reply rendered in the clicker's language, off the ack path (the replies' thread)."""
    with i18n.use(rt.language(user)):
        return make()


def _my_answers(rt: Runtime, pulse_id: int, user: str) -> dict | None:
    """Computed when it is sent, from HMAC(the pulse's secret, user): after the close, nothing."""
    pulse = rt.store.pulse(pulse_id)
    return my_answers(pulse, rt.store.answers_of(pulse_id, user)) if pulse else None
