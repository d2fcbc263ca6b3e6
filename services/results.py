"""Results of closed pulses, from their frozen counts through insights.stats; each pulse is judged
by its own threshold, and a trend is hidden where the roster changed too little (differencing)."""

from __future__ import annotations

from insights.stats import PulseResults, pulse_results, study_rosier
from render.owned_actions import owned_headline
from services import comments, owned_actions
from services.runtime import Runtime


def results(rt: Runtime, pulse_id: int | None = None) -> PulseResults | None:
    """The latest closed pulse (or pulse_id, if closed), compared with the closed pulse before it."""
    closed = rt.store.closed_pulses()
    if pulse_id is not None:
        idx = next((i for i, w in enumerate(closed) if w["id"] == pulse_id), None)
    else:
        idx = len(closed) - 1 if closed else None
    if idx is None:
        return None
    pulse, prev = closed[idx], (closed[idx - 1] if idx > 0 else None)
    rows = rt.store.answer_counts([w["id"] for w in (prev, pulse) if w])
    bm = rt.studies
    previous = pulse_results(prev, rows, bm) if prev else None
    changes = rt.store.roster_changes(prev["id"], pulse["id"]) if prev else None
    res = pulse_results(
        pulse, rows, bm, previous, rt.store.respondents(pulse["id"]), rt.store.asked(pulse["id"]), changes
    )
    res.comments = comments.of(rt, pulse)
    res.actions = owned_actions.outcomes(rt, previous, res)
    return res


def all_results(rt: Runtime) -> list[PulseResults]:
    pulses = rt.store.closed_pulses()
    rows = rt.store.answer_counts([w["id"] for w in pulses]) if pulses else []
    return [pulse_results(w, rows, rt.studies) for w in pulses]


def headline(rt: Runtime, res: PulseResults) -> str:
    owned = owned_headline(res)
    return res.headline(study_rosier(rt.studies)) + (f" {owned}" if owned else "")
