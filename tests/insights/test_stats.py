"""Exact values of the statistics, the threshold and one-sided suppression."""

from __future__ import annotations

import pytest

from insights.stats import (
    ALIGNED,
    INCONCLUSIVE,
    ROSIER_FLOOR,
    ROSIER_TOP,
    RoleResult,
    needed_gap,
    newcombe,
    pulse_results,
    study_rosier,
    verdict,
    whole,
    wilson,
)
from insights.studies import load


def test_wilson_interval_exact():
    lo, hi = wilson(8, 10)
    assert (round(lo, 4), round(hi, 4)) == (0.4902, 0.9433)
    assert wilson(0, 0) == (0.0, 1.0)


def test_newcombe_matches_the_published_worked_example():
    # Newcombe (1998), Table II example (56/70 vs 48/80): difference 0.2, interval 0.0524 to 0.3339
    lo, hi = newcombe(56, 70, 48, 80)
    assert (round(lo, 4), round(hi, 4)) == (0.0524, 0.3339)


def votes(pulse_id, statement_id, role, values):
    """Answer-count rows as storage.answer_counts returns them."""
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return [
        {"pulse_id": pulse_id, "statement_id": statement_id, "role": role, "value": v, "n": n}
        for v, n in sorted(counts.items())
    ]


PULSE = {
    "id": 2,
    "min_respondents": 5,
    "statements": [
        {"id": 1, "metric": "feedback_to_sales", "text": "We act on feedback."},
        {"id": 2, "metric": "asa_critical", "text": "Speed to answer is critical."},
        {"id": 3, "metric": None, "text": "Our own question."},
    ],
}


def test_results_threshold_gap_and_verdicts():
    rows = (
        votes(2, 1, "exec", [5, 5, 4, 4, 4, 4, 4, 4, 4, 4])
        + votes(2, 1, "agent", [1, 2, 2, 2, 3, 3, 4, 4, 2, 1])
        + votes(2, 2, "exec", [4, 4, 3, 2, 2])
        + votes(2, 2, "agent", [4, 5, 2, 3, 4, 1])
        + votes(2, 3, "exec", [5, 5, 5, 5, 5])
        + votes(2, 3, "agent", [1, 1, 1, 1])
    )
    res = pulse_results(PULSE, rows, load())
    s1, s2, s3 = res.statements
    assert (s1.roles["exec"].pct, s1.roles["agent"].pct, s1.gap) == (100.0, 20.0, 80.0)
    assert (
        tuple(round(v, 4) for v in s1.ci) == (38.4039, 94.3318) and s1.verdict == ROSIER_TOP
    )  # 80 − 41.5961, 80 + 14.3318
    assert (s1.study_exec, s1.study_cs, s1.study_gap) == (78.0, 62.0, 16.0)
    assert (s2.roles["exec"].pct, s2.roles["agent"].pct, round(s2.gap, 9), s2.verdict) == (
        40.0,
        50.0,
        -10.0,
        INCONCLUSIVE,
    )
    # 2 of 5 vs 3 of 6; the nearest wider pair whose interval excludes 0: 2 of 5 vs 6 of 6 (−60)
    assert tuple(round(v, 4) for v in s2.ci) == (-52.1096, 38.3682) and s2.needed == -60.0
    assert s2.study_gap == -15.0
    # one-sided suppression: executives shown, agents (4 answers) hidden, not even their count, so no gap
    assert (s3.roles["exec"].pct, s3.roles["agent"].pct, s3.roles["agent"].n, s3.gap) == (100.0, None, None, None)
    assert [s.statement_id for s in res.compared] == [1, 2]
    assert res.headline(study_rosier(load())) == (
        "The top sees a rosier picture on only 1 of 2 statements; in the 2008 study it did on 5 of 7 metrics."
    )


def test_floor_rosier_and_trend():
    prev = pulse_results({**PULSE, "id": 1}, votes(1, 1, "exec", [4] * 5) + votes(1, 1, "agent", [2] * 5), load())
    assert prev.statements[0].gap == 100.0
    rows = votes(2, 1, "exec", [1] * 6) + votes(2, 1, "agent", [5] * 6)
    res = pulse_results(PULSE, rows, load(), previous=prev)
    s1 = res.statements[0]
    assert (s1.gap, s1.verdict, s1.previous_gap, s1.trend) == (-100.0, ROSIER_FLOOR, 100.0, 0)
    assert res.rosier_floor == 1
    assert "The floor is rosier on 1." in res.headline((5, 7))


