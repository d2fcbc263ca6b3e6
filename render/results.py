"""A closed pulse's results: `/gap results` and the channel digest, and the admin's small-role warning."""
from __future__ import annotations

from insights.stats import ALIGNED_WITHIN, INCONCLUSIVE, ROLES, RoleResult, StatementResult, WaveResults, whole
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
    truncate,
)


def small_roles_text(small: dict[str, int], threshold: int) -> str:
    """An admin's warning about roles with fewer than threshold + 2 people, or ''."""
    if not small:
        return ""
    sizes = " and ".join(f"{ROLE_LABEL[r].lower()} {n}" for r, n in small.items())
    return (f":warning: Small roles: {sizes} people, fewer than {threshold + 2} (the threshold of {threshold}, "
            "plus 2). A pulse may show nothing for such a role, and changing it by a person or two between "
            "pulses could point at someone's answers.")


def pct(v: float) -> str:
    return f"{whole(v)}%"


def verdict_text(s: StatementResult) -> str:
    """The verdict, and for an inconclusive one what these numbers of answers could show."""
    if s.verdict == INCONCLUSIVE:
        return (f"inconclusive: with these numbers only a gap of about {whole(s.detectable)} points "
                "or more would show")
    return s.verdict


def clause(text: str, limit: int) -> str:
    """A statement put before a colon: escaped, shortened, without its closing full stop."""
    return escape(truncate(text.strip(), limit).rstrip(".:;,"))


def role_line(label: str, r: RoleResult, min_n: int) -> str:
    if not r.shown:
        return f"{label}: fewer than {plural(min_n, 'answer')}"
    return f"{label}: *{pct(r.pct)}* agree (n={r.n})"


def study_line(s: StatementResult) -> str:
    if s.study_exec is not None and s.study_cs is not None:
        return (f"2008 study: executives {pct(s.study_exec)}, CS managers &amp; directors "
                f"{pct(s.study_cs)}, gap {points(s.study_gap)}")
    if s.study_exec is not None:
        return f"Strativity 2004: executives {pct(s.study_exec)}"
    return ""


def statement_result_text(i: int, s: StatementResult, min_n: int) -> str:
    lines = [f"*{i}. {escape(s.text)}*",
             role_line("Executives", s.roles["exec"], min_n) + " · " + role_line("Agents", s.roles["agent"], min_n)]
    if s.gap is not None:
        lines.append(f"Our gap: *{points(s.gap)}* (95% CI {signed(s.ci[0])} to {signed(s.ci[1])}): {verdict_text(s)}")
        if s.trend is not None:
            lines.append(f"Since the previous pulse: {'narrower' if s.trend < 0 else 'wider' if s.trend > 0 else 'same'}"
                         f" ({points(s.previous_gap)} before)")
    study = study_line(s)
    if study:
        lines.append(f"_{study}_")
    return "\n".join(lines)


def trend_hidden_text(res: WaveResults) -> str:
    """Why the trend since the previous pulse is not shown (small-change differencing)."""
    changed = " and ".join(f"the {ROLE_LABEL[r].lower()} changed by {n} {'person' if n == 1 else 'people'}"
                           for r, n in res.trend_hidden.items())
    return (f"Trend hidden: {changed} since Pulse #{res.previous_id}, fewer than {res.trend_threshold}, "
            "which could reveal individual answers.")


def wave_dates(wave: dict) -> str:
    closed = wave.get("closed_at") or wave["closes_at"]
    return f"{wave['opened_at'][:10]} to {closed[:10]}"


def participation_text(res: WaveResults) -> str:
    return " · ".join(
        f"{ROLE_LABEL[r]}: {res.respondents.get(r, 0)} of {res.asked.get(r, 0)} answered" for r in ROLES
    )


def results_blocks(res: WaveResults, headline: str) -> dict:
    w = res.wave
    blocks = [header(f"Pulse #{w['id']} results ({wave_dates(w)})"), section(f"*{escape(headline)}*\n{participation_text(res)}")]
    if res.trend_hidden:
        blocks.append(context(trend_hidden_text(res)))
    for i, s in enumerate(res.statements, 1):
        blocks.append(section(statement_result_text(i, s, res.min_n), block_id=f"result:{s.statement_id}"))
    blocks.append(context(
        f"Agree = Agree + Strongly agree. No figure is shown for fewer than {res.min_n} answers. "
        "A gap is claimed only when its 95% interval excludes zero; _aligned_ means the interval lies within "
        f"±{ALIGNED_WITHIN} points, _inconclusive_ that it is too wide to tell. " + CAVEAT
    ))
    return message(blocks, f"Pulse #{w['id']}: {headline}")


def digest_blocks(res: WaveResults, headline: str, previous_id: int | None) -> dict:
    w = res.wave
    blocks = [header(f"Pulsegap digest: Pulse #{w['id']} ({wave_dates(w)})")]
    if not res.anything_shown:
        blocks.append(section(
            f"Pulse #{w['id']} had too few answers to show any figures: each role needs at least "
            f"{plural(res.min_n, 'answer')} on a statement. {participation_text(res)}."))
        return message(blocks, f"Pulse #{w['id']}: too few answers to show")
    blocks.append(section(f"*{escape(headline)}*"))
    top = res.largest_gaps(3)
    if top:
        lines = []
        for s in top:
            study = f" (2008 study: {points(s.study_gap)})" if s.study_gap is not None else ""
            lines.append(
                f"• {clause(s.text, 120)}: executives {pct(s.roles['exec'].pct)} vs agents "
                f"{pct(s.roles['agent'].pct)}, *{points(s.gap)}*, {verdict_text(s)}{study}")
        blocks.append(section("*Largest gaps*\n" + "\n".join(lines)))
    blocks.append(section(f"*Participation*: {participation_text(res)}"))
    trends = [s for s in res.statements if s.trend is not None]
    if res.trend_hidden:
        blocks.append(section(f"*Trend*: {trend_hidden_text(res)}"))
    elif trends and previous_id:
        narrower = sum(1 for s in trends if s.trend < 0)
        wider = sum(1 for s in trends if s.trend > 0)
        blocks.append(section(f"*Trend* since Pulse #{previous_id}: gaps narrower on {narrower}, wider on {wider}, "
                              f"unchanged on {len(trends) - narrower - wider}."))
    if res.compared:  # services.digests uploads the chart exactly then
        blocks.append(context("Chart below: executives vs agents, % agree, with the study's figures marked. " + CAVEAT))
    else:
        blocks.append(context(CAVEAT))
    return message(blocks, f"Pulse #{w['id']}: {headline}")
