"""A second opinion on whether the studies answer a question at all.

The rules in insights.studies find what a question is about. Some questions are about a metric's
topic yet ask what the studies never measured, in words no rule foresaw. So, where the rules find a
metric, a naive Bayes classifier over the labelled questions of data/qa.csv (answerable or not,
by their words, word pairs and the vocabulary words the rules read in them) is asked too; if the
labelled questions most like this one were ones the studies cannot answer (p > DOUBT), the answer
says so and offers the metric only as the closest figures.

It learns from the tuning four fifths of data/qa.csv only (`held_out` keeps the fifth it is scored
on out). The counts are kept in data/doubt.json, rebuilt by `python -m insights.doubt` whenever
qa.csv or the keywords change; tests/insights/test_doubt.py fails while the file is stale.
"""

from __future__ import annotations

import csv
import json
import math
import zlib
from collections.abc import Iterable
from pathlib import Path

DOUBT = 0.99  # five-fold cross-validation on the tuning part found no better one (README: A second opinion)
MODEL = Path(__file__).resolve().parent.parent / "data" / "doubt.json"


def held_out(question: str) -> bool:
    """The fixed fifth of data/qa.csv that tuning never looks at (by a hash of the question)."""
    return zlib.crc32(question.encode("utf-8")) % 5 == 0


def train(examples: Iterable[tuple[Iterable[str], bool]]) -> dict:
    """Per feature, in how many questions the studies cannot answer, and can, it occurs."""
    prior = [0, 0]
    counts: dict[str, list[int]] = {}
    for features, unanswerable in examples:
        side = 0 if unanswerable else 1
        prior[side] += 1
        for f in set(features):
            counts.setdefault(f, [0, 0])[side] += 1
    return {"prior": prior, "counts": dict(sorted(counts.items()))}


class Doubt:
    def __init__(self, model: dict):
        self.prior = model["prior"]
        # each feature's log-likelihood on either side, worked out once (an answer reads dozens)
        self.logs = {
            f: tuple(math.log((c[side] + 0.5) / (self.prior[side] + 1)) for side in (0, 1))
            for f, c in model["counts"].items()
        }

    @classmethod
    def load(cls, path: Path = MODEL) -> Doubt:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def p_unanswerable(self, features: Iterable[str]) -> float:
        """How likely the studies cannot answer a question with these features (the features of
        questions never seen do not count)."""
        known = [self.logs[f] for f in set(features) if f in self.logs]
        logs = [math.log(self.prior[side]) + sum(k[side] for k in known) for side in (0, 1)]
        top = max(logs)
        weights = [math.exp(v - top) for v in logs]
        return weights[0] / sum(weights)


def build(studies, qa: Path) -> dict:
    """The model from qa.csv's tuning part, with `studies.features` of each question."""
    with qa.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if not held_out(r["question"])]
    return train((studies.features(r["question"]), r["expect"] == "none") for r in rows)


def main() -> None:
    from insights.studies import DATA_DIR, Studies

    model = build(Studies(), DATA_DIR / "qa.csv")
    MODEL.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{MODEL.name}: {sum(model['prior'])} questions, {len(model['counts'])} features")


if __name__ == "__main__":
    main()
