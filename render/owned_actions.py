"""Owned actions: the *Own this gap* buttons and modal, the owner's DMs, `/gap actions`, and how each
owned gap moved by the next pulse (the digest's "Actions and what moved", the headline)."""

from __future__ import annotations

from datetime import date

from i18n import _, format_date, ngettext
from insights.followthrough import CLOSED, NARROWED, UNCHANGED, WIDENED, ActionOutcome, narrowed
from insights.stats import ROSIER_TOP, PulseResults, StatementResult
from render import results  # it imports this module: its functions are looked up when called
from render.primitives import button, context, escape, message, notice, points, section, statement_text, truncate

MAX_ACTION = 300  # characters an action may have


def own_button(pulse_id: int, s: StatementResult, i: int) -> dict:
    return button(_("Own gap {n}", n=i), f"own_open:{s.statement_id}", f"{pulse_id}:{s.statement_id}")


def ownable(res: PulseResults, admin: bool = False) -> list[tuple[int, StatementResult]]:
    """(number, statement) with a button: rosier at the top, or any compared statement for admins."""
    return [(i, s) for i, s in enumerate(res.statements, 1) if s.gap is not None and (admin or s.verdict == ROSIER_TOP)]


def own_buttons(res: PulseResults, admin: bool = False) -> list[dict]:
    """One actions block of *Own gap n* buttons (none when no gap can be owned)."""
    found = ownable(res, admin)[:25]
    if not found:
        return []
    return [
        {
            "type": "actions",
            "block_id": f"own:{res.pulse['id']}",
            "elements": [own_button(res.pulse["id"], s, i) for i, s in found],
        }
    ]


def _plain(text: str, limit: int = 24) -> dict:
    return {"type": "plain_text", "text": truncate(text, limit), "emoji": True}


def _input(block_id: str, label: str, element: dict) -> dict:
    return {"type": "input", "block_id": block_id, "label": _plain(label, 2000), "element": element}


def own_modal(pulse_id: int, statement: dict) -> dict:
    """The form that makes an owned action: owner, action, due date (views.open)."""
    return {
        "type": "modal",
        "callback_id": "own_submit",
        "private_metadata": f"{pulse_id}:{statement['id']}",
        "title": _plain(_("Own this gap")),
        "submit": _plain(_("Save")),
        "close": _plain(_("Cancel")),
        "blocks": [
            section(
                _(
                    "*{statement}*\nWhen the next pulse closes, this gap is measured again and the digest "
                    "says whether it closed, narrowed, stayed or widened.",
                    statement=escape(statement_text(statement["text"], statement.get("translations"))),
                )
            ),
            _input("owner", _("Owner"), {"type": "users_select", "action_id": "own_owner"}),
            _input(
                "text",
                _("What will be done"),
                {"type": "plain_text_input", "action_id": "own_text", "max_length": MAX_ACTION},
            ),
            _input("due", _("Due"), {"type": "datepicker", "action_id": "own_due"}),
        ],
    }


def own_result_view(text: str) -> dict:
    """What the form becomes after it is sent, or instead of it (response_action: update)."""
    return {
        "type": "modal",
        "callback_id": "own_done",
        "title": _plain(_("Own this gap")),
        "close": _plain(_("Close")),
        "blocks": [section(text)],
    }


def day(iso_date: str) -> str:
    return format_date(date.fromisoformat(iso_date))


def _owned_statement(action: dict) -> str:
    """An action's statement in the reader's language (its pulse's translations, if the service gave them)."""
    return statement_text(action["statement"], action.get("translations"))


def _action_fields(action: dict, cmd: str) -> dict:
    """The {named} fields an owner's DMs fill from the action."""
    return {
        "statement": escape(_owned_statement(action)),
        "action": escape(action["text"]),
        "due": day(action["due"]),
        "cmd": cmd,
        "n": action["id"],
    }


