"""Who has a role: mentions checked with Slack before they are stored."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from i18n import _
from services.runtime import Runtime


@dataclass(frozen=True)
class Assigned:
    """One person or user group given a role: its id, kind, head count and handle (groups) and former role."""

    ident: str
    kind: str  # "user" or "group"
    size: int = 1
    handle: str = ""
    moved_from: str | None = None


def assign(
    rt: Runtime, role: str, users: tuple[str, ...], groups: tuple[str, ...], names: dict[str, str], by: str
) -> tuple[list[Assigned], list[str]]:
    """Give `role` to every person and user group Slack knows (bots and deactivated people are not
    asked). Returns (who was given it, problems)."""
    entries, sizes, problems = [], {}, []
    for uid in users:
        try:
            info = rt.client.users_info(user=uid)["user"]
        except SlackApiError as exc:
            problems.append(_("<@{user}>: {error}", user=uid, error=exc.response.get("error")))
            continue
        if info.get("deleted") or info.get("is_bot"):
            problems.append(_("<@{user}> is a bot or deactivated", user=uid))
            continue
        entries.append((uid, "user", names.get(uid) or info.get("real_name") or info.get("name") or uid))
    for gid in groups:
        try:
            sizes[gid] = len(rt.client.usergroups_users_list(usergroup=gid).get("users") or [])
        except SlackApiError as exc:
            problems.append(_("user group {group}: {error}", group=gid, error=exc.response.get("error")))
            continue
        entries.append((gid, "group", names.get(gid) or gid))
    before = {r["id"]: r["role"] for r in rt.store.roster()}
    rt.store.set_role(entries, role, by)
    return [
        Assigned(
            ident,
            kind,
            sizes.get(ident, 1),
            names.get(ident, "") if kind == "group" else "",
            before.get(ident) if before.get(ident) not in (None, role) else None,
        )
        for ident, kind, _n in entries
    ], problems


def members(rt: Runtime) -> dict[str, list[dict]]:
    """{role: its people and user groups, as stored}."""
    by_role: dict[str, list[dict]] = {}
    for r in rt.store.roster():
        by_role.setdefault(r["role"], []).append(r)
    return by_role


def replace(
    rt: Runtime, chosen: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], names: dict[str, str], by: str
) -> tuple[dict[str, list[Assigned]], list[str]]:
    """The setup modal's save: each role becomes exactly chosen[role] = (user ids, group ids).
    Whoever is in no role any more is removed; the rest is `assign`ed, as the command does."""
    keep = {ident for users, groups in chosen.values() for ident in (*users, *groups)}
    rt.store.remove_roles([r["id"] for r in rt.store.roster() if r["id"] not in keep])
    assigned, problems = {}, []
    for role, (users, groups) in chosen.items():
        assigned[role], found = assign(rt, role, tuple(users), tuple(groups), names, by)
        problems += found
    return assigned, problems
