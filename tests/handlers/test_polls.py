"""Roles, a pulse of DMs, votes, closing, in process: the app built from a Config, signed requests
through its WSGI callable, the fake Slack at the wire."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from render.pulse import LIKERT
from support.harness import (
    AGENTS,
    EXECS,
    assign_team,
    block_texts,
    click,
    closed_blocks,
    dms,
    my_answers_payload,
    replies_to,
    run,
    status_until,
    vote_payload,
)


def test_non_admin_is_refused_and_nothing_happens(bot, team):
    out = block_texts(run(bot, team, "roles exec <@UEXEC1>", user="UMEMBER"))
    assert "Only Slack workspace admins and Pulsegap admins" in out
    for text in ("poll now", "statements add Hello", "poll schedule weekly mon 09:00 UTC", "poll close"):
        assert "Nothing was changed" in block_texts(run(bot, team, text, user="UMEMBER"))
    assert team.calls_to("chat.postMessage") == []
    assert "_nobody yet_" in block_texts(run(bot, team, "roles"))


def test_only_admins_see_who_is_in_each_role_or_could_not_be_dmed(bot, team):
    team.add_user("UGONE", "Gone", deleted=True)
    team.usergroups["SX"] = ["UGONE", "UEXEC1"]
    assert (
        block_texts(run(bot, team, "roles exec <!subteam^SX|@x>"))
        == "Added <!subteam^SX|@x> (2 people) to the executives."
    )
    for text in ("roles", "roles list"):
        assert block_texts(run(bot, team, text, user="UMEMBER")) == (
            ":lock: Only Slack workspace admins and Pulsegap admins can see who is in each role."
        )
    assert "*Executives* (2 people): <!subteam^SX>\n" in block_texts(run(bot, team, "roles"))
    run(bot, team, "poll now")
    status_until(bot, team, "Could not DM 1")
    member = block_texts(run(bot, team, "poll status", user="UMEMBER"))
    assert "Executives: 0 of 2 answered (1 delivered" in member and "Could not DM 1; admins see who." in member
    assert "UGONE" not in member
    assert "Could not DM 1: <@UGONE> (account_inactive)" in block_texts(run(bot, team, "poll status"))
    assert block_texts(run(bot, team, "poll now")) == "A pulse is already open. Close it first with `/gap poll close`."
    assert block_texts(run(bot, team, "poll close")) == (
        "Pulse #1 closed: 0 executives and 0 agents answered. "
        "Too few answers to compare: each role needs at least 5 on a statement."
    )


def test_roles_listing_counts_group_members(bot, team):
    assign_team(bot, team)
    listing = block_texts(run(bot, team, "roles"))
    assert "*Executives* (3 people): <@UEXEC1>, <@UEXEC2>, <@UEXEC3>" in listing
    assert "*Agents* (6 people)" in listing and "<!subteam^SAGENTS>" in listing
    out = block_texts(run(bot, team, "roles exec <@UAGENT1>"))
    assert out == "Added <@UAGENT1> to the executives. <@UAGENT1> moved from the agents (a person has one role)."
    assert "*Executives* (4 people)" in block_texts(run(bot, team, "roles"))
    assert "is a bot or deactivated" in block_texts(run(bot, team, "roles agent <@UBOT>"))


def dm_bodies(fake, user) -> list[dict]:
    """Every chat.postMessage and chat.update body Slack got for `user`'s DM, without channel and ts."""
    channels = (user, "D" + user[1:])
    with fake.lock:
        return [
            {k: v for k, v in c.params.items() if k not in ("channel", "ts")}
            for c in fake.calls
            if c.method in ("chat.postMessage", "chat.update") and c.params.get("channel") in channels
        ]


def ephemeral(text: str, block_id: str | None = None) -> dict:
    section = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    return {
        "blocks": [{**section, "block_id": block_id} if block_id else section],
        "text": text,
        "response_type": "ephemeral",
        "replace_original": False,
    }


