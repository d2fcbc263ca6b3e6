"""A closed pulse's results: `/gap results` and the channel digest, and the admin's small-role warning."""

from __future__ import annotations

import textwrap
from datetime import date

import i18n
from i18n import _, ngettext
from insights.stats import (
    ALIGNED,
    ALIGNED_WITHIN,
    INCONCLUSIVE,
    ROLES,
    ROSIER_FLOOR,
    ROSIER_TOP,
    PulseResults,
    RoleResult,
    StatementResult,
    whole,
)
from render import owned_actions  # it imports this module: looked up when called
from render.comments import DIGEST_COMMENTS, comment_blocks
from render.primitives import (
    caveat,
    context,
    escape,
    header,
    message,
    pct,
    points,
    role_label,
    section,
    signed,
    statement_text,
)


def role_size(role: str, n: int) -> str:
    """'executives 3', 'agents 2': a role and how many people it has."""
    if role == "exec":
        return ngettext("executives {n}", "executives {n}", n)
    return ngettext("agents {n}", "agents {n}", n)


def small_roles_text(small: dict[str, int], threshold: int) -> str:
    """An admin's warning about roles with fewer than threshold + 2 people, or ''."""
    if not small:
        return ""
    sizes = _(" and ").join(role_size(r, n) for r, n in small.items())
    return _(
        ":warning: Small roles: {sizes} people, fewer than {fewer} (the threshold of {k}, "
        "plus 2). A pulse may show nothing for such a role, and changing it by a person or two between "
        "pulses could point at someone's answers.",
        sizes=sizes,
        fewer=threshold + 2,
        k=threshold,
    )


def verdict_word(verdict: str) -> str:
    """insights.stats' verdict (stored and exported in English) in the reader's language."""
    words = {
        ROSIER_TOP: _("rosier at the top"),
        ALIGNED: _("aligned"),
        ROSIER_FLOOR: _("rosier on the floor"),
        INCONCLUSIVE: _("inconclusive"),
    }
    return words[verdict]


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
        return verdict_word(s.verdict)
    if s.needed is None:
        return _("inconclusive: the interval is too wide to tell; more answers would narrow it")
    return _(
        "inconclusive: the interval includes no gap at all; with n={n_exec} and "
        "n={n_agent}, a gap would need to be about {needed} points to show",
        n_exec=s.roles["exec"].n,
        n_agent=s.roles["agent"].n,
        needed=abs(whole(s.needed)),
    )


def clause(text: str, limit: int) -> str:
    """A statement put before a colon: escaped, shortened at a word, without its closing full stop."""
    return escape(textwrap.shorten(text, limit, placeholder="…").rstrip(".:;,"))


def statement_clause(s: StatementResult, limit: int) -> str:
    """A result's statement, in the reader's language, before a colon."""
    return clause(statement_text(s.text, s.translations), limit)


def role_line(role: str, r: RoleResult, min_n: int) -> str:
    if not r.shown:
        return ngettext("{role}: fewer than {n} answer", "{role}: fewer than {n} answers", min_n, role=role_label(role))
    return _("{role}: *{pct}* agree (n={n})", role=role_label(role), pct=pct(r.pct), n=r.n)


def study_line(s: StatementResult) -> str:
    if s.study_exec is not None and s.study_cs is not None:
        return _(
            "2008 study: executives {exec}, CS managers &amp; directors {cs}, gap {gap}",
            exec=pct(s.study_exec),
            cs=pct(s.study_cs),
            gap=points(s.study_gap),
        )
    if s.study_exec is not None:
        return _("Strativity 2004: executives {exec}", exec=pct(s.study_exec))
    return ""


def statement_result_text(i: int, s: StatementResult, min_n: int) -> str:
    lines = [
        f"*{i}. {escape(statement_text(s.text, s.translations))}*",
        role_line("exec", s.roles["exec"], min_n) + " · " + role_line("agent", s.roles["agent"], min_n),
    ]
    if s.gap is not None:
        lines.append(
            _(
                "Our gap: *{gap}* (95% CI {low} to {high}): {verdict}",
                gap=points(s.shown_gap),
                low=bound(s.ci[0]),
                high=bound(s.ci[1]),
                verdict=verdict_text(s),
            )
        )
        if s.trend is not None:
            lines.append(
                _(
                    "Since the previous pulse: {trend} ({before} before)",
                    trend=trend_word(s),
                    before=points(s.previous_gap),
                )
            )
    study = study_line(s)
    if study:
        lines.append(f"_{study}_")
    return "\n".join(lines)


def trend_word(s: StatementResult) -> str:
    if s.flipped:
        return _("flipped: now {verdict}", verdict=verdict_word(ROSIER_TOP if s.shown_gap > 0 else ROSIER_FLOOR))
    return _("narrower") if s.trend < 0 else _("wider") if s.trend > 0 else _("same")


