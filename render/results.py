"""A closed pulse's results: `/gap results` and the channel digest, and the admin's small-role warning."""

from __future__ import annotations

import textwrap
from datetime import datetime

from insights.stats import ALIGNED_WITHIN, INCONCLUSIVE, ROLES, PulseResults, RoleResult, StatementResult, whole
from render import owned_actions  # it imports this module: looked up when called
from render.comments import DIGEST_COMMENTS, comment_blocks
from render.primitives import (
    CAVEAT,
    ROLE_LABEL,
    context,
    escape,
    header,
    message,
    plural,
    points,
    section,
    signed,
)


def small_roles_text(small: dict[str, int], threshold: int) -> str:
    """An admin's warning about roles with fewer than threshold + 2 people, or ''."""
    if not small:
        return ""
    sizes = " and ".join(f"{ROLE_LABEL[r].lower()} {n}" for r, n in small.items())
    return (
        f":warning: Small roles: {sizes} people, fewer than {threshold + 2} (the threshold of {threshold}, "
        "plus 2). A pulse may show nothing for such a role, and changing it by a person or two between "
        "pulses could point at someone's answers."
    )


def pct(v: float) -> str:
    return f"{whole(v)}%"


def bound(v: float) -> str:
    """An interval bound, its sign always visible: whole ('+83', '−78'), but one that would round
    to 0 keeps a decimal ('+0.3', '−0.2'; '−0.03' closer still), so '0 to +71' never hides which
    side of zero it is on."""
    if whole(v) != 0 or v == 0:
        return signed(v)
    return f"{'+' if v > 0 else '−'}{abs(v):.1f}" if abs(v) >= 0.05 else f"{'+' if v > 0 else '−'}{abs(v):.1g}"


def verdict_text(s: StatementResult) -> str:
    """The verdict, and for an inconclusive one what these numbers of answers could show."""
    if s.verdict != INCONCLUSIVE:
        return s.verdict
    if s.needed is None:
        return "inconclusive: the interval is too wide to tell; more answers would narrow it"
    return (
        f"inconclusive: the interval includes no gap at all; with n={s.roles['exec'].n} and "
        f"n={s.roles['agent'].n}, a gap would need to be about {abs(whole(s.needed))} points to show"
    )


def clause(text: str, limit: int) -> str:
    """A statement put before a colon: escaped, shortened at a word, without its closing full stop."""
    return escape(textwrap.shorten(text, limit, placeholder="…").rstrip(".:;,"))


def role_line(label: str, r: RoleResult, min_n: int) -> str:
    if not r.shown:
        return f"{label}: fewer than {plural(min_n, 'answer')}"
    return f"{label}: *{pct(r.pct)}* agree (n={r.n})"


def study_line(s: StatementResult) -> str:
    if s.study_exec is not None and s.study_cs is not None:
        return (
            f"2008 study: executives {pct(s.study_exec)}, CS managers &amp; directors "
            f"{pct(s.study_cs)}, gap {points(s.study_gap)}"
        )
    if s.study_exec is not None:
        return f"Strativity 2004: executives {pct(s.study_exec)}"
    return ""


def statement_result_text(i: int, s: StatementResult, min_n: int) -> str:
    lines = [
        f"*{i}. {escape(s.text)}*",
        role_line("Executives", s.roles["exec"], min_n) + " · " + role_line("Agents", s.roles["agent"], min_n),
    ]
    if s.gap is not None:
        lines.append(
            f"Our gap: *{points(s.shown_gap)}* (95% CI {bound(s.ci[0])} to {bound(s.ci[1])}): {verdict_text(s)}"
        )
        if s.trend is not None:
            lines.append(f"Since the previous pulse: {trend_word(s)} ({points(s.previous_gap)} before)")
    study = study_line(s)
    if study:
        lines.append(f"_{study}_")
    return "\n".join(lines)


def trend_word(s: StatementResult) -> str:
    if s.flipped:
        return f"flipped: now {'rosier at the top' if s.shown_gap > 0 else 'rosier on the floor'}"
    return "narrower" if s.trend < 0 else "wider" if s.trend > 0 else "same"


def trend_summary(res: PulseResults) -> str:
    """The trend line of the digest and Home ('' when there is none to tell)."""
    if res.trend_hidden:
        return f"*Trend*: {trend_hidden_text(res)}"
    trends = [s for s in res.statements if s.trend is not None]
    if not trends or not res.previous_id:
        return ""
    flipped = sum(1 for s in trends if s.flipped)
    narrower = sum(1 for s in trends if s.trend < 0 and not s.flipped)
    wider = sum(1 for s in trends if s.trend > 0 and not s.flipped)
    return (
        f"*Trend* since Pulse #{res.previous_id}: gaps narrower on {narrower}, wider on {wider}, flipped on "
        f"{flipped}, unchanged on {len(trends) - narrower - wider - flipped}."
    )