def test_pulse_vote_change_retry_and_close(bot, team):
    assign_team(bot, team)
    out = block_texts(run(bot, team, "poll now"))
    assert "Pulse #1 is going out to 3 executives and 6 agents (11 statements)" in out
    team.wait_for("chat.postMessage", 9)
    bot.settle()
    posts = team.calls_to("chat.postMessage")
    assert sorted(p["channel"] for p in posts) == sorted(EXECS + AGENTS + ["UGROUPONLY"])
    dm = posts[0]
    types = [b["type"] for b in dm["blocks"]]
    assert types == ["section"] + ["section", "actions"] * 11 + ["section", "section"]  # comment, My answers
    assert "anonymous" in dm["blocks"][0]["text"]["text"] and "at least 5 people" in dm["blocks"][0]["text"]["text"]
    for actions in dm["blocks"][2:-2:2]:
        assert [e["text"]["text"] for e in actions["elements"]] == list(LIKERT)
    assert (
        dm["blocks"][1]["text"]["text"]
        == "*1.* Our contact center is a strategic function of the company, not just an operational one."
    )
    assert dm["blocks"][-1] == {
        "type": "section",
        "block_id": "mine:1",
        "text": {
            "type": "mrkdwn",
            "text": "Each click is confirmed to you alone; this message never shows your answers.",
        },
        "accessory": {
            "type": "button",
            "text": {"type": "plain_text", "text": "My answers", "emoji": True},
            "action_id": "my_answers",
            "value": "1",
        },
    }

    sent = dms(team)
    assert click(bot, team, "UEXEC1", sent["UEXEC1"], 2, 4).status_code == 200
    assert replies_to(team, "UEXEC1", 1) == [
        ephemeral("Recorded: *Agree* for statement 3 of 11. Only you see this.", "vote_recorded")
    ]
    click(bot, team, "UEXEC1", sent["UEXEC1"], 2, 5)  # change of mind: latest wins
    click(bot, team, "UEXEC1", sent["UEXEC1"], 2, 5, retry=1)  # Slack retry: counted once, confirmed once
    click(bot, team, "UAGENT1", sent["UAGENT1"], 2, 2)
    click(bot, team, "UAGENT1", sent["UAGENT1"], 2, 2)  # double click
    replies_to(team, "UEXEC1", 2)
    replies_to(team, "UAGENT1", 1)
    bot.settle()
    assert [r["text"] for r in replies_to(team, "UEXEC1")] == [
        "Recorded: *Agree* for statement 3 of 11. Only you see this.",
        "Recorded: *Strongly agree* for statement 3 of 11. Only you see this.",
    ]
    assert replies_to(team, "UAGENT1") == [
        ephemeral("Recorded: *Disagree* for statement 3 of 11. Only you see this.", "vote_recorded")
    ]

    status = block_texts(run(bot, team, "poll status"))
    assert "Executives: 1 of 3 answered (3 delivered, 0 still sending, 0 failed)" in status
    assert "Agents: 1 of 6 answered" in status
    assert "%" not in status
    assert team.calls_to("chat.update") == []  # Slack's copy of a DM never changes with a choice

    closed = block_texts(run(bot, team, "poll close"))
    assert "Pulse #1 closed: 1 executive and 1 agent answered." in closed
    updates = team.wait_for("chat.update", 9)
    bot.settle()
    assert sorted(u["channel"] for u in team.calls_to("chat.update")) == sorted("D" + u[1:] for u in sent)
    assert all(u["blocks"] == closed_blocks(bot) and u["text"] == "Pulse #1 has closed" for u in updates)
    # What Slack keeps of each DM is the same whether its person chose Strongly agree, Disagree or nothing
    assert dm_bodies(team, "UEXEC1") == dm_bodies(team, "UAGENT1") == dm_bodies(team, "UAGENT2")
    assert len(dm_bodies(team, "UEXEC1")) == 2

    r = click(bot, team, "UAGENT2", sent["UAGENT2"], 0, 3)
    assert r.status_code == 200
    late = replies_to(team, "UAGENT2", 1)  # the polite refusal, posted after the ack
    assert late == [ephemeral("Thanks, but Pulse #1 has closed, so this answer was not counted.")]

    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM answers").fetchone() == (0,)  # deleted at close: counts only
    assert db.execute("SELECT secret FROM pulses").fetchall() == [(None,)]
    assert db.execute("SELECT count(*) FROM answers WHERE seq IS NOT NULL").fetchone() == (0,)
    columns = [r[1] for r in db.execute("PRAGMA table_info(answers)")]
    assert "user_id" not in columns and "ts" not in columns