def test_nothing_comparable_says_so():
    res = pulse_results(PULSE, votes(2, 1, "exec", [5, 5]), load())
    assert not res.anything_shown and res.compared == []
    assert res.headline((5, 7)).startswith("Too few answers to compare")


@pytest.mark.parametrize("n", [1, 4])
def test_below_threshold_never_reveals_a_percentage(n):
    res = pulse_results(PULSE, votes(2, 1, "exec", [5] * n) + votes(2, 1, "agent", [1] * n), load())
    assert res.statements[0].roles["exec"].pct is None and res.statements[0].gap is None


def test_a_wide_interval_across_zero_is_inconclusive_not_aligned():
    # the reported case: +60 points from 4 of 5 executives vs 1 of 5 agents
    res = pulse_results(PULSE, votes(2, 1, "exec", [4, 4, 4, 5, 2]) + votes(2, 1, "agent", [4, 1, 2, 3, 3]), load())
    s = res.statements[0]
    assert round(s.gap, 9) == 60.0
    assert tuple(round(v, 4) for v in s.ci) == (-0.0285, 83.1614)
    # half the interval's width (41.6) was shown before: less than the gap itself. Widening instead:
    # 5 of 5 vs 1 of 5 (+80) is the nearest pair whose interval excludes 0
    assert s.verdict == INCONCLUSIVE and s.needed == 80.0


def test_a_narrow_interval_across_zero_is_aligned():
    rows = votes(2, 1, "exec", [4] * 200 + [2] * 200) + votes(2, 1, "agent", [5] * 200 + [1] * 200)
    s = pulse_results(PULSE, rows, load()).statements[0]
    assert s.gap == 0.0 and tuple(round(v, 4) for v in s.ci) == (-6.8965, 6.8965) and s.verdict == ALIGNED


@pytest.mark.parametrize(
    ("ci", "expected"),
    [
        ((-10.0, 10.0), ALIGNED),
        ((-3.0, 0.0), ALIGNED),
        ((-10.01, 5.0), INCONCLUSIVE),
        ((-5.0, 10.01), INCONCLUSIVE),
        ((0.01, 30.0), ROSIER_TOP),
        ((-30.0, -0.01), ROSIER_FLOOR),
        ((0.0, 30.0), INCONCLUSIVE),
    ],
)
def test_verdict_boundaries(ci, expected):
    assert verdict(ci) == expected


def test_whole_rounds_halves_away_from_zero():
    assert [whole(v) for v in (62.5, -62.5, 0.5, 2.4999, -0.4, 33.333, 66.667)] == [63, -63, 1, 2, 0, 33, 67]


def test_trend_compares_the_gaps_as_shown():
    # 100 − 0 = 100 before; now 6 of 6 vs 1 of 6 = 83.3: narrower by 17 whole points
    prev = pulse_results({**PULSE, "id": 1}, votes(1, 1, "exec", [4] * 5) + votes(1, 1, "agent", [2] * 5), load())
    rows = votes(2, 1, "exec", [4] * 6) + votes(2, 1, "agent", [4] + [2] * 5)
    assert pulse_results(PULSE, rows, load(), previous=prev).statements[0].trend == -17


def test_each_pulse_uses_its_own_threshold_and_suppressed_cells_hold_nothing():
    rows = votes(2, 1, "exec", [5, 5, 5]) + votes(2, 1, "agent", [1, 1, 1])
    assert pulse_results({**PULSE, "min_respondents": 3}, rows, load()).statements[0].gap == 100.0
    assert pulse_results(PULSE, rows, load()).statements[0].gap is None  # the same counts under 5
    suppressed = [{"pulse_id": 2, "statement_id": 1, "role": "exec", "value": None, "n": None}]
    res = pulse_results(PULSE, suppressed + votes(2, 1, "agent", [4] * 5), load())
    assert res.statements[0].roles["exec"] == RoleResult(None, 0, False)
    assert res.statements[0].roles["agent"].pct == 100.0 and res.min_n == 5


def test_a_small_roster_change_hides_every_trend_and_says_which_role():
    prev = pulse_results({**PULSE, "id": 1}, votes(1, 1, "exec", [4] * 5) + votes(1, 1, "agent", [2] * 5), load())
    rows = votes(2, 1, "exec", [1] * 6) + votes(2, 1, "agent", [5] * 6)
    hidden = pulse_results(PULSE, rows, load(), previous=prev, roster_changes={"agent": 2, "exec": 0})
    assert (hidden.trend_hidden, hidden.trend_threshold, hidden.previous_id) == ({"agent": 2}, 5, 1)
    assert [s.trend for s in hidden.statements] == [None, None, None]
    assert hidden.statements[0].gap == -100.0  # the pulse's own figures stay
    for changes in ({"agent": 5}, {"agent": 0}, {}):  # k or more, or no change: the trend shows
        shown = pulse_results(PULSE, rows, load(), previous=prev, roster_changes=changes)
        assert shown.trend_hidden == {} and shown.statements[0].trend == 0.0
    stricter = pulse_results({**PULSE, "id": 1, "min_respondents": 7}, [], load())
    assert pulse_results(PULSE, rows, load(), previous=stricter, roster_changes={"exec": 6}).trend_hidden == {"exec": 6}