def trend_hidden_text(res: PulseResults) -> str:
    """Why the trend since the previous pulse is not shown (small-change differencing)."""
    changed = " and ".join(
        f"the {ROLE_LABEL[r].lower()} changed by {n} {'person' if n == 1 else 'people'}"
        for r, n in res.trend_hidden.items()
    )
    return (
        f"Trend hidden: {changed} since Pulse #{res.previous_id}, fewer than {res.trend_threshold}, "
        "which could reveal individual answers."
    )


def date_range(start: str, end: str) -> str:
    """Two ISO dates as people write them: '24 Nov 2026', '2–5 Nov 2026', '28 Nov – 2 Dec 2026',
    '30 Dec 2026 – 2 Jan 2027'."""
    a, b = datetime.fromisoformat(start[:10]), datetime.fromisoformat(end[:10])
    if a == b:
        return f"{a.day} {a:%b %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    first = f"{a.day} {a:%b}" if a.year == b.year else f"{a.day} {a:%b %Y}"
    return f"{first} – {b.day} {b:%b %Y}"


def pulse_dates(pulse: dict) -> str:
    return date_range(pulse["opened_at"], pulse.get("closed_at") or pulse["closes_at"])


def participation_text(res: PulseResults) -> str:
    return " · ".join(f"{ROLE_LABEL[r]}: {res.respondents.get(r, 0)} of {res.asked.get(r, 0)} answered" for r in ROLES)


def results_blocks(res: PulseResults, headline: str) -> dict:
    w = res.pulse
    blocks = [
        header(f"Pulse #{w['id']} results ({pulse_dates(w)})"),
        section(f"*{escape(headline)}*\n{participation_text(res)}"),
    ]
    if res.trend_hidden:
        blocks.append(context(trend_hidden_text(res)))
    for i, s in enumerate(res.statements, 1):
        blocks.append(section(statement_result_text(i, s, res.min_n), block_id=f"result:{s.statement_id}"))
    blocks += (
        owned_actions.own_buttons(res)
        + owned_actions.actions_moved_blocks(res)
        + comment_blocks(res.comments, ids=True)
    )
    gaps = (
        (
            "A gap is claimed only when its 95% interval excludes zero; _aligned_ means the interval lies within "
            f"±{ALIGNED_WITHIN} points, _inconclusive_ that it is too wide to tell. "
        )
        if res.compared
        else ""
    )
    blocks.append(
        context(
            f"Agree = Agree + Strongly agree. No figure is shown for fewer than {res.min_n} answers. " + gaps + CAVEAT
        )
    )
    return message(blocks, f"Pulse #{w['id']}: {headline}")


def digest_blocks(res: PulseResults, headline: str) -> dict:
    w = res.pulse
    blocks = [header(f"Pulsegap digest: Pulse #{w['id']} ({pulse_dates(w)})")]
    if not res.anything_shown:
        blocks.append(
            section(
                f"Pulse #{w['id']} had too few answers to show any figures: each role needs at least "
                f"{plural(res.min_n, 'answer')} on a statement. {participation_text(res)}."
            )
        )
        return message(blocks, f"Pulse #{w['id']}: too few answers to show")
    blocks.append(section(f"*{escape(headline)}*"))
    top = res.largest_gaps(3)
    if top:
        lines = []
        for s in top:
            study = f" (2008 study: {points(s.study_gap)})" if s.study_gap is not None else ""
            lines.append(
                f"• {clause(s.text, 120)}: executives {pct(s.roles['exec'].pct)} vs agents "
                f"{pct(s.roles['agent'].pct)}, *{points(s.shown_gap)}*, {verdict_text(s)}{study}"
            )
        blocks.append(section("*Largest gaps*\n" + "\n".join(lines)))
    blocks.append(section(f"*Participation*: {participation_text(res)}"))
    trend = trend_summary(res)
    if trend:
        blocks.append(section(trend))
    blocks += (
        owned_actions.own_buttons(res)
        + owned_actions.actions_moved_blocks(res)
        + comment_blocks(res.comments, DIGEST_COMMENTS)
    )
    if res.compared:  # services.digests uploads the chart exactly then
        blocks.append(context("Chart below: executives vs agents, % agree, with the study's figures marked. " + CAVEAT))
    else:
        blocks.append(context(CAVEAT))
    return message(blocks, f"Pulse #{w['id']}: {headline}")
