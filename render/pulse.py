"""What a pulse shows: the DM with its Likert buttons, a voter's ephemeral replies, the DM once
closed, reminders, and the admin's roster, statements and status pages."""

from __future__ import annotations

from i18n import N_, _, ngettext
from insights.stats import ROLES
from insights.studies import Studies
from render.comments import comment_prompt
from render.primitives import (
    button,
    context,
    escape,
    message,
    metric_title,
    next_run_text,
    notice,
    role_label,
    section,
    slack_date,
    statement_text,
)

LIKERT = (N_("Strongly disagree"), N_("Disagree"), N_("Neutral"), N_("Agree"), N_("Strongly agree"))


def likert(value: int) -> str:
    """The label of a Likert value, 1 to 5, in the reader's language."""
    return _(LIKERT[value - 1])


def statement(s: dict) -> str:
    return escape(statement_text(s["text"], s.get("translations")))


def poll_dm(pulse: dict, min_respondents: int) -> dict:
    """The pulse DM: an intro, then per statement a section and exactly five Likert buttons."""
    wid = pulse["id"]
    blocks = [
        section(
            _(
                ":bar_chart: *Pulse #{id}: how do you see our customer service?*\n"
                "One click per statement; click again to change your answer. Answers are *anonymous*: "
                "they are stored apart from your name, and results are shown only for groups of at least "
                "{k} people (fixed for this pulse). Closes {closes}.",
                id=wid,
                k=min_respondents,
                closes=slack_date(pulse["closes_at"]),
            ),
            block_id=f"intro:{wid}",
        )
    ]
    for i, s in enumerate(pulse["statements"], 1):
        sid = s["id"]
        blocks.append(section(f"*{i}.* {statement(s)}", block_id=f"s:{wid}:{sid}"))
        blocks.append(
            {
                "type": "actions",
                "block_id": f"a:{wid}:{sid}",
                "elements": [button(likert(v), f"vote:{sid}:{v}", f"{wid}:{sid}:{v}") for v in range(1, 6)],
            }
        )
    blocks.append(comment_prompt(pulse))
    blocks.append(
        {
            **section(
                _("Each click is confirmed to you alone; this message never shows your answers."),
                block_id=f"mine:{wid}",
            ),
            "accessory": button(_("My answers"), "my_answers", str(wid)),
        }
    )
    n = len(pulse["statements"])
    return message(
        blocks,
        ngettext(
            "Pulse #{id}: {n} statement, one click each, anonymous",
            "Pulse #{id}: {n} statements, one click each, anonymous",
            n,
            id=wid,
        ),
    )


def vote_recorded(pulse: dict, statement_id: int, value: int) -> dict:
    """The ephemeral confirmation of a click (through its response_url: Slack keeps nothing of it)."""
    ids = [s["id"] for s in pulse["statements"]]
    text = _(
        "Recorded: *{choice}* for statement {i} of {n}. Only you see this.",
        choice=likert(value),
        i=ids.index(statement_id) + 1,
        n=len(ids),
    )
    return message([section(text, block_id="vote_recorded")], text)


def my_answers(pulse: dict, answers: dict[int, int] | None) -> dict:
    """The ephemeral answer to *My answers*: the person's current answers while the pulse is open
    (`answers`: statement id -> value), or, once it has closed (None), that they are unlinked."""
    if answers is None:
        return notice(_("Pulse #{id} has closed; your answers are no longer linked to you.", id=pulse["id"]))
    statements = pulse["statements"]
    counts = {"id": pulse["id"], "done": len(answers), "n": len(statements)}
    blocks = [
        section(
            _("*Your answers in Pulse #{id}* ({done} of {n} answered). Only you see this.", **counts),
            block_id=f"my_answers:{pulse['id']}",
        )
    ]
    for i, s in enumerate(statements, 1):
        chosen = f"*{likert(answers[s['id']])}*" if s["id"] in answers else _("_not answered_")
        blocks.append(section(f"*{i}.* {statement(s)}\n{chosen}"))
    return message(blocks, _("Your answers in Pulse #{id}: {done} of {n} answered", **counts))


def closed_dm(pulse: dict, cmd: str) -> dict:
    """What every pulse DM becomes when its pulse closes: the same for everyone, no buttons."""
    text = _(
        ":lock: *Pulse #{id} closed on {closed}.* Thank you to everyone who answered. Answers are no longer "
        "linked to anyone. `{cmd} results {id}` shows the team's figures.",
        id=pulse["id"],
        closed=slack_date(pulse["closed_at"]),
        cmd=cmd,
    )
    return message([section(text, block_id=f"closed:{pulse['id']}")], _("Pulse #{id} has closed", id=pulse["id"]))


