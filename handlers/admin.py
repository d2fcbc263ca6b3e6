"""Who may cause effects: one check for the slash command and the App Home buttons."""

from __future__ import annotations

from i18n import N_, _
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
    ("statements", "translate"),
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
SHOWING = {("roles", ""): N_("see who is in each role"), ("roles", "list"): N_("see who is in each role")}


def refusal(rt: Runtime, user: str, what: str, changes: bool = True) -> str | None:
    """None when `user` is an admin now, asked afresh (a demoted admin loses every effect at once;
    only Home's display of its buttons reuses an answer, `is_admin(max_age=60)`); else the refusal."""
    if rt.is_admin(user):
        return None
    if changes:
        return _(":lock: Only Slack workspace admins and Pulsegap admins can {what}. Nothing was changed.", what=what)
    return _(":lock: Only Slack workspace admins and Pulsegap admins can {what}.", what=what)


def command_refusal(rt: Runtime, user: str, cmd: Command) -> str | None:
    key = (cmd.name, cmd.action)
    if key not in COMMANDS:
        return None
    if key in SHOWING:
        return refusal(rt, user, _(SHOWING[key]), changes=False)
    return refusal(rt, user, _("use `{command}`", command=f"{cmd.name} {cmd.action}".strip()))
