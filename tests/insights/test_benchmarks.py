from __future__ import annotations

import csv
from pathlib import Path

import pytest

from insights.benchmarks import Benchmarks, load, normalize

QA = list(csv.DictReader(open(Path(__file__).resolve().parents[2] / "data" / "qa.csv", encoding="utf-8")))


@pytest.fixture(scope="module")
def bm() -> Benchmarks:
    return load()


@pytest.mark.parametrize("row", QA, ids=[r["question"] for r in QA])
def test_qa_examples_find_their_metric(bm, row):
    assert bm.search(row["question"]).best.metric.id == row["metric"]


def test_paired_gaps_are_exec_minus_cs(bm):
    gaps = {m: bm.view(m).gap for m, metric in bm.metrics.items() if metric.kind == "paired"}
    assert gaps == {
        "cc_strategic": 0.0, "brand_identity": 7.0, "clv_measured": 13.0, "asa_critical": -15.0,
        "selfservice_quality": 6.0, "revenue_per_call": 8.0, "feedback_to_sales": 16.0,
    }


def test_stated_gap_matches_computed_gap(bm):
    view = bm.view("feedback_to_sales")
    assert [r.value for r in view.get("gap")] == [16.0]
    assert view.get("gap")[0].languages == ["en", "it", "sv"]


def test_disagreements_are_kept_with_their_sources(bm):
    uk = bm.view("branch_offices").get("all", "uk")
    assert [(r.value, r.languages) for r in uk] == [(39.0, ["en"]), (49.0, ["sv"])]
    assert bm.view("virtualization").get("all", "apac")[0].value == 49.0
    assert bm.view("virtualization").get("all", "southeast_asia")[0].languages == ["sv"]


def test_nearly_and_about_are_one_reading(bm):
    realtime = bm.view("realtime_views").get("all")
    assert [(r.value, r.qualifier, r.languages) for r in realtime] == [(30.0, "nearly", ["en", "it", "sv"])]


def test_regions_and_agents_are_detected(bm):
    result = bm.search("what do agents in Deutschland say about callback")
    assert result.regions == ["germany"] and result.asks_about_agents
    assert result.best.metric.id == "callback"
    assert bm.find_regions("asia pacific") == ["apac"]
    assert bm.find_regions("germny") == ["germany"]


def test_nonsense_finds_nothing(bm):
    for q in ("", "qwerty zzz", "🙂🙂", "\x00\x01", "x" * 5000):
        assert bm.search(q).matches == []


def test_normalize_folds_spelling_and_accents():
    assert normalize("Virtualisation in España, self service & call-backs!") == "virtualization in espana selfservice and callback"
