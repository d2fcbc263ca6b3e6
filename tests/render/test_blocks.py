"""Block Kit from the pure builders, checked against Slack's limits and for exact structure."""
from __future__ import annotations

import pytest

from insights.benchmarks import load
from insights.stats import wave_results
from render import blocks as ui

BM = load()


@pytest.mark.parametrize("metric", sorted(BM.metrics))
def test_every_metric_answer_is_valid(metric):
    payload = ui.answer_blocks(BM, BM.search(" ".join(BM.metrics[metric].keywords[:2]) or metric))
    assert ui.validate(payload) == []


@pytest.mark.parametrize("text", ["", "x" * 5000, "<!channel> & <@U1>", "🙂" * 1000, "region", "\u202e\u0000"])
def test_any_text_gives_a_valid_answer(text):
    payload = ui.answer_blocks(BM, BM.search(text))
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
    assert ui.validate(dm) == [] and len(dm["blocks"]) == 42
    assert dm["blocks"][-1]["accessory"] == ui.button("My answers", "my_answers", "4")
    actions = dm["blocks"][2]
    assert actions == {"type": "actions", "block_id": "a:4:1", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": label, "emoji": True},
         "action_id": f"vote:1:{v}", "value": f"4:1:{v}"} for v, label in enumerate(ui.LIKERT, 1)]}


def test_what_a_voter_sees_is_ephemeral_and_the_closed_dm_has_no_buttons():
    assert ui.vote_recorded(WAVE, 3, 4) == ui.notice("Recorded: *Agree* for statement 3 of 20. Only you see this.")
    mine = ui.my_answers(WAVE, {1: 1, 20: 5})
    assert ui.validate(mine) == [] and len(mine["blocks"]) == 21
    assert mine["blocks"][0]["text"]["text"] == "*Your answers in Pulse #4* (2 of 20 answered). Only you see this."
    assert mine["blocks"][1]["text"]["text"] == f"*1.* Statement 1 {'x' * 280}\n*Strongly disagree*"
    assert mine["blocks"][2]["text"]["text"].endswith("\n_not answered_")
    assert mine["blocks"][20]["text"]["text"].endswith("\n*Strongly agree*")
    assert ui.my_answers(WAVE, None) == ui.notice("Pulse #4 has closed; your answers are no longer linked to you.")
    closed = ui.closed_dm(WAVE, "/pulse")
    assert ui.validate(closed) == [] and [b["type"] for b in closed["blocks"]] == ["section"]
    assert closed["blocks"][0]["text"]["text"] == (
        ":lock: *Pulse #4 closed on <!date^1793865600^{date_short_pretty} at {time}|2026-11-05 08:00 UTC>.* Thank you "
        "for answering anonymously: answers are no longer linked to anyone. `/pulse results 4` shows the team's figures.")


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
