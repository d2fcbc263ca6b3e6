"""What the pulse asks: statements, each linked to the study's metric it echoes, if any."""
from __future__ import annotations

from insights.benchmarks import Benchmarks
from services.runtime import Runtime

MIN_LINK_SCORE = 3  # a weaker match is not the same question


def metric_for(bm: Benchmarks, text: str) -> str | None:
    """The id of the study metric a statement asks about (one a team can be compared with), or None."""
    best = bm.search(text).best
    return best.metric.id if best and best.metric.statement and best.score >= MIN_LINK_SCORE else None


def add(rt: Runtime, text: str) -> None:
    rt.store.add_statement(text, metric_for(rt.benchmarks, text))
