"""What a pulse shows: the DM with its Likert buttons, a voter's ephemeral replies, the DM once
closed, reminders, and the admin's roster, statements and status pages."""

from __future__ import annotations

from insights.stats import ROLES
from insights.studies import Studies
from render.comments import comment_prompt
from render.primitives import (
    ROLE_LABEL,
    button,
    context,
    escape,
    message,
    next_run_text,
    notice,
    plural,
    section,
    slack_date,
)

LIKERT = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


def poll_dm(pulse: dict, min_respondents: int) -> dict:
    """The pulse DM: an intro, then per statement a section and exactly five Likert buttons."""
    wid = pulse["id"]
    blocks = [
        section(
            f":bar_chart: *Pulse #{wid}: how do you see our customer service?*\n"
            "One click per statement; click again to change your answer. Answers are *anonymous*: "
            "they are stored apart from your name, and results are shown only for groups of at least "
            f"{min_respondents} people (fixed for this pulse). Closes {slack_date(pulse['closes_at'])}.",
            block_id=f"intro:{wid}",
        )
    ]
    for i, s in enumerate(pulse["statements"], 1):
        sid = s["id"]
        blocks.append(section(f"*{i}.* {escape(s['text'])}", block_id=f"s:{wid}:{sid}"))
        blocks.append(
            {
                "type": "actions",
                "block_id": f"a:{wid}:{sid}",
                "elements": [button(label, f"vote:{sid}:{v}", f"{wid}:{sid}:{v}") for v, label in enumerate(LIKERT, 1)],
            }
        )
    blocks.append(comment_prompt(pulse))
    blocks.append(
        {
            **section(
                "Each click is confirmed to you alone; this message never shows your answers.", block_id=f"mine:{wid}"
            ),
            "accessory": button("My answers", "my_answers", str(wid)),
        }
    )
    return message(blocks, f"Pulse #{wid}: {len(pulse['statements'])} statements, one click each, anonymous")


def vote_recorded(pulse: dict, statement_id: int, value: int) -> dict:
    """The ephemeral confirmation of a click (through its response_url: Slack keeps nothing of it)."""
    ids = [s["id"] for s in pulse["statements"]]
    text = (
        f"Recorded: *{LIKERT[value - 1]}* for statement {ids.index(statement_id) + 1} of {len(ids)}. Only you see this."
    )
    return message([section(text)], text)


def my_answers(pulse: dict, answers: dict[int, int] | None) -> dict:
    """The ephemeral answer to *My answers*: the person's current answers while the pulse is open
    (`answers`: statement id -> value), or, once it has closed (None), that they are unlinked."""
    if answers is None:
        return notice(f"Pulse #{pulse['id']} has closed; your answers are no longer linked to you.")
    statements = pulse["statements"]
    blocks = [
        section(
            f"*Your answers in Pulse #{pulse['id']}* ({len(answers)} of {len(statements)} answered). Only you see this."
        )
    ]
    for i, s in enumerate(statements, 1):
        chosen = f"*{LIKERT[answers[s['id']] - 1]}*" if s["id"] in answers else "_not answered_"
        blocks.append(section(f"*{i}.* {escape(s['text'])}\n{chosen}"))
    return message(blocks, f"Your answers in Pulse #{pulse['id']}: {len(answers)} of {len(statements)} answered")


def closed_dm(pulse: dict, cmd: str) -> dict:
    """What every pulse DM becomes when its pulse closes: the same for everyone, no buttons."""
    text = (
        f":lock: *Pulse #{pulse['id']} closed on {slack_date(pulse['closed_at'])}.* Thank you to everyone who "
        f"answered. Answers are no longer linked to anyone. `{cmd} results {pulse['id']}` shows the team's figures."
    )
    return message([section(text, block_id=f"closed:{pulse['id']}")], f"Pulse #{pulse['id']} has closed")


def reminder_text(pulse: dict) -> str:
    return (
        f"A reminder: Pulse #{pulse['id']} is still open until {slack_date(pulse['closes_at'])}. "
        "It takes a minute, and your answers are anonymous; scroll up to the pulse message."
    )


def mention(ident: str, kind: str, handle: str = "") -> str:
    """A person or user group as Slack shows it (a group with its handle as the fallback label, when
    known); in an ephemeral reply it notifies nobody."""
    if kind == "user":
        return f"<@{ident}>"
    label = escape(handle.replace("|", ""))
    return f"<!subteam^{ident}|@{label}>" if label else f"<!subteam^{ident}>"