def trend_summary(res: PulseResults) -> str:
    """The trend line of the digest and Home ('' when there is none to tell)."""
    if res.trend_hidden:
        return _("*Trend*: {why}", why=trend_hidden_text(res))
    trends = [s for s in res.statements if s.trend is not None]
    if not trends or not res.previous_id:
        return ""
    flipped = sum(1 for s in trends if s.flipped)
    narrower = sum(1 for s in trends if s.trend < 0 and not s.flipped)
    wider = sum(1 for s in trends if s.trend > 0 and not s.flipped)
    return _(
        "*Trend* since Pulse #{id}: gaps narrower on {narrower}, wider on {wider}, flipped on "
        "{flipped}, unchanged on {same}.",
        id=res.previous_id,
        narrower=narrower,
        wider=wider,
        flipped=flipped,
        same=len(trends) - narrower - wider - flipped,
    )


def trend_hidden_text(res: PulseResults) -> str:
    """Why the trend since the previous pulse is not shown (small-change differencing)."""
    changed = _(" and ").join(
        ngettext("the executives changed by {n} person", "the executives changed by {n} people", n)
        if r == "exec"
        else ngettext("the agents changed by {n} person", "the agents changed by {n} people", n)
        for r, n in res.trend_hidden.items()
    )
    return _(
        "Trend hidden: {changed} since Pulse #{id}, fewer than {k}, which could reveal individual answers.",
        changed=changed,
        id=res.previous_id,
        k=res.trend_threshold,
    )


def date_range(start: str, end: str) -> str:
    """Two ISO dates as people write them, in the reader's language: '24 Nov 2026', '2–5 Nov 2026',
    '28 Nov – 2 Dec 2026', '30 Dec 2026 – 2 Jan 2027'; '28 nov.–2 dec. 2026' in Swedish."""
    return i18n.date_range(date.fromisoformat(start[:10]), date.fromisoformat(end[:10]))


def pulse_dates(pulse: dict) -> str:
    return date_range(pulse["opened_at"], pulse.get("closed_at") or pulse["closes_at"])


def participation_text(res: PulseResults) -> str:
    return " · ".join(
        _(
            "{role}: {responded} of {asked} answered",
            role=role_label(r),
            responded=res.respondents.get(r, 0),
            asked=res.asked.get(r, 0),
        )
        for r in ROLES
    )


def results_blocks(res: PulseResults, headline: str) -> dict:
    w = res.pulse
    blocks = [
        header(_("Pulse #{id} results ({dates})", id=w["id"], dates=pulse_dates(w))),
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
    if res.compared:
        note = _(
            "Agree = Agree + Strongly agree. No figure is shown for fewer than {k} answers. "
            "A gap is claimed only when its 95% interval excludes zero; _aligned_ means the interval lies within "
            "±{within} points, _inconclusive_ that it is too wide to tell. {caveat}",
            k=res.min_n,
            within=ALIGNED_WITHIN,
            caveat=caveat(),
        )
    else:
        note = _(
            "Agree = Agree + Strongly agree. No figure is shown for fewer than {k} answers. {caveat}",
            k=res.min_n,
            caveat=caveat(),
        )
    blocks.append(context(note))
    return message(blocks, _("Pulse #{id}: {headline}", id=w["id"], headline=headline))


def digest_blocks(res: PulseResults, headline: str) -> dict:
    w = res.pulse
    blocks = [header(_("Pulsegap digest: Pulse #{id} ({dates})", id=w["id"], dates=pulse_dates(w)))]
    if not res.anything_shown:
        blocks.append(
            section(
                ngettext(
                    "Pulse #{id} had too few answers to show any figures: each role needs at least "
                    "{n} answer on a statement. {participation}.",
                    "Pulse #{id} had too few answers to show any figures: each role needs at least "
                    "{n} answers on a statement. {participation}.",
                    res.min_n,
                    id=w["id"],
                    participation=participation_text(res),
                )
            )
        )
        return message(blocks, _("Pulse #{id}: too few answers to show", id=w["id"]))
    blocks.append(section(f"*{escape(headline)}*"))
    top = res.largest_gaps(3)
    if top:
        lines = []
        for s in top:
            fields = {
                "statement": statement_clause(s, 120),
                "exec": pct(s.roles["exec"].pct),
                "agent": pct(s.roles["agent"].pct),
                "gap": points(s.shown_gap),
                "verdict": verdict_text(s),
            }
            if s.study_gap is not None:
                line = _(
                    "• {statement}: executives {exec} vs agents {agent}, *{gap}*, {verdict} (2008 study: {study})",
                    study=points(s.study_gap),
                    **fields,
                )
            else:
                line = _("• {statement}: executives {exec} vs agents {agent}, *{gap}*, {verdict}", **fields)
            lines.append(line)
        blocks.append(section(_("*Largest gaps*\n{lines}", lines="\n".join(lines))))
    blocks.append(section(_("*Participation*: {participation}", participation=participation_text(res))))
    trend = trend_summary(res)
    if trend:
        blocks.append(section(trend))
    blocks += (
        owned_actions.own_buttons(res)
        + owned_actions.actions_moved_blocks(res)
        + comment_blocks(res.comments, DIGEST_COMMENTS)
    )
    if res.compared:  # services.digests uploads the chart exactly then
        blocks.append(
            context(
                _(
                    "Chart below: executives vs agents, % agree, with the study's figures marked. {caveat}",
                    caveat=caveat(),
                )
            )
        )
    else:
        blocks.append(context(caveat()))
    return message(blocks, _("Pulse #{id}: {headline}", id=w["id"], headline=headline))
