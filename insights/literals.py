"""The literal strings a regular expression cannot match without: one of them is in every match.

normalize() runs some hundred and fifty substitutions on every sentence of a question, and most
find nothing to do. A text that holds none of a pattern's required literals cannot match it, so it
is passed by at the cost of a few `in` tests instead of a regex scan (the idea of RE2's and
codesearch's prefilters, here without trigrams: whole literal strings, from Python's own parse of
the pattern).

`required(pattern)` answers a tuple of strings, one of which every match contains, or None where
the pattern can match without any literal ("\\d+", "[^a-z]+", anything that can match nothing at
all). It errs only towards None: a pattern it cannot read is always searched.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

try:  # Python 3.11+: the parser is re._parser (sre_parse before, deprecated since)
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MAX_STRINGS = 24  # more alternatives than this: each `in` test costs more than the scan it would save
MAX_CLASS = 10  # a character class of at most this many literal characters ("[ -]", "[0-9]") is a set of strings

# What a node matches, as far as this reads it: `exact`, every string it can match (None: too many or
# unknown); `needs`, strings one of which each of its matches contains (None: none known).
Reading = tuple[frozenset[str] | None, frozenset[str] | None]
NOTHING: Reading = (None, None)
EMPTY: Reading = (frozenset({""}), None)


@cache
def required(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """One of these strings is in every match of the pattern (longest first), or None."""
    try:
        parsed = P.parse(pattern, flags)
    except (re.error, TypeError, ValueError, AttributeError):  # pragma: no cover - re.compile raises first
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None  # (case-folded literals: not worth reading)
    exact, needs = _sequence(list(parsed))
    best = _better(exact, needs)
    return tuple(sorted(best, key=lambda s: (-len(s), s))) if best else None


@lru_cache(maxsize=1024)  # (a sequence's requirement so far is weighed again against each of its parts)
def _usable(strings: frozenset[str] | None) -> frozenset[str] | None:
    """A set of strings that constrains (not empty, small, without the empty string), without the
    strings that hold another of it ("the top brass" beside "the top": a text with it has both)."""
    if not strings or "" in strings or len(strings) > MAX_STRINGS:
        return None
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The cheaper of two valid requirements: fewer strings to look for, unless its shortest one is
    shorter than four characters and the other's is longer (one letter is in most texts); then the
    longer shortest string."""
    a, b = _usable(a), _usable(b)
    if a is None or b is None:
        return a or b
    return max(a, b, key=_cost)


@lru_cache(maxsize=1024)  # (as _usable: one set is weighed many times)
def _cost(strings: frozenset[str]) -> tuple[int, int, int]:
    """What _better() weighs: the shortest string up to four characters, then fewer strings, then the shortest."""
    shortest = min(map(len, strings))
    return min(4, shortest), -len(strings), shortest


def _sequence(items: list) -> Reading:
    """Nodes one after the other: adjacent exact strings joined, and the best requirement of any part."""
    run = frozenset({""})  # (the exact strings of the parts since the last one that was not exact)
    needs: frozenset[str] | None = None
    whole = True  # (the sequence is exact while every part is, and their strings stay few)
    for op, av in items:
        exact, part_needs = _node(op, av)
        needs = _better(needs, _better(exact, part_needs))  # (this part alone)
        if exact is not None and len(run) * len(exact) <= MAX_STRINGS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        needs = _better(needs, run)
        run = exact if exact is not None else frozenset({""})  # (a new run from this part on)
    needs = _better(needs, run)
    return (run if whole else None), needs


def _node(op, av) -> Reading:
    if op is C.LITERAL:
        return frozenset({chr(av)}), None
    if op is C.ASSERT:
        # zero width, so nothing of the match; but what a positive lookaround sees is in the text
        # ("(?<=[?!])\\s+": a text with a match holds "?" or "!"), and the text is what is tested
        exact, needs = _sequence(list(av[1]))
        return frozenset({""}), _better(exact, needs)
    if op in (C.AT, C.ASSERT_NOT):
        return EMPTY
    if op is C.IN:
        return _char_class(av), None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & (re.IGNORECASE | re.LOCALE):
            return NOTHING
        return _sequence(list(sub))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is C.BRANCH:
        return _branch(av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av
        exact, needs = _sequence(list(sub))
        if low == 0:
            # optional ("( exactly)?"): itself or nothing; more repeats than one, unknown
            return (exact | {""} if exact is not None and high == 1 else None), None
        if low == high == 1:
            return exact, needs
        return None, (exact if _usable(exact) else needs)  # (at least once: one copy is in the match)
    return NOTHING  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, GROUPREF_EXISTS...


def _char_class(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY ("\w"), a wide range
            return None
    return frozenset(chars) if 0 < len(chars) <= MAX_CLASS else None


def _branch(alternatives) -> Reading:
    """a|b|c: every string of each, if each is exact; else the union of each one's requirement."""
    readings = [_sequence(list(alt)) for alt in alternatives]
    if all(exact is not None and needs is None for exact, needs in readings):
        exact = frozenset().union(*(e for e, _ in readings))
        if len(exact) <= MAX_STRINGS:
            return exact, None
    needs: set[str] = set()
    for exact, part_needs in readings:
        one = _better(exact, part_needs)
        if one is None:
            return NOTHING
        needs |= one
    return None, _usable(frozenset(needs))


MIN_GATE = 3  # a pattern whose literals include a shorter one (an apostrophe, "-") is in most texts: not gated


class Gated:
    """A compiled pattern that searches only a text holding one of its required literals; the rest
    of its texts get what re would give them for no match. It has re.Pattern's methods that take a
    text, and its pattern and flags."""

    __slots__ = ("regex", "literals", "pattern", "flags")

    def __init__(self, regex: re.Pattern, literals: tuple[str, ...]):
        self.regex, self.literals, self.pattern, self.flags = regex, literals, regex.pattern, regex.flags

    def _holds(self, text: str) -> bool:
        for literal in self.literals:  # noqa: SIM110 - a loop, not any() over a generator: it is cheaper
            if literal in text:
                return True
        return False

    def search(self, text: str, *pos):
        return self.regex.search(text, *pos) if self._holds(text) else None

    def match(self, text: str, *pos):
        return self.regex.match(text, *pos) if self._holds(text) else None

    def fullmatch(self, text: str, *pos):
        return self.regex.fullmatch(text, *pos) if self._holds(text) else None

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if self._holds(text) else text

    def subn(self, repl, text: str, count: int = 0) -> tuple[str, int]:
        return self.regex.subn(repl, text, count) if self._holds(text) else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.regex.split(text, maxsplit) if self._holds(text) else [text]

    def findall(self, text: str, *pos) -> list:
        return self.regex.findall(text, *pos) if self._holds(text) else []

    def finditer(self, text: str, *pos):
        return self.regex.finditer(text, *pos) if self._holds(text) else iter(())


def compile(pattern: str, flags: int = 0) -> re.Pattern | Gated:  # noqa: A001 - re.compile's stand-in
    """re.compile(pattern, flags), gated by its literals where they are worth testing for."""
    regex = re.compile(pattern, flags)
    literals = required(pattern, flags)
    if literals and min(map(len, literals)) >= MIN_GATE:
        return Gated(regex, literals)
    return regex
