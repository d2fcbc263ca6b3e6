"""Block Kit from the pure builders, checked against Slack's limits and for exact structure."""
from __future__ import annotations

import pytest

from insights.benchmarks import load
from insights.stats import wave_results
from render import blocks as ui

BM = load()


@pytest.mark.parametrize("metric", sorted(BM.metrics))
def test_every_metric_answer_is_valid(metric):
    payload = ui.answer_blocks(BM, BM.answer(" ".join(BM.metrics[metric].keywords[:2]) or metric))
    assert ui.validate(payload) == []


@pytest.mark.parametrize("text", ["", "x" * 5000, "<!channel> & <@U1>", "🙂" * 1000, "region", "\u202e\u0000"])
def test_any_text_gives_a_valid_answer(text):
    payload = ui.answer_blocks(BM, BM.answer(text))
    assert ui.validate(payload) == []
    assert "<!channel>" not in str(payload)


def test_every_region_and_the_fixed_pages_are_valid():
    for region in BM.region_info:
        assert ui.validate(ui.region_blocks(BM, region)) == []
    for payload in (ui.list_blocks(BM), ui.study_blocks(BM), ui.help_blocks("/gap"), ui.region_blocks(BM, None, "<x>")):
        assert ui.validate(payload) == []


def test_escape_neutralises_slack_control_characters():
    assert ui.escape("<!here> & <@U1|bob>") == "&lt;!here&gt; &amp; &lt;@U1|bob&gt;"


WAVE = {"id": 4, "opened_at": "2026-11-02T08:00:00+00:00", "closes_at": "2026-11-05T08:00:00+00:00",
        "closed_at": "2026-11-05T08:00:00+00:00",
        "statements": [{"id": i, "metric": None, "text": f"Statement {i} " + "x" * 280} for i in range(1, 21)]}


def test_the_largest_pulse_fits_in_one_message():
    dm = ui.poll_dm(WAVE, 5)
    assert ui.validate(dm) == [] and len(dm["blocks"]) == 41
    actions = dm["blocks"][2]
    assert actions == {"type": "actions", "block_id": "a:4:1", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": label, "emoji": True},
         "action_id": f"vote:1:{v}", "value": f"4:1:{v}"} for v, label in enumerate(ui.LIKERT, 1)]}


def test_with_choice_marks_only_the_clicked_button():
    dm = ui.poll_dm(WAVE, 5)
    after = ui.with_choice(dm["blocks"], 4, 2, 1)
    assert after[3]["text"]["text"].endswith("\n:white_check_mark: _Your answer: Strongly disagree_")
    assert [e.get("style") for e in after[4]["elements"]] == ["primary", None, None, None, None]
    again = ui.with_choice(after, 4, 2, 5)
    assert again[3]["text"]["text"].count("Your answer") == 1
    assert [e.get("style") for e in again[4]["elements"]] == [None, None, None, None, "primary"]
    assert after[1:3] == dm["blocks"][1:3]


def test_choices_shown_reads_back_what_with_choice_drew():
    blocks = ui.poll_dm(WAVE, 5)["blocks"]
    assert ui.choices_shown(blocks, 4) == {}
    blocks = ui.with_choice(ui.with_choice(blocks, 4, 2, 1), 4, 7, 5)
    assert ui.choices_shown(blocks, 4) == {2: 1, 7: 5}
    assert ui.choices_shown(blocks, 3) == {}  # another wave's DM
    for junk in (None, "x", [1, None, {"block_id": "a:4:1", "elements": "x"}],
                 [{"block_id": "a:4:1", "elements": [{"style": "primary", "value": "4:x:9"}, 3]}]):
        assert ui.choices_shown(junk, 4) == {}


def test_results_digest_and_home_for_twenty_statements_are_valid():
    rows = [{"wave_id": 4, "statement_id": i, "role": r, "value": v, "n": 3}
            for i in range(1, 21) for r in ("exec", "agent") for v in (2, 4)]
    res = wave_results(WAVE, rows, 5, BM, respondents={"exec": 6, "agent": 6}, asked={"exec": 7, "agent": 9})
    assert ui.validate(ui.results_blocks(res, "h")) == []
    assert ui.validate(ui.digest_blocks(res, "h", None)) == []
    home = ui.home_view(res, "h", None, {}, None, [], admin=True)
    assert ui.validate(home, surface="home") == [] and len(home["blocks"]) <= 100


def test_validate_catches_what_slack_would_reject():
    too_many = {"blocks": [ui.divider()] * 51, "text": "t"}
    assert ui.validate(too_many) == ["51 blocks > 50"]
    long_section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    assert ui.validate([long_section]) == ["block 0: section text length 3001"]
