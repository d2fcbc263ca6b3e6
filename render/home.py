"""The App Home tab."""

from __future__ import annotations

from insights.stats import ROLES, PulseResults
from render.comments import HOME_COMMENTS, comment_blocks
from render.owned_actions import actions_moved_blocks, own_buttons
from render.primitives import (
    CAVEAT,
    LIMITS,
    ROLE_LABEL,
    button,
    context,
    divider,
    escape,
    header,
    next_run_text,
    plural,
    points,
    section,
    slack_date,
)
from render.results import clause, participation_text, pulse_dates, trend_summary


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
    blocks = [header("Pulsegap: how your top and your floor see customer service")]
    if res is None and open_pulse:
        blocks.append(
            section(
                f"No pulse has closed yet. Results appear here when Pulse #{open_pulse['id']} closes "
                f"(by itself at its end, or sooner with `{command} poll close`)."
            )
        )
    elif res is None:
        blocks.append(
            section(
                f"No pulse has closed yet. Admins start one with `{command} poll now`; "
                f"anyone can ask the 2008 study with `{command} &lt;question&gt;`."
            )
        )
    else:
        blocks.append(
            section(
                f"*Latest results: Pulse #{res.pulse['id']}* ({pulse_dates(res.pulse)})\n"
                f"{escape(headline or '')}\n{participation_text(res)}"
            )
        )
        lines = []
        for s in res.compared:
            study = f" · study {points(s.study_gap)}" if s.study_gap is not None else ""
            lines.append(f"• {clause(s.text, 90)}: *{points(s.shown_gap)}*, {s.verdict}{study}")
        rest = len(res.statements) - len(res.compared)
        if lines and rest:  # with nothing compared, the headline already says so
            lines.append(f"_Too few answers to compare the other {plural(rest, 'statement')}._")
        for chunk in range(0, len(lines), 10):
            blocks.append(section("\n".join(lines[chunk : chunk + 10])))
        trend = trend_summary(res)
        if trend:
            blocks.append(section(trend))
        blocks += followthrough_blocks(res, admin)
    blocks.append(divider())
    if open_pulse:
        parts = [f"{ROLE_LABEL[r]} {c['responded']} of {c['asked']}" for r in ROLES if (c := counts.get(r))]
        blocks.append(
            section(
                f"*Open now: Pulse #{open_pulse['id']}* until {slack_date(open_pulse['closes_at'])}. "
                f"Answered so far: {', '.join(parts) or 'nobody yet'}."
            )
        )
    nxt = f"{escape(poll_schedule[0])}, next {next_run_text(poll_schedule[1])}" if poll_schedule else "not scheduled"
    blocks.append(section(f"*Next pulse:* {nxt}"))
    dl = [f"<#{ch}>: {escape(name)}, next {next_run_text(when)}" for ch, name, when in digests]
    blocks.append(section("*Digests:* " + ("; ".join(dl) if dl else "none scheduled")))
    if admin and warning:
        blocks.append(context(warning))
    blocks += setup or []
    if admin:
        blocks.append(
            {
                "type": "actions",
                "block_id": "home_admin",
                "elements": [
                    button("Run a pulse now", "home_poll_now", "poll_now", style="primary"),
                    {
                        "type": "channels_select",
                        "action_id": "home_digest",
                        "placeholder": {"type": "plain_text", "text": "Post digest to…"},
                    },
                ],
            }
        )
    blocks.append(context("Answers are anonymous; no figure is shown for small groups. " + CAVEAT))
    return {"type": "home", "blocks": blocks[: LIMITS["home_blocks"]]}
