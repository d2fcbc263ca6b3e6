"""The fault suite, at the process: crashes mid-burst and mid-digest, and a Slack that misbehaves.
(Fuzzed and malformed requests are in tests/handlers/test_bad_input.py, in process.)"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.parse

import pytest
import requests

from support.harness import (
    AGENTS,
    EXECS,
    assign_team,
    block_texts,
    dms,
    run,
    status_until,
    vote_payload,
    wait_delivered,
)
from tests.test_resilience import _move_job_into_the_past


def test_sigkill_during_a_vote_burst_keeps_every_acknowledged_vote(start_bot, fake):
    people = [f"UV{i:04d}" for i in range(150)]
    for u in people:
        fake.add_user(u)
    fake.usergroups["SALL"] = people
    bot = start_bot()
    run(bot, fake, "roles agent <!subteam^SALL|@all>")
    run(bot, fake, "poll now")
    wait_delivered(bot, 150)
    sent = dms(fake)
    acked: dict[int, int] = {}
    tried: dict[int, int] = {}
    lock = threading.Lock()

    def voter(users):
        s = requests.Session()
        for i, u in enumerate(users):
            value = (i % 5) + 1
            body = urllib.parse.urlencode({"payload": json.dumps(vote_payload(fake, u, sent[u], 0, value))})
            with lock:
                tried[value] = tried.get(value, 0) + 1
            try:
                from support.harness import sign

                r = s.post(
                    bot.url,
                    data=body,
                    timeout=5,
                    headers={"Content-Type": "application/x-www-form-urlencoded", **sign(body)},
                )
            except requests.RequestException:
                return
            if r.status_code == 200:
                with lock:
                    acked[value] = acked.get(value, 0) + 1

    threads = [threading.Thread(target=voter, args=(people[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    while sum(acked.values()) < 40:
        time.sleep(0.005)
    bot.kill()
    for t in threads:
        t.join()
    assert 40 <= sum(acked.values()) < 150

    bot = start_bot()
    db = sqlite3.connect(bot.db_path)
    stored = dict(db.execute("SELECT value, count(*) FROM answers WHERE statement_id=1 GROUP BY value").fetchall())
    for value in range(1, 6):
        assert acked.get(value, 0) <= stored.get(value, 0) <= tried.get(value, 0)
    assert db.execute("SELECT count(*) FROM pulses WHERE status='open'").fetchone() == (1,)


@pytest.mark.waits
def test_sigkill_during_a_scheduled_digest_then_restart_posts_it_once(start_bot, team):
    team.add_channel("C0LEADS", "cx-leads", member=True)
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    assign_team(bot, team)
    run(bot, team, "poll now")
    wait_delivered(bot, 9)
    sent = dms(team)
    from support.harness import click

    # three of each role: a gap to chart at the threshold of 3
    for u, v in ((EXECS[0], 5), (EXECS[1], 4), (EXECS[2], 5), (AGENTS[0], 2), (AGENTS[1], 4), (AGENTS[2], 1)):
        click(bot, team, u, sent[u], 0, v)
    run(bot, team, "poll close")
    run(bot, team, "digest schedule <#C0LEADS|cx-leads> weekly mon 09:00 UTC")
    bot.stop()
    _move_job_into_the_past(bot.db_path, "digest:C0LEADS", minutes=10)
    team.delays["files.getUploadURLExternal"] = [30]  # the chart upload hangs: kill the bot meanwhile
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    team.wait_for("files.getUploadURLExternal", 1, timeout=20)
    bot.kill()
    assert len([m for m in team.messages.get("C0LEADS", []) if m.get("blocks")]) == 1
    assert team.calls_to("files.completeUploadExternal") == []

    start_bot({"MIN_RESPONDENTS": "3"})
    team.wait_for("files.completeUploadExternal", 1, timeout=30)
    time.sleep(1.5)
    digests = [m for m in team.messages["C0LEADS"] if m.get("blocks")]
    charts = [m for m in team.messages["C0LEADS"] if m.get("files")]
    assert len(digests) == 1 and len(charts) == 1
    assert "Pulsegap digest: Pulse #1" in block_texts(digests[0])


@pytest.mark.waits
def test_a_misbehaving_slack_is_retried_reported_and_commands_keep_working(start_bot, team):
    bot = start_bot({"TICK_SECONDS": "1", "SLACK_TIMEOUT": "2"})
    assign_team(bot, team)
    # chat.postMessage: 500s beyond the SDK's retries, a timeout, then rate limits; then healthy
    team.fail("chat.postMessage", *[(500, "internal_error")] * 12, *[(429, "ratelimited")] * 3)
    team.delays["chat.postMessage"] = [3]
    run(bot, team, "poll now")
    r = bot.command("feedback")  # still answering while the fan-out struggles
    assert r.status_code == 200 and "78%" in block_texts(r.json())
    deadline = time.time() + 60
    while time.time() < deadline and len({c["channel"] for c in team.calls_to("chat.postMessage")}) < 9:
        time.sleep(0.2)
    assert sorted({c["channel"] for c in team.calls_to("chat.postMessage")}) == sorted(EXECS + AGENTS + ["UGROUPONLY"])
    # the timed-out DM did arrive: a later tick finds it, and does not send it again
    status = status_until(bot, team, "(6 delivered, 0 still sending, 0 failed)")
    assert "Executives: 0 of 3 answered (3 delivered, 0 still sending, 0 failed)" in status
    assert "Agents: 0 of 6 answered (6 delivered, 0 still sending, 0 failed)" in status
    assert len(team.calls_to("chat.postMessage")) == len({c["channel"] for c in team.calls_to("chat.postMessage")})


def test_failures_that_last_are_reported_in_poll_status(start_bot, team):
    bot = start_bot({"TICK_SECONDS": "3600"})
    assign_team(bot, team)
    team.fail("chat.postMessage", *[(500, "internal_error")] * 200)
    run(bot, team, "poll now")
    status = status_until(
        bot, team, "(0 delivered, 0 still sending, 3 failed)", "(0 delivered, 0 still sending, 6 failed)", timeout=60
    )
    assert "Executives: 0 of 3 answered (0 delivered, 0 still sending, 3 failed)" in status
    assert "Agents: 0 of 6 answered (0 delivered, 0 still sending, 6 failed)" in status
