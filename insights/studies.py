"""The studies' figures as data, and the search that answers `/gap <question>`.

Figures come from data/figures.csv (one row per figure per source sentence); metrics, studies,
sources and regions from data/metrics.yaml and data/studies.yaml. Nothing here knows Slack.
"""

from __future__ import annotations

import csv
import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from insights import literals
from insights.doubt import DOUBT, Doubt
from insights.literals import required

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Figure:
    id: str
    study: str
    metric: str
    # executives, cs_professionals, gap; all: a share of all organisations; respondents: of the
    # respondents; unclear: a figure its source attaches to no clear group (kept for its note, never shown)
    group: str
    region: str
    value: float
    unit: str
    qualifier: str
    as_written: str
    seed: str
    language: str
    quote: str
    note: str


@dataclass(frozen=True)
class Metric:
    id: str
    study: str
    kind: str
    topic: str
    title: str
    keywords: tuple[str, ...]
    statement: str | None = None
    alone: bool = False  # only ever the first topic: beside another, its words are that one's context
    context: bool = False  # its keyword opens questions about other topics ("how many companies ...")
    covers: tuple[str, ...] = ()  # topics named as this one's examples ("the priority projects (callback, analytics)")
    weak: frozenset[str] = frozenset()  # keywords too common to add this topic beside another ("strumenti")

    def __hash__(self) -> int:  # (its id: topics are hashed in sets on every question, their keywords need not be)
        return hash(self.id)


@dataclass
class Reading:
    """One distinct value for a (metric, group, region), with every source that gives it."""

    value: float
    unit: str
    qualifier: str
    figures: list[Figure] = field(default_factory=list)

    @property
    def seeds(self) -> list[str]:
        return sorted({f.seed for f in self.figures})

    @property
    def languages(self) -> list[str]:
        return sorted({f.language for f in self.figures})


@dataclass
class MetricView:
    """Everything known about one metric, sources consolidated, disagreements kept."""

    metric: Metric
    readings: dict[tuple[str, str], list[Reading]]  # (group, region) -> distinct values

    def get(self, group: str, region: str = "") -> list[Reading]:
        return self.readings.get((group, region), [])

    def single(self, group: str, region: str = "") -> float | None:
        """The value when all sources agree, else None."""
        values = self.get(group, region)
        return values[0].value if len(values) == 1 else None

    @property
    def gap(self) -> float | None:
        """Executives minus CS professionals, in points (paired metrics only)."""
        ex, cs = self.single("executives"), self.single("cs_professionals")
        if ex is None or cs is None:
            return None
        return round(ex - cs, 1)

    @property
    def regions(self) -> list[str]:
        return sorted({r for (_g, r) in self.readings if r})

    @property
    def notes(self) -> list[str]:
        seen: list[str] = []
        for readings in self.readings.values():
            for reading in readings:
                for f in reading.figures:
                    if f.note and f.note not in seen:
                        seen.append(f.note)
        return seen

    @property
    def seeds(self) -> list[str]:
        return sorted({f.seed for rs in self.readings.values() for r in rs for f in r.figures})


def _same_qualifier(a: str, b: str) -> bool:
    """'nearly 30%' and 'about 30%' (circa il 30%) say the same thing."""
    return a == b or {a, b} <= {"about", "nearly"}


KIND_ORDER = {"paired": 0, "single": 1, "company": 2, "derived": 3, "fact": 4}


