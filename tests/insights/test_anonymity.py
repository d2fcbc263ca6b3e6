"""The anonymity rules on head counts: differencing between pulses, small roles."""

from __future__ import annotations

import pytest

from insights.anonymity import differencing_risk, small_roles


@pytest.mark.parametrize(
    ("changes", "threshold", "risky"),
    [
        ({"agent": 2, "exec": 0}, 5, {"agent": 2}),
        ({"agent": 1, "exec": 4}, 5, {"agent": 1, "exec": 4}),
        ({"agent": 5, "exec": 9}, 5, {}),  # k or more people changed: no single answer stands out
        ({}, 5, {}),
        ({"exec": 2}, 3, {"exec": 2}),
        ({"exec": 3}, 3, {}),
    ],
)
def test_differencing_risk(changes, threshold, risky):
    assert differencing_risk(changes, threshold) == risky


@pytest.mark.parametrize(
    ("counts", "threshold", "small"),
    [
        ({"exec": 3, "agent": 7}, 5, {"exec": 3}),
        ({"exec": 7, "agent": 6}, 5, {"agent": 6}),
        ({"exec": 7, "agent": 8}, 5, {}),
        ({"exec": 0, "agent": 4}, 3, {"agent": 4}),  # nobody in a role is not a small role
        ({"exec": 5, "agent": 4}, 3, {"agent": 4}),
    ],
)
def test_small_roles_are_below_threshold_plus_two(counts, threshold, small):
    assert small_roles(counts, threshold) == small
