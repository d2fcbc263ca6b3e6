"""Results of closed waves, from storage's GROUP BY counts through insights.stats."""
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
    min_n, bm = rt.config.min_respondents, rt.benchmarks
    previous = wave_results(prev, rows, min_n, bm) if prev else None
    asked = {role: c["asked"] for role, c in rt.store.delivery_counts(wave["id"]).items()}
    return wave_results(wave, rows, min_n, bm, previous, rt.store.respondents(wave["id"]), asked)


def all_results(rt: Runtime) -> list[WaveResults]:
    waves = rt.store.closed_waves()
    rows = rt.store.answer_counts([w["id"] for w in waves]) if waves else []
    min_n, bm = rt.config.min_respondents, rt.benchmarks
    return [wave_results(w, rows, min_n, bm) for w in waves]


def headline(rt: Runtime, res: WaveResults) -> str:
    return res.headline(study_rosier(rt.benchmarks))
