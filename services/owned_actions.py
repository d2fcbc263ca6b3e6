"""Owned actions: made from the *Own this gap* form (admins), told to their owner, reminded a day
before they are due (on the scheduler's tick, claimed once across restarts), marked done, and
measured when the next pulse closes (insights.followthrough)."""

from __future__ import annotations

import re
import threading
from datetime import date, timedelta

import i18n
from insights.followthrough import ActionOutcome, measure
from insights.stats import PulseResults
from render.owned_actions import MAX_ACTION, actions_blocks, owner_dm, reminder_dm
from render.primitives import notice
from services.runtime import Runtime
from storage import utcnow


def translated(rt: Runtime, action: dict) -> dict:
    """The action with its statement's translations as the pulse it was owned on kept them, so each
    reader sees the statement in their language (render.owned_actions._owned_statement)."""
    pulse = rt.store.pulse(action["pulse_id"]) or {"statements": []}
    kept = next((s.get("translations") for s in pulse["statements"] if s["id"] == action["statement_id"]), None)
    return {**action, "translations": kept}


def outcomes(rt: Runtime, previous: PulseResults | None, res: PulseResults) -> list[ActionOutcome]:
    """Each action owned on the previous closed pulse's gaps, measured in `res`."""
    if previous is None:
        return []
    then = {s.statement_id: s for s in previous.statements}
    now = {s.statement_id: s for s in res.statements}
    return [
        measure(translated(rt, a), then.get(a["statement_id"]), now.get(a["statement_id"]))
        for a in rt.store.actions(previous.pulse["id"])
    ]


def form_errors(owner: str | None, text: str, due: str | None, today: date) -> dict[str, str]:
    """Slack shows these under the form's fields (response_action: errors)."""
    errors = {}
    if not owner:
        errors["owner"] = i18n._("Choose the person who owns it.")
    if not text:
        errors["text"] = i18n._("Say what will be done.")
    elif len(text) > MAX_ACTION:
        errors["text"] = i18n._("Keep it under {n} characters.", n=MAX_ACTION)
    try:
        if date.fromisoformat(due or "") < today:
            errors["due"] = i18n._("Choose today or a later day.")
    except ValueError:
        errors["due"] = i18n._("Choose a due date.")
    return errors


class OwnedActions:
    def __init__(self, rt: Runtime):
        self.rt = rt

    def create(self, by: str, pulse_id: int, statement: dict, owner: str, text: str, due: str) -> dict:
        """Stored at once; its owner is told off the form's 3-second path (a thread)."""
        action = self.rt.store.add_action(pulse_id, statement["id"], statement["text"], owner, text, due, by)
        threading.Thread(target=self.tell_owner, args=(action,), name=f"action-{action['id']}", daemon=True).start()
        return action

    def tell_owner(self, action: dict) -> None:
        with i18n.use(self.rt.language(action["owner"])):
            payload = owner_dm(translated(self.rt, action), action["created_by"], self.rt.config.slash_command)
        self.rt.dm(action["owner"], "an owned action to its owner", unfurl_links=False, **payload)

    def tick(self, today: date | None = None) -> None:
        """Remind owners of open actions due tomorrow (or sooner), each once: claimed in the database
        before the DM is sent, so a restart never sends it again (a crash between the two loses it)."""
        due_by = ((today or utcnow().date()) + timedelta(days=1)).isoformat()
        for claimed in self.rt.store.claim_reminders(due_by):
            action = translated(self.rt, self.rt.store.action(claimed["id"]))
            with i18n.use(self.rt.language(action["owner"])):
                payload = reminder_dm(action, self.rt.config.slash_command)
            self.rt.dm(action["owner"], "an owned action to its owner", unfurl_links=False, **payload)

    def done(self, text: str, user: str) -> dict:
        """`actions done <n>`: by the action's owner or an admin (asked afresh)."""
        cmd = self.rt.config.slash_command
        m = re.fullmatch(r"#?(\d{1,9})", text.strip())
        action = self.rt.store.action(int(m.group(1))) if m else None
        if action is None:
            return notice(i18n._("Give the number of an owned action; `{cmd} actions` lists them.", cmd=cmd))
        if user != action["owner"] and not self.rt.is_admin(user):
            return notice(i18n._(":lock: Only its owner or an admin can mark action {n} done.", n=action["id"]))
        if self.rt.store.mark_action_done(action["id"]):
            note = i18n._("Action {n} is done. Its gap is measured when the next pulse closes.", n=action["id"])
        else:
            note = i18n._("Action {n} was already done.", n=action["id"])
        return self.listing(note)

    def listing(self, note: str = "") -> dict:
        """`/gap actions`: every owned action, each statement in the reader's language."""
        actions = [translated(self.rt, a) for a in self.rt.store.actions()]
        return actions_blocks(actions, self.rt.config.slash_command, note)