def owner_dm(action: dict, by: str, cmd: str) -> dict:
    """To the owner, when the action is saved."""
    return notice(
        _(
            "<@{by}> made you the owner of a gap: *{statement}*\nAction: {action}\nDue: {due}. When the next pulse "
            "closes, the digest shows how this gap moved. `{cmd} actions done {n}` marks it done.",
            by=by,
            **_action_fields(action, cmd),
        )
    )


def reminder_dm(action: dict, cmd: str) -> dict:
    """To the owner, a day before the action is due."""
    return notice(
        _(
            "A reminder: your action on *{statement}* is due {due}: {action}\n`{cmd} actions done {n}` marks it done.",
            **_action_fields(action, cmd),
        )
    )


def verdict_word(verdict: str) -> str:
    return {
        CLOSED: _("closed"),
        NARROWED: _("narrowed"),
        UNCHANGED: _("unchanged"),
        WIDENED: _("widened"),
    }[verdict]


def outcome_text(o: ActionOutcome, pulse_id: int) -> str:
    """'*closed*: +43 points then, +2 points now (change −41, 95% CI −77 to −2)'."""
    if o.verdict is None:
        return _("not measured in Pulse #{pulse}: too few answers to compare", pulse=pulse_id)
    return _(
        "*{verdict}*: {then} then, {now} now (change {change}, 95% CI {low} to {high})",
        verdict=verdict_word(o.verdict),
        then=points(o.then_gap),
        now=points(o.now_gap),
        change=results.bound(o.change),
        low=results.bound(o.ci[0]),
        high=results.bound(o.ci[1]),
    )


def actions_moved_blocks(res: PulseResults) -> list[dict]:
    """The digest's and results' "Actions and what moved" section ([] when none was owned)."""
    if not res.actions:
        return []
    if res.trend_hidden:
        return [
            section(
                _(
                    "*Actions and what moved*\nNot shown: comparing with Pulse #{previous} could reveal "
                    "individual answers (see the trend note).",
                    previous=res.previous_id,
                )
            )
        ]
    lines = [
        _(
            "• {statement} ({action}): {outcome}",
            statement=results.clause(_owned_statement(o.action), 80),
            action=escape(truncate(o.action["text"], 80)),
            outcome=outcome_text(o, res.pulse["id"]),
        )
        for o in res.actions
    ]
    return [
        section(
            _("*Actions and what moved* since Pulse #{previous}", previous=res.previous_id) + "\n" + "\n".join(lines)
        )
    ]


def owned_headline(res: PulseResults) -> str:
    """'2 of 3 owned gaps narrowed since Pulse #4.' ('' when no owned gap could be measured)."""
    done, measured = narrowed(res.actions)
    if not measured or res.trend_hidden:
        return ""
    return ngettext(
        "{done} of {n} owned gap narrowed since Pulse #{previous}.",
        "{done} of {n} owned gaps narrowed since Pulse #{previous}.",
        measured,
        done=done,
        previous=res.previous_id,
    )


def actions_blocks(actions: list[dict], cmd: str, done: str = "") -> dict:
    """`/gap actions`: every owned action, its owner, due date and state."""
    if not actions:
        return notice(
            (done + " " if done else "")
            + _(
                "No gap is owned yet. Admins own one with *Own gap* under `{cmd} results`, in a digest or on Home.",
                cmd=cmd,
            )
        )
    lines = [
        _(
            "*{n}.* {statement}: {action} · owner <@{owner}> · due {due} · {state}",
            n=a["id"],
            statement=results.clause(_owned_statement(a), 80),
            action=escape(truncate(a["text"], 120)),
            owner=a["owner"],
            due=day(a["due"]),
            state=_("done") if a["done_at"] else _("open"),
        )
        for a in actions
    ]
    blocks = [section(done)] if done else []
    for chunk in range(0, len(lines), 10):
        blocks.append(section("\n".join(lines[chunk : chunk + 10])))
    blocks.append(context(_("`{cmd} actions done &lt;n&gt;` marks one done (its owner or an admin).", cmd=cmd)))
    return message(blocks, _("Owned actions: {n}", n=len(actions)))
