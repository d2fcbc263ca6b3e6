"""Socket Mode end to end: bot.py with SLACK_APP_TOKEN opens a link to Slack's stand-in and
serves commands, clicks and events over it, with no HTTP endpoint and no signing secret."""

from __future__ import annotations

import sqlite3

import pytest
import requests

from support.harness import Bot, answers_beside_voters, block_texts, dms, replies_to, vote_payload
from tests.fake_socket_mode import SocketModeLink

APP_TOKEN = "xapp-1-A0PULSE-1-0123456789"


@pytest.fixture
def link(fake):
    link = SocketModeLink(fake)
    yield link
    link.stop()


@pytest.fixture
def socket_bot(fake, link, tmp_path):
    bot = Bot(
        fake, tmp_path / "pulsegap.db", {"SLACK_APP_TOKEN": APP_TOKEN, "SLACK_SIGNING_SECRET": "", "LOG_LEVEL": "DEBUG"}
    )
    bot.start(ready=link.connected)
    yield bot
    bot.stop()


def slash(link, fake, text, user="UADMIN"):
    """A /gap command over the link: the ack's payload, or what was posted to response_url."""
    before = len(fake.responses)
    ack = link.send(
        "slash_commands",
        {
            "token": "legacy",
            "team_id": "T0TEST",
            "team_domain": "test",
            "channel_id": "C0LEADS",
            "channel_name": "cx-leads",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/gap",
            "text": text,
            "api_app_id": "A0PULSE",
            "response_url": fake.response_url(user),
            "trigger_id": "1.2.3",
        },
    )
    if ack.get("payload"):
        return ack["payload"]
    return fake.wait_responses(before + 1, timeout=30)[before]


def test_a_question_is_answered_in_the_ack(socket_bot, link, fake):
    answer = slash(link, fake, "feedback")
    assert answer["response_type"] == "ephemeral"
    text = block_texts(answer)
    assert "Executives: *78%* · CS managers &amp; directors: *62%*" in text
    assert "Gap (executives − CS): *+16 points*: rosier at the top" in text
    assert "not frontline agents" in text
    assert len(fake.calls_to("apps.connections.open")) == 1
    with pytest.raises(requests.ConnectionError):  # no HTTP endpoint in Socket Mode
        requests.get(f"http://127.0.0.1:{socket_bot.port}/healthz", timeout=2)


def test_a_pulse_and_a_vote_over_the_link(socket_bot, link, team):
    out = block_texts(slash(link, team, "roles exec <@UEXEC1> <@UEXEC2>"))  # deferred: lazy listener
    assert "Added <@UEXEC1>, <@UEXEC2> to the executives." in out
    assert "Pulse #1 is going out to 2 executives and 0 agents (11 statements)" in block_texts(
        slash(link, team, "poll now")
    )
    team.wait_for("chat.postMessage", 2)
    ack = link.send("interactive", vote_payload(team, "UEXEC1", dms(team)["UEXEC1"], 0, 4))
    assert "payload" not in ack or not ack["payload"]  # a plain ack
    db = sqlite3.connect(socket_bot.db_path)
    assert db.execute("SELECT pulse_id, statement_id, role, value FROM answers").fetchall() == [(1, 1, "exec", 4)]
    assert replies_to(team, "UEXEC1", 1) == [
        {
            "text": "Recorded: *Agree* for statement 1 of 11. Only you see this.",
            "blocks": [
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": "Recorded: *Agree* for statement 1 of 11. Only you see this."},
                    "block_id": "vote_recorded",
                }
            ],
            "response_type": "ephemeral",
            "replace_original": False,
        }
    ]
    assert team.calls_to("chat.update") == []
    assert "Pulse #1 closed" in block_texts(slash(link, team, "poll close"))
    assert {u["channel"] for u in team.wait_for("chat.update", 2)} == {"DEXEC1", "DEXEC2"}
    log = socket_bot.output()
    assert "on_message invoked" in log  # slack_sdk logged the link's messages at DEBUG
    assert answers_beside_voters(log, ["UEXEC1"]) == []


def test_app_home_and_refusals_over_the_link(socket_bot, link, fake):
    link.send(
        "events_api",
        {
            "token": "legacy",
            "team_id": "T0TEST",
            "api_app_id": "A0PULSE",
            "type": "event_callback",
            "event_id": "Ev1",
            "event_time": 1700000000,
            "event": {"type": "app_home_opened", "user": "UMEMBER", "tab": "home"},
        },
    )
    view = fake.wait_for("views.publish")[0]
    assert view["user_id"] == "UMEMBER" and view["view"]["type"] == "home"
    refused = block_texts(slash(link, fake, "poll now", user="UMEMBER"))
    assert ":lock: Only Slack workspace admins and Pulsegap admins can use `poll" in refused
    assert fake.calls_to("chat.postMessage") == []
