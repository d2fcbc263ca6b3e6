"""What the pulse asks: statements, each linked to the study's metric it echoes, if any."""

from __future__ import annotations

from i18n import _
from insights.studies import Studies
from services.runtime import Runtime

# A statement is compared with a study figure only when it asks the same question: one shared
# keyword ("customer feedback" in "Our agents feel heard when they escalate customer feedback",
# 5 points) is not enough; every default statement scores 6 or more.
MIN_LINK_SCORE = 6
MAX_STATEMENTS = 20
MAX_STATEMENT_CHARS = 300


def too_long(text: str) -> str | None:
    """Why a statement (or its translation) is too long, or None."""
    if len(text) > MAX_STATEMENT_CHARS:
        return _("Keep a statement under {limit} characters (yours has {n}).", limit=MAX_STATEMENT_CHARS, n=len(text))
    return None


def problem(text: str, count: int) -> str | None:
    """Why `text` cannot be added to `count` statements (the command and the setup modal), or None."""
    long = too_long(text)
    if long or count < MAX_STATEMENTS:
        return long
    return _("A pulse asks at most {limit} statements; remove one first.", limit=MAX_STATEMENTS)


def metric_for(bm: Studies, text: str) -> str | None:
    """The id of the study metric a statement asks about (one a team can be compared with), or None."""
    best = bm.search(text).best
    return best.metric.id if best and best.metric.statement and best.score >= MIN_LINK_SCORE else None


def add(rt: Runtime, text: str) -> str | None:
    """Store a statement; the id of the study metric it was linked to, or None."""
    metric = metric_for(rt.studies, text)
    rt.store.add_statement(text, metric)
    return metric