def roles_added(assigned: list, role: str, problems: list[str]) -> dict:
    """The reply to `roles exec|agent`: who was added (a group with its head count), who moved from
    which role, and who could not be added. `assigned`: services.roles.Assigned."""
    label = ROLE_LABEL[role].lower()
    who = [
        mention(a.ident, a.kind, a.handle) + (f" ({plural(a.size, 'person', 'people')})" if a.kind == "group" else "")
        for a in assigned
    ]
    text = f"Added {', '.join(who)} to the {label}." if who else f"Nobody was added to the {label}."
    for old in ROLES:
        moved = [mention(a.ident, a.kind, a.handle) for a in assigned if a.moved_from == old]
        if moved:
            text += f" {', '.join(moved)} moved from the {ROLE_LABEL[old].lower()} (a person has one role)."
    if problems:
        text += " Not added: " + "; ".join(problems) + "."
    return notice(text)


def roster_blocks(
    members: dict[str, list[dict]], counts: dict[str, int], problems: list[str], warning: str = "", *, cmd: str
) -> dict:
    lines = []
    for role in ROLES:
        entries = members.get(role, [])
        names = ", ".join(mention(e["id"], e["kind"]) for e in entries) or "_nobody yet_"
        lines.append(f"*{ROLE_LABEL[role]}* ({plural(counts.get(role, 0), 'person', 'people')}): {names}")
    blocks = [section("\n".join(lines))]
    if problems:
        blocks.append(context(":warning: " + escape("; ".join(problems))))
    if warning:
        blocks.append(context(warning))
    blocks.append(
        context(f"Names are shown, never pinged. Change with `{cmd} roles exec|agent|remove @people @groups`.")
    )
    return message(
        blocks, f"Roles: {plural(counts.get('exec', 0), 'executive')}, {plural(counts.get('agent', 0), 'agent')}"
    )


def statements_blocks(statements: list[dict], bm: Studies, cmd: str, done: str = "") -> dict:
    """The statements a pulse asks, each with the study metric it is compared with; `done` is what
    the command just did ("Added as #12 …"), shown first."""
    lines = []
    for i, s in enumerate(statements, 1):
        link = f" _(study: {escape(bm.metrics[s['metric']].title)})_" if s.get("metric") in bm.metrics else ""
        lines.append(f"*{i}.* {escape(s['text'])}{link}")
    text = "\n".join(lines) or f"_No statements. Add one with `{cmd} statements add &lt;text&gt;`._"
    blocks = [section(done)] if done else []
    blocks += [
        section("*What the pulse asks*\n" + text),
        context(f"Admins: `{cmd} statements add &lt;text&gt;`, `{cmd} statements remove &lt;number&gt;`."),
    ]
    return message(blocks, done or plural(len(statements), "statement"))


def poll_status_blocks(
    schedule: tuple[str, object] | None,
    pulse: dict | None,
    counts: dict[str, dict[str, int]],
    skipped: list[dict],
    warning: str = "",
    *,
    cmd: str,
    names: bool,
) -> dict:
    """`poll status`: the schedule and the open pulse's counts; who could not be DMed only for
    admins (`names`), everyone else sees how many."""
    if schedule:
        name, when = schedule
        sched = f"*Schedule:* {escape(name)}; next pulse {next_run_text(when)}."
    else:
        sched = f"*Schedule:* none. Set one with `{cmd} poll schedule weekly mon 09:00 Europe/Stockholm`."
    blocks = [section(sched)]
    if pulse:
        lines = [f"*Pulse #{pulse['id']}* is open until {slack_date(pulse['closes_at'])}."]
        for role in ROLES:
            c = counts.get(role)
            if c:
                lines.append(
                    f"• {ROLE_LABEL[role]}: {c['responded']} of {c['asked']} answered "
                    f"({c['sent']} delivered, {c['pending']} still sending, {c['failed']} failed)"
                )
        lines.append("_Only counts are shown while a pulse is open; percentages appear when it closes._")
        blocks.append(section("\n".join(lines)))
        if skipped and names:
            who = ", ".join(f"<@{d['user_id']}> ({escape(d['error'] or 'unreachable')})" for d in skipped[:30])
            more = f" and {len(skipped) - 30} more" if len(skipped) > 30 else ""
            blocks.append(context(f":warning: Could not DM {len(skipped)}: {who}{more}"))
        elif skipped:
            blocks.append(context(f":warning: Could not DM {len(skipped)}; admins see who."))
    else:
        blocks.append(section(f"No pulse is open. Start one with `{cmd} poll now`."))
    if warning:
        blocks.append(context(warning))
    return message(blocks, "Pulse status")
