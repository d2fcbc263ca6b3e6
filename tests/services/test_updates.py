"""services.updates.MessageUpdater: a voter's choices shown on their pulse DM (fake Slack at the wire)."""
from __future__ import annotations

import time

import pytest

from config import load_config
from render import blocks as ui
from services.polls import Polls
from services.runtime import Runtime, slack_client
from services.updates import MessageUpdater
from storage import Store
from tests.fake_slack import FakeSlack


@pytest.fixture
def setup():
    fake = FakeSlack().start()
    fake.add_user("U1")
    cfg = load_config({"SLACK_BOT_TOKEN": fake.token, "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": fake.api_url,
                       "DATABASE_PATH": ":memory:"})
    rt = Runtime(config=cfg, store=Store(":memory:"), client=slack_client(fake.token, fake.api_url))
    rt.store.seed_statements([("feedback_to_sales", "We act on feedback."), (None, "We fix root causes.")])
    wave = rt.store.open_wave(rt.store.statements(), [("U1", "agent")], "2099-01-01T00:00:00+00:00", None, "now", "UA")
    polls = Polls(rt)
    dm = polls.dm(wave["id"])
    posted = rt.client.chat_postMessage(channel="U1", blocks=dm["blocks"], text=dm["text"])
    updater = MessageUpdater(rt.client, render=polls.dm, lull=0.3)  # a wide window: "quick" on any machine
    yield updater, fake, polls, wave["id"], posted["channel"], posted["ts"]
    updater.queue.join()  # nothing still on its way when the stand-in goes away
    fake.stop()


def shown(update: dict) -> dict[str, list]:
    """block_id of each statement -> (its text's last line, the styles of its five buttons)."""
    out = {}
    for b in update["blocks"]:
        if b["block_id"].startswith("s:"):
            out[b["block_id"]] = [b["text"]["text"].split("\n")[-1]]
        elif b["block_id"].startswith("a:"):
            out["s:" + b["block_id"][2:]].append([e.get("style") for e in b["elements"]])
    return out


def test_quick_clicks_on_one_message_become_one_update_showing_both(setup):
    updater, fake, polls, wave_id, channel, ts = setup
    updater.show_choice(channel, ts, wave_id, 1, 4, "100.000001")
    updater.show_choice(channel, ts, wave_id, 2, 1, "100.000002")
    update = fake.wait_for("chat.update", 1)[0]
    time.sleep(0.5)
    assert len(fake.calls_to("chat.update")) == 1
    assert (update["channel"], update["ts"]) == (channel, ts)
    assert shown(update) == {
        f"s:{wave_id}:1": [":white_check_mark: _Your answer: Agree_", [None, None, None, "primary", None]],
        f"s:{wave_id}:2": [":white_check_mark: _Your answer: Strongly disagree_", ["primary", None, None, None, None]],
    }
    assert update["text"] == polls.dm(wave_id)["text"]


def test_an_older_click_arriving_late_does_not_replace_a_newer_one(setup):
    updater, fake, _polls, wave_id, channel, ts = setup
    updater.show_choice(channel, ts, wave_id, 1, 5, "100.000009")
    updater.show_choice(channel, ts, wave_id, 1, 2, "100.000003")  # a retry of an earlier click
    update = fake.wait_for("chat.update", 1)[0]
    assert shown(update)[f"s:{wave_id}:1"] == [":white_check_mark: _Your answer: Strongly agree_",
                                               [None, None, None, None, "primary"]]
    assert shown(update)[f"s:{wave_id}:2"] == ["*2.* We fix root causes.", [None] * 5]


def test_a_later_click_on_the_same_message_keeps_the_earlier_choice(setup):
    updater, fake, _polls, wave_id, channel, ts = setup
    updater.show_choice(channel, ts, wave_id, 1, 3, "100.000001")
    fake.wait_for("chat.update", 1)
    updater.show_choice(channel, ts, wave_id, 2, 4, "100.000002")
    second = fake.wait_for("chat.update", 2)[1]
    assert [v[0] for v in shown(second).values()] == [":white_check_mark: _Your answer: Neutral_",
                                                      ":white_check_mark: _Your answer: Agree_"]


def test_no_update_once_the_wave_is_closed_and_forgotten(setup):
    updater, fake, polls, wave_id, channel, ts = setup
    updater.show_choice(channel, ts, wave_id, 1, 4, "100.000001")
    polls.close(wave_id)  # the runtime has no updater here, so tell this one as Polls.close would
    updater.forget_wave(wave_id)
    time.sleep(0.8)
    assert fake.calls_to("chat.update") == []
    assert updater.choices == {} and updater.dms == {}
    updater.show_choice(channel, ts, wave_id, 1, 4, "100.000002")  # a click recorded just before the close
    time.sleep(0.8)
    assert fake.calls_to("chat.update") == []  # render() says the wave is closed: nothing to show


def test_a_slack_error_is_logged_and_the_next_update_still_goes_out(setup, caplog):
    updater, fake, _polls, wave_id, channel, ts = setup
    updater.show_choice(channel, "1.000000", wave_id, 1, 4, "100.000001")  # a message Slack does not know
    deadline = time.time() + 5
    while time.time() < deadline and "message_not_found" not in caplog.text:
        time.sleep(0.05)
    assert "could not show a choice (message_not_found); the vote is recorded" in caplog.text
    updater.show_choice(channel, ts, wave_id, 1, 2, "100.000002")
    failed, update = fake.wait_for("chat.update", 2)
    assert (failed["ts"], update["ts"]) == ("1.000000", ts)
    assert shown(update)[f"s:{wave_id}:1"][0] == ":white_check_mark: _Your answer: Disagree_"


def test_the_update_is_the_rendered_dm_with_the_choice(setup):
    updater, fake, polls, wave_id, channel, ts = setup
    updater.show_choice(channel, ts, wave_id, 2, 3, "100.000001")
    update = fake.wait_for("chat.update", 1)[0]
    assert update["blocks"] == ui.with_choice(polls.dm(wave_id)["blocks"], wave_id, 2, 3)
    assert ui.validate(update) == []


def test_a_message_unknown_to_us_keeps_the_choices_slack_shows(setup):
    """After a restart (or MAX_REMEMBERED other messages) the payload's blocks are all we have."""
    updater, fake, polls, wave_id, channel, ts = setup
    as_shown = ui.with_choice(polls.dm(wave_id)["blocks"], wave_id, 1, 2)  # chosen before a restart
    updater.show_choice(channel, ts, wave_id, 2, 5, "100.000002", as_shown=as_shown)
    update = fake.wait_for("chat.update", 1)[0]
    assert [v[0] for v in shown(update).values()] == [":white_check_mark: _Your answer: Disagree_",
                                                      ":white_check_mark: _Your answer: Strongly agree_"]
    updater.show_choice(channel, ts, wave_id, 1, 4, "100.000003", as_shown=as_shown)  # known now: payload unread
    second = fake.wait_for("chat.update", 2)[1]
    assert shown(second)[f"s:{wave_id}:1"] == [":white_check_mark: _Your answer: Agree_",
                                               [None, None, None, "primary", None]]
