"""The aggregates as CSV: never individual answers, never a hidden percentage, never a formula."""

from __future__ import annotations

from typing import TYPE_CHECKING

from insights.stats import ROLES, half_away

COLUMNS = [
    "wave",  # the pulse number; the name users' spreadsheets already read
    "opened",
    "closed",
    "statement",
    "metric",
    "role",
    "n",
    "pct_agree",
    "gap_points",
    "gap_ci_low",
    "gap_ci_high",
    "study_exec_pct",
    "study_cs_pct",
    "study_gap_points",
]
if TYPE_CHECKING:
    import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet could run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def tenth(value: float | None) -> float | None:
    """One decimal, halves away from zero (31.25 -> 31.3, -0.25 -> -0.3)."""
    return None if value is None else half_away(value, 1)


def gap_row(s) -> list:
    """The gap cells: the gap as the difference of the two rounded percentages in
    the rows above it, and its interval rounded like them."""
    if s.gap is None:
        return [None, None, None]
    gap = tenth(tenth(s.roles["exec"].pct) - tenth(s.roles["agent"].pct))
    return [gap, tenth(s.ci[0]), tenth(s.ci[1])]


def aggregates_frame(all_results: list) -> pd.DataFrame:
    """One row per pulse, statement and role, across every closed pulse."""
    import pandas as pd  # ~0.5 s: loaded by the first export, not at every start-up

    records = []
    for res in all_results:
        pulse = res.pulse
        for s in res.statements:
            for role in ROLES:
                r = s.roles[role]
                records.append(
                    [
                        pulse["id"],
                        pulse["opened_at"],
                        pulse.get("closed_at"),
                        s.text,
                        s.metric,
                        role,
                        r.n,
                        tenth(r.pct),
                        *gap_row(s),
                        s.study_exec,
                        s.study_cs,
                        s.study_gap,
                    ]
                )
    frame = pd.DataFrame(records, columns=COLUMNS)
    frame["wave"] = frame["wave"].astype("int64")
    frame["n"] = frame["n"].astype("Int64")  # empty below the threshold: no figure at all
    text = ["opened", "closed", "statement", "metric", "role"]
    frame[text] = frame[text].map(safe_cell)
    return frame


def aggregates_csv(all_results: list) -> str:
    return aggregates_frame(all_results).to_csv(index=False, lineterminator="\n")


def comments_csv(rows: list[tuple[int, str, str]]) -> str:
    """The shown comments (pulse, role, text) as CSV, formula-safe; `wave` as in the aggregates."""
    import pandas as pd  # as above: loaded by the first export

    records = [[pulse, role, safe_cell(text)] for pulse, role, text in rows]
    return pd.DataFrame(records, columns=["wave", "role", "comment"]).to_csv(index=False, lineterminator="\n")
