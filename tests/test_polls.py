"""End to end: roles, a pulse of DMs, votes, closing; the real bot and the fake Slack."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest

from support.harness import (
    AGENTS,
    EXECS,
    answers_beside_voters,
    assign_team,
    block_texts,
    click,
    closed_blocks,
    dms,
    replies_to,
    run,
    wait_delivered,
    wait_until,
)
from tests.handlers.test_comments import comment


def wait_closed_shown(bot, count: int) -> None:
    """Until `count` DMs are recorded as showing the closed pulse (each after its chat.update)."""

    def shown():
        with closing(sqlite3.connect(bot.db_path)) as db:
            return db.execute("SELECT count(*) FROM deliveries WHERE closed_shown=1").fetchone()[0] >= count

    wait_until(shown, what=f"{count} DMs showing the closed pulse")


@pytest.mark.waits
def test_closing_with_429s_updates_every_dm_once_across_a_crash(start_bot, team):
    bot = start_bot()
    assign_team(bot, team)
    run(bot, team, "poll now")
    wait_delivered(bot, 9)
    team.rate_limit["chat.update"] = 3  # per second; then 429 + Retry-After: 1
    t0 = time.monotonic()
    assert "Pulse #1 closed" in block_texts(run(bot, team, "poll close"))
    assert time.monotonic() - t0 < 1  # the close never waits on the DMs
    team.wait_for("chat.update", 3)
    time.sleep(0.4)  # the third is committed; the fourth waits out its 429
    bot.kill()
    assert len(team.calls_to("chat.update")) == 3
    bot = start_bot()  # resumes at start-up, not a tick later
    wait_closed_shown(bot, 9)  # recorded after each update: nothing is left to send
    updates = team.calls_to("chat.update")
    assert sorted(u["channel"] for u in updates) == sorted("D" + u[1:] for u in EXECS + AGENTS + ["UGROUPONLY"])
    assert all(u["blocks"] == closed_blocks(bot) for u in updates)
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM deliveries WHERE closed_shown=1").fetchone() == (9,)


def test_no_log_line_names_a_voter_beside_an_answer_at_debug(start_bot, team):
    bot = start_bot(env={"LOG_LEVEL": "DEBUG"})
    assign_team(bot, team)
    run(bot, team, "poll now")
    wait_delivered(bot, 9)
    sent = dms(team)
    voters = ["UEXEC1", "UEXEC2", "UAGENT1", "UAGENT4"]
    for i, user in enumerate(voters):
        click(bot, team, user, sent[user], 0, i + 1)
        click(bot, team, user, sent[user], 1, 5 - i)
    for user in voters:
        replies_to(team, user, 2)
    for user in voters:  # and a comment each, through the modal
        comment(bot, team, user, sent[user], f"Comment by {user}: the queue is broken")
    run(bot, team, "poll close")
    wait_closed_shown(bot, 9)
    log = bot.output()
    assert "DEBUG" in log and "chat.update" in log  # slack_sdk did log at DEBUG
    assert answers_beside_voters(log, voters) == []
    assert "comment_submit" not in log and "the queue is broken" not in log  # redacted, every level
