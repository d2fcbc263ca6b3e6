"""Reading what Slack sends when an admin uses a setup modal: a submitted view's `state.values`
(shaped per element type: selected_users, selected_options, selected_option, selected_time,
selected_conversation, value), its private_metadata, and the schedule fields as a Schedule or the
field that is wrong. Pure: payload dicts in, plain values out, whatever shape a forger sends."""

from __future__ import annotations

import json
import re
from functools import cache
from zoneinfo import available_timezones

from i18n import _
from insights.commands import clean
from insights.schedule import DAYS, FREQUENCIES, Schedule, ScheduleError, parse_schedule
from insights.stats import ROLES

REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


@cache
def zones() -> list[str]:
    """The IANA zones the modals offer, read from the system once, when a modal first needs them
    (~70 ms: not at every start-up)."""
    return sorted(z for z in available_timezones() if z == "UTC" or z.split("/")[0] in REGIONS)


MAX_DURATION = 30 * 86400


# ----- reading what Slack sends ------------------------------------------------------------
def values(body: dict) -> dict:
    """view.state.values, or {} for a payload without them."""
    state = (body.get("view") or {}).get("state")
    found = state.get("values") if isinstance(state, dict) else None
    return found if isinstance(found, dict) else {}


def field(state: dict, block: str, action: str) -> dict:
    found = state.get(block)
    found = found.get(action) if isinstance(found, dict) else None
    return found if isinstance(found, dict) else {}


def typed(state: dict, block: str, action: str) -> str:
    """A plain_text_input's text, cleaned as a typed command is (printable, single-spaced)."""
    value = field(state, block, action).get("value")
    return clean(value if isinstance(value, str) else "")


def chosen(state: dict, block: str, action: str) -> str:
    """A static or external select's value, a timepicker's time or a conversations_select's channel."""
    f = field(state, block, action)
    picked = f.get("selected_option")
    value = (
        picked.get("value") if isinstance(picked, dict) else f.get("selected_time") or f.get("selected_conversation")
    )
    return value if isinstance(value, str) else ""


def options(state: dict, block: str, action: str) -> list[dict]:
    picked = field(state, block, action).get("selected_options")
    return (
        [o for o in picked if isinstance(o, dict) and isinstance(o.get("value"), str)]
        if isinstance(picked, list)
        else []
    )


def metadata(body: dict) -> list:
    try:
        removed = json.loads((body.get("view") or {}).get("private_metadata") or "{}").get("removed")
    except (ValueError, AttributeError):
        return []
    return removed if isinstance(removed, list) else []


def selection(state: dict) -> tuple[dict[str, tuple[list[str], list[str]]], dict[str, str]]:
    """The roles modal's choices: {role: (user ids, group ids)} and {group id: handle}."""
    picked, names = {}, {}
    for role in ROLES:
        users = field(state, f"setup_{role}_users", "setup_role_users").get("selected_users")
        users = [u for u in users if isinstance(u, str) and u] if isinstance(users, list) else []
        groups = options(state, f"setup_{role}_groups", "setup_role_groups")
        for g in groups:
            text = (g.get("text") or {}).get("text") if isinstance(g.get("text"), dict) else ""
            names[g["value"]] = (text or "").removeprefix("@")
        picked[role] = (list(dict.fromkeys(users)), list(dict.fromkeys(g["value"] for g in groups)))
    return picked, names


def as_roster(picked: dict, names: dict[str, str]) -> list[dict]:
    """The choices as roster rows (the store's shape), to count and to draw before they are saved."""
    return [
        {"id": ident, "kind": kind, "role": role, "name": names.get(ident, "")}
        for role, (users, groups) in picked.items()
        for kind, idents in (("user", users), ("group", groups))
        for ident in idents
    ]


def by_role(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for r in rows:
        grouped.setdefault(r["role"], []).append(r)
    return grouped


def read_schedule(state: dict, prefix: str) -> Schedule | tuple[str, str]:
    """The schedule fields of a modal as a Schedule (read by the commands' own parser), or (block id,
    error) for the field that is wrong."""
    freq = chosen(state, f"{prefix}_frequency", "setup_frequency")
    day = chosen(state, f"{prefix}_day", "setup_day")
    clock = chosen(state, f"{prefix}_time", "setup_time")
    zone = chosen(state, f"{prefix}_timezone", "setup_timezone")
    if freq not in FREQUENCIES:
        return f"{prefix}_frequency", _("Choose how often.")
    if day not in DAYS:
        return f"{prefix}_day", _("Choose a day.")
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", clock):
        return f"{prefix}_time", _("Choose a time, such as 09:00.")
    if zone not in zones():
        return f"{prefix}_timezone", _("Choose a time zone from the list, such as Europe/Stockholm.")
    try:
        return parse_schedule(f"{freq} {day} {clock} {zone}")
    except ScheduleError as exc:  # not reached with the checks above; never a silent failure
        return f"{prefix}_frequency", str(exc)


def first_block(body: dict) -> str:
    """The block id of the submitted view's first input, where a refusal is shown."""
    blocks = (body.get("view") or {}).get("blocks")
    ids = (
        [b.get("block_id") for b in blocks if isinstance(b, dict) and b.get("type") == "input"]
        if isinstance(blocks, list)
        else []
    )
    return next((i for i in ids if isinstance(i, str)), "setup_refused")
