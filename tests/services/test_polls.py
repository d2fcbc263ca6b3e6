"""Reminders, closing and closed DMs, driven with a frozen clock through Polls.tick (fake Slack at the wire)."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

import pytest

from config import load_config
from services.polls import Polls
from services.runtime import Runtime, slack_client
from storage import Store
from tests.fake_slack import FakeSlack


@pytest.fixture
def polls():
    fake = FakeSlack().start()
    fake.add_user("UTOKYO", tz="Asia/Tokyo")
    fake.add_user("UNY", tz="America/New_York")
    fake.add_user("UDONE", tz="Europe/Stockholm")
    cfg = load_config(
        {
            "SLACK_BOT_TOKEN": fake.token,
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": fake.api_url,
            "DATABASE_PATH": ":memory:",
            "POLL_DURATION": "3d",
            "POLL_REMINDER": "0.5",
        }
    )
    rt = Runtime(config=cfg, store=Store(":memory:"), client=slack_client(fake.token, fake.api_url))
    rt.store.seed_statements([("feedback_to_sales", "We act on feedback.")])
    rt.store.set_role([("UTOKYO", "user", "t"), ("UNY", "user", "n"), ("UDONE", "user", "d")], "agent", "UADMIN")
    p = Polls(rt)
    yield p, fake
    for t in threading.enumerate():  # let fan-outs finish before the stand-in goes away
        if t.name.startswith(("fanout-", "closed-")):
            t.join(10)
    fake.stop()


def wait_sent(p: Polls, pulse_id: int, n: int) -> None:
    deadline = time.time() + 10
    while time.time() < deadline and len(p.rt.store.deliveries(pulse_id, ("sent",))) < n:
        time.sleep(0.02)


def test_one_reminder_to_non_responders_never_on_their_weekend(polls):
    p, fake = polls
    pulse, _ = p.start_pulse("now", "UADMIN")
    wait_sent(p, pulse["id"], 3)
    assert p.rt.store.record_vote(pulse["id"], "UDONE", pulse["statements"][0]["id"], 4, "1.0") == "recorded"
    fake.reset()
    p.tick(now=datetime.fromisoformat(pulse["opened_at"]))  # before remind_at: nothing
    assert fake.calls_to("chat.postMessage") == []

    # Friday 23:30 UTC: already Saturday in Tokyo, still Friday in New York
    p.rt.store.db.execute(
        "UPDATE pulses SET remind_at='2026-11-27T23:30:00+00:00', closes_at='2026-12-31T00:00:00+00:00'"
    )
    p.tick(now=datetime(2026, 11, 27, 23, 30, tzinfo=timezone.utc))
    assert [c["channel"] for c in fake.calls_to("chat.postMessage")] == ["UNY"]
    assert "still open" in fake.calls_to("chat.postMessage")[0]["text"]
    p.tick(now=datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc))  # Saturday everywhere
    assert len(fake.calls_to("chat.postMessage")) == 1
    p.tick(now=datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc))  # Monday 10:00 in Tokyo
    assert [c["channel"] for c in fake.calls_to("chat.postMessage")] == ["UNY", "UTOKYO"]
    p.tick(now=datetime(2026, 12, 1, 1, 0, tzinfo=timezone.utc))  # one reminder each, never two
    assert len(fake.calls_to("chat.postMessage")) == 2


def test_pulses_close_by_themselves_after_poll_duration(polls):
    p, _fake = polls
    pulse, _ = p.start_pulse("now", "UADMIN")
    p.tick(now=datetime.fromisoformat(pulse["closes_at"]))
    assert p.rt.store.pulse(pulse["id"])["status"] == "closed"
    second, text = p.start_pulse("now", "UADMIN")
    assert second["id"] == pulse["id"] + 1 and "Pulse #2" in text


def test_second_pulse_refused_while_one_is_open(polls):
    p, _fake = polls
    p.start_pulse("now", "UADMIN")
    pulse, text = p.start_pulse("now", "UADMIN")
    assert pulse is None and text == "A pulse is already open. Close it first with `/gap poll close`."


def test_a_wal_checkpoint_blocked_at_close_is_finished_by_a_later_tick(polls, tmp_path):
    import sqlite3

    p, _fake = polls
    path = tmp_path / "t.db"
    p.rt.store = store = Store(str(path))
    store.seed_statements([(None, "a")])
    pulse = store.open_pulse(store.statements(), [("U1", "agent")], "2099-01-01T00:00:00+00:00", None, "now", None)
    store.record_vote(pulse["id"], "U1", 1, 4, "1.0")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM pulses").fetchone()
    pending = "SELECT value FROM meta WHERE key='wal_checkpoint_pending'"
    assert p.close(pulse["id"])
    p.tick()
    assert store.rows(pending) == [{"value": "1"}]  # still blocked
    reader.execute("COMMIT")
    p.tick()
    assert store.rows(pending) == []
    assert path.with_name("t.db-wal").stat().st_size == 0


def test_closed_dms_a_5xx_is_tried_again_on_a_tick_a_vanished_dm_is_given_up(polls):
    p, fake = polls
    pulse, _ = p.start_pulse("now", "UADMIN")
    wait_sent(p, pulse["id"], 3)
    fake.fail("chat.update", (500, "internal_error"), (200, "message_not_found"))
    p.show_closed(pulse["id"])  # still open: nothing to do
    assert fake.calls_to("chat.update") == []
    p.rt.store.close_pulse(pulse["id"])
    p.show_closed(pulse["id"])  # UDONE: 500; UNY: gone from Slack; UTOKYO: updated
    assert [c["channel"] for c in fake.calls_to("chat.update")] == ["DTOKYO"]
    assert p.rt.store.pulses_to_show_closed() == [pulse["id"]]
    p.tick()
    deadline = time.time() + 10
    while time.time() < deadline and p.rt.store.pulses_to_show_closed():
        time.sleep(0.02)
    assert [c["channel"] for c in fake.calls_to("chat.update")] == ["DTOKYO", "DDONE"]
    assert p.rt.store.pulses_to_show_closed() == []
    p.show_closed(pulse["id"])  # nothing left: never a second update
    assert len(fake.calls_to("chat.update")) == 2