def test_my_answers_while_open_then_unlinked_after_close(bot, team):
    assign_team(bot, team)
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 9)
    bot.settle()
    dm = dms(team)["UEXEC2"]
    lost = vote_payload(team, "UEXEC2", dm, 5, 3)
    lost["response_url"] = "http://127.0.0.1:9/response/gone"  # the confirmation cannot be posted
    assert bot.interact(lost).status_code == 200
    for statement, value in ((0, 4), (2, 2), (0, 1)):
        click(bot, team, "UEXEC2", dm, statement, value)
    click(bot, team, "UEXEC3", dms(team)["UEXEC3"], 1, 5)  # someone else's answer is not theirs
    replies_to(team, "UEXEC2", 3)
    bot.interact(my_answers_payload(team, "UEXEC2", dm))
    mine = replies_to(team, "UEXEC2", 4)[-1]
    assert mine["response_type"] == "ephemeral" and mine["replace_original"] is False
    lines = [b["text"]["text"] for b in mine["blocks"]]
    assert lines[0] == "*Your answers in Pulse #1* (3 of 11 answered). Only you see this."
    assert (
        lines[1]
        == "*1.* Our contact center is a strategic function of the company, not just an operational one.\n*Strongly disagree*"
    )
    assert lines[2].endswith("\n_not answered_") and lines[3].endswith("\n*Disagree*")
    assert lines[6].endswith("\n*Neutral*")  # its confirmation was lost, the vote was not
    assert len(lines) == 12 and sum(line.endswith("_not answered_") for line in lines) == 8
    assert mine["text"] == "Your answers in Pulse #1: 3 of 11 answered"
    failed = [line for line in bot.output().splitlines() if "ephemeral reply" in line]
    assert [line.split(": ", 1)[1] for line in failed] == [
        "could not send an ephemeral reply (URLError); the vote is recorded"
    ]

    run(bot, team, "poll close")
    bot.interact(my_answers_payload(team, "UEXEC2", dm))  # clicked before Slack showed the closed DM
    assert replies_to(team, "UEXEC2", 5)[-1] == ephemeral(
        "Pulse #1 has closed; your answers are no longer linked to you."
    )


def test_unreachable_people_are_skipped_and_reported(bot, team):
    team.add_user("UGONE", "Gone", deleted=True)
    team.usergroups["SX"] = ["UGONE", "UEXEC1"]
    run(bot, team, "roles exec <!subteam^SX|@x>")
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 1)
    status = status_until(bot, team, "Could not DM 1")
    assert "Could not DM 1: <@UGONE> (account_inactive)" in status


@pytest.mark.waits
def test_rate_limited_fanout_loses_no_dm(bot, team):
    team.rate_limit["chat.postMessage"] = 3
    assign_team(bot, team)
    run(bot, team, "poll now")
    posts = team.wait_for("chat.postMessage", 9, timeout=30)
    bot.settle()
    assert sorted(p["channel"] for p in team.calls_to("chat.postMessage")) == sorted(EXECS + AGENTS + ["UGROUPONLY"])
    assert len(posts) == 9


