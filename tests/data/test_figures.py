"""Every figure in data/ is in its quoted sentence, and every quote is in its seed document."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
ROWS = list(csv.DictReader(open(DATA / "figures.csv", encoding="utf-8", newline="")))
WORDS = {"en tredjedel": 100 / 3, "2/3": 200 / 3}


def seed_text(name: str) -> str:
    return (DATA / "seeds" / name).read_text(encoding="utf-8")


def parse_written(text: str) -> float:
    """'20%', '20 procent', '73 per cent', '1,5 miljoner', '10\u00a0000', 'en tredjedel' -> number."""
    if text in WORDS:
        return WORDS[text]
    scale = 1_000_000 if "miljoner" in text else 1
    digits = re.match(r"[\d\s\u00a0,.]+", text).group(0).strip()
    digits = digits.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return float(digits) * scale


def test_the_seed_copies_are_the_shared_seeds():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    shared = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert shared == sorted(p.name for p in (DATA / "seeds").glob("*.txt"))
    for name in shared:
        assert (SHARED_SEEDS / name).read_bytes() == (DATA / "seeds" / name).read_bytes()


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_figure_is_in_its_quote_and_the_quote_is_in_its_seed(row):
    assert row["quote"] in seed_text(row["seed"])
    assert row["as_written"] in row["quote"]
    assert parse_written(row["as_written"]) == pytest.approx(float(row["value"]), abs=0.05)


def test_every_seed_is_used_and_languages_match():
    langs = yaml.safe_load((DATA / "studies.yaml").read_text(encoding="utf-8"))["sources"]
    assert {r["seed"] for r in ROWS} == set(langs)
    for r in ROWS:
        assert r["language"] == langs[r["seed"]]["language"]


def test_metrics_file_covers_every_figure_and_nothing_else():
    metrics = {m["id"] for m in yaml.safe_load((DATA / "metrics.yaml").read_text(encoding="utf-8"))}
    assert {r["metric"] for r in ROWS} == metrics


def test_study_fact_quotes_are_in_their_seeds():
    studies = yaml.safe_load((DATA / "studies.yaml").read_text(encoding="utf-8"))
    facts = [f for key in ("genesys2008", "strativity2004") for f in studies[key]["facts"]]
    assert [f["id"] for f in facts] == [
        "fieldwork",
        "published",
        "respondents",
        "industries",
        "sizes",
        "commissioned",
        "markets",
        "strativity_respondents",
    ]
    for fact in facts:
        for source in fact["sources"]:
            assert source["quote"] in seed_text(source["seed"])


def test_unmeasured_topics_offer_real_metrics():
    metrics = {m["id"] for m in yaml.safe_load((DATA / "metrics.yaml").read_text(encoding="utf-8"))}
    unmeasured = yaml.safe_load((DATA / "unmeasured.yaml").read_text(encoding="utf-8"))
    facts = {
        f"fact:{f['id']}"
        for study in yaml.safe_load((DATA / "studies.yaml").read_text(encoding="utf-8")).values()
        if isinstance(study, dict)
        for f in study.get("facts", ())
    }
    assert len(unmeasured) == 57
    for u in unmeasured:
        assert set(u["closest"]) <= metrics and set(u["keywords"]) <= {"en", "sv", "it"}
        assert u.get("yields_to", "fact:industries") in facts


def test_counts_of_figures_per_source():
    per_seed = {}
    for r in ROWS:
        per_seed[r["seed"][:3]] = per_seed.get(r["seed"][:3], 0) + 1
    assert per_seed == {"000": 34, "001": 37, "002": 21, "003": 4, "004": 5}