def _stem(token: str) -> str:
    if len(token) > 6 and token.endswith("ing"):  # answering -> answer, passing -> pass, running -> run
        token = token[:-3]
        return token[:-1] if len(token) > 3 and token[-1] == token[-2] and token[-1] not in "lseo" else token
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 5 and token.endswith(("sses", "ches", "shes", "xes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


@cache
def _compiled(pattern: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """A pattern compiled once, with the literals one of which is in each of its matches."""
    return re.compile(pattern), required(pattern) or ()


Step = tuple[re.Pattern, tuple[str, ...], "str | Callable[[re.Match], str]", tuple[str, ...]]


def _steps(*rules: tuple) -> tuple[Step, ...]:
    """Substitutions that follow one another, each (pattern, replacement, needles...) as _sub() takes it,
    compiled once with the literals each pattern cannot match without."""
    return tuple((*_compiled(pattern), repl, tuple(needles)) for pattern, repl, *needles in rules)


def _subs(steps: tuple[Step, ...], text: str) -> str:
    """Each step's substitution in turn, in one loop. A step is searched only in a text that holds one of
    its needles (given with it: one of them is in every match) and one of the literals its pattern cannot
    match without (insights.literals); most sentences hold neither, and are passed by for a few `in`
    tests instead of a scan."""
    for regex, musts, repl, needles in steps:
        if needles:
            for needle in needles:
                if needle in text:
                    break
            else:
                continue
        if musts:
            for literal in musts:
                if literal in text:
                    break
            else:
                continue
        text = regex.sub(repl, text)
    return text


def _sub(pattern: str, repl: str | Callable[[re.Match], str], text: str, *needles: str) -> str:
    """re.sub, its pattern compiled once, where a text may match: see _subs (which most of normalize()'s
    substitutions go through, several in a table)."""
    return _subs(((*_compiled(pattern), repl, needles),), text)


# One C-level title other than the CEO, whose view is asked ("what did the CFOs say", "cosa pensano i
# cfo"): the studies pool C-level titles as executives. Not "my CFO", nor a list ("ceo, cio, cfo").
TITLE_RE = literals.compile(
    r"\b(my|our|min|var|mitt|mio|mia|nostro|nostra|the|il|lo|our new|the new|il nuovo|new)? ?\b(cfo|cio|cto|coo|cmo)(s|erna|arna|na|n)?\b"
)
POSSESSIVES = {"my", "our", "min", "var", "mitt", "mio", "mia", "nostro", "nostra"}
TITLES_COMPARED_RE = literals.compile(
    r"\b(cfo|cio|cto|coo|cmo|ceo|it chef|vd)[a-z]*( [a-z]+){0,6} (vs|versus|jamfort med|respektive|rispetto a[il]?|compared (to|with)"
    r"|differently from|than|an|dei|degli|dai|dagli)"
    r"( [a-z]+){0,2} (cfo|cio|cto|coo|cmo|ceo|vd|it chef)"
    # "between CFOs and CEOs", "tra CFO e CEO", "do CIOs and CFOs differ"
    r"|\b(between|tra|fra|mellan)?( the| i| gli)? (cfo|cio|cto|coo|cmo|ceo|vd|it chef)[a-z]* (and|e|och)( the| i| gli)? "
    r"(cfo|cio|cto|coo|cmo|ceo|vd|it chef)[a-z]*( [a-z]+){0,2} (differ|disagree|skiljer|differiscono|diverge|olika|diversamente)"
    r"|\b(between|tra|fra|mellan)( the| i| gli)? (cfo|cio|cto|coo|cmo|ceo|vd)[a-z]* (and|e|och)( the| i| gli)? "
    r"(cfo|cio|cto|coo|cmo|ceo|vd)\b"
    # "split by CFO and CIO", "uppdelad på CFO kontra CIO", "separato per Cfo e Cto"
    r"|\b(by|per|pa|for) (cfo|cio|cto|coo|cmo|ceo|vd)[a-z]* (and|e|och|vs|versus|kontra|contro) (cfo|cio|cto|coo|cmo|ceo|vd)\b"
)
OPINION_RE = literals.compile(
    r"\b(say|says|said|think|thinks|thought|feel|felt|believe|believed|view|views|answer|answered|tycker|tyckte|tror|trodde|"
    r"anser|ansag|svarar|svarade|pensano|pensa|pensavano|dicono|dice|detto|ritengono|ritiene|rispondono|risposto)\b"
    # (not who answered: "chi ha risposto all'indagine? c'erano anche i CFO?", "who answered - CFOs too?")
    r"(?<!\bwho answered)(?<!\bchi ha risposto)(?<!\bchi hanno risposto)(?<!\bvem svarade)(?<!\bwho has answered)"
)


TITLE_STARTS = tuple(f" {title}" for title in ("cfo", "cio", "cto", "coo", "cmo", "ceo", "vd", "it chef"))


def _one_title(text: str) -> str:
    """One job title's own view asked, or two titles compared: who the respondents were. (Of a text of words
    and single blanks, as normalize() has made it by now: each pattern needs a word that starts with a title.)"""
    padded = f" {text}"
    if not any(start in padded for start in TITLE_STARTS):
        return text
    titles = TITLE_RE.findall(text)
    # (one title, maybe named twice: "ekonomicheferna (CFO)")
    if (
        len({t[1] for t in titles}) == 1
        # (not one person: "my CFO", "il CFO vuole misurarci ...", but "what did the CFOs say")
        and not any(t[0] in POSSESSIVES or t[0] and not t[2] for t in titles)
        and "ceo" not in text
        and OPINION_RE.search(text)
    ):
        return text + " respondentmix"
    if TITLES_COMPARED_RE.search(text):  # "CIOs vs CFOs", "IT-chefer jämfört med vd:ar"
        return text + " respondentmix"
    return text


@lru_cache(maxsize=4096)
def unaccented(text: str) -> str:
    """Lower case, without accents ("Vad kan du svara på" -> "vad kan du svara pa"). Cached: one answer
    asks it of the same text several times."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


QUOTED_RE = literals.compile(
    r'"[^"]*"|“[^”]*”|«[^»]*»|\'(?<!\w\')(?:[^\']|\b\'\b)*\?(?:[^\']|\b\'\b)*\'(?!\w)'
)  # (a single-quoted question too, "who's" in it; each alternative starts with its quote: see SENTENCE_RE)
# where a sentence of a longer message ends (not at an abbreviation: "enl. strativity", "e.g. callbacks"). Each
# alternative starts by taking one blank and looks back from after it: a pattern that starts with a class of
# characters is only tried where one of them is, three times faster on a long message than trying every place
SENTENCE_RE = literals.compile(
    r"\s(?:(?<=[?!]\s)\s*|(?<=[?!.][\"”»']\s)\s*|(?<=\n)\n*|(?<=\.\s)"
    + "".join(
        rf"(?<!{abbreviation}\.\s)"
        for abbreviation in (
            *(rf"\b{a}" for a in ("enl", "ca", "vs", "etc", "ex", "es", "ecc", "nr", "no", "approx", "resp", "jfr")),
            *(
                rf"\b{a}"
                for a in (r"bl\.a", r"e\.g", r"i\.e", r"t\.ex", r"p\.es", "cfr", "dott", "sig", "dr", "mr", "ms")
            ),
            r"[\w%]\.\.",  # (an ellipsis right after a word: "39%... what is that?")
        )
    )
    + r"\s*)"
)


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_RE.split(text) if s.strip()]


def _asks(sentence: str) -> bool:
    """A question mark of the asker's own (a question someone else asked, quoted, is not: 'the CEO asked
    "who does this well?"')."""
    return "?" in QUOTED_RE.sub(" ", sentence)


# which language version of a source has a figure ("does the swedish article also have the 67%?")
VERSION_HAS_RE = literals.compile(
    r"\b(also (have|has|give|gives)|only in|har (den|det) (ocksa|aven)|solo (nel|nella))\b"
)


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """normalize() of each sentence, joined: a long message's sentences are read again alone (its question
    sentences, its parts), and each sentence is then normalized once."""
    sentences = _sentences(text) if len(text) > 60 else ()
    if len(sentences) > 1:
        # (the projects named in one sentence, how long asked in the next: "... progetti prioritari ... Entro
        # quanto tempo erano previsti?")
        return _horizon(" ".join(_normalize(s) for s in sentences))
    return _normalize(text)


def _horizon(text: str) -> str:
    """How long the projects take, asked of the planned projects: their horizon."""
    if "project" in text or "progett" in text or "projekt" in text:
        text = _sub(
            r"\b(entro quanto tempo|in quanto tempo|quanto tempo|how long|how soon|hur lang tid|hur snart"
            r"|(over )?(which|what) (period|time frame|timeframe)|how many months|quanti mesi|hur manga manader"
            r"|(in )?(che|quale) arco (di tempo|temporale)|orizzonte temporale)\b",
            " how horizon ",  # (still a question: "..., e in che arco di tempo sono previsti questi progetti?")
            text,
            "tempo",
            "how",
            "hur",
            "period",
            "frame",
            "mesi",
            "arco",
            "orizzonte",
        )
    return text


# Figures written out in words, in the three languages: "seventy-eight", "sjuttioåtta", "novecentoventisette"
SPELLED_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "atta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18,
    "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "attio": 80,
    "nittio": 90, "två": 2, "åtta": 8, "åttio": 80, "tré": 3,
    "uno": 1, "un": 1, "due": 2, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
    "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16,
    "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20, "vent": 20, "trenta": 30, "trent": 30,
    "quaranta": 40, "quarant": 40, "cinquanta": 50, "cinquant": 50, "sessanta": 60, "sessant": 60,
    "settanta": 70, "settant": 70, "ottanta": 80, "ottant": 80, "novanta": 90, "novant": 90,
}  # fmt: skip
HUNDRED_WORDS = ("hundred", "hundra", "cento", "cent")
_NUMBER_PART = "|".join(sorted([*SPELLED_NUMBERS, *HUNDRED_WORDS], key=len, reverse=True))
NUMBER_PART_RE = literals.compile(_NUMBER_PART)
# a run of number words ("nine hundred and twenty-seven"), each word made of number parts only
NUMBER_RUN_RE = literals.compile(
    rf"\b(?:(?:{_NUMBER_PART})-?)+(?:(?:\s+(?:and|och|e)\s+|\s+|-)(?:(?:{_NUMBER_PART})-?)+)*\b", re.IGNORECASE
)
LARGER_AFTER_RE = literals.compile(r"\s*(thousand|tusen|mila|million|miljon|milione|milioni)", re.IGNORECASE)
PERCENT_AFTER_RE = literals.compile(r"\s*(%|percent|per cent|procent|per cento|percento)", re.IGNORECASE)
TENS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TENS |= {"två": 2, "åtta": 8}
TENS |= {"en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "atta": 8, "nio": 9}
TENS |= {"uno": 1, "una": 1, "due": 2, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9}
# a share written out: "four in ten", "fyra av tio", "quattro su dieci"; "one in five", "var femte"
TENTHS_RE = literals.compile(r"\b(" + "|".join(TENS) + r") (in|out of|av|su) (ten|tio|dieci)\b", re.IGNORECASE)
FIFTHS_RE = literals.compile(r"\b(one in five|var femte|uno su cinque|una su cinque)\b", re.IGNORECASE)
FRACTION_RE = literals.compile(  # ... or a fraction of the companies ("drygt hälften av de tyska företagen")
    r"\b(three quarters|tre fjardedelar|tre quarti|(a|one) quarter|en fjardedel|un quarto|(a )?half|halften|la meta)"
    r"(?= (of|av|de|delle|degli|dei|della)\b)",
    re.IGNORECASE,
)
FRACTIONS = {
    **dict.fromkeys(("three quarters", "tre fjardedelar", "tre quarti"), 75),
    **dict.fromkeys(("half", "a half", "halften", "la meta"), 50),
    **dict.fromkeys(("a quarter", "one quarter", "en fjardedel", "un quarto"), 25),
}
HALF_MILLION_RE = literals.compile(
    r"\b((a|one) million and a half|one and a half million|(un|1) milione e mezzo|(en|1) och en halv miljon(er)?)\b",
    re.IGNORECASE,
)
EITHER_STUDY_RE = literals.compile(
    r"\b(genesys|strativity)( [a-z]+)? (or|eller|o|oppure) (the |di |dello |della |di quello di )?(genesys|strativity)\b"
)
WHICH_STUDY_RE = literals.compile(
    r"\b(which|what|vilken|vilket|quale) (study|survey|source|report|undersokning|studie|kalla|indagine|ricerca|studio)\b"
)


def _number_run(m: re.Match) -> str:
    words = re.split(r"[\s-]+", m.group(0).lower())
    total = current = 0
    for i, word in enumerate(words):
        if word in ("and", "och", "e"):
            if words[i - 1] not in HUNDRED_WORDS:
                return m.group(0)  # "and" only after a hundred ("nine hundred and twenty-seven"), not two figures
            continue
        pos = 0
        while pos < len(word):
            part = NUMBER_PART_RE.match(word, pos)
            if not part:
                return m.group(0)
            pos = part.end()
            if part.group(0) in HUNDRED_WORDS:
                current = (current or 1) * 100
            else:
                current += SPELLED_NUMBERS[part.group(0)]
    total += current
    # (a small number only before a percent: "one" and "sei" are words too; "cento" alone is no hundred; nor the
    # first words of a larger one, read as a whole elsewhere: "ten thousand employees")
    if total < 10 and not PERCENT_AFTER_RE.match(m.string, m.end()) or len(words) == 1 and words[0] in HUNDRED_WORDS:
        return m.group(0)  # ("per cento", "per cent": a percent, no hundred)
    if LARGER_AFTER_RE.match(m.string, m.end()):
        return m.group(0)
    return str(total)


def _fraction(m: re.Match) -> str:
    if re.search(r"\b(first|second|last|forsta|andra|sista|prima|seconda|ultima)\s+$", m.string[: m.start()], re.I):
        return m.group(0)  # "the first half of 2008": a time
    return f"{FRACTIONS[m.group(1).lower()]}%"


# a figure written out is read where it is a figure: before a percent, months, a hundred ("nine hundred and twenty-seven
# companies", "diciotto mesi", "novecentoventisette aziende")
SPELLED_FIGURE_NEEDLES = (
    "percent", "per cent", "procent", "per cento", "percento", "%", "month", "mesi", "manader", "månader",
    "hundred", "hundra", "cento",
)  # fmt: skip


def spelled_figures(text: str) -> str:
    """Figures written out in words, as digits: "seventy-eight percent" is 78%, "nearly four in ten" nearly 40%,
    "un milione e mezzo" 1.5 million. (Not a fraction, "half of them": a figure only when its source is asked.)"""
    if " " not in text:
        return text
    low = text.lower()  # (each pattern only where a word it needs is: most questions have none of them)
    if " ten" in low or " tio" in low or " dieci" in low:
        text = TENTHS_RE.sub(lambda m: f"{TENS[m.group(1).lower()] * 10}%", text)
    if "five" in low or "femte" in low or "cinque" in low:
        text = FIFTHS_RE.sub("20%", text)
    if "half" in low or "halv" in low or "mezzo" in low:
        text = HALF_MILLION_RE.sub("1.5 million", text)
    if any(word in low for word in SPELLED_FIGURE_NEEDLES):
        text = NUMBER_RUN_RE.sub(_number_run, text)
    return text


# normalize()'s substitutions, in the order it makes them: each (pattern, replacement, needles...), as _sub()
# takes them; a table each where several follow one another (see _subs)
_STEPS_1 = _steps(
    (r"(\d)[., ](\d{3})\b", r"\1\2"),  # 2,500 / 2.500 / 2 500 agents
    (r"\b(\d+)k\b", r"\g<1>000"),  # 10k employees
)

_STEPS_2 = _steps(
    (r"\b(e)[ -]?(mail|post|commerce)", r"\1\2", "mail", "post", "commerce"),
    (
        r"(?<![a-z0-9])#1\b|\bnumber one\b|\bno 1\b|\bnummer ett\b|\bnumero uno\b",
        " numberone ",
        "1",
        "one",
        "ett",
        "uno",
    ),
)

_STEPS_3 = _steps(
    (
        r"\b(of|in|av|di|su|per) (what|vad|cosa|che cosa)( exactly| precisely| esattamente| exakt| egentligen)?\s*\?",
        " source ?",
    ),
    (
        r"(\d ?%?) (of something|of sth|av nagot|di qualcosa)\b",
        r"\1 source",
        "some",
        "sth",
        "nagot",
        "qualcosa",
    ),
    (  # "says 16% - for what?", "vad gäller det egentligen?", "18... 18 cosa?"
        r"\b(for what|what for(?= *(\?|$))|vad galler (det|den)|per cosa)\b|(\d) cosa\b",
        r"\3 source",
        "what",
        "galler",
        "cosa",
    ),
)

_STEPS_4 = _steps(
    (r"[^a-z0-9]+", " "),
    # "more or less the same opinion", "la pensano più o meno allo stesso modo": roughly, no comparison
    (r" (more or less|piu o meno|mer eller mindre)\b", "", "more", "piu", "mer"),
    # "dove sono più d'accordo", "mest överens", "agree the most": where they agree, not who rates higher
    (r"\b(piu|mest|most) (d accordo|daccordo|overens|aligned|in agreement)\b", r"\2", "piu", "mest", "most"),
    # the Genesys study's title names the study, not a gap ("how many countries did The Executive Disconnect cover?")
    (
        r"\b((did|in|from|of|on|about|called|titled|entitled) the exec(utive)? disconnect"
        r"|the exec(utive)? disconnect (study|survey|report|research|paper|findings|results|data|press release))\b",
        r"\2 the study ",
        "disconnect",
    ),
    (r"isation", "ization", "isation"),
    (r"\bcentre", "center", "centre"),
    (r"\bavg\b", "average", "avg"),
    (r"\bcalc\b", "calculate", "calc"),
    # shorthand: "biggest co size", "cos >10k staff" (not the Italian "cos'è"), "virtualization leader?"
    (
        r"\bco\b(?= (size|sizes|count|counts)\b)|\bcos\b(?! (e|era|altro|hai|ha|hanno|fa|fanno|dice|dicono|significa|sono)\b)",
        "companies",
        "co",
    ),
    (
        r"^(?!.*\b(exec|execs|executive|executives|cs|ceo|ceos|team|my|our|your|who)\b)(.+) leader\s*$",
        r"\2 which country leads",
        "leader",
    ),
    (r"\baccording to\b", "in", "according"),  # "according to the research": no agreement asked
    (  # "does the top paint a rosier picture": the executives, not who leads
        r"\bthe top( brass| team| level)? (?=(paint|paints|is|are|see|sees|think|thinks|rate|rates|say|says|believe)\b)"
        r"|\bthe top floor ",
        "the executives ",
        "the top",
    ),
    (r"\brev\b", "revenue", "rev"),
    (r"\bfortune (500|1000)\b", "fortune", "fortune"),  # a list of company names, not a size
)

_STEPS_5 = _steps(
    (  # who the respondents were, as shares: the studies give no split by role
        r"\b(share|percentage|proportion|how many|what|hur manga|hur stor andel|quanti|quante|che percentuale|quale percentuale)"
        r" (of |av |dei |degli )?(the )?(respondents|participants|respondenter|respondenterna|deltagarna|de svarande"
        r"|rispondenti|partecipanti|intervistati) (were|was|are|var|erano|fossero) (sales |marketing |it |hr |finance "
        r"|service |operations )?(execs?|executives?|cfos?|ceos?|cios?|ctos?|managers?|directors?|cs|vd|vdar|vd ar|chefer"
        r"|dirigenti|direttori)\b",
        "respondentmix",
    ),
    (  # one kind of CS professional on its own: the sources list them, they give no figure for each
        r"\b(marketing|sales) (directors?|managers?|heads?)\b(?=.{0,50}\b(specifically|separately|alone|only|vs|versus"
        r"|compared|than|rate|rated|said|say|think|thought)\b)"
        # "i responsabili marketing, da soli", "marknadscheferna för sig"
        r"|\b(responsabil[ei]|dirett(ore|ori)|manager) (del |dei )?(marketing|vendite|commerciali?)\b"
        r"(?=.{0,40}\b(da soli|da sole|separatamente|a parte|soltanto|solo)\b)"
        r"|\b(marknadschef|forsaljningschef|saljchef)(er|erna|en)?\b(?=.{0,40}\b(for sig|separat|enbart|bara|ensamma)\b)"
        r"|\b(team leads?|team leaders?|supervisors?)( [a-z]+){0,2} (vs|versus|or|and|compared (to|with)) "
        r"(the )?(directors?|managers?|heads?)\b",
        "respondentmix",
        "marketing",
        "sales",
        "vendite",
        "commercial",
        "chef",
        "team lead",
        "supervisor",
    ),
    (  # a share of one job title: the studies pool C-level titles as executives
        r"\b(how many|what share of|what percentage of|what proportion of|hur manga( procent)?( av)?|hur stor andel av|"
        r"quanti|quante|quale percentuale d[ei]i?|che percentuale d[ei]i?)( the| de| i| gli| dei)? (cfo|cio|cto|ceo(?=s? "
        # (the CEOs' view is the executives' figure: "what share of CEOs say ...", but not how many took part)
        r"(took part|answered|responded|participated|were (surveyed|asked|polled|included)|deltog|svarade|hanno risposto"
        r"|hanno partecipato)))s?( erna| arna| na)?\b",
        "respondentmix",
        "cfo",
        "ceo",
        "cio",
        "cto",
    ),
    (  # the CFO in Swedish and Italian ("vd:ar jämfört med ekonomichefer", "i direttori finanziari")
        r"\b(ekonomichef|finanschef)(er|erna|en)?\b|\bdirett(ore|ori) finanziari?o?\b",
        "cfo",
        "chef",
        "finanziari",
    ),
)

_STEPS_6 = _steps(
    (  # "spends more on its people than on tech": the Strativity statement
        r"\b(spends?|spending|spent|puts?|putting) (more )?(money )?(on|in|into) (its |their |our |the )?"
        r"(people|staff|employees|workforce)\b",
        "investment in people",
        "spen",
        "put",
    ),
    (r"\bhvor mange\b", "hur manga", "hvor"),  # Norwegian, as Swedish readers type it
    (r"\bbedrift(er|ene)?\b", "foretag", "bedrift"),
    (  # "which roles answered", "quali figure professionali": who
        r"\b(which|what) (roles|job titles|kinds of people|types of people)\b|\bvilka (roller|befattningar)\b"
        r"|\b(quali|che) (figure|profili|ruoli)( professionali)?\b",
        " who ",
        "role",
        "title",
        "people",
        "befattning",
        "figure",
        "profili",
        "ruoli",
    ),
    (r"\bvi (bor|borde)\b", "howto", "vi "),
    (r"\b(qualcosa|qualcos|roba|cose) del genere\b", r"\1", "genere"),  # "something like that"
    (r"\bput (the results |the findings |the study |them |it )?out\b", "released", "put"),
    (  # "how many countries and companies": each counted
        r"\b(how many|hur manga|quanti|quante) ([a-z]+) (and|och|e) ([a-z]+)\b",
        r"\1 \2 \3 \1 \4",
        "how many",
        "hur manga",
        "quant",
    ),
    (  # the Italian sources' "i manager" are the executives (not "i manager del contact center")
        r"\b(i|dei|ai|dai|tra i|per i|coi|con i|sui|fra i) manager\b(?! (del|dei|di|dello|della) (contact|call|customer|servizio))",
        r"\1 dirigenti",
        "manager",
    ),
    (
        r"\b(la pensano|pensano|vedono|ragionano) (allo|nello) stesso modo\b|\bsamma uppfattning\b",
        " agree ",
        "stesso",
        "samma",
    ),
    (r"\brose ?(tinted|colou?red) (glasses|spectacles|lenses)\b", "rosier", "rose"),
    (  # "entro quanti mesi", "within how many months": when
        r"\b(entro|in) (quanti mesi|quanto tempo|quando)\b|\b(within )?how many months\b|\binom hur manga manader\b",
        r"\g<0> quando",
        "mesi",
        "tempo",
        "months",
        "manader",
        "entro",
    ),
    (  # "fra cinque anni", "in five years' time": the future, a trend the studies cannot give
        r"\b(fra|tra) (due|tre|cinque|dieci|qualche|\d+) anni\b|\bin (two|three|five|ten|a few|\d+) years\b"
        r"|\bom (tva|tre|fem|tio|nagra|\d+) ar\b",
        "in the future",
        "anni",
        "years",
        " ar",
    ),
    (r"\ba livello (mondiale|globale|internazionale|europeo|generale)\b", "globalmente", "livello"),
    (
        r"\b(widest|biggest|largest|greatest|sharpest|deepest) (split|divide|divergence|rift)\b",
        "largest gap",
        "split",
        "divide",
        "diverg",
        "rift",
    ),
    (r"\bcomp plans?\b", "compensation plan", "comp"),
    (r"\bcomp\b", "compensation", "comp"),  # "the comp-on-quality figure"
    (  # the respondents split by department: the studies give no split by role
        r"\b(by|per) (department|departments|function|avdelning|reparto|funzione"
        r"|(exec |executive |c level )?(role|roles|job title|job titles|title|titles)|ruolo|ruoli|roll|befattning)\b",
        "respondentmix",
        "department",
        "function",
        "avdelning",
        "reparto",
        "funzione",
        "role",
        "title",
        "ruol",
        "roll",
        "befattning",
    ),
    (r"\bkr\b|\bsek\b", "kronor", "kr", "sek"),
    # "dropped a stat": quoted a figure (neither dropped calls nor a trend; a stat is no typo of "state")
    (
        r"\b(drop|drops|dropped|dropping) (a|an|the|this|that|some|one) (stat|stats|number|figure)\b",
        "quoted a figure",
        "drop",
    ),
    (r"\bstats?\b", "figure", "stat"),
    (
        r"\b(come|comes|came) out\b(?! (as|on top|ahead|first|best|top|the|in|higher|lower|better|worse|more|less)\b)",
        "released",
        " out",
    ),
    (  # "när kom resultaten ut", "när släpptes rapporten": published (not "vad kom de fram till")
        r"\bkom (resultaten|resultatet|studien|undersokningen|rapporten|siffrorna|den|de|det) ut\b|\bslapptes\b",
        "publicerades",
        " ut",
        "slapptes",
    ),
    (  # "quality, or just how much money it saves": the self-service metric's own question
        r"\b(or|eller|o|och inte|and not|e non|rather than|instead of|invece che|piuttosto che|snarare an|i stallet for) (just |only |bara |solo )?(on |pa |efter )?(how much|hur mycket|quanto) (money |pengar |soldi )?"
        r"(it |den |they |de |man |si )?(saves?|sparar|risparmia(no)?)\b",
        "or cost savings",
    ),
    (r"\bvar star det\b", "kalla", "var star"),  # where does it say
)

_STEPS_7 = _steps(
    (  # the bottom of a ranking of countries: the sources name the leaders only
        r"\b(which|what|vilket|vilken|quale) (country|region|market|land|paese|regione) (is|comes|ranks|was|ar|kommer|e) "
        r"(the )?(worst|last|lowest|weakest|bottom|samst|sist|lagst|peggiore|ultimo|ultima)\b",
        "worstcountry",
        "worst",
        "last",
        "lowest",
        "weakest",
        "bottom",
        "samst",
        "sist",
        "lagst",
        "peggior",
        "ultim",
    ),
    (r"\b(da )?dove (salta fuori|saltano fuori|esce|escono)\b", "fonte", "dove"),  # where does it come from
    (
        r"\b(della|sopra la|sotto la) media\b|\b(than|above|below) average\b|\b(an|over|under) (genom)?snittet\b",
        "onaverage",
        "media",
        "average",
        "snittet",
    ),
    # "largest company size (headcount)", "biggest cos - how many staff": the sizes' unit, not the workforce
    (r"\b(biggest|largest|smallest|big|small|large) cos\b", r"\1 companies", " cos"),
    (
        r"\b(largest|biggest|smallest|sizes?|grande|grandi|piccola|piccole|storsta|minsta|storlek)(\w*.{0,40}?)"
        r"\b(headcount|how many staff|how many employees|number of staff|staff count|numero di dipendenti"
        r"|antal anstallda)\b",
        r"\1\2employees",
        "headcount",
        "staff",
        "dipendenti",
        "employees",
        "anstallda",
    ),
)

_STEPS_8 = _steps(
    (  # the sample's largest and smallest companies
        r"\b(largest|biggest|storsta|piu grandi) (participating |responding )?(company|companies|firms?|foretag|foretagen|foretaget|"
        r"foretagsstorleken|bolag|bolagen|aziende|azienda)\b|\b(aziende|azienda) (piu grand[ei]|maggior[ei])\b"
        r"|\b(max|maximum) (company |companies )?sizes?\b",
        "largestcompany",
        "larg",
        "bigg",
        "storsta",
        "grand",
        "maggior",
        "max",
    ),
    (
        r"\b(smallest|minsta|piu piccole|piu piccola) (participating |responding )?(company|companies|firms?|foretag|"
        r"foretagen|foretaget|foretagsstorleken|bolag|bolagen|aziende|azienda)\b|\b(aziende|azienda) piu piccol[ae]\b"
        r"|\b(min|minimum) (company |companies )?sizes?\b",
        "smallestcompany",
        "smallest",
        "minsta",
        "piccol",
        "min",
    ),
    (  # a size, not staffing
        r"\b(by|in|in terms of) headcount\b|\bheadcount ?wise\b",
        "employees",
        "headcount",
    ),
    (  # "our WFM lead wants to know": a job, not who leads
        r"\b(team|wfm|ops|tech|project|cx|cs|qa|site|shift|floor|product|my|our|your) leads?\b",
        " teamlead ",
        "lead",
    ),
    (r"\b(over|inom|under) hur lang tid\b", "hur tidsram", "hur lang tid"),  # over what period
    (r"\bin quanto tempo (sono previst[ie]|verranno|saranno)\b", "orizzonte", "quanto tempo"),
    (r"\baltogether\b|\ball told\b", "in total", "altogether", "all told"),
    (r"\bin the end\b|\bat the end of the day\b", " ", " end"),
    # customers' loyalty is not the employees' loyalty to their employer
    (
        r"\b(customer|client)s? (loyalty|retention)\b|\bloyal (customers|clients)\b|\bhow loyal (are |is )?(the )?customers\b"
        r"|\bkundlojalitet(en)?\b|\bfedelta (dei|del) client[ei]\b",
        "customerloyalty",
        "loyal",
        "retention",
        "lojalitet",
        "fedelta",
    ),
    (r"\bhur stor (andel|del)\b", "andel", "hur stor"),
    (r"\b(out in front|in testa|i taten)\b", "ahead", "front", "testa", "taten"),  # leading
    (r"\bat least\b", " ", "at least"),  # "agree on at least one item": not the least
    (r"\b(line|lines|lined) up\b", "aligned", " up"),  # "where do execs and CS line up?": agree
    (  # "same for Germany?": a follow-up, not "the same for execs and CS" (agreement)
        r"\bsame (question )?(?=(for|with|on) (?!(the )?(execs?|executives?|both|cs|managers?|two|each|all|groups?)\b))",
        " ",
        "same",
    ),
    (r"\bmeaning (?=(they|that|it|we|the|companies)\b)", " ", "meaning"),  # "..., meaning they run ..."
    # "come out higher than the execs": rate higher, not the results coming out
    (
        r"\b(come|came|comes|coming) out (?=(higher|lower|ahead|on top|better|worse|more|less)\b)",
        "rate ",
        " out ",
    ),
)

_STEPS_9 = _steps(
    (  # the causes themselves, not the companies planning analytics to find them
        r"\b((what|which) (are|were) the (top |most common |main |biggest |primary |usual )?(root )?(causes|reasons|drivers)"
        r"|(quali sono|quali erano) (i|le) (principali |piu comuni )?(motivi|cause|ragioni)"
        r"|vilka (ar|var) de (vanligaste|storsta|framsta) (orsakerna|anledningarna|skalen))\b",
        " contactreasons ",
        "causes",
        "reasons",
        "drivers",
        "motivi",
        "cause",
        "ragioni",
        "orsakerna",
        "anledningarna",
        "skalen",
    ),
    (r"\bweighted (to|towards|toward|in favou?r of)\b", r"leaning \1", "weighted"),  # a plan, not a survey
    (r"\bstar det\b|\bdet star (?=\d)", " ", "star det", "det star"),  # "står det något om": does it say
)

_STEPS_10 = _steps(
    (
        r"\bnormal (employees|staff|agents|people|workers|reps|ones|companies|firms|businesses)\b",
        r"ordinary \1",
        "normal",
    ),
    # "did they hire a research firm?": who ran the study, not hiring agents
    (
        r"\b(hire|hired|hiring|use|used|pay|paid) (a|an|the|some) (market )?(research|survey|polling) (firm|company|agency|house|outfit)\b",
        "commissioned a research firm",
        "research",
        "survey",
        "polling",
    ),
    # "hur stor andel av deltagarna kom från ...", "che quota di partecipanti veniva da ...": a share of the sample
    # (its frame), not who the respondents were
    (
        r"\b(andel|del|quota) (av|di|dei) (deltagarna|partecipanti)(?= (kom|veniva|venivano))",
        r"\1",
        "deltagarna",
        "partecipanti",
    ),
    # who answered, asked as a choice ("var det vanliga anställda eller chefer som svarade?", "were they agents or managers?")
    (
        r"\b(var det|was it|were they|were those|were it|erano) ([a-z]+ ){0,5}(som svarade|who answered|who responded"
        r"|che hanno risposto)\b"
        r"|\b(were|was) (they|those|it) ([a-z]+ ){0,2}(agents|frontline|employees|staff|managers|execs|executives)"
        r"( [a-z]+){0,2} or ([a-z]+ ){0,2}(agents|frontline|employees|staff|managers|execs|executives|directors)\b",
        " who answered ",
        "svarade",
        "answered",
        "responded",
        "risposto",
        " or ",
    ),
    # "what kind of people answered the survey?": who answered
    (
        r"\b(what|which) (kinds?|sorts?|types?) of (people|persons|respondents|folks|roles|managers)( [a-z]+)?"
        r" (answered|responded|took part|participated|were asked|were surveyed|filled)",
        " who answered ",
        "kind",
        "sort",
        "type",
    ),
    (r"\bmajor (markets|regions|countries)\b", r"\1", "major"),  # the release's "major markets"
    (r"\bchurn(ing|s)? (through|out)\b", "processing", "churn"),  # volume churned through, no churn
    # "quick one": a filler, no "one" of "run as one"
    (r"\b(a )?quick (one|q)\b", " ", "quick"),
    # "is that kind of disconnect normal or is it just us?": how common, not a typical value
    (r"\b(is|isn t|are) (that|this|it|we|our [a-z]+)(( [a-z]+){0,3}) normal\b", r"\1 \2\3 common", "normal"),
    # "is it normal that few call their contact centre strategic?", "è normale che ...": how common, not a typical value
    (r"\b(is it|e|ar det) (normal|normale|normalt) (that|for|che|att)\b", r"\1 common \3", "normal"),
    (r"\b(qualified|marketing) leads\b", "salesleads", "leads"),  # leads to sell to, not leading
    (r"\bfirst (call|contact) resolution\b", "fcr", "first"),  # not "first" as in leading
    (r"\bmean when (he|she|they|it) (says?|said|writes?|wrote)\b", r"\1 \2", "mean when"),  # what he says
    # what a figure means: "vad betyder de 16 procenten", "cosa significa il 16%"
    (
        r"\b(vad betyder|cosa significa|che significa|what means|cosa indica|cosa rappresenta)"
        r" (de |det |il |la |the |siffran |talet |the number |the figure |il numero |la cifra |il dato )?(\d+)",
        r"\3 source",
        "betyder",
        "significa",
        "means",
        "indica",
        "rappresenta",
    ),
    (r"\b(cause|cuz|coz) (?=(i|we|they|you|it|the)\b)", "because ", "cause", "cuz", "coz"),  # "cuz I think": because
    (r"\b(var|ar) med\b", "deltog", " med"),  # "var med i", "är med": took part (not "vår", our)
    (r"\b(took|take|takes|taking|taken) part\b", r"\1", " part"),  # took part: no part of the world
    (r"\b(stands?|standing|stood) out\b", "standout", " out"),  # "any country stands out on ...?"
    (r"(?<=\d) one\b|(?<=\bmillion) one\b", "", " one"),  # "what was that 78% one about?": the 78
    (r"^(wait|hold on|hang on) (?=(what|which|who|where|how|was|is)\b)", "", "wait", "hold on", "hang on"),
    (r"\bvar (?=(har|ar|finns|ligger) (flest|mest|hogst|storst)\b)", "where ", "var "),  # "var har flest ...?"
    (  # "where is there less difference", "in quali punti c'è meno differenza": where they agree
        r"\b(less|meno|mindre|minst) (difference|differenza|skillnad|gap|divario|glapp)\b",
        "smallest \\2",
        "less",
        "meno",
        "mindre",
        "minst",
    ),
    (r"\bfick ((?:\w+ ){0,3})svara\b", r"\1svarade", "fick "),  # "fick agenterna själva svara": answered
    (r"\bsplit (?=(is |the )?(widest|biggest|largest|greatest)\b)", "gap ", "split "),  # "split the widest"
    (r"\b(which|what) areas\b", r"\1 topics", " areas"),  # "in which areas do they agree?": no places
    (  # "where do they think most differently", "la pensano in modo più diverso": the largest gap
        r"\b(most differently|in modo piu diverso|piu diversamente|mest olika)\b",
        "biggest difference",
        "most diff",
        "piu divers",
        "mest olika",
    ),
    (  # how big a bonus: an amount
        r"\b(how big|how large|hur stor|hur stora|quanto grande)( a| an| en| ett| are their| are the| is their| is the| ar| var)? (bonus|bonuses|bonusen|salary|salaries|pay|lon|lonen|premio|stipendio)\b",
        "amount \\3",
        "how big",
        "how large",
        "hur stor",
        "quanto grande",
    ),
    (
        r"\bsee eye to eye\b|\b(are|is|be) on the same page\b|\bsamma sida\b|\bsulla stessa lunghezza d onda\b",
        " agree ",
        "eye",
        "same page",
        "samma sida",
        "lunghezza",
    ),
    (
        r"^(snabbt|snabb fraga|kort fraga|quick|quickly|veloce)\b",
        " ",
        "snabb",
        "kort",
        "quick",
        "veloce",
    ),  # "snabbt: hur manga agenter..."
    (  # asides
        r"\b(quick|short) (question|q)\b|\bdomanda (veloce|rapida)\b|\bsnabb fraga\b|\bsanity check\b",
        " ",
        "quick",
        "short",
        "domanda",
        "snabb",
        "sanity",
    ),
    (r"\bafter ?sales?\b", "aftersales", "after"),  # the after-sales department, not sales
    (  # a change between the studies' years, or since them: a trend
        r"\b(since|sedan|dal|dall) (2004|2008)\b|\b(between|mellan|tra) (il )?2004 (and|och|e) (il )?2008\b"
        r"|\b2004 (vs|versus|to|till) 2008\b|\bthan (it does )?(now|today)\b|\bnowadays\b|\bthese days\b",
        "sinceyear",
        "200",
        "than",
        "nowadays",
        "these days",
    ),
    (r"\bcall ?backs?\b", "callback", "call"),
    (r"\bself ?(serv[a-z]*|s[a-z]{1,5}ices?)\b", "selfservice", "self"),  # self serve, self sevice
    (r"\bc ?(level|suite)\b", "clevel", "level", "suite"),
)

_STEPS_11 = _steps(
    (r"\breal ?time\b", "realtime", "time"),
    (
        r"\b(per|each|every|varje|ogni) (call|contact|interaction|chiamata|contatto|samtal|kontakt)\b(?! center)",
        "percontact",
        "call",
        "contact",
        "interaction",
        "chiamata",
        "contatto",
        "samtal",
        "kontakt",
    ),
    (
        r"\b(firm|business|businesse|organization|enterprise|corporation|org|shop)s?\b",
        "company",
        "firm",
        "business",
        "org",
        "enterprise",
        "corporation",
        "shop",
    ),
    (r"\b(il|del|dal|al) customer (service|care)\b", r"\1 cs", "customer"),  # the Italian group name
    (  # "the customer service people report higher": the CS side of the comparison
        r"\b(customer service|customer care|service|support|cx|kundtjanst) (people|folks|staff|side|pros|team|teams|managers|folket|sidan)\b",
        " cs ",
        "service",
        "care",
        "support",
        "cx",
        "kundtjanst",
    ),
)

_STEPS_12 = _steps(
    (r"\b(the|their|any) kit\b", r"\1 tools", "kit"),
    (r"\b(the|any) say ?so\b", r"\1 authority", "say"),
)

_STEPS_13 = _steps(
    # "le aziende intervistate": the surveyed companies, the sample (not the respondents' roles, "gli intervistati")
    (r"\b(aziende|imprese) (intervistate|coinvolte)\b", r"\1", "intervistate", "coinvolte"),
    (  # "total companies surveyed", "companies in total": how many companies
        r"\b(total|totale|totalt)( number of| antal| numero di)? (company|companies|foretag|aziende)\b"
        r"|\b(company|companies|foretag|aziende)( surveyed| sampled| polled| intervistate| tillfragade)? (in total|totalt|in tutto)\b",
        "how many companies",
        "tot",
        "in tutto",
    ),
    # "did it really cover over 900 companies?", "close to a thousand companies": the sample's count, checked
    (
        r"\b((over|about|around|almost|nearly|close to|roughly|some|ca|circa|cirka|quasi|oltre) (\d{3}|a thousand|mille|tusen)"
        r"|(?<!\bin )927) (companies|firms|organi[sz]ations|foretag|bolag|aziende|imprese)\b",  # (not the release's "in 927 companies")
        "how many companies",
        "compan",
        "firms",
        "organi",
        "foretag",
        "bolag",
        "aziend",
        "impres",
    ),
)

_STEPS_14 = _steps(
    (
        r"\b(companies|aziende|foretag|foretagen)( and| e| och)? (?=(countries|paesi|lander|countcountry)\b)",
        r"countcompany\2 ",
        "companies",
        "aziende",
        "foretag",
    ),
    (
        r"\b(countries|paesi|lander|countcountry)( and| e| och)? (companies|aziende|foretag|foretagen)\b",
        r"\1\2 countcompany",
        "companies",
        "aziende",
        "foretag",
    ),
)

_STEPS_15 = _steps(
    # "overestimate the effort in their companies to measure ...": the work, not a customer effort score
    (r"\b(the|their|its|our) efforts? (in|of|to|at)\b", r"\1 work \2", "effort"),
    # "Did the CS pros also agree, and by how much?": the gap's size, not an amount of money
    (r"\bby how much\b", "gap", "by how much"),
    (r"\bfront[ -]?line(r?s)?\b", "frontline", "front"),  # "us front line folks"
    # "how much a customer is worth over time", "quanto vale un cliente nel tempo": customer lifetime value
    (
        r"\b(how much|amount) (a |each |every |the )?customers? (is|are) worth( to us| to the company)? over (time|the years|"
        r"their lifetime)|\b(how much|amount) (is|are) (a |each |every |the )?customers? worth( to us| to the company)?"
        r" over (time|the years|their lifetime)|\bhur mycket (en|varje) kund ar vard over tid"
        r"|\b(quanto|amount) vale (un|il|ogni) cliente (nel tempo|negli anni)",
        "customer lifetime value",
        "worth",
        "vard",
        "vale",
    ),
    (  # "dove la distanza è minima": the smallest gap
        r"\b(distanza|divario|differenza|gap|scollamento)( e| sia)? (minim[oaie]|piu piccol[oaie])\b",
        "smallest gap",
        "minim",
        "piccol",
    ),
    (  # "and the other way round?", "åt andra hållet", "il contrario"
        r"\b(the )?other way (round|around)\b|\b(at|i) (det )?andra hallet\b|\b(il|al) contrario\b|\bviceversa\b",
        "reversed",
        "other way",
        "andra hallet",
        "contrario",
        "viceversa",
    ),
    # "which numbers are rosier at the top": the executives'
    (r"\b(rosier|more positive|more optimistic|higher) (at|from) the top\b", r"execs \1", "the top"),
    # "what do we know about Germany": what there is, not the team's own
    (
        r"\bwhat do we (know|have) (about|on|for)\b|\bvad vet vi om\b|\bcosa sappiamo (su|di|della|del|sulla|sul)\b",
        "what is there about",
        "do we",
        "vet vi",
        "sappiamo",
    ),
    # "which agency did the fieldwork", "quale istituto": who ran it
    (
        r"\b(which|what|vilken|vilket|quale|che) (research |polling |market research )?"
        r"(agency|firm|institute|institut|byra|analysbyra|istituto|agenzia|societa)\b",
        "who",
        "agency",
        "firm",
        "institut",
        "byra",
        "istituto",
        "agenzia",
        "societa",
    ),
    (r"\bhur lang (tidshorisont|tidsram)", r"hur \1", "hur lang"),  # a horizon, not a duration
    # "are people paid for quality or for volume": pay, not who paid for the study
    (
        r"\bpaid for (?=(quality|speed|productivity|volume|volumes|output|performance|calls|results|service)\b)",
        "paid ",
        "paid for",
    ),
    # "where are the bosses most out of touch", "più scollegato", "ute och cyklar": a disconnect
    (
        r"\bout of touch\b|\bscollegat[oaie]\b|\bute och cyklar\b",
        "disconnected",
        "out of touch",
        "scollegat",
        "cyklar",
    ),
    # "I don't mean the execs, I mean the frontline": a correction, not a definition asked
    (
        r"\b(i|we) (do not |don t |dont )?mean\b|\bjag menar\b|\b(intendo|non intendo)\b",
        " ",
        "mean",
        "mena",
        "intendo",
    ),
)

_STEPS_16 = _steps(
    # "vad står 75 % för": what the figure stands for
    (r"\bvad star ((?:[a-z0-9]+ ){1,6})for\b", r" \1 standfor ", "vad star"),
    (r"\bvad ar ((?:[a-z0-9]+ ){1,4})for (nat|nagot)\b", r" \1 standfor ", " for na"),  # "vad är 75 % för nåt"
    (r"\bvirtual (agents?|assistants?)\b|\b(agent|assistent)[ei] virtual[ei]\b", "virtualagent", "virtual"),
    (  # "in che periodo", "under vilken period", "during what period": when
        r"\b(in|during|over|under|nel|per) (che|quale|which|what|vilken) (periodo|period|perioden|tidsperiod)\b",
        r"\g<0> quando",
        "period",
    ),
)

_STEPS_17 = _steps(
    (r"\b(e|sono) (in testa|al primo posto)\b", "guida", "testa", "primo posto"),  # "chi è in testa": who leads
    (  # "il divario più ampio": the largest, not "più" as in "rate higher"
        r"\bpiu (ampi[oae]|grand[ei]|marcat[oaie]|fort[ei]|evident[ei]|larg[oaeh]i?|nett[oaie]|profond[oaie]|significativ[oaie])\b",
        "maggiore",
        "piu ",
    ),
)


@lru_cache(maxsize=4096)
def _normalize(text: str) -> str:
    """Lower-case, strip accents and punctuation; fold British/US spellings we know of. Cached: one
    answer normalizes its question several times, and data/ keywords once each."""
    text = unaccented(text.replace("ciò", "questo").replace("Ciò", "Questo"))  # ("su ciò": that, not the CIO)
    text = text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")  # as Slack escapes them
    text = text.replace("->", " ").replace("=>", " ").replace(">", " higher than ").replace("<", " lower than ")
    text = (
        text.replace("%age", " percentage ")
        .replace("&", " and ")
        .replace("$", " dollars ")
        .replace("€", " euros ")
        .replace("£", " pounds ")
    )
    digits = any(c.isdigit() for c in text)
    if digits:
        text = _subs(_STEPS_1, text)
    text = _subs(_STEPS_2, text)
    if digits:  # "54% of what?", "a 16% gap - in what exactly?": what a quoted figure measures
        text = _subs(_STEPS_3, text)
    text = _subs(_STEPS_4, text)
    text = _sub(  # a figure as the subject: "what does the 40% measure"
        r"\b(does|do|did|is) (the |that |this )?(\d+)( [a-z]+)? (measure|measures|measuring|mean|means|show|shows|"
        r"represent|represents|count|counts|refer|for)\b",
        r"\3 source",
        text,
        *("0123456789" if digits else ()),
    )
    text = _subs(_STEPS_5, text)
    text = _one_title(text)
    text = _subs(_STEPS_6, text)
    text = _sub(
        r"\b(don|doesn|didn|haven|hasn|aren|isn|can) t\b",
        lambda m: {"can": "cannot"}.get(m.group(1), m.group(1)[:-1] + " not") if m.group(1) != "don" else "do not",
        text,
        " t",
    )
    text = _subs(_STEPS_7, text)
    text = _sub(  # "smallest and largest companies": both
        r"\b(aziende|azienda) piu piccol[ae] e (le |la )?piu grand[ei]\b"
        r"|\b(smallest|minsta) (and|och|e) (the |de )?(largest|biggest|storsta) (companies|firms|foretag|foretagen|company sizes?)\b"
        r"|\b(largest|biggest|storsta) (and|och|e) (the |de )?(smallest|minsta) (companies|firms|foretag|foretagen|company sizes?)\b",
        lambda m: "smallest companies and largest companies",
        text,
        "smallest",
        "minsta",
        "piccol",
    )
    text = _sub(  # "de minsta resp. största företagen": each of them named with its noun
        r"\b(smallest|minsta|piu piccole) (resp|respektive|och|and|e|or|eller|o) (largest|biggest|storsta|piu grandi) "
        r"(company|companies|foretag|foretagen|bolag|bolagen|aziende)\b",
        r"\1 \4 \2 \3 \4",
        text,
        "smallest",
        "minsta",
        "piccole",
    )
    if "aziend" in text:  # "le aziende nel campione: la più piccola e la più grande?"
        text = _sub(r"\b(la|le) piu (piccol[ae]|grand[ei])\b", r"\1 aziende piu \2", text, "piu")
    if "foretag" in text:  # "hur stora var företagen – det minsta och det största?"
        text = _sub(
            r"\b(det|den|de) (minsta|storsta)\b(?! (foretag|bolag))", r"\1 \2 foretagen", text, "minsta", "storsta"
        )
    text = _subs(_STEPS_8, text)
    text = _horizon(text)
    text = _subs(_STEPS_9, text)
    # "how many people rate it very strategic", "how many agents reckon", "quanti operatori la considerano
    # critica": a share asked, not a head count (the agents, executives... asked stay named)
    text = _sub(
        r"\b(how many|quanti|quante|hur manga)( of the| of| av| dei| degli)? (people|respondents|folks|of them|of us"
        r"|agents|execs|executives|managers|cs pros|operatori|agenti|executive|manager|dirigenti|chefer|medarbetare"
        r"|agenter)( actually| really| davvero| verkligen| la| lo| li| le| it| that| this| det| den)? "
        r"(?=(rate|rated|say|said|think|thinks|thought|agree|agreed|believe|believed|consider|considered|see|saw|feel"
        r"|felt|claim|claimed|reckon|considerano|pensano|ritengono|dicono|anser|tycker|tror|sager)\b)",
        lambda m: "what share " if m.group(3) in ("people", "respondents", "folks") else f"share {m.group(3)} ",
        text,
        "how many",
        "quant",
        "hur manga",
    )
    text = _subs(_STEPS_10, text)
    if digits:
        text = OTHER_YEAR_RE.sub("otheryear", text)  # the studies are from 2004 and 2008, nothing else
    text = _subs(_STEPS_11, text)
    if digits:  # figures asked of companies of one size ("CLV for companies under 500 agents"): a breakdown
        text = _sub(
            r"\b(company|companies|centers?|ones|those|foretag|foretagen|bolag|aziende|imprese)( with| having| of| med| con)? "
            r"(under|over|above|below|more than|fewer than|less than|higher than|lower than|at least|up to|fler an|farre an|"
            r"mer an|mindre an|over|piu di|meno di|oltre|sotto|sopra) (i |le |the )?(\d+) (agents?|employees?|seats?|staff|people|reps?|"
            r"agenter|anstallda|medarbetare|agenti|dipendenti|operatori)\b",
            r"\g<0> bysize",
            text,
        )
    if "kit" in text or "say" in text:  # "the kit, the say-so or the investment": the tools, the authority
        text = _subs(_STEPS_12, text)
    # a language version of a source ("the Swedish article", "i den svenska artikeln", "l'articolo svedese"): no country
    # (unless which version has a figure is asked: "does the swedish article also have the 67% ... or only the english?")
    text = (
        text
        if VERSION_HAS_RE.search(text)
        else _sub(
            r"\b(swedish|svenska|italian|italienska|english|engelska) (article|artikeln|version|versionen|release|"
            r"pressmeddelandet|write-up|source|kallan|text|texten)\b"
            r"|\b(articolo|comunicato|versione|fonte|testo) (svedese|italiano|italiana|inglese)\b",
            "translation",
            text,
            "swedish",
            "svensk",
            "italian",
            "english",
            "engelsk",
            "svedese",
            "inglese",
        )
    )
    # the release's "two significant areas of investment ... branch offices and virtualization": those two, not people
    text = _sub(r"\b(areas? of investment|investment areas?)\b", "areas", text, "investment")
    if "genere" in text:  # "strumenti del genere": of that kind, not gender
        text = _sub(r"\b(del|di questo|di quel|dello stesso|di che) genere\b", r"\1 tipo", text, "genere")
    # tools of the kind the message told of ("strumenti del genere", "such tools", "sådana verktyg"): no tools asked
    text = _sub(
        r"\b(strumenti|soluzioni) (del tipo|di questo tipo|simili)\b|\bsuch (tools|solutions)\b"
        r"|\b(tools|solutions) like (that|this|these|those)\b|\bsadana (verktyg|losningar)\b",
        "such things",
        text,
        "tipo",
        "simili",
        "such",
        "like th",
        "sadana",
    )
    if "sla" in text:  # "slå ihop": merge, not an SLA
        text = _sub(r"\bsla (ihop|samman)\b", "merge", text, "sla")
    if "kon" in text:  # "storm i kön", "när kön växer": the queue, not gender
        text = _sub(r"\b(i|pa|nar|da) kon\b|\bkon (vaxer|ar lang|exploderar|smaller)\b", "i telefonkon", text, "kon")
    text = _subs(_STEPS_13, text)
    # "how many companies", "antal företag", "quante aziende": the study's sample, not companies in general
    text = COUNT_TYPO_RE.sub(_counted_typo, text)  # "how many compnaies"
    text = COUNT_RE.sub(lambda m: "count" + COUNTED[m.group(3)], text)
    # companies beside countries, the sample's two counts ("companies and countries in the Genesys sample?")
    if "countr" in text or "paesi" in text or "lander" in text:
        text = _subs(_STEPS_14, text)
    # feedback from the staff to their managers is not the customers' feedback
    if "feedback" in text:
        text = STAFF_FEEDBACK_RE.sub("stafffeedback", text)
    # what the studies hold no figure for, whatever metric it is asked of: an amount of money
    # ("how much revenue does a call bring in"), how to do something, what customers think or do
    text = AMOUNT_RE.sub("amount", text)
    if "amount" not in text.split():  # "how much ... the average call": the amount is what is asked
        text = _sub(  # a typical value: "the average call", "agents per contact center" (not "average speed")
            r"\bon average\b(?! (speed|spd|handle|handling|time to answer))|\bi (genom)?snitt\b|\bin media\b|\bmediamente\b"
            r"|(?<!industry )\baverage\b(?! (speed|spd|handle|handling|time to answer))"
            r"|\bper (contact center|call center|center|company|site|team)\b",
            "onaverage",
            text,
            "average",
            "snitt",
            "media",
            "per ",
        )
    text = _sub(
        r"\b(what|which) (is|are|s) the best\b(?! (country|countries|region|regions|market|markets))|\bhow to\b"
        r"|\bhow (do|can|should) (i|you|one|we)\b(?! (stack|compare|measure up|fare|rank|line up|look against))"
        r"|\bhow (i|we) (can|should)\b|\bcome (si fa|fare|faccio|posso)\b"
        r"|\bhur (gor man|kan jag|ska jag|kan vi)\b|\bhur [a-z]+ar man\b"
        r"|\bshould (we|i)\b|\b(ska|bor|borde) vi\b|\bdovre(i|mmo)\b",
        "howto",
        text,
        "best",
        "how",
        "come",
        "hur",
        "should",
        "ska",
        "bor",
        "dovre",
    )
    if not SALES_RE.search(text):  # ("what customers say, passed on to sales": the feedback, not their own view)
        text = CUSTOMER_VIEW_RE.sub("customerview", text)
    text = _subs(_STEPS_15, text)
    text = _sub(
        r"(?<!brand )(?<!we )(?<!company )(?<!it )\bstands? for\b|\bsta per\b|\bcosa (?:indica|indicano|rappresenta|rappresentano)\b|\bwhat counts as\b|\bwhat is meant by\b|\bmeans?$|\b(do|does|did) ((?:[a-z0-9]+ ){1,4})mean\b|\bmeant by\b|\bmeaning\b|\bvuol dire\b|\bbetyder\b(?! (mer|mycket|lite|mest|nagot|allt))",
        lambda m: f" {m.group(2)}standfor " if m.group(1) else " standfor ",  # (what is defined stays: "virtualizing")
        text,
        "stand",
        "sta per",
        "indica",
        "rappresenta",
        "counts as",
        "mean",
        "vuol dire",
        "betyder",
    )  # a definition
    text = _subs(_STEPS_16, text)
    text = _sub(  # "who did Strativity survey", "who did they ask": who answered, not who ran it
        r"\b(who|whom|vem|chi) (did|does|have|has) ([a-z]+ ){0,3}(survey|interview|poll|ask|question)\b",
        lambda m: m.group(0).rsplit(" ", 1)[0] + " answered",
        text,
        "who",
        "vem",
        "chi",
    )
    text = _subs(_STEPS_17, text)
    return " ".join(text.split())


STAFF = r"(agents?|staff|employees?|reps?|agenter|agenterna|medarbetare|medarbetarna|operatori|agenti|dipendenti)"
STAFF_FEEDBACK_RE = literals.compile(
    rf"\b{STAFF} feedback\b|\bfeedback (from|fran|degli|dei|dagli|dai) (the |our |v[a-z]+ )?{STAFF}\b"
)


AMOUNT_RE = literals.compile(  # not "overestimate how much we track what a customer is worth": how far; nor
    # "judged on how much money each call brings in": what a metric is measured on
    r"(?<!overestimate )(?<!underestimate )(?<!overestimated )(?<!underestimated )(?<!overskattar )(?<!underskattar )"
    r"(?<!judged on )(?<!measured on )(?<!measured by )(?<!judged by )(?<!evaluated on )(?<!assessed on )"
    # "not just how much money it saves", "mäts på hur mycket pengar", "o solo su quanto fa risparmiare": the metric's words
    r"(?<!scored on )(?<!rated on )(?<!graded on )(?<!just )(?<!only )(?<!solo su )(?<!solo )(?<!mats pa )(?<!bedoms pa )(?<!misurato su )(?<!valutato su )"
    r"\b(how much|how many|hur mycket|quanto|quanta)\b(?!( [a-z0-9]+){0,5} (measured|measure|measures|tracked|track)\b)"
    r"(?! (said|say|says|think|thought|agree|agreed|feel|felt|believe|believed)\b)(?=( [a-z0-9]+){0,6} (spend|spent|spending|earn|earns|paid|pay|pays|cost|costs|worth|"
    r"save|saves|revenue|money|budget|generate|generates|dollars?|"
    # (not "how many bring in branch offices at peak times": brought in to help, not money)
    r"brings?(?! (in |into )?(the |their |our |more |extra |local )?(branch|local|remote|office|offices|staff|people|agents?|help|extra)\b)|euros?|intakt|intakter|pengar|tjanar|"
    r"sparar|"
    r"kostar|fatturato|soldi|guadagna|guadagnano|risparmia|risparmiano|risparmiare|genera|vale)\b)"
    r"|\b(share|percentage|percent|andel|percentuale) (of|av|del|di) (the )?(revenue|sales|profits?|intakterna|fatturato)\b"
)
SALES_RE = literals.compile(
    r"\b(sales|salj|saljare|saljarna|saljet|forsaljning|forsaljningen|vendite|commerciale|commerciali)\b"
)
CUSTOMER_VIEW_RE = literals.compile(
    r"\b(customers|callers|consumers|kunderna|kunder|clienti) (really |actually )?"
    r"(think|like|likes|want|wants|feel|feels|spend|spends|expect|expects|love|loves|care|cares|give|gives|use|uses|"
    r"prefer|prefers|say|says|agree|agrees|believe|believes|rate|rates|themselves|"
    r"tycker|vill|gillar|anvander|sager|sjalva|pensano|vogliono|amano|usano|dicono|stessi)\b"
    r"|\b(tycker|vill|gillar|sager|pensano|vogliono|amano|dicono) (kunderna|i clienti)\b"  # verb first: "vad tycker kunderna"
    # "i clienti cosa ne pensano" (not "dati dei clienti, quante aziende pensano di farlo": the companies think)
    r"|\b(customers|clienti|kunderna) ((?!(countcompany|quante|quanti|aziende|imprese|companies|firms|many|foretag|andel)\b)[a-z]+ ){1,2}"
    r"(think|pensano|tycker)\b"
)


STUDY_YEAR_RE = literals.compile(r"\b(2004|2008)\b")
OTHER_YEAR_RE = literals.compile(r"\b(?!2004\b|2008\b)(19[5-9]\d|20\d\d)\b")
COUNT_RE = literals.compile(
    r"\b(how many|how much|number of|share of|percentage of|hur manga|antal|antalet|andel|quante|quanti|numero di|"
    r"numero delle|numero degli|numero|percentuale di) (the )?(?:participating |responding |deltagande |partecipanti )?"
    r"(?:customer service |customer care |cs )?"
    r"(company|companies|cos|foretag|foretagen|bolag|bolagen|aziende|agents?|agenter|agenterna|operatori|agenti|"
    r"customers?|kunder|kunderna|clienti|calls|contacts|interactions|tickets|(sales )?leads|samtal|chiamate|"
    r"countries|lander|paesi)\b"
    r"(?! (service|care))"
)
COUNT_TYPO_RE = literals.compile(r"\b(how many|number of|hur manga|antal|quante|quanti|numero di) ([a-z]{6,})\b")
COUNTED_NOUNS = (
    "companies",
    "countries",
    "agents",
    "customers",
    "foretag",
    "foretagen",
    "aziende",
    "operatori",
    "agenti",
)


def _counted_typo(m: re.Match) -> str:
    """The counted noun with its typo folded ("countires" -> countries), so that counting the
    sample is still one word."""
    word = m.group(2)
    if word in COUNTED_NOUNS or word in COUNTED:  # (a word, not a typo: "how many customer service professionals")
        return m.group(0)
    hit = process.extractOne(word, COUNTED_NOUNS, scorer=OSA.normalized_similarity, score_cutoff=0.75)
    return f"{m.group(1)} {hit[0]}" if hit else m.group(0)


COUNTED = {
    **dict.fromkeys(("company", "companies", "cos", "foretag", "foretagen", "bolag", "bolagen", "aziende"), "company"),
    **dict.fromkeys(("agent", "agents", "agenter", "agenterna", "operatori", "agenti"), "agent"),
    **dict.fromkeys(("customer", "customers", "kunder", "kunderna", "clienti"), "customer"),
    **dict.fromkeys(("countries", "lander", "paesi"), "country"),
    **dict.fromkeys(
        ("calls", "contacts", "interactions", "tickets", "leads", "sales leads", "samtal", "chiamate"), "contact"
    ),
}

COUNT_TOKENS = frozenset("count" + v for v in COUNTED.values())  # "how many companies": countcompany


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """A text's words, folded and stemmed (cached: an answer reads its question's several times)."""
    return tuple(_stem(t) for t in normalize(text).split())


def _content(text: str) -> tuple[str, ...]:
    """The words that carry a topic. A word typed in capitals is an acronym and always does
    ("AI" is not the Italian "ai", "IT" not "it")."""
    acronyms = {a.lower() for a in ACRONYM_RE.findall(text)}
    return tuple(t for t in tokens(text) if t not in STOPWORDS or t in acronyms)


def _words(text: str) -> frozenset[str]:
    """Each word of a list, as questions' words are folded (word by word: the list is no sentence
    for normalize()'s phrase rules)."""
    return frozenset(t for word in text.split() for t in tokens(word))


# What a question asks beyond its topic: rank the gaps, find where the groups agree or which group
# rates higher, which region leads, where a figure comes from. English, Swedish, Italian.
LARGEST_WORDS = _words(
    "largest biggest widest greatest most max maximum huge major rank ranking ranked sort order "
    "storst storsta storre rangordna rangordning topplista maggiore maggior massimo grande grosso grossa classifica graduatoria"
)
# "is there a breakdown by company size?": a split asked, of whatever the message is about
SPLIT_WORDS = _words("breakdown breakdowns uppdelning uppdelat uppdelad suddivisione ripartizione spaccato")
GAP_WORDS = _words(
    "gap gaps delta glapp glappet difference differences differ differs diverge disagree disagreed disagreement disconnect divide mismatch "
    "apart gulf chasm "
    "skiljer skilde skiljde skilja oense oeniga differiscono skiljelinje skiljelinjer skiljelinjen skiljelinjerna "
    "skillnad skillnaden skillnader skillnaderna gapet gapen divario divari differenza differenze distanza "
    "klyfta klyftan klyftor isar scollamento disaccordo divergenza disallineamento disallineati distanti lontani"
)
AGREE_WORDS = _words(
    "agree agreed agreement aligned alignment same alike closest consensus overens eniga enig lika likadant samstammiga "
    "accordo concordano allineati allineamento uguale uguali concur concurs converge converged"
)
# a figure corrected as typed ("the ~66, no 67%"): the one after the correction counts
CORRECTED_RE = literals.compile(
    r"\d[\d.,]* ?%?,? (no|i mean|sorry|actually|nej|anzi|cioe|ehm|um),? (?=~?\d)", re.IGNORECASE
)
LOW_WORDS = _words("basso bassa bassi basse negativo negativi pessimisti pessimistic negative cautious")
# a country asked on the whole ("what's the UK picture overall", "vad finns det för siffror för Spanien")
COUNTRY_WHOLE_WORDS = frozenset(  # (as typed, not stemmed: "the Germany number on it" is one figure)
    [
        "overall",
        "overlag",
        "picture",
        "figures",
        "numbers",
        "stats",
        "data",
        "everything",
        "siffror",
        "siffrorna",
        "allt",
        "dati",
        "numeri",
        "tutto",
        "tutti",
        "generale",
    ]
)
WHAT_ABOUT_RE = literals.compile(r"\b(what|how) about\b|\bvad galler\b|\be per\b|\be (la|il|l|lo)\b")
DASH_RE = literals.compile(r"\s[-–—]\s")  # a clause set off by a spaced dash
CHE_ASK_RE = literals.compile(r"\s*che\s+(dimensioni|quota|percentuale|ruoli|settori|paesi|tipo)\b", re.IGNORECASE)
AMONG_WORDS = _words("among amongst bland hos for to from")  # (not "tra", "fra": also "between")
LEAST_WORDS = _words("least minst meno")  # "agree least": where they differ most
SMALL_WORDS = _words("smallest least lowest no zero minst minsta lagst ingen inget minimo minore nessun nessuna")
MORE_WORDS = _words(
    "higher more rosier rosiest sunnier greater above overestimate overestimates overrate overrates optimistic positive "
    "hogre mer fler oftare battre positiva overskattar optimistiska rosigare rosig rosigt ljusare superiore sovrastima sovrastimano "
    "ottimista ottimisti alte alti "
    "alta alto rosei rosea piu sopra"
)
LESS_WORDS = _words(
    "lower less underestimate underestimates underrate underrates below pessimistic lagre mindre underskattar "
    "pessimistiska inferiore meno sottostima sottostimano pessimista pessimisti"
)
NOT_WORDS = frozenset({"not", "never", "inte", "aldrig", "non", "mai"})
REVERSED_WORDS = _words(
    "reversed reverse reverses flip flips flipped opposite negative inverted omvand tvartom contrario"
)
EXEC_WORDS = _words(
    "exec execs executive executives clevel ceo ceos top management leadership bosses higherups suits senior "
    "beslutsfattare beslutsfattarna ledningen ledningens direktionen ledningsgruppen chef chefer cheferna chefen vd vdar "
    "direktorer direktorerna "
    "dirigenti capi capo vertici"
)
CS_WORDS = _words(
    "cs manager managers agent agents floor frontline staff professional professionals "
    "kundtjanst kundtjanstmedarbetarna medarbetarna medarbetare kundtjanstchef kundtjanstchefer kundtjanstcheferna "
    "kundtjanstchefernas agenter agenterna kundtjansten kundtjanstfolket kundtjanstfolk kundtjanstpersonal kundtjanstpersonalen "
    "operatori professionisti responsabili resp"
)
LEADER_WORDS = _words(
    "lead leads leader leaders leading best top highest first ahead most fastest quickest furthest farthest numberone "
    "hardest heaviest keenest keener eagerest standout further "
    "leder ledande bast hogst flest mest utbrett utbredd vanligast topp toppen langst forst framst guida migliore primo "
    "prima avanti meglio piu diffusa diffuso"
)
LEAD_WORDS = _words("lead leads leading led ahead leder ledde ledande guida guidano")  # "who leads on callbacks"
TOP_WORDS = _words(
    "leader winner vinnare vincitore tops topped topping numberone bast best primo prima migliore classifica topp toppen testa "
    "beat beats"
)  # with a country named: is it the leader? ("leaders" are executives)
ASK_WHAT_WORDS = _words("what which mean vad vilken vilket cosa quale")
BOTH_WORDS = _words("both each bada bagge entrambi entrambe ciascuno")  # "X and Y - both %"
ONLY_WORDS = _words("only just solo soltanto bara endast enbart")  # "is it true they agree only on the brand?"
METRIC_NOUNS = _words("metric metrics kpi kpis nyckeltal nyckeltalet metrica metriche indicatore indicatori")
STAT_WORDS = _words("stat stats statistic statistics number figure finding siffra siffran dato cifra numero")
PLACE_WORDS = _words(
    "country countries region regions market markets nation area land lander paese paesi regione nazione"
)
# "When"/"who" about the study itself: its dates, who ran it or answered it (facts say which they answer).
STUDY_WORDS = _words(
    "study survey surveyed polled research report fieldwork poll data undersokning undersokningen studien studie "
    "uppgifterna enkat enkaten resultaten indagine ricerca studio sondaggio dati questionario risultati results rilevazione "
    "conducted carried condotta condotto"
)
FRONTLINE_WORDS = _words("agent agents frontline floor agenter agenterna operatori agenti")
MANAGER_WORDS = _words("manager managers mellanchefer forman responsabili")  # not "chefer": executives too
# a compound ending in a study word says "the study": "genesysstudien", "strativityundersokningen"
STUDY_TAIL_RE = literals.compile(
    r"\w{4,}(" + "|".join(sorted((w for w in STUDY_WORDS if len(w) >= 6), key=len, reverse=True)) + ")$"
)
# what the sample held: "were banks included", "vilka branscher var med", "nel campione"
HOW_MANY_RE = literals.compile(
    r"\b(how many|hur manga|quant[ei]) [a-z]+ (companies|firms|foretag|bolag|aziende|imprese)\b"
)
# a count asked, as typed or as normalize() writes it ("how many companies": countcompany; not "countries")
COUNT_ASK_RE = literals.compile(
    r"\b(how many|hur manga|quant[aei]|number of|antal|" + "|".join(sorted(COUNT_TOKENS)) + r")\b"
)
SAMPLE_WORDS = _words(
    "included include includes sample covered deltog ingick ingar urvalet urval campione inclusi incluse inclusa "
    "coinvolte coinvolti"
)
STRICT_ASK_WORDS = _words("who whom vem chi when nar quando")  # not "vilka" (which, who)
ASK_WORDS = {"when": _words("when nar quando"), "who": _words("who whom vem vilka chi")}
SIZE_IDS = {"fact:sizes", "study_company_size_min", "study_company_size_max"}  # the companies' sizes, and their ends
SMALLEST_WORDS = _words("smallest smallestcompany minsta")  # ... both ends asked
BIGGEST_WORDS = _words("biggest largest largestcompany storsta maggiore")
ROLE_WORDS = _words("roles titles roller titlar ruoli")  # who answered, asked by their jobs: never context
JOB_WORDS = _words("sales marketing vendite vendita marknad salj saljare forsaljning")  # ... or by the jobs named
HOW_MANY_WORDS = _words("many manga quanti quante")
FIELDED_WORDS = _words("fielded")  # ... a verb beside another fact, unless its dates are asked
DATE_WORDS = _words("date dates datum")  # "who ran it + fieldwork dates": its dates are asked too
# With a leader word, which region leads ("where is X highest"); not Swedish "var", also "was"
WHERE_WORDS = _words("where dove")
# what a study found, asked of it ("what did the study find on that?", "vad visade undersökningen", "cosa dice")
FOUND_WORDS = _words("find found say says said show shows showed visar visade sager sa dice dicono trovato emerso")
THAT_WORDS = _words("that this those these det detta dessa questo questa quello quella questi cio")  # ... on that
IT_WORDS = THAT_WORDS | _words("it")  # a question that points back ("NPS: do execs rate it higher?")
TOOK_PART_WORDS = _words(  # "who" with one of these asks who answered, not who ran the study
    "took part participated participants answered answering responded responding respondents surveyed sampled questioned "
    "asked interviewed filled "
    "deltog deltagit deltagare svarade svarat respondenterna tillfragades fyllde partecipato partecipanti rispondenti risposto compilato "
    "intervistati omfattade omfattades omfattar tackte tacktes coprivano coperti copriva "
    "talk talked spoke spoken polled "  # "who did Strativity talk to?"
    "sottoposto sottoposta somministrato somministrata"  # "a chi è stato sottoposto?"
)
SOURCE_WORDS = _words(
    "source sources come comes came from quote quoted quotes quoting cite citation reference origin refer refers referring "
    "whose context kontext contesto kalla kallan kallor varifran kommer syftar fonte fonti viene vengono arriva proviene esce escono riferisce riferiscono citazione origine "
    "doc docs document documents documento article articles artikel artikeln articolo"
)

COMPARISON_WORDS = (  # what a comparison asks, in every word list above
    LARGEST_WORDS | GAP_WORDS | AGREE_WORDS | SMALL_WORDS | MORE_WORDS | LESS_WORDS | REVERSED_WORDS | LEADER_WORDS
)

# Words that carry no topic: question scaffolding (en, sv, it), the names of the groups being
# asked about, the domain itself ("customer service", "contact center") and the intents above.
STOPWORDS = (
    frozenset(
        _words(
            "a an the of to in on at for by and or is are was were be do does did what which who how "
            "many much share percent percentage per cent figure figures number numbers say says said "
            "think thinks believe believes agree agrees our their my we they it this that there "
            "about with as than more most less from tell me show give please study's partner partners "
            "exec execs executive executives clevel ceo ceos leader leaders top management "
            "manager managers agent agents staff employee employees frontline front line floor "
            "professional professionals cs people team rep reps think consider considered "
            "gap gaps difference vs versus compared compare where whats what's can could would should "
            "i you your us have has had get see seen sees really just only very "
            "rate rates score scores metric metrics kpi kpis benchmark benchmarks result results "
            "customer customers client clients service services contact center centers call calls survey research "
            "study studies data report findings finding "
            # Swedish
            "vad hur manga mycket procent av de den det som att och i pa ar for med om tror anser "
            "tycker sager vilka vilken vilket vem var varfor chefer cheferna beslutsfattare "
            "beslutsfattarna ledningen medarbetare medarbetarna kundtjanst kundtjanstmedarbetarna "
            "kundservice kundservicen kundtjansten agenter personal andel siffra siffror visar "
            "undersokningen undersokning studien en ett till fran mellan inte bara deras var vara vi "
            "ni du jag kan ska har hade kunder kunderna kunden kontaktcenter kontaktcentret "
            "kontaktcenters samtal samtalen tillfragade eller viktig viktigt bland under efter inom "
            "utan ocksa alla hela mest sig sin sina nu da sa bor "
            # Italian
            "il lo la l i gli le un una uno di del della dei degli delle da dal dalla in nel nella "
            "nei su sul sulla sui sugli alle ai agli al allo alla dalle dagli per con tra fra che chi cosa come quanto quanti quante quale quali e o "
            "sono ha hanno pensa pensano ritiene ritengono dice dicono percentuale executive manager "
            "dirigenti operatori agenti professionisti nostro nostri nostra divario differenza "
            "rispetto studio indagine ricerca dati cliente clienti servizio customer service contact "
            "center chiamata chiamate importante stata stato fatto fatta secondo anche solo ce c nell nello negli "
            "nelle realta "  # "piccole realtà": small organisations, not "realtid"
            # words that are no typo of a topic's ("världen" is not "vården", "automated" not "automotive")
            "varlden varldens automated automation automate automatic automatico automatica automatiserad "
            # filler adverbs, in all three
            "generally generellt generalmente usually vanligtvis solitamente basically kinda sorta tho gonna wanna lol hmm "
            # seasons ("våren 2008" is spring, not "vården")
            "spring autumn summer winter varen hosten sommaren vintern primavera autunno estate inverno "
            # verbs that are no typo of a topic's word ("fornisce" is not "fornitore", a vendor)
            "fornisce forniscono fornito fornita fornire riporta riportano conti conta contano contare cosi com era "
            "longer shorter actually completo completa completi fullstandig fullstandiga "
            # greetings and sign-offs of a formal message ("Dear colleagues, ... Kind regards")
            "dear colleagues colleague regards kind grateful cheers mvh halsningar gentili colleghi cordiali saluti "
            # how widely something is taken up: the share of companies a company metric already is
            "adoption adopted adopting "
            # a request's verb ("send me the country count"; "send" is no typo of "spend")
            "send sends mandami inviami skicka skickar "
            # ... and words no typo of a comparison's ("a guide to the callback figures" is not "guida", leads)
            "guide guides guided "
            # a finding ("what the survey found"), never a typo of a topic's word ("bound")
            "find finds found finding findings "
            # ... nor a verb no typo of another language's word ("the revenue each call generates" is no "genere")
            "generate generates generated generating "
            # ... nor an adverb of a framing's word ("ideally ranked": no ideal value asked)
            "ideally "
            # ... nor the sources' own words that are a letter off a topic's ("while" is no "chile", "on a
            # worldwide basis" no "paesi bassi", "i primi di maggio" no "privi")
            "while whilst basis primi vice versa viceversa forresten "
            # ... nor who answered, in Italian ("i rispondenti", "devo rispondergli": no "tempo di risposta")
            "rispondenti rispondergli risposto rispondono "
            # the asker's own meeting ("Inför budgetmötet på torsdag": no cost asked)
            "budgetmote budgetmotet budgetmoten budgetmotena"
        )
    )
    | COMPARISON_WORDS
    | SOURCE_WORDS
    | ASK_WORDS["when"]
    | ASK_WORDS["who"]
    | EXEC_WORDS  # the groups compared, in every language ("förmän" is no typo of "formazione")
    | CS_WORDS
    | MANAGER_WORDS
) - {"first"}

# The name of the study that is a word of who ran it: on its own it asks who; beside a topic it
# only says which study ("industries in the genesys study").
STUDY_NAME_WORDS = _words("genesys equation")
NAMED_STUDY = {  # a study named keeps the other study's facts out ("respondents in the strativity study")
    **dict.fromkeys(STUDY_NAME_WORDS, "genesys2008"),
    **dict.fromkeys(_words("strativity strativitys arussy arussys"), "strativity2004"),
    "2004": "strativity2004",  # "the 2004 piece"
}
ACRONYM_ONLY = frozenset({"usa"})  # a place only typed in capitals: the Italian "usa" is "uses"
WHICH_WORDS = _words("which what where vilka vilken vilket var dar quali quale qual dove cui")
ITEM_WORDS = _words(
    "figures metrics numbers items areas topics questions statements kpis siffror punkter omraden fragor nyckeltal resultat "
    "indicatori dati voci aree ambiti metriche "
    "figure metric number item area topic question statement kpi siffra punkt omrade fraga indicatore dato voce metrica"
)
GUESS_WEIGHT = 0.9  # a word guessed from a stem or a typo counts a little less than one typed
# what a comparison asks, typo-tolerant for words of five letters or more ("disagre", "bigest")
INTENT_WORDS = sorted(
    w  # (and the groups: "dirigneti" is dirigenti)
    for w in COMPARISON_WORDS | LEAD_WORDS | STUDY_WORDS | ITEM_WORDS | TOOK_PART_WORDS | EXEC_WORDS | CS_WORDS
    if len(w) >= 5
)

OTHER_TEAMS = frozenset(
    _words(
        "sale sales marketing finance hr legal product engineering leadership exec executive quality qa ops operations it bi training wfm procurement purchasing"
    )
)
OUR_WORDS = _words("our we us my vart vara var mitt mina nostro nostra nostri mio mia miei")
SAMPLE_IDS = frozenset(
    {"fact:respondents", "study_companies", "study_agents_covered", "study_share_small", "study_share_large"}
)
PERSONAL_WORDS = OUR_WORDS | _words("i im we re ours jag vi oss min io noi sono siamo")
PULSE_WORDS = _words("pulse pulses puls pulsen pulser sondaggio poll polls results")
TEAM_WORDS = _words("team teams pulse pulses puls pulsen pulser result results survey poll polls squadra sondaggio")
# "how many agents" is one word (COUNT_RE)
AGENT_WORDS = frozenset(tokens("agent agents frontline front-line floor staff rep reps employees how many agents"))
YEARS = {2004.0, 2008.0}
# a question word, or the figures asked for ("uk figures?"): what makes a part of a message a question of its own
PART_ASK_WORDS = _words(
    "what which who when where how whats why is are does do did hur vad vilka vilken vilket nar vem var finns "
    "quanti quante quanto quale quali qual che quando chi dove cosa come figures numbers number data stats siffror siffrorna dati numeri "
    "same samma stessa stesso"  # "same question for the consoles"
    " everything whatever allt tutto"  # "..., and separately everything you have on France"
) | {"count" + counted for counted in COUNTED.values()}  # "how many companies ..." is one word, "countcompany"
# between two figures asked in turn: a conjunction (or a question's end) and at most four words
CHAIN_GAP_RE = literals.compile(  # (an elided article before the figure: "E l'85%?")
    r"(?:\?|,|;|&|\+|\b(?:and|also|plus|och|samt|e|ed|anche|vs|versus)\b)\s*(?:[^\s.?]+\s+){0,4}(?:\w+['’]|[\"'“‘«])?$"
)
WHICH_OF_RE = literals.compile(
    r"\d\b[^?]{0,40}\b(is (that|it|this)|ar (det|den)|e (quello|quella|il|la|la cosa)|si tratta (del|della|di))\b"
    r"[^?]{2,60}\b(or|eller|o|oppure)\b(?! (both|bada|entrambi|entrambe)\b)"
)
COMPARED_WORDS = _words("vs versus against contro rispetto mot jamfort compared than")
VS_ONLY_RE = literals.compile(r"\W*(vs|versus)\W*")
BELIEF_RE = literals.compile(
    r"\b(is it true|is that true|stammer det|ar det sant|e vero"
    # a guess to check ("where's the biggest gap? I'd bet it's feedback", "min kollega påstår ...", "scommetto che")
    r"|i'?d bet|i bet|is convinced|are convinced|my guess is|was it the|jag tror|jag gissar|pastar|scommetto)\b"
)
# every figure for a region asked, whatever else the message names ("Germany 54% on callbacks - what else is there?")
ALL_FOR_REGION_RE = literals.compile(
    r"\b(anything else|what else|everything|all (the |of the )?([a-z]+ )?(figures|numbers|data)|alla siffror|allt ni har|allt om"
    r"|tutti i (dati|numeri)|cos'altro|cos altro|che altro)\b"
)
ANYTHING_WORDS = _words("anything something nagot nagonting qualcosa")  # "is there anything they agree on?"
# what asks for a ranking ("which figures", "where else", "su cosa", "anything"), not "what %age agreed?"
RANKING_ASK_WORDS = _words("which where else vilka vilken var dove quali quale cosa") | ANYTHING_WORDS
QUESTION_START_RE = literals.compile(
    r"\s*(how|what|which|who|when|where|hur|vad|vilk|vem|n[äa]r|quant|qual|che|chi|quando|dove|cosa)\w*\b",
    re.IGNORECASE,
)
FIGURE_WORDS = _words(
    "percent percentage share worldwide global overall andel procent globalt totalt percentuale globale totale mondiale "
    "complessivo complessiva"
)
# a question beside a figure told that asks another group's or the overall figure, or the split ("Nära 40 procent
# virtualiserar. Skiljer det sig mellan chefer och medarbetare?"), not "what was it?"
ANOTHER_FIGURE_WORDS = (
    EXEC_WORDS | CS_WORDS | GAP_WORDS | SPLIT_WORDS | COMPARED_WORDS | FIGURE_WORDS | MORE_WORDS | LESS_WORDS
)
SAME_RE = literals.compile(r"\s*(same|samma|lo stesso|la stessa|stessa cosa|idem)\b", re.IGNORECASE)
ALSO_RE = literals.compile(
    r"\s*(?:(?:then|sedan|sen|poi) )?(also|and|plus|och|samt|dessutom|e|ed|inoltre|nonch[eé]|anche|[aä]ven|ocks[aå]|\+)[,:]?\s",
    re.IGNORECASE,
)  # (not "e.g."; "poi anche ...")
# a sentence that asks next ("... che % di aziende? poi chi ha condotto la ricerca, e ...")
THEN_ASK_RE = literals.compile(
    r"\s*(?:then|poi|sen|sedan|dopo)\s+(?=" + QUESTION_START_RE.pattern.lstrip("\\s*") + ")", re.IGNORECASE
)
ALL_FIGURES_RE = literals.compile(
    r"\b(?:all|alla|tutti) (?:of )?(?:the |i )?(?:numbers|figures|data|siffror|siffrorna|dati|numeri)\b", re.IGNORECASE
)
TOPIC_JOIN_RE = literals.compile(
    r"\s*(?:[+&;]|,?\s+(?:and|och|e|ed|plus|nonch[eé])(?:\s+(?:also|också|anche))?|,\s*(?:also|också|anche))\s+",
    re.IGNORECASE,
)
PLEASE_END_RE = literals.compile(r"\s(pls|plz|please|tack|grazie|per favore)[\s.!]*$", re.IGNORECASE)
# a later sentence that asks for one more topic by ending in "too" ("customer lifetime value too", "CLV också tack")
TOO_RE = literals.compile(
    r"\s(too|as well|ocks[aå]|anche|pure)\s*(pls|please|plz|thanks|tack|grazie)?[\s.!?]*$", re.IGNORECASE
)
# where a second question starts inside a sentence: a conjunction, then a question word
ANOTHER_QUESTION_RE = literals.compile(
    # "how many countries, how many companies" (not "lokalkontor vid toppar, hur många företag gör det")
    r"[,;]\s*(?=(?:how many|quanti|quante|hur m[åa]nga)\s+\w+\s*(?:[,;?]|$|and\b|och\b|e\b))"
    r"|(?:[,;?]\s*|\s+)(?:(?:and|och|e|ed|plus|also|samt|inoltre|nonch[eé]|vs\.?|versus)\s+(?:also\s+|ocks[åa]\s+|anche\s+|separately,?\s+)?|[+&]\s*"
    # "..., anche: quante aziende ...", "..., också: hur många ...", "prima dimmi ..., poi per quali mercati"
    r"|(?:anche|ocks[åa]|dessutom|also):\s*|(?<=,\s)(?:poi|then|sen|sedan)\s+)"
    r"(?=(?:roughly\s+|about\s+|approximately\s+|ungef[äa]r\s+|circa\s+)?"
    # ("..., and in general which figures do execs rate rosier?")
    r"(?:(?:in general|overall|more generally|generally|i allm[äa]nhet|generellt|in generale|in genere),?\s+)?"
    r"(?:(?:for|in|on|about|per|di|su|in|a|f[öo]r|om|i|p[åa]|over|[öo]ver|within|inom|entro|by|with|med|con|across|da|under)\s+)?"
    r"(?:how|what|whats|which|when|who|whom|where|hur|vad|vilka|vilken|vilket|n[äa]r|vem|quanti|quante|quanto|quanta|quale|quali|qual|quando|chi|dove|cosa"
    # "..., and is there any where CS comes out higher?", "och var är de mest överens?", "och finns det nåt där ...?"
    r"|(?:is|are) there|is (?:that|it|this) (?:the only|one where|the one where)|any\s+(?:where|metric|metrics|figures?|items?)"
    r"|che\s+(?:dimensioni|quota|percentuale|ruoli|settori|paesi|tipo)\b|finns det|var (?:[äa]r|ligger|finns|ger|har|ser|tycker|skiljer|kommer)|c'?[èe]|ci sono|in che|di che|da quando"
    r"|everything|whatever|allt|tutto"
    # a request of its own ("..., and give me the UK numbers", "e dammi i dati per la Francia")
    r"|(?:give|show|tell|send)\s+(?:me|us)|(?:ge|visa)\s+mig|dammi|mostrami|dimmi"
    r"|(?:can|could|may)\s+(?:i|we)\s+(?:get|have|see)|(?:can|could)\s+you\s+(?:give|show|send|tell)"
    # a country's figures asked in a few words ("..., and France's numbers", "..., all of Germany's figures")
    r"|(?:all\s+(?:of\s+)?)?[a-zåäö][\w-]+(?:'s|’s)\s+(?:numbers|figures|data|stats))\b)"
    # "+" or "plus" before a figure or a topic's numbers ("APAC figures + the 36%, what is that", "everything for Germany,
    # plus the ASA numbers")
    r"|\s*(?:\+|,?\s+plus)\s+(?=the\s+(?:\S*\d|[\w-]+\s+(?:numbers|figures|data|stats|split)\b))"
    # a semicolon or a slash before a question word ("...täckte undersökningen; hur stor andel av svaren ...",
    # "When were the results published / which markets got detailed data?")
    r"|(?:;|\s/)\s*(?=(?:how|what|which|when|who|where|hur|vad|vilka|vilken|vilket|n[äa]r|vem|quanti|quante|quale|quali|qual"
    r"|quando|chi|dove|cosa)\b)",
    re.IGNORECASE,
)
FROM_WORDS = _words("from come comes came")  # ("pasting from the PR" asks no source; "where's it from?" does)
WHERE_FROM_RE = literals.compile(r"\bwhere\b.*\bfrom\b|\bvar\b.*\bifr[åa]n\b|\bda dove\b", re.IGNORECASE)
PASTED_QUOTE_RE = literals.compile(r'"[^"]{25,}"|“[^”]{25,}”|”[^”]{25,}”|«[^»]{25,}»|\'(?<!\w\')[^\']{25,}\'(?!\w)')
# where an aside ends or begins: ":", "?!", " - ", ". " (from the one character each starts with: see SENTENCE_RE)
CLAUSE_RE = literals.compile(r"[:;?!\s.](?:(?<=[:;?!])[:;?!]*|(?<=\s)[—–-]+\s|(?<=\.)\s)")
# where the asker sits ("our APAC hub is in Singapore", "vi har kontor i Hamburg"), not what is asked
OUR_PLACE_RE = literals.compile(
    r"(?i:\b(?:our|we|we're|we are|vi|noi|abbiamo)\b)[^.?!;—–]{0,40}?"
    r"(?i:\b(?:hub|office|offices|site|sites|hq|headquarters|kontor|kontoret|huvudkontor|ufficio|uffici|sede|sedi)\b)"
    r"[^.?!;—–]{0,20}?(?i:\b(?:in|i|a|at|på)\s+)[A-ZÅÄÖ][\w-]+"
    # "I run our Singapore and Sydney centres": the asker's own sites by their places
    r"|(?i:\bour\s+)[A-ZÅÄÖ][\w-]+(?:\s+(?:and|och|e|&)\s+[A-ZÅÄÖ][\w-]+)?"
    r"(?i:\s+(?:centres|centers|sites|offices|hubs))\b"
)
# (not the colon of a Swedish ending on an abbreviation: "CIO:erna", "vd:ar", "KPI:er")
SWEDISH_ENDING_RE = literals.compile(r"\b([A-Za-zÅÄÖåäö]{2,5}):(erna|arna|orna|na|ar|er|or|en|et|ens|ets|ns|s|n)\b")
SLACK_EMPHASIS_RE = literals.compile(r"(?<![\w*_~])[*_~]+(?=[^\s*_~])|(?<=[^\s*_~])[*_~]+(?![\w*_~])")
SLACK_MARKUP_RE = literals.compile(r"<[@#!][^>]*>")
RELAYED_RE = literals.compile(
    r"^\s*@?[\w.-]+ (asked|asks|is asking|wants to know|wanted to know|would like to know|undrar|fragade|chiede|chiedeva)\s*:",
    re.IGNORECASE,
)
# a question reported in the asker's words ("my director asked how many companies use speech recognition.",
# "min chef frågade hur stor andel...", "mi ha chiesto quanti operatori..."): from its question word on
REPORTED_RE = literals.compile(
    r"\b(?:asked(?: me| us)?|asks(?: me| us)?|wants to know|wanted to know|wondered|wonders|is wondering"
    r"|fr[aå]gade(?: mig| oss)?|undrar|undrade|vill veta|ville veta"
    r"|(?:mi|ci) ha chiesto|mi chiede|ci chiede|vuole sapere|voleva sapere|si chiede|ha domandato"
    r"|bad (?:mig|oss)|asked (?:me|us) to|wants (?:me|us) to|mi ha chiesto di|ci ha chiesto di"
    # what the asker wants to say or know ("I'd like to mention how many agents ...", "vill jag ange hur många")
    r"|i'?d like to|i would like to|i want to|i need to|vill jag|jag vill|beh[oö]ver jag|jag beh[oö]ver|vorrei|voglio|devo)"
    # (a few words between: "frågade på veckomötet om", "asked me to check whether", "mi ha chiesto di verificare se")
    r"(?:\s+(?!(?:if|whether|how|what|which|who|when|where|om|hur|vad|vem|se|come|cosa|che|chi|dove)\b)\S+){0,3}"
    r"\s+((?:if|whether|how|hows|what|whats|which|who|when|where|om|hur|vad|vilk\w*|vem|n[aä]r|se|quant[aeio]|qual[ei]?|come|cosa"
    r"|che|chi|dove|quando)\b[^.!?]*)",
    re.IGNORECASE,
)
EXCLUDED_RE = literals.compile(
    r"\b(apart from|aside from|besides|except for|except|excluding|other than|not only|not just|a parte|tranne|eccetto"
    r"|inte bara|utom|forutom)\b(.*?)(?= - |[,;:?.!—–]|$)"
)
GAP_COMMAND_RE = literals.compile(r"(?<![\w/])/gap\b", re.IGNORECASE)
SPEAKER_NOUNS = (
    r"vendors?|suppliers?|consultants?|fornitor[ei]|consulent[ei]|leverant[oö]r(?:en)?|konsult(?:en)?"
    r"|sales ?(?:guy|rep|person|people)|salesperson|s[aä]ljare(?:n)?|venditore"
)
# (a cheap test before SPEAKER_RE's search: one of these is in every speaker's noun, in lower case)
SPEAKER_NEEDLES = ("vendor", "supplier", "consul", "fornitor", "leverant", "konsult", "sales", "ljare", "venditore")
# who told the asker a figure ("our analytics vendor dropped a stat", "il fornitore cita una percentuale"): the
# speaker, not the topic (nor advice on vendors)
SPEAKER_RE = literals.compile(
    r"\b(?:(?:our|my|the|an?|one|il|un|uno|una|nostro|v[aå]r|v[aå]rt|en|ett)\s+)?(?:[\w-]+\s+){0,2}?(?:\w+-)?"
    rf"(?:{SPEAKER_NOUNS})\b"
    # (and what it sells, up to the verb: "il fornitore del software WFM sostiene")
    r"(?:\s+[\w-]+){0,5}?(?=\s+(?:dropped|said|says|claims?|claimed|told|mentioned|quoted|cites?|cited|showed|shows"
    r"|pitch|pitches|pitched|pitching|demo|demoed|proposes|proposed|keeps|propone|proponeva"
    r"|is pushing|keeps pushing|pushes|pushed|recommends|recommended|suggests|suggested|parla|parlano|pratar|snackar"
    r"|cita|citano|dice|dicono|ha detto|sostiene|sa|s[aä]ger|h[aä]vdar|n[aä]mnde|visade|p[aå]st[aå]r|p[aå]stod)\b)",
    re.IGNORECASE,
)
INTRO_RE = literals.compile(
    r"(?:^|(?<=[.!?;:,—–-]))\s*(?:[^\s.!?;:,]+\s+){1,3}(?:here|här|qui)\s*(?=[.!,:;—–-])"
    # "I'm a CX analyst at a telco in Auckland", "jobbar som e-handelschef", "sono l'after-sales manager di ..."
    r"|(?:^|(?<=[.!?;:]))\s*(?:i'?m an?|i am an?|i work (?:as|at|for|in)|jag (?:är|jobbar|arbetar) (?:som|på|en|ett)"
    r"|jobbar (?:som|på)|arbetar (?:som|på)|sono (?:il|la|lo|l'|un|una|uno)|lavoro (?:come|in|per|presso))\b"
    # ... up to the clause's end, not over a conjunction into the question ("I'm a CS manager and want to know")
    r"(?:(?!\b(?:and|but|so|wondering|want|wonder|och|men|undrar|vill|e|ma|quindi|vorrei|volevo)\b)[^.,!?;:])*"
    r"(?=[.,!?;:—–-]|$)"
    r"|^\s*(?:(?!(?:vs|versus|and|or|och|eller|e|o)\b)[^\s.!?;:,]+\s+){0,3}"  # not "execs vs CS manager: ..."
    r"(?:analyst|manager|director|founder|consultant|lead|head|vp)\s*(?=[.:—–])",
    re.IGNORECASE,
)
# why the asker needs the figures, after the request ("send me ... numbers, need them for a budget pitch"): no topic
NEED_FOR_RE = literals.compile(
    r"[,;:—–-]\s*(?:i |we |jag |vi )?(?:need|needed|beh[öo]ver|mi serv(?:ono|e)|ci serv(?:ono|e))"
    r"\s+(?:them|it|this|these|those|both|both numbers|dem|det|den|båda|bada|li|le|lo|la|entrambi)\s+(?:for|by|till|f[öo]r|per|entro)\b[^?]*$",
    re.IGNORECASE,
)
# whether the team's figure is unusual ("In our pulse only 29% said ... Are we unusual?")
UNUSUAL_WORDS = _words(
    "unusual normal typical outlier outliers ovanliga ovanligt normala normalt strani strano normali normale"
)
# a speaker from the asker's team ("someone on my team says 36% plan analytics"): who said it, not the team's pulse
TEAM_SPEAKER_RE = literals.compile(
    r"\b(?:someone|somebody|a colleague|one of the \w+|a guy|a lead|n[åa]gon|en kollega|qualcuno|un collega)"
    r" (?:on|in|from|i|p[åa]|del|nel|dal) (?:my|our|mitt|v[åa]rt|mio|nostro) team\b",
    re.IGNORECASE,
)
WHICH_ONE_WORDS = _words("which vilken vilket vilka quale quali")  # "which study is that?" (not "what did they find?")
TEAM_SURVEY_RE = literals.compile(
    r"\b(engagement|employee|staff|hr|people) (pulse|survey|poll|check)s?\b", re.IGNORECASE
)
BEHIND_FIGURE_RE = literals.compile(r"\b(who|whos|vem|chi)\b[^?]*\b(behind|bakom|dietro)( the| siffran| a| al| il)? \d")
# "a 16% gap", "glappet på 16 procent" named by its figure: which gap that is, its source
GAP_FIGURE_RE = literals.compile(
    r"\b\d+(?:[.,]\d+)? ?(%|percent|per cent|procent|per cento|punti|points?|procentenheter)?\)?[ -]"
    r"(gap|glapp|glappet|divario|disconnect|scarto)\b",
    re.IGNORECASE,
)
# a superlative that asks which gap is largest ("is the 16 point gap the biggest?"), not the release's "a major (16%) gap"
SUPERLATIVE_WORDS = (LARGEST_WORDS | SMALL_WORDS) - _words("major")
VICE_VERSA_RE = literals.compile(
    r"\b(and|or|och|eller|e|o) (vice ?versa|viceversa|tvartom|omvant)\b"
    r"|\b(e|o) (ci sono )?(casi |metriche |dati )?(al|il) contrario\b"  # "..., e ci sono casi al contrario?"
)  # (not "always the other way round")
BOTH_ENDS_RE = literals.compile(  # the largest gap and the smallest, asked side by side (not ranked "from biggest to smallest")
    r"\b(biggest|largest|widest|storsta|maggiore|piu grande)( (gap|glapp|divario|disconnect|difference|skillnad)s?)? "
    r"(and|och|e|\+) (the )?(smallest|narrowest|minsta|minore|piu piccolo)\b"
)
REGION_STANDING_RE = literals.compile(  # how a country or region stands, on the whole or on one finding
    r"\bhow (does|do|did|is|are) [a-z ]{2,30}? (do|doing|look|looking|compare|stack up|fare|faring|perform)\b"
    r"|\bcom'? ?e messa\b|\bcome sono messe\b|\bcome va\b|\bhur ligger\b[a-z ]{0,30}\btill\b|\bhur star sig\b"
)
WHAT_THIS_RE = literals.compile(
    r"\b(what('s| is| does)|vad (ar|menas med|syftar)|che cos ?e|cos ?e|cosa e) ?[\"'“”]?(this|that|it|det|detta|questo|quello)"
    r"[\"'“”]?( one)?( refer to| mean| stand for| pa| till)?\s*(\?|$)",
    re.IGNORECASE,
)
VENDOR_PAID_RE = literals.compile(
    r"\b(commissioned|paid for|funded|sponsored|bestalld|beställd|betald|finansierad|commissionata|pagata|finanziata)"
    r" (by|av|da) (a|an|one|en|ett|un|una) (vendor|supplier|leverantor|leverantör|fornitore)\b"
    r"|\b(per) conto (di|del|della)\b",
    re.IGNORECASE,
)
OPERATIONAL_MANAGERS_RE = literals.compile(
    r"\b(operational|operations) (managers?|leads?|leaders?|directors?|heads?)\b"
    r"|\b(manager|responsabili|direttori|dirigenti|capi) operativi\b|\b(direttore|responsabile|direttrice) operativ[oa]\b"
    r"|\boperativa chefer(na)?\b|\b(operativ|operations)chef(en)?\b",
    re.IGNORECASE,
)
BUDGET_MEETING_RE = literals.compile(
    r"\bbudget (meeting|review|round|season|call|planning|discussion|cycle|deck|presentation|committee)s?\b"
    # the asker's own budget ("we have budget for ONE project next year", "before she signs off the budget")
    r"|\b(we|i) (only )?(have|got|had) (a |the |some )?budget for\b|\bsigns? off the budget\b",
    re.IGNORECASE,
)
PHONE_PEOPLE_RE = literals.compile(
    r"\b(the )?(people|those|staff|folks|ones|guys|agents|reps) (who are |who |that )?(actually |really )?"
    r"(answering|answer|picking up|pick up|taking|take|on) the (phones?|calls)\b"
    r"|\b(quelli|chi sta|chi risponde|de som (svarar|sitter) i) (al )?telefon[oe]?\b",
    re.IGNORECASE,
)
CUSTOMER_LEVEL_RE = literals.compile(r"\bcustomer[- ]level (employees|staff|people)\b", re.IGNORECASE)
SOURCE_NAMES_RE = literals.compile(
    r"\binsurance ?(&|and|&amp;) ?technology\b|\bi&t\b|\b(the )?strategic alignment of customer service\b"
    r"|\b(?<=genesys )telecommunications? laborator(y|ies)\b",
    re.IGNORECASE,
)


def _source_named(m: re.Match) -> str:
    """The trade magazine is an article; the study's subtitle, the study; the sponsor's full name, its name."""
    said = m.group(0).lower()
    return " article " if "nsurance" in said or "i&t" in said else " study " if "alignment" in said else " "


# a quantity said of any finding ("two thirds of orgs ...", "how many companies and countries in total")
QUANTITY_WORDS = _words("two third half quarter total totalt totale tutto") | {"in_total", "in_tutto"}
NUMBER_WORDS = {
    "a hundred": "100",
    "one hundred": "100",
    "five hundred": "500",
    "twenty five hundred": "2500",
    "two thousand five hundred": "2500",
    "ten thousand": "10000",
    "femhundra": "500",
    "tvatusenfemhundra": "2500",
    "tvåtusenfemhundra": "2500",
    "tiotusen": "10000",
    "cinquecento": "500",
    "duemilacinquecento": "2500",
    "diecimila": "10000",
}
NUMBER_WORD_RE = literals.compile(
    r"\b(" + "|".join(sorted((k.replace(" ", "[ -]") for k in NUMBER_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
NUMBER_NEEDLES = ("hundred", "thousand", "hundra", "tusen", "cento", "mila")
CLIENT_RE = literals.compile(
    r"\b(for|with) (a|an|one of our|our|my|the) ([\w&-]+ ){0,3}(client|prospect)s?\b", re.IGNORECASE
)
PEOPLE_LEADERS_RE = literals.compile(
    r"\b(senior|business|company|corporate|executive|c-level|c-suite) leaders\b", re.IGNORECASE
)
WAS_IT_RE = literals.compile(r"\bvar (det|den|de|inte)\b")  # Swedish "was it", not "var" (where)
# the verbs a finding is asked with ("do most companies measure X", "how many offer callbacks"): no topic
FRAME_WORDS = _words(
    "measure measured measuring track tracked tracking offer offered offering provide provided providing"
    " mater mats matt mata misura misurano misurato misurata misurate misurare"
    " flesta majority majoriteten maggioranza maggior"  # ("mäter de flesta företag kundens livstidsvärde?")
    " foretag foretagen bolag bolagen aziende imprese"  # (every finding is about companies, as "company" is)
    " considered seen regarded considerati considerato considerata considerate anses betraktas ses"  # ("... considerati strategici?")
    " erbjuder erbjuda erbjuds offre offrono offerto offerta"  # ("hur många företag erbjuder att kunden ...")
)
# one of these, in lower case, is in every match of INTRO_RE and of OUR_PLACE_RE
INTRO_NEEDLES = (
    "here", "här", "qui", "i'm a", "im a", "i am a", "i work", "jag ", "jobbar", "arbetar", "sono ", "lavoro",
    "analyst", "manager", "director", "founder", "consultant", "lead", "head", "vp",
)  # fmt: skip
OUR_PLACE_NEEDLES = ("hub", "office", "site", "hq", "headquarters", "kontor", "uffic", "sede", "sedi", "cent")


def _resub(regex: re.Pattern, repl: str, text: str, needles: tuple[str, ...]) -> str:
    """regex.sub, searched only in a text holding one of the needles in lower case (each match holds one)."""
    low = text.lower()
    for needle in needles:
        if needle in low:
            return regex.sub(repl, text)
    return text


AND_ASK_RE = literals.compile(
    r"\b(and|och|e|plus)( also| ocksa| anche)? (how|what|which|when|who|hur|vad|vilka|vilken|quanti|quante|quale|quali|quando|chi"
    r"|che quota|che percentuale|che parte)\b"  # ("... in totale e che quota di risposte ...")
)
SECOND_ASK_RE = literals.compile(
    r"[\w?][,;]? (and|och|plus|e)( also| ocksa| anche)? (how|what|which|when|who|hur|vad|vilka|vilken|nar|vem|quanti|quante"
    r"|quale|quali|quando|chi)\b",
    re.IGNORECASE,
)
LONG_STOPWORDS = tuple(sorted(w for w in STOPWORDS if len(w) >= 5))  # a typo's other candidates
SAMPLE_RE = literals.compile(  # "of the 927 (companies)": the sample named by its size
    r"\b(of|out of|among|av|dei|tra le|fra le|delle)( the| de| le)? 927(?= (respondents|companies|firms|organi[sz]ations|"
    r"aziende|imprese|rispondenti|intervistati|foretag|foretagen|bolag|bolagen|respondenter)\b)?",
    re.IGNORECASE,
)
QUOTE_RE = literals.compile(
    r"“[^”]*”|\"[^\"]*\"|”[^”]*”|«[^»]*»|'(?<!\w')[^']{25,}'(?!\w)"
)  # what someone said (a Slack quote line becomes one, see commands.parse)
RESPONDENT_WORDS = _words(
    "respondent respondents participant participants company companies svarande respondenter deltagare foretag bolag "
    "rispondenti intervistati partecipanti aziende"
)
BY_COUNTRY_RE = literals.compile(
    r"\b(by|per|across|for each|from each|in each|each|every|varje|ogni|ciascun|ciascuna) (country|countries|region|regions"
    r"|market|markets|land|lander|paese|paesi|regione|regioni)\b"
    r"|\bcountry by country\b|\blandsvis\b|\bpaese per paese\b"
)
SIZE_NUMBER_RE = literals.compile(
    r"\b(under|over|above|below|more than|fewer than|less than|at least|up to|sotto( i| le)?|oltre( i| le)?|piu di|meno di|"
    r"fler an|farre an|over)\s+\d[\d,.]*\+?\s*k?\s*(agents?|employees?|seats?|staff|people|agenti|dipendenti|anstallda|agenter)\b"
)
# a duration ("an ASA target of 20 seconds") is no figure of the studies, which give shares and counts
DURATION_RE = literals.compile(
    r"\b\d[\d,.]*\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|sekunder|sekund|minuter|minut|timmar|timme"
    r"|secondi|secondo|minuti|minuto|ore)\b"
)
# "can I quote '41% of C-levels say ...'?": checking a claim about a topic named, not asking a figure's source
CLAIM_RE = literals.compile(
    r"\b((can|could|may|is it ok to) (i|we) (quote|say|use|cite|claim|write|put)"
    r"|kan (jag|vi) (citera|saga|skriva|anvanda)|(posso|possiamo) (citare|dire|scrivere|usare))\b"
)
REQUEST_RE = literals.compile(
    r"\s*(give|show|tell|send|list|get) (me|us)\b|\s*(ge|visa) mig\b|\s*(dammi|mostrami|dimmi)\b", re.IGNORECASE
)
US_RE = literals.compile(r"\bU\.?S\.?(?![\w.])")
ACRONYM_RE = literals.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,4}\b")  # (a word of 2-5 capitals: see SENTENCE_RE)
# a word for an industry: beside a metric, the figure asked per industry (a breakdown the studies do not
# give, "industrysplit" in data/unmeasured.yaml); not the trade as a whole ("professionisti del settore",
# "the industry average", "across the industry")
INDUSTRY_RE = literals.compile(
    r"(?<!\bdel )(?<!\bin the )(?<!\bacross the )(?<!\bof the )"
    r"\b(industry|industries|sectors?|verticals?|bransch|branscher|branscherna|settori|settore|comparti)\b"
    r"(?! (average|averages|standard|standards|benchmark|benchmarks|norm|norms|best|wide|peers|experts?|analysts?))"
    # a Swedish compound naming an industry's companies ("telekombolagen", "e-handelsföretagen", "kommunerna")
    r"|\b(?!(stor|sma|mindre|storre|medelstor|medelstora|svenska|utlandska|deltagande|olika|manga|alla)[a-z]*\b)"
    r"[a-z]{3,}(bolag|bolagen|foretag|foretagen|bransch|branschen)\b|\bkommuner(na)?\b|\blandsting(en)?\b"
    # ... or the public bodies of one sector ("aziende sanitarie", "pubbliche amministrazioni")
    r"|\b((aziende|countcompany) (sanitarie|ospedaliere)|pubbliche amministrazioni|amministrazioni pubbliche|enti pubblici)\b"
)
NUMBER_RE = literals.compile(  # "1.5 million", "1,5 miljoner", "1.5m", "1,5 mln"; not a "60-seat team"
    r"(\d(?<![\w.,]\d)\d*(?:[.,]\d+)?)(?:\s*(million|millon|milion|miljoner|miljon|milj|milioni|mln)\b|(m|mn)\b)?(?![\w-])"
)


@dataclass(frozen=True)
class Fact:
    """A fact about a study (studies.yaml), searchable like a metric."""

    id: str  # "fact:<id>"
    study: str
    title: str
    text: str
    keywords: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]  # (seed, quote)
    asks: tuple[str, ...] = ()  # "when", "who": the question about the study this fact answers
    alone: bool = False  # only ever the first topic: beside another, its words are that one's context
    covers: tuple[str, ...] = ()  # topics named as this one's examples ("which markets: North America?")

    __hash__ = Metric.__hash__  # (by id, as a metric's)


@dataclass(frozen=True)
class Unmeasured:
    """Something people ask about that the studies never measured (unmeasured.yaml)."""

    id: str  # "none:<id>"
    title: str
    keywords: tuple[str, ...]
    closest: tuple[str, ...]  # metric ids offered as suggestions, never as the answer
    # asks for a kind of answer the studies have for no metric (an amount, a definition, advice,
    # what customers think): named whole, it is the answer even when the question names a metric
    framing: bool = False
    yields_to: str = ""  # a study fact that answers instead when it is named too ("which industries: banks?")
    # a split the studies give no figures by ("by company size"): only what a question asks beside a
    # metric or a gap; alone ("company sizes in the study") the study's fact answers
    breakdown: bool = False

    __hash__ = Metric.__hash__  # (by id, as a metric's)


Topic = Metric | Fact | Unmeasured


@dataclass
class Match:
    metric: Topic
    score: float


@dataclass
class SearchResult:
    query: str
    matches: list[Match]
    regions: list[str]
    asks_about_agents: bool

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


@dataclass
class Answer:
    """What `/gap <question>` answers. kind: metrics (one to three topics: metrics or study
    facts), ranking (paired metrics by gap; order says what was asked), leaders (regions ranked
    for a metric), provenance (figures by value), region, unmeasured (what the studies never
    measured; topics: the real metrics the question also named), none."""

    query: str
    kind: str
    topics: list[Topic] = field(default_factory=list)
    also: list[Metric] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    asks_about_agents: bool = False
    order: str = ""
    figures: list[Figure] = field(default_factory=list)
    value: float | None = None
    unmeasured: list[Unmeasured] = field(default_factory=list)
    asks_gap: bool = False  # the question asks for a gap ("how big is the gap on callbacks")
    about_team: bool = False  # ... or about the team's own pulses ("how does our team compare")
    parts: list[Answer] = field(default_factory=list)  # kind "several": each question of the message answered

    @property
    def label(self) -> str:
        """The answer in one word, as data/qa.csv labels questions."""
        if self.kind == "metrics":
            return "+".join(sorted(t.id for t in self.topics))
        if self.kind == "ranking":
            return f"rank:{self.order}"
        if self.kind == "leaders":
            return f"leaders:{self.topics[0].id if self.topics else '*'}"
        if self.kind == "provenance":
            return f"source:{self.value:.0f}" if self.value.is_integer() else f"source:{self.value:g}"
        if self.kind == "region":
            return "+".join(sorted(f"region:{r}" for r in self.regions))
        if self.kind == "several":
            return "+".join(sorted({label for part in self.parts for label in part.label.split("+")}))
        return "none"


def _yaml(path: Path):
    """A data file, read with libyaml where PyYAML has it (a tenth of the pure-Python parser's time,
    which was most of a start-up's reading of data/)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _keywords(raw) -> tuple[str, ...]:
    """keywords: a list, or {en: [...], sv: [...], it: [...]} flattened."""
    if isinstance(raw, dict):
        return tuple(k for words in raw.values() for k in words or ())
    return tuple(raw or ())


MIN_SCORE = 3.0  # below this a topic is not an answer: the middle of the plateau (2.25-3.5) over which
# qa.csv's tuning split scores best (a word met only inside a longer keyword, alone, stays below it)
MIN_SECOND = 2.0  # a second or third topic in one question needs this much of its own


class Studies:
    """Loaded once; immutable afterwards, so it is safe to share between threads."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = Path(data_dir)
        with open(self.data_dir / "figures.csv", encoding="utf-8", newline="") as f:
            self.figures = [Figure(**{**row, "value": float(row["value"])}) for row in csv.DictReader(f)]
        raw_metrics = _yaml(self.data_dir / "metrics.yaml")
        self.metrics = {
            m["id"]: Metric(
                id=m["id"],
                study=m["study"],
                kind=m["kind"],
                topic=m["topic"],
                title=m["title"],
                keywords=_keywords(m.get("keywords")),
                statement=m.get("statement"),
                alone=m.get("alone", False),
                context=m.get("context", False),
                covers=tuple(m.get("covers", ())),
                weak=frozenset(w if "_" in w else normalize(w) for w in m.get("weak", ())),  # ("in_total": "=in total")
            )
            for m in raw_metrics
        }
        info = _yaml(self.data_dir / "studies.yaml")
        self.sources: dict = info.pop("sources")
        self.region_info: dict = info.pop("regions")
        self.studies: dict = info
        self.facts = {
            f"fact:{f['id']}": Fact(
                f"fact:{f['id']}",
                study,
                f["title"],
                f["text"],
                _keywords(f.get("keywords")),
                tuple((s["seed"], s["quote"]) for s in f["sources"]),
                tuple(f.get("asks", ())),
                f.get("alone", False),
                tuple(f.get("covers", ())),
            )
            for study, s in info.items()
            for f in s.get("facts", ())
        }
        raw_unmeasured = _yaml(self.data_dir / "unmeasured.yaml")
        self.unmeasured = {
            f"none:{u['id']}": Unmeasured(
                f"none:{u['id']}",
                u["title"],
                _keywords(u["keywords"]),
                tuple(u.get("closest", ())),
                u.get("framing", False),
                u.get("yields_to", ""),
                u.get("breakdown", False),
            )
            for u in raw_unmeasured
        }
        self._build_index()
        # insights.doubt's second opinion, read now so that it is there before the first question
        # (and among what bot.py freezes out of the garbage collector's sight); none without a file
        doubt = self.data_dir / "doubt.json"
        self._doubt = Doubt.load(doubt) if doubt.exists() else None

    @property
    def listed(self) -> list[Metric]:
        """The metrics `/gap list` shows: everything but facts about the studies."""
        return [m for m in self.metrics.values() if m.kind != "fact"]

    # ----- consolidated views -------------------------------------------------------------
    @cached_property
    def views(self) -> dict[str, MetricView]:
        grouped: dict[str, dict[tuple[str, str], list[Reading]]] = defaultdict(dict)
        for fig in self.figures:
            readings = grouped[fig.metric].setdefault((fig.group, fig.region), [])
            for reading in readings:
                if reading.value == fig.value and _same_qualifier(reading.qualifier, fig.qualifier):
                    reading.figures.append(fig)
                    break
            else:
                readings.append(Reading(fig.value, fig.unit, fig.qualifier, [fig]))
        return {mid: MetricView(self.metrics[mid], dict(grouped.get(mid, {}))) for mid in self.metrics}

    def view(self, metric_id: str) -> MetricView:
        return self.views[metric_id]

    def region_name(self, region: str) -> str:
        return self.region_info.get(region, {}).get("name", region)

    def region_label(self, region: str, readings: list[Reading]) -> str:
        """The region's name, or each source's name for it when they differ (one finding)."""
        labels = self.region_info.get(region, {}).get("labels", {})
        langs = sorted({f.language for r in readings for f in r.figures} & set(labels))
        if len(langs) > 1:
            return " / ".join(f"{labels[lang]} ({lang})" for lang in langs)
        return self.region_name(region)

    def region_figures(self, region: str) -> list[tuple[Metric, str, list[Reading]]]:
        """(metric, region, readings) for a region and the regions shown with it."""
        shown = [region, *self.region_info.get(region, {}).get("related", ())]
        return [
            (view.metric, r, view.get("all", r)) for r in shown for view in self.views.values() if view.get("all", r)
        ]

    # ----- search -------------------------------------------------------------------------
    def _build_index(self) -> None:
        topics: dict[str, Topic] = {**self.metrics, **self.facts, **self.unmeasured}
        key_tokens: dict[str, set[str]] = {}
        title_tokens: dict[str, set[str]] = {}
        phrases: dict[str, list[tuple[str, ...]]] = {}
        # A keyword marked "=" in data/ ("=customer needs", "=service level": its stopwords would
        # leave one common word) is matched only as typed, as one word of its own ("customer_needs");
        # its word alone counts as a word inside a longer keyword.
        self._joined = {
            normalize(k[1:]): "_".join(tokens(k[1:])) for t in topics.values() for k in t.keywords if k[0] == "="
        }
        self._joined_by_first: dict[str, list[tuple[list[str], str]]] = defaultdict(list)  # looked up word by word
        for phrase, joined in self._joined.items():
            self._joined_by_first[phrase.split()[0]].append((phrase.split(), joined))
        for tid, t in topics.items():
            phrases[tid] = list(
                dict.fromkeys(
                    (*_content(k[1:]), self._joined[normalize(k[1:])]) if k[0] == "=" else _content(k)
                    for k in t.keywords
                )
            )
            key_tokens[tid] = {w for p in phrases[tid] for w in p}
            title = t.title if isinstance(t, Metric) else ""
            title_tokens[tid] = {w for w in tokens(title) if w not in STOPWORDS} - key_tokens[tid]
        df: dict[str, int] = defaultdict(int)  # keywords decide how rare a word is; titles only
        for tid in topics:  # for words no keyword has
            for w in key_tokens[tid]:
                df[w] += 1
        title_df: dict[str, int] = defaultdict(int)
        for tid in topics:
            for w in title_tokens[tid] - set(df):
                title_df[w] += 1
        n = len(topics)
        self.topics = topics
        self._idf = {w: math.log(1 + n / c) for w, c in {**title_df, **df}.items()}
        self._key_tokens = key_tokens
        # a fact's examples: the words of what the studies never measured that yields to it ("which industries: banks?")
        self._examples: dict[str, set[str]] = defaultdict(set)
        for u in self.unmeasured.values():
            if u.yields_to:
                self._examples[u.yields_to] |= key_tokens[u.id]
        self._title_tokens = title_tokens
        # an inverted index: word -> (topic, weight as a keyword, weight in a title, which counts half).
        # A word that is a keyword on its own counts whole; one that only comes inside a longer
        # keyword ("plan" of "compensation plan", "run" of "run as one") counts half without the rest.
        self._postings: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
        for tid in topics:
            alone = {p[0] for p in phrases[tid] if len(p) == 1}
            for w in key_tokens[tid]:
                self._postings[w].append((tid, self._idf[w] * (1.0 if w in alone else 0.5), 0.0))
            for w in title_tokens[tid]:
                self._postings[w].append((tid, 0.0, 0.5 * self._idf[w]))
        self._phrases = {  # a whole keyword counts half again
            tid: [(frozenset(p), 0.5 * sum(self._idf[w] for w in p)) for p in ps if p] for tid, ps in phrases.items()
        }
        # each whole keyword filed under its rarest word: _score looks only at keywords that word is in
        self._phrases_by_word: dict[str, list[tuple[str, int, frozenset[str], float]]] = defaultdict(list)
        for tid, ps in self._phrases.items():
            for i, (phrase, bonus) in enumerate(ps):
                rarest = min(sorted(phrase), key=lambda w: -self._idf[w])
                self._phrases_by_word[rarest].append((tid, i, phrase, bonus))
        self._region_aliases = sorted(
            ((normalize(alias), rid) for rid, r in self.region_info.items() for alias in r["aliases"]),
            key=lambda pair: -len(pair[0]),
        )
        self._short_aliases = {
            normalize(alias): rid for rid, r in self.region_info.items() for alias in r.get("short", ())
        }
        self._region_words = {w for alias, _ in self._region_aliases for w in alias.split()}
        self._region_firsts = [(alias, rid, alias.split(" ", 1)[0]) for alias, rid in self._region_aliases]
        self._prefixes = {w for w in self._idf if len(w) >= 5 and "_" not in w}
        self._by_start: dict[str, list[str]] = defaultdict(list)  # words sharing their first five letters
        for w in sorted(self._prefixes):  # sorted: ties resolve alike in every process (hash seeds differ)
            self._by_start[w[:5]].append(w)
        self._by_length: dict[int, list[str]] = defaultdict(list)  # a typo is at most 2 letters off
        for w in sorted(self._idf):
            if "_" not in w:
                self._by_length[len(w)].append(w)

    @lru_cache(maxsize=8192)  # noqa: B019 - Studies lives for the whole process
    def _correct(self, token: str) -> tuple[tuple[str, ...], bool]:
        """The vocabulary words a typed word stands for: itself; the words a compound starts and
        ends with, or a word it extends (feedbackprocesser -> feedback, processer; kundfeedback ->
        feedback; varumärket -> varumärke); else, guessed (True): a word with the same stem and
        another ending (virtuella -> virtual, analys -> analyser) or a close spelling (typos: one
        letter off in five)."""
        if token in self._idf:
            return (token,), False
        if token.isdigit():
            return (), False
        head = next((token[:end] for end in range(len(token) - 1, 4, -1) if token[:end] in self._prefixes), "")
        tail = (
            next((token[i:] for i in range(3, len(token) - 4) if token[i:] in self._prefixes), "")
            or next(
                (  # a compound's definite last part: kontaktcentervirtualiseringen -> virtualisering
                    token[i:-k]
                    for i in range(3, len(token) - 8)
                    for k in (1, 2, 3)
                    if len(token) - i - k >= 8 and token[i:-k] in self._prefixes
                ),
                "",
            )
            or next(  # ... or its stem (kontaktcentervirtualiseringen -> virtualiser)
                (stem for i in range(3, len(token) - 8) for stem in _stems(token[i:]) if stem in self._prefixes),
                "",
            )
        )
        if head or tail:
            # a compound's part or a longer form (varumarkesbyggande -> varumarke, lokalkontoren ->
            # lokalkontor), unless the word is one letter off a known one (stategico -> strategico,
            # not state)
            near = self._near(token, 0.85) if len(token) >= 6 and len(token) - len(head or tail) >= 2 else None
            if near:
                return (near,), True
            return tuple(w for w in dict.fromkeys((head, tail)) if w), False
        stem = max(
            (w for w in self._by_start.get(token[:5], ()) if len(token) - _shared(token, w) <= 4),
            key=lambda w: (_shared(token, w), -len(w)),
            default="",
        )
        if stem and len(stem) - _shared(token, stem) <= 5:
            if _stopword_near(token, OSA.normalized_similarity(token, stem)):
                return (), True  # as close to a word that carries no topic ("employes": employees, not employer)
            return (stem,), True
        if len(token) < 4:
            return (), True
        near = self._near(token, 0.79)
        if near and _stopword_near(token, OSA.normalized_similarity(token, near)):
            return (), True
        return ((near,) if near else ()), True

    def _near(self, token: str, cutoff: float) -> str | None:
        """The known word closest in spelling (a typo), if it is this close."""
        hit = process.extractOne(
            token, self._lengths_near(len(token)), scorer=OSA.normalized_similarity, score_cutoff=cutoff
        )
        return hit[0] if hit else None

    @lru_cache(maxsize=64)  # noqa: B019 - Studies lives for the whole process
    def _lengths_near(self, length: int) -> tuple[str, ...]:
        """The known words at most two letters longer or shorter (a typo's candidates)."""
        return tuple(w for n in range(length - 2, length + 3) for w in self._by_length.get(n, ()))

    @lru_cache(maxsize=8192)  # noqa: B019 - Studies lives for the whole process
    def _intent(self, token: str) -> str:
        """A word of what a comparison asks, its typos folded ("disagre" -> disagree); others as typed."""
        if len(token) < 5 or token in STOPWORDS or token in self._idf:
            return token
        hit = process.extractOne(token, INTENT_WORDS, scorer=OSA.normalized_similarity, score_cutoff=0.79)
        return hit[0] if hit else token

    def find_regions(self, query: str) -> list[str]:
        """Regions named in the text. Short aliases ("de", "es", "sea" are also common words)
        count only as the whole text, as in `/gap region de`."""
        whole = normalize(query)
        if whole in self._short_aliases:
            return [self._short_aliases[whole]]
        text = f" {whole} "
        typed = set(whole.split())
        found: list[str] = []
        for alias, rid, first in self._region_firsts:
            if first in typed and f" {alias} " in text and rid not in found:
                found.append(rid)
                text = text.replace(f" {alias} ", " ")
        if not found:  # typo-tolerant single-word region names ("germny")
            for tok in whole.split():
                rid = self._region_typo(tok) if len(tok) >= 5 else None
                if rid and rid not in found:
                    found.append(rid)
        return found

    @lru_cache(maxsize=8192)  # noqa: B019 - Studies lives for the whole process
    def _region_typo(self, token: str) -> str | None:
        words = {a: rid for a, rid in self._region_aliases if " " not in a}
        hit = process.extractOne(token, list(words), scorer=fuzz.ratio, score_cutoff=85) or process.extractOne(
            token, list(words), scorer=OSA.distance, score_cutoff=1 if len(token) >= 6 else 0
        )  # or two letters swapped ("spgana")
        return words[hit[0]] if hit else None

    def features(self, question: str) -> frozenset[str]:
        """What insights.doubt knows a question by: its words, word pairs and the vocabulary words read in
        it; in a message of several sentences, those of its question sentences (the rest tells of the asker)."""
        text = SLACK_MARKUP_RE.sub(" ", asked_part(question[:500]))
        words = tokens(text)
        qset, _ = self._query_tokens(text)
        return (
            frozenset(words) | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)} | {f"q:{w}" for w in qset}
        )

    @lru_cache(maxsize=1024)  # noqa: B019 - Studies lives for the whole process
    def _query_tokens(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The vocabulary words of a question, and those of them that were guessed (stems, typos)."""
        out: set[str] = set()
        guessed: set[str] = set()
        acronyms = {a.lower() for a in ACRONYM_RE.findall(text)}
        for t in _content(text):
            if t in self._region_words or t in ACRONYM_ONLY and t not in acronyms:
                continue
            found, guess = self._correct(t)
            out.update(found)
            if guess:
                guessed.update(found)
        typed = normalize(text).split()
        out.update(
            joined
            for i, word in enumerate(typed)
            for phrase, joined in self._joined_by_first.get(word, ())
            if typed[i : i + len(phrase)] == phrase
        )
        return frozenset(out), frozenset(guessed)

    def _asked_tokens(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The question's vocabulary words, with the word for a split by industry when it names one."""
        qset, guessed = self._query_tokens(text)
        if INDUSTRY_RE.search(normalize(text)):
            qset |= {"industrysplit"}
        return qset, guessed

    def _score(self, qset: set[str], titles: bool = True, guessed: set[str] = frozenset()) -> list[Match]:
        totals: dict[str, float] = defaultdict(float)
        for w in qset:
            weight = GUESS_WEIGHT if w in guessed else 1.0
            for tid, key, title in self._postings.get(w, ()):
                totals[tid] += weight * (key + (title if titles else 0.0))
        whole: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for w in qset:
            for tid, i, phrase, bonus in self._phrases_by_word.get(w, ()):
                if tid in totals and phrase <= qset:
                    whole[tid].append((i, bonus))
        for tid, bonuses in whole.items():  # summed in the keywords' own order, as ever
            totals[tid] += sum(bonus for _, bonus in sorted(bonuses))
        scored = [Match(self.topics[tid], round(score, 3)) for tid, score in totals.items() if score > 0]
        scored.sort(key=lambda m: (-m.score, _rank(m.metric), m.metric.id))
        return scored

    def search(self, query: str, limit: int = 3, min_score: float = MIN_SCORE) -> SearchResult:
        """Metrics only, best first (pulse statements are linked with this)."""
        raw = tokens(query[:500])
        scored = [
            m
            for m in self._score(self._query_tokens(query[:500])[0])
            if isinstance(m.metric, Metric) and m.score >= min_score
        ]
        if scored:
            best = scored[0].score
            scored = [m for m in scored if m.score >= 0.6 * best][:limit]
        return SearchResult(query, scored, self.find_regions(query), any(t in AGENT_WORDS for t in raw))

    # ----- understanding a question ---------------------------------------------------------
    def answer(self, query: str) -> Answer:
        """The answer to a message; one that asks two or three different things ("what do you have
        for the UK, and which market leads on branch offices?") gets each answered."""
        # figures written out in words are read as digits, once ("seventy-eight percent"); the answer still shows
        # the question as it was asked
        text = spelled_figures(query)
        answer = self._answer_message(text)
        return replace(answer, query=query) if text != query else answer

    def _answer_message(self, query: str) -> Answer:
        single = self._one(query)
        named = {NAMED_STUDY[w] for w in tokens(query[:500]) if w in NAMED_STUDY}
        if single.kind == "metrics" and len(named) == 1:
            # a study fact asked in a message that names one study is that study's ("The Strativity loyalty numbers
            # ... Who were the respondents in that study?")
            single = replace(single, topics=[self._fact_of(t, *named) for t in single.topics])
        pieces = question_parts(query[:500])
        if len(pieces) < 2 and [u.id for u in single.unmeasured] == ["none:other_regions"]:
            # a country's figures and a metric it has none for, asked together without a question word between
            # them ("uk figures pls + revenue per call exec vs cs"): each asked in turn
            pieces = [p for p in TOPIC_JOIN_RE.split(query[:500]) if len(p.split()) >= 2] or pieces
        if (
            len(pieces) == 1
            and single.kind == "metrics"
            and len(single.topics) > 1
            and "?" in pieces[0]
            and query.find(pieces[0]) > 0  # (after what was told, not "sample size? companies and countries")
        ):
            # one question among sentences that tell: a topic only the telling named is no topic asked ("we're
            # building a voice-of-customer loop. what share of companies have processes for passing on feedback?")
            part = self._answer(pieces[0])
            qset, guessed = self._asked_tokens(pieces[0])
            if (
                part.kind == "metrics"
                and part.topics
                and set(part.topics) < set(single.topics)
                and all(self._whole(t, qset - guessed, strong=True) for t in part.topics)
            ):
                return replace(single, topics=[t for t in single.topics if t in part.topics])
        if len(pieces) < 2 or single.kind == "several" and not all(p.kind == "leaders" for p in single.parts):
            return single
        readings = [self._answer(piece) for piece in pieces[:3]]  # (each question read alone, once)
        if single.kind == "several" and not self._leader_then_figure(pieces, readings):
            return single
        if any(getattr(t, "framing", False) for t in single.unmeasured) and not all(
            r.kind not in ("none", "unmeasured") for r in readings
        ):
            # advice, an amount ... asked of all of it ("analytics or consoles? what do you advise"); unless each
            # question, read alone, is answered ("Which markets have detailed data in the Genesys report, and what
            # company sizes were included?": no split by company size asked of the markets)
            return single
        parts: list[Answer] = []
        lead: Answer | None = None
        listed = bool(list_items(query[:500]))  # (each item of a list is asked, however it is worded)
        for i, (piece, part) in enumerate(zip(pieces[:3], readings, strict=True)):
            follow = (  # "..., and which country leads on it", "and who leads?": on what the message names
                part.kind in ("leaders", "none")
                and not part.topics
                and single.kind == "leaders"
                and single.topics
                and {self._intent(t) for t in tokens(piece)} & (LEAD_WORDS | LEADER_WORDS)
            )
            if follow:
                part = single
            elif (  # "... who's the leader, and what's the worldwide share?": the figures of what the message names
                i
                and part.kind == "none"
                and single.kind == "leaders"
                and single.topics
                and {self._intent(t) for t in tokens(piece)} & FIGURE_WORDS
            ):
                part, follow = replace(single, kind="metrics"), True
            # (the study's own facts: the projects' horizon, over the findings it covers, is one of them)
            facts = part.kind == "metrics" and all(_is_fact(t) and not getattr(t, "covers", ()) for t in part.topics)
            said = {self._intent(w) for w in tokens(piece)} | set(tokens(piece))
            qset, guessed = self._asked_tokens(piece)
            asked_by_word = facts and all(
                set(getattr(t, "asks", ())) & self._study_asks(said)
                # ("..., plus how many companies were surveyed")
                or t.id in SAMPLE_IDS
                and bool(said & TOOK_PART_WORDS)
                # (or named whole beside a word for the study: "..., and how many countries were in the survey?")
                or bool(said & (STUDY_WORDS | SAMPLE_WORDS | TOOK_PART_WORDS))
                and self._whole(t, qset - guessed - NAMED_STUDY.keys(), strong=True)
                # (or the countries counted, named whole: "... + how many countries did it cover", "E quanti paesi c'erano?")
                or t.id == "study_countries"
                and "countcountry" in qset
                for t in part.topics
            )  # ("..., but who were the respondents in the Strativity study?")
            # (or a fact asked in a few words, then another with "and": "smallest companies by headcount? and how many
            # agents in total did they cover")
            first = parts[0] if parts else lead if ALSO_RE.match(piece) else None
            first_facts = first and first.kind == "metrics" and all(_is_fact(t) for t in first.topics)
            # (a fact asked after a question of another kind is one of its own: "what does the 1.5 million refer to?
            # and how big were the companies generally")
            after_other = (
                bool(ALSO_RE.match(piece))
                and (
                    bool(parts)
                    and parts[0].kind in ("provenance", "region", "ranking", "leaders")
                    # (or after a finding, a fact named whole in a question of its own: "... execs vs CS? Also how big were
                    # the companies in general")
                    or bool(QUESTION_START_RE.match(ALSO_RE.sub("", piece, count=1)))
                    and all(self._whole(t, qset - guessed, strong=True) for t in part.topics)
                )
                or bool(CHE_ASK_RE.match(piece))
            )  # ("..., e che dimensioni avevano le aziende?")
            if i and facts and not first_facts and not asked_by_word and not listed and not after_other:
                # a study fact only opens a message ("e quanti tra i professionisti del settore?": no industry), or
                # follows another ("när gjordes undersökningen och när publicerades resultaten?")
                continue
            if (
                i
                and part.kind == "region"
                and single.kind == "metrics"
                and set(part.regions) <= set(single.regions)
                and all(t.id in self.views and set(part.regions) <= set(self.view(t.id).regions) for t in single.topics)
                and not set(normalize(piece).split()) & COUNTRY_WHOLE_WORDS
                and not WHAT_ABOUT_RE.search(normalize(piece))
            ):
                continue  # the figure just asked, in a country it has one for ("..., and how does it look in Germany?")
            alone = follow or self._stands_alone(piece, part, single, later=i > 0)
            if listed and part.kind in ("metrics", "ranking", "leaders", "region", "provenance"):
                alone = part.kind != "metrics" or self._named_request(piece, part) or alone
            if alone and part.label not in {p.label for p in parts}:
                parts.append(part)
            elif not i and (
                self._named_request(piece, part)
                # (or the question that opens the message and names what the whole of it is about: "Feedback
                # passati alle vendite, manager contro operatori? E in che arco di tempo sono previsti i progetti?")
                or part.kind == "metrics"
                and single.kind == "metrics"
                and part.topics == single.topics
                and "?" in piece
                # (or a ranking asked for in a few words, before another question: "biggest disconnect + how many
                # countries", "Biggest exec/frontline gap, and where are execs more optimistic than their teams?")
                or part.kind == "ranking"
                and (single.kind != "ranking" or part.order != single.order)
                and "?" not in piece
                and len(piece.split()) <= 7
                and not set(tokens(piece)) & PERSONAL_WORDS  # (not the asker's story: "and I had no answer")
                and not ALSO_RE.match(piece)
            ):
                lead = part
        if lead and parts and lead.label not in {p.label for p in parts}:
            # a topic asked for in a few words, before a question ("callback exec/cs split, plus ...?")
            parts.insert(0, lead)
        # a study fact asked beside one study's findings is that study's ("Strativity: loyalty %, and who answered?")
        # (or the one study the message names)
        found_in = {t.study for p in parts for t in p.topics if isinstance(t, Metric) and t.kind != "fact"} or named
        if len(found_in) == 1:
            # (not a fact of the study the message names for it: "self-service on quality ...? Second question: who
            # took part in the Strativity survey?")
            parts = [
                replace(
                    p, topics=[t if getattr(t, "study", "") in named else self._fact_of(t, *found_in) for t in p.topics]
                )
                for p in parts
            ]
        asked = {label for part in parts for label in part.label.split("+")}
        if len(parts) < 2 or asked <= set(single.label.split("+")):
            return single  # one reading already answers all that was asked
        if all(p.kind == "metrics" for p in parts):  # topics only: one answer with each ("... and how many say brand?")
            topics = list(dict.fromkeys(t for p in parts for t in p.topics))[:3]
            return replace(
                parts[0],
                query=query,
                topics=topics,
                also=[],
                asks_about_agents=any(p.asks_about_agents for p in parts),
                asks_gap=any(p.asks_gap for p in parts),
            )
        return Answer(query, "several", parts=parts)

    def _leader_clause_tokens(self, text: str) -> set[str]:
        """The vocabulary words of the clause that asks who leads, in a question (the whole text when none does)."""
        clauses = [c for s in _sentences(text) if "?" in s for c in DASH_RE.split(s) if c.strip()]
        asking = [c for c in clauses if {self._intent(t) for t in tokens(c)} & (LEAD_WORDS | LEADER_WORDS | TOP_WORDS)]
        return set(self._asked_tokens(" ".join(asking) if asking else text)[0])

    def _leader_then_figure(self, pieces: list[str], readings: list[Answer]) -> bool:
        """One of a message's questions, read alone, asks a figure, not a leader ("who leads on branch offices? and
        how many virtualise worldwide?"; not "... and which one on virtualisation?"): the leaders read from the whole
        give way to the questions read alone."""
        for piece, reading in zip(pieces, readings, strict=False):
            said = {self._intent(w) for w in tokens(piece)}
            if (
                reading.kind == "metrics"
                and (COUNT_ASK_RE.search(normalize(piece)) or said & FIGURE_WORDS)
                and not said & (LEAD_WORDS | LEADER_WORDS | WHICH_ONE_WORDS)
            ):
                return True
        return False

    def _fact_of(self, topic: Topic, study: str) -> Topic:
        """The study's own fact that answers what a fact of the other study answers (who took part, when), or the
        topic as it is."""
        if not isinstance(topic, Fact) or topic.study == study:
            return topic
        return next((f for f in self.facts.values() if f.study == study and set(f.asks) == set(topic.asks)), topic)

    def _stemmed(self, text: str) -> set[str]:
        """Vocabulary words typed with another ending, sharing seven letters or more with it ("virtualising" ->
        virtualiz): as good as typed, unlike a typo's guess."""
        out: set[str] = set()
        for token in _content(text):
            found, guess = self._correct(token)
            out.update(w for w in found if guess and _shared(token, w) >= 7)
        return out

    def _named_request(self, piece: str, answer: Answer) -> bool:
        """A message's first part that asks for a topic in a few words, naming it whole, without a question word
        ("callback exec/cs split please", "smallest company size in the sample"), not a sentence about the asker."""
        words = set(tokens(piece))
        qset, guessed = self._asked_tokens(piece)
        return (
            answer.kind == "metrics"
            and bool(answer.topics)
            and len(piece.split()) <= 7
            and not ALSO_RE.match(piece)  # (not a follow-up: "and the really big operations, ...")
            and not words & PERSONAL_WORDS
            and all(self._whole(t, qset - guessed - NAMED_STUDY.keys(), strong=True) for t in answer.topics)
        )

    @staticmethod
    def _study_asks(said: set[str], of_study: bool = True) -> set[str]:
        """What a question word asks of the study ("när gjordes undersökningen": when; "who answered the Strativity
        one?", "chi ha risposto": who took part); of_study: only when the words name the study."""
        study = not of_study or said & (STUDY_WORDS | NAMED_STUDY.keys())
        asks = {ask for ask, ask_words in ASK_WORDS.items() if said & ask_words} if study else set()
        if said & ASK_WORDS["who"] and said & TOOK_PART_WORDS:
            asks.add("who took part")
        return asks

    def _stands_alone(self, piece: str, answer: Answer, single: Answer, later: bool = False) -> bool:
        """Whether one question of a message, read alone, asks a thing of its own in a question word
        and names it ("..., and which market leads on branch offices?"): not a follow-up on the
        other ("differenza tra i due gruppi?" is that metric's gap), a guess ("branch offices
        maybe?", "la Germania?") or a topic left to the other ("and how many companies have it?")."""
        said = {self._intent(t) for t in tokens(piece)} | set(tokens(piece))
        if BELIEF_RE.search(unaccented(piece.lower())):
            said.discard("che")  # "è vero che ...": a belief, "che" asks nothing
        if WAS_IT_RE.search(unaccented(piece)):
            said.discard("var")  # "var det runt 40 procent?": "was it", no "where"
        # (or a figure asked in a few words: "branch offices: worldwide %", "root-cause analytics %")
        figure = answer.kind == "metrics" and (
            "%" in piece
            or bool(said & FIGURE_WORDS)
            # "feedback to sales, execs vs cs", "..., executive vs customer service"
            or bool(said & EXEC_WORDS and _cs_named(said, piece) and said & COMPARED_WORDS)
        )
        # a later sentence that opens with "and", "plus": "... exec vs CS? and revenue per call too"
        and_more = later and bool(ALSO_RE.match(piece) or _one_more(piece))
        also = and_more or later and bool(SAME_RE.match(piece))
        if (
            answer.kind == "ranking"
            and piece.rstrip().endswith("?")
            and (len(piece.split()) >= 4 or len(piece.split()) >= 2 and said & SUPERLATIVE_WORDS)
        ):
            also = True  # "biggest disconnect between the top floor and the front line?", "biggest exec/CS disconnect?"
        if answer.kind == "metrics" and len(piece.split()) >= 4 and piece.rstrip().endswith("?") and not also:
            # a topic named in two words or more, asked without a question word ("ASA as a critical metric: exec vs CS?")
            qset, guessed = self._asked_tokens(piece)
            also = all(self._whole(t, qset - guessed, min_words=2) for t in answer.topics)
        if not (said & PART_ASK_WORDS or figure or also) or len(piece.split()) < (2 if answer.kind == "region" else 3):
            return False
        if answer.kind == "ranking" and and_more and said & REVERSED_WORDS:
            return True  # "... which figures do execs rate higher? and the other way round?"
        if answer.kind == "ranking":  # "where's the biggest gap?", "is there anything they agree on?"
            if answer.order == "largest" and not said & (LARGEST_WORDS | LEADER_WORDS | WHERE_WORDS | ITEM_WORDS):
                return False  # the other's gap ("... - and is there a difference between what execs and CS say?")
            return bool(
                said & (WHICH_WORDS | WHERE_WORDS | LARGEST_WORDS | SMALL_WORDS | ANYTHING_WORDS | RANKING_ASK_WORDS)
            )
        if answer.kind in ("leaders", "region", "provenance"):
            return True
        # a sentence of its own ("Also how many agents did they cover?"), a later question ("..., and how many
        # agents does it cover?") or one that opens with its question word ("How many agents ..., and ...?")
        own = later or bool(ALSO_RE.match(piece) or QUESTION_START_RE.match(piece))
        qset, guessed = self._asked_tokens(piece)
        typed = (qset - guessed - NAMED_STUDY.keys()) | self._stemmed(piece)
        asks = self._study_asks(said)  # (or a study fact its question word asks: "när gjordes undersökningen")
        return (
            answer.kind == "metrics"
            and bool(answer.topics)
            and all(
                set(getattr(t, "asks", ())) & asks  # (asked by its question word: "who answered the Genesys survey")
                or self._whole(t, typed)
                # (a topic that is most questions' context, asked alone: "how many countries, how many companies",
                # "how many companies took part")
                and (
                    not getattr(t, "context", False)
                    or typed <= self._key_tokens[t.id] | self._title_tokens[t.id] | TOOK_PART_WORDS | {"part"}
                )
                and (own or not getattr(t, "alone", False))
                for t in answer.topics
            )
        )

    def _one(self, query: str) -> Answer:
        """A message of several sentences asks in those with a question mark; the others often tell
        of the asker ("Our pulse had 44% on this, which feels low. What did the study find on
        feedback to sales?"), and their words must not pull the answer away from the question. The
        question read alone answers when it names what it asks; when it names nothing ("what's the
        figure?"), the question the message relays, quoted or reported, or the sentence it pasted;
        else ("does the study say how many companies have it?") the whole message does, without the
        sentences that tell of the team's own pulses when those made it a question about the team. A
        comparison asked beside a quoted sentence is that comparison."""
        whole = self._answer(query)
        outside = QUOTE_RE.sub(" ", PASTED_QUOTE_RE.sub(" ", query[:500]))
        if whole.kind != "ranking" and outside.strip() and outside != query[:500]:
            # a sentence quoted from a source, then a comparison asked in its own words ('"the rosier picture is held
            # by the person closer to theory than practice" - which figures do execs rate higher?'): the comparison
            said = {self._intent(t) for t in tokens(outside)}
            compares = said & (GAP_WORDS | AGREE_WORDS | MORE_WORDS | LESS_WORDS | LARGEST_WORDS | REVERSED_WORDS)
            if compares and said & RANKING_ASK_WORDS and not self._names_a_topic(outside):
                mine = self._answer(outside)
                if mine.kind == "ranking":
                    return replace(mine, query=query)
        sentences, asked = _question_sentences(query[:500])
        if asked:
            question = " ".join(asked)
            alone = self._answer(question)
            nameless = self._names_nothing(question, alone)
            asks = {self._intent(t) for t in tokens(question)}
            relayed = (
                nameless
                and (
                    [q.strip("\"“”«»'") for q in QUOTED_RE.findall(query[:500]) if "?" in q]
                    # (not one about what the message said: "I want to know if that's unusual", "undrar hur det står sig")
                    or [
                        m.group(1)
                        for s in sentences
                        if s not in asked
                        for m in REPORTED_RE.finditer(s)
                        if not set(tokens(" ".join(m.group(1).split()[:2]))) & THAT_WORDS
                    ]
                    # or what it pasted ('"Nearly 40% ... are virtualizing" ... Which regions are actually leading?')
                    # (as quoted: a figure in it is what it said, not asked; not when a figure is asked: "vad handlar
                    # de 74 procenten om?")
                    or ([] if self._numbers(question) else PASTED_QUOTE_RE.findall(query[:500]))
                )
            )
            if relayed:
                # the asker's own question names nothing but the study ("she asked "how many companies reward
                # quality?". what's the figure from Strativity?", "my director asked how many companies use speech
                # recognition. any data?"): it asks the question it relays
                relay = " ".join([*relayed, question])
                told = self._answer(relay)
                # (not the sample it asks of, when the message names what: "il cliente dice che guardiamo troppo la
                # velocità di risposta. mi ha chiesto quante aziende la considerano critica. che numeri c'erano?")
                sample = (
                    whole.kind == told.kind == "metrics"
                    and all(getattr(t, "context", False) for t in told.topics)
                    and not any(getattr(t, "context", False) for t in whole.topics)
                )
                if (told.kind == "unmeasured" or not self._names_nothing(relay, told)) and not sample:
                    return replace(told, query=query)
            if (
                nameless
                and (
                    whole.kind in ("none", "unmeasured", "ranking")
                    or self._names_nothing(query[:500], whole)
                    # (the team's figure, told and not asked: "I vår pulsmätning svarade bara 35 procent ...")
                    # (unless the question asks which study or source: "1.5 million agents ... which study is that?")
                    or whole.kind == "provenance"
                    and not self._numbers(question)
                    and not asks & (SOURCE_WORDS | WHICH_ONE_WORDS)
                )
                and asks & (STUDY_WORDS | NAMED_STUDY.keys() | FOUND_WORDS | UNUSUAL_WORDS)
                # ("... on that?", or in a few words: "Vad säger Strativity?", "What did they find?", "Are we unusual?")
                and (
                    set(tokens(question)) & THAT_WORDS
                    or len(question.split()) <= 4
                    and asks & (FOUND_WORDS | UNUSUAL_WORDS)
                )
            ):
                # nothing relayed: what the sentences before it name, each read alone ("Marketing says the brand is
                # their job, but 88% of my team say service shapes it. What does the study say about that?")
                named = self._named_in(s for s in sentences if s not in asked)
                if named:
                    return replace(
                        named[0], query=query, topics=list(dict.fromkeys(t for a in named for t in a.topics))[:3]
                    )
            gap_told = (  # "... quoting 'a 16% gap'. a gap in what exactly?": that figure's gap, not the largest
                whole.kind == "provenance"
                and alone.kind == "ranking"
                and not asks & SUPERLATIVE_WORDS
                and GAP_FIGURE_RE.search(unaccented(query[:500]))
            )
            if (
                alone.label != whole.label
                and not gap_told
                and self._reads_alone(question, sentences, asked, alone, whole)
            ):
                return replace(alone, query=query)
            last = max(i for i, s in enumerate(sentences) if s in asked)
            if whole.kind in ("none", "unmeasured") and last < len(sentences) - 1:
                # an aside after the question ("... in the Strativity study? Would help me argue for the
                # training budget."): the message up to its question
                lead = self._answer(" ".join(sentences[: last + 1]))
                if lead.kind in ("metrics", "leaders", "region", "provenance"):
                    return replace(lead, query=query)
        if whole.about_team and len(sentences) > 1:  # "... Our own pulse says 52%. What does the study say?"
            told = [s for s in sentences if "?" in s or not _about_team([self._intent(t) for t in tokens(s)])]
            if len(told) < len(sentences):  # without what the asker tells of the team's own pulses
                rest_text = " ".join(told)
                rest = self._answer(rest_text)
                said = {self._intent(t) for t in tokens(rest_text)}
                if asked and said & (STUDY_WORDS | NAMED_STUDY.keys()) and self._names_nothing(rest_text, rest):
                    # the rest names only the study ("61 % av mitt team tycker att företaget förtjänar deras lojalitet.
                    # HR nämnde en Strativity-studie. Vad var siffran där?"): what the team's sentences name, asked
                    # of the study (without their figures, which are the team's)
                    team = [_without_team(s) for s in sentences if s not in told]
                    study = self._answer(" ".join([*team, *asked]))
                    if study.kind == "metrics" and not self._names_nothing(" ".join(team), study):
                        return replace(study, query=query)
                if rest.kind != "none" and not rest.about_team:
                    return replace(rest, query=query)
        return whole

    def _named_in(self, sentences: Iterable[str]) -> list[Answer]:
        """The readings of sentences that each name a metric (without the team's words and figures)."""
        named = []
        for sentence in sentences:
            text = _without_team(sentence)
            reading = self._answer(text)
            # (a metric, maybe found by guessed words; not a study fact found by the study's name alone)
            if reading.kind == "metrics" and not (
                self._names_nothing(text, reading) and all(map(_is_fact, reading.topics))
            ):
                named.append(reading)
        return named

    def _figure_told(self, text: str) -> bool:
        """The figures are told in sentences of their own and the question asks none of them, nor where they
        come from ("92% of C-level executives say service is key to the brand. What's the matching figure for
        customer-facing employees?")."""
        # (or in a clause before a dash: "92% of C-level say it's key to the brand - what was the number for the
        # service people?")
        sentences = [c for s in _sentences(text) for c in DASH_RE.split(s) if c.strip()]
        asked = [s for s in sentences if "?" in s]
        said = {self._intent(t) for s in asked for t in tokens(s)}
        return (
            bool(asked)
            and len(asked) < len(sentences)
            and bool(said & ANOTHER_FIGURE_WORDS)
            and not any(self._numbers(s) for s in asked)
            and not any(
                {self._intent(t) for t in tokens(s)} & (SOURCE_WORDS - FROM_WORDS) or WHERE_FROM_RE.search(s)
                for s in asked
            )
        )

    def _names_a_topic(self, text: str) -> bool:
        qset, guessed = self._asked_tokens(text)
        return any(m.score >= MIN_SCORE for m in self._score(qset, guessed=guessed)[:1])

    def _names_nothing(self, question: str, answer: Answer) -> bool:
        """The question names no topic, or only the study's name ("what did Strativity find on both?", "vem
        ligger i topp enligt undersökningen?")."""
        if answer.kind == "none" or answer.kind == "leaders" and not answer.topics:
            return True
        qset, guessed = self._asked_tokens(question)
        return answer.kind == "metrics" and not any(
            self._whole(t, qset - guessed - NAMED_STUDY.keys()) for t in answer.topics
        )

    def _reads_alone(self, question: str, sentences: list[str], asked: list[str], alone: Answer, whole: Answer) -> bool:
        """Whether the question sentences, read without the rest of the message, answer it better."""
        qset, guessed = self._asked_tokens(question)
        typed = qset - guessed
        if (  # what the studies never measured, named in the question ("what's the attrition rate? ours is 38%")
            alone.kind == "unmeasured"
            and alone.unmeasured
            and all(self._whole(t, typed) for t in alone.unmeasured)
            and not (whole.kind == "provenance" and whole.value in self._numbers(question))  # "vad står 67% för?"
            # (nor what a figure told before means: "saw the number 927 on a slide, no caption. what does it mean?")
            and not (
                whole.kind == "provenance"
                and not alone.topics
                and all(t.id == "none:definitions" for t in alone.unmeasured)
            )
        ):
            return True
        if whole.kind == "provenance" and whole.value not in self._numbers(question):
            # a figure of the asker's own ("our pulse had 78% vs 60%"), not one they read ("the deck says 16%")
            own = any(
                whole.value in self._numbers(s) and set(tokens(s)) & (PERSONAL_WORDS | TEAM_WORDS)
                for s in sentences
                if s not in asked
            )
            return own and alone.kind != "none"
        if alone.kind == "leaders":  # "which country leads on it?" asked of a topic the context also names
            return bool(alone.topics) or whole.kind != "leaders"  # (not "which leads?" of the topic the rest names)
        if whole.kind == "metrics" and any(
            set(getattr(t, "covers", ())) >= {w.id for w in whole.topics} for t in alone.topics
        ):
            return True  # the projects asked, named with their examples ("priority projects (callback, analytics)")
        # what the studies never measured, named only in the other sentences ("in our bank ...")
        aside = (
            whole.kind == "unmeasured" and whole.unmeasured and not any(self._whole(t, typed) for t in whole.unmeasured)
        )
        extra = [t for t in whole.topics if t not in alone.topics]
        if aside and alone.kind == "metrics" and alone.topics and set(alone.topics) <= set(whole.topics):
            return True  # the topic the whole message found, without what only an aside named ("a business case")
        if (
            alone.kind == "metrics"
            and alone.topics
            and set(alone.topics) < set(whole.topics)
            and all(getattr(t, "alone", False) for t in extra)
        ):
            return True  # the other sentences added only a sample's context ("we have over 2,500 agents")
        if whole.kind == "metrics" and all(self._whole(t, typed - NAMED_STUDY.keys()) for t in whole.topics):
            return False  # what the question names (not only by the study's name), read with its context
        if alone.kind == "region":
            return True
        if alone.kind == "ranking":  # a comparison read as the team's own, or as regions leading, for the rest's words;
            # or in another order, or as a topic, for words that tell of the asker ("to open on a positive note: where
            # are the smallest gaps?", "our CEO talks of a customer-centric company: su quali indicatori ...?")
            said = {self._intent(t) for t in tokens(question)}
            return (
                whole.about_team
                or whole.kind in ("leaders", "ranking")
                or bool(aside)
                or whole.kind == "metrics"
                and bool(said & ITEM_WORDS)
                and bool(said & WHICH_WORDS)
            )
        # each topic named in so many words; a sample's fact ("respondents") only when the other
        # sentences tell of the asker ("We're a mid-sized logistics firm."), not of the topic
        # ("2500+ agents... what share of the respondents?")
        personal = any(set(tokens(s)) & PERSONAL_WORDS for s in sentences if s not in asked)
        asks = self._study_asks({self._intent(t) for t in tokens(question)}, of_study=False)
        return (
            alone.kind in ("metrics", "leaders")
            and bool(alone.topics)
            and all(
                # not only by the study's name ("in the Strativity study?"), unless asked ("who answered it?")
                (self._whole(t, typed - NAMED_STUDY.keys()) or set(getattr(t, "asks", ())) & asks)
                # ("how many companies have it?" leaves its topic to the rest; "how many countries, and how many
                # companies took part?" does not)
                and not (getattr(t, "context", False) and (whole.kind == "metrics" or len(alone.topics) == 1))
                and (personal or not getattr(t, "alone", False))
                for t in alone.topics
            )
        )

    def _answer(self, query: str) -> Answer:
        text = query[:500]
        if "*" in text or "_" in text or "~" in text:
            text = SLACK_EMPHASIS_RE.sub("", text)  # "a _16%_ gap", "*brand*": Slack's bold, italics, strike
        if "<" in text:
            text = SLACK_MARKUP_RE.sub(" ", text)  # mentions and <!channel> are not words
        text = RELAYED_RE.sub(" ", text)  # "@legal asked: who ran it?": the question, not who asked it
        # "fewer than five hundred agents", "oltre duemilacinquecento": the sizes' figures in words
        text = _resub(
            NUMBER_WORD_RE, lambda m: NUMBER_WORDS[m.group(0).lower().replace("-", " ")], text, NUMBER_NEEDLES
        )
        if ":" in text:
            text = SWEDISH_ENDING_RE.sub(r"\1\2", text)
        # (each search below only where its needles are: most questions hold none of them)
        # "our APAC hub is in Singapore": where the asker sits, not what is asked
        text = _resub(OUR_PLACE_RE, " ", text, OUR_PLACE_NEEDLES)
        if "/" in text:
            text = GAP_COMMAND_RE.sub(" ", text)  # "what do I type after /gap?": the command, not a gap
        if "U" in text and not text.isupper():  # "US numbers for callbacks": the country, not the pronoun
            text = US_RE.sub("USA", text)
        text = _resub(INTRO_RE, " ", text, INTRO_NEEDLES)  # "WFM analyst here." says who asks, not what
        # "the Insurance & Technology piece": a source, the trade magazine, and no industry; the study's full title and
        # its sponsor's full name ("The Strategic Alignment of Customer Service", "Genesys Telecommunications
        # Laboratories") name the study, not cc strategy or telecoms
        text = _resub(SOURCE_NAMES_RE, _source_named, text, ("nsurance", "i&t", "alignment", "laborator"))
        # "beställd av en leverantör", "paid for by a vendor", "per conto di Genesys": who commissioned it, no vendors
        text = _resub(VENDOR_PAID_RE, r"\1", text, ("vendor", "leverant", "fornitor", "conto"))
        # the release's "customer-level employees" are the customer service staff, no count of customers
        text = _resub(CUSTOMER_LEVEL_RE, "customer service employees", text, ("level",))
        # "benchmarking for a financial services client": whom the asker works for, not what is asked
        text = _resub(CLIENT_RE, " ", text, ("client", "prospect"))
        # "before the budget meeting": the asker's own meeting, no cost asked
        text = _resub(BUDGET_MEETING_RE, "meeting", text, ("budget",))
        # "the people actually answering the phones": the agents, not speed to answer
        text = _resub(PHONE_PEOPLE_RE, " agents ", text, ("the phone", "the call", "telefon"))
        # "operational managers", "manager operativi": the managers who answered, not an operational contact center
        text = _resub(OPERATIONAL_MANAGERS_RE, " managers ", text, ("operati", "operativ"))
        # "senior leaders ... market needs": the executives, not which market leads
        text = _resub(PEOPLE_LEADERS_RE, " executives ", text, ("leader",))
        text = _resub(SPEAKER_RE, " someone ", text, SPEAKER_NEEDLES)
        if "team" in text:
            text = TEAM_SPEAKER_RE.sub(" someone ", text)
        text = _resub(NEED_FOR_RE, " ", text, ("need", "beh", "serv"))  # "..., need them for a budget pitch"
        if "927" in text:  # "of the 927, what fraction...": the sample, no figure asked
            text = SAMPLE_RE.sub(
                lambda m: f"{m.group(1)}{m.group(2) or ''}" + ("" if m.group(3) else " respondents"), text
            )
        raw = [self._intent(t) for t in tokens(text)]
        words = set(raw) | _study_tails(raw)
        qset, guessed = self._asked_tokens(text)
        said = QUOTE_RE.sub(" ", text)  # a quote ("> Both groups agree ...") is what was said, not what is asked
        regions = (said != text and self.find_regions(said)) or self.find_regions(text)  # (the regions asked)
        if regions and ALL_FOR_REGION_RE.search(unaccented(text)):  # "what else is there for Germany?": all of it
            return Answer(query, "region", regions=regions)
        if qset & STUDY_NAME_WORDS and (
            regions or any(m.score >= MIN_SCORE for m in self._score(qset - STUDY_NAME_WORDS)[:1])
        ):  # "industries in the genesys study", "the figures for Germany in the Genesys research": which study
            qset -= STUDY_NAME_WORDS
        agents = bool(words & AGENT_WORDS)
        scored = self._most_specific(self._score(qset, guessed=guessed), qset - guessed, raw)
        # one job title's own view ("how many CIOs think ..."): never given, whatever it is of
        if "respondentmix" in qset:
            scored.sort(key=lambda m: m.metric.id != "none:respondent_mix")
        unasked = {
            m.metric for m in scored if getattr(m.metric, "breakdown", False) and not self._split(m.metric, qset, words)
        }
        every, scored = scored, [m for m in scored if m.metric not in unasked]
        # a topic named whole before its examples ("which markets have detailed data - North America?")
        for m in scored:
            if getattr(m.metric, "covers", ()) and isinstance(m.metric, Fact) and self._whole(m.metric, qset - guessed):
                scored = [x for x in scored if x.metric.id not in m.metric.covers]
                break
        known = [m for m in scored if not isinstance(m.metric, Unmeasured) and m.score >= MIN_SCORE]
        if regions and (said == text or self.find_regions(said)) and REGION_STANDING_RE.search(unaccented(text)):
            # how a country stands ("how does Asia do on passing on feedback?", "hur ligger asien till på ..."): all its
            # figures, when the metric it names first has one there (else that metric's answer says the country has none)
            first = next(
                (
                    m.metric
                    for m in known
                    if isinstance(m.metric, Metric)
                    and m.metric.kind != "fact"
                    and self._whole(m.metric, qset - guessed)
                ),
                None,
            )
            if first is None or set(regions) & set(self.view(first.id).regions):
                return Answer(query, "region", regions=regions)

        # (not "under 50 agents"; nor a figure inside a sentence quoted from a source, what it said and not
        # the figure asked about: '"Nearly 30% plan information consoles" - what is that about?')
        unquoted = PASTED_QUOTE_RE.sub(" ", text)
        outside = {self._intent(t) for t in tokens(unquoted)} if unquoted != text else set()
        if unquoted != text and (  # unless its source is asked, or what it measures ("vilket nyckeltal menar de?")
            outside & (SOURCE_WORDS - FROM_WORDS)
            or WHERE_FROM_RE.search(unquoted)
            or outside & WHICH_WORDS
            and outside & METRIC_NOUNS
            and not self._names_a_topic(unquoted)
        ):
            unquoted = text
        figure_text = DURATION_RE.sub(" ", SIZE_NUMBER_RE.sub(" ", unaccented(unquoted)))
        numbers = self._numbers(figure_text)
        metric_named = any(
            m.metric.kind != "fact" and self._whole(m.metric, qset - guessed)
            for m in known
            if isinstance(m.metric, Metric)
        )
        claim = metric_named and CLAIM_RE.search(normalize(text))
        # a figure told of what the studies never measured ("FCR is around 75%", "turnover was 40% last year"): no
        # figure of theirs, whatever its value
        never_measured = (
            bool(numbers)
            and not metric_named
            and not words & (SOURCE_WORDS - FROM_WORDS)  # (unless its source is asked: "saw 54% in a vendor deck,
            and not WHERE_FROM_RE.search(text)  # where does it come from?")
            and not WHAT_THIS_RE.search(figure_text)
            and not (words & WHICH_WORDS and words & STAT_WORDS)  # ("which figures are those?")
        ) and any(
            isinstance(m.metric, Unmeasured)
            and not getattr(m.metric, "framing", False)
            and m.metric.id not in ("none:other_regions", "none:systems", "none:training")  # (where it was seen)
            and self._whole(m.metric, qset - guessed)
            for m in scored
        )
        fraction = not numbers and FRACTION_RE.search(figure_text)
        asked_ids = [m.metric.id for m in known]
        source_asked = bool(numbers or fraction) and bool(
            words & (SOURCE_WORDS - FROM_WORDS)
            or WHERE_FROM_RE.search(text)
            or WHAT_THIS_RE.search(figure_text)
            or WHICH_STUDY_RE.search(normalize(text))  # "... - which study is that?", "vilken undersökning är det?"
            or EITHER_STUDY_RE.search(normalize(text))  # "... is that genesys or strativity?"
        )
        if fraction and source_asked:
            # a fraction whose source is asked ("drygt hälften av de tyska företagen ... vilken undersökning?"): the
            # figure it is, or the nearest
            value = self._numbers(FRACTION_RE.sub(_fraction, figure_text))[:1]
            near = value and self._figures_near(value[0], asked_ids, regions)  # (about: "drygt hälften" of the German)
            if near:
                return Answer(query, "provenance", figures=near, value=near[0].value, regions=regions)
        # which of two findings a figure is ("49% - is that APAC virtualisation or UK branch offices?"): its source
        # (of two findings, not of two groups: "the ~40% virtualizing figure - is that execs or CS people?")
        which_of = (
            bool(numbers)
            and sum(isinstance(m.metric, Metric) and self._whole(m.metric, qset - guessed) for m in known) >= 2
            and not (words & EXEC_WORDS or _cs_named(words, text))
            and bool(WHICH_OF_RE.search(normalize(figure_text)))  # (last: the only new text normalized here)
        )
        if which_of or (
            numbers
            and not claim
            and not never_measured
            and not (metric_named and self._figure_told(unquoted))
            and (
                words & SOURCE_WORDS
                or source_asked
                or not {w for w in qset if not w.isdigit()}  # (a figure is no topic: "what's the 20% about?")
                or BEHIND_FIGURE_RE.search(figure_text)  # "vem står bakom 54 %?": who is behind the figure, its source
                # '"... 67% considered this a key metric" what's "this"?': its source
                or WHAT_THIS_RE.search(figure_text)
                # "'a 16% gap'. a gap in what?" (not "is the 16 point gap the biggest?")
                or GAP_FIGURE_RE.search(figure_text)
                and not _about_team(raw)
                and not words & SUPERLATIVE_WORDS
                or words & WHICH_WORDS
                and words & (STUDY_WORDS | STAT_WORDS)  # "which stat is the 67% one"
                # (not the split of a figure named: "the ~40% virtualizing figure - execs or CS? what's the split?")
                and not (words & (GAP_WORDS | SPLIT_WORDS | {"split"}) and words & EXEC_WORDS and metric_named)
                # (nor the other group's figure: "is it right that 92% of execs think ...? And what was the number for
                # the customer service people?")
                and not (metric_named and words & EXEC_WORDS and _cs_named(words, text))
                or _number_first(text)  # "the 927 - companies or people?" (not "1.5 million agents")
                and ("?" in text or words & ASK_WHAT_WORDS)
                and all(_is_fact(m.metric) for m in known)
            )
        ):
            found = [(v, f) for v in dict.fromkeys(numbers) for f in [self._figures_valued(v, asked_ids, regions)] if f]
            parts = [Answer(query, "provenance", figures=f, value=v, regions=regions) for v, f in found[:3]]
            # each figure asked in turn ("var kommer 78 % och 62 % ifrån?", "where's the 54% from? also the 927")
            chain = self._chained(figure_text)
            asked_values = [v for v, _ in found[:3] if v in chain]
            if len(asked_values) > 1 and found[0][0] == numbers[0]:
                return Answer(query, "several", parts=[p for p in parts if p.value in asked_values])
            if parts and found[0][0] == numbers[0]:
                return parts[0]

        regional = [m.metric for m in known if m.metric.id in self.metrics and self.view(m.metric.id).regions]
        framed = self._framing(scored, qset - guessed)  # an amount, advice...: not which region leads
        leading = (
            words & LEAD_WORDS
            or words & LEADER_WORDS
            and words & (ASK_WORDS["who"] | WHERE_WORDS)  # "who's top on X", "where is X highest"
            or words & TOP_WORDS
            and regions  # "did Germany come out as the leader on callbacks"
        )
        # a split the studies do not give ("which company size is furthest ahead on callback") is not a country
        split = any(getattr(m.metric, "breakdown", False) and self._whole(m.metric, qset - guessed) for m in scored)
        if (
            not framed
            and not split
            and (words & (LEADER_WORDS | LARGEST_WORDS) and words & PLACE_WORDS or leading and regional)
        ):
            metrics = [m.metric for m in known if m.metric.id in self.metrics and m.metric.kind != "fact"]
            never = [
                m.metric
                for m in scored
                if isinstance(m.metric, Unmeasured)
                and m.metric.id != "none:other_regions"
                and self._whole(m.metric, qset - guessed)
            ]
            if never and not metrics:  # "which region has the highest CSAT?": not measured, in no country either
                return Answer(query, "unmeasured", unmeasured=never[:1], regions=regions)
            elsewhere = self.unmeasured["none:other_regions"]
            # "which Nordic country is best": none given (not a guess beside the question: "which country leads on
            # virtualisation? someone said Sweden")
            if metrics and self._whole(elsewhere, self._leader_clause_tokens(text) - guessed):
                return Answer(query, "unmeasured", topics=metrics[:1], unmeasured=[elsewhere])
            if metrics and not regional:  # "which country leads on real-time consoles": no country figures
                return Answer(
                    query, "unmeasured", topics=metrics[:1], unmeasured=[self.unmeasured["none:other_regions"]]
                )
            if regional and regions and self._elsewhere(regional[:1], regions):
                # "is Germany also ahead on virtualization?": the sources give no figure for Germany there
                return Answer(query, "unmeasured", topics=regional[:1], unmeasured=[elsewhere], regions=regions)
            named = [m for m in regional if self._whole(m, qset - guessed)]
            if len(named) > 1:  # "which region leads on branch offices and which one on virtualisation?": each
                return Answer(
                    query, "several", parts=[Answer(query, "leaders", topics=[m], regions=regions) for m in named[:3]]
                )
            if not regional and words & (GAP_WORDS | MORE_WORDS) and words & (EXEC_WORDS | CS_WORDS):
                # "which country has the largest exec vs CS disconnect?": the groups' figures are not given per country
                return Answer(query, "unmeasured", unmeasured=[elsewhere], regions=regions)
            return Answer(query, "leaders", topics=regional[:1], regions=regions)

        # what the sample held ("were banks included?"), not how many of one industry it held ("how many
        # travel companies were in the sample?": no count per industry is given)
        sample = bool(words & SAMPLE_WORDS) and not HOW_MANY_RE.search(normalize(text))
        # a second question of its own after the first ("who ran it, and how many countries did it cover?")
        and_ask = bool(SECOND_ASK_RE.search(unaccented(text)))
        # "both", "+": a further topic may be one typed with a typo ("calback + virtualiztion adoption, both")
        both = bool(words & BOTH_WORDS) or "+" in text
        topics = self._topics(qset, scored, guessed, unasked, sample=sample, and_ask=and_ask, both=both)
        if (
            len(topics) > 1
            and getattr(topics[0], "alone", False)
            and not AND_ASK_RE.search(normalize(text))
            and not (topics[0].id == "fact:respondents" and words & ROLE_WORDS)  # "settori e ruoli degli intervistati"
        ):
            # its words were the others' context ("the upper end of company size": the largest companies,
            # not all sizes); unless asked in a question of its own ("..., and how many agents does it cover?")
            topics = topics[1:]
        chosen = self._study_question(words | qset, topics, and_ask)
        # "apart from callbacks, how many plan consoles?", "Tyskland – inte bara callback, allt ni har": not that one
        excluded = {w for m in EXCLUDED_RE.finditer(unaccented(text)) for w in self._query_tokens(m.group(2))[0]}
        if excluded and (len(chosen) > 1 or regions):
            chosen = [t for t in chosen if not self._whole(t, excluded)]
        if regions and not topics and not words & STRICT_ASK_WORDS:  # "vilka resultat finns för Storbritannien"
            chosen = []  # which results a country has, not who ran the study
        named = {NAMED_STUDY[w] for w in words if w in NAMED_STUDY}
        if named and any(not _is_fact(t) or t.study in named for t in chosen):
            chosen = [t for t in chosen if not _is_fact(t) or t.study in named]
        elif named and chosen and all(isinstance(t, Fact) for t in chosen):
            # the other study's fact: the named study's fact that answers the same ("the 2004 one: who answered?")
            same = [f for t in chosen for f in self.facts.values() if f.study in named and set(f.asks) & set(t.asks)]
            chosen = list(dict.fromkeys(same)) or chosen
        in_question = self._asked_in_the_question(text, chosen, unasked)
        if in_question != chosen:  # an aside's topic dropped: the question word narrows what is left
            chosen = self._study_question(words | qset, in_question, and_ask)
        if (  # "across how many countries was the survey fielded?": the count, not when it was in the field
            len(chosen) > 1
            and any(t.id == "fact:fieldwork" for t in chosen)
            and not words & (ASK_WORDS["when"] | DATE_WORDS)
            and not self._whole(self.facts["fact:fieldwork"], qset - guessed - FIELDED_WORDS)
        ):
            chosen = [t for t in chosen if t.id != "fact:fieldwork"]
        if {t.id for t in chosen} & SIZE_IDS and words & SMALLEST_WORDS and words & BIGGEST_WORDS:
            # "the smallest company size in the sample, and the biggest?", "size range, smallest to largest": both ends
            ends = [self.topics["study_company_size_min"], self.topics["study_company_size_max"]]
            chosen = list(dict.fromkeys([*(t for t in chosen if t.id not in SIZE_IDS), *ends]))
        if {t.id for t in chosen} & {"study_company_size_min", "study_company_size_max"}:
            chosen = [t for t in chosen if t.id != "fact:sizes"]  # the smallest or largest, not every size again
        # (not when the study's own figure is asked beside the team's story: "vi mäts på intäkt per samtal i mitt team,
        # är det vanligt enligt studien?", "... per il mio team, quante aziende ce l'hanno già?")
        about_team = _about_team(raw) and not (
            chosen
            and (words & STUDY_WORDS or words & COUNT_TOKENS)
            and not set(raw) & PULSE_WORDS
            and len(_sentences(text)) == 1
        )  # (the team's pulse told beside the study's question, or sentences that tell first, are read so below)
        if about_team:  # "how is our team doing on brand": the team's own pulses, `results`
            chosen = []
        paired = [t for t in chosen if getattr(t, "kind", "") == "paired"]
        asked = [self._intent(t) for t in tokens(said)] if said != text and said.strip() else raw
        order = _order(asked, set(asked) | _study_tails(asked)) if asked is not raw else _order(raw, words)
        listing = (  # "which figures do execs rate higher"; not "the one where both agree on the brand: the numbers?"
            words & WHICH_WORDS
            and words & ITEM_WORDS
            # (nor metrics named whole: "how many execs say they invest in people more than in tech? the number?",
            # "... disagree on both speed to answer and revenue per call. what are the numbers")
            and not (chosen and all(not _is_fact(t) and self._whole(t, qset - guessed, strong=True) for t in chosen))
            and not any(isinstance(t, Unmeasured) and self._whole(t, qset - guessed) for t in chosen)
        )
        # a comparison asked of the study as a whole: the facts that name the study only say which one
        # ("with reference to the survey Genesys commissioned, where is the largest gap?")
        about_study = (  # (facts that only name the study, not "the priority projects ...: over what horizon?")
            chosen
            and all(_is_fact(t) and getattr(t, "alone", False) for t in chosen)
            and not words & (ASK_WORDS["when"] | ASK_WORDS["who"])
        )
        # "is it true the biggest gap is on speed to answer?", "è vero che sono d'accordo solo su ...": a belief
        # about the ranking is checked against the ranking
        belief = (
            order in ("largest", "agree")
            and BELIEF_RE.search(unaccented(text))
            and not about_team
            and not any(isinstance(t, Unmeasured) for t in chosen)  # ("is it true Forrester found the same?")
            # (not a belief about one topic's own gap or agreement, without a superlative: "è vero che c'è un gap del
            # 16% sui feedback girati alle vendite?", "è vero che erano d'accordo sull'importanza per il brand?")
            and (
                words & (LARGEST_WORDS | LEAST_WORDS | SMALL_WORDS | LEADER_WORDS | ONLY_WORDS)
                or not any(self._whole(t, qset - guessed) for t in chosen if getattr(t, "kind", "") == "paired")
            )
        )
        if order and (not chosen and not about_team or listing and not about_team or about_study or belief):
            # a ranking by company size or industry ("exec vs CS gap by company size"): a split never given
            by = [
                m.metric
                for m in every
                if getattr(m.metric, "breakdown", False) and self._whole(m.metric, qset - guessed)
            ]
            if by:
                return Answer(query, "unmeasured", unmeasured=by[:1], asks_about_agents=agents)
            if order == "largest" and BOTH_ENDS_RE.search(normalize(text)):  # "biggest gap and smallest gap"
                return Answer(
                    query,
                    "several",
                    parts=[
                        Answer(query, "ranking", order=way, asks_about_agents=agents) for way in ("largest", "agree")
                    ],
                )
            # ("..., and vice versa?", "which figures do CS rate higher than the c-suite, and which ones do they rate
            # lower"): both ways
            both_ways = (
                set(raw) & MORE_WORDS
                and set(raw) & LESS_WORDS
                and any(set(tokens(p)) & LESS_WORDS and set(tokens(p)) & WHICH_WORDS for p in question_parts(text)[1:])
            )
            if order in ("exec_higher", "cs_higher") and (VICE_VERSA_RE.search(unaccented(text)) or both_ways):
                # "where are the execs more positive than CS, and vice versa?": both ways
                return Answer(
                    query,
                    "several",
                    parts=[
                        Answer(query, "ranking", order=way, asks_about_agents=agents)
                        for way in (order, "cs_higher" if order == "exec_higher" else "exec_higher")
                    ],
                )
            return Answer(
                query, "ranking", topics=paired if len(paired) > 1 else [], order=order, asks_about_agents=agents
            )

        if [t.id for t in chosen] == ["none:other_years"]:
            # "was the report published in 2009?", "è vero che è del 2009?": the date asked is the study's own
            when = [
                m.metric
                for m in every
                if isinstance(m.metric, Fact) and "when" in m.metric.asks and self._whole(m.metric, qset - guessed)
            ]
            chosen = when[:1] or chosen
        if regions and chosen and all(t.id in SAMPLE_IDS for t in chosen):
            # "what share of respondents were based in Asia Pacific?": the sample is not given per country
            return Answer(
                query, "unmeasured", topics=chosen, unmeasured=[self.unmeasured["none:other_regions"]], regions=regions
            )
        if not chosen:
            if regions:
                return Answer(query, "region", regions=regions)
            return Answer(query, "none", about_team=about_team)
        answered = [t for t in chosen if not isinstance(t, Unmeasured)]
        unmeasured = [t for t in chosen if isinstance(t, Unmeasured)]
        if not unmeasured:
            unmeasured = self._elsewhere(answered, regions)
            hinted = {g for g in guessed if len(g) < 6}  # ("slack" is no "lack"; "virtualizaton" is virtualization)
            if unmeasured and not any(self._whole(t, qset - hinted) for t in answered):
                # a country's figures asked, beside words that only hint at a topic ("spain numbers pls (... not
                # answering slack from the beach)": a guess from a short typo)
                return Answer(query, "region", regions=regions)
        years = set(STUDY_YEAR_RE.findall(text))
        if (  # "speed to answer back in 2004": a figure of the 2008 study asked of the other study's year
            not unmeasured
            and len(years) == 1
            and answered
            and all(isinstance(t, Metric) and not t.study.endswith(next(iter(years))) for t in answered)
        ):
            unmeasured = [self.unmeasured["none:other_years"]]
        if not unmeasured and BY_COUNTRY_RE.search(normalize(text)):  # "Strativity loyalty numbers by country"
            metrics = [t for t in answered if isinstance(t, Metric) and t.kind != "fact"]
            # ... or the sample counted per country ("the sample size per country, how many companies from each")
            counts = [t for t in answered if t.id in ("study_companies", "study_agents_covered", "fact:respondents")]
            said = {self._intent(t) for t in tokens(text)}  # ("how many respondents came from each country")
            counts += [t for t in answered if t.id == "study_countries" and said & RESPONDENT_WORDS]
            if metrics and not any(self.view(m.id).regions for m in metrics) or counts:
                unmeasured = [self.unmeasured["none:other_regions"]]
        if and_ask and answered and all(u.id == "none:definitions" for u in unmeasured):
            unmeasured = []  # "what does 'virtualization' mean here, and how many are doing it?": its figures say
        if unmeasured:
            return Answer(query, "unmeasured", topics=answered, unmeasured=unmeasured, regions=regions)
        if (
            self._doubt
            and not self._all_read(text, answered)
            and self._doubt.p_unanswerable(self.features(text)) > DOUBT
        ):
            # questions like this one asked what the studies never measured: the topic is only the closest
            return Answer(query, "unmeasured", topics=answered, regions=regions)
        also = [
            m.metric
            for m in scored
            if isinstance(m.metric, Metric)
            and m.metric not in answered
            and m.metric.kind != "fact"
            and m.score >= max(MIN_SCORE, 0.6 * scored[0].score)
        ][:2]
        return Answer(
            query,
            "metrics",
            topics=answered,
            also=also,
            regions=regions,
            asks_about_agents=agents,
            asks_gap=bool(words & GAP_WORDS),
        )

    def _most_specific(self, scored: list[Match], typed: set[str], raw: list[str]) -> list[Match]:
        """The best-scored topic gives way to a close one with a longer keyword, whole and its words
        close together, that holds every word the best was found by ("the tools, authority or
        investment" is lacking the means, not tools and authority; "tools and authority vs
        investment in people" stays two topics)."""
        if len(scored) < 2:
            return scored
        top = scored[0]
        found_by = {w for phrase, _ in self._phrases[top.metric.id] if phrase <= typed for w in phrase}
        for m in scored[1:] if found_by else ():
            if m.score < 0.6 * top.score:
                break
            if any(
                found_by < phrase <= typed and _span(phrase, raw) <= 2 * len(phrase)
                for phrase, _ in self._phrases[m.metric.id]
            ):
                return [m, *(x for x in scored if x is not m)]
        return scored

    def _split(self, breakdown: Unmeasured, qset: set[str], words: set[str]) -> bool:
        """Whether a breakdown is asked of something: a metric the rest of the question names, or a gap."""
        rest = qset - self._key_tokens[breakdown.id]
        return bool(words & (GAP_WORDS | SPLIT_WORDS)) or any(
            isinstance(m.metric, Metric)
            and m.metric.kind != "fact"
            and m.score >= MIN_SCORE
            and self._whole(m.metric, rest)
            for m in self._score(rest)
        )

    def _asked_in_the_question(self, text: str, chosen: list[Topic], unasked=frozenset()) -> list[Topic]:
        """Without what the studies never measured when it is named only in an aside: the context
        before or after the question itself ("for my onboarding deck: do CS managers think feedback
        gets to sales?", "budget season is coming: where do they disagree most?"), when the
        question names a real topic whole or asks a comparison (a framing, the kind of answer
        asked for, counts anywhere beside a comparison). The question is the clause that ends in
        a question mark, else the last one."""
        if not any(isinstance(t, Unmeasured) for t in chosen):
            return chosen
        pieces = zip(CLAUSE_RE.split(text), [*CLAUSE_RE.findall(text), ""], strict=True)  # (clause, what ends it)
        clauses = [(clause, mark) for clause, mark in pieces if clause.strip()]
        if len(clauses) < 2:
            return chosen
        asked = [i for i, (_, mark) in enumerate(clauses) if "?" in mark] or [len(clauses) - 1]
        if not any("?" in mark for _, mark in clauses):  # no question mark: a request ("give me ...") asks
            asked = [next((i for i, (c, _) in enumerate(clauses) if REQUEST_RE.match(c)), asked[-1])]
        question = clauses[asked[-1]][0]
        qset, guessed = self._query_tokens(question)
        said = [self._intent(t) for t in tokens(question)]
        if not qset and asked[-1] > 0 and not _order(said, set(said)):
            # "revenue per call and CLV - what do execs think vs CS?": one question in two clauses
            question = " ".join(c for c, _ in clauses[asked[-1] - 1 : asked[-1] + 1])
            qset, guessed = self._query_tokens(question)
        typed = qset - guessed
        raw = [self._intent(t) for t in tokens(question)]
        real = [t for t in chosen if not isinstance(t, Unmeasured)]
        if any(isinstance(t, Unmeasured) and self._whole(t, typed) for t in chosen):
            return chosen
        if any(self._whole(t, typed) for t in real):
            return real
        # the aside's framing took the place of the question's own topic ("Who paid for this study?
        # I'm guessing a vendor."): the question, read alone
        alone = [] if real else self._topics(qset, self._score(qset, guessed=guessed), guessed, unasked)
        if alone and all(not isinstance(t, Unmeasured) and self._whole(t, typed) for t in alone):
            return alone
        if not real and self.find_regions(question):  # "for the bank's board: what does it say about the UK?"
            return []
        if not real and asked[-1] > 0 and set(tokens(question)) & IT_WORDS:
            return chosen  # the question asks of what the clause before named ("NPS: do execs rate it higher?")
        if not real and _order(raw, set(raw)):  # a comparison: what kind of answer (advice, a trend) still counts,
            # said before or in the question or a few words after it ("...? best practice"), not in an aside
            # after it ("...? top 3 would be ideal for the slide")
            kept = [c for i, (c, _) in enumerate(clauses) if i <= asked[-1] or len(c.split()) <= 3]
            before, _ = self._query_tokens(" ".join(kept))
            return [t for t in chosen if getattr(t, "framing", False) and self._whole(t, before)]
        return chosen

    def _all_read(self, text: str, topics: list[Topic]) -> bool:
        """Whether every word of the question that carries a topic was read as these topics' words or
        a place ("callbacks in germany"): then nothing is left for the second opinion to weigh, which
        is there for what the studies never measured asked in words no rule foresaw."""
        known = set().union(*(self._key_tokens[t.id] | self._title_tokens[t.id] for t in topics))
        known |= {"company"}  # "do companies measure X": every finding is about companies
        known |= FRAME_WORDS  # "do most companies measure / offer X": what every finding is asked with
        if any(getattr(t, "kind", "") == "company" for t in topics):  # "how many companies do X": its frame
            known |= self._key_tokens["study_companies"]
        known |= {getattr(t, "study", "")[-4:] for t in topics}  # "speed to answer in 2008": the study's own year
        if not COUNT_ASK_RE.search(normalize(text)):  # (not "how many banks took part?": no count per industry)
            for t in topics:  # "were banks and telcos included?": the fact's examples
                known |= self._examples.get(t.id, set())
        # (nor the words for the study and its sample: "com'era distribuito il campione per dimensione aziendale?")
        return all(t in known or t in self._region_words or t in SAMPLE_WORDS | STUDY_WORDS for t in _content(text))

    def _whole(self, topic: Topic, words: set[str], min_words: int = 1, strong: bool = False) -> bool:
        """Whether one of the topic's keywords, of at least min_words words, is whole in these words
        (strong: not one of its weak keywords, "the queues")."""
        weak = getattr(topic, "weak", frozenset()) if strong else frozenset()
        return any(
            len(phrase) >= min_words and phrase <= words and not phrase <= weak for phrase, _ in self._phrases[topic.id]
        )

    def _framing(self, scored: list[Match], words: set[str]) -> Unmeasured | None:
        """The best-scored framing (an amount, a definition, advice...) named whole in these words, but
        not inside a keyword of the best topic ("worth" in "worth over the whole relationship", "what a customer is
        worth")."""
        best = scored[0].metric if scored and not getattr(scored[0].metric, "framing", False) else None
        named = [p for p, _ in self._phrases[best.id] if p <= words] if best else []
        return next(
            (
                m.metric
                for m in scored
                if getattr(m.metric, "framing", False)
                and any(p <= words and not any(p <= longer for longer in named) for p, _ in self._phrases[m.metric.id])
            ),
            None,
        )

    def _elsewhere(self, answered: list[Topic], regions: list[str]) -> list[Unmeasured]:
        """The countries named, when no figure found is given for them ("revenue per call in the
        UK"): the worldwide figures are only the closest. (Executives vs CS asked of a share of
        companies is answered with its figures and says there is no split.)"""
        # a metric, or a count of the sample ("how many companies in the UK sample")
        metrics = [t for t in answered if isinstance(t, Metric) and (t.kind != "fact" or t.id.startswith("study_"))]
        if not metrics or len(metrics) < len(answered):
            return []
        if regions:
            asked = set(regions) | {r for rid in regions for r in self.region_info[rid].get("related", ())}
            if not any(asked & set(self.view(m.id).regions) for m in metrics):
                return [self.unmeasured["none:other_regions"]]
        return []

    def _topics(
        self,
        qset: set[str],
        scored: list[Match],
        guessed: set[str],
        unasked=frozenset(),
        sample: bool = False,
        and_ask: bool = False,
        both: bool = False,
    ) -> list[Topic]:
        """The best topic, then up to two more that the question's remaining words ask for on
        their own ("brand and self service"), with a whole keyword not guessed from a stem or a
        typo ("formal" is not "formazione"). A study fact answers only a question about the
        study: it yields to a real topic that the question's other words ask for ("how many
        companies use AI")."""
        # a topic named whole, in two words or more, comes before its examples ("the priority projects like callbacks")
        cover = next(
            (
                m
                for m in scored
                if getattr(m.metric, "covers", ()) and self._whole(m.metric, qset - guessed, min_words=2)
            ),
            None,
        )
        if cover and all(m.metric.id in cover.metric.covers for m in scored[: scored.index(cover)]):
            scored = [cover, *(m for m in scored if m is not cover)]
        top = scored[0].metric if scored else None
        weak = getattr(top, "weak", frozenset())
        if weak and weak <= QUANTITY_WORDS and qset & self._key_tokens[top.id] <= weak:
            # named only by a quantity ("two thirds", "in total") said of a topic named whole ("two thirds of orgs
            # treat ASA as key"); not by a weak word of its own ("the how-fast-we-answer thing and the money-per-call
            # thing")
            strong = [m for m in scored[1:] if self._whole(m.metric, qset - guessed, strong=True)]
            if strong and strong[0].score >= MIN_SCORE:
                scored = [strong[0], *(m for m in scored if m is not strong[0])]
        if scored and _is_fact(scored[0].metric):
            fact = scored[0].metric.id
            real = [
                m
                for m in self._score(qset - self._key_tokens[fact] - self._title_tokens[fact])
                if not _is_fact(m.metric)
                and m.metric not in unasked
                and m.metric.id not in getattr(scored[0].metric, "covers", ())
            ]
            # (not to what the studies never measured when the question asks what the sample held)
            # (a fact named in two words or more yields only to a topic named whole: "the priority projects
            # companies are planning" is no "compensation plan")
            named = self._whole(scored[0].metric, qset - guessed, min_words=2)
            if (
                real
                and real[0].score >= MIN_SCORE
                and not (sample and isinstance(real[0].metric, Unmeasured))
                and (not named or self._whole(real[0].metric, qset - guessed, strong=True))
            ):
                scored = real
        if not scored or scored[0].score < MIN_SCORE:
            return []
        frame = self._framing(scored, qset - guessed)
        # (or the best topic, a framing found by guessed words: "finans, telekom" typed in Swedish)
        lead = frame or (scored[0].metric if getattr(scored[0].metric, "framing", False) else None)
        framed = {w for phrase, _ in self._phrases[lead.id] if phrase <= qset for w in phrase} if lead else set()
        instead = self.topics.get(lead.yields_to) if lead and lead.yields_to else None
        # the framing's words are the fact's examples ("which industries: banks?"), or the question
        # asks what the sample held ("were banks included in the sample?")
        if instead and (sample or self._whole(instead, qset - guessed - framed)):
            chosen, left = [instead], set(qset) - framed
        else:
            chosen, left = [frame or scored[0].metric], set(qset)
        while len(chosen) < 3:  # each further topic needs one of its keywords whole in what is left
            left -= self._key_tokens[chosen[-1].id] | self._title_tokens[chosen[-1].id]
            nxt = None
            for m in self._score(left, titles=False):
                if m.metric in chosen or m.metric in unasked:
                    continue
                if (
                    getattr(m.metric, "alone", False)
                    and not and_ask  # unless asked on its own ("and who ran it?") or by their jobs ("e che ruoli")
                    and not (m.metric.id == "fact:respondents" and qset & ROLE_WORDS)
                ):
                    continue
                if m.metric.id in getattr(chosen[0], "covers", ()):  # an example of the first topic
                    continue
                if _is_fact(m.metric) and not _is_fact(chosen[0]):  # a fact goes only with facts
                    continue
                # a keyword whole, typed, with a word the topics before did not take ("feedback
                # processes" beside "feedback to sales"); scored with the words it shares
                weak = getattr(m.metric, "weak", frozenset())
                typed = qset if both and len(chosen) == 1 else qset - guessed
                own = {w for p, _ in self._phrases[m.metric.id] if p <= typed and p & left and not p <= weak for w in p}
                if own:
                    nxt = next(x for x in self._score(left | own, titles=False) if x.metric is m.metric)
                    break
            if not nxt or nxt.score < MIN_SECOND:
                break
            chosen.append(nxt.metric)
        return chosen

    def _study_question(self, words: set[str], chosen: list[Topic], and_ask: bool = False) -> list[Topic]:
        """'When did the survey run', 'chi ha condotto la ricerca': a question word about the study
        itself is answered by the study fact that answers it, unless one already found does."""
        groups = (  # "execs or regular staff?", "vd:ar eller mellanchefer?"
            words & EXEC_WORDS
            and words & (CS_WORDS | MANAGER_WORDS)
            or words & FRONTLINE_WORDS
            and words & MANAGER_WORDS
        )
        caveat = words & FRONTLINE_WORDS and words & MANAGER_WORDS  # "were they agents or managers?"
        asks = [ask for ask, ask_words in ASK_WORDS.items() if words & ask_words]
        counted = bool(words & COUNT_TOKENS)  # a count asked too ("quante aziende e in che periodo?")
        if len(asks) == 1 and len(chosen) > 1 and all(_is_fact(t) for t in chosen) and not and_ask and not counted:
            # one question word, two facts found: the one it asks ("när gjordes intervjuerna", not who did them)
            fits = [t for t in chosen if asks[0] in getattr(t, "asks", ())]
            if fits:
                return fits
        if (
            asks == ["when"]
            and chosen
            and all(_is_fact(t) and "when" not in getattr(t, "asks", ()) for t in chosen)
            and any("who" in getattr(t, "asks", ()) for t in chosen)
        ):
            # asked when, of a fact that says who ("när genomfördes den?": carried out when, not by whom)
            when = next(f for f in self.facts.values() if "when" in f.asks)
            return [when if "who" in getattr(t, "asks", ()) else t for t in chosen]
        who_took_part = words & TOOK_PART_WORDS and (groups or words & ASK_WORDS["who"])  # "who answered?"
        if who_took_part and chosen and all(self._key_tokens[t.id] & words <= JOB_WORDS for t in chosen):
            chosen = []  # "who answered? only CEOs or also marketing and sales?": their jobs, not feedback to sales
        if not (words & STUDY_WORDS or who_took_part) or not all(_is_fact(t) for t in chosen):
            return chosen
        asked = next((ask for ask, ask_words in ASK_WORDS.items() if words & ask_words), "")
        took_part = words & TOOK_PART_WORDS
        if (
            asked == "who"
            and (took_part or groups)
            or not asked
            # ("è vero che hanno risposto CEO ...?"; not how many of each: "how many execs vs CS managers responded")
            and (took_part & STUDY_WORDS or caveat or took_part and not chosen and not words & HOW_MANY_WORDS)
            and groups
        ):
            asked = "who took part"  # "who answered", "were frontline agents surveyed or only managers"
        if not asked:
            return chosen
        # a question of its own that asks who, strictly ("who answered, and which sectors were they from?")
        own = bool((and_ask or who_took_part) and words & STRICT_ASK_WORDS)
        if chosen and not any(getattr(t, "asks", ()) for t in chosen) and not own:
            # "vilka branscher", "quali paesi": which industries, not who; unless a question of its own asks who
            # ("who answered, and which sectors were they from?")
            return chosen
        # each question word asked gets its fact ("who ran the survey and when was it fielded?")
        answers = [
            asked,
            *(a for a in asks if a not in asked and words & ASK_WORDS[a] & STRICT_ASK_WORDS),  # not "vilka" (which)
        ]
        found = [
            t
            for a in answers
            for t in [t for t in chosen if a in getattr(t, "asks", ())]
            or [next(f for f in self.facts.values() if a in f.asks)]
        ]
        # (a second question of its own keeps its fact: "who ran it, and how many countries did it cover?")
        # (and a fact whose dates are asked beside who ran it: "who ran it + fieldwork dates")
        dated = [t for t in chosen if words & DATE_WORDS and "when" in getattr(t, "asks", ())]
        return list(
            # (or a count asked beside it: "su quante aziende è stata condotta e in che periodo?")
            dict.fromkeys(
                [*found, *dated, *(t for t in chosen if (and_ask or own or counted) and not getattr(t, "asks", ()))]
            )
        )

    def _chained(self, text: str) -> list[float]:
        """The figures a message asks about one after another, from its first: each joined to the one before by
        a conjunction and a few words ("where does the 16% come from, and the 18?", "which source says 49, and
        which one says 39?"), not across a sentence ("... 1.5 million? We're a team of 40"), a comparison ("36%
        of executives against 28%") or the groups of one figure ("92% of managers and 85% of agents")."""
        text, found = _figures_in(text)
        # (two figures side by side, and nothing else between them, are both asked: "92 vs 85, what are those?")
        bare = (
            {"vs", "versus"}
            if len(found) == 2 and VS_ONLY_RE.fullmatch(text[found[0][1].end() : found[1][1].start()])
            else set()
        )
        chain: list[float] = []
        end = 0
        for value, m in found:
            gap = text[end : m.start()]
            if chain and not (
                CHAIN_GAP_RE.search(gap)
                and "." not in gap.replace("?", "")
                and not {self._intent(t) for t in tokens(gap)} & (COMPARED_WORDS | EXEC_WORDS | CS_WORDS) - bare
            ):
                break
            chain.append(value)
            end = m.end()
        return chain

    @staticmethod
    def _numbers(text: str) -> list[float]:
        return [value for value, _ in _figures_in(text)[1]]

    def _figures_near(self, value: float, metric_ids: list[str], regions: list[str]) -> list[Figure]:
        """The figures nearest a figure said about (within five points), narrowed to the metrics or regions asked."""
        near = _narrowed([f for f in self.figures if abs(f.value - value) <= 5 and f.value < 100], metric_ids, regions)
        best = min((abs(f.value - value), f.value) for f in near)[1] if near else None
        return [f for f in near if f.value == best]

    def _figures_valued(self, value: float, metric_ids: list[str], regions: list[str]) -> list[Figure]:
        """Figures with this value, narrowed to the metrics or regions asked about if any fit."""
        found = [
            f
            for f in self.figures
            if f.value == value and f.group != "unclear" or (f.group == "unclear" and f.value == value)
        ]
        return _narrowed(found, metric_ids, regions)


def _narrowed(figures: list[Figure], metric_ids: list[str], regions: list[str]) -> list[Figure]:
    """Figures narrowed to the metrics asked about, then to the regions, where any fit."""
    for keep in (lambda f: f.metric in metric_ids, lambda f: f.region in regions):
        figures = [f for f in figures if keep(f)] or figures
    return figures


def _span(phrase: frozenset[str], raw: list[str]) -> int:
    """How many words of the question the shortest stretch holding all of the phrase's words takes
    (a large number when some are not there as typed)."""
    where = [i for i, t in enumerate(raw) if t in phrase]
    best = len(raw) + 99
    for a in range(len(where)):
        for b in range(a, len(where)):
            if {raw[i] for i in where[a : b + 1]} >= phrase:
                best = min(best, where[b] - where[a] + 1)
                break
    return best


def _study_tails(raw: list[str]) -> set[str]:
    """The study words that compounds in the question end with."""
    return {m.group(1) for t in raw if len(t) >= 10 and (m := STUDY_TAIL_RE.match(t))}


def _figures_in(text: str) -> tuple[str, list[tuple[float, re.Match]]]:
    """The figures a text gives, as it reads after its corrections ("the ~66, no 67%"), and where each is in
    that text: "1.5 million" is 1500000; the studies' years are no figures."""
    text = CORRECTED_RE.sub(" ", text)
    found = []
    for m in NUMBER_RE.finditer(text):
        value = float(m.group(1).replace(",", ".")) * (1_000_000 if m.group(2) or m.group(3) else 1)
        if value not in YEARS:
            found.append((value, m))
    return text, found


LIST_ITEM_RE = literals.compile(r"^\s*\d[.)]\s+")  # a numbered list's item marker: "1)", "2."
NUMBERED_RE = literals.compile(r"\s+(?=\d[.)]\s)")  # where the next item starts
NUMBERED_START_RE = literals.compile(
    r"^\s*(?:[^\n]*[:\n]\s*)?1[.)]\s"
)  # the first item, maybe after a line ("two things:")
BULLETED_START_RE = literals.compile(
    r"^\s*(?:[^\n:]*[:\n]\s*)?[-•*]\s"
)  # "- where do they ...", "Feedback processes: * ..."
BULLET_RE = literals.compile(r"(?:^|\s)[-•*]\s+")
DEFINITE_RE = literals.compile(r"(erna|arna|orna|en|et|na)$")


@lru_cache(maxsize=4096)
def _stems(word: str) -> tuple[str, ...]:
    """A word's stem of at least eight letters, as tokens() folds it without a Swedish definite or plural ending
    (virtualiseringen -> virtualiser), or nothing."""
    return tuple(t for t in tokens(DEFINITE_RE.sub("", word))[:1] if len(t) >= 8)


def _question_sentences(text: str) -> tuple[list[str], list[str]]:
    """A message's sentences, and those with a question mark when it also has others (else none); a
    few words after a question still belong to it ("...? best practice", "...? number of companies")."""
    sentences = _sentences(text)
    marked = [_asks(s) for s in sentences]
    asked = [
        s
        for i, s in enumerate(sentences)
        # (or a few words after one, or more of the same: "... exec vs CS? and revenue per call too", "Samma för ...")
        if marked[i] or i and marked[i - 1] and (len(s.split()) <= 3 or ALSO_RE.match(s) or SAME_RE.match(s))
    ]
    return sentences, asked if len(asked) < len(sentences) else []


def list_items(text: str) -> list[str]:
    """The items of a list, numbered or bulleted, on lines of their own or run together as a slash command's text
    arrives ("1) how many execs ... 2) who ran the study", "Feedback processes: * what % ... * which region is top"),
    or nothing."""
    if NUMBERED_START_RE.match(text):
        items = [LIST_ITEM_RE.sub("", s) for s in NUMBERED_RE.split(text) if LIST_ITEM_RE.match(s)]
    elif BULLETED_START_RE.match(text):
        items = BULLET_RE.split(text)[1:]
    else:
        return []
    return [i.strip() for i in items if i.strip()] if len(items) >= 2 else []


def _requested(sentence: str) -> bool:
    """A request of a few words that ends in "pls" ("germany numbers pls.", "Spanien, alla siffror tack.")."""
    found = PLEASE_END_RE.search(sentence)
    # (or all of a country's figures: "Spain: all the numbers you have.")
    return bool(found) and 2 <= len(sentence[: found.start()].split()) <= 6 or bool(ALL_FIGURES_RE.search(sentence))


def _one_more(sentence: str) -> bool:
    """A few words that ask for one more topic by ending in "too" ("customer lifetime value too"; not
    "not just the execs, I need the CS side too")."""
    found = TOO_RE.search(sentence)
    return bool(found) and len(sentence[: found.start()].split()) <= 4


LAST_ASK_RE = literals.compile(  # (not "finns det ingen uppdelning så duger totalsiffran": if there is none)
    r"\s*(is there|are there|any|finns det(?! (ingen|inga|inte))|finns (nagot|något|nat|nåt)|c e|ci sono|c'è)\b",
    re.IGNORECASE,
)


def question_parts(text: str) -> list[str]:
    """The questions a message asks, each on its own: its sentences with a question mark (or opening
    with "also", "and", "plus"), each cut again where a conjunction opens a new question ("..., and
    which market leads on branch offices?", "france figures + who's the leader on callbacks")."""
    sentences = _sentences(text)
    asked = [
        s
        for s in sentences
        if _asks(s) or ALSO_RE.match(s) or THEN_ASK_RE.match(s) or SAME_RE.match(s) or _one_more(s) or _requested(s)
    ]
    if asked and sentences[-1] not in asked and LAST_ASK_RE.match(sentences[-1]):
        # the last question typed without its question mark ("vilka siffror ser ledningen ljusare på? finns det
        # nåt där kundtjänst är mer positiv")
        asked.append(sentences[-1])
    asked = asked or sentences[-1:]
    items = list_items(text)
    if items:
        asked = items
    return [p.strip(" ,;:-–—") for s in asked for p in ANOTHER_QUESTION_RE.split(s) if len(p.split()) >= 2]


def asked_part(text: str) -> str:
    """The sentences with a question mark of a message that has others, else the whole message."""
    return " ".join(_question_sentences(text)[1]) or text


def _cs_named(words: set[str], text: str) -> bool:
    """The customer-service group named: one of its words, or "customer service" itself (not in CS_WORDS: it is
    also the topic, "customer service is key to the brand")."""
    return bool(words & CS_WORDS) or "customer service" in normalize(text)


def _number_first(text: str) -> bool:
    """The question starts with a figure ("1.5 million - what is that?", "the 54%?"): it asks about the figure."""
    words = normalize(text).split()
    if words[:1] in (["and"], ["och"], ["e"], ["also"], ["plus"]):
        words = words[1:]  # ("..., och vad är 1,5 miljoner för siffra")
    if words[:1] == ["whats"]:
        words = words[1:]
    elif words[:1] == ["what"] and words[1:2] in (["is"], ["are"], ["s"], ["does"], ["do"]):
        words = words[2:]  # "what are the 18 months about?"
    elif words[:2] in (["vad", "ar"], ["vad", "betyder"], ["cosa", "e"], ["cosa", "sono"], ["cos", "e"]):
        words = words[2:]  # "vad är 1,5 miljoner för siffra?", "cosa sono i 927?"
    while words and words[0] in ("the", "that", "this", "den", "det", "il", "lo", "la", "quel", "quello"):
        words = words[1:]
    return bool(words) and words[0].isdigit()


def _about_team(raw: list[str]) -> bool:
    """'our team', 'my own team', 'our latest pulse', 'which team in our company': the team's own
    pulses (not 'we ... the sales team')."""
    return any(
        t in OUR_WORDS
        and "not" not in raw[max(0, i - 2) : i]  # "in the study, not in our team"
        and not (raw[i + 1 : i + 2] and raw[i + 1] in OTHER_TEAMS)  # "someone on our sales team says"
        and any(w in TEAM_WORDS or w.endswith("team") for w in raw[i + 1 : i + 4])  # vårt säljteam
        or t in ("team", "teams")
        and raw[i + 1 : i + 2] in (["in"], ["at"], ["of"], ["i"], ["pa"], ["nel"], ["nella"])
        and raw[i + 2 : i + 3]
        and raw[i + 2] in OUR_WORDS
        for i, t in enumerate(raw)
    )


def _without_team(sentence: str) -> str:
    """A sentence about the team's own pulse as the topic it names: without the words that make it the team's
    ("our", "mitt") nor its figures."""
    sentence = TEAM_SURVEY_RE.sub(" pulse ", sentence)  # (the team's survey by its kind: "our engagement pulse")
    return " ".join(t for t in tokens(sentence) if t not in OUR_WORDS and not t[:1].isdigit())


@lru_cache(maxsize=4096)
def _stopword_near(token: str, score: float) -> bool:
    """Whether a word that carries no topic (STOPWORDS) is at least this close in spelling to the token."""
    return process.extractOne(token, LONG_STOPWORDS, scorer=OSA.normalized_similarity, score_cutoff=score) is not None


def _shared(a: str, b: str) -> int:
    """How many first letters two words share."""
    return len(os.path.commonprefix((a, b)))


def _is_fact(topic: Topic) -> bool:
    return isinstance(topic, Fact) or getattr(topic, "kind", "") == "fact"


def _rank(topic: Topic) -> int:
    """Which of two equally matched topics goes first: a named KPI the studies never measured
    ("IVR containment rate", "e-mail response time") is what was asked, the metric only its context;
    a figure about the sample ("quanti paesi") before a fact told in words ("condotta": who ran it)."""
    if isinstance(topic, Unmeasured):
        return -1
    return 5 if isinstance(topic, Fact) else KIND_ORDER.get(topic.kind, 4)


def _order(raw: list[str], words: set[str]) -> str:
    """What a comparison asks: 'cs_higher', 'exec_higher', 'agree', 'largest', or ''."""
    at = next(  # the comparative (not "più allineati", "more aligned": agreement; "più scollegati": a gap)
        (
            i
            for i, t in enumerate(raw)
            if (t in MORE_WORDS or t in LESS_WORDS)
            and not (raw[i + 1 : i + 2] and (raw[i + 1] in AGREE_WORDS or raw[i + 1] in GAP_WORDS))
        ),
        None,
    )
    if at is not None:
        # "più basso", "more pessimistic": the lower one
        higher = raw[at] in MORE_WORDS and not (raw[at + 1 : at + 2] and raw[at + 1] in LOW_WORDS)
        subject = next((t for t in raw if t in EXEC_WORDS or t in CS_WORDS), None)
        # the group named before the comparative rates higher ("execs rate X higher"), or the one named
        # after it and before "than" ("rosier from the top floor than from the contact center floor")
        after = raw[at:]
        # (or named after it as the group it holds among: "which figures are rosier among the execs")
        named_after = subject in after and (
            "than" in after[after.index(subject) :]
            or bool(set(after[max(1, after.index(subject) - 2) : after.index(subject)]) & AMONG_WORDS)
        )
        if subject and (named_after or raw.index(subject) < at):
            # "which metric do execs NOT rate higher": the other side
            negated = not named_after and any(t in NOT_WORDS for t in raw[raw.index(subject) : at])
            cs_higher = (subject in CS_WORDS) == higher
            return "cs_higher" if cs_higher != negated else "exec_higher"
    if words & REVERSED_WORDS:
        return "cs_higher"
    if words & AGREE_WORDS:  # "agree most", "most aligned"; but "agree least" asks for the largest gaps
        return "largest" if words & LEAST_WORDS and not words & GAP_WORDS else "agree"  # ("or differ the least")
    if words & SMALL_WORDS and not words & LARGEST_WORDS:  # "smallest gap"
        return "agree"
    if words & GAP_WORDS or words & {"rank", "ranking"}:
        return "largest"
    return ""


@lru_cache(maxsize=1)
def load() -> Studies:
    return Studies()
