"""End to end: a pulse with known votes -> results -> digest with chart -> export -> App Home."""

from __future__ import annotations

import csv
import io
import re

import pytest
from PIL import Image

from support.harness import AGENTS, EXECS, assign_team, block_texts, click, dms, run
from tests import mrkdwn


@pytest.fixture
def closed_pulse(start_bot, team):
    """3 executives and 5 direct agents (the group adds one more who never answers); MIN_RESPONDENTS=3."""
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    team.add_channel("C0LEADS", "cx-leads", member=False)
    assign_team(bot, team)
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 9)
    bot.settle()
    sent = dms(team)
    # statement 1 (strategic): execs 5,4,4 -> 100% ; agents 2,2,4,1,3 -> 20%
    for user, v in zip(EXECS, (5, 4, 4), strict=True):
        click(bot, team, user, sent[user], 0, v)
    for user, v in zip(AGENTS, (2, 2, 4, 1, 3), strict=True):
        click(bot, team, user, sent[user], 0, v)
    # statement 7 (feedback): execs 4,2,3 -> 33.3% ; agents 4,5,4,4,2 -> 80%
    for user, v in zip(EXECS, (4, 2, 3), strict=True):
        click(bot, team, user, sent[user], 6, v)
    for user, v in zip(AGENTS, (4, 5, 4, 4, 2), strict=True):
        click(bot, team, user, sent[user], 6, v)
    # statement 2 (brand): only two executives answer -> hidden for executives
    for user in EXECS[:2]:
        click(bot, team, user, sent[user], 1, 5)
    for user in AGENTS[:3]:
        click(bot, team, user, sent[user], 1, 5)
    assert "closed: 3 executives and 5 agents answered" in block_texts(run(bot, team, "poll close"))
    return bot


def test_results_show_exact_figures_and_hide_small_groups(closed_pulse, team):
    out = run(closed_pulse, team, "results")
    text = block_texts(out)
    assert out["blocks"][0]["type"] == "header" and out["blocks"][0]["text"]["text"].startswith("Pulse #1 results")
    assert "Executives: 3 of 3 answered · Agents: 5 of 6 answered" in text
    s1 = next(b for b in out["blocks"] if b.get("block_id") == "result:1")["text"]["text"]
    assert s1.splitlines()[1:] == [
        "Executives: *100%* agree (n=3) · Agents: *20%* agree (n=5)",
        "Our gap: *+80 points* (95% CI +10 to +96): rosier at the top",  # by hand: 0.8 - 0.7039, 0.8 + 0.1638
        "_2008 study: executives 20%, CS managers &amp; directors 20%, gap 0 points_",
    ]
    s7 = next(b for b in out["blocks"] if b.get("block_id") == "result:7")["text"]["text"]
    assert "Executives: *33%* agree (n=3) · Agents: *80%* agree (n=5)" in s7
    assert (
        "Our gap: *−47 points* (95% CI −78 to +16): inconclusive: the interval includes no gap at all; with n=3 "
        "and n=5, a gap would need to be about 67 points to show"
    ) in s7  # by hand: −0.4667 ∓ 0.3174/0.6253;
    # 1 of 3 vs 5 of 5 (−67) is the nearest wider pair whose interval excludes 0
    assert mrkdwn.problems(out) == []
    assert "gap +16 points" in s7
    s2 = next(b for b in out["blocks"] if b.get("block_id") == "result:2")["text"]["text"]
    assert "Executives: fewer than 3 answers · Agents: *100%* agree (n=3)" in s2
    assert "Our gap" not in s2
    assert (
        "The top sees a rosier picture on only 1 of 2 statements; in the 2008 study it did on 5 of 7 metrics." in text
    )
    assert "not frontline agents" in text
    assert "There is no closed Pulse #9." in block_texts(run(closed_pulse, team, "results 9"))


def test_digest_posts_to_the_channel_with_the_chart(closed_pulse, team):
    team.reset()
    out = block_texts(run(closed_pulse, team, "digest <#C0LEADS|cx-leads>"))
    assert out == "Digest of Pulse #1 posted in <#C0LEADS>."
    assert team.calls_to("conversations.join") == [{"channel": "C0LEADS"}]
    post = team.calls_to("chat.postMessage")[-1]
    assert post["channel"] == "C0LEADS"
    text = block_texts(post)
    assert "*Largest gaps*" in text
    assert "executives 100% vs agents 20%, *+80 points*, rosier at the top (2008 study: 0 points)" in text
    assert (
        "executives 33% vs agents 80%, *−47 points*, inconclusive: the interval includes no gap at all; with "
        "n=3 and n=5, a gap would need to be about 67 points to show (2008 study: +16 points)"
    ) in text
    assert "Chart below" in text and mrkdwn.problems(post) == []
    complete = team.calls_to("files.completeUploadExternal")
    assert len(complete) == 1 and complete[0]["channel_id"] == "C0LEADS"
    png = team.uploads[complete[0]["files"][0]["id"]]
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] == 1280 and 300 <= image.size[1] <= 1200


def test_digest_to_a_private_channel_says_what_to_do(closed_pulse, team):
    team.add_channel("GSECRET", "secret", member=False, private=True)
    out = block_texts(run(closed_pulse, team, "digest <#GSECRET|secret>"))
    assert out == "<#GSECRET> is private: type `/invite @Pulsegap` there, then try again."
    assert not [c for c in team.calls_to("chat.postMessage") if c["channel"] == "GSECRET"]


