"""Gap statistics for a closed pulse: pure, exact, and never showing what anonymity hides.

Agree = Agree + Strongly agree (values 4 and 5), the study's convention. A percentage is shown
for a role and statement only with at least the pulse's own threshold (`min_respondents`, frozen
when it opened) of answers; a gap only when both roles reach it. A trend is hidden when a role's
roster changed by fewer people than the threshold since the previous pulse (insights.anonymity).
Each gap gets a 95% interval for the difference of two proportions (Newcombe's hybrid score
method, from Wilson intervals); a verdict claims a gap only when that interval excludes 0, calls
the roles aligned only when it lies within ±ALIGNED_WITHIN points, and otherwise inconclusive.
Figures are kept unrounded here; `whole` rounds them for display (so nothing is rounded twice),
and the gap people read (`shown_gap`) is the difference of the two whole percentages they read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from i18n import _
from insights.anonymity import differencing_risk
from insights.studies import Studies

if TYPE_CHECKING:  # it imports this module
    from insights.followthrough import ActionOutcome, Comments

Z95 = 1.959963984540054
ROLES = ("exec", "agent")
ROSIER_TOP, ALIGNED, ROSIER_FLOOR = "rosier at the top", "aligned", "rosier on the floor"
INCONCLUSIVE = "inconclusive"
ALIGNED_WITHIN = 10  # points: an interval inside [−10, +10] that contains 0 means aligned


def half_away(value: float, places: int = 0) -> float:
    """Rounded to `places` decimals, halves away from zero (62.5 -> 63, 31.25 -> 31.3), from the
    figure as Python prints it (so 31.25 is 31.25, not the binary 31.2499…)."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def whole(value: float) -> int:
    """Rounded to a whole number, halves away from zero (62.5 -> 63, -62.5 -> -63)."""
    return int(half_away(value))


