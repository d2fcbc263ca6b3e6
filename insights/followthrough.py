"""What follows a pulse: its anonymous comments, and the owned actions measured at the next close.

Pure. Comments arrive here already frozen by storage (a role's comments are kept only when it gave
at least the pulse's `min_comments`; otherwise only their number). An owned action is measured by
how its statement's gap moved from the pulse it was owned on to the next closed pulse
(`stats.change_interval`), in the direction of the gap owned: negative is narrower.
"""

from __future__ import annotations

from dataclasses import dataclass

from insights.stats import ALIGNED, ROLES, StatementResult, change_interval, verdict

CLOSED, NARROWED, UNCHANGED, WIDENED = "closed", "narrowed", "unchanged", "widened"


@dataclass(frozen=True)
class RoleComments:
    shown: tuple[tuple[str, str], ...]  # (id, text), in the stored (random) order
    withheld: int  # given, but fewer than the threshold: deleted at close
    hidden: int  # hidden by an admin


@dataclass(frozen=True)
class Comments:
    pulse_id: int
    question: str | None  # None: the default question
    threshold: int
    roles: dict[str, RoleComments]

    @property
    def any(self) -> bool:
        return any(r.shown or r.withheld or r.hidden for r in self.roles.values())


def comments_of(pulse_id: int, rows: list[dict], withheld: dict[str, int], threshold: int, question) -> Comments:
    """rows: storage's kept comments (id, role, text, hidden)."""
    roles = {
        role: RoleComments(
            tuple((r["id"], r["text"]) for r in rows if r["role"] == role and not r["hidden"]),
            withheld.get(role, 0),
            sum(1 for r in rows if r["role"] == role and r["hidden"]),
        )
        for role in ROLES
    }
    return Comments(pulse_id, question, threshold, roles)


@dataclass(frozen=True)
class ActionOutcome:
    action: dict  # storage's owned_actions row
    then_gap: int | None  # the gap as shown then and now (whole points); None: no figure
    now_gap: int | None
    change: float | None = None  # points, in the direction of the gap owned: negative = narrower
    ci: tuple[float, float] | None = None
    verdict: str | None = None  # CLOSED, NARROWED, UNCHANGED, WIDENED; None: not measurable


def _counts(s: StatementResult | None) -> tuple[int, int, int, int] | None:
    if s is None or s.gap is None:
        return None
    ex, ag = s.roles["exec"], s.roles["agent"]
    return ex.agree, ex.n, ag.agree, ag.n


def measure(action: dict, then: StatementResult | None, now: StatementResult | None) -> ActionOutcome:
    """The owned gap then (the pulse it was owned on) and now (the next closed pulse)."""
    before, after = _counts(then), _counts(now)
    then_gap, now_gap = (s.shown_gap if s and s.gap is not None else None for s in (then, now))
    if before is None or after is None:
        return ActionOutcome(action, then_gap, now_gap)
    change, (lo, hi) = change_interval(before, after)
    sign = 1 if then.gap >= 0 else -1  # an owned gap is measured in its own direction
    change, (lo, hi) = sign * 100 * change, sorted((sign * 100 * lo, sign * 100 * hi))
    if hi < 0:
        outcome = CLOSED if verdict(now.ci) == ALIGNED else NARROWED
    elif lo > 0:
        outcome = WIDENED
    else:
        outcome = UNCHANGED
    return ActionOutcome(action, then_gap, now_gap, change, (lo, hi), outcome)


def narrowed(outcomes: list[ActionOutcome]) -> tuple[int, int]:
    """(owned gaps closed or narrowed, owned gaps measured)."""
    measured = [o for o in outcomes if o.verdict]
    return sum(1 for o in measured if o.verdict in (CLOSED, NARROWED)), len(measured)
