"""insights.doubt: the second opinion on whether the studies answer a question at all."""

from __future__ import annotations

import csv
import json

import pytest

from insights.doubt import DOUBT, MODEL, Doubt, build, held_out, train
from insights.studies import DATA_DIR, Studies, load


def test_naive_bayes_counts_and_odds_are_exact():
    model = train([({"a", "b"}, True), ({"a"}, True), ({"c"}, False)])
    assert model == {"prior": [2, 1], "counts": {"a": [2, 0], "b": [1, 0], "c": [0, 1]}}
    doubt = Doubt(model)
    # unanswerable: 2 * (2 + 0.5) / 3, answerable: 1 * (0 + 0.5) / 2
    assert doubt.p_unanswerable({"a"}) == pytest.approx((2 * 2.5 / 3) / (2 * 2.5 / 3 + 1 * 0.5 / 2))
    assert doubt.p_unanswerable({"c"}) == pytest.approx((2 * 0.5 / 3) / (2 * 0.5 / 3 + 1 * 1.5 / 2))
    assert doubt.p_unanswerable({"never seen"}) == pytest.approx(2 / 3)  # the prior alone


def test_the_model_file_is_current_and_learnt_from_the_tuning_part_only():
    """Fails after qa.csv or a keyword changed: run `python -m insights.doubt`."""
    built = build(Studies(), DATA_DIR / "qa.csv")
    assert json.loads(MODEL.read_text(encoding="utf-8")) == built, "stale: run python -m insights.doubt"
    with (DATA_DIR / "qa.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    tuning = [r for r in rows if not held_out(r["question"])]
    assert built["prior"] == [
        sum(r["expect"] == "none" for r in tuning),
        sum(r["expect"] != "none" for r in tuning),
    ]
    assert 0 < len(tuning) < len(rows)


def test_a_metric_the_rules_found_is_only_the_closest_when_such_questions_ask_what_is_not_measured():
    bm = load()
    question = "% of companies using IVR"
    assert not held_out(question)
    assert bm._doubt.p_unanswerable(bm.features(question)) > DOUBT
    answer = bm.answer(question)
    assert (answer.kind, answer.unmeasured, [t.id for t in answer.topics]) == (
        "unmeasured",
        [],
        ["selfservice_quality"],
    )
    plain = bm.answer("self-service quality")
    assert (plain.kind, plain.label) == ("metrics", "selfservice_quality")