def test_statements_list_add_remove(bot, team):
    out = block_texts(run(bot, team, "statements"))
    assert "*11.* Our pay rewards quality of service over productivity." in out
    out = block_texts(run(bot, team, "statements add We fix the root causes of <!channel> calls"))
    assert out.startswith("Added as #12 (not linked to a study figure).\n*What the pulse asks*\n")
    assert "*12.* We fix the root causes of &lt;!channel&gt; calls" in out
    out = block_texts(run(bot, team, "statements add Our agents feel heard when they escalate customer feedback"))
    assert out.startswith("Added as #13 (not linked to a study figure).")  # one shared keyword is no match
    assert "*13.* Our agents feel heard when they escalate customer feedback\n" in out
    out = block_texts(run(bot, team, "statements add We pass customer feedback on to sales"))
    assert out.startswith(
        "Added as #14 (linked to the study's *Customer feedback is collected and passed on to sales*)."
    )
    # Slack sends a typed &, < and > escaped: kept as typed, shown escaped once (never "&amp;amp;")
    out = block_texts(run(bot, team, "statements add Speed &amp; quality, not &lt;2 min&gt; targets"))
    assert "*15.* Speed &amp; quality, not &lt;2 min&gt; targets _(study: Average speed" in out
    with closing(sqlite3.connect(bot.db_path)) as db:
        stored = db.execute("SELECT text FROM statements ORDER BY id DESC LIMIT 1").fetchone()
    assert stored == ("Speed & quality, not <2 min> targets",)
    out = block_texts(run(bot, team, "statements remove 1"))
    assert out.startswith(
        "Removed #1: Our contact center is a strategic function of the company, not just an operational one.\n"
    )
    assert "*1.* Our contact center" not in out and "*11.* We fix the root causes" in out
    assert "Give the number" in block_texts(run(bot, team, "statements remove 99"))


def test_home_buttons_run_a_pulse_for_admins_only(bot, team):
    assign_team(bot, team)

    def press(user):
        return bot.interact(
            {
                "type": "block_actions",
                "user": {"id": user},
                "team": {"id": "T0TEST"},
                "api_app_id": "A0PULSE",
                "container": {"type": "view", "view_id": "V1"},
                "view": {"id": "V1", "type": "home"},
                "trigger_id": "1.2",
                "actions": [
                    {
                        "type": "button",
                        "action_id": "home_poll_now",
                        "block_id": "home_admin",
                        "value": "poll_now",
                        "action_ts": "1.0",
                    }
                ],
            }
        )

    assert press("UMEMBER").status_code == 200
    refusal = team.wait_for("chat.postMessage", 1)[0]
    assert refusal["channel"] == "UMEMBER" and "admins can run a pulse" in refusal["text"]
    assert press("UADMIN").status_code == 200
    team.wait_for("chat.postMessage", 11)  # the refusal, 9 pulse DMs, the outcome DM to the admin
    outcome = [c for c in team.calls_to("chat.postMessage") if c["channel"] == "UADMIN"]
    assert outcome[0]["text"].startswith("Pulse #1 is going out to 3 executives and 6 agents")
    assert team.wait_for("views.publish")[0]["user_id"] == "UADMIN"


def test_a_pulse_to_many_learns_their_languages_from_users_list_not_one_users_info_each(bot, team):
    """users.info is rate-limited to about 100 a minute: a pulse to 150 unknown people reads their
    locales from users.list (1,000 a page) instead, and each still gets their language."""
    big = [f"UBIG{i:03d}" for i in range(150)]
    for i, user in enumerate(big):
        team.add_user(user, user.title(), locale="sv-SE" if i % 3 == 0 else "en-GB")
    team.usergroups["SBIG"] = big
    run(bot, team, "roles exec " + " ".join(f"<@{u}>" for u in EXECS))
    run(bot, team, "roles agent <!subteam^SBIG|@big>")
    team.reset()
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 153, timeout=60)
    bot.settle()
    assert len(team.calls_to("users.list")) == 1  # 156 people in the stand-in: one page
    sent = dms(team)
    assert [c["user"] for c in team.calls_to("users.info") if c["user"] in sent] == []
    assert sent["UBIG000"]["text"].startswith("Puls #1:") and sent["UBIG001"]["text"].startswith("Pulse #1:")
    assert sum(m["text"].startswith("Puls #1:") for m in sent.values()) == 50
