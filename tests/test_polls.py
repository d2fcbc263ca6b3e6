"""End to end: roles, a wave of DMs, votes, closing; the real bot and the fake Slack."""
from __future__ import annotations

import time

from render.blocks import LIKERT
from tests.harness import AGENTS, EXECS, assign_team, block_texts, click, dms, run, status_until


def test_non_admin_is_refused_and_nothing_happens(bot, team):
    out = block_texts(run(bot, team, "roles exec <@UEXEC1>", user="UMEMBER"))
    assert "Only Slack workspace admins and Pulsegap admins" in out
    for text in ("poll now", "statements add Hello", "poll schedule weekly mon 09:00 UTC", "poll close"):
        assert "Nothing was changed" in block_texts(run(bot, team, text, user="UMEMBER"))
    assert team.calls_to("chat.postMessage") == []
    assert "_nobody yet_" in block_texts(run(bot, team, "roles"))


def test_roles_listing_counts_group_members(bot, team):
    assign_team(bot, team)
    listing = block_texts(run(bot, team, "roles"))
    assert "*Executives* (3 people): <@UEXEC1>, <@UEXEC2>, <@UEXEC3>" in listing
    assert "*Agents* (6 people)" in listing and "<!subteam^SAGENTS>" in listing
    out = block_texts(run(bot, team, "roles exec <@UAGENT1>"))
    assert "1 moved from the other role" in out
    assert "*Executives* (4 people)" in block_texts(run(bot, team, "roles"))
    assert "is a bot or deactivated" in block_texts(run(bot, team, "roles agent <@UBOT>"))


def test_wave_vote_change_retry_and_close(bot, team):
    assign_team(bot, team)
    out = block_texts(run(bot, team, "poll now"))
    assert "Pulse #1 is going out to 3 executives and 6 agents (11 statements)" in out
    team.wait_for("chat.postMessage", 9)
    time.sleep(0.3)
    posts = team.calls_to("chat.postMessage")
    assert sorted(p["channel"] for p in posts) == sorted(EXECS + AGENTS + ["UGROUPONLY"])
    dm = posts[0]
    types = [b["type"] for b in dm["blocks"]]
    assert types == ["section"] + ["section", "actions"] * 11
    assert "anonymous" in dm["blocks"][0]["text"]["text"] and "at least 5 people" in dm["blocks"][0]["text"]["text"]
    for actions in dm["blocks"][2::2]:
        assert [e["text"]["text"] for e in actions["elements"]] == list(LIKERT)
    assert dm["blocks"][1]["text"]["text"] == "*1.* Our contact center is a strategic function of the company, not just an operational one."

    sent = dms(team)
    assert click(bot, team, "UEXEC1", sent["UEXEC1"], 0, 4).status_code == 200
    update = team.wait_for("chat.update", 1)[0]
    assert update["blocks"][1]["text"]["text"].endswith("_Your answer: Agree_")
    assert [e.get("style") for e in update["blocks"][2]["elements"]] == [None, None, None, "primary", None]
    click(bot, team, "UEXEC1", sent["UEXEC1"], 0, 5)  # change of mind: latest wins
    click(bot, team, "UEXEC1", sent["UEXEC1"], 0, 5, retry=1)  # Slack retry: counted once
    click(bot, team, "UAGENT1", sent["UAGENT1"], 0, 2)
    click(bot, team, "UAGENT1", sent["UAGENT1"], 0, 2)  # double click

    status = block_texts(run(bot, team, "poll status"))
    assert "Executives: 1 of 3 answered (3 delivered, 0 still sending, 0 failed)" in status
    assert "Agents: 1 of 6 answered" in status
    assert "%" not in status

    closed = block_texts(run(bot, team, "poll close"))
    assert "Pulse #1 closed: 1 executive and 1 agent answered." in closed
    before = len(team.responses)
    r = click(bot, team, "UAGENT2", sent["UAGENT2"], 0, 3)
    assert r.status_code == 200
    late = team.wait_responses(before + 1)  # the polite refusal, posted after the ack
    assert any("has closed" in (c.get("text") or "") for c in late)

    import sqlite3
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM answers").fetchone() == (0,)  # deleted at close: counts only
    assert db.execute("SELECT secret FROM waves").fetchall() == [(None,)]
    assert db.execute("SELECT count(*) FROM answers WHERE seq IS NOT NULL").fetchone() == (0,)
    columns = [r[1] for r in db.execute("PRAGMA table_info(answers)")]
    assert "user_id" not in columns and "ts" not in columns


def test_unreachable_people_are_skipped_and_reported(bot, team):
    team.add_user("UGONE", "Gone", deleted=True)
    team.usergroups["SX"] = ["UGONE", "UEXEC1"]
    run(bot, team, "roles exec <!subteam^SX|@x>")
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 1)
    status = status_until(bot, team, "Could not DM 1")
    assert "Could not DM 1: <@UGONE> (account_inactive)" in status


def test_rate_limited_fanout_loses_no_dm(bot, team):
    team.rate_limit["chat.postMessage"] = 3
    assign_team(bot, team)
    run(bot, team, "poll now")
    posts = team.wait_for("chat.postMessage", 9, timeout=30)
    time.sleep(0.5)
    assert sorted(p["channel"] for p in team.calls_to("chat.postMessage")) == sorted(EXECS + AGENTS + ["UGROUPONLY"])
    assert len(posts) == 9


def test_statements_list_add_remove(bot, team):
    out = block_texts(run(bot, team, "statements"))
    assert "*11.* Our pay rewards quality of service over productivity." in out
    out = block_texts(run(bot, team, "statements add We fix the root causes of <!channel> calls"))
    assert "*12.* We fix the root causes of &lt;!channel&gt; calls" in out
    out = block_texts(run(bot, team, "statements remove 1"))
    assert "strategic function" not in out and "*11.* We fix the root causes" in out
    assert "Give the number" in block_texts(run(bot, team, "statements remove 99"))


def test_home_buttons_run_a_pulse_for_admins_only(bot, team):
    assign_team(bot, team)

    def press(user):
        return bot.interact({
            "type": "block_actions", "user": {"id": user}, "team": {"id": "T0TEST"}, "api_app_id": "A0PULSE",
            "container": {"type": "view", "view_id": "V1"}, "view": {"id": "V1", "type": "home"}, "trigger_id": "1.2",
            "actions": [{"type": "button", "action_id": "home_poll_now", "block_id": "home_admin",
                         "value": "poll_now", "action_ts": "1.0"}],
        })

    assert press("UMEMBER").status_code == 200
    refusal = team.wait_for("chat.postMessage", 1)[0]
    assert refusal["channel"] == "UMEMBER" and "Only admins can run a pulse" in refusal["text"]
    assert press("UADMIN").status_code == 200
    team.wait_for("chat.postMessage", 11)  # the refusal, 9 pulse DMs, the outcome DM to the admin
    outcome = [c for c in team.calls_to("chat.postMessage") if c["channel"] == "UADMIN"]
    assert outcome[0]["text"].startswith("Pulse #1 is going out to 3 executives and 6 agents")
    assert team.wait_for("views.publish")[0]["user_id"] == "UADMIN"