@lru_cache(maxsize=4096)
def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes out of n (as proportions); kept per (k, n): a
    needed gap tries many pairs of counts, and a team's pulses repeat them."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> tuple[float, float]:
    """95% interval for p1 - p2 (Newcombe 1998, method 10), as proportions."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1, z)
    l2, u2 = wilson(k2, n2, z)
    d = p1 - p2
    return d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def change_interval(
    then: tuple[int, int, int, int], now: tuple[int, int, int, int], z: float = Z95
) -> tuple[float, tuple[float, float]]:
    """How a gap p1 - p2 moved between two independent pulses, each given as (k1, n1, k2, n2):
    (now - then, its 95% interval), as proportions. The interval combines the two gaps' Newcombe
    intervals by MOVER (Zou & Donner 2008, the method Newcombe's interval is itself built with):
    each side adds, in quadrature, the distances from each gap to the interval bound that limits
    the change on that side."""
    d_then, d_now = then[0] / then[1] - then[2] / then[3], now[0] / now[1] - now[2] / now[3]
    l_then, u_then = newcombe(*then, z)
    l_now, u_now = newcombe(*now, z)
    change = d_now - d_then
    return change, (
        change - math.sqrt((d_now - l_now) ** 2 + (u_then - d_then) ** 2),
        change + math.sqrt((u_now - d_now) ** 2 + (d_then - l_then) ** 2),
    )


def needed_gap(k1: int, n1: int, k2: int, n2: int) -> float | None:
    """Points, signed like the gap: the smallest gap these numbers of answers would show, moving
    the observed rates apart (k1 up and/or k2 down, or the reverse for a negative gap; both ways
    for none) until the interval excludes 0; None when even the widest gap would not. Always
    larger than the observed gap when its interval includes 0, since only wider pairs are tried."""
    ways = [(1, k1, n1, k2, n2), (-1, k2, n2, k1, n1)]  # newcombe(b, a) is −newcombe(a, b)
    if k1 * n2 != k2 * n1:
        ways = ways[:1] if k1 * n2 > k2 * n1 else ways[1:]
    best = None
    for sign, a, na, b, nb in ways:
        j = b  # the interval's lower end rises with i and falls with j: one pass over both
        for i in range(na, a - 1, -1):
            while j >= 0 and newcombe(i, na, j, nb)[0] <= 0:
                j -= 1
            if j < 0:
                break
            gap = 100 * (i / na - j / nb)
            if best is None or gap < abs(best):
                best = sign * gap
    return best


def verdict(ci: tuple[float, float]) -> str:
    """The verdict for a gap's 95% interval, given in points."""
    if ci[0] > 0:
        return ROSIER_TOP
    if ci[1] < 0:
        return ROSIER_FLOOR
    if ci[0] >= -ALIGNED_WITHIN and ci[1] <= ALIGNED_WITHIN:
        return ALIGNED
    return INCONCLUSIVE


@dataclass(frozen=True)
class RoleResult:
    n: int | None  # None below the threshold: no figure at all, not even the count
    agree: int
    shown: bool  # False: fewer than min_n answers

    @property
    def pct(self) -> float | None:
        return 100 * self.agree / self.n if self.shown else None


@dataclass
class StatementResult:
    statement_id: int
    text: str
    metric: str | None
    roles: dict[str, RoleResult]
    gap: float | None = None  # points, exec minus agent
    ci: tuple[float, float] | None = None  # points
    verdict: str | None = None
    study_exec: float | None = None
    study_cs: float | None = None
    study_gap: float | None = None
    previous_gap: int | None = None  # the previous pulse's gap as shown
    needed: float | None = None  # points: what an inconclusive gap would need to be (needed_gap)
    translations: dict[str, str] | None = None  # an admin's translations of its text, by language

    @property
    def shown_gap(self) -> int | None:
        """The gap as people read it: the difference of the two whole percentages shown."""
        if self.gap is None:
            return None
        return whole(self.roles["exec"].pct) - whole(self.roles["agent"].pct)

    @property
    def flipped(self) -> bool:
        """The gap changed sign since the previous pulse (the other side is now the rosier)."""
        return self.trend is not None and self.shown_gap * self.previous_gap < 0

    @property
    def trend(self) -> int | None:
        """Change in the gap's size as shown (whole points): negative = narrower."""
        if self.gap is None or self.previous_gap is None:
            return None
        return abs(self.shown_gap) - abs(self.previous_gap)


@dataclass
class PulseResults:
    pulse: dict
    min_n: int
    statements: list[StatementResult]
    respondents: dict[str, int] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)
    previous_id: int | None = None
    # {role: people who joined or left it} since the previous pulse, when that hides the trend,
    # judged against the larger threshold of the two pulses (trend_threshold)
    trend_hidden: dict[str, int] = field(default_factory=dict)
    trend_threshold: int | None = None
    # set by services.results for what users see: the pulse's comments and the owned actions
    # measured at its close (insights.followthrough)
    comments: Comments | None = None
    actions: list[ActionOutcome] = field(default_factory=list)

    @property
    def compared(self) -> list[StatementResult]:
        return [s for s in self.statements if s.gap is not None]

    @property
    def rosier_top(self) -> int:
        return sum(1 for s in self.compared if s.verdict == ROSIER_TOP)

    @property
    def rosier_floor(self) -> int:
        return sum(1 for s in self.compared if s.verdict == ROSIER_FLOOR)

    @property
    def anything_shown(self) -> bool:
        return any(r.shown for s in self.statements for r in s.roles.values())

    def largest_gaps(self, k: int = 3) -> list[StatementResult]:
        return sorted(self.compared, key=lambda s: (-abs(s.gap), s.statement_id))[:k]

    def headline(self, study_rosier: tuple[int, int]) -> str:
        if not self.compared:
            return _(
                "Too few answers to compare executives and agents: each side needs at least "
                "{k} answers on a statement.",
                k=self.min_n,
            )
        counts = {
            "top": self.rosier_top,
            "n": len(self.compared),
            "study_top": study_rosier[0],
            "study_n": study_rosier[1],
        }
        if self.rosier_top > len(self.compared) / 2:
            text = _(
                "The top sees a rosier picture on {top} of {n} statements, as in the 2008 study "
                "({study_top} of {study_n} metrics).",
                **counts,
            )
        else:
            text = _(
                "The top sees a rosier picture on only {top} of {n} statements; in the 2008 study it did "
                "on {study_top} of {study_n} metrics.",
                **counts,
            )
        if self.rosier_floor:
            text += " " + _("The floor is rosier on {n}.", n=self.rosier_floor)
        return text


