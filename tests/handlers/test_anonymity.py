"""Anonymity at the wire: after a pulse closes the files hold nothing that links an answer to a
person, each pulse keeps its threshold, small roster changes hide the trend, `/gap privacy`."""

from __future__ import annotations

import sqlite3
import time

from support.harness import AGENTS, EXECS, assign_team, block_texts, click, dms, run


def open_pulse(bot, team):
    assign_team(bot, team)
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 9)
    bot.settle()
    return dms(team)


def read_db(path, sql, params=()):
    """What someone with the file reads; the connection is closed again at once (no lasting reader)."""
    db = sqlite3.connect(path)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def files(path) -> dict[str, bytes]:
    out = {}
    for suffix in ("", "-wal", "-shm"):
        f = path.with_name(path.name + suffix)
        out[f.name] = f.read_bytes() if f.exists() else b""
    return out


def test_after_close_no_file_holds_the_secret_a_voter_key_or_a_wal_frame_from_before(start_bot, team):
    bot = start_bot({"TICK_SECONDS": "1"})
    sent = open_pulse(bot, team)
    for i, user in enumerate(EXECS + AGENTS):
        for statement in (0, 3, 6):
            click(bot, team, user, sent[user], statement, 1 + (i + statement) % 5)
    for user in (EXECS[0], AGENTS[1], AGENTS[4]):  # changes of mind
        click(bot, team, user, sent[user], 3, 5)
        click(bot, team, user, sent[user], 3, 1)
    secret = read_db(bot.db_path, "SELECT secret FROM pulses")[0][0]
    voters = {v for (v,) in read_db(bot.db_path, "SELECT DISTINCT voter FROM answers")}
    assert len(voters) == 8 and len(secret) == 64
    wal = bot.db_path.with_name("pulsegap.db-wal")
    assert secret.encode() in files(bot.db_path)[wal.name]  # what an attacker reads while it is open
    salt = wal.read_bytes()[16:24]

    assert "Pulse #1 closed: 3 executives and 5 agents answered." in block_texts(run(bot, team, "poll close"))
    deadline = time.time() + 20  # a reader may block the checkpoint: the tick retries it
    while time.time() < deadline and read_db(bot.db_path, "SELECT 1 FROM meta WHERE key='wal_checkpoint_pending'"):
        time.sleep(0.2)
    for name, data in files(bot.db_path).items():
        assert secret.encode() not in data, f"the secret is in {name}"
        assert [v for v in voters if v.encode() in data] == [], f"voter keys are in {name}"
    assert wal.stat().st_size == 0 or wal.read_bytes()[16:24] != salt  # no frame from before the close
    assert read_db(bot.db_path, "SELECT count(*) FROM answers") == [(0,)]
    assert "Executives: fewer than 5 answers · Agents: *" in block_texts(run(bot, team, "results"))


def test_the_threshold_is_frozen_into_the_pulse_and_small_cells_are_stored_without_figures(start_bot, team):
    bot = start_bot()
    sent = open_pulse(bot, team)
    assert "groups of at least 5 people (fixed for this pulse)" in sent["UEXEC1"]["blocks"][0]["text"]["text"]
    for user, value in zip(AGENTS, (4, 4, 5, 2, 1), strict=True):  # statement 1: five agents
        click(bot, team, user, sent[user], 0, value)
    for user in EXECS:  # statement 1: three executives
        click(bot, team, user, sent[user], 0, 5)
    for user in AGENTS[:2]:  # statement 2: two agents
        click(bot, team, user, sent[user], 1, 3)
    run(bot, team, "poll close")
    assert read_db(
        bot.db_path,
        "SELECT statement_id, role, value, n FROM pulse_counts WHERE statement_id IN (1, 2) ORDER BY 1, 2, 3",
    ) == [
        (1, "agent", 1, 1),
        (1, "agent", 2, 1),
        (1, "agent", 4, 2),
        (1, "agent", 5, 1),
        (1, "exec", 0, None),
        (2, "agent", 0, None),
        (2, "exec", 0, None),
    ]  # 0: suppressed
    bot.stop()

    lowered = start_bot({"MIN_RESPONDENTS": "3"})  # a later, lower setting
    out = run(lowered, team, "results")
    s1 = next(b for b in out["blocks"] if b.get("block_id") == "result:1")["text"]["text"]
    s2 = next(b for b in out["blocks"] if b.get("block_id") == "result:2")["text"]["text"]
    assert "Executives: fewer than 5 answers · Agents: *60%* agree (n=5)" in s1
    assert "Executives: fewer than 5 answers · Agents: fewer than 5 answers" in s2
    assert "No figure is shown for fewer than 5 answers." in block_texts(out)


def test_a_small_roster_change_hides_the_trend_and_small_roles_are_warned(start_bot, team):
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    team.add_channel("C0LEADS", "cx-leads", member=True)
    warning = ":warning: Small roles: executives 3 people, fewer than 5 (the threshold of 3, plus 2)."
    for pulse, values in ((1, (5, 1)), (2, (4, 2))):
        if pulse == 1:
            sent = open_pulse(bot, team)
        else:
            assert "Removed 1 of 1" in block_texts(run(bot, team, "roles remove <@UAGENT1>"))
            run(bot, team, "poll now")
            team.wait_for("chat.postMessage", 9 + 8)
            bot.settle()
            sent = dms(team)
        for user in EXECS:
            click(bot, team, user, sent[user], 0, values[0])
        for user in AGENTS[1:]:
            click(bot, team, user, sent[user], 0, values[1])
        if pulse == 1:
            assert warning in block_texts(run(bot, team, "poll status"))
        run(bot, team, "poll close")
    why = (
        "Trend hidden: the agents changed by 1 person since Pulse #1, fewer than 3, "
        "which could reveal individual answers."
    )
    results = block_texts(run(bot, team, "results"))
    assert why in results and "Since the previous pulse" not in results
    assert "Our gap: *+100 points*" in results
    run(bot, team, "digest <#C0LEADS|cx-leads>")
    assert f"*Trend*: {why}" in block_texts(team.calls_to("chat.postMessage")[-1])
    assert warning in block_texts(run(bot, team, "roles"))
    bot.event({"type": "app_home_opened", "user": "UADMIN", "tab": "home"})
    assert warning in block_texts(team.wait_for("views.publish")[0]["view"])


def test_privacy_is_answered_to_anyone_at_once(bot, team):
    r = bot.command("privacy", user="UMEMBER")
    assert r.status_code == 200
    text = block_texts(r.json())
    assert "No figure is shown for fewer than *5 answers* (this workspace's `MIN_RESPONDENTS`)" in text
    assert "a role of 5 people of whom 4 are accomplices" in text
    assert team.calls_to("chat.postMessage") == []
