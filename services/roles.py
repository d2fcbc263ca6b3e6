"""Who has a role: mentions checked with Slack before they are stored."""
from __future__ import annotations

from slack_sdk.errors import SlackApiError

from services.runtime import Runtime


def assign(rt: Runtime, role: str, users: tuple[str, ...], groups: tuple[str, ...], names: dict[str, str],
           by: str) -> tuple[int, int, list[str]]:
    """Give `role` to every person and user group Slack knows (bots and deactivated people are not
    asked). Returns (how many were given it, how many of those moved from the other role, problems)."""
    entries, problems = [], []
    for uid in users:
        try:
            info = rt.client.users_info(user=uid)["user"]
        except SlackApiError as exc:
            problems.append(f"<@{uid}>: {exc.response.get('error')}")
            continue
        if info.get("deleted") or info.get("is_bot"):
            problems.append(f"<@{uid}> is a bot or deactivated")
            continue
        entries.append((uid, "user", names.get(uid) or info.get("real_name") or info.get("name") or uid))
    for gid in groups:
        try:
            rt.client.usergroups_users_list(usergroup=gid)
        except SlackApiError as exc:
            problems.append(f"user group {gid}: {exc.response.get('error')}")
            continue
        entries.append((gid, "group", names.get(gid) or gid))
    before = {r["id"]: r["role"] for r in rt.store.roster()}
    rt.store.set_role(entries, role, by)
    moved = sum(1 for ident, _k, _n in entries if before.get(ident) not in (None, role))
    return len(entries), moved, problems


def members(rt: Runtime) -> dict[str, list[dict]]:
    """{role: its people and user groups, as stored}."""
    by_role: dict[str, list[dict]] = {}
    for r in rt.store.roster():
        by_role.setdefault(r["role"], []).append(r)
    return by_role
