"""Anonymous comments: a closed pulse's comments for what users see, hiding one, and their CSV."""

from __future__ import annotations

import json
import re

from i18n import _
from insights.export import comments_csv as csv_of
from insights.followthrough import Comments, comments_of
from insights.stats import PulseResults
from render.comments import MAX_QUESTION, comment_hidden, comments_reply, question_set
from render.primitives import notice
from services.runtime import Runtime


def of(rt: Runtime, pulse: dict) -> Comments:
    """A closed pulse's comments: shown per role, or how many were withheld below its threshold."""
    return comments_of(
        pulse["id"],
        rt.store.comments(pulse["id"]),
        json.loads(pulse.get("comments_withheld") or "{}"),
        pulse.get("min_comments") or rt.config.min_comments,
        pulse.get("comment_question"),
    )


def comments_csv(rt: Runtime) -> str | None:
    """The shown comments of every closed pulse (pulse, role, comment), formula-safe; None if none."""
    rows = [
        (pulse["id"], role, text)
        for pulse in rt.store.closed_pulses()
        for role, rc in of(rt, pulse).roles.items()
        for _ident, text in rc.shown
    ]
    return csv_of(rows) if rows else None


def set_question(rt: Runtime, text: str) -> str:
    """`statements comment <text>` ("default" restores the default question): the confirmation."""
    question = None if text.lower() in ("", "default") else text[:MAX_QUESTION]
    rt.store.set_comment_question(question)
    return question_set(question)


def hide(rt: Runtime, text: str) -> dict:
    ident = text.strip().strip("`#").lower()
    pulse_id = rt.store.hide_comment(ident) if re.fullmatch(r"[0-9a-f]{6}", ident) else None
    return comment_hidden(ident, pulse_id, rt.config.slash_command)


def latest_blocks(res: PulseResults | None, cmd: str) -> dict:
    return comments_reply(res.comments if res else None, cmd)


def export(rt: Runtime, dm: str) -> dict | None:
    """The second CSV of `/gap export`: every shown comment, by DM; the reply, or None if none."""
    data = comments_csv(rt)
    if data is None:
        return None
    rt.send_csv(
        dm,
        data,
        "pulsegap-comments.csv",
        "Pulsegap comments",
        _("The shown comments of every closed pulse, by role, with no names."),
    )
    return notice(_("Sent you the aggregates and the shown comments as two CSV files, by DM."))