def test_export_sends_aggregates_only_and_neutralises_formulas(closed_pulse, team):
    run(closed_pulse, team, 'statements add =HYPERLINK("http://x") is fine')
    out = block_texts(run(closed_pulse, team, "export"))
    assert out == "Sent you the aggregates of 1 pulse as a CSV file, by DM."
    complete = team.calls_to("files.completeUploadExternal")[-1]
    assert complete["channel_id"] == "DADMIN"
    rows = list(csv.DictReader(io.StringIO(team.uploads[complete["files"][0]["id"]].decode())))
    assert len(rows) == 22  # 11 statements x 2 roles
    first = rows[0]
    assert {k: first[k] for k in ("wave", "role", "n", "pct_agree", "gap_points", "study_exec_pct")} == {
        "wave": "1",
        "role": "exec",
        "n": "3",
        "pct_agree": "100.0",
        "gap_points": "80.0",
        "study_exec_pct": "20.0",
    }
    hidden = rows[2]  # two executives answered: suppressed when it closed, no figure at all
    assert (hidden["role"], hidden["n"], hidden["pct_agree"]) == ("exec", "", "")
    assert "voter" not in rows[0] and "user" not in ",".join(rows[0])
    assert "Nothing was changed" in block_texts(run(closed_pulse, team, "export", user="UMEMBER"))


def test_app_home_shows_gaps_and_admin_buttons(closed_pulse, team):
    team.reset()
    assert closed_pulse.event({"type": "app_home_opened", "user": "UADMIN", "tab": "home"}).status_code == 200
    view = team.wait_for("views.publish")[0]["view"]
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = block_texts(view)
    assert "*Latest results: Pulse #1*" in text
    assert "*+80 points*, rosier at the top · study 0 points" in text
    actions = [b for b in view["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[-1]["elements"]] == ["home_poll_now", "home_digest"]
    assert [e["action_id"] for e in actions[0]["elements"]] == ["own_open:1", "own_open:7"]  # admins: any gap
    closed_pulse.event({"type": "app_home_opened", "user": "UMEMBER", "tab": "home"}, event_id="Ev2")
    member_view = team.wait_for("views.publish", 2)[1]["view"]
    member_actions = [b for b in member_view["blocks"] if b["type"] == "actions"]
    assert [[e["action_id"] for e in b["elements"]] for b in member_actions] == [["own_open:1"]]  # rosier only


def test_a_pulse_nobody_can_compare_gets_a_digest_without_a_chart_and_quiet_ticks(start_bot, team):
    """Only the agents reach the threshold: nothing to compare, so no chart (and no legend naming
    bars that are not there). Every reply on the way reads right in Slack; ticks log nothing."""
    bot = start_bot({"MIN_RESPONDENTS": "3", "TICK_SECONDS": "1"})
    team.add_channel("C0LEADS", "cx-leads", member=True)
    assign_team(bot, team)
    replies = [run(bot, team, "poll now")]
    team.wait_for("chat.postMessage", 9)
    bot.settle()
    sent = dms(team)
    for user in AGENTS:
        click(bot, team, user, sent[user], 0, 4)
    replies.append(run(bot, team, "poll close"))
    assert block_texts(replies[-1]).startswith("Pulse #1 closed: 0 executives and 5 agents answered.")
    team.reset()
    replies.append(run(bot, team, "digest <#C0LEADS|cx-leads>"))
    assert block_texts(replies[-1]) == "Digest of Pulse #1 posted in <#C0LEADS>."
    post = team.calls_to("chat.postMessage")[-1]
    assert "Too few answers to compare executives and agents" in block_texts(post)
    assert "Chart below" not in block_texts(post)
    assert team.calls_to("files.getUploadURLExternal") == [] and team.calls_to("files.completeUploadExternal") == []
    # the schedule's next run in its own zone, then in the reader's
    replies.append(run(bot, team, "poll schedule weekly mon 09:00 Europe/Stockholm"))
    assert re.fullmatch(
        r"Pulses scheduled every Monday at 09:00 \(Europe/Stockholm\)\. Next: Mon \d{1,2} [A-Z][a-z]{2} "
        r"09:00 Europe/Stockholm \(<!date\^\d+\^\{date_short_pretty\} at \{time\}\|[-\d]+ \d\d:00 UTC> "
        r"your time\)\.",
        block_texts(replies[-1]),
    )
    replies.append(run(bot, team, "digest schedule <#C0LEADS|cx-leads> weekly fri 16:00 Asia/Tokyo"))
    assert "Next: Fri " in block_texts(replies[-1]) and " 16:00 Asia/Tokyo (" in block_texts(replies[-1])
    replies.append(run(bot, team, "digest stop"))
    assert block_texts(replies[-1]) == "Stopped 1 digest schedule."
    replies.append(run(bot, team, "roles agent"))
    assert "@bo @cx-agents" in block_texts(replies[-1])
    for text in (
        "help",
        "statements add We fix <!channel> & <@U123> <http://x|y>",
        "statements",
        "poll status",
        "results",
        "roles",
        "statements add",
    ):
        replies.append(run(bot, team, text))
    assert [mrkdwn.problems(r) for r in replies + [post]] == [[]] * (len(replies) + 1)
    assert "Running job" not in bot.output() and "executed successfully" not in bot.output()