def test_an_inconclusive_gap_always_needs_more_than_it_shows():
    # every achievable pair of counts for 3 to 20 answers a side: whenever the verdict is
    # inconclusive, the gap it says would show is larger than the gap shown (both as whole points)
    checked = 0
    for n1 in range(3, 21):
        for n2 in range(3, 21):
            for k1 in range(n1 + 1):
                for k2 in range(n2 + 1):
                    lo, hi = newcombe(k1, n1, k2, n2)
                    if verdict((100 * lo, 100 * hi)) != INCONCLUSIVE:
                        continue
                    needed, shown = needed_gap(k1, n1, k2, n2), whole(100 * k1 / n1) - whole(100 * k2 / n2)
                    assert needed is not None and abs(whole(needed)) > abs(shown), (k1, n1, k2, n2)
                    assert (needed > 0) == (shown > 0) or shown == 0, (k1, n1, k2, n2)
                    checked += 1
    assert checked == 27961
    # the sandbox's case: 6 of 7 vs 7 of 16, +42 (95% CI −2 to +66) said "about 34 points"; 6 of 7 vs 6 of 16 would show
    assert needed_gap(6, 7, 7, 16) == 100 * (6 / 7 - 6 / 16)
    assert needed_gap(1, 1, 0, 1) is None  # one answer a side: no gap could ever show


def test_the_gap_shown_is_the_difference_of_the_percentages_shown():
    # 6 of 7 executives (85.71 -> 86%) vs 5 of 16 agents (31.25 -> 31%): 54.46 unrounded, 55 shown
    rows = votes(2, 1, "exec", [4] * 6 + [1]) + votes(2, 1, "agent", [4] * 5 + [1] * 11)
    s = pulse_results(PULSE, rows, load()).statements[0]
    assert (round(s.gap, 2), whole(s.gap), s.shown_gap) == (54.46, 54, 55)


def test_a_gap_that_changed_sign_is_flipped_not_wider():
    # before: 1 of 5 vs 4 of 5 = −60; now 5 of 5 vs 1 of 5 = +80: the other side is rosier now
    prev = pulse_results(
        {**PULSE, "id": 1}, votes(1, 1, "exec", [4] + [2] * 4) + votes(1, 1, "agent", [4] * 4 + [2]), load()
    )
    rows = votes(2, 1, "exec", [4] * 5) + votes(2, 1, "agent", [4] + [2] * 4)
    s = pulse_results(PULSE, rows, load(), previous=prev).statements[0]
    assert (s.previous_gap, s.shown_gap, s.trend, s.flipped) == (-60, 80, 20, True)
    same_side = pulse_results(
        PULSE, rows, load(), previous=pulse_results({**PULSE, "id": 1}, [{**r, "pulse_id": 1} for r in rows], load())
    ).statements[0]
    assert (same_side.trend, same_side.flipped) == (0, False)


def test_the_export_rounds_halves_away_from_zero_and_its_gap_adds_up():
    from insights.export import aggregates_csv

    # 6 of 7 executives (85.714…) and 5 of 16 agents (31.25): pandas' round gave 31.2 (half to even)
    pulse = {**PULSE, "opened_at": "2026-11-02", "closed_at": "2026-11-05", "statements": PULSE["statements"][:1]}
    rows = votes(2, 1, "exec", [4] * 6 + [1]) + votes(2, 1, "agent", [4] * 5 + [1] * 11)
    lines = aggregates_csv([pulse_results(pulse, rows, load())]).splitlines()
    # the gap is 85.7 − 31.3 = 54.4 (unrounded 54.46 would read 54.5); the interval stays computed exactly
    assert lines[1:] == [
        "2,2026-11-02,2026-11-05,We act on feedback.,feedback_to_sales,exec,7,85.7,54.4,10.2,75.2,78.0,62.0,16.0",
        "2,2026-11-02,2026-11-05,We act on feedback.,feedback_to_sales,agent,16,31.3,54.4,10.2,75.2,78.0,62.0,16.0",
    ]
