"""Who may cause effects: one check for the slash command and the App Home buttons."""

from __future__ import annotations

from insights.commands import Command
from services.runtime import Runtime

# (subcommand, action) pairs that change something, reach beyond the asker or show who is in a role
COMMANDS = {
    ("roles", ""),
    ("roles", "list"),
    ("roles", "exec"),
    ("roles", "agent"),
    ("roles", "remove"),
    ("statements", "add"),
    ("statements", "remove"),
    ("poll", "now"),
    ("poll", "schedule"),
    ("poll", "close"),
    ("poll", "stop"),
    ("digest", ""),
    ("digest", "schedule"),
    ("digest", "stop"),
    ("export", ""),
    ("statements", "comment"),
    ("comments", "hide"),
}


# commands that only show something: their refusal does not speak of changes
SHOWING = {("roles", ""): "see who is in each role", ("roles", "list"): "see who is in each role"}


def refusal(rt: Runtime, user: str, what: str, changes: bool = True) -> str | None:
    """None when `user` is an admin now, asked afresh (a demoted admin loses every effect at once;
    only Home's display of its buttons reuses an answer, `is_admin(max_age=60)`); else the refusal."""
    if rt.is_admin(user):
        return None
    return f":lock: Only Slack workspace admins and Pulsegap admins can {what}." + (
        " Nothing was changed." if changes else ""
    )


def command_refusal(rt: Runtime, user: str, cmd: Command) -> str | None:
    key = (cmd.name, cmd.action)
    if key not in COMMANDS:
        return None
    if key in SHOWING:
        return refusal(rt, user, SHOWING[key], changes=False)
    return refusal(rt, user, f"use `{cmd.name}{' ' + cmd.action if cmd.action else ''}`")
