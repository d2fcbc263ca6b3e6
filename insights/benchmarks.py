"""The studies' figures as data, and the search that answers `/gap <question>`.

Figures come from data/figures.csv (one row per figure per source sentence); metrics, studies,
sources and regions from data/metrics.yaml and data/studies.yaml. Nothing here knows Slack.
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

GROUPS = ("executives", "cs_professionals", "all", "gap")


@dataclass(frozen=True)
class Figure:
    id: str
    study: str
    metric: str
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
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def normalize(text: str) -> str:
    """Lower-case, strip accents and punctuation; fold British/US spellings we know of."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"isation", "ization", text)
    text = re.sub(r"\bcentre", "center", text)
    text = re.sub(r"\bcall ?backs?\b", "callback", text)
    text = re.sub(r"\bself ?service\b", "selfservice", text)
    text = re.sub(r"\breal ?time\b", "realtime", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return [_stem(t) for t in normalize(text).split()]


# Words that carry no topic: question scaffolding and the names of the groups being asked about.
STOPWORDS = frozenset(
    tokens(
        "a an the of to in on at for by and or is are was were be do does did what which who how "
        "many much share percent percentage per cent figure figures number numbers say says said "
        "think thinks believe believes agree agrees our their my we they it this that there "
        "about with as than more most less from tell me show give please study's "
        "exec execs executive executives c level clevel ceo ceos leader leaders top management "
        "manager managers agent agents staff employee employees frontline front line floor "
        "professional professionals cs people team rep reps think consider considered "
        "gap gaps difference vs versus compared compare"
    )
) - {"per"}

AGENT_WORDS = frozenset(tokens("agent agents frontline front-line floor staff rep reps employees"))


@dataclass
class Match:
    metric: Metric
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


class Benchmarks:
    """Loaded once; immutable afterwards, so it is safe to share between threads."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = Path(data_dir)
        with open(self.data_dir / "figures.csv", encoding="utf-8", newline="") as f:
            self.figures = [
                Figure(**{**row, "value": float(row["value"])}) for row in csv.DictReader(f)
            ]
        raw_metrics = yaml.safe_load((self.data_dir / "metrics.yaml").read_text(encoding="utf-8"))
        self.metrics = {
            m["id"]: Metric(
                id=m["id"], study=m["study"], kind=m["kind"], topic=m["topic"], title=m["title"],
                keywords=tuple(m.get("keywords", ())), statement=m.get("statement"),
            )
            for m in raw_metrics
        }
        info = yaml.safe_load((self.data_dir / "studies.yaml").read_text(encoding="utf-8"))
        self.sources: dict = info.pop("sources")
        self.region_info: dict = info.pop("regions")
        self.studies: dict = info
        self._build_index()

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

    def region_figures(self, region: str) -> list[tuple[Metric, list[Reading]]]:
        return [
            (view.metric, view.get("all", region))
            for view in self.views.values()
            if view.get("all", region)
        ]

    def source_label(self, seed: str) -> str:
        src = self.sources.get(seed, {})
        return f"{src.get('publisher', seed)} ({src.get('language', '?')})"

    # ----- search -------------------------------------------------------------------------
    def _build_index(self) -> None:
        metric_tokens: dict[str, set[str]] = {}
        title_tokens: dict[str, set[str]] = {}
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for m in self.metrics.values():
            phrases[m.id] = [tuple(t for t in tokens(k) if t not in STOPWORDS) for k in m.keywords]
            metric_tokens[m.id] = {t for k in m.keywords for t in tokens(k) if t not in STOPWORDS}
            title_tokens[m.id] = {t for t in tokens(m.title) if t not in STOPWORDS} - metric_tokens[m.id]
        df: dict[str, int] = defaultdict(int)
        for mid in self.metrics:
            for t in metric_tokens[mid] | title_tokens[mid]:
                df[t] += 1
        n = len(self.metrics)
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._metric_tokens = metric_tokens
        self._title_tokens = title_tokens
        self._phrases = phrases
        self._region_aliases = sorted(
            ((normalize(alias), rid) for rid, r in self.region_info.items() for alias in r["aliases"]),
            key=lambda pair: -len(pair[0]),
        )
        self._vocab = sorted(set(self._idf) | {t for a, _ in self._region_aliases for t in a.split()})

    @lru_cache(maxsize=4096)  # noqa: B019 - Benchmarks lives for the whole process
    def _correct(self, token: str) -> str | None:
        if token in self._idf:
            return token
        if len(token) < 4 or token.isdigit():
            return None
        hit = process.extractOne(token, self._idf.keys(), scorer=fuzz.ratio, score_cutoff=80)
        return hit[0] if hit else None

    def find_regions(self, query: str) -> list[str]:
        text = f" {normalize(query)} "
        found: list[str] = []
        for alias, rid in self._region_aliases:
            if f" {alias} " in text and rid not in found:
                found.append(rid)
                text = text.replace(f" {alias} ", " ")
        if not found:  # typo-tolerant single-word region names ("germny")
            for tok in normalize(query).split():
                if len(tok) >= 5:
                    hit = process.extractOne(
                        tok, [a for a, _ in self._region_aliases if " " not in a],
                        scorer=fuzz.ratio, score_cutoff=85,
                    )
                    if hit:
                        rid = dict(self._region_aliases)[hit[0]]
                        if rid not in found:
                            found.append(rid)
        return found

    def search(self, query: str, limit: int = 3, min_score: float = 1.0) -> SearchResult:
        raw = tokens(query[:500])
        asks_agents = any(t in AGENT_WORDS for t in raw)
        region_words = {t for alias, _ in self._region_aliases for t in alias.split()}
        corrected = []
        for t in raw:
            if t in STOPWORDS or t in region_words:
                continue
            c = self._correct(t)
            if c and c not in corrected:
                corrected.append(c)
        qset = set(corrected)
        scored: list[Match] = []
        for mid, mtoks in self._metric_tokens.items():
            score = sum(self._idf[t] for t in qset & mtoks)
            score += 0.5 * sum(self._idf[t] for t in qset & self._title_tokens[mid])  # titles count half
            for phrase in self._phrases[mid]:
                if len(phrase) > 1 and set(phrase) <= qset:
                    score += 0.5 * sum(self._idf.get(t, 0) for t in phrase)
            if score >= min_score:
                scored.append(Match(self.metrics[mid], round(score, 3)))
        scored.sort(key=lambda m: (-m.score, KIND_ORDER[m.metric.kind], m.metric.id))
        if scored:
            best = scored[0].score
            scored = [m for m in scored if m.score >= 0.6 * best][:limit]
        return SearchResult(query, scored, self.find_regions(query), asks_agents)


@lru_cache(maxsize=1)
def load() -> Benchmarks:
    return Benchmarks()
