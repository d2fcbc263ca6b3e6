"""insights.literals: the literals a pattern cannot match without, and the patterns gated by them.

A wrong literal would silently turn a rule off, so each claim is checked three ways: exact answers
for the constructs the reader handles, every pattern of insights.studies and insights.commands
over every question of data/qa.csv, and random patterns over random texts."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insights import commands, literals, studies
from insights.literals import Gated, required


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("isation", ("isation",)),
        (r"\bavg\b", ("avg",)),  # (zero-width assertions match nothing)
        (r"\b(e)[ -]?(mail|post|commerce)", ("commerce", "mail", "post")),  # (the cheaper set: fewer strings)
        # (re's parser takes the common start out of the alternatives: "the top", then either)
        (r"\bthe top( brass| team)? (?=paint)|\bthe top floor ", ("the top",)),
        (r"\b(share|what) (of )?(the )?(respondents|participants) (were|was)", ("participants", "respondents")),
        (r"a+b", ("a",)),  # (one or more: one copy at least)
        (r"(?<=[?!])\s+|\n+", ("\n", "!", "?")),  # (what a positive lookaround sees is in the text)
        (r"(?<!abc)d", ("d",)),  # (a negative one's is not)
        (r"[0-3]x", ("0x", "1x", "2x", "3x")),  # (a small class is a set of strings)
        # nothing to test for: a match without a literal, a match of nothing, a class too wide, case folded
        (r"[^a-z0-9]+", None),
        (r"x?", None),
        (r"\d+%", ("%",)),
        (r"(?i)abc", None),
        (r"a(?i:b)c", ("a",)),  # (not the part whose case is folded)
        (r"(a)\1|b", ("a", "b")),  # (the group read, its back-reference not)
        (r"ab|\w", None),  # (a word character: unread, so its alternative says nothing, nor the whole)
        (r"abc|", None),  # (an empty alternative matches everywhere)
    ],
)
def test_required_literals_are_exact(pattern, expected):
    assert required(pattern) == expected


def _patterns() -> list[str]:
    """Every pattern the question reading uses: the modules' compiled ones, normalize()'s tables of
    substitutions and its _sub()s."""
    out = [v.pattern for m in (studies, commands) for v in vars(m).values() if isinstance(v, re.Pattern | Gated)]
    out += [step[0].pattern for name, steps in vars(studies).items() if name.startswith("_STEPS_") for step in steps]
    tree = ast.parse(Path(studies.__file__).read_text(encoding="utf-8"))
    out += [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "_sub"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    return out


def test_every_pattern_of_the_reading_is_read_and_most_are_gated():
    patterns = _patterns()
    assert len(patterns) > 250  # (the modules' ~120 and normalize()'s ~150: none missed by the walk)
    with_literals = [p for p in patterns if required(p)]
    assert len(with_literals) > len(patterns) / 2


def test_no_question_of_qa_csv_matches_a_pattern_without_its_literals():
    """Soundness on the real questions: raw, folded and normalized, as the patterns see them."""
    with (studies.DATA_DIR / "qa.csv").open(encoding="utf-8") as f:
        questions = [row["question"] for row in csv.DictReader(f)][::16]
    texts = {t for q in questions for t in (q, q.lower(), studies.unaccented(q), studies.normalize(q))}
    checked = 0
    for pattern in _patterns():
        found = required(pattern)
        if not found:
            continue
        regex = re.compile(pattern)
        for text in texts:
            if regex.search(text):
                assert any(s in text for s in found), (pattern, text, found)
                checked += 1
    assert checked > 3_000  # (the patterns do match: the test saw real matches)


ATOMS = st.sampled_from(["a", "b", "ab", "ba", " ", "[ab]", "[^a]", ".", r"\b", r"\s", "(?=a)", "(?<=b)", "(?!a)"])


@st.composite
def patterns(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.integers(0, 5 if depth < 2 else 0))
        if kind == 0:
            parts.append(draw(ATOMS))
        elif kind == 1:
            parts.append(f"(?:{draw(patterns(depth + 1))})?")
        elif kind == 2:
            parts.append(f"(?:{draw(patterns(depth + 1))})+")
        elif kind == 3:
            parts.append(f"(?:{draw(patterns(depth + 1))}|{draw(patterns(depth + 1))})")
        elif kind == 4:
            parts.append(f"(?<=({draw(st.sampled_from(['a', 'b', 'ab']))}))")
        else:
            parts.append(f"({draw(patterns(depth + 1))}){{{draw(st.integers(0, 2))},{draw(st.integers(2, 3))}}}")
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(patterns(), st.lists(st.text("ab ", max_size=8), min_size=1, max_size=20))
def test_a_random_pattern_never_matches_a_text_without_its_literals(pattern, texts):
    found = required(pattern)
    regex = re.compile(pattern)
    for text in texts:
        if found and regex.search(text):
            assert any(s in text for s in found), (pattern, text, found)


def test_a_gated_pattern_answers_as_re_does():
    gated = literals.compile(r"\b(industry|sector)s?\b")
    assert isinstance(gated, Gated)
    plain = re.compile(gated.pattern)
    for text in ("which industry?", "no such thing", "sectors and industries", ""):
        assert gated.sub("X", text) == plain.sub("X", text)
        assert gated.subn("X", text) == plain.subn("X", text)
        assert gated.split(text) == plain.split(text)
        assert gated.findall(text) == plain.findall(text)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert bool(gated.search(text)) == bool(plain.search(text))
        assert bool(gated.match(text)) == bool(plain.match(text))
        assert bool(gated.fullmatch(text)) == bool(plain.fullmatch(text))
    # a pattern with a short literal ("-"), or none, stays re's own
    assert isinstance(literals.compile(r"\s[-–]\s"), re.Pattern)
    assert isinstance(literals.compile(r"\d+"), re.Pattern)
