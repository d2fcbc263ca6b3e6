"""Anonymous comments: the DM's *Add a comment* button opens a modal (views.open); its
view_submission stores the text keyed like an answer. The confirmation is the modal itself
(response_action: update): the DM never changes with what anyone wrote."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError

import i18n
from insights.forms import typed, values
from render.comments import MAX_COMMENT, comment_done, comment_modal
from services.runtime import Runtime

log = logging.getLogger("pulsegap.comments")


def register(app: App, rt: Runtime) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def open_modal(body: dict, action: dict) -> None:
        user, pulse_id = (body.get("user") or {}).get("id", ""), str(action.get("value", ""))
        pulse = rt.store.pulse(int(pulse_id)) if pulse_id.isdigit() else None
        if not user or not pulse or not body.get("trigger_id"):
            return
        with i18n.use(rt.language(user)):
            view = (
                comment_modal(pulse, pulse["min_comments"] or rt.config.min_comments)
                if pulse["status"] == "open"
                else comment_done("closed", pulse["id"])
            )
        try:
            rt.client.views_open(trigger_id=body["trigger_id"], view=view)
        except SlackApiError as exc:
            log.warning("comment form not opened (%s)", exc.response.get("error"))

    def on_submit(ack: Ack, body: dict, view: dict) -> None:
        user = (body.get("user") or {}).get("id", "")
        pulse_id = str(view.get("private_metadata", ""))
        text = typed(values(body), "comment", "comment_text")[:MAX_COMMENT]
        if not user or not pulse_id.isdigit():
            ack()
            return
        result = rt.store.record_comment(int(pulse_id), user, text)
        with i18n.use(rt.language(user)):
            ack(response_action="update", view=comment_done(result, int(pulse_id)))

    app.action("comment_open")(ack=just_ack, lazy=[open_modal])
    app.view("comment_submit")(on_submit)
