"""Owned actions at the wire: *Own gap* → modal → stored and told to the owner; only admins (asked
afresh on submit); `/gap actions`; a reminder once across a restart; measured at the next close."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta

import pytest

from support.harness import AGENTS, EXECS, assign_team, block_texts, button_payload, click, dms, run, wait_until

GROUP = [*AGENTS, "UGROUPONLY"]  # the agents, three by name and three through @cx-agents


def pulse(bot, team, exec_values, agent_values, first=True):
    """A pulse where every exec and agent answers statement 1 with these values, then closes."""
    if first:
        assign_team(bot, team)
    before = len(team.calls_to("chat.postMessage"))
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", before + 9)
    bot.settle()
    sent = dms(team)
    for user, value in [*zip(EXECS, exec_values, strict=True), *zip(GROUP, agent_values, strict=True)]:
        assert click(bot, team, user, sent[user], 0, value).status_code == 200
    run(bot, team, "poll close")


def own_click(bot, team, user, payload) -> None:
    """A click on results' first *Own gap* button."""
    block = next(b for b in payload["blocks"] if b.get("block_id", "").startswith("own:"))
    msg = {"channel": "C0LEADS", "ts": "1.1", "text": payload["text"], "blocks": payload["blocks"]}
    assert bot.interact(button_payload(team, user, msg, block["block_id"], block["elements"][0])).status_code == 200


def own_submit(bot, user, owner="UEXEC1", text="Monthly shifts on the floor", due=None, target="1:1"):
    due = due or (date.today() + timedelta(days=10)).isoformat()
    values = {
        "owner": {"own_owner": {"type": "users_select", "selected_user": owner}},
        "text": {"own_text": {"type": "plain_text_input", "value": text}},
        "due": {"own_due": {"type": "datepicker", "selected_date": due}},
    }
    payload = {
        "type": "view_submission",
        "user": {"id": user},
        "team": {"id": "T0TEST"},
        "api_app_id": "A0PULSE",
        "view": {
            "id": "V7",
            "type": "modal",
            "callback_id": "own_submit",
            "private_metadata": target,
            "state": {"values": values},
        },
    }
    r = bot.interact(payload)
    assert r.status_code == 200
    return r.json() if r.content else {}


def actions_in_db(bot):
    db = sqlite3.connect(bot.db_path)
    try:
        return db.execute("SELECT id, owner, text, due, done_at IS NOT NULL FROM owned_actions").fetchall()
    finally:
        db.close()


def test_an_admin_owns_a_gap_and_the_next_pulse_measures_it(start_app, team):
    bot = start_app({"MIN_RESPONDENTS": "3"})
    pulse(bot, team, [5, 5, 4], [1, 1, 2, 2, 1, 1])  # +100 points: rosier at the top
    results = run(bot, team, "results")
    assert "own:1" in [b.get("block_id") for b in results["blocks"]]

    own_click(bot, team, "UMEMBER", results)  # a member is told, not given the form
    refused = team.wait_for("views.open")[0]["view"]
    assert block_texts(refused) == ":lock: Only Slack workspace admins and Pulsegap admins can own a gap."
    own_click(bot, team, "UADMIN", results)
    form = team.wait_for("views.open", 2)[1]["view"]
    assert (form["callback_id"], form["private_metadata"]) == ("own_submit", "1:1")
    assert [b["element"]["type"] for b in form["blocks"][1:]] == ["users_select", "plain_text_input", "datepicker"]

    forged = own_submit(bot, "UMEMBER")  # a member who sends the form anyway: nothing happens
    assert block_texts(forged["view"]) == ":lock: Only Slack workspace admins and Pulsegap admins can own a gap."
    assert actions_in_db(bot) == []
    late = own_submit(bot, "UADMIN", due="2020-01-01")
    assert late == {"response_action": "errors", "errors": {"due": "Choose today or a later day."}}
    saved = own_submit(bot, "UADMIN")
    assert block_texts(saved["view"]) == "Saved. <@UEXEC1> gets a DM with the action."
    assert [a[:3] for a in actions_in_db(bot)] == [(1, "UEXEC1", "Monthly shifts on the floor")]
    told = wait_until(lambda: [c for c in team.calls_to("chat.postMessage") if "made you the owner" in c["text"]])
    assert told[0]["channel"] == "UEXEC1" and told[0]["text"].startswith("<@UADMIN> made you the owner of a gap: *")
    assert "Action: Monthly shifts on the floor" in told[0]["text"]

    listed = block_texts(run(bot, team, "actions", user="UMEMBER"))
    assert "*1.* " in listed and "owner <@UEXEC1>" in listed and "· open" in listed
    assert "Only its owner or an admin" in block_texts(run(bot, team, "actions done 1", user="UAGENT1"))
    assert "Action 1 is done." in block_texts(run(bot, team, "actions done 1", user="UEXEC1"))

    pulse(bot, team, [5, 5, 4], [5, 4, 4, 5, 4, 5], first=False)  # agents now agree too: the gap narrows
    now = block_texts(run(bot, team, "results"))
    assert "1 of 1 owned gap narrowed since Pulse #1." in now
    assert "*Actions and what moved* since Pulse #1" in now
    assert ": *narrowed*: +100 points then, 0 points now (change −100, 95% CI −156 to −21)" in now


@pytest.mark.waits
def test_the_reminder_a_day_before_due_is_sent_once_across_a_restart(start_app, team):
    bot = start_app({"MIN_RESPONDENTS": "3", "TICK_SECONDS": "1"})
    pulse(bot, team, [5, 5, 4], [1, 1, 2, 2, 1, 1])
    own_submit(bot, "UADMIN", owner="UEXEC2", due=(date.today() + timedelta(days=1)).isoformat())

    def reminders():
        return [c for c in team.calls_to("chat.postMessage") if c["text"].startswith("A reminder: your action")]

    wait_until(reminders, what="the reminder")
    bot.stop()
    start_app({"MIN_RESPONDENTS": "3", "TICK_SECONDS": "1"})  # the same database file
    time.sleep(3.5)  # three ticks of the restarted app
    assert len(reminders()) == 1 and reminders()[0]["channel"] == "UEXEC2"
    assert reminders()[0]["text"].endswith("`/gap actions done 1` marks it done.")