def study_rosier(bm: Studies) -> tuple[int, int]:
    """(metrics where the study's executives were rosier, paired metrics)."""
    gaps = [v.gap for v in bm.views.values() if v.metric.kind == "paired" and v.gap is not None]
    return sum(1 for g in gaps if g > 0), len(gaps)


def counts_by_key(rows: list[dict]) -> dict[tuple[int, int, str], tuple[int, int]]:
    """Answer counts (pulse_id, statement_id, role, value, n) -> {(pulse, statement, role): (n, agree)}.

    Plain Python on purpose: a closed pulse's counts are frozen at close (a few dozen rows), and
    at that size pandas' per-call overhead is most of the time (bench 5)."""
    out: dict[tuple[int, int, str], list[int]] = {}
    for r in rows:
        acc = out.setdefault((r["pulse_id"], r["statement_id"], r["role"]), [0, 0])
        if r["value"] is None:  # a suppressed cell: fewer than the threshold, no figure kept
            continue
        acc[0] += r["n"]
        if r["value"] >= 4:
            acc[1] += r["n"]
    return {k: (n, a) for k, (n, a) in out.items()}


def pulse_results(
    pulse: dict,
    rows: list[dict],
    bm: Studies,
    previous: PulseResults | None = None,
    respondents: dict[str, int] | None = None,
    asked: dict[str, int] | None = None,
    roster_changes: dict[str, int] | None = None,
) -> PulseResults:
    """`roster_changes`: {role: people who joined or left it} since `previous`."""
    min_n = pulse["min_respondents"]
    by_key = {(s, r): v for (w, s, r), v in counts_by_key(rows).items() if w == pulse["id"]}
    trend_threshold = max(min_n, previous.min_n) if previous else None
    hidden = differencing_risk(roster_changes or {}, trend_threshold) if previous else {}
    prev_gaps = {s.statement_id: s.shown_gap for s in previous.statements} if previous and not hidden else {}
    out = []
    for s in pulse["statements"]:
        roles = {}
        for role in ROLES:
            n, agree = by_key.get((s["id"], role), (0, 0))
            roles[role] = RoleResult(n, agree, True) if n >= min_n else RoleResult(None, 0, False)
        result = StatementResult(
            s["id"],
            s["text"],
            s.get("metric"),
            roles,
            previous_gap=prev_gaps.get(s["id"]),
            translations=s.get("translations"),
        )
        ex, ag = roles["exec"], roles["agent"]
        if ex.shown and ag.shown:
            result.gap = ex.pct - ag.pct
            lo, hi = newcombe(ex.agree, ex.n, ag.agree, ag.n)
            result.ci = (100 * lo, 100 * hi)
            result.verdict = verdict(result.ci)
            if result.verdict == INCONCLUSIVE:
                result.needed = needed_gap(ex.agree, ex.n, ag.agree, ag.n)
        view = bm.views.get(s.get("metric") or "")
        if view:
            result.study_exec = view.single("executives")
            result.study_cs = view.single("cs_professionals")
            result.study_gap = view.gap
        out.append(result)
    return PulseResults(
        pulse,
        min_n,
        out,
        respondents or {},
        asked or {},
        previous.pulse["id"] if previous else None,
        hidden,
        trend_threshold,
    )
