"""The App Home tab."""

from __future__ import annotations

from i18n import _, ngettext
from insights.stats import ROLES, PulseResults
from render.comments import HOME_COMMENTS, comment_blocks
from render.owned_actions import actions_moved_blocks, own_buttons
from render.primitives import (
    LIMITS,
    button,
    caveat,
    context,
    divider,
    escape,
    header,
    next_run_text,
    points,
    role_label,
    section,
    slack_date,
)
from render.results import participation_text, pulse_dates, statement_clause, trend_summary, verdict_word


def followthrough_blocks(res: PulseResults, admin: bool) -> list[dict]:
    """Home's part of the follow-through: *Own gap* buttons (any compared statement for admins),
    how owned gaps moved, and some of the latest pulse's comments."""
    return own_buttons(res, admin) + actions_moved_blocks(res) + comment_blocks(res.comments, HOME_COMMENTS)


def home_view(
    res: PulseResults | None,
    headline: str | None,
    open_pulse: dict | None,
    counts: dict,
    poll_schedule,
    digests: list,
    admin: bool,
    warning: str = "",
    *,
    command: str,
    setup: list[dict] | None = None,
) -> dict:
    """`command`: the configured slash command, named in the hints; `setup`: an admin's *Set up* rows (render.setup)."""
    blocks = [header(_("Pulsegap: how your top and your floor see customer service"))]
    if res is None and open_pulse:
        blocks.append(
            section(
                _(
                    "No pulse has closed yet. Results appear here when Pulse #{id} closes "
                    "(by itself at its end, or sooner with `{cmd} poll close`).",
                    id=open_pulse["id"],
                    cmd=command,
                )
            )
        )
    elif res is None:
        blocks.append(
            section(
                _(
                    "No pulse has closed yet. Admins start one with `{cmd} poll now`; "
                    "anyone can ask the 2008 study with `{cmd} &lt;question&gt;`.",
                    cmd=command,
                )
            )
        )
    else:
        blocks.append(
            section(
                _("*Latest results: Pulse #{id}* ({dates})", id=res.pulse["id"], dates=pulse_dates(res.pulse))
                + f"\n{escape(headline or '')}\n{participation_text(res)}"
            )
        )
        lines = []
        for s in res.compared:
            gap, verdict = points(s.shown_gap), verdict_word(s.verdict)
            text = statement_clause(s, 90)
            if s.study_gap is not None:
                lines.append(
                    _(
                        "• {statement}: *{gap}*, {verdict} · study {study}",
                        statement=text,
                        gap=gap,
                        verdict=verdict,
                        study=points(s.study_gap),
                    )
                )
            else:
                lines.append(_("• {statement}: *{gap}*, {verdict}", statement=text, gap=gap, verdict=verdict))
        rest = len(res.statements) - len(res.compared)
        if lines and rest:  # with nothing compared, the headline already says so
            lines.append(
                ngettext(
                    "_Too few answers to compare the other {n} statement._",
                    "_Too few answers to compare the other {n} statements._",
                    rest,
                )
            )
        for chunk in range(0, len(lines), 10):
            blocks.append(section("\n".join(lines[chunk : chunk + 10])))
        trend = trend_summary(res)
        if trend:
            blocks.append(section(trend))
        blocks += followthrough_blocks(res, admin)
    blocks.append(divider())
    if open_pulse:
        parts = [
            _("{role} {responded} of {asked}", role=role_label(r), responded=c["responded"], asked=c["asked"])
            for r in ROLES
            if (c := counts.get(r))
        ]
        blocks.append(
            section(
                _(
                    "*Open now: Pulse #{id}* until {closes}. Answered so far: {answered}.",
                    id=open_pulse["id"],
                    closes=slack_date(open_pulse["closes_at"]),
                    answered=", ".join(parts) or _("nobody yet"),
                )
            )
        )
    if poll_schedule:
        nxt = _("{name}, next {next}", name=escape(poll_schedule[0]), next=next_run_text(poll_schedule[1]))
    else:
        nxt = _("not scheduled")
    blocks.append(section(_("*Next pulse:* {next}", next=nxt)))
    dl = [
        f"<#{ch}>: " + _("{name}, next {next}", name=escape(name), next=next_run_text(when))
        for ch, name, when in digests
    ]
    blocks.append(section(_("*Digests:* {digests}", digests="; ".join(dl) if dl else _("none scheduled"))))
    if admin and warning:
        blocks.append(context(warning))
    blocks += setup or []
    if admin:
        blocks.append(
            {
                "type": "actions",
                "block_id": "home_admin",
                "elements": [
                    button(_("Run a pulse now"), "home_poll_now", "poll_now", style="primary"),
                    {
                        "type": "channels_select",
                        "action_id": "home_digest",
                        "placeholder": {"type": "plain_text", "text": _("Post digest to…")},
                    },
                ],
            }
        )
    blocks.append(context(_("Answers are anonymous; no figure is shown for small groups. {caveat}", caveat=caveat())))
    return {"type": "home", "blocks": blocks[: LIMITS["home_blocks"]]}
