"""Crashes and restarts: the real bot process, killed with SIGKILL, restarted on the same file."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta, timezone

import pytest

from support.harness import Bot, block_texts, dms, run, wait_delivered


def pulse_dms_per_user(fake) -> dict[str, int]:
    counts: dict[str, int] = {}
    for channel, msgs in fake.messages.items():
        n = sum(1 for m in msgs if (m.get("metadata") or {}).get("event_type") == "pulsegap_wave")
        if n:
            counts["U" + channel[1:]] = n
    return counts


@pytest.mark.waits
def test_sigkill_mid_fanout_then_restart_dms_everyone_exactly_once(fake, start_bot):
    people = [f"UP{i:04d}" for i in range(200)]
    for u in people:
        fake.add_user(u)
    fake.usergroups["SALL"] = people
    fake.rate_limit["chat.postMessage"] = 40  # about five seconds of fan-out
    bot = start_bot()
    run(bot, fake, "roles agent <!subteam^SALL|@everyone-in-cx>")
    run(bot, fake, "poll now")
    fake.wait_for("chat.postMessage", 60, timeout=30)
    bot.kill()
    sent_before = len(pulse_dms_per_user(fake))
    assert 60 <= sent_before < 200

    start_bot()  # same database file
    wait_delivered(bot, 200)  # each recorded after its post: nothing is left to send twice
    counts = pulse_dms_per_user(fake)
    assert len(counts) == 200
    assert set(counts.values()) == {1}
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT state, count(*) FROM deliveries GROUP BY state").fetchall() == [("sent", 200)]


def _move_job_into_the_past(db_path, job_id: str, minutes: int) -> None:
    """Pretend the bot was down when the job was due: rewrite its next run time in the store."""
    from apscheduler.schedulers.background import BackgroundScheduler

    from services.jobstore import SQLiteJobStore

    store = SQLiteJobStore(str(db_path))
    store.start(BackgroundScheduler(), "default")
    job = store.lookup_job(job_id)
    job.next_run_time = datetime.now(timezone.utc) - timedelta(minutes=minutes)
    store.update_job(job)
    store.shutdown()


@pytest.mark.waits
def test_schedule_survives_restart_and_a_missed_run_runs_once(fake, start_bot):
    for u in ("UEXEC1", "UAGENT1"):
        fake.add_user(u)
    bot = start_bot()
    run(bot, fake, "roles exec <@UEXEC1>")
    run(bot, fake, "roles agent <@UAGENT1>")
    out = block_texts(run(bot, fake, "poll schedule weekly mon 09:00 Europe/Stockholm"))
    assert "Pulses scheduled every Monday at 09:00 (Europe/Stockholm)." in out
    bot.stop()
    _move_job_into_the_past(bot.db_path, "poll", minutes=30)

    bot = start_bot()
    fake.wait_for("chat.postMessage", 2, timeout=20)
    status = block_texts(run(bot, fake, "poll status"))
    assert "*Schedule:* every Monday at 09:00 (Europe/Stockholm)" in status
    assert "*Pulse #1* is open" in status
    bot.stop()

    start_bot()
    time.sleep(2)
    db = sqlite3.connect(bot.db_path)
    assert db.execute("SELECT count(*) FROM pulses").fetchone() == (1,)
    assert sorted(dms(fake)) == ["UAGENT1", "UEXEC1"]
    assert len(fake.calls_to("chat.postMessage")) == 2


def startup_error(bot) -> str:
    """What the bot printed when it refused to start (it must refuse)."""
    with pytest.raises(RuntimeError) as exc:
        bot.start(timeout=15)
    assert "Traceback" not in str(exc.value)
    return str(exc.value)


def test_missing_database_directory_is_a_clear_error(fake, tmp_path):
    assert "DATABASE_PATH directory does not exist" in startup_error(Bot(fake, tmp_path / "nope" / "pulsegap.db"))


def test_corrupt_database_is_a_clear_error_and_is_left_alone(fake, tmp_path):
    path = tmp_path / "pulsegap.db"
    path.write_bytes(b"this is not sqlite" * 100)
    assert "cannot be used as Pulsegap's database" in startup_error(Bot(fake, path))
    assert path.read_bytes() == b"this is not sqlite" * 100
