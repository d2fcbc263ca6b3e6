"""The maths of owned actions: how a gap moved between two pulses, with its 95% interval, and the verdict."""

from __future__ import annotations

import pytest

from insights.followthrough import CLOSED, NARROWED, UNCHANGED, WIDENED, measure, narrowed
from insights.stats import change_interval, newcombe, pulse_results
from insights.studies import load

BM = load()


def test_the_change_interval_combines_the_two_newcombe_intervals_by_mover():
    change, (lo, hi) = change_interval((40, 50, 10, 50), (40, 50, 38, 50))
    assert change == pytest.approx(-0.56)
    assert (lo, hi) == pytest.approx((-0.7643160718993196, -0.3157656327309891), abs=1e-12)
    # by hand: each bound adds in quadrature the distances to the limiting ends of the two Newcombe intervals
    (l_then, u_then), (l_now, u_now) = newcombe(40, 50, 10, 50), newcombe(40, 50, 38, 50)
    assert lo == pytest.approx(-0.56 - ((0.04 - l_now) ** 2 + (u_then - 0.6) ** 2) ** 0.5, abs=1e-12)
    assert hi == pytest.approx(-0.56 + ((u_now - 0.04) ** 2 + (0.6 - l_then) ** 2) ** 0.5, abs=1e-12)
    # close to the Wald interval at this size: −0.56 ± 1.96 × 0.1151 = (−0.786, −0.334)
    assert lo == pytest.approx(-0.786, abs=0.03) and hi == pytest.approx(-0.334, abs=0.03)


@pytest.mark.parametrize(
    "then, now, expected",
    [
        ((6, 7, 4, 16), (5, 7, 9, 16), (-0.4553571428571428, -0.9076955324529699, 0.08478788002939841)),
        ((3, 3, 0, 6), (3, 3, 6, 6), (-1.0, -1.5614970317550454, -0.21259881299688943)),
        ((30, 50, 20, 50), (40, 50, 10, 50), (0.4, 0.14563092319809062, 0.63135452297717)),
    ],
)
def test_exact_values_and_swapping_the_pulses_mirrors_the_interval(then, now, expected):
    change, (lo, hi) = change_interval(then, now)
    assert (change, lo, hi) == pytest.approx(expected, abs=1e-12)
    back, (blo, bhi) = change_interval(now, then)
    assert (back, blo, bhi) == pytest.approx((-change, -hi, -lo), abs=1e-12)


def statement(exec_agree, exec_n, agent_agree, agent_n, pulse_id=1):
    pulse = {"id": pulse_id, "min_respondents": 3, "statements": [{"id": 1, "metric": None, "text": "We act."}]}
    rows = []
    for role, agree, n in (("exec", exec_agree, exec_n), ("agent", agent_agree, agent_n)):
        rows += [{"pulse_id": pulse_id, "statement_id": 1, "role": role, "value": 5, "n": agree}]
        rows += [{"pulse_id": pulse_id, "statement_id": 1, "role": role, "value": 1, "n": n - agree}]
    return pulse_results(pulse, [r for r in rows if r["n"]], BM).statements[0]


ACTION = {"id": 1, "statement_id": 1}


@pytest.mark.parametrize(
    "now, verdict, now_gap",
    [
        ((40, 50, 28, 50), NARROWED, 24),
        ((40, 50, 12, 50), UNCHANGED, 56),
        ((49, 50, 2, 50), WIDENED, 94),
    ],
)
def test_verdicts_of_an_owned_gap(now, verdict, now_gap):
    o = measure(ACTION, statement(40, 50, 10, 50), statement(*now, pulse_id=2))
    assert (o.verdict, o.then_gap, o.now_gap) == (verdict, 60, now_gap)


def test_closed_means_aligned_now_and_clearly_narrower():
    o = measure(ACTION, statement(240, 300, 60, 300), statement(241, 300, 240, 300, pulse_id=2))
    assert (o.verdict, o.then_gap, o.now_gap) == (CLOSED, 60, 0)
    # as narrow a change with too few answers to call the roles aligned is only narrowed
    assert measure(ACTION, statement(40, 50, 10, 50), statement(41, 50, 40, 50, pulse_id=2)).verdict == NARROWED


def test_a_gap_rosier_on_the_floor_is_measured_in_its_own_direction():
    o = measure(ACTION, statement(10, 50, 40, 50), statement(28, 50, 40, 50, pulse_id=2))
    assert o.verdict == NARROWED and o.change == pytest.approx(-36) and o.ci[1] < 0


def test_without_figures_on_either_side_nothing_is_claimed():
    o = measure(ACTION, statement(40, 50, 10, 50), statement(2, 2, 0, 0, pulse_id=2))
    assert (o.verdict, o.then_gap, o.now_gap, o.ci) == (None, 60, None, None)
    assert narrowed([o, measure(ACTION, statement(40, 50, 10, 50), statement(40, 50, 28, 50))]) == (1, 1)
