"""Anonymity rules on head counts: pure, so they can be tested on their own.

Differencing: if a role's roster (who was asked) changes by a few people between two pulses,
comparing the two pulses' figures for that role isolates those few people's answers. Small
roles: a role only a little above the threshold is one or two absences away from showing
nothing, and small enough that a change of one person between pulses stands out.
"""

from __future__ import annotations

SMALL_ROLE_MARGIN = 2  # warn below threshold + this many people


def differencing_risk(changes: dict[str, int], threshold: int) -> dict[str, int]:
    """Roles whose roster changed by 1 to threshold − 1 people between two pulses (changes:
    {role: people who joined or left it}): comparing those pulses could reveal their answers."""
    return {role: n for role, n in sorted(changes.items()) if 0 < n < threshold}


def small_roles(counts: dict[str, int], threshold: int) -> dict[str, int]:
    """Roles with people in them but fewer than threshold + SMALL_ROLE_MARGIN."""
    return {role: n for role, n in sorted(counts.items()) if 0 < n < threshold + SMALL_ROLE_MARGIN}
