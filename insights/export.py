"""The aggregates as CSV: never individual answers, never a hidden percentage, never a formula."""
from __future__ import annotations

import pandas as pd

from insights.stats import ROLES

COLUMNS = ["wave", "opened", "closed", "statement", "metric", "role", "n", "pct_agree", "gap_points",
           "gap_ci_low", "gap_ci_high", "study_exec_pct", "study_cs_pct", "study_gap_points"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet could run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def aggregates_frame(all_results: list) -> pd.DataFrame:
    """One row per wave, statement and role, across every closed wave."""
    records = []
    for res in all_results:
        wave = res.wave
        for s in res.statements:
            for role in ROLES:
                r = s.roles[role]
                records.append([wave["id"], wave["opened_at"], wave.get("closed_at"), s.text, s.metric, role, r.n,
                                r.pct, s.gap, s.ci[0] if s.ci else None, s.ci[1] if s.ci else None,
                                s.study_exec, s.study_cs, s.study_gap])
    frame = pd.DataFrame(records, columns=COLUMNS)
    computed = ["pct_agree", "gap_points", "gap_ci_low", "gap_ci_high"]  # insights.stats keeps them unrounded
    frame[computed] = frame[computed].round(1)
    frame["wave"] = frame["wave"].astype("int64")
    frame["n"] = frame["n"].astype("Int64")  # empty below the threshold: no figure at all
    text = ["opened", "closed", "statement", "metric", "role"]
    frame[text] = frame[text].map(safe_cell)
    return frame


def aggregates_csv(all_results: list) -> str:
    return aggregates_frame(all_results).to_csv(index=False, lineterminator="\n")
