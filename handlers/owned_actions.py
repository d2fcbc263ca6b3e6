"""*Own this gap*: the button (results, digest, Home) opens the form for admins; its
view_submission is checked afresh (`rt.is_admin`): a forged one from anyone else changes nothing."""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError

import i18n
from insights.forms import field, typed, values
from render.owned_actions import own_modal, own_result_view
from services.owned_actions import OwnedActions, form_errors
from services.runtime import Runtime
from storage import utcnow

log = logging.getLogger("pulsegap.owned_actions")
TARGET = re.compile(r"^(\d{1,9}):(\d{1,9})$")  # pulse id : statement id


def _statement(rt: Runtime, target: str) -> tuple[int, dict] | None:
    """(pulse id, statement) of a closed pulse's statement named as 'pulse:statement'."""
    m = TARGET.match(target or "")
    pulse = rt.store.pulse(int(m.group(1))) if m else None
    if not pulse or pulse["status"] != "closed":
        return None
    found = next((s for s in pulse["statements"] if s["id"] == int(m.group(2))), None)
    return (pulse["id"], found) if found else None


def _refused() -> dict:
    return own_result_view(i18n._(":lock: Only Slack workspace admins and Pulsegap admins can own a gap."))


def register(app: App, rt: Runtime) -> None:
    actions = OwnedActions(rt)

    def just_ack(ack: Ack) -> None:
        ack()

    def open_form(body: dict, action: dict) -> None:
        user, trigger = (body.get("user") or {}).get("id", ""), body.get("trigger_id")
        target = _statement(rt, str(action.get("value", "")))
        if not user or not trigger or not target:
            return
        with i18n.use(rt.language(user)):
            view = own_modal(*target) if rt.is_admin(user) else _refused()
        try:
            rt.client.views_open(trigger_id=trigger, view=view)
        except SlackApiError as exc:
            log.warning("own-this-gap form not opened (%s)", exc.response.get("error"))

    def on_submit(ack: Ack, body: dict, view: dict) -> None:
        user = (body.get("user") or {}).get("id", "")
        with i18n.use(rt.language(user)):
            target = _statement(rt, str(view.get("private_metadata", "")))
            if not user or not target:
                ack()
                return
            if not rt.is_admin(user):  # asked afresh: a forged or stale form changes nothing
                ack(response_action="update", view=_refused())
                return
            state = values(body)
            owner = str(field(state, "owner", "own_owner").get("selected_user") or "")
            text = typed(state, "text", "own_text")
            due = str(field(state, "due", "own_due").get("selected_date") or "")
            errors = form_errors(owner, text, due, utcnow().date())
            if errors:
                ack(response_action="errors", errors=errors)
                return
            actions.create(user, *target, owner, text, due)
            ack(
                response_action="update",
                view=own_result_view(i18n._("Saved. <@{owner}> gets a DM with the action.", owner=owner)),
            )

    app.action(re.compile(r"^own_open:\d+$"))(ack=just_ack, lazy=[open_form])
    app.view("own_submit")(on_submit)