def reminder_text(pulse: dict) -> str:
    return _(
        "A reminder: Pulse #{id} is still open until {closes}. "
        "It takes a minute, and your answers are anonymous; scroll up to the pulse message.",
        id=pulse["id"],
        closes=slack_date(pulse["closes_at"]),
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
    who = ", ".join(
        mention(a.ident, a.kind, a.handle) + (f" ({people(a.size)})" if a.kind == "group" else "") for a in assigned
    )
    if role == "exec":
        parts = [_("Added {who} to the executives.", who=who) if who else _("Nobody was added to the executives.")]
    else:
        parts = [_("Added {who} to the agents.", who=who) if who else _("Nobody was added to the agents.")]
    for old in ROLES:
        moved = ", ".join(mention(a.ident, a.kind, a.handle) for a in assigned if a.moved_from == old)
        if moved and old == "exec":
            parts.append(_("{who} moved from the executives (a person has one role).", who=moved))
        elif moved:
            parts.append(_("{who} moved from the agents (a person has one role).", who=moved))
    if problems:
        parts.append(_("Not added: {problems}.", problems="; ".join(problems)))
    return notice(" ".join(parts))


def people(n: int) -> str:
    return ngettext("{n} person", "{n} people", n)


def roster_blocks(
    members: dict[str, list[dict]], counts: dict[str, int], problems: list[str], warning: str = "", *, cmd: str
) -> dict:
    lines = []
    for role in ROLES:
        entries = members.get(role, [])
        names = ", ".join(mention(e["id"], e["kind"]) for e in entries) or _("_nobody yet_")
        lines.append(f"*{role_label(role)}* ({people(counts.get(role, 0))}): {names}")
    blocks = [section("\n".join(lines))]
    if problems:
        blocks.append(context(":warning: " + escape("; ".join(problems))))
    if warning:
        blocks.append(context(warning))
    blocks.append(
        context(
            _("Names are shown, never pinged. Change with `{cmd} roles exec|agent|remove @people @groups`.", cmd=cmd)
        )
    )
    return message(
        blocks,
        _("Roles: {execs}, {agents}", execs=executives(counts.get("exec", 0)), agents=agents(counts.get("agent", 0))),
    )


def executives(n: int) -> str:
    return ngettext("{n} executive", "{n} executives", n)


def agents(n: int) -> str:
    return ngettext("{n} agent", "{n} agents", n)


def statements_blocks(statements: list[dict], bm: Studies, cmd: str, done: str = "") -> dict:
    """The statements a pulse asks, each with the study metric it is compared with; `done` is what
    the command just did ("Added as #12 …"), shown first."""
    lines = []
    for i, s in enumerate(statements, 1):
        metric = bm.metrics.get(s.get("metric") or "")
        title = escape(metric_title(metric)) if metric else ""
        link = " " + _("_(study: {title})_", title=title) if title else ""
        lines.append(f"*{i}.* {statement(s)}{link}")
    text = "\n".join(lines) or _("_No statements. Add one with `{cmd} statements add &lt;text&gt;`._", cmd=cmd)
    blocks = [section(done)] if done else []
    blocks += [
        section(_("*What the pulse asks*\n{statements}", statements=text)),
        context(
            _(
                "Admins: `{cmd} statements add &lt;text&gt;`, `{cmd} statements remove &lt;number&gt;`, "
                "`{cmd} statements translate &lt;number&gt; sv|it &lt;text&gt;`.",
                cmd=cmd,
            )
        ),
    ]
    return message(blocks, done or statements_count(len(statements)))


def statements_count(n: int) -> str:
    return ngettext("{n} statement", "{n} statements", n)


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
        sched = _("*Schedule:* {name}; next pulse {next}.", name=escape(name), next=next_run_text(when))
    else:
        sched = _("*Schedule:* none. Set one with `{cmd} poll schedule weekly mon 09:00 Europe/Stockholm`.", cmd=cmd)
    blocks = [section(sched)]
    if pulse:
        lines = [_("*Pulse #{id}* is open until {closes}.", id=pulse["id"], closes=slack_date(pulse["closes_at"]))]
        for role in ROLES:
            c = counts.get(role)
            if c:
                lines.append(
                    _(
                        "• {role}: {responded} of {asked} answered "
                        "({sent} delivered, {pending} still sending, {failed} failed)",
                        role=role_label(role),
                        **c,
                    )
                )
        lines.append(_("_Only counts are shown while a pulse is open; percentages appear when it closes._"))
        blocks.append(section("\n".join(lines)))
        if skipped and names:
            who = ", ".join(f"<@{d['user_id']}> ({escape(d['error'] or _('unreachable'))})" for d in skipped[:30])
            if len(skipped) > 30:
                who = _("{who} and {more} more", who=who, more=len(skipped) - 30)
            blocks.append(context(_(":warning: Could not DM {n}: {who}", n=len(skipped), who=who)))
        elif skipped:
            blocks.append(context(_(":warning: Could not DM {n}; admins see who.", n=len(skipped))))
    else:
        blocks.append(section(_("No pulse is open. Start one with `{cmd} poll now`.", cmd=cmd)))
    if warning:
        blocks.append(context(warning))
    return message(blocks, _("Pulse status"))
