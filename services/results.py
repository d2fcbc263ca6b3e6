"""Results of closed waves, from their frozen counts through insights.stats; each wave is judged
by its own threshold, and a trend is hidden where the roster changed too little (differencing)."""

from __future__ import annotations

from insights.stats import WaveResults, study_rosier, wave_results
from services.runtime import Runtime


def results(rt: Runtime, wave_id: int | None = None) -> WaveResults | None:
    """The latest closed wave (or wave_id, if closed), compared with the closed wave before it."""
    closed = rt.store.closed_waves()
    if wave_id is not None:
        idx = next((i for i, w in enumerate(closed) if w["id"] == wave_id), None)
    else:
        idx = len(closed) - 1 if closed else None
    if idx is None:
        return None
    wave, prev = closed[idx], (closed[idx - 1] if idx > 0 else None)
    rows = rt.store.answer_counts([w["id"] for w in (prev, wave) if w])
    bm = rt.studies
    previous = wave_results(prev, rows, bm) if prev else None
    changes = rt.store.roster_changes(prev["id"], wave["id"]) if prev else None
    return wave_results(wave, rows, bm, previous, rt.store.respondents(wave["id"]), rt.store.asked(wave["id"]), changes)


def all_results(rt: Runtime) -> list[WaveResults]:
    waves = rt.store.closed_waves()
    rows = rt.store.answer_counts([w["id"] for w in waves]) if waves else []
    return [wave_results(w, rows, rt.studies) for w in waves]


def headline(rt: Runtime, res: WaveResults) -> str:
    return res.headline(study_rosier(rt.studies))
